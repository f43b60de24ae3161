#pragma once
// Reads a scenario file strictly (docs/scenario-format.md): every problem is reported, one
// line each, as `FILE: LOCATION: what was expected, what was found`. Nothing in a
// rejected file is used. What is particular to JSON is checked here; the rules of the
// tree and the script are checkScenario's (ScenarioCheck.h), which every scenario
// value meets however it was made.

#include "scenario/Scenario.h"
#include "scenario/ScenarioCheck.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace suplab {

struct LoadResult {
    std::optional<Scenario> scenario;
    std::vector<std::string> errors;
    bool ok() const { return scenario.has_value(); }
};

/// `label` names the file in messages (usually the path as the user gave it).
LoadResult loadScenarioText(std::string_view text, const std::string& label);
LoadResult loadScenarioFile(const std::string& path);

inline constexpr std::size_t kMaxScenarioBytes = 16u << 20;

} // namespace suplab
