"""The data behind each chart of the report, as one table per chart: the table under a chart on the Auswertung
page, the table after a chart in the PDF report and the data sheet a native Excel chart of the XLSX report refers
to are all this one table, so the three can never show different numbers.

Cells are values (``int``, ``float``, ``str``, ``date``), not formatted text: the workbook keeps numbers as
numbers; the page and the PDF format them German (``format_cell``).

The tables (``key``):

- ``registrations_over_time``: one row per day counted from the registration deadline (``-20`` … ``0`` … ``3``:
  day 0 is the deadline's day, negative days lie before it), one column per overlaid meeting with its cumulative
  registrations; ``None`` where that meeting has no such day (before its first or after its last registration
  day; the charts leave a gap there). Days without new registrations inside a meeting's span carry the previous
  total. A meeting without a deadline is counted from its own day instead (the caption says so).
- ``attendance_per_meeting``: per meeting (date and short title) angemeldet, teilgenommen, nicht erschienen.
- ``federal_states``: persons per federal state, most first.
- ``first_time_returning``: per meeting erstmals and wiederkehrend angemeldete.
- ``attendance_per_round`` (a single meeting's tables only): the same three counts per round.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from odn_desktop.domain.timezone import to_berlin
from odn_desktop.exchange.chart_data import Cell, ChartMark, ChartTable, format_cell, german_date

from .report_figures import EventFigures, RegistrationCurve, SeriesFigures

__all__ = ["Cell", "ChartMark", "ChartTable", "event_tables", "format_cell", "series_tables"]

#: The registrations chart starts at most this many days before the deadline; registrations received earlier are
#: included in the first day's total (the curves are cumulative), so nothing is lost, the axis stays readable.
CURVE_DAYS_BEFORE = 60
#: Meeting titles longer than this are shortened with "…" in labels (the tables' first column, legends).
SHORT_TITLE_LENGTH = 32

DAY_HEADER = "Tag (0 = Anmeldeschluss)"
MEETING_HEADER = "Treffen"
REGISTERED = "Angemeldet"
ATTENDED = "Teilgenommen"
NO_SHOW = "Nicht erschienen"
FIRST_TIME = "Erstmals"
RETURNING = "Wiederkehrend"
DEADLINE_LABEL = "Anmeldeschluss"
#: statuses whose meetings the per-meeting charts leave out
_LEFT_OUT_STATUSES = frozenset({"cancelled"})


# -- labels ------------------------------------------------------------------------------------------------


def short_title(title: str, limit: int = SHORT_TITLE_LENGTH) -> str:
    """The distinguishing part of a meeting title: after the last ": " (``Open-Data-Netzwerktreffen: Portal und
    Datenqualität`` → ``Portal und Datenqualität``), cut at a word with "…" when longer than ``limit``."""
    text = " ".join(title.split())
    head, sep, tail = text.rpartition(": ")
    if sep and head and tail:
        text = tail
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def meeting_label(title: str, starts_at: datetime) -> str:
    """``02.12.2021 Open-Data-Netzwerktreffen``: the Berlin date and the short title."""
    short = short_title(title)
    day = german_date(to_berlin(starts_at).date())
    return f"{day} {short}" if short else day


def _unique(labels: Iterable[str]) -> list[str]:
    """Labels made distinct by " (2)", " (3)" … (two meetings on one day with one title)."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        count = seen.get(label, 0) + 1
        seen[label] = count
        result.append(label if count == 1 else f"{label} ({count})")
    return result


def _signed(number: int) -> str:
    return f"+{number}" if number > 0 else format_cell(number)


# -- the tables --------------------------------------------------------------------------------------------


def _anchor(curve: RegistrationCurve) -> date:
    """Day 0 of a curve: its deadline's day, or (without a deadline) the meeting's own day."""
    return curve.deadline_day if curve.deadline_day is not None else to_berlin(curve.starts_at).date()


def _curve_table(curves: tuple[RegistrationCurve, ...], title: str) -> ChartTable:
    headers = _unique(meeting_label(c.title, c.starts_at) for c in curves)
    # per curve: {day number: cumulative} and its first and last day number
    points: list[dict[int, int]] = []
    for curve in curves:
        anchor = _anchor(curve)
        points.append({(d.day - anchor).days: d.cumulative for d in curve.days})
    spans = [(min(p), max(p)) for p in points if p]
    rows: list[tuple[Cell, ...]] = []
    clipped = False
    if spans:
        first = min(start for start, _ in spans)
        last = max(end for _, end in spans)
        if first < -CURVE_DAYS_BEFORE:
            clipped = True
            first = min(-CURVE_DAYS_BEFORE, last)
        columns: list[list[int | None]] = []
        for curve_points in points:
            column: list[int | None] = []
            running: int | None = None
            for day in sorted(d for d in curve_points if d < first):  # folded into the first row
                running = curve_points[day]
            end = max(curve_points, default=first - 1)
            for day in range(first, last + 1):
                running = curve_points.get(day, running)
                column.append(running if day <= end else None)
            columns.append(column)
        rows = [(day, *(column[i] for column in columns)) for i, day in enumerate(range(first, last + 1))]

    marks: list[ChartMark] = []
    if any(c.deadline_day is not None for c in curves):
        marks.append(ChartMark(0, DEADLINE_LABEL, "deadline"))
    notes: list[str] = []
    for header, curve in zip(headers, curves, strict=True):
        anchor = _anchor(curve)
        parts = [f"Anmeldeschluss {german_date(curve.deadline_day)}" if curve.deadline_day is not None
                 else "ohne Anmeldeschluss, Tag 0 = Tag des Treffens"]
        for mark in sorted(curve.marks, key=lambda m: m.day):
            offset = (mark.day - anchor).days
            marks.append(ChartMark(offset, mark.label, mark.kind, header))
            parts.append(f"{mark.label} {german_date(mark.day)} (Tag {_signed(offset)})")
        notes.append(f"{header}: {', '.join(parts)}")
    caption = ("Aufsummierte Anmeldungen je Kalendertag (auch später stornierte), gezählt ab dem Tag des "
               "Anmeldeschlusses (Tag 0, senkrechte Linie); Symbole markieren den ersten Versand von Erinnerung "
               "und Zugangslink.")
    if clipped:
        caption += f" Anmeldungen von mehr als {CURVE_DAYS_BEFORE} Tagen vorher zählen im ersten Tag mit."
    if notes:
        caption += " " + "; ".join(notes) + "."
    return ChartTable("registrations_over_time", title, (DAY_HEADER, *headers), tuple(rows), caption, tuple(marks))


def _shown_events(events: tuple[EventFigures, ...]) -> tuple[tuple[EventFigures, ...], int]:
    shown = tuple(e for e in events if e.status not in _LEFT_OUT_STATUSES)
    return shown, len(events) - len(shown)


def _left_out_note(count: int) -> str:
    if not count:
        return ""
    return " Abgesagte Treffen sind nicht enthalten." if count > 1 else " Ein abgesagtes Treffen ist nicht enthalten."


def _attendance_table(figures: SeriesFigures) -> ChartTable:
    events, left_out = _shown_events(figures.events)
    labels = _unique(meeting_label(e.title, e.starts_at) for e in events)
    rows: list[tuple[Cell, ...]] = []
    for label, event in zip(labels, events, strict=True):
        counts = event.counts
        known = event.attendance_recorded
        rows.append((label, counts.registered, counts.attended if known else None,
                     counts.no_show if known else None))
    caption = ("Angemeldet: Anmeldungen mit Platz. Teilgenommen: vom Teilnahmebericht zugeordnet oder von Hand "
               "als anwesend markiert, unabhängig von den Minuten. Nicht erschienen: Angemeldet − Teilgenommen. "
               "Ohne Teilnahmedaten (noch nicht stattgefunden, kein Bericht importiert) bleiben die beiden leer."
               + _left_out_note(left_out))
    return ChartTable("attendance_per_meeting", "Angemeldet, teilgenommen und nicht erschienen je Treffen",
                      (MEETING_HEADER, REGISTERED, ATTENDED, NO_SHOW), tuple(rows), caption)


def _states_table(states: tuple[tuple[str, int], ...], title: str, caption: str) -> ChartTable:
    return ChartTable("federal_states", title, ("Bundesland", "Personen"),
                      tuple((state, count) for state, count in states), caption)


def _first_time_table(figures: SeriesFigures) -> ChartTable:
    events, left_out = _shown_events(figures.events)
    labels = _unique(meeting_label(e.title, e.starts_at) for e in events)
    rows = tuple((label, e.first_time, e.returning) for label, e in zip(labels, events, strict=True))
    caption = ("Nicht stornierte Anmeldungen je Treffen: wiederkehrend, wenn dieselbe Person schon für ein früheres "
               f"Treffen der Reihe angemeldet war. Wiederkehrende Personen der Reihe: "
               f"{format_cell(figures.returning_participants)} von {format_cell(figures.distinct_participants)}."
               + _left_out_note(left_out))
    return ChartTable("first_time_returning", "Erstmals und wiederkehrend Angemeldete je Treffen",
                      (MEETING_HEADER, FIRST_TIME, RETURNING), rows, caption)


def series_tables(figures: SeriesFigures) -> tuple[ChartTable, ...]:
    """The four chart tables of a series report, in the order the report shows them."""
    return (
        _curve_table(figures.curves, "Eingang der Anmeldungen bis zum Anmeldeschluss"),
        _attendance_table(figures),
        _states_table(figures.federal_states, "Angemeldete Personen je Bundesland",
                      "Verschiedene angemeldete Personen der Reihe je Bundesland ihrer Kontaktdaten."),
        _first_time_table(figures),
    )


def event_tables(event: EventFigures, curve: RegistrationCurve | None) -> tuple[ChartTable, ...]:
    """The chart tables of one meeting: its registration curve (when given), its rounds' counts (when it has
    rounds) and its registered people per federal state."""
    tables: list[ChartTable] = []
    if curve is not None:
        tables.append(_curve_table((curve,), "Eingang der Anmeldungen bis zum Anmeldeschluss"))
    if event.rounds:
        known = event.attendance_recorded
        rows = tuple((r.title, r.counts.registered, r.counts.attended if known else None,
                      r.counts.no_show if known else None) for r in event.rounds)
        tables.append(ChartTable("attendance_per_round", "Angemeldet, teilgenommen und nicht erschienen je Runde",
                                 ("Runde", REGISTERED, ATTENDED, NO_SHOW), rows,
                                 "Die Zahlen der Runden, gezählt wie für das ganze Treffen."))
    tables.append(_states_table(event.federal_states, "Angemeldete je Bundesland",
                                "Angemeldete des Treffens je Bundesland ihrer Kontaktdaten."))
    return tuple(tables)
