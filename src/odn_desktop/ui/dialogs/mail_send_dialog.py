"""Sending one template over SMTP from the window: settings, progress, pause, cancel, a result per recipient.

Opened from the template editor (``mail_ui.MailDialog``). "Testmail an mich" first sends one message to the sender's
own address with the first recipient's data (``services.mailing.send_test_mail``; recorded nowhere). The delivery
runs on a worker (``ui.infra.worker.run_in_background``) with ``services.mailing.send_mails``, which records every
result in its own short transaction; each recipient's result comes back through a queued signal and fills its row at
once. Server, port, STARTTLS, user, sender and pause are remembered in the settings (``domain.settings``); a typed
password goes into the OS keyring (if wanted), never into the settings.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.settings import MAIL_PAUSE, SMTP_HOST, SMTP_PORT, SMTP_STARTTLS, SMTP_USER
from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.settings import app_settings
from odn_desktop.ui.infra.worker import run_in_background

from . import organizer_settings
from .form_helpers import buddy

if TYPE_CHECKING:
    from odn_desktop.services.mailing import SendReport
    from odn_desktop.services.smtp_delivery import DeliveryResult
    from odn_desktop.ui.infra.context import AppContext

#: what a sent or drafted message changes in the window
CHANGED_KINDS = ("registrations", "events", "tasks")


class _Bridge(QObject):
    """Carries each recipient's result from the worker thread to the dialog (queued onto the GUI thread)."""

    result = Signal(object)


class SendDialog(QDialog):
    """SMTP settings, then sending with progress, pause, cancel and a result per recipient."""

    finished_sending = Signal(object)

    def __init__(self, ctx: AppContext, event_id: uuid.UUID, template_name: str, template: Any,
                 registration_ids: list[uuid.UUID] | None = None, parent: QWidget | None = None, *,
                 attachments: Any = None, min_percent: int | None = None) -> None:
        super().__init__(parent)
        from odn_desktop.services.mailing import TEMPLATE_LABELS

        self.setObjectName("sendDialog")
        self.setWindowTitle(self.tr("Senden: {label}").format(
            label=QCoreApplication.translate("MailUi", TEMPLATE_LABELS[template_name])))
        self._ctx = ctx
        self.event_id = event_id
        self.template_name = template_name
        self.template = template
        self.registration_ids = registration_ids
        self.attachments = attachments  # files per registration, made beforehand (the certificates' PDFs)
        self.min_percent = min_percent  # the certificate threshold
        self.report: SendReport | None = None
        self.test_sent: DeliveryResult | None = None  # the last test mail's result
        self._control: Any = None
        self._rows: dict[uuid.UUID, int] = {}
        self._close_when_done = False
        self._bridge = _Bridge()
        self._bridge.result.connect(self._on_result)

        form = self._build_settings_form()
        self._build_result_area()
        buttons = self._build_button_row()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.resize(760, 620)

        self._connect_signals()
        self._set_running(False)
        self._fill_table(retry=False)

    # -- building the form ---------------------------------------------------------------------------------

    def _build_server_fields(self) -> None:
        """Server, port, STARTTLS, user, password and "remember" as last saved."""
        settings = app_settings()
        self.host_edit = QLineEdit(settings.get(SMTP_HOST))
        self.host_edit.setObjectName("hostEdit")
        self.host_edit.setPlaceholderText("mail.example.de")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("portSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(settings.get(SMTP_PORT))
        self.starttls_check = QCheckBox(self.tr("Verschlüsselt (STARTTLS)"))
        self.starttls_check.setObjectName("starttlsCheck")
        self.starttls_check.setChecked(settings.get(SMTP_STARTTLS))
        self.user_edit = QLineEdit(settings.get(SMTP_USER))
        self.user_edit.setObjectName("userEdit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("aus dem Schlüsselbund"))
        self.remember_check = QCheckBox(self.tr("Passwort im Schlüsselbund des Systems speichern"))
        self.remember_check.setObjectName("rememberCheck")
        self.remember_check.setChecked(True)

    def _build_sender_fields(self) -> None:
        """Sender's name and address, the pause between messages and "also to those who have it"."""
        from odn_desktop.exchange.ics_calendar import environment_name

        settings = app_settings()
        self.sender_name_edit = QLineEdit(organizer_settings.saved_name(settings) or environment_name())
        self.sender_name_edit.setObjectName("senderNameEdit")
        self.sender_email_edit = QLineEdit(organizer_settings.saved_email(settings))
        self.sender_email_edit.setObjectName("senderEmailEdit")
        self.sender_email_edit.setPlaceholderText("koordination@example.de")
        self.pause_spin = QDoubleSpinBox()
        self.pause_spin.setObjectName("pauseSpin")
        self.pause_spin.setRange(0.0, 60.0)
        self.pause_spin.setDecimals(1)
        self.pause_spin.setSingleStep(0.5)
        self.pause_spin.setSuffix(self.tr(" s"))
        self.pause_spin.setValue(settings.get(MAIL_PAUSE))
        self.again_check = QCheckBox(self.tr("auch an Personen, die diese Nachricht schon erhalten haben"))
        self.again_check.setObjectName("againCheck")

    def _build_settings_form(self) -> QFormLayout:
        """The SMTP and sender settings as a form."""
        self._build_server_fields()
        self._build_sender_fields()
        server_row = QHBoxLayout()
        server_row.addWidget(self.host_edit, 1)
        server_row.addWidget(buddy(self.tr("Port:"), self.port_spin))
        server_row.addWidget(self.port_spin)
        server_row.addWidget(self.starttls_check)
        form = QFormLayout()
        form.addRow(buddy(self.tr("Se&rver:"), self.host_edit), server_row)
        form.addRow(self.tr("Ben&utzer:"), self.user_edit)
        form.addRow(self.tr("Pass&wort:"), self.password_edit)
        form.addRow("", self.remember_check)
        form.addRow(self.tr("Absender (&Name):"), self.sender_name_edit)
        form.addRow(self.tr("Absender (&E-Mail):"), self.sender_email_edit)
        form.addRow(self.tr("P&ause zwischen Nachrichten:"), self.pause_spin)
        form.addRow("", self.again_check)
        return form

    def _build_result_area(self) -> None:
        """The result per recipient, the progress bar and the status line."""
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("resultTable")
        self.table.setTabKeyNavigation(False)  # the arrows move in it, Tab leaves it
        self.table.setAccessibleName(self.tr("Ergebnis"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("E-Mail"), self.tr("Ergebnis")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("sendProgress")
        self.status_label = QLabel()
        self.status_label.setObjectName("sendStatusLabel")
        self.status_label.setWordWrap(True)

    def _build_button_row(self) -> QHBoxLayout:
        """Test mail, send, pause, cancel, retry the failed ones; close."""
        self.start_button = QPushButton(self.tr("&Senden"))
        self.start_button.setObjectName("startButton")
        self.start_button.setDefault(True)
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.pause_button.setObjectName("pauseButton")
        self.cancel_button = QPushButton(self.tr("A&bbrechen"))
        self.cancel_button.setObjectName("cancelButton")
        self.retry_button = QPushButton(self.tr("&Fehlgeschlagene erneut senden"))
        self.retry_button.setObjectName("retryButton")
        self.test_button = QPushButton(self.tr("Test&mail an mich"))
        self.test_button.setObjectName("testMailButton")
        self.test_button.setToolTip(self.tr("Eine Nachricht an die Absenderadresse mit den Angaben der ersten "
                                            "Person – so, wie sie die Empfänger:innen erhalten; wird nirgends "
                                            "vermerkt."))
        self.close_button = QPushButton(self.tr("Schl&ießen"))
        self.close_button.setObjectName("closeButton")
        buttons = QHBoxLayout()
        for button in (self.test_button, self.start_button, self.pause_button, self.cancel_button,
                       self.retry_button):
            buttons.addWidget(button)
        for button in (self.test_button, self.pause_button, self.cancel_button, self.retry_button,
                       self.close_button):
            button.setAutoDefault(False)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        return buttons

    def _connect_signals(self) -> None:
        self.test_button.clicked.connect(self.send_test)
        self.start_button.clicked.connect(lambda: self.start(retry=False))
        self.retry_button.clicked.connect(lambda: self.start(retry=True))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.again_check.toggled.connect(lambda _on: self._fill_table(retry=False))

    # -- helpers -------------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._control is not None

    def _set_running(self, running: bool) -> None:
        for widget in (self.host_edit, self.port_spin, self.starttls_check, self.user_edit, self.password_edit,
                       self.remember_check, self.sender_name_edit, self.sender_email_edit, self.pause_spin,
                       self.again_check, self.start_button, self.close_button, self.test_button):
            widget.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.cancel_button.setEnabled(running)
        failed = self.report is not None and bool(self.report.failed)
        self.retry_button.setEnabled(not running and failed)

    def _fill_table(self, *, retry: bool) -> None:
        from odn_desktop.services import mailing

        selection = self._ctx.read(lambda s: mailing.recipients(
            s, self.event_id, self.template_name, registration_ids=self.registration_ids,
            skip_received=not (self.again_check.isChecked() or retry), only_failed=retry,
            min_percent=self.min_percent))
        self.table.setRowCount(0)
        self._rows.clear()
        for person in selection.people:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(person.display_name))
            self.table.setItem(row, 1, QTableWidgetItem(person.email))
            self.table.setItem(row, 2, QTableWidgetItem(self.tr("wartet")))
            self._rows[person.registration_id] = row
        n = len(selection.people)
        text = self.tr("%n Empfänger:innen", "", n)
        if selection.skipped:
            text += self.tr(", {n} übersprungen (haben die Nachricht schon oder keine Adresse)").format(
                n=len(selection.skipped))
        self.status_label.setText(text)
        self.progress.setValue(0)
        self.start_button.setEnabled(n > 0 and not self.running)
        self.test_button.setEnabled(n > 0 and not self.running)

    def _smtp(self) -> Any:
        from odn_desktop.services.smtp_delivery import SmtpSettings

        port = self.port_spin.value()
        return SmtpSettings(host=self.host_edit.text().strip(), port=port,
                            starttls=self.starttls_check.isChecked() and port != 465,
                            user=self.user_edit.text().strip(), ssl=port == 465)

    def _save_settings(self) -> None:
        settings = app_settings()
        settings.set(SMTP_HOST, self.host_edit.text().strip())
        settings.set(SMTP_PORT, self.port_spin.value())
        settings.set(SMTP_STARTTLS, self.starttls_check.isChecked())
        settings.set(SMTP_USER, self.user_edit.text().strip())
        organizer_settings.save(self.sender_name_edit.text(), self.sender_email_edit.text(), settings)
        settings.set(MAIL_PAUSE, self.pause_spin.value())

    # -- running -------------------------------------------------------------------------------------------

    def _prepared(self) -> tuple[Any, str | None, Any] | None:
        """Server, password and sender from the form, checked (a missing server or sender is said before
        anything starts); None when something is missing (shown)."""
        from odn_desktop.exchange.ics_calendar import ORGANIZER_MISSING, environment_name
        from odn_desktop.services import mailing
        from odn_desktop.services.smtp_delivery import store_smtp_password

        smtp = self._smtp()
        password = self.password_edit.text() or None
        email = self.sender_email_edit.text().strip()
        name = self.sender_name_edit.text().strip() or environment_name()
        organizer = mailing.Organizer(name, email) if email and name else None
        try:
            if not smtp.host:
                raise UserError(self.tr("Bitte geben Sie den SMTP-Server an."))
            if email and not name:
                raise UserError(ORGANIZER_MISSING)
            if password and smtp.user and self.remember_check.isChecked():
                store_smtp_password(smtp, password)
            organizer = mailing.organizer_for(smtp, organizer)  # a missing sender is said before anything starts
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return None
        return smtp, password, organizer

    def send_test(self) -> None:
        """"Testmail an mich": one message to the sender's address with the first recipient's data."""
        from odn_desktop.services import mailing

        if self.running or self._ctx.db is None:
            return
        prepared = self._prepared()
        if prepared is None:
            return
        smtp, password, organizer = prepared
        self._save_settings()
        sessions = self._ctx.db.sessions
        event_id, name, template, ids = self.event_id, self.template_name, self.template, self.registration_ids
        attachments, min_percent = self.attachments, self.min_percent
        to = mailing.MailAddress(organizer.name, organizer.email)
        self.test_button.setEnabled(False)
        self.start_button.setEnabled(False)
        self.status_label.setText(self.tr("Testmail an {email} wird gesendet …").format(email=organizer.email))

        def work() -> Any:
            return mailing.send_test_mail(sessions, event_id, name, smtp, to=to, template=template,
                                          registration_ids=ids, password=password, organizer=organizer,
                                          attachments=attachments, min_percent=min_percent)

        def done(result: Any) -> None:
            self.test_sent = result
            self.test_button.setEnabled(True)
            self.start_button.setEnabled(bool(self._rows))
            if result.ok:
                self.status_label.setText(self.tr("Testmail an {email} versendet. Prüfen Sie sie in Ihrem Postfach, "
                                                  "dann „Senden“.").format(email=result.email))
            else:
                self.status_label.setText(self.tr("Testmail an {email} fehlgeschlagen: {detail}").format(
                    email=result.email, detail=result.detail))

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.start_button.setEnabled(bool(self._rows))
            if isinstance(exc, UserError):
                self.status_label.setText(exc.message)
                context.show_user_error(self, exc.message)
                return
            raise exc

        run_in_background(work, done, failed)

    def start(self, *, retry: bool = False) -> None:
        from odn_desktop.exchange.ics_calendar import environment_name
        from odn_desktop.services import mailing
        from odn_desktop.services.smtp_delivery import SendControl

        if self.running or self._ctx.db is None:
            return
        prepared = self._prepared()
        if prepared is None:
            return
        smtp, password, _checked = prepared
        email = self.sender_email_edit.text().strip()
        sender_name = self.sender_name_edit.text().strip() or environment_name()
        organizer = mailing.Organizer(sender_name, email) if email and sender_name else None
        self._save_settings()
        self._fill_table(retry=retry)
        if not self._rows:
            return
        control = SendControl()
        self._control = control
        self._set_running(True)
        sessions, bridge = self._ctx.db.sessions, self._bridge
        event_id, name, template, ids = self.event_id, self.template_name, self.template, self.registration_ids
        skip_received = not self.again_check.isChecked()
        pause = self.pause_spin.value()
        attachments, min_percent = self.attachments, self.min_percent

        def work(progress: Any) -> SendReport:
            common: dict[str, Any] = dict(template=template, password=password, organizer=organizer, pause=pause,
                                          control=control, on_result=bridge.result.emit, progress=progress,
                                          attachments=attachments, min_percent=min_percent)
            if retry:
                return mailing.retry_failed(sessions, event_id, name, smtp, **common)
            return mailing.send_mails(sessions, event_id, name, smtp, registration_ids=ids,
                                      skip_received=skip_received, **common)

        run_in_background(work, self._done, self._failed, self._progress)

    def _progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.status_label.setText(text)

    def _on_result(self, result: DeliveryResult) -> None:
        row = self._rows.get(result.registration_id)
        if row is None:
            return
        item = QTableWidgetItem(self.tr("versendet") if result.ok else
                                self.tr("fehlgeschlagen: {detail}").format(detail=result.detail))
        item.setForeground(theme.sent_text() if result.ok else theme.failed_text())
        item.setToolTip(result.detail)
        self.table.setItem(row, 2, item)

    def _finish(self) -> None:
        self._control = None
        self._set_running(False)
        self._ctx.changed.emit(CHANGED_KINDS)
        self.finished_sending.emit(self.report)
        if self._close_when_done:
            super().reject()

    def _done(self, report: SendReport) -> None:
        self.report = report
        self.progress.setValue(100 if not report.cancelled else self.progress.value())
        self.status_label.setText(report.message())
        for row in self._rows.values():
            item = self.table.item(row, 2)
            if item is not None and item.text() == self.tr("wartet"):
                item.setText(self.tr("nicht versendet (abgebrochen)"))
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, UserError):
            self.status_label.setText(exc.message)
            context.show_user_error(self, exc.message)
            return
        raise exc

    def toggle_pause(self) -> None:
        if self._control is None:
            return
        if self._control.paused:
            self._control.resume()
            self.pause_button.setText(self.tr("&Pause"))
        else:
            self._control.pause()
            self.pause_button.setText(self.tr("&Fortsetzen"))
            self.status_label.setText(self.tr("Angehalten – „Fortsetzen“ sendet weiter."))

    def cancel(self) -> None:
        if self._control is not None:
            self._control.cancel()
            self.status_label.setText(self.tr("Wird abgebrochen …"))

    def reject(self) -> None:
        if self.running:  # never leave a delivery running unseen: cancel, close when it stopped
            self._close_when_done = True
            self.cancel()
            return
        super().reject()
