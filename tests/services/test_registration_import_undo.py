"""Undoing a registration import (``services.import_undo``) and doing it again, on a real SQLite file.

The database is compared row by row, every column of ``contact`` and ``registration``: an undo of an import that
nothing touched since must leave exactly the database before the import, change markers and timestamps included.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from odn_desktop.domain.deadlines import end_of_day
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.registration_import import ImportPlan
from odn_desktop.services import registration_import as svc
from odn_desktop.services import registrations as regs
from odn_desktop.services.contact_directory import update_contact
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.services.import_undo import ImportRecord, ImportUndoResult, undo_import
from odn_desktop.store.database import transaction
from odn_desktop.store.mail_models import RegistrationMessage
from odn_desktop.store.models import Contact
from odn_desktop.store.open import Database

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
DEADLINE = end_of_day(date(2021, 12, 1))
BEFORE = datetime(2021, 11, 15, 9, 0, tzinfo=BERLIN)
NOW = datetime(2021, 11, 25, 12, 0, tzinfo=UTC)
HEADER = ["Vorname", "Nachname", "E-Mail-Adresse", "Organisation", "Funktion", "Anmeldedatum"]
#: a redo writes anew: these columns say when a row was written, not what it holds
WRITE_TIMES = ("created_at", "updated_at")


def make_event(db: Database, **fields: Any) -> uuid.UUID:
    fields.setdefault("registration_deadline", DEADLINE)
    with transaction(db.sessions) as s:
        return create_event(s, title="Open-Data-Netzwerktreffen", starts_at=START,
                            ends_at=START + timedelta(minutes=90), **fields).id


def email(n: int) -> str:
    return f"person{n}@kommune.example"


def person(n: int, when: str, organisation: str | None = None, role: str = "Open Data") -> list[str]:
    return [f"Vorname{n}", f"Nachname{n}", email(n), f"Stadt {n}" if organisation is None else organisation, role,
            when]


def contact_input(n: int, **fields: str) -> ContactInput:
    return ContactInput(email=email(n), first_name=f"Vorname{n}", last_name=f"Nachname{n}", **fields)


def plan_of(tmp_path: Path, rows: list[list[str]], name: str = "anmeldungen.csv") -> ImportPlan:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([HEADER, *rows])
    path = tmp_path / name
    path.write_bytes(out.getvalue().encode("cp1252"))
    return svc.load_plan(path)


def run_import(db: Database, event_id: uuid.UUID, plan: ImportPlan) -> ImportRecord:
    with transaction(db.sessions) as s:
        report = svc.import_plan(s, event_id, plan, source="anmeldungen.csv", now=NOW)
    assert report.record is not None
    return report.record


def undo(db: Database, record: ImportRecord) -> ImportUndoResult:
    with transaction(db.sessions) as s:
        return undo_import(s, record)


def dump(db: Database, ignore: tuple[str, ...] = ()) -> dict[str, list[tuple[tuple[str, Any], ...]]]:
    """Every row of ``contact`` and ``registration`` as stored, all columns but ``ignore``."""
    result = {}
    with db.engine.connect() as conn:
        for table in ("contact", "registration"):
            rows = [tuple((k, v) for k, v in r._mapping.items() if k not in ignore)
                    for r in conn.execute(text(f"SELECT * FROM {table}"))]
            result[table] = sorted(rows, key=repr)
    return result


def mark_synced(db: Database, table: str, ids: list[uuid.UUID] | None = None, seq: int = 3) -> None:
    """What a sync does to pushed rows: the server's sequence number, no change marker."""
    where = "" if ids is None else " WHERE id IN (" + ", ".join(f"'{i.hex}'" for i in ids) + ")"
    with db.engine.begin() as conn:
        conn.execute(text(f"UPDATE {table} SET dirty = 0, server_seq = {seq}{where}"))


def stored(db: Database, table: str, row_id: uuid.UUID) -> dict[str, Any] | None:
    with db.engine.connect() as conn:
        row = conn.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": row_id.hex}).first()
    return None if row is None else dict(row._mapping)


def seats(db: Database, event_id: uuid.UUID) -> dict[str, tuple[str, int | None]]:
    with transaction(db.sessions) as s:
        return {r.email: (r.status, r.waitlist_position) for r in regs.list_registration_rows(s, event_id)}


def ids_by_email(record: ImportRecord) -> dict[str, tuple[uuid.UUID, uuid.UUID]]:
    """e-mail → (contact id, registration id) of the registrations the import created."""
    return {r.email_key: (r.contact_id, r.id) for r in record.new_registrations}


# -- exact undo, redo ----------------------------------------------------------------------------------------


def test_undo_restores_every_row_exactly_and_redo_repeats_the_import(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=4)
    other_event = make_event(db)
    with transaction(db.sessions) as s:
        # registered already, with everything the file says: unchanged
        regs.register(s, event_id, contact_input(1, organisation="Stadt 1", role="Open Data"), now=BEFORE)
        # known from another event, without organisation and function: the import completes the contact
        regs.register(s, other_event, contact_input(2), now=BEFORE)
        # cancelled here; the file says they registered again after that: renewed
        cancelled = regs.register(s, event_id, contact_input(3, organisation="Stadt 3", role="Open Data"), now=BEFORE)
        regs.cancel(s, cancelled.registration.id, now=datetime(2021, 11, 18, 9, 0, tzinfo=UTC))
    mark_synced(db, "contact")  # as after a sync: the change markers must come back as they were
    mark_synced(db, "registration")
    plan = plan_of(tmp_path, [person(n, f"20.11.2021 1{n}:00") for n in range(1, 7)])
    before = dump(db)

    with transaction(db.sessions) as s:
        report = svc.import_plan(s, event_id, plan, source="anmeldungen.csv", now=NOW)
    record = report.record
    assert record is not None
    assert {k: v for k, v in report.to_json().items() if k != "rows"} == {
        "created": 4, "updated": 1, "unchanged": 1, "waiting": 2, "late": 0, "rejected": [], "duplicates": [],
        "notes": []}
    assert (len(record.new_contacts), len(record.new_registrations), len(record.completed_contacts),
            len(record.renewed_registrations)) == (3, 4, 1, 1)
    after = dump(db)
    assert after != before
    assert seats(db, event_id)[email(3)] == ("registered", None)

    result = undo(db, record)
    assert dump(db) == before
    assert (result.removed_registrations, result.removed_contacts, result.restored_contacts,
            result.restored_registrations, result.tombstoned_registrations, result.promoted) == (4, 3, 1, 1, 0, ())

    with transaction(db.sessions) as s:
        again = svc.redo_import(s, plan, record)
    assert again.to_json() == report.to_json()
    assert dump(db, ignore=WRITE_TIMES) == {table: [tuple((k, v) for k, v in row if k not in WRITE_TIMES)
                                                    for row in rows] for table, rows in after.items()}
    assert again.record is not None and ids_by_email(again.record) == ids_by_email(record)  # the same ids

    undo(db, again.record)  # the redo's record undoes the redo
    assert dump(db) == before


def test_undo_of_an_import_into_a_full_event_takes_its_people_off_the_waiting_list(db: Database,
                                                                                  tmp_path: Path) -> None:
    event_id = make_event(db, capacity=2)
    with transaction(db.sessions) as s:
        for n in range(3):
            regs.register(s, event_id, contact_input(n), now=BEFORE)
    before = dump(db)
    record = run_import(db, event_id, plan_of(tmp_path, [person(n, "20.11.2021 10:00") for n in range(3, 6)]))
    assert [seats(db, event_id)[email(n)] for n in range(2, 6)] == [("waiting", k) for k in range(1, 5)]

    result = undo(db, record)
    assert dump(db) == before
    assert result.promoted == ()
    assert seats(db, event_id) == {email(0): ("registered", None), email(1): ("registered", None),
                                   email(2): ("waiting", 1)}


# -- changes since the import ----------------------------------------------------------------------------------


def test_seats_the_undo_frees_go_to_the_waiting_list_as_after_a_cancellation(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=3)
    with transaction(db.sessions) as s:
        first = regs.register(s, event_id, contact_input(1), now=BEFORE)
        regs.register(s, event_id, contact_input(2), now=BEFORE)
    record = run_import(db, event_id, plan_of(tmp_path, [person(n, f"20.11.2021 1{n}:00") for n in (3, 4, 5)]))
    assert [seats(db, event_id)[email(n)] for n in (3, 4, 5)] == [("registered", None), ("waiting", 1),
                                                                   ("waiting", 2)]
    with transaction(db.sessions) as s:  # meanwhile: person 1 cancels (4 moves up), person 9 registers
        assert [r.email for r in regs.cancel(s, first.registration.id).promoted] == [email(4)]
        regs.register(s, event_id, contact_input(9), now=NOW + timedelta(hours=1))
    assert seats(db, event_id)[email(9)] == ("waiting", 2)

    result = undo(db, record)
    assert [r.email for r in result.promoted] == [email(9)]  # two seats freed, one person waiting
    assert seats(db, event_id) == {email(1): ("cancelled", None), email(2): ("registered", None),
                                   email(9): ("registered", None)}


def test_the_waiting_list_closes_its_gaps_when_nobody_can_move_up(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=1)
    with transaction(db.sessions) as s:
        regs.register(s, event_id, contact_input(1), now=BEFORE)
    record = run_import(db, event_id, plan_of(tmp_path, [person(2, "20.11.2021 10:00"), person(3, "")]))
    with transaction(db.sessions) as s:
        regs.register(s, event_id, contact_input(9), now=NOW + timedelta(hours=1))
    assert seats(db, event_id)[email(9)] == ("waiting", 3)

    result = undo(db, record)
    assert result.promoted == ()
    assert seats(db, event_id) == {email(1): ("registered", None), email(9): ("waiting", 1)}


def test_rows_synced_since_the_import_are_tombstoned_for_the_shared_database(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=10)
    with transaction(db.sessions) as s:
        regs.register(s, make_event(db), contact_input(3), now=BEFORE)  # known, without organisation
    mark_synced(db, "contact")
    plan = plan_of(tmp_path, [person(n, "20.11.2021 10:00") for n in (1, 2, 3)])
    record = run_import(db, event_id, plan)
    made = ids_by_email(record)
    (completed,) = record.completed_contacts
    # a push took person 1 (contact and registration) and the completed contact 3 to the shared database
    mark_synced(db, "contact", [made[email(1)][0], completed.id], seq=9)
    mark_synced(db, "registration", [made[email(1)][1]], seq=9)
    pushed_at = stored(db, "contact", completed.id)

    result = undo(db, record)
    assert (result.tombstoned_registrations, result.removed_registrations) == (1, 2)
    assert (result.tombstoned_contacts, result.removed_contacts) == (1, 1)
    for table, row_id in (("contact", made[email(1)][0]), ("registration", made[email(1)][1])):
        row = stored(db, table, row_id)
        assert row is not None and row["deleted_at"] is not None, table
        assert (row["dirty"], row["server_seq"]) == (1, 9), table
    # never synced: gone without a trace
    assert stored(db, "contact", made[email(2)][0]) is None
    assert stored(db, "registration", made[email(2)][1]) is None
    assert stored(db, "registration", made[email(3)][1]) is None
    # the completed contact: its fields empty again, as a new change for the shared database
    contact = stored(db, "contact", completed.id)
    assert pushed_at is not None and contact is not None
    assert (contact["organisation"], contact["role"], contact["dirty"], contact["server_seq"]) == ("", "", 1, 9)
    assert contact["updated_at"] > pushed_at["updated_at"]
    assert contact["deleted_at"] is None
    assert seats(db, event_id) == {}

    with transaction(db.sessions) as s:  # redo: the tombstones keep their ids, the others come back with theirs
        again = svc.redo_import(s, plan, record).record
    assert again is not None
    redone = ids_by_email(again)
    assert redone[email(2)] == made[email(2)]
    assert redone[email(1)][0] != made[email(1)][0] and redone[email(1)][1] != made[email(1)][1]
    assert set(seats(db, event_id)) == {email(1), email(2), email(3)}


def test_a_contact_the_import_created_stays_when_used_or_edited_since(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=10)
    other_event = make_event(db)
    with transaction(db.sessions) as s:
        regs.register(s, other_event, contact_input(4), now=BEFORE)  # known, without organisation and function
    record = run_import(db, event_id, plan_of(tmp_path, [person(n, "20.11.2021 10:00") for n in (1, 2, 3, 4)]))
    made = ids_by_email(record)
    with transaction(db.sessions) as s:
        regs.register(s, other_event, contact_input(1), now=NOW)  # person 1 registers for another event
        update_contact(s, made[email(2)][0], notes="Ruft zurück")  # person 2's contact is edited
        update_contact(s, made[email(4)][0], organisation="Landkreis 4")  # a filled field corrected by hand

    result = undo(db, record)
    assert set(result.kept_contacts) == {made[email(1)][0], made[email(2)][0]}
    assert seats(db, event_id) == {}  # every registration of the import is gone
    with transaction(db.sessions) as s:
        contacts = {c.email_normalized: c for c in s.scalars(select(Contact))}
        assert contacts[email(1)].deleted_at is None
        assert (contacts[email(2)].deleted_at, contacts[email(2)].notes) == (None, "Ruft zurück")
        assert email(3) not in contacts
        # the hand correction stays; the function the import filled is empty again
        assert (contacts[email(4)].organisation, contacts[email(4)].role) == ("Landkreis 4", "")
        assert {r.email for r in regs.list_registration_rows(s, other_event)} == {email(1), email(4)}


def test_a_registration_with_a_message_is_tombstoned_and_keeps_it(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=10)
    record = run_import(db, event_id, plan_of(tmp_path, [person(1, "20.11.2021 10:00")]))
    contact_id, reg_id = ids_by_email(record)[email(1)]
    with transaction(db.sessions) as s:  # the confirmation went out before the mistake was noticed
        s.add(RegistrationMessage(registration_id=reg_id, template="confirmation", channel="smtp", at=NOW,
                                  result="sent"))

    result = undo(db, record)
    assert (result.tombstoned_registrations, result.tombstoned_contacts) == (1, 1)
    registration, contact = stored(db, "registration", reg_id), stored(db, "contact", contact_id)
    assert registration is not None and registration["deleted_at"] is not None and registration["dirty"] == 1
    assert contact is not None and contact["deleted_at"] is not None
    assert seats(db, event_id) == {}


def test_a_dry_run_leaves_nothing_to_undo(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    with transaction(db.sessions) as s:
        report = svc.import_plan(s, event_id, plan_of(tmp_path, [person(1, "")]), dry_run=True, now=NOW)
    assert report.created == 1 and report.record is None
