#pragma once
// Runs the same scenario once per lane, with the same faults at the same instants
// on the same paths (on the virtual clock, so a seed gives one answer), and
// tabulates what each lane's supervisors made of them (compare/MetricCatalog.h).

#include "chaos/ChaosSchedule.h"
#include "compare/LaneOverrides.h"
#include "compare/RunMetrics.h"
#include "compare/SeedSpread.h"

#include <optional>
#include <string>
#include <vector>

namespace suplab {

struct CompareOptions {
    std::optional<ChaosOptions> chaos;
    bool withScript = true;  // false: the chaos only (--no-script)
    bool keepEvents = false; // keep each lane's events (--events)
};

struct LaneResult {
    std::string label;
    RunMetrics metrics;
    std::vector<Event> events; // what the metrics read (only with keepEvents)
};

/// The end of the window a comparison measures, in µs: the end of the chaos
/// (--duration) or the script's last step, whichever is later, then settle_ms.
std::int64_t measuredWindowEndUs(const Scenario& played, const std::optional<ChaosOptions>& chaos);

/// `scenario` as a lane plays it: the script (or none) with the chaos's faults merged in.
Scenario playedScenario(const Scenario& scenario, const CompareOptions& options);

/// What the metrics of a run of `played` are measured against.
MeasureWindow measureWindowOf(const Scenario& played, std::int64_t endUs);

/// Plays the scenario in every lane, on to the end of measuredWindowEndUs().
std::vector<LaneResult> compareLanes(const Scenario& scenario, const std::vector<LaneSpec>& lanes,
                                     const CompareOptions& options);

/// Where the numbers need a caveat, in one sentence each: a restart that costs no
/// time on the virtual clock because the workers declare no init_ms.
std::vector<std::string> comparisonNotes(const Scenario& scenario);

std::string comparisonCsv(const std::vector<LaneResult>& results);
std::string comparisonJson(const std::vector<LaneResult>& results,
                           const std::vector<std::string>& notes);

/// Over several seeds: per lane and metric (MetricCatalog order), how it spread.
struct LaneDistribution {
    std::string label;
    int runs = 0;
    std::vector<std::optional<SeedSpread>> metrics;
};
/// A lane whose interval for a metric lies wholly on the better side of another's.
struct Verdict {
    std::string metric;
    std::string better;
    std::string worse;
};
struct SeedRun {
    std::uint64_t seed = 0;
    std::vector<LaneResult> lanes;
};
std::vector<LaneDistribution> distribute(const std::vector<SeedRun>& runs);
std::vector<Verdict> verdictsOf(const std::vector<LaneDistribution>& distribution);
std::string distributionCsv(const std::vector<LaneDistribution>& distribution);
/// One row per seed and lane: `seed,lane,` then comparisonCsv()'s columns.
std::string perSeedCsv(const std::vector<SeedRun>& runs);
std::string distributionJson(const std::vector<LaneDistribution>& distribution,
                             const std::vector<SeedRun>& runs,
                             const std::vector<std::string>& notes);

/// A file name for a lane's event log: `lane1-strategy=one_for_one.jsonl`.
std::string laneLogName(std::size_t laneIndex, const std::string& label,
                        std::optional<std::uint64_t> seed = std::nullopt);

} // namespace suplab
