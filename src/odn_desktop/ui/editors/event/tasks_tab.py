"""The Aufgaben tab: the coordinator's own dated to-dos for this event, coloured by urgency, ticked off."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.ui.infra.table_actions import action, install_row_actions
from odn_desktop.ui.infra.undo import ServiceCommand

from .delegates import DateTimeDelegate
from .tasks_model import TaskColumn, TasksModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.ui.infra.context import AppContext


class TasksTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._event_id: uuid.UUID | None = None
        self.model = TasksModel(self)
        self.model.edit_handler = self._edit

        self.view = QTableView(self)
        self.view.setObjectName("tasksView")
        self.view.setAccessibleName(QCoreApplication.translate("EventEditor", "Aufgaben"))  # its tab's title
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setItemDelegateForColumn(TaskColumn.DUE, DateTimeDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TaskColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        self.view.setColumnWidth(TaskColumn.DONE, metrics.horizontalAdvance("Erledigt____"))
        self.view.setColumnWidth(TaskColumn.DUE, metrics.horizontalAdvance("Mo 29.11.2021 12:00____"))
        self.view.setColumnWidth(TaskColumn.STATE, metrics.horizontalAdvance("bald fällig______"))
        self.view.setToolTip(self.tr("Leertaste: erledigt an/aus · F2: bearbeiten"))

        self.hint = QLabel(self.tr("Fristen der Veranstaltung (Anmeldeschluss, Versand des Zugangslinks) stehen "
                                   "in den Details; hier stehen Ihre eigenen Aufgaben."), self)
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Aufgabe hinzufügen"), self)
        self.remove_button = QPushButton(self.tr("Entfernen"), self)
        self.remove_button.setToolTip(self.tr("Ausgewählte Aufgabe entfernen (Entf)"))
        self.add_button.clicked.connect(self.add_task)
        self.remove_button.clicked.connect(self.delete_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.view, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.done_action = action(self, self.tr("Erledigt"), self._toggle_done, "toggleTaskDone")
        self.done_action.setCheckable(True)
        self.row_actions = install_row_actions(self.view, lambda: self._menu_entries())
        self._update_buttons()

    def _menu_entries(self) -> list[QAction | QPushButton | None]:
        row = self.selected_row()
        self.done_action.setEnabled(row is not None)
        self.done_action.setChecked(row is not None and bool(self.model.row_at(row).done))
        return [self.done_action, None, self.add_button, self.remove_button]

    def _toggle_done(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.model.setData(self.model.index(row, TaskColumn.DONE), not self.model.row_at(row).done,
                               Qt.ItemDataRole.CheckStateRole)

    def set_event(self, event_id: uuid.UUID | None) -> None:
        self._event_id = event_id
        self.reload()

    def reload(self) -> None:
        from odn_desktop.services.event_editing import list_task_rows

        if self._event_id is None or not self.ctx.is_ready:
            self.model.set_rows([])
            self.setEnabled(False)
            return
        event_id = self._event_id
        rows = self.ctx.try_read(lambda s: list_task_rows(s, event_id), self)
        if rows is None:
            self.setEnabled(False)
            return
        self.model.set_rows(rows)
        self.setEnabled(True)
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_task(self, task_id: uuid.UUID, column: int = TaskColumn.TITLE) -> None:
        row = self.model.row_of(task_id)
        if row is not None:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, column),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.selected_row() is not None)

    # -- commands --------------------------------------------------------------------------------------------

    def _edit(self, task_id: uuid.UUID, changes: dict[str, Any]) -> bool:
        from odn_desktop.services import event_editing

        if "done" in changes:
            done = bool(changes["done"])
            return self.ctx.push(ServiceCommand(
                self.ctx, self.tr("Aufgabe erledigt") if done else self.tr("Aufgabe wieder offen"),
                do=lambda s: event_editing.set_task_done(s, task_id, done),
                undo=lambda s, previous: event_editing.restore_task_done(s, task_id, previous),
                kinds=("tasks",),
            ), self)
        return self.ctx.push(ServiceCommand(
            self.ctx, self.tr("Aufgabe ändern"),
            do=lambda s: event_editing.update_task(s, task_id, **changes),
            undo=lambda s, previous: event_editing.update_task(s, task_id, **previous),
            kinds=("tasks",),
        ), self)

    def add_task(self) -> None:
        from odn_desktop.services import event_editing
        from odn_desktop.services.events import get_event
        from odn_desktop.services.tasks import create_task

        if self._event_id is None:
            return
        event_id = self._event_id
        title = self.tr("Neue Aufgabe")
        created: list[uuid.UUID] = []

        def do(s: Session) -> uuid.UUID:
            if created:  # redo: the same task again
                event_editing.restore_task(s, created[0])
                return created[0]
            due = event_editing.default_task_due(get_event(s, event_id).starts_at)
            created.append(create_task(s, title, due, event_id).id)
            return created[0]

        command: ServiceCommand[uuid.UUID] = ServiceCommand(
            self.ctx, self.tr("Aufgabe hinzufügen"), do=do,
            undo=lambda s, task_id: event_editing.delete_task(s, task_id), kinds=("tasks",))
        if self.ctx.push(command, self) and command.result is not None:
            self.select_task(command.result)
            self.view.setFocus()
            self.view.edit(self.view.currentIndex())

    def delete_selected(self) -> None:
        from odn_desktop.services import event_editing

        row = self.selected_row()
        if row is None:
            return
        task = self.model.row_at(row)
        task_id = task.id
        self.ctx.push(ServiceCommand(
            self.ctx, self.tr("Aufgabe „{title}“ entfernen").format(title=task.title),
            do=lambda s: event_editing.delete_task(s, task_id),
            undo=lambda s, _r: event_editing.restore_task(s, task_id),
            kinds=("tasks",),
        ), self)
