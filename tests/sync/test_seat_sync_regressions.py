"""The seat defects issue 12 found with two and three laptops syncing, each as a test (both server kinds)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from sync_helpers import Laptop, seat_given_back_while_deleted

from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.registrations import (
    cancel,
    move_to_end_of_queue,
    register,
)
from odn_desktop.services.seat_allocation import over_limit_pools
from odn_desktop.store.models import Contact, Registration
from odn_desktop.sync import engine

START = datetime.now(UTC).replace(microsecond=0) + timedelta(days=40)
Laptops = object


def event(laptop: Laptop, capacity: int | None) -> uuid.UUID:
    return laptop.do(lambda s: create_event(s, title="Treffen", starts_at=START, ends_at=START + timedelta(hours=2),
                                            capacity=capacity).id)  # type: ignore[no-any-return]


def enrol(laptop: Laptop, ev: uuid.UUID, name: str) -> str:
    return laptop.do(lambda s: register(s, ev, ContactInput(email=f"{name}@x.example", last_name=name)).status)  # type: ignore[no-any-return]


def reg_id(s: Session, name: str) -> uuid.UUID:
    return s.scalars(select(Registration.id).join(Contact).where(
        Contact.email_normalized == f"{name}@x.example", Registration.deleted_at.is_(None))).one()


def state(laptop: Laptop, ev: uuid.UUID) -> dict[str, tuple[str, int | None]]:
    def run(s: Session) -> dict[str, tuple[str, int | None]]:
        regs = s.scalars(select(Registration).where(Registration.event_id == ev, Registration.deleted_at.is_(None)))
        return {r.contact.last_name: (r.status, r.waitlist_position) for r in regs}

    return laptop.do(run)  # type: ignore[no-any-return]


def test_two_cancellations_on_two_laptops_leave_no_gap_in_the_waiting_list(laptops, remote: str) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops("a"), laptops("b")
    ev = event(a, 1)
    for name in ("h", "w", "p"):
        enrol(a, ev, name)  # h holds the seat, w waits #1, p waits #2
    a.sync()
    b.sync()
    a.do(lambda s: cancel(s, reg_id(s, "p")))
    b.do(lambda s: cancel(s, reg_id(s, "w")))
    b.sync()
    a.sync()
    b.sync()
    for laptop in (a, b):
        assert state(laptop, ev) == {"h": ("registered", None), "w": ("cancelled", None), "p": ("cancelled", None)}
    assert enrol(a, ev, "n") == "waiting"
    assert state(a, ev)["n"] == ("waiting", 1)  # the next person waits at place 1, nobody is missing before them


def test_a_person_moved_to_the_end_stays_there_after_a_sync(laptops, remote: str) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops("a"), laptops("b")
    ev = event(a, 1)
    for name in ("h", "first", "second"):
        enrol(a, ev, name)
    a.do(lambda s: move_to_end_of_queue(s, reg_id(s, "first")))
    a.sync()
    b.sync()
    enrol(b, ev, "third")  # another change on B, so B's sync merges
    b.sync()
    a.sync()
    for laptop in (a, b):
        assert state(laptop, ev)["second"] == ("waiting", 1)
        assert state(laptop, ev)["first"] == ("waiting", 2)
    b.do(lambda s: cancel(s, reg_id(s, "h")))
    assert state(b, ev)["second"] == ("registered", None)  # the next seat goes to the head of the queue


def test_seats_given_while_another_laptop_lowered_the_capacity_are_kept_and_reported(laptops, remote: str) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops("a"), laptops("b")
    ev = event(a, 3)
    a.sync()
    b.sync()
    a.do(lambda s: update_event(s, ev, capacity=1))
    for name in ("x", "y", "z"):
        assert enrol(b, ev, name) == "registered"
    a.sync()
    result = b.sync()
    assert [(o.event_id, o.limit, o.seats) for o in result.overbooked] == [(ev, 1, 3)]
    assert result.to_json()["overbooked"] == [{"event_id": str(ev), "event_title": "Treffen", "round_id": None,
                                               "round_title": None, "limit": 1, "seats": 3, "forced": 0}]
    assert [(o.limit, o.seats) for o in a.sync().overbooked] == [(1, 3)]
    assert {v[0] for v in state(a, ev).values()} == {"registered"}


def test_a_status_conflict_kept_remote_gives_the_freed_seat_to_the_queue(laptops, remote: str) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops("a"), laptops("b")
    ev = event(a, 1)
    enrol(a, ev, "h")
    enrol(a, ev, "w")  # waits #1
    a.sync()
    b.sync()
    a.do(lambda s: cancel(s, reg_id(s, "h")))  # A: h cancelled, w moves up
    b.do(lambda s: s.get(Registration, reg_id(s, "h")).__setattr__("notes", "ruft an"))  # unrelated
    b.do(lambda s: cancel(s, reg_id(s, "w")))  # B: w cancels instead (while A gave w the seat)
    a.sync()
    result = b.sync()
    assert result.conflicts, "registered vs cancelled is the coordinator's decision"
    for conflict in result.conflicts:
        engine.resolve(b.db, conflict.conflict_id, "remote")
    seats = state(b, ev)
    assert seats["h"] == ("cancelled", None) and seats["w"] == ("registered", None)
    assert enrol(b, ev, "n") == "waiting"  # no free seat left for a newcomer to take


@pytest.mark.parametrize("keep", ["remote", "local"])
def test_a_deletion_undone_by_a_decision_brings_back_its_seat_over_the_rounds_limit(  # type: ignore[no-untyped-def]
        laptops, remote: str, keep: str) -> None:
    """Found by test_seat_model: A gives round R's only seat back to p3 (p7 waits again) while B deletes p3, who
    waits there. B's sync gives the seat to p7 (p3 stays deleted on B while the conflict is open) and reports no
    pool over its limit, rightly: on B none is. Keeping the server's version brings p3 back with the seat A gave;
    both keep their seats (a seat once given is kept), so R is over its limit: flagged on B at once, reported by
    A's next sync. Keeping the deletion leaves the seat to p7 and nothing over."""
    a, b = laptops("a"), laptops("b")
    ev, result = seat_given_back_while_deleted(a, b)
    assert state(b, ev) == {"p7": ("registered", None)}
    assert result.overbooked == []
    assert [(c.table, c.field, c.remote) for c in result.conflicts] == [("registration", "deleted_at", None)]
    decision = engine.resolve(b.db, result.conflicts[0].conflict_id, keep)

    def flagged(laptop: Laptop) -> list[tuple[str | None, int, int]]:
        return [(o.round_title, o.limit, o.seats) for o in laptop.do(lambda s: over_limit_pools(s, [ev]))]

    over = [("R", 1, 2)] if keep == "remote" else []
    seats = {"p3": ("registered", None), "p7": ("registered", None)} if keep == "remote" else {
        "p7": ("registered", None)}
    assert state(b, ev) == seats
    assert flagged(b) == over
    assert [(o.round_title, o.limit, o.seats) for o in decision.overbooked] == over  # told at the decision
    assert decision.conflict.conflict_id == result.conflicts[0].conflict_id
    assert b.sync().overbooked == []  # B already knows (the decision), nothing new merged
    assert [(o.round_title, o.limit, o.seats) for o in a.sync().overbooked] == over
    assert state(a, ev) == seats
    assert flagged(a) == over
