"""The event editor: one event in tabs (Details, Programm, Referent:innen, Runden, Anmeldungen, Aufgaben, Raumplan).

The editor only shows and edits the event it is given (``set_event``); choosing an event, and asking about
unsaved changes before switching, is the events page's job. Each tab reloads itself when ``ctx.changed``
carries a kind it shows; the Details tab keeps unsaved edits across such reloads.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from odn_desktop.domain.deadlines import MEETING_STATE_LABELS

from .agenda_tab import AgendaTab
from .details_tab import DetailsTab
from .event_speakers_tab import EventSpeakersTab
from .labels import label
from .room_plan_tab import RoomPlanTab
from .rounds_tab import RoundsTab
from .tasks_tab import TasksTab

if TYPE_CHECKING:
    from odn_desktop.ui.infra.context import AppContext

log = logging.getLogger(__name__)

TAB_NAMES = ("details", "agenda", "speakers", "rounds", "registrations", "tasks", "rooms")
#: which kinds of change each tab shows
TAB_KINDS: dict[str, frozenset[str]] = {
    "details": frozenset({"events"}),
    "agenda": frozenset({"agenda", "events", "speakers"}),
    "speakers": frozenset({"speakers", "agenda"}),
    "rounds": frozenset({"events", "registrations"}),
    "tasks": frozenset({"tasks", "events"}),
    "rooms": frozenset({"events", "registrations", "speakers", "contacts"}),
}
#: a tab needing more width than this scrolls horizontally (the editor shares the page with the event list)
SCROLL_FROM_WIDTH = 600
HEADING_STYLE = "font-size: 13pt; font-weight: bold;"

__all__ = ["TAB_NAMES", "AgendaTab", "DetailsTab", "EventEditor", "EventSpeakersTab", "RoomPlanTab", "RoundsTab",
           "TasksTab"]


class EventEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._event_id: uuid.UUID | None = None
        self._registrations_event: uuid.UUID | None = None
        self._title = ""

        self.heading = QLabel(self)
        self.heading.setObjectName("eventHeading")
        self.heading.setStyleSheet(HEADING_STYLE)
        self.heading.setWordWrap(True)
        self.state_label = QLabel(self)  # what the lists show too: "Anmeldung offen", "Beendet", …
        self.state_label.setObjectName("eventState")
        self.empty_hint = QLabel(self.tr("Links eine Veranstaltung wählen oder mit „Neu“ eine anlegen."), self)
        self.announce_button = QPushButton(self.tr("Ankündigung …"), self)
        self.announce_button.setObjectName("announceButton")
        self.announce_button.setToolTip(self.tr(
            "Öffentliche Ankündigung für Website oder Newsletter: Vorschau, kopieren, speichern (ohne Zugangslink)"))
        self.announce_button.clicked.connect(self.show_announcement)
        self.certificates_button = QPushButton(self.tr("Teilnahmebescheinigungen …"), self)
        self.certificates_button.setObjectName("certificatesButton")
        self.certificates_button.setToolTip(self.tr(
            "Wer eine Teilnahmebescheinigung erhält und warum; als PDF speichern, drucken oder per E-Mail senden"))
        self.certificates_button.clicked.connect(self.show_certificates)

        self.details = DetailsTab(ctx, self)
        self.agenda = AgendaTab(ctx, self)
        self.speakers = EventSpeakersTab(ctx, self)
        self.rounds = RoundsTab(ctx, self)
        self.registrations = self._make_registrations_tab()
        self.tasks = TasksTab(ctx, self)
        self.room_plan = RoomPlanTab(ctx, self)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("eventTabs")
        self.tabs.addTab(self.details, self.tr("Details"))
        self.tabs.addTab(self.agenda, self.tr("Programm"))
        self.tabs.addTab(self.speakers, self.tr("Referent:innen"))
        self.tabs.addTab(self.rounds, self.tr("Runden"))
        self.tabs.addTab(self._scrollable(self.registrations), self.tr("Anmeldungen"))
        self.tabs.addTab(self.tasks, self.tr("Aufgaben"))
        self.tabs.addTab(self.room_plan, self.tr("Raumplan"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._add_tab_keys()
        self.details.dirty_changed.connect(self._on_dirty_changed)
        self.details.title_edited.connect(self._on_title_edited)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.state_label)
        header.addWidget(self.announce_button)
        header.addWidget(self.certificates_button)
        layout.addLayout(header)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tabs, 1)
        ctx.changed.connect(self._on_changed)
        self._show_empty(True)

    def _add_tab_keys(self) -> None:
        """Strg+Tab / Strg+Bild↓ to the next tab, Strg+Umschalt+Tab / Strg+Bild↑ to the previous one, wherever the
        focus is in the editor: a date field keeps Strg+Tab to itself (Qt's QDateTimeEdit), so the tab widget
        alone would not switch from the Details tab's dates."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QShortcut

        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step_tab(step))

    def _step_tab(self, step: int) -> None:
        from PySide6.QtCore import Qt

        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        self.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)  # Tab goes on into the page

    def _make_registrations_tab(self) -> QWidget:
        try:
            from odn_desktop.ui.pages.registrations_tab import RegistrationsTab
        except ImportError:
            log.info("registrations tab not available yet", exc_info=True)
            placeholder = QLabel(self.tr("Die Anmeldungen dieser Veranstaltung erscheinen hier."), self)
            placeholder.setObjectName("registrationsPlaceholder")
            return placeholder
        tab: QWidget = RegistrationsTab(self.ctx, self)
        return tab

    def _scrollable(self, widget: QWidget) -> QWidget:
        """A page that needs more width than the editor may have scrolls instead of squeezing the event list."""
        if widget.minimumSizeHint().width() <= SCROLL_FROM_WIDTH:
            return widget
        area = QScrollArea(self)
        area.setObjectName("registrationsScroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    # -- which event, which tab ----------------------------------------------------------------------------

    @property
    def event_id(self) -> uuid.UUID | None:
        return self._event_id

    def set_event(self, event_id: uuid.UUID | None) -> None:
        """Show ``event_id`` (None: nothing); unsaved details of the previous event are dropped."""
        self._event_id = event_id
        self._show_empty(event_id is None)
        self.details.set_event(event_id)
        self.agenda.set_event(event_id)
        self.speakers.set_event(event_id)
        self.rounds.set_event(event_id)
        self.tasks.set_event(event_id)
        self.room_plan.set_event(event_id)
        self._registrations_event = None
        if self.current_tab_name() == "registrations":
            self._load_registrations()
        self._title = self.details.ui.titleEdit.text() if event_id is not None else ""
        self._update_heading()

    def _show_empty(self, empty: bool) -> None:
        self.tabs.setVisible(not empty)
        self.heading.setVisible(not empty)
        self.state_label.setVisible(not empty)
        self.announce_button.setVisible(not empty)
        self.certificates_button.setVisible(not empty)
        self.empty_hint.setVisible(empty)

    def _load_registrations(self) -> None:
        """The registrant table can be large: it loads when its tab is shown, not with every event switch."""
        if self._registrations_event == self._event_id:
            return
        self._registrations_event = self._event_id
        set_event = getattr(self.registrations, "set_event", None)
        if set_event is not None:
            set_event(self._event_id)

    def show_announcement(self) -> None:
        """The event's public announcement (preview, copy, save); unsaved details are not in it yet."""
        from odn_desktop.ui.dialogs.announcement_dialog import show_announcement

        if self._event_id is not None:
            show_announcement(self, self.ctx, self._event_id, unsaved_details=self.details.has_unsaved_changes())

    def show_certificates(self) -> None:
        """Who gets a certificate of attendance, and making them (``ui.dialogs.certificates_dialog``)."""
        from odn_desktop.ui.dialogs.certificates_dialog import show_certificates

        if self._event_id is not None:
            show_certificates(self, self.ctx, self._event_id)

    def tab_widget(self, name: str) -> QWidget:
        widget = self.tabs.widget(TAB_NAMES.index(name))
        assert widget is not None
        return widget

    def show_tab(self, name: str) -> None:
        if name not in TAB_NAMES:
            raise ValueError(f"unknown tab {name!r}; known: {', '.join(TAB_NAMES)}")
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    def current_tab_name(self) -> str:
        index = self.tabs.currentIndex()
        return TAB_NAMES[index] if 0 <= index < len(TAB_NAMES) else "details"

    def _on_tab_changed(self, _index: int) -> None:
        if self.current_tab_name() == "registrations":
            self._load_registrations()

    # -- reloading -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read every tab (the Details tab keeps unsaved edits)."""
        self._reload_tabs(frozenset().union(*TAB_KINDS.values()))

    def _on_changed(self, kinds: object) -> None:
        if self._event_id is None or not self.ctx.is_ready:
            return
        changed = frozenset(kinds if isinstance(kinds, tuple | list | set | frozenset) else ())
        if "events" in changed and not self._event_still_exists():
            # deleted, or its creation undone: close it quietly (no tab reports the missing event); the
            # events page then shows the neighbour in the list
            self.set_event(None)
            return
        self._reload_tabs(changed)

    def _event_still_exists(self) -> bool:
        from odn_desktop.services.events import event_exists

        event_id = self._event_id
        return event_id is not None and self.ctx.read(lambda s: event_exists(s, event_id))

    def _reload_tabs(self, kinds: frozenset[str]) -> None:
        if self._event_id is None:
            return
        if kinds & TAB_KINDS["details"]:
            self.details.reload()
            if not self.details.has_unsaved_changes():
                self._title = self.details.ui.titleEdit.text()
            self._update_heading()
        if kinds & TAB_KINDS["agenda"]:
            self.agenda.reload()
        if kinds & TAB_KINDS["speakers"]:
            self.speakers.reload()
        if kinds & TAB_KINDS["rounds"]:
            self.rounds.reload()
        if kinds & TAB_KINDS["tasks"]:
            self.tasks.reload()
        if kinds & TAB_KINDS["rooms"]:
            self.room_plan.reload()

    # -- the details' unsaved changes ------------------------------------------------------------------------

    def _on_dirty_changed(self, dirty: bool) -> None:
        self.tabs.setTabText(0, self.tr("Details •") if dirty else self.tr("Details"))
        self._update_heading()

    def _on_title_edited(self, title: str) -> None:
        self._title = title
        self._update_heading()

    def _update_heading(self) -> None:
        state = self.details.stored_state()
        self.state_label.setText("" if state is None else label(MEETING_STATE_LABELS[state]))
        title = self._title.strip() or self.tr("(ohne Titel)")
        if self.details.has_unsaved_changes():
            title += " " + self.tr("(ungespeichert)")
        self.heading.setText(title)

    def has_unsaved_changes(self) -> bool:
        return self._event_id is not None and self.details.has_unsaved_changes()

    def save_changes(self) -> bool:
        return self.details.save_changes()

    def discard_changes(self) -> None:
        self.details.discard_changes()

    def delete_selected(self, focus: QWidget | None) -> bool:
        """Del while ``focus`` is in a tab's table removes the selected row there; True when a tab took it."""
        if focus is None:
            return False
        for tab in (self.agenda, self.speakers, self.rounds, self.tasks):
            if focus is tab.view or tab.view.isAncestorOf(focus):
                tab.delete_selected()
                return True
        delete = getattr(self.registrations, "delete_selected", None)
        if delete is not None and self.registrations.isAncestorOf(focus):
            delete()
            return True
        return False

    def focus_search(self, focus: QWidget | None) -> bool:
        """Ctrl+F inside the registrant table searches there; True when it took the key."""
        search = getattr(self.registrations, "focus_search", None)
        if search is not None and focus is not None and self.registrations.isAncestorOf(focus):
            search()
            return True
        return False
