"""The coordinator's own to-dos and every deadline of every event, for the overview."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import utcnow
from odn_desktop.store.models import Event, Task

from . import overview_rows
from .events import event_facts, get_event
from .overview_rows import EventDeadline, TaskFacts, event_deadlines_of, open_task_deadlines

__all__ = ["EventDeadline", "access_link_due", "create_task", "event_deadlines", "open_tasks_of_ended_events",
           "set_task_done"]


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


def access_link_due(event: Event) -> datetime:
    return overview_rows.access_link_due(event.starts_at, event.access_link_dispatch_at)


def _task_facts(task: Task) -> TaskFacts:
    assert task.event_id is not None
    return TaskFacts(task.id, task.event_id, task.title, task.due_at, task.done_at is not None)


def event_deadlines(session: Session, now: datetime | None = None, event_id: uuid.UUID | None = None,
                    include_past_events: bool = False) -> list[EventDeadline]:
    """Registration deadline, access-link dispatch and own tasks of each (upcoming) event, soonest first."""
    now = now or utcnow()
    query = select(Event).where(Event.deleted_at.is_(None), Event.status != "cancelled")
    if event_id is not None:
        query = query.where(Event.id == event_id)
    elif not include_past_events:  # ended meetings (``meeting_state``) leave the list; open_tasks_of_ended_events
        query = query.where(Event.ends_at > now, Event.status != "held")
    events = session.scalars(query).all()
    tasks = session.scalars(select(Task).where(Task.event_id.in_([e.id for e in events]),
                                               Task.deleted_at.is_(None))).all() if events else []
    return event_deadlines_of([event_facts(e) for e in events], [_task_facts(t) for t in tasks], now)


def open_tasks_of_ended_events(session: Session, now: datetime | None = None) -> list[EventDeadline]:
    """Open own tasks of events that have ended ("Teilnehmendenliste an die Stiftung senden", "Dankesmail"):
    the follow-up work after a meeting must stay on the overview until it is done. Cancelled events' tasks are
    left out (the meeting did not take place). One query, so the overview stays fast with hundreds of events."""
    now = now or utcnow()
    query = (select(Task, Event.title)
             .join(Event, Task.event_id == Event.id)
             .where(Task.deleted_at.is_(None), Task.done_at.is_(None), Event.deleted_at.is_(None),
                    Event.status != "cancelled", or_(Event.ends_at <= now, Event.status == "held")))
    return open_task_deadlines(((_task_facts(task), title) for task, title in session.execute(query)
                                if task.event_id is not None), now)
