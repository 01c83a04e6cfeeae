"""XLSX workbooks as a ``Table``: the first sheet (or a named one), read-only and streaming.

Cells Excel formats as dates arrive as ``datetime`` (Berlin wall time, as typed); numbers become text without a
spurious ``.0`` (postcodes, phone numbers). The workbook is read from bytes, so Excel keeping the file open on
Windows does not matter once the bytes are read.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from odn_desktop.domain.errors import UserError

from . import import_limits
from .cells import Cell, Table

log = logging.getLogger(__name__)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and every password-protected Office file

OLD_EXCEL = (
    "Die Datei ist im alten Excel-Format (.xls) oder kennwortgeschützt. Bitte in Excel als "
    "„Excel-Arbeitsmappe (.xlsx)“ ohne Kennwort oder als „CSV UTF-8“ speichern und diese Datei importieren."
)


def is_xlsx(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def is_old_excel(data: bytes) -> bool:
    return data.startswith(OLE_MAGIC)


def _cell(value: Any) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _choose_sheet(names: list[str], wanted: str | None) -> str:
    if not names:
        raise UserError("Die Excel-Datei enthält kein Tabellenblatt.")
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    folded = {n.casefold().strip(): n for n in names}
    if wanted.casefold().strip() in folded:
        return folded[wanted.casefold().strip()]
    listing = ", ".join(f"„{n}“" for n in names)
    raise UserError(f"Das Tabellenblatt „{wanted}“ gibt es in der Datei nicht. Vorhanden: {listing}.")


def read_xlsx_bytes(data: bytes, sheet: str | None = None) -> Table:
    """The table of one sheet; ``UserError`` for a damaged, encrypted or old-format file or an unknown sheet."""
    if is_old_excel(data):
        raise UserError(OLD_EXCEL)
    from openpyxl import load_workbook  # heavy: imported only when a workbook is read

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged zip raises anything from BadZipFile to KeyError deep in openpyxl
        log.info("unreadable workbook: %r", exc)
        raise UserError("Die Excel-Datei lässt sich nicht lesen (beschädigt oder keine .xlsx-Datei).") from None
    try:
        names = list(workbook.sheetnames)
        name = _choose_sheet(names, sheet)
        try:
            raw_rows = _limited_rows(workbook[name].iter_rows(values_only=True))
        except UserError:
            raise
        except Exception as exc:
            log.info("unreadable sheet %r: %r", name, exc)
            raise UserError(f"Das Tabellenblatt „{name}“ lässt sich nicht lesen (Datei beschädigt).") from None
    finally:
        workbook.close()
    return _table(raw_rows, name, tuple(names))


def _limited_rows(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The sheet's rows, refused beyond ``MAX_IMPORT_ROWS`` rows with values (rows that are only formatted, as
    when a whole column was formatted in Excel, do not count)."""
    kept: list[tuple[Any, ...]] = []
    filled = 0
    for row in rows:
        kept.append(row)
        if any(v is not None and v != "" for v in row):
            filled += 1
            if filled > import_limits.MAX_IMPORT_ROWS + 1:  # + the header
                raise import_limits.too_many_rows()
    return kept


def _table(raw_rows: list[tuple[Any, ...]], name: str, names: tuple[str, ...]) -> Table:
    rows = [tuple(_cell(v) for v in raw) for raw in raw_rows]
    filled = [sum(_filled(c) for c in r) for r in rows]
    if not any(filled):
        raise UserError(f"Das Tabellenblatt „{name}“ ist leer: es gibt keine Kopfzeile mit Spaltennamen.")
    # a title line above the table ("Anmeldungen zum Netzwerktreffen") is not the header
    needed = min(2, max([n for n in filled if n][:30]))
    header_index = next(i for i, n in enumerate(filled) if n >= needed)
    header_cells = rows[header_index]
    width = max(i for i, c in enumerate(header_cells) if _filled(c)) + 1
    header = tuple(_header_text(c) for c in header_cells[:width])
    body: list[tuple[Cell, ...]] = []
    numbers: list[int] = []
    for i in range(header_index + 1, len(rows)):
        row = rows[i][:width]
        if not any(_filled(c) for c in row):
            continue
        body.append(row + ("",) * (width - len(row)))
        numbers.append(i + 1)
    return Table(header=header, rows=tuple(body), row_numbers=tuple(numbers), header_row=header_index + 1,
                 description=f"Excel-Arbeitsmappe, Blatt „{name}“", sheet=name, sheet_names=names)


def _filled(cell: Cell) -> bool:
    return isinstance(cell, datetime) or bool(cell.strip())


def _header_text(cell: Cell) -> str:
    return f"{cell:%d.%m.%Y}" if isinstance(cell, datetime) else cell.strip()


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    return read_xlsx_bytes(path.read_bytes(), sheet)
