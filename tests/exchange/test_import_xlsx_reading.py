"""XLSX reading: first or named sheet, Excel dates, numbers without ".0", Excel row numbers, damaged files."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from openpyxl import Workbook

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.registration_import import build_plan, detect_mapping, read_registration_table
from odn_desktop.exchange.xlsx_reading import read_xlsx_bytes


def workbook_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


FORM = [
    ["Vorname", "Nachname", "E-Mail-Adresse", "PLZ", "Anmeldedatum", "Teilnahme"],
    ["Anna", "Becker", "anna@kiel.example", 24103.0, datetime(2021, 11, 20, 9, 30), True],
    ["Jürgen", "Groß", "juergen@muenster.example", 48143, "21.11.2021 14:05", False],
]


def test_first_sheet_is_read_with_excel_dates_and_plain_numbers() -> None:
    data = workbook_bytes({"Antworten": FORM, "Auswertung": [["Summe"], [2]]})
    table = read_xlsx_bytes(data)
    assert table.sheet == "Antworten"
    assert table.sheet_names == ("Antworten", "Auswertung")
    assert table.header == tuple(FORM[0])
    assert table.rows[0][3] == "24103"  # not "24103.0"
    assert table.rows[0][4] == datetime(2021, 11, 20, 9, 30)
    assert table.rows[0][5] == "ja"
    assert table.row_numbers == (2, 3)


def test_excel_dates_and_german_date_strings_become_registration_times() -> None:
    table = read_registration_table(workbook_bytes({"Antworten": FORM}))
    plan = build_plan(table, detect_mapping(table))
    assert [p.registered_at for p in plan.people] == [
        datetime(2021, 11, 20, 8, 30, tzinfo=UTC),  # 09:30 Berlin (winter time)
        datetime(2021, 11, 21, 13, 5, tzinfo=UTC),
    ]


def test_a_named_sheet_is_chosen_case_insensitively() -> None:
    data = workbook_bytes({"Info": [["Hinweis"], ["bitte Blatt 2"]], "Anmeldungen": FORM})
    assert read_xlsx_bytes(data, "anmeldungen").sheet == "Anmeldungen"
    assert read_registration_table(data, "Anmeldungen").header == tuple(FORM[0])


def test_an_unknown_sheet_names_the_existing_ones() -> None:
    data = workbook_bytes({"Info": [["x"]], "Anmeldungen": FORM})
    with pytest.raises(UserError, match=r"„Tabelle1“ gibt es.*„Info“, „Anmeldungen“"):
        read_xlsx_bytes(data, "Tabelle1")


def test_rows_above_the_header_and_blank_rows_keep_excel_numbering() -> None:
    rows: list[list[object]] = [[None], ["Anmeldungen zum Netzwerktreffen"], [None], *FORM[:2], [None, None], FORM[2]]
    table = read_xlsx_bytes(workbook_bytes({"A": rows}))
    assert table.header_row == 4  # a title line above the table is not its header
    assert table.row_numbers == (5, 7)
    rows = [[None], [None], *FORM[:2], [None, None], FORM[2]]
    table = read_xlsx_bytes(workbook_bytes({"A": rows}))
    assert table.header_row == 3
    assert table.row_numbers == (4, 6)


def test_an_empty_sheet_is_a_user_error() -> None:
    with pytest.raises(UserError, match="leer"):
        read_xlsx_bytes(workbook_bytes({"Leer": []}))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 100, "lässt sich nicht lesen"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "alten Excel-Format"),
    ],
)
def test_damaged_old_and_encrypted_workbooks_are_user_errors(data: bytes, message: str) -> None:
    with pytest.raises(UserError, match=message):
        read_registration_table(data)


def test_a_sheet_name_for_a_csv_file_is_a_user_error() -> None:
    with pytest.raises(UserError, match="nur bei Excel-Dateien"):
        read_registration_table(b"Vorname;Nachname\nA;B\n", sheet="Tabelle1")
