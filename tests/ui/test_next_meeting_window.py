"""The next meeting in the window: the duplicate dialog driven by keyboard and mouse, the copy opened with its
copied-description note, the start moved in the editor with end, deadline, dispatch and tasks along, and undo."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt, QTime
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import BERLIN, to_berlin
from odn_desktop.services.event_editing import event_form, list_task_rows
from odn_desktop.services.events import get_event, list_event_rows
from odn_desktop.services.next_meeting import DuplicateSource
from odn_desktop.services.rows import EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import duplicate_dialog
from odn_desktop.ui.dialogs.duplicate_dialog import DuplicateDialog, NextMeetingChoice
from odn_desktop.ui.editors.event import details_tab, signal_guard
from odn_desktop.ui.editors.event.wall_time import to_wall
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages.events_page import EventsPage

RENDERS = Path(os.environ.get("ODN_RENDERS", "/work/notes/renders"))
SCREEN = (1366, 768)


@pytest.fixture(autouse=True)
def true_refcount_guard() -> Iterator[None]:
    """WORKAROUND (see signal_guard): give back the references to True that shared code's emits lose."""
    before = sys.getrefcount(True)
    yield
    if signal_guard.LEAKS_TRUE:
        signal_guard.give_back_true(before - sys.getrefcount(True))


@pytest.fixture
def german_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def page(qtbot: QtBot, demo_db: Database, german_locale: None) -> EventsPage:
    page = EventsPage(AppContext(demo_db))
    qtbot.addWidget(page)
    page.resize(*SCREEN)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.reload()
    return page


def fill_dialog(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, day: QDate, title: str | None,
                untick: tuple[str, ...] = ()) -> list[DuplicateDialog]:
    """The real dialog: a date typed, the title replaced, parts unticked by mouse, OK clicked."""
    seen: list[DuplicateDialog] = []

    def ask(parent: QWidget | None, source: DuplicateSource) -> NextMeetingChoice | None:
        dialog = DuplicateDialog(source, parent)
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.date_edit.setFocus()
        dialog.date_edit.setSelectedSection(dialog.date_edit.Section.DaySection)
        qtbot.keyClicks(dialog.date_edit, day.toString("ddMMyyyy"))
        if title is not None:
            dialog.title_edit.selectAll()
            qtbot.keyClicks(dialog.title_edit, title)
        for part in untick:
            qtbot.mouseClick(dialog.part_checks[part], Qt.MouseButton.LeftButton,
                             pos=QPoint(4, dialog.part_checks[part].height() // 2))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        try:
            return dialog.choice() if dialog.result() == dialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    monkeypatch.setattr(duplicate_dialog, "ask_next_meeting", ask)
    return seen


def test_the_dialog_proposes_eight_weeks_later_and_shows_what_follows(qtbot: QtBot, demo_db: Database,
                                                                    december_row: EventRow,
                                                                    german_locale: None) -> None:
    from odn_desktop.services.next_meeting import duplicate_source

    with transaction(demo_db.sessions) as s:
        source = duplicate_source(s, december_row.id)
    dialog = DuplicateDialog(source, now=datetime(2021, 12, 3, tzinfo=BERLIN))
    qtbot.addWidget(dialog)
    assert dialog.date_edit.date() == QDate(2022, 1, 27) and dialog.time_edit.time() == QTime(10, 0)
    assert dialog.title_edit.text() == "Open-Data-Netzwerktreffen"
    assert [c.isChecked() for c in dialog.part_checks.values()] == [True, True, False, True]  # no rounds to copy
    assert not dialog.part_checks["rounds"].isEnabled()
    assert dialog.part_checks["programme"].text() == "&Programm (4 Programmpunkte)"
    assert dialog.end_value.text() == "Do 27.01.2022, 11:30 Uhr"
    assert dialog.deadline_value.text() == "Mi 26.01.2022, 23:59 Uhr"
    assert dialog.dispatch_value.text() == "Mi 26.01.2022, 10:00 Uhr (Standard: am Vortag)"
    assert dialog.tasks_value.text() == "Mo 24.01.2022, 12:00 bis Mi 26.01.2022, 16:00"
    assert not dialog.warning_label.text()
    # after the clocks go forward: the same wall-clock times
    dialog.date_edit.setDate(QDate(2022, 3, 31))
    dialog.time_edit.setTime(QTime(14, 0))
    assert dialog.end_value.text() == "Do 31.03.2022, 15:30 Uhr"
    assert dialog.tasks_value.text() == "Mo 28.03.2022, 16:00 bis Mi 30.03.2022, 20:00"
    dialog.part_checks["tasks"].setChecked(False)
    assert dialog.tasks_value.text() == "werden nicht übernommen"
    choice = dialog.choice()
    assert to_berlin(choice.starts_at).replace(tzinfo=None) == datetime(2022, 3, 31, 14, 0)
    assert choice.parts == ("programme", "speakers")
    dialog.title_edit.clear()
    assert not dialog.ok_button.isEnabled()
    # a start in the past is pointed out, not refused
    late = DuplicateDialog(source, now=datetime(2022, 6, 1, tzinfo=BERLIN))
    qtbot.addWidget(late)
    assert "Vergangenheit" in late.warning_label.text()


def test_duplicate_through_the_dialog_opens_the_copy_and_undo_removes_it(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: EventsPage, december_row: EventRow) -> None:
    seen = fill_dialog(qtbot, monkeypatch, QDate(2022, 3, 31), "Open Data: Ämter motivieren", untick=("tasks",))
    page.open_event(december_row.id)
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    copy_id = page.current_event_id()
    assert copy_id is not None and copy_id != december_row.id
    details = page.editor.details
    assert details.ui.titleEdit.text() == "Open Data: Ämter motivieren"
    assert details.ui.startEdit.dateTime() == to_wall(datetime(2022, 3, 31, 10, 0, tzinfo=BERLIN))
    assert details.ui.endEdit.dateTime() == to_wall(datetime(2022, 3, 31, 11, 30, tzinfo=BERLIN))
    assert details.copied_note.isVisible()
    assert details.copied_label.text() == "Beschreibung vom vorigen Treffen übernommen – bitte prüfen"
    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        assert list_task_rows(s, copy_id) == []  # unticked
        assert len(get_event(s, copy_id).agenda_items) == 4
    page.ctx.undo_stack.undo()
    assert page.model.row_of(copy_id) is None
    page.ctx.undo_stack.redo()
    assert page.model.row_of(copy_id) is not None


def test_cancelling_the_dialog_copies_nothing(page: EventsPage, december_row: EventRow, dialogs: object) -> None:
    page.open_event(december_row.id)
    before = len(page.model.all_rows())
    page.duplicate_button.click()  # conftest answers the dialog with None: cancelled
    assert len(page.model.all_rows()) == before and page.current_event_id() == december_row.id
    assert page.ctx.undo_stack.count() == 0


def answer_move_along(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[QWidget | None]:
    """Stands in for the move-along question: answers ``answer`` and records each time it is asked."""
    asked: list[QWidget | None] = []

    def ask(parent: QWidget | None) -> bool:
        asked.append(parent)
        return answer

    monkeypatch.setattr(details_tab, "ask_move_along", ask)
    return asked


def _copy_of_december(page: EventsPage, december_row: EventRow) -> uuid.UUID:
    from odn_desktop.services.next_meeting import duplicate_event

    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        copy_id = duplicate_event(s, december_row.id,
                                  starts_at=datetime(2022, 3, 24, 10, 0, tzinfo=BERLIN)).event_id
    page.reload()
    page.open_event(copy_id)
    return copy_id


def test_moving_the_start_moves_end_deadline_dispatch_and_tasks_along(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: EventsPage, december_row: EventRow) -> None:
    copy_id = _copy_of_december(page, december_row)
    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        tasks_before = [to_berlin(t.due_at).replace(tzinfo=None) for t in list_task_rows(s, copy_id)]
    assert tasks_before == [datetime(2022, 3, 21, 12, 0), datetime(2022, 3, 22, 17, 0), datetime(2022, 3, 23, 16, 0)]
    asked = answer_move_along(monkeypatch, True)
    ui = page.editor.details.ui
    ui.dispatchDefaultCheck.setChecked(False)  # an explicit dispatch time moves too
    ui.dispatchEdit.setDateTime(to_wall(datetime(2022, 3, 23, 8, 0, tzinfo=BERLIN)))
    # one week later, across the clock change of 27 March, typed into the start field, then Enter
    ui.startEdit.setFocus()
    ui.startEdit.setSelectedSection(ui.startEdit.Section.DaySection)
    qtbot.keyClicks(ui.startEdit, "31")
    assert not ui.saveButton.isEnabled()  # the end is before the start now
    qtbot.keyClick(ui.startEdit, Qt.Key.Key_Return)
    assert len(asked) == 1
    assert ui.endEdit.dateTime() == to_wall(datetime(2022, 3, 31, 11, 30, tzinfo=BERLIN))
    assert ui.deadlineEdit.date() == QDate(2022, 3, 30)
    assert ui.dispatchEdit.dateTime() == to_wall(datetime(2022, 3, 30, 8, 0, tzinfo=BERLIN))
    assert ui.saveButton.isEnabled()
    assert page.save_changes()
    assert len(asked) == 1  # asked once per change of the start
    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        form = event_form(s, copy_id)
        tasks = [to_berlin(t.due_at).replace(tzinfo=None) for t in list_task_rows(s, copy_id)]
    assert to_berlin(form.registration_deadline or form.starts_at).replace(tzinfo=None) == datetime(
        2022, 3, 30, 23, 59, 59)
    assert tasks == [datetime(2022, 3, 28, 12, 0), datetime(2022, 3, 29, 17, 0), datetime(2022, 3, 30, 16, 0)]
    page.ctx.undo_stack.undo()
    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        assert [to_berlin(t.due_at).replace(tzinfo=None) for t in list_task_rows(s, copy_id)] == tasks_before
        assert to_berlin(event_form(s, copy_id).starts_at).day == 24
    assert ui.startEdit.dateTime() == to_wall(datetime(2022, 3, 24, 10, 0, tzinfo=BERLIN))


def test_declining_keeps_the_other_times_and_ctrl_s_asks_too(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: EventsPage, december_row: EventRow) -> None:
    copy_id = _copy_of_december(page, december_row)
    asked = answer_move_along(monkeypatch, False)
    ui = page.editor.details.ui
    ui.startEdit.setDateTime(to_wall(datetime(2022, 3, 24, 9, 0, tzinfo=BERLIN)))  # an hour earlier, no Tab
    assert page.save_changes()  # Ctrl+S
    assert len(asked) == 1
    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        form = event_form(s, copy_id)
        tasks = [to_berlin(t.due_at).replace(tzinfo=None) for t in list_task_rows(s, copy_id)]
    assert to_berlin(form.ends_at).replace(tzinfo=None) == datetime(2022, 3, 24, 11, 30)
    assert tasks[0] == datetime(2022, 3, 21, 12, 0)


def test_the_copied_description_note_until_checked_or_edited(
        qtbot: QtBot, page: EventsPage, december_row: EventRow) -> None:
    copy_id = _copy_of_december(page, december_row)
    details = page.editor.details
    assert details.copied_note.isVisible() and not details.has_unsaved_changes()
    qtbot.mouseClick(details.copied_checked_button, Qt.MouseButton.LeftButton)
    assert not details.copied_note.isVisible() and details.has_unsaved_changes()
    assert page.save_changes()
    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        assert event_form(s, copy_id).description_copied is False
    assert not details.copied_note.isVisible()
    page.ctx.undo_stack.undo()
    assert details.copied_note.isVisible()
    # typing into the description: the note goes at once, the flag with the save
    details.ui.descriptionEdit.setFocus()
    qtbot.keyClicks(details.ui.descriptionEdit, "Neu ")
    assert not details.copied_note.isVisible()
    assert page.save_changes()
    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        form = event_form(s, copy_id)
    assert form.description_copied is False and form.description.startswith("Neu ")
    page.open_event(december_row.id)
    assert not details.copied_note.isVisible()  # the original was never copied


def test_render_the_duplicate_dialog_at_1366x768(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                  page: EventsPage) -> None:
    """The page at 1366x768 with the dialog over it, as the coordinator sees it (for a human look)."""
    from odn_desktop.services.next_meeting import duplicate_source

    with transaction(page.ctx.db.sessions) as s:  # type: ignore[union-attr]
        upcoming = max(list_event_rows(s), key=lambda r: r.starts_at)
        source = duplicate_source(s, upcoming.id)
    page.open_event(upcoming.id)
    dialog = DuplicateDialog(source, page)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(30)
    hint = dialog.sizeHint()
    assert hint.width() <= SCREEN[0] - 100 and hint.height() <= SCREEN[1] - 100
    assert not any(label.text() == "" for label in (dialog.end_value, dialog.deadline_value, dialog.dispatch_value))
    image = page.grab().toImage()
    painter = QPainter(image)
    shot = dialog.grab()
    x, y = (image.width() - shot.width()) // 2, (image.height() - shot.height()) // 3
    painter.fillRect(image.rect(), QColor(0, 0, 0, 60))  # the window behind a modal dialog
    painter.drawPixmap(x, y, shot)
    painter.setPen(QColor(60, 60, 60))
    painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    RENDERS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(RENDERS / "duplicate-dialog.png"))
    dialog.close()


def test_the_dialog_names_the_parts_as_the_service_does() -> None:
    from odn_desktop.services.next_meeting import PARTS

    assert duplicate_dialog.PARTS == PARTS
