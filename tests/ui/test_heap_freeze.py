"""The real program freezes its start-up heap once the database is open (``app.freeze_heap_once``), in a fresh
process: the test process itself must not freeze (its windows come and go)."""

from __future__ import annotations

import subprocess
import sys


def test_freeze_heap_once_freezes_once() -> None:
    script = ("import gc; from odn_desktop.ui.shell.app import freeze_heap_once; assert gc.get_freeze_count() == 0; "
              "freeze_heap_once(); first = gc.get_freeze_count(); assert first > 1000, first; "
              "[object() for _ in range(10)]; freeze_heap_once(); assert gc.get_freeze_count() == first")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
