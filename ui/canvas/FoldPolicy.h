#pragma once
// Which subtrees the canvas folds into one box, so that a tree of any size stays
// legible: levels are opened from the root down while the boxes they add fit in a
// budget; a level that would not fit is folded whole (every box at one depth is
// then drawn the same way). What the user folded or unfolded by hand is kept.

#include <set>
#include <string>

namespace suplab {

class TreeState;

struct FoldPolicy {
    /// About as many boxes as a window shows legibly when the tree is fitted.
    int budget = 150;
    std::set<std::string> userFolded;
    std::set<std::string> userUnfolded;

    /// The paths to draw folded (the root is never folded).
    std::set<std::string> folded(const TreeState& state) const;
    /// The user folds or unfolds `path` by hand.
    void toggle(const std::string& path, bool nowFolded);
};

} // namespace suplab
