"""Hand-made report figures and chart tables for the workbook tests (no database): a small series with a hostile
meeting title, rounds, a meeting without attendance data, and a series of any number of meetings."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from odn_desktop.services.report_figures import Counts, EventFigures, RoundFigures, SeriesFigures
from odn_desktop.services.report_tables import ChartMark, ChartTable

HOSTILE_TITLE = '=HYPERLINK("http://x")'
HOSTS = ("Deutsches Institut für Urbanistik (Difu)", "Bertelsmann Stiftung")
STATES = (("Nordrhein-Westfalen", 41), ("Bayern", 23), ("Baden-Württemberg", 17), ("Niedersachsen", 9),
          ("Thüringen", 4), ("ohne Angabe", 2))


def event(index: int, title: str, counts: Counts, *, first_time: int = 0, returning: int = 0,
          rounds: tuple[RoundFigures, ...] = (), start: datetime | None = None, status: str = "held") -> EventFigures:
    starts = start or datetime(2021, 10, 14, 8, tzinfo=UTC) + timedelta(days=49 * index)
    return EventFigures(
        event_id=uuid.UUID(int=index + 1), title=title, starts_at=starts, ends_at=starts + timedelta(hours=2),
        status=status, deadline=starts - timedelta(days=2), counts=counts, organisations=counts.registered // 2,
        municipalities=counts.registered // 3, federal_states=STATES[:3], first_time=first_time,
        returning=returning, rounds=rounds)


def small_series() -> SeriesFigures:
    """Three meetings: A (plain), B (hostile title, two rounds), C (no attendance yet, no minutes)."""
    a = event(0, "Open-Data-Netzwerktreffen: Portal und Datenqualität",
              Counts(registered=40, waiting=3, cancelled=5, late=2, attended=30, no_show=10, minutes_total=2700,
                     minutes_known=30), first_time=40)
    b = event(1, HOSTILE_TITLE,
              Counts(registered=50, waiting=0, cancelled=4, late=1, attended=37, no_show=13, minutes_total=3000,
                     minutes_known=32), first_time=31, returning=19,
              rounds=(RoundFigures("Runde 1: Recht", 25, Counts(registered=25, attended=20, no_show=5)),
                      RoundFigures("Runde 2: Technik", None, Counts(registered=25, attended=17, no_show=8))))
    c = event(2, "Open-Data-Netzwerktreffen: Kommunale Datenstrategien", Counts(registered=12), first_time=7,
              returning=5, status="planned")
    return SeriesFigures(series_id=uuid.UUID(int=99), title="Open-Data-Netzwerktreffen", hosts=HOSTS,
                         events=(a, b, c), distinct_organisations=51, distinct_municipalities=38,
                         distinct_participants=78, returning_participants=21, federal_states=STATES)


def small_tables() -> tuple[ChartTable, ...]:
    """The four chart tables as ``report_tables.series_tables`` shapes them (made by hand)."""
    curves = []
    for day in range(-20, 4):
        a = min(40, max(0, 2 * (day + 21))) if day <= 1 else None
        b = None if day < -14 else min(50, 4 * (day + 15))
        c = None if day < -10 or day > 0 else 1 + day + 11
        curves.append((day, a, b, c))
    return (
        ChartTable("registrations_over_time", "Eingang der Anmeldungen bis zum Anmeldeschluss",
                   ("Tag (0 = Anmeldeschluss)", "14.10.2021 Portal und Datenqualität", f"02.12.2021 {HOSTILE_TITLE}",
                    "20.01.2022 Kommunale Datenstrategien"), tuple(curves),
                   "Aufsummierte Anmeldungen je Kalendertag, gezählt ab dem Tag des Anmeldeschlusses (Tag 0, "
                   "senkrechte Linie); Symbole markieren den ersten Versand von Erinnerung und Zugangslink. "
                   "14.10.2021 Portal und Datenqualität: Anmeldeschluss 12.10.2021, Erinnerung 05.10.2021 (Tag −7); "
                   "02.12.2021 =HYPERLINK(\"http://x\"): Anmeldeschluss 30.11.2021.",
                   (ChartMark(0, "Anmeldeschluss", "deadline"),
                    ChartMark(-7, "Erinnerung", "reminder", "14.10.2021 Portal und Datenqualität"))),
        ChartTable("attendance_per_meeting", "Angemeldet, teilgenommen und nicht erschienen je Treffen",
                   ("Treffen", "Angemeldet", "Teilgenommen", "Nicht erschienen"),
                   (("14.10.2021 Portal und Datenqualität", 40, 30, 10), (HOSTILE_TITLE, 50, 37, 13),
                    ("20.01.2022 Kommunale Datenstrategien", 12, None, None)),
                   "Teilgenommen: vom Teilnahmebericht zugeordnet oder von Hand markiert."),
        ChartTable("federal_states", "Angemeldete Personen je Bundesland", ("Bundesland", "Personen"), STATES,
                   "Verschiedene angemeldete Personen der Reihe je Bundesland ihrer Kontaktdaten."),
        ChartTable("first_time_returning", "Erstmals und wiederkehrend Angemeldete je Treffen",
                   ("Treffen", "Erstmals", "Wiederkehrend"),
                   (("14.10.2021 Portal und Datenqualität", 40, 0), (HOSTILE_TITLE, 31, 19),
                    ("20.01.2022 Kommunale Datenstrategien", 7, 5))),
    )


def large_series(meetings: int) -> tuple[SeriesFigures, tuple[ChartTable, ...]]:
    """A series of ``meetings`` meetings (about 333 registrations each, 100,000 in all) and its four tables."""
    events = []
    start = datetime(2000, 1, 13, 9, tzinfo=UTC)
    for index in range(meetings):
        registered = 300 + index % 67
        attended = registered * 3 // 4
        counts = Counts(registered=registered, waiting=index % 9, cancelled=index % 13, late=index % 5,
                        attended=attended, no_show=registered - attended, minutes_total=attended * 80,
                        minutes_known=attended)
        events.append(event(index, f"Open-Data-Netzwerktreffen {index + 1}: Thema {index % 17}", counts,
                            first_time=registered // 3, returning=registered - registered // 3,
                            start=start + timedelta(days=30 * index)))
    figures = SeriesFigures(series_id=uuid.UUID(int=7), title="Große Reihe", hosts=HOSTS, events=tuple(events),
                            distinct_organisations=1200, distinct_municipalities=900, distinct_participants=40_000,
                            returning_participants=15_000, federal_states=STATES)
    labels = [f"{date(2000, 1, 13) + timedelta(days=30 * i):%d.%m.%Y} Thema {i % 17}" for i in range(meetings)]
    recent = labels[-6:]
    curve_rows = tuple((day, *(min(333, 6 * (day + 61)) for _ in recent)) for day in range(-60, 4))
    tables = (
        ChartTable("registrations_over_time", "Eingang der Anmeldungen bis zum Anmeldeschluss",
                   ("Tag (0 = Anmeldeschluss)", *recent), curve_rows, "",
                   (ChartMark(0, "Anmeldeschluss", "deadline"),)),
        ChartTable("attendance_per_meeting", "Angemeldet, teilgenommen und nicht erschienen je Treffen",
                   ("Treffen", "Angemeldet", "Teilgenommen", "Nicht erschienen"),
                   tuple((label, e.counts.registered, e.counts.attended, e.counts.no_show)
                         for label, e in zip(labels, events, strict=True))),
        ChartTable("federal_states", "Angemeldete Personen je Bundesland", ("Bundesland", "Personen"), STATES),
        ChartTable("first_time_returning", "Erstmals und wiederkehrend Angemeldete je Treffen",
                   ("Treffen", "Erstmals", "Wiederkehrend"),
                   tuple((label, e.first_time, e.returning) for label, e in zip(labels, events, strict=True))),
    )
    return figures, tables
