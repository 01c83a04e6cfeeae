"""Engine and session setup for the local SQLite file.

WAL mode lets the GUI read while a background worker writes; ``synchronous=FULL`` makes every committed
transaction survive a crash or power cut (the coordinator's data matters more than a millisecond per commit);
foreign keys are off by default in SQLite and must be switched on per connection.

Storage faults (disk full, a lock held too long, a damaged or read-only file) leave ``transaction`` as a
``StorageError`` with a German message (``store.faults``); the engine hides SQL parameters in every exception
text, so personal data never reaches a traceback. How long a connection waits for another program's lock is
``SQLITE_BUSY_TIMEOUT_MS``, or less inside ``busy_timeout(ms)``: the window waits in short steps and repaints
in between (``retry_while_locked``) instead of freezing inside SQLite.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from .faults import LOCKED, StorageError, database_faults
from .models import SyncedMixin

T = TypeVar("T")

#: how long a statement waits for a lock held by another connection (the CLI, workers, sync)
SQLITE_BUSY_TIMEOUT_MS = 10_000
#: the window's step: each try waits this long inside SQLite, then the window repaints (``retry_while_locked``)
LOCK_STEP_MS = 200
#: how long the window keeps trying before it reports the lock
LOCK_PATIENCE_S = 60.0

_BUSY_KEY = "odn_busy_timeout_ms"
_local = threading.local()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _configure_sqlite(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()
    record.info[_BUSY_KEY] = SQLITE_BUSY_TIMEOUT_MS


def _current_busy_timeout_ms() -> int:
    wanted: int | None = getattr(_local, "busy_timeout_ms", None)
    return SQLITE_BUSY_TIMEOUT_MS if wanted is None else wanted


def _apply_busy_timeout(dbapi_connection: sqlite3.Connection, record: Any, _proxy: Any) -> None:
    """On every checkout: the lock wait this thread asked for (``busy_timeout``), set only when it changes."""
    wanted = _current_busy_timeout_ms()
    if record.info.get(_BUSY_KEY) != wanted:
        dbapi_connection.execute(f"PRAGMA busy_timeout = {int(wanted)}")
        record.info[_BUSY_KEY] = wanted


@contextmanager
def busy_timeout(ms: int) -> Iterator[None]:
    """Connections this thread checks out inside the block wait at most ``ms`` for another connection's lock."""
    previous = getattr(_local, "busy_timeout_ms", None)
    _local.busy_timeout_ms = ms
    try:
        yield
    finally:
        _local.busy_timeout_ms = previous


def make_engine(path: Path, **kwargs: Any) -> Engine:
    """An engine for the SQLite file at ``path`` with our pragmas on every connection.

    ``hide_parameters``: SQLAlchemy's exception texts (and echo logs) leave out the statement's parameters –
    names and e-mail addresses must never end up in a traceback, a crash dialog or the log."""
    kwargs.setdefault("hide_parameters", True)
    engine = create_engine(sqlite_url(path), **kwargs)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "checkout", _apply_busy_timeout)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block succeeds, roll back everything when it raises.

    A storage fault (also one at the commit) leaves as ``StorageError`` after the rollback: nothing of the
    block is written."""
    with database_faults(), factory() as session, session.begin():
        yield session


def retry_while_locked(
    attempt: Callable[[], T],
    on_wait: Callable[[float], None],
    *,
    step_ms: int = LOCK_STEP_MS,
    patience_s: float = LOCK_PATIENCE_S,
) -> T:
    """Run ``attempt`` – one whole unit of work (``transaction``), so a failed try has changed nothing – until it
    gets past a lock held by another connection.

    Each try waits at most ``step_ms`` inside SQLite; between tries ``on_wait(seconds waited so far)`` runs (the
    window repaints and shows the wait there). After ``patience_s`` the lock's ``StorageError`` is raised.
    Other faults are raised at once."""
    started = time.monotonic()
    while True:
        try:
            with busy_timeout(step_ms):
                return attempt()
        except StorageError as fault:
            waited = time.monotonic() - started
            if fault.kind != LOCKED or waited >= patience_s:
                raise
        on_wait(waited)


# -- change tracking ---------------------------------------------------------------------------------------

_SYNC_APPLY_FLAG = "odn_applying_remote"


def mark_as_remote_apply(session: Session) -> None:
    """Sync writes server state into the local file; those writes are not local changes."""
    session.info[_SYNC_APPLY_FLAG] = True


@event.listens_for(Session, "before_flush")
def _stamp_changes(session: Session, _context: Any, _instances: Any) -> None:
    """Every local insert or update bumps ``updated_at`` and sets the change marker, so no service can forget."""
    if session.info.get(_SYNC_APPLY_FLAG):
        return
    now = datetime.now(UTC)
    for obj in session.new:
        if isinstance(obj, SyncedMixin):
            obj.dirty = True
            obj.created_at = obj.created_at or now
            obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, SyncedMixin) and session.is_modified(obj, include_collections=False):
            obj.dirty = True
            obj.updated_at = now


def soft_delete(session: Session, obj: SyncedMixin) -> None:
    """Tombstone instead of DELETE: the deletion must reach the shared database through sync."""
    obj.deleted_at = datetime.now(UTC)
    session.add(obj)
