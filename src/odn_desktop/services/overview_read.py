"""The overview's first fill at start-up, read with plain ``sqlite3`` (SQLAlchemy loads after it).

Importing SQLAlchemy, the ORM and the models takes longer than painting the window, so the overview (the page
shown first) is filled by this reader while the database layer still loads. It only *fetches*: every figure
is computed by the same functions the services use (``overview_rows``, ``seat_limits``, ``domain``), and
``tests/ui/test_overview_plain_read.py`` checks on real files that both readers give the same rows.

It is used only on a file already at the newest schema (``store.revision.is_up_to_date``); any error ends the
attempt (the overview then fills through the services, as before). ``PlainOverview.unchanged`` tells whether
anything was written to the file since it was read, so that the page can keep the rows it shows.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from odn_desktop.domain.seats import Pool
from odn_desktop.store.stored_values import moment_from_stored, utc_text

from .overview_rows import (
    NO_COUNTS,
    EventDeadline,
    EventFacts,
    RoundFacts,
    RoundSeatRow,
    TaskFacts,
    by_start,
    event_deadlines_of,
    make_event_row,
    open_task_deadlines,
    round_seat_rows_of,
    speaker_name,
)
from .rows import EventRow
from .seat_limits import EventPool, OverLimitPool, RoundPool, pools_over_limit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EVENT_COLUMNS = ("id, title, starts_at, ends_at, format, venue, capacity, overbooking_percent, registration_deadline, "
                 "access_link_dispatch_at, access_link_sent_at, status")


def _moment(value: str | None) -> datetime | None:
    return None if value is None else moment_from_stored(value)


def _uuid(value: str | None) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(value)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _event(row: Sequence[Any]) -> EventFacts:
    moment = _moment
    starts_at, ends_at = moment(row[2]), moment(row[3])
    assert starts_at is not None and ends_at is not None
    return EventFacts(uuid.UUID(row[0]), row[1], starts_at, ends_at, row[4], row[5], row[6], row[7],
                      moment(row[8]), moment(row[9]), moment(row[10]), row[11])


def _task(row: Sequence[Any]) -> TaskFacts:
    due = _moment(row[3])
    assert due is not None
    return TaskFacts(uuid.UUID(row[0]), uuid.UUID(row[1]), row[2], due, row[4] is not None)


class PlainOverview:
    """The overview's reads (the same names and results as ``SessionOverview``'s) on one read-only connection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = os.stat(path)
        self._conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        self._data_version = self._conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self._conn.close()

    def unchanged(self) -> bool:
        """Nothing committed to the file (nor the file replaced) since it was read; closes the connection."""
        try:
            stat = os.stat(self.path)
            same = (stat.st_ino, stat.st_dev) == (self._file.st_ino, self._file.st_dev)
            return same and self._conn.execute("PRAGMA data_version").fetchone()[0] == self._data_version
        except (OSError, sqlite3.Error):
            return False
        finally:
            self.close()

    def _rows(self, sql: str, params: Iterable[object] = ()) -> list[Any]:
        return self._conn.execute(sql, tuple(params)).fetchall()

    def _events(self, where: str, params: Iterable[object] = ()) -> list[EventFacts]:
        return [_event(r) for r in self._rows(f"SELECT {EVENT_COLUMNS} FROM event WHERE {where}", params)]

    # -- the services' reads ---------------------------------------------------------------------------------

    def meeting_facts(self) -> list[EventFacts]:
        """Every live event (``dashboard_page.load_dashboard`` judges which are shown)."""
        return self._events("deleted_at IS NULL")

    def event_rows(self, event_ids: Sequence[uuid.UUID], now: datetime) -> list[EventRow]:
        """``events.list_event_rows(session, now, event_ids)``."""
        ids = [e.hex for e in event_ids]
        if not ids:
            return []
        marks = _marks(ids)
        rows = self._rows(f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS.split(', '))}, s.title FROM event e "
                          f"LEFT JOIN series s ON s.id = e.series_id WHERE e.deleted_at IS NULL AND e.id IN ({marks})",
                          ids)
        counts: dict[uuid.UUID, dict[str, int]] = {}
        for event_id, status, n in self._rows(
                f"SELECT event_id, status, count(*) FROM registration WHERE deleted_at IS NULL "
                f"AND event_id IN ({marks}) GROUP BY event_id, status", ids):
            counts.setdefault(uuid.UUID(event_id), dict(NO_COUNTS))[status] = n
        speakers: dict[uuid.UUID, list[tuple[str, str]]] = {}
        for event_id, title, first, last, organisation in self._rows(
                "SELECT es.event_id, s.academic_title, s.first_name, s.last_name, s.organisation FROM event_speaker es "
                "JOIN speaker s ON s.id = es.speaker_id WHERE es.deleted_at IS NULL AND s.deleted_at IS NULL "
                f"AND es.event_id IN ({marks}) ORDER BY es.position, es.id", ids):
            speakers.setdefault(uuid.UUID(event_id), []).append((speaker_name(title, first, last), organisation))
        series = {uuid.UUID(r[0]): r[12] for r in rows}
        return [make_event_row(e, series[e.id], counts.get(e.id, NO_COUNTS), speakers.get(e.id, []), now)
                for e in by_start(_event(r) for r in rows)]

    def event_deadlines(self, now: datetime) -> list[EventDeadline]:
        """``tasks.event_deadlines(session, now)``: meetings that have not ended."""
        events = self._events("deleted_at IS NULL AND status != 'cancelled' AND ends_at > ? AND status != 'held'",
                              [utc_text(now)])
        ids = [e.id.hex for e in events]
        tasks = [_task(r) for r in self._rows(
            f"SELECT id, event_id, title, due_at, done_at FROM task WHERE event_id IN ({_marks(ids)}) "
            "AND deleted_at IS NULL", ids)] if ids else []
        return event_deadlines_of(events, tasks, now)

    def open_tasks_of_ended_events(self, now: datetime) -> list[EventDeadline]:
        """``tasks.open_tasks_of_ended_events(session, now)``."""
        rows = self._rows(
            "SELECT t.id, t.event_id, t.title, t.due_at, t.done_at, e.title FROM task t JOIN event e "
            "ON t.event_id = e.id WHERE t.deleted_at IS NULL AND t.done_at IS NULL AND e.deleted_at IS NULL "
            "AND e.status != 'cancelled' AND (e.ends_at <= ? OR e.status = 'held')", [utc_text(now)])
        return open_task_deadlines(((_task(r), r[5]) for r in rows), now)

    def round_seat_rows(self, event_ids: Iterable[uuid.UUID]) -> list[RoundSeatRow]:
        """``round_views.round_seat_rows(session, event_ids)``."""
        wanted = [e.hex for e in dict.fromkeys(event_ids)]
        if not wanted:
            return []
        rounds = [RoundFacts(uuid.UUID(r[0]), uuid.UUID(r[1]), r[2], r[3], r[4]) for r in self._rows(
            f"SELECT id, event_id, title, capacity, position FROM round WHERE event_id IN ({_marks(wanted)}) "
            "AND deleted_at IS NULL", wanted)]
        if not rounds:
            return []
        with_rounds = list({r.event_id.hex for r in rounds})
        marks = _marks(with_rounds)
        events = self._events(f"id IN ({marks}) AND deleted_at IS NULL", with_rounds)
        counts = {(uuid.UUID(e), _uuid(r), status): n for e, r, status, n in self._rows(
            f"SELECT event_id, round_id, status, count(*) FROM registration WHERE event_id IN ({marks}) "
            "AND deleted_at IS NULL AND round_id IS NOT NULL GROUP BY event_id, round_id, status", with_rounds)}
        return round_seat_rows_of(events, rounds, counts)

    def current_over_limit(self, now: datetime) -> list[OverLimitPool]:
        """``round_views.current_over_limit(session, now)`` (through ``seat_allocation.over_limit_pools``)."""
        ids = [r[0] for r in self._rows("SELECT id FROM event WHERE deleted_at IS NULL AND ends_at >= ? "
                                        "AND status NOT IN ('held', 'cancelled')", [utc_text(now)])]
        if not ids:
            return []
        held = [(uuid.UUID(e), _uuid(r), bool(f), n) for e, r, f, n in self._rows(
            f"SELECT event_id, round_id, forced_seat, count(*) FROM registration WHERE event_id IN ({_marks(ids)}) "
            "AND deleted_at IS NULL AND status = 'registered' GROUP BY event_id, round_id, forced_seat", ids)]
        if not held:
            return []
        named = list({e.hex for e, _r, _f, _n in held})
        marks = _marks(named)
        events = {e.id: EventPool(e.id, e.title, e.starts_at, Pool(e.capacity, e.overbooking_percent))
                  for e in self._events(f"id IN ({marks})", named)}
        rounds = {uuid.UUID(r[0]): RoundPool(uuid.UUID(r[0]), r[1], Pool(r[2])) for r in self._rows(
            f"SELECT id, title, capacity FROM round WHERE event_id IN ({marks}) AND deleted_at IS NULL", named)}
        return pools_over_limit(held, events, rounds)


class SessionOverview:
    """The overview's reads through the services, in the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def meeting_facts(self) -> list[EventFacts]:
        from sqlalchemy import select

        from odn_desktop.store.models import Event

        columns = (Event.id, Event.title, Event.starts_at, Event.ends_at, Event.format, Event.venue, Event.capacity,
                   Event.overbooking_percent, Event.registration_deadline, Event.access_link_dispatch_at,
                   Event.access_link_sent_at, Event.status)
        return [EventFacts(**row._asdict()) for row in self._session.execute(
            select(*columns).where(Event.deleted_at.is_(None)))]

    def event_rows(self, event_ids: Sequence[uuid.UUID], now: datetime) -> list[EventRow]:
        from odn_desktop.services.events import list_event_rows

        return list_event_rows(self._session, now, list(event_ids)) if event_ids else []

    def event_deadlines(self, now: datetime) -> list[EventDeadline]:
        from odn_desktop.services.tasks import event_deadlines

        return event_deadlines(self._session, now)

    def open_tasks_of_ended_events(self, now: datetime) -> list[EventDeadline]:
        from odn_desktop.services.tasks import open_tasks_of_ended_events

        return open_tasks_of_ended_events(self._session, now)

    def round_seat_rows(self, event_ids: Iterable[uuid.UUID]) -> list[RoundSeatRow]:
        from odn_desktop.services.round_views import round_seat_rows

        return round_seat_rows(self._session, event_ids)

    def current_over_limit(self, now: datetime) -> list[OverLimitPool]:
        from odn_desktop.services.round_views import current_over_limit

        return current_over_limit(self._session, now)
