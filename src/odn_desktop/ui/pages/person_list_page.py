"""The list-plus-editor page that Referent:innen and Kontakte are: a searchable list left, the editor right.

The row shown in the editor is remembered by id, so a reload, a search or a sort never loses it; switching
rows with unsaved changes asks ``person_forms.ask_unsaved_changes`` whether to save, discard or stay. The page
reloads itself when ``AppContext.changed`` carries one of its ``KINDS`` (at once when visible, else when it is
shown next) and coalesces that with an explicit ``reload()`` from the main window. Pages never import SQLAlchemy
at import time: subclasses import services inside the functions that use them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.ui.editors import person_forms
from odn_desktop.ui.editors.person_forms import PersonEditor
from odn_desktop.ui.infra.table_actions import Entry, action, install_row_actions
from odn_desktop.ui.models.snapshot_model import ColumnSpec, SnapshotTableModel

if TYPE_CHECKING:
    from odn_desktop.ui.infra.context import AppContext


class PersonListPage(QWidget):
    """List with search on the left, editor on the right; subclasses supply rows, values and commands."""

    #: kinds of ``AppContext.changed`` that make this page reload
    KINDS: tuple[str, ...] = ()

    def __init__(self, ctx: AppContext, columns: Sequence[ColumnSpec[Any]], editor: PersonEditor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor = editor
        self._current_id: uuid.UUID | None = None
        self._id_before_new: uuid.UUID | None = None
        self._guard = 0
        self._loaded = False
        self._stale = False
        self._reload_pending = False
        self._shown_once = False

        self.model: SnapshotTableModel[Any] = SnapshotTableModel(columns, self)
        self._build_search_row()
        self._build_people_table()
        self._build_people_splitter(editor)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._install_row_actions()
        editor.save_requested.connect(self.save_changes)
        editor.revert_requested.connect(self.discard_changes)
        ctx.changed.connect(self._on_context_changed)
        ctx.ready.connect(self._on_ready)

    def _build_search_row(self) -> None:
        """The search above the list (subclasses add their buttons to ``tool_row``) and the count below."""
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search)
        self.search_label = QLabel(QCoreApplication.translate("PersonListPage", "Su&chen:"))
        self.search_label.setBuddy(self.search_edit)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.tool_row = QHBoxLayout()
        self.tool_row.addWidget(self.search_label)
        self.tool_row.addWidget(self.search_edit, 1)

    def _build_people_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("peopleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the editor: keyboard-only use
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt's default indicator is descending
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _build_people_splitter(self, editor: PersonEditor) -> None:
        """The list with its search line on the left, the editor on the right."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.tool_row)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("peopleSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.right = QWidget()
        self.right_layout = QVBoxLayout(self.right)
        self.right_layout.setContentsMargins(6, 0, 0, 0)
        self.right_layout.addWidget(editor)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    def _install_row_actions(self) -> None:
        #: the page's own row actions (buttons or QActions) for the list's right-click menu; double click edits
        self.row_entries: list[Entry] = []
        self.edit_action = action(self, QCoreApplication.translate("PersonListPage", "Bearbeiten"),
                                  self.focus_editor, "editPerson")
        self.row_actions = install_row_actions(self.table, lambda: self.row_entries, open_action=self.edit_action)

    # -- hooks for subclasses ------------------------------------------------------------------------------

    def fetch_rows(self, session: Any) -> list[Any]:
        raise NotImplementedError

    def fetch_values(self, row_id: uuid.UUID) -> dict[str, Any] | None:
        """The editable values of a stored row (None when it is gone)."""
        raise NotImplementedError

    def heading_for(self, values: Mapping[str, Any]) -> str:
        parts = (values.get("academic_title"), values.get("first_name"), values.get("last_name"))
        return " ".join(p for p in parts if p)

    def save_existing(self, row_id: uuid.UUID, changes: dict[str, Any]) -> bool:
        raise NotImplementedError

    def save_new(self, values: dict[str, Any]) -> uuid.UUID | None:
        return None

    def count_text(self, shown: int, total: int) -> str:
        raise NotImplementedError

    def on_shown(self, row_id: uuid.UUID | None) -> None:
        """Called after the editor shows another row (or none)."""

    def on_selection(self) -> None:
        """Called when the selected rows change (e.g. to enable actions for several rows)."""

    # -- the page protocol (docs/ui-workspace-contract.md) --------------------------------------------------

    def reload(self) -> None:
        self._reload_pending = False
        self._stale = False
        if not self.ctx.is_ready:
            return
        self._loaded = True
        rows = self.ctx.read(self.fetch_rows)
        with self._guarded():
            self.model.set_rows(rows)
            if self._current_id is not None:
                self._select_id(self._current_id)
        self._update_count()
        if self.editor.is_new:
            return
        if self._current_id is not None:
            if self.editor.is_dirty():
                return  # another change arrived while the coordinator edits: keep the edits
            if self.model.row_of(self._current_id) is None and not self._still_stored(self._current_id):
                self._current_id = None
        if self._current_id is None and self.model.rowCount() > 0:
            self._select_row(0)
            self._show(self.model.row_at(0).id)
        else:
            self._show(self._current_id)

    def has_unsaved_changes(self) -> bool:
        return self.editor.is_dirty()

    def save_changes(self) -> bool:
        if not self.editor.is_dirty():
            return True
        if not self.editor.is_valid():
            self.editor.focus_first_problem()
            return False
        if self.editor.is_new:
            new_id = self.save_new(self.editor.values())
            if new_id is None:
                return False
            self.editor.accept_current()
            self._current_id, self._id_before_new = new_id, None
        else:
            if self._current_id is None or not self.save_existing(self._current_id, self.editor.changes()):
                return False
            self.editor.accept_current()
        self.reload()
        return True

    def discard_changes(self) -> None:
        self._leave_new_mode()
        self._show(self._current_id)
        if self._current_id is not None:
            with self._guarded():
                self._select_id(self._current_id)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def delete_selected(self) -> None:
        """The Del key; pages that can delete override this."""

    def focus_editor(self) -> None:
        """Double click / Bearbeiten: the cursor into the editor's first field."""
        widget = self.editor.nextInFocusChain()
        while widget is not None and widget is not self.editor and self.editor.isAncestorOf(widget):
            if widget.isEnabled() and widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_person(self, row_id: uuid.UUID) -> bool:
        """Show this person (e.g. from a registrant table), clearing a search that hides them; False when the
        coordinator stayed with unsaved changes or the person is not listed."""
        if self.ctx.is_ready and not self._loaded:
            self.reload()
        if self.model.row_of(row_id) is None and self._still_stored(row_id):
            self.search_edit.clear()
        if self._current_id == row_id:
            return True
        return self.select_id(row_id)

    # -- selection and editor ------------------------------------------------------------------------------

    @property
    def current_id(self) -> uuid.UUID | None:
        return self._current_id

    def select_id(self, row_id: uuid.UUID) -> bool:
        """Show this row in the editor as if the coordinator clicked it (asks about unsaved changes)."""
        row = self.model.row_of(row_id)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        return self._current_id == row_id

    def selected_rows(self) -> list[Any]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def confirm_leave(self) -> bool:
        """True when the editor may show something else (saved, discarded, or nothing to lose)."""
        if not self.editor.is_dirty():
            return True
        answer = person_forms.ask_unsaved_changes(self)  # looked up at call time: tests replace it
        if answer == "save":
            return self.save_changes()
        if answer == "discard":
            self._leave_new_mode()
            self._show(self._current_id)
            return True
        return False

    def begin_new(self, heading: str, defaults: Mapping[str, Any] | None = None) -> bool:
        """An empty editor for a person not stored yet (``save_new`` stores it); False when the coordinator
        chose to stay with unsaved changes."""
        if not self.confirm_leave():
            return False
        self._id_before_new = self._current_id
        self._current_id = None
        with self._guarded():
            self.table.selectionModel().clear()
        self.editor.start_new(heading, defaults)
        self.on_shown(None)
        return True

    def _leave_new_mode(self) -> None:
        if self.editor.is_new:
            self.editor.load(None)
            self._current_id, self._id_before_new = self._id_before_new, None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._guard:
            return
        new_id = self.model.row_at(current.row()).id if current.isValid() else None
        if new_id is None or new_id == self._current_id:
            return  # a cleared selection (search, reset) keeps the person in the editor
        if self.editor.is_dirty():
            if not self.confirm_leave():
                # the view applies its own selection after this signal (mouse press): put ours back afterwards
                QTimer.singleShot(0, self._restore_selection)
                return
            if self.table.currentIndex() != current:  # a save reloaded the list: select the chosen row again
                with self._guarded():
                    self._select_id(new_id)
                QTimer.singleShot(0, self._restore_selection)
        self._show(new_id)

    def _restore_selection(self) -> None:
        """Select the row shown in the editor unless it is selected already (with others: multi-selection)."""
        if self._current_id is None:
            return
        row = self.model.row_of(self._current_id)
        selected = {i.row() for i in self.table.selectionModel().selectedRows()}
        if row is not None and (row not in selected or self.table.currentIndex().row() != row):
            with self._guarded():
                self._select_row(row)

    def _on_selection_changed(self, *_args: object) -> None:
        self.on_selection()

    def _show(self, row_id: uuid.UUID | None) -> None:
        self._current_id = row_id
        values = self.fetch_values(row_id) if row_id is not None else None
        if values is None:
            self._current_id = None
            self.editor.load(None)
        else:
            self.editor.load(values, self.heading_for(values))
        self.on_shown(self._current_id)

    def _still_stored(self, row_id: uuid.UUID) -> bool:
        return any(getattr(r, "id", None) == row_id for r in self.model.all_rows())

    def _select_id(self, row_id: uuid.UUID) -> None:
        row = self.model.row_of(row_id)
        if row is None:
            self.table.selectionModel().clear()
        else:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        with self._guarded():
            self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """Selection changes made by the page itself (not by the coordinator) must not ask or reload."""
        self._guard += 1
        try:
            yield
        finally:
            self._guard -= 1

    # -- search and counts ---------------------------------------------------------------------------------

    def _on_search(self, text: str) -> None:
        with self._guarded():
            self.model.set_filter(text)
            if self._current_id is not None:
                self._select_id(self._current_id)
        self._update_count()
        self._follow_search()

    def _follow_search(self) -> None:
        """The editor never shows a person the search hides: the first one shown takes over (nobody when the
        search finds no one). Unsaved edits (or a new person) keep the editor as it is."""
        if self.editor.is_new or self.editor.is_dirty():
            return
        if self._current_id is not None and self.model.row_of(self._current_id) is not None:
            return
        if self.model.rowCount() > 0:
            self._select_row(0)
            self._show(self.model.row_at(0).id)
        elif self._current_id is not None:
            self._show(None)

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text(self.model.rowCount(), len(self.model.all_rows())))

    # -- change notifications ------------------------------------------------------------------------------

    def _on_context_changed(self, kinds: object) -> None:
        if not isinstance(kinds, tuple | list | set | frozenset) or not set(kinds) & set(self.KINDS):
            return
        self._schedule_reload()

    def _on_ready(self) -> None:
        self._schedule_reload()

    def _schedule_reload(self) -> None:
        if not self.isVisible():
            self._stale = True  # reloaded when shown
            return
        if not self._reload_pending:
            self._reload_pending = True
            QTimer.singleShot(0, self._reload_if_pending)

    def _reload_if_pending(self) -> None:
        if self._reload_pending:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_show()
        if self.ctx.is_ready and (self._stale or not self._loaded):
            self.reload()

    def first_show(self) -> None:
        """Sizes that depend on the real width: the editor keeps what its form needs, the list the rest."""
        editor_width = max(self.editor.sizeHint().width(), 440)
        self.splitter.setSizes([max(self.width() - editor_width, 360), editor_width])
