"""Registering, cancelling with promotion, waiting list moves, rounds, lateness: on a real SQLite file."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, event_row, update_event
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration, Round
from odn_desktop.store.open import Database

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
END = datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN)
BEFORE = datetime(2021, 11, 20, 9, 0, tzinfo=BERLIN)


def person(n: int, email: str | None = None) -> ContactInput:
    return ContactInput(email=email or f"person{n}@kommune.example", first_name=f"Vorname{n}", last_name=f"Name{n}")


def make_event(db: Database, **fields: object):  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        return create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=END, **fields).id


def test_capacity_two_third_person_waits_then_moves_up_on_cancel(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    with transaction(db.sessions) as s:
        r1 = regs.register(s, event_id, person(1), now=BEFORE).registration
        r2 = regs.register(s, event_id, person(2), now=BEFORE).registration
        r3 = regs.register(s, event_id, person(3), now=BEFORE).registration
    assert (r1.status, r2.status, r3.status) == ("registered", "registered", "waiting")
    assert r3.waitlist_position == 1
    with transaction(db.sessions) as s:
        change = regs.cancel(s, r1.id)
    assert change.registration.status == "cancelled"
    assert [p.id for p in change.promoted] == [r3.id]
    assert "Vorname3 Name3" in (change.message() or "")
    with transaction(db.sessions) as s:
        row = event_row(s, event_id)
    assert (row.registered, row.waiting, row.cancelled, row.free_seats) == (2, 0, 1, 0)


def test_cancelling_a_waiting_person_renumbers_the_waiting_list(db: Database) -> None:
    event_id = make_event(db, capacity=1)
    with transaction(db.sessions) as s:
        ids = [regs.register(s, event_id, person(i), now=BEFORE).registration.id for i in range(4)]
        regs.cancel(s, ids[2])
        rows = {r.id: r for r in regs.list_registration_rows(s, event_id)}
    assert rows[ids[1]].waitlist_position == 1
    assert rows[ids[3]].waitlist_position == 2
    assert rows[ids[2]].waitlist_position is None


def test_capacity_zero_puts_everyone_on_the_waiting_list(db: Database) -> None:
    event_id = make_event(db, capacity=0)
    with transaction(db.sessions) as s:
        result = regs.register(s, event_id, person(1), now=BEFORE)
        row = event_row(s, event_id)
    assert result.status == "waiting"
    assert row.free_seats == 0
    assert str(row.seat_status) == "Ausgebucht – Warteliste"


def test_unlimited_capacity_never_waits(db: Database) -> None:
    event_id = make_event(db, capacity=None)
    with transaction(db.sessions) as s:
        statuses = {regs.register(s, event_id, person(i), now=BEFORE).status for i in range(25)}
        row = event_row(s, event_id)
    assert statuses == {"registered"}
    assert row.free_seats is None and row.seat_limit is None


def test_overbooking_allows_extra_seats(db: Database) -> None:
    event_id = make_event(db, capacity=10, overbooking_percent=20)
    with transaction(db.sessions) as s:
        statuses = [regs.register(s, event_id, person(i), now=BEFORE).status for i in range(13)]
    assert statuses.count("registered") == 12
    assert statuses.count("waiting") == 1


def test_raising_capacity_promotes_from_the_waiting_list_in_order(db: Database) -> None:
    event_id = make_event(db, capacity=1)
    with transaction(db.sessions) as s:
        ids = [regs.register(s, event_id, person(i), now=BEFORE).registration.id for i in range(4)]
    with transaction(db.sessions) as s:
        result = update_event(s, event_id, capacity=3)
    assert list(result.promoted) == ids[1:3]


def test_same_email_is_one_contact_regardless_of_case_and_whitespace(db: Database) -> None:
    first = make_event(db, capacity=10)
    second = make_event(db, capacity=10)
    with transaction(db.sessions) as s:
        regs.register(s, first, person(1, "Jana.Becker@Kiel.example"), now=BEFORE)
        regs.register(s, second, person(1, "  jana.becker@kiel.EXAMPLE "), now=BEFORE)
        with pytest.raises(UserError, match="bereits angemeldet"):
            regs.register(s, first, person(1, "JANA.BECKER@kiel.example"), now=BEFORE)
        assert s.scalar(select(func.count()).select_from(Contact)) == 1
        assert s.scalar(select(func.count()).select_from(Registration)) == 2


def test_invalid_email_is_a_german_user_error_and_writes_nothing(db: Database) -> None:
    event_id = make_event(db, capacity=10)
    with pytest.raises(UserError, match="ungültig"), transaction(db.sessions) as s:
        regs.register(s, event_id, person(1, "kein-at-zeichen.example"), now=BEFORE)
    with transaction(db.sessions) as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 0


def test_registration_after_the_deadline_needs_permission_and_is_marked_late(db: Database) -> None:
    from odn_desktop.domain.deadlines import end_of_day

    event_id = make_event(db, capacity=10, registration_deadline=end_of_day(datetime(2021, 12, 1).date()))
    after = datetime(2021, 12, 2, 0, 30, tzinfo=BERLIN)
    just_before = datetime(2021, 12, 1, 23, 59, tzinfo=BERLIN)
    with transaction(db.sessions) as s:
        assert regs.register(s, event_id, person(1), now=just_before).registration.late is False
    with pytest.raises(UserError, match="Anmeldefrist"), transaction(db.sessions) as s:
        regs.register(s, event_id, person(2), now=after)
    with transaction(db.sessions) as s:
        late = regs.register(s, event_id, person(2), now=after, allow_late=True).registration
    assert late.late is True and late.status == "registered"


def test_rounds_have_their_own_capacity(db: Database) -> None:
    event_id = make_event(db, capacity=10)
    with transaction(db.sessions) as s:
        a = Round(event_id=event_id, title="Runde A: Einsteiger:innen", capacity=1, position=1)
        b = Round(event_id=event_id, title="Runde B: Fortgeschrittene", capacity=5, position=2)
        s.add_all([a, b])
        s.flush()
        a_id, b_id = a.id, b.id
    with transaction(db.sessions) as s:
        first = regs.register(s, event_id, person(1), round_id=a_id, now=BEFORE).registration
        second = regs.register(s, event_id, person(2), round_id=a_id, now=BEFORE).registration
        third = regs.register(s, event_id, person(3), round_id=b_id, now=BEFORE).registration
    assert (first.status, second.status, third.status) == ("registered", "waiting", "registered")
    assert second.round == "Runde A: Einsteiger:innen"
    with transaction(db.sessions) as s:
        change = regs.cancel(s, first.id)
    assert [p.id for p in change.promoted] == [second.id]


def test_cancel_promotes_the_next_person_whose_round_has_room(db: Database) -> None:
    event_id = make_event(db, capacity=2)
    with transaction(db.sessions) as s:
        a = Round(event_id=event_id, title="A", capacity=1, position=1)
        b = Round(event_id=event_id, title="B", capacity=5, position=2)
        s.add_all([a, b])
        s.flush()
        holder_a = regs.register(s, event_id, person(1), round_id=a.id, now=BEFORE).registration
        holder_b = regs.register(s, event_id, person(2), round_id=b.id, now=BEFORE).registration
        wait_a = regs.register(s, event_id, person(3), round_id=a.id, now=BEFORE).registration
        wait_b = regs.register(s, event_id, person(4), round_id=b.id, now=BEFORE).registration
    assert holder_a.status == holder_b.status == "registered"
    assert (wait_a.status, wait_b.status) == ("waiting", "waiting")
    with transaction(db.sessions) as s:
        change = regs.cancel(s, holder_b.id)  # frees an event seat and a B seat; round A is still full
    assert [p.id for p in change.promoted] == [wait_b.id]


def test_move_to_and_from_the_waiting_list(db: Database) -> None:
    event_id = make_event(db, capacity=1)
    with transaction(db.sessions) as s:
        r1 = regs.register(s, event_id, person(1), now=BEFORE).registration
        r2 = regs.register(s, event_id, person(2), now=BEFORE).registration
    with pytest.raises(UserError, match="kein Platz"), transaction(db.sessions) as s:
        regs.move_from_waiting_list(s, r2.id)
    with transaction(db.sessions) as s:
        change = regs.move_to_waiting_list(s, r1.id)
        moved = change.registration
        # the freed seat goes to the head of the queue (r2), the moved person waits at the end
        assert [p.id for p in change.promoted] == [r2.id]
        assert moved.status == "waiting" and moved.waitlist_position == 1
    with pytest.raises(UserError, match="kein Platz"), transaction(db.sessions) as s:
        regs.move_from_waiting_list(s, r1.id)
    with transaction(db.sessions) as s:
        forced = regs.move_from_waiting_list(s, r1.id, force=True).registration
        row = event_row(s, event_id)
    assert forced.status == "registered" and forced.forced_seat
    assert row.registered == 2 and row.free_seats == 0  # overbooked by hand: never negative


def test_mark_attendance(db: Database) -> None:
    event_id = make_event(db, capacity=5)
    with transaction(db.sessions) as s:
        r = regs.register(s, event_id, person(1), now=BEFORE).registration
        row = regs.mark_attendance(s, r.id, True, 75)
        assert (row.attended, row.attended_minutes) == (True, 75)
        row = regs.mark_attendance(s, r.id, False)
        assert (row.attended, row.attended_minutes) == (False, None)
        with pytest.raises(UserError):
            regs.mark_attendance(s, r.id, True, -1)


def test_registration_for_a_cancelled_event_is_refused(db: Database) -> None:
    from odn_desktop.services.events import cancel_event

    event_id = make_event(db, capacity=5)
    with transaction(db.sessions) as s:
        cancel_event(s, event_id)
    with pytest.raises(UserError, match="abgesagt"), transaction(db.sessions) as s:
        regs.register(s, event_id, person(1), now=BEFORE)


def test_changes_stamp_updated_at_and_the_change_marker(db: Database) -> None:
    event_id = make_event(db, capacity=5)
    with transaction(db.sessions) as s:
        r = regs.register(s, event_id, person(1), now=BEFORE).registration
        reg = s.get(Registration, r.id)
        assert reg is not None
        reg.dirty = False
        reg.server_seq = 7
        stamp = reg.updated_at
    with transaction(db.sessions) as s:
        regs.mark_attendance(s, r.id, True, 10)
    with transaction(db.sessions) as s:
        reg = s.get(Registration, r.id)
        assert reg is not None
        assert reg.dirty is True and reg.updated_at > stamp and reg.updated_at.tzinfo is not None


# -- issue 12: one seat rule, registration window, rounds ----------------------------------------------------


def test_moving_up_by_hand_respects_the_round_capacity(db: Database) -> None:
    event_id = make_event(db, capacity=10)
    with transaction(db.sessions) as s:
        rnd = Round(event_id=event_id, title="Einsteiger:innen", capacity=1)
        s.add(rnd)
        s.flush()
        holder = regs.register(s, event_id, person(1), round_id=rnd.id, now=BEFORE).registration
        waiting = regs.register(s, event_id, person(2), round_id=rnd.id, now=BEFORE).registration
    assert (holder.status, waiting.status) == ("registered", "waiting")  # the round is full, the event is not
    with pytest.raises(UserError, match="Runde „Einsteiger:innen“"), transaction(db.sessions) as s:
        regs.move_from_waiting_list(s, waiting.id)
    with transaction(db.sessions) as s:
        forced = regs.move_from_waiting_list(s, waiting.id, force=True).registration
    assert forced.status == "registered" and forced.forced_seat  # only as the coordinator's explicit decision


@pytest.mark.parametrize(("status", "reason"), [("draft", "Entwurf"), ("closed", "geschlossen"),
                                                ("held", "stattgefunden"), ("cancelled", "abgesagt")])
def test_statuses_outside_the_window_refuse_registration_unless_late(db: Database, status: str,
                                                                     reason: str) -> None:
    event_id = make_event(db, capacity=10)
    with transaction(db.sessions) as s:
        update_event(s, event_id, status=status)
    with pytest.raises(UserError, match=reason), transaction(db.sessions) as s:
        regs.register(s, event_id, person(1), now=BEFORE)
    with transaction(db.sessions) as s:
        late = regs.register(s, event_id, person(1), now=BEFORE, allow_late=True).registration
    assert late.late


def test_registration_before_it_opens_is_refused(db: Database) -> None:
    opens = datetime(2021, 11, 22, 8, 0, tzinfo=BERLIN)
    event_id = make_event(db, capacity=10, registration_opens_at=opens)
    with pytest.raises(UserError, match=r"öffnet erst am 22\.11\.2021 08:00"), transaction(db.sessions) as s:
        regs.register(s, event_id, person(1), now=BEFORE)
    with transaction(db.sessions) as s:
        assert not regs.register(s, event_id, person(1), now=opens).registration.late


def test_an_event_with_rounds_needs_a_round_unless_it_says_so(db: Database) -> None:
    event_id = make_event(db, capacity=10)
    with transaction(db.sessions) as s:
        s.add(Round(event_id=event_id, title="A", capacity=None))
    with pytest.raises(UserError, match="Bitte eine Runde wählen"), transaction(db.sessions) as s:
        regs.register(s, event_id, person(1), now=BEFORE)
    with transaction(db.sessions) as s:
        update_event(s, event_id, rounds_optional=True)
        assert regs.register(s, event_id, person(1), now=BEFORE).registration.round is None


def test_lowering_the_capacity_keeps_the_seats_and_says_so(db: Database) -> None:
    event_id = make_event(db, capacity=3)
    with transaction(db.sessions) as s:
        for n in range(4):
            regs.register(s, event_id, person(n), now=BEFORE)
        update = update_event(s, event_id, capacity=1)
    assert [(o.limit, o.seats) for o in update.over_limit] == [(1, 3)]
    assert "3 Plätze vergeben bei 1 verfügbaren" in update.over_limit[0].message()
    with transaction(db.sessions) as s:
        rows = regs.list_registration_rows(s, event_id)
    assert [r.status for r in rows] == ["registered"] * 3 + ["waiting"]
