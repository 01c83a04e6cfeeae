"""Files attached to a message (a person's certificate as PDF): read back with the email package, byte for byte."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.eml_drafts import (
    Attachment,
    MailAddress,
    OutgoingMail,
    build_message,
    message_bytes,
    write_drafts,
)
from odn_desktop.exchange.export_records import EventInfo, Participant
from odn_desktop.exchange.ics_calendar import Organizer, invitation
from odn_desktop.exchange.mail_templates import DEFAULT_TEMPLATES, TEMPLATE_LABELS, TEMPLATE_NAMES, render

EVENT = EventInfo(
    id=uuid.uuid4(), title="Open-Data-Netzwerktreffen", starts_at=datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN),
    ends_at=datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN), ics_uid="odn-2021-12@odn-desktop", venue="Zoom",
    online_url="https://zoom.example/j/123",
)
ANNA = Participant(registration_id=uuid.uuid4(), last_name="Groß", first_name="Anna", email="anna.gross@kiel.example",
                   salutation="Frau", academic_title="Dr.", organisation="Stadt Kiel")
# bytes a text transfer would damage: CR, LF, NUL and high bytes
PDF = b"%PDF-1.7\r\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\xff\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
CERTIFICATE = Attachment("Teilnahmebescheinigung_Gross_Anna.pdf", "application/pdf", PDF)


def _mail(*, calendar: bool = False, attachments: tuple[Attachment, ...] = (CERTIFICATE,)) -> OutgoingMail:
    organizer = Organizer("Koordination ODN", "koordination@difu.example")
    return OutgoingMail(
        registration_id=ANNA.registration_id, to=MailAddress(ANNA.display_name, ANNA.email),
        subject="Ihre Teilnahmebescheinigung", body="Sehr geehrte Frau Dr. Groß,\n\nim Anhang.\n",
        calendar=invitation(EVENT, ANNA, organizer=organizer, now=datetime(2021, 11, 30, tzinfo=UTC))
        if calendar else None,
        last_name=ANNA.last_name, first_name=ANNA.first_name, attachments=attachments,
    )


def parse(data: bytes) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


def _files(msg: EmailMessage) -> list[tuple[str | None, str, bytes]]:
    found = []
    for part in msg.iter_attachments():
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found.append((part.get_filename(), part.get_content_type(), payload))
    return found


def test_a_draft_carries_the_pdf_byte_for_byte_next_to_the_text() -> None:
    data = message_bytes(build_message(_mail(), sender=None, draft=True))
    assert max(len(line) for line in data.split(b"\r\n")) <= 78  # base64, folded: 7-bit clean for any server
    msg = parse(data)
    assert msg.get_content_type() == "multipart/mixed"
    assert msg["X-Unsent"] == "1"
    body = msg.get_body(("plain",))
    assert body is not None and body.get_content().startswith("Sehr geehrte Frau Dr. Groß,")
    assert _files(msg) == [("Teilnahmebescheinigung_Gross_Anna.pdf", "application/pdf", PDF)]
    (part,) = list(msg.iter_attachments())
    assert part.get_content_disposition() == "attachment"
    assert part["Content-Transfer-Encoding"] == "base64"
    assert data.count(b"MIME-Version") == 1  # on the top level only


def test_the_pdf_follows_the_invitation_and_the_calendar_part_keeps_its_method() -> None:
    msg = parse(message_bytes(build_message(_mail(calendar=True), sender=None, draft=True)))
    names = [(name, kind) for name, kind, _data in _files(msg)]
    assert names == [("invite.ics", "application/ics"), ("Teilnahmebescheinigung_Gross_Anna.pdf", "application/pdf")]
    calendar = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    assert calendar.get_param("method") == "REQUEST"


def test_a_non_ascii_file_name_survives_and_several_files_keep_their_order() -> None:
    files = (Attachment("Bescheinigung Groß.pdf", "application/pdf", b"%PDF-1"),
             Attachment("Programm.txt", "text/plain", "Begrüßung\n".encode()))
    msg = parse(message_bytes(build_message(_mail(attachments=files), sender=MailAddress("K", "k@difu.example"),
                                            draft=False)))
    assert [(n, k, d) for n, k, d in _files(msg)] == [
        ("Bescheinigung Groß.pdf", "application/pdf", b"%PDF-1"),
        ("Programm.txt", "text/plain", "Begrüßung\n".encode()),
    ]
    assert msg["Date"] is not None  # still a message ready to send


def test_without_attachments_the_message_stays_a_single_text_part() -> None:
    msg = parse(message_bytes(build_message(_mail(attachments=()), sender=None, draft=True)))
    assert msg.get_content_type() == "text/plain"


def test_written_drafts_hold_the_attachment(tmp_path: Path) -> None:
    ((_mail_written, path),) = write_drafts([_mail()], tmp_path, prefix="Teilnahmebescheinigung")
    assert path.name == "Teilnahmebescheinigung_Gross_Anna.eml"
    assert _files(parse(path.read_bytes()))[0][2] == PDF


def test_the_certificate_template_thanks_names_the_attachment_and_asks_for_it() -> None:
    assert "certificate" in TEMPLATE_NAMES
    assert TEMPLATE_LABELS["certificate"] == "Teilnahmebescheinigung"
    template = DEFAULT_TEMPLATES["certificate"]
    assert template.attach_certificate and not template.attach_invitation
    assert template.with_text("Betreff", "Text").attach_certificate  # an edited wording still attaches
    mail = render(template, EVENT, ANNA, sender_name="Koordination ODN")
    assert mail.subject == "Ihre Teilnahmebescheinigung: Open-Data-Netzwerktreffen am 02.12.2021"
    assert mail.body.startswith("Sehr geehrte Frau Dr. Groß,\n\nvielen Dank für Ihre Teilnahme an der Veranstaltung "
                                "„Open-Data-Netzwerktreffen“ am Donnerstag, 2. Dezember 2021")
    assert "Im Anhang erhalten Sie Ihre persönliche Teilnahmebescheinigung als PDF-Datei." in mail.body
    assert "$" not in mail.subject + mail.body
    assert mail.body.rstrip().endswith("Mit freundlichen Grüßen\nKoordination ODN")
    assert not any(t.attach_certificate for name, t in DEFAULT_TEMPLATES.items() if name != "certificate")
