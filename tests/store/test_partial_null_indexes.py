"""Revision 0007: the ``server_seq`` indexes of every synced table and ``registration.round_id``'s hold only the
rows that fill the column; a file of revision 0006 keeps its rows, and the queries that use the indexes (the
server's "everything after N", a round's registrations) still go through them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from odn_desktop.store.migrate import current_revision, migrate
from odn_desktop.store.migration_scripts import alembic_config
from odn_desktop.store.revision import HEAD_REVISION
from odn_desktop.store.schema import METADATA, SYNCED_MODELS

STAMP = "2030-01-01 00:00:00.000000"
EVENT, ROUND = f"{1:032x}", f"{2:032x}"
TABLES = tuple(model.__tablename__ for model in SYNCED_MODELS)  # type: ignore[attr-defined]
PARTIAL = {**{f"ix_{table}_server_seq": "server_seq" for table in TABLES}, "ix_registration_round_id": "round_id"}


def _plan(conn: sqlite3.Connection, sql: str, params: tuple[object, ...] = ()) -> str:
    return " ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def _indexes(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")}


def _fill_0006_file(path: Path) -> None:
    """An event with a round; contacts and registrations with and without ``server_seq`` and a round."""
    migrate(path, target="0006")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO event (id, title, description, starts_at, ends_at, format, venue, online_url, "
                 "overbooking_percent, allow_late_registration, status, hosts, ics_uid, ics_sequence, "
                 "created_at, updated_at, dirty, server_seq) VALUES (?, 'T', '', ?, ?, 'online', '', '', 0, 0, "
                 "'open', '', 'uid', 0, ?, ?, 0, 7)", (EVENT, STAMP, STAMP, STAMP, STAMP))
    conn.execute("INSERT INTO round (id, event_id, title, position, description, created_at, updated_at, dirty) "
                 "VALUES (?, ?, 'A', 0, '', ?, ?, 1)", (ROUND, EVENT, STAMP, STAMP))
    for n in range(6):
        contact, seq = f"{100 + n:032x}", (n + 1 if n % 2 else None)
        conn.execute("INSERT INTO contact (id, salutation, academic_title, first_name, last_name, email, "
                     "email_normalized, organisation, municipality, federal_state, role, experience_level, "
                     "consent_contact, notes, created_at, updated_at, dirty, server_seq) VALUES (?, '', '', '', ?, "
                     "?, ?, '', '', '', '', '', 0, '', ?, ?, 1, ?)",
                     (contact, f"N{n}", f"p{n}@x.example", f"p{n}@x.example", STAMP, STAMP, seq))
        conn.execute("INSERT INTO registration (id, event_id, contact_id, round_id, status, source, registered_at, "
                     "late, attended, notes, created_at, updated_at, dirty, server_seq, queue_order) VALUES (?, ?, ?, "
                     "?, 'registered', 'manual', ?, 0, 0, '', ?, ?, 1, ?, ?)",
                     (f"{200 + n:032x}", EVENT, contact, ROUND if n < 3 else None, STAMP, STAMP, STAMP, seq,
                      1024 * (n + 1)))
    conn.commit()
    conn.close()


def _rows(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [*conn.execute("SELECT * FROM contact ORDER BY id"), *conn.execute("SELECT * FROM registration ORDER BY id")]


def test_a_0006_file_keeps_its_rows_and_the_indexes_hold_only_filled_rows(db_path: Path) -> None:
    _fill_0006_file(db_path)
    conn = sqlite3.connect(db_path)
    before = _rows(conn)
    assert "WHERE" not in _indexes(conn)["ix_registration_round_id"]
    conn.close()

    migrate(db_path)

    assert current_revision(db_path) == HEAD_REVISION == "0007"
    conn = sqlite3.connect(db_path)
    try:
        assert _rows(conn) == before
        indexes = _indexes(conn)
        for name, column in PARTIAL.items():
            assert indexes[name].endswith(f"WHERE {column} IS NOT NULL"), name
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # what the indexes hold: the rows with a value, found by counting through each index alone
        assert conn.execute("SELECT count(*) FROM contact INDEXED BY ix_contact_server_seq "
                            "WHERE server_seq IS NOT NULL").fetchone() == (3,)
        assert conn.execute("SELECT count(*) FROM registration INDEXED BY ix_registration_round_id "
                            "WHERE round_id IS NOT NULL").fetchone() == (3,)
    finally:
        conn.close()


def test_the_queries_that_use_the_indexes_still_go_through_them(db_path: Path) -> None:
    _fill_0006_file(db_path)
    migrate(db_path)
    conn = sqlite3.connect(db_path)
    try:
        for table in TABLES:  # the server's "everything after N" (sync.server), on a shared SQLite file
            after = f"SELECT id, server_seq FROM {table} WHERE server_seq > ? ORDER BY server_seq"
            assert f"USING INDEX ix_{table}_server_seq" in _plan(conn, after, (2,)), table
        assert conn.execute("SELECT id FROM contact WHERE server_seq > ? ORDER BY server_seq", (2,)).fetchall() == [
            (f"{103:032x}",), (f"{105:032x}",)]
        members = ("SELECT count(*) FROM registration WHERE round_id = ? AND deleted_at IS NULL "
                   "AND status != 'cancelled'")  # services.rounds.remove_round
        assert "USING INDEX ix_registration_round_id" in _plan(conn, members, (ROUND,))
        assert conn.execute(members, (ROUND,)).fetchone() == (3,)
    finally:
        conn.close()


def test_a_round_with_registrations_is_still_protected_by_its_foreign_key(db_path: Path) -> None:
    """SQLite finds a deleted parent's children through the partial index (``round_id = ?`` implies a value)."""
    _fill_0006_file(db_path)
    migrate(db_path)
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            conn.execute("DELETE FROM round WHERE id = ?", (ROUND,))
    finally:
        conn.close()


def test_downgrade_to_0006_gives_the_full_indexes_back(db_path: Path) -> None:
    from alembic import command

    _fill_0006_file(db_path)
    migrate(db_path)
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
            connection.commit()
    finally:
        engine.dispose()
    assert current_revision(db_path) == "0006"
    conn = sqlite3.connect(db_path)
    try:
        indexes = _indexes(conn)
        for name in PARTIAL:
            assert "WHERE" not in indexes[name], name
        assert conn.execute("SELECT count(*) FROM registration INDEXED BY ix_registration_round_id "
                            "WHERE round_id IS NULL").fetchone() == (3,)
    finally:
        conn.close()


def test_the_models_declare_the_same_partial_indexes_as_the_migration(tmp_path: Path) -> None:
    """Alembic's comparison does not look at an index's WHERE clause: the models' DDL is compared here."""
    migrated, created = tmp_path / "migrated.sqlite", tmp_path / "created.sqlite"
    migrate(migrated)
    engine = create_engine(f"sqlite:///{created}")
    try:
        METADATA.create_all(engine)
    finally:
        engine.dispose()
    conns = [sqlite3.connect(path) for path in (migrated, created)]
    try:
        from_migration, from_models = (_indexes(conn) for conn in conns)
        for name in PARTIAL:
            assert " ".join(from_models[name].split()) == " ".join(from_migration[name].split()), name
    finally:
        for conn in conns:
            conn.close()
