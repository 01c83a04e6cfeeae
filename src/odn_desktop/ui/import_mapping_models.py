"""Item models of the registration import dialog: the column mapping (editable) and the preview of the rows.

Both hold plain data from ``exchange.registration_import`` (a ``Table``, an ``ImportPlan``) and from
``services.registration_import.check_plan`` (a ``PlanCheck``: what the registration window and the people already
registered decide); ``data()`` never reads files or the database. A changed mapping is announced with
``MappingModel.mapping_changed``; the dialog then builds a new plan, hands it to ``PreviewModel.set_plan`` and,
once checked against the event, the check to ``PreviewModel.set_check``.
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
from odn_desktop.services.registration_import import PlanCheck

from . import theme

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
    field: str  # an ImportRow attribute, or "row", "status", "problems"


class PreviewModel(QAbstractTableModel):
    """The rows as they will be imported: number, what happens to the row ("Hinweis"), the mapped fields (cleaned).

    The hint of a row: skipped for its problems, merged as a duplicate, refused by the registration window (or,
    with "Verspätet zulassen", admitted late), or left alone because the person is already registered."""

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._only_problems = False
        self._plan = plan
        self._check: PlanCheck | None = None
        self._allow_late = False
        self._rows: list[ImportRow] = []
        self._columns: list[_PreviewColumn] = []
        self._refresh()

    @property
    def only_problems(self) -> bool:
        return self._only_problems

    def set_plan(self, plan: ImportPlan) -> None:
        """A new plan; its check against the event follows with ``set_check`` (the old one no longer applies)."""
        self.beginResetModel()
        self._plan, self._check = plan, None
        self._refresh()
        self.endResetModel()

    @property
    def check(self) -> PlanCheck | None:
        return self._check

    def set_check(self, check: PlanCheck | None, allow_late: bool) -> None:
        self.beginResetModel()
        self._check, self._allow_late = check, allow_late
        self._refresh()
        self.endResetModel()

    def set_only_problems(self, only: bool) -> None:
        self.beginResetModel()
        self._only_problems = only
        self._refresh()
        self.endResetModel()

    def _refresh(self) -> None:
        plan = self._plan
        if self._only_problems:
            self._rows = [r for r in plan.rows if self._kind(r)][:PROBLEM_ROWS]
        else:
            self._rows = list(plan.rows[:PREVIEW_ROWS])
        shown: set[str] = set()
        for field_name in plan.mapping:
            if field_name is not None:
                shown.update(_SHOWN_AS.get(field_name, (field_name,)))
        if "municipality" in shown:
            shown.add("organisation")  # filled from the municipality when empty
        # the problems come first: they are what the coordinator must see before importing
        self._columns = [_PreviewColumn(translate("ImportMappingDialog", "Zeile"), "row"),
                         _PreviewColumn(translate("ImportMappingDialog", "Hinweis"), "problems")]
        self._columns += [_PreviewColumn(translate("ImportMappingDialog", FIELD_LABELS[f]), f)
                          for f in _PREVIEW_ORDER if f in shown]

    def _kind(self, row: ImportRow) -> str:
        """What happens to the row: "" (imported), "problem", "duplicate", "refused", "late" or "registered"."""
        if row.problems:
            return "problem"
        if row.duplicate_of is not None:
            return "duplicate"
        check = self._check
        if check is None:
            return ""
        if row.row in check.missing_round:
            return "problem"
        if row.row in check.refused:
            return "late" if self._allow_late else "refused"
        return "registered" if row.row in check.already_registered else ""

    def row_at(self, row: int) -> ImportRow:
        return self._rows[row]

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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def _note(self, row: ImportRow) -> str:
        kind = self._kind(row)
        if kind == "problem":
            reason = row.reason or (self._check.missing_round.get(row.row, "") if self._check else "")
            return translate("ImportMappingDialog", "Wird übersprungen: {0}").format(reason)
        if kind == "duplicate":
            return translate("ImportMappingDialog", "Doppelt (wie Zeile {0}), wird zusammengeführt").format(
                row.duplicate_of)
        if kind in ("refused", "late"):
            assert self._check is not None
            reason = self._check.refused[row.row]
            if kind == "late":
                return translate("ImportMappingDialog", "Wird verspätet zugelassen: {0}").format(reason)
            return translate("ImportMappingDialog", "Wird abgelehnt: {0}").format(reason)
        if kind == "registered":
            return translate("ImportMappingDialog", "Bereits angemeldet – bleibt unverändert")
        return ""

    def _text(self, row: ImportRow, field_name: str) -> str:
        if field_name == "row":
            return str(row.row)
        if field_name == "problems":
            return self._note(row)
        if field_name == "registered_at":
            return format_german_datetime(row.registered_at) if row.registered_at else ""
        return str(getattr(row, field_name))

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        r, c = index.row(), index.column()
        if not (index.isValid() and 0 <= r < len(self._rows) and 0 <= c < len(self._columns)):
            return None
        row, field_name = self._rows[r], self._columns[c].field
        if role == _DISPLAY:
            return self._text(row, field_name)
        if role == _TOOLTIP and field_name == "problems":
            return self._note(row) or None
        if role == _BACKGROUND:
            kind = self._kind(row)
            if kind in ("problem", "refused"):
                return theme.problem_background()
            if kind in ("duplicate", "late"):
                return theme.warning_background()
            return None
        if role == _FOREGROUND and field_name == "problems" and self._kind(row) in ("problem", "refused"):
            return theme.problem_text()
        if role == _ALIGN and field_name == "row":
            return _RIGHT
        return None
