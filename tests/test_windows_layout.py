"""What is Windows-specific, tested here with PureWindowsPath: the folder layout under %LOCALAPPDATA% that
platformdirs gives the program on Windows, the length of the longest paths the program writes there (Windows'
260-character limit without the LongPathsEnabled policy), and file names Windows reserves for devices."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path, PureWindowsPath

import pytest

from odn_desktop import APP_NAME
from odn_desktop.domain.file_names import MAX_STEM, export_file_name, safe_file_part
from odn_desktop.paths import (
    DB_FILE_NAME,
    backup_dir_of,
    default_database,
    lock_file_of,
    log_file_in,
    platform_dirs,
)
from odn_desktop.selftest import REPORT_FILE_NAME
from odn_desktop.store.backups import MIGRATION_MARK, SUFFIX, daily_backup, restore_backup
from odn_desktop.store.migration_scripts import known_revisions
from odn_desktop.store.open import open_database

ROOT = Path(__file__).resolve().parents[1]
#: a user folder with umlauts and a space, as Windows creates it for "Jürgen Müller"
LOCAL = r"C:\Users\Jürgen Müller\AppData\Local"
ROAMING = r"C:\Users\Jürgen Müller\AppData\Roaming"
#: MAX_PATH is 260 including the terminating NUL: without LongPathsEnabled a path has at most 259 characters
WINDOWS_MAX_PATH = 259


def windows_dirs(monkeypatch: pytest.MonkeyPatch, local: str = LOCAL) -> tuple[PureWindowsPath, PureWindowsPath]:
    """platformdirs' own Windows class, with our arguments (``paths.platform_dirs``), resolving the known folders
    from the environment as it does on Windows without the shell API."""
    import platformdirs.windows

    monkeypatch.setenv("LOCALAPPDATA", local)
    monkeypatch.setenv("APPDATA", local.replace(r"\Local", r"\Roaming"))
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", platformdirs.windows.get_win_folder_from_env_vars)
    dirs = platform_dirs(platformdirs.windows.Windows)
    return PureWindowsPath(dirs.user_data_dir), PureWindowsPath(dirs.user_log_dir)


def test_the_windows_layout_under_localappdata(monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir, log_dir = windows_dirs(monkeypatch)
    assert data_dir == PureWindowsPath(r"C:\Users\Jürgen Müller\AppData\Local\odn\odn-desktop")
    assert ROAMING not in str(data_dir)  # local, not roaming: a database on a roaming profile is copied at logon
    database = default_database(data_dir)
    assert database == PureWindowsPath(LOCAL, "odn", "odn-desktop", "odn-desktop.sqlite")
    assert default_database(data_dir, demo=True).name == "odn-desktop-demo.sqlite"
    assert backup_dir_of(database) == PureWindowsPath(LOCAL, r"odn\odn-desktop\backups")
    assert lock_file_of(database) == PureWindowsPath(LOCAL, r"odn\odn-desktop\odn-desktop.sqlite.lock")
    assert log_dir == PureWindowsPath(LOCAL, r"odn\odn-desktop\Logs")
    assert log_file_in(log_dir) == PureWindowsPath(LOCAL, r"odn\odn-desktop\Logs\odn-desktop.log")
    # a database chosen elsewhere (--db on a network drive) keeps its backups beside it
    share = PureWindowsPath(r"\\server\Netzwerktreffen\Team\odn-desktop.sqlite")
    assert backup_dir_of(share) == PureWindowsPath(r"\\server\Netzwerktreffen\Team\backups")
    for path in (database, backup_dir_of(database), log_file_in(log_dir)):
        assert isinstance(path, PureWindowsPath) and path.drive == "C:"


def test_the_installer_and_the_packaging_notes_name_the_same_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir, log_dir = windows_dirs(monkeypatch)
    relative = data_dir.relative_to(LOCAL)
    iss = (ROOT / "packaging" / "odn-desktop.iss").read_text(encoding="utf-8-sig")
    assert f"ExpandConstant('{{localappdata}}\\{relative}')" in iss  # what the uninstaller says stays
    notes = " ".join((ROOT / "packaging" / "README.md").read_text(encoding="utf-8").split())
    assert f"`%LOCALAPPDATA%\\{relative}\\` – the database `{DB_FILE_NAME}`" in notes
    assert f"`%LOCALAPPDATA%\\{log_dir.relative_to(LOCAL)}\\{REPORT_FILE_NAME}`" in notes
    assert APP_NAME in relative.parts


def test_the_longest_paths_below_the_data_folder_fit_windows_limit(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without the LongPathsEnabled policy Windows refuses paths of 260 characters and more. The program's own
    files go below %LOCALAPPDATA%; with a long profile folder (a domain account's "name.DOMAIN.000") the longest
    of them – the backup taken before a second restore in the same second, a backup before migration – must
    still fit with room to spare."""
    profile = "Jürgen Müller-Lüdenscheidt.NETZWERKTREFFEN-KOMMUNEN.000"
    data_dir, log_dir = windows_dirs(monkeypatch, rf"C:\Users\{profile}\AppData\Local")
    database = default_database(data_dir)
    # the backup names as the program writes them: daily, and before a restore twice in the same second
    here = tmp_path / DB_FILE_NAME
    open_database(here).close()
    now = datetime(2026, 12, 31, 22, 59, 59, tzinfo=UTC)
    daily = daily_backup(here, tmp_path / "backups", now=now)
    assert daily is not None
    before_restore = [restore_backup(here, daily, tmp_path / "backups", now=now).name for _ in range(2)]
    assert before_restore[1].endswith(f"-2{SUFFIX}")
    # before a migration: "<stem>-vor-migration-<revision>-<YYYYmmdd-HHMMSS>.sqlite" (store.migrate.migrate)
    revision = max(known_revisions(), key=len)
    before_migration = f"{database.stem}-{MIGRATION_MARK}-{revision}-20261231-235959{SUFFIX}"
    longest = max(
        [backup_dir_of(database) / name for name in (daily.name, *before_restore, before_migration)]
        + [database.with_name(database.name + "-wal"), lock_file_of(database), log_dir / REPORT_FILE_NAME,
           log_file_in(log_dir)],
        key=lambda p: len(str(p)),
    )
    assert len(str(longest)) <= WINDOWS_MAX_PATH - 60, (len(str(longest)), longest)


def test_export_names_leave_room_in_an_ordinary_folder() -> None:
    """File names the program proposes are capped (``MAX_STEM``): saved into a deep but ordinary folder of a long
    profile, the whole path stays within Windows' limit."""
    folder = PureWindowsPath(r"C:\Users\Jürgen Müller-Lüdenscheidt\Documents\Netzwerktreffen\2021\Dezember")
    name = export_file_name("Anwesenheitsliste " * 10, "Open-Data-Netzwerktreffen " * 20, ".xlsx", date(2021, 12, 2))
    assert len(name) <= MAX_STEM + len(".xlsx")
    assert len(str(folder / name)) <= WINDOWS_MAX_PATH


# -- names Windows reserves for devices -------------------------------------------------------------------------

#: Microsoft's list ("Naming Files, Paths, and Namespaces"): the superscript digits count as digits, and the
#: console's CONIN$/CONOUT$ open the console as well
DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                     *(f"{port}{n}" for port in ("COM", "LPT") for n in "123456789¹²³")})


def reserved_on_windows(name: str) -> bool:
    """A device name, also with an extension ("NUL.txt", "nul.tar.gz") and trailing spaces before it ("CON .x"):
    Windows compares the part before the first dot, without trailing spaces, case-insensitively."""
    return name.partition(".")[0].rstrip(" ").upper() in DEVICES


def test_the_reference_rule() -> None:
    assert reserved_on_windows("nul") and reserved_on_windows("Con.txt") and reserved_on_windows("LPT1 .tar.gz")
    assert reserved_on_windows("COM¹") and reserved_on_windows("conin$.log")
    assert not reserved_on_windows("CONSOLE") and not reserved_on_windows("Nulltarif.pdf")
    assert not reserved_on_windows("_CON") and not reserved_on_windows("COM0") and not reserved_on_windows("CON_.txt")


@pytest.mark.parametrize("name", ["CON", "con", "Aux", "nul ", "PRN", "COM1", "lpt9", "LPT1 "])
def test_plain_device_names_become_ordinary_names(name: str) -> None:
    safe = safe_file_part(name)
    assert not reserved_on_windows(safe), safe
    assert not reserved_on_windows(safe + ".pdf"), safe  # as the stem of a file with an ending


@pytest.mark.parametrize("name", ["CON.txt", "nul.2021", "AUX .Daten", "COM¹", "LPT³", "CONIN$", "conout$"])
def test_device_names_with_an_ending_or_less_common_devices(name: str) -> None:
    safe = safe_file_part(name)
    assert not reserved_on_windows(safe), safe


@pytest.mark.parametrize("kind", ["NUL", "con", "Com3"])
def test_export_names_are_never_device_names(kind: str) -> None:
    for when in (None, date(2021, 12, 2)):
        name = export_file_name(kind, "", ".xlsx", when)
        assert not reserved_on_windows(name), name
