#!/usr/bin/env bash
# Runs the README's two commands in a checkout, as a person on a fresh Debian 12
# machine would: the first must end with the GUI on screen showing the default
# scenario (checked on an Xvfb display, then closed), the second must pass.
# Usage: scripts/run-readme-commands.sh CHECKOUT_DIR
# Needs Xvfb and xwininfo (xvfb, x11-utils); the commands install everything else.
set -euo pipefail
dir=$(cd "$1" && pwd)
cd "$dir"
mapfile -t commands < <(awk '/^```sh$/ { inside = 1; next } /^```$/ { if (inside) exit } inside' README.md)
[ ${#commands[@]} -eq 2 ] || { echo "README: expected two commands in its first sh block, found ${#commands[@]}" >&2; exit 1; }
want_title="SupLab: $(python3 -c 'import json; print(json.load(open("resources/scenarios/01_counter_kvstore.json"))["name"])')"

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
log=$(mktemp)
cleanup() {
    [ -n "${gui:-}" ] && kill -- "-$gui" 2>/dev/null
    kill "$xvfb" 2>/dev/null
    rm -f "$log"
}
trap cleanup EXIT

echo "== README command 1: ${commands[0]}"
# Its own process group, so the GUI it ends with can be closed with everything else.
DISPLAY=$display setsid bash -c "${commands[0]}" >"$log" 2>&1 &
gui=$!
shown=""
while kill -0 "$gui" 2>/dev/null; do
    shown=$(DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -oF "\"$want_title\"" || true)
    [ -n "$shown" ] && break
    sleep 5
done
if [ -z "$shown" ]; then
    echo "README command 1 ended without showing the window \"$want_title\":" >&2
    tail -n 40 "$log" >&2
    exit 1
fi
sleep 10 # it must stay up, not crash once drawn
kill -0 "$gui" 2>/dev/null || { echo "the GUI closed by itself:" >&2; tail -n 40 "$log" >&2; exit 1; }
echo "the GUI shows $shown and stays up"
kill -- "-$gui" 2>/dev/null || true
wait "$gui" 2>/dev/null || true
gui=""

echo "== README command 2: ${commands[1]}"
bash -c "${commands[1]}"
