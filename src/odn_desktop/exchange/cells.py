"""A sheet of cells read from CSV or XLSX, and dates read out of cells in the spellings exports use.

CSV cells are strings; XLSX cells are strings or (for cells Excel formats as dates) ``datetime``. Times without
an offset are Berlin wall-clock time, as the coordinator's Excel and the video tools in Germany write them;
parsed values come back aware, in UTC.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from odn_desktop.domain.timezone import to_utc

Cell = str | datetime


@dataclass(frozen=True)
class Table:
    """The header and the non-blank rows of one sheet, each row as long as the header.

    ``row_numbers`` are the numbers a spreadsheet program shows for the rows (the header is row
    ``header_row``), so messages like "Zeile 7: ..." point at the row the coordinator sees in Excel.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    row_numbers: tuple[int, ...]
    header_row: int = 1
    description: str = ""  # e.g. "CSV, UTF-8, Trennzeichen Semikolon"
    sheet: str | None = None
    sheet_names: tuple[str, ...] = ()


def cell_text(value: Cell) -> str:
    """A cell as trimmed text (dates in German notation), whitespace runs collapsed."""
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    return " ".join(value.split())


def is_blank(value: Cell) -> bool:
    return not isinstance(value, datetime) and not value.strip()


# -- dates -------------------------------------------------------------------------------------------------

_TIME = r"(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
_GERMAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})" + _TIME + r"(?:\s*Uhr)?", re.ASCII)
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})" + _TIME + r"(?:\s*([AaPp])\.?\s*[Mm]\.?)?", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})" + _TIME + r"\s*(Z|[+-]\d{2}:?\d{2})?", re.ASCII)
_SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?", re.ASCII)
_EXCEL_EPOCH = datetime(1899, 12, 30)
#: Excel serial day numbers accepted as dates: 1954-10-03 to 2119-01-10, never an ordinary count.
_SERIAL_RANGE = (20_000, 80_000)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _clock(
    hour: str | None, minute: str | None, second: str | None, meridiem: str | None = None
) -> tuple[int, int, int]:
    h, m, s = int(hour or 0), int(minute or 0), int(second or 0)
    if meridiem:
        if not 1 <= h <= 12:
            raise ValueError("hour out of range for AM/PM")
        h = h % 12 + (12 if meridiem in "Pp" else 0)
    return h, m, s


def slash_order(values: Iterable[str]) -> bool | None:
    """For dates like ``02/12/2021`` in one file: True when day-first, False when month-first, None unknown.

    AM/PM means the US order; a first number above 12 means day-first, a second above 12 month-first.
    """
    for value in values:
        match = _SLASH.fullmatch(value.strip())
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if match.group(7) or second > 12:
            return False
        if first > 12:
            return True
    return None


def parse_cell_datetime(value: Cell, *, day_first: bool = True) -> datetime | None:
    """A date/time cell as aware UTC; ``None`` for an empty cell; ``ValueError`` when it is no date.

    Accepted: ``datetime`` cells, ``02.12.2021 10:00`` (also two-digit years, seconds, ", " and "Uhr"),
    ISO 8601 (with or without offset), ``12/2/2021 9:58:01 AM`` (with AM/PM always month-first, otherwise
    ``day_first`` decides), and Excel serial day numbers (``44532.42``). A date alone means midnight.
    """
    try:
        return _parse(value, day_first)
    except OverflowError:  # year 1 or 9999 shifted by the Berlin offset
        raise ValueError(f"date out of range: {value!r}") from None


def _parse(value: Cell, day_first: bool) -> datetime | None:
    if isinstance(value, datetime):
        return to_utc(value)
    text = value.strip()
    if not text:
        return None
    match = _GERMAN.fullmatch(text)
    if match:  # the common spelling, read without helper calls (``_year``, ``_clock``): 10,000 in an import
        d, m, y, hh, mm, ss = match.groups()
        year = int(y) + 2000 if len(y) == 2 else int(y)
        return to_utc(datetime(year, int(m), int(d), int(hh or 0), int(mm or 0), int(ss or 0)))
    match = _SLASH.fullmatch(text)
    if match:
        a, b, y, hh, mm, ss, meridiem = match.groups()
        month_first = bool(meridiem) or not day_first
        month, day = (int(a), int(b)) if month_first else (int(b), int(a))
        return to_utc(datetime(_year(y), month, day, *_clock(hh, mm, ss, meridiem)))
    match = _ISO.fullmatch(text)
    if match:
        y, m, d, hh, mm, ss, offset = match.groups()
        naive = datetime(int(y), int(m), int(d), *_clock(hh, mm, ss))
        if not offset:
            return to_utc(naive)
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        shift = timedelta(hours=int(digits[:2]), minutes=int(digits[2:])) if offset != "Z" else timedelta(0)
        if shift >= timedelta(hours=24):
            raise ValueError(f"offset out of range: {offset!r}")
        return (naive - sign * shift).replace(tzinfo=UTC)
    if _SERIAL.fullmatch(text):
        days = float(text.replace(",", "."))
        if _SERIAL_RANGE[0] <= days <= _SERIAL_RANGE[1]:
            return to_utc(_EXCEL_EPOCH + timedelta(seconds=round(days * 86_400)))
    raise ValueError(f"not a date: {text!r}")
