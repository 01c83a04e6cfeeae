"""The participant list's options before it is saved (Excel sheet or PDF): what ``export attendance
--columns LIST --blank-rows N --per-round`` sets on the command line.

Columns "Funktion", "E-Mail" and "Runde" (the name, title and organisation columns are always there), empty
numbered rows for people who come without registering, and for an event with parallel rounds one list per round.
The choice is remembered in the settings (``domain.settings.ATTENDANCE_*``) for the next list. The dialog also says
whether the list gets the signature column (not for an online meeting, whose attendance comes from the video
tool's report).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.settings import (
    ATTENDANCE_BLANK_ROWS,
    ATTENDANCE_COLUMNS,
    ATTENDANCE_PER_ROUND,
    MAX_BLANK_ROWS,
)
from odn_desktop.exchange.attendance_sheet import OPTIONAL_COLUMNS
from odn_desktop.ui.infra.settings import as_settings

if TYPE_CHECKING:
    from odn_desktop.ui.infra.settings import AnySettings

DEFAULT_BLANK_ROWS = ATTENDANCE_BLANK_ROWS.default


@dataclass(frozen=True)
class AttendanceOptions:
    """``columns`` are keys of ``OPTIONAL_COLUMNS`` (``role``, ``email``, ``round``) in sheet order."""

    columns: tuple[str, ...] = ATTENDANCE_COLUMNS.default
    blank_rows: int = DEFAULT_BLANK_ROWS
    per_round: bool = ATTENDANCE_PER_ROUND.default

    def for_event(self, rounds: int) -> AttendanceOptions:
        """What applies to an event with ``rounds`` parallel rounds: without rounds, no "Runde" column and one
        list; with one list per round, no "Runde" column either (each list is one round)."""
        drop_round = rounds == 0 or (self.per_round and rounds > 0)
        columns = tuple(c for c in self.columns if not (c == "round" and drop_round))
        return AttendanceOptions(columns=columns, blank_rows=self.blank_rows, per_round=self.per_round and rounds > 0)


def load_options(settings: AnySettings) -> AttendanceOptions:
    """The options chosen last (the defaults when none or nonsense is stored)."""
    store = as_settings(settings)
    wanted: tuple[str, ...] = store.get(ATTENDANCE_COLUMNS)
    return AttendanceOptions(columns=tuple(key for key in OPTIONAL_COLUMNS if key in wanted),
                             blank_rows=store.get(ATTENDANCE_BLANK_ROWS), per_round=store.get(ATTENDANCE_PER_ROUND))


def save_options(options: AttendanceOptions, settings: AnySettings) -> None:
    store = as_settings(settings)
    store.set(ATTENDANCE_COLUMNS, tuple(options.columns))
    store.set(ATTENDANCE_BLANK_ROWS, int(options.blank_rows))
    store.set(ATTENDANCE_PER_ROUND, bool(options.per_round))


class AttendanceOptionsDialog(QDialog):
    """Columns, empty rows and one list per round; ``options()`` is what was chosen (as stored: a column the
    event cannot show is kept for the next event, ``AttendanceOptions.for_event`` leaves it out)."""

    def __init__(self, options: AttendanceOptions, *, rounds: int, signature: bool, pdf: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceOptionsDialog")
        self.setWindowTitle(self.tr("Teilnehmendenliste als PDF") if pdf else self.tr("Anwesenheitsliste"))
        self.rounds = rounds
        self._stored = options

        columns_box = self._build_columns_box(options)
        always = QLabel(self.tr("Immer dabei: Nr., Nachname, Vorname, Titel (wenn jemand einen hat), "
                                "Organisation/Kommune."), self)
        always.setWordWrap(True)
        form = self._build_rows_form(options)

        signature_text = (self.tr("Mit der Spalte „Anwesend / Unterschrift“ (Präsenz oder hybrid).") if signature
                          else self.tr("Ohne Unterschriftenspalte: Die Teilnahme eines Online-Treffens kommt aus "
                                       "dem Teilnehmerbericht des Videokonferenz-Programms."))
        self.signature_note = QLabel(signature_text, self)
        self.signature_note.setObjectName("signatureNote")
        self.signature_note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Weiter …"))
        ok.setObjectName("optionsOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(columns_box)
        layout.addWidget(always)
        layout.addLayout(form)
        layout.addWidget(self.signature_note)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.adjustSize()

    # -- building the dialog -------------------------------------------------------------------------------

    def _build_columns_box(self, options: AttendanceOptions) -> QGroupBox:
        """The optional columns: role, e-mail, round."""
        self.role_check = QCheckBox(self.tr("&Funktion"), self)
        self.role_check.setObjectName("columnRole")
        self.email_check = QCheckBox(self.tr("&E-Mail"), self)
        self.email_check.setObjectName("columnEmail")
        self.round_check = QCheckBox(self.tr("&Runde"), self)
        self.round_check.setObjectName("columnRound")
        self.role_check.setChecked("role" in options.columns)
        self.email_check.setChecked("email" in options.columns)
        self._round_wanted = "round" in options.columns  # shown only while the column can be had
        self.round_check.setChecked(self._round_wanted)
        self.round_check.toggled.connect(self._round_toggled)
        columns_box = QGroupBox(self.tr("Zusätzliche Spalten"), self)
        columns_row = QHBoxLayout(columns_box)
        for check in (self.role_check, self.email_check, self.round_check):
            columns_row.addWidget(check)
        columns_row.addStretch(1)
        return columns_box

    def _build_rows_form(self, options: AttendanceOptions) -> QFormLayout:
        """Empty rows for late registrations and one list per round (only when the event has rounds)."""
        rounds = self.rounds
        self.blank_spin = QSpinBox(self)
        self.blank_spin.setObjectName("blankRows")
        self.blank_spin.setRange(0, MAX_BLANK_ROWS)
        self.blank_spin.setValue(options.blank_rows)
        self.blank_spin.setAccessibleName(self.tr("Leerzeilen für Nachmeldungen"))
        self.blank_spin.setMinimumWidth(self.blank_spin.fontMetrics().horizontalAdvance("00000") + 40)
        self.per_round_check = QCheckBox(self.tr("Eine Liste &je Runde (jede auf eigenen Seiten)"), self)
        self.per_round_check.setObjectName("perRound")
        self.per_round_check.setChecked(options.per_round and rounds > 0)
        self.per_round_check.setEnabled(rounds > 0)
        if rounds:
            self.per_round_check.setToolTip(self.tr("Die Veranstaltung hat {n} parallele Runden.").format(n=rounds))
        else:
            self.round_check.setToolTip(self.tr("Die Veranstaltung hat keine parallelen Runden."))
        self.per_round_check.toggled.connect(self._update_round_column)
        self._update_round_column()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&Leerzeilen für Nachmeldungen:"), self.blank_spin)
        form.addRow("", self.per_round_check)
        form.setRowVisible(self.per_round_check, rounds > 0)  # without rounds there is nothing to choose
        return form

    def _round_toggled(self, checked: bool) -> None:
        if self.round_check.isEnabled():
            self._round_wanted = checked

    def _update_round_column(self) -> None:
        """Without rounds there is no "Runde" column; with one list per round every list is one round, so the
        column would say the same in each row: then it is off and disabled (the wish is kept for later)."""
        possible = self.rounds > 0 and not self.per_round_check.isChecked()
        self.round_check.setEnabled(possible)
        self.round_check.setChecked(self._round_wanted and possible)

    def options(self) -> AttendanceOptions:
        """What the dialog shows, for storing: a disabled "Runde" keeps what was wished before."""
        columns = {key for key, check in (("role", self.role_check), ("email", self.email_check))
                   if check.isChecked()}
        if self._round_wanted:
            columns.add("round")
        per_round = self.per_round_check.isChecked() if self.rounds else self._stored.per_round
        return AttendanceOptions(columns=tuple(k for k in OPTIONAL_COLUMNS if k in columns),
                                 blank_rows=self.blank_spin.value(), per_round=per_round)


def exec_dialog(dialog: QDialog) -> int:
    """Run the modal dialog (replaced in tests)."""
    return dialog.exec()


def ask_attendance_options(parent: QWidget | None, settings: AnySettings, *, rounds: int, signature: bool,
                           pdf: bool = False) -> AttendanceOptions | None:
    """Show the options as chosen last; OK stores them and returns what applies to this event; ``None``:
    cancelled (nothing stored)."""
    dialog = AttendanceOptionsDialog(load_options(settings), rounds=rounds, signature=signature, pdf=pdf,
                                     parent=parent)
    try:
        if not exec_dialog(dialog):
            return None
        chosen = dialog.options()
    finally:
        dialog.deleteLater()
    save_options(chosen, settings)
    return chosen.for_event(rounds)
