"""The CLI on storage faults: a full disk during an import, a lock held by another program, overwritten pages –
each exits with status 2 and the German message on stderr, without a traceback and without personal data from
the file or the database, and the data stays as it was.

The CLI runs as a real process. For a full database it starts through a small harness that gives every
connection SQLite's ``max_page_count`` (the file cannot grow: SQLITE_FULL, as on a full disk); as root a tmpfs
of a few hundred KB gives the real thing. For the lock the harness shortens SQLite's 10 s wait to 1.5 s."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from odn_desktop.cli import main

HARNESS = textwrap.dedent(
    """
    import sys

    from sqlalchemy import event
    from sqlalchemy.pool import Pool

    import odn_desktop.store.database as database

    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "full":  # the file cannot grow by a single page: SQLITE_FULL, as on a full disk
        def limit(connection, _record):
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")

        event.listen(Pool, "connect", limit)
    elif mode == "busy":  # SQLite's own wait for a lock, shortened for the test
        database.SQLITE_BUSY_TIMEOUT_MS = 1500
    from odn_desktop.cli import main

    sys.exit(main(args))
    """
)

HEADER = "Vorname;Nachname;E-Mail-Adresse;Organisation;Anmeldedatum\r\n"


def person(i: int) -> tuple[str, str]:
    return f"Vorname{i}", f"teilnehmerin.{i}@kommune-{i}.example"


def csv_file(folder: Path, rows: int) -> Path:
    lines = [HEADER] + [f"{person(i)[0]};Nachname{i};{person(i)[1]};Stadt {i};20.11.2021 10:00\r\n"
                        for i in range(rows)]
    path = folder / "anmeldungen.csv"
    path.write_bytes("".join(lines).encode("cp1252"))
    return path


def table_dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}"))), key=repr)
                    for t in ("event", "contact", "registration")}
    finally:
        engine.dispose()


def database_emails(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT email FROM contact WHERE email != ''")]
    finally:
        conn.close()


def run_cli(db: Path, *args: str, mode: str = "plain", work: Path | None = None) -> subprocess.CompletedProcess[str]:
    work = work or db.parent  # the harness and the user folders: not on a full or read-only drive
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(work / "home"), "XDG_DATA_HOME": str(work / "data")}
    harness = work / "harness.py"
    harness.write_text(HARNESS, encoding="utf-8")
    return subprocess.run([sys.executable, str(harness), mode, "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def assert_clean_failure(done: subprocess.CompletedProcess[str], message: str, secrets: list[str]) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Fehler: " + message), done.stderr
    assert "Traceback" not in done.stderr and "sqlalchemy" not in done.stderr.lower()
    assert "SELECT" not in done.stderr and "INSERT" not in done.stderr
    for secret in secrets:
        assert secret not in done.stderr and secret not in done.stdout


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    db = tmp_path / "odn ä.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


def overwrite_pages(path: Path, first: int, last: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    end = len(data) if last is None else last * size
    rng = random.Random(15)
    data[(first - 1) * size:end] = bytes(rng.randrange(256) for _ in range(end - (first - 1) * size))
    path.write_bytes(bytes(data))


# -- disk full ---------------------------------------------------------------------------------------------


def test_a_full_disk_during_an_import_exits_2_in_german_and_imports_nothing(demo: Path, tmp_path: Path) -> None:
    source = csv_file(tmp_path, 400)
    before = table_dump(demo)
    done = run_cli(demo, "import", "registrations", str(source), "--event", "2021-12-02", "--late", mode="full")
    assert_clean_failure(done, "Auf dem Datenträger ist kein Platz mehr frei. Es wurde nichts gespeichert; "
                               "Ihre Daten sind unverändert.",
                         [person(i)[1] for i in range(400)] + database_emails(demo))
    assert table_dump(demo) == before  # not one of the 400 rows: the import is one transaction
    # the same import without the limit works: the file was fine all along
    assert run_cli(demo, "import", "registrations", str(source), "--event", "2021-12-02", "--late").returncode == 0
    assert len(table_dump(demo)["registration"]) == len(before["registration"]) + 400


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of 640 KB (tmpfs; needs root)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mount_point = tmp_path / "usb-stick"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=640k", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"tmpfs not available: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_really_full_file_system_during_an_import(demo: Path, tmp_path: Path, tiny_disk: Path) -> None:
    db = tiny_disk / demo.name
    shutil.copyfile(demo, db)
    assert db.stat().st_size < 500_000
    source = csv_file(tmp_path, 3000)
    before = table_dump(db)
    done = run_cli(db, "import", "registrations", str(source), "--event", "2021-12-02", "--late", work=tmp_path)
    assert shutil.disk_usage(tiny_disk).free < 300_000  # 3000 rows do not fit (the rollback freed the -wal again)
    assert_clean_failure(done, "Auf dem Datenträger ist kein Platz mehr frei.",
                         [person(i)[1] for i in range(3000)] + database_emails(db))
    assert table_dump(db) == before
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


# -- a lock held by another program ------------------------------------------------------------------------


def hold_lock(path: Path, seconds: float, taken: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        taken.set()
        time.sleep(seconds)
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def test_a_lock_held_by_another_program_exits_2_in_german_and_changes_nothing(demo: Path) -> None:
    before = table_dump(demo)
    taken = threading.Event()
    holder = threading.Thread(target=hold_lock, args=(demo, 6.0, taken), daemon=True)
    holder.start()
    assert taken.wait(10)
    started = time.monotonic()
    done = run_cli(demo, "registrations", "add", "--event", "2021-12-02", "--first-name", "Eva",
                   "--last-name", "Gesperrt", "--email", "eva.gesperrt@beispiel.example", "--late", mode="busy")
    waited = time.monotonic() - started
    holder.join(15)
    assert_clean_failure(done, "Die Datenbank ist gesperrt: Ein anderes Programm schreibt gerade in die Datei",
                         ["eva.gesperrt@beispiel.example", *database_emails(demo)])
    assert 1.4 < waited < 6.0  # SQLite's wait (shortened to 1.5 s by the harness), then the message
    assert table_dump(demo) == before


# -- overwritten pages -------------------------------------------------------------------------------------


def test_overwritten_pages_exit_2_in_german_and_the_file_is_left_as_it_was(demo: Path) -> None:
    emails = database_emails(demo)
    overwrite_pages(demo, 2)
    damaged = demo.read_bytes()
    done = run_cli(demo, "registrations", "list", "--event", "2021-12-02")
    assert_clean_failure(done, f"Die Datei {demo} ist keine lesbare odn-desktop-Datenbank: Sie ist beschädigt",
                         emails)
    assert "Sicherung" in done.stderr
    assert demo.read_bytes() == damaged


def test_a_damaged_table_found_by_the_command_exits_2_in_german(demo: Path) -> None:
    emails = database_emails(demo)
    conn = sqlite3.connect(demo)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'registration'").fetchone()[0]
    conn.close()
    overwrite_pages(demo, root, root)
    assert run_cli(demo, "speakers", "list").returncode == 0  # other tables are still readable
    done = run_cli(demo, "registrations", "list", "--event", "2021-12-02")
    assert_clean_failure(done, "Die Datenbankdatei ist beschädigt und kann nicht mehr sicher gelesen werden.",
                         emails)


def test_an_export_onto_a_full_file_system_exits_2_in_german(demo: Path, tiny_disk: Path) -> None:
    """Not the database: the file written by the command (atomic_write's own German message)."""
    with (tiny_disk / "füller.bin").open("wb") as filler:
        try:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        except OSError:
            pass
    target = tiny_disk / "Anmeldungen.xlsx"
    done = run_cli(demo, "export", "registrants", "--event", "2021-12-02", "-o", str(target), work=demo.parent)
    assert_clean_failure(done, f"Die Datei „{target}“ konnte nicht geschrieben werden: Der Datenträger ist voll. "
                               "Bitte schaffen Sie Platz", database_emails(demo))
    assert "Exception ignored" not in done.stderr  # zipfile, finalised after the file was closed (atomic_write)
    assert not target.exists()


def test_a_read_only_drive_exits_2_in_german(demo: Path, tiny_disk: Path, tmp_path: Path) -> None:
    db = tiny_disk / demo.name
    shutil.copyfile(demo, db)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    before = db.read_bytes()
    done = run_cli(db, "registrations", "add", "--event", "2021-12-02", "--first-name", "Eva", "--last-name", "Nur",
                   "--email", "eva.nur@beispiel.example", "--late", work=tmp_path)
    assert_clean_failure(done, "Die Datenbankdatei kann nicht geöffnet werden: Ihr Ordner ist schreibgeschützt "
                               "oder nicht erreichbar", ["eva.nur@beispiel.example", *database_emails(demo)])
    assert db.read_bytes() == before
