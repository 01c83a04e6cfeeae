"""Contacts: one person per email address, found again across events and imports."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import normalize_email
from odn_desktop.store.models import Contact


@dataclass(frozen=True)
class ContactInput:
    """What a form, a CLI call or an import row knows about a person."""

    email: str
    first_name: str = ""
    last_name: str = ""
    salutation: str = ""
    academic_title: str = ""
    organisation: str = ""
    municipality: str = ""
    federal_state: str = ""
    role: str = ""
    experience_level: str = ""

    def cleaned(self) -> ContactInput:
        return ContactInput(**{f.name: " ".join(str(getattr(self, f.name) or "").split()) for f in fields(self)})


def check_email(email: str) -> str:
    """Syntax check only (no DNS: the coordinator is often offline); returns the trimmed address."""
    email = email.strip()
    if not email:
        raise UserError("Bitte geben Sie eine E-Mail-Adresse an.")
    from email_validator import EmailNotValidError, validate_email  # 25 ms to import: only when checking

    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        raise UserError(f"Die E-Mail-Adresse '{email}' ist ungültig.") from exc
    return email


def find_contact_by_email(session: Session, email: str) -> Contact | None:
    return session.scalars(
        select(Contact).where(Contact.email_normalized == normalize_email(email), Contact.deleted_at.is_(None))
    ).first()


def find_or_create_contact(session: Session, data: ContactInput) -> tuple[Contact, bool]:
    """The contact with this email (compared case- and whitespace-insensitively), created when new.

    An existing contact keeps its data; only empty fields are filled from ``data``, so a sloppy second
    registration never overwrites what the coordinator corrected by hand.
    """
    data = data.cleaned()
    email = check_email(data.email)
    if not (data.first_name or data.last_name):
        raise UserError(f"Für {email} fehlt der Name (Vor- oder Nachname).")
    existing = find_contact_by_email(session, email)
    if existing is not None:
        for f in fields(data):
            if f.name != "email" and getattr(data, f.name) and not getattr(existing, f.name):
                setattr(existing, f.name, getattr(data, f.name))
        return existing, False
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values["email"] = email
    contact = Contact(**values, email_normalized=normalize_email(email))
    session.add(contact)
    session.flush()
    return contact, True


def get_contact(session: Session, contact_id: uuid.UUID) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise UserError("Diesen Kontakt gibt es nicht (mehr).")
    return contact
