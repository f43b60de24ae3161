// Importing Elixir: every module of the lesson, a table of harder snippets, the
// line of each construct that cannot be read, and the way back (a scenario as an
// Elixir skeleton imports to the same tree).

#include "elixir/ElixirImporter.h"
#include "elixir/ElixirSkeleton.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace suplab;

class TstElixirImport : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyLessonModuleImports_data();
    void everyLessonModuleImports();
    void aSnippetImportsToItsTree_data();
    void aSnippetImportsToItsTree();
    void aSupervisorsOwnTaskIsAWorkerNotItself();
    void aPlainModuleThatStartsItsOwnSupervisorIsTheRoot();
    void anUnreadableConstructIsListedWithItsLine_data();
    void anUnreadableConstructIsListedWithItsLine();
    void aChildLeftToRunTimeIsMarked_data();
    void aChildLeftToRunTimeIsMarked();
    void anAssumptionIsSaidWithItsLine_data();
    void anAssumptionIsSaidWithItsLine();
    void aSkeletonImportsBackToTheSameTree_data();
    void aSkeletonImportsBackToTheSameTree();
    void hostileInputNeverCrashes_data();
    void hostileInputNeverCrashes();
    void aSideEffectCallLeavesTheImportComplete_data();
    void aSideEffectCallLeavesTheImportComplete();
};

static QString rootOf(const ImportResult& r) {
    return r.scenario ? QString::fromStdString(writeNode(*r.scenario->root)) : QStringLiteral("-");
}

static QString notesOf(const ImportResult& r) {
    QStringList lines;
    for (const auto& l : r.lines("f.ex"))
        lines << QString::fromStdString(l);
    return lines.join(QLatin1Char('\n'));
}

void TstElixirImport::everyLessonModuleImports_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("root");
    QTest::addColumn<bool>("complete");
    QTest::newRow("Counter and KVStore under one_for_one")
        << "lesson_counter_kvstore.ex"
        << R"({"id": "MyApp.Supervisor", "type": "supervisor", "children": [{"id": "Counter", "behaviour": "counter", "args": 0}, {"id": "KVStore", "behaviour": "kv_store"}]})"
        << true;
    QTest::newRow("a child spec map on its own")
        << "lesson_child_spec_map.exs"
        << R"({"id": "Root", "type": "supervisor", "children": [{"id": "Counter"}]})" << true;
    QTest::newRow("a temporary worker with its own child_spec")
        << "lesson_temporary_worker.ex"
        << R"({"id": "Root", "type": "supervisor", "children": [{"id": "MyTemporaryWorker", "restart": "temporary"}]})"
        << true;
    QTest::newRow("Database, Cache, WebServer under rest_for_one")
        << "lesson_rest_for_one.ex"
        << R"({"id": "MyApp.Supervisor", "type": "supervisor", "strategy": "rest_for_one", "children": [{"id": "Database"}, {"id": "Cache"}, {"id": "WebServer"}]})"
        << true;
    QTest::newRow("the application's three subsystems")
        << "lesson_application.ex"
        << R"({"id": "MyApp.Supervisor", "type": "supervisor", "children": [{"id": "MyApp.Database.Supervisor"}, {"id": "MyApp.Cache.Supervisor"}, {"id": "MyApp.Web.Supervisor"}]})"
        << true;
    QTest::newRow("restart intensity options without their children")
        << "lesson_restart_intensity.exs"
        << R"x({"id": "Root", "type": "supervisor", "max_restarts": 5, "max_seconds": 10, "children": [{"id": "?children", "note": "stands for children computed at run time by children (line 1)"}]})x"
        << true;
    QTest::newRow("SessionSupervisor, a DynamicSupervisor")
        << "lesson_session_supervisor.ex"
        << R"({"id": "MyApp.SessionSupervisor", "type": "dynamic_supervisor"})" << true;
    QTest::newRow("ChatApp with its RoomSupervisor")
        << "lesson_chat_app.ex"
        << R"({"id": "ChatApp.Supervisor", "type": "supervisor", "children": [{"id": "ChatApp.Logger", "behaviour": "logger"}, {"id": "ChatApp.RoomSupervisor", "type": "dynamic_supervisor"}]})"
        << true;
}

void TstElixirImport::everyLessonModuleImports() {
    QFETCH(QString, file);
    QFETCH(QString, root);
    QFETCH(bool, complete);
    QFile f(QStringLiteral(SUPLAB_SOURCE_DIR "/resources/elixir/") + file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    const ImportResult r = importElixir(f.readAll().toStdString(), file.toStdString());
    QCOMPARE(rootOf(r), root);
    QVERIFY2(r.complete() == complete, qPrintable(notesOf(r)));
}

void TstElixirImport::aSnippetImportsToItsTree_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("root");
    QTest::newRow("DynamicSupervisor as a tuple takes its name as id and its options")
        << R"(
defmodule App.Sup do
  use Supervisor
  def init(_), do: Supervisor.init([{DynamicSupervisor, name: App.Rooms, strategy: :one_for_one, max_children: 10, max_restarts: 1}], strategy: :one_for_all)
end)"
        << R"({"id": "App.Sup", "type": "supervisor", "strategy": "one_for_all", "children": [{"id": "App.Rooms", "type": "dynamic_supervisor", "max_restarts": 1, "max_children": 10}]})";
    QTest::newRow("a list rebound with ++ is the list before it and what is added")
        << R"(
defmodule S do
  use Supervisor
  def init(_) do
    children = [A, B]
    children = children
    children = children ++ [C]
    Supervisor.init(children, strategy: :one_for_one)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "A"}, {"id": "B"}, {"id": "C"}]})";
    QTest::newRow("known libraries take the id their child_spec gives")
        << R"(
defmodule S do
  use Supervisor
  def init(_) do
    Supervisor.init([
      {Phoenix.PubSub, name: S.PubSub},
      {Finch, name: S.Finch},
      {Oban, []},
      {ConCache, name: :cache}
    ], strategy: :one_for_one)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "Phoenix.PubSub.Supervisor", "type": "supervisor"}, {"id": "S.Finch", "type": "supervisor"}, {"id": "Oban", "type": "supervisor"}, {"id": "ConCache", "type": "supervisor"}]})";
    QTest::newRow("aliases of every form name children by their full module")
        << R"(
defmodule MyApp.Sup do
  use Supervisor
  alias MyApp.Workers.{Cache, Db}
  alias MyApp.Long.Name, as: Short
  alias __MODULE__.{Publisher}
  def init(_) do
    Supervisor.init([Cache, {Db, []}, Short, Publisher], strategy: :one_for_one)
  end
end)"
        << R"({"id": "MyApp.Sup", "type": "supervisor", "children": [{"id": "MyApp.Workers.Cache"}, {"id": "MyApp.Workers.Db"}, {"id": "MyApp.Long.Name"}, {"id": "MyApp.Sup.Publisher"}]})";
    QTest::newRow("a child list built by helpers (a literal argument decides their if), ++, if and "
                  "Enum.reject")
        << R"(
defmodule App.Application do
  use Application
  def start(_type, _args) do
    children =
      [App.Repo, if(web?(), do: App.Endpoint)] ++ workers(:all) ++ extra()
      |> Enum.reject(&is_nil/1)
    Supervisor.start_link(children, strategy: :one_for_one, name: App.Sup)
  end
  defp workers(mode) do
    base = [App.Cache]
    if mode == :all, do: base ++ [App.Mailer], else: base
  end
  defp extra, do: [{Task.Supervisor, name: App.Tasks} | [App.Pinger]]
end)"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "App.Repo"}, {"id": "App.Endpoint", "note": "conditional: starts only if web?() (line 6)"}, {"id": "App.Cache"}, {"id": "App.Mailer"}, {"id": "App.Tasks", "type": "dynamic_supervisor"}, {"id": "App.Pinger"}]})x";
    QTest::newRow("a helper's clause is chosen by its literal argument")
        << R"(
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init([A | extra(:prod, 2)], strategy: :one_for_one)
  defp extra(:dev, _), do: [Dev]
  defp extra(env, n) when env == :prod and n == 2, do: [B, C]
  defp extra(_, _), do: []
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "A"}, {"id": "B"}, {"id": "C"}]})";
    QTest::newRow("a case on a value the file binds takes its matching clause only")
        << R"(
defmodule S do
  use Supervisor
  @mode {:web, 1}
  def init(_) do
    children = case @mode do
      {:worker, _} -> [W]
      {:web, n} -> [Web]
      _ -> []
    end
    Supervisor.init(children, strategy: :one_for_one)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "Web"}]})";
    QTest::newRow("a child every branch gives is not conditional; a raising branch gives none")
        << R"x(
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init(add_extra([A, B]), strategy: :one_for_one)
  defp add_extra(children) do
    case System.get_env("X") do
      "1" ->
        extra = C
        [extra | children]
      "2" -> raise "no"
      _ -> children
    end
  end
end)x"
        << R"x({"id": "S", "type": "supervisor", "children": [{"id": "C", "note": "conditional: starts only when System.get_env(\"X\") matches \"1\" (line 9)"}, {"id": "A"}, {"id": "B"}]})x";
    QTest::newRow("an Application that starts in one of two ways has the children of each, "
                  "marked with their way")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    if Application.get_env(:app, :minimal) do
      Supervisor.start_link([], strategy: :one_for_one, name: App.Sup)
    else
      [A, B]
      |> Supervisor.start_link(strategy: :one_for_one, name: App.Sup)
    end
  end
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "A", "note": "conditional: starts only unless Application.get_env(:app, :minimal) (line 8)"}, {"id": "B", "note": "conditional: starts only unless Application.get_env(:app, :minimal) (line 8)"}]})x";
    QTest::newRow("a child every way of starting has is not conditional")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    if Application.get_env(:app, :library_mode, true) do
      Supervisor.start_link(base(), strategy: :one_for_one, name: App.Sup)
    else
      Supervisor.start_link(base() ++ [C], strategy: :one_for_one, name: App.Sup)
    end
  end
  def base, do: [A, B]
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "A"}, {"id": "B"}, {"id": "C", "note": "conditional: starts only unless Application.get_env(:app, :library_mode, true) (line 8)"}]})x";
    QTest::newRow("two children of a module not read here take their ids from the arguments")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    Supervisor.start_link([queue(:a), queue(:b)], strategy: :one_for_one, name: App.Sup)
  end
  defp queue(name), do: {App.Queue, name: name}
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "?{App.Queue, name: :a}", "note": "decided at run time: App.Queue's id (its child_spec/1 is not read here), made from {App.Queue, name: :a} (line 7)"}, {"id": "?{App.Queue, name: :b}", "note": "decided at run time: App.Queue's id (its child_spec/1 is not read here), made from {App.Queue, name: :b} (line 7)"}]})x";
    QTest::newRow("a variable a pattern binds again no longer holds its old value")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    opts = [name: App.Old]
    {:ok, opts} = App.Config.load(opts)
    {a, b} = {App.A, App.B}
    Supervisor.start_link([a, b, {Registry, keys: :unique, name: opts[:name]}], strategy: :one_for_one, name: App.Sup)
  end
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "App.A"}, {"id": "App.B"}, {"id": "?opts[:name]", "type": "supervisor", "note": "decided at run time: Registry's id, its name: opts[:name] (line 8)"}]})x";
    QTest::newRow("Keyword.put and merge on written lists give the options")
        << R"x(
defmodule App do
  use Supervisor
  def init(_) do
    opts = Keyword.put([strategy: :one_for_all], :max_restarts, 1)
    Supervisor.init([A], Keyword.merge(opts, max_seconds: 9))
  end
end)x"
        << R"x({"id": "App", "type": "supervisor", "strategy": "one_for_all", "max_restarts": 1, "max_seconds": 9, "children": [{"id": "A"}]})x";
    QTest::newRow("of several init clauses, the one that calls Supervisor.init builds the tree")
        << R"x(
defmodule App.Sup do
  use Supervisor
  def init(opts)
  def init(opts) when is_tuple(opts), do: raise(ArgumentError, "no tuples")
  def init(opts) when is_list(opts) do
    opts =
      case Keyword.validate(opts, [:start]) do
        {:ok, _} -> opts
        {:error, _} -> raise ArgumentError, "bad options"
      end
    children = if opts[:start], do: [A], else: []
    Supervisor.init(children, strategy: :one_for_one)
  end
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "A", "note": "conditional: starts only if opts[:start] (line 12)"}]})x";
    QTest::newRow("a module started one way in each branch keeps its id")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    children =
      case Application.get_env(:app, :import) do
        nil -> [{App.Terrain, []}]
        _dir -> [{App.Terrain, disabled: true}]
      end
    Supervisor.start_link(children, strategy: :one_for_one, name: App.Sup)
  end
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "App.Terrain", "note": "conditional: starts only when Application.get_env(:app, :import) matches nil (line 7)"}]})x";
    QTest::newRow("an Application that starts through its own start_link starts its children")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    if Application.get_env(:app, :start?) do
      start_link()
    else
      Supervisor.start_link([], strategy: :one_for_one, name: App.Sup)
    end
  end
  def start_link(opts \\ []) do
    children = [{A, opts}]
    Supervisor.start_link(children, strategy: :one_for_one, name: App.Sup)
  end
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "A", "note": "conditional: starts only if Application.get_env(:app, :start?) (line 12)"}]})x";
    QTest::newRow("a function with default arguments is called with them")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    Supervisor.start_link(children(), strategy: :one_for_one, name: App.Sup)
  end
  defp children(extra \\ [B], more \\ []), do: [A | extra] ++ more
end)x"
        << R"({"id": "App.Sup", "type": "supervisor", "children": [{"id": "A"}, {"id": "B"}]})";
    QTest::newRow("a guard on the type of an argument picks the clause, through helpers")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    config = configuration()
    Supervisor.start_link(pick(config) ++ pick(:other), strategy: :one_for_one, name: App.Sup)
  end
  defp configuration do
    base = [a: 1]
    Keyword.merge(base, b: 2)
  end
  defp pick(opts) when is_list(opts), do: [A]
  defp pick(_), do: [B]
end)x"
        << R"({"id": "App.Sup", "type": "supervisor", "children": [{"id": "A"}, {"id": "B"}]})";
    QTest::newRow("functions defined in the clauses of a compile-time cond are each a way")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    Supervisor.start_link([A | server()], strategy: :one_for_one, name: App.Sup)
  end
  cond do
    Code.ensure_loaded?(Bandit) ->
      defp server, do: [B]
    true ->
      defp server, do: []
  end
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "A"}, {"id": "B", "note": "conditional: starts only when Code.ensure_loaded?(Bandit) at compile time (line 9)"}]})x";
    QTest::newRow("a clause the arguments cannot pick, in a compile-time way, gives each clause")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    Supervisor.start_link(more(Application.get_env(:app, :extra)), strategy: :one_for_one, name: App.Sup)
  end
  if Mix.target() == :host do
    defp more(_), do: []
  else
    defp more(nil), do: [A]
    defp more(extra), do: [A, extra]
  end
end)x"
        << R"x({"id": "App.Sup", "type": "supervisor", "children": [{"id": "A", "note": "conditional: starts only unless Mix.target() == :host at compile time (line 10)"}, {"id": "?Application.get_env(:app, :extra)", "note": "conditional: starts only unless Mix.target() == :host at compile time and when more(extra) is the clause that runs (line 11)"}]})x";
    QTest::newRow("a Plug.Cowboy listener is named by its plug and scheme, or its ref")
        << R"x(
defmodule App do
  use Application
  def start(_type, _args) do
    children = [
      Plug.Cowboy.child_spec(scheme: :http, plug: {App.Router, []}, options: [port: 4000]),
      {Plug.Cowboy, scheme: :https, plug: App.Router, ref: App.Secure}
    ]
    Supervisor.start_link(children, strategy: :one_for_one, name: App.Sup)
  end
end)x"
        << R"({"id": "App.Sup", "type": "supervisor", "children": [{"id": "{:ranch_embedded_sup, App.Router.HTTP}", "type": "supervisor"}, {"id": "{:ranch_embedded_sup, App.Secure}", "type": "supervisor"}]})";
    QTest::newRow("for and Enum.map over a written list give one child each; a helper defined "
                  "two ways at compile time gives each way's, conditional")
        << R"x(
defmodule S do
  use Supervisor
  @workers [A, B]
  if Version.match?(System.version(), ">= 1.10.0") do
    defp queues, do: for(q <- [:mail, :sms], q != :sms, do: Supervisor.child_spec({Q, q}, id: q))
  else
    defp queues, do: []
  end
  def init(_), do: Supervisor.init(Enum.map(@workers, &{&1, []}) ++ queues(), strategy: :one_for_one)
end)x"
        << R"x({"id": "S", "type": "supervisor", "children": [{"id": "A"}, {"id": "B"}, {"id": "mail", "note": "conditional: starts only if Version.match?(System.version(), \">= 1.10.0\") at compile time (line 6)"}]})x";
    QTest::newRow("a function that returns a value gives it (a pool's name)")
        << R"x(
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init([:poolboy.child_spec(pool_name(:messages), [])], strategy: :one_for_one)
  defp pool_name(:messages), do: :message_pool
  defp pool_name(_), do: :other_pool
end)x"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "message_pool"}]})";
    QTest::newRow("Erlang libraries take the id their child_spec gives")
        << R"x(
defmodule S do
  use Supervisor
  def init(_) do
    Supervisor.init([
      :poolboy.child_spec(:workers, size: 5),
      {:telemetry_poller, measurements: [], period: 10_000},
      :ranch.child_spec(:proxy, :ranch_tcp, %{}, Handler, []),
      :some_erlang_server
    ], strategy: :one_for_one)
  end
end)x"
        << R"x({"id": "S", "type": "supervisor", "children": [{"id": "workers"}, {"id": "telemetry_poller"}, {"id": "{:ranch_embedded_sup, :proxy}", "type": "supervisor"}, {"id": "some_erlang_server"}]})x";
    QTest::newRow("Enum.reverse and List.insert_at reorder a written list")
        << R"x(
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init(List.insert_at(Enum.reverse([A, B]), 1, C), strategy: :one_for_one)
end)x"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "B"}, {"id": "C"}, {"id": "A"}]})";
    QTest::newRow("a child_spec/1 that hands over to another's, piped, and a map update")
        << R"x(
defmodule App.Registry do
  def child_spec(_arg) do
    [keys: :unique, name: __MODULE__]
    |> Registry.child_spec()
    |> Supervisor.child_spec(id: __MODULE__)
  end
end
defmodule S do
  use Supervisor
  def init(_) do
    %{start: start} = spec = App.Worker.child_spec([])
    Supervisor.init([App.Registry, %{spec | restart: :temporary, start: {S, :wrap, [start]}}], strategy: :one_for_one)
  end
end)x"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "App.Registry", "type": "supervisor"}, {"id": "App.Worker", "restart": "temporary"}]})";
    QTest::newRow("a module whose start_link starts a supervisor of its own children")
        << R"x(
defmodule Overseer do
  def start_link do
    children = [%{id: :locks, start: {:locks, :start_link, []}}, Store]
    Supervisor.start_link(children, strategy: :one_for_all, name: __MODULE__)
  end
end
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init([%{id: Overseer, start: {Overseer, :start_link, []}, type: :supervisor}], strategy: :one_for_one)
end)x"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "Overseer", "type": "supervisor", "strategy": "one_for_all", "children": [{"id": "locks"}, {"id": "Store"}]}]})";
    QTest::newRow("init inside a case clause, with what the clause binds")
        << R"x(
defmodule S do
  use Supervisor
  def init(opts) do
    case config(opts) do
      {:ok, config} ->
        children = [A] ++ [{B, config}]
        Supervisor.init(children, strategy: :one_for_all)
      {:error, reason} ->
        {:stop, reason}
    end
  end
end)x"
        << R"({"id": "S", "type": "supervisor", "strategy": "one_for_all", "children": [{"id": "A"}, {"id": "B"}]})";
    QTest::newRow("Keyword.get and opts[:key] on a written keyword list give the value")
        << R"x(
defmodule W do
  use GenServer
  def child_spec(opts) do
    %{id: Keyword.get(opts, :name, __MODULE__), start: {__MODULE__, :start_link, [opts]}, restart: opts[:restart] || :permanent}
  end
end
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init([{W, name: :w1, restart: :transient}, W], strategy: :one_for_one)
end)x"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "w1", "restart": "transient"}, {"id": "W"}]})";
    QTest::newRow("a helper whose clause run time chooses gives each clause's children")
        << R"x(
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init(kids(Mix.env()), strategy: :one_for_one)
  defp kids(:dev), do: [A, D]
  defp kids(_), do: [A, P]
end)x"
        << R"x({"id": "S", "type": "supervisor", "children": [{"id": "A"}, {"id": "D", "note": "conditional: starts only when kids(:dev) is the clause that runs (line 5)"}, {"id": "P", "note": "conditional: starts only when kids(_) is the clause that runs (line 6)"}]})x";
    QTest::newRow("the old Supervisor.Spec helpers: the module is the id, the helper the type")
        << R"(
defmodule S do
  use Supervisor
  import Supervisor.Spec
  def init(_) do
    children = [
      worker(App.Cache, []),
      supervisor(Task.Supervisor, [[name: App.Tasks]]),
      worker(App.Pool, [], id: :pool, restart: :transient)
    ]
    supervise(children, strategy: :one_for_one)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "App.Cache"}, {"id": "Task.Supervisor", "type": "supervisor"}, {"id": "pool", "restart": "transient"}]})";
    QTest::newRow("an Application whose start_link is the subject of a case")
        << R"(
defmodule App.Application do
  use Application
  def start(_type, _args) do
    case Supervisor.start_link([App.Worker], strategy: :one_for_one, name: App.Sup) do
      {:ok, pid} -> {:ok, pid}
      error -> error
    end
  end
end)"
        << R"({"id": "App.Sup", "type": "supervisor", "children": [{"id": "App.Worker"}]})";
    QTest::newRow("an Application whose start_link is a clause of with")
        << R"(
defmodule App.Application do
  use Application
  def start(_type, _args) do
    with {:ok, pid} <- Supervisor.start_link([App.Worker], strategy: :one_for_all, name: App.Sup) do
      {:ok, pid}
    end
  end
end)"
        << R"({"id": "App.Sup", "type": "supervisor", "strategy": "one_for_all", "children": [{"id": "App.Worker"}]})";
    QTest::newRow("an Application that starts its tree only under a condition")
        << R"(
defmodule App.Application do
  use Application
  def start(_type, _args) do
    if Application.get_env(:app, :start?) do
      Supervisor.start_link([App.Worker], strategy: :one_for_one, name: App.Sup)
    else
      {:ok, self()}
    end
  end
end)"
        << R"({"id": "App.Sup", "type": "supervisor", "children": [{"id": "App.Worker"}]})";
    QTest::newRow("List.flatten of children and lists, called or piped")
        << R"(
defmodule S do
  use Supervisor
  def init(_) do
    children = List.flatten([A, [B, C], more()])
    Supervisor.init(children |> List.flatten(), strategy: :one_for_one)
  end
  defp more, do: [D]
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "A"}, {"id": "B"}, {"id": "C"}, {"id": "D"}]})";
    QTest::newRow("Supervisor.child_spec gives two copies of a module their own ids")
        << R"(
defmodule S do
  use Supervisor
  def init(_arg) do
    children = [
      Supervisor.child_spec({Worker, 1}, id: :worker_1),
      Supervisor.child_spec({Worker, 2}, id: :worker_2, restart: :transient)
    ]
    Supervisor.init(children, strategy: :one_for_one)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "worker_1"}, {"id": "worker_2", "restart": "transient"}]})";
    QTest::newRow("a map child spec with every key")
        << R"(
defmodule S do
  use Supervisor
  def init(_) do
    Supervisor.init([
      %{id: :cache, start: {Cache, :start_link, [[]]}, restart: :transient, shutdown: :brutal_kill, type: :worker},
      %{id: Db, start: {Db, :start_link, []}, shutdown: 10_000}
    ], strategy: :rest_for_one, max_restarts: 5, max_seconds: 60 * 5)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "strategy": "rest_for_one", "max_restarts": 5, "max_seconds": 300, "children": [{"id": "cache", "restart": "transient", "shutdown": "brutal_kill"}, {"id": "Db", "shutdown": 10000}]})";
    QTest::newRow("worker modules of the same file bring their use options")
        << R"(
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init([A, {B, :arg}, C], strategy: :one_for_one)
end
defmodule A do
  use GenServer, restart: :transient, shutdown: 10_000
end
defmodule B do
  use Task
end
defmodule C do
  use GenServer
  def init(state) do
    Process.flag(:trap_exit, true)
    {:ok, state}
  end
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "A", "restart": "transient", "shutdown": 10000}, {"id": "B", "restart": "temporary"}, {"id": "C", "trap_exit": true}]})";
    QTest::newRow("an application with nested supervisor modules of the same file")
        << R"(
defmodule MyApp.Application do
  use Application
  alias MyApp.Web
  @impl true
  def start(_type, _args) do
    children = [MyApp.Repo, Web.Supervisor]
    opts = [strategy: :one_for_one, name: MyApp.Supervisor]
    Supervisor.start_link(children, opts)
  end
end
defmodule MyApp.Web.Supervisor do
  use Supervisor
  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
  @impl true
  def init(_arg) do
    [MyApp.Web.Endpoint, {Task.Supervisor, name: MyApp.Web.Tasks}]
    |> Supervisor.init(strategy: :one_for_all, max_restarts: 1)
  end
end
defmodule MyApp.Web.Endpoint do
  use GenServer
end)"
        << R"({"id": "MyApp.Supervisor", "type": "supervisor", "children": [{"id": "MyApp.Repo"}, {"id": "MyApp.Web.Supervisor", "type": "supervisor", "strategy": "one_for_all", "max_restarts": 1, "children": [{"id": "MyApp.Web.Endpoint"}, {"id": "MyApp.Web.Tasks", "type": "dynamic_supervisor"}]}]})";
    QTest::newRow("children from a module attribute joined with ++")
        << R"(
defmodule S do
  use Supervisor
  @core [Registry.Worker, Store]
  def init(_) do
    extra = [{Sender, []}]
    Supervisor.init(@core ++ extra, strategy: :one_for_one, max_seconds: 30)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "max_seconds": 30, "children": [{"id": "Registry.Worker"}, {"id": "Store"}, {"id": "Sender"}]})";
    QTest::newRow("significant children and auto_shutdown")
        << R"(
defmodule S do
  use Supervisor
  def init(_) do
    children = [Supervisor.child_spec(Job, restart: :transient, significant: true), Other]
    Supervisor.init(children, strategy: :one_for_one, auto_shutdown: :any_significant)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "auto_shutdown": "any_significant", "children": [{"id": "Job", "restart": "transient", "significant": true}, {"id": "Other"}]})";
    QTest::newRow("child_spec/1 of a module in the file overrides its use options")
        << R"(
defmodule S do
  use Supervisor
  def init(_), do: Supervisor.init([{W, 7}], strategy: :one_for_one)
end
defmodule W do
  use GenServer, restart: :transient
  def child_spec(arg) do
    %{id: {__MODULE__, arg}, start: {__MODULE__, :start_link, [arg]}, restart: :temporary, shutdown: :infinity}
  end
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "{W, 7}", "restart": "temporary", "shutdown": "infinity"}]})";
    QTest::newRow("a DynamicSupervisor module with max_children")
        << R"(
defmodule Pool do
  use DynamicSupervisor, shutdown: 20_000
  def init(:ok), do: DynamicSupervisor.init(strategy: :one_for_one, max_children: 100, max_seconds: 1)
end)"
        << R"({"id": "Pool", "type": "dynamic_supervisor", "shutdown": 20000, "max_seconds": 1, "max_children": 100})";
    QTest::newRow("a script that starts the supervisor with a name")
        << R"(
children = [{Agent, fn -> 0 end}]
{:ok, _pid} = Supervisor.start_link(children, strategy: :one_for_one, name: Demo.Sup)
)"
        << R"({"id": "Demo.Sup", "type": "supervisor", "children": [{"id": "Agent"}]})";
    QTest::newRow("a Phoenix application as mix phx.new writes it")
        << R"(
defmodule MyApp.Application do
  # See https://hexdocs.pm/elixir/Application.html
  @moduledoc false
  use Application

  @impl true
  def start(_type, _args) do
    children = [
      MyAppWeb.Telemetry,
      MyApp.Repo,
      {DNSCluster, query: Application.get_env(:my_app, :dns_cluster_query) || :ignore},
      {Phoenix.PubSub, name: MyApp.PubSub},
      # {MyApp.Worker, arg},
      MyAppWeb.Endpoint
    ]

    opts = [strategy: :one_for_one, name: MyApp.Supervisor]
    Supervisor.start_link(children, opts)
  end

  @impl true
  def config_change(changed, _new, removed) do
    MyAppWeb.Endpoint.config_change(changed, removed)
    :ok
  end
end)"
        << R"({"id": "MyApp.Supervisor", "type": "supervisor", "children": [{"id": "MyAppWeb.Telemetry"}, {"id": "MyApp.Repo"}, {"id": "DNSCluster"}, {"id": "Phoenix.PubSub.Supervisor", "type": "supervisor"}, {"id": "MyAppWeb.Endpoint"}]})";
    QTest::newRow("comments, heredocs and logging do not matter")
        << R"(
defmodule S do
  @moduledoc """
  A supervisor. children = [Nope]
  """
  use Supervisor
  require Logger
  # children = [Ignored]
  def init(_) do
    Logger.info("starting #{inspect(self())}")
    Supervisor.init([A], strategy: :one_for_one)
  end
end)"
        << R"({"id": "S", "type": "supervisor", "children": [{"id": "A"}]})";
}

void TstElixirImport::aSupervisorsOwnTaskIsAWorkerNotItself() {
    // {__MODULE__, :warmup, [arg]}: a function of the supervisor that starts some other
    // process, not the supervisor again.
    const ImportResult r = importElixir(
        "defmodule S do\n  use Supervisor\n  def start_link(a), do: "
        "Supervisor.start_link(__MODULE__, "
        "a)\n  def init(a) do\n    Supervisor.init([%{id: :warmup, start: {__MODULE__, :warmup, "
        "[a]}}], strategy: :one_for_one)\n  end\n  def warmup(_), do: :ignore\nend",
        "f.ex");
    QVERIFY2(r.complete(), qPrintable(notesOf(r)));
    QVERIFY(r.scenario);
    QCOMPARE(r.scenario->root->children.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(r.scenario->root->children[0]->id), QStringLiteral("warmup"));
    QVERIFY(!r.scenario->root->children[0]->isSupervisor());
}

void TstElixirImport::aPlainModuleThatStartsItsOwnSupervisorIsTheRoot() {
    const ImportResult r = importElixir(
        "defmodule Locks do\n  def start_link(_) do\n    Supervisor.start_link([A, B], strategy: "
        ":one_for_all, name: Locks)\n  end\nend",
        "f.ex");
    QVERIFY2(r.complete(), qPrintable(notesOf(r)));
    QVERIFY(r.scenario);
    QCOMPARE(QString::fromStdString(r.scenario->root->id), QStringLiteral("Locks"));
    QCOMPARE(r.scenario->root->strategy, Strategy::OneForAll);
    QCOMPARE(r.scenario->root->children.size(), std::size_t(2));
}

void TstElixirImport::aSnippetImportsToItsTree() {
    QFETCH(QString, source);
    QFETCH(QString, root);
    const ImportResult r = importElixir(source.toStdString(), "f.ex");
    QCOMPARE(rootOf(r), root);
    QVERIFY2(r.complete(), qPrintable(notesOf(r)));
}

void TstElixirImport::anUnreadableConstructIsListedWithItsLine_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("note");
    const QString head = QStringLiteral("defmodule S do\n  use Supervisor\n  def init(_) do\n");
    QTest::newRow("the deprecated simple_one_for_one strategy")
        << head + "    Supervisor.init([A],\n      strategy: :simple_one_for_one)\n  end\nend"
        << "f.ex:5: not read: strategy: :simple_one_for_one (one_for_one, one_for_all or "
           "rest_for_one)";
    QTest::newRow("two children with the same id")
        << head + "    Supervisor.init([\n      {Agent, 1},\n      {Agent, 2}\n    ], strategy: "
                  ":one_for_one)\n  end\nend"
        << "f.ex:6: not read: a second child with id Agent (the first is on line 5); Elixir "
           "refuses "
           "duplicate ids: give it an id with Supervisor.child_spec(..., id: ...)";
    QTest::newRow("an option SupLab does not know")
        << head + "    Supervisor.init([A], strategy: :one_for_one, max_restart: 3)\n  "
                  "end\nend"
        << "f.ex:4: not read: supervisor option max_restart: 3";
    QTest::newRow("a supervisor with no init") << "defmodule S do\n  use Supervisor\nend"
                                               << "f.ex:1: not read: S uses Supervisor but has no "
                                                  "init/1";
    QTest::newRow("a file that does not parse")
        << head + "    Supervisor.init([A, strategy: :one_for_one)\n  end\nend"
        << "f.ex:4: not read: the file does not parse here (expected ']', found ')')";
}

void TstElixirImport::anUnreadableConstructIsListedWithItsLine() {
    QFETCH(QString, source);
    QFETCH(QString, note);
    const ImportResult r = importElixir(source.toStdString(), "f.ex");
    QVERIFY(!r.complete());
    QVERIFY2(notesOf(r).split(QLatin1Char('\n')).contains(note), qPrintable(notesOf(r)));
}

void TstElixirImport::aChildLeftToRunTimeIsMarked_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("note");
    const QString head = QStringLiteral("defmodule S do\n  use Supervisor\n  def init(_) do\n");
    const QString tail = QStringLiteral(", strategy: :one_for_one)\n  end\nend");
    using K = ImportMark::Kind;
    QTest::newRow("a child under if is conditional")
        << head + "    Supervisor.init([A, if(web?(), do: B)]" + tail << "S/B"
        << int(K::Conditional) << "conditional: starts only if web?() (line 4)";
    QTest::newRow("a child under a case clause is conditional")
        << head +
               "    children = case mode() do\n      :full -> [A]\n      _ -> []\n    end\n"
               "    Supervisor.init(children" +
               tail
        << "S/A" << int(K::Conditional)
        << "conditional: starts only when mode() matches :full (line 5)";
    QTest::newRow("children from a function the file does not define are one placeholder")
        << head + "    children = base() ++ [A]\n    Supervisor.init(children" + tail << "S/?base()"
        << int(K::Computed) << "stands for children computed at run time by base() (line 4)";
    QTest::newRow("an id made at run time is shown as its expression")
        << head + "    Supervisor.init([Supervisor.child_spec(A, id: \"a#{1}\")]" + tail
        << "S/?\"a#{1}\"" << int(K::RunTimeId) << "decided at run time: id: \"a#{1}\" (line 4)";
    QTest::newRow("a Supervisor.Spec helper naming a module at run time")
        << head + "    Supervisor.init([worker(w(), [])]" + tail << "S/?worker(w(), [])"
        << int(K::RunTimeId) << "decided at run time: the child worker(w(), []) (line 4)";
    QTest::newRow("a library child named at run time")
        << head + "    Supervisor.init([{Task.Supervisor, name: opts[:tasks]}]" + tail
        << "S/?opts[:tasks]" << int(K::RunTimeId)
        << "decided at run time: Task.Supervisor's id, its name: opts[:tasks] (line 4)";
    QTest::newRow("a library child whose options are computed")
        << head + "    Supervisor.init([{Oban, oban_config()}]" + tail << "S/?oban_config()"
        << int(K::RunTimeId)
        << "decided at run time: Oban's id, the name: its options may hold, oban_config() (line 4)";
    QTest::newRow("a list the configuration may replace is its default, conditional")
        << head + "    Supervisor.init(Keyword.get(config(), :children, [A])" + tail << "S/A"
        << int(K::Conditional)
        << "conditional: starts only unless Keyword.get(config(), :children) is set (line 4)";
    QTest::newRow("a map child whose module is a variable")
        << head + "    Supervisor.init([%{id: repo, start: {repo, :start_link, []}}]" + tail
        << "S/?repo" << int(K::RunTimeId) << "decided at run time: id: repo (line 4)";
}

void TstElixirImport::aChildLeftToRunTimeIsMarked() {
    QFETCH(QString, source);
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(QString, note);
    const ImportResult r = importElixir(source.toStdString(), "f.ex");
    QVERIFY2(r.scenario, qPrintable(notesOf(r)));
    QVERIFY2(r.complete(), qPrintable(notesOf(r)));
    QStringList marks;
    for (const ImportMark& m : r.marks)
        marks << QString::fromStdString(m.path) + QStringLiteral(" ") +
                     QString::number(int(m.kind)) + QStringLiteral(" ") +
                     QString::fromStdString(m.note);
    QVERIFY2(marks.contains(path + QStringLiteral(" ") + QString::number(kind) +
                            QStringLiteral(" ") + note),
             qPrintable(marks.join(QLatin1Char('\n')) + QStringLiteral("\n") + rootOf(r)));
}

void TstElixirImport::anAssumptionIsSaidWithItsLine_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("note");
    QTest::newRow("a module the file does not define")
        << "defmodule S do\n  use Supervisor\n  def init(_) do\n    Supervisor.init([Ext], "
           "strategy: :one_for_one)\n  end\nend"
        << "f.ex:4: assumed: Ext is not defined in this file: imported as a worker with id Ext "
           "(paste its module too if it is a supervisor or names itself otherwise)";
    QTest::newRow("an id with a slash is shown with a division slash")
        << "defmodule S do\n  use Supervisor\n  def init(_) do\n    Supervisor.init([\n"
           "      %{id: \"a/b\", start: {A, :start_link, []}}], strategy: :one_for_one)\n"
           "  end\nend"
        << "f.ex:5: assumed: id: \"a/b\" is shown as a\u2215b ('/' separates the ids of a path)";
    QTest::newRow("two top supervisors")
        << "defmodule A do\n  use Supervisor\n  def init(_), do: Supervisor.init([], strategy: "
           ":one_for_one)\nend\ndefmodule B do\n  use Supervisor\n  def init(_), do: "
           "Supervisor.init([], strategy: :one_for_one)\nend"
        << "f.ex:5: assumed: the file has 2 top supervisors; the first, A, is the root (B left "
           "out: import them on their own)";
    QTest::newRow("an option decided at run time keeps SupLab's default")
        << "defmodule S do\n  use Supervisor\n  def init(_) do\n    Supervisor.init([A], "
           "strategy: :one_for_one,\n      max_restarts: Application.get_env(:s, :max))\n  end\nend"
        << "f.ex:5: assumed: max_restarts: Application.get_env(:s, :max) is decided at run time: "
           "SupLab keeps the default";
    QTest::newRow("a condition in init around a start")
        << "defmodule S do\n  use Supervisor\n  def init(_) do\n    if Mix.env() == :test do\n"
           "      Supervisor.start_link([], [])\n    end\n    Supervisor.init([A], strategy: "
           ":one_for_one)\n  end\nend"
        << "f.ex:4: assumed: in S.init/1: if(Mix.env() == :test) do ... end runs before the tree "
           "starts: a process it starts is not in the tree";
    QTest::newRow("an application started by the parent library's supervisor")
        << "defmodule App do\n  use Application\n  def start(_t, _a),\n    do: "
           "Parent.Supervisor.start_link([A, B], name: __MODULE__)\nend"
        << "f.ex:4: assumed: Parent.Supervisor (the parent library) restarts a child on its own, "
           "as one_for_one does: shown as a one_for_one Supervisor";
    QTest::newRow("an application supervisor without a name")
        << "defmodule App do\n  use Application\n  def start(_t, _a) do\n    "
           "Supervisor.start_link([W], strategy: :one_for_one)\n  end\nend"
        << "f.ex:4: assumed: the application's supervisor has no name: it is called "
           "App.Supervisor here";
    QTest::newRow("a module chosen by opts[:k] || Default")
        << "defmodule S do\n  use Supervisor\n  def init(opts) do\n    a = opts[:adapter] || "
           "Def\n    Supervisor.init([{a, opts}], strategy: :one_for_one)\n  end\nend"
        << "f.ex:5: assumed: the child {a, opts} is decided at run time: shown as ?{a, opts}";
    QTest::newRow("two Module.child_spec(arg) calls of one module not in the file")
        << "defmodule S do\n  use Supervisor\n  def init(_) do\n    Supervisor.init([\n"
           "      B.child_spec(a: 1),\n      B.child_spec(a: 2)], strategy: :one_for_one)\n  "
           "end\nend"
        << "f.ex:6: assumed: two children of B (lines 5 and 6): its child_spec/1, not read here, "
           "must make their ids from the arguments (with Elixir's default both would be B, which "
           "Elixir refuses)";
    QTest::newRow("a map child whose type comes before its id")
        << "defmodule App do\n  use Application\n  def start(_t, _a) do\n    Supervisor.start_link("
           "[\n      %{type: :supervisor, id: Ext.Sup, start: {Ext.Sup, :start_link, []}}],\n"
           "      strategy: :one_for_one, name: App.Sup)\n  end\nend"
        << "f.ex:5: assumed: Ext.Sup is a supervisor whose module is not in this file: imported "
           "with no children";
    QTest::newRow("a root declared significant")
        << "defmodule S do\n  use Supervisor, restart: :transient, significant: true\n  def "
           "init(_), do: Supervisor.init([A], strategy: :one_for_one)\nend"
        << "f.ex: assumed: S is declared significant, which only its parent would act on; as "
           "the root of this tree it has none, so the flag is left out";
}

void TstElixirImport::anAssumptionIsSaidWithItsLine() {
    QFETCH(QString, source);
    QFETCH(QString, note);
    const ImportResult r = importElixir(source.toStdString(), "f.ex");
    QVERIFY(r.scenario);
    QVERIFY2(notesOf(r).split(QLatin1Char('\n')).contains(note), qPrintable(notesOf(r)));
}

/// What an Elixir skeleton can carry: the tree and its OTP options, not SupLab's
/// worker simulation, nor the children a dynamic supervisor gets at run time.
static std::shared_ptr<NodeSpec> otpPart(const NodeSpec& n) {
    auto copy = std::make_shared<NodeSpec>();
    copy->id = n.id;
    copy->type = n.type;
    copy->restart = n.restart;
    copy->shutdown = n.shutdown;
    copy->significant = n.significant;
    copy->strategy = n.strategy;
    copy->max_restarts = n.max_restarts;
    copy->max_seconds = n.max_seconds;
    copy->auto_shutdown = n.auto_shutdown;
    copy->max_children = n.max_children;
    copy->trap_exit = n.trap_exit;
    if (n.type == NodeType::Supervisor)
        for (const auto& c : n.children)
            copy->children.push_back(otpPart(*c));
    return copy;
}

// Every example and conformance case is a scenario that loads (no error case among
// them): one that no longer loads fails here, it is not skipped.
void TstElixirImport::aSkeletonImportsBackToTheSameTree_data() {
    QTest::addColumn<QString>("file");
    int rows = 0;
    for (const QString& dir : {QStringLiteral(SUPLAB_SOURCE_DIR "/resources/scenarios"),
                               QStringLiteral(SUPLAB_SOURCE_DIR "/tests/conformance/cases")})
        for (const QFileInfo& f :
             QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
            QTest::newRow(qPrintable(f.fileName())) << f.absoluteFilePath();
            ++rows;
        }
    QVERIFY2(rows > 10, "the examples and conformance cases were not found");
}

void TstElixirImport::aSkeletonImportsBackToTheSameTree() {
    QFETCH(QString, file);
    LoadResult loaded = loadScenarioFile(file.toStdString());
    QVERIFY2(loaded.ok(), loaded.errors.empty() ? "" : loaded.errors.front().c_str());
    const std::string skeleton = elixirSkeleton(*loaded.scenario);
    const ImportResult back = importElixir(skeleton, "skeleton.ex");
    QVERIFY2(back.scenario, qPrintable(notesOf(back)));
    QVERIFY2(back.complete(), qPrintable(notesOf(back)));
    QCOMPARE(rootOf(back), QString::fromStdString(writeNode(*otpPart(*loaded.scenario->root))));
}

void TstElixirImport::hostileInputNeverCrashes_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only an end") << QByteArray("end end end )))");
    QTest::newRow("unterminated string") << QByteArray("defmodule S do\n  \"abc");
    QTest::newRow("deep brackets") << QByteArray(5000, '[');
    QTest::newRow("functions that call each other for a value")
        << QByteArray("defmodule S do\n use Supervisor\n defp a(x) when b(x), do: b(x)\n"
                      " defp b(x), do: a(a(x))\n def init(_), do: Supervisor.init([{W, name: "
                      "a(1)}], strategy: :one_for_one)\nend");
    QTest::newRow("a list doubled from an unbound variable")
        << QByteArray("defmodule S do\n use Supervisor\n def init(_) do\n c = c ++ c\n c = c ++ c\n"
                      " c = c ++ c\n Supervisor.init(c ++ c, strategy: :one_for_one)\n end\nend");
    QTest::newRow("deep do blocks") << QByteArray("defmodule A do ").repeated(3000);
    QTest::newRow("a module that starts itself")
        << QByteArray("defmodule S do\n use Supervisor\n def init(_), do: Supervisor.init([S], "
                      "strategy: :one_for_one)\nend");
    static const char kBadBytes[] = "defmodule \0\xff\xfe S do";
    QTest::newRow("NUL and bad bytes") << QByteArray(kBadBytes, sizeof kBadBytes - 1);
}

// Calls made in start/2 for their side effects cannot change the tree: a file with them
// is read whole (exit status 0), where each was "not read" before.
void TstElixirImport::aSideEffectCallLeavesTheImportComplete_data() {
    QTest::addColumn<QString>("statement");
    QTest::newRow("telemetry set-up") << "OpentelemetryEcto.setup([:app, :repo])";
    QTest::newRow("an Erlang logger handler") << ":logger.add_handler(:h, :mod, %{})";
    QTest::newRow("a match on an Erlang call") << ":ok = :persistent_term.put(:k, 1)";
}
void TstElixirImport::aSideEffectCallLeavesTheImportComplete() {
    QFETCH(QString, statement);
    const std::string source = "defmodule App.Application do\n  use Application\n"
                               "  def start(_type, _args) do\n    " +
                               statement.toStdString() +
                               "\n    Supervisor.start_link([App.Worker], strategy: "
                               ":one_for_one, name: App.Sup)\n  end\nend\n";
    const ImportResult r = importElixir(source, "app.ex");
    QVERIFY(r.scenario);
    QCOMPARE(r.notReadCount(), 0);
}

void TstElixirImport::hostileInputNeverCrashes() {
    QFETCH(QByteArray, source);
    const ImportResult r =
        importElixir(std::string_view(source.constData(), std::size_t(source.size())), "f.ex");
    QVERIFY(!r.scenario || r.scenario->root);
    QVERIFY(!r.complete() || r.scenario);
}

QTEST_GUILESS_MAIN(TstElixirImport)
#include "tst_elixir_import.moc"
