#!/usr/bin/env bash
# Makes the guide's screenshots again (docs/screenshots/), under Xvfb, from the dev
# build, with preferences of their own so that the user's do not leak in.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/dev}/bin/suplab
out=docs/screenshots
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
shot() { # NAME THEME ARGS...   (LEGEND=true shows the canvas' legend)
    local name=$1 theme=$2
    shift 2
    mkdir -p "$home/.config/SupLab"
    printf '[prefs]\ntheme=%s\nlegend=%s\n' "$theme" "${LEGEND:-false}" \
        > "$home/.config/SupLab/suplab.conf"
    HOME=$home XDG_CONFIG_HOME=$home/.config xvfb-run -a -s "-screen 0 1400x900x24" \
        "$bin" "$@" --screenshot "$out/$name.png" 2>/dev/null
    echo "screenshots: $out/$name.png"
}
shot lesson_console light --lesson 1 --lesson-lines 6 --quit-after 3500
shot counter_kvstore light resources/scenarios/01_counter_kvstore.json \
    --select MyApp.Supervisor/Counter --quit-after 2500
LEGEND=true shot rest_for_one light resources/scenarios/02_database_cache_webserver.json \
    --select MyApp.Supervisor --quit-after 1400
shot escalation light resources/scenarios/03_application_tree.json \
    --select MyApp.Supervisor/MyApp.Web.Supervisor --quit-after 2650
shot session_supervisor light resources/scenarios/04_session_supervisor.json \
    --select MyApp.SessionSupervisor --quit-after 1300
shot chat_app dark resources/scenarios/05_chat_app.json --select ChatApp.Supervisor \
    --quit-after 3300
shot compare light resources/scenarios/02_database_cache_webserver.json \
    --compare "strategy=one_for_one;strategy=rest_for_one" --virtual --quit-after 4000
# 100 supervisors of 100 workers failing at random: folded into boxes that count.
python3 - "$home/big.json" <<'PY'
import json, sys
sups = [{"id": f"S{s}", "type": "supervisor", "max_restarts": 100000, "max_seconds": 1,
         "children": [{"id": f"w{w}", "mtbf_ms": 30000} for w in range(100)]} for s in range(100)]
json.dump({"name": "10,000 workers under 100 supervisors", "stop_at_end": False, "seed": 3,
           "root": {"id": "Big", "type": "supervisor", "max_restarts": 100000, "max_seconds": 1,
                    "children": sups}}, open(sys.argv[1], "w"))
PY
shot big_tree light "$home/big.json" --quit-after 4000
shot big_tree_unfolded light "$home/big.json" --select Big/S16/w40 --quit-after 4000
shot import_dialog light --show-import resources/elixir/lesson_application.ex --quit-after 1200
shot import_project light --show-import resources/projects/lesson_app --quit-after 1200
LEGEND=true shot imported_project light resources/projects/lesson_app \
    --select MyApp.Supervisor/MyApp.Cache.Supervisor --quit-after 1500
shot imported_dark dark resources/elixir/lesson_rest_for_one.ex \
    --select MyApp.Supervisor/Cache --quit-after 1500
# The tree alone, as File > Export tree > PNG writes it.
HOME=$home XDG_CONFIG_HOME=$home/.config xvfb-run -a "$bin" \
    resources/scenarios/03_application_tree.json --export-tree "$out/tree_export.png" \
    --quit-after 1200 2>/dev/null
echo "screenshots: $out/tree_export.png"
