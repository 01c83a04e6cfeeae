"""The registrant tables' reads (Core rows equal the ORM service's) and bulk changes with exact undo."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN, utcnow
from odn_desktop.services import registration_views as views
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, delete_event, list_event_rows
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.open import Database

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)
BEFORE = datetime(2031, 11, 20, 9, 0, tzinfo=BERLIN)


def person(n: int) -> ContactInput:
    return ContactInput(email=f"person{n}@kommune.example", first_name=f"Vorname{n}", last_name=f"Name{n}")


def make_event(db: Database, capacity: int | None = 2, start: datetime = START, **fields: object) -> uuid.UUID:
    with transaction(db.sessions) as s:
        return create_event(s, title="Netzwerktreffen", starts_at=start, ends_at=start + timedelta(hours=1),
                            capacity=capacity, **fields).id


def register(db: Database, event_id: uuid.UUID, *numbers: int) -> list[uuid.UUID]:
    with transaction(db.sessions) as s:
        return [regs.register(s, event_id, person(n), now=BEFORE).registration.id for n in numbers]


def states(db: Database, event_id: uuid.UUID) -> list[regs.RegistrationState]:
    with transaction(db.sessions) as s:
        return sorted(regs.snapshot_event_registrations(s, event_id), key=lambda r: str(r.id))


def statuses(db: Database, event_id: uuid.UUID) -> dict[str, tuple[str, int | None]]:
    with transaction(db.sessions) as s:
        return {r.last_name: (r.status, r.waitlist_position) for r in views.event_registration_rows(s, event_id)}


# -- reading -----------------------------------------------------------------------------------------------


def test_event_rows_equal_the_orm_service_rows_for_every_demo_event(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        for event in list_event_rows(s):
            expected = regs.list_registration_rows(s, event.id)
            got = views.event_registration_rows(s, event.id)
            assert got == expected  # same values and the same order
            assert [r.search_key for r in got] == [r.search_key for r in expected]


def test_all_rows_carry_their_event_newest_event_first(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        events = {e.id: e for e in list_event_rows(s)}
        rows = views.all_registration_rows(s)
        expected = regs.list_registration_rows(s)
    assert sorted(r.id for r in rows) == sorted(r.id for r in expected)
    assert all(r.event_title == events[r.event_id].title and r.event_starts_at == events[r.event_id].starts_at
               for r in rows)
    starts = [r.event_starts_at for r in rows]
    assert starts == sorted(starts, reverse=True)
    december = [r for r in rows if r.event_starts_at.month == 12 and r.event_title == "Open-Data-Netzwerktreffen"]
    with transaction(demo_db.sessions) as s:
        assert [r.id for r in december] == [r.id for r in regs.list_registration_rows(s, december[0].event_id)]


def test_newest_rows_are_whole_events_and_the_start_of_the_complete_list(db: Database) -> None:
    for month in range(1, 8):
        event_id = make_event(db, capacity=3, start=datetime(2031, month, 10, 10, tzinfo=BERLIN))
        register(db, event_id, *range(month * 10, month * 10 + 5))
    with transaction(db.sessions) as s:
        everything = views.all_registration_rows(s)
        first = views.newest_registration_rows(s, min_rows=7)
    assert len(everything) == 35
    assert first == everything[:7]
    with transaction(db.sessions) as s:
        assert views.newest_registration_rows(s, min_rows=1_000) == everything
        assert views.newest_registration_rows(s, min_rows=12) == everything[:12]


def test_newest_rows_keep_the_order_of_events_starting_together(db: Database) -> None:
    same = datetime(2031, 9, 1, 10, tzinfo=BERLIN)
    for title in ("Zukunftswerkstatt", "Austausch", "Mittagsrunde"):
        with transaction(db.sessions) as s:
            event_id = create_event(s, title=title, starts_at=same, ends_at=same + timedelta(hours=1)).id
        register(db, event_id, *range(len(title), len(title) + 3))
    with transaction(db.sessions) as s:
        everything = views.all_registration_rows(s)
        for n in (1, 4, 8):
            assert views.newest_registration_rows(s, min_rows=n) == everything[:n]
    assert [r.event_title for r in everything][::3] == ["Zukunftswerkstatt", "Mittagsrunde", "Austausch"]


def test_deleted_event_and_deleted_registrations_are_left_out(db: Database) -> None:
    kept, gone = make_event(db), make_event(db, start=START + timedelta(days=30))
    ids = register(db, kept, 1, 2)
    register(db, gone, 3)
    with transaction(db.sessions) as s:
        regs.delete_registration(s, ids[0])
        delete_event(s, gone)
    with transaction(db.sessions) as s:
        assert [r.id for r in views.all_registration_rows(s)] == [ids[1]]
        assert [r.id for r in views.event_registration_rows(s, kept)] == [ids[1]]
        with pytest.raises(UserError):
            views.load_event_registrations(s, gone)


def test_load_event_registrations_counts_the_seats(db: Database) -> None:
    event_id = make_event(db, capacity=2, overbooking_percent=50)
    ids = register(db, event_id, 1, 2, 3, 4, 5)
    with transaction(db.sessions) as s:
        regs.cancel(s, ids[0])
        data = views.load_event_registrations(s, event_id)
    seats = data.seats
    assert (seats.limit, seats.registered, seats.waiting, seats.cancelled, seats.free_seats) == (3, 3, 1, 1, 0)
    assert data.event.capacity == 2 and data.event.title == "Netzwerktreffen"
    assert [r.status for r in data.rows] == ["registered"] * 3 + ["waiting", "cancelled"]


def test_late_permission_follows_the_deadline(db: Database) -> None:
    past = make_event(db, registration_deadline=utcnow() - timedelta(days=1), start=utcnow() + timedelta(days=3))
    allowed = make_event(db, registration_deadline=utcnow() - timedelta(days=1), start=utcnow() + timedelta(days=3),
                         allow_late_registration=True)
    with transaction(db.sessions) as s:
        assert views.event_header(s, past).needs_late_permission()
        assert not views.event_header(s, allowed).needs_late_permission()
        assert not views.event_header(s, past).needs_late_permission(now=utcnow() - timedelta(days=2))


def test_active_contact_ids_leave_out_cancellations(db: Database) -> None:
    event_id = make_event(db, capacity=1)
    ids = register(db, event_id, 1, 2, 3)
    with transaction(db.sessions) as s:
        regs.cancel(s, ids[2])
        active = views.active_contact_ids(s, event_id)
        contacts = {r.id: r.contact_id for r in views.event_registration_rows(s, event_id)}
    assert active == {contacts[ids[0]]: "registered", contacts[ids[1]]: "waiting"}


# -- bulk changes ------------------------------------------------------------------------------------------


def test_cancel_promotes_the_waiting_person_and_restore_undoes_it(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    ids = register(db, event_id, 1, 2, 3, 4)
    before = states(db, event_id)
    with transaction(db.sessions) as s:
        change = views.cancel_registrations(s, event_id, [ids[0]])
    assert change.count == 1 and [r.id for r in change.promoted] == [ids[2]]
    assert "Vorname3 Name3" in (change.message() or "")
    assert statuses(db, event_id) == {"Name1": ("cancelled", None), "Name2": ("registered", None),
                                      "Name3": ("registered", None), "Name4": ("waiting", 1)}
    with transaction(db.sessions) as s:
        views.restore(s, change)
    assert states(db, event_id) == before


def test_cancelling_a_seat_holder_and_the_next_waiting_person_promotes_the_one_after(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    ids = register(db, event_id, 1, 2, 3, 4)
    with transaction(db.sessions) as s:
        change = views.cancel_registrations(s, event_id, [ids[0], ids[2], ids[2]])
    assert change.count == 2
    assert [r.id for r in change.promoted] == [ids[3]]  # the third person was cancelled too: not reported
    assert statuses(db, event_id)["Name4"] == ("registered", None)


def test_already_cancelled_rows_are_skipped(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    ids = register(db, event_id, 1)
    with transaction(db.sessions) as s:
        views.cancel_registrations(s, event_id, ids)
        again = views.cancel_registrations(s, event_id, ids)
    assert again.count == 0 and again.message() is None and again.seat_change() is None


def test_move_to_and_from_the_waiting_list(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    ids = register(db, event_id, 1, 2, 3)
    with transaction(db.sessions) as s:
        to_waiting = views.move_to_waiting_list(s, event_id, [ids[0], ids[2]])  # ids[2] already waits: skipped
    assert to_waiting.count == 1
    # the seat Name1 gave up goes to the head of the queue (Name3); Name1 waits at the end
    assert statuses(db, event_id) == {"Name1": ("waiting", 1), "Name2": ("registered", None),
                                      "Name3": ("registered", None)}
    assert [p.id for p in to_waiting.changes[0].promoted] == [ids[2]]
    with pytest.raises(UserError), transaction(db.sessions) as s:
        views.move_from_waiting_list(s, event_id, [ids[0]], force=False)  # no free seat: refused
    # the whole transaction rolled back: nothing moved
    assert statuses(db, event_id)["Name1"] == ("waiting", 1)


def test_move_from_the_waiting_list_beyond_the_limit_needs_force(db: Database) -> None:
    event_id = make_event(db, capacity=1)
    ids = register(db, event_id, 1, 2, 3)
    with pytest.raises(UserError), transaction(db.sessions) as s:
        views.move_from_waiting_list(s, event_id, [ids[2]])
    with transaction(db.sessions) as s:
        change = views.move_from_waiting_list(s, event_id, [ids[2], ids[1]], force=True)
    assert [r.id for r in change.changed] == [ids[1], ids[2]]  # in waiting-list order
    assert statuses(db, event_id) == {"Name1": ("registered", None), "Name2": ("registered", None),
                                      "Name3": ("registered", None)}
    with transaction(db.sessions) as s:
        views.restore(s, change)
    assert statuses(db, event_id) == {"Name1": ("registered", None), "Name2": ("waiting", 1),
                                      "Name3": ("waiting", 2)}


def test_move_to_the_end_of_the_queue_and_to_a_waiting_place_undo_restores(db: Database) -> None:
    event_id = make_event(db, capacity=1)
    ids = register(db, event_id, 1, 2, 3, 4)  # Name1 holds the seat; Name2, Name3, Name4 wait in that order
    before = states(db, event_id)
    with transaction(db.sessions) as s:
        to_end = views.move_to_end_of_queue(s, event_id, [ids[2], ids[0], ids[1]])  # the seat holder is skipped
    assert [r.id for r in to_end.changed] == [ids[2], ids[1]]  # in the given order
    assert statuses(db, event_id) == {"Name1": ("registered", None), "Name4": ("waiting", 1),
                                      "Name3": ("waiting", 2), "Name2": ("waiting", 3)}
    with transaction(db.sessions) as s:
        views.restore(s, to_end)
    assert states(db, event_id) == before

    with transaction(db.sessions) as s:
        to_place = views.move_to_waiting_place(s, event_id, ids[3], 1)
    assert to_place.count == 1 and to_place.message() is None
    assert statuses(db, event_id) == {"Name1": ("registered", None), "Name4": ("waiting", 1),
                                      "Name2": ("waiting", 2), "Name3": ("waiting", 3)}
    with transaction(db.sessions) as s:
        views.restore(s, to_place)
    assert states(db, event_id) == before
    with pytest.raises(UserError), transaction(db.sessions) as s:
        views.move_to_waiting_place(s, event_id, ids[1], 4)  # three wait: places 1 to 3
    with pytest.raises(UserError), transaction(db.sessions) as s:
        views.move_to_waiting_place(s, event_id, ids[0], 1)  # a seat holder has no waiting place


def test_attendance_keeps_minutes_already_recorded(db: Database) -> None:
    event_id = make_event(db, capacity=5)
    ids = register(db, event_id, 1, 2)
    with transaction(db.sessions) as s:
        regs.mark_attendance(s, ids[0], True, 85)
        change = views.set_attendance(s, event_id, ids, True)
        rows = {r.id: r for r in views.event_registration_rows(s, event_id)}
    assert change.count == 1
    assert (rows[ids[0]].attended, rows[ids[0]].attended_minutes) == (True, 85)
    assert (rows[ids[1]].attended, rows[ids[1]].attended_minutes) == (True, None)
    with transaction(db.sessions) as s:
        views.restore(s, change)
        removed = views.set_attendance(s, event_id, ids, False)
        rows = {r.id: r for r in views.event_registration_rows(s, event_id)}
    assert removed.count == 1 and not rows[ids[0]].attended and rows[ids[0]].attended_minutes is None


def test_rows_of_another_event_are_ignored(db: Database) -> None:
    one, other = make_event(db), make_event(db)
    theirs = register(db, other, 1)
    with transaction(db.sessions) as s:
        assert views.cancel_registrations(s, one, theirs).count == 0
    assert statuses(db, other)["Name1"] == ("registered", None)


# -- registering and taking it back ------------------------------------------------------------------------


def contact_count(db: Database) -> int:
    with transaction(db.sessions) as s:
        return s.scalar(select(func.count()).select_from(Contact).where(Contact.deleted_at.is_(None))) or 0


def test_undo_register_removes_the_registration_and_the_new_contact(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    with transaction(db.sessions) as s:
        done = views.register_person(s, event_id, person(1), now=BEFORE)
    assert done.row.status == "registered" and done.result.contact_created
    assert contact_count(db) == 1
    with transaction(db.sessions) as s:
        views.undo_register_person(s, done)
    assert contact_count(db) == 0
    with transaction(db.sessions) as s:
        assert views.event_registration_rows(s, event_id) == []
        redone = views.register_person(s, event_id, person(1), now=BEFORE)  # redo works after the undo
    assert redone.row.status == "registered"


def test_a_newcomer_never_takes_a_seat_ahead_of_the_queue_and_undo_gives_no_seat_away(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    ids = register(db, event_id, 1, 2, 3)  # Name3 waits
    with transaction(db.sessions) as s:
        moved = regs.move_to_waiting_list(s, ids[0])  # the freed seat goes to Name3, the head of the queue
        assert [p.id for p in moved.promoted] == [ids[2]]
        before = sorted(regs.snapshot_event_registrations(s, event_id), key=lambda r: str(r.id))
        done = views.register_person(s, event_id, person(4), now=BEFORE)
    # the newcomer queues behind Name1, who is waiting already
    assert (done.row.status, done.row.waitlist_position) == ("waiting", 2)
    assert statuses(db, event_id)["Name1"] == ("waiting", 1)
    with transaction(db.sessions) as s:
        views.undo_register_person(s, done)
    after = [st for st in states(db, event_id) if st.id != done.row.id]
    assert after == before


def test_undo_of_a_renewed_registration_cancels_it_again_and_keeps_the_contact(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    ids = register(db, event_id, 1)
    with transaction(db.sessions) as s:
        regs.cancel(s, ids[0])
    other = make_event(db)
    register(db, other, 1)
    with transaction(db.sessions) as s:
        done = views.register_person(s, event_id, person(1), now=BEFORE)
    assert done.row.id == ids[0] and not done.result.contact_created
    with transaction(db.sessions) as s:
        views.undo_register_person(s, done)
        reg = s.get(Registration, ids[0])
        assert reg is not None and reg.status == "cancelled" and reg.deleted_at is None
    assert contact_count(db) == 1
