"""The small dialog before "Duplizieren als nächstes Treffen": date and start, title, which parts to copy.

The start is proposed eight weeks later at the same Berlin wall-clock time. The dialog shows what follows from
the chosen start (end, registration deadline, access-link dispatch, task due dates: each keeps its Berlin
wall-clock distance to the start, as ``services.next_meeting`` will store it) before anything is written.
``ask_next_meeting`` (a module function tests replace) shows it and returns the coordinator's choice.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.deadlines import default_access_link_dispatch
from odn_desktop.domain.timezone import to_berlin, to_utc, utcnow
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.dates import display_date, typing_friendly

if TYPE_CHECKING:  # the window paints before SQLAlchemy loads: the service is imported when the dialog opens
    from odn_desktop.services.next_meeting import DuplicateSource, MeetingTimes

# the parts as ``services.next_meeting.PARTS`` names them (a test keeps the two equal)
PARTS = ("programme", "speakers", "rounds", "tasks")


@dataclass(frozen=True)
class NextMeetingChoice:
    """What the coordinator chose: the new start (aware UTC), the title and the parts to copy."""

    starts_at: datetime
    title: str
    parts: tuple[str, ...]


def run_dialog(dialog: QDialog) -> bool:
    """Show the dialog modally; True when accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_next_meeting(parent: QWidget | None, source: DuplicateSource) -> NextMeetingChoice | None:
    """The coordinator's choice for the copy of ``source``; None when cancelled. Replaced in tests."""
    dialog = DuplicateDialog(source, parent)
    try:
        return dialog.choice() if run_dialog(dialog) else None
    finally:
        dialog.deleteLater()


def _when(dt: datetime) -> str:
    return f"{display_date(dt)}, {to_berlin(dt):%H:%M}"


class DuplicateDialog(QDialog):
    def __init__(self, source: DuplicateSource, parent: QWidget | None = None, now: datetime | None = None) -> None:
        from odn_desktop.services.next_meeting import proposed_start

        super().__init__(parent)
        self.setObjectName("DuplicateDialog")
        self.setWindowTitle(self.tr("Als nächstes Treffen duplizieren"))
        self.source = source
        self._now = now or utcnow()
        start = to_berlin(proposed_start(source.times.starts_at))

        intro = QLabel(self.tr("Kopie von „{title}“ vom {date}. Anmeldungen und der Zugangslink werden nicht "
                               "übernommen.").format(title=source.title, date=display_date(source.times.starts_at)))
        intro.setObjectName("duplicateIntro")
        intro.setWordWrap(True)
        form = self._build_when_form(start)
        self._build_derived_box()
        parts_box = self._build_parts_box()

        self.warning_label = QLabel()
        self.warning_label.setObjectName("duplicateWarning")
        self.warning_label.setWordWrap(True)
        theme.keep_style(self.warning_label, lambda: theme.text_style(theme.warning_text))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setText(self.tr("Dupli&zieren"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(self.derived, 3)
        columns.addWidget(parts_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(columns)
        layout.addWidget(self.description_note)
        layout.addWidget(self.warning_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        chain = [self.title_edit, self.date_edit, self.time_edit, *(self.part_checks[p] for p in PARTS),
                 self.ok_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.title_edit.textChanged.connect(self._update)
        self.date_edit.dateChanged.connect(self._update)
        self.time_edit.timeChanged.connect(self._update)
        self._update()
        self.date_edit.setFocus()
        self.setMinimumWidth(760)
        self.adjustSize()

    # -- building the dialog -------------------------------------------------------------------------------

    def _build_when_form(self, start: datetime) -> QFormLayout:
        """Title, date and start of the new meeting (the proposed start given)."""
        self.title_edit = QLineEdit(self.source.title)
        self.title_edit.setObjectName("duplicateTitle")
        self.date_edit = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_edit.setObjectName("duplicateDate")
        self.date_edit.setDisplayFormat("dd.MM.yyyy (ddd)")
        self.date_edit.setCalendarPopup(True)
        typing_friendly(self.date_edit)
        self.time_edit = QTimeEdit(QTime(start.hour, start.minute))
        self.time_edit.setObjectName("duplicateTime")
        self.time_edit.setDisplayFormat("HH:mm")
        metrics = self.fontMetrics()
        self.date_edit.setMinimumWidth(metrics.horizontalAdvance("30.12.2029 (Mi.)") + 48)
        self.time_edit.setMinimumWidth(metrics.horizontalAdvance("23:59") + 48)
        form = QFormLayout()
        for text, widget in ((self.tr("&Titel:"), self.title_edit), (self.tr("&Datum:"), self.date_edit),
                             (self.tr("&Beginn:"), self.time_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            if widget is self.title_edit:
                form.addRow(label, widget)
            else:  # a date or a time needs no full row
                row = QHBoxLayout()
                row.addWidget(widget)
                row.addStretch(1)
                form.addRow(label, row)
        self.time_edit.setToolTip(self.tr("Beginn in deutscher Zeit (Europe/Berlin)"))
        return form

    def _build_derived_box(self) -> None:
        """What follows from the new start: end, registration window, dispatch of the link, tasks."""
        self.derived = QGroupBox(self.tr("Daraus folgt (gleicher Abstand zum Beginn)"))
        self.derived.setObjectName("duplicateDerived")
        derived_form = QFormLayout(self.derived)
        self.end_value = self._value_label("duplicateEnd")
        self.deadline_value = self._value_label("duplicateDeadline")
        self.opens_value = self._value_label("duplicateOpens")
        self.dispatch_value = self._value_label("duplicateDispatch")
        self.tasks_value = self._value_label("duplicateTasks")
        self._derived_rows: dict[str, QLabel] = {}
        for key, text, value in (
            ("end", self.tr("Ende:"), self.end_value),
            ("opens", self.tr("Anmeldung ab:"), self.opens_value),
            ("deadline", self.tr("Anmeldeschluss:"), self.deadline_value),
            ("dispatch", self.tr("Versand des Zugangslinks:"), self.dispatch_value),
            ("tasks", self.tr("Aufgaben fällig:"), self.tasks_value),
        ):
            label = QLabel(text)
            label.setBuddy(value)
            derived_form.addRow(label, value)
            self._derived_rows[key] = label
        derived_form.setRowVisible(self._derived_rows["opens"],
                                   self.source.times.registration_opens_at is not None)

    def _build_parts_box(self) -> QGroupBox:
        """Which parts are copied (programme, speakers, rounds, tasks) and the note on the description."""
        counts = self.source.counts
        self.part_checks: dict[str, QCheckBox] = {
            "programme": QCheckBox(self.tr("&Programm (%n Programmpunkte)", "", counts["programme"])),
            "speakers": QCheckBox(self.tr("&Referent:innen ({count})").format(count=counts["speakers"])),
            "rounds": QCheckBox(self.tr("R&unden ({count})").format(count=counts["rounds"])),
            "tasks": QCheckBox(self.tr("&Aufgaben ({count})").format(count=counts["tasks"])),
        }
        parts_box = QGroupBox(self.tr("Übernehmen"))
        parts_box.setObjectName("duplicateParts")
        parts_layout = QVBoxLayout(parts_box)
        for part in PARTS:
            check = self.part_checks[part]
            check.setObjectName(f"duplicate_{part}")
            check.setChecked(counts[part] > 0)
            check.setEnabled(counts[part] > 0)
            check.toggled.connect(self._update)
            parts_layout.addWidget(check)
        self.description_note = QLabel(self.tr(
            "Die Beschreibung wird übernommen und im neuen Treffen als „bitte prüfen“ markiert, bis sie "
            "geändert wird."))
        self.description_note.setObjectName("duplicateDescriptionNote")
        self.description_note.setWordWrap(True)
        parts_layout.addStretch(1)
        self.description_note.setVisible(self.source.has_description)
        return parts_box

    def _value_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # -- the choice -------------------------------------------------------------------------------------------

    def starts_at(self) -> datetime:
        """The chosen start as aware UTC (date and time are Berlin wall-clock time)."""
        d, t = self.date_edit.date(), self.time_edit.time()
        return to_utc(datetime.combine(date(d.year(), d.month(), d.day()), time(t.hour(), t.minute())))

    def parts(self) -> tuple[str, ...]:
        return tuple(p for p in PARTS if self.part_checks[p].isEnabled() and self.part_checks[p].isChecked())

    def times(self) -> MeetingTimes:
        return self.source.times.moved_to(self.starts_at())

    def choice(self) -> NextMeetingChoice:
        return NextMeetingChoice(self.starts_at(), self.title_edit.text().strip(), self.parts())

    def _update(self) -> None:
        times = self.times()
        self.end_value.setText(self.tr("{when} Uhr").format(when=_when(times.ends_at)))
        self.opens_value.setText("" if times.registration_opens_at is None
                                 else self.tr("{when} Uhr").format(when=_when(times.registration_opens_at)))
        self.deadline_value.setText(self.tr("kein Anmeldeschluss") if times.registration_deadline is None
                                    else self.tr("{when} Uhr").format(when=_when(times.registration_deadline)))
        if times.access_link_dispatch_at is None:
            self.dispatch_value.setText(self.tr("{when} Uhr (Standard: am Vortag)").format(
                when=_when(default_access_link_dispatch(times.starts_at))))
        else:
            self.dispatch_value.setText(self.tr("{when} Uhr").format(when=_when(times.access_link_dispatch_at)))
        if not times.task_dues:
            self.tasks_value.setText(self.tr("keine Aufgaben"))
        elif "tasks" not in self.parts():
            self.tasks_value.setText(self.tr("werden nicht übernommen"))
        else:
            first, last = min(times.task_dues), max(times.task_dues)
            self.tasks_value.setText(_when(first) if first == last else self.tr("{first} bis {last}").format(
                first=_when(first), last=_when(last)))
        problems = []
        if times.starts_at <= self._now:
            problems.append(self.tr("Der Beginn liegt in der Vergangenheit."))
        if times.registration_deadline is not None and times.registration_deadline <= self._now < times.starts_at:
            problems.append(self.tr("Der Anmeldeschluss ist dann schon vorbei; bitte im neuen Treffen anpassen."))
        self.warning_label.setText(" ".join(problems))
        self.warning_label.setVisible(bool(problems))
        self.ok_button.setEnabled(bool(self.title_edit.text().strip()))
