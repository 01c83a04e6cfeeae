"""Start-up: logging, icon, single-instance lock, refusing a newer database, the exception hook, run_gui."""

from __future__ import annotations

import faulthandler
import logging
import socket
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from odn_desktop import logging_setup
from odn_desktop.domain.errors import UserError
from odn_desktop.paths import AppPaths, resolve_paths
from odn_desktop.store.open import open_database
from odn_desktop.ui.shell import app as app_module
from odn_desktop.ui.shell import crash
from odn_desktop.ui.shell.app import (
    EXIT_ALREADY_RUNNING,
    EXIT_CRASH,
    EXIT_DATABASE_ERROR,
    StartedApp,
    resource_path,
    run_gui,
    start_app,
)
from odn_desktop.ui.shell.instance_lock import InstanceLock
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def started(qapp: QApplication, app_paths: AppPaths) -> Iterator[StartedApp]:
    result = start_app(app_paths, demo=True)
    assert isinstance(result, StartedApp)
    yield result
    result.shutdown()


def _event_count(window: WorkspaceWindow) -> int:
    page = window.events_page()
    page.reload()
    return page.model.rowCount()


def _raise(exc: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise exc
    except BaseException as caught:  # the real traceback object, as the hook gets it
        return type(caught), caught, caught.__traceback__


# -- a normal start ----------------------------------------------------------------------------------------


def test_start_shows_the_window_with_demo_data(started: StartedApp, app_paths: AppPaths, qtbot: QtBot) -> None:
    qtbot.waitExposed(started.window)
    assert started.window.isVisible()
    assert _event_count(started.window) == 3  # the demo: two meetings of 2021 and a coming one
    assert started.app.applicationName() == "odn-desktop"
    assert started.app.organizationName() == "odn"
    assert not started.app.windowIcon().isNull()
    assert app_paths.database.exists()
    assert started.lock.held and app_paths.lock_file.exists()


def test_shutdown_releases_the_lock(qapp: QApplication, app_paths: AppPaths) -> None:
    result = start_app(app_paths, demo=False, show=False)
    assert isinstance(result, StartedApp)
    result.shutdown()
    result.shutdown()  # idempotent
    with InstanceLock(app_paths.lock_file) as lock:
        assert lock.acquire()


def test_icon_is_found_in_the_source_tree() -> None:
    icon = resource_path("icons", "odn-desktop.svg")
    assert icon == REPO / "resources" / "icons" / "odn-desktop.svg"
    assert "<svg" in icon.read_text(encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        resource_path("icons", "gibt-es-nicht.svg")


def test_logging_goes_to_a_rotating_file_in_the_platform_log_dir(qtbot: QtBot, isolated_home: Path) -> None:
    paths = resolve_paths(None, demo=True)  # platformdirs, pointed into tmp by the isolated_home fixture
    assert paths.log_dir.is_relative_to(isolated_home) and paths.database.is_relative_to(isolated_home)

    result = start_app(paths, demo=True, show=False)
    assert isinstance(result, StartedApp)
    try:
        # until the first paint the lines go to the same file without rotation (logging.handlers costs 4 ms)
        assert not any(isinstance(h, RotatingFileHandler) for h in logging.getLogger().handlers)
        assert "starting" in paths.log_file.read_text(encoding="utf-8")
        result.window.show()
        qtbot.waitUntil(lambda: any(isinstance(h, RotatingFileHandler) for h in logging.getLogger().handlers))
        logging.getLogger("odn_desktop.test").info("Grüße aus dem Test")
        handlers = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
        assert [Path(h.baseFilename) for h in handlers] == [paths.log_file]
        assert handlers[0].maxBytes == 1_000_000 and handlers[0].backupCount == 5
        text = paths.log_file.read_text(encoding="utf-8")
        assert "odn-desktop" in text and "starting" in text and str(paths.database) in text
        assert "Grüße aus dem Test" in text
        assert faulthandler.is_enabled()
        assert logging_setup.fault_log_file() == paths.log_dir / logging_setup.FAULT_FILE_NAME
    finally:
        result.shutdown()
    logging_setup.reset_logging()
    assert not any(isinstance(h, RotatingFileHandler) for h in logging.getLogger().handlers)


def test_log_file_rotates_at_about_one_megabyte(tmp_path: Path) -> None:
    log_file = logging_setup.configure_logging(tmp_path / "logs", enable_faulthandler=False)
    logger = logging.getLogger("odn_desktop.rotation")
    for _ in range(1300):
        logger.info("x" * 1000)
    logging_setup.reset_logging()
    rotated = sorted(p.name for p in log_file.parent.glob("odn-desktop.log*"))
    assert rotated == ["odn-desktop.log", "odn-desktop.log.1"]
    assert log_file.stat().st_size <= logging_setup.MAX_LOG_BYTES


# -- one window per database -------------------------------------------------------------------------------


def test_second_start_on_the_same_database_is_refused(started: StartedApp, app_paths: AppPaths,
                                                      dialogs: Any) -> None:
    before = app_paths.database.read_bytes()
    assert start_app(app_paths, demo=False) == EXIT_ALREADY_RUNNING
    (_parent, _title, text), = dialogs.of("warning")
    assert "odn-desktop ist bereits geöffnet (mit dieser Datenbank: " in text
    assert str(app_paths.database) in text
    assert app_paths.database.read_bytes() == before
    assert started.lock.held  # the first instance keeps its lock


def test_another_database_may_be_open_at_the_same_time(started: StartedApp, app_paths: AppPaths,
                                                       tmp_path: Path) -> None:
    other = AppPaths(database=tmp_path / "andere.sqlite", data_dir=tmp_path, log_dir=app_paths.log_dir,
                     backup_dir=tmp_path / "backups")
    second = start_app(other, demo=False, show=False)
    assert isinstance(second, StartedApp)
    second.shutdown()


def test_lock_left_by_a_dead_process_is_taken_over(qapp: QApplication, app_paths: AppPaths) -> None:
    app_paths.lock_file.parent.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    # QLockFile's format: pid, application name, host name (one per line)
    app_paths.lock_file.write_text(f"{dead.stdout.strip()}\npython3\n{socket.gethostname()}\n", encoding="utf-8")
    result = start_app(app_paths, demo=False, show=False)
    assert isinstance(result, StartedApp)
    result.shutdown()


# -- a database this version must not touch ----------------------------------------------------------------


def test_newer_database_is_refused_without_writing(qapp: QApplication, app_paths: AppPaths,
                                                   dialogs: Any) -> None:
    app_paths.database.parent.mkdir(parents=True)
    open_database(app_paths.database).close()
    conn = sqlite3.connect(app_paths.database)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_future'")
    conn.close()
    before = app_paths.database.read_bytes()

    assert start_app(app_paths, demo=True) == EXIT_DATABASE_ERROR

    (_parent, title, text), = dialogs.of("error")
    assert "neueren Version" in text
    assert title == "Datenbank kann nicht geöffnet werden"
    assert app_paths.database.read_bytes() == before
    assert not app_paths.backup_dir.exists()
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, WorkspaceWindow) and w.isVisible()] == []
    with InstanceLock(app_paths.lock_file) as lock:  # released again
        assert lock.acquire()


# -- uncaught exceptions -----------------------------------------------------------------------------------


def test_bug_is_logged_and_shown_with_the_log_path(started: StartedApp, app_paths: AppPaths,
                                                   dialogs: Any) -> None:
    assert sys.excepthook is not sys.__excepthook__
    sys.excepthook(*_raise(RuntimeError("kaputt im Test")))  # type: ignore[arg-type]

    text = app_paths.log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "RuntimeError: kaputt im Test" in text
    (_parent, message, details, log_file), = dialogs.of("crash")
    assert log_file == app_paths.log_file
    assert "Ein unerwarteter Fehler ist aufgetreten" in message
    assert f"Details stehen in der Protokolldatei: {app_paths.log_file}" in message
    assert "RuntimeError: kaputt im Test" in details
    assert dialogs.of("user_error") == []
    assert started.window.isVisible()  # the program keeps running


def test_user_error_reaching_the_hook_is_a_plain_warning(started: StartedApp, dialogs: Any) -> None:
    sys.excepthook(*_raise(UserError("Die Datei ist in Excel geöffnet.")))  # type: ignore[arg-type]
    assert [args[1] for args in dialogs.of("user_error")] == ["Die Datei ist in Excel geöffnet."]
    assert dialogs.of("crash") == []


def test_exception_in_a_worker_thread_is_shown_on_the_gui_thread(
    started: StartedApp, qtbot: QtBot, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen_in: list[bool] = []
    original = crash.show_crash_dialog

    def record(*args: object) -> None:
        seen_in.append(threading.current_thread() is threading.main_thread())
        original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(crash, "show_crash_dialog", record)
    worker = threading.Thread(target=lambda: 1 / 0, name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(dialogs.of("crash")))
    assert seen_in == [True]
    assert "ZeroDivisionError" in dialogs.of("crash")[0][2]


def test_hooks_are_put_back(qapp: QApplication, app_paths: AppPaths) -> None:
    before = sys.excepthook, threading.excepthook
    hook = crash.install_excepthook(app_paths.log_file)
    assert sys.excepthook is hook
    crash.uninstall_excepthook()
    assert (sys.excepthook, threading.excepthook) == before


# -- run_gui -------------------------------------------------------------------------------------------------


def test_run_gui_shows_the_window_and_cleans_up(qapp: QApplication, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "gui.sqlite"
    seen: list[int] = []

    def fake_exec(app: QApplication) -> int:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, WorkspaceWindow) and w.isVisible()]
        seen.append(_event_count(windows[0]))
        return 0

    monkeypatch.setattr(app_module, "exec_event_loop", fake_exec)
    hook_before = sys.excepthook
    assert run_gui(db=str(database), demo=True) == 0
    assert seen == [3]
    assert sys.excepthook is hook_before
    assert logging_setup.current_log_file() is None
    with InstanceLock(database.with_name(database.name + ".lock")) as lock:
        assert lock.acquire()


def test_run_gui_reports_a_bug_during_start_and_releases_everything(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: Any
) -> None:
    database = tmp_path / "gui.sqlite"

    def broken_window(*_args: object) -> None:
        raise RuntimeError("Fenster kaputt")

    monkeypatch.setattr(app_module, "WorkspaceWindow", broken_window)
    assert run_gui(db=str(database)) == EXIT_CRASH
    (_parent, _message, details, log_file), = dialogs.of("crash")
    assert "RuntimeError: Fenster kaputt" in details
    assert log_file == resolve_paths(str(database)).log_file
    assert log_file.is_relative_to(tmp_path)
    with InstanceLock(database.with_name(database.name + ".lock")) as lock:
        assert lock.acquire()


def test_run_gui_returns_1_when_the_database_is_open_elsewhere(qapp: QApplication, tmp_path: Path,
                                                               dialogs: Any) -> None:
    database = tmp_path / "gui.sqlite"
    with InstanceLock(database.with_name(database.name + ".lock")) as lock:
        assert lock.acquire()
        assert run_gui(db=str(database)) == EXIT_ALREADY_RUNNING
    assert not database.exists()  # the database was never touched
    assert len(dialogs.of("warning")) == 1


# -- the CLI stays free of Qt --------------------------------------------------------------------------------


def test_cli_commands_never_import_qt(tmp_path: Path) -> None:
    database = tmp_path / "cli ä.sqlite"
    demo = subprocess.run([sys.executable, "-m", "odn_desktop", "--db", str(database), "demo"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert demo.returncode == 0, demo.stderr
    script = textwrap.dedent(f"""
        import io, sys
        from odn_desktop import cli
        sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        code = cli.main(["--db", {str(database)!r}, "events", "list", "--json"])
        sys.stdout = sys.__stdout__
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "odn_desktop.ui")))
        print(code, qt)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 []"


def test_the_start_names_the_system_without_the_platform_module() -> None:
    import platform

    assert app_module.system_text().startswith(platform.system() + " ")
    if sys.platform != "win32":  # Windows: "Windows 10.0.22631" where platform.release() says "10"
        assert app_module.system_text() == f"{platform.system()} {platform.release()}"
    code = "import sys, odn_desktop.ui.shell.app; print('platform' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "False"  # its import compiles a dozen regexes before the first paint
