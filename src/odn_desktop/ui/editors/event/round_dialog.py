"""The small dialog that adds or changes a parallel round: title, description, seats (or unlimited)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.ui.infra import theme

MAX_SEATS = 100_000


@dataclass(frozen=True)
class RoundValues:
    title: str
    description: str
    capacity: int | None  # None: unlimited


class RoundDialog(QDialog):
    def __init__(self, initial: RoundValues | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoundDialog")
        self.setWindowTitle(self.tr("Runde bearbeiten") if initial else self.tr("Runde hinzufügen"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("roundTitle")
        self.title_edit.setPlaceholderText(self.tr("z. B. Runde A: Offene Haushaltsdaten"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("roundDescription")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setObjectName("roundCapacity")
        self.capacity_spin.setRange(0, MAX_SEATS)
        self.capacity_spin.setValue(20)
        self.unlimited_check = QCheckBox(self.tr("&unbegrenzt"))
        self.unlimited_check.setObjectName("roundUnlimited")
        self.unlimited_check.toggled.connect(lambda on: self.capacity_spin.setEnabled(not on))
        self.error_label = QLabel()
        self.error_label.setObjectName("roundError")
        self.error_label.setWordWrap(True)
        theme.keep_style(self.error_label, lambda: theme.text_style(theme.error_text))

        form = QFormLayout()
        title_label = QLabel(self.tr("&Titel:"))
        title_label.setBuddy(self.title_edit)
        description_label = QLabel(self.tr("&Beschreibung:"))
        description_label.setBuddy(self.description_edit)
        capacity_label = QLabel(self.tr("&Plätze:"))
        capacity_label.setBuddy(self.capacity_spin)
        seats = QHBoxLayout()
        seats.addWidget(self.capacity_spin)
        seats.addWidget(self.unlimited_check)
        seats.addStretch(1)
        form.addRow(title_label, self.title_edit)
        form.addRow(description_label, self.description_edit)
        form.addRow(capacity_label, seats)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setText(self.tr("&Speichern") if initial else self.tr("&Hinzufügen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.title_edit, self.description_edit)
        QWidget.setTabOrder(self.description_edit, self.capacity_spin)
        QWidget.setTabOrder(self.capacity_spin, self.unlimited_check)

        if initial is not None:
            self.title_edit.setText(initial.title)
            self.description_edit.setPlainText(initial.description)
            if initial.capacity is None:
                self.unlimited_check.setChecked(True)
            else:
                self.capacity_spin.setValue(initial.capacity)
        self._touched = False
        self.title_edit.textEdited.connect(self._on_edited)
        self.title_edit.textChanged.connect(self._validate)
        self._validate()
        self.title_edit.setFocus()
        self.setMinimumWidth(460)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def value(self) -> RoundValues:
        capacity = None if self.unlimited_check.isChecked() else self.capacity_spin.value()
        return RoundValues(self.title_edit.text().strip(), self.description_edit.toPlainText().strip(), capacity)

    def _on_edited(self, _text: str) -> None:
        self._touched = True
        self._validate()

    def _validate(self) -> bool:
        ok = bool(self.title_edit.text().strip())
        self.ok_button.setEnabled(ok)
        # an empty new form is not an error yet; a title typed and removed again is
        self.error_label.setText("" if ok or not self._touched else self.tr("Bitte einen Titel für die Runde angeben."))
        return ok

    def accept(self) -> None:
        if self._validate():
            super().accept()
