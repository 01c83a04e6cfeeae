"""What the window needs around parallel rounds: their seat figures, undoable round edits, registering into a round.

The rules stay where they are (``services.rounds`` changes rounds, ``services.registrations.register`` checks the
registration window and the round, ``services.seat_allocation`` decides the seats); this module only adds what an
undo stack needs: each change takes the event's seat snapshot first (``snapshot_event_registrations``) and its undo
puts every registration back exactly, as the registrant tab's bulk actions do.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.registration_window import outside_window_reason
from odn_desktop.domain.timezone import utcnow
from odn_desktop.store.models import Event, Registration, Round

from . import registrations as regs
from .contacts import ContactInput
from .events import event_facts, get_event, update_event
from .overview_rows import RoundFacts, round_seat_rows_of
from .overview_rows import RoundSeatRow as RoundSeatRow  # the overview's round rows, as before
from .registration_views import BulkChange, Registered
from .rounds import RoundRow, add_round, list_rounds, move_to_round, remove_round, restore_round, update_round
from .seat_allocation import OverLimitPool, over_limit_pools

# -- reading -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundsOverview:
    """An event's rounds with their seats, whether a round is optional, and the pools over their limit."""

    event_id: uuid.UUID
    rounds: tuple[RoundRow, ...]
    rounds_optional: bool
    over_limit: tuple[OverLimitPool, ...]

    def over_limit_of(self, round_id: uuid.UUID | None) -> OverLimitPool | None:
        """The event's pool (``None``) or a round's, when it is over its limit."""
        return next((p for p in self.over_limit if p.round_id == round_id), None)

    @property
    def needs_round(self) -> bool:
        """Whether a registration must name a round."""
        return bool(self.rounds) and not self.rounds_optional


def rounds_overview(session: Session, event_id: uuid.UUID) -> RoundsOverview:
    event = get_event(session, event_id)
    return RoundsOverview(event.id, tuple(list_rounds(session, event.id)), event.rounds_optional,
                          tuple(over_limit_pools(session, [event.id])))


def window_reason(session: Session, event_id: uuid.UUID, now: datetime | None = None) -> str | None:
    """Why registering now is outside the event's registration window (German), or ``None`` inside it."""
    event = get_event(session, event_id)
    return outside_window_reason(event.status, event.registration_opens_at, event.registration_deadline,
                                 now or utcnow(), late_allowed_by_event=event.allow_late_registration)


def round_seat_rows(session: Session, event_ids: Iterable[uuid.UUID]) -> list[RoundSeatRow]:
    """The rounds of the given events with their seat figures, by event start and the rounds' order."""
    wanted = list(dict.fromkeys(event_ids))
    if not wanted:
        return []
    rounds = [RoundFacts(r.id, r.event_id, r.title, r.capacity, r.position) for r in session.scalars(
        select(Round).where(Round.event_id.in_(wanted), Round.deleted_at.is_(None)))]
    if not rounds:
        return []
    with_rounds = list({r.event_id for r in rounds})
    events = session.scalars(select(Event).where(Event.id.in_(with_rounds), Event.deleted_at.is_(None))).all()
    counts = {(event_id, round_id, status): n for event_id, round_id, status, n in session.execute(
        select(Registration.event_id, Registration.round_id, Registration.status, func.count())
        .where(Registration.event_id.in_(with_rounds), Registration.deleted_at.is_(None),
               Registration.round_id.is_not(None))
        .group_by(Registration.event_id, Registration.round_id, Registration.status))}
    return round_seat_rows_of([event_facts(e) for e in events], rounds, counts)


def current_over_limit(session: Session, now: datetime | None = None) -> list[OverLimitPool]:
    """Pools over their limit in meetings still ahead (not held, cancelled or over): the overview's flag."""
    now = now or utcnow()
    ids = session.scalars(select(Event.id).where(Event.deleted_at.is_(None), Event.ends_at >= now,
                                                 Event.status.not_in(("held", "cancelled")))).all()
    return over_limit_pools(session, ids) if ids else []


# -- registering into a round ----------------------------------------------------------------------------


def register_in_round(session: Session, event_id: uuid.UUID, person: ContactInput, *,
                      round_id: uuid.UUID | None, allow_late: bool = False,
                      now: datetime | None = None) -> Registered:
    """``registration_views.register_person`` with a round; undone by ``registration_views.undo_register_person``."""
    before = regs.snapshot_event_registrations(session, event_id)
    result = regs.register(session, event_id, person, allow_late=allow_late, round_id=round_id, now=now)
    return Registered(result, before)


def move_registrations_to_round(session: Session, event_id: uuid.UUID, ids: Iterable[uuid.UUID],
                                round_id: uuid.UUID | None) -> BulkChange:
    """Put registrations into another round (``rounds.move_to_round`` for each, in waiting-list order, so the
    first waiting keeps the lead); undone by ``registration_views.restore``. Cancelled ones are skipped."""
    before = regs.snapshot_event_registrations(session, event_id)
    wanted = list(dict.fromkeys(ids))
    targets = [r for r in session.scalars(select(Registration).where(
        Registration.id.in_(wanted), Registration.event_id == event_id, Registration.deleted_at.is_(None),
        Registration.status != regs.CANCELLED)) if r.round_id != round_id]
    targets.sort(key=lambda r: (r.status != regs.REGISTERED, r.queue_order, r.id.hex))
    changes: list[regs.SeatChange] = []
    for reg in targets:
        move_to_round(session, reg.id, round_id)
        session.refresh(reg)
        changes.append(regs.SeatChange(registration=regs.to_row(reg), promoted=()))
    if changes:  # who got a seat by it: waiting before, a seat now (the people moved not counted)
        moved = {c.registration.id for c in changes}
        waited = [s.id for s in before if s.status == regs.WAITING and s.deleted_at is None and s.id not in moved]
        seated = tuple(regs.to_row(r) for r in session.scalars(select(Registration).where(
            Registration.id.in_(waited), Registration.status == regs.REGISTERED)))
        changes[-1] = regs.SeatChange(registration=changes[-1].registration, promoted=seated)
    return BulkChange(event_id, before, tuple(changes))


# -- undoable round edits --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundFields:
    title: str
    description: str
    capacity: int | None
    position: int


@dataclass(frozen=True)
class RoundEdit:
    """One change of a round, with what undo needs: the round's fields and every seat before it."""

    event_id: uuid.UUID
    round_id: uuid.UUID
    before: RoundFields | None  # None for a new round
    states: tuple[regs.RegistrationState, ...]
    promoted: tuple[str, ...] = ()  # who got a seat by it ("Anna Müller (a@b.de)")
    over_limit: tuple[OverLimitPool, ...] = ()


def _fields(rnd: Round) -> RoundFields:
    return RoundFields(rnd.title, rnd.description, rnd.capacity, rnd.position)


def _live_round(session: Session, event_id: uuid.UUID, round_id: uuid.UUID) -> Round:
    rnd = session.get(Round, round_id)
    if rnd is None or rnd.event_id != event_id or rnd.deleted_at is not None:
        raise UserError("Diese Runde gibt es nicht (mehr).")
    return rnd


def _names(session: Session, registration_ids: Iterable[uuid.UUID]) -> tuple[str, ...]:
    ids = list(registration_ids)
    if not ids:
        return ()
    found = {r.id: r for r in session.scalars(select(Registration).where(Registration.id.in_(ids)))}
    return tuple(f"{found[i].contact.first_name} {found[i].contact.last_name} ({found[i].contact.email})".strip()
                 for i in ids if i in found)


def create_round(session: Session, event_id: uuid.UUID, *, title: str, capacity: int | None = None,
                 description: str = "") -> RoundEdit:
    states = tuple(regs.snapshot_event_registrations(session, event_id))
    rnd = add_round(session, event_id, title=title, capacity=capacity, description=description)
    return RoundEdit(event_id, rnd.id, None, states)


def undo_create_round(session: Session, edit: RoundEdit) -> None:
    remove_round(session, edit.event_id, edit.round_id)
    regs.restore_registration_states(session, list(edit.states))


def redo_create_round(session: Session, edit: RoundEdit) -> RoundEdit:
    """Redo after undo: the same round comes back (same id, so the undo stack's later commands still match)."""
    states = tuple(regs.snapshot_event_registrations(session, edit.event_id))
    restore_round(session, edit.round_id)
    return RoundEdit(edit.event_id, edit.round_id, None, states)


def edit_round(session: Session, event_id: uuid.UUID, round_id: uuid.UUID, *, title: str, capacity: int | None,
               description: str) -> RoundEdit:
    """Title, description and capacity of a round; a raised capacity gives seats to whoever waits for them."""
    before = _fields(_live_round(session, event_id, round_id))
    states = tuple(regs.snapshot_event_registrations(session, event_id))
    report = update_round(session, event_id, round_id, title=title, capacity=capacity, description=description)
    return RoundEdit(event_id, round_id, before, states, _names(session, report.promoted), report.over_limit)


def revert_round_edit(session: Session, edit: RoundEdit) -> None:
    """Undo of ``edit_round`` (and of ``move_round``): the round's fields and every seat as before."""
    assert edit.before is not None
    update_round(session, edit.event_id, edit.round_id, title=edit.before.title, capacity=edit.before.capacity,
                 description=edit.before.description, position=edit.before.position)
    regs.restore_registration_states(session, list(edit.states))


def delete_round(session: Session, event_id: uuid.UUID, round_id: uuid.UUID) -> RoundEdit:
    """Remove a round nobody is in (``rounds.remove_round`` refuses otherwise, with its German message)."""
    before = _fields(_live_round(session, event_id, round_id))
    states = tuple(regs.snapshot_event_registrations(session, event_id))
    remove_round(session, event_id, round_id)
    return RoundEdit(event_id, round_id, before, states)


def undo_delete_round(session: Session, edit: RoundEdit) -> None:
    restore_round(session, edit.round_id)
    regs.restore_registration_states(session, list(edit.states))


@dataclass(frozen=True)
class RoundOrder:
    event_id: uuid.UUID
    positions: tuple[tuple[uuid.UUID, int], ...]  # every round's position before the move


def move_round(session: Session, event_id: uuid.UUID, round_id: uuid.UUID, step: int) -> RoundOrder:
    """Move a round ``step`` places up (negative) or down in the event's order; the ends stay put."""
    rows = list_rounds(session, event_id)
    before = tuple((r.id, r.position) for r in rows)
    index = next((i for i, r in enumerate(rows) if r.id == round_id), None)
    if index is None:
        _live_round(session, event_id, round_id)  # raises the German message
        raise AssertionError("a live round is listed")
    target = max(0, min(len(rows) - 1, index + step))
    order = [r.id for r in rows]
    order.insert(target, order.pop(index))
    _set_positions(session, event_id, {rid: n for n, rid in enumerate(order)}, before)
    return RoundOrder(event_id, before)


def restore_round_order(session: Session, order: RoundOrder) -> None:
    current = tuple((r.id, r.position) for r in list_rounds(session, order.event_id))
    _set_positions(session, order.event_id, dict(order.positions), current)


def _set_positions(session: Session, event_id: uuid.UUID, wanted: dict[uuid.UUID, int],
                   current: tuple[tuple[uuid.UUID, int], ...]) -> None:
    now = dict(current)
    for rid, position in wanted.items():
        if rid in now and now[rid] != position:
            update_round(session, event_id, rid, position=position)


@dataclass(frozen=True)
class OptionalChange:
    event_id: uuid.UUID
    before: bool
    states: tuple[regs.RegistrationState, ...]


def set_rounds_optional(session: Session, event_id: uuid.UUID, optional: bool) -> OptionalChange:
    """"Anmeldung ohne Runde erlaubt" (through ``events.update_event``, which applies the seat rule)."""
    before = get_event(session, event_id).rounds_optional
    states = tuple(regs.snapshot_event_registrations(session, event_id))
    update_event(session, event_id, rounds_optional=optional)
    return OptionalChange(event_id, before, states)


def undo_rounds_optional(session: Session, change: OptionalChange) -> None:
    update_event(session, change.event_id, rounds_optional=change.before)
    regs.restore_registration_states(session, list(change.states))
