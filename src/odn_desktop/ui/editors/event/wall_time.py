"""Berlin wall-clock time in Qt date/time editors, independent of the computer's own time zone.

The editors run in UTC and show Berlin wall time as if it were UTC: every wall time exists in UTC, so Qt never
shifts a value across a daylight-saving change of the machine's local zone. ``domain.timezone`` converts the
wall time read back into aware UTC (Berlin rules, PEP 495 ``fold=0`` for the ambiguous autumn hour).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

from odn_desktop.domain.timezone import to_berlin, to_utc

UTC_ZONE = QTimeZone.utc()


def prepare(edit: QDateTimeEdit) -> None:
    """Put an editor into wall-time mode (call once, before setting values)."""
    edit.setTimeZone(UTC_ZONE)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def to_wall(dt: datetime) -> QDateTime:
    """An aware datetime as the Berlin wall time it shows, in a UTC-zoned QDateTime."""
    local = to_berlin(dt)
    return QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute, local.second), UTC_ZONE)


def from_wall(value: QDateTime) -> datetime:
    """The Berlin wall time an editor shows, as aware UTC (seconds dropped: editors show minutes)."""
    d, t = value.date(), value.time()
    return to_utc(datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()))
