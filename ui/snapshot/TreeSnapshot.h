#pragma once
// The tree as it stands in the window (children started at run time included,
// removed ones left out), for the text exports, with each process's state.

#include "export/TreeDiagram.h"
#include "scenario/Scenario.h"

namespace suplab {

class TreeState;

/// The live tree as nodes; `states` (if given) gets each path's state for a diagram.
NodePtr liveTree(const TreeState& state, DiagramStates* states = nullptr);

} // namespace suplab
