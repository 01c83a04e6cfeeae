"""The room list for the host: who is in which breakout room, printed or as PDF.

A plain document (``QTextDocument``): the event and the plan in a title block, then one small table per room
(name, organisation, municipality, note), and the people who stay in the main room at the end. Qt breaks it into A4
pages and numbers them. Only QtGui is needed here; the print preview (QtPrintSupport, QtWidgets) is
``ui.dialogs.print_preview.show_room_list_preview``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from odn_desktop.exchange.atomic_write import check_target, write_bytes
from odn_desktop.ui.pdf import participant_list as printing

translate = QCoreApplication.translate
FONT_POINTS = 10.0
MARGINS_MM = QMarginsF(15, 15, 15, 15)


def role_text(role: str) -> str:
    """The service's role label in the window's language."""
    from odn_desktop.services.room_plan import HOST_LABEL, SPEAKER_LABEL

    if role == SPEAKER_LABEL:
        return translate("RoomPlan", "Referent:in")
    if role == HOST_LABEL:
        return translate("RoomPlan", "Veranstaltende")
    return role


def note_text(row: Any) -> str:
    """The note of a person: their role, and whether someone of their organisation or municipality is in the room."""
    parts = [role_text(row.role)] if row.role else []
    if row.shares:
        parts.append(translate("RoomPlan", "gleiche Organisation/Kommune im Raum"))
    return ", ".join(parts)


def main_room_title() -> str:
    return translate("RoomPlan", "Hauptraum (nicht zugeteilt)")


# column shares of the page width: name, organisation, municipality, note (the same in every room's table)
COLUMN_PERCENTS = (26, 33, 25, 16)


def room_list_html(view: Any, heading: str) -> str:
    """The document as Qt rich text; ``view`` is a ``services.room_plan.RoomPlanView``.

    Each room is one table whose header rows carry the room's name, so a name never stands alone at the foot of
    a page and is repeated when a long room continues on the next one.
    """
    esc = html.escape
    titles = (translate("RoomPlan", "Name"), translate("RoomPlan", "Organisation"), translate("RoomPlan", "Kommune"),
              translate("RoomPlan", "Hinweis"))
    columns = "".join(f"<th width='{w}%' align='left' bgcolor='{printing.HEADER_FILL}'>{esc(t)}</th>"
                      for t, w in zip(titles, COLUMN_PERCENTS, strict=True))
    title = translate("RoomPlan", "Raumplan – {title}").format(title=view.event_title)
    nobody = translate("RoomPlan", "(niemand)")
    parts = [f"<h2>{esc(title)}</h2>", f"<p>{esc(heading)}</p>"]
    groups = [(room.name, [r for r in view.rows if r.room_number == room.number]) for room in view.plan.rooms]
    if view.left_out:
        groups.append((main_room_title(), list(view.left_out)))
    for name, rows in groups:
        parts.append("<table width='100%' border='1' cellspacing='0' cellpadding='4' "
                     "style='border-collapse:collapse; margin-top:10px;'><thead>"
                     f"<tr><th colspan='4' align='left' style='font-size:12pt;'>{esc(name)}</th></tr>"
                     f"<tr>{columns}</tr></thead><tbody>")
        if not rows:
            parts.append(f"<tr><td colspan='4'><i>{esc(nobody)}</i></td></tr>")
        for row in rows:
            cells = (row.name, row.organisation, row.municipality, note_text(row))
            parts.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
        parts.append("</tbody></table>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def room_list_document(view: Any, heading: str) -> QTextDocument:
    doc = QTextDocument()
    font = QFont()
    font.setPointSizeF(FONT_POINTS)
    for tag, value in printing.NO_LIGATURES.items():  # names stay searchable in the PDF ("ff", not "ﬀ")
        font.setFeature(tag, value)
    doc.setDefaultFont(font)
    doc.setHtml(room_list_html(view, heading))
    return doc


def room_list_page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def paint_room_list(device: QPagedPaintDevice, view: Any, heading: str) -> None:
    room_list_document(view, heading).print_(device)


def room_list_pdf(view: Any, heading: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(printing.PDF_RESOLUTION)
    writer.setPageLayout(room_list_page_layout())
    writer.setTitle(translate("RoomPlan", "Raumplan – {title}").format(title=view.event_title))
    writer.setCreator("odn-desktop")
    paint_room_list(writer, view, heading)
    del writer  # finishes the PDF into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def save_room_list_pdf(view: Any, heading: str, path: Path) -> Path:
    """Write the PDF atomically (a copy open in a PDF viewer gives the German "close it" message)."""
    path = check_target(Path(path))
    write_bytes(path, room_list_pdf(view, heading))
    return path
