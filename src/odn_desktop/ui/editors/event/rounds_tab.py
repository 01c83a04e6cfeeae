"""The Runden tab: the event's parallel rounds with their own seats, and whether registering without one is allowed.

Every change (add, edit, remove, move, the "ohne Runde" option) is one undoable command over
``services.round_views``, which takes the event's seat snapshot first. A round with people in it is not removed:
the service refuses with its German message, shown as it is. A round over its limit (its capacity lowered below the
seats already given) is named above the table until cancellations or more seats resolve it. The dialog is behind
``run_dialog`` (tests replace it).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.table_actions import install_row_actions
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.widgets.seat_gauge import over_limit_text

from .round_dialog import RoundDialog, RoundValues
from .rounds_model import RoundColumn, RoundGaugeDelegate, RoundsModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.round_views import RoundEdit, RoundsOverview
    from odn_desktop.ui.infra.context import AppContext

#: what a round change touches: the event's seats and every registrant list
KINDS = ("events", "registrations")


def run_dialog(dialog: QDialog) -> bool:
    """Show the round dialog modally; True when accepted. Replaced in tests."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_round(parent: QWidget | None, initial: RoundValues | None = None) -> RoundValues | None:
    dialog = RoundDialog(initial, parent)
    try:
        return dialog.value() if run_dialog(dialog) else None
    finally:
        dialog.deleteLater()


class RoundsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoundsTab")
        self.ctx = ctx
        self._event_id: uuid.UUID | None = None
        self._overview: RoundsOverview | None = None
        self.model = RoundsModel(self)

        self._build_notes()
        self._build_view()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.optional_check)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        previous: QWidget = self.optional_check
        for widget in (self.view, self.add_button, self.edit_button, self.remove_button, self.up_button,
                       self.down_button):
            QWidget.setTabOrder(previous, widget)
            previous = widget
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.row_actions = install_row_actions(self.view, [self.edit_button, self.up_button, self.down_button, None,
                                                           self.add_button, self.remove_button])
        self.model.modelReset.connect(self._update_buttons)
        self._show_overview()

    def _build_notes(self) -> None:
        """The explanation, "Anmeldung ohne Runde erlaubt" and the warning when rounds exceed the seats."""
        self.hint = QLabel(self.tr("Parallele Runden teilen das Treffen in Gruppen mit eigenen Plätzen (z. B. zwei "
                                   "Themen zur selben Zeit). Wer sich anmeldet, wählt eine Runde; die Plätze der "
                                   "Veranstaltung gelten zusätzlich."), self)
        self.hint.setWordWrap(True)
        self.optional_check = QCheckBox(self.tr("Anmeldung &ohne Runde erlaubt"), self)
        self.optional_check.setObjectName("roundsOptional")
        self.optional_check.setToolTip(self.tr("Wer keine Runde wählt, zählt nur gegen die Plätze der Veranstaltung."))
        self.optional_check.clicked.connect(self._on_optional_clicked)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("roundsOverLimit")
        self.warning_label.setWordWrap(True)
        theme.keep_style(self.warning_label, lambda: theme.text_style(theme.problem_text, "600"))

    def _build_view(self) -> None:
        """The rounds with their seat gauges (Enter or double click edits one)."""
        self.view = QTableView(self)
        self.view.setObjectName("roundsView")
        self.view.setAccessibleName(QCoreApplication.translate("EventEditor", "Runden"))  # its tab's title
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)  # a long title or description wraps (a few rounds: rows fit their text)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 14)
        self.view.setItemDelegateForColumn(RoundColumn.SEATS, RoundGaugeDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(RoundColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.view.fontMetrics().horizontalAdvance("Nr.") + 16)
        self.view.setToolTip(self.tr("Enter oder Doppelklick: Runde bearbeiten · Entf: entfernen"))
        self.view.activated.connect(self._on_activated)

    def _build_buttons(self) -> QHBoxLayout:
        """Add, edit, remove, up, down."""
        self.add_button = QPushButton(self.tr("Runde hin&zufügen …"), self)
        self.add_button.setObjectName("addRound")
        self.edit_button = QPushButton(self.tr("Bearbei&ten …"), self)
        self.edit_button.setObjectName("editRound")
        self.remove_button = QPushButton(self.tr("&Entfernen"), self)
        self.remove_button.setObjectName("removeRound")
        self.remove_button.setToolTip(self.tr("Ausgewählte Runde entfernen (Entf); nur ohne Anmeldungen möglich"))
        self.up_button = QPushButton(self.tr("&Nach oben"), self)
        self.up_button.setObjectName("roundUp")
        self.down_button = QPushButton(self.tr("Nach &unten"), self)
        self.down_button.setObjectName("roundDown")
        self.add_button.clicked.connect(self.add_round)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    # -- loading -------------------------------------------------------------------------------------------

    @property
    def event_id(self) -> uuid.UUID | None:
        return self._event_id

    @property
    def overview(self) -> RoundsOverview | None:
        return self._overview

    def set_event(self, event_id: uuid.UUID | None) -> None:
        self._event_id = event_id
        self.reload()

    def reload(self) -> None:
        from odn_desktop.domain.errors import UserError
        from odn_desktop.services.round_views import rounds_overview

        self._overview = None
        if self._event_id is not None and self.ctx.is_ready:
            event_id = self._event_id
            try:
                self._overview = self.ctx.read(lambda s: rounds_overview(s, event_id))
            except UserError:  # the event was deleted meanwhile; the editor closes it
                self._overview = None
        self._show_overview()

    def _show_overview(self) -> None:
        overview = self._overview
        selected = self.selected_round()
        self.setEnabled(overview is not None)
        if overview is None:
            self.model.set_rows([])
            self.warning_label.hide()
            return
        self.model.set_rows(overview.rounds, [p.round_id for p in overview.over_limit if p.round_id is not None])
        self.optional_check.setChecked(overview.rounds_optional)
        self.optional_check.setEnabled(bool(overview.rounds) or overview.rounds_optional)
        over = [over_limit_text(p, with_event=False) for p in overview.over_limit]
        self.warning_label.setText("\n".join(over))
        self.warning_label.setVisible(bool(over))
        self._fit_columns()
        if selected is not None:
            self.select_round(selected.id)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Order, seats and gauge as wide as their content, the title up to a third of the table; the description
        takes what is left (and is hidden while no round has one: the tooltip of a round shows it in full)."""
        view, metrics = self.view, self.view.fontMetrics()
        rows = self.model.rows()
        pad = metrics.horizontalAdvance("M") + 12
        view.setColumnHidden(RoundColumn.DESCRIPTION, not any(r.description for r in rows))

        def widest(texts: list[str]) -> int:
            return max((metrics.horizontalAdvance(t) for t in texts), default=0) + pad

        header = self.model.headerData
        view.setColumnWidth(RoundColumn.ORDER, widest([header(RoundColumn.ORDER, Qt.Orientation.Horizontal),
                                                       str(len(rows))]))
        view.setColumnWidth(RoundColumn.TITLE, min(max(140, view.viewport().width() // 3),
                                                   widest([r.title for r in rows] + ["Runde"])))
        view.setColumnWidth(RoundColumn.CAPACITY, widest([self.model.capacity_text(r) for r in rows] + ["Plätze"]))
        gauge = widest([self.model.seats_text(r) for r in rows] + ["0/0 voll"])
        view.setColumnWidth(RoundColumn.SEATS, gauge + RoundGaugeDelegate.BAR_WIDTH + 8)
        view.resizeRowsToContents()
        for row in range(len(rows)):  # some air above and below wrapped text
            view.setRowHeight(row, view.rowHeight(row) + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    # -- selection -----------------------------------------------------------------------------------------

    def selected_round(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_round(self, round_id: uuid.UUID) -> None:
        row = self.model.row_of(round_id)
        if row is not None:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, RoundColumn.TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _update_buttons(self, *_args: object) -> None:
        selected = self.selected_round()
        row = self.model.row_of(selected.id) if selected is not None else None
        self.edit_button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < self.model.rowCount() - 1)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_selected()

    # -- commands --------------------------------------------------------------------------------------------

    def add_round(self) -> bool:
        from odn_desktop.services import round_views

        if self._event_id is None:
            return False
        values = ask_round(self)
        if values is None:
            return False
        event_id = self._event_id
        created: list[RoundEdit] = []

        def do(s: Session) -> RoundEdit:
            if created:  # redo: the same round again
                return round_views.redo_create_round(s, created[0])
            created.append(round_views.create_round(s, event_id, title=values.title, capacity=values.capacity,
                                                    description=values.description))
            return created[0]

        command: ServiceCommand[RoundEdit] = ServiceCommand(
            self.ctx, self.tr("Runde „{title}“ hinzufügen").format(title=values.title), do=do,
            undo=round_views.undo_create_round, kinds=KINDS)
        if not self.ctx.push(command, self) or command.result is None:
            return False
        self.select_round(command.result.round_id)
        self.view.setFocus()
        return True

    def edit_selected(self) -> bool:
        from odn_desktop.services import round_views

        row = self.selected_round()
        if row is None or self._event_id is None:
            return False
        initial = RoundValues(row.title, row.description, row.capacity)
        values = ask_round(self, initial)
        if values is None or values == initial:
            return False
        event_id, round_id = self._event_id, row.id
        command: ServiceCommand[RoundEdit] = ServiceCommand(
            self.ctx, self.tr("Runde „{title}“ ändern").format(title=values.title),
            do=lambda s: round_views.edit_round(s, event_id, round_id, title=values.title,
                                                capacity=values.capacity, description=values.description),
            undo=round_views.revert_round_edit, kinds=KINDS, on_done=self._report)
        return self.ctx.push(command, self)

    def _report(self, edit: RoundEdit) -> None:
        if edit.promoted:
            context.show_information(
                self, self.tr("Von der Warteliste nachgerückt"),
                self.tr("Durch die zusätzlichen Plätze sind nachgerückt: {names}.\n"
                        "Bitte informieren Sie die Nachgerückten.").format(names=", ".join(edit.promoted)))
        for pool in edit.over_limit:
            self.ctx.status_message.emit(over_limit_text(pool))

    def delete_selected(self) -> bool:
        """Remove the selected round (undoable); refused with the service's message while people are in it."""
        from odn_desktop.services import round_views

        row = self.selected_round()
        if row is None or self._event_id is None:
            return False
        event_id, round_id = self._event_id, row.id
        return self.ctx.push(ServiceCommand(
            self.ctx, self.tr("Runde „{title}“ entfernen").format(title=row.title),
            do=lambda s: round_views.delete_round(s, event_id, round_id),
            undo=round_views.undo_delete_round, kinds=KINDS), self)

    def move_selected(self, step: int) -> bool:
        from odn_desktop.services import round_views

        row = self.selected_round()
        if row is None or self._event_id is None:
            return False
        event_id, round_id = self._event_id, row.id
        text = self.tr("Runde „{title}“ nach oben") if step < 0 else self.tr("Runde „{title}“ nach unten")
        done = self.ctx.push(ServiceCommand(
            self.ctx, text.format(title=row.title),
            do=lambda s: round_views.move_round(s, event_id, round_id, step),
            undo=round_views.restore_round_order, kinds=KINDS), self)
        self.select_round(round_id)
        return done

    def set_optional(self, optional: bool) -> bool:
        from odn_desktop.services import round_views

        if self._event_id is None:
            return False
        event_id = self._event_id
        text = self.tr("Anmeldung ohne Runde erlauben") if optional else self.tr("Runde bei der Anmeldung verlangen")
        done = self.ctx.push(ServiceCommand(
            self.ctx, text, do=lambda s: round_views.set_rounds_optional(s, event_id, optional),
            undo=round_views.undo_rounds_optional, kinds=KINDS), self)
        if not done:
            self.reload()
        return done

    def _on_optional_clicked(self, checked: bool) -> None:
        self.set_optional(checked)


__all__ = ["KINDS", "RoundsTab", "ask_round", "run_dialog"]
