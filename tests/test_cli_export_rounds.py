"""``odn-desktop export attendance --per-round``: one worksheet per parallel round."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from odn_desktop.cli import main
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.services.round_views import create_round, register_in_round
from odn_desktop.store.database import transaction
from odn_desktop.store.open import open_database

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)


def test_export_attendance_per_round(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    database = open_database(db_path)
    try:
        with transaction(database.sessions) as s:
            event_id = create_event(s, title="Treffen mit Runden", starts_at=START,
                                    ends_at=START + timedelta(hours=2)).id
            rounds = [create_round(s, event_id, title=t).round_id for t in ("Haushalt", "Geodaten")]
            for n, round_id in enumerate((rounds[0], rounds[1], rounds[0])):
                person = ContactInput(email=f"p{n}@kommune.example", first_name="Anna", last_name=f"Name{n}")
                register_in_round(s, event_id, person, round_id=round_id, now=START - timedelta(days=5))
    finally:
        database.close()
    target = tmp_path / "Anwesenheit.xlsx"
    code = main(["--db", str(db_path), "export", "attendance", "--event", "2031-12-02", "-o", str(target),
                 "--per-round"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "eine Tabelle je Runde, 2 Tabellen" in out
    book = load_workbook(target)
    assert book.sheetnames == ["Haushalt", "Geodaten", "Zahlen"]
    assert book["Haushalt"].cell(2, 1).value == "Runde: Haushalt"
