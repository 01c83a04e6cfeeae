"""The room plan of a real event: registered people only, speakers and hosts recognised, rounds, and the Zoom file
read back with the csv module."""

from __future__ import annotations

import csv
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.room_plan import StaffMode
from odn_desktop.domain.timezone import utcnow
from odn_desktop.exchange.room_plan_csv import HEADER
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.registrations import cancel, register
from odn_desktop.services.room_plan import (
    HOST_LABEL,
    SPEAKER_LABEL,
    export_room_plan,
    host_keys,
    room_people,
    room_plan,
)
from odn_desktop.services.rounds import add_round
from odn_desktop.services.speakers import add_speaker_to_event, create_speaker
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

TOWNS = ["Kiel", "Münster", "Ulm", "Jena", "Bonn", "Trier", "Gießen"]


def person(i: int, town: str, **extra: str) -> ContactInput:
    values = {"email": f"person{i}@{town.lower()}.example", "first_name": f"Vorname{i}", "last_name": f"Name{i}",
              "organisation": f"Stadt {town}", "municipality": town, **extra}
    return ContactInput(**values)


def read_back(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM: Zoom compares the header literally
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@pytest.fixture
def event_id(db: Database) -> uuid.UUID:
    """20 seats, 22 people from 7 towns and 3 more on the waiting list; 2 cancel and the first two waiting move up:
    20 registered, 3 waiting, 2 cancelled."""
    starts = (utcnow() + timedelta(days=20)).replace(microsecond=0)
    with transaction(db.sessions) as s:
        event = create_event(s, title="Netzwerktreffen", starts_at=starts, ends_at=starts + timedelta(hours=2),
                             capacity=20, hosts="Deutsches Institut für Urbanistik gGmbH (Difu)\nBertelsmann Stiftung")
        ids = [register(s, event.id, person(i, TOWNS[i % len(TOWNS)])).registration.id for i in range(22)]
        for i in (30, 31, 32):
            assert register(s, event.id, person(i, "Wartestadt")).status == "waiting"
        for reg_id in ids[:2]:  # two cancel; two from the waiting list move up
            cancel(s, reg_id)
        return event.id


def test_only_registered_people_are_placed(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        people = room_people(s, event_id)
        view = room_plan(s, event_id)
    registered = _statuses(db, event_id)
    assert sorted(p.key for p in people.people) == sorted(k for k, st in registered.items() if st == "registered")
    assert len(view.rows) == 20 and len(view.plan.rooms) == 5
    assert {r.id for r in view.rows} == {k for k, st in registered.items() if st == "registered"}
    assert view.left_out == ()


def _statuses(db: Database, event_id: uuid.UUID) -> dict[str, str]:
    from sqlalchemy import select

    from odn_desktop.store.models import Registration

    with transaction(db.sessions) as s:
        return {str(i): st for i, st in s.execute(select(Registration.id, Registration.status)
                                                   .where(Registration.event_id == event_id))}


def test_the_zoom_file_reads_back_with_one_row_per_registered_person(db: Database, event_id: uuid.UUID,
                                                                      tmp_path: Path) -> None:
    target = tmp_path / "Räume Dezember.csv"
    with transaction(db.sessions) as s:
        view, result = export_room_plan(s, event_id, target, size=4, seed=3)
        emails = _emails(s, event_id)
    rows = read_back(target)
    assert tuple(rows[0]) == HEADER == ("Pre-assign Room Name", "Email Address")
    assert target.read_bytes().startswith(b"Pre-assign Room Name,Email Address\r\n")
    body = rows[1:]
    assert sorted(email for _room, email in body) == sorted(emails["registered"])
    assert not set(emails["waiting"]) & {email for _room, email in body}  # nobody from the waiting list
    assert not set(emails["cancelled"]) & {email for _room, email in body}
    rooms = {room for room, _email in body}
    assert rooms == {f"Raum {n}" for n in range(1, 6)}
    assert sorted(sum(1 for room, _ in body if room == name) for name in rooms) == [4, 4, 4, 4, 4]
    assert [(r.room, r.email) for r in view.rows] == [tuple(row) for row in body]
    assert result.count == 20 and "20 Personen in 5 Räumen" in result.message


def _emails(s: Session, event_id: uuid.UUID) -> dict[str, list[str]]:
    from sqlalchemy import select

    from odn_desktop.store.models import Contact, Registration

    found: dict[str, list[str]] = {"registered": [], "waiting": [], "cancelled": []}
    for email, status in s.execute(select(Contact.email, Registration.status)
                                   .join(Registration, Registration.contact_id == Contact.id)
                                   .where(Registration.event_id == event_id)):
        found[status].append(email)
    assert (len(found["registered"]), len(found["waiting"]), len(found["cancelled"])) == (20, 3, 2)
    return found


def test_the_same_seed_writes_the_same_file_and_another_seed_another(db: Database, event_id: uuid.UUID,
                                                                     tmp_path: Path) -> None:
    with transaction(db.sessions) as s:
        for name, seed in (("a.csv", 5), ("b.csv", 5), ("c.csv", 6)):
            export_room_plan(s, event_id, tmp_path / name, seed=seed)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.csv").read_bytes() != (tmp_path / "c.csv").read_bytes()


def test_speakers_and_hosts_are_recognised_and_spread_or_left_out(db: Database, event_id: uuid.UUID) -> None:
    with transaction(db.sessions) as s:
        registered = create_speaker(s, first_name="Claus", last_name="Arndt", organisation="Stadt Moers",
                                    email="Person3@Jena.example ")  # registered as person 3, other spelling
        unregistered = create_speaker(s, first_name="Sabine", last_name="Manz", email="sabine.manz@duesseldorf.example",
                                      organisation="Landeshauptstadt Düsseldorf")
        silent = create_speaker(s, first_name="Ohne", last_name="Adresse")
        for speaker in (registered, unregistered, silent):
            add_speaker_to_event(s, event_id, speaker.id)
        register(s, event_id, person(40, "Berlin", organisation="Difu"), force=True)
        register(s, event_id, person(41, "Gütersloh", organisation="Bertelsmann-Stiftung"), force=True)
        spread = room_plan(s, event_id, staff=StaffMode.SPREAD)
        left = room_plan(s, event_id, staff=StaffMode.LEAVE_OUT)
    roles = {r.email: r.role for r in spread.rows}
    assert roles["person3@jena.example"] == SPEAKER_LABEL
    assert roles["sabine.manz@duesseldorf.example"] == SPEAKER_LABEL  # added: she is in the meeting
    assert roles["person40@berlin.example"] == roles["person41@gütersloh.example"] == HOST_LABEL
    assert len(spread.rows) == 23 and len(spread.plan.rooms) == 6
    staff_per_room = [sum(1 for r in spread.rows if r.room_number == n and r.role) for n in range(1, 7)]
    assert staff_per_room == [1, 1, 1, 1, 0, 0]
    assert {r.email for r in left.left_out} == {"person3@jena.example", "person40@berlin.example",
                                                 "person41@gütersloh.example"}
    assert "sabine.manz@duesseldorf.example" not in {r.email for r in (*left.rows, *left.left_out)}
    assert len(left.rows) == 19
    assert "3 Referent:innen und Veranstaltende bleiben im Hauptraum" in left.summary()


def test_host_lines_match_the_organisation_with_or_without_its_abbreviation() -> None:
    keys = host_keys("Deutsches Institut für Urbanistik gGmbH (Difu)\n\nBertelsmann Stiftung\n")
    assert keys == {"deutsches institut fuer urbanistik ggmbh difu", "deutsches institut fuer urbanistik ggmbh",
                    "difu", "bertelsmann stiftung"}


def test_the_series_hosts_count_when_the_event_names_none(db: Database, event_id: uuid.UUID) -> None:
    from odn_desktop.services.events import create_series

    with transaction(db.sessions) as s:
        series = create_series(s, "Reihe", hosts="Stadt Kiel")
        update_event(s, event_id, series_id=series.id, hosts="")
        view = room_plan(s, event_id)
    assert {r.role for r in view.rows if r.organisation == "Stadt Kiel"} == {HOST_LABEL}


def test_by_round_one_room_per_round_named_as_the_round(db: Database, tmp_path: Path) -> None:
    starts = (utcnow() + timedelta(days=20)).replace(microsecond=0)
    with transaction(db.sessions) as s:
        event = create_event(s, title="Mit Runden", starts_at=starts, ends_at=starts + timedelta(hours=2),
                             rounds_optional=True)
        a = add_round(s, event.id, title="Offene Haushaltsdaten – Einstieg")
        b = add_round(s, event.id, title="Geodaten, Karten & „Apps“")
        for i in range(6):
            register(s, event.id, person(i, TOWNS[i]), round_id=(a.id, b.id)[i % 2])
        register(s, event.id, person(9, "Kiel"))  # no round: stays in the main room
        view, result = export_room_plan(s, event.id, tmp_path / "runden.csv", by_round=True)
    rows = read_back(tmp_path / "runden.csv")
    assert tuple(rows[0]) == HEADER
    assert sorted(room for room, _email in rows[1:]) == ["Geodaten, Karten & „Apps“"] * 3 + [
        "Offene Haushaltsdaten – Einstieg"] * 3
    assert [room.name for room in view.plan.rooms] == ["Offene Haushaltsdaten – Einstieg", "Geodaten, Karten & „Apps“"]
    assert [r.email for r in view.left_out] == ["person9@kiel.example"]
    assert "1 Person ohne Runde bleibt im Hauptraum" in view.summary()
    assert result.count == 6


def test_by_round_without_rounds_is_refused_in_german(db: Database, event_id: uuid.UUID, tmp_path: Path) -> None:
    with transaction(db.sessions) as s, pytest.raises(UserError, match="keine parallelen Runden"):
        export_room_plan(s, event_id, tmp_path / "x.csv", by_round=True)
    assert not (tmp_path / "x.csv").exists()
