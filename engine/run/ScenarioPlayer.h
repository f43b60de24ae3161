#pragma once
// Plays a scenario as the reference runner does: start the tree, then the dynamic
// supervisors' initial children (depth first), then the script step by step, then
// settle_ms, then the root's shutdown when stop_at_end. API steps are synchronous
// calls: a slow start_child delays the steps after it, as on the BEAM.

#include "events/Event.h"
#include "run/Action.h"
#include "run/EngineCore.h"
#include "scenario/Scenario.h"

#include <vector>

namespace suplab {

class ScenarioPlayer {
  public:
    ScenarioPlayer(EngineCore& engine, const Scenario& scenario);

    /// Plays the whole scenario; returns when it is over.
    void play();

    /// The parts of play(), for a driver that paces the run itself (the GUI).
    bool startTree(bool fromTimeZero = true);
    void startDynamicChildren();
    void perform(const ScriptStep& step);
    /// The step as the action every caller uses (see run/Action.h).
    static Action actionFor(const ScriptStep& step);
    void finish();

    Pid rootPid() const { return root_; }

  private:
    void startDynamicChildren(const NodeSpec& node, const std::string& path);
    void reportError(const char* op, const std::string& subject, const std::string& word);

    EngineCore& engine_;
    const Scenario& scenario_;
    Pid root_ = kNoPid;
};

/// Plays `scenario` on a fresh engine with `clock` and returns every event, in seq order.
std::vector<Event> playScenario(const Scenario& scenario, ClockKind clock);

} // namespace suplab
