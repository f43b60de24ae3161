#!/usr/bin/env bash
# Builds SupLab's .deb from a configured build directory, installs it with apt (so
# its declared dependencies are resolved as on a user's machine), checks what it
# installed, runs both programs from /usr/bin, and removes it again.
# Usage: scripts/check-package.sh [BUILD_DIR]   (default: build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

rm -f "$build"/suplab_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/suplab_*_amd64.deb)
echo "check-package: built $deb"
dpkg-deb --field "$deb" Depends

$SUDO apt-get install -y -qq "./$deb" >/dev/null
trap '$SUDO apt-get remove -y -qq suplab >/dev/null' EXIT

for f in /usr/bin/suplab /usr/bin/suplab-cli /usr/share/applications/org.suplab.SupLab.desktop \
         /usr/share/icons/hicolor/scalable/apps/suplab.svg /usr/share/metainfo/org.suplab.SupLab.metainfo.xml \
         /usr/share/man/man1/suplab.1.gz /usr/share/man/man1/suplab-cli.1.gz \
         /usr/share/doc/suplab/examples/scenarios/01_counter_kvstore.json \
         /usr/share/doc/suplab/examples/elixir/lesson_chat_app.ex; do
    [ -e "$f" ] || [ -e "${f%.gz}" ] || { echo "check-package: $f is missing" >&2; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/org.suplab.SupLab.desktop
fi

tmp=$(mktemp -d)
/usr/bin/suplab-cli --version
/usr/bin/suplab-cli import /usr/share/doc/suplab/examples/elixir/lesson_chat_app.ex \
    --out "$tmp/chat.json" 2>/dev/null
/usr/bin/suplab-cli run "$tmp/chat.json" >/dev/null
xvfb-run -a /usr/bin/suplab /usr/share/doc/suplab/examples/elixir/lesson_rest_for_one.ex \
    --export-tree "$tmp/tree.svg" --screenshot "$tmp/window.png" --quit-after 1500 2>/dev/null
[ -s "$tmp/tree.svg" ] && [ -s "$tmp/window.png" ] || {
    echo "check-package: the installed suplab did not draw" >&2
    exit 1
}
rm -rf "$tmp"
echo "check-package: $deb installs, runs from /usr/bin and imports the lesson"
