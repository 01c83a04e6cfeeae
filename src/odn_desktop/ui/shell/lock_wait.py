"""Waiting for a database lock without freezing the window.

Another program (a second odn-desktop on a shared folder, a sync, a backup tool, DB Browser for SQLite) may hold
the write lock for a while. SQLite would wait inside its own C code – the window could not repaint for the whole
wait. Instead the window's units of work (``AppContext.read``, so every undoable command too) run through
``run_waiting``: each try waits at most ``LOCK_STEP_MS`` inside SQLite; between tries the status bar says
„Datenbank ist gesperrt …“ (with the seconds waited), the cursor is busy, and a short event loop repaints the
window for ``PAUSE_MS``. The coordinator's clicks and keys wait in Qt's queue meanwhile
(``ExcludeUserInputEvents``): nothing can start a second change in the middle of the first. A failed try was a
whole rolled-back transaction, so trying again is safe. After ``LOCK_PATIENCE_S`` the lock's German message is
shown (``store.faults``) and nothing was changed. Off the GUI thread (workers) SQLite's own, longer wait applies.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread, QTimer
from PySide6.QtGui import QCursor, QGuiApplication

from odn_desktop.store import database

if TYPE_CHECKING:
    from odn_desktop.ui.infra.context import AppContext

T = TypeVar("T")
log = logging.getLogger(__name__)

#: how long one try waits inside SQLite (the longest the window goes without repainting)
LOCK_STEP_MS = database.LOCK_STEP_MS
#: the event loop between two tries
PAUSE_MS = 100
#: how long the window keeps trying before it reports the lock
LOCK_PATIENCE_S = database.LOCK_PATIENCE_S

translate = QCoreApplication.translate


def locked_message(seconds: float) -> str:
    return translate("LockWait", "Datenbank ist gesperrt – es wird gewartet … ({seconds} s)").format(
        seconds=int(seconds))


def free_again_message() -> str:
    return translate("LockWait", "Die Datenbank ist wieder frei.")


def on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


class _Wait:
    """The visible state of one wait: busy cursor and status message from the first failed try on."""

    def __init__(self, ctx: AppContext | None) -> None:
        self.ctx = ctx
        self.active = False
        self.started = 0.0

    def __call__(self, waited: float) -> None:
        if not self.active:
            self.active = True
            self.started = time.monotonic()
            log.info("database locked by another connection; waiting in steps of %d ms", LOCK_STEP_MS)
            from PySide6.QtCore import Qt  # not at module level: it builds ~95 enums (start-up time)

            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        if self.ctx is not None:
            self.ctx.status_message.emit(locked_message(waited))
        loop = QEventLoop()
        QTimer.singleShot(PAUSE_MS, loop.quit)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def end(self, succeeded: bool) -> None:
        if not self.active:
            return
        self.active = False
        QGuiApplication.restoreOverrideCursor()
        log.info("database lock wait ended after %.1f s (%s)", time.monotonic() - self.started,
                 "done" if succeeded else "given up")
        if self.ctx is not None:
            self.ctx.status_message.emit(free_again_message() if succeeded else "")


def run_waiting(attempt: Callable[[], T], ctx: AppContext | None = None) -> T:
    """Run ``attempt`` (one whole transaction) and, on the GUI thread, wait visibly while the database is locked
    by another connection (see the module's text); returns its result or raises its exception."""
    if not on_gui_thread():
        return attempt()
    wait = _Wait(ctx)
    succeeded = False
    try:
        result = database.retry_while_locked(attempt, wait, step_ms=LOCK_STEP_MS, patience_s=LOCK_PATIENCE_S)
        succeeded = True
        return result
    finally:
        wait.end(succeeded)
