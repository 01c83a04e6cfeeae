"""The Referent:innen tab: who speaks at this event; add a known speaker, create one quickly, remove one."""

from __future__ import annotations

import itertools
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.names import german_sort_key, person_sort_key
from odn_desktop.services.rows import SpeakerRow
from odn_desktop.ui.infra.table_actions import install_row_actions
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.models.snapshot_model import ColumnSpec, SnapshotTableModel

#: lupdate finds ``translate("Context", "text")`` calls by this name
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.ui.infra.context import AppContext


def _name_key(row: SpeakerRow) -> Any:
    return person_sort_key(row.last_name, row.first_name)  # DIN 5007-2, as every list of people



def speaker_columns() -> list[ColumnSpec[SpeakerRow]]:
    return [
        ColumnSpec(translate("EventSpeakersTab", "Name"), lambda r: r.display_name, _name_key),
        ColumnSpec(translate("EventSpeakersTab", "Organisation"), lambda r: r.organisation,
                   lambda r: german_sort_key(r.organisation)),
        ColumnSpec(translate("EventSpeakersTab", "Funktion"), lambda r: r.role, lambda r: german_sort_key(r.role),
                   tooltip=lambda r: r.role or None),
        ColumnSpec(translate("EventSpeakersTab", "E-Mail"), lambda r: r.email, lambda r: r.email.casefold()),
    ]


class EventSpeakersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._event_id: uuid.UUID | None = None
        self._all: list[SpeakerRow] = []

        self.model: SnapshotTableModel[SpeakerRow] = SnapshotTableModel(speaker_columns(), self)
        self._build_view()
        self._build_known_person_row()
        self._build_new_person_row()
        add_box = self._build_add_box()

        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(add_box)
        chain = [self.view, self.remove_button, self.existing_combo, self.add_button, self.first_name,
                 self.last_name, self.organisation, self.create_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.row_actions = install_row_actions(self.view, [self.remove_button])
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _build_view(self) -> None:
        """The event's speakers and the button that takes one off the event."""
        self.view = QTableView(self)
        self.view.setObjectName("eventSpeakersView")
        self.view.setTabKeyNavigation(False)  # the arrows move in it, Tab leaves it
        self.view.setAccessibleName(translate("EventEditor", "Referent:innen"))  # its tab's title
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        self.view.setColumnWidth(0, metrics.horizontalAdvance("Dr. Sabine Musterfrau__"))
        self.view.setColumnWidth(1, metrics.horizontalAdvance("Landeshauptstadt Düsseldorf__"))
        self.view.setColumnWidth(3, metrics.horizontalAdvance("vorname.nachname@kommune.de"))
        self.remove_button = QPushButton(self.tr("Von der Veranstaltung entfernen"), self)
        self.remove_button.setToolTip(self.tr("Die Person bleibt in der Liste aller Referent:innen (Entf)"))
        self.remove_button.clicked.connect(self.delete_selected)

    def _build_known_person_row(self) -> None:
        # add someone known
        self.existing_combo = QComboBox(self)
        self.existing_combo.setObjectName("existingSpeakerCombo")
        self.existing_combo.setEditable(True)
        self.existing_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo_edit = self.existing_combo.lineEdit()
        assert combo_edit is not None
        combo_edit.setPlaceholderText(self.tr("Name oder Organisation tippen …"))
        completer = QCompleter(self.existing_combo.model(), self.existing_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.existing_combo.setCompleter(completer)
        self.add_button = QPushButton(self.tr("Hinzufügen"), self)
        self.add_button.clicked.connect(self.add_selected_existing)
        combo_edit.returnPressed.connect(self.add_selected_existing)

    def _build_new_person_row(self) -> None:
        # or create someone new
        self.first_name = QLineEdit(self)
        self.first_name.setPlaceholderText(self.tr("Vorname"))
        self.last_name = QLineEdit(self)
        self.last_name.setPlaceholderText(self.tr("Nachname"))
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText(self.tr("Organisation"))
        self.create_button = QPushButton(self.tr("Neu anlegen"), self)
        self.create_button.clicked.connect(self.create_new)
        for edit in (self.first_name, self.last_name, self.organisation):
            edit.returnPressed.connect(self.create_new)
        self.last_name.textChanged.connect(self._update_buttons)

    def _build_add_box(self) -> QGroupBox:
        """The box "Referent:in hinzufügen": a known person (first line) or a new one (second line)."""
        add_box = QGroupBox(self.tr("Referent:in hinzufügen"), self)
        grid = QGridLayout(add_box)
        grid.addWidget(QLabel(self.tr("Bekannte Person:"), add_box), 0, 0)
        grid.addWidget(self.existing_combo, 0, 1, 1, 3)
        grid.addWidget(self.add_button, 0, 4)
        grid.addWidget(QLabel(self.tr("Neue Person:"), add_box), 1, 0)
        grid.addWidget(self.first_name, 1, 1)
        grid.addWidget(self.last_name, 1, 2)
        grid.addWidget(self.organisation, 1, 3)
        grid.addWidget(self.create_button, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 2)
        return add_box

    # -- loading ---------------------------------------------------------------------------------------------

    def set_event(self, event_id: uuid.UUID | None) -> None:
        self._event_id = event_id
        self.reload()

    def reload(self) -> None:
        from odn_desktop.services.speakers import list_speaker_rows

        if self._event_id is None or not self.ctx.is_ready:
            self.model.set_rows([])
            self.setEnabled(False)
            return
        event_id = self._event_id
        loaded = self.ctx.try_read(lambda s: (list_speaker_rows(s, event_id), list_speaker_rows(s)), self)
        if loaded is None:
            self.setEnabled(False)
            return
        mine, everyone = loaded
        selected = self.selected_speaker()
        self.model.set_rows(mine)
        if selected is not None and (row := self.model.row_of(selected.id)) is not None:
            self.view.selectRow(row)
        on_event = {r.id for r in mine}
        self._all = [r for r in everyone if r.id not in on_event]
        text = self.existing_combo.currentText() if self.existing_combo.currentIndex() < 0 else ""
        self.existing_combo.clear()
        for r in self._all:
            label = r.display_name + (f" ({r.organisation})" if r.organisation else "")
            self.existing_combo.addItem(label, r.id)
        self.existing_combo.setCurrentIndex(-1)
        self.existing_combo.setEditText(text)
        self.setEnabled(True)
        self._update_buttons()

    def selected_speaker(self) -> SpeakerRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.selected_speaker() is not None)
        self.add_button.setEnabled(self.existing_combo.count() > 0)
        self.create_button.setEnabled(bool(self.last_name.text().strip()))

    # -- commands --------------------------------------------------------------------------------------------

    def _chosen_existing(self) -> uuid.UUID | None:
        combo = self.existing_combo
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        if index < 0 and combo.currentIndex() >= 0 and combo.itemText(combo.currentIndex()) == text:
            index = combo.currentIndex()
        if index < 0:
            return None
        value = combo.itemData(index)
        return value if isinstance(value, uuid.UUID) else None

    def add_existing(self, speaker_id: uuid.UUID) -> bool:
        from odn_desktop.services import event_editing
        from odn_desktop.services.speakers import remove_speaker_from_event

        if self._event_id is None:
            return False
        event_id = self._event_id
        name = next((r.display_name for r in self._all if r.id == speaker_id), "")
        return self.ctx.push(ServiceCommand(
            self.ctx, self.tr("Referent:in {name} hinzufügen").format(name=name),
            do=lambda s: event_editing.add_existing_speaker(s, event_id, speaker_id),
            undo=lambda s, _r: remove_speaker_from_event(s, event_id, speaker_id),
            kinds=("speakers",),
        ), self)

    def add_selected_existing(self) -> None:
        speaker_id = self._chosen_existing()
        if speaker_id is not None and self.add_existing(speaker_id):
            self.existing_combo.setEditText("")
            if (row := self.model.row_of(speaker_id)) is not None:
                self.view.selectRow(row)

    def create_new(self) -> None:
        from odn_desktop.services import event_editing

        if self._event_id is None or not self.last_name.text().strip():
            return
        event_id = self._event_id
        first, last, org = (e.text().strip() for e in (self.first_name, self.last_name, self.organisation))
        created: list[uuid.UUID] = []

        def do(s: Session) -> uuid.UUID:
            if created:  # redo: the same person again
                event_editing.revive_new_speaker(s, event_id, created[0])
                return created[0]
            created.append(event_editing.create_speaker_for_event(
                s, event_id, first_name=first, last_name=last, organisation=org))
            return created[0]

        command: ServiceCommand[uuid.UUID] = ServiceCommand(
            self.ctx, self.tr("Referent:in {name} anlegen").format(name=f"{first} {last}".strip()),
            do=do, undo=lambda s, speaker_id: event_editing.withdraw_new_speaker(s, event_id, speaker_id),
            kinds=("speakers",))
        if self.ctx.push(command, self):
            for edit in (self.first_name, self.last_name, self.organisation):
                edit.clear()
            if command.result is not None and (row := self.model.row_of(command.result)) is not None:
                self.view.selectRow(row)

    def delete_selected(self) -> None:
        from odn_desktop.services.speakers import add_speaker_to_event, remove_speaker_from_event

        speaker = self.selected_speaker()
        if speaker is None or self._event_id is None:
            return
        event_id, speaker_id = self._event_id, speaker.id
        self.ctx.push(ServiceCommand(
            self.ctx, self.tr("Referent:in {name} entfernen").format(name=speaker.display_name),
            do=lambda s: remove_speaker_from_event(s, event_id, speaker_id),
            undo=lambda s, _r: add_speaker_to_event(s, event_id, speaker_id),
            kinds=("speakers",),
        ), self)
