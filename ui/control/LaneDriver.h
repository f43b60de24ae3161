#pragma once
// One engine playing one scenario, driven from the engine thread in small steps:
// the script cursor, settle_ms and the stop at the end live here, so that a single
// run and the lanes of a comparison advance in exactly the same way.

#include "console/EngineWorld.h"
#include "console/Evaluator.h"
#include "run/Action.h"
#include "run/Engine.h"
#include "run/ScenarioPlayer.h"
#include "scenario/Scenario.h"
#include "supervision/ChildApi.h"

#include <QString>
#include <memory>
#include <vector>

namespace suplab {

/// What an action did, for the GUI.
struct LaneOutcome {
    QString what;
    bool ok = true;
    QString message;
    bool inspection = false;
    QString path;
    QString text;
    std::vector<ChildInfo> children;
    ChildCounts counts;
};

/// How a run begins: the tree up (an example, a scenario file) or down until the
/// console's first line starts it (the lesson's sessions); `modules` is the Elixir
/// source whose functions the console can call (an imported file), or empty.
struct RunStart {
    bool treeUp = true;
    std::string modules;
};

class LaneDriver {
  public:
    LaneDriver(Scenario scenario, ClockKind clock, EventSink* sink, RunStart start = {});
    ~LaneDriver();

    /// Virtual clock: plays what is due up to `targetUs` and leaves the clock there.
    void advanceTo(std::int64_t targetUs);
    /// Real clock: plays the script steps due by now.
    void poll();
    /// Virtual clock: when the next thing happens (a timer, a step, the final stop), or -1.
    std::int64_t nextDueUs();
    std::int64_t nowUs() { return engine_->runtime().nowUs(); }

    /// Runs `action` (run/Action.h) on this lane's engine and says what it did.
    LaneOutcome execute(const Action& action);
    Engine& engine() { return *engine_; }
    /// Evaluates one console line on this lane's engine (console/Evaluator.h); a
    /// Process.sleep in it ends early once `cancelled` says so.
    console::Reply evaluate(const std::string& line, std::function<bool()> cancelled = {});

  private:
    void settleAndStop(std::int64_t byUs);

    Scenario scenario_;
    EventSink* sink_;
    std::unique_ptr<Engine> engine_;
    std::unique_ptr<ScenarioPlayer> player_;
    std::string modules_;
    // The console's, made at its first line; they refer to engine_ and go before it.
    std::unique_ptr<console::EngineWorld> world_;
    std::unique_ptr<console::Evaluator> evaluator_;
    std::size_t next_ = 0;
    std::int64_t settleUntil_ = -1; // once the script is done: when to stop the root
    bool finished_ = false;
};

} // namespace suplab
