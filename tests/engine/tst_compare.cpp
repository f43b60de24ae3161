// Comparing strategies: the table of a small scripted scenario, worked out by
// hand; the same seed gives the same table; chaos faults land in every lane alike.
#include "compare/Comparison.h"
#include "compare/MetricCatalog.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"

#include <QTest>

#include <cmath>

using namespace suplab;

namespace {
// a, b, c under one_for_all; a is killed at 100 ms, b at 200 ms; the window ends at 500 ms.
const char* kSmall = R"({"name":"small","settle_ms":300,
  "root":{"id":"R","type":"supervisor","strategy":"one_for_all","children":[{"id":"a"},{"id":"b"},{"id":"c"}]},
  "script":[{"at_ms":100,"do":"kill","target":"R/a"},{"at_ms":200,"do":"kill","target":"R/b"}]})";

Scenario load(const char* text) {
    auto loaded = loadScenarioText(text, "small.json");
    return *loaded.scenario;
}
LaneSpec lane(const std::string& text) {
    std::vector<std::string> errors;
    return parseLane(text, errors);
}
} // namespace

class TstCompare : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void laneTableMatchesHandWorkedNumbers_data() {
        QTest::addColumn<QString>("lane");
        QTest::addColumn<int>("restarts");
        QTest::addColumn<int>("giveUps");
        QTest::addColumn<int>("bystanders");
        QTest::addColumn<int>("lost");
        QTest::addColumn<int>("recovered");
        QTest::addColumn<double>("downtimeMs");
        QTest::addColumn<double>("availability");
        QTest::addColumn<bool>("rootFailed");
        // one_for_all: each kill restarts all three, the other two as bystanders.
        QTest::newRow("one_for_all restarts everything twice")
            << "max_restarts=3" << 2 << 0 << 4 << 0 << 2 << 0.0 << 1.0 << false;
        // one_for_one: only the killed child, no bystanders.
        QTest::newRow("one_for_one restarts the dead child only")
            << "strategy=one_for_one" << 2 << 0 << 0 << 0 << 2 << 0.0 << 1.0 << false;
        // max_restarts 1: the second kill gives up at 200 ms; R, a, b, c are down for
        // the last 300 ms of 500: the workers 3 x 300 ms down, each 40% available; the
        // tree is never whole again after the second kill.
        QTest::newRow("max_restarts 1 gives up and the failure reaches the root")
            << "max_restarts=1" << 1 << 1 << 2 << 4 << 1 << 900.0 << 0.4 << true;
    }
    void laneTableMatchesHandWorkedNumbers() {
        QFETCH(QString, lane);
        QFETCH(int, restarts);
        QFETCH(int, giveUps);
        QFETCH(int, bystanders);
        QFETCH(int, lost);
        QFETCH(int, recovered);
        QFETCH(double, downtimeMs);
        QFETCH(double, availability);
        QFETCH(bool, rootFailed);
        const auto results = compareLanes(load(kSmall), {::lane(lane.toStdString())}, {});
        QCOMPARE(results.size(), std::size_t(1));
        const RunMetrics& m = results[0].metrics;
        QCOMPARE(m.restarts, restarts);
        QCOMPARE(m.giveUps, giveUps);
        QCOMPARE(m.bystanders, bystanders);
        QCOMPARE(m.lost, lost);
        QCOMPARE(m.faultsInjected, 2);
        QCOMPARE(m.faultsLanded, 2);
        QCOMPARE(m.recovered, recovered);
        QCOMPARE(m.workerDowntimeMs, downtimeMs);
        QCOMPARE(m.workerAvailability, availability);
        QCOMPARE(m.rootFailed, rootFailed);
    }

    void backoffDelaysEachRestartMoreWhileTheCrashesGoOn() {
        // Beyond OTP: 100 ms before the first restart, 200 ms before the second.
        const char* text = R"({"name":"backoff","settle_ms":500,
          "root":{"id":"R","type":"supervisor","children":[{"id":"a"}]},
          "script":[{"at_ms":100,"do":"kill","target":"R/a"},{"at_ms":300,"do":"kill","target":"R/a"}]})";
        const auto results =
            compareLanes(load(text), {lane("backoff=100:1000:0"), lane("max_restarts=3")}, {});
        QCOMPARE(results[0].metrics.recovered, 2);
        QCOMPARE(*results[0].metrics.meanRecoveryMs, 150.0);
        QCOMPARE(*results[0].metrics.maxRecoveryMs, 200.0);
        QCOMPARE(results[0].metrics.workerDowntimeMs, 300.0);
        QCOMPARE(*results[1].metrics.maxRecoveryMs, 0.0); // OTP restarts at once
    }

    void backoffWorksUnderADynamicSupervisorToo() {
        const char* text = R"({"name":"dynamic backoff","settle_ms":500,
          "root":{"id":"D","type":"dynamic_supervisor","children":[{"id":"u"}]},
          "script":[{"at_ms":100,"do":"kill","target":"D/u"},{"at_ms":300,"do":"kill","target":"D/u"}]})";
        const auto results = compareLanes(load(text), {lane("backoff=100:1000:0")}, {});
        QCOMPARE(results[0].metrics.recovered, 2);
        QCOMPARE(*results[0].metrics.maxRecoveryMs, 200.0);
    }

    void aSpreadOverSeedsHasItsIntervalOfTheMean_data() {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<bool>("yesNo");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("sd");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // mean 3, sd sqrt(2.5) = 1.5811, t(4) = 2.776: 3 +- 2.776 * 1.5811 / sqrt(5).
        QTest::newRow("five measures: Student's t")
            << QList<double>{1, 2, 3, 4, 5} << false << 3.0 << 1.58114 << 1.03713 << 4.96287;
        // Wilson at 0 of 20: [0, 0.1611], where mean +- t*sd would say [0, 0].
        QTest::newRow("a share of 0 of 20: Wilson's interval")
            << QList<double>(20, 0.0) << true << 0.0 << 0.0 << 0.0 << 0.16113;
        QTest::newRow("a share of 10 of 20") << (QList<double>(10, 0.0) + QList<double>(10, 1.0))
                                             << true << 0.5 << 0.51299 << 0.29929 << 0.70071;
    }
    void aSpreadOverSeedsHasItsIntervalOfTheMean() {
        QFETCH(QList<double>, values);
        QFETCH(bool, yesNo);
        QFETCH(double, mean);
        QFETCH(double, sd);
        QFETCH(double, low);
        QFETCH(double, high);
        const auto s = spreadOf(std::vector<double>(values.begin(), values.end()), yesNo);
        QVERIFY(s);
        QCOMPARE(s->runs, int(values.size()));
        QVERIFY(std::abs(s->mean - mean) < 1e-4);
        QVERIFY(std::abs(s->sd - sd) < 1e-4);
        QVERIFY2(s->low && std::abs(*s->low - low) < 1e-4, qPrintable(QString::number(*s->low)));
        QVERIFY2(s->high && std::abs(*s->high - high) < 1e-4,
                 qPrintable(QString::number(*s->high)));
    }

    void aRecoveryMeanOverSeedsLeavesOutSeedsWithNone() {
        // Every recovery took 100 ms; a seed with none must not pull the mean to 50.
        RunMetrics recoveredIn100, none;
        recoveredIn100.meanRecoveryMs = 100.0;
        const std::vector<SeedRun> runs{{1, {{"a", recoveredIn100, {}}}}, {2, {{"a", none, {}}}}};
        const auto d = distribute(runs);
        const auto k = std::size_t(metricInfo("mean_recovery_ms") - metricCatalog().data());
        QVERIFY(d[0].metrics[k]);
        QCOMPARE(d[0].metrics[k]->runs, 1);
        QCOMPARE(d[0].metrics[k]->mean, 100.0);
    }

    void aLaneIsCalledBetterOnlyWhereTheIntervalsSeparate() {
        auto run = [](std::uint64_t seed, double availA, double availB, int bystandersB) {
            RunMetrics a, b;
            a.workerAvailability = availA;
            b.workerAvailability = availB;
            a.bystanders = 1;
            b.bystanders = bystandersB;
            return SeedRun{seed, {{"A", a, {}}, {"B", b, {}}}};
        };
        // Availability: A about 0.9, B about 0.5, little spread: A is better. Bystanders:
        // B's spread wide enough to cover A's: no verdict.
        const std::vector<SeedRun> runs{run(1, 0.90, 0.50, 0), run(2, 0.91, 0.52, 9),
                                        run(3, 0.89, 0.49, 1), run(4, 0.90, 0.51, 8)};
        QStringList said;
        for (const Verdict& v : verdictsOf(distribute(runs)))
            said << QString::fromStdString(v.metric + ": " + v.better + " over " + v.worse);
        QVERIFY2(said.contains(QStringLiteral("worker_availability: A over B")),
                 qPrintable(said.join(QLatin1Char('\n'))));
        for (const QString& line : said)
            QVERIFY2(!line.startsWith(QStringLiteral("bystanders")), qPrintable(line));
        const std::string csv = distributionCsv(distribute(runs));
        QVERIFY(csv.find("A,worker_availability,4,") != std::string::npos);
        QVERIFY(perSeedCsv(runs).find("\r\n4,B,") != std::string::npos);
    }

    void sameSeedGivesTheSameTable() {
        const Scenario s = load(kSmall);
        ChaosOptions chaos;
        chaos.ratePerSecond = 20;
        chaos.durationSeconds = 3;
        chaos.seed = 42;
        const std::vector<LaneSpec> lanes{lane("strategy=one_for_one"),
                                          lane("strategy=rest_for_one")};
        CompareOptions options;
        options.chaos = chaos;
        const std::string first = comparisonCsv(compareLanes(s, lanes, options));
        QCOMPARE(comparisonCsv(compareLanes(s, lanes, options)), first);
        options.chaos->seed = 43;
        QVERIFY(comparisonCsv(compareLanes(s, lanes, options)) != first);
    }

    void mirroredFaultsLandInEveryLane() {
        const Scenario s = load(kSmall);
        ChaosOptions chaos;
        chaos.ratePerSecond = 5;
        chaos.durationSeconds = 2;
        chaos.seed = 7;
        chaos.kinds = {StepAction::Crash};
        const auto faults = chaosSteps(*s.root, chaos);
        QVERIFY(faults.size() > 3);
        std::vector<std::vector<std::pair<std::int64_t, std::string>>> injected;
        for (const char* text :
             {"strategy=one_for_one,max_restarts=1000", "strategy=one_for_all,max_restarts=1000",
              "strategy=rest_for_one,max_restarts=1000"}) {
            std::vector<std::string> errors;
            Scenario laneScenario = withFaults(applyLane(s, lane(text), errors), faults);
            laneScenario.settle_ms = 0;
            laneScenario.stop_at_end = false;
            injected.emplace_back();
            for (const auto& e : playScenario(laneScenario, ClockKind::Virtual))
                if (e.kind == EventKind::Inject && e.detail == "crash")
                    injected.back().emplace_back(e.tUs, e.path);
        }
        QCOMPARE(injected[0].size(), faults.size());
        QCOMPARE(injected[1], injected[0]);
        QCOMPARE(injected[2], injected[0]);
    }

    void chaosTargetsFollowTheFilter_data() {
        QTest::addColumn<QString>("subtree");
        QTest::addColumn<bool>("workersOnly");
        QTest::addColumn<QString>("targets");
        QTest::newRow("every worker") << "" << true << "R/a R/b R/c";
        QTest::newRow("supervisors too") << "" << false << "R R/a R/b R/c";
        QTest::newRow("one subtree") << "R/b" << true << "R/b";
        QTest::newRow("a path that is not there") << "R/zz" << true << "";
    }
    void chaosTargetsFollowTheFilter() {
        QFETCH(QString, subtree);
        QFETCH(bool, workersOnly);
        QFETCH(QString, targets);
        ChaosOptions o;
        o.subtree = subtree.toStdString();
        o.workersOnly = workersOnly;
        std::string joined;
        for (const auto& t : chaosTargets(*load(kSmall).root, o))
            joined += (joined.empty() ? "" : " ") + t;
        QCOMPARE(QString::fromStdString(joined), targets);
    }

    void laneOverridesAreChecked_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("a strategy for the root") << "strategy=rest_for_one"
                                                 << "";
        QTest::newRow("a child's restart type") << "R/a.restart=temporary"
                                                << "";
        QTest::newRow("an unknown strategy") << "strategy=all_for_one"
                                             << "expected one_for_one, one_for_all or rest_for_one";
        QTest::newRow("a strategy on a worker") << "R/a.strategy=one_for_one"
                                                << "only a supervisor has a strategy";
        QTest::newRow("a path that is not there") << "R/zz.restart=transient"
                                                  << "expected a path in the scenario's tree";
        QTest::newRow("an unknown key") << "colour=red"
                                        << "unknown key";
        QTest::newRow("a backoff") << "backoff=100:5000:0.2"
                                   << "";
        QTest::newRow("a backoff whose cap is below its base") << "backoff=500:100"
                                                               << "expected BASE_MS:MAX_MS";
        QTest::newRow("a backoff with too much jitter") << "backoff=100:500:2"
                                                        << "JITTER in 0..1";
        QTest::newRow("no value") << "strategy="
                                  << "expected KEY=VALUE";
    }
    void laneOverridesAreChecked() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        std::vector<std::string> errors;
        const LaneSpec spec = parseLane(text.toStdString(), errors);
        const Scenario s = applyLane(load(kSmall), spec, errors);
        if (error.isEmpty()) {
            QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
        } else {
            QVERIFY(!errors.empty());
            QVERIFY2(QString::fromStdString(errors.front()).contains(error),
                     errors.front().c_str());
        }
    }

    void overrideLeavesTheOriginalScenarioAlone() {
        const Scenario s = load(kSmall);
        std::vector<std::string> errors;
        const Scenario changed =
            applyLane(s, lane("strategy=rest_for_one,R/a.restart=temporary"), errors);
        QCOMPARE(changed.root->strategy, Strategy::RestForOne);
        QCOMPARE(changed.root->children[0]->restart, RestartType::Temporary);
        QCOMPARE(s.root->strategy, Strategy::OneForAll);
        QCOMPARE(s.root->children[0]->restart, RestartType::Permanent);
    }
};

QTEST_GUILESS_MAIN(TstCompare)
#include "tst_compare.moc"
