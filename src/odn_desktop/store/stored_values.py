"""Values as SQLite keeps them (ids as 32 hex digits, moments as naive UTC text) and back, without SQLAlchemy.

The store's column types (``store.types``) do these conversions one value at a time through SQLAlchemy; the
bulk paths (reading 100,000 registrations, writing an import's rows) and the overview's first read at start-up
(before SQLAlchemy is loaded) need them in plain Python. They live here once, so every such path writes and
reads exactly what the column types do (``tests/store/test_batches.py`` compares with Core's own insert).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

_new_object = object.__new__
# the setters of UUID's two slots, called directly (as ``UUID.__init__`` sets them, without its argument checks)
_set_uuid_int = vars(uuid.UUID)["int"].__set__
_set_uuid_safety = vars(uuid.UUID)["is_safe"].__set__
_UNKNOWN_SAFETY = uuid.SafeUUID.unknown
_from_iso = datetime.fromisoformat


def uuids_from_ints(numbers: Iterable[int]) -> list[uuid.UUID]:
    """The UUIDs of these 128-bit numbers, each made without ``UUID.__init__``'s argument checks (the same object
    ``uuid.UUID(int=n)`` gives, in half the time); the numbers must be in range."""
    made: list[uuid.UUID] = []
    append = made.append
    for number in numbers:
        found: uuid.UUID = _new_object(uuid.UUID)
        _set_uuid_int(found, number)
        _set_uuid_safety(found, _UNKNOWN_SAFETY)
        append(found)
    return made


def uuid_from_int(number: int) -> uuid.UUID:
    """One UUID of a 128-bit number, made as ``uuids_from_ints`` makes them."""
    found: uuid.UUID = _new_object(uuid.UUID)
    _set_uuid_int(found, number)
    _set_uuid_safety(found, _UNKNOWN_SAFETY)
    return found


def uuid_number(value: Any) -> int:
    """The 128-bit number of a stored id (SQLite's 32 hex digits, or a UUID as PostgreSQL's driver gives it),
    without making a UUID object for it."""
    if isinstance(value, str) and len(value) == 32:
        try:
            return int(value, 16)
        except ValueError:
            pass
    return uuid_from_stored(value).int


def uuid_from_stored(value: Any) -> uuid.UUID:
    """A UUID from the database: SQLite's 32 hex digits are turned into one without ``UUID.__init__``'s parsing
    (three times faster; the same object ``uuid.UUID(hex)`` gives), anything else the ordinary way."""
    if isinstance(value, uuid.UUID):
        return value
    if len(value) == 32:
        try:
            number = int(value, 16)
        except ValueError:
            return uuid.UUID(value)
        return uuid_from_int(number)
    return uuid.UUID(value)


def moment_from_stored(value: Any) -> datetime:
    """An aware UTC datetime from a stored moment (naive UTC text, as ``store.types.UTCDateTime`` writes it)."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    # SQLite keeps naive UTC text; parsing it with its offset is ten times faster than ``replace(tzinfo=UTC)``
    if len(value) >= 19:  # date and time
        try:
            return _from_iso(value + "+00:00")
        except ValueError:  # a text with an offset of its own
            pass
    return _from_iso(value).replace(tzinfo=UTC)


def utc_texts(values: Sequence[datetime | None]) -> list[str | None]:
    """Moments as SQLite stores them (naive UTC, ``2021-12-02 09:00:00.000000``): what ``UTCDateTime``'s
    ``process_bind_param`` and SQLAlchemy's SQLite ``DATETIME`` make of them, without their per-value calls."""
    texts: list[str | None] = []
    append = texts.append
    for value in values:
        if value is None:
            append(None)
            continue
        if value.tzinfo is not UTC:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(UTC)
        append(value.isoformat(" ", "microseconds")[:26])
    return texts


def utc_text(value: datetime) -> str:
    """One moment as SQLite stores it (see ``utc_texts``): e.g. ``now`` for a comparison written in SQL."""
    text = utc_texts([value])[0]
    assert text is not None
    return text
