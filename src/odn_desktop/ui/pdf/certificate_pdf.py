"""Certificates of attendance as PDF: one A4 portrait page per person, through the project's one PDF path (Qt's
``QPdfWriter`` with ``QPainter`` and a ``QTextDocument``, as ``ui.pdf.participant_list`` prints the participant list).

The page, top to bottom: the heading "Teilnahmebescheinigung" (and the series), the sentence that the person
(with organisation) took part in the meeting on its date, a block with time, duration, the minutes attended,
place and hosts, the programme with its speakers; at the foot of the page, always at the same height, the date of
issue and the signature line with the coordinator's name under it, and the certificate number.

**One page, always.** The body (everything above the foot) is laid out and measured; when it is too tall for
the room above the foot, the programme is set smaller (down to 72 %), then its last items are left out and a
line "… und N weitere Programmpunkte" says so; should even that not fit (a title of a thousand words), the whole
body is scaled down to fit. Nothing is ever cut off mid-line or pushed onto a second page.

Only QtGui is needed (the CLI renders without a window); ``ensure_gui_application`` gives a headless one.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.file_names import MAX_STEM, safe_file_part, unique_file_name
from odn_desktop.exchange.atomic_write import check_target, write_bytes
from odn_desktop.services.certificates import CertificateContent

from .participant_list import NO_LIGATURES, PDF_RESOLUTION

MARGINS_MM = QMarginsF(22, 20, 22, 16)
BASE_POINTS = 10.5
FOOT_MM = 30.0  # the signature block and the number at the page's foot
PROGRAMME_SCALES = (1.0, 0.9, 0.8, 0.72)  # the programme's text size, tried in turn before items are left out
ACCENT = "#1f4e79"
GREY = "#595959"
FILE_PREFIX = "Teilnahmebescheinigung"


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    for tag, value in NO_LIGATURES.items():  # "Teilnahmebescheinigung für Offene Haushaltsdaten" stays searchable
        font.setFeature(tag, value)
    return font


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


# -- the body as rich text -----------------------------------------------------------------------------------


def _p(text: str, points: float, *, bold: bool = False, center: bool = True, color: str = "", top: float = 0,
       italic: bool = False) -> str:
    style = f"font-size:{points:.2f}pt; margin-top:{top:.1f}px; margin-bottom:0px;"
    if bold:
        style += " font-weight:bold;"
    if italic:
        style += " font-style:italic;"
    if color:
        style += f" color:{color};"
    align = ' align="center"' if center else ""
    return f'<p{align} style="{style}">{text}</p>'


def _facts(content: CertificateContent) -> list[tuple[str, str]]:
    esc = html.escape
    attendance = (f"{min(content.minutes, content.duration) if content.duration > 0 else content.minutes} "
                  f"von {content.duration} Minuten (laut Teilnahmebericht)" if content.minutes is not None
                  else "von der Koordination bestätigt")
    facts = [("Zeit", esc(content.time_text)), ("Dauer", esc(content.duration_text)),
             ("Anwesenheit", esc(attendance)), ("Ort", esc(content.place))]
    if content.hosts:
        facts.append(("Veranstalter", "<br/>".join(esc(h) for h in content.hosts)))
    if not content.programme and content.speakers:
        facts.append(("Referent:innen", "<br/>".join(esc(s) for s in content.speakers)))
    return facts


def body_html(content: CertificateContent, *, programme_scale: float = 1.0, programme_rows: int | None = None) -> str:
    """The page's body as Qt rich text; ``programme_rows`` items of the programme (``None``: all), the rest
    named in a "… und N weitere Programmpunkte" line."""
    esc = html.escape
    base = BASE_POINTS
    parts = ["<html><body>",
             _p("Teilnahmebescheinigung", 26, bold=True, color=ACCENT)]
    if content.series_title:
        parts.append(_p(esc(content.series_title), base, color=GREY, top=4))
    parts.append(_p("Hiermit wird bestätigt, dass", base + 0.5, top=34))
    parts.append(_p(esc(content.name), 20, bold=True, top=12))
    if content.organisation:
        parts.append(_p(esc(content.organisation), base + 1.5, top=4))
    parts.append(_p(f"am {esc(content.date_text)} an der Veranstaltung", base + 0.5, top=14))
    parts.append(_p(f"„{esc(content.event_title)}“", 15, bold=True, color=ACCENT, top=10))
    parts.append(_p("teilgenommen hat.", base + 0.5, top=10))

    rows = "".join(
        f'<tr><td width="22%" style="color:{GREY};">{label}</td><td>{value}</td></tr>'
        for label, value in _facts(content)
    )
    parts.append(f'<table width="100%" cellspacing="0" cellpadding="3" style="margin-top:30px; '
                 f'font-size:{base:.2f}pt;">{rows}</table>')

    if content.programme:
        shown = content.programme if programme_rows is None else content.programme[:programme_rows]
        points = base * programme_scale
        parts.append(_p("Programm", base + 1.5, bold=True, center=False, color=ACCENT, top=22))
        lines = "".join(
            f'<tr><td width="17%" style="white-space:nowrap;">{esc(item.time_text)}</td>'
            f"<td>{esc(item.title)}"
            + (f'<br/><span style="color:{GREY}; font-style:italic;">{esc(item.speakers)}</span>'
               if item.speakers else "")
            + "</td></tr>"
            for item in shown
        )
        parts.append(f'<table width="100%" cellspacing="0" cellpadding="{2 * programme_scale:.1f}" '
                     f'style="margin-top:4px; font-size:{points:.2f}pt;">{lines}</table>')
        left = len(content.programme) - len(shown)
        if left:
            more = "1 weiterer Programmpunkt" if left == 1 else f"{left} weitere Programmpunkte"
            parts.append(_p(f"… und {more}", points, center=False, color=GREY, italic=True, top=2))
    parts.append("</body></html>")
    return "".join(parts)


def _document(html_text: str, device: QPagedPaintDevice, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_font(BASE_POINTS))
    doc.setDocumentMargin(0)
    doc.setHtml(html_text)
    doc.setTextWidth(width)
    return doc


@dataclass(frozen=True)
class FittedBody:
    document: QTextDocument
    programme_scale: float
    programme_rows: int  # items shown
    scale: float  # the whole body's scale (1.0 unless even no programme would fit)


def fit_body(content: CertificateContent, device: QPagedPaintDevice, width: float, height: float) -> FittedBody:
    """The body laid out to fit ``height`` (device pixels): smaller programme, then fewer items, then scaled."""
    total = len(content.programme)
    doc = QTextDocument()
    for scale in PROGRAMME_SCALES:
        doc = _document(body_html(content, programme_scale=scale), device, width)
        if doc.size().height() <= height:
            return FittedBody(doc, scale, total, 1.0)
    smallest = PROGRAMME_SCALES[-1]
    low, high = 0, total - 1  # the most items that fit, found by halving (a programme of 200 items)
    best: QTextDocument | None = None
    best_rows = 0
    while low <= high:
        middle = (low + high) // 2
        trial = _document(body_html(content, programme_scale=smallest, programme_rows=middle), device, width)
        if trial.size().height() <= height:
            best, best_rows, low = trial, middle, middle + 1
        else:
            high = middle - 1
    if best is not None:
        return FittedBody(best, smallest, best_rows, 1.0)
    doc = _document(body_html(content, programme_scale=smallest, programme_rows=0), device, width)
    needed = doc.size().height()
    return FittedBody(doc, smallest, 0, min(1.0, height / needed) if needed > 0 else 1.0)


# -- painting ------------------------------------------------------------------------------------------------


def _mm(device: QPagedPaintDevice, mm: float) -> float:
    return mm * device.logicalDpiY() / 25.4


def _draw_foot(painter: QPainter, device: QPagedPaintDevice, content: CertificateContent, width: float,
               bottom: float) -> None:
    """Date of issue and signature line with the coordinator's name, and the number, from ``bottom`` up."""
    text_font, small_font = _font(BASE_POINTS), _font(8)
    text_h = QFontMetricsF(text_font, device).height()
    small_h = QFontMetricsF(small_font, device).height()
    number_top = bottom - 2.4 * small_h
    line_y = number_top - _mm(device, 14)
    left_w = width * 0.38
    right_x = width * 0.52
    right_w = width - right_x
    pen = QPen(QColor("#000000"))
    pen.setWidthF(_mm(device, 0.25))
    painter.setPen(pen)
    painter.drawLine(QPointF(0, line_y), QPointF(left_w, line_y))
    painter.drawLine(QPointF(right_x, line_y), QPointF(width, line_y))
    top, bottom_align = Qt.AlignmentFlag.AlignTop, Qt.AlignmentFlag.AlignBottom
    left = Qt.AlignmentFlag.AlignLeft
    gap = _mm(device, 1.2)
    painter.setFont(text_font)
    day = content.issued_on
    painter.drawText(QRectF(0, line_y - gap - text_h, left_w, text_h), left | bottom_align,
                     f"{day.day:02d}.{day.month:02d}.{day.year:04d}")
    if content.coordinator_name:
        painter.drawText(QRectF(right_x, line_y + gap, right_w, text_h), left | top, content.coordinator_name)
    painter.setFont(small_font)
    painter.setPen(QColor(GREY))
    painter.drawText(QRectF(0, line_y + gap, left_w, small_h), left | top, "Datum")
    caption_y = line_y + gap + (text_h if content.coordinator_name else 0)
    painter.drawText(QRectF(right_x, caption_y, right_w, small_h), left | top, "Koordination")
    painter.drawText(QRectF(0, number_top, width, small_h), left | top,
                     f"Bescheinigungsnummer: {content.number}")
    painter.drawText(QRectF(0, number_top + small_h * 1.1, width, small_h), left | top,
                     "Die Echtheit dieser Bescheinigung kann bei der Koordination anhand der Nummer geprüft werden.")
    painter.setPen(QColor("#000000"))


def paint_certificate(painter: QPainter, device: QPagedPaintDevice, content: CertificateContent) -> FittedBody:
    """One certificate on the current page of ``device`` (painter already begun)."""
    rect = device.pageLayout().paintRectPixels(int(device.logicalDpiY()))
    width, height = float(rect.width()), float(rect.height())
    foot = _mm(device, FOOT_MM)
    room = height - foot - _mm(device, 4)
    fitted = fit_body(content, device, width, room)
    painter.save()
    if fitted.scale < 1.0:
        painter.scale(fitted.scale, fitted.scale)
        fitted.document.setTextWidth(width / fitted.scale)
    fitted.document.drawContents(painter, QRectF(0, 0, width / fitted.scale, room / fitted.scale))
    painter.restore()
    _draw_foot(painter, device, content, width, height)
    return fitted


def _writer(buffer: QBuffer, title: str) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout())
    writer.setTitle(title)
    writer.setCreator("odn-desktop")
    return writer


def certificates_pdf(contents: Sequence[CertificateContent], title: str = "") -> bytes:
    """The PDF's bytes: one page per certificate. Needs a QGuiApplication
    (``ui.pdf.participant_list.ensure_gui_application``)."""
    if not contents:
        raise UserError("Es gibt keine Teilnahmebescheinigung zu drucken: niemand erfüllt die Bedingung.")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    who = contents[0].name if len(contents) == 1 else contents[0].event_title
    writer = _writer(buffer, title or f"{FILE_PREFIX} – {who}")
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("cannot paint on the PDF writer")
    try:
        for index, content in enumerate(contents):
            if index:
                writer.newPage()
            paint_certificate(painter, writer, content)
    finally:
        painter.end()
    del writer  # finishes the PDF into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def certificate_pdf(content: CertificateContent) -> bytes:
    """One person's certificate as PDF bytes (for a mail attachment)."""
    return certificates_pdf([content])


# -- files ---------------------------------------------------------------------------------------------------

def certificate_filename(content: CertificateContent, taken: set[str] | None = None) -> str:
    """``Teilnahmebescheinigung Becker Anna.pdf``: last name first (the folder sorts by person), umlauts kept,
    made safe for Windows by ``domain.file_names`` (the rules of every file name the program suggests), at most
    ``MAX_STEM`` characters; unique within ``taken`` (compared case-insensitively, as Windows does), which it
    extends: "… Weiß Jan (2).pdf"."""
    person = safe_file_part(f"{content.last_name} {content.first_name}", fallback="Person")
    return unique_file_name(safe_file_part(f"{FILE_PREFIX} {person}", MAX_STEM), ".pdf", taken)


def save_certificate_pdf(content: CertificateContent, path: Path, *, durable: bool = True) -> Path:
    """Write one certificate atomically (complete or not at all; a file open in a PDF viewer: German message)."""
    path = check_target(Path(path))
    return write_bytes(path, certificate_pdf(content), durable=durable)


def save_certificates(contents: Iterable[CertificateContent], directory: Path) -> list[Path]:
    """One PDF per person in ``directory`` (created when missing), each written atomically, without fsync each
    (a lost file is simply made again; hundreds of fsyncs would make the export slow on a laptop disk).
    Names already in the folder are kept apart from (a second export overwrites its own files by name)."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise UserError(f"„{directory}“ ist eine Datei; für die Teilnahmebescheinigungen bitte einen Ordner angeben.")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Der Ordner „{directory}“ kann nicht angelegt werden ({exc.strerror or exc}).") from exc
    taken: set[str] = set()
    written = []
    for content in contents:
        path = directory / certificate_filename(content, taken)
        written.append(save_certificate_pdf(content, path, durable=False))
    return written


def save_certificates_single_pdf(contents: Sequence[CertificateContent], path: Path) -> int:
    """All certificates in one PDF, one per page, for printing; returns the number of pages."""
    path = check_target(Path(path))
    write_bytes(path, certificates_pdf(contents))
    return len(contents)
