"""Start-up of the desktop program (DESIGN.md §4).

Order: logging (rotating file + faulthandler) → QApplication → exception hook → single-instance lock on the
database → open the database (backup + migrate) → demo data if asked → main window → event loop.

``start_app`` does everything up to a shown window and returns it (or an exit code), so tests run the real
start without entering the event loop. Every message box goes through a module-level function here
(``show_error``, ``show_warning``) that tests replace.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from odn_desktop import APP_AUTHOR, APP_NAME, __version__
from odn_desktop.domain.errors import UserError
from odn_desktop.logging_setup import configure_logging, reset_logging, start_rotating
from odn_desktop.paths import AppPaths, resolve_paths
from odn_desktop.store.revision import is_up_to_date
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.infra.resources import app_icon, resource_path
from odn_desktop.ui.infra.settings import app_settings

from . import crash
from .instance_lock import InstanceLock, InstanceLockError
from .language import install_translators
from .workspace_window import WorkspaceWindow

if TYPE_CHECKING:
    from odn_desktop.store.open import Database

__all__ = [
    "EXIT_ALREADY_RUNNING",
    "EXIT_CRASH",
    "EXIT_DATABASE_ERROR",
    "EXIT_OK",
    "StartedApp",
    "ensure_application",
    "resource_path",
    "run_gui",
    "start_app",
]

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ALREADY_RUNNING = 1
EXIT_DATABASE_ERROR = 2
EXIT_CRASH = crash.EXIT_AFTER_CRASH


translate = QCoreApplication.translate


# -- replaceable dialogs -----------------------------------------------------------------------------------


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def exec_event_loop(app: QApplication) -> int:
    return app.exec()


# -- pieces ------------------------------------------------------------------------------------------------


def ensure_application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication (tests create one first) or a new one, named and with our icon."""
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("a QCoreApplication without widgets is already running")
    app = existing if existing is not None else QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


_QT_LOG_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to our log file instead of a console the coordinator never sees."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    logging.getLogger("qt").log(_QT_LOG_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


@dataclass
class StartedApp:
    """A started program: the window is shown, the lock held, the database open."""

    app: QApplication
    window: WorkspaceWindow
    lock: InstanceLock
    ctx: AppContext
    paths: AppPaths
    exit_code: int | None = None  # set when opening the database after the first paint failed
    loader: QObject | None = field(default=None, repr=False)  # the database layer loading (load_database_layer)
    _closed: bool = field(default=False, repr=False)

    @property
    def db(self) -> Database | None:
        return self.ctx.db

    def shutdown(self) -> None:
        """Close the window, the database and release the lock (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.window.close()
        self.window.deleteLater()
        if self.ctx.db is not None:
            self.ctx.db.close()
        self.lock.release()
        log.info("odn-desktop closed (%s)", self.paths.database)


def system_text() -> str:
    """The system for the start's log line (``Windows 10.0.22631``, ``Linux 6.1.0``), read without the ``platform``
    module: importing it compiles a dozen regular expressions before the window's first paint (~1 ms)."""
    if sys.platform == "win32":
        version = sys.getwindowsversion()
        return f"Windows {version.major}.{version.minor}.{version.build}"
    else:  # (not after the if: mypy --platform win32 would call that unreachable)
        uname = os.uname()
        return f"{uname.sysname} {uname.release}"


def _log_start(paths: AppPaths, demo: bool) -> None:
    log.info(
        "odn-desktop %s starting (Python %s, PySide6 %s, Qt %s, %s)%s",
        __version__, sys.version.split()[0], pyside_version, qVersion(), system_text(),
        " with demo data" if demo else "",
    )
    log.info("database %s, log dir %s, backups %s", paths.database, paths.log_dir, paths.backup_dir)


def _daily_backup(paths: AppPaths) -> None:
    """The automatic backup, at most once a day (store/backups.py); a failure is logged, never stops the start."""
    from odn_desktop.store.backups import daily_backup as take_daily_backup

    try:
        take_daily_backup(paths.database, paths.backup_dir)
    except (OSError, sqlite3.Error):
        log.warning("daily backup of %s failed", paths.database, exc_info=True)


def _open(paths: AppPaths, demo: bool, *, recovering: bool = False,
          checked: Callable[[], None] | None = None) -> Database | int:
    """Check (``quick_check``), migrate and open the database; an exit code when the start must stop.

    A damaged file is kept as a copy and the newest intact backup offered in its place (``_recover_damaged``);
    the other storage faults (disk full, locked, read-only) end in their German message (``store.faults``)."""
    existed = paths.database.exists() and paths.database.stat().st_size > 0  # a new file has nothing to back up
    # the check reads the whole file in SQLite's C code: on a thread of its own it runs while SQLAlchemy loads
    if checked is None and existed:  # (or started earlier by the caller: ``checked`` waits for it)
        checked = _integrity_check_started(paths.database)
    from sqlalchemy.exc import SQLAlchemyError

    from odn_desktop.store.faults import DAMAGED, classify, describe
    from odn_desktop.store.open import open_database

    title = translate("app", "Datenbank kann nicht geöffnet werden")
    try:
        if checked is not None:
            checked()
        db = open_database(paths.database, backup_dir=paths.backup_dir)
    except (UserError, OSError, sqlite3.Error, SQLAlchemyError) as exc:
        fault = classify(exc)
        if fault is not None and fault.kind == DAMAGED and existed and not recovering:
            return _recover_damaged(paths, demo, fault.detail)
        if fault is not None:
            log.warning("database could not be opened: %s (%s)", fault.kind, fault.detail)
            show_error(None, title, fault.message + "\n\n" + translate("app", "Datenbankdatei: {path}").format(
                path=paths.database))
        elif isinstance(exc, UserError):
            log.warning("database refused: %s", exc.message)
            show_error(None, title, exc.message)
        else:
            log.error("database could not be opened: %s", describe(exc), exc_info=True)  # SQL parameters hidden
            show_error(None, title, translate("app", "Die Datenbank {path} konnte nicht geöffnet werden: {error}\n\n"
                                                  "Details stehen in der Protokolldatei: {log}").format(
                path=paths.database, error=describe(exc), log=paths.log_file))
        return EXIT_DATABASE_ERROR
    if db.backup_taken is not None:
        log.info("database migrated; backup taken before: %s", db.backup_taken)
    if existed:
        _daily_backup(paths)
    if demo:
        from odn_desktop.services.demo import load_demo
        from odn_desktop.store.database import transaction

        try:
            with transaction(db.sessions) as session:
                result = load_demo(session)
        except UserError as exc:
            db.close()
            show_error(None, translate("app", "Demodaten"), exc.message)
            return EXIT_DATABASE_ERROR
        log.info("demo data %s", "loaded" if result.created else "already present")
    return db


class _Loaded(QObject):
    """Hands the end of the loading thread to the main thread (``done`` emitted there, ``finish`` runs here)."""

    done = Signal()

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self._then = then
        self.done.connect(self.finish)  # this object lives on the main thread: queued from the loading thread

    @Slot()
    def finish(self) -> None:
        self._then()


#: what opening the database needs and takes long to import (SQLAlchemy, the ORM, the models, migrations), and
#: what the window needs right after it (the status bar's sync note reads the sync state)
DATABASE_LAYER = ("odn_desktop.store.open", "odn_desktop.store.recovery", "odn_desktop.store.backups",
                  "odn_desktop.store.faults", "sqlalchemy.exc", "odn_desktop.sync.engine")


def _checked_quietly(checked: Callable[[], None]) -> None:
    """Wait for an integrity check nobody needs any more (the window closed meanwhile)."""
    try:
        checked()
    except Exception:
        log.info("integrity check after closing", exc_info=True)


def load_database_layer(then: Callable[[], None]) -> QObject:
    """Import the database layer (``DATABASE_LAYER``) and configure the ORM's mappers on a thread, then call
    ``then`` on the main thread (which opens the database: errors, the recovery of a damaged file and every
    dialog stay there). Keep the returned object until then."""
    relay = _Loaded(then)

    def work() -> None:
        try:
            for name in DATABASE_LAYER:
                importlib.import_module(name)
            from sqlalchemy.orm import configure_mappers

            configure_mappers()
        except BaseException:  # the main thread's _open imports again and reports what fails
            log.warning("loading the database layer on a thread failed", exc_info=True)
        finally:
            relay.done.emit()

    threading.Thread(target=work, name="odn-database-layer", daemon=True).start()
    return relay


def _integrity_check_started(path: Path) -> Callable[[], None]:
    """``store.recovery.check_integrity`` (as ``open_database(check=True)`` runs it) started on a thread; the
    function returned waits for it and raises what it raised (a damaged file: ``StorageError``)."""
    from odn_desktop.store.faults import database_faults
    from odn_desktop.store.recovery import check_integrity

    failed: list[BaseException] = []

    def check() -> None:
        try:
            with database_faults():
                check_integrity(path)
        except BaseException as exc:  # handed to the thread that waits
            failed.append(exc)

    thread = threading.Thread(target=check, name="odn-integrity-check", daemon=True)
    thread.start()

    def result() -> None:
        thread.join()
        if failed:
            raise failed[0]

    return result


def _recover_damaged(paths: AppPaths, demo: bool, detail: str) -> Database | int:
    """The database file is damaged: keep a copy of it, offer the newest intact backup, put it in place, open."""
    from odn_desktop.store import recovery
    from odn_desktop.store.faults import classify

    from . import backup_ui

    title = translate("app", "Datenbank beschädigt")
    log.error("database %s is damaged (%s)", paths.database, detail)
    try:
        copy = recovery.keep_damaged_copy(paths.database)
    except OSError as exc:
        fault = classify(exc)
        log.error("no copy of the damaged database: %s", exc)
        text = translate("app", "Die Datenbankdatei {path} ist beschädigt. Von ihr konnte keine Kopie angelegt "
                                "werden, deshalb wurde sie nicht ersetzt.\n\n{reason}")
        show_error(None, title, text.format(path=paths.database, reason=fault.message if fault is not None else exc))
        return EXIT_DATABASE_ERROR
    newest = recovery.newest_intact_backup(paths.database, paths.backup_dir)
    chosen = backup_ui.ask_restore_damaged(None, paths.database, copy, newest, paths.backup_dir)
    if chosen is None:
        log.info("restoring a backup declined; the damaged file stays (copy: %s)", copy)
        return EXIT_DATABASE_ERROR
    try:
        recovery.replace_with_backup(paths.database, chosen)
    except (UserError, OSError, sqlite3.Error) as exc:
        fault = classify(exc)
        message = exc.message if isinstance(exc, UserError) else fault.message if fault is not None else str(exc)
        log.error("restoring %s over the damaged database failed: %s", chosen, message)
        show_error(None, title, message)
        return EXIT_DATABASE_ERROR
    log.warning("damaged database replaced by %s; the damaged file is kept as %s", chosen, copy)
    return _open(paths, demo, recovering=True)


def _database_opener(started: StartedApp, demo: bool) -> Callable[[], None]:
    """What runs once the window has painted: the database opened (or, opened before the window, announced)."""
    ctx, window, paths = started.ctx, started.window, started.paths

    def open_database_now() -> None:
        start_rotating()  # the log file's rotation, left out of the time to the first paint (logging_setup)
        if ctx.db is not None:
            ctx.ready.emit()
            return
        # the overview's rows first, read with plain sqlite3 (a file at the newest schema) and painted at once;
        # the database layer (SQLAlchemy) then loads on a thread while the window stays responsive
        if window.fill_first_page(paths.database):
            checked = _integrity_check_started(paths.database)  # meanwhile, in SQLite's C code
            started.loader = load_database_layer(lambda: open_with_services(checked))
            return
        open_with_services()

    def open_with_services(checked: Callable[[], None] | None = None) -> None:
        started.loader = None
        if started._closed:  # closed while the database layer loaded
            if checked is not None:
                _checked_quietly(checked)
            return
        opened = _open(paths, demo, checked=checked)
        if isinstance(opened, int):
            started.exit_code = opened
            started.app.exit(opened)
            return
        ctx.set_database(opened)

    return open_database_now


def start_app(
    paths: AppPaths,
    demo: bool = False,
    argv: Sequence[str] | None = None,
    *,
    show: bool = True,
) -> StartedApp | int:
    """Everything up to a shown main window; an exit code when the start must stop (message already shown)."""
    configure_logging(paths.log_dir, log_file=paths.log_file, rotate=False)  # rotating after the first paint
    _log_start(paths, demo)
    app = ensure_application(argv)
    crash.install_excepthook(paths.log_file)

    lock = InstanceLock(paths.lock_file)
    try:
        acquired = lock.acquire()
    except InstanceLockError as exc:
        log.error("instance lock could not be created: %s", exc)
        show_error(None, translate("app", "odn-desktop"), translate("app",
            "Die Sperrdatei {path} konnte nicht angelegt werden. Bitte prüfen Sie, ob der Ordner der Datenbank "
            "beschreibbar ist.").format(path=paths.lock_file))
        return EXIT_DATABASE_ERROR
    if not acquired:
        show_warning(None, translate("app", "odn-desktop"), translate("app",
            "odn-desktop ist bereits geöffnet (mit dieser Datenbank: {path}). Bitte wechseln Sie zum "
            "vorhandenen Fenster.").format(path=paths.database))
        return EXIT_ALREADY_RUNNING

    app_settings().upgrade()  # older keys moved once (domain.settings.UPGRADES), before the language is read
    install_translators(app)
    # Light start: when the file is up to date (the everyday case) the window paints first and the database
    # layer (SQLAlchemy) loads right after; a migration, a new file or demo data are handled before the window.
    lazy = not demo and is_up_to_date(paths.database)
    ctx = AppContext(None, paths)
    if not lazy:
        try:
            opened = _open(paths, demo)
        except BaseException:
            lock.release()
            raise
        if isinstance(opened, int):
            lock.release()
            return opened
        ctx.db = opened
    try:
        window = WorkspaceWindow(ctx, paths)
    except BaseException:  # a bug while starting: leave no open database or held lock behind
        if ctx.db is not None:
            ctx.db.close()
        lock.release()
        raise
    started = StartedApp(app=app, window=window, lock=lock, ctx=ctx, paths=paths)

    window.after_first_paint(_database_opener(started, demo))
    if show:
        window.show()
    return started


def _restore_process_hooks(previous_qt_handler: Callable[..., object] | None) -> None:
    qInstallMessageHandler(previous_qt_handler)
    crash.uninstall_excepthook()
    reset_logging()


def freeze_heap_once() -> None:
    """Once the database is open: move everything alive so far (modules, Qt wrappers, SQLAlchemy's mappers) out of
    the garbage collector's reach. A full collection started on a worker thread (the Auswertung page's figures,
    an import) holds the GIL while it walks every object; without the start-up heap the longest stall of the
    window measured at 100,000 registrations fell from about 150 ms to about 50 ms. Only in the real program:
    tests open many windows in one process, and frozen cyclic garbage is never collected."""
    if not gc.get_freeze_count():
        gc.collect()
        gc.freeze()


def run_gui(db: str | None = None, demo: bool = False, argv: list[str] | None = None) -> int:
    """The desktop program: start, run the event loop, clean up; returns the exit code."""
    paths = resolve_paths(db, demo=demo)
    previous_qt_handler = qInstallMessageHandler(qt_message_handler)
    # WORKAROUND: Python cannot handle Ctrl+C while Qt's event loop runs; let the terminal end us.
    # The lock of a killed process is detected as stale on the next start.
    previous_sigint = signal.signal(signal.SIGINT, signal.SIG_DFL)
    started: StartedApp | int = EXIT_DATABASE_ERROR
    try:
        try:
            started = start_app(paths, demo=demo, argv=argv)
        except Exception as exc:
            # A bug during start-up: logged, and the crash dialog once the hook is in (stderr before that).
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return EXIT_CRASH
        if isinstance(started, int):
            return started
        started.ctx.ready.connect(freeze_heap_once)
        code = exec_event_loop(started.app)
        if started.exit_code is not None:
            code = started.exit_code
        log.info("event loop ended with %s", code)
        return code
    finally:
        if isinstance(started, StartedApp):
            started.shutdown()
        signal.signal(signal.SIGINT, previous_sigint)
        _restore_process_hooks(previous_qt_handler)
