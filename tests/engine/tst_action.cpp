// One action type for every caller (run/Action.h): the script, the console, the GUI's
// menus and the compare lanes do a kill or a call the same way; only who asked and
// how long a call may wait differ.
#include "run/Action.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "support/EngineFixture.h"

#include <QTest>

using namespace suplab;
using namespace suplab::test;

namespace {
std::shared_ptr<NodeSpec> slowToStart(std::string id, std::int64_t initMs) {
    auto n = w(std::move(id));
    n->init_ms = initMs;
    return n;
}
} // namespace

class TstAction : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aSignalIsLoggedWithWhoSentIt_data() {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("detail");
        QTest::newRow("a script's kill says nothing more") << "script"
                                                           << "exit signal kill";
        QTest::newRow("the GUI's kill says it came from the GUI")
            << "the GUI"
            << "exit signal kill (from the GUI)";
        QTest::newRow("the console's kill says it came from the console")
            << "the console"
            << "exit signal kill (from the console)";
    }
    void aSignalIsLoggedWithWhoSentIt() {
        QFETCH(QString, origin);
        QFETCH(QString, detail);
        Tree tree(sup("S", Strategy::OneForOne, {w("a")}));
        const Pid a = tree.running("S/a");
        Action kill = Action::signal(Action::Kind::Kill, "S/a");
        kill.origin = origin.toStdString();
        const ActionResult done = runAction(tree.engine(), kill);
        QVERIFY(done.ok());
        QCOMPARE(done.target, a);
        tree.wait(10);
        QVERIFY(!tree.alive(a));
        bool logged = false;
        for (const Event& e : tree.events())
            logged |=
                e.kind == EventKind::Inject && e.path == "S/a" && e.detail == detail.toStdString();
        QVERIFY2(logged, "no inject event with that detail");
    }

    void anActionAtAPathWhereNothingRunsFindsNoTarget_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("a kill") << int(Action::Kind::Kill);
        QTest::newRow("a crash") << int(Action::Kind::Crash);
        QTest::newRow("a terminate_child") << int(Action::Kind::TerminateChild);
        QTest::newRow("an inspection") << int(Action::Kind::Inspect);
    }
    void anActionAtAPathWhereNothingRunsFindsNoTarget() {
        QFETCH(int, kind);
        Tree tree(sup("S", Strategy::OneForOne, {w("a")}));
        Action action = Action::query(Action::Kind(kind), "S/nobody");
        action.childId = "x";
        const ActionResult done = runAction(tree.engine(), action);
        QVERIFY(!done.targetFound);
        QVERIFY(!done.ok());
        QCOMPARE(done.call.error, CallError::NotFound);
    }

    void aCallWithATimeoutGivesUpWhenTheReplyIsLate_data() {
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<bool>("answered");
        QTest::newRow("a start that takes 3 s, waited for 1 s, times out") << 1000 << false;
        QTest::newRow("waited for 5 s, it is answered") << 5000 << true;
        QTest::newRow("waited for ever, as a script waits, it is answered") << -1 << true;
    }
    void aCallWithATimeoutGivesUpWhenTheReplyIsLate() {
        QFETCH(int, timeoutMs);
        QFETCH(bool, answered);
        Tree tree(sup("S", Strategy::OneForOne, {w("a")}));
        const ActionResult done = runAction(
            tree.engine(),
            Action::startChild("S", slowToStart("slow", 3000)).from("the console", timeoutMs));
        QVERIFY(done.targetFound);
        QCOMPARE(done.call.ok(), answered);
        if (!answered) QCOMPARE(done.call.error, CallError::Timeout);
        tree.wait(5000);
        QVERIFY(tree.pid("S/slow") != kNoPid); // the start itself goes on, as in OTP
    }

    void aScriptStepAndItsActionAreTheSame() {
        ScriptStep step;
        step.action = StepAction::TerminateChild;
        step.target = "S";
        step.child_id = "a";
        const Action action = ScenarioPlayer::actionFor(step);
        QCOMPARE(int(action.kind), int(Action::Kind::TerminateChild));
        QCOMPARE(QString::fromStdString(action.subject()), QStringLiteral("S/a"));
        QCOMPARE(QString::fromUtf8(action.opName()), QStringLiteral("terminate_child"));
        QVERIFY(action.reportAsScriptError);
        QCOMPARE(action.timeoutMs, std::int64_t(-1));
    }

    // A script fills a worker with "do": "call" before it breaks it, and the call's
    // reply, logged, shows the state before and after the restart.
    void aScriptedCallFillsAWorkerAndARestartWipesIt_data() {
        QTest::addColumn<QString>("clock");
        QTest::newRow("on the virtual clock") << "virtual";
        QTest::newRow("on the real clock") << "real";
    }
    void aScriptedCallFillsAWorkerAndARestartWipesIt() {
        QFETCH(QString, clock);
        const LoadResult loaded = loadScenarioText(R"({"name": "call",
          "root": {"id": "S", "type": "supervisor", "children": [
            {"id": "Counter", "behaviour": "counter"}]},
          "script": [
            {"at_ms": 10, "do": "call", "target": "S/Counter", "function": "increment", "args": [10]},
            {"at_ms": 20, "do": "call", "target": "S/Counter", "function": "get_count"},
            {"at_ms": 30, "do": "kill", "target": "S/Counter"},
            {"at_ms": 60, "do": "call", "target": "S/Counter", "function": "get_count"}],
          "settle_ms": 10})",
                                                   "call.json");
        QVERIFY2(loaded.ok(), loaded.errors.empty() ? "" : loaded.errors.front().c_str());
        std::vector<std::string> calls;
        for (const Event& e :
             playScenario(*loaded.scenario, *fromString<ClockKind>(clock.toStdString())))
            if (e.kind == EventKind::Call && e.path == "S/Counter") calls.push_back(e.detail);
        QCOMPARE(calls, (std::vector<std::string>{"increment(10) -> :ok", "get_count() -> 10",
                                                  "get_count() -> 0"}));
    }
};

QTEST_GUILESS_MAIN(TstAction)
#include "tst_action.moc"
