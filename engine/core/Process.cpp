#include "Process.h"

#include "core/Runtime.h"
#include "events/EventBus.h"
#include "sched/Scheduler.h"

#include <algorithm>

namespace suplab {

Process::Process(Runtime& runtime, std::string path)
    : runtime_(runtime), pid_(runtime.allocatePid()), path_(std::move(path)) {
    objects_.fetch_add(1, std::memory_order_relaxed);
}

Process::~Process() {
    objects_.fetch_sub(1, std::memory_order_relaxed);
}

bool Process::deliver(Signal&& signal) {
    if (!inbox_.push(std::move(signal))) return false;
    wake();
    return true;
}

void Process::wake() {
    unsigned char state = sched_.load(std::memory_order_acquire);
    for (;;) {
        if (state == Idle) {
            if (sched_.compare_exchange_weak(state, Queued, std::memory_order_acq_rel)) {
                runtime_.scheduler().enqueue(shared_from_this());
                return;
            }
        } else if (state == Running) {
            if (sched_.compare_exchange_weak(state, Notified, std::memory_order_acq_rel)) return;
        } else {
            return; // already queued, already notified, or dead
        }
    }
}

bool Process::runScheduled() {
    sched_.store(Running, std::memory_order_release);
    runOnce();
    if (dead_) {
        sched_.store(Dead, std::memory_order_release);
        return false;
    }
    unsigned char expected = Running;
    if (sched_.compare_exchange_strong(expected, Idle, std::memory_order_acq_rel)) return true;
    // Signals arrived while we ran: go to the back of the run queue (fairness).
    sched_.store(Queued, std::memory_order_release);
    runtime_.scheduler().enqueue(shared_from_this());
    return true;
}

void Process::drainInbox() {
    inbox_.takeAll(batch_);
    for (auto& signal : batch_) {
        if (dead_) {
            // Behind the signal that ended us: a monitor asked for now finds us gone
            // (found by the soak: the caller's monitor was lost and its call hung).
            answerLate(signal);
            continue;
        }
        handleSignal(std::move(signal));
    }
    if (batch_.capacity() > 16)
        slab::Vector<Signal>().swap(batch_); // idle processes keep nothing
    else
        batch_.clear();
}

void Process::answerLate(const Signal& signal) {
    if (auto* mon = std::get_if<MonitorSignal>(&signal))
        runtime_.deliver(mon->watcher, Message(DownMsg{mon->ref, pid_, Reason::noproc()}));
}

void Process::handleSignal(Signal&& signal) {
    if (auto* message = std::get_if<Message>(&signal)) {
        if (auto* timer = std::get_if<TimerMsg>(message);
            timer && isReceiveTimeout(timer->ref) && timer->ref != receiveTimeout_)
            return; // the timeout of a receive that is over
        queue_.push(std::move(*message));
    } else if (auto* exit = std::get_if<ExitSignal>(&signal)) {
        // A link's exit ends the link. One from a process we have unlinked meanwhile
        // has no effect (erlang:unlink/1's guarantee).
        if (exit->viaLink && !links_.erase(exit->from)) return;
        if (exit->reason.kind() == Reason::Kind::Kill) {
            die(Reason::killed());
        } else if (trapExit_) {
            queue_.push(ExitMsg{exit->from, std::move(exit->reason)});
        } else if (exit->reason.kind() == Reason::Kind::Normal && exit->from != pid_) {
            // A normal exit signal does nothing to a process that does not trap exits.
        } else {
            die(std::move(exit->reason));
        }
    } else if (auto* mon = std::get_if<MonitorSignal>(&signal)) {
        monitoredBy_.emplace_back(mon->ref, mon->watcher);
    } else if (auto* demon = std::get_if<DemonitorSignal>(&signal)) {
        std::erase_if(monitoredBy_, [&](const auto& m) { return m.first == demon->ref; });
    } else if (auto* unl = std::get_if<UnlinkSignal>(&signal)) {
        links_.erase(unl->from);
    }
}

void Process::runOnce() {
    if (dead_) return;
    drainInbox();
    if (dead_) return;
    if (!started_) {
        started_ = true;
        begin();
    }
    for (;;) {
        if (dead_) return;
        dispatch();
        if (dead_) return;
        if (inbox_.empty()) return;
        drainInbox();
    }
}

void Process::begin() {
    task_ = body();
    task_.start();
    if (task_.done()) die(std::move(task_.result()));
}

void Process::dispatch() {
    while (waiter_ && !dead_) {
        if (!takeMatching(waitMatch_, *waitOut_)) return;
        auto handle = std::exchange(waiter_, nullptr);
        handle.resume();
        if (task_.done()) {
            die(std::move(task_.result()));
            return;
        }
    }
}

void Process::park(std::coroutine_handle<> h, MatchRef match, std::optional<Message>* out) {
    waiter_ = h;
    waitMatch_ = match;
    waitOut_ = out;
}

bool Process::takeMatching(MatchRef match, std::optional<Message>& out) {
    return queue_.take(match, out);
}

std::optional<ExitMsg> Process::takeExitFrom(Pid from) {
    std::optional<Message> out;
    if (!queue_.take(
            [from](const Message& m) {
                auto* exit = std::get_if<ExitMsg>(&m);
                return exit && exit->from == from;
            },
            out))
        return std::nullopt;
    return std::get<ExitMsg>(std::move(*out));
}

void Process::die(Reason reason) {
    if (dead_) return;
    dead_ = true;
    waiter_ = nullptr;
    // Announce first, so that whatever the exit causes comes after it in the log.
    if (announced_) {
        runtime_.unregisterPath(pathEntry(), pid_);
        runtime_.events().emit(EventKind::Down, path_, pid_, reason.format());
    }
    for (auto& late : inbox_.close())
        answerLate(late);
    links_.forEach([&](Pid linked) { runtime_.deliver(linked, ExitSignal{pid_, reason, true}); });
    for (auto& [ref, watcher] : monitoredBy_)
        runtime_.deliver(watcher, Message(DownMsg{ref, pid_, reason}));
    links_.clear();
    monitoredBy_.clear();
    queue_.clear();
    task_.reset();
    runtime_.retire(pid_);
}

void Process::send(Pid to, Message message) {
    runtime_.deliver(to, std::move(message));
}

void Process::sendExit(Pid to, Reason reason) {
    runtime_.deliver(to, ExitSignal{pid_, std::move(reason)});
}

Pid Process::spawnLink(std::shared_ptr<Process> child) {
    const Pid childPid = child->pid();
    child->parent_ = pid_;
    child->links_.insert(pid_);
    links_.insert(childPid);
    runtime_.spawn(std::move(child));
    return childPid;
}

Ref Process::monitor(Pid target) {
    const Ref ref = runtime_.makeRef();
    if (!runtime_.deliver(target, MonitorSignal{pid_, ref}))
        runtime_.deliver(pid_, Message(DownMsg{ref, target, Reason::noproc()}));
    return ref;
}

void Process::demonitor(Pid target, Ref ref) {
    runtime_.deliver(target, DemonitorSignal{ref});
    queue_.eraseIf([&](const Message& m) {
        auto* down = std::get_if<DownMsg>(&m);
        return down && down->ref == ref;
    });
}

void Process::unlink(Pid other) {
    // Not linked (any more): the other side holds no link to us either, and is
    // most often dead (a supervisor unlinks every child it has just seen exit).
    if (!links_.erase(other)) return;
    runtime_.deliver(other, UnlinkSignal{pid_});
}

Ref Process::startTimer(std::int64_t ms) {
    const Ref ref = runtime_.makeRef();
    runtime_.scheduler().startTimer(ref, pid_, ms * 1000);
    return ref;
}

void Process::cancelTimer(Ref ref) {
    runtime_.scheduler().cancelTimer(ref);
    queue_.eraseIf([&](const Message& m) {
        auto* t = std::get_if<TimerMsg>(&m);
        return t && t->ref == ref;
    });
}

Ref Process::startReceiveTimeout(std::int64_t ms) {
    receiveTimeout_ = runtime_.makeRef() | kReceiveTimeoutBit;
    runtime_.scheduler().startTimer(receiveTimeout_, pid_, ms * 1000);
    return receiveTimeout_;
}

void Process::endReceiveTimeout(Ref ref) {
    receiveTimeout_ = 0;
    cancelTimer(ref);
}

std::int64_t Process::nowUs() const {
    return runtime_.nowUs();
}

PathEntry& Process::pathEntry() {
    if (!pathEntry_) pathEntry_ = &runtime_.pathEntry(path_);
    return *pathEntry_;
}

void Process::announceUp() {
    announced_ = true;
    // Registered first: whoever sees the event can already find the process by path.
    runtime_.registerPath(pathEntry(), pid_);
    runtime_.events().emit(EventKind::Up, path_, pid_);
}

} // namespace suplab
