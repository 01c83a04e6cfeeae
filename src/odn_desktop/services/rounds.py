"""Parallel rounds of a meeting ("zwei parallele Runden zu unterschiedlichen Themen"): create, change, remove.

A round is a pool of its own (capacity or unlimited) inside the event's pool; every change that can move a seat
applies the seat rule afterwards (``seat_allocation.apply_allocation``), so raising a round's capacity gives the
freed seats to the people waiting for that round, and lowering it leaves the round over its limit (reported)
until cancellations bring it back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import fold_german
from odn_desktop.domain.plurals import plural
from odn_desktop.domain.seats import Pool, SeatCounts, seat_counts
from odn_desktop.domain.timezone import utcnow
from odn_desktop.store.models import Registration, Round

from .events import get_event
from .seat_allocation import AllocationReport, apply_allocation

_UNSET: Any = object()


@dataclass(frozen=True)
class RoundRow:
    """A round with its seat figures, for lists, gauges and ``rounds list --json``."""

    id: uuid.UUID
    event_id: uuid.UUID
    title: str
    description: str
    capacity: int | None
    position: int
    registered: int
    waiting: int
    seats: SeatCounts

    def to_json(self) -> dict[str, Any]:
        return {"id": str(self.id), "title": self.title, "capacity": self.capacity,
                "registered": self.registered, "waiting": self.waiting}


def _live_rounds(session: Session, event_id: uuid.UUID) -> list[Round]:
    return list(session.scalars(select(Round).where(Round.event_id == event_id, Round.deleted_at.is_(None))
                                .order_by(Round.position, Round.title)))


def list_rounds(session: Session, event_id: uuid.UUID) -> list[RoundRow]:
    get_event(session, event_id)
    live = _live_rounds(session, event_id)
    if not live:  # most events: no count over their registrations needed
        return []
    counts: dict[tuple[uuid.UUID | None, str], int] = {
        (round_id, status): n for round_id, status, n in session.execute(
            select(Registration.round_id, Registration.status, func.count())
            .where(Registration.event_id == event_id, Registration.deleted_at.is_(None))
            .group_by(Registration.round_id, Registration.status))
    }
    rows = []
    for rnd in live:
        registered = counts.get((rnd.id, "registered"), 0)
        waiting = counts.get((rnd.id, "waiting"), 0)
        rows.append(RoundRow(rnd.id, rnd.event_id, rnd.title, rnd.description, rnd.capacity, rnd.position,
                             registered, waiting, seat_counts(Pool(rnd.capacity), registered, waiting)))
    return rows


def find_round(session: Session, event_id: uuid.UUID, title_or_id: str) -> Round:
    """A round of the event by its title (case-insensitive, umlauts folded) or its id."""
    text = title_or_id.strip()
    rounds = _live_rounds(session, event_id)
    try:
        wanted_id = uuid.UUID(text)
    except ValueError:
        wanted_id = None
    for rnd in rounds:
        if rnd.id == wanted_id or fold_german(rnd.title) == fold_german(text):
            return rnd
    have = ", ".join(f"„{r.title}“" for r in rounds) or "keine"
    raise UserError(f"Die Runde „{text}“ gibt es bei dieser Veranstaltung nicht (vorhanden: {have}).")


def _check(session: Session, event_id: uuid.UUID, title: str, capacity: int | None,
           own: uuid.UUID | None = None) -> str:
    title = title.strip()
    if not title:
        raise UserError("Bitte einen Titel für die Runde angeben.")
    if capacity is not None and capacity < 0:
        raise UserError("Die Zahl der Plätze einer Runde darf nicht negativ sein.")
    for rnd in _live_rounds(session, event_id):
        if rnd.id != own and fold_german(rnd.title) == fold_german(title):
            raise UserError(f"Eine Runde „{rnd.title}“ gibt es bei dieser Veranstaltung schon.")
    return title


def add_round(session: Session, event_id: uuid.UUID, *, title: str, capacity: int | None = None,
              description: str = "", apply_seats: bool = True) -> Round:
    """A new round at the end; ``capacity=None`` is unlimited. ``apply_seats=False`` only for a caller that
    applies the seat rule itself afterwards (the import)."""
    event = get_event(session, event_id)
    title = _check(session, event.id, title, capacity)
    last = session.scalar(select(func.max(Round.position)).where(Round.event_id == event.id,
                                                                Round.deleted_at.is_(None)))
    rnd = Round(event_id=event.id, title=title, capacity=capacity, description=description.strip(),
                position=(last if last is not None else -1) + 1)
    session.add(rnd)
    session.flush()
    if apply_seats:
        apply_allocation(session, event.id)
    return rnd


def update_round(session: Session, event_id: uuid.UUID, round_id: uuid.UUID, *, title: str | None = None,
                 capacity: int | None = _UNSET, description: str | None = None,
                 position: int | None = None) -> AllocationReport:
    """Change a round; a capacity change applies the seat rule (who moved up and pools over the limit)."""
    rnd = session.get(Round, round_id)
    if rnd is None or rnd.event_id != event_id or rnd.deleted_at is not None:
        raise UserError("Diese Runde gibt es nicht (mehr).")
    new_capacity = rnd.capacity if capacity is _UNSET else capacity
    new_title = _check(session, event_id, rnd.title if title is None else title, new_capacity, own=rnd.id)
    if new_title != rnd.title:
        rnd.title = new_title
    if new_capacity != rnd.capacity:
        rnd.capacity = new_capacity
    if description is not None and description.strip() != rnd.description:
        rnd.description = description.strip()
    if position is not None and position != rnd.position:
        rnd.position = position
    session.flush()
    return apply_allocation(session, event_id)


def remove_round(session: Session, event_id: uuid.UUID, round_id: uuid.UUID) -> Round:
    """Remove a round that nobody (registered or waiting) is in; people must be moved to another round first."""
    rnd = session.get(Round, round_id)
    if rnd is None or rnd.event_id != event_id or rnd.deleted_at is not None:
        raise UserError("Diese Runde gibt es nicht (mehr).")
    members = session.scalar(select(func.count()).select_from(Registration).where(
        Registration.round_id == rnd.id, Registration.deleted_at.is_(None),
        Registration.status != "cancelled")) or 0
    if members:
        count = plural(members, "ist noch {n} Anmeldung", "sind noch {n} Anmeldungen")
        raise UserError(f"In der Runde „{rnd.title}“ {count}. Bitte zuerst in eine "
                        "andere Runde verschieben.")
    rnd.deleted_at = utcnow()
    session.flush()
    apply_allocation(session, event_id)
    return rnd


def restore_round(session: Session, round_id: uuid.UUID) -> Round:
    """Undo of ``remove_round``."""
    rnd = session.get(Round, round_id)
    if rnd is None:
        raise UserError("Diese Runde gibt es nicht (mehr).")
    rnd.deleted_at = None
    session.flush()
    apply_allocation(session, rnd.event_id)
    return rnd


def move_to_round(session: Session, registration_id: uuid.UUID, round_id: uuid.UUID | None) -> AllocationReport:
    """Put a registration into another round (or none, where the event allows it). A seat holder keeps the seat
    only if the new round has a free one; otherwise they wait for the new round (at the end of the queue)."""
    from .registrations import check_round, get_registration
    from .seat_allocation import next_queue_order

    reg = get_registration(session, registration_id)
    event = reg.event
    check_round(session, event, round_id)
    if reg.round_id == round_id:
        return apply_allocation(session, event.id)
    reg.round_id = round_id
    if reg.status == "registered":
        pools = apply_allocation(session, event.id).allocation.pools  # with the seat counted in the new round
        use = pools.get(round_id) if round_id is not None else None
        if use is not None and use.limit is not None and use.seats - use.forced > use.limit:
            reg.status, reg.forced_seat = "waiting", False
            reg.queue_order = next_queue_order(session, event.id)
    session.flush()
    return apply_allocation(session, event.id)
