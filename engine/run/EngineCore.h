#pragma once
// One run's engine, put together: a scheduler for the chosen clock, the event
// stream, the process runtime and the Port through which the outside drives it.
// Destroying it stops every engine thread and every process. This is the engine's
// inside, for the features built on runs (player, console, compare, soak, bench);
// the GUI drives a run through the narrow facade/Engine.h instead.

#include "events/EventBus.h"
#include "process/Runtime.h"
#include "run/ClockKind.h"
#include "run/Port.h"
#include "sched/Scheduler.h"

#include <memory>

namespace suplab {

class VirtualScheduler;

class EngineCore {
  public:
    /// threads: worker threads for the real clock (0: one per core).
    explicit EngineCore(ClockKind clock, std::uint64_t seed = 0, unsigned threads = 0);
    ~EngineCore();
    EngineCore(const EngineCore&) = delete;
    EngineCore& operator=(const EngineCore&) = delete;

    ClockKind clock() const { return clock_; }
    Runtime& runtime() { return *runtime_; }
    EventBus& events() { return events_; }
    Scheduler& scheduler() { return *scheduler_; }
    Port& port() { return *port_; }
    /// The virtual scheduler, or nullptr on the real clock.
    VirtualScheduler* virtualScheduler();

    /// Stops the engine's threads and destroys every process (idempotent).
    void shutdown();

  private:
    ClockKind clock_;
    EventBus events_;
    std::unique_ptr<Scheduler> scheduler_;
    std::unique_ptr<Runtime> runtime_;
    std::shared_ptr<Port> port_;
};

} // namespace suplab
