#pragma once
// Virtual time on one thread: runnable processes run in FIFO order; when none is
// left, the clock jumps to the next timer. The same scenario gives the same
// event log every run, as fast as the machine allows. The GUI drives it in
// steps (advanceTo / step) to pause and pace it.

#include "sched/Scheduler.h"
#include "sched/TimerHeap.h"

#include <deque>
#include <vector>

namespace suplab {

class VirtualScheduler final : public Scheduler {
  public:
    void enqueue(Process* process) override;
    std::int64_t nowUs() const override { return now_; }
    void resetClock() override { now_ = 0; }
    void startTimer(Ref ref, Pid target, std::int64_t delayUs) override;
    void cancelTimer(Ref ref) override { timers_.cancel(ref); }
    bool waitUntil(const std::function<bool()>& ready, std::int64_t deadlineUs) override;
    void notify() override {}
    bool isVirtual() const override { return true; }
    void stop() override;

    /// Runs one runnable process, or else fires the next timer due by `limitUs`.
    /// False when there was nothing to do by then.
    bool step(std::int64_t limitUs);
    /// Does all the work due by `limitUs` and leaves the clock there.
    void advanceTo(std::int64_t limitUs);
    /// When the next timer is due, or -1 when none is pending.
    std::int64_t nextTimerUs();

  private:
    std::int64_t now_ = 0;
    std::deque<Process*> runQueue_;
    TimerHeap timers_; // due in virtual microseconds
};

} // namespace suplab
