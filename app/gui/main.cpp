// suplab [SCENARIO.json | MODULE.ex] [--virtual] [--record FILE]
//        [--screenshot FILE] [--export-tree FILE] [--show-import FILE.ex] --quit-after MS]
#include "TimedApplication.h"
#include "UiBench.h"
#include "canvas/TreeCanvas.h"
#include "lanes/CompareWindow.h"
#include "repl/ConsolePanel.h"
#include "snapshot/TreeFormats.h"
#include "window/ExampleCatalog.h"
#include "window/ImportDialog.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <string>

int main(int argc, char** argv) {
    bool bench = false;
    for (int i = 1; i < argc; ++i)
        bench = bench || std::string(argv[i]) == "--bench-ui";
    // The bench draws where a user's desktop would; with no display at all, offscreen.
    if (bench && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM") &&
        !qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Only the bench times its event loop.
    std::unique_ptr<QApplication> application =
        bench ? std::make_unique<suplab::TimedApplication>(argc, argv)
              : std::make_unique<QApplication>(argc, argv);
    QApplication& app = *application;
    QApplication::setOrganizationName(QStringLiteral("SupLab"));
    QApplication::setApplicationName(QStringLiteral("suplab"));
    QApplication::setApplicationVersion(QStringLiteral(SUPLAB_VERSION_STRING));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/suplab.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.suplab.SupLab"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A lab for Erlang/Elixir-style supervision trees."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("scenario"),
        QStringLiteral("Scenario file (default: the lesson's Counter/KVStore)."));
    QCommandLineOption virtualClock(QStringLiteral("virtual"),
                                    QStringLiteral("Start on the virtual clock."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Save the window to FILE (PNG)."),
                                  QStringLiteral("FILE"));
    QCommandLineOption quitAfter(
        QStringLiteral("quit-after"),
        QStringLiteral("Take the screenshot and quit after MS milliseconds."),
        QStringLiteral("MS"));
    QCommandLineOption select(QStringLiteral("select"),
                              QStringLiteral("Select the process at PATH."),
                              QStringLiteral("PATH"));
    QCommandLineOption compare(
        QStringLiteral("compare"),
        QStringLiteral("Open compare mode with these lanes, separated by ';' (e.g. "
                       "\"strategy=one_for_one;strategy=rest_for_one\")."),
        QStringLiteral("LANES"));
    QCommandLineOption chaos(QStringLiteral("chaos"),
                             QStringLiteral("Compare mode: faults per second (default 0.1)."),
                             QStringLiteral("RATE"));
    QCommandLineOption target(QStringLiteral("target"),
                              QStringLiteral("Compare mode: the chaos target subtree."),
                              QStringLiteral("PATH"));
    QCommandLineOption record(QStringLiteral("record"),
                              QStringLiteral("Record the event log to FILE (JSON Lines) as it "
                                             "happens."),
                              QStringLiteral("FILE"));
    QCommandLineOption exportTree(
        QStringLiteral("export-tree"),
        QStringLiteral(
            "With --quit-after: export the tree to FILE (.svg, .png, .mmd, .dot or .ex)."),
        QStringLiteral("FILE"));
    QCommandLineOption showImport(
        QStringLiteral("show-import"),
        QStringLiteral("Open the Elixir importer on FILE (a .ex file, or a Mix project's folder)."),
        QStringLiteral("FILE"));
    QCommandLineOption lesson(
        QStringLiteral("lesson"),
        QStringLiteral("Open the lesson's session N (1-5, as in Examples > The lesson, step by "
                       "step) with its lines ready in the console."),
        QStringLiteral("N"));
    QCommandLineOption lessonLines(
        QStringLiteral("lesson-lines"),
        QStringLiteral("With --lesson: run the session's first N lines, one after the other."),
        QStringLiteral("N"));
    QCommandLineOption benchUi(
        QStringLiteral("bench-ui"),
        QStringLiteral("Measure the GUI under a flood of events and print JSON."));
    parser.addOptions({virtualClock, screenshot, quitAfter, select, compare, chaos, target, record,
                       exportTree, showImport, lesson, lessonLines, benchUi});
    parser.process(app);
    if (parser.isSet(benchUi))
        return suplab::runUiBench(static_cast<suplab::TimedApplication&>(app));

    suplab::MainWindow window;
    if (parser.isSet(virtualClock)) window.useVirtualClock(true);
    const QStringList args = parser.positionalArguments();
    bool loaded = false;
    if (!args.isEmpty()) loaded = window.openFile(args.first());
    if (parser.isSet(lesson)) {
        bool number = false;
        const int n = parser.value(lesson).toInt(&number);
        if (!number || n < 1 || !window.openLesson(std::size_t(n - 1))) {
            std::fprintf(stderr, "suplab: --lesson: expected a number from 1 to %zu, got \"%s\"\n",
                         std::size(suplab::kLessonSessions), qPrintable(parser.value(lesson)));
            return 2;
        }
        loaded = true;
        // Each line once the one before is answered, as a person pressing Enter would.
        auto left = std::make_shared<int>(parser.value(lessonLines).toInt());
        auto next = [&window, left] {
            if (*left > 0 && window.console().runNextLine()) --*left;
        };
        QObject::connect(&window.controller(), &suplab::RunController::evaluated, &window,
                         [next] { QTimer::singleShot(100, next); });
        QTimer::singleShot(200, next);
    }
    if (!loaded) window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json"));
    if (parser.isSet(record)) {
        const QString error = window.startRecording(parser.value(record));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "suplab: %s\n", qPrintable(error));
            return 2;
        }
    }
    window.show();

    QPointer<suplab::ImportDialog> importDialog; // it deletes itself when closed
    if (parser.isSet(showImport)) {
        importDialog = new suplab::ImportDialog(&window);
        importDialog->setAttribute(Qt::WA_DeleteOnClose);
        const QString shown = parser.value(showImport);
        const QString error = QFileInfo(shown).isDir() ? importDialog->openProject(shown)
                                                       : importDialog->openFile(shown);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "suplab: %s\n", qPrintable(error));
            return 2;
        }
        QObject::connect(importDialog, &QDialog::accepted, &window, [&window, importDialog] {
            window.runImported(importDialog->result(), importDialog->label(),
                               importDialog->source());
        });
        importDialog->show();
    }

    suplab::CompareWindow* compareWindow = nullptr;
    if (parser.isSet(compare)) {
        compareWindow = window.openCompare();
        if (compareWindow) {
            compareWindow->setLanes(parser.value(compare).split(QLatin1Char(';')));
            // What is not given keeps the window's defaults.
            compareWindow->setChaos(parser.isSet(chaos) ? parser.value(chaos).toDouble()
                                                        : suplab::CompareWindow::kDefaultRate,
                                    suplab::CompareWindow::kDefaultDuration, 1,
                                    parser.value(target));
            QString problem;
            if (!compareWindow->startLanes(&problem)) {
                std::fprintf(stderr, "suplab: --compare: %s\n", qPrintable(problem));
                return 2;
            }
        }
    }
    if (parser.isSet(select)) {
        const QString path = parser.value(select);
        // Unfolds what hides it, as Find does.
        QTimer::singleShot(300, &window, [&window, path] { window.canvas().reveal(path); });
    }
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        const int ms = parser.value(quitAfter).toInt(&ok);
        if (!ok || ms < 0) {
            std::fprintf(stderr, "suplab: --quit-after expects milliseconds, got \"%s\"\n",
                         qPrintable(parser.value(quitAfter)));
            return 2;
        }
        const QString file = parser.value(screenshot);
        const QString treeFile = parser.value(exportTree);
        QTimer::singleShot(ms, &app, [&window, file, treeFile, compareWindow, importDialog] {
            int status = 0;
            if (!treeFile.isEmpty()) {
                const QString format = suplab::treeFormatForFile(treeFile);
                const QString problem =
                    !format.isEmpty() ? window.exportTree(treeFile, format)
                                      : QStringLiteral("%1: expected .svg, .png, .mmd, .dot or .ex")
                                            .arg(treeFile);
                if (!problem.isEmpty()) {
                    std::fprintf(stderr, "suplab: --export-tree: %s\n", qPrintable(problem));
                    status = 1;
                }
            }
            QWidget* shown = importDialog    ? static_cast<QWidget*>(importDialog.data())
                             : compareWindow ? static_cast<QWidget*>(compareWindow)
                                             : &window;
            if (!file.isEmpty() && !shown->grab().save(file, "PNG")) {
                std::fprintf(stderr, "suplab: cannot write the screenshot to %s\n",
                             qPrintable(file));
                status = 1;
            }
            QApplication::exit(status);
        });
    }
    return app.exec();
}
