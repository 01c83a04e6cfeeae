"""Write a file so that it is either complete or untouched: temporary name, fsync, then one rename.

A coordinator who exports the attendance sheet while last week's copy is still open in Excel gets a clear
German message, and neither a half-written file nor a lost old one. On Windows, Excel holds an open workbook
with a lock that makes replacing it fail with ``PermissionError``; the temporary file is then removed.
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO, cast

from odn_desktop.domain.errors import UserError

log = logging.getLogger(__name__)

# WORKAROUND: virus scanners and the Windows search indexer open new files for a moment; a rename that fails
# because of them succeeds when tried again shortly after. Excel's lock does not go away, so few retries.
_RETRY_DELAYS: tuple[float, ...] = (0.05, 0.2) if os.name == "nt" else ()


def locked_message(target: Path) -> str:
    return (f"Die Datei „{target}“ ist geöffnet (z. B. in Excel). "
            "Bitte schließen Sie sie und versuchen Sie es erneut.")


def _os_error(target: Path, exc: OSError) -> UserError:
    if isinstance(exc, PermissionError):
        return UserError(locked_message(target))
    if exc.errno == errno.ENOSPC:
        return UserError(f"Die Datei „{target}“ konnte nicht geschrieben werden: Der Datenträger ist voll. Bitte "
                         "schaffen Sie Platz (z. B. nicht mehr benötigte Dateien löschen) oder wählen Sie einen "
                         "anderen Ort, und versuchen Sie es dann erneut.")
    if exc.errno == errno.EROFS:
        return UserError(f"Die Datei „{target}“ konnte nicht geschrieben werden: Der Datenträger ist schreibgeschützt.")
    if isinstance(exc, IsADirectoryError):
        return UserError(f"„{target}“ ist ein Ordner; bitte einen Dateinamen angeben.")
    return UserError(f"Die Datei „{target}“ konnte nicht geschrieben werden ({exc.strerror or exc}).")


def check_target(target: Path) -> Path:
    """Fail early, before a long export, when the file cannot be written: folder missing, file locked.

    Opening an existing file for update (without changing it) fails on Windows while Excel has it open.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"Der Ordner „{folder}“ existiert nicht.")
    if target.is_dir():
        raise UserError(f"„{target}“ ist ein Ordner; bitte einen Dateinamen angeben.")
    if target.exists():
        try:
            with open(target, "r+b"):
                pass
        except OSError as exc:
            raise _os_error(target, exc) from exc
    return target


def _replace(source: str, target: Path) -> None:
    for delay in (*_RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _finalise_quietly(exc: BaseException) -> None:
    """Finalise what the failed writer left behind (openpyxl's half-written temporary sheets, a zipfile) now,
    with errors of their finalisers logged instead of printed as "Exception ignored … Traceback": they are
    echoes of ``exc``, which the coordinator gets as a German message."""
    previous = sys.unraisablehook

    def log_it(unraisable: Any) -> None:
        log.debug("after a failed write: %s in %r", unraisable.exc_type.__name__, unraisable.object)

    sys.unraisablehook = log_it
    try:
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = previous


class _Guarded:
    """The file handed to the writer; after a failure writing and moving in it do nothing (see ``atomic_write``)."""

    _INERT = frozenset({"write", "writelines", "seek", "flush", "truncate"})

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.failed = False

    def __getattr__(self, name: str) -> Any:
        if self.failed and name in self._INERT:
            return lambda *_args, **_kwargs: 0
        return getattr(self._fh, name)


@contextmanager
def atomic_write(target: Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """``with atomic_write(path) as fh: fh.write(...)``: the file appears complete at ``path`` or not at all.

    ``durable=False`` skips the fsync calls (many small files whose loss on a power cut is harmless).
    Raises ``UserError`` for what the coordinator can fix (file open in Excel, disk full, no such folder).
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"Der Ordner „{folder}“ existiert nicht.")
    try:
        # the name is cut: a target name near the 255-character limit must not make the temporary name too long
        fd, tmp = tempfile.mkstemp(prefix=f".~{target.name[:60]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        if isinstance(exc, PermissionError):
            raise UserError(f"In den Ordner „{folder}“ darf nicht geschrieben werden.") from exc
        raise _os_error(target, exc) from exc
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                guarded = _Guarded(fh)
                try:
                    yield cast(BinaryIO, guarded)
                except BaseException as exc:
                    # A writer that failed half-way (zipfile under openpyxl on a full disk) still holds the file
                    # and writes its end when finalised – "Exception ignored … Traceback" on the console. From
                    # now on the file ignores it, and the writer is finalised at once (its frames cleared).
                    guarded.failed = True
                    _finalise_quietly(exc)
                    raise
                fh.flush()
                if durable:
                    os.fsync(fh.fileno())
            _replace(tmp, target)
        except OSError as exc:
            raise _os_error(target, exc) from exc
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        _sync_folder(folder)


def write_bytes(target: Path, data: bytes, *, durable: bool = True) -> Path:
    with atomic_write(target, durable=durable) as fh:
        fh.write(data)
    return Path(target)
