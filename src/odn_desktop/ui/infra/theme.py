"""The semantic colours of the UI (error, warning, ok, muted text; problem and warning backgrounds; the seat gauge),
each in a light and a dark variant.

Why: on Windows the system dark mode gives the application a dark palette (white text on ~#202020). Colours
chosen for a white window then fail both ways: dark red text disappears on the dark background, and a light
amber row background under the palette's white text is unreadable. Every module therefore asks here instead of
hard-coding a colour.

The light variants are the colours the modules used before (the light look does not change; only the muted
grey is a little darker, #6b6b6b instead of #7a7a7a, to reach 4.5:1 on a grey window); the dark
variants keep the meaning (red, amber, green, grey, blue) and reach a WCAG contrast of at least 4.5 against the
dark palette's window and base colours (text), or are dark tints under which the palette's light text stays
readable (backgrounds). ``tests/ui/test_dark_mode.py`` checks both.

Light or dark is decided by the palette in effect, not by the system setting: ``QStyleHints.colorScheme()``
(Qt >= 6.5) reports what the user chose in Windows, but a style that ignores it (``windowsvista``) still paints
a light window, and an explicitly set palette (Fusion with a dark palette) is dark whatever the system says.
What matters for readability is the colour actually painted behind the text.

Everything is looked up when it is used (callables, no colours evaluated at import), so a colour follows the
palette at the moment a model's ``data()`` runs, a delegate paints or a style sheet is built; ``keep_style``
re-applies a widget's style sheet when the palette changes while the program runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

#: below this HSL lightness (0–255) of the palette's window colour, the palette counts as dark
DARK_LIGHTNESS = 128
#: WCAG AA minimum contrast for normal text
MIN_TEXT_CONTRAST = 4.5


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's palette now) paints light text on a dark window."""
    if palette is None:
        if QGuiApplication.instance() is None:
            return False
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < DARK_LIGHTNESS


@dataclass(frozen=True)
class SemanticColour:
    """One colour with a meaning; calling it gives the variant for the palette in effect now."""

    name: str
    light: str
    dark: str
    kind: str  # "text", "background" or "mark" (borders, bars: not text)

    def __call__(self, palette: QPalette | None = None) -> QColor:
        return QColor(self.dark if is_dark(palette) else self.light)

    def css(self, palette: QPalette | None = None) -> str:
        """``#rrggbb`` for a style sheet."""
        return self(palette).name()


def _text(name: str, light: str, dark: str) -> SemanticColour:
    return SemanticColour(name, light, dark, "text")


def _background(name: str, light: str, dark: str) -> SemanticColour:
    return SemanticColour(name, light, dark, "background")


def _mark(name: str, light: str, dark: str) -> SemanticColour:
    return SemanticColour(name, light, dark, "mark")


# -- text -------------------------------------------------------------------------------------------------------

#: validation messages, overdue deadlines
error_text = _text("error_text", "#a12020", "#ff8a80")
#: problems in a row (import preview, overdue on the overview, full events); also used on problem_background
problem_text = _text("problem_text", "#8a1c1c", "#ffb4ab")
#: a mail that could not be sent
failed_text = _text("failed_text", "#b3261e", "#f28b82")
#: unsaved changes, late registration, deadline due soon
warning_text = _text("warning_text", "#8a5a00", "#f0b74a")
#: warnings on warning_background (agenda overrun, due soon on the overview, few seats left)
warning_strong_text = _text("warning_strong_text", "#6b4300", "#ffcc80")
#: hints that all is well, upcoming deadlines, seats available
ok_text = _text("ok_text", "#1e6b3a", "#7bd88f")
#: a mail that was sent
sent_text = _text("sent_text", "#1b6e2d", "#81c995")
#: done, ignored, cancelled
muted_text = _text("muted_text", "#6b6b6b", "#ababab")  # light: was #7a7a7a, 3.7:1 on a grey window
#: upcoming deadlines on the overview (calm, not a warning)
upcoming_text = _text("upcoming_text", "#1f3b57", "#9cc3e6")
#: secondary text on neutral_background (a cancelled registration's status)
secondary_text = _text("secondary_text", "#5f5f5f", "#c4c4c4")
#: plain text on neutral_background where no state colour applies
neutral_text = _text("neutral_text", "#303030", "#e0e0e0")

# -- backgrounds (the palette's text, or the matching *_text colour, is drawn on them) ---------------------------

problem_background = _background("problem_background", "#f8d4d2", "#5a1d1d")
warning_background = _background("warning_background", "#fdebc4", "#4a3a10")
ok_background = _background("ok_background", "#d9f0df", "#1f4a2c")
neutral_background = _background("neutral_background", "#e8e8e8", "#3a3a3a")

# -- marks: borders and bars ---------------------------------------------------------------------------------------

warning_border = _mark("warning_border", "#e0b860", "#8a6d2a")
gauge_border = _mark("gauge_border", "#9aa5b1", "#6b7785")
gauge_trough = _mark("gauge_trough", "#eef1f4", "#3a3f45")
gauge_full = _mark("gauge_full", "#c0392b", "#e0584a")
gauge_nearly_full = _mark("gauge_nearly_full", "#d68910", "#e0a030")
gauge_free = _mark("gauge_free", "#2e86c1", "#4a9fd8")

ALL: tuple[SemanticColour, ...] = tuple(v for v in dict(globals()).values() if isinstance(v, SemanticColour))
TEXT: tuple[SemanticColour, ...] = tuple(c for c in ALL if c.kind == "text")
BACKGROUNDS: tuple[SemanticColour, ...] = tuple(c for c in ALL if c.kind == "background")
#: (text, background) pairs the UI draws on each other besides the palette's own text
TEXT_ON_BACKGROUND: tuple[tuple[SemanticColour, SemanticColour], ...] = (
    (problem_text, problem_background), (error_text, problem_background),
    (warning_strong_text, warning_background), (warning_text, warning_background),
    (ok_text, ok_background), (secondary_text, neutral_background), (neutral_text, neutral_background),
    (muted_text, warning_background),  # the import preview: an unchanged or duplicate row that is late or waiting
)


# -- style sheets --------------------------------------------------------------------------------------------------

def text_style(colour: SemanticColour, weight: str | None = None) -> str:
    """``color: …;`` (plus ``font-weight``) for a label, for the palette in effect now."""
    style = f"color: {colour.css()};"
    return style if weight is None else f"{style} font-weight: {weight};"


class _PaletteWatcher(QObject):
    """Child of a widget that calls back whenever the widget's palette changes."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent  # here, not at import: the class costs ~2 ms before the first paint

        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.callback()
        return False


def on_palette_change(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever ``widget``'s palette changes (e.g. the system's dark mode switched)."""
    _PaletteWatcher(widget, callback)


class _StyleKeeper(_PaletteWatcher):
    """Rebuilds the widget's style sheet whenever its palette changes."""

    def __init__(self, widget: QWidget, build: Callable[[], str]) -> None:
        super().__init__(widget, lambda: self.apply(widget))
        self.build = build

    def apply(self, widget: QWidget) -> None:
        sheet = self.build()
        if widget.styleSheet() != sheet:  # unchanged: no restyle (and no PaletteChange loop)
            widget.setStyleSheet(sheet)


def keep_style(widget: QWidget, build: Callable[[], str]) -> None:
    """Set ``build()`` as ``widget``'s style sheet now and again whenever the palette changes (the system's dark
    mode switched while the program runs). A later call replaces the earlier ``build``."""
    keeper = next((c for c in widget.children() if isinstance(c, _StyleKeeper)), None)
    if keeper is None:
        keeper = _StyleKeeper(widget, build)
    keeper.build = build
    keeper.apply(widget)
