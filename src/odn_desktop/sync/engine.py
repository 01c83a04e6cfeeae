"""One sync run: pull and merge, push, record the position. No Qt here; the GUI and the CLI call ``sync``.

1. Connect; create or upgrade the shared schema (Alembic, the laptop's migrations); read the server's position.
   When the server has nothing new and the laptop nothing unsent, stop here (a few milliseconds).
2. Open one server transaction holding the sequence counter (other laptops' syncs wait). Pull every row with a
   sequence above the last one seen, merge it into the laptop's file (``apply``, ``reconcile``) and commit that
   locally together with the new position: what was pulled is the server's committed state, so this is safe
   even if the push fails later. An erasure or anonymisation of a person wins over edits made meanwhile on either
   side, without a conflict (``erasure``); the edits it replaced are reported (``erased_over_edits``).
3. Push every row still marked as changed (open conflicts: the server keeps its value) under the next sequence,
   in the same server transaction, and commit it on the server. Just before, the laptop writes the push down
   (``LocalTransaction.stage_push``: its rows and sequence).
4. Only then, locally: the pushed versions become the shadows, the change markers are cleared (not for rows
   edited in the meantime), and the new sequence is recorded. (For a push of up to ``OVERLAP_PUSH_ROWS`` rows
   this is written while the server writes the rows, in a local transaction committed right after the server's
   commit: the two overlap; nothing of it is visible, or kept, before that commit.)

Cut off anywhere, the run is simply repeated. Before the server's commit nothing was sent (the written-down push
is forgotten); after it, the next run recognises its push in the push log (``sync_push``: sequence and this
laptop's id) and first does step 4 from what it wrote down (``_settle_staged_push``), so another laptop's later
edits of the same rows arrive as plain remote changes: nothing is duplicated, nothing turns into a conflict, and
nothing the colleague did is undone. (A push of an older version, not written down, is still recognised in the
pull: a row whose newest server version it is serves as its own merge base.)
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import sqlite3
import threading
import uuid
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.exc import DBAPIError

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import iso_berlin
from odn_desktop.services.seat_allocation import apply_to_events

from . import conflicts as conflict_store
from .apply import apply_changes
from .conflicts import Conflict
from .erasure import ErasureOverride
from .erasure import settle as settle_erasures
from .local import LocalFile, LocalTransaction, shadow_texts
from .merge import differs, pushable
from .reconcile import MergedContact, OverLimitPool, SeatChange, reconcile
from .server import UNREACHABLE, Server, ServerUnreachableError, SyncError, display_url, parse_remote
from .tables import SPECS, Row, TableSpec

log = logging.getLogger(__name__)

#: from this many rows pushed since the last sync on (an estimate of the pull: the push log's row counts), the pull
#: writes with SQLite's foreign key checks off and checks every synced table once before its commit
#: (``LocalFile.transaction``): row by row they cost a first pull of 130,000 rows 1.5 s, at the end 0.08 s
BULK_PULL_ROWS = 10_000

#: up to this many rows a push's local bookkeeping is written while the server writes the rows (``Server.push``'s
#: ``meanwhile``): its local write transaction then waits for the server's commit, so a window's write waits as
#: long; a larger push (a first one: seconds) writes it after the server's commit, as a transaction of its own
OVERLAP_PUSH_ROWS = 10_000

Progress = Callable[[int, str], None]
Checkpoint = Callable[[str], None]


__all__ = ["UNREACHABLE", "Conflict", "Decision", "ErasureOverride", "ServerUnreachableError", "SyncCancelledError",
           "SyncError", "SyncResult", "SyncStatus", "list_conflicts", "remember_remote", "remembered_remote", "resolve",
           "status", "sync"]


class HasPath(Protocol):
    path: Path


class SyncCancelledError(SyncError):
    pass


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int
    conflicts: list[Conflict]  # every open conflict after this run (also older ones)
    new_conflicts: int = 0
    merged_contacts: list[MergedContact] = field(default_factory=list)
    seat_changes: list[SeatChange] = field(default_factory=list)
    last_sync: datetime | None = None
    server_seq: int = 0
    #: edits (on this laptop or already on the server) that an erasure or anonymisation of the person replaced
    erased_over_edits: list[ErasureOverride] = field(default_factory=list)
    #: pools the merge left above their limit (event, limit, seats held); they keep their seats until resolved
    overbooked: list[OverLimitPool] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": [c.to_json() for c in self.conflicts],
            "new_conflicts": self.new_conflicts,
            "merged_contacts": [m.to_json() for m in self.merged_contacts],
            "seat_changes": [s.to_json() for s in self.seat_changes],
            "last_sync": iso_berlin(self.last_sync),
            "server_seq": self.server_seq,
            "erased_over_edits": [e.to_json() for e in self.erased_over_edits],
            "overbooked": [o.to_json() for o in self.overbooked],
        }


@dataclass(frozen=True)
class SyncStatus:
    last_sync: datetime | None
    pending: int  # rows changed on this laptop and not yet on the server
    conflicts: list[Conflict]
    remote: str | None  # the remembered server address (never with a password)

    def to_json(self) -> dict[str, Any]:
        return {"last_sync": iso_berlin(self.last_sync), "pending": self.pending,
                "conflicts": [c.to_json() for c in self.conflicts], "remote": self.remote}


def _path(database: Path | HasPath) -> Path:
    path = database if isinstance(database, Path) else database.path
    from odn_desktop.store.migrate import migrate

    migrate(path)  # a no-op (one tiny read) when the file is up to date, as every opened Database is
    return path


def _parse_time(text: str | None) -> datetime | None:
    return None if not text else datetime.fromisoformat(text).astimezone(UTC)


# -- status and conflicts (no server needed) ---------------------------------------------------------------


def status(database: Path | HasPath) -> SyncStatus:
    local = LocalFile(_path(database))
    try:
        with local.transaction(write=False) as txn:
            state = txn.state()
            return SyncStatus(
                last_sync=_parse_time(state.get("last_sync_at")),
                pending=txn.pending_count(),
                conflicts=conflict_store.list_open(txn),
                remote=state.get("remote_url"),
            )
    finally:
        local.close()


def list_conflicts(database: Path | HasPath) -> list[Conflict]:
    return status(database).conflicts


@dataclass(frozen=True)
class Decision:
    """A decided conflict and the seat pools of its event over their limit afterwards.

    A decision can bring a seat back (keeping the server's version of a deleted or cancelled registration that
    holds one); a seat once given is kept, so the round or event can end up over its limit. The coordinator
    hears it at the decision, as after a sync, not only from the overview later."""

    conflict: Conflict
    overbooked: list[OverLimitPool] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {**self.conflict.to_json(), "overbooked": [o.to_json() for o in self.overbooked]}


def resolve(database: Path | HasPath, conflict_id: int, keep: str) -> Decision:
    """Decide an open conflict on the laptop; the next sync carries the outcome to the server."""
    local = LocalFile(_path(database))
    try:
        with local.transaction(write=True) as txn:
            found = conflict_store.resolve(txn, conflict_id, keep)
            return Decision(found, _apply_seat_rule_after(txn, found))
    finally:
        local.close()


def _apply_seat_rule_after(txn: LocalTransaction, decided: Conflict) -> list[OverLimitPool]:
    """A decision about a registration, round or event can free or take a seat: apply the one seat rule and
    return the event's pools over their limit (none for a decision about anything else)."""
    query = {"registration": "SELECT event_id FROM registration WHERE id = ?",
             "round": "SELECT event_id FROM round WHERE id = ?",
             "event": "SELECT id FROM event WHERE id = ?"}.get(decided.table)
    if query is None:
        return []
    found = txn.raw.execute(query, (decided.row_id.hex,)).fetchone()
    if found is None:
        return []
    session = txn.session()
    try:
        reports = apply_to_events(session, [uuid.UUID(hex=str(found[0]))])
        session.flush()
        return [pool for report in reports for pool in report.over_limit]
    finally:
        session.close()


def remembered_remote(database: Path | HasPath) -> str | None:
    return status(database).remote


def remember_remote(database: Path | HasPath, remote: str) -> None:
    """Store the server address (a password in it is dropped: it belongs in the keyring)."""
    url = parse_remote(remote)
    local = LocalFile(_path(database))
    try:
        with local.transaction(write=True) as txn:
            txn.set_state(remote_url=display_url(url))
    finally:
        local.close()


# -- the sync ----------------------------------------------------------------------------------------------


@dataclass
class _PushBatch:
    tables: list[tuple[TableSpec, list[Row]]] = field(default_factory=list)
    #: per table: (id, updated_at as read, stays marked, new server_seq or None)
    marks: list[tuple[TableSpec, list[tuple[str, str | None, bool, int | None]]]] = field(default_factory=list)
    #: the rows of ``tables`` as shadow JSON, made once for the push's record (``stage_push``) and ``_finish``
    texts: list[tuple[TableSpec, list[tuple[str, str]]]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(len(rows) for _, rows in self.tables)


def _collect_push(txn: LocalTransaction, seq: int) -> _PushBatch:
    batch = _PushBatch()
    for spec in SPECS:
        rows = txn.dirty_rows(spec)
        if not rows:
            continue
        open_conf = conflict_store.open_fields(txn, spec)
        out: list[Row] = []
        texts: list[tuple[str, str]] = []
        marks: list[tuple[str, str | None, bool, int | None]] = []
        for found in rows:
            row = found.values
            row_id = str(row["id"])
            held = set(open_conf.get(row_id, ()))
            if held and found.shadow is not None:  # fields in open conflict keep the server's values
                shadow = json.loads(found.shadow)
                candidate = pushable(spec, row, shadow, held)
                send = differs(spec, candidate, shadow)
                text = shadow_texts([candidate])[0][1]
            else:
                candidate, send, text = row, not found.unchanged, found.text
            if send:
                out.append(candidate)
                texts.append((row_id, text))
            updated = row["updated_at"]
            marks.append((row_id, None if updated is None else str(updated), bool(held), seq if send else None))
        if out:
            batch.tables.append((spec, out))
            batch.texts.append((spec, texts))
        batch.marks.append((spec, marks))
    return batch


def sync(
    database: Path | HasPath,
    remote: str,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    checkpoint: Checkpoint | None = None,
) -> SyncResult:
    """Sync the laptop's file with the shared database at ``remote`` (a SQLAlchemy URL or an SQLite path).

    ``progress(percent, text)`` reports steps; setting ``cancel`` stops the run at the next step (before the
    server's commit: nothing sent); ``checkpoint(name)`` is called at fixed points ("pulled", "pushed:<table>",
    "pushed", "committed") - the tests cut syncs off there.
    """
    report = progress or (lambda _pct, _text: None)
    point = checkpoint or (lambda _name: None)

    def check_cancel() -> None:
        if cancel is not None and cancel.is_set():
            raise SyncCancelledError(
                "Der Abgleich wurde abgebrochen. Es wurde nichts gesendet; Ihre Änderungen bleiben erhalten und "
                "werden beim nächsten Abgleich übertragen."
            )

    url = parse_remote(remote)
    if password:
        url = url.set(password=password)
    path = _path(database)
    if url.get_backend_name() == "sqlite" and Path(str(url.database)).resolve() == path.resolve():
        raise UserError("Die gemeinsame Datenbank muss eine andere Datei sein als die eigene.")
    local = LocalFile(path)
    server: Server | None = None
    try:
        with local.transaction(write=True) as txn, _local_errors():
            state = txn.state()
            # a copied file (a second laptop set up from this one) must not pass for this laptop in the push log
            here = f"{socket.gethostname()}|{path.resolve()}"
            if "client_id" not in state or state.get("client_host") != here:
                state["client_id"] = uuid.uuid4().hex
                txn.set_state(client_id=state["client_id"], client_host=here)
            pending = txn.has_pending()
        client_id = uuid.UUID(hex=state["client_id"])
        report(2, "Verbindung zum Server wird aufgebaut …")
        server = Server(url)
        server.ensure_schema()
        known = state.get("server_id")
        last = int(state.get("last_seq", "0")) if known else 0
        position, mark_seen = server.position(last)
        if position is None:
            server.initialise()
            position, mark_seen = server.position(last)
            assert position is not None
        if known and known != position.server_id.hex:
            raise SyncError(
                "Diese Datenbank wurde bisher mit einer anderen gemeinsamen Datenbank abgeglichen. Ein Wechsel "
                "des Servers ist nicht vorgesehen: bitte die bisherige Adresse verwenden oder eine frische lokale "
                "Datenbank mit dem neuen Server abgleichen."
            )
        _check_history(state, last, position.last_seq, mark_seen)
        if known and position.last_seq == last and not pending:
            report(100, "Nichts zu tun.")
            return _finish(local, url, last, position.now, _PushBatch(), pulled=0, mark=mark_seen)
        check_cancel()

        with server.locked() as stx:
            assert stx.position is not None
            position = stx.position
            _check_history(state, last, position.last_seq, stx.history_mark(last) if last else None)
            mark = stx.history_mark(position.last_seq) if position.last_seq else None
            report(10, "Änderungen vom Server werden geholt …")
            own = stx.own_pushes(last, client_id)
            fetched = 0

            def pulled_table(spec: TableSpec, count: int) -> None:
                nonlocal fetched
                fetched += count
                report(10 + int(30 * (SPECS.index(spec) + 1) / len(SPECS)),
                       f"{fetched} Änderungen vom Server eingearbeitet …")

            def fetch(spec: TableSpec) -> list[tuple[Row, int]]:
                # no row on the server has a sequence above the server's newest one: nothing new, nothing to ask
                return stx.changes_since(spec, last) if position.last_seq > last else []

            # a large pull (a new laptop's first one) checks the foreign keys once at its end instead of row by row
            bulk = position.last_seq > last and (not last or stx.rows_pushed_since(last) >= BULK_PULL_ROWS)
            with _local_errors(), local.transaction(write=True, check_keys_at_end=bulk) as txn:
                _settle_staged_push(txn, own)
                pull = apply_changes(txn, fetch, own, pulled_table)
                pulled = pull.pulled
                erased = [*pull.erased_over_edits, *settle_erasures(txn)]
                session = txn.session()
                try:
                    merged = reconcile(session, pull)
                finally:
                    session.close()
                erased += merged.erased_over_edits
                txn.set_state(server_id=position.server_id.hex, last_seq=position.last_seq, last_mark=mark)
            point("pulled")
            check_cancel()

            report(45, "Eigene Änderungen werden gesendet …")
            seq = position.last_seq + 1
            with local.transaction(write=False) as txn:
                batch = _collect_push(txn, seq)
            total = max(batch.rows, 1)
            done = 0

            def on_table(spec: TableSpec, count: int) -> None:
                nonlocal done
                done += count
                report(45 + int(45 * done / total), f"{done} von {batch.rows} Änderungen gesendet …")
                point(f"pushed:{spec.name}")
                check_cancel()

            if batch.rows:
                with local.transaction(write=True) as txn, _local_errors():
                    txn.stage_push(seq, batch.texts)  # what the next run needs if this one ends after the commit
                # the bookkeeping of step 4 is written while the server writes the last table's rows, in a local
                # transaction committed only after the server's commit (an error or a cut before it rolls it back:
                # as if it had not begun; a cut between the two commits leaves the written-down push, as before)
                with _local_errors(), contextlib.ExitStack() as later:
                    failed: list[BaseException] = []
                    begun: list[LocalTransaction] = []

                    def bookkeeping() -> None:
                        try:
                            begun.append(later.enter_context(local.transaction(write=True)))
                            _mark_pushed(begun[0], batch)
                        except BaseException as exc:  # the laptop's error, not the server's: raised below
                            failed.append(exc)

                    stx.push(seq, client_id, batch.tables, on_table,
                             meanwhile=bookkeeping if batch.rows <= OVERLAP_PUSH_ROWS else None)
                    if failed:
                        raise failed[0]
                    point("pushed")
                    check_cancel()
                    stx.commit()
                    point("committed")
                    mark = position.now_mark
                    report(95, "Abgleich wird abgeschlossen …")
                    if not begun:  # a large push: its bookkeeping follows the server's commit
                        begun.append(later.enter_context(local.transaction(write=True)))
                        _mark_pushed(begun[0], batch)
                    open_conflicts = _record(begun[0], url, seq, position.now, mark)
                return _result(batch, open_conflicts, seq, position.now, pulled=pulled,
                               new_conflicts=pull.new_conflicts, merged=merged.merged_contacts,
                               seats=merged.seat_changes, erased=erased, overbooked=merged.overbooked)
            stx.rollback()
            seq = position.last_seq
        report(95, "Abgleich wird abgeschlossen …")
        return _finish(local, url, seq, position.now, batch, pulled=pulled, new_conflicts=pull.new_conflicts,
                       merged=merged.merged_contacts, seats=merged.seat_changes, mark=mark, erased=erased,
                       overbooked=merged.overbooked)
    finally:
        local.close()
        if server is not None:
            server.close()


@contextlib.contextmanager
def _local_errors() -> Iterator[None]:
    """The laptop's own file refusing a write: a German message instead of a crash report."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        log.exception("pulled rows do not fit the local file")
        raise SyncError(
            "Die Änderungen vom Server passen nicht zu den eigenen Daten auf diesem Rechner "
            f"({exc}). Es wurde nichts übernommen; bitte wenden Sie sich an die Betreuung des Programms."
        ) from exc
    except (sqlite3.OperationalError, DBAPIError) as exc:
        # a transaction's BEGIN IMMEDIATE (``LocalFile.transaction``) fails through SQLAlchemy, its statements not
        found = exc.orig if isinstance(exc, DBAPIError) else exc
        if not isinstance(found, sqlite3.OperationalError) or ("locked" not in str(found) and "busy" not in str(found)):
            raise
        raise SyncError(
            "Die eigene Datenbank ist gerade mit etwas anderem beschäftigt. Bitte synchronisieren Sie gleich noch "
            "einmal."
        ) from exc


def _check_history(state: dict[str, str], last: int, server_seq: int, mark: str | None) -> None:
    """The server must still have the history this laptop saw; a server restored from a backup has not."""
    remembered = state.get("last_mark")
    if last and (server_seq < last or (remembered and mark != remembered)):
        raise SyncError(
            "Die gemeinsame Datenbank kennt den Stand nicht mehr, mit dem dieser Rechner zuletzt abgeglichen hat "
            "(wurde sie aus einer Sicherung zurückgeholt?). Um nichts zu überschreiben, wird nicht abgeglichen; "
            "bitte wenden Sie sich an die Betreuung des Programms. Sie arbeiten offline weiter."
        )


def _settle_staged_push(txn: LocalTransaction, own: Collection[int]) -> None:
    """A push written down by a run that ended before its own bookkeeping: when the server committed it (the push
    log has its sequence from this laptop), do that bookkeeping now, before the pull: its rows become the shadows,
    and their change markers go unless the row was edited since (another ``updated_at``) or has an open conflict.
    The pull then takes later edits of other laptops to these rows as plain remote changes, not as concurrent
    ones. A push the server never committed is simply forgotten (its rows are still marked as changed)."""
    seq = txn.staged_push()
    if seq is None:
        return
    if seq in own:
        for spec in SPECS:
            rows = txn.staged_rows(spec)
            if not rows:
                continue
            held = conflict_store.open_fields(txn, spec, {str(row["id"]) for row in rows})
            txn.put_shadows(spec, rows)
            txn.mark_pushed(spec, [(str(row["id"]), None if row["updated_at"] is None else str(row["updated_at"]),
                                    str(row["id"]) in held, seq) for row in rows])
    txn.drop_staged_push()


def _finish(local: LocalFile, url: Any, seq: int, when: datetime, batch: _PushBatch, *, pulled: int,
            new_conflicts: int = 0, merged: list[MergedContact] | None = None,
            seats: list[SeatChange] | None = None, mark: str | None = None,
            erased: list[ErasureOverride] | None = None,
            overbooked: list[OverLimitPool] | None = None) -> SyncResult:
    with local.transaction(write=True) as txn, _local_errors():
        _mark_pushed(txn, batch)
        open_conflicts = _record(txn, url, seq, when, mark)
    return _result(batch, open_conflicts, seq, when, pulled=pulled, new_conflicts=new_conflicts, merged=merged,
                   seats=seats, erased=erased, overbooked=overbooked)


def _mark_pushed(txn: LocalTransaction, batch: _PushBatch) -> None:
    """Step 4's rows: the pushed versions become the shadows, the change markers go (not for rows edited since)."""
    for spec, texts in batch.texts:
        txn.put_shadow_texts(spec, texts)
    for spec, marks in batch.marks:
        txn.mark_pushed(spec, marks)
    txn.drop_staged_push()


def _record(txn: LocalTransaction, url: Any, seq: int, when: datetime, mark: str | None) -> list[Conflict]:
    """The new position; returns the open conflicts."""
    txn.set_state(last_seq=seq, last_mark=mark, last_sync_at=when.isoformat(), remote_url=display_url(url))
    return conflict_store.list_open(txn)


def _result(batch: _PushBatch, open_conflicts: list[Conflict], seq: int, when: datetime, *, pulled: int,
            new_conflicts: int = 0, merged: list[MergedContact] | None = None,
            seats: list[SeatChange] | None = None, erased: list[ErasureOverride] | None = None,
            overbooked: list[OverLimitPool] | None = None) -> SyncResult:
    return SyncResult(pushed=batch.rows, pulled=pulled, conflicts=open_conflicts, new_conflicts=new_conflicts,
                      merged_contacts=merged or [], seat_changes=seats or [], last_sync=when, server_seq=seq,
                      erased_over_edits=erased or [], overbooked=overbooked or [])
