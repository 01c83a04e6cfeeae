"""Run long work off the GUI thread and get the result back on it (DESIGN.md §3).

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on the global ``QThreadPool``; ``fn`` must not touch
widgets and opens its own Session (pass it the ``Database``, not a Session). ``on_done``/``on_error`` run on
the GUI thread through queued signals. ``fn`` may accept a ``progress`` callable (int percent, str text).
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class _Signals(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive here queued, on the GUI thread.

    Its lifetime is the subtle part: a QObject must be deleted in its own thread, but the worker's job holds a
    Python reference until the worker thread is done with it, and if that reference were the last one, the
    object would be deleted on the worker thread (a rare crash). So the application owns it (its parent), the
    worker only signals ``finished`` after its last emit, and the GUI thread deletes it with ``deleteLater``
    once both the result was delivered and the worker has let go.
    """

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__(QCoreApplication.instance())
        self.finished = threading.Event()  # set by the worker after its last use of this object
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self._release()
        self._on_done(result)

    @Slot(object)
    def _deliver_failure(self, exc: BaseException) -> None:
        self._release()
        if self._on_error is None:
            raise exc
        self._on_error(exc)


    def _release(self) -> None:
        """Delete this object on the GUI thread once the worker is done with it (usually at once)."""
        if self.finished.is_set():
            _alive.discard(self)
            self.deleteLater()
        else:
            QTimer.singleShot(1, self._release)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        signals = self.signals
        try:
            try:
                if "progress" in inspect.signature(self._fn).parameters:
                    result = self._fn(progress=lambda pct, text="": signals.progress.emit(int(pct), str(text)))
                else:
                    result = self._fn()
            except BaseException as exc:  # delivered to the GUI thread; bugs end in the crash handler there
                signals.failed.emit(exc)
                return
            signals.done.emit(result)
        finally:
            signals.finished.set()


_alive: set[_Signals] = set()  # keep the signal objects alive until they delivered and the worker let go


def run_in_background(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, str], None] | None = None,
) -> _Signals:
    signals = _Signals(on_done, on_error)
    _alive.add(signals)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Job(fn, signals))
    return signals
