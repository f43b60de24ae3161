#!/usr/bin/env bash
# Every shared conformance case through the real suplab-cli binary, compared by
# the shared compare.py, on one clock.   conformance.sh SUPLAB_CLI SHARED_DIR CLOCK
set -u
cli=$1 shared=$2 clock=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 total=0
for scenario in "$shared"/conformance/cases/*.json; do
    total=$((total + 1))
    name=$(basename "$scenario" .json)
    if ! "$cli" run "$scenario" --clock "$clock" --out "$tmp/$name.trace"; then
        echo "FAIL $name: suplab-cli exited with an error"
        failed=$((failed + 1))
        continue
    fi
    if ! python3 "$shared/conformance/compare.py" "${scenario%.json}.trace" "$tmp/$name.trace" "$scenario"; then
        echo "FAIL $name ($clock clock)"
        failed=$((failed + 1))
    fi
done
echo "$((total - failed))/$total conformance cases match on the $clock clock"
[ "$total" -gt 0 ] && [ "$failed" -eq 0 ]
