"""The event's parallel rounds as a table: order, title, description, seats (or unlimited) and a seat gauge.

Rows are ``services.rounds.RoundRow`` snapshots (typed loosely: that module loads SQLAlchemy); edits go through
the tab's dialog and undoable commands, never through ``setData``. A round over its limit (after its capacity was
lowered) says so in its gauge cell, in words and colour.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from odn_desktop.ui.infra import theme
from odn_desktop.ui.widgets.seat_gauge import Gauge, gauge_text, paint_gauge

from .signal_guard import emit

ModelIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
GAUGE_ROLE = Qt.ItemDataRole.UserRole + 3


class RoundColumn(IntEnum):
    ORDER = 0
    TITLE = 1
    DESCRIPTION = 2
    CAPACITY = 3
    SEATS = 4


def round_gauge(row: Any) -> Gauge:
    return Gauge(row.registered, row.seats.limit, row.waiting)


class RoundsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._over: set[uuid.UUID] = set()
        self._headers = {
            RoundColumn.ORDER: self.tr("Nr."),
            RoundColumn.TITLE: self.tr("Runde"),
            RoundColumn.DESCRIPTION: self.tr("Beschreibung"),
            RoundColumn.CAPACITY: self.tr("Plätze"),
            RoundColumn.SEATS: self.tr("Belegung"),
        }

    def set_rows(self, rows: Iterable[Any], over_limit: Iterable[uuid.UUID] = ()) -> None:
        new = list(rows)
        self._over = set(over_limit)
        if [r.id for r in new] == [r.id for r in self._rows]:
            self._rows = new
            if new:
                emit(self.dataChanged, self.index(0, 0), self.index(len(new) - 1, len(RoundColumn) - 1))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def rows(self) -> Sequence[Any]:
        return tuple(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, round_id: uuid.UUID) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == round_id), None)

    def is_over_limit(self, round_id: uuid.UUID) -> bool:
        return round_id in self._over

    def capacity_text(self, row: Any) -> str:
        return self.tr("unbegrenzt") if row.capacity is None else str(row.capacity)

    def seats_text(self, row: Any) -> str:
        return gauge_text(round_gauge(row))

    # -- Qt overrides --------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RoundColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(RoundColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[RoundColumn(section)]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(RoundColumn):
            return None
        row = self._rows[index.row()]
        column = RoundColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RoundColumn.ORDER:
                return str(index.row() + 1)
            if column == RoundColumn.TITLE:
                return row.title
            if column == RoundColumn.DESCRIPTION:
                return " ".join(row.description.split())
            if column == RoundColumn.CAPACITY:
                return self.capacity_text(row)
            return self.seats_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == RoundColumn.DESCRIPTION and row.description:
                return row.description
            if column == RoundColumn.SEATS:
                text = self.tr("{registered} angemeldet, {waiting} auf der Warteliste").format(
                    registered=row.registered, waiting=row.waiting)
                if row.id in self._over:
                    text += "\n" + self.tr("Mehr Plätze vergeben als verfügbar: bitte Plätze erhöhen oder "
                                           "Personen in eine andere Runde verschieben.")
                return text
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RoundColumn.ORDER, RoundColumn.CAPACITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == RoundColumn.SEATS and row.id in self._over:
            return QBrush(theme.problem_background())
        if role == Qt.ItemDataRole.ForegroundRole and column == RoundColumn.SEATS and row.id in self._over:
            return QBrush(theme.problem_text())
        if role == ROW_ROLE:
            return row
        if role == GAUGE_ROLE and column == RoundColumn.SEATS:
            return round_gauge(row)
        return None


class RoundGaugeDelegate(QStyledItemDelegate):
    """The seat gauge of a round; the cell's text (``gauge_text``) is what a screen reader gets."""

    BAR_WIDTH = 64

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        gauge = index.data(GAUGE_ROLE)
        if not isinstance(gauge, Gauge):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        colour = QBrush(foreground).color() if foreground is not None else option.palette.text().color()
        rect: QRect = option.rect.adjusted(6, 7, -6, -7)
        paint_gauge(painter, rect, gauge, colour, bar_width=self.BAR_WIDTH)
