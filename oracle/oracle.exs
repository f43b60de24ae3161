# SupLab's reference runner: plays one scenario file (docs/scenario-format.md) on
# the real Elixir/OTP runtime, with OTP's own :supervisor and Elixir's
# DynamicSupervisor, and prints the conformance trace (docs/trace-format.md).
#
#   elixir --erl "+S 1:1" oracle/oracle.exs SCENARIO.json      (oracle/run.sh does this)
#
# One scheduler, so that what can happen in one order only does. Nothing here comes
# from SupLab's engine: this file is what the engine is checked against.
#
# The three behaviour modules are named Oracle.Worker, Oracle.Sup and Oracle.DynSup,
# and a child is started as Module.start_link(Path, Node) with Node the scenario's
# JSON object as a map: a failed static start_child returns that child record, so
# the names and arguments are part of the traces (see README.md).

defmodule SupLabOracle.Json do
  @moduledoc "A small, strict JSON reader: objects become maps with binary keys."

  def decode!(text) do
    {value, rest} = value(skip(text))

    case skip(rest) do
      "" -> value
      other -> raise "JSON: unexpected text after the document: #{String.slice(other, 0, 20)}"
    end
  end

  defp skip(<<c, rest::binary>>) when c in [?\s, ?\t, ?\n, ?\r], do: skip(rest)
  defp skip(text), do: text

  defp value("{" <> rest), do: members(skip(rest), %{})
  defp value("[" <> rest), do: items(skip(rest), [])
  defp value("\"" <> rest), do: string(rest, [])
  defp value("true" <> rest), do: {true, rest}
  defp value("false" <> rest), do: {false, rest}
  defp value("null" <> rest), do: {:null, rest}
  defp value(text), do: number(text)

  defp members("}" <> rest, acc), do: {acc, rest}

  defp members("\"" <> rest, acc) do
    {key, rest} = string(rest, [])
    ":" <> rest = skip(rest)
    {v, rest} = value(skip(rest))
    acc = Map.put(acc, key, v)

    case skip(rest) do
      "," <> more -> members(skip(more), acc)
      "}" <> more -> {acc, more}
    end
  end

  defp items("]" <> rest, acc), do: {Enum.reverse(acc), rest}

  defp items(text, acc) do
    {v, rest} = value(text)

    case skip(rest) do
      "," <> more -> items(skip(more), [v | acc])
      "]" <> more -> {Enum.reverse([v | acc]), more}
    end
  end

  defp string("\"" <> rest, acc), do: {IO.iodata_to_binary(Enum.reverse(acc)), rest}

  defp string("\\u" <> <<hex::binary-size(4), rest::binary>>, acc) do
    code = String.to_integer(hex, 16)

    case {code, rest} do
      {hi, "\\u" <> <<lo_hex::binary-size(4), more::binary>>} when hi in 0xD800..0xDBFF ->
        lo = String.to_integer(lo_hex, 16)
        string(more, [<<0x10000 + (hi - 0xD800) * 0x400 + (lo - 0xDC00)::utf8>> | acc])

      _ ->
        string(rest, [<<code::utf8>> | acc])
    end
  end

  @escapes %{?" => "\"", ?\\ => "\\", ?/ => "/", ?b => "\b", ?f => "\f", ?n => "\n", ?r => "\r", ?t => "\t"}
  defp string("\\" <> <<c, rest::binary>>, acc), do: string(rest, [Map.fetch!(@escapes, c) | acc])
  defp string(<<c::utf8, rest::binary>>, acc), do: string(rest, [<<c::utf8>> | acc])

  defp number(text) do
    [literal] = Regex.run(~r/^-?\d+(\.\d+)?([eE][-+]?\d+)?/, text)
    rest = binary_part(text, byte_size(literal), byte_size(text) - byte_size(literal))

    if String.contains?(literal, [".", "e", "E"]) do
      {float, ""} = Float.parse(literal)
      {float, rest}
    else
      {String.to_integer(literal), rest}
    end
  end
end

defmodule SupLabOracle.Reason do
  @moduledoc "Exit reasons: read from a scenario's words, written as the trace writes them."

  def read(nil), do: :boom

  def read(text) do
    case Regex.run(~r/^\{shutdown,(\w+)\}$/, text) do
      [_, word] -> {:shutdown, String.to_atom(word)}
      nil -> String.to_atom(text)
    end
  end

  # The trace shortens a supervisor's failed start to {shutdown,failed_to_start_child,ID}.
  def write({:shutdown, {:failed_to_start_child, id, _why}}), do: "{shutdown,failed_to_start_child,#{id}}"
  def write({:shutdown, word}) when is_atom(word), do: "{shutdown,#{word}}"
  def write(word) when is_atom(word), do: Atom.to_string(word)
  def write(term), do: IO.iodata_to_binary(:io_lib.format(~c"~0p", [term]))
end

defmodule SupLabOracle.Log do
  @moduledoc """
  Keeps the trace in the order things happened and knows which process is at
  which path now. It monitors every process that announces itself, so a `down`
  line is written when the runtime delivers that process's DOWN.
  """
  use GenServer

  def start, do: GenServer.start(__MODULE__, nil, name: __MODULE__)
  def announce(path), do: GenServer.call(__MODULE__, {:announce, path, self()}, :infinity)
  def write(line), do: GenServer.call(__MODULE__, {:write, line}, :infinity)
  def whereis(path), do: GenServer.call(__MODULE__, {:whereis, path}, :infinity)
  def lines, do: GenServer.call(__MODULE__, :lines, :infinity)
  # Sent from inside a supervisor (its logger report), so never a call.
  def gave_up(sup), do: GenServer.cast(__MODULE__, {:gave_up, sup})

  @impl true
  def init(nil), do: {:ok, %{lines: [], at: %{}, path: %{}}}

  @impl true
  def handle_call({:announce, path, pid}, _from, s) do
    Process.monitor(pid)
    s = %{s | at: Map.put(s.at, path, pid), path: Map.put(s.path, pid, path)}
    {:reply, :ok, put(s, "up " <> path)}
  end

  def handle_call({:write, line}, _from, s), do: {:reply, :ok, put(s, line)}
  def handle_call({:whereis, path}, _from, s), do: {:reply, Map.get(s.at, path), s}
  def handle_call(:lines, _from, s), do: {:reply, Enum.reverse(s.lines), s}

  @impl true
  def handle_cast({:gave_up, sup}, s), do: {:noreply, put(s, "give_up " <> Map.get(s.path, sup, "?"))}

  @impl true
  def handle_info({:DOWN, _ref, :process, pid, reason}, s) do
    path = Map.fetch!(s.path, pid)
    # A restarted process may already have announced itself at the same path.
    at = if s.at[path] == pid, do: Map.delete(s.at, path), else: s.at
    {:noreply, put(%{s | at: at}, "down #{path} #{SupLabOracle.Reason.write(reason)}")}
  end

  defp put(s, line), do: %{s | lines: [line | s.lines]}
end

defmodule SupLabOracle.GiveUpHandler do
  @moduledoc """
  A :logger handler. A supervisor that exceeds its restart intensity logs a report
  with reason reached_max_restart_intensity before it stops its children; handlers
  run in the logging process, so self() is that supervisor.
  """
  def log(%{msg: {:report, %{label: {:supervisor, _}, report: report}}}, _config) do
    if report[:reason] == :reached_max_restart_intensity, do: SupLabOracle.Log.gave_up(self())
  end

  def log(_event, _config), do: :ok
end

defmodule SupLabOracle.Attempts do
  @moduledoc "Start attempts per path over the whole run (fail_starts, fail_attempts), and which supervisors are dynamic."
  def create, do: :ets.new(__MODULE__, [:named_table, :public])
  def next(path), do: :ets.update_counter(__MODULE__, {:attempt, path}, 1, {{:attempt, path}, 0})
  def mark_dynamic(pid), do: :ets.insert(__MODULE__, {{:dynamic, pid}})
  def dynamic?(pid), do: :ets.member(__MODULE__, {:dynamic, pid})
end

defmodule SupLabOracle.Spec do
  @moduledoc "A scenario node as an OTP child spec."

  def path(nil, node), do: node["id"]
  def path(parent, node), do: parent <> "/" <> node["id"]

  def child(parent, node) do
    kind = Map.get(node, "type", "worker")

    module =
      case kind do
        "worker" -> Oracle.Worker
        "supervisor" -> Oracle.Sup
        "dynamic_supervisor" -> Oracle.DynSup
      end

    spec = %{
      id: node["id"],
      start: {module, :start_link, [path(parent, node), node]},
      restart: String.to_atom(Map.get(node, "restart", "permanent")),
      shutdown: shutdown(node["shutdown"], kind),
      type: if(kind == "worker", do: :worker, else: :supervisor)
    }

    # Elixir 1.14's DynamicSupervisor refuses a spec with the key at all.
    if node["significant"] == true, do: Map.put(spec, :significant, true), else: spec
  end

  defp shutdown(nil, "worker"), do: 5000
  defp shutdown(nil, _supervisor), do: :infinity
  defp shutdown(n, _kind) when is_integer(n), do: n
  defp shutdown(word, _kind), do: String.to_atom(word)
end

defmodule Oracle.Worker do
  @moduledoc """
  A generic worker: fails its start when told to, crashes on request, stops slowly if
  asked, and calls the siblings it `uses` every `call_ms`.

  `uses`: in init it keeps the pid each sibling has now (nil when none runs yet: that
  one is looked up at the first call instead) and calls them on a beat from its start.
  A call to a pid that is gone (down, or restarted since) ends the worker with `noproc`.
  """
  use GenServer

  def start_link(path, node), do: GenServer.start_link(__MODULE__, {path, node})

  @impl true
  def init({path, node}) do
    if node["trap_exit"] == true, do: Process.flag(:trap_exit, true)
    Process.sleep(Map.get(node, "init_ms", 0))
    attempt = SupLabOracle.Attempts.next(path)

    cond do
      attempt <= Map.get(node, "fail_starts", 0) or attempt in Map.get(node, "fail_attempts", []) ->
        SupLabOracle.Log.write("start_failed #{path} start_error")
        {:stop, :start_error}

      # init/1 may decline to start: no process, no failure, nothing in the trace.
      attempt in Map.get(node, "ignore_attempts", []) ->
        :ignore

      true ->
        SupLabOracle.Log.announce(path)
        {:ok, %{node: node, uses: keep_uses(path, node), beat: nil} |> next_beat()}
    end
  end

  # [{sibling path, pid or nil}], looked up now, in the order of `uses`.
  defp keep_uses(path, node) do
    parent = path |> String.split("/") |> Enum.drop(-1) |> Enum.join("/")

    for id <- Map.get(node, "uses", []) do
      sibling = parent <> "/" <> id
      {sibling, SupLabOracle.Log.whereis(sibling)}
    end
  end

  # The beat counts from the start (absolute times), so calls do not drift.
  defp next_beat(%{uses: []} = s), do: s

  defp next_beat(s) do
    beat = (s.beat || System.monotonic_time(:millisecond)) + Map.get(s.node, "call_ms", 100)
    Process.send_after(self(), :call_uses, beat, abs: true)
    %{s | beat: beat}
  end

  # What a dependency is asked. Supervisors and dynamic supervisors answer it as their
  # own API (count_children); a worker answers any call.
  @request :count_children

  @impl true
  def handle_call(_request, _from, s), do: {:reply, :ok, s}

  @impl true
  def handle_cast({:crash, reason}, s), do: {:stop, reason, s}

  @impl true
  def handle_info(:call_uses, s) do
    uses = Enum.map(s.uses, fn {sibling, pid} -> {sibling, pid || SupLabOracle.Log.whereis(sibling)} end)
    s = %{s | uses: uses}

    if Enum.all?(uses, fn {_sibling, pid} -> call(pid) == :ok end),
      do: {:noreply, next_beat(s)},
      else: {:stop, :noproc, s}
  end

  def handle_info(_message, s), do: {:noreply, s}

  @impl true
  def terminate(_reason, s), do: Process.sleep(Map.get(s.node, "stop_ms", 0))

  # GenServer.call's own protocol (monitor, send, wait for the reply or the DOWN), with
  # one addition: while it waits, it answers the calls other workers make to it, so
  # that two workers that use each other do not wait on each other forever.
  defp call(nil), do: :noproc

  defp call(pid) do
    ref = Process.monitor(pid)
    send(pid, {:"$gen_call", {self(), ref}, @request})
    await(ref)
  end

  defp await(ref) do
    receive do
      {^ref, _reply} ->
        Process.demonitor(ref, [:flush])
        :ok

      {:DOWN, ^ref, :process, _pid, _reason} ->
        :noproc

      {:"$gen_call", from, @request} ->
        GenServer.reply(from, :ok)
        await(ref)
    end
  end
end

defmodule Oracle.Sup do
  @moduledoc "OTP's :supervisor itself (Elixir 1.14's Supervisor has no auto_shutdown)."
  @behaviour :supervisor

  def start_link(path, node), do: :supervisor.start_link(__MODULE__, {path, node})

  @impl true
  def init({path, node}) do
    SupLabOracle.Log.announce(path)

    flags = %{
      strategy: String.to_atom(Map.get(node, "strategy", "one_for_one")),
      intensity: Map.get(node, "max_restarts", 3),
      period: Map.get(node, "max_seconds", 5),
      auto_shutdown: String.to_atom(Map.get(node, "auto_shutdown", "never"))
    }

    {:ok, {flags, Enum.map(Map.get(node, "children", []), &SupLabOracle.Spec.child(path, &1))}}
  end
end

defmodule Oracle.DynSup do
  @moduledoc "Elixir's DynamicSupervisor; it starts empty, the runner adds its children."
  use DynamicSupervisor

  def start_link(path, node), do: DynamicSupervisor.start_link(__MODULE__, {path, node})

  @impl true
  def init({path, node}) do
    SupLabOracle.Attempts.mark_dynamic(self())
    SupLabOracle.Log.announce(path)

    max_children =
      case node["max_children"] do
        n when is_integer(n) -> n
        _ -> :infinity
      end

    DynamicSupervisor.init(
      strategy: :one_for_one,
      max_restarts: Map.get(node, "max_restarts", 3),
      max_seconds: Map.get(node, "max_seconds", 5),
      max_children: max_children
    )
  end
end

defmodule SupLabOracle.Steps do
  @moduledoc "Plays a scenario's script: faults and the child API, each at its time."
  alias SupLabOracle.Log

  # Once the tree is up: every dynamic supervisor of the initial tree gets its
  # listed children through start_child, depth first.
  def start_dynamic_children(parent, node) do
    here = SupLabOracle.Spec.path(parent, node)

    for child <- Map.get(node, "children", []) do
      if node["type"] == "dynamic_supervisor",
        do: call(%{"do" => "start_child", "target" => here, "child" => child}, Log.whereis(here)),
        else: start_dynamic_children(here, child)
    end
  end

  def play(steps, started_at) do
    for step <- steps do
      delay = started_at + Map.get(step, "at_ms", 0) - System.monotonic_time(:millisecond)
      if delay > 0, do: Process.sleep(delay)

      case Log.whereis(step["target"]) do
        nil -> Log.write("error #{step["do"]} #{subject(step)} not_found")
        pid -> call(step, pid)
      end
    end
  end

  defp subject(%{"target" => t, "child" => %{"id" => id}}), do: t <> "/" <> id
  defp subject(%{"target" => t, "child" => id}) when is_binary(id), do: t <> "/" <> id
  defp subject(%{"target" => t}), do: t

  defp call(%{"do" => "kill"}, pid), do: Process.exit(pid, :kill)
  defp call(%{"do" => "exit"} = s, pid), do: Process.exit(pid, SupLabOracle.Reason.read(s["reason"]))
  defp call(%{"do" => "crash"} = s, pid), do: GenServer.cast(pid, {:crash, SupLabOracle.Reason.read(s["reason"])})

  defp call(%{"do" => "start_child", "target" => sup, "child" => node} = s, pid) do
    spec = SupLabOracle.Spec.child(sup, node)

    answer =
      if SupLabOracle.Attempts.dynamic?(pid),
        do: DynamicSupervisor.start_child(pid, spec),
        else: :supervisor.start_child(pid, spec)

    report(s, answer)
  end

  defp call(%{"do" => "terminate_child", "target" => sup, "child" => id} = s, pid) do
    answer =
      if SupLabOracle.Attempts.dynamic?(pid) do
        # By id: the live child at that path; an unknown one is a pid no child has.
        DynamicSupervisor.terminate_child(pid, Log.whereis(sup <> "/" <> id) || self())
      else
        :supervisor.terminate_child(pid, id)
      end

    report(s, answer)
  end

  defp call(%{"do" => "restart_child", "child" => id} = s, pid), do: report(s, :supervisor.restart_child(pid, id))
  defp call(%{"do" => "delete_child", "child" => id} = s, pid), do: report(s, :supervisor.delete_child(pid, id))

  defp report(step, {:error, why}), do: Log.write("error #{step["do"]} #{subject(step)} #{error_word(why)}")
  defp report(_step, _ok), do: :ok

  defp error_word({:already_started, _pid}), do: "already_started"
  defp error_word({:already_present, _id}), do: "already_present"
  defp error_word(why), do: SupLabOracle.Reason.write(why)
end

defmodule SupLabOracle do
  def main([file]) do
    scenario = file |> File.read!() |> SupLabOracle.Json.decode!()

    Enum.each(:logger.get_handler_ids(), &:logger.remove_handler/1)
    :ok = :logger.add_handler(:suplab_oracle, SupLabOracle.GiveUpHandler, %{level: :all})
    :logger.set_primary_config(:level, :all)
    SupLabOracle.Attempts.create()
    {:ok, _} = SupLabOracle.Log.start()

    root = scenario["root"]

    started_at =
      if scenario["start_on_second"] == true,
        do: next_whole_second(),
        else: System.monotonic_time(:millisecond)

    {module, fun, args} = SupLabOracle.Spec.child(nil, root).start
    # The runner is the root's parent: it links, traps, and stops it as a parent would.
    Process.flag(:trap_exit, true)

    case apply(module, fun, args) do
      {:ok, pid} ->
        SupLabOracle.Steps.start_dynamic_children(nil, root)
        SupLabOracle.Steps.play(Map.get(scenario, "script", []), started_at)
        Process.sleep(Map.get(scenario, "settle_ms", 300))

        if Process.alive?(pid) and Map.get(scenario, "stop_at_end", true) do
          ref = Process.monitor(pid)
          Process.exit(pid, :shutdown)
          receive do: ({:DOWN, ^ref, :process, _, _} -> :ok)
        end

      {:error, why} ->
        SupLabOracle.Log.write("start_failed #{root["id"]} #{SupLabOracle.Reason.write(why)}")
    end

    # Let the last DOWNs reach the log.
    Process.sleep(50)
    Enum.each(SupLabOracle.Log.lines(), &IO.puts/1)
  end

  def main(_), do: IO.puts(:stderr, "usage: elixir oracle.exs SCENARIO.json") && System.halt(2)

  # "start_on_second": waits for the next whole second of erlang:monotonic_time(second),
  # the clock :supervisor and DynamicSupervisor stamp restarts with, and returns it in
  # milliseconds, so that the steps' at_ms count from a whole second.
  defp next_whole_second do
    second = (System.monotonic_time(:second) + 1) * 1000
    wait_until(second)
    second
  end

  defp wait_until(ms) do
    left = ms - System.monotonic_time(:millisecond)

    if left > 0 do
      Process.sleep(left)
      wait_until(ms)
    end
  end
end

SupLabOracle.main(System.argv())
