"""Topic wishes as row snapshots: each group with its wishes, count, who asked (organisations) and state.

The state shown is derived from the stored one and the planned meeting: a group planned for a meeting that has taken
place (held, or over) reads ``treated``; a plan whose meeting was cancelled or whose agenda item was removed reads
``open`` again. Wishes without a live group (e.g. their group was merged away on another laptop before they arrived)
are listed one per row with ``id=None`` until a regrouping places them.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from odn_desktop.domain.names import german_sort_key, search_key
from odn_desktop.domain.timezone import iso_berlin, utcnow
from odn_desktop.store.models import AgendaItem, Event, Registration, Series
from odn_desktop.store.wish_models import TopicGroup, TopicWish

STATE_ORDER = {"open": 0, "planned": 1, "treated": 2}


@dataclass(frozen=True)
class EventRef:
    id: uuid.UUID
    title: str
    starts_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"id": str(self.id), "title": self.title, "starts_at": iso_berlin(self.starts_at)}


@dataclass(frozen=True)
class WishRow:
    id: uuid.UUID
    text: str
    contact_id: uuid.UUID | None
    name: str
    email: str
    organisation: str
    level: str
    event: EventRef
    source: str
    pinned: bool

    def to_json(self) -> dict[str, Any]:
        return {"wish_id": str(self.id), "text": self.text, "email": self.email or None,
                "organisation": self.organisation, "event": self.event.to_json()}


@dataclass(frozen=True)
class WishGroupRow:
    id: uuid.UUID | None
    series_id: uuid.UUID | None
    series_title: str | None
    title: str
    state: str
    planned_event: EventRef | None
    agenda_item_id: uuid.UUID | None
    wishes: tuple[WishRow, ...]
    organisations: tuple[str, ...]
    search_key: str = field(default="", compare=False)

    @property
    def count(self) -> int:
        return len(self.wishes)

    def to_json(self) -> dict[str, Any]:
        return {"group_id": None if self.id is None else str(self.id), "title": self.title, "count": self.count,
                "wishes": [w.to_json() for w in self.wishes], "state": self.state,
                "planned_event": None if self.planned_event is None else self.planned_event.to_json(),
                "series": self.series_title}


def _ref(event: Event) -> EventRef:
    return EventRef(event.id, event.title, event.starts_at)


def _state(group: TopicGroup, items: dict[uuid.UUID, AgendaItem], now: datetime) -> tuple[str, Event | None]:
    event = group.planned_event
    if event is None or event.deleted_at is not None:
        return ("treated" if group.state == "treated" else "open"), None
    if group.state == "planned":
        if event.status == "cancelled" or group.agenda_item_id not in items:
            return "open", None
        if event.status == "held" or event.ends_at <= now:
            return "treated", event
    return group.state, event


def list_wish_groups(session: Session, series_ids: Collection[uuid.UUID | None] | None = None,
                     now: datetime | None = None) -> list[WishGroupRow]:
    """The groups of the given series (``None`` in the collection: meetings without a series; ``series_ids=None``:
    every series): open first, then planned, then treated; within a state the most wished first."""
    now = now or utcnow()
    query = (select(TopicWish).join(Event, TopicWish.event_id == Event.id)
             .where(TopicWish.deleted_at.is_(None), Event.deleted_at.is_(None))
             .options(selectinload(TopicWish.contact), selectinload(TopicWish.event))
             .order_by(TopicWish.created_at, TopicWish.id))
    if series_ids is not None:
        wanted = [s for s in series_ids if s is not None]
        condition = Event.series_id.in_(wanted)
        query = query.where(condition | Event.series_id.is_(None) if None in series_ids else condition)
    wishes = list(session.scalars(query))
    levels = _levels(session, wishes)
    series_titles = {s.id: s.title for s in session.scalars(select(Series))}
    group_ids = {w.group_id for w in wishes if w.group_id is not None}
    groups = {g.id: g for g in session.scalars(
        select(TopicGroup).where(TopicGroup.id.in_(group_ids), TopicGroup.deleted_at.is_(None))
        .options(selectinload(TopicGroup.planned_event)))}
    items = {i.id: i for i in session.scalars(select(AgendaItem).where(
        AgendaItem.id.in_({g.agenda_item_id for g in groups.values() if g.agenda_item_id}),
        AgendaItem.deleted_at.is_(None)))}
    members: dict[uuid.UUID, list[WishRow]] = {}
    loose: list[tuple[TopicWish, WishRow]] = []
    for wish in wishes:
        row = _wish_row(wish, levels)
        if wish.group_id in groups:
            members.setdefault(wish.group_id, []).append(row)
        else:
            loose.append((wish, row))
    rows = []
    for group_id, group_wishes in members.items():
        group = groups[group_id]
        state, planned = _state(group, items, now)
        rows.append(_group_row(group.id, group.series_id, series_titles, group.title, state,
                               None if planned is None else _ref(planned),
                               group.agenda_item_id if planned is not None else None, group_wishes))
    for wish, row in loose:
        series_id = wish.event.series_id
        rows.append(_group_row(None, series_id, series_titles, row.text, "open", None, None, [row]))
    rows.sort(key=lambda r: (STATE_ORDER.get(r.state, 3), -r.count, german_sort_key(r.title)))
    return rows


def _levels(session: Session, wishes: list[TopicWish]) -> dict[tuple[uuid.UUID, uuid.UUID], str]:
    """(event, contact) → the level the person gave when registering for that meeting."""
    contacts = {w.contact_id for w in wishes if w.contact_id is not None}
    if not contacts:
        return {}
    return {(r.event_id, r.contact_id): r.level for r in session.scalars(
        select(Registration).where(Registration.contact_id.in_(contacts), Registration.deleted_at.is_(None),
                                   Registration.level != ""))}


def _wish_row(wish: TopicWish, levels: dict[tuple[uuid.UUID, uuid.UUID], str]) -> WishRow:
    contact = wish.contact if wish.contact is not None and wish.contact.deleted_at is None else None
    return WishRow(
        id=wish.id, text=wish.text, contact_id=None if contact is None else contact.id,
        name="" if contact is None else f"{contact.first_name} {contact.last_name}".strip(),
        email="" if contact is None else contact.email,
        organisation="" if contact is None else contact.organisation,
        level="" if contact is None else levels.get((wish.event_id, contact.id), ""),
        event=_ref(wish.event), source=wish.source, pinned=wish.pinned)


def _group_row(group_id: uuid.UUID | None, series_id: uuid.UUID | None, series_titles: dict[uuid.UUID, str],
               title: str, state: str, planned: EventRef | None, agenda_item_id: uuid.UUID | None,
               wishes: list[WishRow]) -> WishGroupRow:
    organisations = tuple(sorted({w.organisation for w in wishes if w.organisation}, key=german_sort_key))
    return WishGroupRow(
        id=group_id, series_id=series_id, series_title=series_titles.get(series_id) if series_id else None,
        title=title, state=state, planned_event=planned, agenda_item_id=agenda_item_id, wishes=tuple(wishes),
        organisations=organisations,
        search_key=search_key(title, *organisations, *(w.text for w in wishes), *(w.name for w in wishes)))


@dataclass(frozen=True)
class SeriesChoice:
    """A series (``id=None``: meetings without a series) and how many wishes were given at its meetings."""

    id: uuid.UUID | None
    title: str
    wishes: int


def wish_series(session: Session) -> list[SeriesChoice]:
    """Every series (German order), then "no series" when wishes were given at meetings without one."""
    counts: dict[uuid.UUID | None, int] = {}
    for series_id in session.scalars(select(Event.series_id).join(TopicWish, TopicWish.event_id == Event.id).where(
            TopicWish.deleted_at.is_(None), Event.deleted_at.is_(None))):
        counts[series_id] = counts.get(series_id, 0) + 1
    series = sorted(session.scalars(select(Series).where(Series.deleted_at.is_(None))),
                    key=lambda s: german_sort_key(s.title))
    choices = [SeriesChoice(s.id, s.title, counts.get(s.id, 0)) for s in series]
    if counts.get(None):
        choices.append(SeriesChoice(None, "", counts[None]))
    return choices


def plan_candidates(session: Session, series_id: uuid.UUID | None, now: datetime | None = None) -> list[EventRef]:
    """The meetings of the series a topic can be planned for: not cancelled, not held, not over; soonest first."""
    now = now or utcnow()
    series_filter = Event.series_id.is_(None) if series_id is None else Event.series_id == series_id
    events = session.scalars(select(Event).where(
        Event.deleted_at.is_(None), series_filter, Event.status.not_in(("cancelled", "held")), Event.ends_at > now)
        .order_by(Event.starts_at))
    return [_ref(e) for e in events]
