#include "TreeLayout.h"

#include <functional>

namespace suplab {

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
