#pragma once
// Writes a scenario back as a format-1 file (docs/scenario-format.md), keys in the order the
// spec lists them and defaults left out, so what an import or an edit produced can
// be saved, read by a person, and loaded again to the same scenario.

#include "scenario/Scenario.h"

#include <string>

namespace suplab {

/// The scenario as pretty-printed JSON (two-space indent, a trailing newline).
std::string writeScenario(const Scenario& scenario);

/// One node as compact JSON (for a script step's `child`).
std::string writeNode(const NodeSpec& node);

} // namespace suplab
