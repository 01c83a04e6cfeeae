"""The Qt binding itself: guards against known PySide6 defects that would crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_signals_does_not_leak_references_to_true() -> None:
    """PySide6 6.12.0 dropped a reference to ``True`` on every Python-side ``emit`` (abort after a few hundred)."""
    emitter = _Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(500):
        emitter.fired.emit(i)
    assert len(received) == 500
    assert sys.getrefcount(True) - before >= -5  # a few references may move around; 500 lost would show
