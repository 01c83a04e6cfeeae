"""Time zone rules: store UTC, show Europe/Berlin; naive input from people means Berlin wall time."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from .errors import UserError

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WEEKDAY_ABBREVIATIONS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")

_GERMAN_DATETIME = re.compile(
    r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:Uhr)?\s*$"
)


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_utc(dt: datetime) -> datetime:
    """Naive datetimes are Berlin wall-clock time (what a person types); aware ones are converted."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=BERLIN)
    return dt.astimezone(UTC)


def to_berlin(dt: datetime) -> datetime:
    """Naive input is UTC here (that is how SQLite hands stored values back)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(BERLIN)


def iso_berlin(dt: datetime | None) -> str | None:
    return None if dt is None else to_berlin(dt).isoformat(timespec="seconds")


def parse_datetime(text: str) -> datetime:
    """ISO 8601 (offset optional; none means Berlin) or German ``02.12.2021 10:00``; returns aware UTC."""
    raw = text.strip()
    match = _GERMAN_DATETIME.match(raw)
    try:
        if match:
            day, month, year, hour, minute, second = match.groups()
            value = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
        else:
            value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise UserError(f"Ungültiges Datum/Uhrzeit: '{text}' (erwartet z. B. 2021-12-02T10:00)") from None
    return to_utc(value)


def format_german_date(dt: datetime) -> str:
    """``Do 02.12.2021`` in Berlin time."""
    local = to_berlin(dt)
    return f"{WEEKDAY_ABBREVIATIONS[local.weekday()]} {local:%d.%m.%Y}"


def format_german_datetime(dt: datetime) -> str:
    """``02.12.2021 10:00`` in Berlin time."""
    return f"{to_berlin(dt):%d.%m.%Y %H:%M}"
