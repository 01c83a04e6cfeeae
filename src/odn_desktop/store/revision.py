"""The schema revision of a database file, read with the standard library only.

Start-up asks "is this file up to date?" before anything heavy is imported (SQLAlchemy, Alembic): when it is,
the window paints first and the database layer loads after. Never writes to the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from odn_desktop.domain.errors import UserError

from .faults import DAMAGED, StorageError, classify

#: The newest revision in ``migrations/versions`` (a test keeps it equal to Alembic's head).
HEAD_REVISION = "0007"


def current_revision(path: Path) -> str | None:
    """The schema revision of ``path``, read without any chance of writing to it."""
    uri = f"file:{path.as_posix()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.DatabaseError as exc:
        fault = classify(exc)
        if fault is not None and fault.kind == DAMAGED:
            raise StorageError(DAMAGED, damaged_file_message(path), detail=fault.detail) from None
        if fault is not None:
            raise fault from None
        raise UserError(
            f"Die Datei {path} ist keine lesbare odn-desktop-Datenbank ({exc}). Sie wurde nicht verändert."
        ) from exc
    finally:
        conn.close()


def damaged_file_message(path: Path) -> str:
    return (f"Die Datei {path} ist keine lesbare odn-desktop-Datenbank: Sie ist beschädigt oder keine Datenbank. "
            "Sie wurde nicht verändert. Bitte starten Sie odn-desktop (das Programmfenster): Es bewahrt eine Kopie "
            "der beschädigten Datei auf und bietet die neueste Sicherung zum Zurückspielen an.")


def is_up_to_date(path: Path) -> bool:
    """True when the file exists and carries the newest schema (nothing to migrate, nothing to back up)."""
    try:
        return path.exists() and path.stat().st_size > 0 and current_revision(path) == HEAD_REVISION
    except UserError:
        return False
