#pragma once
// Runs the same scenario once per lane, with the same faults at the same instants
// on the same paths (on the virtual clock, so a seed gives one answer), and
// tabulates what each lane's supervisors made of them.

#include "chaos/ChaosSchedule.h"
#include "compare/LaneOverrides.h"
#include "compare/RunMetrics.h"

#include <optional>
#include <string>
#include <vector>

namespace suplab {

struct LaneResult {
    std::string label;
    RunMetrics metrics;
};

/// The end of the window a comparison measures, in µs: the end of the chaos, or
/// the last step of `played` (its script with the faults merged in) plus settle_ms
/// when that is later. A window that ended at the last fault would end at a random
/// instant, and runs over several seeds would each measure a different span.
std::int64_t measuredWindowEndUs(const Scenario& played, const std::optional<ChaosOptions>& chaos);

/// Plays `scenario` (its script plus the chaos faults, if any) in every lane, on to
/// the end of measuredWindowEndUs(), before any final stop.
std::vector<LaneResult> compareLanes(const Scenario& scenario, const std::vector<LaneSpec>& lanes,
                                     const std::optional<ChaosOptions>& chaos);

std::string comparisonCsv(const std::vector<LaneResult>& results);
std::string comparisonJson(const std::vector<LaneResult>& results);

/// Over several seeds: per lane, how often the root failed and the means.
struct LaneDistribution {
    std::string label;
    int runs = 0;
    int rootFailures = 0;
    double meanRestarts = 0;
    double meanGiveUps = 0;
    double meanAvailability = 0;
    double meanRecoveryMs = 0;
};
std::vector<LaneDistribution> distribute(const std::vector<std::vector<LaneResult>>& perSeed);
std::string distributionCsv(const std::vector<LaneDistribution>& d);
std::string distributionJson(const std::vector<LaneDistribution>& d);

} // namespace suplab
