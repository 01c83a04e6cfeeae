"""Use cases around series and events: create, edit, cancel, list (the next meeting: ``next_meeting``).

Every function takes a Session inside the caller's transaction and returns plain data; validation failures
raise ``UserError`` with a German message before anything is written.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import german_sort_key
from odn_desktop.domain.person_keys import registration_search_key
from odn_desktop.domain.timezone import BERLIN, format_german_datetime, utcnow
from odn_desktop.store.models import Contact, Event, EventSpeaker, Registration, Series, Speaker

from . import calendar_sequence
from .overview_rows import EventFacts, make_event_row, speaker_name
from .rows import EventRow
from .seat_allocation import OverLimitPool, apply_allocation

EVENT_FORMATS = ("online", "in_person", "hybrid")
EVENT_STATUSES = ("draft", "open", "closed", "held", "cancelled")
#: Changing one of these changes what a calendar entry shows, so the ICS SEQUENCE must rise.
ICS_RELEVANT_FIELDS = calendar_sequence.EVENT_FIELDS
EDITABLE_FIELDS = frozenset(
    {
        "title",
        "description",
        "starts_at",
        "ends_at",
        "format",
        "venue",
        "online_url",
        "capacity",
        "overbooking_percent",
        "registration_opens_at",
        "registration_deadline",
        "allow_late_registration",
        "access_link_dispatch_at",
        "status",
        "hosts",
        "series_id",
        "rounds_optional",
        "description_copied",
    }
)
#: Changing one of these can change who holds a seat: the seat rule is applied afterwards.
SEAT_FIELDS = frozenset({"capacity", "overbooking_percent", "status", "rounds_optional"})


# -- series ------------------------------------------------------------------------------------------------


def create_series(session: Session, title: str, hosts: str = "", description: str = "") -> Series:
    title = title.strip()
    if not title:
        raise UserError("Bitte geben Sie einen Titel für die Veranstaltungsreihe an.")
    series = Series(title=title, hosts=hosts.strip(), description=description)
    session.add(series)
    session.flush()
    return series


def find_series(session: Session, title: str) -> Series | None:
    wanted = title.strip().casefold()
    for series in session.scalars(select(Series).where(Series.deleted_at.is_(None))):
        if series.title.casefold() == wanted:
            return series
    return None


def find_or_create_series(session: Session, title: str) -> Series:
    return find_series(session, title) or create_series(session, title)


def list_series(session: Session) -> list[Series]:
    rows = session.scalars(select(Series).where(Series.deleted_at.is_(None))).all()
    return sorted(rows, key=lambda s: german_sort_key(s.title))


# -- validation --------------------------------------------------------------------------------------------


def _validate(values: dict[str, Any]) -> None:
    title = (values.get("title") or "").strip()
    if not title:
        raise UserError("Bitte geben Sie einen Titel für die Veranstaltung an.")
    starts_at: datetime = values["starts_at"]
    ends_at: datetime = values["ends_at"]
    if ends_at <= starts_at:
        raise UserError("Das Ende der Veranstaltung muss nach ihrem Beginn liegen.")
    if values.get("format", "online") not in EVENT_FORMATS:
        raise UserError(
            f"Unbekanntes Format '{values.get('format')}'. Erlaubt sind: online, in_person (Präsenz), hybrid."
        )
    if values.get("status", "open") not in EVENT_STATUSES:
        raise UserError(f"Unbekannter Status '{values.get('status')}'.")
    capacity = values.get("capacity")
    if capacity is not None and capacity < 0:
        raise UserError("Die Zahl der Plätze darf nicht negativ sein.")
    overbooking = values.get("overbooking_percent", 0)
    if not 0 <= overbooking <= 100:
        raise UserError("Die Überbuchung muss zwischen 0 und 100 Prozent liegen.")
    deadline = values.get("registration_deadline")
    if deadline is not None and deadline > starts_at:
        raise UserError("Der Anmeldeschluss muss vor dem Beginn der Veranstaltung liegen.")
    opens = values.get("registration_opens_at")
    if opens is not None and deadline is not None and opens > deadline:
        raise UserError("Die Anmeldung muss vor dem Anmeldeschluss beginnen.")
    url = (values.get("online_url") or "").strip()
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise UserError(f"Der Zugangslink '{url}' ist keine gültige Web-Adresse (https://...).")


# -- create / update / cancel ------------------------------------------------------------------------------


def create_event(session: Session, *, title: str, starts_at: datetime, ends_at: datetime, **fields: Any) -> Event:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    values: dict[str, Any] = {"format": "online", "overbooking_percent": 0, "status": "open", **fields}
    values.update(title=title.strip(), starts_at=starts_at, ends_at=ends_at)
    _validate(values)
    event = Event(ics_uid=f"{uuid.uuid4()}@odn-desktop", ics_sequence=0, **values)
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class EventUpdate:
    event: Event
    changed: tuple[str, ...]
    promoted: tuple[uuid.UUID, ...]  # registrations that got a seat because capacity grew
    over_limit: tuple[OverLimitPool, ...] = ()  # a lowered capacity leaves the pool over its limit: say so


def update_event(session: Session, event_id: uuid.UUID, **changes: Any) -> EventUpdate:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    event = get_event(session, event_id)
    current = {name: getattr(event, name) for name in EDITABLE_FIELDS}
    merged = {**current, **changes}
    if "title" in changes:
        merged["title"] = (changes["title"] or "").strip()
    _validate(merged)
    if "description_copied" not in changes and merged["description"] != current["description"]:
        merged["description_copied"] = False  # an edited description is no longer the previous meeting's
    changed = tuple(sorted(name for name in merged if merged[name] != current[name]))
    for name in changed:
        setattr(event, name, merged[name])
    if ICS_RELEVANT_FIELDS.intersection(changed):
        event.ics_sequence += 1
    promoted: tuple[uuid.UUID, ...] = ()
    over_limit: tuple[OverLimitPool, ...] = ()
    if SEAT_FIELDS.intersection(changed):
        session.flush()
        report = apply_allocation(session, event.id)
        promoted, over_limit = report.promoted, report.over_limit
    session.flush()
    return EventUpdate(event=event, changed=changed, promoted=promoted, over_limit=over_limit)


def cancel_event(session: Session, event_id: uuid.UUID) -> Event:
    event = get_event(session, event_id)
    if event.status == "cancelled":
        raise UserError(f"Die Veranstaltung '{event.title}' ist bereits abgesagt.")
    event.status = "cancelled"
    event.ics_sequence += 1
    session.flush()
    apply_allocation(session, event.id)
    return event


def delete_event(session: Session, event_id: uuid.UUID) -> Event:
    """Tombstone the event (its registrations stay, hidden with it); ``restore_event`` undoes this."""
    event = get_event(session, event_id)
    event.deleted_at = utcnow()
    session.flush()
    return event


def restore_event(session: Session, event_id: uuid.UUID) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserError(f"Die Veranstaltung {event_id} gibt es nicht.")
    event.deleted_at = None
    session.flush()
    apply_allocation(session, event.id)
    return event


# -- lookup ------------------------------------------------------------------------------------------------


def get_event(session: Session, event_id: uuid.UUID) -> Event:
    event = session.get(Event, event_id)
    if event is None or event.deleted_at is not None:
        raise UserError(f"Die Veranstaltung {event_id} gibt es nicht (mehr).")
    return event


def event_exists(session: Session, event_id: uuid.UUID) -> bool:
    """Whether the event is stored and not deleted (e.g. its creation was undone a moment ago)."""
    event = session.get(Event, event_id)
    return event is not None and event.deleted_at is None


def resolve_event(session: Session, ref: str) -> Event:
    """``--event E``: the event's id, or its start date YYYY-MM-DD (Berlin) when exactly one starts that day."""
    ref = ref.strip()
    try:
        return get_event(session, uuid.UUID(ref))
    except ValueError:
        pass
    try:
        day = date.fromisoformat(ref)
    except ValueError:
        raise UserError(
            f"'{ref}' ist weder die Kennung einer Veranstaltung noch ein Datum im Format JJJJ-MM-TT."
        ) from None
    start = datetime(day.year, day.month, day.day, tzinfo=BERLIN)
    end = start + timedelta(days=1)
    end = datetime(end.year, end.month, end.day, tzinfo=BERLIN)
    events = session.scalars(
        select(Event).where(Event.deleted_at.is_(None), Event.starts_at >= start, Event.starts_at < end)
    ).all()
    if not events:
        raise UserError(f"Am {day:%d.%m.%Y} beginnt keine Veranstaltung.")
    if len(events) > 1:
        listing = "; ".join(f"{e.id} ({e.title}, {format_german_datetime(e.starts_at)})" for e in events)
        raise UserError(
            f"Am {day:%d.%m.%Y} beginnen {len(events)} Veranstaltungen; bitte die Kennung angeben: {listing}"
        )
    return events[0]


# -- listing -----------------------------------------------------------------------------------------------


def registration_counts(session: Session, event_ids: list[uuid.UUID] | None = None) -> dict[uuid.UUID, dict[str, int]]:
    """Registrations per event and status in one aggregate query (cheap even for 100,000 rows)."""
    query = (
        select(Registration.event_id, Registration.status, func.count())
        .where(Registration.deleted_at.is_(None))
        .group_by(Registration.event_id, Registration.status)
    )
    if event_ids is not None:
        query = query.where(Registration.event_id.in_(event_ids))
    counts: dict[uuid.UUID, dict[str, int]] = defaultdict(lambda: {"registered": 0, "waiting": 0, "cancelled": 0})
    for event_id, status, n in session.execute(query):
        counts[event_id][status] = n
    return counts


def event_speaker_names(
    session: Session, event_ids: list[uuid.UUID] | None = None
) -> dict[uuid.UUID, list[tuple[str, str]]]:
    """(name, organisation) of each event's speakers, in announcement order."""
    query = (
        select(EventSpeaker.event_id, Speaker.academic_title, Speaker.first_name, Speaker.last_name,
               Speaker.organisation)
        .join(Speaker, Speaker.id == EventSpeaker.speaker_id)
        .where(EventSpeaker.deleted_at.is_(None), Speaker.deleted_at.is_(None))
        .order_by(EventSpeaker.position, EventSpeaker.id)
    )
    if event_ids is not None:
        query = query.where(EventSpeaker.event_id.in_(event_ids))
    names: dict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
    for event_id, title, first, last, organisation in session.execute(query):
        names[event_id].append((speaker_name(title, first, last), organisation))
    return names


def event_facts(event: Event) -> EventFacts:
    """What the rows of ``overview_rows`` need of an event."""
    return EventFacts(event.id, event.title, event.starts_at, event.ends_at, event.format, event.venue,
                      event.capacity, event.overbooking_percent, event.registration_deadline,
                      event.access_link_dispatch_at, event.access_link_sent_at, event.status)


def _row(event: Event, counts: dict[str, int], speakers: list[tuple[str, str]], series_title: str | None,
         now: datetime) -> EventRow:
    return make_event_row(event_facts(event), series_title, counts, speakers, now)


def list_event_rows(session: Session, now: datetime | None = None,
                    event_ids: list[uuid.UUID] | None = None) -> list[EventRow]:
    """All live events (or those of ``event_ids``), oldest first, with seat figures and deadline state."""
    now = now or utcnow()
    query = select(Event).where(Event.deleted_at.is_(None)).order_by(Event.starts_at, Event.id).options(
        selectinload(Event.series))
    if event_ids is not None:
        query = query.where(Event.id.in_(event_ids))
    events = session.scalars(query).all()
    counts = registration_counts(session, event_ids)
    speakers = event_speaker_names(session, event_ids)
    return [
        _row(e, counts[e.id], speakers.get(e.id, []), e.series.title if e.series else None, now) for e in events
    ]


def event_participant_keys(session: Session) -> dict[uuid.UUID, str]:
    """Per event, the search text of its registrants (name, e-mail, organisation, town): what the event list's
    search adds to each event's own key once something is typed, so "Müller" finds the meetings she is
    registered for. One query; read only when a search is typed (the list's reload stays cheap)."""
    query = (
        select(Registration.event_id, Contact.first_name, Contact.last_name, Contact.email, Contact.organisation,
               Contact.municipality)
        .join(Contact, Contact.id == Registration.contact_id)
        .join(Event, Event.id == Registration.event_id)
        .where(Registration.deleted_at.is_(None), Contact.deleted_at.is_(None), Event.deleted_at.is_(None))
    )
    parts: dict[uuid.UUID, list[str]] = defaultdict(list)
    for event_id, first, last, email, organisation, town in session.execute(query):
        parts[event_id].append(registration_search_key(first, last, email, organisation, town))
    return {event_id: " ".join(keys) for event_id, keys in parts.items()}


def event_row(session: Session, event_id: uuid.UUID, now: datetime | None = None) -> EventRow:
    event = get_event(session, event_id)
    counts = registration_counts(session, [event_id])
    speakers = event_speaker_names(session, [event_id])
    return _row(event, counts[event_id], speakers.get(event_id, []), event.series.title if event.series else None,
                now or utcnow())

