// What a user meets in a session of the guide, driven as the user drives it:
// clicks, keys and the menus' actions on the real window (offscreen). Each case is
// one thing seen by a user that must not happen again, or one promise kept.
#include "canvas/TreeCanvas.h"
#include "log/EventLogModel.h"
#include "log/EventLogPanel.h"
#include "scenario/ScenarioLoader.h"
#include "state/TreeState.h"
#include "window/FindBar.h"
#include "window/InspectorHtml.h"
#include "window/MainWindow.h"
#include "window/NoticeBar.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QGraphicsPathItem>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

using namespace suplab;

namespace {

const QString kSup = QStringLiteral("MyApp.Supervisor");
const QString kKvStore = QStringLiteral("MyApp.Supervisor/KVStore");

/// Counts (and closes) every modal widget that appears while it lives: a test that
/// meets one fails instead of hanging in the dialog's loop.
class ModalWatch {
  public:
    ModalWatch() {
        timer_.setInterval(20);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            if (QWidget* w = QApplication::activeModalWidget()) {
                ++seen_;
                w->close();
            }
        });
        timer_.start();
    }
    int seen() const { return seen_; }

  private:
    QTimer timer_;
    int seen_ = 0;
};

/// Waits until `window` has asked its processes for their state `polls` more times
/// (answers and misses alike): several periods of the inspector's refresh.
bool waitForPolls(MainWindow& window, int polls) {
    QSignalSpy answered(&window.controller(), &RunController::inspected);
    QSignalSpy missed(&window.controller(), &RunController::inspectionMissed);
    return QTest::qWaitFor([&] { return answered.count() + missed.count() >= polls; }, 15000);
}

bool openText(MainWindow& window, const QString& json) {
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/suplab_XXXXXX.json"));
    file.setAutoRemove(false);
    if (!file.open()) return false;
    file.write(json.toUtf8());
    file.close();
    const bool ok = window.openFile(file.fileName());
    QFile::remove(file.fileName());
    return ok;
}

ProcessState stateOf(const MainWindow& window, const QString& path) {
    const ProcessNode* n = window.treeState()->find(path.toStdString());
    return n ? n->state : ProcessState::Removed;
}

/// What the canvas draws for `path` (a view with no id when nothing is drawn for it).
ProcessView viewOf(MainWindow& window, const QString& path) {
    const ProcessItem* item = window.canvas().item(path);
    return item ? item->view() : ProcessView{};
}

/// A tree of `sups` supervisors of `workers` workers each.
QString bigTree(int sups, int workers) {
    QString children;
    for (int s = 0; s < sups; ++s) {
        QString kids;
        for (int w = 0; w < workers; ++w)
            kids += QStringLiteral("%1{\"id\":\"w%2\"}")
                        .arg(w ? QStringLiteral(",") : QString())
                        .arg(w);
        children += QStringLiteral("%1{\"id\":\"S%2\",\"type\":\"supervisor\",\"children\":[%3]}")
                        .arg(s ? QStringLiteral(",") : QString())
                        .arg(s)
                        .arg(kids);
    }
    return QStringLiteral("{\"name\":\"big\",\"stop_at_end\":false,\"root\":{\"id\":\"Big\","
                          "\"type\":\"supervisor\",\"children\":[%1]}}")
        .arg(children);
}

} // namespace

class TstUserSession : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("SupLabTest")); }
    void init() { QSettings().clear(); }

    void noDialogAppearsWhileTheSelectedProcessIsGone_data() {
        QTest::addColumn<QString>("scenario"); // empty: the lesson's first example
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("kills");
        QTest::newRow("KVStore killed four times, its supervisor gives up")
            << QString() << kKvStore << 4;
        QTest::newRow("a temporary worker killed once is gone for good")
            << QStringLiteral(R"({"name":"t","stop_at_end":false,"root":{"id":"Root",
                "type":"supervisor","children":[{"id":"Temp","restart":"temporary",
                "behaviour":"counter"},{"id":"Other","behaviour":"counter"}]}})")
            << QStringLiteral("Root/Temp") << 1;
        QTest::newRow("a worker with a 3 s init killed once is restarting")
            << QStringLiteral(R"({"name":"s","stop_at_end":false,"root":{"id":"Root",
                "type":"supervisor","children":[{"id":"Slow","init_ms":3000,
                "behaviour":"counter"}]}})")
            << QStringLiteral("Root/Slow") << 1;
    }
    void noDialogAppearsWhileTheSelectedProcessIsGone() {
        QFETCH(QString, scenario);
        QFETCH(QString, target);
        QFETCH(int, kills);
        ModalWatch modal;
        MainWindow window;
        window.show();
        QVERIFY(scenario.isEmpty()
                    ? window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json"))
                    : openText(window, scenario));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, target), ProcessState::Running, 10000);
        window.select(target);
        for (int k = 0; k < kills; ++k) {
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, target), ProcessState::Running, 5000);
            QTest::keyClick(&window.canvas(), Qt::Key_K); // as the user kills it
            QTRY_VERIFY_WITH_TIMEOUT(stateOf(window, target) != ProcessState::Running ||
                                         window.treeState()->find(target.toStdString())->restarts >
                                             k,
                                     5000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(window, target) != ProcessState::Running, 5000);
        QVERIFY(waitForPolls(window, 6));
        QCOMPARE(modal.seen(), 0);
        QVERIFY(QApplication::activeModalWidget() == nullptr);
    }

    void aRefusedActionIsSaidOnceWithoutBlocking() {
        ModalWatch modal;
        MainWindow window;
        window.show();
        QVERIFY(openText(window, QStringLiteral(R"({"name":"t","stop_at_end":false,"root":{
            "id":"Root","type":"supervisor","children":[{"id":"Temp","restart":"temporary"}]}})")));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, QStringLiteral("Root/Temp")),
                                  ProcessState::Running, 5000);
        window.select(QStringLiteral("Root/Temp"));
        window.performAction(QStringLiteral("Root/Temp"), QStringLiteral("kill"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, QStringLiteral("Root/Temp")),
                                  ProcessState::Removed, 5000);
        QTest::keyClick(&window.canvas(), Qt::Key_K); // again, on the dead one
        QVERIFY(window.notice().text().contains(QStringLiteral("not running")));
        QVERIFY(!window.notice().text().contains(QStringLiteral("/:")));
        QCOMPARE(modal.seen(), 0);
    }

    void escapeAndAClickOnTheEmptyCanvasSelectNothing_data() {
        QTest::addColumn<bool>("byKey");
        QTest::newRow("Esc") << true;
        QTest::newRow("a click on the empty canvas") << false;
    }
    void escapeAndAClickOnTheEmptyCanvasSelectNothing() {
        QFETCH(bool, byKey);
        MainWindow window;
        window.show();
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_VERIFY_WITH_TIMEOUT(window.canvas().item(kKvStore) != nullptr, 5000);
        window.select(kKvStore);
        QCOMPARE(window.canvas().selected(), kKvStore);
        QSignalSpy selected(&window.canvas(), &TreeCanvas::processSelected);
        if (byKey)
            QTest::keyClick(&window.canvas(), Qt::Key_Escape);
        else
            QTest::mouseClick(window.canvas().viewport(), Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(window.canvas().selected(), QString());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toString(), QString());
        QVERIFY(window.inspectorText().contains(QStringLiteral("Click a process")));
    }

    void aGiveUpStaysMarkedAfterTheParentRestartsIt() {
        MainWindow window;
        window.show();
        window.useVirtualClock(true);
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/03_application_tree.json")));
        const QString web = QStringLiteral("MyApp.Supervisor/MyApp.Web.Supervisor");
        // It gives up at 2.6 s and its parent restarts it at the same instant.
        QTRY_VERIFY_WITH_TIMEOUT(window.treeState()->find(web.toStdString()) &&
                                     window.treeState()->find(web.toStdString())->gaveUpAtUs >= 0,
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, web), ProcessState::Running, 5000);
        QTRY_VERIFY(!viewOf(window, web).gaveUpAt.isEmpty());
        // The badge is drawn inside the item, above the box: never cut in half.
        const ProcessItem* item = window.canvas().item(web);
        QVERIFY(item && item->boundingRect().top() <= -ProcessItem::kBadgeHeight);
        window.dismissGiveUp(web);
        QTRY_VERIFY(viewOf(window, web).gaveUpAt.isEmpty());
    }

    void everyNameIsDrawnWhole_data() {
        QTest::addColumn<QString>("example");
        QTest::newRow("the application tree")
            << QStringLiteral(":/scenarios/03_application_tree.json");
        QTest::newRow("ChatApp") << QStringLiteral(":/scenarios/05_chat_app.json");
    }
    void everyNameIsDrawnWhole() {
        QFETCH(QString, example);
        MainWindow window;
        window.show();
        QVERIFY(window.openExample(example));
        QTRY_VERIFY_WITH_TIMEOUT(!window.canvas().scene().items().isEmpty(), 5000);
        QTest::qWait(300); // let the dynamic children come up (not a synchronisation)
        QFont bold = window.canvas().font();
        bold.setPointSizeF(8.5);
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        int checked = 0;
        for (const auto& [path, node] : window.treeState()->nodes()) {
            const ProcessItem* item = window.canvas().item(QString::fromStdString(path));
            if (!item) continue;
            ++checked;
            // The title's room: the box less its stripe and margins (ProcessItem).
            QVERIFY2(metrics.horizontalAdvance(item->view().id) <= item->width() - 15,
                     qPrintable(item->view().id));
        }
        QVERIFY(checked >= 5);
    }

    void whichChildrenShowsEveryPid() {
        MainWindow window;
        window.show();
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, kKvStore), ProcessState::Running, 5000);
        window.select(kSup);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.inspectorText().contains(QStringLiteral("{KVStore, #PID<0.")), 5000);
        QVERIFY(window.inspectorText().contains(QStringLiteral("{Counter, #PID<0.")));
        QVERIFY(!window.inspectorText().contains(QStringLiteral(", , ")));
    }

    void aRestartRowHasNoMadeUpPid() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto& e : window.logModel().events())
                    if (e.kind == EventKind::Restart) return true;
                return false;
            }(),
            5000);
        for (int r = 0; r < window.logModel().rowCount(); ++r)
            QVERIFY(window.logModel().index(r, EventLogModel::PidColumn).data().toString() !=
                    QStringLiteral("undefined"));
    }

    void aNewScenarioStartsWithNoLogFilter() {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QComboBox& kind = window.logPanel().kindFilter();
        kind.setCurrentIndex(kind.findText(QStringLiteral("down")));
        QVERIFY(!window.logPanel().filterSummary().isEmpty()); // a filter says it is one
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/02_database_cache_webserver.json")));
        QCOMPARE(kind.currentIndex(), 0);
        QCOMPARE(window.logPanel().filterSummary(), QString());
    }

    void aStepWithNothingLeftToDoSaysSo() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.useVirtualClock(true);
        QVERIFY(openText(window, QStringLiteral(R"({"name":"q","stop_at_end":false,"root":{
            "id":"Root","type":"supervisor","children":[{"id":"a"}]}})")));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, QStringLiteral("Root/a")), ProcessState::Running,
                                  5000);
        QTest::keyClick(&window, Qt::Key_N);
        QTRY_VERIFY_WITH_TIMEOUT(window.notice().text().contains(QStringLiteral("nothing more")),
                                 5000);
    }

    void aBigTreeIsFoldedIntoBoxesThatSayWhatIsInside() {
        MainWindow window;
        window.show();
        QVERIFY(openText(window, bigTree(100, 100)));
        QTRY_VERIFY_WITH_TIMEOUT(window.treeState()->nodes().size() == 10'101, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.canvas().item(QStringLiteral("Big/S99")) != nullptr, 5000);
        QVERIFY(window.canvas().isFolded(QStringLiteral("Big/S7")));
        QVERIFY(window.canvas().item(QStringLiteral("Big/S7/w3")) == nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(viewOf(window, QStringLiteral("Big/S7")).summary ==
                                     QStringLiteral("100 workers"),
                                 5000);
        // Drawn legibly: every box on screen when fitted is at least a third of its size.
        QVERIFY(window.canvas().transform().m11() >= 0.3);
        // Finding a worker unfolds what hides it.
        window.canvas().reveal(QStringLiteral("Big/S7/w3"));
        QTRY_VERIFY(window.canvas().item(QStringLiteral("Big/S7/w3")) != nullptr);
        QVERIFY(!window.canvas().isFolded(QStringLiteral("Big/S7")));
    }

    void theBudgetBarCountsARestartAtOnce() {
        MainWindow window;
        window.show();
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/02_database_cache_webserver.json")));
        // The script kills Database at 1 s: one restart in the supervisor's window.
        QTRY_VERIFY_WITH_TIMEOUT(
            window.treeState()->budget(kSup.toStdString(), window.controller().nowUs()).first == 1,
            5000);
        // On the box, without selecting it, as in the log, the chart and the inspector.
        QTRY_COMPARE_WITH_TIMEOUT(viewOf(window, kSup).budgetUsed, 1, 1000);
        QCOMPARE(window.canvas().selected(), QString());
    }

    void aFoldedBoxCountsWhatGoesDownInside() {
        MainWindow window;
        window.show();
        QVERIFY(openText(window, bigTree(100, 100)));
        QTRY_VERIFY_WITH_TIMEOUT(window.canvas().item(QStringLiteral("Big/S3")) != nullptr, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, QStringLiteral("Big/S3/w5")),
                                  ProcessState::Running, 5000);
        window.performAction(QStringLiteral("Big/S3/w5"), QStringLiteral("kill"));
        QTRY_VERIFY_WITH_TIMEOUT(viewOf(window, QStringLiteral("Big/S3")).summary ==
                                     QStringLiteral("100 workers, 1 restart"),
                                 5000);
    }

    void usesDependenciesAreDrawnAsArrowsOfTheirOwn() {
        MainWindow window;
        window.show();
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/02_database_cache_webserver.json")));
        auto arrows = [&] {
            int n = 0;
            for (auto* item : window.canvas().scene().items())
                if (auto* p = qgraphicsitem_cast<QGraphicsPathItem*>(item))
                    if (p->toolTip().contains(QStringLiteral(" uses "))) ++n;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(arrows(), 2, 5000); // Cache uses Database, WebServer uses Cache
        window.canvas().setShowUses(false);
        QTRY_COMPARE(arrows(), 0);
    }

    void findMatchesANameOrAPid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("first");
        QTest::newRow("part of a name, any case") << QStringLiteral("kvst") << kKvStore;
        QTest::newRow("a path") << QStringLiteral("Supervisor/Counter")
                                << QStringLiteral("MyApp.Supervisor/Counter");
    }
    void findMatchesANameOrAPid() {
        QFETCH(QString, text);
        QFETCH(QString, first);
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, kKvStore), ProcessState::Running, 5000);
        const QStringList hits = FindBar::matches(*window.treeState(), text);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first(), first);
        // And by the pid a user reads off a box.
        const Pid pid = window.treeState()->find(kKvStore.toStdString())->pid;
        QCOMPARE(FindBar::matches(*window.treeState(), QString::fromStdString(formatPid(pid))),
                 QStringList{kKvStore});
    }

    void findingAProcessSelectsIt() {
        MainWindow window;
        window.show();
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QTRY_VERIFY_WITH_TIMEOUT(window.canvas().item(kKvStore) != nullptr, 5000);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(window.findBar().isVisible());
        QTest::keyClicks(static_cast<QWidget*>(&window.findBar().field()), QStringLiteral("KVSt"));
        QTest::keyClick(static_cast<QWidget*>(&window.findBar().field()), Qt::Key_Return);
        QCOMPARE(window.canvas().selected(), kKvStore);
    }
};

QTEST_MAIN(TstUserSession)
#include "tst_user_session.moc"
