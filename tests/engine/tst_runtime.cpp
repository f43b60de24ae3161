// BEAM's rules for exit signals and monitors, on the virtual clock and on the
// threaded real clock with 1, 2 and 4 worker threads.
#include "run/Port.h"
#include "support/EngineFixture.h"

#include <QTest>

using namespace suplab;
using namespace suplab::test;

namespace {
/// Permanent workers w0, w1, ... w(n-1).
std::vector<std::shared_ptr<NodeSpec>> workers(int n) {
    std::vector<std::shared_ptr<NodeSpec>> children;
    for (int i = 0; i < n; ++i)
        children.push_back(w("w" + std::to_string(i)));
    return children;
}

NodePtr treeWith(bool trap) {
    auto worker = w("x", RestartType::Temporary);
    worker->trap_exit = trap;
    return sup("R", Strategy::OneForOne, {worker});
}
} // namespace

class TstRuntime : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // A failed start keeps the child's own reason: the trace prints the short form,
    // a call's reply the whole OTP term, each level nested in the one above.
    void aFailedStartPrintsEveryLevelAsOtpDoes_data() {
        QTest::addColumn<int>("levels");
        QTest::addColumn<QString>("traceForm");
        QTest::addColumn<QString>("otpTerm");
        QTest::newRow("a worker's failure under one supervisor")
            << 1 << "{shutdown,failed_to_start_child,c1}"
            << "{shutdown,{failed_to_start_child,<<\"c1\">>,start_error}}";
        QTest::newRow("a supervisor's failure under another")
            << 2 << "{shutdown,failed_to_start_child,c2}"
            << "{shutdown,{failed_to_start_child,<<\"c2\">>,"
               "{shutdown,{failed_to_start_child,<<\"c1\">>,start_error}}}}";
    }
    void aFailedStartPrintsEveryLevelAsOtpDoes() {
        QFETCH(int, levels);
        QFETCH(QString, traceForm);
        QFETCH(QString, otpTerm);
        Reason reason = Reason::word("start_error");
        for (int i = 1; i <= levels; ++i)
            reason = Reason::failedToStartChild("c" + std::to_string(i), reason);
        QCOMPARE(QString::fromStdString(reason.format()), traceForm);
        QCOMPARE(QString::fromStdString(reason.term()), otpTerm);
        QVERIFY(reason.isNormalLike());
    }

    void exitSignalFollowsBeamRules_data() {
        QTest::addColumn<bool>("trap");
        QTest::addColumn<QString>("signal");
        QTest::addColumn<QString>("downReason"); // empty: the process lives on
        QTest::addColumn<QString>("message");    // the {'EXIT', Port, Reason} it got; empty: none
        QTest::newRow("kill ends a plain process with killed") << false << "kill"
                                                               << "killed"
                                                               << "";
        QTest::newRow("kill cannot be trapped") << true << "kill"
                                                << "killed"
                                                << "";
        QTest::newRow("normal is ignored by a plain process") << false << "normal"
                                                              << ""
                                                              << "";
        QTest::newRow("normal becomes a message for a trapping process") << true << "normal"
                                                                         << ""
                                                                         << "normal";
        QTest::newRow("boom ends a plain process with boom") << false << "boom"
                                                             << "boom"
                                                             << "";
        QTest::newRow("boom becomes a message for a trapping process") << true << "boom"
                                                                       << ""
                                                                       << "boom";
        QTest::newRow("shutdown ends a plain process") << false << "shutdown"
                                                       << "shutdown"
                                                       << "";
        QTest::newRow("killed sent as a reason is an ordinary reason") << true << "killed"
                                                                       << ""
                                                                       << "killed";
    }
    void exitSignalFollowsBeamRules() {
        QFETCH(bool, trap);
        QFETCH(QString, signal);
        QFETCH(QString, downReason);
        QFETCH(QString, message);
        Tree tree(treeWith(trap));
        const Pid x = tree.running("R/x");
        QVERIFY(x != kNoPid);
        const std::size_t seen = tree.events().size();
        tree.exit("R/x", Reason::parse(signal.toStdString()));
        const std::string trace = tree.trace();
        if (downReason.isEmpty()) {
            QVERIFY(tree.alive(x));
            QVERIFY(trace.find("down R/x") == std::string::npos);
        } else {
            QVERIFY(!tree.alive(x));
            QVERIFY2(trace.find("down R/x " + downReason.toStdString()) != std::string::npos,
                     trace.c_str());
        }
        // The process says what it received (a Trapped event): the reason, and the
        // port that sent the signal.
        const std::vector<Event> all = tree.events();
        std::vector<Event> received;
        for (std::size_t i = seen; i < all.size(); ++i)
            if (all[i].kind == EventKind::Trapped) received.push_back(all[i]);
        QCOMPARE(received.size(), std::size_t(message.isEmpty() ? 0 : 1));
        if (message.isEmpty()) return;
        QCOMPARE(received[0].path, std::string("R/x"));
        QCOMPARE(received[0].pid, x);
        QCOMPARE(QString::fromStdString(received[0].reason), message);
        QCOMPARE(received[0].detail, "exit signal from " + formatPid(tree.engine().port().pid()) +
                                         " became a message (trap_exit)");
    }

    void monitorOfAGoneProcessGivesNoproc() {
        Tree tree(treeWith(false));
        const Pid x = tree.running("R/x");
        tree.kill("R/x");
        Port& port = tree.engine().port();
        const Ref ref = port.monitor(x);
        auto down = port.receiveUntil(
            [&](const Message& m) {
                auto* d = std::get_if<DownMsg>(&m);
                return d && d->ref == ref;
            },
            tree.engine().runtime().nowUs() + 1000);
        QVERIFY(down.has_value());
        QCOMPARE(std::get<DownMsg>(*down).reason, Reason::noproc());
    }

    // Regression (found by the soak): a request queued right behind the signal that
    // ends a process was dropped with the rest of its batch, so the caller's monitor
    // never fired and its call waited for ever.
    void aRequestRightBehindAKillIsAnswered_data() {
        QTest::addColumn<bool>("call");
        QTest::newRow("a monitor gets its DOWN noproc") << false;
        QTest::newRow("a call returns not_found") << true;
    }
    void aRequestRightBehindAKillIsAnswered() {
        QFETCH(bool, call);
        Tree tree(sup("R", Strategy::OneForOne, {w("x", RestartType::Temporary)}));
        const Pid r = tree.running("R");
        EngineCore& engine = tree.engine();
        Port& port = engine.port();
        // Both in R's inbox before it runs again: one batch, the kill first.
        engine.runtime().deliver(r, ExitSignal{port.pid(), Reason::kill()});
        if (call) {
            CallRequest request;
            request.op = CallOp::WhichChildren;
            const CallResult result =
                port.call(r, std::move(request), engine.runtime().nowUs() + 1'000'000);
            QCOMPARE(int(result.error), int(CallError::NotFound));
            return;
        }
        const Ref ref = port.monitor(r);
        auto down = port.receiveUntil(
            [&](const Message& m) {
                auto* d = std::get_if<DownMsg>(&m);
                return d && d->ref == ref;
            },
            engine.runtime().nowUs() + 1'000'000);
        QVERIFY(down.has_value());
        QCOMPARE(std::get<DownMsg>(*down).reason, Reason::noproc());
    }

    void monitorReportsTheExitReason() {
        Tree tree(treeWith(false));
        const Pid x = tree.running("R/x");
        Port& port = tree.engine().port();
        const Ref ref = port.monitor(x);
        tree.exit("R/x", Reason::word("boom"));
        auto down = port.receive([&](const Message& m) {
            auto* d = std::get_if<DownMsg>(&m);
            return d && d->ref == ref;
        });
        QVERIFY(down.has_value());
        QCOMPARE(std::get<DownMsg>(*down).reason, Reason::word("boom"));
    }

    void concurrentKillsAreAllRestarted_data() {
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("1 thread") << 1u;
        QTest::newRow("2 threads") << 2u;
        QTest::newRow("4 threads") << 4u;
    }
    void concurrentKillsAreAllRestarted() {
        QFETCH(unsigned, threads);
        const int n = 200;
        const auto children = workers(n);
        Tree tree(sup("R", Strategy::OneForOne, children, 1'000'000), ClockKind::Real, threads);
        QVERIFY(tree.started());
        for (int i = 0; i < n; ++i)
            tree.engine().port().sendExit(tree.running("R/w" + std::to_string(i)), Reason::kill());
        auto count = [&](EventKind kind) {
            const auto events = tree.events();
            return int(std::count_if(events.begin(), events.end(),
                                     [&](const Event& e) { return e.kind == kind; }));
        };
        // Every kill lands, and every killed child is back (1 up for R, 2 per child).
        QTRY_COMPARE_WITH_TIMEOUT(count(EventKind::Down), n, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(count(EventKind::Up), 2 * n + 1, 20000);
        QCOMPARE(tree.countChildren("R").active, n);
        const auto events = tree.events();
        int ups = 0, downs = 0;
        std::uint64_t seq = 0;
        for (const auto& e : events) {
            QCOMPARE(e.seq, ++seq); // no gaps, in order
            if (e.kind == EventKind::Up) ++ups;
            if (e.kind == EventKind::Down) ++downs;
        }
        QCOMPARE(downs, n);
        QCOMPARE(ups, 2 * n + 1);
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
        QTRY_COMPARE_WITH_TIMEOUT(tree.engine().runtime().processCount(), std::size_t(1), 5000);
    }

    // A worker woken while another is awake leaves it a lone queued process: the
    // awake one must still come to it, however busy it keeps. Calls to a quiet
    // supervisor from outside are answered while a busy one restarts 200 children
    // again and again on the other workers (a lost hand-over would time out).
    void callsAreAnsweredWhileOtherWorkersAreBusy_data() {
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("2 threads") << 2u;
        QTest::newRow("4 threads") << 4u;
    }
    void callsAreAnsweredWhileOtherWorkersAreBusy() {
        QFETCH(unsigned, threads);
        const int n = 200;
        const auto children = workers(n);
        Tree tree(sup("R", Strategy::OneForOne,
                      {sup("busy", Strategy::OneForAll, children, 1'000'000),
                       sup("quiet", Strategy::OneForOne, {w("q")})}),
                  ClockKind::Real, threads);
        QVERIFY(tree.started());
        EngineCore& engine = tree.engine();
        const Pid quiet = tree.running("R/quiet");
        for (int round = 0; round < 100; ++round) {
            // Each kill restarts all 200 (one_for_all): a long run of local work.
            if (const Pid victim = tree.pid("R/busy/w" + std::to_string(round % n)))
                engine.port().sendExit(victim, Reason::kill());
            CallRequest request;
            request.op = CallOp::WhichChildren;
            const CallResult result = engine.port().call(quiet, std::move(request),
                                                         engine.runtime().nowUs() + 10'000'000);
            QCOMPARE(int(result.error), int(CallError::None));
            QCOMPARE(result.children.size(), std::size_t(1));
        }
        QCOMPARE(tree.stop(), std::optional<Reason>(Reason::shutdown()));
    }
};

QTEST_GUILESS_MAIN(TstRuntime)
#include "tst_runtime.moc"
