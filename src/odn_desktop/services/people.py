"""People as the Referent:innen and Kontakte pages need them: full editable values, search keys, and undo.

The shared services (``speakers``, ``contact_directory``) do the edits; this module adds what undo needs on
top of them: deleting and restoring a speaker (tombstones, so sync carries both), and a snapshot of
everything a contact merge touches, so that undoing a merge puts every contact field, registration and seat
back exactly as it was.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import search_key
from odn_desktop.domain.timezone import utcnow
from odn_desktop.store.models import Contact, Registration, Speaker

from .contact_directory import CONTACT_FIELDS, MergeResult, merge_contacts
from .contacts import find_contact_by_email, get_contact
from .registrations import RegistrationState, restore_registration_states, snapshot_event_registrations
from .speakers import SPEAKER_FIELDS, get_speaker, list_speaker_rows

# -- speakers ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeakerEntry:
    """A speaker with every editable field, their events, and a folded search key (for the list and editor)."""

    id: uuid.UUID
    salutation: str
    academic_title: str
    first_name: str
    last_name: str
    role: str
    organisation: str
    bio: str
    email: str
    phone: str
    events: tuple[str, ...]
    search_key: str = field(default="", compare=False)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.academic_title, self.first_name, self.last_name) if p)

    def values(self) -> dict[str, str]:
        """The editable fields (the keys of ``speakers.SPEAKER_FIELDS``)."""
        return {name: getattr(self, name) for name in sorted(SPEAKER_FIELDS)}


def list_speaker_entries(session: Session) -> list[SpeakerEntry]:
    """All live speakers in German name order (as ``speakers.list_speaker_rows``), with bio, phone, search key."""
    extra = {
        sid: (bio, phone)
        for sid, bio, phone in session.execute(
            select(Speaker.id, Speaker.bio, Speaker.phone).where(Speaker.deleted_at.is_(None))
        )
    }
    entries = []
    for row in list_speaker_rows(session):
        bio, phone = extra.get(row.id, ("", ""))
        entries.append(
            SpeakerEntry(
                id=row.id, salutation=row.salutation, academic_title=row.academic_title,
                first_name=row.first_name, last_name=row.last_name, role=row.role, organisation=row.organisation,
                bio=bio, email=row.email, phone=phone, events=row.events,
                search_key=search_key(row.academic_title, row.first_name, row.last_name, row.organisation,
                                      row.role, row.email, *row.events),
            )
        )
    return entries


def speaker_values(session: Session, speaker_id: uuid.UUID) -> dict[str, str]:
    """The editable fields of a live speaker (what an undo of an edit writes back)."""
    speaker = get_speaker(session, speaker_id)
    return {name: getattr(speaker, name) for name in sorted(SPEAKER_FIELDS)}


def delete_speaker(session: Session, speaker_id: uuid.UUID) -> uuid.UUID:
    """Tombstone a speaker. Event and agenda links stay stored; lists hide a deleted speaker, and
    ``restore_speaker`` brings the person back with every link."""
    speaker = get_speaker(session, speaker_id)
    speaker.deleted_at = utcnow()
    session.flush()
    return speaker.id


def restore_speaker(session: Session, speaker_id: uuid.UUID) -> None:
    """Undo of ``delete_speaker`` (and redo of a creation that was undone)."""
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        raise UserError("Diese Referentin / diesen Referenten gibt es nicht mehr.")
    if speaker.deleted_at is not None:
        speaker.deleted_at = None
        session.flush()


# -- contacts ----------------------------------------------------------------------------------------------


def contact_values(session: Session, contact_id: uuid.UUID) -> dict[str, Any]:
    """Every editable field of a live contact (``contact_directory.CONTACT_FIELDS``) for the editor and undo."""
    contact = get_contact(session, contact_id)
    return {name: getattr(contact, name) for name in sorted(CONTACT_FIELDS)}


#: Contact columns a merge may change (beyond the editable fields): written back by ``restore_merge``.
_CONTACT_STATE = (*sorted(CONTACT_FIELDS), "email_normalized", "consent_given_at", "deleted_at")
_REGISTRATION_STATE = (
    "contact_id", "deleted_at", "status", "waitlist_position", "cancelled_at", "attended", "attended_minutes",
)


@dataclass(frozen=True)
class StoredState:
    """Column values of one row, as they were when the snapshot was taken."""

    id: uuid.UUID
    values: tuple[tuple[str, Any], ...]

    def get(self, name: str) -> Any:
        return dict(self.values)[name]


@dataclass(frozen=True)
class MergeSnapshot:
    """Everything ``merge_contacts`` can change: both contacts, all their registrations (live and tombstoned),
    and the seat state of every event both were registered for (a dropped seat lets the waiting list move up)."""

    keep_id: uuid.UUID
    merge_id: uuid.UUID
    contacts: tuple[StoredState, ...]
    registrations: tuple[StoredState, ...]
    seats: tuple[RegistrationState, ...]
    taken_at: datetime


@dataclass(frozen=True)
class UndoableMerge:
    snapshot: MergeSnapshot
    result: MergeResult


def _state(obj: Any, names: tuple[str, ...]) -> StoredState:
    return StoredState(obj.id, tuple((name, getattr(obj, name)) for name in names))


def snapshot_merge(session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID) -> MergeSnapshot:
    keep, other = get_contact(session, keep_id), get_contact(session, merge_id)
    regs = session.scalars(select(Registration).where(Registration.contact_id.in_((keep.id, other.id)))).all()
    live_events: dict[uuid.UUID, set[uuid.UUID]] = {}
    for reg in regs:
        if reg.deleted_at is None:
            live_events.setdefault(reg.contact_id, set()).add(reg.event_id)
    shared = live_events.get(keep.id, set()) & live_events.get(other.id, set())
    seats = [state for event_id in sorted(shared) for state in snapshot_event_registrations(session, event_id)]
    return MergeSnapshot(
        keep_id=keep.id,
        merge_id=other.id,
        contacts=(_state(keep, _CONTACT_STATE), _state(other, _CONTACT_STATE)),
        registrations=tuple(_state(r, ("event_id", *_REGISTRATION_STATE)) for r in regs),
        seats=tuple(seats),
        taken_at=utcnow(),
    )


def merge_with_snapshot(session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID) -> UndoableMerge:
    """``contact_directory.merge_contacts`` preceded by the snapshot its undo needs."""
    snapshot = snapshot_merge(session, keep_id, merge_id)
    return UndoableMerge(snapshot=snapshot, result=merge_contacts(session, keep_id, merge_id))


def restore_merge(session: Session, snapshot: MergeSnapshot) -> None:
    """Undo a merge exactly: the merged contact live again with its fields, every registration back with its
    contact, tombstone, seat and attendance, and the waiting lists of the shared events as they were.

    Refused (``UserError``, nothing changed) when the world moved on in a way that makes the old state
    impossible, e.g. a new contact took the merged contact's e-mail address.
    """
    contacts = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(
        [s.id for s in snapshot.contacts])))}
    reg_ids = [s.id for s in snapshot.registrations]
    regs = {r.id: r for r in session.scalars(select(Registration).where(Registration.id.in_(reg_ids)))}
    if len(contacts) != len(snapshot.contacts) or len(regs) != len(reg_ids):
        raise UserError("Die Zusammenführung kann nicht rückgängig gemacht werden: Daten fehlen inzwischen.")
    _check_restorable(session, snapshot, set(regs))

    # 1. take every involved registration out of the "one live registration per event and contact" index, so
    #    that no intermediate state of the re-assignment below collides with it
    now = utcnow()
    for state in snapshot.registrations:
        reg = regs[state.id]
        moved = (reg.contact_id, reg.deleted_at is None) != (state.get("contact_id"), state.get("deleted_at") is None)
        if moved and reg.deleted_at is None:
            reg.deleted_at = now
    session.flush()
    # 2. the contacts: fields as they were, the merged one live again
    for state in snapshot.contacts:
        _apply(contacts[state.id], state)
    session.flush()
    # 3. the registrations: contact, tombstone, seat and attendance as they were
    for state in snapshot.registrations:
        _apply(regs[state.id], state, skip=("event_id",))
    session.flush()
    # 4. the seat states of the shared events (people who moved up go back to the waiting list)
    restore_registration_states(session, list(snapshot.seats))


def _apply(obj: Any, state: StoredState, skip: tuple[str, ...] = ()) -> None:
    for name, value in state.values:
        if name not in skip and getattr(obj, name) != value:
            setattr(obj, name, value)


def _check_restorable(session: Session, snapshot: MergeSnapshot, involved: set[uuid.UUID]) -> None:
    for state in snapshot.contacts:
        if state.get("deleted_at") is None and state.get("email"):
            holder = find_contact_by_email(session, state.get("email"))
            if holder is not None and holder.id not in {snapshot.keep_id, snapshot.merge_id}:
                raise UserError(
                    f"Die Zusammenführung kann nicht rückgängig gemacht werden: Die E-Mail-Adresse "
                    f"{state.get('email')} gehört inzwischen zu {holder.first_name} {holder.last_name}."
                )
    wanted = {
        (s.get("event_id"), s.get("contact_id")) for s in snapshot.registrations if s.get("deleted_at") is None
    }
    newer = session.execute(
        select(Registration.event_id, Registration.contact_id).where(
            Registration.contact_id.in_((snapshot.keep_id, snapshot.merge_id)),
            Registration.deleted_at.is_(None),
            Registration.id.not_in(involved),
        )
    ).all()
    if any((event_id, contact_id) in wanted for event_id, contact_id in newer):
        raise UserError(
            "Die Zusammenführung kann nicht rückgängig gemacht werden: Inzwischen gibt es neue Anmeldungen "
            "dieser Person zu denselben Veranstaltungen."
        )
