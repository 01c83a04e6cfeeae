"""Extras › Einstellungen: the language of the window and the coordinator's own name and e-mail address
(ORGANIZER of invitations and calendar files, sender of mails; see ``organizer_settings``).

The address is checked as it is typed (syntax only, no DNS: the coordinator is often offline); OK stays
disabled while it is invalid, so a wrong address never reaches an invitation. Opened before the first export
that needs them (``organizer_settings.organizer_or_ask``, ``require_organizer=True``), it says why and keeps OK
disabled until both name and address are given.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.ui.editors.person_forms import email_problem
from odn_desktop.ui.infra import theme

LANGUAGES = (("de", "Deutsch"), ("en", "English"))  # each language in its own name: found in either UI


class SettingsDialog(QDialog):
    def __init__(self, values: dict[str, str], parent: QWidget | None = None, *,
                 require_organizer: bool = False) -> None:
        super().__init__(parent)
        self.require_organizer = require_organizer
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Einstellungen"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        index = self.language_combo.findData(values.get("language", "de"))
        self.language_combo.setCurrentIndex(max(index, 0))
        self.name_edit = QLineEdit(values.get("name", ""))
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("z. B. Koordination Open-Data-Netzwerktreffen"))
        self.email_edit = QLineEdit(values.get("email", ""))
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setPlaceholderText("koordination@example.de")
        self.email_error = QLabel()
        self.email_error.setObjectName("emailError")
        self.email_error.setWordWrap(True)
        theme.keep_style(self.email_error, lambda: theme.text_style(theme.error_text))

        form = QFormLayout()
        form.addRow(self.tr("&Sprache (nach dem Neustart):"), self.language_combo)
        form.addRow(self.tr("Ihr &Name:"), self.name_edit)
        form.addRow(self.tr("Ihre &E-Mail-Adresse:"), self.email_edit)
        form.addRow("", self.email_error)
        note = QLabel(self.tr("Name und Adresse stehen als Organisator in Einladungen und Kalenderdateien (dorthin "
                              "gehen Zu- und Absagen aus Outlook) und als Absender in E-Mails."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if require_organizer:
            why = QLabel(self.tr("Bevor Kalenderdateien, Einladungen oder E-Mail-Entwürfe entstehen: Bitte geben "
                                 "Sie Ihren Namen und Ihre E-Mail-Adresse an. Sie werden für später gespeichert."))
            why.setObjectName("organizerRequiredNote")
            why.setWordWrap(True)
            layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.language_combo, self.name_edit)
        self.setTabOrder(self.name_edit, self.email_edit)
        self.email_edit.textChanged.connect(self._check)
        self.name_edit.textChanged.connect(self._check)
        self._check()
        self.resize(520, self.sizeHint().height())

    def _check(self) -> None:
        problem = email_problem(self.email_edit.text(), required=self.require_organizer)
        if problem is None and self.require_organizer and not self.name_edit.text().strip():
            problem = self.tr("Bitte geben Sie Ihren Namen an.")
        self.email_error.setText(problem or "")
        self.email_error.setVisible(problem is not None)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(problem is None)

    def values(self) -> dict[str, str]:
        return {"language": str(self.language_combo.currentData()), "name": self.name_edit.text().strip(),
                "email": self.email_edit.text().strip()}
