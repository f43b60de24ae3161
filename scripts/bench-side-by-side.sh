#!/bin/sh
# Runs `suplab-cli bench` (Release build) and oracle/bench.exs (the same workloads on
# Elixir/OTP; docs/benchmarks.md) in turn on this machine,
# RUNS times each, alternating (ours, BEAM, ours, ...), so that a noisy spell of a shared
# machine falls on both; prints every run and the medians with their ratio, as Markdown.
# Usage: scripts/bench-side-by-side.sh [RUNS] [PATH/TO/BEAM_SCRIPT.exs]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
beam_script=${2:-$here/oracle/bench.exs}
[ -f "$beam_script" ] || { echo "bench-side-by-side: no $beam_script" >&2; exit 2; }
command -v elixir >/dev/null || { echo "bench-side-by-side: elixir is not installed (apt-get install elixir)" >&2; exit 2; }
cmake --preset release >/dev/null
cmake --build --preset release --target suplab-cli >/dev/null
results=$(mktemp)
trap 'rm -f "$results"' EXIT
i=1
while [ "$i" -le "$runs" ]; do
    printf 'suplab %s\n' "$("$here/build/release/bin/suplab-cli" bench)" >>"$results"
    printf 'beam %s\n' "$(elixir "$beam_script" | tail -n 1)" >>"$results"
    i=$((i + 1))
done
python3 - "$results" <<'PY'
import json, statistics, sys
runs = {"suplab": [], "beam": []}
for line in open(sys.argv[1]):
    side, text = line.split(" ", 1)
    runs[side].append(json.loads(text))
keys = ["start_10k_us", "shutdown_10k_us", "restart_p50_us", "restart_p99_us",
        "one_for_all_1k_us", "dynamic_start_100k_us", "dynamic_shutdown_20k_us",
        "bytes_per_worker"]
def show(k, v):
    return f"{v:,.2f}" if k.startswith("restart_") else f"{v:,.0f}"
otp = runs["beam"][0].get("otp", "?")
print(f"Every run ({len(runs['suplab'])} each, alternating):\n")
print("| workload | SupLab runs | BEAM runs |")
print("|---|---|---|")
for k in keys:
    ours = " / ".join(show(k, float(r[k])) for r in runs["suplab"])
    beam = " / ".join(show(k, float(r[k])) for r in runs["beam"])
    print(f"| {k} | {ours} | {beam} |")
print(f"\nMedians:\n")
print(f"| workload | SupLab | BEAM (OTP {otp}) | BEAM / SupLab | target |")
print("|---|---|---|---|---|")
for k in keys:
    s = statistics.median(float(r[k]) for r in runs["suplab"])
    b = statistics.median(float(r[k]) for r in runs["beam"])
    ratio = b / s if s > 0 else float("inf")
    target = 4 if k == "bytes_per_worker" else 10
    mark = "met" if ratio >= target else "not met"
    print(f"| {k} | {show(k, s)} | {show(k, b)} | {ratio:.1f}x | {target}x, {mark} |")
PY
