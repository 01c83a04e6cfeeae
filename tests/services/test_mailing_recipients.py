"""Choosing recipients, one draft to everyone in BCC, a test draft to oneself, and the checks before any file."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.eml_drafts import MailAddress
from odn_desktop.exchange.ics_calendar import Organizer
from odn_desktop.exchange.mail_templates import NEUTRAL_SALUTATION
from odn_desktop.services import mailing
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import cancel_event, create_event, update_event
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Event
from odn_desktop.store.open import Database

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)
ORGANIZER = Organizer("Koordination Open-Data-Netzwerktreffen", "koordination@difu.example")
ANNA, JUERGEN, KIM = "anna.gross@kiel.example", "juergen.mueller@ulm.example", "kim.schaefer@bonn.example"
OEZLEM, BERND = "oezlem.kaya@jena.example", "bernd.becker@trier.example"
REGISTERED = {ANNA, JUERGEN, KIM}
#: what must never appear in a message to everyone: names, addresses, organisations, the link
PERSONAL = ("Anna", "Groß", "Jürgen", "Müller", "Kim", "Schäfer", "Özlem", "Kaya", "Kiel", "Ulm", "Bonn", "@kiel",
            "zoom.example")
PERSONAL_TEMPLATES = ("confirmation", "waitlist", "promoted", "access_link", "certificate")


@dataclass
class Meeting:
    db: Database
    event_id: uuid.UUID
    reg: dict[str, uuid.UUID]


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


def parse(path: Path) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(msg, EmailMessage)
    return msg


def body_of(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def addresses(msg: EmailMessage, header: str) -> set[str]:
    value = msg[header]
    return set() if value is None else {a.addr_spec for a in value.addresses}


def log_of(m: Meeting) -> dict[str, list[tuple[str, str, str, str]]]:
    with transaction(m.db.sessions) as s:
        by_reg = mailing.messages_of_event(s, m.event_id)
    by_email = {reg_id: email for email, reg_id in m.reg.items()}
    return {by_email[reg_id]: [(r.template, r.channel, r.result, r.detail) for r in rows]
            for reg_id, rows in by_reg.items()}


def emails(people: tuple[object, ...]) -> set[str]:
    return {p.email for p in people}  # type: ignore[attr-defined]


# -- choosing recipients -----------------------------------------------------------------------------------


def test_status_groups_and_what_each_template_takes_from_them(meeting: Meeting) -> None:
    with transaction(meeting.db.sessions) as s:
        regs.mark_attendance(s, meeting.reg[KIM], True, 80)
        groups = mailing.recipient_groups(s, meeting.event_id)
        by_id = {v: k for k, v in meeting.reg.items()}
        assert {k: {by_id[i] for i in ids} for k, ids in groups.items()} == {
            "registered": REGISTERED, "waiting": {OEZLEM}, "cancelled": {BERND}, "attended": {KIM}}
        waiting_reminder = mailing.recipients(s, meeting.event_id, "reminder", registration_ids=groups["waiting"])
        attended_thanks = mailing.recipients(s, meeting.event_id, "thanks", registration_ids=groups["attended"])
        registered_thanks = mailing.recipients(s, meeting.event_id, "thanks", registration_ids=groups["registered"])
    assert not waiting_reminder.people  # a reminder is for seat holders: the waiting list is skipped, with why
    assert [(x.name, x.reason) for x in waiting_reminder.skipped] == [("Özlem Kaya", "Status „Warteliste“ passt nicht")]
    assert emails(attended_thanks.people) == {KIM}
    assert emails(registered_thanks.people) == REGISTERED  # chosen by hand: all registered, not only attendees


def test_a_cancellation_reaches_cancelled_registrations_only_when_chosen(meeting: Meeting) -> None:
    with transaction(meeting.db.sessions) as s:
        cancel_event(s, meeting.event_id)
        default = mailing.recipients(s, meeting.event_id, "cancellation")
        groups = mailing.recipient_groups(s, meeting.event_id)
        chosen = mailing.recipients(s, meeting.event_id, "cancellation", registration_ids=groups["cancelled"])
    assert emails(default.people) == REGISTERED | {OEZLEM}
    assert emails(chosen.people) == {BERND}


def test_addresses_to_registrations_and_unknown_addresses_named(meeting: Meeting) -> None:
    with transaction(meeting.db.sessions) as s:
        ids = mailing.registrations_by_email(s, meeting.event_id, [KIM.upper(), " " + ANNA, KIM])
        assert ids == [meeting.reg[KIM], meeting.reg[ANNA]]
        assert mailing.registrations_by_email(s, meeting.event_id, [BERND]) == [meeting.reg[BERND]]  # cancelled
        with pytest.raises(UserError) as error:
            mailing.registrations_by_email(s, meeting.event_id, [ANNA, "x@y.example", "niemand@z.example"])
    assert error.value.message == ("Nicht bei „Open-Data-Netzwerktreffen“ angemeldet: x@y.example, "
                                   "niemand@z.example. Bitte die Adressen prüfen.")


# -- one draft to everyone in BCC --------------------------------------------------------------------------


def test_one_bcc_draft_recipients_only_in_bcc_coordinator_in_to_neutral_text(meeting: Meeting,
                                                                             tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s:
        result = mailing.write_draft_files(s, meeting.event_id, "reminder", tmp_path / "BCC", organizer=ORGANIZER,
                                           bcc=True)
    assert result.bcc and len(result.files) == 1
    assert [p.name for p in (tmp_path / "BCC").iterdir()] == ["Erinnerung_an_alle_BCC.eml"]
    assert result.message.startswith("1 Entwurf (Erinnerung) an 3 Personen in BCC gespeichert in ")
    msg = parse(result.files[0])
    assert addresses(msg, "Bcc") == REGISTERED
    assert addresses(msg, "To") == {ORGANIZER.email} and msg["Cc"] is None
    assert addresses(msg, "From") == {ORGANIZER.email} and msg["X-Unsent"] == "1"
    body = body_of(msg)
    assert body.splitlines()[0] == f"{NEUTRAL_SALUTATION},"
    for text in (body, str(msg["Subject"])):
        assert not any(word in text for word in PERSONAL), text
    assert not any(p.get_content_type() == "text/calendar" for p in msg.walk())  # a reminder has no calendar
    # each recipient knows that the reminder was drafted (for everyone, in BCC)
    assert {e: rows for e, rows in log_of(meeting).items()} == {
        e: [("reminder", "draft", "drafted", "an alle in BCC")] for e in REGISTERED}


def test_a_bcc_cancellation_carries_the_public_calendar_file(meeting: Meeting, tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s:
        cancel_event(s, meeting.event_id)
        result = mailing.write_draft_files(s, meeting.event_id, "cancellation", tmp_path, organizer=ORGANIZER,
                                           bcc=True)
    msg = parse(result.files[0])
    assert addresses(msg, "Bcc") == REGISTERED | {OEZLEM}
    calendar = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    ics = calendar.get_payload(decode=True)
    assert isinstance(ics, bytes)
    assert calendar.get_param("method") == "CANCEL"
    assert b"STATUS:CANCELLED" in ics and b"ATTENDEE" not in ics and b"zoom.example" not in ics
    assert body_of(msg).splitlines()[0] == "Guten Tag,"


@pytest.mark.parametrize("template", PERSONAL_TEMPLATES)
def test_bcc_is_refused_for_personal_templates(meeting: Meeting, tmp_path: Path, template: str) -> None:
    folder = tmp_path / "leer"
    with transaction(meeting.db.sessions) as s, pytest.raises(UserError, match="geht an jede Person einzeln"):
        mailing.write_draft_files(s, meeting.event_id, template, folder, organizer=ORGANIZER, bcc=True)
    assert not folder.exists()
    assert mailing.bcc_refusal(template).endswith(
        "Eine Nachricht an alle in BCC gibt es nur für „Erinnerung“, „Dank nach der Veranstaltung“, „Absage der "
        "Veranstaltung“.")


def test_bcc_refuses_a_personal_placeholder_in_the_coordinators_wording(meeting: Meeting, tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s:
        template = mailing.load_template(s, "thanks").with_text("Danke, $vorname", "$anrede,\n\nLink: $zugangslink")
        with pytest.raises(UserError) as error:
            mailing.write_draft_files(s, meeting.event_id, "thanks", tmp_path / "x", organizer=ORGANIZER,
                                      bcc=True, template=template)
    assert "Platzhalter $vorname, $zugangslink" in error.value.message
    assert not (tmp_path / "x").exists()


# -- test draft --------------------------------------------------------------------------------------------


def test_a_test_draft_goes_to_the_given_address_with_the_first_recipients_data(meeting: Meeting,
                                                                              tmp_path: Path) -> None:
    me = MailAddress("Kim Koordination", "ich@difu.example")
    with transaction(meeting.db.sessions) as s:
        first = mailing.write_draft_files(s, meeting.event_id, "access_link", tmp_path, organizer=ORGANIZER,
                                          test_to=me)
        chosen = mailing.write_draft_files(s, meeting.event_id, "access_link", tmp_path, organizer=ORGANIZER,
                                           test_to=me, test_person=meeting.reg[KIM])
        everyone = mailing.write_draft_files(s, meeting.event_id, "reminder", tmp_path, organizer=ORGANIZER,
                                             test_to=me, bcc=True)
    assert first.test and len(first.files) == 1 and first.files[0].name == "Test_Zugangslink_Gross_Anna.eml"
    msg = parse(first.files[0])
    assert addresses(msg, "To") == {"ich@difu.example"} and msg["Bcc"] is None
    body = body_of(msg)
    assert body.splitlines()[0] == "Sehr geehrte Frau Dr. Groß,"  # the first recipient (German order)
    assert "https://zoom.example/j/4711" in body
    assert first.message.startswith("Testentwurf (Zugangslink mit Einladung) an ich@difu.example mit den "
                                    "Angaben von Dr. Anna Groß gespeichert: ")
    assert body_of(parse(chosen.files[0])).splitlines()[0] == "Guten Tag Kim Schäfer,"
    neutral = parse(everyone.files[0])
    assert addresses(neutral, "To") == {"ich@difu.example"} and neutral["Bcc"] is None
    assert body_of(neutral).splitlines()[0] == "Guten Tag,"
    assert log_of(meeting) == {}  # a test is recorded nowhere
    with transaction(meeting.db.sessions) as s, pytest.raises(UserError, match="keine E-Mail-Adresse"):
        mailing.write_draft_files(s, meeting.event_id, "reminder", tmp_path, organizer=ORGANIZER,
                                  test_to=MailAddress("", "ich"))


# -- checks before any file --------------------------------------------------------------------------------


def test_checks_come_before_anything_is_written(meeting: Meeting, tmp_path: Path) -> None:
    folder = tmp_path / "nie"
    with transaction(meeting.db.sessions) as s:
        update_event(s, meeting.event_id, online_url="")
        with pytest.raises(UserError, match="noch kein Zugangslink eingetragen"):
            mailing.check_drafts(s, meeting.event_id, "access_link", organizer=ORGANIZER)
        with pytest.raises(UserError) as nobody:
            mailing.write_draft_files(s, meeting.event_id, "reminder", folder, organizer=ORGANIZER,
                                      registration_ids=[meeting.reg[OEZLEM], meeting.reg[BERND]])
    assert nobody.value.message == ("Niemand erhält die Nachricht „Erinnerung“. Übersprungen: Bernd Becker – Status "
                                    "„Storniert“ passt nicht; Özlem Kaya – Status „Warteliste“ passt nicht.")
    assert not folder.exists()


# -- a draft is not a sent message -------------------------------------------------------------------------


def test_marking_needs_drafts_and_records_only_the_chosen(meeting: Meeting, tmp_path: Path) -> None:
    with transaction(meeting.db.sessions) as s:
        mailing.write_draft_files(s, meeting.event_id, "access_link", tmp_path, organizer=ORGANIZER)
        one = mailing.mark_drafts_sent(s, meeting.event_id, "access_link", registration_ids=[meeting.reg[KIM]])
        event = s.get(Event, meeting.event_id)
        assert event is not None and event.access_link_sent_at is None
        assert sorted(mailing.pending_drafts(s, meeting.event_id, "access_link")) == sorted(
            [meeting.reg[ANNA], meeting.reg[JUERGEN]])
    assert one.count == 1 and not one.access_link_done
