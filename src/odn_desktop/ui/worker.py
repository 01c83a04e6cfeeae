"""Run long work off the GUI thread and get the result back on it (DESIGN.md §3).

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on the global ``QThreadPool``; ``fn`` must not touch
widgets and opens its own Session (pass it the ``Database``, not a Session). ``on_done``/``on_error`` run on
the GUI thread through queued signals. ``fn`` may accept a ``progress`` callable (int percent, str text).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Signals(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive here queued, on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        _alive.discard(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_failure(self, exc: BaseException) -> None:
        _alive.discard(self)
        if self._on_error is None:
            raise exc
        self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            if "progress" in inspect.signature(self._fn).parameters:
                result = self._fn(progress=lambda pct, text="": self.signals.progress.emit(int(pct), str(text)))
            else:
                result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread; bugs end in the crash handler there
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


_alive: set[_Signals] = set()  # keep the signal objects alive until they delivered


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
