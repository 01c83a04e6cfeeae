"""The overview's rows computed from plain records: event rows, deadlines, round gauges.

Pure functions over stored facts (no SQL, no SQLAlchemy, no ORM objects), so both readers feed the same
computation: the services (``events.list_event_rows``, ``tasks.event_deadlines``,
``tasks.open_tasks_of_ended_events``, ``round_views.round_seat_rows``), which fetch through a Session, and
``services.overview_read``, which fetches with plain ``sqlite3`` for the overview's first fill at start-up.
The rules themselves stay in ``domain`` (seats, deadline and meeting states).

Ties are broken by id wherever the order shows (two meetings at the same hour, two tasks due together), so
the order never depends on how a database happened to return the rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from odn_desktop.domain.deadlines import (
    Deadline,
    DeadlineKind,
    deadline_state,
    default_access_link_dispatch,
    make_deadline,
    meeting_state,
    registration_deadline_done,
)
from odn_desktop.domain.names import search_key
from odn_desktop.domain.seats import Pool, seat_counts

from .rows import EventRow

#: registrations of one event per status ("registered", "waiting", "cancelled")
StatusCounts = Mapping[str, int]
NO_COUNTS: StatusCounts = {"registered": 0, "waiting": 0, "cancelled": 0}


@dataclass(frozen=True)
class EventFacts:
    """The stored fields of an event the overview's rows are made of."""

    id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    format: str
    venue: str
    capacity: int | None
    overbooking_percent: int
    registration_deadline: datetime | None
    access_link_dispatch_at: datetime | None
    access_link_sent_at: datetime | None
    status: str


@dataclass(frozen=True)
class TaskFacts:
    """A live task of an event."""

    id: uuid.UUID
    event_id: uuid.UUID
    title: str
    due_at: datetime
    done: bool


@dataclass(frozen=True)
class RoundFacts:
    """A live round of an event."""

    id: uuid.UUID
    event_id: uuid.UUID
    title: str
    capacity: int | None
    position: int


@dataclass(frozen=True)
class EventDeadline:
    event_id: uuid.UUID
    event_title: str
    task_id: uuid.UUID | None
    deadline: Deadline


@dataclass(frozen=True)
class RoundSeatRow:
    """One round of an upcoming event, for the overview's gauges (the field names of ``EventRow``'s seats)."""

    id: uuid.UUID
    event_id: uuid.UUID
    event_title: str
    event_starts_at: datetime
    title: str
    position: int
    registered: int
    waiting: int
    seat_limit: int | None
    free_seats: int | None
    search_key: str = ""


# -- meetings ----------------------------------------------------------------------------------------------


def by_start(events: Iterable[EventFacts]) -> list[EventFacts]:
    """Oldest first; meetings starting at the same moment by id."""
    return sorted(events, key=lambda e: (e.starts_at, e.id.hex))


def speaker_name(academic_title: str, first_name: str, last_name: str) -> str:
    """A speaker as the event's row names them ("Dr. Anna Müller")."""
    return " ".join(p for p in (academic_title, first_name, last_name) if p)


def make_event_row(event: EventFacts, series_title: str | None, counts: StatusCounts,
              speakers: list[tuple[str, str]], now: datetime) -> EventRow:
    """An event's row: seat figures (``domain.seats``), registration deadline and meeting state."""
    seats = seat_counts(Pool(event.capacity, event.overbooking_percent), counts["registered"], counts["waiting"],
                        counts["cancelled"])
    state = None
    if event.registration_deadline is not None:
        done = registration_deadline_done(event.status, event.ends_at, now)
        state = deadline_state(event.registration_deadline, now, done=done)
    return EventRow(
        id=event.id,
        title=event.title,
        series=series_title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        format=event.format,
        venue=event.venue,
        capacity=event.capacity,
        overbooking=event.overbooking_percent,
        seat_limit=seats.limit,
        registered=seats.registered,
        waiting=seats.waiting,
        cancelled=seats.cancelled,
        free_seats=seats.free_seats,
        seat_status=seats.status,
        registration_deadline=event.registration_deadline,
        deadline_state=state,
        status=event.status,
        state=meeting_state(event.status, event.ends_at, now),
        speakers=tuple(name for name, _ in speakers),
        search_key=search_key(event.title, series_title, event.venue, *(f"{n} {o}" for n, o in speakers)),
    )


# -- deadlines ---------------------------------------------------------------------------------------------


def access_link_due(starts_at: datetime, dispatch_at: datetime | None) -> datetime:
    """When the access link goes out: as set, else the day before at the same time."""
    return dispatch_at or default_access_link_dispatch(starts_at)


def _deadline_order(d: EventDeadline) -> tuple[datetime, str]:
    return d.deadline.due, d.event_id.hex


def event_deadlines_of(events: Iterable[EventFacts], tasks: Iterable[TaskFacts],
                       now: datetime) -> list[EventDeadline]:
    """Registration deadline, access-link dispatch and own tasks (``tasks``: live ones) of each event, soonest
    first (ties: by event, then registration, access link, the tasks by id)."""
    per_event: dict[uuid.UUID, list[TaskFacts]] = {}
    for task in tasks:
        per_event.setdefault(task.event_id, []).append(task)
    result: list[EventDeadline] = []
    for event in events:
        if event.registration_deadline is not None:
            done = registration_deadline_done(event.status, event.ends_at, now)
            result.append(EventDeadline(event.id, event.title, None, make_deadline(
                DeadlineKind.REGISTRATION, "Anmeldeschluss", event.registration_deadline, done, now)))
        result.append(EventDeadline(event.id, event.title, None, make_deadline(
            DeadlineKind.ACCESS_LINK, "Versand Zugangslink",
            access_link_due(event.starts_at, event.access_link_dispatch_at), event.access_link_sent_at is not None,
            now)))
        for task in sorted(per_event.get(event.id, ()), key=lambda t: t.id.hex):
            result.append(EventDeadline(event.id, event.title, task.id, make_deadline(
                DeadlineKind.TASK, task.title, task.due_at, task.done, now)))
    result.sort(key=_deadline_order)
    return result


def open_task_deadlines(tasks: Iterable[tuple[TaskFacts, str]], now: datetime) -> list[EventDeadline]:
    """Open tasks (with their event's title) as deadlines, soonest first (ties: by event, then task id)."""
    result = [EventDeadline(task.event_id, title, task.id,
                            make_deadline(DeadlineKind.TASK, task.title, task.due_at, False, now))
              for task, title in tasks]
    result.sort(key=lambda d: (d.deadline.due, d.event_id.hex, d.task_id.hex if d.task_id else ""))
    return result


# -- rounds ------------------------------------------------------------------------------------------------


def round_seat_rows_of(events: Iterable[EventFacts], rounds: Iterable[RoundFacts],
                       counts: Mapping[tuple[uuid.UUID, uuid.UUID | None, str], int]) -> list[RoundSeatRow]:
    """The live ``rounds`` of ``events`` with their seat figures (``counts``: live registrations per event, round
    and status), by event start, title and id, then the rounds' order (position, title, id)."""
    per_event: dict[uuid.UUID, list[RoundFacts]] = {}
    for rnd in rounds:
        per_event.setdefault(rnd.event_id, []).append(rnd)
    rows: list[RoundSeatRow] = []
    for event in sorted((e for e in events if e.id in per_event), key=lambda e: (e.starts_at, e.title, e.id.hex)):
        for rnd in sorted(per_event[event.id], key=lambda r: (r.position, r.title, r.id.hex)):
            registered = counts.get((event.id, rnd.id, "registered"), 0)
            waiting = counts.get((event.id, rnd.id, "waiting"), 0)
            seats = seat_counts(Pool(rnd.capacity), registered, waiting)
            rows.append(RoundSeatRow(rnd.id, event.id, event.title, event.starts_at, rnd.title, rnd.position,
                                     registered, waiting, seats.limit, seats.free_seats,
                                     search_key(event.title, rnd.title)))
    return rows
