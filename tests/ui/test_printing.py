"""The printed participant list: PDF read back with pypdf, and the print preview wired to the same painting."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.attendance_sheet import AttendanceSheet
from odn_desktop.exchange.export_records import EventInfo, Participant, RegistrationCounts
from odn_desktop.ui.dialogs import print_preview
from odn_desktop.ui.pdf import participant_list as printing

LAST = ("Becker", "Groß", "Schäfer", "Yılmaz", "Özdemir", "Müller", "Krüger", "Çelik", "Dąbrowski", "Äbersold",
        "Zimmermann", "Hübner", "Straße", "Köhler")
FIRST = ("Anna", "Jürgen", "Katrin", "Mehmet", "Sophie", "Özlem", "Rüdiger", "Elif")
LONG = "von und zu Hohenstein-Wolkenburg-Katzenelnbogen-Schaumburg"


def _sheet(n: int, **kwargs: Any) -> AttendanceSheet:
    """``n`` people at the meeting in the town hall (an in-person list: with the signature column)."""
    event = EventInfo(id=uuid.uuid4(), title="Open-Data-Netzwerktreffen",
                      starts_at=datetime(2021, 12, 2, 10, tzinfo=BERLIN), ends_at=datetime(2021, 12, 2, 11, 30,
                                                                                          tzinfo=BERLIN),
                      ics_uid="x@odn-desktop", series="Open Data in Kommunen – Netzwerktreffen",
                      format="in_person", format_label="Präsenz", venue="Rathaus Moers",
                      hosts=("Deutsches Institut für Urbanistik gGmbH (Difu)",))
    people = [
        Participant(uuid.UUID(int=i), LONG if i % 41 == 7 else LAST[i % len(LAST)], FIRST[i % len(FIRST)],
                    email=f"p{i}@kommune.example",
                    organisation="Landeshauptstadt Düsseldorf, Amt für Statistik und Wahlen" if i % 3 == 0
                    else "Stadt Moers")
        for i in range(n)
    ]
    return AttendanceSheet(event=event, participants=people, counts=RegistrationCounts(n, 0, 0, 0),
                           generated_at=datetime(2021, 12, 1, 15, tzinfo=UTC), **kwargs)


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]  # Qt spaces come as tabs


def test_pdf_for_300_people(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "Teilnehmende ä.pdf"
    pages_painted = printing.save_participant_list_pdf(_sheet(300, blank_rows=5), path)
    pages = _pages(path)
    assert len(pages) == pages_painted
    assert 5 < len(pages) < 40, f"{len(pages)} pages for 300 people"
    for number, text in enumerate(pages, start=1):
        assert re.search(r"Nr\. Nachname Vorname Organisation/ ?Kommune Anwesend / Unterschrift", text), number
        assert f"Seite {number} von {len(pages)}" in text
        assert "Open-Data-Netzwerktreffen" in text
    assert "Donnerstag, 2. Dezember 2021, 10:00–11:30 Uhr" in pages[0]
    everything = " ".join(pages)
    for name in ("Groß", "Schäfer", "Yılmaz", "Özdemir", "Dąbrowski", "Äbersold", "Jürgen", "Düsseldorf"):
        assert name in everything
    assert "Hohenstein-" in everything and "Katzenelnbogen" in everything  # long names wrap, not cut


def test_no_row_is_split_across_pages(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "liste.pdf"
    printing.save_participant_list_pdf(_sheet(300), path)
    seen: list[int] = []
    for text in _pages(path):
        body = text.split("Anwesend / Unterschrift", 1)[1].split("Open-Data-Netzwerktreffen Seite")[0]
        # each row starts with its number followed by a last name
        seen += [int(n) for n in re.findall(r"(?:^| )(\d{1,3}) (?=[A-ZÄÖÜÇvD])", body)]
    assert seen == list(range(1, 301))


def test_landscape_when_the_sheet_is(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "breit.pdf"
    printing.save_participant_list_pdf(_sheet(20, columns=("role", "email", "round")), path)
    box = PdfReader(path).pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert "E-Mail" in _pages(path)[0]


def test_an_empty_list_still_prints_the_header(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "leer.pdf"
    assert printing.save_participant_list_pdf(_sheet(0, blank_rows=3), path) == 1
    assert "Nachname" in _pages(path)[0]


def test_print_preview_paints_the_same_list(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        shown.append(dialog.windowTitle())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "vorschau.pdf"))
        printer.setPageLayout(printing.page_layout("portrait"))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(print_preview, "exec_dialog", fake_exec)
    sheet = _sheet(80)
    action = print_preview.make_print_action(None, lambda: sheet)
    action.trigger()
    assert shown == ["Teilnehmendenliste drucken"]
    pages = _pages(tmp_path / "vorschau.pdf")
    assert len(pages) > 1 and all("Nachname" in p for p in pages)

    shown.clear()
    print_preview.make_print_action(None, lambda: None).trigger()  # nothing to print: no dialog
    assert shown == []
