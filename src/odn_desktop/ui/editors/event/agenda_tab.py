"""The Programm tab: the agenda in order with derived start times; edit cells, drag or Alt+↑/↓ to reorder.

Every edit, move, addition and removal is one undoable command. Redo of an addition revives the same item
(same id), so later commands on the stack still find it.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
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

from odn_desktop.domain.timezone import to_berlin
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.table_actions import action, install_row_actions
from odn_desktop.ui.infra.undo import ServiceCommand

from .agenda_model import AgendaColumn, AgendaModel, kind_choices
from .delegates import ChoiceDelegate, SpinBoxDelegate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.rows import AgendaRow
    from odn_desktop.ui.infra.context import AppContext


def warning_style() -> str:
    """The banner above the programme (items that end after the event), for the palette in effect now."""
    return (f"QLabel {{ background: {theme.warning_background.css()}; color: {theme.warning_strong_text.css()};"
            f" border: 1px solid {theme.warning_border.css()}; border-radius: 3px; padding: 4px 8px; }}")


FIELD_NAMES = {"duration_minutes": "Dauer", "kind": "Art", "title": "Titel", "speaker_id": "Referent:in"}


class AgendaTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._event_id: uuid.UUID | None = None
        self.warning: str | None = None

        self.model = AgendaModel(self)
        self.model.edit_handler = self._edit
        self.model.move_handler = self._move

        self._build_view()
        self._build_notes()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.view, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.up_button)
        QWidget.setTabOrder(self.up_button, self.down_button)
        self._connect_selection()
        self._build_row_actions()
        self._update_buttons()

    def _build_view(self) -> None:
        """The programme's table: edited in place, rows moved by dragging or Alt+↑/↓."""
        self.view = QTableView(self)
        self.view.setObjectName("agendaView")
        self.view.setAccessibleName(QCoreApplication.translate("EventEditor", "Programm"))  # its tab's title
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        for column, sample in ((AgendaColumn.START, "Beginn"), (AgendaColumn.DURATION, "Dauer (min)"),
                               (AgendaColumn.KIND, "Fragen und Diskussion"),
                               (AgendaColumn.SPEAKER, "Sabine Musterfrau")):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 14)
        self.view.setItemDelegateForColumn(AgendaColumn.DURATION, SpinBoxDelegate(0, 600, " min", self.view))
        self.view.setItemDelegateForColumn(AgendaColumn.KIND, ChoiceDelegate(kind_choices, self.view))
        self.view.setItemDelegateForColumn(AgendaColumn.SPEAKER, ChoiceDelegate(self._speaker_choices, self.view))
        self.view.setToolTip(self.tr("F2 oder Doppelklick bearbeitet eine Zelle; Ziehen oder Alt+↑/↓ verschiebt."))

    def _build_notes(self) -> None:
        """The summary line and the warning banner above the table."""
        self.summary = QLabel(self)
        self.summary.setObjectName("agendaSummary")
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("agendaWarning")
        theme.keep_style(self.warning_label, warning_style)
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()

    def _build_buttons(self) -> QHBoxLayout:
        """Add, remove, up, down (Alt+↑/↓ on the table)."""
        self.add_button = QPushButton(self.tr("Programmpunkt hinzufügen"), self)
        self.remove_button = QPushButton(self.tr("Entfernen"), self)
        self.up_button = QPushButton(self.tr("Nach oben"), self)
        self.down_button = QPushButton(self.tr("Nach unten"), self)
        self.up_button.setToolTip(self.tr("Ausgewählten Programmpunkt nach oben schieben (Alt+↑)"))
        self.down_button.setToolTip(self.tr("Ausgewählten Programmpunkt nach unten schieben (Alt+↓)"))
        self.remove_button.setToolTip(self.tr("Ausgewählten Programmpunkt entfernen (Entf)"))
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        # WidgetShortcut on the view: an open cell editor (e.g. a combo box's Alt+↓) keeps its own keys
        for keys, slot in (("Alt+Up", self.move_up), ("Alt+Down", self.move_down)):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _connect_selection(self) -> None:
        # a mouse click sets the current row first and selects it afterwards, the keyboard does both at once:
        # the buttons follow both signals, so they are right whichever came last
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.layoutChanged.connect(self._update_buttons)

    def _build_row_actions(self) -> None:
        """The table's right-click menu (F2 edits the cell)."""
        self.edit_action = action(self, self.tr("Bearbeiten"), self._edit_current, "editAgendaCell")
        self.edit_action.setShortcut("F2")
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown in the menu; F2 is the view's
        self.row_actions = install_row_actions(self.view, [self.edit_action, self.up_button, self.down_button, None,
                                                           self.add_button, self.remove_button])

    # -- loading ---------------------------------------------------------------------------------------------

    def set_event(self, event_id: uuid.UUID | None) -> None:
        self._event_id = event_id
        self.model.set_rows([])
        self.reload()

    def reload(self) -> None:
        from odn_desktop.services.agenda import agenda_rows
        from odn_desktop.services.events import get_event

        if self._event_id is None or not self.ctx.is_ready:
            self.model.set_rows([])
            self._show(None, None, None)
            self.setEnabled(False)
            return
        event_id = self._event_id

        def load(s: Session) -> tuple[list[AgendaRow], str | None, datetime, datetime]:
            rows, warning = agenda_rows(s, event_id)
            event = get_event(s, event_id)
            return rows, warning, event.starts_at, event.ends_at

        loaded = self.ctx.try_read(load, self)
        if loaded is None:
            self.setEnabled(False)
            return
        rows, warning, starts_at, ends_at = loaded
        self.model.set_rows(rows, ends_at)
        self._show(warning, starts_at, ends_at)
        self.setEnabled(True)
        self._update_buttons()

    def _show(self, warning: str | None, starts_at: datetime | None, ends_at: datetime | None) -> None:
        self.warning = warning
        self.warning_label.setText(f"⚠ {warning}" if warning else "")
        self.warning_label.setVisible(bool(warning))
        if starts_at is None or ends_at is None:
            self.summary.clear()
            return
        rows = self.model.rows()
        end = rows[-1].ends_at if rows else starts_at
        total = sum(r.duration_minutes for r in rows)
        self.summary.setText(self.tr(
            "Zeitfenster {start}–{end} Uhr · Programm: {items}, {minutes}, Ende {agenda_end} Uhr"
        ).format(start=f"{to_berlin(starts_at):%H:%M}", end=f"{to_berlin(ends_at):%H:%M}",
                 items=self.tr("%n Punkte", "", len(rows)), minutes=self.tr("%n Minuten", "", total),
                 agenda_end=f"{to_berlin(end):%H:%M}"))

    def _speaker_choices(self) -> list[tuple[str, Any]]:
        from odn_desktop.services.speakers import list_speaker_rows

        rows = self.ctx.try_read(list_speaker_rows, self) or []
        choices: list[tuple[str, Any]] = [(self.tr("– niemand –"), None)]
        for r in rows:
            label = r.display_name + (f" ({r.organisation})" if r.organisation else "")
            choices.append((label, r.id))
        return choices

    # -- selection -----------------------------------------------------------------------------------------

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return index.row()

    def select_item(self, item_id: uuid.UUID, column: int = AgendaColumn.TITLE) -> None:
        row = self.model.row_of(item_id)
        if row is not None:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, column),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _edit_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    def _update_buttons(self, *_args: object) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        self.edit_action.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < count - 1)

    # -- commands --------------------------------------------------------------------------------------------

    def _edit(self, item_id: uuid.UUID, changes: dict[str, Any]) -> bool:
        from odn_desktop.services import event_editing

        field = next(iter(changes))
        kinds = ("agenda", "speakers") if "speaker_id" in changes else ("agenda",)
        return self.ctx.push(ServiceCommand(
            self.ctx,
            self.tr("Programmpunkt ändern ({field})").format(field=self.tr(FIELD_NAMES.get(field, field))),
            do=lambda s: event_editing.edit_agenda_item(s, item_id, **changes),
            undo=lambda s, edit: event_editing.revert_agenda_edit(s, edit),
            kinds=kinds,
        ), self)

    def _move(self, item_id: uuid.UUID, new_index: int) -> bool:
        from odn_desktop.services import event_editing
        from odn_desktop.services.agenda import move_agenda_item

        def do(s: Session) -> int:
            old = event_editing.agenda_index(s, item_id)
            move_agenda_item(s, item_id, new_index)
            return old

        return self.ctx.push(ServiceCommand(
            self.ctx, self.tr("Programmpunkt verschieben"),
            do=do,
            undo=lambda s, old: move_agenda_item(s, item_id, old),
            kinds=("agenda",),
        ), self)

    def move_up(self) -> None:
        self._move_selected(-1)

    def move_down(self) -> None:
        self._move_selected(+1)

    def _move_selected(self, step: int) -> None:
        row = self.current_row()
        if row is None or not 0 <= row + step < self.model.rowCount():
            return
        column = max(0, self.view.currentIndex().column())
        item_id = self.model.row_at(row).id
        if self._move(item_id, row + step):
            self.select_item(item_id, column)

    def add_item(self) -> None:
        from odn_desktop.services import event_editing
        from odn_desktop.services.agenda import add_agenda_item, delete_agenda_item

        if self._event_id is None:
            return
        event_id = self._event_id
        title = self.tr("Neuer Programmpunkt")
        created: list[uuid.UUID] = []

        def do(s: Session) -> uuid.UUID:
            if created:  # redo: the same item again
                event_editing.restore_agenda_item(s, created[0])
                return created[0]
            item = add_agenda_item(s, event_id, title=title, duration_minutes=15, kind="talk")
            created.append(item.id)
            return item.id

        command: ServiceCommand[uuid.UUID] = ServiceCommand(
            self.ctx, self.tr("Programmpunkt hinzufügen"), do=do,
            undo=lambda s, item_id: delete_agenda_item(s, item_id), kinds=("agenda",))
        if self.ctx.push(command, self) and command.result is not None:
            self.select_item(command.result)
            self.view.setFocus()
            self.view.edit(self.view.currentIndex())

    def delete_selected(self) -> None:
        from odn_desktop.services import event_editing

        row = self.current_row()
        if row is None:
            return
        item = self.model.row_at(row)
        item_id = item.id
        if self.ctx.push(ServiceCommand(
            self.ctx, self.tr("Programmpunkt „{title}“ entfernen").format(title=item.title),
            do=lambda s: event_editing.delete_agenda_item(s, item_id),
            undo=lambda s, index: event_editing.restore_agenda_item(s, item_id, index),
            kinds=("agenda",),
        ), self) and self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))
