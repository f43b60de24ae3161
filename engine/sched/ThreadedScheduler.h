#pragma once
// The real clock: a pool of worker threads (one per core by default) takes
// runnable processes from a shared queue; a timer thread delivers timers on the
// wall clock.

#include "sched/Scheduler.h"
#include "sched/TimerHeap.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <limits>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace suplab {

class ThreadedScheduler final : public Scheduler {
  public:
    /// threads == 0: one per hardware thread.
    explicit ThreadedScheduler(unsigned threads = 0);
    ~ThreadedScheduler() override;

    void enqueue(Process* process) override;
    std::int64_t nowUs() const override;
    void resetClock() override;
    void startTimer(Ref ref, Pid target, std::int64_t delayUs) override;
    void cancelTimer(Ref ref) override;
    bool waitUntil(const std::function<bool()>& ready, std::int64_t deadlineUs) override;
    void notify() override;
    bool isVirtual() const override { return false; }
    void stop() override;

    unsigned threadCount() const { return static_cast<unsigned>(workers_.size()); }

    /// A timer not yet in the heap (see startTimer).
    struct StagedTimer {
        std::int64_t delayNs; // from when the thread first looks at it
        Ref ref;
        Pid target;
        std::int64_t dueNs = 0; // Clock nanoseconds, once the thread has looked (else 0)
    };

  private:
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kGraveBatch = 64;
    void workerLoop();
    void timerLoop();
    /// Puts timers into the heap, due `delayNs` after `nowNs` (Clock nanoseconds)
    /// unless already given a due time, waking the timer thread if one comes first.
    void publishTimers(std::span<const StagedTimer> timers, std::int64_t nowNs);
    /// Hands a worker's staged timers to the heap: all of them (the worker is about
    /// to sleep), or only those due soon.
    void publishStaged(std::vector<StagedTimer>& staged, bool all);
    /// A staged timer due later than this stays with its busy worker, which will
    /// most likely cancel it first (a shutdown's 5 s wait for an exit that comes
    /// within microseconds): handing it over would wake the timer thread for nothing.
    static constexpr std::int64_t kStageAheadNs = 20'000'000;
    static constexpr std::size_t kMaxStaged = 256; // beyond this, all go (cancels scan the list)
    /// Hands a batch of ended processes to a sleeping worker to destroy, or
    /// destroys them here when every worker is busy. Empties `graves`.
    void bury(std::vector<std::shared_ptr<Process>>& graves);
    /// How many queued processes a sleeping worker (runLock_ held, counted in
    /// sleepingWorkers_) leaves to the others: one while another worker is awake,
    /// which comes to it within its next runs, else none. Taking a lone process
    /// would move a serial exchange (a supervisor and the child it waits for, a
    /// caller and its callee) to the other core and back; woken for chores (the
    /// dead to destroy, a spare slab to make), a worker does those.
    std::size_t leftToTheAwake() const;

    std::atomic<std::int64_t> epochNs_;

    std::mutex runLock_;
    std::condition_variable runReady_;
    std::deque<Process*> runQueue_;
    std::vector<std::shared_ptr<Process>> graveyard_; // ended processes for an idle worker
    bool stopping_ = false;
    unsigned sleepingWorkers_ = 0; // only wake a worker when one sleeps (no futex call otherwise)
    unsigned poolSize_ = 0;        // worker threads (workers_ grows while they start)
    std::vector<std::thread> workers_;

    std::mutex timerLock_;
    std::condition_variable timerChanged_;
    TimerHeap timers_; // due in Clock nanoseconds
    static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
    std::int64_t timerWakeNs_ = kNever; // when the timer thread wakes next on its own
    bool timersStopping_ = false;
    std::thread timerThread_;

    std::mutex waitLock_;
    std::condition_variable waitChanged_;
    std::uint64_t notifications_ = 0;
    int waiters_ = 0;
};

} // namespace suplab
