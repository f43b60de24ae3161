#pragma once
// Tidy top-down tree layout as plain arithmetic (no graphics): leaves take
// consecutive slots left to right (each as wide as its box), a parent sits centred
// over its children (and makes room when it is wider than they are), each depth is
// a row. Collapsed subtrees count as one leaf. Many leaves under one parent are
// stacked in a grid (about square), so that wide supervisors stay on screen.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace suplab {

struct LayoutInput {
    std::string id;
    std::vector<int> children; // indices into the input vector
    double width = 0;          // this box's width; 0: TreeLayout::nodeWidth
};

struct NodeBox {
    double x = 0; // centre
    double y = 0; // top
    int depth = 0;
    bool visible = true;
};

struct TreeLayout {
    double nodeWidth = 150;
    double nodeHeight = 64;
    double hGap = 18;
    double vGap = 54;
    /// More leaf children than this are stacked in a grid, at least this many columns
    /// wide and wider for many children, so that a big grid is about as wide as high.
    int gridColumns = 4;
    int columnsFor(int leaves) const;

    /// Boxes for `nodes` (root at index 0); children of collapsed nodes are hidden.
    std::vector<NodeBox> compute(const std::vector<LayoutInput>& nodes,
                                 const std::set<int>& collapsed = {}) const;
    double slotWidth() const { return nodeWidth + hGap; }
    double rowHeight() const { return nodeHeight + vGap; }
};

} // namespace suplab
