#pragma once
// A tree without some of its nodes: what the import dialog leaves out when a person
// drops a child the source starts only under a condition.

#include "scenario/Scenario.h"

#include <set>
#include <string>

namespace suplab {

/// `root` without the nodes at `paths` (ids from the root, joined by '/') and their
/// descendants. The root itself is never removed; nodes not named stay shared.
NodePtr withoutNodes(const NodePtr& root, const std::set<std::string>& paths);

} // namespace suplab
