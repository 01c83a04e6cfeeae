"""Start odn-desktop on a database up to the first paint of the main window, print "painted <time>", exit.

    app_start_probe.py DB                  # the first paint of the main window
    app_start_probe.py DB --filled         # until the overview (the default first page) shows its rows
    app_start_probe.py DB --filled=events  # until the list of "Veranstaltungen" shows its rows

Runs the real start-up path (logging, lock, revision check, window, then the database and the first page's
data) through ``odn_desktop.ui.shell.app.start_app``; only the event loop is left early. "Shows its rows" is judged
from outside, the way a coordinator would: an item view of that page paints while a visible item view of it has
rows, however the page loads them (before the database layer is ready, in the ``ready`` slot or on a worker).
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from odn_desktop.paths import resolve_paths
from odn_desktop.ui.shell.app import StartedApp, start_app


class _PaintWatcher(QObject):
    """Notes the wall-clock time of the window's first paint (the parent subtracts its own start time)."""

    painted_at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.time()
            QTimer.singleShot(0, QApplication.quit)
        return False


def _page_to_fill() -> str | None:
    """None (first paint), or the page whose rows are awaited: ``--filled`` means the overview."""
    for arg in sys.argv[2:]:
        if arg == "--filled":
            return "overview"
        if arg.startswith("--filled="):
            return arg.split("=", 1)[1]
    return None


def _rows_shown(started: StartedApp, key: str) -> bool:
    """A visible item view of the page has rows (whether the database layer is ready or not)."""
    page = started.window.pages.get(key)
    if page is None or not page.isVisible():
        return False
    return any(view.isVisible() and view.model() is not None and view.model().rowCount() > 0
               for view in page.findChildren(QAbstractItemView))


class _RowsPaintWatcher(QObject):
    """Notes the time at which an item view of the page paints while the page shows rows: the rows are on
    the screen then (a page may fill before the database layer is ready, and the event loop may be busy
    right after, so a timer would see them late). Watches only the page's views, from when the page is built."""

    def __init__(self, started: StartedApp, key: str) -> None:
        super().__init__()
        self.started, self.key = started, key
        self.filled_at: float | None = None
        started.window.stack.widgetAdded.connect(self._watch)

    def _watch(self, _index: int) -> None:
        page = self.started.window.stack.widget(_index)
        for view in page.findChildren(QAbstractItemView) if page is not None else ():
            view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (self.filled_at is None and event.type() == QEvent.Type.Paint
                and _rows_shown(self.started, self.key)):
            self.filled_at = time.time()
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    page = _page_to_fill()
    started = start_app(resolve_paths(sys.argv[1]), show=False)
    if not isinstance(started, StartedApp):
        return started
    watcher = _PaintWatcher()
    rows_watcher = _RowsPaintWatcher(started, page) if page is not None else None
    filled_at: list[float] = []
    poll = QTimer()

    def check() -> None:
        if not filled_at and page is not None and _rows_shown(started, page):
            filled_at.append(time.time())
            poll.stop()
            QTimer.singleShot(0, QApplication.quit)

    if page is None:
        started.window.installEventFilter(watcher)
    else:
        started.window.show_page(page)  # as if it had been the last page used
        started.ctx.ready.connect(check)  # connected after the window's own slot: the page is loaded by now
        poll.timeout.connect(check)  # in case a page fills later (a worker, a queued reload)
        poll.start(1)
        # (rows_watcher: or painted before the event loop gets back to the timer)
    started.window.show()
    started.app.exec()
    if rows_watcher is not None and rows_watcher.filled_at is not None:
        filled_at.append(rows_watcher.filled_at)
    at = min(filled_at) if page is not None else watcher.painted_at
    print("painted", at, flush=True)
    started.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
