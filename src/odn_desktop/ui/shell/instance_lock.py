"""One window per database file: a ``QLockFile`` next to the database, held while the program runs.

The lock is per database (``<db>.lock``), so the demo database and the real one may be open side by side.
QLockFile's own stale detection stays on (the default stale time plus "is the owning process still running"),
so a lock left behind by a crashed or killed program does not lock the coordinator out. The native lock Qt
takes on the open file keeps a *running* owner's lock from being removed as stale.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger(__name__)

LOCK_TIMEOUT_MS = 100


@dataclass(frozen=True)
class LockOwner:
    pid: int
    hostname: str
    appname: str


class InstanceLockError(Exception):
    """The lock file could not be created (no permission, read-only folder, ...)."""


class InstanceLock:
    def __init__(self, lock_file: Path) -> None:
        self.path = Path(lock_file)
        self._lock: QLockFile | None = None

    @property
    def held(self) -> bool:
        return self._lock is not None and self._lock.isLocked()

    def acquire(self, timeout_ms: int = LOCK_TIMEOUT_MS) -> bool:
        """``True`` when we hold the lock now; ``False`` when another running program holds it.

        Raises ``InstanceLockError`` when the lock file cannot be written at all.
        """
        if self.held:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.path))  # default stale-lock detection: do not set staleLockTime to 0
        if lock.tryLock(timeout_ms):
            self._lock = lock
            log.info("instance lock taken: %s", self.path)
            return True
        error = lock.error()
        if error == QLockFile.LockError.LockFailedError:
            log.info("instance lock %s held by %s", self.path, self.owner())
            return False
        raise InstanceLockError(f"{self.path}: {error.name}")

    def owner(self) -> LockOwner | None:
        """Who holds the lock (as written into the lock file), if that can be read."""
        pid, hostname, appname = QLockFile(str(self.path)).getLockInfo()  # (0, "", "") when unreadable
        return LockOwner(pid, hostname, appname) if pid > 0 else None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
            log.info("instance lock released: %s", self.path)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
