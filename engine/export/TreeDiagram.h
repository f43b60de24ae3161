#pragma once
// The tree as text diagrams: Mermaid (the `graph TD` form Livebook's Kino.Process
// draws, with its root/supervisor/worker classes) and Graphviz DOT.

#include "scenario/Scenario.h"

#include <map>
#include <string>

namespace suplab {

/// What each process (by path) is doing when the diagram is drawn, for its colour:
/// "running", "restarting", "down" or "not_started". A path not in the map is drawn
/// as running, so a scenario alone draws its whole tree.
using DiagramStates = std::map<std::string, std::string>;

std::string treeMermaid(const NodeSpec& root, const DiagramStates& states = {});
std::string treeDot(const NodeSpec& root, const DiagramStates& states = {});

} // namespace suplab
