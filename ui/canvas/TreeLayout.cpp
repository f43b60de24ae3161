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
    // A parent's children in units: a run of more than gridColumns leaves side by side
    // is stacked in a grid, any other child stands alone (so a hundred folded
    // subtrees stay a block even when one of them is unfolded).
    struct Unit {
        bool grid = false;
        std::vector<int> kids;
    };
    auto unitsOf = [&](int i) {
        std::vector<Unit> units;
        std::vector<int> run;
        auto flush = [&] {
            if (gridColumns > 0 && int(run.size()) > gridColumns) {
                units.push_back({true, run});
            } else {
                for (int k : run)
                    units.push_back({false, {k}});
            }
            run.clear();
        };
        for (int k : at(i).children) {
            if (isLeaf(k)) {
                run.push_back(k);
                continue;
            }
            flush();
            units.push_back({false, {k}});
        }
        flush();
        return units;
    };
    auto columnWidth = [&](const Unit& u) {
        double w = 0;
        for (int k : u.kids)
            w = std::max(w, widthOf(k));
        return w;
    };
    auto gridWidth = [&](const Unit& u) {
        const int columns = columnsFor(int(u.kids.size()));
        return columns * columnWidth(u) + (columns - 1) * hGap;
    };
    // How wide a subtree is: its children side by side, or its own box if wider.
    std::vector<double> span(nodes.size(), -1);
    std::function<double(int)> spanOf = [&](int i) -> double {
        double& s = span[static_cast<std::size_t>(i)];
        if (s >= 0) return s;
        double inner = 0;
        if (!isLeaf(i)) {
            const auto units = unitsOf(i);
            for (const Unit& u : units)
                inner += u.grid ? gridWidth(u) : spanOf(u.kids.front());
            inner += double(units.size() - 1) * hGap;
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
        if (isLeaf(i)) {
            box.x = left + width / 2;
            return;
        }
        const auto units = unitsOf(i);
        double inner = double(units.size() - 1) * hGap;
        for (const Unit& u : units)
            inner += u.grid ? gridWidth(u) : spanOf(u.kids.front());
        double cursor = left + (width - inner) / 2;
        double firstX = 0, lastX = 0;
        for (std::size_t n = 0; n < units.size(); ++n) {
            const Unit& u = units[n];
            double centre = 0;
            if (u.grid) {
                const int columns = columnsFor(int(u.kids.size()));
                const double cw = columnWidth(u);
                for (std::size_t k = 0; k < u.kids.size(); ++k) {
                    NodeBox& leaf = boxes[static_cast<std::size_t>(u.kids[k])];
                    const int column = int(k) % columns, row = int(k) / columns;
                    leaf.visible = true;
                    leaf.depth = depth + 1;
                    leaf.x = cursor + column * (cw + hGap) + cw / 2;
                    leaf.y = (depth + 1) * rowHeight() + row * (nodeHeight + hGap);
                }
                centre = cursor + gridWidth(u) / 2;
                cursor += gridWidth(u) + hGap;
            } else {
                place(u.kids.front(), cursor, depth + 1);
                centre = boxes[static_cast<std::size_t>(u.kids.front())].x;
                cursor += spanOf(u.kids.front()) + hGap;
            }
            if (n == 0) firstX = centre;
            lastX = centre;
        }
        box.x = (firstX + lastX) / 2;
    };
    place(0, 0, 0);
    return boxes;
}

} // namespace suplab
