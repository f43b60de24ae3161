// Every shared conformance case, on both clocks, must give the trace the real
// Elixir/OTP runtime gave (compared as compare.py compares).
#include "events/EventFormat.h"
#include "run/Engine.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "support/TraceCompare.h"

#include <QDir>
#include <QTest>

using namespace suplab;

class TstConformance : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void sharedCaseMatchesTheOracle_data();
    void sharedCaseMatchesTheOracle();
};

void TstConformance::sharedCaseMatchesTheOracle_data() {
    QTest::addColumn<QString>("scenarioFile");
    QTest::addColumn<int>("clock");
    // The shared cases, then ours (made with ../shared/oracle/run_oracle.sh).
    for (const char* dirName :
         {SUPLAB_SHARED_DIR "/conformance/cases", SUPLAB_SOURCE_DIR "/tests/conformance/cases"}) {
        const QDir dir(QString::fromUtf8(dirName));
        const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), "no conformance cases found");
        for (const auto& clock : {ClockKind::Virtual, ClockKind::Real}) {
            for (const auto& f : files) {
                const QString name = f.chopped(5) + (clock == ClockKind::Virtual
                                                         ? QStringLiteral(" on the virtual clock")
                                                         : QStringLiteral(" on the real clock"));
                QTest::newRow(qPrintable(name)) << dir.filePath(f) << int(clock);
            }
        }
    }
}

void TstConformance::sharedCaseMatchesTheOracle() {
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
