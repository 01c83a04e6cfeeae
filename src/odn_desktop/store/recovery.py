"""A damaged database file: notice it, keep a copy of it, put the newest intact backup in its place.

The window checks the file at every start (``check_integrity``: SQLite's ``quick_check``, about 80 ms for a
60 MB file) before it opens it. A damaged file is first copied, untouched, next to itself as
``<stem> beschädigt YYYY-MM-DD HHMM.sqlite`` (with its ``-wal`` file, which may hold the newest changes), so
nothing is lost even if the coordinator later wants it examined; then the newest backup that passes the same
check is offered (``newest_intact_backup``: the daily backups first, see ``store.backups``) and
``replace_with_backup`` writes it in place.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from odn_desktop.domain.timezone import BERLIN

from .backups import BackupFile, check_restorable, connect_read_only, copy_database, daily_backups, list_backups
from .faults import DAMAGED, StorageError, classify, describe

log = logging.getLogger(__name__)

#: the word in the name of a kept damaged file
DAMAGED_MARK = "beschädigt"
#: what SQLite keeps next to a database file (its write-ahead log, shared memory index, rollback journal)
COMPANIONS = ("-wal", "-shm", "-journal")


def _problems(path: Path) -> list[str]:
    """``quick_check``'s findings for ``path`` (empty: intact), read through a read-only connection (which
    never checkpoints the ``-wal`` into a damaged file). Raises ``StorageError`` (damaged) when SQLite cannot
    even read the file; other errors (no file, no permission) are raised as they are."""
    conn = connect_read_only(path)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        fault = classify(exc)
        if fault is not None and fault.kind == DAMAGED:
            raise StorageError(DAMAGED, detail=fault.detail) from None
        raise
    finally:
        conn.close()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def check_integrity(path: Path) -> None:
    """Raise ``StorageError`` (kind ``damaged``) when the database at ``path`` is damaged; a missing or empty
    file passes (there is nothing to damage yet)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        problems = _problems(path)
    except sqlite3.Error as exc:  # not damage (e.g. no read-only access to the -shm): opening will tell
        log.warning("integrity check of %s skipped: %s", path, describe(exc))
        return
    if problems:
        raise StorageError(DAMAGED, detail="quick_check: " + "; ".join(problems[:3]))


def is_intact(path: Path) -> bool:
    try:
        return not _problems(path)
    except (StorageError, sqlite3.Error, OSError):
        return False


def damaged_copy_path(db_path: Path, now: datetime | None = None) -> Path:
    """``<stem> beschädigt 2026-12-03 1530<suffix>`` next to ``db_path`` (Berlin time), numbered if taken."""
    moment = now if now is not None else datetime.now(UTC)
    stamp = moment.astimezone(BERLIN).strftime("%Y-%m-%d %H%M")
    db_path = Path(db_path)
    suffix = db_path.suffix or ".sqlite"
    candidate = db_path.with_name(f"{db_path.stem} {DAMAGED_MARK} {stamp}{suffix}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = db_path.with_name(f"{db_path.stem} {DAMAGED_MARK} {stamp} ({counter}){suffix}")
    return candidate


def keep_damaged_copy(db_path: Path, now: datetime | None = None) -> Path:
    """Copy the damaged file byte for byte (and its ``-wal``) next to it; return the copy's path.

    A plain file copy, not SQLite's backup: the damage must be kept as it is, and SQLite may refuse to read it.
    The program's own connections must be closed."""
    db_path = Path(db_path)
    target = damaged_copy_path(db_path, now)
    partial = target.with_name(target.name + ".partial")
    try:
        shutil.copyfile(db_path, partial)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    log.warning("damaged database %s kept as %s", db_path, target)
    return target


def newest_intact_backup(db_path: Path, backup_dir: Path) -> BackupFile | None:
    """The newest backup of ``db_path`` that passes ``quick_check``: the automatic daily backups first (newest
    day first), then the others of this database (before a migration or a restore), newest first."""
    db_path, backup_dir = Path(db_path), Path(backup_dir)
    every = {b.path: b for b in list_backups(backup_dir)}
    daily = [every[p] for p in reversed(daily_backups(db_path, backup_dir)) if p in every]
    others = [b for b in every.values() if b not in daily and b.path.name.startswith(f"{db_path.stem}-")]
    for backup in daily + others:  # list_backups is newest first already
        if is_intact(backup.path):
            return backup
        log.warning("backup %s is damaged too; not offered", backup.path)
    return None


def replace_with_backup(db_path: Path, backup_file: Path) -> None:
    """Put ``backup_file`` in place of the damaged ``db_path`` (keep a copy of it first: ``keep_damaged_copy``).

    The backup is checked in full first (``UserError``: nothing changed). The damaged file's companions go (an
    old ``-wal`` would be replayed over the backup's pages), then the backup is written next to the file and
    renamed over it, so the file is never half a backup. The program's own connections must be closed."""
    db_path, backup_file = Path(db_path), Path(backup_file)
    check_restorable(backup_file)
    for ending in COMPANIONS:
        db_path.with_name(db_path.name + ending).unlink(missing_ok=True)
    copy_database(backup_file, db_path)
    log.warning("damaged database %s replaced by the backup %s", db_path, backup_file)
