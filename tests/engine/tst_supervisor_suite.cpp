// OTP's supervisor_SUITE, ported through the engine's C++ API (otp-semantics.md
// §12). Each test names the suite case it ports. All run in virtual time.
#include "support/EngineFixture.h"

#include "events/EventFormat.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "supervision/ChildSpecCheck.h"

#include <QTest>

using namespace suplab;
using namespace suplab::test;

namespace {
ChildCounts counts(int specs, int active, int supervisors, int workers) {
    return ChildCounts{specs, active, supervisors, workers};
}
std::shared_ptr<NodeSpec> trapping(std::string id, std::int64_t stopMs, ShutdownSpec shutdown) {
    auto n = w(std::move(id));
    n->trap_exit = true;
    n->stop_ms = stopMs;
    n->shutdown = shutdown;
    return n;
}
std::shared_ptr<NodeSpec> failsAfterFirstStart(std::string id) {
    auto n = w(std::move(id));
    for (int i = 2; i < 100; ++i)
        n->fail_attempts.push_back(i);
    return n;
}
bool has(const std::string& trace, const std::string& line) {
    return trace.find(line + "\n") != std::string::npos;
}
/// A child whose start attempts `attempts` (from 1) return ignore (supervisor_1's
/// start_child(ignore) ignores its first).
std::shared_ptr<NodeSpec> ignoring(std::string id, std::vector<std::int64_t> attempts,
                                   RestartType restart = RestartType::Permanent) {
    auto n = w(std::move(id), restart);
    n->ignore_attempts = std::move(attempts);
    return n;
}
std::shared_ptr<NodeSpec> significant(std::string id) {
    auto n = w(std::move(id), RestartType::Transient);
    n->significant = true;
    return n;
}
/// A copy of `node` with other flags and children: what a new init/1 returns.
std::shared_ptr<NodeSpec> reinit(const NodePtr& node, AutoShutdown mode,
                                 std::vector<std::shared_ptr<NodeSpec>> children) {
    auto n = std::make_shared<NodeSpec>(*node);
    n->auto_shutdown = mode;
    n->children.assign(children.begin(), children.end());
    return n;
}
QString word(const Reason& r) {
    return QString::fromStdString(r.format());
}
/// The first problem the loader finds in a scenario whose root is `rootJson`.
QString firstLoadError(const char* rootJson) {
    const std::string text = std::string(R"({"name":"t","root":)") + rootJson + "}";
    const LoadResult r = loadScenarioText(text, "s.json");
    return r.errors.empty() ? QString() : QString::fromStdString(r.errors.front());
}
} // namespace

Q_DECLARE_METATYPE(suplab::RestartType)
Q_DECLARE_METATYPE(suplab::AutoShutdown)

class TstSupervisorSuite : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // C. sup_stop (16, 17, 19)
    void stoppingWaitsByEachChildsShutdownSetting_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("stopMs");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("tookMs");
        QTest::newRow("sup_stop_infinity: infinity waits for terminate")
            << int(ShutdownSpec::Kind::Infinity) << 3000 << "shutdown" << 3000;
        QTest::newRow("sup_stop_timeout: a busy child is killed at its timeout")
            << int(ShutdownSpec::Kind::Timeout) << 3000 << "killed" << 1000;
        QTest::newRow("sup_stop_timeout: a quick child stops with shutdown")
            << int(ShutdownSpec::Kind::Timeout) << 200 << "shutdown" << 200;
        QTest::newRow("sup_stop_brutal_kill: brutal_kill kills at once")
            << int(ShutdownSpec::Kind::BrutalKill) << 3000 << "killed" << 0;
    }
    void stoppingWaitsByEachChildsShutdownSetting() {
        QFETCH(int, kind);
        QFETCH(int, stopMs);
        QFETCH(QString, reason);
        QFETCH(int, tookMs);
        Tree tree(sup("S", Strategy::OneForOne,
                      {trapping("c", stopMs, ShutdownSpec{ShutdownSpec::Kind(kind), 1000})}, 2,
                      3600));
        const auto before = tree.engine().runtime().nowUs();
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
        QCOMPARE((tree.engine().runtime().nowUs() - before) / 1000, std::int64_t(tookMs));
        QVERIFY(has(tree.trace(), "down S/c " + reason.toStdString()));
    }

    // 18: sup_stop_timeout_dynamic, 20: sup_stop_brutal_kill_dynamic (simple_one_for_one as
    // Elixir's DynamicSupervisor): dynamic children stop in parallel
    void dynamicChildrenStopInParallel() {
        Tree tree(dynsup("D"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(tree.startChild("D", trapping("c" + std::to_string(i), 300,
                                                  ShutdownSpec::timeout(1000)))
                        .ok());
        const auto before = tree.engine().runtime().nowUs();
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
        QCOMPARE((tree.engine().runtime().nowUs() - before) / 1000, std::int64_t(300));
    }
    void dynamicBrutalKillChildrenEndKilled() {
        Tree tree(dynsup("D"));
        for (int i = 0; i < 10; ++i)
            QVERIFY(tree.startChild(
                            "D", trapping("c" + std::to_string(i), 300, ShutdownSpec::brutalKill()))
                        .ok());
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
        const std::string trace = tree.trace();
        for (int i = 0; i < 10; ++i)
            QVERIFY(has(trace, "down D/c" + std::to_string(i) + " killed"));
    }

    // 21: sup_stop_race: children exiting on their own during a slow shutdown
    void childrenExitingDuringShutdownKeepTheirReason() {
        auto slow = trapping("slow", 1000, ShutdownSpec::infinity());
        Tree tree(sup("S", Strategy::OneForOne, {w("a", RestartType::Transient), slow}));
        tree.engine().port().sendExit(tree.root(), Reason::shutdown());
        tree.wait(100); // S is waiting for `slow`
        tree.crash("S/a", Reason::shutdownWith("test"));
        tree.wait(2000);
        const std::string trace = tree.trace();
        QVERIFY2(has(trace, "down S/a {shutdown,test}"), trace.c_str());
        QVERIFY(has(trace, "down S shutdown"));
    }

    // E. 30-39: restart type against exit reason
    void restartTypeDecidesOnExitReason_data() {
        QTest::addColumn<RestartType>("restart");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("children");
        QTest::addColumn<ChildCounts>("expectedCounts");
        const auto p = RestartType::Permanent, t = RestartType::Transient,
                   tmp = RestartType::Temporary;
        QTest::newRow("permanent_normal: restarted") << p << "normal"
                                                     << "c:running" << counts(1, 1, 0, 1);
        QTest::newRow("permanent_shutdown: restarted") << p << "shutdown"
                                                       << "c:running" << counts(1, 1, 0, 1);
        QTest::newRow("permanent_shutdown: {shutdown,_} restarted")
            << p << "{shutdown,some_info}"
            << "c:running" << counts(1, 1, 0, 1);
        QTest::newRow("permanent_abnormal: restarted") << p << "boom"
                                                       << "c:running" << counts(1, 1, 0, 1);
        QTest::newRow("transient_normal: kept, not running") << t << "normal"
                                                             << "c:undefined" << counts(1, 0, 0, 1);
        QTest::newRow("transient_shutdown: kept, not running")
            << t << "shutdown"
            << "c:undefined" << counts(1, 0, 0, 1);
        QTest::newRow("transient_shutdown: {shutdown,_} kept")
            << t << "{shutdown,x}"
            << "c:undefined" << counts(1, 0, 0, 1);
        QTest::newRow("transient_abnormal: restarted") << t << "boom"
                                                       << "c:running" << counts(1, 1, 0, 1);
        QTest::newRow("temporary_normal: removed") << tmp << "normal"
                                                   << "" << counts(0, 0, 0, 0);
        QTest::newRow("temporary_shutdown: removed") << tmp << "shutdown"
                                                     << "" << counts(0, 0, 0, 0);
        QTest::newRow("temporary_abnormal: removed") << tmp << "boom"
                                                     << "" << counts(0, 0, 0, 0);
    }
    void restartTypeDecidesOnExitReason() {
        QFETCH(RestartType, restart);
        QFETCH(QString, reason);
        QFETCH(QString, children);
        QFETCH(ChildCounts, expectedCounts);
        Tree tree(sup("S", Strategy::OneForOne, {w("c", restart)}));
        tree.crash("S/c", Reason::parse(reason.toStdString()));
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), children);
        QCOMPARE(tree.countChildren("S"), expectedCounts);
    }

    // 34: transient_shutdown: restart_child works in between
    void transientStoppedChildCanBeRestartedByApi() {
        Tree tree(sup("S", Strategy::OneForOne, {w("c", RestartType::Transient)}));
        tree.crash("S/c", Reason::shutdown());
        QVERIFY(tree.restartChild("S", "c").ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("c:running"));
    }

    // 35: temporary_shutdown: started again with start_child
    void temporaryChildCanBeStartedAgain() {
        Tree tree(sup("S", Strategy::OneForOne, {w("c", RestartType::Temporary)}));
        tree.crash("S/c", Reason::shutdown());
        QVERIFY(tree.startChild("S", w("c", RestartType::Temporary)).ok());
    }

    // 40: temporary_bystander
    void temporaryBystanderIsNotRestarted_data() {
        QTest::addColumn<int>("strategy");
        QTest::newRow("one_for_all") << int(Strategy::OneForAll);
        QTest::newRow("rest_for_one") << int(Strategy::RestForOne);
    }
    void temporaryBystanderIsNotRestarted() {
        QFETCH(int, strategy);
        Tree tree(sup("S", Strategy(strategy), {w("child1"), w("child2", RestartType::Temporary)},
                      2, 300));
        tree.kill("S/child1");
        QVERIFY(tree.alive(tree.root()));
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("child1:running"));
    }

    // 41: multiple_restarts (intensity 1, period 1, crashes 2.1 s apart)
    void crashesSpacedBeyondTheWindowNeverGiveUp() {
        Tree tree(sup("S", Strategy::OneForOne, {w("c")}, 1, 1));
        for (int i = 0; i < 4; ++i) {
            tree.wait(2100);
            tree.crash("S/c", Reason::word("died"));
        }
        QVERIFY(tree.alive(tree.root()));
    }

    // 42: one_for_one, 44: one_for_all, 53: rest_for_one: each strategy restarts what it
    // should, then gives up
    void strategyRestartsItsGroupThenGivesUp_data() {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QString>("kept"); // children that keep their pid after child2 dies
        QTest::newRow("one_for_one: only the dead child")
            << int(Strategy::OneForOne) << "child1 child3";
        QTest::newRow("one_for_all: every child") << int(Strategy::OneForAll) << "";
        QTest::newRow("rest_for_one: the dead child and those after it")
            << int(Strategy::RestForOne) << "child1";
    }
    void strategyRestartsItsGroupThenGivesUp() {
        QFETCH(int, strategy);
        QFETCH(QString, kept);
        Tree tree(sup("S", Strategy(strategy), {w("child1"), w("child2"), w("child3")}, 2, 3600));
        std::map<std::string, Pid> before;
        for (const char* id : {"child1", "child2", "child3"})
            before[id] = tree.running(std::string("S/") + id);
        tree.crash("S/child2", Reason::word("died"));
        QCOMPARE(tree.countChildren("S"), counts(3, 3, 0, 3));
        QStringList same;
        for (const char* id : {"child1", "child2", "child3"})
            if (tree.running(std::string("S/") + id) == before[id]) same << QString::fromLatin1(id);
        QCOMPARE(same.join(QLatin1Char(' ')), kept);
        tree.crash("S/child3", Reason::word("died"));
        QVERIFY(tree.alive(tree.root()));
        tree.crash("S/child2", Reason::word("died"));
        QVERIFY(!tree.alive(tree.root()));
        QVERIFY(has(tree.trace(), "give_up S"));
    }

    // 43: one_for_one_escalation, 45: one_for_all_escalation, 54: rest_for_one_escalation:
    // a child whose restarts always fail uses up the intensity
    void failingRestartsEscalate_data() {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<int>("attempts");
        QTest::newRow("one_for_one_escalation") << int(Strategy::OneForOne) << 4;
        QTest::newRow("one_for_all_escalation") << int(Strategy::OneForAll) << 4;
        QTest::newRow("rest_for_one_escalation") << int(Strategy::RestForOne) << 4;
    }
    void failingRestartsEscalate() {
        QFETCH(int, strategy);
        QFETCH(int, attempts);
        Tree tree(
            sup("S", Strategy(strategy), {failsAfterFirstStart("child1"), w("child2")}, 4, 3600));
        const Pid sibling = tree.running("S/child2");
        tree.crash("S/child1", Reason::word("died"));
        QVERIFY(!tree.alive(tree.root()));
        QVERIFY(!tree.alive(sibling));
        const std::string trace = tree.trace();
        int failures = 0;
        for (auto pos = trace.find("start_failed S/child1"); pos != std::string::npos;
             pos = trace.find("start_failed S/child1", pos + 1))
            ++failures;
        QCOMPARE(failures, attempts); // N attempts, the N+1th is refused (§4.3)
    }

    // 46: one_for_all_other_child_fails_restart
    void oneForAllRetryRestartsEveryChild() {
        auto child2 = w("child2");
        child2->fail_attempts = {2};
        Tree tree(sup("S", Strategy::OneForAll, {w("child1"), child2}, 4, 3600));
        tree.crash("S/child2", Reason::word("died"));
        const std::string trace = tree.trace();
        // child1 restarted, child2 failed, so child1 is shut down again and both start.
        const std::string expected = "down S/child2 died\ndown S/child1 shutdown\nup S/child1\n"
                                     "start_failed S/child2 start_error\ndown S/child1 shutdown\n"
                                     "up S/child1\nup S/child2\n";
        QVERIFY2(trace.find(expected) != std::string::npos, trace.c_str());
    }

    // 55: rest_for_one_other_child_fails_restart
    void restForOneRetryStartsFromTheFailedChild() {
        auto child2 = w("child2");
        child2->fail_attempts = {2};
        Tree tree(sup("S", Strategy::RestForOne, {w("child1"), child2, w("child3")}, 4, 3600));
        tree.crash("S/child1", Reason::word("died"));
        const std::string trace = tree.trace();
        const std::string expected =
            "down S/child1 died\ndown S/child3 shutdown\ndown S/child2 shutdown\n"
            "up S/child1\nstart_failed S/child2 start_error\nup S/child2\nup S/child3\n";
        QVERIFY2(trace.find(expected) != std::string::npos, trace.c_str());
    }

    // 58: significant_temporary, 59: significant_transient
    void significantChildStopsItsSupervisor_data() {
        QTest::addColumn<RestartType>("restart");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("supervisorStops");
        const auto tr = RestartType::Transient, tmp = RestartType::Temporary;
        const int any = int(AutoShutdown::AnySignificant), all = int(AutoShutdown::AllSignificant);
        QTest::newRow("significant_temporary: api stop does not") << tmp << any << "api" << false;
        QTest::newRow("significant_temporary: kill does") << tmp << any << "kill" << true;
        QTest::newRow("significant_temporary: crash does") << tmp << any << "crash" << true;
        QTest::newRow("significant_temporary: normal exit does") << tmp << any << "normal" << true;
        QTest::newRow("significant_transient: api stop does not") << tr << any << "api" << false;
        QTest::newRow("significant_transient: kill restarts instead")
            << tr << any << "kill" << false;
        QTest::newRow("significant_transient: crash restarts instead")
            << tr << any << "crash" << false;
        QTest::newRow("significant_transient: normal exit does") << tr << any << "normal" << true;
        QTest::newRow("all_significant: one of two is not enough")
            << tmp << all << "normal" << false;
    }
    void significantChildStopsItsSupervisor() {
        QFETCH(RestartType, restart);
        QFETCH(int, mode);
        QFETCH(QString, how);
        QFETCH(bool, supervisorStops);
        auto s1 = w("s1", restart);
        s1->significant = true;
        auto s2 = w("s2", restart);
        s2->significant = true;
        auto root = sup("S", Strategy::OneForOne, {s1, s2, w("other")});
        root->auto_shutdown = AutoShutdown(mode);
        Tree tree(root);
        if (how == QLatin1String("api"))
            QVERIFY(tree.terminateChild("S", "s1").ok());
        else if (how == QLatin1String("kill"))
            tree.kill("S/s1");
        else if (how == QLatin1String("crash"))
            tree.crash("S/s1", Reason::word("boom"));
        else
            tree.crash("S/s1", Reason::normal());
        QCOMPARE(!tree.alive(tree.root()), supervisorStops);
    }
    void allSignificantStopsWhenTheLastGoes() {
        auto s1 = w("s1", RestartType::Temporary);
        s1->significant = true;
        auto s2 = w("s2", RestartType::Temporary);
        s2->significant = true;
        auto root = sup("S", Strategy::OneForOne, {s1, s2});
        root->auto_shutdown = AutoShutdown::AllSignificant;
        Tree tree(root);
        tree.crash("S/s1", Reason::normal());
        QVERIFY(tree.alive(tree.root()));
        tree.crash("S/s2", Reason::normal());
        QVERIFY(!tree.alive(tree.root()));
    }

    // 61: significant_bystander
    void significantBystanderDoesNotStopItsSupervisor_data() {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<int>("mode");
        for (int s :
             {int(Strategy::OneForOne), int(Strategy::OneForAll), int(Strategy::RestForOne)})
            for (int m : {int(AutoShutdown::AnySignificant), int(AutoShutdown::AllSignificant)})
                QTest::addRow("%s with %s", toString(Strategy(s)), toString(AutoShutdown(m)))
                    << s << m;
    }
    void significantBystanderDoesNotStopItsSupervisor() {
        QFETCH(int, strategy);
        QFETCH(int, mode);
        auto sig = w("sig", RestartType::Transient);
        sig->significant = true;
        auto root = sup("S", Strategy(strategy), {w("t", RestartType::Transient), sig});
        root->auto_shutdown = AutoShutdown(mode);
        Tree tree(root);
        tree.kill("S/t");
        QVERIFY(tree.alive(tree.root()));
    }

    // 62: significant_escalation
    void significantEscalationClimbs_data() {
        QTest::addColumn<bool>("innerSignificant");
        QTest::addColumn<bool>("outerStops");
        QTest::newRow("a significant inner supervisor stops the outer one") << true << true;
        QTest::newRow("a non-significant transient one just goes away") << false << false;
    }
    void significantEscalationClimbs() {
        QFETCH(bool, innerSignificant);
        QFETCH(bool, outerStops);
        auto c = w("C", RestartType::Transient);
        c->significant = true;
        auto b = sup("B", Strategy::OneForOne, {c});
        b->restart = RestartType::Transient;
        b->significant = innerSignificant;
        b->auto_shutdown = AutoShutdown::AnySignificant;
        auto a = sup("A", Strategy::OneForOne, {b, w("x")});
        a->auto_shutdown = AutoShutdown::AnySignificant;
        Tree tree(a);
        tree.crash("A/B/C", Reason::normal());
        QVERIFY(has(tree.trace(), "down A/B shutdown"));
        QCOMPARE(!tree.alive(tree.root()), outerStops);
    }

    // 23: child_adm
    void childAdministrationCycle() {
        Tree tree(sup("S", Strategy::OneForOne, {w("child1")}));
        QCOMPARE(tree.startChild("S", w("child1")).error, CallError::AlreadyStarted);
        QCOMPARE(tree.terminateChild("S", "nope").error, CallError::NotFound);
        QVERIFY(tree.terminateChild("S", "child1").ok());
        QVERIFY(tree.terminateChild("S", "child1").ok());
        QCOMPARE(tree.countChildren("S"), counts(1, 0, 0, 1));
        QCOMPARE(tree.startChild("S", w("child1")).error, CallError::AlreadyPresent);
        QVERIFY(tree.restartChild("S", "child1").ok());
        QCOMPARE(tree.restartChild("S", "child1").error, CallError::Running);
        QCOMPARE(tree.deleteChild("S", "child1").error, CallError::Running);
        QVERIFY(tree.terminateChild("S", "child1").ok());
        QVERIFY(tree.deleteChild("S", "child1").ok());
        QCOMPARE(tree.restartChild("S", "child1").error, CallError::NotFound);
        QCOMPARE(tree.deleteChild("S", "child1").error, CallError::NotFound);
        QCOMPARE(tree.countChildren("S"), counts(0, 0, 0, 0));
    }

    // 11: sup_start_restart_child_returns_error
    void failedRestartChildLeavesItUndefined() {
        auto c = w("c");
        c->fail_attempts = {2};
        Tree tree(sup("S", Strategy::OneForOne, {c}));
        QVERIFY(tree.terminateChild("S", "c").ok());
        CallResult r = tree.restartChild("S", "c");
        QCOMPARE(r.error, CallError::StartFailed);
        QCOMPARE(r.reason, Reason::word("start_error"));
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("c:undefined"));
    }

    // 10: sup_start_child_returns_error: nothing stored
    void failedStartChildStoresNothing() {
        auto c = w("c");
        c->fail_starts = 1;
        Tree tree(sup("S", Strategy::OneForOne, {}));
        QCOMPARE(tree.startChild("S", c).error, CallError::StartFailed);
        QCOMPARE(tree.countChildren("S"), counts(0, 0, 0, 0));
    }

    // 80, 81: hanging_restart_loop
    void hangingRestartLoopIsVisibleAndStoppable_data() {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QString>("children");
        QTest::addColumn<ChildCounts>("during");
        QTest::newRow("hanging_restart_loop")
            << int(Strategy::OneForOne) << "child1:restarting" << counts(1, 0, 0, 1);
        QTest::newRow("hanging_restart_loop_rest_for_one")
            << int(Strategy::RestForOne) << "child3:undefined child2:restarting child1:running"
            << counts(3, 1, 0, 3);
    }
    void hangingRestartLoopIsVisibleAndStoppable() {
        QFETCH(int, strategy);
        QFETCH(QString, children);
        QFETCH(ChildCounts, during);
        // Retries are asynchronous: a call queued behind one is answered in between.
        auto loop = w(strategy == int(Strategy::OneForOne) ? "child1" : "child2");
        loop->init_ms = 1; // every attempt takes a little time, so calls interleave
        for (int i = 2; i < 100000; ++i)
            loop->fail_attempts.push_back(i);
        std::vector<std::shared_ptr<NodeSpec>> kids;
        if (strategy == int(Strategy::RestForOne))
            kids = {w("child1"), loop, w("child3")};
        else
            kids = {loop};
        Tree tree(sup("S", Strategy(strategy), kids, 1'000'000, 3600));
        tree.crash("S/" + loop->id, Reason::word("die"));
        const std::string sup = "S";
        QCOMPARE(QString::fromStdString(tree.childrenText(sup)), children);
        QCOMPARE(tree.countChildren(sup), during);
        QCOMPARE(tree.startChild(sup, w(loop->id)).error, CallError::AlreadyPresent);
        QCOMPARE(tree.restartChild(sup, loop->id).error, CallError::Restarting);
        QCOMPARE(tree.deleteChild(sup, loop->id).error, CallError::Restarting);
        QVERIFY(tree.terminateChild(sup, loop->id).ok());
        tree.wait(100);
        QVERIFY(QString::fromStdString(tree.childrenText(sup))
                    .contains(QString::fromStdString(loop->id + ":undefined")));
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
    }

    // 87: order_of_children
    void childrenStartInOrderAndStopInReverse() {
        Tree tree(sup("S", Strategy::RestForOne, {w("c5"), w("c1"), w("c4"), w("c2"), w("c3")}));
        tree.crash("S/c4", Reason::word("boom"));
        tree.stop();
        const std::string expected =
            "up S\nup S/c5\nup S/c1\nup S/c4\nup S/c2\nup S/c3\ndown S/c4 boom\ndown S/c3 "
            "shutdown\n"
            "down S/c2 shutdown\nup S/c4\nup S/c2\nup S/c3\ndown S/c3 shutdown\ndown S/c2 "
            "shutdown\n"
            "down S/c4 shutdown\ndown S/c1 shutdown\ndown S/c5 shutdown\ndown S shutdown\n";
        QCOMPARE(QString::fromStdString(tree.trace()), QString::fromStdString(expected));
    }

    // 71: tree
    void groupRestartOfInnerSupervisorsLosesDynamicChildren() {
        auto inner1 = sup("inner1", Strategy::OneForOne, {w("w1")}, 1, 3600);
        auto w2 = w("w2");
        w2->fail_attempts = {2}; // its restart fails once: inner2 gives up, then starts fine
        auto inner2 = sup("inner2", Strategy::OneForOne, {w2}, 1, 3600);
        auto inner3 = sup("inner3", Strategy::OneForOne, {}, 1, 3600);
        inner3->restart = RestartType::Transient;
        Tree tree(sup("top", Strategy::OneForAll, {inner1, inner2, inner3}, 3, 3600));
        QVERIFY(tree.startChild("top/inner1", w("added")).ok());
        QVERIFY(tree.terminateChild("top", "inner3").ok());
        tree.kill("top/inner1/w1"); // one_for_one inside: only w1 restarts
        QCOMPARE(tree.countChildren("top/inner1"), counts(2, 2, 0, 2));
        tree.kill("top/inner2/w2"); // its restart fails: inner2 gives up, top restarts all
        QCOMPARE(tree.countChildren("top"), counts(3, 3, 3, 0));
        QCOMPARE(tree.countChildren("top/inner1"), counts(1, 1, 0, 1)); // `added` is gone
    }

    // 47: simple_one_for_one, as DynamicSupervisor: one child restarts, the other keeps its pid
    void dynamicChildRestartsAloneThenGivesUp() {
        Tree tree(dynsup("D", 2));
        QVERIFY(tree.startChild("D", w("c1")).ok());
        QVERIFY(tree.startChild("D", w("c2")).ok());
        const Pid other = tree.running("D/c2");
        tree.crash("D/c1", Reason::word("died"));
        QCOMPARE(tree.running("D/c2"), other);
        QCOMPARE(tree.countChildren("D"), counts(2, 2, 0, 2));
        tree.crash("D/c1", Reason::word("died"));
        QVERIFY(tree.alive(tree.root()));
        tree.crash("D/c2", Reason::word("died"));
        QVERIFY(!tree.alive(tree.root()));
        QVERIFY(has(tree.trace(), "give_up D"));
        QVERIFY(has(tree.trace(), "down D shutdown"));
    }

    // 22: sup_stop_non_shutdown_exit_dynamic: any answer to shutdown still ends cleanly
    void dynamicStopEndsCleanlyWhateverChildrenAnswer_data() {
        QTest::addColumn<RestartType>("restart");
        QTest::newRow("permanent") << RestartType::Permanent;
        QTest::newRow("transient") << RestartType::Transient;
        QTest::newRow("temporary") << RestartType::Temporary;
    }
    void dynamicStopEndsCleanlyWhateverChildrenAnswer() {
        QFETCH(RestartType, restart);
        Tree tree(dynsup("D"));
        auto slow = trapping("slow", 500, ShutdownSpec::timeout(1000));
        slow->restart = restart;
        QVERIFY(tree.startChild("D", slow).ok());
        for (const char* id : {"n", "s", "x"})
            QVERIFY(tree.startChild("D", w(id, restart)).ok());
        tree.engine().port().sendExit(tree.root(), Reason::shutdown());
        QCOMPARE(tree.engine().port().awaitExit(tree.root()),
                 std::optional<Reason>(Reason::shutdown()));
    }

    // 74: count_restarting_children: restarting dynamic children count in specs, not in active
    void dynamicRestartingChildrenAreCounted() {
        auto loop = w("loop");
        loop->init_ms = 1;
        for (int i = 2; i < 100000; ++i)
            loop->fail_attempts.push_back(i);
        Tree tree(dynsup("D", 1'000'000));
        QVERIFY(tree.startChild("D", loop).ok());
        QVERIFY(tree.startChild("D", w("fine")).ok());
        tree.crash("D/loop", Reason::word("die"));
        QCOMPARE(tree.countChildren("D"), counts(2, 1, 0, 2));
        QCOMPARE(QString::fromStdString(tree.childrenText("D")),
                 QStringLiteral("loop:restarting fine:running"));
        CallRequest stop;
        stop.op = CallOp::TerminateChild;
        stop.pid = tree.whichChildren("D").front().pid; // a restarting child has no live pid
        QCOMPARE(tree.call("D", stop).error, CallError::NotFound);
    }

    // 77: do_not_save_child_specs_for_temporary_children
    void temporarySpecIsForgottenOtherSpecsAreKept_data() {
        QTest::addColumn<RestartType>("restart");
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("startAgain");
        const int ok = int(CallError::None), started = int(CallError::AlreadyStarted),
                  present = int(CallError::AlreadyPresent);
        QTest::newRow("temporary killed") << RestartType::Temporary << "kill" << ok;
        QTest::newRow("temporary normal") << RestartType::Temporary << "normal" << ok;
        QTest::newRow("temporary abnormal") << RestartType::Temporary << "boom" << ok;
        QTest::newRow("temporary api") << RestartType::Temporary << "api" << ok;
        QTest::newRow("permanent killed") << RestartType::Permanent << "kill" << started;
        QTest::newRow("permanent api") << RestartType::Permanent << "api" << present;
        QTest::newRow("transient normal") << RestartType::Transient << "normal" << present;
        QTest::newRow("transient abnormal") << RestartType::Transient << "boom" << started;
    }
    void temporarySpecIsForgottenOtherSpecsAreKept() {
        QFETCH(RestartType, restart);
        QFETCH(QString, how);
        QFETCH(int, startAgain);
        Tree tree(sup("S", Strategy::OneForOne, {w("c", restart)}));
        if (how == QLatin1String("api"))
            QVERIFY(tree.terminateChild("S", "c").ok());
        else if (how == QLatin1String("kill"))
            tree.kill("S/c");
        else
            tree.crash("S/c", Reason::parse(how.toStdString()));
        QCOMPARE(int(tree.startChild("S", w("c", restart)).error), startAgain);
    }

    // 92: which_children through start, terminate and delete (newest first)
    void whichChildrenFollowsTheApi() {
        Tree tree(sup("S", Strategy::OneForOne, {w("a")}));
        QVERIFY(tree.startChild("S", w("b")).ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("S")),
                 QStringLiteral("b:running a:running"));
        QVERIFY(tree.terminateChild("S", "a").ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("S")),
                 QStringLiteral("b:running a:undefined"));
        QVERIFY(tree.deleteChild("S", "a").ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("b:running"));
    }

    // 3.5 / D1: a child failing at init unwinds the ones before it
    void initFailureUnwindsInReverse() {
        auto c = w("c");
        c->fail_starts = 1;
        Tree tree(sup("S", Strategy::OneForOne, {w("a"), w("b"), c, w("d")}));
        QVERIFY(!tree.started());
        QCOMPARE(tree.startReason(), Reason::failedToStartChild("c", Reason::word("start_error")));
        QCOMPARE(
            QString::fromStdString(tree.trace()),
            QStringLiteral("up S\nup S/a\nup S/b\nstart_failed S/c start_error\ndown S/b shutdown\n"
                           "down S/a shutdown\ndown S {shutdown,failed_to_start_child,c}\n"));
    }

    // otp-semantics §13.13 (experiment F): a sibling dying during a group restart is not a second
    // restart
    void siblingDyingDuringGroupRestartIsNotCountedTwice_data() {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<bool>("survives");
        QTest::newRow("one_for_all: one group restart") << int(Strategy::OneForAll) << true;
        QTest::newRow("one_for_one: two restarts, over the limit")
            << int(Strategy::OneForOne) << false;
    }
    void siblingDyingDuringGroupRestartIsNotCountedTwice() {
        QFETCH(int, strategy);
        QFETCH(bool, survives);
        Tree tree(sup("S", Strategy(strategy), {w("a"), w("b"), w("c")}, 1, 3600));
        // Both die before S handles either EXIT (experiment F).
        tree.engine().port().send(tree.running("S/b"), CrashMsg{Reason::word("boom_b")});
        tree.engine().port().send(tree.running("S/c"), CrashMsg{Reason::word("boom_c")});
        tree.wait(100);
        QCOMPARE(tree.alive(tree.root()), survives);
    }

    // E (dynamic, §10): DynamicSupervisor's own rules
    void dynamicSupervisorCountsAndLimits() {
        Tree tree(dynsup("D", 3, 2));
        QVERIFY(tree.startChild("D", w("a")).ok());
        QVERIFY(tree.startChild("D", w("a")).ok()); // ids are not checked
        QCOMPARE(tree.startChild("D", w("c")).error, CallError::MaxChildren);
        QCOMPARE(tree.countChildren("D"), counts(2, 2, 0, 2));
        CallRequest bad;
        bad.op = CallOp::TerminateChild;
        bad.pid = tree.root(); // not a child
        QCOMPARE(tree.call("D", bad).error, CallError::NotFound);
    }
    // The fixture itself: a step aimed at a path where nothing runs fails the test.
    void aStepAtAMissingPathFailsTheTest_data() {
        QTest::addColumn<QString>("step");
        for (const char* step : {"crash", "exit", "kill", "call", "running"})
            QTest::newRow(step) << step;
    }
    void aStepAtAMissingPathFailsTheTest() {
        QFETCH(QString, step);
        Tree tree(sup("S", Strategy::OneForOne, {w("a")}));
        // Without the failure the helper records, the pending expectation fails the test.
        QEXPECT_FAIL("", "nothing runs at S/typo", Continue);
        if (step == QLatin1String("crash"))
            tree.crash("S/typo", Reason::word("boom"));
        else if (step == QLatin1String("exit"))
            tree.exit("S/typo", Reason::word("boom"));
        else if (step == QLatin1String("kill"))
            tree.kill("S/typo");
        else if (step == QLatin1String("call"))
            tree.countChildren("S/typo");
        else
            tree.running("S/typo");
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("a:running"));
    }

    // A. sup_start
    // 1: sup_start_normal
    void supervisorWithoutChildrenStartsAndStopsWithShutdown() {
        Tree tree(sup("S", Strategy::OneForOne, {}, 2, 3600));
        QVERIFY(tree.started());
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
        QCOMPARE(QString::fromStdString(tree.trace()), QStringLiteral("up S\ndown S shutdown\n"));
    }

    // 2: sup_start_ignore_init: init/1 returns ignore, start_link returns ignore
    void supervisorWhoseInitReturnsIgnoreLeavesNoProcess_data() {
        QTest::addColumn<int>("type");
        QTest::newRow("sup_start_ignore_init: a supervisor") << int(NodeType::Supervisor);
        QTest::newRow("sup_start_ignore_init: a dynamic supervisor")
            << int(NodeType::DynamicSupervisor);
    }
    void supervisorWhoseInitReturnsIgnoreLeavesNoProcess() {
        QFETCH(int, type);
        auto root = NodeType(type) == NodeType::Supervisor ? sup("S", Strategy::OneForOne, {w("a")})
                                                           : dynsup("S");
        root->ignore_attempts = {1};
        Tree tree(root);
        QVERIFY(!tree.started());
        QVERIFY(tree.ignored());
        QCOMPARE(tree.startReason(), Reason::normal());
        QCOMPARE(QString::fromStdString(tree.trace()), QString()); // no child was started
    }

    // 8: sup_start_error_return (init/1 returns a bad value), 9: sup_start_fail (init/1
    // raises): both are one failure of the supervisor's init in the model (start_error)
    void supervisorWhoseInitFailsStartsNoChild_data() {
        QTest::addColumn<int>("type");
        QTest::newRow("sup_start_error_return: a supervisor") << int(NodeType::Supervisor);
        QTest::newRow("sup_start_fail: a dynamic supervisor") << int(NodeType::DynamicSupervisor);
    }
    void supervisorWhoseInitFailsStartsNoChild() {
        QFETCH(int, type);
        auto root = NodeType(type) == NodeType::Supervisor ? sup("S", Strategy::OneForOne, {w("a")})
                                                           : dynsup("S");
        root->fail_starts = 1;
        Tree tree(root);
        QVERIFY(!tree.started());
        QVERIFY(!tree.ignored());
        QCOMPARE(tree.startReason(), Reason::word("start_error"));
        QCOMPARE(QString::fromStdString(tree.trace()),
                 QStringLiteral("start_failed S start_error\n"));
    }

    // 3: sup_start_ignore_child
    void startChildThatReturnsIgnoreIsKeptNotRunning() {
        Tree tree(sup("S", Strategy::OneForOne, {}, 2, 3600));
        const CallResult first = tree.startChild("S", ignoring("child1", {1}));
        QVERIFY(first.ok());
        QVERIFY(first.ignored); // {ok, undefined}
        QCOMPARE(first.pid, kNoPid);
        QVERIFY(tree.startChild("S", w("child2")).ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("S")),
                 QStringLiteral("child2:running child1:undefined"));
        QCOMPARE(tree.countChildren("S"), counts(2, 1, 0, 2));
    }

    // 4: sup_start_ignore_temporary_child, 5: sup_start_ignore_temporary_child_start_child
    void temporaryChildThatReturnsIgnoreIsNotKept_data() {
        QTest::addColumn<bool>("atInit");
        QTest::newRow("sup_start_ignore_temporary_child: from init/1") << true;
        QTest::newRow("sup_start_ignore_temporary_child_start_child: from start_child") << false;
    }
    void temporaryChildThatReturnsIgnoreIsNotKept() {
        QFETCH(bool, atInit);
        auto child1 = ignoring("child1", {1}, RestartType::Temporary);
        auto child2 = w("child2", RestartType::Temporary);
        std::vector<std::shared_ptr<NodeSpec>> kids;
        if (atInit) kids = {child1, child2};
        Tree tree(sup("S", Strategy::OneForOne, kids, 2, 3600));
        if (!atInit) {
            QVERIFY(tree.startChild("S", child1).ignored);
            QVERIFY(tree.startChild("S", child2).ok());
        }
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("child2:running"));
        QCOMPARE(tree.countChildren("S"), counts(1, 1, 0, 1));
    }

    // 6: sup_start_ignore_temporary_child_start_child_simple,
    // 7: sup_start_ignore_permanent_child_start_child_simple (with its clean stop)
    void dynamicChildThatReturnsIgnoreIsNotKept_data() {
        QTest::addColumn<RestartType>("restart");
        QTest::newRow("sup_start_ignore_temporary_child_start_child_simple")
            << RestartType::Temporary;
        QTest::newRow("sup_start_ignore_permanent_child_start_child_simple")
            << RestartType::Permanent;
    }
    void dynamicChildThatReturnsIgnoreIsNotKept() {
        QFETCH(RestartType, restart);
        Tree tree(dynsup("D", 2));
        const CallResult first = tree.startChild("D", ignoring("child1", {1}, restart));
        QVERIFY(first.ok());
        QVERIFY(first.ignored); // Elixir's :ignore
        QVERIFY(tree.startChild("D", w("child2", restart)).ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("D")), QStringLiteral("child2:running"));
        QCOMPARE(tree.countChildren("D"), counts(1, 1, 0, 1));
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
    }

    // 52: simple_one_for_one_restart_ignore: killed twice and restarted, the third
    // restart returns ignore: the child is gone, and the supervisor still stops cleanly
    void dynamicChildWhoseRestartReturnsIgnoreDisappears_data() {
        QTest::addColumn<RestartType>("restart");
        QTest::newRow("simple_one_for_one_restart_ignore: transient") << RestartType::Transient;
        QTest::newRow("simple_one_for_one_restart_ignore: permanent") << RestartType::Permanent;
    }
    void dynamicChildWhoseRestartReturnsIgnoreDisappears() {
        QFETCH(RestartType, restart);
        Tree tree(dynsup("D", 10));
        QVERIFY(tree.startChild("D", ignoring("c", {4}, restart)).ok());
        for (int i = 0; i < 2; ++i) {
            tree.kill("D/c");
            QCOMPARE(QString::fromStdString(tree.childrenText("D")), QStringLiteral("c:running"));
        }
        tree.kill("D/c");
        QCOMPARE(QString::fromStdString(tree.childrenText("D")), QString());
        QCOMPARE(tree.countChildren("D"), counts(0, 0, 0, 0));
        QVERIFY(tree.alive(tree.root()));
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
    }

    // 12: sup_start_child_returns_error_simple: the reason comes back as it is, nothing kept
    void dynamicFailedStartChildReturnsItsReasonUnwrapped() {
        auto c = w("c");
        c->fail_starts = 1;
        Tree tree(dynsup("D"));
        const CallResult r = tree.startChild("D", c);
        QCOMPARE(r.error, CallError::StartFailed);
        QCOMPARE(QString::fromStdString(r.errorWord()), QStringLiteral("start_error"));
        QCOMPARE(tree.countChildren("D"), counts(0, 0, 0, 0));
    }

    // B. sup_start_map
    // 13: sup_start_map: the defaults a scenario's nodes get, read back with get_childspec
    void childSpecDefaultsAreFilledIn_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<RestartType>("restart");
        QTest::addColumn<QString>("shutdown");
        QTest::addColumn<bool>("supervisor");
        QTest::newRow("sup_start_map: a worker")
            << "child1" << RestartType::Permanent << "5000" << false;
        QTest::newRow("sup_start_map: brutal_kill as given")
            << "child2" << RestartType::Permanent << "brutal_kill" << false;
        QTest::newRow("sup_start_map: a supervisor waits for ever")
            << "child3" << RestartType::Permanent << "infinity" << true;
    }
    void childSpecDefaultsAreFilledIn() {
        QFETCH(QString, id);
        QFETCH(RestartType, restart);
        QFETCH(QString, shutdown);
        QFETCH(bool, supervisor);
        const LoadResult loaded = loadScenarioText(
            R"({"name":"t","root":{"id":"S","type":"supervisor","children":[{"id":"child1"},
                {"id":"child2","shutdown":"brutal_kill"},{"id":"child3","type":"supervisor"}]}})",
            "s.json");
        QVERIFY(loaded.ok());
        Tree tree(loaded.scenario->root);
        const CallResult r = tree.getChildSpec("S", id.toStdString());
        QVERIFY(r.ok());
        QCOMPARE(r.spec->restart, restart);
        QCOMPARE(QString::fromStdString(r.spec->shutdown.format()), shutdown);
        QCOMPARE(r.spec->isSupervisor(), supervisor);
        QVERIFY(!r.spec->significant);
    }
    void getChildSpecOfAnUnknownIdIsNotFound() { // 13: sup_start_map, child4
        Tree tree(sup("S", Strategy::OneForOne, {w("child1")}));
        QCOMPARE(tree.getChildSpec("S", "child4").error, CallError::NotFound);
    }

    // 14: sup_start_map_simple: a dynamic child's spec by its pid; an unknown pid is not found
    void dynamicChildSpecIsFoundByPid() {
        Tree tree(dynsup("D"));
        auto child = w("c", RestartType::Transient);
        child->shutdown = ShutdownSpec::brutalKill();
        QVERIFY(tree.startChild("D", child).ok());
        const CallResult r = tree.getChildSpec("D", "c");
        QVERIFY(r.ok());
        QCOMPARE(r.spec->restart, RestartType::Transient);
        QVERIFY(r.spec->shutdown == ShutdownSpec::brutalKill());
        QVERIFY(!r.spec->significant);
        CallRequest unknown;
        unknown.op = CallOp::GetChildSpec;
        unknown.pid = tree.root(); // alive, but not a child
        QCOMPARE(tree.call("D", unknown).error, CallError::NotFound);
    }

    // 15: sup_start_map_faulty_specs: in a scenario, the loader is check_childspecs. OTP
    // accepts unknown keys; SupLab refuses them, so that a typo cannot pass (scenario.md).
    void faultyNodeInAScenarioIsRefusedWithItsLocation_data() {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("message");
        QTest::newRow("sup_start_map_faulty_specs: missing_id")
            << R"({"id":"S","type":"supervisor","children":[{"restart":"temporary"}]})"
            << "s.json: root.children[0].id: expected a non-empty string, got nothing (id is "
               "required)";
        QTest::newRow("sup_start_map_faulty_specs: invalid_child_spec")
            << R"({"id":"S","type":"supervisor","children":["child4"]})"
            << "s.json: root.children[0]: expected a node (an object), got \"child4\"";
        QTest::newRow("sup_start_map_faulty_specs: an unknown key")
            << R"({"id":"S","type":"supervisor","children":[{"id":"c","silly_flag":true}]})"
            << "s.json: root.children[0].silly_flag: unknown key for a worker (expected one of: "
               "id, type, restart, shutdown, significant, note, trap_exit, init_ms, stop_ms, "
               "fail_starts, fail_attempts, ignore_attempts, behaviour, args, uses, call_ms, "
               "mtbf_ms)";
    }
    void faultyNodeInAScenarioIsRefusedWithItsLocation() {
        QFETCH(QString, root);
        QFETCH(QString, message);
        QCOMPARE(firstLoadError(root.toUtf8().constData()), message);
    }

    // D. 26: child_specs, 27: child_specs_map: check_childspecs over what a NodeSpec can hold
    void checkChildSpecsGivesOtpsTerm_data() {
        QTest::addColumn<int>("restart");
        QTest::addColumn<bool>("isSignificant");
        QTest::addColumn<std::int64_t>("shutdownMs");
        QTest::addColumn<int>("mode"); // -1: check_childspecs/1 (no auto_shutdown)
        QTest::addColumn<QString>("error");
        const int p = int(RestartType::Permanent), t = int(RestartType::Transient);
        const int never = int(AutoShutdown::Never), any = int(AutoShutdown::AnySignificant);
        QTest::newRow("child_specs: invalid_shutdown")
            << p << false << std::int64_t(-10) << never << "{invalid_shutdown,-10}";
        QTest::newRow("child_specs_map: a significant child under never")
            << t << true << std::int64_t(5000) << never
            << "{bad_combination,[{auto_shutdown,never},{significant,true}]}";
        QTest::newRow("child_specs_map: never is checked before permanent")
            << p << true << std::int64_t(5000) << never
            << "{bad_combination,[{auto_shutdown,never},{significant,true}]}";
        QTest::newRow("child_specs_map: a significant permanent child")
            << p << true << std::int64_t(5000) << any
            << "{bad_combination,[{restart,permanent},{significant,true}]}";
        QTest::newRow("child_specs_map: check_childspecs/1 only knows the permanent rule")
            << t << true << std::int64_t(5000) << -1 << "";
        QTest::newRow("child_specs: a shutdown of 0 is valid")
            << p << false << std::int64_t(0) << never << "";
    }
    void checkChildSpecsGivesOtpsTerm() {
        QFETCH(int, restart);
        QFETCH(bool, isSignificant);
        QFETCH(std::int64_t, shutdownMs);
        QFETCH(int, mode);
        QFETCH(QString, error);
        auto spec = w("child", RestartType(restart));
        spec->significant = isSignificant;
        spec->shutdown = ShutdownSpec::timeout(shutdownMs);
        const auto found = childSpecsError(
            {spec}, mode < 0 ? std::nullopt : std::optional<AutoShutdown>(AutoShutdown(mode)));
        QCOMPARE(found ? word(*found) : QString(), error);
    }
    void everyValidCombinationPasses() { // 26: child_specs, 27: child_specs_map
        int checked = 0;
        for (auto mode :
             {AutoShutdown::Never, AutoShutdown::AnySignificant, AutoShutdown::AllSignificant})
            for (auto restart :
                 {RestartType::Permanent, RestartType::Transient, RestartType::Temporary})
                for (const auto& shutdown : {ShutdownSpec::timeout(0), ShutdownSpec::timeout(1000),
                                             ShutdownSpec::infinity(), ShutdownSpec::brutalKill()})
                    for (auto type : {NodeType::Worker, NodeType::Supervisor})
                        for (bool sig : {false, true}) {
                            if (sig &&
                                (restart == RestartType::Permanent || mode == AutoShutdown::Never))
                                continue; // the bad combinations, above
                            auto spec = w("child", restart);
                            spec->type = type;
                            spec->shutdown = shutdown;
                            spec->significant = sig;
                            const auto found = childSpecsError({spec}, mode);
                            QVERIFY2(!found, found ? found->format().c_str() : "");
                            ++checked;
                        }
        QCOMPARE(checked, 144 - 40); // 3*3*4*2*2 combinations, 40 of them bad
    }
    void checkChildSpecsRefusesADuplicateId() { // 26: child_specs
        const auto found = childSpecsError({w("child"), w("other"), w("child")}, std::nullopt);
        QVERIFY(found);
        QCOMPARE(word(*found), QStringLiteral("{duplicate_child_name,child}"));
    }
    void missingIdIsRefused() { // 15: sup_start_map_faulty_specs (missing_id), through the API
        const auto found = childSpecError(*w(""), AutoShutdown::Never);
        QVERIFY(found);
        QCOMPARE(word(*found), QStringLiteral("missing_id"));
    }
    void startChildWithABadSpecStoresNothing_data() { // 26, 27: start_child checks first
        QTest::addColumn<bool>("dynamic");
        QTest::addColumn<QString>("error");
        QTest::newRow("child_specs: start_child on a supervisor")
            << false << "{invalid_shutdown,-1}";
        QTest::newRow("child_specs_map: start_child on a dynamic supervisor, significant")
            << true << "{invalid_significant,true}";
    }
    void startChildWithABadSpecStoresNothing() {
        QFETCH(bool, dynamic);
        QFETCH(QString, error);
        auto bad = dynamic ? significant("bad") : w("bad");
        if (!dynamic) bad->shutdown = ShutdownSpec::timeout(-1);
        Tree tree(dynamic ? dynsup("S") : sup("S", Strategy::OneForOne, {}));
        const CallResult r = tree.startChild("S", bad);
        QCOMPARE(r.error, CallError::InvalidSpec);
        QCOMPARE(QString::fromStdString(r.errorWord()), error);
        QCOMPARE(tree.countChildren("S"), counts(0, 0, 0, 0));
    }
    // 27: child_specs_map: a significant child under never, started by a script; the
    // trace is the reference runner's for this same scenario (OTP 25, Elixir 1.14)
    void significantChildUnderNeverIsRefusedWithOtpsTerm() {
        const LoadResult loaded = loadScenarioText(
            R"({"name":"sig under never","root":{"id":"S","type":"supervisor","children":[
                  {"id":"a"}]},"script":[{"at_ms":10,"do":"start_child","target":"S",
                  "child":{"id":"x","restart":"transient","significant":true}}]})",
            "s.json");
        QVERIFY(loaded.ok());
        QCOMPARE(QString::fromStdString(
                     conformanceTrace(playScenario(*loaded.scenario, ClockKind::Virtual))),
                 QStringLiteral(
                     "up S\nup S/a\n"
                     "error start_child S/x {bad_combination,[{auto_shutdown,never},{significant,"
                     "true}]}\ndown S/a shutdown\ndown S shutdown\n"));
    }

    // 28: sup_flags: the flags' check, in the loader (a scenario) and in the engine (a code change)
    void badFlagsAreRefused_data() {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("message");
        QTest::newRow("sup_flags: invalid_strategy")
            << R"({"id":"S","type":"supervisor","strategy":"none"})"
            << "s.json: root.strategy: expected one_for_one, one_for_all or rest_for_one, got "
               "\"none\"";
        QTest::newRow("sup_flags: invalid_intensity (infinity)")
            << R"({"id":"S","type":"supervisor","max_restarts":"infinity"})"
            << "s.json: root.max_restarts: expected an integer >= 0, got \"infinity\"";
        QTest::newRow("sup_flags: invalid_period (0)")
            << R"({"id":"S","type":"supervisor","max_seconds":0})"
            << "s.json: root.max_seconds: expected an integer > 0, got 0";
        QTest::newRow("sup_flags: invalid_auto_shutdown")
            << R"({"id":"S","type":"supervisor","auto_shutdown":"sometimes"})"
            << "s.json: root.auto_shutdown: expected never, any_significant or all_significant, "
               "got \"sometimes\"";
        QTest::newRow("sup_flags: invalid_type")
            << R"(["one_for_one",1])"
            << "s.json: root: expected a supervisor node (an object), got an array";
    }
    void badFlagsAreRefused() {
        QFETCH(QString, root);
        QFETCH(QString, message);
        QCOMPARE(firstLoadError(root.toUtf8().constData()), message);
    }
    void badFlagsGiveOtpsTerm_data() { // 28: sup_flags, as the engine checks them
        QTest::addColumn<int>("maxRestarts");
        QTest::addColumn<int>("maxSeconds");
        QTest::addColumn<QString>("error");
        QTest::newRow("sup_flags: invalid_intensity") << -1 << 5 << "{invalid_intensity,-1}";
        QTest::newRow("sup_flags: invalid_period") << 3 << 0 << "{invalid_period,0}";
        QTest::newRow("sup_flags: intensity 0 is valid") << 0 << 1 << "";
    }
    void badFlagsGiveOtpsTerm() {
        QFETCH(int, maxRestarts);
        QFETCH(int, maxSeconds);
        QFETCH(QString, error);
        const auto found =
            supervisorFlagsError(*sup("S", Strategy::OneForOne, {}, maxRestarts, maxSeconds));
        QCOMPARE(found ? word(*found) : QString(), error);
    }

    // 24: child_adm_simple, on Elixir's DynamicSupervisor (its own answers where it differs:
    // specs counts children, a dead pid is not_found, restart/delete do not exist)
    void dynamicChildAdministrationCycle() {
        Tree tree(sup("S", Strategy::OneForOne, {w("outsider"), dynsup("D")}));
        const std::string d = "S/D";
        QCOMPARE(tree.countChildren(d), counts(0, 0, 0, 0));
        QVERIFY(tree.startChild(d, w("c1")).ok());
        QCOMPARE(tree.countChildren(d), counts(1, 1, 0, 1));
        QVERIFY(tree.startChild(d, w("c2")).ok());
        QCOMPARE(tree.countChildren(d), counts(2, 2, 0, 2));
        const Pid c1 = tree.running("S/D/c1");
        CallRequest byPid;
        byPid.op = CallOp::TerminateChild;
        byPid.pid = c1;
        QVERIFY(tree.call(d, byPid).ok());
        QVERIFY(!tree.alive(c1));
        QCOMPARE(tree.call(d, byPid).error, CallError::NotFound); // dead: not a child now
        const Pid outsider = tree.running("S/outsider");
        byPid.pid = outsider; // alive, not a child: refused and left alone
        QCOMPARE(tree.call(d, byPid).error, CallError::NotFound);
        QVERIFY(tree.alive(outsider));
        QCOMPARE(tree.restartChild(d, "c2").error, CallError::NotSupported);
        QCOMPARE(tree.deleteChild(d, "c2").error, CallError::NotSupported);
        QCOMPARE(tree.countChildren(d), counts(1, 1, 0, 1));
    }

    // 93: which_children_simple_one_for_one, through start and terminate
    void dynamicWhichChildrenFollowsTheApi() {
        Tree tree(dynsup("D"));
        QCOMPARE(QString::fromStdString(tree.childrenText("D")), QString());
        QVERIFY(tree.startChild("D", w("a")).ok());
        QVERIFY(tree.startChild("D", w("b")).ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("D")),
                 QStringLiteral("a:running b:running"));
        QVERIFY(tree.terminateChild("D", "a").ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("D")), QStringLiteral("b:running"));
        const auto children = tree.whichChildren("D");
        QCOMPARE(children.size(), std::size_t(1));
        QCOMPARE(children.front().pid, tree.running("D/b"));
    }

    // 72: count_children, 73: count_children_supervisor: thousands of temporary dynamic
    // children (Elixir's specs counts them; OTP's simple_one_for_one says 1)
    void dynamicCountsFollowThousandsOfChildren_data() {
        QTest::addColumn<bool>("supervisors");
        QTest::newRow("count_children: workers") << false;
        QTest::newRow("count_children_supervisor: supervisors") << true;
    }
    void dynamicCountsFollowThousandsOfChildren() {
        QFETCH(bool, supervisors);
        Tree tree(dynsup("D"));
        auto startMany = [&](int from, int to) {
            for (int i = from; i < to; ++i) {
                const std::string id = "c" + std::to_string(i);
                auto child = supervisors ? sup(id, Strategy::OneForOne, {}) : w(id);
                child->restart = RestartType::Temporary;
                if (!tree.startChild("D", child).ok()) return false;
            }
            return true;
        };
        auto expected = [&](int n) {
            return supervisors ? counts(n, n, n, 0) : counts(n, n, 0, n);
        };
        QVERIFY(startMany(0, 1000));
        QCOMPARE(tree.countChildren("D"), expected(1000));
        QVERIFY(startMany(1000, 2000));
        QCOMPARE(tree.countChildren("D"), expected(2000));
        for (int i = 0; i < 2000; ++i)
            tree.engine().port().sendExit(tree.running("D/c" + std::to_string(i)), Reason::kill());
        tree.wait(0);
        QCOMPARE(tree.countChildren("D"), expected(0));
    }

    // 82: hanging_restart_loop_simple: a restarting dynamic child shows, and terminate_child
    // by its pid removes it
    void dynamicRestartLoopIsVisibleAndStoppable() {
        auto loop = w("child1");
        loop->init_ms = 1;
        for (int i = 2; i < 100000; ++i)
            loop->fail_attempts.push_back(i);
        Tree tree(dynsup("D", 1'000'000));
        QVERIFY(tree.startChild("D", loop).ok());
        const Pid old = tree.running("D/child1");
        tree.crash("D/child1", Reason::word("die"));
        QCOMPARE(QString::fromStdString(tree.childrenText("D")),
                 QStringLiteral("child1:restarting"));
        QCOMPARE(tree.countChildren("D"), counts(1, 0, 0, 1));
        CallRequest stop;
        stop.op = CallOp::TerminateChild;
        stop.pid = old; // Elixir keeps a restarting child under its old pid
        QVERIFY(tree.call("D", stop).ok());
        tree.wait(100);
        QCOMPARE(QString::fromStdString(tree.childrenText("D")), QString());
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
    }

    // 74: count_restarting_children: back to active once the starts succeed, and
    // terminate_child lowers the counts
    void dynamicRestartingChildrenBecomeActiveAgain() {
        Tree tree(dynsup("D", 1'000'000));
        for (const char* id : {"c1", "c2", "c3"}) {
            auto c = w(id);
            c->init_ms = 1;
            c->fail_attempts = {2, 3, 4, 5, 6, 7, 8, 9, 10};
            QVERIFY(tree.startChild("D", c).ok());
        }
        const Pid c3 = tree.running("D/c3");
        tree.engine().port().send(tree.running("D/c1"), CrashMsg{Reason::word("die")});
        tree.crash("D/c2", Reason::word("die"));
        QCOMPARE(tree.countChildren("D"), counts(3, 1, 0, 3));
        tree.wait(1000);
        QCOMPARE(tree.countChildren("D"), counts(3, 3, 0, 3));
        CallRequest stop;
        stop.op = CallOp::TerminateChild;
        stop.pid = c3;
        QVERIFY(tree.call("D", stop).ok());
        QCOMPARE(tree.countChildren("D"), counts(2, 2, 0, 2));
    }

    // 48: simple_one_for_one_shutdown: parallel, and killed at the shutdown time (2 s)
    void dynamicStopKillsWhatOutlivesItsShutdownTime() {
        Tree tree(dynsup("D"));
        const std::int64_t stops[] = {1000, 1000, 5000};
        for (int i = 0; i < 3; ++i)
            QVERIFY(tree.startChild("D", trapping("c" + std::to_string(i), stops[i],
                                                  ShutdownSpec::timeout(2000)))
                        .ok());
        const auto before = tree.engine().runtime().nowUs();
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
        QCOMPARE((tree.engine().runtime().nowUs() - before) / 1000, std::int64_t(2000));
        const std::string trace = tree.trace();
        QVERIFY(has(trace, "down D/c0 shutdown"));
        QVERIFY(has(trace, "down D/c1 shutdown"));
        QVERIFY(has(trace, "down D/c2 killed"));
    }

    // 50: simple_one_for_one_escalation: the restarts of one dynamic child keep failing
    void dynamicFailingRestartsEscalate() {
        Tree tree(dynsup("D", 4));
        QVERIFY(tree.startChild("D", failsAfterFirstStart("c1")).ok());
        QVERIFY(tree.startChild("D", w("c2")).ok());
        const Pid sibling = tree.running("D/c2");
        tree.crash("D/c1", Reason::word("died"));
        QVERIFY(!tree.alive(tree.root()));
        QVERIFY(!tree.alive(sibling));
        QVERIFY(has(tree.trace(), "give_up D"));
        QVERIFY(has(tree.trace(), "down D shutdown"));
    }

    // 25: extra_return, 49: simple_one_for_one_extra: {ok, Pid, Info} passes through the
    // API, and such a child is restarted after a crash like any other
    void extraInfoPassesThroughAndTheChildRestarts_data() {
        QTest::addColumn<bool>("dynamic");
        QTest::newRow("extra_return") << false;
        QTest::newRow("simple_one_for_one_extra") << true;
    }
    void extraInfoPassesThroughAndTheChildRestarts() {
        QFETCH(bool, dynamic);
        Tree tree(dynamic ? dynsup("S") : sup("S", Strategy::OneForOne, {}));
        auto child = w("child");
        child->start_info = "extra_return";
        const CallResult started = tree.startChild("S", child);
        QVERIFY(started.ok());
        QCOMPARE(QString::fromStdString(started.info), QStringLiteral("extra_return"));
        if (!dynamic) {
            QCOMPARE(tree.startChild("S", child).error, CallError::AlreadyStarted);
            QVERIFY(tree.terminateChild("S", "child").ok());
            QCOMPARE(tree.startChild("S", child).error, CallError::AlreadyPresent);
            const CallResult again = tree.restartChild("S", "child");
            QVERIFY(again.ok());
            QCOMPARE(QString::fromStdString(again.info), QStringLiteral("extra_return"));
        }
        const Pid before = tree.running("S/child");
        tree.crash("S/child", Reason::word("die"));
        const Pid after = tree.running("S/child");
        QVERIFY(after != before);
    }

    // G. 56: nonsignificant_temporary, 57: nonsignificant_transient: under every
    // auto_shutdown, a non-significant child never stops its supervisor
    void nonSignificantChildNeverStopsItsSupervisor_data() {
        QTest::addColumn<RestartType>("restart");
        QTest::addColumn<AutoShutdown>("mode");
        QTest::addColumn<QString>("how");
        for (auto r : {RestartType::Temporary, RestartType::Transient})
            for (auto m :
                 {AutoShutdown::Never, AutoShutdown::AnySignificant, AutoShutdown::AllSignificant})
                for (const char* how : {"api", "kill", "crash", "normal"})
                    QTest::addRow("%s: %s, %s",
                                  r == RestartType::Temporary ? "nonsignificant_temporary"
                                                              : "nonsignificant_transient",
                                  toString(m), how)
                        << r << m << how;
    }
    void nonSignificantChildNeverStopsItsSupervisor() {
        QFETCH(RestartType, restart);
        QFETCH(AutoShutdown, mode);
        QFETCH(QString, how);
        auto root = sup("S", Strategy::OneForOne, {w("child", restart), w("other")});
        root->auto_shutdown = mode;
        Tree tree(root);
        if (how == QLatin1String("api"))
            QVERIFY(tree.terminateChild("S", "child").ok());
        else if (how == QLatin1String("kill"))
            tree.kill("S/child");
        else if (how == QLatin1String("crash"))
            tree.crash("S/child", Reason::word("boom"));
        else
            tree.crash("S/child", Reason::normal());
        QVERIFY(tree.alive(tree.root()));
        // A transient child that crashed or was killed is restarted.
        const bool restarted = restart == RestartType::Transient &&
                               (how == QLatin1String("kill") || how == QLatin1String("crash"));
        QCOMPARE(tree.pid("S/child") != kNoPid, restarted);
    }

    // 60: significant_simple: a dynamic supervisor has no auto_shutdown, so it takes no
    // significant child (newer OTP refuses simple_one_for_one with auto_shutdown; Elixir
    // 1.15+ refuses significant; the loader refuses it in a file)
    void dynamicSupervisorTakesNoSignificantChild() {
        Tree tree(dynsup("D"));
        const CallResult r = tree.startChild("D", significant("s"));
        QCOMPARE(r.error, CallError::InvalidSpec);
        QCOMPARE(word(r.reason), QStringLiteral("{invalid_significant,true}"));
        QCOMPARE(firstLoadError(R"({"id":"D","type":"dynamic_supervisor","children":
                     [{"id":"s","restart":"transient","significant":true}]})"),
                 QStringLiteral("s.json: root.children[0].significant: expected a parent whose "
                                "auto_shutdown is not never, got a dynamic_supervisor (it has no "
                                "auto_shutdown)"));
        QCOMPARE(firstLoadError(R"({"id":"D","type":"dynamic_supervisor",
                                    "auto_shutdown":"any_significant"})"),
                 QStringLiteral("s.json: root.auto_shutdown: unknown key for a dynamic_supervisor "
                                "(expected one of: id, type, restart, shutdown, significant, "
                                "note, max_restarts, max_seconds, max_children, children)"));
    }

    // H. 83: code_change: new flags take effect at once; a known child takes its new spec
    // and keeps running; a new one is added not running; one left out is kept
    void codeChangeUpdatesFlagsAndSpecs() {
        auto root = sup("S", Strategy::OneForOne, {w("a"), w("b"), w("c")});
        Tree tree(root);
        const Pid b = tree.running("S/b");
        auto newB = w("b");
        newB->shutdown = ShutdownSpec::timeout(1234);
        auto next = reinit(root, AutoShutdown::Never, {w("d"), newB, w("e")});
        next->max_restarts = 0;
        QVERIFY(tree.changeCode("S", next).ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("S")),
                 QStringLiteral("c:running a:running e:undefined b:running d:undefined"));
        QCOMPARE(tree.running("S/b"), b);
        QCOMPARE(tree.countChildren("S"), counts(5, 3, 0, 5));
        QVERIFY(tree.restartChild("S", "d").ok()); // restart_child starts a new one
        QCOMPARE(tree.countChildren("S"), counts(5, 4, 0, 5));
        tree.kill("S/a"); // intensity 0 now: the first restart is one too many
        QVERIFY(!tree.alive(tree.root()));
    }
    // 84: code_change_map: the new shutdown shows in get_childspec
    void codeChangeShowsTheNewSpecInGetChildspec() {
        auto root = sup("S", Strategy::OneForOne, {w("child1")});
        Tree tree(root);
        auto updated = w("child1");
        updated->shutdown = ShutdownSpec::brutalKill();
        QVERIFY(tree.changeCode("S", reinit(root, AutoShutdown::Never, {updated})).ok());
        const CallResult r = tree.getChildSpec("S", "child1");
        QVERIFY(r.ok());
        QVERIFY(r.spec->shutdown == ShutdownSpec::brutalKill());
    }
    // 83: code_change, 84: code_change_map: faulty flags or specs change nothing; an
    // ignore from init/1 is fine
    void faultyCodeChangeChangesNothing_data() {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("error");
        QTest::newRow("code_change: a faulty spec") << "spec"
                                                    << "{invalid_shutdown,-1}";
        QTest::newRow("code_change: a duplicate id") << "duplicate"
                                                     << "{duplicate_child_name,x}";
        QTest::newRow("code_change: invalid_intensity") << "intensity"
                                                        << "{invalid_intensity,-1}";
        QTest::newRow("code_change_map: invalid_period") << "period"
                                                         << "{invalid_period,0}";
        QTest::newRow("code_change: init/1 returns ignore") << "ignore"
                                                            << "";
    }
    void faultyCodeChangeChangesNothing() {
        QFETCH(QString, fault);
        QFETCH(QString, error);
        auto root = sup("S", Strategy::OneForOne, {w("a")}, 3, 5);
        Tree tree(root);
        auto bad = w("x");
        std::shared_ptr<NodeSpec> next = reinit(root, AutoShutdown::Never, {bad});
        if (fault == QLatin1String("spec")) bad->shutdown = ShutdownSpec::timeout(-1);
        if (fault == QLatin1String("duplicate")) next->children.push_back(w("x"));
        if (fault == QLatin1String("intensity")) next->max_restarts = -1;
        if (fault == QLatin1String("period")) next->max_seconds = 0;
        if (fault == QLatin1String("ignore")) next = nullptr;
        const CallResult r = tree.changeCode("S", next);
        QCOMPARE(r.ok() ? QString() : QString::fromStdString(r.errorWord()), error);
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("a:running"));
        for (int i = 0; i < 3; ++i) // the old intensity (3) still holds
            tree.kill("S/a");
        QVERIFY(tree.alive(tree.root()));
    }
    // 85: code_change_simple, 86: code_change_simple_map: Elixir's DynamicSupervisor has
    // no template to change; its new flags apply, faulty ones are refused as supervisor_data
    void dynamicCodeChangeUpdatesFlagsOnly_data() {
        QTest::addColumn<int>("maxChildren");
        QTest::addColumn<int>("maxRestarts");
        QTest::addColumn<QString>("error");
        QTest::newRow("code_change_simple: max_children 1") << 1 << 3 << "";
        QTest::newRow("code_change_simple_map: invalid_intensity")
            << -1 << -1 << "{supervisor_data,{invalid_intensity,-1}}";
    }
    void dynamicCodeChangeUpdatesFlagsOnly() {
        QFETCH(int, maxChildren);
        QFETCH(int, maxRestarts);
        QFETCH(QString, error);
        auto root = dynsup("D");
        Tree tree(root);
        QVERIFY(tree.startChild("D", w("a")).ok());
        auto next = std::make_shared<NodeSpec>(*root);
        next->max_children = maxChildren;
        next->max_restarts = maxRestarts;
        const CallResult r = tree.changeCode("D", next);
        QCOMPARE(r.ok() ? QString() : QString::fromStdString(r.errorWord()), error);
        QCOMPARE(QString::fromStdString(tree.childrenText("D")), QStringLiteral("a:running"));
        QCOMPARE(tree.startChild("D", w("b")).error,
                 error.isEmpty() ? CallError::MaxChildren : CallError::None);
    }

    // 63, 65, 67, 68 and 64, 66: significant_upgrade_*: a code change of auto_shutdown
    // takes effect at once (two significant transient children exit normally, in turn)
    void codeChangeOfAutoShutdownTakesEffectAtOnce_data() {
        QTest::addColumn<AutoShutdown>("from");
        QTest::addColumn<AutoShutdown>("to");
        QTest::addColumn<bool>("stopsAtFirst");
        QTest::addColumn<bool>("stopsAtSecond");
        const auto never = AutoShutdown::Never, any = AutoShutdown::AnySignificant,
                   all = AutoShutdown::AllSignificant;
        QTest::newRow("significant_upgrade_never_any") << never << any << true << true;
        QTest::newRow("significant_upgrade_never_all") << never << all << false << true;
        QTest::newRow("significant_upgrade_any_all") << any << all << false << true;
        QTest::newRow("significant_upgrade_all_any") << all << any << true << true;
        QTest::newRow("significant_upgrade_any_never") << any << never << false << false;
        QTest::newRow("significant_upgrade_all_never") << all << never << false << false;
    }
    void codeChangeOfAutoShutdownTakesEffectAtOnce() {
        QFETCH(AutoShutdown, from);
        QFETCH(AutoShutdown, to);
        QFETCH(bool, stopsAtFirst);
        QFETCH(bool, stopsAtSecond);
        auto kid = [](const char* id, bool sig) {
            return sig ? significant(id) : w(id, RestartType::Transient);
        };
        auto root = sup("S", Strategy::OneForOne,
                        {kid("s1", from != AutoShutdown::Never),
                         kid("s2", from != AutoShutdown::Never), w("other")});
        root->auto_shutdown = from;
        Tree tree(root);
        // Going to never, init/1 gives no spec for them: the old (significant) ones are kept.
        std::vector<std::shared_ptr<NodeSpec>> kids;
        if (to != AutoShutdown::Never) kids = {kid("s1", true), kid("s2", true), w("other")};
        QVERIFY(tree.changeCode("S", reinit(root, to, kids)).ok());
        tree.crash("S/s1", Reason::normal());
        QCOMPARE(!tree.alive(tree.root()), stopsAtFirst);
        if (stopsAtFirst) return;
        tree.crash("S/s2", Reason::normal());
        QCOMPARE(!tree.alive(tree.root()), stopsAtSecond);
    }
    // 64: significant_upgrade_any_never, 66: significant_upgrade_all_never: after going to
    // never, a new significant spec is refused and restart_child still works
    void afterGoingToNeverNoSignificantSpecIsTaken_data() {
        QTest::addColumn<AutoShutdown>("from");
        QTest::newRow("significant_upgrade_any_never") << AutoShutdown::AnySignificant;
        QTest::newRow("significant_upgrade_all_never") << AutoShutdown::AllSignificant;
    }
    void afterGoingToNeverNoSignificantSpecIsTaken() {
        QFETCH(AutoShutdown, from);
        auto root = sup("S", Strategy::OneForOne, {significant("s1"), w("other")});
        root->auto_shutdown = from;
        Tree tree(root);
        QVERIFY(tree.changeCode("S", reinit(root, AutoShutdown::Never, {})).ok());
        QCOMPARE(tree.startChild("S", significant("s2")).error, CallError::InvalidSpec);
        tree.crash("S/s1", Reason::normal());
        QVERIFY(tree.alive(tree.root()));
        QVERIFY(tree.restartChild("S", "s1").ok());
        QCOMPARE(tree.countChildren("S"), counts(2, 2, 0, 2));
    }
    // 69: significant_upgrade_child: a child's spec switched to or from significant
    void codeChangeOfAChildsSignificance_data() {
        QTest::addColumn<AutoShutdown>("mode");
        QTest::addColumn<bool>("before");
        QTest::addColumn<bool>("after");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("stops");
        QTest::newRow("significant_upgrade_child: to significant under never is refused")
            << AutoShutdown::Never << false << true
            << "{bad_combination,[{auto_shutdown,never},{significant,true}]}" << false;
        QTest::newRow("significant_upgrade_child: to significant under any stops it")
            << AutoShutdown::AnySignificant << false << true << "" << true;
        QTest::newRow("significant_upgrade_child: to non-significant under any does not")
            << AutoShutdown::AnySignificant << true << false << "" << false;
    }
    void codeChangeOfAChildsSignificance() {
        QFETCH(AutoShutdown, mode);
        QFETCH(bool, before);
        QFETCH(bool, after);
        QFETCH(QString, error);
        QFETCH(bool, stops);
        auto child = [](bool sig) {
            return sig ? significant("c") : w("c", RestartType::Transient);
        };
        auto root = sup("S", Strategy::OneForOne, {child(before), w("other")});
        root->auto_shutdown = mode;
        Tree tree(root);
        const CallResult r = tree.changeCode("S", reinit(root, mode, {child(after), w("other")}));
        QCOMPARE(r.ok() ? QString() : QString::fromStdString(r.errorWord()), error);
        tree.crash("S/c", Reason::normal());
        QCOMPARE(!tree.alive(tree.root()), stops);
    }
};

QTEST_GUILESS_MAIN(TstSupervisorSuite)
#include "tst_supervisor_suite.moc"
