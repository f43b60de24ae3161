#include "TreeSnapshot.h"

#include "state/TreeState.h"

namespace suplab {

namespace {

const char* diagramState(ProcessState s) {
    switch (s) {
    case ProcessState::Starting:
    case ProcessState::Running:
    case ProcessState::Stopping:
        return "running";
    case ProcessState::Restarting:
        return "restarting";
    case ProcessState::NotStarted:
    case ProcessState::Down:
    case ProcessState::Removed:
        return "down";
    }
    return "running";
}

NodePtr copy(const TreeState& state, const ProcessNode& n, DiagramStates* states) {
    auto node = n.spec ? std::make_shared<NodeSpec>(*n.spec) : std::make_shared<NodeSpec>();
    node->id = n.id;
    node->children.clear();
    if (states) (*states)[n.path] = diagramState(n.state);
    for (const auto& childPath : n.children) {
        const ProcessNode* child = state.find(childPath);
        if (!child || child->state == ProcessState::Removed) continue;
        node->children.push_back(copy(state, *child, states));
    }
    return node;
}

} // namespace

NodePtr liveTree(const TreeState& state, DiagramStates* states) {
    return copy(state, state.root(), states);
}

} // namespace suplab
