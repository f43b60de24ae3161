#!/usr/bin/env bash
# Fuzzes the scenario loader and player (fuzz/FuzzScenario.h) with libFuzzer for
# SECONDS (default 60), seeded with every conformance case, built-in scenario and
# past regression. A crash fails the run; its input is left in build/fuzz/artifacts/
# and belongs in tests/fuzz/regressions/ from then on.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=build/fuzz/corpus
artifacts=build/fuzz/artifacts
mkdir -p "$corpus" "$artifacts"
for dir in ../shared/conformance/cases tests/conformance/cases resources/scenarios \
           tests/fuzz/regressions; do
    [ -d "$dir" ] && find "$dir" -maxdepth 1 -type f ! -name '*.md' -exec cp {} "$corpus"/ \;
done
./build/fuzz/fuzz/fuzz_scenario "$corpus" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts/" -print_final_stats=1
