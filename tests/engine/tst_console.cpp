// The console runs the lesson's iex sessions as written and answers as iex does
// (pids aside): each row is one line typed after the ones above it.
#include "console/EngineWorld.h"
#include "console/Evaluator.h"
#include "console/Transcript.h"
#include "elixir/ElixirImporter.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "support/TraceCompare.h"

#include <QTest>

using namespace suplab;
using namespace suplab::console;

namespace {
struct Session {
    /// `started`: the tree is up, as when an example opens; otherwise the first line
    /// starts it, as the lesson's sessions do, and the dynamic supervisors start empty.
    Session(const std::string& file, bool started, const std::string& modules) {
        loaded = loadScenarioFile(SUPLAB_SOURCE_DIR "/resources/scenarios/" + file);
        if (!loaded.ok()) return;
        if (!started) emptyDynamicSupervisors();
        engine = std::make_unique<EngineCore>(ClockKind::Virtual);
        world = std::make_unique<EngineWorld>(*engine, *loaded.scenario);
        if (started) world->startTree();
        evaluator = std::make_unique<Evaluator>(*world);
        if (!modules.empty())
            evaluator->defineModules(
                test::readFile(SUPLAB_SOURCE_DIR "/resources/elixir/" + modules));
    }
    void emptyDynamicSupervisors() {
        auto root = std::make_shared<NodeSpec>(*loaded.scenario->root);
        if (root->type == NodeType::DynamicSupervisor) root->children.clear();
        loaded.scenario->root = root;
    }
    ~Session() {
        if (engine) engine->shutdown();
    }
    LoadResult loaded;
    std::unique_ptr<EngineCore> engine;
    std::unique_ptr<EngineWorld> world;
    std::unique_ptr<Evaluator> evaluator;
};

/// Pids differ from the BEAM's: `#PID<0.N.0>` compares as `#PID<...>`.
QString withoutPids(const QString& text) {
    return QString::fromStdString(console::withoutPids(text.toStdString()));
}
} // namespace

class TstConsole : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void theLessonsSessionsRunAsWritten_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("started");
        QTest::addColumn<QString>("modules");
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QStringList>("replies");
        QTest::newRow("the lesson's Counter session, as written")
            << "01_counter_kvstore.json" << false << "lesson_counter_kvstore.ex"
            << QStringList{"MyApp.Supervisor.start_link(:ok)",
                           "Counter.get_count()",
                           "Counter.increment(10)",
                           "Counter.get_count()",
                           "Process.exit(Process.whereis(Counter), :kill)",
                           "Counter.get_count()"}
            << QStringList{"{:ok, #PID<...>}", "0", ":ok", "10", "true", "0"};
        QTest::newRow("the lesson's SessionSupervisor session, as written")
            << "04_session_supervisor.json" << false << "lesson_session_supervisor.ex"
            << QStringList{"MyApp.SessionSupervisor.start_link(:ok)",
                           "{:ok, session1} = MyApp.SessionSupervisor.start_session(\"user_1\")",
                           "{:ok, session2} = MyApp.SessionSupervisor.start_session(\"user_2\")",
                           "DynamicSupervisor.count_children(MyApp.SessionSupervisor)"}
            << QStringList{"{:ok, #PID<...>}", "{:ok, #PID<...>}", "{:ok, #PID<...>}",
                           "%{active: 2, specs: 2, supervisors: 0, workers: 2}"};
        QTest::newRow("an example that is already up: a restart wipes the state")
            << "01_counter_kvstore.json" << true << ""
            << QStringList{"Counter.get_count()", "Counter.increment(10)", "Counter.get_count()",
                           "Process.exit(Process.whereis(Counter), :kill)", "Counter.get_count()"}
            << QStringList{"0", ":ok", "10", "true", "0"};
        QTest::newRow("KVStore keeps what is put until it restarts")
            << "01_counter_kvstore.json" << true << ""
            << QStringList{"KVStore.put(:name, \"Ann\")", "KVStore.get(:name)",
                           "KVStore.delete(:name)", "KVStore.get(:name)"}
            << QStringList{":ok", "\"Ann\"", ":ok", "nil"};
    }
    void theLessonsSessionsRunAsWritten() {
        QFETCH(QString, scenario);
        QFETCH(bool, started);
        QFETCH(QString, modules);
        QFETCH(QStringList, lines);
        QFETCH(QStringList, replies);
        Session session(scenario.toStdString(), started, modules.toStdString());
        QVERIFY(session.loaded.ok());
        for (int i = 0; i < lines.size(); ++i) {
            const Reply reply = session.evaluator->eval(lines[i].toStdString());
            QCOMPARE(withoutPids(QString::fromStdString(reply.text)), replies[i]);
        }
    }

    // One line typed into the Counter/KVStore example, already running: what it prints.
    void aLineGivesWhatIexGives_data() {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("reply");
        const QString noProcess = QStringLiteral(
            "\n    ** (EXIT) no process: the process is not alive or there's no process "
            "currently associated with the given name, possibly because its application "
            "isn't started");
        QTest::newRow("which_children lists the newest child first, a line each as iex does")
            << QStringList{} << "Supervisor.which_children(MyApp.Supervisor)" << true
            << "[\n  {KVStore, #PID<...>, :worker, [KVStore]},\n"
               "  {Counter, #PID<...>, :worker, [Counter]}\n]";
        QTest::newRow("a child spec with a bad shutdown is OTP's error")
            << QStringList{}
            << "Supervisor.start_child(MyApp.Supervisor, %{id: :c, start: {Counter, "
               ":start_link, [0]}, shutdown: :soon})"
            << true << "{:error, {:invalid_shutdown, :soon}}";
        QTest::newRow("a child spec with a bad type is OTP's error")
            << QStringList{}
            << "Supervisor.start_child(MyApp.Supervisor, %{id: :c, start: {Counter, "
               ":start_link, [0]}, type: :blob})"
            << true << "{:error, {:invalid_child_type, :blob}}";
        QTest::newRow("an id SupLab cannot name in a path is refused, saying why")
            << QStringList{}
            << "Supervisor.start_child(MyApp.Supervisor, %{id: \"a/b\", start: {Counter, "
               ":start_link, [0]}})"
            << false
            << "** (ArgumentError) SupLab cannot start this child: its id is wrong: expected an "
               "id without '/', got \"a/b\"";
        QTest::newRow("count_children is a map")
            << QStringList{} << "Supervisor.count_children(MyApp.Supervisor)" << true
            << "%{active: 2, specs: 2, supervisors: 0, workers: 2}";
        QTest::newRow("terminate_child stops a child by its id")
            << QStringList{} << "Supervisor.terminate_child(MyApp.Supervisor, Counter)" << true
            << ":ok";
        QTest::newRow("a stopped child shows as :undefined")
            << QStringList{"Supervisor.terminate_child(MyApp.Supervisor, Counter)"}
            << "Supervisor.which_children(MyApp.Supervisor)" << true
            << "[\n  {KVStore, #PID<...>, :worker, [KVStore]},\n"
               "  {Counter, :undefined, :worker, [Counter]}\n]";
        QTest::newRow("restart_child starts a stopped child again")
            << QStringList{"Supervisor.terminate_child(MyApp.Supervisor, Counter)"}
            << "Supervisor.restart_child(MyApp.Supervisor, Counter)" << true << "{:ok, #PID<...>}";
        QTest::newRow("restart_child of a running child is an error")
            << QStringList{} << "Supervisor.restart_child(MyApp.Supervisor, Counter)" << true
            << "{:error, :running}";
        QTest::newRow("delete_child of a stopped child forgets it")
            << QStringList{"Supervisor.terminate_child(MyApp.Supervisor, Counter)",
                           "Supervisor.delete_child(MyApp.Supervisor, Counter)"}
            << "Supervisor.count_children(MyApp.Supervisor)" << true
            << "%{active: 1, specs: 1, supervisors: 0, workers: 1}";
        QTest::newRow("a call to a stopped worker exits as GenServer.call does")
            << QStringList{"Supervisor.terminate_child(MyApp.Supervisor, Counter)"}
            << "Counter.increment(5)" << false
            << "** (exit) exited in: GenServer.call(Counter, {:increment, 5}, 5000)" + noProcess;
        QTest::newRow("a match that fails says what it got")
            << QStringList{} << "{:ok, pid} = Supervisor.restart_child(MyApp.Supervisor, Counter)"
            << false << "** (MatchError) no match of right hand side value: {:error, :running}";
        QTest::newRow("a bound variable is kept for later lines")
            << QStringList{"pid = Process.whereis(Counter)"} << "Process.alive?(pid)" << true
            << "true";
        QTest::newRow("a variable never bound") << QStringList{} << "session9" << false
                                                << "** (CompileError) iex:1: undefined function "
                                                   "session9/0 (there is no such import)";
        QTest::newRow("a module that does not exist")
            << QStringList{} << "Cart.add(1)" << false
            << "** (UndefinedFunctionError) function Cart.add/1 is undefined (module Cart is not "
               "available)";
        QTest::newRow("a function the behaviour does not have")
            << QStringList{} << "Counter.reset()" << false
            << "** (UndefinedFunctionError) function Counter.reset/0 is undefined or private";
        QTest::newRow("whereis of a name nobody has is nil")
            << QStringList{} << "Process.whereis(Nobody)" << true << "nil";
        QTest::newRow("length of a list")
            << QStringList{} << "length(Supervisor.which_children(MyApp.Supervisor))" << true
            << "2";
        QTest::newRow("self is the console's own process")
            << QStringList{} << "Process.alive?(self())" << true << "true";
        QTest::newRow("two expressions on a line give the last")
            << QStringList{} << "x = 5; {x, :done}" << true << "{5, :done}";
        QTest::newRow("a pipe") << QStringList{}
                                << "MyApp.Supervisor |> Supervisor.count_children()" << true
                                << "%{active: 2, specs: 2, supervisors: 0, workers: 2}";
        QTest::newRow("what the console cannot do, it says")
            << QStringList{} << "fn -> 1 end" << false
            << "** (SupLab) not supported in the console: fn ... end";
        QTest::newRow("h lists a worker's functions")
            << QStringList{} << "h Counter" << true
            << "Counter (SupLab's counter worker):\n  Counter.get_count/0\n  Counter.increment/1";
        QTest::newRow("h of something that is not a module says what h takes")
            << QStringList{} << "h 5" << false
            << "** (SupLab) h takes a module: h Counter, h Supervisor, h MyApp.SessionSupervisor";
        QTest::newRow("a child started from a map lists the module it starts")
            << QStringList{"Supervisor.start_child(MyApp.Supervisor, %{id: :extra, start: "
                           "{Counter, :start_link, [3]}})"}
            << "hd(Supervisor.which_children(MyApp.Supervisor))" << true
            << "{:extra, #PID<...>, :worker, [Counter]}";
        QTest::newRow("start_child of an id that is running")
            << QStringList{} << "Supervisor.start_child(MyApp.Supervisor, {Counter, 5})" << true
            << "{:error, {:already_started, #PID<...>}}";
        QTest::newRow("start_child of an id that is stopped")
            << QStringList{"Supervisor.terminate_child(MyApp.Supervisor, Counter)"}
            << "Supervisor.start_child(MyApp.Supervisor, {Counter, 5})" << true
            << "{:error, :already_present}";
        QTest::newRow("an exit is asynchronous: a call on the same line finds no process")
            << QStringList{} << "Process.exit(Process.whereis(Counter), :kill); Counter.get_count()"
            << false
            << "** (exit) exited in: GenServer.call(Counter, :get_count, 5000)" + noProcess;
        QTest::newRow("by the next line the supervisor has restarted it")
            << QStringList{"Process.exit(Process.whereis(Counter), :kill)"} << "Counter.get_count()"
            << true << "0";
        QTest::newRow("GenServer.call with a request naming a worker's function")
            << QStringList{"GenServer.cast(Counter, {:increment, 4})"}
            << "GenServer.call(Counter, :get_count)" << true << "4";
        QTest::newRow("an Erlang module is refused with a way to see the state")
            << QStringList{} << ":sys.get_state(Counter)" << false
            << "** (SupLab) Erlang modules are not in the console: :sys.get_state/1 (SupLab's "
               "workers are simulations: the inspector shows what one holds, and its own "
               "functions read it, as Counter.get_count() does)";
        QTest::newRow("an Elixir module the console does not run says so")
            << QStringList{} << "IO.puts(\"hi\")" << false
            << "** (SupLab) IO.puts/1 is not in the console (h lists what it runs)";
        QTest::newRow("two expressions side by side are a syntax error")
            << QStringList{} << "Counter.increment(5)Counter.get_count()" << false
            << "** (SyntaxError) iex:1: syntax error before: 'Counter'";
        QTest::newRow("h of one function")
            << QStringList{} << "h KVStore.put" << true
            << "KVStore (SupLab's kv_store worker):\n  KVStore.put/2";
        QTest::newRow("a sleep is bounded, so that the run is never held long")
            << QStringList{} << "Process.sleep(60000)" << false
            << "** (SupLab) the console sleeps from 0 to 10000 ms at a time; got 60000";
        QTest::newRow("a short sleep lets time pass")
            << QStringList{} << "Process.sleep(20)" << true << ":ok";
        QTest::newRow("the tree is started already")
            << QStringList{} << "MyApp.Supervisor.start_link(:ok)" << true
            << "{:error, {:already_started, #PID<...>}}";
    }
    void aLineGivesWhatIexGives() {
        QFETCH(QStringList, before);
        QFETCH(QString, line);
        QFETCH(bool, ok);
        QFETCH(QString, reply);
        Session session("01_counter_kvstore.json", true, "");
        QVERIFY(session.loaded.ok());
        for (const QString& b : before)
            QVERIFY(session.evaluator->eval(b.toStdString()).ok);
        const Reply got = session.evaluator->eval(line.toStdString());
        QCOMPARE(withoutPids(QString::fromStdString(got.text)), reply);
        QCOMPARE(got.ok, ok);
    }

    // Supervisor.which_children on a DynamicSupervisor answers as the dynamic one does.
    void whichChildrenAnswersForWhatTheSupervisorIs() {
        Session session("05_chat_app.json", true, "");
        QVERIFY(session.loaded.ok());
        const std::string viaSupervisor =
            session.evaluator->eval("Supervisor.which_children(ChatApp.RoomSupervisor)").text;
        const std::string viaDynamic =
            session.evaluator->eval("DynamicSupervisor.which_children(ChatApp.RoomSupervisor)")
                .text;
        QCOMPARE(QString::fromStdString(viaSupervisor), QString::fromStdString(viaDynamic));
        QVERIFY(viaSupervisor.find(":undefined") != std::string::npos);
    }

    // Elixir's DynamicSupervisor lists its children by pid: a restarted one comes last.
    void aRestartedDynamicChildIsListedLast() {
        Session session("05_chat_app.json", true, "");
        QVERIFY(session.loaded.ok());
        for (const char* line :
             {"Process.exit(Process.whereis(:lobby), :kill)", "ChatApp.Room.join(:lobby, \"x\")",
              "[_, {_, last, _, _}] = DynamicSupervisor.which_children(ChatApp.RoomSupervisor)"})
            QVERIFY2(session.evaluator->eval(line).ok, line);
        QCOMPARE(QString::fromStdString(session.evaluator->eval("ChatApp.Room.users(last)").text),
                 QStringLiteral("[\"x\"]"));
    }

    // The process a line acted on, for the GUI to select and inspect.
    void aLineFocusesTheProcessItTouched_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("focus");
        QTest::newRow("a worker's function focuses the worker") << "Counter.increment(1)"
                                                                << "MyApp.Supervisor/Counter";
        QTest::newRow("an exit focuses the process it was sent to")
            << "Process.exit(Process.whereis(KVStore), :kill)"
            << "MyApp.Supervisor/KVStore";
        QTest::newRow("a supervisor's function focuses the supervisor")
            << "Supervisor.count_children(MyApp.Supervisor)"
            << "MyApp.Supervisor";
        QTest::newRow("a line that touches no process focuses none") << "x = 1"
                                                                     << "";
        QTest::newRow("a failed call still focuses what it tried")
            << "Supervisor.restart_child(MyApp.Supervisor, :nobody)"
            << "MyApp.Supervisor";
    }
    void aLineFocusesTheProcessItTouched() {
        QFETCH(QString, line);
        QFETCH(QString, focus);
        Session session("01_counter_kvstore.json", true, "");
        QVERIFY(session.loaded.ok());
        QCOMPARE(QString::fromStdString(session.evaluator->eval(line.toStdString()).focus), focus);
    }

    // An Application's start/2 starts the tree it names, as `iex -S mix` does.
    void anApplicationStartsItsTree() {
        EngineCore engine(ClockKind::Virtual);
        const std::string source =
            test::readFile(SUPLAB_SOURCE_DIR "/resources/elixir/lesson_application.ex");
        ImportResult imported = importElixir(source, "lesson_application.ex");
        QVERIFY(imported.scenario);
        EngineWorld world(engine, *imported.scenario);
        Evaluator evaluator(world);
        evaluator.defineModules(source);
        QCOMPARE(withoutPids(QString::fromStdString(
                     evaluator.eval("MyApp.Application.start(:normal, [])").text)),
                 QStringLiteral("{:ok, #PID<...>}"));
        QCOMPARE(QString::fromStdString(
                     evaluator.eval("Supervisor.count_children(MyApp.Supervisor)").text),
                 QStringLiteral("%{active: 3, specs: 3, supervisors: 0, workers: 3}"));
        engine.shutdown();
    }

    // An iex session as printed is read into inputs, outputs and narration.
    void aTranscriptIsReadAsIexPrintsIt_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("inputs");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("narration");
        QTest::newRow("a prompt and its answer")
            << "iex> Counter.get_count()\n0\n"
            << QStringList{"Counter.get_count()"} << QStringList{"0"} << QStringList{""};
        QTest::newRow("numbered prompts as iex shows them")
            << "iex(1)> a = 1\n1\niex(2)> a\n1" << QStringList{"a = 1", "a"}
            << QStringList{"1", "1"} << QStringList{"", ""};
        QTest::newRow("a comment says what the next line is for")
            << "# Start it.\n# Then look.\niex> f()\n:ok" << QStringList{"f()"}
            << QStringList{":ok"} << QStringList{"Start it.\nThen look."};
        QTest::newRow("an answer over several lines, a blank line inside kept")
            << "iex> g()\n** (ArgumentError) x:\n\n  * 1st\n\n\niex> h()"
            << QStringList{"g()", "h()"} << QStringList{"** (ArgumentError) x:\n\n  * 1st", ""}
            << QStringList{"", ""};
        QTest::newRow("a pid in an answer is not a comment")
            << "iex> self()\n#PID<0.110.0>" << QStringList{"self()"} << QStringList{"#PID<0.110.0>"}
            << QStringList{""};
        QTest::newRow("no prompt at all: every line is an input")
            << "Counter.increment(1)\n\nCounter.get_count()\r\n"
            << QStringList{"Counter.increment(1)", "Counter.get_count()"} << QStringList{"", ""}
            << QStringList{"", ""};
    }
    void aTranscriptIsReadAsIexPrintsIt() {
        QFETCH(QString, text);
        QFETCH(QStringList, inputs);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, narration);
        QStringList gotInputs, gotExpected, gotNarration;
        for (const TranscriptLine& line : parseTranscript(text.toStdString())) {
            gotInputs << QString::fromStdString(line.input);
            gotExpected << QString::fromStdString(line.expected);
            gotNarration << QString::fromStdString(line.narration);
        }
        QCOMPARE(gotInputs, inputs);
        QCOMPARE(gotExpected, expected);
        QCOMPARE(gotNarration, narration);
    }

    // Every behaviour loses its state when its process is restarted, as the lesson says.
    void aRestartWipesTheState_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("fill");
        QTest::addColumn<QString>("read");
        QTest::addColumn<QString>("victim");
        QTest::addColumn<QString>("filled");
        QTest::addColumn<QString>("fresh");
        QTest::newRow("counter") << "01_counter_kvstore.json"
                                 << "Counter.increment(7)"
                                 << "Counter.get_count()"
                                 << "Counter"
                                 << "7"
                                 << "0";
        QTest::newRow("kv_store") << "01_counter_kvstore.json"
                                  << "KVStore.put(\"k\", 1)"
                                  << "KVStore.get(\"k\")"
                                  << "KVStore"
                                  << "1"
                                  << "nil";
        QTest::newRow("chat_room") << "05_chat_app.json"
                                   << "ChatApp.Room.join(:lobby, \"ann\")"
                                   << "ChatApp.Room.users(:lobby)"
                                   << ":lobby"
                                   << "[\"ann\"]"
                                   << "[]";
        QTest::newRow("logger") << "05_chat_app.json"
                                << "ChatApp.Logger.log(\"hello\")"
                                << "ChatApp.Logger.logs()"
                                << "ChatApp.Logger"
                                << "[\"hello\"]"
                                << "[]";
    }
    void aRestartWipesTheState() {
        QFETCH(QString, scenario);
        QFETCH(QString, fill);
        QFETCH(QString, read);
        QFETCH(QString, victim);
        QFETCH(QString, filled);
        QFETCH(QString, fresh);
        Session session(scenario.toStdString(), true, "");
        QVERIFY(session.loaded.ok());
        QCOMPARE(QString::fromStdString(session.evaluator->eval(fill.toStdString()).text),
                 QStringLiteral(":ok"));
        QCOMPARE(QString::fromStdString(session.evaluator->eval(read.toStdString()).text), filled);
        const std::string kill =
            "Process.exit(Process.whereis(" + victim.toStdString() + "), :kill)";
        QCOMPARE(QString::fromStdString(session.evaluator->eval(kill).text),
                 QStringLiteral("true"));
        QCOMPARE(QString::fromStdString(session.evaluator->eval(read.toStdString()).text), fresh);
    }
};

QTEST_GUILESS_MAIN(TstConsole)
#include "tst_console.moc"
