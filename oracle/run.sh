#!/usr/bin/env bash
# Plays SCENARIO.json on the real Elixir/OTP runtime and prints its conformance trace.
#   oracle/run.sh SCENARIO.json > SCENARIO.trace
# Needs Debian 12's elixir and erlang-base (scripts/setup-debian.sh --oracle).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 SCENARIO.json" >&2; exit 2; }
# One scheduler: what OTP can only do in one order, it then always does in that order.
exec elixir --erl "+S 1:1" "$(dirname "$0")/oracle.exs" "$1"
