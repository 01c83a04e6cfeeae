"""Where odn-desktop keeps its files, resolved once at start-up.

Default locations come from platformdirs (``%LOCALAPPDATA%\\odn\\odn-desktop`` on Windows); ``--db PATH`` or the
environment variable ``ODN_DB`` choose another database file, e.g. a demo copy or a test file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from . import APP_AUTHOR, APP_NAME

DB_ENV_VAR = "ODN_DB"
DB_FILE_NAME = "odn-desktop.sqlite"
DEMO_DB_FILE_NAME = "odn-desktop-demo.sqlite"


@dataclass(frozen=True)
class AppPaths:
    database: Path
    data_dir: Path
    log_dir: Path
    backup_dir: Path

    @property
    def log_file(self) -> Path:
        return self.log_dir / "odn-desktop.log"

    @property
    def lock_file(self) -> Path:
        return self.database.with_name(self.database.name + ".lock")


def platform_dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, APP_AUTHOR, roaming=False)


def resolve_paths(db: str | os.PathLike[str] | None = None, *, demo: bool = False) -> AppPaths:
    """Explicit ``db`` wins over ``ODN_DB``, which wins over the platform default."""
    dirs = platform_dirs()
    data_dir = Path(dirs.user_data_dir)
    if db is not None:
        database = Path(db)
    elif demo:
        database = data_dir / DEMO_DB_FILE_NAME
    elif os.environ.get(DB_ENV_VAR):
        database = Path(os.environ[DB_ENV_VAR])
    else:
        database = data_dir / DB_FILE_NAME
    database = database.expanduser().resolve()
    return AppPaths(
        database=database,
        data_dir=data_dir,
        log_dir=Path(dirs.user_log_dir),
        backup_dir=database.parent / "backups",
    )
