"""The person editor the Referent:innen and Kontakte pages share, and the prompt before its edits are left.

``PersonEditor`` binds the widgets of a Designer form to field names, tracks a dirty state (current values
against the values loaded), and validates inline (last name required, e-mail syntax) with a message under
the field and the Speichern button disabled while something is wrong. The list around it is
``ui.pages.person_list_page.PersonListPage``; it asks ``ask_unsaved_changes`` (a module function tests
replace) before the editor shows another person.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.names import german_sort_key, list_name, person_sort_key
from odn_desktop.ui.infra import theme
from odn_desktop.ui.models.snapshot_model import ColumnSpec

Answer = Literal["save", "discard", "cancel"]

SALUTATIONS = ("", "Frau", "Herr")
FEDERAL_STATES = (
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland", "Sachsen",
    "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
)
EXPERIENCE_LEVELS = ("", "Einsteiger:in", "Fortgeschritten", "Erfahren")


translate = QCoreApplication.translate


def _error_style() -> str:
    """The field error labels, for the palette in effect now."""
    return theme.text_style(theme.error_text)


def ask_unsaved_changes(parent: QWidget | None) -> Answer:
    """Save, discard or cancel, asked before the editor shows another person. Replaced in tests."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("PersonForms", "Ungespeicherte Änderungen"))
    box.setText(translate("PersonForms", "Die Änderungen an dieser Person sind noch nicht gespeichert."))
    box.setInformativeText(translate("PersonForms", "Möchten Sie die Änderungen speichern?"))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def email_problem(text: str, *, required: bool) -> str | None:
    """The inline message for an e-mail field, or None when it is fine (syntax only, like
    ``services.contacts.check_email``: no DNS, the coordinator is often offline)."""
    text = text.strip()
    if not text:
        return translate("PersonForms", "Bitte geben Sie eine E-Mail-Adresse an.") if required else None
    from email_validator import EmailNotValidError, validate_email  # ~30 ms: only when first needed

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return translate("PersonForms", "Diese E-Mail-Adresse ist ungültig (Beispiel: name@kommune.de).")
    return None


def fill_combo(combo: QComboBox, values: Sequence[str]) -> None:
    """Stored values as items (German data, not translated: a saved state must read the same in English)."""
    combo.clear()
    combo.addItems(list(values))


# -- widget access -----------------------------------------------------------------------------------------


def read_widget(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(f"no value binding for {type(widget).__name__}")


def write_widget(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value or "")
        widget.setCursorPosition(0)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QComboBox):
        text = value or ""
        if widget.isEditable():
            widget.setCurrentText(text)
        else:
            found = widget.findText(text)
            if found < 0:  # a value from an import that is not in the list: keep it rather than lose it
                widget.addItem(text)
                found = widget.count() - 1
            widget.setCurrentIndex(found)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        raise TypeError(f"no value binding for {type(widget).__name__}")


def _change_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    raise TypeError(f"no change signal for {type(widget).__name__}")


# -- the editor --------------------------------------------------------------------------------------------


class PersonEditor(QWidget):
    """A Designer form bound to field names; ``changes()`` is what ``Speichern`` sends to the service."""

    dirty_changed = Signal(bool)
    save_requested = Signal()
    revert_requested = Signal()

    def __init__(self, form: QWidget, fields: Mapping[str, QWidget], *, heading: QLabel,
                 save_button: QAbstractButton, revert_button: QAbstractButton, dirty_label: QLabel,
                 errors: Mapping[str, QLabel], email_required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.form = form
        self.fields = dict(fields)
        self.heading = heading
        self.save_button = save_button
        self.revert_button = revert_button
        self.dirty_label = dirty_label
        self.errors = dict(errors)
        self._email_required = email_required
        self._loaded: dict[str, Any] = {}
        self._new = False
        self._loading = False
        self._was_dirty = False

        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        italic = dirty_label.font()
        italic.setItalic(True)
        dirty_label.setFont(italic)
        dirty_label.setVisible(False)
        for label in self.errors.values():
            theme.keep_style(label, _error_style)
            label.setVisible(False)
        for widget in self.fields.values():
            _change_signal(widget).connect(self._on_edited)
        save_button.clicked.connect(self.save_requested)
        revert_button.clicked.connect(self.revert_requested)
        self.load(None)

    # -- state ---------------------------------------------------------------------------------------------

    @property
    def is_new(self) -> bool:
        return self._new

    @property
    def has_record(self) -> bool:
        return self._new or bool(self._loaded)

    def load(self, values: Mapping[str, Any] | None, heading: str = "") -> None:
        """Show a stored person (``None``: nothing selected, the form is disabled and empty)."""
        self._new = False
        self._fill(dict(values) if values is not None else {}, heading)
        self.form.setEnabled(values is not None)
        if values is None:
            self.heading.setText(translate("PersonForms", "Niemand ausgewählt"))

    def start_new(self, heading: str, defaults: Mapping[str, Any] | None = None) -> None:
        """An empty form for a person not stored yet; it counts as dirty once something was typed."""
        self._fill({}, heading)
        self._new = True
        self.form.setEnabled(True)
        for name, value in (defaults or {}).items():
            write_widget(self.fields[name], value)
        self._refresh()

    def _fill(self, values: dict[str, Any], heading: str) -> None:
        self._loading = True
        try:
            for name, widget in self.fields.items():
                write_widget(widget, values.get(name, False if isinstance(widget, QCheckBox) else ""))
            self._loaded = {name: read_widget(w) for name, w in self.fields.items()} if values else {}
        finally:
            self._loading = False
        self.heading.setText(heading)
        self._refresh()

    def accept_current(self) -> None:
        """After a successful save: what the form shows is now what is stored."""
        self._loaded = self.values()
        self._new = False
        self._refresh()

    def values(self) -> dict[str, Any]:
        return {name: read_widget(w) for name, w in self.fields.items()}

    def changes(self) -> dict[str, Any]:
        """Fields that differ from what was loaded (for a new person: every filled field)."""
        current = self.values()
        if self._new:
            return {k: v for k, v in current.items() if v}
        return {k: v for k, v in current.items() if self._loaded and v != self._loaded.get(k)}

    def is_dirty(self) -> bool:
        return bool(self.changes())

    # -- validation ----------------------------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """Field name → German message, for every field that cannot be saved as it is."""
        found: dict[str, str] = {}
        if self.has_record and not read_widget(self.fields["last_name"]):
            found["last_name"] = translate("PersonForms", "Bitte geben Sie einen Nachnamen an.")
        if self.has_record:
            message = email_problem(read_widget(self.fields["email"]), required=self._email_required)
            if message:
                found["email"] = message
        return found

    def is_valid(self) -> bool:
        return not self.problems()

    def focus_first_problem(self) -> None:
        for name in self.fields:
            if name in self.problems():
                self.fields[name].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self._refresh()

    def _refresh(self) -> None:
        dirty = self.is_dirty()
        problems = self.problems() if (dirty or not self._new) else {}
        for name, label in self.errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            self.fields[name].setToolTip(message)
        self.save_button.setEnabled(dirty and not problems)
        self.revert_button.setEnabled(dirty)
        self.dirty_label.setVisible(dirty)
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)


def text_column(title: str, value: Callable[[Any], str], *, tooltip: bool = False) -> ColumnSpec[Any]:
    """A text column sorted in German dictionary order (umlauts with their base letters, case ignored)."""
    return ColumnSpec(
        title=title,
        display=value,
        sort_key=lambda row: german_sort_key(value(row)),
        tooltip=(lambda row: value(row) or None) if tooltip else None,
    )


def name_column(title: str) -> ColumnSpec[Any]:
    """``Nachname, Vorname`` sorted by last then first name (DIN 5007-2), as participant lists are."""
    def display(row: Any) -> str:  # "Arslan, Dr. Nils", "Heide, Anna von der", as German directories list people
        return list_name(row.last_name, row.first_name, row.academic_title).directory

    return ColumnSpec(title=title, display=display, sort_key=lambda r: person_sort_key(r.last_name, r.first_name))
