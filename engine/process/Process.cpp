#include "Process.h"

#include "events/EventBus.h"
#include "process/Runtime.h"
#include "sched/Scheduler.h"

#include <algorithm>

namespace suplab {

Process::Process(Runtime& runtime, std::string path)
    : runtime_(runtime), pid_(runtime.allocatePid()), path_(std::move(path)) {
    Objects::add(1);
}

Process::~Process() {
    Objects::add(-1);
}

namespace {
// The reference the runtime's table held to a process that ended in the run this
// thread is doing: runScheduled() hands it to the scheduler.
thread_local std::shared_ptr<Process> tlsEnded;
// The process this thread is running in runScheduled (a Port is never run there).
thread_local const Process* tlsRunning = nullptr;
// The signals a process is handling, taken from its inbox. One per thread, not one
// per process: a thread handles one process's signals at a time, and 100,000 idle
// processes need not keep a vector each.
thread_local slab::Vector<Signal> tlsBatch;
} // namespace

bool Process::deliver(Signal&& signal) {
    switch (inbox_.push(std::move(signal))) {
    case Mailbox::Push::Closed:
        return false;
    case Mailbox::Push::Woke:
        wake();
        break;
    case Mailbox::Push::Queued:
        break;
    }
    return true;
}

void Process::wake() {
    runtime_.scheduler().enqueue(this);
}

std::shared_ptr<Process> Process::runScheduled() {
    tlsRunning = this;
    // Idle once runOnce() returns false: another thread may be running us already,
    // so nothing here may touch the process any more.
    const bool ended = runOnce();
    tlsRunning = nullptr;
    return ended ? std::move(tlsEnded) : nullptr;
}

void Process::drainInbox(bool idleAfter) {
    {
        std::lock_guard guard(runtime_.inboxLock(pid_));
        inbox_.takeAll(tlsBatch);
        if (idleAfter) inbox_.markIdle();
    }
    handleBatch();
}

void Process::handleBatch() {
    // The batch is not touched by handleSignal: it only delivers to others.
    for (auto& signal : tlsBatch) {
        if (dead_) {
            // Behind the signal that ended us: a monitor asked for now finds us gone
            // (found by the soak: the caller's monitor was lost and its call hung).
            answerLate(signal);
            continue;
        }
        handleSignal(std::move(signal));
    }
    // Its buffer goes to the next inbox drained (takeAll swaps): not a big one. A
    // thread that is not a worker (a Port's owner) keeps none: it may outlive the run.
    if (tlsBatch.capacity() > 16 || !tlsRunning)
        slab::Vector<Signal>().swap(tlsBatch);
    else
        tlsBatch.clear();
}

void Process::answerLate(const Signal& signal) {
    if (auto* mon = std::get_if<MonitorSignal>(&signal))
        runtime_.deliver(mon->watcher, Message(DownMsg{mon->ref, pid_, Reason::noproc()}));
}

void Process::handleSignal(Signal&& signal) {
    if (auto* message = std::get_if<Message>(&signal)) {
        if (auto* timer = std::get_if<TimerMsg>(message);
            timer && isReceiveTimeout(timer->ref) &&
            (!coroutine_ || timer->ref != coroutine_->receiveTimeout))
            return; // the timeout of a receive that is over
        queue_.push(std::move(*message));
    } else if (auto* exit = std::get_if<ExitSignal>(&signal)) {
        // A link's exit ends the link. One from a process we have unlinked meanwhile
        // has no effect (erlang:unlink/1's guarantee).
        if (exit->viaLink && !links_.erase(exit->from)) return;
        // Only exit(Pid, kill) sent from outside is untrappable. A linked process that
        // itself exited with reason kill sends an ordinary signal: a trapping process
        // gets {'EXIT', From, kill}, any other dies with reason kill (not killed).
        if (!exit->viaLink && exit->reason.kind() == Reason::Kind::Kill) {
            die(Reason::killed());
        } else if (trapExit_) {
            queue_.push(ExitMsg{exit->from, std::move(exit->reason)});
        } else if (exit->reason.kind() == Reason::Kind::Normal && exit->from != pid_) {
            // A normal exit signal does nothing to a process that does not trap exits.
        } else {
            die(std::move(exit->reason));
        }
    } else if (auto* mon = std::get_if<MonitorSignal>(&signal)) {
        if (!watchers_) watchers_ = std::make_unique<Watchers>();
        watchers_->list.emplace_back(mon->ref, mon->watcher);
    } else if (auto* demon = std::get_if<DemonitorSignal>(&signal)) {
        if (watchers_)
            std::erase_if(watchers_->list, [&](const auto& m) { return m.first == demon->ref; });
    } else if (auto* unl = std::get_if<UnlinkSignal>(&signal)) {
        links_.erase(unl->from);
    }
}

bool Process::runOnce() {
    if (dead_) return true;
    drainInbox();
    if (dead_) return true;
    if (!started_) {
        started_ = true;
        begin();
    }
    for (;;) {
        if (dead_) return true;
        dispatch();
        if (dead_) return true;
        // What came meanwhile, or else the process goes idle: one locked step, so
        // that a signal arriving just after it finds the process idle and queues it.
        SpinLock& lock = runtime_.inboxLock(pid_);
        lock.lock();
        const bool more = inbox_.takeAll(tlsBatch, true);
        lock.unlock(); // (idle: from here on `this` is another thread's to run)
        if (!more) return false;
        handleBatch();
    }
}

void Process::begin() {
    coroutine_ = std::make_unique<Coroutine>();
    coroutine_->task = body();
    coroutine_->task.start();
    if (coroutine_->task.done()) die(std::move(coroutine_->task.result()));
}

void Process::dispatch() {
    while (coroutine_ && coroutine_->waiter && !dead_) {
        if (!takeMatching(coroutine_->match, *coroutine_->out)) return;
        auto handle = std::exchange(coroutine_->waiter, nullptr);
        handle.resume();
        if (!coroutine_) return; // (a body cannot end itself mid-resume; be sure)
        if (coroutine_->task.done()) {
            die(std::move(coroutine_->task.result()));
            return;
        }
    }
}

void Process::park(std::coroutine_handle<> h, MatchRef match, std::optional<Message>* out) {
    coroutine_->waiter = h;
    coroutine_->match = match;
    coroutine_->out = out;
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
    if (coroutine_) coroutine_->waiter = nullptr;
    // Announce first, so that whatever the exit causes comes after it in the log.
    if (announced_) {
        runtime_.unregisterPath(pathEntry(), pid_);
        if (runtime_.events().listened())
            runtime_.events().emit(EventKind::Down, path_, pid_, reason.format());
    }
    // Out of the table and closed in one step: from here on, a signal to us fails
    // as it would on the BEAM once we are gone.
    slab::Vector<Signal> late;
    std::shared_ptr<Process> last = runtime_.retire(*this, late);
    for (auto& signal : late)
        answerLate(signal);
    links_.forEach([&](Pid linked) { runtime_.deliver(linked, ExitSignal{pid_, reason, true}); });
    if (watchers_)
        for (auto& [ref, watcher] : watchers_->list)
            runtime_.deliver(watcher, Message(DownMsg{ref, pid_, reason}));
    links_.clear();
    watchers_.reset();
    queue_.clear();
    coroutine_.reset();
    // Ending in a scheduled run: whoever runs us destroys us after the run. (A
    // Port ends on its owner's thread, and its owner holds it.)
    if (tlsRunning == this) tlsEnded = std::move(last);
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
    const Ref ref = runtime_.makeRef() | kReceiveTimeoutBit;
    coroutine_->receiveTimeout = ref;
    runtime_.scheduler().startTimer(ref, pid_, ms * 1000);
    return ref;
}

void Process::endReceiveTimeout(Ref ref) {
    coroutine_->receiveTimeout = 0;
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
    if (runtime_.events().listened()) runtime_.events().emit(EventKind::Up, path_, pid_);
}

} // namespace suplab
