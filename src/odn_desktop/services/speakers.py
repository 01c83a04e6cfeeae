"""Speakers (Referent:innen): people who speak at one or many events."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import person_sort_key
from odn_desktop.store.database import soft_delete
from odn_desktop.store.models import Event, EventSpeaker, Speaker

from .calendar_sequence import SPEAKER_FIELDS as SHOWN_FIELDS
from .calendar_sequence import events_showing_speaker, raise_sequence, shown_fields_changed
from .events import get_event
from .rows import SpeakerRow

SPEAKER_FIELDS = frozenset(
    {"salutation", "academic_title", "first_name", "last_name", "role", "organisation", "bio", "email", "phone"}
)


def create_speaker(session: Session, *, last_name: str, **fields: Any) -> Speaker:
    unknown = set(fields) - SPEAKER_FIELDS
    if unknown:
        raise TypeError(f"unknown speaker fields: {sorted(unknown)}")
    if not last_name.strip():
        raise UserError("Bitte geben Sie den Nachnamen der Referentin oder des Referenten an.")
    speaker = Speaker(last_name=last_name.strip(), **{k: (v or "").strip() for k, v in fields.items()})
    session.add(speaker)
    session.flush()
    return speaker


def get_speaker(session: Session, speaker_id: uuid.UUID) -> Speaker:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None or speaker.deleted_at is not None:
        raise UserError("Diese Referentin / diesen Referenten gibt es nicht (mehr).")
    return speaker


def update_speaker(session: Session, speaker_id: uuid.UUID, **changes: Any) -> Speaker:
    unknown = set(changes) - SPEAKER_FIELDS
    if unknown:
        raise TypeError(f"unknown speaker fields: {sorted(unknown)}")
    speaker = get_speaker(session, speaker_id)
    if "last_name" in changes and not (changes["last_name"] or "").strip():
        raise UserError("Der Nachname darf nicht leer sein.")
    before = {name: getattr(speaker, name) for name in changes}
    cleaned = {name: (value or "").strip() for name, value in changes.items()}
    for name, value in cleaned.items():
        setattr(speaker, name, value)
    if shown_fields_changed(SHOWN_FIELDS, before, cleaned):
        raise_sequence(session, events_showing_speaker(session, speaker_id))
    session.flush()
    return speaker


def add_speaker_to_event(session: Session, event_id: uuid.UUID, speaker_id: uuid.UUID, topic: str = "") -> EventSpeaker:
    get_event(session, event_id)
    get_speaker(session, speaker_id)
    link = session.scalars(
        select(EventSpeaker).where(EventSpeaker.event_id == event_id, EventSpeaker.speaker_id == speaker_id)
    ).first()
    if link is not None:
        shown_before = (link.deleted_at is None, link.topic)
        link.deleted_at = None
        if topic:
            link.topic = topic
        if (True, link.topic) != shown_before:
            raise_sequence(session, [event_id])
        session.flush()
        return link
    last = session.scalar(select(func.max(EventSpeaker.position)).where(EventSpeaker.event_id == event_id))
    link = EventSpeaker(event_id=event_id, speaker_id=speaker_id, topic=topic, position=(last or 0) + 1)
    session.add(link)
    raise_sequence(session, [event_id])
    session.flush()
    return link


def remove_speaker_from_event(session: Session, event_id: uuid.UUID, speaker_id: uuid.UUID) -> None:
    link = session.scalars(
        select(EventSpeaker).where(
            EventSpeaker.event_id == event_id, EventSpeaker.speaker_id == speaker_id, EventSpeaker.deleted_at.is_(None)
        )
    ).first()
    if link is None:
        raise UserError("Diese Person ist bei der Veranstaltung nicht als Referent:in eingetragen.")
    soft_delete(session, link)
    raise_sequence(session, [event_id])
    session.flush()


def list_speaker_rows(session: Session, event_id: uuid.UUID | None = None) -> list[SpeakerRow]:
    """All speakers (or those of one event, in announcement order) with the titles of their events."""
    events_of: dict[uuid.UUID, list[str]] = defaultdict(list)
    links = session.execute(
        select(EventSpeaker.speaker_id, EventSpeaker.event_id, EventSpeaker.position, Event.title, Event.starts_at)
        .join(Event, Event.id == EventSpeaker.event_id)
        .where(EventSpeaker.deleted_at.is_(None), Event.deleted_at.is_(None))
        .order_by(Event.starts_at)
    ).all()
    position: dict[uuid.UUID, int] = {}
    for speaker_id, ev_id, pos, title, starts_at in links:
        events_of[speaker_id].append(f"{title} ({starts_at.date():%d.%m.%Y})")
        if ev_id == event_id:
            position[speaker_id] = pos
    speakers = session.scalars(select(Speaker).where(Speaker.deleted_at.is_(None))).all()
    if event_id is not None:
        speakers = [s for s in speakers if s.id in position]
    rows = [
        SpeakerRow(
            id=s.id,
            salutation=s.salutation,
            academic_title=s.academic_title,
            first_name=s.first_name,
            last_name=s.last_name,
            role=s.role,
            organisation=s.organisation,
            email=s.email,
            events=tuple(events_of.get(s.id, [])),
        )
        for s in speakers
    ]
    if event_id is not None:
        rows.sort(key=lambda r: position[r.id])
    else:
        rows.sort(key=lambda r: person_sort_key(r.last_name, r.first_name))
    return rows
