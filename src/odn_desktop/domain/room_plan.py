"""Breakout rooms: mixed rooms for the networking phase, and one room per parallel round.

What the coordinator relies on (each one a property test in ``tests/domain/test_room_plan.py``):

1. Every person given is in exactly one room, except speakers and hosts when they are left out (then in none,
   and listed in ``RoomPlan.left_out``).
2. ``r = ceil(n / size)`` rooms for ``n`` people; each room holds ``n // r`` or ``n // r + 1`` of them, so sizes
   differ by at most one and no room holds more than ``size``.
3. The same people (in any order: they are sorted by ``key`` first) and the same seed give the same plan;
   another seed gives another mix (``random.Random(seed)``).
4. Organisations and municipalities are mixed "where that is possible", which means precisely:

   * Two participants are *linked* when they share a non-empty organisation or a non-empty municipality
     (compared folded: case, umlauts, punctuation ignored). A *cluster* is a set of participants joined by
     links, directly or through others. **If no cluster has more than r people, no room holds two participants
     of the same organisation or municipality.** (A cluster of r + 1 people may still be separable, but not
     always: r + 1 people of one organisation cannot be.)
   * **An organisation with k participants never has more than ceil(k / r) of them in one room**: a group larger
     than the number of rooms must share, but it is spread as evenly as it can be.
   * Beyond that, a local search swaps participants between rooms as long as a swap lowers the number of pairs
     in one room who share an organisation or municipality (never breaking the two guarantees above).

5. Speakers and hosts ("staff") are either left out (they stay in Zoom's main room) or spread: placed before
   everybody else, **one per room while there are no more of them than rooms** (else at most ceil(s / r) in one
   room), and never moved by the local search. A participant sharing a room with a staff member of the same
   organisation counts as a conflict too, but only second to conflicts between participants: the search never
   adds a participant pair to remove a staff pair.

How: the people are laid out in one sequence and dealt round-robin, position ``i`` into room ``i mod r``. Any
``c <= r`` consecutive positions land in ``c`` different rooms, and ``k`` consecutive positions put at most
``ceil(k / r)`` into one room. So the sequence is: the staff (spread mode), then the participants cluster by
cluster (largest first), each cluster organisation by organisation (largest first). Ties between equally large
clusters and organisations, and the order inside an organisation, are shuffled with the seed: that is the mix.

By round (``rooms_by_round``): one room per round, named with the round's title unchanged, holding everyone
registered for that round; people without a round (or in a round not given) are ``left_out``.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

from .errors import UserError
from .names import fold_german, person_sort_key

__all__ = [
    "DEFAULT_ROOM_SIZE",
    "DEFAULT_SEED",
    "MIN_ROOM_SIZE",
    "Room",
    "RoomPerson",
    "RoomPlan",
    "StaffMode",
    "group_key",
    "mix_rooms",
    "room_count",
    "rooms_by_round",
]

DEFAULT_ROOM_SIZE = 4
DEFAULT_SEED = 1
MIN_ROOM_SIZE = 2
#: safety net for the local search; every accepted swap lowers the conflicts, so it ends long before this
MAX_PASSES = 50

_NOT_WORD = re.compile(r"[\W_]+")


class StaffMode(Enum):
    SPREAD = "spread"  # one speaker or host per room (as far as there are rooms)
    LEAVE_OUT = "leave_out"  # speakers and hosts are not assigned: they stay in the main room


@dataclass(frozen=True)
class RoomPerson:
    """One person to place. ``key`` identifies the person (registration id, e-mail address) and orders the input."""

    key: str
    first_name: str
    last_name: str
    email: str
    organisation: str = ""
    municipality: str = ""
    is_speaker: bool = False
    is_host: bool = False
    round_key: str = ""  # the parallel round the person registered for ("" = none)

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or self.email

    @property
    def is_staff(self) -> bool:
        return self.is_speaker or self.is_host


@dataclass(frozen=True)
class Room:
    number: int  # 1-based, in the order of the plan
    name: str
    people: tuple[RoomPerson, ...]


@dataclass(frozen=True)
class RoomPlan:
    rooms: tuple[Room, ...]
    left_out: tuple[RoomPerson, ...] = ()
    #: pairs in one room sharing an organisation or municipality that could not be avoided (both participants)
    shared_pairs: int = 0
    seed: int = DEFAULT_SEED
    size: int = DEFAULT_ROOM_SIZE
    by_round: bool = False
    #: people in a room with someone of their organisation or municipality (by key)
    sharing: frozenset[str] = field(default_factory=frozenset)

    @property
    def people(self) -> tuple[RoomPerson, ...]:
        return tuple(p for room in self.rooms for p in room.people)


def group_key(text: str) -> str:
    """An organisation or municipality as compared: folded, punctuation as spaces ("Bertelsmann-Stiftung" equals
    "bertelsmann stiftung"); empty when there is nothing to compare."""
    return " ".join(_NOT_WORD.sub(" ", fold_german(text)).split())


def room_count(people: int, size: int) -> int:
    return math.ceil(people / size) if people > 0 else 0


def default_room_name(number: int) -> str:
    return f"Raum {number}"


# -- the mixed rooms ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Keys:
    """The compared organisation and municipality of each person, computed once."""

    org: dict[str, str]
    town: dict[str, str]

    @classmethod
    def of(cls, people: Iterable[RoomPerson]) -> _Keys:
        people = list(people)
        return cls({p.key: group_key(p.organisation) for p in people},
                   {p.key: group_key(p.municipality) for p in people})

    def linked(self, a: RoomPerson, b: RoomPerson) -> bool:
        org = self.org[a.key]
        if org and org == self.org[b.key]:
            return True
        town = self.town[a.key]
        return bool(town) and town == self.town[b.key]


def _clusters(people: list[RoomPerson], keys: _Keys) -> list[list[RoomPerson]]:
    """People joined by a shared organisation or municipality, directly or through others (union-find)."""
    parent = list(range(len(people)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, str], int] = {}
    for i, person in enumerate(people):
        for kind, value in (("org", keys.org[person.key]), ("town", keys.town[person.key])):
            if not value:
                continue
            j = first_with.setdefault((kind, value), i)
            parent[find(i)] = find(j)
    groups: dict[int, list[RoomPerson]] = {}
    for i, person in enumerate(people):
        groups.setdefault(find(i), []).append(person)
    return list(groups.values())


def _largest_first(groups: list[list[RoomPerson]], rng: random.Random) -> list[list[RoomPerson]]:
    """Groups by size, largest first; equally large groups in an order drawn from ``rng``."""
    rng.shuffle(groups)
    groups.sort(key=len, reverse=True)  # stable: the shuffled order decides among equals
    return groups


def _sequence(people: list[RoomPerson], keys: _Keys, rng: random.Random) -> list[RoomPerson]:
    """Cluster after cluster (largest first), inside each cluster organisation after organisation (largest first),
    so that every cluster and every organisation occupies consecutive positions."""
    order: list[RoomPerson] = []
    for cluster in _largest_first(_clusters(people, keys), rng):
        by_org: dict[str, list[RoomPerson]] = {}
        for person in cluster:
            by_org.setdefault(keys.org[person.key] or "\0" + person.key, []).append(person)
        for group in _largest_first(list(by_org.values()), rng):
            rng.shuffle(group)
            order.extend(group)
    return order


def _caps(participants: list[RoomPerson], keys: _Keys, rooms: int) -> dict[str, int]:
    """Per organisation: the most of its participants one room may hold, ceil(k / r)."""
    counts: dict[str, int] = {}
    for person in participants:
        org = keys.org[person.key]
        if org:
            counts[org] = counts.get(org, 0) + 1
    return {org: math.ceil(k / rooms) for org, k in counts.items()}


def _cost(person: RoomPerson, room: list[RoomPerson], keys: _Keys, skip: RoomPerson | None = None) -> tuple[int, int]:
    """(participants, staff) in ``room`` sharing an organisation or municipality with ``person``."""
    with_participants = with_staff = 0
    for other in room:
        if other is person or other is skip or not keys.linked(person, other):
            continue
        if other.is_staff:
            with_staff += 1
        else:
            with_participants += 1
    return with_participants, with_staff


def _org_count(room: list[RoomPerson], org: str, keys: _Keys) -> int:
    return sum(1 for p in room if not p.is_staff and keys.org[p.key] == org)


def _improve(rooms: list[list[RoomPerson]], keys: _Keys, caps: dict[str, int], pinned: bool) -> None:
    """Swap participants between rooms while a swap lowers (participant pairs, participant-staff pairs) sharing
    an organisation or municipality, lexicographically, and keeps every organisation within its cap."""
    for _ in range(MAX_PASSES):
        improved = False
        for a_index, room_a in enumerate(rooms):
            for a in list(room_a):
                if pinned and a.is_staff:
                    continue
                here = _cost(a, room_a, keys)
                if here == (0, 0):
                    continue
                best: tuple[tuple[int, int], int, RoomPerson] | None = None
                for b_index, room_b in enumerate(rooms):
                    if b_index == a_index:
                        continue
                    for b in room_b:
                        if pinned and b.is_staff:
                            continue
                        there = _cost(b, room_b, keys)
                        before = here[0] + there[0], here[1] + there[1]
                        a_there = _cost(a, room_b, keys, skip=b)
                        b_here = _cost(b, room_a, keys, skip=a)
                        after = a_there[0] + b_here[0], a_there[1] + b_here[1]
                        delta = (after[0] - before[0], after[1] - before[1])
                        if delta >= (0, 0) or (best is not None and delta >= best[0]):
                            continue
                        if not _within_caps(a, b, room_a, room_b, keys, caps):
                            continue
                        best = (delta, b_index, b)
                if best is not None:
                    _delta, b_index, b = best
                    room_b = rooms[b_index]
                    room_a[room_a.index(a)] = b
                    room_b[room_b.index(b)] = a
                    improved = True
        if not improved:
            return


def _within_caps(a: RoomPerson, b: RoomPerson, room_a: list[RoomPerson], room_b: list[RoomPerson], keys: _Keys,
                 caps: dict[str, int]) -> bool:
    org_a, org_b = keys.org[a.key], keys.org[b.key]
    if org_a == org_b:
        return True
    if org_a and _org_count(room_b, org_a, keys) + 1 > caps[org_a]:
        return False
    return not (org_b and _org_count(room_a, org_b, keys) + 1 > caps[org_b])


def _in_room_order(people: Iterable[RoomPerson]) -> tuple[RoomPerson, ...]:
    """Speakers and hosts first, then by last and first name in German order."""
    return tuple(sorted(people, key=lambda p: (not p.is_staff, person_sort_key(p.last_name, p.first_name), p.key)))


def _canonical(people: Iterable[RoomPerson]) -> list[RoomPerson]:
    ordered = sorted(people, key=lambda p: p.key)
    for previous, person in pairwise(ordered):
        if previous.key == person.key:
            raise ValueError(f"person {person.key!r} given twice")
    return ordered


def _sharing(rooms: Iterable[Iterable[RoomPerson]], keys: _Keys) -> tuple[int, frozenset[str]]:
    """Pairs of participants sharing a room and a group, and everyone in a room with someone of their group."""
    pairs = 0
    sharing: set[str] = set()
    for room in rooms:
        members = list(room)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if keys.linked(a, b):
                    sharing.update((a.key, b.key))
                    if not (a.is_staff or b.is_staff):
                        pairs += 1
    return pairs, frozenset(sharing)


def mix_rooms(
    people: Iterable[RoomPerson],
    *,
    size: int = DEFAULT_ROOM_SIZE,
    seed: int = DEFAULT_SEED,
    staff: StaffMode = StaffMode.SPREAD,
    room_name: Callable[[int], str] = default_room_name,
) -> RoomPlan:
    """Rooms of at most ``size`` people that mix organisations and municipalities (rules in the module text)."""
    if size < MIN_ROOM_SIZE:
        raise UserError(f"Ein Raum muss mindestens {MIN_ROOM_SIZE} Personen fassen (angegeben: {size}).")
    everyone = _canonical(people)
    keys = _Keys.of(everyone)
    rng = random.Random(seed)
    staff_people = [p for p in everyone if p.is_staff]
    participants = [p for p in everyone if not p.is_staff]
    left_out: list[RoomPerson] = []
    if staff is StaffMode.LEAVE_OUT:
        left_out, staff_people = staff_people, []
    placed = len(staff_people) + len(participants)
    count = room_count(placed, size)
    if count == 0:
        return RoomPlan(rooms=(), left_out=_in_room_order(left_out), seed=seed, size=size)
    sequence = _sequence(staff_people, keys, rng) + _sequence(participants, keys, rng)
    rooms: list[list[RoomPerson]] = [[] for _ in range(count)]
    for position, person in enumerate(sequence):
        rooms[position % count].append(person)
    _improve(rooms, keys, _caps(participants, keys, count), pinned=True)
    pairs, sharing = _sharing(rooms, keys)
    return RoomPlan(
        rooms=tuple(Room(n, room_name(n), _in_room_order(members)) for n, members in enumerate(rooms, start=1)),
        left_out=_in_room_order(left_out), shared_pairs=pairs, seed=seed, size=size, sharing=sharing)


# -- one room per round ------------------------------------------------------------------------------------


def rooms_by_round(people: Iterable[RoomPerson], rounds: Sequence[tuple[str, str]]) -> RoomPlan:
    """One room per round, in the order given as ``(round_key, title)``, named with the title unchanged."""
    everyone = _canonical(people)
    keys = _Keys.of(everyone)
    known = {key for key, _title in rounds}
    rooms = tuple(
        Room(n, title, _in_room_order(p for p in everyone if p.round_key == key))
        for n, (key, title) in enumerate(rounds, start=1)
    )
    pairs, sharing = _sharing((room.people for room in rooms), keys)
    return RoomPlan(rooms=rooms, left_out=_in_room_order(p for p in everyone if p.round_key not in known),
                    shared_pairs=pairs, by_round=True, sharing=sharing)
