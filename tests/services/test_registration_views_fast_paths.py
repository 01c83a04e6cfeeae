"""The fast paths of ``services.registration_views`` give what the plain conversions and orders give."""

from __future__ import annotations

import gc
import random
import threading
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from odn_desktop.services import registration_views as views
from odn_desktop.services.registration_views import EventRegistrationRow


def test_uuid_from_hex_text_is_the_ordinary_uuid() -> None:
    for _ in range(50):
        original = uuid.uuid4()
        fast = views._uuid(original.hex)
        assert fast == original and hash(fast) == hash(original)
        assert str(fast) == str(original) and fast.version == 4 and fast.is_safe is original.is_safe
    same = uuid.uuid4()
    assert views._uuid(same) is same
    assert views._uuid(str(same)) == same  # with hyphens: the ordinary way
    with pytest.raises(ValueError):
        views._uuid("z" * 32)  # not hex: the same error as uuid.UUID


def test_time_text_is_read_as_utc() -> None:
    assert views._to_time("2031-06-12 08:00:00.000000") == datetime(2031, 6, 12, 8, tzinfo=UTC)
    assert views._to_time("2031-06-12 08:00:00.000000").tzinfo is UTC
    assert views._to_time("2031-06-12 08:00:00") == datetime(2031, 6, 12, 8, tzinfo=UTC)
    assert views._to_time("2031-06-12") == datetime(2031, 6, 12, tzinfo=UTC)
    assert views._to_time("2031-06-12 10:00:00+02:00") == datetime(2031, 6, 12, 10, tzinfo=UTC)  # as before
    naive = datetime(2031, 6, 12, 8)
    assert views._to_time(naive) == naive.replace(tzinfo=UTC)


def _two_sorts(rows: list[EventRegistrationRow]) -> list[EventRegistrationRow]:
    """The order as it was defined: the tab's order, then (stable) the events newest first."""
    ordered = sorted(rows, key=views.registration_order_key)
    ordered.sort(key=lambda r: (r.event_starts_at, r.event_title, r.event_id.int), reverse=True)
    return ordered


def test_all_order_is_the_order_of_the_two_sorts() -> None:
    rng = random.Random(16)
    start = datetime(2031, 1, 1, tzinfo=UTC)
    events = [(uuid.uuid4(), f"Treffen {rng.randint(1, 3)}", start + timedelta(days=rng.randint(0, 2)))
              for _ in range(12)]  # equal starts and titles: the id decides
    names = ["Müller", "Mueller", "Muller", "von der Heide", "Heide", "Özdemir", "Becker"]
    rows = []
    for n in range(400):
        event_id, title, starts = rng.choice(events)
        status = rng.choice(("registered", "waiting", "cancelled"))
        rows.append(EventRegistrationRow(
            uuid.uuid4(), event_id, uuid.uuid4(), rng.choice(names), rng.choice(names), f"p{n}@x.example", "",
            status, rng.randint(1, 5) if status == "waiting" else None, False, start, False, None, None,
            event_title=title, event_starts_at=starts))
    rows += [replace(rows[0], id=uuid.uuid4()) for _ in range(3)]  # equal keys keep their order
    expected = _two_sorts(rows)
    views._all_order(rows)
    assert [r.id for r in rows] == [r.id for r in expected]


def test_the_collector_is_paused_while_building_and_resumed_after() -> None:
    assert gc.isenabled()
    inside: list[bool] = []
    with views._no_collection():
        inside.append(gc.isenabled())
        with views._no_collection():  # nested (or a second worker)
            inside.append(gc.isenabled())
        inside.append(gc.isenabled())
    assert inside == [False, False, False] and gc.isenabled()
    with pytest.raises(RuntimeError), views._no_collection():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:  # a program that runs without the collector keeps it off
        with views._no_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_workers_building_at_once_resume_the_collector_once_both_are_done() -> None:
    first_in, second_done, states = threading.Event(), threading.Event(), []

    def first() -> None:
        with views._no_collection():
            first_in.set()
            second_done.wait(5)
            states.append(gc.isenabled())

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with views._no_collection():
        pass
    states.append(gc.isenabled())  # the first is still building
    second_done.set()
    worker.join(5)
    assert states == [False, False] and gc.isenabled()
