#pragma once
// A seeded fault injector, as script steps: faults at exponentially distributed
// times (rate per second) for `duration`, each a kill, a crash or an exit signal,
// aimed at a process of the scenario's tree that matches the target filter.
// The same seed gives the same faults, at the same instants, on the same paths,
// so every lane of a comparison receives exactly the same ones.

#include "scenario/Scenario.h"

#include <cstdint>
#include <string>
#include <vector>

namespace suplab {

struct ChaosOptions {
    double ratePerSecond = 1.0;
    double durationSeconds = 10.0;
    std::uint64_t seed = 0;
    std::int64_t startMs = 0; // first possible fault
    std::vector<StepAction> kinds = {StepAction::Kill, StepAction::Crash};
    std::string crashReason = "boom"; // for crash; exit signals use it too
    std::string subtree;              // only paths at or below this one (empty: all)
    bool workersOnly = true;
};

/// The candidate targets: the tree's static paths that match the filter, in tree order.
std::vector<std::string> chaosTargets(const NodeSpec& root, const ChaosOptions& options);

/// The faults, in time order.
std::vector<ScriptStep> chaosSteps(const NodeSpec& root, const ChaosOptions& options);

/// `scenario` with `faults` merged into its script (ties: the scenario's own steps first).
Scenario withFaults(const Scenario& scenario, const std::vector<ScriptStep>& faults);

} // namespace suplab
