"""The event's own tasks as a table: done (checkbox), task, due (Berlin), state coloured by urgency.

Like the agenda model it holds snapshots (``TaskRow``) and hands edits to a callback that runs an undoable
command; the tab reloads the snapshots afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from odn_desktop.domain.deadlines import GERMAN_STATE_LABELS, DeadlineState
from odn_desktop.domain.timezone import to_berlin
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.dates import display_date

from .labels import label
from .signal_guard import emit

ModelIndex = QModelIndex | QPersistentModelIndex
TaskEditHandler = Callable[[uuid.UUID, dict[str, Any]], bool]
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

#: text and background colour per state; called in data(), so they follow the palette (light or dark, see theme)
STATE_COLOURS: dict[DeadlineState, theme.SemanticColour] = {
    DeadlineState.OVERDUE: theme.error_text,
    DeadlineState.DUE_SOON: theme.warning_text,
    DeadlineState.UPCOMING: theme.ok_text,
    DeadlineState.DONE: theme.muted_text,
}
STATE_BACKGROUNDS: dict[DeadlineState, theme.SemanticColour] = {
    DeadlineState.OVERDUE: theme.problem_background,
    DeadlineState.DUE_SOON: theme.warning_background,
}


class TaskColumn(IntEnum):
    DONE = 0
    TITLE = 1
    DUE = 2
    STATE = 3


def state_label(state: DeadlineState) -> str:
    return label(GERMAN_STATE_LABELS[state])


class TasksModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # rows are services.event_editing.TaskRow snapshots (typed loosely: that module loads SQLAlchemy)
        self._rows: list[Any] = []
        self.edit_handler: TaskEditHandler | None = None
        self._headers = {
            TaskColumn.DONE: self.tr("Erledigt"),
            TaskColumn.TITLE: self.tr("Aufgabe"),
            TaskColumn.DUE: self.tr("Fällig"),
            TaskColumn.STATE: self.tr("Stand"),
        }

    def set_rows(self, rows: Iterable[Any]) -> None:
        """New snapshots; the same tasks in another order (a new due date) move their persistent indexes
        along, so an open cell editor and the selection stay with their task instead of a model reset."""
        new = list(rows)
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in new]
        if new_ids == old_ids:
            self._rows = new
            if new:
                emit(self.dataChanged, self.index(0, 0), self.index(len(new) - 1, len(TaskColumn) - 1))
            return
        if sorted(map(str, new_ids)) == sorted(map(str, old_ids)):
            emit(self.layoutAboutToBeChanged)
            where = {task_id: row for row, task_id in enumerate(new_ids)}
            old = self.persistentIndexList()
            moved = [self.index(where[old_ids[i.row()]], i.column()) if i.isValid() else QModelIndex() for i in old]
            self._rows = new
            self.changePersistentIndexList(old, moved)
            emit(self.layoutChanged)
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def rows(self) -> Sequence[Any]:
        return tuple(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, task_id: uuid.UUID) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == task_id), None)

    # -- Qt overrides --------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TaskColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(TaskColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[TaskColumn(section)]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == TaskColumn.DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in (TaskColumn.TITLE, TaskColumn.DUE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(TaskColumn):
            return None
        row = self._rows[index.row()]
        column = TaskColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TaskColumn.TITLE:
                return row.title
            if column == TaskColumn.DUE:
                return f"{display_date(row.due_at)} {to_berlin(row.due_at):%H:%M}"
            if column == TaskColumn.STATE:
                return state_label(row.state)
            return None
        if role == Qt.ItemDataRole.EditRole:
            if column == TaskColumn.TITLE:
                return row.title
            if column == TaskColumn.DUE:
                return row.due_at
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column == TaskColumn.DONE:
            return Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and (column in (TaskColumn.STATE, TaskColumn.DUE) or row.done):
            return QBrush(STATE_COLOURS[row.state]())
        if role == Qt.ItemDataRole.BackgroundRole and column == TaskColumn.STATE and row.state in STATE_BACKGROUNDS:
            return QBrush(STATE_BACKGROUNDS[row.state]())
        if role == Qt.ItemDataRole.FontRole and row.done and column == TaskColumn.TITLE:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.notes:
                return row.notes
            if column == TaskColumn.DONE:
                return self.tr("Leertaste hakt die Aufgabe ab")
            return None
        if role == ROW_ROLE:
            return row
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or self.edit_handler is None:
            return False
        row = self._rows[index.row()]
        column = index.column()
        if column == TaskColumn.DONE and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if done == row.done:
                return True
            return self.edit_handler(row.id, {"done": done})
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == TaskColumn.TITLE:
            title = str(value or "").strip()
            return True if title == row.title else self.edit_handler(row.id, {"title": title})
        if column == TaskColumn.DUE:
            return True if value == row.due_at else self.edit_handler(row.id, {"due_at": value})
        return False
