"""The accessibility checks of issue 15 (BITV 2.0 / EN 301 549) and a walk over every page and dialog with them.

- ``unnamed_inputs``: an input a screen reader announces without a name. The name is what Qt's accessibility
  layer hands to the screen reader (``QAccessibleInterface.text(Name)``): the widget's ``accessibleName``, else
  the text of a ``QLabel`` whose buddy it is (or the title of its group box), else its own text (buttons, check
  boxes). A tooltip is no name.
- ``focus_problems``: an enabled, visible input that the Tab key never reaches from the first one (Qt's rule of
  ``QWidget::focusNextPrevChild``: the focus chain ``nextInFocusChain`` over widgets whose focus policy accepts
  Tab, visible, enabled, without a focus proxy), and the fields of a form layout reached out of their order.
- ``colour_only_problems``: a table cell coloured (background, foreground, a status pill, a seat gauge) whose
  display text is empty, so that only the colour says what it means.

``run`` walks the demo with them, in a process of its own (``python -m tests.ui.a11y_walk 1366x768`` prints
JSON): every step of ``fit_walk``'s walk (the same pages, editor tabs and dialogs, ``QDialog.exec`` replaced by
show, check, cancel) and a few more dialogs.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel

#: widgets that take input (or show content a keyboard user scrolls and selects in)
INPUT_TYPES: tuple[type[QWidget], ...] = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QTextEdit,
                                          QPlainTextEdit, QAbstractItemView, QAbstractSlider)
#: parts of another widget: named and reached through it
PART_OF: tuple[type[QWidget], ...] = (QAbstractSpinBox, QComboBox, QCalendarWidget, QTabBar)
#: delegates that paint a colour of their own (a status pill, a seat gauge's bar)
COLOUR_DELEGATES = ("StatusDelegate", "SeatGaugeDelegate", "RoundGaugeDelegate")
#: rows of a model looked at for colours
MAX_ROWS = 400


def describe(widget: QWidget) -> str:
    from tests.ui.fit_walk import describe as fit_describe

    return fit_describe(widget)


def key(thing: Any) -> int:
    """The Qt object's address: a Python wrapper's ``id`` is reused once a temporary wrapper is gone."""
    return int(shiboken6.getCppPointer(thing)[0])


def _is_part(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, PART_OF):
            return True
        parent = parent.parentWidget()
    return False


def is_input(widget: QWidget) -> bool:
    """An input of its own (not a scroll bar, a header, the line edit inside a spin box or combo box)."""
    if not isinstance(widget, INPUT_TYPES) or isinstance(widget, QScrollBar | QHeaderView):
        return False
    if type(widget).__name__ == "QComboBoxPrivateContainer" or widget.objectName().startswith("qt_"):
        return False
    return not _is_part(widget)


def shown_inputs(top: QWidget, enabled_only: bool = True) -> list[QWidget]:
    return [w for w in top.findChildren(QWidget)
            if is_input(w) and w.window() is top and w.isVisibleTo(top) and (w.isEnabled() or not enabled_only)]


def buddy_text(widget: QWidget) -> str:
    """Qt's ``buddyString``: the text of a label beside ``widget`` (same parent) whose buddy it is, else the title
    of the group box it sits in."""
    from PySide6.QtWidgets import QGroupBox, QLabel

    parent = widget.parentWidget()
    if parent is None:
        return ""
    for child in parent.children():
        if isinstance(child, QLabel) and child.buddy() is widget:
            return child.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    return parent.title().replace("&", "").strip() if isinstance(parent, QGroupBox) else ""


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces on Windows. Qt's accessibility layer gives it
    (``QAccessibleInterface.text(Name)``), except for a combo box: on Linux Qt names it by its current text and
    its label by a relation, on Windows (``QAccessibleComboBox``, ``#ifndef Q_OS_UNIX``) by its accessible name
    or its label, as every other widget."""
    if isinstance(widget, QComboBox):
        return widget.accessibleName().strip() or buddy_text(widget)
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def unnamed_inputs(top: QWidget) -> list[str]:
    """The enabled, visible inputs of ``top`` without an accessible name."""
    return [f"{describe(w)}: no accessible name" for w in shown_inputs(top) if not accessible_name(w)]


# -- focus --------------------------------------------------------------------------------------------------


def takes_tab(widget: QWidget, top: QWidget) -> bool:
    """Qt's test in ``focusNextPrevChild`` (Windows: every widget whose policy has TabFocus)."""
    policy = widget.focusPolicy()
    return (policy.value & Qt.FocusPolicy.TabFocus.value) == Qt.FocusPolicy.TabFocus.value \
        and widget.focusProxy() is None and widget.isVisibleTo(top) and widget.isEnabled()


def _focus_target(widget: QWidget) -> QWidget:
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget


def tab_sequence(top: QWidget) -> list[QWidget]:
    """The widgets Tab visits from ``top``'s first focusable widget, in order, once round."""
    sequence: list[QWidget] = []
    seen: set[int] = set()
    widget = top.nextInFocusChain()
    while widget is not None and widget is not top and key(widget) not in seen:
        seen.add(key(widget))
        if takes_tab(widget, top) and widget.window() is top:
            sequence.append(widget)
        widget = widget.nextInFocusChain()
    return sequence


def menu_actions(top: QWidget) -> set[int]:
    """The actions of ``top``'s menu bar and its menus, at any depth (reached with Alt and the arrow keys)."""
    from PySide6.QtWidgets import QMainWindow, QMenu

    found: set[int] = set()
    if not isinstance(top, QMainWindow) or top.menuWidget() is None:
        return found
    pending = list(top.menuBar().actions())
    while pending:
        action = pending.pop()
        found.add(key(action))
        menu = action.menu()
        if isinstance(menu, QMenu):
            pending += menu.actions()
    return found


def reached_otherwise(widget: QWidget, reached: set[int], in_menus: set[int]) -> bool:
    """Reached by keyboard without Tab: a radio button of an exclusive group (Tab reaches the group's checked
    button, the arrow keys the others, as on Windows), a tool bar's button whose action is in the menu bar."""
    from PySide6.QtWidgets import QRadioButton, QToolBar, QToolButton

    if isinstance(widget, QRadioButton) and (widget.group() is not None or widget.autoExclusive()):
        parent = widget.parentWidget()
        if widget.group() is not None:
            siblings = widget.group().buttons()
        else:
            siblings = [b for b in parent.findChildren(QRadioButton) if b.parentWidget() is parent] if parent else []
        return any(key(b) in reached for b in siblings)
    if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QToolBar):
        action = widget.defaultAction()
        return action is not None and key(action) in in_menus
    return False


def focus_problems(top: QWidget) -> list[str]:
    """Enabled, visible inputs Tab does not reach; form fields reached out of the form's order."""
    sequence = tab_sequence(top)
    reached = {key(w) for w in sequence}
    in_menus = menu_actions(top)
    problems = []
    for widget in shown_inputs(top):
        if key(_focus_target(widget)) not in reached and not reached_otherwise(widget, reached, in_menus):
            policy = widget.focusPolicy().name
            problems.append(f"{describe(widget)}: not reached by Tab (focus policy {policy})")
    position = {key(w): n for n, w in enumerate(sequence)}
    for layout in top.findChildren(QLayout):
        fields = [w for w in layout_fields(layout) if key(_focus_target(w)) in position]
        order = [position[key(_focus_target(w))] for w in fields]
        for before, after, n in zip(fields, fields[1:], range(len(fields)), strict=False):
            if order[n + 1] < order[n]:
                problems.append(f"{describe(after)}: Tab reaches it before {describe(before)}, which is above or "
                                f"left of it in the form")
    return problems


def layout_fields(layout: QLayout) -> list[QWidget]:
    """The inputs of a form or grid layout in reading order (row by row, left to right)."""
    cells: list[tuple[int, int, QWidget]] = []
    if isinstance(layout, QFormLayout):
        for n in range(layout.count()):
            item = layout.itemAt(n)
            widget = item.widget() if item is not None else None
            if widget is not None:
                row, role = layout.getWidgetPosition(widget)
                cells.append((row, int(role.value), widget))
    elif isinstance(layout, QGridLayout):
        for n in range(layout.count()):
            item = layout.itemAt(n)
            widget = item.widget() if item is not None else None
            if widget is not None:
                row, column, _rows, _columns = layout.getItemPosition(n)
                cells.append((row, column, widget))
    else:
        return []
    ordered = [w for _r, _c, w in sorted(cells, key=lambda c: (c[0], c[1]))]
    return [w for w in ordered if is_input(w) and w.isVisible() and w.isEnabled()]


# -- colour -------------------------------------------------------------------------------------------------


def _is_colour(value: object) -> bool:
    if isinstance(value, QBrush):
        return value.style() != Qt.BrushStyle.NoBrush
    return isinstance(value, QColor) and value.isValid()


def _has_text(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(value.strip())


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """``columnCount`` (private in a list model: one column)."""
    try:
        return int(model.columnCount(parent))
    except TypeError:
        return 1


def coloured_cells(view: QAbstractItemView) -> Iterator[tuple[QModelIndex, str]]:
    """The cells of ``view`` that carry a colour, with what colours them: a background, a foreground (only where
    there is something to colour), a delegate painting its own colour (a status pill, a seat gauge)."""
    model: QAbstractItemModel = view.model()
    if model is None:
        return
    delegates = {c: type(view.itemDelegateForColumn(c)).__name__ for c in range(_columns(model, QModelIndex()))
                 if view.itemDelegateForColumn(c) is not None}

    def walk(parent: QModelIndex) -> Iterator[QModelIndex]:
        for row in range(min(model.rowCount(parent), MAX_ROWS)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                yield index
                if column == 0 and index.isValid() and model.hasIndex(0, 0, index):
                    yield from walk(index)

    for index in walk(QModelIndex()):
        if delegates.get(index.column()) in COLOUR_DELEGATES:
            yield index, delegates[index.column()]
        elif _is_colour(model.data(index, Qt.ItemDataRole.BackgroundRole)):
            yield index, "BackgroundRole"
        elif _is_colour(model.data(index, Qt.ItemDataRole.ForegroundRole)) and cell_text(index):
            yield index, "ForegroundRole"


def cell_text(index: QModelIndex) -> str:
    """What a screen reader reads of the cell: its accessible text, else its display text, else its check box."""
    for role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.DisplayRole):
        value = index.data(role)
        if _has_text(value):
            return str(value)
    return "check box" if index.data(Qt.ItemDataRole.CheckStateRole) is not None else ""


def colour_only_problems(view: QAbstractItemView) -> list[str]:
    """Coloured cells of ``view`` without a text saying what the colour says (a background or a pill on an empty
    cell)."""
    problems = []
    for index, how in coloured_cells(view):
        if not cell_text(index):
            header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
            problems.append(f"{describe(view)}: row {index.row()}, column {header!r} coloured ({how}) without text")
    return problems


# -- keyboard traps, mnemonics, focus outlines -------------------------------------------------------------

#: a style sheet rule that hides the focus indicator
HIDDEN_FOCUS = re.compile(r"outline\s*:\s*(none|0)|:focus\s*\{[^}]*border\s*:\s*(none|0)", re.IGNORECASE)


def trap_problems(top: QWidget) -> list[str]:
    """Where Tab does not move on: editable text fields that type the Tab key into the text (and Ctrl+Tab
    switches the editor's tab instead; ``setTabChangesFocus(True)`` lets Tab move on), and read-only tables
    whose Tab walks cell by cell through every row (``setTabKeyNavigation(False)``: the arrows move in the
    table, Tab leaves it; a table one edits in keeps Tab from cell to cell, as a spreadsheet does)."""
    problems = []
    for widget in shown_inputs(top):
        if isinstance(widget, QTextEdit | QPlainTextEdit) and not widget.isReadOnly() \
                and not widget.tabChangesFocus():
            problems.append(f"{describe(widget)}: Tab is typed into it, focus cannot leave by Tab")
        if isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation() \
                and widget.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
            problems.append(f"{describe(widget)}: Tab goes from cell to cell of a read-only table")
    return problems


def mnemonic(text: str) -> str:
    """The letter after a single "&" (Alt+letter), lower case; "" when there is none."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else ""


def mnemonic_problems(top: QWidget) -> list[str]:
    """Two visible targets in ``top`` with the same Alt+letter (menu bar titles, buttons, labels with a buddy,
    checkable group boxes): Qt then only moves the focus between them, one of them never acts. Disabled ones
    count: they clash as soon as they are enabled (a selection enables the registrant table's buttons)."""
    from PySide6.QtWidgets import QGroupBox, QLabel, QMainWindow

    owners: dict[str, list[str]] = {}
    if isinstance(top, QMainWindow) and top.menuWidget() is not None:
        for action in top.menuBar().actions():
            if action.isVisible() and mnemonic(action.text()):
                owners.setdefault(mnemonic(action.text()), []).append(f"menu {action.text()!r}")
    for widget in top.findChildren(QWidget):
        if widget.window() is not top or not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QLabel):
            if widget.buddy() is None or not widget.buddy().isVisibleTo(top):
                continue
            text = widget.text()
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        letter = mnemonic(text)
        if letter:
            owners.setdefault(letter, []).append(describe(widget))
    return [f"Alt+{letter.upper()} for {' and '.join(sorted(names))}" for letter, names in owners.items()
            if len(names) > 1]


def hidden_focus_problems(top: QWidget) -> list[str]:
    """Style sheets (the application's, the window's, any widget's) that hide the focus indicator."""
    from PySide6.QtWidgets import QApplication

    sheets = [("the application", QApplication.instance().styleSheet())]  # type: ignore[union-attr]
    sheets += [(describe(w), w.styleSheet()) for w in [top, *top.findChildren(QWidget)] if w.styleSheet()]
    return [f"{where}: its style sheet hides the focus ({HIDDEN_FOCUS.search(sheet).group(0)!r})"  # type: ignore
            for where, sheet in sheets if HIDDEN_FOCUS.search(sheet)]


def all_problems(top: QWidget) -> list[str]:
    problems = (unnamed_inputs(top) + focus_problems(top) + trap_problems(top) + mnemonic_problems(top)
                + hidden_focus_problems(top))
    for view in top.findChildren(QAbstractItemView):
        if view.window() is top and view.isVisibleTo(top) and not isinstance(view, QHeaderView):
            problems += colour_only_problems(view)
    return problems


# -- the walk -------------------------------------------------------------------------------------------------


@dataclass
class Found:
    """What the walk found: the steps, each problem with the steps it was seen in, how much was looked at."""

    visited: list[str] = field(default_factory=list)
    problems: dict[str, list[str]] = field(default_factory=dict)
    inputs: int = 0
    coloured: int = 0


def make_walk(app: Any, window: Any, db: Any, found: Found) -> Any:
    """A ``fit_walk.Walk`` whose every check is the accessibility check (no PNGs, no fit checks)."""
    from tests.ui.fit_walk import Walk

    class A11yWalk(Walk):
        def dialog(self, name: str, trigger: Any) -> None:
            super().dialog(name, trigger)
            # what the dialog code left to ``deleteLater`` goes now, as the running event loop would do it
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

        def check(self, name: str, top: QWidget) -> None:
            self.settle()
            self.visited.append(name)
            found.visited.append(name)
            found.inputs += len(shown_inputs(top))
            for view in top.findChildren(QAbstractItemView):
                if view.window() is top and view.isVisibleTo(top):
                    found.coloured += sum(1 for _ in coloured_cells(view))
            for problem in all_problems(top):
                found.problems.setdefault(problem, []).append(name)

    return A11yWalk(app, window, db, app.primaryScreen().availableGeometry(), None)


def extra_steps(walk: Any, work: Path) -> list[tuple[str, Callable[[], object]]]:
    """Dialogs the fit walk does not open: the offer of a backup for a damaged database, the About box."""
    from odn_desktop.ui.shell import backup_ui

    def damaged() -> None:
        prompt = backup_ui.damaged_database_box(walk.window, work / "odn.sqlite", work / "odn beschädigt.sqlite",
                                                None, work)
        prompt.box.exec()

    return [("damaged-database", damaged)]


def run(size: tuple[int, int]) -> dict[str, Any]:
    """The walk over the demo in a window on a screen of ``size`` (a process of its own: the offscreen screen's
    size is fixed when Qt starts, and a test process keeps its windows' screens clean)."""
    from tests.ui import fit_walk

    work = Path(tempfile.mkdtemp(prefix="odn-a11y-"))
    try:
        fit_walk.prepare_environment(work, size)
        from PySide6.QtCore import QSettings, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from odn_desktop.paths import AppPaths
        from odn_desktop.services.demo import load_demo
        from odn_desktop.store.database import transaction
        from odn_desktop.store.open import open_database
        from odn_desktop.ui.dialogs import organizer_settings
        from odn_desktop.ui.infra.context import AppContext
        from odn_desktop.ui.shell.language import install_translators
        from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

        messages: list[str] = []
        qInstallMessageHandler(lambda _mode, _context, message: messages.append(message))
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(work / "settings"))
        app = QApplication([sys.argv[0]])
        install_translators(app, "de")
        organizer_settings.save("Maria Muster", "netzwerktreffen@difu.example")
        paths = AppPaths(database=work / "Daten" / "odn.sqlite", data_dir=work / "Daten",
                         log_dir=work / "Protokolle", backup_dir=work / "Daten" / "backups")
        db = open_database(paths.database)
        with transaction(db.sessions) as session:
            load_demo(session)
        (work / "zoom.csv").write_text(fit_walk.ZOOM_REPORT.format(day=f"{date(2021, 12, 2):%m/%d/%Y}"),
                                       encoding="utf-8")
        yesterday = date.today() - timedelta(days=1)
        (work / "anmeldungen.csv").write_text(fit_walk.REGISTRATIONS_CSV.format(day=f"{yesterday:%d.%m.%Y}"),
                                              encoding="utf-8")
        ctx = AppContext(db, paths)
        window = WorkspaceWindow(ctx, paths, settings=QSettings(str(work / "window.ini"), QSettings.Format.IniFormat))
        found = Found()
        walk = make_walk(app, window, db, found)
        window.show()
        ctx.ready.emit()
        walk.settle(8)
        files = {"registration_import": work / "anmeldungen.csv", "attendance_report": work / "zoom.csv"}
        with fit_walk.replaced_dialogs(walk, files):
            fit_walk.walk_pages(walk)
            fit_walk.walk_dialogs(walk, work)
            for step, trigger in extra_steps(walk, work):
                walk._name = f"dialog-{step}"
                walk.dialog(walk._name, trigger)
        ctx.undo_stack.clear()
        window.close()
        walk.settle(2)
        db.close()
        # the window and what the walk kept go while the application is still there (left to the collector at
        # exit, a label's mnemonic would be released after QApplication is gone: a crash on the way out)
        walk.captured.clear()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        return {"visited": found.visited, "inputs": found.inputs, "coloured": found.coloured,
                "problems": found.problems, "walk_problems": walk.problems,
                "qt_messages": sorted({m for m in messages if "propagateSizeHints" not in m})}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("size", nargs="?", default="1366x768", help="the screen, e.g. 1366x768")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    print(json.dumps(run((width, height)), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
