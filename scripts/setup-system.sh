#!/usr/bin/env bash
# Debian packages odn-desktop needs on Linux: Qt's runtime libraries, plus (with --test) what the test
# suite uses: Xvfb, PostgreSQL, LibreOffice (renders exported workbooks), poppler (PDF to text/PNG), openssl
# (certificates for the TLS tests). In CI (CI=true) a test whose program is missing fails instead of skipping.
# Does nothing that is already there; needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
          libxcb-render-util0 libxcb-image0 fonts-dejavu-core)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(xvfb postgresql libreoffice-calc-nogui poppler-utils openssl)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "setup-system: not a Debian-like system; install Qt's runtime libraries yourself." >&2
    exit 0
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "setup-system: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
