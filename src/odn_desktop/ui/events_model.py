"""The events table: a model over immutable ``EventRow`` snapshots and a proxy that sorts and searches them.

``data()`` only formats what the snapshot holds, it never runs SQL. Sorting uses ``SORT_ROLE`` (raw, comparable
values: timestamps, counts, folded text), the search compares against ``EventRow.search_key``, which the
service computed once when it built the row.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from odn_desktop.domain.deadlines import GERMAN_STATE_LABELS, DeadlineState
from odn_desktop.domain.names import fold_german, german_sort_key
from odn_desktop.domain.seats import SeatStatus
from odn_desktop.domain.timezone import format_german_date, format_german_datetime, to_berlin
from odn_desktop.services.rows import FORMAT_LABELS, STATUS_LABELS, EventRow

ModelIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole EventRow, for delegates and later views

_NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_UNLIMITED_SORT = 2**31 - 1
_SEAT_STATUS_RANK = {SeatStatus.AVAILABLE: 0, SeatStatus.FEW: 1, SeatStatus.FULL: 2}
_STATUS_RANK = {key: rank for rank, key in enumerate(STATUS_LABELS)}

# Seat-status hints (text on a light background stays readable in dark themes too).
_FULL_BG, _FULL_FG = QColor("#f8d4d2"), QColor("#8a1c1c")
_FEW_BG, _FEW_FG = QColor("#fdebc4"), QColor("#6b4300")
_AVAILABLE_FG = QColor("#1e6b3a")
_OVERDUE_FG = QColor("#a12020")
_DUE_SOON_FG = QColor("#8a5a00")
_CANCELLED_FG = QColor("#7a7a7a")


class Column(IntEnum):
    DATE = 0
    TITLE = 1
    SERIES = 2
    FORMAT = 3
    SEATS = 4
    WAITING = 5
    FREE = 6
    SEAT_STATUS = 7
    DEADLINE = 8
    STATUS = 9


_NUMERIC_COLUMNS = frozenset({Column.SEATS, Column.WAITING, Column.FREE})


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventsTableModel", text)


def _text_sort_key(text: str | None) -> str:
    """German dictionary order as one string (the key tuple joined by the lowest code point)."""
    return "\x00".join(german_sort_key(text or ""))


class EventsTableModel(QAbstractTableModel):
    def __init__(self, rows: Iterable[EventRow] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EventRow] = list(rows)
        self._headers = {
            Column.DATE: self.tr("Datum"),
            Column.TITLE: self.tr("Titel"),
            Column.SERIES: self.tr("Reihe"),
            Column.FORMAT: self.tr("Format"),
            Column.SEATS: self.tr("Plätze"),
            Column.WAITING: self.tr("Warteliste"),
            Column.FREE: self.tr("Freie Plätze"),
            Column.SEAT_STATUS: self.tr("Platzstatus"),
            Column.DEADLINE: self.tr("Anmeldeschluss"),
            Column.STATUS: self.tr("Status"),
        }
        self._unlimited = self.tr("unbegrenzt")

    # -- our API -------------------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[EventRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> Sequence[EventRow]:
        return tuple(self._rows)

    def event_row(self, position: int) -> EventRow:
        return self._rows[position]

    def row_at(self, index: ModelIndex) -> EventRow:
        """The snapshot behind ``index`` (an index of this model, not of a proxy)."""
        if not index.isValid() or index.model() is not self:
            raise ValueError("index does not belong to this model")
        return self._rows[index.row()]

    # -- Qt overrides ------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC_COLUMNS:
            return _NUMBER_ALIGNMENT
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _NUMBER_ALIGNMENT if column in _NUMERIC_COLUMNS else None
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == ROW_ROLE:
            return row
        return None

    # -- cells ---------------------------------------------------------------------------------------------

    def _display(self, row: EventRow, column: Column) -> str:
        match column:
            case Column.DATE:
                return f"{format_german_date(row.starts_at)} {to_berlin(row.starts_at):%H:%M}"
            case Column.TITLE:
                return row.title
            case Column.SERIES:
                return row.series or ""
            case Column.FORMAT:
                return _tr(FORMAT_LABELS.get(row.format, row.format))
            case Column.SEATS:
                limit = self._unlimited if row.seat_limit is None else str(row.seat_limit)
                return f"{row.registered} / {limit}"
            case Column.WAITING:
                return str(row.waiting)
            case Column.FREE:
                return self._unlimited if row.free_seats is None else str(row.free_seats)
            case Column.SEAT_STATUS:
                return _tr(str(row.seat_status))
            case Column.DEADLINE:
                return "" if row.registration_deadline is None else format_german_date(row.registration_deadline)
            case Column.STATUS:
                return _tr(STATUS_LABELS.get(row.status, row.status))

    def _seat_details(self, row: EventRow) -> str:
        if row.seat_limit is None:
            seats = self.tr("Keine Platzbegrenzung.")
        elif row.overbooking:
            seats = self.tr("{capacity} Plätze + {percent} % Überbuchung = {limit} Plätze.").format(
                capacity=row.capacity, percent=row.overbooking, limit=row.seat_limit)
        else:
            seats = self.tr("{limit} Plätze.").format(limit=row.seat_limit)
        counts = self.tr("{registered} angemeldet, {waiting} auf der Warteliste, {cancelled} storniert.").format(
            registered=row.registered, waiting=row.waiting, cancelled=row.cancelled)
        return f"{seats}\n{counts}"

    def _tooltip(self, row: EventRow, column: Column) -> str | None:
        match column:
            case Column.DATE:
                start, end = to_berlin(row.starts_at), to_berlin(row.ends_at)
                if start.date() == end.date():
                    return self.tr("{date} {start}–{end} Uhr").format(
                        date=format_german_date(row.starts_at), start=f"{start:%H:%M}", end=f"{end:%H:%M}")
                return f"{format_german_datetime(row.starts_at)} – {format_german_datetime(row.ends_at)}"
            case Column.TITLE:
                lines = [row.title]
                if row.speakers:
                    lines.append(self.tr("Referent:innen: {names}").format(names=", ".join(row.speakers)))
                if row.venue:
                    lines.append(self.tr("Ort: {venue}").format(venue=row.venue))
                return "\n".join(lines)
            case Column.SERIES:
                return row.series
            case Column.SEATS | Column.WAITING | Column.FREE | Column.SEAT_STATUS:
                return self._seat_details(row)
            case Column.DEADLINE:
                if row.registration_deadline is None:
                    return self.tr("Kein Anmeldeschluss festgelegt.")
                text = self.tr("Anmeldeschluss: {when} Uhr").format(
                    when=format_german_datetime(row.registration_deadline))
                if row.deadline_state is not None:
                    text += f" ({_tr(GERMAN_STATE_LABELS[row.deadline_state])})"
                return text
            case _:
                return None

    def _sort_value(self, row: EventRow, column: Column) -> int | float | str:
        match column:
            case Column.DATE:
                return row.starts_at.timestamp()
            case Column.TITLE:
                return _text_sort_key(row.title)
            case Column.SERIES:
                return _text_sort_key(row.series)
            case Column.FORMAT:
                return _text_sort_key(FORMAT_LABELS.get(row.format, row.format))
            case Column.SEATS:
                return row.registered
            case Column.WAITING:
                return row.waiting
            case Column.FREE:
                return _UNLIMITED_SORT if row.free_seats is None else row.free_seats
            case Column.SEAT_STATUS:
                return _SEAT_STATUS_RANK.get(row.seat_status, len(_SEAT_STATUS_RANK))
            case Column.DEADLINE:
                return math.inf if row.registration_deadline is None else row.registration_deadline.timestamp()
            case Column.STATUS:
                return _STATUS_RANK.get(row.status, len(_STATUS_RANK))

    def _foreground(self, row: EventRow, column: Column) -> QBrush | None:
        if row.status == "cancelled":
            return QBrush(_CANCELLED_FG)
        if column in (Column.SEAT_STATUS, Column.FREE):
            if row.seat_status == SeatStatus.FULL:
                return QBrush(_FULL_FG)
            if row.seat_status == SeatStatus.FEW:
                return QBrush(_FEW_FG)
            if column == Column.SEAT_STATUS:
                return QBrush(_AVAILABLE_FG)
        if column == Column.DEADLINE:
            if row.deadline_state == DeadlineState.OVERDUE:
                return QBrush(_OVERDUE_FG)
            if row.deadline_state == DeadlineState.DUE_SOON:
                return QBrush(_DUE_SOON_FG)
        return None

    def _background(self, row: EventRow, column: Column) -> QBrush | None:
        if row.status == "cancelled" or column not in (Column.SEAT_STATUS, Column.FREE):
            return None
        if row.seat_status == SeatStatus.FULL:
            return QBrush(_FULL_BG)
        if row.seat_status == SeatStatus.FEW:
            return QBrush(_FEW_BG)
        return None


class EventsFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and keeps the rows whose search key contains every word typed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._terms: tuple[str, ...] = ()

    @property
    def search_terms(self) -> tuple[str, ...]:
        return self._terms

    def set_search(self, text: str) -> None:
        terms = tuple(fold_german(text).split())
        if terms == self._terms:
            return
        self._begin_filter_change()
        self._terms = terms
        self._end_filter_change()

    # WORKAROUND: invalidateFilter() is deprecated since Qt 6.10 (a DeprecationWarning in PySide6); its
    # replacement beginFilterChange()/endFilterChange() only exists from 6.9 on.
    def _begin_filter_change(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt < 6.9
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._terms:
            return True
        model = self.sourceModel()
        if not isinstance(model, EventsTableModel):
            return True
        key = model.event_row(source_row).search_key
        return all(term in key for term in self._terms)
