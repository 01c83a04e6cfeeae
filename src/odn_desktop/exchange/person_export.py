"""Everything stored about one person (GDPR Art. 15), as an Excel workbook and as JSON.

The service gathers the data into ``PersonData``: the contact's fields as (key, German label, value) and any
number of tables (registrations with event titles, messages sent, speaker entries). The workbook has one sheet
"Person" (field, value) and one sheet per table; every text goes through ``safe_cells`` (a registrant who
typed ``=HYPERLINK(...)`` as a name must not get a live formula into the export). The JSON holds the same
data with machine-readable keys, times in ISO 8601 with the Berlin offset.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from odn_desktop.domain.timezone import iso_berlin, to_berlin

from .atomic_write import atomic_write, write_bytes
from .safe_cells import set_text

DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
PERSON_SHEET = "Person"


@dataclass(frozen=True)
class Table:
    key: str  # JSON key
    title: str  # sheet name (at most 31 characters)
    columns: tuple[tuple[str, str], ...]  # (key, German header)
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class PersonData:
    email: str
    generated_at: datetime
    fields: tuple[tuple[str, str, Any], ...]  # (key, German label, value)
    tables: tuple[Table, ...]


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_berlin(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def to_json(data: PersonData) -> dict[str, Any]:
    return {
        "generated_at": iso_berlin(data.generated_at),
        "email": data.email,
        "person": {key: _json_value(value) for key, _label, value in data.fields},
        **{t.key: [{k: _json_value(row.get(k)) for k, _h in t.columns} for row in t.rows] for t in data.tables},
    }


def _excel_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_berlin(value).replace(tzinfo=None, microsecond=0)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _put(ws: Any, row: int, col: int, value: Any) -> None:
    value = _excel_value(value)
    if value is None or value == "":
        return
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = DATETIME_FORMAT


def _widths(ws: Any, columns: Sequence[Sequence[Any]], headers: Sequence[str]) -> None:
    from openpyxl.utils import get_column_letter

    for index, header in enumerate(headers, start=1):
        longest = len(header)
        for value in columns[index - 1]:
            shown = _excel_value(value)
            longest = max(longest, 17 if isinstance(shown, datetime) else len(str(shown or "")))
        ws.column_dimensions[get_column_letter(index)].width = min(70, max(10, longest + 2))


def write_xlsx(data: PersonData, out: BinaryIO) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wb = Workbook()
    wb.properties.creator = "odn-desktop"
    wb.properties.title = "Auskunft nach Art. 15 DSGVO"
    ws = wb.active
    ws.title = PERSON_SHEET
    set_text(ws.cell(row=1, column=1), "Feld")
    set_text(ws.cell(row=1, column=2), "Wert")
    for col in (1, 2):
        ws.cell(row=1, column=col).font = bold
    for row, (_key, label, value) in enumerate(data.fields, start=2):
        set_text(ws.cell(row=row, column=1), label)
        _put(ws, row, 2, value)
        ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    _widths(ws, [[label for _k, label, _v in data.fields], [v for _k, _l, v in data.fields]], ["Feld", "Wert"])
    ws.freeze_panes = "A2"

    for table in data.tables:
        sheet = wb.create_sheet(table.title[:31])
        headers = [header for _key, header in table.columns]
        for col, header in enumerate(headers, start=1):
            set_text(sheet.cell(row=1, column=col), header)
            sheet.cell(row=1, column=col).font = bold
        for row, values in enumerate(table.rows, start=2):
            for col, (key, _header) in enumerate(table.columns, start=1):
                _put(sheet, row, col, values.get(key))
        _widths(sheet, [[r.get(k) for r in table.rows] for k, _h in table.columns], headers)
        sheet.freeze_panes = "A2"
    wb.save(out)


def save_person_export(data: PersonData, xlsx_path: Path) -> tuple[Path, Path]:
    """``FILE.xlsx`` and ``FILE.json`` next to it, each written atomically."""
    xlsx_path = Path(xlsx_path)
    json_path = xlsx_path.with_suffix(".json")
    with atomic_write(xlsx_path) as fh:
        write_xlsx(data, fh)
    payload = json.dumps(to_json(data), ensure_ascii=False, indent=2) + "\n"
    write_bytes(json_path, payload.encode("utf-8"))
    return xlsx_path, json_path
