"""Applying the one seat rule (``domain.allocation``) to an event's stored registrations, and reporting who moved.

Every service that changes a fact a seat depends on calls ``apply_allocation`` afterwards; this module is the
only writer of ``Registration.status`` between *registered* and *waiting* and of ``waitlist_position``.

The registrations are read with one Core query (an event with 10,000 registrations costs a few milliseconds);
only the rows whose seat or place changes are loaded as ORM objects and written, so the change marker and
``updated_at`` are stamped by the session's ``before_flush`` hook as for any other local change.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odn_desktop.domain.allocation import EVENT_POOL, Allocation, QueueEntry, allocate
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.seats import Pool, RegistrationStatus
from odn_desktop.store.batches import in_batches
from odn_desktop.store.models import Event, Registration, Round

from .rows import bulk_snapshot
from .seat_limits import EventPool, OverLimitPool, RoundPool, pools_over_limit

REGISTERED = RegistrationStatus.REGISTERED.value
WAITING = RegistrationStatus.WAITING.value
CANCELLED = RegistrationStatus.CANCELLED.value

#: statuses in which a meeting gives no new seats (its list is a record of what happened)
FROZEN_STATUSES = frozenset({"held", "cancelled"})
#: the gap between two queue places, so someone can be moved to a given place without renumbering everyone
QUEUE_STEP = 1024


@bulk_snapshot  # an event's whole queue, 10,000 rows at an import: without the frozen guard's cost at run time
class QueuedRegistration:
    """What the allocation needs of one stored registration (a row of one Core query, no ORM object)."""

    id: uuid.UUID
    status: str
    round_id: uuid.UUID | None
    queue_order: int
    forced_seat: bool
    waitlist_position: int | None


@dataclass(frozen=True)
class AllocationReport:
    """What one application of the rule changed: who got a seat, who lost one, whose waiting place moved."""

    event_id: uuid.UUID
    promoted: tuple[uuid.UUID, ...]
    demoted: tuple[uuid.UUID, ...]
    renumbered: tuple[uuid.UUID, ...]
    over_limit: tuple[OverLimitPool, ...]
    allocation: Allocation


def read_queue(session: Session, event_id: uuid.UUID) -> list[QueuedRegistration]:
    """The event's live, not cancelled registrations in queue order (ties broken by id, as on every laptop)."""
    session.flush()
    rows = session.execute(
        select(Registration.id, Registration.status, Registration.round_id, Registration.queue_order,
               Registration.forced_seat, Registration.waitlist_position)
        .where(Registration.event_id == event_id, Registration.deleted_at.is_(None),
               Registration.status != CANCELLED)
    ).all()
    queue = [QueuedRegistration(r[0], r[1], r[2], r[3] or 0, bool(r[4]), r[5]) for r in rows]
    queue.sort(key=lambda q: (q.queue_order, q.id.hex))
    return queue


def _pools(session: Session, event: Event) -> tuple[Pool, dict[Hashable, Pool]]:
    rounds = session.scalars(select(Round).where(Round.event_id == event.id, Round.deleted_at.is_(None))).all()
    return Pool(event.capacity, event.overbooking_percent), {r.id: Pool(r.capacity) for r in rounds}


def plan(session: Session, event: Event, queue: Sequence[QueuedRegistration]) -> Allocation:
    """The allocation of ``queue`` (stored rows, possibly with rows about to be inserted appended) for ``event``."""
    event_pool, round_pools = _pools(session, event)
    entries = [QueueEntry(q.id, q.round_id, q.status == REGISTERED, q.forced_seat and q.status == REGISTERED)
               for q in queue]
    return allocate(event_pool, round_pools, entries, promote=_promotes(event))


def _promotes(event: Event) -> bool:
    """A meeting that was held, cancelled or deleted gives no new seats: its list is the record of what happened.
    (Not judged by the clock: two laptops must reach the same allocation whenever they sync.)"""
    return event.deleted_at is None and event.status not in FROZEN_STATUSES


def apply_allocation(session: Session, event_id: uuid.UUID, queue: Sequence[QueuedRegistration] | None = None, *,
                     planned: Allocation | None = None) -> AllocationReport:
    """Decide and write every seat and waiting place of the event; report who moved and pools over their limit.

    ``queue``: the event's queue as stored now (``read_queue``'s rows and order), given by a caller that has just
    written it and holds it in memory (an import of 10,000 rows: reading them back cost ~70 ms); else it is read.

    ``planned``: ``plan`` of this queue as it was before its newest rows were written with the seats and places
    that plan gave them (an import decides its rows' seats before it writes them). The rule gives the written
    queue the same seats and places (it seats the waiting in queue order, and those rows follow every other), so
    it is not run a second time over the same 10,000 rows; only ``promoted`` still names those rows."""
    event = session.get(Event, event_id)
    if event is None:
        raise UserError("Diese Veranstaltung gibt es nicht (mehr).")
    if queue is None:
        queue = read_queue(session, event_id)
    else:
        session.flush()
    allocation = plan(session, event, queue) if planned is None else planned
    changes: dict[uuid.UUID, tuple[str, int | None, bool]] = {}
    promoted: list[uuid.UUID] = []
    demoted: list[uuid.UUID] = []
    renumbered: list[uuid.UUID] = []
    for q in queue:
        seated = q.id in allocation.seated
        status = REGISTERED if seated else WAITING
        place = None if seated else allocation.waiting[q.id]
        forced = q.forced_seat and seated
        if (status, place, forced) != (q.status, q.waitlist_position, q.forced_seat):
            changes[q.id] = (status, place, forced)
            if status != q.status:
                (promoted if seated else demoted).append(q.id)
            else:
                renumbered.append(q.id)
    _clear_cancelled_places(session, event_id)
    if changes:
        for chunk in in_batches(list(changes)):
            for reg in session.scalars(select(Registration).where(Registration.id.in_(chunk))):
                reg.status, reg.waitlist_position, reg.forced_seat = changes[reg.id]
        session.flush()
    over_limit = allocation.over_limit()
    titles = {r.id: r.title for r in session.scalars(select(Round).where(Round.id.in_(
        [k for k in over_limit if isinstance(k, uuid.UUID)])))} if over_limit else {}
    over = tuple(
        OverLimitPool(event.id, event.title, key if isinstance(key, uuid.UUID) else None,
                      titles.get(key) if isinstance(key, uuid.UUID) else None,
                      use.limit or 0, use.seats, use.forced)
        for key, use in over_limit.items()
    )
    order = {q.id: i for i, q in enumerate(queue)}
    promoted.sort(key=order.__getitem__)
    return AllocationReport(event.id, tuple(promoted), tuple(demoted), tuple(renumbered), over, allocation)


def _clear_cancelled_places(session: Session, event_id: uuid.UUID) -> None:
    """A cancelled registration holds no waiting place and no forced seat."""
    for reg in session.scalars(select(Registration).where(
            Registration.event_id == event_id, Registration.status == CANCELLED,
            (Registration.waitlist_position.is_not(None)) | (Registration.forced_seat.is_(True)))):
        reg.waitlist_position = None
        reg.forced_seat = False


def apply_to_events(session: Session, event_ids: Iterable[uuid.UUID]) -> list[AllocationReport]:
    """``apply_allocation`` for several events (a merge, a privacy deletion), skipping events that are gone."""
    reports = []
    for event_id in sorted(set(event_ids), key=lambda e: e.hex):
        if session.get(Event, event_id) is not None:
            reports.append(apply_allocation(session, event_id))
    return reports


# -- the queue ---------------------------------------------------------------------------------------------


def next_queue_order(session: Session, event_id: uuid.UUID) -> int:
    """A queue place after everyone in the event's queue (cancelled rows included, so a re-registration after a
    cancellation joins the end); the places just after it stay free for the rows of the same import."""
    last = session.scalar(select(func.max(Registration.queue_order)).where(Registration.event_id == event_id)) or 0
    return (last // QUEUE_STEP + 1) * QUEUE_STEP


def queue_order_for_place(session: Session, event_id: uuid.UUID, registration_id: uuid.UUID, place: int) -> int:
    """A queue value that puts a waiting registration at waiting place ``place`` (1 = next to move up).

    Between the neighbours' values when there is room; otherwise the event's queue is spread out again first
    (the order stays as it was)."""
    waiting = [q for q in read_queue(session, event_id) if q.status == WAITING and q.id != registration_id]
    if place < 1 or place > len(waiting) + 1:
        raise UserError(f"Den Wartelistenplatz {place} gibt es nicht (1 bis {len(waiting) + 1}).")
    for _attempt in range(2):
        before = waiting[place - 2].queue_order if place >= 2 else None
        after = waiting[place - 1].queue_order if place <= len(waiting) else None
        if after is None:
            return next_queue_order(session, event_id)
        if before is None:
            return after - QUEUE_STEP  # before everyone waiting (seat holders' places do not matter)
        if after - before >= 2:
            return (before + after) // 2
        _spread_queue(session, event_id)
        waiting = [q for q in read_queue(session, event_id) if q.status == WAITING and q.id != registration_id]
    raise AssertionError("the spread queue leaves room between neighbours")


def _spread_queue(session: Session, event_id: uuid.UUID) -> None:
    """Renumber the event's queue with gaps of ``QUEUE_STEP``, keeping its order (cancelled rows too)."""
    regs = sorted(session.scalars(select(Registration).where(Registration.event_id == event_id,
                                                              Registration.deleted_at.is_(None))),
                  key=lambda r: (r.queue_order, r.id.hex))
    for index, reg in enumerate(regs, start=1):
        if reg.queue_order != index * QUEUE_STEP:
            reg.queue_order = index * QUEUE_STEP
    session.flush()


# -- reading the state for views -----------------------------------------------------------------------------


def over_limit_pools(session: Session, event_ids: Iterable[uuid.UUID] | None = None) -> list[OverLimitPool]:
    """Pools currently above their limit (beyond forced seats), for the overview's flag and the sync report.

    Counted with one grouped query instead of running the allocation: the rule never seats anyone beyond a limit,
    so a pool is over its limit exactly when its seat holders without a forced seat already exceed it.
    """
    session.flush()
    live_events = select(Event.id).where(Event.deleted_at.is_(None))
    if event_ids is not None:
        live_events = live_events.where(Event.id.in_(list(event_ids)))
    held = session.execute(
        select(Registration.event_id, Registration.round_id, Registration.forced_seat, func.count())
        .where(Registration.event_id.in_(live_events), Registration.deleted_at.is_(None),
               Registration.status == REGISTERED)
        .group_by(Registration.event_id, Registration.round_id, Registration.forced_seat)
    ).all()
    if not held:
        return []
    named = list({event_id for event_id, _r, _f, _n in held})
    events = {e.id: EventPool(e.id, e.title, e.starts_at, Pool(e.capacity, e.overbooking_percent))
              for e in session.scalars(select(Event).where(Event.id.in_(named)))}
    rounds = {r.id: RoundPool(r.id, r.title, Pool(r.capacity)) for r in session.scalars(
        select(Round).where(Round.event_id.in_(named), Round.deleted_at.is_(None)))}
    return pools_over_limit(((e, r, bool(f), n) for e, r, f, n in held), events, rounds)


__all__ = ["EVENT_POOL", "AllocationReport", "OverLimitPool", "QueuedRegistration", "apply_allocation",
           "apply_to_events", "next_queue_order", "over_limit_pools", "plan", "queue_order_for_place", "read_queue"]
