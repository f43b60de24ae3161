// The console runs the lesson's iex sessions as written and answers as iex does
// (pids aside): each row is one line typed after the ones above it.
#include "console/EngineWorld.h"
#include "console/Evaluator.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"

#include <QRegularExpression>
#include <QTest>

using namespace suplab;
using namespace suplab::console;

namespace {
struct Session {
    explicit Session(const std::string& file) {
        loaded = loadScenarioFile(SUPLAB_SOURCE_DIR "/resources/scenarios/" + file);
        if (!loaded.ok()) return;
        engine = std::make_unique<Engine>(ClockKind::Virtual);
        player = std::make_unique<ScenarioPlayer>(*engine, *loaded.scenario);
        if (player->startTree()) player->startDynamicChildren();
        world = std::make_unique<EngineWorld>(*engine, loaded.scenario->root);
        evaluator = std::make_unique<Evaluator>(*world);
    }
    ~Session() {
        if (engine) engine->shutdown();
    }
    LoadResult loaded;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<ScenarioPlayer> player;
    std::unique_ptr<EngineWorld> world;
    std::unique_ptr<Evaluator> evaluator;
};

/// Pids differ from the BEAM's: `#PID<0.N.0>` compares as `#PID<...>`.
QString withoutPids(QString text) {
    return text.replace(QRegularExpression(QStringLiteral("#PID<[0-9.]+>")),
                        QStringLiteral("#PID<...>"));
}
} // namespace

class TstConsole : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void theLessonsSessionsRunAsWritten_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QStringList>("replies");
        QTest::newRow("Counter and KVStore: a restart wipes the state")
            << "01_counter_kvstore.json"
            << QStringList{"Counter.get_count()", "Counter.increment(10)", "Counter.get_count()",
                           "Process.exit(Process.whereis(Counter), :kill)", "Counter.get_count()"}
            << QStringList{"0", ":ok", "10", "true", "0"};
        QTest::newRow("KVStore keeps what is put until it restarts")
            << "01_counter_kvstore.json"
            << QStringList{"KVStore.put(:name, \"Ann\")", "KVStore.get(:name)",
                           "KVStore.delete(:name)", "KVStore.get(:name)"}
            << QStringList{":ok", "\"Ann\"", ":ok", "nil"};
    }
    void theLessonsSessionsRunAsWritten() {
        QFETCH(QString, scenario);
        QFETCH(QStringList, lines);
        QFETCH(QStringList, replies);
        Session session(scenario.toStdString());
        QVERIFY(session.loaded.ok());
        for (int i = 0; i < lines.size(); ++i) {
            const Reply reply = session.evaluator->eval(lines[i].toStdString());
            QCOMPARE(withoutPids(QString::fromStdString(reply.text)), replies[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TstConsole)
#include "tst_console.moc"
