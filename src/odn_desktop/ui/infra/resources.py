"""Finding bundled files (icons, later .ui/.qm files) in a source checkout, an installed package or a frozen build."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon

log = logging.getLogger(__name__)

APP_ICON = ("icons", "odn-desktop.svg")
#: In a dark palette the toolbar icons' dark-blue outlines (and the green and red marks) are redrawn lighter and
#: their near-white fills darker, so that the drawings keep their contrast on a dark toolbar. The SVG text is
#: otherwise the same: only these exact colour values (the palette of resources/icons/README.md) are replaced.
DARK_ICON_COLOURS = {
    "#1f5f8b": "#7fb3e0",  # outlines
    "#1b4f8c": "#7fb3e0",
    "#e6f0f7": "#1d3b52",  # paper-like fill
    "#ffffff": "#2a4a63",  # white fill inside a filled shape (clip, disk label)
    "#1e8c6e": "#4cc3a0",  # what is added or moves
    "#b3261e": "#f28b82",  # deleting
    "#fbe9e7": "#4a1f1c",  # the bin's fill
}


def resource_dirs() -> list[Path]:
    """Where ``resources/`` may live, in the order searched."""
    here = Path(__file__).resolve()
    dirs = [
        here.parents[4] / "resources",  # source checkout: <repo>/src/odn_desktop/ui/infra/resources.py
        here.parents[2] / "resources",  # installed or frozen: bundled inside the package
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
    """``resources/icons/<name>.svg`` as a QIcon, drawn at the size asked for (sharp on high-DPI screens); empty
    when missing.

    In a light palette Qt's own SVG icon engine draws it (cheapest at start-up); in a dark one the icon comes
    from ``themed_icons`` in the colours of ``DARK_ICON_COLOURS`` and follows later palette changes. The main
    window asks again for its icons when the palette changes (``WorkspaceWindow.changeEvent``).
    """
    if palette_is_dark():
        from .themed_icons import themed_icon

        return themed_icon(name)
    try:
        path = resource_path("icons", f"{name}.svg")
    except FileNotFoundError:
        log.warning("icon %s missing", name)
        return QIcon()
    return QIcon(str(path))


def palette_is_dark() -> bool:
    """``theme.is_dark`` without importing ``theme`` (and its Qt classes) before the window's first paint."""
    if QGuiApplication.instance() is None:
        return False
    from .theme import is_dark

    return is_dark()


def recolour_for_dark(svg: str) -> str:
    """``svg`` with the colours of ``DARK_ICON_COLOURS`` replaced (exact ``#rrggbb`` values, lower or upper case)."""
    for light, dark in DARK_ICON_COLOURS.items():
        svg = svg.replace(light, dark).replace(light.upper(), dark)
    return svg


