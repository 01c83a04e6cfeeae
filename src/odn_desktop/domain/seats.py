"""Seat rules: capacity with overbooking, the public seat status, waiting list and who moves up.

Pure functions over counts. Who holds a seat and the waiting order are decided by ``domain.allocation`` alone.
"""

from __future__ import annotations

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
