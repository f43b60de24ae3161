#include "DynamicSupervisorProcess.h"

#include "process/Runtime.h"
#include "supervision/ChildSpecCheck.h"

#include <algorithm>
#include <map>

namespace suplab {

DynamicSupervisorProcess::DynamicSupervisorProcess(Runtime& runtime, std::string path, NodePtr spec)
    : SupervisorBase(runtime, std::move(path), std::move(spec)) {}

DynamicSupervisorProcess::Child* DynamicSupervisorProcess::byPid(Pid pid) {
    Child** child = byPid_.find(pid);
    return child ? *child : nullptr;
}

DynamicSupervisorProcess::Child* DynamicSupervisorProcess::byKey(std::uint64_t key) {
    for (auto& c : children_)
        if (c->key == key) return c.get();
    return nullptr;
}

void DynamicSupervisorProcess::remove(const Child* child) {
    byPid_.erase(child->pid);
    std::erase_if(children_, [child](const auto& c) { return c.get() == child; });
}

void DynamicSupervisorProcess::removeAll(const std::unordered_set<const Child*>& gone) {
    for (const Child* c : gone)
        byPid_.erase(c->pid);
    std::erase_if(children_, [&](const auto& c) { return gone.count(c.get()) != 0; });
}

Task<Reason> DynamicSupervisorProcess::body() {
    setTrapExit(true);
    if (auto failed = ownInit()) co_return std::move(*failed);
    announceUp();
    send(parent(), StartedMsg{pid()});
    co_return co_await serve();
}

Task<DynamicSupervisorProcess::Stop> DynamicSupervisorProcess::childExited(Pid from,
                                                                           Reason reason) {
    Child* child = byPid(from);
    if (!child || child->restarting) co_return std::nullopt;
    co_return co_await onChildExit(*child, std::move(reason));
}

Task<DynamicSupervisorProcess::Stop> DynamicSupervisorProcess::restartDue(std::uint64_t key,
                                                                          bool backoffDone) {
    Child* child = byKey(key);
    if (!child || !child->restarting) co_return std::nullopt;
    co_return co_await restart(*child, backoffDone);
}

Task<void> DynamicSupervisorProcess::stopChildren() {
    std::vector<Child*> all;
    for (auto& c : children_)
        if (!c->restarting) all.push_back(c.get());
    co_await stopInParallel(std::move(all));
}

Task<DynamicSupervisorProcess::Stop> DynamicSupervisorProcess::onChildExit(Child& child,
                                                                           Reason reason) {
    unlink(child.pid);
    const bool restart_ = child.spec->restart == RestartType::Permanent ||
                          (child.spec->restart == RestartType::Transient && !reason.isNormalLike());
    if (!restart_) {
        remove(&child); // a dynamic supervisor keeps no spec for a child it will not restart
        co_return std::nullopt;
    }
    co_return co_await restart(child);
}

Task<DynamicSupervisorProcess::Stop> DynamicSupervisorProcess::restart(Child& child,
                                                                       bool backoffDone) {
    if (!backoffDone) {
        std::string why = "one_for_one restart";
        std::int64_t delayMs = 0;
        if (spec_->backoff.enabled()) { // beyond OTP, as in SupervisorProcess::restart
            if (child.upSinceUs >= 0 && nowUs() - child.upSinceUs > spec_->backoff.maxMs * 1000)
                child.crashStreak = 0;
            delayMs = backoffDelayMs(child.crashStreak++, pathOf(child));
            why += " after a backoff of " + std::to_string(delayMs) + " ms (beyond OTP)";
        }
        if (!admitRestart(pathOf(child), why)) {
            remove(&child);
            co_return Reason::shutdown();
        }
        if (delayMs > 0) {
            child.restarting = true;
            delayed_[startTimer(delayMs)] = child.key;
            co_return std::nullopt;
        }
    }
    const std::uint64_t key = child.key;
    Started started = co_await startChild(child.spec, &child.entry);
    Child* c = byKey(key);
    if (!c) co_return std::nullopt;
    if (started.ignored) { // §10: a restart that returns ignore removes the child
        emit(EventKind::Ignored, pathOf(*c), kNoPid, {}, "its restart returned ignore: removed");
        remove(c);
    } else if (started.pid == kNoPid) {
        c->restarting = true; // keyed under its old pid, as Elixir does
        send(pid(), RetryMsg{c->key});
    } else {
        byPid_.erase(c->pid);
        c->pid = started.pid;
        c->restarting = false;
        if (spec_->backoff.enabled()) c->upSinceUs = nowUs();
        byPid_[c->pid] = c;
    }
    co_return std::nullopt;
}

Task<void> DynamicSupervisorProcess::stopInParallel(std::vector<Child*> victims) {
    // Every child is signalled at once; one timer per distinct timeout (§7.4).
    std::unordered_map<Pid, const Child*> pending;
    std::map<std::int64_t, Ref> timers;
    std::unordered_map<Ref, std::int64_t> timerMs;
    for (Child* c : victims) {
        pending.emplace(c->pid, c);
        if (c->spec->shutdown.kind == ShutdownSpec::Kind::BrutalKill) {
            sendExit(c->pid, Reason::kill());
        } else {
            sendExit(c->pid, Reason::shutdown());
            const std::int64_t ms = c->spec->shutdown.ms;
            if (c->spec->shutdown.kind == ShutdownSpec::Kind::Timeout && !timers.count(ms)) {
                timers[ms] = startTimer(ms);
                timerMs[timers[ms]] = ms;
            }
        }
    }
    while (!pending.empty()) {
        Message m = co_await receive([&](const Message& msg) {
            if (auto* e = std::get_if<ExitMsg>(&msg)) return pending.count(e->from) != 0;
            if (auto* t = std::get_if<TimerMsg>(&msg)) return timerMs.count(t->ref) != 0;
            return false;
        });
        if (auto* e = std::get_if<ExitMsg>(&m)) {
            unlink(e->from);
            pending.erase(e->from);
        } else if (auto* t = std::get_if<TimerMsg>(&m)) {
            const std::int64_t ms = timerMs[t->ref];
            timerMs.erase(t->ref);
            timers.erase(ms);
            for (const auto& [pid, c] : pending) {
                if (c->spec->shutdown.kind == ShutdownSpec::Kind::Timeout &&
                    c->spec->shutdown.ms == ms) {
                    emit(EventKind::ShutdownTimeout, pathOf(*c), pid, {},
                         "did not stop within " + std::to_string(ms) + " ms: killed");
                    sendExit(pid, Reason::kill());
                }
            }
        }
    }
    for (auto& [ms, ref] : timers)
        cancelTimer(ref);
    removeAll(std::unordered_set<const Child*>(victims.begin(), victims.end()));
}

CallResult DynamicSupervisorProcess::changeCode(const NodeSpec* next) {
    if (!next) return CallResult{}; // init/1 returned ignore: nothing changes
    if (auto invalid = supervisorFlagsError(*next)) {
        CallResult r = CallResult::failure(CallError::InvalidSpec);
        r.reason = Reason::word("{supervisor_data," + invalid->format() + "}");
        return r;
    }
    takeFlags(*next, spec_->children); // its children are its own: none come with init/1
    emit(EventKind::Call, path(), pid(), {},
         "code_change: " + std::to_string(spec_->max_restarts) + " in " +
             std::to_string(spec_->max_seconds) + "s, max_children " +
             (spec_->max_children < 0 ? std::string("infinity")
                                      : std::to_string(spec_->max_children)));
    return CallResult{};
}

Task<void> DynamicSupervisorProcess::handleCall(CallMsg& call, const CallRequest& req) {
    switch (req.op) {
    case CallOp::StartChild: {
        if (!req.spec) {
            reply(call, CallResult::failure(CallError::BadRequest));
            co_return;
        }
        // Elixir checks the spec in the caller, before max_children (§10).
        if (auto invalid = dynamicChildSpecError(*req.spec)) {
            CallResult r = CallResult::failure(CallError::InvalidSpec);
            r.reason = std::move(*invalid);
            reply(call, std::move(r));
            co_return;
        }
        // Restarting children count towards max_children (§13.23).
        if (spec_->max_children >= 0 &&
            static_cast<std::int64_t>(children_.size()) >= spec_->max_children) {
            reply(call, CallResult::failure(CallError::MaxChildren));
            co_return;
        }
        if (req.spec->id != lastId_) {
            lastId_ = req.spec->id;
            lastEntry_ = nullptr;
        }
        Started started = co_await startChild(req.spec, &lastEntry_);
        if (started.ignored) { // :ignore, and nothing is stored
            emit(EventKind::Ignored, pathOf(*req.spec), kNoPid, {},
                 "start_child returned ignore: not kept");
            CallResult r;
            r.ignored = true;
            reply(call, std::move(r));
            co_return;
        }
        if (started.pid == kNoPid) {
            CallResult r = CallResult::failure(CallError::StartFailed);
            r.reason = std::move(started.reason);
            reply(call, std::move(r));
            co_return;
        }
        // Its up time counts only for a backoff (a clock read saved otherwise).
        const std::int64_t upSinceUs = spec_->backoff.enabled() ? nowUs() : -1;
        children_.push_back(std::make_unique<Child>(
            Child{{}, req.spec, started.pid, false, nextKey_++, upSinceUs, 0, lastEntry_}));
        byPid_[started.pid] = children_.back().get();
        if (runtime().events().listened())
            emit(EventKind::Call, pathOf(*children_.back()), started.pid, {}, "start_child");
        CallResult r;
        r.pid = started.pid;
        r.info = req.spec->start_info;
        reply(call, std::move(r));
        co_return;
    }
    case CallOp::TerminateChild: {
        Child* c = req.pid == kNoPid ? nullptr : byPid(req.pid);
        if (!c) {
            reply(call, CallResult::failure(CallError::NotFound));
            co_return;
        }
        const std::string childPath = pathOf(*c);
        if (c->restarting) {
            remove(c);
        } else {
            std::vector<Child*> one(1, c);
            co_await stopInParallel(std::move(one));
        }
        emit(EventKind::Call, childPath, req.pid, {}, "terminate_child");
        reply(call, CallResult{});
        co_return;
    }
    case CallOp::WhichChildren: {
        // Elixir keeps the children in a map by pid, and a small map lists its keys in
        // order: the oldest pid first, and a restarted child (a new pid) moves last.
        std::vector<const Child*> byAge;
        for (const auto& c : children_)
            byAge.push_back(c.get());
        std::sort(byAge.begin(), byAge.end(),
                  [](const Child* a, const Child* b) { return a->pid < b->pid; });
        CallResult r;
        for (const Child* c : byAge)
            r.children.push_back(
                ChildInfo{c->spec->id, c->restarting ? kNoPid : c->pid,
                          c->restarting ? ChildState::Restarting : ChildState::Running,
                          c->spec->isSupervisor()});
        reply(call, std::move(r));
        co_return;
    }
    case CallOp::CountChildren: {
        CallResult r;
        for (const auto& c : children_) {
            ++r.counts.specs;
            if (!c->restarting) ++r.counts.active;
            if (c->spec->isSupervisor())
                ++r.counts.supervisors;
            else
                ++r.counts.workers;
        }
        reply(call, std::move(r));
        co_return;
    }
    case CallOp::Inspect: {
        CallResult r;
        r.text = "dynamic one_for_one; " + std::to_string(children_.size()) +
                 " children; restarts " + budgetText();
        reply(call, std::move(r));
        co_return;
    }
    case CallOp::GetChildSpec: { // by pid, as OTP's simple_one_for_one answers it
        Child* c = req.pid == kNoPid ? nullptr : byPid(req.pid);
        CallResult r = c ? CallResult{} : CallResult::failure(CallError::NotFound);
        if (c) r.spec = c->spec;
        reply(call, std::move(r));
        co_return;
    }
    case CallOp::ChangeCode:
        reply(call, changeCode(req.spec.get()));
        co_return;
    case CallOp::RestartChild:
    case CallOp::DeleteChild:
        reply(call, CallResult::failure(CallError::NotSupported));
        co_return;
    case CallOp::Behaviour:
        break;
    }
    reply(call, CallResult::failure(CallError::BadRequest));
}

} // namespace suplab
