"""Round edits as the undo stack uses them: each change and its undo leave rounds and seats as before."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registration_views as views
from odn_desktop.services import round_views as rv
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, get_event
from odn_desktop.services.registrations import list_registration_rows
from odn_desktop.services.rounds import list_rounds
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)
BEFORE = START - timedelta(days=10)


def person(n: int) -> ContactInput:
    return ContactInput(email=f"p{n}@kommune.example", first_name=f"Vorname{n}", last_name=f"Name{n}")


@pytest.fixture
def event_id(db: Database) -> uuid.UUID:
    with transaction(db.sessions) as s:
        return create_event(s, title="Treffen mit Runden", starts_at=START, ends_at=START + timedelta(hours=2),
                            registration_deadline=START - timedelta(days=1)).id


def titles(db: Database, event_id: uuid.UUID) -> list[str]:
    with transaction(db.sessions) as s:
        return [r.title for r in list_rounds(s, event_id)]


def seats(db: Database, event_id: uuid.UUID) -> dict[str, str]:
    with transaction(db.sessions) as s:
        return {r.last_name: r.status for r in list_registration_rows(s, event_id)}


def test_create_undo_redo_keeps_the_round_id(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        edit = rv.create_round(s, event_id, title="Runde A", capacity=2, description="Daten")
    assert titles(db, event_id) == ["Runde A"]
    with transaction(db.sessions) as s:
        rv.undo_create_round(s, edit)
    assert titles(db, event_id) == []
    with transaction(db.sessions) as s:
        again = rv.redo_create_round(s, edit)
        assert again.round_id == edit.round_id
        [row] = list_rounds(s, event_id)
        assert (row.title, row.capacity, row.description) == ("Runde A", 2, "Daten")


def test_raising_a_capacity_names_who_moved_up_and_undo_puts_them_back(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        round_id = rv.create_round(s, event_id, title="Runde A", capacity=1).round_id
        for n in (1, 2):
            rv.register_in_round(s, event_id, person(n), round_id=round_id, now=BEFORE)
    assert seats(db, event_id) == {"Name1": "registered", "Name2": "waiting"}
    with transaction(db.sessions) as s:
        edit = rv.edit_round(s, event_id, round_id, title="Runde A", capacity=2, description="")
    assert edit.promoted == ("Vorname2 Name2 (p2@kommune.example)",)
    assert seats(db, event_id) == {"Name1": "registered", "Name2": "registered"}
    with transaction(db.sessions) as s:
        rv.revert_round_edit(s, edit)
        assert list_rounds(s, event_id)[0].capacity == 1
    assert seats(db, event_id) == {"Name1": "registered", "Name2": "waiting"}


def test_lowering_a_capacity_reports_the_round_over_its_limit(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        round_id = rv.create_round(s, event_id, title="Runde A", capacity=3).round_id
        for n in (1, 2, 3):
            rv.register_in_round(s, event_id, person(n), round_id=round_id, now=BEFORE)
        edit = rv.edit_round(s, event_id, round_id, title="Runde A", capacity=1, description="")
        [pool] = edit.over_limit
        assert (pool.round_title, pool.seats, pool.limit) == ("Runde A", 3, 1)
        overview = rv.rounds_overview(s, event_id)
        assert overview.over_limit_of(round_id) is not None and overview.over_limit_of(None) is None
        assert [p.round_id for p in rv.current_over_limit(s, now=BEFORE)] == [round_id]


def test_a_round_with_people_is_not_removed(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        round_id = rv.create_round(s, event_id, title="Runde A").round_id
        rv.register_in_round(s, event_id, person(1), round_id=round_id, now=BEFORE)
    with pytest.raises(UserError, match="In der Runde „Runde A“ ist noch 1 Anmeldung"), \
            transaction(db.sessions) as s:
        rv.delete_round(s, event_id, round_id)
    with transaction(db.sessions) as s:
        empty = rv.create_round(s, event_id, title="Runde B").round_id
        edit = rv.delete_round(s, event_id, empty)
    assert titles(db, event_id) == ["Runde A"]
    with transaction(db.sessions) as s:
        rv.undo_delete_round(s, edit)
    assert titles(db, event_id) == ["Runde A", "Runde B"]


def test_moving_rounds_and_back(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        ids = [rv.create_round(s, event_id, title=t).round_id for t in ("A", "B", "C")]
        order = rv.move_round(s, event_id, ids[2], -1)
    assert titles(db, event_id) == ["A", "C", "B"]
    with transaction(db.sessions) as s:
        rv.move_round(s, event_id, ids[0], -1)  # already first: stays
    assert titles(db, event_id) == ["A", "C", "B"]
    with transaction(db.sessions) as s:
        rv.restore_round_order(s, order)
    assert titles(db, event_id) == ["A", "B", "C"]


def test_rounds_optional_and_registering_without_a_round(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        rv.create_round(s, event_id, title="Runde A")
        assert rv.rounds_overview(s, event_id).needs_round
    with pytest.raises(UserError, match="Bitte eine Runde wählen"), transaction(db.sessions) as s:
        rv.register_in_round(s, event_id, person(1), round_id=None, now=BEFORE)
    with transaction(db.sessions) as s:
        change = rv.set_rounds_optional(s, event_id, True)
        done = rv.register_in_round(s, event_id, person(1), round_id=None, now=BEFORE)
        assert done.row.round is None and done.row.status == "registered"
        views.undo_register_person(s, done)
        rv.undo_rounds_optional(s, change)
        assert not get_event(s, event_id).rounds_optional


def test_window_reason_and_seat_rows(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        assert rv.window_reason(s, event_id, BEFORE) is None
        assert "abgelaufen" in (rv.window_reason(s, event_id, START) or "")
        round_id = rv.create_round(s, event_id, title="Runde A", capacity=4).round_id
        rv.register_in_round(s, event_id, person(1), round_id=round_id, now=BEFORE)
        [row] = rv.round_seat_rows(s, [event_id, uuid.uuid4()])
        assert (row.title, row.registered, row.seat_limit, row.free_seats) == ("Runde A", 1, 4, 3)


def test_attendance_sheet_per_round_from_the_database(db: Database, event_id: uuid.UUID, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from odn_desktop.services.exports import export_attendance_sheet

    with transaction(db.sessions) as s:
        second = rv.create_round(s, event_id, title="Runde B").round_id
        first = rv.create_round(s, event_id, title="Runde A").round_id
        rv.move_round(s, event_id, first, -1)
        for n, round_id in ((1, first), (2, second), (3, first)):
            rv.register_in_round(s, event_id, person(n), round_id=round_id, now=BEFORE)
        result = export_attendance_sheet(s, event_id, tmp_path / "Liste.xlsx", per_round=True)
    assert "eine Tabelle je Runde, 2 Tabellen" in result.message
    book = load_workbook(tmp_path / "Liste.xlsx", read_only=True)
    assert book.sheetnames == ["Runde A", "Runde B", "Zahlen"]
    names = {}
    for ws in book.worksheets[:2]:
        rows = list(ws.iter_rows(values_only=True))
        header = next(i for i, r in enumerate(rows) if r and r[0] == "Nr.")
        names[ws.title] = [r[1] for r in rows[header + 1:] if r[1]]
    assert names == {"Runde A": ["Name1", "Name3"], "Runde B": ["Name2"]}


def test_moving_people_to_another_round_and_back(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        full = rv.create_round(s, event_id, title="Runde A", capacity=1).round_id
        other = rv.create_round(s, event_id, title="Runde B", capacity=1).round_id
        ids = [rv.register_in_round(s, event_id, person(n), round_id=full, now=BEFORE).row.id for n in (1, 2)]
        change = rv.move_registrations_to_round(s, event_id, [ids[0]], other)
        # Name1 keeps a seat (B has one free) and Name2 moves up in A
        assert [r.round for r in change.changed] == ["Runde B"]
        assert [r.display_name for r in change.promoted] == ["Vorname2 Name2"]
        views.restore(s, change)
    assert seats(db, event_id) == {"Name1": "registered", "Name2": "waiting"}
