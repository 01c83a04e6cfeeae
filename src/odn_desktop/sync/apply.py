"""Pull: bring the server's newer rows into the laptop's file, merging with local changes.

For each synced table, in foreign-key order:

1. rows the laptop does not have, or has unchanged, are taken as they are;
2. rows changed on the laptop are merged field by field against the shadow (``merge.merge_row``); a row whose
   newest server version came from this laptop's own push (a sync cut off after the server's commit) is its
   own base, so nothing is merged twice and nothing becomes a conflict; a row whose person one side erased or
   anonymised takes that side's values without a conflict (``erasure``), and the edits it replaced are listed;
3. unique natural keys are reconciled: when a server row claims a key a local-only row holds (the same person
   registered on two laptops, the same e-mail, the same speaker added twice to an event), the row that reached
   the server first wins and the local one becomes a tombstone (or, for a link that never left the laptop,
   disappears); the survivor absorbs the loser's data afterwards (``reconcile``);
4. everything is written with bulk statements, tombstones first, and the server's versions become the shadows.

The caller commits or rolls back; applying the same pull twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime

from odn_desktop.store.batches import in_batches

from . import conflicts
from .erasure import ERASED, ErasureOverride, ErasureSides, override
from .local import LocalTransaction
from .merge import merge_row
from .tables import DELETED, SPECS, Row, TableSpec

#: unique keys among synced rows: table -> (key columns, only rows that are not tombstones count)
NATURAL_KEYS: dict[str, tuple[tuple[str, ...], bool]] = {
    "contact": (("email_normalized",), True),
    "registration": (("event_id", "contact_id"), True),
    "event_speaker": (("event_id", "speaker_id"), False),
}


def stored_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass
class PullOutcome:
    pulled: int = 0
    new_conflicts: int = 0
    #: (table, loser id, winner id): duplicates found by natural key, merged by ``reconcile``
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    #: link rows that never left the laptop and gave way to the server's (their values, for ``reconcile``)
    dropped_links: dict[str, Row] = field(default_factory=dict)
    #: events whose registrations changed on both sides (the seat recompute's candidates), with the laptop's
    #: seat holders before the pull
    both_sides: set[str] = field(default_factory=set)
    local_seats: dict[str, int] = field(default_factory=dict)
    #: events whose own row, rounds or registrations came from the server: the seat rule is applied to them
    touched_events: set[str] = field(default_factory=set)
    #: edits an erasure or anonymisation replaced (on either side), and the contacts (stored ids) erased or
    #: anonymised on one side since the two last agreed (``erasure.leftovers``)
    erased_over_edits: list[ErasureOverride] = field(default_factory=list)
    erased_contacts: set[str] = field(default_factory=set)


Write = tuple[Row, bool, int | None]


def apply_changes(txn: LocalTransaction, fetch: Callable[[TableSpec], list[tuple[Row, int]]],
                  own_pushes: Collection[int], on_table: Callable[[TableSpec, int], None] | None = None,
                  ) -> PullOutcome:
    """Pull table by table (``fetch(spec)`` → the server's newer rows of that table), parents first."""
    outcome = PullOutcome()
    erasures = ErasureSides(txn)
    local_events: set[str] | None = None  # read when rounds or registrations come (two scans of big tables)
    remote_events: set[str] = set()
    now = stored_now()
    for spec in SPECS:
        incoming = fetch(spec)
        if on_table is not None:
            on_table(spec, len(incoming))
        if not incoming:
            continue
        outcome.pulled += len(incoming)
        if spec.name in ("round", "registration"):
            if local_events is None:  # before the first of them is written (rounds come before registrations)
                local_events = txn.dirty_registration_event_ids()
            remote_events.update(str(row["event_id"]) for row, _ in incoming)
        if spec.name == "event":
            outcome.touched_events.update(str(row["id"]) for row, _ in incoming)
        if spec.name == "registration" and local_events and remote_events & local_events:
            outcome.both_sides = remote_events & local_events
            outcome.local_seats = txn.seat_counts(outcome.both_sides)  # before the server's rows arrive
        if spec.name == "contact":
            erasures.note_contacts(incoming, own_pushes)  # before they are merged and their shadows replaced
        if not txn.has_rows(spec):  # a table the laptop has no row of (a first pull): nothing to merge, and no
            # key held here (the server's unique indexes keep its own rows from sharing one)
            txn.upsert(spec, [(row, False, seq) for row, seq in incoming])
            txn.put_shadows_of_all_rows(spec)  # they are the server's rows as they are
            continue
        writes = _merge_table(txn, spec, incoming, own_pushes, outcome, erasures)
        if spec.name in NATURAL_KEYS:
            _reconcile_keys(txn, spec, incoming, writes, now, outcome)
        ordered = sorted(writes.values(), key=lambda w: w[0][DELETED] is None)
        txn.upsert(spec, ordered)
        txn.put_shadows(spec, [row for row, _ in incoming])
    # rounds changed, registrations did not
    if not outcome.both_sides and local_events and remote_events & local_events:
        outcome.both_sides = remote_events & local_events
        outcome.local_seats = txn.seat_counts(outcome.both_sides)
    outcome.erased_contacts = erasures.newly_erased()
    outcome.touched_events |= remote_events
    return outcome


def _merge_table(txn: LocalTransaction, spec: TableSpec, incoming: list[tuple[Row, int]],
                 own_pushes: Collection[int], outcome: PullOutcome, erasures: ErasureSides) -> dict[str, Write]:
    ids = [str(row["id"]) for row, _ in incoming]
    local = txn.rows_by_id(spec, ids)
    open_conf = conflicts.open_fields(txn, spec, set(ids))
    changed = [i for i, x in local.items() if x.dirty or i in open_conf]
    shadows = txn.shadows(spec, changed)
    merging = set(changed)
    erasures.prefetch(spec, [*(local[i].values for i in changed),
                             *(row for row, _ in incoming if str(row["id"]) in merging)])
    writes: dict[str, Write] = {}
    for row, seq in incoming:
        row_id = str(row["id"])
        mine = local.get(row_id)
        if mine is None or not (mine.dirty or row_id in open_conf):
            writes[row_id] = (row, False, seq)
            continue
        base = row if seq in own_pushes else shadows.get(row_id)
        erased = erasures.side(spec, row_id, mine.values, row)
        merged = merge_row(spec, base, mine.values, row, erased)
        opened = open_conf.get(row_id, {})
        if erased is not None:  # data protection: no conflict, open ones close, the coordinator is told
            conflicts.close(txn, list(opened.values()), ERASED)
            if merged.overridden or opened:
                outcome.erased_over_edits.append(override(spec, row_id, [*merged.overridden, *opened], erased))
            writes[row_id] = (merged.values, merged.local_changes, seq)
            continue
        for conflict in merged.conflicts:
            if conflict.field not in opened:
                outcome.new_conflicts += 1
            conflicts.record(txn, spec, row_id, conflict, seq, opened.get(conflict.field))
        converged = []
        for name, cid in opened.items():
            if name in merged.conflict_fields:
                continue
            if merged.values.get(name) == row.get(name):
                converged.append(cid)
        conflicts.close(txn, converged, "converged")
        still_open = merged.conflicts or len(converged) < len(opened)
        writes[row_id] = (merged.values, merged.local_changes or bool(still_open), seq)
    return writes


def _key(row: Row, columns: tuple[str, ...]) -> tuple[object, ...]:
    return tuple(row.get(c) for c in columns)


def _reconcile_keys(txn: LocalTransaction, spec: TableSpec, incoming: list[tuple[Row, int]],
                    writes: dict[str, Write], now: str, outcome: PullOutcome) -> None:
    columns, live_only = NATURAL_KEYS[spec.name]
    server_key = {str(row["id"]): _key(row, columns) for row, _ in incoming if not (live_only and row[DELETED])}
    # the keys the incoming rows will hold, and who holds them locally now
    claimed: dict[tuple[object, ...], str] = {}
    for row_id, (row, _dirty, _seq) in writes.items():
        if not (live_only and row[DELETED]):
            claimed.setdefault(_key(row, columns), row_id)
    holders = _local_holders(txn, spec, columns, live_only, list(claimed))
    losers: dict[str, str] = {}  # loser id -> winner id
    for key, holder_ids in holders.items():
        for holder in holder_ids:
            claimant = claimed[key]
            if holder == claimant:
                continue
            if holder in writes:
                final = writes[holder][0]
                if (live_only and final[DELETED]) or _key(final, columns) != key:
                    continue  # it gives the key up in this very pull: only the order of writes matters
                # two pulled rows claim one key: the one that holds it on the server wins
                winner, loser = (holder, claimant) if server_key.get(holder) == key else (claimant, holder)
            else:
                winner, loser = claimant, holder
            losers[loser] = winner
    # claimants among themselves (a merged local change claiming a key another pulled row holds on the server)
    seen: dict[tuple[object, ...], str] = {}
    for row_id, (row, _dirty, _seq) in writes.items():
        if (live_only and row[DELETED]) or row_id in losers:
            continue
        key = _key(row, columns)
        other = seen.get(key)
        if other is None:
            seen[key] = row_id
            continue
        winner, loser = (other, row_id) if server_key.get(other) == key else (row_id, other)
        losers[loser] = winner
        seen[key] = winner
    for loser, winner in losers.items():
        dropped = _lose(txn, spec, loser, winner, writes, now, live_only)
        if dropped is not None:
            outcome.dropped_links[loser] = dropped
        outcome.duplicates.append((spec.name, loser, winner))
    if live_only:
        _release_changed_keys(txn, spec, columns, writes, now)


def _local_holders(txn: LocalTransaction, spec: TableSpec, columns: tuple[str, ...], live_only: bool,
                   keys: list[tuple[object, ...]]) -> dict[tuple[object, ...], list[str]]:
    found: dict[tuple[object, ...], list[str]] = {}
    cols = ", ".join(columns)
    where_live = f" AND {DELETED} IS NULL" if live_only else ""
    wanted = set(keys)
    first = columns[0]
    for chunk in in_batches(sorted({k[0] for k in keys}, key=str)):
        marks = ", ".join("?" for _ in chunk)
        for r in txn.raw.execute(
            f"SELECT id, {cols} FROM {spec.name} WHERE {first} IN ({marks}){where_live}", tuple(chunk)
        ):
            key = tuple(r[1:])
            if key in wanted:
                found.setdefault(key, []).append(str(r[0]))
    return found


def _lose(txn: LocalTransaction, spec: TableSpec, loser: str, winner: str, writes: dict[str, Write], now: str,
          live_only: bool) -> Row | None:
    """The duplicate that reached the server later (or never) gives way before the winner is written."""
    if not live_only:
        # a link table with a plain unique key: a tombstone would still hold the key; a row the server never saw
        # can simply go
        row = txn.rows_by_id(spec, [loser]).get(loser)
        if loser in writes or (row is not None and row.server_seq is not None):
            from .server import SyncError

            raise SyncError(
                f"Doppelter Eintrag in {spec.name} ({loser} / {winner}), der schon auf dem Server liegt; bitte "
                "wenden Sie sich an die Betreuung des Programms."
            )
        txn.hard_delete(spec, loser)
        return None if row is None else row.values
    if loser in writes:
        values, _dirty, seq = writes[loser]
        writes[loser] = ({**values, DELETED: now, "updated_at": now}, True, seq)
    txn.raw.execute(
        f"UPDATE {spec.name} SET {DELETED} = ?, updated_at = ?, dirty = 1 WHERE id = ? AND {DELETED} IS NULL",
        (now, now, loser),
    )
    return None


def _release_changed_keys(txn: LocalTransaction, spec: TableSpec, columns: tuple[str, ...],
                          writes: dict[str, Write], now: str) -> None:
    """Rows that give up their key in this pull leave the (partial) unique index first, so that the order of
    the bulk write cannot collide; the write then sets their final values."""
    current = txn.rows_by_id(spec, list(writes))
    moving = [
        row_id for row_id, (row, _d, _s) in writes.items()
        if row_id in current and current[row_id].values[DELETED] is None
        and (row[DELETED] is not None or _key(row, columns) != _key(current[row_id].values, columns))
    ]
    txn.raw.executemany(f"UPDATE {spec.name} SET {DELETED} = ? WHERE id = ?", [(now, i) for i in moving])
