"""A chart's data as a table (``ChartTable``) and its cells written out German (``format_cell``).

Plain data shared by the layers that draw or write a chart: ``services.report_tables`` builds the tables from the
report's figures (and re-exports these names, where the contract was first written), ``exchange.report_charts``
draws them as SVG and the XLSX report writes them as data sheets, so exchange code needs no services import.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from odn_desktop.domain.timezone import to_berlin

Cell = int | float | str | date | None


@dataclass(frozen=True)
class ChartMark:
    """A marked point of a chart: the category (first-column value) it stands at and what it marks.

    ``series`` None: a mark across the whole chart (the deadline, drawn as a vertical line); otherwise the header
    of the column whose line carries the mark (a mail day, drawn as a symbol on that meeting's line). ``kind``
    groups marks of one meaning (``deadline``, ``reminder``, ``access_link``) for the symbol and the legend."""

    category: Cell
    label: str
    kind: str
    series: str | None = None


@dataclass(frozen=True)
class ChartTable:
    """One chart's data: ``key`` names the chart (``registrations_over_time``, ``attendance_per_meeting``,
    ``federal_states``, ``first_time_returning``; for one meeting also ``attendance_per_round``); the first column
    holds the categories (meeting, day, state), the other columns one data series each, named by their header."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: a sentence under the chart (what is counted; e.g. where the deadline is)
    caption: str = ""
    #: points the chart marks (deadline, mail days); the table itself does not show them (the caption names them)
    marks: tuple[ChartMark, ...] = ()


def german_date(value: date) -> str:
    """``02.12.2021``"""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def _grouped(number: int) -> str:
    text = f"{abs(number):,}".replace(",", ".")
    return f"−{text}" if number < 0 else text


def format_cell(value: Cell, *, percent: bool = False) -> str:
    """German text for a cell: 1.234, 12,5 (one decimal), −3 (a typographic minus), 02.12.2021, empty for None;
    with ``percent`` a fraction as a percentage (0.125 → 12,5 %, 0.5 → 50 %)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int):
        return f"{_grouped(value * 100)} %" if percent else _grouped(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        number = value * 100 if percent else value
        tenths = math.floor(abs(number) * 10 + 0.5)  # half up, as people round (not to even)
        whole, rest = divmod(tenths, 10)
        text = ("−" if number < 0 and tenths else "") + _grouped(whole)
        if not (percent and rest == 0):
            text += f",{rest}"
        return f"{text} %" if percent else text
    if isinstance(value, datetime):
        local = to_berlin(value)
        return f"{german_date(local.date())}, {local.hour:02d}:{local.minute:02d} Uhr"
    if isinstance(value, date):
        return german_date(value)
    return str(value)
