"""Agenda items of an event; their start times are derived, never stored."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odn_desktop.domain.agenda import AgendaKind, agenda_warning, schedule
from odn_desktop.domain.errors import UserError
from odn_desktop.store.database import soft_delete
from odn_desktop.store.models import AgendaItem

from .calendar_sequence import AGENDA_FIELDS as SHOWN_FIELDS
from .calendar_sequence import raise_sequence, shown_fields_changed
from .events import get_event
from .rows import AgendaRow

AGENDA_FIELDS = frozenset({"kind", "title", "duration_minutes", "speaker_id", "notes"})


def _check(fields: dict[str, Any]) -> None:
    if "kind" in fields and fields["kind"] not in {k.value for k in AgendaKind}:
        raise UserError(f"Unbekannte Art von Programmpunkt: '{fields['kind']}'.")
    if "duration_minutes" in fields and (fields["duration_minutes"] is None or fields["duration_minutes"] < 0):
        raise UserError("Die Dauer eines Programmpunkts muss 0 Minuten oder mehr betragen.")


def live_items(session: Session, event_id: uuid.UUID) -> list[AgendaItem]:
    """The event's agenda items that are not deleted, in their order."""
    return list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.event_id == event_id, AgendaItem.deleted_at.is_(None))
            .order_by(AgendaItem.position)
        )
    )


def add_agenda_item(session: Session, event_id: uuid.UUID, *, title: str, duration_minutes: int,
                    kind: str = "talk", speaker_id: uuid.UUID | None = None, notes: str = "") -> AgendaItem:
    get_event(session, event_id)
    _check({"kind": kind, "duration_minutes": duration_minutes})
    last = session.scalar(
        select(func.max(AgendaItem.position)).where(AgendaItem.event_id == event_id, AgendaItem.deleted_at.is_(None))
    )
    item = AgendaItem(event_id=event_id, title=title.strip(), duration_minutes=duration_minutes, kind=kind,
                      speaker_id=speaker_id, notes=notes, position=(last or 0) + 1)
    session.add(item)
    session.flush()
    if speaker_id is not None:
        from .speakers import add_speaker_to_event

        add_speaker_to_event(session, event_id, speaker_id)
    raise_sequence(session, [event_id])
    return item


def update_agenda_item(session: Session, item_id: uuid.UUID, **changes: Any) -> AgendaItem:
    unknown = set(changes) - AGENDA_FIELDS
    if unknown:
        raise TypeError(f"unknown agenda fields: {sorted(unknown)}")
    _check(changes)
    item = session.get(AgendaItem, item_id)
    if item is None or item.deleted_at is not None:
        raise UserError("Diesen Programmpunkt gibt es nicht (mehr).")
    before = {name: getattr(item, name) for name in changes}
    for name, value in changes.items():
        setattr(item, name, value)
    session.flush()
    if changes.get("speaker_id") is not None:
        from .speakers import add_speaker_to_event

        add_speaker_to_event(session, item.event_id, changes["speaker_id"])
    if shown_fields_changed(SHOWN_FIELDS, before, changes):
        raise_sequence(session, [item.event_id])
    return item


def move_agenda_item(session: Session, item_id: uuid.UUID, new_index: int) -> None:
    """Put the item at ``new_index`` (0-based) and renumber the others; positions stay 1..n."""
    item = session.get(AgendaItem, item_id)
    if item is None or item.deleted_at is not None:
        raise UserError("Diesen Programmpunkt gibt es nicht (mehr).")
    live = live_items(session, item.event_id)
    items = [i for i in live if i.id != item.id]
    items.insert(max(0, min(new_index, len(items))), item)
    for pos, it in enumerate(items, start=1):
        if it.position != pos:
            it.position = pos
    if items != live:
        raise_sequence(session, [item.event_id])
    session.flush()


def delete_agenda_item(session: Session, item_id: uuid.UUID) -> None:
    item = session.get(AgendaItem, item_id)
    if item is None or item.deleted_at is not None:
        raise UserError("Diesen Programmpunkt gibt es nicht (mehr).")
    soft_delete(session, item)
    session.flush()
    for pos, it in enumerate(live_items(session, item.event_id), start=1):
        it.position = pos
    raise_sequence(session, [item.event_id])
    session.flush()


def agenda_rows(session: Session, event_id: uuid.UUID) -> tuple[list[AgendaRow], str | None]:
    """The programme with derived start times, and a German warning when it overruns the event's slot."""
    event = get_event(session, event_id)
    items = live_items(session, event_id)
    plan = [(i.id, i.duration_minutes) for i in items]
    slots = schedule(event.starts_at, plan)
    rows = []
    for item, slot in zip(items, slots, strict=True):
        speaker = item.speaker if item.speaker is not None and item.speaker.deleted_at is None else None
        rows.append(
            AgendaRow(
                id=item.id,
                position=item.position,
                kind=item.kind,
                title=item.title,
                duration_minutes=item.duration_minutes,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                speaker=None if speaker is None else f"{speaker.first_name} {speaker.last_name}".strip(),
                speaker_id=None if speaker is None else speaker.id,
            )
        )
    return rows, agenda_warning(event.starts_at, event.ends_at, plan)
