"""Agenda rules: start times follow from the order and the durations; a warning when the slot is too short."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from .errors import UserError


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


def schedule(event_start: datetime, items: Sequence[tuple[Hashable, int]]) -> list[AgendaSlot]:
    """Cumulative start times in real elapsed time (UTC arithmetic, right across a daylight-saving change)."""
    current = event_start.astimezone(UTC)
    slots = []
    for key, minutes in items:
        if minutes < 0:
            raise UserError("Die Dauer eines Programmpunkts darf nicht negativ sein.")
        end = current + timedelta(minutes=minutes)
        slots.append(AgendaSlot(key, current, end, minutes))
        current = end
    return slots


def agenda_overrun(event_start: datetime, event_end: datetime, items: Sequence[tuple[Hashable, int]]) -> timedelta:
    total = timedelta(minutes=sum(m for _, m in items))
    slot = event_end.astimezone(UTC) - event_start.astimezone(UTC)
    return max(timedelta(0), total - slot)


def agenda_warning(event_start: datetime, event_end: datetime, items: Sequence[tuple[Hashable, int]]) -> str | None:
    overrun = agenda_overrun(event_start, event_end, items)
    if overrun <= timedelta(0):
        return None
    total = sum(m for _, m in items)
    slot = int((event_end.astimezone(UTC) - event_start.astimezone(UTC)).total_seconds() // 60)
    return (
        f"Das Programm dauert {total} Minuten und überschreitet das Zeitfenster ({slot} Minuten) "
        f"um {int(overrun.total_seconds() // 60)} Minuten."
    )
