#!/usr/bin/env bash
# Smoke-runs a built RetroTimer bundle the way a user would: the version, the plan of a built-in
# template, a fast headless session recorded in the history, the audio diagnosis, and the
# window opened offscreen (and under Xvfb when it is installed) that closes by itself. Where
# PulseAudio is installed, cues are played through the Qt stream and simpleaudio into a private
# null sink (never the speakers) and the recording must not be silent.
# Usage: packaging/smoke-test.sh [BUNDLE_FOLDER]   (default: dist/retrotimer, from `make dist`)
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=${1:-dist/retrotimer}
exe=$bundle/retrotimer
[ -x "$exe" ] || exe=$bundle/retrotimer.exe
if [ ! -x "$exe" ]; then
    echo "smoke: no program in $bundle; build it first with: make dist" >&2
    exit 1
fi
# Everything the runs write goes to a throwaway folder, never to the user's own files.
home=$(mktemp -d)
pulse_pid=
cleanup() {
    if [ -n "$pulse_pid" ]; then
        kill "$pulse_pid" 2>/dev/null || true
        wait "$pulse_pid" 2>/dev/null || true
    fi
    rm -rf "$home"
}
trap cleanup EXIT
export RETROTIMER_HOME=$home
template="First steps backward"
output=$home/output.txt
passed=0
skipped=0

check() { echo "smoke: $*"; }
ok() { passed=$((passed + 1)); }
skip() { skipped=$((skipped + 1)); echo "smoke: SKIPPED $*"; }
fail() {
    echo "smoke: FAILED: $*" >&2
    tail -n 20 "$output" >&2 || true
    exit 1
}
run() { timeout "${TIMEOUT:-120}" "$exe" "$@" >"$output" 2>&1; }

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' retrotimer/__init__.py)
check "--version"
run --version || fail "--version"
grep -qx "retrotimer $version" "$output" || fail "--version did not say retrotimer $version"
ok

check "the package's files are in the bundle"
assets=$(find "$bundle" -type d -path "*/retrotimer/assets" | head -n 1)
[ -n "$assets" ] || fail "no retrotimer/assets folder in $bundle"
[ -f "$assets/icons/retrotimer-256.png" ] || fail "the window icon is missing from $assets"
ok

check "plan of a built-in template"
run plan "$template" --json || fail "plan"
grep -q "\"template\": \"$template\"" "$output" || fail "plan printed another template"
ok

check "a headless session at 200 times speed, recorded in the history"
run run "$template" --headless --speed 200 --json-events || fail "headless run"
tail -n 1 "$output" | grep -q '"status": "finished"' || fail "the session did not finish"
run history list || fail "history list"
grep -q "$template" "$output" || fail "the session is not in the history"
ok

check "a FIT workout for a watch, read back by the bundle's own FIT decoder"
watch=$home/watch.fit
run templates export "$template" --format fit -o "$watch" || fail "FIT workout export"
[ "$(head -c 12 "$watch" | tail -c 4)" = ".FIT" ] || fail "the exported file has no FIT header"
run templates import "$watch" || fail "importing the exported FIT workout"
grep -q "imported" "$output" || fail "the FIT workout did not come back as a template"
ok

check "the recorded session as FIT and TCX activities"
# The session ran at a compressed speed: a test run, which --all leaves out, so it is named.
run history list --json || fail "history list"
session=$(grep -o '"id": "[0-9a-f-]*"' "$output" | head -n 1 | cut -d '"' -f 4)
[ -n "$session" ] || fail "the recorded session is not listed"
run history export --format fit -o "$home/session.fit" "$session" || fail "FIT activity export"
run history export --format tcx -o "$home/session.tcx" "$session" || fail "TCX activity export"
[ -s "$home/session.fit" ] || fail "no FIT activity was written"
grep -q "TrainingCenterDatabase" "$home/session.tcx" || fail "the TCX file is not TCX"
run history export --format fit --all "$home/activities" || fail "FIT activity export of --all"
grep -q "1 test run at a compressed speed left out" "$output" \
    || fail "--all did not say it left the test run out"
ok

run --help || fail "--help"
help=$home/help.txt
cp "$output" "$help"

if grep -q "diagnose" "$help"; then
    check "audio diagnosis finds the voice clips"
    run diagnose --json || fail "diagnose"
    grep -Eq '"voice_phrases": [1-9]' "$output" || fail "the bundle's voice clips were not found"
    ok
else
    skip "audio diagnosis: this build has no diagnose command"
fi

# A PulseAudio daemon of our own, reached only by the processes given its variables.
start_pulse() {
    local runtime=$home/pulse
    mkdir -p "$runtime" "$home/pulse-home"
    chmod 700 "$runtime"
    pulse_env=(HOME="$home/pulse-home" XDG_RUNTIME_DIR="$runtime" PULSE_STATE_PATH="$runtime"
        PULSE_RUNTIME_PATH="$runtime" PULSE_SERVER="unix:$runtime/native" PULSE_SINK=smoke)
    env "${pulse_env[@]}" pulseaudio -n --daemonize=no --system=false --exit-idle-time=-1 \
        --use-pid-file=false --log-target=stderr --log-level=error \
        -L "module-native-protocol-unix auth-anonymous=1 socket=$runtime/native" \
        -L "module-null-sink sink_name=smoke rate=44100 channels=1" >"$home/pulse.log" 2>&1 &
    pulse_pid=$!
    for _ in $(seq 100); do
        env "${pulse_env[@]}" pactl info >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    output=$home/pulse.log
    fail "the private PulseAudio daemon did not start"
}

# The backend opens the sound device when it is the one asked for.
starts() {
    env "${pulse_env[@]}" RETROTIMER_AUDIO="$1" timeout 60 "$exe" diagnose --json \
        >"$output" 2>&1 || fail "diagnose with $1"
    grep -q "\"backend\": \"$1\"" "$output" || fail "the $1 backend did not start"
}

# A fast session through one backend, recorded from the sink: some sample must not be zero.
sounds_through() {
    local backend=$1 recording=$home/$1.raw
    starts "$backend"
    env "${pulse_env[@]}" parec -d smoke.monitor --raw --format=s16le --rate=44100 \
        --channels=1 >"$recording" 2>/dev/null &
    local recorder=$!
    env "${pulse_env[@]}" RETROTIMER_AUDIO="$backend" timeout 120 "$exe" run "$template" \
        --headless --speed 100 --no-history >"$output" 2>&1 || fail "a session with $backend"
    kill "$recorder" && wait "$recorder" 2>/dev/null || true
    [ "$(tr -d '\0' <"$recording" | head -c 1 | wc -c)" -eq 1 ] || fail "$backend played silence"
}

if ! grep -q "diagnose" "$help"; then
    skip "audio backends: this build has no diagnose command"
elif ! command -v pulseaudio >/dev/null 2>&1 || ! command -v parec >/dev/null 2>&1; then
    skip "audio backends: pulseaudio and parec are not installed"
else
    start_pulse
    if find "$bundle" -name "simpleaudio*" | grep -q .; then
        check "cues sound through simpleaudio into a private PulseAudio sink"
        sounds_through simpleaudio
        ok
    else
        skip "cues through simpleaudio: the bundle has no simpleaudio (it did not build)"
    fi
    check "cues sound through the Qt stream (the default backend) into a private PulseAudio sink"
    sounds_through qt
    ok
fi

# --quit-after is kept out of the help: ask the parser whether it takes it.
if run --quit-after 0 --version; then
    check "the window, offscreen, closing by itself"
    QT_QPA_PLATFORM=offscreen run --quit-after 3 || fail "the window (offscreen)"
    ok
    if command -v xvfb-run >/dev/null 2>&1; then
        check "the window on an X server (Xvfb), closing by itself"
        QT_QPA_PLATFORM=xcb timeout "${TIMEOUT:-120}" xvfb-run -a -s "-screen 0 1280x800x24" \
            "$exe" --quit-after 3 >"$output" 2>&1 || fail "the window (Xvfb)"
        ok
    else
        skip "the window on an X server: xvfb-run is not installed"
    fi
else
    skip "the window: this build has no --quit-after option"
fi

echo "smoke: the bundle is $(du -sh "$bundle" | cut -f1) in $bundle"
echo "smoke: $passed passed, 0 failed, $skipped skipped"
