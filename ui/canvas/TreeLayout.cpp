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
    auto at = [&](int i) -> const LayoutInput& { return nodes[static_cast<std::size_t>(i)]; };
    auto widthOf = [&](int i) { return at(i).width > 0 ? at(i).width : nodeWidth; };
    auto isLeaf = [&](int i) { return at(i).children.empty() || collapsed.count(i) != 0; };
    auto isGrid = [&](int i) {
        const auto& kids = at(i).children;
        return !isLeaf(i) && gridColumns > 0 && int(kids.size()) > gridColumns &&
               std::all_of(kids.begin(), kids.end(), isLeaf);
    };
    auto columnWidth = [&](int i) {
        double w = 0;
        for (int k : at(i).children)
            w = std::max(w, widthOf(k));
        return w;
    };
    // How wide a subtree is: its children side by side, or its own box if wider.
    std::vector<double> span(nodes.size(), -1);
    std::function<double(int)> spanOf = [&](int i) -> double {
        double& s = span[static_cast<std::size_t>(i)];
        if (s >= 0) return s;
        double inner = 0;
        if (isLeaf(i)) {
            inner = 0;
        } else if (isGrid(i)) {
            const int columns = columnsFor(int(at(i).children.size()));
            inner = columns * columnWidth(i) + (columns - 1) * hGap;
        } else {
            for (int k : at(i).children)
                inner += spanOf(k);
            inner += double(at(i).children.size() - 1) * hGap;
        }
        s = std::max(widthOf(i), inner);
        return s;
    };
    std::function<void(int, double, int)> place = [&](int i, double left, int depth) {
        NodeBox& box = boxes[static_cast<std::size_t>(i)];
        box.visible = true;
        box.depth = depth;
        box.y = depth * rowHeight();
        const double width = spanOf(i);
        const auto& kids = at(i).children;
        if (isLeaf(i)) {
            box.x = left + width / 2;
            return;
        }
        if (isGrid(i)) {
            const int columns = columnsFor(int(kids.size()));
            const double cw = columnWidth(i);
            const double gridWidth = columns * cw + (columns - 1) * hGap;
            const double gridLeft = left + (width - gridWidth) / 2;
            for (std::size_t k = 0; k < kids.size(); ++k) {
                NodeBox& leaf = boxes[static_cast<std::size_t>(kids[k])];
                const int column = int(k) % columns, row = int(k) / columns;
                leaf.visible = true;
                leaf.depth = depth + 1;
                leaf.x = gridLeft + column * (cw + hGap) + cw / 2;
                leaf.y = (depth + 1) * rowHeight() + row * (nodeHeight + hGap);
            }
            box.x = gridLeft + gridWidth / 2;
            return;
        }
        double inner = double(kids.size() - 1) * hGap;
        for (int k : kids)
            inner += spanOf(k);
        double cursor = left + (width - inner) / 2;
        for (int k : kids) {
            place(k, cursor, depth + 1);
            cursor += spanOf(k) + hGap;
        }
        box.x = (boxes[static_cast<std::size_t>(kids.front())].x +
                 boxes[static_cast<std::size_t>(kids.back())].x) /
                2;
    };
    place(0, 0, 0);
    return boxes;
}

} // namespace suplab
