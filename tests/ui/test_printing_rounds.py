"""The printed participant list with parallel rounds: a "Runde" column, or each round on pages of its own."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.attendance_sheet import AttendanceSheet
from odn_desktop.exchange.export_records import EventInfo, Participant, RegistrationCounts
from odn_desktop.ui.pdf import participant_list as printing

ROUNDS = ("Offene Haushaltsdaten", "Geodaten und Karten")


def _sheet(**kwargs: object) -> AttendanceSheet:
    event = EventInfo(id=uuid.uuid4(), title="Open-Data-Netzwerktreffen",
                      starts_at=datetime(2031, 12, 2, 10, tzinfo=BERLIN),
                      ends_at=datetime(2031, 12, 2, 11, 30, tzinfo=BERLIN), ics_uid="x@odn-desktop")
    people = [Participant(uuid.UUID(int=n), f"Haushalt{n:02d}", "Anna", round=ROUNDS[0]) for n in range(40)]
    people += [Participant(uuid.UUID(int=100 + n), f"Karte{n}", "Ole", round=ROUNDS[1]) for n in range(3)]
    return AttendanceSheet(event=event, participants=people, counts=RegistrationCounts(len(people), 0, 0, 0),
                           generated_at=datetime(2031, 12, 1, 15, tzinfo=UTC), columns=("round",), rounds=ROUNDS,
                           **kwargs)  # type: ignore[arg-type]


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_the_round_column_in_one_list(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "Liste.pdf"
    printing.save_participant_list_pdf(_sheet(), path)
    everything = " ".join(_pages(path))
    assert "Organisation/Kommune Runde 1 Haushalt00" in everything  # the header's last column (online: unsigned)
    assert "Karte2 Ole Geodaten und Karten" in everything
    assert "Runde: " not in everything


def test_each_round_on_its_own_pages(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "Liste je Runde.pdf"
    count = printing.save_participant_list_pdf(_sheet(per_round=True), path)
    pages = _pages(path)
    assert len(pages) == count >= 3  # 40 people need two pages, the second round starts a new one
    last = pages[-1]
    assert "Runde: Geodaten und Karten" in last and "Karte0" in last and "Haushalt" not in last
    assert "Runde: Offene Haushaltsdaten" in pages[0] and "Karte" not in " ".join(pages[:-1])
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text
