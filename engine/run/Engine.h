#pragma once
// One run's engine, put together: a scheduler for the chosen clock, the event
// stream, the process runtime and the Port through which the outside drives it.
// Destroying it stops every engine thread and every process.

#include "events/EventBus.h"
#include "process/Runtime.h"
#include "run/Port.h"
#include "sched/Scheduler.h"

#include <memory>

namespace suplab {

enum class ClockKind : unsigned char { Virtual, Real };

class VirtualScheduler;

class Engine {
  public:
    /// threads: worker threads for the real clock (0: one per core).
    explicit Engine(ClockKind clock, std::uint64_t seed = 0, unsigned threads = 0);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

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

std::optional<ClockKind> clockFromString(std::string_view name);

} // namespace suplab
