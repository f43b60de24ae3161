#!/usr/bin/env bash
# Fuzzes, with libFuzzer, for SECONDS each (default 60):
#  - the scenario loader and player (fuzz/FuzzScenario.h), seeded with every
#    conformance case, built-in scenario and past regression;
#  - the Elixir importer and the way back (fuzz/FuzzElixir.h), seeded with the
#    lesson's modules and past regressions.
# A crash fails the run; its input is left in build/fuzz/artifacts/ and belongs in
# tests/fuzz/regressions/ (or tests/fuzz/elixir/) from then on.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
artifacts=build/fuzz/artifacts
mkdir -p "$artifacts"

fuzz() { # TARGET CORPUS SEED_DIRS...
    local target=$1 corpus=$2
    shift 2
    mkdir -p "$corpus"
    for dir in "$@"; do
        [ -d "$dir" ] && find "$dir" -maxdepth 1 -type f ! -name '*.md' -exec cp {} "$corpus"/ \;
    done
    echo "fuzz: $target for ${seconds} s"
    "./build/fuzz/fuzz/$target" "$corpus" -max_total_time="$seconds" -timeout=20 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts/" -print_final_stats=1
}
fuzz fuzz_scenario build/fuzz/corpus ../shared/conformance/cases tests/conformance/cases \
    resources/scenarios tests/fuzz/regressions
fuzz fuzz_elixir build/fuzz/corpus-elixir resources/elixir tests/fuzz/elixir
