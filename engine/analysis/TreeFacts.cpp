#include "TreeFacts.h"

#include "supervision/ChildFactory.h"

#include <algorithm>

namespace suplab {

TreeFacts::TreeFacts(const Scenario& scenario) : root_(scenario.root->id), keep_(scenario.root) {
    add(scenario.root, root_);
}

void TreeFacts::add(const NodePtr& node, const std::string& path) {
    specs_[path] = node.get();
    for (const auto& child : node->children)
        add(child, childPath(path, child->id));
}

const NodeSpec* TreeFacts::spec(const std::string& path) const {
    const auto it = specs_.find(path);
    return it == specs_.end() ? nullptr : it->second;
}

std::string TreeFacts::parentOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::vector<std::string> TreeFacts::ancestorsOf(const std::string& path) {
    std::vector<std::string> out;
    for (std::string p = parentOf(path); !p.empty(); p = parentOf(p))
        out.push_back(p);
    return out;
}

std::int64_t TreeFacts::sustainUs(const std::string& path) const {
    std::int64_t seconds = 0;
    for (const auto& a : ancestorsOf(path))
        if (const NodeSpec* s = spec(a)) seconds += 2 * (std::int64_t(s->max_seconds) + 1);
    return std::max<std::int64_t>(seconds, 10) * 1'000'000;
}

} // namespace suplab
