"""Referent:innen: every speaker in a searchable list, edited in the form beside it.

Every change is one undoable command: an edit (undo writes the old values back), a new speaker (undo deletes
it), a deletion (undo restores the speaker with all event and agenda links, which stay stored).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from odn_desktop.ui.editors.person_forms import (
    SALUTATIONS,
    PersonEditor,
    fill_combo,
    name_column,
    text_column,
)
from odn_desktop.ui.generated.ui_speaker_form import Ui_SpeakerForm
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.models.snapshot_model import ColumnSpec
from odn_desktop.ui.pages.person_list_page import PersonListPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.people import SpeakerEntry
    from odn_desktop.ui.infra.context import AppContext

#: data a speaker edit touches: names appear in event rows and agenda items too
SPEAKER_KINDS = ("speakers", "agenda", "events")


class SpeakerEditor(PersonEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        form = QWidget()
        self.ui = Ui_SpeakerForm()
        self.ui.setupUi(form)
        ui = self.ui
        fill_combo(ui.salutationCombo, SALUTATIONS)
        super().__init__(
            form,
            {
                "salutation": ui.salutationCombo,
                "academic_title": ui.academicTitleEdit,
                "first_name": ui.firstNameEdit,
                "last_name": ui.lastNameEdit,
                "role": ui.roleEdit,
                "organisation": ui.organisationEdit,
                "bio": ui.bioEdit,
                "email": ui.emailEdit,
                "phone": ui.phoneEdit,
            },
            heading=ui.headingLabel,
            save_button=ui.saveButton,
            revert_button=ui.revertButton,
            dirty_label=ui.dirtyLabel,
            errors={"last_name": ui.lastNameError, "email": ui.emailError},
            email_required=False,
            parent=parent,
        )


class SpeakersPage(PersonListPage):
    KINDS = ("speakers", "events", "agenda")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        columns: list[ColumnSpec[SpeakerEntry]] = [
            name_column(self.tr("Name")),
            text_column(self.tr("Organisation"), lambda r: r.organisation, tooltip=True),
            ColumnSpec(
                title=self.tr("Veranstaltungen"),
                display=lambda r: str(len(r.events)),
                sort_key=lambda r: len(r.events),
                align_right=True,
                tooltip=lambda r: "\n".join(r.events) or self.tr("Noch bei keiner Veranstaltung eingetragen."),
            ),
            text_column(self.tr("Funktion / Rolle"), lambda r: r.role, tooltip=True),
            text_column(self.tr("E-Mail"), lambda r: r.email),
        ]
        super().__init__(ctx, columns, SpeakerEditor(), parent)
        self.setObjectName("SpeakersPage")
        self.table.setAccessibleName(QCoreApplication.translate("Workspace", "Referent:innen"))  # the page's title
        self.search_edit.setPlaceholderText(self.tr("Name, Organisation, Funktion oder Veranstaltung …"))

        self.new_button = QPushButton(self.tr("&Neu"))
        self.new_button.setObjectName("newSpeakerButton")
        self.new_button.setToolTip(self.tr("Neue Referentin oder neuen Referenten anlegen"))
        self.new_button.clicked.connect(self.new_speaker)
        self.delete_button = QPushButton(self.tr("L&öschen"))
        self.delete_button.setObjectName("deleteSpeakerButton")
        self.delete_button.setToolTip(self.tr("Ausgewählte Person löschen (Entf; rückgängig mit Strg+Z)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.tool_row.addWidget(self.new_button)
        self.tool_row.addWidget(self.delete_button)
        self.row_entries = [self.new_button, self.delete_button]

        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 200, 115, 200)):
            header.resizeSection(column, width)

        self.events_label = QLabel()
        self.events_label.setObjectName("speakerEventsLabel")
        self.events_label.setWordWrap(True)
        self.events_label.setTextFormat(Qt.TextFormat.PlainText)
        self.right_layout.addWidget(self.events_label)

        ui = self.speaker_editor.ui
        for first, second in (
            (self.search_edit, self.new_button),
            (self.new_button, self.delete_button),
            (self.delete_button, self.table),
            (self.table, ui.salutationCombo),
        ):
            QWidget.setTabOrder(first, second)
        self._update_actions()

    @property
    def speaker_editor(self) -> SpeakerEditor:
        assert isinstance(self.editor, SpeakerEditor)
        return self.editor

    # -- data ----------------------------------------------------------------------------------------------

    def fetch_rows(self, session: Session) -> list[SpeakerEntry]:
        from odn_desktop.services.people import list_speaker_entries

        return list_speaker_entries(session)

    def fetch_values(self, row_id: uuid.UUID) -> dict[str, Any] | None:
        entry = next((r for r in self.model.all_rows() if r.id == row_id), None)
        return None if entry is None else entry.values()

    def count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{shown} von %n Referent:innen", "", total).format(shown=shown)
        return self.tr("%n Referent:innen", "", total)

    def on_shown(self, row_id: uuid.UUID | None) -> None:
        self._update_actions()
        entry = next((r for r in self.model.all_rows() if r.id == row_id), None)
        if entry is None:
            self.events_label.setText("")
        elif entry.events:
            self.events_label.setText(self.tr("Veranstaltungen: {events}").format(events="; ".join(entry.events)))
        else:
            self.events_label.setText(self.tr("Noch bei keiner Veranstaltung eingetragen."))

    def _update_actions(self) -> None:
        self.delete_button.setEnabled(self.current_id is not None and not self.editor.is_new)

    # -- commands ------------------------------------------------------------------------------------------

    def save_existing(self, row_id: uuid.UUID, changes: dict[str, Any]) -> bool:
        from odn_desktop.services import people, speakers

        fields = sorted(changes)

        def do(session: Session) -> dict[str, str]:
            old = people.speaker_values(session, row_id)
            speakers.update_speaker(session, row_id, **changes)
            return old

        def undo(session: Session, old: dict[str, str]) -> None:
            speakers.update_speaker(session, row_id, **{name: old[name] for name in fields})

        name = self.heading_for(self.editor.values())
        text = self.tr("Referent:in „{name}“ bearbeiten").format(name=name)
        return self.ctx.push(ServiceCommand(self.ctx, text, do=do, undo=undo, kinds=SPEAKER_KINDS), self)

    def save_new(self, values: dict[str, Any]) -> uuid.UUID | None:
        from odn_desktop.services import people, speakers

        fields = {k: v for k, v in values.items() if k != "last_name"}
        created: list[uuid.UUID] = []

        def do(session: Session) -> uuid.UUID:
            if created:  # redo after undo: the same person comes back (same id, so links made later still fit)
                people.restore_speaker(session, created[0])
                return created[0]
            speaker = speakers.create_speaker(session, last_name=values["last_name"], **fields)
            created.append(speaker.id)
            return speaker.id

        def undo(session: Session, speaker_id: uuid.UUID) -> None:
            people.delete_speaker(session, speaker_id)

        text = self.tr("Referent:in „{name}“ anlegen").format(name=self.heading_for(values))
        command = ServiceCommand(self.ctx, text, do=do, undo=undo, kinds=SPEAKER_KINDS)
        if not self.ctx.push(command, self):
            return None
        return created[0]

    def new_speaker(self) -> None:
        """An empty form; Speichern (Ctrl+S) creates the speaker."""
        if self.begin_new(self.tr("Neue:r Referent:in")):
            self._update_actions()
            self.speaker_editor.ui.firstNameEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_selected(self) -> None:
        if self.editor.is_new:
            self.discard_changes()
            return
        row_id = self.current_id
        if row_id is None:
            return
        from odn_desktop.services import people

        position = self.model.row_of(row_id)
        name = self.heading_for(self.editor.values()) or self.tr("ohne Namen")
        text = self.tr("Referent:in „{name}“ löschen").format(name=name)
        command = ServiceCommand(
            self.ctx, text,
            do=lambda s: people.delete_speaker(s, row_id),
            undo=lambda s, _id: people.restore_speaker(s, row_id),
            kinds=SPEAKER_KINDS,
        )
        self.editor.load(None)  # the edits of a deleted person are gone with it (undo brings the stored state)
        if not self.ctx.push(command, self):
            self._show(row_id)
            return
        self.reload_after_removal(position)
        self.ctx.status_message.emit(self.tr("„{name}“ gelöscht – rückgängig mit Strg+Z.").format(name=name))

    def reload_after_removal(self, position: int | None) -> None:
        """Reload and show the row that took the removed one's place (or the one before it)."""
        visible = self.model.visible_rows()
        if position is not None:
            neighbours = [*visible[position + 1:], *reversed(visible[:position])]
            self._current_id = neighbours[0].id if neighbours else None
        self.reload()

    def heading_for(self, values: Mapping[str, Any]) -> str:
        return super().heading_for(values) or self.tr("Referent:in ohne Namen")
