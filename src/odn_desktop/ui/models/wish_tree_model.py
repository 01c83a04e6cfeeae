"""The Themenwünsche tree: topic groups (title, count, who asked, state) with their wishes below them.

Over frozen snapshots (``services.wish_rows.WishGroupRow``): ``data()`` only formats what the row holds, never runs
SQL. A search keeps the groups whose precomputed search key holds every word (a few hundred groups: a plain loop).
An item's internal id says where it lives: 0 for a group, the group's position + 1 for one of its wishes.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from odn_desktop.domain.names import matches_search
from odn_desktop.domain.timezone import to_berlin

if TYPE_CHECKING:
    from odn_desktop.services.wish_rows import EventRef, WishGroupRow, WishRow

ModelIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_COUNT = 4
translate = QCoreApplication.translate


def _day(ref: EventRef) -> str:
    return f"{to_berlin(ref.starts_at):%d.%m.%Y}"


def state_text(row: WishGroupRow) -> str:
    """„offen“, „eingeplant: „Zweites Treffen“ (02.12.2021)“, „behandelt: …“ – in words, never in colour alone."""
    if row.state == "planned" and row.planned_event is not None:
        return translate("WishTreeModel", "eingeplant: „{title}“ ({day})").format(
            title=row.planned_event.title, day=_day(row.planned_event))
    if row.state == "treated":
        if row.planned_event is not None:
            return translate("WishTreeModel", "behandelt: „{title}“ ({day})").format(
                title=row.planned_event.title, day=_day(row.planned_event))
        return translate("WishTreeModel", "behandelt")
    return translate("WishTreeModel", "offen")


def wish_text(wish: WishRow) -> str:
    return wish.text or translate("WishTreeModel", "(Text gelöscht – Datenschutz)")


class WishTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[WishGroupRow] = []
        self._shown: list[WishGroupRow] = []
        self._filter = ""
        self._titles = [translate("WishTreeModel", "Thema / Wunsch"), translate("WishTreeModel", "Anzahl"),
                        translate("WishTreeModel", "Wer (Organisation)"), translate("WishTreeModel", "Stand / Treffen")]

    # -- content -------------------------------------------------------------------------------------------

    def set_rows(self, rows: list[WishGroupRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        self._shown = [r for r in self._all if matches_search(r.search_key, self._filter)]

    def all_groups(self) -> list[WishGroupRow]:
        return list(self._all)

    def groups(self) -> list[WishGroupRow]:
        """The groups shown (after the search)."""
        return list(self._shown)

    def group_at(self, index: ModelIndex) -> WishGroupRow | None:
        """The group of a group's index, or of one of its wishes' index."""
        if not index.isValid():
            return None
        position = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._shown[position] if 0 <= position < len(self._shown) else None

    def wish_at(self, index: ModelIndex) -> WishRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self.group_at(index)
        return None if group is None else group.wishes[index.row()]

    def group_index(self, group_id: uuid.UUID | None, column: int = 0) -> QModelIndex:
        for position, row in enumerate(self._shown):
            if row.id == group_id and group_id is not None:
                return self.index(position, column)
        return QModelIndex()

    def wish_index(self, wish_id: uuid.UUID) -> QModelIndex:
        for position, row in enumerate(self._shown):
            for number, wish in enumerate(row.wishes):
                if wish.id == wish_id:
                    return self.index(number, 0, self.index(position, 0))
        return QModelIndex()

    # -- Qt's model interface --------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._shown) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._shown):
            return QModelIndex()  # wishes have no children
        if row >= len(self._shown[parent.row()].wishes):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._shown)
        if parent.internalId() != 0 or parent.column() != 0 or parent.row() >= len(self._shown):
            return 0
        return len(self._shown[parent.row()].wishes)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._titles):
            return self._titles[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemNeverHasChildren if index.internalId() != 0 else flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        wish = self.wish_at(index)
        group = self.group_at(index)
        if group is None:
            return None
        if role == ID_ROLE:
            return wish.id if wish is not None else group.id
        if role == Qt.ItemDataRole.FontRole and wish is None and index.column() <= 1:
            font = QFont()
            font.setBold(True)  # a topic reads apart from its wishes (the tree's indentation says it too)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._wish_cell(wish, index.column(), role) if wish is not None else \
                self._group_cell(group, index.column(), role)
            return text
        return None

    def _group_cell(self, group: WishGroupRow, column: int, role: int) -> str | None:
        if column == 0:
            return group.title
        if column == 1:
            return str(group.count) if role == Qt.ItemDataRole.DisplayRole else None
        if column == 2:
            return ", ".join(group.organisations) if role == Qt.ItemDataRole.DisplayRole else \
                "\n".join(group.organisations) or None
        return state_text(group)

    def _wish_cell(self, wish: WishRow, column: int, role: int) -> str | None:
        if column == 0:
            return wish_text(wish)
        if column == 1:
            return None
        if column == 2:
            who = wish.organisation or wish.name or translate("WishTreeModel", "ohne Angabe")
            if role == Qt.ItemDataRole.ToolTipRole:
                parts = [p for p in (wish.name, wish.email, wish.organisation, wish.level) if p]
                return "\n".join(parts) or None
            return who
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("WishTreeModel", "geäußert bei „{title}“ am {day}").format(
                title=wish.event.title, day=_day(wish.event))
        return f"{wish.event.title}, {_day(wish.event)}"
