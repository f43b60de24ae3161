#include "WorkerProcess.h"

#include "core/Runtime.h"

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
    : Process(runtime, std::move(path)), spec_(std::move(spec)) {}

bool WorkerProcess::startShouldFail(std::int64_t attempt) const {
    if (attempt <= spec_->fail_starts) return true;
    const auto& list = spec_->fail_attempts;
    return std::find(list.begin(), list.end(), attempt) != list.end();
}

std::int64_t WorkerProcess::nextFailureDelayMs() {
    // Exponentially distributed with mean mtbf_ms: the seeded, per-path stream
    // makes the same seed give the same failures.
    const double u = (static_cast<double>(splitmix(rng_) >> 11) + 0.5) / 9007199254740992.0;
    const double ms = -std::log(u) * static_cast<double>(spec_->mtbf_ms);
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(ms));
}

Task<Reason> WorkerProcess::body() {
    setTrapExit(spec_->trap_exit);
    if (spec_->init_ms > 0) co_await sleep(spec_->init_ms);
    const std::int64_t attempt = runtime().nextStartAttempt(path());
    if (startShouldFail(attempt)) {
        runtime().events().emit(EventKind::StartFailed, path(), pid(), "start_error",
                                "attempt " + std::to_string(attempt));
        co_return Reason::word("start_error");
    }
    behaviour_ = Behaviour::make(spec_->behaviour, spec_->args_json);
    const std::string siblings = parentPath(path());
    for (const auto& dep : spec_->uses)
        dependencies_.push_back(runtime().whereis(siblings + "/" + dep));
    rng_ = runtime().seed() ^ hashText(path()) ^ (static_cast<std::uint64_t>(attempt) << 32);

    announceUp();
    send(parent(), StartedMsg{pid()});

    Ref callTimer = dependencies_.empty() ? 0 : startTimer(spec_->call_ms);
    Ref failureTimer = spec_->mtbf_ms > 0 ? startTimer(nextFailureDelayMs()) : 0;

    for (;;) {
        Message message = co_await receive([](const Message&) { return true; });
        if (auto* crash = std::get_if<CrashMsg>(&message)) {
            co_return co_await terminate(std::move(crash->reason));
        }
        if (auto* exit = std::get_if<ExitMsg>(&message)) {
            if (exit->from == parent()) co_return co_await terminate(std::move(exit->reason));
            runtime().events().emit(EventKind::Trapped, path(), pid(), exit->reason.format(),
                                    "exit signal from " + formatPid(exit->from) +
                                        " became a message (trap_exit)");
            continue;
        }
        if (auto* timer = std::get_if<TimerMsg>(&message)) {
            if (timer->ref == callTimer) {
                for (Pid dep : dependencies_)
                    if (!runtime().isAlive(dep)) co_return co_await terminate(Reason::noproc());
                callTimer = startTimer(spec_->call_ms);
            } else if (timer->ref == failureTimer) {
                co_return co_await terminate(Reason::word("random_failure"));
            }
            continue;
        }
        if (auto* call = std::get_if<CallMsg>(&message)) {
            send(call->from,
                 ReplyMsg{call->ref, std::make_unique<CallResult>(handleCall(*call->request))});
        }
    }
}

CallResult WorkerProcess::handleCall(const CallRequest& request) {
    CallResult result;
    if (request.op == CallOp::Inspect) {
        result.text = behaviour_->describe();
        return result;
    }
    if (request.op == CallOp::Behaviour) {
        if (auto reply = behaviour_->handle(request.verb, request.arg)) {
            result.text = *reply;
            return result;
        }
    }
    return CallResult::failure(CallError::BadRequest);
}

Task<Reason> WorkerProcess::terminate(Reason reason) {
    if (spec_->stop_ms > 0) co_await sleep(spec_->stop_ms);
    co_return reason;
}

} // namespace suplab
