"""Item models of the registration import dialog: the column mapping (editable) and the preview of the rows.

Both hold plain data from ``exchange.registration_import`` (a ``Table``, an ``ImportPlan``) and from
``services.registration_import.forecast_import`` (an ``ImportForecast``: what the import will do with every person,
decided by the import's own code); ``data()`` never reads files or the database. A changed mapping is announced
with ``MappingModel.mapping_changed``, a corrected cell with ``PreviewModel.correction_requested``; the dialog then
builds a new plan, hands it to ``PreviewModel.set_plan`` and, once checked against the event, the forecast to
``PreviewModel.set_forecast``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from odn_desktop.domain.timezone import format_german_datetime
from odn_desktop.exchange.cells import Table, cell_text
from odn_desktop.exchange.registration_import import (
    FIELD_LABELS,
    IGNORE_LABEL,
    IMPORT_FIELDS,
    ColumnMapping,
    ImportPlan,
    ImportRow,
    assign,
)
from odn_desktop.services.registration_import import (
    DUPLICATE,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATED,
    ImportForecast,
    PersonOutcome,
    correctable_fields,
)
from odn_desktop.ui.infra import theme

ModelIndex = QModelIndex | QPersistentModelIndex

#: Rows shown in the preview (all rows with problems are shown when filtered to them).
PREVIEW_ROWS = 100
PROBLEM_ROWS = 2_000

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

#: Preview columns per mapped field: a "Name" column is shown as the names it is split into.
_SHOWN_AS = {"full_name": ("salutation", "academic_title", "first_name", "last_name")}
# Only for pyside6-lupdate: the field labels (exchange.registration_import, no Qt there) reach translate() through
# variables, which lupdate cannot follow.
_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Anrede"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Titel"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Vorname"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Nachname"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Name (Vor- und Nachname)"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "E-Mail"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Organisation"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Kommune"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Funktion"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Bundesland"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Erfahrung"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Anmeldedatum"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Runde"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "– nicht importieren –"),
)
_PREVIEW_ORDER = ("salutation", "academic_title", "first_name", "last_name", "email", "organisation",
                  "municipality", "role", "federal_state", "experience_level", "registered_at", "round")


translate = QCoreApplication.translate


# -- models ------------------------------------------------------------------------------------------------


class MappingModel(QAbstractTableModel):
    """One row per file column: its name, an example value, and the field it is imported as (editable)."""

    COLUMN, EXAMPLE, FIELD = range(3)
    mapping_changed = Signal(object)  # the new ColumnMapping

    def __init__(self, table: Table, mapping: ColumnMapping, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._mapping = mapping
        self._examples = self._find_examples(table)

    @staticmethod
    def _find_examples(table: Table) -> list[str]:
        examples = []
        for col in range(len(table.header)):
            values = [cell_text(r[col]) for r in table.rows[:50]]
            filled = [v for v in values if v][:2]
            examples.append(" | ".join(v if len(v) <= 40 else v[:39] + "…" for v in filled))
        return examples

    @property
    def mapping(self) -> ColumnMapping:
        return self._mapping

    def set_table(self, table: Table, mapping: ColumnMapping) -> None:
        self.beginResetModel()
        self._table, self._mapping, self._examples = table, mapping, self._find_examples(table)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.header)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 3:
            return (translate("ImportMappingDialog", "Spalte in der Datei"),
                    translate("ImportMappingDialog", "Beispiel"),
                    translate("ImportMappingDialog", "Übernehmen als"))[section]
        if orientation == Qt.Orientation.Vertical and role == _DISPLAY and 0 <= section < self.rowCount():
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == self.FIELD:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        row, column = index.row(), index.column()
        if not (index.isValid() and 0 <= row < self.rowCount() and 0 <= column < 3):
            return None
        field_name = self._mapping[row] if row < len(self._mapping) else None
        if role == _DISPLAY:
            if column == self.COLUMN:
                return self._table.header[row] or translate("ImportMappingDialog", "(ohne Namen)")
            if column == self.EXAMPLE:
                return self._examples[row]
            return translate("ImportMappingDialog", FIELD_LABELS[field_name] if field_name else IGNORE_LABEL)
        if role == _EDIT and column == self.FIELD:
            return field_name or ""
        if role == _FOREGROUND and field_name is None:
            return theme.muted_text()
        if role == _TOOLTIP and column == self.EXAMPLE and self._examples[row]:
            return self._examples[row]
        if role == _FONT and column == self.FIELD and field_name is not None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or index.column() != self.FIELD or role != _EDIT:
            return False
        field_name = value or None
        if field_name is not None and field_name not in FIELD_LABELS:
            return False
        new = assign(self._mapping, index.row(), field_name)
        if new == self._mapping:
            return True
        changed_rows = [i for i, (a, b) in enumerate(zip(self._mapping, new, strict=True)) if a != b]
        self._mapping = new
        for i in changed_rows:
            self.dataChanged.emit(self.index(i, 0), self.index(i, 2))
        self.mapping_changed.emit(new)
        return True


class FieldDelegate(QStyledItemDelegate):
    """A combo box of the fields; a choice is committed at once, so the preview follows every change."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName(f"fieldCombo{index.row()}")
        column = index.sibling(index.row(), 0).data(_DISPLAY)
        combo.setAccessibleName(translate("ImportMappingDialog", "Spalte „{0}“ übernehmen als").format(column))
        combo.addItem(translate("ImportMappingDialog", IGNORE_LABEL), "")
        for key in IMPORT_FIELDS:
            combo.addItem(translate("ImportMappingDialog", FIELD_LABELS[key]), key)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(_EDIT) or "")
        if position != editor.currentIndex():
            editor.blockSignals(True)  # WORKAROUND: setting the shown value must not commit it back
            editor.setCurrentIndex(max(0, position))
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData() or "", _EDIT)


@dataclass(frozen=True)
class _PreviewColumn:
    title: str
    field: str  # an ImportRow attribute, or "row", "status"


#: The preview's filters: every row, or the rows of one kind (a row can be new, late and on the waiting list).
FILTERS = ("all", NEW, UNCHANGED, UPDATED, "late", "waiting", REJECTED, DUPLICATE)
FILTER_LABELS: dict[str, str] = {
    "all": "Alle Zeilen", NEW: "neu", UNCHANGED: "bereits angemeldet", UPDATED: "aktualisiert", "late": "verspätet",
    "waiting": "Warteliste", REJECTED: "abgelehnt", DUPLICATE: "doppelt",
}
_FOR_LUPDATE_FILTERS = (  # FILTER_LABELS reach translate() through a variable
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Alle Zeilen"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "neu"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "bereits angemeldet"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "aktualisiert"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "verspätet"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "Warteliste"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "abgelehnt"),
    QT_TRANSLATE_NOOP("ImportMappingDialog", "doppelt"),
)
REJECTED_FILTER = REJECTED
_CLI_HINT = " (--late)"  # the report names the CLI option too; the window has the check box


class PreviewModel(QAbstractTableModel):
    """The rows as they will be imported: number, status, the mapped fields (cleaned).

    The status is what the import will do with the row, from the forecast (``services.registration_import.
    forecast_import``, the decision the import itself runs): "neu", "bereits angemeldet", "aktualisiert" (data
    completed, or registered again after a cancellation), with "verspätet" and "Warteliste" where they apply,
    "abgelehnt: <Grund>", or "doppelt" for a row merged into an earlier row of the same person. ``set_filter``
    shows the rows of one kind (``FILTERS``).

    The cells of a rejected row can be corrected in place (double-click or F2): ``setData`` shows the new value at
    once and asks for a new plan with ``correction_requested`` (row number, field, text); the dialog builds it, checks
    it and hands both back (``set_plan``, ``set_forecast``). Corrected rows stay in view under the current filter.
    """

    correction_requested = Signal(int, str, str)

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = "all"
        self._plan = plan
        self._forecast: ImportForecast | None = None
        self._correctable: frozenset[str] = correctable_fields(plan.mapping)
        self._rows: list[ImportRow] = []
        self._columns: list[_PreviewColumn] = []
        self._pinned: set[int] = set()  # corrected rows, shown whatever the filter
        self._pending: dict[tuple[int, str], str] = {}  # corrections typed, shown until the new plan arrives
        self._refresh()

    @property
    def filter(self) -> str:
        return self._filter

    @property
    def forecast(self) -> ImportForecast | None:
        return self._forecast

    def set_plan(self, plan: ImportPlan) -> None:
        """A new plan; its forecast follows with ``set_forecast`` (the old one no longer applies)."""
        self._plan, self._forecast, self._pending = plan, None, {}
        self._correctable = correctable_fields(plan.mapping)
        self._update()

    def set_forecast(self, forecast: ImportForecast | None) -> None:
        self._forecast = forecast
        self._update()

    def set_filter(self, kind: str) -> None:
        if kind not in FILTERS:
            raise ValueError(kind)
        self._filter, self._pinned = kind, set()
        self._update()

    def _update(self) -> None:
        """Rows and columns again; a model reset only when they changed (an open editor survives a new status)."""
        rows, columns = [r.row for r in self._rows], self._columns
        self._refresh()
        if [r.row for r in self._rows] == rows and self._columns == columns:
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))
            return
        self.beginResetModel()
        self.endResetModel()

    def _refresh(self) -> None:
        plan = self._plan
        if self._filter == "all":
            self._rows = list(plan.rows[:PREVIEW_ROWS])
        else:
            self._rows = [r for r in plan.rows if r.row in self._pinned or self.matches(r, self._filter)]
            self._rows = self._rows[:PROBLEM_ROWS]
        shown: set[str] = set()
        for field_name in plan.mapping:
            if field_name is not None:
                shown.update(_SHOWN_AS.get(field_name, (field_name,)))
        if "municipality" in shown:
            shown.add("organisation")  # filled from the municipality when empty
        # the status comes first: it is what the coordinator must see before importing
        self._columns = [_PreviewColumn(translate("ImportMappingDialog", "Zeile"), "row"),
                         _PreviewColumn(translate("ImportMappingDialog", "Status"), "status")]
        self._columns += [_PreviewColumn(translate("ImportMappingDialog", FIELD_LABELS[f]), f)
                          for f in _PREVIEW_ORDER if f in shown]

    # -- what happens to a row ---------------------------------------------------------------------------------

    def outcome(self, row: ImportRow) -> PersonOutcome | None:
        """The forecast for the person whose first row this is (``None`` for other rows or without a forecast)."""
        if self._forecast is None or row.problems or row.duplicate_of is not None:
            return None
        return self._forecast.by_row.get(row.row)

    def kind(self, row: ImportRow) -> str:
        """NEW, UNCHANGED, UPDATED, REJECTED, DUPLICATE, or "" while the forecast is not there."""
        if row.problems:
            return REJECTED
        if row.duplicate_of is not None:
            return DUPLICATE
        outcome = self.outcome(row)
        return outcome.kind if outcome is not None else ""

    def matches(self, row: ImportRow, kind: str) -> bool:
        if kind == "all":
            return True
        if kind in ("late", "waiting"):
            outcome = self.outcome(row)
            return outcome is not None and outcome.joins and getattr(outcome, kind)
        return self.kind(row) == kind

    def filter_counts(self) -> dict[str, int]:
        """How many rows of the whole file each filter shows (before the forecast: the rows the plan knows)."""
        plan, forecast = self._plan, self._forecast
        counts = dict.fromkeys(FILTERS, 0)
        counts["all"] = len(plan.rows)
        counts[DUPLICATE] = len(plan.duplicates)
        if forecast is None:
            counts[REJECTED] = len(plan.rejected)
            return counts
        counts.update({NEW: forecast.created, UNCHANGED: forecast.unchanged, UPDATED: forecast.updated,
                       "late": forecast.late, "waiting": forecast.waiting, REJECTED: len(forecast.rejected)})
        return counts

    def status_text(self, row: ImportRow) -> str:
        if row.problems:
            return translate("ImportMappingDialog", "abgelehnt: {0}").format(row.reason)
        if row.duplicate_of is not None:
            return translate("ImportMappingDialog", "doppelt – zusammengeführt mit Zeile {0}").format(row.duplicate_of)
        outcome = self.outcome(row)
        if outcome is None:
            return ""
        if outcome.kind == REJECTED:
            return translate("ImportMappingDialog", "abgelehnt: {0}").format(outcome.reason.replace(_CLI_HINT, ""))
        if outcome.kind == UNCHANGED:
            return (translate("ImportMappingDialog", "storniert – bleibt unverändert") if outcome.cancelled else
                    translate("ImportMappingDialog", "bereits angemeldet"))
        if outcome.kind == UPDATED and not outcome.renewed:
            return translate("ImportMappingDialog", "aktualisiert")
        parts = [translate("ImportMappingDialog", "neu") if outcome.kind == NEW else
                 translate("ImportMappingDialog", "aktualisiert (erneut angemeldet)")]
        if outcome.late:
            parts.append(translate("ImportMappingDialog", "verspätet"))
        if outcome.waiting:
            parts.append(translate("ImportMappingDialog", "Warteliste"))
        return ", ".join(parts)

    def _status_tip(self, row: ImportRow) -> str | None:
        lines = [self.status_text(row)]
        outcome = self.outcome(row)
        if outcome is not None and outcome.filled:
            names = ", ".join(translate("ImportMappingDialog", FIELD_LABELS[f]) for f in outcome.filled)
            lines.append(translate("ImportMappingDialog", "Leere Felder werden ergänzt: {0}").format(names))
        if outcome is not None and outcome.late and outcome.outside_window:
            lines.append(translate("ImportMappingDialog", "Außerhalb der Anmeldefrist: {0}").format(
                outcome.outside_window))
        if self.kind(row) == REJECTED and self._correctable:
            lines.append(translate("ImportMappingDialog", "Zum Korrigieren eine Zelle doppelklicken (oder F2)."))
        text = "\n".join(line for line in lines if line)
        return text or None

    # -- corrections ---------------------------------------------------------------------------------------------

    def is_correctable(self, index: ModelIndex) -> bool:
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._columns)):
            return False
        return (self._columns[index.column()].field in self._correctable
                and self.kind(self._rows[index.row()]) == REJECTED)

    def setData(self, index: ModelIndex, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or not self.is_correctable(index):
            return False
        row, field_name = self._rows[index.row()], self._columns[index.column()].field
        text = " ".join(str(value or "").split())
        if text == self._text(row, field_name):
            return False
        self._pending[(row.row, field_name)] = text
        self._pinned.add(row.row)
        self.dataChanged.emit(index, index)
        self.correction_requested.emit(row.row, field_name, text)
        return True

    # -- the model -----------------------------------------------------------------------------------------------

    def row_at(self, row: int) -> ImportRow:
        return self._rows[row]

    def row_of(self, row_number: int) -> int | None:
        """The model row showing the file's row ``row_number``."""
        return next((i for i, r in enumerate(self._rows) if r.row == row_number), None)

    def column_fields(self) -> list[str]:
        return [c.field for c in self._columns]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(self._columns):
            return self._columns[section].title
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsEditable if self.is_correctable(index) else flags

    def _text(self, row: ImportRow, field_name: str) -> str:
        pending = self._pending.get((row.row, field_name))
        if pending is not None:
            return pending
        if field_name == "row":
            return str(row.row)
        if field_name == "status":
            return self.status_text(row)
        if field_name == "registered_at":
            return format_german_datetime(row.registered_at) if row.registered_at else ""
        return str(getattr(row, field_name))

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        r, c = index.row(), index.column()
        if not (index.isValid() and 0 <= r < len(self._rows) and 0 <= c < len(self._columns)):
            return None
        row, field_name = self._rows[r], self._columns[c].field
        if role in (_DISPLAY, _EDIT):
            return self._text(row, field_name)
        kind = self.kind(row)
        if role == _TOOLTIP:
            if field_name == "status":
                return self._status_tip(row)
            if self.is_correctable(index):
                return translate("ImportMappingDialog", "Zum Korrigieren doppelklicken (oder F2).")
            return None
        if role == _BACKGROUND:
            if kind == REJECTED:
                return theme.problem_background()
            outcome = self.outcome(row)
            if kind == DUPLICATE or (outcome is not None and (outcome.late or outcome.waiting)):
                return theme.warning_background()
            return None
        if role == _FOREGROUND:
            if field_name == "status" and kind == REJECTED:
                return theme.problem_text()
            if kind in (UNCHANGED, DUPLICATE):
                return theme.muted_text()
            return None
        if role == _FONT and (row.row, field_name) in self._pending:
            font = QFont()
            font.setItalic(True)
            return font
        if role == _ALIGN and field_name == "row":
            return _RIGHT
        return None
