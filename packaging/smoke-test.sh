#!/usr/bin/env bash
# Smoke-runs a built RetroTimer bundle the way a user would: the version, the plan of a built-in
# template, a fast headless session recorded in the history, the audio diagnosis, and the
# window opened offscreen (and under Xvfb when it is installed) that closes by itself.
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
trap 'rm -rf "$home"' EXIT
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

if grep -q -- "--quit-after" "$help"; then
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
