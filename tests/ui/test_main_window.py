"""The first main window over the demo database: listing, search, status bar, menus, geometry, rendering."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from odn_desktop.paths import AppPaths
from odn_desktop.services.rows import EventRow
from odn_desktop.store.open import Database
from odn_desktop.ui.events_model import Column
from odn_desktop.ui.main_window import MainWindow

#: Set to a file name to keep a copy of the rendered window (e.g. /tmp/odn-mainwindow.png) for a human look.
SCREENSHOT_ENV = "ODN_UI_SCREENSHOT"


def open_window(qtbot: QtBot, db: Database, paths: AppPaths | None = None) -> MainWindow:
    window = MainWindow(db, paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database) -> MainWindow:
    return open_window(qtbot, demo_db)


def shown(window: MainWindow, column: Column) -> list[str]:
    proxy = window.proxy
    return [str(proxy.data(proxy.index(r, column))) for r in range(proxy.rowCount())]


def search(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    window.search_edit.clear()
    if text.isascii():
        qtbot.keyClicks(window.search_edit, text)
    else:  # WORKAROUND: QTest's key simulation aborts (Q_ASSERT in qasciikey.cpp) on non-ASCII characters
        window.search_edit.setText(text)
    return shown(window, Column.TITLE)


def test_title_names_the_database_file(window: MainWindow, demo_db: Database) -> None:
    assert window.windowTitle() == f"odn-desktop – {demo_db.path.name}"


def test_lists_the_december_meeting_with_its_seats(window: MainWindow, december_row: EventRow) -> None:
    titles, dates = shown(window, Column.TITLE), shown(window, Column.DATE)
    row = next(i for i, (t, d) in enumerate(zip(titles, dates, strict=True))
               if t == "Open-Data-Netzwerktreffen" and d == "Do 02.12.2021 10:00")
    proxy = window.proxy
    assert proxy.data(proxy.index(row, Column.SEATS)) == f"{december_row.registered} / {december_row.seat_limit}"
    assert proxy.data(proxy.index(row, Column.WAITING)) == str(december_row.waiting)
    assert proxy.data(proxy.index(row, Column.FREE)) == str(december_row.free_seats)
    assert proxy.data(proxy.index(row, Column.SEAT_STATUS)) == str(december_row.seat_status)
    assert window.visible_rows()[row] == december_row


def test_rows_are_sorted_by_date_and_the_table_sorts_on_click(window: MainWindow) -> None:
    assert shown(window, Column.DATE) == ["Do 14.10.2021 10:00", "Do 02.12.2021 10:00"]
    window.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
    assert shown(window, Column.DATE) == ["Do 02.12.2021 10:00", "Do 14.10.2021 10:00"]


def test_status_bar_counts_events_and_shows_the_database(window: MainWindow, demo_db: Database) -> None:
    assert window.count_label.text() == "2 Veranstaltungen"
    assert str(demo_db.path) in window.path_label.text()


def test_search_auftakt_finds_only_the_kickoff(qtbot: QtBot, window: MainWindow, kickoff_row: EventRow) -> None:
    assert search(qtbot, window, "auftakt") == [kickoff_row.title]
    assert window.count_label.text() == "1 von 2 Veranstaltungen"
    window.search_edit.clear()
    assert len(shown(window, Column.TITLE)) == 2
    assert window.count_label.text() == "2 Veranstaltungen"


def test_search_by_speaker_finds_the_december_meeting(qtbot: QtBot, window: MainWindow,
                                                      december_row: EventRow) -> None:
    assert search(qtbot, window, "manz") == [december_row.title]
    assert search(qtbot, window, "Arndt") == [december_row.title]


def test_search_by_speaker_organisation_finds_the_december_meeting(qtbot: QtBot, window: MainWindow,
                                                                   december_row: EventRow) -> None:
    assert search(qtbot, window, "düsseldorf") == [december_row.title]


def test_ctrl_f_focuses_the_search(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.table.setFocus()
    window.find_action.trigger()
    qtbot.waitUntil(window.search_edit.hasFocus)


def test_empty_database_says_how_to_get_demo_data(qtbot: QtBot, db: Database) -> None:
    window = open_window(qtbot, db)
    assert window.model.rowCount() == 0
    assert "odn-desktop --demo" in window.count_label.text()


def test_about_shows_version_and_paths(window: MainWindow, demo_db: Database, dialogs: Any,
                                       app_paths: AppPaths) -> None:
    window.paths = app_paths
    window.about_action.trigger()
    (parent, title, text), = dialogs.of("about")
    assert parent is window
    assert title == "Über odn-desktop"
    assert "odn-desktop " in text and str(demo_db.path) in text
    assert str(app_paths.log_dir) in text


def test_menus_and_quit(qtbot: QtBot, window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Datei", "&Hilfe"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_geometry_is_saved_and_restored(qtbot: QtBot, demo_db: Database) -> None:
    first = open_window(qtbot, demo_db)
    first.resize(700, 450)
    first.close()
    assert QSettings().value("MainWindow/geometry") is not None
    second = open_window(qtbot, demo_db)
    assert (second.width(), second.height()) == (700, 450)


def test_rendered_window_is_not_blank(window: MainWindow, tmp_path: Path) -> None:
    window.resize(1440, 400)
    target = tmp_path / "odn-mainwindow.png"
    assert window.grab().save(str(target))
    image = QImage(str(target))
    assert not image.isNull() and image.width() >= 1000 and image.height() >= 300
    colors = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colors) > 10
    if os.environ.get(SCREENSHOT_ENV):
        shutil.copyfile(target, os.environ[SCREENSHOT_ENV])
