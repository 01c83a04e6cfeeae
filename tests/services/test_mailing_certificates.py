"""The certificate mail: who gets it (those who qualify), each with their own PDF, as draft or over SMTP."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from mail_smtp_server import SmtpServer, smtp_server
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.eml_drafts import Attachment
from odn_desktop.exchange.ics_calendar import Organizer
from odn_desktop.services import mailing
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.services.smtp_delivery import SmtpSettings
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)
ORGANIZER = Organizer("Koordination Open-Data-Netzwerktreffen", "koordination@difu.example")
ANNA, JUERGEN, KIM = "anna.gross@kiel.example", "juergen.mueller@ulm.example", "kim.schaefer@bonn.example"
OEZLEM, BERND = "oezlem.kaya@jena.example", "bernd.becker@trier.example"


@dataclass
class Meeting:
    db: Database
    event_id: uuid.UUID
    reg: dict[str, uuid.UUID]


@pytest.fixture
def meeting(db: Database) -> Meeting:
    """120 minutes, three seats. Groß 100 min, Müller 30 min (25 %), Schäfer marked by hand, Kaya waiting and
    absent, Becker cancelled but came for 90 minutes."""
    people = [
        ContactInput(ANNA, "Anna", "Groß", salutation="Frau", academic_title="Dr.", organisation="Stadt Kiel"),
        ContactInput(JUERGEN, "Jürgen", "Müller", salutation="Herr", organisation="Stadt Ulm"),
        ContactInput(KIM, "Kim", "Schäfer", organisation="Stadt Bonn"),
        ContactInput(OEZLEM, "Özlem", "Kaya", salutation="Frau", organisation="Stadt Jena"),
        ContactInput(BERND, "Bernd", "Becker", salutation="Herr", organisation="Stadt Trier"),
    ]
    with transaction(db.sessions) as s:
        event = create_event(s, title="Open-Data-Netzwerktreffen", starts_at=START,
                             ends_at=START + timedelta(minutes=120), capacity=3, venue="Zoom",
                             online_url="https://zoom.example/j/4711")
        ids = {p.email: regs.register(s, event.id, p).registration.id for p in people}
        regs.cancel(s, ids[BERND])
        regs.mark_attendance(s, ids[ANNA], True, 100)
        regs.mark_attendance(s, ids[JUERGEN], True, 30)
        regs.mark_attendance(s, ids[KIM], True)
        regs.mark_attendance(s, ids[BERND], True, 90)
        return Meeting(db, event.id, ids)


def pdf_of(email: str) -> bytes:
    return b"%PDF-1.7\n% certificate of " + email.encode() + b"\n\x00\xff%%EOF\n"


def files_for(m: Meeting, *emails: str) -> dict[uuid.UUID, tuple[Attachment, ...]]:
    return {m.reg[e]: (Attachment(f"Teilnahmebescheinigung_{e.split('@')[0]}.pdf", "application/pdf", pdf_of(e)),)
            for e in emails}


def emails(m: Meeting, **options: object) -> set[str]:
    with transaction(m.db.sessions) as s:
        return {p.email for p in mailing.recipients(s, m.event_id, "certificate", **options).people}  # type: ignore[arg-type]


def parse(data: bytes) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


def attachments_of(msg: EmailMessage) -> list[tuple[str | None, str, bytes]]:
    found = []
    for part in msg.iter_attachments():
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found.append((part.get_filename(), part.get_content_type(), payload))
    return found


def log_of(m: Meeting) -> dict[str, list[tuple[str, str, str]]]:
    with transaction(m.db.sessions) as s:
        by_reg = mailing.messages_of_event(s, m.event_id)
    by_email = {reg_id: email for email, reg_id in m.reg.items()}
    return {by_email[r]: [(x.template, x.channel, x.result) for x in rows] for r, rows in by_reg.items()}


def test_recipients_are_those_who_qualify_at_the_threshold(meeting: Meeting) -> None:
    assert emails(meeting) == {ANNA, KIM, BERND}  # default 50 %: Müller's 25 % is too little
    assert emails(meeting, min_percent=25) == {ANNA, JUERGEN, KIM, BERND}  # exactly at the threshold
    assert emails(meeting, min_percent=80) == {ANNA, KIM}  # 83 %; 75 % and by hand
    assert emails(meeting, min_percent=90) == {KIM}  # marked by hand always qualifies


def test_a_chosen_person_below_the_threshold_is_skipped_with_the_reason(meeting: Meeting) -> None:
    with transaction(meeting.db.sessions) as s:
        chosen = mailing.recipients(s, meeting.event_id, "certificate",
                                    registration_ids=[meeting.reg[JUERGEN], meeting.reg[OEZLEM], meeting.reg[ANNA]])
    assert [p.email for p in chosen.people] == [ANNA]
    reasons = {x.name: x.reason for x in chosen.skipped}
    assert reasons == {"Jürgen Müller": "keine Bescheinigung (30 von 120 Minuten (25 %) – unter 50 %)",
                       "Özlem Kaya": "keine Bescheinigung (nicht teilgenommen)"}


def test_drafts_carry_each_persons_own_pdf_and_are_recorded(meeting: Meeting, tmp_path: Path) -> None:
    folder = tmp_path / "Bescheinigungen"
    with transaction(meeting.db.sessions) as s:
        result = mailing.write_draft_files(s, meeting.event_id, "certificate", folder, organizer=ORGANIZER,
                                           attachments=files_for(meeting, ANNA, KIM, BERND, JUERGEN))
    assert sorted(p.name for p in result.files) == [
        "Teilnahmebescheinigung_Becker_Bernd.eml", "Teilnahmebescheinigung_Gross_Anna.eml",
        "Teilnahmebescheinigung_Schaefer_Kim.eml"]
    assert result.message.startswith("3 Entwürfe (Teilnahmebescheinigung) gespeichert in ")
    for path in result.files:
        msg = parse(path.read_bytes())
        to = msg["To"].addresses[0].addr_spec
        assert msg["Subject"] == "Ihre Teilnahmebescheinigung: Open-Data-Netzwerktreffen am 02.12.2031"
        assert [(kind, data) for _name, kind, data in attachments_of(msg)] == [("application/pdf", pdf_of(to))]
        assert not [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    assert log_of(meeting) == {e: [("certificate", "draft", "drafted")] for e in (ANNA, KIM, BERND)}
    with transaction(meeting.db.sessions) as s:
        text = mailing.messages_of_registration(s, meeting.reg[ANNA])[0].text
    assert text.startswith("Teilnahmebescheinigung als Entwurf erstellt am ")


def test_without_a_pdf_a_person_is_skipped_and_without_any_nothing_is_written(
        meeting: Meeting, tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s:
        with pytest.raises(UserError, match="Teilnahmebescheinigungen als PDF fehlen"):
            mailing.write_draft_files(s, meeting.event_id, "certificate", tmp_path / "leer", organizer=ORGANIZER)
        assert not (tmp_path / "leer").exists()
        result = mailing.write_draft_files(s, meeting.event_id, "certificate", tmp_path / "zwei",
                                           organizer=ORGANIZER, attachments=files_for(meeting, ANNA, KIM))
    assert len(result.files) == 2
    assert [(x.name, x.reason) for x in result.skipped] == [("Bernd Becker", "keine Bescheinigung")]
    assert result.message.endswith("; 1 Person übersprungen")
    assert BERND not in log_of(meeting)


def test_a_callable_gives_the_files_of_any_template(meeting: Meeting, tmp_path: Path) -> None:
    asked: list[uuid.UUID] = []

    def files(registration_id: uuid.UUID) -> list[Attachment]:
        asked.append(registration_id)
        return [Attachment("Folien.pdf", "application/pdf", b"%PDF-slides")]

    with transaction(meeting.db.sessions) as s:
        result = mailing.write_draft_files(s, meeting.event_id, "thanks", tmp_path, organizer=ORGANIZER,
                                           attachments=files)
    assert sorted(asked) == sorted(meeting.reg[e] for e in (ANNA, JUERGEN, KIM))  # the thanks go to attendees
    for path in result.files:
        assert attachments_of(parse(path.read_bytes())) == [("Folien.pdf", "application/pdf", b"%PDF-slides")]


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as srv:
        yield srv


def test_sent_over_smtp_with_the_pdf_and_never_twice(meeting: Meeting, server: SmtpServer) -> None:
    smtp = SmtpSettings(host=server.host, port=server.port, timeout=5)
    files = files_for(meeting, ANNA, JUERGEN, KIM, BERND)
    report = mailing.send_mails(meeting.db.sessions, meeting.event_id, "certificate", smtp, organizer=ORGANIZER,
                                pause=0, attachments=files, min_percent=25)
    assert {r.email for r in report.sent} == {ANNA, JUERGEN, KIM, BERND}
    assert report.message() == "Teilnahmebescheinigung: 4 versendet."
    for received in server.handler.received:
        to = received.rcpt_tos[0]
        assert attachments_of(received.message) == [
            (f"Teilnahmebescheinigung_{to.split('@')[0]}.pdf", "application/pdf", pdf_of(to))]
    assert log_of(meeting)[JUERGEN] == [("certificate", "smtp", "sent")]
    again = mailing.send_mails(meeting.db.sessions, meeting.event_id, "certificate", smtp, organizer=ORGANIZER,
                               pause=0, attachments=files, min_percent=25)
    assert again.results == () and len(again.skipped) == 4
    assert len(server.handler.received) == 4
