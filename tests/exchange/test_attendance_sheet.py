"""The Excel attendance sheet read back with openpyxl: title block, table, order, print set-up, safety."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from export_samples import HOSTILE, crowd, december_event, person
from openpyxl import load_workbook

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.attendance_sheet import (
    SIGNATURE_HEADER,
    AttendanceSheet,
    parse_columns,
    save_attendance_sheet,
)
from odn_desktop.exchange.export_records import RegistrationCounts

GENERATED = datetime(2021, 12, 1, 15, 5, tzinfo=UTC)


def in_person() -> Any:
    """The meeting in the town hall: its list has the signature column."""
    return december_event(format="in_person", format_label="Präsenz", venue="Rathaus Moers")


def _sheet(people: list[Any], event: Any = None, **kwargs: Any) -> AttendanceSheet:
    return AttendanceSheet(event=event or december_event(), participants=people,
                           counts=RegistrationCounts(len(people), 3, 2, 0), generated_at=GENERATED, **kwargs)


def _save(tmp_path: Path, sheet: AttendanceSheet) -> Any:
    path = tmp_path / "Anwesenheitsliste.xlsx"
    save_attendance_sheet(sheet, path)
    return load_workbook(path)


def _rows(ws: Any, first: int) -> list[tuple[Any, ...]]:
    return [tuple(c.value for c in row) for row in ws.iter_rows(min_row=first)]


PEOPLE = [
    person("Albers", "Katrin", 1, academic_title="Dr."),
    person("Groß", "Jürgen", 2, organisation="", municipality="Gemeinde Wennigsen"),
    person(HOSTILE, "Mallory", 3),
    person("Özdemir", "Elif", 4, organisation="Amt für Statistik", municipality="Düsseldorf"),
]


def test_title_block_then_table_in_the_given_order(tmp_path: Path) -> None:
    wb = _save(tmp_path, _sheet(PEOPLE))
    assert wb.sheetnames == ["Anwesenheitsliste", "Zahlen"]
    ws = wb["Anwesenheitsliste"]
    assert [ws.cell(r, 1).value for r in range(1, 7)] == [
        "Open-Data-Netzwerktreffen",
        "Open Data in Kommunen – Netzwerktreffen",
        "Donnerstag, 2. Dezember 2021, 10:00–11:30 Uhr",
        "Online per Zoom",
        "Veranstaltet von: Deutsches Institut für Urbanistik gGmbH (Difu), Bertelsmann Stiftung",
        "4 angemeldete Personen · Stand: 01.12.2021, 16:05 Uhr",
    ]
    assert ws.cell(7, 1).value is None
    # online: no signature column (attendance comes from the Zoom report); the title in a column of its own
    assert _rows(ws, 8)[0] == ("Nr.", "Nachname", "Vorname", "Titel", "Organisation/Kommune")
    assert _rows(ws, 9) == [
        (1, "Albers", "Katrin", "Dr.", "Stadt Moers"),
        (2, "Groß", "Jürgen", None, "Gemeinde Wennigsen"),
        (3, HOSTILE, "Mallory", None, "Stadt Moers"),
        (4, "Özdemir", "Elif", None, "Amt für Statistik, Düsseldorf"),
    ]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {f"A{r}:E{r}" for r in range(1, 7)} <= merged


def test_the_hostile_name_is_stored_as_text(tmp_path: Path) -> None:
    ws = _save(tmp_path, _sheet(PEOPLE))["Anwesenheitsliste"]
    cell = ws["B11"]
    assert cell.value == HOSTILE
    assert cell.data_type == "s"
    assert cell.quotePrefix is True
    assert ws["B9"].data_type == "s" and ws["A9"].data_type == "n"


def test_optional_columns_and_blank_rows(tmp_path: Path) -> None:
    people = [person("Becker", "Anna", 1, round="Runde A"), person("Kaya", "Jan", 2, role="", round="")]
    ws = _save(tmp_path, _sheet(people, in_person(), columns=("round", "email", "role"),
                                blank_rows=3))["Anwesenheitsliste"]
    assert _rows(ws, 8) == [
        ("Nr.", "Nachname", "Vorname", "Organisation/Kommune", "Funktion", "E-Mail", "Runde", SIGNATURE_HEADER),
        (1, "Becker", "Anna", "Stadt Moers", "Open-Data-Koordination", "person1@kommune.example", "Runde A", None),
        (2, "Kaya", "Jan", "Stadt Moers", None, "person2@kommune.example", None, None),
        (3, None, None, None, None, None, None, None),
        (4, None, None, None, None, None, None, None),
        (5, None, None, None, None, None, None, None),
    ]


def test_print_setup(tmp_path: Path) -> None:
    ws = _save(tmp_path, _sheet(crowd(120), in_person(), blank_rows=5))["Anwesenheitsliste"]
    setup = ws.page_setup
    assert setup.paperSize == 9  # A4
    assert setup.orientation == "portrait"
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$8:$8"
    assert ws.print_area == "'Anwesenheitsliste'!$A$1:$E$133"
    assert ws.freeze_panes == "A9"
    assert ws.print_options.horizontalCentered is True
    footer = ws.oddFooter
    assert footer.center.text == "Seite &P von &N"
    assert footer.left.text == "Open-Data-Netzwerktreffen"
    assert footer.right.text == "Stand 01.12.2021 · gedruckt &D"
    widths = {col: ws.column_dimensions[col].width for col in "ABCDE"}
    assert widths["A"] == 5
    assert 12 <= widths["B"] <= 26 and 18 <= widths["D"] <= 40 and widths["E"] >= 22
    # borders over the whole table (one conditional format, see attendance_sheet's docstring)
    rules = {str(rng.sqref): rules for rng, rules in ws.conditional_formatting._cf_rules.items()}
    assert list(rules) == ["A9:E133"]
    border = rules["A9:E133"][0].dxf.border
    assert {border.left.style, border.right.style, border.top.style, border.bottom.style} == {"thin"}
    header = ws["B8"]
    assert header.font.b and header.border.bottom.style == "thin"


def test_many_columns_turn_the_page_to_landscape(tmp_path: Path) -> None:
    ws = _save(tmp_path, _sheet(crowd(30), in_person(), columns=("role", "email", "round")))["Anwesenheitsliste"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_area == "'Anwesenheitsliste'!$A$1:$H$38"


def test_a_long_name_wraps_and_its_row_grows(tmp_path: Path) -> None:
    long = "Hohenstein-Wolkenburg-Katzenelnbogen-Schaumburg-Lippe-Detmold"
    ws = _save(tmp_path, _sheet([person(long, "Anna", 1), person("Kaya", "Jan", 2)], in_person()))["Anwesenheitsliste"]
    assert ws["B9"].value == long
    assert ws["B9"].alignment.wrap_text is True
    assert ws.row_dimensions[9].height > 20
    assert ws.row_dimensions[10].height is None  # default height: 20 pt for every ordinary row
    assert ws.sheet_format.defaultRowHeight == 20


def test_counts_sheet(tmp_path: Path) -> None:
    sheet = AttendanceSheet(event=december_event(), participants=PEOPLE,
                            counts=RegistrationCounts(registered=28, waiting=0, cancelled=3, attended=0),
                            generated_at=GENERATED, blank_rows=4)
    ws = _save(tmp_path, sheet)["Zahlen"]
    assert dict(ws.iter_rows(values_only=True)) == {
        "Veranstaltung": "Open-Data-Netzwerktreffen",
        "Termin": "Donnerstag, 2. Dezember 2021, 10:00–11:30 Uhr",
        "Angemeldet": 28,
        "Warteliste": 0,
        "Storniert": 3,
        "Teilgenommen": 0,
        "Plätze": 40,
        "Leerzeilen für Nachmeldungen": 4,
        "Stand": "01.12.2021, 16:05 Uhr",
    }


def test_an_ampersand_in_the_title_is_not_a_footer_code(tmp_path: Path) -> None:
    sheet = AttendanceSheet(event=december_event(title="Daten & Dialog"), participants=[],
                            counts=RegistrationCounts(), generated_at=GENERATED)
    ws = _save(tmp_path, sheet)["Anwesenheitsliste"]
    assert ws.oddFooter.left.text == "Daten && Dialog"
    assert ws["A1"].value == "Daten & Dialog"


def test_a_cancelled_event_says_so() -> None:
    from odn_desktop.exchange.attendance_sheet import title_lines

    lines = [text for text, _ in title_lines(december_event(status="cancelled"), 0, GENERATED)]
    assert "Diese Veranstaltung ist abgesagt." in lines


@pytest.mark.parametrize(("text", "expected"), [
    ("Funktion,E-Mail,Runde", ("role", "email", "round")),
    ("runde, funktion", ("role", "round")),
    ("email", ("email",)),
    ("", ()),
])
def test_parse_columns(text: str, expected: tuple[str, ...]) -> None:
    assert parse_columns(text) == expected


def test_parse_columns_rejects_unknown_names() -> None:
    with pytest.raises(UserError, match="Unbekannte Spalte „Telefon“"):
        parse_columns("Funktion,Telefon")


def test_negative_blank_rows_are_refused() -> None:
    with pytest.raises(UserError):
        _sheet([], blank_rows=-1)
