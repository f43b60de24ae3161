#include "SupervisorProcess.h"

#include "process/Runtime.h"
#include "supervision/ChildSpecCheck.h"

#include <algorithm>
#include <deque>

namespace suplab {

SupervisorProcess::SupervisorProcess(Runtime& runtime, std::string path, NodePtr spec)
    : SupervisorBase(runtime, std::move(path), std::move(spec)) {
    children_.reserve(spec_->children.size());
    for (const auto& node : spec_->children)
        children_.push_back(
            std::make_unique<Child>(Child{{}, node, kNoPid, ChildState::Undefined, nextKey_++}));
}

SupervisorProcess::Child* SupervisorProcess::byKey(std::uint64_t key) {
    for (auto& c : children_)
        if (c->key == key) return c.get();
    return nullptr;
}

SupervisorProcess::Child* SupervisorProcess::byId(const std::string& id) {
    for (auto& c : children_)
        if (c->spec->id == id) return c.get();
    return nullptr;
}

std::size_t SupervisorProcess::indexOf(const Child* child) const {
    for (std::size_t i = 0; i < children_.size(); ++i)
        if (children_[i].get() == child) return i;
    return children_.size();
}

void SupervisorProcess::prefetch(const Child& next) const {
    // Stopping a child touches its process, its Child record and its spec, all cold
    // in a big tree: start loading the next one's while this one stops.
    __builtin_prefetch(&next);
    __builtin_prefetch(next.spec.get());
    if (next.state == ChildState::Running) runtime().prefetch(next.pid);
}

void SupervisorProcess::markStopped(Child& child) {
    if (child.pid != kNoPid) byPid_.erase(child.pid);
    child.pid = kNoPid;
    child.state = ChildState::Undefined;
}

void SupervisorProcess::remove(const Child* child) {
    if (child->pid != kNoPid) byPid_.erase(child->pid);
    children_.erase(children_.begin() + static_cast<std::ptrdiff_t>(indexOf(child)));
}

bool SupervisorProcess::adopt(Child& child, const Started& started) {
    if (started.ignored) {
        markStopped(child);
        return true;
    }
    if (started.pid == kNoPid) return false;
    child.pid = started.pid;
    child.state = ChildState::Running;
    if (spec_->backoff.enabled()) child.upSinceUs = nowUs(); // (a clock read saved otherwise)
    byPid_[started.pid] = &child;
    return true;
}

bool SupervisorProcess::ignored(Child& child, const std::string& how) {
    const bool temporary = child.spec->restart == RestartType::Temporary;
    emit(EventKind::Ignored, pathOf(child), kNoPid, {},
         how + " returned ignore: " +
             (temporary ? "a temporary child is not kept" : "kept, not running"));
    if (temporary) remove(&child);
    return temporary;
}

Task<void> SupervisorProcess::stop(Child& child) {
    // Not a coroutine: one frame fewer for each child of a big shutdown. The child
    // is marked stopped before it has stopped, which nothing can see: the
    // supervisor does nothing else until its exit has come.
    if (child.state != ChildState::Running) return {};
    const Pid pid = child.pid;
    markStopped(child);
    return shutdownChild(pid, *child.spec);
}

Task<void> SupervisorProcess::stopFrom(std::size_t from) {
    for (std::size_t i = children_.size(); i-- > from;) {
        Child& child = *children_[i];
        co_await stop(child);
        markStopped(child); // a restarting child is reset too
        if (child.spec->restart == RestartType::Temporary) remove(&child);
    }
}

Task<void> SupervisorProcess::stopAll() {
    // §7.3: one at a time, newest first; restarting and stopped children are skipped.
    for (std::size_t i = children_.size(); i-- > 0;) {
        if (i > 1) prefetch(*children_[i - 2]);
        co_await stop(*children_[i]);
    }
}

Task<Reason> SupervisorProcess::body() {
    setTrapExit(true);
    if (auto failed = ownInit()) co_return std::move(*failed);
    announceUp();
    for (std::size_t i = 0; i < children_.size(); ++i) {
        const Started started = co_await startChild(children_[i]->spec, &children_[i]->entry);
        if (started.ignored) {
            adopt(*children_[i], started);
            if (ignored(*children_[i], "its start")) --i; // (wraps, and ++i comes back)
            continue;
        }
        if (!adopt(*children_[i], started)) {
            // §3.5: the children already started go, newest first; the rest never start.
            const std::string failedId = children_[i]->spec->id;
            for (std::size_t j = i; j-- > 0;)
                co_await stop(*children_[j]);
            co_return Reason::failedToStartChild(failedId, started.reason);
        }
    }
    send(parent(), StartedMsg{pid()});
    co_return co_await serve();
}

Task<SupervisorProcess::Stop> SupervisorProcess::childExited(Pid from, Reason reason) {
    if (Child** child = byPid_.find(from))
        co_return co_await onChildExit(**child, std::move(reason));
    co_return std::nullopt; // an EXIT from a child already dealt with (§4.1)
}

Task<SupervisorProcess::Stop> SupervisorProcess::restartDue(std::uint64_t key, bool backoffDone) {
    Child* child = byKey(key);
    if (!child || child->state != ChildState::Restarting) co_return std::nullopt;
    co_return co_await restart(*child, backoffDone);
}

Task<void> SupervisorProcess::stopChildren() {
    co_await stopAll();
}

Task<SupervisorProcess::Stop> SupervisorProcess::onChildExit(Child& child, Reason reason) {
    markStopped(child);
    const bool significant = child.spec->significant;
    switch (child.spec->restart) {
    case RestartType::Permanent:
        co_return co_await restart(child);
    case RestartType::Transient:
        if (!reason.isNormalLike()) co_return co_await restart(child);
        co_return autoShutdown(significant); // the spec stays, not running
    case RestartType::Temporary:
        remove(&child);
        co_return autoShutdown(significant);
    }
    co_return std::nullopt;
}

SupervisorProcess::Stop SupervisorProcess::autoShutdown(bool significant) {
    // §8: only for a significant child that stopped on its own and is not restarted.
    if (!significant) return std::nullopt;
    if (spec_->auto_shutdown == AutoShutdown::AnySignificant) {
        emit(EventKind::AutoShutdown, path(), pid(), {},
             "a significant child stopped (any_significant)");
        return Reason::shutdown();
    }
    if (spec_->auto_shutdown == AutoShutdown::AllSignificant) {
        const bool anyLeft = std::any_of(children_.begin(), children_.end(), [](const auto& c) {
            return c->spec->significant && c->state != ChildState::Undefined;
        });
        if (anyLeft) return std::nullopt;
        emit(EventKind::AutoShutdown, path(), pid(), {},
             "no significant child left (all_significant)");
        return Reason::shutdown();
    }
    return std::nullopt;
}

Task<SupervisorProcess::Stop> SupervisorProcess::restart(Child& child, bool backoffDone) {
    if (!backoffDone) {
        const std::string childPath = pathOf(child);
        std::string why = std::string(toString(spec_->strategy)) + " restart";
        std::int64_t delayMs = 0;
        if (spec_->backoff.enabled()) {
            // Beyond OTP: a streak resets once the child has stayed up longer than the cap.
            if (child.upSinceUs >= 0 && nowUs() - child.upSinceUs > spec_->backoff.maxMs * 1000)
                child.crashStreak = 0;
            delayMs = backoffDelayMs(child.crashStreak++, childPath);
            why += " after a backoff of " + std::to_string(delayMs) + " ms (beyond OTP)";
        }
        if (!admitRestart(childPath, why)) {
            markStopped(child);
            co_return Reason::shutdown();
        }
        if (delayMs > 0) {
            child.state = ChildState::Restarting;
            delayed_[startTimer(delayMs)] = child.key;
            co_return std::nullopt;
        }
    }
    if (spec_->strategy == Strategy::OneForAll) {
        co_await restartGroup(0, child);
    } else if (spec_->strategy == Strategy::RestForOne) {
        co_await restartGroup(indexOf(&child), child);
    } else {
        const Started started = co_await startChild(child.spec, &child.entry);
        if (!adopt(child, started)) {
            child.state = ChildState::Restarting;
            send(pid(), RetryMsg{child.key}); // §4.3: the retry waits behind what is queued
        } else if (started.ignored) {
            ignored(child, "its restart"); // §4.3 step 4: left not running, no retry
        }
    }
    co_return std::nullopt;
}

void SupervisorProcess::announceBystanders(std::size_t from, const Child& failed) {
    if (!runtime().events().listened()) return; // (nothing to word for nobody)
    // The same words for every bystander, made once, and one batch of events: a
    // group restart of 1,000 children starts with 999 of them.
    const std::string bystander =
        "bystander of " + pathOf(failed) + " (" + toString(spec_->strategy) + ")";
    const std::string temporary = bystander + ": temporary, not restarted";
    std::deque<std::string> unregistered; // paths not in the registry yet (none, in practice)
    slab::Vector<EventBus::Item> items;
    items.reserve(children_.size() - from);
    for (std::size_t i = from; i < children_.size(); ++i) {
        const Child& c = *children_[i];
        if (&c == &failed || c.state != ChildState::Running) continue;
        const std::string* path = c.entry ? c.entry->path : &unregistered.emplace_back(pathOf(c));
        items.push_back(
            {path, c.pid, c.spec->restart == RestartType::Temporary ? &temporary : &bystander});
    }
    runtime().events().emitAll(EventKind::Restart, items);
}

Task<void> SupervisorProcess::restartGroup(std::size_t from, Child& failed) {
    markStopped(failed);
    announceBystanders(from, failed);
    co_await stopFrom(from);
    for (std::size_t i = from; i < children_.size(); ++i) {
        Child& c = *children_[i];
        const Started started = co_await startChild(c.spec, &c.entry);
        if (!adopt(c, started)) {
            c.state = ChildState::Restarting;
            send(pid(), RetryMsg{c.key});
            break; // the children after it are not started (§5.2 step 5)
        }
        if (started.ignored && ignored(c, "its restart")) --i; // (temporaries are gone by now)
    }
}

CallResult SupervisorProcess::changeCode(const NodeSpec* next) {
    if (!next) return CallResult{}; // init/1 returned ignore: nothing changes
    std::optional<Reason> invalid = supervisorFlagsError(*next);
    if (!invalid) invalid = childSpecsError(next->children, next->auto_shutdown);
    if (invalid) {
        CallResult r = CallResult::failure(CallError::InvalidSpec);
        r.reason = std::move(*invalid);
        return r;
    }
    // The new list in its order, then the children it leaves out in theirs.
    slab::Vector<std::unique_ptr<Child>> order;
    order.reserve(next->children.size() + children_.size());
    for (const auto& node : next->children) {
        auto known = std::find_if(children_.begin(), children_.end(),
                                  [&](const auto& c) { return c && c->spec->id == node->id; });
        if (known != children_.end()) {
            (*known)->spec = node; // its process, if any, runs on
            order.push_back(std::move(*known));
        } else {
            order.push_back(std::make_unique<Child>(
                Child{{}, node, kNoPid, ChildState::Undefined, nextKey_++}));
        }
    }
    std::vector<NodePtr> specs = next->children;
    for (auto& c : children_)
        if (c) {
            specs.push_back(c->spec);
            order.push_back(std::move(c));
        }
    children_ = std::move(order);
    takeFlags(*next, std::move(specs));
    emit(EventKind::Call, path(), pid(), {},
         "code_change: " + std::string(toString(spec_->strategy)) + ", " +
             std::to_string(spec_->max_restarts) + " in " + std::to_string(spec_->max_seconds) +
             "s, auto_shutdown " + toString(spec_->auto_shutdown) + ", " +
             std::to_string(children_.size()) + " children");
    return CallResult{};
}

CallResult SupervisorProcess::whichChildren() const {
    CallResult r;
    for (auto it = children_.rbegin(); it != children_.rend(); ++it) {
        const Child& c = **it;
        r.children.push_back(ChildInfo{c.spec->id, c.state == ChildState::Running ? c.pid : kNoPid,
                                       c.state, c.spec->isSupervisor()});
    }
    return r;
}

CallResult SupervisorProcess::countChildren() const {
    CallResult r;
    for (const auto& c : children_) {
        ++r.counts.specs;
        if (c->spec->isSupervisor())
            ++r.counts.supervisors;
        else
            ++r.counts.workers;
        if (c->state == ChildState::Running && runtime().isAlive(c->pid)) ++r.counts.active;
    }
    return r;
}

Task<void> SupervisorProcess::handleCall(CallMsg& call, const CallRequest& req) {
    switch (req.op) {
    case CallOp::WhichChildren:
        reply(call, whichChildren());
        co_return;
    case CallOp::CountChildren:
        reply(call, countChildren());
        co_return;
    case CallOp::GetChildSpec: {
        Child* c = byId(req.id);
        CallResult r = c ? CallResult{} : CallResult::failure(CallError::NotFound);
        if (c) r.spec = c->spec;
        reply(call, std::move(r));
        co_return;
    }
    case CallOp::StartChild: {
        if (!req.spec) {
            reply(call, CallResult::failure(CallError::BadRequest));
            co_return;
        }
        if (auto invalid = childSpecError(*req.spec, spec_->auto_shutdown)) {
            CallResult r = CallResult::failure(CallError::InvalidSpec); // §9: {error, SpecError}
            r.reason = std::move(*invalid);
            reply(call, std::move(r));
            co_return;
        }
        if (Child* c = byId(req.spec->id)) {
            CallResult r =
                CallResult::failure(c->state == ChildState::Running ? CallError::AlreadyStarted
                                                                    : CallError::AlreadyPresent);
            r.pid = c->pid;
            reply(call, std::move(r));
            co_return;
        }
        children_.push_back(std::make_unique<Child>(
            Child{{}, req.spec, kNoPid, ChildState::Undefined, nextKey_++}));
        Child& c = *children_.back();
        Started started = co_await startChild(c.spec, &c.entry);
        if (started.failed()) {
            remove(&c); // nothing is stored (§9)
            CallResult r = CallResult::failure(CallError::StartFailed);
            r.reason = std::move(started.reason);
            reply(call, std::move(r));
            co_return;
        }
        adopt(c, started);
        CallResult r;
        if (started.ignored) {
            r.ignored = true; // {ok, undefined}
            ignored(c, "start_child");
        } else {
            emit(EventKind::Call, pathOf(c), c.pid, {}, "start_child");
            r.pid = c.pid;
            r.info = c.spec->start_info;
        }
        reply(call, std::move(r));
        co_return;
    }
    case CallOp::TerminateChild: {
        Child* c = byId(req.id);
        if (!c) {
            reply(call, CallResult::failure(CallError::NotFound));
            co_return;
        }
        const std::uint64_t key = c->key;
        co_await stop(*c);
        c = byKey(key);
        if (c) {
            markStopped(*c); // also cancels a pending retry (§9)
            if (c->spec->restart == RestartType::Temporary) remove(c);
        }
        emit(EventKind::Call, path() + "/" + req.id, kNoPid, {}, "terminate_child");
        reply(call, CallResult{});
        co_return;
    }
    case CallOp::RestartChild: {
        Child* c = byId(req.id);
        if (!c) {
            reply(call, CallResult::failure(CallError::NotFound));
        } else if (c->state == ChildState::Running) {
            reply(call, CallResult::failure(CallError::Running));
        } else if (c->state == ChildState::Restarting) {
            reply(call, CallResult::failure(CallError::Restarting));
        } else {
            const std::uint64_t key = c->key;
            Started started = co_await startChild(c->spec, &c->entry);
            c = byKey(key);
            CallResult r;
            if (started.failed()) {
                r = CallResult::failure(CallError::StartFailed);
                r.reason = std::move(started.reason);
            } else if (started.ignored) {
                r.ignored = true; // {ok, undefined}: still not running
                if (c)
                    emit(EventKind::Ignored, pathOf(*c), kNoPid, {},
                         "restart_child returned ignore: kept, not running");
            } else if (c) {
                adopt(*c, started);
                r.pid = c->pid;
                r.info = c->spec->start_info;
                emit(EventKind::Call, pathOf(*c), c->pid, {}, "restart_child");
            }
            reply(call, std::move(r));
        }
        co_return;
    }
    case CallOp::DeleteChild: {
        Child* c = byId(req.id);
        if (!c)
            reply(call, CallResult::failure(CallError::NotFound));
        else if (c->state == ChildState::Running)
            reply(call, CallResult::failure(CallError::Running));
        else if (c->state == ChildState::Restarting)
            reply(call, CallResult::failure(CallError::Restarting));
        else {
            emit(EventKind::Call, pathOf(*c), kNoPid, {}, "delete_child");
            remove(c);
            reply(call, CallResult{});
        }
        co_return;
    }
    case CallOp::ChangeCode:
        reply(call, changeCode(req.spec.get()));
        co_return;
    case CallOp::Inspect: {
        CallResult r;
        r.text = std::string(toString(spec_->strategy)) + "; restarts " + budgetText();
        reply(call, std::move(r));
        co_return;
    }
    case CallOp::Behaviour:
        break;
    }
    reply(call, CallResult::failure(CallError::BadRequest));
}

} // namespace suplab
