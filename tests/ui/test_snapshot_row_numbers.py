"""Row numbers of the snapshot model come from one shared set of int objects (memory of 100,000-row lists),
and the orders built from them are the plain ones; the search index keeps the rows of each key in flat arrays."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from odn_desktop.ui.models.snapshot_model import ColumnSpec, SearchIndex, SnapshotTableModel, row_numbers


def test_row_numbers_are_the_range_made_of_shared_objects() -> None:
    assert row_numbers(0) == [] and row_numbers(5) == [0, 1, 2, 3, 4]
    first, second = row_numbers(3_000), row_numbers(4_000)
    assert first == list(range(3_000)) and second == list(range(4_000))
    assert all(a is b for a, b in zip(first, second, strict=False))  # the same objects, also beyond 256
    first.append(99)  # a caller's list is its own
    assert row_numbers(3_001)[-1] == 3_000


def test_row_numbers_grown_from_several_threads_stay_in_order() -> None:
    results: list[list[int]] = []

    def grow(count: int) -> None:
        results.append(row_numbers(count))

    workers = [threading.Thread(target=grow, args=(50_000 + 7_000 * n,)) for n in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(10)
    assert all(r == list(range(len(r))) for r in results) and len(results) == 6


@dataclass(frozen=True)
class Row:
    id: int
    name: str

    @property
    def search_key(self) -> str:
        return self.name.lower()


def test_orders_filters_and_key_groups_share_the_row_numbers(qtbot: QtBot) -> None:
    names = [f"Name {n % 977:04d}" for n in range(3_000)]
    rows = [Row(n, name) for n, name in enumerate(names)]
    model: SnapshotTableModel[Row] = SnapshotTableModel([ColumnSpec("Name", lambda r: r.name, lambda r: r.name)])
    index = SearchIndex.build(r.search_key for r in rows)
    model.set_rows(rows, index)
    shared = row_numbers(3_000)
    number = index.kid[500]
    assert list(index.rows_with(number)) == [i for i in range(3_000) if index.kid[i] == number]  # by key, in order
    model.sort(0)
    expected = sorted(range(3_000), key=lambda i: names[i])
    assert [r.id for r in model.visible_rows()] == expected
    assert all(shared[i] is i_obj for i, i_obj in zip(expected, model._visible, strict=True))
    model.set_filter("name 0500")
    assert [r.id for r in model.visible_rows()] == [i for i in expected if names[i] == "Name 0500"]
    assert model.row_of(1477) == [i for i in expected if names[i] == "Name 0500"].index(1477)
