"""The plain records every export is written from: an event with its programme, and its registrants.

``services.exports`` fills them from the database; the writers in this package (Excel sheets, calendar files)
and the printed list in ``ui.pdf.participant_list`` only read them. Times are aware datetimes (UTC or Berlin).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AgendaEntry:
    starts_at: datetime
    ends_at: datetime
    title: str
    kind_label: str = ""
    speaker: str = ""


@dataclass(frozen=True)
class SpeakerEntry:
    name: str
    organisation: str = ""
    role: str = ""
    topic: str = ""


@dataclass(frozen=True)
class EventInfo:
    id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    ics_uid: str
    ics_sequence: int = 0
    series: str = ""
    description: str = ""
    format: str = "online"  # online | in_person | hybrid
    format_label: str = "Online"
    venue: str = ""
    online_url: str = ""
    hosts: tuple[str, ...] = ()
    status: str = "open"
    capacity: int | None = None
    agenda: tuple[AgendaEntry, ...] = ()
    speakers: tuple[SpeakerEntry, ...] = ()

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def place(self) -> str:
        """Format and place in one phrase: "Online per Zoom", "Präsenz – Rathaus Moers"."""
        venue = self.venue.strip()
        if not venue:
            return self.format_label
        if self.format_label.casefold() in venue.casefold():
            return venue
        return f"{self.format_label} – {venue}"


@dataclass(frozen=True)
class Participant:
    """One registration with the person's contact data, as exported (labels already German)."""

    registration_id: uuid.UUID
    last_name: str
    first_name: str
    email: str = ""
    salutation: str = ""
    academic_title: str = ""
    organisation: str = ""
    municipality: str = ""
    federal_state: str = ""
    role: str = ""
    experience_level: str = ""
    status: str = "registered"  # registered | waiting | cancelled
    status_label: str = "Angemeldet"
    waitlist_position: int | None = None
    round: str = ""
    registered_at: datetime | None = None
    cancelled_at: datetime | None = None
    late: bool = False
    attended: bool = False
    attended_minutes: int | None = None
    source: str = ""
    notes: str = ""
    consent_contact: bool = False
    consent_given_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.academic_title, self.first_name, self.last_name) if p)

    @property
    def organisation_or_municipality(self) -> str:
        """One column "Organisation/Kommune": the organisation, with the municipality when it adds something."""
        org, town = self.organisation.strip(), self.municipality.strip()
        if not town or town.casefold() in org.casefold():
            return org
        if not org:
            return town
        return f"{org}, {town}"


@dataclass(frozen=True)
class RegistrationCounts:
    registered: int = 0
    waiting: int = 0
    cancelled: int = 0
    attended: int = 0
