"""The printed participant list: the attendance sheet's content as a paginated document, to PDF or a printer.

One function paints the list onto any paged device (``QPdfWriter`` for the PDF, the ``QPrinter`` of the
print preview): a title block on the first page, the table with its header row repeated on every page
(``QTextTable`` header rows), long names wrapping inside their column, and a footer on every page with the
event title, "Seite X von Y" and the date of the list. The "Runde" column shows each person's parallel round; a
list made ``per_round`` gives each round its own pages, headed by the round (as the Excel sheet gives each its own
worksheet), numbered through. Columns and names are the sheet's (``AttendanceSheet.table_columns``): a "Titel"
column when anyone has an academic title, names in German list order, the signature column only for in-person
and hybrid meetings.

Only QtGui is needed here (the CLI renders the PDF without a window and must not load QtWidgets); the print
preview dialog, which lives in QtPrintSupport and needs QtWidgets, is ``ui.dialogs.print_preview``.
"""

from __future__ import annotations

import html
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextFrame,
    QTextLength,
    QTextOption,
    QTextTable,
)

from odn_desktop.exchange.atomic_write import check_target, write_bytes
from odn_desktop.exchange.attendance_sheet import (
    AttendanceSheet,
    is_signature,
    plan_layout,
    spare_column,
    title_lines,
)
from odn_desktop.exchange.german_dates import short_datetime

PDF_RESOLUTION = 300  # dpi; text is vector anyway, this only sets the layout grid
MARGINS_MM = QMarginsF(15, 15, 15, 12)
FONT_POINTS = 9.5
CELL_PADDING_MM = 1.6
HEADER_FILL = "#d9d9d9"
PAGE_TOP_GAP_MM = 3.0
PAGE_SLACK_MM = 2.0
SIGNATURE_MM = 35.0  # room to sign
COLUMN_CAP_MM = 75.0  # longer texts wrap
WORD_CAP_MM = 65.0  # a longer word (e-mail address) may break inside
# no ligatures: "Netzwerktreffen" must stay searchable and copyable as "ff", not as the sign "ﬀ"
NO_LIGATURES = {QFont.Tag("liga"): 0, QFont.Tag("clig"): 0}


_headless_app: QGuiApplication | None = None


translate = QCoreApplication.translate


def ensure_gui_application() -> QGuiApplication:
    """A QGuiApplication for painting text (fonts need one); offscreen when there is no display (CLI, CI)."""
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        raise RuntimeError("a QCoreApplication without GUI support is running; cannot render text")
    headless_unix = sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
    if headless_unix and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _headless_app
    _headless_app = QGuiApplication(sys.argv[:1] or ["odn-desktop"])  # kept alive for the process
    return _headless_app


def page_layout(orientation: str) -> QPageLayout:
    o = QPageLayout.Orientation.Landscape if orientation == "landscape" else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), o, MARGINS_MM, QPageLayout.Unit.Millimeter)


@dataclass(frozen=True)
class _Content:
    headers: list[str]
    percents: list[float]  # column shares of the table width
    rows: list[list[str]]  # every row of the table, the walk-in rows included, numbered


def sheet_orientation(sheet: AttendanceSheet) -> str:
    """The sheet's orientation (portrait unless its columns need landscape), so paper and sheet agree; for a
    list per round, landscape when any round's list needs it."""
    found = set()
    for part in sheet.round_sheets():
        columns = part.table_columns()
        texts = [[c.value(p) if c.value is not None else "" for c in columns] for p in part.participants]
        found.add(plan_layout(columns, texts).orientation)
    return "landscape" if "landscape" in found else "portrait"


def _content(sheet: AttendanceSheet, device: QPagedPaintDevice) -> _Content:
    columns = sheet.table_columns()
    texts = [[c.value(p) if c.value is not None else "" for c in columns] for p in sheet.participants]
    rows = [[str(n), *row[1:]] for n, row in enumerate(texts, start=1)]
    rows += [[str(n)] + [""] * (len(columns) - 1)
             for n in range(len(texts) + 1, len(texts) + sheet.blank_rows + 1)]
    headers = [c.header for c in columns]
    signature = next((i for i, c in enumerate(columns) if is_signature(c)), None)
    grow = spare_column(columns)
    percents = _percents(headers, rows, device, signature=signature, grow=len(columns) - 1 if grow is None else grow)
    return _Content(headers=headers, percents=percents, rows=rows)


_BREAKS = re.compile(r"[^\s/\-]+[/\-]?")  # Qt breaks lines at spaces and after "/" and "-"


def _percents(headers: list[str], rows: list[list[str]], device: QPagedPaintDevice, *, signature: int | None,
              grow: int) -> list[float]:
    """Column widths from the text as it will be printed (font metrics on the device).

    Each column would like the width of its texts (all but the longest 5 %, up to a cap) and needs at least
    its longest word, header included (so "Nachname" and an e-mail address are never broken inside; long
    names wrap between their words). The number column fits "1000", the ``signature`` column (when the list
    has one) leaves room to sign; column ``grow`` takes the width left over (the signature column, else the
    organisation column). How the page width is shared out: ``_share``.
    """
    to_mm = 25.4 / float(device.logicalDpiX())
    table_mm = device.pageLayout().paintRect(QPageLayout.Unit.Millimeter).width()
    regular = QFontMetricsF(_font(FONT_POINTS), device)
    bold_font = _font(FONT_POINTS)
    bold_font.setBold(True)
    bold = QFontMetricsF(bold_font, device)
    pad = 2 * CELL_PADDING_MM + 1.6  # padding, borders, and a little room for rounding
    minimum, desired = [], []
    for index, header in enumerate(headers):
        need = max(bold.horizontalAdvance(word) for word in _BREAKS.findall(header)) * to_mm + pad
        if index == 0:
            need = max(need, regular.horizontalAdvance("0000") * to_mm + pad)
            want = need
        elif index == signature:
            want = max(need, SIGNATURE_MM)
        else:
            advance = {text: regular.horizontalAdvance(text) for text in {row[index] for row in rows}}
            words = {word for text in advance for word in _BREAKS.findall(text)}
            longest_word = max((regular.horizontalAdvance(w) for w in words), default=0.0) * to_mm + pad
            # the width that 95 % of the rows fit in: one "von und zu Hohenstein-Wolkenburg" wraps rather
            # than widening the column for everybody
            typical = sorted(advance[row[index]] for row in rows)[int(0.95 * (len(rows) - 1))] if rows else 0.0
            need = max(need, min(longest_word, WORD_CAP_MM))
            want = max(need, min(typical * to_mm + pad, COLUMN_CAP_MM))
        minimum.append(need)
        desired.append(want)
    widths = _share(desired, minimum, table_mm, grow=grow)
    return [100 * w / table_mm for w in widths]


def _share(desired: list[float], minimum: list[float], total: float, grow: int) -> list[float]:
    """Widths summing to ``total``. When the desired widths fit, column ``grow`` takes what is left. If not,
    every column starts at its minimum and the room left goes first to the columns that need the least to
    reach their desired width (a "Runde" or "Funktion" column then stays on one line; the column with the
    long organisation names, which wraps anyway, gets what remains)."""
    if sum(desired) <= total:
        widths = list(desired)
        widths[grow] += total - sum(desired)
        return widths
    if sum(minimum) >= total:
        return [m * total / sum(minimum) for m in minimum]
    widths = list(minimum)
    room = total - sum(minimum)
    for index in sorted(range(len(widths)), key=lambda i: desired[i] - minimum[i]):
        extra = min(room, desired[index] - minimum[index])
        widths[index] += extra
        room -= extra
    return widths


def participant_list_html(sheet: AttendanceSheet, content: _Content, pages: list[range] | None = None) -> str:
    """The document as Qt rich text: title block, then one table per page (header row in ``<thead>``).

    ``pages``: the table rows of each page (see ``_paginate``); ``None`` puts all rows into one table (for
    measuring). A table for a later page starts with a page break, so no row is ever split across pages.
    """
    esc = html.escape
    parts = ["<html><body>"]
    sizes = {"title": "15pt", "round": "12pt", "subtitle": "10pt", "info": "10pt", "note": "8pt"}
    for text, kind in title_lines(sheet.event, len(sheet.participants), sheet.generated_at, sheet.round_title):
        style = f"font-size:{sizes[kind]};"
        if kind in ("title", "round"):
            style += "font-weight:bold;"
        elif kind == "subtitle":
            style += "font-style:italic;"
        elif kind == "note":
            style += "color:#595959;"
        parts.append(f'<p style="{style}">{esc(text)}</p>')
    parts.append('<p style="font-size:6pt;">&nbsp;</p>')
    header = "<thead><tr>" + "".join(
        f'<th width="{round(percent)}%" align="left" bgcolor="{HEADER_FILL}">{esc(text)}</th>'
        for text, percent in zip(content.headers, content.percents, strict=True)
    ) + "</tr></thead>"
    table_style = "border-collapse:collapse; border-style:solid; border-color:#000;"
    for index, rows in enumerate(pages if pages is not None else [range(len(content.rows))]):
        style = table_style + (" page-break-before:always;" if index else "")
        parts.append(f'<table width="100%" border="1" cellspacing="0" style="{style}">{header}<tbody>')
        for r in rows:
            parts.append("<tr>" + "".join(f"<td>{esc(t)}</td>" for t in content.rows[r]) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "".join(parts)


def _font(points: float) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    for tag, value in NO_LIGATURES.items():  # the HTML's text inherits this
        font.setFeature(tag, value)
    return font


def _mm_to_px(mm: float) -> float:
    """Lengths in a text format are pixels at 96 dpi; the layout scales them to the device."""
    return mm / 25.4 * 96


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found: list[QTextTable] = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found.extend(_tables(child))
    return found


def _document(html_text: str, device: QPagedPaintDevice, percents: list[float]) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_font(FONT_POINTS))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # an e-mail address may break too
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)
    doc.setHtml(html_text)
    for table in _tables(doc.rootFrame()):
        fmt = table.format()
        fmt.setHeaderRowCount(1)  # repeated should a single row ever be taller than a page
        fmt.setCellPadding(_mm_to_px(CELL_PADDING_MM))
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, p) for p in percents])
        table.setFormat(fmt)
    return doc


def _row_heights(doc: QTextDocument) -> tuple[float, float, list[float]]:
    """From the one-table layout: where the table starts, its header row's height, every row's height."""
    layout = doc.documentLayout()
    table = _tables(doc.rootFrame())[0]
    tops = [layout.blockBoundingRect(table.cellAt(r, 0).firstCursorPosition().block()).top()
            for r in range(table.rows())]
    frame = layout.frameBoundingRect(table)
    bottoms = [*tops[1:], frame.bottom()]
    heights = [bottom - top for top, bottom in zip(tops, bottoms, strict=True)]
    return tops[0], heights[0], heights[1:]


def _paginate(first_top: float, header: float, rows: list[float], capacity: float,
              page_top: float) -> list[range]:
    """Whole rows per page: the first page below the title block, each later page below ``page_top`` (the
    gap Qt leaves above a table after a page break) and the repeated header row; ``capacity`` is the usable
    page height (a little less than the page, for the table's closing border)."""
    pages: list[range] = []
    start, used = 0, first_top + header
    for index, height in enumerate(rows):
        if index > start and used + height > capacity:
            pages.append(range(start, index))
            start, used = index, page_top + header
        used += height
    pages.append(range(start, len(rows)))
    return pages


def _page_top_gap(doc: QTextDocument, page_height: float) -> float:
    """How far below a page's top edge the tables after a page break actually start."""
    layout = doc.documentLayout()
    gaps = [layout.frameBoundingRect(t).top() % page_height for t in _tables(doc.rootFrame())[1:]]
    return max(gaps, default=0.0)


def build_document(sheet: AttendanceSheet, device: QPagedPaintDevice, body: QSizeF) -> QTextDocument:
    """The paginated document for ``device``: laid out once to measure the rows, then page by page.

    Qt would split a table row across two pages (half a name on each); here every page gets its own table
    with the rows that fit whole, so only a row taller than a page could ever be split.
    """
    content = _content(sheet, device)
    measuring = _document(participant_list_html(sheet, content), device, content.percents)
    measuring.setTextWidth(body.width())
    first_top, header, rows = _row_heights(measuring)
    mm = device.logicalDpiY() / 25.4
    page_top = PAGE_TOP_GAP_MM * mm  # measured with Qt 6.12; corrected below if Qt leaves more
    slack = PAGE_SLACK_MM * mm
    for _attempt in range(4):
        pages = _paginate(first_top, header, rows, body.height() - slack, page_top)
        doc = _document(participant_list_html(sheet, content, pages), device, content.percents)
        doc.setPageSize(body)
        if doc.pageCount() == len(pages):
            return doc
        page_top = max(page_top, _page_top_gap(doc, body.height()))
        slack += PAGE_SLACK_MM * mm
    return doc  # still a correct document; a row may continue on the next page


def paint_participant_list(device: QPagedPaintDevice, sheet: AttendanceSheet) -> int:
    """Paint every page onto ``device`` (its page layout is used as it is); returns the number of pages."""
    dpi = float(device.logicalDpiY())
    paint_rect = device.pageLayout().paintRectPixels(int(dpi))
    footer_font = _font(7.5)
    metrics = QFontMetricsF(footer_font, device)
    footer_height = metrics.height() * 2.2
    body = QSizeF(paint_rect.width(), paint_rect.height() - footer_height)

    docs = [build_document(part, device, body) for part in sheet.round_sheets()]
    pages = sum(doc.pageCount() for doc in docs)
    sheets = [(doc, page) for doc in docs for page in range(doc.pageCount())]
    title = sheet.event.title
    stand = translate("printing", "Stand: {when}").format(when=short_datetime(sheet.generated_at))

    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("cannot paint on the print device")
    try:
        for number, (doc, page) in enumerate(sheets):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            footer = QRectF(0, body.height() + metrics.height() * 0.9, body.width(), metrics.height() * 1.3)
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.black)
            third = footer.width() / 3
            elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, third * 0.95)
            align_v = Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(footer.left(), footer.top(), third, footer.height()),
                             Qt.AlignmentFlag.AlignLeft | align_v, elided)
            painter.drawText(footer, Qt.AlignmentFlag.AlignHCenter | align_v,
                             translate("printing", "Seite {page} von {pages}").format(page=number + 1, pages=pages))
            painter.drawText(QRectF(footer.left() + 2 * third, footer.top(), third, footer.height()),
                             Qt.AlignmentFlag.AlignRight | align_v, stand)
    finally:
        painter.end()
    return pages


def participant_list_pdf(sheet: AttendanceSheet) -> tuple[bytes, int]:
    """The PDF's bytes and its page count. Needs a QGuiApplication (``ensure_gui_application``)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(sheet_orientation(sheet)))
    writer.setTitle(translate("printing", "Teilnehmendenliste – {title}").format(title=sheet.event.title))
    writer.setCreator("odn-desktop")
    pages = paint_participant_list(writer, sheet)
    del writer  # finishes the PDF into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data, pages


def save_participant_list_pdf(sheet: AttendanceSheet, path: Path) -> int:
    """Write the PDF atomically (a file open in a PDF viewer on Windows gives the German "close it" message)."""
    path = check_target(Path(path))
    data, pages = participant_list_pdf(sheet)
    write_bytes(path, data)
    return pages
