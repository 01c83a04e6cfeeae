#!/usr/bin/env bash
# CI smoke test of the Windows packaging, on Linux: build packaging/odn-desktop.spec with PyInstaller into a
# temporary folder and run the frozen program's --selftest offscreen. A module, Qt plugin or data file the spec
# forgets breaks this build here instead of the coordinator's installation. Also checks that a failing check
# reaches the frozen program's exit status. Exits with the self-test's status.
#
#   bash packaging/build_and_selftest.sh          (KEEP=1 keeps the build folder and prints where it is)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
if [[ ! -x "$PY" ]]; then
    echo "build_and_selftest: $PY missing; run scripts/test.sh (or create .venv and pip install -e .) first" >&2
    exit 2
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build_and_selftest: installing pyinstaller into .venv"
    "$PY" -m pip install -q "pyinstaller>=6.10"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/odn-build.XXXXXX")
cleanup() {
    if [[ "${KEEP:-0}" == "1" ]]; then echo "build_and_selftest: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --clean \
    --distpath "$WORK/dist" --workpath "$WORK/build" packaging/odn-desktop.spec
built=$(date +%s)
APP="$WORK/dist/odn-desktop"
echo "build_and_selftest: built in $((built - start)) s, folder $(du -sh "$APP" | cut -f1) ($APP)"

# Every library the bundle brings must find the libraries it needs inside the bundle (or the system's C/X11/GL
# libraries): a Qt library the spec trims away while a kept plugin still needs it shows up here.
missing=$(find "$APP" -name "*.so*" -type f -print0 | xargs -0 -n 50 ldd 2>/dev/null \
    | grep "not found" | grep -E "libQt6|libpython|libicu|libshiboken|libpyside" | sort -u || true)
if [[ -n "$missing" ]]; then
    echo "build_and_selftest: bundled libraries miss dependencies:" >&2
    echo "$missing" >&2
    exit 1
fi

# A clean user: no display, home, data, settings and temp folders of its own (with a space and an umlaut).
USER_HOME="$WORK/Benutzer ä"
mkdir -p "$USER_HOME/tmp"
run_frozen() {
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u ODN_DB -u PYTHONPATH -u PYTHONHOME \
        HOME="$USER_HOME" XDG_DATA_HOME="$USER_HOME/.local/share" XDG_CONFIG_HOME="$USER_HOME/.config" \
        XDG_STATE_HOME="$USER_HOME/.local/state" XDG_CACHE_HOME="$USER_HOME/.cache" TMPDIR="$USER_HOME/tmp" \
        "$@"
}

run_frozen "$APP/odn-desktop" --version
run_frozen "$APP/odn-desktop-cli" --version  # the console twin for commands (on Windows the other one is windowed)
set +e
run_frozen "$APP/odn-desktop" --selftest
status=$?
set -e
echo "build_and_selftest: --selftest exit status $status (total $(( $(date +%s) - start )) s)"
if [[ $status -ne 0 ]]; then
    exit "$status"
fi

set +e
run_frozen env ODN_SELFTEST_FAIL=kalenderdatei "$APP/odn-desktop-cli" --selftest >"$WORK/forced.txt" 2>&1
forced=$?
set -e
if [[ $forced -eq 0 ]] || ! grep -q "^FEHLER kalenderdatei: " "$WORK/forced.txt"; then
    echo "build_and_selftest: a failing check did not reach the exit status ($forced):" >&2
    cat "$WORK/forced.txt" >&2
    exit 1
fi
echo "build_and_selftest: a failing check gives exit status $forced, as it should"

# The everyday start of the window (logging, lock, translations, the database opened after the first paint, the
# daily backup) on a database the command line filled with the demo data: it runs until the day's backup
# appears, then is ended; the log must show the start and no traceback.
run_frozen "$APP/odn-desktop-cli" demo
DATA="$USER_HOME/.local/share/odn-desktop"
run_frozen env QT_QPA_PLATFORM=offscreen "$APP/odn-desktop" >"$WORK/gui.txt" 2>&1 &
gui_pid=$!
for _ in $(seq 1 100); do
    if compgen -G "$DATA/backups/odn-desktop-2*.sqlite" >/dev/null || ! kill -0 "$gui_pid" 2>/dev/null; then
        break
    fi
    sleep 0.2
done
sleep 1  # let the window load its first page
if ! kill -0 "$gui_pid" 2>/dev/null; then
    wait "$gui_pid" || true
    echo "build_and_selftest: the window ended by itself:" >&2
    cat "$WORK/gui.txt" >&2
    exit 1
fi
kill "$gui_pid"
wait "$gui_pid" 2>/dev/null || true
LOG="$USER_HOME/.local/state/odn-desktop/log/odn-desktop.log"
if ! compgen -G "$DATA/backups/odn-desktop-2*.sqlite" >/dev/null || ! grep -q "starting" "$LOG" \
        || grep -q "Traceback" "$LOG"; then
    echo "build_and_selftest: the window did not start cleanly; log:" >&2
    cat "$LOG" "$WORK/gui.txt" >&2 || true
    exit 1
fi
echo "build_and_selftest: the window started and wrote the daily backup $(basename "$DATA"/backups/odn-desktop-2*.sqlite)"
echo "build_and_selftest: all passed in $(( $(date +%s) - start )) s"
