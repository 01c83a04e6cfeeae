"""Open the local database: migrate (with backup) first, then hand out sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .database import make_engine, make_session_factory
from .migrate import migrate


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)
    backup_taken: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, *, backup_dir: Path | None = None) -> Database:
    backup = migrate(path, backup_dir=backup_dir)
    engine = make_engine(path)
    return Database(path=path, engine=engine, sessions=make_session_factory(engine), backup_taken=backup)
