"""After the meeting: the attendance report matched to the registrations, the rest assigned by hand.

Above, who could not be matched automatically, each with a combo box: the likely registrants first (fuzzy name
similarity), then every other registrant of the event; "– nicht zuordnen –" leaves the participant out. Below,
who was matched (and how), and who was not counted as a guest (speakers, the host). "Übernehmen" marks the
attendance on a worker thread in one transaction; a participant assigned to someone who also matched on their
own is merged with them (their times united).

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
    QGroupBox,
    QHeaderView,
    QLabel,
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
from odn_desktop.services.registration_import import read_file

from . import context
from .dates import display_date
from .import_mapping_dialog import exec_dialog
from .worker import run_in_background

if TYPE_CHECKING:
    from .context import AppContext

ModelIndex = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 10  # the assignment choices of a row: [(label, registration id str)]
ATTENDANCE_KINDS = ("registrations",)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NOBODY = "– nicht zuordnen –"
_HOW = {"email": "E-Mail", "name": "Name", "manual": "von Hand"}
# Only for pyside6-lupdate: _NOBODY and _HOW reach translate() through variables.
_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("AttendanceDialog", "– nicht zuordnen –"),
    QT_TRANSLATE_NOOP("AttendanceDialog", "E-Mail"),
    QT_TRANSLATE_NOOP("AttendanceDialog", "Name"),
    QT_TRANSLATE_NOOP("AttendanceDialog", "von Hand"),
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
            self._choices.append([(translate("AttendanceDialog", _NOBODY), ""), *suggested, *others])
        self.assigned: dict[int, uuid.UUID] = {}  # participant position in the report -> registration

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
        if role == _DISPLAY:
            if column == self.NAME:
                return entry.name
            if column == self.EMAIL:
                return entry.email
            if column == self.MINUTES:
                return str(entry.minutes)
            nobody = translate("AttendanceDialog", _NOBODY)
            return self._labels.get(chosen, nobody) if chosen else nobody
        if role == _EDIT and column == self.ASSIGNED:
            return str(chosen) if chosen else ""
        if role == int(CHOICES_ROLE) and column == self.ASSIGNED:
            return self._choices[row]
        if role == _ALIGN and column == self.MINUTES:
            return _RIGHT
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or index.column() != self.ASSIGNED or role != _EDIT:
            return False
        entry = self._entries[index.row()]
        if value:
            try:
                registration_id = uuid.UUID(str(value))
            except ValueError:
                return False
            if registration_id not in self._labels:
                return False
            self.assigned[entry.participant] = registration_id
        else:
            self.assigned.pop(entry.participant, None)
        self.dataChanged.emit(index, index)
        self.assignments_changed.emit()
        return True

    def assign(self, row: int, registration_id: uuid.UUID | None) -> bool:
        return self.setData(self.index(row, self.ASSIGNED), str(registration_id) if registration_id else "")


class AssignDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName(f"assignCombo{index.row()}")
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
    """Who was matched: the registrant, the name in the report, minutes, and how they were recognised."""

    def __init__(self, entries: tuple[AttendedEntry, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 4:
            return (translate("AttendanceDialog", "Anmeldung"), translate("AttendanceDialog", "Name im Bericht"),
                    translate("AttendanceDialog", "Minuten"), translate("AttendanceDialog", "erkannt über"))[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        row, column = index.row(), index.column()
        if not (index.isValid() and 0 <= row < len(self._entries) and 0 <= column < 4):
            return None
        entry = self._entries[row]
        if role == _DISPLAY:
            how = translate("AttendanceDialog", _HOW.get(entry.matched_by, ""))
            return (entry.name, entry.participant, str(entry.minutes), how)[column]
        if role == _ALIGN and column == 2:
            return _RIGHT
        return None


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

        title = f"„{report.title}“, " if report.title else ""
        intro = QLabel(self.tr("<b>{0}</b> ({1}{2}) für <b>{3}</b>").format(
            _html(path.name), _html(title), report.tool, _html(event_label)))
        intro.setWordWrap(True)

        self.unmatched_model = UnmatchedModel(matched.unmatched, registrants, self)
        self.unmatched_model.assignments_changed.connect(self._update_summary)
        self.unmatched_view = _table(self.unmatched_model, "unmatchedView")
        self.unmatched_view.setItemDelegateForColumn(UnmatchedModel.ASSIGNED, AssignDelegate(self.unmatched_view))
        self.unmatched_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for row in range(self.unmatched_model.rowCount()):
            self.unmatched_view.openPersistentEditor(self.unmatched_model.index(row, UnmatchedModel.ASSIGNED))
        self.unmatched_view.resizeColumnsToContents()
        unmatched_box = QGroupBox(self.tr("Nicht zugeordnet – bitte zuordnen oder frei lassen"))
        QVBoxLayout(unmatched_box).addWidget(self.unmatched_view)

        self.attended_model = AttendedModel(matched.attended, self)
        self.attended_view = _table(self.attended_model, "attendedView")
        self.attended_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attended_view.resizeColumnsToContents()
        attended_box = QGroupBox(self.tr("Zugeordnet"))
        QVBoxLayout(attended_box).addWidget(self.attended_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(unmatched_box)
        splitter.addWidget(attended_box)
        splitter.setChildrenCollapsible(False)

        skipped = "; ".join(f"{s.name} ({s.reason})" for s in matched.skipped)
        self.skipped_label = QLabel(self.tr("Nicht als Gäste gezählt: {0}").format(skipped) if skipped else "")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setVisible(bool(skipped))
        notes = QLabel("\n".join(matched.notes))
        notes.setWordWrap(True)
        notes.setVisible(bool(matched.notes))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")

        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("&Übernehmen"))
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.apply_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.skipped_label)
        layout.addWidget(notes)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        self.resize(980, 680)
        self._update_summary()
        self.apply_button.setFocus()

    def _update_summary(self) -> None:
        assigned = len(self.unmatched_model.assigned)
        open_count = self.unmatched_model.rowCount() - assigned
        text = (self.tr("{0} automatisch zugeordnet, {1} von Hand, 1 bleibt ohne Zuordnung.") if open_count == 1
                else self.tr("{0} automatisch zugeordnet, {1} von Hand, {2} bleiben ohne Zuordnung."))
        self.summary_label.setText(text.format(len(self.matched.attended), assigned, open_count))

    def start_import(self) -> None:
        if self._busy or self._ctx.db is None:
            return
        self._busy = True
        self.apply_button.setEnabled(False)
        self.unmatched_view.setEnabled(False)
        db, event_id, report, hosts = self._ctx.db, self._event_id, self._report, self._hosts
        manual, name = dict(self.unmatched_model.assigned), self._path.name

        def work() -> AttendanceImportReport:
            from odn_desktop.store.database import transaction

            with transaction(db.sessions) as session:
                return import_attendance(session, event_id, report, hosts=hosts, manual=manual, file_name=name)

        run_in_background(work, self._on_done, self._on_error)

    def _on_done(self, result: AttendanceImportReport) -> None:
        self._busy = False
        self.result_report = result
        self._ctx.changed.emit(ATTENDANCE_KINDS)
        self.import_finished.emit(result)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.apply_button.setEnabled(True)
        self.unmatched_view.setEnabled(True)
        if isinstance(exc, UserError):
            context.show_user_error(self, exc.message)
            return
        raise exc

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def choose_report_file(parent: QWidget | None) -> Path | None:
    """Ask for the attendance report, in the folder last used for one (replaced in tests)."""
    from .file_dialogs import open_path

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
    if exec_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_report


def import_attendance_interactive(parent: QWidget | None, ctx: AppContext,
                                  event_id: uuid.UUID) -> AttendanceImportReport | None:
    """Ask for the report file, then ``run_attendance_dialog`` (menu action "Anwesenheit übernehmen …")."""
    path = choose_report_file(parent)
    return None if path is None else run_attendance_dialog(parent, ctx, event_id, path)
