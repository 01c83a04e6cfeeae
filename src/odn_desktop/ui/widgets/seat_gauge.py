"""Seat gauges: registered of the limit as a bar, with the figures (and "voll", "überbucht") as text beside it.

One painting function serves the overview's table cells, the Runden table and the small gauge widgets of the
Anmeldungen tab, so a pool looks the same everywhere. The text says what the colour says (BITV: colour never
carries information alone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from odn_desktop.ui.infra import theme

translate = QCoreApplication.translate

#: the bar's share of the room a gauge gets (the rest is its text)
BAR_MIN_WIDTH = 40


@dataclass(frozen=True)
class Gauge:
    """The figures of one pool (an event or a round); ``limit`` None is unlimited."""

    registered: int
    limit: int | None
    waiting: int = 0

    @property
    def over(self) -> bool:
        return self.limit is not None and self.registered > self.limit

    @property
    def full(self) -> bool:
        return self.limit is not None and self.registered >= self.limit

    @property
    def share(self) -> float:
        if self.limit is None:
            return 0.0
        return 1.0 if self.limit == 0 else min(1.0, self.registered / self.limit)


def gauge_text(gauge: Gauge) -> str:
    """``10/12 · 3 warten``, ``12/12 voll``, ``14/12 überbucht``, ``7 (unbegrenzt)``."""
    if gauge.limit is None:
        text = translate("SeatGauge", "{registered} (unbegrenzt)").format(registered=gauge.registered)
    else:
        text = translate("SeatGauge", "{registered}/{limit}").format(registered=gauge.registered, limit=gauge.limit)
        if gauge.over:
            text += " " + translate("SeatGauge", "überbucht")
        elif gauge.full:
            text += " " + translate("SeatGauge", "voll")
    if gauge.waiting:
        text += translate("SeatGauge", " · {waiting} warten").format(waiting=gauge.waiting)
    return text


def fill_colour(gauge: Gauge) -> QColor:
    if gauge.full:
        return theme.gauge_full()
    return theme.gauge_nearly_full() if gauge.share >= 0.9 else theme.gauge_free()


def paint_gauge(painter: QPainter, rect: QRect, gauge: Gauge, text_colour: QColor, prefix: str = "",
                bar_width: int | None = None) -> None:
    """The bar (when there is a limit) on the left of ``rect``, ``prefix`` and the figures to its right."""
    painter.save()
    x = rect.left()
    if gauge.limit is not None:
        width = bar_width if bar_width is not None else max(BAR_MIN_WIDTH, rect.width() // 2)
        height = min(rect.height(), max(8, painter.fontMetrics().height() - 2))  # a line's height, centred
        bar = QRect(rect.left(), rect.top() + (rect.height() - height) // 2, width, height)
        painter.setPen(theme.gauge_border())
        painter.setBrush(theme.gauge_trough())
        painter.drawRect(bar)
        painter.fillRect(QRect(bar.left() + 1, bar.top() + 1, int((bar.width() - 1) * gauge.share),
                               bar.height() - 1), fill_colour(gauge))
        x = bar.right() + 8
    painter.setPen(text_colour)
    text = f"{prefix} {gauge_text(gauge)}" if prefix else gauge_text(gauge)
    painter.drawText(QRect(x, rect.top() - 4, rect.right() - x, rect.height() + 8),
                     int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
    painter.restore()


class SeatGaugeWidget(QWidget):
    """A compact gauge for one pool: ``Runde A  [▓▓▓░] 10/12 · 3 warten``; its text is its accessible name."""

    BAR_WIDTH = 56

    def __init__(self, title: str, gauge: Gauge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._gauge = gauge
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.text())
        self.setToolTip(self.text())

    @property
    def gauge(self) -> Gauge:
        return self._gauge

    def set_figures(self, title: str, gauge: Gauge) -> None:
        if (title, gauge) == (self._title, self._gauge):
            return
        self._title, self._gauge = title, gauge
        self.setAccessibleName(self.text())
        self.setToolTip(self.text())
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return f"{self._title}: {gauge_text(self._gauge)}"

    def _prefix(self) -> str:
        return f"{self._title}:"

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        prefix = metrics.horizontalAdvance(self._prefix() + " ")
        bar = self.BAR_WIDTH + 8 if self._gauge.limit is not None else 0
        return QSize(prefix + bar + metrics.horizontalAdvance(gauge_text(self._gauge)) + 6, metrics.height() + 6)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        colour = self.palette().windowText().color()
        painter.setPen(colour)
        prefix = self._prefix()
        prefix_width = metrics.horizontalAdvance(prefix + " ")
        full = self.rect().adjusted(0, 3, 0, -3)
        painter.drawText(QRect(0, 0, prefix_width, self.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), prefix)
        paint_gauge(painter, QRect(prefix_width, full.top(), full.width() - prefix_width, full.height()),
                    self._gauge, colour, bar_width=self.BAR_WIDTH)
        painter.end()


def pool_label(event_title: str, round_title: str | None) -> str:
    """``„Netzwerktreffen“`` or ``„Netzwerktreffen“, Runde „A“``."""
    if round_title:
        return translate("SeatGauge", "„{event}“, Runde „{round}“").format(event=event_title, round=round_title)
    return translate("SeatGauge", "„{event}“").format(event=event_title)


def over_limit_text(pool: Any, with_event: bool = True) -> str:
    """``„Treffen“, Runde „A“: überbucht – 12 von 10 Plätzen vergeben`` for a ``seat_allocation.OverLimitPool``."""
    if with_event:
        where = pool_label(pool.event_title, pool.round_title)
    elif pool.round_title:
        where = translate("SeatGauge", "Runde „{round}“").format(round=pool.round_title)
    else:
        where = translate("SeatGauge", "Die Veranstaltung")
    return translate("SeatGauge", "{where}: überbucht – {seats} von {limit} Plätzen vergeben").format(
        where=where, seats=pool.seats, limit=pool.limit)
