"""Windows habits, driven through the real window: right-click menus with the row's actions, double click opens,
the Del key deletes (undoably), a file dropped on the window or an event starts the matching import."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QMenu, QTableView, QTreeView, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import DialogRecorder

from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.events import list_event_rows
from odn_desktop.services.rows import EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import attendance_dialog, import_mapping_dialog
from odn_desktop.ui.editors.event import signal_guard
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.infra.table_actions import row_actions_of
from odn_desktop.ui.pages.contacts_page import ContactsPage
from odn_desktop.ui.pages.events_page import EventsPage
from odn_desktop.ui.pages.registrations_tab import RegistrationsTab
from odn_desktop.ui.shell.workspace_window import PAGES, WorkspaceWindow

#: WORKAROUND: the offscreen platform warns when a popup menu opens; nothing about our code.
POPUP_NOISE = r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))"


@pytest.fixture(autouse=True)
def true_refcount_guard() -> Iterator[None]:
    """WORKAROUND (see signal_guard): give back the references to True that shared code's emits lose."""
    before = sys.getrefcount(True)
    yield
    if signal_guard.LEAKS_TRUE:
        signal_guard.give_back_true(before - sys.getrefcount(True))


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database) -> WorkspaceWindow:
    window = WorkspaceWindow(AppContext(demo_db))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.ctx.ready.emit()
    return window


def events_page(window: WorkspaceWindow) -> EventsPage:
    window.show_page("events")
    return window.events_page()


def registrations_tab(page: EventsPage) -> RegistrationsTab:
    tab = page.editor.registrations
    assert isinstance(tab, RegistrationsTab)
    return tab


def coming_meeting(page: EventsPage) -> EventRow:
    return page.model.row_at(0)  # newest first: the demo's coming meeting (open, rounds, a waiting list)


def right_click(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex, choose: str | None = None) -> list[str]:
    """Right-click the cell, read the menu that opens ("-" a separator, "(aus)" after a disabled entry), then
    click ``choose`` in it or close it."""
    seen: list[str] = []

    def handle() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        for entry in menu.actions():
            text = "-" if entry.isSeparator() else entry.text().replace("&", "")
            seen.append(text if entry.isEnabled() else f"{text} (aus)")
        if choose is None:
            menu.close()
            return
        target = next(a for a in menu.actions() if a.text().replace("&", "") == choose)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(target).center())

    QTimer.singleShot(0, handle)
    viewport = view.viewport()
    position = view.visualRect(index).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=position)
    # what the platform sends after a right click (QTest's click alone does not)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position,
                                                       viewport.mapToGlobal(position)))
    assert seen, "no menu opened"
    return seen


def double_click(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    """Press, release, double click: what a person's double click sends (QTest's alone sends only the last)."""
    position = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)


# -- right-click menus ---------------------------------------------------------------------------------------


@pytest.mark.qt_log_ignore(POPUP_NOISE)
def test_the_registrant_table_menu_acts_on_the_row_clicked(qtbot: QtBot, window: WorkspaceWindow) -> None:
    page = events_page(window)
    coming = coming_meeting(page)
    page.open_event(coming.id, "registrations")
    tab = registrations_tab(page)
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).status == "registered")
    person = model.row_at(row)
    tab.table.selectRow((row + 1) % model.rowCount())  # another row is selected: the right click selects its own
    entries = right_click(qtbot, tab.table, model.index(row, 0))
    assert [r.id for r in tab.selected_rows()] == [person.id]
    assert entries[:2] == ["Kontakt öffnen", "-"]
    assert {"Stornieren", "Auf die Warteliste", "Teilnahme markieren", "In Runde verschieben …",
            "E-Mail an Auswahl …"} <= set(entries)
    assert "Von der Warteliste nachrücken (aus)" in entries  # a registered person cannot move up
    right_click(qtbot, tab.table, model.index(row, 0), choose="Auf die Warteliste")
    moved = next(r for r in model.all_rows() if r.id == person.id)
    assert moved.status == "waiting"
    assert window.ctx.undo_stack.undoText().startswith("Auf die Warteliste")
    window.ctx.undo_stack.undo()
    assert next(r for r in model.all_rows() if r.id == person.id).status == "registered"


@pytest.mark.qt_log_ignore(POPUP_NOISE)
def test_the_event_list_menu_and_double_click(qtbot: QtBot, window: WorkspaceWindow, kickoff_row: EventRow) -> None:
    page = events_page(window)
    row = page.model.row_of(kickoff_row.id)
    assert row is not None
    entries = right_click(qtbot, page.view, page.model.index(row, 1))
    assert page.current_event_id() == kickoff_row.id  # the right click chose the event
    assert entries == ["Öffnen", "-", "Anmeldungen anzeigen", "Duplizieren als nächstes Treffen", "-",
                       "Anmeldungen importieren …", "Teilnahme importieren …", "-", "Löschen"]
    right_click(qtbot, page.view, page.model.index(row, 1), choose="Anmeldungen anzeigen")
    assert page.editor.current_tab_name() == "registrations"
    double_click(qtbot, page.view, page.model.index(row, 1))
    assert page.editor.current_tab_name() == "details"
    assert window.focusWidget() is page.editor.details.ui.titleEdit


@pytest.mark.qt_log_ignore(POPUP_NOISE)
def test_the_programme_menu_moves_and_removes(qtbot: QtBot, window: WorkspaceWindow, december_row: EventRow) -> None:
    page = events_page(window)
    page.open_event(december_row.id, "agenda")
    agenda = page.editor.agenda
    titles = [r.title for r in agenda.model.rows()]
    entries = right_click(qtbot, agenda.view, agenda.model.index(1, 2))
    assert entries == ["Bearbeiten", "Nach oben", "Nach unten", "-", "Programmpunkt hinzufügen", "Entfernen"]
    right_click(qtbot, agenda.view, agenda.model.index(1, 2), choose="Nach oben")
    assert [r.title for r in agenda.model.rows()][:2] == [titles[1], titles[0]]
    right_click(qtbot, agenda.view, agenda.model.index(0, 2), choose="Entfernen")
    assert [r.title for r in agenda.model.rows()] == [titles[0], *titles[2:]]
    window.ctx.undo_stack.undo()
    window.ctx.undo_stack.undo()
    assert [r.title for r in agenda.model.rows()] == titles


def tables_of(widget: QWidget) -> list[QAbstractItemView]:
    return [v for v in widget.findChildren(QAbstractItemView) if isinstance(v, QTableView | QTreeView)
            and not isinstance(v.parent(), QAbstractItemView)]  # (not a combo box's popup list)


@pytest.mark.parametrize("key", [key for key, _title, _icon in PAGES if key != "report"])
def test_every_table_of_every_page_has_a_row_menu(window: WorkspaceWindow, key: str) -> None:
    """The Auswertung's figure tables are left out: they hold numbers to read, no row has an action."""
    window.show_page(key)
    page = window.page(key)
    views = tables_of(page)
    assert views, key
    missing = [v.objectName() or type(v).__name__ for v in views if row_actions_of(v) is None]
    assert missing == []


# -- double click opens --------------------------------------------------------------------------------------


def test_double_click_on_a_registrant_opens_the_person_in_kontakte(qtbot: QtBot, window: WorkspaceWindow,
                                                                  december_row: EventRow) -> None:
    page = events_page(window)
    page.open_event(december_row.id, "registrations")
    tab = registrations_tab(page)
    person = tab.model.row_at(2)
    contacts = window.page("contacts")
    assert isinstance(contacts, ContactsPage)
    contacts.search_edit.setText("zzqx")  # a search that hides the person is cleared
    double_click(qtbot, tab.table, tab.model.index(2, 1))
    assert window.current_page_key() == "contacts"
    assert contacts.current_id == person.contact_id
    assert contacts.contact_editor.ui.emailEdit.text() == person.email
    assert contacts.table.selectionModel().isRowSelected(contacts.model.row_of(person.contact_id) or 0)


# -- the Del key ---------------------------------------------------------------------------------------------


def press_delete(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)


def test_the_delete_key_deletes_in_the_focused_table_undoably(qtbot: QtBot, window: WorkspaceWindow,
                                                               demo_db: Database, december_row: EventRow,
                                                               kickoff_row: EventRow) -> None:
    page = events_page(window)
    # a programme item
    page.open_event(december_row.id, "agenda")
    agenda = page.editor.agenda
    first = agenda.model.row_at(0)
    agenda.select_item(first.id)
    press_delete(qtbot, agenda.view)
    assert first.id not in [r.id for r in agenda.model.rows()]
    assert len(page.model.visible_rows()) == 3  # not the whole event
    window.ctx.undo_stack.undo()
    with transaction(demo_db.sessions) as s:
        assert agenda_rows(s, december_row.id)[0][0].id == first.id
    # a registrant: cancelled, the seat freed
    coming = coming_meeting(page)
    page.open_event(coming.id, "registrations")
    tab = registrations_tab(page)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).status == "registered")
    person = tab.model.row_at(row)
    tab.table.selectRow(row)
    press_delete(qtbot, tab.table)
    assert next(r for r in tab.model.all_rows() if r.id == person.id).status == "cancelled"
    window.ctx.undo_stack.undo()
    assert next(r for r in tab.model.all_rows() if r.id == person.id).status == "registered"
    # an event in the list
    page.open_event(kickoff_row.id)
    press_delete(qtbot, page.view)
    assert page.model.row_of(kickoff_row.id) is None
    assert window.ctx.undo_stack.undoText() == f"Veranstaltung „{kickoff_row.title}“ löschen"
    window.ctx.undo_stack.undo()
    assert page.model.row_of(kickoff_row.id) is not None
    with transaction(demo_db.sessions) as s:
        assert kickoff_row.id in {r.id for r in list_event_rows(s)}


# -- dropped files -------------------------------------------------------------------------------------------

REGISTRATIONS_CSV = "Vorname;Nachname;E-Mail;Organisation\nAnna;Becker;anna.becker@kiel.example;Stadt Kiel\n"
ZOOM_REPORT = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n"
    "Anna Becker,anna.becker@kiel.example,12/02/2021 09:58:00 AM,12/02/2021 11:30:00 AM,92,Yes\r\n"
)


@pytest.fixture
def opened_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, uuid.UUID]]:
    """Each import dialog the drop opened (its kind and event), then cancelled."""
    opened: list[tuple[str, uuid.UUID]] = []

    def record(dialog: QDialog) -> int:
        opened.append((dialog.objectName() or type(dialog).__name__, dialog._event_id))  # type: ignore[attr-defined]
        dialog.deleteLater()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(import_mapping_dialog, "exec_dialog", record)
    monkeypatch.setattr(attendance_dialog, "exec_dialog", record)
    return opened


def drop(target: QWidget, path: Path, at: QPoint) -> bool:
    """Drag ``path`` over ``target`` and drop it at ``at``; True when the target took the drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(at, actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, move)
    dropped = QDropEvent(QPointF(at), actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, dropped)
    return dropped.isAccepted()


def wait_for(qtbot: QtBot, condition: Callable[[], Any]) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=3000)


def test_a_registration_list_dropped_on_the_window_opens_its_import(qtbot: QtBot, window: WorkspaceWindow,
                                                                    tmp_path: Path, kickoff_row: EventRow,
                                                                    opened_dialogs: list[tuple[str, uuid.UUID]]
                                                                    ) -> None:
    page = events_page(window)
    page.open_event(kickoff_row.id)
    window.show_page("contacts")  # dropped anywhere on the window: the event open in the editor
    path = tmp_path / "Anmeldungen Webformular.csv"
    path.write_text(REGISTRATIONS_CSV, encoding="utf-8")
    assert drop(window, path, QPoint(700, 400))
    wait_for(qtbot, lambda: opened_dialogs)
    assert opened_dialogs == [("ImportMappingDialog", kickoff_row.id)]
    picture = tmp_path / "Foto.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert not drop(window, picture, QPoint(700, 400))  # not an import file: refused while dragging


def test_an_attendance_report_dropped_on_an_event_opens_the_attendance_import(
        qtbot: QtBot, window: WorkspaceWindow, tmp_path: Path, december_row: EventRow, kickoff_row: EventRow,
        opened_dialogs: list[tuple[str, uuid.UUID]]) -> None:
    page = events_page(window)
    page.open_event(kickoff_row.id)
    path = tmp_path / "participants_81234567890.csv"
    path.write_text(ZOOM_REPORT, encoding="utf-8")
    row = page.model.row_of(december_row.id)
    assert row is not None
    assert drop(page.view.viewport(), path, page.view.visualRect(page.model.index(row, 1)).center())
    wait_for(qtbot, lambda: opened_dialogs)
    assert opened_dialogs == [("AttendanceDialog", december_row.id)]
    assert page.current_event_id() == december_row.id  # the event it was dropped on is shown
    assert page.editor.current_tab_name() == "registrations"


def test_a_drop_without_an_event_says_what_to_do(qtbot: QtBot, db: Database, tmp_path: Path,
                                                 dialogs: DialogRecorder,
                                                 opened_dialogs: list[tuple[str, uuid.UUID]]) -> None:
    window = WorkspaceWindow(AppContext(db))
    qtbot.addWidget(window)
    window.show()
    window.ctx.ready.emit()
    path = tmp_path / "Anmeldungen.csv"
    path.write_text(REGISTRATIONS_CSV, encoding="utf-8")
    assert drop(window, path, QPoint(300, 300))
    wait_for(qtbot, lambda: dialogs.of("user_error"))
    [(_parent, message)] = dialogs.of("user_error")
    assert message.startswith("Bitte wählen Sie zuerst unter „Veranstaltungen“ die Veranstaltung aus")
    assert "„Anmeldungen.csv“" in message and opened_dialogs == []


def test_double_click_on_a_person_puts_the_cursor_into_the_editor(qtbot: QtBot, window: WorkspaceWindow) -> None:
    window.show_page("contacts")
    contacts = window.page("contacts")
    assert isinstance(contacts, ContactsPage)
    double_click(qtbot, contacts.table, contacts.model.index(1, 0))
    assert contacts.current_id == contacts.model.row_at(1).id
    focus = window.focusWidget()
    assert focus is not None and contacts.editor.isAncestorOf(focus) and focus.isEnabled()


@pytest.mark.qt_log_ignore(POPUP_NOISE)
def test_the_task_menu_ticks_a_task_off(qtbot: QtBot, window: WorkspaceWindow) -> None:
    page = events_page(window)
    page.open_event(coming_meeting(page).id, "tasks")
    tasks = page.editor.tasks
    row = next(r for r in range(tasks.model.rowCount()) if not tasks.model.row_at(r).done)
    task = tasks.model.row_at(row)
    entries = right_click(qtbot, tasks.view, tasks.model.index(row, 1))
    assert entries == ["Erledigt", "-", "Aufgabe hinzufügen", "Entfernen"]
    right_click(qtbot, tasks.view, tasks.model.index(row, 1), choose="Erledigt")
    assert next(r for r in tasks.model.rows() if r.id == task.id).done
    window.ctx.undo_stack.undo()
    assert not next(r for r in tasks.model.rows() if r.id == task.id).done
