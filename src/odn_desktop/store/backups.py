"""Automatic daily backups of the database file, and putting a backup back.

Every copy is made with SQLite's online backup API, never by copying a file that may be in use: the copy is
a consistent snapshot even while another connection writes (WAL mode readers see one committed state).

File names in the backup folder (next to the database, ``backups/``):

* ``<stem>-YYYY-MM-DD.sqlite`` – the automatic backup of that day (Berlin calendar day), at most one a day;
  only the newest ``keep`` of these are kept. For the usual file ``odn-desktop.sqlite`` that is
  ``odn-desktop-2026-11-26.sqlite``.
* ``<stem>-vor-migration-<rev>-<stamp>.sqlite`` – written by ``store.migrate`` before a schema change;
* ``<stem>-vor-wiederherstellung-<stamp>.sqlite`` – the state just before a restore.

Rotation only ever deletes automatic daily backups of the same database; the other two kinds are kept until
the coordinator deletes them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN

log = logging.getLogger(__name__)

KEEP_DAILY = 14
SUFFIX = ".sqlite"
RESTORE_MARK = "vor-wiederherstellung"
MIGRATION_MARK = "vor-migration"
_DATE = r"(\d{4}-\d{2}-\d{2})"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # "täglich", "vor Migration", "vor Wiederherstellung" or "sonstige"
    modified: datetime  # aware, UTC

    @property
    def label(self) -> str:
        local = self.modified.astimezone(BERLIN)
        return f"{local:%d.%m.%Y %H:%M} – {self.kind} – {self.path.name}"


def daily_name(db_path: Path, day: date) -> str:
    return f"{Path(db_path).stem}-{day.isoformat()}{SUFFIX}"


def _daily_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + "-" + _DATE + re.escape(SUFFIX) + r"\Z")


def _berlin_day(now: datetime | None) -> date:
    moment = now if now is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return moment.astimezone(BERLIN).date()


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` (a percent-encoded URI: spaces, umlauts, ``#`` and ``%`` are safe)."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` at ``target`` via SQLite's online backup.

    Written to a temporary name first and renamed when complete, so an interrupted backup never leaves a
    half-written file under a real backup name. The copy is switched to rollback-journal mode: a backup is a
    single self-contained file (no ``-wal``/``-shm`` companions).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    src = sqlite3.connect(str(source), timeout=10)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    finally:
        src.close()
    os.replace(partial, target)
    return target


def daily_backup(db_path: Path, backup_dir: Path, keep: int = KEEP_DAILY, now: datetime | None = None) -> Path | None:
    """Back up ``db_path`` once per Berlin calendar day; return the new file, or None when today's exists.

    Afterwards only the newest ``keep`` automatic backups of this database remain. A missing or empty database
    file is not backed up (nothing to protect yet).
    """
    db_path, backup_dir = Path(db_path), Path(backup_dir)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target = backup_dir / daily_name(db_path, _berlin_day(now))
    if target.exists():
        return None
    copy_database(db_path, target)
    log.info("daily backup written: %s", target)
    removed = rotate(db_path, backup_dir, keep)
    if removed:
        log.info("old daily backups removed: %s", ", ".join(p.name for p in removed))
    return target


def daily_backups(db_path: Path, backup_dir: Path) -> list[Path]:
    """The automatic backups of ``db_path``, oldest first."""
    pattern = _daily_pattern(db_path)
    if not Path(backup_dir).is_dir():
        return []
    found = [(m.group(1), p) for p in Path(backup_dir).iterdir() if (m := pattern.match(p.name)) and p.is_file()]
    return [p for _day, p in sorted(found)]


def rotate(db_path: Path, backup_dir: Path, keep: int = KEEP_DAILY) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups of ``db_path``; return what was deleted."""
    if keep < 1:
        raise ValueError("keep must be at least 1")
    old = daily_backups(db_path, backup_dir)[:-keep]
    removed = []
    for path in old:
        try:
            path.unlink()
        except OSError:  # e.g. opened by a virus scanner on Windows: try again tomorrow
            log.warning("could not remove old backup %s", path, exc_info=True)
        else:
            removed.append(path)
    return removed


def _kind(name: str) -> str:
    if RESTORE_MARK in name:
        return "vor Wiederherstellung"
    if MIGRATION_MARK in name:
        return "vor Migration"
    if re.search("-" + _DATE + re.escape(SUFFIX) + r"\Z", name):
        return "täglich"
    return "sonstige"


def list_backups(backup_dir: Path) -> list[BackupFile]:
    """Every ``*.sqlite`` file in the backup folder, newest first."""
    folder = Path(backup_dir)
    if not folder.is_dir():
        return []
    files = []
    for path in folder.iterdir():
        if path.suffix == SUFFIX and path.is_file():
            modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            files.append(BackupFile(path=path, kind=_kind(path.name), modified=modified))
    return sorted(files, key=lambda f: (f.modified, f.path.name), reverse=True)


def check_restorable(backup_file: Path) -> None:
    """Refuse files that are not intact SQLite databases of odn-desktop (nothing is changed then)."""
    from .revision import current_revision

    if not backup_file.is_file():
        raise UserError(f"Die Sicherung {backup_file} wurde nicht gefunden.")
    try:
        conn = connect_read_only(backup_file)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"Die Datei {backup_file} ist keine lesbare Datenbank ({exc}). "
                        "Es wurde nichts verändert.") from exc
    if result is None or result[0] != "ok":
        raise UserError(f"Die Sicherung {backup_file} ist beschädigt ({result[0] if result else '?'}). "
                        "Es wurde nichts verändert.")
    revision = current_revision(backup_file)
    if revision is None:
        raise UserError(f"Die Datei {backup_file} ist keine Sicherung von odn-desktop. Es wurde nichts verändert.")
    from .migration_scripts import known_revisions

    if revision not in known_revisions():
        raise UserError(f"Die Sicherung {backup_file} stammt von einer neueren Version von odn-desktop "
                        f"(Schemastand {revision}). Es wurde nichts verändert.")


def restore_backup(db_path: Path, backup_file: Path, backup_dir: Path, now: datetime | None = None) -> Path:
    """Replace the contents of ``db_path`` with ``backup_file``; return the backup of the state before.

    The caller must have closed every connection of the program to ``db_path`` first (``Database.close()``):
    SQLite's backup API writes the pages into the live file, and a second writer would interleave. The file
    keeps its name and place (and any lock file next to it). A ``UserError`` means nothing was changed.
    An older schema in the backup is fine: opening the database afterwards migrates it (with its own backup).
    """
    db_path, backup_file, backup_dir = Path(db_path), Path(backup_file), Path(backup_dir)
    if backup_file.resolve() == db_path.resolve():
        raise UserError("Die Datenbank kann nicht aus sich selbst wiederhergestellt werden.")
    check_restorable(backup_file)
    moment = now if now is not None else datetime.now(UTC)
    stamp = moment.astimezone(BERLIN).strftime("%Y-%m-%d-%H%M%S")
    before = backup_dir / f"{db_path.stem}-{RESTORE_MARK}-{stamp}{SUFFIX}"
    counter = 1
    while before.exists():
        counter += 1
        before = backup_dir / f"{db_path.stem}-{RESTORE_MARK}-{stamp}-{counter}{SUFFIX}"
    if db_path.exists() and db_path.stat().st_size > 0:
        copy_database(db_path, before)
        log.info("state before restore saved: %s", before)
    src = connect_read_only(backup_file)
    try:
        dst = sqlite3.connect(str(db_path), timeout=10)
        try:
            # Out of WAL mode first: the backup then writes straight into the file, and no old -wal file can
            # be replayed over the restored pages. The program switches WAL on again when it opens the file.
            try:
                dst.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.OperationalError as exc:  # another connection still has the file open
                raise UserError(
                    f"Die Datenbank {db_path} wird noch benutzt (ist odn-desktop ein zweites Mal geöffnet?). "
                    f"Sie wurde nicht verändert; der bisherige Stand liegt zusätzlich in {before.name}."
                ) from exc
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("database %s restored from %s", db_path, backup_file)
    return before
