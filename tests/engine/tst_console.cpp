// The console runs the lesson's iex sessions as written and answers as iex does
// (pids aside): each row is one line typed after the ones above it.
#include "console/EngineWorld.h"
#include "console/Evaluator.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "support/TraceCompare.h"

#include <QRegularExpression>
#include <QTest>

using namespace suplab;
using namespace suplab::console;

namespace {
struct Session {
    /// `started`: the tree is up, as when an example opens; otherwise the first line
    /// starts it, as the lesson's sessions do, and the dynamic supervisors start empty.
    Session(const std::string& file, bool started, const std::string& modules) {
        loaded = loadScenarioFile(SUPLAB_SOURCE_DIR "/resources/scenarios/" + file);
        if (!loaded.ok()) return;
        if (!started) emptyDynamicSupervisors();
        engine = std::make_unique<Engine>(ClockKind::Virtual);
        world = std::make_unique<EngineWorld>(*engine, *loaded.scenario);
        if (started) world->startTree();
        evaluator = std::make_unique<Evaluator>(*world);
        if (!modules.empty())
            evaluator->defineModules(
                test::readFile(SUPLAB_SOURCE_DIR "/resources/elixir/" + modules));
    }
    void emptyDynamicSupervisors() {
        auto root = std::make_shared<NodeSpec>(*loaded.scenario->root);
        if (root->type == NodeType::DynamicSupervisor) root->children.clear();
        loaded.scenario->root = root;
    }
    ~Session() {
        if (engine) engine->shutdown();
    }
    LoadResult loaded;
    std::unique_ptr<Engine> engine;
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
        QTest::addColumn<bool>("started");
        QTest::addColumn<QString>("modules");
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QStringList>("replies");
        QTest::newRow("the lesson's Counter session, as written")
            << "01_counter_kvstore.json" << false << "lesson_counter_kvstore.ex"
            << QStringList{"MyApp.Supervisor.start_link(:ok)",
                           "Counter.get_count()",
                           "Counter.increment(10)",
                           "Counter.get_count()",
                           "Process.exit(Process.whereis(Counter), :kill)",
                           "Counter.get_count()"}
            << QStringList{"{:ok, #PID<...>}", "0", ":ok", "10", "true", "0"};
        QTest::newRow("the lesson's SessionSupervisor session, as written")
            << "04_session_supervisor.json" << false << "lesson_session_supervisor.ex"
            << QStringList{"MyApp.SessionSupervisor.start_link(:ok)",
                           "{:ok, session1} = MyApp.SessionSupervisor.start_session(\"user_1\")",
                           "{:ok, session2} = MyApp.SessionSupervisor.start_session(\"user_2\")",
                           "DynamicSupervisor.count_children(MyApp.SessionSupervisor)"}
            << QStringList{"{:ok, #PID<...>}", "{:ok, #PID<...>}", "{:ok, #PID<...>}",
                           "%{active: 2, specs: 2, supervisors: 0, workers: 2}"};
        QTest::newRow("an example that is already up: a restart wipes the state")
            << "01_counter_kvstore.json" << true << ""
            << QStringList{"Counter.get_count()", "Counter.increment(10)", "Counter.get_count()",
                           "Process.exit(Process.whereis(Counter), :kill)", "Counter.get_count()"}
            << QStringList{"0", ":ok", "10", "true", "0"};
        QTest::newRow("KVStore keeps what is put until it restarts")
            << "01_counter_kvstore.json" << true << ""
            << QStringList{"KVStore.put(:name, \"Ann\")", "KVStore.get(:name)",
                           "KVStore.delete(:name)", "KVStore.get(:name)"}
            << QStringList{":ok", "\"Ann\"", ":ok", "nil"};
    }
    void theLessonsSessionsRunAsWritten() {
        QFETCH(QString, scenario);
        QFETCH(bool, started);
        QFETCH(QString, modules);
        QFETCH(QStringList, lines);
        QFETCH(QStringList, replies);
        Session session(scenario.toStdString(), started, modules.toStdString());
        QVERIFY(session.loaded.ok());
        for (int i = 0; i < lines.size(); ++i) {
            const Reply reply = session.evaluator->eval(lines[i].toStdString());
            QCOMPARE(withoutPids(QString::fromStdString(reply.text)), replies[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TstConsole)
#include "tst_console.moc"
