"""Seat rules: capacity with overbooking, the public seat status, waiting list and who moves up.

Pure functions over counts, so the same rules serve the GUI, imports and sync (which recomputes seats after
merging two laptops' registrations).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import UserError


class SeatStatus(StrEnum):
    """The wording the public registration page shows, hence German values."""

    AVAILABLE = "Freie Plätze verfügbar"
    FEW = "Nur noch wenige Plätze"
    FULL = "Ausgebucht – Warteliste"


class RegistrationStatus(StrEnum):
    REGISTERED = "registered"
    WAITING = "waiting"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Pool:
    """A number of seats (``None`` = unlimited) with an overbooking allowance in percent.

    Online meetings lose some registrants without notice, so coordinators give a few more seats than the
    video room holds; the allowance is rounded down so it never exceeds the stated percentage.
    """

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
    """Free seats from which on the status says "few": the last tenth, rounded up, at least one seat.

    Integer arithmetic on purpose: ``ceil(30 * 0.1)`` is 4, not 3, because of binary floating point.
    """
    return max(1, -(-limit // 10))


def _check_counts(**counts: int) -> None:
    for name, value in counts.items():
        if value < 0:
            raise ValueError(f"{name} must not be negative, got {value}")


def seat_counts(pool: Pool, registered: int, waiting: int, cancelled: int = 0) -> SeatCounts:
    """All seat figures of a pool at once, so every view shows the same numbers and the same status."""
    _check_counts(registered=registered, waiting=waiting, cancelled=cancelled)
    limit = pool.limit
    free: int | None
    if limit is None:
        free, status = None, SeatStatus.AVAILABLE
    else:
        free = max(0, limit - registered)  # a forced registration beyond the limit never shows negative seats
        if free == 0:
            status = SeatStatus.FULL
        elif free <= few_threshold(limit):
            status = SeatStatus.FEW
        else:
            status = SeatStatus.AVAILABLE
    return SeatCounts(pool.capacity, limit, registered, waiting, cancelled, free, status)


def has_free_seat(pool: Pool, registered: int) -> bool:
    """Whether one more person may get a seat (the overbooking allowance included)."""
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
    """A waiting registration: its key (e.g. the database id) and the breakout round it wants, if any."""

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

    An entry whose round is full is skipped rather than blocking the list, so a person waiting for another
    round can move up. A round not in ``round_pools`` has no limit of its own. The walk stops as soon as the
    event itself is full.
    """
    pools = round_pools or {}
    taken = dict(round_registered or {})
    registered = event_registered
    promoted: list[Hashable] = []
    for entry in waiting:
        if not has_free_seat(event_pool, registered):
            break
        round_key = entry.round_key
        if round_key is not None and round_key in pools:
            if not has_free_seat(pools[round_key], taken.get(round_key, 0)):
                continue
            taken[round_key] = taken.get(round_key, 0) + 1
        registered += 1
        promoted.append(entry.key)
    return promoted


def renumber_waiting(keys_in_order: Sequence[Hashable]) -> dict[Hashable, int]:
    """Waiting-list positions 1..n without gaps, as told to the people waiting."""
    return {key: position for position, key in enumerate(keys_in_order, start=1)}
