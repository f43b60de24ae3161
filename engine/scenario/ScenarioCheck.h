#pragma once
// The rules a scenario must keep, checked on the value itself, however it was made:
// read from a file (ScenarioLoader), imported from Elixir, or built by the GUI. The
// loader checks only what is particular to JSON text (types, unknown keys, names);
// everything about the tree and the script is judged here, once.
//
// A problem's `where` is a location in the scenario format's own terms
// (`root.children[1].significant`, `script[2].target`), so the loader can prefix its
// file name and a person can find the place in any of the three sources.

#include "scenario/Scenario.h"

#include <string>
#include <vector>

namespace suplab {

struct ScenarioProblem {
    std::string where;
    std::string what; // `expected ..., got ...`
};

/// Every rule `scenario` breaks, in tree order then script order; empty when it is sound.
std::vector<ScenarioProblem> checkScenario(const Scenario& scenario);

/// The rules for a child started at run time (start_child from a script step, the
/// GUI or the console), whose parent is known only then: `significant` is judged
/// against a parent that allows it, and the supervisor re-checks.
std::vector<ScenarioProblem> checkStartedChild(const NodeSpec& child, const std::string& where);

/// The path of the process a problem's `where` lies in (`Root/child` for
/// `root.children[1].significant`), or empty when it is in no node (the script).
std::string processPathAt(const Scenario& scenario, const std::string& where);

/// The behaviours a worker can have.
const std::vector<std::string>& knownBehaviours();

/// `a, b or c`.
std::string joinWords(const std::vector<std::string>& words);

/// A path such as `Root/child`: not empty, no empty segment.
bool isValidPath(const std::string& path);

} // namespace suplab
