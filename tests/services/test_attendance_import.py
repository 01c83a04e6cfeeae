"""Attendance import: matching by e-mail and name, speakers and host skipped, fuzzy candidates, re-import."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import attendance_import as svc
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.services.import_undo import undo_attendance
from odn_desktop.services.speakers import add_speaker_to_event, create_speaker
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
BEFORE = datetime(2021, 11, 20, 9, 0, tzinfo=BERLIN)

REGISTRANTS = [
    ("Anna", "Becker", "anna.becker@kiel.example"),
    ("Jürgen", "Groß", "j.gross@muenster.example"),
    ("Özlem", "Kaya", "oezlem.kaya@bonn.example"),
    ("Jan", "Weiß", "jan.weiss@ulm.example"),
    ("Jan", "Weiß", "jan.weiss@jena.example"),  # the same name twice: a name alone cannot decide
    ("Katrin", "Schäfer", "katrin.schaefer@trier.example"),
]

ZOOM = (
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
    "812 3456 7890,Open-Data-Netzwerktreffen,12/02/2021 09:55:00 AM,12/02/2021 11:35:00 AM,"
    "koordination@difu.example,100,9\n"
    "\n"
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
    "Koordination Difu,koordination@difu.example,12/02/2021 09:55:00 AM,12/02/2021 11:35:00 AM,100,No\n"
    "Anna Becker,ANNA.BECKER@KIEL.EXAMPLE,12/02/2021 09:58:00 AM,12/02/2021 10:30:00 AM,32,Yes\n"
    "Anna B. (Handy),anna.becker@kiel.example,12/02/2021 10:35:00 AM,12/02/2021 11:30:00 AM,55,Yes\n"
    "juergen gross (Stadt Münster),,12/02/2021 10:00:00 AM,12/02/2021 11:30:00 AM,90,Yes\n"
    "Kaya Özlem,,12/02/2021 10:05:00 AM,12/02/2021 10:50:00 AM,45,Yes\n"
    "Jan Weiß,,12/02/2021 10:00:00 AM,12/02/2021 11:00:00 AM,60,Yes\n"
    "Katrin Schaefer-Lindner,,12/02/2021 10:00:00 AM,12/02/2021 10:20:00 AM,20,Yes\n"
    "Dr. Claus Arndt (Stadt Moers),,12/02/2021 10:10:00 AM,12/02/2021 10:40:00 AM,30,Yes\n"
    "Moderation Ute,,12/02/2021 09:55:00 AM,12/02/2021 11:35:00 AM,100,Yes\n"
    "iPhone von Max,,12/02/2021 10:00:00 AM,12/02/2021 10:05:00 AM,5,Yes\n"
)


@pytest.fixture
def event(db: Database) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Open-Data-Netzwerktreffen", starts_at=START,
                                ends_at=START + timedelta(minutes=90)).id
        ids = {}
        for first, last, email in REGISTRANTS:
            ids[email] = regs.register(s, event_id, ContactInput(email=email, first_name=first, last_name=last),
                                       now=BEFORE).registration.id
        speaker = create_speaker(s, first_name="Claus", last_name="Arndt", academic_title="Dr.",
                                 organisation="Stadt Moers")
        add_speaker_to_event(s, event_id, speaker.id)
    return event_id, ids


def import_report(db: Database, event_id: uuid.UUID, path: Path, **kwargs: Any) -> svc.AttendanceImportReport:
    with transaction(db.sessions) as s:
        return svc.import_attendance_file(s, event_id, path, **kwargs)


def attendance(db: Database, event_id: uuid.UUID) -> dict[str, tuple[bool, int | None]]:
    with transaction(db.sessions) as s:
        return {r.email: (r.attended, r.attended_minutes) for r in regs.list_registration_rows(s, event_id)}


def dump(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as conn:
        return sorted(map(tuple, conn.execute(text("SELECT * FROM registration"))), key=repr)


def test_zoom_report_is_matched_by_email_then_by_unique_name(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, ids = event
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    report = import_report(db, event_id, path, hosts=["Moderation Ute"])
    attended = {a.registration_id: a for a in report.attended}
    assert attended[ids["anna.becker@kiel.example"]].minutes == 32 + 55  # two rows, one person
    assert attended[ids["anna.becker@kiel.example"]].matched_by == "email"
    assert attended[ids["j.gross@muenster.example"]].minutes == 90  # umlauts, case, "(Stadt Münster)"
    assert attended[ids["j.gross@muenster.example"]].matched_by == "name"
    assert attended[ids["oezlem.kaya@bonn.example"]].minutes == 45  # last name first
    assert set(attended) == {ids["anna.becker@kiel.example"], ids["j.gross@muenster.example"],
                             ids["oezlem.kaya@bonn.example"]}
    skipped = {s.name: s.reason for s in report.skipped}
    assert skipped == {"Koordination Difu": "Gastgeber:in", "Dr. Claus Arndt (Stadt Moers)": "Referent:in",
                       "Moderation Ute": "Gastgeber:in"}
    unmatched = {u.name: u for u in report.unmatched}
    assert set(unmatched) == {"Jan Weiß", "Katrin Schaefer-Lindner", "iPhone von Max"}
    assert {c.email for c in unmatched["Jan Weiß"].candidates} == {"jan.weiss@ulm.example",
                                                                  "jan.weiss@jena.example"}
    assert unmatched["Katrin Schaefer-Lindner"].candidates[0].email == "katrin.schaefer@trier.example"
    assert unmatched["iPhone von Max"].candidates == ()
    marks = attendance(db, event_id)
    assert marks["anna.becker@kiel.example"] == (True, 87)
    assert marks["jan.weiss@ulm.example"] == (False, None)


def test_json_shape(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, ids = event
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    data = import_report(db, event_id, path, dry_run=True).to_json()
    assert set(data) == {"summary", "attended", "unmatched", "excluded"}
    assert {"registration_id": str(ids["anna.becker@kiel.example"]), "name": "Anna Becker",
            "minutes": 87} in data["attended"]
    assert {"name": "iPhone von Max", "email": "", "minutes": 5} in data["unmatched"]


def test_reimport_changes_nothing_and_dry_run_writes_nothing(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, _ids = event
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    before = dump(db)
    dry = import_report(db, event_id, path, dry_run=True)
    assert dump(db) == before
    first = import_report(db, event_id, path)
    assert first.to_json() == dry.to_json()
    after_first = dump(db)
    assert after_first != before
    import_report(db, event_id, path)
    assert dump(db) == after_first


def test_teams_report_with_the_organizer(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, ids = event
    teams = (
        "1. Summary\nMeeting title\tNetzwerktreffen\n\n2. Participants\n"
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole\n"
        "Orga Nisatorin\t12/2/21, 9:55:00 AM\t12/2/21, 11:35:00 AM\t1h 40m\torga@difu.example\tOrganizer\n"
        "Katrin Schäfer\t12/2/21, 10:00:00 AM\t12/2/21, 11:00:00 AM\t1h\t\tAttendee\n"
    )
    path = tmp_path / "teams.csv"
    path.write_bytes(teams.encode("utf-16"))
    report = import_report(db, event_id, path)
    assert [(a.registration_id, a.minutes) for a in report.attended] == [(ids["katrin.schaefer@trier.example"], 60)]
    assert report.skipped[0].reason == "Gastgeber:in"
    assert report.tool == "Teams"


def test_manual_assignment_marks_attendance(db: Database, event: Any) -> None:
    event_id, ids = event
    with transaction(db.sessions) as s:
        rows = svc.assign_attendance(s, [(ids["jan.weiss@ulm.example"], 60)])
    assert rows[0].attended and rows[0].attended_minutes == 60
    assert attendance(db, event_id)["jan.weiss@ulm.example"] == (True, 60)


def test_manual_assignments_are_merged_with_automatic_matches(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, ids = event
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    with transaction(db.sessions) as s:
        first = svc.import_attendance_file(s, event_id, path, dry_run=True)
    position = {u.name: u.participant for u in first.unmatched}
    report = svc.read_attendance_report(path.read_bytes())
    manual = {position["Jan Weiß"]: ids["jan.weiss@ulm.example"],
              position["iPhone von Max"]: ids["anna.becker@kiel.example"]}  # 10:00-10:05, inside Anna's time
    with transaction(db.sessions) as s:
        result = svc.import_attendance(s, event_id, report, manual=manual)
    attended = {a.registration_id: a for a in result.attended}
    assert attended[ids["jan.weiss@ulm.example"]].matched_by == "manual"
    assert attended[ids["anna.becker@kiel.example"]].minutes == 87  # the union, not 87 + 5
    assert {u.name for u in result.unmatched} == {"Katrin Schaefer-Lindner", "Moderation Ute"}
    assert attendance(db, event_id)["jan.weiss@ulm.example"] == (True, 60)
    with transaction(db.sessions) as s, pytest.raises(UserError, match="gehört nicht"):
        svc.import_attendance(s, event_id, report, manual={0: uuid.uuid4()})


def test_cancelled_registrations_are_not_matched(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, ids = event
    with transaction(db.sessions) as s:
        regs.cancel(s, ids["anna.becker@kiel.example"])
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    report = import_report(db, event_id, path, dry_run=True)
    assert ids["anna.becker@kiel.example"] not in {a.registration_id for a in report.attended}
    assert "Anna Becker" in {u.name for u in report.unmatched}


def test_report_text_lists_everything_in_german(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, _ = event
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    text_report = import_report(db, event_id, path, dry_run=True).to_text()
    assert "Probelauf" in text_report
    assert "Teilgenommen: 3" in text_report
    assert "Nicht zugeordnet: 4" in text_report
    assert "vielleicht: Katrin Schäfer" in text_report


def test_not_a_report_is_a_user_error_and_writes_nothing(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, _ = event
    path = tmp_path / "anmeldungen.csv"
    path.write_text("Vorname;Nachname;E-Mail\nA;B;c@d.example\n", encoding="utf-8")
    before = dump(db)
    with pytest.raises(UserError, match="weder ein Zoom-Teilnehmerbericht"):
        import_report(db, event_id, path)
    assert dump(db) == before


# -- summary, the host marked by hand, undo ---------------------------------------------------------------------


def test_the_summary_counts_attended_unmatched_and_excluded_speakers_and_hosts(db: Database, tmp_path: Path,
                                                                             event: Any) -> None:
    event_id, _ids = event
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    report = import_report(db, event_id, path, dry_run=True)
    # the meeting's own account is the host, Dr. Claus Arndt speaks; "Moderation Ute" is not recognised
    assert report.summary == {"attended": 3, "unmatched": 4, "excluded_speakers": 1, "excluded_hosts": 1}
    assert "Nicht als Gäste gezählt: 2 (Referent:innen: 1, Gastgeber:innen: 1)" in report.to_text()
    data = report.to_json()
    assert data["summary"] == report.summary
    speaker = {"name": "Dr. Claus Arndt (Stadt Moers)", "email": "", "minutes": 30, "reason": "speaker"}
    assert speaker in data["excluded"]


def test_a_participant_marked_as_host_by_hand_is_excluded(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, ids = event
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    report = svc.read_attendance_report(path.read_bytes())
    with transaction(db.sessions) as s:
        first = svc.match_attendance(s, event_id, report)
    moderation = next(u.participant for u in first.unmatched if u.name == "Moderation Ute")
    anna = next(a for a in first.attended if a.registration_id == ids["anna.becker@kiel.example"])
    assert anna.participants == (2,)  # her two rows, one address: one participant
    with transaction(db.sessions) as s:
        # the coordinator marks "Moderation Ute" as the host, and Anna, who moderated this time
        result = svc.import_attendance(s, event_id, report, host_participants={moderation, *anna.participants})
    assert result.summary == {"attended": 2, "unmatched": 3, "excluded_speakers": 1, "excluded_hosts": 3}
    assert {(s.name, s.reason) for s in result.skipped if s.participant in (moderation, 2)} == {
        ("Moderation Ute", "Gastgeber:in"), ("Anna Becker", "Gastgeber:in")}
    assert "Moderation Ute" not in {u.name for u in result.unmatched}
    assert attendance(db, event_id)["anna.becker@kiel.example"] == (False, None)


def test_undo_restores_the_minutes_of_every_touched_registration(db: Database, tmp_path: Path, event: Any) -> None:
    event_id, ids = event
    with transaction(db.sessions) as s:
        regs.mark_attendance(s, ids["anna.becker@kiel.example"], True, 20)  # by hand, before the report came
        regs.mark_attendance(s, ids["jan.weiss@ulm.example"], True, 45)  # not in the import: left alone
    before = dump(db)
    path = tmp_path / "zoom.csv"
    path.write_text(ZOOM, encoding="utf-8")
    report = import_report(db, event_id, path, hosts=["Moderation Ute"])
    record = report.record
    assert record is not None and {c.id for c in record.changes} == {
        ids["anna.becker@kiel.example"], ids["j.gross@muenster.example"], ids["oezlem.kaya@bonn.example"]}
    assert attendance(db, event_id)["anna.becker@kiel.example"] == (True, 87)
    with transaction(db.sessions) as s:
        assert undo_attendance(s, record) == 3
    assert dump(db) == before  # minutes, flags, change markers and times as they were
    assert attendance(db, event_id)["anna.becker@kiel.example"] == (True, 20)
    assert attendance(db, event_id)["j.gross@muenster.example"] == (False, None)
    assert attendance(db, event_id)["jan.weiss@ulm.example"] == (True, 45)

    again = import_report(db, event_id, path, hosts=["Moderation Ute"])  # redo
    assert again.record is not None and len(again.record.changes) == 3
    assert import_report(db, event_id, path).record == svc.AttendanceRecord(event_id, "zoom.csv", ())  # no change
    with transaction(db.sessions) as s:  # edited after the import: the coordinator's value stays
        regs.mark_attendance(s, ids["oezlem.kaya@bonn.example"], True, 50)
    with transaction(db.sessions) as s:
        undo_attendance(s, again.record)
    marks = attendance(db, event_id)
    assert marks["oezlem.kaya@bonn.example"] == (True, 50)
    assert marks["anna.becker@kiel.example"] == (True, 20) and marks["j.gross@muenster.example"] == (False, None)
