#include "ScenarioPrune.h"

namespace suplab {

namespace {

NodePtr prune(const NodePtr& node, const std::string& path, const std::set<std::string>& paths) {
    bool changed = false;
    std::vector<NodePtr> kept;
    for (const NodePtr& child : node->children) {
        const std::string childPath = path + "/" + child->id;
        if (paths.count(childPath)) {
            changed = true;
            continue;
        }
        NodePtr pruned = prune(child, childPath, paths);
        changed = changed || pruned != child;
        kept.push_back(std::move(pruned));
    }
    if (!changed) return node; // untouched subtrees stay shared
    auto copy = std::make_shared<NodeSpec>(*node);
    copy->children = std::move(kept);
    return copy;
}

} // namespace

NodePtr withoutNodes(const NodePtr& root, const std::set<std::string>& paths) {
    if (!root || paths.empty()) return root;
    return prune(root, root->id, paths);
}

} // namespace suplab
