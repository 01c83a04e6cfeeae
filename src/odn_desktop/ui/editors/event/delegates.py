"""Cell editors for the editor's tables: minutes, a choice from a list, a Berlin date and time.

Each delegate reads the cell's ``EditRole`` value and hands the edited value back through ``setData``; the
model turns that into an undoable command, so a delegate never writes anything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from odn_desktop.ui.infra.dates import typing_friendly

from . import wall_time
from .signal_guard import emit

ModelIndex = QModelIndex | QPersistentModelIndex
Choices = Callable[[], Sequence[tuple[str, Any]]]


class SpinBoxDelegate(QStyledItemDelegate):
    def __init__(self, minimum: int, maximum: int, suffix: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._minimum, self._maximum, self._suffix = minimum, maximum, suffix

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(self._minimum, self._maximum)
        spin.setSuffix(self._suffix)
        spin.setAccelerated(True)
        return spin

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QSpinBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(int(value) if value is not None else self._minimum)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of (label, value) pairs; ``choices`` is asked each time an editor opens."""

    def __init__(self, choices: Choices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self._choices():
            combo.addItem(label, value)
        # a choice made with the keyboard or the mouse is taken at once, no extra Enter needed
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        emit(self.commitData, combo)
        emit(self.closeEditor, combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        for i in range(editor.count()):
            if editor.itemData(i) == value:
                editor.setCurrentIndex(i)
                return

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentIndex() >= 0:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateTimeDelegate(QStyledItemDelegate):
    """A Berlin date and time (the model's EditRole value is an aware datetime)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        edit = QDateTimeEdit(parent)
        wall_time.prepare(edit)
        edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        edit.setCalendarPopup(True)
        typing_friendly(edit)
        return edit

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QDateTimeEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, datetime):
            editor.setDateTime(wall_time.to_wall(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QDateTimeEdit)
        model.setData(index, wall_time.from_wall(editor.dateTime()), Qt.ItemDataRole.EditRole)
