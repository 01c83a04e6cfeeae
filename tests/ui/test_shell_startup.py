"""The light start as the coordinator sees it: the window paints first, the database opens after, and then the
page she was on shows its data (not a "Lade …" placeholder); an error opening the database after the window is
up is shown and ends the program with exit code 2."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.paths import AppPaths
from odn_desktop.store.open import Database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell import workspace_window
from odn_desktop.ui.shell.app import EXIT_DATABASE_ERROR, StartedApp, ensure_application, start_app


@pytest.fixture
def remembered_page(qapp: QApplication, isolated_settings: Path) -> Iterator[QSettings]:
    ensure_application()  # the organisation and application names the window's QSettings() uses
    settings = QSettings()
    yield settings
    settings.clear()


def _rows_shown(page: QWidget) -> bool:
    return any(view.isVisible() and view.model() is not None and view.model().rowCount() > 0
               for view in page.findChildren(QAbstractItemView))


def _start(qapp: QApplication, paths: AppPaths, qtbot: QtBot) -> StartedApp:
    started = start_app(paths)
    assert isinstance(started, StartedApp)
    assert started.ctx.db is None  # the window comes first ...
    with qtbot.waitSignal(started.ctx.ready, timeout=30_000):  # ... the database after its first paint
        pass
    return started


@pytest.mark.parametrize("last_page", ["overview", "events", "registrations"])
def test_the_page_shown_at_start_gets_its_data_once_the_database_is_open(
        qapp: QApplication, existing_database: AppPaths, qtbot: QtBot, remembered_page: QSettings,
        last_page: str) -> None:
    remembered_page.setValue("window/page", last_page)
    started = _start(qapp, existing_database, qtbot)
    try:
        window = started.window
        assert window.current_page_key() == last_page
        assert window.nav.currentRow() == window.stack.currentIndex()
        page = window.stack.currentWidget()
        assert page is window.pages[last_page], "the placeholder is still shown"
        assert not isinstance(page, QLabel)
        assert page.isVisible()
        qtbot.waitUntil(lambda: _rows_shown(page), timeout=10_000)  # loaded once (not again by the window)
    finally:
        started.shutdown()


def test_the_start_moves_the_old_settings_keys_once(qapp: QApplication, existing_database: AppPaths, qtbot: QtBot,
                                                     remembered_page: QSettings) -> None:
    from odn_desktop.domain.settings import CURRENT_VERSION

    remembered_page.setValue("Workspace/page", "registrations")  # as the window wrote it before settings/version
    started = _start(qapp, existing_database, qtbot)
    try:
        assert started.window.current_page_key() == "registrations"
        assert not remembered_page.contains("Workspace/page")
        assert int(remembered_page.value("settings/version")) == CURRENT_VERSION
    finally:
        started.shutdown()


def test_the_start_page_is_loaded_once(qapp: QApplication, existing_database: AppPaths, qtbot: QtBot,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from odn_desktop.ui.pages import dashboard_page

    loads: list[object] = []
    original = dashboard_page.DashboardPage.reload

    def counted(self: dashboard_page.DashboardPage) -> None:
        loads.append(self)
        original(self)

    monkeypatch.setattr(dashboard_page.DashboardPage, "reload", counted)
    started = _start(qapp, existing_database, qtbot)
    try:
        qtbot.wait(50)  # anything queued after ``ready`` has run
        assert loads == [started.window.pages["overview"]]
    finally:
        started.shutdown()


def test_navigation_after_the_start_shows_the_chosen_page(qapp: QApplication, existing_database: AppPaths,
                                                          qtbot: QtBot) -> None:
    started = _start(qapp, existing_database, qtbot)
    try:
        window = started.window
        for n, key in enumerate(("speakers", "events", "overview", "contacts")):
            window.show_page(key)
            assert window.current_page_key() == key, n
            assert window.stack.currentWidget() is window.pages[key]
    finally:
        started.shutdown()


def test_a_database_error_after_the_window_is_up_is_shown_and_ends_with_code_2(
        qapp: QApplication, existing_database: AppPaths, qtbot: QtBot, dialogs: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import odn_desktop.store.open as store_open

    def broken(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_open, "open_database", broken)
    exits: list[int] = []
    monkeypatch.setattr(qapp, "exit", exits.append)  # no event loop runs here: a real exit() would leak on
    started = start_app(existing_database)
    assert isinstance(started, StartedApp)
    try:
        qtbot.waitUntil(lambda: started.exit_code is not None, timeout=30_000)
        assert started.exit_code == EXIT_DATABASE_ERROR
        assert exits == [EXIT_DATABASE_ERROR]  # the event loop ends with code 2 (run_gui returns it)
        (_parent, title, text), = dialogs.of("error")
        assert title == "Datenbank kann nicht geöffnet werden"
        assert text.startswith("Die Datenbankdatei konnte nicht gelesen oder geschrieben werden (Fehler beim "
                               "Zugriff auf den Datenträger).")  # the I/O error in German (store.faults)
        assert str(existing_database.database) in text
        assert not started.ctx.is_ready
    finally:
        started.shutdown()


def test_up_to_the_window_nothing_heavy_is_loaded(existing_database: AppPaths, tmp_path: Path) -> None:
    """Start-up to a built window: no database layer, no spreadsheet library, and not the ``Qt`` namespace's
    enums (PySide6 builds all ~95 of them on first use, ~12 ms: a tenth of the time to the first paint)."""
    script = textwrap.dedent(f"""
        import enum, sys
        made = []
        create = enum.EnumType._create_
        def spy(cls, name, *args, **kwargs):
            made.append(name)
            return create(cls, name, *args, **kwargs)
        enum.EnumType._create_ = spy
        from PySide6.QtCore import QSettings
        from odn_desktop.paths import AppPaths
        from odn_desktop.ui.shell.app import StartedApp, start_app
        from pathlib import Path
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(tmp_path / "qs")!r})
        paths = AppPaths(database=Path({str(existing_database.database)!r}), data_dir=Path({str(tmp_path)!r}),
                         log_dir=Path({str(tmp_path / "logs")!r}), backup_dir=Path({str(tmp_path / "b")!r}))
        started = start_app(paths, show=False)
        assert isinstance(started, StartedApp)
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic", "openpyxl"))
        print(heavy, "AlignmentFlag" in made, "odn_desktop.ui.dialogs.sync_ui" in sys.modules)
        started.shutdown()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "[] False False"


def test_enum_values_set_by_value_match_qt() -> None:
    set_by_value = (workspace_window.ALIGN_CENTER, workspace_window.TEXT_BESIDE_ICON,
                    workspace_window.WIDGET_WITH_CHILDREN_SHORTCUT)
    assert set_by_value == (Qt.AlignmentFlag.AlignCenter.value, Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value,
                            Qt.ShortcutContext.WidgetWithChildrenShortcut.value)


def test_the_window_properties_set_by_value_took_effect(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    window = workspace_window.WorkspaceWindow(
        AppContext(db), settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.toolbar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert window.delete_action.shortcutContext() is Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert window.new_event_action.shortcut().toString() == "Ctrl+N"
    assert [k.toString() for k in window.redo_action.shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    holder = window.stack.widget(4)  # not built yet: "Alle Anmeldungen"
    assert isinstance(holder, QLabel) and holder.alignment() == Qt.AlignmentFlag.AlignCenter
    window.show()
    qtbot.waitUntil(lambda: window.sync_label is not None)  # added after the first paint
    assert [a.objectName() for a in window.extras_menu.actions()[:3]] == [
        "syncAction", "syncSettingsAction", "syncConflictsAction"]
    assert window.sync_actions[0] in window.toolbar.actions()
