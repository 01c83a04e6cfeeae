"""What the Auswertung page shows, computed off the GUI thread, and the table model under each chart.

Two steps, each on a worker (``ui.infra.worker.run_in_background``): ``compute_figures`` reads the figures with its own
session (``services.report_figures``) and makes the chart tables (``services.report_tables``) – the key figures
and tables are shown at once; ``draw_charts`` then draws the charts (``exchange.report_charts``, SVG, a few
hundred milliseconds), again after the palette or the page's width changed (no database). Everything that may
take longer than a frame with 100,000 registrations happens there; the GUI thread only puts the finished
``ReportContent`` into widgets.

Key figures of a whole series (``series_key_figures``) are the series' totals as ``report_figures`` adds them up
(``SeriesFigures.totals``); the attendance rate and the no-shows count only the meetings with Teilnahmedaten
(``EventFigures.attendance_recorded``): a meeting still to come would otherwise count everyone as "nicht
erschienen". The PDF and the workbook say the same.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from odn_desktop.exchange.report_charts import ChartStyle
    from odn_desktop.services.report_figures import EventFigures, SeriesFigures
    from odn_desktop.services.report_tables import ChartTable
    from odn_desktop.store.open import Database

ModelIndex = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


# -- key figures -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFigures:
    """The row of numbers at the top of the page, for a series or for one meeting."""

    registered: int
    attended: int
    #: attended ÷ registered over the meetings with attendance data; None when there is none yet
    attendance_rate: float | None
    #: registered − attended over the meetings with attendance data; None when there is none yet
    no_show: int | None
    waiting: int
    late: int
    organisations: int
    #: series: persons who came back after an earlier meeting; meeting: its returning registrations
    returning: int
    #: how many meetings the figures add up (1 for a meeting) and how many of them have attendance data
    meetings: int = 1
    meetings_with_attendance: int = 1


def series_key_figures(figures: SeriesFigures) -> KeyFigures:
    """The series' key figures as ``report_figures`` sums them (``SeriesFigures.totals``): rate and no-shows
    only over the meetings with Teilnahmedaten, none while there is no such meeting."""
    totals, rated = figures.totals, figures.meetings_with_attendance
    return KeyFigures(
        registered=totals.registered,
        attended=totals.attended,
        attendance_rate=figures.attendance_rate if rated else None,
        no_show=totals.no_show if rated else None,
        waiting=totals.waiting,
        late=totals.late,
        organisations=figures.distinct_organisations,
        returning=figures.returning_participants,
        meetings=len(figures.events),
        meetings_with_attendance=rated,
    )


def event_key_figures(event: EventFigures) -> KeyFigures:
    """One meeting's key figures; rate and no-shows only once it has Teilnahmedaten."""
    rated = event.attendance_recorded
    return KeyFigures(
        registered=event.counts.registered,
        attended=event.counts.attended,
        attendance_rate=event.counts.attendance_rate if rated else None,
        no_show=event.counts.no_show if rated else None,
        waiting=event.counts.waiting,
        late=event.counts.late,
        organisations=event.organisations,
        returning=event.returning,
        meetings=1,
        meetings_with_attendance=int(rated),
    )


def key_texts(key: KeyFigures) -> dict[str, str]:
    """The numbers of the key figures as the page shows them (German, as the report: 1.234, 84,2 %); „–“ where
    there is nothing to count yet."""
    from odn_desktop.services.report_tables import format_cell

    return {
        "registered": format_cell(key.registered),
        "attended": format_cell(key.attended),
        "attendance_rate": "–" if key.attendance_rate is None else format_cell(key.attendance_rate, percent=True),
        "no_show": "–" if key.no_show is None else format_cell(key.no_show),
        "waiting": format_cell(key.waiting),
        "late": format_cell(key.late),
        "organisations": format_cell(key.organisations),
        "returning": format_cell(key.returning),
    }


# -- what the worker hands back ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingChoice:
    id: uuid.UUID
    title: str
    starts_at: datetime  # UTC


@dataclass(frozen=True)
class Chart:
    """One chart of the page: its table (shown under it) and its picture (empty until drawn)."""

    table: ChartTable
    svg: bytes


@dataclass(frozen=True)
class ReportContent:
    """Everything one selection shows; made on a worker, shown as it is."""

    series_id: uuid.UUID
    #: None: the whole series
    event_id: uuid.UUID | None
    title: str
    key: KeyFigures
    charts: tuple[Chart, ...]
    #: the series' meetings, latest first (the meeting selector); None: not read (a meeting's figures)
    meetings: tuple[MeetingChoice, ...] | None
    #: seconds the worker took for the last step (figures and tables, or the pictures)
    seconds: float = 0.0


def meeting_choices(figures: SeriesFigures) -> tuple[MeetingChoice, ...]:
    return tuple(MeetingChoice(e.event_id, e.title, e.starts_at)
                 for e in sorted(figures.events, key=lambda e: (e.starts_at, e.title), reverse=True))


#: the tallest chart on the page, in inches (at the screen's logical DPI: 96 px per inch at 100 %)
MAX_CHART_HEIGHT_IN = 3.6


def chart_size_in(table: ChartTable, width_in: float) -> tuple[float, float]:
    """The size a chart is drawn at on the page: as wide as the page, the height the chart suggests for that
    width, at most ``MAX_CHART_HEIGHT_IN`` so a chart and the start of its table fit on a laptop screen."""
    from odn_desktop.exchange.report_charts import suggested_size_in

    width, height = suggested_size_in(table, width_in)
    return width, min(height, MAX_CHART_HEIGHT_IN)


def render_charts(tables: Sequence[ChartTable], style: ChartStyle, width_in: float) -> tuple[Chart, ...]:
    """Worker: each table's chart as SVG in ``style``'s colours, ``width_in`` inches wide (text at its size in
    points: the page shows the picture at that width, so the charts' text is as large as the window's)."""
    from odn_desktop.exchange.report_charts import chart_svg

    charts = []
    for table in tables:
        width, height = chart_size_in(table, width_in)
        charts.append(Chart(table, chart_svg(table, style, width_in=width, height_in=height)))
    return tuple(charts)


def compute_figures(db: Database, series_id: uuid.UUID, event_id: uuid.UUID | None) -> ReportContent:
    """Worker, first step: the figures and the chart tables of a series (``event_id`` None) or of one of its
    meetings – a handful of grouped queries; the charts' pictures follow (``draw_charts``)."""
    from odn_desktop.services import report_figures, report_tables
    from odn_desktop.store.database import transaction

    started = time.perf_counter()
    with transaction(db.sessions) as session:
        if event_id is None:
            series = report_figures.series_figures(session, series_id)
        else:
            event = report_figures.event_figures(session, event_id)
            curve = report_figures.registration_curve(session, event_id)
    if event_id is None:
        content = ReportContent(series_id, None, series.title, series_key_figures(series),
                                tuple(Chart(t, b"") for t in report_tables.series_tables(series)),
                                meeting_choices(series))
    else:
        content = ReportContent(series_id, event_id, event.title, event_key_figures(event),
                                tuple(Chart(t, b"") for t in report_tables.event_tables(event, curve)), None)
    return replace(content, seconds=time.perf_counter() - started)


def draw_charts(content: ReportContent, style: ChartStyle, width_in: float) -> ReportContent:
    """Worker, second step: the charts of ``content`` as pictures (again after the palette or the width
    changed)."""
    started = time.perf_counter()
    charts = render_charts([c.table for c in content.charts], style, width_in)
    return replace(content, charts=charts, seconds=time.perf_counter() - started)


# -- the table under a chart -------------------------------------------------------------------------------------


class ChartTableModel(QAbstractTableModel):
    """A chart's table, read-only: German-formatted cells (``report_tables.format_cell``), numbers right-aligned."""

    def __init__(self, table: ChartTable | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: tuple[tuple[Any, ...], ...] = ()
        self._text: dict[tuple[int, int], str] = {}
        self._numeric: list[bool] = []
        self.table: ChartTable | None = None
        if table is not None:
            self.set_table(table)

    def set_table(self, table: ChartTable) -> None:
        """Show ``table``; its cells are formatted when first asked for (a view asks for the rows it shows)."""
        self.beginResetModel()
        self.table = table
        self._headers = tuple(table.headers)
        width = len(self._headers)
        self._rows = tuple(tuple(row[:width]) + (None,) * (width - len(row)) for row in table.rows)
        self._text = {}
        columns = list(zip(*self._rows, strict=True)) if self._rows else [() for _ in range(width)]
        self._numeric = [any(isinstance(v, int | float) for v in column)
                         and all(v is None or (isinstance(v, int | float) and not isinstance(v, bool))
                                 for v in column)
                         for column in columns]
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        """The cell as shown (German: 1.234, 12,5, 02.12.2021; empty for no value)."""
        key = (row, column)
        text = self._text.get(key)
        if text is None:
            from odn_desktop.services.report_tables import format_cell

            text = self._text[key] = format_cell(self._rows[row][column])
        return text

    def value(self, row: int, column: int) -> Any:
        return self._rows[row][column]

    def is_numeric(self, column: int) -> bool:
        return self._numeric[column]

    # -- QAbstractTableModel ---------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._headers)):
            return None
        role = int(role)
        if role in (_DISPLAY, _ACCESSIBLE):
            text = self.text(row, column)
            if role == _ACCESSIBLE:
                return f"{self._headers[column]}: {text or '–'}"
            return text
        if role == _ALIGN:
            return _RIGHT if self._numeric[column] else _LEFT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        role = int(role)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == _DISPLAY:
                return self._headers[section]
            if role == _ALIGN:
                return _RIGHT if self._numeric[section] else _LEFT
        elif orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows) and role == _DISPLAY:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

