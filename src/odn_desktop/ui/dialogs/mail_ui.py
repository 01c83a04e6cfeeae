"""Mail and data protection in the window: template editor with live preview, drafts, sending, privacy tools.

The main window calls two module-level functions (it never talks to the mail or privacy services itself):

* ``open_mail_dialog(parent, ctx, event_id, template=..., registration_ids=None)``: the template editor for one
  event – pick a template, edit subject and text (placeholders from the list), see it filled in for a real
  registrant as you type, save the wording; choose the recipients (as the template says, a status group, the
  given selection); write a test draft to oneself, ``.eml`` drafts for Outlook (for reminder, thanks and
  cancellation optionally one draft to everyone in BCC) or send over SMTP (``ui.dialogs.mail_send_dialog.SendDialog``:
  progress, pause, cancel, a result per recipient, "Fehlgeschlagene erneut senden"). Every check (missing
  link, coordinator, nobody to write to) comes before the folder is asked for. Access-link drafts count as
  sent only when the coordinator confirms it ("Haben Sie die Entwürfe aus Outlook verschickt?" right after
  saving, or "Als verschickt markieren …" later);
* ``mail_selection(...)``: the editor for the rows chosen in the Anmeldungen tab ("E-Mail an Auswahl …");
* ``tell_promoted(...)``: "Von der Warteliste nachgerückt" with a "Benachrichtigen …" button that opens the
  editor with the template "promoted" and exactly the people who moved up;
* ``ui.dialogs.privacy_dialog.open_privacy_dialog(parent, ctx)`` (``PrivacyDialog``, it uses the questions and
  file choosers below and the editor for who moved up): retention (preview of who is
  past the period, anonymise, the log), export of everything about one person (Art. 15) and deleting one
  person (Art. 17).

Sending runs on a worker thread (``ui.infra.worker.run_in_background``) and records every result in its own short
transaction. SMTP server, user, sender and pause are remembered in the settings (``domain.settings``); the
password only in the OS keyring. Dialogs and questions go through the module functions below, which tests replace.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QGuiApplication, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
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
from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.settings import app_settings

from .form_helpers import buddy
from .mail_send_dialog import CHANGED_KINDS

if TYPE_CHECKING:
    from odn_desktop.services.mailing import PreviewContext
    from odn_desktop.ui.infra.context import AppContext

log = logging.getLogger(__name__)


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
    # why a template goes to each person on their own (exchange.mail_templates.BCC_REFUSALS)
    QT_TRANSLATE_NOOP("MailUi", "sie bestätigt die persönliche Anmeldung"),
    QT_TRANSLATE_NOOP("MailUi", "sie nennt den persönlichen Platz auf der Warteliste"),
    QT_TRANSLATE_NOOP("MailUi", "sie teilt der Person persönlich mit, dass sie nachgerückt ist"),
    QT_TRANSLATE_NOOP("MailUi", "sie enthält den Zugangslink und eine persönliche Kalendereinladung"),
    QT_TRANSLATE_NOOP("MailUi", "sie trägt die persönliche Teilnahmebescheinigung im Anhang"),
)
#: the recipient choices besides a given selection: (key, label); the status groups are services.mailing's
RECIPIENT_CHOICES = (
    ("template", QT_TRANSLATE_NOOP("MailUi", "Wie in der Vorlage vorgesehen")),
    ("registered", QT_TRANSLATE_NOOP("MailUi", "Alle Angemeldeten")),
    ("waiting", QT_TRANSLATE_NOOP("MailUi", "Alle auf der Warteliste")),
    ("cancelled", QT_TRANSLATE_NOOP("MailUi", "Alle Stornierten")),
    ("attended", QT_TRANSLATE_NOOP("MailUi", "Alle, die teilgenommen haben")),
)
SELECTION = "selection"


# -- replaceable in tests ------------------------------------------------------------------------------------


def exec_dialog(dialog: QDialog) -> int:
    return dialog.exec()


def choose_directory(parent: QWidget | None, title: str) -> Path | None:
    from odn_desktop.ui.infra.file_dialogs import folder_path

    return folder_path(parent, "mail_drafts", title=title)  # the folder last used for drafts


def choose_save_file(parent: QWidget | None, title: str, suggestion: str) -> Path | None:
    from odn_desktop.ui.infra.file_dialogs import save_path

    return save_path(parent, "privacy", suggestion, translate("MailUi", "Excel-Arbeitsmappe (*.xlsx)"), title=title)


def ask_confirmation(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_message(parent: QWidget | None, title: str, text: str) -> None:
    context.show_information(parent, title, text)


def open_file(path: Path) -> bool:
    """Open a file with its program (an .eml in Outlook); False when that failed."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def draft_test_folder() -> Path:
    """Where test drafts go: one folder in the temporary directory, a new test draft replaces the last."""
    import tempfile

    return Path(tempfile.gettempdir()) / "odn-desktop Testentwuerfe"


def _organizer() -> Any:
    """The sender saved here or in the settings dialog (else ODN_ORGANIZER_*), or ``None`` (the preview shows a
    marker then; drafts and mails ask with ``_organizer_or_ask``)."""
    from .organizer_settings import organizer

    return organizer(app_settings())


def _organizer_or_ask(parent: QWidget | None) -> Any:
    """The sender, asked for once with the settings dialog when none is set; ``None``: cancelled."""
    from .organizer_settings import organizer_or_ask

    return organizer_or_ask(parent, app_settings())


# -- the template editor -------------------------------------------------------------------------------------


class MailDialog(QDialog):
    """Template editor with live preview for one event; recipients, test draft, drafts and sending start here."""

    def __init__(self, ctx: AppContext, event_id: uuid.UUID, parent: QWidget | None = None, *,
                 template: str = "confirmation", registration_ids: Collection[uuid.UUID] | None = None,
                 selection_label: str | None = None) -> None:
        super().__init__(parent)
        from odn_desktop.services.events import event_row

        self.setObjectName("mailDialog")
        self._ctx = ctx
        self.event_id = event_id
        self._selection = None if registration_ids is None else list(registration_ids)
        self._groups: dict[str, tuple[uuid.UUID, ...]] = {}
        self._pending: list[uuid.UUID] = []
        self._recipient_count = 0
        self._edits: dict[str, tuple[str, str]] = {}  # unsaved wording per template
        self._preview_cache: dict[uuid.UUID | None, PreviewContext] = {}
        self._base: Any = None  # the stored template of the current name (read once per switch)
        self._loading = False
        row = ctx.read(lambda s: event_row(s, event_id))
        from odn_desktop.ui.infra.dates import display_date

        self.setWindowTitle(self.tr("Nachrichten – {title} ({date})").format(
            title=row.title, date=display_date(row.starts_at)))

        top = self._build_template_row()
        who = self._build_recipient_row(selection_label)
        editor = self._build_editor_box()
        preview = self._build_preview_box()
        splitter = QSplitter()
        splitter.addWidget(editor)
        splitter.addWidget(preview)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 520])
        bottom = self._build_button_row()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(who)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        screen = self.screen().availableGeometry()  # a laptop's 1366×768 or 1280×720: within the screen
        self.resize(min(1100, screen.width() - 40), min(720, screen.height() - 60))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        self._connect_signals()
        self._set_tab_order()

        index = self.template_combo.findData(template)
        self.template_combo.setCurrentIndex(max(0, index))
        self._template_changed()

    # -- building the dialog -------------------------------------------------------------------------------

    def _build_template_row(self) -> QHBoxLayout:
        """The template to edit and the person whose data fill the preview."""
        from odn_desktop.services import mailing

        self.template_combo = QComboBox()
        self.template_combo.setObjectName("templateCombo")
        for name, label in mailing.template_choices():
            self.template_combo.addItem(translate("MailUi", label), name)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("personCombo")
        self.person_combo.setMinimumContentsLength(30)
        self.person_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        top = QHBoxLayout()
        top.addWidget(buddy(self.tr("&Vorlage:"), self.template_combo))
        top.addWidget(self.template_combo, 1)
        top.addSpacing(16)
        top.addWidget(buddy(self.tr("Vorschau &für:"), self.person_combo))
        top.addWidget(self.person_combo, 2)
        return top

    def _build_recipient_row(self, selection_label: str | None) -> QHBoxLayout:
        """Who gets the message, BCC, the drafts still waiting and "Als verschickt markieren …"."""
        self.recipient_combo = QComboBox()
        self.recipient_combo.setObjectName("recipientCombo")
        self.recipient_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if self._selection is not None:
            self.recipient_combo.addItem(selection_label or self.tr("Auswahl"), SELECTION)
        for key, choice in RECIPIENT_CHOICES:
            self.recipient_combo.addItem(translate("MailUi", str(choice)), key)
        self._choice_labels = [self.recipient_combo.itemText(i) for i in range(self.recipient_combo.count())]
        self.bcc_check = QCheckBox(self.tr("Eine Nachricht an alle in B&CC"))
        self.bcc_check.setObjectName("bccCheck")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingLabel")
        self.mark_sent_button = QPushButton(self.tr("Als versc&hickt markieren …"))
        self.mark_sent_button.setObjectName("markSentButton")
        self.mark_sent_button.setToolTip(self.tr("Erst wenn die Entwürfe aus Outlook verschickt sind, gelten sie als "
                                                 "versendet (beim Zugangslink: die Frist ist dann erledigt)."))
        who = QHBoxLayout()
        who.addWidget(buddy(self.tr("Empfän&ger:"), self.recipient_combo))
        who.addWidget(self.recipient_combo)
        who.addSpacing(16)
        who.addWidget(self.bcc_check)
        who.addStretch(1)
        who.addWidget(self.pending_label)
        who.addWidget(self.mark_sent_button)
        return who

    def _build_editor_box(self) -> QGroupBox:
        """Subject, text, the placeholders and the buttons to save or reset the wording."""
        from odn_desktop.services import mailing

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
        editor_layout.addWidget(buddy(self.tr("&Platzhalter:"), self.placeholder_list))
        editor_layout.addWidget(self.placeholder_list, 1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.state_label, 1)
        buttons_row.addWidget(self.reset_button)
        buttons_row.addWidget(self.save_button)
        editor_layout.addLayout(buttons_row)
        return editor

    def _build_preview_box(self) -> QGroupBox:
        """The message filled in for one person: recipient, subject, text, attachment and what is missing."""
        self.preview_subject = QLabel()
        self.preview_subject.setObjectName("previewSubject")
        self.preview_subject.setWordWrap(True)
        bold = QFont(self.preview_subject.font())
        bold.setBold(True)
        self.preview_subject.setFont(bold)
        self.preview_to = QLabel()
        self.preview_to.setObjectName("previewTo")
        self.preview_to.setWordWrap(True)
        self.preview_body = QPlainTextEdit()
        self.preview_body.setObjectName("previewBody")
        self.preview_body.setReadOnly(True)
        self.preview_body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.attachment_label = QLabel()
        self.attachment_label.setObjectName("attachmentLabel")
        self.attachment_label.setWordWrap(True)
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
        return preview

    def _build_button_row(self) -> QHBoxLayout:
        """How many get it, test draft, drafts for Outlook, sending, close."""
        self.recipients_label = QLabel()
        self.recipients_label.setObjectName("recipientsLabel")
        self.recipients_label.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Testentwurf &an mich"))
        self.test_button.setObjectName("testDraftButton")
        self.test_button.setToolTip(self.tr("Ein Entwurf an Ihre eigene Adresse mit den Angaben der Person in der "
                                            "Vorschau; er öffnet sich in Ihrem E-Mail-Programm und wird nirgends "
                                            "vermerkt."))
        self.drafts_button = QPushButton(self.tr("&Entwürfe für Outlook speichern …"))
        self.drafts_button.setObjectName("draftsButton")
        self.send_button = QPushButton(self.tr("Per E-&Mail senden …"))
        self.send_button.setObjectName("sendButton")
        close = QPushButton(self.tr("Schl&ießen"))
        close.setObjectName("closeButton")
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.reset_button, self.mark_sent_button, self.test_button,
                       self.drafts_button, self.send_button, close):
            button.setAutoDefault(False)  # Enter in the subject line must not reset or send anything
        bottom = QHBoxLayout()
        bottom.addWidget(self.recipients_label, 1)
        bottom.addWidget(self.test_button)
        bottom.addWidget(self.drafts_button)
        bottom.addWidget(self.send_button)
        bottom.addWidget(close)
        return bottom

    def _connect_signals(self) -> None:
        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.person_combo.currentIndexChanged.connect(self.refresh_preview)
        self.recipient_combo.currentIndexChanged.connect(self._recipients_changed)
        self.bcc_check.toggled.connect(self._bcc_toggled)
        self.subject_edit.textChanged.connect(self._text_changed)
        self.body_edit.textChanged.connect(self._text_changed)
        self.placeholder_list.itemActivated.connect(self._insert_placeholder)
        self.save_button.clicked.connect(self.save_template)
        self.reset_button.clicked.connect(self.reset_template)
        self.mark_sent_button.clicked.connect(self.confirm_sent)
        self.test_button.clicked.connect(self.write_test_draft)
        self.drafts_button.clicked.connect(self.write_drafts)
        self.send_button.clicked.connect(self.open_send_dialog)

    def _set_tab_order(self) -> None:
        self.setTabOrder(self.template_combo, self.person_combo)
        self.setTabOrder(self.person_combo, self.recipient_combo)
        self.setTabOrder(self.recipient_combo, self.bcc_check)
        self.setTabOrder(self.bcc_check, self.mark_sent_button)
        self.setTabOrder(self.mark_sent_button, self.subject_edit)
        self.setTabOrder(self.subject_edit, self.body_edit)
        self.setTabOrder(self.body_edit, self.placeholder_list)

    # -- state ---------------------------------------------------------------------------------------------

    @property
    def template_name(self) -> str:
        return str(self.template_combo.currentData())

    @property
    def recipient_choice(self) -> str:
        return str(self.recipient_combo.currentData())

    @property
    def registration_ids(self) -> list[uuid.UUID] | None:
        """The chosen people (a selection or a status group); None: as the template says."""
        from odn_desktop.services import mailing

        choice = self.recipient_choice
        if choice == SELECTION:
            return list(self._selection or ())
        if choice in self._groups:  # a status group; none for a template only meant for particular people
            return [] if self.template_name in mailing.NO_GROUPS else list(self._groups[choice])
        return None

    @property
    def bcc(self) -> bool:
        return self.bcc_check.isEnabled() and self.bcc_check.isChecked()

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
        self._show_state(customised)
        self._update_bcc()
        self._update_groups()
        self._recipients_changed()

    def _recipients_changed(self, *_args: Any) -> None:
        self._load_people()
        self._update_recipients()
        self._update_pending()
        self.refresh_preview()

    def _bcc_toggled(self, _on: bool = False) -> None:
        self.person_combo.setEnabled(not self.bcc)
        self._update_recipients()
        self.refresh_preview()

    def _show_attachment(self, template: Any) -> None:
        if template.attach_invitation and self.bcc:
            text = self.tr("Anhang: Kalenderdatei der Veranstaltung ohne Namen (Absage für alle Kalender)")
        elif template.attach_invitation:
            text = self.tr("Anhang: persönliche Kalendereinladung (invite.ics)")
        elif template.attach_certificate:
            text = self.tr("Anhang: persönliche Teilnahmebescheinigung (PDF), für alle mit mindestens {percent} % "
                           "der Dauer").format(percent=self._min_percent())
        else:
            text = ""
        self.attachment_label.setText(text)

    def _update_bcc(self) -> None:
        from odn_desktop.services import mailing

        name = self.template_name
        allowed = name in mailing.BCC_TEMPLATES
        self.bcc_check.blockSignals(True)
        if not allowed:
            self.bcc_check.setChecked(False)
        self.bcc_check.setEnabled(allowed)
        self.bcc_check.blockSignals(False)
        self.person_combo.setEnabled(not self.bcc)
        if allowed:
            self.bcc_check.setToolTip(self.tr(
                "Ein einziger Entwurf: Sie selbst im An-Feld, alle Empfänger:innen in BCC, Anrede „Guten Tag,“ – "
                "für Informationen ohne persönlichen Inhalt. Der Versand per E-Mail schickt weiterhin jeder Person "
                "eine eigene Nachricht."))
        else:
            reason = translate("MailUi", mailing.BCC_REFUSALS.get(name, ""))
            self.bcc_check.setToolTip(self.tr(
                "Nicht für diese Vorlage: Sie geht an jede Person einzeln, denn {reason}. Eine Nachricht an alle in "
                "BCC gibt es nur für Erinnerung, Dank und Absage.").format(reason=reason))

    def _update_groups(self) -> None:
        """Each recipient choice with how many of it get the current template; empty choices are disabled."""
        from odn_desktop.services import mailing

        name, percent, selection = self.template_name, self._min_percent(), self._selection

        def counts(s: Any) -> tuple[dict[str, tuple[uuid.UUID, ...]], dict[str, int]]:
            groups = mailing.recipient_groups(s, self.event_id)
            found: dict[str, int] = {}
            for key, ids in ((SELECTION, selection), ("template", None), *groups.items()):
                if key == SELECTION and ids is None:
                    continue
                if key in groups and name in mailing.NO_GROUPS:
                    found[key] = 0
                    continue
                found[key] = len(mailing.recipients(s, self.event_id, name, registration_ids=ids,
                                                    min_percent=percent).people)
            return groups, found

        try:
            self._groups, found = self._ctx.read(counts)
        except UserError:
            self._groups, found = self._ctx.read(lambda s: mailing.recipient_groups(s, self.event_id)), {}
        model = self.recipient_combo.model()
        label = translate("MailUi", mailing.TEMPLATE_LABELS[name])
        self.recipient_combo.blockSignals(True)
        for i in range(self.recipient_combo.count()):
            key = str(self.recipient_combo.itemData(i))
            n = found.get(key, 0)
            self.recipient_combo.setItemText(i, f"{self._choice_labels[i]} ({n})")
            enabled = n > 0 or key in ("template", SELECTION)
            if isinstance(model, QStandardItemModel) and model.item(i) is not None:
                model.item(i).setEnabled(enabled)
            if key in self._groups and name in mailing.NO_GROUPS:
                tip = self.tr("„{label}“ geht nur an die Nachgerückten: über „Benachrichtigen …“ oder eine Auswahl "
                              "in der Tabelle.").format(label=label)
            elif not enabled:
                tip = self.tr("Niemand aus dieser Gruppe erhält „{label}“.").format(label=label)
            else:
                tip = ""
            self.recipient_combo.setItemData(i, tip or None, Qt.ItemDataRole.ToolTipRole)
        # the current choice stays, even when it reaches nobody now: never a wider circle than chosen
        self.recipient_combo.blockSignals(False)

    def _min_percent(self) -> int | None:
        """The certificate threshold from the settings (``ui.dialogs.certificates_dialog``); None otherwise."""
        if self.template_name != "certificate":
            return None
        from .certificates_dialog import saved_min_percent

        return saved_min_percent(app_settings())

    def _attachments(self, organizer: Any, registration_ids: list[uuid.UUID] | None = None) -> Any:
        """The certificates' PDFs for the certificate template (drawn here, on the GUI thread); None otherwise."""
        if self.template_name != "certificate":
            return None
        from odn_desktop.ui.pdf.certificate_mail import event_certificate_attachments

        percent = self._min_percent()
        ids = registration_ids if registration_ids is not None else self.registration_ids
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self._ctx.read(lambda s: event_certificate_attachments(
                s, self.event_id, min_percent=percent, coordinator_name=organizer.name, registration_ids=ids))
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
        """The preview's people: the current recipients (else anyone registered)."""
        from odn_desktop.services import mailing

        percent, ids = self._min_percent(), self.registration_ids
        try:
            people = self._ctx.read(lambda s: mailing.preview_people(s, self.event_id, self.template_name, percent,
                                                                     registration_ids=ids))
        except UserError:
            people = []
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
        ids = self.registration_ids
        try:
            chosen = self._ctx.read(lambda s: mailing.recipients(
                s, self.event_id, self.template_name, registration_ids=ids, min_percent=percent))
        except UserError as exc:
            self._recipient_count = 0
            self.recipients_label.setText(exc.message)
            return
        n = self._recipient_count = len(chosen.people)
        if self.bcc:
            text = self.tr("Empfänger: %n Personen in BCC (ein Entwurf)", "", n)
        else:
            text = self.tr("Empfänger: %n Personen", "", n)
        if chosen.skipped:
            text += self.tr(" ({n} übersprungen)").format(n=len(chosen.skipped))
            lines = [f"{s.name} – {s.reason}" for s in chosen.skipped[:20]]
            if len(chosen.skipped) > 20:
                lines.append("…")
            self.recipients_label.setToolTip(self.tr("Übersprungen:") + "\n" + "\n".join(lines))
        else:
            self.recipients_label.setToolTip("")
        self.recipients_label.setText(text)
        self.test_button.setEnabled(n > 0)
        self.drafts_button.setEnabled(n > 0)
        self.send_button.setEnabled(n > 0)

    def _update_pending(self) -> None:
        """"Als verschickt markieren …" while drafts of this template wait for the coordinator's confirmation."""
        from odn_desktop.services import mailing

        name = self.template_name
        self._pending = self._ctx.read(lambda s: mailing.pending_drafts(s, self.event_id, name))
        n = len(self._pending)
        self.pending_label.setText(self.tr("%n Entwürfe noch nicht als verschickt vermerkt", "", n))
        self.pending_label.setVisible(n > 0)
        self.mark_sent_button.setVisible(n > 0)

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
        template = self.current_template()
        if self.bcc:
            mail, problem = mailing.render_preview_neutral(preview_ctx, template)
            me = _organizer()
            to = self.tr("Sie selbst") if me is None else f"{me.name} <{me.email}>"
            self.preview_to.setText(self.tr("An: {to} · BCC: %n Personen", "", self._recipient_count).format(to=to))
        else:
            mail, problem = mailing.render_preview(preview_ctx, template)
            self.preview_to.setText(self.tr("An: {name} <{email}>").format(
                name=preview_ctx.person.display_name, email=preview_ctx.person.email))
        self.preview_subject.setText(mail.subject)
        self.preview_body.setPlainText(mail.body)
        self.problem_label.setText(problem)
        self._show_attachment(template)

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

    def _checked(self, organizer: Any) -> bool:
        """Everything that can be said before a folder is chosen (``mailing.check_drafts``); False: shown."""
        from odn_desktop.services import mailing

        name, template, percent, ids, bcc = (self.template_name, self.current_template(), self._min_percent(),
                                             self.registration_ids, self.bcc)
        try:
            self._ctx.read(lambda s: mailing.check_drafts(s, self.event_id, name, template=template,
                                                          registration_ids=ids, organizer=organizer, bcc=bcc,
                                                          min_percent=percent))
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return False
        return True

    def write_test_draft(self) -> Path | None:
        """One draft to the coordinator's own address with the previewed person's data, opened at once."""
        from odn_desktop.services import mailing

        organizer = _organizer_or_ask(self)
        if organizer is None or not self._checked(organizer):
            return None
        name, template, percent, ids, bcc = (self.template_name, self.current_template(), self._min_percent(),
                                             self.registration_ids, self.bcc)
        person = self.person_combo.currentData()
        folder = draft_test_folder()
        try:
            attachments = None if bcc else self._attachments(organizer, [person] if person is not None else None)
            result = self._ctx.read(lambda s: mailing.write_draft_files(
                s, self.event_id, name, folder, template=template, registration_ids=ids, organizer=organizer,
                attachments=attachments, min_percent=percent, bcc=bcc,
                test_to=mailing.MailAddress(organizer.name, organizer.email), test_person=person))
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return None
        path = result.files[0]
        self._ctx.status_message.emit(self.tr("Testentwurf an {email} gespeichert: {path}").format(
            email=organizer.email, path=path))
        if not open_file(path):
            show_message(self, self.tr("Testentwurf"), self.tr(
                "Der Testentwurf an {email} ist gespeichert:\n{path}\n\nEin Doppelklick auf die Datei öffnet sie "
                "in Outlook.").format(email=organizer.email, path=path))
        return path

    def write_drafts(self) -> None:
        from odn_desktop.services import mailing

        organizer = _organizer_or_ask(self)
        if organizer is None or not self._checked(organizer):
            return
        folder = choose_directory(self, self.tr("Ordner für die Entwürfe"))
        if not folder:
            return
        name, template, percent, ids, bcc = (self.template_name, self.current_template(), self._min_percent(),
                                             self.registration_ids, self.bcc)
        try:
            attachments = None if bcc else self._attachments(organizer)
            result = self._ctx.write(
                lambda s: mailing.write_draft_files(s, self.event_id, name, folder, template=template,
                                                    registration_ids=ids, organizer=organizer,
                                                    attachments=attachments, min_percent=percent, bcc=bcc),
                CHANGED_KINDS)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return
        if result.bcc:
            saved = self.tr("Ein Entwurf an %n Personen in BCC gespeichert in {folder}", "",
                            len(result.registration_ids)).format(folder=result.directory)
        else:
            saved = self.tr("%n Entwürfe gespeichert in {folder}", "", len(result.files)).format(
                folder=result.directory)
        if result.skipped:
            saved += " " + self.tr("(%n Personen übersprungen)", "", len(result.skipped))
        saved += "\n\n" + self.tr("Ein Doppelklick auf eine .eml-Datei öffnet sie in Outlook als Entwurf; prüfen "
                                  "und senden Sie sie von dort.")
        self._update_pending()
        if name == "access_link":
            question = self.tr("Haben Sie die Entwürfe aus Outlook verschickt? Erst dann gilt der Zugangslink als "
                               "versendet und die Frist „Zugangslink verschicken“ als erledigt. Sie können das auch "
                               "später mit „Als verschickt markieren …“ nachholen.")
            if ask_confirmation(self, self.tr("Entwürfe gespeichert"), saved + "\n\n" + question):
                self._mark_sent(list(result.registration_ids))
        else:
            show_message(self, self.tr("Entwürfe gespeichert"), saved)

    def confirm_sent(self) -> bool:
        """"Als verschickt markieren …": the coordinator confirms that the pending drafts went out of Outlook."""
        self._update_pending()
        n = len(self._pending)
        if not n:
            return False
        label = self.template_combo.currentText()
        if not ask_confirmation(self, self.tr("Als verschickt markieren"), self.tr(
                "%n Entwürfe „{label}“ sind noch nicht als verschickt vermerkt. Haben Sie die Entwürfe aus Outlook "
                "verschickt?", "", n).format(label=label)):
            return False
        self._mark_sent(None)
        return True

    def _mark_sent(self, registration_ids: list[uuid.UUID] | None) -> None:
        from odn_desktop.services import mailing

        name = self.template_name
        marked = self._ctx.write(lambda s: mailing.mark_drafts_sent(s, self.event_id, name,
                                                                    registration_ids=registration_ids),
                                 CHANGED_KINDS)
        note = self.tr("%n Entwürfe als verschickt vermerkt.", "", marked.count)
        if marked.access_link_done:
            note += " " + self.tr("Die Frist „Zugangslink verschicken“ ist erledigt.")
        self._ctx.status_message.emit(note)
        self._update_pending()

    def open_send_dialog(self) -> None:
        organizer = _organizer_or_ask(self)  # the send dialog starts with it; it can still be changed there
        if organizer is None:
            return
        percent, ids = self._min_percent(), self.registration_ids
        try:
            template = self.current_template()
            from odn_desktop.services import mailing

            attachments = self._attachments(organizer)
            self._ctx.read(lambda s: mailing.build_mails(s, self.event_id, self.template_name, template=template,
                                                         registration_ids=ids, organizer=organizer,
                                                         attachments=attachments, min_percent=percent))
        except UserError as exc:  # a faulty template or a missing link, before any server is asked
            context.show_user_error(self, exc.message)
            return
        from .mail_send_dialog import SendDialog

        dialog = SendDialog(self._ctx, self.event_id, self.template_name, template, ids, self,
                            attachments=attachments, min_percent=percent)
        exec_dialog(dialog)
        self._update_recipients()
        self._update_pending()

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
                     registration_ids: Collection[uuid.UUID] | None = None,
                     selection_label: str | None = None) -> MailDialog | None:
    """The template editor for one event (e.g. ``template="promoted"`` with the registrations that moved up;
    ``selection_label`` names those in the recipient choice)."""
    if ctx.db is None:
        return None
    try:
        dialog = MailDialog(ctx, event_id, parent, template=template, registration_ids=registration_ids,
                            selection_label=selection_label)
    except UserError as exc:
        context.show_user_error(parent, exc.message)
        return None
    exec_dialog(dialog)
    return dialog


def mail_selection(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID,
                   registration_ids: Collection[uuid.UUID], *, all_waiting: bool = False) -> MailDialog | None:
    """"E-Mail an Auswahl …": the editor for the rows chosen in a table (the waiting-list note when all wait)."""
    ids = list(registration_ids)
    if not ids:
        return None
    label = translate("MailUi", "Auswahl aus der Tabelle")
    return open_mail_dialog(parent, ctx, event_id, template="waitlist" if all_waiting else "confirmation",
                            registration_ids=ids, selection_label=label)


class PromotedNotice(QMessageBox):
    """"Von der Warteliste nachgerückt: …" with "Benachrichtigen …" (write to them) and "Schließen"."""

    def __init__(self, parent: QWidget | None, title: str, text: str) -> None:
        super().__init__(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent)
        self.setObjectName("promotedNotice")
        self.notify_button = self.addButton(self.tr("&Benachrichtigen …"), QMessageBox.ButtonRole.AcceptRole)
        self.notify_button.setObjectName("notifyButton")
        self.notify_button.setToolTip(self.tr("Die Nachricht „Nachgerückt von der Warteliste“ an genau diese "
                                              "Personen schreiben"))
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.notify_button)
        self.setEscapeButton(self.close_button)


def ask_notify_promoted(parent: QWidget | None, title: str, text: str) -> bool:
    """Show who moved up; True when the coordinator chose "Benachrichtigen …" (tests replace this)."""
    box = PromotedNotice(parent, title, text)
    exec_dialog(box)
    return box.clickedButton() is box.notify_button


def tell_promoted(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID,
                  registration_ids: Collection[uuid.UUID], title: str, text: str) -> MailDialog | None:
    """The "nachgerückt" message; "Benachrichtigen …" opens the editor with the template "promoted" and exactly
    the people who moved up (``registration_ids``)."""
    ids = list(registration_ids)
    if not ids:
        show_message(parent, title, text)
        return None
    if not ask_notify_promoted(parent, title, text):
        return None
    return open_mail_dialog(parent, ctx, event_id, template="promoted", registration_ids=ids,
                            selection_label=translate("MailUi", "Nachgerückte"))

