"""The log file: appended to plainly at the window's start, rotating (~1 MB x 5) once ``start_rotating`` ran."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from odn_desktop import logging_setup


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "logs"
    logging_setup.reset_logging()


def _ours(logs: Path) -> list[logging.Handler]:
    """Our file handlers on the root logger (pytest keeps handlers of its own there)."""
    return [h for h in logging.getLogger().handlers
            if isinstance(h, logging.FileHandler) and Path(h.baseFilename).is_relative_to(logs)]


def test_the_plain_start_becomes_rotating_on_the_same_file(logs: Path) -> None:
    path = logging_setup.configure_logging(logs, rotate=False, enable_faulthandler=False, level=logging.INFO)
    assert [type(h) for h in _ours(logs)] == [logging.FileHandler]
    logging.getLogger("odn_desktop.t").info("vor dem ersten Zeichnen")
    logging_setup.start_rotating()
    (handler,) = _ours(logs)
    assert isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path
    assert handler.maxBytes == logging_setup.MAX_LOG_BYTES and handler.level == logging.INFO
    logging.getLogger("odn_desktop.t").info("danach")
    logging_setup.start_rotating()  # once is enough
    assert _ours(logs) == [handler]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["vor dem ersten Zeichnen", "danach"]
    assert logging_setup.current_log_file() == path


def test_a_full_file_is_rolled_over_once_rotating(logs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logging_setup, "MAX_LOG_BYTES", 300)
    path = logging_setup.configure_logging(logs, rotate=False, enable_faulthandler=False)
    for n in range(10):  # beyond the limit: nothing rotates before start_rotating
        logging.getLogger("odn_desktop.t").info("Zeile %d", n)
    assert not path.with_name(path.name + ".1").exists() and path.stat().st_size > 300
    logging_setup.start_rotating()
    logging.getLogger("odn_desktop.t").info("nach dem Umschalten")
    assert path.with_name(path.name + ".1").exists()
    assert "nach dem Umschalten" in path.read_text(encoding="utf-8")


def test_logging_setup_does_not_load_logging_handlers() -> None:
    code = "import sys, odn_desktop.logging_setup; print('logging.handlers' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False"
