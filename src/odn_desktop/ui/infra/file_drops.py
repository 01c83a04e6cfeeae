"""Files dropped onto the window or onto an event start the matching import.

A Zoom or Teams attendance report (told by its header, ``exchange.attendance_reports``) starts the attendance
import, any other CSV/Excel file the registration import with its column mapping. The event is the one the
file was dropped on in the event list, else the event open in the editor. The dialog opens after the drop has
finished (a modal dialog inside a drop would keep Explorer waiting).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

if TYPE_CHECKING:
    import uuid  # annotations only: the uuid module (and platform, which it loads) is not needed before the first paint

    from odn_desktop.ui.infra.context import AppContext

translate = QCoreApplication.translate

#: the files an import reads (registrations: CSV, text, Excel; reports: CSV)
IMPORT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xlsm"})

Kind = Literal["attendance", "registrations"]


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local import file being dragged (None for text, several files or other kinds of file)."""
    if not mime.hasUrls():
        return None
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if len(paths) != 1 or paths[0].suffix.lower() not in IMPORT_SUFFIXES:
        return None
    return paths[0]


def import_kind(path: Path) -> Kind:
    """Which import a file belongs to: an attendance report by its header, everything else registrations."""
    from odn_desktop.exchange.attendance_reports import looks_like_attendance_report

    try:
        with path.open("rb") as handle:
            head = handle.read(200_000)
    except OSError:
        return "registrations"  # the registration import reports an unreadable file in German
    return "attendance" if looks_like_attendance_report(head) else "registrations"


def start_import(parent: QWidget, ctx: AppContext, event_id: uuid.UUID, path: Path) -> Kind:
    """Open the import dialog that fits ``path`` for ``event_id`` (it reports its own errors)."""
    kind = import_kind(path)
    if kind == "attendance":
        from odn_desktop.ui.dialogs.attendance_dialog import run_attendance_dialog

        run_attendance_dialog(parent, ctx, event_id, path)
    else:
        from odn_desktop.ui.dialogs.import_mapping_dialog import run_import_dialog

        run_import_dialog(parent, ctx, event_id, path)
    return kind


class FileDrops(QObject):
    """Accepts an import file dragged over ``target`` and starts its import for the event ``event_at`` names.

    ``event_at`` gets the drop position in ``target``'s coordinates and answers the event (``None``: no event,
    the drop is refused while dragging). ``on_missing_event`` is called when a drop found no event.
    """

    def __init__(self, target: QWidget, parent_for_dialogs: QWidget, ctx: AppContext,
                 event_at: Callable[[QDropEvent | QDragMoveEvent], uuid.UUID | None],
                 before_import: Callable[[uuid.UUID], bool] | None = None) -> None:
        super().__init__(target)
        self._target = target
        self._parent = parent_for_dialogs
        self._ctx = ctx
        self._event_at = event_at
        self._before_import = before_import
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._target:
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
            # (a QDragEnterEvent is a QDragMoveEvent); other drags stay the widget's own
            if dropped_file(event.mimeData()) is None or not self._ctx.is_ready:
                return False
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = dropped_file(event.mimeData())
            if path is None or not self._ctx.is_ready:
                return False
            event_id = self._event_at(event)
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self._import(event_id, path))
            return True
        return False

    def _import(self, event_id: uuid.UUID | None, path: Path) -> None:
        from . import context

        if event_id is None:
            context.show_user_error(self._parent, translate(
                "FileDrops", "Bitte wählen Sie zuerst unter „Veranstaltungen“ die Veranstaltung aus, zu der die "
                             "Datei „{name}“ gehört, oder ziehen Sie die Datei auf die Veranstaltung.").format(
                name=path.name))
            return
        if self._before_import is not None and not self._before_import(event_id):
            return
        start_import(self._parent, self._ctx, event_id, path)


def event_list_drops(view: QAbstractItemView, ctx: AppContext, event_of_row: Callable[[int], uuid.UUID],
                     current_event: Callable[[], uuid.UUID | None],
                     open_event: Callable[[uuid.UUID], bool]) -> FileDrops:
    """A file dropped on a row of the event list: that event is opened, then its import starts (dropped below
    the rows: the event open in the editor)."""

    def event_at(event: QDropEvent | QDragMoveEvent) -> uuid.UUID | None:
        index = view.indexAt(event.position().toPoint())
        return event_of_row(index.row()) if index.isValid() else current_event()

    window = view.window()
    return FileDrops(view.viewport(), window if window is not None else view, ctx, event_at, open_event)
