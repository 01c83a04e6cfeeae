"""Every registration of every event as columns: what "Alle Anmeldungen" holds (100,000 rows and more).

Why columns: as 100,000 row snapshots, each with a UUID, a datetime and 19 slots of its own, the list took
56 MB, more than everything else the program holds beside Qt, and the program's peak memory is a figure of
issue 16. Here a registration is 16 bytes of id, a few numbers in arrays (event, person, status, waiting
place, minutes, round, flags, registration time in microseconds) and its place in the display order; the
events, people and rounds are held once each. A row snapshot (``EventRegistrationRow``, the same object the
list held before) is made when one is asked for: a painted cell, a selection, a sort key. The rows painted
last are kept (``CACHE_ROWS``), so a paint makes each visible row once.

``RegistrationTable`` is a read-only ``Sequence`` of the snapshots and equal to a list of the same snapshots;
iterating it (a sort, a filter) makes each row once and keeps none. ``TableBuilder`` collects the columns in
the order the rows are read and puts them in display order once.
"""

from __future__ import annotations

import uuid
from array import array
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, overload

from odn_desktop.domain.person_keys import name_sort_key, uncached_search_keys
from odn_desktop.store.stored_values import uuid_from_int

from .rows import EventRegistrationRow

#: Snapshots kept for repainting (a screen shows ~40 rows; a selection of more is made again when read).
CACHE_ROWS = 512
#: "no value" in the integer columns (waiting place, minutes attended)
_NONE = -(2**62)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_LATE, _ATTENDED, _FORCED = 1, 2, 4

#: a person as ``TableBuilder.add_person`` takes it: (contact id as its 128-bit number, first name, last name,
#: e-mail, organisation, town); the UUID is made with the row (30,000 UUID objects held 1.7 MB)
Person = tuple[int, str, str, str, str, str]
#: an event: (id, title, start)
EventInfo = tuple[uuid.UUID, str, datetime]


class RegistrationTable(Sequence[EventRegistrationRow]):
    """The registrations as columns, in display order (see the module docstring)."""

    __slots__ = ("_attended_minutes", "_cache", "_event_of", "_events", "_flags", "_ids", "_order", "_people",
                 "_person_of", "_registered", "_round_of", "_rounds", "_status_of", "_statuses", "_waitlist")

    def __init__(self, builder: TableBuilder, order: array[int]) -> None:
        self._order = order  # display position -> place in the columns (which are in the order read)
        self._ids = bytes(builder.ids)
        self._event_of, self._events = builder.event_of, builder.events
        self._person_of, self._people = builder.person_of, builder.people
        self._status_of, self._statuses = bytes(builder.status_of), tuple(builder.statuses)
        self._waitlist, self._attended_minutes = builder.waitlist, builder.attended_minutes
        self._registered, self._flags = builder.registered, bytes(builder.flags)
        self._round_of, self._rounds = builder.round_of, builder.rounds
        self._cache: dict[int, EventRegistrationRow] = {}

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, position: int) -> EventRegistrationRow: ...

    @overload
    def __getitem__(self, position: slice) -> list[EventRegistrationRow]: ...

    def __getitem__(self, position: int | slice) -> EventRegistrationRow | list[EventRegistrationRow]:
        if isinstance(position, slice):
            return [self._make(self._order[i]) for i in range(*position.indices(len(self._order)))]
        row = self._cache.get(position)
        if row is None:
            if position < 0:
                position += len(self._order)
                row = self._cache.get(position)
                if row is not None:
                    return row
            if not 0 <= position < len(self._order):
                raise IndexError("registration table index out of range")
            if len(self._cache) >= CACHE_ROWS:
                self._cache.clear()
            row = self._cache[position] = self._make(self._order[position])
        return row

    def __iter__(self) -> Iterator[EventRegistrationRow]:
        make = self._make
        for place in self._order:
            yield make(place)

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same snapshots (a list of rows read the other way, another table)."""
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable-like semantics of a list: not hashable

    def __repr__(self) -> str:
        return f"<RegistrationTable of {len(self)} registrations>"

    def _make(self, place: int) -> EventRegistrationRow:
        event_id, title, starts = self._events[self._event_of[place]]
        contact_number, first, last, email, organisation, town = self._people[self._person_of[place]]
        round_id, round_title = self._rounds[self._round_of[place]]
        waiting, minutes, flags = self._waitlist[place], self._attended_minutes[place], self._flags[place]
        return EventRegistrationRow(
            uuid_from_int(int.from_bytes(self._ids[16 * place:16 * place + 16])), event_id,
            uuid_from_int(contact_number), first, last,
            email, organisation, self._statuses[self._status_of[place]], None if waiting == _NONE else waiting,
            bool(flags & _LATE), _EPOCH + self._registered[place] * _MICROSECOND, bool(flags & _ATTENDED),
            None if minutes == _NONE else minutes, round_title, town, round_id, bool(flags & _FORCED), title, starts)

    def search_keys(self) -> list[str]:
        """Each row's ``search_key`` (as the snapshot would make it), in display order, without making the rows:
        a person's key is made once for all of their registrations, and not cached (the search index keeps
        its own compact copies)."""
        keys = uncached_search_keys(person[1:] for person in self._people)
        person_of = self._person_of
        return [keys[person_of[place]] for place in self._order]

    def round_titles(self) -> set[str]:
        """The titles of the rounds some registration is in (the "Runde" filter's entries)."""
        return {title for _, title in self._rounds if title}


class TableBuilder:
    """Collects the columns of a ``RegistrationTable`` row by row, in the order the rows are read."""

    def __init__(self, events: Sequence[EventInfo]) -> None:
        self.events = list(events)
        self.ids = bytearray()
        self.event_of = array("i")
        self.people: list[Person] = []
        self.person_of = array("i")
        self.statuses: list[str] = []
        self.status_of = bytearray()
        self.waitlist = array("q")
        self.attended_minutes = array("q")
        self.registered = array("q")
        self.flags = bytearray()
        self.rounds: list[tuple[uuid.UUID | None, str | None]] = [(None, None)]
        self.round_of = array("i")
        self._status_numbers: dict[str, int] = {}

    def add_person(self, person: Person) -> int:
        """A person's number (``add`` takes it), once per person."""
        self.people.append(person)
        return len(self.people) - 1

    def add_round(self, round_id: uuid.UUID, title: str | None) -> int:
        """A round's number (``add`` takes it; 0 is "no round"), once per round."""
        self.rounds.append((round_id, title))
        return len(self.rounds) - 1

    def add(self, id_number: int, event: int, person: int, status: str, waiting: int | None, late: bool,
            registered_at: datetime, attended: bool, minutes: int | None, round_number: int, forced: bool) -> None:
        status_number = self._status_numbers.get(status)
        if status_number is None:
            status_number = self._status_numbers[status] = len(self.statuses)
            self.statuses.append(status)
        self.ids += id_number.to_bytes(16)
        self.event_of.append(event)
        self.person_of.append(person)
        self.status_of.append(status_number)
        self.waitlist.append(_NONE if waiting is None else waiting)
        self.attended_minutes.append(_NONE if minutes is None else minutes)
        self.registered.append((registered_at - _EPOCH) // _MICROSECOND)
        self.flags.append((_LATE if late else 0) | (_ATTENDED if attended else 0) | (_FORCED if forced else 0))
        self.round_of.append(round_number)

    def __len__(self) -> int:
        return len(self.event_of)

    def table(self, status_rank: dict[str, int]) -> RegistrationTable:
        """The table in the order of the event's own tab inside each event, events in the order given (newest
        first): by event, by ``status_rank`` (unknown statuses last), by waiting place, by name in German order
        (``name_sort_key``); rows equal in all of these keep the order they were read in (a stable sort).

        The key of a row is one integer made of these four ranks and its place, so sorting 100,000 rows holds
        one number per row instead of a tuple of four objects."""
        name_rank = self._name_ranks()
        statuses = [status_rank.get(s, 3) for s in self.statuses]
        waits = [0 if w == _NONE else w for w in self.waitlist]
        low = min(waits, default=0)
        wait_span = max(waits, default=0) - low + 1
        name_span = max(name_rank, default=0) + 1
        # the place read goes into the lowest bits: a plain sort of the numbers is the stable sort by key, and
        # no list of places (100,000 more numbers) is needed beside the keys
        shift = len(self).bit_length()
        packed = [(((event * 4 + statuses[status]) * wait_span + wait - low) * name_span + name_rank[person]) << shift
                  | place
                  for place, (event, status, wait, person)
                  in enumerate(zip(self.event_of, self.status_of, waits, self.person_of, strict=True))]
        del waits
        packed.sort()
        mask = (1 << shift) - 1
        return RegistrationTable(self, array("i", (number & mask for number in packed)))

    def _name_ranks(self) -> list[int]:
        """Per person the rank of their name among all names (equal names, equal rank)."""
        keys: list[Any] = [name_sort_key(last, first) for _, first, last, *_ in self.people]
        ranks = [0] * len(keys)
        rank, previous = -1, None
        for number in sorted(range(len(keys)), key=keys.__getitem__):
            if rank < 0 or keys[number] != previous:
                rank += 1
                previous = keys[number]
            ranks[number] = rank
        return ranks
