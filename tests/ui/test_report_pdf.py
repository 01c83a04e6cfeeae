"""The series report as PDF: read back with pypdf (text, pages, page size, no raster images)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from tests.report_samples import NOW, build_report_sample

from odn_desktop.services.report_figures import Counts, EventFigures, RoundFigures, SeriesFigures, series_figures
from odn_desktop.services.report_tables import ChartTable, series_tables
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.pdf.report_export import chart_svgs
from odn_desktop.ui.pdf.report_pdf import save_report_pdf

SERIES = "Open Data in Kommunen – Netzwerktreffen"
HOSTS = ("Deutsches Institut für Urbanistik gGmbH (Difu)", "Bertelsmann Stiftung")
TODAY = date(2025, 5, 6)


def _svg(title: str) -> bytes:
    """A small chart as SVG with its title as real text (as matplotlib writes with svg.fonttype "none")."""
    bars = "".join(f'<rect x="{40 + 60 * i}" y="{200 - 30 * i}" width="40" height="{30 * i + 10}" '
                   f'fill="#1f77b4"/>' for i in range(5))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="460pt" height="250pt" viewBox="0 0 460 250">'
            f'<rect width="460" height="250" fill="#ffffff"/>{bars}'
            f'<path d="M 30 210 L 440 210" stroke="#000000"/>'
            f'<text x="230" y="24" style="font-size: 14px; font-family: \'DejaVu Sans\'; text-anchor: middle">'
            f'{title}</text></svg>').encode()


def _event(number: int, *, rounds: bool = False) -> EventFigures:
    starts = datetime(2021, 12, 2, 9, tzinfo=UTC) + timedelta(days=14 * number)
    registered, attended = 20 + number % 7, 15 + number % 5
    counts = Counts(registered=registered, waiting=number % 3, cancelled=number % 4, late=number % 2,
                    attended=attended, no_show=registered - attended, minutes_total=attended * 80,
                    minutes_known=attended)
    parts = (RoundFigures("Einsteiger:innen", 12, Counts(registered=12, attended=9, no_show=3)),
             RoundFigures("Fortgeschrittene", 10, Counts(registered=10, attended=8, no_show=2))) if rounds else ()
    return EventFigures(event_id=uuid.UUID(int=number + 1), title=f"Netzwerktreffen Nr. {number + 1}",
                        starts_at=starts, ends_at=starts + timedelta(minutes=90), status="held", deadline=None,
                        counts=counts, organisations=10, municipalities=8,
                        federal_states=(("Nordrhein-Westfalen", 12), ("Bayern", 6)), first_time=5,
                        returning=15, rounds=parts)


def _figures(meetings: int) -> SeriesFigures:
    return SeriesFigures(series_id=uuid.uuid4(), title=SERIES, hosts=HOSTS,
                         events=tuple(_event(n, rounds=n == 1) for n in range(meetings)),
                         distinct_organisations=123, distinct_municipalities=98, distinct_participants=1234,
                         returning_participants=456,
                         federal_states=(("Nordrhein-Westfalen", 500), ("Bayern", 300), ("ohne Angabe", 4)))


def _tables(meetings: int) -> tuple[ChartTable, ...]:
    per_meeting = tuple((f"Netzwerktreffen Nr. {n + 1}", 20 + n % 7, 15 + n % 5, 5) for n in range(meetings))
    return (
        ChartTable("attendance_per_meeting", "Angemeldet, teilgenommen, nicht erschienen",
                   ("Treffen", "Angemeldet", "Teilgenommen", "Nicht erschienen"), per_meeting,
                   caption="Je Treffen, in Personen."),
        ChartTable("federal_states", "Teilnehmende nach Bundesland", ("Bundesland", "Personen"),
                   (("Nordrhein-Westfalen", 500), ("Bayern", 300), ("ohne Angabe", 4))),
    )


def _charts() -> dict[str, bytes]:
    return {"attendance_per_meeting": _svg("Diagramm Teilnahme je Treffen"),
            "federal_states": _svg("Diagramm Bundesländer")}


def _texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]  # Qt spaces come as tabs


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int
    texts: list[str]  # read back once: pypdf takes a while for a long report


@pytest.fixture(scope="module")
def report_300(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Written:
    """A report of 300 meetings, written once for the tests of this module."""
    path = tmp_path_factory.mktemp("report") / "Auswertung ä.pdf"
    pages = save_report_pdf(_figures(300), _tables(300), _charts(), path, generated_on=TODAY)
    return Written(path, pages, _texts(path))


def test_report_text_and_pages(qtbot: QtBot, report_300: Written) -> None:
    pages, texts = report_300.pages, report_300.texts
    assert len(texts) == pages > 1
    for number, text in enumerate(texts, start=1):
        assert f"Seite {number} von {pages}" in text
        assert SERIES in text
        assert "Erstellt am 06.05.2025" in text
    first = texts[0]
    assert "Auswertung" in first
    assert "Veranstaltet von Deutsches Institut für Urbanistik gGmbH (Difu) und Bertelsmann Stiftung" in first
    assert "300 Treffen vom 02.12.2021 bis" in first
    everything = " ".join(texts)
    for expected in ("Netzwerktreffen Nr. 1 ", "Netzwerktreffen Nr. 300", "Runde: Einsteiger:innen",
                     "Alle Treffen", "Begriffe und Definitionen", "Teilnahmequote",
                     "Diagramm Teilnahme je Treffen", "Diagramm Bundesländer", "Nordrhein-Westfalen",
                     "Je Treffen, in Personen."):
        assert expected in everything, expected


def test_key_figures_are_the_sums(qtbot: QtBot, report_300: Written) -> None:
    figures = _figures(300)
    registered = sum(e.counts.registered for e in figures.events)
    attended = sum(e.counts.attended for e in figures.events)
    first = report_300.texts[0]
    assert f"{registered:,}".replace(",", ".") + " Anmeldungen (angemeldet)" in first
    rate = f"{100 * attended / registered:.1f}".replace(".", ",")
    assert f"{rate} % Teilnahmequote" in first
    assert "1.234 verschiedene Personen" in first
    assert "2 Bundesländer" in first  # "ohne Angabe" is no state


def test_a4_portrait_and_no_raster_images(qtbot: QtBot, report_300: Written) -> None:
    reader = PdfReader(report_300.path)
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(595.3, abs=1.5)
        assert float(page.mediabox.height) == pytest.approx(841.9, abs=1.5)
        assert list(page.images) == []


def test_the_meeting_table_repeats_its_header_on_every_page(qtbot: QtBot, report_300: Written) -> None:
    header = ("Datum Treffen Angemeldet Warteliste Storniert Verspätet Teilgenommen Quote Nicht erschienen "
              "Minuten im Schnitt")
    texts = [re.sub(r"(?<=[a-z])- (?=[a-zäöü])", "", text) for text in report_300.texts]  # "Ange- meldet"
    pages = [n for n, text in enumerate(texts) if re.search(r"\d\d\.\d\d\.\d{4} Netzwerktreffen Nr\.", text)]
    assert len(pages) > 2
    assert pages == list(range(pages[0], pages[-1] + 1))
    seen: list[int] = []
    for n in pages:
        assert header in texts[n], n
        seen += [int(m) for m in re.findall(r"\d\d\.\d\d\.\d{4} Netzwerktreffen Nr\. (\d+)", texts[n])]
    assert seen == list(range(1, 301))  # every meeting once, in order: no row lost or split


def test_a_single_meeting_fits_and_a_missing_chart_leaves_the_table(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "kurz.pdf"
    pages = save_report_pdf(_figures(1), _tables(1)[1:], {}, path, generated_on=TODAY)
    texts = _texts(path)
    assert len(texts) == pages
    assert "1 Treffen am 02.12.2021" in texts[0]
    assert "Teilnehmende nach Bundesland" in " ".join(texts)


def test_the_total_row_and_numbers_stay_whole(qtbot: QtBot, report_300: Written) -> None:
    everything = " ".join(report_300.texts)
    # sums of the fixture: 6.897 registered, 300 waiting, 450 cancelled, 150 late, 5.100 attended, 1.797 no-shows
    assert "Alle Treffen 6.897 300 450 150 5.100 73,9 % 1.797 80" in everything
    assert "16.12.2021 Netzwerktreffen Nr. 2 21 1 1 1 16 76,2 % 5 80 Runde: Einsteiger:innen 12 0 0 0 9 75 % 3 " \
        "Runde: Fortgeschrittene" in everything


def test_a_heading_stays_with_its_chart_and_table(qtbot: QtBot, report_300: Written) -> None:
    texts = report_300.texts
    for heading, chart, header in (
        ("Angemeldet, teilgenommen, nicht erschienen", "Diagramm Teilnahme je Treffen",
         "Treffen Angemeldet Teilgenommen Nicht erschienen Netzwerktreffen Nr. 1 "),
        ("Teilnehmende nach Bundesland", "Diagramm Bundesländer", "Bundesland Personen Nordrhein-Westfalen 500"),
    ):
        pages = [text for text in texts if heading in text]
        assert len(pages) == 1, heading
        assert chart in pages[0] and header in pages[0], heading
        assert pages[0].index(heading) < pages[0].index(chart) < pages[0].index(header)


def test_the_report_of_a_real_series_with_real_charts(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    with transaction(db.sessions) as s:
        ids = build_report_sample(s)
        figures = series_figures(s, ids["series"], now=NOW)
    tables = series_tables(figures)
    charts = chart_svgs(tables)
    assert set(charts) == {t.key for t in tables}
    path = tmp_path / "Auswertung Testreihe.pdf"
    pages = save_report_pdf(figures, tables, charts, path, generated_on=TODAY)
    texts = _texts(path)
    assert len(texts) == pages
    assert all(list(page.images) == [] for page in PdfReader(path).pages)  # matplotlib's charts stay vector
    everything = " ".join(texts)
    assert "Testreihe Open Data" in texts[0] and "Veranstaltet von Difu und Bertelsmann Stiftung" in texts[0]
    assert "3 Treffen vom 14.10.2021 bis 03.02.2022" in texts[0]
    # meeting A by hand: 3 registered, 2 waiting, 1 cancelled, 1 late, 3 attended (100 %), 1 no-show, 70 minutes
    assert "14.10.2021 Treffen A 3 2 1 1 3 100 % 1 70" in everything
    assert "Runde: R1" in everything and "Runde: R2" in everything
    for table in tables:  # every chart's title twice: the heading and the chart's own (SVG) text
        assert everything.count(" ".join(table.title.split())) >= 2, table.title
    assert "Begriffe und Definitionen" in everything


def test_a_meeting_without_attendance_data_has_no_rate_and_no_no_shows(qtbot: QtBot, tmp_path: Path) -> None:
    held = _event(0)
    coming = replace(_event(1), status="open", counts=Counts(registered=30, waiting=4))
    figures = replace(_figures(0), events=(held, coming))
    path = tmp_path / "kommend.pdf"
    save_report_pdf(figures, (), {}, path, generated_on=TODAY)
    text = _texts(path)[0]
    assert "02.12.2021 Netzwerktreffen Nr. 1 20 0 0 0 15 75 % 5 80 16.12.2021 Netzwerktreffen Nr. 2 30 4 0 0 0 " \
        "Alle Treffen 50 4 0 0 15 75 % 5 80" in text  # the coming meeting: rate, no-shows and minutes empty
    assert "75 % Teilnahmequote (1 Treffen mit Teilnahmedaten)" in text


def test_a_series_without_meetings(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "leer.pdf"
    empty = ChartTable("federal_states", "Teilnehmende nach Bundesland", ("Bundesland", "Personen"), ())
    assert save_report_pdf(_figures(0), (empty,), {}, path, generated_on=TODAY) == 1
    text = _texts(path)[0]
    assert "Noch keine Treffen" in text and "Die Reihe hat noch keine Treffen." in text
    assert "Teilnehmende nach Bundesland Keine Daten." in text
    assert "Seite 1 von 1" in text
