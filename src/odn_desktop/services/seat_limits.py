"""The pure part of ``seat_allocation``'s over-limit report: which pools hold more seats than their limit.

No SQL and no SQLAlchemy here, so the overview's first fill at start-up (``services.overview_read``, plain
``sqlite3``) judges over-limit pools with the same function as ``seat_allocation.over_limit_pools``; the rule
itself (a pool's limit) is ``domain.seats.Pool``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from odn_desktop.domain.seats import Pool


@dataclass(frozen=True)
class OverLimitPool:
    """A pool holding more seats than its limit beyond what forced seats explain: tell the coordinator."""

    event_id: uuid.UUID
    event_title: str
    round_id: uuid.UUID | None
    round_title: str | None
    limit: int
    seats: int
    forced: int

    def pool_label(self) -> str:
        return f"„{self.event_title}“" + (f", Runde „{self.round_title}“" if self.round_title else "")

    def message(self) -> str:
        return (f"{self.pool_label()}: {self.seats} Plätze vergeben bei {self.limit} verfügbaren – "
                f"über der Grenze, bis Stornierungen sie wieder darunter bringen.")

    def to_json(self) -> dict[str, Any]:
        return {"event_id": str(self.event_id), "event_title": self.event_title,
                "round_id": str(self.round_id) if self.round_id else None, "round_title": self.round_title,
                "limit": self.limit, "seats": self.seats, "forced": self.forced}


@dataclass(frozen=True)
class EventPool:
    """What the over-limit check needs of an event."""

    id: uuid.UUID
    title: str
    starts_at: datetime
    pool: Pool


@dataclass(frozen=True)
class RoundPool:
    """What the over-limit check needs of a live round."""

    id: uuid.UUID
    title: str
    pool: Pool


#: registered seats of one event, one round (or none) and one forced-seat flag: (event, round, forced, count)
HeldSeats = tuple[uuid.UUID, uuid.UUID | None, bool, int]


def pools_over_limit(held: Iterable[HeldSeats], events: Mapping[uuid.UUID, EventPool],
                     live_rounds: Mapping[uuid.UUID, RoundPool]) -> list[OverLimitPool]:
    """Pools above their limit beyond forced seats, by event start (then id), each event's pool before its rounds.

    The allocation never seats anyone beyond a limit, so a pool is over its limit exactly when its seat holders
    without a forced seat already exceed it. ``held`` counts live registrations with a seat; ``events`` holds
    every event named in ``held``, ``live_rounds`` the live rounds of those events."""
    per_event: dict[uuid.UUID, list[tuple[uuid.UUID | None, bool, int]]] = {}
    for event_id, round_id, forced, count in held:
        per_event.setdefault(event_id, []).append((round_id, bool(forced), count))
    result = []
    for event_id in sorted(per_event, key=lambda e: (events[e].starts_at, e.hex)):
        event = events[event_id]
        entries = per_event[event_id]
        limit = event.pool.limit
        seats, forced_seats = sum(n for _r, _f, n in entries), sum(n for _r, f, n in entries if f)
        if limit is not None and seats - forced_seats > limit:
            result.append(OverLimitPool(event.id, event.title, None, None, limit, seats, forced_seats))
        for round_id in sorted({r for r, _f, _n in entries if r is not None and r in live_rounds},
                               key=lambda r: r.hex):
            rnd = live_rounds[round_id]
            round_limit = rnd.pool.limit
            r_seats = sum(n for r, _f, n in entries if r == round_id)
            r_forced = sum(n for r, f, n in entries if r == round_id and f)
            if round_limit is not None and r_seats - r_forced > round_limit:
                result.append(OverLimitPool(event.id, event.title, round_id, rnd.title, round_limit, r_seats,
                                            r_forced))
    return result
