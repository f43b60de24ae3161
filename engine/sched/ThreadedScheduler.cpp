#include "ThreadedScheduler.h"

#include "base/SlabPool.h"
#include "process/Process.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace suplab {

namespace {
// The worker thread's "run next" slot: a process woken by the one running on this
// thread runs here next, without a hand-over to another thread (a supervisor that
// starts a child and waits for its ack, a call and its reply). Idea from Go's runnext.
thread_local const ThreadedScheduler* tlsOwner = nullptr;
thread_local Process** tlsNext = nullptr;
// Receive timeouts started on this worker thread and not yet handed to the timer
// thread (see startTimer).
thread_local std::vector<ThreadedScheduler::StagedTimer>* tlsStaged = nullptr;
} // namespace

ThreadedScheduler::ThreadedScheduler(unsigned threads)
    : epochNs_(Clock::now().time_since_epoch().count()) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    poolSize_ = threads;
    workers_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i)
        workers_.emplace_back([this] { workerLoop(); });
    timerThread_ = std::thread([this] { timerLoop(); });
}

ThreadedScheduler::~ThreadedScheduler() {
    stop();
}

void ThreadedScheduler::stop() {
    {
        std::lock_guard guard(runLock_);
        if (stopping_ && workers_.empty()) return;
        stopping_ = true;
    }
    runReady_.notify_all();
    for (auto& t : workers_)
        if (t.joinable()) t.join();
    workers_.clear();
    {
        std::lock_guard guard(timerLock_);
        timersStopping_ = true;
    }
    timerChanged_.notify_all();
    if (timerThread_.joinable()) timerThread_.join();
    std::lock_guard guard(runLock_);
    runQueue_.clear();
    graveyard_.clear();
}

void ThreadedScheduler::enqueue(Process* process) {
    if (tlsOwner == this && tlsNext) {
        if (!*tlsNext) {
            *tlsNext = process;
            return;
        }
        std::swap(*tlsNext, process); // the newest runs next; the older one goes to the pool
    }
    const bool fromWorker = tlsOwner == this;
    bool wake = false;
    {
        std::lock_guard guard(runLock_);
        if (stopping_) return;
        runQueue_.push_back(process);
        // A worker that queues one process will come to it within its next few
        // runs: waking a sleeping worker for it (a futex call here, a wake-up
        // there) costs more than it saves, and hands the process's memory to the
        // other core. Only a backlog, or work from outside, wakes a sleeper.
        wake = sleepingWorkers_ > 0 && (!fromWorker || runQueue_.size() > 1);
    }
    if (wake) runReady_.notify_one();
}

void ThreadedScheduler::workerLoop() {
    Process* next = nullptr;
    std::vector<StagedTimer> staged;
    tlsOwner = this;
    tlsNext = &next;
    tlsStaged = &staged;
    // Processes that ended while another one waited in `next`: destroying one
    // (its record, its tables, its frame: cold memory) would hold up whoever its
    // exit just woke, such as a supervisor shutting children down one by one or
    // waiting to restart. They are destroyed in batches, by an idle worker if there
    // is one, else here once nobody waits.
    std::vector<std::shared_ptr<Process>> graves;
    int localRuns = 0;
    for (;;) {
        Process* process = nullptr;
        if (next && localRuns < 64) {
            process = std::exchange(next, nullptr);
            ++localRuns;
        } else {
            localRuns = 0;
            graves.clear();
            publishStaged(staged, false);
            std::unique_lock lock(runLock_);
            if (stopping_) break;
            if (next)
                runQueue_.push_back(std::exchange(next, nullptr)); // let the others have a turn
            // A worker busy starting processes (it passes here every few dozen
            // runs) asks a sleeping one to get fresh memory ready for it.
            if (sleepingWorkers_ > 0 && !runQueue_.empty() && slab::spareSlabWanted())
                runReady_.notify_one();
            if (runQueue_.empty()) { // about to sleep: nothing stays behind
                if (!staged.empty()) {
                    lock.unlock();
                    publishStaged(staged, true);
                    lock.lock();
                }
                ++sleepingWorkers_;
                runReady_.wait(lock, [this] {
                    return stopping_ || runQueue_.size() > leftToTheAwake() ||
                           !graveyard_.empty() || slab::spareSlabWanted();
                });
                const bool onlyChores = runQueue_.size() <= leftToTheAwake();
                --sleepingWorkers_;
                if (stopping_) break;
                if (onlyChores) { // the dead, or fresh memory, to see to
                    graves.swap(graveyard_);
                    if (graves.empty()) {
                        lock.unlock();
                        slab::prepareSpareSlab();
                    }
                    continue;
                }
            }
            process = runQueue_.front();
            runQueue_.pop_front();
        }
        std::shared_ptr<Process> ended = process->runScheduled();
        if (!ended || !next) continue; // (one that ended with nobody waiting goes now)
        graves.push_back(std::move(ended));
        if (graves.size() >= kGraveBatch) bury(graves);
    }
    next = nullptr;
    tlsStaged = nullptr;
    tlsNext = nullptr;
    tlsOwner = nullptr;
}

std::size_t ThreadedScheduler::leftToTheAwake() const {
    return sleepingWorkers_ < poolSize_ ? 1 : 0;
}

void ThreadedScheduler::bury(std::vector<std::shared_ptr<Process>>& graves) {
    bool handed = false;
    {
        std::lock_guard guard(runLock_);
        if (sleepingWorkers_ > 0 && graveyard_.size() < 4 * kGraveBatch) {
            // A worker busy with an earlier batch gets this one too; past that
            // backlog, the work stays here rather than pile up.
            std::move(graves.begin(), graves.end(), std::back_inserter(graveyard_));
            handed = true;
        }
    }
    if (handed) runReady_.notify_one();
    graves.clear();
}

std::int64_t ThreadedScheduler::nowUs() const {
    const auto now = Clock::now().time_since_epoch().count();
    return (now - epochNs_.load(std::memory_order_relaxed)) / 1000;
}

void ThreadedScheduler::resetClock() {
    epochNs_.store(Clock::now().time_since_epoch().count(), std::memory_order_relaxed);
}

void ThreadedScheduler::startTimer(Ref ref, Pid target, std::int64_t delayUs) {
    const StagedTimer timer{1000 * (delayUs < 0 ? 0 : delayUs), ref, target};
    // A receive's timeout started by a process on a worker thread is almost always
    // cancelled within a run or two (a supervisor shutting a child down waits a
    // few microseconds, not its 5 seconds). It waits on this thread, unlocked:
    // each time the thread looks at the shared run queue (every 64 runs at most)
    // it fixes the due time of the new ones and hands over those due soon, and it
    // hands over all of them before it sleeps. Cancelled before that, a timeout
    // costs neither a lock nor a wake-up of the timer thread, and the first look
    // is its only clock read. Its delay counts from that first look, so it can
    // come a few runs late, never early, as a timeout may. Should it be cancelled
    // on another thread, it fires later and its process drops it
    // (kReceiveTimeoutBit).
    if (tlsOwner == this && tlsStaged && isReceiveTimeout(ref)) {
        tlsStaged->push_back(timer);
        return;
    }
    publishTimers(std::span(&timer, 1), Clock::now().time_since_epoch().count());
}

void ThreadedScheduler::publishTimers(std::span<const StagedTimer> timers, std::int64_t nowNs) {
    if (timers.empty()) return;
    bool earliest = false;
    {
        std::lock_guard guard(timerLock_);
        for (const StagedTimer& t : timers) {
            const std::int64_t due = t.dueNs != 0 ? t.dueNs : nowNs + t.delayNs;
            // Wake the timer thread only for a timer due before the time it sleeps
            // until (a wake-up is a futex call).
            earliest = earliest || due < timerWakeNs_;
            timers_.push(due, t.ref, t.target);
        }
    }
    if (earliest) timerChanged_.notify_one();
}

void ThreadedScheduler::publishStaged(std::vector<StagedTimer>& staged, bool all) {
    if (staged.empty()) return;
    const std::int64_t now = Clock::now().time_since_epoch().count();
    if (all || staged.size() > kMaxStaged) {
        publishTimers(staged, now);
        staged.clear();
        return;
    }
    for (StagedTimer& t : staged)
        if (t.dueNs == 0) t.dueNs = now + t.delayNs;
    // Those due soon go, in one batch; the others keep their order here.
    const auto later =
        std::stable_partition(staged.begin(), staged.end(),
                              [&](const StagedTimer& t) { return t.dueNs - now <= kStageAheadNs; });
    publishTimers(std::span(staged.begin(), later), now);
    staged.erase(staged.begin(), later);
}

void ThreadedScheduler::cancelTimer(Ref ref) {
    if (tlsOwner == this && tlsStaged && isReceiveTimeout(ref)) {
        auto& staged = *tlsStaged;
        for (auto it = staged.begin(); it != staged.end(); ++it)
            if (it->ref == ref) {
                staged.erase(it);
                return;
            }
    }
    std::lock_guard guard(timerLock_);
    timers_.cancel(ref);
}

void ThreadedScheduler::timerLoop() {
    std::unique_lock lock(timerLock_);
    for (;;) {
        if (timersStopping_) return;
        if (timers_.empty()) {
            timerWakeNs_ = kNever;
            timerChanged_.wait(lock);
            continue;
        }
        // A cancelled timer is not looked for: when the earliest goes, this thread
        // still wakes at its time, finds nothing due and sleeps again.
        const Clock::time_point due{Clock::duration(timers_.top().due)};
        if (Clock::now() < due) {
            timerWakeNs_ = timers_.top().due;
            timerChanged_.wait_until(lock, due);
            continue;
        }
        timerWakeNs_ = 0; // awake: starting a timer need not wake it
        const TimerHeap::Timer next = timers_.pop();
        lock.unlock(); // delivering takes other locks
        fire(next.ref, next.target);
        lock.lock();
    }
}

void ThreadedScheduler::notify() {
    bool wake = false;
    {
        std::lock_guard guard(waitLock_);
        ++notifications_;
        wake = waiters_ > 0;
    }
    if (wake) waitChanged_.notify_all();
}

bool ThreadedScheduler::waitUntil(const std::function<bool()>& ready, std::int64_t deadlineUs) {
    const auto deadline = Clock::time_point(std::chrono::nanoseconds(epochNs_.load())) +
                          std::chrono::microseconds(deadlineUs);
    // A reply usually comes within microseconds: look again a few times before sleeping,
    // which saves the wake-up latency of a condition variable on every call.
    // (Busy, without yielding: under load a yield can cost a whole time slice.)
    for (const auto spinUntil = Clock::now() + std::chrono::microseconds(20);
         Clock::now() < spinUntil;)
        if (ready()) return true;
    for (;;) {
        std::uint64_t seen;
        {
            std::lock_guard guard(waitLock_);
            seen = notifications_;
        }
        if (ready()) return true;
        std::unique_lock lock(waitLock_);
        ++waiters_;
        bool woken = true;
        if (deadlineUs < 0)
            waitChanged_.wait(lock, [&] { return notifications_ != seen; });
        else
            woken = waitChanged_.wait_until(lock, deadline, [&] { return notifications_ != seen; });
        --waiters_;
        if (!woken) {
            lock.unlock();
            return ready();
        }
    }
}

} // namespace suplab
