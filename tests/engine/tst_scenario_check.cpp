// The rules of a scenario, judged on the value itself: a tree built in code (as the
// importer and the GUI build theirs) breaks each rule exactly where it says, with
// no JSON text in between.

#include "scenario/ScenarioCheck.h"

#include <QTest>

#include <functional>

using namespace suplab;

namespace {

std::shared_ptr<NodeSpec> supervisorNode(std::string id, std::vector<NodePtr> children = {}) {
    auto n = std::make_shared<NodeSpec>();
    n->id = std::move(id);
    n->type = NodeType::Supervisor;
    n->shutdown = ShutdownSpec::infinity();
    n->children = std::move(children);
    return n;
}

std::shared_ptr<NodeSpec> workerNode(std::string id) {
    auto n = std::make_shared<NodeSpec>();
    n->id = std::move(id);
    return n;
}

/// R(A, B) with a script of one call to A: sound as it stands; each row breaks one rule.
Scenario sound() {
    auto a = workerNode("A");
    a->behaviour = "counter";
    Scenario s;
    s.name = "n";
    s.root = supervisorNode("R", {a, workerNode("B")});
    ScriptStep step;
    step.at_ms = 10;
    step.action = StepAction::Call;
    step.target = "R/A";
    step.function = "increment";
    step.args = {Value::integerOf(1)};
    s.script.push_back(step);
    return s;
}

using Change = std::function<void(Scenario&)>;

NodeSpec& childOf(Scenario& s, std::size_t i) {
    return const_cast<NodeSpec&>(*s.root->children[i]);
}
NodeSpec& rootOf(Scenario& s) {
    return const_cast<NodeSpec&>(*s.root);
}

} // namespace

Q_DECLARE_METATYPE(Change)

class TstScenarioCheck : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aBrokenRuleIsNamedWhereItIs_data() {
        QTest::addColumn<Change>("change");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");
        QTest::newRow("an empty id")
            << Change([](Scenario& s) { childOf(s, 0).id.clear(); }) << "root.children[0].id"
            << "expected a non-empty string, got \"\"";
        QTest::newRow("an id of blanks only")
            << Change([](Scenario& s) { childOf(s, 0).id = "  "; }) << "root.children[0].id"
            << "expected a non-empty string, got \"  \"";
        QTest::newRow("an id with a slash")
            << Change([](Scenario& s) { childOf(s, 1).id = "a/b"; }) << "root.children[1].id"
            << "expected an id without '/', got \"a/b\"";
        QTest::newRow("an id that is not UTF-8")
            << Change([](Scenario& s) { childOf(s, 1).id = "B\xff"; }) << "root.children[1].id"
            << "expected UTF-8 text, got bytes that are not";
        QTest::newRow("two siblings with one id")
            << Change([](Scenario& s) { childOf(s, 0).id = "B"; }) << "root.children[1].id"
            << "expected an id unique among its siblings, got \"B\" a second time";
        QTest::newRow("a worker as root")
            << Change([](Scenario& s) {
                   rootOf(s).type = NodeType::Worker;
                   rootOf(s).children.clear();
                   s.script.clear();
               })
            << "root.type"
            << "expected supervisor or dynamic_supervisor, got a worker";
        QTest::newRow("a significant permanent child")
            << Change([](Scenario& s) {
                   rootOf(s).auto_shutdown = AutoShutdown::AnySignificant;
                   childOf(s, 1).significant = true;
               })
            << "root.children[1].significant"
            << "expected a transient or temporary node, got a permanent one (a significant "
               "child cannot be permanent)";
        QTest::newRow("a significant child under auto_shutdown never")
            << Change([](Scenario& s) {
                   childOf(s, 1).restart = RestartType::Transient;
                   childOf(s, 1).significant = true;
               })
            << "root.children[1].significant"
            << "expected a parent whose auto_shutdown is not never, got a parent with "
               "auto_shutdown never";
        QTest::newRow("a worker that uses a process that is not its sibling")
            << Change([](Scenario& s) { childOf(s, 0).uses = {"Z"}; }) << "root.children[0].uses[0]"
            << "expected the id of a sibling, got \"Z\"";
        QTest::newRow("a worker that uses itself")
            << Change([](Scenario& s) { childOf(s, 0).uses = {childOf(s, 0).id}; })
            << "root.children[0].uses[0]"
            << "expected the id of a sibling, got \"A\" (the worker's own)";
        QTest::newRow("a behaviour nobody knows")
            << Change([](Scenario& s) { childOf(s, 1).behaviour = "teapot"; })
            << "root.children[1].behaviour"
            << "expected generic, counter, kv_store, chat_room or logger, got \"teapot\"";
        QTest::newRow("a counter that starts from a string")
            << Change([](Scenario& s) { childOf(s, 0).args_json = "\"ten\""; })
            << "root.children[0].args"
            << "expected an integer (the counter's initial value), got \"ten\"";
        QTest::newRow("an ignored start that already fails")
            << Change([](Scenario& s) {
                   childOf(s, 1).fail_starts = 2;
                   childOf(s, 1).ignore_attempts = {2};
               })
            << "root.children[1].ignore_attempts[0]"
            << "expected an attempt that does not fail, got 2 (fail_starts or fail_attempts "
               "already make it fail)";
        QTest::newRow("a negative start time")
            << Change([](Scenario& s) { childOf(s, 1).init_ms = -5; }) << "root.children[1].init_ms"
            << "expected an integer >= 0, got -5";
        QTest::newRow("a restart period of zero seconds")
            << Change([](Scenario& s) { rootOf(s).max_seconds = 0; }) << "root.max_seconds"
            << "expected an integer > 0, got 0";
        QTest::newRow("a crash of a supervisor")
            << Change([](Scenario& s) {
                   s.script[0].action = StepAction::Crash;
                   s.script[0].target = "R";
               })
            << "script[0].target"
            << "expected a worker to crash (a supervisor runs no code of its own to crash: use "
               "kill or exit), got the supervisor R";
        QTest::newRow("a call to a function the worker lacks")
            << Change([](Scenario& s) { s.script[0].function = "fly"; }) << "script[0].function"
            << "expected one of get_count/0, increment/1 (the arguments the step gives), got fly/1";
        QTest::newRow("an exit with a reason that is no term")
            << Change([](Scenario& s) {
                   s.script[0].action = StepAction::Exit;
                   s.script[0].reason = "{oops";
               })
            << "script[0].reason"
            << "expected normal, shutdown, {shutdown,WORD} or a word such as boom, got "
               "\"{oops\"";
        QTest::newRow("a terminate_child without a child")
            << Change([](Scenario& s) {
                   s.script[0].action = StepAction::TerminateChild;
                   s.script[0].target = "R";
               })
            << "script[0].child"
            << "expected a child id (a string), got nothing";
        QTest::newRow("a restart_child on a dynamic supervisor")
            << Change([](Scenario& s) {
                   rootOf(s).type = NodeType::DynamicSupervisor;
                   s.script[0].action = StepAction::RestartChild;
                   s.script[0].target = "R";
                   s.script[0].child_id = "A";
               })
            << "script[0].do"
            << "expected an action a DynamicSupervisor offers, got restart_child (it has no "
               "such function)";
        QTest::newRow("a started child that breaks a node rule")
            << Change([](Scenario& s) {
                   s.script[0].action = StepAction::StartChild;
                   s.script[0].target = "R";
                   s.script[0].child = workerNode("C/D");
               })
            << "script[0].child.id"
            << "expected an id without '/', got \"C/D\"";
    }
    void aBrokenRuleIsNamedWhereItIs() {
        QFETCH(Change, change);
        QFETCH(QString, where);
        QFETCH(QString, what);
        QVERIFY(checkScenario(sound()).empty());
        Scenario s = sound();
        change(s);
        const auto problems = checkScenario(s);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(problems.front().where), where);
        QCOMPARE(QString::fromStdString(problems.front().what), what);
    }

    void aProblemNamesTheProcessItIsIn_data() {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("path");
        QTest::newRow("the root's own key") << "root.max_seconds"
                                            << "R";
        QTest::newRow("a child's key") << "root.children[1].significant"
                                       << "R/B";
        QTest::newRow("a child's list item") << "root.children[0].uses[0]"
                                             << "R/A";
        QTest::newRow("a script step is in no process") << "script[0].target"
                                                        << "";
        QTest::newRow("an index past the children stops at the parent") << "root.children[7].id"
                                                                        << "R";
    }
    void aProblemNamesTheProcessItIsIn() {
        QFETCH(QString, where);
        QFETCH(QString, path);
        QCOMPARE(QString::fromStdString(processPathAt(sound(), where.toStdString())), path);
    }

    void aChildStartedAtRunTimeMayBeSignificant_data() {
        QTest::addColumn<int>("restart");
        QTest::addColumn<int>("problems");
        QTest::newRow("transient: its parent is judged when it starts")
            << int(RestartType::Transient) << 0;
        QTest::newRow("permanent: never significant") << int(RestartType::Permanent) << 1;
    }
    void aChildStartedAtRunTimeMayBeSignificant() {
        QFETCH(int, restart);
        QFETCH(int, problems);
        auto child = workerNode("C");
        child->restart = RestartType(restart);
        child->significant = true;
        QCOMPARE(checkStartedChild(*child, "child").size(), std::size_t(problems));
    }
};

QTEST_APPLESS_MAIN(TstScenarioCheck)
#include "tst_scenario_check.moc"
