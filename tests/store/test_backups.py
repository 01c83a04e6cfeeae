"""Daily backups (once a day, 14 kept), restore (the database afterwards equals the backup), consistency."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.services.demo import load_demo
from odn_desktop.store.backups import (
    copy_database,
    daily_backup,
    daily_backups,
    daily_name,
    list_backups,
    restore_backup,
)
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database, open_database

NOON = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted: two databases with equal results hold the same data."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}
    finally:
        conn.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _add_series(db: Database, title: str) -> None:
    from odn_desktop.services.events import find_or_create_series

    with transaction(db.sessions) as session:
        find_or_create_series(session, title)


@pytest.fixture
def backup_dir(tmp_path: Path) -> Path:
    return tmp_path / "Sicherungen ä"


# -- daily backups -----------------------------------------------------------------------------------------


def test_daily_backup_once_per_berlin_day(demo_db: Database, backup_dir: Path) -> None:
    first = daily_backup(demo_db.path, backup_dir, now=NOON)
    assert first == backup_dir / f"{demo_db.path.stem}-2026-11-26.sqlite"
    assert _tables(first) == _tables(demo_db.path)
    assert _integrity(first) == "ok"
    assert daily_backup(demo_db.path, backup_dir, now=NOON + timedelta(hours=11)) is None  # 23:00 Berlin: same day
    # 23:30 UTC is already the next day in Berlin
    second = daily_backup(demo_db.path, backup_dir, now=datetime(2026, 11, 26, 23, 30, tzinfo=UTC))
    assert second is not None and second.name.endswith("2026-11-27.sqlite")
    assert not list(backup_dir.glob("*.partial"))


def test_backup_is_a_single_self_contained_file(demo_db: Database, backup_dir: Path) -> None:
    target = daily_backup(demo_db.path, backup_dir, now=NOON)
    assert target is not None
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert sorted(p.name for p in backup_dir.iterdir()) == [target.name]


def test_usual_file_name(tmp_path: Path) -> None:
    assert daily_name(tmp_path / "odn-desktop.sqlite", date(2026, 11, 26)) == "odn-desktop-2026-11-26.sqlite"


def test_rotation_keeps_the_newest_fourteen_and_nothing_else_is_touched(demo_db: Database, backup_dir: Path) -> None:
    backup_dir.mkdir()
    stem = demo_db.path.stem
    others = [
        backup_dir / f"{stem}-vor-migration-0002-20200101-000000.sqlite",
        backup_dir / f"{stem}-vor-wiederherstellung-2020-01-01-000000.sqlite",
        backup_dir / "odn-desktop-demo-2020-01-01.sqlite",  # another database's daily backup
        backup_dir / "notiz.txt",
    ]
    for path in others:
        path.write_bytes(b"x")
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for day in range(20):
        assert daily_backup(demo_db.path, backup_dir, now=start + timedelta(days=day)) is not None
    kept = daily_backups(demo_db.path, backup_dir)
    assert len(kept) == 14
    assert kept[0].name == f"{stem}-2026-01-07.sqlite" and kept[-1].name == f"{stem}-2026-01-20.sqlite"
    assert all(path.exists() for path in others)
    assert daily_backup(demo_db.path, backup_dir, keep=3, now=start + timedelta(days=30)) is not None
    assert [p.name for p in daily_backups(demo_db.path, backup_dir)] == [
        f"{stem}-2026-01-19.sqlite", f"{stem}-2026-01-20.sqlite", f"{stem}-2026-01-31.sqlite"]


def test_missing_database_is_not_backed_up(tmp_path: Path, backup_dir: Path) -> None:
    assert daily_backup(tmp_path / "gibt-es-nicht.sqlite", backup_dir, now=NOON) is None
    assert not backup_dir.exists()


def test_list_backups_newest_first_with_kinds(demo_db: Database, backup_dir: Path) -> None:
    daily = daily_backup(demo_db.path, backup_dir, now=NOON)
    assert daily is not None
    demo_db.close()
    before = restore_backup(demo_db.path, daily, backup_dir, now=NOON + timedelta(minutes=5))
    found = list_backups(backup_dir)
    assert {f.path: f.kind for f in found} == {daily: "täglich", before: "vor Wiederherstellung"}
    assert found[0].modified >= found[1].modified
    assert daily.name in found[-1].label or daily.name in found[0].label


# -- restore -----------------------------------------------------------------------------------------------


def test_restore_makes_the_database_equal_to_the_backup_and_keeps_the_current_state(
    demo_db: Database, backup_dir: Path
) -> None:
    backup = daily_backup(demo_db.path, backup_dir, now=NOON)
    assert backup is not None
    in_backup = _tables(backup)
    _add_series(demo_db, "Nach der Sicherung angelegt")
    current = _tables(demo_db.path)
    assert current != in_backup
    demo_db.close()  # the caller closes the program's connections first

    before = restore_backup(demo_db.path, backup, backup_dir, now=NOON + timedelta(hours=2))

    assert _tables(demo_db.path) == in_backup
    assert before.name == f"{demo_db.path.stem}-vor-wiederherstellung-2026-11-26-140000.sqlite"
    assert _tables(before) == current
    assert _integrity(demo_db.path) == "ok"
    reopened = open_database(demo_db.path, backup_dir=backup_dir)  # the program opens it again as usual
    try:
        with transaction(reopened.sessions) as session:
            assert not load_demo(session).created  # the demo data is there
    finally:
        reopened.close()
    assert daily_backups(demo_db.path, backup_dir) == [backup]  # the backup itself is unchanged and kept


def test_restoring_twice_in_one_second_keeps_both_earlier_states(demo_db: Database, backup_dir: Path) -> None:
    backup = daily_backup(demo_db.path, backup_dir, now=NOON)
    assert backup is not None
    demo_db.close()
    first = restore_backup(demo_db.path, backup, backup_dir, now=NOON)
    second = restore_backup(demo_db.path, backup, backup_dir, now=NOON)
    assert first != second and first.exists() and second.exists()


@pytest.mark.parametrize("content", [b"", b"kein SQLite" * 100])
def test_a_file_that_is_no_database_is_refused_without_change(
    demo_db: Database, backup_dir: Path, tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "kaputt.sqlite"
    bad.write_bytes(content)
    demo_db.close()
    before = _tables(demo_db.path)
    with pytest.raises(UserError):
        restore_backup(demo_db.path, bad, backup_dir)
    assert _tables(demo_db.path) == before
    assert not backup_dir.exists()


def test_a_backup_from_a_newer_version_is_refused(demo_db: Database, backup_dir: Path, tmp_path: Path) -> None:
    newer = copy_database(demo_db.path, tmp_path / "neuer.sqlite")
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_zukunft'")
    conn.close()
    demo_db.close()
    with pytest.raises(UserError, match="neueren Version"):
        restore_backup(demo_db.path, newer, backup_dir)


def test_restore_while_the_database_is_still_open_is_refused(demo_db: Database, backup_dir: Path) -> None:
    backup = daily_backup(demo_db.path, backup_dir, now=NOON)
    assert backup is not None
    _add_series(demo_db, "Nach der Sicherung angelegt")
    current = _tables(demo_db.path)
    with demo_db.engine.connect() as connection:  # the program still holds the file
        connection.exec_driver_sql("SELECT 1").fetchall()
        with pytest.raises(UserError, match="wird noch benutzt"):
            restore_backup(demo_db.path, backup, backup_dir)
    assert _tables(demo_db.path) == current


def test_restoring_the_database_onto_itself_is_refused(demo_db: Database, backup_dir: Path) -> None:
    with pytest.raises(UserError):
        restore_backup(demo_db.path, demo_db.path, backup_dir)


# -- consistency while another connection writes -----------------------------------------------------------


def test_backup_while_another_connection_writes_is_consistent(tmp_path: Path, backup_dir: Path) -> None:
    path = tmp_path / "schreibend ä.sqlite"
    setup = sqlite3.connect(path)
    setup.execute("PRAGMA journal_mode = WAL")
    setup.execute("CREATE TABLE row (n INTEGER PRIMARY KEY, payload BLOB NOT NULL)")
    with setup:  # a few MB, so one backup takes long enough for the writer to commit meanwhile
        setup.executemany("INSERT INTO row (payload) VALUES (?)", [(b"\x00" * 4000,)] * 2000)
    setup.close()

    committed = [2000]
    stop = threading.Event()

    def writer() -> None:
        conn = sqlite3.connect(path, timeout=10)
        try:
            while not stop.is_set():
                with conn:  # each insert its own transaction
                    conn.execute("INSERT INTO row (payload) VALUES (?)", (b"\x01" * 4000,))
                committed.append(committed[-1] + 1)
        finally:
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(committed) < 50:  # the writer is busy
            time.sleep(0.001)
        during = len(committed)
        copies = []
        for day in range(5):
            copies.append(daily_backup(path, backup_dir, now=NOON + timedelta(days=day)))
        during = len(committed) - during
    finally:
        stop.set()
        thread.join()
    assert during > 0  # writes really went on while the backups were taken
    for copy in copies:
        assert copy is not None
        assert _integrity(copy) == "ok"
        conn = sqlite3.connect(copy)
        try:
            count = conn.execute("SELECT count(*) FROM row").fetchone()[0]
            highest = conn.execute("SELECT max(n) FROM row").fetchone()[0]
        finally:
            conn.close()
        assert count in committed  # a state the writer had committed, never half a transaction
        assert highest == count
