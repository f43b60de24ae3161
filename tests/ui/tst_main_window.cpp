// The GUI end to end (offscreen): load a scenario, click a process, break it and
// see it die and come back in the view and the log; export equals the CLI's.
#include "CliCommands.h"
#include "canvas/TreeCanvas.h"
#include "events/EventFormat.h"
#include "lanes/CompareWindow.h"
#include "log/EventLogModel.h"
#include "scenario/ScenarioLoader.h"
#include "state/TreeState.h"
#include "window/ImportDialog.h"
#include "window/MainWindow.h"
#include "window/NoticeBar.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sstream>

using namespace suplab;

namespace {
int countLog(EventLogModel& log, EventKind kind, const std::string& path,
             const std::string& reason = {}) {
    int n = 0;
    for (const auto& e : log.events())
        if (e.kind == kind && e.path == path && (reason.empty() || e.reason == reason)) ++n;
    return n;
}
const QString kCounter = QStringLiteral("MyApp.Supervisor/Counter");

/// Posts a look at `path` behind whatever the window has asked of its engine and
/// waits for the answer, twice: the engine has run every command posted before, and
/// what they did has reached the window (their results before the first answer,
/// their events at the latest with the second, as a frame drains events first).
bool engineCaughtUp(MainWindow& window, const QString& path) {
    for (int round = 0; round < 2; ++round) {
        QSignalSpy answered(&window.controller(), &RunController::inspected);
        QSignalSpy missed(&window.controller(), &RunController::inspectionMissed);
        window.controller().inspect(path.toStdString());
        const auto about = [&](const QSignalSpy& spy) {
            for (const auto& args : spy)
                if (args.at(0).toString() == path) return true;
            return false;
        };
        if (!QTest::qWaitFor([&] { return about(answered) || about(missed); }, 5000)) return false;
    }
    return true;
}

/// Whether `paths` all run in every lane of `compare`, as its trees show them.
bool runningInEveryLane(const CompareWindow& compare, int lanes,
                        std::initializer_list<const char*> paths) {
    for (int lane = 0; lane < lanes; ++lane)
        for (const char* path : paths) {
            const ProcessNode* n = compare.laneState(lane).find(path);
            if (!n || n->state != ProcessState::Running) return false;
        }
    return true;
}

/// Restarts of `path` in `lane` of `compare` so far (0 before it shows).
int restartsInLane(const CompareWindow& compare, int lane, const std::string& path) {
    const ProcessNode* n = compare.laneState(lane).find(path);
    return n ? n->restarts : 0;
}

/// Lines in `file` now.
qsizetype linesIn(const QString& file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll().count('\n') : 0;
}
} // namespace

/// Threads of this process now that bear its own name (Linux): the engine's
/// std::threads do; Qt's pooled helper threads name themselves and come and go.
int threadCount() {
    auto nameOf = [](const QString& task) {
        QFile comm(QStringLiteral("/proc/self/task/") + task + QStringLiteral("/comm"));
        return comm.open(QIODevice::ReadOnly) ? comm.readAll() : QByteArray();
    };
    const QByteArray own = nameOf(QString::number(QCoreApplication::applicationPid()));
    int n = 0;
    const auto tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& task : tasks)
        if (nameOf(task) == own) ++n;
    return n;
}

class TstMainWindow : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("SupLabTest")); }
    // Every test starts from no preferences: one test's clock must not leak into the next.
    void init() { QSettings().clear(); }

    void clickingAProcessSelectsItAndKillingItRestartsIt() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.canvas().item(kCounter) != nullptr, 5000);
        ProcessItem* item = window.canvas().item(kCounter);
        const QPoint at = window.canvas().mapFromScene(item->pos() + QPointF(0, 30));
        QSignalSpy selected(&window.canvas(), &TreeCanvas::processSelected);
        QTest::mouseClick(window.canvas().viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toString(), kCounter);

        const std::string counter = kCounter.toStdString();
        const int downsBefore = countLog(window.logModel(), EventKind::Down, counter);
        window.performAction(kCounter, QStringLiteral("kill"));
        QTRY_COMPARE_WITH_TIMEOUT(countLog(window.logModel(), EventKind::Down, counter, "killed"),
                                  downsBefore + 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.treeState()->find(counter)->state == ProcessState::Running,
                                 5000);
        QVERIFY(window.treeState()->find(counter)->restarts >= 1);
    }

    void actingOnADeadProcessDoesNothing() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/04_session_supervisor.json")));
        window.show(); // (its notice bar shows only in a window shown)
        QTRY_VERIFY_WITH_TIMEOUT(
            window.treeState()->find("MyApp.SessionSupervisor/user_1") != nullptr, 5000);
        // user_1 is terminated by the script at 1.5 s; wait for it, then try to kill it.
        QTRY_VERIFY_WITH_TIMEOUT(
            window.treeState()->find("MyApp.SessionSupervisor/user_1")->state !=
                ProcessState::Running,
            5000);
        const auto rows = window.logModel().rowCount();
        QSignalSpy finished(&window.controller(), &RunController::actionFinished);
        window.performAction(QStringLiteral("MyApp.SessionSupervisor/user_1"),
                             QStringLiteral("kill"));
        // Wait until the engine has run what was posted after the kill and the window
        // has what it did: a kill sent on would by now be answered and logged.
        QVERIFY(engineCaughtUp(window, QStringLiteral("MyApp.SessionSupervisor")));
        QCOMPARE(finished.count(), 0);
        for (int r = rows; r < window.logModel().rowCount(); ++r)
            QVERIFY(window.logModel().event(r).kind != EventKind::Inject);
        QVERIFY2(window.notice().text().contains(QStringLiteral("nothing done")),
                 qPrintable(window.notice().text()));
    }

    void badFileKeepsTheCurrentRun() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_VERIFY_WITH_TIMEOUT(window.logModel().rowCount() >= 3, 5000);
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"name\": 3}");
        f.close();
        QTimer::singleShot(300, [] { // dismiss the error dialog
            for (QWidget* w : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(w)) box->accept();
        });
        QVERIFY(!window.openFile(bad));
        QVERIFY(window.treeState()->find(kCounter.toStdString()) != nullptr);
        QVERIFY(window.logModel().rowCount() >= 3);
    }

    void exportOfAVirtualRunEqualsTheCli() {
        const QString scenario = QStringLiteral(
            SUPLAB_SOURCE_DIR "/tests/conformance/cases/"
                              "rest_for_one_restarts_the_failed_and_later_children.json");
        MainWindow window;
        window.useVirtualClock(true);
        window.controller().setSpeed(10.0);
        QVERIFY(window.openFile(scenario));
        window.controller().setSpeed(10.0);
        QTRY_VERIFY_WITH_TIMEOUT(
            countLog(window.logModel(), EventKind::Down, "Pipeline", "shutdown") == 1, 10000);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("gui.csv"));
        QCOMPARE(window.exportLog(file, false), QString());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        std::ostringstream out, err;
        QCOMPARE(runCli({"run", scenario.toStdString(), "--trace", "csv"}, out, err), 0);
        QCOMPARE(QString::fromUtf8(f.readAll()), QString::fromStdString(out.str()));
    }

    void comparedLanesGetTheSameFaultAndShowWhyRestForOneExists() {
        auto loaded = loadScenarioFile(SUPLAB_SOURCE_DIR
                                       "/resources/scenarios/02_database_cache_webserver.json");
        QVERIFY(loaded.ok());
        Scenario s = *loaded.scenario;
        s.script.clear(); // only the fault clicked below
        CompareWindow compare(s);
        compare.setLanes(
            {QStringLiteral("strategy=one_for_one"), QStringLiteral("strategy=rest_for_one")});
        compare.setChaos(0, 1, 0, {});
        QString problem;
        QVERIFY2(compare.startLanes(&problem), qPrintable(problem));
        compare.controller().setSpeed(5);
        QTRY_VERIFY_WITH_TIMEOUT(
            runningInEveryLane(compare, 2,
                               {"MyApp.Supervisor/Database", "MyApp.Supervisor/Cache",
                                "MyApp.Supervisor/WebServer"}),
            5000);
        compare.controller().apply(Action::signal(Action::Kind::Kill, "MyApp.Supervisor/Database"));
        // one_for_one: Cache and then WebServer call a pid that is gone and crash too.
        QTRY_COMPARE_WITH_TIMEOUT(compare.results().at(0).metrics.restarts, 3, 10000);
        const auto results = compare.results();
        QCOMPARE(results.at(0).metrics.faultsInjected, 1);
        QCOMPARE(results.at(0).metrics.faultsLanded, 1);
        QCOMPARE(results.at(1).metrics.faultsLanded, 1);    // the same fault landed in both lanes
        QCOMPARE(results.at(0).metrics.followOnCrashes, 2); // Cache's and WebServer's noproc
        QCOMPARE(results.at(1).metrics.restarts, 1);        // rest_for_one: one restart...
        QCOMPARE(results.at(1).metrics.bystanders, 2); // ...that takes Cache and WebServer along
        QTemporaryDir dir;
        QCOMPARE(compare.exportTable(dir.filePath(QStringLiteral("t.csv"))), QString());
        QCOMPARE(compare.exportChart(dir.filePath(QStringLiteral("c.png"))), QString());
        QVERIFY(compare.exportTable(QStringLiteral("/nonexistent/t.csv"))
                    .contains(QStringLiteral("/nonexistent/t.csv")));
    }

    void compareModeGivesTheCliNumbers() {
        auto loaded = loadScenarioFile(SUPLAB_SOURCE_DIR
                                       "/resources/scenarios/02_database_cache_webserver.json");
        QVERIFY(loaded.ok());
        const Scenario s = *loaded.scenario;
        CompareWindow compare(s);
        compare.setLanes(
            {QStringLiteral("strategy=one_for_one"), QStringLiteral("strategy=rest_for_one")});
        compare.setChaos(2, 2, 5, QStringLiteral("MyApp.Supervisor/Database"));
        QVERIFY(compare.startLanes());
        compare.controller().setSpeed(10);
        const std::int64_t endUs =
            (std::max<std::int64_t>(s.script.back().at_ms, 2000) + s.settle_ms + 200) * 1000;
        QTRY_VERIFY_WITH_TIMEOUT(compare.controller().nowUs() > endUs, 20000);
        ChaosOptions chaos;
        chaos.ratePerSecond = 2;
        chaos.durationSeconds = 2;
        chaos.seed = 5;
        chaos.subtree = "MyApp.Supervisor/Database";
        std::vector<std::string> errors;
        const auto cli = compareLanes(
            s,
            {parseLane("strategy=one_for_one", errors), parseLane("strategy=rest_for_one", errors)},
            CompareOptions{chaos, true, false});
        QCOMPARE(QString::fromStdString(comparisonCsv(compare.results())),
                 QString::fromStdString(comparisonCsv(cli)));
    }

    void exportToAnUnwritableFolderFailsCleanly() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_VERIFY_WITH_TIMEOUT(window.logModel().rowCount() >= 3, 5000);
        const QString problem =
            window.exportLog(QStringLiteral("/nonexistent/dir/log.jsonl"), false);
        QVERIFY(problem.contains(QStringLiteral("/nonexistent/dir/log.jsonl")));
        QVERIFY(window.logModel().rowCount() >= 3);
    }

    void recordingToAFullDiskStopsWithAMessageAndKeepsTheLog() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_VERIFY_WITH_TIMEOUT(window.logModel().rowCount() >= 3, 5000);
        const int rows = window.logModel().rowCount();
        QCOMPARE(window.startRecording(QStringLiteral("/dev/full")), QString());
        QVERIFY(window.recording());
        QTRY_VERIFY_WITH_TIMEOUT(!window.recording(), 5000); // the first write fails
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("No space left")));
        QVERIFY(window.logModel().rowCount() >= rows);
        QVERIFY(window.startRecording(QStringLiteral("/nonexistent/dir/run.jsonl"))
                    .contains(QStringLiteral("/nonexistent/dir/run.jsonl")));
        QVERIFY(!window.recording());
    }

    // Quitting, resetting or closing a lane in the middle of a restart loop never
    // hangs, and every engine thread is joined: the thread count comes back.
    void stoppingDuringARestartLoopJoinsEveryEngineThread() {
        { // Qt starts a few threads of its own with the first window: count after those
            MainWindow warmUp;
            QVERIFY(warmUp.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
            QTRY_VERIFY_WITH_TIMEOUT(warmUp.logModel().rowCount() >= 3, 5000); // it runs
        }
        QTRY_VERIFY_WITH_TIMEOUT(threadCount() > 0, 1000);
        const int threadsBefore = threadCount();
        {
            MainWindow window;
            QVERIFY(
                window.openFile(QStringLiteral(SUPLAB_SOURCE_DIR "/tests/data/restart_loop.json")));
            QTRY_VERIFY_WITH_TIMEOUT(window.logModel().rowCount() >= 500, 10000);
            QVERIFY(window.openFile(
                QStringLiteral(SUPLAB_SOURCE_DIR "/tests/data/restart_loop.json"))); // reset
            QTRY_VERIFY_WITH_TIMEOUT(window.logModel().rowCount() >= 500, 10000);
            CompareWindow* compare = window.openCompare();
            QVERIFY(compare);
            compare->setLanes(
                {QStringLiteral("strategy=one_for_one"), QStringLiteral("strategy=one_for_all")});
            QString problem;
            QVERIFY2(compare->startLanes(&problem), qPrintable(problem));
            QTRY_VERIFY_WITH_TIMEOUT(restartsInLane(*compare, 0, "R/broken") >= 10 &&
                                         restartsInLane(*compare, 1, "R/broken") >= 10,
                                     10000); // both lanes in their restart loop
            const QPointer<CompareWindow> open(compare);
            compare->close(); // deletes itself: its engine thread must join
            QTRY_VERIFY_WITH_TIMEOUT(open.isNull(), 5000);
        } // quitting mid-run
        // At most as many as before: a thread of Qt's own that ended since the count was
        // taken is no leak, while one engine thread left running would be one too many.
        QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= threadsBefore, 5000);
    }

    void aPastedLessonModuleRunsAndBreaksAsInElixir() {
        QFile f(QStringLiteral(SUPLAB_SOURCE_DIR "/resources/elixir/lesson_rest_for_one.ex"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        MainWindow window;
        QVERIFY(window.importElixir(QString::fromUtf8(f.readAll()), QStringLiteral("pasted.ex")));
        QVERIFY(window.treeState());
        const std::string cache = "MyApp.Supervisor/Cache";
        QTRY_VERIFY_WITH_TIMEOUT(window.treeState()->find(cache) &&
                                     window.treeState()->find(cache)->state ==
                                         ProcessState::Running,
                                 5000);
        QCOMPARE(window.treeState()->root().spec->strategy, Strategy::RestForOne);
        window.performAction(QStringLiteral("MyApp.Supervisor/Database"), QStringLiteral("kill"));
        // rest_for_one: Cache and WebServer, started after Database, restart with it.
        QTRY_VERIFY_WITH_TIMEOUT(window.treeState()->find(cache)->restarts == 1, 5000);
        QCOMPARE(window.treeState()->find("MyApp.Supervisor/WebServer")->restarts, 1);
    }

    void anElixirFileOpensThroughTheImporterAndReloadsAfterAnEdit() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("sup.ex"));
        QVERIFY(QFile::copy(
            QStringLiteral(SUPLAB_SOURCE_DIR "/resources/elixir/lesson_counter_kvstore.ex"), file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        MainWindow window;
        QVERIFY(window.openFile(file));
        QCOMPARE(window.treeState()->root().children.size(), std::size_t(2));
        // The module gains a child in the editor; opening it again shows it.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        text.replace("{KVStore, []}", "{KVStore, []},\n      Cache");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        QVERIFY(window.openFile(file));
        QCOMPARE(window.treeState()->root().children.size(), std::size_t(3));
        QVERIFY(QSettings()
                    .value(QStringLiteral("recentFiles"))
                    .toStringList()
                    .contains(QFileInfo(file).absoluteFilePath()));
    }

    void anImportThatMakesNothingKeepsTheCurrentRun() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QVERIFY(!window.importElixir(QStringLiteral("IO.puts(:hello)"), QStringLiteral("x.ex")));
        QCOMPARE(window.treeState()->root().id, std::string("MyApp.Supervisor"));
    }

    void theImportDialogListsEachLineItCouldNotRead() {
        ImportDialog dialog;
        auto* notes = dialog.findChild<QListWidget*>(QStringLiteral("notes"));
        QVERIFY(notes);
        dialog.setSource(QStringLiteral("defmodule S do\n  use Supervisor\n  def init(_) do\n"
                                        "    Supervisor.init([A], strategy: "
                                        ":simple_one_for_one)\n  end\nend\n"),
                         QStringLiteral("s.ex"));
        QVERIFY(dialog.result().scenario);
        QVERIFY(!dialog.result().complete());
        QStringList lines;
        for (int i = 0; i < notes->count(); ++i)
            lines << notes->item(i)->text();
        QVERIFY2(lines.contains(QStringLiteral("Line 4: not read: strategy: :simple_one_for_one "
                                               "(one_for_one, one_for_all or rest_for_one)")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        dialog.setSource(QString(), QStringLiteral("s.ex"));
        QVERIFY(!dialog.result().scenario);
    }

    // A child the source starts only under a condition is kept unless its box is unticked.
    void anUntickedRunTimeChildIsLeftOutOfTheImport() {
        ImportDialog dialog;
        dialog.setSource(QStringLiteral("defmodule S do\n  use Supervisor\n  def init(_) do\n"
                                        "    Supervisor.init([A, if(web?(), do: B), C], strategy: "
                                        ":one_for_one)\n  end\nend\n"),
                         QStringLiteral("s.ex"));
        auto* marks = dialog.findChild<QListWidget*>(QStringLiteral("marks"));
        QVERIFY(marks);
        QCOMPARE(marks->count(), 1);
        QVERIFY(marks->item(0)->text().startsWith(
            QStringLiteral("S/B: conditional: starts only if web?()")));
        QCOMPARE(dialog.result().scenario->root->children.size(), std::size_t(3));
        marks->item(0)->setCheckState(Qt::Unchecked);
        const ImportResult kept = dialog.result();
        QCOMPARE(kept.scenario->root->children.size(), std::size_t(2));
        QCOMPARE(kept.scenario->root->children[1]->id, std::string("C"));
        QVERIFY(kept.marks.empty());
    }

    // A Mix project's folder: its files read-only, the application's shown first.
    void theImportDialogReadsAProjectFolder() {
        ImportDialog dialog;
        QVERIFY(dialog.openProject(QStringLiteral(SUPLAB_SOURCE_DIR "/nonexistent"))
                    .endsWith(QStringLiteral("nonexistent: not a folder")));
        QCOMPARE(
            dialog.openProject(QStringLiteral(SUPLAB_SOURCE_DIR "/resources/projects/lesson_app")),
            QString());
        auto* editor = dialog.findChild<QPlainTextEdit*>();
        QVERIFY(editor->isReadOnly());
        QVERIFY(editor->toPlainText().startsWith(QStringLiteral("defmodule MyApp.Application do")));
        const ImportResult r = dialog.result();
        QVERIFY(r.scenario && r.complete());
        QCOMPARE(r.scenario->root->children.size(), std::size_t(3));
        QCOMPARE(r.scenario->root->children[0]->children.size(), std::size_t(2));
        QVERIFY(dialog.source().contains(QStringLiteral("defmodule MyApp.Web.Router do")));
    }

    void theTreeExportsInEveryFormat_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("starts");
        QTest::newRow("svg, what the canvas shows") << "svg" << QByteArray("<?xml");
        QTest::newRow("png, what the canvas shows") << "png" << QByteArray("\x89PNG");
        QTest::newRow("mermaid, as Kino.Process draws") << "mermaid" << QByteArray("graph TD;");
        QTest::newRow("dot, for Graphviz") << "dot" << QByteArray("digraph supervision {");
        QTest::newRow("an Elixir module skeleton")
            << "elixir" << QByteArray("# Generated by SupLab");
    }
    void theTreeExportsInEveryFormat() {
        QFETCH(QString, format);
        QFETCH(QByteArray, starts);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("tree.") + format);
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/02_database_cache_webserver.json")));
        QTRY_VERIFY_WITH_TIMEOUT(window.canvas().item(QStringLiteral("MyApp.Supervisor/WebServer")),
                                 5000);
        QCOMPARE(window.exportTree(file, format), QString());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.startsWith(starts), bytes.left(40).constData());
        if (format != QLatin1String("png")) QVERIFY(bytes.contains("WebServer"));
    }

    void anExportToAFolderThatCannotBeWrittenSaysWhichFile() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_VERIFY_WITH_TIMEOUT(window.canvas().item(QStringLiteral("MyApp.Supervisor/Counter")),
                                 5000);
        for (const QString& format : {QStringLiteral("svg"), QStringLiteral("mermaid")}) {
            const QString problem =
                window.exportTree(QStringLiteral("/nonexistent/dir/t.x"), format);
            QVERIFY2(problem.contains(QStringLiteral("/nonexistent/dir/t.x")), qPrintable(problem));
        }
        QVERIFY(window.saveScenario(QStringLiteral("/nonexistent/dir/s.json"))
                    .contains(QStringLiteral("/nonexistent/dir/s.json")));
        QCOMPARE(window.treeState()->root().id, std::string("MyApp.Supervisor")); // run goes on
    }

    void aSavedScenarioOpensAsTheSameTree() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("saved.json"));
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/03_application_tree.json")));
        const std::vector<std::string> before = window.treeState()->treeOrder();
        QCOMPARE(window.saveScenario(file), QString());
        QVERIFY(window.openFile(file));
        QCOMPARE(window.treeState()->treeOrder(), before);
    }

    void everyInputControlHasAnAccessibleName() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        CompareWindow* compare = window.openCompare();
        QVERIFY(compare);
        ImportDialog dialog(&window);
        QStringList nameless;
        for (QWidget* top : {static_cast<QWidget*>(&window), static_cast<QWidget*>(compare),
                             static_cast<QWidget*>(&dialog)})
            for (QWidget* w : top->findChildren<QWidget*>()) {
                const bool input = qobject_cast<QAbstractSpinBox*>(w) ||
                                   qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                                   qobject_cast<QAbstractItemView*>(w) ||
                                   qobject_cast<QAbstractScrollArea*>(w);
                // Line edits inside spin boxes and combo boxes take their parent's name.
                if (!input || qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
                    qobject_cast<QComboBox*>(w->parentWidget()) ||
                    qobject_cast<QAbstractItemView*>(w->parentWidget()) ||
                    w->inherits("QComboBoxPrivateContainer") ||
                    w->parentWidget()->inherits("QComboBoxPrivateContainer"))
                    continue;
                if (w->accessibleName().isEmpty())
                    nameless << QString::fromLatin1(w->metaObject()->className()) +
                                    QLatin1Char(' ') + w->objectName();
            }
        compare->close();
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QStringLiteral(", "))));
    }

    void recordingFollowsTheRunToTheFile() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run.jsonl"));
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_VERIFY_WITH_TIMEOUT(window.logModel().rowCount() >= 3, 5000);
        QCOMPARE(window.startRecording(file), QString());
        window.performAction(QStringLiteral("MyApp.Supervisor/Counter"), QStringLiteral("kill"));
        QTRY_VERIFY_WITH_TIMEOUT(window.logModel().rowCount() >= 5, 5000);
        // While it records, the file follows the log: it reaches what the log shows.
        const int shown = window.logModel().rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(linesIn(file) >= shown, 5000);
        window.stopRecording(QStringLiteral("done"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const auto lines = std::size_t(bytes.count('\n'));
        QVERIFY(lines >= 5); // from seq 1 (the run before recording began) to the kill
        const auto& events = window.logModel().events(); // (may have grown since)
        QCOMPARE(bytes.toStdString(),
                 jsonl(std::vector<Event>(events.begin(), events.begin() + long(lines))));
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_main_window.moc"
