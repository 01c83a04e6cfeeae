"""The calendar SEQUENCE (RFC 5545): it rises whenever anything written into an event's calendar entry changes.

Calendar programs replace an entry they already hold only when the new file carries a higher SEQUENCE; an
invitation sent again after the programme, a speaker or the description changed would otherwise be ignored
(Outlook) or shown as a second entry. What the entry holds is decided by ``exchange.ics_calendar``: title,
times, place, access link, status, and in DESCRIPTION the description, the programme with derived start times
and speaker names, the speakers with organisation and topic, and the hosts (the series' hosts when the event
has none). The field sets below name the stored fields those come from; every service that changes one of
them calls ``raise_sequence`` once per change. A test changes each field and compares the exported entries.

The counter is merged by sync as a counter (``sync.tables.COUNTERS``): edits on two laptops both count.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from odn_desktop.store.models import AgendaItem, Event, EventSpeaker

#: ``Event`` fields written into the calendar entry (``series_id``: the series' hosts stand in for the event's).
EVENT_FIELDS = frozenset(
    {"starts_at", "ends_at", "venue", "online_url", "format", "title", "status", "description", "hosts",
     "series_id"}
)
#: ``AgendaItem`` fields in the programme (the duration moves every later start time).
AGENDA_FIELDS = frozenset({"kind", "title", "duration_minutes", "speaker_id", "position"})
#: ``Speaker`` fields shown with the programme and the speaker list.
SPEAKER_FIELDS = frozenset({"academic_title", "first_name", "last_name", "organisation", "role"})
#: ``EventSpeaker`` fields shown in the speaker list.
SPEAKER_LINK_FIELDS = frozenset({"topic", "position"})


def shown_fields_changed(fields: frozenset[str], before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether one of ``fields`` has a different value in ``after`` than in ``before``."""
    return any(name in after and after[name] != before.get(name) for name in fields)


def raise_sequence(session: Session, event_ids: Iterable[uuid.UUID]) -> None:
    """Raise the SEQUENCE of each live event once."""
    for event_id in dict.fromkeys(event_ids):
        event = session.get(Event, event_id)
        if event is not None and event.deleted_at is None:
            event.ics_sequence += 1


def events_showing_speaker(session: Session, speaker_id: uuid.UUID) -> list[uuid.UUID]:
    """The events whose calendar entry names the speaker: on the speaker list or in the programme."""
    linked = select(EventSpeaker.event_id).where(EventSpeaker.speaker_id == speaker_id,
                                                 EventSpeaker.deleted_at.is_(None))
    in_programme = select(AgendaItem.event_id).where(AgendaItem.speaker_id == speaker_id,
                                                     AgendaItem.deleted_at.is_(None))
    return list(session.scalars(
        select(Event.id).where(Event.deleted_at.is_(None), or_(Event.id.in_(linked), Event.id.in_(in_programme)))
    ))
