"""The window within the screen's free area: the rectangle arithmetic with given screens, and the real window on
the test screen (offscreen: 800×800), first start and remembered geometry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.store.open import Database
from odn_desktop.ui import screen_fit
from odn_desktop.ui.context import AppContext
from odn_desktop.ui.workspace_window import WorkspaceWindow

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 with a 40 px taskbar at the bottom
SCALED = QRect(0, 0, 1280, 680)  # 1920×1080 at 150 %
WIDE = QRect(0, 0, 1920, 1040)
SECOND = QRect(1920, 0, 1280, 984)  # a second screen right of the first, taskbar 40 px


def inside(rect: QRect, area: QRect) -> bool:
    return area.contains(rect.topLeft()) and area.contains(rect.bottomRight())


@pytest.mark.parametrize("screen", [LAPTOP, SCALED, WIDE, SECOND])
def test_a_saved_1500x900_window_is_clamped_to_the_free_area(screen: QRect) -> None:
    saved = QRect(screen.left() + 100, screen.top() + 50, 1500, 900)
    fitted = screen_fit.clamp_rect(saved, screen)
    assert inside(fitted, screen)
    assert fitted.width() == min(1500, screen.width()) and fitted.height() == min(900, screen.height())


def test_clamping_moves_an_off_screen_window_back_without_shrinking_it_more() -> None:
    assert screen_fit.clamp_rect(QRect(-400, -300, 800, 600), LAPTOP) == QRect(0, 0, 800, 600)
    assert screen_fit.clamp_rect(QRect(3000, 2000, 800, 600), LAPTOP) == QRect(566, 128, 800, 600)
    assert screen_fit.clamp_rect(QRect(3000, 100, 800, 600), SECOND) == QRect(2400, 100, 800, 600)  # right edge
    assert screen_fit.clamp_rect(QRect(100, 100, 800, 600), LAPTOP) == QRect(100, 100, 800, 600)  # fits: as is


@pytest.mark.parametrize("screen", [LAPTOP, SCALED])
def test_a_first_start_on_a_laptop_opens_maximized_with_a_normal_size_that_fits(screen: QRect) -> None:
    assert screen_fit.opens_maximized(screen)
    normal = screen_fit.default_rect(screen)
    frame = normal.adjusted(-8, -32, 8, 8)  # FRAME_ALLOWANCE around the client area
    assert inside(frame, screen)
    assert frame.width() <= screen.width() * 0.95 + 1 and frame.height() <= screen.height() * 0.95 + 1
    assert abs((frame.left() - screen.left()) - (screen.right() - frame.right())) <= 1  # centred


def test_a_first_start_on_a_large_screen_has_the_preferred_size_centred() -> None:
    assert not screen_fit.opens_maximized(WIDE)
    assert screen_fit.default_rect(WIDE).size() == QSize(1500, 900)
    assert inside(screen_fit.default_rect(WIDE).adjusted(-8, -32, 8, 8), WIDE)


def test_maximized_geometry_refuses_an_unknown_format() -> None:
    assert screen_fit.maximized_geometry(QByteArray(b"\x00" * 60)) is None
    assert screen_fit.maximized_geometry(QByteArray(b"")) is None


# -- the real window on the test screen ---------------------------------------------------------------------


def window(qtbot: QtBot, db: Database, settings: QSettings) -> WorkspaceWindow:
    win = WorkspaceWindow(AppContext(db), settings=settings)
    qtbot.addWidget(win)
    return win


def test_the_first_window_opens_within_the_screen(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    free = QApplication.primaryScreen().availableGeometry()
    win = window(qtbot, db, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    assert free.width() < 1516  # the test screen is smaller than the preferred window: a laptop's case
    assert win.isMaximized()
    assert inside(win.normalGeometry().adjusted(-8, -32, 8, 8), free)
    win.show()
    qtbot.waitExposed(win)
    assert inside(win.frameGeometry(), free)


def test_a_remembered_geometry_larger_than_the_screen_and_off_it_is_clamped(qtbot: QtBot, db: Database,
                                                                            tmp_path: Path) -> None:
    free = QApplication.primaryScreen().availableGeometry()
    other = QWidget()  # saved on a larger screen that is gone: 1500×900, far right and below
    other.setGeometry(QRect(free.right() + 400, free.bottom() + 200, 1500, 900))
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    settings.setValue("Workspace/geometry", other.saveGeometry())
    other.deleteLater()
    win = window(qtbot, db, settings)
    assert not win.isMaximized()
    assert win.width() <= free.width() and win.height() <= free.height()
    win.show()
    qtbot.waitExposed(win)
    assert inside(win.frameGeometry(), free), (win.frameGeometry(), free)


def test_a_window_maximized_when_closed_opens_maximized_again(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    first = window(qtbot, db, settings)
    first.show()
    qtbot.waitExposed(first)
    assert first.close()
    second = window(qtbot, db, settings)
    assert second.isMaximized()
