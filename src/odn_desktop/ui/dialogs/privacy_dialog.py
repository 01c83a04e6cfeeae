"""Data protection in the window: retention (preview, anonymise, the log), Art. 15 export, Art. 17 deletion.

Opened by ``open_privacy_dialog``. Questions and file choosers go through ``mail_ui``'s replaceable
functions. After a change the undo stack is cleared: undoing an earlier edit must never bring a deleted or
anonymised person's data back.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.settings import RETENTION_MONTHS
from odn_desktop.ui.infra import context
from odn_desktop.ui.infra.settings import app_settings

from . import mail_ui
from .form_helpers import buddy

if TYPE_CHECKING:
    from odn_desktop.ui.infra.context import AppContext


class PrivacyDialog(QDialog):
    """Retention (preview, anonymise, log), Art. 15 export and Art. 17 deletion."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDialog")
        self.setWindowTitle(self.tr("Datenschutz"))
        self._ctx = ctx
        self._candidates: list[Any] = []

        retention = self._build_retention_tab()
        person = self._build_person_tab()
        self.tabs = QTabWidget()
        self.tabs.addTab(retention, self.tr("Aufbewahrung"))
        self.tabs.addTab(person, self.tr("Auskunft und Löschung"))
        close_row = self._build_close_row()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(close_row)
        self.resize(900, 600)

        self.months_spin.valueChanged.connect(self.refresh)
        self.anonymize_button.clicked.connect(self.anonymize)
        self.export_button.clicked.connect(self.export_person)
        self.delete_button.clicked.connect(self.delete_person)
        self.refresh()

    # -- building the dialog -------------------------------------------------------------------------------

    def _build_retention_tab(self) -> QWidget:
        """The period, who is past it, "Anonymisieren …" and the log."""
        self.months_spin = QSpinBox()
        self.months_spin.setObjectName("monthsSpin")
        self.months_spin.setRange(1, 240)
        self.months_spin.setSuffix(self.tr(" Monate"))
        self.months_spin.setValue(app_settings().get(RETENTION_MONTHS))
        self.candidates_table = QTableWidget(0, 5)
        self.candidates_table.setObjectName("candidatesTable")
        self.candidates_table.setTabKeyNavigation(False)  # the arrows move in it, Tab leaves it
        self.candidates_table.setAccessibleName(self.tr("Aufbewahrung"))  # its tab's title
        self.candidates_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("E-Mail"), self.tr("Organisation"), self.tr("Zuletzt am"),
            self.tr("Letzte Veranstaltung")])
        self.candidates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidates_table.verticalHeader().setVisible(False)
        self.candidates_table.horizontalHeader().setStretchLastSection(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("retentionSummary")
        self.anonymize_button = QPushButton(self.tr("&Anonymisieren …"))
        self.anonymize_button.setObjectName("anonymizeButton")
        self.log_list = QListWidget()
        self.log_list.setObjectName("logList")
        self.log_list.setMaximumHeight(110)
        retention = QWidget()
        rl = QVBoxLayout(retention)
        row = QHBoxLayout()
        row.addWidget(buddy(self.tr("Kontakte anonymisieren, deren letzte Veranstaltung mehr als"),
                            self.months_spin))
        row.addWidget(self.months_spin)
        row.addWidget(QLabel(self.tr("zurückliegt.")))
        row.addStretch(1)
        rl.addLayout(row)
        rl.addWidget(self.candidates_table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.anonymize_button)
        rl.addLayout(bottom)
        rl.addWidget(buddy(self.tr("Protokoll (nur Anzahlen, keine Namen):"), self.log_list))
        rl.addWidget(self.log_list)
        return retention

    def _build_person_tab(self) -> QWidget:
        """One person by address: export (Art. 15) and deletion (Art. 17)."""
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setPlaceholderText("name@kommune.de")
        self.export_button = QPushButton(self.tr("Auskunft e&xportieren (Art. 15) …"))
        self.export_button.setObjectName("exportButton")
        self.delete_button = QPushButton(self.tr("Person &löschen (Art. 17) …"))
        self.delete_button.setObjectName("deleteButton")
        self.person_label = QLabel(self.tr(
            "Die Auskunft enthält alles, was zu der Person gespeichert ist: Kontaktdaten, Einwilligung, alle "
            "Anmeldungen mit Veranstaltung und die versendeten Nachrichten – als Excel- und JSON-Datei.\n\n"
            "Beim Löschen werden Kontakt, Anmeldungen und Nachrichten entfernt und unkenntlich gemacht; mit dem "
            "nächsten Abgleich auch in der gemeinsamen Datenbank. Freie Plätze künftiger Veranstaltungen gehen an "
            "die Warteliste. Das Löschen kann nicht rückgängig gemacht werden."))
        self.person_label.setWordWrap(True)
        person = QWidget()
        pl = QVBoxLayout(person)
        form = QFormLayout()
        form.addRow(self.tr("&E-Mail-Adresse:"), self.email_edit)
        pl.addLayout(form)
        pl.addWidget(self.person_label)
        prow = QHBoxLayout()
        prow.addWidget(self.export_button)
        prow.addWidget(self.delete_button)
        prow.addStretch(1)
        pl.addLayout(prow)
        pl.addStretch(1)
        return person

    def _build_close_row(self) -> QHBoxLayout:
        close = QPushButton(self.tr("Schl&ießen"))
        close.setObjectName("closeButton")
        close.clicked.connect(self.reject)
        for button in (self.anonymize_button, self.export_button, self.delete_button, close):
            button.setAutoDefault(False)  # Enter in the address field must not delete anybody
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_row.addWidget(close)
        return close_row

    def refresh(self, *_args: Any) -> None:
        from odn_desktop.domain.timezone import format_german_datetime
        from odn_desktop.services import privacy
        from odn_desktop.ui.infra.dates import display_date

        months = self.months_spin.value()
        app_settings().set(RETENTION_MONTHS, months)
        self._candidates = self._ctx.read(lambda s: privacy.retention_candidates(s, months))
        table = self.candidates_table
        table.setRowCount(len(self._candidates))
        for row, c in enumerate(self._candidates):
            values = (c.name, c.email, c.organisation, display_date(c.last_activity),
                      c.last_event or self.tr("(keine Anmeldung)"))
            for col, value in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        n = len(self._candidates)
        self.summary_label.setText(self.tr("%n Kontakte würden anonymisiert.", "", n))
        self.anonymize_button.setEnabled(n > 0)
        labels = {"anonymize": self.tr("anonymisiert"), "delete": self.tr("gelöscht (Art. 17)")}
        self.log_list.clear()
        for entry in self._ctx.read(privacy.privacy_log):
            self.log_list.addItem(self.tr("{when}: {contacts}, {registrations} {what}").format(
                when=format_german_datetime(entry.at), contacts=self.tr("%n Kontakte", "", entry.contacts),
                registrations=self.tr("%n Anmeldungen", "", entry.registrations),
                what=labels.get(entry.action, entry.action)))

    def _after_change(self) -> None:
        # undo of an earlier edit must not bring a deleted or anonymised person's data back
        self._ctx.undo_stack.clear()
        self._ctx.changed.emit(("contacts", "registrations", "events", "tasks"))
        self.refresh()

    def anonymize(self) -> None:
        from odn_desktop.services import privacy

        ids = [c.contact_id for c in self._candidates]
        if not ids or not mail_ui.ask_confirmation(self, self.tr("Anonymisieren"), self.tr(
                "%n Kontakte und ihre Anmeldungen endgültig anonymisieren? Die Teilnehmendenzahlen der "
                "Veranstaltungen bleiben erhalten; Namen und Adressen sind danach nicht wiederherstellbar.", "",
                len(ids))):
            return
        months = self.months_spin.value()
        result = self._ctx.read(lambda s: privacy.anonymize_expired(s, months, contact_ids=ids))
        self._after_change()
        mail_ui.show_message(self, self.tr("Anonymisiert"), result.message())

    def _email(self) -> str | None:
        email = self.email_edit.text().strip()
        if not email:
            context.show_user_error(self, self.tr("Bitte geben Sie die E-Mail-Adresse der Person an."))
            return None
        return email

    def export_person(self) -> None:
        from odn_desktop.services import privacy

        email = self._email()
        if email is None:
            return
        safe = "".join(c if c.isalnum() else "_" for c in email.split("@")[0])
        target = mail_ui.choose_save_file(self, self.tr("Auskunft speichern"), f"Auskunft_{safe}.xlsx")
        if target is None:
            return
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        try:
            result = self._ctx.read(lambda s: privacy.export_person(s, email, target))
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return
        mail_ui.show_message(self, self.tr("Auskunft gespeichert"), result.message)

    def delete_person(self) -> None:
        from odn_desktop.services import privacy

        email = self._email()
        if email is None or not mail_ui.ask_confirmation(self, self.tr("Person löschen"), self.tr(
                "Alle Daten von {email} endgültig löschen (Art. 17 DSGVO)? Dies kann nicht rückgängig gemacht "
                "werden.").format(email=email)):
            return
        try:
            result = self._ctx.read(lambda s: privacy.delete_person(s, email))
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return
        self.email_edit.clear()
        self._after_change()
        mail_ui.show_message(self, self.tr("Person gelöscht"), result.message())
        by_event: dict[uuid.UUID, list[uuid.UUID]] = {}
        for row in result.promoted:
            by_event.setdefault(row.event_id, []).append(row.id)
        for event_id, ids in by_event.items():
            if mail_ui.ask_confirmation(self, self.tr("Nachgerückte benachrichtigen"),
                                self.tr("%n Personen sind nachgerückt. Jetzt benachrichtigen?", "", len(ids))):
                mail_ui.open_mail_dialog(self, self._ctx, event_id, template="promoted", registration_ids=ids)


def open_privacy_dialog(parent: QWidget | None, ctx: AppContext) -> QDialog | None:
    """Retention, Art. 15 export and Art. 17 deletion (``PrivacyDialog``)."""
    if ctx.db is None:
        return None
    dialog = PrivacyDialog(ctx, parent)
    mail_ui.exec_dialog(dialog)
    return dialog
