"""The report's charts as SVG (exchange/report_charts): real text (not glyph paths), no raster images, the right
kind per table, German numbers, light and dark, no pyplot, matplotlib imported only when a chart is drawn."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from datetime import date
from xml.etree import ElementTree

import pytest

from odn_desktop.exchange.chart_data import ChartMark, ChartTable
from odn_desktop.exchange.report_charts import (
    DARK,
    LIGHT,
    NO_DATA,
    ChartStyle,
    chart_svg,
    suggested_size_in,
)

SVG = "{http://www.w3.org/2000/svg}"

MEETINGS = ("14.10.2021 Auftakt", "02.12.2021 Netzwerktreffen", "20.01.2022 Portal und Datenqualität")
ATTENDANCE = ChartTable(
    "attendance_per_meeting", "Angemeldet, teilgenommen und nicht erschienen je Treffen",
    ("Treffen", "Angemeldet", "Teilgenommen", "Nicht erschienen"),
    ((MEETINGS[0], 1234, 1000, 234), (MEETINGS[1], 40, 30, 10), (MEETINGS[2], 12, None, None)),
)
CURVES = ChartTable(
    "registrations_over_time", "Eingang der Anmeldungen bis zum Anmeldeschluss",
    ("Tag (0 = Anmeldeschluss)", MEETINGS[0], MEETINGS[1]),
    ((-3, None, 2), (-2, 1, 4), (-1, 3, 5), (0, 4, None), (1, 6, None)),
    marks=(ChartMark(0, "Anmeldeschluss", "deadline"), ChartMark(-2, "Erinnerung", "reminder", MEETINGS[0]),
           ChartMark(1, "Zugangslink", "access_link", MEETINGS[0])),
)
STATES = ChartTable("federal_states", "Angemeldete Personen je Bundesland", ("Bundesland", "Personen"),
                    (("Nordrhein-Westfalen", 12), ("Baden-Württemberg", 5), ("ohne Angabe", 1)))
FIRST_TIME = ChartTable("first_time_returning", "Erstmals und wiederkehrend Angemeldete je Treffen",
                        ("Treffen", "Erstmals", "Wiederkehrend"),
                        ((MEETINGS[0], 10, 0), (MEETINGS[1], 3, 7), (MEETINGS[2], 4, 8)))


def _svg(table: ChartTable, style: ChartStyle = LIGHT, width: float = 7.0, height: float = 3.5) -> ElementTree.Element:
    return ElementTree.fromstring(chart_svg(table, style, width_in=width, height_in=height))


def _texts(root: ElementTree.Element) -> list[str]:
    return [(element.text or "") for element in root.iter(f"{SVG}text")]


def _background(root: ElementTree.Element) -> str:
    """The fill of the figure's background rectangle (the first path drawn)."""
    patch = next(root.iter(f"{SVG}path"))
    match = re.search(r"fill:\s*(#[0-9a-fA-F]{6})", patch.get("style", ""))
    assert match, patch.attrib
    return match.group(1).lower()


@pytest.mark.parametrize("table", [ATTENDANCE, CURVES, STATES, FIRST_TIME], ids=lambda t: t.key)
def test_every_chart_is_vector_svg_with_its_title_as_text(table: ChartTable) -> None:
    root = _svg(table)
    texts = _texts(root)
    assert table.title in texts
    assert not list(root.iter(f"{SVG}image"))  # no raster inside: the PDF stays vector
    assert root.get("width") == "504pt" and root.get("height") == "252pt"
    fonts = {m for e in root.iter(f"{SVG}text") for m in re.findall(r"font-family: ([^;]+)", e.get("style", ""))}
    assert fonts == {"'DejaVu Sans'"}  # the font the window registers with Qt


def test_meetings_are_named_on_the_axis_and_in_the_legend() -> None:
    texts = _texts(_svg(ATTENDANCE))
    for label in MEETINGS:
        day, title = label.split(" ", 1)
        assert day in texts
        assert title in texts or any(part in texts for part in title.split())  # wrapped under the date
    assert {"Angemeldet", "Teilgenommen", "Nicht erschienen"} <= set(texts)
    assert {"1.234", "1.000", "234"} <= set(texts)  # value labels, German thousands
    assert "1,234" not in texts and "" not in [t for t in texts if t.strip() != t]


def test_axis_numbers_are_german() -> None:
    texts = _texts(_svg(ATTENDANCE))
    ticks = [t for t in texts if re.fullmatch(r"[\d.]+", t)]
    assert "1.000" in ticks or "1.200" in ticks, ticks
    assert not [t for t in texts if re.fullmatch(r"\d{1,3},\d{3}", t)]


def test_the_curves_mark_the_deadline_and_the_mails() -> None:
    root = _svg(CURVES)
    texts = _texts(root)
    assert {"Anmeldeschluss", "Erinnerung", "Zugangslink", *MEETINGS[:2]} <= set(texts)
    assert "−2" in texts and "+1" in texts  # days before and after the deadline, typographic minus
    assert "Anmeldungen (aufsummiert)" in texts


def test_the_states_are_listed_most_first_from_the_top() -> None:
    root = _svg(STATES)
    positions = {}
    for element in root.iter(f"{SVG}text"):
        if element.text in ("Nordrhein-Westfalen", "Baden-Württemberg", "ohne Angabe"):
            positions[element.text] = float(element.get("y", "0"))
    assert positions["Nordrhein-Westfalen"] < positions["Baden-Württemberg"] < positions["ohne Angabe"]


def test_light_and_dark_differ_in_background_and_text() -> None:
    light, dark = _svg(STATES, LIGHT), _svg(STATES, DARK)
    assert _background(light) == "#ffffff"
    assert _background(dark) == "#202020"
    assert chart_svg(STATES, LIGHT, width_in=7, height_in=3.5) != chart_svg(STATES, DARK, width_in=7, height_in=3.5)


def test_a_palette_makes_a_style() -> None:
    style = ChartStyle.from_colours("#1e1e1e", "#fafafa")
    assert style.series == DARK.series  # dark window: the lighter series colours
    assert ChartStyle.from_colours("#f0f0f0", "#000000").series == LIGHT.series
    assert _background(_svg(STATES, style)) == "#1e1e1e"
    with pytest.raises(ValueError, match="not a colour"):
        ChartStyle.from_colours("red", "#000000")


def test_an_empty_table_says_so() -> None:
    empty = ChartTable("registrations_over_time", "Eingang der Anmeldungen", ("Tag (0 = Anmeldeschluss)",), ())
    texts = _texts(_svg(empty))
    assert NO_DATA in texts and "Eingang der Anmeldungen" in texts


def test_three_hundred_meetings_get_few_date_labels_and_lines() -> None:
    rows = tuple((f"{1 + i % 28:02d}.{1 + i // 28 % 12:02d}.{2000 + i // 336} Treffen {i}", 100 + i % 50,
                  60 + i % 30, 40 + i % 20) for i in range(300))
    table = ChartTable("attendance_per_meeting", "Viele Treffen", ATTENDANCE.headers, rows)
    root = _svg(table)
    dates = [t for t in _texts(root) if re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", t)]
    assert 4 <= len(dates) <= 15, dates
    assert not [t for t in _texts(root) if t.startswith("Treffen ")]  # titles only in the table
    filled = [p for p in root.iter(f"{SVG}path") if f"fill: {LIGHT.series[0].lower()}" in p.get("style", "")]
    assert len(filled) < 5  # drawn as three lines (the legend's patch at most), not 900 bars of a pixel


def test_a_dollar_sign_stays_text() -> None:
    table = ChartTable("federal_states", "Kosten in $ und $ pro Kopf", ("Bundesland", "Personen"), (("Bayern", 1),))
    assert "Kosten in $ und $ pro Kopf" in _texts(_svg(table))


def test_the_same_table_gives_the_same_bytes_also_from_threads() -> None:
    expected = {t.key: chart_svg(t, LIGHT, width_in=6, height_in=3) for t in (ATTENDANCE, CURVES, STATES)}
    results: dict[str, list[bytes]] = {key: [] for key in expected}
    errors: list[BaseException] = []

    def draw(table: ChartTable) -> None:
        try:
            for _ in range(3):
                results[table.key].append(chart_svg(table, LIGHT, width_in=6, height_in=3))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=draw, args=(t,)) for t in (ATTENDANCE, CURVES, STATES) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for key, svgs in results.items():
        assert svgs and all(svg == expected[key] for svg in svgs), key


def test_suggested_sizes() -> None:
    assert suggested_size_in(ATTENDANCE, 7.0) == (7.0, 3.5)
    width, height = suggested_size_in(ChartTable("federal_states", "", ("Bundesland", "Personen"),
                                                 tuple((f"Land {i}", i) for i in range(17))), 7.0)
    assert width == 7.0 and height > 4.5


def test_no_pyplot_and_no_matplotlib_at_import() -> None:
    chart_svg(STATES, LIGHT, width_in=4, height_in=3)
    assert "matplotlib.pyplot" not in sys.modules
    code = ("import sys; import odn_desktop.exchange.report_charts, odn_desktop.services.report_tables; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_cell_of_a_date_is_written_german() -> None:
    table = ChartTable("attendance_per_round", "Runden", ("Runde", "Angemeldet"), ((date(2021, 12, 2), 3),))
    assert "02.12.2021" in _texts(_svg(table))


def test_a_deadline_still_ahead_is_on_the_axis_and_every_path_has_data() -> None:
    """The coming meeting: registrations up to day −5, the deadline (day 0) ahead. The deadline line must be drawn
    (an axis ending at −5 left it out as a path without data, which Qt's SVG renderer rejects)."""
    ahead = ChartTable("registrations_over_time", "Eingang der Anmeldungen bis zum Anmeldeschluss",
                       ("Tag (0 = Anmeldeschluss)", MEETINGS[2]), ((-9, 3), (-7, 6), (-5, 9)),
                       marks=(ChartMark(0, "Anmeldeschluss", "deadline"),))
    root = _svg(ahead)
    paths = list(root.iter(f"{SVG}path"))
    assert all(p.get("d") for p in paths), [p.attrib for p in paths if not p.get("d")]
    assert "Anmeldeschluss" in _texts(root)
