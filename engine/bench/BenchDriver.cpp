#include "BenchDriver.h"

#include "io/LiveMemory.h"
#include "process/Runtime.h"
#include "supervision/ChildApi.h"
#include "supervision/ChildFactory.h"

#include <chrono>

namespace suplab {

namespace {
using Clock = std::chrono::steady_clock;
double usSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}
} // namespace

BenchDriver::BenchDriver(Runtime& runtime, Job job)
    : Process(runtime, "bench"), job_(std::move(job)) {
    setTrapExit(true);
}

void BenchDriver::UpNotifier::onEvent(const Event& e) {
    if (e.kind == EventKind::Up && e.path.find('/') != std::string::npos)
        runtime_.deliver(driver_, Message(NoticeMsg{e.pid}));
}

Task<Pid> BenchDriver::startRoot() {
    const Pid root = spawnLink(makeProcess(runtime(), job_.root->id, job_.root));
    co_await receive([root](const Message& m) {
        if (auto* s = std::get_if<StartedMsg>(&m)) return s->child == root;
        auto* e = std::get_if<ExitMsg>(&m);
        return e && e->from == root;
    });
    co_return root;
}

Task<void> BenchDriver::stopRoot(Pid root) {
    sendExit(root, Reason::shutdown());
    co_await receive([root](const Message& m) {
        auto* e = std::get_if<ExitMsg>(&m);
        return e && e->from == root;
    });
}

namespace {
bool isNotice(const Message& m) {
    return std::holds_alternative<NoticeMsg>(m);
}
} // namespace

// As beam_bench.exs: `rounds` to a fresh supervisor, so that no supervisor's
// restart-intensity history grows past `rounds` stamps (OTP scans its list on
// every restart; 10,000 restarts within a second on one supervisor made each BEAM
// restart scan thousands). Starting and stopping the supervisors is not timed.
Task<void> BenchDriver::restartRounds() {
    times_.rounds.reserve(std::size_t(job_.batches) * std::size_t(job_.rounds));
    for (int batch = 0; batch < job_.batches; ++batch) {
        const Pid root = co_await startRoot();
        Pid victim = std::get<NoticeMsg>(co_await receive(isNotice)).pid;
        for (int i = 0; i < job_.rounds; ++i) {
            const auto t0 = Clock::now();
            sendExit(victim, Reason::kill());
            victim = std::get<NoticeMsg>(co_await receive(isNotice)).pid;
            times_.rounds.push_back(usSince(t0));
        }
        co_await stopRoot(root);
    }
}

Task<void> BenchDriver::driveOneRoot() {
    auto t0 = Clock::now();
    const Pid root = co_await startRoot();
    times_.start = usSince(t0);
    switch (job_.workload) {
    case Workload::StartAndShutdown:
        break;
    case Workload::Restart: // (restartRounds: a root per batch)
        break;
    case Workload::GroupRestart: {
        Pid victim = kNoPid;
        for (int i = 0; i < job_.count; ++i)
            victim = std::get<NoticeMsg>(co_await receive(isNotice)).pid;
        t0 = Clock::now();
        sendExit(victim, Reason::kill());
        for (int i = 0; i < job_.count; ++i)
            co_await receive(isNotice);
        times_.rounds.push_back(usSince(t0));
        break;
    }
    case Workload::DynamicStart:
    case Workload::DynamicShutdown: {
        // DynamicSupervisor.start_child is a gen_server call: monitor, send, wait, demonitor.
        const std::int64_t live0 = job_.measureMemory ? liveAllocatedBytes() : 0;
        t0 = Clock::now();
        for (int i = 0; i < job_.count; ++i) {
            const Ref mref = monitor(root);
            const Ref ref = runtime().makeRef();
            auto request = std::make_unique<CallRequest>();
            request->op = CallOp::StartChild;
            request->spec = job_.child;
            send(root, CallMsg{ref, pid(), std::move(request)});
            co_await receive([ref, mref](const Message& m) {
                if (auto* r = std::get_if<ReplyMsg>(&m)) return r->ref == ref;
                auto* d = std::get_if<DownMsg>(&m);
                return d && d->ref == mref;
            });
            demonitor(root, mref);
        }
        times_.rounds.push_back(usSince(t0));
        if (job_.measureMemory) times_.liveBytesGrowth = liveAllocatedBytes() - live0;
        break;
    }
    }
    if (job_.workload != Workload::DynamicStart) {
        t0 = Clock::now();
        co_await stopRoot(root);
        times_.shutdown = usSince(t0);
    }
}

Task<Reason> BenchDriver::body() {
    if (job_.workload == Workload::Restart)
        co_await restartRounds();
    else
        co_await driveOneRoot();
    done_.set_value(std::move(times_));
    // Stay: the run's teardown ends us. Exiting would take a live dynamic
    // supervisor down with us (it stops when its parent does) while the caller
    // still reads the figures.
    co_await receive([](const Message&) { return false; });
    co_return Reason::normal();
}

} // namespace suplab
