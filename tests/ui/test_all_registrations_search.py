"""The search engine behind the registrant tables (``SnapshotTableModel`` with ``SearchIndex``): whatever path a
keystroke takes (plain loop, distinct-key scan, letter-pair index, cached or narrowed answers), it shows
exactly the rows a brute-force check over the search keys would."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from odn_desktop.domain.names import fold_german, matches_search, search_key
from odn_desktop.ui.models.snapshot_model import ColumnSpec, SearchIndex, SnapshotTableModel, _compact


@dataclass(frozen=True)
class Row:
    id: uuid.UUID
    name: str
    status: str
    search_key: str = field(default="", compare=False)


NAMES = ("Müller", "Mueller", "Muller", "Möller", "Groß", "Gross", "Jürgen Weiß", "Anna Becker", "Łukasz",
         "Özlem Kaya", "Stadt Kiel", "Kielmann", "Ann", "Hanna", "a", "")
COLUMNS = [
    ColumnSpec("Name", display=lambda r: r.name, sort_key=lambda r: fold_german(r.name)),
    ColumnSpec("Status", display=lambda r: r.status, sort_key=lambda r: r.status,
               check_state=lambda r: r.status == "w" if r.status != "c" else None),
]


def rows_from(names: list[str]) -> list[Row]:
    return [Row(uuid.UUID(int=i + 1), n, "rwc"[i % 3], search_key(n, f"p{i % 7}")) for i, n in enumerate(names)]


def expected(rows: list[Row], term: str, status: str | None = None) -> list[Row]:
    return [r for r in rows if matches_search(r.search_key, term) and (status is None or r.status == status)]


_WORDS = st.text(alphabet="amülerkigoßnäa .", max_size=8)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(NAMES), min_size=0, max_size=60), st.lists(_WORDS, max_size=8),
       st.booleans(), st.integers(min_value=0, max_value=3_000))
def test_every_keystroke_shows_the_rows_a_brute_force_check_finds(
    names: list[str], terms: list[str], pairs: bool, small: int,
) -> None:
    import odn_desktop.ui.models.snapshot_model as module

    saved = module._SMALL
    module._SMALL = small  # 0: always the index path; large: always the plain loop
    try:
        rows = rows_from(names)
        model: SnapshotTableModel[Row] = SnapshotTableModel(COLUMNS)
        model.set_rows(rows, SearchIndex.build((r.search_key for r in rows), pairs=pairs))
        for term in terms:
            model.set_filter(term)
            assert model.visible_rows() == expected(rows, term), term
        model.set_predicate(lambda r: r.status == "w")
        for term in [*terms, ""]:
            model.set_filter(term)
            assert model.visible_rows() == expected(rows, term, "w"), term
        model.sort(0, Qt.SortOrder.DescendingOrder)
        for term in terms:
            model.set_filter(term)
            assert sorted(r.id for r in model.visible_rows()) == sorted(r.id for r in expected(rows, term, "w"))
    finally:
        module._SMALL = saved


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=10), min_size=1, max_size=4), st.text(max_size=6))
def test_compacted_keys_answer_like_the_keys(parts: list[str], word: str) -> None:
    key = search_key(*parts)
    for w in fold_german(word).split():
        assert (w in key) == (w in _compact(key))


def test_update_and_remove_rows_keep_search_and_positions() -> None:
    rows = rows_from(list(NAMES) * 200)
    model: SnapshotTableModel[Row] = SnapshotTableModel(COLUMNS)
    model.set_rows(rows, SearchIndex.build((r.search_key for r in rows), pairs=True))
    model.set_filter("muller")
    assert model.visible_rows() == expected(rows, "muller")
    changed = Row(rows[0].id, "Zimmermann", "r", search_key("Zimmermann", "p0"))
    model.update_rows([changed])
    rows[0] = changed
    assert model.visible_rows() == expected(rows, "muller")
    model.set_filter("zimmer")
    assert model.visible_rows() == [changed] and model.row_of(changed.id) == 0
    model.remove_rows([changed.id])
    assert model.visible_rows() == [] and model.row_of(changed.id) is None
    assert model.total_count() == len(rows) - 1
    fresh = Row(uuid.uuid4(), "Neu Zimmer", "w", search_key("Neu Zimmer"))
    model.update_rows([fresh])  # an unknown id is added
    assert model.visible_rows() == [fresh]


def test_search_index_ignores_a_mismatched_length() -> None:
    rows = rows_from(["Müller", "Groß"])
    model: SnapshotTableModel[Row] = SnapshotTableModel(COLUMNS)
    model.set_rows(rows, SearchIndex.build(["x"]))  # built for other rows: the keys of the rows are used
    model.set_filter("gross")
    assert model.visible_rows() == [rows[1]]


def test_snapshot_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    rows = rows_from(list(NAMES) * 20)
    model: SnapshotTableModel[Row] = SnapshotTableModel(COLUMNS)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(rows)
    model.set_filter("mü")
    model.set_filter("mül")
    model.set_filter("m")
    model.sort(1, Qt.SortOrder.AscendingOrder)
    model.set_predicate(lambda r: r.status != "c")
    model.set_filter("")
    model.sort(-1)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.CheckStateRole) is not None or rows[0].status == "c"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
