#include "VirtualScheduler.h"

#include "process/Process.h"

namespace suplab {

void VirtualScheduler::enqueue(Process* process) {
    runQueue_.push_back(process);
}

void VirtualScheduler::startTimer(Ref ref, Pid target, std::int64_t delayUs) {
    timers_.push(now_ + (delayUs < 0 ? 0 : delayUs), ref, target);
}

std::int64_t VirtualScheduler::nextTimerUs() {
    return timers_.empty() ? -1 : timers_.top().due;
}

bool VirtualScheduler::step(std::int64_t limitUs) {
    if (!runQueue_.empty()) {
        Process* process = runQueue_.front();
        runQueue_.pop_front();
        process->runScheduled(); // one that ended is destroyed here
        return true;
    }
    const std::int64_t due = nextTimerUs();
    if (due < 0 || (limitUs >= 0 && due > limitUs)) return false;
    const TimerHeap::Timer timer = timers_.pop();
    if (timer.due > now_) now_ = timer.due;
    fire(timer.ref, timer.target);
    return true;
}

void VirtualScheduler::advanceTo(std::int64_t limitUs) {
    while (step(limitUs)) {
    }
    if (limitUs > now_) now_ = limitUs;
}

bool VirtualScheduler::waitUntil(const std::function<bool()>& ready, std::int64_t deadlineUs) {
    for (;;) {
        if (ready()) return true;
        if (!step(deadlineUs)) break;
    }
    if (deadlineUs > now_) now_ = deadlineUs;
    return ready();
}

void VirtualScheduler::stop() {
    runQueue_.clear();
    timers_.clear();
}

} // namespace suplab
