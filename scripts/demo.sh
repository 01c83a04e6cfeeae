#!/usr/bin/env bash
# Install odn-desktop into .venv and open it on the demo database (embedded SQLite, no server needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
if [[ "$(uname)" == "Linux" && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "Kein Bildschirm gefunden: odn-desktop läuft auf einem virtuellen Bildschirm (Xvfb)."
    command -v xvfb-run >/dev/null || { [[ $(id -u) -eq 0 ]] && apt-get install -y -qq xvfb xauth >/dev/null; }
    exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/odn-desktop --demo "$@"
fi
exec .venv/bin/odn-desktop --demo "$@"
