"""Data protection wins: an erasure (Art. 17) or anonymisation (retention) beats concurrent edits, without a conflict.

``services.privacy`` erases a person by anonymising their contact, their registrations and message records (and,
for Art. 17, tombstoning them). If another laptop edited the same person before it learnt of that, the ordinary
merge would see a deletion against an edit, or the same field changed twice, and keep the server's (personal)
value until the coordinator decides - and deciding "theirs" would bring the personal data back. Here the erasure
wins on both sides of the sync, and the coordinator is told which edits it replaced (``ErasureOverride``, in
``SyncResult.erased_over_edits``).

**The marker.** An erased or anonymised person is recognised by their contact's e-mail address: the privacy
service always sets it to ``anonymisiert-<the first 12 hex digits of the contact's own id>@invalid``
(``privacy.anonymized_email``). No new column, so no migration, and rows anonymised by any earlier version of the
program are recognised too. It is robust: ``.invalid`` is a reserved top-level domain no real address has, and
the id in it ties the address to that very row, so an address typed or imported by hand cannot pass for one by
accident (the looser ``LIKE 'anonymisiert-%@invalid'`` of the retention preview is not enough here). Rows that
belong to the person - registrations (``contact_id``) and their message records (``registration_id``) - carry no
mark of their own; they are recognised through the contact they belong to.

**Which side erased.** A side's version of a row is an erasure when that side's contact is anonymised and the
common ancestor's (the shadow, the server's version at the last sync) is not: the erasure happened since both
sides last agreed, so the other side's edits were made without knowing it. Once both sides have the anonymised
contact, edits merge as usual again (someone who deliberately edits an anonymised row afterwards is not
overruled for ever). When both sides erased, the one with the tombstone leads (an Art. 17 deletion beats a
retention anonymisation), else the server's.

**What wins** (``merge.merge_row``): the erasing side's personal fields (``tables.PERSONAL``: every contact field,
a registration's notes and source, a message's server answer) and its tombstone, and any field both sides
changed; the other side's edits of other fields merge as usual. Open conflicts on such a row close (resolution
``erased``), and the values kept in decided conflicts about an erased person are emptied. Rows of the person that
the erasing side had no reason to change (a registration without notes, or one added elsewhere meanwhile) never
meet the erasure in a merge: after the pull they are anonymised as the privacy service would have done
(``erase_leftovers``, tombstoned too after an Art. 17 deletion), and a seat freed that way goes to the waiting
list (``reconcile``).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from odn_desktop.store.batches import in_batches
from odn_desktop.store.mail_models import RegistrationMessage
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.wish_models import TopicWish

from . import conflicts
from .local import LocalTransaction
from .merge import Side
from .tables import BY_NAME, DELETED, PERSONAL, Row, TableSpec

ANONYMISED_PREFIX = "anonymisiert-"
ANONYMISED_SUFFIX = "@invalid"
ERASED = "erased"  # the resolution of a conflict an erasure closed

CONTACT = BY_NAME["contact"]
REGISTRATION = BY_NAME["registration"]
MESSAGE = BY_NAME["registration_message"]
WISH = BY_NAME["topic_wish"]


def anonymised_address(contact_id: str) -> str:
    """The normalised e-mail of an anonymised contact (``contact_id`` in stored form: 32 hex digits)."""
    return f"{ANONYMISED_PREFIX}{contact_id[:12]}{ANONYMISED_SUFFIX}"


def is_anonymised_contact(row: Row | None) -> bool:
    """Whether this version of a contact row (stored form) is erased or anonymised."""
    if row is None or not isinstance(row.get("id"), str):
        return False
    return row.get("email_normalized") == anonymised_address(str(row["id"]))


@dataclass(frozen=True)
class ErasureOverride:
    """Edits that an erasure or anonymisation replaced (the coordinator is told; no values: they are personal)."""

    table: str
    row_id: uuid.UUID
    fields: tuple[str, ...]
    edit_from: Side  # local: this laptop's edit gave way; remote: an edit already on the server was replaced

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "row_id": str(self.row_id), "fields": list(self.fields),
                "edit_from": self.edit_from}

    def message(self) -> str:
        what = conflicts.TABLE_LABELS.get(self.table, self.table)
        labels = ", ".join(conflicts.FIELD_LABELS.get(f, f) for f in self.fields)
        whose = "auf diesem Rechner" if self.edit_from == "local" else "eines anderen Rechners"
        return (f"Eine Änderung {whose} ({what} {str(self.row_id)[:8]}: {labels}) wurde durch eine Löschung oder "
                "Anonymisierung (Datenschutz) ersetzt.")


def override(spec: TableSpec, row_id: str, fields: Iterable[str], erased: Side) -> ErasureOverride:
    return ErasureOverride(spec.name, uuid.UUID(hex=row_id), tuple(sorted(set(fields))),
                           "local" if erased == "remote" else "remote")


def _winner(local_erased: bool, remote_erased: bool, local: Row, remote: Row) -> Side | None:
    if local_erased and remote_erased:
        return "local" if local.get(DELETED) is not None and remote.get(DELETED) is None else "remote"
    if local_erased:
        return "local"
    return "remote" if remote_erased else None


class ErasureSides:
    """Which side of a row erased the person it belongs to, during one pull (or, ``settling``, afterwards).

    Per contact three facts decide: anonymised on the laptop (before this pull), on the server, and in the common
    ancestor. The contacts of a pull are noted before they are merged (``note_contacts``); for any other contact
    the server's version is the shadow and nothing changed on the server.
    """

    def __init__(self, txn: LocalTransaction, *, settling: bool = False) -> None:
        self.txn = txn
        self.settling = settling
        self._contacts: dict[str, tuple[bool, bool]] = {}  # contact id -> (laptop erased, server erased)
        self._noted: set[str] = set()  # the contacts of this pull

    def note_contacts(self, incoming: list[tuple[Row, int]], own_pushes: Collection[int]) -> None:
        """Before the pulled contacts are merged and their shadows replaced."""
        ids = [str(row["id"]) for row, _ in incoming]
        local = self.txn.rows_by_id(CONTACT, ids)
        shadows = self.txn.shadows(CONTACT, ids)
        for row, seq in incoming:
            row_id = str(row["id"])
            mine = local.get(row_id)
            base = row if seq in own_pushes else shadows.get(row_id)
            known = is_anonymised_contact(base)
            self._contacts[row_id] = (
                mine is not None and is_anonymised_contact(mine.values) and not known,
                is_anonymised_contact(row) and not known,
            )
            self._noted.add(row_id)

    def newly_erased(self) -> set[str]:
        """Contacts erased or anonymised on one side since the two last agreed: noted in this pull, or erased on the
        laptop and not sent yet."""
        found = {cid for cid in self._noted if any(self._contacts[cid])}
        candidates = [str(r[0]) for r in self.txn.raw.execute(
            "SELECT id FROM contact WHERE dirty = 1 AND email_normalized LIKE ?",
            (f"{ANONYMISED_PREFIX}%{ANONYMISED_SUFFIX}",))]
        found.update(cid for cid in candidates if cid not in self._noted and self._contact(cid)[0])
        return found

    def _contact(self, contact_id: str) -> tuple[bool, bool]:
        found = self._contacts.get(contact_id)
        if found is None:
            self._load([contact_id])
            found = self._contacts[contact_id]
        return found

    def _load(self, contact_ids: list[str]) -> None:
        """The facts of contacts this pull did not bring: two queries for all of them."""
        local = self.txn.rows_by_id(CONTACT, contact_ids)
        shadows = self.txn.shadows(CONTACT, contact_ids)
        for contact_id in contact_ids:
            mine = local.get(contact_id)
            laptop = mine is not None and is_anonymised_contact(mine.values)
            server = is_anonymised_contact(shadows.get(contact_id))
            # in a pull the shadow is both the ancestor and the server's version: only the laptop can have erased;
            # settling an older open conflict, the conflict itself says that the two sides went apart
            self._contacts[contact_id] = (laptop and not server, server and not laptop and self.settling)

    def prefetch(self, spec: TableSpec, rows: Iterable[Row]) -> None:
        """Before merging many registrations: load their contacts' facts at once (1,000 changed registrations
        would otherwise cost 2,000 single-row queries)."""
        if not spec.erasable or "contact_id" not in spec.columns:  # registrations, topic wishes
            return
        ids = {str(r["contact_id"]) for r in rows if r.get("contact_id") is not None}
        missing = [c for c in ids if c not in self._contacts]
        if missing:
            self._load(missing)

    def _registration_contact(self, registration_id: object) -> str | None:
        if registration_id is None:
            return None
        row = self.txn.raw.execute("SELECT contact_id FROM registration WHERE id = ?", (registration_id,)).fetchone()
        return None if row is None else str(row[0])

    def side(self, spec: TableSpec, row_id: str, local: Row, remote: Row) -> Side | None:
        """The side whose version of this row is an erasure, if any."""
        if not spec.erasable:
            return None
        if spec.name == "contact":
            contact_ids = [row_id]
        elif "contact_id" in spec.columns:  # a registration, a topic wish
            contact_ids = [str(r["contact_id"]) for r in (local, remote) if r.get("contact_id") is not None]
        else:
            contact_ids = [c for c in {self._registration_contact(r.get("registration_id")) for r in (local, remote)}
                           if c is not None]
        local_erased = remote_erased = False
        for contact_id in dict.fromkeys(contact_ids):
            mine, theirs = self._contact(contact_id)
            local_erased, remote_erased = local_erased or mine, remote_erased or theirs
        return _winner(local_erased, remote_erased, local, remote)


def settle(txn: LocalTransaction) -> list[ErasureOverride]:
    """After a pull: open conflicts on rows of a person erased on one side close, the erasure's values standing
    (also conflicts recorded before this rule existed, or before this laptop erased the person itself: a field in
    conflict would otherwise go to the server with the server's, personal value); then the values kept in decided
    conflicts about erased people are emptied."""
    sides = ErasureSides(txn, settling=True)
    found: list[ErasureOverride] = []
    for spec in (CONTACT, REGISTRATION, MESSAGE, WISH):
        open_rows = conflicts.open_fields(txn, spec)
        if not open_rows:
            continue
        local = txn.rows_by_id(spec, list(open_rows))
        shadows = txn.shadows(spec, list(open_rows))
        for row_id, held in open_rows.items():
            mine, theirs = local.get(row_id), shadows.get(row_id)
            if mine is None or theirs is None:
                continue
            erased = sides.side(spec, row_id, mine.values, theirs)
            if erased is None:
                continue
            if erased == "remote":  # the server's erasure: its personal values and the fields in conflict
                names = [n for g in spec.groups if g.personal or g.name == DELETED or g.name in held for n in g.names]
                assignments = ", ".join(f"{n} = ?" for n in names)
                txn.raw.execute(f"UPDATE {spec.name} SET {assignments} WHERE id = ?",
                                (*(theirs.get(n) for n in names), row_id))
            conflicts.close(txn, list(held.values()), ERASED)
            conflicts.settle_row(txn, spec, row_id)
            found.append(override(spec, row_id, held, erased))
    scrub(txn)
    return found


def scrub(txn: LocalTransaction) -> None:
    """Decided conflicts about an erased or anonymised person keep no values (they were the personal data)."""
    rows = txn.raw.execute(
        "SELECT id, table_name, row_id FROM sync_conflict WHERE resolved_at IS NOT NULL AND table_name IN "
        f"({', '.join('?' for _ in PERSONAL)}) AND (local_value != 'null' OR remote_value != 'null' OR "
        "base_value IS NOT NULL)", tuple(PERSONAL),
    ).fetchall()
    if not rows:
        return
    wipe = []
    for cid, table, row_id in rows:
        contact_id: object = row_id
        if table in ("registration", "topic_wish"):
            contact_id = _one(txn, f"SELECT contact_id FROM {table} WHERE id = ?", row_id)
        elif table == "registration_message":
            contact_id = _one(txn, "SELECT g.contact_id FROM registration_message m JOIN registration g ON "
                                   "g.id = m.registration_id WHERE m.id = ?", row_id)
        email = _one(txn, "SELECT email_normalized FROM contact WHERE id = ?", contact_id)
        if contact_id is not None and email == anonymised_address(str(contact_id)):
            wipe.append((cid,))
    txn.raw.executemany(
        "UPDATE sync_conflict SET local_value = 'null', remote_value = 'null', base_value = NULL WHERE id = ?", wipe)


def _one(txn: LocalTransaction, sql: str, value: object) -> object:
    row = txn.raw.execute(sql, (value,)).fetchone()
    return None if row is None else row[0]


# -- the person's rows the merge did not see --------------------------------------------------------------


def erased_people(session: Session, newly_erased: Collection[uuid.UUID]) -> dict[uuid.UUID, bool]:
    """The people whose leftovers are erased after a pull: erased or anonymised on one side in this sync
    (``newly_erased``), and anyone deleted under Art. 17; contact id -> deleted under Art. 17 (a tombstone).
    One query for ``leftovers`` and ``erase_wish_leftovers`` both (each had scanned every contact itself)."""
    # the tombstones through their partial index (ix_contact_deleted), the others by key: ORed in one query
    # SQLite scans every contact (5 ms of every sync at 30,000 contacts)
    columns = select(Contact.id, Contact.email_normalized, Contact.deleted_at)
    rows = list(session.execute(columns.where(Contact.deleted_at.is_not(None))))
    for chunk in in_batches(sorted(newly_erased, key=lambda c: c.hex)):
        rows += session.execute(columns.where(Contact.id.in_(chunk)))
    return {cid: deleted is not None for cid, email, deleted in rows if email == anonymised_address(cid.hex)}


def leftovers(session: Session, people: Collection[uuid.UUID]) -> list[Registration]:
    """Registrations that still say something about an erased person (``people``, see ``erased_people``)
    although the merge met no edit of theirs: of a person erased or anonymised on one side in this sync (the
    other side added or edited the registration or a message - say a note - that the erasing side never changed),
    and of anyone deleted under Art. 17 (alive, with notes, or with a message record not erased yet)."""
    message_left = (
        select(RegistrationMessage.id)
        .where(RegistrationMessage.registration_id == Registration.id,
               or_(RegistrationMessage.detail != "",
                   Contact.deleted_at.is_not(None) & RegistrationMessage.deleted_at.is_(None)))
        .exists()
    )
    # the people first (few: Art. 17 deletions and this sync's erasures), then only their registrations; one
    # query over every registration joined with every contact cost 150 ms per sync at 100,000 registrations
    if not people:
        return []
    return list(session.scalars(
        select(Registration).join(Contact, Contact.id == Registration.contact_id)
        .where(Registration.contact_id.in_(list(people)),
               or_(Registration.notes != "", Registration.source.not_in(("manual", "import")), message_left,
                   Contact.deleted_at.is_not(None) & Registration.deleted_at.is_(None)))
    ))


def erase_leftovers(session: Session, regs: list[Registration]) -> list[ErasureOverride]:
    """Anonymise them and their messages as ``services.privacy`` does (tombstoned too when the person was deleted
    under Art. 17); a seat freed that way is given again by the caller (``reconcile``)."""
    if not regs:
        return []
    from odn_desktop.domain.timezone import utcnow
    from odn_desktop.services.privacy import anonymize_registrations

    found: list[ErasureOverride] = []
    messages = session.scalars(select(RegistrationMessage).where(
        RegistrationMessage.registration_id.in_([r.id for r in regs]))).all()
    deleted = {r.id for r in regs if r.contact.deleted_at is not None}
    for reg in regs:
        tombstone = reg.id in deleted and reg.deleted_at is None
        changed = [name for name, left in ((DELETED, tombstone), ("notes", reg.notes != ""),
                                           ("source", reg.source not in ("manual", "import"))) if left]
        if changed:
            found.append(ErasureOverride("registration", reg.id, tuple(sorted(changed)),
                                         "local" if reg.dirty else "remote"))
    for message in messages:
        tombstone = message.registration_id in deleted and message.deleted_at is None
        changed = [name for name, left in ((DELETED, tombstone), ("detail", message.detail != "")) if left]
        if changed:
            found.append(ErasureOverride("registration_message", message.id, tuple(sorted(changed)),
                                         "local" if message.dirty else "remote"))
    now = utcnow()
    anonymize_registrations(session, [r for r in regs if r.id not in deleted])
    anonymize_registrations(session, [r for r in regs if r.id in deleted], now=now)
    return found


def erase_wish_leftovers(session: Session, people: dict[uuid.UUID, bool]) -> list[ErasureOverride]:
    """Topic wishes of the erased people (``erased_people``: erased or anonymised on one side in this sync, or
    deleted under Art. 17) that still have their text (added or edited elsewhere meanwhile) or are alive after a
    deletion: emptied, and tombstoned after a deletion, as ``services.privacy`` does (``wishes.anonymize_wishes``)."""
    from odn_desktop.domain.timezone import utcnow
    from odn_desktop.services.wishes import anonymize_wishes

    if not people:
        return []
    wishes = session.scalars(select(TopicWish).where(
        TopicWish.contact_id.in_(list(people)),
        or_(TopicWish.text != "", TopicWish.contact_id.in_([c for c, d in people.items() if d])
            & TopicWish.deleted_at.is_(None)))).all()
    found = []
    for wish in wishes:
        tombstone = people[wish.contact_id] and wish.deleted_at is None  # type: ignore[index]
        changed = [name for name, left in ((DELETED, tombstone), ("text", wish.text != "")) if left]
        found.append(ErasureOverride("topic_wish", wish.id, tuple(sorted(changed)),
                                     "local" if wish.dirty else "remote"))
    deleted = {w.contact_id for w in wishes if w.contact_id is not None and people[w.contact_id]}
    anonymize_wishes(session, {w.contact_id for w in wishes if w.contact_id is not None} - deleted)
    anonymize_wishes(session, deleted, now=utcnow())
    return found
