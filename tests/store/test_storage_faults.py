"""Storage faults on real files: a full database (SQLite's max_page_count makes SQLITE_FULL real), a lock held by
another connection, overwritten pages, a read-only connection – each a German ``StorageError`` without SQL or
personal data, with the data intact; the recovery of a damaged file from the newest intact backup."""

from __future__ import annotations

import errno
import os
import random
import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError

from odn_desktop.domain.errors import UserError
from odn_desktop.services.contacts import ContactInput, find_or_create_contact
from odn_desktop.store import faults, recovery
from odn_desktop.store.backups import copy_database, daily_backup, daily_backups
from odn_desktop.store.database import busy_timeout, retry_while_locked, transaction
from odn_desktop.store.faults import DAMAGED, DISK_FULL, IO_ERROR, LOCKED, READ_ONLY, StorageError, classify
from odn_desktop.store.models import Contact
from odn_desktop.store.open import Database, open_database
from odn_desktop.store.revision import current_revision

SECRET = "anna.geheim@beispiel.example"


def contact_emails(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT email FROM contact")}
    finally:
        conn.close()


def add_contacts(db: Database, count: int, prefix: str = "person") -> None:
    with transaction(db.sessions) as session:
        for i in range(count):
            find_or_create_contact(session, ContactInput(email=f"{prefix}{i}@beispiel.example", last_name=f"N{i}"))


def limit_pages(db: Database) -> None:
    """Every new connection of ``db`` may not grow the file: the next page it needs is SQLITE_FULL."""

    def limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", limit)
    db.engine.dispose()


def overwrite_pages(path: Path, first: int = 2, last: int | None = None, seed: int = 15) -> None:
    """Write random bytes over pages ``first`` .. ``last`` (1-based, default: to the end) of a checkpointed file."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    end = len(data) if last is None else last * size
    rng = random.Random(seed)
    data[(first - 1) * size:end] = bytes(rng.randrange(256) for _ in range(end - (first - 1) * size))
    path.write_bytes(bytes(data))


class HeldLock:
    """A second connection (another program) holding the write lock for ``seconds`` in a thread."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path, self.seconds = path, seconds
        self.taken, self.released_at = threading.Event(), 0.0
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("BEGIN EXCLUSIVE")
            self.taken.set()
            time.sleep(self.seconds)
            conn.execute("ROLLBACK")
            self.released_at = time.monotonic()
        finally:
            conn.close()

    def __enter__(self) -> HeldLock:
        self.thread.start()
        assert self.taken.wait(10)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.thread.join(30)


@pytest.fixture
def filled(db: Database) -> Database:
    add_contacts(db, 30)
    return db


# -- classification ----------------------------------------------------------------------------------------


def test_a_full_database_is_a_german_disk_full_fault_and_nothing_is_written(filled: Database) -> None:
    before = contact_emails(filled.path)
    limit_pages(filled)

    def import_many() -> None:  # one unit of work: the first rows fit, the later do not
        with transaction(filled.sessions) as session:
            for i in range(400):
                find_or_create_contact(session, ContactInput(email=f"neu{i}.{SECRET}", last_name="Geheim" * 40))

    with pytest.raises(StorageError) as caught:
        import_many()
    fault = caught.value
    assert fault.kind == DISK_FULL and isinstance(fault, UserError)
    assert fault.message.startswith("Auf dem Datenträger ist kein Platz mehr frei.")
    assert "Ihre Daten sind unverändert" in fault.message
    assert "SQLITE_FULL" in fault.detail
    for text in (str(fault), fault.detail, repr(fault)):
        assert SECRET not in text and "INSERT" not in text and "Geheim" not in text
    assert fault.__suppress_context__  # the SQLAlchemy error (with SQL) stays out of any traceback
    filled.close()
    assert contact_emails(filled.path) == before  # rolled back: not one of the rows that fitted


def test_a_lock_held_beyond_the_wait_is_a_german_lock_fault(filled: Database) -> None:
    with HeldLock(filled.path, 2.0), busy_timeout(300), pytest.raises(StorageError) as caught:
        add_contacts(filled, 1, prefix="gesperrt")
    assert caught.value.kind == LOCKED
    assert caught.value.message.startswith("Die Datenbank ist gesperrt")
    assert "SQLITE_BUSY" in caught.value.detail
    assert not any(e.startswith("gesperrt") for e in contact_emails(filled.path))


def test_overwritten_pages_are_a_damaged_fault(filled: Database) -> None:
    filled.close()
    overwrite_pages(filled.path)
    with pytest.raises(StorageError) as caught:
        current_revision(filled.path)
    assert caught.value.kind == DAMAGED
    assert "keine lesbare odn-desktop-Datenbank" in caught.value.message
    assert "Sicherung" in caught.value.message
    with pytest.raises(StorageError) as caught_open:
        open_database(filled.path)
    assert caught_open.value.kind == DAMAGED


def test_a_damaged_table_found_by_a_query_is_a_damaged_fault(filled: Database) -> None:
    conn = sqlite3.connect(filled.path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contact'").fetchone()[0]
    conn.close()
    filled.close()
    overwrite_pages(filled.path, root, root)
    db = open_database(filled.path)  # the schema is readable: the damage shows at the first query
    try:
        with pytest.raises(StorageError) as caught, transaction(db.sessions) as session:
            session.scalars(select(Contact)).all()
        assert caught.value.kind == DAMAGED
        assert caught.value.message.startswith("Die Datenbankdatei ist beschädigt")
    finally:
        db.close()
    with pytest.raises(StorageError) as checked:
        recovery.check_integrity(filled.path)
    assert checked.value.kind == DAMAGED and "SQLITE_CORRUPT" in checked.value.detail


def test_a_read_only_connection_and_os_errors_are_classified(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("INSERT INTO alembic_version VALUES ('x')")
    finally:
        conn.close()
    fault = classify(caught.value)
    assert fault is not None and fault.kind == READ_ONLY
    assert fault.message.startswith("Die Datenbank kann nicht geändert werden")

    with pytest.raises(sqlite3.OperationalError) as cannot_open:
        sqlite3.connect(tmp_path / "getrenntes Laufwerk" / "odn.sqlite")
    unreachable = classify(cannot_open.value)
    assert unreachable is not None and unreachable.kind == READ_ONLY
    assert unreachable.message.startswith("Die Datenbankdatei kann nicht geöffnet werden: Ihr Ordner ist "
                                          "schreibgeschützt oder nicht erreichbar")

    full = classify(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "Anmeldungen.xlsx")))
    assert full is not None and full.kind == DISK_FULL
    denied = classify(PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "Liste.xlsx")))
    assert denied is not None and denied.kind == READ_ONLY and "Liste.xlsx" in denied.message
    assert classify(OSError(errno.EIO, "I/O error")) is not None
    assert classify(FileNotFoundError(errno.ENOENT, "missing")) is None  # not a storage fault
    assert classify(ValueError("a bug")) is None
    assert classify(UserError("Eine Eingabe fehlt.")) is None  # has its own message
    wrapped = classify(RuntimeError("outer"))
    assert wrapped is None
    try:
        try:
            raise sqlite3.OperationalError("disk I/O error")
        except sqlite3.OperationalError as exc:
            raise RuntimeError("while saving") from exc
    except RuntimeError as outer:
        chained = classify(outer)
    assert chained is not None and chained.kind == IO_ERROR


def test_sql_parameters_never_reach_an_exception_text(db: Database) -> None:
    """Not a storage fault (a constraint, i.e. a bug): its traceback may show, but without personal data."""

    def twice() -> None:
        with transaction(db.sessions) as session:
            session.add_all([Contact(email=SECRET, email_normalized=SECRET, last_name="Geheim") for _ in range(2)])

    with pytest.raises(IntegrityError) as caught:
        twice()
    assert classify(caught.value) is None
    assert SECRET not in str(caught.value)
    assert "parameters hidden" in str(caught.value)
    assert SECRET not in faults.describe(caught.value)


# -- waiting for a lock in steps ---------------------------------------------------------------------------


def test_retry_while_locked_waits_in_steps_and_then_writes(filled: Database) -> None:
    waits: list[float] = []
    with HeldLock(filled.path, 1.5) as lock:
        started = time.monotonic()
        retry_while_locked(lambda: add_contacts(filled, 1, prefix="danach"), waits.append, step_ms=100)
        done = time.monotonic()
    assert "danach0@beispiel.example" in contact_emails(filled.path)
    assert len(waits) >= 3 and waits == sorted(waits)
    assert done - started >= 1.4
    assert done - lock.released_at < 0.6  # written right after the lock went


def test_retry_while_locked_gives_up_after_its_patience(filled: Database) -> None:
    waits: list[float] = []
    with HeldLock(filled.path, 3.0), pytest.raises(StorageError) as caught:
        retry_while_locked(lambda: add_contacts(filled, 1, prefix="nie"), waits.append, step_ms=100, patience_s=0.8)
    assert caught.value.kind == LOCKED and waits
    assert not any(e.startswith("nie") for e in contact_emails(filled.path))


def test_retry_while_locked_raises_other_faults_at_once(filled: Database) -> None:
    limit_pages(filled)
    waits: list[float] = []
    with pytest.raises(StorageError) as caught:
        retry_while_locked(lambda: add_contacts(filled, 300, prefix="x" * 200), waits.append)
    assert caught.value.kind == DISK_FULL and waits == []


# -- recovery of a damaged file ----------------------------------------------------------------------------


@pytest.fixture
def backups(filled: Database, tmp_path: Path) -> tuple[Path, Path]:
    """Two daily backups (yesterday: 30 contacts, today: 31), then the live file gets a 32nd contact."""
    folder = tmp_path / "backups"
    now = datetime.now(UTC)
    daily_backup(filled.path, folder, now=now - timedelta(days=1))
    add_contacts(filled, 1, prefix="heute")
    daily_backup(filled.path, folder, now=now)
    add_contacts(filled, 1, prefix="spaeter")
    filled.close()
    return filled.path, folder


def test_damaged_file_kept_as_a_copy_and_replaced_by_the_newest_intact_backup(backups: tuple[Path, Path]) -> None:
    db_path, folder = backups
    overwrite_pages(db_path)
    damaged = db_path.read_bytes()
    with pytest.raises(StorageError):
        recovery.check_integrity(db_path)

    copy = recovery.keep_damaged_copy(db_path, now=datetime(2026, 12, 3, 14, 30, tzinfo=UTC))
    assert copy.name == f"{db_path.stem} beschädigt 2026-12-03 1530.sqlite" and copy.parent == db_path.parent
    assert copy.read_bytes() == damaged
    again = recovery.keep_damaged_copy(db_path, now=datetime(2026, 12, 3, 14, 30, tzinfo=UTC))
    assert again != copy and again.name.endswith("1530 (2).sqlite")

    newest = recovery.newest_intact_backup(db_path, folder)
    assert newest is not None and newest.path == daily_backups(db_path, folder)[-1]
    recovery.replace_with_backup(db_path, newest.path)
    recovery.check_integrity(db_path)
    emails = contact_emails(db_path)
    assert len(emails) == 31 and "heute0@beispiel.example" in emails  # today's backup, without the later one
    assert copy.read_bytes() == damaged  # the damaged copy is untouched
    db = open_database(db_path, check=True)
    db.close()


def test_a_damaged_backup_is_not_offered(backups: tuple[Path, Path]) -> None:
    db_path, folder = backups
    newest_daily = daily_backups(db_path, folder)[-1]
    overwrite_pages(newest_daily, seed=3)
    offered = recovery.newest_intact_backup(db_path, folder)
    assert offered is not None and offered.path == daily_backups(db_path, folder)[0]  # yesterday's
    with pytest.raises(UserError):  # and it cannot be put in place either: nothing changes
        recovery.replace_with_backup(db_path, newest_daily)
    assert len(contact_emails(db_path)) == 32


def test_no_backup_no_offer(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    assert recovery.newest_intact_backup(db_path, tmp_path / "leer") is None
    other = copy_database(db_path, tmp_path / "backups" / "fremd-2026-01-01.sqlite")  # another database's
    assert recovery.newest_intact_backup(db_path, other.parent) is None
