"""UI fixtures: no real dialog ever opens, settings and logs stay in tmp, process-wide hooks are put back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from odn_desktop.logging_setup import reset_logging
from odn_desktop.paths import AppPaths
from odn_desktop.services.demo import load_demo
from odn_desktop.services.events import list_event_rows
from odn_desktop.services.rows import EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database, open_database
from odn_desktop.ui.dialogs import attendance_options, duplicate_dialog, mail_ui, organizer_settings
from odn_desktop.ui.editors.event import details_tab
from odn_desktop.ui.infra import context
from odn_desktop.ui.shell import app as app_module
from odn_desktop.ui.shell import backup_ui, crash

# WORKAROUND: the offscreen platform plugin warns on every top-level window shown; it says nothing about our
# code, and qt_log_level_fail = WARNING would fail each window test on it.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@dataclass
class DialogRecorder:
    """Every replaced dialog call as (kind, args)."""

    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def of(self, kind: str) -> list[tuple[Any, ...]]:
        return [args for k, args in self.calls if k == kind]

    def record(self, kind: str) -> Any:
        def fake(*args: Any) -> None:
            self.calls.append((kind, args))

        return fake


@pytest.fixture(autouse=True, scope="session")
def german_window(german_translators: Any) -> None:
    """Every window test speaks German as the program does, counts included ("1 Kontakt", "2 Kontakte")."""


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    recorder = DialogRecorder()
    monkeypatch.setattr(app_module, "show_error", recorder.record("error"))
    monkeypatch.setattr(app_module, "show_warning", recorder.record("warning"))
    monkeypatch.setattr(crash, "show_crash_dialog", recorder.record("crash"))
    monkeypatch.setattr(crash, "show_user_error", recorder.record("user_error"))
    monkeypatch.setattr(backup_ui, "show_about_box", recorder.record("about"))
    monkeypatch.setattr(backup_ui, "choose_backup_file", recorder.record("choose_backup"))
    monkeypatch.setattr(backup_ui, "confirm_restore", recorder.record("confirm_restore"))
    monkeypatch.setattr(backup_ui, "open_folder", recorder.record("open_folder"))
    monkeypatch.setattr(backup_ui, "ask_restore_damaged", recorder.record("ask_restore_damaged"))  # None: quit
    monkeypatch.setattr(context, "show_user_error", recorder.record("user_error"))
    monkeypatch.setattr(context, "show_information", recorder.record("information"))
    # who moved up: recorded like an information; None = "Schließen" (no mail editor)
    monkeypatch.setattr(mail_ui, "ask_notify_promoted", recorder.record("information"))
    monkeypatch.setattr(organizer_settings, "ask_organizer", recorder.record("ask_organizer"))  # None: cancelled
    monkeypatch.setattr(duplicate_dialog, "ask_next_meeting", recorder.record("ask_next_meeting"))  # None: cancelled
    monkeypatch.setattr(details_tab, "ask_move_along", recorder.record("ask_move_along"))  # None: do not move
    monkeypatch.setattr(attendance_options, "exec_dialog", lambda _dialog: 1)  # the list's options as last chosen
    return recorder


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs (data, logs) and Qt point into tmp: a test never writes into the real user folders."""
    home = tmp_path / "home"
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("ODN_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def restore_process_hooks() -> Iterator[None]:
    yield
    crash.uninstall_excepthook()
    reset_logging()


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    """Explicit paths under tmp (spaces and umlauts, as in Windows user folders)."""
    base = tmp_path / "Benutzer ä"
    return AppPaths(
        database=base / "Daten" / "odn.sqlite",
        data_dir=base / "Daten",
        log_dir=base / "Protokolle",
        backup_dir=base / "Daten" / "backups",
    )


@pytest.fixture
def existing_database(app_paths: AppPaths) -> AppPaths:
    """An up-to-date file with the demo data: the everyday start, where the window paints before the database."""
    app_paths.database.parent.mkdir(parents=True)
    db = open_database(app_paths.database)
    with transaction(db.sessions) as session:
        load_demo(session)
    db.close()
    return app_paths


@pytest.fixture
def demo_rows(demo_db: Database) -> list[EventRow]:
    with transaction(demo_db.sessions) as session:
        return list_event_rows(session)


@pytest.fixture
def december_row(demo_rows: list[EventRow]) -> EventRow:
    """The 2 December 2021 meeting as the service reports it."""
    return next(r for r in demo_rows if r.title == "Open-Data-Netzwerktreffen" and r.starts_at.month == 12)


@pytest.fixture
def kickoff_row(demo_rows: list[EventRow]) -> EventRow:
    return next(r for r in demo_rows if "Auftakt" in r.title)
