#include "FoldPolicy.h"

#include "state/TreeState.h"

#include <vector>

namespace suplab {

namespace {
/// The children of `n` that are drawn (a removed child is not).
int liveChildren(const TreeState& state, const ProcessNode& n, std::vector<std::string>* out) {
    int count = 0;
    for (const auto& c : n.children) {
        const ProcessNode* child = state.find(c);
        if (!child || child->state == ProcessState::Removed) continue;
        ++count;
        if (out) out->push_back(c);
    }
    return count;
}
} // namespace

std::set<std::string> FoldPolicy::folded(const TreeState& state) const {
    std::set<std::string> result;
    std::vector<std::string> level{state.rootPath()};
    int visible = 1;
    bool root = true;
    while (!level.empty()) {
        std::vector<std::string> next;
        std::vector<const ProcessNode*> candidates;
        int adding = 0;
        for (const auto& path : level) {
            const ProcessNode* n = state.find(path);
            if (!n) continue;
            const int kids = liveChildren(state, *n, nullptr);
            if (kids == 0) continue;
            if (root || userUnfolded.count(path)) {
                visible += liveChildren(state, *n, &next);
            } else if (userFolded.count(path)) {
                result.insert(path);
            } else {
                candidates.push_back(n);
                adding += kids;
            }
        }
        root = false;
        const bool open = visible + adding <= budget;
        for (const ProcessNode* n : candidates) {
            if (open)
                liveChildren(state, *n, &next);
            else
                result.insert(n->path);
        }
        if (open) visible += adding;
        level = std::move(next);
    }
    return result;
}

void FoldPolicy::toggle(const std::string& path, bool nowFolded) {
    (nowFolded ? userFolded : userUnfolded).insert(path);
    (nowFolded ? userUnfolded : userFolded).erase(path);
}

} // namespace suplab
