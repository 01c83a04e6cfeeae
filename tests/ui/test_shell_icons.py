"""The toolbar and navigation icons: all there, valid SVG, one style (24×24, explicit colours, round lines)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from odn_desktop.ui.infra.resources import icon, resource_path

NAMES = ("new", "duplicate", "delete", "save", "undo", "redo", "search", "sync", "overview", "events", "speakers",
         "contacts", "registrations", "export", "wishes", "report")
COLOUR = re.compile(r"#[0-9a-f]{6}")


@pytest.mark.parametrize("name", NAMES)
def test_icon_is_a_24px_line_drawing_in_explicit_colours(qtbot: QtBot, name: str) -> None:
    path: Path = resource_path("icons", f"{name}.svg")
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("24", "24", "0 0 24 24")
    assert root.get("stroke-linecap") == "round" and root.get("stroke-linejoin") == "round"
    assert "currentColor" not in text and COLOUR.search(text)
    assert QSvgRenderer(str(path)).isValid()
    pixmap = icon(name).pixmap(QSize(24, 24))
    assert not pixmap.isNull()
    image: QImage = pixmap.toImage()
    inked = sum(1 for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() > 0)
    assert 40 < inked < 24 * 24 * 0.8, f"{name}: {inked} of 576 pixels drawn"
