"""After the meeting: mark who attended, and for how long, from a Zoom or Teams report.

Participants are matched to the event's registrations by e-mail address (case-insensitive), else by
normalised name (case, umlauts, a trailing "(Organisation)" removed, first/last name in either order) when that
name identifies exactly one registrant. Speakers of the event and the host are recognised and not counted as
guests. Whoever is left is listed with likely candidates (fuzzy name similarity, ``rapidfuzz``) so the
coordinator can assign them by hand (``manual`` in ``import_attendance``, or ``assign_attendance`` later).
Several participants matched to one registration (a second device, a rejoin under another name) are merged:
their intervals are united.

Importing the same report again changes nothing: the same registrations get the same minutes.

The coordinator can mark participants as the host by hand (``host_participants``: positions in the report; the
meeting's own host account and the ``hosts`` named are recognised anyway). The report sums up who attended, who
was not matched and who was excluded as speaker or host (``summary``).

An import records the attended flag and minutes of every registration it changed, as they were
(``report.record``, an ``import_undo.AttendanceRecord``): ``import_undo.undo_attendance`` puts them back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import normalize_email, normalize_name
from odn_desktop.exchange.attendance_reports import (
    AttendanceReport,
    Participant,
    attended_minutes,
    read_attendance_report,
)
from odn_desktop.store.models import Contact, Registration

from .events import get_event
from .import_undo import AttendanceRecord, ChangedRow
from .registration_import import read_file
from .registrations import CANCELLED, get_registration, mark_attendance
from .rows import RegistrationRow
from .speakers import list_speaker_rows

SPEAKER = "Referent:in"
HOST = "Gastgeber:in"
#: Words in front of a name that say nothing about the person ("Dr. Anna Becker", "Frau Becker").
_NAME_PREFIXES = frozenset({"dr", "prof", "frau", "herr", "ing", "dipl", "mag", "med", "rer", "nat", "phil"})
CANDIDATE_LIMIT = 3
CANDIDATE_CUTOFF = 60.0


@dataclass(frozen=True)
class Candidate:
    registration_id: uuid.UUID
    name: str
    email: str
    score: int  # 0..100


@dataclass(frozen=True)
class AttendedEntry:
    registration_id: uuid.UUID
    name: str  # the registrant's name
    minutes: int
    matched_by: str  # "email", "name" or "manual"
    participant: str = ""  # the name shown in the report
    participants: tuple[int, ...] = ()  # their positions in the report (a second device, a rejoin: several)


@dataclass(frozen=True)
class UnmatchedEntry:
    name: str
    email: str
    minutes: int
    candidates: tuple[Candidate, ...] = ()
    participant: int = -1  # position in the report's participants, the key for a manual assignment


@dataclass(frozen=True)
class SkippedEntry:
    name: str
    email: str
    minutes: int
    reason: str  # SPEAKER or HOST
    participant: int = -1  # position in the report's participants


@dataclass(frozen=True)
class AttendanceImportReport:
    attended: tuple[AttendedEntry, ...] = ()
    unmatched: tuple[UnmatchedEntry, ...] = ()
    skipped: tuple[SkippedEntry, ...] = ()
    notes: tuple[str, ...] = ()
    tool: str = ""
    file_name: str = ""
    dry_run: bool = False
    #: what the import changed, for its undo; ``None`` for a dry run or a match
    record: AttendanceRecord | None = field(default=None, compare=False, repr=False)

    @property
    def summary(self) -> dict[str, int]:
        """attended, unmatched, excluded_speakers, excluded_hosts: the numbers the window and the CLI show."""
        return {"attended": len(self.attended), "unmatched": len(self.unmatched),
                "excluded_speakers": sum(s.reason == SPEAKER for s in self.skipped),
                "excluded_hosts": sum(s.reason == HOST for s in self.skipped)}

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": self.summary,
            "attended": [{"registration_id": str(a.registration_id), "name": a.name, "minutes": a.minutes}
                         for a in self.attended],
            "unmatched": [{"name": u.name, "email": u.email, "minutes": u.minutes} for u in self.unmatched],
            "excluded": [{"name": s.name, "email": s.email, "minutes": s.minutes,
                          "reason": "speaker" if s.reason == SPEAKER else "host"} for s in self.skipped],
        }

    def to_text(self) -> str:
        lines = [f"Anwesenheit aus „{self.file_name}“ ({self.tool})"]
        if self.dry_run:
            lines.append("Probelauf – es wurde nichts gespeichert.")
        lines.append(f"Teilgenommen: {len(self.attended)}")
        lines.extend(f"  {a.name}: {a.minutes} Min." for a in self.attended)
        if self.skipped:
            counts = self.summary
            lines.append(f"Nicht als Gäste gezählt: {len(self.skipped)} (Referent:innen: {counts['excluded_speakers']}"
                         f", Gastgeber:innen: {counts['excluded_hosts']})")
            lines.extend(f"  {s.name} ({s.reason})" for s in self.skipped)
        lines.append(f"Nicht zugeordnet: {len(self.unmatched)}")
        for u in self.unmatched:
            hint = ", ".join(c.name for c in u.candidates)
            who = f"{u.name} <{u.email}>" if u.email else u.name
            lines.append(f"  {who}: {u.minutes} Min." + (f" – vielleicht: {hint}" if hint else ""))
        lines.extend(f"Hinweis: {n}" for n in self.notes)
        return "\n".join(lines) + "\n"


# -- matching ----------------------------------------------------------------------------------------------


def _name_keys(name: str) -> set[str]:
    """The name as matched: normalised, with and without titles and salutations in front.

    Everything from the first parenthesis on is dropped too: "Sabine Jäger (Stadt Halle (Saale))" nests them.
    """
    keys: set[str] = set()
    for variant in {name, name.split("(", 1)[0]}:
        key = normalize_name(variant)
        words = key.split()
        while words and words[0] in _NAME_PREFIXES:
            words = words[1:]
        keys.update(k for k in (key, " ".join(words)) if k)
    return keys


def _person_keys(first: str, last: str) -> set[str]:
    return _name_keys(f"{first} {last}") | _name_keys(f"{last} {first}")


@dataclass
class _Registrant:
    id: uuid.UUID
    name: str
    email: str
    keys: set[str]
    participants: list[Participant] = field(default_factory=list)
    matched_by: str = ""


def _registrants(session: Session, event_id: uuid.UUID) -> list[_Registrant]:
    rows = session.execute(
        select(Registration.id, Contact.first_name, Contact.last_name, Contact.email)
        .join(Contact, Contact.id == Registration.contact_id)
        .where(Registration.event_id == event_id, Registration.deleted_at.is_(None),
               Registration.status != CANCELLED)
    ).all()
    return [_Registrant(rid, f"{first} {last}".strip(), email, _person_keys(first, last))
            for rid, first, last, email in rows]


@dataclass(frozen=True)
class _Known:
    """People recognised by e-mail address or name (speakers, hosts)."""

    emails: frozenset[str]
    names: frozenset[str]

    def knows(self, participant: Participant) -> bool:
        if participant.email and participant.email_key in self.emails:
            return True
        return bool(_name_keys(participant.name) & self.names)


def _known(entries: Iterable[tuple[str, str]]) -> _Known:
    """(name, email) pairs; a value containing "@" given as name counts as an address."""
    emails: set[str] = set()
    names: set[str] = set()
    for name, email in entries:
        for value in (name, email):
            if "@" in value:
                emails.add(normalize_email(value))
            elif value.strip():
                names |= _name_keys(value)
    return _Known(frozenset(emails), frozenset(names))


def _candidates(participant: Participant, pool: Sequence[_Registrant]) -> tuple[Candidate, ...]:
    query = normalize_name(participant.name) or participant.email.split("@")[0].replace(".", " ")
    if not query or not pool:
        return ()
    choices = {i: normalize_name(r.name) for i, r in enumerate(pool)}
    found = process.extract(normalize_name(query), choices, scorer=fuzz.token_sort_ratio, limit=CANDIDATE_LIMIT,
                            score_cutoff=CANDIDATE_CUTOFF)
    return tuple(Candidate(pool[i].id, pool[i].name, pool[i].email, int(score)) for _, score, i in found)


def _minutes(participants: list[Participant]) -> int:
    intervals = [i for p in participants for i in p.intervals]
    if intervals:
        return attended_minutes(intervals)
    return sum(p.minutes for p in participants)


def match_attendance(
    session: Session,
    event_id: uuid.UUID,
    report: AttendanceReport,
    *,
    hosts: Iterable[str] = (),
    manual: Mapping[int, uuid.UUID] | None = None,
    host_participants: Iterable[int] = (),
    file_name: str = "",
) -> AttendanceImportReport:
    """Who in the report is which registrant; writes nothing.

    ``manual`` assigns participants (by position in ``report.participants``) to registrations by hand; they
    are merged with whatever else matched that registration (intervals united). ``host_participants``: positions
    the coordinator marked as the host; they are excluded like a recognised host (before any assignment).
    """
    get_event(session, event_id)
    speakers = _known((f"{s.first_name} {s.last_name}", s.email) for s in list_speaker_rows(session, event_id))
    host_list = [*hosts, report.host_email]
    known_hosts = _known((h, "") for h in host_list if h)
    registrants = _registrants(session, event_id)
    by_email = {normalize_email(r.email): r for r in registrants}
    by_name: dict[str, list[_Registrant]] = {}
    for r in registrants:
        for key in r.keys:
            by_name.setdefault(key, []).append(r)
    by_id = {r.id: r for r in registrants}
    manual = dict(manual or {})
    unknown = set(manual.values()) - by_id.keys()
    if unknown:
        raise UserError("Diese Anmeldung gehört nicht (mehr) zu der Veranstaltung; bitte neu zuordnen.")
    marked_hosts = set(host_participants)
    skipped: list[SkippedEntry] = []
    open_participants: list[tuple[int, Participant]] = []
    positions: dict[uuid.UUID, list[int]] = {}
    for index, p in enumerate(report.participants):
        if index in marked_hosts:
            skipped.append(SkippedEntry(p.name, p.email, p.minutes, HOST, index))
        elif index in manual:
            target = by_id[manual[index]]
            target.participants.append(p)
            positions.setdefault(target.id, []).append(index)
            target.matched_by = target.matched_by or "manual"
        elif speakers.knows(p):
            skipped.append(SkippedEntry(p.name, p.email, p.minutes, SPEAKER, index))
        elif p.role in ("host", "organizer") or known_hosts.knows(p):
            skipped.append(SkippedEntry(p.name, p.email, p.minutes, HOST, index))
        else:
            open_participants.append((index, p))
    unmatched_participants: list[tuple[int, Participant]] = []
    for index, p in open_participants:
        hit = by_email.get(p.email_key) if p.email else None
        how = "email"
        if hit is None:
            named = {r.id: r for key in _name_keys(p.name) for r in by_name.get(key, [])}
            hit = next(iter(named.values())) if len(named) == 1 else None
            how = "name"
        if hit is None:
            unmatched_participants.append((index, p))
            continue
        hit.participants.append(p)
        positions.setdefault(hit.id, []).append(index)
        hit.matched_by = hit.matched_by or how
    attended = tuple(
        AttendedEntry(r.id, r.name, _minutes(r.participants), r.matched_by, r.participants[0].name,
                      tuple(sorted(positions.get(r.id, ()))))
        for r in registrants if r.participants
    )
    free = [r for r in registrants if not r.participants]
    unmatched = tuple(UnmatchedEntry(p.name, p.email, p.minutes, _candidates(p, free), index)
                      for index, p in unmatched_participants)
    return AttendanceImportReport(attended=tuple(sorted(attended, key=lambda a: normalize_name(a.name))),
                                  unmatched=unmatched, skipped=tuple(skipped), notes=report.notes,
                                  tool=report.tool, file_name=file_name)


# -- writing -----------------------------------------------------------------------------------------------


def import_attendance(
    session: Session,
    event_id: uuid.UUID,
    report: AttendanceReport,
    *,
    hosts: Iterable[str] = (),
    manual: Mapping[int, uuid.UUID] | None = None,
    host_participants: Iterable[int] = (),
    dry_run: bool = False,
    file_name: str = "",
) -> AttendanceImportReport:
    """Match, then mark the matched registrations attended with their minutes (nothing when ``dry_run``).

    The report carries the record for the undo (``record``): every registration whose attended flag or minutes
    changed, with both as they were."""
    result = match_attendance(session, event_id, report, hosts=hosts, manual=manual,
                              host_participants=host_participants, file_name=file_name)
    record = None
    if not dry_run:
        record = AttendanceRecord(event_id, file_name, tuple(_mark(session, result.attended)))
    return replace(result, dry_run=dry_run, record=record)


def _mark(session: Session, entries: Sequence[AttendedEntry]) -> list[ChangedRow]:
    """Mark each entry attended; the rows that changed, with their values and bookkeeping before."""
    before = {}
    for entry in entries:
        reg = get_registration(session, entry.registration_id)
        before[reg.id] = (reg, reg.attended, reg.attended_minutes, reg.updated_at, reg.dirty, reg.server_seq)
        mark_attendance(session, entry.registration_id, True, entry.minutes)  # flushes: stamped if it changed
    changes = []
    for reg, attended, minutes, updated_at, dirty, server_seq in before.values():
        if (reg.attended, reg.attended_minutes) == (attended, minutes):
            continue  # the same report again: nothing changed, nothing to undo
        changes.append(ChangedRow(reg.id, (("attended", attended, reg.attended),
                                           ("attended_minutes", minutes, reg.attended_minutes)),
                                  updated_at, dirty, reg.updated_at, server_seq))
    return changes


def import_attendance_file(
    session: Session,
    event_id: uuid.UUID,
    path: Path,
    *,
    hosts: Iterable[str] = (),
    dry_run: bool = False,
) -> AttendanceImportReport:
    report = read_attendance_report(read_file(path))
    return import_attendance(session, event_id, report, hosts=hosts, dry_run=dry_run, file_name=path.name)


def assign_attendance(session: Session, assignments: Iterable[tuple[uuid.UUID, int]]) -> list[RegistrationRow]:
    """The coordinator's manual assignments: (registration id, minutes) each marked attended."""
    return [mark_attendance(session, registration_id, True, minutes) for registration_id, minutes in assignments]
