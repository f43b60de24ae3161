// The Analysis panel in the main window (offscreen): it analyses the tree shown
// without blocking the window, colours the canvas by blast radius, rings what a row,
// a finding or a cut set names, exports, and survives being closed mid-analysis.
#include "canvas/TreeCanvas.h"
#include "resilience/AnalysisPanel.h"
#include "window/MainWindow.h"
#include "json/Json.h"

#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace suplab;

namespace {

/// A one_for_one root over db and web; web uses db: one finding.
const char* kStale = R"({"name":"stale","root":{"id":"R","type":"supervisor",
  "children":[{"id":"db"},{"id":"web","uses":["db"]},{"id":"tmp","restart":"temporary"}]},
  "stop_at_end":false})";

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) qFatal("cannot write");
    return path;
}

bool analysed(MainWindow& w) {
    w.analyze();
    return QTest::qWaitFor(
        [&] { return !w.analysisPanel().running() && w.analysisPanel().report(); }, 20000);
}

QSet<QString> set(std::initializer_list<const char*> paths) {
    QSet<QString> out;
    for (const char* p : paths)
        out.insert(QString::fromUtf8(p));
    return out;
}

} // namespace

class TstAnalysisPanel : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("SupLabTest")); }

    void theTableHasARowPerProcessWeakestFirst() {
        MainWindow w;
        QVERIFY(w.openExample(QStringLiteral(":/scenarios/02_database_cache_webserver.json")));
        QVERIFY(analysed(w));
        QTableWidget& t = w.analysisPanel().table();
        QCOMPARE(t.rowCount(), 4);
        QCOMPARE(t.item(0, 1)->text(), QStringLiteral("MyApp.Supervisor/Database"));
        QCOMPARE(t.item(0, 3)->text(), QStringLiteral("3"));
        QCOMPARE(t.item(3, 0)->text(), QStringLiteral("root"));
    }

    void theCanvasIsColouredByBlastRadius() {
        MainWindow w;
        QVERIFY(w.openExample(QStringLiteral(":/scenarios/02_database_cache_webserver.json")));
        QVERIFY(analysed(w));
        QVERIFY(w.canvas().showsHeat());
        auto heatOf = [&](const char* path) {
            ProcessItem* item = w.canvas().item(QString::fromUtf8(path));
            return item ? item->view().heat : QColor();
        };
        // Database takes down all three workers, WebServer itself alone: hotter is darker.
        QTRY_VERIFY(heatOf("MyApp.Supervisor/Database").isValid());
        QTRY_VERIFY(heatOf("MyApp.Supervisor/WebServer").isValid());
        QVERIFY(heatOf("MyApp.Supervisor/Database").lightnessF() <
                heatOf("MyApp.Supervisor/WebServer").lightnessF());
        w.analysisPanel().setHeatShown(false);
        QVERIFY(!w.canvas().showsHeat());
        QTRY_VERIFY(!heatOf("MyApp.Supervisor/Database").isValid());
    }

    void pickingARowRingsWhatItTakesDown() {
        MainWindow w;
        QVERIFY(w.openExample(QStringLiteral(":/scenarios/02_database_cache_webserver.json")));
        QVERIFY(analysed(w));
        w.analysisPanel().table().selectRow(1); // Cache: it and WebServer, after it
        QCOMPARE(w.canvas().highlighted(),
                 set({"MyApp.Supervisor/Cache", "MyApp.Supervisor/WebServer"}));
        QCOMPARE(w.canvas().selected(), QStringLiteral("MyApp.Supervisor/Cache"));
    }

    void pickingAFindingRingsItsProcesses() {
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(w.openFile(write(dir, QStringLiteral("stale.json"), kStale)));
        QVERIFY(analysed(w));
        QListWidget& findings = w.analysisPanel().findings();
        QCOMPARE(findings.count(), 1);
        QVERIFY(findings.item(0)->text().contains(QStringLiteral("rest_for_one")));
        findings.setCurrentRow(0);
        QCOMPARE(w.canvas().highlighted(), set({"R/web", "R/db"}));
    }

    void pickingACutSetRingsItsProcesses() {
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(w.openFile(write(dir, QStringLiteral("stale.json"), kStale)));
        QVERIFY(analysed(w));
        QListWidget& cuts = w.analysisPanel().cutSets();
        QCOMPARE(cuts.count(), 2); // db and web; tmp is never restarted
        cuts.setCurrentRow(0);
        QCOMPARE(w.canvas().highlighted().size(), 1);
    }

    void theReportExportsAsJsonAndMarkdown() {
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(w.openFile(write(dir, QStringLiteral("stale.json"), kStale)));
        QVERIFY(analysed(w));
        const QString json = dir.filePath(QStringLiteral("a.json"));
        QCOMPARE(w.analysisPanel().exportTo(json, QStringLiteral("json")), QString());
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto parsed = json::parse(f.readAll().toStdString());
        QVERIFY(parsed.value && parsed.value->find("cut_sets"));
        const QString md = dir.filePath(QStringLiteral("a.md"));
        QCOMPARE(w.analysisPanel().exportTo(md, QStringLiteral("markdown")), QString());
        QFile m(md);
        QVERIFY(m.open(QIODevice::ReadOnly));
        QVERIFY(m.readAll().startsWith("# Resilience of stale"));
    }

    void anExportToAFolderThatIsNotThereSaysWhere() {
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(w.openFile(write(dir, QStringLiteral("stale.json"), kStale)));
        QVERIFY(analysed(w));
        const QString bad = dir.filePath(QStringLiteral("no/such/folder/a.md"));
        const QString problem = w.analysisPanel().exportTo(bad, QStringLiteral("markdown"));
        QVERIFY2(problem.contains(bad), qPrintable(problem));
        QVERIFY(w.analysisPanel().report()); // still there
    }

    void anotherTreeMarksTheReportAsBeingOfTheOneBefore() {
        MainWindow w;
        QVERIFY(w.openExample(QStringLiteral(":/scenarios/02_database_cache_webserver.json")));
        QVERIFY(analysed(w));
        QVERIFY(w.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QVERIFY2(w.analysisPanel().status().contains(QStringLiteral("tree before")),
                 qPrintable(w.analysisPanel().status()));
        QCOMPARE(w.analysisPanel().table().rowCount(), 4); // kept until analysed again
    }

    void closingTheWindowMidAnalysisStopsIt() {
        // 1 + 20 + 400 processes: long enough to be under way when the window goes.
        QByteArray tree = "{\"name\":\"big\",\"root\":{\"id\":\"R\",\"type\":\"supervisor\","
                          "\"children\":[";
        for (int i = 0; i < 20; ++i) {
            tree += (i ? "," : "") + QByteArray("{\"id\":\"S") + QByteArray::number(i) +
                    "\",\"type\":\"supervisor\",\"children\":[";
            for (int j = 0; j < 20; ++j)
                tree += (j ? "," : "") + QByteArray("{\"id\":\"w") + QByteArray::number(j) + "\"}";
            tree += "]}";
        }
        tree += "]},\"stop_at_end\":false}";
        QTemporaryDir dir;
        auto w = std::make_unique<MainWindow>();
        QVERIFY(w->openFile(write(dir, QStringLiteral("big.json"), tree)));
        w->analyze();
        QVERIFY(w->analysisPanel().running());
        QElapsedTimer clock;
        clock.start();
        w.reset(); // joins the analysis threads after telling them to stop
        QVERIFY(clock.elapsed() < 20000);
    }
};

QTEST_MAIN(TstAnalysisPanel)
#include "tst_analysis_panel.moc"
