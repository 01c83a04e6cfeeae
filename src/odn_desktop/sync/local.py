"""The laptop's side of a sync: its own connection to the local file, in stored form, in real transactions.

Sync opens its own engine on the file (the GUI's stays untouched) whose transactions begin with ``BEGIN
IMMEDIATE`` when they write: the sync's reads and writes then see one consistent state, and a GUI write in the
meantime waits (``busy_timeout``) instead of slipping in between. Reads use a plain ``BEGIN``: a snapshot in WAL
mode that never blocks the GUI.
"""

from __future__ import annotations

import contextlib
import json
import operator
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from odn_desktop.store.batches import in_batches
from odn_desktop.store.database import make_engine

from .tables import SPECS, Row, TableSpec

_WRITE = "odn_write"
#: ``sync_shadow.table_name`` prefix (and row id) of a push whose server commit is not confirmed yet
_STAGED = "push:"
_STAGED_ID = "0" * 32


def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _begin)


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get(_WRITE) else "BEGIN")


@dataclass(frozen=True)
class PushCandidate:
    """A row carrying the change marker (``LocalTransaction.dirty_rows``)."""

    values: Row
    text: str  # the row as shadow JSON
    shadow: str | None  # its shadow's JSON (None: the server has never had it)
    unchanged: bool  # the shadow holds the same values but for ``updated_at``


@dataclass(frozen=True)
class LocalRow:
    values: Row
    dirty: bool
    server_seq: int | None


class LocalFile:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        # one connection for the whole run (a LocalFile lives for one sync and is closed after it), reused by
        # each of its transactions: a connection per transaction cost each one the connect and its pragmas, and
        # SQLite checkpoints the WAL whenever the last connection to the file closes (the CLI's sync had no
        # other one open), so every small transaction of a sync ended with a checkpoint and its fsync
        self.engine = make_engine(self.path, poolclass=QueuePool, pool_size=1, max_overflow=-1)
        event.listen(self.engine, "connect", _connect)
        event.listen(self.engine, "begin", _begin)

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def transaction(self, *, write: bool, check_keys_at_end: bool = False) -> Iterator[LocalTransaction]:
        """Commit when the block ends normally (a read-only one just ends), roll back on an exception.

        ``check_keys_at_end``: for a bulk write (a large pull) SQLite's foreign key checks are off inside the
        transaction, and every synced table is checked once before the commit instead; a row referring to a
        missing one raises ``sqlite3.IntegrityError`` there and nothing is committed, as a row-by-row check would
        have done (no key of the schema cascades, so nothing else differs)."""
        with self.engine.connect() as conn:
            conn.info[_WRITE] = write
            txn = LocalTransaction(conn)
            if check_keys_at_end:
                txn.raw.execute("PRAGMA foreign_keys = OFF")  # outside a transaction: inside one it is a no-op
            try:
                conn.begin()
                try:
                    yield txn
                    if check_keys_at_end:
                        txn.check_foreign_keys()
                except BaseException:
                    conn.rollback()
                    raise
                if write:
                    conn.commit()
                else:
                    conn.rollback()
            finally:
                if check_keys_at_end:
                    txn.raw.execute("PRAGMA foreign_keys = ON")


class LocalTransaction:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        self.raw = raw

    def session(self) -> Session:
        """An ORM session inside this transaction (for the services' rules); its changes are local changes."""
        return Session(bind=self.conn)

    # -- sync_state --------------------------------------------------------------------------------------------

    def state(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self.raw.execute("SELECT key, value FROM sync_state")}

    def set_state(self, **values: str | int | None) -> None:
        """Set (None: remove) keys; a value that is already stored is not written again, so a transaction
        that changes nothing (a sync with nothing to pull) commits without writing to the file and its fsync."""
        for key, value in values.items():
            if value is None:
                self.raw.execute("DELETE FROM sync_state WHERE key = ?", (key,))
            else:
                self.raw.execute(
                    "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                    "excluded.value WHERE sync_state.value IS NOT excluded.value", (key, str(value)),
                )

    def check_foreign_keys(self) -> None:
        """Every synced row's references point at existing rows; else ``sqlite3.IntegrityError``."""
        for spec in SPECS:
            broken = self.raw.execute(f"PRAGMA foreign_key_check({spec.name})").fetchall()
            if broken:
                raise sqlite3.IntegrityError(
                    f"FOREIGN KEY constraint failed: {len(broken)} row(s) of {spec.name} refer to a missing "
                    f"{broken[0][2]} row")

    # -- synced rows -------------------------------------------------------------------------------------------

    def has_pending(self) -> bool:
        """Whether any synced row carries the change marker (stops at the first one; ``pending_count`` counts)."""
        return any(self.raw.execute(f"SELECT 1 FROM {spec.name} WHERE dirty = 1 LIMIT 1").fetchone() is not None
                   for spec in SPECS)

    def pending_count(self) -> int:
        return sum(
            int(self.raw.execute(f"SELECT count(*) FROM {spec.name} WHERE dirty = 1").fetchone()[0])
            for spec in SPECS
        )

    def has_rows(self, spec: TableSpec) -> bool:
        """Whether the table holds any row (tombstones too)."""
        return self.raw.execute(f"SELECT 1 FROM {spec.name} LIMIT 1").fetchone() is not None

    def rows_by_id(self, spec: TableSpec, ids: Sequence[str]) -> dict[str, LocalRow]:
        cols = ", ".join(spec.columns)
        n = len(spec.columns)
        found: dict[str, LocalRow] = {}
        for chunk in in_batches(ids):
            marks = ", ".join("?" for _ in chunk)
            for r in self.raw.execute(
                f"SELECT {cols}, dirty, server_seq FROM {spec.name} WHERE id IN ({marks})", tuple(chunk)
            ):
                found[r[0]] = LocalRow(dict(zip(spec.columns, r[:n], strict=True)), bool(r[n]), r[n + 1])
        return found

    def dirty_rows(self, spec: TableSpec) -> list[PushCandidate]:
        """The rows carrying the change marker, each with its JSON (the shadow it becomes once pushed), its shadow
        and whether the two agree but for ``updated_at`` (nothing to send).

        SQLite makes the JSON (``json_object``, as ``put_shadows_of_all_rows``), and the texts are compared: for
        1,000 changed rows, parsing the shadows, comparing field by field and encoding the rows in Python took a
        1,000-row sync ~10 ms. Texts agreeing means the values agree; texts differing for equal values (a shadow
        written with other escapes) would only send an unchanged row once more."""
        cols = ", ".join(spec.columns)
        pairs = ", ".join(f"'{c}', {c}" for c in spec.columns)
        n = len(spec.columns)
        columns = spec.columns
        found = []
        for r in self.raw.execute(
            f"SELECT r.*, s.data FROM (SELECT {cols}, json_object({pairs}) FROM {spec.name} WHERE dirty = 1) AS r "
            "LEFT JOIN sync_shadow AS s ON s.table_name = ? AND s.row_id = r.id",
            (spec.name,),
        ):
            text, shadow = r[n], r[n + 1]
            same = shadow is not None and (shadow == text or _without_stamp(shadow) == _without_stamp(text))
            found.append(PushCandidate(dict(zip(columns, r[:n], strict=True)), text, shadow, same))
        return found

    def dirty_registration_event_ids(self) -> set[str]:
        """Events whose registrations or rounds carry local changes (seat recompute candidates)."""
        ids: set[str] = set()
        for sql in ("SELECT DISTINCT event_id FROM round WHERE dirty = 1",
                    "SELECT DISTINCT event_id FROM registration WHERE dirty = 1"):
            ids.update(r[0] for r in self.raw.execute(sql))
        return ids

    def seat_counts(self, event_ids: Iterable[str]) -> dict[str, int]:
        """Live seat holders per event, as the laptop has them now."""
        found: dict[str, int] = {}
        for chunk in in_batches(sorted(event_ids)):
            marks = ", ".join("?" for _ in chunk)
            for event_id, count in self.raw.execute(
                "SELECT event_id, count(*) FROM registration WHERE status = 'registered' AND deleted_at IS NULL "
                f"AND event_id IN ({marks}) GROUP BY event_id", tuple(chunk)
            ):
                found[event_id] = int(count)
        return found

    def server_seat_counts(self, event_ids: Iterable[str]) -> dict[str, int]:
        """Live seat holders per event as the server has them: the shadows are the server's versions."""
        wanted = set(event_ids)
        if not wanted:
            return {}
        found: dict[str, int] = {}
        for event_id, count in self.raw.execute(
            "SELECT json_extract(data, '$.event_id') AS e, count(*) FROM sync_shadow "
            "WHERE table_name = 'registration' AND json_extract(data, '$.status') = 'registered' "
            "AND json_extract(data, '$.deleted_at') IS NULL GROUP BY e"
        ):
            if event_id in wanted:
                found[event_id] = int(count)
        return found

    def upsert(self, spec: TableSpec, rows: Sequence[tuple[Row, bool, int | None]]) -> None:
        if not rows:
            return
        cols = ", ".join(spec.columns)
        marks = ", ".join("?" for _ in spec.columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in spec.columns if c != "id")
        values = operator.itemgetter(*spec.columns)  # spec.columns has more than one column: a tuple
        self.raw.executemany(
            f"INSERT INTO {spec.name} ({cols}, dirty, server_seq) VALUES ({marks}, ?, ?) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}, dirty = excluded.dirty, server_seq = excluded.server_seq",
            [(*values(row), int(dirty), seq) for row, dirty, seq in rows],
        )

    def mark_pushed(self, spec: TableSpec, rows: Sequence[tuple[str, str | None, bool, int | None]]) -> None:
        """After the server's commit: (id, updated_at as read, still dirty, new server_seq); a row changed since it
        was read (another ``updated_at``) keeps its change marker."""
        self.raw.executemany(
            f"UPDATE {spec.name} SET dirty = CASE WHEN ? OR updated_at IS NOT ? THEN 1 ELSE 0 END, "
            "server_seq = coalesce(?, server_seq) WHERE id = ?",
            [(int(still_dirty), updated_at, seq, row_id) for row_id, updated_at, still_dirty, seq in rows],
        )

    def hard_delete(self, spec: TableSpec, row_id: str) -> None:
        self.raw.execute(f"DELETE FROM {spec.name} WHERE id = ?", (row_id,))
        self.raw.execute("DELETE FROM sync_shadow WHERE table_name = ? AND row_id = ?", (spec.name, row_id))

    # -- shadows -----------------------------------------------------------------------------------------------

    def shadows(self, spec: TableSpec, ids: Sequence[str]) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for chunk in in_batches(ids):
            marks = ", ".join("?" for _ in chunk)
            for row_id, data in self.raw.execute(
                f"SELECT row_id, data FROM sync_shadow WHERE table_name = ? AND row_id IN ({marks})",
                (spec.name, *chunk),
            ):
                found[row_id] = json.loads(data)
        return found

    def put_shadows_of_all_rows(self, spec: TableSpec) -> None:
        """Every row of the table becomes its own shadow, made by SQLite (``json_object``: the same compact JSON
        ``shadow_texts`` makes, in a fraction of the time). For a table a pull has just filled from empty, whose
        rows are the server's versions as they are."""
        pairs = ", ".join(f"'{c}', {c}" for c in spec.columns)
        self.raw.execute(
            f"INSERT INTO sync_shadow (table_name, row_id, data) SELECT ?, id, json_object({pairs}) FROM {spec.name} "
            "WHERE true ON CONFLICT (table_name, row_id) DO UPDATE SET data = excluded.data",
            (spec.name,),
        )

    def put_shadows(self, spec: TableSpec, rows: Iterable[Row]) -> None:
        self.put_shadow_texts(spec, shadow_texts(rows))

    def put_shadow_texts(self, spec: TableSpec, texts: Sequence[tuple[str, str]]) -> None:
        """Shadows already in JSON (``shadow_texts``): (row id, JSON of the row)."""
        self.raw.executemany(
            "INSERT INTO sync_shadow (table_name, row_id, data) VALUES (?, ?, ?) "
            "ON CONFLICT (table_name, row_id) DO UPDATE SET data = excluded.data",
            [(spec.name, row_id, text) for row_id, text in texts],
        )

    # -- the push in flight ------------------------------------------------------------------------------------
    # Before a push goes to the server its rows are written down (one JSON list per table in ``sync_shadow``
    # under ``push:<table>``, its sequence in ``sync_state.push_seq``). A sync cut off after the server's commit
    # but before its own bookkeeping finds them on the next run: when the push log has that sequence from this
    # laptop, they become the shadows and their change markers go (``engine``), as the cut-off run would have
    # done it. One text per table, not one row each: far less to write and to delete again.

    def stage_push(self, seq: int, tables: Iterable[tuple[TableSpec, Sequence[tuple[str, str]]]]) -> None:
        """Write down the push of sequence ``seq`` (per table: ``shadow_texts`` of its rows)."""
        self.drop_staged_push()
        self.raw.executemany(
            "INSERT INTO sync_shadow (table_name, row_id, data) VALUES (?, ?, ?)",
            [(_STAGED + spec.name, _STAGED_ID, "[" + ",".join(text for _, text in texts) + "]")
             for spec, texts in tables],
        )
        self.set_state(push_seq=seq)

    def staged_push(self) -> int | None:
        """The sequence of the push written down and not confirmed yet (None: there is none)."""
        row = self.raw.execute("SELECT value FROM sync_state WHERE key = 'push_seq'").fetchone()
        return None if row is None else int(row[0])

    def staged_rows(self, spec: TableSpec) -> list[Row]:
        found = self.raw.execute("SELECT data FROM sync_shadow WHERE table_name = ?", (_STAGED + spec.name,))
        return [row for (data,) in found for row in json.loads(data)]

    def drop_staged_push(self) -> None:
        self.raw.execute(
            f"DELETE FROM sync_shadow WHERE table_name IN ({', '.join('?' for _ in SPECS)})",
            tuple(_STAGED + spec.name for spec in SPECS),
        )
        self.set_state(push_seq=None)


#: one encoder for every shadow (``json.dumps`` with arguments builds a new one per call)
_SHADOW_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def shadow_texts(rows: Iterable[Row]) -> list[tuple[str, str]]:
    """(row id, the row as shadow JSON), for ``put_shadow_texts`` and ``stage_push``."""
    return [(str(row["id"]), _SHADOW_JSON(row)) for row in rows]


_STAMP_KEY = '"updated_at":'


def _without_stamp(text: str) -> str:
    """Shadow JSON without its ``updated_at`` member (a time or null: no comma inside). The key cannot occur
    inside a string value: a quote there is escaped."""
    start = text.find(_STAMP_KEY)
    if start < 0:
        return text
    end = text.find(",", start)
    if end < 0:  # the last member: its comma comes before it
        return text[: start - 1] + "}" if text[start - 1] == "," else text[:start] + "}"
    return text[:start] + text[end + 1:]

