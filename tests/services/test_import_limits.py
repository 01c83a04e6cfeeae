"""Far too big import files: a German message, nothing read for minutes, nothing changed."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pytest
from openpyxl import Workbook

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange import import_limits
from odn_desktop.exchange.registration_import import read_registration_table
from odn_desktop.services import attendance_import
from odn_desktop.services import registration_import as svc
from odn_desktop.services.events import list_event_rows
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database


def _december(db: Database) -> uuid.UUID:
    with transaction(db.sessions) as s:
        return next(r.id for r in list_event_rows(s) if r.title == "Open-Data-Netzwerktreffen")


def _count(db: Database) -> int:
    with transaction(db.sessions) as s:
        return sum(r.registered + r.waiting + r.cancelled for r in list_event_rows(s))


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(demo_db: Database, tmp_path: Path) -> None:
    """A real 60 MB file (sparse: no disk space used) whose start looks like a registration list."""
    big = tmp_path / "Anmeldungen (falsche Datei).csv"
    with big.open("wb") as fh:
        fh.write(b"Vorname;Nachname;E-Mail\nAnna;Becker;anna@kiel.example\n")
        fh.truncate(60 * 1024 * 1024)
    event_id, before = _december(demo_db), _count(demo_db)
    with pytest.raises(UserError, match=r"mit 60 MB zu groß für einen Import \(höchstens 50 MB\)"):
        with transaction(demo_db.sessions) as s:
            svc.import_registrations_file(s, event_id, big)
    with pytest.raises(UserError, match="zu groß"):
        with transaction(demo_db.sessions) as s:
            attendance_import.import_attendance_file(s, event_id, big)
    assert _count(demo_db) == before


def test_a_csv_with_too_many_rows_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_limits, "MAX_IMPORT_ROWS", 10)
    lines = ["Vorname;Nachname;E-Mail"] + [f"A{i};B{i};a{i}@kiel.example" for i in range(10)]
    assert len(read_registration_table("\n".join(lines).encode()).rows) == 10  # at the limit: fine
    lines.append("A;B;zu.viel@kiel.example")
    with pytest.raises(UserError, match="mehr als 10 Zeilen"):
        read_registration_table("\n".join(lines).encode())


def test_an_excel_sheet_with_too_many_rows_is_refused_but_formatted_empty_rows_do_not_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(import_limits, "MAX_IMPORT_ROWS", 10)

    def workbook(rows: int, formatted_empty: int) -> bytes:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["Vorname", "Nachname", "E-Mail"])
        for i in range(rows):
            sheet.append([f"A{i}", f"B{i}", f"a{i}@kiel.example"])
        for r in range(rows + 2, rows + 2 + formatted_empty):  # as when a whole column was formatted in Excel
            sheet.cell(row=r, column=1).number_format = "@"
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    assert len(read_registration_table(workbook(10, 500)).rows) == 10
    with pytest.raises(UserError, match="mehr als 10 Zeilen"):
        read_registration_table(workbook(11, 0))
