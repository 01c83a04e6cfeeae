"""Agenda rules: start times follow from the order and the durations; a warning when the slot is too short.

Only durations are stored, so moving an item never leaves stale start times behind.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .errors import UserError
from .plurals import plural
from .timezone import to_utc


class AgendaKind(StrEnum):
    NETWORKING = "networking"
    TALK = "talk"
    DISCUSSION = "discussion"
    BREAK = "break"
    OTHER = "other"


GERMAN_KIND_LABELS: dict[AgendaKind, str] = {
    AgendaKind.NETWORKING: "Vernetzung",
    AgendaKind.TALK: "Vortrag",
    AgendaKind.DISCUSSION: "Fragen und Diskussion",
    AgendaKind.BREAK: "Pause",
    AgendaKind.OTHER: "Sonstiges",
}


@dataclass(frozen=True)
class AgendaSlot:
    key: Hashable
    starts_at: datetime
    ends_at: datetime
    minutes: int


def _total_minutes(items: Sequence[tuple[Hashable, int]]) -> int:
    total = 0
    for _, minutes in items:
        if minutes < 0:
            raise UserError("Die Dauer eines Programmpunkts darf nicht negativ sein.")
        total += minutes
    return total


def schedule(event_start: datetime, items: Sequence[tuple[Hashable, int]]) -> list[AgendaSlot]:
    """Cumulative start times in real elapsed time (UTC arithmetic, right across a daylight-saving change).

    Wall-clock arithmetic would make a 60-minute talk during the repeated autumn hour end "at the same time"
    it started. Naive ``event_start`` is Berlin wall time; the slots are aware UTC.
    """
    _total_minutes(items)  # refuse negative durations before computing anything
    current = to_utc(event_start)
    slots: list[AgendaSlot] = []
    for key, minutes in items:
        end = current + timedelta(minutes=minutes)
        slots.append(AgendaSlot(key, current, end, minutes))
        current = end
    return slots


def _window(event_start: datetime, event_end: datetime) -> timedelta:
    return to_utc(event_end) - to_utc(event_start)


def agenda_overrun(event_start: datetime, event_end: datetime, items: Sequence[tuple[Hashable, int]]) -> timedelta:
    """How far the agenda's end lies after ``event_end`` (``timedelta(0)`` when it fits)."""
    total = timedelta(minutes=_total_minutes(items))
    return max(timedelta(0), total - _window(event_start, event_end))


def _minutes(count: int) -> str:
    return plural(count, "Minute", "Minuten")


def agenda_warning(event_start: datetime, event_end: datetime, items: Sequence[tuple[Hashable, int]]) -> str | None:
    """A German warning for the agenda editor when the items do not fit into the event; ``None`` when they do.

    A warning, not an error: coordinators often draft the agenda first and extend the event afterwards.
    """
    overrun = agenda_overrun(event_start, event_end, items)
    if overrun <= timedelta(0):
        return None
    total = _total_minutes(items)
    window = _window(event_start, event_end) // timedelta(minutes=1)  # whole minutes, rounded down
    over = -(-overrun // timedelta(minutes=1))  # rounded up: a started minute is still too long
    return (
        f"Das Programm dauert {_minutes(total)} und überschreitet das Zeitfenster ({_minutes(window)}) "
        f"um {_minutes(over)}."
    )
