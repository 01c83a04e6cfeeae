"""The printed list (PDF read back with pypdf) as a German list: the title in its own column, name particles after
the first name and sorted under the name, and the signature column only where people sign."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from odn_desktop.domain.names import person_sort_key
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.attendance_sheet import AttendanceSheet
from odn_desktop.exchange.export_records import EventInfo, Participant, RegistrationCounts
from odn_desktop.ui.pdf import participant_list as printing

PEOPLE = [("Vogel", "Jan", ""), ("von der Heide", "Anna", ""), ("Arslan", "Dr. Nils", ""), ("Hansen", "Ole", ""),
          ("Özdemir", "Elif", "Prof. Dr."), ("Otto", "Zoe", "")]


def sheet(fmt: str) -> AttendanceSheet:
    label, venue = {"online": ("Online", "Online per Zoom"), "in_person": ("Präsenz", "Rathaus Moers"),
                    "hybrid": ("Hybrid", "Rathaus Moers und Zoom")}[fmt]
    event = EventInfo(id=uuid.uuid4(), title="Open-Data-Netzwerktreffen",
                      starts_at=datetime(2021, 12, 2, 10, tzinfo=BERLIN),
                      ends_at=datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN), ics_uid="x@odn-desktop",
                      format=fmt, format_label=label, venue=venue)
    people = sorted((Participant(uuid.UUID(int=n), last, first, academic_title=title, organisation="Stadt Moers")
                     for n, (last, first, title) in enumerate(PEOPLE)),
                    key=lambda p: person_sort_key(p.last_name, p.first_name))
    return AttendanceSheet(event=event, participants=people, counts=RegistrationCounts(len(people)),
                           generated_at=datetime(2021, 12, 1, 15, tzinfo=UTC), blank_rows=2)


def text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize(("fmt", "signed"), [("online", False), ("in_person", True), ("hybrid", True)])
def test_the_signature_column_follows_the_format(qtbot: QtBot, tmp_path: Path, fmt: str, signed: bool) -> None:
    path = tmp_path / f"Liste {fmt}.pdf"
    printing.save_participant_list_pdf(sheet(fmt), path)
    printed = text(path)
    assert ("Unterschrift" in printed) == signed
    assert ("Anwesend" in printed) == signed
    header = r"Nr\. Nachname Vorname Titel Organisation/ ?Kommune" + (r" Anwesend / Unterschrift" if signed else "")
    assert re.search(header + r" 1 Arslan", printed), printed[:400]


def test_titles_apart_and_particles_after_the_first_name(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "Liste.pdf"
    printing.save_participant_list_pdf(sheet("online"), path)
    printed = text(path)
    table = printed.split("Organisation/Kommune", 1)[1]
    rows = re.findall(r"(\d) (\S+) (.+?) Stadt Moers", table)
    assert rows == [("1", "Arslan", "Nils Dr."), ("2", "Hansen", "Ole"), ("3", "Heide", "Anna von der"),
                    ("4", "Otto", "Zoe"), ("5", "Özdemir", "Elif Prof. Dr."), ("6", "Vogel", "Jan")]
    assert "Dr. Nils" not in printed
