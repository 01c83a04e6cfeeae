"""Zoom and Teams attendance reports, built here in each variant; rejoins merged as a union of intervals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.attendance_reports import (
    AttendanceReport,
    Interval,
    Participant,
    attended_minutes,
    looks_like_attendance_report,
    merge_intervals,
    parse_duration_minutes,
    read_attendance_report,
)

ZOOM_MEETING_BLOCK = (
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,\r\n"
    '"812 3456 7890",Open-Data-Netzwerktreffen,12/02/2021 09:55:12 AM,12/02/2021 11:34:40 AM,'
    "koordination@difu.example,100,5,\r\n"
    "\r\n"
)
ZOOM_PARTICIPANTS = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,"
    "In Waiting Room\r\n"
    "Koordination Difu,koordination@difu.example,12/02/2021 09:55:12 AM,12/02/2021 11:34:40 AM,100,No,,No\r\n"
    "Anna Becker (Stadt Kiel),Anna@Kiel.example,12/02/2021 09:58:00 AM,12/02/2021 10:30:00 AM,32,Yes,Yes,No\r\n"
    "Anna Becker (Stadt Kiel),anna@kiel.example,12/02/2021 10:35:00 AM,12/02/2021 11:30:00 AM,55,Yes,Yes,No\r\n"
    # the same person on the phone at the same time: overlapping, counted once
    "Anna Becker (Stadt Kiel),,12/02/2021 10:20:00 AM,12/02/2021 10:40:00 AM,20,Yes,Yes,No\r\n"
    "Juergen Gross,,12/02/2021 10:01:00 AM,12/02/2021 11:31:00 AM,90,Yes,Yes,No\r\n"
    "Wartender Gast,,12/02/2021 09:50:00 AM,12/02/2021 09:58:00 AM,8,Yes,,Yes\r\n"
)


def by_name(report: AttendanceReport) -> dict[str, Participant]:
    return {p.name: p for p in report.participants}


def berlin(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2021, 12, day, hour, minute, second, tzinfo=UTC) - timedelta(hours=1)


# -- intervals ---------------------------------------------------------------------------------------------


def test_merge_intervals_unites_overlapping_and_touching_ones() -> None:
    t = [datetime(2021, 12, 2, 9, m, tzinfo=UTC) for m in range(0, 60, 5)]
    merged = merge_intervals([Interval(t[4], t[6]), Interval(t[0], t[2]), Interval(t[1], t[3]),
                              Interval(t[6], t[7]), Interval(t[9], t[10])])
    assert merged == (Interval(t[0], t[3]), Interval(t[4], t[7]), Interval(t[9], t[10]))
    assert attended_minutes(merged) == 15 + 15 + 5


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 600), st.integers(0, 120)), min_size=1, max_size=12))
def test_union_minutes_lie_between_the_longest_row_and_the_sum(rows: list[tuple[int, int]]) -> None:
    base = datetime(2021, 12, 2, 9, 0, tzinfo=UTC)
    intervals = [Interval(base + timedelta(minutes=s), base + timedelta(minutes=s + d)) for s, d in rows]
    minutes = attended_minutes(intervals)
    assert max(d for _, d in rows) <= minutes <= sum(d for _, d in rows)
    assert minutes == attended_minutes(merge_intervals(intervals)) == attended_minutes(list(reversed(intervals)))
    covered = {s + k for s, d in rows for k in range(d)}
    assert minutes == len(covered)


@pytest.mark.parametrize(("text", "minutes"), [("1h 31m 59s", 92 - 1 / 60), ("31m", 31), ("45s", 0.75),
                                              ("1 Std. 5 Min.", 65), ("01:30:00", 90), ("42", 42), ("", None),
                                              ("viel", None)])
def test_duration_texts(text: str, minutes: float | None) -> None:
    result = parse_duration_minutes(text)
    assert result == pytest.approx(minutes) if minutes is not None else result is None


# -- Zoom --------------------------------------------------------------------------------------------------


def test_zoom_with_meeting_block_month_first_am_pm() -> None:
    report = read_attendance_report((ZOOM_MEETING_BLOCK + ZOOM_PARTICIPANTS).encode("utf-8"))
    assert report.tool == "Zoom"
    assert report.title == "Open-Data-Netzwerktreffen"
    assert report.host_email == "koordination@difu.example"
    assert report.starts_at == berlin(2, 9, 55, 12)
    people = by_name(report)
    anna = people["Anna Becker (Stadt Kiel)"]
    assert anna.rows == 3  # e-mail in two cases and the phone row without e-mail are one person
    # 09:58-10:30 and 10:35-11:30 on the laptop, 10:20-10:40 on the phone: one stretch 09:58-11:30
    assert anna.intervals == (Interval(berlin(2, 9, 58), berlin(2, 11, 30)),)
    assert anna.minutes == 92
    assert people["Koordination Difu"].role == "host"
    assert people["Juergen Gross"].minutes == 90
    assert "Wartender Gast" not in people  # time in the waiting room is not attendance


def test_zoom_rejoin_with_a_gap_counts_only_the_time_inside() -> None:
    text = ZOOM_PARTICIPANTS.replace("Anna Becker (Stadt Kiel),,12/02/2021 10:20:00 AM,12/02/2021 10:40:00 AM,"
                                     "20,Yes,Yes,No\r\n", "")
    anna = by_name(read_attendance_report(text.encode()))["Anna Becker (Stadt Kiel)"]
    assert len(anna.intervals) == 2
    assert anna.minutes == 32 + 55


def test_zoom_without_meeting_block_day_first_german_dates() -> None:
    text = (
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        "Anna Becker,anna@kiel.example,02.12.2021 09:58:00,02.12.2021 10:30:00,32,Ja\n"
        "Anna Becker,anna@kiel.example,02.12.2021 10:40:00,02.12.2021 11:00:00,20,Ja\n"
    )
    report = read_attendance_report(text.encode("cp1252"))
    assert report.title == "" and report.host_email == ""
    anna = report.participants[0]
    assert anna.minutes == 52
    assert anna.intervals[0].start == berlin(2, 9, 58)


def test_zoom_slash_dates_day_first_recognised_from_the_values() -> None:
    text = (
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        "Anna Becker,anna@kiel.example,02/12/2021 09:58:00,02/12/2021 10:30:00,32,Yes\n"
        "Jan Kaya,jan@ulm.example,13/12/2021 09:58:00,13/12/2021 10:00:00,2,Yes\n"
    )
    report = read_attendance_report(text.encode())
    assert by_name(report)["Anna Becker"].intervals[0].start == berlin(2, 9, 58)


def test_zoom_unique_users_variant_uses_total_duration() -> None:
    text = (
        ZOOM_MEETING_BLOCK
        + "Name (Original Name),User Email,Total Duration (Minutes),Guest\r\n"
        "Anna Becker,anna@kiel.example,87,Yes\r\nJan Kaya,,45,Yes\r\n"
    )
    report = read_attendance_report(text.encode("utf-8-sig"))
    people = by_name(report)
    assert people["Anna Becker"].minutes == 87 and people["Anna Becker"].intervals == ()
    assert people["Jan Kaya"].minutes == 45


def test_zoom_german_column_names() -> None:
    text = (
        "Name (ursprünglicher Name);Benutzer-E-Mail;Zeit des Beitritts;Zeit des Verlassens;Dauer (Minuten);Gast\n"
        "Anna Becker;anna@kiel.example;02.12.2021 09:58:00;02.12.2021 10:28:00;30;Ja\n"
    )
    report = read_attendance_report(text.encode("cp1252"))
    assert report.participants[0].minutes == 30
    assert report.participants[0].email == "anna@kiel.example"


def test_unreadable_rows_are_noted_and_skipped() -> None:
    text = (
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
        "Anna Becker,anna@kiel.example,gestern,02.12.2021 10:30:00,32\n"
        "Jan Kaya,jan@ulm.example,02.12.2021 10:30:00,02.12.2021 10:00:00,0\n"
        "Ute Lange,ute@bonn.example,02.12.2021 10:00:00,02.12.2021 10:10:00,10\n"
    )
    report = read_attendance_report(text.encode())
    assert [p.name for p in report.participants] == ["Ute Lange"]
    assert report.notes[0].startswith("Zeile 2: Beitrittszeit „gestern“")
    assert "Austritt vor dem Beitritt" in report.notes[1]


# -- Teams -------------------------------------------------------------------------------------------------

TEAMS = (
    "1. Summary\n"
    "Meeting title\tOpen-Data-Netzwerktreffen\n"
    "Attended participants\t4\n"
    "Start time\t12/2/21, 9:55:12 AM\n"
    "End time\t12/2/21, 11:34:40 AM\n"
    "Meeting duration\t1h 39m 28s\n"
    "Average attendance time\t1h 10m 3s\n"
    "\n"
    "2. Participants\n"
    "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole\n"
    "Koordination Difu\t12/2/21, 9:55:12 AM\t12/2/21, 11:34:40 AM\t1h 39m 28s\tkoordination@difu.example\t"
    "koordination@difu.example\tOrganizer\n"
    "Anna Becker\t12/2/21, 9:58:00 AM\t12/2/21, 11:30:00 AM\t1h 27m\tanna@kiel.example\tanna@kiel.example\t"
    "Attendee\n"
    "Claus Arndt\t12/2/21, 10:00:00 AM\t12/2/21, 11:00:00 AM\t1h\t\tclaus@moers.example\tPresenter\n"
    "Gast (Unverified)\t12/2/21, 10:00:00 AM\t12/2/21, 10:10:00 AM\t10m\t\t\tAttendee\n"
    "\n"
    "3. In-Meeting Activities\n"
    "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\n"
    "Koordination Difu\t12/2/21, 9:55:12 AM\t12/2/21, 11:34:40 AM\t1h 39m 28s\tkoordination@difu.example\t"
    "Organizer\n"
    "Anna Becker\t12/2/21, 9:58:00 AM\t12/2/21, 10:30:00 AM\t32m\tanna@kiel.example\tAttendee\n"
    "Anna Becker\t12/2/21, 10:35:00 AM\t12/2/21, 11:30:00 AM\t55m\tanna@kiel.example\tAttendee\n"
    "Claus Arndt\t12/2/21, 10:00:00 AM\t12/2/21, 11:00:00 AM\t1h\t\tPresenter\n"
    "Gast (Unverified)\t12/2/21, 10:00:00 AM\t12/2/21, 10:10:00 AM\t10m\t\tAttendee\n"
)


def test_teams_utf16_tab_separated_with_three_sections() -> None:
    report = read_attendance_report(TEAMS.encode("utf-16"))
    assert report.tool == "Teams"
    assert report.title == "Open-Data-Netzwerktreffen"
    assert report.starts_at == berlin(2, 9, 55, 12)
    people = by_name(report)
    assert people["Anna Becker"].minutes == 32 + 55  # rejoin: two activity rows, union
    assert len(people["Anna Becker"].intervals) == 2
    assert people["Koordination Difu"].role == "organizer"
    assert people["Claus Arndt"].role == "presenter"
    assert people["Gast (Unverified)"].minutes == 10


def test_teams_without_activities_uses_the_participants_section() -> None:
    text = TEAMS.split("3. In-Meeting Activities")[0]
    report = read_attendance_report(text.encode("utf-16"))
    people = by_name(report)
    assert people["Anna Becker"].minutes == 87
    assert people["Claus Arndt"].email == "claus@moers.example"  # the UPN when the e-mail is empty


def test_teams_german_report() -> None:
    text = (
        "1. Zusammenfassung\n"
        "Besprechungstitel\tNetzwerktreffen\n"
        "Startzeit\t2.12.21, 09:55:12\n"
        "\n"
        "2. Teilnehmer\n"
        "Name\tErster Beitritt\tLetztes Verlassen\tDauer in der Besprechung\tE-Mail\tTeilnehmer-ID (UPN)\tRolle\n"
        "Anna Becker\t2.12.21, 09:58:00\t2.12.21, 11:30:00\t1 Std. 32 Min.\tanna@kiel.example\t\tTeilnehmer\n"
        "\n"
        "3. Aktivitäten in der Besprechung\n"
        "Name\tBeitrittszeit\tZeitpunkt des Verlassens\tDauer\tE-Mail\tRolle\n"
        "Anna Becker\t2.12.21, 09:58:00\t2.12.21, 10:30:00\t32 Min.\tanna@kiel.example\tTeilnehmer\n"
        "Anna Becker\t2.12.21, 10:20:00\t2.12.21, 11:30:00\t70 Min.\tanna@kiel.example\tTeilnehmer\n"
    )
    report = read_attendance_report(text.encode("utf-16"))
    assert report.title == "Netzwerktreffen"
    assert report.starts_at == berlin(2, 9, 55, 12)
    assert report.participants[0].minutes == 92  # 09:58-11:30, the overlap counted once


def test_teams_legacy_join_leave_list() -> None:
    text = (
        "Full Name\tUser Action\tTimestamp\n"
        "Anna Becker\tJoined\t12/2/2021, 9:58:00 AM\n"
        "Anna Becker\tLeft\t12/2/2021, 10:30:00 AM\n"
        "Anna Becker\tJoined\t12/2/2021, 10:35:00 AM\n"
        "Jan Kaya\tJoined before\t12/2/2021, 9:55:00 AM\n"
        "Anna Becker\tLeft\t12/2/2021, 11:30:00 AM\n"
    )
    report = read_attendance_report(text.encode("utf-16"))
    people = by_name(report)
    assert people["Anna Becker"].minutes == 32 + 55
    assert people["Jan Kaya"].minutes == 95  # still in the meeting at the last entry of the list


# -- not a report ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Vorname;Nachname;E-Mail\nAnna;Becker;a@b.example\n", "weder ein Zoom-Teilnehmerbericht"),
        (b"", "leer"),
        (b"PK\x03\x04xxxx", "als CSV herunterladen"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "keine CSV- oder Excel-Datei"),
    ],
)
def test_other_files_are_user_errors(data: bytes, message: str) -> None:
    with pytest.raises(UserError, match=message):
        read_attendance_report(data)


# -- recognising a report by its header (a file dropped on the window) -------------------------------------------


@pytest.mark.parametrize(("data", "report"), [
    ((ZOOM_MEETING_BLOCK + ZOOM_PARTICIPANTS).encode(), True),
    (ZOOM_PARTICIPANTS.encode("utf-8-sig"), True),
    ("Name (Originalname);E-Mail des Benutzers;Beitrittszeit;Zeit des Verlassens;Dauer (Minuten)\n"
     "Anna Becker;anna@kiel.example;02.12.2021 09:58:00;02.12.2021 10:30:00;32\n".encode("cp1252"), True),
    (TEAMS.encode("utf-16"), True),
    # registration lists: a web form's export, Zoom's registrant list (no join time, no duration)
    (b"Vorname;Nachname;E-Mail;Organisation\nAnna;Becker;a@b.example;Stadt Kiel\n", False),
    (b"First Name,Last Name,Email,Registration Time,Approval Status\nAnna,Becker,a@b.example,12/01/2021,approved\n",
     False),
    (b"Name,E-Mail,Organisation\nAnna Becker,a@b.example,Stadt Kiel\n", False),
    (b"", False),
    (b"PK\x03\x04xxxx", False),  # an Excel workbook: registrations, never a report
    (b"\x89PNG\r\n\x1a\n\x00\x00", False),
])
def test_an_attendance_report_is_recognised_by_its_header(data: bytes, report: bool) -> None:
    assert looks_like_attendance_report(data) is report
