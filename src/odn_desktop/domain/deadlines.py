"""Deadline rules: registration deadline, access-link dispatch, own tasks; each upcoming, due soon, overdue or done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from .errors import UserError
from .timezone import BERLIN, parse_datetime, to_berlin, to_utc

DUE_SOON_WINDOW = timedelta(days=3)


class DeadlineState(StrEnum):
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    DONE = "done"


GERMAN_STATE_LABELS: dict[DeadlineState, str] = {
    DeadlineState.UPCOMING: "anstehend",
    DeadlineState.DUE_SOON: "bald fällig",
    DeadlineState.OVERDUE: "überfällig",
    DeadlineState.DONE: "erledigt",
}


class DeadlineKind(StrEnum):
    REGISTRATION = "registration"
    ACCESS_LINK = "access_link"
    TASK = "task"


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    label: str
    due: datetime
    done: bool
    state: DeadlineState


def end_of_day(d: date) -> datetime:
    """A date alone means the end of that day in Berlin (23:59:59 local, whatever the UTC offset that day)."""
    return to_utc(datetime.combine(d, time(23, 59, 59), tzinfo=BERLIN))


def parse_deadline(text: str) -> datetime:
    raw = text.strip()
    try:
        return end_of_day(date.fromisoformat(raw))
    except ValueError:
        pass
    parts = raw.split(".")
    if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
        try:
            return end_of_day(date(int(parts[2]), int(parts[1]), int(parts[0])))
        except ValueError:
            raise UserError(f"Ungültiges Datum: '{text}'") from None
    return parse_datetime(raw)


def deadline_state(due: datetime, now: datetime, done: bool = False) -> DeadlineState:
    if done:
        return DeadlineState.DONE
    if now > due:
        return DeadlineState.OVERDUE
    if due - now <= DUE_SOON_WINDOW:
        return DeadlineState.DUE_SOON
    return DeadlineState.UPCOMING


def default_access_link_dispatch(starts_at: datetime) -> datetime:
    """One day before the start at the same Berlin wall-clock time (also across a daylight-saving change)."""
    local = to_berlin(starts_at)
    day_before = datetime.combine(local.date() - timedelta(days=1), local.timetz().replace(tzinfo=None),
                                  tzinfo=BERLIN)
    return to_utc(day_before)


def is_late(registered_at: datetime, deadline: datetime | None) -> bool:
    return deadline is not None and registered_at > deadline


def make_deadline(kind: DeadlineKind, label: str, due: datetime, done: bool, now: datetime) -> Deadline:
    return Deadline(kind, label, due, done, deadline_state(due, now, done))
