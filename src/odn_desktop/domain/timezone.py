"""Time zone rules: store UTC, show Europe/Berlin; naive input from people means Berlin wall time.

All meetings happen in Germany, so every time a coordinator types or reads is Berlin wall-clock time, while
the database and the sync between laptops only ever see aware UTC values.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from .errors import UserError

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WEEKDAY_ABBREVIATIONS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")

# "02.12.2021", "2.12.2021 10:00", "02.12.2021, 10:00:30 Uhr"; ASCII digits only so int() never surprises.
_GERMAN_DATETIME = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*Uhr)?)?",
    re.ASCII,
)


def utcnow() -> datetime:
    """The current time, aware and in UTC, so it compares with every stored value."""
    return datetime.now(UTC)


def to_utc(dt: datetime) -> datetime:
    """Naive datetimes are Berlin wall-clock time (what a person types); aware ones are converted.

    A wall time that does not exist (the skipped hour in spring) or exists twice (the repeated hour in
    autumn) follows PEP 495 with ``fold=0``: the offset valid before the change is used.
    """
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=BERLIN)
    return dt.astimezone(UTC)


def to_berlin(dt: datetime) -> datetime:
    """Naive input is UTC here (that is how SQLite hands stored values back)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(BERLIN)


def iso_berlin(dt: datetime | None) -> str | None:
    """ISO 8601 with the Berlin offset to the second, e.g. for exports people read and machines parse."""
    return None if dt is None else to_berlin(dt).isoformat(timespec="seconds")


def _invalid(text: str) -> UserError:
    return UserError(f"Ungültiges Datum/Uhrzeit: '{text}' (erwartet z. B. 2021-12-02T10:00)")


def parse_datetime(text: str) -> datetime:
    """ISO 8601 (offset optional; none means Berlin) or German ``02.12.2021 10:00``; returns aware UTC.

    Both forms are accepted because coordinators paste from German mails as well as from exports.
    """
    raw = text.strip()
    match = _GERMAN_DATETIME.fullmatch(raw)
    try:
        if match:
            day, month, year, hour, minute, second = match.groups()
            value = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
        else:
            value = datetime.fromisoformat(raw)
        return to_utc(value)
    except (ValueError, OverflowError):  # OverflowError: year 1 shifted by the Berlin offset
        raise _invalid(text) from None


def format_german_date(dt: datetime) -> str:
    """``Do 02.12.2021`` in Berlin time; the weekday helps people spot a wrong date at a glance."""
    local = to_berlin(dt)
    return f"{WEEKDAY_ABBREVIATIONS[local.weekday()]} {_german_date(local)}"


def format_german_datetime(dt: datetime) -> str:
    """``02.12.2021 10:00`` in Berlin time, the form invitations use (and ``parse_datetime`` reads back)."""
    local = to_berlin(dt)
    return f"{_german_date(local)} {local.hour:02d}:{local.minute:02d}"


def _german_date(local: datetime) -> str:
    # Not strftime: its %Y does not pad years before 1000 on every platform.
    return f"{local.day:02d}.{local.month:02d}.{local.year:04d}"
