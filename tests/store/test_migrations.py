"""Migrations: empty file to head, models == migrations, refusal of newer files, backup and rollback."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from odn_desktop.store.migrate import (
    MIGRATIONS_DIR,
    MigrationFailedError,
    NewerDatabaseError,
    current_revision,
    head_revision,
    migrate,
    schema_differences,
)
from odn_desktop.store.open import open_database

SYNCED_TABLES = {
    "series", "event", "round", "speaker", "event_speaker", "agenda_item", "contact", "registration", "task",
}


def test_empty_file_migrates_to_head(db_path: Path) -> None:
    assert not db_path.exists()
    assert migrate(db_path) is None  # nothing to back up for a new file
    assert current_revision(db_path) == head_revision()
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables >= SYNCED_TABLES | {"alembic_version"}


def test_every_synced_table_carries_sync_columns(db_path: Path) -> None:
    migrate(db_path)
    conn = sqlite3.connect(db_path)
    for table in SYNCED_TABLES:
        cols = {r[1]: r for r in conn.execute(f"PRAGMA table_info({table})")}
        assert {"id", "created_at", "updated_at", "dirty", "server_seq", "deleted_at"} <= set(cols), table
        assert cols["id"][5] == 1, f"{table}.id must be the primary key"
    conn.close()


def test_models_match_migrations(db_path: Path) -> None:
    migrate(db_path)
    assert schema_differences(f"sqlite:///{db_path}") == []


def test_wal_mode_and_foreign_keys_are_on(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


def test_a_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    migrate(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="neueren Version"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()


def test_a_file_that_is_no_database_is_a_user_error(db_path: Path) -> None:
    db_path.write_bytes(b"Dies ist eine Excel-Datei, keine Datenbank." * 100)
    before = db_path.read_bytes()
    with pytest.raises(Exception, match="keine lesbare odn-desktop-Datenbank"):
        migrate(db_path)
    assert db_path.read_bytes() == before


def _scripts_with_extra_revision(tmp_path: Path, body: str) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_test.py").write_text(
        f'''"""test revision"""
import sqlalchemy as sa
from alembic import op

revision = "0099_test"
down_revision = "{head_revision()}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
''',
        encoding="utf-8",
    )
    return scripts


def _seed_series(db_path: Path) -> None:
    from odn_desktop.services.events import create_series
    from odn_desktop.store.database import transaction

    db = open_database(db_path)
    with transaction(db.sessions) as session:
        create_series(session, "Reihe vor der Migration")
    db.close()


def test_upgrade_takes_a_backup_first(db_path: Path, tmp_path: Path) -> None:
    _seed_series(db_path)
    scripts = _scripts_with_extra_revision(
        tmp_path,
        "    with op.batch_alter_table('series') as batch:\n"
        "        batch.add_column(sa.Column('color', sa.String(20), nullable=True))",
    )
    backup = migrate(db_path, script_location=scripts)
    assert backup is not None and backup.exists()
    assert current_revision(backup) == head_revision()  # the backup holds the state before
    assert current_revision(db_path) == "0099_test"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT title, color FROM series").fetchall() == [("Reihe vor der Migration", None)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_a_failing_migration_is_rolled_back_to_the_backup(db_path: Path, tmp_path: Path) -> None:
    _seed_series(db_path)
    scripts = _scripts_with_extra_revision(
        tmp_path,
        "    op.execute(\"DELETE FROM series\")\n"
        "    op.execute(\"CREATE TABLE half_done (x INTEGER)\")\n"
        "    raise RuntimeError('simulated failure in the middle of a migration')",
    )
    with pytest.raises(MigrationFailedError, match="wiederhergestellt"):
        migrate(db_path, script_location=scripts)
    assert current_revision(db_path) == head_revision()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT title FROM series").fetchall() == [("Reihe vor der Migration",)]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_head_constant_matches_alembic_head() -> None:
    from odn_desktop.store.revision import HEAD_REVISION

    assert head_revision() == HEAD_REVISION
