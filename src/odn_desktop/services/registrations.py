"""Registering, cancelling, waiting list and attendance: the seat rules applied to stored registrations.

Each use case changes only facts (a registration added or cancelled, a place in the queue, a forced seat) and then
applies the one seat rule (``domain.allocation`` through ``services.seat_allocation``). Every function reports who
changed seat, so the UI can tell the coordinator whom to inform.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from odn_desktop.domain.allocation import EVENT_POOL
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import person_sort_key
from odn_desktop.domain.registration_window import admission
from odn_desktop.domain.seats import RegistrationStatus
from odn_desktop.domain.timezone import utcnow
from odn_desktop.store.models import Event, Registration, Round

from .contacts import ContactInput, check_email, find_or_create_contact
from .events import get_event
from .rows import RegistrationRow
from .seat_allocation import apply_allocation, next_queue_order, queue_order_for_place

REGISTERED = RegistrationStatus.REGISTERED.value
WAITING = RegistrationStatus.WAITING.value
CANCELLED = RegistrationStatus.CANCELLED.value


@dataclass(frozen=True)
class RegisterResult:
    registration: RegistrationRow
    contact_created: bool

    @property
    def status(self) -> str:
        return self.registration.status


@dataclass(frozen=True)
class SeatChange:
    """The outcome of a cancellation or move: the changed registration and who moved up."""

    registration: RegistrationRow
    promoted: tuple[RegistrationRow, ...]

    def message(self) -> str | None:
        if not self.promoted:
            return None
        names = ", ".join(f"{r.display_name} ({r.email})" for r in self.promoted)
        return f"Von der Warteliste nachgerückt: {names}. Bitte informieren Sie die Nachgerückten."


# -- helpers -----------------------------------------------------------------------------------------------


def _live(event_id: uuid.UUID) -> tuple[ColumnElement[bool], ...]:
    return (Registration.event_id == event_id, Registration.deleted_at.is_(None))


def _rows(session: Session, ids: tuple[uuid.UUID, ...]) -> tuple[RegistrationRow, ...]:
    by_id = {r.id: r for r in session.scalars(select(Registration).where(Registration.id.in_(ids)))} if ids else {}
    return tuple(to_row(by_id[i]) for i in ids if i in by_id)


def _allocate(session: Session, event_id: uuid.UUID) -> tuple[RegistrationRow, ...]:
    """Apply the one seat rule after a change of facts; the rows of whoever got a seat by it, in queue order."""
    report = apply_allocation(session, event_id)
    return _rows(session, report.promoted)


def check_round(session: Session, event: Event, round_id: uuid.UUID | None) -> Round | None:
    """The chosen round, checked: it belongs to the event; an event with rounds needs one unless it says so."""
    if round_id is None:
        has_rounds = session.scalar(select(func.count()).select_from(Round).where(
            Round.event_id == event.id, Round.deleted_at.is_(None))) or 0
        if has_rounds and not event.rounds_optional:
            raise UserError(f"„{event.title}“ hat parallele Runden: Bitte eine Runde wählen.")
        return None
    rnd = session.get(Round, round_id)
    if rnd is None or rnd.event_id != event.id or rnd.deleted_at is not None:
        raise UserError("Diese Runde gehört nicht zu der Veranstaltung.")
    return rnd


def to_row(reg: Registration) -> RegistrationRow:
    c = reg.contact
    return RegistrationRow(
        id=reg.id,
        event_id=reg.event_id,
        contact_id=reg.contact_id,
        first_name=c.first_name,
        last_name=c.last_name,
        email=c.email,
        organisation=c.organisation,
        status=reg.status,
        waitlist_position=reg.waitlist_position,
        late=reg.late,
        registered_at=reg.registered_at,
        attended=reg.attended,
        attended_minutes=reg.attended_minutes,
        round=reg.round.title if reg.round is not None else None,
        municipality=c.municipality,
        round_id=reg.round_id,
        forced_seat=reg.forced_seat,
    )


def get_registration(session: Session, registration_id: uuid.UUID) -> Registration:
    reg = session.get(Registration, registration_id)
    if reg is None or reg.deleted_at is not None:
        raise UserError("Diese Anmeldung gibt es nicht (mehr).")
    return reg


def find_registration(session: Session, event_id: uuid.UUID, email: str) -> Registration:
    from .contacts import find_contact_by_email

    contact = find_contact_by_email(session, email)
    reg = None
    if contact is not None:
        reg = session.scalars(
            select(Registration).where(*_live(event_id), Registration.contact_id == contact.id)
        ).first()
    if reg is None:
        raise UserError(f"Für {email.strip()} gibt es keine Anmeldung zu dieser Veranstaltung.")
    return reg


# -- use cases ---------------------------------------------------------------------------------------------


def register(
    session: Session,
    event_id: uuid.UUID,
    person: ContactInput,
    *,
    allow_late: bool = False,
    force: bool = False,
    round_id: uuid.UUID | None = None,
    registered_at: datetime | None = None,
    source: str = "manual",
    now: datetime | None = None,
) -> RegisterResult:
    """Register a person: they join the end of the queue and the seat rule decides (a seat when the event and
    the round have one and nobody waits for it, else the waiting list).

    Outside the registration window (draft, closed, held or cancelled, before it opens, after the deadline) this is
    refused unless explicitly allowed, and then marked as late. ``force``: the coordinator gives a seat beyond the
    limit by hand (a forced seat).
    """
    now = now or utcnow()
    registered_at = registered_at or now
    event = get_event(session, event_id)
    check_email(person.email)  # bad input is reported before any rule about the event
    decision = admission(event.status, event.registration_opens_at, event.registration_deadline, registered_at,
                         allow_late=allow_late, late_allowed_by_event=event.allow_late_registration)
    if not decision.accepted:
        raise UserError(decision.refusal())
    check_round(session, event, round_id)

    contact, created = find_or_create_contact(session, person)
    reg = session.scalars(
        select(Registration).where(*_live(event.id), Registration.contact_id == contact.id)
    ).first()
    if reg is not None and reg.status != CANCELLED:
        label = "angemeldet" if reg.status == REGISTERED else "auf der Warteliste"
        raise UserError(f"{contact.first_name} {contact.last_name} ({contact.email}) ist bereits {label}.")

    queue_place = next_queue_order(session, event.id)
    if reg is None:
        reg = Registration(event_id=event.id, contact_id=contact.id)
        session.add(reg)
    reg.status = WAITING  # the seat rule decides below
    reg.round_id = round_id
    reg.registered_at = registered_at
    reg.cancelled_at = None
    reg.late = decision.late
    reg.source = source
    reg.queue_order = queue_place
    reg.forced_seat = False
    session.flush()
    _allocate(session, event.id)
    session.refresh(reg)
    if force and reg.status == WAITING:
        reg.status, reg.forced_seat = REGISTERED, True
        session.flush()
        _allocate(session, event.id)
        session.refresh(reg)
    return RegisterResult(registration=to_row(reg), contact_created=created)


def cancel(session: Session, registration_id: uuid.UUID, now: datetime | None = None) -> SeatChange:
    """Cancel; a freed seat goes to the head of the queue (the seat rule), and who moved up is reported."""
    reg = get_registration(session, registration_id)
    if reg.status == CANCELLED:
        raise UserError(f"Die Anmeldung von {reg.contact.first_name} {reg.contact.last_name} ist bereits storniert.")
    reg.status = CANCELLED
    reg.cancelled_at = now or utcnow()
    reg.forced_seat = False
    session.flush()
    promoted = _allocate(session, reg.event_id)
    return SeatChange(registration=to_row(reg), promoted=promoted)


def move_to_waiting_list(session: Session, registration_id: uuid.UUID) -> SeatChange:
    """The coordinator's decision: this person gives up the seat (or comes back after a cancellation) and queues
    at the end of the waiting list; a freed seat goes to the head of the queue."""
    reg = get_registration(session, registration_id)
    if reg.status == WAITING:
        raise UserError("Die Person steht bereits auf der Warteliste.")
    reg.status = WAITING
    reg.cancelled_at = None
    reg.forced_seat = False
    reg.queue_order = next_queue_order(session, reg.event_id)
    session.flush()
    promoted = tuple(r for r in _allocate(session, reg.event_id) if r.id != reg.id)
    session.refresh(reg)
    return SeatChange(registration=to_row(reg), promoted=promoted)


def move_to_end_of_queue(session: Session, registration_id: uuid.UUID) -> SeatChange:
    """A waiting person goes to the end of the waiting list (the coordinator's decision)."""
    reg = get_registration(session, registration_id)
    if reg.status != WAITING:
        raise UserError("Nur Personen auf der Warteliste können ans Ende der Warteliste gesetzt werden.")
    reg.queue_order = next_queue_order(session, reg.event_id)
    session.flush()
    promoted = _allocate(session, reg.event_id)
    session.refresh(reg)
    return SeatChange(registration=to_row(reg), promoted=promoted)


def move_to_waiting_place(session: Session, registration_id: uuid.UUID, place: int) -> SeatChange:
    """A waiting person goes to waiting place ``place`` (1 = the next to move up)."""
    reg = get_registration(session, registration_id)
    if reg.status != WAITING:
        raise UserError("Nur Personen auf der Warteliste können in der Warteliste verschoben werden.")
    reg.queue_order = queue_order_for_place(session, reg.event_id, reg.id, place)
    session.flush()
    promoted = _allocate(session, reg.event_id)
    session.refresh(reg)
    return SeatChange(registration=to_row(reg), promoted=promoted)


def move_from_waiting_list(session: Session, registration_id: uuid.UUID, *, force: bool = False) -> SeatChange:
    """Give a waiting (or cancelled) person a seat. Someone waits only while their pool (the event or their
    round) is full, so this is a forced seat beyond the limit, which the coordinator must confirm (``force``)."""
    reg = get_registration(session, registration_id)
    if reg.status == REGISTERED:
        raise UserError("Die Person hat bereits einen Platz.")
    event = reg.event
    pools = apply_allocation(session, event.id).allocation.pools
    event_use = pools[EVENT_POOL]
    round_use = pools.get(reg.round_id) if reg.round_id is not None else None
    full = [use for use in (event_use, round_use) if use is not None and use.free == 0]
    if full and not force:
        where = f"Runde „{reg.round.title}“" if round_use is not None and round_use.free == 0 and reg.round else ""
        target = f"{where} von „{event.title}“" if where else f"„{event.title}“"
        raise UserError(f"Für {target} ist kein Platz mehr frei. Zum Überbuchen bitte ausdrücklich bestätigen.")
    if reg.status == CANCELLED:
        reg.cancelled_at = None
        reg.queue_order = next_queue_order(session, event.id)
    reg.status = REGISTERED
    reg.forced_seat = bool(full)
    session.flush()
    promoted = tuple(r for r in _allocate(session, event.id) if r.id != reg.id)
    return SeatChange(registration=to_row(reg), promoted=promoted)


def mark_attendance(
    session: Session, registration_id: uuid.UUID, attended: bool, minutes: int | None = None
) -> RegistrationRow:
    reg = get_registration(session, registration_id)
    if minutes is not None and minutes < 0:
        raise UserError("Die Anwesenheitsdauer darf nicht negativ sein.")
    reg.attended = attended
    reg.attended_minutes = minutes if attended else None
    session.flush()
    return to_row(reg)


def list_registration_rows(session: Session, event_id: uuid.UUID | None = None) -> list[RegistrationRow]:
    """Registrations of one event (or of all events), seat holders first, then waiting list order, by name."""
    query = (
        select(Registration)
        .where(Registration.deleted_at.is_(None))
        .options(selectinload(Registration.contact), selectinload(Registration.round))
    )
    if event_id is not None:
        get_event(session, event_id)
        query = query.where(Registration.event_id == event_id)
    rows = [to_row(r) for r in session.scalars(query)]
    order = {REGISTERED: 0, WAITING: 1, CANCELLED: 2}
    rows.sort(key=lambda r: (order.get(r.status, 3), r.waitlist_position or 0,
                             person_sort_key(r.last_name, r.first_name)))
    return rows



# -- undo --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationState:
    """What a seat change alters; enough to put registrations back exactly (the UI's undo)."""

    id: uuid.UUID
    status: str
    waitlist_position: int | None
    cancelled_at: datetime | None
    attended: bool
    attended_minutes: int | None
    deleted_at: datetime | None
    queue_order: int = 0
    forced_seat: bool = False
    round_id: uuid.UUID | None = None


_STATE_FIELDS = ("status", "waitlist_position", "cancelled_at", "attended", "attended_minutes", "deleted_at",
                 "queue_order", "forced_seat", "round_id")


def snapshot_event_registrations(session: Session, event_id: uuid.UUID) -> list[RegistrationState]:
    """The seat state of every registration of an event (taken before a change, restored on undo)."""
    regs = session.scalars(select(Registration).where(Registration.event_id == event_id)).all()
    return [
        RegistrationState(r.id, r.status, r.waitlist_position, r.cancelled_at, r.attended, r.attended_minutes,
                          r.deleted_at, r.queue_order, r.forced_seat, r.round_id)
        for r in regs
    ]


def restore_registration_states(session: Session, states: list[RegistrationState]) -> tuple[RegistrationRow, ...]:
    """Put registrations back as snapshotted (the undo), then apply the seat rule: registrations created after
    the snapshot are left alone, and whatever changed since is judged by the same rule as any other change.
    Returns whoever got a seat by that rule."""
    by_id = {s.id: s for s in states}
    regs = session.scalars(select(Registration).where(Registration.id.in_(by_id))).all()
    events = set()
    for reg in regs:
        state = by_id[reg.id]
        events.add(reg.event_id)
        for name in _STATE_FIELDS:
            if getattr(reg, name) != getattr(state, name):
                setattr(reg, name, getattr(state, name))
    session.flush()
    promoted: list[RegistrationRow] = []
    for event_id in sorted(events, key=lambda e: e.hex):
        promoted.extend(_allocate(session, event_id))
    return tuple(promoted)


def delete_registration(session: Session, registration_id: uuid.UUID) -> SeatChange:
    """Remove a registration entirely (entered by mistake); a freed seat goes to the waiting list."""
    reg = get_registration(session, registration_id)
    reg.deleted_at = utcnow()
    session.flush()
    promoted = _allocate(session, reg.event_id)
    return SeatChange(registration=to_row(reg), promoted=promoted)
