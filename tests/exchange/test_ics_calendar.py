"""Calendar files read back with icalendar, and checked byte by byte (CRLF, folding at 75 octets)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from export_samples import LINK, berlin, december_event, person
from icalendar import Calendar

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.ics_calendar import (
    Organizer,
    berlin_vtimezone,
    event_calendar,
    invitation,
    invitation_filename,
    write_invitations,
)

NOW = datetime(2021, 11, 30, 12, 0, tzinfo=UTC)
ORGANIZER = Organizer("Koordination Netzwerktreffen (Difu)", "netzwerk@difu.example")
ANNA = person("Müller", "Anna", 7, email="anna.mueller@kiel.example")


def _event(data: bytes) -> Any:
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return cal, events[0]


def _check_bytes(data: bytes) -> None:
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "bare LF or CR inside a line"
    assert max(len(line) for line in lines) <= 75, "content lines are folded at 75 octets"
    assert any(line.startswith(b" ") for line in lines), "long lines are folded"
    data.decode("utf-8")  # folding never splits a multi-byte character


def test_event_file_publishes_in_berlin_time_without_the_private_link() -> None:
    data = event_calendar(december_event(), organizer=ORGANIZER, now=NOW)
    _check_bytes(data)
    assert LINK.encode() not in data and b"pwd=geheim" not in data
    cal, ev = _event(data)
    assert cal["METHOD"] == "PUBLISH"
    assert ev["UID"] == december_event().ics_uid
    assert ev["SEQUENCE"] == 0
    assert ev["STATUS"] == "CONFIRMED"
    start = ev.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Berlin"  # type: ignore[union-attr]
    assert (start.hour, start.minute) == (10, 0)
    assert start.astimezone(UTC).hour == 9  # winter: UTC+1
    assert b"DTSTART;TZID=Europe/Berlin:20211202T100000\r\n" in data
    assert b"DTEND;TZID=Europe/Berlin:20211202T113000\r\n" in data
    assert ev["LOCATION"] == "Online per Zoom"
    description = str(ev["DESCRIPTION"])
    assert "Termin: Donnerstag, 2. Dezember 2021, 10:00–11:30 Uhr" in description
    assert "Programm:\n10:00 Vernetzung der Teilnehmer:innen\n10:15 Erfahrungen aus Moers (Claus Arndt)\n" in (
        description
    )
    assert "10:45 Fragen und Diskussion\n11:30 Ende" in description
    assert "– Sabine Manz, Landeshauptstadt Düsseldorf: Open-Data-Koordination" in description
    assert "Zugangslink:" not in description
    assert "Den Zugangslink erhalten angemeldete Teilnehmer:innen kurz vor der Veranstaltung." in description


def test_event_file_with_link_on_request() -> None:
    data = event_calendar(december_event(), with_link=True, organizer=ORGANIZER, now=NOW)
    _cal, ev = _event(data)
    assert LINK in str(ev["LOCATION"])
    assert f"Zugangslink: {LINK}" in str(ev["DESCRIPTION"])


def test_summer_time_event() -> None:
    june = december_event(starts_at=berlin(2022, 6, 9, 10), ends_at=berlin(2022, 6, 9, 11, 30), agenda=())
    _cal, ev = _event(event_calendar(june, organizer=ORGANIZER, now=NOW))
    start = ev.decoded("DTSTART")
    assert (start.hour, start.utcoffset()) == (10, timedelta(hours=2))
    assert start.astimezone(UTC).hour == 8


def test_vtimezone_is_in_rrule_form_and_agrees_with_the_iana_zone() -> None:
    cal, _ev = _event(event_calendar(december_event(), organizer=ORGANIZER, now=NOW))
    (tz,) = cal.walk("VTIMEZONE")
    assert tz["TZID"] == "Europe/Berlin"
    rules = {sub.name: sub for sub in tz.subcomponents}
    assert rules["STANDARD"]["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    assert rules["DAYLIGHT"]["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert rules["STANDARD"]["TZOFFSETFROM"].td == timedelta(hours=2)
    assert rules["STANDARD"]["TZOFFSETTO"].td == timedelta(hours=1)
    assert rules["DAYLIGHT"]["TZOFFSETFROM"].td == timedelta(hours=1)
    assert rules["DAYLIGHT"]["TZOFFSETTO"].td == timedelta(hours=2)
    assert "RDATE" not in rules["STANDARD"] and "RDATE" not in rules["DAYLIGHT"]
    # what a client computes from these rules is what the IANA database says, around every change 2020–2035
    ours, iana = berlin_vtimezone().to_tz(), ZoneInfo("Europe/Berlin")
    moment = datetime(2020, 1, 1, tzinfo=UTC)
    while moment.year < 2036:
        assert moment.astimezone(ours).utcoffset() == moment.astimezone(iana).utcoffset(), moment
        moment += timedelta(hours=13)


def test_personal_invitation() -> None:
    data = invitation(december_event(), ANNA, organizer=ORGANIZER, now=NOW)
    _check_bytes(data)
    cal, ev = _event(data)
    assert cal["METHOD"] == "REQUEST"
    assert ev["ORGANIZER"] == "mailto:netzwerk@difu.example"
    assert ev["ORGANIZER"].params["CN"] == "Koordination Netzwerktreffen (Difu)"
    attendee = ev["ATTENDEE"]
    assert attendee == "mailto:anna.mueller@kiel.example"
    assert attendee.params["CN"] == "Anna Müller"
    assert attendee.params["RSVP"] == "TRUE"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert str(ev["LOCATION"]) == f"Online per Zoom – {LINK}"
    assert f"Zugangslink: {LINK}" in str(ev["DESCRIPTION"])
    (alarm,) = ev.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-15)
    assert ev.decoded("DTSTAMP") == NOW


def test_uid_stays_and_sequence_is_the_stored_one() -> None:
    first = _event(invitation(december_event(), ANNA, organizer=ORGANIZER, now=NOW))[1]
    moved = december_event(starts_at=berlin(2021, 12, 9, 10), ends_at=berlin(2021, 12, 9, 11, 30), ics_sequence=1)
    second = _event(invitation(moved, ANNA, organizer=ORGANIZER, now=NOW))[1]
    assert first["UID"] == second["UID"]
    assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 1)


def test_cancelled_event_gives_cancel_files() -> None:
    cancelled = december_event(status="cancelled", ics_sequence=2)
    for data in (event_calendar(cancelled, organizer=ORGANIZER, now=NOW),
                 invitation(cancelled, ANNA, organizer=ORGANIZER, now=NOW)):
        cal, ev = _event(data)
        assert cal["METHOD"] == "CANCEL"
        assert ev["STATUS"] == "CANCELLED"
        assert ev["UID"] == cancelled.ics_uid
        assert ev["SEQUENCE"] == 2
        assert str(ev["DESCRIPTION"]).startswith("Diese Veranstaltung wurde abgesagt.")
        assert not ev.walk("VALARM")


def test_a_quote_in_a_name_cannot_break_the_parameter() -> None:
    mallory = person('Mal"lory', 'Eve";RSVP=FALSE', 9, email="eve@example.org")
    _cal, ev = _event(invitation(december_event(), mallory, organizer=ORGANIZER, now=NOW))
    assert ev["ATTENDEE"].params["RSVP"] == "TRUE"
    assert '"' not in ev["ATTENDEE"].params["CN"]


def test_organizer_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ODN_ORGANIZER_NAME", "Jana Koordinatorin")
    monkeypatch.setenv("ODN_ORGANIZER_EMAIL", "jana@difu.example")
    assert Organizer.from_environment() == Organizer("Jana Koordinatorin", "jana@difu.example")
    data = event_calendar(december_event(), now=NOW)
    assert _event(data)[1]["ORGANIZER"] == "mailto:jana@difu.example"
    monkeypatch.delenv("ODN_ORGANIZER_EMAIL")
    assert Organizer.from_environment() is None
    monkeypatch.setenv("ODN_ORGANIZER_EMAIL", "jana@difu.example")
    monkeypatch.setenv("ODN_ORGANIZER_NAME", " ")
    assert Organizer.from_environment() is None


@pytest.mark.parametrize("name", ["ODN_ORGANIZER_NAME", "ODN_ORGANIZER_EMAIL"])
def test_no_placeholder_organizer_the_writers_refuse_without_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    monkeypatch.setenv("ODN_ORGANIZER_NAME", "Jana Koordinatorin")
    monkeypatch.setenv("ODN_ORGANIZER_EMAIL", "jana@difu.example")
    monkeypatch.delenv(name)
    writers = [
        lambda: event_calendar(december_event(), now=NOW),
        lambda: invitation(december_event(), ANNA, now=NOW),
        lambda: write_invitations(december_event(), [ANNA], tmp_path / "Einladungen", now=NOW),
    ]
    for write in writers:
        with pytest.raises(UserError, match="ODN_ORGANIZER_NAME und ODN_ORGANIZER_EMAIL") as caught:
            write()
        assert "Einstellungen" in caught.value.message
    assert not (tmp_path / "Einladungen").exists()
    with pytest.raises(UserError):
        event_calendar(december_event(), organizer=Organizer("", "jana@difu.example"), now=NOW)


def test_file_names_are_ascii_and_unique() -> None:
    taken: set[str] = set()
    names = [invitation_filename(p, taken) for p in (
        person("Müller", "Anna", 1), person("Mueller", "anna", 2), person("Groß", "Jürgen", 3),
        person("Dąbrowski", "Łukasz", 4), person('../..\\:*?"', "", 5), person("", "", 6),
    )]
    assert names == ["Einladung_Mueller_Anna.ics", "Einladung_Mueller_Anna_2.ics", "Einladung_Gross_Juergen.ics",
                     "Einladung_Dabrowski_Lukasz.ics", "Einladung_Person.ics", "Einladung_Person_2.ics"]


@pytest.mark.parametrize("cancelled", [False, True])
def test_the_fast_writer_gives_the_same_calendar_as_a_single_invitation(cancelled: bool) -> None:
    from odn_desktop.exchange.ics_calendar import InvitationWriter

    event = december_event(status="cancelled" if cancelled else "open")
    fast = InvitationWriter(event, ORGANIZER, NOW)(ANNA)
    _check_bytes(fast)
    single = invitation(event, ANNA, organizer=ORGANIZER, now=NOW)
    assert sorted(fast.split(b"\r\n")) == sorted(single.split(b"\r\n"))  # the same lines, maybe reordered
    assert Calendar.from_ical(fast) == Calendar.from_ical(single)
    vevent = fast.split(b"BEGIN:VEVENT\r\n")[1]
    properties = vevent.split(b"BEGIN:VALARM")[0]  # properties come before the reminder component
    assert vevent.count(b"ATTENDEE") == 1 and b"ATTENDEE" in properties


def test_write_invitations_one_file_each(tmp_path: Path) -> None:
    people = [ANNA, person("Groß", "Jürgen", 3, email="j.gross@bonn.example")]
    files = write_invitations(december_event(), people, tmp_path / "Einladungen", organizer=ORGANIZER, now=NOW)
    assert [f.name for f in files] == ["Einladung_Mueller_Anna.ics", "Einladung_Gross_Juergen.ics"]
    attendees = [str(_event(f.read_bytes())[1]["ATTENDEE"]) for f in files]
    assert attendees == ["mailto:anna.mueller@kiel.example", "mailto:j.gross@bonn.example"]


HOSTILE_TEXTS = [
    {"title": "BEGIN:VALARM"},
    {"title": "END:VEVENT"},
    {"title": "Treffen BEGIN:VALARM\r\n END:VCALENDAR"},
    {"description": "Ablauf\r\nATTENDEE:mailto:fremd@example.org\r\nEND:VEVENT\r\nBEGIN:VALARM\nEND:VALARM"},
    {"title": "BEGIN:VALARM", "status": "cancelled"},
    {"title": "END:VEVENT", "status": "cancelled"},  # no reminder: the attendee goes before the event's end
]


@pytest.mark.parametrize("changes", HOSTILE_TEXTS)
def test_invitations_stay_whole_whatever_the_title_or_description_says(
    changes: dict[str, str], tmp_path: Path
) -> None:
    event = december_event(**changes)
    people = [ANNA, person("Groß", "Jürgen", 3, email="j.gross@bonn.example"),
              person("END:VEVENT", "BEGIN:VALARM", 4, email="x4@kommune.example")]
    files = write_invitations(event, people, tmp_path, organizer=ORGANIZER, now=NOW)
    assert len(files) == len(people)
    for path, who in zip(files, people, strict=True):
        data = path.read_bytes()
        _check_bytes(data)
        cal = Calendar.from_ical(data)
        (ev,) = cal.walk("VEVENT")
        assert len(cal.walk("VCALENDAR")) == 1
        assert str(ev["SUMMARY"]) == event.title.replace("\r\n", "\n")
        assert event.description.replace("\r\n", "\n").strip() in str(ev["DESCRIPTION"])
        assert len(ev.walk("VALARM")) == (0 if event.cancelled else 1)
        attendee = ev["ATTENDEE"]
        assert not isinstance(attendee, list), "exactly one ATTENDEE"
        assert str(attendee) == f"mailto:{who.email}"
        assert data.count(b"\r\nATTENDEE") == 1
        assert cal == Calendar.from_ical(invitation(event, who, organizer=ORGANIZER, now=NOW))
