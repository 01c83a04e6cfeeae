"""The Veranstaltungen page with the demo data rendered to PNG, one picture per editor tab, for a human look.

Copies go to /tmp/odn-events-<tab>.png (details and agenda at least); the test checks that the pictures are not
blank and that no text of the Details form is cut off.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.services.rows import EventRow
from odn_desktop.store.open import Database
from odn_desktop.ui.editors.event import TAB_NAMES, signal_guard
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages.events_page import EventsPage

SIZES = {"wide": (1600, 900), "narrow": (1240, 760)}


@pytest.fixture(autouse=True)
def true_refcount_guard() -> Iterator[None]:
    """WORKAROUND (see signal_guard): give back the references to True that shared code's emits lose."""
    before = sys.getrefcount(True)
    yield
    if signal_guard.LEAKS_TRUE:
        signal_guard.give_back_true(before - sys.getrefcount(True))


@pytest.fixture
def german_locale() -> Iterator[None]:
    """The German UI sets this default (weekday names in date editors); put back afterwards."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(previous)


def render(qtbot: QtBot, db: Database, event: EventRow, tab: str, size: tuple[int, int]) -> tuple[EventsPage, QImage]:
    page = EventsPage(AppContext(db))
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    page.open_event(event.id, tab)
    qtbot.wait(10)
    return page, page.grab().toImage()


def cut_texts(root: QWidget) -> list[str]:
    """Labels and buttons narrower than their text (German words are long)."""
    cut = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
        elif isinstance(widget, QAbstractButton) and widget.text():
            needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 12
        else:
            continue
        if widget.width() < needed:
            cut.append(f"{widget.objectName() or type(widget).__name__}: {widget.text()!r}")
    return cut


@pytest.mark.usefixtures("german_locale")
@pytest.mark.parametrize("tab", TAB_NAMES)
def test_render_each_tab_with_demo_data(qtbot: QtBot, demo_db: Database, december_row: EventRow, tab: str,
                                        tmp_path: Path) -> None:
    page, image = render(qtbot, demo_db, december_row, tab, SIZES["wide"])
    assert not image.isNull() and image.width() >= SIZES["wide"][0]
    assert len({image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}) > 8
    target = tmp_path / f"odn-events-{tab}.png"
    assert image.save(str(target))
    shutil.copy(target, f"/tmp/odn-events-{tab}.png")
    assert page.editor.current_tab_name() == tab
    assert cut_texts(page.editor.tab_widget(tab)) == []


@pytest.mark.usefixtures("german_locale")
@pytest.mark.parametrize("tab", ["details", "agenda"])
def test_render_narrow_window(qtbot: QtBot, demo_db: Database, december_row: EventRow, tab: str,
                              tmp_path: Path) -> None:
    """A laptop screen next to the navigation: the Details groups stack, nothing is cut."""
    page, image = render(qtbot, demo_db, december_row, tab, SIZES["narrow"])
    target = tmp_path / f"odn-events-{tab}-narrow.png"
    assert image.save(str(target))
    shutil.copy(target, f"/tmp/odn-events-{tab}-narrow.png")
    assert cut_texts(page.editor.tab_widget(tab)) == []
    assert cut_texts(page) == []


def test_page_module_does_not_load_sqlalchemy() -> None:
    """Start-up stays light: the window paints before SQLAlchemy loads."""
    code = ("import sys, odn_desktop.ui.pages.events_page; "
            "sys.exit(1 if 'sqlalchemy' in sys.modules else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.usefixtures("german_locale")
def test_render_agenda_overrun_warning(qtbot: QtBot, demo_db: Database, december_row: EventRow,
                                       tmp_path: Path) -> None:
    page, _image = render(qtbot, demo_db, december_row, "agenda", SIZES["narrow"])
    model = page.editor.agenda.model
    assert model.setData(model.index(3, 1), 60)  # the discussion grows by a quarter of an hour
    warning = page.editor.agenda.warning_label
    assert warning.isVisible() and "um 15 Minuten" in warning.text()
    image = page.grab().toImage()
    target = tmp_path / "odn-events-agenda-overrun.png"
    assert image.save(str(target))
    shutil.copy(target, "/tmp/odn-events-agenda-overrun.png")
    assert cut_texts(page.editor.agenda) == []
