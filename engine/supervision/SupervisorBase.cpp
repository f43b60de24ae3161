#include "SupervisorBase.h"

#include "supervision/OtpTerm.h"

#include "process/Runtime.h"
#include "supervision/ChildFactory.h"

#include <algorithm>

namespace suplab {

SupervisorBase::SupervisorBase(Runtime& runtime, std::string path, NodePtr spec)
    : Process(runtime, std::move(path)), spec_(std::move(spec)),
      intensity_(spec_->max_restarts, spec_->max_seconds) {}

Task<SupervisorBase::Started> SupervisorBase::startChild(NodePtr node, PathEntry** entry) {
    // Before `node` is handed on; a restart copies the registry's string.
    std::string where = entry && *entry ? *(*entry)->path : pathOf(*node);
    auto process = makeProcess(runtime(), std::move(where), std::move(node));
    if (entry) {
        if (!*entry) *entry = &runtime().pathEntry(process->path());
        process->usePathEntry(**entry);
    }
    const Pid child = spawnLink(std::move(process));
    Message m = co_await receive([child](const Message& msg) {
        if (auto* s = std::get_if<StartedMsg>(&msg)) return s->child == child;
        if (auto* e = std::get_if<ExitMsg>(&msg)) return e->from == child;
        return false;
    });
    Started result;
    if (auto* s = std::get_if<StartedMsg>(&m); s && s->ignored) {
        result.ignored = true; // it ends `normal` on its own; its EXIT no longer concerns us
        unlink(child);
    } else if (s) {
        result.pid = child;
    } else {
        result.reason = std::move(std::get<ExitMsg>(m).reason);
        unlink(child);
    }
    co_return result;
}

std::optional<Reason> SupervisorBase::ownInit() {
    const std::int64_t attempt = runtime().nextStartAttempt(pathEntry());
    switch (spec_->startAttempt(attempt)) {
    case NodeSpec::Attempt::Start:
        return std::nullopt;
    case NodeSpec::Attempt::Fail:
        emit(EventKind::StartFailed, path(), pid(), "start_error",
             "attempt " + std::to_string(attempt) + ": init/1 failed, no child started");
        return Reason::word("start_error");
    case NodeSpec::Attempt::Ignore:
        emit(EventKind::Ignored, path(), pid(), {},
             "attempt " + std::to_string(attempt) + ": init/1 returned ignore");
        send(parent(), StartedMsg{pid(), true});
        return Reason::normal();
    }
    return std::nullopt;
}

void SupervisorBase::takeFlags(const NodeSpec& flags, std::vector<NodePtr> children) {
    auto spec = std::make_shared<NodeSpec>(*spec_); // its own id, restart, shutdown, ...
    spec->strategy = flags.strategy;
    spec->max_restarts = flags.max_restarts;
    spec->max_seconds = flags.max_seconds;
    spec->auto_shutdown = flags.auto_shutdown;
    spec->max_children = flags.max_children;
    spec->children = std::move(children);
    spec_ = std::move(spec);
    intensity_.setLimits(spec_->max_restarts, spec_->max_seconds);
}

std::string SupervisorBase::pathOf(const NodeSpec& spec) const {
    return childPath(path(), spec.id);
}

Task<void> SupervisorBase::shutdownChild(Pid child, const NodeSpec& spec) {
    const ShutdownSpec shutdown = spec.shutdown;
    auto exitFrom = [child](const Message& msg) {
        auto* e = std::get_if<ExitMsg>(&msg);
        return e && e->from == child;
    };
    std::optional<Message> exit;
    switch (shutdown.kind) {
    case ShutdownSpec::Kind::BrutalKill:
        sendExit(child, Reason::kill());
        exit = co_await receive(exitFrom);
        break;
    case ShutdownSpec::Kind::Infinity:
        sendExit(child, Reason::shutdown());
        exit = co_await receive(exitFrom);
        break;
    case ShutdownSpec::Kind::Timeout:
        sendExit(child, Reason::shutdown());
        exit = co_await receive(exitFrom, shutdown.ms);
        if (!exit) {
            emit(EventKind::ShutdownTimeout, pathOf(spec), child, {},
                 "did not stop within " + std::to_string(shutdown.ms) + " ms: killed");
            sendExit(child, Reason::kill());
            exit = co_await receive(exitFrom);
        }
        break;
    }
    unlink(child);
}

std::int64_t SupervisorBase::backoffDelayMs(int streak, const std::string& childPath) {
    const BackoffSpec& b = spec_->backoff;
    double delay = double(b.baseMs);
    for (int i = 0; i < streak && delay < double(b.maxMs); ++i)
        delay *= 2;
    delay = std::min(delay, double(std::max(b.maxMs, b.baseMs)));
    if (b.jitter > 0) { // seeded, so a lane replays the same
        if (jitterState_ == 0) {
            jitterState_ = runtime().seed() ^ 0x5EEDull;
            for (unsigned char c : childPath)
                jitterState_ = (jitterState_ ^ c) * 1099511628211ull;
        }
        jitterState_ = jitterState_ * 6364136223846793005ull + 1442695040888963407ull;
        const double u = double(jitterState_ >> 11) / 9007199254740992.0; // [0,1)
        delay *= 1.0 + b.jitter * (2 * u - 1);
    }
    return std::max<std::int64_t>(1, std::int64_t(delay));
}

std::string SupervisorBase::budgetText() const {
    return std::to_string(intensity_.countAt(nowSeconds())) + "/" +
           std::to_string(intensity_.maxRestarts()) + " in " + std::to_string(intensity_.period()) +
           "s";
}

bool SupervisorBase::admitRestart(const std::string& childPath, const std::string& why) {
    const bool admitted = intensity_.record(nowSeconds());
    if (!admitted) {
        emit(EventKind::GiveUp, path(), pid(), {},
             "restart of " + childPath + " exceeds " + std::to_string(intensity_.maxRestarts()) +
                 " in " + std::to_string(intensity_.period()) + "s: reached_max_restart_intensity");
        return false;
    }
    // What counts now is what record() kept: no second pass over the history.
    emit(EventKind::Restart, childPath, kNoPid, {},
         why + "; restarts " + std::to_string(intensity_.counted()) + "/" +
             std::to_string(intensity_.maxRestarts()) + " in " +
             std::to_string(intensity_.period()) + "s");
    return true;
}

void SupervisorBase::reply(const CallMsg& call, CallResult result) {
    const CallRequest* asked = payloadAs<CallRequest>(call.request);
    if (!result.ok() && asked && !asked->reportOp.empty()) {
        runtime().events().emitError(asked->reportOp, asked->reportSubject,
                                     asked->reportStartTerm &&
                                             result.error == CallError::StartFailed && asked->spec
                                         ? otpStartChildError(result.reason, path(), *asked->spec)
                                         : result.errorWord());
        result.reported = true;
    }
    send(call.from, ReplyMsg{call.ref, std::make_unique<CallResult>(std::move(result))});
}

void SupervisorBase::emit(EventKind kind, const std::string& p, Pid pid, std::string reason,
                          std::string detail) {
    runtime().events().emit(kind, p, pid, std::move(reason), std::move(detail));
}

Task<Reason> SupervisorBase::serve() {
    for (;;) {
        Message message = co_await receive([](const Message&) { return true; });
        Stop stopWith;
        if (auto* exit = std::get_if<ExitMsg>(&message)) {
            if (exit->from == parent())
                stopWith = std::move(exit->reason);
            else
                stopWith = co_await childExited(exit->from, std::move(exit->reason));
        } else if (auto* retry = std::get_if<RetryMsg>(&message)) {
            stopWith = co_await restartDue(retry->key, false);
        } else if (auto* timer = std::get_if<TimerMsg>(&message)) {
            if (auto it = delayed_.find(timer->ref); it != delayed_.end()) {
                const std::uint64_t key = it->second;
                delayed_.erase(it);
                stopWith = co_await restartDue(key, true);
            }
        } else if (auto* call = std::get_if<CallMsg>(&message)) {
            if (const CallRequest* request = payloadAs<CallRequest>(call->request))
                co_await handleCall(*call, *request);
            else
                reply(*call, CallResult::failure(CallError::BadRequest));
        }
        if (stopWith) {
            co_await stopChildren();
            co_return std::move(*stopWith);
        }
    }
}

} // namespace suplab
