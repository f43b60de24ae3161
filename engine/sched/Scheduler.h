#pragma once
// Runs processes and timers, and owns the run's clock. Two implementations:
// VirtualScheduler (one thread, virtual time, deterministic) and
// ThreadedScheduler (a pool of worker threads on the wall clock).

#include "base/Message.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace suplab {

class Process;
class Runtime;

class Scheduler {
  public:
    virtual ~Scheduler() = default;

    void attach(Runtime* runtime) { runtime_ = runtime; }

    /// A process has become runnable (it was idle and got a signal). Queues hold
    /// plain pointers: a queued process cannot end before it runs (it ends only in
    /// its own run), so the runtime's table keeps it alive until then, and the
    /// run that ends it hands its last reference to whoever ran it.
    virtual void enqueue(Process* process) = 0;

    /// Microseconds since the run's clock started.
    virtual std::int64_t nowUs() const = 0;
    /// Restarts the clock at zero (the root's start).
    virtual void resetClock() = 0;

    /// In `delayUs`, delivers TimerMsg{ref} to `target` unless cancelled first.
    virtual void startTimer(Ref ref, Pid target, std::int64_t delayUs) = 0;
    virtual void cancelTimer(Ref ref) = 0;

    /// Blocks the calling (non-engine) thread until `ready()` holds or the clock
    /// reaches `deadlineUs` (negative: no deadline); the virtual scheduler does the
    /// engine's work meanwhile. `ready` is re-checked whenever `notify()` is called
    /// (virtual: after every step). Returns ready().
    virtual bool waitUntil(const std::function<bool()>& ready, std::int64_t deadlineUs) = 0;
    /// Wakes a waitUntil() in progress so that it re-checks its condition.
    virtual void notify() = 0;

    virtual bool isVirtual() const = 0;
    /// Stops worker threads; no process runs afterwards.
    virtual void stop() = 0;

  protected:
    void fire(Ref ref, Pid target);
    Runtime* runtime_ = nullptr;
};

} // namespace suplab
