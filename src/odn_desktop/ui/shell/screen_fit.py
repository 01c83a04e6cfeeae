"""Windows and dialogs within the screen's free area (a 1366×768 laptop, or 1920×1080 at 150 %: 1280×720).

The rectangle arithmetic is pure (``clamp_rect``, ``default_rect``, tested with given screens); ``fit_window``
applies it to the main window, ``fit_size`` to a dialog that asks for a size of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: what the window wants on a large screen; a smaller one opens it maximized (``opens_maximized``)
PREFERRED_SIZE = QSize(1500, 900)
#: the normal (not maximized) window of a first start takes at most this share of the free area
DEFAULT_SHARE = 0.95
#: the frame a window system adds (Windows at 100 %: 8 px borders, a 31 px title bar), reserved while the real
#: frame is not known yet (before the window was shown)
FRAME_ALLOWANCE = QSize(16, 40)
#: room a dialog leaves for its frame and title bar (the free area already excludes the taskbar)
DIALOG_FRAME = QSize(40, 60)


def clamp_rect(rect: QRect, available: QRect) -> QRect:
    """``rect`` no larger than ``available`` and moved (not shrunk further) so that it lies wholly inside it."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    x = min(max(rect.x(), available.left()), available.left() + available.width() - width)
    y = min(max(rect.y(), available.top()), available.top() + available.height() - height)
    return QRect(x, y, width, height)


def opens_maximized(available: QRect, preferred: QSize = PREFERRED_SIZE, frame: QSize = FRAME_ALLOWANCE) -> bool:
    """A first window on a laptop (the preferred size and its frame do not fit the free area) opens maximized."""
    return (available.width() < preferred.width() + frame.width()
            or available.height() < preferred.height() + frame.height())


def default_rect(available: QRect, preferred: QSize = PREFERRED_SIZE, share: float = DEFAULT_SHARE,
                 frame: QSize = FRAME_ALLOWANCE) -> QRect:
    """The client area of a first (normal) window: ``preferred``, but with its frame at most ``share`` of the free
    area; the frame centred in it."""
    outer_width = min(preferred.width() + frame.width(), int(available.width() * share))
    outer_height = min(preferred.height() + frame.height(), int(available.height() * share))
    outer = QRect(available.left() + (available.width() - outer_width) // 2,
                  available.top() + (available.height() - outer_height) // 2, outer_width, outer_height)
    return inside_frame(outer, frame)


def inside_frame(outer: QRect, frame: QSize) -> QRect:
    """The client area of a window whose frame is ``outer`` (borders of ``frame.width() / 2``, the rest on top)."""
    side = frame.width() // 2
    return outer.adjusted(side, frame.height() - side, -(frame.width() - side), -side)


def available_geometry(widget: QWidget) -> QRect:
    """The free area (without taskbar) of the screen the widget's centre lies on, else of its or the primary
    screen (a second screen that is gone)."""
    centre = widget.frameGeometry().center() if widget.isWindow() else widget.mapToGlobal(widget.rect().center())
    screen = QGuiApplication.screenAt(centre) or widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def client_area(window: QWidget, free: QRect) -> QRect:
    """Where ``window``'s client area may lie so that its frame stays within ``free``: the frame as the window
    system drew it, or ``FRAME_ALLOWANCE`` before that."""
    frame, inner = window.frameGeometry(), window.geometry()
    if frame == inner:
        return inside_frame(free, FRAME_ALLOWANCE)
    return free.adjusted(inner.left() - frame.left(), inner.top() - frame.top(),
                         -(frame.right() - inner.right()), -(frame.bottom() - inner.bottom()))


def fit_window(window: QWidget, available: QRect | None = None) -> bool:
    """Shrink and move ``window`` so that it and its frame lie within the free area; True when it changed."""
    free = available_geometry(window) if available is None else available
    wanted = clamp_rect(window.geometry(), client_area(window, free))
    if wanted == window.geometry():
        return False
    window.setGeometry(wanted)
    return True


def fit_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, or less on a screen whose free area is smaller (frame and title bar left room)."""
    parent = widget.parentWidget()
    screen = (parent or widget).screen()  # a dialog not shown yet opens on its parent's screen
    return QSize(width, height).boundedTo(screen.availableGeometry().size() - DIALOG_FRAME)


# WORKAROUND: ``setWindowState(Qt.WindowState.WindowMaximized)`` would build PySide6's enums of the whole ``Qt``
# namespace (~15 ms) before the first paint (see workspace_window); ``restoreGeometry`` of the window's own saved
# geometry with the "maximized" byte set does the same in C++. QWidget::saveGeometry's format 3 (Qt 6): magic
# (4 bytes), major and minor version (2 + 2), frame and normal geometry (16 + 16), screen number (4), maximized (1).
_GEOMETRY_MAGIC = 0x1D9D0CB
_GEOMETRY_VERSION = 3
_MAXIMIZED_AT = 44


def maximized_geometry(saved: QByteArray) -> QByteArray | None:
    """``saved`` (from ``QWidget.saveGeometry``) marked maximized; None for a format this does not know."""
    data = bytes(saved.data())
    if (len(data) <= _MAXIMIZED_AT or int.from_bytes(data[:4], "big") != _GEOMETRY_MAGIC
            or int.from_bytes(data[4:6], "big") != _GEOMETRY_VERSION):
        return None
    return QByteArray(data[:_MAXIMIZED_AT] + b"\x01" + data[_MAXIMIZED_AT + 1:])


def open_maximized(window: QWidget) -> bool:
    """Mark the not yet shown ``window`` maximized (its normal geometry stays); False when that failed."""
    patched = maximized_geometry(window.saveGeometry())
    return patched is not None and window.restoreGeometry(patched) and window.isMaximized()
