"""Logging for the desktop program: a rotating file in the log directory plus ``faulthandler`` next to it.

No Qt here, so the CLI (or a sync job) can log the same way. ``configure_logging`` may be called again (tests
do, and a second window start in the same process would): it replaces what an earlier call installed, and
``reset_logging`` puts everything back as it was.

The window starts with ``rotate=False``: the first lines go to the same file through logging's plain
``FileHandler``, and ``start_rotating`` puts the rotating handler in its place once the window has painted.
``logging.handlers`` brings socket, pickle and queue with it: 4 ms of the start before the first paint, for a
file that a few start-up lines cannot fill.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_FILE_NAME = "odn-desktop.log"
FAULT_FILE_NAME = "odn-desktop-faulthandler.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s]: %(message)s"


class _State:
    handler: logging.FileHandler | None = None  # a RotatingFileHandler once rotating
    fault_file: IO[str] | None = None  # faulthandler writes to its file descriptor: keep the object alive
    previous_root_level: int | None = None
    faulthandler_was_enabled: bool = False


_state = _State()


def configure_logging(
    log_dir: Path,
    *,
    log_file: Path | None = None,
    level: int = logging.INFO,
    enable_faulthandler: bool = True,
    rotate: bool = True,
) -> Path:
    """Send log records of ``level`` and above to a rotating UTF-8 file (~1 MB x 5); return the file's path.
    With ``rotate=False`` the file is appended to until ``start_rotating`` (the window's start, see above)."""
    reset_logging()
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_file or log_dir / LOG_FILE_NAME
    handler = _rotating(path) if rotate else logging.FileHandler(path, "a", encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    root = logging.getLogger()
    _state.previous_root_level = root.level
    if root.level > level:  # NOTSET (0) already lets everything through
        root.setLevel(level)
    root.addHandler(handler)
    _state.handler = handler
    if enable_faulthandler:
        _state.faulthandler_was_enabled = faulthandler.is_enabled()
        _state.fault_file = open(log_dir / FAULT_FILE_NAME, "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(file=_state.fault_file, all_threads=True)
    return path


def _rotating(path: Path) -> RotatingFileHandler:
    from logging.handlers import RotatingFileHandler

    return RotatingFileHandler(path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUP_COUNT, encoding="utf-8")


def start_rotating() -> None:
    """Put the rotating handler in the place of the plain one ``configure_logging(rotate=False)`` installed (same
    file, format and level); nothing when it rotates already or logging is not configured."""
    plain = _state.handler
    if plain is None or type(plain) is not logging.FileHandler:  # not configured, or rotating already
        return
    handler = _rotating(Path(plain.baseFilename))
    handler.setFormatter(plain.formatter or logging.Formatter(LOG_FORMAT))
    handler.setLevel(plain.level)
    root = logging.getLogger()
    root.addHandler(handler)  # first: no record falls between the two
    root.removeHandler(plain)
    plain.close()
    _state.handler = handler


def current_log_file() -> Path | None:
    """The file ``configure_logging`` writes to, or ``None`` before it was called."""
    return None if _state.handler is None else Path(_state.handler.baseFilename)


def fault_log_file() -> Path | None:
    return None if _state.fault_file is None else Path(_state.fault_file.name)


def reset_logging() -> None:
    """Remove our handler, close the files and give faulthandler back to stderr if it was on before."""
    root = logging.getLogger()
    if _state.handler is not None:
        root.removeHandler(_state.handler)
        _state.handler.close()
        _state.handler = None
    if _state.previous_root_level is not None:
        root.setLevel(_state.previous_root_level)
        _state.previous_root_level = None
    if _state.fault_file is not None:
        faulthandler.disable()
        _state.fault_file.close()
        _state.fault_file = None
        stderr = sys.__stderr__ or sys.stderr
        if _state.faulthandler_was_enabled and stderr is not None:
            with contextlib.suppress(AttributeError, ValueError, OSError):  # pythonw has no usable stderr
                faulthandler.enable(file=stderr, all_threads=True)
        _state.faulthandler_was_enabled = False
