"""Sync figures on the scale database against a real PostgreSQL started for the run (``run.py --only sync``).

* ``sync_first_push``: the whole scale database (100,000 registrations) into an empty PostgreSQL database,
  schema creation included; baseline: bare psycopg ``COPY`` of the same rows into the same (migrated) schema.
* ``sync_1000_changes``: 1,000 registrations edited on the laptop, then synced (median of the runs, other rows
  each run); baseline: bare psycopg ``executemany`` UPDATE of the same 1,000 rows in one transaction.
* ``sync_nothing_to_do``: a sync when neither side changed (median); baseline: a bare psycopg connection reading
  one row.
* ``sync_first_pull``: a new laptop (an empty, migrated file) fetching the whole team database (median of the
  runs); baseline: bare psycopg ``COPY ... TO STDOUT`` of the same tables and ``sqlite3`` ``executemany`` of the
  rows into an empty file with the same schema, one transaction, WAL and ``synchronous=FULL`` as the app's file.

Targets: first push <= 20 s, 1,000 changes <= 1 s and <= 3 x its baseline, nothing to do <= 0.2 s, first pull
<= 3 x its baseline (``target_ratio``).
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "sync"))

from report import emit, timed  # noqa: E402


def _bare_copy(sqlite_path: Path, dsn: str) -> None:
    """The floor for a first sync: read every synced row from the file and COPY it into the same schema."""
    import psycopg

    from odn_desktop.sync.tables import SPECS

    src = sqlite3.connect(sqlite_path)
    with psycopg.connect(dsn, options="-c TimeZone=UTC") as conn, conn.cursor() as cur:
        for spec in SPECS:
            cols = ", ".join(spec.columns)
            with cur.copy(f"COPY {spec.name} ({cols}, dirty, server_seq) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {cols}, 0, 1 FROM {spec.name}"):
                    copy.write_row(row)
    src.close()


def _bare_update(dsn: str, ids: list[str]) -> None:
    import psycopg

    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        cur.executemany("UPDATE registration SET notes = %s, server_seq = 3 WHERE id = %s",
                        [("Basislinie", uuid.UUID(hex=i)) for i in ids])


def _nothing(dsn: str) -> None:
    import psycopg

    with psycopg.connect(dsn) as conn:
        conn.execute("SELECT last_seq FROM sync_server_state WHERE id = 1").fetchone()


def _bare_pull(dsn: str, sqlite_path: Path) -> int:
    """The floor for a first pull: COPY every synced table out of PostgreSQL and executemany it into the empty,
    migrated file (one transaction, the app's journal mode and ``synchronous``); returns the rows written."""
    import psycopg

    from odn_desktop.sync.tables import SPECS

    dst = sqlite3.connect(sqlite_path)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = FULL")
    written = 0
    with psycopg.connect(dsn, options="-c TimeZone=UTC") as conn, conn.cursor() as cur, dst:
        for spec in SPECS:
            cols = ", ".join(spec.columns)
            marks = ", ".join("?" for _ in spec.columns)
            with cur.copy(f"COPY (SELECT {cols}, server_seq FROM {spec.name}) TO STDOUT") as copy:
                rows = list(copy.rows())
            dst.executemany(f"INSERT INTO {spec.name} ({cols}, server_seq, dirty) VALUES ({marks}, ?, 0)", rows)
            written += len(rows)
    dst.close()
    return written


def _edit_registrations(path: Path, count: int, run: int = 0) -> list[str]:
    """What 1,000 edits in the window leave behind: changed fields, a new stamp, the change marker (run ``run``
    edits the run-th block of ``count`` registrations)."""
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM registration ORDER BY id LIMIT ? OFFSET ?",
                                      (count, run * count))]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    with conn:
        conn.executemany("UPDATE registration SET notes = ?, attended = 1, updated_at = ?, dirty = 1 WHERE id = ?",
                         [(f"Notiz {run}-{n}", stamp, i) for n, i in enumerate(ids)])
    conn.close()
    return ids


def bench_sync(scale_db: Path, workdir: Path, runs: int = 5) -> None:
    from postgres_server import TempPostgres, find_bindir

    from odn_desktop.sync import engine
    from odn_desktop.sync.server import Server, parse_remote

    bindir = find_bindir()
    if bindir is None:
        emit("sync_first_push", float("nan"), "s", None, skipped="PostgreSQL binaries not found")
        return
    pg = TempPostgres(bindir).start(durable=True)  # PostgreSQL's default fsync and commit settings
    try:
        laptop = workdir / "laptop.sqlite"
        shutil.copy(scale_db, laptop)
        counts = {t: sqlite3.connect(laptop).execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("event", "contact", "registration")}
        rows = sum(sqlite3.connect(laptop).execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                   for t in ("series", "event", "speaker", "event_speaker", "agenda_item", "contact",
                             "registration"))

        team = pg.create_database()
        url = pg.url(team)
        seconds, result = timed(lambda: engine.sync(laptop, url))
        assert result.pushed == rows, (result.pushed, rows)

        floor_db = pg.create_database()
        floor = pg.url(floor_db)
        server = Server(parse_remote(floor))
        server.ensure_schema()
        server.close()
        dsn = floor.replace("postgresql+psycopg://", "postgresql://")
        baseline, _ = timed(lambda: _bare_copy(laptop, dsn))
        emit("sync_first_push", seconds, "s", baseline, target=20.0, rows=rows, **counts,
             note="empty PostgreSQL, schema created by the sync; baseline: bare psycopg COPY of the same rows "
                  "into the same migrated schema")

        changes, bare_updates = [], []
        for run in range(runs):  # interleaved, so machine noise hits both alike
            ids = _edit_registrations(laptop, 1000, run)
            seconds, result = timed(lambda: engine.sync(laptop, url))
            assert result.pushed == 1000, result.pushed
            changes.append(seconds)
            bare_updates.append(timed(lambda: _bare_update(dsn, ids))[0])  # noqa: B023 - called at once
        emit("sync_1000_changes", statistics.median(changes), "s", statistics.median(bare_updates), target=1.0,
             target_ratio=3.0, rows=1000, runs=runs,
             note="median; 1,000 edited registrations; baseline: bare psycopg executemany UPDATE of the same rows")

        engine.sync(laptop, url)  # warm
        idle = []
        for _ in range(runs):
            seconds, result = timed(lambda: engine.sync(laptop, url))
            assert (result.pushed, result.pulled) == (0, 0)
            idle.append(seconds)
        bare = [timed(lambda: _nothing(dsn))[0] for _ in range(runs)]
        emit("sync_nothing_to_do", statistics.median(idle), "s", statistics.median(bare), target=0.2, runs=runs,
             note="median; baseline: bare psycopg connect + one SELECT")

        from odn_desktop.store.open import open_database

        team_dsn = url.replace("postgresql+psycopg://", "postgresql://")
        pulls, bare_pulls = [], []
        pulled = 0
        for run in range(min(runs, 3)):  # interleaved; every run a new laptop (an empty, migrated file)
            bare_file, second = workdir / f"bare-pull-{run}.sqlite", workdir / f"second-laptop-{run}.sqlite"
            open_database(bare_file).close()
            open_database(second).close()
            bare_pulls.append(timed(lambda: _bare_pull(team_dsn, bare_file))[0])  # noqa: B023 - called at once
            start = time.perf_counter()
            pulled = engine.sync(second, url).pulled
            pulls.append(time.perf_counter() - start)
            bare_file.unlink()
            second.unlink()
        emit("sync_first_pull", statistics.median(pulls), "s", statistics.median(bare_pulls), target_ratio=3.0,
             rows=pulled, runs=len(pulls),
             note="median; a new laptop fetching the whole team database; baseline: bare psycopg COPY out of the "
                  "same tables + sqlite3 executemany into an empty file with the same schema")
    finally:
        pg.stop()
