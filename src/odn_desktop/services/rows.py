"""Immutable row snapshots handed to the UI and the CLI.

Item models hold these, never live ORM objects: reading a cell must not run SQL, and a snapshot can cross
threads. Search and sort keys are computed once here so a keystroke in a filter costs microseconds per row
(a registrant's search key when first asked for: ``RegistrationRow.search_key``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar, dataclass_transform

from odn_desktop.domain.deadlines import DeadlineState, MeetingState
from odn_desktop.domain.person_keys import registration_search_key
from odn_desktop.domain.seats import SeatStatus
from odn_desktop.domain.timezone import iso_berlin

FORMAT_LABELS = {"online": "Online", "in_person": "Präsenz", "hybrid": "Hybrid"}
STATUS_LABELS = {
    "draft": "Entwurf",
    "open": "Anmeldung offen",
    "closed": "Anmeldung geschlossen",
    "held": "Durchgeführt",
    "cancelled": "Abgesagt",
}
REGISTRATION_STATUS_LABELS = {"registered": "Angemeldet", "waiting": "Warteliste", "cancelled": "Storniert"}

_Row = TypeVar("_Row")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def bulk_snapshot(cls: type[_Row]) -> type[_Row]:
    """A snapshot class made by the hundred thousand (registrations): frozen for the type checker (assigning a
    field is an error), at run time a slotted dataclass without the frozen guard, equal and hashable by its
    fields as a frozen one. The guard makes ``__init__`` set each field through ``object.__setattr__``: 1.5 µs
    for a 17-field row instead of 0.2 µs, a fifth of reading an event's registrants; the slots save a quarter
    of each row's memory. Change a copy with ``dataclasses.replace``."""
    return dataclass(slots=True, unsafe_hash=True)(cls)


@dataclass(frozen=True)
class EventRow:
    id: uuid.UUID
    title: str
    series: str | None
    starts_at: datetime
    ends_at: datetime
    format: str
    venue: str
    capacity: int | None
    overbooking: int
    seat_limit: int | None
    registered: int
    waiting: int
    cancelled: int
    free_seats: int | None
    seat_status: SeatStatus
    registration_deadline: datetime | None
    deadline_state: DeadlineState | None
    status: str
    #: what the meeting is now (``domain.deadlines.meeting_state``): "Beendet" once it has ended
    state: MeetingState
    speakers: tuple[str, ...]
    search_key: str = field(default="", compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "title": self.title,
            "series": self.series,
            "starts_at": iso_berlin(self.starts_at),
            "ends_at": iso_berlin(self.ends_at),
            "format": self.format,
            "venue": self.venue,
            "capacity": self.capacity,
            "overbooking": self.overbooking,
            "seat_limit": self.seat_limit,
            "registered": self.registered,
            "waiting": self.waiting,
            "cancelled": self.cancelled,
            "free_seats": self.free_seats,
            "seat_status": str(self.seat_status),
            "registration_deadline": iso_berlin(self.registration_deadline),
            "deadline_state": None if self.deadline_state is None else str(self.deadline_state),
            "status": self.status,
            "state": str(self.state),
            "speakers": list(self.speakers),
        }


@bulk_snapshot
class RegistrationRow:
    id: uuid.UUID
    event_id: uuid.UUID
    contact_id: uuid.UUID
    first_name: str
    last_name: str
    email: str
    organisation: str
    status: str
    waitlist_position: int | None
    late: bool
    registered_at: datetime
    attended: bool
    attended_minutes: int | None
    round: str | None
    #: the contact's town: part of the search key, not shown
    municipality: str = ""
    round_id: uuid.UUID | None = None
    forced_seat: bool = False

    @property
    def search_key(self) -> str:
        """``domain.names.search_key`` of the person (names, e-mail, organisation, town), made when first asked
        for (the table of an event asks at the first keystroke, not when it opens) and cached per person."""
        return registration_search_key(self.first_name, self.last_name, self.email, self.organisation,
                                       self.municipality)

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "event_id": str(self.event_id),
            "contact_id": str(self.contact_id),
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "organisation": self.organisation,
            "status": self.status,
            "waitlist_position": self.waitlist_position,
            "late": self.late,
            "registered_at": iso_berlin(self.registered_at),
            "attended": self.attended,
            "attended_minutes": self.attended_minutes,
            "round": self.round,
            "forced_seat": self.forced_seat,
        }


_NO_TIME = datetime.min.replace(tzinfo=UTC)


@bulk_snapshot
class EventRegistrationRow(RegistrationRow):
    """A registration with its event (for the view over every event)."""

    event_title: str = ""
    event_starts_at: datetime = _NO_TIME


@dataclass(frozen=True)
class SpeakerRow:
    id: uuid.UUID
    salutation: str
    academic_title: str
    first_name: str
    last_name: str
    role: str
    organisation: str
    email: str
    events: tuple[str, ...]

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.academic_title, self.first_name, self.last_name) if p)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.display_name,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "role": self.role,
            "organisation": self.organisation,
            "email": self.email,
            "events": list(self.events),
        }


@dataclass(frozen=True)
class AgendaRow:
    id: uuid.UUID
    position: int
    kind: str
    title: str
    duration_minutes: int
    starts_at: datetime
    ends_at: datetime
    speaker: str | None
    speaker_id: uuid.UUID | None
