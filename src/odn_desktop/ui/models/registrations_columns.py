"""Columns of the registrant tables (one event's tab and the view over all events), the status delegate and
the table set-up both share.

Cells only format what a ``RegistrationRow`` snapshot holds; sort keys are cheap (German name keys are cached
per name, times compare as they are), because sorting 100,000 rows calls them once per row.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from odn_desktop.domain.names import german_sort_key, person_sort_key
from odn_desktop.domain.timezone import format_german_datetime
from odn_desktop.services.rows import RegistrationRow
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.dates import display_date

from .snapshot_model import ColumnSpec

ModelIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

REGISTERED, WAITING, CANCELLED = "registered", "waiting", "cancelled"
_STATUS_RANK = {REGISTERED: 0, WAITING: 1, CANCELLED: 2}

#: status -> (background, text); light backgrounds with dark text stay readable in dark themes too
#: (background, text) per status; called when a cell is drawn, so they follow the palette (see theme)
STATUS_COLOURS: dict[str, tuple[theme.SemanticColour, theme.SemanticColour]] = {
    REGISTERED: (theme.ok_background, theme.ok_text),
    WAITING: (theme.warning_background, theme.warning_strong_text),
    CANCELLED: (theme.neutral_background, theme.secondary_text),
}


class Column(IntEnum):
    """Columns of the event's registrant tab; the view over all events puts ``Veranstaltung`` first.

    Name, status and organisation first (DESIGN §4b: they stay visible in a narrow editor), then the parallel
    round (hidden for an event without rounds), then the e-mail address and the rest."""

    LAST_NAME = 0
    FIRST_NAME = 1
    STATUS = 2
    ORGANISATION = 3
    ROUND = 4
    EMAIL = 5
    REGISTERED_AT = 6
    LATE = 7
    ATTENDED = 8


_german_keys: dict[str, tuple[str, str, str, str]] = {}


def text_key(text: str) -> tuple[str, str, str, str]:
    """``german_sort_key``, cached: names and organisations repeat across thousands of rows."""
    key = _german_keys.get(text)
    if key is None:
        if len(_german_keys) > 200_000:
            _german_keys.clear()
        key = _german_keys[text] = german_sort_key(text)
    return key


_name_keys: dict[tuple[str, str], Any] = {}


def name_key(last: str, first: str) -> Any:
    """``person_sort_key`` (DIN 5007-2: "von der Heide" under H, titles ignored), the order of every list of
    people; cached like ``text_key``."""
    key = _name_keys.get((last, first))
    if key is None:
        if len(_name_keys) > 200_000:
            _name_keys.clear()
        key = _name_keys[(last, first)] = person_sort_key(last, first)
    return key


def status_text(row: RegistrationRow) -> str:
    """``Angemeldet``, ``Warteliste #3``, ``Storniert``."""
    if row.status == REGISTERED:
        return translate("RegistrationColumns", "Angemeldet")
    if row.status == WAITING:
        if row.waitlist_position is None:
            return translate("RegistrationColumns", "Warteliste")
        return translate("RegistrationColumns", "Warteliste #{position}").format(position=row.waitlist_position)
    if row.status == CANCELLED:
        return translate("RegistrationColumns", "Storniert")
    return row.status


def attendance_text(row: RegistrationRow) -> str:
    if not row.attended:
        return ""
    return "✓" if row.attended_minutes is None else f"✓ {row.attended_minutes}"


def _attendance_tooltip(row: RegistrationRow) -> str | None:
    if not row.attended:
        return None
    if row.attended_minutes is None:
        return translate("RegistrationColumns", "Teilgenommen")
    return translate("RegistrationColumns", "Teilgenommen ({minutes} Minuten)").format(minutes=row.attended_minutes)


def _greyed(row: RegistrationRow) -> QColor | None:
    return theme.muted_text() if row.status == CANCELLED else None


def _status_colour(row: RegistrationRow, which: int) -> QColor | None:
    """The status cell's background (0) or text (1) colour for the palette in effect now."""
    colours = STATUS_COLOURS.get(row.status)
    return None if colours is None else colours[which]()


def _status_tooltip(row: RegistrationRow) -> str | None:
    if row.status == WAITING and row.waitlist_position is not None:
        text = translate("RegistrationColumns", "Platz {position} auf der Warteliste")
        return text.format(position=row.waitlist_position)
    return None


def _late_text(row: RegistrationRow) -> str:
    return translate("RegistrationColumns", "ja") if row.late else ""


def _late_tooltip(row: RegistrationRow) -> str | None:
    return translate("RegistrationColumns", "Nach dem Anmeldeschluss angemeldet") if row.late else None


def _registered_tooltip(row: RegistrationRow) -> str:
    when = format_german_datetime(row.registered_at)
    return translate("RegistrationColumns", "{when} Uhr (Berlin)").format(when=when)


def _text_column(title: str, value: Callable[[RegistrationRow], str],
                 key: Callable[[RegistrationRow], Any]) -> ColumnSpec[Any]:
    return ColumnSpec(title=title, display=value, sort_key=key, tooltip=value, foreground=_greyed)


def event_label(row: Any) -> str:
    """``Do 02.12.2021 · Open-Data-Netzwerktreffen`` (for rows that carry their event)."""
    return f"{display_date(row.event_starts_at)} · {row.event_title}"


def registration_columns(with_event: bool = False) -> list[ColumnSpec[Any]]:
    """The registrant columns (``Column`` order); ``with_event`` adds ``Veranstaltung`` in front."""
    columns: list[ColumnSpec[Any]] = [
        _text_column(translate("RegistrationColumns", "Nachname"), lambda r: r.last_name,
                     lambda r: name_key(r.last_name, r.first_name)),
        _text_column(translate("RegistrationColumns", "Vorname"), lambda r: r.first_name,
                     lambda r: (text_key(r.first_name), text_key(r.last_name))),
        ColumnSpec(
            title=translate("RegistrationColumns", "Status"), display=status_text,
            sort_key=lambda r: (_STATUS_RANK.get(r.status, 3), r.waitlist_position or 0),
            tooltip=_status_tooltip,
            foreground=lambda r: _status_colour(r, 1),
            background=lambda r: _status_colour(r, 0),
        ),
        _text_column(translate("RegistrationColumns", "Organisation"), lambda r: r.organisation,
                     lambda r: text_key(r.organisation)),
        _text_column(translate("RegistrationColumns", "Runde"), lambda r: r.round or "",
                     lambda r: (r.round is None, text_key(r.round or ""))),
        _text_column(translate("RegistrationColumns", "E-Mail"), lambda r: r.email, lambda r: r.email.casefold()),
        ColumnSpec(
            title=translate("RegistrationColumns", "Angemeldet am"),
            display=lambda r: format_german_datetime(r.registered_at), sort_key=lambda r: r.registered_at,
            foreground=_greyed, tooltip=_registered_tooltip,
        ),
        ColumnSpec(
            title=translate("RegistrationColumns", "verspätet"), display=_late_text, sort_key=lambda r: r.late,
            foreground=lambda r: theme.warning_text() if r.late else None, tooltip=_late_tooltip,
        ),
        ColumnSpec(
            title=translate("RegistrationColumns", "Teilnahme (Minuten)"), display=attendance_text,
            sort_key=lambda r: (r.attended, r.attended_minutes or 0), align_right=True,
            tooltip=_attendance_tooltip, foreground=_greyed,
        ),
    ]
    if with_event:
        columns.insert(0, ColumnSpec(
            title=translate("RegistrationColumns", "Veranstaltung"), display=event_label,
            sort_key=lambda r: (r.event_starts_at, text_key(r.event_title)),
            tooltip=lambda r: f"{format_german_datetime(r.event_starts_at)} · {r.event_title}",
            foreground=_greyed,
        ))
    return columns


def status_column(with_event: bool = False) -> int:
    return int(Column.STATUS) + (1 if with_event else 0)


def round_column(with_event: bool = False) -> int:
    return int(Column.ROUND) + (1 if with_event else 0)


#: the status pill (``StatusDelegate``): padding around its text, and its distance to the cell's edges
PILL_PADDING = 14
PILL_MARGIN = 4

#: initial widths: the width of a typical long value (plus padding); the last column takes what is left
WIDTH_SAMPLES = {
    Column.LAST_NAME: "Zimmermann-Schulte",
    Column.FIRST_NAME: "Franziska M.",
    Column.EMAIL: "franziska.zimmermann@muenster.de",
    Column.ORGANISATION: "Landeshauptstadt Potsdam",
    Column.STATUS: "Warteliste #12",  # (measured as the pills of the translated texts: status_width)
    Column.ROUND: "Runde B: Haushalt",
    Column.REGISTERED_AT: "29.11.2021 23:59",
    Column.LATE: "verspätet",
    Column.ATTENDED: "Teilnahme (Min.)",  # the last column: it also takes the space left over
}
EVENT_WIDTH_SAMPLE = "Do 02.12.2021 · Open-Data-Netzwerk"


def status_width(text_width: Callable[[str], int]) -> int:
    """The Status column's width: the widest pill ("Angemeldet", "Warteliste #12", "Storniert" as translated)
    whole, with its margins and a pixel to spare."""
    samples = (translate("RegistrationColumns", "Angemeldet"), translate("RegistrationColumns", "Storniert"),
               translate("RegistrationColumns", "Warteliste #{position}").format(position=12),
               translate("RegistrationColumns", "Status"))
    return max(text_width(s) for s in samples) + PILL_PADDING + 2 * PILL_MARGIN + 2


def column_widths(text_width: Callable[[str], int], with_event: bool = False) -> list[int]:
    """Initial column widths, given how wide a text is in the table's font."""
    padding = text_width("M") + 10
    widths = [text_width(WIDTH_SAMPLES[c]) + padding for c in Column]
    widths[Column.STATUS] = status_width(text_width)
    if with_event:
        widths.insert(0, text_width(EVENT_WIDTH_SAMPLE) + padding)
    return widths


class StatusDelegate(QStyledItemDelegate):
    """Draws the status as a coloured pill; each pill is drawn once per text and size, then blitted.

    Painting is on the keystroke path of a 100,000-row search, so the delegate takes the row snapshot from the
    model (``row_at``) instead of asking ``QModelIndex.data()`` role by role through ``initStyleOption``.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._pills: dict[tuple[str, str, int, float, bool, bool], QPixmap] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        model = index.model()
        row_at = getattr(model, "row_at", None)
        if row_at is None or not index.isValid():
            super().paint(painter, option, index)
            return
        row = row_at(index.row())
        view = self._view
        style = view.style()
        # the cell's background as the style draws it: alternating rows, selection, hover
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, option, painter, view)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, view)
        text = status_text(row)
        rect = option.rect
        pill = self._pill(text, row.status, rect.height(), painter.device().devicePixelRatioF(),
                          option.font, view.isEnabled())
        width = min(pill.width() / pill.devicePixelRatioF(), rect.width() - 2 * PILL_MARGIN)
        height = pill.height() / pill.devicePixelRatioF()
        target = QRectF(rect.left() + PILL_MARGIN, rect.top() + (rect.height() - height) / 2, width, height)
        painter.drawPixmap(target, pill, QRectF(0, 0, width * pill.devicePixelRatioF(), pill.height()))

    def _pill(self, text: str, status: str, cell_height: int, ratio: float, font: QFont, enabled: bool) -> QPixmap:
        key = (text, status, cell_height, ratio, enabled, theme.is_dark())
        pixmap = self._pills.get(key)
        if pixmap is not None:
            return pixmap
        metrics = QFontMetrics(font)
        height = min(cell_height - 4, metrics.height() + 4)
        width = metrics.horizontalAdvance(text) + PILL_PADDING
        pixmap = QPixmap(int(width * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        background_colour, text_colour = STATUS_COLOURS.get(status, (theme.neutral_background, theme.neutral_text))
        background, foreground = background_colour(), text_colour()
        if not enabled:
            foreground = theme.muted_text()
        pill_painter = QPainter(pixmap)
        pill_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pill_painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        pill_painter.setPen(Qt.PenStyle.NoPen)
        pill_painter.setBrush(background)
        pill_painter.drawRoundedRect(QRectF(0, 0, width, height), height / 2, height / 2)
        pill_painter.setPen(foreground)
        pill_painter.setFont(font)
        pill_painter.drawText(QRectF(0, 0, width, height), int(Qt.AlignmentFlag.AlignCenter), text)
        pill_painter.end()
        if len(self._pills) > 500:
            self._pills.clear()
        self._pills[key] = pixmap
        return pixmap

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 16, size.height())


def setup_registration_table(table: QTableView, with_event: bool) -> None:
    """Shared table set-up: row selection, fixed row heights (cheap for 100,000 rows), service order first."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setTabKeyNavigation(False)
    vertical = table.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order until a header is clicked
    header.setSortIndicatorClearable(True)
    header.setHighlightSections(False)
    table.setSortingEnabled(True)
    metrics = table.fontMetrics()
    for column, width in enumerate(column_widths(metrics.horizontalAdvance, with_event)):
        header.resizeSection(column, width)
    header.setStretchLastSection(True)
    table.setItemDelegateForColumn(status_column(with_event), StatusDelegate(table))
    table.addAction(_copy_action(table))


def _copy_action(table: QTableView) -> QAction:
    """Ctrl+C copies the selected rows as tab-separated text (pastes into a spreadsheet)."""
    action = QAction(translate("RegistrationColumns", "Kopieren"), table)
    action.setShortcut(QKeySequence.StandardKey.Copy)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def copy() -> None:
        model = table.model()
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        columns = range(model.columnCount())
        lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)]
        lines += ["\t".join(str(model.index(r, c).data() or "") for c in columns) for r in rows]
        QApplication.clipboard().setText("\n".join(lines))

    action.triggered.connect(copy)
    return action

