"""The report for the hosts as an Excel workbook: an overview sheet, then one data sheet per chart, each with a
NATIVE Excel chart (openpyxl) over exactly that sheet's cells, so the hosts can restyle the charts in Excel or
LibreOffice and every bar or line stays tied to the numbers next to it.

Sheets, in order:

- **Übersicht**: the series' title, hosts, period and what the series reaches (distinct organisations,
  municipalities, persons, returning persons), the key figures per meeting as a table (one row per meeting), and
  the definitions of the figures ("Begriffe") – the same words as the PDF report's notes.
- one sheet per ``ChartTable`` (``services.report_tables``): the table's headers in row 1, its rows below, nothing
  changed, and the chart to the right of the table referring to the table's ranges: a line chart for
  ``registrations_over_time`` (one series per meeting, gaps where a meeting has no value), clustered columns for
  ``attendance_per_meeting`` (and ``attendance_per_round``), horizontal bars for ``federal_states``, stacked
  columns for ``first_time_returning``. The table's caption stands under the chart.
- **Runden**, only when a meeting has rounds: the key figures per round.

Cells: numbers stay numbers (German display through the number format: ``#,##0``, ``0.0 %``), dates are real
dates (``DD.MM.YYYY``), and every text goes through ``safe_cells.set_text`` – a meeting titled
``=HYPERLINK(...)`` stays text, as in every export. Each sheet prints on A4 landscape, fitted to the page width,
its header row repeated on every page.

The tables are ``chart_data.ChartTable`` (built by ``services.report_tables``); the figures come from
``services.report_figures``, whose classes are imported for type checking only (exchange does not import services
at run time), and the caller passes ``report_figures.DEFINITIONS``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from odn_desktop.domain.timezone import to_berlin

from .atomic_write import atomic_write
from .german_dates import short_date
from .safe_cells import clean_text, set_text

if TYPE_CHECKING:
    from odn_desktop.services.report_figures import Counts, EventFigures, SeriesFigures

    from .chart_data import ChartTable

OVERVIEW_TITLE = "Übersicht"
ROUNDS_TITLE = "Runden"
#: German sheet names of the known charts (at most 31 characters, Excel's limit)
SHEET_NAMES: dict[str, str] = {
    "registrations_over_time": "Eingang der Anmeldungen",
    "attendance_per_meeting": "Teilnahme je Treffen",
    "attendance_per_round": "Teilnahme je Runde",
    "federal_states": "Bundesländer",
    "first_time_returning": "Erstmals und wiederkehrend",
}
#: the chart drawn for each table; tables of other keys get clustered columns
CHART_KINDS: dict[str, str] = {
    "registrations_over_time": "line",
    "attendance_per_meeting": "columns",
    "attendance_per_round": "columns",
    "federal_states": "bars",
    "first_time_returning": "stacked",
}
#: the value axis' title per chart (the category axis is titled by the table's first header)
VALUE_AXIS_TITLES: dict[str, str] = {
    "registrations_over_time": "Anmeldungen (aufsummiert)",
    "attendance_per_meeting": "Personen",
    "attendance_per_round": "Personen",
    "federal_states": "Personen",
    "first_time_returning": "Anmeldungen",
}
DEFAULT_VALUE_AXIS_TITLE = "Anzahl"

#: the per-meeting key figures of the overview: header and how wide its column is
MEETING_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Datum", 11), ("Titel", 40), ("angemeldet", 11), ("Warteliste", 11), ("storniert", 10), ("verspätet", 10),
    ("teilgenommen", 15), ("Quote", 9), ("nicht erschienen", 12), ("Minuten im Schnitt", 11),
    ("Organisationen", 16), ("erstmals", 10), ("wiederkehrend", 15),
)
ROUND_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Datum", 11), ("Treffen", 36), ("Runde", 24), ("Plätze", 9), ("angemeldet", 11), ("Warteliste", 11),
    ("storniert", 10), ("verspätet", 10), ("teilgenommen", 15), ("Quote", 9), ("nicht erschienen", 12),
    ("Minuten im Schnitt", 11),
)

INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
PERCENT_FORMAT = "0.0 %"
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"

FONT_NAME = "Calibri"
PAPER_A4 = "9"
SHEET_NAME_LIMIT = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
#: chart size in cm: fills most of an A4 landscape page next to a narrow table
CHART_WIDTH_CM = 24.0
CHART_HEIGHT_CM = 14.0
#: rows of the default height (20 px) the chart covers, and the characters of caption text as wide as the chart
CHART_ROWS = math.ceil(CHART_HEIGHT_CM / 2.54 * 96 / 20)
CAPTION_LINE_CHARS = 130
DEADLINE_COLOUR = "C00000"
_LINE_POINTS = 15.0  # one line of Calibri 11
_NARROW = 1.15  # ordinary text: characters per unit of column width


@dataclass(frozen=True)
class ReportWorkbook:
    """What was written: enough for the caller's message ("… mit 5 Tabellenblättern und 4 Diagrammen")."""

    path: Path
    sheets: tuple[str, ...]
    charts: int


def write_report_workbook(figures: SeriesFigures, tables: Sequence[ChartTable], path: Path, *,
                          definitions: Sequence[tuple[str, str]],
                          generated_at: datetime | None = None) -> ReportWorkbook:
    """Write the report workbook to ``path`` atomically (complete or not at all, see ``atomic_write``).

    ``tables`` are ``report_tables.series_tables(figures)``; ``definitions`` is ``report_figures.DEFINITIONS``.
    Raises ``UserError`` for what the coordinator can fix (file open in Excel, folder missing, disk full).
    """
    with atomic_write(path) as fh:
        sheets, charts = write_report_workbook_to(figures, tables, fh, definitions=definitions,
                                                  generated_at=generated_at)
    return ReportWorkbook(Path(path), sheets, charts)


def write_report_workbook_to(figures: SeriesFigures, tables: Sequence[ChartTable], out: BinaryIO, *,
                             definitions: Sequence[tuple[str, str]],
                             generated_at: datetime | None = None) -> tuple[tuple[str, ...], int]:
    """Write the workbook to a binary file; returns the sheet names in order and the number of charts."""
    from openpyxl import Workbook

    generated = generated_at if generated_at is not None else datetime.now().astimezone()
    styles = _Styles()
    wb = Workbook()
    wb.properties.title = clean_text(f"Auswertung – {figures.title}")
    wb.properties.creator = "odn-desktop"
    overview = wb.active
    overview.title = OVERVIEW_TITLE
    _write_overview(overview, figures, definitions, styles, generated)

    taken = {OVERVIEW_TITLE.casefold(), ROUNDS_TITLE.casefold()}
    charts = 0
    for table in tables:
        name = sheet_name(table, taken)
        taken.add(name.casefold())
        ws = wb.create_sheet(name)
        charts += _write_table_sheet(ws, table, figures.title, styles, generated)
    if any(event.rounds for event in figures.events):
        _write_rounds(wb.create_sheet(ROUNDS_TITLE), figures, styles, generated)
    wb.save(out)
    return tuple(wb.sheetnames), charts


def sheet_name(table: ChartTable, taken: set[str]) -> str:
    """The German worksheet name of a chart's table: the known name for its key, else its title; Excel's
    forbidden characters removed, at most 31 characters, distinct from ``taken`` (casefolded, as Excel compares)."""
    base = SHEET_NAMES.get(table.key) or " ".join(_SHEET_NAME_FORBIDDEN.sub(" ", table.title).split()).strip("'")
    base = base or "Diagramm"
    name = base[:SHEET_NAME_LIMIT]
    number = 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name = base[:SHEET_NAME_LIMIT - len(suffix)] + suffix
        number += 1
    return name


# -- cells ---------------------------------------------------------------------------------------------------


class _Styles:
    """The looks used, made once per workbook."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="A6A6A6")
        self.header_border = Border(bottom=Side(style="thin", color="000000"))
        self.border = Border(bottom=thin)
        self.header_fill = PatternFill("solid", fgColor="D9D9D9")
        self.header_alignment = Alignment(vertical="center", wrap_text=True)
        self.header_font = Font(name=FONT_NAME, size=11, bold=True)
        self.title_font = Font(name=FONT_NAME, size=14, bold=True)
        self.label_font = Font(name=FONT_NAME, size=11, bold=True)
        self.caption_font = Font(name=FONT_NAME, size=10, italic=True, color="404040")
        self.left = Alignment(horizontal="left")
        self.center = Alignment(horizontal="center")
        self.wrap_top = Alignment(vertical="top", wrap_text=True)


def _put(ws: Any, row: int, column: int, value: Any) -> Any:
    """One cell: text formula-safe, numbers as numbers, dates as real dates with a German format."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return cell
    if isinstance(value, str):
        set_text(cell, value)
    elif isinstance(value, bool):
        set_text(cell, "ja" if value else "nein")
    elif isinstance(value, datetime):
        cell.value = to_berlin(value).replace(tzinfo=None, microsecond=0)
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int):
        cell.value = value
        cell.number_format = INTEGER_FORMAT
    elif isinstance(value, float):
        cell.value = value
        cell.number_format = DECIMAL_FORMAT
    else:
        set_text(cell, str(value))
    return cell


def _shown_length(value: Any) -> int:
    """About how many characters a cell shows (for column widths)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, bool):
        return 4
    if isinstance(value, int):
        digits = len(str(abs(value)))
        return digits + (digits - 1) // 3 + (value < 0)
    if isinstance(value, float):
        return _shown_length(int(value)) + 2
    return len(str(value))


def _header_row(ws: Any, row: int, headers: Sequence[str], widths: Sequence[float], styles: _Styles) -> None:
    lines = 1
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = _put(ws, row, column, header)
        cell.font = styles.header_font
        cell.fill = styles.header_fill
        cell.alignment = styles.header_alignment
        cell.border = styles.header_border
        lines = max(lines, _lines(header, width / 1.15))  # bold
    ws.row_dimensions[row].height = min(lines, 4) * _LINE_POINTS + 4


def _lines(text: str, width: float) -> int:
    """Lines a text needs wrapped in a column ``width`` characters wide (words kept whole, roughly)."""
    room = max(int(width) - 1, 1)
    count, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > room:
            count += 1
            used = 0
        if not used and len(word) > room:  # a word longer than the column breaks over lines
            count += (len(word) - 1) // room
            used = len(word) % room or room
        else:
            used += (1 if used else 0) + len(word)
    return count


def _text_width(texts: Iterable[str], least: float, most: float = 60) -> float:
    """A text column's width: its longest text, within ``least`` and ``most`` (longer texts are cut on screen)."""
    longest = max((len(text) + 2 for text in texts), default=0)
    return float(min(max(longest, least), most))


def _set_widths(ws: Any, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def _page_setup(ws: Any, title: str, header_row: int, generated: datetime) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.75
    ws.print_title_rows = f"{header_row}:{header_row}"
    footer = ws.oddFooter
    footer.left.text = clean_text(title[:60]).replace("&", "&&")  # "&" starts a footer code
    footer.left.size = 8
    footer.center.text = "Seite &P von &N"
    footer.center.size = 8
    footer.right.text = f"Stand {short_date(generated)}"
    footer.right.size = 8


# -- the overview ----------------------------------------------------------------------------------------------


def _counts_cells(counts: Counts, known: bool) -> list[Any]:
    attendance = [counts.attended, counts.attendance_rate, counts.no_show, counts.average_minutes] if known \
        else [None, None, None, None]
    return [counts.registered, counts.waiting, counts.cancelled, counts.late, *attendance]


def _meeting_row(event: EventFigures) -> list[Any]:
    return [to_berlin(event.starts_at).date(), event.title, *_counts_cells(event.counts, event.attendance_recorded),
            event.organisations, event.first_time, event.returning]


def _write_rows(ws: Any, first_row: int, rows: Sequence[Sequence[Any]], percent_column: int,
                styles: _Styles) -> None:
    """Data rows; the rate column as a percentage, the average minutes with one decimal."""
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            cell = _put(ws, first_row + offset, column, value)
            cell.border = styles.border
            if column == percent_column and value is not None:
                cell.number_format = PERCENT_FORMAT


def _write_overview(ws: Any, figures: SeriesFigures, definitions: Sequence[tuple[str, str]], styles: _Styles,
                    generated: datetime) -> None:
    from openpyxl.utils import get_column_letter

    headers = [header for header, _ in MEETING_COLUMNS]
    widths = [width for _, width in MEETING_COLUMNS]
    widths[1] = _text_width((event.title for event in figures.events), widths[1])
    last_col = get_column_letter(len(headers))
    _set_widths(ws, widths)

    title = _put(ws, 1, 1, figures.title)
    title.font = styles.title_font
    ws.row_dimensions[1].height = 22
    events = figures.events
    facts: list[tuple[str, list[Any]]] = [
        ("Veranstalter", [", ".join(figures.hosts) or "–"]),
        ("Zeitraum", [to_berlin(events[0].starts_at).date(), "bis", to_berlin(events[-1].starts_at).date()]
         if events else ["keine Treffen"]),
        ("Treffen", [len(events)]),
        ("Verschiedene Organisationen", [figures.distinct_organisations]),
        ("Verschiedene Kommunen", [figures.distinct_municipalities]),
        ("Verschiedene Personen (angemeldet)", [figures.distinct_participants]),
        ("davon wiederkehrend", [figures.returning_participants]),
    ]
    # the label spills over the (empty) title column; the values start in the third column
    for row, (label, values) in enumerate(facts, start=2):
        _put(ws, row, 1, label).font = styles.label_font
        for column, value in enumerate(values, start=3):
            cell = _put(ws, row, column, value)
            cell.alignment = styles.center if value == "bis" else styles.left

    header_row = len(facts) + 3
    ws.row_dimensions[header_row - 1].height = 8
    _header_row(ws, header_row, headers, widths, styles)
    first = header_row + 1
    _write_rows(ws, first, [_meeting_row(event) for event in events], headers.index("Quote") + 1, styles)
    ws.freeze_panes = f"C{first}"
    last_row = header_row + len(events)
    if events:
        ws.auto_filter.ref = f"A{header_row}:{last_col}{last_row}"

    # -- the definitions: the term, and its text over the remaining columns, wrapped -----------------------
    row = last_row + 2
    _put(ws, row, 1, "Begriffe").font = styles.label_font
    text_width = sum(widths[2:])
    for term, text in definitions:
        row += 1
        term_cell = _put(ws, row, 1, term)
        term_cell.font = styles.label_font
        term_cell.alignment = styles.wrap_top
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        text_cell = _put(ws, row, 3, text)
        text_cell.alignment = styles.wrap_top
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=len(headers))
        lines = max(_lines(term, sum(widths[:2])), _lines(text, text_width * _NARROW))
        ws.row_dimensions[row].height = lines * _LINE_POINTS
    ws.print_area = f"A1:{last_col}{row}"
    _page_setup(ws, figures.title, header_row, generated)


def _write_rounds(ws: Any, figures: SeriesFigures, styles: _Styles, generated: datetime) -> None:
    headers = [header for header, _ in ROUND_COLUMNS]
    widths = [width for _, width in ROUND_COLUMNS]
    widths[1] = _text_width((event.title for event in figures.events if event.rounds), widths[1])
    widths[2] = _text_width((r.title for event in figures.events for r in event.rounds), widths[2])
    _set_widths(ws, widths)
    _header_row(ws, 1, headers, widths, styles)
    rows = [[to_berlin(event.starts_at).date(), event.title, r.title,
             "unbegrenzt" if r.capacity is None else r.capacity, *_counts_cells(r.counts, event.attendance_recorded)]
            for event in figures.events for r in event.rounds]
    _write_rows(ws, 2, rows, headers.index("Quote") + 1, styles)
    ws.freeze_panes = "A2"
    _page_setup(ws, figures.title, 1, generated)


# -- a chart's sheet ---------------------------------------------------------------------------------------------


def _table_widths(table: ChartTable) -> list[float]:
    widths = []
    for index, header in enumerate(table.headers):
        longest = max((_shown_length(row[index]) for row in table.rows if index < len(row)), default=0)
        word = max((len(w) for w in header.split()), default=0) * 1.15 + 2  # bold, wrapped at spaces
        if index == 0:
            widths.append(float(min(max(longest + 2, word, 10), 45)))
        else:
            widths.append(float(min(max(longest + 3, word, 10), 26)))
    return widths


def _write_table_sheet(ws: Any, table: ChartTable, title: str, styles: _Styles, generated: datetime) -> int:
    """The table from A1, its chart to the right with the caption under it; returns the number of charts."""
    import textwrap

    from openpyxl.utils import get_column_letter

    widths = _table_widths(table)
    _set_widths(ws, widths)
    _header_row(ws, 1, table.headers, widths, styles)
    for offset, values in enumerate(table.rows, start=2):
        for column, value in enumerate(values, start=1):
            _put(ws, offset, column, value)
    ws.freeze_panes = "B2"
    _page_setup(ws, title, 1, generated)

    chart_col = len(table.headers) + 2
    charts = 0
    if table.rows and len(table.headers) >= 2:
        ws.add_chart(_chart(ws, table), f"{get_column_letter(chart_col)}2")
        charts = 1
        below = 2 + CHART_ROWS + 1
    else:
        _put(ws, 2, chart_col, "Keine Daten für dieses Diagramm.")
        below = 4
    # the caption in lines as wide as the chart, one per row: a long text in one cell would run on to the right
    # (and LibreOffice widens the printed area for it); a wrapped cell would make a table row tall
    for offset, line in enumerate(textwrap.wrap(table.caption, CAPTION_LINE_CHARS)):
        caption = _put(ws, below + offset, chart_col, line)
        caption.font = styles.caption_font
    return charts


#: the symbol marking the first day of a kind of mail on a meeting's line (the caption names the days)
MARK_SYMBOLS = {"reminder": "triangle", "access_link": "diamond"}


def _mail_points(table: ChartTable, index: int) -> list[Any]:
    """Data points of the line of column ``index`` drawn with a symbol: the days its meeting's marks stand at."""
    from openpyxl.chart.marker import DataPoint, Marker

    header = table.headers[index]
    rows = {row[0]: number for number, row in enumerate(table.rows) if row}
    points = []
    for mark in table.marks:
        number = rows.get(mark.category)
        if mark.series != header or number is None or table.rows[number][index] is None:
            continue
        points.append(DataPoint(idx=number, marker=Marker(symbol=MARK_SYMBOLS.get(mark.kind, "circle"), size=9)))
    return points


def _deadline_position(table: ChartTable) -> int | None:
    """The category number (1 = the first row) of the deadline a chart marks across all its lines, if any."""
    for mark in table.marks:
        if mark.kind == "deadline" and mark.series is None:
            for number, row in enumerate(table.rows, start=1):
                if row and row[0] == mark.category:
                    return number
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | date) and not isinstance(value, bool)


def _chart(ws: Any, table: ChartTable) -> Any:
    """The native chart over the sheet's table: one series per column after the first, the first column as the
    categories, each series named by its header cell."""
    from openpyxl.chart import BarChart, LineChart, Reference, Series
    from openpyxl.chart.data_source import AxDataSource, NumRef, StrRef
    from openpyxl.chart.label import DataLabelList
    from openpyxl.chart.series import SeriesLabel
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.drawing.line import LineProperties

    kind = CHART_KINDS.get(table.key, "columns")
    last_row = len(table.rows) + 1
    chart: Any
    if kind == "line":
        chart = LineChart()
        chart.display_blanks = "gap"  # a meeting without a value on a day: no line there, not a drop to 0
    else:
        chart = BarChart()
        chart.type = "bar" if kind == "bars" else "col"
        chart.grouping = "stacked" if kind == "stacked" else "clustered"
        chart.gapWidth = 60
        if kind == "stacked":
            chart.overlap = 100
    categories = str(Reference(ws, min_col=1, min_row=2, max_row=last_row))
    numeric = all(_is_number(row[0]) for row in table.rows if row and row[0] is not None)
    for column in range(2, len(table.headers) + 1):
        series = Series(Reference(ws, min_col=column, min_row=2, max_row=last_row))
        series.tx = SeriesLabel(strRef=StrRef(f=str(Reference(ws, min_col=column, min_row=1))))
        series.cat = AxDataSource(numRef=NumRef(f=categories)) if numeric else AxDataSource(
            strRef=StrRef(f=categories))
        if kind == "line":
            series.smooth = False
            series.marker.symbol = "none"
            series.graphicalProperties.line.width = 28575  # 2.25 pt in EMU
            series.dPt = _mail_points(table, column - 1)
        chart.series.append(series)

    chart.title = table.title
    chart.x_axis.title = table.headers[0]
    chart.y_axis.title = VALUE_AXIS_TITLES.get(table.key, DEFAULT_VALUE_AXIS_TITLE)
    chart.y_axis.number_format = INTEGER_FORMAT
    if isinstance(table.rows[0][0], date):
        chart.x_axis.number_format = DATE_FORMAT
    # openpyxl leaves "delete" unset, which newer Excel reads as a hidden axis
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if kind == "bars":
        # the first (largest) category on top, the value axis still at the bottom; the numbers at the bars
        chart.x_axis.scaling.orientation = "maxMin"
        chart.y_axis.crosses = "max"
        chart.dataLabels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False)
    deadline = _deadline_position(table)
    if deadline is not None:
        # WORKAROUND: a native chart has no vertical marker line; the value axis is moved to the deadline's day
        # (its line becomes the marker, dashed and red), its numbers stay at the left edge
        chart.y_axis.crossesAt = deadline
        chart.y_axis.crossBetween = "midCat"  # on the day itself, not between two days
        chart.y_axis.tickLblPos = "low"
        chart.y_axis.spPr = GraphicalProperties(ln=LineProperties(solidFill=DEADLINE_COLOUR, w=19050,
                                                                   prstDash="dash"))
    if len(table.headers) == 2:
        chart.legend = None  # one series: its name is the axis title already
    else:
        chart.legend.position = "b"
    chart.width = CHART_WIDTH_CM
    chart.height = CHART_HEIGHT_CM
    return chart
