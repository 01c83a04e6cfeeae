"""The main window as the coordinator sees it, for tests that drive it: shown at a laptop's size, ready."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow


def shown_window(qtbot: QtBot, ctx: AppContext, tmp_path: Path, width: int = 1366,
                 height: int = 768) -> WorkspaceWindow:
    """A window over ``ctx`` with its settings in ``tmp_path``, shown and exposed, the database ready."""
    window = WorkspaceWindow(ctx, settings=QSettings(str(tmp_path / "ws.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    ctx.ready.emit()
    qtbot.waitExposed(window)
    return window
