"""Undoable edits: every change the coordinator makes is a ``ServiceCommand`` on the window's ``QUndoStack``.

A command holds two functions over a Session: ``do`` (returns a result, e.g. the new row's id or a snapshot
of what it replaced) and ``undo`` (gets that result and puts things back). Both call services; each runs in
its own transaction, so an undo is as safe as the edit. Redo after undo runs ``do`` again.

Example: cancelling a registration snapshots the event's seats first and restores them on undo::

    ServiceCommand(ctx, "Anmeldung stornieren",
                   do=lambda s: (regs.snapshot_event_registrations(s, event_id), regs.cancel(s, reg_id)),
                   undo=lambda s, result: regs.restore_registration_states(s, result[0]),
                   kinds=("registrations",))
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtGui import QUndoCommand

from odn_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .context import AppContext

T = TypeVar("T")
log = logging.getLogger(__name__)


class ServiceCommand(QUndoCommand, Generic[T]):
    def __init__(
        self,
        ctx: AppContext,
        text: str,
        do: Callable[[Session], T],
        undo: Callable[[Session, T], object],
        kinds: tuple[str, ...],
        on_done: Callable[[T], None] | None = None,
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._do = do
        self._undo = undo
        self.kinds = kinds
        self._on_done = on_done
        self._first = True
        self.result: T | None = None

    def run_first(self) -> T:
        """The first execution (before the command is pushed); a UserError here means nothing changed."""
        self.result = self._ctx.read(self._do)
        if self._on_done is not None:
            self._on_done(self.result)
        self._ctx.changed.emit(self.kinds)
        return self.result

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            self.result = self._ctx.read(self._do)
        except UserError as exc:
            # the world changed since the undo (e.g. a seat was taken): report, keep the stack consistent
            log.warning("redo of %r failed: %s", self.text(), exc.message)
            from .context import show_user_error

            show_user_error(None, exc.message)
            self.setObsolete(True)
            return
        self._ctx.changed.emit(self.kinds)

    def undo(self) -> None:
        assert self.result is not None or self._first is False
        try:
            self._ctx.read(lambda s: self._undo(s, self.result))  # type: ignore[arg-type]
        except UserError as exc:
            log.warning("undo of %r failed: %s", self.text(), exc.message)
            from .context import show_user_error

            show_user_error(None, exc.message)
            self.setObsolete(True)
            return
        self._ctx.changed.emit(self.kinds)
