// Dropping nodes from a tree (the import dialog's "keep" boxes) removes exactly those
// nodes with what they hold, and keeps the rest as it was.

#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioPrune.h"
#include "scenario/ScenarioWriter.h"

#include <QTest>

using namespace suplab;

class TstScenarioPrune : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void droppedNodesLeaveTheTree_data() {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QString>("tree");
        QTest::newRow("nothing dropped") << QStringList() << "R(A, S(B, C))";
        QTest::newRow("a worker") << QStringList{QStringLiteral("R/A")} << "R(S(B, C))";
        QTest::newRow("a supervisor with its children")
            << QStringList{QStringLiteral("R/S")} << "R(A)";
        QTest::newRow("a grandchild") << QStringList{QStringLiteral("R/S/C")} << "R(A, S(B))";
        QTest::newRow("a path that names nothing")
            << QStringList{QStringLiteral("R/X")} << "R(A, S(B, C))";
        QTest::newRow("the root is never dropped")
            << QStringList{QStringLiteral("R")} << "R(A, S(B, C))";
    }
    void droppedNodesLeaveTheTree() {
        QFETCH(QStringList, paths);
        QFETCH(QString, tree);
        const LoadResult loaded = loadScenarioText(
            R"({"name": "n", "root": {"id": "R", "type": "supervisor", "children": [{"id": "A"},
                {"id": "S", "type": "supervisor", "children": [{"id": "B"}, {"id": "C"}]}]}})",
            "inline");
        QVERIFY(loaded.ok());
        std::set<std::string> drop;
        for (const QString& p : paths)
            drop.insert(p.toStdString());
        const NodePtr pruned = withoutNodes(loaded.scenario->root, drop);
        QCOMPARE(shape(*pruned), tree);
        if (paths.isEmpty()) QVERIFY(pruned == loaded.scenario->root); // shared, not copied
    }

  private:
    static QString shape(const NodeSpec& n) {
        QString out = QString::fromStdString(n.id);
        if (n.children.empty()) return out;
        QStringList inner;
        for (const auto& c : n.children)
            inner << shape(*c);
        return out + QLatin1Char('(') + inner.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
};

QTEST_GUILESS_MAIN(TstScenarioPrune)
#include "tst_scenario_prune.moc"
