// Every conformance case, on both clocks, must give the trace the real Elixir/OTP
// runtime gave (compared as tests/conformance/compare_traces.py compares). The
// repository's cases always run; ../shared's too when it is beside the checkout.
#include "events/EventFormat.h"
#include "run/EngineCore.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "support/TraceCompare.h"

#include <QDir>
#include <QTest>

using namespace suplab;

class TstConformance : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void caseMatchesTheOracle_data();
    void caseMatchesTheOracle();
};

void TstConformance::caseMatchesTheOracle_data() {
    QTest::addColumn<QString>("scenarioFile");
    QTest::addColumn<int>("clock");
    // Ours (made with oracle/run.sh), then the shared ones when they are there.
    struct Corpus {
        const char* dir;
        bool ours;
    };
    for (const Corpus corpus : {Corpus{SUPLAB_SOURCE_DIR "/tests/conformance/cases", true},
                                Corpus{SUPLAB_SHARED_DIR "/conformance/cases", false}}) {
        const QDir dir(QString::fromUtf8(corpus.dir));
        const bool ours = corpus.ours;
        if (!ours && !dir.exists()) continue;
        const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(),
                 qPrintable(QStringLiteral("no conformance cases in ") + dir.absolutePath()));
        for (const auto& clock : {ClockKind::Virtual, ClockKind::Real}) {
            for (const auto& f : files) {
                const QString name =
                    (ours ? QString() : QStringLiteral("shared: ")) + f.chopped(5) +
                    (clock == ClockKind::Virtual ? QStringLiteral(" on the virtual clock")
                                                 : QStringLiteral(" on the real clock"));
                QTest::newRow(qPrintable(name)) << dir.filePath(f) << int(clock);
            }
        }
    }
}

void TstConformance::caseMatchesTheOracle() {
    QFETCH(QString, scenarioFile);
    QFETCH(int, clock);
    LoadResult loaded = loadScenarioFile(scenarioFile.toStdString());
    QVERIFY2(loaded.ok(), loaded.errors.empty() ? "" : loaded.errors.front().c_str());
    const auto events = playScenario(*loaded.scenario, static_cast<ClockKind>(clock));
    QString traceFile = scenarioFile;
    traceFile.replace(QStringLiteral(".json"), QStringLiteral(".trace"));
    const std::string expected = test::readFile(traceFile.toStdString());
    const QString diff =
        test::traceDifference(expected, conformanceTrace(events), *loaded.scenario->root);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

QTEST_GUILESS_MAIN(TstConformance)
#include "tst_conformance.moc"
