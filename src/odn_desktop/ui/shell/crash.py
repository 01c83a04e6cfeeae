"""Uncaught exceptions: log them with the traceback, then tell the coordinator without ending the program.

Two kinds (see DESIGN.md §4): a ``UserError`` that slipped through to the hook carries a German message meant
for the coordinator and is shown as a plain warning – so is a storage fault (disk full, database locked or
damaged, read-only file; ``store.faults`` classifies also the raw sqlite3/SQLAlchemy/OS errors), without a
traceback and without the SQL text in the log; anything else is a bug and gets the crash dialog with the log
file's path. The dialogs are module-level functions so tests (and a later, richer crash report) can
replace them. Exceptions raised in other threads are logged there and shown on the GUI thread via a queued
signal: widgets are only ever touched from the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from odn_desktop.domain.errors import UserError
from odn_desktop.store.faults import classify, describe

log = logging.getLogger(__name__)

EXIT_AFTER_CRASH = 3

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


translate = QCoreApplication.translate


def crash_message(log_file: Path | None) -> str:
    text = translate("crash", "Ein unerwarteter Fehler ist aufgetreten. Das Programm läuft weiter; bitte prüfen "
                              "Sie, ob Ihre letzte Änderung gespeichert wurde.")
    if log_file is not None:
        text += "\n\n" + translate("crash", "Details stehen in der Protokolldatei: {path}").format(path=log_file)
    return text


# -- replaceable dialogs -----------------------------------------------------------------------------------


def show_crash_dialog(parent: QWidget | None, text: str, details: str, log_file: Path | None) -> None:
    """The crash dialog: message, log path, traceback behind "Details"; the coordinator may also quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("crash", "odn-desktop – unerwarteter Fehler"))
    box.setText(text)
    box.setDetailedText(details)
    box.addButton(translate("crash", "Weiterarbeiten"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(translate("crash", "Programm beenden"), QMessageBox.ButtonRole.DestructiveRole)
    box.exec()
    if box.clickedButton() is quit_button:
        QCoreApplication.exit(EXIT_AFTER_CRASH)


def show_user_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, translate("crash", "odn-desktop"), message)


# -- the hook ----------------------------------------------------------------------------------------------


class _GuiBridge(QObject):
    """Lives in the GUI thread; a signal emitted from a worker thread is delivered there (queued)."""

    report = Signal(str, str, str)  # kind ("user" or "crash"), message, details

    def __init__(self, log_file: Path | None) -> None:
        super().__init__()
        self.log_file = log_file
        self._showing = False
        self.report.connect(self._show)

    @Slot(str, str, str)
    def _show(self, kind: str, message: str, details: str) -> None:
        if self._showing:  # an exception while a dialog's own event loop runs: logged, one dialog is enough
            return
        self._showing = True
        try:
            parent = QApplication.activeWindow()
            if kind == "user":
                show_user_error(parent, message)
            else:
                show_crash_dialog(parent, message, details, self.log_file)
        finally:
            self._showing = False


class ExceptHook:
    """Callable for ``sys.excepthook`` (and, adapted, ``threading.excepthook``)."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self._bridge = _GuiBridge(log_file)

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.handle((exc_type, exc, tb))

    def handle(self, info: ExcInfo) -> None:
        exc_type, exc, tb = info
        if issubclass(exc_type, KeyboardInterrupt):
            log.info("interrupted (Ctrl+C)")
            QCoreApplication.exit(130)
            return
        fault = classify(exc)
        if fault is not None:
            # disk full, database locked/damaged, read-only file: the German message, no crash dialog. The log
            # gets the frames and a safe description only: the text of SQLAlchemy's error carries the SQL.
            log.warning("storage fault (%s) reached the exception hook: %s\n%s", fault.kind, describe(exc),
                        "".join(traceback.format_tb(tb)).rstrip())
            self._report("user", fault.message, "")
            return
        if isinstance(exc, UserError):
            log.warning("user error reached the exception hook: %s", exc.message, exc_info=info)
            self._report("user", exc.message, "")
            return
        log.critical("uncaught exception", exc_info=info)
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        self._report("crash", crash_message(self.log_file), details)

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:  # SystemExit without a value from a thread
            return
        self.handle((args.exc_type, args.exc_value, args.exc_traceback))

    def _report(self, kind: str, message: str, details: str) -> None:
        if QApplication.instance() is None:  # no GUI (yet or any more): the log and stderr must do
            sys.stderr.write(message + "\n" + details)
            return
        self._bridge.report.emit(kind, message, details)


class _Installed:
    hook: ExceptHook | None = None
    previous_sys: object = None
    previous_threading: object = None


_installed = _Installed()


def install_excepthook(log_file: Path | None) -> ExceptHook:
    """Install the hook (replacing one installed earlier); must be called on the GUI thread."""
    uninstall_excepthook()
    hook = ExceptHook(log_file)
    _installed.hook = hook
    _installed.previous_sys = sys.excepthook
    _installed.previous_threading = threading.excepthook
    sys.excepthook = hook
    threading.excepthook = hook.handle_thread
    return hook


def uninstall_excepthook() -> None:
    """Put back the hooks that were there before ``install_excepthook``."""
    hook = _installed.hook
    if hook is None:
        return
    if sys.excepthook is hook:
        sys.excepthook = _installed.previous_sys  # type: ignore[assignment]
    if threading.excepthook == hook.handle_thread:
        threading.excepthook = _installed.previous_threading  # type: ignore[assignment]
    _installed.hook = None
    _installed.previous_sys = _installed.previous_threading = None
