"""The programme of one event as a table: derived start, duration, kind, title, speaker; drag to reorder.

The model holds ``AgendaRow`` snapshots. Edits and moves are not applied here: ``setData``, ``moveRows`` and
``dropMimeData`` hand them to the callbacks the tab installs (each an undoable command); the tab then reloads
the snapshots with ``set_rows``, which keeps selections on the same items (``layoutChanged`` when only the
order changed, ``dataChanged`` when only values changed).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from odn_desktop.domain.agenda import GERMAN_KIND_LABELS, AgendaKind
from odn_desktop.domain.timezone import to_berlin
from odn_desktop.services.rows import AgendaRow
from odn_desktop.ui.infra import theme

from .labels import label as translated
from .signal_guard import emit

ModelIndex = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-odn-agenda-items"
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

EditHandler = Callable[[uuid.UUID, dict[str, Any]], bool]
MoveHandler = Callable[[uuid.UUID, int], bool]


class AgendaColumn(IntEnum):
    START = 0
    DURATION = 1
    KIND = 2
    TITLE = 3
    SPEAKER = 4


EDITABLE = {AgendaColumn.DURATION: "duration_minutes", AgendaColumn.KIND: "kind", AgendaColumn.TITLE: "title",
            AgendaColumn.SPEAKER: "speaker_id"}


def kind_label(kind: str) -> str:
    try:
        label = GERMAN_KIND_LABELS[AgendaKind(kind)]
    except ValueError:
        return kind
    return translated(label)


def kind_choices() -> list[tuple[str, str]]:
    return [(kind_label(k.value), k.value) for k in GERMAN_KIND_LABELS]


class AgendaModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AgendaRow] = []
        self._event_end: datetime | None = None
        self.edit_handler: EditHandler | None = None
        self.move_handler: MoveHandler | None = None
        self._headers = {
            AgendaColumn.START: self.tr("Beginn"),
            AgendaColumn.DURATION: self.tr("Dauer (min)"),
            AgendaColumn.KIND: self.tr("Art"),
            AgendaColumn.TITLE: self.tr("Titel"),
            AgendaColumn.SPEAKER: self.tr("Referent:in"),
        }

    # -- our API -------------------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[AgendaRow], event_end: datetime | None = None) -> None:
        """New snapshots; the same items in another order move their persistent indexes along."""
        new = list(rows)
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in new]
        self._event_end = event_end
        if new_ids == old_ids:
            self._rows = new
            if new:
                emit(self.dataChanged, self.index(0, 0), self.index(len(new) - 1, len(AgendaColumn) - 1))
        elif sorted(map(str, new_ids)) == sorted(map(str, old_ids)):
            emit(self.layoutAboutToBeChanged)
            where = {item_id: row for row, item_id in enumerate(new_ids)}
            old = self.persistentIndexList()
            moved = [self.index(where[old_ids[i.row()]], i.column()) if i.isValid() else QModelIndex() for i in old]
            self._rows = new
            self.changePersistentIndexList(old, moved)
            emit(self.layoutChanged)
        else:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()

    def rows(self) -> Sequence[AgendaRow]:
        return tuple(self._rows)

    def row_at(self, row: int) -> AgendaRow:
        return self._rows[row]

    def row_of(self, item_id: uuid.UUID) -> int | None:
        for n, r in enumerate(self._rows):
            if r.id == item_id:
                return n
        return None

    def overruns(self, row: AgendaRow) -> bool:
        return self._event_end is not None and row.ends_at > self._event_end

    # -- Qt overrides: reading -------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AgendaColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        if not 0 <= section < len(AgendaColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[AgendaColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (AgendaColumn.START, AgendaColumn.DURATION):
            return _RIGHT
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never onto one
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
                 | Qt.ItemFlag.ItemIsDragEnabled)
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(AgendaColumn):
            return None
        row = self._rows[index.row()]
        column = AgendaColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (AgendaColumn.START, AgendaColumn.DURATION):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole and self.overruns(row):
            return QBrush(theme.warning_background())
        if role == Qt.ItemDataRole.ForegroundRole and self.overruns(row):
            return QBrush(theme.warning_strong_text())
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: AgendaRow, column: AgendaColumn) -> str:
        match column:
            case AgendaColumn.START:
                return f"{to_berlin(row.starts_at):%H:%M}"
            case AgendaColumn.DURATION:
                return str(row.duration_minutes)
            case AgendaColumn.KIND:
                return kind_label(row.kind)
            case AgendaColumn.TITLE:
                return row.title
            case AgendaColumn.SPEAKER:
                return row.speaker or ""

    @staticmethod
    def _edit_value(row: AgendaRow, column: AgendaColumn) -> Any:
        match column:
            case AgendaColumn.START:
                return row.starts_at
            case AgendaColumn.DURATION:
                return row.duration_minutes
            case AgendaColumn.KIND:
                return row.kind
            case AgendaColumn.TITLE:
                return row.title
            case AgendaColumn.SPEAKER:
                return row.speaker_id

    def _tooltip(self, row: AgendaRow) -> str:
        text = self.tr("{start}–{end} Uhr: {title}").format(
            start=f"{to_berlin(row.starts_at):%H:%M}", end=f"{to_berlin(row.ends_at):%H:%M}", title=row.title)
        if self.overruns(row):
            text += "\n" + self.tr("Endet nach dem Ende der Veranstaltung.")
        return text

    # -- Qt overrides: editing -------------------------------------------------------------------------------

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        field = EDITABLE.get(AgendaColumn(index.column())) if 0 <= index.column() < len(AgendaColumn) else None
        if field is None or self.edit_handler is None:
            return False
        row = self._rows[index.row()]
        if field == "title":
            value = str(value or "").strip()
        elif field == "duration_minutes":
            value = int(value)
        if self._edit_value(row, AgendaColumn(index.column())) == value:
            return True  # nothing changed: no command on the undo stack
        return self.edit_handler(row.id, {field: value})

    def moveRows(self, source_parent: ModelIndex, source_row: int, count: int, destination_parent: ModelIndex,
                 destination_child: int) -> bool:
        """Move ``count`` rows to before ``destination_child`` (Qt's convention) through the move handler."""
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > len(self._rows) or not 0 <= destination_child <= len(self._rows):
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # onto itself
        return self._move_to_gap([r.id for r in self._rows[source_row:source_row + count]], destination_child)

    def _move_to_gap(self, moved: list[uuid.UUID], gap: int) -> bool:
        """Put ``moved`` (in their present order) into the gap before row ``gap``."""
        if self.move_handler is None:
            return False
        current = [r.id for r in self._rows]
        block = [i for i in current if i in moved]
        rest = [i for i in current if i not in moved]
        place = sum(1 for i in current[:gap] if i not in moved)
        final = rest[:place] + block + rest[place:]
        if final == current:
            return False
        if len(block) == 1:
            return self.move_handler(block[0], final.index(block[0]))
        # several: fix the order from the top, one move per misplaced item (each an undoable step)
        for target, item_id in enumerate(final):
            if current[target] != item_id:
                if not self.move_handler(item_id, target):
                    return False
                current.remove(item_id)
                current.insert(target, item_id)
        return True

    # -- drag and drop -------------------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self._rows)})
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray("\n".join(str(self._rows[r].id) for r in rows).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: ModelIndex) -> bool:
        return action == Qt.DropAction.MoveAction and data is not None and data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex) -> bool:
        """Move the dragged items to before ``row`` (the gap the drop indicator shows)."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if parent.isValid():  # dropped onto an item: the gap before it
            row = parent.row()
        if not 0 <= row <= len(self._rows):
            row = len(self._rows)
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        try:
            ids = [uuid.UUID(line) for line in raw.split()]
        except ValueError:
            return False
        if not ids or any(self.row_of(i) is None for i in ids):
            return False
        return self._move_to_gap(ids, row)
