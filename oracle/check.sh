#!/usr/bin/env bash
# Plays every case of a folder on Elixir/OTP again and compares the trace it prints
# with the one stored beside the case: the runner still says what the corpus says.
#   oracle/check.sh [CASES_DIR ...]      (default: tests/conformance/cases)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v elixir >/dev/null || { echo "oracle/check.sh: elixir is not installed" >&2; exit 2; }
[ $# -gt 0 ] || set -- "$here/../tests/conformance/cases"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total=0 failed=0
for dir in "$@"; do
    for scenario in "$dir"/*.json; do
        [ -e "$scenario" ] || continue
        total=$((total + 1))
        if ! "$here/run.sh" "$scenario" > "$tmp/now.trace" 2> "$tmp/err"; then
            echo "FAIL $scenario: the runner failed: $(head -c 300 "$tmp/err")"
            failed=$((failed + 1))
        elif ! python3 "$here/../tests/conformance/compare_traces.py" \
                "${scenario%.json}.trace" "$tmp/now.trace" "$scenario"; then
            echo "FAIL $scenario: Elixir/OTP now prints another trace"
            failed=$((failed + 1))
        fi
    done
done
echo "$((total - failed))/$total cases: Elixir/OTP prints the stored trace"
[ "$total" -gt 0 ] && [ "$failed" -eq 0 ]
