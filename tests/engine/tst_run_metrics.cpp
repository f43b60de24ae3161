// The comparison's metrics, each on a scenario built to catch one way of getting it
// wrong, checked against what the lane's own event log says (recomputed here from
// the events by hand, not by the code under test).
#include "compare/Comparison.h"
#include "compare/MetricCatalog.h"
#include "scenario/ScenarioLoader.h"

#include <QFile>
#include <QTest>

using namespace suplab;

namespace {

Scenario load(const char* text) {
    auto loaded = loadScenarioText(text, "metrics.json");
    if (!loaded.scenario) qFatal("%s", loaded.errors.empty() ? "?" : loaded.errors[0].c_str());
    return *loaded.scenario;
}

LaneResult runLane(const char* text, const std::string& overrides = "max_restarts=3") {
    std::vector<std::string> errors;
    CompareOptions options;
    options.keepEvents = true;
    auto results = compareLanes(load(text), {parseLane(overrides, errors)}, options);
    return std::move(results.front());
}

/// The first time (ms) from `fromMs` on an event of `kind` at `path` is in the log, or -1.
double firstAt(const std::vector<Event>& events, EventKind kind, const std::string& path,
               double fromMs = 0) {
    for (const Event& e : events)
        if (e.kind == kind && e.path == path && double(e.tUs) / 1000.0 >= fromMs)
            return double(e.tUs) / 1000.0;
    return -1;
}

int countOf(const std::vector<Event>& events, EventKind kind, const std::string& reason = {}) {
    int n = 0;
    for (const Event& e : events)
        n += e.kind == kind && (reason.empty() || e.reason == reason) ? 1 : 0;
    return n;
}

// A worker whose every start takes 200 ms, killed once it is up.
const char* kSlowStart = R"({"name":"slow start","settle_ms":500,
  "root":{"id":"R","type":"supervisor","children":[{"id":"w","init_ms":200}]},
  "script":[{"at_ms":500,"do":"kill","target":"R/w"}]})";

// A trapping worker ignores an exit signal; a second worker crashes later.
const char* kTrapped = R"({"name":"trapped","settle_ms":300,
  "root":{"id":"R","type":"supervisor","children":[{"id":"t","trap_exit":true},{"id":"o","init_ms":50}]},
  "script":[{"at_ms":100,"do":"exit","target":"R/t","reason":"boom"},
            {"at_ms":400,"do":"crash","target":"R/o","reason":"boom"}]})";

// b calls a every 100 ms; under one_for_one a's restart gives it a pid b does not know.
const char* kNoproc = R"({"name":"noproc","settle_ms":1000,
  "root":{"id":"R","type":"supervisor","strategy":"one_for_one","max_restarts":10,
          "children":[{"id":"a"},{"id":"b","uses":["a"],"call_ms":100}]},
  "script":[{"at_ms":150,"do":"kill","target":"R/a"}]})";

// S may not restart at all, so one kill of w makes it give up; the root restarts S.
const char* kEscalation = R"({"name":"escalation","settle_ms":300,
  "root":{"id":"R","type":"supervisor","children":[
     {"id":"S","type":"supervisor","max_restarts":0,"children":[{"id":"w"}]},{"id":"x"}]},
  "script":[{"at_ms":100,"do":"kill","target":"R/S/w"}]})";

// A child ended on purpose by the script, and one killed after it is gone.
const char* kDeliberate = R"({"name":"deliberate","settle_ms":300,
  "root":{"id":"R","type":"supervisor","children":[{"id":"a"},{"id":"b"}]},
  "script":[{"at_ms":100,"do":"terminate_child","target":"R","child":"a"},
            {"at_ms":200,"do":"kill","target":"R/a"}]})";

} // namespace

class TstRunMetrics : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aRestartCostsTheInitMsItsWorkerDeclares() {
        const LaneResult r = runLane(kSlowStart);
        const double down = firstAt(r.events, EventKind::Down, "R/w");
        const double backUp = firstAt(r.events, EventKind::Up, "R/w", down);
        QVERIFY(down > 0 && backUp > 0);
        QCOMPARE(backUp - down, 200.0); // the log: the restart took the 200 ms init
        QCOMPARE(r.metrics.faultsLanded, 1);
        QCOMPARE(r.metrics.recovered, 1);
        QCOMPARE(*r.metrics.meanRecoveryMs, backUp - 500);
        QCOMPARE(r.metrics.workerDowntimeMs, backUp - down);
        // Owed from its first up (200 ms) to the window's end (1,000 ms): 800 ms, 600 up.
        QCOMPARE(r.metrics.windowMs, 1000.0);
        QCOMPARE(r.metrics.workerAvailability, 600.0 / 800.0);
    }

    void anExitSignalATrappingWorkerIgnoresIsAFaultWithoutEffect() {
        const LaneResult r = runLane(kTrapped);
        QCOMPARE(countOf(r.events, EventKind::Trapped), 1);
        QCOMPARE(firstAt(r.events, EventKind::Down, "R/t"), -1.0); // the log: t never went down
        QCOMPARE(r.metrics.faultsInjected, 2);
        QCOMPARE(r.metrics.faultsLanded, 1);
        QCOMPARE(r.metrics.faultsWithoutEffect, 1);
        // Only o's crash is recovered from, and only in o's own 50 ms restart: the
        // ignored signal is not credited with o's recovery.
        QCOMPARE(r.metrics.recovered, 1);
        QCOMPARE(*r.metrics.meanRecoveryMs, 50.0);
    }

    void followOnNoprocCrashesAreCountedApartAndDelayRecovery() {
        const LaneResult r = runLane(kNoproc);
        const int noprocs = countOf(r.events, EventKind::Down, "noproc");
        QVERIFY(noprocs >= 1); // the log: b crashed calling the a it knew
        QCOMPARE(r.metrics.faultsLanded, 1);
        QCOMPARE(r.metrics.followOnCrashes, noprocs);
        // Whole again only after b's restart, not at a's instant restart.
        const double bDown = firstAt(r.events, EventKind::Down, "R/b");
        const double bUp = firstAt(r.events, EventKind::Up, "R/b", bDown);
        QCOMPARE(r.metrics.recovered, 1);
        QCOMPARE(*r.metrics.meanRecoveryMs, bUp - 150);
        QVERIFY(*r.metrics.meanRecoveryMs > 0);
    }

    void anEscalationTheRootTakesInReachesTheRootWithoutFailingIt() {
        const LaneResult r = runLane(kEscalation);
        QCOMPARE(countOf(r.events, EventKind::GiveUp), 1);            // the log: S gave up
        QVERIFY(firstAt(r.events, EventKind::Up, "R/S", 100) >= 100); // and R restarted it
        QCOMPARE(r.metrics.giveUps, 1);
        QCOMPARE(r.metrics.escalationsAtRoot, 1);
        QCOMPARE(r.metrics.rootFailed, false);
        QVERIFY(r.metrics.reachedRoot());
        QCOMPARE(r.metrics.survivalMs, r.metrics.windowMs);
        QCOMPARE(r.metrics.closestApproach.at("R/S"), 2.0); // gave up with max_restarts 0
        QCOMPARE(r.metrics.lost, 0);
        QCOMPARE(r.metrics.recovered, 1);
    }

    void aChildEndedOnPurposeIsNoLossAndOwesNoService() {
        const LaneResult r = runLane(kDeliberate);
        QCOMPARE(firstAt(r.events, EventKind::Up, "R/a", 1), -1.0); // the log: a stays down
        QCOMPARE(r.metrics.lost, 0);
        QCOMPARE(r.metrics.deliberateEnds, 1);
        QCOMPARE(r.metrics.workerAvailability, 1.0);
        QCOMPARE(r.metrics.workerDowntimeMs, 0.0);
        // The kill of the child that is gone is injected, and has no effect.
        QCOMPARE(r.metrics.faultsInjected, 1);
        QCOMPARE(r.metrics.faultsLanded, 0);
    }

    void anEndOnPurposeAfterARecoveryDoesNotLengthenIt() {
        // b is killed and back at once at 50 ms; a is ended on purpose at 100 ms.
        const LaneResult r = runLane(R"({"name":"d","settle_ms":300,
          "root":{"id":"R","type":"supervisor","children":[{"id":"a"},{"id":"b"}]},
          "script":[{"at_ms":50,"do":"kill","target":"R/b"},
                    {"at_ms":100,"do":"terminate_child","target":"R","child":"a"}]})");
        QCOMPARE(firstAt(r.events, EventKind::Up, "R/b", 50), 50.0); // the log: b back at once
        QCOMPARE(r.metrics.recovered, 1);
        QCOMPARE(*r.metrics.maxRecoveryMs, 0.0);
    }

    void theRootFailingEndsItsSurvival() {
        const LaneResult r = runLane(kEscalation, "R/S.max_restarts=0,max_restarts=0");
        QCOMPARE(r.metrics.rootFailed, true);
        QCOMPARE(*r.metrics.rootFailedAtMs, firstAt(r.events, EventKind::GiveUp, "R"));
        QCOMPARE(r.metrics.survivalMs, 100.0);
        QCOMPARE(r.metrics.recovered, 0);
        QVERIFY(!r.metrics.meanRecoveryMs); // none, not 0
        QCOMPARE(r.metrics.lost, 4);
    }

    void theWindowIsTheDurationAskedForThenASettle_data() {
        QTest::addColumn<double>("duration");
        QTest::addColumn<qint64>("endUs");
        QTest::newRow("30 s of chaos") << 30.0 << qint64(31'000'000);
        QTest::newRow("19 s of chaos") << 19.0 << qint64(20'000'000);
        QTest::newRow("chaos shorter than the script") << 1.0 << qint64(4'050'000);
    }
    void theWindowIsTheDurationAskedForThenASettle() {
        QFETCH(double, duration);
        QFETCH(qint64, endUs);
        Scenario s = load(R"({"name":"w","settle_ms":1000,
          "root":{"id":"R","type":"supervisor","children":[{"id":"a"}]},
          "script":[{"at_ms":3050,"do":"kill","target":"R/a"}]})");
        ChaosOptions chaos;
        chaos.ratePerSecond = 0.3;
        chaos.durationSeconds = duration;
        CompareOptions options;
        options.chaos = chaos;
        QCOMPARE(measuredWindowEndUs(playedScenario(s, options), chaos), std::int64_t(endUs));
    }

    void faultsInjectedIsTheScheduleTheSameInEveryLane() {
        Scenario s = load(kNoproc);
        ChaosOptions chaos;
        chaos.ratePerSecond = 3;
        chaos.durationSeconds = 5;
        chaos.seed = 4;
        CompareOptions options;
        options.chaos = chaos;
        std::vector<std::string> errors;
        const auto results = compareLanes(
            s, {parseLane("max_restarts=1", errors), parseLane("max_restarts=100", errors)},
            options);
        const Scenario played = playedScenario(s, options);
        int scheduled = 0;
        for (const ScriptStep& step : played.script)
            scheduled += step.action == StepAction::Kill || step.action == StepAction::Crash;
        QCOMPARE(results[0].metrics.faultsInjected, scheduled);
        QCOMPARE(results[1].metrics.faultsInjected, scheduled);
        QVERIFY(results[0].metrics.faultsLanded < results[1].metrics.faultsLanded);
    }

    void withoutTheScriptOnlyTheChaosPlays() {
        ChaosOptions chaos;
        chaos.ratePerSecond = 1;
        chaos.durationSeconds = 3;
        CompareOptions options;
        options.chaos = chaos;
        options.withScript = false;
        const Scenario played = playedScenario(load(kDeliberate), options);
        QVERIFY(!played.script.empty());
        for (const ScriptStep& step : played.script)
            QVERIFY(step.action != StepAction::TerminateChild);
    }

    void theGuideDefinesEveryMetricInTheCatalogsWords() {
        QFile guide(QStringLiteral(SUPLAB_SOURCE_DIR "/docs/guide.md"));
        QVERIFY(guide.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(guide.readAll());
        for (const MetricInfo& info : metricCatalog()) {
            const QString line =
                QStringLiteral("- `%1`: %2")
                    .arg(QString::fromUtf8(info.key), QString::fromUtf8(info.definition));
            QVERIFY2(text.contains(line), info.key);
        }
    }

    void aNoteSaysWhereRestartsCostNoTime_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("note");
        QTest::newRow("every worker starts in no time")
            << R"({"name":"n","root":{"id":"R","type":"supervisor","children":[{"id":"a"}]}})"
            << "Every worker declares init_ms 0";
        QTest::newRow("workers the script starts count too")
            << R"({"name":"n","root":{"id":"D","type":"dynamic_supervisor"},
                  "script":[{"at_ms":0,"do":"start_child","target":"D","child":{"id":"u"}}]})"
            << "Every worker declares init_ms 0";
        QTest::newRow("some workers take time to start")
            << R"({"name":"n","root":{"id":"R","type":"supervisor","children":[
                  {"id":"a"},{"id":"b","init_ms":50}]}})"
            << "1 of 2 workers declare init_ms 0";
        QTest::newRow("every worker takes time to start")
            << R"({"name":"n","root":{"id":"R","type":"supervisor","children":[{"id":"b","init_ms":50}]}})"
            << "";
    }
    void aNoteSaysWhereRestartsCostNoTime() {
        QFETCH(QString, scenario);
        QFETCH(QString, note);
        const auto notes = comparisonNotes(load(scenario.toUtf8().constData()));
        if (note.isEmpty()) {
            QVERIFY(notes.empty());
            return;
        }
        QCOMPARE(notes.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(notes[0]).startsWith(note), notes[0].c_str());
    }

    void everyMetricIsDefinedInOneSentence() {
        for (const MetricInfo& info : metricCatalog()) {
            const QString definition = QString::fromUtf8(info.definition);
            QVERIFY2(definition.endsWith(QLatin1Char('.')), info.key);
            QVERIFY2(definition.count(QStringLiteral(". ")) == 0, info.key);
        }
    }
};

QTEST_GUILESS_MAIN(TstRunMetrics)
#include "tst_run_metrics.moc"
