"""The schema revision of a database file, read with the standard library only.

Start-up asks "is this file up to date?" before anything heavy is imported (SQLAlchemy, Alembic): when it is,
the window paints first and the database layer loads after. Never writes to the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from odn_desktop.domain.errors import UserError

#: The newest revision in ``migrations/versions`` (a test keeps it equal to Alembic's head).
HEAD_REVISION = "0005"


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
        raise UserError(
            f"Die Datei {path} ist keine lesbare odn-desktop-Datenbank ({exc}). Sie wurde nicht verändert."
        ) from exc
    finally:
        conn.close()


def is_up_to_date(path: Path) -> bool:
    """True when the file exists and carries the newest schema (nothing to migrate, nothing to back up)."""
    try:
        return path.exists() and path.stat().st_size > 0 and current_revision(path) == HEAD_REVISION
    except UserError:
        return False
