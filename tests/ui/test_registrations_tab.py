"""The Anmeldungen tab driven as a coordinator would: register, wait, cancel, see who moved up, undo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from odn_desktop.domain.timezone import BERLIN, utcnow
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.rows import EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs.add_registrant_dialog import AddRegistrantDialog, NewRegistrant
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.models.registrations_columns import Column
from odn_desktop.ui.pages import registrations_tab
from odn_desktop.ui.pages.registrations_tab import RegistrationsTab

SCREENSHOT = Path("/tmp/odn-registrations.png")
START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)

PEOPLE = [
    ContactInput(email="anna.mueller@kiel.example", first_name="Anna", last_name="Müller", organisation="Stadt Kiel"),
    ContactInput(email="bernd.becker@trier.example", first_name="Bernd", last_name="Becker",
                 organisation="Stadt Trier"),
    ContactInput(email="oezlem.kaya@ulm.example", first_name="Özlem", last_name="Kaya", organisation="Stadt Ulm"),
]


@pytest.fixture
def ctx(db: Database) -> Iterator[AppContext]:
    context = AppContext(db)
    yield context
    context.undo_stack.clear()


def make_event(db: Database, capacity: int | None = 2, **fields: object) -> uuid.UUID:
    with transaction(db.sessions) as s:
        return create_event(s, title="Netzwerktreffen Kapazität 2", starts_at=START,
                            ends_at=START + timedelta(minutes=90), capacity=capacity,
                            registration_deadline=START - timedelta(days=1), **fields).id


@pytest.fixture
def event_id(db: Database) -> uuid.UUID:
    return make_event(db)


@pytest.fixture
def tab(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID) -> RegistrationsTab:
    widget = RegistrationsTab(ctx)
    qtbot.addWidget(widget)
    widget.set_event(event_id)
    widget.resize(1280, 640)
    widget.show()
    return widget


def answer_with(monkeypatch: pytest.MonkeyPatch, *answers: object) -> list[tuple[object, ...]]:
    """Replace the add dialog: each call returns the next answer."""
    calls: list[tuple[object, ...]] = []
    pending = list(answers)

    def fake(parent: object, ctx: AppContext, event_id: uuid.UUID) -> object:
        calls.append((parent, ctx, event_id))
        return pending.pop(0)

    monkeypatch.setattr(registrations_tab, "ask_registrant", fake)
    return calls


def cell(tab: RegistrationsTab, name: str, column: Column) -> str:
    row = next(i for i in range(tab.model.rowCount()) if tab.model.row_at(i).last_name == name)
    return str(tab.model.index(row, column).data())


def statuses(tab: RegistrationsTab) -> dict[str, str]:
    return {r.last_name: cell(tab, r.last_name, Column.STATUS) for r in tab.model.visible_rows()}


def select_names(tab: RegistrationsTab, *names: str) -> None:
    tab.select_ids([r.id for r in tab.model.visible_rows() if r.last_name in names])


def test_register_three_cancel_one_waiting_person_moves_up_and_undo(
    qtbot: QtBot, tab: RegistrationsTab, ctx: AppContext, event_id: uuid.UUID, dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = answer_with(monkeypatch, *PEOPLE)
    notes: list[str] = []
    ctx.status_message.connect(notes.append)
    for _ in PEOPLE:
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert [c[2] for c in calls] == [event_id] * 3
    assert statuses(tab) == {"Müller": "Angemeldet", "Becker": "Angemeldet", "Kaya": "Warteliste #1"}
    assert tab.summary_label.text() == "Ausgebucht – 2 von 2 Plätzen belegt · 1 auf der Warteliste"
    assert notes[-1] == "Özlem Kaya steht auf der Warteliste (Platz 1)."
    assert ctx.undo_stack.count() == 3
    assert not dialogs.of("user_error")

    select_names(tab, "Müller")
    assert tab.cancel_action.isEnabled() and not tab.from_waiting_action.isEnabled()
    qtbot.mouseClick(tab.bulk_buttons[0], Qt.MouseButton.LeftButton)  # Stornieren

    assert statuses(tab) == {"Müller": "Storniert", "Becker": "Angemeldet", "Kaya": "Angemeldet"}
    [(parent, title, message)] = dialogs.of("information")
    assert parent is tab and title == "Von der Warteliste nachgerückt"
    assert "Özlem Kaya (oezlem.kaya@ulm.example)" in message
    assert notes[-1] == "Storniert: Anna Müller. Nachgerückt: Özlem Kaya."
    assert tab.summary_label.text() == "Ausgebucht – 2 von 2 Plätzen belegt · 0 auf der Warteliste"
    assert tab.seats is not None and (tab.seats.registered, tab.seats.waiting, tab.seats.cancelled) == (2, 0, 1)
    assert [r.last_name for r in tab.selected_rows()] == ["Müller"]  # the selection survives the reload
    assert ctx.undo_stack.undoText() == "Anmeldung stornieren: Anna Müller"

    ctx.undo_stack.undo()
    assert statuses(tab) == {"Müller": "Angemeldet", "Becker": "Angemeldet", "Kaya": "Warteliste #1"}
    assert tab.summary_label.text() == "Ausgebucht – 2 von 2 Plätzen belegt · 1 auf der Warteliste"
    ctx.undo_stack.redo()
    assert statuses(tab)["Kaya"] == "Angemeldet"
    ctx.undo_stack.undo()
    for _ in PEOPLE:  # the three registrations are undoable too
        ctx.undo_stack.undo()
    assert tab.model.rowCount() == 0
    assert tab.summary_label.text() == "0 von 2 Plätzen belegt · 0 auf der Warteliste · 2 frei"


def test_a_contact_input_or_a_dialog_answer_both_work_and_late_needs_permission(
    qtbot: QtBot, db: Database, ctx: AppContext, dialogs: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    late_event = make_event(db, capacity=10)
    with transaction(db.sessions) as s:
        soon = utcnow() + timedelta(days=2)
        update_event(s, late_event, starts_at=soon, ends_at=soon + timedelta(hours=1),
                     registration_deadline=utcnow() - timedelta(hours=1))
    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_event(late_event)
    assert "(abgelaufen)" in tab.deadline_label.text()
    answer_with(monkeypatch, PEOPLE[0], NewRegistrant(PEOPLE[1], allow_late=True), None)
    assert not tab.add_registrant()  # refused: the deadline passed and nobody allowed it
    [(_parent, message)] = dialogs.of("user_error")
    assert "Anmeldefrist" in message and "verspätet zulassen" in message.lower()
    assert tab.add_registrant()
    assert cell(tab, "Becker", Column.LATE) == "ja"
    assert not tab.add_registrant()  # cancelled dialog
    assert tab.model.total_count() == 1


def test_duplicate_registration_is_reported(qtbot: QtBot, tab: RegistrationsTab, dialogs: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    answer_with(monkeypatch, PEOPLE[0], PEOPLE[0])
    assert tab.add_registrant()
    assert not tab.add_registrant()
    [(_, message)] = dialogs.of("user_error")
    assert "bereits angemeldet" in message


def test_waiting_list_moves_with_overbooking_question_and_attendance(
    qtbot: QtBot, db: Database, tab: RegistrationsTab, ctx: AppContext, event_id: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with transaction(db.sessions) as s:
        for p in PEOPLE:
            regs.register(s, event_id, p, now=START - timedelta(days=10))
    tab.reload()
    questions: list[str] = []
    replies = [False, True]

    def ask(parent: object, title: str, text: str) -> bool:
        questions.append(text)
        return replies.pop(0)

    monkeypatch.setattr(registrations_tab, "ask_overbooking", ask)
    select_names(tab, "Kaya")
    assert tab.from_waiting_action.isEnabled()
    assert not tab.move_selected_from_waiting_list()  # no seat free, the coordinator says no
    assert questions == ["Es ist kein Platz mehr frei. Sollen 1 Personen trotzdem nachrücken (Überbuchung)?"]
    assert statuses(tab)["Kaya"] == "Warteliste #1"
    assert tab.move_selected_from_waiting_list()  # ... and then yes
    assert statuses(tab)["Kaya"] == "Angemeldet"
    assert tab.summary_label.text() == "Ausgebucht – 3 von 2 Plätzen belegt · 0 auf der Warteliste"
    ctx.undo_stack.undo()
    assert statuses(tab)["Kaya"] == "Warteliste #1"

    select_names(tab, "Müller", "Becker")
    tab.to_waiting_action.trigger()
    # in table order: Becker first, whose seat goes to Kaya (the head of the queue); Müller's freed seat then goes
    # to the head of the queue again, which is Becker now - nobody waits while a seat is free
    assert statuses(tab) == {"Becker": "Angemeldet", "Müller": "Warteliste #1", "Kaya": "Angemeldet"}
    assert ctx.undo_stack.undoText() == "2 Anmeldungen auf die Warteliste setzen"
    ctx.undo_stack.undo()

    select_names(tab, "Müller", "Becker", "Kaya")
    tab.attended_action.trigger()
    assert {cell(tab, n, Column.ATTENDED) for n in ("Müller", "Becker", "Kaya")} == {"✓"}
    assert not tab.attended_action.isEnabled() and tab.not_attended_action.isEnabled()
    tab.not_attended_action.trigger()
    assert {cell(tab, n, Column.ATTENDED) for n in ("Müller", "Becker", "Kaya")} == {""}
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert cell(tab, "Kaya", Column.ATTENDED) == ""


def test_waiting_people_go_to_the_end_or_to_another_place_and_undo_restores(
    qtbot: QtBot, db: Database, ctx: AppContext, dialogs: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    event_id = make_event(db, capacity=1)
    waiting = [ContactInput(email=f"{n.lower()}@kommune.example", first_name="Vorname", last_name=n)
               for n in ("Erster", "Zweiter", "Dritter")]
    with transaction(db.sessions) as s:
        for p in [PEOPLE[0], *waiting]:
            regs.register(s, event_id, p, now=START - timedelta(days=10))
    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_event(event_id)
    tab.show()
    first_order = {"Müller": "Angemeldet", "Erster": "Warteliste #1", "Zweiter": "Warteliste #2",
                   "Dritter": "Warteliste #3"}
    assert statuses(tab) == first_order
    buttons = {b.objectName(): b for b in tab.bulk_buttons}
    end_button, place_button = buttons["moveToEndOfQueueButton"], buttons["changeWaitingPlaceButton"]
    assert end_button.text() == "Ans &Ende der Warteliste" and place_button.text() == "Wartelisten&platz ändern …"
    assert end_button.accessibleName() == "Ans Ende der Warteliste"
    assert place_button.accessibleName() == "Wartelistenplatz ändern"

    select_names(tab, "Müller")  # a seat holder has no waiting place
    assert not tab.end_of_queue_action.isEnabled() and not tab.waiting_place_action.isEnabled()
    assert not end_button.isEnabled() and not place_button.isEnabled()
    assert not tab.move_selected_to_end_of_queue() and not tab.change_selected_waiting_place()

    select_names(tab, "Erster")
    assert tab.end_of_queue_action.isEnabled() and tab.waiting_place_action.isEnabled()
    qtbot.mouseClick(end_button, Qt.MouseButton.LeftButton)
    assert statuses(tab) == {"Müller": "Angemeldet", "Zweiter": "Warteliste #1", "Dritter": "Warteliste #2",
                             "Erster": "Warteliste #3"}
    assert ctx.undo_stack.undoText() == "Ans Ende der Warteliste setzen: Vorname Erster"
    ctx.undo_stack.undo()
    assert statuses(tab) == first_order

    select_names(tab, "Erster", "Zweiter")  # two at once: in table order, the place action needs exactly one
    assert tab.end_of_queue_action.isEnabled() and not tab.waiting_place_action.isEnabled()
    tab.end_of_queue_action.trigger()
    assert statuses(tab) == {"Müller": "Angemeldet", "Dritter": "Warteliste #1", "Erster": "Warteliste #2",
                             "Zweiter": "Warteliste #3"}
    assert ctx.undo_stack.undoText() == "2 Personen ans Ende der Warteliste setzen"
    ctx.undo_stack.undo()
    assert statuses(tab) == first_order

    asked: list[tuple[object, ...]] = []
    answers: list[int | None] = [None, 1]

    def ask(parent: object, name: str, current: int, maximum: int) -> int | None:
        asked.append((parent, name, current, maximum))
        return answers.pop(0)

    monkeypatch.setattr(registrations_tab, "ask_waiting_place", ask)
    select_names(tab, "Dritter")
    assert not tab.change_selected_waiting_place()  # cancelled: nothing moves
    assert statuses(tab) == first_order
    tab.waiting_place_action.trigger()
    assert asked == [(tab, "Vorname Dritter", 3, 3)] * 2
    assert statuses(tab) == {"Müller": "Angemeldet", "Dritter": "Warteliste #1", "Erster": "Warteliste #2",
                             "Zweiter": "Warteliste #3"}
    assert ctx.undo_stack.undoText() == "Wartelistenplatz ändern: Vorname Dritter"
    assert [r.last_name for r in tab.selected_rows()] == ["Dritter"]
    ctx.undo_stack.undo()
    assert statuses(tab) == first_order
    assert not dialogs.of("user_error") and not dialogs.of("information")


def test_del_key_cancels_the_selection(qtbot: QtBot, db: Database, tab: RegistrationsTab, event_id: uuid.UUID,
                                       dialogs: Any) -> None:
    with transaction(db.sessions) as s:
        regs.register(s, event_id, PEOPLE[1], now=START - timedelta(days=10))
    tab.reload()
    select_names(tab, "Becker")
    tab.delete_selected()
    assert statuses(tab) == {"Becker": "Storniert"}
    assert not dialogs.of("information")  # nobody waited, nobody to inform
    assert not tab.cancel_action.isEnabled()
    assert not tab.has_unsaved_changes() and tab.save_changes()


def test_status_filter_and_search(qtbot: QtBot, demo_db: Database, kickoff_row: EventRow) -> None:
    ctx = AppContext(demo_db)
    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_event(kickoff_row.id)
    with transaction(demo_db.sessions) as s:
        rows = regs.list_registration_rows(s, kickoff_row.id)
    assert tab.model.visible_rows() == rows

    def pick(label: str) -> None:
        tab.status_combo.setCurrentIndex(tab.status_combo.findText(label))

    for label, keep in (("Angemeldet", lambda r: r.status == "registered"),
                        ("Warteliste", lambda r: r.status == "waiting"),
                        ("Storniert", lambda r: r.status == "cancelled"),
                        ("Teilgenommen", lambda r: r.attended), ("Alle", lambda r: True)):
        pick(label)
        assert tab.model.visible_rows() == [r for r in rows if keep(r)], label
    assert any(r.status == "waiting" for r in rows) and any(r.status == "cancelled" for r in rows)

    target = next(r for r in rows if r.last_name == "Müller")
    qtbot.keyClicks(tab.search_edit, "muller")  # no umlaut typed: still found
    expected = [r for r in rows if "Müller" in (r.last_name, r.first_name) or "mueller" in r.email]
    assert target in tab.model.visible_rows() and tab.model.visible_rows() == expected
    assert tab.count_label.text() == f"{len(expected)} von {len(rows)} Anmeldungen"
    pick("Warteliste")
    assert tab.model.visible_rows() == [r for r in expected if r.status == "waiting"]
    tab.show()
    tab.table.setFocus()
    tab.focus_search()
    assert tab.focusWidget() is tab.search_edit and tab.search_edit.selectedText() == "muller"
    tab.search_edit.clear()
    pick("Alle")
    assert tab.model.visible_rows() == rows


def test_sorting_by_a_header_and_back_to_the_seat_order(qtbot: QtBot, demo_db: Database,
                                                         kickoff_row: EventRow) -> None:
    tab = RegistrationsTab(AppContext(demo_db))
    qtbot.addWidget(tab)
    tab.set_event(kickoff_row.id)
    service_order = tab.model.visible_rows()
    tab.table.sortByColumn(Column.LAST_NAME, Qt.SortOrder.AscendingOrder)
    names = [r.last_name for r in tab.model.visible_rows()]
    assert names[0] <= names[-1] and names != [r.last_name for r in service_order]
    tab.table.sortByColumn(Column.REGISTERED_AT, Qt.SortOrder.DescendingOrder)
    times = [r.registered_at for r in tab.model.visible_rows()]
    assert times == sorted(times, reverse=True)
    tab.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert tab.model.visible_rows() == service_order


def test_no_event_shows_an_empty_disabled_tab(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID,
                                              db: Database) -> None:
    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.summary_label.text() == "Keine Veranstaltung ausgewählt."
    assert not tab.add_button.isEnabled() and not tab.add_registrant()
    tab.set_event(event_id)
    assert tab.add_button.isEnabled()
    with transaction(db.sessions) as s:
        from odn_desktop.services.events import delete_event

        delete_event(s, event_id)
    tab.reload()  # deleted meanwhile: empty, no error dialog
    assert tab.model.rowCount() == 0 and not tab.add_button.isEnabled()
    tab.set_event(None)
    assert tab.event_id is None


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, qtbot: QtBot, demo_db: Database,
                                    kickoff_row: EventRow) -> None:
    tab = RegistrationsTab(AppContext(demo_db))
    qtbot.addWidget(tab)
    tab.set_event(kickoff_row.id)
    qtmodeltester.check(tab.model, force_py=True)  # and the changes that follow
    tab.search_edit.setText("stadt")
    tab.table.sortByColumn(Column.STATUS, Qt.SortOrder.DescendingOrder)
    tab.status_combo.setCurrentIndex(tab.status_combo.findText("Warteliste"))
    tab.search_edit.setText("stadt k")
    tab.reload()
    tab.search_edit.clear()


# -- the add dialog ----------------------------------------------------------------------------------------


def test_lookup_as_you_type_suggests_the_existing_contact_and_reuses_it(
    qtbot: QtBot, demo_db: Database, december_row: EventRow, kickoff_row: EventRow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = AppContext(demo_db)
    with transaction(demo_db.sessions) as s:
        update_event(s, december_row.id, status="open")  # as on 20 November 2021 (the demo keeps it as held)
        in_december = {x.contact_id for x in regs.list_registration_rows(s, december_row.id)}
        kickoff_only = next(r for r in regs.list_registration_rows(s, kickoff_row.id)
                            if r.contact_id not in in_december)
        contacts = s.scalar(select(func.count()).select_from(Contact)) or 0
    dialog = AddRegistrantDialog(ctx, december_row.id, now=datetime(2021, 11, 20, tzinfo=BERLIN))
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled() and not dialog.late
    qtbot.keyClicks(dialog.ui.lastNameEdit, kickoff_only.last_name[:4])
    qtbot.waitUntil(lambda: dialog.ui.suggestionList.count() > 0)
    suggested = dialog.suggestions()
    assert kickoff_only.contact_id in {c.id for c in suggested}
    assert all(kickoff_only.last_name[:4].lower() in c.search_key for c in suggested)
    dialog.choose(next(c for c in suggested if c.id == kickoff_only.contact_id))
    assert dialog.ui.emailEdit.text() == kickoff_only.email
    assert dialog.ui.firstNameEdit.text() == kickoff_only.first_name
    assert dialog.ok_button.isEnabled()
    assert "Vorhandener Kontakt" in dialog.ui.contactHintLabel.text()
    answer = dialog.value()
    assert answer.person.email == kickoff_only.email and not answer.allow_late

    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_event(december_row.id)
    # today the December deadline is long past: the answer carries the permission the dialog would ask for
    monkeypatch.setattr(registrations_tab, "ask_registrant",
                        lambda parent, ctx, event_id: NewRegistrant(answer.person, allow_late=True))
    assert tab.add_registrant()
    [new] = [r for r in tab.model.all_rows() if r.email == kickoff_only.email]
    assert new.contact_id == kickoff_only.contact_id  # the existing person, no duplicate
    with transaction(demo_db.sessions) as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == contacts
    assert [r.id for r in tab.selected_rows()] == [new.id]


def test_dialog_marks_people_already_registered_and_umlaut_lookup(
    qtbot: QtBot, demo_db: Database, december_row: EventRow,
) -> None:
    ctx = AppContext(demo_db)
    with transaction(demo_db.sessions) as s:
        registered = next(r for r in regs.list_registration_rows(s, december_row.id) if r.last_name == "Müller")
    dialog = AddRegistrantDialog(ctx, december_row.id)
    qtbot.addWidget(dialog)
    dialog.ui.emailEdit.setText("müller")
    dialog.update_suggestions("Müller")
    texts = [dialog.ui.suggestionList.item(i).text() for i in range(dialog.ui.suggestionList.count())]
    assert any(registered.email in t and "bereits angemeldet" in t for t in texts)
    dialog.choose(next(c for c in dialog.suggestions() if c.id == registered.contact_id))
    assert "bereits angemeldet" in dialog.ui.contactHintLabel.text()
    assert not dialog.ok_button.isEnabled()  # registering the same person twice is not offered
    dialog.ui.emailEdit.clear()
    qtbot.keyClicks(dialog.ui.emailEdit, "neu@kommune.example")  # another address typed: the choice is dropped
    assert dialog.chosen_contact is None
    dialog.update_suggestions("m")  # one character: no look-up
    assert dialog.ui.suggestionList.count() == 0


def test_dialog_late_checkbox_and_validation(qtbot: QtBot, db: Database, ctx: AppContext) -> None:
    event = make_event(db)
    early = AddRegistrantDialog(ctx, event, now=START - timedelta(days=5))
    qtbot.addWidget(early)
    assert not early.late and early.ui.allowLateCheck.isHidden()
    late = AddRegistrantDialog(ctx, event, now=START - timedelta(hours=1))
    qtbot.addWidget(late)
    assert late.late and not late.ui.allowLateCheck.isHidden()
    assert "abgelaufen" in late.ui.lateLabel.text()
    late.ui.emailEdit.setText("neu@kommune.example")
    late.ui.lastNameEdit.setText("Neu")
    assert not late.ok_button.isEnabled()
    late.ui.allowLateCheck.setChecked(True)
    assert late.ok_button.isEnabled()
    assert late.value().allow_late
    late.ui.emailEdit.setText("kein-at-zeichen")
    late.accept()
    assert late.result() == 0 and "ungültig" in late.ui.errorLabel.text()
    late.ui.emailEdit.setText("neu@kommune.example")
    late.accept()
    assert late.result() == 1


def test_down_key_moves_into_the_suggestions(qtbot: QtBot, demo_db: Database, december_row: EventRow) -> None:
    dialog = AddRegistrantDialog(AppContext(demo_db), december_row.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.emailEdit, "kiel")
    qtbot.keyClick(dialog.ui.emailEdit, Qt.Key.Key_Down)  # looks up at once, without waiting for the timer
    assert dialog.ui.suggestionList.count() > 0
    assert dialog.focusWidget() is dialog.ui.suggestionList
    qtbot.keyClick(dialog.ui.suggestionList, Qt.Key.Key_Return)
    assert dialog.chosen_contact is not None
    assert dialog.ui.emailEdit.text() == dialog.chosen_contact.email


# -- rendering, imports, the compiled form -----------------------------------------------------------------


def test_rendered_tab_for_the_december_meeting(qtbot: QtBot, demo_db: Database, december_row: EventRow,
                                               tmp_path: Path) -> None:
    tab = RegistrationsTab(AppContext(demo_db))
    qtbot.addWidget(tab)
    tab.set_event(december_row.id)
    tab.resize(1280, 720)
    tab.show()
    tab.select_ids([r.id for r in tab.model.visible_rows()[1:3]])
    qtbot.wait(20)
    assert tab.summary_label.text() == (f"{december_row.registered} von {december_row.seat_limit} Plätzen belegt · "
                                        f"{december_row.waiting} auf der Warteliste · {december_row.free_seats} frei")
    target = tmp_path / "odn-registrations.png"
    assert tab.grab().save(str(target))
    image = QImage(str(target))
    assert image.width() >= 1200 and image.height() >= 700
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colours) > 20
    shutil.copyfile(target, SCREENSHOT)


def test_page_modules_do_not_load_sqlalchemy_on_import() -> None:
    code = ("import sys; import odn_desktop.ui.pages.registrations_tab, odn_desktop.ui.pages.all_registrations_page;"
            " print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "False"


def test_compiled_add_registrant_form_matches_its_ui_file() -> None:
    root = Path(__file__).parents[2]
    uic = Path(sys.executable).parent / "pyside6-uic"
    fresh = subprocess.run([str(uic), str(root / "resources" / "ui" / "add_registrant.ui")], capture_output=True,
                           text=True, check=True).stdout
    compiled = (root / "src" / "odn_desktop" / "ui" / "generated" / "ui_add_registrant.py").read_text(encoding="utf-8")
    assert compiled.splitlines()[0].startswith("# generated from resources/ui/add_registrant.ui")
    assert compiled.splitlines()[1:] == fresh.splitlines()
