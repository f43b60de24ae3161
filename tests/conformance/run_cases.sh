#!/usr/bin/env bash
# Every case of a folder (SCENARIO.json beside the trace the real Elixir/OTP runtime
# gave, SCENARIO.trace) through the real suplab-cli binary on one clock, compared by
# compare_traces.py.
#   run_cases.sh SUPLAB_CLI CASES_DIR CLOCK
set -u
[ $# -eq 3 ] || { echo "usage: $0 SUPLAB_CLI CASES_DIR virtual|real" >&2; exit 2; }
cli=$1 cases=$2 clock=$3
compare="$(dirname "$0")/compare_traces.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 total=0
for scenario in "$cases"/*.json; do
    [ -e "$scenario" ] || break
    total=$((total + 1))
    name=$(basename "$scenario" .json)
    if [ ! -f "${scenario%.json}.trace" ]; then
        echo "FAIL $name: no ${name}.trace beside it"
        failed=$((failed + 1))
    elif ! "$cli" run "$scenario" --clock "$clock" --out "$tmp/$name.trace"; then
        echo "FAIL $name: suplab-cli exited with an error"
        failed=$((failed + 1))
    elif ! python3 "$compare" "${scenario%.json}.trace" "$tmp/$name.trace" "$scenario"; then
        echo "FAIL $name ($clock clock)"
        failed=$((failed + 1))
    fi
done
echo "$((total - failed))/$total conformance cases of $cases match on the $clock clock"
[ "$total" -gt 0 ] && [ "$failed" -eq 0 ]
