#!/usr/bin/env bash
# Checks SupLab's Elixir import and export against a real Elixir/OTP runtime (needs
# Debian's elixir and erlang-base; CI does not install them, run it by hand):
#  1. the child specs Elixir's library gives, which the importer relies on;
#  2. every built-in example exported as an Elixir skeleton compiles and starts, with
#     the same count_children as the scenario;
#  3. every lesson module imported, with a kill of its first worker at 100 ms, gives
#     the same conformance trace in SupLab as on the reference runner.
# Usage: scripts/check-elixir.sh [BUILD_DIR]   (default: build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/dev}/bin/suplab-cli
oracle=oracle/run.sh
command -v elixir >/dev/null || { echo "check-elixir: elixir is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== 1. child specs of Elixir's own modules"
cat > "$tmp/facts.exs" <<'EXS'
check = fn label, spec, want ->
  got = Map.take(spec, Map.keys(want))
  if got == want, do: IO.puts("ok   #{label}"), else: (IO.puts("FAIL #{label}: #{inspect(got)}"); System.halt(1))
end
check.("{DynamicSupervisor, name: N} has id N", DynamicSupervisor.child_spec(name: App.Rooms), %{id: App.Rooms, type: :supervisor})
check.("{Task.Supervisor, name: N} has id N", Task.Supervisor.child_spec(name: App.Tasks), %{id: App.Tasks})
check.("{Registry, name: N} has id N and is a supervisor", Registry.child_spec(keys: :unique, name: App.Reg), %{id: App.Reg, type: :supervisor})
check.("{Task.Supervisor, name: N} is a supervisor", Task.Supervisor.child_spec(name: App.Tasks), %{type: :supervisor})
check.("{PartitionSupervisor, name: N} has id N", PartitionSupervisor.child_spec(child_spec: DynamicSupervisor, name: App.Parts), %{id: App.Parts, type: :supervisor})
check.("a {:via, m, n} name gives the id n", DynamicSupervisor.child_spec(name: {:via, Registry, {App.Reg, :rooms}}), %{id: {App.Reg, :rooms}})
check.("a {:global, n} name gives the id n", Task.Supervisor.child_spec(name: {:global, :tasks}), %{id: :tasks})
check.("no name: the module is the id", DynamicSupervisor.child_spec([]), %{id: DynamicSupervisor})
check.("{Task, fun} is temporary", Task.child_spec(fn -> :ok end), %{id: Task, restart: :temporary})
check.("{Agent, fun} has id Agent", Agent.child_spec(fn -> 0 end), %{id: Agent})
defmodule UsesTask do
  use Task
  def start_link(_), do: Task.start_link(fn -> :ok end)
end
check.("use Task makes a temporary child", UsesTask.child_spec(1), %{restart: :temporary})
defmodule UsesGenServer do
  use GenServer, restart: :transient, shutdown: 10_000
  def init(a), do: {:ok, a}
end
check.("use GenServer options reach the child spec", UsesGenServer.child_spec(1), %{restart: :transient, shutdown: 10_000})
EXS
elixir "$tmp/facts.exs"

echo "== 2. exported skeletons compile and start"
for f in resources/scenarios/*.json; do
    "$cli" export "$f" --to elixir > "$tmp/sk.ex"
    root=$(grep -m1 '^defmodule' "$tmp/sk.ex" | awk '{print $2}')
    want=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['root']; print(len(r.get('children',[])) if r.get('type')=='supervisor' else 0)" "$f")
    { cat "$tmp/sk.ex"; echo "{:ok, p} = $root.start_link([]); IO.puts(Supervisor.count_children(p).specs)"; } > "$tmp/run.exs"
    got=$(elixir "$tmp/run.exs" | tail -n 1)
    [ "$got" = "$want" ] || { echo "FAIL $f: $got children, expected $want" >&2; exit 1; }
    echo "ok   $f: $root starts with $got children"
done

echo "== 3. imported lesson modules behave as on the reference runner"
for f in resources/elixir/lesson_counter_kvstore.ex resources/elixir/lesson_rest_for_one.ex \
         resources/elixir/lesson_application.ex resources/elixir/lesson_chat_app.ex; do
    "$cli" import "$f" --out "$tmp/s.json" 2>/dev/null
    python3 - "$tmp/s.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
first = next(c for c in s["root"]["children"] if c.get("type", "worker") == "worker")
s["script"] = [{"at_ms": 100, "do": "kill", "target": s["root"]["id"] + "/" + first["id"]}]
s["stop_at_end"] = True
json.dump(s, open(sys.argv[1], "w"))
PY
    "$cli" run "$tmp/s.json" > "$tmp/ours.trace"
    "$oracle" "$tmp/s.json" > "$tmp/beam.trace"
    python3 tests/conformance/compare_traces.py "$tmp/beam.trace" "$tmp/ours.trace" "$tmp/s.json" >/dev/null ||
        { echo "FAIL $f: traces differ" >&2; diff "$tmp/beam.trace" "$tmp/ours.trace" >&2; exit 1; }
    echo "ok   $f: same trace as Elixir/OTP ($(wc -l < "$tmp/ours.trace") lines)"
done
