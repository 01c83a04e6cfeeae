"""The system's dark mode: semantic colours readable on a dark palette, models and icons following the palette."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from demo_history import as_in_november_2021
from odn_desktop.domain.deadlines import DeadlineState
from odn_desktop.store.open import Database
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.infra.resources import icon
from odn_desktop.ui.pages.dashboard_page import STATE_COLOURS, DashboardPage
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

#: the December meeting's tasks are overdue and due soon, its deadlines due soon
NOW = datetime(2021, 11, 30, 9, 0, tzinfo=UTC)
Role = QPalette.ColorRole


def _palette(window: str, base: str, alternate: str, text: str) -> QPalette:
    palette = QPalette(QColor(window))
    for role, colour in ((Role.Window, window), (Role.Button, window), (Role.Base, base),
                         (Role.AlternateBase, alternate), (Role.Text, text), (Role.WindowText, text),
                         (Role.ButtonText, text)):
        palette.setColor(role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    """Close to what Qt gives in the Windows 11 dark mode."""
    return _palette("#202020", "#2b2b2b", "#323232", "#ffffff")


def light_palette() -> QPalette:
    return _palette("#f0f0f0", "#ffffff", "#f7f7f7", "#000000")


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[type[QApplication]]:
    """The test sets the application palette; the original one is put back afterwards."""
    original = QPalette(QApplication.palette())
    yield QApplication
    QApplication.setPalette(original)
    assert QApplication.palette().color(Role.Window) == original.color(Role.Window)


@pytest.fixture
def dark(app_palette: type[QApplication]) -> QPalette:
    palette = dark_palette()
    app_palette.setPalette(palette)
    return palette


# -- contrast -------------------------------------------------------------------------------------------------

def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""
    return (0.2126 * _channel(colour.redF()) + 0.7152 * _channel(colour.greenF())
            + 0.0722 * _channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_the_palette_decides_light_or_dark(app_palette: type[QApplication]) -> None:
    app_palette.setPalette(dark_palette())
    assert theme.is_dark()
    assert theme.error_text() == QColor(theme.error_text.dark)
    app_palette.setPalette(light_palette())
    assert not theme.is_dark()
    assert theme.error_text() == QColor(theme.error_text.light)
    assert theme.is_dark(dark_palette()) and theme.error_text(dark_palette()) == QColor(theme.error_text.dark)


@pytest.mark.parametrize("palette_name", ["dark", "light"])
@pytest.mark.parametrize("colour", theme.TEXT, ids=lambda c: c.name)
def test_every_text_colour_reads_on_the_window_and_in_tables(app_palette: type[QApplication], palette_name: str,
                                                              colour: theme.SemanticColour) -> None:
    palette = dark_palette() if palette_name == "dark" else light_palette()
    app_palette.setPalette(palette)
    minimum = theme.MIN_TEXT_CONTRAST
    for role in (Role.Window, Role.Base, Role.AlternateBase):
        background = palette.color(role)
        assert contrast(colour(), background) >= minimum, (colour.name, palette_name, role.name)


@pytest.mark.parametrize("palette_name", ["dark", "light"])
@pytest.mark.parametrize("background", theme.BACKGROUNDS, ids=lambda c: c.name)
def test_the_palettes_text_reads_on_every_background(app_palette: type[QApplication], palette_name: str,
                                                     background: theme.SemanticColour) -> None:
    """Rows with a state background show their other columns in the palette's text colour."""
    palette = dark_palette() if palette_name == "dark" else light_palette()
    app_palette.setPalette(palette)
    assert contrast(palette.color(Role.Text), background()) >= theme.MIN_TEXT_CONTRAST


@pytest.mark.parametrize("palette_name", ["dark", "light"])
@pytest.mark.parametrize(("text", "background"), theme.TEXT_ON_BACKGROUND,
                         ids=[f"{t.name}-on-{b.name}" for t, b in theme.TEXT_ON_BACKGROUND])
def test_state_text_reads_on_its_state_background(app_palette: type[QApplication], palette_name: str,
                                                  text: theme.SemanticColour,
                                                  background: theme.SemanticColour) -> None:
    app_palette.setPalette(dark_palette() if palette_name == "dark" else light_palette())
    assert contrast(text(), background()) >= theme.MIN_TEXT_CONTRAST


def test_the_light_variants_are_the_colours_used_before() -> None:
    """The light look must not change: spot checks against the former hard-coded values."""
    assert (theme.error_text.light, theme.problem_text.light, theme.warning_strong_text.light) == (
        "#a12020", "#8a1c1c", "#6b4300")
    assert (theme.problem_background.light, theme.warning_background.light, theme.muted_text.light) == (
        "#f8d4d2", "#fdebc4", "#6b6b6b")


# -- the overview -------------------------------------------------------------------------------------------

def _colour(value: object) -> QColor | None:
    if value is None:
        return None
    assert isinstance(value, QColor | QBrush), value
    return QBrush(value).color()


def test_overview_deadline_rows_use_the_dark_colours(qtbot: QtBot, demo_db: Database, dark: QPalette,
                                                     app_palette: type[QApplication]) -> None:
    as_in_november_2021(demo_db)  # NOW lies before the December meeting
    page = DashboardPage(AppContext(demo_db), clock=lambda: NOW)
    qtbot.addWidget(page)
    page.reload()
    seen: set[DeadlineState] = set()
    for model in (page.deadlines_model, page.tasks_model):
        assert model.rowCount() > 0
        for row in range(model.rowCount()):
            state = model.row_at(row).state
            seen.add(state)
            background, text = STATE_COLOURS[state]
            for column in (0, 1):  # Fällig, Stand
                index = model.index(row, column)
                assert _colour(index.data(Qt.ItemDataRole.ForegroundRole)) == QColor(text.dark)
                shown = _colour(index.data(Qt.ItemDataRole.BackgroundRole))
                assert shown == (None if background is None else QColor(background.dark))
                if shown is not None:
                    assert shown.lightness() < 128  # a dark tint under the palette's white text
                    assert contrast(dark.color(Role.Text), shown) >= theme.MIN_TEXT_CONTRAST
    assert {DeadlineState.OVERDUE, DeadlineState.DUE_SOON} <= seen

    # the same model in a light palette: the colours follow at use time
    app_palette.setPalette(light_palette())
    index = page.deadlines_model.index(0, 1)
    _background, text = STATE_COLOURS[page.deadlines_model.row_at(0).state]
    assert _colour(index.data(Qt.ItemDataRole.ForegroundRole)) == QColor(text.light)


# -- style sheets --------------------------------------------------------------------------------------------

def test_a_kept_style_follows_a_palette_change(qtbot: QtBot, app_palette: type[QApplication]) -> None:
    app_palette.setPalette(light_palette())
    label = QLabel("Pflichtfeld")
    qtbot.addWidget(label)
    label.show()
    theme.keep_style(label, lambda: theme.text_style(theme.error_text))
    assert label.styleSheet() == "color: #a12020;"
    app_palette.setPalette(dark_palette())
    qtbot.waitUntil(lambda: label.styleSheet() == f"color: {theme.error_text.dark};")
    theme.keep_style(label, lambda: theme.text_style(theme.ok_text, "600"))  # replaces, does not stack
    assert label.styleSheet() == f"color: {theme.ok_text.dark}; font-weight: 600;"
    assert sum(1 for c in label.children() if isinstance(c, theme._StyleKeeper)) == 1


# -- icons ----------------------------------------------------------------------------------------------------

def _ink_luminance(pixmap: QPixmap) -> float:
    """Mean luminance of the drawn (not transparent) pixels, weighted by their opacity."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    total = weight = 0.0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 0:
                total += luminance(colour) * colour.alphaF()
                weight += colour.alphaF()
    assert weight > 0
    return total / weight


@pytest.mark.parametrize("name", ["undo", "redo", "export", "sync"])
def test_outline_icons_are_drawn_lighter_in_a_dark_palette(app_palette: type[QApplication], name: str) -> None:
    """Icons made of strokes only: every drawn pixel is a stroke."""
    app_palette.setPalette(light_palette())
    light = _ink_luminance(icon(name).pixmap(QSize(32, 32)))
    app_palette.setPalette(dark_palette())
    themed = icon(name)
    dark = _ink_luminance(themed.pixmap(QSize(32, 32)))
    assert dark > 2 * light, (name, light, dark)
    app_palette.setPalette(light_palette())  # the dark-palette icon follows the palette back
    assert _ink_luminance(themed.pixmap(QSize(32, 32))) == pytest.approx(light, abs=0.02)


@pytest.mark.parametrize("name", ["events", "save", "delete", "registrations", "contacts", "new"])
def test_strokes_of_filled_icons_are_lighter_in_a_dark_palette(app_palette: type[QApplication],
                                                               name: str) -> None:
    """Where the light icon draws its dark strokes, the dark one draws lighter ones (and its fill goes dark)."""
    app_palette.setPalette(light_palette())
    light = icon(name).pixmap(QSize(32, 32)).toImage()
    app_palette.setPalette(dark_palette())
    dark = icon(name).pixmap(QSize(32, 32)).toImage()
    strokes = [(x, y) for y in range(32) for x in range(32)
               if light.pixelColor(x, y).alpha() == 255 and luminance(light.pixelColor(x, y)) < 0.3]
    fill = [(x, y) for y in range(32) for x in range(32)
            if light.pixelColor(x, y).alpha() == 255 and luminance(light.pixelColor(x, y)) > 0.7]
    assert len(strokes) > 20

    def mean(image: QImage, points: list[tuple[int, int]]) -> float:
        return sum(luminance(image.pixelColor(x, y)) for x, y in points) / len(points)

    assert mean(dark, strokes) > 2 * mean(light, strokes)
    if fill:
        assert mean(dark, fill) < mean(light, fill) / 2


def test_dark_outlines_reach_the_non_text_contrast_on_a_dark_toolbar(app_palette: type[QApplication]) -> None:
    app_palette.setPalette(dark_palette())
    image = icon("undo").pixmap(QSize(48, 48)).toImage()
    darkest_solid = min((image.pixelColor(x, y) for y in range(48) for x in range(48)
                         if image.pixelColor(x, y).alpha() == 255), key=luminance)
    assert contrast(darkest_solid, dark_palette().color(Role.Window)) >= 3.0


@pytest.mark.parametrize("palette_name", ["light", "dark"])
def test_icons_are_sharp_at_high_dpi_and_survive_copies(app_palette: type[QApplication], palette_name: str) -> None:
    """Light: Qt's own SVG engine; dark: the Python engine of themed_icons (whose clones Qt takes over)."""
    app_palette.setPalette(dark_palette() if palette_name == "dark" else light_palette())
    themed = icon("events")
    pixmap = themed.pixmap(QSize(24, 24), 2.0)
    assert (pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()) == (48, 48, 2.0)
    copy = QIcon(themed)
    copy.addPixmap(QPixmap(4, 4))  # copy-on-write: Qt clones the engine
    del copy
    assert not themed.isNull() and not themed.pixmap(QSize(16, 16)).isNull()
    assert icon("no-such-icon").isNull()


def test_the_windows_icons_follow_a_palette_switch(qtbot: QtBot, app_palette: type[QApplication],
                                                   demo_db: Database, tmp_path: Path) -> None:
    """The system switches to dark mode while the program runs: toolbar and navigation icons are redrawn."""
    app_palette.setPalette(light_palette())
    window = WorkspaceWindow(AppContext(demo_db), settings=QSettings(str(tmp_path / "w.ini"),
                                                                    QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync_label is not None)  # the palette hook comes after the first paint
    light_undo = _ink_luminance(window.undo_action.icon().pixmap(QSize(32, 32)))
    light_nav = window.nav.item(0).icon().pixmap(QSize(32, 32)).toImage()  # type: ignore[union-attr]
    app_palette.setPalette(dark_palette())
    qtbot.waitUntil(lambda: _ink_luminance(window.undo_action.icon().pixmap(QSize(32, 32))) > 2 * light_undo)
    assert window.nav.item(0).icon().pixmap(QSize(32, 32)).toImage() != light_nav  # type: ignore[union-attr]
    window.ctx.undo_stack.clear()
