// Tree layout arithmetic: leaves in consecutive slots, parents centred, rows by depth.
#include "canvas/TreeLayout.h"

#include <QTest>

using namespace suplab;

Q_DECLARE_METATYPE(std::vector<suplab::LayoutInput>)

namespace {
// "0:1,2 1:3,4" -> node 0 has children 1 and 2, node 1 has 3 and 4.
std::vector<LayoutInput> tree(int count, const QString& edges) {
    std::vector<LayoutInput> nodes(static_cast<std::size_t>(count));
    for (const QString& part : edges.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const auto parentAndKids = part.split(QLatin1Char(':'));
        const int parent = parentAndKids[0].toInt();
        for (const QString& k : parentAndKids[1].split(QLatin1Char(',')))
            nodes[std::size_t(parent)].children.push_back(k.toInt());
    }
    return nodes;
}
} // namespace

class TstTreeLayout : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void nodeSitsWhereTheRulesSay_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("edges");
        QTest::addColumn<QString>("collapsed");
        QTest::addColumn<int>("node");
        QTest::addColumn<double>("slotX"); // centre in slot units (0.5 = first slot)
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("visible");
        QTest::newRow("a lone root sits in the first slot") << 1 << ""
                                                            << "" << 0 << 0.5 << 0 << true;
        QTest::newRow("the first of three leaves takes slot 0") << 4 << "0:1,2,3"
                                                                << "" << 1 << 0.5 << 1 << true;
        QTest::newRow("the last of three leaves takes slot 2") << 4 << "0:1,2,3"
                                                               << "" << 3 << 2.5 << 1 << true;
        QTest::newRow("a parent is centred over its children") << 4 << "0:1,2,3"
                                                               << "" << 0 << 1.5 << 0 << true;
        QTest::newRow("a subtree pushes its right sibling on") << 5 << "0:1,2 1:3,4"
                                                               << "" << 2 << 2.5 << 1 << true;
        QTest::newRow("grandchildren sit two rows down") << 5 << "0:1,2 1:3,4"
                                                         << "" << 4 << 1.5 << 2 << true;
        QTest::newRow("a collapsed subtree takes one slot") << 5 << "0:1,2 1:3,4"
                                                            << "1" << 2 << 1.5 << 1 << true;
        QTest::newRow("children of a collapsed node are hidden") << 5 << "0:1,2 1:3,4"
                                                                 << "1" << 3 << 0.0 << 0 << false;
    }
    void nodeSitsWhereTheRulesSay() {
        QFETCH(int, count);
        QFETCH(QString, edges);
        QFETCH(QString, collapsed);
        QFETCH(int, node);
        QFETCH(double, slotX);
        QFETCH(int, depth);
        QFETCH(bool, visible);
        TreeLayout layout;
        std::set<int> folded;
        for (const QString& c : collapsed.split(QLatin1Char(','), Qt::SkipEmptyParts))
            folded.insert(c.toInt());
        const auto boxes = layout.compute(tree(count, edges), folded);
        const NodeBox& box = boxes[std::size_t(node)];
        QCOMPARE(box.visible, visible);
        if (!visible) return;
        QCOMPARE(box.depth, depth);
        QCOMPARE(box.y, depth * layout.rowHeight());
        QCOMPARE(box.x, (slotX - 0.5) * layout.slotWidth() + layout.nodeWidth / 2);
    }

    void manyLeavesStackInAGrid_data() {
        QTest::addColumn<int>("leaf");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("row");
        QTest::newRow("the first leaf is at the top left") << 1 << 0 << 0;
        QTest::newRow("the fourth leaf ends the first row") << 4 << 3 << 0;
        QTest::newRow("the fifth leaf starts the second row") << 5 << 0 << 1;
        QTest::newRow("the tenth leaf is in the third row") << 10 << 1 << 2;
    }
    void manyLeavesStackInAGrid() {
        QFETCH(int, leaf);
        QFETCH(int, column);
        QFETCH(int, row);
        std::vector<LayoutInput> nodes(11);
        for (int i = 1; i <= 10; ++i)
            nodes[0].children.push_back(i);
        TreeLayout layout;
        const auto boxes = layout.compute(nodes);
        const NodeBox& box = boxes[std::size_t(leaf)];
        QCOMPARE(box.x, column * layout.slotWidth() + layout.nodeWidth / 2);
        QCOMPARE(box.y, layout.rowHeight() + row * (layout.nodeHeight + layout.hGap));
        QCOMPARE(boxes[0].x,
                 1.5 * layout.slotWidth() + layout.nodeWidth / 2); // centred over the grid
    }

    void leavesStayAGridWhenOneSiblingIsASubtree() {
        // 100 children of the root; the 51st has three children of its own.
        std::vector<LayoutInput> nodes(104);
        for (int i = 1; i <= 100; ++i)
            nodes[0].children.push_back(i);
        for (int i = 101; i <= 103; ++i)
            nodes[51].children.push_back(i);
        TreeLayout layout;
        const auto boxes = layout.compute(nodes);
        double left = 1e9, right = -1e9;
        for (const auto& b : boxes) {
            left = std::min(left, b.x);
            right = std::max(right, b.x);
        }
        // Two grids and a subtree, not a row of a hundred boxes.
        QVERIFY((right - left) / layout.slotWidth() < 30);
        QCOMPARE(boxes[101].depth, 2);
        QVERIFY(boxes[101].y > boxes[51].y);
    }

    void fiveHundredLeavesNeverOverlap() {
        std::vector<LayoutInput> nodes(501);
        for (int i = 1; i <= 500; ++i)
            nodes[0].children.push_back(i);
        TreeLayout layout;
        const auto boxes = layout.compute(nodes);
        for (int i = 1; i <= 500; ++i)
            for (int j = i + 1; j <= std::min(500, i + 8); ++j) {
                const auto& a = boxes[std::size_t(i)];
                const auto& b = boxes[std::size_t(j)];
                QVERIFY(std::abs(a.x - b.x) >= layout.nodeWidth ||
                        std::abs(a.y - b.y) >= layout.nodeHeight);
            }
    }
};

QTEST_GUILESS_MAIN(TstTreeLayout)
#include "tst_tree_layout.moc"
