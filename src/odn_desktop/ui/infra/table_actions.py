"""Windows habits on every table: a right-click menu with the row's actions, double-click opens, Del deletes.

A page hands ``install_row_actions`` its view and the actions it already has: ``QAction`` objects, or the
page's buttons (the menu entry then reads, enables and clicks the button, so button and menu never disagree),
``None`` for a separator. The menu is built when it is asked for, from the current state: an entry is shown
when its action or button is visible, enabled when it is. A right click on a row that is not selected selects
it first (as Explorer does); on a selected row the selection stays, so a menu entry applies to all of it.

``open_action`` is what a double click does, unless it edits the cell clicked. The Del key stays the
window's: its "Löschen" calls the page's ``delete_selected``, which removes the focused table's selection through
the page's undoable command (the same command as the page's delete button, which the menu offers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QMenu, QPushButton, QWidget

#: one entry of a row menu: an action, a page's button, or a separator
Entry = QAction | QAbstractButton | None
Entries = Sequence[Entry] | Callable[[], Sequence[Entry]]


def action(parent: QObject, text: str, slot: Callable[[], object], name: str = "") -> QAction:
    """A plain menu entry calling ``slot``."""
    made = QAction(text, parent)
    if name:
        made.setObjectName(name)
    made.triggered.connect(lambda _checked=False: slot())
    return made


class RowActions(QObject):
    """The right-click menu and the double click of one view (see the module's description)."""

    def __init__(self, view: QAbstractItemView, entries: Entries, open_action: QAction | None = None) -> None:
        super().__init__(view)
        self.view = view
        self._entries = entries
        self.open_action = open_action
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_menu)
        if open_action is not None:
            view.doubleClicked.connect(self._open)

    def entries(self) -> list[Entry]:
        entries = self._entries
        return list(entries() if callable(entries) else entries)

    def menu(self, position: QPoint | None = None) -> QMenu:
        """The menu a right click at ``position`` (viewport coordinates) shows; the row there is selected first.
        The caller owns the menu (it is deleted when closed after ``exec``)."""
        if position is not None:
            self._select_at(position)
        menu = QMenu(self.view)
        menu.setObjectName("rowMenu")
        pending_separator = False
        if self.open_action is not None and self.open_action.isVisible():
            menu.addAction(self.open_action)
            menu.setDefaultAction(self.open_action)
            pending_separator = True
        for entry in self.entries():
            if entry is None:
                pending_separator = bool(menu.actions())
                continue
            made = self._as_action(entry, menu)
            if made is None:
                continue
            if pending_separator:
                menu.addSeparator()
                pending_separator = False
            menu.addAction(made)
        return menu

    def _as_action(self, entry: QAction | QAbstractButton, menu: QMenu) -> QAction | None:
        if isinstance(entry, QAction):
            return entry if entry.isVisible() else None
        if entry.isHidden():  # a button the page hides (e.g. no rounds): no entry either
            return None
        made = QAction(entry.text(), menu)
        made.setObjectName(entry.objectName())
        made.setToolTip(entry.toolTip())
        made.setEnabled(entry.isEnabled())
        submenu = entry.menu() if isinstance(entry, QPushButton) else None
        if submenu is not None:  # a button with a menu (e.g. the rounds): the same submenu
            made.setMenu(submenu)
        else:
            made.triggered.connect(lambda _checked=False, button=entry: button.click())
        return made

    def _select_at(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        selection = self.view.selectionModel()
        if not index.isValid() or selection is None:
            return
        if selection.isSelected(index) or (self.view.selectionBehavior()
                                           == QAbstractItemView.SelectionBehavior.SelectRows
                                           and selection.isRowSelected(index.row(), index.parent())):
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if self.view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            flags |= QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu(position)
        if menu.actions():
            menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid() or self.open_action is None or not self.open_action.isEnabled():
            return
        if (self.view.editTriggers() & QAbstractItemView.EditTrigger.DoubleClicked
                and index.flags() & Qt.ItemFlag.ItemIsEditable):
            return  # the double click edits this cell
        self.open_action.trigger()


def install_row_actions(view: QAbstractItemView, entries: Entries, open_action: QAction | None = None) -> RowActions:
    """Give ``view`` a right-click menu of ``entries`` (and ``open_action`` for a double click)."""
    return RowActions(view, entries, open_action)


def row_actions_of(view: QWidget) -> RowActions | None:
    """The ``RowActions`` installed on ``view`` (tests and the walk over every table use it)."""
    return view.findChild(RowActions, options=Qt.FindChildOption.FindDirectChildrenOnly)
