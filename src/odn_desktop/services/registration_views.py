"""What the registrant tables read and do: fast row snapshots (Core selects, no ORM objects) and bulk seat changes.

Reading: ``load_event_registrations`` (one event: its seat figures and rows) and ``all_registration_rows`` /
``newest_registration_rows`` (every event, or the newest ones first so a big list can show something at once).
Rows are built from plain column tuples; on SQLite the identifiers and times are fetched as text and converted
here with caches (one UUID object per event and contact, one text object per name), which is three times
faster than the generic type processing. The rows carry the parts of a person's search key; the key itself
(``RegistrationRow.search_key``, cached by ``domain.person_keys``) is made when a search first needs it, not
while a list is read. The rows come in the order the coordinator expects (seat holders,
then the waiting list in order, then cancellations, each by name in German order; all events newest first).

Changing: each bulk action (cancel, to/from the waiting list, a new waiting place, attendance) takes the seat
snapshot of the event first and returns it with the outcome, so the UI's undo can put every registration back exactly
(``restore``). Registering a person works the same way (``register_person`` / ``undo_register_person``).
"""

from __future__ import annotations

import gc
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Select, String, select, type_coerce
from sqlalchemy.orm import Session

from odn_desktop.domain.deadlines import is_late
from odn_desktop.domain.person_keys import name_sort_key
from odn_desktop.domain.seats import Pool, SeatCounts, seat_counts
from odn_desktop.domain.timezone import utcnow
from odn_desktop.store.database import soft_delete
from odn_desktop.store.models import Contact, Event, Registration, Round
from odn_desktop.store.stored_values import moment_from_stored, uuid_from_stored, uuid_number

from . import registrations as regs
from .contacts import ContactInput
from .events import get_event
from .registration_table import Person, RegistrationTable, TableBuilder
from .rows import EventRegistrationRow, RegistrationRow

STATUS_RANK = {regs.REGISTERED: 0, regs.WAITING: 1, regs.CANCELLED: 2}
#: Rows the "all registrations" view shows before the rest has loaded (whole events, newest first).
FIRST_CHUNK = 1_000


# -- snapshots ---------------------------------------------------------------------------------------------



@dataclass(frozen=True)
class EventHeader:
    """What the registrant tab needs to know about its event besides the rows."""

    id: uuid.UUID
    title: str
    starts_at: datetime
    capacity: int | None
    overbooking_percent: int
    registration_deadline: datetime | None
    allow_late_registration: bool
    status: str

    @property
    def pool(self) -> Pool:
        return Pool(self.capacity, self.overbooking_percent)

    def needs_late_permission(self, now: datetime | None = None) -> bool:
        """Whether registering now needs the coordinator's explicit "verspätet zulassen"."""
        return is_late(now or utcnow(), self.registration_deadline) and not self.allow_late_registration


@dataclass(frozen=True)
class EventRegistrations:
    event: EventHeader
    rows: list[RegistrationRow]

    @property
    def seats(self) -> SeatCounts:
        return count_seats(self.event.pool, self.rows)


def count_seats(pool: Pool, rows: Iterable[RegistrationRow]) -> SeatCounts:
    counts = {regs.REGISTERED: 0, regs.WAITING: 0, regs.CANCELLED: 0}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return seat_counts(pool, counts[regs.REGISTERED], counts[regs.WAITING], counts[regs.CANCELLED])


# -- keys ------------------------------------------------------------------------------------------------


def registration_order_key(row: RegistrationRow) -> tuple[int, int, Any]:
    """Seat holders first, then the waiting list in order, then cancellations; each by name."""
    return (STATUS_RANK.get(row.status, 3), row.waitlist_position or 0, name_sort_key(row.last_name, row.first_name))


# -- the Core select ---------------------------------------------------------------------------------------


def _select(session: Session, with_event: bool) -> Select[Any]:
    """The column select; on SQLite identifiers and times come as text (converted with caches below)."""
    fast = session.get_bind().dialect.name == "sqlite"

    def raw(column: Any, kind: type[Any]) -> Any:
        return type_coerce(column, kind) if fast else column

    columns: list[Any] = [
        raw(Registration.id, String), raw(Registration.event_id, String), raw(Registration.contact_id, String),
        Contact.first_name, Contact.last_name, Contact.email, Contact.organisation, Contact.municipality,
        Registration.status, Registration.waitlist_position, raw(Registration.late, Integer),
        raw(Registration.registered_at, String), raw(Registration.attended, Integer), Registration.attended_minutes,
        Round.title, raw(Registration.round_id, String), raw(Registration.forced_seat, Integer),
    ]
    if with_event:
        columns += [Event.title, raw(Event.starts_at, String)]
    query = (
        select(*columns)
        .join(Contact, Contact.id == Registration.contact_id)
        .outerjoin(Round, Round.id == Registration.round_id)
        .where(Registration.deleted_at.is_(None))
    )
    if with_event:
        query = query.join(Event, Event.id == Registration.event_id).where(Event.deleted_at.is_(None))
    return query


def _fetch(session: Session, query: Select[Any]) -> Iterator[Sequence[Any]]:
    """Plain tuples in batches (Core on the session's connection: no ORM loading layer, no row-by-row fetch)."""
    for batch in session.connection().execute(query).partitions(4_000):
        yield from batch


_uuid = uuid_from_stored


def _uuid_cache() -> Callable[[Any], uuid.UUID]:
    cache: dict[Any, uuid.UUID] = {}

    def convert(value: Any) -> uuid.UUID:
        found = cache.get(value)
        if found is None:
            found = cache[value] = _uuid(value)
        return found

    return convert


_to_time = moment_from_stored


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a big list of snapshots is built: they hold no cycles, yet every
    few hundred new objects it would walk the growing heap again (a third of the time of 100,000 rows). Nested
    and concurrent uses (two workers) resume it only when the last one ends."""
    global _pauses
    with _pause_lock:
        _pauses += 1
        if _pauses == 1:
            _was_enabled[0] = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled[0]:
                gc.enable()


#: From this many snapshots on, a list read is moved out of the collector's reach (``gc.freeze``) once built:
#: otherwise the first collection after the pause walks every new row (0.1 s at 100,000 rows), and each later
#: full collection again (a stall while typing). They hold no cycles: when dropped, reference counting frees them.
#: Small lists (and the tests' databases) leave the collector alone: frozen cyclic garbage is never collected.
FREEZE_FROM = 50_000

_pause_lock = threading.Lock()
_pauses = 0
_was_enabled = [True]


def _build_rows(results: Iterable[Sequence[Any]], with_event: bool) -> list[Any]:
    with collector_paused():
        return _build(results, with_event)


def _build(results: Iterable[Sequence[Any]], with_event: bool) -> list[Any]:
    event_uuid, contact_uuid, round_uuid = _uuid_cache(), _uuid_cache(), _uuid_cache()
    event_time: dict[Any, datetime] = {}
    texts: dict[str, str] = {}  # one string object per distinct name, organisation, town, title
    share = texts.setdefault
    rows: list[Any] = []
    append = rows.append
    new_uuid, to_time = _uuid, _to_time
    for r in results:
        values = (
            new_uuid(r[0]), event_uuid(r[1]), contact_uuid(r[2]), share(r[3], r[3]), share(r[4], r[4]),
            r[5], share(r[6], r[6]), share(r[8], r[8]), r[9], bool(r[10]), to_time(r[11]),
            bool(r[12]), r[13], r[14], share(r[7], r[7]), None if r[15] is None else round_uuid(r[15]), bool(r[16]),
        )  # the field order of RegistrationRow (the search key is made when first asked for)
        if with_event:
            starts = event_time.get(r[18])
            if starts is None:
                starts = event_time[r[18]] = to_time(r[18])
            append(EventRegistrationRow(*values, share(r[17], r[17]), starts))
        else:
            append(RegistrationRow(*values))
    return rows


# -- reading -----------------------------------------------------------------------------------------------


def event_header(session: Session, event_id: uuid.UUID) -> EventHeader:
    e = get_event(session, event_id)
    return EventHeader(e.id, e.title, e.starts_at, e.capacity, e.overbooking_percent, e.registration_deadline,
                       e.allow_late_registration, e.status)


def event_registration_rows(session: Session, event_id: uuid.UUID) -> list[RegistrationRow]:
    """The rows of ``services.registrations.list_registration_rows(session, event_id)``, without ORM objects."""
    query = _select(session, with_event=False)
    with collector_paused():
        rows = _build(_fetch(session, query.where(Registration.event_id == event_id)), with_event=False)
        rows.sort(key=registration_order_key)
    return rows


def load_event_registrations(session: Session, event_id: uuid.UUID) -> EventRegistrations:
    """The event's seat figures and its registrant rows (a UserError when the event is gone)."""
    return EventRegistrations(event_header(session, event_id), event_registration_rows(session, event_id))


def _all_order(rows: list[EventRegistrationRow]) -> None:
    """Newest event first; inside an event the registrant order of the event's own tab (one sort: the events are
    ranked first, by start, title and id, newest first)."""
    # keyed by the ids' numbers: a UUID's own hash is a Python call
    events = {r.event_id.int: (r.event_starts_at, r.event_title, r.event_id.int) for r in rows}
    rank = {number: n for n, number in enumerate(sorted(events, key=events.__getitem__, reverse=True))}
    status_rank = STATUS_RANK.get
    rows.sort(key=lambda r: (rank[r.event_id.int], status_rank(r.status, 3), r.waitlist_position or 0,
                             name_sort_key(r.last_name, r.first_name)))


def all_registration_rows(session: Session) -> RegistrationTable:
    """Every live registration of every live event, newest event first: a ``RegistrationTable`` (a read-only
    sequence of ``EventRegistrationRow``; columns, not 100,000 objects - see ``services.registration_table``).

    Read as four plain selects instead of one join: the registrations' own columns, and the live events, the
    contacts and the rounds once each (joined here through dictionaries). Each person's names and name order
    are then made once instead of once per registration, and SQLite does not copy the texts of the contacts
    and events into 100,000 result rows (half the time of the read)."""
    fast = session.get_bind().dialect.name == "sqlite"

    def raw(column: Any, kind: type[Any]) -> Any:
        return type_coerce(column, kind) if fast else column

    execute = session.connection().execute
    with collector_paused():
        events = {r[0]: r for r in execute(select(raw(Event.id, String), Event.title, raw(Event.starts_at, String))
                                           .where(Event.deleted_at.is_(None)))}
        round_titles: dict[Any, str] = {r[0]: r[1] for r in execute(select(raw(Round.id, String), Round.title))}
        texts: dict[str, str] = {}  # one string object per distinct name, organisation, town, title, status
        people = _people(execute(select(
            raw(Contact.id, String), Contact.first_name, Contact.last_name, Contact.email, Contact.organisation,
            Contact.municipality)), texts)
        query = select(
            raw(Registration.id, String), raw(Registration.event_id, String), raw(Registration.contact_id, String),
            Registration.status, Registration.waitlist_position, raw(Registration.late, Integer),
            raw(Registration.registered_at, String), raw(Registration.attended, Integer),
            Registration.attended_minutes, raw(Registration.round_id, String), raw(Registration.forced_seat, Integer),
        ).where(Registration.deleted_at.is_(None))
        table = _join_table(execute(query).partitions(4_000), events, people, round_titles, texts)
        del events, people, round_titles, texts
        if len(table) >= FREEZE_FROM:
            gc.freeze()
    return table


def _people(contacts: Iterable[Sequence[Any]], texts: dict[str, str]) -> dict[Any, Person]:
    """Each contact as (id number, first name, last name, e-mail, organisation, town), by its id as fetched; made as
    the contacts are read, so their result rows are not kept (30,000 of them: 8 MB)."""
    share = texts.setdefault
    return {c[0]: (uuid_number(c[0]), share(c[1], c[1]), share(c[2], c[2]), c[3], share(c[4], c[4]),
                   share(c[5], c[5]))
            for c in contacts}


def _join_table(batches: Iterable[Sequence[Sequence[Any]]], events: Mapping[Any, Sequence[Any]],
                people: Mapping[Any, Person], round_titles: Mapping[Any, str],
                texts: dict[str, str]) -> RegistrationTable:
    """The table of ``all_registration_rows`` in ``_all_order``: what the join of ``_select`` gives (a
    registration of a deleted event, or without its contact, is left out), the texts shared; the people and
    rounds some registration refers to are kept once each."""
    share = texts.setdefault
    new_uuid, to_time = _uuid, _to_time
    # the events newest first (by start, title, id): a row's event is its rank in this list
    live = [(to_time(e[2]), share(e[1], e[1]), new_uuid(e[0]), raw_id) for raw_id, e in events.items()]
    live.sort(key=lambda e: (e[0], e[1], e[2].int), reverse=True)
    event_rank = {raw_id: rank for rank, (_, _, _, raw_id) in enumerate(live)}
    builder = TableBuilder([(event_id, title, starts) for starts, title, event_id, _ in live])
    del live
    person_numbers: dict[Any, int] = {}
    round_numbers: dict[Any, int] = {None: 0}
    add, add_person, add_round = builder.add, builder.add_person, builder.add_round
    for batch in batches:
        for r in batch:
            event = event_rank.get(r[1])
            if event is None:  # a deleted event
                continue
            person = person_numbers.get(r[2])
            if person is None:
                found = people.get(r[2])
                if found is None:  # no such contact
                    continue
                person = person_numbers[r[2]] = add_person(found)
            round_number = round_numbers.get(r[9])
            if round_number is None:
                round_number = round_numbers[r[9]] = add_round(new_uuid(r[9]), round_titles.get(r[9]))
            add(uuid_number(r[0]), event, person, share(r[3], r[3]), r[4], bool(r[5]), to_time(r[6]), bool(r[7]),
                r[8], round_number, bool(r[10]))
    return builder.table(STATUS_RANK)


def newest_registration_rows(session: Session, min_rows: int = FIRST_CHUNK) -> list[EventRegistrationRow]:
    """The first ``min_rows`` rows of ``all_registration_rows`` (all of them when there are fewer).

    Whole events are read, newest first, until there are enough rows; they are put in order as plain tuples and
    only the first ``min_rows`` become snapshots. A view can show them at once and swap in the complete list
    later without anything moving.
    """
    events = session.execute(
        select(Event.id, Event.starts_at).where(Event.deleted_at.is_(None)).order_by(Event.starts_at.desc())
    ).all()
    query = _select(session, with_event=True)
    raw: list[Sequence[Any]] = []
    batch = 1
    start = 0
    while start < len(events) and len(raw) < min_rows:
        # whole groups of events that start at the same moment stay together (they sort by title after it)
        end = min(len(events), start + batch)
        while end < len(events) and events[end].starts_at == events[end - 1].starts_at:
            end += 1
        raw += _fetch(session, query.where(Registration.event_id.in_([e.id for e in events[start:end]])))
        start = end
        batch *= 2
    _raw_order(raw)
    rows: list[EventRegistrationRow] = _build_rows(raw[:min_rows], with_event=True)
    return rows


def _raw_order(raw: list[Sequence[Any]]) -> None:
    """``_all_order`` on fetched tuples (the columns of ``_select`` with the event)."""
    times: dict[Any, datetime] = {}
    numbers: dict[Any, int] = {}

    def event_key(r: Sequence[Any]) -> tuple[datetime, str, int]:
        starts = times.get(r[18])
        if starts is None:
            starts = times[r[18]] = _to_time(r[18])
        number = numbers.get(r[1])
        if number is None:
            number = numbers[r[1]] = r[1].int if isinstance(r[1], uuid.UUID) else uuid.UUID(r[1]).int
        return (starts, r[17], number)

    raw.sort(key=lambda r: (STATUS_RANK.get(r[8], 3), r[9] or 0, name_sort_key(r[4], r[3])))
    raw.sort(key=event_key, reverse=True)


def active_contact_ids(session: Session, event_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """Contacts registered or waiting for the event, with their status (the add dialog marks them)."""
    rows = session.execute(
        select(Registration.contact_id, Registration.status).where(
            Registration.event_id == event_id, Registration.deleted_at.is_(None),
            Registration.status != regs.CANCELLED,
        )
    )
    return {contact_id: status for contact_id, status in rows}


# -- bulk changes ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BulkChange:
    """The outcome of one bulk action and the seat snapshot taken before it (for undo)."""

    event_id: uuid.UUID
    before: list[regs.RegistrationState]
    changes: tuple[regs.SeatChange, ...]

    @property
    def count(self) -> int:
        return len(self.changes)

    @property
    def changed(self) -> tuple[RegistrationRow, ...]:
        return tuple(c.registration for c in self.changes)

    @property
    def promoted(self) -> tuple[RegistrationRow, ...]:
        """Who moved up from the waiting list (not counting anyone the same action changed afterwards)."""
        acted_on = {c.registration.id for c in self.changes}
        seen: set[uuid.UUID] = set()
        result = []
        for change in self.changes:
            for row in change.promoted:
                if row.id not in acted_on and row.id not in seen:
                    seen.add(row.id)
                    result.append(row)
        return tuple(result)

    def seat_change(self) -> regs.SeatChange | None:
        """All of it as one ``SeatChange`` (its ``message()`` names whoever moved up)."""
        if not self.changes:
            return None
        return regs.SeatChange(registration=self.changes[-1].registration, promoted=self.promoted)

    def message(self) -> str | None:
        change = self.seat_change()
        return None if change is None else change.message()


def _live_rows(session: Session, event_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> list[Registration]:
    wanted = list(dict.fromkeys(ids))
    found = {
        r.id: r
        for r in session.scalars(
            select(Registration).where(Registration.id.in_(wanted), Registration.event_id == event_id,
                                       Registration.deleted_at.is_(None))
        )
    }
    return [found[i] for i in wanted if i in found]


def cancel_registrations(session: Session, event_id: uuid.UUID, ids: Iterable[uuid.UUID],
                         now: datetime | None = None) -> BulkChange:
    """Cancel each (already cancelled ones are skipped); freed seats go to the waiting list in order.

    People waiting are cancelled before seat holders, so nobody moves up only to be cancelled a moment later.
    """
    before = regs.snapshot_event_registrations(session, event_id)
    targets = [r for r in _live_rows(session, event_id, ids) if r.status != regs.CANCELLED]
    targets.sort(key=lambda r: r.status != regs.WAITING)
    changes = tuple(regs.cancel(session, r.id, now=now) for r in targets)
    return BulkChange(event_id, before, changes)


def move_to_waiting_list(session: Session, event_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> BulkChange:
    """Seat holders (or cancelled people) queue at the end of the waiting list, in the given order."""
    before = regs.snapshot_event_registrations(session, event_id)
    targets = [r for r in _live_rows(session, event_id, ids) if r.status != regs.WAITING]
    changes = tuple(regs.move_to_waiting_list(session, r.id) for r in targets)
    return BulkChange(event_id, before, changes)


def move_from_waiting_list(session: Session, event_id: uuid.UUID, ids: Iterable[uuid.UUID], *,
                           force: bool = False) -> BulkChange:
    """Waiting people get a seat in waiting-list order; beyond the seat limit only with ``force``."""
    before = regs.snapshot_event_registrations(session, event_id)
    targets = [r for r in _live_rows(session, event_id, ids) if r.status == regs.WAITING]
    targets.sort(key=lambda r: r.waitlist_position or 0)
    changes = tuple(regs.move_from_waiting_list(session, r.id, force=force) for r in targets)
    return BulkChange(event_id, before, changes)


def move_to_end_of_queue(session: Session, event_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> BulkChange:
    """Waiting people go to the end of the waiting list, in the given order (others are skipped)."""
    before = regs.snapshot_event_registrations(session, event_id)
    targets = [r for r in _live_rows(session, event_id, ids) if r.status == regs.WAITING]
    changes = tuple(regs.move_to_end_of_queue(session, r.id) for r in targets)
    return BulkChange(event_id, before, changes)


def move_to_waiting_place(session: Session, event_id: uuid.UUID, registration_id: uuid.UUID,
                          place: int) -> BulkChange:
    """One waiting person to waiting place ``place`` (1 = next to move up); a UserError for a place that does
    not exist or someone not waiting."""
    before = regs.snapshot_event_registrations(session, event_id)
    targets = _live_rows(session, event_id, [registration_id])
    changes = tuple(regs.move_to_waiting_place(session, r.id, place) for r in targets)
    return BulkChange(event_id, before, changes)


def set_attendance(session: Session, event_id: uuid.UUID, ids: Iterable[uuid.UUID], attended: bool) -> BulkChange:
    """Mark (or unmark) attendance; rows already in that state keep theirs (and their minutes)."""
    before = regs.snapshot_event_registrations(session, event_id)
    targets = [r for r in _live_rows(session, event_id, ids) if r.attended != attended]
    changes = tuple(
        regs.SeatChange(registration=regs.mark_attendance(session, r.id, attended), promoted=()) for r in targets
    )
    return BulkChange(event_id, before, changes)


def restore(session: Session, change: BulkChange) -> None:
    """Undo of any bulk action: every registration of the event back to its state before."""
    regs.restore_registration_states(session, change.before)


def free_seats(session: Session, event_id: uuid.UUID) -> int | None:
    """Seats still free now (None: unlimited), for asking before a move beyond the limit."""
    data = load_event_registrations(session, event_id)
    return data.seats.free_seats


# -- registering -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Registered:
    """A registration made through the UI, with what is needed to take it back."""

    result: regs.RegisterResult
    before: list[regs.RegistrationState]

    @property
    def row(self) -> RegistrationRow:
        return self.result.registration


def register_person(session: Session, event_id: uuid.UUID, person: ContactInput, *,
                    allow_late: bool = False, now: datetime | None = None) -> Registered:
    before = regs.snapshot_event_registrations(session, event_id)
    result = regs.register(session, event_id, person, allow_late=allow_late, now=now)
    return Registered(result, before)


def undo_register_person(session: Session, done: Registered) -> None:
    """Take a registration back: a new one is removed (a seat it freed is not given away), a re-activated
    cancellation is cancelled again, and a contact created for it disappears unless it is used elsewhere."""
    reg_id = done.row.id
    if reg_id not in {state.id for state in done.before}:
        regs.delete_registration(session, reg_id)
    regs.restore_registration_states(session, done.before)
    if done.result.contact_created:
        contact = session.get(Contact, done.row.contact_id)
        in_use = session.scalar(
            select(Registration.id).where(Registration.contact_id == done.row.contact_id,
                                          Registration.deleted_at.is_(None)).limit(1)
        )
        if contact is not None and contact.deleted_at is None and in_use is None:
            soft_delete(session, contact)
            session.flush()
