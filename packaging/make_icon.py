"""Render resources/icons/odn-desktop.svg into a multi-size Windows icon (.ico) with Qt.

    python packaging/make_icon.py [OUTPUT.ico]        (default: packaging/build/odn-desktop.ico)

Windows picks the best size for each place (title bar 16/24, taskbar 32/48, Explorer up to 256, more on
high-DPI screens), so the file carries 16, 20, 24, 32, 40, 48, 64, 128 and 256 pixels. Qt's own "ico"
image writer stores only one image per file, and Pillow is not a dependency, so the container is written here:
the small sizes as 32-bit BMP (DIB) entries, which every Windows tool reads, 256 as PNG (Vista and later).
The PyInstaller spec runs this script itself when the icon is missing or older than the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "odn-desktop.svg"
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "build" / "odn-desktop.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_FROM = 256  # this size and larger are stored as PNG


def _render(svg: Path, size: int) -> QImage:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icon: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def _png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # WORKAROUND: PySide6 6.11 accepts only str here at run time, while its stubs only allow bytes.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise SystemExit("make_icon: Qt could not encode PNG")
    buffer.close()
    return bytes(data.data())


def _dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA DIB as an ICO entry wants it: bottom-up rows, height doubled, then a 1-bit AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((size + 31) // 32) * 4
    for y in reversed(range(size)):
        pixels = bytearray()
        mask = bytearray(mask_stride)
        for x in range(size):
            argb = image.pixel(x, y)
            alpha = (argb >> 24) & 0xFF
            pixels += struct.pack("<BBBB", argb & 0xFF, (argb >> 8) & 0xFF, (argb >> 16) & 0xFF, alpha)
            if alpha == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(pixels))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(svg: Path = SVG, sizes: tuple[int, ...] = SIZES) -> bytes:
    entries = []
    for size in sizes:
        image = _render(svg, size)
        entries.append((size, _png_bytes(image) if size >= PNG_FROM else _dib_bytes(image)))
    directory = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    body = b""
    for size, data in entries:
        edge = 0 if size >= 256 else size  # 0 means 256 in the directory
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return directory + body


def make_icon(output: Path = DEFAULT_OUTPUT, svg: Path = SVG) -> Path:
    from PySide6.QtGui import QGuiApplication

    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # painting needs one, kept alive here
    data = ico_bytes(svg)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, output)
    return output


if __name__ == "__main__":
    target = make_icon(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
    print(f"make_icon: {target} ({', '.join(map(str, SIZES))} px)")
