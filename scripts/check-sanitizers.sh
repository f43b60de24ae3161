#!/usr/bin/env bash
# Builds the test suites under ASan+UBSan and under TSan and runs them. Under ASan
# every suite runs, the GUI's too (offscreen): the engine's (ctest label `engine`:
# runtime, supervisors, conformance, loader, CLI, compare, soak, fuzz regressions,
# slab pool) and tests/ui. Under TSan only the engine's: Debian's Qt is not built
# with TSan, and its own thread handshakes look like races. The slab pool stays on
# under both (SUPLAB_SLAB_UNDER_SANITIZERS). Any sanitizer finding fails the run.
# Usage: scripts/check-sanitizers.sh [asan] [tsan]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(asan tsan)
for preset in "${presets[@]}"; do
    echo "== $preset"
    cmake --preset "$preset" >/dev/null
    case "$preset" in
    asan)
        cmake --build --preset "$preset"
        ctest --preset "$preset"
        ;;
    *)
        cmake --build --preset "$preset" --target engine_tests
        ctest --preset "$preset" -L engine
        ;;
    esac
done
