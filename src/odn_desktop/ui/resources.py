"""Finding bundled files (icons, later .ui/.qm files) in a source checkout, an installed package or a frozen build."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)

APP_ICON = ("icons", "odn-desktop.svg")


def resource_dirs() -> list[Path]:
    """Where ``resources/`` may live, in the order searched."""
    here = Path(__file__).resolve()
    dirs = [
        here.parents[3] / "resources",  # source checkout: <repo>/src/odn_desktop/ui/resources.py
        here.parents[1] / "resources",  # installed or frozen: bundled inside the package
    ]
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller one-file/one-folder builds
    if bundle:
        dirs.append(Path(bundle) / "resources")
    return dirs


def resource_path(*parts: str) -> Path:
    """The first existing ``resources/<parts>``; ``FileNotFoundError`` lists every place looked at."""
    candidates = [base.joinpath(*parts) for base in resource_dirs()]
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {'/'.join(parts)} not found in: {', '.join(map(str, candidates))}")


def app_icon() -> QIcon:
    """The application icon; an empty icon (and a log line) when the file is missing, never a failed start."""
    try:
        path = resource_path(*APP_ICON)
    except FileNotFoundError:
        log.warning("application icon missing", exc_info=True)
        return QIcon()
    icon = QIcon(str(path))
    if icon.isNull():
        log.warning("application icon %s could not be loaded (SVG icon engine missing?)", path)
    return icon


def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as a QIcon (SVG scales cleanly on high-DPI screens); empty when missing."""
    try:
        return QIcon(str(resource_path("icons", f"{name}.svg")))
    except FileNotFoundError:
        log.warning("icon %s missing", name)
        return QIcon()
