"""People services: speaker entries with search keys, speaker delete/restore, and an exact undo of a merge."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import fold_german, matches_search
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registrations as regs
from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.contact_directory import contact_registrations, list_contact_rows, update_contact
from odn_desktop.services.contacts import ContactInput, find_or_create_contact
from odn_desktop.services.events import create_event, list_event_rows
from odn_desktop.services.people import (
    contact_values,
    delete_speaker,
    list_speaker_entries,
    merge_with_snapshot,
    restore_merge,
    restore_speaker,
    speaker_values,
)
from odn_desktop.services.speakers import create_speaker, list_speaker_rows, update_speaker
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.open import Database

START = datetime(2022, 3, 3, 10, 0, tzinfo=BERLIN)
END = datetime(2022, 3, 3, 11, 30, tzinfo=BERLIN)
BEFORE = datetime(2022, 2, 1, 9, 0, tzinfo=BERLIN)
BOOKKEEPING = {"created_at", "updated_at", "dirty", "server_seq"}


def dump(session: Session) -> dict[str, dict[uuid.UUID, dict[str, Any]]]:
    """Every contact and registration column except the sync bookkeeping, by table and id."""
    result: dict[str, dict[uuid.UUID, dict[str, Any]]] = {}
    for model in (Contact, Registration):
        names = [c.name for c in model.__table__.columns if c.name not in BOOKKEEPING]
        result[model.__tablename__] = {
            obj.id: {n: getattr(obj, n) for n in names} for obj in session.scalars(select(model))
        }
    return result


def person(email: str, last: str, first: str = "Kim", **extra: str) -> ContactInput:
    return ContactInput(email=email, first_name=first, last_name=last, **extra)


# -- speakers ----------------------------------------------------------------------------------------------


def test_speaker_entries_carry_every_field_and_a_folded_search_key(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        entries = list_speaker_entries(s)
        rows = list_speaker_rows(s)
    assert [e.id for e in entries] == [r.id for r in rows]  # same German name order
    manz = next(e for e in entries if e.last_name == "Manz")
    assert manz.display_name == "Sabine Manz" and manz.organisation == "Landeshauptstadt Düsseldorf"
    assert manz.events and "Open-Data-Netzwerktreffen" in manz.events[0]
    for query in ("dusseldorf", "düsseldorf", "duesseldorf", "DÜSSELDORF", "manz sabine", "statistik"):
        assert matches_search(manz.search_key, query), query
    arndt = next(e for e in entries if e.last_name == "Arndt")
    assert not matches_search(arndt.search_key, "dusseldorf")
    assert fold_german("moers") in arndt.search_key


def test_speaker_values_hold_bio_and_phone(db: Database) -> None:
    with transaction(db.sessions) as s:
        sid = create_speaker(s, last_name="Yılmaz", first_name="Elif", bio="Leitet das Smart-City-Team.",
                             phone="+49 30 1234").id
        values = speaker_values(s, sid)
        entry = next(e for e in list_speaker_entries(s) if e.id == sid)
    assert values["bio"] == "Leitet das Smart-City-Team." and values["phone"] == "+49 30 1234"
    assert entry.values() == values
    assert matches_search(entry.search_key, "yilmaz")


def test_deleting_a_speaker_hides_them_everywhere_and_restoring_brings_every_link_back(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        manz = next(e for e in list_speaker_entries(s) if e.last_name == "Manz")
        december = next(r for r in list_event_rows(s) if r.starts_at.month == 12)
        before_agenda = agenda_rows(s, december.id)[0]
        before_event = list_speaker_rows(s, december.id)
        delete_speaker(s, manz.id)
    with transaction(demo_db.sessions) as s:
        assert manz.id not in {e.id for e in list_speaker_entries(s)}
        assert manz.id not in {r.id for r in list_speaker_rows(s, december.id)}
        assert all(a.speaker_id != manz.id for a in agenda_rows(s, december.id)[0])
        with pytest.raises(UserError):
            speaker_values(s, manz.id)
        with pytest.raises(UserError):
            delete_speaker(s, manz.id)
        restore_speaker(s, manz.id)
        restore_speaker(s, manz.id)  # idempotent
    with transaction(demo_db.sessions) as s:
        assert agenda_rows(s, december.id)[0] == before_agenda
        assert list_speaker_rows(s, december.id) == before_event
        assert next(e for e in list_speaker_entries(s) if e.id == manz.id) == manz


def test_restoring_an_unknown_speaker_is_a_user_error(db: Database) -> None:
    with transaction(db.sessions) as s, pytest.raises(UserError):
        restore_speaker(s, uuid.uuid4())


def test_undo_of_an_edit_is_an_update_with_the_old_values(db: Database) -> None:
    with transaction(db.sessions) as s:
        sid = create_speaker(s, last_name="Arndt", organisation="Stadt Moers").id
        old = speaker_values(s, sid)
        update_speaker(s, sid, organisation="Kreis Wesel", phone="0211 1")
        update_speaker(s, sid, **old)
        assert speaker_values(s, sid) == old


# -- contacts ----------------------------------------------------------------------------------------------


def test_contact_values_hold_every_editable_field(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        row = list_contact_rows(s)[0]
        update_contact(s, row.id, notes="Ruft lieber an.", consent_contact=True)
        values = contact_values(s, row.id)
    assert values["notes"] == "Ruft lieber an." and values["consent_contact"] is True
    assert values["email"] == row.email and values["experience_level"]
    assert set(values) >= {"salutation", "academic_title", "federal_state", "municipality", "role"}


@pytest.fixture
def duplicates(db: Database) -> dict[str, uuid.UUID]:
    """Kim Schäfer twice (work and private address), registered across four events:

    - ``both``: capacity 2, both registered, a third person waiting (the merge frees a seat: she moves up);
    - ``cancelled``: the kept contact had cancelled, the duplicate holds a seat (the duplicate's seat wins, the
      kept contact's cancelled registration is tombstoned);
    - ``only_dup``: only the duplicate (the registration moves over);
    - ``only_keep``: only the kept contact (untouched).
    """
    with transaction(db.sessions) as s:
        both = create_event(s, title="Beide", starts_at=START, ends_at=END, capacity=2).id
        cancelled = create_event(s, title="Storniert", starts_at=START.replace(day=10), ends_at=END.replace(day=10)).id
        only_dup = create_event(s, title="Nur Duplikat", starts_at=START.replace(day=17),
                                ends_at=END.replace(day=17)).id
        only_keep = create_event(s, title="Nur Behalten", starts_at=START.replace(day=24),
                                 ends_at=END.replace(day=24)).id
        work = person("k.schaefer@kreis.example", "Schäfer")
        private = person("kim.schaefer@privat.example", "Schaefer", organisation="Kreis Steinfurt",
                         federal_state="Nordrhein-Westfalen")
        keep_reg = regs.register(s, both, work, now=BEFORE).registration
        regs.register(s, both, private, now=BEFORE)
        third = regs.register(s, both, person("x@y.example", "Dritte", "Dora"), now=BEFORE).registration
        regs.mark_attendance(s, keep_reg.id, True, 40)
        old = regs.register(s, cancelled, work, now=BEFORE).registration
        regs.cancel(s, old.id, now=BEFORE)
        regs.register(s, cancelled, private, now=BEFORE)
        regs.register(s, only_dup, private, now=BEFORE)
        regs.register(s, only_keep, work, now=BEFORE)
        dup_contact, _ = find_or_create_contact(s, private)
        dup_contact.consent_contact = True
        dup_contact.notes = "privat erreichbar"
        s.flush()
        return {"keep": keep_reg.contact_id, "dup": dup_contact.id, "third": third.id, "both": both,
                "cancelled": cancelled, "only_dup": only_dup, "only_keep": only_keep}


def test_merge_then_restore_puts_every_contact_and_registration_back_exactly(
    db: Database, duplicates: dict[str, uuid.UUID]
) -> None:
    keep, dup = duplicates["keep"], duplicates["dup"]
    with transaction(db.sessions) as s:
        before = dump(s)
    with transaction(db.sessions) as s:
        merge = merge_with_snapshot(s, keep, dup)
    assert (merge.result.moved_registrations, merge.result.dropped_registrations) == (2, 2)
    with transaction(db.sessions) as s:
        merged = dump(s)
        assert {r.id for r in list_contact_rows(s)} == {keep, next(iter(set(before["contact"]) - {keep, dup}))}
        kept = contact_values(s, keep)
        assert kept["organisation"] == "Kreis Steinfurt" and kept["consent_contact"] is True
        assert [r.event_title for r in contact_registrations(s, keep)] == [
            "Beide", "Storniert", "Nur Duplikat", "Nur Behalten"]
        third = regs.get_registration(s, duplicates["third"])
        assert third.status == "registered"  # the freed seat went to the waiting list
    assert merged != before
    with transaction(db.sessions) as s:
        restore_merge(s, merge.snapshot)
    with transaction(db.sessions) as s:
        assert dump(s) == before
        third = regs.get_registration(s, duplicates["third"])
        assert (third.status, third.waitlist_position) == ("waiting", 1)
        assert [r.event_title for r in contact_registrations(s, dup)] == ["Beide", "Storniert", "Nur Duplikat"]
        assert [(r.event_title, r.status, r.attended) for r in contact_registrations(s, keep)] == [
            ("Beide", "registered", True), ("Storniert", "cancelled", False), ("Nur Behalten", "registered", False)]


def test_merge_can_be_redone_and_undone_again(db: Database, duplicates: dict[str, uuid.UUID]) -> None:
    keep, dup = duplicates["keep"], duplicates["dup"]
    with transaction(db.sessions) as s:
        before = dump(s)
    for _ in range(2):
        with transaction(db.sessions) as s:
            merge = merge_with_snapshot(s, keep, dup)
        with transaction(db.sessions) as s:
            after_merge = dump(s)
            assert after_merge[Contact.__tablename__][dup]["deleted_at"] is not None
            restore_merge(s, merge.snapshot)
        with transaction(db.sessions) as s:
            assert dump(s) == before


def test_merging_the_other_way_round_is_undone_as_well(db: Database, duplicates: dict[str, uuid.UUID]) -> None:
    with transaction(db.sessions) as s:
        before = dump(s)
        merge = merge_with_snapshot(s, duplicates["dup"], duplicates["keep"])
        assert merge.result.kept == duplicates["dup"]
    with transaction(db.sessions) as s:
        restore_merge(s, merge.snapshot)
    with transaction(db.sessions) as s:
        assert dump(s) == before


def test_merging_demo_contacts_is_undone_exactly(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        rows = [r for r in list_contact_rows(s) if r.registrations == 2]
        a, b = rows[0], rows[1]
        before = dump(s)
        seats_before = [(e.registered, e.waiting) for e in list_event_rows(s)]
        merge = merge_with_snapshot(s, a.id, b.id)
        assert merge.result.dropped_registrations == 2  # both were at both meetings
    with transaction(demo_db.sessions) as s:
        restore_merge(s, merge.snapshot)
    with transaction(demo_db.sessions) as s:
        assert dump(s) == before
        assert [(e.registered, e.waiting) for e in list_event_rows(s)] == seats_before


def test_restore_is_refused_when_the_address_was_taken_meanwhile(
    db: Database, duplicates: dict[str, uuid.UUID]
) -> None:
    with transaction(db.sessions) as s:
        merge = merge_with_snapshot(s, duplicates["keep"], duplicates["dup"])
    with transaction(db.sessions) as s:
        find_or_create_contact(s, person("Kim.Schaefer@privat.example", "Neu"))
        before = dump(s)
    with pytest.raises(UserError, match="gehört inzwischen"), transaction(db.sessions) as s:
        restore_merge(s, merge.snapshot)
    with transaction(db.sessions) as s:
        assert dump(s) == before


def test_restore_is_refused_when_a_new_registration_would_collide(
    db: Database, duplicates: dict[str, uuid.UUID]
) -> None:
    with transaction(db.sessions) as s:
        merge = merge_with_snapshot(s, duplicates["keep"], duplicates["dup"])
        # after the merge a registration of the kept contact is deleted and entered again by hand
        mine = next(r for r in contact_registrations(s, duplicates["keep"]) if r.event_id == duplicates["only_keep"])
        regs.delete_registration(s, mine.registration_id)
        regs.register(s, duplicates["only_keep"], person("k.schaefer@kreis.example", "Schäfer"), now=BEFORE)
    with pytest.raises(UserError, match="neue Anmeldungen"), transaction(db.sessions) as s:
        restore_merge(s, merge.snapshot)
