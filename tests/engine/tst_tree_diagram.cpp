// The tree as Mermaid (in the form Kino.Process draws: one edge per line, each end
// with its label and class) and as DOT, with the state each process is in.

#include "export/TreeDiagram.h"
#include "scenario/ScenarioLoader.h"

#include <QTest>

using namespace suplab;

class TstTreeDiagram : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void mermaidDrawsEachEdgeWithItsEnds_data();
    void mermaidDrawsEachEdgeWithItsEnds();
    void dotHasANodePerProcessAndAnEdgePerChild();
};

static NodePtr rootOf(const char* json) {
    LoadResult r = loadScenarioText(json, "inline");
    if (!r.ok()) qFatal("%s", r.errors.front().c_str());
    return r.scenario->root;
}

static const char* kTree = R"({"name": "t", "root": {"id": "App.Sup", "type": "supervisor",
    "strategy": "rest_for_one", "children": [{"id": "Db"},
    {"id": "Web", "type": "supervisor", "children": [{"id": "h\"x", "restart": "transient"}]}]}})";

void TstTreeDiagram::mermaidDrawsEachEdgeWithItsEnds_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("states"); // path=state pairs
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("a running tree")
        << QString::fromLatin1(kTree) << QStringList{}
        << QStringList{"graph TD;",
                       "0(\"App.Sup<br/>rest_for_one\"):::root ---> 1(\"Db\"):::worker",
                       "0(\"App.Sup<br/>rest_for_one\"):::root ---> "
                       "2(\"Web<br/>one_for_one\"):::supervisor",
                       "2(\"Web<br/>one_for_one\"):::supervisor ---> "
                       "3(\"h#quot;x<br/>transient\"):::worker"};
    QTest::newRow("a restarting and a down process")
        << QString::fromLatin1(kTree) << QStringList{"App.Sup/Db=restarting", "App.Sup/Web=down"}
        << QStringList{"0(\"App.Sup<br/>rest_for_one\"):::root ---> 1(\"Db\"):::restarting",
                       "0(\"App.Sup<br/>rest_for_one\"):::root ---> "
                       "2(\"Web<br/>one_for_one\"):::notstarted"};
    QTest::newRow("a root alone")
        << R"({"name": "t", "root": {"id": "R", "type": "dynamic_supervisor"}})" << QStringList{}
        << QStringList{"graph TD;", "0(\"R<br/>dynamic\"):::root"};
}

void TstTreeDiagram::mermaidDrawsEachEdgeWithItsEnds() {
    QFETCH(QString, json);
    QFETCH(QStringList, states);
    QFETCH(QStringList, lines);
    DiagramStates s;
    for (const QString& pair : states)
        s[pair.section(QLatin1Char('='), 0, 0).toStdString()] =
            pair.section(QLatin1Char('='), 1).toStdString();
    const QStringList out =
        QString::fromStdString(treeMermaid(*rootOf(json.toUtf8().constData()), s))
            .split(QLatin1Char('\n'));
    for (const QString& line : lines)
        QVERIFY2(out.contains(line), qPrintable(out.join(QLatin1Char('\n'))));
    QVERIFY(out.contains(
        QStringLiteral("classDef root fill:#c4b5fd, stroke:#374151, stroke-width:4px;")));
}

void TstTreeDiagram::dotHasANodePerProcessAndAnEdgePerChild() {
    const QString dot = QString::fromStdString(treeDot(*rootOf(kTree)));
    QVERIFY(dot.startsWith(QStringLiteral("digraph supervision {")));
    QCOMPARE(dot.count(QStringLiteral("[label=")), 4);
    QCOMPARE(dot.count(QStringLiteral(" -> ")), 3);
    QVERIFY(dot.contains(QStringLiteral("n3 [label=\"h\\\"x\\ntransient\"")));
    QVERIFY(dot.contains(QStringLiteral("n2 -> n3;")));
}

QTEST_GUILESS_MAIN(TstTreeDiagram)
#include "tst_tree_diagram.moc"
