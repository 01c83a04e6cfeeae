"""Storage faults in the window: a full disk while saving, a lock held by another program, a damaged file at
start-up. Each ends in the German message – never the crash dialog with a traceback – with the data intact;
the lock is waited for with a visible „Datenbank ist gesperrt …“ state; the damaged file is kept as a copy
and the newest daily backup offered. Renders at 1366x768 go to /work/notes/renders for a human look."""

from __future__ import annotations

import itertools
import os
import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from odn_desktop.logging_setup import configure_logging
from odn_desktop.paths import AppPaths
from odn_desktop.services.contacts import ContactInput, find_or_create_contact
from odn_desktop.services.demo import load_demo
from odn_desktop.services.events import create_event
from odn_desktop.store.backups import BackupFile, daily_backup, daily_backups
from odn_desktop.store.database import transaction
from odn_desktop.store.faults import MESSAGES
from odn_desktop.store.open import Database, open_database
from odn_desktop.store.recovery import DAMAGED_MARK
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell import backup_ui, crash, lock_wait
from odn_desktop.ui.shell.app import EXIT_DATABASE_ERROR, StartedApp, start_app
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

RENDERS = Path(os.environ.get("ODN_RENDERS", "/work/notes/renders"))
SCREEN = (1366, 768)
SECRET = "anna.geheim@beispiel.example"
SECRET_NAME = "Verschwiegen"
DISK_FULL = MESSAGES["disk_full"]
LOCKED = MESSAGES["locked"]


def count_rows(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def limit_pages(db: Database) -> None:
    """The file cannot grow by a single page any more (SQLite's max_page_count): SQLITE_FULL, as on a full disk."""

    def limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", limit)
    db.engine.dispose()


def overwrite_pages(path: Path, first: int = 2, last: int | None = None) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    end = len(data) if last is None else last * size
    rng = random.Random(15)
    data[(first - 1) * size:end] = bytes(rng.randrange(256) for _ in range(end - (first - 1) * size))
    path.write_bytes(bytes(data))


class HeldLock:
    """Another program: a second connection holding the write lock (BEGIN EXCLUSIVE) for ``seconds``."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path, self.seconds = path, seconds
        self.taken = threading.Event()
        self.released_at = 0.0
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


def save_render(widget: QWidget, name: str) -> Path:
    RENDERS.mkdir(parents=True, exist_ok=True)
    target = RENDERS / name
    assert widget.grab().save(str(target))
    return target


@pytest.fixture
def paths(demo_db: Database, tmp_path: Path) -> AppPaths:
    return AppPaths(database=demo_db.path, data_dir=demo_db.path.parent, log_dir=tmp_path / "Protokolle",
                    backup_dir=demo_db.path.parent / "backups")


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, paths: AppPaths, tmp_path: Path) -> Iterator[WorkspaceWindow]:
    ctx = AppContext(demo_db, paths)
    win = WorkspaceWindow(ctx, paths, settings=QSettings(str(tmp_path / "ws.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    ctx.ready.emit()
    qtbot.waitExposed(win)
    win.showNormal()  # the start maximizes on the small test screen (offscreen: 800x800); renders are 1366x768
    win.resize(*SCREEN)
    yield win
    ctx.undo_stack.clear()


# -- disk full ---------------------------------------------------------------------------------------------


def test_a_full_disk_while_saving_shows_the_german_message_and_keeps_the_data(
        window: WorkspaceWindow, demo_db: Database, december_row: Any, dialogs: Any) -> None:
    page = window.events_page()
    window.show_page("events")
    page.open_event(december_row.id)
    details = page.editor.details
    conn = sqlite3.connect(demo_db.path)
    before = conn.execute("SELECT description FROM event WHERE id = ?", (december_row.id.hex,)).fetchone()
    conn.close()
    limit_pages(demo_db)
    details.ui.descriptionEdit.setPlainText(f"Rückfragen an {SECRET}. " * 4000)  # needs new pages: no room
    window.save_action.trigger()  # Ctrl+S
    assert dialogs.of("crash") == []
    assert [args[1] for args in dialogs.of("user_error")] == [DISK_FULL]
    assert DISK_FULL.startswith("Auf dem Datenträger ist kein Platz mehr frei. Es wurde nichts gespeichert")
    assert details.has_unsaved_changes()  # the text is still in the form: saved again once there is room
    assert window.ctx.undo_stack.count() == 0
    page.discard_changes()
    demo_db.close()
    conn = sqlite3.connect(demo_db.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        after = conn.execute("SELECT description FROM event WHERE id = ?", (december_row.id.hex,)).fetchone()
    finally:
        conn.close()
    assert after == before


def test_a_full_disk_in_a_worker_thread_reaches_the_coordinator_as_the_german_message(
        qapp: QApplication, qtbot: QtBot, demo_db: Database, tmp_path: Path, dialogs: Any) -> None:
    """A raw SQLAlchemy error (a worker writing without ``transaction``): the hook classifies it; neither the
    message nor the log gets the SQL with its parameters."""
    log_file = configure_logging(tmp_path / "logs", enable_faulthandler=False)
    crash.install_excepthook(log_file)
    limit_pages(demo_db)

    def import_in_worker() -> None:
        session = demo_db.sessions()
        with session.begin():
            for i in range(300):
                find_or_create_contact(session, ContactInput(email=f"{i}.{SECRET}", last_name=SECRET_NAME * 30))

    worker = threading.Thread(target=import_in_worker, name="import")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(dialogs.of("user_error")))
    assert [args[1] for args in dialogs.of("user_error")] == [DISK_FULL]
    assert dialogs.of("crash") == []
    text = log_file.read_text(encoding="utf-8")
    assert "storage fault (disk_full)" in text and "SQLITE_FULL" in text
    assert "INSERT" not in text and "[SQL:" not in text  # frames (source lines) only, not the error text
    assert SECRET not in text and SECRET_NAME not in text
    assert not any(SECRET in e for e in _emails(demo_db.path))


def _emails(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT email FROM contact")]
    finally:
        conn.close()


# -- a lock held by another program ------------------------------------------------------------------------


def test_a_lock_is_waited_for_visibly_and_the_change_is_saved_after_it(
        window: WorkspaceWindow, demo_db: Database, dialogs: Any) -> None:
    events_before = count_rows(demo_db.path, "event")
    ticks: list[float] = []
    seen: list[tuple[str, Any]] = []
    rendered: list[Path] = []

    def tick() -> None:  # runs only while the window's event loop turns: the gaps show how long it froze
        ticks.append(time.monotonic())
        cursor = QGuiApplication.overrideCursor()
        message = window.statusBar().currentMessage()
        seen.append((message, cursor.shape() if cursor is not None else None))
        if "gesperrt" in message and not rendered and time.monotonic() - started > 1.0:
            assert window.width() == SCREEN[0]
            rendered.append(save_render(window, "storage-lock-wait.png"))

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    with HeldLock(demo_db.path, 2.5) as lock:
        started = time.monotonic()
        window.new_event_action.trigger()  # Ctrl+N: an undoable write on the GUI thread
        done = time.monotonic()
    timer.stop()

    assert dialogs.of("user_error") == [] and dialogs.of("crash") == []
    assert count_rows(demo_db.path, "event") == events_before + 1
    assert window.ctx.undo_stack.count() == 1
    messages = {m for m, _ in seen}
    assert {"Datenbank ist gesperrt – es wird gewartet … (1 s)", "Datenbank ist gesperrt – es wird gewartet … (2 s)"
            } <= messages
    assert {shape for m, shape in seen if "gesperrt" in m} == {Qt.CursorShape.WaitCursor}
    assert QGuiApplication.overrideCursor() is None  # given back
    assert window.statusBar().currentMessage() == "Die Datenbank ist wieder frei."
    assert 2.4 < done - started < 4.0
    assert done - lock.released_at < 0.6  # saved right after the other program let go
    during = [started, *[t for t in ticks if started <= t <= done], done]
    longest = max(b - a for a, b in itertools.pairwise(during))
    print(f"lock wait {done - started:.2f} s, saved {done - lock.released_at:.2f} s after the release, "
          f"longest time without repaint {longest * 1000:.0f} ms, {len(during) - 2} repaint turns")
    assert longest < 0.6  # never frozen for longer than one step of SQLite's wait (200 ms) and some slack
    assert rendered


def test_a_lock_held_beyond_the_patience_ends_in_the_german_message_and_changes_nothing(
        window: WorkspaceWindow, demo_db: Database, dialogs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock_wait, "LOCK_PATIENCE_S", 1.0)  # 60 s in the program
    events_before = count_rows(demo_db.path, "event")
    with HeldLock(demo_db.path, 3.0):
        started = time.monotonic()
        window.new_event_action.trigger()
        gave_up = time.monotonic() - started
    assert [args[1] for args in dialogs.of("user_error")] == [LOCKED]
    assert LOCKED.startswith("Die Datenbank ist gesperrt: Ein anderes Programm schreibt gerade in die Datei")
    assert dialogs.of("crash") == []
    assert 0.9 < gave_up < 2.0
    assert count_rows(demo_db.path, "event") == events_before
    assert window.ctx.undo_stack.count() == 0
    assert QGuiApplication.overrideCursor() is None


# -- a damaged file at start-up ----------------------------------------------------------------------------


@pytest.fixture
def damaged_start(app_paths: AppPaths) -> AppPaths:
    """The demo, yesterday's daily backup, then an event added after it; the program is closed."""
    db = open_database(app_paths.database)
    with transaction(db.sessions) as session:
        load_demo(session)
    daily_backup(app_paths.database, app_paths.backup_dir, now=datetime.now(UTC) - timedelta(days=1))
    with transaction(db.sessions) as session:
        create_event(session, title="Nach der Sicherung angelegt", starts_at=datetime(2027, 5, 6, 8, tzinfo=UTC),
                     ends_at=datetime(2027, 5, 6, 10, tzinfo=UTC))
    db.close()
    return app_paths


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The damaged-file question as the program builds it; answered with the backup it offers."""
    state: dict[str, Any] = {"answer": "restore"}

    def ask(parent: QWidget | None, database: Path, damaged_copy: Path, newest: BackupFile | None,
            backup_dir: Path) -> Path | None:
        prompt = backup_ui.damaged_database_box(parent, database, damaged_copy, newest, backup_dir)
        state.update(title=prompt.box.windowTitle(), text=prompt.box.text(), info=prompt.box.informativeText(),
                     buttons=[b.text() for b in prompt.box.buttons()], copy=damaged_copy, newest=newest,
                     copy_bytes=damaged_copy.read_bytes(), default=prompt.box.defaultButton().text())
        prompt.box.deleteLater()
        return newest.path if state["answer"] == "restore" and newest is not None else None

    monkeypatch.setattr(backup_ui, "ask_restore_damaged", ask)
    return state


def test_a_damaged_file_at_start_is_kept_as_a_copy_and_the_newest_backup_offered(
        qapp: QApplication, qtbot: QtBot, damaged_start: AppPaths, offered: dict[str, Any], dialogs: Any) -> None:
    paths = damaged_start
    overwrite_pages(paths.database)
    damaged = paths.database.read_bytes()
    [yesterday] = daily_backups(paths.database, paths.backup_dir)
    result = start_app(paths)
    assert isinstance(result, StartedApp)
    try:
        qtbot.waitUntil(lambda: result.ctx.db is not None)
        copy: Path = offered["copy"]
        assert copy.parent == paths.database.parent
        assert copy.name.startswith(f"{paths.database.stem} {DAMAGED_MARK} ") and copy.suffix == ".sqlite"
        assert offered["copy_bytes"] == damaged == copy.read_bytes()  # kept before anything was offered
        assert offered["newest"].path == yesterday
        assert offered["title"] == "Datenbank beschädigt"
        assert offered["text"] == "Die Datenbankdatei odn.sqlite ist beschädigt und kann nicht mehr sicher gelesen " \
                                  "werden."
        assert f"„{copy.name}“\nim Ordner {copy.parent}" in offered["info"]
        assert offered["newest"].path.name in offered["info"]
        assert "Soll diese Sicherung jetzt zurückgespielt werden?" in offered["info"]
        assert sorted(offered["buttons"]) == ["&Andere Sicherung wählen …", "&Beenden", "Sicherung &zurückspielen"]
        assert offered["default"] == "Sicherung &zurückspielen"
        assert dialogs.of("error") == [] and dialogs.of("crash") == []
        conn = sqlite3.connect(paths.database)
        titles = [row[0] for row in conn.execute("SELECT title FROM event")]
        conn.close()
        assert len(titles) == 3 and "Nach der Sicherung angelegt" not in titles  # the backup's state
    finally:
        result.shutdown()


def test_declining_the_backup_ends_the_start_and_leaves_the_damaged_file(
        qapp: QApplication, damaged_start: AppPaths, offered: dict[str, Any], dialogs: Any) -> None:
    paths = damaged_start
    overwrite_pages(paths.database)
    damaged = paths.database.read_bytes()
    offered["answer"] = "quit"
    assert start_app(paths, show=False) == EXIT_DATABASE_ERROR
    assert paths.database.read_bytes() == damaged
    assert offered["copy"].read_bytes() == damaged
    assert dialogs.of("crash") == []


def test_damage_only_quick_check_finds_is_offered_after_the_window_painted(
        qapp: QApplication, qtbot: QtBot, damaged_start: AppPaths, offered: dict[str, Any], dialogs: Any) -> None:
    """The schema is readable (the light start paints the window first); the registrations' pages are not."""
    paths = damaged_start
    conn = sqlite3.connect(paths.database)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'registration'").fetchone()[0]
    conn.close()
    overwrite_pages(paths.database, root, root)
    result = start_app(paths)
    assert isinstance(result, StartedApp)
    try:
        qtbot.waitUntil(lambda: result.ctx.db is not None, timeout=10_000)
        assert offered["newest"] is not None
        assert count_rows(paths.database, "registration") > 0  # readable again: the backup's
        assert dialogs.of("crash") == [] and dialogs.of("error") == []
    finally:
        result.shutdown()


def test_no_backup_offers_to_choose_a_file(
        qapp: QApplication, app_paths: AppPaths, offered: dict[str, Any]) -> None:
    db = open_database(app_paths.database)
    with transaction(db.sessions) as session:
        load_demo(session)
    db.close()
    overwrite_pages(app_paths.database)
    assert start_app(app_paths, show=False) == EXIT_DATABASE_ERROR
    assert offered["newest"] is None
    assert "keine lesbare Sicherung gefunden" in offered["info"]
    assert sorted(offered["buttons"]) == ["&Beenden", "Sicherung &wählen …"]


def test_render_the_damaged_file_dialog(qtbot: QtBot, damaged_start: AppPaths, tmp_path: Path) -> None:
    paths = damaged_start
    newest = BackupFile(path=daily_backups(paths.database, paths.backup_dir)[-1], kind="täglich",
                        modified=datetime(2026, 12, 2, 17, 4, tzinfo=UTC))
    copy = paths.database.with_name(f"odn {DAMAGED_MARK} 2026-12-03 1530.sqlite")
    screen = QWidget()
    screen.resize(*SCREEN)
    qtbot.addWidget(screen)
    screen.show()
    prompt = backup_ui.damaged_database_box(screen, paths.database, copy, newest, paths.backup_dir)
    prompt.box.setWindowModality(Qt.WindowModality.NonModal)
    prompt.box.show()
    qtbot.waitExposed(prompt.box)
    size = prompt.box.frameGeometry().size()
    assert size.width() <= SCREEN[0] and size.height() <= SCREEN[1]
    assert prompt.box.icon() == QMessageBox.Icon.Critical
    image = QImage(*SCREEN, QImage.Format.Format_RGB32)  # the dialog as it opens on a 1366x768 screen
    image.fill(QColor(58, 110, 165))
    shot = prompt.box.grab()
    painter = QPainter(image)
    painter.drawPixmap((SCREEN[0] - shot.width()) // 2, (SCREEN[1] - shot.height()) // 3, shot)
    painter.end()
    RENDERS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(RENDERS / "storage-damaged-dialog.png"))
    prompt.box.close()
