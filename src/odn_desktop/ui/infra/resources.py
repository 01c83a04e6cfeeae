"""The application's icons from ``resources/icons/`` (files found by ``resource_files.resource_path``, also
imported from here)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication, QIcon

from .resource_files import resource_path

__all__ = ["APP_ICON", "app_icon", "icon", "palette_is_dark", "resource_path"]

log = logging.getLogger(__name__)

APP_ICON = ("icons", "odn-desktop.svg")


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
    from ``themed_icons`` in the colours of ``themed_icons.DARK_ICON_COLOURS`` and follows later palette
    changes. The main window asks again for its icons when the palette changes (``WorkspaceWindow.changeEvent``).
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
