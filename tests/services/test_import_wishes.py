"""The wish and level columns of a registration file: mapped automatically, written as topic wishes (source "form")
and registration levels, idempotent on a second import, taken back by the import's undo."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.registration_import import detect_mapping, level_value, read_registration_table
from odn_desktop.services import registration_import as svc
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, find_or_create_series
from odn_desktop.services.import_undo import undo_import
from odn_desktop.services.registrations import register
from odn_desktop.services.wish_rows import list_wish_groups
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Registration
from odn_desktop.store.open import Database
from odn_desktop.store.wish_models import TopicWish

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
NOW = datetime(2021, 11, 25, 12, 0, tzinfo=UTC)
HEADER = ["Vorname", "Nachname", "E-Mail-Adresse", "Organisation", "Einsteiger:innen / Fortgeschrittene",
          "Welche Themen wünschen Sie sich für die nächsten Treffen?"]


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


@pytest.fixture
def event_id(db: Database) -> uuid.UUID:
    with transaction(db.sessions) as s:
        series = find_or_create_series(s, "Open Data in Kommunen")
        return create_event(s, title="Auftakt", starts_at=START, ends_at=START + timedelta(minutes=90),
                            series_id=series.id).id


@pytest.mark.parametrize(
    "header",
    ["Themenwünsche", "Welche Themen wünschen Sie sich?", "Themenwunsch", "Ihre Themenvorschläge",
     "Welche Themen wünschen Sie sich für künftige Treffen?"],
)
def test_survey_wish_columns_are_mapped_to_the_wish(header: str) -> None:
    table = read_registration_table(csv_bytes(["Name", "E-Mail", header], [["Anna Becker", "a@b.example", "CKAN"]]))
    assert detect_mapping(table) == ("full_name", "email", "wish")


@pytest.mark.parametrize(
    ("header", "value", "field"),
    [
        ("Einsteiger:innen / Fortgeschrittene", "Einsteiger:in", "level"),
        ("Kenntnisstand", "Fortgeschritten", "level"),
        ("Erfahrung mit Open Data", "Fortgeschrittene", "level"),
        ("Erfahrung mit Open Data", "keine", "experience_level"),  # not a level: the contact's experience
    ],
)
def test_level_columns(header: str, value: str, field: str) -> None:
    table = read_registration_table(csv_bytes(["Name", "E-Mail", header], [["Anna Becker", "a@b.example", value]]))
    assert detect_mapping(table)[2] == field


def test_level_values_are_normalised() -> None:
    assert [level_value(v) for v in ("Einsteiger:in", "anfänger", " Fortgeschritten ", "Expertin", "mittel")] == [
        "Einsteiger:innen", "Einsteiger:innen", "Fortgeschrittene", "Fortgeschrittene", "mittel"]


def import_bytes(db: Database, event_id: uuid.UUID, tmp_path: Path, data: bytes) -> svc.RegistrationImportReport:
    path = tmp_path / "umfrage.csv"
    path.write_bytes(data)
    with transaction(db.sessions) as s:
        return svc.import_registrations_file(s, event_id, path, now=NOW)


def wishes(db: Database) -> list[tuple[str, str, str]]:
    with transaction(db.sessions) as s:
        return sorted((w.contact.email, w.text, w.source) for w in s.scalars(
            select(TopicWish).where(TopicWish.deleted_at.is_(None))) if w.contact is not None)


def test_import_writes_wishes_levels_and_groups_and_a_second_import_adds_nothing(
        db: Database, event_id: uuid.UUID, tmp_path: Path) -> None:
    with transaction(db.sessions) as s:  # already registered before the file comes in: gets the wish and level
        register(s, event_id, ContactInput(email="c@kreis.example", first_name="Carla", last_name="Cohn"))
    data = csv_bytes(HEADER, [
        ["Anna", "Becker", "a@stadt.example", "Stadt Moers", "Einsteiger:in", "Haushaltsdaten veröffentlichen"],
        ["Bernd", "Alt", "b@stadt.example", "Kreis Wesel", "Fortgeschritten", "Veröffentlichung von Haushaltsdaten"],
        ["Carla", "Cohn", "c@kreis.example", "Kreis Kleve", "Fortgeschrittene", "Lizenzen"],
        ["Dora", "Dix", "d@stadt.example", "Stadt Bonn", "", ""],
        ["Anna", "Becker", "A@stadt.example", "", "", "Geodaten"],  # a second row: her second wish is kept
    ])
    report = import_bytes(db, event_id, tmp_path, data)
    assert report.created == 3 and report.updated == 1
    assert "Themenwünsche übernommen: 4 (Seite „Themenwünsche“; dabei 3 neue Gruppen)." in report.notes
    expected = [("a@stadt.example", "Geodaten", "form"),
                ("a@stadt.example", "Haushaltsdaten veröffentlichen", "form"),
                ("b@stadt.example", "Veröffentlichung von Haushaltsdaten", "form"),
                ("c@kreis.example", "Lizenzen", "form")]
    assert wishes(db) == expected
    with transaction(db.sessions) as s:
        levels = {r.contact.email: r.level for r in s.scalars(select(Registration))}
        groups = list_wish_groups(s)
    assert levels == {"a@stadt.example": "Einsteiger:innen", "b@stadt.example": "Fortgeschrittene",
                      "c@kreis.example": "Fortgeschrittene", "d@stadt.example": ""}
    assert [(g.title, g.count, g.organisations) for g in groups] == [
        ("Haushaltsdaten veröffentlichen", 2, ("Kreis Wesel", "Stadt Moers")), ("Geodaten", 1, ("Stadt Moers",)),
        ("Lizenzen", 1, ("Kreis Kleve",))]
    again = import_bytes(db, event_id, tmp_path, data)
    assert again.created == 0 and not any("Themenwünsche" in n for n in again.notes)
    assert wishes(db) == expected


def test_undo_of_the_import_takes_the_wishes_groups_and_levels_back(
        db: Database, event_id: uuid.UUID, tmp_path: Path) -> None:
    with transaction(db.sessions) as s:
        register(s, event_id, ContactInput(email="c@kreis.example", first_name="Carla", last_name="Cohn"))
    before = dump(db)
    report = import_bytes(db, event_id, tmp_path, csv_bytes(HEADER, [
        ["Anna", "Becker", "a@stadt.example", "Stadt Moers", "Einsteiger:in", "Haushaltsdaten veröffentlichen"],
        ["Carla", "Cohn", "c@kreis.example", "Kreis Kleve", "Fortgeschrittene", "Lizenzen"],
    ]))
    assert report.record is not None and report.record.new_wishes and report.record.completed_registrations
    with transaction(db.sessions) as s:
        undo_import(s, report.record)
    assert dump(db) == before  # nothing was synced: exactly as before (wishes, groups, the new contact, the level)


def dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.engine.connect() as conn:
        return {table: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {table}"))), key=repr)
                for table in ("contact", "registration", "topic_wish", "topic_group")}
