"""The Excel attendance sheet (Anwesenheitsliste): a title block, one row per registered person, print-ready.

Print set-up is the point of this file: A4, the table's header row repeated on every page, all columns fitted
to the page width (landscape when the columns need it, never a column spilling onto a second page across),
footer "Seite X von Y" with the event title and dates, borders, column widths from the content, frozen header.

Speed (10,000 rows in about the time openpyxl needs to write the same cells bare): rows are streamed with
openpyxl's write-only mode, data cells carry no style of their own, and the grid lines come from ONE
conditional format over the table range instead of a border style on each of the ~100,000 cells (a style
per cell made the export 1.5 times slower, measured in ``benchmarks/bench_exports.py``; Excel and
LibreOffice both print conditional borders). Only the rare cells that need more get a style: a value too
long for its column (wraps, and its row grows) and a value that looks like a formula (stored as text with
the quote prefix, see ``safe_cells``). Write-only mode writes the sheet's head (column widths, frozen pane,
fit-to-page flag, default row height) at the first row, so all of that is decided before any row is added.

Names as German lists show them (``domain.names.list_name``, DIN 5007-2): the sheet is in the order of
``person_sort_key`` (by the name without its particles), the "Nachname" column shows that name ("Heide"), the
"Vorname" column the first name with the particles ("Anna von der"), and academic titles have a "Titel" column
of their own (present when anyone has a title), never inside the first name. The signature column follows the
format: an online meeting's attendance comes from the video tool's report, so its list has none; in-person and
hybrid meetings keep "Anwesend / Unterschrift".

An event with parallel rounds can have one list per round (``per_round``): one worksheet each, named after the
round and headed by it, with the people of that round (and one "Ohne Runde" for people without one); the printed
list (``ui.pdf.participant_list``) starts each round on a new page the same way (``AttendanceSheet.round_sheets``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import ListName, list_name
from odn_desktop.domain.plurals import plural

from .atomic_write import atomic_write
from .export_records import EventInfo, Participant, RegistrationCounts
from .german_dates import event_span, short_date, short_datetime
from .safe_cells import clean_text, is_formula_like, set_text

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: Optional columns in their fixed order: key -> header.
OPTIONAL_COLUMNS: dict[str, str] = {"role": "Funktion", "email": "E-Mail", "round": "Runde"}
_COLUMN_ALIASES = {"funktion": "role", "role": "role", "e-mail": "email", "email": "email", "mail": "email",
                   "runde": "round", "round": "round"}
SIGNATURE_HEADER = "Anwesend / Unterschrift"
TITLE_HEADER = "Titel"
#: formats whose list has the signature column (online attendance comes from the video tool's report)
SIGNED_FORMATS = frozenset({"in_person", "hybrid"})
SHEET_TITLE = "Anwesenheitsliste"
COUNTS_TITLE = "Zahlen"
NO_ROUND_TITLE = "Ohne Runde"
#: what Excel refuses in a worksheet name (and its length limit)
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LIMIT = 31

# Page geometry in Excel's units. A column of width w (characters of the default font, Calibri 11) is
# w * 7 + 5 pixels at 96 dpi; the printable width is the paper width minus the left and right margins.
_MARGIN_SIDE_IN = 0.5
_PRINTABLE_PX = {"portrait": (8.27 - 2 * _MARGIN_SIDE_IN) * 96, "landscape": (11.69 - 2 * _MARGIN_SIDE_IN) * 96}
FONT_NAME = "Calibri"  # the workbook's default font, which data cells use
PAPER_A4 = "9"  # ECMA-376 paper size code
PORTRAIT_MIN_SCALE = 0.85
_DATA_ROW_HEIGHT = 20.0  # points: room to sign or tick
_LINE_HEIGHT = 15.0  # points per wrapped line of Calibri 11


def parse_columns(text: str) -> tuple[str, ...]:
    """``"Funktion, E-Mail"`` (German or English names, any case) -> ``("role", "email")`` in sheet order."""
    wanted: set[str] = set()
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        key = _COLUMN_ALIASES.get(name.casefold())
        if key is None:
            raise UserError(f"Unbekannte Spalte „{name}“. Möglich sind: Funktion, E-Mail, Runde.")
        wanted.add(key)
    return tuple(key for key in OPTIONAL_COLUMNS if key in wanted)


@dataclass(frozen=True)
class AttendanceSheet:
    """What the sheet shows. ``participants`` are the registered people, already in German name order."""

    event: EventInfo
    participants: Sequence[Participant]
    counts: RegistrationCounts
    generated_at: datetime
    columns: tuple[str, ...] = ()
    blank_rows: int = 0
    #: the event's rounds in their order (titles), and whether each gets a list of its own
    rounds: tuple[str, ...] = ()
    per_round: bool = False
    #: set on a round's own list (``round_sheets``): its title, ``NO_ROUND_TITLE`` for people without one
    round_title: str | None = None

    def round_sheets(self) -> list[AttendanceSheet]:
        """The lists to write: this one, or (``per_round`` with rounds) one per round in the event's order,
        each without the then redundant "Runde" column, then one for people without a round if there are any."""
        if not self.per_round or not self.rounds:
            return [self]
        columns = tuple(c for c in self.columns if c != "round")
        known = set(self.rounds)
        groups = [(title, [p for p in self.participants if p.round == title]) for title in self.rounds]
        rest = [p for p in self.participants if p.round not in known]
        if rest:
            groups.append((NO_ROUND_TITLE, rest))
        return [replace(self, participants=tuple(people), columns=columns, per_round=False, round_title=title)
                for title, people in groups]

    @property
    def signature(self) -> bool:
        """Whether the list has the signature column: in-person and hybrid meetings, not online ones."""
        return self.event.format in SIGNED_FORMATS

    @property
    def titles(self) -> bool:
        """Whether anyone on the list has an academic title (then the list has a "Titel" column)."""
        return any(names_of(p).title for p in self.participants)

    def table_columns(self) -> list[Column]:
        """This list's columns (see the module function)."""
        return table_columns(self.columns, titles=self.titles, signature=self.signature)

    def __post_init__(self) -> None:
        unknown = set(self.columns) - set(OPTIONAL_COLUMNS)
        if unknown:
            raise ValueError(f"unknown optional columns: {sorted(unknown)}")
        if self.blank_rows < 0:
            raise UserError("Die Zahl der Leerzeilen darf nicht negativ sein.")
        if self.blank_rows > 1000:
            raise UserError("Höchstens 1000 Leerzeilen für Nachmeldungen.")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Participant], str] | None  # None: the number or the signature column
    min_width: float
    max_width: float


@lru_cache(maxsize=4096)
def _list_name(last: str, first: str, title: str) -> ListName:
    return list_name(last, first, title)


def names_of(p: Participant) -> ListName:
    """The person's name as the list shows it: last name without particles, first name with them, the title
    apart (also one typed into the first name)."""
    return _list_name(p.last_name, p.first_name, p.academic_title)


_NUMBER = Column("Nr.", None, 5, 7)
_NAMES = (
    Column("Nachname", lambda p: names_of(p).last, 12, 26),
    Column("Vorname", lambda p: names_of(p).first, 10, 20),
)
_TITLE = Column(TITLE_HEADER, lambda p: names_of(p).title, 5, 14)
_ORGANISATION = Column("Organisation/Kommune", lambda p: p.organisation_or_municipality, 18, 40)
_OPTIONAL = {
    "role": Column("Funktion", lambda p: p.role, 12, 28),
    "email": Column("E-Mail", lambda p: p.email, 14, 42),
    "round": Column("Runde", lambda p: p.round, 8, 18),
}
_SIGNATURE = Column(SIGNATURE_HEADER, None, 22, 40)


def table_columns(columns: Sequence[str], *, titles: bool = False, signature: bool = True) -> list[Column]:
    """The table's columns in order: Nr., names, the title (``titles``), organisation, the chosen optional
    ones, the signature (``signature``)."""
    return [_NUMBER, *_NAMES, *([_TITLE] if titles else []), _ORGANISATION,
            *(_OPTIONAL[key] for key in OPTIONAL_COLUMNS if key in columns), *([_SIGNATURE] if signature else [])]


def spare_column(columns: Sequence[Column]) -> int | None:
    """Which column takes the page width left over: the signature column, else the organisation column."""
    for wanted in (_SIGNATURE, _ORGANISATION):
        if wanted in columns:
            return list(columns).index(wanted)
    return None


def is_signature(column: Column) -> bool:
    return column == _SIGNATURE


@dataclass(frozen=True)
class Layout:
    columns: list[Column]
    widths: list[float]
    orientation: str  # portrait | landscape


def _px(width: float) -> float:
    return math.floor(width * 7 + 5)


def plan_layout(columns: list[Column], rows: Sequence[Sequence[str]]) -> Layout:
    """Column widths from the content (within each column's bounds), then the orientation that fits them.

    Portrait when the columns fit the A4 width at 100 % or slightly reduced, otherwise landscape (and, if
    even that is too narrow, the fit-to-width setting scales the print down). The signature column takes
    what is left of the page width; a list without one (online) gives it first to the columns whose longest
    text was capped (one line instead of two), then to the organisation column (up to its limit).
    """
    widths: list[float] = []
    wanted: list[float] = []  # what each column's longest text would need
    for index, column in enumerate(columns):
        if column.value is None:
            widths.append(column.min_width)
            wanted.append(column.min_width)
            continue
        longest = max((len(row[index]) for row in rows), default=0)
        widths.append(min(column.max_width, max(column.min_width, longest + 2)))
        wanted.append(max(column.min_width, longest + 2))
    needed = sum(_px(w) for w in widths)
    # Portrait while the columns fit at 100 %, or at a slight reduction (fit-to-width scales down to ~85 %);
    # landscape when they need more.
    orientation = "portrait" if needed <= _PRINTABLE_PX["portrait"] / PORTRAIT_MIN_SCALE else "landscape"
    spare_chars = math.floor((_PRINTABLE_PX[orientation] - needed - 2) / 7)
    spare = spare_column(columns)
    if spare is not None and columns[spare] is not _SIGNATURE:
        # no signature column: the room first lets capped columns show their texts on one line
        for index, want in enumerate(wanted):
            extra = min(max(0.0, want - widths[index]), max(0, spare_chars))
            widths[index] += extra
            spare_chars -= math.ceil(extra)
    if spare_chars > 0 and spare is not None:
        grow = columns[spare]
        widths[spare] = max(widths[spare], min(grow.max_width, widths[spare] + spare_chars))
    return Layout(columns, widths, orientation)


def _fits(width: float) -> float:
    """Characters that fit on one line of a column ``width`` wide (Excel's unit is the width of a digit;
    average text is a little narrower, a cell has some padding)."""
    return max(1.0, width * 1.05 - 1)


def _lines(text: str, width: float) -> int:
    """Rough number of lines ``text`` wraps into in a column of ``width`` characters."""
    return max(1, math.ceil(len(text) / _fits(width)))


def _footer_text(text: str, limit: int = 70) -> str:
    """Header/footer codes start with ``&``; a literal ampersand is doubled. Long titles are shortened."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.replace("&", "&&")


def title_lines(event: EventInfo, registered: int, generated_at: datetime,
                round_title: str | None = None) -> list[tuple[str, str]]:
    """(text, kind) of the title block; kind is ``title``, ``round``, ``subtitle``, ``info`` or ``note``."""
    lines = [(event.title, "title")]
    if round_title == NO_ROUND_TITLE:
        lines.append((NO_ROUND_TITLE, "round"))
    elif round_title:
        lines.append((f"Runde: {round_title}", "round"))
    if event.series:
        lines.append((event.series, "subtitle"))
    if event.cancelled:
        lines.append(("Diese Veranstaltung ist abgesagt.", "info"))
    lines.append((event_span(event.starts_at, event.ends_at), "info"))
    lines.append((event.place, "info"))
    if event.hosts:
        lines.append(("Veranstaltet von: " + ", ".join(event.hosts), "info"))
    people = plural(registered, "angemeldete Person", "angemeldete Personen")
    lines.append((f"{people} · Stand: {short_datetime(generated_at)}", "note"))
    return lines


class _Styles:
    """The few styled cells' looks, made once per workbook."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.header_fill = PatternFill("solid", fgColor="D9D9D9")
        self.header_alignment = Alignment(vertical="center", wrap_text=True)
        self.wrap = Alignment(wrap_text=True)  # bottom-aligned, like the rows that do not wrap
        # a named font everywhere: without a name, LibreOffice falls back to a serif face
        self.header_font = Font(name=FONT_NAME, size=11, bold=True)
        self.fonts = {"title": Font(name=FONT_NAME, bold=True, size=14),
                      "round": Font(name=FONT_NAME, bold=True, size=12),
                      "subtitle": Font(name=FONT_NAME, italic=True, size=11),
                      "info": Font(name=FONT_NAME, size=11), "note": Font(name=FONT_NAME, size=9, color="595959")}
        self.title_alignment = Alignment(vertical="top", wrap_text=True)
        self.label_font = Font(name=FONT_NAME, size=11, bold=True)


def _text_cell(ws: WriteOnlyWorksheet, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws)
    set_text(cell, text)
    return cell


def _row_values(columns: list[Column], participant: Participant) -> list[str]:
    return [clean_text(c.value(participant)) if c.value is not None else "" for c in columns]


def _data_rows(
    ws: WriteOnlyWorksheet, layout: Layout, values: Sequence[list[str]], first_row: int, styles: _Styles
) -> Iterator[list[Any]]:
    """Plain values wherever possible; a styled cell only for text too long for its column (it wraps, and the
    row grows to show all its lines) and for text that looks like a formula (kept as text)."""
    from openpyxl.cell import WriteOnlyCell

    widths = layout.widths
    limits = [_fits(w) for w in widths]
    for offset, texts in enumerate(values):
        row: list[Any] = [offset + 1]
        lines = 1
        for index in range(1, len(texts)):
            text = texts[index]
            if not text:
                row.append(None)
            elif len(text) > limits[index]:
                cell = WriteOnlyCell(ws)
                set_text(cell, text)
                cell.alignment = styles.wrap
                lines = max(lines, _lines(text, widths[index]))
                row.append(cell)
            elif is_formula_like(text):
                cell = WriteOnlyCell(ws)
                set_text(cell, text)
                row.append(cell)
            else:
                row.append(text)
        if lines > 1:
            ws.row_dimensions[first_row + offset].height = max(_DATA_ROW_HEIGHT, lines * _LINE_HEIGHT + 3)
        while row and row[-1] is None:
            row.pop()
        yield row


def _setup_page(ws: Any, layout: Layout, event: EventInfo, generated_at: datetime, header_row: int,
                last_row: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    last_col = get_column_letter(len(layout.columns))
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = layout.orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = _MARGIN_SIDE_IN
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.75
    ws.page_margins.header = 0.3
    ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_area = f"A1:{last_col}{last_row}"
    footer = ws.oddFooter
    footer.left.text = _footer_text(event.title)
    footer.left.size = 8
    footer.center.text = "Seite &P von &N"
    footer.center.size = 8
    footer.right.text = f"Stand {short_date(generated_at)} · gedruckt &D"
    footer.right.size = 8


def _grid(ws: Any, first: str, last: str, styles: _Styles) -> None:
    from openpyxl.formatting.rule import FormulaRule

    # WORKAROUND: one conditional format instead of a border per cell (see the module docstring).
    ws.conditional_formatting.add(f"{first}:{last}", FormulaRule(formula=["TRUE"], border=styles.border))


def sheet_names(titles: Sequence[str]) -> list[str]:
    """Worksheet names for the rounds' titles: Excel's forbidden characters removed, at most 31 characters,
    distinct (case-insensitive, as Excel compares them) and never the counts sheet's name."""
    taken = {COUNTS_TITLE.casefold()}
    names = []
    for index, title in enumerate(titles, start=1):
        base = " ".join(_SHEET_NAME_FORBIDDEN.sub(" ", title).split()).strip("'") or f"Runde {index}"
        name = base[:SHEET_NAME_LIMIT]
        number = 2
        while name.casefold() in taken:
            suffix = f" ({number})"
            name = base[:SHEET_NAME_LIMIT - len(suffix)] + suffix
            number += 1
        taken.add(name.casefold())
        names.append(name)
    return names


def write_attendance_sheet(sheet: AttendanceSheet, out: BinaryIO) -> Layout:
    """Write the workbook to ``out`` (a binary file); returns the layout chosen (widths, orientation) of its
    first list. With ``per_round`` each round's list is a worksheet of its own, named after the round."""
    from openpyxl import Workbook

    styles = _Styles()
    wb = Workbook(write_only=True)
    wb.properties.title = f"{SHEET_TITLE} – {sheet.event.title}"
    wb.properties.creator = "odn-desktop"
    lists = sheet.round_sheets()
    split = lists[0] is not sheet
    names = sheet_names([s.round_title or "" for s in lists]) if split else [SHEET_TITLE]
    layouts = [_write_list(wb, name, part, styles) for name, part in zip(names, lists, strict=True)]
    _write_counts(wb, sheet, styles, lists if split else [])
    wb.save(out)
    return layouts[0]


def _write_list(wb: Any, name: str, sheet: AttendanceSheet, styles: _Styles) -> Layout:
    """One worksheet: title block, the table, print set-up."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange

    event = sheet.event
    columns = sheet.table_columns()
    values = [_row_values(columns, p) for p in sheet.participants]
    layout = plan_layout(columns, values)
    ncols = len(columns)
    last_col = get_column_letter(ncols)
    ws = wb.create_sheet(name)

    titles = title_lines(event, len(sheet.participants), sheet.generated_at, sheet.round_title)
    header_row = len(titles) + 2
    first_data = header_row + 1
    last_row = header_row + len(values) + sheet.blank_rows

    # -- everything written before the first row: widths, frozen header, fit-to-page, default row height ----
    for index, width in enumerate(layout.widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = f"A{first_data}"
    ws.sheet_format.defaultRowHeight = _DATA_ROW_HEIGHT
    ws.sheet_format.customHeight = True
    _setup_page(ws, layout, event, sheet.generated_at, header_row, last_row)

    # -- title block: each line merged across the table's width, wrapping, its height estimated --------------
    table_width = sum(layout.widths)
    for row_index, (text, kind) in enumerate(titles, start=1):
        cell = _text_cell(ws, text)
        cell.font = styles.fonts[kind]
        cell.alignment = styles.title_alignment
        size = cell.font.sz or 11
        per_line = size * 1.35
        ws.row_dimensions[row_index].height = max(per_line, _lines(text, table_width * 11 / size) * per_line) + 2
        ws.merged_cells.add(CellRange(f"A{row_index}:{last_col}{row_index}"))
        ws.append([cell])
    ws.row_dimensions[len(titles) + 1].height = 8
    ws.append([])

    header: list[Any] = []
    for column in columns:
        cell = _text_cell(ws, column.header)
        cell.font = styles.header_font
        cell.fill = styles.header_fill
        cell.alignment = styles.header_alignment
        cell.border = styles.border
        header.append(cell)
    ws.row_dimensions[header_row].height = 22
    ws.append(header)

    for row in _data_rows(ws, layout, values, first_data, styles):
        ws.append(row)
    for n in range(len(values) + 1, len(values) + sheet.blank_rows + 1):
        ws.append([n])
    if last_row > header_row:
        _grid(ws, f"A{first_data}", f"{last_col}{last_row}", styles)
    return layout


def _write_counts(wb: Any, sheet: AttendanceSheet, styles: _Styles, lists: Sequence[AttendanceSheet]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet.properties import PageSetupProperties

    ws = wb.create_sheet(COUNTS_TITLE)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 50
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1  # never a column on a page of its own
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)  # before the first row (write-only)
    event, counts = sheet.event, sheet.counts
    capacity: int | str = "unbegrenzt" if event.capacity is None else event.capacity
    rows: list[tuple[str, Any]] = [
        ("Veranstaltung", event.title),
        ("Termin", event_span(event.starts_at, event.ends_at)),
        ("Angemeldet", counts.registered),
        ("Warteliste", counts.waiting),
        ("Storniert", counts.cancelled),
        ("Teilgenommen", counts.attended),
        ("Plätze", capacity),
        *((f"Angemeldet {_round_label(part.round_title)}", len(part.participants)) for part in lists),
        ("Leerzeilen für Nachmeldungen", sheet.blank_rows),
        ("Stand", short_datetime(sheet.generated_at)),
    ]
    for label, value in rows:
        label_cell = WriteOnlyCell(ws, label)
        label_cell.font = styles.label_font
        ws.append([label_cell, _text_cell(ws, value) if isinstance(value, str) else value])
    ws.page_setup.paperSize = PAPER_A4


def _round_label(title: str | None) -> str:
    return "ohne Runde" if title == NO_ROUND_TITLE else f"Runde „{title}“"


def save_attendance_sheet(sheet: AttendanceSheet, path: Path) -> Layout:
    """Write to ``path`` atomically (see ``atomic_write``)."""
    with atomic_write(path) as fh:
        return write_attendance_sheet(sheet, fh)
