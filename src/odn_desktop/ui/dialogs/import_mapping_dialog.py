"""The registration import dialog: which column is which, what each row will become, then import.

Left, every column of the file with an example value and the field it is imported as (a combo box per column,
detected automatically and changeable; choosing a field another column held frees that column). Right, the
first rows as they will be imported, each with its status: "neu", "bereits angemeldet", "aktualisiert",
"verspätet", "Warteliste", "abgelehnt: <Grund>" or "doppelt"; "Anzeigen" lists every row of one kind, with the
count of each. Nothing is written before "Importieren"; the import then runs on a worker thread with its own
session and one transaction, and a mapping that was imported is remembered for files with the same header.

Each plan is checked against the event before it is imported (``services.registration_import.forecast_import``,
the decision the import itself runs, with the same options): so the status of every row and the counts in the
summary are exactly what the import then reports. Two choices follow from it: "Verspätet zulassen" (rows outside
the registration window are imported and marked late) and "Fehlende Runden anlegen" (a file naming rounds the event
does not have is refused as a whole without it, so "Importieren" waits for it); each change is forecast again. A
round column an event without rounds does not use is said before the import, and in the report.

The cells of a rejected row can be corrected in place (double-click or F2): the corrected file row is validated
again at once, its status follows, and the import uses the corrected values (the file itself is not changed).

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
    ImportForecast,
    MappingMemory,
    RegistrationImportReport,
    correct_cell,
    forecast_import,
    import_plan,
    plan_for_table,
    read_file,
    redo_import,
    round_column,
)
from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.dates import display_date
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.infra.worker import run_in_background
from odn_desktop.ui.models.import_mapping_models import (
    FILTER_LABELS,
    FILTERS,
    PREVIEW_ROWS,
    REJECTED_FILTER,
    FieldDelegate,
    MappingModel,
    PreviewModel,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.ui.infra.context import AppContext

__all__ = ["ImportCommand", "ImportMappingDialog", "MappingModel", "PreviewModel", "ReportDialog",
           "build_import_dialog", "import_registrations", "run_import_dialog"]

IMPORT_KINDS = ("registrations", "contacts", "events")
# Plans with at most this many people are checked against the event on the GUI thread (``forecast_import`` costs a
# few queries per 500 addresses and the seat rule over the event's queue); bigger ones on a worker thread.
CHECK_ON_GUI_THREAD = 2_000
# Round names of an unused round column shown in the dialog; the rest as "…".
SHOWN_ROUND_VALUES = 8


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
        # the plan's forecast against the event: None while it runs, when it failed, or for a plan with errors
        self._forecast: ImportForecast | None = None
        self._checking = False
        self._check_error = ""
        self._check_generation = 0  # a check started for an older plan is ignored when it arrives

        self.mapping_model = MappingModel(table, plan.mapping, self)
        self.preview_model = PreviewModel(plan, self)
        self.mapping_model.mapping_changed.connect(self._on_mapping_changed)
        # queued: the new plan replaces the preview's rows, which must not happen while the editor commits
        self.preview_model.correction_requested.connect(self._on_correction, Qt.ConnectionType.QueuedConnection)

        intro = QLabel(self.tr("<b>{0}</b> ({1}) nach <b>{2}</b>").format(
            _html(path.name), _html(table.description), _html(event_label)))
        intro.setObjectName("introLabel")
        intro.setWordWrap(True)
        self._build_sheet_row(table)
        splitter = self._build_splitter()
        self._build_status_widgets()
        self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._sheet_widget)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.rounds_label)
        layout.addWidget(self.unused_round_label)
        layout.addWidget(self.summary_label)
        layout.addLayout(self.options_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1240, 700)
        self._open_editors()
        self._fit_preview()
        self._run_check()
        self.mapping_view.setCurrentIndex(QModelIndex())  # no cell looks selected before the first click
        self.import_button.setFocus()

    # -- building the dialog -------------------------------------------------------------------------------

    def _build_sheet_row(self, table: Table) -> None:
        """The sheet to read (shown only for a workbook with more than one)."""
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

    def _build_splitter(self) -> QSplitter:
        """The mapping of the columns beside the preview of the rows."""
        mapping_box = self._build_mapping_box()
        preview_box = self._build_preview_box()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(mapping_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([470, 770])
        return splitter

    def _build_mapping_box(self) -> QGroupBox:
        """Which column of the file goes into which field (a combo box per row)."""
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
        # fixed: a combo box as wide as its longest field name would push the column out of the pane
        header.setSectionResizeMode(MappingModel.FIELD, QHeaderView.ResizeMode.Fixed)
        self.mapping_view.setColumnWidth(MappingModel.FIELD, 200)
        self.mapping_model.modelReset.connect(self._open_editors)
        mapping_box = QGroupBox(self.tr("Zuordnung der Spalten"))
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_hint = QLabel(self.tr("Erkannt aus den Spaltennamen und Werten; bitte prüfen und bei Bedarf "
                                      "ändern."))
        mapping_hint.setWordWrap(True)
        mapping_layout.addWidget(mapping_hint)
        mapping_layout.addWidget(self.mapping_view)
        return mapping_box

    def _build_preview_box(self) -> QGroupBox:
        """The rows as they would be imported, with a filter; rejected rows can be corrected here."""
        self.preview_view = QTableView()
        self.preview_view.setObjectName("previewView")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                          | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.preview_view.verticalHeader().setVisible(False)
        self.preview_view.setWordWrap(False)
        self.preview_view.horizontalHeader().setStretchLastSection(True)
        self.preview_view.horizontalHeader().setHighlightSections(False)
        self.preview_model.modelReset.connect(self._fit_preview)
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("previewFilter")
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for kind in FILTERS:
            self.filter_combo.addItem(translate("ImportMappingDialog", FILTER_LABELS[kind]), kind)
        self.filter_combo.currentIndexChanged.connect(
            lambda _i: self.preview_model.set_filter(self.filter_combo.currentData()))
        filter_label = QLabel(self.tr("&Anzeigen:"))
        filter_label.setBuddy(self.filter_combo)
        self.correct_hint = QLabel(self.tr("Abgelehnte Zeilen lassen sich hier korrigieren: Zelle doppelklicken "
                                           "oder F2."))
        self.correct_hint.setObjectName("correctHint")
        self.correct_hint.setWordWrap(True)
        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter_combo)
        filter_row.addWidget(self.correct_hint, 1)
        preview_box = QGroupBox(self.tr("Vorschau"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addLayout(filter_row)
        preview_layout.addWidget(self.preview_view)
        return preview_box

    def _build_status_widgets(self) -> None:
        """Summary, errors, the check's lines and choices, the progress bar."""
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        theme.keep_style(self.error_label, lambda: theme.text_style(theme.problem_text))
        self._build_check_widgets()
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Importieren"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

    def _build_check_widgets(self) -> None:
        """The lines and choices that follow from the plan's check against the event (hidden until they apply)."""
        self.rounds_label = QLabel()
        self.rounds_label.setObjectName("roundsLabel")
        self.rounds_label.setWordWrap(True)
        theme.keep_style(self.rounds_label, lambda: theme.text_style(theme.warning_text))
        self.unused_round_label = QLabel()
        self.unused_round_label.setObjectName("unusedRoundLabel")
        self.unused_round_label.setWordWrap(True)
        self.allow_late = QCheckBox(self.tr("&Verspätet zulassen"))
        self.allow_late.setObjectName("allowLate")
        self.allow_late.setAccessibleName(self.tr("Verspätet zulassen"))
        self.allow_late.setToolTip(self.tr("Zeilen außerhalb der Anmeldefrist werden übernommen und als verspätet "
                                           "markiert."))
        self.allow_late.setAccessibleDescription(self.allow_late.toolTip())
        self.create_rounds = QCheckBox(self.tr("Fehlende &Runden anlegen (ohne Platzgrenze)"))
        self.create_rounds.setObjectName("createRounds")
        self.create_rounds.setAccessibleName(self.tr("Fehlende Runden anlegen (ohne Platzgrenze)"))
        for widget in (self.rounds_label, self.unused_round_label, self.allow_late, self.create_rounds):
            widget.setVisible(False)
        self.allow_late.toggled.connect(lambda _on: self._run_check())
        self.create_rounds.toggled.connect(lambda _on: self._run_check())
        self.options_row = QHBoxLayout()
        self.options_row.addWidget(self.allow_late)
        self.options_row.addWidget(self.create_rounds)
        self.options_row.addStretch(1)

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
        if self.mapping_view.columnWidth(MappingModel.COLUMN) > 160:
            self.mapping_view.setColumnWidth(MappingModel.COLUMN, 160)

    def _fit_preview(self) -> None:
        self.preview_view.resizeColumnsToContents()
        for column, field_name in enumerate(self.preview_model.column_fields()):
            limit = 300 if field_name == "status" else 200  # a long reason: in full in the tooltip
            if self.preview_view.columnWidth(column) > limit:
                self.preview_view.setColumnWidth(column, limit)

    def _on_mapping_changed(self, mapping: ColumnMapping) -> None:
        self._plan = plan_for_table(self._table, mapping)
        self.preview_model.set_plan(self._plan)
        self._run_check()

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
        self._run_check()

    def correct(self, row_number: int, field_name: str, text: str) -> None:
        """Correct a cell of a rejected row (what typing into the preview does): the file row is validated again,
        checked against the event, and imported with the corrected value."""
        row = next((r for r in self._plan.rows if r.row == row_number), None)
        if row is None or self._busy:
            return
        current = self.preview_view.currentIndex()
        column = current.column() if current.isValid() else -1
        self._table = correct_cell(self._table, self._plan.mapping, row, field_name, text)
        self._plan = plan_for_table(self._table, self._plan.mapping)
        self.preview_model.set_plan(self._plan)
        self._run_check()
        at = self.preview_model.row_of(row_number)  # keep the corrected row current: the next cell is one Tab away
        if at is not None and column >= 0:
            self.preview_view.setCurrentIndex(self.preview_model.index(at, column))

    def _on_correction(self, row_number: int, field_name: str, text: str) -> None:
        self.correct(row_number, field_name, text)

    # -- the forecast against the event ------------------------------------------------------------------------

    @property
    def forecast(self) -> ImportForecast | None:
        """What the import will do with the current plan and options (``None`` while it runs or could not run)."""
        return self._forecast

    def _run_check(self) -> None:
        """Forecast the import: here for a few thousand people, on a worker thread for more."""
        self._check_generation += 1
        generation, plan, db, event_id = self._check_generation, self._plan, self._ctx.db, self._event_id
        allow_late, create_rounds = self.allow_late.isChecked(), self.create_rounds.isChecked()
        self._forecast, self._check_error, self._checking = None, "", False
        if db is None or plan.errors or not plan.people:
            self._on_checked(generation, None)
            return

        def forecast(session: Session) -> ImportForecast:
            return forecast_import(session, event_id, plan, allow_late=allow_late, create_rounds=create_rounds)

        if len(plan.people) <= CHECK_ON_GUI_THREAD:
            try:
                result = self._ctx.read(forecast)
            except UserError as exc:
                self._on_check_failed(generation, exc)
            else:
                self._on_checked(generation, result)
            return
        self._checking = True
        self._show_check_result()

        def work() -> ImportForecast:
            from odn_desktop.store.database import transaction

            with transaction(db.sessions) as session:
                return forecast(session)

        run_in_background(work, lambda result: self._on_checked(generation, result),
                          lambda exc: self._on_check_failed(generation, exc))

    def _on_checked(self, generation: int, forecast: ImportForecast | None) -> None:
        if generation != self._check_generation:  # the plan changed meanwhile; its own forecast follows
            return
        self._forecast, self._checking = forecast, False
        self._show_check_result()

    def _on_check_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._check_generation:
            return
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self._forecast, self._checking, self._check_error = None, False, exc.message
        self._show_check_result()

    def _show_check_result(self) -> None:
        """The forecast in the preview, the filter's counts, the lines above the summary, the summary."""
        forecast = self._forecast
        self.preview_model.set_forecast(forecast)
        counts = self.preview_model.filter_counts()
        for position, kind in enumerate(FILTERS):
            label = translate("ImportMappingDialog", FILTER_LABELS[kind])
            self.filter_combo.setItemText(position, f"{label} ({counts[kind]})")
        self.correct_hint.setVisible(counts[REJECTED_FILTER] > 0)
        self.allow_late.setVisible(forecast is not None and forecast.outside_window > 0)
        missing = forecast.unknown_rounds if forecast is not None else ()
        self.create_rounds.setVisible(bool(missing))
        column = forecast.unused_round_column if forecast is not None else None
        if column:
            values = round_column(self._plan)[1]
            shown = ", ".join(values[:SHOWN_ROUND_VALUES]) + (", …" if len(values) > SHOWN_ROUND_VALUES else "")
            self.unused_round_label.setText(self.tr(
                "Die Spalte „{0}“ wird nicht verwendet: die Veranstaltung hat keine parallelen Runden "
                "(Werte: {1}).").format(column, shown))
        self.unused_round_label.setVisible(bool(column))
        self._update_state()

    def _can_import(self) -> bool:
        plan, forecast = self._plan, self._forecast
        return (not self._busy and plan.importable and bool(plan.people) and self._ctx.db is not None
                and forecast is not None and not forecast.blocked)

    def _update_state(self) -> None:
        plan, forecast = self._plan, self._forecast
        errors = list(plan.errors) or ([self._check_error] if self._check_error else [])
        self.error_label.setText("\n".join(errors))
        self.error_label.setVisible(bool(errors))
        missing = forecast.unknown_rounds if forecast is not None else ()
        if missing:
            names = ", ".join(f"„{name}“" for name in missing)
            self.rounds_label.setText((
                self.tr("Die Datei nennt Runden, die die Veranstaltung nicht hat: {0}. Sie werden beim Import "
                        "ohne Platzgrenze angelegt.") if forecast is not None and forecast.create_rounds else
                self.tr("Die Datei nennt Runden, die die Veranstaltung nicht hat: {0}. Ohne „Fehlende Runden "
                        "anlegen“ wird nichts importiert.")).format(names))
        self.rounds_label.setVisible(bool(missing))
        self.summary_label.setText(self._summary())
        self.import_button.setEnabled(self._can_import())

    def _summary(self) -> str:
        """What the import will report, in its own numbers (the forecast's)."""
        plan, forecast = self._plan, self._forecast
        if plan.errors:
            return self.tr("%n Zeilen in der Datei. Bitte zuerst die Zuordnung vervollständigen.", "",
                           len(plan.rows))
        rows = self.tr("%n Zeilen in der Datei", "", len(plan.rows))
        if forecast is None:
            summary = rows + "."
            if self._checking:
                summary += " " + self.tr("Die Anmeldungen werden mit der Veranstaltung abgeglichen …")
            return summary
        parts = [self.tr("{0} neu").format(forecast.created)]  # the other counts when there is something to count
        if forecast.unchanged:
            parts.append(self.tr("{0} bereits angemeldet").format(forecast.unchanged))
        if forecast.updated:
            parts.append(self.tr("{0} aktualisiert").format(forecast.updated))
        if forecast.late:
            parts.append(self.tr("{0} verspätet").format(forecast.late))
        if forecast.waiting:
            parts.append(self.tr("{0} auf der Warteliste").format(forecast.waiting))
        if forecast.rejected:
            parts.append(self.tr("{0} abgelehnt").format(len(forecast.rejected)))
        if forecast.duplicates:
            parts.append(self.tr("%n doppelte Zeilen zusammengeführt", "", len(forecast.duplicates)))
        summary = rows + ": " + ", ".join(parts) + "."
        if forecast.blocked:
            summary += " " + self.tr("Nichts wird importiert, solange die Datei Runden nennt, die es nicht gibt.")
        elif forecast.outside_window and not forecast.allow_late:
            summary += " " + self.tr("%n Zeilen außerhalb der Anmeldefrist werden nur mit „Verspätet zulassen“ "
                                     "übernommen", "", forecast.outside_window) + "."
        if len(plan.rows) > PREVIEW_ROWS and self.preview_model.filter == "all":
            summary += " " + self.tr("Die Vorschau zeigt die ersten {0} Zeilen.").format(PREVIEW_ROWS)
        return summary

    # -- importing -----------------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Write the plan on a worker thread (own session, one transaction); the dialog closes when done. The
        options are those of the forecast shown, so the report counts what the preview said."""
        if not self._can_import():
            return
        forecast = self._forecast
        assert forecast is not None
        allow_late, create_rounds = forecast.allow_late, forecast.create_rounds
        self._busy = True
        for widget in self._choices():
            widget.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        db, event_id, plan, source = self._ctx.db, self._event_id, self._plan, self._path.name
        assert db is not None

        def work(progress: Any) -> RegistrationImportReport:
            from odn_desktop.store.database import transaction

            with transaction(db.sessions) as session:
                return import_plan(session, event_id, plan, source=source, progress=progress,
                                   allow_late=allow_late, create_rounds=create_rounds)

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
        for widget in self._choices():
            widget.setEnabled(True)
        if isinstance(exc, UserError):
            self._run_check()  # the event changed since the check (e.g. by a sync): show what holds now
            context.show_user_error(self, exc.message)
            return
        self._update_state()
        raise exc  # a bug: to the crash handler

    def _choices(self) -> tuple[QWidget, ...]:
        """What the coordinator can change; locked while the import runs."""
        return (self.mapping_view, self.preview_view, self.sheet_combo, self.filter_combo, self.allow_late,
                self.create_rounds)

    def reject(self) -> None:
        if self._busy:  # the transaction finishes or rolls back as a whole; closing now would hide its outcome
            return
        super().reject()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """``width`` × ``height``, or less on a smaller screen (1280×720 at 150 %: the title bar and the taskbar too)."""
    screen = dialog.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width() - 40), min(height, available.height() - 60)
    dialog.resize(width, height)


# -- entry points for the main window ----------------------------------------------------------------------


def exec_dialog(dialog: QDialog) -> int:
    """Run a modal dialog (replaced in tests)."""
    return dialog.exec()


def choose_registration_file(parent: QWidget | None) -> Path | None:
    """Ask for the file to import, in the folder last used for one (replaced in tests)."""
    from odn_desktop.ui.infra.file_dialogs import open_path

    files = translate("ImportMappingDialog", "Anmeldungen (*.csv *.txt *.tsv *.xlsx *.xlsm);;Alle Dateien (*)")
    return open_path(parent, "registration_import", files,
                     title=translate("ImportMappingDialog", "Anmeldungen importieren"))


def ask_report_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save the report, in the folder last used for one (replaced in tests)."""
    from odn_desktop.ui.infra.file_dialogs import save_path

    return save_path(parent, "import_report", suggested, translate("ImportMappingDialog", "Textdateien (*.txt)"),
                     title=translate("ImportMappingDialog", "Bericht speichern"))


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
        view.setAccessibleName(self.tr("Importbericht"))  # the window's title
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
