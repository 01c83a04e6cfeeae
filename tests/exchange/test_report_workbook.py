"""The XLSX report read back with openpyxl: the overview's figures, one data sheet per chart table holding exactly
the table, a native chart on each referring to that sheet's own ranges, formula-safe text, German formats."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from report_workbook_samples import HOSTILE_TITLE, HOSTS, small_series, small_tables

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.report_workbook import (
    CAPTION_LINE_CHARS,
    CHART_ROWS,
    OVERVIEW_TITLE,
    PERCENT_FORMAT,
    ROUNDS_TITLE,
    SHEET_NAME_LIMIT,
    SHEET_NAMES,
    sheet_name,
    write_report_workbook,
)
from odn_desktop.services.report_figures import DEFINITIONS
from odn_desktop.services.report_tables import ChartTable

SHEETS = [OVERVIEW_TITLE, "Eingang der Anmeldungen", "Teilnahme je Treffen", "Bundesländer",
          "Erstmals und wiederkehrend", ROUNDS_TITLE]
GENERATED = datetime(2022, 2, 1, 9, 30)
OVERVIEW_HEADER_ROW = 10  # title, 7 facts, a gap


def _write(tmp_path: Path, tables: tuple[ChartTable, ...] | None = None) -> tuple[Path, Any]:
    path = tmp_path / "Auswertung.xlsx"
    result = write_report_workbook(small_series(), small_tables() if tables is None else tables, path,
                                   definitions=DEFINITIONS, generated_at=GENERATED)
    return path, result


def _row(ws: Any, row: int, columns: int) -> list[Any]:
    return [ws.cell(row=row, column=c).value for c in range(1, columns + 1)]


def _as_cell(value: Any) -> Any:
    """A value read back: Excel keeps dates as date-times."""
    return value.date() if isinstance(value, datetime) else value


_REF = re.compile(r"^'(?P<sheet>(?:[^']|'')+)'!\$(?P<c1>[A-Z]+)\$(?P<r1>\d+)(?::\$(?P<c2>[A-Z]+)\$(?P<r2>\d+))?$")


def _parse(ref: str) -> tuple[str, str, int, str, int]:
    """``'Sheet'!$B$2:$B$9`` -> (sheet, "B", 2, "B", 9); a single cell repeats its column and row."""
    match = _REF.match(ref)
    assert match, f"not an absolute reference: {ref!r}"
    c2 = match["c2"] or match["c1"]
    r2 = match["r2"] or match["r1"]
    return match["sheet"].replace("''", "'"), match["c1"], int(match["r1"]), c2, int(r2)


def _text(title: Any) -> str:
    return "".join(run.t for paragraph in title.tx.rich.p for run in (paragraph.r or []))


def test_sheets_in_order_and_what_the_caller_reports(tmp_path: Path) -> None:
    path, result = _write(tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames == SHEETS
    assert result.sheets == tuple(SHEETS)
    assert result.charts == 4
    assert result.path == path
    assert all(len(name) <= SHEET_NAME_LIMIT for name in wb.sheetnames)


def test_overview_names_the_series_and_what_it_reaches(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    ws = load_workbook(path)[OVERVIEW_TITLE]
    assert ws["A1"].value == "Open-Data-Netzwerktreffen"
    facts = {ws.cell(row=r, column=1).value: [ws.cell(row=r, column=c).value for c in (3, 4, 5)]
             for r in range(2, OVERVIEW_HEADER_ROW - 1)}
    assert facts["Veranstalter"][0] == ", ".join(HOSTS)
    period = facts["Zeitraum"]
    assert [_as_cell(period[0]), period[1], _as_cell(period[2])] == [date(2021, 10, 14), "bis", date(2022, 1, 20)]
    assert ws["C3"].number_format == "DD.MM.YYYY"
    assert facts["Treffen"][0] == 3
    assert facts["Verschiedene Organisationen"][0] == 51
    assert facts["Verschiedene Kommunen"][0] == 38
    assert facts["Verschiedene Personen (angemeldet)"][0] == 78
    assert facts["davon wiederkehrend"][0] == 21


def test_overview_key_figures_per_meeting(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    ws = load_workbook(path)[OVERVIEW_TITLE]
    header = _row(ws, OVERVIEW_HEADER_ROW, 13)
    assert header == ["Datum", "Titel", "angemeldet", "Warteliste", "storniert", "verspätet", "teilgenommen", "Quote",
                      "nicht erschienen", "Minuten im Schnitt", "Organisationen", "erstmals", "wiederkehrend"]
    first = OVERVIEW_HEADER_ROW + 1
    rows = [[_as_cell(v) for v in _row(ws, r, 13)] for r in range(first, first + 3)]
    assert rows[0] == [date(2021, 10, 14), "Open-Data-Netzwerktreffen: Portal und Datenqualität",
                       40, 3, 5, 2, 30, pytest.approx(0.75), 10, pytest.approx(90.0), 20, 40, 0]
    assert rows[1][2:] == [50, 0, 4, 1, 37, pytest.approx(0.74), 13, pytest.approx(3000 / 32), 25, 31, 19]
    # a planned meeting: its attendance is not known yet, so it stays empty instead of reading 0
    assert rows[2][2:] == [12, 0, 0, 0, None, None, None, None, 6, 7, 5]
    assert ws.cell(row=first, column=1).number_format == "DD.MM.YYYY"
    assert isinstance(ws.cell(row=first, column=3).value, int)
    rate = ws.cell(row=first, column=8)
    assert rate.data_type == "n" and rate.number_format == PERCENT_FORMAT and "%" in rate.number_format
    assert ws.cell(row=first, column=10).number_format == "#,##0.0"
    assert ws.freeze_panes == f"C{first}"
    assert ws.auto_filter.ref == f"A{OVERVIEW_HEADER_ROW}:M{first + 2}"


def test_overview_carries_every_definition(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    ws = load_workbook(path)[OVERVIEW_TITLE]
    texts = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=3).value for r in range(1, ws.max_row + 1)}
    assert "Begriffe" in texts
    for term, definition in DEFINITIONS:
        assert texts[term] == definition


def test_each_data_sheet_holds_exactly_its_table(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    wb = load_workbook(path)
    for name, table in zip(SHEETS[1:5], small_tables(), strict=True):
        ws = wb[name]
        width = len(table.headers)
        assert tuple(_row(ws, 1, width)) == table.headers, name
        back = tuple(tuple(_as_cell(v) for v in _row(ws, r, width)) for r in range(2, len(table.rows) + 2))
        assert back == table.rows, name
        assert all(ws.cell(row=len(table.rows) + 2, column=c).value is None for c in range(1, width + 1))
        assert ws.freeze_panes == "B2"
        assert ws.print_title_rows == "$1:$1"
        numbers = [ws.cell(row=r, column=2) for r in range(2, len(table.rows) + 2)]
        assert all(c.data_type == "n" for c in numbers if c.value is not None)
        assert ws["B2"].number_format == "#,##0"


CHARTS = {
    # sheet: (chart class, bar direction, grouping)
    "Eingang der Anmeldungen": ("LineChart", None, "standard"),
    "Teilnahme je Treffen": ("BarChart", "col", "clustered"),
    "Bundesländer": ("BarChart", "bar", "clustered"),
    "Erstmals und wiederkehrend": ("BarChart", "col", "stacked"),
}


@pytest.mark.parametrize("index", range(4))
def test_each_data_sheet_has_its_native_chart_over_its_own_ranges(tmp_path: Path, index: int) -> None:
    path, _ = _write(tmp_path)
    name = SHEETS[1 + index]
    table = small_tables()[index]
    ws = load_workbook(path)[name]
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    kind, direction, grouping = CHARTS[name]
    assert type(chart).__name__ == kind
    if direction is not None:
        assert chart.type == direction
    assert chart.grouping == grouping
    assert len(chart.series) == len(table.headers) - 1
    if grouping == "stacked":
        assert chart.overlap == 100  # Excel draws stacked bars side by side without it

    last = len(table.rows) + 1
    for offset, series in enumerate(chart.series):
        column = "ABCDEFGHIJ"[offset + 1]
        assert _parse(series.val.numRef.f) == (name, column, 2, column, last)
        assert _parse(series.tx.strRef.f) == (name, column, 1, column, 1)
        assert ws[f"{column}1"].value == table.headers[offset + 1]  # the legend names the column
        categories = series.cat.numRef or series.cat.strRef
        assert _parse(categories.f) == (name, "A", 2, "A", last)
    # German titles
    assert _text(chart.title) == table.title
    assert _text(chart.x_axis.title) == table.headers[0]
    assert _text(chart.y_axis.title)
    assert chart.x_axis.delete is False and chart.y_axis.delete is False


def test_the_line_chart_leaves_gaps_and_marks_the_deadline(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    ws = load_workbook(path)["Eingang der Anmeldungen"]
    chart = ws._charts[0]
    assert chart.display_blanks == "gap"
    assert ws["D2"].value is None  # a meeting without that day: an empty cell, not 0
    # the value axis stands on day 0 (the 21st category: days -20 … 0), drawn as the deadline's line
    assert [row[0] for row in small_tables()[0].rows].index(0) + 1 == 21
    assert chart.y_axis.crossesAt == 21
    assert chart.y_axis.tickLblPos == "low"
    # the reminder on day -7 of the first meeting: a symbol on that point of its line (row 14 = the 14th day)
    marked = chart.series[0].dPt
    assert [(p.idx, p.marker.symbol) for p in marked] == [(13, "triangle")]
    assert ws["A15"].value == -7
    assert chart.series[1].dPt == [] and chart.series[2].dPt == []
    # text categories (meetings) are string references, numbers (days) number references
    assert chart.series[0].cat.numRef is not None
    bars = load_workbook(path)["Teilnahme je Treffen"]._charts[0]
    assert bars.series[0].cat.strRef is not None


def test_the_caption_stands_under_the_chart_in_lines_as_wide_as_it(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    wb = load_workbook(path)
    for name, table in zip(SHEETS[1:5], small_tables(), strict=True):
        ws = wb[name]
        column = len(table.headers) + 2
        anchor = ws._charts[0].anchor._from
        assert (anchor.col, anchor.row) == (column - 1, 1)  # zero-based: right of the table, row 2
        lines = [ws.cell(row=r, column=column).value for r in range(CHART_ROWS + 3, CHART_ROWS + 10)]
        lines = [line for line in lines if line]
        assert " ".join(lines) == " ".join(table.caption.split()), name
        assert all(len(line) <= CAPTION_LINE_CHARS for line in lines)
        if len(table.caption) > CAPTION_LINE_CHARS:
            assert len(lines) >= 2
        assert ws.cell(row=1, column=column).value is None


def test_states_run_from_the_largest_on_top(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    chart = load_workbook(path)["Bundesländer"]._charts[0]
    assert chart.x_axis.scaling.orientation == "maxMin"
    assert chart.y_axis.crosses == "max"
    assert chart.legend is None  # one series


def test_hostile_title_stays_text_everywhere(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    wb = load_workbook(path)
    cells = [wb[OVERVIEW_TITLE].cell(row=OVERVIEW_HEADER_ROW + 2, column=2), wb["Teilnahme je Treffen"]["A3"],
             wb["Erstmals und wiederkehrend"]["A3"], wb[ROUNDS_TITLE]["B2"]]
    for cell in cells:
        assert cell.value == HOSTILE_TITLE
        assert cell.data_type == "s"
        assert cell.quotePrefix is True
    # a series name (a legend entry) is the header cell: text too
    header = wb["Eingang der Anmeldungen"]["C1"]
    assert header.value == f"02.12.2021 {HOSTILE_TITLE}" and header.data_type == "s"
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        for member in sheets:
            xml = archive.read(member).decode()
            assert "<f>" not in xml and "<f " not in xml, member


def test_rounds_sheet(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    ws = load_workbook(path)[ROUNDS_TITLE]
    assert _row(ws, 1, 5) == ["Datum", "Treffen", "Runde", "Plätze", "angemeldet"]
    assert [_as_cell(v) for v in _row(ws, 2, 12)] == [
        date(2021, 12, 2), HOSTILE_TITLE, "Runde 1: Recht", 25, 25, 0, 0, 0, 20, pytest.approx(0.8), 5, None]
    assert ws["D3"].value == "unbegrenzt"
    assert ws["J2"].number_format == PERCENT_FORMAT
    assert ws["A4"].value is None


def test_no_rounds_no_rounds_sheet(tmp_path: Path) -> None:
    from dataclasses import replace

    figures = small_series()
    figures = replace(figures, events=tuple(replace(e, rounds=()) for e in figures.events))
    path = tmp_path / "r.xlsx"
    result = write_report_workbook(figures, small_tables(), path, definitions=DEFINITIONS)
    assert ROUNDS_TITLE not in load_workbook(path).sheetnames
    assert ROUNDS_TITLE not in result.sheets


def test_print_setup_a4_landscape_fitted_to_width(tmp_path: Path) -> None:
    path, _ = _write(tmp_path)
    for ws in load_workbook(path).worksheets:
        assert ws.page_setup.paperSize in (9, "9")
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert ws.oddFooter.center.text == "Seite &P von &N"
        assert ws.oddFooter.right.text == "Stand 01.02.2022"
        widths = [ws.column_dimensions[c].width for c in "AB"]
        assert all(8 <= w <= 60 for w in widths), ws.title


def test_a_table_without_rows_gets_no_chart(tmp_path: Path) -> None:
    empty = ChartTable("registrations_over_time", "Eingang der Anmeldungen bis zum Anmeldeschluss",
                       ("Tag (0 = Anmeldeschluss)",), ())
    path, result = _write(tmp_path, (empty, *small_tables()[1:]))
    ws = load_workbook(path)["Eingang der Anmeldungen"]
    assert ws._charts == []
    assert result.charts == 3
    assert ws["C2"].value == "Keine Daten für dieses Diagramm."
    assert ws["C4"].value is None  # no caption


def test_sheet_names_are_short_distinct_and_excel_safe() -> None:
    unknown = ChartTable("something_new", "Teilnahme: [alle] Treffen / Runden? " * 3, ("A", "B"), ())
    taken = {"übersicht", "runden"}
    first = sheet_name(unknown, taken)
    taken.add(first.casefold())
    second = sheet_name(unknown, taken)
    assert len(first) <= SHEET_NAME_LIMIT and len(second) <= SHEET_NAME_LIMIT
    assert not set("[]:*?/\\") & set(first + second)
    assert first.startswith("Teilnahme alle Treffen") and second.endswith(" (2)")
    known = ChartTable("federal_states", "egal", ("A", "B"), ())
    assert sheet_name(known, taken) == "Bundesländer"


def test_missing_folder_is_a_german_message(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="existiert nicht"):
        write_report_workbook(small_series(), small_tables(), tmp_path / "nope" / "x.xlsx", definitions=DEFINITIONS)


def test_real_series_from_the_database(tmp_path: Path, db: Any) -> None:
    """The hand-counted sample series (tests/report_samples.py) through series_figures and series_tables."""
    from tests.report_samples import NOW, build_report_sample

    from odn_desktop.services.report_figures import series_figures
    from odn_desktop.services.report_tables import series_tables
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as s:
        ids = build_report_sample(s)
        figures = series_figures(s, ids["series"], now=NOW)
    tables = series_tables(figures)
    path = tmp_path / "Auswertung.xlsx"
    result = write_report_workbook(figures, tables, path, definitions=DEFINITIONS)
    wb = load_workbook(path)
    assert result.charts == sum(1 for t in tables if t.rows)
    ws = wb[OVERVIEW_TITLE]
    assert ws["A1"].value == "Testreihe Open Data"
    first = OVERVIEW_HEADER_ROW + 1
    a = [_as_cell(v) for v in _row(ws, first, 13)]
    # meeting A by hand: 3 seats, 2 waiting, 1 cancelled, 1 late; anna, ben and dora (from the waiting list) came
    assert a[:10] == [date(2021, 10, 14), "Treffen A", 3, 2, 1, 1, 3, pytest.approx(1.0), 1, pytest.approx(70.0)]
    c = [_as_cell(v) for v in _row(ws, first + 2, 13)]
    assert c[1] == "Treffen C" and c[6:10] == [None, None, None, None]  # a draft: attendance not known
    for table in tables:
        sheet = wb[SHEET_NAMES[table.key]]
        width = len(table.headers)
        assert tuple(_row(sheet, 1, width)) == table.headers
        assert tuple(tuple(_as_cell(v) for v in _row(sheet, r, width))
                     for r in range(2, len(table.rows) + 2)) == table.rows
        assert len(sheet._charts) == (1 if table.rows else 0)
    rounds = wb[ROUNDS_TITLE]
    assert [rounds["C2"].value, rounds["C3"].value] == ["R1", "R2"]
