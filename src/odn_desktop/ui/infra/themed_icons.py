"""The SVG icon engine for a dark palette: draws the recoloured SVG (``DARK_ICON_COLOURS``) or the
original one, chosen by the palette in effect each time a pixmap is made, at the size and scale asked for.

Only loaded when the palette is dark (``resources.icon``): in a light palette Qt's own SVG engine draws the
icons, with no Python call per pixmap and none of this module's start-up cost (~6 ms before the first paint).
"""

from __future__ import annotations

import functools
import logging

import shiboken6
from PySide6.QtCore import QByteArray, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

from . import theme
from .resource_files import resource_path

log = logging.getLogger(__name__)

#: In a dark palette the toolbar icons' dark-blue outlines (and the green and red marks) are redrawn lighter and
#: their near-white fills darker, so that the drawings keep their contrast on a dark toolbar. The SVG text is
#: otherwise the same: only these exact colour values (the palette of resources/icons/README.md) are replaced.
DARK_ICON_COLOURS = {
    "#1f5f8b": "#7fb3e0",  # outlines
    "#1b4f8c": "#7fb3e0",
    "#e6f0f7": "#1d3b52",  # paper-like fill
    "#ffffff": "#2a4a63",  # white fill inside a filled shape (clip, disk label)
    "#1e8c6e": "#4cc3a0",  # what is added or moves
    "#b3261e": "#f28b82",  # deleting
    "#fbe9e7": "#4a1f1c",  # the bin's fill
}


def recolour_for_dark(svg: str) -> str:
    """``svg`` with the colours of ``DARK_ICON_COLOURS`` replaced (exact ``#rrggbb`` values, lower or upper case)."""
    for light, dark in DARK_ICON_COLOURS.items():
        svg = svg.replace(light, dark).replace(light.upper(), dark)
    return svg


#: pixmaps kept per icon engine (size, mode, state and light/dark); a toolbar asks for a handful
_PIXMAP_CACHE_SIZE = 24


def themed_icon(name: str) -> QIcon:
    variants = _svg_variants(name)
    if variants is None:
        return QIcon()
    return QIcon(ThemedSvgIconEngine(*variants))


@functools.cache
def _svg_variants(name: str) -> tuple[bytes, bytes] | None:
    """The SVG text of ``resources/icons/<name>.svg`` as it is and recoloured for a dark palette (read once)."""
    try:
        path = resource_path("icons", f"{name}.svg")
    except FileNotFoundError:
        log.warning("icon %s missing", name)
        return None
    text = path.read_text(encoding="utf-8")
    return text.encode(), recolour_for_dark(text).encode()


#: Python-made clones handed to Qt (QIcon's copy-on-write calls ``clone()``): the wrapper must outlive the
#: return, or Python would delete the engine Qt just took over; Qt deletes it with its icon (wrapper invalid).
_CLONES: list[ThemedSvgIconEngine] = []


class ThemedSvgIconEngine(QIconEngine):
    """Renders one of two SVG texts (light palette, dark palette), chosen each time a pixmap is made."""

    def __init__(self, light: bytes, dark: bytes) -> None:
        super().__init__()
        self._svg = (light, dark)
        self._renderers: dict[bool, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[bool, int, int, float, object, object], QPixmap] = {}

    def _renderer(self, dark: bool) -> QSvgRenderer:
        renderer = self._renderers.get(dark)
        if renderer is None:
            renderer = self._renderers[dark] = QSvgRenderer(QByteArray(self._svg[dark]))
        return renderer

    # -- QIconEngine ---------------------------------------------------------------------------------------

    def clone(self) -> QIconEngine:
        _CLONES[:] = [c for c in _CLONES if shiboken6.isValid(c)]
        copy = ThemedSvgIconEngine(*self._svg)
        _CLONES.append(copy)
        return copy

    def isNull(self) -> bool:
        return not self._renderer(False).isValid()

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        """The SVG's own proportions fitted into ``size`` (the toolbar icons are square: ``size`` itself)."""
        default = self._renderer(False).defaultSize()
        if default.isEmpty() or size.isEmpty():
            return size
        factor = min(size.width() / default.width(), size.height() / default.height())
        return QSize(max(1, round(default.width() * factor)), max(1, round(default.height() * factor)))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._pixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        """``size`` in device-independent pixels, drawn at ``scale`` device pixels each (high-DPI screens)."""
        return self._pixmap(size, mode, state, scale)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self._pixmap(rect.size(), mode, state, scale))

    def _pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        dark = theme.is_dark()
        key = (dark, size.width(), size.height(), scale, mode, state)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        device = QSize(max(0, round(size.width() * scale)), max(0, round(size.height() * scale)))
        pixmap = QPixmap(device)
        if not device.isEmpty():
            pixmap.fill(QColor(0, 0, 0, 0))
            actual = self.actualSize(device, mode, state)
            target = QRectF((device.width() - actual.width()) / 2, (device.height() - actual.height()) / 2,
                            actual.width(), actual.height())
            painter = QPainter(pixmap)
            self._renderer(dark).render(painter, target)
            painter.end()
            if mode != QIcon.Mode.Normal and isinstance(QGuiApplication.instance(), QApplication):
                option = QStyleOption()
                option.palette = QGuiApplication.palette()
                pixmap = QApplication.style().generatedIconPixmap(mode, pixmap, option)
        pixmap.setDevicePixelRatio(scale)
        if len(self._pixmaps) >= _PIXMAP_CACHE_SIZE:
            self._pixmaps.clear()
        self._pixmaps[key] = pixmap
        return pixmap
