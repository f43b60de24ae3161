#include "WorkerProcess.h"

#include "process/Runtime.h"

#include <algorithm>
#include <cmath>

namespace suplab {

namespace {

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t hashText(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string parentPath(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

} // namespace

WorkerProcess::WorkerProcess(Runtime& runtime, std::string path, NodePtr spec)
    : ReactiveProcess(runtime, std::move(path)), spec_(std::move(spec)) {}

std::int64_t WorkerProcess::nextFailureDelayMs() {
    // Exponentially distributed with mean mtbf_ms: the seeded, per-path stream
    // makes the same seed give the same failures.
    const double u =
        (static_cast<double>(splitmix(activity_->rng) >> 11) + 0.5) / 9007199254740992.0;
    const double ms = -std::log(u) * static_cast<double>(spec_->mtbf_ms);
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(ms));
}

std::optional<Reason> WorkerProcess::start() {
    setTrapExit(spec_->trap_exit);
    if (spec_->init_ms > 0) {
        pause_ = startTimer(spec_->init_ms);
        return std::nullopt;
    }
    return init();
}

bool WorkerProcess::accepts(const Message& message) const {
    if (phase_ == Phase::Running) return true;
    // Initialising or stopping: only the end of the pause (signals are still handled).
    const auto* timer = std::get_if<TimerMsg>(&message);
    return timer && timer->ref == pause_;
}

std::optional<Reason> WorkerProcess::react(Message message) {
    switch (phase_) {
    case Phase::Initialising:
        pause_ = 0;
        return init();
    case Phase::Stopping:
        return std::move(*stopReason_);
    case Phase::Running:
        break;
    }
    std::optional<Reason> stop = handle(std::move(message));
    if (stop && spec_->stop_ms > 0) { // gen_server's terminate/2 takes stop_ms
        phase_ = Phase::Stopping;
        stopReason_ = std::make_unique<Reason>(std::move(*stop));
        pause_ = startTimer(spec_->stop_ms);
        return std::nullopt;
    }
    return stop;
}

std::optional<Reason> WorkerProcess::init() {
    const std::int64_t attempt = runtime().nextStartAttempt(pathEntry());
    switch (spec_->startAttempt(attempt)) {
    case NodeSpec::Attempt::Fail:
        runtime().events().emit(EventKind::StartFailed, path(), pid(), "start_error",
                                "attempt " + std::to_string(attempt));
        return Reason::word("start_error");
    case NodeSpec::Attempt::Ignore: // gen_server's init/1 returned ignore
        send(parent(), StartedMsg{pid(), true});
        return Reason::normal();
    case NodeSpec::Attempt::Start:
        break;
    }
    behaviour_ = Behaviour::make(spec_->behaviour, spec_->args_json);
    if (!spec_->uses.empty() || spec_->mtbf_ms > 0) {
        activity_ = std::make_unique<Activity>();
        const std::string siblings = parentPath(path());
        for (const auto& dep : spec_->uses) {
            std::string depPath = siblings + "/" + dep;
            const Pid pid = runtime().whereis(depPath);
            activity_->dependencies.push_back({std::move(depPath), pid});
        }
        activity_->rng =
            runtime().seed() ^ hashText(path()) ^ (static_cast<std::uint64_t>(attempt) << 32);
    }

    phase_ = Phase::Running;
    announceUp();
    send(parent(), StartedMsg{pid()});

    if (activity_ && !activity_->dependencies.empty())
        activity_->callTimer = startTimer(spec_->call_ms);
    if (spec_->mtbf_ms > 0) activity_->failureTimer = startTimer(nextFailureDelayMs());
    return std::nullopt;
}

std::optional<Reason> WorkerProcess::handle(Message message) {
    if (auto* crash = std::get_if<CrashMsg>(&message)) return std::move(crash->reason);
    if (auto* exit = std::get_if<ExitMsg>(&message)) {
        if (exit->from == parent()) return std::move(exit->reason);
        runtime().events().emit(EventKind::Trapped, path(), pid(), exit->reason.format(),
                                "exit signal from " + formatPid(exit->from) +
                                    " became a message (trap_exit)");
        return std::nullopt;
    }
    if (auto* timer = std::get_if<TimerMsg>(&message); timer && activity_) {
        if (timer->ref == activity_->callTimer) {
            for (auto& dep : activity_->dependencies) {
                if (dep.pid == kNoPid) dep.pid = runtime().whereis(dep.path);
                if (!runtime().isAlive(dep.pid)) return Reason::noproc();
            }
            activity_->callTimer = startTimer(spec_->call_ms);
        } else if (timer->ref == activity_->failureTimer) {
            return Reason::word("random_failure");
        }
        return std::nullopt;
    }
    if (auto* call = std::get_if<CallMsg>(&message)) {
        const CallRequest* request = payloadAs<CallRequest>(call->request);
        send(call->from,
             ReplyMsg{call->ref, std::make_unique<CallResult>(
                                     request ? handleCall(*request)
                                             : CallResult::failure(CallError::BadRequest))});
    }
    return std::nullopt;
}

CallResult WorkerProcess::handleCall(const CallRequest& request) {
    CallResult result;
    if (request.op == CallOp::Inspect) {
        result.text = behaviour().describe();
        return result;
    }
    if (request.op == CallOp::Behaviour) {
        if (auto reply = behaviour().call(request.function, request.args)) {
            // Logged as a supervisor logs a call it answered: what was asked, what came back.
            std::string asked = request.function + "(";
            for (std::size_t i = 0; i < request.args.size(); ++i)
                asked += (i ? ", " : "") + inspect(request.args[i]);
            runtime().events().emit(EventKind::Call, path(), pid(), {},
                                    asked + ") -> " + inspect(*reply));
            result.value = std::move(*reply);
            return result;
        }
    }
    return CallResult::failure(CallError::BadRequest);
}

} // namespace suplab
