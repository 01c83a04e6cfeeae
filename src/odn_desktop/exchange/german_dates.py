"""Dates and times written out the German way, always in Berlin time.

"Donnerstag, 2. Dezember 2021, 10:00–11:30 Uhr" is how invitations and lists name a meeting; the en dash
between the times is the typographic convention (DIN 5008), not a hyphen.
"""

from __future__ import annotations

from datetime import datetime

from odn_desktop.domain.timezone import WEEKDAYS, to_berlin

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")


def long_date(dt: datetime) -> str:
    """``Donnerstag, 2. Dezember 2021``"""
    local = to_berlin(dt)
    return f"{WEEKDAYS[local.weekday()]}, {local.day}. {MONTHS[local.month - 1]} {local.year}"


def clock(dt: datetime) -> str:
    """``10:00`` (24-hour clock, Berlin)"""
    local = to_berlin(dt)
    return f"{local.hour:02d}:{local.minute:02d}"


def short_date(dt: datetime) -> str:
    """``02.12.2021``"""
    local = to_berlin(dt)
    return f"{local.day:02d}.{local.month:02d}.{local.year:04d}"


def short_datetime(dt: datetime) -> str:
    """``02.12.2021, 10:00 Uhr``"""
    return f"{short_date(dt)}, {clock(dt)} Uhr"


def event_span(starts_at: datetime, ends_at: datetime) -> str:
    """``Donnerstag, 2. Dezember 2021, 10:00–11:30 Uhr``; a meeting over midnight names both days."""
    if to_berlin(starts_at).date() == to_berlin(ends_at).date():
        return f"{long_date(starts_at)}, {clock(starts_at)}–{clock(ends_at)} Uhr"
    return f"{long_date(starts_at)}, {clock(starts_at)} Uhr – {long_date(ends_at)}, {clock(ends_at)} Uhr"
