"""Issue 15's defects of the walk-through, each driven through the real widgets (mouse and keyboard)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.ui.conftest import DialogRecorder
from tests.ui.test_events_page import Answers, agenda_titles, make_page

from odn_desktop.services.rows import EventRow
from odn_desktop.store.open import Database
from odn_desktop.ui.event_editor import signal_guard
from odn_desktop.ui.event_editor.agenda_model import AgendaColumn
from odn_desktop.ui.pages.events_page import EventsPage


@pytest.fixture(autouse=True)
def true_refcount_guard() -> Iterator[None]:
    """WORKAROUND (see signal_guard): give back the references to True that shared code's emits lose."""
    before = sys.getrefcount(True)
    yield
    if signal_guard.LEAKS_TRUE:
        signal_guard.give_back_true(before - sys.getrefcount(True))


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """No real question box ever opens; unexpected questions are answered "cancel"."""
    return Answers(monkeypatch)


@pytest.fixture
def page(qtbot: QtBot, demo_db: Database) -> EventsPage:
    return make_page(qtbot, demo_db)


def click_agenda_row(qtbot: QtBot, page: EventsPage, row: int) -> None:
    view = page.editor.agenda.view
    rect = view.visualRect(page.editor.agenda.model.index(row, AgendaColumn.TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# -- Programm tab: the buttons follow a mouse click ------------------------------------------------------------


def test_a_mouse_click_on_an_agenda_item_enables_its_buttons(qtbot: QtBot, page: EventsPage,
                                                             december_row: EventRow) -> None:
    page.open_event(december_row.id, "agenda")
    agenda = page.editor.agenda
    assert agenda.model.rowCount() == 4
    assert not agenda.remove_button.isEnabled()
    click_agenda_row(qtbot, page, 1)  # the mouse, as the coordinator did
    assert agenda.remove_button.isEnabled() and agenda.up_button.isEnabled() and agenda.down_button.isEnabled()
    click_agenda_row(qtbot, page, 3)
    assert agenda.remove_button.isEnabled() and agenda.up_button.isEnabled()
    assert not agenda.down_button.isEnabled()  # the last item cannot go further down
    click_agenda_row(qtbot, page, 0)
    assert not agenda.up_button.isEnabled() and agenda.down_button.isEnabled()
    # and the buttons do what they say, after the mouse
    second = agenda_titles(page)[1]
    qtbot.mouseClick(agenda.down_button, Qt.MouseButton.LeftButton)
    assert agenda_titles(page)[1] != second and agenda_titles(page)[0] == second
    assert agenda.current_row() == 1 and agenda.up_button.isEnabled()


# -- undoing "Neue Veranstaltung" while it is open -------------------------------------------------------------


def test_undoing_a_new_event_closes_it_quietly(qtbot: QtBot, page: EventsPage, dialogs: DialogRecorder) -> None:
    before = [r.id for r in page.model.visible_rows()]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    new_id = page.current_event_id()
    assert new_id is not None and page.editor.event_id == new_id
    page.editor.show_tab("agenda")  # the tabs that reload on "events" all see the undo
    page.ctx.undo_stack.undo()
    assert dialogs.calls == []  # no "Die Veranstaltung 8290f341-… gibt es nicht (mehr)." (it came twice)
    assert [r.id for r in page.model.visible_rows()] == before
    shown = page.current_event_id()  # the neighbour in the list takes over, as after a delete
    assert shown in before and page.editor.event_id == shown
    assert page.editor.details.ui.titleEdit.text() == page.model.row_at(page.model.row_of(shown) or 0).title
    page.ctx.undo_stack.redo()  # the same draft again, nothing said either
    assert page.model.row_of(new_id) is not None and dialogs.calls == []


def test_undoing_a_new_event_from_another_page_forgets_it(qtbot: QtBot, page: EventsPage,
                                                          dialogs: DialogRecorder) -> None:
    page.new_event()
    new_id = page.current_event_id()
    page.hide()  # the coordinator went to another page, then pressed Ctrl+Z
    page.ctx.undo_stack.undo()
    assert dialogs.calls == [] and page.current_event_id() not in (None, new_id)
    assert page.editor.event_id == page.current_event_id()
