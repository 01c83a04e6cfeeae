"""The coordinator's own to-dos and every deadline of every event, for the overview."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from odn_desktop.domain.deadlines import (
    Deadline,
    DeadlineKind,
    default_access_link_dispatch,
    make_deadline,
    registration_deadline_done,
)
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import utcnow
from odn_desktop.store.models import Event, Task

from .events import get_event


def create_task(session: Session, title: str, due_at: datetime, event_id: uuid.UUID | None = None,
                notes: str = "") -> Task:
    if not title.strip():
        raise UserError("Bitte geben Sie an, was zu tun ist.")
    if event_id is not None:
        get_event(session, event_id)
    task = Task(title=title.strip(), due_at=due_at, event_id=event_id, notes=notes)
    session.add(task)
    session.flush()
    return task


def set_task_done(session: Session, task_id: uuid.UUID, done: bool = True, now: datetime | None = None) -> Task:
    task = session.get(Task, task_id)
    if task is None or task.deleted_at is not None:
        raise UserError("Diese Aufgabe gibt es nicht (mehr).")
    task.done_at = (now or utcnow()) if done else None
    session.flush()
    return task


@dataclass(frozen=True)
class EventDeadline:
    event_id: uuid.UUID
    event_title: str
    task_id: uuid.UUID | None
    deadline: Deadline


def access_link_due(event: Event) -> datetime:
    return event.access_link_dispatch_at or default_access_link_dispatch(event.starts_at)


def event_deadlines(session: Session, now: datetime | None = None, event_id: uuid.UUID | None = None,
                    include_past_events: bool = False) -> list[EventDeadline]:
    """Registration deadline, access-link dispatch and own tasks of each (upcoming) event, soonest first."""
    now = now or utcnow()
    query = select(Event).where(Event.deleted_at.is_(None), Event.status != "cancelled")
    if event_id is not None:
        query = query.where(Event.id == event_id)
    elif not include_past_events:  # ended meetings (``meeting_state``) leave the list; open_tasks_of_ended_events
        query = query.where(Event.ends_at > now, Event.status != "held")
    result: list[EventDeadline] = []
    for event in session.scalars(query):
        if event.registration_deadline is not None:
            done = registration_deadline_done(event.status, event.ends_at, now)
            result.append(EventDeadline(event.id, event.title, None, make_deadline(
                DeadlineKind.REGISTRATION, "Anmeldeschluss", event.registration_deadline, done, now)))
        result.append(EventDeadline(event.id, event.title, None, make_deadline(
            DeadlineKind.ACCESS_LINK, "Versand Zugangslink", access_link_due(event),
            event.access_link_sent_at is not None, now)))
        for task in event.tasks:
            if task.deleted_at is None:
                result.append(EventDeadline(event.id, event.title, task.id, make_deadline(
                    DeadlineKind.TASK, task.title, task.due_at, task.done_at is not None, now)))
    result.sort(key=lambda d: d.deadline.due)
    return result


def open_tasks_of_ended_events(session: Session, now: datetime | None = None) -> list[EventDeadline]:
    """Open own tasks of events that have ended ("Teilnehmendenliste an die Stiftung senden", "Dankesmail"):
    the follow-up work after a meeting must stay on the overview until it is done. Cancelled events' tasks are
    left out (the meeting did not take place). One query, so the overview stays fast with hundreds of events."""
    now = now or utcnow()
    query = (select(Task, Event.title)
             .join(Event, Task.event_id == Event.id)
             .where(Task.deleted_at.is_(None), Task.done_at.is_(None), Event.deleted_at.is_(None),
                    Event.status != "cancelled", or_(Event.ends_at <= now, Event.status == "held")))
    result = [EventDeadline(task.event_id, title, task.id,
                            make_deadline(DeadlineKind.TASK, task.title, task.due_at, False, now))
              for task, title in session.execute(query) if task.event_id is not None]
    result.sort(key=lambda d: d.deadline.due)
    return result
