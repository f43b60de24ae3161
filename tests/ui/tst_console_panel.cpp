// The console in the window, driven as a user drives it: the lesson's sessions run
// line by line with Enter, answers come back without blocking, the process a line
// touched is selected and the inspector shows what it holds.
#include "repl/ConsoleInput.h"
#include "repl/ConsolePanel.h"
#include "state/TreeState.h"
#include "window/ExampleCatalog.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace suplab;

namespace {

/// Presses Enter in the console and waits for the answer.
bool runNextLine(MainWindow& window) {
    QSignalSpy answered(&window.controller(), &RunController::evaluated);
    QTest::keyClick(&window.console().input(), Qt::Key_Return);
    return answered.wait(10000);
}

/// Waits until the inspector's text contains `text`.
bool inspectorShows(MainWindow& window, const QString& text) {
    return QTest::qWaitFor([&] { return window.inspectorText().contains(text); }, 5000);
}

} // namespace

class TstConsolePanel : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("SupLabTest")); }
    void init() { QSettings().clear(); }

    // Each of the lesson's sessions, opened from Examples and run with Enter only,
    // prints what the lesson prints: no line is marked as differing, none fails.
    void aLessonSessionRunsWithEnterAlone_data() {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < std::size(kLessonSessions); ++i)
            QTest::newRow(kLessonSessions[i].title) << int(i);
    }
    void aLessonSessionRunsWithEnterAlone() {
        QFETCH(int, index);
        MainWindow window;
        window.show();
        QVERIFY(window.openLesson(std::size_t(index)));
        ConsolePanel& console = window.console();
        QVERIFY(console.hasTranscript());
        QVERIFY(!console.input().text().isEmpty());
        const int lines = int(console.transcriptSize());
        for (int i = 0; i < lines; ++i) {
            QCOMPARE(console.nextLine(), std::size_t(i));
            QVERIFY(runNextLine(window));
        }
        QCOMPARE(console.nextLine(), std::size_t(lines));
        QVERIFY2(!console.outputText().contains(QStringLiteral("the lesson shows")),
                 qPrintable(console.outputText()));
        QVERIFY2(!console.outputText().contains(QStringLiteral("** (")),
                 qPrintable(console.outputText()));
        QVERIFY2(console.outputText().count(QStringLiteral("iex(")) == lines,
                 qPrintable(console.outputText()));
    }

    // The lesson's point, seen in the window: the count is 10, the kill restarts the
    // counter and the inspector shows it holding 0, restarted once.
    void theInspectorShowsTheCounterLosingItsState() {
        MainWindow window;
        window.show();
        QVERIFY(window.openLesson(0));
        const QString counter = QStringLiteral("MyApp.Supervisor/Counter");
        QCOMPARE(
            QString::fromLatin1(toString(window.treeState()->find(counter.toStdString())->state)),
            QStringLiteral("not started"));
        for (int i = 0; i < 4; ++i) // start_link, get_count, increment(10), get_count
            QVERIFY(runNextLine(window));
        QVERIFY(inspectorShows(window, QStringLiteral("count=10")));
        QVERIFY(window.inspectorText().contains(counter));
        for (int i = 0; i < 2; ++i) // the kill, get_count
            QVERIFY(runNextLine(window));
        QVERIFY(inspectorShows(window, QStringLiteral("count=0")));
        QCOMPARE(window.treeState()->find(counter.toStdString())->restarts, 1);
    }

    // A line that fails says so in the console and changes nothing else.
    void aFailingLineIsAnsweredAndTheRunGoesOn() {
        MainWindow window;
        window.show();
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        window.console().input().setText(QStringLiteral("Nobody.call(1)"));
        QVERIFY(runNextLine(window));
        QVERIFY(window.console().outputText().contains(
            QStringLiteral("** (UndefinedFunctionError) function Nobody.call/1 is undefined")));
        window.console().input().setText(QStringLiteral("Counter.get_count()"));
        QVERIFY(runNextLine(window));
        QVERIFY(window.console().outputText().endsWith(QStringLiteral("\n0")));
    }

    // A session opened after another starts at its own first line, whatever was in the input.
    void anotherSessionStartsAtItsOwnFirstLine() {
        MainWindow window;
        window.show();
        QVERIFY(window.openLesson(0));
        QVERIFY(runNextLine(window)); // the input now holds the Counter session's line 2
        QVERIFY(window.openLesson(3));
        QCOMPARE(window.console().input().text(),
                 QStringLiteral("MyApp.SessionSupervisor.start_link(:ok)"));
    }

    // Lines pasted at once run one after the other, each with its own prompt and answer.
    void pastedLinesRunOneByOne() {
        MainWindow window;
        window.show();
        QVERIFY(window.openExample(QStringLiteral(":/scenarios/01_counter_kvstore.json")));
        QSignalSpy answered(&window.controller(), &RunController::evaluated);
        window.console().input().setText(
            QStringLiteral("Counter.increment(2)\nCounter.increment(3)\nCounter.get_count()"));
        QTest::keyClick(&window.console().input(), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return answered.count() == 3; }, 10000));
        const QString out = window.console().outputText();
        QVERIFY2(out.contains(QStringLiteral("iex(3)> Counter.get_count()\n5")), qPrintable(out));
    }

    // Up and Down walk the history as iex's do; what was being typed comes back.
    void upAndDownWalkTheHistory_data() {
        QTest::addColumn<QList<int>>("keys");
        QTest::addColumn<QString>("shown");
        QTest::newRow("Up shows the last line") << QList<int>{Qt::Key_Up} << "third";
        QTest::newRow("Up twice shows the one before")
            << QList<int>{Qt::Key_Up, Qt::Key_Up} << "second";
        QTest::newRow("Up past the first line stays on it")
            << QList<int>{Qt::Key_Up, Qt::Key_Up, Qt::Key_Up, Qt::Key_Up} << "first";
        QTest::newRow("Down after Up comes back to what was typed")
            << QList<int>{Qt::Key_Up, Qt::Key_Down} << "draft";
        QTest::newRow("Down at the end changes nothing") << QList<int>{Qt::Key_Down} << "draft";
    }
    void upAndDownWalkTheHistory() {
        QFETCH(QList<int>, keys);
        QFETCH(QString, shown);
        ConsoleInput input;
        for (const char* line : {"first", "second", "third", "third"})
            input.remember(QString::fromLatin1(line));
        QCOMPARE(input.history().size(), 3); // a line repeated is kept once
        input.setText(QStringLiteral("draft"));
        for (int key : keys)
            QTest::keyClick(&input, Qt::Key(key));
        QCOMPARE(input.text(), shown);
    }
};

QTEST_MAIN(TstConsolePanel)
#include "tst_console_panel.moc"
