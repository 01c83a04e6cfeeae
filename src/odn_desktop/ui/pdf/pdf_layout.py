"""A small block-flow layout for paged documents painted with QPainter (the report PDF).

Why not one big ``QTextDocument`` as the participant list uses: a chart must be painted by ``QSvgRenderer``
straight into the painter to stay vector (an image inside a text document would be a raster), and a table must
break between rows with its header repeated, which a text document does not do on its own. So a document here
is a list of blocks (paragraph, rule, key-figure tiles, table, chart); each block is measured once on the paint
device as a list of units that must not be split (a paragraph, a row of tiles, a table row, a chart) plus a head
repeated on every page it continues on (a table's header row). ``paginate`` places the units on pages, keeping
a heading together with the start of what follows; only then is painting done, so the page count is known and
the footer can say "Seite n von m".

All lengths are device pixels (the writer's resolution); ``Canvas.mm`` converts from millimetres.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer

from .participant_list import NO_LIGATURES

PaintSvg = Callable[[QPainter, bytes, QRectF], object]


@dataclass(frozen=True)
class TextStyle:
    points: float
    bold: bool = False
    italic: bool = False
    color: str = "#000000"


class Canvas:
    """The measures of one paint device: millimetres in pixels, the body (the page less the footer), fonts.

    Fonts and their metrics are made once per style: a report measures thousands of table cells."""

    def __init__(self, device: QPagedPaintDevice, family: str, footer_mm: float) -> None:
        self.device = device
        self.family = family
        self.dpi = float(device.logicalDpiY())
        paint = device.pageLayout().paintRectPixels(int(self.dpi))
        self.width = float(paint.width())
        self.footer_height = self.mm(footer_mm)
        self.height = float(paint.height()) - self.footer_height
        self._fonts: dict[TextStyle, QFont] = {}

    def mm(self, length: float) -> float:
        return length * self.dpi / 25.4

    def font(self, style: TextStyle) -> QFont:
        font = self._fonts.get(style)
        if font is None:
            font = QFont(self.family)
            font.setPointSizeF(style.points)
            font.setBold(style.bold)
            font.setItalic(style.italic)
            for tag, value in NO_LIGATURES.items():  # "Treffen" stays searchable as "ff", not "ﬀ"
                font.setFeature(tag, value)
            self._fonts[style] = font
        return font

    def metrics(self, style: TextStyle) -> QFontMetricsF:
        return QFontMetricsF(self.font(style), self.device)

    def text(self, text: str, style: TextStyle, width: float,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> LaidText:
        """``text`` wrapped to ``width`` (between words, inside a word only when it is wider than the line)."""
        layout = QTextLayout(text.replace("\n", "\u2028"), self.font(style), self.device)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        return LaidText(layout, height, QColor(style.color))


@dataclass
class LaidText:
    """Text laid out once (when measured) and drawn later at its place."""

    layout: QTextLayout
    height: float
    color: QColor

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        painter.setPen(self.color)
        self.layout.draw(painter, QPointF(x, y))


class Block(Protocol):
    """What the paginator needs of a block. ``measure`` returns the heights of the units that must stay whole;
    ``paint`` paints units ``start``..``end`` (and the head, if any) from ``top`` down."""

    space_before: float  # mm, dropped at the top of a page
    space_after: float  # mm
    keep_with_next: bool

    def measure(self, canvas: Canvas) -> list[float]: ...

    def head(self) -> float: ...

    def paint(self, painter: QPainter, canvas: Canvas, top: float, start: int, end: int) -> None: ...


@dataclass
class Paragraph:
    text: str
    style: TextStyle
    space_before: float = 0.0
    space_after: float = 1.5
    keep_with_next: bool = False
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    _laid: LaidText | None = field(default=None, init=False, repr=False)

    def measure(self, canvas: Canvas) -> list[float]:
        self._laid = canvas.text(self.text, self.style, canvas.width, self.align)
        return [self._laid.height]

    def head(self) -> float:
        return 0.0

    def paint(self, painter: QPainter, canvas: Canvas, top: float, start: int, end: int) -> None:
        assert self._laid is not None, "measure before paint"
        self._laid.draw(painter, 0, top)


@dataclass
class Rule:
    """A thin horizontal line across the body (under the title block)."""

    color: str = "#7f7f7f"
    points: float = 0.6
    space_before: float = 1.0
    space_after: float = 4.0
    keep_with_next: bool = False

    def measure(self, canvas: Canvas) -> list[float]:
        return [canvas.mm(0.5)]

    def head(self) -> float:
        return 0.0

    def paint(self, painter: QPainter, canvas: Canvas, top: float, start: int, end: int) -> None:
        pen = QPen(QColor(self.color))
        pen.setWidthF(self.points * canvas.dpi / 72)
        painter.setPen(pen)
        painter.drawLine(QPointF(0, top), QPointF(canvas.width, top))


@dataclass
class Tiles:
    """Key figures as tiles: a large value over a small label, ``per_row`` to a row; a row is one unit."""

    items: Sequence[tuple[str, str]]  # (value, label)
    value_style: TextStyle
    label_style: TextStyle
    per_row: int = 4
    fill: str = "#eef2f7"
    space_before: float = 0.0
    space_after: float = 4.0
    keep_with_next: bool = False
    _cells: list[tuple[LaidText, LaidText]] = field(default_factory=list, init=False, repr=False)
    _heights: list[float] = field(default_factory=list, init=False, repr=False)

    def _geometry(self, canvas: Canvas) -> tuple[float, float, float]:
        gap, pad = canvas.mm(2.5), canvas.mm(2.5)
        width = (canvas.width - gap * (self.per_row - 1)) / self.per_row
        return gap, pad, width

    def measure(self, canvas: Canvas) -> list[float]:
        gap, pad, width = self._geometry(canvas)
        inner = width - 2 * pad
        self._cells = [(canvas.text(value, self.value_style, inner), canvas.text(label, self.label_style, inner))
                       for value, label in self.items]
        self._heights = []
        for first in range(0, len(self._cells), self.per_row):
            row = self._cells[first:first + self.per_row]
            self._heights.append(max(value.height + label.height for value, label in row) + 2 * pad + gap)
        return self._heights

    def head(self) -> float:
        return 0.0

    def paint(self, painter: QPainter, canvas: Canvas, top: float, start: int, end: int) -> None:
        gap, pad, width = self._geometry(canvas)
        y = top
        for row in range(start, end):
            height = self._heights[row] - gap
            for column, (value, label) in enumerate(self._cells[row * self.per_row:(row + 1) * self.per_row]):
                x = column * (width + gap)
                painter.fillRect(QRectF(x, y, width, height), QColor(self.fill))
                value.draw(painter, x + pad, y + pad)
                label.draw(painter, x + pad, y + pad + value.height)
            y += self._heights[row]


ROW_NORMAL, ROW_MINOR, ROW_STRONG = "", "minor", "strong"


@dataclass
class Table:
    """A table that breaks between rows and repeats its header row on every page it continues on.

    Column widths come from the text as printed: every column gets at least its longest word (headers wrap
    between their words rather than widening a column of numbers); what is left goes to the column(s) whose
    texts are longest (the meeting titles), so numbers stay on one line and titles wrap. ``numeric`` columns
    are right-aligned. ``row_kinds`` marks rows ``minor`` (grey, e.g. a meeting's rounds) or ``strong`` (bold,
    a total)."""

    headers: Sequence[str] | None
    rows: Sequence[Sequence[str]]
    style: TextStyle
    header_style: TextStyle
    numeric: Sequence[bool] = ()
    row_kinds: Sequence[str] = ()
    lines: bool = True
    bold_first_column: bool = False
    header_fill: str = "#e3e8ef"
    space_before: float = 0.0
    space_after: float = 5.0
    keep_with_next: bool = False
    _widths: list[float] = field(default_factory=list, init=False, repr=False)
    _header: list[LaidText] = field(default_factory=list, init=False, repr=False)
    _cells: list[list[LaidText]] = field(default_factory=list, init=False, repr=False)
    _heights: list[float] = field(default_factory=list, init=False, repr=False)
    _head: float = field(default=0.0, init=False, repr=False)

    def _columns(self) -> int:
        return len(self.headers) if self.headers is not None else max((len(r) for r in self.rows), default=0)

    def _align(self, column: int) -> Qt.AlignmentFlag:
        right = column < len(self.numeric) and self.numeric[column]
        return Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft

    def _cell_style(self, row: int, column: int) -> TextStyle:
        kind = self.row_kinds[row] if row < len(self.row_kinds) else ROW_NORMAL
        if kind == ROW_STRONG or (self.bold_first_column and column == 0):
            return self.header_style
        if kind == ROW_MINOR:
            return TextStyle(self.style.points, italic=True, color="#505050")
        return self.style

    def measure(self, canvas: Canvas) -> list[float]:
        pad = canvas.mm(1.2)
        self._widths = column_widths(canvas, self.headers, self.rows, self.style, self.header_style, 2 * pad,
                                     self.numeric)
        inner = [max(w - 2 * pad, 1.0) for w in self._widths]
        self._head = 0.0
        if self.headers is not None:
            self._header = [canvas.text(h, self.header_style, inner[c], self._align(c))
                            for c, h in enumerate(self.headers)]
            self._head = max((t.height for t in self._header), default=0.0) + 2 * pad
        self._cells = [[canvas.text(text, self._cell_style(r, c), inner[c], self._align(c))
                        for c, text in enumerate(row)] for r, row in enumerate(self.rows)]
        self._heights = [max((t.height for t in row), default=0.0) + 2 * pad for row in self._cells]
        return self._heights

    def head(self) -> float:
        return self._head

    def paint(self, painter: QPainter, canvas: Canvas, top: float, start: int, end: int) -> None:
        pad = canvas.mm(1.2)
        thin = QPen(QColor("#c8c8c8"))
        thin.setWidthF(0.4 * canvas.dpi / 72)
        strong = QPen(QColor("#404040"))
        strong.setWidthF(0.8 * canvas.dpi / 72)
        y = top
        if self.headers is not None:
            painter.fillRect(QRectF(0, y, canvas.width, self._head), QColor(self.header_fill))
            self._paint_row(painter, self._header, y, pad)
            y += self._head
            painter.setPen(strong)
            painter.drawLine(QPointF(0, y), QPointF(canvas.width, y))
        for row in range(start, end):
            self._paint_row(painter, self._cells[row], y, pad)
            y += self._heights[row]
            if self.lines:
                painter.setPen(thin)
                painter.drawLine(QPointF(0, y), QPointF(canvas.width, y))

    def _paint_row(self, painter: QPainter, cells: list[LaidText], y: float, pad: float) -> None:
        x = 0.0
        for width, text in zip(self._widths, cells, strict=False):
            text.draw(painter, x + pad, y + pad)
            x += width


SOFT_HYPHEN = "\u00ad"
TEXT_FLOOR_MM = 22.0  # a text column squeezed for the others keeps this much
TEXT_CAP_MM = 75.0  # a longer text wraps rather than taking the width of other columns
_WORD_BREAKS = re.compile(r"[\s\u00ad]+|(?<=[/-])")  # where a line may break: spaces, soft hyphens, after / and -


def column_widths(canvas: Canvas, headers: Sequence[str] | None, rows: Sequence[Sequence[str]],
                  style: TextStyle, header_style: TextStyle, padding: float,
                  numeric: Sequence[bool] = ()) -> list[float]:
    """Widths summing to the body width.

    A number column needs its longest number whole (bold, for a total row) and the longest piece of its header
    (a header may offer breaks with soft hyphens: "Teil\u00adgenommen" then needs only "genommen"); a text column
    needs its longest word. The room left is shared by ``_share``. When the needs do not fit side by side, the
    text columns give up width first (down to ``TEXT_FLOOR_MM``; their words then break inside), and only then
    all columns shrink in proportion."""
    count = len(headers) if headers is not None else max((len(r) for r in rows), default=0)
    if not count:
        return []
    regular, bold = canvas.metrics(style), canvas.metrics(header_style)
    is_text = [not (c < len(numeric) and numeric[c]) for c in range(count)]
    need, want = [], []
    for column in range(count):
        texts = {row[column] for row in rows if column < len(row)}
        header = headers[column] if headers is not None else ""
        hyphen = bold.horizontalAdvance("-") if SOFT_HYPHEN in header else 0.0
        header_pieces = [bold.horizontalAdvance(w) + hyphen for w in _WORD_BREAKS.split(header) if w]
        header_words = [bold.horizontalAdvance(w) for w in header.replace(SOFT_HYPHEN, "").split()]
        whole = [bold.horizontalAdvance(t) for t in texts]  # bold: a total row
        if is_text[column]:
            words = [regular.horizontalAdvance(w) for t in texts for w in _WORD_BREAKS.split(t) if w]
            need.append(max(header_pieces + words, default=0.0) + padding)
            want.append(max(min(max(whole, default=0.0), canvas.mm(TEXT_CAP_MM)), need[-1] - padding,
                            *header_words) + padding)
        else:
            need.append(max(header_pieces + whole, default=0.0) + padding)
            want.append(max(header_words + whole, default=0.0) + padding)
    need = _squeeze(need, is_text, canvas.width, canvas.mm(TEXT_FLOOR_MM))
    return _share(need, want, is_text, canvas.width)


def _squeeze(need: list[float], is_text: list[bool], total: float, floor: float) -> list[float]:
    """Minimum widths that fit ``total``: text columns give up what is over ``floor`` first, in proportion to
    that excess; then every column shrinks in proportion."""
    over = sum(need) - total
    if over <= 0:
        return need
    excess = [max(n - floor, 0.0) if text else 0.0 for n, text in zip(need, is_text, strict=True)]
    if sum(excess) > 0:
        take = min(over, sum(excess))
        need = [n - take * e / sum(excess) for n, e in zip(need, excess, strict=True)]
    if sum(need) > total:
        need = [n * total / sum(need) for n in need]
    return need


def _share(need: list[float], want: list[float], is_text: list[bool], total: float) -> list[float]:
    """Each column its ``need``; the room left goes first to the text columns (a title that wraps makes every
    row taller, a header that wraps only the header), then to the number columns, in each group first to those
    needing the least to reach what they want; when everyone has what they want, the longest column takes the
    rest."""
    widths = list(need)
    room = total - sum(need)
    for column in sorted(range(len(widths)), key=lambda c: (not is_text[c], want[c] - need[c])):
        extra = min(room, max(want[column] - need[column], 0.0))
        widths[column] += extra
        room -= extra
    widths[max(range(len(want)), key=lambda c: want[c])] += room
    return widths


@dataclass
class Chart:
    """An SVG chart painted as vector graphics, as wide as the body unless that would make it taller than
    ``max_height`` (mm); one unit, never split."""

    svg: bytes
    paint_svg: PaintSvg
    max_height: float = 110.0
    space_before: float = 1.0
    space_after: float = 3.0
    keep_with_next: bool = False
    _size: tuple[float, float] = field(default=(0.0, 0.0), init=False, repr=False)

    def measure(self, canvas: Canvas) -> list[float]:
        box = QSvgRenderer(QByteArray(self.svg)).viewBoxF()
        ratio = box.height() / box.width() if box.width() > 0 else 0.5
        width = canvas.width
        height = min(width * ratio, canvas.mm(self.max_height))
        if ratio > 0:
            width = height / ratio
        self._size = (width, height)
        return [height]

    def head(self) -> float:
        return 0.0

    def paint(self, painter: QPainter, canvas: Canvas, top: float, start: int, end: int) -> None:
        width, height = self._size
        self.paint_svg(painter, self.svg, QRectF((canvas.width - width) / 2, top, width, height))


@dataclass(frozen=True)
class Piece:
    """Units ``start``..``end`` of block ``block`` placed on a page at ``top``."""

    block: int
    start: int
    end: int
    top: float


def paginate(canvas: Canvas, blocks: Sequence[Block]) -> list[list[Piece]]:
    """The pieces on each page. A block starts on a new page when its first unit (with its head, and for a
    ``keep_with_next`` block the start of the next block) does not fit below what is already there; a table
    continues page after page with its head repeated; a unit taller than a page is placed alone (it overflows
    rather than looping)."""
    units = [block.measure(canvas) for block in blocks]
    pages: list[list[Piece]] = [[]]
    y = 0.0
    for index, block in enumerate(blocks):
        if y > 0 and y + canvas.mm(block.space_before) + _lead(canvas, blocks, units, index) > canvas.height:
            pages.append([])
            y = 0.0
        if y > 0:
            y += canvas.mm(block.space_before)
        done = 0
        while done < len(units[index]):
            start, used = done, block.head()
            while done < len(units[index]) and (y + used + units[index][done] <= canvas.height
                                                or (done == start and y == 0)):
                used += units[index][done]
                done += 1
            if done > start:
                pages[-1].append(Piece(index, start, done, y))
                y += used
            if done < len(units[index]):
                pages.append([])
                y = 0.0
        y += canvas.mm(block.space_after)
    return pages


def _lead(canvas: Canvas, blocks: Sequence[Block], units: Sequence[list[float]], index: int) -> float:
    """The height block ``index`` needs on its first page: its head and first unit, plus (when it is kept
    with the next) the space between and the next block's lead; an empty block needs nothing."""
    block = blocks[index]
    lead = block.head() + (units[index][0] if units[index] else 0.0)
    if block.keep_with_next and index + 1 < len(blocks):
        lead += (canvas.mm(block.space_after) + canvas.mm(blocks[index + 1].space_before)
                 + _lead(canvas, blocks, units, index + 1))
    return lead


@dataclass(frozen=True)
class Footer:
    left: str
    right: str
    style: TextStyle


def paint_pages(device: QPagedPaintDevice, canvas: Canvas, blocks: Sequence[Block], footer: Footer) -> int:
    """Lay the blocks out and paint every page onto ``device`` with the footer; returns the number of pages."""
    pages = paginate(canvas, blocks)
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("cannot paint on the PDF device")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for number, pieces in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            for piece in pieces:
                painter.save()
                blocks[piece.block].paint(painter, canvas, piece.top, piece.start, piece.end)
                painter.restore()
            _paint_footer(painter, canvas, footer, f"Seite {number} von {len(pages)}")
    finally:
        painter.end()
    return len(pages)


def _paint_footer(painter: QPainter, canvas: Canvas, footer: Footer, page: str) -> None:
    """A thin line, then the left text (elided to a third of the width), the page number centred and the
    right text, at the bottom of the page's printable area."""
    metrics = canvas.metrics(footer.style)
    top = canvas.height + canvas.footer_height - metrics.height() * 1.3
    pen = QPen(QColor("#a0a0a0"))
    pen.setWidthF(0.4 * canvas.dpi / 72)
    painter.setPen(pen)
    painter.drawLine(QPointF(0, top - metrics.height() * 0.4), QPointF(canvas.width, top - metrics.height() * 0.4))
    painter.setFont(canvas.font(footer.style))
    painter.setPen(QColor(footer.style.color))
    third = canvas.width / 3
    height = metrics.height() * 1.3
    middle = Qt.AlignmentFlag.AlignVCenter
    left = metrics.elidedText(footer.left, Qt.TextElideMode.ElideRight, third * 0.95)
    painter.drawText(QRectF(0, top, third, height), Qt.AlignmentFlag.AlignLeft | middle, left)
    painter.drawText(QRectF(third, top, third, height), Qt.AlignmentFlag.AlignHCenter | middle, page)
    painter.drawText(QRectF(2 * third, top, third, height), Qt.AlignmentFlag.AlignRight | middle, footer.right)

