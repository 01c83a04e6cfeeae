"""Auswertung: how the meetings of a series went – key figures, charts and the table under each chart.

A series selector and a meeting selector ("Alle Treffen der Reihe" or one meeting, latest first) choose what is
shown. The figures, the chart tables and the chart pictures are computed on a worker (``report_models.
compute_report``, its own session): the window never waits for them. While they are computed the page says so
("Wird berechnet …") and dims what it showed before; a result for a selection that changed meanwhile is dropped
and the current selection computed instead. The charts take the colours of the page's palette (light or dark)
and are drawn again when the palette changes. A hidden page only notes that its data changed and computes again
when it is shown.
"""

from __future__ import annotations

import time
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import to_berlin, utcnow
from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.worker import run_in_background
from odn_desktop.ui.pages.report_models import (
    ChartTableModel,
    KeyFigures,
    MeetingChoice,
    ReportContent,
    key_texts,
)

if TYPE_CHECKING:
    from odn_desktop.exchange.report_charts import ChartStyle
    from odn_desktop.services.report_tables import ChartTable
    from odn_desktop.ui.infra.context import AppContext
    from odn_desktop.ui.pdf.report_export import ReportExport
    from odn_desktop.ui.widgets.chart_view import ChartView

#: data whose change alters the figures
KINDS = frozenset({"registrations", "contacts", "events"})
#: the table under a chart shows at most this many rows before it scrolls itself
TABLE_ROWS = 8
#: the columns' widths are measured on the header and this many rows (not on 300 meetings: one frame)
FIT_ROWS = 40
#: the narrowest column of a table under a chart (pixels)
MIN_COLUMN_WIDTH = 90
#: charts are drawn at least this wide (pixels), also in a narrow window
MIN_CHART_WIDTH_PX = 560
#: after a resize the charts are drawn again at the new width when it changed by more than this (inches)
RESIZE_STEP_IN = 0.4
#: (key, German label, term of ``report_figures.DEFINITIONS`` for the tooltip)
KEY_FIGURES: tuple[tuple[str, str, str], ...] = (
    ("registered", "angemeldet", "Angemeldet"),
    ("attended", "teilgenommen", "Teilgenommen"),
    ("attendance_rate", "Quote", "Teilnahmequote"),
    ("no_show", "nicht erschienen", "Nicht erschienen"),
    ("waiting", "Warteliste", "Warteliste"),
    ("late", "verspätet", "Verspätet"),
    ("organisations", "Organisationen", "Organisationen, Kommunen"),
    ("returning", "wiederkehrend", "Erstmals / wiederkehrend"),
)


def chart_style(palette: QPalette) -> ChartStyle:
    """The charts' colours from a palette: background Window, text WindowText, grid lines Mid, the first data
    series Highlight (the others follow light or dark) – so the charts belong to the window, light or dark."""
    from dataclasses import replace

    from odn_desktop.exchange.report_charts import ChartStyle

    role = QPalette.ColorRole
    base = ChartStyle.from_colours(palette.color(role.Window).name(), palette.color(role.WindowText).name())
    highlight = palette.color(role.Highlight)
    if _contrast(highlight, palette.color(role.Window)) < MIN_SERIES_CONTRAST:  # a dark blue on a dark window
        return replace(base, grid=palette.color(role.Mid).name())
    return replace(base, grid=palette.color(role.Mid).name(), series=(highlight.name(), *base.series[1:]))


#: a data series against the chart's background (WCAG 2.1 SC 1.4.11, graphics)
MIN_SERIES_CONTRAST = 3.0


def _contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                    for c in (colour.redF(), colour.greenF(), colour.blueF())]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def report_file_name(title: str, when: date | None = None) -> str:
    """„2022-03-01 Auswertung Open Data in Kommunen – Netzwerktreffen.pdf“: the day of the report (today in
    Berlin), then the series' title made safe for Windows (``ui.infra.file_dialogs.suggested_name``)."""
    from odn_desktop.ui.infra.file_dialogs import suggested_name

    return suggested_name("report", title, ".pdf", when or to_berlin(utcnow()).date())


def choose_report_path(parent: QWidget | None, suggestion: str) -> Path | None:
    """Where the report goes, PDF or Excel by the chosen type (the ending added when typed without); None:
    cancelled. Replaced in tests."""
    from odn_desktop.ui.infra.file_dialogs import save_path

    pdf = QCoreApplication.translate("ReportPage", "PDF (*.pdf)")
    xlsx = QCoreApplication.translate("ReportPage", "Excel-Arbeitsmappe (*.xlsx)")
    return save_path(parent, "report", suggestion, f"{pdf};;{xlsx}",
                     title=QCoreApplication.translate("ReportPage", "Auswertung speichern"))


class KeyFigure(QFrame):
    """A labelled number: the number large, its label small under it."""

    def __init__(self, key: str, label: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"keyFigure-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = label
        self.value_label = QLabel("–")
        self.value_label.setObjectName(f"keyValue-{key}")
        font = QFont(self.value_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = QLabel(label)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        self.setToolTip(tooltip)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)
        self.setAccessibleName(f"{self.label}: {text}")

    def text(self) -> str:
        return self.value_label.text()


class ChartSection(QWidget):
    """One chart (its title is part of the picture), the sentence under it and its table."""

    def __init__(self, table: ChartTable, parent: QWidget | None = None) -> None:
        from odn_desktop.ui.widgets.chart_view import ChartView

        super().__init__(parent)
        self.setObjectName(f"chart-{table.key}")
        self.key = table.key
        self.chart: ChartView = ChartView()
        self.chart.setObjectName(f"chartView-{table.key}")
        self.caption_label = QLabel()
        self.caption_label.setWordWrap(True)
        self.caption_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.keep_style(self.caption_label, lambda: theme.text_style(theme.muted_text))
        self.model = ChartTableModel(parent=self)
        self.table = QTableView()
        self.table.setObjectName(f"chartTable-{table.key}")
        self.table.setTabKeyNavigation(False)  # the arrows move in it, Tab leaves it
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 16)
        layout.setSpacing(6)
        layout.addWidget(self.chart)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.table)
        self.set_table(table)

    def set_table(self, table: ChartTable) -> None:
        if self.model.table is table:  # the same table, its picture drawn again
            return
        self.caption_label.setText(table.caption)
        self.caption_label.setVisible(bool(table.caption))
        self.model.set_table(table)
        self.table.setAccessibleName(self.tr("Tabelle: {title}").format(title=table.title))
        self._fit_table()

    def set_chart(self, table: ChartTable, svg: bytes) -> None:
        self.set_table(table)
        self.chart.set_svg(svg, self.tr("Diagramm: {title}").format(title=table.title), table.caption)

    def _fit_table(self) -> None:
        """Columns as wide as their contents, the table no wider than its columns (numbers stay near their
        labels) and at most ``TABLE_ROWS`` rows high: a long table scrolls itself and the page stays readable."""
        table, header = self.table, self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(FIT_ROWS)
        table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, max(header.sectionSize(column) + 16, MIN_COLUMN_WIDTH))
        rows = self.model.rowCount()
        shown = min(rows, TABLE_ROWS)
        frame = 2 * table.frameWidth()
        bar = table.verticalScrollBar().sizeHint().width() if rows > shown else 0
        table.setMaximumWidth(header.length() + frame + bar)
        table.setFixedHeight(header.sizeHint().height() + max(shown, 1) * table.verticalHeader().defaultSectionSize()
                             + frame)


class ReportPage(QWidget):
    #: the key figures and tables of the current selection are shown (the charts follow)
    figures_shown = Signal()
    #: the charts are drawn (after the figures, and again after the palette or the width changed)
    charts_shown = Signal()
    #: the report was saved (its path)
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReportPage")
        self.ctx = ctx
        self._series: list[tuple[uuid.UUID, str]] = []
        self._series_id: uuid.UUID | None = None
        self._event_id: uuid.UUID | None = None
        self._meetings: tuple[MeetingChoice, ...] = ()
        self._meetings_of: uuid.UUID | None = None
        self._content: ReportContent | None = None
        self._generation = 0  # of the selection and the data
        self._draw_generation = 0  # of the palette and the width
        self._in_flight = False
        self._dirty = True  # the figures must be computed again (not only drawn in other colours)
        self._stale = True
        self._requested_at = 0.0
        self._drawn_width_in = 0.0
        #: milliseconds from the last selection to its figures on the page (shown in tests and the benchmark)
        self.last_shown_ms: float | None = None

        top = self._build_selection_bar()
        figures_row = self._build_key_figures()
        self._build_charts_area()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(figures_row)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll_area, 1)
        QWidget.setTabOrder(self.series_combo, self.meeting_combo)
        QWidget.setTabOrder(self.meeting_combo, self.export_button)
        self._build_timers()
        ctx.changed.connect(self._on_context_changed)
        ctx.ready.connect(self.reload)
        self._show_key(None)
        self._set_busy(None)

    def _build_selection_bar(self) -> QHBoxLayout:
        """The line above the report: series and meeting to show, the busy note, the export button."""
        self.series_combo = QComboBox()
        self.series_combo.setObjectName("reportSeriesCombo")
        self.series_combo.setAccessibleName(self.tr("Veranstaltungsreihe"))
        self.series_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.series_combo.setMinimumContentsLength(28)
        self.series_combo.currentIndexChanged.connect(self._on_series)
        series_label = QLabel(self.tr("&Reihe:"))
        series_label.setBuddy(self.series_combo)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setObjectName("reportMeetingCombo")
        self.meeting_combo.setAccessibleName(self.tr("Treffen"))
        self.meeting_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_combo.setMinimumContentsLength(36)
        self.meeting_combo.currentIndexChanged.connect(self._on_meeting)
        meeting_label = QLabel(self.tr("&Treffen:"))
        meeting_label.setBuddy(self.meeting_combo)
        self.busy_label = QLabel(self.tr("Wird berechnet …"))
        self.busy_label.setObjectName("busyLabel")
        theme.keep_style(self.busy_label, lambda: theme.text_style(theme.muted_text))
        self.busy_label.setVisible(False)
        self.export_button = QPushButton(self.tr("&Exportieren …"))
        self.export_button.setObjectName("exportReportButton")
        self.export_button.setToolTip(self.tr("Die Auswertung der Reihe als PDF oder Excel-Arbeitsmappe speichern "
                                              "(Kennzahlen, Diagramme mit Tabellen, Erläuterungen)"))
        self.export_button.clicked.connect(self.export_report)
        top = QHBoxLayout()
        top.addWidget(series_label)
        top.addWidget(self.series_combo, 2)
        top.addSpacing(12)
        top.addWidget(meeting_label)
        top.addWidget(self.meeting_combo, 3)
        top.addSpacing(12)
        top.addWidget(self.busy_label)
        top.addStretch(1)
        top.addWidget(self.export_button)
        return top

    def _build_key_figures(self) -> QHBoxLayout:
        """The row of key figures (each with its definition as tool tip)."""
        from odn_desktop.services.report_figures import DEFINITIONS

        definitions = dict(DEFINITIONS)
        self.key_figures: dict[str, KeyFigure] = {}
        figures_row = QHBoxLayout()
        figures_row.setSpacing(6)
        labels = self._key_labels()
        for key, _label, term in KEY_FIGURES:
            box = KeyFigure(key, labels[key], f"{term}: {definitions.get(term, '')}")
            self.key_figures[key] = box
            figures_row.addWidget(box, 1)
        return figures_row

    def _build_charts_area(self) -> None:
        """The scope line, the note for an empty selection and the scrolled charts."""
        self.scope_label = QLabel()
        self.scope_label.setObjectName("scopeLabel")
        self.scope_label.setWordWrap(True)
        theme.keep_style(self.scope_label, lambda: theme.text_style(theme.muted_text))

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)
        self.sections: dict[str, ChartSection] = {}
        self.charts_widget = QWidget()
        self.charts_widget.setObjectName("reportCharts")
        self.charts_layout = QVBoxLayout(self.charts_widget)
        self.charts_layout.setContentsMargins(4, 0, 12, 0)
        self.charts_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("reportScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.charts_widget)

    def _build_timers(self) -> None:
        """Redraws after a palette change (at once) and a resize (after a pause)."""
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(0)
        self._restyle_timer.timeout.connect(self._redraw)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(250)
        self._resize_timer.timeout.connect(self._redraw)

    def _key_labels(self) -> dict[str, str]:
        return {"registered": self.tr("angemeldet"), "attended": self.tr("teilgenommen"),
                "attendance_rate": self.tr("Quote"), "no_show": self.tr("nicht erschienen"),
                "waiting": self.tr("Warteliste"), "late": self.tr("verspätet"),
                "organisations": self.tr("Organisationen"), "returning": self.tr("wiederkehrend")}

    # -- the page protocol ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """The series again (cheap), then the figures in the background – only when visible."""
        if not self.ctx.is_ready:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        from odn_desktop.services.events import list_series

        self._series = self.ctx.read(lambda s: [(series.id, series.title) for series in list_series(s)])
        if self._series_id not in {sid for sid, _ in self._series}:
            self._series_id = self._series[0][0] if self._series else None
            self._event_id = None
        self._fill_series_combo()
        if self._series_id is None:
            self._show_empty(self.tr("Noch keine Veranstaltungsreihe. Die Auswertung zeigt die Treffen einer Reihe; "
                                     "Reihen entstehen unter „Veranstaltungen“."))
            return
        self._request()

    def has_unsaved_changes(self) -> bool:
        return False

    def save_changes(self) -> bool:
        return True

    def discard_changes(self) -> None:
        """Nothing to discard: the page only reads."""

    def focus_search(self) -> None:
        self.series_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def delete_selected(self) -> None:
        """Nothing to delete here."""

    # -- state for tests and the export ----------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return self._in_flight

    @property
    def content(self) -> ReportContent | None:
        """What the page shows (None before the first result)."""
        return self._content

    def series_id(self) -> uuid.UUID | None:
        return self._series_id

    def event_id(self) -> uuid.UUID | None:
        return self._event_id

    def key_text(self, key: str) -> str:
        return self.key_figures[key].text()

    def select_series(self, series_id: uuid.UUID) -> None:
        position = next((n for n, (sid, _t) in enumerate(self._series) if sid == series_id), -1)
        self.series_combo.setCurrentIndex(position)

    def select_meeting(self, event_id: uuid.UUID | None) -> None:
        position = 0 if event_id is None else self.meeting_combo.findData(str(event_id))
        self.meeting_combo.setCurrentIndex(position)

    # -- selection -----------------------------------------------------------------------------------------

    def _fill_series_combo(self) -> None:
        self.series_combo.blockSignals(True)
        try:
            self.series_combo.clear()
            for series_id, title in self._series:
                self.series_combo.addItem(title, str(series_id))
            position = next((n for n, (sid, _t) in enumerate(self._series) if sid == self._series_id), -1)
            self.series_combo.setCurrentIndex(position)
        finally:
            self.series_combo.blockSignals(False)
        self._fill_meeting_combo()

    def _fill_meeting_combo(self) -> None:
        meetings = self._meetings if self._meetings_of == self._series_id else ()
        self.meeting_combo.blockSignals(True)
        try:
            self.meeting_combo.clear()
            self.meeting_combo.addItem(self.tr("Alle Treffen der Reihe"), "")
            for meeting in meetings:
                day = f"{to_berlin(meeting.starts_at):%d.%m.%Y}"
                self.meeting_combo.addItem(f"{day} – {meeting.title}", str(meeting.id))
            position = 0 if self._event_id is None else self.meeting_combo.findData(str(self._event_id))
            self.meeting_combo.setCurrentIndex(max(position, 0))
        finally:
            self.meeting_combo.blockSignals(False)

    def _on_series(self, position: int) -> None:
        if not 0 <= position < len(self._series):
            return
        series_id = self._series[position][0]
        if series_id == self._series_id:
            return
        self._series_id, self._event_id = series_id, None
        self._fill_meeting_combo()
        self._request()

    def _on_meeting(self, position: int) -> None:
        data = self.meeting_combo.itemData(position) if position >= 0 else ""
        event_id = uuid.UUID(data) if data else None
        if event_id == self._event_id:
            return
        self._event_id = event_id
        self._request()

    # -- computing -----------------------------------------------------------------------------------------

    def _request(self, *, redraw: bool = False) -> None:
        """Compute what is selected now (``redraw``: only draw the shown charts again, in the palette's colours
        and at the page's width). A step under way is let finish; its result is dropped and the current
        selection computed instead."""
        if self._series_id is None or not self.ctx.is_ready:
            return
        if redraw:
            self._draw_generation += 1
        else:
            self._generation += 1
            self._dirty = True
            self._requested_at = time.perf_counter()
        self._set_busy(self.tr("Wird berechnet …") if self._dirty else self.tr("Diagramme werden gezeichnet …"))
        if not self._in_flight:
            self._start()

    def _matches(self, content: ReportContent) -> bool:
        return content.series_id == self._series_id and content.event_id == self._event_id

    def _start(self) -> None:
        """The next step for the current generation: the figures when they are not (or no longer) those of the
        selection, else the charts' pictures."""
        from odn_desktop.ui.pages import report_models

        db = self.ctx.db
        series_id, event_id = self._series_id, self._event_id
        generation = (self._generation, self._draw_generation)
        content = self._content
        if db is None or series_id is None:
            self._set_busy(None)
            return
        self._in_flight = True
        if self._dirty or content is None or not self._matches(content):
            self._set_busy(self.tr("Wird berechnet …"))
            run_in_background(lambda: report_models.compute_figures(db, series_id, event_id),
                              lambda result: self._figures_arrived(generation, result),
                              lambda error: self._failed(generation, error))
            return
        style = chart_style(self.palette())
        width_in = self._drawn_width_in = self._chart_width_in()
        self._set_busy(self.tr("Diagramme werden gezeichnet …"))
        run_in_background(lambda: report_models.draw_charts(content, style, width_in),
                          lambda result: self._charts_arrived(generation, result),
                          lambda error: self._failed(generation, error))

    def _figures_arrived(self, generation: tuple[int, int], content: ReportContent) -> None:
        if not isValid(self):
            return
        self._in_flight = False
        if generation[0] != self._generation:  # the selection or the data changed meanwhile: the current one
            self._start()
            return
        self._dirty = False
        self._show(content)
        self.last_shown_ms = (time.perf_counter() - self._requested_at) * 1000
        self.figures_shown.emit()
        self._start()  # the pictures

    def _charts_arrived(self, generation: tuple[int, int], content: ReportContent) -> None:
        if not isValid(self):
            return
        self._in_flight = False
        if generation != (self._generation, self._draw_generation):  # new figures, or palette or width changed
            self._start()
            return
        self._show(content)
        self._set_busy(None)
        self.charts_shown.emit()

    def _failed(self, generation: tuple[int, int], error: BaseException) -> None:
        if not isValid(self):
            return
        self._in_flight = False
        if generation != (self._generation, self._draw_generation):  # superseded: its error is no news either
            self._start()
            return
        self._set_busy(None)
        if isinstance(error, UserError):
            context.show_user_error(self, error.message)
            return
        raise error

    def _set_busy(self, text: str | None) -> None:
        """The busy note ("Wird berechnet …"); what is shown is dimmed while the figures are computed."""
        self.busy_label.setText(text or "")
        self.busy_label.setVisible(text is not None)
        computing = text is not None and self._dirty and self._content is not None
        self.scroll_area.setEnabled(not computing)
        for box in self.key_figures.values():
            box.setEnabled(not computing)
        if text is not None:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # -- showing -------------------------------------------------------------------------------------------

    def _show(self, content: ReportContent) -> None:
        self._content = content
        self.empty_label.setVisible(False)
        self.scroll_area.setVisible(True)
        if content.meetings is not None and (self._meetings_of != content.series_id
                                             or self._meetings != content.meetings):
            self._meetings, self._meetings_of = content.meetings, content.series_id
            self._fill_meeting_combo()
        self._show_key(content.key)
        self._show_charts(content)

    def _show_key(self, key: KeyFigures | None) -> None:
        boxes = self.key_figures
        if key is None:
            for box in boxes.values():
                box.set_value("–")
            self.scope_label.setText("")
            return
        for name, text in key_texts(key).items():
            boxes[name].set_value(text)
        self.scope_label.setText(self._scope_text(key))

    def _scope_text(self, key: KeyFigures) -> str:
        if self._event_id is not None:
            if not key.meetings_with_attendance:
                return self.tr("Für dieses Treffen gibt es noch keine Teilnahmedaten: Quote und „nicht erschienen“ "
                               "folgen, wenn es stattgefunden hat.")
            return self.tr("„wiederkehrend“: Anmeldungen von Personen, die schon für ein früheres Treffen der Reihe "
                           "angemeldet waren.")
        return self.tr("Treffen gezählt: {meetings}, davon mit Teilnahmedaten: {rated} (nur diese zählen für Quote "
                       "und „nicht erschienen“). „wiederkehrend“: Personen, die nach einem früheren Treffen der "
                       "Reihe wiederkamen.").format(meetings=key.meetings, rated=key.meetings_with_attendance)

    def _show_charts(self, content: ReportContent) -> None:
        keys = [chart.table.key for chart in content.charts]
        if keys != list(self.sections):
            for section in self.sections.values():
                self.charts_layout.removeWidget(section)
                section.deleteLater()
            self.sections = {}
            for chart in content.charts:
                section = ChartSection(chart.table)
                self.charts_layout.insertWidget(self.charts_layout.count() - 1, section)
                self.sections[chart.table.key] = section
            previous: QWidget = self.export_button
            for section in self.sections.values():
                QWidget.setTabOrder(previous, section.table)
                previous = section.table
        for chart in content.charts:
            section = self.sections[chart.table.key]
            if chart.svg:
                section.set_chart(chart.table, chart.svg)
            else:  # the picture follows; until then the one shown before (if any) stays
                section.set_table(chart.table)

    def _show_empty(self, text: str) -> None:
        self._content = None
        self._show_key(None)
        self.empty_label.setText(text)
        self.empty_label.setVisible(True)
        self.scroll_area.setVisible(False)

    def chart_svg(self, key: str) -> bytes:
        """The picture of a shown chart (tests)."""
        content = self._content
        assert content is not None
        return next(c.svg for c in content.charts if c.table.key == key)

    def table_model(self, key: str) -> ChartTableModel:
        return self.sections[key].model

    # -- export --------------------------------------------------------------------------------------------

    def export_report(self) -> None:
        """The series' report as PDF or Excel workbook (``ui.pdf.report_export``: the same figures and tables as the
        page), written on a worker with its own session; the status bar says where it went."""
        series_id = self._series_id
        db = self.ctx.db
        if series_id is None or db is None:
            return
        title = next((t for sid, t in self._series if sid == series_id), "")
        path = choose_report_path(self, report_file_name(title))
        if path is None:
            return
        from odn_desktop.store.database import transaction
        from odn_desktop.ui.pdf.report_export import check_report_path, export_report

        try:
            check_report_path(path)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return

        def work() -> ReportExport:
            with transaction(db.sessions) as session:
                return export_report(session, series_id, path)

        self.export_button.setEnabled(False)
        self.ctx.status_message.emit(self.tr("Auswertung wird gespeichert …"))
        run_in_background(work, self._exported, self._export_failed)

    def _exported(self, result: ReportExport) -> None:
        if isValid(self):
            self.export_button.setEnabled(True)
            self.ctx.status_message.emit(result.message)
            self.exported.emit(str(result.path))

    def _export_failed(self, error: BaseException) -> None:
        if isValid(self):
            self.export_button.setEnabled(True)
        if isinstance(error, UserError):
            context.show_user_error(self if isValid(self) else None, error.message)
            return
        if isinstance(error, OSError):
            context.show_user_error(self if isValid(self) else None, self.tr(
                "Die Auswertung konnte nicht gespeichert werden: {reason}").format(reason=error.strerror or error))
            return
        raise error

    # -- reactions -----------------------------------------------------------------------------------------

    def _on_context_changed(self, kinds: object) -> None:
        if isinstance(kinds, tuple | list | set | frozenset) and KINDS & set(kinds):
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.ctx.is_ready:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._content is not None:
            self._restyle_timer.start()  # several palette events in a row: one drawing

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._content is not None and abs(self._chart_width_in() - self._drawn_width_in) > RESIZE_STEP_IN:
            self._resize_timer.start()  # drawn again at the new width once the resizing stops

    def _chart_width_in(self) -> float:
        """The width the charts are drawn at, in inches of the screen's logical DPI: the scroll area's width."""
        margins = self.charts_layout.contentsMargins()
        pixels = self.scroll_area.viewport().width() - margins.left() - margins.right()
        if self.scroll_area.verticalScrollBar().isHidden():  # it will appear once the charts are there
            pixels -= self.scroll_area.verticalScrollBar().sizeHint().width()
        return float(max(pixels, MIN_CHART_WIDTH_PX) / max(self.logicalDpiX(), 1))

    def _redraw(self) -> None:
        if self.isVisible():
            self._request(redraw=True)
        else:
            self._stale = True
