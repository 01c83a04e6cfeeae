"""ChartView and paint_svg (ui/chart_view): the chart's SVG at the widget's width with its aspect ratio, accessible
texts, the chart font registered with Qt, vector text in a QPdfWriter PDF; and the program starts without
matplotlib (it is imported when a chart is drawn)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QColor, QFontDatabase, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.exchange.chart_data import ChartTable
from odn_desktop.exchange.report_charts import DARK, LIGHT, chart_svg
from odn_desktop.ui.widgets.chart_view import (
    QT_CHART_FAMILY,
    ChartView,
    fitted_rect,
    paint_svg,
    qt_svg,
    register_chart_fonts,
)

TABLE = ChartTable(
    "attendance_per_meeting", "Angemeldet, teilgenommen und nicht erschienen je Treffen",
    ("Treffen", "Angemeldet", "Teilgenommen", "Nicht erschienen"),
    (("14.10.2021 Auftakt", 1234, 1000, 234), ("02.12.2021 Netzwerktreffen", 40, 30, 10)),
    caption="Angemeldet: Anmeldungen mit Platz.",
)


@pytest.fixture(scope="module")
def svg() -> bytes:
    return chart_svg(TABLE, LIGHT, width_in=7.0, height_in=3.5)


def _colours(view: QWidget) -> set[int]:
    image = view.grab().toImage()
    return {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}


def test_the_view_shows_the_chart_at_its_width(qtbot: QtBot, svg: bytes) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.set_svg(svg, TABLE.title, TABLE.caption)
    assert view.hasHeightForWidth()
    assert view.heightForWidth(800) == 400  # 7 × 3.5 inches
    assert view.heightForWidth(1000) == 500
    view.resize(800, view.heightForWidth(800))
    image = view.grab().toImage()
    assert (image.width(), image.height()) == (800, 400)
    assert len(_colours(view)) > 5  # bars, text, grid: drawn, not an empty rectangle
    assert QColor(image.pixel(2, 2)) == QColor("#ffffff")  # the chart's own background, up to the corner


def test_accessible_texts_are_title_and_caption(qtbot: QtBot, svg: bytes) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.set_svg(svg, TABLE.title, TABLE.caption)
    assert view.accessibleName() == TABLE.title
    assert view.accessibleDescription() == TABLE.caption
    view.clear()
    assert view.accessibleName() == "" and view.svg() == b""


def test_a_layout_gives_the_height_the_ratio_asks_for(qtbot: QtBot) -> None:
    wide = chart_svg(TABLE, LIGHT, width_in=8.0, height_in=2.0)
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    view = ChartView()
    layout.addWidget(view)
    view.set_svg(wide, TABLE.title)
    assert view.aspect_ratio() == pytest.approx(0.25)
    assert layout.heightForWidth(640) == 160
    assert view.sizeHint().height() == 160


def test_dark_and_light_charts_look_different(qtbot: QtBot) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.set_svg(chart_svg(TABLE, DARK, width_in=6, height_in=3), TABLE.title)
    assert QColor(view.grab().toImage().pixel(2, 2)) == QColor("#202020")


def test_the_chart_font_is_registered_once_under_its_own_name(qtbot: QtBot, svg: bytes) -> None:
    families = register_chart_fonts()
    assert families == [QT_CHART_FAMILY]  # regular and bold, one family
    assert register_chart_fonts() == families
    assert QT_CHART_FAMILY in QFontDatabase.families()
    assert QFontDatabase.styles(QT_CHART_FAMILY) == ["Book", "Bold"]
    drawn = qt_svg(svg)
    assert b"font-family: 'DejaVu Sans'" not in drawn and f"font-family: '{QT_CHART_FAMILY}'".encode() in drawn


def test_paint_svg_into_a_pdf_keeps_text_and_vectors(qtbot: QtBot, svg: bytes) -> None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15)))
    writer.setResolution(300)
    painter = QPainter(writer)
    try:
        area = QRectF(painter.viewport())
        painted = paint_svg(painter, svg, area)
    finally:
        painter.end()
    buffer.close()
    assert painted.width() == pytest.approx(area.width())
    assert painted.height() == pytest.approx(area.width() / 2)  # the chart's 2:1, at the top of the page
    reader = PdfReader(io.BytesIO(bytes(data.data())))
    text = reader.pages[0].extract_text()
    for expected in (TABLE.title, "Angemeldet", "Nicht erschienen", "1.234", "14.10.2021"):
        assert expected in " ".join(text.split()), text
    assert "/Image" not in str(reader.pages[0]["/Resources"])  # vectors, not a picture
    fonts = str(reader.pages[0]["/Resources"]["/Font"].get_object())
    assert fonts  # the text is set in a font


def test_fitted_rect_keeps_the_ratio_at_the_top_left() -> None:
    assert fitted_rect(200, 100, QRectF(10, 20, 100, 100)) == QRectF(10, 20, 100, 50)
    assert fitted_rect(100, 200, QRectF(0, 0, 100, 100)) == QRectF(0, 0, 50, 100)
    assert fitted_rect(0, 100, QRectF(0, 0, 100, 100)).isEmpty()


# -- start-up without matplotlib ------------------------------------------------------------------------------

_START = textwrap.dedent("""
    import sys, time
    from odn_desktop.paths import resolve_paths
    from odn_desktop.ui.shell.app import StartedApp, start_app

    def settle(seconds, until=lambda: False):
        end = time.monotonic() + seconds
        while time.monotonic() < end and not until():
            started.app.processEvents()
            time.sleep(0.01)

    def charted():
        return sorted(m for m in sys.modules if m.split(".")[0] in ("matplotlib", "numpy", "PIL"))

    started = start_app(resolve_paths(sys.argv[1]), demo=True)
    assert isinstance(started, StartedApp), started
    settle(30, lambda: started.ctx.is_ready)
    settle(1.5)  # the first page loads its rows
    print("ready", started.ctx.is_ready, flush=True)
    print("after start", charted(), flush=True)
    started.window.show_page("report")  # the Auswertung page draws its charts: now matplotlib comes
    settle(60, lambda: "matplotlib.figure" in sys.modules)
    print("after the report page", "matplotlib.figure" in sys.modules, "matplotlib.pyplot" in sys.modules,
          flush=True)
    started.shutdown()
""")


def test_the_window_starts_without_matplotlib(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in {"ODN_DB", "DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
               QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-c", _START, str(tmp_path / "odn.sqlite")], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=180, check=False)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[0] == "ready True", lines
    assert lines[1] == "after start []", lines  # neither matplotlib nor numpy nor Pillow at start-up
    assert lines[2] == "after the report page True False", lines  # drawn when asked for, never with pyplot
