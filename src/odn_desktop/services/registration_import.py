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

Everything happens inside the caller's transaction; a failure anywhere leaves the database as it was.
``dry_run`` runs the whole import in a savepoint and rolls it back, so the report is exact and nothing stays.

A real import also records what it changed (``report.record``, an ``import_undo.ImportRecord``: the ids it
inserted, the prior values of what it changed), so that ``import_undo.undo_import`` can take it back later and
``redo_import`` can repeat it with the same ids.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

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
from odn_desktop.store.batches import in_batches
from odn_desktop.store.models import Contact, Event, Registration, Round

from .events import get_event
from .import_undo import RENEWED_FIELDS, ChangedRow, ImportRecord, NewContact, NewRegistration
from .import_wishes import write_wishes_and_levels
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


@dataclass(frozen=True)
class RegistrationImportReport:
    """Counts per person: ``created`` new registrations, ``updated`` existing people whose data was completed
    (or whose cancelled registration was renewed), ``unchanged``. ``waiting`` and ``late`` count those this
    import placed on the waiting list / marked late. Merged duplicate rows are listed, not counted."""

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

    def to_json(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "waiting": self.waiting,
            "late": self.late,
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
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


def plan_for_table(table: SheetTable, mapping: ColumnMapping | None = None,
                   memory: MappingMemory | None = None) -> ImportPlan:
    """The plan under ``mapping``, else the remembered mapping for this header, else the detected one."""
    if mapping is None and memory is not None:
        mapping = memory.recall(table.header)
    return build_plan(table, mapping if mapping is not None else detect_mapping(table))


def load_plan(path: Path, *, sheet: str | None = None, mapping: ColumnMapping | None = None,
              memory: MappingMemory | None = None) -> ImportPlan:
    return plan_for_table(read_registration_table(read_file(path), sheet), mapping, memory)


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
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    waiting: int = 0
    late: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    new_contacts: list[dict[str, Any]] = field(default_factory=list)
    new_registrations: list[dict[str, Any]] = field(default_factory=list)
    stamp: datetime = field(default_factory=lambda: datetime.now(UTC))  # created_at/updated_at: real time
    # for the undo record
    created_contacts: list[NewContact] = field(default_factory=list)
    created_registrations: list[NewRegistration] = field(default_factory=list)
    completed_contacts: list[_Pending] = field(default_factory=list)
    renewed_registrations: list[_Pending] = field(default_factory=list)
    # a redo: ids its undo freed, per e-mail key, given back to the same people
    reuse_contact_ids: dict[str, uuid.UUID] = field(default_factory=dict)
    reuse_registration_ids: dict[str, uuid.UUID] = field(default_factory=dict)


def _existing_contacts(session: Session, keys: list[str]) -> dict[str, Contact]:
    found: dict[str, Contact] = {}
    for chunk in in_batches(keys):
        for contact in session.scalars(
            select(Contact).where(Contact.email_normalized.in_(chunk), Contact.deleted_at.is_(None))
        ):
            found[contact.email_normalized] = contact
    return found


def _fill_contact(contact: Contact, person: ImportRow) -> list[tuple[str, Any, Any]]:
    """Only empty fields are filled: what the coordinator corrected by hand is never overwritten.

    The filled fields as (name, value before, value now)."""
    changed = []
    for name in CONTACT_FIELDS:
        value = getattr(person, name)
        old = getattr(contact, name)
        if value and not old:
            setattr(contact, name, value)
            changed.append((name, old, value))
    return changed


def _round_id(person: ImportRow, rounds: dict[str, Round], optional: bool) -> tuple[uuid.UUID | None, str | None]:
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


def _place(
    session: Session,
    work: _Work,
    person: ImportRow,
    contact: Contact | None,
    registration: Registration | None,
    round_id: uuid.UUID | None,
    *,
    event_id: uuid.UUID,
    source: str,
    now: datetime,
    late: bool,
    queue_order: Callable[[], int],
) -> None:
    """One person of the file: count them, and queue or apply what changes. New and renewed registrations join
    the end of the queue as waiting; the seat rule decides their seats once every row is placed."""
    filled = _fill_contact(contact, person) if contact is not None else []
    if contact is not None and filled:
        work.completed_contacts.append(_Pending.of(contact, filled))  # the bookkeeping changes only at the flush
    renew = (
        registration is not None
        and registration.status == CANCELLED
        and person.registered_at is not None
        and registration.cancelled_at is not None
        and person.registered_at > registration.cancelled_at
    )
    if registration is not None and not renew:
        if filled:
            work.updated += 1
        else:
            work.unchanged += 1
        return
    registered_at = person.registered_at or now
    status, position = WAITING, None  # the seat rule decides after all rows are placed (``_allocate_new``)
    work.late += late
    if registration is not None:  # renewed after a cancellation
        renewed = {"status": status, "waitlist_position": position, "round_id": round_id,
                   "registered_at": registered_at, "cancelled_at": None, "late": late, "source": source,
                   "queue_order": queue_order(), "forced_seat": False}
        work.renewed_registrations.append(_Pending.of(
            registration, [(name, getattr(registration, name), renewed[name]) for name in RENEWED_FIELDS]))
        for name, value in renewed.items():
            setattr(registration, name, value)
        work.updated += 1
        return
    if contact is None:
        contact_id = work.reuse_contact_ids.pop(person.email_key, None) or uuid.uuid4()
        work.created_contacts.append(NewContact(contact_id, person.email_key))
        work.new_contacts.append({
            "id": contact_id, "email": person.email, "email_normalized": person.email_key,
            **{name: getattr(person, name) for name in CONTACT_FIELDS},
            "created_at": work.stamp, "updated_at": work.stamp, "dirty": True,
        })
    else:
        contact_id = contact.id
    registration_id = work.reuse_registration_ids.pop(person.email_key, None) or uuid.uuid4()
    work.created_registrations.append(NewRegistration(registration_id, contact_id, person.email_key))
    work.new_registrations.append({
        "id": registration_id, "event_id": event_id, "contact_id": contact_id, "round_id": round_id,
        "status": status, "waitlist_position": position, "source": source, "registered_at": registered_at,
        "late": late, "queue_order": queue_order(), "forced_seat": False, "level": person.level,
        "created_at": work.stamp, "updated_at": work.stamp, "dirty": True,
    })
    work.created += 1


_CONTACT_TABLE = cast(Table, Contact.__table__)
_REGISTRATION_TABLE = cast(Table, Registration.__table__)


def _bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` many rows with one ``executemany``, the values converted by the columns' own SQLAlchemy types.

    What SQLAlchemy's Core insert would store (``tests/services/test_registration_import.py`` compares the raw
    rows), without its per-row parameter handling, which costs more than the insert itself for 10,000 rows:
    each column's bind processor (UUID as hex, UTC datetimes, booleans) runs once per distinct value (the
    change stamps, the event id and the source are the same in every row).
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    # dialect_impl: the SQLite form of each type (a bare TypeDecorator would hand datetimes to the driver)
    processors = {name: table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names}
    converted: dict[str, list[Any]] = {}
    for name in names:
        process = processors[name]
        values = [row[name] for row in rows]
        if process is not None:
            cache: dict[Any, Any] = {}
            values = [cache[v] if v in cache else cache.setdefault(v, process(v)) for v in values]
        converted[name] = values
    for column in table.columns:  # columns the rows leave out get their Python-side defaults, as Core does
        if column.key in converted:
            continue
        default = column.default
        if default is None or not (default.is_scalar or default.is_callable):
            defaults: list[Any] = [None] * len(rows)
        elif default.is_scalar:
            defaults = [getattr(default, "arg", None)] * len(rows)
        else:
            make = getattr(default, "arg")  # noqa: B009 - typed loosely in SQLAlchemy; takes a context argument
            defaults = [make(None) for _ in rows]
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        converted[column.key] = [process(v) for v in defaults] if process is not None else defaults
    if compiled.positional:
        order = [compiled.binds[key].key for key in (compiled.positiontup or [])]
        params: list[Any] = list(zip(*(converted[key] for key in order), strict=True))
    else:
        keys = list(converted)
        params = [dict(zip(keys, values, strict=True)) for values in zip(*converted.values(), strict=True)]
    connection.exec_driver_sql(str(compiled), params)


def _write(session: Session, work: _Work) -> None:
    """The new rows in two bulk inserts. The change stamps are set in ``_place``: bulk inserts skip the
    ``before_flush`` hook that stamps ORM changes."""
    session.flush()  # contact updates and renewed registrations first
    _bulk_insert(session, _CONTACT_TABLE, work.new_contacts)
    _bulk_insert(session, _REGISTRATION_TABLE, work.new_registrations)


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
        return _import(session, event_id, plan, source, False, now or utcnow(), progress, redo_of,
                       allow_late=allow_late, create_rounds=create_rounds)
    savepoint = session.begin_nested()
    try:
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
    by_title = {fold_german(r.title): r for r in rounds}
    _name, values = round_column(plan)
    return tuple(v for v in values if _match_round(v, by_title) is None)


@dataclass(frozen=True)
class PlanCheck:
    """What the import of a plan into an event would decide, before anything is written (the dialog's preview):
    rows refused by the registration window (``refused``: row → German reason; admitted with ``allow_late``),
    people already registered or waiting (left alone), round names the event does not have, and a round column
    that an event without rounds does not use."""

    refused: dict[int, str]
    already_registered: frozenset[int]
    unknown_rounds: tuple[str, ...]
    unused_round_column: str | None
    new_people: int
    #: rows without a round for an event that requires one: skipped whatever the options (row → reason)
    missing_round: dict[int, str] = field(default_factory=dict)

    def row_note(self, row: int) -> str | None:
        if row in self.missing_round:
            return self.missing_round[row]
        if row in self.refused:
            return self.refused[row]
        if row in self.already_registered:
            return "bereits angemeldet – bleibt unverändert"
        return None


def check_plan(session: Session, event_id: uuid.UUID, plan: ImportPlan, *, now: datetime | None = None) -> PlanCheck:
    """The preview of ``import_plan`` (see ``PlanCheck``): cheap enough to run on every change of the mapping."""
    now = now or utcnow()
    event = get_event(session, event_id)
    rounds = _rounds_of(session, event.id)
    column, values = round_column(plan)
    contacts = _existing_contacts(session, [p.email_key for p in plan.people])
    active = set(session.scalars(select(Registration.contact_id).where(
        Registration.event_id == event.id, Registration.deleted_at.is_(None), Registration.status != CANCELLED)))
    refused: dict[int, str] = {}
    missing: dict[int, str] = {}
    already: set[int] = set()
    by_title = {fold_german(r.title): r for r in rounds}
    for person in plan.people:
        contact = contacts.get(person.email_key)
        if contact is not None and contact.id in active:
            already.add(person.row)
            continue
        _round, problem = _round_id(person, by_title, event.rounds_optional)
        if problem is not None and not person.round.strip():
            missing[person.row] = problem
            continue
        decision = admission(event.status, event.registration_opens_at, event.registration_deadline,
                             person.registered_at or now, late_allowed_by_event=event.allow_late_registration)
        if not decision.accepted and decision.reason:
            refused[person.row] = decision.reason
    return PlanCheck(
        refused=refused,
        already_registered=frozenset(already),
        unknown_rounds=unknown_rounds(plan, rounds) if rounds else (),
        unused_round_column=column if values and not rounds else None,
        new_people=len(plan.people) - len(already) - len(missing),
        missing_round=missing,
    )


def _match_round(wanted_text: str, rounds: dict[str, Round]) -> Round | None:
    wanted = fold_german(wanted_text)
    for title, rnd in rounds.items():
        if wanted == title or (len(wanted) >= 3 and (wanted in title or title in wanted)):
            return rnd
    return None


def _rounds_of(session: Session, event_id: uuid.UUID) -> list[Round]:
    return list(session.scalars(select(Round).where(Round.event_id == event_id, Round.deleted_at.is_(None))
                                .order_by(Round.position)))


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
        names = ", ".join(f"„{m}“" for m in missing)
        have = ", ".join(f"„{r.title}“" for r in rounds)
        raise UserError(f"Die Datei nennt Runden, die „{event.title}“ nicht hat: {names} (vorhanden: {have}). "
                        "Nichts wurde importiert. Mit „Runden anlegen“ (--create-rounds) werden sie angelegt.")
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
    rounds_by_title = {fold_german(r.title): r for r in rounds}
    # the rows of one import join the queue in the order of their registration times (the plan's order: dated
    # rows by time, file order on a tie, undated rows after them)
    people = plan.people
    contacts = _existing_contacts(session, [p.email_key for p in people])
    registrations = {
        r.contact_id: r
        for r in session.scalars(
            select(Registration).where(Registration.event_id == event.id, Registration.deleted_at.is_(None))
        )
    }
    work = _Work(rejected=[RejectedRow(r.row, r.reason) for r in plan.rejected])
    if redo_of is not None:
        work.reuse_contact_ids = _free_ids(session, _CONTACT_TABLE,
                                           {c.email_key: c.id for c in redo_of.new_contacts})
        work.reuse_registration_ids = _free_ids(session, _REGISTRATION_TABLE,
                                                {r.email_key: r.id for r in redo_of.new_registrations})
    next_place = iter(range(next_queue_order(session, event.id), 2**62, QUEUE_STEP))
    total = len(people)
    for done, person in enumerate(people, start=1):
        round_id, problem = _round_id(person, rounds_by_title, event.rounds_optional)
        decision = admission(event.status, event.registration_opens_at, event.registration_deadline,
                             person.registered_at or now, allow_late=allow_late,
                             late_allowed_by_event=event.allow_late_registration)
        contact = contacts.get(person.email_key)
        registration = registrations.get(contact.id) if contact is not None else None
        joins = registration is None or registration.status == CANCELLED
        if problem is None and joins and not decision.accepted:
            problem = f"{decision.reason} Übernahme nur mit „Verspätet zulassen“ (--late)."
        if problem is not None and joins:
            work.rejected.append(RejectedRow(person.row, problem))
            continue
        _place(session, work, person, contact, registration, round_id, event_id=event.id, source=source,
               now=now, late=decision.late, queue_order=lambda: next(next_place))
        if progress is not None and (done % _PROGRESS_EVERY == 0 or done == total):
            progress(int(90 * done / total), f"{done} von {total} Personen geprüft")
    if progress is not None:
        progress(95, "Speichern …")
    _allocate_new(session, event, work)
    _write(session, work)
    report = apply_allocation(session, event.id)  # the renewed rows; the new ones were placed by the same rule
    work.waiting += sum(1 for p in work.renewed_registrations if p.row.id not in report.allocation.seated)
    refused = {r.row for r in work.rejected}
    wishes = write_wishes_and_levels(
        session, event, [p for p in people if p.row not in refused],
        {**{key: c.id for key, c in contacts.items()}, **{c.email_key: c.id for c in work.created_contacts}},
        registrations)
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
        created=work.created,
        updated=work.updated,
        unchanged=work.unchanged,
        waiting=work.waiting,
        late=work.late,
        rejected=tuple(sorted(work.rejected, key=lambda r: r.row)),
        duplicates=tuple((r.row, r.duplicate_of) for r in plan.duplicates if r.duplicate_of is not None),
        dry_run=dry_run,
        file_name=source,
        event_title=event.title,
        event_starts_at=event.starts_at,
        record=record,
        notes=tuple(notes),
    )


def _allocate_new(session: Session, event: Event, work: _Work) -> None:
    """The seat rule over the stored queue with the new rows appended: their seats and waiting places are written
    with the insert itself (10,000 rows need no second pass through the ORM)."""
    queue = read_queue(session, event.id) + [
        QueuedRegistration(row["id"], WAITING, row["round_id"], row["queue_order"], False, None)
        for row in work.new_registrations
    ]
    allocation = plan_allocation(session, event, queue)
    for row in work.new_registrations:
        if row["id"] in allocation.seated:
            row["status"], row["waitlist_position"] = REGISTERED, None
        else:
            row["status"], row["waitlist_position"] = WAITING, allocation.waiting[row["id"]]
            work.waiting += 1


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
    """Read, map (explicit, remembered or detected), validate and import a file in the caller's transaction."""
    plan = load_plan(path, sheet=sheet, mapping=mapping, memory=memory)
    return import_plan(session, event_id, plan, source=path.name, dry_run=dry_run, now=now, progress=progress,
                       allow_late=allow_late, create_rounds=create_rounds)
