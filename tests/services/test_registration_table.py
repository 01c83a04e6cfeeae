"""``RegistrationTable``: every registration as columns, read as a sequence of the same snapshots a list held."""

from __future__ import annotations

import random
import tracemalloc
import uuid
from dataclasses import astuple
from datetime import UTC, datetime, timedelta

import pytest

from odn_desktop.services import registration_table as tables
from odn_desktop.services import registration_views as views
from odn_desktop.services.registration_table import RegistrationTable, TableBuilder
from odn_desktop.services.rows import EventRegistrationRow
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

STATUS_RANK = {"registered": 0, "waiting": 1, "cancelled": 2}


def _random_table(count: int, seed: int = 7) -> tuple[RegistrationTable, list[EventRegistrationRow]]:
    """A table of ``count`` random registrations, and the same rows as snapshots in the expected order."""
    rng = random.Random(seed)
    start = datetime(2031, 1, 1, tzinfo=UTC)
    events = [(uuid.UUID(int=rng.getrandbits(128)), f"Treffen {n}", start - timedelta(days=n)) for n in range(8)]
    builder = TableBuilder(events)
    names = ["Müller", "Mueller", "Groß", "Weiß", "Öztürk", "Becker", "Áron"]
    people = [builder.add_person((rng.getrandbits(128), rng.choice(["Anna", "Jörg", "Li"]),
                                  rng.choice(names), f"p{n}@stadt.example", "Stadt Kiel", "Kiel"))
              for n in range(300)]
    rounds = [0, builder.add_round(uuid.uuid4(), "Runde A"), builder.add_round(uuid.uuid4(), None)]
    expected: list[tuple[tuple[object, ...], EventRegistrationRow]] = []
    for n in range(count):
        event, person = rng.randrange(len(events)), rng.choice(people)
        status = rng.choice(["registered", "waiting", "cancelled", "odd"])
        waiting = rng.choice([None, 0, 1, 2, 40]) if status == "waiting" else None
        minutes = rng.choice([None, 0, 95, 10**9])
        when = start + timedelta(microseconds=rng.getrandbits(40))
        late, attended, forced = rng.random() < 0.5, rng.random() < 0.5, rng.random() < 0.5
        round_number = rng.choice(rounds)
        number = rng.getrandbits(128)
        builder.add(number, event, person, status, waiting, late, when, attended, minutes, round_number, forced)
        p = builder.people[person]
        round_id, round_title = builder.rounds[round_number]
        row = EventRegistrationRow(uuid.UUID(int=number), events[event][0], uuid.UUID(int=p[0]), p[1], p[2], p[3],
                                   p[4], status,
                                   waiting, late, when, attended, minutes, round_title, p[5], round_id, forced,
                                   events[event][1], events[event][2])
        key = (event, STATUS_RANK.get(status, 3), waiting or 0, views.name_sort_key(p[2], p[1]), n)
        expected.append((key, row))
    expected.sort(key=lambda pair: pair[0])
    return builder.table(STATUS_RANK), [row for _, row in expected]


def test_the_table_holds_the_rows_in_the_tabs_order() -> None:
    table, expected = _random_table(2_000)
    assert len(table) == len(expected)
    assert [astuple(r) for r in table] == [astuple(r) for r in expected]  # every field, the order with ties
    assert table == expected and expected == table and table != expected[:-1]
    assert table[0] == expected[0] and table[-1] == expected[-1] and table[5:9] == expected[5:9]
    assert table[::-500] == expected[::-500]
    assert table[3].registered_at.tzinfo is UTC
    with pytest.raises(IndexError):
        table[len(table)]
    with pytest.raises(IndexError):
        table[-len(table) - 1]


def test_search_keys_and_round_titles_come_without_making_rows() -> None:
    table, expected = _random_table(500)
    assert table.search_keys() == [r.search_key for r in expected]
    assert table.round_titles() == {r.round for r in expected if r.round} == {"Runde A"}


def test_rows_read_again_come_from_a_bounded_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    table, _ = _random_table(1_000)
    first = table[10]
    assert table[10] is first  # a repaint makes nothing new
    monkeypatch.setattr(tables, "CACHE_ROWS", 50)
    for i in range(len(table)):
        table[i]
    assert len(table._cache) <= 50


def test_columns_take_a_fraction_of_the_rows_memory() -> None:
    count = 20_000
    tracemalloc.start()
    try:
        table, _ = _random_table(count)
        del _
        before = tracemalloc.get_traced_memory()[0]
        as_list = list(table)
        as_rows = tracemalloc.get_traced_memory()[0] - before
        del as_list
        tracemalloc.reset_peak()
        table_size = tracemalloc.get_traced_memory()[0]
        del table
        table_size -= tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert table_size * 4 < as_rows, (table_size, as_rows)  # measured: ~63 vs ~334 bytes a row


def test_the_read_table_equals_the_rows_of_the_join(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        table = views.all_registration_rows(s)
        joined = views._build_rows(views._fetch(s, views._select(s, with_event=True)), with_event=True)
    views._all_order(joined)
    assert isinstance(table, RegistrationTable)
    assert table.search_keys() == [r.search_key for r in joined]
    assert table.round_titles() == {r.round for r in joined if r.round}
