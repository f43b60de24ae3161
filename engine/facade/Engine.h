#pragma once
// The engine as the GUI sees it: one run of one scenario, and four things to do
// with it. Post an action (perform), subscribe to its events (subscribe), drive
// its clock (advanceTo, poll, nextDueUs) and ask a question (inspect, evaluate).
// Nothing of the runtime, the schedulers or the supervisors shows through; the
// types in these signatures are values.
//
// One thread owns an Engine: every call comes from it (the GUI's engine thread).
// Destroying it stops every engine thread and every process of the run.

#include "console/Reply.h"
#include "events/EventSink.h"
#include "run/Action.h"
#include "run/ClockKind.h"
#include "scenario/Scenario.h"
#include "supervision/ChildApi.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace suplab {

/// How a run begins: the tree up (an example, a scenario file) or down until the
/// console's first line starts it (the lesson's sessions); `modules` is the Elixir
/// source whose functions the console can call (an imported file), or empty.
struct RunStart {
    bool treeUp = true;
    std::string modules;
};

/// What inspect() found at a path.
struct Inspection {
    bool running = false; // false: nothing runs at that path now (an answer, not an error)
    std::string text;     // a worker's state, or a supervisor's summary
    std::vector<ChildInfo> children; // a supervisor's which_children
    ChildCounts counts;              // and its count_children
};

class Engine {
  public:
    /// A run of `scenario` on `clock`, not started: subscribe first to see every event.
    Engine(Scenario scenario, ClockKind clock);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// Every event of the run from now on goes to `sink` too, on the engine's threads.
    void subscribe(EventSink* sink);
    void unsubscribe(EventSink* sink);

    /// Starts the tree (unless `how` keeps it down for the console) and the dynamic
    /// supervisors' initial children.
    void start(RunStart how = {});

    ClockKind clock() const;
    /// The run's clock, in µs since the root started.
    std::int64_t nowUs() const;
    /// Virtual clock: plays everything due up to `targetUs` (script steps, timers, the
    /// stop after settle_ms) and leaves the clock there.
    void advanceTo(std::int64_t targetUs);
    /// Real clock: plays the script steps due by now.
    void poll();
    /// Virtual clock: when the next thing happens (a timer, a step, the final stop), or -1.
    std::int64_t nextDueUs();

    /// Does `action` (run/Action.h) as a script step, the console or a menu would.
    ActionResult perform(const Action& action);
    /// A worker's state, or a supervisor's children and counts, at `path`.
    Inspection inspect(const std::string& path);
    /// One console line, as iex would evaluate it; a Process.sleep in it ends early
    /// once `cancelled` says so.
    console::Reply evaluate(const std::string& line, std::function<bool()> cancelled = {});

  private:
    struct Run;
    std::unique_ptr<Run> run_;
};

} // namespace suplab
