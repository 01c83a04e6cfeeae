"""After the meeting: the attendance report matched to the registrations, the rest assigned by hand.

Above, who could not be matched automatically, each with a combo box: the likely registrants first (fuzzy name
similarity), then every other registrant of the event; "– nicht zuordnen –" leaves the participant out,
"Gastgeber:in – nicht mitzählen" marks them as the host. Below, who was matched (and how), each with a check box
"Gastgeber:in" (the coordinator's own registration, say), and who was not counted as a guest (speakers, the host
the report names). The line above the buttons counts what "Übernehmen" will do, matched again with every choice
by the import's own code (``services.attendance_import.match_attendance``): attended, not matched, excluded as
speaker or host.

"Übernehmen" marks the attendance on a worker thread in one transaction (a participant assigned to someone who also
matched on their own is merged with them, their times united), puts the import on the undo stack
(``AttendanceCommand``, "Bearbeiten › Rückgängig: Anwesenheit aus „…“": the attended flag and minutes of every
registration it changed come back, ``services.import_undo.undo_attendance``), and ends with a summary
(``AttendanceSummaryDialog``).

The main window calls ``import_attendance_interactive(parent, ctx, event_id)`` (asks for the file) or
``run_attendance_dialog(parent, ctx, event_id, path)``; both return the report or ``None``.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.attendance_reports import AttendanceReport, read_attendance_report
from odn_desktop.services.attendance_import import (
    AttendanceImportReport,
    AttendedEntry,
    UnmatchedEntry,
    import_attendance,
    match_attendance,
)
from odn_desktop.services.import_undo import AttendanceRecord, undo_attendance
from odn_desktop.services.registration_import import read_file
from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.dates import display_date
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.infra.worker import run_in_background

from .import_mapping_dialog import ask_report_path, exec_dialog, fit_to_screen

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.ui.infra.context import AppContext

ModelIndex = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 10  # the assignment choices of a row: [(label, registration id str)]
ATTENDANCE_KINDS = ("registrations",)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_NOBODY = "– nicht zuordnen –"
_HOST_CHOICE = "Gastgeber:in – nicht mitzählen"
HOST_VALUE = "host"  # the assignment combo's value for "this is the host"
_HOW = {"email": "E-Mail", "name": "Name", "manual": "von Hand"}
# Only for pyside6-lupdate: _NOBODY, _HOST_CHOICE and _HOW reach translate() through variables.
_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("AttendanceDialog", "– nicht zuordnen –"),
    QT_TRANSLATE_NOOP("AttendanceDialog", "Gastgeber:in – nicht mitzählen"),
    QT_TRANSLATE_NOOP("AttendanceDialog", "E-Mail"),
    QT_TRANSLATE_NOOP("AttendanceDialog", "Name"),
    QT_TRANSLATE_NOOP("AttendanceDialog", "von Hand"),
    QT_TRANSLATE_NOOP("AttendanceDialog", "Referent:in"),  # SkippedEntry.reason
    QT_TRANSLATE_NOOP("AttendanceDialog", "Gastgeber:in"),
)


translate = QCoreApplication.translate


class UnmatchedModel(QAbstractTableModel):
    """Participants nobody matched: name, e-mail, minutes, and the registrant chosen for them (editable)."""

    NAME, EMAIL, MINUTES, ASSIGNED = range(4)
    assignments_changed = Signal()

    def __init__(self, entries: tuple[UnmatchedEntry, ...], registrants: list[tuple[uuid.UUID, str]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._labels = dict(registrants)
        self._choices: list[list[tuple[str, str]]] = []
        for entry in self._entries:
            suggested = [(f"{c.name} <{c.email}> ({c.score} %)", str(c.registration_id)) for c in entry.candidates]
            seen = {c.registration_id for c in entry.candidates}
            others = [(label, str(rid)) for rid, label in registrants if rid not in seen]
            self._choices.append([(translate("AttendanceDialog", _NOBODY), ""),
                                  (translate("AttendanceDialog", _HOST_CHOICE), HOST_VALUE), *suggested, *others])
        self.assigned: dict[int, uuid.UUID] = {}  # participant position in the report -> registration
        self.hosts: set[int] = set()  # participants the coordinator marked as the host

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 4:
            return (translate("AttendanceDialog", "Name im Bericht"), translate("AttendanceDialog", "E-Mail"),
                    translate("AttendanceDialog", "Minuten"), translate("AttendanceDialog", "Zuordnen zu"))[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.ASSIGNED else flags

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        row, column = index.row(), index.column()
        if not (index.isValid() and 0 <= row < len(self._entries) and 0 <= column < 4):
            return None
        entry = self._entries[row]
        chosen = self.assigned.get(entry.participant)
        host = entry.participant in self.hosts
        if role == _DISPLAY:
            if column == self.NAME:
                return entry.name
            if column == self.EMAIL:
                return entry.email
            if column == self.MINUTES:
                return str(entry.minutes)
            if host:
                return translate("AttendanceDialog", _HOST_CHOICE)
            nobody = translate("AttendanceDialog", _NOBODY)
            return self._labels.get(chosen, nobody) if chosen else nobody
        if role == _EDIT and column == self.ASSIGNED:
            return HOST_VALUE if host else str(chosen) if chosen else ""
        if role == _FOREGROUND and host and column != self.ASSIGNED:
            return theme.muted_text()
        if role == int(CHOICES_ROLE) and column == self.ASSIGNED:
            return self._choices[row]
        if role == _ALIGN and column == self.MINUTES:
            return _RIGHT
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or index.column() != self.ASSIGNED or role != _EDIT:
            return False
        entry = self._entries[index.row()]
        if value == HOST_VALUE:
            self.hosts.add(entry.participant)
            self.assigned.pop(entry.participant, None)
        elif value:
            try:
                registration_id = uuid.UUID(str(value))
            except ValueError:
                return False
            if registration_id not in self._labels:
                return False
            self.hosts.discard(entry.participant)
            self.assigned[entry.participant] = registration_id
        else:
            self.hosts.discard(entry.participant)
            self.assigned.pop(entry.participant, None)
        self.dataChanged.emit(self.index(index.row(), 0), index)
        self.assignments_changed.emit()
        return True

    def assign(self, row: int, registration_id: uuid.UUID | None) -> bool:
        return self.setData(self.index(row, self.ASSIGNED), str(registration_id) if registration_id else "")

    def mark_host(self, row: int) -> bool:
        return self.setData(self.index(row, self.ASSIGNED), HOST_VALUE)


class AssignDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName(f"assignCombo{index.row()}")
        name = index.sibling(index.row(), 0).data(_DISPLAY)
        combo.setAccessibleName(translate("AttendanceDialog", "„{0}“ zuordnen zu").format(name))
        for label, value in index.data(CHOICES_ROLE) or []:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        position = max(0, editor.findData(index.data(_EDIT) or ""))
        if position != editor.currentIndex():
            editor.blockSignals(True)  # WORKAROUND: showing the value must not commit it back
            editor.setCurrentIndex(position)
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData() or "", _EDIT)


class AttendedModel(QAbstractTableModel):
    """Who was matched: the registrant, the name in the report, minutes, how they were recognised, and a check box
    "Gastgeber:in" that excludes them (all their rows in the report) as the host."""

    NAME, PARTICIPANT, MINUTES, HOW, HOST = range(5)
    hosts_changed = Signal()

    def __init__(self, entries: tuple[AttendedEntry, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self.hosts: set[uuid.UUID] = set()  # registrations whose participants are the host

    def host_participants(self) -> set[int]:
        return {p for e in self._entries if e.registration_id in self.hosts for p in e.participants}

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 5:
            return (translate("AttendanceDialog", "Anmeldung"), translate("AttendanceDialog", "Name im Bericht"),
                    translate("AttendanceDialog", "Minuten"), translate("AttendanceDialog", "erkannt über"),
                    translate("AttendanceDialog", "Gastgeber:in"))[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == self.HOST else flags

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        row, column = index.row(), index.column()
        if not (index.isValid() and 0 <= row < len(self._entries) and 0 <= column < 5):
            return None
        entry = self._entries[row]
        host = entry.registration_id in self.hosts
        if role == _DISPLAY:
            if column == self.HOST:
                return translate("AttendanceDialog", "nicht mitzählen") if host else ""
            how = translate("AttendanceDialog", _HOW.get(entry.matched_by, ""))
            return (entry.name, entry.participant, str(entry.minutes), how)[column]
        if role == _CHECK and column == self.HOST:
            return Qt.CheckState.Checked if host else Qt.CheckState.Unchecked
        if role == _TOOLTIP and column == self.HOST:
            return translate("AttendanceDialog", "Als Gastgeber:in markieren: wird nicht als Gast gezählt")
        if role == _FOREGROUND and host:
            return theme.muted_text()
        if role == _ALIGN and column == self.MINUTES:
            return _RIGHT
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or index.column() != self.HOST or role != _CHECK:
            return False
        entry = self._entries[index.row()]
        if value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value):
            self.hosts.add(entry.registration_id)
        else:
            self.hosts.discard(entry.registration_id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.HOST))
        self.hosts_changed.emit()
        return True

    def mark_host(self, row: int, host: bool = True) -> bool:
        return self.setData(self.index(row, self.HOST), Qt.CheckState.Checked if host else Qt.CheckState.Unchecked,
                            _CHECK)


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class AttendanceCommand(ServiceCommand[AttendanceRecord]):
    """An attendance import on the undo stack, pushed after the worker wrote it: the first redo (on push) does
    nothing. Undo puts back the attended flag and minutes of every registration it changed
    (``import_undo.undo_attendance``); redo imports the same report with the same choices again."""

    def __init__(self, ctx: AppContext, event_id: uuid.UUID, report: AttendanceReport, record: AttendanceRecord, *,
                 hosts: tuple[str, ...], manual: dict[int, uuid.UUID], host_participants: frozenset[int]) -> None:
        super().__init__(ctx, translate("AttendanceDialog", "Anwesenheit aus „{file}“").format(file=record.source),
                         do=self._reimport, undo=self._revert, kinds=ATTENDANCE_KINDS)
        self._event_id, self._report = event_id, report
        self._hosts, self._manual, self._host_participants = hosts, manual, host_participants
        self.result = record

    def _reimport(self, session: Session) -> AttendanceRecord:
        assert self.result is not None
        record = import_attendance(session, self._event_id, self._report, hosts=self._hosts, manual=self._manual,
                                   host_participants=self._host_participants, file_name=self.result.source).record
        assert record is not None
        return record

    @staticmethod
    def _revert(session: Session, record: AttendanceRecord) -> int:
        return undo_attendance(session, record)


class AttendanceDialog(QDialog):
    import_finished = Signal(object)

    def __init__(self, ctx: AppContext, event_id: uuid.UUID, path: Path, report: AttendanceReport,
                 matched: AttendanceImportReport, registrants: list[tuple[uuid.UUID, str]], *,
                 hosts: tuple[str, ...] = (), event_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttendanceDialog")
        self.setWindowTitle(self.tr("Anwesenheit übernehmen – {0}").format(path.name))
        self._ctx, self._event_id, self._path, self._report, self._hosts = ctx, event_id, path, report, hosts
        self._busy = False
        self.result_report: AttendanceImportReport | None = None
        self.matched = matched
        #: what "Übernehmen" will do with the current choices (matched again on every change)
        self.preview = matched
        self.event_label = event_label

        title = f"„{report.title}“, " if report.title else ""
        intro = QLabel(self.tr("<b>{0}</b> ({1}{2}) für <b>{3}</b>").format(
            _html(path.name), _html(title), report.tool, _html(event_label)))
        intro.setWordWrap(True)
        unmatched_box = self._build_unmatched_box(registrants)
        attended_box = self._build_attended_box()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(unmatched_box)
        splitter.addWidget(attended_box)
        splitter.setChildrenCollapsible(False)

        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("skippedLabel")
        self.skipped_label.setWordWrap(True)
        notes = QLabel("\n".join(matched.notes))
        notes.setWordWrap(True)
        notes.setVisible(bool(matched.notes))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.skipped_label)
        layout.addWidget(notes)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 980, 680)
        self._update_summary()
        self.apply_button.setFocus()

    # -- building the dialog -------------------------------------------------------------------------------

    def _build_unmatched_box(self, registrants: list[tuple[uuid.UUID, str]]) -> QGroupBox:
        """The participants not matched to a registrant, each with a choice of whom they are."""
        self.unmatched_model = UnmatchedModel(self.matched.unmatched, registrants, self)
        self.unmatched_model.assignments_changed.connect(self._update_summary)
        self.unmatched_view = _table(self.unmatched_model, "unmatchedView")
        self.unmatched_view.setItemDelegateForColumn(UnmatchedModel.ASSIGNED, AssignDelegate(self.unmatched_view))
        self.unmatched_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for row in range(self.unmatched_model.rowCount()):
            self.unmatched_view.openPersistentEditor(self.unmatched_model.index(row, UnmatchedModel.ASSIGNED))
        self.unmatched_view.resizeColumnsToContents()
        _limit_columns(self.unmatched_view, 240)
        unmatched_box = QGroupBox(self.tr("Nicht zugeordnet – bitte zuordnen, als Gastgeber:in markieren oder frei "
                                          "lassen"))
        QVBoxLayout(unmatched_box).addWidget(self.unmatched_view)
        return unmatched_box

    def _build_attended_box(self) -> QGroupBox:
        """The participants matched to a registrant (a host can be ticked)."""
        self.attended_model = AttendedModel(self.matched.attended, self)
        self.attended_model.hosts_changed.connect(self._update_summary)
        self.attended_view = _table(self.attended_model, "attendedView")
        self.attended_view.setTabKeyNavigation(False)  # the arrows move in it (Space ticks), Tab leaves it
        self.attended_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attended_view.resizeColumnsToContents()
        _limit_columns(self.attended_view, 240)
        attended_box = QGroupBox(self.tr("Zugeordnet"))
        QVBoxLayout(attended_box).addWidget(self.attended_view)
        return attended_box

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("&Übernehmen"))
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.apply_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

    def host_participants(self) -> frozenset[int]:
        """The participants the coordinator marked as the host (positions in the report)."""
        return frozenset(self.unmatched_model.hosts | self.attended_model.host_participants())

    def _update_summary(self) -> None:
        """Match again with the current choices (the import's own code) and say what "Übernehmen" will do."""
        manual, marked = dict(self.unmatched_model.assigned), self.host_participants()
        event_id, report, hosts, name = self._event_id, self._report, self._hosts, self._path.name
        if self._ctx.db is not None:
            try:
                self.preview = self._ctx.read(lambda session: match_attendance(
                    session, event_id, report, hosts=hosts, manual=manual, host_participants=marked, file_name=name))
            except UserError as exc:  # a registration gone meanwhile (e.g. by a sync)
                context.show_user_error(self, exc.message)
        preview = self.preview
        counts = preview.summary
        self.summary_label.setText(self.tr(
            "Teilgenommen: {0} (davon von Hand zugeordnet: {1}) · nicht zugeordnet: {2} · nicht gezählt als "
            "Referent:in: {3}, als Gastgeber:in: {4}").format(
            counts["attended"], len(manual), counts["unmatched"], counts["excluded_speakers"],
            counts["excluded_hosts"]))
        skipped = "; ".join(f"{s.name} ({translate('AttendanceDialog', s.reason)})" for s in preview.skipped)
        self.skipped_label.setText(self.tr("Nicht als Gäste gezählt: {0}").format(skipped) if skipped else "")
        self.skipped_label.setVisible(bool(skipped))

    def start_import(self) -> None:
        if self._busy or self._ctx.db is None:
            return
        self._busy = True
        self.apply_button.setEnabled(False)
        self.unmatched_view.setEnabled(False)
        self.attended_view.setEnabled(False)
        db, event_id, report, hosts = self._ctx.db, self._event_id, self._report, self._hosts
        manual, marked, name = dict(self.unmatched_model.assigned), self.host_participants(), self._path.name

        def work() -> AttendanceImportReport:
            from odn_desktop.store.database import transaction

            with transaction(db.sessions) as session:
                return import_attendance(session, event_id, report, hosts=hosts, manual=manual,
                                         host_participants=marked, file_name=name)

        run_in_background(work, lambda result: self._on_done(result, manual, marked), self._on_error)

    def _on_done(self, result: AttendanceImportReport, manual: dict[int, uuid.UUID],
                 marked: frozenset[int]) -> None:
        self._busy = False
        self.result_report = result
        if result.record is not None and result.record.changed_anything:  # undoable from now on
            self._ctx.undo_stack.push(AttendanceCommand(self._ctx, self._event_id, self._report, result.record,
                                                        hosts=self._hosts, manual=manual, host_participants=marked))
        self._ctx.changed.emit(ATTENDANCE_KINDS)
        self.import_finished.emit(result)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.apply_button.setEnabled(True)
        self.unmatched_view.setEnabled(True)
        self.attended_view.setEnabled(True)
        if isinstance(exc, UserError):
            context.show_user_error(self, exc.message)
            return
        raise exc

    def reject(self) -> None:
        if not self._busy:
            super().reject()


class AttendanceSummaryDialog(QDialog):
    """The end of an attendance import: how many attended, were not matched, were excluded as speaker or host;
    the details below (the report's text, to save); how to undo it."""

    def __init__(self, report: AttendanceImportReport, event_label: str = "", *, undoable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttendanceSummaryDialog")
        self.setWindowTitle(self.tr("Anwesenheit übernommen"))
        self._text = report.to_text()
        self._suggested = f"Anwesenheit {Path(report.file_name).stem}.txt"
        heading = QLabel(self.tr("<b>{0}</b> ({1}) für <b>{2}</b>").format(
            _html(report.file_name), report.tool, _html(event_label)))
        heading.setWordWrap(True)
        counts = report.summary
        numbers = QFormLayout()
        self.count_labels: dict[str, QLabel] = {}
        for key, label in (("attended", self.tr("Teilgenommen:")),
                           ("unmatched", self.tr("Nicht zugeordnet:")),
                           ("excluded_speakers", self.tr("Nicht gezählt – Referent:innen:")),
                           ("excluded_hosts", self.tr("Nicht gezählt – Gastgeber:innen:"))):
            value = QLabel(str(counts[key]))
            value.setObjectName(f"{key}Count")
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            self.count_labels[key] = value
            numbers.addRow(label, value)
        details = QPlainTextEdit(self._text)
        details.setObjectName("details")
        details.setReadOnly(True)
        details.setAccessibleName(self.tr("Einzelheiten"))
        hint = QLabel(self.tr("Rückgängig machen: Bearbeiten › Rückgängig (Strg+Z).") if undoable else
                      self.tr("Es wurde nichts geändert: die Anwesenheit war schon so eingetragen."))
        hint.setObjectName("undoHint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        save = buttons.addButton(self.tr("&Speichern …"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(numbers)
        layout.addWidget(details, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 520)

    def save(self) -> Path | None:
        path = ask_report_path(self, self._suggested)
        if path is None:
            return None
        try:
            path.write_text(self._text, encoding="utf-8")
        except OSError as exc:
            context.show_user_error(self, self.tr("Der Bericht konnte nicht gespeichert werden: {0}").format(
                exc.strerror or exc))
            return None
        return path


def show_attendance_summary(parent: QWidget | None, report: AttendanceImportReport, event_label: str,
                            undoable: bool) -> None:
    """The summary after the import (replaced in tests)."""
    AttendanceSummaryDialog(report, event_label, undoable=undoable, parent=parent).exec()


def _limit_columns(view: QTableView, limit: int) -> None:
    for column in range(view.model().columnCount()):
        if view.columnWidth(column) > limit:
            view.setColumnWidth(column, limit)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def choose_report_file(parent: QWidget | None) -> Path | None:
    """Ask for the attendance report, in the folder last used for one (replaced in tests)."""
    from odn_desktop.ui.infra.file_dialogs import open_path

    return open_path(parent, "attendance_report",
                     translate("AttendanceDialog", "Teilnehmerberichte (*.csv *.txt *.tsv);;Alle Dateien (*)"),
                     title=translate("AttendanceDialog", "Anwesenheit übernehmen"))


def build_attendance_dialog(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID, path: Path,
                            hosts: tuple[str, ...] = ()) -> AttendanceDialog:
    """Read and match the report (nothing written); ``UserError`` when it cannot be read."""
    from odn_desktop.services.events import get_event
    from odn_desktop.services.registrations import CANCELLED, list_registration_rows

    report = read_attendance_report(read_file(path))

    def read(session: Any) -> tuple[AttendanceImportReport, list[tuple[uuid.UUID, str]], str]:
        matched = match_attendance(session, event_id, report, hosts=hosts, file_name=path.name)
        taken = {a.registration_id for a in matched.attended}
        rows = [r for r in list_registration_rows(session, event_id) if r.status != CANCELLED]
        rows.sort(key=lambda r: (r.id in taken, r.display_name.casefold()))
        # people already matched come last: a second device of theirs is merged with them (times united)
        already = translate("AttendanceDialog", " – bereits zugeordnet")
        registrants = [(r.id, f"{r.display_name} <{r.email}>" + (already if r.id in taken else "")) for r in rows]
        event = get_event(session, event_id)
        return matched, registrants, f"{event.title} ({display_date(event.starts_at)})"

    matched, registrants, label = ctx.read(read)
    return AttendanceDialog(ctx, event_id, path, report, matched, registrants, hosts=hosts, event_label=label,
                            parent=parent)


def run_attendance_dialog(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID, path: Path,
                          hosts: tuple[str, ...] = ()) -> AttendanceImportReport | None:
    """Match, let the coordinator assign the rest, mark attendance. ``None`` when cancelled or unreadable."""
    try:
        dialog = build_attendance_dialog(parent, ctx, event_id, path, hosts)
    except UserError as exc:
        context.show_user_error(parent, exc.message)
        return None
    if exec_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.result_report is None:
        return None
    report = dialog.result_report
    show_attendance_summary(parent, report, dialog.event_label,
                            report.record is not None and report.record.changed_anything)
    return report


def import_attendance_interactive(parent: QWidget | None, ctx: AppContext,
                                  event_id: uuid.UUID) -> AttendanceImportReport | None:
    """Ask for the report file, then ``run_attendance_dialog`` (menu action "Anwesenheit übernehmen …")."""
    path = choose_report_file(parent)
    return None if path is None else run_attendance_dialog(parent, ctx, event_id, path)
