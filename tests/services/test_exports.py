"""Exports over the demo database: the right people in German order, files read back, calendars follow changes."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import person_sort_key
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.attendance_sheet import names_of
from odn_desktop.exchange.ics_calendar import Organizer
from odn_desktop.services import exports
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import cancel_event, resolve_event, update_event
from odn_desktop.services.registrations import list_registration_rows, mark_attendance, register
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

HOSTILE = '=HYPERLINK("http://x","y")'
ORGANIZER = Organizer("Koordination Netzwerktreffen", "netzwerk@difu.example")
LINK = "https://zoom.example/j/4242"


def _december(session: Any) -> uuid.UUID:
    return resolve_event(session, "2021-12-02").id


def _vevent(data: bytes) -> tuple[Any, Any]:
    cal = Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    return cal, event


def test_participants_are_the_registered_people_in_german_order(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        event_id = _december(s)
        people = exports.participants(s, event_id)
        rows = list_registration_rows(s, event_id)
    registered = [r for r in rows if r.status == "registered"]
    assert len(people) == len(registered) == 28
    assert {p.registration_id for p in people} == {r.id for r in registered}
    keys = [person_sort_key(p.last_name, p.first_name) for p in people]
    assert keys == sorted(keys)
    assert all(p.status == "registered" for p in people)


def test_event_info_has_the_programme_with_derived_times_and_the_speakers(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        info = exports.event_info(s, _december(s))
    assert [(a.starts_at.astimezone(BERLIN).strftime("%H:%M"), a.title, a.speaker) for a in info.agenda] == [
        ("10:00", "Vernetzung der Teilnehmer:innen", ""),
        ("10:15", "Erfahrungen aus Moers", "Claus Arndt"),
        ("10:30", "Erfahrungen aus Düsseldorf", "Sabine Manz"),
        ("10:45", "Fragen und Diskussion", ""),
    ]
    assert [(sp.name, sp.organisation) for sp in info.speakers] == [
        ("Claus Arndt", "Stadt Moers"), ("Sabine Manz", "Landeshauptstadt Düsseldorf")]
    assert info.series == "Open Data in Kommunen – Netzwerktreffen"
    assert info.hosts == ("Deutsches Institut für Urbanistik gGmbH (Difu)", "Bertelsmann Stiftung")
    assert info.place == "Online per Zoom"


def test_attendance_sheet_file(demo_db: Database, tmp_path: Path) -> None:
    with transaction(demo_db.sessions) as s:
        event_id = _december(s)
        update_event(s, event_id, status="open")  # as before the meeting (the demo keeps it as held history)
        for person in exports.participants(s, event_id):  # nobody has attended yet
            mark_attendance(s, person.registration_id, False)
        register(s, event_id, ContactInput(email="mallory@example.org", first_name="Mallory", last_name=HOSTILE),
                 allow_late=True)
        first = exports.participants(s, event_id)[0]
        mark_attendance(s, first.registration_id, True, 80)
        result = exports.export_attendance_sheet(s, event_id, tmp_path / "liste.xlsx", blank_rows=2,
                                                 columns=("role", "email"))
        expected = [(names_of(p).last, p.email) for p in exports.participants(s, event_id)]
    assert result.count == 29 and "29 Personen" in result.message
    wb = load_workbook(tmp_path / "liste.xlsx")
    ws = wb["Anwesenheitsliste"]
    header_row = next(r for r in range(1, 20) if ws.cell(r, 2).value == "Nachname")
    header = [c.value for c in ws[header_row]]
    assert header[:5] == ["Nr.", "Nachname", "Vorname", "Titel", "Organisation/Kommune"]  # the demo has doctors
    assert "Anwesend / Unterschrift" not in header  # an online meeting: attendance from the Zoom report
    table = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=header_row + 1)]
    assert [(row[1], row[header.index("E-Mail")]) for row in table[:29]] == expected
    assert [row[0] for row in table] == list(range(1, 32))  # 29 people, then 2 numbered walk-in rows
    hostile = next(ws.cell(header_row + 1 + i, 2) for i, row in enumerate(table) if row[1] == HOSTILE)
    assert hostile.data_type == "s" and hostile.value == HOSTILE
    counts = dict(wb["Zahlen"].iter_rows(values_only=True))
    assert (counts["Angemeldet"], counts["Storniert"], counts["Teilgenommen"]) == (29, 3, 1)


def test_round_column_appears_by_default_only_when_rounds_are_used(demo_db: Database) -> None:
    from odn_desktop.store.models import Round

    with transaction(demo_db.sessions) as s:
        event_id = _december(s)
        update_event(s, event_id, status="open")  # as before the meeting (the demo keeps it as held history)
        assert exports.attendance_sheet(s, event_id).columns == ()
        rnd = Round(event_id=event_id, title="Runde Einsteiger:innen", capacity=20, position=1)
        s.add(rnd)
        s.flush()
        register(s, event_id, ContactInput(email="neu@kiel.example", first_name="Nele", last_name="Neu"),
                 allow_late=True, round_id=rnd.id)
        sheet = exports.attendance_sheet(s, event_id)
    assert sheet.columns == ("round",)
    assert [p.round for p in sheet.participants if p.last_name == "Neu"] == ["Runde Einsteiger:innen"]


def test_registrant_export_has_everyone_seat_holders_first(demo_db: Database, tmp_path: Path) -> None:
    with transaction(demo_db.sessions) as s:
        event_id = _december(s)
        result = exports.export_registrants(s, event_id, tmp_path / "alle.xlsx")
        cancelled = [r.id for r in list_registration_rows(s, event_id) if r.status == "cancelled"]
        selection = exports.export_registrants(s, event_id, tmp_path / "auswahl.xlsx", registration_ids=cancelled)
    assert (result.count, selection.count) == (31, 3)
    ws = load_workbook(tmp_path / "alle.xlsx")["Anmeldungen"]
    header = [c.value for c in ws[1]]
    statuses = [row[header.index("Status")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert statuses == ["Angemeldet"] * 28 + ["Storniert"] * 3
    assert ws.tables["Anmeldungen"].ref.endswith("32")
    ws2 = load_workbook(tmp_path / "auswahl.xlsx")["Anmeldungen"]
    ids = [row[header.index("Anmelde-ID")] for row in ws2.iter_rows(min_row=2, values_only=True)]
    assert sorted(ids) == sorted(str(i) for i in cancelled)


def test_calendar_uid_stays_sequence_rises_cancel_follows(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "treffen.ics"
    with transaction(demo_db.sessions) as s:
        event_id = _december(s)
        exports.export_event_calendar(s, event_id, path, organizer=ORGANIZER)
    cal, first = _vevent(path.read_bytes())
    assert cal["METHOD"] == "PUBLISH"
    start = first.decoded("DTSTART")
    assert (start.tzinfo.key, start.hour, start.utcoffset()) == ("Europe/Berlin", 10, timedelta(hours=1))
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"

    with transaction(demo_db.sessions) as s:  # an unrelated change: same sequence
        update_event(s, event_id, capacity=50)
        exports.export_event_calendar(s, event_id, path, organizer=ORGANIZER)
    assert _vevent(path.read_bytes())[1]["SEQUENCE"] == first["SEQUENCE"]

    with transaction(demo_db.sessions) as s:  # moved into summer time, with a link now
        update_event(s, event_id, starts_at=datetime(2022, 6, 9, 10, tzinfo=BERLIN),
                     ends_at=datetime(2022, 6, 9, 11, 30, tzinfo=BERLIN), registration_deadline=None)
        update_event(s, event_id, online_url=LINK)
        exports.export_event_calendar(s, event_id, path, organizer=ORGANIZER, with_link=True)
    _cal, moved = _vevent(path.read_bytes())
    assert moved["UID"] == first["UID"]
    assert moved["SEQUENCE"] == first["SEQUENCE"] + 2
    start = moved.decoded("DTSTART")
    assert (start.hour, start.utcoffset()) == (10, timedelta(hours=2))
    assert LINK in str(moved["LOCATION"])

    with transaction(demo_db.sessions) as s:
        cancel_event(s, event_id)
        exports.export_event_calendar(s, event_id, path, organizer=ORGANIZER)
    cal, cancelled = _vevent(path.read_bytes())
    assert cal["METHOD"] == "CANCEL"
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["UID"] == first["UID"]
    assert cancelled["SEQUENCE"] == moved["SEQUENCE"] + 1


def test_invitations_one_per_registered_person_then_cancellations(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "Einladungen"
    with transaction(demo_db.sessions) as s:
        event_id = _december(s)
        update_event(s, event_id, online_url=LINK)
        result = exports.export_invitations(s, event_id, folder, organizer=ORGANIZER)
        emails = {p.email for p in exports.participants(s, event_id)}
    assert result.count == 28 == len(list(folder.glob("*.ics")))
    seen = set()
    for file in result.files:
        cal, ev = _vevent(file.read_bytes())
        assert cal["METHOD"] == "REQUEST"
        assert ev["ATTENDEE"].params["RSVP"] == "TRUE"
        assert LINK in str(ev["LOCATION"]) and LINK in str(ev["DESCRIPTION"])
        seen.add(str(ev["ATTENDEE"]).removeprefix("mailto:"))
    assert seen == emails

    with transaction(demo_db.sessions) as s:
        cancel_event(s, event_id)
        again = exports.export_invitations(s, event_id, folder, organizer=ORGANIZER)
    assert [f.name for f in again.files] == [f.name for f in result.files]  # the same files, replaced
    for file in again.files:
        cal, ev = _vevent(file.read_bytes())
        assert (cal["METHOD"], ev["STATUS"]) == ("CANCEL", "CANCELLED")
    assert "Absagen" in again.message


def test_event_file_with_link_needs_a_link(demo_db: Database, tmp_path: Path) -> None:
    with transaction(demo_db.sessions) as s, pytest.raises(UserError, match="kein Zugangslink"):
        exports.export_event_calendar(s, _december(s), tmp_path / "x.ics", with_link=True, organizer=ORGANIZER)


def test_a_locked_target_is_reported_and_left_alone(demo_db: Database, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from odn_desktop.exchange import atomic_write

    (tmp_path / "export").mkdir()
    target = tmp_path / "export" / "liste.xlsx"
    target.write_bytes(b"die alte Liste")

    def locked(*_args: object) -> None:
        raise PermissionError(13, "Zugriff verweigert")

    monkeypatch.setattr(atomic_write.os, "replace", locked)
    with transaction(demo_db.sessions) as s, pytest.raises(UserError) as err:
        exports.export_attendance_sheet(s, _december(s), target)
    assert "ist geöffnet (z. B. in Excel). Bitte schließen Sie sie und versuchen Sie es erneut." in err.value.message
    assert target.read_bytes() == b"die alte Liste"
    assert [p.name for p in target.parent.iterdir()] == ["liste.xlsx"]


def test_invites_into_a_file_path_is_a_user_error(demo_db: Database, tmp_path: Path) -> None:
    (tmp_path / "datei").write_text("x")
    with transaction(demo_db.sessions) as s, pytest.raises(UserError, match="ist eine Datei"):
        exports.export_invitations(s, _december(s), tmp_path / "datei", organizer=ORGANIZER)
