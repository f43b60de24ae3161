#pragma once
// What differs between the lanes of a comparison: the strategy or intensity of
// any supervisor, the restart type of any child.
//   "strategy=rest_for_one"                      the root's strategy
//   "max_restarts=10,max_seconds=1"              the root's intensity
//   "App/Db.strategy=one_for_all"                another supervisor's
//   "App/Db/Pool.restart=transient"              a child's restart type

#include "scenario/Scenario.h"

#include <string>
#include <vector>

namespace suplab {

struct Override {
    std::string path; // empty: the root
    std::string key;
    std::string value;
};

struct LaneSpec {
    std::string label; // as the user wrote it
    std::vector<Override> overrides;
};

/// Parses one --lane value; problems are appended to `errors`.
LaneSpec parseLane(const std::string& text, std::vector<std::string>& errors);

/// `scenario` with the lane's overrides applied; problems (unknown path, a key
/// that does not apply there, a bad value) are appended to `errors`.
Scenario applyLane(const Scenario& scenario, const LaneSpec& lane,
                   std::vector<std::string>& errors);

} // namespace suplab
