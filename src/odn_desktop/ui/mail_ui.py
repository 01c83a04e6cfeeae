"""Mail and data protection in the window: template editor with live preview, drafts, sending, privacy tools.

The main window calls two module-level functions (it never talks to the mail or privacy services itself):

* ``open_mail_dialog(parent, ctx, event_id, template=..., registration_ids=None)``: the template editor for one
  event – pick a template, edit subject and text (placeholders from the list), see it filled in for a real
  registrant as you type, save the wording; then write ``.eml`` drafts for Outlook or send over SMTP
  (``ui.mail_send_dialog.SendDialog``: progress, pause, cancel, a result per recipient, "Fehlgeschlagene
  erneut senden");
* ``open_privacy_dialog(parent, ctx)`` (``ui.privacy_dialog.PrivacyDialog``): retention (preview of who is
  past the period, anonymise, the log), export of everything about one person (Art. 15) and deleting one
  person (Art. 17).

Sending runs on a worker thread (``ui.worker.run_in_background``) and records every result in its own short
transaction. SMTP server, user, sender and pause are remembered in QSettings; the password only in the OS
keyring. Dialogs and questions go through the module functions below, which tests replace.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError

from . import context, theme

if TYPE_CHECKING:
    from odn_desktop.services.mailing import PreviewContext

    from .context import AppContext

log = logging.getLogger(__name__)

SETTINGS_GROUP = "mail"
CHANGED_KINDS = ("registrations", "events", "tasks")


translate = QCoreApplication.translate

# Only for pyside6-lupdate: the template names (exchange.mail_templates.TEMPLATE_LABELS, no Qt there) reach
# translate("MailUi", …) through variables, here and in mail_send_dialog.py.
_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("MailUi", "Anmeldebestätigung"),
    QT_TRANSLATE_NOOP("MailUi", "Wartelisten-Hinweis"),
    QT_TRANSLATE_NOOP("MailUi", "Nachgerückt von der Warteliste"),
    QT_TRANSLATE_NOOP("MailUi", "Zugangslink mit Einladung"),
    QT_TRANSLATE_NOOP("MailUi", "Erinnerung"),
    QT_TRANSLATE_NOOP("MailUi", "Absage der Veranstaltung"),
    QT_TRANSLATE_NOOP("MailUi", "Dank nach der Veranstaltung"),
    QT_TRANSLATE_NOOP("MailUi", "Teilnahmebescheinigung"),
)


# -- replaceable in tests ------------------------------------------------------------------------------------


def exec_dialog(dialog: QDialog) -> int:
    return dialog.exec()


def choose_directory(parent: QWidget | None, title: str) -> Path | None:
    from .file_dialogs import folder_path

    return folder_path(parent, "mail_drafts", title=title)  # the folder last used for drafts


def choose_save_file(parent: QWidget | None, title: str, suggestion: str) -> Path | None:
    from .file_dialogs import save_path

    return save_path(parent, "privacy", suggestion, translate("MailUi", "Excel-Arbeitsmappe (*.xlsx)"), title=title)


def ask_confirmation(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_message(parent: QWidget | None, title: str, text: str) -> None:
    context.show_information(parent, title, text)


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _settings() -> QSettings:
    return QSettings()


def _organizer() -> Any:
    """The sender saved here or in the settings dialog (else ODN_ORGANIZER_*), or ``None`` (the preview shows a
    marker then; drafts and mails ask with ``_organizer_or_ask``)."""
    from .organizer_settings import organizer

    return organizer(_settings())


def _organizer_or_ask(parent: QWidget | None) -> Any:
    """The sender, asked for once with the settings dialog when none is set; ``None``: cancelled."""
    from .organizer_settings import organizer_or_ask

    return organizer_or_ask(parent, _settings())


# -- the template editor -------------------------------------------------------------------------------------


class MailDialog(QDialog):
    """Template editor with live preview for one event; drafts and sending start from here."""

    def __init__(self, ctx: AppContext, event_id: uuid.UUID, parent: QWidget | None = None, *,
                 template: str = "confirmation", registration_ids: Collection[uuid.UUID] | None = None) -> None:
        super().__init__(parent)
        from odn_desktop.services import mailing
        from odn_desktop.services.events import event_row

        self.setObjectName("mailDialog")
        self._ctx = ctx
        self.event_id = event_id
        self.registration_ids = None if registration_ids is None else list(registration_ids)
        self._edits: dict[str, tuple[str, str]] = {}  # unsaved wording per template
        self._preview_cache: dict[uuid.UUID | None, PreviewContext] = {}
        self._base: Any = None  # the stored template of the current name (read once per switch)
        self._loading = False
        row = ctx.read(lambda s: event_row(s, event_id))
        from .dates import display_date

        self.setWindowTitle(self.tr("Nachrichten – {title} ({date})").format(
            title=row.title, date=display_date(row.starts_at)))

        self.template_combo = QComboBox()
        self.template_combo.setObjectName("templateCombo")
        for name, label in mailing.template_choices():
            self.template_combo.addItem(translate("MailUi", label), name)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("personCombo")
        self.person_combo.setMinimumContentsLength(30)
        top = QHBoxLayout()
        top.addWidget(_buddy(self.tr("&Vorlage:"), self.template_combo))
        top.addWidget(self.template_combo, 1)
        top.addSpacing(16)
        top.addWidget(_buddy(self.tr("Vorschau &für:"), self.person_combo))
        top.addWidget(self.person_combo, 2)

        # editor
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subjectEdit")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("bodyEdit")
        self.body_edit.setTabChangesFocus(True)
        self.placeholder_list = QListWidget()
        self.placeholder_list.setObjectName("placeholderList")
        self.placeholder_list.setToolTip(self.tr("Doppelklick oder Eingabetaste fügt den Platzhalter ein"))
        for name, description in mailing.PLACEHOLDERS.items():
            item = QListWidgetItem(f"${name} – {description}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.placeholder_list.addItem(item)
        self.placeholder_list.setMaximumHeight(150)
        self.save_button = QPushButton(self.tr("Vorlage &speichern"))
        self.save_button.setObjectName("saveTemplateButton")
        self.reset_button = QPushButton(self.tr("Standard&text"))
        self.reset_button.setObjectName("resetTemplateButton")
        self.reset_button.setToolTip(self.tr("Den mitgelieferten Text wiederherstellen"))
        self.state_label = QLabel()
        self.state_label.setObjectName("templateStateLabel")
        editor = QGroupBox(self.tr("Vorlage bearbeiten"))
        form = QFormLayout()
        form.addRow(self.tr("&Betreff:"), self.subject_edit)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.body_edit, 3)
        editor_layout.addWidget(_buddy(self.tr("&Platzhalter:"), self.placeholder_list))
        editor_layout.addWidget(self.placeholder_list, 1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.state_label, 1)
        buttons_row.addWidget(self.reset_button)
        buttons_row.addWidget(self.save_button)
        editor_layout.addLayout(buttons_row)

        # preview
        self.preview_subject = QLabel()
        self.preview_subject.setObjectName("previewSubject")
        self.preview_subject.setWordWrap(True)
        bold = QFont(self.preview_subject.font())
        bold.setBold(True)
        self.preview_subject.setFont(bold)
        self.preview_to = QLabel()
        self.preview_to.setObjectName("previewTo")
        self.preview_body = QPlainTextEdit()
        self.preview_body.setObjectName("previewBody")
        self.preview_body.setReadOnly(True)
        self.preview_body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.attachment_label = QLabel()
        self.attachment_label.setObjectName("attachmentLabel")
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        theme.keep_style(self.problem_label, lambda: theme.text_style(theme.failed_text))
        preview = QGroupBox(self.tr("Vorschau"))
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.preview_to)
        preview_layout.addWidget(self.preview_subject)
        preview_layout.addWidget(self.preview_body, 1)
        preview_layout.addWidget(self.attachment_label)
        preview_layout.addWidget(self.problem_label)

        splitter = QSplitter()
        splitter.addWidget(editor)
        splitter.addWidget(preview)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 520])

        # delivery
        self.recipients_label = QLabel()
        self.recipients_label.setObjectName("recipientsLabel")
        self.recipients_label.setWordWrap(True)
        self.drafts_button = QPushButton(self.tr("&Entwürfe für Outlook speichern …"))
        self.drafts_button.setObjectName("draftsButton")
        self.send_button = QPushButton(self.tr("Per E-&Mail senden …"))
        self.send_button.setObjectName("sendButton")
        close = QPushButton(self.tr("Schl&ießen"))
        close.setObjectName("closeButton")
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.reset_button, self.drafts_button, self.send_button, close):
            button.setAutoDefault(False)  # Enter in the subject line must not reset or send anything
        bottom = QHBoxLayout()
        bottom.addWidget(self.recipients_label, 1)
        bottom.addWidget(self.drafts_button)
        bottom.addWidget(self.send_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1100, 720)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.person_combo.currentIndexChanged.connect(self.refresh_preview)
        self.subject_edit.textChanged.connect(self._text_changed)
        self.body_edit.textChanged.connect(self._text_changed)
        self.placeholder_list.itemActivated.connect(self._insert_placeholder)
        self.save_button.clicked.connect(self.save_template)
        self.reset_button.clicked.connect(self.reset_template)
        self.drafts_button.clicked.connect(self.write_drafts)
        self.send_button.clicked.connect(self.open_send_dialog)
        self.setTabOrder(self.template_combo, self.person_combo)
        self.setTabOrder(self.person_combo, self.subject_edit)
        self.setTabOrder(self.subject_edit, self.body_edit)
        self.setTabOrder(self.body_edit, self.placeholder_list)

        index = self.template_combo.findData(template)
        self.template_combo.setCurrentIndex(max(0, index))
        self._template_changed()

    # -- state ---------------------------------------------------------------------------------------------

    @property
    def template_name(self) -> str:
        return str(self.template_combo.currentData())

    def current_template(self) -> Any:
        """The template with the wording in the editor (saved or not): drafts and sending use exactly this."""
        return self._base.with_text(self.subject_edit.text(), self.body_edit.toPlainText())

    def has_unsaved_changes(self) -> bool:
        return bool(self._edits)

    def _template_changed(self, *_args: Any) -> None:
        from odn_desktop.services import mailing

        name = self.template_name
        stored = self._ctx.read(lambda s: (mailing.load_template(s, name), mailing.is_customised(s, name)))
        template, customised = stored
        self._base = template
        subject, body = self._edits.get(name, (template.subject, template.body))
        self._loading = True
        try:
            self.subject_edit.setText(subject)
            self.body_edit.setPlainText(body)
        finally:
            self._loading = False
        self.attachment_label.setText(
            self.tr("Anhang: persönliche Kalendereinladung (invite.ics)") if template.attach_invitation
            else self.tr("Anhang: persönliche Teilnahmebescheinigung (PDF), für alle mit mindestens {percent} % "
                         "der Dauer").format(percent=self._min_percent())
            if template.attach_certificate else "")
        self._show_state(customised)
        self._load_people()
        self._update_recipients()
        self.refresh_preview()

    def _min_percent(self) -> int | None:
        """The certificate threshold from the settings (``ui.certificates_dialog``); None for other templates."""
        if self.template_name != "certificate":
            return None
        from .certificates_dialog import saved_min_percent

        return saved_min_percent(_settings())

    def _attachments(self, organizer: Any) -> Any:
        """The certificates' PDFs for the certificate template (drawn here, on the GUI thread); None otherwise."""
        if self.template_name != "certificate":
            return None
        from .certificate_mail import event_certificate_attachments

        percent = self._min_percent()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self._ctx.read(lambda s: event_certificate_attachments(
                s, self.event_id, min_percent=percent, coordinator_name=organizer.name,
                registration_ids=self.registration_ids))
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _show_state(self, customised: bool) -> None:
        if self.template_name in self._edits:
            self.state_label.setText(self.tr("Ungespeicherte Änderungen"))
        elif customised:
            self.state_label.setText(self.tr("Eigener Text"))
        else:
            self.state_label.setText(self.tr("Mitgelieferter Text"))

    def _load_people(self) -> None:
        from odn_desktop.services import mailing

        percent = self._min_percent()
        people = self._ctx.read(lambda s: mailing.preview_people(s, self.event_id, self.template_name, percent))
        if self.registration_ids is not None:
            wanted = set(self.registration_ids)
            people = [p for p in people if p.registration_id in wanted] or people
        current = self.person_combo.currentData()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for person in people:
            self.person_combo.addItem(person.label, person.registration_id)
        index = self.person_combo.findData(current)
        self.person_combo.setCurrentIndex(index if index >= 0 else 0)
        self.person_combo.blockSignals(False)

    def _update_recipients(self) -> None:
        from odn_desktop.services import mailing

        percent = self._min_percent()
        try:
            chosen = self._ctx.read(lambda s: mailing.recipients(
                s, self.event_id, self.template_name, registration_ids=self.registration_ids, min_percent=percent))
        except UserError as exc:
            self.recipients_label.setText(exc.message)
            return
        n = len(chosen.people)
        text = self.tr("Empfänger: %n Personen", "", n)
        if chosen.skipped:
            text += self.tr(" ({n} übersprungen)").format(n=len(chosen.skipped))
        self.recipients_label.setText(text)
        self.drafts_button.setEnabled(n > 0)
        self.send_button.setEnabled(n > 0)

    def _text_changed(self) -> None:
        if self._loading:
            return
        self._edits[self.template_name] = (self.subject_edit.text(), self.body_edit.toPlainText())
        self.state_label.setText(self.tr("Ungespeicherte Änderungen"))
        self._timer.start()

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        target = self.subject_edit if self.subject_edit.hasFocus() else self.body_edit
        if target is self.subject_edit:
            self.subject_edit.insert(f"${name}")
        else:
            self.body_edit.insertPlainText(f"${name}")
            self.body_edit.setFocus()

    # -- preview -------------------------------------------------------------------------------------------

    def refresh_preview(self, *_args: Any) -> None:
        from odn_desktop.services import mailing

        self._timer.stop()
        person = self.person_combo.currentData()
        if person not in self._preview_cache:
            self._preview_cache[person] = self._ctx.read(
                lambda s: mailing.preview_context(s, self.event_id, person, _organizer()))
        preview_ctx = self._preview_cache[person]
        mail, problem = mailing.render_preview(preview_ctx, self.current_template())
        self.preview_to.setText(self.tr("An: {name} <{email}>").format(
            name=preview_ctx.person.display_name, email=preview_ctx.person.email))
        self.preview_subject.setText(mail.subject)
        self.preview_body.setPlainText(mail.body)
        self.problem_label.setText(problem)

    # -- actions -------------------------------------------------------------------------------------------

    def save_template(self) -> bool:
        from odn_desktop.services import mailing

        name, subject, body = self.template_name, self.subject_edit.text(), self.body_edit.toPlainText()
        try:
            self._ctx.write(lambda s: mailing.save_template(s, name, subject, body))
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return False
        self._edits.pop(name, None)
        self._show_state(True)
        self._ctx.status_message.emit(self.tr("Vorlage „{label}“ gespeichert").format(
            label=self.template_combo.currentText()))
        return True

    def reset_template(self) -> None:
        from odn_desktop.services import mailing

        name = self.template_name
        self._ctx.write(lambda s: mailing.reset_template(s, name))
        self._edits.pop(name, None)
        self._template_changed()

    def write_drafts(self) -> None:
        from odn_desktop.services import mailing

        organizer = _organizer_or_ask(self)
        folder = organizer and choose_directory(self, self.tr("Ordner für die Entwürfe"))
        if not folder:
            return
        name, template, percent = self.template_name, self.current_template(), self._min_percent()
        try:
            attachments = self._attachments(organizer)
            result = self._ctx.write(
                lambda s: mailing.write_draft_files(s, self.event_id, name, folder, template=template,
                                                    registration_ids=self.registration_ids, organizer=organizer,
                                                    attachments=attachments, min_percent=percent),
                CHANGED_KINDS)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return
        saved = self.tr("%n Entwürfe gespeichert in {folder}", "", len(result.files)).format(folder=result.directory)
        if result.skipped:
            saved += " " + self.tr("(%n Personen übersprungen)", "", len(result.skipped))
        show_message(self, self.tr("Entwürfe gespeichert"),
                     saved + "\n\n" + self.tr("Ein Doppelklick auf eine .eml-Datei öffnet sie in Outlook als "
                                              "Entwurf; prüfen und senden Sie sie von dort."))

    def open_send_dialog(self) -> None:
        organizer = _organizer_or_ask(self)  # the send dialog starts with it; it can still be changed there
        if organizer is None:
            return
        percent = self._min_percent()
        try:
            template = self.current_template()
            from odn_desktop.services import mailing

            attachments = self._attachments(organizer)
            self._ctx.read(lambda s: mailing.build_mails(s, self.event_id, self.template_name, template=template,
                                                         registration_ids=self.registration_ids,
                                                         organizer=organizer, attachments=attachments,
                                                         min_percent=percent))
        except UserError as exc:  # a faulty template or a missing link, before any server is asked
            context.show_user_error(self, exc.message)
            return
        from .mail_send_dialog import SendDialog

        dialog = SendDialog(self._ctx, self.event_id, self.template_name, template, self.registration_ids, self,
                            attachments=attachments, min_percent=percent)
        exec_dialog(dialog)
        self._update_recipients()

    def reject(self) -> None:
        if self._edits and ask_confirmation(self, self.tr("Vorlagen"),
                                            self.tr("Die geänderten Vorlagen speichern?")):
            for name, (subject, body) in list(self._edits.items()):
                index = self.template_combo.findData(name)
                self.template_combo.setCurrentIndex(index)
                self.subject_edit.setText(subject)
                self.body_edit.setPlainText(body)
                if not self.save_template():
                    return
        super().reject()


def open_mail_dialog(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID, *,
                     template: str = "confirmation",
                     registration_ids: Collection[uuid.UUID] | None = None) -> MailDialog | None:
    """The template editor for one event (e.g. ``template="promoted"`` with the registrations that moved up)."""
    if ctx.db is None:
        return None
    try:
        dialog = MailDialog(ctx, event_id, parent, template=template, registration_ids=registration_ids)
    except UserError as exc:
        context.show_user_error(parent, exc.message)
        return None
    exec_dialog(dialog)
    return dialog


def open_privacy_dialog(parent: QWidget | None, ctx: AppContext) -> QDialog | None:
    """Retention, Art. 15 export and Art. 17 deletion (``ui.privacy_dialog.PrivacyDialog``)."""
    if ctx.db is None:
        return None
    from .privacy_dialog import PrivacyDialog

    dialog = PrivacyDialog(ctx, parent)
    exec_dialog(dialog)
    return dialog
