"""The attendance sheet as a German list: titles in their own column, DIN 5007-2 order with name particles, and
the signature column only where people sign (in person, hybrid), read back with openpyxl."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from export_samples import december_event, person
from openpyxl import load_workbook

from odn_desktop.domain.names import person_sort_key
from odn_desktop.exchange.attendance_sheet import SIGNATURE_HEADER, AttendanceSheet, save_attendance_sheet
from odn_desktop.exchange.export_records import Participant, RegistrationCounts
from odn_desktop.exchange.registrant_export import save_registrant_export

GENERATED = datetime(2021, 12, 1, 15, 5, tzinfo=UTC)
FORMATS = {"online": ("Online", "Online per Zoom"), "in_person": ("Präsenz", "Rathaus Moers"),
           "hybrid": ("Hybrid", "Rathaus Moers und Zoom")}


def people() -> list[Participant]:
    unsorted = [
        person("Vogel", "Jan", 1),
        person("von der Heide", "Anna", 2),
        person("Arslan", "Dr. Nils", 3),  # the title typed into the first name
        person("Özdemir", "Elif", 4, academic_title="Prof. Dr."),
        person("Hansen", "Ole", 5),
        person("de Vries", "Lotte", 6),
        person("Otto", "Zoe", 7),
    ]
    return sorted(unsorted, key=lambda p: person_sort_key(p.last_name, p.first_name))  # as services.exports


def table(path: Path) -> list[tuple[Any, ...]]:
    ws = load_workbook(path)["Anwesenheitsliste"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    header = next(i for i, row in enumerate(rows) if row[0] == "Nr.")
    return rows[header:]


def save(tmp_path: Path, fmt: str = "online", participants: list[Participant] | None = None, **kwargs: Any) -> Path:
    label, venue = FORMATS[fmt]
    event = december_event(format=fmt, format_label=label, venue=venue)
    listed = people() if participants is None else participants
    path = tmp_path / f"Anwesenheitsliste {fmt}.xlsx"
    save_attendance_sheet(AttendanceSheet(event=event, participants=listed, counts=RegistrationCounts(len(listed)),
                                          generated_at=GENERATED, **kwargs), path)
    return path


def test_titles_have_their_own_column_and_particles_follow_the_first_name(tmp_path: Path) -> None:
    rows = table(save(tmp_path))
    assert rows[0] == ("Nr.", "Nachname", "Vorname", "Titel", "Organisation/Kommune")
    assert [row[1:4] for row in rows[1:]] == [
        ("Arslan", "Nils", "Dr."),  # never "Dr. Nils" in the first-name column
        ("Hansen", "Ole", None),
        ("Heide", "Anna von der", None),  # "von der Heide" under H: "Heide, Anna von der"
        ("Otto", "Zoe", None),
        ("Özdemir", "Elif", "Prof. Dr."),  # Ö as O, after "Ot"
        ("Vogel", "Jan", None),
        ("Vries", "Lotte de", None),  # "de Vries" under V, after "Vogel"
    ]


def test_no_title_column_when_nobody_has_a_title(tmp_path: Path) -> None:
    plain = [person("Becker", "Anna", 1), person("Kaya", "Jan", 2)]
    assert table(save(tmp_path, participants=plain))[0] == ("Nr.", "Nachname", "Vorname", "Organisation/Kommune")


@pytest.mark.parametrize(("fmt", "signed"), [("online", False), ("in_person", True), ("hybrid", True)])
def test_the_signature_column_follows_the_format(tmp_path: Path, fmt: str, signed: bool) -> None:
    rows = table(save(tmp_path, fmt, columns=("email",), blank_rows=2))
    header = rows[0]
    assert (SIGNATURE_HEADER in header) == signed
    assert not any("Unterschrift" in str(cell) for cell in header) or signed
    assert header[-1] == (SIGNATURE_HEADER if signed else "E-Mail")
    assert [row[0] for row in rows[1:]] == list(range(1, 10))  # 7 people, 2 numbered rows for walk-ins


def test_the_online_list_gives_the_page_width_to_long_texts(tmp_path: Path) -> None:
    listed = [*people(), person("Kaya", "Jan", 8, role="Beauftragte für Digitalisierung")]
    online = load_workbook(save(tmp_path, "online", listed, columns=("role",)))["Anwesenheitsliste"]
    signed = load_workbook(save(tmp_path, "in_person", listed, columns=("role",)))["Anwesenheitsliste"]
    assert online.max_column == signed.max_column - 1
    assert online.page_setup.orientation == signed.page_setup.orientation == "portrait"
    # the long role fits on one line where nobody signs; with the signature column it wraps
    role_online = next(c for c in online["F"] if c.value and str(c.value).startswith("Beauftragte"))
    role_signed = next(c for c in signed["F"] if c.value and str(c.value).startswith("Beauftragte"))
    assert online.column_dimensions["F"].width > signed.column_dimensions["F"].width
    assert not role_online.alignment.wrap_text and role_signed.alignment.wrap_text
    assert online.column_dimensions["E"].width >= signed.column_dimensions["E"].width  # Organisation/Kommune


def test_the_registrant_export_moves_a_typed_title_to_its_column(tmp_path: Path) -> None:
    path = tmp_path / "Anmeldungen.xlsx"
    save_registrant_export(december_event(), people(), path, GENERATED)
    ws = load_workbook(path)["Anmeldungen"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    header = rows[0]
    last, first, title = (header.index(h) for h in ("Nachname", "Vorname", "Titel"))
    got = {row[last]: (row[first], row[title]) for row in rows[1:]}
    assert got["Arslan"] == ("Nils", "Dr.")
    assert got["Özdemir"] == ("Elif", "Prof. Dr.")
    assert got["von der Heide"] == ("Anna", None)  # the data as stored: the particle stays in the last name
    assert [row[last] for row in rows[1:]] == ["Arslan", "Hansen", "von der Heide", "Otto", "Özdemir", "Vogel",
                                              "de Vries"]
