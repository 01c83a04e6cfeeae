"""The coordinator's workspace: navigation between the pages, menus, toolbar, status bar, undo, close prompt.

The window is built and painted before the database opens (``AppContext.ready`` comes later), so nothing here
imports SQLAlchemy at module level; pages load their data once the context is ready. Exports, imports, mail
and sync are reached through the menus and act on the event open in "Veranstaltungen".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QSplitter, QStackedWidget, QWidget

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.settings import (
    LANGUAGE,
    WINDOW_EVENT_LIST_HIDDEN,
    WINDOW_GEOMETRY,
    WINDOW_LAST_EVENT,
    WINDOW_PAGE,
    Settings,
)
from odn_desktop.ui.infra import context
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.infra.file_drops import FileDrops
from odn_desktop.ui.infra.resources import app_icon, icon
from odn_desktop.ui.infra.settings import app_settings, as_settings

from . import screen_fit

if TYPE_CHECKING:
    import uuid

    from odn_desktop.exchange.ics_calendar import Organizer
    from odn_desktop.paths import AppPaths
    from odn_desktop.ui.dialogs.attendance_options import AttendanceOptions
    from odn_desktop.ui.infra.settings import AnySettings
    from odn_desktop.ui.pages.events_page import EventsPage

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
Answer = Literal["save", "discard", "cancel"]

# WORKAROUND: PySide6 builds the Python enums of the whole ``Qt`` namespace (~95 enum types, ~12 ms) the first
# time anything uses it, which would be a tenth of the time to the first paint. Until the window has painted,
# nothing here touches ``Qt``: the three properties below are set by value (a test checks the values against
# the enums), shortcuts go through ``setShortcuts([...])`` (``setShortcut``'s overload check uses ``Qt.Key``),
# and dialogs, the sync actions and their status label are imported when needed or after the first paint.
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter
TEXT_BESIDE_ICON = 2  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon
WIDGET_WITH_CHILDREN_SHORTCUT = 3  # Qt.ShortcutContext.WidgetWithChildrenShortcut


class Page(Protocol):
    def reload(self) -> None: ...
    def has_unsaved_changes(self) -> bool: ...
    def save_changes(self) -> bool: ...
    def discard_changes(self) -> None: ...
    def focus_search(self) -> None: ...
    def delete_selected(self) -> None: ...


# -- dialogs tests replace ---------------------------------------------------------------------------------


def ask_unsaved_changes(parent: QWidget | None) -> Answer:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, translate("Workspace", "Ungespeicherte Änderungen"),
                      translate("Workspace", "Es gibt ungespeicherte Änderungen. Vor dem Beenden speichern?"),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def choose_save_path(parent: QWidget | None, kind: str, title: str, suggestion: str, filter_text: str) -> Path | None:
    """The save dialog for a file of ``kind``, in the folder last used for it (``file_dialogs``)."""
    from odn_desktop.ui.infra.file_dialogs import save_path

    return save_path(parent, kind, suggestion, filter_text, title=title)


def choose_directory(parent: QWidget | None, kind: str, title: str, subfolder: str = "") -> Path | None:
    """A folder for files of ``kind``; with ``subfolder`` the files go into that new folder inside it."""
    from odn_desktop.ui.infra.file_dialogs import folder_path

    return folder_path(parent, kind, title=title, subfolder=subfolder)


def ask_include_link(parent: QWidget | None) -> bool | None:
    """Whether the public calendar file carries the access link (it is private: default no); None: cancelled."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent, translate("Workspace", "Kalenderdatei"),
        translate("Workspace", "Soll der Zugangslink in die Kalenderdatei?\n\nDie Datei ist für Website und Newsletter "
                  "gedacht; der Link geht sonst nur mit den persönlichen Einladungen an die Angemeldeten."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.No)
    if answer == QMessageBox.StandardButton.Cancel:
        return None
    return answer == QMessageBox.StandardButton.Yes


def ask_list_options(parent: QWidget | None, settings: Settings, rounds: int, signature: bool,
                     pdf: bool = False) -> AttendanceOptions | None:
    """The participant list's options (columns, empty rows, one list per round), remembered; None: cancelled."""
    from odn_desktop.ui.dialogs.attendance_options import ask_attendance_options

    return ask_attendance_options(parent, settings, rounds=rounds, signature=signature, pdf=pdf)


def edit_settings_dialog(parent: QWidget | None, values: dict[str, str]) -> dict[str, str] | None:
    """The settings dialog (language, the coordinator's name and address); the changed values, or None."""
    from odn_desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(values, parent)
    return dialog.values() if dialog.exec() else None


# -- the window --------------------------------------------------------------------------------------------

PAGES: tuple[tuple[str, str, str], ...] = (
    # key, German title, icon
    ("overview", "Übersicht", "overview"),
    ("events", "Veranstaltungen", "events"),
    ("speakers", "Referent:innen", "speakers"),
    ("contacts", "Kontakte", "contacts"),
    ("registrations", "Alle Anmeldungen", "registrations"),
    ("wishes", "Themenwünsche", "wishes"),
    ("report", "Auswertung", "report"),
)

# Only for pyside6-lupdate: the page titles (navigation: "Workspace", view menu: "WorkspaceWindow") and the action
# texts of _build_actions reach translate()/tr() through variables, which lupdate cannot follow.
_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("Workspace", "Übersicht"),
    QT_TRANSLATE_NOOP("Workspace", "Veranstaltungen"),
    QT_TRANSLATE_NOOP("Workspace", "Referent:innen"),
    QT_TRANSLATE_NOOP("Workspace", "Kontakte"),
    QT_TRANSLATE_NOOP("Workspace", "Alle Anmeldungen"),
    QT_TRANSLATE_NOOP("Workspace", "Themenwünsche"),
    QT_TRANSLATE_NOOP("Workspace", "Auswertung"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Übersicht"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Veranstaltungen"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Referent:innen"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Kontakte"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Alle Anmeldungen"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Themenwünsche"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Auswertung"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "&Neue Veranstaltung"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "&Speichern"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "&Beenden"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "&Suchen"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "&Löschen"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "&Einstellungen …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Über &odn-desktop"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "&Handbuch"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Anwesenheitsliste (Excel) …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Anmeldungen (Excel) …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Kalenderdatei (ICS) …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Persönliche Einladungen (ICS) …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Teilnehmendenliste als PDF …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Teilnehmendenliste &drucken …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Anmeldungen importieren (CSV/Excel) …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Teilnahme importieren (Zoom/Teams) …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "E-Mails an Angemeldete …"),
    QT_TRANSLATE_NOOP("WorkspaceWindow", "Datenschutz …"),
)


class WorkspaceWindow(QMainWindow):
    def __init__(self, ctx: AppContext, paths: AppPaths | None = None, settings: AnySettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkspaceWindow")
        self.ctx = ctx
        self.paths = paths
        self._settings = None if settings is None else as_settings(settings)
        self._icons: list[tuple[QAction | QListWidgetItem, str]] = []  # re-set when the palette changes
        self._after_paint: Callable[[], None] | None = None
        self._fitted = False  # fit_window once more when first shown (the frame is known then)
        self.setWindowIcon(app_icon())
        self._set_title()
        self.pages: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("Navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self._build_pages()
        # the navigation as wide as its longest entry: on a laptop's screen the pages get the rest
        nav_width = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 12
        self.nav.setMaximumWidth(nav_width + 40)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([nav_width, 1300])
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._on_nav)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._restore_state()
        ctx.ready.connect(self._on_ready)
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # a registration list or attendance report dropped on the window: its import for the open event
        self.file_drops = FileDrops(self, self, ctx, lambda _drop: self.events_page().current_event_id())

    # -- construction --------------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        """Navigation entries now; each page is built when first shown (start-up paints sooner)."""
        for key, title, icon_name in PAGES:
            holder = QLabel(self.tr("Lade …"))
            holder.setProperty("alignment", ALIGN_CENTER)
            holder.setObjectName(f"placeholder-{key}")
            self.stack.addWidget(holder)
            item = QListWidgetItem(icon(icon_name), translate("Workspace", title), self.nav)
            self._icons.append((item, icon_name))

    def _make_page(self, key: str) -> QWidget:
        if key == "overview":
            from odn_desktop.ui.pages.dashboard_page import DashboardPage

            page: QWidget = DashboardPage(self.ctx)
            page.open_event_requested.connect(self.open_event)  # type: ignore[attr-defined]
        elif key == "events":
            from odn_desktop.ui.pages.events_page import EventsPage

            page = EventsPage(self.ctx)
            page.open_contact_requested.connect(self.open_contact)
        elif key == "speakers":
            from odn_desktop.ui.pages.speakers_page import SpeakersPage

            page = SpeakersPage(self.ctx)
        elif key == "contacts":
            from odn_desktop.ui.pages.contacts_page import ContactsPage

            page = ContactsPage(self.ctx)
            page.open_event_requested.connect(self.open_event)
        elif key == "wishes":
            from odn_desktop.ui.pages.wishes_page import WishesPage

            page = WishesPage(self.ctx)
        elif key == "report":
            from odn_desktop.ui.pages.report_page import ReportPage

            page = ReportPage(self.ctx)
        else:
            from odn_desktop.ui.pages.all_registrations_page import AllRegistrationsPage

            page = AllRegistrationsPage(self.ctx)
            page.open_event_requested.connect(self.open_event)
            page.open_contact_requested.connect(self.open_contact)
        return page

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            index = [k for k, _, _ in PAGES].index(key)
            page = self._make_page(key)
            if self.ctx.is_ready:  # loaded before it is shown: a page that loads itself on show has nothing to do
                page.reload()  # type: ignore[attr-defined]
            if key == "events" and self.settings().get(WINDOW_EVENT_LIST_HIDDEN):
                page.set_list_visible(False)  # type: ignore[attr-defined]  # hidden when the window last closed
            holder = self.stack.widget(index)
            shown = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            if holder is not None:
                self.stack.removeWidget(holder)  # moves the stack to another page when the holder was shown ...
                holder.deleteLater()
            self.stack.setCurrentIndex(shown)  # ... so show the one that was shown (now the page itself)
            self.pages[key] = page
        return self.pages[key]

    def _set_icon(self, target: QAction, name: str) -> None:
        target.setIcon(icon(name))
        self._icons.append((target, name))

    def _refresh_icons(self) -> None:
        """The system switched to (or from) dark mode while the program runs: the icons are asked for again, in
        the colours of the new palette (``resources.icon``). Hooked up in ``_add_after_first_paint``."""
        for target, name in self._icons:
            target.setIcon(icon(name))

    def _action(self, text: str, slot: Callable[[], Any],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                icon_name: str | None = None) -> QAction:
        action = QAction(self.tr(text), self)
        if shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])
        if icon_name:
            self._set_icon(action, icon_name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_event_action = self._action("&Neue Veranstaltung", self.new_event, QKeySequence.StandardKey.New,
                                             "new")
        self.save_action = self._action("&Speichern", self.save_current, QKeySequence.StandardKey.Save, "save")
        self.quit_action = self._action("&Beenden", self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Rückgängig"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self._set_icon(self.undo_action, "undo")
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Wiederherstellen"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self._set_icon(self.redo_action, "redo")
        self.find_action = self._action("&Suchen", self.focus_search, QKeySequence.StandardKey.Find, "search")
        self.delete_action = self._action("&Löschen", self.delete_selected, QKeySequence.StandardKey.Delete,
                                          "delete")
        self.delete_action.setProperty("shortcutContext", WIDGET_WITH_CHILDREN_SHORTCUT)
        self.stack.addAction(self.delete_action)
        self.page_actions = []
        for n, (key, title, icon_name) in enumerate(PAGES, start=1):
            self.page_actions.append(self._action(title, self._page_opener(key), f"Ctrl+{n}", icon_name))
        self.settings_action = self._action("&Einstellungen …", self.edit_settings)
        self.about_action = self._action("Über &odn-desktop", self.show_about_dialog)
        self.export_actions = [
            self._action("Anwesenheitsliste (Excel) …", self.export_attendance, None, "export"),
            self._action("Anmeldungen (Excel) …", self.export_registrants),
            self._action("Kalenderdatei (ICS) …", self.export_calendar),
            self._action("Persönliche Einladungen (ICS) …", self.export_invitations),
            self._action("Teilnehmendenliste als PDF …", self.export_pdf),
        ]
        self.print_action = self._action("Teilnehmendenliste &drucken …", self.print_list,
                                         QKeySequence.StandardKey.Print)
        self.import_actions = [
            self._action("Anmeldungen importieren (CSV/Excel) …", self.import_registrations),
            self._action("Teilnahme importieren (Zoom/Teams) …", self.import_attendance),
        ]
        self.mail_action = self._action("E-Mails an Angemeldete …", self.open_mail)
        self.privacy_action = self._action("Datenschutz …", self.open_privacy)

    def _page_opener(self, key: str) -> Callable[[], None]:
        return lambda: self.show_page(key)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Datei"))
        file_menu.addAction(self.new_event_action)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        import_menu = file_menu.addMenu(self.tr("&Importieren"))
        for action in self.import_actions:
            import_menu.addAction(action)
        export_menu = file_menu.addMenu(self.tr("&Exportieren"))
        for action in self.export_actions:
            export_menu.addAction(action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu  # "Sicherung wiederherstellen …" etc. come after the first paint
        edit_menu = bar.addMenu(self.tr("&Bearbeiten"))
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.delete_action)
        view_menu = bar.addMenu(self.tr("&Ansicht"))
        for action in self.page_actions:
            view_menu.addAction(action)
        self.extras_menu = extras = bar.addMenu(self.tr("E&xtras"))
        self.sync_actions: list[QAction] = []  # added after the first paint (_add_after_first_paint)
        extras.addAction(self.mail_action)
        extras.addAction(self.privacy_action)
        extras.addSeparator()
        extras.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("&Hilfe"))
        self.manual_action = self._action("&Handbuch", self.show_manual, "F1")  # ui/manual_dialog.py
        help_menu.addAction(self.manual_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = toolbar = self.addToolBar(self.tr("Werkzeuge"))
        toolbar.setObjectName("MainToolbar")
        toolbar.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
        for action in (self.new_event_action, self.save_action, self.undo_action, self.redo_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_actions[0])

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self.sync_label: QLabel | None = None  # added after the first paint (_add_after_first_paint)
        self.statusBar().showMessage(self.tr("Datenbank wird geöffnet …"))

    def _add_after_first_paint(self) -> None:
        """What the first paint need not wait for, once: "Synchronisieren" and friends (Extras menu, toolbar), the
        sync note in the status bar, the backup actions of the Datei menu, the icons' palette hook."""
        if self.sync_label is not None:
            return
        from .backup_ui import add_backup_actions

        self.backup_actions = add_backup_actions(self, self.file_menu)
        from odn_desktop.ui.dialogs.sync_ui import SyncStatusLabel, make_sync_actions

        self.sync_actions = make_sync_actions(self, self.ctx)
        first = self.extras_menu.actions()[0]
        self.extras_menu.insertActions(first, self.sync_actions)
        self.extras_menu.insertSeparator(first)
        self._set_icon(self.sync_actions[0], "sync")
        self.toolbar.addAction(self.sync_actions[0])
        self.sync_label = SyncStatusLabel(self.ctx)
        self.statusBar().addPermanentWidget(self.sync_label)
        from odn_desktop.ui.infra import theme

        theme.on_palette_change(self, self._refresh_icons)

    def _set_title(self) -> None:
        name = self.ctx.db.path.name if self.ctx.db is not None else (
            self.paths.database.name if self.paths is not None else "")
        self.setWindowTitle(self.tr("odn-desktop – {name}").format(name=name) if name else "odn-desktop")

    # -- settings ------------------------------------------------------------------------------------------

    def settings(self) -> Settings:
        return self._settings if self._settings is not None else app_settings()

    def _restore_state(self) -> None:
        settings = self.settings()
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry and self.restoreGeometry(QByteArray(geometry)):
            if not (self.isMaximized() or self.isFullScreen()):
                screen_fit.fit_window(self)  # saved on a larger (or a second, now missing) screen
        else:
            self._set_default_geometry()
        page = settings.get(WINDOW_PAGE)
        self.show_page(page if page in {k for k, _, _ in PAGES} else "overview")

    def _set_default_geometry(self) -> None:
        """A first start: 1500×900 where that fits, maximized on a laptop (1366×768, 1280×720) with a normal
        size of 95 % of the free area to return to."""
        free = screen_fit.available_geometry(self)
        self.setGeometry(screen_fit.default_rect(free))
        if screen_fit.opens_maximized(free):
            screen_fit.open_maximized(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # the window system's frame may be known now: keep it on the screen as well
            self._fitted = True
            if not (self.isMaximized() or self.isFullScreen()):
                screen_fit.fit_window(self)

    def _save_state(self) -> None:
        settings = self.settings()
        settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        settings.set(WINDOW_PAGE, self.current_page_key())
        if "events" in self.pages:
            event_id = self.events_page().current_event_id()
            settings.set(WINDOW_LAST_EVENT, "" if event_id is None else str(event_id))
            settings.set(WINDOW_EVENT_LIST_HIDDEN, not self.events_page().list_visible())
        settings.sync()

    # -- pages ---------------------------------------------------------------------------------------------

    def current_page_key(self) -> str:
        return PAGES[max(0, self.stack.currentIndex())][0]

    def current_page(self) -> Page:
        return self.page(self.current_page_key())  # type: ignore[return-value]

    def events_page(self) -> EventsPage:
        return self.page("events")  # type: ignore[return-value]

    def show_page(self, key: str) -> None:
        keys = [k for k, _, _ in PAGES]
        self.nav.setCurrentRow(keys.index(key))

    def _on_nav(self, row: int) -> None:
        if row >= 0:
            if self.ctx.is_ready:  # before the database is open the placeholder shows; pages come with it
                self.page(PAGES[row][0])
            self.stack.setCurrentIndex(row)

    def open_event(self, event_id: uuid.UUID, tab: str = "details") -> None:
        self.show_page("events")
        self.events_page().open_event(event_id, tab)

    def open_contact(self, contact_id: uuid.UUID) -> None:
        """A registrant's contact in Kontakte (double click in a registrant table)."""
        from odn_desktop.ui.pages.contacts_page import ContactsPage

        self.show_page("contacts")
        page = self.page("contacts")
        if isinstance(page, ContactsPage):
            page.show_person(contact_id)

    # -- start-up ------------------------------------------------------------------------------------------

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window has painted for the first time (the database opens then)."""
        self._after_paint = callback

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        callback, self._after_paint = self._after_paint, None
        if callback is not None:  # first: the first page's rows (``fill_first_page``) come before the extras
            QTimer.singleShot(0, callback)
        if self.sync_label is None:
            QTimer.singleShot(0, self._add_after_first_paint)

    def fill_first_page(self, database: Path) -> bool:
        """Before the database is open: the overview, when it is the page shown, read with plain sqlite3
        (``DashboardPage.fill_at_start``); False when the page shown is another or that read failed."""
        if self.ctx.is_ready or self.current_page_key() != "overview":
            return False
        page = self.page("overview")
        self.stack.setCurrentWidget(page)
        if not page.fill_at_start(database):  # type: ignore[attr-defined]
            return False
        page.repaint()  # on the screen now, before the database layer loads (a few hundred ms of a busy thread)
        return True

    def _on_ready(self) -> None:
        QTimer.singleShot(0, self._add_after_first_paint)  # (there already when the window has painted) after the page
        self._set_title()
        assert self.ctx.db is not None
        self.db_label.setText(self.tr("Datenbank: {path}").format(path=self.ctx.db.path))
        self.statusBar().clearMessage()
        built_before = dict(self.pages)
        self.page(self.current_page_key())  # built now that there is data to show (and loaded by page())
        for page in built_before.values():
            if page.isVisible():
                page.reload()  # type: ignore[attr-defined]
        last = self.settings().get(WINDOW_LAST_EVENT)
        if last and self.current_page_key() == "events":
            import uuid

            try:
                self.events_page().open_event(uuid.UUID(last), "details")
            except (ValueError, UserError):
                log.info("last opened event %s is gone", last)

    # -- actions -------------------------------------------------------------------------------------------

    def new_event(self) -> None:
        self.show_page("events")
        self.events_page().new_event()

    def save_current(self) -> None:
        self.current_page().save_changes()

    def focus_search(self) -> None:
        self.current_page().focus_search()

    def delete_selected(self) -> None:
        self.current_page().delete_selected()

    def _event_for_action(self) -> uuid.UUID | None:
        event_id = self.events_page().current_event_id()
        if event_id is None:
            context.show_user_error(self, self.tr("Bitte wählen Sie zuerst unter „Veranstaltungen“ eine "
                                                  "Veranstaltung aus."))
        return event_id

    def _export(self, job: Callable[[Any], Any]) -> None:
        from odn_desktop.store.database import transaction
        from odn_desktop.ui.infra.worker import run_in_background

        db = self.ctx.db
        assert db is not None

        def work() -> Any:
            with transaction(db.sessions) as session:
                return job(session)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                context.show_user_error(self, exc.message)
            else:
                raise exc

        self.statusBar().showMessage(self.tr("Export läuft …"))
        run_in_background(work, lambda result: self.ctx.status_message.emit(result.message), failed)

    def export_attendance(self) -> None:
        from odn_desktop.services import exports

        event_id = self._event_for_action()
        options = self._list_options(event_id) if event_id else None
        path = options and choose_save_path(
            self, "attendance_sheet", self.tr("Anwesenheitsliste speichern"),
            self._file_name(event_id, "attendance_sheet", ".xlsx"), self.tr("Excel-Arbeitsmappe (*.xlsx)"))
        if event_id and options and path:
            self._export(lambda s: exports.export_attendance_sheet(
                s, event_id, path, columns=options.columns, blank_rows=options.blank_rows,
                per_round=options.per_round))

    def _list_options(self, event_id: uuid.UUID, pdf: bool = False) -> AttendanceOptions | None:
        """The list's options, asked with what the event has (rounds, format); None: cancelled."""
        from odn_desktop.exchange.attendance_sheet import SIGNED_FORMATS
        from odn_desktop.services.events import get_event
        from odn_desktop.services.exports import round_titles

        facts = self.ctx.try_read(lambda s: (len(round_titles(s, event_id)), get_event(s, event_id).format), self)
        if facts is None:
            return None
        rounds, event_format = facts
        return ask_list_options(self, self.settings(), rounds, event_format in SIGNED_FORMATS, pdf)

    def _file_name(self, event_id: uuid.UUID | None, kind: str, suffix: str) -> str:
        """"2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx" for the event (``file_dialogs``)."""
        from odn_desktop.ui.infra.file_dialogs import event_file_name, suggested_name

        return event_file_name(self.ctx, event_id, kind, suffix) if event_id else suggested_name(kind, suffix=suffix)

    def export_registrants(self) -> None:
        from odn_desktop.services import exports

        event_id = self._event_for_action()
        path = event_id and choose_save_path(self, "registrants", self.tr("Anmeldungen speichern"),
                                             self._file_name(event_id, "registrants", ".xlsx"),
                                             self.tr("Excel-Arbeitsmappe (*.xlsx)"))
        if event_id and path:
            self._export(lambda s: exports.export_registrants(s, event_id, path))

    def export_calendar(self) -> None:
        from odn_desktop.services import exports

        event_id = self._event_for_action()
        organizer = self._organizer() if event_id else None  # read here: the export runs on a worker thread
        path = organizer and choose_save_path(self, "calendar", self.tr("Kalenderdatei speichern"),
                                              self._file_name(event_id, "calendar", ".ics"),
                                              self.tr("Kalenderdatei (*.ics)"))
        if not (event_id and path):
            return
        from odn_desktop.services.events import get_event

        has_link = self.ctx.try_read(lambda s: bool(get_event(s, event_id).online_url), self)
        if has_link is None:
            return
        with_link = ask_include_link(self) if has_link else False  # no link yet: nothing to ask
        if with_link is not None:
            self._export(lambda s: exports.export_event_calendar(s, event_id, path, with_link=with_link,
                                                                 organizer=organizer))

    def export_invitations(self) -> None:
        from odn_desktop.services import exports

        event_id = self._event_for_action()
        organizer = self._organizer() if event_id else None  # read here: the export runs on a worker thread
        folder = organizer and choose_directory(self, "invitations", self.tr("Ordner für die Einladungen"),
                                                self._file_name(event_id, "invitations", ""))
        if event_id and folder:
            self._export(lambda s: exports.export_invitations(s, event_id, folder, organizer=organizer))

    def export_pdf(self) -> None:
        from odn_desktop.services import exports
        from odn_desktop.ui.pdf.participant_list import save_participant_list_pdf

        event_id = self._event_for_action()
        options = self._list_options(event_id, pdf=True) if event_id else None
        path = options and choose_save_path(
            self, "participant_pdf", self.tr("Teilnehmendenliste als PDF"),
            self._file_name(event_id, "participant_pdf", ".pdf"), self.tr("PDF (*.pdf)"))
        if not (event_id and options and path):
            return
        sheet = self.ctx.try_read(lambda s: exports.attendance_sheet(
            s, event_id, columns=options.columns, blank_rows=options.blank_rows, per_round=options.per_round), self)
        if sheet is not None:
            pages = save_participant_list_pdf(sheet, path)
            self.ctx.status_message.emit(self.tr("PDF gespeichert ({pages} Seiten): {path}").format(
                pages=pages, path=path))

    def print_list(self) -> None:
        from odn_desktop.services import exports
        from odn_desktop.ui.dialogs.print_preview import show_print_preview

        event_id = self._event_for_action()
        if event_id is None:
            return
        sheet = self.ctx.try_read(lambda s: exports.attendance_sheet(s, event_id), self)
        if sheet is not None:
            show_print_preview(self, sheet)

    def import_registrations(self) -> None:
        from odn_desktop.ui.dialogs.import_mapping_dialog import import_registrations

        event_id = self._event_for_action()
        if event_id is not None:
            import_registrations(self, self.ctx, event_id)

    def import_attendance(self) -> None:
        from odn_desktop.ui.dialogs.attendance_dialog import import_attendance_interactive

        event_id = self._event_for_action()
        if event_id is not None:
            import_attendance_interactive(self, self.ctx, event_id)

    def open_mail(self) -> None:
        from odn_desktop.ui.dialogs.mail_ui import open_mail_dialog

        event_id = self._event_for_action()
        if event_id is not None:
            open_mail_dialog(self, self.ctx, event_id)

    def open_privacy(self) -> None:
        from odn_desktop.ui.dialogs.privacy_dialog import open_privacy_dialog

        open_privacy_dialog(self, self.ctx)

    def edit_settings(self) -> None:
        from odn_desktop.ui.dialogs import organizer_settings

        from .language import current_language

        settings = self.settings()
        current = {"language": current_language(settings),
                   "name": organizer_settings.saved_name(settings), "email": organizer_settings.saved_email(settings)}
        chosen = edit_settings_dialog(self, current)
        if chosen is None:
            return
        organizer_settings.save(chosen["name"], chosen["email"], settings)
        if chosen["language"] != current["language"]:
            settings.set(LANGUAGE, chosen["language"])
            self.ctx.status_message.emit(self.tr("Die Sprache wird beim nächsten Start umgestellt."))
        else:
            self.ctx.status_message.emit(self.tr("Einstellungen gespeichert."))

    def _organizer(self) -> Organizer | None:
        """The coordinator as ORGANIZER of exported calendar files: saved, else asked for once with the settings
        dialog; None when cancelled (then nothing is exported)."""
        from odn_desktop.ui.dialogs.organizer_settings import organizer_or_ask

        return organizer_or_ask(self, self.settings())

    def show_manual(self) -> None:
        from odn_desktop.ui.dialogs.manual_dialog import show_manual

        show_manual(self)

    def show_about_dialog(self) -> None:
        from .backup_ui import show_about_details

        show_about_details(self, self.ctx, self.paths)

    # -- closing -------------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        dirty = [p for p in self.pages.values() if p.has_unsaved_changes()]  # type: ignore[attr-defined]
        if dirty:
            answer = ask_unsaved_changes(self)
            if answer == "cancel":
                event.ignore()
                return
            for page in dirty:
                if answer == "save" and not page.save_changes():  # type: ignore[attr-defined]
                    event.ignore()
                    return
                if answer == "discard":
                    page.discard_changes()  # type: ignore[attr-defined]
        self._save_state()
        super().closeEvent(event)

