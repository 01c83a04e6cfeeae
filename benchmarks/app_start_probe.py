"""Start odn-desktop on a database up to the first paint of the main window, print "painted", exit.

Runs the real start-up path (logging, lock, migration check, loading the event list) through
``odn_desktop.ui.app.start_app``; only the event loop is left as soon as the window has painted.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from odn_desktop.paths import resolve_paths
from odn_desktop.ui.app import StartedApp, start_app


class _PaintWatcher(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    started = start_app(resolve_paths(sys.argv[1]), show=False)
    if not isinstance(started, StartedApp):
        return started
    watcher = _PaintWatcher()
    started.window.installEventFilter(watcher)
    started.window.show()
    started.app.exec()
    print("painted", started.window.visible_rows().__len__(), flush=True)
    started.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
