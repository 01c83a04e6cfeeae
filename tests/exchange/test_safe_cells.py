"""Formula injection: text Excel would run is stored as text, unchanged, with the quote prefix."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from odn_desktop.exchange.safe_cells import MAX_CELL_CHARS, clean_text, is_formula_like, set_text

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "+49 30 1234",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "＝HYPERLINK(\"http://x\",\"y\")",  # full-width equals sign
    "﹦1+1",  # small equals sign
    "＋1",
    "－1",
    "＠SUM(A1)",
    "  =1+1",
    "\u3000=1+1",  # ideographic space in front
]
HARMLESS = ["Anna", "Müller", "Özlem", "", " ", "a=b", "Dr. Jürgen Groß", "1+1", "Straße 5", "ÄÖÜ"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_detected(text: str) -> None:
    assert is_formula_like(text)


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert not is_formula_like(text)


def test_clean_text_drops_what_xml_cannot_carry_and_cuts_to_a_cell() -> None:
    assert clean_text("An\x00na\x1f\x0b") == "Anna"
    assert clean_text("a\tb\nc") == "a\tb\nc"
    assert len(clean_text("x" * (MAX_CELL_CHARS + 10))) == MAX_CELL_CHARS


@pytest.mark.parametrize("text", [t for t in HOSTILE if "\r" not in t])  # XML turns a bare CR into LF on reading
def test_hostile_text_survives_a_round_trip_as_text(tmp_path: Path, text: str) -> None:
    wb = Workbook()
    cell = wb.active["A1"]
    assert set_text(cell, text) is True
    wb.save(tmp_path / "x.xlsx")

    back = load_workbook(tmp_path / "x.xlsx").active["A1"]
    assert back.value == text
    assert back.data_type == "s"
    assert back.quotePrefix is True


def test_harmless_text_gets_no_quote_prefix(tmp_path: Path) -> None:
    wb = Workbook()
    assert set_text(wb.active["A1"], "Müller") is False
    wb.save(tmp_path / "x.xlsx")
    back = load_workbook(tmp_path / "x.xlsx").active["A1"]
    assert (back.value, back.data_type, back.quotePrefix) == ("Müller", "s", False)


def test_the_file_contains_no_formula_element(tmp_path: Path) -> None:
    import zipfile

    wb = Workbook()
    set_text(wb.active["A1"], '=HYPERLINK("http://x","y")')
    wb.save(tmp_path / "x.xlsx")
    sheet_xml = zipfile.ZipFile(tmp_path / "x.xlsx").read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    assert "HYPERLINK" in sheet_xml
