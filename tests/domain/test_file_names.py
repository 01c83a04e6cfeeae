"""Suggested file names: dated, short, safe on Windows, unique."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odn_desktop.domain.file_names import MAX_STEM, TITLE_LIMIT, export_file_name, safe_file_part, unique_file_name

FORBIDDEN = '<>:"/\\|?*'


def test_the_name_starts_with_the_meetings_day_in_berlin() -> None:
    # 23:30 UTC on 1 December is 00:30 on 2 December in Berlin
    when = datetime(2021, 12, 1, 23, 30, tzinfo=UTC)
    assert export_file_name("Anwesenheitsliste", "Open-Data-Netzwerktreffen", ".xlsx", when) == \
        "2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx"
    assert export_file_name("Auswertung", "Open Data in Kommunen", ".pdf", date(2022, 3, 1)) == \
        "2022-03-01 Auswertung Open Data in Kommunen.pdf"
    assert export_file_name("Einladungen", "Treffen", "", date(2022, 3, 1)) == "2022-03-01 Einladungen Treffen"
    assert export_file_name("Anmeldungen", "", ".xlsx") == "Anmeldungen.xlsx"


def test_forbidden_characters_and_trailing_dots_go() -> None:
    name = export_file_name("Raumplan", 'Kommunal: "Daten"/Open? <Data>* | 2022 ...', ".csv", date(2022, 1, 20))
    assert name == "2022-01-20 Raumplan Kommunal Daten Open Data 2022.csv"
    assert not set(FORBIDDEN) & set(name.removesuffix(".csv"))
    assert safe_file_part("\x00\x1fTab\tund\nZeile. ") == "Tab und Zeile"


def test_long_titles_are_shortened_at_a_word() -> None:
    title = "Open-Data-Netzwerktreffen der Kommunen in Nordrhein-Westfalen und Niedersachsen mit Gästen aus Hessen"
    name = export_file_name("Anwesenheitsliste", title, ".xlsx", date(2021, 12, 2))
    stem = name.removesuffix(".xlsx")
    short = stem.removeprefix("2021-12-02 Anwesenheitsliste ")
    assert len(short) <= TITLE_LIMIT and title.startswith(short) and title[len(short)] == " "
    assert len(export_file_name("X" * 300, "Y" * 300, ".pdf")) <= MAX_STEM + len(".pdf")


def test_reserved_device_names_and_empty_names() -> None:
    assert safe_file_part("CON") == "CON_"
    assert safe_file_part("nul.txt") == "nul_.txt"
    assert safe_file_part("Конференция") == "Конференция"
    assert safe_file_part(" ... ", fallback="Person") == "Person"
    assert export_file_name("", "", ".txt") == "Export.txt"
    assert safe_file_part("A\u0308rger") == "Ärger"  # composed, as Windows shows it


def test_unique_names_compare_like_windows() -> None:
    taken: set[str] = set()
    assert [unique_file_name(s, ".pdf", taken) for s in ("Weiß Jan", "weiß jan", "Weiß Jan")] == \
        ["Weiß Jan.pdf", "weiß jan (2).pdf", "Weiß Jan (3).pdf"]


@given(st.text(max_size=300), st.text(max_size=300))
def test_every_name_is_safe(kind: str, title: str) -> None:
    name = export_file_name(kind, title, ".xlsx", date(2021, 12, 2))
    stem = name.removesuffix(".xlsx")
    assert stem and len(stem) <= MAX_STEM
    assert not any(c in FORBIDDEN or ord(c) < 32 for c in stem)
    assert stem == stem.strip(" .")


@pytest.mark.parametrize("title", ["Treffen: Teil 1/2", "a" * 61])
def test_the_title_never_breaks_the_date_prefix(title: str) -> None:
    assert export_file_name("Absage", title, ".ics", date(2021, 12, 2)).startswith("2021-12-02 Absage ")
