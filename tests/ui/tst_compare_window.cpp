// Compare mode's window (offscreen): it is never blank, its clock shows and pauses,
// its table and chart are drawn from the same events at the same instant as the
// lanes' trees, over a window that ends with the chaos, and its chart names every
// lane in full.
#include "compare/Comparison.h"
#include "compare/MetricCatalog.h"
#include "lanes/CompareChart.h"
#include "lanes/CompareWindow.h"
#include "lanes/LaneLabels.h"
#include "scenario/ScenarioLoader.h"
#include "state/TreeState.h"

#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace suplab;

namespace {

Scenario example(const QString& file) {
    auto loaded = loadScenarioFile(SUPLAB_SOURCE_DIR "/resources/scenarios/" + file.toStdString());
    if (!loaded.ok()) qFatal("cannot load %s", qPrintable(file));
    return *loaded.scenario;
}

Scenario fromText(const char* text) {
    auto loaded = loadScenarioText(text, "test.json");
    if (!loaded.ok()) qFatal("cannot load the test scenario");
    return *loaded.scenario;
}

// R has one child, a, killed at 100 ms and again at 300 ms; the window ends at 800 ms.
const char* kTwoKills = R"({"name":"two kills","settle_ms":500,
  "root":{"id":"R","type":"supervisor","children":[{"id":"a"}]},
  "script":[{"at_ms":100,"do":"kill","target":"R/a"},{"at_ms":300,"do":"kill","target":"R/a"}]})";

QString cell(const CompareWindow& w, int row, const QString& header) {
    const QTableWidget& t = w.table();
    for (int c = 0; c < t.columnCount(); ++c)
        if (t.horizontalHeaderItem(c)->text().replace(QLatin1Char('\n'), QLatin1Char(' ')) ==
            header)
            return t.item(row, c)->text();
    qFatal("no column %s", qPrintable(header));
}

QString tip(const CompareWindow& w, int row, const QString& header) {
    const QTableWidget& t = w.table();
    for (int c = 0; c < t.columnCount(); ++c)
        if (t.horizontalHeaderItem(c)->text().replace(QLatin1Char('\n'), QLatin1Char(' ')) ==
            header)
            return t.item(row, c)->toolTip();
    qFatal("no column %s", qPrintable(header));
}

/// Every cell of the measured columns (not "lane now", which follows the lane on).
QStringList measuredCells(const CompareWindow& w) {
    QStringList cells;
    const QTableWidget& t = w.table();
    for (int r = 0; r < t.rowCount(); ++r)
        for (int c = 0; c < t.columnCount(); ++c)
            if (t.horizontalHeaderItem(c)->text() != QStringLiteral("lane\nnow"))
                cells << t.item(r, c)->text();
    return cells;
}

/// Labels side by side, none over another, all inside the chart.
bool labelsFit(const CompareChart& chart) {
    const QList<QRect> rects = chart.drawnCategoryRects();
    for (int i = 0; i < rects.size(); ++i) {
        if (rects[i].isEmpty() || !chart.rect().contains(rects[i])) return false;
        if (i > 0 && rects[i - 1].right() >= rects[i].left()) return false;
    }
    return true;
}

/// Waits for `count` more refreshes of the window (trees, table, chart, clock).
bool waitRefreshes(CompareWindow& w, int count) {
    QSignalSpy spy(&w, &CompareWindow::refreshed);
    while (spy.count() < count)
        if (!spy.wait(5000)) return false;
    return true;
}

/// A root that gave up has exited: its tree is down.
bool rootFailedInTree(const TreeState& s) {
    return s.root().state == ProcessState::Down || s.root().state == ProcessState::Removed;
}

} // namespace

class TstCompareWindow : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void opensWithTheDefaultLanesRunning_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("lanes");
        QTest::newRow("Counter and KVStore") << "01_counter_kvstore.json" << 3;
        QTest::newRow("Database, Cache, WebServer") << "02_database_cache_webserver.json" << 3;
        QTest::newRow("the application tree") << "03_application_tree.json" << 3;
        QTest::newRow("a DynamicSupervisor, which has one strategy only")
            << "04_session_supervisor.json" << 2;
        QTest::newRow("the chat app") << "05_chat_app.json" << 3;
    }
    void opensWithTheDefaultLanesRunning() {
        QFETCH(QString, file);
        QFETCH(int, lanes);
        CompareWindow w(example(file));
        w.show();
        QCOMPARE(w.hintText(), QString());
        QCOMPARE(w.laneCount(), lanes);
        QCOMPARE(w.table().rowCount(), lanes);
        QTRY_VERIFY_WITH_TIMEOUT(w.shownUs() > 200'000, 5000); // the lanes' clock runs
        for (int i = 0; i < lanes; ++i)
            QVERIFY2(w.laneTitle(i).contains(QStringLiteral("running")),
                     qPrintable(w.laneTitle(i)));
        QVERIFY(w.clockText().startsWith(QStringLiteral("t = ")));
    }

    void aWrongOverrideIsRefusedWithItsReasonAndTheLanesRunOn() {
        CompareWindow w(example(QStringLiteral("01_counter_kvstore.json")));
        w.setLanes({QStringLiteral("strategy=sideways"), QStringLiteral("strategy=one_for_all")});
        QString problem;
        QVERIFY(!w.startLanes(&problem));
        QVERIFY2(
            problem.contains(QStringLiteral("expected one_for_one, one_for_all or rest_for_one")),
            qPrintable(problem));
        QCOMPARE(w.laneCount(), 3); // the lanes that ran go on
        QVERIFY(w.controller().running());
    }

    void theTableSaysARootFailedExactlyWhenItsLaneDoes() {
        // The script kills Database, then crashes Cache: under one_for_one Cache and
        // WebServer crash too on their next call, and the fourth restart in 5 s gives up.
        CompareWindow w(example(QStringLiteral("02_database_cache_webserver.json")));
        w.setLanes(
            {QStringLiteral("strategy=one_for_one"), QStringLiteral("strategy=rest_for_one")});
        w.setChaos(0, 1, 0, {});
        QVERIFY(w.startLanes());
        w.show();
        w.controller().setSpeed(2); // a refresh every 200 ms of lane time
        QStringList mismatches;
        int checked = 0;
        connect(&w, &CompareWindow::refreshed, this, [&] {
            ++checked;
            for (int i = 0; i < w.laneCount(); ++i) {
                const bool tree = rootFailedInTree(w.laneState(i));
                const bool table =
                    cell(w, i, QStringLiteral("root failed")) == QStringLiteral("yes");
                const bool now =
                    cell(w, i, QStringLiteral("lane now")).startsWith(QStringLiteral("root"));
                const bool title = w.laneTitle(i).contains(QStringLiteral("root gave up at t = "));
                if (tree != table || tree != now || tree != title)
                    mismatches << QStringLiteral("lane %1 at t=%2 us: tree %3, table %4, now %5")
                                      .arg(i + 1)
                                      .arg(w.shownUs())
                                      .arg(tree)
                                      .arg(table)
                                      .arg(now);
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(rootFailedInTree(w.laneState(0)), 10000);
        QVERIFY(waitRefreshes(w, 3));
        if (qEnvironmentVariableIsSet("SUPLAB_KEEP_PNG"))
            w.grab().save(QStringLiteral("/tmp/compare_window_gave_up.png"));
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(checked > 5);
        QCOMPARE(cell(w, 0, QStringLiteral("root failed")), QStringLiteral("yes"));
        QVERIFY(cell(w, 0, QStringLiteral("lane now"))
                    .startsWith(QStringLiteral("root gave up at t = ")));
        QCOMPARE(cell(w, 1, QStringLiteral("root failed")), QStringLiteral("no"));
        QCOMPARE(cell(w, 1, QStringLiteral("lane now")), QStringLiteral("running"));
    }

    void meanRecoveryIsShownOnlyWhenARecoveryTookTime_data() {
        QTest::addColumn<QString>("lane");
        QTest::addColumn<int>("faults");
        QTest::addColumn<QString>("mean");
        QTest::addColumn<QString>("why");
        QTest::newRow("OTP restarts take no virtual time: instant, not a mean of zeros")
            << "max_restarts=3" << 2 << "instant"
            << "took no virtual time";
        QTest::newRow("a temporary child never comes back: no mean")
            << "R/a.restart=temporary" << 1 << "\u2014"
            << "up again"; // dead at 300 ms
        QTest::newRow("restarts delayed by a backoff of 100 then 200 ms: their mean")
            << "backoff=100:1000:0" << 2 << "150.0"
            << "the longest took 200.0 ms";
    }
    void meanRecoveryIsShownOnlyWhenARecoveryTookTime() {
        QFETCH(QString, lane);
        QFETCH(int, faults);
        QFETCH(QString, mean);
        QFETCH(QString, why);
        CompareWindow w(fromText(kTwoKills));
        w.setLanes({lane, QStringLiteral("max_restarts=5")});
        w.setChaos(0, 1, 0, {});
        QVERIFY(w.startLanes());
        w.controller().setSpeed(5);
        QTRY_VERIFY_WITH_TIMEOUT(w.shownUs() > w.windowEndUs(), 10000);
        QVERIFY(waitRefreshes(w, 1));
        QCOMPARE(cell(w, 0, QStringLiteral("faults landed")),
                 QStringLiteral("%1 of 2").arg(faults));
        QCOMPARE(cell(w, 0, QStringLiteral("mean recovery ms")), mean);
        QVERIFY2(tip(w, 0, QStringLiteral("mean recovery ms")).contains(why),
                 qPrintable(tip(w, 0, QStringLiteral("mean recovery ms"))));
    }

    void theMeasuredWindowIsTheChaosThenASettleAndTheTableThenStandsStill() {
        Scenario s = example(QStringLiteral("02_database_cache_webserver.json"));
        s.script.clear(); // only the chaos
        ChaosOptions chaos;
        chaos.ratePerSecond = 1;
        chaos.durationSeconds = 4;
        chaos.subtree = "MyApp.Supervisor/Database";
        // A seed whose last fault comes early: the window still runs to the chaos's end.
        for (chaos.seed = 0; chaos.seed < 100; ++chaos.seed) {
            const auto faults = chaosSteps(*s.root, chaos);
            if (!faults.empty() && faults.back().at_ms < 3000) break;
        }
        QVERIFY(chaos.seed < 100);
        CompareWindow w(s);
        w.setLanes(
            {QStringLiteral("strategy=one_for_one"), QStringLiteral("strategy=rest_for_one")});
        w.setChaos(chaos.ratePerSecond, chaos.durationSeconds, chaos.seed,
                   QString::fromStdString(chaos.subtree));
        QVERIFY(w.startLanes());
        QCOMPARE(w.windowEndUs(), std::int64_t(4'000'000 + s.settle_ms * 1000));
        w.controller().setSpeed(10);
        QTRY_VERIFY_WITH_TIMEOUT(w.shownUs() > 5'000'000, 10000);
        QVERIFY(waitRefreshes(w, 1));
        const QStringList atTheEnd = measuredCells(w);
        QVERIFY2(w.windowText().startsWith(QStringLiteral("Measured over 0\u20135.0 s")),
                 qPrintable(w.windowText()));
        // The lanes run on; the table does not.
        const std::int64_t later = w.shownUs() + 3'000'000;
        QTRY_VERIFY_WITH_TIMEOUT(w.shownUs() > later, 10000);
        QVERIFY(waitRefreshes(w, 1));
        QCOMPARE(measuredCells(w), atTheEnd);
        QVERIFY(w.clockText().contains(QStringLiteral("window ended at 5.0 s")));
        // The same numbers as the CLI's, which measures the same window.
        std::vector<std::string> errors;
        const auto cli = compareLanes(
            s,
            {parseLane("strategy=one_for_one", errors), parseLane("strategy=rest_for_one", errors)},
            CompareOptions{chaos, true, false});
        QCOMPARE(QString::fromStdString(comparisonCsv(w.results())),
                 QString::fromStdString(comparisonCsv(cli)));

        // A fault clicked after the window widens it, and says so.
        const int faultsBefore = w.results().at(1).metrics.faultsInjected;
        w.controller().apply(Action::signal(Action::Kind::Kill, "MyApp.Supervisor/Cache"));
        QTRY_VERIFY_WITH_TIMEOUT(w.windowEndUs() > 5'000'000, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(w.results().at(1).metrics.faultsInjected, faultsBefore + 1, 5000);
        QVERIFY(waitRefreshes(w, 1));
        QVERIFY2(w.windowText().contains(QStringLiteral("widened by a fault clicked at t = ")),
                 qPrintable(w.windowText()));
    }

    void pauseStopsTheLaneClockAndAClickedFaultStillLands() {
        Scenario s = example(QStringLiteral("01_counter_kvstore.json"));
        s.script.clear();
        CompareWindow w(s);
        w.setChaos(0, 1, 0, {});
        QVERIFY(w.startLanes());
        w.show();
        w.controller().setSpeed(10);
        QTRY_VERIFY_WITH_TIMEOUT(w.shownUs() > 500'000, 5000);
        QPushButton* pause = nullptr;
        for (auto* b : w.findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Pause")) pause = b;
        QVERIFY(pause);
        QTest::mouseClick(pause, Qt::LeftButton);
        QCOMPARE(pause->text(), QStringLiteral("Resume"));
        QVERIFY(waitRefreshes(w, 2)); // the engine thread has seen it
        const std::int64_t paused = w.shownUs();
        QVERIFY(waitRefreshes(w, 5)); // half a second: 5 s of lane time at 10x
        QCOMPARE(w.shownUs(), paused);
        QVERIFY2(w.clockText().endsWith(QStringLiteral(", paused")), qPrintable(w.clockText()));
        w.controller().apply(Action::signal(Action::Kind::Kill, "MyApp.Supervisor/Counter"));
        QTRY_COMPARE_WITH_TIMEOUT(w.results().at(0).metrics.faultsLanded, 1, 5000);
        QVERIFY(w.shownUs() - paused < 1000); // it landed without the clock running on
        QTest::mouseClick(pause, Qt::LeftButton);
        QCOMPARE(pause->text(), QStringLiteral("Pause"));
        QTRY_VERIFY_WITH_TIMEOUT(w.shownUs() > paused + 500'000, 5000);
    }

    void laneLabelsKeepWhatTellsTheLanesApart_data() {
        QTest::addColumn<QStringList>("overrides");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("shared");
        QTest::newRow("strategies alone lose their key")
            << QStringList{"strategy=one_for_one", "strategy=rest_for_one", "strategy=one_for_all"}
            << QStringList{"1: one_for_one", "2: rest_for_one", "3: one_for_all"} << "";
        QTest::newRow("what every lane has is said once")
            << QStringList{"strategy=one_for_one, max_seconds=1",
                           "strategy=rest_for_one,max_seconds=1"}
            << QStringList{"1: one_for_one", "2: rest_for_one"} << "max_seconds=1";
        QTest::newRow("other keys are kept, for 3 alone would mean nothing")
            << QStringList{"max_restarts=3", "max_restarts=10"}
            << QStringList{"1: max_restarts=3", "2: max_restarts=10"} << "";
        QTest::newRow("a long one breaks between overrides, never inside a value")
            << QStringList{"strategy=one_for_all,max_restarts=10", "max_restarts=1"}
            << QStringList{"1: strategy=one_for_all,\nmax_restarts=10", "2: max_restarts=1"} << "";
        QTest::newRow("a long path breaks after a / and before its key")
            << QStringList{"MyApp.Supervisor/MyApp.Cache.Supervisor.strategy=one_for_all",
                           "max_restarts=1"}
            << QStringList{"1: MyApp.Supervisor/\nMyApp.Cache.Supervisor\n.strategy=one_for_all",
                           "2: max_restarts=1"}
            << "";
    }
    void laneLabelsKeepWhatTellsTheLanesApart() {
        QFETCH(QStringList, overrides);
        QFETCH(QStringList, labels);
        QFETCH(QString, shared);
        const LaneAxisLabels axis = laneAxisLabels(overrides);
        QCOMPARE(axis.labels, labels);
        QCOMPARE(axis.shared, shared);
    }

    void theChartNamesEveryLaneInFullOnScreenAndInItsPng_data() {
        QTest::addColumn<QStringList>("overrides");
        QTest::newRow("the three strategies")
            << QStringList{"strategy=one_for_one", "strategy=rest_for_one", "strategy=one_for_all"};
        QTest::newRow("four intensities")
            << QStringList{"max_restarts=3,max_seconds=5", "max_restarts=10,max_seconds=1",
                           "max_restarts=1,max_seconds=5", "max_restarts=100,max_seconds=1"};
        QTest::newRow("subtrees' strategies") << QStringList{
            "MyApp.Supervisor/MyApp.Cache.Supervisor.strategy=one_for_all",
            "MyApp.Supervisor/MyApp.Web.Supervisor.strategy=one_for_all", "strategy=rest_for_one"};
    }
    void theChartNamesEveryLaneInFullOnScreenAndInItsPng() {
        QFETCH(QStringList, overrides);
        CompareWindow w(example(QStringLiteral("03_application_tree.json")));
        w.setLanes(overrides);
        QString problem;
        QVERIFY2(w.startLanes(&problem), qPrintable(problem));
        w.show();
        const QStringList categories = w.chart().categories();
        QCOMPARE(categories.size(), overrides.size());
        QCOMPARE(QSet<QString>(categories.begin(), categories.end()).size(), overrides.size());
        for (int i = 0; i < categories.size(); ++i)
            QVERIFY(categories[i].startsWith(QString::number(i + 1) + QStringLiteral(": ")));
        QTRY_COMPARE_WITH_TIMEOUT(w.chart().drawnCategoryLabels(), categories, 5000);
        QVERIFY(labelsFit(w.chart()));

        // The PNG is drawn at a size of its own, where the labels fit too.
        CompareChart copy;
        copy.setLanes(overrides);
        copy.resize(copy.exportSize().expandedTo({720, 0}));
        copy.show();
        QTRY_COMPARE_WITH_TIMEOUT(copy.drawnCategoryLabels(), categories, 5000);
        QVERIFY(labelsFit(copy));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("chart.png"));
        QCOMPARE(w.exportChart(file), QString());
        if (qEnvironmentVariableIsSet("SUPLAB_KEEP_PNG"))
            QFile::copy(file, QStringLiteral("/tmp/compare_chart_%1.png")
                                  .arg(QTest::currentDataTag())
                                  .replace(QLatin1Char(' '), QLatin1Char('_'))
                                  .replace(QLatin1Char('\''), QLatin1Char('_')));
        QCOMPARE(QImage(file).size() / QImage(file).devicePixelRatio(), copy.size());
    }

    void laneLogsAreTheRecordsTheTableWasMeasuredFrom() {
        CompareWindow w(fromText(kTwoKills));
        w.setLanes({QStringLiteral("max_restarts=3"), QStringLiteral("R/a.restart=temporary")});
        w.setChaos(0, 1, 0, {});
        QVERIFY(w.startLanes());
        w.controller().setSpeed(5);
        QTRY_VERIFY_WITH_TIMEOUT(w.shownUs() > w.windowEndUs(), 10000);
        QVERIFY(waitRefreshes(w, 1));
        QTemporaryDir dir;
        QCOMPARE(w.exportLaneLogs(dir.path()), QString());
        const char* names[] = {"lane1-max_restarts=3.jsonl", "lane2-R_a.restart=temporary.jsonl"};
        for (int lane = 0; lane < 2; ++lane) {
            QFile log(dir.filePath(QLatin1String(names[lane])));
            QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
            // Recounted from the file: injects whose target went down with `killed`.
            int landed = 0;
            QString pendingKill;
            for (const QByteArray& line : log.readAll().split('\n')) {
                if (line.contains("\"event\":\"inject\"")) pendingKill = QString::fromUtf8(line);
                if (line.contains("\"event\":\"down\"") && line.contains("\"reason\":\"killed\"") &&
                    !pendingKill.isEmpty()) {
                    ++landed;
                    pendingKill.clear();
                }
            }
            QCOMPARE(cell(w, lane, QStringLiteral("faults landed")),
                     QStringLiteral("%1 of 2").arg(landed));
        }
        QCOMPARE(cell(w, 1, QStringLiteral("faults landed")), QStringLiteral("1 of 2"));
        QVERIFY(w.exportLaneLogs(QStringLiteral("/nonexistent/dir"))
                    .contains(QStringLiteral("/nonexistent/dir/lane1-max_restarts=3.jsonl")));
    }

    void everyMetricHeaderSaysWhatItCounts() {
        CompareWindow w(fromText(kTwoKills));
        const QTableWidget& t = w.table();
        int defined = 0;
        for (int c = 0; c < t.columnCount(); ++c) {
            const QString tip = t.horizontalHeaderItem(c)->toolTip();
            for (const MetricInfo& info : metricCatalog())
                defined += tip == QString::fromUtf8(info.definition);
        }
        QCOMPARE(defined, t.columnCount() - 2); // all but "lane" and "lane now"
    }

    void exportsToAnUnwritableFolderSayWhichFile() {
        CompareWindow w(example(QStringLiteral("01_counter_kvstore.json")));
        QVERIFY(w.exportChart(QStringLiteral("/nonexistent/c.png"))
                    .contains(QStringLiteral("/nonexistent/c.png")));
        QVERIFY(w.exportTable(QStringLiteral("/nonexistent/t.csv"))
                    .contains(QStringLiteral("/nonexistent/t.csv")));
    }

    void closesOnEscapeAndCtrlW_data() {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::newRow("Esc") << int(Qt::Key_Escape) << int(Qt::NoModifier);
        QTest::newRow("Ctrl+W") << int(Qt::Key_W) << int(Qt::ControlModifier);
    }
    void closesOnEscapeAndCtrlW() {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        CompareWindow w(example(QStringLiteral("01_counter_kvstore.json")));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QTRY_VERIFY(!w.isVisible());
    }
};

QTEST_MAIN(TstCompareWindow)
#include "tst_compare_window.moc"
