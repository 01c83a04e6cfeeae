"""Export benchmarks: the attendance sheet with 10,000 rows, 1,000 personal invitations, a PDF list of 1,000.

Every figure has a baseline measured in the same run:

- attendance sheet: openpyxl writing the same cells bare (same values, no styles, no print set-up) in
  write-only mode, the mode the sheet uses (target ratio <= 1.3). Also reported: the bare cells in openpyxl's
  ordinary mode, the conventional alternative "a border style on every cell" (what the conditional-format
  grid replaced), and the whole service call including the database query and German sorting.
- invitations: icalendar writing 1,000 minimal REQUEST files (UID, times, attendee) to disk.
- PDF: Qt printing the same one-table HTML in one pass (``QTextDocument.print_``), i.e. without our
  row-keeping pagination, page footers and column planning.

    python benchmarks/run.py --only exports [--scale 0.1] [--runs 5]
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from odn_desktop.exchange.attendance_sheet import (
    AttendanceSheet,
    save_attendance_sheet,
    table_columns,
    title_lines,
    write_attendance_sheet,
)
from odn_desktop.exchange.ics_calendar import Organizer, write_invitations
from odn_desktop.services import exports
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Event, Registration
from odn_desktop.store.open import open_database
from report import emit
from scale_data import ScaleSpec, build_database

COLUMNS = ("role", "email", "round")
ORGANIZER = Organizer("Koordination Netzwerktreffen", "netzwerk@difu.example")


def _median(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _database(workdir: Path, people: int) -> tuple[Path, uuid.UUID]:
    """One event with ``people`` registered (scale data, then everyone given a seat)."""
    from sqlalchemy import select, update

    path = workdir / "exports.sqlite"
    build_database(path, ScaleSpec(events=1, contacts=people, registrations=people))
    db = open_database(path)
    with transaction(db.sessions) as s:
        s.execute(update(Event).values(capacity=None))
        s.execute(update(Registration).values(status="registered", waitlist_position=None))
        event_id = s.scalars(select(Event.id)).one()
    db.close()
    return path, event_id


def _sheet_values(sheet: AttendanceSheet) -> list[list[Any]]:
    """The cells the attendance sheet holds, as plain rows (title block, blank line, header, people)."""
    columns = table_columns(sheet.columns)
    rows: list[list[Any]] = [[text] for text, _ in title_lines(sheet.event, len(sheet.participants),
                                                                sheet.generated_at)]
    rows.append([])
    rows.append([c.header for c in columns])
    for n, p in enumerate(sheet.participants, start=1):
        rows.append([n, *(c.value(p) or None for c in columns[1:-1])])
    return rows


def _bare(rows: list[list[Any]], target: Path, write_only: bool) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Anwesenheitsliste") if write_only else wb.active
    for row in rows:
        ws.append(row)
    wb.save(target)


def _per_cell_borders(rows: list[list[Any]], target: Path) -> None:
    """The conventional way: every table cell (and the empty signature cell) with its own border style."""
    from copy import copy

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Border, Side

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Anwesenheitsliste")
    thin = Side(style="thin")
    template = WriteOnlyCell(ws)
    template.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    width = len(rows[-1]) + 1
    for row in rows:
        if len(row) < 3:
            ws.append(row)
            continue
        cells = []
        for value in [*row, *([None] * (width - len(row)))]:
            cell = WriteOnlyCell(ws, value)
            cell._style = copy(template._style)  # the cheapest way openpyxl allows
            cells.append(cell)
        ws.append(cells)
    wb.save(target)


def _paired(ours: Callable[[], Any], baseline: Callable[[], Any], runs: int) -> tuple[float, float, float]:
    """Both alternately (machine noise hits both alike): median times and the median of the per-pair ratios."""
    pairs = []
    for _ in range(runs):
        a = _median(ours, 1)
        b = _median(baseline, 1)
        pairs.append((a, b))
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(a / b for a, b in pairs))


def bench_attendance_sheet(db_path: Path, event_id: uuid.UUID, workdir: Path, runs: int) -> None:
    db = open_database(db_path)
    with transaction(db.sessions) as s:
        sheet = exports.attendance_sheet(s, event_id, columns=COLUMNS, now=datetime.now(UTC))
    rows = _sheet_values(sheet)
    n = len(sheet.participants)
    ours = workdir / "ours.xlsx"

    def write_ours() -> None:
        with open(ours, "wb") as fh:
            write_attendance_sheet(sheet, fh)

    ours_time, bare_wo, ratio = _paired(write_ours, lambda: _bare(rows, workdir / "bare_wo.xlsx", True), runs)
    emit("attendance_sheet_rows", ours_time, "s", bare_wo, rows=n, columns=len(table_columns(COLUMNS)),
         ratio_of_pairs=round(ratio, 3), target_ratio=1.3, file_kb=round(ours.stat().st_size / 1024),
         note="median of alternating runs; baseline: openpyxl write-only mode writing the same cell values "
              "bare (no styles, no print set-up), both to a plain file")
    _o, bare_normal, ratio = _paired(write_ours, lambda: _bare(rows, workdir / "bare.xlsx", False), runs)
    emit("attendance_sheet_vs_bare_ordinary_mode", ours_time, "s", bare_normal, rows=n,
         ratio_of_pairs=round(ratio, 3),
         note="baseline: the same cells bare in openpyxl's ordinary (not write-only) mode")
    per_cell, _b, ratio = _paired(lambda: _per_cell_borders(rows, workdir / "per_cell.xlsx"),
                                  lambda: _bare(rows, workdir / "bare_wo.xlsx", True), runs)
    emit("attendance_sheet_alternative_border_per_cell", per_cell, "s", _b, rows=n, ratio_of_pairs=round(ratio, 3),
         note="NOT used: bare cells plus a border style on every table cell, write-only mode")
    durable = _median(lambda: save_attendance_sheet(sheet, workdir / "durable.xlsx"), runs)
    emit("attendance_sheet_atomic_save", durable, "s", ours_time, rows=n,
         note="save_attendance_sheet (temporary file, fsync, rename) against the plain write above")

    def service() -> None:
        with transaction(db.sessions) as s:
            exports.export_attendance_sheet(s, event_id, workdir / "service.xlsx", columns=COLUMNS)

    def gather() -> None:
        with transaction(db.sessions) as s:
            exports.attendance_sheet(s, event_id, columns=COLUMNS)

    emit("attendance_sheet_service_end_to_end", _median(service, max(1, runs // 2)), "s", durable, rows=n,
         gather_s=round(_median(gather, max(1, runs // 2)), 4),
         note="export_attendance_sheet: query, German sort, write; baseline: the atomic save alone; gather_s: "
              "the database part alone")
    db.close()


def bench_invitations(db_path: Path, event_id: uuid.UUID, workdir: Path, runs: int, count: int) -> None:
    from icalendar import Calendar, vCalAddress
    from icalendar import Event as VEvent

    db = open_database(db_path)
    with transaction(db.sessions) as s:
        event = exports.event_info(s, event_id)
        people = exports.participants(s, event_id)[:count]
    db.close()
    event = replace(event, online_url="https://zoom.example/j/4242")
    stamp = datetime.now(UTC)

    def ours() -> None:
        write_invitations(event, people, Path(tempfile.mkdtemp(dir=workdir)), organizer=ORGANIZER, now=stamp)

    def bare() -> None:
        folder = Path(tempfile.mkdtemp(dir=workdir))
        for i, p in enumerate(people):
            cal = Calendar()
            cal.add("prodid", "-//bare//")
            cal.add("version", "2.0")
            cal.add("method", "REQUEST")
            ev = VEvent()
            ev.add("uid", event.ics_uid)
            ev.add("dtstamp", stamp)
            ev.add("dtstart", event.starts_at)
            ev.add("dtend", event.ends_at)
            ev.add("summary", event.title)
            ev.add("attendee", vCalAddress(f"mailto:{p.email}"))
            cal.add_component(ev)
            (folder / f"{i}.ics").write_bytes(cal.to_ical())

    ours_time, bare_time, ratio = _paired(ours, bare, runs)
    emit("personal_invitations", ours_time, "s", bare_time, files=len(people), ratio_of_pairs=round(ratio, 3),
         note="median; baseline: icalendar writing the same number of minimal REQUEST files (no VTIMEZONE, "
              "description, alarm, organizer; plain write_bytes)")


def bench_pdf(db_path: Path, event_id: uuid.UUID, runs: int, count: int) -> None:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter, QTextDocument

    from odn_desktop.ui.pdf.participant_list import (
        _content,
        ensure_gui_application,
        page_layout,
        participant_list_html,
        participant_list_pdf,
    )

    ensure_gui_application()
    db = open_database(db_path)
    with transaction(db.sessions) as s:
        sheet = exports.attendance_sheet(s, event_id, now=datetime.now(UTC))
    db.close()
    sheet = AttendanceSheet(event=sheet.event, participants=sheet.participants[:count], counts=sheet.counts,
                            generated_at=sheet.generated_at)
    pages = participant_list_pdf(sheet)[1]

    def bare() -> None:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageLayout(page_layout("portrait"))
        doc = QTextDocument()
        doc.setHtml(participant_list_html(sheet, _content(sheet, writer)))
        doc.print_(writer)
        del writer

    ours_time, bare_time, ratio = _paired(lambda: participant_list_pdf(sheet), bare, runs)
    emit("pdf_participant_list", ours_time, "s", bare_time, people=len(sheet.participants), pages=pages,
         ratio_of_pairs=round(ratio, 3),
         note="median; baseline: QTextDocument.print_ of the same one-table HTML (no row-keeping pagination, "
              "no 'Seite X von Y' footer)")


def bench_exports(workdir: Path, scale: float, runs: int) -> None:
    people = max(500, int(10_000 * scale))
    db_path, event_id = _database(workdir, people)
    bench_attendance_sheet(db_path, event_id, workdir, runs)
    bench_invitations(db_path, event_id, workdir, runs, min(people, 1000))
    bench_pdf(db_path, event_id, max(1, runs // 2), min(people, 1000))


if __name__ == "__main__":
    import sys

    with tempfile.TemporaryDirectory() as tmp:
        bench_exports(Path(tmp), float(sys.argv[1]) if len(sys.argv) > 1 else 1.0, 5)
