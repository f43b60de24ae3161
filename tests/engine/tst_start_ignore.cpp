// A start that returns `ignore` (otp-semantics.md §3.3, §4.3, §9, §10): no process
// and no failure. A static supervisor keeps a non-temporary child not running (and
// starts it again in a group restart), forgets a temporary one; a dynamic one keeps
// nothing. The scenario key `ignore_attempts` says which attempts do it. The
// restart rows were played on Elixir 1.14 / OTP 25 with a GenServer whose init/1
// answers :ignore on the attempts given (the reference runner has no such key).
#include "support/EngineFixture.h"

#include "events/EventFormat.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"

#include <QTest>

using namespace suplab;
using namespace suplab::test;

Q_DECLARE_METATYPE(suplab::Strategy)
Q_DECLARE_METATYPE(suplab::ClockKind)

namespace {
std::shared_ptr<NodeSpec> ignoring(std::string id, std::vector<std::int64_t> attempts) {
    auto n = w(std::move(id));
    n->ignore_attempts = std::move(attempts);
    return n;
}
} // namespace

class TstStartIgnore : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aRestartThatReturnsIgnoreLeavesTheChildNotRunning_data() {
        QTest::addColumn<Strategy>("strategy");
        QTest::addColumn<QString>("ignorer"); // its restart (attempt 2) returns ignore
        QTest::addColumn<QString>("killed");
        QTest::addColumn<QString>("children");
        QTest::newRow("one_for_one: no retry (experiment D7)") << Strategy::OneForOne << "c"
                                                               << "c"
                                                               << "c:undefined b:running a:running";
        QTest::newRow("one_for_all: the children after it start all the same")
            << Strategy::OneForAll << "b"
            << "a"
            << "c:running b:undefined a:running";
        QTest::newRow("rest_for_one: the children after it start all the same")
            << Strategy::RestForOne << "b"
            << "a"
            << "c:running b:undefined a:running";
    }
    void aRestartThatReturnsIgnoreLeavesTheChildNotRunning() {
        QFETCH(Strategy, strategy);
        QFETCH(QString, ignorer);
        QFETCH(QString, killed);
        QFETCH(QString, children);
        std::vector<std::shared_ptr<NodeSpec>> kids;
        for (const char* id : {"a", "b", "c"})
            kids.push_back(ignorer == QLatin1String(id) ? ignoring(id, {2}) : w(id));
        Tree tree(sup("S", strategy, kids));
        tree.kill("S/" + killed.toStdString());
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), children);
        QVERIFY(tree.alive(tree.root()));
    }

    void aGroupRestartStartsAnIgnoredChildAgain() {
        // §5.2 step 3: children that were not running (ignored at start) are started too.
        Tree tree(sup("S", Strategy::OneForAll, {w("a"), ignoring("b", {1})}));
        QCOMPARE(QString::fromStdString(tree.childrenText("S")),
                 QStringLiteral("b:undefined a:running"));
        tree.kill("S/a");
        QCOMPARE(QString::fromStdString(tree.childrenText("S")),
                 QStringLiteral("b:running a:running"));
    }

    void restartChildThatReturnsIgnoreAnswersOkUndefined() {
        Tree tree(sup("S", Strategy::OneForOne, {ignoring("c", {1, 2})}));
        const CallResult first = tree.restartChild("S", "c");
        QVERIFY(first.ok());
        QVERIFY(first.ignored);
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("c:undefined"));
        QVERIFY(tree.restartChild("S", "c").ok());
        QCOMPARE(QString::fromStdString(tree.childrenText("S")), QStringLiteral("c:running"));
    }

    void anIgnoredStartLeavesNoTraceLine_data() {
        QTest::addColumn<ClockKind>("clock");
        QTest::newRow("virtual") << ClockKind::Virtual;
        QTest::newRow("real") << ClockKind::Real;
    }
    void anIgnoredStartLeavesNoTraceLine() {
        QFETCH(ClockKind, clock);
        const LoadResult loaded = loadScenarioText(
            R"({"name":"ignore","root":{"id":"S","type":"supervisor","max_restarts":1,"children":[
                  {"id":"a","ignore_attempts":[1]},{"id":"b","ignore_attempts":[2]}]},
                "script":[{"at_ms":10,"do":"kill","target":"S/b"},
                          {"at_ms":20,"do":"restart_child","target":"S","child":"a"},
                          {"at_ms":30,"do":"restart_child","target":"S","child":"b"}]})",
            "ignore.json");
        QVERIFY(loaded.ok());
        const std::string trace = conformanceTrace(playScenario(*loaded.scenario, clock));
        QCOMPARE(QString::fromStdString(trace),
                 QStringLiteral("up S\nup S/b\ndown S/b killed\nup S/a\nup S/b\n"
                                "down S/b shutdown\ndown S/a shutdown\ndown S shutdown\n"));
    }

    void ignoreAttemptsAreWrittenBack() {
        const LoadResult loaded = loadScenarioText(
            R"({"name":"n","root":{"id":"S","type":"supervisor","children":[
                  {"id":"a","ignore_attempts":[1,3]}]}})",
            "n.json");
        QVERIFY(loaded.ok());
        const LoadResult again = loadScenarioText(writeScenario(*loaded.scenario), "written");
        QVERIFY(again.ok());
        QCOMPARE(again.scenario->root->children[0]->ignore_attempts,
                 (std::vector<std::int64_t>{1, 3}));
    }
};

QTEST_GUILESS_MAIN(TstStartIgnore)
#include "tst_start_ignore.moc"
