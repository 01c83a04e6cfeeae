"""The first main window: the events of the open database in a sortable, searchable table.

Rows are read once when the window is first shown (a few hundred events take milliseconds); loading in the
background and the full workspace come later. Dialogs go through module-level functions tests can replace.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop import __version__
from odn_desktop.paths import AppPaths
from odn_desktop.services.events import list_event_rows
from odn_desktop.services.rows import EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

from .events_model import Column, EventsFilterProxy, EventsTableModel

log = logging.getLogger(__name__)

SETTINGS_GROUP = "MainWindow"
DEFAULT_SIZE = (1440, 720)
#: Long texts are elided beyond these widths after the one-time resize to contents (full text in the tooltip).
MAX_COLUMN_WIDTHS = {Column.TITLE: 320, Column.SERIES: 180}


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        paths: AppPaths | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.paths = paths
        self._settings = settings
        self._loaded = False
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("odn-desktop – {name}").format(name=Path(db.path).name))

        self.model = EventsTableModel(parent=self)
        self.proxy = EventsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Titel, Reihe, Ort oder Referent:in …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_changed)
        search_label = QLabel(self.tr("&Suchen:"))
        search_label.setBuddy(self.search_edit)

        self.table = QTableView()
        self.table.setObjectName("eventsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setStretchLastSection(True)

        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.path_label = QLabel(self.tr("Datenbank: {path}").format(path=db.path))
        self.path_label.setObjectName("pathLabel")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.path_label)

        self._build_menus()
        self._restore_geometry()

    # -- setup ---------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Datei"))
        self.quit_action = QAction(self.tr("&Beenden"), self)
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        self.find_action = QAction(self.tr("Suchen"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.addAction(self.find_action)

        help_menu = self.menuBar().addMenu(self.tr("&Hilfe"))
        self.about_action = QAction(self.tr("Ü&ber odn-desktop"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about_dialog)
        help_menu.addAction(self.about_action)

    def _settings_store(self) -> QSettings:
        return self._settings if self._settings is not None else QSettings()

    def _restore_geometry(self) -> None:
        settings = self._settings_store()
        geometry = settings.value(f"{SETTINGS_GROUP}/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            width, height = DEFAULT_SIZE
            screen = self.screen()
            if screen is not None:  # small laptop screens: never larger than 90 % of what is available
                available = screen.availableGeometry()
                width, height = min(width, available.width() * 9 // 10), min(height, available.height() * 9 // 10)
            self.resize(width, height)

    def _save_geometry(self) -> None:
        settings = self._settings_store()
        settings.setValue(f"{SETTINGS_GROUP}/geometry", self.saveGeometry())
        settings.sync()

    # -- data ----------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the events again (one short transaction) and show them."""
        with transaction(self.db.sessions) as session:
            rows = list_event_rows(session)
        self.model.set_rows(rows)
        first = not self._loaded
        self._loaded = True
        if first:
            self._fit_columns()
        self._update_count()
        log.info("%d events loaded from %s", len(rows), self.db.path)

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for column, limit in MAX_COLUMN_WIDTHS.items():
            if self.table.columnWidth(column) > limit:
                self.table.setColumnWidth(column, limit)

    def selected_event(self) -> EventRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]))

    def visible_rows(self) -> list[EventRow]:
        """The rows as the table shows them now (filtered and sorted)."""
        return [self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0, QModelIndex())))
                for r in range(self.proxy.rowCount())]

    def _count_text(self) -> str:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if total == 0:
            return self.tr("Noch keine Veranstaltungen. (Demodaten: odn-desktop --demo)")
        noun = self.tr("Veranstaltung") if total == 1 else self.tr("Veranstaltungen")
        if shown == total:
            return f"{total} {noun}"
        return self.tr("{shown} von {total} {noun}").format(shown=shown, total=total, noun=noun)

    def _update_count(self) -> None:
        self.count_label.setText(self._count_text())

    # -- slots ---------------------------------------------------------------------------------------------

    @Slot(str)
    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    @Slot()
    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot()
    def show_about_dialog(self) -> None:
        lines = [
            self.tr("odn-desktop {version}").format(version=__version__),
            self.tr("Koordination der Open-Data-Netzwerktreffen."),
            "",
            self.tr("Datenbank: {path}").format(path=self.db.path),
        ]
        if self.paths is not None:
            lines.append(self.tr("Protokolle: {path}").format(path=self.paths.log_dir))
            lines.append(self.tr("Sicherungen: {path}").format(path=self.paths.backup_dir))
        show_about(self, self.tr("Über odn-desktop"), "\n".join(lines))

    # -- Qt overrides --------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_geometry()
        super().closeEvent(event)
