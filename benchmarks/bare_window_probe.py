"""Baseline for start-up: a bare PySide6 main window with an empty table, started the same way as the app.

Prints "painted" and exits when the window has been painted for the first time.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class _PaintWatcher(QObject):
    """Notes the wall-clock time of the window's first paint (the parent subtracts its own start time)."""

    painted_at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.time()
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1200, 800)
    watcher = _PaintWatcher()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    print("painted", watcher.painted_at, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
