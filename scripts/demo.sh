#!/usr/bin/env bash
# Install odn-desktop into .venv and open it on the demo database (embedded SQLite, no server needed).
# Without a display (Linux, no DISPLAY/WAYLAND_DISPLAY) nobody could see a window: the main pages of the demo are
# rendered as PNGs instead (scripts/render_screenshots.py, into ./demo-screens or $ODN_DEMO_SCREENS), their paths
# and a short summary of the demo data are printed, and the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
if [[ "$(uname)" == "Linux" && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    screens="${ODN_DEMO_SCREENS:-$PWD/demo-screens}"
    echo "Kein Bildschirm gefunden: statt eines Fensters, das niemand sieht, zeigt odn-desktop die Demo als Bilder."
    .venv/bin/python scripts/render_screenshots.py --out "$screens" --pages --summary --no-optimise
    echo "Mit Bildschirm öffnet derselbe Befehl das Programm mit den Demodaten."
    exit 0
fi
exec .venv/bin/odn-desktop --demo "$@"
