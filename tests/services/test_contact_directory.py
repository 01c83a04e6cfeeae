"""Contact directory: look-up as you type, edit with email uniqueness, merge duplicates; undo of seat changes."""

from __future__ import annotations

from datetime import datetime

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registrations as regs
from odn_desktop.services.contact_directory import (
    contact_registrations,
    list_contact_rows,
    merge_contacts,
    suggest_contacts,
    update_contact,
)
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, delete_event, event_row, list_event_rows, restore_event
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

START = datetime(2022, 3, 3, 10, 0, tzinfo=BERLIN)
END = datetime(2022, 3, 3, 11, 30, tzinfo=BERLIN)
BEFORE = datetime(2022, 2, 1, 9, 0, tzinfo=BERLIN)


def test_suggestions_find_people_by_folded_name_and_email(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        by_name = suggest_contacts(s, "Schäfer")
        by_email = suggest_contacts(s, "anna.")
    assert by_name and all(r.last_name == "Schäfer" for r in by_name)
    assert by_email and all(r.email.startswith("anna.") for r in by_email)


def test_editing_an_email_to_one_that_exists_is_refused(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        a, b = list_contact_rows(s)[:2]
        with pytest.raises(UserError, match="zusammen"):
            update_contact(s, a.id, email=b.email.upper())
        update_contact(s, a.id, email=" neu@kommune.example ", role="Open-Data-Lotse")
        rows = {r.id: r for r in list_contact_rows(s)}
    assert rows[a.id].email == "neu@kommune.example" and rows[a.id].role == "Open-Data-Lotse"


def test_merge_moves_registrations_and_keeps_one_per_event(db: Database) -> None:
    with transaction(db.sessions) as s:
        e1 = create_event(s, title="Eins", starts_at=START, ends_at=END, capacity=1).id
        e2 = create_event(s, title="Zwei", starts_at=START.replace(day=10), ends_at=END.replace(day=10)).id
        keep = regs.register(s, e1, ContactInput(email="k.schaefer@kreis.example", first_name="Kim",
                                                 last_name="Schäfer"), now=BEFORE).registration
        dup = regs.register(s, e1, ContactInput(email="kim.schaefer@privat.example", first_name="Kim",
                                                last_name="Schaefer", organisation="Kreis Steinfurt"),
                            now=BEFORE).registration
        other = regs.register(s, e2, ContactInput(email="kim.schaefer@privat.example", first_name="Kim",
                                                  last_name="Schaefer"), now=BEFORE).registration
        third = regs.register(s, e1, ContactInput(email="x@y.example", last_name="Dritte"), now=BEFORE).registration
    assert (keep.status, dup.status, third.status) == ("registered", "waiting", "waiting")
    with transaction(db.sessions) as s:
        result = merge_contacts(s, keep.contact_id, dup.contact_id)
        assert (result.moved_registrations, result.dropped_registrations) == (1, 1)
        mine = contact_registrations(s, keep.contact_id)
        assert sorted(r.event_title for r in mine) == ["Eins", "Zwei"]
        assert {r.registration_id for r in mine} == {keep.id, other.id}
        contacts = {r.id: r for r in list_contact_rows(s)}
        assert dup.contact_id not in contacts
        assert contacts[keep.contact_id].organisation == "Kreis Steinfurt"  # empty field filled
        row = event_row(s, e1)
        waiting = [r for r in regs.list_registration_rows(s, e1) if r.status == "waiting"]
    assert (row.registered, row.waiting) == (1, 1)
    assert [w.waitlist_position for w in waiting] == [1]


def test_undo_of_a_cancellation_restores_every_seat(db: Database) -> None:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="T", starts_at=START, ends_at=END, capacity=1).id
        a = regs.register(s, event_id, ContactInput(email="a@x.example", last_name="A"), now=BEFORE).registration
        b = regs.register(s, event_id, ContactInput(email="b@x.example", last_name="B"), now=BEFORE).registration
        before = regs.snapshot_event_registrations(s, event_id)
        change = regs.cancel(s, a.id)
        assert [p.id for p in change.promoted] == [b.id]
        regs.restore_registration_states(s, before)
        rows = {r.id: r for r in regs.list_registration_rows(s, event_id)}
    assert (rows[a.id].status, rows[b.id].status, rows[b.id].waitlist_position) == ("registered", "waiting", 1)


def test_delete_and_restore_event(db: Database) -> None:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Weg damit", starts_at=START, ends_at=END).id
        delete_event(s, event_id)
        assert list_event_rows(s) == []
        restore_event(s, event_id)
        assert [r.title for r in list_event_rows(s)] == ["Weg damit"]
