"""Import registrations from a web-form or survey export into one event, in one transaction.

The file is read and validated by ``exchange.registration_import`` (plain data, nothing written); this module
writes the plan:

- one contact per e-mail address (case- and whitespace-insensitive), in the file and in the database; an
  existing contact keeps its data, only empty fields are filled (as ``services.contacts`` does);
- at most one registration per person and event; a person already registered is left alone, so importing
  the same file again changes nothing; a cancelled registration is renewed only when the file says the person
  registered again after the cancellation;
- the new rows join the end of the event's queue in the order of their registration times, and the one seat rule
  (``domain.allocation``, the same that ``services.registrations.register`` applies) decides their seats: an import
  never takes a seat from anyone; rows outside the registration window (``domain.registration_window``) are
  refused with the reason unless ``allow_late``, then imported and marked late;
- rounds: a file naming rounds the event does not have is refused as a whole unless ``create_rounds``; a round
  column in a file for an event without rounds is not used, and the report says so.

This is the bulk form of calling ``register(..., registered_at=..., allow_late=True)`` once per row: the seat
count, the waiting-list end and the existing contacts are read once, so 10,000 rows cost a handful of queries
instead of 40,000 (``tests/services/test_registration_import.py`` checks both give the same seats).

What happens to each person is decided once, before anything is written (``_decide``: new, updated, unchanged or
rejected, late, and the seat or waiting place the seat rule gives them); the import carries that out, and
``forecast_import`` returns the same decisions without writing (the dialog's preview): its counts are the
report's. Only the notes (wishes taken over, rounds created) come from writing.

Everything happens inside the caller's transaction; a failure anywhere leaves the database as it was.
``dry_run`` runs the whole import in a savepoint and rolls it back, so the report is exact and nothing stays.

A real import also records what it changed (``report.record``, an ``import_undo.ImportRecord``: the ids it
inserted, the prior values of what it changed), so that ``import_undo.undo_import`` can take it back later and
``redo_import`` can repeat it with the same ids.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, cast

from sqlalchemy import String, Table, bindparam, func, select
from sqlalchemy.orm import Session

from odn_desktop.domain.allocation import Allocation
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import fold_german
from odn_desktop.domain.registration_window import admission
from odn_desktop.domain.seats import RegistrationStatus
from odn_desktop.domain.timezone import format_german_date, utcnow
from odn_desktop.exchange.cells import Table as SheetTable
from odn_desktop.exchange.registration_import import (
    CONTACT_FIELDS,
    ColumnMapping,
    ImportPlan,
    ImportRow,
    build_plan,
    detect_mapping,
    header_signature,
    mapping_from_names,
    read_registration_table,
)
from odn_desktop.store.batches import ColumnValues, Same, in_batches, insert_columns
from odn_desktop.store.models import Contact, Event, Registration, Round
from odn_desktop.store.stored_values import uuids_from_ints

from .events import get_event
from .import_undo import RENEWED_FIELDS, ChangedRow, ImportRecord, NewContact, NewRegistration
from .import_wishes import write_wishes_and_levels
from .rows import bulk_snapshot
from .seat_allocation import QUEUE_STEP, QueuedRegistration, apply_allocation, next_queue_order, read_queue
from .seat_allocation import plan as plan_allocation

log = logging.getLogger(__name__)

REGISTERED = RegistrationStatus.REGISTERED.value
WAITING = RegistrationStatus.WAITING.value
CANCELLED = RegistrationStatus.CANCELLED.value
MAPPINGS_FILE_NAME = "import-mappings.json"
_PROGRESS_EVERY = 250

Progress = Callable[[int, str], None]


# -- report ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RejectedRow:
    row: int
    reason: str

    @property
    def message(self) -> str:
        return f"Zeile {self.row}: {self.reason}"


#: What the import does with a person of the file (``PersonOutcome.kind``)
NEW, UPDATED, UNCHANGED, REJECTED = "new", "updated", "unchanged", "rejected"
#: and with a row merged into an earlier row of the same person (a row kind only, never a person's)
DUPLICATE = "duplicate"


@bulk_snapshot  # one per person, 10,000 per import: frozen for the type checker, without the run-time guard
class PersonOutcome:
    """What the import does with one person of the file (their first row; merged duplicate rows follow it).

    ``kind``: ``NEW`` (a registration is added), ``UPDATED`` (empty contact fields filled, or a cancelled
    registration renewed), ``UNCHANGED`` (already registered, nothing to add) or ``REJECTED`` (``reason``).
    ``late`` and ``waiting`` describe the registration a new or renewed person gets."""

    row: int
    kind: str
    reason: str = ""
    late: bool = False
    waiting: bool = False
    renewed: bool = False  # a cancelled registration taken up again (counted as updated)
    cancelled: bool = False  # a cancelled registration the file does not renew (left alone: unchanged/updated)
    #: the registration window's reason when the row lies outside it, also when it is admitted late
    outside_window: str = ""
    #: the contact's empty fields the file fills (``CONTACT_FIELDS`` names)
    filled: tuple[str, ...] = ()

    @property
    def joins(self) -> bool:
        """The person gets a place in the event's queue (new, or renewed after a cancellation)."""
        return self.kind == NEW or self.renewed


@dataclass(frozen=True)
class RegistrationImportReport:
    """Counts per person: ``created`` new registrations, ``updated`` existing people whose data was completed
    (or whose cancelled registration was renewed), ``unchanged``. ``waiting`` and ``late`` count those this
    import placed on the waiting list / marked late. Merged duplicate rows are listed, not counted.

    The counts are those of ``outcomes`` (``import_plan`` decides them once, with ``forecast_import``'s code)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    waiting: int = 0
    late: int = 0
    rejected: tuple[RejectedRow, ...] = ()
    duplicates: tuple[tuple[int, int], ...] = ()  # (row, row it was merged into)
    dry_run: bool = False
    file_name: str = ""
    event_title: str = ""
    event_starts_at: datetime | None = None
    #: what the import changed, for its undo; ``None`` for a dry run
    record: ImportRecord | None = field(default=None, compare=False, repr=False)
    #: what else the coordinator must know: a round column not used, rounds created
    notes: tuple[str, ...] = ()
    #: what happened to each person, in queue order
    outcomes: tuple[PersonOutcome, ...] = field(default=(), compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "waiting": self.waiting,
            "late": self.late,
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
            "duplicates": [{"row": row, "merged_into": first} for row, first in self.duplicates],
            "rows": rows_json(self.outcomes, self.rejected, self.duplicates),
            "notes": list(self.notes),
        }

    def to_text(self) -> str:
        """The report in German, as shown after the import and saved on request."""
        when = f" ({format_german_date(self.event_starts_at)})" if self.event_starts_at else ""
        lines = [f"Import von „{self.file_name}“ in „{self.event_title}“{when}"]
        if self.dry_run:
            lines.append("Probelauf – es wurde nichts gespeichert.")
        placed = []
        if self.waiting:
            placed.append(f"{self.waiting} auf der Warteliste")
        if self.late:
            placed.append(f"{self.late} verspätet")
        lines.append(f"Neu angemeldet: {self.created}" + (f" (davon {', '.join(placed)})" if placed else ""))
        lines.append(f"Aktualisiert: {self.updated}")
        lines.append(f"Unverändert (bereits angemeldet): {self.unchanged}")
        if self.duplicates:
            pairs = ", ".join(f"Zeile {row} → Zeile {first}" for row, first in self.duplicates)
            lines.append(f"Doppelte Zeilen zusammengeführt: {len(self.duplicates)} ({pairs})")
        lines.append(f"Abgelehnt: {len(self.rejected)}")
        lines.extend(f"  {r.message}" for r in self.rejected)
        lines.extend(self.notes)
        return "\n".join(lines) + "\n"


def rows_json(outcomes: Sequence[PersonOutcome], rejected: Sequence[RejectedRow],
              duplicates: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    """Every row of the file with what happens to it, in row order (the CLI's ``--json``; no personal data)."""
    rows: dict[int, dict[str, Any]] = {}
    for o in outcomes:
        if o.kind != REJECTED:
            rows[o.row] = {"row": o.row, "kind": o.kind, "late": o.late, "waiting": o.waiting}
    for r in rejected:
        rows[r.row] = {"row": r.row, "kind": REJECTED, "reason": r.reason}
    for row, first in duplicates:
        rows[row] = {"row": row, "kind": DUPLICATE, "merged_into": first}
    return [rows[n] for n in sorted(rows)]


# -- remembered mappings -----------------------------------------------------------------------------------


class MappingMemory:
    """Confirmed column mappings per header, in a small JSON file (e.g. in the data folder).

    A damaged or unreadable file is treated as empty (and overwritten on the next confirmation): a lost
    remembered mapping costs one look at the mapping dialog, nothing more.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def in_folder(cls, folder: Path) -> MappingMemory:
        return cls(folder / MAPPINGS_FILE_NAME)

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("remembered mappings unreadable (%s): %s", self.path, exc)
            return {}
        mappings = data.get("mappings") if isinstance(data, dict) else None
        return mappings if isinstance(mappings, dict) else {}

    def recall(self, header: Sequence[str]) -> ColumnMapping | None:
        entry = self._load().get(header_signature(header))
        if not isinstance(entry, dict) or not isinstance(entry.get("mapping"), list):
            return None
        return mapping_from_names(header, entry["mapping"])

    def remember(self, header: Sequence[str], mapping: ColumnMapping) -> None:
        mappings = self._load()
        mappings[header_signature(header)] = {
            "header": list(header),
            "mapping": list(mapping),
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"version": 1, "mappings": mappings}, ensure_ascii=False, indent=1),
                       encoding="utf-8")
        os.replace(tmp, self.path)


# -- reading -----------------------------------------------------------------------------------------------


def read_file(path: Path) -> bytes:
    """The file's bytes; a missing, locked, unreadable or far too big file is a user error."""
    from odn_desktop.exchange.import_limits import check_size

    try:
        check_size(path.stat().st_size, path.name)
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"Die Datei „{path}“ gibt es nicht.") from None
    except IsADirectoryError:
        raise UserError(f"„{path}“ ist ein Ordner, keine Datei.") from None
    except PermissionError:
        raise UserError(f"Die Datei „{path.name}“ lässt sich nicht öffnen: keine Berechtigung, oder sie ist "
                        "in einem anderen Programm (Excel?) geöffnet. Bitte dort schließen.") from None
    except OSError as exc:
        raise UserError(f"Die Datei „{path.name}“ lässt sich nicht lesen: {exc.strerror or exc}") from None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while an import reads, checks and writes its rows (``plan_for_table``,
    ``import_plan``). They make some 100,000 objects that all stay alive to the end; every few hundred of them
    the collector walked the new ones, and now and then the whole heap, finding nothing: ~110 ms of an import of
    10,000 rows. It runs again afterwards (a caller that had paused it keeps it paused)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def plan_for_table(table: SheetTable, mapping: ColumnMapping | None = None,
                   memory: MappingMemory | None = None) -> ImportPlan:
    """The plan under ``mapping``, else the remembered mapping for this header, else the detected one."""
    if mapping is None and memory is not None:
        mapping = memory.recall(table.header)
    with collector_paused():
        return build_plan(table, mapping if mapping is not None else detect_mapping(table))


def load_plan(path: Path, *, sheet: str | None = None, mapping: ColumnMapping | None = None,
              memory: MappingMemory | None = None) -> ImportPlan:
    with collector_paused():  # the file's rows stay alive while the plan is made of them
        return plan_for_table(read_registration_table(read_file(path), sheet), mapping, memory)


# -- corrections in the preview ---------------------------------------------------------------------------

#: the fields a "Name" column is split into (``exchange.registration_import.split_full_name``)
NAME_PARTS = ("salutation", "academic_title", "first_name", "last_name")


def _columns(mapping: ColumnMapping) -> dict[str, int]:
    columns: dict[str, int] = {}
    for col, field_name in enumerate(mapping):
        if field_name is not None:
            columns.setdefault(field_name, col)
    return columns


def correctable_fields(mapping: ColumnMapping) -> frozenset[str]:
    """The row fields a correction in the preview can change: each field with a column of its own, and the name
    parts a "Name" column gives."""
    columns = _columns(mapping)
    fields = set(columns) - {"full_name"}
    if "full_name" in columns:
        fields.update(NAME_PARTS)
    return frozenset(fields)


def correct_cell(table: SheetTable, mapping: ColumnMapping, row: ImportRow, field_name: str,
                 value: str) -> SheetTable:
    """``table`` with the file cell behind ``field_name`` of ``row`` set to ``value`` (the coordinator corrects a
    rejected row in the preview); the plan built from it validates the row again, and the import uses the value.

    A name part (first name, title, …) taken from a "Name" column rewrites that cell from the parts: the other
    parts keep their values. ``ValueError`` for a field no column of the file holds."""
    columns = _columns(mapping)
    value = " ".join(value.split())
    index = table.row_numbers.index(row.row)
    cells = list(table.rows[index])
    if field_name in columns and field_name != "full_name":
        cells[columns[field_name]] = value
    elif field_name in NAME_PARTS and "full_name" in columns:
        parts = {name: getattr(row, name) for name in NAME_PARTS} | {field_name: value}
        cells[columns["full_name"]] = " ".join(part for part in parts.values() if part)
    else:
        raise ValueError(f"no column holds {field_name!r}")
    return replace(table, rows=(*table.rows[:index], tuple(cells), *table.rows[index + 1:]))


# -- writing -----------------------------------------------------------------------------------------------


@dataclass
class _Pending:
    """An existing row the import changes, with its bookkeeping as it was; ``ChangedRow`` once written."""

    row: Contact | Registration
    fields: list[tuple[str, Any, Any]]
    updated_at: datetime
    dirty: bool
    server_seq: int | None

    @classmethod
    def of(cls, row: Contact | Registration, fields: list[tuple[str, Any, Any]]) -> _Pending:
        return cls(row, fields, row.updated_at, row.dirty, row.server_seq)

    def written(self) -> ChangedRow:
        """After the flush: ``updated_at`` as ``before_flush`` stamped it."""
        return ChangedRow(self.row.id, tuple(self.fields), self.updated_at, self.dirty, self.row.updated_at,
                          self.server_seq)


@dataclass
class _Work:
    """What ``_place`` collects for the bulk inserts (column by column) and for the undo record."""

    event_id: uuid.UUID
    source: str
    stamp: datetime = field(default_factory=lambda: datetime.now(UTC))  # created_at/updated_at: real time
    # the new contacts (id, the person of the file), the new registrations (the decision, the contact's id, the
    # registration time): the columns of the bulk inserts and the undo record are made from them at the end
    new_contacts: list[tuple[uuid.UUID, ImportRow]] = field(default_factory=list)
    new_registrations: list[tuple[_Decision, uuid.UUID, datetime]] = field(default_factory=list)
    # for the undo record
    completed_contacts: list[_Pending] = field(default_factory=list)
    renewed_registrations: list[_Pending] = field(default_factory=list)
    # a redo: ids its undo freed, per e-mail key, given back to the same people
    reuse_contact_ids: dict[str, uuid.UUID] = field(default_factory=dict)
    #: ids for new contacts (``new_uuids``)
    new_ids: Iterator[uuid.UUID] = field(default_factory=lambda: iter(()))

    @property
    def created_contacts(self) -> list[NewContact]:
        return [NewContact(contact_id, person.email_key) for contact_id, person in self.new_contacts]

    @property
    def created_registrations(self) -> list[NewRegistration]:
        return [NewRegistration(d.registration_id, contact_id, d.person.email_key)
                for d, contact_id, _time in self.new_registrations if d.registration_id is not None]

    def contact_columns(self) -> dict[str, ColumnValues]:
        people = [person for _id, person in self.new_contacts]
        return {
            "id": [contact_id for contact_id, _person in self.new_contacts],
            "email": [p.email for p in people],
            "email_normalized": [p.email_key for p in people],
            **{name: list(map(attrgetter(name), people)) for name in CONTACT_FIELDS},
            "created_at": Same(self.stamp), "updated_at": Same(self.stamp), "dirty": Same(True),
        }

    def registration_columns(self) -> dict[str, ColumnValues]:
        decisions = [d for d, _contact, _time in self.new_registrations]
        return {
            "id": [d.registration_id for d in decisions], "event_id": Same(self.event_id),
            "contact_id": [contact_id for _d, contact_id, _time in self.new_registrations],
            "round_id": [d.round_id for d in decisions], "status": [d.status for d in decisions],
            "waitlist_position": [d.position for d in decisions], "source": Same(self.source),
            "registered_at": [time for _d, _contact, time in self.new_registrations],
            "late": [d.outcome.late for d in decisions], "queue_order": [d.queue_order for d in decisions],
            "forced_seat": Same(False), "level": [d.person.level for d in decisions],
            "created_at": Same(self.stamp), "updated_at": Same(self.stamp), "dirty": Same(True),
        }


_VERSION_4 = (0xF000 << 64) | (0xC000 << 48)  # the version and variant bits of an id
_VERSION_4_BITS = (0x4000 << 64) | (0x8000 << 48)


def new_uuids(count: int) -> list[uuid.UUID]:
    """``count`` random (version 4) UUIDs, as ``uuid.uuid4`` makes them (16 random bytes, the version and variant
    bits set), from one read of the system's random source instead of one per id; each made without
    ``UUID.__init__``'s argument checks (the same object ``uuid.UUID(int=...)`` gives, in half the time).

    In ascending order: the import hands them out in the order it inserts its rows, so each new row's id (and a new
    registration's contact id) goes to the end of its index instead of a random place in it - SQLite's inserts
    into the id and contact indexes of 10,000 rows cost less, and the pages come out full. The ids are as random
    as before; only which row gets which of them follows the queue."""
    random = os.urandom(16 * count)
    keep = ~_VERSION_4
    from_bytes = int.from_bytes
    numbers = [from_bytes(random[start:start + 16]) & keep | _VERSION_4_BITS for start in range(0, 16 * count, 16)]
    numbers.sort()
    return uuids_from_ints(numbers)


def _existing_contacts(session: Session, keys: list[str]) -> dict[str, Contact]:
    """The live contacts with these e-mail keys, by key: one query for all keys (handed to SQLite as one JSON
    list, read with ``json_each``; the unique index on the key finds each), not one per 500 keys."""
    found: dict[str, Contact] = {}
    if any("\x00" in key for key in keys):  # SQLite's JSON strings end at NUL (no valid address has one)
        batches: list[Any] = [select(Contact).where(Contact.email_normalized.in_(chunk)) for chunk in in_batches(keys)]
    else:
        listed = func.json_each(bindparam("keys", json.dumps(keys), type_=String)).table_valued("value")
        batches = [select(Contact).where(Contact.email_normalized.in_(select(listed.c.value)))]
    for query in batches:
        for contact in session.scalars(query.where(Contact.deleted_at.is_(None))):
            found[contact.email_normalized] = contact
    return found


def _event_registrations(session: Session, event_id: uuid.UUID,
                         contacts: dict[str, Contact]) -> dict[uuid.UUID, Registration]:
    """The event's live registrations (cancelled ones too) of these contacts, by contact id."""
    found: dict[uuid.UUID, Registration] = {}
    for chunk in in_batches([c.id for c in contacts.values()]):
        for registration in session.scalars(select(Registration).where(
                Registration.event_id == event_id, Registration.deleted_at.is_(None),
                Registration.contact_id.in_(chunk))):
            found[registration.contact_id] = registration
    return found


def _fillable(contact: Contact, person: ImportRow) -> tuple[str, ...]:
    """The contact's empty fields the file has a value for."""
    return tuple(name for name in CONTACT_FIELDS if getattr(person, name) and not getattr(contact, name))


def _fill_contact(contact: Contact, person: ImportRow) -> list[tuple[str, Any, Any]]:
    """Only empty fields are filled: what the coordinator corrected by hand is never overwritten.

    The filled fields as (name, value before, value now)."""
    changed = []
    for name in _fillable(contact, person):
        old, value = getattr(contact, name), getattr(person, name)
        setattr(contact, name, value)
        changed.append((name, old, value))
    return changed


@dataclass(frozen=True)
class _RoundRef:
    """A round as the import matches names against it: an existing one, or one ``create_rounds`` will add."""

    id: uuid.UUID
    title: str


def _round_refs(rounds: Sequence[Round]) -> dict[str, _RoundRef]:
    return {fold_german(r.title): _RoundRef(r.id, r.title) for r in rounds}


def _round_id(person: ImportRow, rounds: dict[str, _RoundRef],
              optional: bool) -> tuple[uuid.UUID | None, str | None]:
    """The chosen round's id, or a German reason why the choice does not fit this event."""
    if not rounds:
        return None, None
    if not person.round.strip():
        if optional:
            return None, None
        return None, "keine Runde angegeben (die Veranstaltung hat parallele Runden)"
    rnd = _match_round(person.round, rounds)
    if rnd is not None:
        return rnd.id, None
    names = ", ".join(f"„{r.title}“" for r in rounds.values())
    return None, f"Runde „{person.round}“ gibt es bei dieser Veranstaltung nicht (vorhanden: {names})"


#: the outcome of a joining person until the seat rule has given them a seat or a waiting place
_JOINING = PersonOutcome(0, NEW)


@dataclass
class _Decision:
    """One person of the file and what the import does with them (``_decide``); ``_place`` carries it out."""

    person: ImportRow
    contact: Contact | None
    registration: Registration | None
    outcome: PersonOutcome
    round_id: uuid.UUID | None = None
    #: new or renewed: the registration's id, its queue place and what the seat rule gave it
    registration_id: uuid.UUID | None = None
    queue_order: int = 0
    status: str = WAITING
    position: int | None = None


def _renews(registration: Registration, person: ImportRow) -> bool:
    """A cancelled registration is renewed only when the file says the person registered again after it."""
    return (registration.status == CANCELLED and person.registered_at is not None
            and registration.cancelled_at is not None and person.registered_at > registration.cancelled_at)


def _decide(
    session: Session,
    event: Event,
    people: Sequence[ImportRow],
    contacts: dict[str, Contact],
    registrations: dict[uuid.UUID, Registration],
    rounds: dict[str, _RoundRef],
    *,
    allow_late: bool,
    now: datetime,
    reuse_registration_ids: dict[str, uuid.UUID] | None = None,
    stored_queue: list[QueuedRegistration] | None = None,
) -> tuple[list[_Decision], Allocation | None]:
    """What the import does with each person, before anything is written: the one decision that both the preview
    (``forecast_import``) and the import (``_import``) use, so the preview counts exactly what the import does.

    Reads only. New and renewed registrations join the end of the queue in the people's order (registration
    time); the seat rule (``seat_allocation.plan``, as ``apply_allocation`` applies it) decides their seats over
    the stored queue with them appended, the same allocation the import writes with its bulk insert; it is
    returned with the decisions (``None`` when nobody joins), for ``apply_allocation`` after writing.
    ``stored_queue``: the event's queue as ``read_queue`` gives it, when the caller has read it already."""
    reuse = dict(reuse_registration_ids or {})
    next_place = iter(range(next_queue_order(session, event.id), 2**62, QUEUE_STEP))
    decisions: list[_Decision] = []
    # the joining people (new or renewed) with what their outcome says besides the seat: it is made once the seat
    # rule has spoken (``waiting``), not made and then replaced
    joining: list[tuple[_Decision, bool, bool, str, tuple[str, ...]]] = []
    needs_id: list[_Decision] = []
    # the event's fields once, not five ORM attribute reads per person
    status, opens, deadline = event.status, event.registration_opens_at, event.registration_deadline
    late_allowed, rounds_optional = event.allow_late_registration, event.rounds_optional
    for person in people:
        round_id, problem = _round_id(person, rounds, rounds_optional) if rounds else (None, None)
        admitted = admission(status, opens, deadline, person.registered_at or now, allow_late=allow_late,
                             late_allowed_by_event=late_allowed)
        window = admitted.reason or ""
        contact = contacts.get(person.email_key)
        registration = registrations.get(contact.id) if contact is not None else None
        renew = registration is not None and _renews(registration, person)
        filled = _fillable(contact, person) if contact is not None else ()
        if registration is not None and not renew:  # left alone; only empty contact fields are filled
            decisions.append(_Decision(person, contact, registration, PersonOutcome(
                person.row, UPDATED if filled else UNCHANGED, cancelled=registration.status == CANCELLED,
                outside_window=window, filled=filled)))
            continue
        if problem is None and not admitted.accepted:
            problem = f"{admitted.reason} Übernahme nur mit „Verspätet zulassen“ (--late)."
        if problem is not None:
            decisions.append(_Decision(person, contact, registration, PersonOutcome(
                person.row, REJECTED, reason=problem, outside_window=window)))
            continue
        decision = _Decision(person, contact, registration, _JOINING, round_id,
                             registration.id if registration is not None else reuse.pop(person.email_key, None),
                             next(next_place))
        if decision.registration_id is None:
            needs_id.append(decision)
        decisions.append(decision)
        joining.append((decision, admitted.late, renew, window, filled))
    if not joining:
        return decisions, None
    for decision, new_id in zip(needs_id, new_uuids(len(needs_id)), strict=True):
        decision.registration_id = new_id
    # the joining rows' places follow every stored one (``next_queue_order``) in their order: the queue stays
    # sorted without sorting it again (10,000 UUIDs' hex digits cost ~25 ms)
    queue = (read_queue(session, event.id) if stored_queue is None else stored_queue) + [
        QueuedRegistration(d.registration_id, WAITING, d.round_id, d.queue_order, False, None)
        for d, *_ in joining if d.registration_id is not None]
    allocation = plan_allocation(session, event, queue)
    seated, waiting = allocation.seated, allocation.waiting
    for d, late, renew, window, filled in joining:
        seat = d.registration_id in seated
        if seat:
            d.status, d.position = REGISTERED, None
        else:
            d.status, d.position = WAITING, waiting[d.registration_id]
        d.outcome = PersonOutcome(d.person.row, UPDATED if renew else NEW, "", late, not seat, renew, False, window,
                                  filled)  # positional: 10,000 of them
    return decisions, allocation


def _place(session: Session, work: _Work, decision: _Decision, *, event_id: uuid.UUID, source: str,
           now: datetime) -> None:
    """Carry out the decision about one person: fill the contact's empty fields, renew a cancelled registration,
    or queue the new rows for the bulk insert (with the seat or waiting place the seat rule gave them)."""
    person, contact, registration, outcome = (decision.person, decision.contact, decision.registration,
                                              decision.outcome)
    filled = _fill_contact(contact, person) if contact is not None else []
    if contact is not None and filled:
        work.completed_contacts.append(_Pending.of(contact, filled))  # the bookkeeping changes only at the flush
    if not outcome.joins:
        return
    registered_at = person.registered_at or now
    assert decision.registration_id is not None
    if registration is not None:  # renewed after a cancellation
        renewed = {"status": decision.status, "waitlist_position": decision.position, "round_id": decision.round_id,
                   "registered_at": registered_at, "cancelled_at": None, "late": outcome.late, "source": source,
                   "queue_order": decision.queue_order, "forced_seat": False}
        work.renewed_registrations.append(_Pending.of(
            registration, [(name, getattr(registration, name), renewed[name]) for name in RENEWED_FIELDS]))
        for name, value in renewed.items():
            setattr(registration, name, value)
        return
    if contact is None:
        contact_id = work.reuse_contact_ids.pop(person.email_key, None) or next(work.new_ids)
        work.new_contacts.append((contact_id, person))
    else:
        contact_id = contact.id
    work.new_registrations.append((decision, contact_id, registered_at))


def _counts(outcomes: Sequence[PersonOutcome]) -> dict[str, int]:
    """The report's counts of what ``_decide`` decided."""
    return {
        "created": sum(o.kind == NEW for o in outcomes),
        "updated": sum(o.kind == UPDATED for o in outcomes),
        "unchanged": sum(o.kind == UNCHANGED for o in outcomes),
        "waiting": sum(o.waiting for o in outcomes),
        "late": sum(o.late for o in outcomes if o.joins),
    }


def _rejected(plan: ImportPlan, outcomes: Sequence[PersonOutcome]) -> tuple[RejectedRow, ...]:
    """Rows with problems and people the import refuses, by row."""
    rows = [RejectedRow(r.row, r.reason) for r in plan.rejected]
    rows += [RejectedRow(o.row, o.reason) for o in outcomes if o.kind == REJECTED]
    return tuple(sorted(rows, key=lambda r: r.row))


def _duplicates(plan: ImportPlan) -> tuple[tuple[int, int], ...]:
    return tuple((r.row, r.duplicate_of) for r in plan.duplicates if r.duplicate_of is not None)


_CONTACT_TABLE = cast(Table, Contact.__table__)
_REGISTRATION_TABLE = cast(Table, Registration.__table__)


def _bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]] | dict[str, ColumnValues]) -> None:
    """``INSERT`` many rows with one ``executemany`` (``store.batches.insert_columns``): what SQLAlchemy's Core
    insert would store (``tests/services/test_registration_import.py`` compares the raw rows), without its
    per-row parameter handling, which costs more than the insert itself for 10,000 rows. ``rows``: dicts of the
    same keys, or the rows column by column (a list per column, or ``Same`` value for all)."""
    if isinstance(rows, dict):
        columns = rows
    else:
        names = list(rows[0]) if rows else []
        columns = {name: list(map(itemgetter(name), rows)) for name in names}
    count = next((len(v) for v in columns.values() if not isinstance(v, Same)), 0)
    insert_columns(session.connection(), table, columns, count)


def _write(session: Session, work: _Work) -> None:
    """The new rows in two bulk inserts. The change stamps are set in ``_Work``: bulk inserts skip the
    ``before_flush`` hook that stamps ORM changes."""
    session.flush()  # contact updates and renewed registrations first
    _bulk_insert(session, _CONTACT_TABLE, work.contact_columns())
    _bulk_insert(session, _REGISTRATION_TABLE, work.registration_columns())


def import_plan(
    session: Session,
    event_id: uuid.UUID,
    plan: ImportPlan,
    *,
    source: str = "import",
    dry_run: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
    redo_of: ImportRecord | None = None,
    allow_late: bool = False,
    create_rounds: bool = False,
) -> RegistrationImportReport:
    """Write ``plan`` into the event (see the module docstring); ``UserError`` when nothing can be imported.

    ``allow_late``: rows outside the registration window (after the deadline, before it opens, or while the event
    is a draft, closed, held or cancelled) are imported and marked late; otherwise they are listed as refused with
    the reason and the other rows are imported. ``create_rounds``: round names the event does not have are
    created (unlimited); otherwise such a file is refused as a whole.

    ``redo_of``: the record of this import's earlier run, undone since; ids its undo freed are used again.
    """
    if plan.errors:
        raise UserError(" ".join(plan.errors))
    if not dry_run:
        with collector_paused():
            return _import(session, event_id, plan, source, False, now or utcnow(), progress, redo_of,
                           allow_late=allow_late, create_rounds=create_rounds)
    savepoint = session.begin_nested()
    try:
        with collector_paused():
            return _import(session, event_id, plan, source, True, now or utcnow(), progress, redo_of,
                           allow_late=allow_late, create_rounds=create_rounds)
    finally:
        savepoint.rollback()


def redo_import(session: Session, plan: ImportPlan, record: ImportRecord,
                progress: Progress | None = None) -> RegistrationImportReport:
    """The import ``record`` describes, again (after ``import_undo.undo_import``): same event, file name and
    import time, the same ids where the undo freed them. Its report carries the new record."""
    return import_plan(session, record.event_id, plan, source=record.source, now=record.now, progress=progress,
                       redo_of=record, allow_late=record.allow_late, create_rounds=True)


def _free_ids(session: Session, table: Table, wanted: dict[str, uuid.UUID]) -> dict[str, uuid.UUID]:
    """``wanted`` without the ids a row still has (a tombstone the undo left for sync keeps its id)."""
    ids = list(wanted.values())
    taken: set[uuid.UUID] = set()
    for chunk in in_batches(ids):
        taken.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return {key: row_id for key, row_id in wanted.items() if row_id not in taken}


def round_column(plan: ImportPlan) -> tuple[str | None, tuple[str, ...]]:
    """The file's round column (its header) and the distinct round names the importable rows give."""
    name = next((h for h, f in zip(plan.header, plan.mapping, strict=False) if f == "round"), None)
    values = tuple(dict.fromkeys(p.round.strip() for p in plan.people if p.round.strip()))
    return name, values


def unknown_rounds(plan: ImportPlan, rounds: Sequence[Round]) -> tuple[str, ...]:
    """Round names in the file that the event (which has rounds) does not have."""
    by_title = _round_refs(rounds)
    _name, values = round_column(plan)
    return tuple(v for v in values if _match_round(v, by_title) is None)


@dataclass(frozen=True)
class ImportForecast:
    """What ``import_plan`` will do with a plan, before anything is written (the dialog's preview): the outcome of
    every person (decided by ``_decide``, the code the import runs), the rows with problems, merged duplicates,
    round names the event does not have and a round column an event without rounds does not use.

    ``blocked``: why the import would refuse the file as a whole (a mapping that cannot be imported, or rounds the
    event lacks without ``create_rounds``); the outcomes then say what the rows would become otherwise."""

    outcomes: tuple[PersonOutcome, ...] = ()
    invalid: tuple[RejectedRow, ...] = ()
    duplicates: tuple[tuple[int, int], ...] = ()
    unknown_rounds: tuple[str, ...] = ()
    unused_round_column: str | None = None
    blocked: str = ""
    allow_late: bool = False
    create_rounds: bool = False

    @cached_property
    def counts(self) -> dict[str, int]:
        """created, updated, unchanged, waiting, late: the numbers the import's report will carry."""
        return _counts(self.outcomes)

    @property
    def created(self) -> int:
        return self.counts["created"]

    @property
    def updated(self) -> int:
        return self.counts["updated"]

    @property
    def unchanged(self) -> int:
        return self.counts["unchanged"]

    @property
    def waiting(self) -> int:
        return self.counts["waiting"]

    @property
    def late(self) -> int:
        return self.counts["late"]

    @cached_property
    def rejected(self) -> tuple[RejectedRow, ...]:
        refused = [RejectedRow(o.row, o.reason) for o in self.outcomes if o.kind == REJECTED]
        return tuple(sorted([*self.invalid, *refused], key=lambda r: r.row))

    @cached_property
    def by_row(self) -> dict[int, PersonOutcome]:
        return {o.row: o for o in self.outcomes}

    @property
    def outside_window(self) -> int:
        """People the registration window keeps out: refused, or admitted late with "Verspätet zulassen"."""
        return sum(1 for o in self.outcomes if o.outside_window and (o.joins or o.kind == REJECTED))

    def to_json(self) -> dict[str, Any]:
        """The keys of ``RegistrationImportReport.to_json`` (no notes: those come from writing)."""
        return {
            **self.counts,
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
            "duplicates": [{"row": row, "merged_into": first} for row, first in self.duplicates],
            "rows": rows_json(self.outcomes, self.rejected, self.duplicates),
        }


def forecast_import(session: Session, event_id: uuid.UUID, plan: ImportPlan, *, allow_late: bool = False,
                    create_rounds: bool = False, now: datetime | None = None) -> ImportForecast:
    """The preview of ``import_plan`` with the same options (see ``ImportForecast``); reads only. Cheap enough to
    run on every change of the mapping: a few queries per 500 addresses and the seat rule over the event's queue."""
    invalid = tuple(RejectedRow(r.row, r.reason) for r in plan.rejected)
    duplicates = _duplicates(plan)
    if plan.errors:
        return ImportForecast(invalid=invalid, duplicates=duplicates, blocked=" ".join(plan.errors),
                              allow_late=allow_late, create_rounds=create_rounds)
    now = now or utcnow()
    event = get_event(session, event_id)
    rounds = _rounds_of(session, event.id)
    column, values = round_column(plan)
    missing = unknown_rounds(plan, rounds) if rounds and values else ()
    refs = _round_refs(rounds)
    blocked = ""
    if missing and create_rounds:  # created without a limit: the seat rule counts them against the event only
        refs.update({fold_german(name): _RoundRef(uuid.uuid4(), name) for name in missing})
    elif missing:
        blocked = _unknown_rounds_message(event, missing, rounds)
    with collector_paused():
        contacts = _existing_contacts(session, [p.email_key for p in plan.people])
        registrations = _event_registrations(session, event.id, contacts)
        decisions, _allocation = _decide(session, event, plan.people, contacts, registrations, refs,
                                         allow_late=allow_late, now=now)
    return ImportForecast(
        outcomes=tuple(d.outcome for d in decisions),
        invalid=invalid,
        duplicates=duplicates,
        unknown_rounds=missing,
        unused_round_column=column if values and not rounds else None,
        blocked=blocked,
        allow_late=allow_late,
        create_rounds=create_rounds,
    )


def _match_round(wanted_text: str, rounds: dict[str, _RoundRef]) -> _RoundRef | None:
    wanted = fold_german(wanted_text)
    for title, rnd in rounds.items():
        if wanted == title or (len(wanted) >= 3 and (wanted in title or title in wanted)):
            return rnd
    return None


def _rounds_of(session: Session, event_id: uuid.UUID) -> list[Round]:
    return list(session.scalars(select(Round).where(Round.event_id == event_id, Round.deleted_at.is_(None))
                                .order_by(Round.position)))


def _unknown_rounds_message(event: Event, missing: Sequence[str], rounds: Sequence[Round]) -> str:
    names = ", ".join(f"„{m}“" for m in missing)
    have = ", ".join(f"„{r.title}“" for r in rounds)
    return (f"Die Datei nennt Runden, die „{event.title}“ nicht hat: {names} (vorhanden: {have}). "
            "Nichts wurde importiert. Mit „Runden anlegen“ (--create-rounds) werden sie angelegt.")


def _prepare_rounds(session: Session, event: Event, plan: ImportPlan, create_rounds: bool,
                    notes: list[str]) -> list[Round]:
    """The event's rounds for this import: unknown round names refuse the whole import (or are created with
    ``create_rounds``); a round column in a file for an event without rounds is not used, and said so."""
    rounds = _rounds_of(session, event.id)
    column, values = round_column(plan)
    if not values:
        return rounds
    if not rounds:
        notes.append(f"Die Spalte „{column}“ wurde nicht verwendet: „{event.title}“ hat keine parallelen Runden "
                     f"(Werte in der Datei: {', '.join(values)}). Runden lassen sich im Reiter „Runden“ anlegen.")
        return rounds
    missing = unknown_rounds(plan, rounds)
    if not missing:
        return rounds
    if not create_rounds:
        raise UserError(_unknown_rounds_message(event, missing, rounds))
    from .rounds import add_round

    for name in missing:
        add_round(session, event.id, title=name, capacity=None, apply_seats=False)
    notes.append("Neu angelegte Runden (ohne Platzgrenze): " + ", ".join(f"„{m}“" for m in missing) + ".")
    return _rounds_of(session, event.id)


def _import(session: Session, event_id: uuid.UUID, plan: ImportPlan, source: str, dry_run: bool, now: datetime,
            progress: Progress | None, redo_of: ImportRecord | None = None, *, allow_late: bool = False,
            create_rounds: bool = False) -> RegistrationImportReport:
    event = get_event(session, event_id)
    notes: list[str] = []
    rounds = _prepare_rounds(session, event, plan, create_rounds, notes)
    # the rows of one import join the queue in the order of their registration times (the plan's order: dated
    # rows by time, file order on a tie, undated rows after them)
    people = plan.people
    contacts = _existing_contacts(session, [p.email_key for p in people])
    registrations = _event_registrations(session, event.id, contacts)
    work = _Work(event.id, source)
    reuse_registration_ids: dict[str, uuid.UUID] = {}
    if redo_of is not None:
        work.reuse_contact_ids = _free_ids(session, _CONTACT_TABLE,
                                           {c.email_key: c.id for c in redo_of.new_contacts})
        reuse_registration_ids = _free_ids(session, _REGISTRATION_TABLE,
                                           {r.email_key: r.id for r in redo_of.new_registrations})
    stored_queue = read_queue(session, event.id)
    decisions, allocation = _decide(session, event, people, contacts, registrations, _round_refs(rounds),
                                    allow_late=allow_late, now=now, reuse_registration_ids=reuse_registration_ids,
                                    stored_queue=stored_queue)
    work.new_ids = iter(new_uuids(sum(d.contact is None and d.outcome.joins for d in decisions)))
    total = len(decisions)
    for done, decision in enumerate(decisions, start=1):
        if decision.outcome.kind != REJECTED:
            _place(session, work, decision, event_id=event.id, source=source, now=now)
        if progress is not None and (done % _PROGRESS_EVERY == 0 or done == total):
            progress(int(90 * done / total), f"{done} von {total} Personen geprüft")
    if progress is not None:
        progress(95, "Speichern …")
    _write(session, work)
    # the seat rule as after any change, over the queue as now stored (held in memory, not read back): the new and
    # renewed rows already hold its outcome, so it writes nothing unless something else moved; the rule is not run
    # a second time: ``_decide``'s allocation (these rows still waiting) is this queue's (``planned``)
    apply_allocation(session, event.id, stored_queue + [
        QueuedRegistration(d.registration_id, d.status, d.round_id, d.queue_order, False, d.position)
        for d in decisions if d.outcome.joins and d.registration_id is not None], planned=allocation)
    outcomes = tuple(d.outcome for d in decisions)
    refused = {o.row for o in outcomes if o.kind == REJECTED}
    # only people with a wish or a level give the wishes step anything to do (a second wish comes with a first)
    with_wishes = [p for p in people if (p.wish or p.level) and p.row not in refused]
    wishes = write_wishes_and_levels(
        session, event, with_wishes,
        {**{key: c.id for key, c in contacts.items()}, **{p.email_key: i for i, p in work.new_contacts}}
        if with_wishes else {}, registrations)
    notes.extend(n for n in [wishes.note()] if n)
    record = None if dry_run else ImportRecord(
        event_id=event.id,
        source=source,
        now=now,
        stamp=work.stamp,
        new_contacts=tuple(work.created_contacts),
        new_registrations=tuple(work.created_registrations),
        completed_contacts=tuple(p.written() for p in work.completed_contacts),
        renewed_registrations=tuple(p.written() for p in work.renewed_registrations),
        allow_late=allow_late,
        new_wishes=wishes.wish_ids,
        new_wish_groups=wishes.group_ids,
        completed_registrations=wishes.levels,
    )
    if progress is not None:
        progress(100, "Fertig")
    return RegistrationImportReport(
        **_counts(outcomes),
        rejected=_rejected(plan, outcomes),
        duplicates=_duplicates(plan),
        dry_run=dry_run,
        file_name=source,
        event_title=event.title,
        event_starts_at=event.starts_at,
        record=record,
        notes=tuple(notes),
        outcomes=outcomes,
    )


def import_registrations_file(
    session: Session,
    event_id: uuid.UUID,
    path: Path,
    *,
    sheet: str | None = None,
    mapping: ColumnMapping | None = None,
    memory: MappingMemory | None = None,
    dry_run: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
    allow_late: bool = False,
    create_rounds: bool = False,
) -> RegistrationImportReport:
    """Read, map (explicit, remembered or detected), validate and import a file in the caller's transaction.

    The cycle collector rests from reading the file to the end (``collector_paused``): the file's rows, the plan
    and the written rows all stay alive until then, and it walks them once afterwards, not after each step."""
    with collector_paused():
        plan = load_plan(path, sheet=sheet, mapping=mapping, memory=memory)
        return import_plan(session, event_id, plan, source=path.name, dry_run=dry_run, now=now, progress=progress,
                           allow_late=allow_late, create_rounds=create_rounds)
