#include "Port.h"

#include "process/Runtime.h"
#include "sched/Scheduler.h"

namespace suplab {

Port::Port(Runtime& runtime, std::string name) : Process(runtime, std::move(name)) {
    setTrapExit(true);
}

Task<Reason> Port::body() {
    co_return Reason::normal();
}

void Port::wake() {
    runtime().scheduler().notify();
}

bool Port::poll(const std::function<bool(const Message&)>& pred, std::optional<Message>& out) {
    drainInbox(true); // polled, not scheduled: the next signal wakes us
    struct Ctx {
        const std::function<bool(const Message&)>* f;
    } ctx{&pred};
    return takeMatching(
        MatchRef{&ctx, [](const void* c,
                          const Message& m) { return (*static_cast<const Ctx*>(c)->f)(m); }},
        out);
}

std::optional<Message> Port::receiveUntil(const std::function<bool(const Message&)>& pred,
                                          std::int64_t deadlineUs) {
    std::optional<Message> out;
    runtime().scheduler().waitUntil([&] { return out.has_value() || poll(pred, out); }, deadlineUs);
    return out;
}

void Port::sleepUntil(std::int64_t tUs) {
    runtime().scheduler().waitUntil([] { return false; }, tUs);
}

CallResult Port::call(Pid target, CallRequest request, std::int64_t deadlineUs) {
    const Ref mref = monitor(target);
    const Ref ref = runtime().makeRef();
    send(target, CallMsg{ref, pid(), std::make_unique<CallRequest>(std::move(request))});
    auto reply = receiveUntil(
        [&](const Message& m) {
            if (auto* r = std::get_if<ReplyMsg>(&m)) return r->ref == ref;
            if (auto* d = std::get_if<DownMsg>(&m)) return d->ref == mref;
            return false;
        },
        deadlineUs);
    demonitor(target, mref);
    if (!reply) // (virtual clock without a deadline: the engine had nothing left to do)
        return CallResult::failure(deadlineUs < 0 ? CallError::NotFound : CallError::Timeout);
    if (auto* r = std::get_if<ReplyMsg>(&*reply)) {
        CallResult* result = payloadAs<CallResult>(r->result);
        return result ? std::move(*result) : CallResult::failure(CallError::BadRequest);
    }
    return CallResult::failure(CallError::NotFound);
}

Port::StartOutcome Port::startLinked(std::shared_ptr<Process> child) {
    const Pid child_pid = spawnLink(std::move(child));
    auto m = receive([&](const Message& msg) {
        if (auto* s = std::get_if<StartedMsg>(&msg)) return s->child == child_pid;
        if (auto* e = std::get_if<ExitMsg>(&msg)) return e->from == child_pid;
        return false;
    });
    StartOutcome outcome;
    if (auto* started = m ? std::get_if<StartedMsg>(&*m) : nullptr; started && started->ignored) {
        outcome.ignored = true; // it ends `normal` at once (start_link returned ignore)
        unlink(child_pid);
    } else if (started) {
        outcome.pid = child_pid;
    } else if (m) {
        outcome.reason = std::get<ExitMsg>(*m).reason;
    } else {
        outcome.reason = Reason::word("no_reply");
    }
    return outcome;
}

std::optional<Reason> Port::awaitExit(Pid pid, std::int64_t deadlineUs) {
    auto m = receiveUntil(
        [&](const Message& msg) {
            auto* e = std::get_if<ExitMsg>(&msg);
            return e && e->from == pid;
        },
        deadlineUs);
    if (!m) return std::nullopt;
    return std::get<ExitMsg>(*m).reason;
}

} // namespace suplab
