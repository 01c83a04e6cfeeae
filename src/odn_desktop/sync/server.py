"""The shared database: PostgreSQL for a team, or an SQLite file (e.g. on a network share) for a team of one.

The server is passive: it holds the same tables as the laptops plus a sequence counter (``sync_server_state``)
and a push log (``sync_push``). A laptop syncs inside one server transaction that first takes the counter row
(``UPDATE ... SET last_seq = last_seq``: a row lock on PostgreSQL, the write lock on SQLite), so pushes are
serialised and sequence numbers become visible in the order they were given: a reader that saw sequence N has
seen everything up to N. Every row written by a push carries the push's sequence as ``server_seq``.

Credentials never travel in clear: PostgreSQL on another computer is reached over TLS only (``sslmode=require``;
``verify-full`` against the CA file in ``ODN_SYNC_CA_FILE``), see ``connection_security``. A server on this
computer (loopback or a Unix socket, as the tests' own server) is connected to as configured.

Rows travel in stored form (see ``tables``). PostgreSQL reads them as text (session time zone UTC); pushes use
``COPY`` into a temporary table and one ``INSERT ... SELECT ... ON CONFLICT (id) DO UPDATE`` per table, so
100,000 rows cost one round trip per table, not one per row.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError
from sqlalchemy.pool import NullPool, QueuePool

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.loopback import is_loopback_host
from odn_desktop.store.migrate import run_upgrade
from odn_desktop.store.migration_scripts import known_revisions
from odn_desktop.store.revision import HEAD_REVISION

from .tables import Row, TableSpec

log = logging.getLogger(__name__)

UNREACHABLE = "Der Server ist nicht erreichbar – Sie arbeiten offline weiter."
LOCK_TIMEOUT_SECONDS = 60
CONNECT_TIMEOUT_SECONDS = 10
_MIGRATION_LOCK_KEY = 0x0D4E_5359  # pg advisory lock: one laptop migrates the shared schema at a time
_WRITE = "odn_write"
CA_FILE_ENV_VAR = "ODN_SYNC_CA_FILE"


class SyncError(UserError):
    """A sync that could not finish; the German message says what happened and what to do."""


class ServerUnreachableError(SyncError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(UNREACHABLE + (f" ({detail})" if detail else ""))


class ServerBusyError(SyncError):
    pass


class ConnectionLostError(SyncError):
    pass


class TlsFailedError(SyncError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Die verschlüsselte Verbindung (TLS) zur gemeinsamen Datenbank ist nicht zustande gekommen ({detail}). "
            "Ohne Verschlüsselung wird nicht abgeglichen. Bitte prüfen Sie, ob der Server TLS anbietet und – falls "
            f"{CA_FILE_ENV_VAR} gesetzt ist – ob dessen Zertifikat von dieser CA stammt und zum Rechnernamen passt. "
            "Sie arbeiten offline weiter."
        )


class AuthenticationFailedError(SyncError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            "Die Anmeldung an der gemeinsamen Datenbank ist fehlgeschlagen (Benutzer oder Passwort falsch, "
            f"{detail}). Geben Sie das Passwort in der Adresse an (postgresql://benutzer:passwort@rechner/datenbank) "
            "oder setzen Sie ODN_SYNC_PASSWORD. Sie arbeiten offline weiter."
        )


_DRIVER_ERRORS = (DBAPIError, sqlite3.Error, psycopg.Error)


def _translate(exc: BaseException) -> SyncError:
    detail = _describe(exc)
    if isinstance(exc, IntegrityError | sqlite3.IntegrityError | psycopg.errors.IntegrityError):
        return SyncError(
            f"Die gemeinsame Datenbank hat die Änderungen abgelehnt ({detail}). Es wurde nichts übertragen; "
            "bitte wenden Sie sich an die Betreuung des Programms."
        )
    if "database is locked" in detail:
        return ServerBusyError(
            "Die gemeinsame Datei ist gerade von einem anderen Abgleich belegt. Bitte versuchen Sie es gleich noch "
            "einmal."
        )
    return ConnectionLostError(
        f"Die Verbindung zum Server ist während des Abgleichs abgebrochen ({detail}). Es ging nichts verloren – "
        "bitte gleichen Sie später erneut ab."
    )


def _guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Driver errors of the shared database leave this module as German ``SyncError`` messages."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SyncError:
            raise
        except _DRIVER_ERRORS as exc:
            raise _translate(exc) from exc

    return wrapper


def parse_remote(remote: str) -> URL:
    """A SQLAlchemy URL for PostgreSQL or SQLite; a bare path means an SQLite file (e.g. on a network share)."""
    remote = remote.strip()
    if not remote:
        raise UserError("Bitte geben Sie die Adresse der gemeinsamen Datenbank an.")
    if "://" not in remote:
        return URL.create("sqlite", database=str(Path(remote).expanduser().resolve()))
    try:
        url = make_url(remote)
    except ArgumentError as exc:
        raise UserError(f"'{remote}' ist keine gültige Datenbank-Adresse.") from exc
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise UserError("Für eine gemeinsame SQLite-Datei bitte einen Dateipfad angeben (sqlite:///PFAD).")
        return url.set(drivername="sqlite", database=str(Path(url.database).expanduser().resolve()))
    raise UserError(
        f"Die Datenbank-Art '{backend}' wird nicht unterstützt. Möglich sind PostgreSQL "
        "(postgresql://benutzer@rechner/datenbank) und eine SQLite-Datei (sqlite:///PFAD)."
    )


class Transport(enum.Enum):
    """How the laptop reaches the shared database."""

    FILE = "file"  # an SQLite file (e.g. on a network share): no database connection
    LOCAL = "local"  # PostgreSQL on this computer (loopback or Unix socket): as configured, TLS not required
    TLS = "tls"  # PostgreSQL elsewhere: TLS required (sslmode=require)
    TLS_VERIFIED = "tls-verified"  # ... and the server's certificate checked (verify-full against a CA file)


@dataclass(frozen=True)
class ConnectionSecurity:
    transport: Transport
    #: libpq parameters for the connection (override the address's own ``sslmode``/``sslrootcert``)
    parameters: dict[str, str]

    @property
    def encrypted(self) -> bool:
        return self.transport in (Transport.TLS, Transport.TLS_VERIFIED)


_UNENCRYPTED_SSLMODES = frozenset({"disable", "allow", "prefer"})
_VERIFYING_SSLMODES = frozenset({"verify-ca", "verify-full"})


def _query_values(url: URL, key: str) -> list[str]:
    value = url.query.get(key)
    if value is None:
        return []
    values = [value] if isinstance(value, str) else list(value)
    return [part.strip() for v in values for part in v.split(",")]


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _on_this_computer(url: URL) -> bool:
    """Every host and every ``hostaddr`` libpq would use is loopback or a Unix socket. Conservative: a name and an
    address must both be local; without a host libpq takes ``PGHOST`` (else a Unix socket or localhost), and a
    ``service`` without a host may point anywhere."""
    hosts = _split(url.host) + _query_values(url, "host")
    if not hosts:
        hosts = _split(os.environ.get("PGHOST"))
    if not hosts and (_query_values(url, "service") or os.environ.get("PGSERVICE")):
        return False
    targets = hosts + (_query_values(url, "hostaddr") or _split(os.environ.get("PGHOSTADDR")))
    return all(t.startswith(("/", "@")) or is_loopback_host(t) for t in targets)


def connection_security(url: URL, ca_file: str | None = None) -> ConnectionSecurity:
    """TLS for PostgreSQL on another computer: ``sslmode=require``, or ``verify-full`` with a CA file (``ca_file``,
    else ``ODN_SYNC_CA_FILE``, else the address's ``sslrootcert``). Loopback and Unix sockets stay as configured.

    An address asking for less (``sslmode=disable``/``allow``/``prefer``) for another computer is refused.
    """
    if url.get_backend_name() != "postgresql":
        return ConnectionSecurity(Transport.FILE, {})
    if _on_this_computer(url):
        return ConnectionSecurity(Transport.LOCAL, {})
    asked = (_query_values(url, "sslmode") or [""])[0]
    if asked in _UNENCRYPTED_SSLMODES:
        raise SyncError(
            f"Die gemeinsame Datenbank auf {url.host or 'dem Server'} liegt auf einem anderen Rechner; die Verbindung "
            f"muss verschlüsselt sein. sslmode={asked} ist nur für einen Server auf diesem Rechner möglich – bitte "
            "aus der Adresse entfernen."
        )
    ca = ca_file if ca_file is not None else os.environ.get(CA_FILE_ENV_VAR, "").strip()
    if ca:
        if not Path(ca).expanduser().is_file():
            raise SyncError(f"Die CA-Datei „{ca}“ ({CA_FILE_ENV_VAR}) für die Prüfung des Server-Zertifikats wurde "
                            "nicht gefunden.")
        mode = asked if asked in _VERIFYING_SSLMODES else "verify-full"
        return ConnectionSecurity(Transport.TLS_VERIFIED,
                                  {"sslmode": mode, "sslrootcert": str(Path(ca).expanduser().resolve())})
    if asked in _VERIFYING_SSLMODES:  # the address brings its own verification (sslrootcert or ~/.postgresql)
        return ConnectionSecurity(Transport.TLS_VERIFIED, {"sslmode": asked})
    return ConnectionSecurity(Transport.TLS, {"sslmode": "require"})


def display_url(url: URL) -> str:
    """The address as shown and remembered: never with the password."""
    # (``URL.set(password=None)`` would keep the password: ``set`` ignores None)
    return url._replace(password=None).render_as_string(hide_password=False)


def _describe(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return " ".join(str(orig).split())[:300]


@dataclass(frozen=True)
class ServerPosition:
    server_id: uuid.UUID
    last_seq: int
    now: datetime

    @property
    def now_mark(self) -> str:
        """``now`` as a push log time stamp is stored (what a push made now will be recognised by)."""
        return _mark(self.now)


def _mark(value: Any) -> str:
    """A push log time stamp in one form on both dialects."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return str(value)


def _history_mark(conn: Connection, seq: int) -> str | None:
    value = conn.execute(text("SELECT pushed_at FROM sync_push WHERE seq = :s"), {"s": seq}).scalar()
    return None if value is None else _mark(value)


class Server:
    """A connection factory for the shared database; ``close()`` when done."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.dialect = url.get_backend_name()
        self.engine = self._make_engine()

    def _make_engine(self) -> Engine:
        if self.dialect == "postgresql":
            security = connection_security(self.url)
            try:
                # one connection for the whole sync (a Server lives for one run and is closed after it): each
                # step used to open its own, three connects per sync, each a round trip or more over a network
                return create_engine(
                    self.url, poolclass=QueuePool, pool_size=1, max_overflow=-1,
                    connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "options": "-c TimeZone=UTC",
                                  "application_name": "odn-desktop sync", **security.parameters},
                )
            except NoSuchModuleError as exc:  # pragma: no cover - psycopg is a dependency
                raise SyncError(f"Der PostgreSQL-Treiber fehlt ({exc}).") from exc
        path = Path(str(self.url.database))
        if not path.parent.is_dir():
            raise ServerUnreachableError(f"Ordner {path.parent} nicht gefunden")
        engine = create_engine(self.url, poolclass=NullPool)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def connect(self, *, write: bool = False) -> Iterator[Connection]:
        try:
            conn = self.engine.connect()
        except _DRIVER_ERRORS as exc:
            detail = _describe(exc)
            if "password" in detail or "authentication failed" in detail:
                raise AuthenticationFailedError(detail) from exc
            if "SSL" in detail or "certificate" in detail:
                raise TlsFailedError(detail) from exc
            raise ServerUnreachableError(detail) from exc
        try:
            conn.info[_WRITE] = write
            yield conn
        finally:
            conn.close()

    # -- schema ----------------------------------------------------------------------------------------------

    def _revision(self, conn: Connection) -> str | None:
        table = conn.execute(
            text("SELECT to_regclass('alembic_version') IS NOT NULL") if self.dialect == "postgresql"
            else text("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).scalar()
        if not table:
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if value is None else str(value)

    @_guarded
    def ensure_schema(self) -> bool:
        """Create or upgrade the shared schema (the same migrations as the laptop's); True when it did."""
        with self.connect() as conn:
            revision = self._revision(conn)
            conn.rollback()
        if revision == HEAD_REVISION:
            return False
        if revision is not None and revision not in known_revisions():
            raise SyncError(
                f"Die gemeinsame Datenbank hat einen neueren Schemastand ({revision}) als dieses Programm. "
                "Bitte installieren Sie die aktuelle Version von odn-desktop."
            )
        with self.connect(write=True) as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
            else:
                # PRAGMA foreign_keys is a no-op inside a transaction; batch migrations recreate tables
                raw = conn.connection.driver_connection
                assert isinstance(raw, sqlite3.Connection)
                raw.execute("PRAGMA foreign_keys = OFF")
                conn.begin()
            if self._revision(conn) != HEAD_REVISION:  # another laptop may have done it meanwhile
                log.info("migrating the shared schema from %s", revision)
                run_upgrade(conn)
            conn.commit()
        return True

    @_guarded
    def position(self, seen: int = 0) -> tuple[ServerPosition | None, str | None]:
        """The server's id and newest sequence, read without any lock (None before the first sync), and the
        push log's time stamp of sequence ``seen`` (None when the server has no such push)."""
        with self.connect() as conn:
            row = conn.execute(text("SELECT server_id, last_seq FROM sync_server_state WHERE id = 1")).first()
            now = _server_now(conn, self.dialect)
            mark = _history_mark(conn, seen) if seen else None
            conn.rollback()
        if row is None:
            return None, None
        return ServerPosition(_as_uuid(row[0]), int(row[1]), now), mark

    @_guarded
    def initialise(self) -> None:
        """Give a new shared database its identity and sequence counter (a no-op when it has them)."""
        with self.connect(write=True) as conn:
            conn.execute(
                text("INSERT INTO sync_server_state (id, server_id, last_seq, created_at) "
                     "VALUES (1, :sid, 0, :now) ON CONFLICT (id) DO NOTHING"),
                {"sid": self._uuid_param(uuid.uuid4()), "now": self._dt_param(datetime.now(UTC))},
            )
            conn.commit()

    def _uuid_param(self, value: uuid.UUID) -> Any:
        return value if self.dialect == "postgresql" else value.hex

    def _dt_param(self, value: datetime) -> Any:
        return value if self.dialect == "postgresql" else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    @contextlib.contextmanager
    def locked(self) -> Iterator[ServerTransaction]:
        """One server transaction holding the sequence counter until commit or rollback."""
        with self.connect(write=True) as conn:
            txn = ServerTransaction(self, conn)
            try:
                txn.lock()
                yield txn
            finally:
                if conn.in_transaction():
                    with contextlib.suppress(Exception):
                        conn.rollback()


class ServerTransaction:
    def __init__(self, server: Server, conn: Connection) -> None:
        self.server = server
        self.conn = conn
        self.dialect = server.dialect
        self.position: ServerPosition | None = None

    @_guarded
    def lock(self) -> ServerPosition:
        if self.dialect == "postgresql":
            self.conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_SECONDS}s'"))
        try:
            row = self.conn.execute(
                text("UPDATE sync_server_state SET last_seq = last_seq WHERE id = 1 RETURNING server_id, last_seq")
            ).first()
        except DBAPIError as exc:
            if "lock" in str(exc.orig).lower():
                raise ServerBusyError(
                    "Gerade gleicht jemand anderes mit der gemeinsamen Datenbank ab. Bitte versuchen Sie es in "
                    "einer Minute noch einmal."
                ) from exc
            raise
        if row is None:
            raise SyncError("Die gemeinsame Datenbank ist nicht eingerichtet (sync_server_state fehlt).")
        self.position = ServerPosition(_as_uuid(row[0]), int(row[1]), _server_now(self.conn, self.dialect))
        return self.position

    @_guarded
    def history_mark(self, seq: int) -> str | None:
        """The push log's time stamp of sequence ``seq`` (a laptop remembers it to notice a restored server)."""
        return _history_mark(self.conn, seq)

    @_guarded
    def changes_since(self, spec: TableSpec, seq: int) -> list[tuple[Row, int]]:
        """The table's rows written after sequence ``seq``, in stored form, with their sequence."""
        n = len(spec.columns)
        if self.dialect == "sqlite":
            cols = ", ".join(spec.columns)
            rows = self.conn.execute(
                text(f"SELECT {cols}, server_seq FROM {spec.name} WHERE server_seq > :s ORDER BY server_seq"),
                {"s": seq},
            ).all()
            return [(dict(zip(spec.columns, r[:n], strict=True)), int(r[n])) for r in rows]
        # PostgreSQL puts the values into stored form itself (``stored_form_sql``), and the driver's cursor hands
        # them over as they are: a first pull of 100,000 rows spent seconds building UUID and datetime objects
        # only to turn them back into text
        raw = self.conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur:
            cur.execute(
                f"SELECT {stored_form_sql(spec)}, server_seq FROM {spec.name} WHERE server_seq > %(s)s "
                "ORDER BY server_seq",
                {"s": seq},
            )
            found = cur.fetchall()
        columns = spec.columns
        return [(dict(zip(columns, r[:n], strict=True)), r[n]) for r in found]

    @_guarded
    def own_pushes(self, since: int, client_id: uuid.UUID) -> set[int]:
        """Sequences after ``since`` that this laptop pushed (a push whose local bookkeeping was cut off)."""
        rows = self.conn.execute(
            text("SELECT seq FROM sync_push WHERE seq > :s AND client_id = :c"),
            {"s": since, "c": self.server._uuid_param(client_id)},
        ).all()
        return {int(r[0]) for r in rows}

    @_guarded
    def rows_pushed_since(self, since: int) -> int:
        """How many rows the pushes after ``since`` carried (the push log's counts: at least the rows to pull)."""
        value = self.conn.execute(
            text("SELECT coalesce(sum(row_count), 0) FROM sync_push WHERE seq > :s"), {"s": since}).scalar()
        return int(value or 0)

    @_guarded
    def push(
        self,
        seq: int,
        client_id: uuid.UUID,
        tables: Sequence[tuple[TableSpec, list[Row]]],
        on_table: Callable[[TableSpec, int], None] | None = None,
        meanwhile: Callable[[], None] | None = None,
    ) -> int:
        """Upsert the rows (by id) under sequence ``seq``; tombstones first, so a freed unique key is free.

        ``meanwhile`` (the laptop's bookkeeping of the push, in its own uncommitted transaction) runs once, on the
        calling thread, while PostgreSQL writes the last table's rows: the server works in its own process, so
        the two overlap (a 1,000-row push: ~15 ms each) instead of adding up. A shared SQLite file has no such
        process: there it simply runs after the rows are written. Either way it has run when ``push`` returns
        (an error in either raises, after both have ended)."""
        assert self.position is not None and seq == self.position.last_seq + 1
        total = 0
        last = max((i for i, (_, rows) in enumerate(tables) if rows), default=-1)
        for index, (spec, rows) in enumerate(tables):
            if not rows:
                continue
            ordered = sorted(rows, key=lambda r: r["deleted_at"] is None)
            beside = meanwhile if index == last else None
            if self.dialect == "postgresql":
                self._push_postgresql(spec, ordered, seq, beside)
            else:
                self._push_sqlite(spec, ordered, seq)
                if beside is not None:
                    beside()
            total += len(rows)
            if on_table is not None:
                on_table(spec, len(rows))
        self.conn.execute(
            text("INSERT INTO sync_push (seq, client_id, pushed_at, row_count) VALUES (:s, :c, :t, :n)"),
            {"s": seq, "c": self.server._uuid_param(client_id), "t": self.server._dt_param(self.position.now),
             "n": total},
        )
        self.conn.execute(text("UPDATE sync_server_state SET last_seq = :s WHERE id = 1"), {"s": seq})
        return total

    def _push_postgresql(self, spec: TableSpec, rows: list[Row], seq: int,
                         meanwhile: Callable[[], None] | None = None) -> None:
        cols = ", ".join(spec.columns)
        temp = f"_odn_push_{spec.name}"
        raw = self.conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur:
            cur.execute(f"CREATE TEMP TABLE {temp} ON COMMIT DROP AS SELECT {cols} FROM {spec.name} WITH NO DATA")
            with cur.copy(f"COPY {temp} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[c] for c in spec.columns])
            updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in spec.columns if c != "id")
            upsert = (f"INSERT INTO {spec.name} ({cols}, dirty, server_seq) "
                      f"SELECT {cols}, false, {int(seq)} FROM {temp} ORDER BY (deleted_at IS NULL) "
                      f"ON CONFLICT (id) DO UPDATE SET {updates}, dirty = false, server_seq = EXCLUDED.server_seq")
            if meanwhile is None:
                cur.execute(upsert)
            else:
                run_beside(lambda: cur.execute(upsert), meanwhile)
            cur.execute(f"DROP TABLE {temp}")

    def _push_sqlite(self, spec: TableSpec, rows: list[Row], seq: int) -> None:
        raw = self.conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        cols = ", ".join(spec.columns)
        marks = ", ".join("?" for _ in spec.columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in spec.columns if c != "id")
        raw.executemany(
            f"INSERT INTO {spec.name} ({cols}, dirty, server_seq) VALUES ({marks}, 0, {int(seq)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}, dirty = 0, server_seq = excluded.server_seq",
            [tuple(row[c] for c in spec.columns) for row in rows],
        )

    @_guarded
    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()


def run_beside(waiting: Callable[[], object], work: Callable[[], None]) -> None:
    """Run ``waiting`` (a statement the server executes: the thread mostly waits on its socket, without the GIL) on
    a thread of its own and ``work`` on this one; return when both have ended. An error of either is raised (the
    one of ``waiting`` first: the server's refusal explains more), never before the other has ended, so the
    connection is idle again when the caller rolls back."""
    failed: list[BaseException] = []

    def target() -> None:
        try:
            waiting()
        except BaseException as exc:  # handed to the calling thread
            failed.append(exc)

    thread = threading.Thread(target=target, name="odn-sync-push", daemon=True)
    thread.start()
    try:
        work()
    finally:
        thread.join()
        if failed:
            raise failed[0]


def stored_form_sql(spec: TableSpec) -> str:
    """PostgreSQL select expressions giving the table's columns in stored form (``tables.encode_row``: UUIDs as
    32 hex digits, times as UTC ``YYYY-MM-DD HH:MM:SS.ffffff``, booleans as 0/1), in ``spec.columns`` order."""
    parts = []
    for column in spec.columns:
        kind = spec.kinds[column]
        if kind == "uuid":
            parts.append(f"replace({column}::text, '-', '')")
        elif kind == "datetime":
            parts.append(f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')")
        elif kind == "bool":
            parts.append(f"{column}::int")
        else:
            parts.append(column)
    return ", ".join(parts)


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=str(value))


def _server_now(conn: Connection, dialect: str) -> datetime:
    """The server's clock (PostgreSQL); a shared SQLite file has none, so there it is this computer's."""
    if dialect == "postgresql":
        value = conn.execute(text("SELECT now()")).scalar()
        assert isinstance(value, datetime)
        return value.astimezone(UTC)
    return datetime.now(UTC)


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # A file on a network share: no WAL (it needs shared memory between the computers), full sync, waiting for
    # another laptop's write lock instead of failing at once. Transactions are begun by us (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    for pragma in ("busy_timeout = 30000", "foreign_keys = ON", "journal_mode = DELETE", "synchronous = FULL"):
        dbapi_connection.execute(f"PRAGMA {pragma}")


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get(_WRITE) else "BEGIN")
