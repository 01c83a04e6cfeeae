"""The series report for the hosts as an A4 PDF: title block, key figures, one row per meeting, each chart with
its table, and the definitions.

Painted through the project's one PDF engine (``QPdfWriter`` + ``QPainter``, as the participant list in
``printing``) with the block flow of ``pdf_layout``: charts arrive as SVG (``exchange.report_charts``) and are
painted by ``QSvgRenderer`` into the painter, so they stay vector with real, extractable text; tables break
between rows and repeat their header row. The report is German whatever the window's language: it goes to the
hosts, and its figures' names (``DEFINITIONS``, the chart tables) are German.

Needs a QGuiApplication for fonts (``ensure_gui_application`` makes one when there is none); no widget is made, so
the CLI can write the report without a window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from odn_desktop.domain.plurals import plural
from odn_desktop.exchange.atomic_write import check_target, write_bytes
from odn_desktop.exchange.german_dates import short_date
from odn_desktop.exchange.report_charts import FONT_FAMILY
from odn_desktop.services.report_figures import DEFINITIONS, NO_STATE, Counts, EventFigures, SeriesFigures
from odn_desktop.services.report_tables import ChartTable, format_cell

from .chart_paint import paint_svg, register_chart_fonts
from .participant_list import ensure_gui_application
from .pdf_layout import (
    ROW_MINOR,
    ROW_NORMAL,
    ROW_STRONG,
    Block,
    Canvas,
    Chart,
    Footer,
    Paragraph,
    Rule,
    Table,
    TextStyle,
    Tiles,
    paint_pages,
)

PDF_RESOLUTION = 300  # dpi; text and charts are vector, this only sets the layout grid
MARGINS_MM = QMarginsF(18, 16, 18, 12)  # ui.pdf.report_export.PDF_CHART_WIDTH_IN follows left and right
FOOTER_MM = 9.0

TITLE = TextStyle(19, bold=True)
KICKER = TextStyle(11, bold=True, color="#3b5b86")
INFO = TextStyle(9.5, color="#303030")
HEADING = TextStyle(13, bold=True, color="#1f3a5f")
CAPTION = TextStyle(8.5, italic=True, color="#404040")
BODY = TextStyle(8)
BODY_BOLD = TextStyle(8, bold=True)
TILE_VALUE = TextStyle(15, bold=True, color="#1f3a5f")
TILE_LABEL = TextStyle(7.5, color="#404040")
FOOTER = TextStyle(7, color="#505050")

# soft hyphens: ten columns fit A4 portrait only when the headers of the number columns may break inside words
MEETING_HEADERS = ("Datum", "Treffen", "Ange\u00admeldet", "Warte\u00adliste", "Stor\u00adniert", "Ver\u00adspätet",
                   "Teil\u00adgenom\u00admen", "Quote", "Nicht er\u00adschienen", "Minuten im Schnitt")


def save_report_pdf(figures: SeriesFigures, tables: Sequence[ChartTable], charts: Mapping[str, bytes], path: Path,
                    *, generated_on: date) -> int:
    """Write the report atomically to ``path`` (a file open in a PDF viewer gives the German "close it"
    message); returns the number of pages. ``charts`` maps a table's ``key`` to its chart as SVG; a table
    without a chart is printed as a table alone."""
    path = check_target(Path(path))
    data, pages = report_pdf(figures, tables, charts, generated_on=generated_on)
    write_bytes(path, data)
    return pages


def report_pdf(figures: SeriesFigures, tables: Sequence[ChartTable], charts: Mapping[str, bytes], *,
               generated_on: date) -> tuple[bytes, int]:
    """The PDF's bytes and its page count."""
    ensure_gui_application()
    register_chart_fonts()  # before any text is measured: Windows has no DejaVu Sans of its own
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setTitle(f"Auswertung – {figures.title}")
    writer.setCreator("odn-desktop")
    canvas = Canvas(writer, FONT_FAMILY, FOOTER_MM)  # the charts' font: text and charts match
    footer = Footer(left=figures.title, right=f"Erstellt am {_day(generated_on)}", style=FOOTER)
    pages = paint_pages(writer, canvas, report_blocks(figures, tables, charts, generated_on), footer)
    del writer  # finishes the PDF into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data, pages


def report_blocks(figures: SeriesFigures, tables: Sequence[ChartTable], charts: Mapping[str, bytes],
                  generated_on: date) -> list[Block]:
    """The report from top to bottom."""
    blocks: list[Block] = [*_title_block(figures, generated_on), *_key_figures(figures), *_meetings(figures)]
    for table in tables:
        blocks += _chart_section(table, charts.get(table.key))
    blocks += _definitions()
    return blocks


def _title_block(figures: SeriesFigures, generated_on: date) -> list[Block]:
    lines: list[Block] = [Paragraph("Auswertung", KICKER, space_after=1.0),
                          Paragraph(figures.title, TITLE, space_after=2.5),
                          Paragraph(_period(figures.events), INFO, space_after=0.8)]
    if figures.hosts:
        lines.append(Paragraph(f"Veranstaltet von {_enumeration(figures.hosts)}", INFO, space_after=0.8))
    lines.append(Paragraph(f"Stand: {_day(generated_on)}", INFO, space_after=0.0))
    return [*lines, Rule(space_before=3.0, space_after=5.0)]


def _period(events: Sequence[EventFigures]) -> str:
    if not events:
        return "Noch keine Treffen"
    first, last = short_date(events[0].starts_at), short_date(events[-1].starts_at)
    if len(events) == 1:
        return f"1 Treffen am {first}"
    return f"{format_cell(len(events))} Treffen vom {first} bis {last}"


def _enumeration(names: Sequence[str]) -> str:
    """"A", "A und B", "A, B und C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} und {names[-1]}"


def _key_figures(figures: SeriesFigures) -> list[Block]:
    total = figures.totals
    states = sum(1 for state, _count in figures.federal_states if state != NO_STATE)
    recorded = figures.meetings_with_attendance
    rate_label = "Teilnahmequote" if recorded == len(figures.events) else \
        f"Teilnahmequote ({plural(recorded, 'Treffen', 'Treffen')} mit Teilnahmedaten)"
    items = [
        (format_cell(len(figures.events)), "Treffen"),
        (format_cell(total.registered), "Anmeldungen (angemeldet)"),
        (format_cell(total.attended), "Teilnahmen"),
        (_rate(figures.attendance_rate) if recorded else "–", rate_label),
        (format_cell(total.no_show) if recorded else "–", "nicht erschienen"),
        (_minutes(total.average_minutes) or "–", "Minuten im Schnitt"),
        (format_cell(figures.distinct_participants), "verschiedene Personen"),
        (format_cell(figures.returning_participants), "wiederkehrende Personen"),
        (format_cell(figures.distinct_organisations), "Organisationen"),
        (format_cell(figures.distinct_municipalities), "Kommunen"),
        (format_cell(states), "Bundesländer"),
        (format_cell(total.waiting), "auf der Warteliste"),
    ]
    return [Paragraph("Kennzahlen der Reihe", HEADING, space_after=2.5, keep_with_next=True),
            Tiles(items, TILE_VALUE, TILE_LABEL, space_after=5.0)]


def _meetings(figures: SeriesFigures) -> list[Block]:
    """One row per meeting, its rounds (if any) in grey rows under it, and the series' total. Rate and no-shows
    stay empty for a meeting without Teilnahmedaten (``attendance_recorded``), as on the page and in Excel."""
    heading = Paragraph("Die Treffen im Einzelnen", HEADING, space_after=2.5, keep_with_next=True)
    if not figures.events:
        return [heading, Paragraph("Die Reihe hat noch keine Treffen.", BODY, space_after=5.0)]
    rows: list[tuple[str, ...]] = []
    kinds: list[str] = []
    for event in figures.events:
        recorded = event.attendance_recorded
        rows.append((short_date(event.starts_at), event.title, *_count_cells(event.counts, recorded)))
        kinds.append(ROW_NORMAL)
        for round_ in event.rounds:
            rows.append(("", f"Runde: {round_.title}", *_count_cells(round_.counts, recorded)))
            kinds.append(ROW_MINOR)
    total = _count_cells(figures.totals, figures.meetings_with_attendance > 0, figures.attendance_rate)
    rows.append(("", "Alle Treffen", *total))
    kinds.append(ROW_STRONG)
    numeric = (False, False) + (True,) * (len(MEETING_HEADERS) - 2)
    return [heading, Table(MEETING_HEADERS, rows, BODY, BODY_BOLD, numeric=numeric, row_kinds=kinds)]


def _count_cells(counts: Counts, recorded: bool, rate: float | None = None) -> tuple[str, ...]:
    """The eight number cells of a row; ``rate`` overrides the counts' own (the series' rate counts only the
    meetings with Teilnahmedaten)."""
    numbers = (counts.registered, counts.waiting, counts.cancelled, counts.late, counts.attended)
    attendance = (_rate(counts.attendance_rate if rate is None else rate), format_cell(counts.no_show)) \
        if recorded else ("", "")
    return (*(format_cell(n) for n in numbers), *attendance, _minutes(counts.average_minutes))


def _chart_section(table: ChartTable, svg: bytes | None) -> list[Block]:
    """Heading, caption, the chart (vector) and its table; heading and caption stay with the chart, the chart
    with the table's first rows. An empty table without a chart says so (a chart says so itself)."""
    blocks: list[Block] = [Paragraph(table.title, HEADING, space_before=2.0, space_after=1.5, keep_with_next=True)]
    if table.caption:
        blocks.append(Paragraph(table.caption, CAPTION, space_after=1.5, keep_with_next=True))
    if svg is not None:
        blocks.append(Chart(svg, paint_svg, keep_with_next=bool(table.rows)))
    if table.rows:
        rows = [tuple(format_cell(value) for value in row) for row in table.rows]
        blocks.append(Table(table.headers, rows, BODY, BODY_BOLD, numeric=_numeric_columns(table)))
    elif svg is None:
        blocks.append(Paragraph("Keine Daten.", BODY, space_after=5.0))
    return blocks


def _numeric_columns(table: ChartTable) -> list[bool]:
    """The value columns holding only numbers (right-aligned); the first column holds the categories."""
    return [column > 0 and all(isinstance(row[column], int | float) for row in table.rows
                               if column < len(row) and row[column] is not None)
            for column in range(len(table.headers))]


def _definitions() -> list[Block]:
    return [Paragraph("Begriffe und Definitionen", HEADING, space_before=2.0, space_after=2.5, keep_with_next=True),
            Table(None, [(term, text) for term, text in DEFINITIONS], BODY, BODY_BOLD, lines=False,
                  bold_first_column=True)]


def _rate(fraction: float) -> str:
    return format_cell(fraction, percent=True)


def _minutes(average: float | None) -> str:
    return "" if average is None else format_cell(round(average))


def _day(day: date) -> str:
    return format_cell(day)
