"""Contrast (WCAG 2.1 AA) of the colours issue 14 and 15 brought: the report's charts against their background
(text 4.5:1, the data series 3:1 as graphics, SC 1.4.11), the numbers inside bars against their bar, the report
page's key figures, and the state texts the tables draw on a state background (registrant pills, deadlines,
tasks, the import preview) – each such pair is one ``theme.TEXT_ON_BACKGROUND`` checks in light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot
from tests.ui.test_dark_mode import app_palette, contrast, dark_palette, light_palette  # noqa: F401 (fixture)

from odn_desktop.exchange import report_charts
from odn_desktop.exchange.report_charts import ChartStyle
from odn_desktop.ui.editors.event.tasks_model import STATE_BACKGROUNDS, STATE_COLOURS
from odn_desktop.ui.infra import theme
from odn_desktop.ui.models.registrations_columns import STATUS_COLOURS
from odn_desktop.ui.pages import dashboard_page
from odn_desktop.ui.pages.report_page import KeyFigure, chart_style

#: WCAG 2.1 SC 1.4.11: graphical objects needed to understand the content (lines, bars, marks)
MIN_GRAPHICS_CONTRAST = 3.0
Role = QPalette.ColorRole


def fusion_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


PALETTES = {"light": light_palette, "dark": dark_palette, "fusion": fusion_palette}


def chart_problems(style: ChartStyle) -> list[str]:
    background = QColor(style.background)
    problems = [f"{name} {colour} on {style.background}: {contrast(QColor(colour), background):.2f}"
                for name, colour in (("text", style.foreground), ("tick labels", style.muted))
                if contrast(QColor(colour), background) < theme.MIN_TEXT_CONTRAST]
    for n, colour in enumerate(style.series):
        if contrast(QColor(colour), background) < MIN_GRAPHICS_CONTRAST:
            problems.append(f"series {n} {colour} on {style.background}: {contrast(QColor(colour), background):.2f}")
        label = report_charts._text_on(colour)  # the number written inside a bar of this colour
        if contrast(QColor(label), QColor(colour)) < theme.MIN_TEXT_CONTRAST:
            problems.append(f"label {label} on series {n} {colour}: {contrast(QColor(label), QColor(colour)):.2f}")
    return problems


def test_the_check_finds_a_pale_series_and_grey_tick_labels() -> None:
    pale = ChartStyle.from_colours("#ffffff", "#1f1f1f", series=("#0072B2", "#E69F00"))
    assert [p.split(" ")[0:2] for p in chart_problems(pale)] == [["series", "1"]]
    grey = ChartStyle("#ffffff", "#1f1f1f", "#9a9a9a", "#dddddd", ("#0072B2",))
    assert [p.split(" ")[0:2] for p in chart_problems(grey)] == [["tick", "labels"]]


@pytest.mark.parametrize("style", [report_charts.LIGHT, report_charts.DARK], ids=["light", "dark"])
def test_the_reports_charts_read_in_the_pdf(style: ChartStyle) -> None:
    assert chart_problems(style) == []


@pytest.mark.parametrize("palette_name", sorted(PALETTES))
def test_the_windows_charts_read_in_its_palette(qapp: QApplication, palette_name: str) -> None:
    """The Auswertung page draws on the window's colour (a light grey, not white) with Highlight as the first
    series."""
    style = chart_style(PALETTES[palette_name]())
    assert chart_problems(style) == []


@pytest.mark.parametrize("palette_name", ["light", "dark"])
def test_the_key_figures_read_in_both_palettes(qtbot: QtBot, app_palette: type[QApplication],  # noqa: F811
                                               palette_name: str) -> None:
    palette = PALETTES[palette_name]()
    app_palette.setPalette(palette)
    figure = KeyFigure("registered", "angemeldet", "Angemeldet: …")
    qtbot.addWidget(figure)
    figure.set_value("1.234")
    figure.show()
    for label in (figure.value_label, figure.caption_label):
        assert label.styleSheet() == "" and figure.styleSheet() == ""  # the palette's own colours, nothing else
        text, background = label.palette().color(Role.WindowText), figure.palette().color(Role.Window)
        assert contrast(text, background) >= theme.MIN_TEXT_CONTRAST
    assert figure.accessibleName() == "angemeldet: 1.234"


def drawn_pairs() -> set[tuple[str, str]]:
    """(text, background) of every state text the tables draw on a state background."""
    pairs = {(text.name, background.name) for background, text in STATUS_COLOURS.values()}  # the status pills
    pairs |= {(text.name, background.name) for background, text in dashboard_page.STATE_COLOURS.values()
              if background is not None}  # the overview's deadlines and tasks
    pairs |= {(STATE_COLOURS[state].name, background.name) for state, background in STATE_BACKGROUNDS.items()}
    # the import preview: a rejected row's status; an unchanged or duplicate row that is late or waiting
    pairs |= {(theme.problem_text.name, theme.problem_background.name),
              (theme.muted_text.name, theme.warning_background.name)}
    return pairs


def test_every_state_text_drawn_on_a_state_background_is_checked_for_contrast() -> None:
    checked = {(text.name, background.name) for text, background in theme.TEXT_ON_BACKGROUND}
    assert drawn_pairs() - checked == set()
