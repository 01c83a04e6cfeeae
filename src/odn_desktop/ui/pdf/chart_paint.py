"""A report chart (SVG bytes from ``exchange.report_charts``) painted into any ``QPainter`` rectangle: the PDF
report's ``QPdfWriter`` gets vector shapes and real, extractable text; ``chart_view.ChartView`` shows the same in
the window. Only QtGui and QtSvg here, so the CLI's ``export report`` runs without QtWidgets.

The SVG names the font "DejaVu Sans", the font matplotlib measured its text with. Windows has no such font, so
``register_chart_fonts`` adds the TTF files matplotlib ships to Qt's font database, once, when the first chart is
shown or painted (it imports matplotlib to find them; the program starts without it), with their ligatures taken
out so that text copied or searched in the PDF reads "Treffen", not "Treﬀen".
"""

from __future__ import annotations

import io
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QFontDatabase, QPainter
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

#: the TTF files of the chart font inside matplotlib's mpl-data/fonts/ttf (the charts use regular and bold only)
CHART_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
#: OpenType features taken out of the fonts Qt draws charts with: with "liga", Qt sets "ff"/"fi"/"fl" as one
#: glyph and the PDF's text reads "Treﬀen" (U+FB00) instead of "Treffen" for searching and copying
LIGATURE_FEATURES = ("liga", "dlig", "hlig", "rlig")
#: the family the SVG names (matplotlib laid the text out with it) and the name Qt knows the rewritten files by
SVG_FONT_FAMILY = "DejaVu Sans"
QT_CHART_FAMILY = "DejaVu Sans ODN"

_registered: list[str] | None = None
_font_data: list[tuple[str, bytes | None]] | None = None
_font_lock = threading.Lock()


def chart_font_folder() -> Path:
    """mpl-data/fonts/ttf of the installed (or bundled) matplotlib."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _without_ligatures(path: Path) -> bytes:
    """The font file without ligatures, renamed to ``QT_CHART_FAMILY`` (a DejaVu Sans installed on the system,
    ligatures and all, must not be taken for it)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # a matplotlib dependency, loaded with it

    with TTFont(str(path)) as font:  # not lazy=True: edits to lazily read records would be lost
        if "GSUB" in font:
            table = font["GSUB"].table
            for record in table.FeatureList.FeatureRecord if table.FeatureList else ():
                if record.FeatureTag in LIGATURE_FEATURES:
                    record.Feature.LookupListIndex = []
                    record.Feature.LookupCount = 0
        for record in font["name"].names:
            if record.nameID in (1, 3, 4, 6, 16):  # family, unique id, full name, PostScript name, typographic family
                text = record.toUnicode()
                renamed = text.replace(SVG_FONT_FAMILY, QT_CHART_FAMILY).replace(
                    SVG_FONT_FAMILY.replace(" ", ""), QT_CHART_FAMILY.replace(" ", ""))
                record.string = renamed
        buffer = io.BytesIO()
        font.save(buffer)
    return buffer.getvalue()


def chart_font_data() -> list[tuple[str, bytes | None]]:
    """The chart font files as (path, bytes without ligatures; None when that failed), computed once (~60 ms a
    file; thread-safe: a worker can call it before the first chart so the GUI thread only registers)."""
    global _font_data
    with _font_lock:
        if _font_data is None:
            folder = chart_font_folder()
            data: list[tuple[str, bytes | None]] = []
            for name in CHART_FONT_FILES:
                path = folder / name
                try:
                    data.append((str(path), _without_ligatures(path)))
                except Exception:  # a font fontTools cannot rewrite: Qt gets the file as it is
                    log.warning("chart font %s not rewritten without ligatures", path, exc_info=True)
                    data.append((str(path), None))
            _font_data = data
        return list(_font_data)


def register_chart_fonts() -> list[str]:
    """Add the chart font to Qt's font database (once per process); returns the font families added.

    Needs a ``QGuiApplication`` (GUI thread). A missing file is logged and skipped: Qt then substitutes a font,
    the chart stays readable, only its text may be a little wider or narrower than matplotlib laid it out."""
    global _registered
    if _registered is not None:
        return list(_registered)
    families: list[str] = []
    for path, data in chart_font_data():
        if data is not None:
            font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        else:
            font_id = QFontDatabase.addApplicationFont(path)
        if font_id < 0:
            log.warning("chart font %s not loaded", path)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    _registered = families
    return list(families)


def qt_svg(svg: bytes) -> bytes:
    """The SVG as Qt is to draw it: its text in the registered chart font (renamed, without ligatures)."""
    if _registered is not None and QT_CHART_FAMILY in _registered:
        return svg.replace(f"font-family: '{SVG_FONT_FAMILY}'".encode(), f"font-family: '{QT_CHART_FAMILY}'".encode())
    return svg


def svg_renderer(svg: bytes) -> QSvgRenderer:
    renderer = QSvgRenderer(QByteArray(qt_svg(svg)))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    return renderer


def paint_svg(painter: QPainter, svg: bytes, rect: QRectF) -> QRectF:
    """Paint the chart ``svg`` into ``rect`` (in the painter's coordinates), keeping its aspect ratio, at the
    top left of ``rect``; returns the rectangle painted (the PDF report continues below it)."""
    register_chart_fonts()
    renderer = svg_renderer(svg)
    target = fitted_rect(renderer.viewBoxF().size().width(), renderer.viewBoxF().size().height(), rect)
    renderer.render(painter, target)
    return target


def fitted_rect(width: float, height: float, rect: QRectF) -> QRectF:
    """The largest rectangle of ratio ``width``:``height`` inside ``rect``, at its top left."""
    if width <= 0 or height <= 0 or rect.isEmpty():
        return QRectF(rect.topLeft(), rect.topLeft())
    scale = min(rect.width() / width, rect.height() / height)
    return QRectF(rect.left(), rect.top(), width * scale, height * scale)
