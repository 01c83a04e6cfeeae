"""Datei menu: restore a backup, open the data folder; the About dialog; the daily backup at start-up."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from odn_desktop import __version__
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.paths import AppPaths
from odn_desktop.services.events import delete_event, list_event_rows, restore_event
from odn_desktop.store.backups import daily_backup, daily_backups, list_backups
from odn_desktop.store.migrate import migrate
from odn_desktop.store.open import Database, open_database
from odn_desktop.store.revision import HEAD_REVISION, current_revision
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.shell import backup_ui
from odn_desktop.ui.shell.app import StartedApp, start_app
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow


@pytest.fixture
def paths(demo_db: Database, tmp_path: Path) -> AppPaths:
    return AppPaths(database=demo_db.path, data_dir=demo_db.path.parent, log_dir=tmp_path / "Protokolle ä",
                    backup_dir=demo_db.path.parent / "backups")


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, paths: AppPaths, tmp_path: Path) -> Iterator[WorkspaceWindow]:
    ctx = AppContext(demo_db, paths)
    win = WorkspaceWindow(ctx, paths, settings=QSettings(str(tmp_path / "ws.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    ctx.ready.emit()
    yield win
    ctx.undo_stack.clear()
    if ctx.db is not None and ctx.db is not demo_db:
        ctx.db.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The replaced dialogs: what they answer and what they were asked."""
    state: dict[str, Any] = {"file": None, "confirm": True, "asked": [], "opened": [], "about": []}

    def choose(_parent: Any, folder: Path) -> Path | None:
        state["asked"].append(("choose", folder))
        return state["file"]

    def confirm(_parent: Any, backup: Path, database: Path) -> bool:
        state["asked"].append(("confirm", backup, database))
        return bool(state["confirm"])

    monkeypatch.setattr(backup_ui, "choose_backup_file", choose)
    monkeypatch.setattr(backup_ui, "confirm_restore", confirm)
    monkeypatch.setattr(backup_ui, "open_folder", lambda folder: state["opened"].append(folder) or True)
    monkeypatch.setattr(backup_ui, "show_about_box", lambda *args: state["about"].append(args))
    return state


def file_menu(window: WorkspaceWindow) -> QMenu:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return menu


def action(window: WorkspaceWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None
    return found


def titles(ctx: AppContext) -> list[str]:
    return [row.title for row in ctx.read(list_event_rows)]


def test_actions_sit_in_the_file_menu_before_quit(window: WorkspaceWindow) -> None:
    texts = [a.text() if not a.isSeparator() else "-" for a in file_menu(window).actions()]
    restore = texts.index("Sicherung &wiederherstellen …")
    assert texts[restore - 1] == "-"
    assert texts[restore + 1:] == ["&Datenordner öffnen", "-", window.quit_action.text()]


def test_restore_puts_the_backup_back_and_keeps_the_state_before(
    window: WorkspaceWindow, paths: AppPaths, answers: dict[str, Any], dialogs: Any
) -> None:
    ctx = window.ctx
    backup = daily_backup(paths.database, paths.backup_dir)
    assert backup is not None
    in_backup = titles(ctx)
    event_id = ctx.read(list_event_rows)[0].id
    assert ctx.push(ServiceCommand(ctx, "Veranstaltung löschen", do=lambda s: delete_event(s, event_id).id,
                                   undo=lambda s, eid: restore_event(s, eid), kinds=("events",)))
    assert len(titles(ctx)) == len(in_backup) - 1
    window.show_page("events")
    assert window.events_page().model.rowCount() == len(in_backup) - 1
    old_db = ctx.db
    answers["file"] = backup

    action(window, "restoreBackupAction").trigger()

    assert answers["asked"] == [("choose", paths.backup_dir), ("confirm", backup, paths.database)]
    assert ctx.db is not old_db and ctx.db is not None and ctx.db.path == paths.database
    assert titles(ctx) == in_backup
    assert window.events_page().model.rowCount() == len(in_backup)  # the page shows the restored data
    assert ctx.undo_stack.count() == 0  # its commands referred to the state before
    before = [b.path for b in list_backups(paths.backup_dir) if b.kind == "vor Wiederherstellung"]
    assert len(before) == 1
    conn = sqlite3.connect(before[0])
    try:
        live = conn.execute("SELECT count(*) FROM event WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()
    assert live == len(in_backup) - 1  # the deletion is kept in the backup of the state before
    (_parent, title, message), = dialogs.of("information")
    assert title == "Sicherung wiederhergestellt" and before[0].name in message
    assert dialogs.of("user_error") == []


def test_cancelled_restore_changes_nothing(window: WorkspaceWindow, paths: AppPaths, answers: dict[str, Any],
                                           demo_db: Database) -> None:
    backup = daily_backup(paths.database, paths.backup_dir)
    answers["file"], answers["confirm"] = backup, False
    action(window, "restoreBackupAction").trigger()
    assert window.ctx.db is demo_db
    assert [b.kind for b in list_backups(paths.backup_dir)] == ["täglich"]
    answers["file"] = None  # no file chosen
    action(window, "restoreBackupAction").trigger()
    assert [a[0] for a in answers["asked"]] == ["choose", "confirm", "choose"]


def test_a_refused_file_is_reported_and_the_database_stays_usable(
    window: WorkspaceWindow, answers: dict[str, Any], tmp_path: Path, dialogs: Any
) -> None:
    before = titles(window.ctx)
    bad = tmp_path / "keine Sicherung.sqlite"
    bad.write_text("Hallo", encoding="utf-8")
    answers["file"] = bad
    action(window, "restoreBackupAction").trigger()
    (_parent, message), = dialogs.of("user_error")
    assert str(bad) in message
    assert titles(window.ctx) == before  # the closed engine simply reconnects


def test_a_backup_of_an_older_version_is_migrated_after_the_restore(
    window: WorkspaceWindow, paths: AppPaths, answers: dict[str, Any], tmp_path: Path, dialogs: Any
) -> None:
    older = tmp_path / "Sicherung alt.sqlite"
    migrate(older, target="0002")
    answers["file"] = older
    action(window, "restoreBackupAction").trigger()
    assert dialogs.of("user_error") == []
    assert current_revision(paths.database) == HEAD_REVISION
    assert titles(window.ctx) == []  # the (empty) backup's data
    kinds = sorted(b.kind for b in list_backups(paths.backup_dir))
    assert kinds == ["vor Migration", "vor Wiederherstellung"]


def test_open_data_folder(window: WorkspaceWindow, paths: AppPaths, answers: dict[str, Any]) -> None:
    action(window, "openDataFolderAction").trigger()
    assert answers["opened"] == [paths.database.parent]


def test_about_dialog_shows_version_and_paths(window: WorkspaceWindow, paths: AppPaths,
                                              answers: dict[str, Any], dialogs: Any) -> None:
    daily_backup(paths.database, paths.backup_dir)
    window.about_action.trigger()
    (_parent, title, text, folder), = answers["about"]
    assert title == "Über odn-desktop"
    assert f"odn-desktop {__version__}" in text
    for path in (paths.database, paths.data_dir, paths.log_dir, paths.backup_dir):
        assert str(path) in text
    assert "Python 3." in text and "Qt 6." in text
    assert "1 Sicherung: " in text
    assert folder == paths.database.parent


def test_daily_backup_at_start_once_a_day(qapp: QApplication, app_paths: AppPaths, qtbot: QtBot) -> None:
    started = start_app(app_paths, demo=True, show=False)  # a new file: nothing to back up yet
    assert isinstance(started, StartedApp)
    started.shutdown()
    assert daily_backups(app_paths.database, app_paths.backup_dir) == []
    for demo in (False, True):  # the everyday start (database opened after the first paint), then a second one
        started = start_app(app_paths, demo=demo)
        assert isinstance(started, StartedApp)
        started.window.repaint()
        qapp.processEvents()
        qapp.processEvents()
        qtbot.waitUntil(lambda s=started: s.ctx.is_ready, timeout=30_000)  # (the database layer may load on a thread)
        started.shutdown()
    today = datetime.now(UTC).astimezone(BERLIN).date().isoformat()
    assert [p.name for p in daily_backups(app_paths.database, app_paths.backup_dir)] == [
        f"{app_paths.database.stem}-{today}.sqlite"]


def test_a_failing_daily_backup_does_not_stop_the_start(qapp: QApplication, app_paths: AppPaths) -> None:
    open_database(app_paths.database).close()
    app_paths.backup_dir.write_text("eine Datei, wo der Ordner sein sollte", encoding="utf-8")
    started = start_app(app_paths, demo=True, show=False)
    assert isinstance(started, StartedApp)
    started.shutdown()
    assert "daily backup of" in app_paths.log_file.read_text(encoding="utf-8")
