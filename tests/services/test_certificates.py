"""Certificates: the 50 % rule, the reasons, the derived numbers and their verification, the certificate's content."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from certificate_samples import START, TITLE, Meeting, make_meeting
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import certificates as svc
from odn_desktop.services import registrations as regs
from odn_desktop.services.events import update_event
from odn_desktop.store.database import soft_delete, transaction
from odn_desktop.store.models import Event, Registration
from odn_desktop.store.open import Database


@pytest.fixture
def meeting(db: Database, tmp_path: Path) -> Meeting:
    with transaction(db.sessions) as s:
        return make_meeting(s, tmp_path)


def candidates(db: Database, meeting: Meeting, **kwargs: object) -> dict[str, svc.CertificateCandidate]:
    with transaction(db.sessions) as s:
        return {c.email: c for c in svc.certificate_candidates(s, meeting.event_id, **kwargs)}  # type: ignore[arg-type]


# -- the rule ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("attended", "minutes", "expected"), [
    (True, 61, True), (True, 60, True), (True, 59, False),  # above, exactly at, below 50 % of 120
    (True, None, True),  # marked by hand
    (False, None, False), (False, 120, False),  # not attended never
    (True, 0, False),
])
def test_the_rule(attended: bool, minutes: int | None, expected: bool) -> None:
    assert svc.qualifies(attended, minutes, 120, 50) is expected


def test_the_threshold_is_exact_without_rounding() -> None:
    assert svc.qualifies(True, 67, 133, 50) is True  # 50.38 %
    assert svc.qualifies(True, 66, 133, 50) is False  # 49.6 %: rounded it would read 50 %
    assert svc.percent_of(66, 133) == 49
    assert svc.qualifies(True, 0, 120, 0) is True  # 0 %: everyone attended
    assert svc.qualifies(True, 119, 120, 100) is False


def test_candidates_reasons_and_order(db: Database, meeting: Meeting) -> None:
    found = candidates(db, meeting)
    assert list(found) == [  # German order by last name: Adler, Becker, Groß, Kaya, Müller, Weiß, Zeller
        "lena.adler@jena.example", "anna.becker@kiel.example", "j.gross@muenster.example",
        "oezlem.kaya@bonn.example", "c.mueller@moers.example", "jan.weiss@ulm.example", "tom.zeller@halle.example",
    ]
    becker = found["anna.becker@kiel.example"]
    assert (becker.name, becker.organisation, becker.minutes, becker.percent) == (
        "Dr. Anna Becker", "Landeshauptstadt Kiel", 95, 79)
    assert becker.qualifies and becker.reason == "95 von 120 Minuten (79 %)"
    assert found["j.gross@muenster.example"].reason == "60 von 120 Minuten (50 %)"
    assert found["j.gross@muenster.example"].qualifies
    kaya = found["oezlem.kaya@bonn.example"]
    assert not kaya.qualifies and kaya.number is None
    assert kaya.reason == "59 von 120 Minuten (49 %) – unter 50 %"
    weiss = found["jan.weiss@ulm.example"]
    assert weiss.qualifies and weiss.by_hand and weiss.minutes is None
    assert weiss.reason == "von Hand als anwesend markiert"
    mueller = found["c.mueller@moers.example"]  # cancelled, but came
    assert mueller.qualifies and mueller.status == "cancelled" and mueller.name == "Prof. Dr. Claus Müller"
    assert "katrin.schaefer@trier.example" not in found  # registered, did not come


def test_rejoining_attendees_count_the_time_present(db: Database, meeting: Meeting) -> None:
    """Zoom rows of one person are merged by the import: 30 + 35 minutes in two sessions is 65 (each alone below
    60); two devices at once count once (10:00–10:40 and 10:20–10:50 is 50 minutes, not 70)."""
    found = candidates(db, meeting)
    adler = found["lena.adler@jena.example"]
    assert (adler.minutes, adler.qualifies, adler.reason) == (65, True, "65 von 120 Minuten (54 %)")
    zeller = found["tom.zeller@halle.example"]
    assert (zeller.minutes, zeller.qualifies) == (50, False)
    assert zeller.reason == "50 von 120 Minuten (41 %) – unter 50 %"


def test_threshold_setting_and_all_registered(db: Database, meeting: Meeting) -> None:
    strict = candidates(db, meeting, min_percent=80)
    assert [e for e, c in strict.items() if c.qualifies] == ["c.mueller@moers.example", "jan.weiss@ulm.example"]
    assert strict["anna.becker@kiel.example"].reason == "95 von 120 Minuten (79 %) – unter 80 %"
    everyone = candidates(db, meeting, include_registered=True)
    schaefer = everyone["katrin.schaefer@trier.example"]
    assert (schaefer.qualifies, schaefer.reason, schaefer.attended) == (False, "nicht teilgenommen", False)
    with pytest.raises(UserError, match="0 bis 100"):
        candidates(db, meeting, min_percent=101)


def test_a_deleted_registration_is_no_candidate(db: Database, meeting: Meeting) -> None:
    with transaction(db.sessions) as s:
        soft_delete(s, s.get_one(Registration, meeting.ids["anna.becker@kiel.example"]))
    assert "anna.becker@kiel.example" not in candidates(db, meeting)


# -- numbers -------------------------------------------------------------------------------------------------


def test_number_format_and_verification(db: Database, meeting: Meeting) -> None:
    rid = meeting.ids["anna.becker@kiel.example"]
    number = candidates(db, meeting)["anna.becker@kiel.example"].number
    assert number is not None
    assert number == svc.certificate_number(rid, START)
    prefix, day, hex_part, check = number.split("-")
    assert (prefix, day, hex_part) == ("ODN", "20211202", rid.hex[:8].upper())
    assert len(check) == 1
    with transaction(db.sessions) as s:
        found = svc.verify_certificate(s, number)
        assert found is not None
        assert (found.name, found.organisation, found.event_title, found.minutes) == (
            "Dr. Anna Becker", "Landeshauptstadt Kiel", TITLE, 95)
        assert found.date_text == "Donnerstag, 2. Dezember 2021"
        assert svc.verify_certificate(s, f"  {number.lower()}\n") == found  # case and spaces do not matter
        assert svc.verify_certificate(s, number + "X") is None
        assert svc.verify_certificate(s, "") is None


def test_every_single_changed_character_fails(db: Database, meeting: Meeting) -> None:
    number = candidates(db, meeting)["anna.becker@kiel.example"].number
    assert number is not None
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    changed = [number[:i] + c + number[i + 1:] for i in range(4, len(number)) if number[i] != "-"
               for c in alphabet if c != number[i]]
    assert len(changed) == 17 * 35
    assert [n for n in changed if svc.parse_certificate_number(n) is not None] == []
    with transaction(db.sessions) as s:
        assert svc.verify_certificate(s, changed[0]) is None


def test_the_check_character_catches_single_changes_in_any_number() -> None:
    for n in range(200):
        payload = f"{20210101 + n}{uuid.UUID(int=n * 7919 + 1).hex[:8].upper()}"
        good = payload + svc.check_character(payload)
        for i, char in enumerate(good):
            for other in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
                if other != char:
                    bad = good[:i] + other + good[i + 1:]
                    assert svc.check_character(bad[:-1]) != bad[-1], bad


def test_a_valid_looking_number_of_another_day_does_not_verify(db: Database, meeting: Meeting) -> None:
    rid = meeting.ids["anna.becker@kiel.example"]
    other_day = svc.certificate_number(rid, START + timedelta(days=7))  # well formed, check fits, wrong day
    assert svc.parse_certificate_number(other_day) is not None
    never_issued = svc.certificate_number(uuid.uuid4(), START)
    with transaction(db.sessions) as s:
        assert svc.verify_certificate(s, other_day) is None
        assert svc.verify_certificate(s, never_issued) is None


def test_a_number_no_longer_verifies_once_deleted_or_unmarked(db: Database, meeting: Meeting) -> None:
    found = candidates(db, meeting)
    becker, gross = found["anna.becker@kiel.example"].number, found["j.gross@muenster.example"].number
    assert becker and gross
    with transaction(db.sessions) as s:
        soft_delete(s, s.get_one(Registration, meeting.ids["anna.becker@kiel.example"]))
        regs.mark_attendance(s, meeting.ids["j.gross@muenster.example"], False)
    with transaction(db.sessions) as s:
        assert svc.verify_certificate(s, becker) is None
        assert svc.verify_certificate(s, gross) is None


def test_a_number_of_a_deleted_meeting_does_not_verify(db: Database, meeting: Meeting) -> None:
    number = candidates(db, meeting)["anna.becker@kiel.example"].number
    assert number
    with transaction(db.sessions) as s:
        soft_delete(s, s.get_one(Event, meeting.event_id))
    with transaction(db.sessions) as s:
        assert svc.verify_certificate(s, number) is None


def test_the_date_is_the_berlin_date() -> None:
    late_evening = datetime(2021, 12, 2, 23, 30, tzinfo=BERLIN)  # 22:30 UTC the same day; 00:30 would differ
    after_midnight = datetime(2021, 12, 3, 0, 30, tzinfo=BERLIN)  # 23:30 UTC on the 2nd
    rid = uuid.uuid4()
    assert "-20211202-" in svc.certificate_number(rid, late_evening)
    assert "-20211203-" in svc.certificate_number(rid, after_midnight)


def test_a_meeting_after_midnight_utc_verifies_on_its_berlin_day(db: Database, meeting: Meeting) -> None:
    with transaction(db.sessions) as s:
        update_event(s, meeting.event_id, starts_at=datetime(2021, 12, 3, 0, 30, tzinfo=BERLIN),
                     ends_at=datetime(2021, 12, 3, 2, 30, tzinfo=BERLIN))
    number = candidates(db, meeting)["anna.becker@kiel.example"].number
    assert number and "-20211203-" in number
    with transaction(db.sessions) as s:
        assert svc.verify_certificate(s, number) is not None


# -- content -------------------------------------------------------------------------------------------------


def test_certificate_contents(db: Database, meeting: Meeting) -> None:
    with transaction(db.sessions) as s:
        contents = svc.certificate_contents(s, meeting.event_id, min_percent=50, coordinator_name=" Maria Koch ",
                                            issued_on=date(2021, 12, 3))
    assert [c.email for c in contents] == [
        "lena.adler@jena.example", "anna.becker@kiel.example", "j.gross@muenster.example",
        "c.mueller@moers.example", "jan.weiss@ulm.example"]
    becker = contents[1]
    assert (becker.name, becker.organisation, becker.event_title) == ("Dr. Anna Becker", "Landeshauptstadt Kiel", TITLE)
    assert becker.series_title == "Open Data in Kommunen – Netzwerktreffen"
    assert (becker.date_text, becker.time_text, becker.duration_text) == (
        "Donnerstag, 2. Dezember 2021", "10:00–12:00 Uhr", "2 Stunden")
    assert becker.programme == (
        svc.ProgrammeLine("10:00–10:15", "Begrüßung", ""),
        svc.ProgrammeLine("10:15–11:00", "Haushaltsdaten als Open Data", "Dr. Claus Arndt"),
        svc.ProgrammeLine("11:00–12:00", "Fragen und Diskussion", "Deniz Yılmaz"),
    )
    assert becker.speakers == ("Dr. Claus Arndt (Stadt Moers)", "Deniz Yılmaz (Open Knowledge)")
    assert becker.hosts == ("Deutsches Institut für Urbanistik gGmbH (Difu)", "Bertelsmann Stiftung")
    assert becker.place == "Online per Zoom"
    assert becker.coordinator_name == "Maria Koch"
    assert becker.minutes == 95 and becker.attendance_text == "Anwesenheit laut Teilnahmebericht: 95 von 120 Minuten"
    assert becker.number == svc.certificate_number(meeting.ids["anna.becker@kiel.example"], START)
    assert becker.issued_on == date(2021, 12, 3)
    assert contents[3].attendance_text == "Anwesenheit laut Teilnahmebericht: 100 von 120 Minuten"
    assert contents[4].minutes is None and "Koordination bestätigt" in contents[4].attendance_text


def test_event_hosts_win_over_the_series_hosts(db: Database, tmp_path: Path) -> None:
    with transaction(db.sessions) as s:
        meeting = make_meeting(s, tmp_path, hosts_on_event="Stadt Moers\n\n  Difu  \n")
        contents = svc.certificate_contents(s, meeting.event_id)
    assert contents[0].hosts == ("Stadt Moers", "Difu")
    assert contents[0].coordinator_name == ""


def test_contents_for_chosen_people_and_in_person_place(db: Database, meeting: Meeting) -> None:
    with transaction(db.sessions) as s:
        update_event(s, meeting.event_id, format="in_person", venue="Rathaus Moers, Ratssaal")
        chosen = [meeting.ids["jan.weiss@ulm.example"], meeting.ids["oezlem.kaya@bonn.example"]]  # Kaya: below
        contents = svc.certificate_contents(s, meeting.event_id, registration_ids=chosen)
    assert [c.email for c in contents] == ["jan.weiss@ulm.example"]
    assert contents[0].place == "Präsenz – Rathaus Moers, Ratssaal"


@pytest.mark.parametrize(("minutes", "text"), [
    (120, "2 Stunden"), (60, "1 Stunde"), (90, "1 Stunde und 30 Minuten"), (45, "45 Minuten"),
    (61, "1 Stunde und 1 Minute"), (150, "2 Stunden und 30 Minuten"),
])
def test_duration_text(minutes: int, text: str) -> None:
    assert svc.duration_text(minutes) == text


def test_minutes_beyond_the_meeting_count_as_the_whole_meeting(db: Database, meeting: Meeting) -> None:
    with transaction(db.sessions) as s:
        regs.mark_attendance(s, meeting.ids["anna.becker@kiel.example"], True, 130)  # joined the waiting room
        becker = svc.certificate_contents(s, meeting.event_id)[1]
    assert becker.minutes == 130
    assert becker.attendance_text.endswith("120 von 120 Minuten")


def test_unknown_event(db: Database) -> None:
    with transaction(db.sessions) as s, pytest.raises(UserError):
        svc.certificate_candidates(s, uuid.uuid4())
