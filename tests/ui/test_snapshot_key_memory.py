"""What the snapshot model holds for 100,000 rows: equal sort keys once, the search index without the keys it
was built from, and a row table (a sequence that makes its rows when read) held as it is."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from odn_desktop.domain import person_keys
from odn_desktop.domain.names import fold_german, search_key
from odn_desktop.ui.models import snapshot_model
from odn_desktop.ui.models.snapshot_model import ColumnSpec, SearchIndex, SnapshotTableModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    tags: list[str]

    @property
    def search_key(self) -> str:
        return search_key(self.name)


class MadeOnRead(Sequence[Row]):
    """A read-only sequence that makes a new row object each time one is read (as ``RegistrationTable``)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.reads = 0

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, i: int) -> Row: ...

    @overload
    def __getitem__(self, i: slice) -> list[Row]: ...

    def __getitem__(self, i: int | slice) -> Row | list[Row]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        self.reads += 1
        return Row(i, self.names[i], [self.names[i]])

    def __iter__(self) -> Iterator[Row]:
        for i in range(len(self.names)):
            yield self[i]


COLUMNS = [
    ColumnSpec[Row](title="Name", display=lambda r: r.name, sort_key=lambda r: (r.name.lower(), "x")),
    ColumnSpec[Row](title="Tags", display=lambda r: ",".join(r.tags), sort_key=lambda r: r.tags),  # unhashable
]


def test_equal_sort_keys_are_held_once_and_unhashable_ones_as_they_are() -> None:
    keys = [("anna", "x"), ("anna", "x"), ["b"], ("carl", "y"), ["b"]]
    shared = snapshot_model._shared(iter(keys))
    assert shared == keys
    assert shared[0] is shared[1] and shared[0] is keys[0] and shared[2] is keys[2] and shared[4] is keys[4]


def test_a_row_table_is_held_as_it_is_and_sorted_filtered_and_searched_like_a_list(qtbot: QtBot) -> None:
    rng = random.Random(3)
    names = [rng.choice(["Müller", "Mueller", "Groß", "Kaya", "Weiß"]) + f" {n}" for n in range(3_000)]
    table, listed = MadeOnRead(names), SnapshotTableModel(COLUMNS)
    model = SnapshotTableModel(COLUMNS)
    ModelTester(qtbot).check(model)
    index = SearchIndex.build([search_key(n) for n in names])
    model.set_rows(table, index)
    listed.set_rows(list(MadeOnRead(names)), None)
    assert model._rows is table  # not copied into a list
    for column in (0, 1):
        model.sort(column)
        listed.sort(column)
        assert [r.name for r in model.visible_rows()] == [r.name for r in listed.visible_rows()]
    model.set_predicate(lambda r: "ß" not in r.name)
    listed.set_predicate(lambda r: "ß" not in r.name)
    for term in ("mu", "muell", "1", "weis 12", "kaya 29", "zz"):
        model.set_filter(term)
        listed.set_filter(term)
        got = [r.name for r in model.visible_rows()]
        assert got == [r.name for r in listed.visible_rows()], term
        words = fold_german(term).split()
        assert got == [r.name for r in listed.visible_rows()
                       if all(w in search_key(r.name) for w in words)], term


def test_the_index_keeps_only_compact_copies_of_its_keys() -> None:
    keys = [search_key(f"Jürgen Müller-Lüdenscheidt {n % 50}") for n in range(1_000)]
    index = SearchIndex.build(keys)
    assert not hasattr(index, "keys")
    assert all(not any(u is k for k in keys[:50]) for u in index.unique)  # copies, so the given ones can go
    assert len(index.unique) == 50 and len(index) == 1_000


def test_keys_made_for_an_index_are_not_cached() -> None:
    people = [(f"Anna{n}", "Groß", f"a{n}@kiel.example", "Stadt Kiel", "Kiel") for n in range(200)]
    before = len(person_keys._search_keys)
    keys = person_keys.uncached_search_keys(iter(people))
    assert len(person_keys._search_keys) == before
    assert keys == [search_key(*p) for p in people] == [person_keys.registration_search_key(*p) for p in people]
