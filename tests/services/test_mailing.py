"""Mail to registrants: who gets what, .eml drafts, sending through a real SMTP server on loopback, retries."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import ClassVar

import pytest
from sqlalchemy import select

from mail_smtp_server import SmtpServer, free_port, self_signed_certificate, smtp_server
from odn_desktop.domain.deadlines import DeadlineKind
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.ics_calendar import Organizer
from odn_desktop.services import mailing
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import cancel_event, create_event
from odn_desktop.services.smtp_delivery import (
    SendControl,
    SmtpSettings,
    check_settings,
    parse_smtp_address,
    password_stays_private,
    smtp_password,
    store_smtp_password,
)
from odn_desktop.services.tasks import event_deadlines
from odn_desktop.store.database import transaction
from odn_desktop.store.mail_models import RegistrationMessage
from odn_desktop.store.models import Event
from odn_desktop.store.open import Database

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)
ORGANIZER = Organizer("Koordination Open-Data-Netzwerktreffen", "koordination@difu.example")
ANNA, JUERGEN, KIM = "anna.gross@kiel.example", "juergen.mueller@ulm.example", "kim.schaefer@bonn.example"
OEZLEM, BERND = "oezlem.kaya@jena.example", "bernd.becker@trier.example"
REGISTERED = {ANNA, JUERGEN, KIM}
SALUTATIONS = {
    ANNA: "Sehr geehrte Frau Dr. Groß,",
    JUERGEN: "Sehr geehrter Herr Müller,",
    KIM: "Guten Tag Kim Schäfer,",
    OEZLEM: "Sehr geehrte Frau Kaya,",
}


@dataclass
class Meeting:
    db: Database
    event_id: uuid.UUID
    reg: dict[str, uuid.UUID]  # registration id by e-mail


@pytest.fixture
def meeting(db: Database) -> Meeting:
    """Three seats taken (Groß, Müller, Schäfer), Kaya waiting, Becker cancelled."""
    people = [
        ContactInput(ANNA, "Anna", "Groß", salutation="Frau", academic_title="Dr.", organisation="Stadt Kiel"),
        ContactInput(JUERGEN, "Jürgen", "Müller", salutation="Herr", organisation="Stadt Ulm"),
        ContactInput(KIM, "Kim", "Schäfer", organisation="Stadt Bonn"),
        ContactInput(OEZLEM, "Özlem", "Kaya", salutation="Frau", organisation="Stadt Jena"),
        ContactInput(BERND, "Bernd", "Becker", salutation="Herr", organisation="Stadt Trier"),
    ]
    with transaction(db.sessions) as s:
        event = create_event(s, title="Open-Data-Netzwerktreffen", starts_at=START,
                             ends_at=START + timedelta(minutes=90), capacity=3, venue="Zoom",
                             online_url="https://zoom.example/j/4711")
        ids = {p.email: regs.register(s, event.id, p).registration.id for p in people}
        regs.cancel(s, ids[BERND])
        return Meeting(db, event.id, ids)


def parse(data: bytes) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


def body_of(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def calendar_of(msg: EmailMessage) -> tuple[str | None, bytes]:
    part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return part.get_param("method"), payload  # type: ignore[return-value]


def log_of(m: Meeting) -> dict[str, list[tuple[str, str, str, str]]]:
    with transaction(m.db.sessions) as s:
        by_reg = mailing.messages_of_event(s, m.event_id)
    by_email = {reg_id: email for email, reg_id in m.reg.items()}
    return {by_email[reg_id]: [(r.template, r.channel, r.result, r.detail) for r in rows]
            for reg_id, rows in by_reg.items()}


def link_sent_at(m: Meeting) -> datetime | None:
    with transaction(m.db.sessions) as s:
        event = s.get(Event, m.event_id)
        assert event is not None
        return event.access_link_sent_at


# -- who gets what -------------------------------------------------------------------------------------------


def emails(m: Meeting, template: str, **options: object) -> set[str]:
    with transaction(m.db.sessions) as s:
        return {p.email for p in mailing.recipients(s, m.event_id, template, **options).people}  # type: ignore[arg-type]


def test_recipients_per_template(meeting: Meeting) -> None:
    assert emails(meeting, "access_link") == REGISTERED  # never the waiting list or cancelled people
    assert emails(meeting, "reminder") == REGISTERED
    assert emails(meeting, "confirmation") == REGISTERED
    assert emails(meeting, "waitlist") == {OEZLEM}
    assert emails(meeting, "promoted", registration_ids=[meeting.reg[OEZLEM]]) == set()  # still waiting
    assert emails(meeting, "thanks") == REGISTERED


def test_thanks_go_to_attendees_once_attendance_is_recorded(meeting: Meeting) -> None:
    with transaction(meeting.db.sessions) as s:
        regs.mark_attendance(s, meeting.reg[KIM], True, 85)
    assert emails(meeting, "thanks") == {KIM}


def test_cancellation_needs_a_cancelled_event_and_reaches_registered_and_waiting(
        meeting: Meeting, tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s, pytest.raises(UserError, match="nicht abgesagt"):
        mailing.build_mails(s, meeting.event_id, "cancellation")
    with transaction(meeting.db.sessions) as s:
        cancel_event(s, meeting.event_id)
        result = mailing.write_draft_files(s, meeting.event_id, "cancellation", tmp_path, organizer=ORGANIZER)
        with pytest.raises(UserError, match="abgesagt"):
            mailing.build_mails(s, meeting.event_id, "access_link")
    drafts = [parse(p.read_bytes()) for p in result.files]
    assert {d["To"].addresses[0].addr_spec for d in drafts} == REGISTERED | {OEZLEM}
    for draft in drafts:
        method, ics = calendar_of(draft)
        assert method == "CANCEL" and b"STATUS:CANCELLED" in ics


def test_moved_up_people_are_told_once(meeting: Meeting, tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s:
        mailing.write_draft_files(s, meeting.event_id, "waitlist", tmp_path / "warteliste", organizer=ORGANIZER)
        change = regs.cancel(s, meeting.reg[ANNA])
    assert [r.email for r in change.promoted] == [OEZLEM]
    assert emails(meeting, "promoted", registration_ids=[meeting.reg[OEZLEM]]) == {OEZLEM}
    # without a selection: whoever was told "waiting list" and is registered now
    assert emails(meeting, "promoted") == {OEZLEM}
    with transaction(meeting.db.sessions) as s:
        mailing.write_draft_files(s, meeting.event_id, "promoted", tmp_path / "nachgerueckt", organizer=ORGANIZER)
    assert emails(meeting, "promoted") == set()


def test_access_link_needs_the_link(db: Database) -> None:
    with transaction(db.sessions) as s:
        event = create_event(s, title="Ohne Link", starts_at=START, ends_at=START + timedelta(hours=1))
        with pytest.raises(UserError, match="kein Zugangslink"):
            mailing.build_mails(s, event.id, "access_link")


# -- drafts ------------------------------------------------------------------------------------------------


def test_the_draft_message_counts_in_german(meeting: Meeting, tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s:
        one = mailing.write_draft_files(s, meeting.event_id, "reminder", tmp_path / "eins", organizer=ORGANIZER,
                                        registration_ids=[meeting.reg[ANNA], meeting.reg[OEZLEM]])
        three = mailing.write_draft_files(s, meeting.event_id, "thanks", tmp_path / "drei", organizer=ORGANIZER)
    assert one.message.startswith("1 Entwurf (Erinnerung) gespeichert in ")
    assert one.message.endswith("; 1 Person übersprungen")  # Kaya waits: no reminder
    assert three.message.startswith("3 Entwürfe (")


def test_access_link_drafts_parse_and_are_recorded(meeting: Meeting, tmp_path: Path) -> None:
    folder = tmp_path / "Entwürfe Zugangslink"
    with transaction(meeting.db.sessions) as s:
        result = mailing.write_draft_files(s, meeting.event_id, "access_link", folder, organizer=ORGANIZER)
    assert len(result.files) == 3
    assert sorted(p.name for p in folder.iterdir()) == [
        "Zugangslink_Gross_Anna.eml", "Zugangslink_Mueller_Juergen.eml", "Zugangslink_Schaefer_Kim.eml"]
    seen = set()
    for path in result.files:
        msg = parse(path.read_bytes())
        to = msg["To"].addresses[0].addr_spec
        seen.add(to)
        assert msg["X-Unsent"] == "1"
        assert msg["From"].addresses[0].addr_spec == "koordination@difu.example"
        assert msg["Subject"] == "Zugangslink: Open-Data-Netzwerktreffen am 02.12.2031"
        body = body_of(msg)
        assert body.splitlines()[0] == SALUTATIONS[to]
        assert "https://zoom.example/j/4711" in body
        method, ics = calendar_of(msg)
        assert method == "REQUEST"
        assert b"METHOD:REQUEST" in ics and f"mailto:{to}".encode() in ics
        assert [a.get_filename() for a in msg.iter_attachments()] == ["invite.ics"]
    assert seen == REGISTERED

    log = log_of(meeting)
    assert set(log) == REGISTERED
    assert all(entries == [("access_link", "draft", "drafted", "")] for entries in log.values())
    with transaction(meeting.db.sessions) as s:
        text = mailing.messages_of_registration(s, meeting.reg[ANNA])[-1].text
    assert text.startswith("Zugangslink als Entwurf erstellt am ")
    # a draft has not left Outlook yet: the link is not sent and the deadline stays open
    assert link_sent_at(meeting) is None
    assert not access_link_deadline_done(meeting)


def access_link_deadline_done(m: Meeting) -> bool:
    with transaction(m.db.sessions) as s:
        deadline = next(d for d in event_deadlines(s, event_id=m.event_id)
                        if d.deadline.kind is DeadlineKind.ACCESS_LINK)
        return deadline.deadline.done


def test_access_link_drafts_count_as_sent_only_once_confirmed(meeting: Meeting, tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s:
        mailing.write_draft_files(s, meeting.event_id, "access_link", tmp_path, organizer=ORGANIZER,
                                  registration_ids=[meeting.reg[ANNA], meeting.reg[KIM]])
        assert sorted(mailing.pending_drafts(s, meeting.event_id, "access_link")) == sorted(
            [meeting.reg[ANNA], meeting.reg[KIM]])
    assert link_sent_at(meeting) is None and not access_link_deadline_done(meeting)
    with transaction(meeting.db.sessions) as s:
        first = mailing.mark_drafts_sent(s, meeting.event_id, "access_link")
    assert first.count == 2 and not first.access_link_done  # Müller has no link yet
    assert first.message == ("Zugangslink mit Einladung: 2 Entwürfe als verschickt vermerkt; die Frist "
                             "„Zugangslink verschicken“ bleibt offen, bis alle Angemeldeten den Link haben.")
    assert link_sent_at(meeting) is None
    assert log_of(meeting)[ANNA] == [("access_link", "draft", "drafted", ""),
                                     ("access_link", "draft", "sent", "aus Outlook verschickt, bestätigt")]
    with transaction(meeting.db.sessions) as s:
        mailing.write_draft_files(s, meeting.event_id, "access_link", tmp_path, organizer=ORGANIZER,
                                  registration_ids=[meeting.reg[JUERGEN]])
        assert mailing.pending_drafts(s, meeting.event_id, "access_link") == [meeting.reg[JUERGEN]]
    assert link_sent_at(meeting) is None
    with transaction(meeting.db.sessions) as s:
        done = mailing.mark_drafts_sent(s, meeting.event_id, "access_link")
        again = mailing.mark_drafts_sent(s, meeting.event_id, "access_link")
        text = mailing.messages_of_registration(s, meeting.reg[JUERGEN])[-1].text
    assert done.count == 1 and done.access_link_done and done.message.endswith("ist erledigt.")
    assert again.count == 0 and again.message.startswith("Zugangslink mit Einladung: keine Entwürfe")
    assert link_sent_at(meeting) is not None and access_link_deadline_done(meeting)
    assert text.startswith("Zugangslink versendet am ") and text.endswith("(aus Outlook verschickt, bestätigt)")
    # who has it confirmed is not sent it again over SMTP
    assert emails(meeting, "access_link", skip_received=True) == set()


def test_saved_template_wording_is_used_and_can_be_reset(meeting: Meeting) -> None:
    with transaction(meeting.db.sessions) as s:
        with pytest.raises(UserError, match=r"\$linkk"):
            mailing.save_template(s, "reminder", "Erinnerung", "$anrede, $linkk")
        mailing.save_template(s, "reminder", "Morgen: $veranstaltung", "$anrede,\n\nbis morgen!\n\n$absender")
        assert mailing.is_customised(s, "reminder")
        batch = mailing.build_mails(s, meeting.event_id, "reminder", organizer=ORGANIZER)
        mail = next(m for m in batch.mails if m.to.email == ANNA)
        assert mail.subject == "Morgen: Open-Data-Netzwerktreffen"
        assert mail.body == "Sehr geehrte Frau Dr. Groß,\n\nbis morgen!\n\nKoordination Open-Data-Netzwerktreffen\n"
        assert mail.calendar is None
        mailing.reset_template(s, "reminder")
        assert not mailing.is_customised(s, "reminder")
        assert mailing.load_template(s, "reminder").subject.startswith("Erinnerung: ")


def test_preview_uses_a_real_registrant(meeting: Meeting) -> None:
    with transaction(meeting.db.sessions) as s:
        people = mailing.preview_people(s, meeting.event_id, "waitlist")
        assert [p.label for p in people] == [f"Özlem Kaya <{OEZLEM}>"]
        text = mailing.preview(s, meeting.event_id, mailing.load_template(s, "waitlist"), people[0].registration_id)
    assert text.body.startswith("Sehr geehrte Frau Kaya,")
    assert "(Platz 1)" in text.body


# -- SMTP --------------------------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as srv:
        yield srv


def settings(server: SmtpServer, **options: object) -> SmtpSettings:
    return SmtpSettings(host=server.host, port=server.port, timeout=5, **options)  # type: ignore[arg-type]


def test_send_through_a_real_server_a_refused_recipient_fails_alone_and_can_be_retried(
        meeting: Meeting, server: SmtpServer) -> None:
    server.handler.refused.add(JUERGEN)
    progress: list[tuple[int, str]] = []
    report = mailing.send_mails(meeting.db.sessions, meeting.event_id, "access_link", settings(server),
                                organizer=ORGANIZER, pause=0, progress=lambda p, t: progress.append((p, t)))
    assert {r.email for r in report.sent} == {ANNA, KIM}
    assert [(r.email, r.ok) for r in report.failed] == [(JUERGEN, False)]
    assert "550" in report.failed[0].detail
    assert progress[-1][0] == 100 and len(progress) == 3
    assert "1 fehlgeschlagen" in report.message()

    # the server really got two messages, each to its one recipient, as MIME with the invitation
    assert sorted(server.handler.recipients()) == sorted([ANNA, KIM])
    for received in server.handler.received:
        assert received.mail_from == "koordination@difu.example"
        msg = received.message
        assert msg["To"].addresses[0].addr_spec == received.rcpt_tos[0]
        assert msg["X-Unsent"] is None and msg["Date"] is not None and msg["Message-ID"] is not None
        assert body_of(msg).splitlines()[0] == SALUTATIONS[received.rcpt_tos[0]]
        assert calendar_of(msg)[0] == "REQUEST"

    log = log_of(meeting)
    assert log[ANNA] == [("access_link", "smtp", "sent", "")]
    assert log[KIM] == [("access_link", "smtp", "sent", "")]
    [(template, channel, result, detail)] = log[JUERGEN]
    assert (template, channel, result) == ("access_link", "smtp", "failed") and "550" in detail
    assert link_sent_at(meeting) is None  # not everybody has the link yet
    assert not report.access_link_done

    # the server accepts the address now: a retry sends to Müller only
    server.handler.refused.clear()
    server.handler.rcpt_attempts.clear()
    retry = mailing.retry_failed(meeting.db.sessions, meeting.event_id, "access_link", settings(server),
                                 organizer=ORGANIZER, pause=0)
    assert [r.email for r in retry.sent] == [JUERGEN] and not retry.failed
    assert server.handler.rcpt_attempts == [JUERGEN]
    assert [e[2] for e in log_of(meeting)[JUERGEN]] == ["failed", "sent"]
    assert retry.access_link_done and link_sent_at(meeting) is not None

    # sending again reaches nobody twice
    again = mailing.send_mails(meeting.db.sessions, meeting.event_id, "access_link", settings(server),
                               organizer=ORGANIZER, pause=0)
    assert again.results == () and len(again.skipped) == 3
    assert len(server.handler.received) == 3


def test_a_dropped_connection_fails_one_recipient_and_the_next_gets_a_new_connection(
        meeting: Meeting, server: SmtpServer) -> None:
    server.handler.closing.add(JUERGEN)
    report = mailing.send_mails(meeting.db.sessions, meeting.event_id, "reminder", settings(server),
                                organizer=ORGANIZER, pause=0)
    assert [r.email for r in report.failed] == [JUERGEN]
    assert {r.email for r in report.sent} == {ANNA, KIM}
    assert sorted(server.handler.recipients()) == sorted([ANNA, KIM])
    retry = mailing.retry_failed(meeting.db.sessions, meeting.event_id, "reminder", settings(server),
                                 organizer=ORGANIZER, pause=0)
    assert [r.email for r in retry.sent] == [JUERGEN]


def test_cancel_before_the_next_message(meeting: Meeting, server: SmtpServer) -> None:
    control = SendControl()

    def stop_after_first(result: object) -> None:
        control.cancel()

    report = mailing.send_mails(meeting.db.sessions, meeting.event_id, "reminder", settings(server),
                                organizer=ORGANIZER, pause=0, control=control, on_result=stop_after_first)
    assert len(report.results) == 1 and report.cancelled and report.not_sent == 2
    assert len(server.handler.received) == 1
    assert sum(len(v) for v in log_of(meeting).values()) == 1  # only what was really sent is recorded


def test_pause_holds_the_delivery_until_resumed(meeting: Meeting, server: SmtpServer) -> None:
    control = SendControl()
    control.pause()
    reports: list[mailing.SendReport] = []
    worker = threading.Thread(target=lambda: reports.append(mailing.send_mails(
        meeting.db.sessions, meeting.event_id, "reminder", settings(server), organizer=ORGANIZER, pause=0.05,
        control=control)))
    worker.start()
    time.sleep(0.4)
    assert server.handler.received == [] and control.paused
    control.resume()
    worker.join(10)
    assert len(reports[0].sent) == 3 and not reports[0].cancelled


def test_an_unreachable_server_is_a_user_error_and_nothing_is_recorded(meeting: Meeting) -> None:
    dead = SmtpSettings(host="127.0.0.1", port=free_port(), timeout=2)
    with pytest.raises(UserError, match="nicht erreichbar"):
        mailing.send_mails(meeting.db.sessions, meeting.event_id, "access_link", dead, organizer=ORGANIZER, pause=0)
    assert log_of(meeting) == {}
    with transaction(meeting.db.sessions) as s:
        assert s.scalars(select(RegistrationMessage)).first() is None


def test_starttls_and_login_with_the_password_from_the_environment(
        meeting: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cert = self_signed_certificate(tmp_path)
    user = "koordination@difu.example"
    with smtp_server(certificate=cert, users={user: "geheim"}) as srv:
        monkeypatch.setenv("ODN_SMTP_PASSWORD", "geheim")
        smtp = SmtpSettings(host=srv.host, port=srv.port, starttls=True, user=user, cafile=str(cert[0]), timeout=5)
        report = mailing.send_mails(meeting.db.sessions, meeting.event_id, "reminder", smtp,
                                    organizer=Organizer("Koordination", user), pause=0)
        assert len(report.sent) == 3
        assert srv.logins == [(user, "geheim")]
        monkeypatch.setenv("ODN_SMTP_PASSWORD", "falsch")
        with pytest.raises(UserError, match="Anmeldung"):
            mailing.send_mails(meeting.db.sessions, meeting.event_id, "thanks", smtp,
                               organizer=Organizer("Koordination", user), pause=0)


def test_credentials_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        store: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    monkeypatch.delenv("ODN_SMTP_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        smtp = parse_smtp_address("mail.difu.example:587", starttls=True, user="k@difu.example")
        assert smtp_password(smtp) is None
        store_smtp_password(smtp, "geheim")
        assert smtp_password(smtp) == "geheim"
        monkeypatch.setenv("ODN_SMTP_PASSWORD", "aus-der-umgebung")
        assert smtp_password(smtp) == "aus-der-umgebung"
    finally:
        keyring.set_keyring(previous)
    with pytest.raises(UserError, match="Das Passwort würde unverschlüsselt"):
        check_settings(SmtpSettings("mail.difu.example", 25, user="k@difu.example"), "geheim")
    with pytest.raises(UserError, match="kein Passwort"):
        check_settings(SmtpSettings("mail.difu.example", 587, starttls=True, user="k@difu.example"), None)
    assert parse_smtp_address("smtp.example:465").ssl
    with pytest.raises(UserError, match="HOST:PORT"):
        parse_smtp_address("smtp.example")


@pytest.mark.parametrize("host", ["mail.difu.example", "10.0.0.25", "192.168.1.1", "2001:db8::25", "::ffff:10.0.0.1",
                                  "localhost.difu.example", "127.0.0.1.nip.io", "mail-localhost", "0.0.0.0"])
def test_a_login_without_encryption_to_another_computer_is_refused(host: str) -> None:
    """Decided before any connection (nothing here connects anywhere)."""
    plain = SmtpSettings(host, 25, user="k@difu.example")
    assert not password_stays_private(plain)
    with pytest.raises(UserError) as refused:
        check_settings(plain, "geheim")
    assert refused.value.message == (
        f"Das Passwort würde unverschlüsselt (im Klartext) an den Mailserver {plain.address} übertragen. "
        "Bitte STARTTLS verwenden oder Port 465 (SSL).")
    assert password_stays_private(SmtpSettings(host, 587, starttls=True, user="k@difu.example"))
    assert password_stays_private(SmtpSettings(host, 465, ssl=True, user="k@difu.example"))
    assert password_stays_private(SmtpSettings(host, 25))  # no login, no password on the wire


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.0.0.2", "127.255.0.9",
                                  "::1", "[::1]", "::ffff:127.0.0.1"])
def test_a_login_without_encryption_on_this_computer_is_allowed(host: str) -> None:
    plain = SmtpSettings(host, 25, user="k@difu.example")
    assert password_stays_private(plain)
    check_settings(plain, "geheim")


@pytest.mark.parametrize("host", ["127.0.0.1", "LocalHost"])
def test_a_local_relay_still_takes_a_login_without_encryption(
        meeting: Meeting, monkeypatch: pytest.MonkeyPatch, host: str) -> None:
    user = "koordination@difu.example"
    monkeypatch.setenv("ODN_SMTP_PASSWORD", "geheim")
    with smtp_server(users={user: "geheim"}, login_without_tls=True) as srv:
        smtp = SmtpSettings(host=host, port=srv.port, user=user, timeout=5)
        report = mailing.send_mails(meeting.db.sessions, meeting.event_id, "reminder", smtp,
                                    organizer=Organizer("Koordination", user), pause=0)
    assert len(report.sent) == 3
    assert srv.logins == [(user, "geheim")]

