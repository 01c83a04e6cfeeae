"""What every page of the workspace shares: the database, the undo stack, and change notifications.

One ``AppContext`` is made per main window and handed to each page (no global registry, DESIGN.md §6). Pages
never write SQL: they call services through ``ctx.read`` (a short read transaction returning snapshots) or
``ctx.push`` (an undoable command, see ``undo.py``). After a command the context emits ``changed`` with the
kinds of data touched, and each page reloads what it shows.

The database may open after the window first paints (start-up stays light); pages query only after
``ready`` was emitted (``ctx.is_ready``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from odn_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.paths import AppPaths
    from odn_desktop.store.open import Database

    from .undo import ServiceCommand

T = TypeVar("T")

#: Kinds of data a change can touch; pages subscribe to the ones they show.
KINDS = ("events", "registrations", "agenda", "speakers", "contacts", "tasks")


def show_user_error(parent: QWidget | None, message: str) -> None:
    """A user error, shown as it is (German). Replaced in tests."""
    QMessageBox.warning(parent, QCoreApplication.translate("AppContext", "Hinweis"), message)


def show_information(parent: QWidget | None, title: str, message: str) -> None:
    """An information the coordinator must act on (e.g. who moved up). Replaced in tests."""
    QMessageBox.information(parent, title, message)


class AppContext(QObject):
    #: emitted with a tuple of kinds ("events", "registrations", ...) after data changed
    changed = Signal(object)
    #: emitted once the database is open and migrated
    ready = Signal()
    #: a short note for the status bar
    status_message = Signal(str)

    def __init__(self, db: Database | None = None, paths: AppPaths | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.paths = paths
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)

    @property
    def is_ready(self) -> bool:
        return self.db is not None

    def set_database(self, db: Database) -> None:
        self.db = db
        self.ready.emit()

    # -- reading -------------------------------------------------------------------------------------------

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a short transaction and return its (plain, snapshot) result."""
        from odn_desktop.store.database import transaction
        from odn_desktop.ui.shell.lock_wait import run_waiting

        if self.db is None:
            raise RuntimeError("database not open yet")
        sessions = self.db.sessions

        def attempt() -> T:
            with transaction(sessions) as session:
                return fn(session)

        return run_waiting(attempt, self)  # a lock held by another program: waited for visibly, then retried

    def write(self, fn: Callable[[Session], T], kinds: tuple[str, ...] = ()) -> T:
        """A change that is not undoable (rare: e.g. settings-like data). Prefer ``push``."""
        result = self.read(fn)
        if kinds:
            self.changed.emit(kinds)
        return result

    # -- undoable changes ----------------------------------------------------------------------------------

    def push(self, command: ServiceCommand[Any], parent: QWidget | None = None) -> bool:
        """Run a command once; on success put it on the undo stack. A UserError is shown and nothing changes."""
        try:
            command.run_first()
        except UserError as exc:
            show_user_error(parent, exc.message)
            return False
        self.undo_stack.push(command)  # redo() skips the first call: run_first did the work
        return True

    def try_read(self, fn: Callable[[Session], T], parent: QWidget | None = None) -> T | None:
        """``read`` that shows a UserError instead of raising it."""
        try:
            return self.read(fn)
        except UserError as exc:
            show_user_error(parent, exc.message)
            return None
