"""Kontakte: every registrant as one person across events, with their registrations, edited beside the list.

Two duplicates (the same person with a work and a private address) are merged: select both rows,
"Zusammenführen…", pick the one to keep in ``choose_contact_to_keep`` (a dialog tests replace). The merge and
every edit are undoable; undoing a merge puts both contacts, their registrations and the seats back exactly
(``services.people.restore_merge``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.services.rows import REGISTRATION_STATUS_LABELS
from odn_desktop.ui.editors.person_forms import (
    EXPERIENCE_LEVELS,
    FEDERAL_STATES,
    SALUTATIONS,
    PersonEditor,
    fill_combo,
    name_column,
    text_column,
)
from odn_desktop.ui.generated.ui_contact_form import Ui_ContactForm
from odn_desktop.ui.infra.dates import display_date
from odn_desktop.ui.infra.table_actions import action, install_row_actions
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.models.snapshot_model import ColumnSpec, SnapshotTableModel
from odn_desktop.ui.pages.person_list_page import PersonListPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.contact_directory import ContactRegistrationRow, ContactRow
    from odn_desktop.ui.infra.context import AppContext

#: an edit changes names in registration lists; a merge moves registrations and may move up waiting people
CONTACT_KINDS = ("contacts", "registrations")
MERGE_KINDS = ("contacts", "registrations", "events")


translate = QCoreApplication.translate

# Only for pyside6-lupdate: the registration statuses (services.rows) reach translate() through a variable.
_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("ContactsPage", "Angemeldet"),
    QT_TRANSLATE_NOOP("ContactsPage", "Warteliste"),
    QT_TRANSLATE_NOOP("ContactsPage", "Storniert"),
)


# -- choosing which contact to keep ------------------------------------------------------------------------


class KeepContactDialog(QDialog):
    """Both contacts side by side; the coordinator picks the one whose data and address stay."""

    def __init__(self, a: ContactRow, b: ContactRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeepContactDialog")
        self.setWindowTitle(self.tr("Kontakte zusammenführen"))
        self._ids = (a.id, b.id)
        intro = QLabel(self.tr(
            "Welcher Kontakt soll bleiben? Seine Angaben und seine E-Mail-Adresse werden behalten, leere Felder "
            "aus dem anderen Kontakt ergänzt. Die Anmeldungen des anderen Kontakts werden übernommen (je "
            "Veranstaltung bleibt eine), danach wird er entfernt. Rückgängig mit Strg+Z."
        ))
        intro.setWordWrap(True)
        self.choices: list[QRadioButton] = []
        self._group = QButtonGroup(self)  # the radio buttons sit in different boxes: exclusive by group
        boxes = QHBoxLayout()
        for number, row in enumerate((a, b), start=1):
            box = QGroupBox()
            form = QFormLayout(box)
            radio = QRadioButton(self.tr("&{number}: diesen Kontakt behalten").format(number=number))
            radio.setObjectName(f"keepRadio{number}")
            self.choices.append(radio)
            self._group.addButton(radio)
            form.addRow(radio)
            for label, value in (
                (self.tr("Name:"), " ".join(p for p in (row.salutation, row.display_name) if p)),
                (self.tr("E-Mail:"), row.email),
                (self.tr("Organisation:"), row.organisation),
                (self.tr("Kommune:"), row.municipality),
                (self.tr("Bundesland:"), row.federal_state),
                (self.tr("Funktion:"), row.role),
                (self.tr("Anmeldungen:"), str(row.registrations)),
            ):
                text = QLabel(value or "–")
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(label, text)
            boxes.addWidget(box, 1)
        # the contact with more history is the likelier one to keep
        self.choices[0 if a.registrations >= b.registrations else 1].setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Zusammenführen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(boxes)
        layout.addWidget(buttons)
        self.resize(720, self.sizeHint().height())

    def chosen(self) -> uuid.UUID:
        return self._ids[0] if self.choices[0].isChecked() else self._ids[1]


def choose_contact_to_keep(parent: QWidget | None, a: ContactRow, b: ContactRow) -> uuid.UUID | None:
    """The id of the contact to keep, or None when cancelled. Replaced in tests."""
    dialog = KeepContactDialog(a, b, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


# -- the editor --------------------------------------------------------------------------------------------


class ContactEditor(PersonEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        form = QWidget()
        self.ui = Ui_ContactForm()
        self.ui.setupUi(form)
        ui = self.ui
        fill_combo(ui.salutationCombo, SALUTATIONS)
        fill_combo(ui.federalStateCombo, ("", *FEDERAL_STATES))
        fill_combo(ui.experienceCombo, EXPERIENCE_LEVELS)
        super().__init__(
            form,
            {
                "salutation": ui.salutationCombo,
                "academic_title": ui.academicTitleEdit,
                "first_name": ui.firstNameEdit,
                "last_name": ui.lastNameEdit,
                "email": ui.emailEdit,
                "organisation": ui.organisationEdit,
                "municipality": ui.municipalityEdit,
                "federal_state": ui.federalStateCombo,
                "role": ui.roleEdit,
                "experience_level": ui.experienceCombo,
                "consent_contact": ui.consentCheck,
                "notes": ui.notesEdit,
            },
            heading=ui.headingLabel,
            save_button=ui.saveButton,
            revert_button=ui.revertButton,
            dirty_label=ui.dirtyLabel,
            errors={"last_name": ui.lastNameError, "email": ui.emailError},
            email_required=True,
            parent=parent,
        )


def registration_columns() -> list[ColumnSpec[ContactRegistrationRow]]:
    return [
        ColumnSpec(title=translate("ContactsPage", "Datum"), display=lambda r: display_date(r.starts_at),
                   sort_key=lambda r: r.starts_at.timestamp()),
        text_column(translate("ContactsPage", "Veranstaltung"), lambda r: r.event_title, tooltip=True),
        ColumnSpec(title=translate("ContactsPage", "Status"),
                   display=lambda r: translate("ContactsPage", REGISTRATION_STATUS_LABELS.get(r.status, r.status)),
                   sort_key=lambda r: list(REGISTRATION_STATUS_LABELS).index(r.status)
                   if r.status in REGISTRATION_STATUS_LABELS else len(REGISTRATION_STATUS_LABELS)),
        ColumnSpec(title=translate("ContactsPage", "Teilnahme"),
                   display=lambda r: (translate("ContactsPage", "ja") if r.attended
                                      else translate("ContactsPage", "nein")),
                   sort_key=lambda r: r.attended),
    ]


# -- the page ----------------------------------------------------------------------------------------------


class ContactsPage(PersonListPage):
    KINDS = ("contacts", "registrations", "events")

    #: a registration in the contact's list was activated: (event id, tab name of the event editor)
    open_event_requested = Signal(object, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        columns: list[ColumnSpec[ContactRow]] = [
            name_column(self.tr("Name")),
            text_column(self.tr("E-Mail"), lambda r: r.email, tooltip=True),
            text_column(self.tr("Organisation"), lambda r: r.organisation, tooltip=True),
            ColumnSpec(title=self.tr("Anmeldungen"), display=lambda r: str(r.registrations),
                       sort_key=lambda r: r.registrations, align_right=True),
            # the Kommune is mostly part of the organisation ("Stadt Münster"); it is searched and edited
            text_column(self.tr("Bundesland"), lambda r: r.federal_state, tooltip=True),
        ]
        super().__init__(ctx, columns, ContactEditor(), parent)
        self.setObjectName("ContactsPage")
        self.table.setAccessibleName(translate("Workspace", "Kontakte"))  # the page's title
        self.search_edit.setPlaceholderText(self.tr("Name, E-Mail, Organisation oder Kommune …"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setToolTip(self.tr("Zwei Kontakte mit Strg+Klick auswählen, um sie zusammenzuführen."))
        self._build_merge_button()

        header = self.table.horizontalHeader()
        for column, width in enumerate((160, 230, 180, 105)):
            header.resizeSection(column, width)

        self._build_registrations_table()
        self._build_editor_splitter()

        ui = self.contact_editor.ui
        for first, second in (
            (self.search_edit, self.merge_button),
            (self.merge_button, self.table),
            (self.table, ui.salutationCombo),
            (ui.saveButton, self.registrations_table),
        ):
            QWidget.setTabOrder(first, second)
        self.on_selection()

    def _build_merge_button(self) -> None:
        """The button "Zusammenführen …" beside the search (also in the list's right-click menu)."""
        self.merge_button = QPushButton(self.tr("&Zusammenführen …"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setToolTip(self.tr("Zwei ausgewählte Kontakte zu einem zusammenführen"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.tool_row.addWidget(self.merge_button)
        self.row_entries = [self.merge_button]

    def _build_registrations_table(self) -> None:
        """The contact's registrations across all events, below the form."""
        self.registrations_model: SnapshotTableModel[ContactRegistrationRow] = SnapshotTableModel(
            registration_columns(), self)
        self.registrations_table = QTableView()
        self.registrations_table.setObjectName("contactRegistrationsTable")
        self.registrations_table.setModel(self.registrations_model)
        self.registrations_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.registrations_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.registrations_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.registrations_table.setTabKeyNavigation(False)
        self.registrations_table.setWordWrap(True)  # long event titles wrap instead of being cut
        self.registrations_table.verticalHeader().setVisible(False)
        self.registrations_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.registrations_table.setAlternatingRowColors(True)
        reg_header = self.registrations_table.horizontalHeader()
        reg_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        reg_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        reg_header.setHighlightSections(False)
        self.registrations_table.activated.connect(self._open_registration)
        self.open_registration_action = action(self, self.tr("Veranstaltung öffnen"),
                                               lambda: self._open_registration(self.registrations_table.currentIndex()),
                                               "openRegistrationEvent")
        install_row_actions(self.registrations_table, [self.open_registration_action])
        self.registrations_label = QLabel(self.tr("Anme&ldungen zu Veranstaltungen"))
        self.registrations_label.setBuddy(self.registrations_table)
        bold = self.registrations_label.font()
        bold.setBold(True)
        self.registrations_label.setFont(bold)

    def _build_editor_splitter(self) -> None:
        """Editor above, registrations below; the coordinator can move the border."""
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.registrations_label)
        lower_layout.addWidget(self.registrations_table, 1)
        self.right_layout.removeWidget(self.editor)
        self.vertical = QSplitter(Qt.Orientation.Vertical)
        self.vertical.setChildrenCollapsible(False)
        self.vertical.addWidget(self.editor)
        self.vertical.addWidget(lower)
        self.vertical.setStretchFactor(0, 0)
        self.vertical.setStretchFactor(1, 1)
        self.right_layout.addWidget(self.vertical)

    def first_show(self) -> None:
        super().first_show()
        form_height = self.editor.minimumSizeHint().height() + 60  # notes get a few lines, registrations the rest
        self.vertical.setSizes([form_height, max(self.height() - form_height, 160)])

    @property
    def contact_editor(self) -> ContactEditor:
        assert isinstance(self.editor, ContactEditor)
        return self.editor

    # -- data ----------------------------------------------------------------------------------------------

    def fetch_rows(self, session: Session) -> list[ContactRow]:
        from odn_desktop.services.contact_directory import list_contact_rows

        return list_contact_rows(session)

    def fetch_values(self, row_id: uuid.UUID) -> dict[str, Any] | None:
        from odn_desktop.domain.errors import UserError
        from odn_desktop.services.people import contact_values

        try:
            return self.ctx.read(lambda s: contact_values(s, row_id))
        except UserError:  # merged or deleted meanwhile
            return None

    def count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{shown} von %n Kontakten", "", total).format(shown=shown)
        return self.tr("%n Kontakte", "", total)

    def heading_for(self, values: Mapping[str, Any]) -> str:
        return super().heading_for(values) or values.get("email") or self.tr("Kontakt ohne Namen")

    def on_shown(self, row_id: uuid.UUID | None) -> None:
        from odn_desktop.services.contact_directory import contact_registrations

        rows = [] if row_id is None else self.ctx.read(lambda s: contact_registrations(s, row_id))
        self.registrations_model.set_rows(rows)
        if row_id is None:
            self.registrations_label.setText(self.tr("Anme&ldungen zu Veranstaltungen"))
        else:
            self.registrations_label.setText(
                self.tr("Anme&ldungen zu Veranstaltungen ({count})").format(count=len(rows)))

    def on_selection(self) -> None:
        self.merge_button.setEnabled(len(self.table.selectionModel().selectedRows()) == 2)

    def _open_registration(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_event_requested.emit(self.registrations_model.row_at(index.row()).event_id, "registrations")

    # -- commands ------------------------------------------------------------------------------------------

    def save_existing(self, row_id: uuid.UUID, changes: dict[str, Any]) -> bool:
        from odn_desktop.services import contact_directory, people

        fields = sorted(changes)

        def do(session: Session) -> dict[str, Any]:
            old = people.contact_values(session, row_id)
            contact_directory.update_contact(session, row_id, **changes)
            return old

        def undo(session: Session, old: dict[str, Any]) -> None:
            contact_directory.update_contact(session, row_id, **{name: old[name] for name in fields})

        text = self.tr("Kontakt „{name}“ bearbeiten").format(name=self.heading_for(self.editor.values()))
        return self.ctx.push(ServiceCommand(self.ctx, text, do=do, undo=undo, kinds=CONTACT_KINDS), self)

    def merge_selected(self) -> bool:
        """Merge the two selected contacts into the one the coordinator keeps (undoable)."""
        rows = self.selected_rows()
        if len(rows) != 2:
            return False
        if not self.confirm_leave():
            return False
        a, b = rows
        keep = choose_contact_to_keep(self, a, b)
        if keep is None:
            return False
        other = b.id if keep == a.id else a.id
        kept_row = a if keep == a.id else b
        from odn_desktop.services import people

        text = self.tr("Kontakte zusammenführen ({name})").format(name=kept_row.display_name or kept_row.email)
        command: ServiceCommand[people.UndoableMerge] = ServiceCommand(
            self.ctx, text,
            do=lambda s: people.merge_with_snapshot(s, keep, other),
            undo=lambda s, merge: people.restore_merge(s, merge.snapshot),
            kinds=MERGE_KINDS,
        )
        if not self.ctx.push(command, self):
            return False
        self._current_id = keep
        self.reload()
        with self._guarded():
            self._select_id(keep)
        assert command.result is not None
        result = command.result.result
        self.ctx.status_message.emit(self.tr(
            "Kontakte zusammengeführt: %n Anmeldungen übernommen, {dropped} doppelte entfernt.", "",
            result.moved_registrations).format(dropped=result.dropped_registrations))
        return True
