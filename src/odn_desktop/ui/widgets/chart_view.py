"""A report chart (SVG bytes from ``exchange.report_charts``) in a widget.

``ChartView`` shows the SVG scaled to its width, its height following the chart's aspect ratio
(``heightForWidth``), the chart's title as accessible name and its caption as accessible description (a screen
reader gets the sentence and the table under the chart, not a picture). Painting and the chart font are in
``chart_paint`` (no QtWidgets: the PDF report uses them from the CLI); re-exported here.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from odn_desktop.ui.pdf.chart_paint import (
    CHART_FONT_FILES,
    QT_CHART_FAMILY,
    SVG_FONT_FAMILY,
    chart_font_data,
    fitted_rect,
    paint_svg,
    qt_svg,
    register_chart_fonts,
    svg_renderer,
)

__all__ = ["CHART_FONT_FILES", "QT_CHART_FAMILY", "SVG_FONT_FAMILY", "ChartView", "chart_font_data", "fitted_rect",
           "paint_svg", "qt_svg", "register_chart_fonts"]

log = logging.getLogger(__name__)

#: width used for the size hint before the layout decides
_HINT_WIDTH = 640


class ChartView(QWidget):
    """Shows one chart's SVG at the widget's width; the height follows the chart's aspect ratio."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer: QSvgRenderer | None = None
        self._svg = b""
        self._ratio = 0.5  # height / width until a chart is set
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(240)

    # -- content -------------------------------------------------------------------------------------------

    def set_svg(self, svg: bytes, title: str = "", description: str = "") -> None:
        """Show ``svg``; ``title`` and ``description`` (the chart's caption) become the accessible texts."""
        register_chart_fonts()
        renderer = svg_renderer(svg)
        if not renderer.isValid():
            log.warning("chart SVG not valid (%d bytes)", len(svg))
        box = renderer.viewBoxF()
        self._ratio = box.height() / box.width() if box.width() > 0 else 0.5
        self._renderer = renderer
        self._svg = svg
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setToolTip(title)
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self._renderer = None
        self._svg = b""
        self.setAccessibleName("")
        self.setAccessibleDescription("")
        self.setToolTip("")
        self.update()

    def svg(self) -> bytes:
        return self._svg

    def aspect_ratio(self) -> float:
        """Height ÷ width of the chart shown."""
        return self._ratio

    # -- size ----------------------------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(1, round(width * self._ratio))

    def sizeHint(self) -> QSize:
        return QSize(_HINT_WIDTH, self.heightForWidth(_HINT_WIDTH))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.heightForWidth(240))

    # -- painting ------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            if self._renderer is None or not self._renderer.isValid():
                painter.fillRect(self.rect(), self.palette().window())
                return
            box = self._renderer.viewBoxF()
            target = fitted_rect(box.width(), box.height(), QRectF(self.rect()))
            if target.height() < self.height():  # a layout gave more height than the ratio asks for
                painter.fillRect(self.rect(), self._background())
            self._renderer.render(painter, target)
        finally:
            painter.end()

    def _background(self) -> QColor:
        return self.palette().window().color()
