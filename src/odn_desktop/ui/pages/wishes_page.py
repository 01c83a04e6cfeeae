"""Themenwünsche: the topic wishes of a series, grouped by similarity, with counts, who asked and their state.

The coordinator merges groups that are one topic („Zusammenführen“), takes a wish out into a group of its own
(„Herauslösen“), renames a group, and plans a topic for a meeting of the series („Für Treffen einplanen …“: an
agenda item there). „Neu gruppieren“ places again every wish the coordinator has not placed by hand. Each is one
undoable command (``services.wishes``); the tree shows frozen rows (``services.wish_rows``).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.ui.dialogs import wish_plan_dialog
from odn_desktop.ui.infra.table_actions import install_row_actions
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.models.wish_tree_model import ID_ROLE, WishTreeModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.wish_rows import SeriesChoice, WishGroupRow, WishRow
    from odn_desktop.ui.infra.context import AppContext

#: data a change of wishes touches: planning adds an agenda item to an event
WISH_KINDS = ("wishes", "agenda", "events")


def ask_group_title(parent: QWidget | None, current: str) -> str | None:
    """The new title of a group (``None``: cancelled). Replaced in tests."""
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("WishesPage", "Gruppe umbenennen"),
                                    QCoreApplication.translate("WishesPage", "Neuer &Titel:"),
                                    QLineEdit.EchoMode.Normal, current)
    return text if ok else None


class WishesPage(QWidget):
    KINDS = ("wishes", "agenda", "events", "registrations", "contacts")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WishesPage")
        self.ctx = ctx
        self._series: list[SeriesChoice] = []
        self._series_id: uuid.UUID | None = None
        self._series_known = False
        self._expanded: set[uuid.UUID] = set()  # groups open in the tree (all closed at first: the overview)
        self._loaded = self._stale = self._reload_pending = False

        top = self._build_filter_row()
        actions = self._build_action_buttons()
        self._build_tree()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)
        self._set_tab_order()

        ctx.changed.connect(self._on_context_changed)
        ctx.ready.connect(self._schedule_reload)
        self._update_actions()

    def _build_filter_row(self) -> QHBoxLayout:
        """The series shown and the search."""
        self.series_combo = QComboBox()
        self.series_combo.setObjectName("seriesCombo")
        self.series_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.series_combo.currentIndexChanged.connect(self._on_series)
        series_label = QLabel(self.tr("&Reihe:"))
        series_label.setBuddy(self.series_combo)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Thema, Wunsch oder Organisation …"))
        self.search_edit.textChanged.connect(self._on_search)
        search_label = QLabel(self.tr("Su&chen:"))
        search_label.setBuddy(self.search_edit)
        top = QHBoxLayout()
        top.addWidget(series_label)
        top.addWidget(self.series_combo)
        top.addSpacing(12)
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        return top

    def _build_action_buttons(self) -> QHBoxLayout:
        """Merge, split, rename, plan, mark as treated (also in the tree's right-click menu); regroup."""
        self.merge_button = self._button("mergeButton", self.tr("&Zusammenführen"),
                                         self.tr("Die markierten Gruppen zu einer zusammenführen (sie behält den "
                                                 "Titel der größten); rückgängig mit Strg+Z"), self.merge_selected)
        self.split_button = self._button("splitButton", self.tr("Heraus&lösen"),
                                         self.tr("Den markierten Wunsch in eine eigene Gruppe lösen"),
                                         self.split_selected)
        self.rename_button = self._button("renameButton", self.tr("&Umbenennen …"),
                                          self.tr("Der markierten Gruppe einen neuen Titel geben"),
                                          self.rename_selected)
        self.plan_button = self._button("planButton", self.tr("Für Treffen &einplanen …"),
                                        self.tr("Die markierte Gruppe als Programmpunkt in ein Treffen der Reihe "
                                                "aufnehmen"), self.plan_selected)
        self.treated_button = self._button("treatedButton", self.tr("Als behandelt &markieren"),
                                           self.tr("Das Thema wurde behandelt (auch ohne Einplanung)"),
                                           self.mark_selected_treated)
        self.regroup_button = self._button("regroupButton", self.tr("&Neu gruppieren"),
                                           self.tr("Alle Wünsche, die nicht von Hand zugeordnet wurden, neu nach "
                                                   "Ähnlichkeit ordnen; Zusammengeführtes, Herausgelöstes und "
                                                   "Eingeplantes bleibt"), self.regroup)
        actions = QHBoxLayout()
        for button in (self.merge_button, self.split_button, self.rename_button, self.plan_button,
                       self.treated_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.regroup_button)
        return actions

    def _build_tree(self) -> None:
        """The groups of wishes (closed at first) and the count below."""
        self.model = WishTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("wishTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Themenwünsche nach Gruppen"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 60), (2, 230), (3, 330)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.tree.selectionModel().selectionChanged.connect(self._update_actions)
        install_row_actions(self.tree, [self.merge_button, self.split_button, self.rename_button, self.plan_button,
                                        self.treated_button])
        self.tree.collapsed.connect(lambda index: self._remember(index, expanded=False))
        self.tree.expanded.connect(lambda index: self._remember(index, expanded=True))
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

    def _set_tab_order(self) -> None:
        for first, second in ((self.series_combo, self.search_edit), (self.search_edit, self.merge_button),
                              (self.merge_button, self.split_button), (self.split_button, self.rename_button),
                              (self.rename_button, self.plan_button), (self.plan_button, self.treated_button),
                              (self.treated_button, self.regroup_button), (self.regroup_button, self.tree)):
            QWidget.setTabOrder(first, second)

    def _button(self, name: str, text: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- the page protocol ---------------------------------------------------------------------------------

    def reload(self) -> None:
        self._reload_pending = self._stale = False
        if not self.ctx.is_ready:
            return
        self._loaded = True
        from odn_desktop.services.wish_rows import list_wish_groups, wish_series

        selected = self._selected_ids()
        self._series = self.ctx.read(wish_series)
        if not self._series_known or self._series_id not in {s.id for s in self._series}:
            candidates = [s for s in self._series if s.wishes] or self._series
            self._series_id = candidates[0].id if candidates else None
            self._series_known = True
        self._fill_series_combo()
        series_id = self._series_id
        rows = self.ctx.read(lambda s: list_wish_groups(s, [series_id]))
        self.model.set_rows(rows)
        self._expand()
        self._select(selected)
        self._update_count()
        self._update_actions()

    def has_unsaved_changes(self) -> bool:
        return False

    def save_changes(self) -> bool:
        return True

    def discard_changes(self) -> None:
        """Nothing to discard: every change is saved at once (and undoable)."""

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def delete_selected(self) -> None:
        """Wishes are not deleted here (only through data protection); nothing to do."""

    # -- selection -----------------------------------------------------------------------------------------

    def selected_groups(self) -> list[WishGroupRow]:
        rows = self.tree.selectionModel().selectedRows(0)
        return [g for i in rows if i.internalId() == 0 and (g := self.model.group_at(i)) is not None]

    def selected_wishes(self) -> list[WishRow]:
        rows = self.tree.selectionModel().selectedRows(0)
        return [w for i in rows if (w := self.model.wish_at(i)) is not None]

    def _selected_ids(self) -> list[uuid.UUID]:
        return [i.data(ID_ROLE) for i in self.tree.selectionModel().selectedRows(0) if i.data(ID_ROLE) is not None]

    def select_ids(self, ids: list[uuid.UUID]) -> None:
        self._select(ids)

    def _select(self, ids: list[uuid.UUID]) -> None:
        selection = self.tree.selectionModel()
        selection.clearSelection()
        first = True
        for row_id in ids:
            index = self.model.group_index(row_id)
            if not index.isValid():
                index = self.model.wish_index(row_id)
            if not index.isValid():
                continue
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            if first:
                selection.setCurrentIndex(index, flags)
                first = False
            else:
                selection.select(index, flags)

    def _update_actions(self, *_args: object) -> None:
        groups = [g for g in self.selected_groups() if g.id is not None]
        wishes = self.selected_wishes()
        single = groups[0] if len(groups) == 1 and not wishes else None
        self.merge_button.setEnabled(len(groups) >= 2 and not wishes)
        self.split_button.setEnabled(len(wishes) == 1 and not groups and self._splittable(wishes[0]))
        self.rename_button.setEnabled(single is not None)
        self.plan_button.setEnabled(single is not None and single.state == "open")
        self.treated_button.setEnabled(single is not None and single.state != "treated")
        self.regroup_button.setEnabled(bool(self.model.all_groups()))

    def _splittable(self, wish: WishRow) -> bool:
        group = self.model.group_at(self.model.wish_index(wish.id))
        return group is not None and (group.id is None or group.count > 1)

    # -- commands ------------------------------------------------------------------------------------------

    def _push(self, text: str, do: Any, undo: Any, select: list[uuid.UUID] | None = None) -> bool:
        done = self.ctx.push(ServiceCommand(self.ctx, text, do=do, undo=undo, kinds=WISH_KINDS), self)
        if done:
            self.reload()
            if select:
                self._select(select)
        return done

    def merge_selected(self) -> None:
        from odn_desktop.services import wishes

        groups = sorted((g for g in self.selected_groups() if g.id is not None), key=lambda g: -g.count)
        if len(groups) < 2:
            return
        keep = groups[0]
        keep_id = keep.id
        assert keep_id is not None
        others = [g.id for g in groups[1:] if g.id is not None]

        def do(session: Session) -> list[wishes.Merge]:
            return [wishes.merge_groups(session, keep_id, other) for other in others]

        def undo(session: Session, merges: list[wishes.Merge]) -> None:
            for merge in reversed(merges):
                wishes.unmerge_groups(session, merge)

        text = self.tr("Themen zu „{title}“ zusammenführen").format(title=keep.title)
        if self._push(text, do, undo, [keep_id]):
            self.tree.expand(self.model.group_index(keep_id))
            self.ctx.status_message.emit(self.tr("Zusammengeführt – rückgängig mit Strg+Z."))

    def split_selected(self) -> None:
        from odn_desktop.services import wishes

        selected = self.selected_wishes()
        if len(selected) != 1:
            return
        wish = selected[0]
        text = self.tr("Wunsch „{text}“ herauslösen").format(text=wishes.group_title(wish.text or "…"))
        done: list[wishes.Split] = []

        def do(session: Session) -> wishes.Split:
            split = wishes.split_wish(session, wish.id)
            done[:] = [split]
            return split

        if self._push(text, do, wishes.unsplit_wish) and done:
            self._select([done[0].new_group_id])

    def rename_selected(self) -> None:
        from odn_desktop.services import wishes

        groups = self.selected_groups()
        if len(groups) != 1 or groups[0].id is None:
            return
        group_id, old = groups[0].id, groups[0].title
        title = ask_group_title(self, old)
        if title is None or " ".join(title.split()) == old:
            return
        text = self.tr("Gruppe „{old}“ umbenennen").format(old=old)
        self._push(text, lambda s: wishes.rename_group(s, group_id, title), wishes.restore_group_state, [group_id])

    def plan_selected(self) -> None:
        from odn_desktop.services import wishes
        from odn_desktop.services.wish_rows import plan_candidates

        groups = self.selected_groups()
        if len(groups) != 1 or groups[0].id is None:
            return
        group = groups[0]
        group_id = group.id
        assert group_id is not None
        meetings = self.ctx.read(lambda s: plan_candidates(s, group.series_id))
        if not meetings:
            from odn_desktop.ui.infra.context import show_user_error

            show_user_error(self, self.tr("Die Reihe hat kein kommendes Treffen. Bitte zuerst eines anlegen "
                                          "(z. B. „Duplizieren als nächstes Treffen“)."))
            return
        choice = wish_plan_dialog.ask_plan(self, group.title, meetings)
        if choice is None:
            return
        text = self.tr("„{title}“ für ein Treffen einplanen").format(title=group.title)
        if self._push(text, lambda s: wishes.plan_group(s, group_id, choice.event_id, kind=choice.kind,
                                                         duration_minutes=choice.minutes),
                      wishes.unplan_group, [group_id]):
            meeting = next(m for m in meetings if m.id == choice.event_id)
            self.ctx.status_message.emit(self.tr("„{title}“ steht jetzt im Programm von „{meeting}“.").format(
                title=group.title, meeting=meeting.title))

    def mark_selected_treated(self) -> None:
        from odn_desktop.services import wishes

        groups = self.selected_groups()
        if len(groups) != 1 or groups[0].id is None:
            return
        group_id = groups[0].id
        text = self.tr("„{title}“ als behandelt markieren").format(title=groups[0].title)
        self._push(text, lambda s: wishes.mark_treated(s, group_id), wishes.restore_group_state, [group_id])

    def regroup(self) -> None:
        from odn_desktop.services import wishes

        series_id = self._series_id
        self._push(self.tr("Themenwünsche neu gruppieren"),
                   lambda s: wishes.regroup(s, series_id, rebuild=True), wishes.undo_regroup)

    # -- series, search, counts ----------------------------------------------------------------------------

    def _fill_series_combo(self) -> None:
        self.series_combo.blockSignals(True)
        try:
            self.series_combo.clear()
            for choice in self._series:
                title = choice.title or self.tr("Treffen ohne Reihe")
                count = self.tr("%n Wünsche", "", choice.wishes)
                self.series_combo.addItem(f"{title} ({count})" if choice.wishes else title, choice.id)
            position = next((n for n, c in enumerate(self._series) if c.id == self._series_id), -1)
            self.series_combo.setCurrentIndex(position)
        finally:
            self.series_combo.blockSignals(False)

    def select_series(self, series_id: uuid.UUID | None) -> None:
        self._series_id, self._series_known = series_id, True
        self.reload()

    def _on_series(self, position: int) -> None:
        if 0 <= position < len(self._series):
            self.select_series(self._series[position].id)

    def _on_search(self, text: str) -> None:
        selected = self._selected_ids()
        self.model.set_filter(text)
        self._expand()
        self._select(selected)
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        groups = self.model.groups()
        wishes = sum(g.count for g in groups)
        text = self.tr("%n Themen", "", len(groups)) + " · " + self.tr("%n Wünsche", "", wishes)
        if not self.model.all_groups():
            text = self.tr("Noch keine Themenwünsche in dieser Reihe. Sie kommen aus dem Import einer Umfrage "
                           "(Spalte „Themenwünsche“) oder mit „odn-desktop wishes add“.")
        self.count_label.setText(text)

    def _expand(self) -> None:
        """After a reset: the groups that were open, and every group a search narrows the list to."""
        searching = bool(self.search_edit.text().strip())
        for position, group in enumerate(self.model.groups()):
            if searching or group.id in self._expanded:
                self.tree.expand(self.model.index(position, 0))

    def _remember(self, index: QModelIndex, *, expanded: bool) -> None:
        group = self.model.group_at(index)
        if group is None or group.id is None or self.search_edit.text().strip():
            return
        if expanded:
            self._expanded.add(group.id)
        else:
            self._expanded.discard(group.id)

    # -- change notifications ------------------------------------------------------------------------------

    def _on_context_changed(self, kinds: object) -> None:
        if isinstance(kinds, tuple | list | set | frozenset) and set(kinds) & set(self.KINDS):
            self._schedule_reload()

    def _schedule_reload(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        if not self._reload_pending:
            self._reload_pending = True
            QTimer.singleShot(0, lambda: self.reload() if self._reload_pending else None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.ctx.is_ready and (self._stale or not self._loaded):
            self.reload()
