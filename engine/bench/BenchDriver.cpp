#include "BenchDriver.h"

#include "core/Runtime.h"
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

Task<Reason> BenchDriver::body() {
    const auto isNotice = [](const Message& m) { return std::holds_alternative<NoticeMsg>(m); };
    auto t0 = Clock::now();
    const Pid root = co_await startRoot();
    times_.start = usSince(t0);
    switch (job_.workload) {
    case Workload::StartAndShutdown:
        break;
    case Workload::Restart: {
        Pid victim = std::get<NoticeMsg>(co_await receive(isNotice)).pid;
        times_.rounds.reserve(std::size_t(job_.rounds));
        for (int i = 0; i < job_.rounds; ++i) {
            t0 = Clock::now();
            sendExit(victim, Reason::kill());
            victim = std::get<NoticeMsg>(co_await receive(isNotice)).pid;
            times_.rounds.push_back(usSince(t0));
        }
        break;
    }
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
        break;
    }
    }
    if (job_.workload != Workload::DynamicStart) {
        t0 = Clock::now();
        co_await stopRoot(root);
        times_.shutdown = usSince(t0);
    }
    done_.set_value(std::move(times_));
    // Stay: the run's teardown ends us. Exiting would take a live dynamic
    // supervisor down with us while its memory is being measured.
    co_await receive([](const Message&) { return false; });
    co_return Reason::normal();
}

} // namespace suplab
