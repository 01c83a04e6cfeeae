"""The window's tables order people as the lists do (DIN 5007-2, ``person_sort_key``): "von der Heide" under H,
titles ignored, umlauts with their base letters; sorted by their own table models, not the service's order."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from odn_desktop.domain.timezone import utcnow
from odn_desktop.services import exports
from odn_desktop.services.contact_directory import list_contact_rows
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.services.registrations import list_registration_rows, register
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.editors.person_forms import name_column
from odn_desktop.ui.models.registrations_columns import Column, registration_columns
from odn_desktop.ui.models.snapshot_model import SnapshotTableModel

PEOPLE = [("Vogel", "Jan", ""), ("von der Heide", "Anna", ""), ("Arslan", "Dr. Nils", ""), ("Hansen", "Ole", ""),
          ("Özdemir", "Elif", "Prof. Dr."), ("Otto", "Zoe", ""), ("de Vries", "Lotte", ""), ("Arslan", "Ayla", "")]
BY_DIN = ["Arslan", "Arslan", "Hansen", "von der Heide", "Otto", "Özdemir", "Vogel", "de Vries"]


def event_with_people(db: Database) -> Any:
    with transaction(db.sessions) as s:
        start = utcnow() + timedelta(days=30)
        event = create_event(s, title="Netzwerktreffen", starts_at=start, ends_at=start + timedelta(hours=2),
                             format="in_person", venue="Rathaus Moers")
        for n, (last, first, title) in enumerate(PEOPLE):
            register(s, event.id, ContactInput(email=f"p{n}@kommune.example", last_name=last, first_name=first,
                                               academic_title=title))
        return event.id


def column(model: SnapshotTableModel[Any], col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_the_registrations_table_sorts_by_the_name_without_particles(qapp: Any, db: Database) -> None:
    event_id = event_with_people(db)
    with transaction(db.sessions) as s:
        rows = list_registration_rows(s, event_id)
    model: SnapshotTableModel[Any] = SnapshotTableModel(registration_columns())
    model.set_rows(reversed(rows))
    model.sort(Column.LAST_NAME, Qt.SortOrder.AscendingOrder)
    assert column(model, Column.LAST_NAME) == BY_DIN
    assert column(model, Column.FIRST_NAME)[:2] == ["Ayla", "Dr. Nils"]  # "Nils", not "Dr.", after "Ayla"
    model.sort(Column.LAST_NAME, Qt.SortOrder.DescendingOrder)
    assert column(model, Column.LAST_NAME) == BY_DIN[::-1]


def test_name_columns_show_and_sort_as_a_directory(qapp: Any, db: Database) -> None:
    event_with_people(db)
    with transaction(db.sessions) as s:
        rows = list_contact_rows(s)
    model: SnapshotTableModel[Any] = SnapshotTableModel([name_column("Name")])
    model.set_rows(reversed(rows))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert column(model, 0) == ["Arslan, Ayla", "Arslan, Dr. Nils", "Hansen, Ole", "Heide, Anna von der",
                                "Otto, Zoe", "Özdemir, Prof. Dr. Elif", "Vogel, Jan", "Vries, Lotte de"]


def test_the_sheet_and_the_service_use_the_same_order(db: Database, tmp_path: Path) -> None:
    event_id = event_with_people(db)
    with transaction(db.sessions) as s:
        assert [p.last_name for p in exports.participants(s, event_id)] == BY_DIN
        exports.export_attendance_sheet(s, event_id, tmp_path / "Liste.xlsx")
    rows = [tuple(c.value for c in r) for r in load_workbook(tmp_path / "Liste.xlsx")["Anwesenheitsliste"].iter_rows()]
    at = next(i for i, row in enumerate(rows) if row[0] == "Nr.")
    assert rows[at] == ("Nr.", "Nachname", "Vorname", "Titel", "Organisation/Kommune", "Anwesend / Unterschrift")
    assert [row[1:4] for row in rows[at + 1:]] == [
        ("Arslan", "Ayla", None), ("Arslan", "Nils", "Dr."), ("Hansen", "Ole", None), ("Heide", "Anna von der", None),
        ("Otto", "Zoe", None), ("Özdemir", "Elif", "Prof. Dr."), ("Vogel", "Jan", None), ("Vries", "Lotte de", None)]
