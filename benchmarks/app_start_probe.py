"""Start odn-desktop on a database up to the first paint of the main window (or, with ``--filled``, until the
overview shows the database's data), print "painted", exit.

Runs the real start-up path (logging, lock, revision check, window, then the database and the first page's
data) through ``odn_desktop.ui.app.start_app``; only the event loop is left early.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from odn_desktop.paths import resolve_paths
from odn_desktop.ui.app import StartedApp, start_app


class _PaintWatcher(QObject):
    """Notes the wall-clock time of the window's first paint (the parent subtracts its own start time)."""

    painted_at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.time()
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    filled = "--filled" in sys.argv
    started = start_app(resolve_paths(sys.argv[1]), show=False)
    if not isinstance(started, StartedApp):
        return started
    watcher = _PaintWatcher()
    filled_at: list[float] = []

    def on_ready() -> None:  # pages load synchronously in the ready slots; this one is connected last
        filled_at.append(time.time())
        QTimer.singleShot(0, QApplication.quit)

    if filled:
        started.ctx.ready.connect(on_ready)
    else:
        started.window.installEventFilter(watcher)
    started.window.show()
    started.app.exec()
    at = filled_at[0] if filled else watcher.painted_at
    print("painted", at, flush=True)
    started.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
