#!/usr/bin/env bash
# Builds SupLab's .deb from a configured build directory and checks it twice:
#  - on a fresh, minimal Debian 12 (a bookworm chroot made by mmdebstrap, with apt
#    and nothing else): apt must find every dependency from the package's own
#    Depends line, and both programs must run there (the GUI offscreen);
#  - on this machine: installed with apt, every file in place, the .desktop file
#    valid, both programs run from /usr/bin (the GUI under Xvfb); then removed.
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

# A fresh Debian 12 with nothing but apt: the Depends line alone must be enough.
if command -v mmdebstrap >/dev/null; then
    root=$(mktemp -d)
    trap '$SUDO apt-get remove -y -qq suplab >/dev/null; $SUDO rm -rf "$root"' EXIT
    $SUDO mmdebstrap --mode=root --variant=apt --quiet bookworm "$root"
    $SUDO cp "$deb" "$root/tmp/suplab.deb"
    $SUDO chroot "$root" apt-get update -qq
    $SUDO chroot "$root" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends /tmp/suplab.deb >/dev/null
    $SUDO chroot "$root" suplab-cli --version
    $SUDO chroot "$root" sh -c 'suplab-cli import \
        /usr/share/doc/suplab/examples/elixir/lesson_chat_app.ex --out /tmp/chat.json \
        2>/dev/null && suplab-cli run /tmp/chat.json >/dev/null'
    $SUDO chroot "$root" env QT_QPA_PLATFORM=offscreen suplab \
        /usr/share/doc/suplab/examples/elixir/lesson_rest_for_one.ex \
        --export-tree /tmp/tree.svg --quit-after 1000 2>/dev/null
    $SUDO test -s "$root/tmp/tree.svg"
    echo "check-package: $deb installs on a fresh Debian 12 and runs there"
else
    echo "check-package: mmdebstrap is not installed: the fresh-Debian check was skipped" >&2
fi
