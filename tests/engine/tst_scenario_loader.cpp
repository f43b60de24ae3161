// Bad scenario files are refused before anything runs, one line per problem,
// each naming the file and the JSON location (docs/scenario-format.md, docs/man/suplab-cli.1).
#include "scenario/ScenarioLoader.h"

#include <QTest>

using namespace suplab;

namespace {
const char* kGood =
    R"({"name":"ok","root":{"id":"R","type":"supervisor","children":[{"id":"a"}]}})";

QByteArray wrapRoot(const char* rootBody) {
    return QByteArray(R"({"name":"t","root":)") + rootBody + "}";
}
} // namespace

class TstScenarioLoader : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void badFileGivesItsMessage_data();
    void badFileGivesItsMessage();
    void everyProblemGetsItsOwnLine();
    void goodFileLoadsWithDefaults();
    void scriptIsSortedByTimeKeepingFileOrderForTies();
    void absurdInputIsRefusedQuickly_data();
    void absurdInputIsRefusedQuickly();
};

void TstScenarioLoader::badFileGivesItsMessage_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("an empty file")
        << QByteArray() << "s.json: line 1, column 1: empty document: expected a JSON object";
    QTest::newRow("malformed JSON reports line and column")
        << QByteArray("{\n  \"name\": \"x\",\n  \"root\": {\"id\" \"R\"}\n}")
        << "s.json: line 3, column 17: unexpected '\"': expected ':'";
    QTest::newRow("a trailing comma")
        << QByteArray(R"({"name":"x",})")
        << "s.json: line 1, column 13: unexpected '}': expected a string key";
    QTest::newRow("binary garbage")
        << QByteArray("\x7f\x45\x4c\x46\x02\x01", 6)
        << "s.json: line 1, column 1: unexpected byte 0x7F: expected a value";
    QTest::newRow("invalid UTF-8 in a string")
        << QByteArray("{\"name\":\"\xff\"}")
        << "s.json: line 1, column 10: invalid UTF-8 (byte 0xFF)";
    QTest::newRow("a duplicate key") << QByteArray(R"({"name":"a","name":"b"})")
                                     << "s.json: line 1, column 13: duplicate key \"name\"";
    QTest::newRow("a top-level array")
        << QByteArray("[]") << "s.json: (top level): expected a scenario object, got an array";
    QTest::newRow("no name") << QByteArray(R"({"root":{"id":"R","type":"supervisor"}})")
                             << "s.json: name: expected a string, got nothing (name is required)";
    QTest::newRow("no root")
        << QByteArray(R"({"name":"x"})")
        << "s.json: root: expected a supervisor node, got nothing (root is required)";
    QTest::newRow("a worker as root")
        << wrapRoot(R"({"id":"R"})")
        << "s.json: root.type: expected supervisor or dynamic_supervisor, got a worker";
    QTest::newRow("an unknown top-level key")
        << QByteArray(R"({"name":"x","sede":1,"root":{"id":"R","type":"supervisor"}})")
        << "s.json: sede: unknown key for a scenario (expected one of: name, description, root, "
           "script, settle_ms, stop_at_end, seed)";
    QTest::newRow("a bad restart type")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","children":[{"id":"a"},{"id":"b","restart":"forever"}]})")
        << "s.json: root.children[1].restart: expected permanent, transient or temporary, got "
           "\"forever\"";
    QTest::newRow("a bad strategy")
        << wrapRoot(R"({"id":"R","type":"supervisor","strategy":"all_for_one"})")
        << "s.json: root.strategy: expected one_for_one, one_for_all or rest_for_one, got "
           "\"all_for_one\"";
    QTest::newRow("negative max_restarts")
        << wrapRoot(R"({"id":"R","type":"supervisor","max_restarts":-1})")
        << "s.json: root.max_restarts: expected an integer >= 0, got -1";
    QTest::newRow("max_seconds zero")
        << wrapRoot(R"({"id":"R","type":"supervisor","max_seconds":0})")
        << "s.json: root.max_seconds: expected an integer > 0, got 0";
    QTest::newRow("a huge number")
        << wrapRoot(R"({"id":"R","type":"supervisor","max_restarts":1e300})")
        << "s.json: root.max_restarts: expected an integer >= 0, got 1e300";
    QTest::newRow("a fractional number")
        << wrapRoot(R"({"id":"R","type":"supervisor","max_seconds":2.5})")
        << "s.json: root.max_seconds: expected an integer > 0, got 2.5";
    QTest::newRow("an integer beyond 64 bits")
        << wrapRoot(R"({"id":"R","type":"supervisor","max_restarts":99999999999999999999})")
        << "s.json: root.max_restarts: expected an integer >= 0, got 99999999999999999999";
    QTest::newRow("a bad shutdown")
        << wrapRoot(R"({"id":"R","type":"supervisor","children":[{"id":"a","shutdown":"soon"}]})")
        << "s.json: root.children[0].shutdown: expected brutal_kill, infinity or an integer >= 0 "
           "(milliseconds), got \"soon\"";
    QTest::newRow("a duplicate sibling id")
        << wrapRoot(R"({"id":"R","type":"supervisor","children":[{"id":"a"},{"id":"a"}]})")
        << "s.json: root.children[1].id: expected an id unique among its siblings, got \"a\" a "
           "second time";
    QTest::newRow("an id with a slash")
        << wrapRoot(R"({"id":"R","type":"supervisor","children":[{"id":"a/b"}]})")
        << "s.json: root.children[0].id: expected an id without '/', got \"a/b\"";
    QTest::newRow("an empty id") << wrapRoot(R"({"id":"","type":"supervisor"})")
                                 << "s.json: root.id: expected a non-empty string, got \"\"";
    QTest::newRow("a note that is not text")
        << wrapRoot(R"({"id":"R","type":"supervisor","children":[{"id":"w","note":3}]})")
        << "s.json: root.children[0].note: expected a string, got 3";
    QTest::newRow("a supervisor key on a worker")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","children":[{"id":"a","strategy":"one_for_all"}]})")
        << "s.json: root.children[0].strategy: unknown key for a worker (expected one of: id, "
           "type, restart, shutdown, significant, note, trap_exit, init_ms, stop_ms, fail_starts, "
           "fail_attempts, ignore_attempts, behaviour, args, uses, call_ms, mtbf_ms)";
    QTest::newRow("significant and permanent")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","auto_shutdown":"any_significant","children":[{"id":"a","significant":true}]})")
        << "s.json: root.children[0].significant: expected a transient or temporary node, got a "
           "permanent one (a significant child cannot be permanent)";
    QTest::newRow("significant under auto_shutdown never")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","children":[{"id":"a","restart":"temporary","significant":true}]})")
        << "s.json: root.children[0].significant: expected a parent whose auto_shutdown is not "
           "never, got a parent with auto_shutdown never";
    QTest::newRow("significant under a dynamic supervisor")
        << wrapRoot(
               R"({"id":"R","type":"dynamic_supervisor","children":[{"id":"a","restart":"temporary","significant":true}]})")
        << "s.json: root.children[0].significant: expected a parent whose auto_shutdown is not "
           "never, got a dynamic_supervisor (it has no auto_shutdown)";
    QTest::newRow("strategy on a dynamic supervisor")
        << wrapRoot(R"({"id":"R","type":"dynamic_supervisor","strategy":"one_for_one"})")
        << "s.json: root.strategy: unknown key for a dynamic_supervisor (expected one of: id, "
           "type, restart, shutdown, significant, note, max_restarts, max_seconds, max_children, "
           "children)";
    QTest::newRow("a bad max_children")
        << wrapRoot(R"({"id":"R","type":"dynamic_supervisor","max_children":"lots"})")
        << "s.json: root.max_children: expected an integer >= 0 or \"infinity\", got \"lots\"";
    QTest::newRow("an unknown behaviour")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","children":[{"id":"a","behaviour":"database"}]})")
        << "s.json: root.children[0].behaviour: expected generic, counter, kv_store, chat_room or "
           "logger, got \"database\"";
    QTest::newRow("uses a process that is not a sibling")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","children":[{"id":"a","uses":["c"]},{"id":"b"}]})")
        << "s.json: root.children[0].uses[0]: expected the id of a sibling, got \"c\"";
    QTest::newRow("fail_attempts counts from one")
        << wrapRoot(R"({"id":"R","type":"supervisor","children":[{"id":"a","fail_attempts":[0]}]})")
        << "s.json: root.children[0].fail_attempts[0]: expected an integer >= 1, got 0";
    QTest::newRow("ignore_attempts counts from one")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","children":[{"id":"a","ignore_attempts":[1,0]}]})")
        << "s.json: root.children[0].ignore_attempts[1]: expected an integer >= 1, got 0";
    QTest::newRow("ignore_attempts is a list")
        << wrapRoot(R"({"id":"R","type":"supervisor","children":[{"id":"a","ignore_attempts":2}]})")
        << "s.json: root.children[0].ignore_attempts: expected an array of integers >= 1, got 2";
    QTest::newRow("an attempt cannot both fail and be ignored")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","children":[{"id":"a","fail_starts":1,"fail_attempts":[3],"ignore_attempts":[2,3]}]})")
        << "s.json: root.children[0].ignore_attempts[1]: expected an attempt that does not fail, "
           "got 3 (fail_starts or fail_attempts already make it fail)";
    QTest::newRow("an unknown action")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor"},"script":[{"at_ms":1,"do":"explode","target":"R"}]})")
        << "s.json: script[0].do: expected kill, exit, crash, start_child, terminate_child, "
           "restart_child, delete_child or call, got \"explode\"";
    QTest::newRow("a call to a function the worker's behaviour does not have")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor","children":[{"id":"c","behaviour":"counter"}]},"script":[{"at_ms":1,"do":"call","target":"R/c","function":"reset"}]})")
        << "s.json: script[0].function: expected one of get_count/0, increment/1 (the arguments "
           "the step gives), got reset/0";
    QTest::newRow("a call to a worker with no behaviour")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor","children":[{"id":"c"}]},"script":[{"at_ms":1,"do":"call","target":"R/c","function":"get"}]})")
        << "s.json: script[0].target: expected a worker with a behaviour to call (counter, "
           "kv_store, chat_room, logger), got R/c (generic)";
    QTest::newRow("a call without its function")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor","children":[{"id":"c","behaviour":"counter"}]},"script":[{"at_ms":1,"do":"call","target":"R/c"}]})")
        << "s.json: script[0].function: expected the worker's function to call, got nothing";
    QTest::newRow("a call's argument that is an object")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor","children":[{"id":"c","behaviour":"counter"}]},"script":[{"at_ms":1,"do":"call","target":"R/c","function":"increment","args":[{"by":1}]}]})")
        << "s.json: script[0].args[0]: expected a number, a string (\":name\" for an atom) or an "
           "array, got an object";
    QTest::newRow("args on a kill")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor","children":[{"id":"c"}]},"script":[{"at_ms":1,"do":"kill","target":"R/c","args":[1]}]})")
        << "s.json: script[0].args: expected no args for kill, got an array";
    QTest::newRow("a reason on a kill")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor"},"script":[{"at_ms":1,"do":"kill","target":"R","reason":"boom"}]})")
        << "s.json: script[0].reason: expected no reason for kill, got \"boom\"";
    QTest::newRow("a reason with spaces")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor"},"script":[{"at_ms":1,"do":"crash","target":"R","reason":"big boom"}]})")
        << "s.json: script[0].reason: expected normal, shutdown, {shutdown,WORD} or a word such as "
           "boom, got \"big boom\"";
    QTest::newRow("a crash aimed at a supervisor")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor","children":[{"id":"S","type":"supervisor"}]},"script":[{"at_ms":1,"do":"crash","target":"R/S","reason":"boom"}]})")
        << "s.json: script[0].target: expected a worker to crash (a supervisor runs no code of "
           "its own to crash: use kill or exit), got the supervisor R/S";
    QTest::newRow("restart_child on a DynamicSupervisor")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"dynamic_supervisor","children":[{"id":"a"}]},"script":[{"at_ms":1,"do":"restart_child","target":"R","child":"a"}]})")
        << "s.json: script[0].do: expected an action a DynamicSupervisor offers, got "
           "restart_child (it has no such function)";
    QTest::newRow("a negative time")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor"},"script":[{"at_ms":-5,"do":"kill","target":"R"}]})")
        << "s.json: script[0].at_ms: expected an integer >= 0, got -5";
    QTest::newRow("start_child without a child")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor"},"script":[{"at_ms":1,"do":"start_child","target":"R"}]})")
        << "s.json: script[0].child: expected a node to start, got nothing";
    QTest::newRow("terminate_child with a node")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor"},"script":[{"at_ms":1,"do":"terminate_child","target":"R","child":{"id":"a"}}]})")
        << "s.json: script[0].child: expected a child id (a string), got an object";
    QTest::newRow("an empty target")
        << QByteArray(
               R"({"name":"x","root":{"id":"R","type":"supervisor"},"script":[{"at_ms":1,"do":"kill","target":""}]})")
        << "s.json: script[0].target: expected a process path such as \"Root/child\", got \"\"";
    QTest::newRow("stop_at_end not a boolean")
        << QByteArray(R"({"name":"x","stop_at_end":"yes","root":{"id":"R","type":"supervisor"}})")
        << "s.json: stop_at_end: expected true or false, got \"yes\"";
    QTest::newRow("a counter with a text argument")
        << wrapRoot(
               R"({"id":"R","type":"supervisor","children":[{"id":"c","behaviour":"counter","args":"ten"}]})")
        << "s.json: root.children[0].args: expected an integer (the counter's initial value), got "
           "\"ten\"";
}

void TstScenarioLoader::badFileGivesItsMessage() {
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const LoadResult result =
        loadScenarioText(std::string_view(text.constData(), std::size_t(text.size())), "s.json");
    QVERIFY(!result.ok());
    QVERIFY(!result.errors.empty());
    QCOMPARE(QString::fromStdString(result.errors.front()), message);
}

void TstScenarioLoader::everyProblemGetsItsOwnLine() {
    const auto result = loadScenarioText(
        wrapRoot(
            R"({"id":"R","type":"supervisor","strategy":"x","children":[{"id":"a","restart":"y"},{"id":"b","init_ms":-1}]})")
            .toStdString(),
        "s.json");
    QCOMPARE(result.errors.size(), std::size_t(3));
}

void TstScenarioLoader::goodFileLoadsWithDefaults() {
    const auto result = loadScenarioText(kGood, "s.json");
    QVERIFY(result.ok());
    const Scenario& s = *result.scenario;
    QCOMPARE(s.settle_ms, std::int64_t(300));
    QCOMPARE(s.stop_at_end, true);
    QCOMPARE(s.root->max_restarts, 3);
    QCOMPARE(s.root->max_seconds, 5);
    QVERIFY(s.root->shutdown == ShutdownSpec::infinity());
    QVERIFY(s.root->children[0]->shutdown == ShutdownSpec::timeout(5000));
    QCOMPARE(s.root->children[0]->restart, RestartType::Permanent);
}

void TstScenarioLoader::scriptIsSortedByTimeKeepingFileOrderForTies() {
    const auto result = loadScenarioText(
        R"({"name":"x","root":{"id":"R","type":"supervisor"},"script":[
            {"at_ms":50,"do":"kill","target":"R/b"},{"at_ms":10,"do":"kill","target":"R/a"},
            {"at_ms":50,"do":"kill","target":"R/c"}]})",
        "s.json");
    QVERIFY(result.ok());
    QCOMPARE(QString::fromStdString(result.scenario->script[0].target), QStringLiteral("R/a"));
    QCOMPARE(QString::fromStdString(result.scenario->script[1].target), QStringLiteral("R/b"));
    QCOMPARE(QString::fromStdString(result.scenario->script[2].target), QStringLiteral("R/c"));
}

void TstScenarioLoader::absurdInputIsRefusedQuickly_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("arrays nested 200,000 deep")
        << QByteArray(200000, '[') << "nesting deeper than 256 levels";
    QByteArray objects;
    for (int i = 0; i < 200000; ++i)
        objects += "{\"a\":";
    QTest::newRow("objects nested 200,000 deep") << objects << "nesting deeper than 256 levels";
    QTest::newRow("a file larger than 16 MiB")
        << QByteArray(17 << 20, ' ') << "expected at most 16 MiB";
    QTest::newRow("an unterminated string")
        << QByteArray("{\"name\":\"abc") << "unexpected end of file inside a string";
    QTest::newRow("a NUL byte") << QByteArray("{\"name\":\"a\0b\"}", 14)
                                << "control character (byte 0x00) inside a string";
}

void TstScenarioLoader::absurdInputIsRefusedQuickly() {
    QFETCH(QByteArray, text);
    QFETCH(QString, fragment);
    const auto result =
        loadScenarioText(std::string_view(text.constData(), std::size_t(text.size())), "s.json");
    QVERIFY(!result.ok());
    QVERIFY2(QString::fromStdString(result.errors.front()).contains(fragment),
             result.errors.front().c_str());
}

QTEST_GUILESS_MAIN(TstScenarioLoader)
#include "tst_scenario_loader.moc"
