// The virtual clock is deterministic: the same scenario gives the same JSONL,
// byte for byte, every run.
#include "events/EventFormat.h"
#include "run/EngineCore.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"

#include <QDir>
#include <QTest>

using namespace suplab;

namespace {
std::string runOnce(const Scenario& scenario) {
    return jsonl(playScenario(scenario, ClockKind::Virtual));
}
} // namespace

class TstDeterminism : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void virtualRunGivesIdenticalJsonlTwice_data() {
        QTest::addColumn<QString>("scenarioFile");
        for (const char* dirName : {SUPLAB_SOURCE_DIR "/tests/conformance/cases",
                                    SUPLAB_SOURCE_DIR "/resources/scenarios"}) {
            const QDir dir(QString::fromUtf8(dirName));
            for (const auto& f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(f)) << dir.filePath(f);
        }
    }
    void virtualRunGivesIdenticalJsonlTwice() {
        QFETCH(QString, scenarioFile);
        auto loaded = loadScenarioFile(scenarioFile.toStdString());
        QVERIFY(loaded.ok());
        const std::string first = runOnce(*loaded.scenario);
        const std::string second = runOnce(*loaded.scenario);
        QVERIFY(!first.empty());
        QCOMPARE(second, first);
    }

    void seedChangesRandomFailuresOnly_data() {
        QTest::addColumn<int>("seedA");
        QTest::addColumn<int>("seedB");
        QTest::addColumn<bool>("same");
        QTest::newRow("same seed, same run") << 7 << 7 << true;
        QTest::newRow("another seed, another run") << 7 << 8 << false;
    }
    void seedChangesRandomFailuresOnly() {
        QFETCH(int, seedA);
        QFETCH(int, seedB);
        QFETCH(bool, same);
        const char* text = R"({"name":"mtbf","settle_ms":3000,
            "root":{"id":"R","type":"supervisor","max_restarts":1000,
                    "children":[{"id":"flaky","mtbf_ms":200}]}})";
        auto loaded = loadScenarioText(text, "mtbf.json");
        QVERIFY(loaded.ok());
        Scenario a = *loaded.scenario, b = *loaded.scenario;
        a.seed = static_cast<std::uint64_t>(seedA);
        b.seed = static_cast<std::uint64_t>(seedB);
        const std::string ra = runOnce(a), rb = runOnce(b);
        QVERIFY(ra.find("random_failure") != std::string::npos);
        QCOMPARE(ra == rb, same);
    }
};

QTEST_GUILESS_MAIN(TstDeterminism)
#include "tst_determinism.moc"
