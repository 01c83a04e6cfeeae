"""The registration import dialog: which column is which, what each row will become, then import.

Left, every column of the file with an example value and the field it is imported as (a combo box per column,
detected automatically and changeable; choosing a field another column held frees that column). Right, the
first rows as they will be imported, each with its problems; "Nur Zeilen mit Problemen" lists every row that
will be skipped. Nothing is written before "Importieren"; the import then runs on a worker thread with its own
session and one transaction, and a mapping that was imported is remembered for files with the same header.

A finished import goes on the undo stack (``ImportCommand``, "Bearbeiten › Rückgängig: Import von „…“"): undo
takes back what it created and changed (``services.import_undo``), redo imports the same rows again.

The main window calls ``import_registrations(parent, ctx, event_id)`` (asks for the file) or
``run_import_dialog(parent, ctx, event_id, path)``; both return the report or ``None``.
"""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.cells import Table
from odn_desktop.exchange.registration_import import ColumnMapping, ImportPlan, read_registration_table
from odn_desktop.services.import_undo import ImportRecord, ImportUndoResult, undo_import
from odn_desktop.services.registration_import import (
    MappingMemory,
    RegistrationImportReport,
    import_plan,
    plan_for_table,
    read_file,
    redo_import,
)
from odn_desktop.ui.dates import display_date

from . import context, theme
from .import_mapping_models import PREVIEW_ROWS, FieldDelegate, MappingModel, PreviewModel
from .undo import ServiceCommand
from .worker import run_in_background

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .context import AppContext

__all__ = ["ImportCommand", "ImportMappingDialog", "MappingModel", "PreviewModel", "ReportDialog",
           "build_import_dialog", "import_registrations", "run_import_dialog"]

IMPORT_KINDS = ("registrations", "contacts", "events")


translate = QCoreApplication.translate


# -- the undoable import -----------------------------------------------------------------------------------


class ImportCommand(ServiceCommand[ImportRecord]):
    """An import on the undo stack, pushed after the worker wrote it: the first redo (on push) does nothing.

    Undo reverts what ``record`` lists (``import_undo.undo_import``, one transaction) and tells who moved up from
    the waiting list; redo imports ``plan`` again (same event, file name and import time, the same ids where the
    undo freed them) and keeps the new record for the next undo.
    """

    def __init__(self, ctx: AppContext, plan: ImportPlan, record: ImportRecord) -> None:
        super().__init__(ctx, translate("ImportMappingDialog", "Import von „{file}“").format(file=record.source),
                         do=self._reimport, undo=self._revert, kinds=IMPORT_KINDS)
        self.plan = plan
        self.result = record
        self.undone: ImportUndoResult | None = None

    def _reimport(self, session: Session) -> ImportRecord:
        assert self.result is not None
        record = redo_import(session, self.plan, self.result).record
        assert record is not None
        return record

    def _revert(self, session: Session, record: ImportRecord) -> ImportUndoResult:
        self.undone = undo_import(session, record)
        return self.undone

    def undo(self) -> None:
        self.undone = None
        super().undo()
        self._tell_promoted(self.undone)

    @staticmethod
    def _tell_promoted(undone: ImportUndoResult | None) -> None:
        """Whoever got a seat the undo freed must be told (shown once the transaction is committed)."""
        if undone is not None and undone.promoted:
            names = ", ".join(f"{r.display_name} ({r.email})" for r in undone.promoted)
            context.show_information(
                None, translate("ImportMappingDialog", "Von der Warteliste nachgerückt"),
                translate("ImportMappingDialog", "Nach dem Rückgängigmachen des Imports von der Warteliste "
                          "nachgerückt: {names}. Bitte informieren Sie die Nachgerückten.").format(names=names))


# -- the dialog --------------------------------------------------------------------------------------------


class ImportMappingDialog(QDialog):
    """Shows the detected mapping and the preview; "Importieren" writes on a worker thread."""

    import_finished = Signal(object)  # the RegistrationImportReport

    def __init__(self, ctx: AppContext, event_id: uuid.UUID, path: Path, data: bytes, table: Table,
                 plan: ImportPlan, *, event_label: str = "", memory: MappingMemory | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportMappingDialog")
        self.setWindowTitle(self.tr("Anmeldungen importieren – {0}").format(path.name))
        self._ctx = ctx
        self._event_id = event_id
        self._path = path
        self._data = data
        self._table = table
        self._plan = plan
        self._memory = memory
        self._busy = False
        self.report: RegistrationImportReport | None = None

        self.mapping_model = MappingModel(table, plan.mapping, self)
        self.preview_model = PreviewModel(plan, self)
        self.mapping_model.mapping_changed.connect(self._on_mapping_changed)

        intro = QLabel(self.tr("<b>{0}</b> ({1}) nach <b>{2}</b>").format(
            _html(path.name), _html(table.description), _html(event_label)))
        intro.setObjectName("introLabel")
        intro.setWordWrap(True)

        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.addItems(list(table.sheet_names))
        if table.sheet:
            self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.currentTextChanged.connect(self._on_sheet_changed)
        sheet_row = QHBoxLayout()
        sheet_label = QLabel(self.tr("&Tabellenblatt:"))
        sheet_label.setBuddy(self.sheet_combo)
        sheet_row.addWidget(sheet_label)
        sheet_row.addWidget(self.sheet_combo, 1)
        self._sheet_widget = QWidget()
        self._sheet_widget.setLayout(sheet_row)
        sheet_row.setContentsMargins(0, 0, 0, 0)
        self._sheet_widget.setVisible(len(table.sheet_names) > 1)

        self.mapping_view = QTableView()
        self.mapping_view.setObjectName("mappingView")
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.setItemDelegateForColumn(MappingModel.FIELD, FieldDelegate(self.mapping_view))
        self.mapping_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mapping_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.mapping_view.verticalHeader().setVisible(False)
        self.mapping_view.setWordWrap(False)
        header = self.mapping_view.horizontalHeader()
        header.setSectionResizeMode(MappingModel.COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MappingModel.EXAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MappingModel.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_model.modelReset.connect(self._open_editors)
        mapping_box = QGroupBox(self.tr("Zuordnung der Spalten"))
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_hint = QLabel(self.tr("Erkannt aus den Spaltennamen und Werten; bitte prüfen und bei Bedarf "
                                      "ändern."))
        mapping_hint.setWordWrap(True)
        mapping_layout.addWidget(mapping_hint)
        mapping_layout.addWidget(self.mapping_view)

        self.preview_view = QTableView()
        self.preview_view.setObjectName("previewView")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().setVisible(False)
        self.preview_view.setWordWrap(False)
        self.preview_view.horizontalHeader().setStretchLastSection(True)
        self.preview_view.horizontalHeader().setHighlightSections(False)
        self.preview_model.modelReset.connect(self._fit_preview)
        self.problems_only = QCheckBox(self.tr("Nur Zeilen mit &Hinweisen zeigen"))
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self.preview_model.set_only_problems)
        preview_box = QGroupBox(self.tr("Vorschau"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.problems_only)
        preview_layout.addWidget(self.preview_view)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(mapping_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([540, 740])

        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        theme.keep_style(self.error_label, lambda: theme.text_style(theme.problem_text))
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Importieren"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._sheet_widget)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(1280, 720)
        self._open_editors()
        self._fit_preview()
        self._update_state()
        self.mapping_view.setCurrentIndex(QModelIndex())  # no cell looks selected before the first click
        self.import_button.setFocus()

    # -- reacting to the coordinator -------------------------------------------------------------------------

    @property
    def plan(self) -> ImportPlan:
        return self._plan

    def set_field(self, column: int, field_name: str | None) -> None:
        """Map a file column to a field (as choosing it in the column's combo box does)."""
        self.mapping_model.setData(self.mapping_model.index(column, MappingModel.FIELD), field_name or "")

    def _open_editors(self) -> None:
        for row in range(self.mapping_model.rowCount()):
            self.mapping_view.openPersistentEditor(self.mapping_model.index(row, MappingModel.FIELD))
        self.mapping_view.resizeColumnToContents(MappingModel.COLUMN)
        if self.mapping_view.columnWidth(MappingModel.COLUMN) > 200:
            self.mapping_view.setColumnWidth(MappingModel.COLUMN, 200)

    def _fit_preview(self) -> None:
        self.preview_view.resizeColumnsToContents()
        for column, field_name in enumerate(self.preview_model.column_fields()):
            limit = 320 if field_name == "problems" else 220
            if self.preview_view.columnWidth(column) > limit:
                self.preview_view.setColumnWidth(column, limit)

    def _on_mapping_changed(self, mapping: ColumnMapping) -> None:
        self._plan = plan_for_table(self._table, mapping)
        self.preview_model.set_plan(self._plan)
        self._update_state()

    def _on_sheet_changed(self, sheet: str) -> None:
        if not sheet or sheet == self._table.sheet:
            return
        try:
            table = read_registration_table(self._data, sheet)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return
        self._table = table
        self._plan = plan_for_table(table, memory=self._memory)
        self.mapping_model.set_table(table, self._plan.mapping)
        self.preview_model.set_plan(self._plan)
        self._update_state()

    def _update_state(self) -> None:
        plan = self._plan
        self.error_label.setText("\n".join(plan.errors))
        self.error_label.setVisible(bool(plan.errors))
        rejected, duplicates = len(plan.rejected), len(plan.duplicates)
        if plan.errors:
            summary = self.tr("%n Zeilen in der Datei. Bitte zuerst die Zuordnung vervollständigen.", "",
                              len(plan.rows))
        else:
            people = len(plan.people)
            summary = self.tr("%n Zeilen in der Datei", "", len(plan.rows)) + ": " + self.tr(
                "%n Personen werden übernommen", "", people)
            if rejected:
                summary += (self.tr(", 1 Zeile mit Problemen wird übersprungen") if rejected == 1 else
                            self.tr(", {0} Zeilen mit Problemen werden übersprungen").format(rejected))
            if duplicates:
                summary += (self.tr(", 1 doppelte Zeile wird zusammengeführt") if duplicates == 1 else
                            self.tr(", {0} doppelte Zeilen werden zusammengeführt").format(duplicates))
            summary += "."
            if len(plan.rows) > PREVIEW_ROWS:
                summary += " " + self.tr("Die Vorschau zeigt die ersten {0} Zeilen.").format(PREVIEW_ROWS)
        self.summary_label.setText(summary)
        self.import_button.setEnabled(not self._busy and plan.importable and bool(plan.people))

    # -- importing -----------------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Write the plan on a worker thread (own session, one transaction); the dialog closes when done."""
        if self._busy or not self._plan.importable or self._ctx.db is None:
            return
        self._busy = True
        for widget in (self.mapping_view, self.sheet_combo, self.problems_only):
            widget.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        db, event_id, plan, source = self._ctx.db, self._event_id, self._plan, self._path.name

        def work(progress: Any) -> RegistrationImportReport:
            from odn_desktop.store.database import transaction

            with transaction(db.sessions) as session:
                return import_plan(session, event_id, plan, source=source, progress=progress)

        run_in_background(work, self._on_done, self._on_error, self._on_progress)

    def _on_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.progress.setFormat(f"{text} (%p %)" if text else "%p %")

    def _on_done(self, report: RegistrationImportReport) -> None:
        self._busy = False
        self.report = report
        if report.record is not None and (report.created or report.updated):  # undoable from now on (its
            # first redo does nothing); an import that changed nothing leaves nothing to undo
            self._ctx.undo_stack.push(ImportCommand(self._ctx, self._plan, report.record))
        if self._memory is not None:
            # the import is done; a mapping not remembered only costs a look next time
            with contextlib.suppress(OSError):
                self._memory.remember(self._table.header, self._plan.mapping)
        self._ctx.changed.emit(IMPORT_KINDS)
        self.import_finished.emit(report)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.progress.setVisible(False)
        for widget in (self.mapping_view, self.sheet_combo, self.problems_only):
            widget.setEnabled(True)
        self._update_state()
        if isinstance(exc, UserError):
            context.show_user_error(self, exc.message)
            return
        raise exc  # a bug: to the crash handler

    def reject(self) -> None:
        if self._busy:  # the transaction finishes or rolls back as a whole; closing now would hide its outcome
            return
        super().reject()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- entry points for the main window ----------------------------------------------------------------------


def exec_dialog(dialog: QDialog) -> int:
    """Run a modal dialog (replaced in tests)."""
    return dialog.exec()


def choose_registration_file(parent: QWidget | None) -> Path | None:
    """Ask for the file to import (replaced in tests)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, translate("ImportMappingDialog", "Anmeldungen importieren"), "",
        translate("ImportMappingDialog", "Anmeldungen (*.csv *.txt *.tsv *.xlsx *.xlsm);;Alle Dateien (*)"))
    return Path(name) if name else None


def ask_report_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save the report (replaced in tests)."""
    name, _ = QFileDialog.getSaveFileName(parent, translate("ImportMappingDialog", "Bericht speichern"), suggested,
                                          translate("ImportMappingDialog", "Textdateien (*.txt)"))
    return Path(name) if name else None


def show_import_report(parent: QWidget | None, report: RegistrationImportReport) -> None:
    """The report after the import, with "Speichern …" (replaced in tests)."""
    dialog = ReportDialog(report.to_text(), f"Importbericht {Path(report.file_name).stem}.txt", parent)
    dialog.exec()


class ReportDialog(QDialog):
    def __init__(self, text: str, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportReportDialog")
        self.setWindowTitle(self.tr("Importbericht"))
        self._text = text
        self._suggested = suggested_name
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(self.tr("&Speichern …"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(640, 420)

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


def _event_label(ctx: AppContext, event_id: uuid.UUID) -> str:
    from odn_desktop.services.events import get_event

    def read(session: Any) -> str:
        event = get_event(session, event_id)
        return f"{event.title} ({display_date(event.starts_at)})"

    return ctx.read(read)


def build_import_dialog(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID,
                        path: Path) -> ImportMappingDialog:
    """Read the file and open the dialog on it; ``UserError`` when the file cannot be read."""
    data = read_file(path)
    table = read_registration_table(data)
    memory = MappingMemory.in_folder(ctx.paths.data_dir) if ctx.paths is not None else None
    plan = plan_for_table(table, memory=memory)
    return ImportMappingDialog(ctx, event_id, path, data, table, plan, event_label=_event_label(ctx, event_id),
                               memory=memory, parent=parent)


def run_import_dialog(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID,
                      path: Path) -> RegistrationImportReport | None:
    """The whole interaction for one file: mapping dialog, import, report. ``None`` when cancelled or unreadable.

    After a successful import ``ctx.changed`` carries ("registrations", "contacts", "events").
    """
    try:
        dialog = build_import_dialog(parent, ctx, event_id, path)
    except UserError as exc:
        context.show_user_error(parent, exc.message)
        return None
    if exec_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.report is None:
        return None
    show_import_report(parent, dialog.report)
    return dialog.report


def import_registrations(parent: QWidget | None, ctx: AppContext,
                         event_id: uuid.UUID) -> RegistrationImportReport | None:
    """Ask for a file, then ``run_import_dialog`` (the menu action "Anmeldungen importieren …")."""
    path = choose_registration_file(parent)
    if path is None:
        return None
    return run_import_dialog(parent, ctx, event_id, path)
