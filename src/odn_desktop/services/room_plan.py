"""The Zoom room plan of an event: who goes into which breakout room, as plain rows, and the pre-assignment file.

Who is placed: the people *registered* for the event (nobody from the waiting list, nobody cancelled), each with
their parallel round. Speakers and hosts are recognised for the "spread one per room" option:

* a speaker is a speaker of the event (``EventSpeaker`` → ``Speaker``) with an e-mail address. A registered person
  with that address is flagged; a speaker who did not register is added to the plan when speakers are spread (they
  are in the meeting and usually take part in the networking), and not otherwise.
* a host is a registered person whose organisation is one of the event's hosts (the event's "Veranstaltende", else
  the series'), compared folded; a host line "Deutsches Institut für Urbanistik gGmbH (Difu)" also matches "Difu"
  and "Deutsches Institut für Urbanistik gGmbH".

By round: every registered person with a round goes into the room of that round, named with the round's title
unchanged; registered people without a round stay in the main room (reported). Speakers and hosts are placed as
registered; the spread/leave-out option applies to the mixed rooms only.

The rules of the mixed rooms are the domain's (``domain.room_plan``). Nothing here changes data.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import normalize_email, strip_parenthetical
from odn_desktop.domain.plurals import plural
from odn_desktop.domain.room_plan import (
    DEFAULT_ROOM_SIZE,
    DEFAULT_SEED,
    RoomPerson,
    RoomPlan,
    StaffMode,
    group_key,
    mix_rooms,
    rooms_by_round,
)
from odn_desktop.exchange.room_plan_csv import Assignment, save_room_plan_csv
from odn_desktop.store.models import Contact, EventSpeaker, Registration, Round, Speaker

from .events import get_event
from .exports import ExportResult

SPEAKER_LABEL = "Referent:in"
HOST_LABEL = "Veranstaltende"
_PARENTHESES = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class RoomPeople:
    """What a plan is made from: the event's placeable people and its rounds (``(key, title)`` in order)."""

    event_id: uuid.UUID
    event_title: str
    people: tuple[RoomPerson, ...]
    rounds: tuple[tuple[str, str], ...]
    #: speakers who did not register (placed only when speakers and hosts are spread)
    extra_speakers: tuple[RoomPerson, ...] = ()


@dataclass(frozen=True)
class RoomRow:
    """One person in the plan (``room_number`` 0 and ``room`` "": not assigned, stays in the main room)."""

    id: str
    room_number: int
    room: str
    name: str
    email: str
    organisation: str
    municipality: str
    role: str  # SPEAKER_LABEL, HOST_LABEL or ""
    shares: bool  # in a room with someone of the same organisation or municipality


@dataclass(frozen=True)
class RoomPlanView:
    event_id: uuid.UUID
    event_title: str
    plan: RoomPlan
    rows: tuple[RoomRow, ...]  # room by room
    left_out: tuple[RoomRow, ...]
    staff_mode: StaffMode

    @property
    def rooms_sharing(self) -> int:
        return len({row.room_number for row in self.rows if row.shares})

    def summary(self) -> str:
        """The plan in one German line, for the window's status line."""
        rooms = len(self.plan.rooms)
        head = f"{plural(len(self.rows), 'Person', 'Personen')} in {plural(rooms, 'Raum', 'Räumen')}"
        return "; ".join([head, *self.notes()])

    def notes(self) -> list[str]:
        """What the coordinator should know beyond the count: who stays in the main room, unavoidable sharing."""
        notes = []
        if self.left_out:
            who = len(self.left_out)
            if self.plan.by_round:
                notes.append(plural(who, "{n} Person ohne Runde bleibt im Hauptraum",
                                    "{n} Personen ohne Runde bleiben im Hauptraum"))
            else:
                notes.append(plural(who, "{n} Referent:in oder Veranstaltende:r bleibt im Hauptraum",
                                    "{n} Referent:innen und Veranstaltende bleiben im Hauptraum"))
        if self.rooms_sharing and not self.plan.by_round:
            notes.append(plural(self.rooms_sharing,
                                "in {n} Raum treffen sich Personen derselben Organisation oder Kommune "
                                "(nicht vermeidbar)",
                                "in {n} Räumen treffen sich Personen derselben Organisation oder Kommune "
                                "(nicht vermeidbar)"))
        return notes


# -- gathering -----------------------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def host_keys(hosts: str) -> frozenset[str]:
    """The compared forms of the host organisations: each line, without its parentheses, and what is inside them."""
    keys: set[str] = set()
    for line in _lines(hosts):
        keys.add(group_key(line))
        keys.add(group_key(strip_parenthetical(line)))
        keys.update(group_key(inner) for inner in _PARENTHESES.findall(line))
    keys.discard("")
    return frozenset(keys)


def _speakers(session: Session, event_id: uuid.UUID) -> list[Speaker]:
    return list(session.scalars(
        select(Speaker).join(EventSpeaker, EventSpeaker.speaker_id == Speaker.id)
        .where(EventSpeaker.event_id == event_id, EventSpeaker.deleted_at.is_(None), Speaker.deleted_at.is_(None))
        .order_by(EventSpeaker.position)))


def room_people(session: Session, event_id: uuid.UUID) -> RoomPeople:
    """The registered people of the event (one plain query), its speakers and its rounds."""
    event = get_event(session, event_id)
    series = event.series if event.series is not None and event.series.deleted_at is None else None
    hosts = host_keys(event.hosts if _lines(event.hosts) else (series.hosts if series is not None else ""))
    speakers = _speakers(session, event_id)
    speaker_emails = {normalize_email(s.email) for s in speakers if s.email.strip()}
    rounds = tuple((str(rid), title) for rid, title in session.execute(
        select(Round.id, Round.title).where(Round.event_id == event_id, Round.deleted_at.is_(None))
        .order_by(Round.position, Round.title)))
    live_rounds = {key for key, _title in rounds}
    query = (
        select(Registration.id, Registration.round_id, Contact.first_name, Contact.last_name, Contact.email,
               Contact.organisation, Contact.municipality)
        .join(Contact, Contact.id == Registration.contact_id)
        .where(Registration.event_id == event_id, Registration.deleted_at.is_(None),
               Registration.status == "registered", Contact.deleted_at.is_(None))
    )
    people: list[RoomPerson] = []
    registered_emails: set[str] = set()
    for reg_id, round_id, first, last, email, organisation, municipality in session.execute(query):
        normalized = normalize_email(email)
        registered_emails.add(normalized)
        round_key = str(round_id) if round_id is not None and str(round_id) in live_rounds else ""
        people.append(RoomPerson(
            key=str(reg_id), first_name=first, last_name=last, email=email, organisation=organisation,
            municipality=municipality, is_speaker=normalized in speaker_emails,
            is_host=group_key(organisation) in hosts, round_key=round_key))
    extra: list[RoomPerson] = []
    for speaker in speakers:
        normalized = normalize_email(speaker.email)
        if not speaker.email.strip() or normalized in registered_emails:
            continue
        registered_emails.add(normalized)  # the same address twice: once
        extra.append(RoomPerson(key=f"speaker:{speaker.id}", first_name=speaker.first_name,
                                last_name=speaker.last_name, email=speaker.email.strip(),
                                organisation=speaker.organisation, is_speaker=True))
    return RoomPeople(event_id=event.id, event_title=event.title, people=tuple(people), rounds=rounds,
                      extra_speakers=tuple(extra))


# -- planning ------------------------------------------------------------------------------------------------


def _role(person: RoomPerson) -> str:
    if person.is_speaker:
        return SPEAKER_LABEL
    return HOST_LABEL if person.is_host else ""


def _row(person: RoomPerson, number: int, room: str, plan: RoomPlan) -> RoomRow:
    return RoomRow(id=person.key, room_number=number, room=room, name=person.name, email=person.email,
                   organisation=person.organisation, municipality=person.municipality, role=_role(person),
                   shares=person.key in plan.sharing)


def plan_rooms(people: RoomPeople, *, size: int = DEFAULT_ROOM_SIZE, seed: int = DEFAULT_SEED, by_round: bool = False,
               staff: StaffMode = StaffMode.SPREAD) -> RoomPlanView:
    """The plan over gathered people (no database: the window recomputes it on every change of an option)."""
    if by_round:
        if not people.rounds:
            raise UserError(f"„{people.event_title}“ hat keine parallelen Runden; eine Einteilung nach Runden "
                            "ist nicht möglich.")
        plan = rooms_by_round(people.people, people.rounds)
    else:
        extra = people.extra_speakers if staff is StaffMode.SPREAD else ()
        plan = mix_rooms((*people.people, *extra), size=size, seed=seed, staff=staff)
    rows = tuple(_row(p, room.number, room.name, plan) for room in plan.rooms for p in room.people)
    left_out = tuple(_row(p, 0, "", plan) for p in plan.left_out)
    return RoomPlanView(event_id=people.event_id, event_title=people.event_title, plan=plan, rows=rows,
                        left_out=left_out, staff_mode=staff)


def room_plan(session: Session, event_id: uuid.UUID, *, size: int = DEFAULT_ROOM_SIZE, seed: int = DEFAULT_SEED,
              by_round: bool = False, staff: StaffMode = StaffMode.SPREAD) -> RoomPlanView:
    return plan_rooms(room_people(session, event_id), size=size, seed=seed, by_round=by_round, staff=staff)


# -- the Zoom file -------------------------------------------------------------------------------------------


def save_room_plan(view: RoomPlanView, path: Path) -> ExportResult:
    """Write the pre-assignment CSV of a plan already made (the window's preview is what gets written)."""
    written = save_room_plan_csv((Assignment(row.room, row.email, row.name) for row in view.rows), path)
    message = (f"Raumplan für Zoom mit {plural(written.rows, 'Person', 'Personen')} in "
               f"{plural(written.rooms, 'Raum', 'Räumen')} gespeichert: {path}")
    if written.skipped:
        names = ", ".join(f"{item.name} ({item.email or 'ohne E-Mail-Adresse'})" for item in written.skipped)
        message += (f"\nNicht in der Datei, weil Zoom die Adresse so nicht zuordnen kann "
                    f"(bitte in Zoom von Hand zuteilen): {names}")
    return ExportResult(path=Path(path), count=written.rows, message=message)


def export_room_plan(session: Session, event_id: uuid.UUID, path: Path, *, size: int = DEFAULT_ROOM_SIZE,
                     seed: int = DEFAULT_SEED, by_round: bool = False,
                     staff: StaffMode = StaffMode.SPREAD) -> tuple[RoomPlanView, ExportResult]:
    view = room_plan(session, event_id, size=size, seed=seed, by_round=by_round, staff=staff)
    return view, save_room_plan(view, path)
