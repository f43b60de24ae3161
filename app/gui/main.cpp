// suplab [SCENARIO.json] [--virtual] [--screenshot FILE --quit-after MS]
#include "canvas/TreeCanvas.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SupLab"));
    QApplication::setApplicationName(QStringLiteral("suplab"));
    QApplication::setApplicationVersion(QStringLiteral(SUPLAB_VERSION_STRING));

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
    parser.addOptions({virtualClock, screenshot, quitAfter, select});
    parser.process(app);

    suplab::MainWindow window;
    if (parser.isSet(virtualClock)) window.useVirtualClock(true);
    const QStringList args = parser.positionalArguments();
    bool loaded = false;
    if (!args.isEmpty()) loaded = window.openFile(args.first());
    if (!loaded) window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json"));
    window.show();

    if (parser.isSet(select)) {
        const QString path = parser.value(select);
        QTimer::singleShot(300, &window, [&window, path] {
            window.canvas().setSelected(path);
            Q_EMIT window.canvas().processSelected(path);
        });
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
        QTimer::singleShot(ms, &app, [&window, file] {
            int status = 0;
            if (!file.isEmpty() && !window.grab().save(file, "PNG")) {
                std::fprintf(stderr, "suplab: cannot write the screenshot to %s\n",
                             qPrintable(file));
                status = 1;
            }
            QApplication::exit(status);
        });
    }
    return app.exec();
}
