"""One attendance list per parallel round: a worksheet each, named and headed by its round, with its people."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from export_samples import december_event, person
from openpyxl import load_workbook

from odn_desktop.exchange.attendance_sheet import (
    NO_ROUND_TITLE,
    AttendanceSheet,
    save_attendance_sheet,
    sheet_names,
)
from odn_desktop.exchange.export_records import RegistrationCounts

GENERATED = datetime(2021, 12, 1, 15, 5, tzinfo=UTC)
ROUNDS = ("Daten: offen?", "Karten [Geo]")
PEOPLE = [
    person("Albers", "Katrin", 1, round="Daten: offen?"),
    person("Groß", "Jürgen", 2, round="Karten [Geo]"),
    person("Özdemir", "Elif", 3, round="Daten: offen?"),
    person("Zander", "Ole", 4),
]


def _book(tmp_path: Path, **kwargs: Any) -> Any:
    sheet = AttendanceSheet(event=december_event(), participants=PEOPLE, counts=RegistrationCounts(4, 0, 0, 0),
                            generated_at=GENERATED, columns=("round",), rounds=ROUNDS, **kwargs)
    path = tmp_path / "Anwesenheit.xlsx"
    save_attendance_sheet(sheet, path)
    return load_workbook(path)


def _names(ws: Any) -> list[str]:
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "Nr.")
    return [ws.cell(r, 2).value for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 2).value]


def test_one_worksheet_per_round_with_its_people(tmp_path: Path) -> None:
    wb = _book(tmp_path, per_round=True, blank_rows=2)
    assert wb.sheetnames == ["Daten offen", "Karten Geo", NO_ROUND_TITLE, "Zahlen"]
    first = wb["Daten offen"]
    assert first.cell(1, 1).value == "Open-Data-Netzwerktreffen"
    assert first.cell(2, 1).value == "Runde: Daten: offen?"
    assert "2 angemeldete Personen" in str(first.cell(7, 1).value)
    assert _names(first) == ["Albers", "Özdemir"]
    assert "Runde" not in [c.value for c in first[9]]  # the header row: no column repeating the round
    assert _names(wb["Karten Geo"]) == ["Groß"]
    assert _names(wb[NO_ROUND_TITLE]) == ["Zander"]
    assert wb[NO_ROUND_TITLE].cell(2, 1).value == NO_ROUND_TITLE
    assert first.max_row == 9 + 2 + 2  # the header, two people, two blank rows for walk-ins
    counts = {row[0].value: row[1].value for row in wb["Zahlen"].iter_rows()}
    assert counts["Angemeldet Runde „Daten: offen?“"] == 2 and counts["Angemeldet ohne Runde"] == 1
    assert first.print_title_rows == "$9:$9"  # the header row repeats on every printed page


def test_one_list_with_the_round_column_unless_asked(tmp_path: Path) -> None:
    wb = _book(tmp_path)
    assert wb.sheetnames == ["Anwesenheitsliste", "Zahlen"]
    ws = wb["Anwesenheitsliste"]
    assert [c.value for c in ws[8]][-1] == "Runde"  # the last column: an online list has no signature column


def test_sheet_names_are_valid_and_distinct() -> None:
    long = "Eine sehr lange Runde über offene Haushaltsdaten"
    assert sheet_names([long, long, "Zahlen", "", "a/b"]) == [
        long[:31], long[:27] + " (2)", "Zahlen (2)", "Runde 4", "a b"]
