#!/usr/bin/env bash
# Plays an iex transcript on the real Elixir/OTP runtime and prints what iex prints.
#   oracle/lessons/run.sh [--start MODULE] [--transcript-pids] [--pause-ms N] [MODULES_FILE...] TRANSCRIPT
# e.g. oracle/lessons/run.sh oracle/lessons/workers.exs \
#          resources/elixir/lesson_counter_kvstore.ex resources/lessons/01_counter_kvstore.iex
set -euo pipefail
command -v elixir >/dev/null || { echo "$0: elixir is not installed" >&2; exit 2; }
exec elixir "$(dirname "$0")/run.exs" "$@"
