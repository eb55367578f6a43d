#!/usr/bin/env bash
# Checks the Debian/Ubuntu packages RetroTimer needs; installs them as root, otherwise prints
# the exact command to run. Usage: system-deps.sh run|test. Other systems: nothing to do here.
set -euo pipefail

purpose=${1:-run}
if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    exit 0  # not Debian-like: the Python wheels bring Qt; see README for audio notes
fi

# Qt's xcb platform plugin, Qt Multimedia (PulseAudio/ALSA), and what builds simpleaudio.
run_packages=(
    libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
    libxcb-xkb1 libdbus-1-3 libfontconfig1 libglib2.0-0 libpulse0 libasound2
    libasound2-dev gcc make espeak-ng
)
# The test suite also needs an X server and a window manager to frame windows on it, a
# private sound server with recording tools, a screenshot tool, speech engines, the
# AppStream validator, a D-Bus daemon for the private bus the Bluetooth tests serve a fake
# BlueZ on, and the locale definitions a Latin-1 terminal is made from.
test_packages=(
    xvfb xauth openbox pulseaudio pulseaudio-utils libasound2-plugins imagemagick flite
    appstream desktop-file-utils dbus-daemon locales
)
packages=("${run_packages[@]}")
[ "$purpose" = test ] && packages+=("${test_packages[@]}")

python=${PYTHON:-python3}
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    packages+=(python3-venv)
fi
include=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
if [ ! -f "$include/Python.h" ]; then
    packages+=(python3-dev)
fi

# The tests run the command line in a Latin-1 terminal too; that locale is made, not packaged.
latin1_locale() {
    [ "$purpose" = test ] && [ "$(id -u)" -eq 0 ] || return 0
    locale -a 2>/dev/null | grep -qi '^de_DE\.iso88591$' && return 0
    echo "Making the de_DE.ISO-8859-1 locale"
    localedef -i de_DE -f ISO-8859-1 de_DE.ISO-8859-1
}

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing+=("$package") ;;
    esac
done
if [ ${#missing[@]} -eq 0 ]; then
    latin1_locale
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${missing[@]}" \
        || { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; }
    latin1_locale
else
    echo "RetroTimer needs these system packages. Install them, then run make again:" >&2
    echo "    sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
