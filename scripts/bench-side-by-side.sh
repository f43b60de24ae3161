#!/bin/sh
# Runs `suplab-cli bench` (Release build) and beam_bench.exs one after the other
# on this machine and prints both figures with their ratio, as a Markdown table.
# Usage: scripts/bench-side-by-side.sh [PATH/TO/beam_bench.exs]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
beam_script=${1:-$here/../shared/bench/beam_bench.exs}
[ -f "$beam_script" ] || { echo "bench-side-by-side: no $beam_script" >&2; exit 2; }
command -v elixir >/dev/null || { echo "bench-side-by-side: elixir is not installed (apt-get install elixir)" >&2; exit 2; }
cmake --preset release >/dev/null
cmake --build --preset release --target suplab-cli >/dev/null
ours=$("$here/build/release/bin/suplab-cli" bench)
beam=$(elixir "$beam_script" | tail -n 1)
python3 - "$ours" "$beam" <<'PY'
import json, sys
ours, beam = json.loads(sys.argv[1]), json.loads(sys.argv[2])
keys = ["start_10k_us", "shutdown_10k_us", "restart_p50_us", "restart_p99_us",
        "one_for_all_1k_us", "dynamic_start_100k_us", "dynamic_shutdown_20k_us",
        "bytes_per_worker"]
print("| workload | SupLab | BEAM (OTP %s) | BEAM / SupLab | target |" % beam.get("otp", "?"))
print("|---|---|---|---|---|")
for k in keys:
    s, b = float(ours[k]), float(beam[k])
    ratio = b / s if s > 0 else float("inf")
    target = 4 if k == "bytes_per_worker" else 10
    mark = "met" if ratio >= target else "not met"
    print(f"| {k} | {s:,.0f} | {b:,.0f} | {ratio:.1f}x | {target}x, {mark} |")
PY
