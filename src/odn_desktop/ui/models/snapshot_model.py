"""A table model over immutable row snapshots that filters and sorts 100,000 rows within one frame.

Why not ``QSortFilterProxyModel``: its ``filterAcceptsRow`` is a Python call per row from C++, which costs
~100 ms over 100,000 rows per keystroke (Electrum froze at 3,000 rows with a proxy, DESIGN.md §6). Here the
model keeps a list of visible row numbers, and a keystroke is answered by ``SearchIndex`` (see there): substring
tests against search keys the service precomputed, run in C loops (``map``/``compress``/``itemgetter``) over
contiguous, de-duplicated keys. Typing on only narrows what is shown; earlier answers are cached, so
backspace costs nothing. A sort is a cached permutation per column, computed once. A status filter
(``set_predicate``) is applied once when it changes, never per keystroke. The rows' search keys are read
at the first search, so opening a list does not wait for keys nobody may use. ``data()`` only formats the snapshot
it holds (one dictionary look-up per cell and role); it never runs SQL.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import contains, itemgetter
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from odn_desktop.domain.names import SEARCH_SEPARATOR, fold_german

R = TypeVar("R")
ModelIndex = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

# Roles as plain ints: data() is called for ~7 roles per painted cell, an enum comparison each time adds up.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_SORT = int(SORT_ROLE)
_ROW = int(ROW_ROLE)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

#: Filter answers kept for backspace and re-typing: at most this many answers, holding at most
#: ``_TERM_CACHE_ROWS`` row numbers together (an answer over 100,000 rows is 0.8 MB).
_TERM_CACHE_SIZE = 24
_TERM_CACHE_ROWS = 600_000
#: Below this many candidate rows a plain loop beats the index (no per-order set-up needed).
_SMALL = 2_000


_numbers: list[int] = []
_numbers_lock = threading.Lock()


def row_numbers(count: int) -> list[int]:
    """``list(range(count))`` made of one shared set of number objects: the row numbers of every order, filter
    result and key group of 100,000 rows are then references (8 bytes each), not new ``int`` objects (28 bytes
    each beyond 256, ~3 MB per list of 100,000). Safe to call from a worker."""
    if len(_numbers) < count:
        with _numbers_lock:
            _numbers.extend(range(len(_numbers), count))
    return _numbers[:count]


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    """One column: its (translated) title, how a cell reads, and how it sorts."""

    title: str
    display: Callable[[R], str]
    sort_key: Callable[[R], Any]
    align_right: bool = False
    tooltip: Callable[[R], str | None] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    background: Callable[[R], QColor | None] | None = None
    check_state: Callable[[R], bool | None] | None = None


class SearchIndex:
    """The search keys of a row list, prepared for fast substring tests; plain Python, safe to build on a worker.

    Keys that occur more than once (the same person registered for many events) are stored once: a term is
    tested against each distinct key, and ``kid[i]`` maps row ``i`` to its key's number. The distinct keys are
    copied into one contiguous block of memory, in order, so the scan runs at memory speed instead of chasing
    pointers across the heap. With ``pairs`` (worth it for very long lists, built on a worker) the index also
    knows for every two-character sequence the keys containing it: a two-letter term, typed after a first
    letter that matched nearly everything, is then answered without scanning.

    The keys as given are not kept (only their compact, de-duplicated copies): a list's keys, made for the
    index on a worker, are then freed once it is built (9 MB at 100,000 registrations).
    """

    __slots__ = ("_rows", "_starts", "kid", "pairs", "unique")

    def __init__(self, keys: Sequence[str], pairs: bool = False) -> None:
        numbers: dict[str, int] = {}
        setdefault = numbers.setdefault
        self.kid: list[int] = [setdefault(k, len(numbers)) for k in keys]
        self.unique: list[str] = _contiguous([_compact(k) for k in numbers])
        # per distinct key the rows that have it, as two flat arrays (``rows_with``) instead of a list per key:
        # 29,000 lists at 100,000 registrations held 2.9 MB, the arrays 0.5 MB
        by_key = sorted(row_numbers(len(self.kid)), key=self.kid.__getitem__)  # stable: rows in order
        self._rows: array[int] = array("i", by_key)
        del by_key
        counts = [0] * (len(self.unique) + 1)
        for number in self.kid:
            counts[number + 1] += 1
        self._starts: array[int] = array("i", accumulate(counts))
        self.pairs: dict[str, array[int]] | None = _pair_index(self.unique) if pairs else None

    @classmethod
    def build(cls, keys: Iterable[str], pairs: bool = False) -> SearchIndex:
        return cls(list(keys), pairs)

    def __len__(self) -> int:
        return len(self.kid)

    def rows_with(self, number: int) -> array[int]:
        """The rows (in order) whose key is distinct key ``number``."""
        return self._rows[self._starts[number]:self._starts[number + 1]]

    def flags(self, words: Sequence[str]) -> bytes:
        """One byte per distinct key: 1 when the key contains every word."""
        hits = self._word_flags(words[0])
        for word in words[1:]:
            more = self._word_flags(word)
            # bytes of 0/1 ANDed through big integers: one C operation instead of a loop
            both = int.from_bytes(hits, "little") & int.from_bytes(more, "little")
            hits = both.to_bytes(len(self.unique), "little")
        return hits

    def _word_flags(self, word: str) -> bytes:
        unique = self.unique
        if self.pairs is not None and len(word) >= 2:
            lists = [self.pairs.get(word[i:i + 2]) for i in range(len(word) - 1)]
            rarest = min(lists, key=lambda found: 0 if found is None else len(found))
            if rarest is None:
                return bytes(len(unique))  # no key holds one of the word's letter pairs
            if len(rarest) * 1.5 < len(unique):
                candidates = rarest if len(word) == 2 else [u for u in rarest if word in unique[u]]
                flags = bytearray(len(unique))
                for u in candidates:
                    flags[u] = 1
                return bytes(flags)
        return bytes(map(contains, unique, repeat(word)))


def _shared(keys: Iterable[Any]) -> list[Any]:
    """The keys, equal ones as one object: a column's key is often made anew for every row (a name's key tuple),
    and a sort holds every row's key at once (7 MB at 100,000 rows, a third of them distinct). An unhashable key
    is kept as it is."""
    seen: dict[Any, Any] = {}
    share = seen.setdefault
    shared: list[Any] = []
    append = shared.append
    for key in keys:
        try:
            append(share(key, key))
        except TypeError:
            append(key)
    return shared


def _pair_index(unique: list[str]) -> dict[str, array[int]]:
    found: dict[str, array[int]] = {}  # arrays, not lists: millions of entries, 4 bytes each instead of 36
    for number, key in enumerate(unique):
        for pair in {key[i:i + 2] for i in range(len(key) - 1)}:
            numbers = found.get(pair)
            if numbers is None:
                found[pair] = array("i", (number,))
            else:
                numbers.append(number)
    return found


def _compact(key: str) -> str:
    """A key to scan, equivalent for whitespace-free search words: of the plain spelling behind
    ``SEARCH_SEPARATOR`` only the words that differ from the expanded spelling ("kuhn" for "kuehn") are kept,
    because a word found in an unchanged plain word is found in the expanded one as well."""
    expanded, separator, plain = key.partition(SEARCH_SEPARATOR)
    if not separator:
        return key
    same = set(expanded.split())
    differing = " ".join(w for w in plain.split() if w not in same)
    return f"{expanded}{SEARCH_SEPARATOR}{differing}"


def _contiguous(keys: list[str]) -> list[str]:
    """Fresh copies of ``keys`` allocated one after the other (split of one joined string)."""
    if not keys:
        return keys
    joined = "\x00".join(keys)
    copies = joined.split("\x00")
    return copies if len(copies) == len(keys) else keys  # a key containing NUL: keep the originals


class SnapshotTableModel(QAbstractTableModel, Generic[R]):
    """Rows are snapshots with an ``id`` and a ``search_key`` (folded text, see ``domain.names.search_key``)."""

    def __init__(self, columns: Sequence[ColumnSpec[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        per_column = [self._cell_handlers(spec) for spec in self._columns]
        #: role -> per column the function answering it (None: that column has nothing for the role)
        self._by_role: dict[int, list[Callable[[R], Any] | None]] = {
            role: [handlers.get(role) for handlers in per_column] for handlers in per_column for role in handlers
        }
        self._rows: Sequence[R] = []
        self._keys: list[str] | None = []  # None: not read yet (``_search_keys``)
        self._index: SearchIndex | None = None
        self._position_map: dict[Hashable, int] | None = None
        self._visible: list[int] = []
        self._visible_map: dict[int, int] | None = None
        self._order: list[int] = []
        self._base: list[int] = []  # _order without the rows the predicate rejects
        self._base_getter: Callable[[bytes], Any] | None = None
        self._rank: list[int] | None = None
        self._term_cache: OrderedDict[tuple[str, ...], list[int]] = OrderedDict()
        self._cached_rows = 0
        self._sort_cache: dict[int, list[int]] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._term = ""
        self._predicate: Callable[[R], bool] | None = None

    # -- loading and updating ------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[R], search_index: SearchIndex | None = None) -> None:
        """Replace all rows. ``search_index`` (built from the rows' search keys, e.g. on a worker) is optional.

        A read-only sequence that is not a list (``services.registration_table.RegistrationTable``, which makes
        its rows when they are read) is held as it is, not copied into a list; it becomes one only when a row
        is changed in place (``update_rows``)."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, Sequence) and not isinstance(rows, list | tuple) else list(rows)
        self._keys = None  # read when a search needs them without the index: a row may make its key only when asked
        self._index = search_index if search_index is not None and len(search_index) == len(self._rows) else None
        self._position_map = None
        self._sort_cache.clear()
        self._order = self._sorted_order()
        self._rebase()
        self.endResetModel()

    def update_rows(self, changed: Iterable[R]) -> None:
        """Replace rows by id (after an edit) and repaint them; their sort and filter place is recomputed."""
        changed = list(changed)
        position = self._positions()
        known = [r for r in changed if getattr(r, "id", None) in position]
        if len(known) != len(changed):
            self.set_rows([*self._rows, *(r for r in changed if getattr(r, "id", None) not in position)])
            changed = known
            position = self._positions()
        if not known:
            return
        rows = self._rows if isinstance(self._rows, list) else list(self._rows)
        self._rows = rows
        for row in known:
            i = position[row.id]  # type: ignore[attr-defined]
            rows[i] = row
            if self._keys is not None:
                self._keys[i] = getattr(row, "search_key", "")
        self.beginResetModel()
        self._index = None
        self._sort_cache.clear()
        self._order = self._sorted_order()
        self._rebase()
        self.endResetModel()

    def remove_rows(self, ids: Iterable[Hashable]) -> None:
        gone = set(ids)
        self.set_rows([r for r in self._rows if getattr(r, "id", None) not in gone])

    # -- filtering -----------------------------------------------------------------------------------------

    @property
    def filter_text(self) -> str:
        """The folded search term in effect."""
        return self._term

    def set_filter(self, text: str | None) -> None:
        """Show rows whose search key contains every word of ``text`` (folded the same way as the keys)."""
        term = fold_german(text or "")
        if term == self._term:
            return
        self.beginResetModel()
        self._term = term
        self._set_visible(self._filtered())
        self.endResetModel()

    def set_predicate(self, predicate: Callable[[R], bool] | None) -> None:
        """An extra filter (e.g. a status); evaluated once per row when set, not on every keystroke."""
        self.beginResetModel()
        self._predicate = predicate
        self._rebase()
        self.endResetModel()

    def _rebase(self) -> None:
        """After the order or the predicate changed: recompute the candidate rows and what is visible."""
        if self._predicate is None:
            self._base = self._order
        else:
            # one pass over the rows in their own order (a row table makes each row once), then the display order
            accepted = list(map(self._predicate, self._rows))
            self._base = [i for i in self._order if accepted[i]]
        self._base_getter = None
        self._rank = None
        self._term_cache.clear()
        self._cached_rows = 0
        self._set_visible(self._filtered())

    def _set_visible(self, visible: list[int]) -> None:
        self._visible = visible
        self._visible_map = None

    def _filtered(self) -> list[int]:
        words = tuple(self._term.split())
        if not words:
            return self._base
        cached = self._term_cache.get(words)
        if cached is not None:
            self._term_cache.move_to_end(words)
            return cached
        candidates = self._base
        for old_words, result in self._term_cache.items():
            # every row matching the new words matched the old ones when each old word is inside a new one
            if len(result) < len(candidates) and all(any(o in w for w in words) for o in old_words):
                candidates = result
        result = self._match(words, candidates)
        cache = self._term_cache
        if result is not self._base:  # the unfiltered list needs no copy in the cache
            cache[words] = result
            self._cached_rows += len(result)
            while len(cache) > _TERM_CACHE_SIZE or self._cached_rows > _TERM_CACHE_ROWS:
                _, dropped = cache.popitem(last=False)
                self._cached_rows -= len(dropped)
        return result

    def _match(self, words: tuple[str, ...], candidates: list[int]) -> list[int]:
        base = self._base
        index = self._index
        # Estimated cost (µs on a slow laptop) of a plain loop over the candidates vs. the index: finding the
        # matching keys (free with the letter-pair table, else one scan of the distinct keys) plus putting
        # the rows together (by key for few rows, else a C-level pass over all rows). Measured at 100,000
        # registrations (28,900 distinct keys): the loop 0.11-0.19 µs per candidate (a row's key is a random
        # read; the index has no key list in row order), the scan 0.12 µs per distinct key, the pass 0.014 µs
        # per row; a second letter after a first that matched 46,000 rows took 9 ms by the loop, 5 by the index.
        loop = 0.15 * len(candidates) * len(words)
        if index is not None and index.pairs is not None and all(len(w) >= 2 for w in words):
            lookup = 0.0
        else:
            lookup = 0.11 * (len(index.unique) if index is not None else len(self._rows)) * len(words)
        assembly = min(0.015 * len(base), 0.25 * len(candidates))
        if len(base) < _SMALL or loop <= lookup + assembly:
            if index is not None:
                # a row's key through its number, both plain list subscripts (no Python call per row)
                kid, unique = index.kid, index.unique
                if len(words) == 1:
                    word = words[0]
                    return [i for i in candidates if word in unique[kid[i]]]
                return [i for i in candidates if all(w in unique[kid[i]] for w in words)]
            keys = self._search_keys()
            if len(words) == 1:
                word = words[0]
                return [i for i in candidates if word in keys[i]]
            return [i for i in candidates if all(w in keys[i] for w in words)]
        if index is None:
            index = self._index = SearchIndex(self._search_keys())
        flags = index.flags(words)
        misses = flags.count(0)
        if not misses:  # every key matches ("s" in a list of "Stadt ..."): nothing to pick
            return base
        hits = len(flags) - misses
        if not hits:
            return []
        if hits * len(self._rows) * 8 < len(base) * len(flags):
            # few rows (estimated): collect them by key and put them in display order, instead of walking all
            rank = self._base_rank()
            rows_with = index.rows_with
            found = [i for u in compress(range(len(flags)), flags) for i in rows_with(u)]
            found.sort(key=rank.__getitem__)
            return [i for i in found if rank[i] >= 0]
        if self._base_getter is None:
            kid = index.kid
            kids = [kid[i] for i in base]
            # itemgetter with several items returns a tuple: one C loop picks every row's flag
            self._base_getter = itemgetter(*kids) if len(kids) > 1 else (lambda f: tuple(f[k] for k in kids))
        return list(compress(base, self._base_getter(flags)))

    def _search_keys(self) -> list[str]:
        """The rows' search keys, read from the rows when a search first needs them (not when rows are set)."""
        if self._keys is None:
            self._keys = [getattr(r, "search_key", "") for r in self._rows]
        return self._keys

    def _base_rank(self) -> list[int]:
        """Row number -> its place among the candidate rows (-1: rejected by the predicate)."""
        if self._rank is None:
            rank = [-1] * len(self._rows)
            for position, i in zip(row_numbers(len(self._base)), self._base, strict=True):
                rank[i] = position
            self._rank = rank
        return self._rank

    # -- sorting -------------------------------------------------------------------------------------------

    def _sorted_order(self) -> list[int]:
        if not 0 <= self._sort_column < len(self._columns):
            return row_numbers(len(self._rows))
        ascending = self._sort_cache.get(self._sort_column)
        if ascending is None:
            keys = _shared(map(self._columns[self._sort_column].sort_key, self._rows))
            ascending = sorted(row_numbers(len(keys)), key=keys.__getitem__)
            self._sort_cache[self._sort_column] = ascending
        return ascending if self._sort_order == Qt.SortOrder.AscendingOrder else ascending[::-1]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        visible = self._visible
        old_rows = [(visible[i.row()] if 0 <= i.row() < len(visible) else -1, i.column()) for i in old]
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_order()
        self._rebase()
        if old:
            where = self._visible_positions()
            self.changePersistentIndexList(
                old, [self.index(where[r], c) if r in where else QModelIndex() for r, c in old_rows]
            )
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    # -- access --------------------------------------------------------------------------------------------

    def row_at(self, row: int) -> R:
        return self._rows[self._visible[row]]

    def visible_rows(self) -> list[R]:
        rows = self._rows
        return [rows[i] for i in self._visible]

    def all_rows(self) -> list[R]:
        return list(self._rows)

    def total_count(self) -> int:
        """Rows held, shown or not."""
        return len(self._rows)

    def row_of(self, row_id: Hashable) -> int | None:
        """The visible row number of the snapshot with this id, or None when filtered out or unknown."""
        i = self._positions().get(row_id)
        if i is None:
            return None
        return self._visible_positions().get(i)

    def _positions(self) -> dict[Hashable, int]:
        if self._position_map is None:
            rows = self._rows
            self._position_map = {getattr(r, "id", i): i for i, r in zip(row_numbers(len(rows)), rows, strict=True)}
        return self._position_map

    def _visible_positions(self) -> dict[int, int]:
        if self._visible_map is None:
            visible = self._visible
            self._visible_map = {r: n for n, r in zip(row_numbers(len(visible)), visible, strict=True)}
        return self._visible_map

    # -- Qt overrides --------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == _DISPLAY:
            return self._columns[section].title
        if role == _ALIGN:
            return _RIGHT if self._columns[section].align_right else _LEFT
        return None

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        handlers = self._by_role.get(role)  # most roles a view asks for are answered by no column
        if handlers is None:
            return None
        row = index.row()  # an invalid index has row -1
        visible = self._visible
        if not 0 <= row < len(visible):
            return None
        column = index.column()
        if not 0 <= column < len(handlers):
            return None
        handler = handlers[column]
        if handler is None:
            return None
        return handler(self._rows[visible[row]])

    @staticmethod
    def _cell_handlers(spec: ColumnSpec[R]) -> dict[int, Callable[[R], Any]]:
        """Per column: role -> function of the row (roles the column does not answer are absent)."""
        align = _RIGHT if spec.align_right else _LEFT
        handlers: dict[int, Callable[[R], Any]] = {
            _DISPLAY: spec.display,
            _ALIGN: lambda _row: align,
            _SORT: spec.sort_key,
            _ROW: lambda row: row,
        }
        if spec.tooltip is not None:
            handlers[_TOOLTIP] = spec.tooltip
        if spec.foreground is not None:
            handlers[_FOREGROUND] = spec.foreground
        if spec.background is not None:
            handlers[_BACKGROUND] = spec.background
        if spec.check_state is not None:
            check = spec.check_state

            def check_state(row: R) -> Qt.CheckState | None:
                state = check(row)
                if state is None:
                    return None
                return Qt.CheckState.Checked if state else Qt.CheckState.Unchecked

            handlers[_CHECK] = check_state
        return handlers
