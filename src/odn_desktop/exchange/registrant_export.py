"""The registrant export: every field of every registration of an event, as an Excel table with filters.

For internal use (the coordinator and the co-hosts): one row per registration, all statuses, an Excel table
("Anmeldungen") so that each column has its filter button and sorting keeps rows together. Dates are real
Excel dates in Berlin time; yes/no fields read "ja"/"nein". The names are the data as stored ("von der Heide"
stays the last name), but an academic title typed into the first name is moved to the "Titel" column; the rows
come in the order of ``domain.names.person_sort_key`` (``services.exports``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from odn_desktop.domain.names import separate_title
from odn_desktop.domain.timezone import to_berlin

from .atomic_write import atomic_write
from .export_records import EventInfo, Participant
from .german_dates import short_date
from .safe_cells import clean_text, set_text

SHEET_TITLE = "Anmeldungen"
TABLE_NAME = "Anmeldungen"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
FONT_NAME = "Calibri"


def _yes_no(value: bool) -> str:
    return "ja" if value else "nein"


def _first_name(p: Participant) -> str:
    return separate_title(p.first_name, p.academic_title)[1]


def _title(p: Participant) -> str:
    """The academic title, with one that was typed into the first name ("Dr. Nils")."""
    return separate_title(p.first_name, p.academic_title)[0]


@dataclass(frozen=True)
class Field:
    header: str
    value: Callable[[Participant], Any]
    max_width: float = 40


FIELDS: tuple[Field, ...] = (
    Field("Nachname", lambda p: p.last_name),
    Field("Vorname", _first_name),
    Field("Anrede", lambda p: p.salutation),
    Field("Titel", _title),
    Field("E-Mail", lambda p: p.email),
    Field("Organisation", lambda p: p.organisation),
    Field("Kommune", lambda p: p.municipality),
    Field("Bundesland", lambda p: p.federal_state),
    Field("Funktion", lambda p: p.role),
    Field("Erfahrung", lambda p: p.experience_level),
    Field("Status", lambda p: p.status_label),
    Field("Wartelistenplatz", lambda p: p.waitlist_position),
    Field("Runde", lambda p: p.round),
    Field("Angemeldet am", lambda p: p.registered_at),
    Field("Verspätet", lambda p: _yes_no(p.late)),
    Field("Storniert am", lambda p: p.cancelled_at),
    Field("Teilgenommen", lambda p: _yes_no(p.attended)),
    Field("Minuten anwesend", lambda p: p.attended_minutes),
    Field("Quelle", lambda p: p.source),
    Field("Notizen", lambda p: p.notes, 60),
    Field("Einwilligung Kontakt", lambda p: _yes_no(p.consent_contact)),
    Field("Einwilligung am", lambda p: p.consent_given_at),
    Field("Anmelde-ID", lambda p: str(p.registration_id)),
)
HEADERS = tuple(f.header for f in FIELDS)


def _excel_value(value: Any) -> Any:
    """Excel has no time zones: aware datetimes become Berlin wall-clock time."""
    if isinstance(value, datetime):
        return to_berlin(value).replace(tzinfo=None, microsecond=0)
    return value


def _width(header: str, values: Sequence[Any], max_width: float) -> float:
    longest = len(header) + 3  # room for the filter button
    for value in values:
        if isinstance(value, datetime):
            longest = max(longest, 17)
        elif value is not None:
            longest = max(longest, len(str(value)) + 1)
    return min(max_width, max(8, longest + 1))


def write_registrant_export(event: EventInfo, participants: Sequence[Participant], out: BinaryIO,
                            generated_at: datetime) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.table import Table, TableStyleInfo

    wb = Workbook()
    wb.properties.title = f"Anmeldungen – {event.title}"
    wb.properties.creator = "odn-desktop"
    ws = wb.active
    ws.title = SHEET_TITLE

    header_font = Font(name=FONT_NAME, size=11, bold=True)
    for col, name in enumerate(HEADERS, start=1):
        cell = ws.cell(row=1, column=col)
        set_text(cell, name)
        cell.font = header_font
        cell.alignment = Alignment(vertical="center")

    columns: list[list[Any]] = [[] for _ in FIELDS]
    for row_index, participant in enumerate(participants, start=2):
        for col, field in enumerate(FIELDS, start=1):
            value = _excel_value(field.value(participant))
            columns[col - 1].append(value)
            if value is None or value == "":
                continue
            cell = ws.cell(row=row_index, column=col)
            if isinstance(value, str):
                set_text(cell, value)
            else:
                cell.value = value
                if isinstance(value, datetime):
                    cell.number_format = DATETIME_FORMAT

    for col, field in enumerate(FIELDS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = _width(field.header, columns[col - 1], field.max_width)

    last_col = get_column_letter(len(FIELDS))
    last_row = max(2, len(participants) + 1)  # a table needs one data row, even an empty one
    table = Table(displayName=TABLE_NAME, ref=f"A1:{last_col}{last_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True, showColumnStripes=False,
                                          showFirstColumn=False, showLastColumn=False)
    ws.add_table(table)
    ws.freeze_panes = "C2"  # header row and the two name columns stay in view

    ws.page_setup.paperSize = "9"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    footer = ws.oddFooter
    footer.left.text = clean_text(event.title[:60]).replace("&", "&&")
    footer.center.text = "Seite &P von &N"
    footer.right.text = f"Stand {short_date(generated_at)}"
    wb.save(out)


def save_registrant_export(event: EventInfo, participants: Sequence[Participant], path: Path,
                           generated_at: datetime) -> None:
    with atomic_write(path) as fh:
        write_registrant_export(event, participants, fh, generated_at)
