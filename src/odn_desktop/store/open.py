"""Open the local database: check it (if asked), migrate (with backup), then hand out sessions.

A storage fault on the way (a damaged file, a full disk during the migration, a read-only folder for a new
file) leaves as ``StorageError`` with its German message (``store.faults``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .database import make_engine, make_session_factory
from .faults import database_faults
from .migrate import migrate


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)
    backup_taken: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, *, backup_dir: Path | None = None, check: bool = False) -> Database:
    """Migrate ``path`` if needed and open it. ``check``: first run SQLite's ``quick_check`` on an existing file
    (the window does at every start; ``StorageError`` of kind ``damaged`` when it fails)."""
    with database_faults():
        if check:
            from .recovery import check_integrity

            check_integrity(path)
        backup = migrate(path, backup_dir=backup_dir)
    engine = make_engine(path)
    return Database(path=path, engine=engine, sessions=make_session_factory(engine), backup_taken=backup)
