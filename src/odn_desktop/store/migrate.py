"""Bring a database file to the schema this program expects, without ever risking the coordinator's data.

Order of events for an existing file:
1. read its schema revision through a read-only connection;
2. refuse a revision this program does not know (written by a newer version) without touching the file;
3. take a backup with SQLite's online backup API (consistent even while another connection writes);
4. migrate with foreign keys off (SQLite batch mode recreates tables) and check them afterwards;
5. on any failure, put the backup back and report a German message.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, text

from odn_desktop.domain.errors import UserError

from .backups import copy_database
from .database import make_engine
from .faults import describe
from .migration_scripts import alembic_config, head_revision, known_revisions
from .revision import HEAD_REVISION, current_revision

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class NewerDatabaseError(UserError):
    """The file was written by a newer odn-desktop; we must not touch it."""


class MigrationFailedError(UserError):
    """A migration failed; the file was restored from the backup taken before it."""


def backup_database(source: Path, target: Path) -> Path:
    """Copy ``source`` into ``target`` (created, or overwritten in place) with SQLite's online backup (never a raw
    copy of a file in use)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(target))
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def _restore(backup: Path, path: Path) -> None:
    backup_database(backup, path)


def run_upgrade(connection: Connection, target: str = "head", script_location: Path | None = None) -> None:
    """Run Alembic on an open connection (also used for the shared PostgreSQL schema later)."""
    from alembic import command

    config = alembic_config(script_location)
    config.attributes["connection"] = connection
    command.upgrade(config, target)


def _upgrade_sqlite(engine: Engine, target: str, script_location: Path | None) -> None:
    with engine.connect() as connection:
        # PRAGMA foreign_keys is a no-op inside a transaction, so switch it off before Alembic begins one.
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        connection.commit()
        run_upgrade(connection, target, script_location)
        connection.commit()
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        if problems:
            raise RuntimeError(f"foreign key violations after migration: {problems[:5]}")


def migrate(
    path: Path,
    *,
    backup_dir: Path | None = None,
    target: str = "head",
    script_location: Path | None = None,
) -> Path | None:
    """Create or upgrade the database at ``path``; return the backup taken, if one was needed."""
    path = Path(path)
    if (
        script_location is None
        and target == "head"
        and path.exists()
        and path.stat().st_size > 0
        and current_revision(path) == HEAD_REVISION
    ):
        return None  # the common case: nothing to do, and Alembic is never imported
    known = known_revisions(script_location)
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(path)
        try:
            _upgrade_sqlite(engine, target, script_location)
        finally:
            engine.dispose()
        return None

    current = current_revision(path)
    if current is not None and current not in known:
        raise NewerDatabaseError(
            f"Die Datenbank {path} stammt von einer neueren Version von odn-desktop (Schemastand {current}). "
            "Bitte installieren Sie die aktuelle Version des Programms. Die Datei wurde nicht verändert."
        )
    wanted = head_revision(script_location) if target == "head" else target
    if current == wanted:
        return None

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    backup = copy_database(  # atomic and self-contained, like the daily backups (store/backups.py)
        path, (backup_dir or path.parent / "backups") / f"{path.stem}-vor-migration-{current}-{stamp}.sqlite"
    )
    log.info("backup before migration %s -> %s: %s", current, wanted, backup)
    engine = make_engine(path)
    try:
        _upgrade_sqlite(engine, target, script_location)
    except Exception as exc:
        engine.dispose()
        log.exception("migration failed, restoring %s", backup)
        _restore(backup, path)
        raise MigrationFailedError(
            "Die Datenbank konnte nicht auf den neuen Stand gebracht werden. Der vorherige Stand wurde aus der "
            f"Sicherung {backup} wiederhergestellt; es gingen keine Daten verloren. (Technische Ursache: "
            f"{describe(exc)})"
        ) from exc
    finally:
        engine.dispose()
    return backup


def schema_differences(url: str) -> list[object]:
    """Differences between the models and the migrated database at ``url`` (empty when they match)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from .schema import METADATA

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            ctx = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(ctx, METADATA))
    finally:
        engine.dispose()
