"""Veranstaltungen: the searchable, sortable list of events on the left, the event editor on the right.

New, duplicate as the next meeting (after ``duplicate_dialog.ask_next_meeting``) and delete are undoable
commands. Before the editor switches to another event while the Details tab holds unsaved edits,
``ask_unsaved_changes`` (a module function tests replace) asks whether to save, discard or stay.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.deadlines import GERMAN_STATE_LABELS, MEETING_STATE_LABELS, DeadlineState
from odn_desktop.domain.names import german_sort_key
from odn_desktop.domain.seats import SeatStatus
from odn_desktop.domain.timezone import format_german_datetime, to_berlin
from odn_desktop.services.rows import FORMAT_LABELS, EventRow
from odn_desktop.ui.dialogs import duplicate_dialog
from odn_desktop.ui.editors.event import TAB_NAMES, EventEditor
from odn_desktop.ui.editors.event.labels import label
from odn_desktop.ui.editors.event.signal_guard import emit
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.dates import display_date
from odn_desktop.ui.infra.file_drops import event_list_drops
from odn_desktop.ui.infra.table_actions import action, install_row_actions
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.models.snapshot_model import ColumnSpec, SnapshotTableModel
from odn_desktop.ui.pages.registrations_tab import FlowLayout

#: lupdate finds ``translate("Context", "text")`` calls by this name
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.ui.infra.context import AppContext

Answer = Literal["save", "discard", "cancel"]
#: kinds of change that alter a row of the list (seats, speakers in the search key, ...); the editor's tabs
#: follow "agenda" and "tasks" themselves
LIST_KINDS = frozenset({"events", "registrations", "speakers"})

#: first split of the page: the editor gets the width first, up to this (its registrant table with name, status,
#: organisation, round and e-mail); the list what is left – date and title at least (a 1366×768 laptop), every
#: column at most (a large screen)
EDITOR_WIDTH = 1100
#: a title shorter than this gets no further columns beside it ("Open-Data-Netzwerktreffen" whole)
TITLE_SAMPLE = "Open-Data-Netzwerktreffen"

DATE_COLUMN, TITLE_COLUMN, FORMAT_COLUMN, SEATS_COLUMN, DEADLINE_COLUMN = range(5)
#: the columns besides date and title, shown while the list is wide enough for them, in this order
OPTIONAL_COLUMNS = (SEATS_COLUMN, DEADLINE_COLUMN, FORMAT_COLUMN)
#: shows or hides the event list (a visible button does it too: "«" above the list, "»" when it is hidden)
TOGGLE_LIST_SHORTCUT = "Ctrl+Shift+L"

#: looked up when a cell is drawn, so the colours follow the palette (light or dark, see theme)
_DEADLINE_COLOURS = {
    DeadlineState.OVERDUE: theme.error_text,
    DeadlineState.DUE_SOON: theme.warning_text,
    DeadlineState.UPCOMING: theme.ok_text,
    DeadlineState.DONE: theme.muted_text,
}



def ask_unsaved_changes(parent: QWidget | None) -> Answer:
    """Save, discard or cancel when leaving an event with unsaved details. Replaced in tests."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("EventsPage", "Ungespeicherte Änderungen"),
                      translate("EventsPage",
                                "Die Details dieser Veranstaltung wurden geändert. Änderungen speichern?"),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


# -- the list's columns ----------------------------------------------------------------------------------------


def _date(row: EventRow) -> str:
    return display_date(row.starts_at)


def _date_tooltip(row: EventRow) -> str:
    start, end = to_berlin(row.starts_at), to_berlin(row.ends_at)
    if start.date() == end.date():
        return translate("EventsPage", "{date}, {start}–{end} Uhr").format(date=display_date(row.starts_at),
                                                       start=f"{start:%H:%M}", end=f"{end:%H:%M}")
    return f"{format_german_datetime(row.starts_at)} – {format_german_datetime(row.ends_at)}"


def _seats(row: EventRow) -> str:
    limit = translate("EventsPage", "unbegrenzt") if row.seat_limit is None else str(row.seat_limit)
    return f"{row.registered} / {limit}"


def _seats_tooltip(row: EventRow) -> str:
    text = translate("EventsPage",
                     "{registered} angemeldet, {waiting} auf der Warteliste, {cancelled} storniert").format(
        registered=row.registered, waiting=row.waiting, cancelled=row.cancelled)
    return f"{label(str(row.seat_status))}\n{text}"


def _seats_colour(row: EventRow) -> QColor | None:
    if row.status == "cancelled":
        return theme.muted_text()
    if row.seat_status == SeatStatus.FULL:
        return theme.problem_text()
    if row.seat_status == SeatStatus.FEW:
        return theme.warning_strong_text()
    return None


def _deadline(row: EventRow) -> str:
    if row.registration_deadline is None:
        return "–"
    return f"{to_berlin(row.registration_deadline):%d.%m.%Y}"


def _deadline_tooltip(row: EventRow) -> str:
    if row.registration_deadline is None:
        return translate("EventsPage", "Kein Anmeldeschluss")
    state = "" if row.deadline_state is None else f" ({label(GERMAN_STATE_LABELS[row.deadline_state])})"
    when = format_german_datetime(row.registration_deadline)
    return translate("EventsPage", "Anmeldeschluss {when} Uhr").format(when=when) + state


def _cancelled_colour(row: EventRow) -> QColor | None:
    return theme.muted_text() if row.status == "cancelled" else None


def _deadline_colour(row: EventRow) -> QColor | None:
    return None if row.deadline_state is None else _DEADLINE_COLOURS[row.deadline_state]()


def _title_tooltip(row: EventRow) -> str:
    """Title, state, series and speakers, and what the columns a narrow list hides would show."""
    lines = [row.title, label(MEETING_STATE_LABELS[row.state])]  # "Beendet" once over, as everywhere
    if row.series:
        lines.append(translate("EventsPage", "Reihe: {series}").format(series=row.series))
    if row.speakers:
        lines.append(translate("EventsPage", "Referent:innen: {names}").format(names=", ".join(row.speakers)))
    lines.append(translate("EventsPage", "{format} · Plätze: {seats} · {deadline}").format(
        format=label(FORMAT_LABELS.get(row.format, row.format)), seats=_seats(row), deadline=_deadline_tooltip(row)))
    return "\n".join(lines)


def event_columns() -> list[ColumnSpec[EventRow]]:
    return [
        ColumnSpec(translate("EventsPage", "Datum"), _date, lambda r: r.starts_at, tooltip=_date_tooltip,
                   foreground=_cancelled_colour),
        ColumnSpec(translate("EventsPage", "Titel"), lambda r: r.title, lambda r: german_sort_key(r.title),
                   tooltip=_title_tooltip,
                   foreground=_cancelled_colour),
        ColumnSpec(translate("EventsPage", "Format"),
                   lambda r: label(FORMAT_LABELS.get(r.format, r.format)),
                   lambda r: german_sort_key(label(FORMAT_LABELS.get(r.format, r.format)))),
        ColumnSpec(translate("EventsPage", "Plätze"), _seats, lambda r: (r.registered, r.seat_limit or 0),
                   align_right=True,
                   tooltip=_seats_tooltip, foreground=_seats_colour),
        ColumnSpec(translate("EventsPage", "Anmeldeschluss"), _deadline,
                   lambda r: (r.registration_deadline is None, r.registration_deadline or r.starts_at),
                   tooltip=_deadline_tooltip, foreground=_deadline_colour),
    ]


class EventsPage(QWidget):
    #: the event shown in the editor changed (None: none)
    current_event_changed = Signal(object)
    #: a registrant's "Kontakt öffnen" (double click in the Anmeldungen tab): the contact id, for Kontakte
    open_contact_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EventsPage")
        self.ctx = ctx
        self._current: uuid.UUID | None = None
        self._syncing = False
        self._participants: dict[uuid.UUID, str] | None = None  # registrants' search text, read on first search
        self._list_width = 0  # the list's width before it was hidden
        self._sized = False
        self._list_stale = False
        self._build_search()
        self._build_list()
        self._build_list_buttons()
        self._build_row_actions()
        self._build_editor()
        self._build_list_toggle()
        self._build_splitter(self._build_list_panel())
        self._set_tab_order()
        ctx.changed.connect(self._on_changed)
        self._update_buttons()

    def _build_search(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("eventSearch")
        self.search.setAccessibleName(self.tr("Veranstaltungen suchen"))
        self.search.setPlaceholderText(self.tr("Suchen: Titel, Referent:in, Teilnehmer:in … (Strg+F)"))
        self.search.setToolTip(self.tr("Findet Veranstaltungen nach Titel, Reihe, Ort, Referent:innen und "
                                       "Angemeldeten (Name, E-Mail, Organisation)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)

    def _build_list(self) -> None:
        """The events' table: sorted by date, the title stretched, the optional columns' widths remembered."""
        self.model: SnapshotTableModel[EventRow] = SnapshotTableModel(event_columns(), self)
        self.view = QTableView(self)
        self.view.setObjectName("eventList")
        # the arrows choose an event, Tab goes on to the editor (cell by cell it would open the next event)
        self.view.setTabKeyNavigation(False)
        self.view.setAccessibleName(translate("Workspace", "Veranstaltungen"))  # the page's title
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        metrics = self.view.fontMetrics()
        for column, sample in ((DATE_COLUMN, "Do 02.12.2021"), (FORMAT_COLUMN, "Präsenz"),
                               (SEATS_COLUMN, "888 / 888"), (DEADLINE_COLUMN, "Anmeldeschluss")):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 14)
        #: the optional columns' widths (a hidden column's width reads 0)
        self._column_widths = {c: self.view.columnWidth(c) for c in OPTIONAL_COLUMNS}
        self._title_width = metrics.horizontalAdvance(TITLE_SAMPLE) + 14
        self.view.viewport().installEventFilter(self)  # a resized list shows the columns that fit
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def _build_list_buttons(self) -> None:
        self.new_button = QPushButton(self.tr("Neu"), self)
        self.new_button.setToolTip(self.tr("Neue Veranstaltung als Entwurf anlegen"))
        self.duplicate_button = QPushButton(self.tr("Duplizieren als nächstes Treffen"), self)
        self.duplicate_button.setToolTip(self.tr(
            "Kopie mit Programm, Referent:innen, Runden, Aufgaben und Einstellungen, ohne Anmeldungen; Datum und "
            "Umfang wählen Sie im nächsten Schritt"))
        self.delete_button = QPushButton(self.tr("Löschen"), self)
        self.delete_button.setToolTip(self.tr("Ausgewählte Veranstaltung löschen (Entf; rückgängig machbar)"))
        self.new_button.clicked.connect(self.new_event)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self._delete_current_event)

    def _build_row_actions(self) -> None:
        # Windows habits: right-click menu, double click opens, a dropped file starts its import (file_drops)
        self.open_action = action(self, self.tr("Öffnen"), self._focus_editor, "openEvent")
        self.registrations_action = action(self, self.tr("Anmeldungen anzeigen"),
                                           lambda: self._open_current("registrations"), "showRegistrations")
        self.import_registrations_action = action(self, self.tr("Anmeldungen importieren …"),
                                                  self._import_registrations, "importRegistrations")
        self.import_attendance_action = action(self, self.tr("Teilnahme importieren …"), self._import_attendance,
                                               "importAttendance")
        self.row_actions = install_row_actions(
            self.view, [self.registrations_action, self.duplicate_button, None, self.import_registrations_action,
                        self.import_attendance_action, None, self.delete_button], open_action=self.open_action)
        self.drops = event_list_drops(self.view, self.ctx, lambda row: self.model.row_at(row).id, self.current_event_id,
                                      self._open_for_import)

    def _build_editor(self) -> None:
        self.editor = EventEditor(self.ctx, self)
        contact_signal = getattr(self.editor.registrations, "open_contact_requested", None)
        if contact_signal is not None:
            contact_signal.connect(self.open_contact_requested)

    def _build_list_toggle(self) -> None:
        # the list makes room for the editor: "«" hides it, "»" (or Ctrl+Shift+L) brings it back
        self.toggle_list_action = QAction(self.tr("Veranstaltungsliste ein-/ausblenden"), self)
        self.toggle_list_action.setObjectName("toggleEventList")
        self.toggle_list_action.setShortcut(QKeySequence(TOGGLE_LIST_SHORTCUT))
        self.toggle_list_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.toggle_list_action.triggered.connect(lambda _checked=False: self.toggle_list())
        self.addAction(self.toggle_list_action)
        shortcut = QKeySequence(TOGGLE_LIST_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.hide_list_button = QToolButton(self)
        self.hide_list_button.setObjectName("hideEventList")
        self.hide_list_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.hide_list_button.setAccessibleName(self.tr("Veranstaltungsliste ausblenden"))
        self.hide_list_button.setToolTip(self.tr("Liste ausblenden: mehr Platz für den Editor ({key})").format(
            key=shortcut))
        self.hide_list_button.clicked.connect(lambda: self.set_list_visible(False))
        self.show_list_button = QToolButton(self)
        self.show_list_button.setObjectName("showEventList")
        self.show_list_button.setArrowType(Qt.ArrowType.RightArrow)
        self.show_list_button.setText(self.tr("Liste"))
        self.show_list_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.show_list_button.setAccessibleName(self.tr("Veranstaltungsliste einblenden"))
        self.show_list_button.setToolTip(self.tr("Liste der Veranstaltungen einblenden ({key})").format(key=shortcut))
        self.show_list_button.clicked.connect(lambda: self.set_list_visible(True))
        self.show_list_button.hide()

    def _build_list_panel(self) -> QWidget:
        """The splitter's left side: the search line with «, the list and its buttons."""
        left = QWidget(self)
        left.setObjectName("eventListPanel")
        self.list_panel = left
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_line = QHBoxLayout()
        search_line.addWidget(self.search, 1)
        search_line.addWidget(self.hide_list_button)
        left_layout.addLayout(search_line)
        left_layout.addWidget(self.view, 1)
        buttons = FlowLayout()  # side by side, or on two lines in a narrow list
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        return left

    def _build_splitter(self, left: QWidget) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("eventsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 0)  # a wider window widens the editor
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.show_list_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.splitter, 1)

    def _set_tab_order(self) -> None:
        # the search leads into the list; "«" comes after the list's buttons (Ctrl+Shift+L does it from anywhere)
        chain = [self.search, self.view, self.new_button, self.duplicate_button, self.delete_button,
                 self.hide_list_button, self.show_list_button, self.editor.announce_button, self.editor.tabs]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- the contract's page API -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the list (keeping the selected event) and the editor's tabs."""
        self._reload_list()
        self.editor.reload()

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def save_changes(self) -> bool:
        return self.editor.save_changes()

    def discard_changes(self) -> None:
        self.editor.discard_changes()

    def focus_search(self) -> None:
        """Ctrl+F: the event list's search (inside the registrant table: that table's search); a hidden list
        comes back for it."""
        if self.editor.focus_search(self.window().focusWidget()):
            return
        self.set_list_visible(True)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def delete_selected(self) -> None:
        """Del: in a table of the editor (agenda, speakers, tasks) that row; otherwise the selected event."""
        focus = self.window().focusWidget()
        if self.editor.delete_selected(focus):
            return
        if focus is not None and self.editor.isAncestorOf(focus):
            return  # a form field has focus: Del is not meant for the whole event
        self._delete_current_event()

    def current_event_id(self) -> uuid.UUID | None:
        return self._current

    def open_event(self, event_id: uuid.UUID, tab: str = "details") -> None:
        """Select ``event_id`` (asking about unsaved changes first) and show the editor's ``tab``."""
        if tab not in TAB_NAMES:
            raise ValueError(f"unknown tab {tab!r}; known: {', '.join(TAB_NAMES)}")
        if self.model.row_of(event_id) is None and event_id in {r.id for r in self.model.all_rows()}:
            self.search.clear()  # the event is hidden by the search
        if event_id != self._current:
            if self.model.row_of(event_id) is None:
                self._reload_list()  # e.g. created a moment ago elsewhere
            if self.model.row_of(event_id) is None or not self._confirm_leave():
                return
            self._show_event(event_id)
        self.editor.show_tab(tab)

    # -- the list beside the editor ----------------------------------------------------------------------------

    def list_visible(self) -> bool:
        return not self.list_panel.isHidden()

    def toggle_list(self) -> None:
        self.set_list_visible(not self.list_visible())

    def set_list_visible(self, visible: bool) -> None:
        """Hide the event list (the editor takes the whole width; "»" at the left brings it back) or show it
        again as wide as it was. The focus moves along: into the editor, or back to the list."""
        if visible == self.list_visible():
            return
        total = sum(self.splitter.sizes())
        if visible:
            self.list_panel.show()
            width = self._list_width or self._first_list_width(total)
            self.splitter.setSizes([width, max(total - width, 0)])
            self.show_list_button.hide()
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._list_width = self.splitter.sizes()[0]
            focus = self.window().focusWidget()
            had_focus = focus is not None and (focus is self.list_panel or self.list_panel.isAncestorOf(focus))
            self.show_list_button.show()
            self.list_panel.hide()
            if had_focus:
                self.show_list_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def fit_list_columns(self) -> None:
        """Date and title always; seats, deadline and format while they fit beside a whole title (their values
        are in the title's tooltip as well)."""
        available = self.view.viewport().width() - self.view.columnWidth(DATE_COLUMN) - self._title_width
        for column in OPTIONAL_COLUMNS:
            available -= self._column_widths[column]
            self.view.setColumnHidden(column, available < 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_list_columns()
        return super().eventFilter(watched, event)

    def _first_list_width(self, total: int) -> int:
        """The list's part of the page's ``total`` width: what the editor leaves of it (``EDITOR_WIDTH``), but
        date and a whole title at least and every column at most."""
        frame = 2 * self.view.frameWidth() + self.view.verticalScrollBar().sizeHint().width()
        least = max(self.view.columnWidth(DATE_COLUMN) + self._title_width + frame,
                    self.list_panel.minimumSizeHint().width())
        full = least + sum(self._column_widths.values())
        return min(max(least, total - EDITOR_WIDTH), full)

    # -- new, duplicate, delete ------------------------------------------------------------------------------

    def new_event(self) -> None:
        """A draft one week ahead (undoable), selected, with the cursor in its title."""
        from odn_desktop.services import event_editing
        from odn_desktop.services.events import delete_event, restore_event

        if not self.ctx.is_ready or not self._confirm_leave():
            return
        created: list[uuid.UUID] = []

        def do(s: Session) -> uuid.UUID:
            if created:  # redo: the same event again
                restore_event(s, created[0])
                return created[0]
            created.append(event_editing.create_draft_event(s))
            return created[0]

        command: ServiceCommand[uuid.UUID] = ServiceCommand(
            self.ctx, self.tr("Neue Veranstaltung"), do=do, undo=lambda s, event_id: delete_event(s, event_id),
            kinds=("events",))
        if self.ctx.push(command, self) and command.result is not None:
            self._show_event(command.result)
            self.editor.show_tab("details")
            self.editor.details.focus_title()

    def duplicate_selected(self) -> None:
        """The next meeting of the series: date, title and parts chosen in a dialog, then copied (undoable)."""
        from odn_desktop.services import next_meeting

        source = self._current
        if source is None or not self._confirm_leave():
            return
        info = self.ctx.try_read(lambda s: next_meeting.duplicate_source(s, source), self)
        if info is None:
            return
        choice = duplicate_dialog.ask_next_meeting(self, info)
        if choice is None:
            return
        created: list[next_meeting.Duplicate] = []

        def do(s: Session) -> next_meeting.Duplicate:
            if created:  # redo: the same meeting and rows again
                next_meeting.revive_duplicate(s, created[0])
                return created[0]
            created.append(next_meeting.duplicate_event(s, source, starts_at=choice.starts_at, title=choice.title,
                                                        parts=choice.parts))
            return created[0]

        command: ServiceCommand[next_meeting.Duplicate] = ServiceCommand(
            self.ctx, self.tr("Als nächstes Treffen duplizieren"), do=do,
            undo=lambda s, duplicate: next_meeting.withdraw_duplicate(s, duplicate),
            kinds=("events", "agenda", "speakers", "tasks"))
        if self.ctx.push(command, self) and command.result is not None:
            self._show_event(command.result.event_id)
            self.editor.show_tab("details")

    def _delete_current_event(self) -> None:
        from odn_desktop.services.events import delete_event, restore_event

        event_id = self._current
        if event_id is None:
            return
        row = self.model.row_of(event_id)
        title = self.model.row_at(row).title if row is not None else ""
        if self.editor.has_unsaved_changes():
            self.editor.discard_changes()  # the event goes; its unsaved edits with it (undo brings it back)
        self.ctx.push(ServiceCommand(
            self.ctx, self.tr("Veranstaltung „{title}“ löschen").format(title=title),
            do=lambda s: delete_event(s, event_id).id,
            undo=lambda s, _r: restore_event(s, event_id),
            kinds=("events", "registrations", "tasks"),
        ), self)

    # -- list and selection ------------------------------------------------------------------------------------

    def _reload_list(self) -> None:
        from odn_desktop.services.events import list_event_rows

        if not self.ctx.is_ready:
            return
        self._list_stale = False
        rows = self.ctx.try_read(list_event_rows, self)
        if rows is None:
            return
        previous_row = self._visible_row(self._current)
        self._participants = None
        if self.search.text().strip():
            rows = self._searchable_rows(rows)
        self.model.set_rows(rows)
        if self._current is not None and self.model.row_of(self._current) is None:
            if self._current in {r.id for r in rows}:
                self._select_in_view(None)  # filtered out by the search: the editor keeps showing it
            else:  # deleted (or undone creation): its neighbour takes over
                fallback = previous_row if previous_row is not None else 0
                count = self.model.rowCount()
                self._show_event(self.model.row_at(min(fallback, count - 1)).id if count else None)
        else:
            self._select_in_view(self._current)
        self._update_buttons()

    def _visible_row(self, event_id: uuid.UUID | None) -> int | None:
        return None if event_id is None else self.model.row_of(event_id)

    def _select_in_view(self, event_id: uuid.UUID | None) -> None:
        """Mark ``event_id`` in the list without reacting to it as a user's choice."""
        self._syncing = True
        try:
            selection = self.view.selectionModel()
            row = self._visible_row(event_id)
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(row, TITLE_COLUMN)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.view.scrollTo(index)
        finally:
            self._syncing = False

    def _show_event(self, event_id: uuid.UUID | None) -> None:
        self._select_in_view(event_id)
        if event_id != self._current or self.editor.event_id != event_id:
            self._current = event_id
            self.editor.set_event(event_id)
            emit(self.current_event_changed, event_id)
        self._update_buttons()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        event_id = self.model.row_at(current.row()).id
        if event_id == self._current:
            return
        if not self._confirm_leave():
            # WORKAROUND: the view is mid-change (current first, selection next): put the old row back after it
            QTimer.singleShot(0, lambda: self._select_in_view(self._current))
            return
        self._show_event(event_id)

    def _confirm_leave(self) -> bool:
        """True when the editor may show another event (unsaved details saved or discarded)."""
        if not self.editor.has_unsaved_changes():
            return True
        answer = ask_unsaved_changes(self)
        if answer == "save":
            return self.editor.save_changes()
        if answer == "discard":
            self.editor.discard_changes()
            return True
        return False

    def _searchable_rows(self, rows: list[EventRow]) -> list[EventRow]:
        """The rows with their registrants in the search key (read once per load of the list, when a search is
        typed: a reload after every registration edit stays as cheap as before)."""
        from odn_desktop.services.events import event_participant_keys

        if self._participants is None:
            self._participants = self.ctx.try_read(event_participant_keys, self) or {}
        keys = self._participants
        return [replace(r, search_key=f"{r.search_key} {keys[r.id]}") if r.id in keys else r for r in rows]

    # -- the list's row menu, double click and dropped files ------------------------------------------------

    def _focus_editor(self) -> None:
        """Double click / Öffnen: the event's details, the cursor in its title."""
        if self._current is not None:
            self.editor.show_tab("details")
            self.editor.details.ui.titleEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_current(self, tab: str) -> None:
        if self._current is not None:
            self.open_event(self._current, tab)

    def _import_registrations(self) -> None:
        from odn_desktop.ui.dialogs.import_mapping_dialog import import_registrations

        if self._current is not None:
            import_registrations(self.window(), self.ctx, self._current)

    def _import_attendance(self) -> None:
        from odn_desktop.ui.dialogs.attendance_dialog import import_attendance_interactive

        if self._current is not None:
            import_attendance_interactive(self.window(), self.ctx, self._current)

    def _open_for_import(self, event_id: uuid.UUID) -> bool:
        """A file dropped on an event: show that event's registrant table (False: the coordinator stayed)."""
        self.open_event(event_id, "registrations")
        return self._current == event_id

    def _on_search(self, text: str) -> None:
        if text.strip() and self._participants is None and self.ctx.is_ready and self.model.total_count():
            self.model.set_rows(self._searchable_rows(self.model.all_rows()))
        self.model.set_filter(text)
        self._select_in_view(self._current)

    def _update_buttons(self) -> None:
        has_event = self._current is not None
        self.duplicate_button.setEnabled(has_event)
        self.delete_button.setEnabled(has_event)
        self.new_button.setEnabled(self.ctx.is_ready)

    def _on_changed(self, kinds: object) -> None:
        if not self.ctx.is_ready or not isinstance(kinds, tuple | list | set | frozenset):
            return
        if LIST_KINDS.intersection(kinds):
            if self.isVisible() or (self._current is not None and self.editor.event_id is None):
                # (the editor closed the shown event: deleted, or its creation undone from another page)
                self._reload_list()
            else:  # a hidden page catches up when shown (many registration edits elsewhere cost nothing here)
                self._list_stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized and self.list_visible():  # the list wide enough for date and title, the editor the rest
            self._sized = True
            total = max(self.width() - 24, 600)  # the splitter itself is laid out only after this
            left = self._first_list_width(total)
            self.splitter.setSizes([left, total - left])
        if self.ctx.is_ready and (self._list_stale or not self.model.all_rows()):
            self._list_stale = False
            self._reload_list()
