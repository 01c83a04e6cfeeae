"""The data behind each chart of the report, as one table per chart: the table under a chart on the Auswertung
page, the table after a chart in the PDF report and the data sheet a native Excel chart of the XLSX report refers
to are all this one table, so the three can never show different numbers.

Cells are values (``int``, ``float``, ``str``, ``date``), not formatted text: the workbook keeps numbers as
numbers; the page and the PDF format them German (``format_cell``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .report_figures import SeriesFigures

Cell = int | float | str | date | None


@dataclass(frozen=True)
class ChartTable:
    """One chart's data: ``key`` names the chart (``registrations_over_time``, ``attendance_per_meeting``,
    ``federal_states``, ``first_time_returning``); the first column holds the categories (meeting, day, state),
    the other columns one data series each, named by their header."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: a sentence under the chart (what is counted; e.g. where the deadline is)
    caption: str = ""


def series_tables(figures: SeriesFigures) -> tuple[ChartTable, ...]:
    """The four chart tables of a series report, in the order the report shows them."""
    raise NotImplementedError("being written (issue 14)")


def format_cell(value: Cell) -> str:
    """German text for a cell: 1.234, 12,5 %, 02.12.2021, empty for None."""
    raise NotImplementedError("being written (issue 14)")
