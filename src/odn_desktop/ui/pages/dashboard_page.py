"""Übersicht: upcoming meetings with a seat gauge, every open deadline coloured by state, and open tasks.

Meetings with parallel rounds get a gauge per round (a table of its own, shown only when there are rounds), and
every pool over its limit (a lowered capacity, a sync) is flagged at the top ("überbucht – 12 von 10 Plätzen
vergeben") until cancellations or more seats resolve it (``services.round_views.current_over_limit``).

A click (or Enter) on a row asks the main window to open that event at the right place: a deadline opens
the event's details, a task its task list, a meeting (or a round, or a flag) its registrant table.
"""

from __future__ import annotations

import html
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QShowEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.deadlines import (
    GERMAN_STATE_LABELS,
    MEETING_STATE_LABELS,
    DeadlineKind,
    DeadlineState,
    MeetingState,
    meeting_state,
)
from odn_desktop.domain.names import search_key
from odn_desktop.domain.timezone import format_german_datetime, to_berlin, utcnow
from odn_desktop.services.overview_rows import by_start
from odn_desktop.services.rows import EventRow
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.dates import display_date
from odn_desktop.ui.infra.table_actions import action, install_row_actions
from odn_desktop.ui.models.snapshot_model import ROW_ROLE, ColumnSpec, SnapshotTableModel
from odn_desktop.ui.widgets.seat_gauge import Gauge, gauge_text, over_limit_text, paint_gauge

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.overview_read import PlainOverview
    from odn_desktop.services.overview_rows import EventDeadline, EventFacts, RoundSeatRow
    from odn_desktop.services.seat_limits import OverLimitPool
    from odn_desktop.ui.infra.context import AppContext

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


def label(text: str) -> str:
    """A domain label in the UI language: ``ui.editors.event.labels.label`` (same context), here so that the
    overview, the first page shown, does not load the whole event editor package (a tenth of its start)."""
    return translate("DomainLabels", text)

#: (background, text) per deadline state; looked up when a row is drawn, so they follow the palette (theme)
STATE_COLOURS: dict[DeadlineState, tuple[theme.SemanticColour | None, theme.SemanticColour]] = {
    DeadlineState.OVERDUE: (theme.problem_background, theme.problem_text),
    DeadlineState.DUE_SOON: (theme.warning_background, theme.warning_strong_text),
    DeadlineState.UPCOMING: (None, theme.upcoming_text),
    DeadlineState.DONE: (None, theme.muted_text),
}
GAUGE_COLUMN = 3
ROUND_GAUGE_COLUMN = 3
GAUGE_BAR_MAX = 140  # a wide last column keeps a bar of this size, its text right beside it
SHOWN_KINDS = frozenset({"events", "registrations", "tasks"})


@dataclass(frozen=True)
class DeadlineRow:
    id: str
    event_id: uuid.UUID
    event_title: str
    label: str
    kind: DeadlineKind
    due: datetime
    state: DeadlineState
    search_key: str = field(default="", compare=False)


@dataclass(frozen=True)
class DashboardData:
    events: list[EventRow]
    past_only: bool
    deadlines: list[DeadlineRow]
    tasks: list[DeadlineRow]
    rounds: list[RoundSeatRow] = field(default_factory=list)
    over_limit: list[OverLimitPool] = field(default_factory=list)


class OverviewSource(Protocol):
    """The reads the overview is made of, both in ``services.overview_read``: the services through a Session
    (``SessionOverview``), or the same reads with plain sqlite3 at start-up (``PlainOverview``). Both compute their
    rows with the same functions (``services.overview_rows``); only the fetching differs."""

    def meeting_facts(self) -> list[EventFacts]: ...
    def event_rows(self, event_ids: Sequence[uuid.UUID], now: datetime) -> list[EventRow]: ...
    def event_deadlines(self, now: datetime) -> list[EventDeadline]: ...
    def open_tasks_of_ended_events(self, now: datetime) -> list[EventDeadline]: ...
    def round_seat_rows(self, event_ids: Iterable[uuid.UUID]) -> list[RoundSeatRow]: ...
    def current_over_limit(self, now: datetime) -> list[OverLimitPool]: ...


def load_dashboard(session: Session, now: datetime) -> DashboardData:
    """The overview through the services (``dashboard_data`` over a ``services.overview_read.SessionOverview``)."""
    from odn_desktop.services.overview_read import SessionOverview

    return dashboard_data(SessionOverview(session), now)


def dashboard_data(source: OverviewSource, now: datetime) -> DashboardData:
    """Upcoming events (or, when none, the last three, "Beendet"), every open deadline of meetings that have not
    ended, and every open task, also of meetings that have ended (the follow-up work)."""
    # which meetings are shown, from three fields; the seat figures and search keys only of those
    states = [(e.id, meeting_state(e.status, e.ends_at, now)) for e in by_start(source.meeting_facts())]
    shown = [event_id for event_id, state in states if state is not MeetingState.CANCELLED]
    upcoming_ids = [event_id for event_id, state in states if state not in (MeetingState.CANCELLED,
                                                                            MeetingState.ENDED)]
    past_only = not upcoming_ids
    wanted = upcoming_ids if upcoming_ids else shown[-3:][::-1]
    by_id = {r.id: r for r in source.event_rows(wanted, now)}
    events = [by_id[event_id] for event_id in wanted if event_id in by_id]
    upcoming = [] if past_only else events
    # deadlines of meetings that have not ended; an ended meeting's open tasks stay (the follow-up work)
    deadlines = source.event_deadlines(now)
    listed = {d.task_id for d in deadlines if d.task_id is not None}
    deadlines += [d for d in source.open_tasks_of_ended_events(now) if d.task_id not in listed]
    deadlines.sort(key=lambda d: d.deadline.due)
    open_rows = [
        DeadlineRow(
            id=f"{d.event_id}:{d.deadline.kind}:{d.task_id or ''}", event_id=d.event_id, event_title=d.event_title,
            label=d.deadline.label, kind=d.deadline.kind, due=d.deadline.due, state=d.deadline.state,
            search_key=search_key(d.event_title, d.deadline.label),
        )
        for d in deadlines
        if not d.deadline.done
    ]
    return DashboardData(
        events=events,
        past_only=past_only,
        deadlines=[d for d in open_rows if d.kind is not DeadlineKind.TASK],
        tasks=[d for d in open_rows if d.kind is DeadlineKind.TASK],
        rounds=source.round_seat_rows([r.id for r in upcoming]),
        over_limit=source.current_over_limit(now),
    )


def read_at_start(path: Path, now: datetime) -> tuple[DashboardData, PlainOverview] | None:
    """The overview read with plain sqlite3 before SQLAlchemy has loaded (start-up, a file at the newest schema);
    ``None`` when that fails for any reason (the services' read follows once the database is open)."""
    from odn_desktop.services.overview_read import PlainOverview

    try:
        source = PlainOverview(path)
    except (OSError, sqlite3.Error):
        log.info("no early read of the overview", exc_info=True)
        return None
    try:
        return dashboard_data(source, now), source
    except Exception:  # a damaged or unexpected file: the services' read decides what to say
        source.close()
        log.info("no early read of the overview", exc_info=True)
        return None


class SeatGaugeDelegate(QStyledItemDelegate):
    """Registered of the seat limit as a bar, the figures and the waiting list next to it (an event's row or a
    round's: both carry ``registered``, ``seat_limit`` and ``waiting``)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is None or getattr(row, "seat_limit", None) is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        if widget is not None:  # the cell's background as the style draws it: alternating rows, selection
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.highlightedText().color() if selected else option.palette.text().color()
        rect: QRect = option.rect.adjusted(6, 7, -6, -7)
        paint_gauge(painter, rect, Gauge(row.registered, row.seat_limit, row.waiting), colour,
                    bar_width=min(GAUGE_BAR_MAX, max(40, rect.width() // 2)))


def _event_columns() -> list[ColumnSpec[EventRow]]:
    def seats(r: EventRow) -> str:
        if r.seat_limit is None:
            return translate("DashboardPage", "{n} angemeldet (unbegrenzt)").format(n=r.registered)
        return f"{r.registered}/{r.seat_limit}"

    def deadline(r: EventRow) -> str:
        return "" if r.registration_deadline is None else display_date(r.registration_deadline)

    return [
        ColumnSpec(translate("DashboardPage", "Datum"),
                   lambda r: f"{display_date(r.starts_at)} {to_berlin(r.starts_at):%H:%M}",
                   lambda r: r.starts_at),
        ColumnSpec(translate("DashboardPage", "Veranstaltung"), lambda r: r.title, lambda r: r.title.casefold()),
        ColumnSpec(translate("DashboardPage", "Stand"), lambda r: label(MEETING_STATE_LABELS[r.state]),
                   lambda r: str(r.state)),
        ColumnSpec(translate("DashboardPage", "Plätze"), seats, lambda r: r.registered,
                   tooltip=lambda r: translate("DashboardPage", "{s}; {w} auf der Warteliste, {f} frei").format(
                       s=label(r.seat_status), w=r.waiting, f="–" if r.free_seats is None else r.free_seats)),
        ColumnSpec(translate("DashboardPage", "Platzstatus"), lambda r: label(r.seat_status),
                   lambda r: str(r.seat_status)),
        ColumnSpec(translate("DashboardPage", "Anmeldeschluss"), deadline,
                   lambda r: r.registration_deadline or r.starts_at),
    ]


def _round_columns() -> list[ColumnSpec[RoundSeatRow]]:
    def seats(r: RoundSeatRow) -> str:
        return gauge_text(Gauge(r.registered, r.seat_limit, r.waiting))

    return [
        ColumnSpec(translate("DashboardPage", "Datum"),
                   lambda r: f"{display_date(r.event_starts_at)} {to_berlin(r.event_starts_at):%H:%M}",
                   lambda r: (r.event_starts_at, r.position)),
        ColumnSpec(translate("DashboardPage", "Veranstaltung"), lambda r: r.event_title,
                   lambda r: (r.event_title.casefold(), r.position)),
        ColumnSpec(translate("DashboardPage", "Runde"), lambda r: r.title, lambda r: r.title.casefold()),
        ColumnSpec(translate("DashboardPage", "Plätze"), seats, lambda r: r.registered, tooltip=seats),
    ]


def _deadline_columns(event_header: str) -> list[ColumnSpec[DeadlineRow]]:
    def background(r: DeadlineRow) -> QColor | None:
        colour = STATE_COLOURS[r.state][0]
        return None if colour is None else colour()

    def foreground(r: DeadlineRow) -> QColor | None:
        return STATE_COLOURS[r.state][1]()

    def shown_label(r: DeadlineRow) -> str:
        """A task's title as typed; the fixed deadlines (Anmeldeschluss, Versand Zugangslink) translated."""
        return r.label if r.kind is DeadlineKind.TASK else label(r.label)

    return [
        ColumnSpec(translate("DashboardPage", "Fällig"), lambda r: format_german_datetime(r.due), lambda r: r.due,
                   foreground=foreground, background=background),
        ColumnSpec(translate("DashboardPage", "Stand"),
                   lambda r: label(GERMAN_STATE_LABELS[r.state]), lambda r: r.state.value,
                   foreground=foreground, background=background),
        ColumnSpec(event_header, shown_label, lambda r: shown_label(r).casefold()),
        ColumnSpec(translate("DashboardPage", "Veranstaltung"), lambda r: r.event_title,
                   lambda r: r.event_title.casefold()),
    ]


def _current_row_opener(view: QTableView, handler: Callable[[QModelIndex], None]) -> Callable[[], None]:
    """The row menu's "Öffnen": what a click on the current row does."""
    return lambda: handler(view.currentIndex())


def _table(model: SnapshotTableModel[object]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setTabKeyNavigation(False)
    return view


def _fit_columns(view: QTableView) -> None:
    """Columns as wide as their texts, the last one filling the rest. Fitting the last column to its text on a
    shown table (a reload) left it that narrow: Qt stretches it again only when the table's width changes, and
    after a conflict decision the header and rows ended in the middle of the table until the next resize."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setStretchLastSection(True)


class DashboardPage(QWidget):
    """Übersicht. ``open_event_requested(event_id, tab)`` asks the main window to open an event."""

    open_event_requested = Signal(object, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardPage")
        self._ctx = ctx
        self._clock = clock
        self._stale = True
        self._early: PlainOverview | None = None  # the start-up read (fill_at_start), until checked
        self._pending_open: tuple[uuid.UUID, str] | None = None  # clicked before the database was open
        self.events_model: SnapshotTableModel[EventRow] = SnapshotTableModel(_event_columns(), self)
        self.deadlines_model: SnapshotTableModel[DeadlineRow] = SnapshotTableModel(
            _deadline_columns(self.tr("Frist")), self)
        self.tasks_model: SnapshotTableModel[DeadlineRow] = SnapshotTableModel(_deadline_columns(self.tr("Aufgabe")),
                                                                               self)
        self.rounds_model: SnapshotTableModel[RoundSeatRow] = SnapshotTableModel(_round_columns(), self)
        self.over_limit_label = QLabel()
        self.over_limit_label.setObjectName("overLimitFlag")
        self.over_limit_label.setWordWrap(True)
        self.over_limit_label.setTextFormat(Qt.TextFormat.RichText)
        self.over_limit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.over_limit_label.linkActivated.connect(self._open_link)
        theme.keep_style(self.over_limit_label, self._flag_style)
        self.events_heading = QLabel(self.tr("<b>Anstehende Veranstaltungen</b>"))
        self.events_view = _table(self.events_model)  # type: ignore[arg-type]
        self.events_view.setItemDelegateForColumn(GAUGE_COLUMN, SeatGaugeDelegate(self.events_view))
        self.rounds_heading = QLabel(self.tr("<b>Parallele Runden</b>"))
        self.rounds_view = _table(self.rounds_model)  # type: ignore[arg-type]
        self.rounds_view.setObjectName("roundsOverview")
        self.rounds_view.setItemDelegateForColumn(ROUND_GAUGE_COLUMN, SeatGaugeDelegate(self.rounds_view))
        self.deadlines_view = _table(self.deadlines_model)  # type: ignore[arg-type]
        self.tasks_view = _table(self.tasks_model)  # type: ignore[arg-type]
        # the headings are rich text (a buddy's markup would be read out): the tables carry their names
        for view, name in ((self.events_view, self.tr("Anstehende Veranstaltungen")),
                           (self.rounds_view, self.tr("Parallele Runden")),
                           (self.deadlines_view, self.tr("Offene Fristen")),
                           (self.tasks_view, self.tr("Offene Aufgaben"))):
            view.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.over_limit_label)
        layout.addWidget(self.events_heading)
        layout.addWidget(self.events_view, 3)
        layout.addWidget(self.rounds_heading)
        layout.addWidget(self.rounds_view, 2)
        layout.addWidget(QLabel(self.tr("<b>Offene Fristen</b> (rot: überfällig, gelb: in den nächsten 3 Tagen)")))
        layout.addWidget(self.deadlines_view, 3)
        layout.addWidget(QLabel(self.tr("<b>Offene Aufgaben</b>")))
        layout.addWidget(self.tasks_view, 2)
        for view, handler in ((self.events_view, self._open_from_events), (self.rounds_view, self._open_from_rounds),
                              (self.deadlines_view, self._open_from_deadlines),
                              (self.tasks_view, self._open_from_tasks)):
            view.activated.connect(handler)
            view.clicked.connect(handler)
            install_row_actions(view, [action(view, self.tr("Öffnen"), _current_row_opener(view, handler), "openRow")])
        self.setTabOrder(self.over_limit_label, self.events_view)
        self.setTabOrder(self.events_view, self.rounds_view)
        self.setTabOrder(self.rounds_view, self.deadlines_view)
        self.setTabOrder(self.deadlines_view, self.tasks_view)
        ctx.changed.connect(self._on_changed)
        ctx.ready.connect(self._keep_or_reload)

    # -- page contract -------------------------------------------------------------------------------------

    def reload(self) -> None:
        if not self._ctx.is_ready:
            return
        early, self._early = self._early, None
        if early is not None and early.unchanged():  # the rows read at start-up are still what the file holds
            self._stale = False
            return
        now = self._clock()
        self._show(self._ctx.read(lambda s: load_dashboard(s, now)))

    def fill_at_start(self, path: Path) -> bool:
        """Before the database is open (start-up): the rows read with plain sqlite3 (``read_at_start``); the
        first reload once it is open keeps them when nothing was written to the file in between."""
        read = read_at_start(path, self._clock())
        if read is None:
            return False
        self._show(read[0])
        self._early = read[1]
        return True

    def _keep_or_reload(self) -> None:
        """Once the database is open: rows of the early read not checked yet (the page hidden) are checked now;
        an event clicked meanwhile opens."""
        if self._early is not None:
            self._stale = True
            if self.isVisible():
                self.reload()
        pending, self._pending_open = self._pending_open, None
        if pending is not None:
            self.open_event_requested.emit(*pending)

    def _show(self, data: DashboardData) -> None:
        self.events_heading.setText(
            self.tr("<b>Keine anstehenden Veranstaltungen</b> – die letzten Treffen:") if data.past_only
            else self.tr("<b>Anstehende Veranstaltungen</b>"))
        self.events_model.set_rows(data.events)
        self.deadlines_model.set_rows(data.deadlines)
        self.tasks_model.set_rows(data.tasks)
        self.rounds_model.set_rows(data.rounds)
        self.rounds_heading.setVisible(bool(data.rounds))
        self.rounds_view.setVisible(bool(data.rounds))
        self._show_over_limit(data.over_limit)
        for view in (self.events_view, self.rounds_view, self.deadlines_view, self.tasks_view):
            _fit_columns(view)
        self.events_view.setColumnWidth(GAUGE_COLUMN, max(230, self.events_view.columnWidth(GAUGE_COLUMN)))
        self.rounds_view.setColumnWidth(ROUND_GAUGE_COLUMN,
                                        max(260, self.rounds_view.columnWidth(ROUND_GAUGE_COLUMN)))
        self._stale = False

    def has_unsaved_changes(self) -> bool:
        return False

    def save_changes(self) -> bool:
        return True

    def discard_changes(self) -> None:
        return None

    def focus_search(self) -> None:
        self.events_view.setFocus()

    def delete_selected(self) -> None:
        return None

    # -- opening -------------------------------------------------------------------------------------------

    def _ask_open(self, event_id: uuid.UUID, tab: str) -> None:
        """Ask the window to open the event; a click on the early rows (``fill_at_start``) is answered once the
        database is open (the last one wins)."""
        if self._ctx.is_ready:
            self.open_event_requested.emit(event_id, tab)
        else:
            self._pending_open = (event_id, tab)

    def _open_from_events(self, index: QModelIndex) -> None:
        row = self.events_model.row_at(index.row())
        self._ask_open(row.id, "registrations")

    def _open_from_rounds(self, index: QModelIndex) -> None:
        row = self.rounds_model.row_at(index.row())
        self._ask_open(row.event_id, "registrations")

    def _open_link(self, link: str) -> None:
        try:
            event_id = uuid.UUID(link.removeprefix("event:"))
        except ValueError:
            return
        self._ask_open(event_id, "registrations")

    @staticmethod
    def _flag_style() -> str:
        return (f"QLabel {{ background: {theme.problem_background().name()}; color: {theme.problem_text().name()}; "
                f"border: 1px solid {theme.problem_text().name()}; padding: 6px; }}")

    def _show_over_limit(self, pools: list[OverLimitPool]) -> None:
        """One line per pool over its limit, each a link to the event's registrant list."""
        if not pools:
            self.over_limit_label.clear()
            self.over_limit_label.hide()
            return
        lines = [f'⚠ <a href="event:{p.event_id}">{html.escape(over_limit_text(p))}</a>' for p in pools]
        hint = self.tr("Die Plätze bleiben, bis Stornierungen oder mehr Plätze es ausgleichen.")
        self.over_limit_label.setText("<br>".join(lines) + f"<br><small>{html.escape(hint)}</small>")
        self.over_limit_label.setToolTip("\n".join(p.message() for p in pools))
        self.over_limit_label.show()

    def over_limit_texts(self) -> list[str]:
        """The flag's lines as plain text (what the coordinator reads)."""
        if self.over_limit_label.isHidden():
            return []
        return [QTextDocumentFragment.fromHtml(line).toPlainText().lstrip("⚠ ").strip()
                for line in self.over_limit_label.text().split("<br>")[:-1]]

    def _open_deadline(self, model: SnapshotTableModel[DeadlineRow], index: QModelIndex) -> None:
        row = model.row_at(index.row())
        self._ask_open(row.event_id, "tasks" if row.kind is DeadlineKind.TASK else "details")

    def _open_from_deadlines(self, index: QModelIndex) -> None:
        self._open_deadline(self.deadlines_model, index)

    def _open_from_tasks(self, index: QModelIndex) -> None:
        self._open_deadline(self.tasks_model, index)

    def _on_changed(self, kinds: object) -> None:
        if isinstance(kinds, tuple) and SHOWN_KINDS.intersection(kinds):
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._ctx.is_ready:  # before, the rows come from ``fill_at_start`` or with ``ready``
            self.reload()
