"""Drafts Outlook opens as editable messages, with the personal invitation as text/calendar; method=REQUEST."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.eml_drafts import (
    MailAddress,
    OutgoingMail,
    build_message,
    calendar_method,
    draft_filename,
    message_bytes,
    write_drafts,
)
from odn_desktop.exchange.export_records import EventInfo, Participant
from odn_desktop.exchange.ics_calendar import Organizer, invitation

EVENT = EventInfo(
    id=uuid.uuid4(), title="Open-Data-Netzwerktreffen", starts_at=datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN),
    ends_at=datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN), ics_uid="odn-2021-12@odn-desktop", venue="Zoom",
    online_url="https://zoom.example/j/123",
)
ORGANIZER = Organizer("Koordination ODN", "koordination@difu.example")
ANNA = Participant(registration_id=uuid.uuid4(), last_name="Groß", first_name="Anna", email="anna.gross@kiel.example",
                   salutation="Frau", academic_title="Dr.")
NOW = datetime(2021, 11, 30, 9, 0, tzinfo=UTC)


SUBJECT = "Zugangslink: Open-Data-Netzwerktreffen am 02.12.2021 – Ihr persönlicher Zugang"


def _mail(person: Participant = ANNA, *, calendar: bool = True, subject: str = SUBJECT) -> OutgoingMail:
    return OutgoingMail(
        registration_id=person.registration_id, to=MailAddress(person.display_name, person.email), subject=subject,
        body="Sehr geehrte Frau Dr. Groß,\n\nhier ist Ihr Zugangslink: https://zoom.example/j/123\n",
        calendar=invitation(EVENT, person, organizer=ORGANIZER, now=NOW) if calendar else None,
        last_name=person.last_name, first_name=person.first_name,
    )


def parse(data: bytes) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


def test_draft_is_an_unsent_message_with_the_invitation() -> None:
    data = message_bytes(build_message(_mail(), sender=None, draft=True))
    assert b"\r\n" in data and b"\n\n" not in data.replace(b"\r\n", b"")  # CRLF throughout
    msg = parse(data)
    assert msg["X-Unsent"] == "1"
    assert msg["Date"] is None and msg["Message-ID"] is None and msg["From"] is None
    assert msg["To"].addresses[0].addr_spec == "anna.gross@kiel.example"
    assert msg["To"].addresses[0].display_name == "Dr. Anna Groß"
    assert msg["Subject"] == "Zugangslink: Open-Data-Netzwerktreffen am 02.12.2021 – Ihr persönlicher Zugang"
    assert msg.get_content_type() == "multipart/mixed"

    body = msg.get_body(("plain",))
    assert body is not None and body.get_content_charset() == "utf-8"
    assert body.get_content().splitlines()[0] == "Sehr geehrte Frau Dr. Groß,"

    calendars = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    assert len(calendars) == 1
    cal = calendars[0]
    assert b"\r\nContent-Type: text/calendar; method=REQUEST; charset=UTF-8\r\n" in data  # as Exchange writes it
    assert cal.get_param("method") == "REQUEST"
    ics = cal.get_payload(decode=True)
    assert ics == invitation(EVENT, ANNA, organizer=ORGANIZER, now=NOW)  # byte for byte, CRLF kept
    assert b"METHOD:REQUEST\r\n" in ics
    assert b"mailto:anna.gross@kiel.example" in ics
    assert b"UID:odn-2021-12@odn-desktop" in ics

    attachments = list(msg.iter_attachments())
    assert [a.get_filename() for a in attachments] == ["invite.ics"]
    assert attachments[0].get_content_type() == "application/ics"
    assert attachments[0].get_payload(decode=True) == ics


def test_message_for_smtp_has_date_message_id_and_sender_but_no_unsent_flag() -> None:
    msg = parse(message_bytes(build_message(_mail(), sender=MailAddress("Koordination ODN", "k@difu.example"),
                                            draft=False, now=NOW)))
    assert msg["X-Unsent"] is None
    assert msg["Date"].datetime == NOW
    assert msg["Message-ID"].endswith("@difu.example>")
    assert msg["From"].addresses[0].addr_spec == "k@difu.example"


def test_message_without_invitation_is_plain_text() -> None:
    msg = parse(message_bytes(build_message(_mail(calendar=False), sender=None, draft=True)))
    assert msg.get_content_type() == "text/plain"
    assert msg["Content-Transfer-Encoding"] == "quoted-printable"  # 7-bit clean for any server
    assert "Groß" in msg.get_content()


def test_long_non_ascii_subjects_keep_their_spaces() -> None:
    subject = ("Vielen Dank für Ihre Teilnahme: Öffentliche Daten – Übung für Städte und Gemeinden in "
               "Nordrhein-Westfalen und Baden-Württemberg – äöü ÄÖÜ ß")
    data = message_bytes(build_message(_mail(subject=subject), sender=None, draft=True))
    assert max(len(line) for line in data.split(b"\r\n")) <= 78
    assert parse(data)["Subject"] == subject


def test_calendar_method_of_a_cancellation() -> None:
    cancelled = EventInfo(id=EVENT.id, title=EVENT.title, starts_at=EVENT.starts_at, ends_at=EVENT.ends_at,
                          ics_uid=EVENT.ics_uid, status="cancelled")
    ics = invitation(cancelled, ANNA, organizer=ORGANIZER, now=NOW)
    assert calendar_method(ics) == "CANCEL"
    mail = OutgoingMail(ANNA.registration_id, MailAddress("A", ANNA.email), "Absage", "x", ics)
    cal = next(p for p in parse(message_bytes(build_message(mail, sender=None, draft=True))).walk()
               if p.get_content_type() == "text/calendar")
    assert cal.get_param("method") == "CANCEL"


def test_draft_file_names_are_ascii_and_unique() -> None:
    taken: set[str] = set()
    assert draft_filename("Zugangslink", "Groß", "Jürgen", taken) == "Zugangslink_Gross_Juergen.eml"
    assert draft_filename("Zugangslink", "Gross", "Juergen", taken) == "Zugangslink_Gross_Juergen_2.eml"
    assert draft_filename("Zugangslink", "", "", taken) == "Zugangslink_Person.eml"
    assert draft_filename("Zugangslink", "../../etc", "pass:wd", taken) == "Zugangslink_Etc_Pass_Wd.eml"


def test_write_drafts_writes_one_parsable_file_per_person(tmp_path: Path) -> None:
    kim = Participant(registration_id=uuid.uuid4(), last_name="Schäfer", first_name="Kim", email="kim@bonn.example")
    written = write_drafts([_mail(), _mail(kim)], tmp_path / "Entwürfe", prefix="Zugangslink")
    names = sorted(p.name for _m, p in written)
    assert names == ["Zugangslink_Gross_Anna.eml", "Zugangslink_Schaefer_Kim.eml"]
    for mail, path in written:
        msg = parse(path.read_bytes())
        assert msg["X-Unsent"] == "1" and msg["To"].addresses[0].addr_spec == mail.to.email
    # written again: the same files are replaced, no "_2" copies pile up
    write_drafts([_mail()], tmp_path / "Entwürfe", prefix="Zugangslink")
    assert len(list((tmp_path / "Entwürfe").iterdir())) == 2
