"""Seat rules: capacity with overbooking, the public seat status, waiting list and who moves up.

Pure functions over counts, so the same rules serve the GUI, imports and sync (which recomputes seats after
merging two laptops' registrations).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import UserError


class SeatStatus(StrEnum):
    AVAILABLE = "Freie Plätze verfügbar"
    FEW = "Nur noch wenige Plätze"
    FULL = "Ausgebucht – Warteliste"


class RegistrationStatus(StrEnum):
    REGISTERED = "registered"
    WAITING = "waiting"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Pool:
    """A number of seats (``None`` = unlimited) with an overbooking allowance in percent."""

    capacity: int | None
    overbooking_percent: int = 0

    def __post_init__(self) -> None:
        if self.capacity is not None and self.capacity < 0:
            raise UserError("Die Zahl der Plätze darf nicht negativ sein.")
        if not 0 <= self.overbooking_percent <= 100:
            raise UserError("Die Überbuchung muss zwischen 0 und 100 Prozent liegen.")

    @property
    def limit(self) -> int | None:
        """Seats that may be given: capacity plus the overbooking allowance, rounded down."""
        if self.capacity is None:
            return None
        return self.capacity + self.capacity * self.overbooking_percent // 100


@dataclass(frozen=True)
class SeatCounts:
    capacity: int | None
    limit: int | None
    registered: int
    waiting: int
    cancelled: int
    free_seats: int | None
    status: SeatStatus


def few_threshold(limit: int) -> int:
    """"Nur noch wenige Plätze" from the last tenth of the seats on (at least the last seat)."""
    return max(1, math.ceil(limit * 0.1))


def seat_counts(pool: Pool, registered: int, waiting: int, cancelled: int = 0) -> SeatCounts:
    limit = pool.limit
    if limit is None:
        free, status = None, SeatStatus.AVAILABLE
    else:
        free = max(0, limit - registered)  # a forced overbooking never shows negative seats
        if free == 0:
            status = SeatStatus.FULL
        elif free <= few_threshold(limit):
            status = SeatStatus.FEW
        else:
            status = SeatStatus.AVAILABLE
    return SeatCounts(pool.capacity, limit, registered, waiting, cancelled, free, status)


def has_free_seat(pool: Pool, registered: int) -> bool:
    limit = pool.limit
    return limit is None or registered < limit


def initial_status(
    event_pool: Pool, event_registered: int, round_pool: Pool | None = None, round_registered: int = 0
) -> RegistrationStatus:
    """A seat when the event and (if chosen) the round have one; otherwise the waiting list."""
    if has_free_seat(event_pool, event_registered) and (
        round_pool is None or has_free_seat(round_pool, round_registered)
    ):
        return RegistrationStatus.REGISTERED
    return RegistrationStatus.WAITING


@dataclass(frozen=True)
class WaitingEntry:
    key: Hashable
    round_key: Hashable | None = None


def choose_promotions(
    event_pool: Pool,
    event_registered: int,
    waiting: Sequence[WaitingEntry],
    round_pools: Mapping[Hashable, Pool] | None = None,
    round_registered: Mapping[Hashable, int] | None = None,
) -> list[Hashable]:
    """Who moves up, in waiting-list order: each entry whose event and round both still have a seat.

    An entry whose round is full is skipped, so a person waiting for another round can move up.
    """
    round_pools = round_pools or {}
    taken = dict(round_registered or {})
    registered = event_registered
    promoted: list[Hashable] = []
    for entry in waiting:
        if not has_free_seat(event_pool, registered):
            break
        rk = entry.round_key
        if rk is not None and rk in round_pools:
            if not has_free_seat(round_pools[rk], taken.get(rk, 0)):
                continue
            taken[rk] = taken.get(rk, 0) + 1
        registered += 1
        promoted.append(entry.key)
    return promoted


def renumber_waiting(keys_in_order: Sequence[Hashable]) -> dict[Hashable, int]:
    return {key: position for position, key in enumerate(keys_in_order, start=1)}
