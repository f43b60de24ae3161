#!/usr/bin/env bash
# Installs what SupLab needs to build and test on Debian 12 (bookworm).
# libqt6opengl6-dev is only a Recommends of qt6-base-dev, yet Qt6Charts' CMake package
# needs it.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    build-essential cmake ninja-build python3 \
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libgl1-mesa-dev \
    libqt6charts6-dev libqt6svg6-dev xvfb xauth clang libclang-rt-14-dev \
    dpkg-dev desktop-file-utils mmdebstrap >/dev/null
