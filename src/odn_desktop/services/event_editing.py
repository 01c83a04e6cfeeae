"""What the event editor needs beyond the shared services: form snapshots, saving with undo, restores.

Each edit of the editor is an undoable command whose ``do`` and ``undo`` call these functions. ``do`` returns
what ``undo`` needs to put things back exactly (the old values, whether a series or a speaker link was created),
and a redo after an undo revives the same rows (``restore_*``) instead of creating new ones, so later commands
on the undo stack that refer to a row by id still find it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.deadlines import DeadlineState, deadline_state, end_of_day
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import search_key
from odn_desktop.domain.timezone import BERLIN, to_berlin, to_utc, utcnow
from odn_desktop.store.database import soft_delete
from odn_desktop.store.models import AgendaItem, EventSpeaker, Registration, Series, Speaker, Task

from . import agenda as agenda_service
from . import calendar_sequence
from . import events as event_service
from . import registrations as registration_service
from . import speakers as speaker_service
from . import tasks as task_service
from .next_meeting import moved_with_start

NEW_EVENT_TITLE = "Neue Veranstaltung"
NEW_EVENT_CAPACITY = 30
NEW_EVENT_START = time(10, 0)
NEW_EVENT_DURATION = timedelta(minutes=90)
SEAT_FIELDS = frozenset({"capacity", "overbooking_percent", "status", "rounds_optional"})
TASK_FIELDS = frozenset({"title", "due_at", "notes"})


# -- the details form ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventForm:
    """The editable fields of one event as the Details tab shows them (times aware UTC)."""

    id: uuid.UUID
    title: str
    series_id: uuid.UUID | None
    series_title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    format: str
    venue: str
    online_url: str
    capacity: int | None
    overbooking_percent: int
    registration_deadline: datetime | None
    allow_late_registration: bool
    access_link_dispatch_at: datetime | None
    status: str
    hosts: str
    description_copied: bool = False  # the description is the previous meeting's, not yet edited


def event_form(session: Session, event_id: uuid.UUID) -> EventForm:
    event = event_service.get_event(session, event_id)
    series = event.series if event.series is not None and event.series.deleted_at is None else None
    return EventForm(
        id=event.id,
        title=event.title,
        series_id=None if series is None else series.id,
        series_title="" if series is None else series.title,
        description=event.description,
        starts_at=to_utc(event.starts_at),
        ends_at=to_utc(event.ends_at),
        format=event.format,
        venue=event.venue,
        online_url=event.online_url,
        capacity=event.capacity,
        overbooking_percent=event.overbooking_percent,
        registration_deadline=None if event.registration_deadline is None else to_utc(event.registration_deadline),
        allow_late_registration=event.allow_late_registration,
        access_link_dispatch_at=(None if event.access_link_dispatch_at is None
                                 else to_utc(event.access_link_dispatch_at)),
        status=event.status,
        hosts=event.hosts,
        description_copied=event.description_copied,
    )


def series_titles(session: Session) -> list[str]:
    """Titles of the live series in German order, for the editable series combo box."""
    return [s.title for s in event_service.list_series(session)]


@dataclass(frozen=True)
class SaveOutcome:
    """What a save of the Details form changed, enough to undo it exactly."""

    event_id: uuid.UUID
    changed: tuple[str, ...]
    previous: dict[str, Any] = field(compare=False)
    created_series_id: uuid.UUID | None
    registrations_before: tuple[registration_service.RegistrationState, ...]
    promoted: tuple[str, ...]  # "Name (E-Mail)" of everyone who moved up from the waiting list
    moved_tasks: tuple[tuple[uuid.UUID, datetime], ...] = ()  # (task, its former due date) moved with the start


def save_event_form(session: Session, event_id: uuid.UUID, changes: dict[str, Any],
                    series_title: str | None = None, move_tasks: bool = False) -> SaveOutcome:
    """Apply the form's changes in one step. ``series_title``: None = unchanged, "" = no series, else a title.

    A title no series has yet creates that series. When the seats grow, people move up from the waiting list;
    their names are returned so the coordinator can inform them. ``move_tasks``: when the start changes, the open
    tasks' due dates keep their Berlin wall-clock distance to it (``next_meeting.moved_with_start``).
    """
    event = event_service.get_event(session, event_id)
    old_start = to_utc(event.starts_at)
    values = dict(changes)
    created_series_id = None
    if series_title is not None:
        title = series_title.strip()
        if not title:
            values["series_id"] = None
        else:
            series = event_service.find_series(session, title)
            if series is None:
                series = event_service.create_series(session, title)
                created_series_id = series.id
            values["series_id"] = series.id
    # an edited description is no longer flagged as copied: remember the flag too, for undo
    previous = {name: getattr(event, name) for name in (*values, "description_copied")}
    before: tuple[registration_service.RegistrationState, ...] = ()
    if SEAT_FIELDS.intersection(values):
        before = tuple(registration_service.snapshot_event_registrations(session, event_id))
    update = event_service.update_event(session, event_id, **values)
    moved: list[tuple[uuid.UUID, datetime]] = []
    if move_tasks and "starts_at" in update.changed:
        for task in event.tasks:
            if task.deleted_at is None and task.done_at is None:
                moved.append((task.id, task.due_at))
                task.due_at = moved_with_start(task.due_at, old_start, to_utc(event.starts_at))
        session.flush()
    promoted: tuple[str, ...] = ()
    if update.promoted:
        regs = session.scalars(select(Registration).where(Registration.id.in_(update.promoted))).all()
        promoted = tuple(
            f"{r.contact.first_name} {r.contact.last_name} ({r.contact.email})".strip() for r in regs
        )
    return SaveOutcome(
        event_id=event_id,
        changed=update.changed,
        previous={name: previous[name] for name in update.changed},
        created_series_id=created_series_id,
        registrations_before=before if update.promoted else (),
        promoted=promoted,
        moved_tasks=tuple(moved),
    )


def revert_event_form(session: Session, outcome: SaveOutcome) -> None:
    """Undo ``save_event_form``: old values back (moved tasks too), people who moved up back on the waiting list."""
    if outcome.previous:
        event_service.update_event(session, outcome.event_id, **outcome.previous)
    for task_id, due_at in outcome.moved_tasks:
        _task(session, task_id).due_at = due_at
    if outcome.moved_tasks:
        session.flush()
    if outcome.registrations_before:
        registration_service.restore_registration_states(session, list(outcome.registrations_before))
    if outcome.created_series_id is not None:
        series = session.get(Series, outcome.created_series_id)
        if series is not None and series.deleted_at is None:
            soft_delete(session, series)
            session.flush()


# -- new events ------------------------------------------------------------------------------------------------


def new_event_defaults(now: datetime | None = None) -> dict[str, Any]:
    """A draft one week from today, 10:00–11:30 Berlin, online, 30 seats, deadline the evening before."""
    today = to_berlin(now or utcnow()).date()
    day = today + timedelta(days=7)
    starts_at = to_utc(datetime.combine(day, NEW_EVENT_START, tzinfo=BERLIN))
    return {
        "title": NEW_EVENT_TITLE,
        "starts_at": starts_at,
        "ends_at": to_utc(datetime.combine(day, NEW_EVENT_START, tzinfo=BERLIN) + NEW_EVENT_DURATION),
        "format": "online",
        "capacity": NEW_EVENT_CAPACITY,
        "registration_deadline": end_of_day(day - timedelta(days=1)),
        "status": "draft",
    }


def create_draft_event(session: Session, now: datetime | None = None) -> uuid.UUID:
    return event_service.create_event(session, **new_event_defaults(now)).id


def deadline_for_date(day: date) -> datetime:
    """The registration deadline a date in the form means (end of that Berlin day)."""
    return end_of_day(day)


# -- agenda ------------------------------------------------------------------------------------------------------


def _agenda_item(session: Session, item_id: uuid.UUID) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise UserError("Diesen Programmpunkt gibt es nicht (mehr).")
    return item


def agenda_index(session: Session, item_id: uuid.UUID) -> int:
    """The 0-based place of a live agenda item in its event's programme."""
    item = _agenda_item(session, item_id)
    ids = [i.id for i in agenda_service.live_items(session, item.event_id)]
    if item.id not in ids:
        raise UserError("Diesen Programmpunkt gibt es nicht (mehr).")
    return ids.index(item.id)


def delete_agenda_item(session: Session, item_id: uuid.UUID) -> int:
    """Delete (tombstone) and return the item's former index, which ``restore_agenda_item`` needs."""
    index = agenda_index(session, item_id)
    agenda_service.delete_agenda_item(session, item_id)
    return index


def restore_agenda_item(session: Session, item_id: uuid.UUID, index: int | None = None) -> None:
    """Bring a deleted item back at ``index`` (None: at the end) and renumber the programme 1..n."""
    item = _agenda_item(session, item_id)
    event_service.get_event(session, item.event_id)
    item.deleted_at = None
    session.flush()
    live = [i for i in agenda_service.live_items(session, item.event_id) if i.id != item.id]
    live.insert(len(live) if index is None else max(0, min(index, len(live))), item)
    for pos, it in enumerate(live, start=1):
        if it.position != pos:
            it.position = pos
    calendar_sequence.raise_sequence(session, [item.event_id])
    session.flush()


def _live_link(session: Session, event_id: uuid.UUID, speaker_id: uuid.UUID) -> EventSpeaker | None:
    return session.scalars(
        select(EventSpeaker).where(EventSpeaker.event_id == event_id, EventSpeaker.speaker_id == speaker_id,
                                   EventSpeaker.deleted_at.is_(None))
    ).first()


@dataclass(frozen=True)
class AgendaEdit:
    item_id: uuid.UUID
    previous: dict[str, Any] = field(compare=False)
    linked_speaker_id: uuid.UUID | None  # the speaker this edit put on the event's speaker list


def edit_agenda_item(session: Session, item_id: uuid.UUID, **changes: Any) -> AgendaEdit:
    """``update_agenda_item`` that remembers the old values and whether the speaker list grew."""
    item = _agenda_item(session, item_id)
    if item.deleted_at is not None:
        raise UserError("Diesen Programmpunkt gibt es nicht (mehr).")
    previous = {name: getattr(item, name) for name in changes}
    speaker_id = changes.get("speaker_id")
    newly_linked = speaker_id is not None and _live_link(session, item.event_id, speaker_id) is None
    agenda_service.update_agenda_item(session, item_id, **changes)
    return AgendaEdit(item_id, previous, speaker_id if newly_linked else None)


def revert_agenda_edit(session: Session, edit: AgendaEdit) -> None:
    item = _agenda_item(session, edit.item_id)
    agenda_service.update_agenda_item(session, edit.item_id, **edit.previous)
    if edit.linked_speaker_id is not None and _live_link(session, item.event_id, edit.linked_speaker_id):
        speaker_service.remove_speaker_from_event(session, item.event_id, edit.linked_speaker_id)


# -- speakers of an event ----------------------------------------------------------------------------------------


def add_existing_speaker(session: Session, event_id: uuid.UUID, speaker_id: uuid.UUID) -> None:
    """Put a known speaker on the event's list (refused when already there, so undo removes only what was added)."""
    speaker = speaker_service.get_speaker(session, speaker_id)
    if _live_link(session, event_id, speaker_id) is not None:
        name = f"{speaker.first_name} {speaker.last_name}".strip()
        raise UserError(f"{name} ist bei dieser Veranstaltung bereits als Referent:in eingetragen.")
    speaker_service.add_speaker_to_event(session, event_id, speaker_id)


def create_speaker_for_event(session: Session, event_id: uuid.UUID, *, first_name: str, last_name: str,
                             organisation: str = "") -> uuid.UUID:
    event_service.get_event(session, event_id)
    speaker = speaker_service.create_speaker(session, first_name=first_name, last_name=last_name,
                                             organisation=organisation)
    speaker_service.add_speaker_to_event(session, event_id, speaker.id)
    return speaker.id


def withdraw_new_speaker(session: Session, event_id: uuid.UUID, speaker_id: uuid.UUID) -> None:
    """Undo ``create_speaker_for_event``: off the event's list, and the person tombstoned."""
    if _live_link(session, event_id, speaker_id) is not None:
        speaker_service.remove_speaker_from_event(session, event_id, speaker_id)
    speaker = session.get(Speaker, speaker_id)
    if speaker is not None and speaker.deleted_at is None:
        calendar_sequence.raise_sequence(session, calendar_sequence.events_showing_speaker(session, speaker_id))
        soft_delete(session, speaker)
        session.flush()


def revive_new_speaker(session: Session, event_id: uuid.UUID, speaker_id: uuid.UUID) -> None:
    """Redo of ``create_speaker_for_event``: the same person (same id) back on the list."""
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        raise UserError("Diese Referentin / diesen Referenten gibt es nicht (mehr).")
    speaker.deleted_at = None
    session.flush()
    speaker_service.add_speaker_to_event(session, event_id, speaker_id)


# -- tasks ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    id: uuid.UUID
    event_id: uuid.UUID | None
    title: str
    due_at: datetime
    done_at: datetime | None
    notes: str
    state: DeadlineState
    search_key: str = field(default="", compare=False)

    @property
    def done(self) -> bool:
        return self.done_at is not None


def _task_row(task: Task, now: datetime) -> TaskRow:
    return TaskRow(
        id=task.id,
        event_id=task.event_id,
        title=task.title,
        due_at=to_utc(task.due_at),
        done_at=None if task.done_at is None else to_utc(task.done_at),
        notes=task.notes,
        state=deadline_state(task.due_at, now, task.done_at is not None),
        search_key=search_key(task.title, task.notes),
    )


def list_task_rows(session: Session, event_id: uuid.UUID, now: datetime | None = None) -> list[TaskRow]:
    """The event's live tasks, soonest first, each with its deadline state."""
    now = now or utcnow()
    tasks = session.scalars(
        select(Task).where(Task.event_id == event_id, Task.deleted_at.is_(None)).order_by(Task.due_at, Task.title)
    ).all()
    return [_task_row(t, now) for t in tasks]


def _task(session: Session, task_id: uuid.UUID) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise UserError("Diese Aufgabe gibt es nicht (mehr).")
    return task


def update_task(session: Session, task_id: uuid.UUID, **changes: Any) -> dict[str, Any]:
    """Change title, due date or notes; returns the old values (for undo)."""
    unknown = set(changes) - TASK_FIELDS
    if unknown:
        raise TypeError(f"unknown task fields: {sorted(unknown)}")
    task = _task(session, task_id)
    if task.deleted_at is not None:
        raise UserError("Diese Aufgabe gibt es nicht (mehr).")
    if "title" in changes:
        changes["title"] = (changes["title"] or "").strip()
        if not changes["title"]:
            raise UserError("Bitte geben Sie an, was zu tun ist.")
    previous = {name: getattr(task, name) for name in changes}
    for name, value in changes.items():
        setattr(task, name, value)
    session.flush()
    return previous


def set_task_done(session: Session, task_id: uuid.UUID, done: bool) -> datetime | None:
    """Tick or untick; returns the former ``done_at`` so undo restores it exactly."""
    previous = _task(session, task_id).done_at
    task_service.set_task_done(session, task_id, done)
    return previous


def restore_task_done(session: Session, task_id: uuid.UUID, done_at: datetime | None) -> None:
    _task(session, task_id).done_at = done_at
    session.flush()


def delete_task(session: Session, task_id: uuid.UUID) -> None:
    task = _task(session, task_id)
    if task.deleted_at is not None:
        raise UserError("Diese Aufgabe gibt es nicht (mehr).")
    soft_delete(session, task)
    session.flush()


def restore_task(session: Session, task_id: uuid.UUID) -> None:
    task = _task(session, task_id)
    task.deleted_at = None
    session.flush()


def default_task_due(event_starts_at: datetime) -> datetime:
    """A new task is due two days before the event at 12:00 Berlin, a usual moment for preparations."""
    local_day = to_berlin(event_starts_at).date() - timedelta(days=2)
    return to_utc(datetime.combine(local_day, time(12, 0), tzinfo=BERLIN))
