#pragma once
// Where a worker's dependencies (`uses`) and its supervisor disagree: it calls a
// sibling placed after it, or a dependency's restart leaves it holding a dead pid so
// that it crashes (noproc) on its next call. Each finding comes with the order or
// strategy that avoids it, checked by running the changed tree.

#include "analysis/Analysis.h"
#include "analysis/TreeFacts.h"
#include "analysis/TrialTree.h"

namespace suplab {

/// The findings for the worker at `path` (none when it uses nothing or all is well).
std::vector<Finding> dependencyFindings(TrialTree& tree, const Scenario& scenario,
                                        const TreeFacts& facts, const std::string& path);

} // namespace suplab
