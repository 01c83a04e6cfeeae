""""Alle Anmeldungen": every registration of every event in one searchable table (100,000 rows and more).

Loading never blocks the window. A worker (``ui.infra.worker.run_in_background``, its own session) first reads the
registrations of the newest events (whole events, about ``FIRST_CHUNK`` rows: visible within a fraction of a
second), then everything; the complete list, with its search index built on the worker too, replaces the first
rows without anything moving (it starts with the same rows). Until the first rows arrive the page says
"Lade …"; while the rest loads, the count says so. A page that is not visible only notes that it is stale and
reloads when it is shown. Search, status and round filter are those of the event's tab (rounds by title, since
they belong to different events; the filter and the "Runde" column appear once some registration has a round);
a double click (or Enter) opens the registration's event (``open_event_requested``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from odn_desktop.domain.errors import UserError
from odn_desktop.ui.infra import context
from odn_desktop.ui.infra.table_actions import action, install_row_actions
from odn_desktop.ui.infra.worker import run_in_background
from odn_desktop.ui.models.registrations_columns import (
    registration_columns,
    round_column,
    setup_registration_table,
    text_key,
)
from odn_desktop.ui.models.snapshot_model import SearchIndex, SnapshotTableModel
from odn_desktop.ui.pages.registrations_tab import (
    NO_ROUND,
    STATUS_FILTERS,
    both,
    fill_round_filter,
    round_predicate,
    status_filter_label,
    status_predicate,
)

if TYPE_CHECKING:
    from odn_desktop.services.rows import EventRegistrationRow
    from odn_desktop.store.open import Database
    from odn_desktop.ui.infra.context import AppContext

KINDS = frozenset({"registrations", "contacts", "events"})


@dataclass(frozen=True)
class LoadedRows:
    #: a list (the first rows) or a ``RegistrationTable`` (every row, as columns)
    rows: Sequence[EventRegistrationRow]
    index: SearchIndex | None
    complete: bool
    #: the titles of the rounds in the rows (the "Runde" filter's entries), found on the worker
    round_titles: frozenset[str] = frozenset()


def load_first_rows(db: Database) -> LoadedRows:
    """Worker: the newest events' registrations (the first rows of the complete list)."""
    from odn_desktop.services import registration_views as views
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as session:
        rows = views.newest_registration_rows(session, views.FIRST_CHUNK)
    return LoadedRows(rows, None, complete=False, round_titles=frozenset(r.round for r in rows if r.round))


def load_all_rows(db: Database) -> LoadedRows:
    """Worker: every registration, and the search index over them (from the people's keys: no row is made)."""
    from odn_desktop.services.registration_views import all_registration_rows, collector_paused
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as session:
        rows = all_registration_rows(session)
    # without the letter-pair table (a third of a second at 100,000 rows, the keystroke stays within a frame);
    # its lists and numbers need no cycle collection either
    with collector_paused():
        index = SearchIndex.build(rows.search_keys(), pairs=False)
    return LoadedRows(rows, index, complete=True, round_titles=frozenset(rows.round_titles()))


class AllRegistrationsPage(QWidget):
    #: event id and editor tab, e.g. (uuid, "registrations")
    open_event_requested = Signal(object, str)
    #: "Kontakt öffnen": the registrant's contact id, for the Kontakte page
    open_contact_requested = Signal(object)
    #: the complete list is shown
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AllRegistrationsPage")
        self.ctx = ctx
        self._generation = 0
        self._in_flight = False
        self._again = False
        self._stale = True
        self._complete = False

        self.model: SnapshotTableModel[EventRegistrationRow] = SnapshotTableModel(
            registration_columns(with_event=True), self)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("registrationSearch")
        self.search_edit.setPlaceholderText(self.tr("Name, E-Mail oder Organisation …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search)
        search_label = QLabel(self.tr("&Suche:"))
        search_label.setBuddy(self.search_edit)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        for key, label in STATUS_FILTERS:
            self.status_combo.addItem(status_filter_label(label), key)
        self.status_combo.currentIndexChanged.connect(self._on_status_filter)
        status_label = QLabel(self.tr("S&tatus:"))
        status_label.setBuddy(self.status_combo)
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("roundFilter")
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.round_combo.setMinimumContentsLength(16)
        self.round_combo.currentIndexChanged.connect(self._on_status_filter)
        self.round_filter_label = QLabel(self.tr("&Runde:"))
        self.round_filter_label.setBuddy(self.round_combo)
        self._round_titles: tuple[str, ...] = ()
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        self.table = QTableView()
        self.table.setObjectName("allRegistrationsTable")
        self.table.setAccessibleName(QCoreApplication.translate("Workspace", "Alle Anmeldungen"))  # the page's title
        self.table.setModel(self.model)
        setup_registration_table(self.table, with_event=True)
        self.table.activated.connect(self._on_activated)  # double click or Enter: the event's registrant table
        self.open_event_action = action(self, self.tr("Anmeldungen der Veranstaltung öffnen"),
                                        lambda: self._on_activated(self.table.currentIndex()), "openEvent")
        self.open_contact_action = action(self, self.tr("Kontakt öffnen"), self._open_contact, "openContact")
        install_row_actions(self.table, [self.open_event_action, self.open_contact_action])
        self.loading_label = QLabel(self.tr("Lade …"))
        self.loading_label.setObjectName("loadingLabel")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading_label)
        self.stack.addWidget(self.table)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(status_label)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.round_filter_label)
        filters.addWidget(self.round_combo)
        filters.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        QWidget.setTabOrder(self.search_edit, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.round_combo)
        QWidget.setTabOrder(self.round_combo, self.table)

        ctx.changed.connect(self._on_context_changed)
        ctx.ready.connect(self.reload)
        self._show_round_filter()
        self._update_counts()

    # -- page protocol -------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read in the background (only when visible; a hidden page reloads when it is shown)."""
        if not self.ctx.is_ready:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._start_loading()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def delete_selected(self) -> None:
        """Nothing: registrations are changed in their event's tab (a double click opens it)."""

    def has_unsaved_changes(self) -> bool:
        return False

    def save_changes(self) -> bool:
        return True

    def discard_changes(self) -> None:
        pass

    @property
    def is_loading(self) -> bool:
        return self._in_flight

    @property
    def is_complete(self) -> bool:
        """Whether the complete list is shown (not only the newest events)."""
        return self._complete

    def selected_rows(self) -> list[EventRegistrationRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    # -- loading -------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.ctx.is_ready:
            self._start_loading()

    def _start_loading(self) -> None:
        self._stale = False
        if self._in_flight:
            self._again = True  # one more round when the current one is in
            return
        db = self.ctx.db
        assert db is not None
        self._generation += 1
        generation = self._generation
        self._in_flight = True
        self._update_counts()
        if self.model.total_count() == 0 and not self._complete:
            self.stack.setCurrentWidget(self.loading_label)
            run_in_background(lambda: load_first_rows(db), lambda result: self._arrived(generation, result),
                              self._failed)
        else:
            run_in_background(lambda: load_all_rows(db), lambda result: self._arrived(generation, result),
                              self._failed)

    def _arrived(self, generation: int, result: LoadedRows) -> None:
        if not isValid(self) or generation != self._generation:  # closed meanwhile, or superseded
            return
        self._show_rows(result)
        self.stack.setCurrentWidget(self.table)
        if not result.complete:
            db = self.ctx.db
            assert db is not None
            run_in_background(lambda: load_all_rows(db), lambda more: self._arrived(generation, more), self._failed)
            self._update_counts()
            return
        self._in_flight = False
        self._complete = True
        if self._again:  # something changed while this was read: once more, before saying "loaded"
            self._again = False
            if self.isVisible():
                self._start_loading()
                return
            self._stale = True
        self._update_counts()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self._in_flight = False
        self._again = False
        self.stack.setCurrentWidget(self.table)
        self._update_counts()
        if isinstance(error, UserError):
            context.show_user_error(self, error.message)
            return
        raise error

    def _show_rows(self, result: LoadedRows) -> None:
        """Swap in new rows; selection, current row, scroll position, filter and sort stay."""
        table = self.table
        selected = [r.id for r in self.selected_rows()]
        current = table.currentIndex()
        current_id = self.model.row_at(current.row()).id if current.isValid() else None
        scroll = table.verticalScrollBar().value()
        self.model.set_rows(result.rows, result.index)
        self._show_round_filter(result.round_titles)
        if selected or current_id is not None:
            _select_ids(table, self.model, selected, current_id)
        table.verticalScrollBar().setValue(scroll)

    # -- reactions -----------------------------------------------------------------------------------------

    def _on_context_changed(self, kinds: object) -> None:
        if isinstance(kinds, tuple | list | set | frozenset) and KINDS & set(kinds):
            self.reload()

    def _on_search(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_counts()

    def _on_status_filter(self, _index: int) -> None:
        self.model.set_predicate(both(status_predicate(self.status_combo.currentData() or ""),
                                      round_predicate(self.round_combo.currentData())))
        self._update_counts()

    def _show_round_filter(self, round_titles: frozenset[str] = frozenset()) -> None:
        """The round titles in the rows (German order) as filter entries; filter and column hidden without."""
        titles = tuple(sorted(round_titles, key=text_key))
        has_rounds = bool(titles)
        if titles != self._round_titles:
            self._round_titles = titles
            chosen = self.round_combo.currentData()
            options: list[tuple[str, object]] = [(t, t) for t in titles]
            if titles:
                options.append((self.tr("ohne Runde"), NO_ROUND))
            fill_round_filter(self.round_combo, options)
            if self.round_combo.currentData() != chosen:
                self._on_status_filter(0)
        self.round_filter_label.setVisible(has_rounds)
        self.round_combo.setVisible(has_rounds)
        self.table.setColumnHidden(round_column(with_event=True), not has_rounds)

    def _open_contact(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_contact_requested.emit(self.model.row_at(index.row()).contact_id)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.row_at(index.row())
            self.open_event_requested.emit(row.event_id, "registrations")

    def _update_counts(self) -> None:
        locale = QLocale()
        shown, total = self.model.rowCount(), self.model.total_count()
        if shown == total:
            text = self.tr("{total} Anmeldungen").format(total=locale.toString(total))
        else:
            text = self.tr("{shown} von {total} Anmeldungen").format(shown=locale.toString(shown),
                                                                     total=locale.toString(total))
        if self._in_flight and total:
            more = self.tr("(wird aktualisiert …)") if self._complete else self.tr("(weitere werden geladen …)")
            text += " " + more
        self.count_label.setText(text)


def _select_ids(table: QTableView, model: SnapshotTableModel[Any], ids: list[uuid.UUID],
                current: uuid.UUID | None) -> None:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    selection = QItemSelection()
    last = model.columnCount() - 1
    for row_id in ids:
        row = model.row_of(row_id)
        if row is not None:
            selection.select(model.index(row, 0), model.index(row, last))
    selection_model = table.selectionModel()
    selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                           | QItemSelectionModel.SelectionFlag.Rows)
    row = model.row_of(current) if current is not None else None
    if row is not None:
        selection_model.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
