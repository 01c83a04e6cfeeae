"""The contact directory: list, edit, look up as you type, see a person's registrations, merge duplicates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import fold_german, normalize_email, person_sort_key, search_key
from odn_desktop.domain.timezone import utcnow
from odn_desktop.store.models import Contact, Event, Registration
from odn_desktop.store.wish_models import TopicWish

from .contacts import check_email, find_contact_by_email, get_contact

CONTACT_FIELDS = frozenset(
    {
        "salutation", "academic_title", "first_name", "last_name", "email", "organisation", "municipality",
        "federal_state", "role", "experience_level", "consent_contact", "notes",
    }
)
_STATUS_RANK = {"registered": 0, "waiting": 1, "cancelled": 2}


@dataclass(frozen=True)
class ContactRow:
    id: uuid.UUID
    salutation: str
    academic_title: str
    first_name: str
    last_name: str
    email: str
    organisation: str
    municipality: str
    federal_state: str
    role: str
    registrations: int
    search_key: str = field(default="", compare=False)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.academic_title, self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class ContactRegistrationRow:
    registration_id: uuid.UUID
    event_id: uuid.UUID
    event_title: str
    starts_at: datetime
    status: str
    attended: bool


def _row(c: Contact, count: int) -> ContactRow:
    return ContactRow(
        id=c.id, salutation=c.salutation, academic_title=c.academic_title, first_name=c.first_name,
        last_name=c.last_name, email=c.email, organisation=c.organisation, municipality=c.municipality,
        federal_state=c.federal_state, role=c.role, registrations=count,
        search_key=search_key(c.first_name, c.last_name, c.email, c.organisation, c.municipality),
    )


def list_contact_rows(session: Session) -> list[ContactRow]:
    counts = dict(
        session.execute(
            select(Registration.contact_id, func.count())
            .where(Registration.deleted_at.is_(None))
            .group_by(Registration.contact_id)
        ).all()
    )
    contacts = session.scalars(select(Contact).where(Contact.deleted_at.is_(None))).all()
    rows = [_row(c, counts.get(c.id, 0)) for c in contacts]
    rows.sort(key=lambda r: person_sort_key(r.last_name, r.first_name))
    return rows


def contact_row(session: Session, contact_id: uuid.UUID) -> ContactRow:
    contact = get_contact(session, contact_id)
    count = session.scalar(
        select(func.count()).select_from(Registration)
        .where(Registration.contact_id == contact_id, Registration.deleted_at.is_(None))
    ) or 0
    return _row(contact, count)


def suggest_contacts(session: Session, text: str, limit: int = 10) -> list[ContactRow]:
    """Look-up as you type (email, last name or first name starts with / contains the text), so that adding a
    registrant finds the existing person instead of creating a duplicate."""
    text = text.strip()
    if len(text) < 2:
        return []
    like = f"%{text}%"
    candidates = session.scalars(
        select(Contact)
        .where(Contact.deleted_at.is_(None))
        .where(or_(Contact.email_normalized.like(f"%{normalize_email(text)}%"), Contact.last_name.like(like),
                   Contact.first_name.like(like), Contact.organisation.like(like)))
        .limit(500)
    ).all()
    folded = fold_german(text)
    rows = [_row(c, 0) for c in candidates]
    # SQLite's LIKE only folds ASCII case; add matches on the folded key among a bounded candidate set
    rows = [r for r in rows if folded in r.search_key] or rows
    rows.sort(key=lambda r: (not r.email.lower().startswith(text.lower()), person_sort_key(r.last_name, r.first_name)))
    return rows[:limit]


def update_contact(session: Session, contact_id: uuid.UUID, **changes: Any) -> Contact:
    unknown = set(changes) - CONTACT_FIELDS
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    contact = get_contact(session, contact_id)
    if "email" in changes:
        email = check_email(changes["email"])
        other = find_contact_by_email(session, email)
        if other is not None and other.id != contact.id:
            raise UserError(
                f"Die E-Mail-Adresse {email} gehört bereits zu {other.first_name} {other.last_name}. "
                "Bitte führen Sie die beiden Kontakte zusammen."
            )
        changes["email"] = email
        contact.email_normalized = normalize_email(email)
    if "last_name" in changes or "first_name" in changes:
        first = changes.get("first_name", contact.first_name)
        last = changes.get("last_name", contact.last_name)
        if not (str(first).strip() or str(last).strip()):
            raise UserError("Ein Kontakt braucht einen Vor- oder Nachnamen.")
    for name, value in changes.items():
        setattr(contact, name, value.strip() if isinstance(value, str) else value)
    session.flush()
    return contact


def contact_registrations(session: Session, contact_id: uuid.UUID) -> list[ContactRegistrationRow]:
    rows = session.execute(
        select(Registration.id, Event.id, Event.title, Event.starts_at, Registration.status, Registration.attended)
        .join(Event, Event.id == Registration.event_id)
        .where(Registration.contact_id == contact_id, Registration.deleted_at.is_(None), Event.deleted_at.is_(None))
        .order_by(Event.starts_at)
    ).all()
    return [ContactRegistrationRow(*r) for r in rows]


@dataclass(frozen=True)
class MergeResult:
    kept: uuid.UUID
    removed: uuid.UUID
    moved_registrations: int
    dropped_registrations: int  # both were registered for the same event: the weaker one is tombstoned


def merge_contacts(session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID) -> MergeResult:
    """Merge ``merge_id`` into ``keep_id``: registrations move over (one per event, the better status wins),
    empty fields are filled, the merged contact becomes a tombstone (so sync removes it everywhere)."""
    if keep_id == merge_id:
        raise UserError("Ein Kontakt kann nicht mit sich selbst zusammengeführt werden.")
    keep, other = get_contact(session, keep_id), get_contact(session, merge_id)
    for name in CONTACT_FIELDS - {"email", "consent_contact"}:
        if not getattr(keep, name) and getattr(other, name):
            setattr(keep, name, getattr(other, name))
    keep.consent_contact = keep.consent_contact or other.consent_contact
    existing = {
        r.event_id: r
        for r in session.scalars(
            select(Registration).where(Registration.contact_id == keep.id, Registration.deleted_at.is_(None))
        )
    }
    moved = dropped = 0
    affected: set[uuid.UUID] = set()
    now = utcnow()
    for reg in session.scalars(
        select(Registration).where(Registration.contact_id == other.id, Registration.deleted_at.is_(None))
    ).all():
        mine = existing.get(reg.event_id)
        if mine is None:
            reg.contact_id = keep.id
            moved += 1
            continue
        affected.add(reg.event_id)
        loser = reg if _STATUS_RANK[reg.status] >= _STATUS_RANK[mine.status] else mine
        winner = mine if loser is reg else reg
        winner.attended = winner.attended or loser.attended
        winner.attended_minutes = max(winner.attended_minutes or 0, loser.attended_minutes or 0) or None
        loser.deleted_at = now
        if winner is reg:
            session.flush()  # tombstone first: the unique index covers live rows only
            reg.contact_id = keep.id
            moved += 1
        dropped += 1
    for wish in session.scalars(select(TopicWish).where(TopicWish.contact_id == other.id)):
        wish.contact_id = keep.id  # the person's topic wishes go with them
    other.deleted_at = now
    session.flush()
    if affected:
        from .seat_allocation import apply_to_events

        apply_to_events(session, affected)
    return MergeResult(kept=keep.id, removed=other.id, moved_registrations=moved, dropped_registrations=dropped)
