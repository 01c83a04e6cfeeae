"""The "Anmeldungen" tab of the event editor: registrants of one event, seats at a glance, bulk actions.

The table is a ``SnapshotTableModel`` over ``RegistrationRow`` snapshots (``services.registration_views``:
one Core select, no ORM objects), searchable as you type (German folding: "muller" finds Müller) and
filterable by status and, for an event with parallel rounds, by round. Such an event shows a seat gauge per
round under the seat summary, and a warning while the event or a round holds more seats than its limit.
Every change is one undoable ``ServiceCommand``: the event's seat snapshot is taken
before it and put back on undo. Cancelling a seat holder tells the coordinator who moved up from the waiting
list. Waiting people can be put at the end of the waiting list or on another waiting place. Dialogs are behind
the module functions ``ask_registrant``, ``ask_overbooking`` and ``ask_waiting_place`` (tests replace them).
SQLAlchemy is imported only inside functions: the window paints before it loads.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.seats import SeatCounts, SeatStatus
from odn_desktop.services.rows import RegistrationRow
from odn_desktop.ui.dialogs.add_registrant_dialog import AddRegistrantDialog, NewRegistrant
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.table_actions import install_row_actions
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.models.registrations_columns import (
    CANCELLED,
    REGISTERED,
    WAITING,
    registration_columns,
    round_column,
    setup_registration_table,
)
from odn_desktop.ui.models.snapshot_model import SnapshotTableModel
from odn_desktop.ui.widgets.seat_gauge import Gauge, SeatGaugeWidget, over_limit_text

if TYPE_CHECKING:
    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.registration_views import BulkChange, EventHeader, Registered
    from odn_desktop.services.round_views import RoundsOverview
    from odn_desktop.ui.infra.context import AppContext

#: kinds of ``AppContext.changed`` the tab shows (a contact's name, the event's capacity, the registrations)
KINDS = frozenset({"registrations", "contacts", "events"})

translate = QCoreApplication.translate

#: status filter: (key, label); "attended" is not a status but what the coordinator asks for after the event
STATUS_FILTERS = (
    ("", QT_TRANSLATE_NOOP("RegistrationsTab", "Alle")),
    (REGISTERED, QT_TRANSLATE_NOOP("RegistrationsTab", "Angemeldet")),
    (WAITING, QT_TRANSLATE_NOOP("RegistrationsTab", "Warteliste")),
    (CANCELLED, QT_TRANSLATE_NOOP("RegistrationsTab", "Storniert")),
    ("attended", QT_TRANSLATE_NOOP("RegistrationsTab", "Teilgenommen")),
)

#: the seat summary's colour per seat status (a style sheet built at use time: it follows the palette)
_SEAT_COLOURS = {
    SeatStatus.AVAILABLE: theme.ok_text,
    SeatStatus.FEW: theme.warning_strong_text,
    SeatStatus.FULL: theme.problem_text,
}


def _seat_style(status: SeatStatus) -> str:
    colour = _SEAT_COLOURS.get(status)
    return "" if colour is None else theme.text_style(colour, "600")


def ask_registrant(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID) -> NewRegistrant | None:
    """The add-registrant dialog; None when cancelled. Replaced in tests (a ``ContactInput`` is accepted too)."""
    dialog = AddRegistrantDialog(ctx, event_id, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.value()
        return None
    finally:
        dialog.deleteLater()


def ask_overbooking(parent: QWidget | None, title: str, text: str) -> bool:
    """Whether to give seats beyond the limit. Replaced in tests."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_waiting_place(parent: QWidget | None, name: str, current: int, maximum: int) -> int | None:
    """The new waiting place (1 to ``maximum``) for ``name``; None when cancelled. Replaced in tests."""
    value, ok = QInputDialog.getInt(
        parent, translate("RegistrationsTab", "Wartelistenplatz ändern"),
        translate("RegistrationsTab", "Neuer Wartelistenplatz für {name} (1 bis {maximum}):").format(
            name=name, maximum=maximum),
        current, 1, maximum, 1)
    return value if ok else None


def status_predicate(key: str) -> Callable[[RegistrationRow], bool] | None:
    if not key:
        return None
    if key == "attended":
        return lambda r: r.attended
    return lambda r: r.status == key


def status_filter_label(label: object) -> str:
    return translate("RegistrationsTab", str(label))


#: the round filter's key for "registered without a round"
NO_ROUND = "-"


def round_predicate(key: object) -> Callable[[RegistrationRow], bool] | None:
    """The round filter: ``""``/None all, ``NO_ROUND`` without a round, a round's id, or (over all events) a
    round's title."""
    if key is None or key == "":
        return None
    if key == NO_ROUND:
        return lambda r: r.round_id is None
    if isinstance(key, uuid.UUID):
        return lambda r: r.round_id == key
    return lambda r: r.round == key


def both(first: Callable[[RegistrationRow], bool] | None,
         second: Callable[[RegistrationRow], bool] | None) -> Callable[[RegistrationRow], bool] | None:
    if first is None or second is None:
        return first or second
    return lambda r: first(r) and second(r)


def fill_round_filter(combo: QComboBox, options: list[tuple[str, object]]) -> None:
    """Replace the round filter's entries ("Alle Runden" first), keeping the chosen one when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(translate("RegistrationsTab", "Alle Runden"), "")
    for text, key in options:
        combo.addItem(text, key)
    index = combo.findData(current) if current not in (None, "") else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


def status_text_short(row: RegistrationRow) -> str:
    """Where a moved person ended up: ``Runde A, angemeldet`` or ``Runde A, Warteliste``."""
    where = row.round or translate("RegistrationsTab", "ohne Runde")
    state = (translate("RegistrationsTab", "angemeldet") if row.status == REGISTERED
             else translate("RegistrationsTab", "Warteliste"))
    return f"{where}, {state}"


def seat_summary(seats: SeatCounts) -> str:
    """``28 von 40 Plätzen belegt · 3 auf der Warteliste · 12 frei`` (or "Ausgebucht – …", or unlimited)."""
    waiting = translate("SeatSummary", "{n} auf der Warteliste").format(n=seats.waiting)
    if seats.limit is None:
        registered = translate("SeatSummary", "{n} angemeldet").format(n=seats.registered)
        return " · ".join((registered, translate("SeatSummary", "keine Platzbegrenzung"), waiting))
    taken = translate("SeatSummary", "{registered} von {limit} Plätzen belegt").format(
        registered=seats.registered, limit=seats.limit)
    if not seats.free_seats:
        return translate("SeatSummary", "Ausgebucht") + " – " + " · ".join((taken, waiting))
    return " · ".join((taken, waiting, translate("SeatSummary", "{n} frei").format(n=seats.free_seats)))


class RegistrationsTab(QWidget):
    #: the seat figures after every reload (``SeatCounts``, or None without an event)
    seats_changed = Signal(object)
    #: "Kontakt öffnen" (double click on a registrant): the contact's id, for the Kontakte page
    open_contact_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RegistrationsTab")
        self.ctx = ctx
        self._event_id: uuid.UUID | None = None
        self._header: EventHeader | None = None
        self._seats: SeatCounts | None = None

        self.model: SnapshotTableModel[RegistrationRow] = SnapshotTableModel(registration_columns(), self)
        self._build_summary()
        search_label = self._build_search()
        status_label = self._build_status_filter()
        self._build_round_filter()
        self._build_add_row()
        self._build_table()
        self._build_bulk_actions()
        self._build_row_actions()
        self._build_layout(search_label, status_label)
        self._set_tab_order()
        ctx.changed.connect(self._on_context_changed)
        self._show_event_state()
        self._update_actions()

    def _build_summary(self) -> None:
        """The seat summary and the registration deadline, the tab's top line."""
        self.summary_label = QLabel()
        self.summary_label.setObjectName("seatSummary")
        # the colour follows the seats and the palette; set up before the label gets its text control child (its
        # first wrapping in Python, when keep_style looks through the children, costs 15 ms)
        theme.keep_style(self.summary_label, self._summary_style)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("deadlineLabel")

    def _build_search(self) -> QLabel:
        """The search field; returns its label."""
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("registrationSearch")
        self.search_edit.setPlaceholderText(self.tr("Name, E-Mail oder Organisation …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search)
        search_label = QLabel(self.tr("&Suche:"))
        search_label.setBuddy(self.search_edit)
        return search_label

    def _build_status_filter(self) -> QLabel:
        """The status filter; returns its label."""
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        for key, label in STATUS_FILTERS:
            self.status_combo.addItem(status_filter_label(label), key)
        self.status_combo.currentIndexChanged.connect(self._on_status_filter)
        status_label = QLabel(self.tr("S&tatus:"))
        status_label.setBuddy(self.status_combo)
        return status_label

    def _build_round_filter(self) -> None:
        """The round filter and the rounds' gauges (one wrapping line), what is over its limit below it."""
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("roundFilter")
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.round_combo.setMinimumContentsLength(14)  # long round titles are elided here, whole in the list
        self.round_combo.currentIndexChanged.connect(self._on_status_filter)
        self.round_filter_label = QLabel(self.tr("&Runde:"))
        self.round_filter_label.setBuddy(self.round_combo)
        self._rounds: RoundsOverview | None = None
        # one line under the seat summary: the round filter, then per round "Runde A: [bar] 10/12 · 3 warten"
        # (wrapping in a narrow editor); what is over its limit below it
        self.rounds_box = QWidget()
        self.rounds_box.setObjectName("roundGauges")
        self.rounds_layout = FlowLayout(self.rounds_box)
        self.rounds_layout.setContentsMargins(0, 0, 0, 0)
        filter_box = QWidget()
        filter_line = QHBoxLayout(filter_box)
        filter_line.setContentsMargins(0, 0, 12, 0)
        filter_line.addWidget(self.round_filter_label)
        filter_line.addWidget(self.round_combo)
        self.rounds_layout.addWidget(filter_box)
        self.round_gauges: list[SeatGaugeWidget] = []
        self.over_limit_label = QLabel()
        self.over_limit_label.setObjectName("overLimit")
        self.over_limit_label.setWordWrap(True)
        theme.keep_style(self.over_limit_label, lambda: theme.text_style(theme.problem_text, "600"))

    def _build_add_row(self) -> None:
        """The add button and the count of shown registrations."""
        self.add_button = QPushButton(self.tr("Anmeldung hin&zufügen …"))
        self.add_button.setObjectName("addRegistrant")
        self.add_button.clicked.connect(self.add_registrant)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

    def _build_table(self) -> None:
        """The registrations' table."""
        self.table = QTableView()
        self.table.setObjectName("registrationsTable")
        self.table.setAccessibleName(translate("EventEditor", "Anmeldungen"))  # its tab's title
        self.table.setModel(self.model)
        setup_registration_table(self.table, with_event=False)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

    def _build_bulk_actions(self) -> None:
        """The actions on the selected registrations (buttons, right-click menu)."""
        self.cancel_action = self._action(self.tr("St&ornieren"), self.cancel_selected, "cancelRegistrations")
        self.to_waiting_action = self._action(self.tr("Auf die &Warteliste"), self.move_selected_to_waiting_list,
                                              "moveToWaitingList")
        self.from_waiting_action = self._action(self.tr("Von der Warteliste &nachrücken"),
                                                self.move_selected_from_waiting_list, "moveFromWaitingList")
        self.end_of_queue_action = self._action(self.tr("Ans &Ende der Warteliste"),
                                                self.move_selected_to_end_of_queue, "moveToEndOfQueue")
        self.waiting_place_action = self._action(self.tr("Wartelisten&platz ändern …"),
                                                 self.change_selected_waiting_place, "changeWaitingPlace")
        self.attended_action = self._action(self.tr("Teilnahme &markieren"), lambda: self.set_attendance(True),
                                            "markAttended")
        self.not_attended_action = self._action(self.tr("Teilnahme ent&fernen"), lambda: self.set_attendance(False),
                                                "unmarkAttended")
        self.round_action = self._action(self.tr("In R&unde verschieben …"), self._show_round_menu,
                                         "moveToRound")
        self.round_menu = QMenu(self)
        self.round_menu.setObjectName("roundMenu")
        self.round_action.setMenu(self.round_menu)
        self.mail_action = self._action(self.tr("E-Mai&l an Auswahl …"), self.mail_selected, "mailSelection")
        self.bulk_actions = [self.cancel_action, self.to_waiting_action, self.from_waiting_action,
                             self.end_of_queue_action, self.waiting_place_action, self.attended_action,
                             self.not_attended_action, self.round_action, self.mail_action]

    def _build_row_actions(self) -> None:
        """The table's right-click menu and double click; the selection and count labels' widths."""
        # right-click menu: the bulk actions; double click opens the person in Kontakte
        self.open_contact_action = self._action(self.tr("&Kontakt öffnen"), self.open_selected_contact,
                                                "openContact")
        self.row_actions = install_row_actions(self.table, self._menu_entries, open_action=self.open_contact_action)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        self.selection_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.tr("{n} ausgewählt:")) + 4)
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("999 von 999 Anmeldungen") + 8)

    def _build_layout(self, search_label: QLabel, status_label: QLabel) -> None:
        """Summary, rounds, filter row, table, bulk button row."""
        self.summary_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.deadline_label, 0, Qt.AlignmentFlag.AlignTop)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(status_label)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.add_button)
        bulk = self._build_bulk_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rounds_box)
        layout.addWidget(self.over_limit_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bulk)

    def _build_bulk_buttons(self) -> FlowLayout:
        """Count, selection and a button per bulk action."""
        # count, selection and the bulk buttons wrap onto a second line in a narrow editor
        bulk = FlowLayout()
        bulk.addWidget(self.count_label)
        bulk.addWidget(self.selection_label)
        self.bulk_buttons: list[QPushButton] = []
        for action in self.bulk_actions:
            button = QPushButton(action.text())
            button.setObjectName(action.objectName() + "Button")
            button.setAccessibleName(action.text().replace("&", "").removesuffix(" …"))
            if action is self.round_action:
                button.setMenu(self.round_menu)  # the button opens the list of rounds
            else:
                button.clicked.connect(action.trigger)
            button.setToolTip(action.toolTip())
            action.enabledChanged.connect(button.setEnabled)
            bulk.addWidget(button)
            self.bulk_buttons.append(button)
        return bulk

    def _set_tab_order(self) -> None:
        """Round filter, search, status, add, table, then the bulk buttons."""
        QWidget.setTabOrder(self.round_combo, self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.add_button)
        QWidget.setTabOrder(self.add_button, self.table)
        previous: QWidget = self.table
        for button in self.bulk_buttons:
            QWidget.setTabOrder(previous, button)
            previous = button

    def _action(self, text: str, slot: Callable[[], object], name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- page protocol -------------------------------------------------------------------------------------

    @property
    def event_id(self) -> uuid.UUID | None:
        return self._event_id

    @property
    def seats(self) -> SeatCounts | None:
        return self._seats

    @property
    def rounds(self) -> RoundsOverview | None:
        """The event's rounds with their seats (None without an event)."""
        return self._rounds

    def set_event(self, event_id: uuid.UUID | None) -> None:
        if event_id != self._event_id:
            self._event_id = event_id
            self.search_edit.clear()
            self.status_combo.setCurrentIndex(0)
            self.round_combo.setCurrentIndex(0)
            self.model.set_rows([])
        self.reload()

    def reload(self) -> None:
        """Re-read the event's registrants; the selection, filter and sort stay."""
        from odn_desktop.services.registration_views import load_event_registrations
        from odn_desktop.services.round_views import rounds_overview

        if self._event_id is None or not self.ctx.is_ready:
            self._header, self._seats, self._rounds = None, None, None
            self.model.set_rows([])
            self._show_event_state()
            return
        event_id = self._event_id
        try:
            data, rounds = self.ctx.read(lambda s: (load_event_registrations(s, event_id),
                                                    rounds_overview(s, event_id)))
        except UserError:  # the event was deleted meanwhile; the editor closes it
            self._header, self._seats, self._rounds = None, None, None
            self.model.set_rows([])
            self._show_event_state()
            return
        self._rounds = rounds
        selected = [r.id for r in self.selected_rows()]
        current = self.table.currentIndex()
        current_id = self.model.row_at(current.row()).id if current.isValid() else None
        scroll = self.table.verticalScrollBar().value()
        self._header, self._seats = data.event, data.seats
        self.model.set_rows(data.rows)
        self.select_ids(selected, current_id)
        self.table.verticalScrollBar().setValue(scroll)
        self._show_event_state()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def delete_selected(self) -> None:
        """Del: cancel the selected registrations (undoable; freed seats go to the waiting list)."""
        self.cancel_selected()

    def has_unsaved_changes(self) -> bool:
        return False  # every change is stored (and undoable) at once

    def save_changes(self) -> bool:
        return True

    def discard_changes(self) -> None:
        pass

    # -- selection -----------------------------------------------------------------------------------------

    def selected_rows(self) -> list[RegistrationRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def select_ids(self, ids: list[uuid.UUID], current: uuid.UUID | None = None) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row_id in ids:
            row = self.model.row_of(row_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        model = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        model.select(selection, flags)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            model.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self._update_actions()

    # -- adding --------------------------------------------------------------------------------------------

    def add_registrant(self) -> bool:
        """Ask for a person and register them (undoable); False when cancelled or refused."""
        from odn_desktop.services import registration_views as views
        from odn_desktop.services.contacts import ContactInput

        if self._event_id is None:
            return False
        event_id = self._event_id
        from odn_desktop.services.round_views import register_in_round

        answer: NewRegistrant | ContactInput | None = ask_registrant(self, self.ctx, event_id)
        if answer is None:
            return False
        request = NewRegistrant(answer) if isinstance(answer, ContactInput) else answer
        done: list[Registered] = []
        command: ServiceCommand[Registered] = ServiceCommand(
            self.ctx, self.tr("Anmeldung hinzufügen"),
            do=lambda s: register_in_round(s, event_id, request.person, round_id=request.round_id,
                                           allow_late=request.allow_late),
            undo=views.undo_register_person, kinds=("registrations", "contacts"), on_done=done.append,
        )
        if not self.ctx.push(command, self):
            return False
        row = done[-1].row
        if row.status == WAITING and row.round:
            text = self.tr("{name} steht auf der Warteliste für Runde „{round}“ (Platz {position}).").format(
                name=row.display_name, round=row.round, position=row.waitlist_position)
        elif row.status == WAITING:
            text = self.tr("{name} steht auf der Warteliste (Platz {position}).").format(
                name=row.display_name, position=row.waitlist_position)
        elif row.round:
            text = self.tr("{name} ist in Runde „{round}“ angemeldet.").format(name=row.display_name,
                                                                            round=row.round)
        else:
            text = self.tr("{name} ist angemeldet.").format(name=row.display_name)
        if row.late:
            text += " " + self.tr("(verspätet zugelassen)")
        self.ctx.status_message.emit(text)
        if self.model.row_of(row.id) is None:  # hidden by the search, status or round filter: show it anyway
            self.search_edit.clear()
            self.status_combo.setCurrentIndex(0)
            self.round_combo.setCurrentIndex(0)
        self.select_ids([row.id], row.id)
        position = self.model.row_of(row.id)
        if position is not None:
            self.table.scrollTo(self.model.index(position, 0))
        return True

    # -- bulk actions --------------------------------------------------------------------------------------

    def cancel_selected(self) -> bool:
        from odn_desktop.services import registration_views as views

        targets = [r for r in self.selected_rows() if r.status != CANCELLED]
        change = self._run_bulk(targets, self.tr("Anmeldung stornieren"), self.tr("{n} Anmeldungen stornieren"),
                                lambda s, event_id, ids: views.cancel_registrations(s, event_id, ids))
        if change is None:
            return False
        names = ", ".join(r.display_name for r in change.changed)
        note = self.tr("Storniert: {names}.").format(names=names)
        moved = change.seat_change()
        message = moved.message() if moved is not None else None
        if message:
            promoted = ", ".join(r.display_name for r in change.promoted)
            note += " " + self.tr("Nachgerückt: {names}.").format(names=promoted)
        self.ctx.status_message.emit(note)
        self._inform_promoted(change)
        return True

    def move_selected_to_waiting_list(self) -> bool:
        from odn_desktop.services import registration_views as views

        targets = [r for r in self.selected_rows() if r.status != WAITING]
        change = self._run_bulk(targets, self.tr("Auf die Warteliste setzen"),
                                self.tr("{n} Anmeldungen auf die Warteliste setzen"),
                                lambda s, event_id, ids: views.move_to_waiting_list(s, event_id, ids))
        if change is None:
            return False
        self.ctx.status_message.emit(self.tr("Auf die Warteliste gesetzt: {names}.").format(
            names=", ".join(r.display_name for r in change.changed)))
        return True

    def move_selected_from_waiting_list(self) -> bool:
        from odn_desktop.services import registration_views as views

        targets = [r for r in self.selected_rows() if r.status == WAITING]
        if not targets:
            return False
        free = self._seats.free_seats if self._seats is not None and self._seats.limit is not None else None
        force = False
        text = None
        if free is not None and len(targets) > free:
            if free == 0:
                text = self.tr("Es ist kein Platz mehr frei. Sollen {n} Personen trotzdem nachrücken "
                               "(Überbuchung)?").format(n=len(targets))
            else:
                text = self.tr("Es sind nur noch {free} Plätze frei, ausgewählt sind {n} Personen. Sollen trotzdem "
                               "alle nachrücken (Überbuchung)?").format(free=free, n=len(targets))
        else:
            text = self._round_overbooking_question(targets)
        if text is not None:
            if not ask_overbooking(self, self.tr("Überbuchen?"), text):
                return False
            force = True
        change = self._run_bulk(targets, self.tr("Von der Warteliste nachrücken"),
                                self.tr("{n} Personen von der Warteliste nachrücken"),
                                lambda s, event_id, ids: views.move_from_waiting_list(s, event_id, ids, force=force))
        if change is None:
            return False
        self.ctx.status_message.emit(self.tr("Nachgerückt: {names}. Bitte informieren Sie die Nachgerückten.").format(
            names=", ".join(r.display_name for r in change.changed)))
        return True

    def move_selected_to_end_of_queue(self) -> bool:
        """The selected waiting people to the end of the waiting list, in table order (one undoable command)."""
        from odn_desktop.services import registration_views as views

        targets = [r for r in self.selected_rows() if r.status == WAITING]
        change = self._run_bulk(targets, self.tr("Ans Ende der Warteliste setzen"),
                                self.tr("{n} Personen ans Ende der Warteliste setzen"),
                                lambda s, event_id, ids: views.move_to_end_of_queue(s, event_id, ids))
        if change is None:
            return False
        self.ctx.status_message.emit(self.tr("Ans Ende der Warteliste gesetzt: {names}.").format(
            names=", ".join(r.display_name for r in change.changed)))
        self._inform_promoted(change)
        return True

    def change_selected_waiting_place(self) -> bool:
        """Ask for a new waiting place of the one selected waiting person and move them there (undoable)."""
        from odn_desktop.services import registration_views as views

        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].status != WAITING:
            return False
        row = rows[0]
        current = row.waitlist_position or 1
        maximum = max(current, sum(1 for r in self.model.all_rows() if r.status == WAITING))
        place = ask_waiting_place(self, row.display_name, current, maximum)
        if place is None or place == current:
            return False
        title = self.tr("Wartelistenplatz ändern")
        change = self._run_bulk([row], title, title,
                                lambda s, event_id, ids: views.move_to_waiting_place(s, event_id, ids[0], place))
        if change is None:
            return False
        moved = change.changed[-1]
        self.ctx.status_message.emit(self.tr("{name} steht jetzt auf Platz {position} der Warteliste.").format(
            name=moved.display_name, position=moved.waitlist_position))
        self._inform_promoted(change)
        return True

    def _inform_promoted(self, change: BulkChange) -> None:
        """Who moved up, with "Benachrichtigen …" (the mail editor for exactly them: ``mail_ui.tell_promoted``)."""
        message = change.message()
        if message and self._event_id is not None:
            from odn_desktop.ui.dialogs import mail_ui

            mail_ui.tell_promoted(self, self.ctx, self._event_id, [r.id for r in change.promoted],
                                  self.tr("Von der Warteliste nachgerückt"), message)

    def mail_selected(self) -> None:
        """"E-Mail an Auswahl …": the mail editor with the selected registrations as recipients."""
        rows = self.selected_rows()
        if self._event_id is None or not rows:
            return
        from odn_desktop.ui.dialogs import mail_ui

        mail_ui.mail_selection(self, self.ctx, self._event_id, [r.id for r in rows],
                               all_waiting=all(r.status == WAITING for r in rows))

    def _round_overbooking_question(self, targets: list[RegistrationRow]) -> str | None:
        """The question to ask when a round has fewer free seats than people chosen to move up into it."""
        if self._rounds is None:
            return None
        for rnd in self._rounds.rounds:
            wanted = sum(1 for r in targets if r.round_id == rnd.id)
            free = rnd.seats.free_seats
            if wanted and free is not None and wanted > free:
                return self.tr("In der Runde „{round}“ sind noch {free} Plätze frei, ausgewählt sind {n} Personen. "
                               "Sollen trotzdem alle nachrücken (Überbuchung)?").format(round=rnd.title, free=free,
                                                                                      n=wanted)
        return None

    def move_selected_to_round(self, round_id: uuid.UUID | None) -> bool:
        """The selected people into another round (or none); a seat holder keeps the seat only where the new
        round has one free, else waits there. One undoable command."""
        from odn_desktop.services.round_views import move_registrations_to_round

        targets = [r for r in self.selected_rows() if r.status != CANCELLED and r.round_id != round_id]
        change = self._run_bulk(targets, self.tr("In andere Runde verschieben"),
                                self.tr("{n} Anmeldungen in eine andere Runde verschieben"),
                                lambda s, event_id, ids: move_registrations_to_round(s, event_id, ids, round_id))
        if change is None:
            return False
        names = ", ".join(f"{r.display_name} ({status_text_short(r)})" for r in change.changed)
        self.ctx.status_message.emit(self.tr("Verschoben: {names}.").format(names=names))
        self._inform_promoted(change)
        return True

    def _fill_round_menu(self) -> None:
        self.round_menu.clear()
        rounds = self._rounds
        if rounds is None:
            return
        for rnd in rounds.rounds:
            action = self.round_menu.addAction(rnd.title)
            action.triggered.connect(lambda _checked=False, rid=rnd.id: self.move_selected_to_round(rid))
        if rounds.rounds_optional:
            self.round_menu.addSeparator()
            action = self.round_menu.addAction(self.tr("ohne Runde"))
            action.triggered.connect(lambda _checked=False: self.move_selected_to_round(None))

    def _show_round_menu(self) -> None:
        self._fill_round_menu()
        button = next((b for b in self.bulk_buttons if b.menu() is self.round_menu), None)
        if button is not None and button.isVisible():
            button.showMenu()

    def set_attendance(self, attended: bool) -> bool:
        from odn_desktop.services import registration_views as views

        targets = [r for r in self.selected_rows() if r.attended != attended]
        if attended:
            one, many = self.tr("Teilnahme markieren"), self.tr("Teilnahme von {n} Personen markieren")
        else:
            one, many = self.tr("Teilnahme entfernen"), self.tr("Teilnahme von {n} Personen entfernen")
        change = self._run_bulk(targets, one, many,
                                lambda s, event_id, ids: views.set_attendance(s, event_id, ids, attended))
        if change is None:
            return False
        self.ctx.status_message.emit(self.tr("{text}: {names}.").format(
            text=one, names=", ".join(r.display_name for r in change.changed)))
        return True

    def _run_bulk(self, targets: list[RegistrationRow], one: str, many: str,
                  action: Callable[[Any, uuid.UUID, list[uuid.UUID]], BulkChange]) -> BulkChange | None:
        """One undoable command for the whole selection; None when nothing applied or it was refused."""
        from odn_desktop.services import registration_views as views

        if self._event_id is None or not targets:
            return None
        event_id = self._event_id
        ids = [r.id for r in targets]
        text = one if len(ids) == 1 else many.format(n=len(ids))
        if len(ids) == 1:
            text = f"{text}: {targets[0].display_name}"
        done: list[BulkChange] = []
        command: ServiceCommand[BulkChange] = ServiceCommand(
            self.ctx, text, do=lambda s: action(s, event_id, ids), undo=views.restore, kinds=("registrations",),
            on_done=done.append,
        )
        if not self.ctx.push(command, self) or not done or not done[-1].count:
            return None
        return done[-1]

    # -- view state ----------------------------------------------------------------------------------------

    def _on_context_changed(self, kinds: object) -> None:
        if self._event_id is not None and isinstance(kinds, tuple | list | set | frozenset) and KINDS & set(kinds):
            self.reload()

    def _on_search(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_counts()

    def _on_status_filter(self, _index: int) -> None:
        self.model.set_predicate(both(status_predicate(self.status_combo.currentData() or ""),
                                      round_predicate(self.round_combo.currentData())))
        self._update_counts()

    def _show_event_state(self) -> None:
        enabled = self._header is not None
        for widget in (self.search_edit, self.status_combo, self.add_button, self.table):
            widget.setEnabled(enabled)
        if self._header is None or self._seats is None:
            self.summary_label.setText(self.tr("Keine Veranstaltung ausgewählt."))
            self.deadline_label.clear()
        else:
            seats = self._seats
            self.summary_label.setText(seat_summary(seats))
            self.summary_label.setToolTip(self._seat_details(seats))
            self.deadline_label.setText(self._deadline_text(self._header))
        style = self._summary_style()  # (the keeper of the constructor applies it again when the palette changes)
        if self.summary_label.styleSheet() != style:
            self.summary_label.setStyleSheet(style)
        self._show_rounds()
        self._update_counts()
        self._update_actions()
        self.seats_changed.emit(self._seats)

    def _summary_style(self) -> str:
        """The seat summary's style sheet: coloured by the seat status, plain without an event."""
        if self._header is None or self._seats is None:
            return ""
        return _seat_style(self._seats.status)

    def _show_rounds(self) -> None:
        """The round gauges, the round filter and column, and what is over its limit (all hidden without)."""
        rounds = self._rounds if self._header is not None else None
        has_rounds = rounds is not None and bool(rounds.rounds)
        chosen = self.round_combo.currentData()
        shown = list(rounds.rounds) if rounds is not None else []
        while len(self.round_gauges) > len(shown):  # a round removed: its gauge goes at once
            gauge = self.round_gauges.pop()
            self.rounds_layout.removeWidget(gauge)
            gauge.hide()
            gauge.deleteLater()
        for index, rnd in enumerate(shown):
            figures = Gauge(rnd.registered, rnd.seats.limit, rnd.waiting)
            if index < len(self.round_gauges):
                self.round_gauges[index].set_figures(rnd.title, figures)
            else:
                gauge = SeatGaugeWidget(rnd.title, figures, self.rounds_box)
                gauge.setObjectName("roundGauge")
                self.rounds_layout.addWidget(gauge)
                self.round_gauges.append(gauge)
        self.rounds_layout.invalidate()
        if rounds is not None and has_rounds:
            options: list[tuple[str, object]] = [(r.title, r.id) for r in rounds.rounds]
            if rounds.rounds_optional or any(r.round_id is None for r in self.model.all_rows()):
                options.append((self.tr("ohne Runde"), NO_ROUND))
            fill_round_filter(self.round_combo, options)
        else:
            fill_round_filter(self.round_combo, [])
        self.rounds_box.setVisible(has_rounds)
        self.table.setColumnHidden(round_column(), not has_rounds)
        over = [over_limit_text(p, with_event=False) for p in rounds.over_limit] if rounds is not None else []
        self.over_limit_label.setText("\n".join(over))
        self.over_limit_label.setVisible(bool(over))
        if self.round_combo.currentData() != chosen:  # the chosen round is gone: show all again
            self._on_status_filter(0)

    def _seat_details(self, seats: SeatCounts) -> str:
        if seats.limit is None:
            limit = self.tr("Keine Platzbegrenzung.")
        elif seats.capacity is not None and seats.limit != seats.capacity:
            limit = self.tr("{capacity} Plätze + Überbuchung = {limit} Plätze.").format(
                capacity=seats.capacity, limit=seats.limit)
        else:
            limit = self.tr("{limit} Plätze.").format(limit=seats.limit)
        return limit + "\n" + self.tr("{n} storniert.").format(n=seats.cancelled)

    def _deadline_text(self, header: EventHeader) -> str:
        from odn_desktop.domain.timezone import format_german_datetime

        if header.registration_deadline is None:
            return self.tr("Kein Anmeldeschluss")
        when = format_german_datetime(header.registration_deadline)
        if header.needs_late_permission():
            return self.tr("Anmeldeschluss {when} (abgelaufen)").format(when=when)
        return self.tr("Anmeldeschluss {when}").format(when=when)

    def _update_counts(self) -> None:
        locale = QLocale()
        shown, total = self.model.rowCount(), self.model.total_count()
        if shown == total:
            text = self.tr("{total} Anmeldungen").format(total=locale.toString(total))
        else:
            text = self.tr("{shown} von {total} Anmeldungen").format(shown=locale.toString(shown),
                                                                     total=locale.toString(total))
        self.count_label.setText(text)
        self._update_actions()

    def _update_actions(self) -> None:
        rows = self.selected_rows() if self._header is not None else []
        self.cancel_action.setEnabled(any(r.status != CANCELLED for r in rows))
        self.to_waiting_action.setEnabled(any(r.status != WAITING for r in rows))
        self.from_waiting_action.setEnabled(any(r.status == WAITING for r in rows))
        self.end_of_queue_action.setEnabled(any(r.status == WAITING for r in rows))
        self.waiting_place_action.setEnabled(len(rows) == 1 and rows[0].status == WAITING)
        self.attended_action.setEnabled(any(not r.attended for r in rows))
        self.not_attended_action.setEnabled(any(r.attended for r in rows))
        has_rounds = self._rounds is not None and bool(self._rounds.rounds)
        self.round_action.setEnabled(has_rounds and any(r.status != CANCELLED for r in rows))
        self.round_action.setVisible(has_rounds)
        self.mail_action.setEnabled(bool(rows))
        self.open_contact_action.setEnabled(bool(rows))
        for button in self.bulk_buttons:
            if button.menu() is self.round_menu:
                button.setVisible(has_rounds)
        self.selection_label.setText(self.tr("{n} ausgewählt:").format(n=len(rows)) if rows else
                                     self.tr("Auswahl:"))

    def _menu_entries(self) -> list[QAction]:
        self._fill_round_menu()
        return list(self.bulk_actions)

    def open_selected_contact(self) -> None:
        """The registrant under the cursor (else the first selected) in Kontakte."""
        current = self.table.currentIndex()
        rows = self.selected_rows()
        row = self.model.row_at(current.row()) if current.isValid() else (rows[0] if rows else None)
        if row is not None:
            self.open_contact_requested.emit(row.contact_id)


class FlowLayout(QLayout):
    """Widgets side by side, wrapping onto further lines when the width runs out (like words in a line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items line by line (each line vertically centred); returns the height needed."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        spacing = max(0, self.spacing()) or 6
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if lines[-1] and x + hint.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint))
            x += hint.width() + spacing
        y = area.y()
        for line in lines:
            height = max((hint.height() for _, hint in line), default=0)
            if move:
                x = area.x()
                for item, hint in line:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                    x += hint.width() + spacing
            y += height + spacing
        return y - spacing - rect.y() + margins.bottom()
