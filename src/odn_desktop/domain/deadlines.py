"""Deadline rules: registration deadline, access-link dispatch, own tasks; each upcoming, due soon, overdue or done.

A coordinator thinks in Berlin calendar days ("Anmeldeschluss 01.12."), so a date alone means the end of
that day in Berlin; comparisons happen on aware UTC values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from .errors import UserError
from .timezone import BERLIN, parse_datetime, to_berlin, to_utc

DUE_SOON_WINDOW = timedelta(days=3)

_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


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


class MeetingState(StrEnum):
    """What a meeting is now, as every list shows it (overview, event list, editor); see ``meeting_state``."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    ENDED = "ended"
    CANCELLED = "cancelled"


MEETING_STATE_LABELS: dict[MeetingState, str] = {
    MeetingState.DRAFT: "Entwurf",
    MeetingState.OPEN: "Anmeldung offen",
    MeetingState.CLOSED: "Anmeldung geschlossen",
    MeetingState.ENDED: "Beendet",
    MeetingState.CANCELLED: "Abgesagt",
}


def meeting_state(status: str, ends_at: datetime, now: datetime) -> MeetingState:
    """The one rule for a meeting's shown state: cancelled stays cancelled; once it has ended (or was marked
    as held) it is "Beendet", whatever its registration status says; before that, its status."""
    if status == "cancelled":
        return MeetingState.CANCELLED
    if status == "held" or now >= ends_at:
        return MeetingState.ENDED
    if status == "closed":
        return MeetingState.CLOSED
    if status == "open":
        return MeetingState.OPEN
    return MeetingState.DRAFT


def registration_deadline_done(status: str, ends_at: datetime, now: datetime) -> bool:
    """The registration deadline needs nobody any more: registration closed, or the meeting is over."""
    return status == "closed" or meeting_state(status, ends_at, now) in (MeetingState.ENDED,
                                                                         MeetingState.CANCELLED)


class DeadlineKind(StrEnum):
    REGISTRATION = "registration"
    ACCESS_LINK = "access_link"
    TASK = "task"


@dataclass(frozen=True)
class Deadline:
    """One dated duty of an event with its state already judged, so lists need no clock of their own."""

    kind: DeadlineKind
    label: str
    due: datetime
    done: bool
    state: DeadlineState


def end_of_day(d: date) -> datetime:
    """A date alone means the end of that day in Berlin (23:59:59 local, whatever the UTC offset that day)."""
    return to_utc(datetime.combine(d, time(23, 59, 59), tzinfo=BERLIN))


def start_of_day(d: date) -> datetime:
    """A date alone as the moment something opens: the start of that day in Berlin (00:00 local)."""
    return to_utc(datetime.combine(d, time(0, 0), tzinfo=BERLIN))


def _invalid(text: str) -> UserError:
    return UserError(f"Ungültige Frist: '{text}' (erwartet z. B. 01.12.2021, 2021-12-01 oder 01.12.2021 12:00)")


def _parse_day_or_moment(text: str, day_to_moment: Callable[[date], datetime]) -> datetime:
    raw = text.strip()
    german = _GERMAN_DATE.fullmatch(raw)
    try:
        if german:
            day, month, year = (int(part) for part in german.groups())
            return day_to_moment(date(year, month, day))
        if _ISO_DATE.fullmatch(raw):
            return day_to_moment(date.fromisoformat(raw))
        return parse_datetime(raw)
    except (ValueError, UserError):
        raise _invalid(text) from None


def parse_deadline(text: str) -> datetime:
    """A date (``2021-12-01``, ``01.12.2021``) as the end of that Berlin day, or a full date and time; aware UTC."""
    return _parse_day_or_moment(text, end_of_day)


def parse_opening(text: str) -> datetime:
    """When registration opens: a date as the start of that Berlin day, or a full date and time; aware UTC."""
    return _parse_day_or_moment(text, start_of_day)


def deadline_state(due: datetime, now: datetime, done: bool = False) -> DeadlineState:
    """Done wins; past the moment it is overdue; within three days it is due soon (inclusive)."""
    if done:
        return DeadlineState.DONE
    if now > due:
        return DeadlineState.OVERDUE
    if due - now <= DUE_SOON_WINDOW:
        return DeadlineState.DUE_SOON
    return DeadlineState.UPCOMING


def default_access_link_dispatch(starts_at: datetime) -> datetime:
    """One day before the start at the same Berlin wall-clock time (also across a daylight-saving change).

    Participants expect the link "the day before at the same time", not exactly 24 hours earlier, which would
    be 09:00 or 11:00 local on the eve of a clock change.
    """
    local = to_berlin(starts_at)
    day_before = datetime.combine(local.date() - timedelta(days=1), local.time(), tzinfo=BERLIN)
    return to_utc(day_before)


def is_late(registered_at: datetime, deadline: datetime | None) -> bool:
    """Registered after the deadline (no deadline: never late); exactly at the deadline still counts."""
    return deadline is not None and registered_at > deadline


def make_deadline(kind: DeadlineKind, label: str, due: datetime, done: bool, now: datetime) -> Deadline:
    """A ``Deadline`` whose state is judged against ``now``."""
    return Deadline(kind, label, due, done, deadline_state(due, now, done))
