#include "TreeLayout.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace suplab {

int TreeLayout::columnsFor(int leaves) const {
    // A box is about 2.5 times as wide as it is high: this many columns make a grid of
    // n boxes about as wide as it is high.
    return std::max(gridColumns, int(std::ceil(std::sqrt(double(leaves) * 1.5))));
}

std::vector<NodeBox> TreeLayout::compute(const std::vector<LayoutInput>& nodes,
                                         const std::set<int>& collapsed) const {
    std::vector<NodeBox> boxes(nodes.size());
    for (auto& b : boxes)
        b.visible = false;
    if (nodes.empty()) return boxes;
    double nextSlot = 0;
    // Iterative post-order would do as well; trees are at most a few thousand deep.
    std::function<double(int, int)> place = [&](int index, int depth) -> double {
        NodeBox& box = boxes[static_cast<std::size_t>(index)];
        box.visible = true;
        box.depth = depth;
        box.y = depth * rowHeight();
        const auto& kids = nodes[static_cast<std::size_t>(index)].children;
        if (kids.empty() || collapsed.count(index)) {
            box.x = nextSlot * slotWidth() + nodeWidth / 2;
            nextSlot += 1;
            return box.x;
        }
        const bool allLeaves = std::all_of(kids.begin(), kids.end(), [&](int k) {
            return nodes[static_cast<std::size_t>(k)].children.empty() || collapsed.count(k);
        });
        if (allLeaves && gridColumns > 0 && int(kids.size()) > gridColumns) {
            const int columns = columnsFor(int(kids.size()));
            for (std::size_t i = 0; i < kids.size(); ++i) {
                NodeBox& leaf = boxes[static_cast<std::size_t>(kids[i])];
                const int column = int(i) % columns, row = int(i) / columns;
                leaf.visible = true;
                leaf.depth = depth + 1;
                leaf.x = (nextSlot + column) * slotWidth() + nodeWidth / 2;
                leaf.y = (depth + 1) * rowHeight() + row * (nodeHeight + hGap);
            }
            box.x = (nextSlot + (columns - 1) / 2.0) * slotWidth() + nodeWidth / 2;
            nextSlot += columns;
            return box.x;
        }
        double first = 0, last = 0;
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const double x = place(kids[i], depth + 1);
            if (i == 0) first = x;
            last = x;
        }
        box.x = (first + last) / 2;
        return box.x;
    };
    place(0, 0);
    return boxes;
}

} // namespace suplab
