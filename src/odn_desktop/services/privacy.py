"""Data protection: retention (anonymise after N months), access (Art. 15 export), erasure (Art. 17).

Anonymising a contact empties every field that describes the person – names, salutation, title, e-mail,
organisation, municipality, federal state, role, experience, consent, notes: *every* contact column except the
sync bookkeeping, so a column added later is covered too – and sets the e-mail to
``anonymisiert-<12 hex digits>@invalid`` (unique, never deliverable: ``.invalid`` is reserved). Their
registrations keep status, waiting-list place, round and attendance, so every count of past events stays
right; only the registrations' notes, import file names and the server answers in the message log go, and the
text of their topic wishes (the wishes stay counted in their topic, ``wishes.anonymize_wishes``).

Deleting a person (Art. 17) anonymises the same way *and* tombstones the contact, their registrations and
messages (``deleted_at``), which the sync carries to the shared database; a seat they held in an upcoming
event goes to the head of the queue (the seat rule, ``seat_allocation.apply_allocation``) and whoever moved up
is reported. Past
events are not rewritten: nobody moves up into a meeting that already took place (their counts drop by the
deleted person). ``privacy_log`` keeps what
was done in counts only.

Not reached from here: backups of the database file (``backups/``, taken before migrations) and the sync's
shadow copy of each row, which the next sync overwrites with the anonymised values (it also empties the values
kept in decided sync conflicts about the person).

The sync recognises an erasure or anonymisation by the contact's e-mail ``anonymisiert-<first 12 hex digits of
its own id>@invalid`` (``sync.erasure``; keep the two in step) and lets it win over edits another laptop made
meanwhile, without a conflict: the personal data never comes back.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, String, Text, func, select
from sqlalchemy.orm import Session, selectinload

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import normalize_email, person_sort_key
from odn_desktop.domain.plurals import plural
from odn_desktop.domain.timezone import format_german_date, utcnow
from odn_desktop.exchange.atomic_write import check_target
from odn_desktop.exchange.person_export import PersonData, Table, save_person_export
from odn_desktop.store.mail_models import PrivacyLog, RegistrationMessage
from odn_desktop.store.models import Contact, Event, Registration, Speaker
from odn_desktop.store.wish_models import TopicWish

from .contacts import find_contact_by_email
from .mailing import DONE_LABELS, RESULT_LABELS
from .registrations import to_row
from .rows import REGISTRATION_STATUS_LABELS, RegistrationRow
from .seat_allocation import apply_to_events
from .wishes import anonymize_wishes

RETENTION_MONTHS = 24
ANONYMIZED_LAST_NAME = "anonymisiert"
#: sync bookkeeping: not about the person (``id`` only links the anonymous registrations together)
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "dirty", "server_seq", "deleted_at"})

CONTACT_LABELS = {
    "salutation": "Anrede", "academic_title": "Titel", "first_name": "Vorname", "last_name": "Nachname",
    "email": "E-Mail", "email_normalized": "E-Mail (normalisiert, für die Dublettenerkennung)",
    "organisation": "Organisation", "municipality": "Kommune", "federal_state": "Bundesland", "role": "Funktion",
    "experience_level": "Erfahrung mit Open Data", "consent_contact": "Einwilligung in weitere Kontaktaufnahme",
    "consent_given_at": "Einwilligung erteilt am", "notes": "Notizen", "id": "Kennung", "created_at": "Angelegt am",
    "updated_at": "Zuletzt geändert am",
}


def anonymized_email(contact_id: uuid.UUID) -> str:
    return f"anonymisiert-{contact_id.hex[:12]}@invalid"


def is_anonymized(contact: Contact) -> bool:
    return contact.email_normalized.startswith("anonymisiert-") and contact.email_normalized.endswith("@invalid")


def personal_contact_columns() -> list[str]:
    """Every contact column that can describe the person (all but the sync bookkeeping)."""
    return [c.name for c in Contact.__table__.columns if c.name not in BOOKKEEPING]


def _blank(column: Any) -> Any:
    if isinstance(column.type, (String, Text)):
        return ""
    if isinstance(column.type, Boolean):
        return False
    if column.nullable:
        return None
    raise AssertionError(f"contact.{column.name}: no blank value known; extend privacy._blank")


def _anonymize_contact(contact: Contact) -> None:
    for column in Contact.__table__.columns:
        if column.name not in BOOKKEEPING:
            value = _blank(column)
            if getattr(contact, column.name) != value:
                setattr(contact, column.name, value)
    contact.last_name = ANONYMIZED_LAST_NAME
    contact.email = anonymized_email(contact.id)
    contact.email_normalized = normalize_email(contact.email)


def _anonymize_registration(reg: Registration) -> None:
    if reg.notes:
        reg.notes = ""
    if reg.source not in ("manual", "import"):
        reg.source = "import"  # an import file's name may carry a person's name


def _messages(session: Session, registration_ids: Collection[uuid.UUID]) -> list[RegistrationMessage]:
    if not registration_ids:
        return []
    return list(session.scalars(
        select(RegistrationMessage).where(RegistrationMessage.registration_id.in_(list(registration_ids)))
    ))


def anonymize_registrations(session: Session, registrations: Iterable[Registration], *,
                            now: datetime | None = None) -> int:
    """Empty what registrations and their message records say about the person; with ``now`` also tombstone them
    (Art. 17). Returns the number of messages. The sync uses it too, for a person's rows another laptop added or
    edited while the person was being erased."""
    regs = list(registrations)
    for reg in regs:
        _anonymize_registration(reg)
        if now is not None and reg.deleted_at is None:
            reg.deleted_at = now
    messages = _messages(session, [r.id for r in regs])
    for message in messages:
        if message.detail:
            message.detail = ""  # a server's refusal often quotes the address
        if now is not None and message.deleted_at is None:
            message.deleted_at = now
    session.flush()
    return len(messages)


def _anonymize_person(session: Session, contact: Contact) -> tuple[int, int]:
    """Anonymise the contact, all their registrations, message records and wishes; returns (registrations,
    messages)."""
    regs = list(session.scalars(select(Registration).where(Registration.contact_id == contact.id)))
    n_messages = anonymize_registrations(session, regs)
    anonymize_wishes(session, [contact.id])
    _anonymize_contact(contact)
    session.flush()
    return len(regs), n_messages


# -- retention ---------------------------------------------------------------------------------------------


def months_before(moment: datetime, months: int) -> datetime:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass(frozen=True)
class RetentionCandidate:
    contact_id: uuid.UUID
    name: str
    email: str
    organisation: str
    last_event: str  # title of the last event, empty when the person never registered
    last_activity: datetime  # end of the last event, else when the contact was created
    registrations: int


def retention_candidates(session: Session, months: int = RETENTION_MONTHS,
                         now: datetime | None = None) -> list[RetentionCandidate]:
    """Contacts whose last event ended more than ``months`` months ago (the preview before anonymising)."""
    if months < 1:
        raise UserError("Die Aufbewahrungsfrist muss mindestens einen Monat betragen.")
    cutoff = months_before(now or utcnow(), months)
    last_end = (
        select(Registration.contact_id, func.max(Event.ends_at).label("last_end"), func.count().label("n"))
        .join(Event, Event.id == Registration.event_id)
        .where(Registration.deleted_at.is_(None))
        .group_by(Registration.contact_id)
        .subquery()
    )
    rows = session.execute(
        select(Contact, last_end.c.last_end, last_end.c.n)
        .outerjoin(last_end, last_end.c.contact_id == Contact.id)
        .where(Contact.deleted_at.is_(None), ~Contact.email_normalized.like("anonymisiert-%@invalid"))
    ).all()
    result: list[RetentionCandidate] = []
    for contact, last, count in rows:
        activity = _aware(last) if last is not None else contact.created_at
        if activity >= cutoff:
            continue
        title = ""
        if last is not None:
            title = session.scalar(
                select(Event.title).join(Registration, Registration.event_id == Event.id)
                .where(Registration.contact_id == contact.id, Registration.deleted_at.is_(None))
                .order_by(Event.ends_at.desc()).limit(1)
            ) or ""
        name = " ".join(p for p in (contact.academic_title, contact.first_name, contact.last_name) if p)
        result.append(RetentionCandidate(contact.id, name, contact.email, contact.organisation, title, activity,
                                         int(count or 0)))
    result.sort(key=lambda c: (c.last_activity, person_sort_key(c.name, "")))
    return result


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class AnonymizationResult:
    months: int
    cutoff: datetime
    contacts: int
    registrations: int
    messages: int
    dry_run: bool
    candidates: tuple[RetentionCandidate, ...]

    def message(self) -> str:
        if self.dry_run:
            return (f"{plural(self.contacts, 'Kontakt', 'Kontakte')} mit letzter Veranstaltung vor dem "
                    f"{format_german_date(self.cutoff)} würden anonymisiert.")
        return (f"{plural(self.contacts, 'Kontakt', 'Kontakte')} und "
                f"{plural(self.registrations, 'Anmeldung', 'Anmeldungen')} anonymisiert "
                f"(letzte Veranstaltung vor dem {format_german_date(self.cutoff)}).")

    def to_json(self) -> dict[str, Any]:
        from odn_desktop.domain.timezone import iso_berlin

        data: dict[str, Any] = {
            "months": self.months, "cutoff": iso_berlin(self.cutoff), "dry_run": self.dry_run,
            "contacts": self.contacts, "registrations": self.registrations, "messages": self.messages,
        }
        if self.dry_run:  # the preview names the people; the result of a real run must not
            data["candidates"] = [
                {"contact_id": str(c.contact_id), "name": c.name, "email": c.email, "organisation": c.organisation,
                 "last_event": c.last_event, "last_activity": iso_berlin(c.last_activity),
                 "registrations": c.registrations}
                for c in self.candidates
            ]
        return data


def anonymize_expired(session: Session, months: int = RETENTION_MONTHS, *, dry_run: bool = False,
                      contact_ids: Collection[uuid.UUID] | None = None,
                      now: datetime | None = None) -> AnonymizationResult:
    """Anonymise every contact past the retention period (``contact_ids``: only those of the preview that
    are still due) and log the counts. ``dry_run``: only report who would be anonymised."""
    now = now or utcnow()
    candidates = retention_candidates(session, months, now)
    if contact_ids is not None:
        wanted = set(contact_ids)
        candidates = [c for c in candidates if c.contact_id in wanted]
    cutoff = months_before(now, months)
    if dry_run:
        regs = sum(c.registrations for c in candidates)
        return AnonymizationResult(months, cutoff, len(candidates), regs, 0, True, tuple(candidates))
    n_regs = n_msgs = 0
    for candidate in candidates:
        contact = session.get(Contact, candidate.contact_id)
        assert contact is not None
        regs, msgs = _anonymize_person(session, contact)
        n_regs += regs
        n_msgs += msgs
    session.add(PrivacyLog(action="anonymize", at=now, months=months, cutoff=cutoff, contacts=len(candidates),
                           registrations=n_regs, messages=n_msgs))
    session.flush()
    return AnonymizationResult(months, cutoff, len(candidates), n_regs, n_msgs, False, ())


@dataclass(frozen=True)
class PrivacyLogRow:
    action: str
    at: datetime
    months: int | None
    contacts: int
    registrations: int
    messages: int


def privacy_log(session: Session) -> list[PrivacyLogRow]:
    rows = session.scalars(select(PrivacyLog).where(PrivacyLog.deleted_at.is_(None)).order_by(PrivacyLog.at.desc()))
    return [PrivacyLogRow(r.action, r.at, r.months, r.contacts, r.registrations, r.messages) for r in rows]


# -- Art. 15: access ---------------------------------------------------------------------------------------


def _contact_or_error(session: Session, email: str) -> Contact:
    contact = find_contact_by_email(session, email)
    if contact is None or is_anonymized(contact):
        raise UserError(f"Zu {email.strip()} ist keine Person gespeichert.")
    return contact


REGISTRATION_COLUMNS = (
    ("event_title", "Veranstaltung"), ("event_starts_at", "Beginn"), ("status", "Status"),
    ("waitlist_position", "Wartelistenplatz"), ("round", "Runde"), ("registered_at", "Angemeldet am"),
    ("late", "Verspätet"), ("cancelled_at", "Storniert am"), ("attended", "Teilgenommen"),
    ("attended_minutes", "Minuten anwesend"), ("level", "Kenntnisstand"), ("source", "Quelle"), ("notes", "Notizen"),
    ("deleted_at", "Gelöscht am"), ("registration_id", "Anmelde-ID"),
)
WISH_COLUMNS = (
    ("event_title", "Veranstaltung"), ("event_starts_at", "Beginn"), ("text", "Themenwunsch"),
    ("source", "Herkunft"), ("group", "Thema (Gruppe)"), ("created_at", "Erfasst am"), ("wish_id", "Wunsch-ID"),
)
WISH_SOURCE_LABELS = {"form": "Anmeldeformular", "survey": "Umfrage", "manual": "von Hand erfasst"}
MESSAGE_COLUMNS = (
    ("event_title", "Veranstaltung"), ("template", "Nachricht"), ("channel", "Weg"), ("at", "Zeitpunkt"),
    ("result", "Ergebnis"), ("detail", "Antwort des Mailservers"),
)
SPEAKER_COLUMNS = (
    ("salutation", "Anrede"), ("academic_title", "Titel"), ("first_name", "Vorname"), ("last_name", "Nachname"),
    ("role", "Funktion"), ("organisation", "Organisation"), ("bio", "Kurzbiografie"), ("email", "E-Mail"),
    ("phone", "Telefon"),
)


def _speakers_with_email(session: Session, email_normalized: str) -> list[Speaker]:
    return [s for s in session.scalars(select(Speaker).where(Speaker.deleted_at.is_(None), Speaker.email != ""))
            if normalize_email(s.email) == email_normalized]


def person_data(session: Session, email: str, now: datetime | None = None) -> PersonData:
    """Everything stored about the person with this e-mail address."""
    contact = _contact_or_error(session, email)
    fields = tuple(
        (name, CONTACT_LABELS.get(name, name), getattr(contact, name))
        for name in ("id", *personal_contact_columns(), "created_at", "updated_at")
    )
    regs = list(session.scalars(
        select(Registration).where(Registration.contact_id == contact.id)
        .options(selectinload(Registration.event), selectinload(Registration.round))
    ))
    regs.sort(key=lambda r: r.event.starts_at)
    by_id = {r.id: r for r in regs}
    registrations = tuple(
        {"event_title": r.event.title, "event_starts_at": r.event.starts_at,
         "status": REGISTRATION_STATUS_LABELS.get(r.status, r.status), "waitlist_position": r.waitlist_position,
         "round": r.round.title if r.round is not None else "", "registered_at": r.registered_at, "late": r.late,
         "cancelled_at": r.cancelled_at, "attended": r.attended, "attended_minutes": r.attended_minutes,
         "level": r.level, "source": r.source, "notes": r.notes, "deleted_at": r.deleted_at,
         "registration_id": r.id}
        for r in regs
    )
    messages = sorted(_messages(session, by_id), key=lambda m: m.at)
    message_rows = tuple(
        {"event_title": by_id[m.registration_id].event.title, "template": DONE_LABELS.get(m.template, m.template),
         "channel": "Entwurf (.eml)" if m.channel == "draft" else "E-Mail (SMTP)", "at": m.at,
         "result": RESULT_LABELS.get(m.result, m.result), "detail": m.detail}
        for m in messages if m.deleted_at is None
    )
    speakers = tuple(
        {name: getattr(s, name) for name, _label in SPEAKER_COLUMNS}
        for s in _speakers_with_email(session, contact.email_normalized)
    )
    wishes = sorted(session.scalars(select(TopicWish).where(
        TopicWish.contact_id == contact.id, TopicWish.deleted_at.is_(None))
        .options(selectinload(TopicWish.event), selectinload(TopicWish.group))), key=lambda w: w.created_at)
    wish_rows = tuple(
        {"event_title": w.event.title, "event_starts_at": w.event.starts_at, "text": w.text,
         "source": WISH_SOURCE_LABELS.get(w.source, w.source),
         "group": w.group.title if w.group is not None and w.group.deleted_at is None else "",
         "created_at": w.created_at, "wish_id": w.id}
        for w in wishes
    )
    tables = [
        Table("registrations", "Anmeldungen", REGISTRATION_COLUMNS, registrations),
        Table("messages", "Nachrichten", MESSAGE_COLUMNS, message_rows),
        Table("wishes", "Themenwünsche", WISH_COLUMNS, wish_rows),
    ]
    if speakers:
        tables.append(Table("speaker_profiles", "Referent-Profil", SPEAKER_COLUMNS, speakers))
    return PersonData(contact.email, now or utcnow(), fields, tuple(tables))


@dataclass(frozen=True)
class PersonExportResult:
    xlsx: Path
    json: Path
    registrations: int
    message: str


def export_person(session: Session, email: str, xlsx_path: Path, now: datetime | None = None) -> PersonExportResult:
    """Art. 15: ``FILE.xlsx`` and ``FILE.json`` with everything stored about the person."""
    xlsx_path = Path(xlsx_path)
    if xlsx_path.suffix.lower() != ".xlsx":
        raise UserError("Bitte einen Dateinamen mit der Endung .xlsx angeben.")
    check_target(xlsx_path)
    check_target(xlsx_path.with_suffix(".json"))
    data = person_data(session, email, now)
    xlsx, json_path = save_person_export(data, xlsx_path)
    n = len(data.tables[0].rows)
    return PersonExportResult(xlsx, json_path, n, f"Auskunft über {data.email} gespeichert: {xlsx} und {json_path}")


# -- Art. 17: erasure --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeletionResult:
    contact_id: uuid.UUID
    registrations: int
    messages: int
    promoted: tuple[RegistrationRow, ...]
    speaker_profiles: int = 0  # speaker entries with the same address (not deleted here)

    def message(self) -> str:
        text = (f"Person gelöscht: {plural(self.registrations, 'Anmeldung', 'Anmeldungen')} und "
                f"{plural(self.messages, 'Nachricht', 'Nachrichten')} entfernt.")
        if self.promoted:
            names = ", ".join(f"{r.display_name} ({r.email})" for r in self.promoted)
            text += f" Von der Warteliste nachgerückt: {names}. Bitte informieren Sie die Nachgerückten."
        if self.speaker_profiles:
            text += (" Unter dieser Adresse gibt es auch ein Referent:innen-Profil; es bleibt erhalten, bitte bei "
                     "den Referent:innen prüfen und dort löschen, falls gewünscht.")
        return text

    def to_json(self) -> dict[str, Any]:
        return {"contact_id": str(self.contact_id), "registrations": self.registrations, "messages": self.messages,
                "promoted": [r.to_json() for r in self.promoted], "speaker_profiles": self.speaker_profiles}


def delete_person(session: Session, email: str, now: datetime | None = None) -> DeletionResult:
    """Art. 17: tombstone the contact, their registrations and messages, anonymise their content, give freed
    seats to the waiting list. The tombstones are marked as changed, so the next sync removes the person from
    the shared database too."""
    now = now or utcnow()
    contact = _contact_or_error(session, email)
    speakers = len(_speakers_with_email(session, contact.email_normalized))
    promoted: list[RegistrationRow] = []
    live = list(session.scalars(
        select(Registration).where(Registration.contact_id == contact.id, Registration.deleted_at.is_(None))
    ))
    for reg in live:
        reg.deleted_at = now
    session.flush()
    upcoming = {reg.event_id for reg in live if reg.event.ends_at > now}  # the past is not rewritten
    for report in apply_to_events(session, upcoming):
        promoted.extend(to_row(r) for r in session.scalars(select(Registration).where(
            Registration.id.in_(report.promoted))))
    n_regs, n_msgs = _anonymize_person(session, contact)
    anonymize_registrations(session, session.scalars(select(Registration).where(Registration.contact_id == contact.id)),
                            now=now)
    anonymize_wishes(session, [contact.id], now=now)
    contact.deleted_at = now
    session.add(PrivacyLog(action="delete", at=now, contacts=1, registrations=n_regs, messages=n_msgs))
    session.flush()
    return DeletionResult(contact.id, n_regs, n_msgs, tuple(promoted), speakers)
