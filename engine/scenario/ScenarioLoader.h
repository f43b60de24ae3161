#pragma once
// Reads a scenario file strictly (docs/scenario-format.md): every problem is reported, one
// line each, as `FILE: LOCATION: what was expected, what was found`. Nothing in a
// rejected file is used.

#include "scenario/Scenario.h"

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

/// Checks one node the way the loader checks a scenario's nodes (for start_child
/// from the GUI or a test). `where` prefixes the messages.
std::vector<std::string> validateNodeText(std::string_view json, const std::string& where,
                                          NodePtr* out);

/// The behaviours a worker can have.
const std::vector<std::string>& knownBehaviours();

inline constexpr std::size_t kMaxScenarioBytes = 16u << 20;

} // namespace suplab
