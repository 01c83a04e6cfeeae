"""The next meeting of a series: a copy of a meeting at a new start, with the parts the coordinator chooses.

Every time that belongs to the meeting (end, registration opening and deadline, access-link dispatch, the due
dates of the copied tasks) keeps its Berlin wall-clock distance to the start (``moved_with_start``), so "the
day before, 23:59" stays the day before, 23:59 on the other side of a daylight-saving change. Registrations and
the private access link are never copied; the description is, and is flagged as copied until it is edited.

``duplicate_event`` returns what it created (``Duplicate``); ``withdraw_duplicate`` (undo) tombstones all of it
and ``revive_duplicate`` (redo) brings the same rows back, so later undo commands that refer to them by id still
find them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN, to_utc
from odn_desktop.store.database import soft_delete
from odn_desktop.store.models import AgendaItem, Event, EventSpeaker, Round, SyncedMixin, Task

from .events import create_event, delete_event, get_event, restore_event

#: the parts of a meeting that can be copied, in the order the dialog and the CLI name them
PARTS = ("programme", "speakers", "rounds", "tasks")
PART_NAMES = {"programme": "Programm", "speakers": "Referent:innen", "rounds": "Runden", "tasks": "Aufgaben"}
DEFAULT_NEXT_MEETING_GAP = timedelta(weeks=8)


# -- times ---------------------------------------------------------------------------------------------------


def _wall(dt: datetime) -> datetime:
    return dt.astimezone(BERLIN).replace(tzinfo=None)


def moved_with_start(when: datetime, old_start: datetime, new_start: datetime) -> datetime:
    """``when`` moved with the meeting: the same Berlin calendar-day and wall-clock distance to the start.

    A deadline "the day before, 23:59" stays the day before, 23:59 when the next meeting falls on the other side
    of a daylight-saving change (a plain UTC shift would make it 22:59 or 00:59).
    """
    return to_utc(_wall(when) + (_wall(new_start) - _wall(old_start)))


def proposed_start(starts_at: datetime) -> datetime:
    """The next meeting's default start: eight weeks later at the same Berlin wall-clock time."""
    return to_utc(_wall(starts_at) + DEFAULT_NEXT_MEETING_GAP)


def parse_parts(text: str) -> tuple[str, ...]:
    """``programme,speakers`` (the CLI's ``--copy``) as parts in canonical order; "" copies nothing."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in PARTS]
    if unknown:
        raise UserError(f"Unbekannter Teil '{unknown[0]}'. Übernommen werden können: {', '.join(PARTS)}.")
    return tuple(part for part in PARTS if part in names)


# -- what the dialog shows -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingTimes:
    """A meeting's own times (aware UTC); ``access_link_dispatch_at`` None means the default (the day before)."""

    starts_at: datetime
    ends_at: datetime
    registration_opens_at: datetime | None
    registration_deadline: datetime | None
    access_link_dispatch_at: datetime | None
    task_dues: tuple[datetime, ...]

    def moved_to(self, new_start: datetime) -> MeetingTimes:
        """The same times for a meeting starting at ``new_start`` instead."""

        def move(when: datetime | None) -> datetime | None:
            return None if when is None else moved_with_start(when, self.starts_at, new_start)

        return MeetingTimes(
            starts_at=new_start,
            ends_at=moved_with_start(self.ends_at, self.starts_at, new_start),
            registration_opens_at=move(self.registration_opens_at),
            registration_deadline=move(self.registration_deadline),
            access_link_dispatch_at=move(self.access_link_dispatch_at),
            task_dues=tuple(moved_with_start(due, self.starts_at, new_start) for due in self.task_dues),
        )


@dataclass(frozen=True)
class DuplicateSource:
    """The meeting to copy as the duplicate dialog needs it: title, times and how much each part holds."""

    event_id: uuid.UUID
    title: str
    times: MeetingTimes
    counts: dict[str, int]  # part -> live rows (agenda items, speakers, rounds, tasks)
    has_description: bool


def _live(rows: Iterable[SyncedMixin]) -> list[SyncedMixin]:
    return [row for row in rows if row.deleted_at is None]


def duplicate_source(session: Session, event_id: uuid.UUID) -> DuplicateSource:
    event = get_event(session, event_id)
    tasks = [t for t in event.tasks if t.deleted_at is None]
    return DuplicateSource(
        event_id=event.id,
        title=event.title,
        times=MeetingTimes(
            starts_at=to_utc(event.starts_at),
            ends_at=to_utc(event.ends_at),
            registration_opens_at=None if event.registration_opens_at is None else to_utc(event.registration_opens_at),
            registration_deadline=None if event.registration_deadline is None else to_utc(event.registration_deadline),
            access_link_dispatch_at=(None if event.access_link_dispatch_at is None
                                     else to_utc(event.access_link_dispatch_at)),
            task_dues=tuple(to_utc(t.due_at) for t in tasks),
        ),
        counts={
            "programme": len(_live(event.agenda_items)),
            "speakers": len(_live(event.speaker_links)),
            "rounds": len(_live(event.rounds)),
            "tasks": len(tasks),
        },
        has_description=bool(event.description.strip()),
    )


# -- duplicate, undo, redo ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Duplicate:
    """What ``duplicate_event`` created: the new meeting and every row copied into it."""

    event_id: uuid.UUID
    agenda_item_ids: tuple[uuid.UUID, ...] = ()
    speaker_link_ids: tuple[uuid.UUID, ...] = ()
    round_ids: tuple[uuid.UUID, ...] = ()
    task_ids: tuple[uuid.UUID, ...] = ()

    def _rows(self, session: Session) -> list[SyncedMixin]:
        parts: tuple[tuple[type[SyncedMixin], tuple[uuid.UUID, ...]], ...] = (
            (AgendaItem, self.agenda_item_ids), (EventSpeaker, self.speaker_link_ids), (Round, self.round_ids),
            (Task, self.task_ids))
        rows = [session.get(model, row_id) for model, ids in parts for row_id in ids]
        return [row for row in rows if row is not None]


def duplicate_event(session: Session, event_id: uuid.UUID, *, starts_at: datetime | None = None,
                    title: str | None = None, parts: Iterable[str] = PARTS) -> Duplicate:
    """Copy a meeting as the next one of its series (a draft with a new calendar UID, no registrations).

    ``starts_at`` None: eight weeks later at the same Berlin wall-clock time. ``title`` None: the same title.
    ``parts``: which of ``PARTS`` to copy. The programme without the speakers keeps its talks without names.
    """
    wanted = frozenset(parts)
    unknown = wanted - frozenset(PARTS)
    if unknown:
        raise ValueError(f"unknown parts: {sorted(unknown)}")
    source = get_event(session, event_id)
    old_start = to_utc(source.starts_at)
    new_start = proposed_start(old_start) if starts_at is None else to_utc(starts_at)
    times = duplicate_source(session, event_id).times.moved_to(new_start)
    new = create_event(
        session,
        title=source.title if title is None else title,
        starts_at=times.starts_at,
        ends_at=times.ends_at,
        description=source.description,
        format=source.format,
        venue=source.venue,
        online_url="",  # a new meeting gets a new access link
        capacity=source.capacity,
        overbooking_percent=source.overbooking_percent,
        registration_opens_at=times.registration_opens_at,
        registration_deadline=times.registration_deadline,
        allow_late_registration=source.allow_late_registration,
        access_link_dispatch_at=times.access_link_dispatch_at,
        status="draft",
        hosts=source.hosts,
        series_id=source.series_id,
        rounds_optional=source.rounds_optional,
    )
    new.description_copied = bool(source.description.strip())
    links: list[EventSpeaker] = []
    items: list[AgendaItem] = []
    rounds: list[Round] = []
    tasks: list[Task] = []
    if "speakers" in wanted:
        links = [EventSpeaker(event_id=new.id, speaker_id=link.speaker_id, position=link.position, topic=link.topic)
                 for link in source.speaker_links if link.deleted_at is None]
    if "programme" in wanted:
        items = [
            AgendaItem(event_id=new.id, position=item.position, kind=item.kind, title=item.title,
                       duration_minutes=item.duration_minutes,
                       speaker_id=item.speaker_id if "speakers" in wanted else None, notes=item.notes)
            for item in source.agenda_items if item.deleted_at is None
        ]
    if "rounds" in wanted:
        rounds = [Round(event_id=new.id, title=rnd.title, capacity=rnd.capacity, position=rnd.position,
                        description=rnd.description) for rnd in source.rounds if rnd.deleted_at is None]
    if "tasks" in wanted:
        tasks = [Task(event_id=new.id, title=task.title, notes=task.notes,
                      due_at=moved_with_start(task.due_at, old_start, new_start))
                 for task in source.tasks if task.deleted_at is None]
    session.add_all([*links, *items, *rounds, *tasks])
    session.flush()
    session.refresh(new)
    return Duplicate(
        event_id=new.id,
        agenda_item_ids=tuple(i.id for i in items),
        speaker_link_ids=tuple(link.id for link in links),
        round_ids=tuple(r.id for r in rounds),
        task_ids=tuple(t.id for t in tasks),
    )


def withdraw_duplicate(session: Session, duplicate: Duplicate) -> None:
    """Undo ``duplicate_event``: the new meeting and everything copied into it tombstoned."""
    for row in duplicate._rows(session):
        if row.deleted_at is None:
            soft_delete(session, row)
    delete_event(session, duplicate.event_id)


def revive_duplicate(session: Session, duplicate: Duplicate) -> None:
    """Redo of ``duplicate_event`` after an undo: the same meeting and rows (same ids) back."""
    for row in duplicate._rows(session):
        row.deleted_at = None
    session.flush()
    restore_event(session, duplicate.event_id)


def duplicate_event_as_next(session: Session, event_id: uuid.UUID, starts_at: datetime | None = None) -> Event:
    """Every part copied; the new meeting itself (for callers that need no undo)."""
    return get_event(session, duplicate_event(session, event_id, starts_at=starts_at).event_id)
