"""Registering, cancelling, waiting list and attendance: the seat rules applied to stored registrations.

The rules themselves live in ``domain.seats``; this module feeds them the current counts and writes the
outcome. Every function reports who changed seat, so the UI can tell the coordinator whom to inform.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from odn_desktop.domain.deadlines import is_late
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import person_sort_key, search_key
from odn_desktop.domain.seats import (
    Pool,
    RegistrationStatus,
    WaitingEntry,
    choose_promotions,
    has_free_seat,
    initial_status,
)
from odn_desktop.domain.timezone import format_german_datetime, utcnow
from odn_desktop.store.models import Event, Registration, Round

from .contacts import ContactInput, check_email, find_or_create_contact
from .events import get_event
from .rows import RegistrationRow

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


def _event_pool(event: Event) -> Pool:
    return Pool(event.capacity, event.overbooking_percent)


def _registered_count(session: Session, event_id: uuid.UUID, round_id: uuid.UUID | None = None) -> int:
    query = select(func.count()).select_from(Registration).where(*_live(event_id), Registration.status == REGISTERED)
    if round_id is not None:
        query = query.where(Registration.round_id == round_id)
    return session.scalar(query) or 0


def _waiting_list(session: Session, event_id: uuid.UUID) -> list[Registration]:
    return list(
        session.scalars(
            select(Registration)
            .where(*_live(event_id), Registration.status == WAITING)
            .order_by(Registration.waitlist_position.nulls_last(), Registration.registered_at)
        )
    )


def _renumber(session: Session, event_id: uuid.UUID) -> None:
    for position, reg in enumerate(_waiting_list(session, event_id), start=1):
        if reg.waitlist_position != position:
            reg.waitlist_position = position
    session.flush()


def _rounds(session: Session, event_id: uuid.UUID) -> tuple[dict[Hashable, Pool], dict[Hashable, int]]:
    rounds = session.scalars(select(Round).where(Round.event_id == event_id, Round.deleted_at.is_(None))).all()
    pools: dict[Hashable, Pool] = {r.id: Pool(r.capacity) for r in rounds}
    counts: dict[Hashable, int] = {r.id: _registered_count(session, event_id, r.id) for r in rounds}
    return pools, counts


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
        search_key=search_key(c.first_name, c.last_name, c.email, c.organisation, c.municipality),
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
    round_id: uuid.UUID | None = None,
    registered_at: datetime | None = None,
    source: str = "manual",
    now: datetime | None = None,
) -> RegisterResult:
    """Register a person: a seat while there is one (event and round), else the end of the waiting list.

    After the registration deadline this is refused unless explicitly allowed, and then marked as late.
    """
    now = now or utcnow()
    registered_at = registered_at or now
    event = get_event(session, event_id)
    check_email(person.email)  # bad input is reported before any rule about the event
    if event.status == "cancelled":
        raise UserError(f"Die Veranstaltung '{event.title}' ist abgesagt; Anmeldungen sind nicht mehr möglich.")
    late = is_late(registered_at, event.registration_deadline)
    if late and not (allow_late or event.allow_late_registration):
        assert event.registration_deadline is not None
        raise UserError(
            f"Die Anmeldefrist ist am {format_german_datetime(event.registration_deadline)} Uhr abgelaufen. "
            "Eine Nachmeldung ist nur mit ausdrücklicher Erlaubnis möglich (Option „verspätet zulassen“)."
        )
    round_pool = None
    round_registered = 0
    if round_id is not None:
        rnd = session.get(Round, round_id)
        if rnd is None or rnd.event_id != event.id or rnd.deleted_at is not None:
            raise UserError("Diese Runde gehört nicht zu der Veranstaltung.")
        round_pool = Pool(rnd.capacity)
        round_registered = _registered_count(session, event.id, round_id)

    contact, created = find_or_create_contact(session, person)
    reg = session.scalars(
        select(Registration).where(*_live(event.id), Registration.contact_id == contact.id)
    ).first()
    if reg is not None and reg.status != CANCELLED:
        label = "angemeldet" if reg.status == REGISTERED else "auf der Warteliste"
        raise UserError(f"{contact.first_name} {contact.last_name} ({contact.email}) ist bereits {label}.")

    status = initial_status(_event_pool(event), _registered_count(session, event.id), round_pool, round_registered)
    if reg is None:
        reg = Registration(event_id=event.id, contact_id=contact.id)
        session.add(reg)
    reg.status = status.value
    reg.round_id = round_id
    reg.registered_at = registered_at
    reg.cancelled_at = None
    reg.late = late
    reg.source = source
    reg.waitlist_position = None
    if status is RegistrationStatus.WAITING:
        last = session.scalar(select(func.max(Registration.waitlist_position)).where(*_live(event.id))) or 0
        reg.waitlist_position = last + 1
    session.flush()
    session.refresh(reg)
    return RegisterResult(registration=to_row(reg), contact_created=created)


def fill_free_seats(session: Session, event: Event) -> list[Registration]:
    """Move people up from the waiting list, in order, while seats (event and round) are free."""
    waiting = _waiting_list(session, event.id)
    if not waiting:
        return []
    pools, round_counts = _rounds(session, event.id)
    keys = choose_promotions(
        _event_pool(event),
        _registered_count(session, event.id),
        [WaitingEntry(r.id, r.round_id) for r in waiting],
        pools,
        round_counts,
    )
    by_id = {r.id: r for r in waiting}
    promoted = [by_id[k] for k in keys if isinstance(k, uuid.UUID)]
    for reg in promoted:
        reg.status = REGISTERED
        reg.waitlist_position = None
    session.flush()
    _renumber(session, event.id)
    return promoted


def cancel(session: Session, registration_id: uuid.UUID, now: datetime | None = None) -> SeatChange:
    """Cancel; when the person held a seat, the first suitable person on the waiting list moves up."""
    reg = get_registration(session, registration_id)
    if reg.status == CANCELLED:
        raise UserError(f"Die Anmeldung von {reg.contact.first_name} {reg.contact.last_name} ist bereits storniert.")
    held_seat = reg.status == REGISTERED
    reg.status = CANCELLED
    reg.cancelled_at = now or utcnow()
    reg.waitlist_position = None
    session.flush()
    promoted = fill_free_seats(session, reg.event) if held_seat else []
    if not held_seat:
        _renumber(session, reg.event_id)
    return SeatChange(registration=to_row(reg), promoted=tuple(to_row(r) for r in promoted))


def move_to_waiting_list(session: Session, registration_id: uuid.UUID) -> SeatChange:
    """The coordinator's decision: this person gives up the seat and queues at the end of the waiting list."""
    reg = get_registration(session, registration_id)
    if reg.status == WAITING:
        raise UserError("Die Person steht bereits auf der Warteliste.")
    last = session.scalar(select(func.max(Registration.waitlist_position)).where(*_live(reg.event_id))) or 0
    reg.status = WAITING
    reg.cancelled_at = None
    reg.waitlist_position = last + 1
    session.flush()
    _renumber(session, reg.event_id)
    return SeatChange(registration=to_row(reg), promoted=())


def move_from_waiting_list(session: Session, registration_id: uuid.UUID, *, force: bool = False) -> SeatChange:
    """Give a waiting person a seat; beyond capacity only when the coordinator forces it (overbooking by hand)."""
    reg = get_registration(session, registration_id)
    if reg.status != WAITING:
        raise UserError("Nur Personen auf der Warteliste können nachrücken.")
    event = reg.event
    if not force and not has_free_seat(_event_pool(event), _registered_count(session, event.id)):
        raise UserError(
            f"Für '{event.title}' ist kein Platz mehr frei. Zum Überbuchen bitte ausdrücklich bestätigen."
        )
    reg.status = REGISTERED
    reg.waitlist_position = None
    session.flush()
    _renumber(session, event.id)
    return SeatChange(registration=to_row(reg), promoted=())


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


def snapshot_event_registrations(session: Session, event_id: uuid.UUID) -> list[RegistrationState]:
    """The seat state of every registration of an event (taken before a change, restored on undo)."""
    regs = session.scalars(select(Registration).where(Registration.event_id == event_id)).all()
    return [
        RegistrationState(r.id, r.status, r.waitlist_position, r.cancelled_at, r.attended, r.attended_minutes,
                          r.deleted_at)
        for r in regs
    ]


def restore_registration_states(session: Session, states: list[RegistrationState]) -> None:
    """Put registrations back as snapshotted; registrations created after the snapshot are left alone."""
    by_id = {s.id: s for s in states}
    regs = session.scalars(select(Registration).where(Registration.id.in_(by_id))).all()
    # positions can collide transiently; nothing in the schema forbids that, so assign directly
    for reg in regs:
        state = by_id[reg.id]
        for name in ("status", "waitlist_position", "cancelled_at", "attended", "attended_minutes", "deleted_at"):
            if getattr(reg, name) != getattr(state, name):
                setattr(reg, name, getattr(state, name))
    session.flush()


def delete_registration(session: Session, registration_id: uuid.UUID) -> SeatChange:
    """Remove a registration entirely (entered by mistake); a freed seat goes to the waiting list."""
    reg = get_registration(session, registration_id)
    held_seat = reg.status == REGISTERED
    reg.deleted_at = utcnow()
    session.flush()
    promoted = fill_free_seats(session, reg.event) if held_seat else []
    _renumber(session, reg.event_id)
    return SeatChange(registration=to_row(reg), promoted=tuple(to_row(r) for r in promoted))
