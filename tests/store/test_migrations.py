"""Migrations: empty file to head, models == migrations, refusal of newer files, backup and rollback."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from odn_desktop.store.migrate import (
    MigrationFailedError,
    NewerDatabaseError,
    current_revision,
    migrate,
    schema_differences,
)
from odn_desktop.store.migration_scripts import MIGRATIONS_DIR, head_revision
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


def test_revision_0004_keeps_the_waiting_order_in_the_new_queue(db_path: Path) -> None:
    """The synced queue order is backfilled so that the waiting list reads exactly as before the upgrade."""
    migrate(db_path, target="0003")
    conn = sqlite3.connect(db_path)
    ev = "e" * 32
    conn.execute("INSERT INTO event (id, title, starts_at, ends_at, format, venue, online_url, capacity, "
                 "overbooking_percent, allow_late_registration, status, hosts, ics_uid, ics_sequence, description, "
                 "created_at, updated_at, dirty) VALUES (?, 'T', '2031-01-01 09:00:00.000000', "
                 "'2031-01-01 10:00:00.000000', 'online', '', '', 1, 0, 0, 'open', '', 'u', 0, '', "
                 "'2030-01-01 00:00:00.000000', '2030-01-01 00:00:00.000000', 1)", (ev,))
    # (name, status, waiting place, registered at): the waiting order differs from registration time on purpose
    people = [("holder", "registered", None, "01"), ("second", "waiting", 2, "02"), ("first", "waiting", 1, "03"),
              ("gone", "cancelled", None, "04")]
    for n, (name, status, place, day) in enumerate(people):
        contact = f"{n:032x}"
        conn.execute("INSERT INTO contact (id, salutation, academic_title, first_name, last_name, email, "
                     "email_normalized, organisation, municipality, federal_state, role, experience_level, "
                     "consent_contact, notes, created_at, updated_at, dirty) VALUES (?, '', '', '', ?, ?, ?, '', '', "
                     "'', '', '', 0, '', '2030-01-01 00:00:00.000000', '2030-01-01 00:00:00.000000', 1)",
                     (contact, name, f"{name}@x.example", f"{name}@x.example"))
        conn.execute("INSERT INTO registration (id, event_id, contact_id, status, waitlist_position, source, "
                     "registered_at, late, attended, notes, created_at, updated_at, dirty) VALUES (?, ?, ?, ?, ?, "
                     "'manual', ?, 0, 0, '', '2030-01-01 00:00:00.000000', '2030-01-01 00:00:00.000000', 1)",
                     (f"{n + 100:032x}", ev, contact, status, place, f"2030-11-{day} 09:00:00.000000"))
    conn.commit()
    conn.close()
    migrate(db_path)
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT c.last_name, r.status, r.queue_order, r.forced_seat FROM registration r "
                        "JOIN contact c ON c.id = r.contact_id ORDER BY r.queue_order").fetchall()
    conn.close()
    assert [r[0] for r in rows] == ["holder", "first", "second", "gone"]
    assert len({r[2] for r in rows}) == 4 and all(r[3] == 0 for r in rows)
