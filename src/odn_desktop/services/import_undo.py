"""Taking a registration import back (Bearbeiten › Rückgängig), possibly much later, in a new transaction.

``services.registration_import`` records what an import changed in an ``ImportRecord`` (plain frozen data: ids
and prior values, nothing bound to a session); ``undo_import`` reverts exactly that:

- the registrations it inserted disappear: hard-deleted while they were never synced (``server_seq`` NULL, the
  shared database never saw them) and nothing refers to them (a drafted or sent message keeps its registration);
  otherwise tombstoned (``deleted_at`` set, marked dirty), so that the deletion reaches the shared database;
- the contacts it inserted disappear the same way, unless they were used meanwhile: a contact with another
  registration (any event) or edited since the import (``updated_at`` moved) is kept;
- the contacts it completed get their empty fields back (a field changed again since keeps its new value), and
  the cancelled registrations it renewed are cancelled again as they were. When such a row was neither edited
  nor synced since the import, its change marker and ``updated_at`` come back too: the database then equals its
  state before the import, and the shared database (which never saw the import) is not bothered;
- seats: the seat rule is applied afterwards (``seat_allocation.apply_allocation``, as after any change). An import
  never takes a seat from anyone, so when the event's other registrations are as they were before the import,
  removing its rows restores the seats exactly; when they changed meanwhile (someone cancelled, registered or
  moved up, e.g. by a sync), the seats the undo frees go to the head of the queue; who moved up is reported.

Redo is the same import again (``registration_import.redo_import``): idempotent by e-mail address, and it reuses
the ids the undo freed, so later undone commands that refer to those registrations can be redone too.

An attendance import (``attendance_import.import_attendance``) records the attended flag and minutes of every
registration it changed (``AttendanceRecord``); ``undo_attendance`` puts them back the same way: exactly, with
the change marker, where nobody touched the row since; otherwise the values only, as a new local change (an
attendance set again since stays as it is). Redo is the same import again.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from odn_desktop.store.batches import in_batches
from odn_desktop.store.mail_models import RegistrationMessage
from odn_desktop.store.models import Contact, Event, Registration
from odn_desktop.store.wish_models import TopicGroup, TopicWish

from .registrations import to_row
from .rows import RegistrationRow, bulk_snapshot
from .seat_allocation import apply_allocation

_CONTACTS = cast(Table, Contact.__table__)
_REGISTRATIONS = cast(Table, Registration.__table__)
_MESSAGES = cast(Table, RegistrationMessage.__table__)
_WISHES = cast(Table, TopicWish.__table__)
_WISH_GROUPS = cast(Table, TopicGroup.__table__)

#: the registration fields an import sets when it renews a cancelled registration
RENEWED_FIELDS = ("status", "waitlist_position", "round_id", "registered_at", "cancelled_at", "late", "source",
                  "queue_order", "forced_seat")


# -- the record ----------------------------------------------------------------------------------------------


@bulk_snapshot  # 10,000 per import: frozen for the type checker, without the run-time guard's cost
class NewContact:
    """A contact the import inserted, with the e-mail key a redo finds it by."""

    id: uuid.UUID
    email_key: str


@bulk_snapshot
class NewRegistration:
    """A registration the import inserted; ``email_key`` is its person's (a redo gives the id back to them)."""

    id: uuid.UUID
    contact_id: uuid.UUID
    email_key: str


@dataclass(frozen=True)
class ChangedRow:
    """An existing row the import changed: each field as (name, value before, value the import wrote), and the
    bookkeeping around it. ``server_seq`` did not change with the import; a different one at undo time means the
    row was synced (pushed or pulled) since."""

    id: uuid.UUID
    fields: tuple[tuple[str, Any, Any], ...]
    updated_at_before: datetime
    dirty_before: bool
    updated_at_after: datetime
    server_seq: int | None

    def before(self) -> dict[str, Any]:
        return {name: old for name, old, _new in self.fields}


@dataclass(frozen=True)
class ImportRecord:
    """What one import changed, enough to revert it exactly (``undo_import``) and to repeat it (redo)."""

    event_id: uuid.UUID
    source: str  # the file name, stored in each registration's ``source``
    now: datetime  # the import's "now" (registration time of undated rows); a redo uses it again
    stamp: datetime  # created_at/updated_at of every row it inserted
    new_contacts: tuple[NewContact, ...] = ()
    new_registrations: tuple[NewRegistration, ...] = ()
    completed_contacts: tuple[ChangedRow, ...] = ()
    renewed_registrations: tuple[ChangedRow, ...] = ()
    allow_late: bool = False  # rows outside the registration window were admitted (a redo admits them again)
    new_wishes: tuple[uuid.UUID, ...] = ()  # topic wishes from the file's wish column
    new_wish_groups: tuple[uuid.UUID, ...] = ()  # the groups their grouping opened
    completed_registrations: tuple[ChangedRow, ...] = ()  # existing registrations whose empty level it filled

    @property
    def changed_anything(self) -> bool:
        return bool(self.new_contacts or self.new_registrations or self.completed_contacts
                    or self.renewed_registrations or self.new_wishes or self.completed_registrations)


@dataclass(frozen=True)
class ImportUndoResult:
    """What the undo did. ``kept_contacts``: contacts the import created that stay (used or edited since)."""

    removed_registrations: int
    tombstoned_registrations: int
    removed_contacts: int
    tombstoned_contacts: int
    kept_contacts: tuple[uuid.UUID, ...]
    restored_contacts: int
    restored_registrations: int
    promoted: tuple[RegistrationRow, ...]


@dataclass(frozen=True)
class AttendanceRecord:
    """What one attendance import changed: per registration, ``attended`` and ``attended_minutes`` before and after
    (registrations it left as they were are not listed)."""

    event_id: uuid.UUID
    source: str  # the report's file name
    changes: tuple[ChangedRow, ...] = ()

    @property
    def changed_anything(self) -> bool:
        return bool(self.changes)


# -- undo ------------------------------------------------------------------------------------------------------


def _rows(session: Session, table: Table, ids: Sequence[uuid.UUID], *columns: str) -> dict[uuid.UUID, Any]:
    """The named columns of the rows with these ids (Core: no ORM object is loaded, nothing stamps them)."""
    found: dict[uuid.UUID, Any] = {}
    for chunk in in_batches(ids):
        query = select(table.c.id, *(table.c[name] for name in columns)).where(table.c.id.in_(chunk))
        for row in session.execute(query):
            found[row.id] = row
    return found


def _referenced(session: Session, column: Any, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``ids`` a row of ``column``'s table refers to."""
    found: set[uuid.UUID] = set()
    for chunk in in_batches(ids):
        found.update(session.scalars(select(column).where(column.in_(chunk)).distinct()))
    return found


def _hard_delete(session: Session, table: Table, ids: Sequence[uuid.UUID]) -> None:
    for chunk in in_batches(ids):
        session.execute(delete(table).where(table.c.id.in_(chunk)))


def _tombstone(session: Session, table: Table, ids: Sequence[uuid.UUID], now: datetime) -> None:
    """Deleted for sync: ``deleted_at``, a new ``updated_at`` and the change marker (what ``before_flush`` and
    ``soft_delete`` do for ORM changes; these are Core statements)."""
    for chunk in in_batches(ids):
        session.execute(update(table).where(table.c.id.in_(chunk), table.c.deleted_at.is_(None))
                        .values(deleted_at=now, updated_at=now, dirty=True))


def _untouched(change: ChangedRow, current: Any) -> bool:
    """Neither edited (``updated_at`` as the import left it) nor synced (same ``server_seq``) since the import."""
    return bool(current.updated_at == change.updated_at_after and current.server_seq == change.server_seq)


def _restore(session: Session, table: Table, changes: Iterable[ChangedRow], now: datetime, *,
             only_unchanged_fields: bool) -> int:
    """Put the import's fields back; untouched rows get their bookkeeping back too (exactly as before), the others
    are stamped as a new local change (dirty, so that the revert reaches the shared database).

    ``only_unchanged_fields``: a field someone changed again since the import keeps its new value.
    """
    changes = list(changes)
    names = sorted({name for change in changes for name, _old, _new in change.fields})
    current = _rows(session, table, [c.id for c in changes], *names, "updated_at", "server_seq", "deleted_at")
    restored = 0
    for change in changes:
        row = current.get(change.id)
        if row is None or row.deleted_at is not None:
            continue  # deleted since: nothing to put back
        if _untouched(change, row):
            values = {**change.before(), "updated_at": change.updated_at_before, "dirty": change.dirty_before}
        else:
            values = {name: old for name, old, new in change.fields
                      if getattr(row, name) != old and (not only_unchanged_fields or getattr(row, name) == new)}
            if not values:
                continue
            values.update(updated_at=now, dirty=True)
        session.execute(update(table).where(table.c.id == change.id).values(**values))
        restored += 1
    return restored


def _remove_wishes(session: Session, record: ImportRecord, now: datetime) -> None:
    """The wishes the import added, and the groups opened for them that hold no other wish: hard-deleted while never
    synced, else tombstoned."""
    wishes = _rows(session, _WISHES, list(record.new_wishes), "server_seq")
    _hard_delete(session, _WISHES, [i for i, w in wishes.items() if w.server_seq is None])
    _tombstone(session, _WISHES, [i for i, w in wishes.items() if w.server_seq is not None], now)
    groups = _rows(session, _WISH_GROUPS, list(record.new_wish_groups), "server_seq")
    referring: dict[uuid.UUID, bool] = {}  # group → whether a live wish is in it
    for chunk in in_batches(list(groups)):
        for group_id, deleted_at in session.execute(
                select(_WISHES.c.group_id, _WISHES.c.deleted_at).where(_WISHES.c.group_id.in_(chunk))):
            referring[group_id] = referring.get(group_id, False) or deleted_at is None
    _hard_delete(session, _WISH_GROUPS, [i for i, g in groups.items() if g.server_seq is None and i not in referring])
    _tombstone(session, _WISH_GROUPS, [i for i, g in groups.items()
                                       if not referring.get(i, False) and (g.server_seq is not None or i in referring)],
               now)


def undo_import(session: Session, record: ImportRecord) -> ImportUndoResult:
    """Revert the import ``record`` describes, in the caller's transaction (see the module docstring)."""
    now = datetime.now(UTC)
    _remove_wishes(session, record, now)  # first: they refer to the contacts below

    # registrations the import created
    reg_ids = [r.id for r in record.new_registrations]
    regs_now = _rows(session, _REGISTRATIONS, reg_ids, "server_seq", "deleted_at")
    with_messages = _referenced(session, _MESSAGES.c.registration_id, list(regs_now))
    hard_regs: list[uuid.UUID] = []
    soft_regs: list[uuid.UUID] = []
    for reg_id, reg in regs_now.items():
        if reg.server_seq is None and reg_id not in with_messages:
            hard_regs.append(reg_id)
        elif reg.deleted_at is None:
            soft_regs.append(reg_id)
    _hard_delete(session, _REGISTRATIONS, hard_regs)
    _tombstone(session, _REGISTRATIONS, soft_regs, now)

    # registrations it renewed: cancelled again, as they were; levels it filled: empty again
    restored_regs = _restore(session, _REGISTRATIONS, record.renewed_registrations, now, only_unchanged_fields=False)
    _restore(session, _REGISTRATIONS, record.completed_registrations, now, only_unchanged_fields=True)

    # contacts it created: gone unless used or edited since
    contact_ids = [c.id for c in record.new_contacts]
    contacts_now = _rows(session, _CONTACTS, contact_ids, "server_seq", "deleted_at", "updated_at")
    own = {r.id for r in record.new_registrations}
    used: set[uuid.UUID] = set()  # by another registration
    referenced: set[uuid.UUID] = set()  # by any row still there (the import's tombstones included)
    for chunk in in_batches(list(contacts_now)):
        for reg_id, contact_id in session.execute(
            select(Registration.id, Registration.contact_id).where(Registration.contact_id.in_(chunk))
        ):
            referenced.add(contact_id)
            if reg_id not in own:
                used.add(contact_id)
        for contact_id, deleted_at in session.execute(  # a wish given later uses the contact too
                select(_WISHES.c.contact_id, _WISHES.c.deleted_at).where(_WISHES.c.contact_id.in_(chunk))):
            referenced.add(contact_id)
            if deleted_at is None:
                used.add(contact_id)
    kept: list[uuid.UUID] = []
    hard_contacts: list[uuid.UUID] = []
    soft_contacts: list[uuid.UUID] = []
    for contact_id, contact in contacts_now.items():
        if contact_id in used or contact.updated_at != record.stamp:
            kept.append(contact_id)
        elif contact.server_seq is None and contact_id not in referenced:
            hard_contacts.append(contact_id)
        elif contact.deleted_at is None:
            soft_contacts.append(contact_id)
    _hard_delete(session, _CONTACTS, hard_contacts)
    _tombstone(session, _CONTACTS, soft_contacts, now)

    # contacts it completed: the fields it filled are empty again
    restored_contacts = _restore(session, _CONTACTS, record.completed_contacts, now, only_unchanged_fields=True)

    session.expire_all()  # the Core statements above bypassed the session's objects
    promoted: list[Registration] = []
    event = session.get(Event, record.event_id)
    if event is not None:
        report = apply_allocation(session, event.id)  # freed seats go to the head of the queue
        promoted = list(session.scalars(select(Registration).where(Registration.id.in_(report.promoted))))
        promoted.sort(key=lambda r: report.promoted.index(r.id))
    session.flush()
    return ImportUndoResult(
        removed_registrations=len(hard_regs),
        tombstoned_registrations=len(soft_regs),
        removed_contacts=len(hard_contacts),
        tombstoned_contacts=len(soft_contacts),
        kept_contacts=tuple(kept),
        restored_contacts=restored_contacts,
        restored_registrations=restored_regs,
        promoted=tuple(to_row(r) for r in promoted),
    )


def undo_attendance(session: Session, record: AttendanceRecord) -> int:
    """Put back the attended flag and minutes of every registration the import ``record`` describes changed, in the
    caller's transaction; how many were put back (a registration deleted since is left alone)."""
    changes = list(record.changes)
    current = _rows(session, _REGISTRATIONS, [c.id for c in changes], "attended", "attended_minutes")
    # attended and minutes are one fact: a row whose attendance was set again since keeps it as a whole
    as_imported = [c for c in changes if c.id in current
                   and all(getattr(current[c.id], name) == new for name, _old, new in c.fields)]
    restored = _restore(session, _REGISTRATIONS, as_imported, datetime.now(UTC), only_unchanged_fields=False)
    session.expire_all()  # Core statements: the session's objects are read again
    return restored
