"""The one seat rule: who holds a seat and every waiting place, decided from the facts in one pure function.

Every path that changes a fact a seat depends on (a registration added, cancelled, deleted or restored, moved in
the queue, a capacity, overbooking or round changed, an event's status, an import or its undo, a privacy
deletion, a sync merge, a conflict decision) changes only that fact and then lets ``allocate`` decide the seats
(``services.seat_allocation.apply_allocation`` writes the outcome). No other code decides a seat or a waiting
place, so the public promise ("Sie stehen auf Platz 3 der Warteliste") is the same on every path.

The rules, in the coordinator's words:

* **The queue.** Every live (not cancelled) registration has a place in the event's queue: the order in which it
  was entered into the program (an import's rows among themselves by their registration time); the coordinator
  can move someone to the end or to a given place. Ties (two laptops appended at the same time) are broken by the
  registration's id, so every laptop computes the same order.
* **A seat once given is kept.** Only the coordinator's move or a cancellation takes it away. A pool whose limit
  was lowered, or that a merge of two laptops filled beyond its limit, keeps its seats and is reported as over its
  limit until cancellations bring it back.
* **No free seat while someone waits.** Walking the queue in order, a waiting registration gets a seat when the
  event's pool and its round's pool both have one. Someone whose round is full waits for that round even when the
  event has seats; the walk goes on to the next person, so a person waiting for another round can move up. A
  newcomer joins at the end of the queue and therefore never takes a seat ahead of it.
* **Forced seats.** A seat the coordinator gave beyond the limit by hand is marked as forced and counts as taken
  (so a later cancellation first brings the pool back under its limit); no allocation takes it away.
* **Waiting places** are 1..n without gaps over the whole event, in queue order; a cancelled registration holds
  none. Per round, the places among those waiting for that round are reported as well.
* **Frozen events.** A meeting that has been held or was cancelled gives no new seats (``promote=False``); the
  waiting places are still numbered.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from .seats import Pool

#: the key of the event's own pool in ``Allocation.pools`` (rounds are keyed by their ids)
EVENT_POOL: Hashable = None


@dataclass(frozen=True)
class QueueEntry:
    """A live registration in queue order: its key, the round it chose, whether it holds a seat (and by force)."""

    key: Hashable
    round_key: Hashable | None = None
    holds_seat: bool = False
    forced: bool = False


@dataclass(frozen=True)
class PoolUse:
    """How full one pool is after the allocation."""

    limit: int | None
    seats: int
    forced: int
    waiting: int

    @property
    def free(self) -> int | None:
        return None if self.limit is None else max(0, self.limit - self.seats)

    @property
    def over_limit(self) -> int:
        """Seats beyond the limit that no forced seat explains: kept after a capacity was lowered or a merge."""
        if self.limit is None:
            return 0
        return max(0, self.seats - self.forced - self.limit)


@dataclass(frozen=True)
class Allocation:
    """The outcome: seat holders, waiting places, newly seated (in queue order) and the use of every pool."""

    seated: frozenset[Hashable]
    waiting: Mapping[Hashable, int]
    round_waiting: Mapping[Hashable, int]
    promoted: tuple[Hashable, ...]
    pools: Mapping[Hashable, PoolUse]

    def over_limit(self) -> dict[Hashable, PoolUse]:
        """The pools above their limit beyond what forced seats explain (event pool under ``EVENT_POOL``)."""
        return {key: use for key, use in self.pools.items() if use.over_limit > 0}


def _has_room(pool: Pool | None, seats: int) -> bool:
    if pool is None:
        return True
    limit = pool.limit
    return limit is None or seats < limit


def allocate(
    event_pool: Pool,
    round_pools: Mapping[Hashable, Pool],
    queue: Sequence[QueueEntry],
    *,
    promote: bool = True,
) -> Allocation:
    """Decide every seat and waiting place of one event from its pools and its queue (already in queue order).

    ``round_pools``: the event's live rounds; an entry whose round is not among them (a removed round) counts
    against the event's pool only. ``promote=False`` for meetings that were held or cancelled: nobody gets a new
    seat, the waiting places are still numbered.
    """
    seats = 0
    forced = 0
    round_seats: dict[Hashable, int] = dict.fromkeys(round_pools, 0)
    round_forced: dict[Hashable, int] = dict.fromkeys(round_pools, 0)
    seated: set[Hashable] = set()
    for entry in queue:
        if not entry.holds_seat:
            continue
        seated.add(entry.key)
        seats += 1
        forced += entry.forced
        if entry.round_key in round_pools:
            round_seats[entry.round_key] += 1
            round_forced[entry.round_key] += entry.forced

    promoted: list[Hashable] = []
    waiting: dict[Hashable, int] = {}
    round_waiting: dict[Hashable, int] = {}
    round_queue_len: dict[Hashable, int] = dict.fromkeys(round_pools, 0)
    for entry in queue:
        if entry.holds_seat:
            continue
        in_round = entry.round_key in round_pools
        round_pool = round_pools[entry.round_key] if in_round else None
        if promote and _has_room(event_pool, seats) and _has_room(round_pool, round_seats.get(entry.round_key, 0)):
            seated.add(entry.key)
            promoted.append(entry.key)
            seats += 1
            if in_round:
                round_seats[entry.round_key] += 1
            continue
        waiting[entry.key] = len(waiting) + 1
        if in_round:
            round_queue_len[entry.round_key] += 1
            round_waiting[entry.key] = round_queue_len[entry.round_key]

    pools: dict[Hashable, PoolUse] = {EVENT_POOL: PoolUse(event_pool.limit, seats, forced, len(waiting))}
    for key, pool in round_pools.items():
        pools[key] = PoolUse(pool.limit, round_seats[key], round_forced[key], round_queue_len[key])
    return Allocation(frozenset(seated), waiting, round_waiting, tuple(promoted), pools)


def queue_sort_key(queue_order: int, key: str) -> tuple[int, str]:
    """The queue's order: the stored place, ties broken by the registration's id (the same on every laptop)."""
    return queue_order, key
