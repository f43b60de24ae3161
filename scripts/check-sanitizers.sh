#!/usr/bin/env bash
# Builds the engine's test suites under ASan+UBSan and under TSan and runs them
# (the ctest label `engine`: runtime, supervisors, conformance, loader, CLI,
# compare, soak and fuzz regressions). Any sanitizer finding fails the run.
# Usage: scripts/check-sanitizers.sh [asan] [tsan]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(asan tsan)
for preset in "${presets[@]}"; do
    echo "== $preset"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" --target engine_tests
    ctest --preset "$preset" -L engine
done
