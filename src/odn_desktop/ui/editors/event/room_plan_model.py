"""The room plan as a table: one line per person, room by room (the room's cell spans its people), then the people who
stay in the main room. Lines are frozen snapshots made from a ``services.room_plan.RoomPlanView``; ``data()`` only
formats them. A room nobody is in (a round without registrations) shows one line saying so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from odn_desktop.ui.infra import theme
from odn_desktop.ui.pdf.room_plan_print import main_room_title, note_text

ModelIndex = QModelIndex | QPersistentModelIndex


class PlanColumn(IntEnum):
    ROOM = 0
    NAME = 1
    ORGANISATION = 2
    MUNICIPALITY = 3
    NOTE = 4


@dataclass(frozen=True)
class PlanLine:
    room_number: int  # 0: the main room (not assigned)
    room: str
    first: int  # the table row where this line's room starts
    lines: int  # how many table rows the room takes
    people: int  # how many people the room holds (an empty room still takes a row)
    name: str = ""
    email: str = ""
    organisation: str = ""
    municipality: str = ""
    note: str = ""
    shares: bool = False
    staff: bool = False


def plan_lines(view: Any, nobody: str) -> tuple[PlanLine, ...]:
    """The table's lines for ``view`` (None: no lines); ``nobody`` is the text of an empty room's line."""
    if view is None:
        return ()
    groups: list[tuple[int, str, list[Any]]] = [
        (room.number, room.name, [r for r in view.rows if r.room_number == room.number]) for room in view.plan.rooms]
    if view.left_out:
        groups.append((0, main_room_title(), list(view.left_out)))
    lines: list[PlanLine] = []
    for number, name, rows in groups:
        first, count = len(lines), max(1, len(rows))
        if not rows:
            lines.append(PlanLine(number, name, first, count, 0, name=nobody))
        for row in rows:
            lines.append(PlanLine(number, name, first, count, len(rows), name=row.name, email=row.email,
                                  organisation=row.organisation, municipality=row.municipality, note=note_text(row),
                                  shares=row.shares, staff=bool(row.role)))
    return tuple(lines)


class RoomPlanModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[PlanLine, ...] = ()
        self._headers = {
            PlanColumn.ROOM: self.tr("Raum"),
            PlanColumn.NAME: self.tr("Name"),
            PlanColumn.ORGANISATION: self.tr("Organisation"),
            PlanColumn.MUNICIPALITY: self.tr("Kommune"),
            PlanColumn.NOTE: self.tr("Hinweis"),
        }

    def set_lines(self, lines: Sequence[PlanLine]) -> None:
        self.beginResetModel()
        self._lines = tuple(lines)
        self.endResetModel()

    def lines(self) -> tuple[PlanLine, ...]:
        return self._lines

    def rooms(self) -> list[PlanLine]:
        """The first line of each room (for spans)."""
        return [line for n, line in enumerate(self._lines) if line.first == n]

    # -- Qt overrides --------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(PlanColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[PlanColumn(section)]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if not 0 <= index.column() < len(PlanColumn):
            return None
        line = self._lines[index.row()]
        column = PlanColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {PlanColumn.ROOM: line.room, PlanColumn.NAME: line.name, PlanColumn.ORGANISATION: line.organisation,
                    PlanColumn.MUNICIPALITY: line.municipality, PlanColumn.NOTE: line.note}[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PlanColumn.NAME and line.email:
                return line.email
            if column == PlanColumn.ROOM:
                return self.tr("%n Personen", "", line.people)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PlanColumn.ROOM:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == PlanColumn.NOTE and line.shares:
                return QBrush(theme.warning_text())
            if not line.people and column == PlanColumn.NAME:  # an empty room's line
                return QBrush(theme.muted_text())
            return None
        if role == Qt.ItemDataRole.FontRole and column == PlanColumn.ROOM:
            font = QFont()
            font.setBold(True)
            return font
        return None
