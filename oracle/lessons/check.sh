#!/usr/bin/env bash
# Plays the lesson transcripts (resources/lessons/*.iex) on the real Elixir/OTP runtime
# and compares what iex prints with what each transcript says it prints.
#   oracle/lessons/check.sh          exit 1 when any input's output differs
# Pids compare equal whatever their numbers; line breaking counts, with the pids the
# transcript shows (run.exs --transcript-pids), and a mismatch only there is reported
# as `layout only`.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v elixir >/dev/null || { echo "$0: elixir is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lessons=$root/resources/lessons elixir_dir=$root/resources/elixir
# transcript | runner arguments before it
cases=(
    "01_counter_kvstore.iex|$here/workers.exs $elixir_dir/lesson_counter_kvstore.ex"
    "02_database_cache_webserver.iex|$here/workers.exs $elixir_dir/lesson_rest_for_one.ex"
    "03_application_tree.iex|--start MyApp.Supervisor $here/application_tree.exs"
    "04_session_supervisor.iex|$here/workers.exs $elixir_dir/lesson_session_supervisor.ex"
    "05_chat_app.iex|$here/workers.exs $elixir_dir/lesson_chat_app.ex $lessons/chat_app_rooms.ex"
)
failed=0
for c in "${cases[@]}"; do
    transcript=$lessons/${c%%|*}
    read -ra args <<< "${c#*|}"
    if ! "$here/run.sh" --transcript-pids "${args[@]}" "$transcript" > "$tmp/real.iex" 2> "$tmp/err"; then
        echo "FAIL ${c%%|*}: the runner failed:"; cat "$tmp/real.iex" "$tmp/err"
        failed=$((failed + 1))
    elif ! elixir "$here/compare.exs" "$transcript" "$tmp/real.iex"; then
        failed=$((failed + 1))
    fi
done
echo "$(( ${#cases[@]} - failed ))/${#cases[@]} transcripts print what iex prints"
[ "$failed" -eq 0 ]
