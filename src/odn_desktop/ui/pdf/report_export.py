"""``export report``: the series report as PDF (through Qt, with vector charts) or as XLSX (native Excel charts),
chosen by the file's ending — one function for the CLI and the Auswertung page.

Both formats are made from the same figures (``services.report_figures``) and the same chart tables
(``services.report_tables``), so the PDF, the workbook and the page cannot disagree. The PDF needs Qt's GUI
module (fonts, painting) but no window; the workbook needs no Qt at all. Safe to call off the GUI thread: it
paints on a ``QPdfWriter``, never on a widget.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.plurals import plural
from odn_desktop.domain.timezone import to_berlin, utcnow
from odn_desktop.services.report_figures import DEFINITIONS, SeriesFigures, series_figures
from odn_desktop.services.report_tables import ChartTable, series_tables

#: the charts' width in the PDF: A4 (210 mm) less the report's margins (2 × 18 mm), in inches
PDF_CHART_WIDTH_IN = (210 - 36) / 25.4
SUFFIXES = (".pdf", ".xlsx")


@dataclass(frozen=True)
class ReportExport:
    path: Path
    message: str


def check_report_path(path: Path) -> Path:
    """The format comes from the ending; anything else is refused before any work is done."""
    if path.suffix.lower() not in SUFFIXES:
        raise UserError(f"Der Bericht kann als PDF (.pdf) oder Excel-Datei (.xlsx) gespeichert werden, nicht als "
                        f"„{path.suffix or path.name}“.")
    return path


def chart_svgs(tables: Sequence[ChartTable], width_in: float = PDF_CHART_WIDTH_IN) -> dict[str, bytes]:
    """Every table's chart as SVG in the print colours (light), sized for the PDF's text width."""
    from odn_desktop.exchange.report_charts import LIGHT, chart_svg, suggested_size_in

    svgs = {}
    for table in tables:
        width, height = suggested_size_in(table, width_in)
        svgs[table.key] = chart_svg(table, LIGHT, width_in=width, height_in=height)
    return svgs


def write_report(figures: SeriesFigures, path: Path, *, today: date | None = None) -> ReportExport:
    """Write figures already computed (the page has them) to ``path``."""
    path = check_report_path(Path(path))
    tables = series_tables(figures)
    meetings = plural(len(figures.events), "Treffen", "Treffen")
    if path.suffix.lower() == ".xlsx":
        from odn_desktop.exchange.report_workbook import write_report_workbook

        book = write_report_workbook(figures, tables, path, definitions=DEFINITIONS)
        message = (f"Auswertung „{figures.title}“ ({meetings}) als Excel-Datei mit "
                   f"{plural(len(book.sheets), 'Tabellenblatt', 'Tabellenblättern')} und "
                   f"{plural(book.charts, 'Diagramm', 'Diagrammen')} gespeichert: {path}")
        return ReportExport(path, message)
    from .report_pdf import save_report_pdf

    pages = save_report_pdf(figures, tables, chart_svgs(tables), path,
                            generated_on=today or to_berlin(utcnow()).date())
    return ReportExport(path, f"Auswertung „{figures.title}“ ({meetings}) als PDF mit "
                              f"{plural(pages, 'Seite', 'Seiten')} gespeichert: {path}")


def export_report(session: Session, series_id: uuid.UUID, path: Path, *, today: date | None = None) -> ReportExport:
    """Compute the series' figures and write the report (``.pdf`` or ``.xlsx``)."""
    check_report_path(Path(path))
    return write_report(series_figures(session, series_id), path, today=today)
