"""Exports as use cases: gather plain records from the database, hand them to the writers in ``exchange``.

Nothing here changes data. The calendar SEQUENCE is not raised here either: the services that change what a
calendar entry shows raise it (``calendar_sequence``), and ``events.cancel_event`` when the event is
cancelled; an export only writes what is stored. Participant lists are in German name order
(``domain.names.person_sort_key``).

For the GUI: every ``export_*`` function takes its own Session and a target path, so it can run on the
worker thread (``ui.infra.worker.run_in_background``); a ``UserError`` (file open in Excel, folder missing) carries
the German message to show.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odn_desktop.domain.agenda import GERMAN_KIND_LABELS, AgendaKind
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import person_sort_key
from odn_desktop.domain.plurals import plural
from odn_desktop.domain.timezone import utcnow
from odn_desktop.exchange.atomic_write import check_target, write_bytes
from odn_desktop.exchange.attendance_sheet import AttendanceSheet, save_attendance_sheet
from odn_desktop.exchange.export_records import (
    AgendaEntry,
    EventInfo,
    Participant,
    RegistrationCounts,
    SpeakerEntry,
)
from odn_desktop.exchange.ics_calendar import Organizer, event_calendar, require_organizer, write_invitations
from odn_desktop.exchange.registrant_export import save_registrant_export
from odn_desktop.store.models import Contact, Registration, Round, Speaker

from .agenda import agenda_rows
from .events import get_event, registration_counts
from .rows import FORMAT_LABELS, REGISTRATION_STATUS_LABELS

_STATUS_ORDER = {"registered": 0, "waiting": 1, "cancelled": 2}


@dataclass(frozen=True)
class ExportResult:
    """What was written, and a German sentence saying so (status bar, CLI)."""

    path: Path
    count: int
    message: str
    files: tuple[Path, ...] = ()


# -- gathering ---------------------------------------------------------------------------------------------


def _kind_label(kind: str) -> str:
    try:
        return GERMAN_KIND_LABELS[AgendaKind(kind)]
    except ValueError:
        return kind


def _hosts(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def event_info(session: Session, event_id: uuid.UUID) -> EventInfo:
    """The event with its programme (derived start times) and speakers, as a plain record."""
    event = get_event(session, event_id)
    series = event.series if event.series is not None and event.series.deleted_at is None else None
    rows, _warning = agenda_rows(session, event_id)
    agenda = tuple(
        AgendaEntry(starts_at=r.starts_at, ends_at=r.ends_at, title=r.title, kind_label=_kind_label(r.kind),
                    speaker=r.speaker or "")
        for r in rows
    )
    speakers: list[SpeakerEntry] = []
    for link in event.speaker_links:
        speaker: Speaker = link.speaker
        if link.deleted_at is not None or speaker.deleted_at is not None:
            continue
        name = " ".join(p for p in (speaker.academic_title, speaker.first_name, speaker.last_name) if p)
        speakers.append(SpeakerEntry(name=name, organisation=speaker.organisation, role=speaker.role,
                                     topic=link.topic))
    return EventInfo(
        id=event.id,
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        ics_uid=event.ics_uid,
        ics_sequence=event.ics_sequence,
        series=series.title if series is not None else "",
        description=event.description,
        format=event.format,
        format_label=FORMAT_LABELS.get(event.format, event.format),
        venue=event.venue,
        online_url=event.online_url,
        hosts=_hosts(event.hosts) or (_hosts(series.hosts) if series is not None else ()),
        status=event.status,
        capacity=event.capacity,
        agenda=agenda,
        speakers=tuple(speakers),
    )


_PARTICIPANT_COLUMNS = (
    Registration.id, Contact.last_name, Contact.first_name, Contact.email, Contact.salutation,
    Contact.academic_title, Contact.organisation, Contact.municipality, Contact.federal_state, Contact.role,
    Contact.experience_level, Registration.status, Registration.waitlist_position, Round.title,
    Round.deleted_at, Registration.registered_at, Registration.cancelled_at, Registration.late,
    Registration.attended, Registration.attended_minutes, Registration.source, Registration.notes,
    Contact.consent_contact, Contact.consent_given_at,
)


def participants(
    session: Session,
    event_id: uuid.UUID,
    *,
    statuses: Collection[str] | None = ("registered",),
    registration_ids: Collection[uuid.UUID] | None = None,
) -> list[Participant]:
    """Live registrations of the event (by default: the registered people), by last name in German order.

    One plain column query (no ORM objects): 10,000 registrants load in a fraction of a second.
    """
    get_event(session, event_id)
    query = (
        select(*_PARTICIPANT_COLUMNS)
        .join(Contact, Contact.id == Registration.contact_id)
        .outerjoin(Round, Round.id == Registration.round_id)
        .where(Registration.event_id == event_id, Registration.deleted_at.is_(None))
    )
    if statuses is not None:
        query = query.where(Registration.status.in_(list(statuses)))
    if registration_ids is not None:
        query = query.where(Registration.id.in_(list(registration_ids)))
    result = [
        Participant(
            registration_id=reg_id, last_name=last, first_name=first, email=email, salutation=salutation,
            academic_title=title, organisation=organisation, municipality=municipality, federal_state=state,
            role=role, experience_level=level, status=status,
            status_label=REGISTRATION_STATUS_LABELS.get(status) or status, waitlist_position=position,
            round=round_title if round_title is not None and round_deleted is None else "",
            registered_at=registered_at, cancelled_at=cancelled_at, late=late, attended=attended,
            attended_minutes=minutes, source=source, notes=notes, consent_contact=consent,
            consent_given_at=consent_at,
        )
        for (reg_id, last, first, email, salutation, title, organisation, municipality, state, role, level, status,
             position, round_title, round_deleted, registered_at, cancelled_at, late, attended, minutes, source,
             notes, consent, consent_at) in session.execute(query)
    ]
    result.sort(key=lambda p: person_sort_key(p.last_name, p.first_name))
    return result


def counts(session: Session, event_id: uuid.UUID) -> RegistrationCounts:
    by_status = registration_counts(session, [event_id])[event_id]
    attended = session.scalar(
        select(func.count()).select_from(Registration).where(
            Registration.event_id == event_id, Registration.deleted_at.is_(None), Registration.attended.is_(True)
        )
    ) or 0
    return RegistrationCounts(registered=by_status["registered"], waiting=by_status["waiting"],
                              cancelled=by_status["cancelled"], attended=attended)


def round_titles(session: Session, event_id: uuid.UUID) -> tuple[str, ...]:
    """The event's live rounds in their order."""
    return tuple(session.scalars(select(Round.title).where(Round.event_id == event_id, Round.deleted_at.is_(None))
                                 .order_by(Round.position, Round.title)))


def attendance_sheet(session: Session, event_id: uuid.UUID, *, columns: Sequence[str] | None = None,
                     blank_rows: int = 0, per_round: bool = False, now: datetime | None = None) -> AttendanceSheet:
    """The participant list's content (Excel sheet and printed list alike).

    ``columns``: optional columns (``role``, ``email``, ``round``); ``None`` shows "Runde" when someone
    registered for a round and nothing else. ``per_round``: one list per parallel round (an event without
    rounds keeps its one list).
    """
    people = participants(session, event_id)
    if columns is None:
        columns = ("round",) if any(p.round for p in people) else ()
    return AttendanceSheet(event=event_info(session, event_id), participants=tuple(people),
                           counts=counts(session, event_id), generated_at=now or utcnow(),
                           columns=tuple(columns), blank_rows=blank_rows, rounds=round_titles(session, event_id),
                           per_round=per_round)


# -- writing -----------------------------------------------------------------------------------------------


def export_attendance_sheet(session: Session, event_id: uuid.UUID, path: Path, *,
                            columns: Sequence[str] | None = None, blank_rows: int = 0, per_round: bool = False,
                            now: datetime | None = None) -> ExportResult:
    path = check_target(Path(path))
    sheet = attendance_sheet(session, event_id, columns=columns, blank_rows=blank_rows, per_round=per_round,
                             now=now)
    save_attendance_sheet(sheet, path)
    n = len(sheet.participants)
    lists = len(sheet.round_sheets())
    how = f" (eine Tabelle je Runde, {plural(lists, 'Tabelle', 'Tabellen')})" if per_round and sheet.rounds else ""
    return ExportResult(path, n, f"Anwesenheitsliste mit {plural(n, 'Person', 'Personen')}{how} gespeichert: {path}")


def export_registrants(session: Session, event_id: uuid.UUID, path: Path, *,
                       registration_ids: Collection[uuid.UUID] | None = None,
                       now: datetime | None = None) -> ExportResult:
    """All registrations of the event (or the selected ones) with every field: seat holders, then the waiting
    list in its order, then cancellations; by name within each."""
    path = check_target(Path(path))
    event = event_info(session, event_id)
    people = participants(session, event_id, statuses=None, registration_ids=registration_ids)
    people.sort(key=lambda p: (_STATUS_ORDER.get(p.status, 3), p.waitlist_position or 0))  # stable: names stay sorted
    save_registrant_export(event, people, path, now or utcnow())
    n = len(people)
    return ExportResult(path, n, f"{plural(n, 'Anmeldung', 'Anmeldungen')} exportiert: {path}")


def export_event_calendar(session: Session, event_id: uuid.UUID, path: Path, *, with_link: bool = False,
                          organizer: Organizer | None = None, now: datetime | None = None) -> ExportResult:
    """The event file (PUBLISH, or CANCEL for a cancelled event); the private link only with ``with_link``.

    The ORGANIZER is ``organizer``, else ``ODN_ORGANIZER_NAME``/``ODN_ORGANIZER_EMAIL``; without either a
    ``UserError`` (nothing is written)."""
    organizer = require_organizer(organizer)
    path = check_target(Path(path))
    event = event_info(session, event_id)
    if with_link and not event.online_url.strip():
        raise UserError(f"Für „{event.title}“ ist noch kein Zugangslink eingetragen.")
    write_bytes(path, event_calendar(event, with_link=with_link, organizer=organizer, now=now))
    what = "Absage" if event.cancelled else "Kalenderdatei"
    return ExportResult(path, 1, f"{what} gespeichert: {path}")


def export_invitations(session: Session, event_id: uuid.UUID, directory: Path, *,
                       organizer: Organizer | None = None, now: datetime | None = None) -> ExportResult:
    """One invitation (or, for a cancelled event, one cancellation) per registered person with an e-mail; the
    ORGANIZER as for ``export_event_calendar``."""
    organizer = require_organizer(organizer)
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise UserError(f"„{directory}“ ist eine Datei; für die Einladungen bitte einen Ordner angeben.")
    event = event_info(session, event_id)
    people = participants(session, event_id)
    with_email = [p for p in people if p.email.strip()]
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Der Ordner „{directory}“ kann nicht angelegt werden ({exc.strerror or exc}).") from exc
    files = write_invitations(event, with_email, directory, organizer=organizer, now=now)
    what = ("Absage", "Absagen") if event.cancelled else ("Einladung", "Einladungen")
    message = f"{plural(len(files), *what)} gespeichert in {directory}"
    if len(with_email) < len(people):
        missing = len(people) - len(with_email)
        message += f" ({plural(missing, 'Person', 'Personen')} ohne E-Mail-Adresse übersprungen)"
    return ExportResult(directory, len(files), message, tuple(files))
