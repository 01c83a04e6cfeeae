"""Engine and session setup for the local SQLite file.

WAL mode lets the GUI read while a background worker writes; ``synchronous=FULL`` makes every committed
transaction survive a crash or power cut (the coordinator's data matters more than a millisecond per commit);
foreign keys are off by default in SQLite and must be switched on per connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from .models import SyncedMixin

SQLITE_BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def make_engine(path: Path, **kwargs: Any) -> Engine:
    """An engine for the SQLite file at ``path`` with our pragmas on every connection."""
    engine = create_engine(sqlite_url(path), **kwargs)
    event.listen(engine, "connect", _configure_sqlite)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block succeeds, roll back everything when it raises."""
    with factory() as session, session.begin():
        yield session


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
