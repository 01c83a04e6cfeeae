"""Mail to registrants: who gets which template, drafts for Outlook, sending over SMTP, the message log.

Who receives a template (``recipients``):

==============  ===============================================================================================
confirmation    registered people
waitlist        people on the waiting list
promoted        the given registrations (who just moved up); without a selection: registered people who were
                told they are on the waiting list and have not yet been told they moved up
access_link     registered people – never the waiting list or cancelled registrations; needs the access link
reminder        registered people
cancellation    registered and waiting people of a cancelled event (with the calendar cancellation)
thanks          registered people who attended when attendance was recorded, else all registered people
certificate     people who qualify for a certificate of attendance (``services.certificates``: attended for at
                least ``min_percent`` of the meeting, or marked attended by hand), each with their own PDF
==============  ===============================================================================================

Attachments: the caller may give files per registration (``attachments``: a mapping registration id → files,
or a callable). The certificate template needs them – a certificate is a PDF drawn with Qt, which this layer
does not import, so the window and the CLI make the PDFs (``ui.pdf.certificate_mail``) and pass them in; a recipient
without a file is skipped ("keine Bescheinigung") rather than sent a mail that promises a missing attachment.

Choosing recipients: by default the template's own rule above; or chosen people (``registration_ids``: a
selection from the table, the people who just moved up, a status group from ``recipient_groups``, the CLI's
``--only``), of whom only those whose status fits the template get it (``CHOSEN_STATUSES``; the others are
listed as skipped with the reason).

Drafts: one ``.eml`` per person; for ``BCC_TEMPLATES`` (reminder, thanks, cancellation – nothing personal in
them) optionally one draft to everyone in BCC with the coordinator in To and the neutral "Guten Tag,"
(cancellation with the public calendar file, ``METHOD:CANCEL`` without attendees); and a test draft to the
coordinator's own address with the first recipient's data, which is not recorded. ``check_drafts`` says
everything that can be said before a folder is chosen (faulty template, missing link, cancelled event, a
personal template or placeholder in BCC, nobody to write to).

Every drafted or sent message is recorded on its registration (``registration_message``), failures too, so a
failed recipient can be sent again (``retry_failed``) and the registration shows "Zugangslink versendet am
...". A draft is not a sent message: it counts as sent only once the coordinator confirms that it went out of
Outlook (``mark_drafts_sent`` records that as "sent"). Once the access link was sent over SMTP or confirmed to
every registered person, ``Event.access_link_sent_at`` is set and the dispatch deadline counts as done. Sending
records each result in its own short transaction: the database is never locked while the program waits for the
mail server or pauses between messages.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.plurals import plural
from odn_desktop.domain.timezone import format_german_datetime, utcnow
from odn_desktop.exchange.eml_drafts import (
    Attachment,
    MailAddress,
    OutgoingMail,
    build_message,
    draft_filename,
    write_drafts,
)
from odn_desktop.exchange.export_records import EventInfo, Participant
from odn_desktop.exchange.ics_calendar import (
    ORGANIZER_MISSING,
    Organizer,
    environment_name,
    event_calendar,
    invitation,
    require_organizer,
)
from odn_desktop.exchange.mail_templates import (
    BCC_REFUSALS,
    BCC_TEMPLATES,
    PLACEHOLDERS,
    TEMPLATE_LABELS,
    TEMPLATE_NAMES,
    MailTemplate,
    RenderedMail,
    bcc_refusal,
    check_neutral,
    check_text,
    default_template,
    render,
    render_neutral,
)
from odn_desktop.store.database import transaction
from odn_desktop.store.mail_models import MailTemplate as StoredTemplate
from odn_desktop.store.mail_models import RegistrationMessage, template_row_id
from odn_desktop.store.models import Registration

from .events import get_event
from .exports import event_info, participants
from .smtp_delivery import (
    DeliveryResult,
    Envelope,
    SendControl,
    SmtpSettings,
    deliver,
    smtp_password,
)

CHANNEL_DRAFT = "draft"
CHANNEL_SMTP = "smtp"
DRAFTED, SENT, FAILED = "drafted", "sent", "failed"
#: results after which a person is not told again that they moved up (a draft is enough to hold back a second)
DELIVERED = (DRAFTED, SENT)
#: the detail of a draft the coordinator confirmed as sent from Outlook
CONFIRMED_DETAIL = "aus Outlook verschickt, bestätigt"
#: the detail recorded with each recipient of the one draft to everyone
BCC_DETAIL = "an alle in BCC"

RECIPIENT_STATUSES: dict[str, tuple[str, ...]] = {
    "confirmation": ("registered",),
    "waitlist": ("waiting",),
    "promoted": ("registered",),
    "access_link": ("registered",),
    "reminder": ("registered",),
    "cancellation": ("registered", "waiting"),
    "thanks": ("registered",),
    "certificate": ("registered", "waiting", "cancelled"),  # who attended decides (services.certificates)
}
#: the statuses a chosen person (selection, status group, ``--only``) may have to get a template: as above, but
#: the cancellation of an event also reaches people who cancelled their registration when chosen (their
#: calendars may still hold the invitation)
CHOSEN_STATUSES: dict[str, tuple[str, ...]] = {**RECIPIENT_STATUSES,
                                               "cancellation": ("registered", "waiting", "cancelled")}
#: status groups to choose recipients from (``recipient_groups``); "attended" is not a status but a fact
RECIPIENT_GROUPS = {"registered": "Angemeldete", "waiting": "Warteliste", "cancelled": "Stornierte",
                    "attended": "Teilgenommen"}
#: templates that only go to the people they are meant for, never to a whole status group
NO_GROUPS = ("promoted",)
#: the prefix of a draft's file name
FILE_PREFIX = {
    "confirmation": "Anmeldebestaetigung", "waitlist": "Warteliste", "promoted": "Nachgerueckt",
    "access_link": "Zugangslink", "reminder": "Erinnerung", "cancellation": "Absage", "thanks": "Dank",
    "certificate": "Teilnahmebescheinigung",
}
#: "Zugangslink versendet am ..." on the registration
DONE_LABELS = {
    "confirmation": "Anmeldebestätigung", "waitlist": "Wartelisten-Hinweis", "promoted": "Nachrück-Nachricht",
    "access_link": "Zugangslink", "reminder": "Erinnerung", "cancellation": "Absage", "thanks": "Dankesnachricht",
    "certificate": "Teilnahmebescheinigung",
}
RESULT_LABELS = {DRAFTED: "als Entwurf erstellt", SENT: "versendet", FAILED: "Versand fehlgeschlagen"}
ANONYMIZED_DOMAIN = "@invalid"
NO_CERTIFICATE = "keine Bescheinigung"
#: files to attach, per registration: a mapping, or a callable asked once per recipient
AttachmentSource = Mapping[uuid.UUID, Sequence[Attachment]] | Callable[[uuid.UUID], Sequence[Attachment]]
#: re-exported for the template editor (the UI talks to services only)
__all__ = ["BCC_REFUSALS", "BCC_TEMPLATES", "PLACEHOLDERS", "TEMPLATE_LABELS", "TEMPLATE_NAMES", "Attachment",
           "AttachmentSource", "MailAddress", "MailTemplate", "Organizer", "RenderedMail", "bcc_refusal"]


def _persons(n: int) -> str:
    return plural(n, "Person", "Personen")


# -- templates ---------------------------------------------------------------------------------------------


def load_template(session: Session, name: str) -> MailTemplate:
    """The coordinator's wording of ``name``, or the built-in text while there is none."""
    base = default_template(name)
    row = session.get(StoredTemplate, template_row_id(name))
    if row is None or row.deleted_at is not None:
        return base
    return base.with_text(row.subject, row.body)


def is_customised(session: Session, name: str) -> bool:
    row = session.get(StoredTemplate, template_row_id(name))
    return row is not None and row.deleted_at is None


def save_template(session: Session, name: str, subject: str, body: str) -> MailTemplate:
    """Store the coordinator's wording (checked: only known placeholders, no stray ``$``)."""
    base = default_template(name)
    if not subject.strip():
        raise UserError("Bitte geben Sie einen Betreff an.")
    check_text(subject, "Betreff")
    check_text(body, "Text")
    row = session.get(StoredTemplate, template_row_id(name))
    if row is None:
        row = StoredTemplate(id=template_row_id(name), name=name)
        session.add(row)
    row.subject, row.body, row.deleted_at = subject, body, None
    session.flush()
    return base.with_text(subject, body)


def reset_template(session: Session, name: str) -> MailTemplate:
    """Back to the built-in text (the stored wording becomes a tombstone, so the reset syncs too)."""
    base = default_template(name)
    row = session.get(StoredTemplate, template_row_id(name))
    if row is not None and row.deleted_at is None:
        row.deleted_at = utcnow()
        session.flush()
    return base


# -- message log -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MessageRow:
    id: uuid.UUID
    registration_id: uuid.UUID
    template: str
    channel: str
    at: datetime
    result: str
    detail: str

    @property
    def text(self) -> str:
        """``Zugangslink versendet am 01.12.2021 09:00``"""
        what = DONE_LABELS.get(self.template, self.template)
        text = f"{what} {RESULT_LABELS.get(self.result, self.result)} am {format_german_datetime(self.at)}"
        return f"{text} ({self.detail})" if self.detail else text


def _message_row(m: RegistrationMessage) -> MessageRow:
    return MessageRow(m.id, m.registration_id, m.template, m.channel, m.at, m.result, m.detail)


def record_message(session: Session, registration_id: uuid.UUID, template: str, channel: str, result: str,
                   detail: str = "", at: datetime | None = None) -> RegistrationMessage:
    row = RegistrationMessage(registration_id=registration_id, template=template, channel=channel,
                              at=at or utcnow(), result=result, detail=detail)
    session.add(row)
    session.flush()
    return row


def messages_of_registration(session: Session, registration_id: uuid.UUID) -> list[MessageRow]:
    rows = session.scalars(
        select(RegistrationMessage)
        .where(RegistrationMessage.registration_id == registration_id, RegistrationMessage.deleted_at.is_(None))
        .order_by(RegistrationMessage.at)
    )
    return [_message_row(m) for m in rows]


def messages_of_event(session: Session, event_id: uuid.UUID) -> dict[uuid.UUID, list[MessageRow]]:
    """Every registration's messages, oldest first (for the registrations list: "Zugangslink versendet am")."""
    rows = session.scalars(
        select(RegistrationMessage)
        .join(Registration, Registration.id == RegistrationMessage.registration_id)
        .where(Registration.event_id == event_id, RegistrationMessage.deleted_at.is_(None))
        .order_by(RegistrationMessage.at)
    )
    result: dict[uuid.UUID, list[MessageRow]] = {}
    for m in rows:
        result.setdefault(m.registration_id, []).append(_message_row(m))
    return result


def _history(session: Session, event_id: uuid.UUID, template: str) -> dict[uuid.UUID, list[MessageRow]]:
    return {
        reg_id: [m for m in rows if m.template == template]
        for reg_id, rows in messages_of_event(session, event_id).items()
    }


def update_access_link_sent(session: Session, event_id: uuid.UUID, now: datetime | None = None) -> bool:
    """Set ``Event.access_link_sent_at`` once every registered person has the access link – sent over SMTP or
    a draft confirmed as sent (``mark_drafts_sent``); a draft alone is not enough. True when set."""
    event = get_event(session, event_id)
    if event.access_link_sent_at is not None:
        return True
    registered = set(session.scalars(
        select(Registration.id).where(Registration.event_id == event_id, Registration.deleted_at.is_(None),
                                      Registration.status == "registered")
    ))
    if not registered:
        return False
    delivered = set(session.scalars(
        select(RegistrationMessage.registration_id).where(
            RegistrationMessage.registration_id.in_(registered), RegistrationMessage.template == "access_link",
            RegistrationMessage.result == SENT, RegistrationMessage.deleted_at.is_(None))
    ))
    if registered <= delivered:
        event.access_link_sent_at = now or utcnow()
        session.flush()
        return True
    return False


def pending_drafts(session: Session, event_id: uuid.UUID, template: str) -> list[uuid.UUID]:
    """Registrations whose last message of ``template`` is a draft nobody confirmed as sent yet."""
    return [reg_id for reg_id, rows in _history(session, event_id, template).items()
            if rows and rows[-1].result == DRAFTED]


@dataclass(frozen=True)
class MarkedSent:
    template: str
    count: int
    access_link_done: bool

    @property
    def message(self) -> str:
        label = TEMPLATE_LABELS[self.template]
        if not self.count:
            return f"{label}: keine Entwürfe, die noch als verschickt zu vermerken wären."
        text = f"{label}: {plural(self.count, 'Entwurf', 'Entwürfe')} als verschickt vermerkt"
        if self.template == "access_link":
            text += ("; die Frist „Zugangslink verschicken“ ist erledigt" if self.access_link_done else
                     "; die Frist „Zugangslink verschicken“ bleibt offen, bis alle Angemeldeten den Link haben")
        return text + "."


def mark_drafts_sent(session: Session, event_id: uuid.UUID, template: str, *,
                     registration_ids: Collection[uuid.UUID] | None = None,
                     now: datetime | None = None) -> MarkedSent:
    """The coordinator confirms that the drafts of ``template`` went out of Outlook: each pending draft (of the
    given registrations, else all) is recorded as sent; for the access link the deadline may be done then."""
    default_template(template)
    get_event(session, event_id)
    now = now or utcnow()
    wanted = None if registration_ids is None else set(registration_ids)
    pending = [r for r in pending_drafts(session, event_id, template) if wanted is None or r in wanted]
    for reg_id in pending:
        record_message(session, reg_id, template, CHANNEL_DRAFT, SENT, CONFIRMED_DETAIL, at=now)
    done = update_access_link_sent(session, event_id, now) if template == "access_link" else False
    return MarkedSent(template, len(pending), done)


# -- recipients --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Skipped:
    registration_id: uuid.UUID
    name: str
    reason: str


@dataclass(frozen=True)
class Selection:
    people: tuple[Participant, ...]
    skipped: tuple[Skipped, ...]


def _check_event(event: EventInfo, template: str) -> None:
    if template == "cancellation":
        if not event.cancelled:
            raise UserError(f"„{event.title}“ ist nicht abgesagt. Bitte die Veranstaltung zuerst absagen; dann "
                            "enthält die Absage auch die Kalender-Absage.")
        return
    if event.cancelled:
        raise UserError(f"„{event.title}“ ist abgesagt; es kann nur noch die Absage versendet werden.")
    if template == "access_link" and not event.online_url.strip():
        raise UserError(f"Für „{event.title}“ ist noch kein Zugangslink eingetragen.")


def _certificate_holders(session: Session, event_id: uuid.UUID, people: list[Participant], min_percent: int | None,
                         chosen_by_hand: bool, skipped: list[Skipped]) -> list[Participant]:
    """The people who qualify for a certificate; a chosen person who does not is skipped with the reason."""
    from .certificates import DEFAULT_MIN_PERCENT, REASON_ABSENT, certificate_candidates

    percent = DEFAULT_MIN_PERCENT if min_percent is None else min_percent
    candidates = {c.registration_id: c for c in certificate_candidates(session, event_id, min_percent=percent)}
    holders: list[Participant] = []
    for p in people:
        candidate = candidates.get(p.registration_id)
        if candidate is not None and candidate.qualifies:
            holders.append(p)
        elif chosen_by_hand:
            reason = candidate.reason if candidate is not None else REASON_ABSENT
            skipped.append(Skipped(p.registration_id, p.display_name or p.email,
                                   f"keine Bescheinigung ({reason})"))
    return holders


def recipients(
    session: Session,
    event_id: uuid.UUID,
    template: str,
    *,
    registration_ids: Collection[uuid.UUID] | None = None,
    skip_received: bool = False,
    only_failed: bool = False,
    min_percent: int | None = None,
) -> Selection:
    """Who gets ``template`` (see the module's table), by name.

    ``skip_received``: leave out people this template was already sent to. ``only_failed``: only people whose
    last attempt with this template failed (a retry). ``min_percent``: for the certificate, the share of the
    meeting's duration a person must have attended (default: ``services.certificates``' default).
    """
    default_template(template)
    statuses = RECIPIENT_STATUSES[template] if registration_ids is None else CHOSEN_STATUSES[template]
    people = participants(session, event_id, statuses=None, registration_ids=registration_ids)
    log = _history(session, event_id, template)
    skipped: list[Skipped] = []
    chosen: list[Participant] = []
    if template == "promoted" and registration_ids is None:
        told_waiting = {reg_id for reg_id, rows in messages_of_event(session, event_id).items()
                        if any(m.template == "waitlist" and m.result in DELIVERED for m in rows)}
        people = [p for p in people if p.registration_id in told_waiting]
        skip_received = True
    if template == "thanks" and registration_ids is None and any(p.attended for p in people):
        people = [p for p in people if p.attended]
    if template == "certificate":
        people = _certificate_holders(session, event_id, people, min_percent, registration_ids is not None, skipped)
    for p in people:
        name = p.display_name or p.email
        if p.status not in statuses:
            if registration_ids is not None:
                skipped.append(Skipped(p.registration_id, name, f"Status „{p.status_label}“ passt nicht"))
            continue
        history = log.get(p.registration_id, [])
        if only_failed and not (history and history[-1].result == FAILED):
            continue
        if skip_received and any(m.result in (DELIVERED if template == "promoted" else (SENT,)) for m in history):
            skipped.append(Skipped(p.registration_id, name, "hat diese Nachricht bereits erhalten"))
            continue
        email = p.email.strip()
        if not email or email.endswith(ANONYMIZED_DOMAIN):
            skipped.append(Skipped(p.registration_id, name, "keine E-Mail-Adresse"))
            continue
        chosen.append(p)
    return Selection(tuple(chosen), tuple(skipped))


def recipient_groups(session: Session, event_id: uuid.UUID) -> dict[str, tuple[uuid.UUID, ...]]:
    """The registrations of each status group (``RECIPIENT_GROUPS``), in the order of the participant list."""
    groups: dict[str, list[uuid.UUID]] = {name: [] for name in RECIPIENT_GROUPS}
    for p in participants(session, event_id, statuses=None):
        if p.status in groups:
            groups[p.status].append(p.registration_id)
        if p.attended:
            groups["attended"].append(p.registration_id)
    return {name: tuple(ids) for name, ids in groups.items()}


def registrations_by_email(session: Session, event_id: uuid.UUID, emails: Collection[str]) -> list[uuid.UUID]:
    """The event's registrations of these addresses (any case, in the given order); ``UserError`` naming every
    address that is not registered for the event (in any status)."""
    by_email: dict[str, uuid.UUID] = {}
    for p in participants(session, event_id, statuses=None):
        by_email.setdefault(p.email.strip().casefold(), p.registration_id)
    wanted = [e.strip() for e in emails if e.strip()]
    if not wanted:
        raise UserError("Bitte mindestens eine E-Mail-Adresse angeben.")
    unknown = [e for e in wanted if e.casefold() not in by_email]
    if unknown:
        title = event_info(session, event_id).title
        raise UserError(f"Nicht bei „{title}“ angemeldet: {', '.join(unknown)}. Bitte die Adressen prüfen.")
    return list(dict.fromkeys(by_email[e.casefold()] for e in wanted))


def nobody_message(template: str, selection: Selection) -> str:
    """"Niemand erhält …", with who was left out and why (the first few)."""
    text = f"Niemand erhält die Nachricht „{TEMPLATE_LABELS[template]}“"
    if not selection.skipped:
        return text + ": Es gibt keine passenden Empfänger:innen."
    shown = "; ".join(f"{s.name} – {s.reason}" for s in selection.skipped[:5])
    more = len(selection.skipped) - 5
    if more > 0:
        shown += f"; {plural(more, 'weitere Person', 'weitere Personen')}"
    return f"{text}. Übersprungen: {shown}."


def check_drafts(
    session: Session,
    event_id: uuid.UUID,
    template_name: str,
    *,
    template: MailTemplate | None = None,
    registration_ids: Collection[uuid.UUID] | None = None,
    organizer: Organizer | None = None,
    bcc: bool = False,
    min_percent: int | None = None,
) -> Selection:
    """Everything that can be checked before a folder is chosen, in this order: a personal template in BCC, a
    faulty template or a personal placeholder in BCC, a cancelled event or a missing access link, the
    coordinator, nobody to write to. ``UserError`` for the first problem; else the recipients."""
    if bcc:
        refusal = bcc_refusal(template_name)
        if refusal:
            raise UserError(refusal)
    template = template or load_template(session, template_name)
    check_text(template.subject, "Betreff")
    check_text(template.body, "Text")
    if bcc:
        check_neutral(template)
    _check_event(event_info(session, event_id), template_name)
    require_organizer(organizer)
    chosen = recipients(session, event_id, template_name, registration_ids=registration_ids,
                        min_percent=min_percent)
    if not chosen.people:
        raise UserError(nobody_message(template_name, chosen))
    return chosen


# -- building ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MailBatch:
    event_id: uuid.UUID
    event_title: str
    template: str
    mails: tuple[OutgoingMail, ...]
    skipped: tuple[Skipped, ...]
    organizer: Organizer


def organizer_for(smtp: SmtpSettings | None = None, organizer: Organizer | None = None) -> Organizer:
    """The sender: given, else ``ODN_ORGANIZER_NAME``/``ODN_ORGANIZER_EMAIL``; for sending without an address,
    ``ODN_ORGANIZER_NAME`` with the SMTP user when that is an address. Never a placeholder: ``UserError``."""
    if organizer is None and Organizer.from_environment() is None:
        name = environment_name()
        if smtp is not None and "@" in smtp.user and name:
            return Organizer(name, smtp.user)
        raise UserError(ORGANIZER_MISSING + (" Beim Versand genügt als Adresse auch ein Benutzername, der eine "
                                             "E-Mail-Adresse ist." if smtp is not None else ""))
    return require_organizer(organizer)


def attachments_of(source: AttachmentSource | None, registration_id: uuid.UUID) -> tuple[Attachment, ...]:
    """The files ``source`` holds for one registration (none when it has none)."""
    if source is None:
        return ()
    if callable(source):
        return tuple(source(registration_id))
    return tuple(source.get(registration_id, ()))


def _mail(event: EventInfo, person: Participant, template: MailTemplate, organizer: Organizer,
          now: datetime | None, attachments: tuple[Attachment, ...] = ()) -> OutgoingMail:
    text = render(template, event, person, sender_name=organizer.name)
    calendar = invitation(event, person, organizer=organizer, now=now) if template.attach_invitation else None
    return OutgoingMail(
        registration_id=person.registration_id,
        to=MailAddress(person.display_name, person.email.strip()),
        subject=text.subject,
        body=text.body,
        calendar=calendar,
        last_name=person.last_name,
        first_name=person.first_name,
        attachments=attachments,
    )


def build_mails(
    session: Session,
    event_id: uuid.UUID,
    template_name: str,
    *,
    template: MailTemplate | None = None,
    registration_ids: Collection[uuid.UUID] | None = None,
    skip_received: bool = False,
    only_failed: bool = False,
    organizer: Organizer | None = None,
    now: datetime | None = None,
    attachments: AttachmentSource | None = None,
    min_percent: int | None = None,
) -> MailBatch:
    """The messages of ``template_name`` (the stored wording unless ``template`` is given) for its recipients.

    ``attachments``: files per registration, attached after the invitation (the certificate template needs
    them: without a file a recipient is skipped). ``min_percent``: the certificate threshold (see ``recipients``).
    """
    template = template or load_template(session, template_name)
    if template.attach_certificate and attachments is None:
        raise UserError("Die Teilnahmebescheinigungen als PDF fehlen. Bitte die Nachricht über "
                        "„Teilnahmebescheinigungen …“ in der Veranstaltung oder mit „mail … --template certificate“ "
                        "erstellen.")
    event = event_info(session, event_id)
    _check_event(event, template_name)
    organizer = require_organizer(organizer)
    chosen = recipients(session, event_id, template_name, registration_ids=registration_ids,
                        skip_received=skip_received, only_failed=only_failed, min_percent=min_percent)
    mails: list[OutgoingMail] = []
    skipped = list(chosen.skipped)
    for p in chosen.people:
        files = attachments_of(attachments, p.registration_id)
        if template.attach_certificate and not files:
            skipped.append(Skipped(p.registration_id, p.display_name or p.email, NO_CERTIFICATE))
            continue
        mails.append(_mail(event, p, template, organizer, now, files))
    return MailBatch(event.id, event.title, template_name, tuple(mails), tuple(skipped), organizer)


#: the sender's name in a preview while none is set (only shown on screen; files and mails need the real one)
PREVIEW_SENDER = "[Ihr Name – unter Extras › Einstellungen]"


@dataclass(frozen=True)
class PreviewContext:
    """What the live preview needs, read once: while the coordinator types, only text is rendered (no SQL)."""

    event: EventInfo
    person: Participant
    sender_name: str


def preview_context(session: Session, event_id: uuid.UUID, registration_id: uuid.UUID | None,
                    organizer: Organizer | None = None) -> PreviewContext:
    event = event_info(session, event_id)
    if not event.online_url.strip():
        event = replace(event, online_url="[noch kein Zugangslink eingetragen]")
    people = participants(session, event_id, statuses=None,
                          registration_ids=None if registration_id is None else [registration_id])
    person = people[0] if people else Participant(
        registration_id=uuid.UUID(int=0), last_name="Mustermann", first_name="Erika",
        email="erika.mustermann@example.org", salutation="Frau")
    organizer = organizer or Organizer.from_environment()
    return PreviewContext(event, person, organizer.name if organizer is not None else PREVIEW_SENDER)


def render_preview(context: PreviewContext, template: MailTemplate) -> tuple[RenderedMail, str]:
    """The template filled in (unknown placeholders stay visible) and what is wrong with it ("" when nothing)."""
    problem = ""
    for text, where in ((template.subject, "Betreff"), (template.body, "Text")):
        try:
            check_text(text, where)
        except UserError as exc:
            problem = problem or exc.message
    return render(template, context.event, context.person, sender_name=context.sender_name, strict=False), problem


def render_preview_neutral(context: PreviewContext, template: MailTemplate) -> tuple[RenderedMail, str]:
    """The message to everyone in BCC ("Guten Tag,"), and what is wrong with it for that ("" when nothing)."""
    problem = ""
    try:
        check_neutral(template)
    except UserError as exc:
        problem = exc.message
    for text, where in ((template.subject, "Betreff"), (template.body, "Text")):
        try:
            check_text(text, where)
        except UserError as exc:
            problem = problem or exc.message
    return render_neutral(template, context.event, sender_name=context.sender_name, strict=False), problem


def preview(session: Session, event_id: uuid.UUID, template: MailTemplate,
            registration_id: uuid.UUID | None, organizer: Organizer | None = None) -> RenderedMail:
    """The template filled in for one real registrant (unknown placeholders stay visible as they are)."""
    return render_preview(preview_context(session, event_id, registration_id, organizer), template)[0]


@dataclass(frozen=True)
class PreviewPerson:
    registration_id: uuid.UUID
    label: str


def preview_people(session: Session, event_id: uuid.UUID, template_name: str,
                   min_percent: int | None = None, *,
                   registration_ids: Collection[uuid.UUID] | None = None) -> list[PreviewPerson]:
    """People to preview ``template_name`` on: its recipients (of ``registration_ids`` when chosen), else anyone
    registered for the event."""
    chosen = recipients(session, event_id, template_name, min_percent=min_percent,
                        registration_ids=registration_ids).people
    people = chosen or tuple(participants(session, event_id, statuses=None))
    return [PreviewPerson(p.registration_id, f"{p.display_name} <{p.email}>") for p in people]


# -- drafts ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftResult:
    directory: Path
    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...]
    message: str
    #: who the drafts are for (recorded as drafted; a test draft records nobody)
    registration_ids: tuple[uuid.UUID, ...] = ()
    #: one draft to everyone in BCC
    bcc: bool = False
    #: a test draft to the coordinator (or the given address), not recorded
    test: bool = False


def _draft_sender(organizer: Organizer) -> MailAddress:
    return MailAddress(organizer.name, organizer.email)


@dataclass(frozen=True)
class BccDraft:
    mail: OutgoingMail
    people: tuple[Participant, ...]
    skipped: tuple[Skipped, ...]
    organizer: Organizer


def build_bcc_draft(
    session: Session,
    event_id: uuid.UUID,
    template_name: str,
    *,
    template: MailTemplate | None = None,
    registration_ids: Collection[uuid.UUID] | None = None,
    organizer: Organizer | None = None,
    now: datetime | None = None,
) -> BccDraft:
    """One message to every recipient of ``template_name`` in BCC, the coordinator in To, "Guten Tag," and
    nothing personal (only ``BCC_TEMPLATES``; a cancellation carries the public calendar file, which removes the
    meeting from every calendar without naming anyone)."""
    template = template or load_template(session, template_name)
    chosen = check_drafts(session, event_id, template_name, template=template, registration_ids=registration_ids,
                          organizer=organizer, bcc=True)
    organizer = require_organizer(organizer)
    event = event_info(session, event_id)
    text = render_neutral(template, event, sender_name=organizer.name)
    calendar = event_calendar(event, organizer=organizer, now=now) if template.attach_invitation else None
    mail = OutgoingMail(
        registration_id=uuid.UUID(int=0),
        to=_draft_sender(organizer),
        subject=text.subject,
        body=text.body,
        calendar=calendar,
        bcc=tuple(MailAddress(p.display_name, p.email.strip()) for p in chosen.people),
        filename=f"{FILE_PREFIX[template_name]}_an_alle_BCC",
    )
    return BccDraft(mail, chosen.people, chosen.skipped, organizer)


def _test_address(address: MailAddress) -> MailAddress:
    if "@" not in address.email.strip("@ "):
        raise UserError(f"„{address.email}“ ist keine E-Mail-Adresse.")
    address.header()  # UserError when it cannot be written into a header
    return MailAddress(address.name, address.email.strip())


def _write_test_draft(
    session: Session, event_id: uuid.UUID, template_name: str, directory: Path, test_to: MailAddress, *,
    template: MailTemplate | None, registration_ids: Collection[uuid.UUID] | None, organizer: Organizer | None,
    now: datetime, attachments: AttachmentSource | None, min_percent: int | None, bcc: bool,
    test_person: uuid.UUID | None,
) -> DraftResult:
    address = _test_address(test_to)
    label = TEMPLATE_LABELS[template_name]
    if bcc:
        draft = build_bcc_draft(session, event_id, template_name, template=template,
                                registration_ids=registration_ids, organizer=organizer, now=now)
        mail = replace(draft.mail, to=address, bcc=(), filename=f"Test_{FILE_PREFIX[template_name]}_an_alle")
        sender, whose = draft.organizer, f"dem Text für alle in BCC ({plural(len(draft.people), 'Person', 'Personen')})"
    else:
        chosen = check_drafts(session, event_id, template_name, template=template,
                              registration_ids=registration_ids, organizer=organizer, min_percent=min_percent)
        person = next((p for p in chosen.people if p.registration_id == test_person), chosen.people[0])
        batch = build_mails(session, event_id, template_name, template=template,
                            registration_ids=[person.registration_id], organizer=organizer, now=now,
                            attachments=attachments, min_percent=min_percent)
        if not batch.mails:
            raise UserError(nobody_message(template_name, Selection((), batch.skipped)))
        first = batch.mails[0]
        filename = draft_filename(f"Test_{FILE_PREFIX[template_name]}", first.last_name, first.first_name, set())
        mail = replace(first, to=address, filename=filename)
        sender, whose = batch.organizer, f"den Angaben von {person.display_name or person.email}"
    written = write_drafts([mail], Path(directory), prefix=FILE_PREFIX[template_name], sender=_draft_sender(sender))
    path = written[0][1]
    message = f"Testentwurf ({label}) an {address.email} mit {whose} gespeichert: {path}"
    return DraftResult(Path(directory), (path,), (), message, test=True, bcc=bcc)


def write_draft_files(
    session: Session,
    event_id: uuid.UUID,
    template_name: str,
    directory: Path,
    *,
    template: MailTemplate | None = None,
    registration_ids: Collection[uuid.UUID] | None = None,
    organizer: Organizer | None = None,
    now: datetime | None = None,
    attachments: AttachmentSource | None = None,
    min_percent: int | None = None,
    bcc: bool = False,
    test_to: MailAddress | None = None,
    test_person: uuid.UUID | None = None,
) -> DraftResult:
    """``.eml`` drafts in ``directory``: one per recipient, each recorded on its registration as drafted (not as
    sent: see ``mark_drafts_sent``).

    ``bcc``: one draft to everyone in BCC instead (``build_bcc_draft``; each recipient is recorded).
    ``test_to``: one draft to this address with the data of the first recipient (or of ``test_person`` when
    that is one), recorded nowhere. Everything ``check_drafts`` checks is refused before a file is written.
    """
    now = now or utcnow()
    label = TEMPLATE_LABELS[template_name]
    if test_to is not None:
        return _write_test_draft(session, event_id, template_name, directory, test_to, template=template,
                                 registration_ids=registration_ids, organizer=organizer, now=now,
                                 attachments=attachments, min_percent=min_percent, bcc=bcc, test_person=test_person)
    if bcc:
        draft = build_bcc_draft(session, event_id, template_name, template=template,
                                registration_ids=registration_ids, organizer=organizer, now=now)
        written = write_drafts([draft.mail], Path(directory), prefix=FILE_PREFIX[template_name],
                               sender=_draft_sender(draft.organizer))
        for person in draft.people:
            record_message(session, person.registration_id, template_name, CHANNEL_DRAFT, DRAFTED, BCC_DETAIL, at=now)
        message = (f"1 Entwurf ({label}) an {_persons(len(draft.people))} in BCC gespeichert in {directory}")
        if draft.skipped:
            message += f"; {_persons(len(draft.skipped))} übersprungen"
        return DraftResult(Path(directory), tuple(p for _m, p in written), draft.skipped, message,
                           tuple(p.registration_id for p in draft.people), bcc=True)
    template = template or load_template(session, template_name)
    check_drafts(session, event_id, template_name, template=template, registration_ids=registration_ids,
                 organizer=organizer, min_percent=min_percent)
    batch = build_mails(session, event_id, template_name, template=template, registration_ids=registration_ids,
                        organizer=organizer, now=now, attachments=attachments, min_percent=min_percent)
    written = write_drafts(batch.mails, Path(directory), prefix=FILE_PREFIX[template_name],
                           sender=_draft_sender(batch.organizer))
    for mail, _path in written:
        record_message(session, mail.registration_id, template_name, CHANNEL_DRAFT, DRAFTED, at=now)
    drafts = plural(len(written), "Entwurf", "Entwürfe")
    message = f"{drafts} ({label}) gespeichert in {directory}"
    if batch.skipped:
        message += f"; {_persons(len(batch.skipped))} übersprungen"
    return DraftResult(Path(directory), tuple(p for _m, p in written), batch.skipped, message,
                       tuple(m.registration_id for m, _p in written))


# -- sending -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SendReport:
    template: str
    results: tuple[DeliveryResult, ...]
    skipped: tuple[Skipped, ...]
    cancelled: bool
    not_sent: int  # left when cancelled
    access_link_done: bool = False

    @property
    def sent(self) -> tuple[DeliveryResult, ...]:
        return tuple(r for r in self.results if r.ok)

    @property
    def failed(self) -> tuple[DeliveryResult, ...]:
        return tuple(r for r in self.results if not r.ok)

    def message(self) -> str:
        parts = [f"{TEMPLATE_LABELS[self.template]}: {len(self.sent)} versendet"]
        if self.failed:
            parts.append(f"{len(self.failed)} fehlgeschlagen")
        if self.skipped:
            parts.append(f"{_persons(len(self.skipped))} übersprungen")
        if self.cancelled:
            parts.append(f"abgebrochen, {_persons(self.not_sent)} nicht versendet")
        return ", ".join(parts) + "."

    def to_json(self) -> dict[str, object]:
        return {
            "template": self.template,
            "sent": len(self.sent),
            "failed": len(self.failed),
            "cancelled": self.cancelled,
            "not_sent": self.not_sent,
            "access_link_done": self.access_link_done,
            "results": [{"registration_id": str(r.registration_id), "name": r.name, "email": r.email,
                         "result": SENT if r.ok else FAILED, "detail": r.detail} for r in self.results],
            "skipped": [{"registration_id": str(s.registration_id), "name": s.name, "reason": s.reason}
                        for s in self.skipped],
        }


def send_mails(
    sessions: sessionmaker[Session],
    event_id: uuid.UUID,
    template_name: str,
    smtp: SmtpSettings,
    *,
    template: MailTemplate | None = None,
    registration_ids: Collection[uuid.UUID] | None = None,
    skip_received: bool = True,
    only_failed: bool = False,
    password: str | None = None,
    organizer: Organizer | None = None,
    pause: float = 1.0,
    control: SendControl | None = None,
    on_result: Callable[[DeliveryResult], None] | None = None,
    progress: Callable[[int, str], None] | None = None,
    attachments: AttachmentSource | None = None,
    min_percent: int | None = None,
) -> SendReport:
    """Send ``template_name`` to its recipients (by default not again to those who already received it).

    Takes the session factory, not a Session: every result is recorded in its own short transaction, so the
    database is not locked while the mail server answers or the program pauses, and an interruption loses no
    record. ``password``: given, else keyring or ``ODN_SMTP_PASSWORD``. ``attachments``/``min_percent``: as for
    ``build_mails`` (this may run on a worker thread: give PDFs made beforehand, not a callable that draws them).
    """
    organizer = organizer_for(smtp, organizer)
    with transaction(sessions) as session:
        batch = build_mails(session, event_id, template_name, template=template, registration_ids=registration_ids,
                            skip_received=skip_received, only_failed=only_failed, organizer=organizer,
                            attachments=attachments, min_percent=min_percent)
    sender = MailAddress(organizer.name, organizer.email)
    envelopes = [
        Envelope(m.registration_id, m.to.name, m.to.email, build_message(m, sender=sender, draft=False))
        for m in batch.mails
    ]

    def record(result: DeliveryResult) -> None:
        with transaction(sessions) as session:
            record_message(session, result.registration_id, template_name, CHANNEL_SMTP,
                           SENT if result.ok else FAILED, result.detail)
        if on_result is not None:
            on_result(result)

    results, cancelled = deliver(
        envelopes, smtp, sender=organizer.email,
        password=password if password is not None else smtp_password(smtp),
        pause=pause, control=control, on_result=record, progress=progress,
    )
    done = False
    if template_name == "access_link":
        with transaction(sessions) as session:
            done = update_access_link_sent(session, event_id)
    return SendReport(template_name, tuple(results), batch.skipped, cancelled,
                      len(envelopes) - len(results), done)


def send_test_mail(
    sessions: sessionmaker[Session],
    event_id: uuid.UUID,
    template_name: str,
    smtp: SmtpSettings,
    *,
    to: MailAddress,
    template: MailTemplate | None = None,
    registration_ids: Collection[uuid.UUID] | None = None,
    password: str | None = None,
    organizer: Organizer | None = None,
    attachments: AttachmentSource | None = None,
    min_percent: int | None = None,
    test_person: uuid.UUID | None = None,
) -> DeliveryResult:
    """One message to ``to`` (the coordinator) with the data of the first recipient (or ``test_person``), sent
    over SMTP exactly as the recipients would get it; recorded nowhere. ``UserError`` as for drafts and sending."""
    organizer = organizer_for(smtp, organizer)
    address = _test_address(to)
    with transaction(sessions) as session:
        chosen = check_drafts(session, event_id, template_name, template=template,
                              registration_ids=registration_ids, organizer=organizer, min_percent=min_percent)
        person = next((p for p in chosen.people if p.registration_id == test_person), chosen.people[0])
        batch = build_mails(session, event_id, template_name, template=template,
                            registration_ids=[person.registration_id], organizer=organizer,
                            attachments=attachments, min_percent=min_percent)
    if not batch.mails:
        raise UserError(nobody_message(template_name, Selection((), batch.skipped)))
    mail = replace(batch.mails[0], to=address)
    sender = MailAddress(organizer.name, organizer.email)
    envelope = Envelope(mail.registration_id, address.name, address.email,
                        build_message(mail, sender=sender, draft=False))
    results, _cancelled = deliver([envelope], smtp, sender=organizer.email,
                                  password=password if password is not None else smtp_password(smtp), pause=0)
    return results[0]


def retry_failed(
    sessions: sessionmaker[Session],
    event_id: uuid.UUID,
    template_name: str,
    smtp: SmtpSettings,
    *,
    template: MailTemplate | None = None,
    password: str | None = None,
    organizer: Organizer | None = None,
    pause: float = 1.0,
    control: SendControl | None = None,
    on_result: Callable[[DeliveryResult], None] | None = None,
    progress: Callable[[int, str], None] | None = None,
    attachments: AttachmentSource | None = None,
    min_percent: int | None = None,
) -> SendReport:
    """Send again to everyone whose last attempt with this template failed (and only to them)."""
    return send_mails(sessions, event_id, template_name, smtp, template=template, skip_received=False,
                      only_failed=True, password=password, organizer=organizer, pause=pause, control=control,
                      on_result=on_result, progress=progress, attachments=attachments, min_percent=min_percent)


def template_choices() -> list[tuple[str, str]]:
    return [(name, TEMPLATE_LABELS[name]) for name in TEMPLATE_NAMES]
