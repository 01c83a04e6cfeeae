"""WORKAROUND: PySide6 6.12.0 on Python < 3.12 loses a reference to ``True`` on every ``SignalInstance.emit()``.

``emit()`` returns ``True`` without taking a new reference, so each call from Python drops the refcount of
``True`` by one; once it reaches zero the interpreter aborts ("bool_dealloc: deallocating True or False").
Python 3.12+ makes ``True`` immortal, so there the bug is harmless. ``emit`` below gives the reference back
when (and only when) a probe at import shows the leak, so signals emitted by the editor never count down.

Signals emitted from C++ (clicked, textChanged, ...) are not affected; only ``.emit()`` calls from Python are.
The lead is asked to apply a process-wide fix (see the events report); this module then becomes a no-op.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_leaks_true() -> bool:
    if sys.version_info >= (3, 12):  # immortal True: nothing to count down
        return False
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= 4


LEAKS_TRUE = _emit_leaks_true()


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)`` without losing a reference to ``True``."""
    signal.emit(*args)
    if LEAKS_TRUE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def give_back_true(count: int) -> None:
    """Return ``count`` references to ``True`` that emits elsewhere lost (used by the tests around shared code)."""
    for _ in range(max(0, count)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
