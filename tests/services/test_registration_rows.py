"""Registrant snapshots (``services.rows.bulk_snapshot``): slotted, compared and hashed by their fields as a frozen
dataclass, changed only as a copy; the search key follows the person's parts."""

from __future__ import annotations

import sys
import uuid
from dataclasses import astuple, fields, replace
from datetime import UTC, datetime

from odn_desktop.domain.names import search_key
from odn_desktop.services.rows import EventRegistrationRow, RegistrationRow

WHEN = datetime(2031, 6, 12, 8, tzinfo=UTC)


def row(**changes: object) -> EventRegistrationRow:
    base = EventRegistrationRow(
        uuid.UUID(int=1), uuid.UUID(int=2), uuid.UUID(int=3), "Jürgen", "Groß", "j.gross@kommune.example",
        "Stadt Görlitz", "waiting", 3, False, WHEN, False, None, "Runde A", municipality="Görlitz",
        round_id=uuid.UUID(int=4), event_title="Netzwerktreffen", event_starts_at=WHEN)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_rows_are_equal_and_hashed_by_their_fields() -> None:
    a, b = row(), row()
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    for name, value in (("status", "registered"), ("waitlist_position", 4), ("municipality", "Zittau"),
                        ("event_title", "Anderes Treffen"), ("forced_seat", True)):
        changed = row(**{name: value})
        assert changed != a and getattr(changed, name) == value, name
    assert isinstance(a, RegistrationRow)
    assert astuple(a)[:3] == (uuid.UUID(int=1), uuid.UUID(int=2), uuid.UUID(int=3))
    assert [f.name for f in fields(a)][-5:] == ["municipality", "round_id", "forced_seat", "event_title",
                                                "event_starts_at"]


def test_rows_are_slotted_without_an_instance_dictionary() -> None:
    a = row()
    assert not hasattr(a, "__dict__")
    plain = RegistrationRow(*astuple(a)[:17])
    assert not hasattr(plain, "__dict__") and sys.getsizeof(plain) <= 16 + 8 * 17 + 16


def test_the_search_key_is_the_domain_key_of_the_persons_parts() -> None:
    a = row()
    assert a.search_key == search_key("Jürgen", "Groß", "j.gross@kommune.example", "Stadt Görlitz", "Görlitz")
    assert "goerlitz" in a.search_key and "gorlitz" in a.search_key
    assert "zittau" in row(municipality="Zittau").search_key
