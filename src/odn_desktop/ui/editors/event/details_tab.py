"""The Details tab: every field of an event in a Designer form, checked while typing, saved as one undo step.

Edits collect in the form (the tab is "dirty") until Speichern (Ctrl+S through ``save_changes``) applies all of
them as one ``ServiceCommand`` over ``services.event_editing.save_event_form``; its undo puts the old values
back (and people who moved up into freed seats back on the waiting list). Verwerfen reloads the stored values.

When the start changes, ``ask_move_along`` (a module function tests replace) offers to move end, registration
deadline, access-link dispatch and the open tasks along, each keeping its Berlin wall-clock distance to the start
(``services.next_meeting.moved_with_start``); the tasks move when the form is saved, in the same undo step.
A description copied from the previous meeting carries a note until it is edited or marked as checked.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from odn_desktop.domain.deadlines import MeetingState, default_access_link_dispatch, end_of_day, meeting_state
from odn_desktop.domain.timezone import to_berlin, utcnow
from odn_desktop.services.rows import FORMAT_LABELS, STATUS_LABELS
from odn_desktop.ui.generated.ui_event_details import Ui_EventDetails
from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.dates import typing_friendly
from odn_desktop.ui.infra.undo import ServiceCommand

from . import wall_time
from .labels import label as domain_label
from .signal_guard import emit

#: lupdate finds ``translate("Context", "text")`` calls by this name
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from odn_desktop.services.event_editing import EventForm, SaveOutcome
    from odn_desktop.ui.infra.context import AppContext


def error_style() -> str:
    """The field error labels, for the palette in effect now."""
    return theme.text_style(theme.error_text)


def dirty_style() -> str:
    """The "unsaved changes" label, for the palette in effect now."""
    return theme.text_style(theme.warning_text, "bold")


#: Which error label shows a message about which rule.
ERROR_FIELDS = ("title", "times", "url", "deadline", "dispatch")
#: From this width on the form shows two columns; narrower, the groups stack (the form scrolls).
TWO_COLUMNS_FROM = 980


def ask_move_along(parent: QWidget | None) -> bool:
    """After the start changed: move end, deadline, access-link dispatch and tasks along? Replaced in tests."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("DetailsTab", "Beginn geändert"),
                      translate("DetailsTab",
                                "Ende, Anmeldeschluss, Versand des Zugangslinks und Aufgaben mit verschieben?"),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setInformativeText(translate("DetailsTab", "Sie behalten ihren Abstand zum Beginn (Uhrzeit in deutscher "
                                                   "Zeit, auch über eine Zeitumstellung hinweg)."))
    box.button(QMessageBox.StandardButton.Yes).setText(translate("DetailsTab", "Mit verschieben"))
    box.button(QMessageBox.StandardButton.No).setText(translate("DetailsTab", "Nicht verschieben"))
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes



def validate(values: dict[str, Any]) -> dict[str, str]:
    """German messages for what is wrong with the form's values, keyed by ``ERROR_FIELDS``; empty when valid."""
    errors: dict[str, str] = {}
    if not (values.get("title") or "").strip():
        errors["title"] = translate("DetailsTab", "Bitte geben Sie einen Titel an.")
    starts_at: datetime = values["starts_at"]
    if values["ends_at"] <= starts_at:
        errors["times"] = translate("DetailsTab", "Das Ende muss nach dem Beginn liegen.")
    url = (values.get("online_url") or "").strip()
    if url:
        parsed = urlparse(url)
        if parsed.scheme != "https" or not parsed.netloc or " " in url:
            errors["url"] = translate("DetailsTab", "Bitte einen vollständigen https-Link angeben, z. B. https://zoom.us/j/123.")
    deadline: datetime | None = values.get("registration_deadline")
    if deadline is not None and deadline > starts_at:
        errors["deadline"] = translate("DetailsTab", "Der Anmeldeschluss muss vor dem Beginn liegen.")
    dispatch: datetime | None = values.get("access_link_dispatch_at")
    if dispatch is not None and dispatch > starts_at:
        errors["dispatch"] = translate("DetailsTab", "Der Zugangslink muss vor dem Beginn verschickt werden.")
    return errors


class DetailsTab(QWidget):
    #: True while the form holds changes that are not saved
    dirty_changed = Signal(bool)
    #: the event's title as typed (for the editor's heading)
    title_edited = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_EventDetails()
        self.ui.setupUi(self)
        self._event_id: uuid.UUID | None = None
        self._form: EventForm | None = None
        self._baseline: dict[str, Any] = {}
        self._baseline_series = ""
        self._dirty = False
        self._loading = False
        self._copied = False  # the stored description is the previous meeting's (and not yet marked as checked)
        self._deadline_exact: datetime | None = None  # the stored deadline the deadline date stands for
        self._asked_start: datetime | None = None  # the start the move-along question was last asked about
        self._move_tasks = False  # the open tasks move with the start when saved
        self.errors: dict[str, str] = {}
        self._add_copied_note()
        self._add_ended_note()
        self._error_labels: dict[str, QLabel] = {
            "title": self.ui.titleError, "times": self.ui.timeError, "url": self.ui.urlError,
            "deadline": self.ui.deadlineError, "dispatch": self.ui.dispatchError,
        }
        for label in self._error_labels.values():
            theme.keep_style(label, error_style)
            label.hide()
        theme.keep_style(self.ui.dirtyLabel, dirty_style)
        for key, text in FORMAT_LABELS.items():
            self.ui.formatCombo.addItem(domain_label(text), key)
        for key, text in STATUS_LABELS.items():
            self.ui.statusCombo.addItem(domain_label(text), key)
        metrics = self.fontMetrics()
        for edit in (self.ui.startEdit, self.ui.endEdit, self.ui.dispatchEdit):
            wall_time.prepare(edit)
            typing_friendly(edit)
            edit.setMinimumWidth(metrics.horizontalAdvance("30.12.2029 23:59 (Mi.)") + 48)
        typing_friendly(self.ui.deadlineEdit)
        self.ui.deadlineEdit.setMinimumWidth(metrics.horizontalAdvance("30.12.2029 (Mi.)") + 48)
        self._align_label_columns()
        self._connect()
        self.setEnabled(False)

    def _add_copied_note(self) -> None:
        """"Beschreibung vom vorigen Treffen übernommen – bitte prüfen" under the description, with "Geprüft"."""
        self.copied_note = QWidget(self)
        self.copied_note.setObjectName("descriptionCopiedNote")
        row = QHBoxLayout(self.copied_note)
        row.setContentsMargins(0, 0, 0, 0)
        self.copied_label = QLabel(self.tr("Beschreibung vom vorigen Treffen übernommen – bitte prüfen"))
        self.copied_label.setObjectName("descriptionCopiedLabel")
        self.copied_label.setWordWrap(True)
        theme.keep_style(self.copied_label, lambda: theme.text_style(theme.warning_text, "bold"))
        self.copied_checked_button = QPushButton(self.tr("Geprüft"))
        self.copied_checked_button.setObjectName("descriptionCheckedButton")
        self.copied_checked_button.setToolTip(self.tr("Die Beschreibung passt so; der Hinweis verschwindet beim "
                                                      "Speichern"))
        self.copied_checked_button.clicked.connect(self._mark_description_checked)
        row.addWidget(self.copied_label, 1)
        row.addWidget(self.copied_checked_button)
        form = self.ui.generalForm
        position = next(row for row in range(form.rowCount())
                        if (item := form.itemAt(row, QFormLayout.ItemRole.FieldRole)) is not None
                        and item.widget() is self.ui.descriptionEdit)
        form.insertRow(position + 1, "", self.copied_note)
        QWidget.setTabOrder(self.ui.descriptionEdit, self.copied_checked_button)
        QWidget.setTabOrder(self.copied_checked_button, self.ui.hostsEdit)
        self.copied_note.hide()

    def _add_ended_note(self) -> None:
        """"Die Veranstaltung ist beendet …" under the status, once the meeting is over (the status itself only
        governs registration; ``domain.deadlines.meeting_state`` decides what lists show)."""
        self.ended_note = QLabel(self)
        self.ended_note.setObjectName("endedNote")
        self.ended_note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # one short line
        theme.keep_style(self.ended_note, lambda: theme.text_style(theme.muted_text))
        form = self.ui.generalForm
        position = next(row for row in range(form.rowCount())
                        if (item := form.itemAt(row, QFormLayout.ItemRole.FieldRole)) is not None
                        and item.widget() is self.ui.statusCombo)
        form.insertRow(position + 1, "", self.ended_note)
        self.ended_note.hide()

    def stored_state(self) -> MeetingState | None:
        """The shown event's state as the lists show it ("Beendet" once over), from its stored values."""
        if self._form is None:
            return None
        return meeting_state(self._form.status, self._form.ends_at, utcnow())

    def _show_ended_note(self) -> None:
        form = self._form
        ended = form is not None and self.stored_state() is MeetingState.ENDED and form.status != "held"
        if form is not None and ended:
            self.ended_note.setText(self.tr("Beendet am {date} um {time} Uhr.").format(
                date=f"{to_berlin(form.ends_at):%d.%m.%Y}", time=f"{to_berlin(form.ends_at):%H:%M}"))
        self.ended_note.setVisible(ended)

    def _mark_description_checked(self) -> None:
        self._copied = False
        self.ui.descriptionEdit.setFocus()
        self._on_edited()

    def _align_label_columns(self) -> None:
        """One label width for the three groups, so their fields line up when the groups stack."""
        forms = (self.ui.generalForm, self.ui.scheduleForm, self.ui.registrationForm)
        labels: list[QWidget] = []
        for form in forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = None if item is None else item.widget()
                if widget is not None:
                    labels.append(widget)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= TWO_COLUMNS_FROM
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.ui.columnsLayout.direction() != direction:
            self.ui.columnsLayout.setDirection(direction)
        super().resizeEvent(event)

    def _connect(self) -> None:
        ui = self.ui
        for line in (ui.titleEdit, ui.venueEdit, ui.onlineUrlEdit):
            line.textChanged.connect(self._on_edited)
        ui.titleEdit.textChanged.connect(self.title_edited)
        ui.seriesCombo.editTextChanged.connect(self._on_edited)
        for text in (ui.descriptionEdit, ui.hostsEdit):
            text.textChanged.connect(self._on_edited)
        for combo in (ui.formatCombo, ui.statusCombo):
            combo.currentIndexChanged.connect(self._on_edited)
        ui.startEdit.dateTimeChanged.connect(self._on_start_changed)
        for edit in (ui.endEdit, ui.dispatchEdit):
            edit.dateTimeChanged.connect(self._on_edited)
        ui.deadlineEdit.dateChanged.connect(self._on_edited)
        ui.startEdit.editingFinished.connect(self._offer_move_along)
        for spin in (ui.capacitySpin, ui.overbookingSpin):
            spin.valueChanged.connect(self._on_edited)
        for check in (ui.unlimitedCheck, ui.deadlineCheck, ui.lateCheck, ui.dispatchDefaultCheck):
            check.toggled.connect(self._on_edited)
        ui.saveButton.clicked.connect(self.save_changes)
        ui.discardButton.clicked.connect(self.discard_changes)

    # -- loading -------------------------------------------------------------------------------------------

    @property
    def event_id(self) -> uuid.UUID | None:
        return self._event_id

    def set_event(self, event_id: uuid.UUID | None) -> None:
        """Show another event; unsaved edits of the previous one are dropped (the page asked before)."""
        self._event_id = event_id
        self._set_dirty(False)
        self.reload(force=True)

    def reload(self, force: bool = False) -> None:
        """Re-read the stored values; unsaved edits are kept unless ``force``."""
        if self._dirty and not force:
            return
        from odn_desktop.services.event_editing import event_form, series_titles

        if self._event_id is None or not self.ctx.is_ready:
            self._form = None
            self._show_ended_note()
            self.setEnabled(False)
            return
        event_id = self._event_id
        loaded = self.ctx.try_read(lambda s: (event_form(s, event_id), series_titles(s)), self)
        if loaded is None:
            self._form = None
            self._show_ended_note()
            self.setEnabled(False)
            return
        self._fill(*loaded)
        self.setEnabled(True)

    def _fill(self, form: EventForm, series: list[str]) -> None:
        ui = self.ui
        self._loading = True
        try:
            blockers = [QSignalBlocker(w) for w in (
                ui.titleEdit, ui.seriesCombo, ui.statusCombo, ui.descriptionEdit, ui.hostsEdit, ui.startEdit,
                ui.endEdit, ui.formatCombo, ui.venueEdit, ui.onlineUrlEdit, ui.capacitySpin, ui.unlimitedCheck,
                ui.overbookingSpin, ui.deadlineCheck, ui.deadlineEdit, ui.lateCheck, ui.dispatchDefaultCheck,
                ui.dispatchEdit)]
            self._form = form
            self._copied = form.description_copied
            self._deadline_exact = form.registration_deadline
            self._asked_start = form.starts_at
            self._move_tasks = False
            ui.titleEdit.setText(form.title)
            ui.seriesCombo.clear()
            ui.seriesCombo.addItem("")  # no series
            ui.seriesCombo.addItems(series)
            ui.seriesCombo.setEditText(form.series_title)
            ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findData(form.status)))
            ui.descriptionEdit.setPlainText(form.description)
            ui.hostsEdit.setPlainText(form.hosts)
            ui.startEdit.setDateTime(wall_time.to_wall(form.starts_at))
            ui.endEdit.setDateTime(wall_time.to_wall(form.ends_at))
            ui.formatCombo.setCurrentIndex(max(0, ui.formatCombo.findData(form.format)))
            ui.venueEdit.setText(form.venue)
            ui.onlineUrlEdit.setText(form.online_url)
            ui.unlimitedCheck.setChecked(form.capacity is None)
            ui.capacitySpin.setValue(form.capacity or 0)
            ui.overbookingSpin.setValue(form.overbooking_percent)
            ui.deadlineCheck.setChecked(form.registration_deadline is not None)
            deadline_day = (to_berlin(form.registration_deadline).date() if form.registration_deadline is not None
                            else to_berlin(form.starts_at).date())
            ui.deadlineEdit.setDate(wall_time.to_qdate(deadline_day))
            ui.lateCheck.setChecked(form.allow_late_registration)
            ui.dispatchDefaultCheck.setChecked(form.access_link_dispatch_at is None)
            ui.dispatchEdit.setDateTime(wall_time.to_wall(
                form.access_link_dispatch_at or default_access_link_dispatch(form.starts_at)))
            del blockers
        finally:
            self._loading = False
        self._show_ended_note()
        # the baseline is what the widgets show, so untouched fields never count as changed
        self._baseline = self.values()
        self._baseline_series = self.series_title()
        self._update_enabled_fields()
        self._on_edited()

    # -- reading the form ------------------------------------------------------------------------------------

    def series_title(self) -> str:
        return self.ui.seriesCombo.currentText().strip()

    def values(self) -> dict[str, Any]:
        """The event fields as the form shows them (times aware UTC), in ``update_event``'s names."""
        ui = self.ui
        starts_at = wall_time.from_wall(ui.startEdit.dateTime())
        deadline_day: date = wall_time.from_qdate(ui.deadlineEdit.date())
        deadline = self._deadline_exact  # a stored (or moved) deadline keeps its time while its day is shown
        if deadline is None or to_berlin(deadline).date() != deadline_day:
            deadline = end_of_day(deadline_day)
        description = ui.descriptionEdit.toPlainText()
        return {
            "title": ui.titleEdit.text().strip(),
            "description": description,
            "description_copied": self._copied and self._form is not None and description == self._form.description,
            "starts_at": starts_at,
            "ends_at": wall_time.from_wall(ui.endEdit.dateTime()),
            "format": ui.formatCombo.currentData(),
            "venue": ui.venueEdit.text().strip(),
            "online_url": ui.onlineUrlEdit.text().strip(),
            "capacity": None if ui.unlimitedCheck.isChecked() else ui.capacitySpin.value(),
            "overbooking_percent": ui.overbookingSpin.value(),
            "registration_deadline": deadline if ui.deadlineCheck.isChecked() else None,
            "allow_late_registration": ui.lateCheck.isChecked(),
            "access_link_dispatch_at": (None if ui.dispatchDefaultCheck.isChecked()
                                        else wall_time.from_wall(ui.dispatchEdit.dateTime())),
            "status": ui.statusCombo.currentData(),
            "hosts": ui.hostsEdit.toPlainText().strip(),
        }

    def changes(self) -> dict[str, Any]:
        values = self.values()
        return {name: value for name, value in values.items() if self._baseline.get(name) != value}

    def series_changed(self) -> bool:
        return self.series_title().casefold() != self._baseline_series.casefold()

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    # -- reacting to edits -----------------------------------------------------------------------------------

    def _on_start_changed(self) -> None:
        if self.ui.dispatchDefaultCheck.isChecked():
            with QSignalBlocker(self.ui.dispatchEdit):
                start = wall_time.from_wall(self.ui.startEdit.dateTime())
                self.ui.dispatchEdit.setDateTime(wall_time.to_wall(default_access_link_dispatch(start)))
        self._on_edited()

    def _offer_move_along(self) -> None:
        """The start was changed: ask whether end, deadline, dispatch and tasks keep their distance to it."""
        from odn_desktop.services.next_meeting import moved_with_start

        if self._form is None or self._loading or self._asked_start is None:
            return
        ui = self.ui
        old_start, new_start = self._asked_start, wall_time.from_wall(ui.startEdit.dateTime())
        if new_start == old_start:
            return
        self._asked_start = new_start
        self._move_tasks = ask_move_along(self)
        if not self._move_tasks:
            return
        with QSignalBlocker(ui.endEdit), QSignalBlocker(ui.deadlineEdit), QSignalBlocker(ui.dispatchEdit):
            end = wall_time.from_wall(ui.endEdit.dateTime())
            ui.endEdit.setDateTime(wall_time.to_wall(moved_with_start(end, old_start, new_start)))
            if ui.deadlineCheck.isChecked():
                deadline = self.values()["registration_deadline"]
                self._deadline_exact = moved_with_start(deadline, old_start, new_start)
                ui.deadlineEdit.setDate(wall_time.to_qdate(to_berlin(self._deadline_exact).date()))
            if not ui.dispatchDefaultCheck.isChecked():
                dispatch = wall_time.from_wall(ui.dispatchEdit.dateTime())
                ui.dispatchEdit.setDateTime(wall_time.to_wall(moved_with_start(dispatch, old_start, new_start)))
        self._on_edited()

    def _update_enabled_fields(self) -> None:
        ui = self.ui
        ui.capacitySpin.setEnabled(not ui.unlimitedCheck.isChecked())
        ui.overbookingSpin.setEnabled(not ui.unlimitedCheck.isChecked())
        ui.deadlineEdit.setEnabled(ui.deadlineCheck.isChecked())
        ui.deadlineHint.setEnabled(ui.deadlineCheck.isChecked())
        ui.lateCheck.setEnabled(ui.deadlineCheck.isChecked())
        ui.dispatchEdit.setEnabled(not ui.dispatchDefaultCheck.isChecked())
        if ui.dispatchDefaultCheck.isChecked():
            with QSignalBlocker(ui.dispatchEdit):
                start = wall_time.from_wall(ui.startEdit.dateTime())
                ui.dispatchEdit.setDateTime(wall_time.to_wall(default_access_link_dispatch(start)))

    def _on_edited(self, *_args: object) -> None:
        if self._loading or self._form is None:
            return
        self._update_enabled_fields()
        self.errors = validate(self.values())
        for key, label in self._error_labels.items():
            message = self.errors.get(key, "")
            label.setText(message)
            label.setVisible(bool(message))
        self._set_dirty(bool(self.changes()) or self.series_changed())
        self.copied_note.setVisible(bool(self.values()["description_copied"]))
        self.ui.saveButton.setEnabled(self._dirty and not self.errors)
        self.ui.discardButton.setEnabled(self._dirty)

    def _set_dirty(self, dirty: bool) -> None:
        self.ui.dirtyLabel.setText(self.tr("• ungespeicherte Änderungen") if dirty else "")
        if dirty != self._dirty:
            self._dirty = dirty
            emit(self.dirty_changed, dirty)

    # -- saving ---------------------------------------------------------------------------------------------

    def focus_title(self) -> None:
        self.ui.titleEdit.setFocus()
        self.ui.titleEdit.selectAll()

    def focus_first_error(self) -> None:
        widgets = {"title": self.ui.titleEdit, "times": self.ui.endEdit, "url": self.ui.onlineUrlEdit,
                   "deadline": self.ui.deadlineEdit, "dispatch": self.ui.dispatchEdit}
        for key in ERROR_FIELDS:
            if key in self.errors:
                widgets[key].setFocus()
                return

    def save_changes(self) -> bool:
        """Apply every change as one undoable command; False (nothing saved) while the form is invalid."""
        from odn_desktop.services import event_editing

        if not self._dirty or self._event_id is None:
            return True
        self._offer_move_along()  # a start changed without leaving its field (Ctrl+S) is asked about too
        if self.errors:
            self.focus_first_error()
            return False
        event_id = self._event_id
        changes = self.changes()
        series = self.series_title() if self.series_changed() else None
        move_tasks = self._move_tasks and "starts_at" in changes
        kinds: tuple[str, ...] = ("events",)
        if event_editing.SEAT_FIELDS.intersection(changes):
            kinds = ("events", "registrations")
        if move_tasks:
            kinds = (*kinds, "tasks")
        title = changes.get("title") or self.ui.titleEdit.text()
        command: ServiceCommand[SaveOutcome] = ServiceCommand(
            self.ctx,
            self.tr("Veranstaltung „{title}“ bearbeiten").format(title=title),
            do=lambda s: event_editing.save_event_form(s, event_id, changes, series, move_tasks=move_tasks),
            undo=lambda s, outcome: event_editing.revert_event_form(s, outcome),
            kinds=kinds,
            on_done=self._report_promotions,
        )
        if not self.ctx.push(command, self):
            return False
        if self._event_id == event_id:
            self._set_dirty(False)
            self.reload(force=True)
        return True

    def _report_promotions(self, outcome: SaveOutcome) -> None:
        if not outcome.promoted:
            return
        context.show_information(
            self,
            self.tr("Von der Warteliste nachgerückt"),
            self.tr("Durch die zusätzlichen Plätze sind nachgerückt: {names}.\n"
                    "Bitte informieren Sie die Nachgerückten.").format(names=", ".join(outcome.promoted)),
        )

    def discard_changes(self) -> None:
        self._set_dirty(False)
        self.reload(force=True)
