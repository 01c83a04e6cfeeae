"""Storage faults in words the coordinator can act on: the one place that classifies them.

A full disk, a database locked by another program beyond the wait, a damaged file, a read-only file or folder
and a failing drive each become a ``StorageError`` – a ``UserError`` whose German message says what happened
and what to do. The window and the CLI show that message instead of a traceback (the CLI with exit status 2).

SQLAlchemy's exceptions print the SQL statement and its parameters (names, e-mail addresses): a fault is
therefore raised ``from None`` and carries only ``detail``, a technical note for the log made of the exception
type, SQLite's error name and SQLite's own message (which never contains values). Nothing here imports
SQLAlchemy: the CLI classifies its errors without loading the database layer (``odn-desktop --version`` stays
fast); SQLAlchemy's wrappers are recognised by their ``orig`` attribute.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from odn_desktop.domain.errors import UserError

DISK_FULL: Final = "disk_full"
LOCKED: Final = "locked"
DAMAGED: Final = "damaged"
READ_ONLY: Final = "read_only"
IO_ERROR: Final = "io_error"

KINDS = (DISK_FULL, LOCKED, DAMAGED, READ_ONLY, IO_ERROR)

_UNCHANGED = "Es wurde nichts gespeichert; Ihre Daten sind unverändert."

MESSAGES: dict[str, str] = {
    DISK_FULL: (
        "Auf dem Datenträger ist kein Platz mehr frei. " + _UNCHANGED + " Bitte schaffen Sie Platz (z. B. nicht "
        "mehr benötigte Dateien löschen und den Papierkorb leeren) und versuchen Sie es dann erneut."),
    LOCKED: (
        "Die Datenbank ist gesperrt: Ein anderes Programm schreibt gerade in die Datei (z. B. ein zweites "
        "odn-desktop, eine Synchronisation, eine Datensicherung oder ein Datenbankwerkzeug). " + _UNCHANGED
        + " Bitte schließen Sie das andere Programm oder warten Sie, bis es fertig ist, und versuchen Sie es dann "
        "erneut."),
    DAMAGED: (
        "Die Datenbankdatei ist beschädigt und kann nicht mehr sicher gelesen werden. Es wurde nichts gespeichert. "
        "Bitte starten Sie das Programmfenster von odn-desktop (neu): Beim Start wird eine Kopie der beschädigten "
        "Datei aufbewahrt und die neueste Sicherung zum Zurückspielen angeboten."),
    READ_ONLY: (
        "Die Datenbank kann nicht geändert werden: Die Datei oder ihr Ordner ist schreibgeschützt, oder Ihnen "
        "fehlen dort die Schreibrechte. " + _UNCHANGED + " Bitte prüfen Sie den Schreibschutz und die Rechte "
        "(liegt die Datei z. B. auf einem schreibgeschützten Laufwerk?) und versuchen Sie es dann erneut."),
    IO_ERROR: (
        "Die Datenbankdatei konnte nicht gelesen oder geschrieben werden (Fehler beim Zugriff auf den "
        "Datenträger). " + _UNCHANGED + " Bitte prüfen Sie, ob das Laufwerk – z. B. ein USB-Stick oder ein "
        "Netzlaufwerk – noch verbunden ist, und versuchen Sie es dann erneut."),
}

#: the same faults for a file that is not the database (an export, an import file, a backup copy)
_FILE_MESSAGES: dict[str, str] = {
    READ_ONLY: (
        "Auf die Datei {name} kann nicht zugegriffen werden: Sie ist schreibgeschützt, Ihnen fehlen die Rechte "
        "dafür, oder ein anderes Programm hat sie geöffnet. Bitte prüfen Sie das (und schließen Sie die Datei "
        "z. B. in Excel) und versuchen Sie es dann erneut."),
    IO_ERROR: (
        "Beim Zugriff auf {name} ist ein Fehler des Datenträgers aufgetreten. Bitte prüfen Sie, ob das Laufwerk "
        "– z. B. ein USB-Stick oder ein Netzlaufwerk – noch verbunden ist, und versuchen Sie es dann erneut."),
}

# SQLite's primary result codes (the low byte of an extended code)
_SQLITE_KINDS = {
    3: READ_ONLY,  # SQLITE_PERM
    5: LOCKED,  # SQLITE_BUSY
    6: LOCKED,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY
    10: IO_ERROR,  # SQLITE_IOERR (also a file grown past the process' size limit)
    11: DAMAGED,  # SQLITE_CORRUPT
    13: DISK_FULL,  # SQLITE_FULL
    14: READ_ONLY,  # SQLITE_CANTOPEN (no -wal/-shm in a read-only folder; a drive gone): _CANT_OPEN says both
    26: DAMAGED,  # SQLITE_NOTADB
}

# for sqlite3 errors raised without a result code: SQLite's fixed messages
_SQLITE_MESSAGES = {
    "database or disk is full": DISK_FULL,
    "database is locked": LOCKED,
    "database table is locked": LOCKED,
    "database disk image is malformed": DAMAGED,
    "file is not a database": DAMAGED,
    "attempt to write a readonly database": READ_ONLY,
    "disk i/o error": IO_ERROR,
    "unable to open database file": READ_ONLY,
}

_CANT_OPEN = (
    "Die Datenbankdatei kann nicht geöffnet werden: Ihr Ordner ist schreibgeschützt oder nicht erreichbar (z. B. "
    "ein schreibgeschütztes oder getrenntes Laufwerk), oder Ihnen fehlen dort die Schreibrechte – odn-desktop "
    "braucht sie im Ordner der Datenbank auch zum Lesen. " + _UNCHANGED + " Bitte prüfen Sie das und versuchen "
    "Sie es dann erneut.")

_OS_KINDS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: IO_ERROR,
}


class StorageError(UserError):
    """A fault of the storage, not of the coordinator's input: ``kind`` is one of ``KINDS``.

    ``detail`` is for the log only (exception type, SQLite's error name and message, or the OS error): no SQL,
    no parameters, no personal data."""

    def __init__(self, kind: str, message: str | None = None, detail: str = "") -> None:
        if kind not in MESSAGES:
            raise ValueError(f"unknown storage fault kind {kind!r}")
        super().__init__(message if message is not None else MESSAGES[kind])
        self.kind = kind
        self.detail = detail

    def __reduce__(self) -> tuple[object, ...]:  # picklable like other exceptions (e.g. across processes)
        return (type(self), (self.kind, self.message, self.detail))


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, the DB-API error SQLAlchemy wrapped (``orig``), and the exceptions it was raised from."""
    seen: set[int] = set()
    todo = [exc]
    while todo and len(seen) < 20:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for linked in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(linked, BaseException):
                todo.append(linked)


def _sqlite_kind(exc: sqlite3.Error) -> str | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_KINDS.get(code & 0xFF)
    text = str(exc.args[0]).lower() if exc.args else ""
    return _SQLITE_MESSAGES.get(text)


def _sqlite_fault(exc: sqlite3.Error) -> StorageError | None:
    kind = _sqlite_kind(exc)
    if kind is None:
        return None
    cant_open = getattr(exc, "sqlite_errorcode", None) == 14 or str(exc).lower() == "unable to open database file"
    return StorageError(kind, _CANT_OPEN if cant_open else None, detail=_sqlite_detail(exc))


def _sqlite_detail(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", None) or "?"
    text = str(exc.args[0]) if exc.args else ""
    return f"{type(exc).__name__} {name}: {text}"


def classify(exc: BaseException) -> StorageError | None:
    """The storage fault behind ``exc`` (a sqlite3 error, SQLAlchemy's wrapper of one, an ``OSError``), if any.

    A ``StorageError`` is returned as it is; errors that are no storage fault (a bug, a constraint) give None,
    and so does any other ``UserError``: its own message says more (e.g. a migration rolled back)."""
    if isinstance(exc, UserError) and not isinstance(exc, StorageError):
        return None
    for cause in _causes(exc):
        if isinstance(cause, StorageError):
            return cause
        if isinstance(cause, sqlite3.Error):
            fault = _sqlite_fault(cause)
            if fault is not None:
                return fault
        elif isinstance(cause, OSError):
            fault = _os_fault(cause)
            if fault is not None:
                return fault
    return None


def classify_database_error(exc: BaseException) -> StorageError | None:
    """Like ``classify``, but only for errors of the database itself (sqlite3 or SQLAlchemy), never an OSError
    of some other file a unit of work happened to write."""
    if isinstance(exc, UserError) and not isinstance(exc, StorageError):
        return None
    for cause in _causes(exc):
        if isinstance(cause, StorageError):
            return cause
        if isinstance(cause, sqlite3.Error):
            return _sqlite_fault(cause)
    return None


def _os_fault(exc: OSError) -> StorageError | None:
    kind = _OS_KINDS.get(exc.errno) if exc.errno is not None else None
    if kind is None:
        return None
    detail = f"{type(exc).__name__} errno {exc.errno} ({errno.errorcode.get(exc.errno or 0, '?')}): {exc.strerror}"
    name = exc.filename
    if kind == DISK_FULL or name is None:
        return StorageError(kind, detail=detail)
    text = _FILE_MESSAGES[kind].format(name=Path(str(name)).name or str(name))
    return StorageError(kind, text, detail=f"{detail} [{name}]")


def describe(exc: BaseException) -> str:
    """A one-line technical description of ``exc`` safe for logs and messages: never SQLAlchemy's statement and
    parameters (for a wrapped DB-API error: its type, SQLite's error name and message)."""
    fault = classify(exc)
    if fault is not None and fault.detail:
        return fault.detail
    for cause in _causes(exc):
        if isinstance(cause, sqlite3.Error):
            return _sqlite_detail(cause)
    if getattr(exc, "orig", None) is not None or type(exc).__module__.startswith("sqlalchemy"):
        return type(exc).__name__  # its str() carries the statement
    return f"{type(exc).__name__}: {exc}"


@contextmanager
def database_faults() -> Iterator[None]:
    """Turn a database error of the block that is a storage fault into a ``StorageError`` (raised ``from None``:
    the original's text with SQL and parameters goes nowhere); other exceptions pass unchanged."""
    try:
        yield
    except UserError:  # a fault already, or a message meant for the coordinator
        raise
    except Exception as exc:
        fault = classify_database_error(exc)
        if fault is None:
            raise
        raise fault from None
