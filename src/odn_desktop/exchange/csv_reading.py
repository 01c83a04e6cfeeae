"""CSV exports as a ``Table``: encoding and delimiter detected, quoted fields, blank rows dropped.

German Excel writes ``;``, web forms and survey tools write ``,``, some tools tab. The delimiter is chosen from
the header line alone, counting only characters outside quotes: the header is the one line whose content we
can predict (short names, no free text), where ``csv.Sniffer`` guesses from a sample that may be dominated by
free-text answers full of commas. Excel's ``sep=;`` first line is honoured (also ``sep=|``); naming any
other character is a German ``UserError``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import NoReturn

from odn_desktop.domain.errors import UserError

from . import import_limits
from .cells import Cell, Table
from .text_decoding import decode_bytes

DELIMITERS = (";", "\t", ",")  # tie-break order: German Excel first
DELIMITER_NAMES = {";": "Semikolon", ",": "Komma", "\t": "Tabulator", "|": "senkrechter Strich"}
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 mit BOM", "cp1252": "Windows-1252", "utf-16": "UTF-16",
                   "utf-32": "UTF-32"}
_EDGE = " \t\r\n\ufeff\u200b\u00a0"


def first_record(text: str) -> str:
    """The first line of ``text``, where a line break inside double quotes does not end it."""
    quoted = False
    for i, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            return text[:i]
    return text


def detect_delimiter(header_line: str) -> str:
    """The delimiter occurring most often outside quotes in the header line (``,`` for a single column)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] else ","


_LINE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|$)")


def _sep_line(line: str) -> str | None:
    """The delimiter an Excel ``sep=X`` line names (``None`` when the line is none); ``UserError`` for one we
    cannot read with. ``sep=`` followed by a tab is the tab; the delimiter repeated (``sep=;;;``, left by tools
    that pad every line to the column count) is the same delimiter."""
    text = line.lstrip(" \ufeff\u200b\u00a0")
    if text[:4].lower() != "sep=":
        return None
    value = text[4:].rstrip(" \u00a0")
    if not value or value.strip(value[0]) or value[0] not in DELIMITER_NAMES:
        _unknown_sep(value)
    return value[0]


def _unknown_sep(value: str) -> NoReturn:
    shown = f"„{value}“" if value.strip() else "kein Zeichen"
    names = ", ".join(name if char == "\t" else f"{name} ({char})" for char, name in DELIMITER_NAMES.items())
    raise UserError(f"Die erste Zeile der CSV-Datei („sep=…“) nennt als Trennzeichen {shown}. Unterstützt werden "
                    f"{names}. Bitte die Datei mit einem dieser Trennzeichen speichern oder die Zeile „sep=…“ "
                    "entfernen.")


def _split_leading(text: str) -> tuple[str, str | None, int]:
    """Drop Excel's ``sep=X`` line and blank lines before the header: (rest, forced delimiter, lines skipped)."""
    forced = None
    skipped = 0
    while True:
        match = _LINE.match(text)
        assert match is not None  # the pattern matches every string
        line, ending = match.groups()
        rest = text[match.end():]
        named = _sep_line(line) if forced is None and not skipped else None
        if named is not None:
            forced = named
            text = rest
            continue
        if not line.strip(_EDGE).strip(';,\t|"') and ending:
            skipped += 1
            text = rest
            continue
        return text, forced, skipped


def read_csv_text(text: str, *, encoding: str = "utf-8") -> Table:
    """Parse CSV text; ``UserError`` when there is no header or the quoting is broken beyond repair."""
    text, forced, skipped = _split_leading(text)
    header_line = first_record(text)
    if not header_line.strip(_EDGE + ";,"):
        raise UserError("Die Datei ist leer: es gibt keine Kopfzeile mit Spaltennamen.")
    delimiter = forced or detect_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True,
                        strict=False)
    header_row = skipped + 1
    rows: list[tuple[Cell, ...]] = []
    numbers: list[int] = []
    try:
        header = tuple(cell.strip(_EDGE) for cell in next(reader))
        width = len(header)
        for offset, record in enumerate(reader, start=1):
            if not "".join(record).strip():
                continue  # blank rows, also the trailing ";;;;" lines Excel leaves behind
            if len(record) < width:
                record = [*record, *([""] * (width - len(record)))]
            rows.append(tuple(record[:width]))
            numbers.append(header_row + offset)
            if len(rows) > import_limits.MAX_IMPORT_ROWS:
                raise import_limits.too_many_rows()
    except csv.Error as exc:
        raise UserError(f"Die CSV-Datei ist fehlerhaft (um Zeile {skipped + reader.line_num}): {exc}") from None
    description = f"CSV, {_ENCODING_NAMES.get(encoding, encoding)}, Trennzeichen {DELIMITER_NAMES[delimiter]}"
    return Table(header=header, rows=tuple(rows), row_numbers=tuple(numbers), header_row=header_row,
                 description=description)


def read_csv_bytes(data: bytes) -> Table:
    decoded = decode_bytes(data)
    return read_csv_text(decoded.text, encoding=decoded.encoding)


def read_csv(path: Path) -> Table:
    return read_csv_bytes(path.read_bytes())
