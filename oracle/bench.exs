# The benchmark workloads of docs/benchmarks.md on the real Elixir/OTP runtime, to be
# run beside `suplab-cli bench` on the same machine and compared as ratios:
#
#   elixir oracle/bench.exs            (scripts/bench-side-by-side.sh runs both)
#
# Prints one JSON object with the same keys as `suplab-cli bench`. Each workload is
# what the BEAM does best: the timed code is compiled (code at the top level of an
# .exs file is interpreted), child specs are maps before the clock starts (a
# `{Module, arg}` shorthand would be expanded and checked on every start_child),
# the restart rounds use a fresh supervisor every 100 kills, because OTP scans its
# list of recent restarts on every restart and a long list would measure that scan
# instead, and the driver's mailbox is kept empty of the EXITs of supervisors it
# stopped, which every later receive would otherwise scan past.

defmodule BenchWorker do
  @moduledoc "An idle GenServer; it tells `notify` (when given) that its init is done."
  use GenServer

  def start_link(notify), do: GenServer.start_link(__MODULE__, notify)

  @impl true
  def init(notify) do
    if notify, do: send(notify, {:worker_up, self()})
    {:ok, nil}
  end
end

defmodule BenchWorkloads do
  @never_gives_up [max_restarts: 1_000_000_000, max_seconds: 1]

  defp clock, do: System.monotonic_time(:nanosecond)
  defp micros_since(t0), do: (clock() - t0) / 1000

  defp specs(count, notify), do: Enum.map(1..count, &Supervisor.child_spec({BenchWorker, notify}, id: &1))

  defp await_ups(0), do: :ok
  defp await_ups(n), do: receive(do: ({:worker_up, _} -> await_ups(n - 1)))

  defp await_up, do: receive(do: ({:worker_up, pid} -> pid))

  # The driver traps exits: take the EXIT of a supervisor it stopped out of its mailbox.
  defp stop(sup, how) do
    :ok = how.(sup)
    receive(do: ({:EXIT, ^sup, _} -> :ok))
  end

  # Kill a dynamic supervisor and wait until its children are gone too, so that the
  # next workload does not share the schedulers with 100,000 dying processes.
  defp kill_and_settle(dynsup, processes_before) do
    Process.exit(dynsup, :kill)
    receive(do: ({:EXIT, ^dynsup, _} -> :ok))
    settle(processes_before)
  end

  defp settle(processes_before) do
    if length(Process.list()) > processes_before do
      Process.sleep(10)
      settle(processes_before)
    end
  end

  @doc "start_10k_us and shutdown_10k_us: one one_for_one supervisor of `count` workers."
  def start_and_shutdown(count) do
    children = specs(count, nil)
    t0 = clock()
    {:ok, sup} = Supervisor.start_link(children, [strategy: :one_for_one] ++ @never_gives_up)
    started = micros_since(t0)
    t1 = clock()
    :ok = Supervisor.stop(sup)
    stopped = micros_since(t1)
    receive(do: ({:EXIT, ^sup, _} -> :ok))
    {started, stopped}
  end

  @doc "restart_p50_us, restart_p99_us: kill -> replacement's init done, `per_sup` rounds per fresh supervisor."
  def restart_latencies(supervisors, per_sup) do
    child = [Supervisor.child_spec({BenchWorker, self()}, id: :only)]

    for _ <- 1..supervisors, reduce: [] do
      acc ->
        {:ok, sup} = Supervisor.start_link(child, [strategy: :one_for_one] ++ @never_gives_up)
        {acc, _last} = kill_rounds(per_sup, await_up(), acc)
        stop(sup, &Supervisor.stop/1)
        acc
    end
  end

  defp kill_rounds(0, pid, acc), do: {acc, pid}

  defp kill_rounds(n, pid, acc) do
    t0 = clock()
    Process.exit(pid, :kill)
    replacement = await_up()
    kill_rounds(n - 1, replacement, [micros_since(t0) | acc])
  end

  @doc "one_for_all_1k_us: kill one of `count` workers, until all are running again."
  def one_for_all(count) do
    {:ok, sup} = Supervisor.start_link(specs(count, self()), [strategy: :one_for_all] ++ @never_gives_up)
    await_ups(count)
    {_id, victim, _type, _modules} = hd(Supervisor.which_children(sup))
    t0 = clock()
    Process.exit(victim, :kill)
    await_ups(count)
    took = micros_since(t0)
    stop(sup, &Supervisor.stop/1)
    took
  end

  defp start_many(dynsup, count, spec) do
    Enum.each(1..count, fn _ -> {:ok, _} = DynamicSupervisor.start_child(dynsup, spec) end)
  end

  @doc "dynamic_start_100k_us and bytes_per_worker: start_child one by one, memory growth per child."
  def dynamic_start(count) do
    processes_before = length(Process.list())
    {:ok, dynsup} = DynamicSupervisor.start_link(strategy: :one_for_one)
    spec = Supervisor.child_spec({BenchWorker, nil}, [])
    :erlang.garbage_collect()
    bytes_before = :erlang.memory(:total)
    t0 = clock()
    start_many(dynsup, count, spec)
    took = micros_since(t0)
    bytes_after = :erlang.memory(:total)
    kill_and_settle(dynsup, processes_before)
    {took, round((bytes_after - bytes_before) / count)}
  end

  @doc "dynamic_shutdown_20k_us: stop a DynamicSupervisor of `count` children."
  def dynamic_shutdown(count) do
    {:ok, dynsup} = DynamicSupervisor.start_link(strategy: :one_for_one)
    start_many(dynsup, count, Supervisor.child_spec({BenchWorker, nil}, []))
    t0 = clock()
    :ok = DynamicSupervisor.stop(dynsup)
    took = micros_since(t0)
    receive(do: ({:EXIT, ^dynsup, _} -> :ok))
    took
  end

  defp percentile(values, p) do
    sorted = Enum.sort(values)
    Enum.at(sorted, min(length(sorted) - 1, trunc(length(sorted) * p)))
  end

  def run do
    Process.flag(:trap_exit, true)
    # In the order of the project's contract script, so the two compare; the BEAM's
    # erlang:memory(total) counts what is allocated, recycled or not.
    {start_us, shutdown_us} = start_and_shutdown(10_000)
    latencies = restart_latencies(100, 100)
    all_us = one_for_all(1_000)
    {dynamic_us, bytes} = dynamic_start(100_000)
    dyn_stop_us = dynamic_shutdown(20_000)

    fields = [
      {"runtime", ~s("beam")},
      {"otp", ~s("#{System.otp_release()}")},
      {"elixir", ~s("#{System.version()}")},
      {"start_10k_us", round(start_us)},
      {"shutdown_10k_us", round(shutdown_us)},
      {"restart_p50_us", :erlang.float_to_binary(percentile(latencies, 0.5), decimals: 2)},
      {"restart_p99_us", :erlang.float_to_binary(percentile(latencies, 0.99), decimals: 2)},
      {"one_for_all_1k_us", round(all_us)},
      {"dynamic_start_100k_us", round(dynamic_us)},
      {"dynamic_shutdown_20k_us", round(dyn_stop_us)},
      {"bytes_per_worker", bytes}
    ]

    IO.puts("{" <> Enum.map_join(fields, ",", fn {k, v} -> ~s("#{k}":#{v}) end) <> "}")
  end
end

BenchWorkloads.run()
