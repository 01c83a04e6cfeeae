"""Where odn-desktop keeps its files, resolved once at start-up.

Default locations come from platformdirs (``%LOCALAPPDATA%\\odn\\odn-desktop`` on Windows); ``--db PATH`` or the
environment variable ``ODN_DB`` choose another database file, e.g. a demo copy or a test file.

The layout (which file goes where below the folders platformdirs gives) is made of small functions that work on
any flavour of path, so the Windows layout is computed and tested with ``PureWindowsPath`` on any machine
(``tests/test_windows_layout.py``), together with platformdirs' own Windows class.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TypeVar

from platformdirs import PlatformDirs
from platformdirs.api import PlatformDirsABC

from . import APP_AUTHOR, APP_NAME

DB_ENV_VAR = "ODN_DB"
DB_FILE_NAME = "odn-desktop.sqlite"
DEMO_DB_FILE_NAME = "odn-desktop-demo.sqlite"
LOG_FILE_NAME = "odn-desktop.log"
#: the backups' folder, beside the database: a database chosen with --db keeps its backups beside it
BACKUP_FOLDER_NAME = "backups"

P = TypeVar("P", bound=PurePath)


def default_database(data_dir: P, *, demo: bool = False) -> P:
    return data_dir / (DEMO_DB_FILE_NAME if demo else DB_FILE_NAME)


def backup_dir_of(database: P) -> P:
    return database.parent / BACKUP_FOLDER_NAME


def log_file_in(log_dir: P) -> P:
    return log_dir / LOG_FILE_NAME


def lock_file_of(database: P) -> P:
    return database.with_name(database.name + ".lock")


@dataclass(frozen=True)
class AppPaths:
    database: Path
    data_dir: Path
    log_dir: Path
    backup_dir: Path

    @property
    def log_file(self) -> Path:
        return log_file_in(self.log_dir)

    @property
    def lock_file(self) -> Path:
        return lock_file_of(self.database)


def platform_dirs(platform: type[PlatformDirsABC] = PlatformDirs) -> PlatformDirsABC:
    """The program's folders on this platform; ``platform`` another one's class (``platformdirs.windows.Windows``
    computes the Windows folders on any machine)."""
    return platform(APP_NAME, APP_AUTHOR, roaming=False)


def resolve_paths(db: str | os.PathLike[str] | None = None, *, demo: bool = False) -> AppPaths:
    """Explicit ``db`` wins over ``ODN_DB``, which wins over the platform default."""
    dirs = platform_dirs()
    data_dir = Path(dirs.user_data_dir)
    if db is not None:
        database = Path(db)
    elif demo:
        database = default_database(data_dir, demo=True)
    elif os.environ.get(DB_ENV_VAR):
        database = Path(os.environ[DB_ENV_VAR])
    else:
        database = default_database(data_dir)
    database = database.expanduser().resolve()
    return AppPaths(
        database=database,
        data_dir=data_dir,
        log_dir=Path(dirs.user_log_dir),
        backup_dir=backup_dir_of(database),
    )
