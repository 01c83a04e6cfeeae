"""Issue 15, screen fit: the window within the screen's free area (the rectangle arithmetic with given screens;
the real window on the test screen, offscreen 800×800: first start and remembered geometry); the events page
giving the editor the width; the walk over every page and dialog at 1366×768 and 1280×720 (``fit_walk``, in a
process per screen size) and its checks, made to fail here."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QScrollArea, QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from tests.ui import fit_walk

from odn_desktop.domain.settings import WINDOW_GEOMETRY, Settings
from odn_desktop.services.rows import EventRow
from odn_desktop.store.open import Database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.models.registrations_columns import PILL_MARGIN, PILL_PADDING, Column, column_widths, status_width
from odn_desktop.ui.pages.events_page import (
    DATE_COLUMN,
    DEADLINE_COLUMN,
    FORMAT_COLUMN,
    SEATS_COLUMN,
    TITLE_COLUMN,
    EventsPage,
)
from odn_desktop.ui.shell import screen_fit
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 with a 40 px taskbar at the bottom
SCALED = QRect(0, 0, 1280, 680)  # 1920×1080 at 150 %
WIDE = QRect(0, 0, 1920, 1040)
SECOND = QRect(1920, 0, 1280, 984)  # a second screen right of the first, taskbar 40 px


def inside(rect: QRect, area: QRect) -> bool:
    return area.contains(rect.topLeft()) and area.contains(rect.bottomRight())


@pytest.mark.parametrize("screen", [LAPTOP, SCALED, WIDE, SECOND])
def test_a_saved_1500x900_window_is_clamped_to_the_free_area(screen: QRect) -> None:
    saved = QRect(screen.left() + 100, screen.top() + 50, 1500, 900)
    fitted = screen_fit.clamp_rect(saved, screen)
    assert inside(fitted, screen)
    assert fitted.width() == min(1500, screen.width()) and fitted.height() == min(900, screen.height())


def test_clamping_moves_an_off_screen_window_back_without_shrinking_it_more() -> None:
    assert screen_fit.clamp_rect(QRect(-400, -300, 800, 600), LAPTOP) == QRect(0, 0, 800, 600)
    assert screen_fit.clamp_rect(QRect(3000, 2000, 800, 600), LAPTOP) == QRect(566, 128, 800, 600)
    assert screen_fit.clamp_rect(QRect(3000, 100, 800, 600), SECOND) == QRect(2400, 100, 800, 600)  # right edge
    assert screen_fit.clamp_rect(QRect(100, 100, 800, 600), LAPTOP) == QRect(100, 100, 800, 600)  # fits: as is


@pytest.mark.parametrize("screen", [LAPTOP, SCALED])
def test_a_first_start_on_a_laptop_opens_maximized_with_a_normal_size_that_fits(screen: QRect) -> None:
    assert screen_fit.opens_maximized(screen)
    normal = screen_fit.default_rect(screen)
    frame = normal.adjusted(-8, -32, 8, 8)  # FRAME_ALLOWANCE around the client area
    assert inside(frame, screen)
    assert frame.width() <= screen.width() * 0.95 + 1 and frame.height() <= screen.height() * 0.95 + 1
    assert abs((frame.left() - screen.left()) - (screen.right() - frame.right())) <= 1  # centred


def test_a_first_start_on_a_large_screen_has_the_preferred_size_centred() -> None:
    assert not screen_fit.opens_maximized(WIDE)
    assert screen_fit.default_rect(WIDE).size() == QSize(1500, 900)
    assert inside(screen_fit.default_rect(WIDE).adjusted(-8, -32, 8, 8), WIDE)


def test_maximized_geometry_refuses_an_unknown_format() -> None:
    assert screen_fit.maximized_geometry(QByteArray(b"\x00" * 60)) is None
    assert screen_fit.maximized_geometry(QByteArray(b"")) is None


# -- the real window on the test screen ---------------------------------------------------------------------


def window(qtbot: QtBot, db: Database, settings: QSettings) -> WorkspaceWindow:
    win = WorkspaceWindow(AppContext(db), settings=settings)
    qtbot.addWidget(win)
    return win


def test_the_first_window_opens_within_the_screen(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    free = QApplication.primaryScreen().availableGeometry()
    win = window(qtbot, db, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    assert free.width() < 1516  # the test screen is smaller than the preferred window: a laptop's case
    assert win.isMaximized()
    assert inside(win.normalGeometry().adjusted(-8, -32, 8, 8), free)
    win.show()
    qtbot.waitExposed(win)
    assert inside(win.frameGeometry(), free)


def test_a_remembered_geometry_larger_than_the_screen_and_off_it_is_clamped(qtbot: QtBot, db: Database,
                                                                            tmp_path: Path) -> None:
    free = QApplication.primaryScreen().availableGeometry()
    other = QWidget()  # saved on a larger screen that is gone: 1500×900, far right and below
    other.setGeometry(QRect(free.right() + 400, free.bottom() + 200, 1500, 900))
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    Settings(settings).set(WINDOW_GEOMETRY, bytes(other.saveGeometry().data()))
    other.deleteLater()
    win = window(qtbot, db, settings)
    assert not win.isMaximized()
    assert win.width() <= free.width() and win.height() <= free.height()
    win.show()
    qtbot.waitExposed(win)
    assert inside(win.frameGeometry(), free), (win.frameGeometry(), free)


def test_a_window_maximized_when_closed_opens_maximized_again(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    first = window(qtbot, db, settings)
    first.show()
    qtbot.waitExposed(first)
    assert first.close()
    second = window(qtbot, db, settings)
    assert second.isMaximized()


# -- the checks of the walk, made to fail ----------------------------------------------------------------------


def test_the_check_finds_a_widget_reaching_out_of_its_dialog_and_a_cut_label(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setObjectName("probeDialog")
    dialog.resize(300, 200)
    outside = QPushButton("Weiter", dialog)
    outside.setGeometry(QRect(250, 150, 120, 30))  # 70 px beyond the right edge
    cut = QLabel("Anmeldeschluss 08.12.2026 23:59 (abgelaufen)", dialog)
    cut.setGeometry(QRect(10, 10, 60, 20))
    scroll = QScrollArea(dialog)
    scroll.setGeometry(QRect(10, 40, 200, 100))
    content = QWidget()
    content.resize(600, 600)  # larger than the scroll area: scrolled, not clipped
    QLabel("Inhalt, der gescrollt wird", content).move(400, 500)
    scroll.setWidget(content)
    dialog.show()
    problems = fit_walk.fit_problems(dialog, QRect(0, 0, 1366, 768))
    assert any("QPushButton 'Weiter'" in p and "reaches out" in p for p in problems), problems
    assert any("QLabel 'Anmeldeschluss" in p and "(cut)" in p for p in problems), problems
    assert not any("gescrollt" in p for p in problems)
    assert len(problems) == 2


def test_the_check_finds_a_wrapped_text_lower_than_it_needs_and_a_scrolling_tab_bar(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(400, 300)
    note = QLabel("Die Datei lädt man in Zoom beim Planen des Meetings unter „Breakout Room pre-assign“ hoch. " * 3,
                  dialog)
    note.setWordWrap(True)
    note.setGeometry(QRect(10, 10, 300, 30))
    tabs = QTabWidget(dialog)
    for title in ("Details", "Programm", "Referent:innen", "Runden", "Anmeldungen", "Aufgaben", "Raumplan"):
        tabs.addTab(QWidget(), title)
    tabs.setGeometry(QRect(10, 60, 300, 200))
    dialog.show()
    problems = fit_walk.fit_problems(dialog, QRect(0, 0, 1366, 768))
    assert any("QLabel 'Die Datei" in p and "wrapped text needs" in p for p in problems), problems
    assert any("its 7 tabs need scrolling" in p for p in problems), problems
    note.setGeometry(QRect(10, 10, 300, note.heightForWidth(300)))
    wide = tabs.tabBar().sizeHint().width() + 20
    dialog.resize(wide + 40, 300)
    tabs.setGeometry(QRect(10, 60, wide, 200))
    assert fit_walk.fit_problems(dialog, QRect(0, 0, 1366, 768)) == []


def test_the_check_finds_a_dialog_larger_than_the_screen(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(1200, 600)
    dialog.show()
    dialog.move(0, 0)
    assert fit_walk.fit_problems(dialog, QRect(0, 0, 1280, 720)) == []
    dialog.resize(1300, 700)
    (problem,) = fit_walk.fit_problems(dialog, QRect(0, 0, 1280, 720))
    assert "outside the screen's 1280×720" in problem


def registrant_table(qtbot: QtBot, width: int) -> QTableView:
    model = QStandardItemModel(3, 6)
    model.setHorizontalHeaderLabels(["Nachname", "Vorname", "Status", "Organisation", "Runde", "E-Mail"])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    for column, size in enumerate((150, 110, 120, 200, 150, 250)):
        table.setColumnWidth(column, size)
    table.resize(width, 300)
    table.show()
    return table


def test_the_check_finds_priority_columns_out_of_view_and_a_narrow_status(qtbot: QtBot) -> None:
    assert fit_walk.priority_columns_problems(registrant_table(qtbot, 640), status_texts=("Angemeldet",)) == []
    narrow = registrant_table(qtbot, 520)  # the organisation ends at 580
    (problem,) = fit_walk.priority_columns_problems(narrow)
    assert "'Organisation'" in problem and "not whole" in problem
    scrolled = registrant_table(qtbot, 640)
    scrolled.setColumnWidth(5, 900)
    scrolled.horizontalScrollBar().setValue(200)
    assert any("scrolled sideways" in p for p in fit_walk.priority_columns_problems(scrolled))
    tight = registrant_table(qtbot, 640)
    tight.setColumnWidth(2, 60)
    assert any("Status column 60 px" in p for p in fit_walk.priority_columns_problems(
        tight, status_texts=("Angemeldet", "Warteliste #12")))
    hidden = registrant_table(qtbot, 900)
    hidden.setColumnHidden(3, True)
    assert any("'Organisation' missing or hidden" in p for p in fit_walk.priority_columns_problems(hidden))


# -- the events page: the editor gets the width --------------------------------------------------------------


@pytest.fixture
def events_page(qtbot: QtBot, demo_db: Database) -> Iterator[EventsPage]:
    page = EventsPage(AppContext(demo_db))
    qtbot.addWidget(page)
    yield page
    page.ctx.undo_stack.clear()


#: the page's size in a maximized window at 1366×768 and 1280×720 (navigation, menu, tool and status bar off)
LAPTOP_PAGES = {"1366x768": (1190, 650), "1280x720": (1104, 600)}


@pytest.mark.parametrize("screen", LAPTOP_PAGES)
def test_on_a_laptop_the_list_shows_date_and_title_and_the_registrants_fit(
        qtbot: QtBot, events_page: EventsPage, demo_rows: list[EventRow], screen: str) -> None:
    events_page.resize(*LAPTOP_PAGES[screen])
    events_page.show()
    qtbot.waitExposed(events_page)
    events_page.reload()
    upcoming = max(demo_rows, key=lambda r: r.starts_at)
    events_page.open_event(upcoming.id, "registrations")
    qtbot.wait(20)
    view = events_page.view
    shown = [c for c in range(events_page.model.columnCount()) if not view.isColumnHidden(c)]
    assert shown == [DATE_COLUMN, TITLE_COLUMN]
    list_width, editor_width = events_page.splitter.sizes()
    assert editor_width > 2 * list_width
    assert view.columnWidth(TITLE_COLUMN) >= view.fontMetrics().horizontalAdvance("Open-Data-Netzwerktreffen")
    tab: Any = events_page.editor.registrations
    texts = fit_walk.status_texts(tab.model)
    assert {"Angemeldet", "Warteliste #3"} <= set(texts)
    assert fit_walk.priority_columns_problems(tab.table, status_texts=texts) == []
    assert fit_walk.fit_problems(events_page, QRect(0, 0, 1366, 768)) == []


def test_a_wide_screen_shows_every_column_of_the_list(qtbot: QtBot, events_page: EventsPage) -> None:
    events_page.resize(1760, 900)  # 1920×1080 at 100 %
    events_page.show()
    qtbot.waitExposed(events_page)
    events_page.reload()
    assert not any(events_page.view.isColumnHidden(c) for c in range(events_page.model.columnCount()))
    events_page.splitter.setSizes([300, 1400])  # narrowed by hand: the extra columns go, date and title stay
    qtbot.wait(10)
    assert [c for c in range(5) if events_page.view.isColumnHidden(c)] == [FORMAT_COLUMN, SEATS_COLUMN,
                                                                            DEADLINE_COLUMN]


def test_the_list_hides_and_comes_back_by_button_and_shortcut(qtbot: QtBot, events_page: EventsPage,
                                                              demo_rows: list[EventRow]) -> None:
    events_page.resize(1190, 650)
    events_page.show()
    qtbot.waitExposed(events_page)
    events_page.reload()
    events_page.open_event(demo_rows[0].id, "details")
    width = events_page.splitter.sizes()[0]
    editor_before = events_page.editor.width()
    assert events_page.hide_list_button.isVisible() and not events_page.show_list_button.isVisible()
    events_page.view.setFocus()
    qtbot.mouseClick(events_page.hide_list_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    assert not events_page.list_panel.isVisible()
    assert events_page.show_list_button.isVisible() and events_page.show_list_button.hasFocus()
    assert events_page.editor.width() > editor_before + width // 2
    assert events_page.show_list_button.accessibleName() == "Veranstaltungsliste einblenden"
    qtbot.mouseClick(events_page.show_list_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    assert events_page.list_panel.isVisible() and events_page.splitter.sizes()[0] == width
    assert not events_page.show_list_button.isVisible() and events_page.view.hasFocus()
    events_page.activateWindow()
    qtbot.keyClick(events_page.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert not events_page.list_panel.isVisible()
    qtbot.keyClick(events_page.show_list_button, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert events_page.list_panel.isVisible()
    events_page.set_list_visible(False)
    events_page.focus_search()  # Ctrl+F brings the list back for its search
    assert events_page.list_panel.isVisible() and events_page.search.hasFocus()


def test_the_title_tooltip_names_what_the_narrow_list_hides(events_page: EventsPage, december_row: EventRow) -> None:
    events_page.reload()
    row = events_page.model.row_of(december_row.id)
    assert row is not None
    tip = events_page.model.index(row, TITLE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Plätze: {december_row.registered} / 40" in tip and "Anmeldeschluss 01.12.2021" in tip


# -- every page and dialog on the laptop's screen (a process per screen size) ---------------------------------

#: what the walk must visit: a walk that skipped one would pass unseen
EXPECTED_VISITS = (
    [f"page-{key}" for key in ("overview", "events", "speakers", "contacts", "registrations", "wishes", "report")]
    + [f"event-{which}-{tab}" for which in ("upcoming", "december")
       for tab in ("details", "agenda", "speakers", "rounds", "registrations", "tasks", "rooms")]
    + ["event-upcoming-registrations-list-hidden"]
    + [f"dialog-{name}" for name in (
        "settings", "about", "manual", "mail", "privacy", "import-registrations", "import-attendance",
        "attendance-summary", "attendance-list-options", "print-preview", "certificates", "announcement",
        "duplicate", "round", "add-registrant", "send-mail", "import-report", "keep-contact", "wish-plan",
        "sync-settings", "sync-conflicts", "organizer", "promoted-notice", "unsaved-changes", "room-list-print")]
)


@pytest.mark.slow
@pytest.mark.parametrize("size", ["1366x768", "1280x720"])
def test_every_page_and_dialog_fits_the_laptop_screen(size: str, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "tests.ui.fit_walk", size, "--png", str(tmp_path)], cwd=root,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    width, height = (int(n) for n in size.split("x"))
    assert result["screen"] == [width, height]
    assert result["maximized"] and result["window"][0] <= width and result["window"][1] <= height
    assert sorted(result["visited"]) == sorted(EXPECTED_VISITS)
    assert result["problems"] == []
    assert result["qt_messages"] == []
    assert (tmp_path / "event-upcoming-registrations.png").stat().st_size > 10_000


def test_the_status_column_holds_the_widest_pill_whole() -> None:
    widths = column_widths(lambda text: 7 * len(text))
    assert widths[Column.STATUS] >= 7 * len("Warteliste #12") + PILL_PADDING + 2 * PILL_MARGIN
    assert status_width(lambda text: 7 * len(text)) == widths[Column.STATUS]


def test_a_hidden_event_list_stays_hidden_next_time(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    first = window(qtbot, demo_db, settings)
    first.show()
    first.ctx.ready.emit()
    first.show_page("events")
    first.events_page().set_list_visible(False)
    assert first.close()
    second = window(qtbot, demo_db, settings)
    second.show()
    second.ctx.ready.emit()
    page = second.events_page()
    assert not page.list_visible() and page.show_list_button.isVisibleTo(page)
    page.set_list_visible(True)  # comes back as wide as a first list
    assert page.list_visible() and page.splitter.sizes()[0] >= page.list_panel.minimumSizeHint().width()
    assert second.close()
    third = window(qtbot, demo_db, settings)
    third.show()
    third.ctx.ready.emit()
    assert third.events_page().list_visible()
