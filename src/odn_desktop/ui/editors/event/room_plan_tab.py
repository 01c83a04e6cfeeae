"""The Raumplan tab: Zoom breakout rooms for the event, previewed before they are exported.

The registered people are read when the tab is shown and again after a change while it is shown
(``services.room_plan.room_people``; a change while hidden only marks them stale); the plan itself is pure
(``plan_rooms``) and recomputed on the GUI thread whenever an option changes: the room size, what happens to
speakers and hosts, "Nach Runden", or "Neu mischen" (the next seed; the seed's number is shown, so that
``odn-desktop export rooms --seed N`` gives the same plan). What the preview shows is what is exported: the Zoom
file (CSV), the room list as PDF, or printed. File dialogs are behind ``choose_save_path`` (tests replace it).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.room_plan import DEFAULT_ROOM_SIZE, DEFAULT_SEED, MIN_ROOM_SIZE, StaffMode
from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.table_actions import install_row_actions

from .room_plan_model import PlanColumn, RoomPlanModel, plan_lines

if TYPE_CHECKING:
    from odn_desktop.services.room_plan import RoomPeople, RoomPlanView
    from odn_desktop.ui.infra.context import AppContext

MAX_ROOM_SIZE = 50


def choose_save_path(parent: QWidget | None, kind: str, title: str, suggestion: str, filter_text: str) -> Path | None:
    """The save dialog for a file of ``kind`` (its last folder, ``file_dialogs``); None when cancelled. Replaced
    in tests."""
    from odn_desktop.ui.infra.file_dialogs import save_path

    return save_path(parent, kind, suggestion, filter_text, title=title)


class RoomPlanTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoomPlanTab")
        self.ctx = ctx
        self._event_id: uuid.UUID | None = None
        self._people: RoomPeople | None = None
        self._view: RoomPlanView | None = None
        self._seed = DEFAULT_SEED
        self._stale = True
        self.model = RoomPlanModel(self)

        self.hint = QLabel(self.tr(
            "Breakout-Räume für Zoom. Für die Vernetzung werden die Angemeldeten in kleine Räume gemischt; Personen "
            "derselben Organisation oder Kommune kommen möglichst in verschiedene Räume. Die Datei lädt man in Zoom "
            "beim Planen des Meetings unter „Breakout Room pre-assign“ › „Import from CSV“ hoch."), self)
        self.hint.setWordWrap(True)

        options, mixing = self._build_option_rows()
        self._build_plan_view()
        buttons = self._build_export_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(options)
        layout.addLayout(mixing)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._set_tab_order()
        self._connect_signals()
        self._show()

    def _build_option_rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The room size and the staff's place; the rounds, the shuffle button and the mixing's number."""
        self.size_spin = QSpinBox(self)
        self.size_spin.setObjectName("roomSize")
        self.size_spin.setRange(MIN_ROOM_SIZE, MAX_ROOM_SIZE)
        self.size_spin.setValue(DEFAULT_ROOM_SIZE)
        self.size_label = QLabel(self.tr("Personen je &Raum:"), self)
        self.size_label.setBuddy(self.size_spin)
        self.staff_combo = QComboBox(self)
        self.staff_combo.setObjectName("staffMode")
        self.staff_combo.addItem(self.tr("je Raum eine Person"), StaffMode.SPREAD)
        self.staff_combo.addItem(self.tr("nicht zuteilen (bleiben im Hauptraum)"), StaffMode.LEAVE_OUT)
        self.staff_label = QLabel(self.tr("Referent:innen und &Veranstaltende:"), self)
        self.staff_label.setBuddy(self.staff_combo)
        self.by_round_check = QCheckBox(self.tr("Nach R&unden (ein Raum je Runde)"), self)
        self.by_round_check.setObjectName("byRound")
        self.shuffle_button = QPushButton(self.tr("Neu &mischen"), self)
        self.shuffle_button.setObjectName("shuffleRooms")
        self.shuffle_button.setToolTip(self.tr("Eine andere Mischung derselben Personen"))
        self.seed_label = QLabel(self)
        self.seed_label.setObjectName("seedLabel")
        theme.keep_style(self.seed_label, lambda: theme.text_style(theme.secondary_text))
        options = QHBoxLayout()
        option_widgets: tuple[QWidget, ...] = (self.size_label, self.size_spin, self.staff_label, self.staff_combo)
        for widget in option_widgets:
            options.addWidget(widget)
        options.addStretch(1)
        mixing = QHBoxLayout()
        mixing_widgets: tuple[QWidget, ...] = (self.by_round_check, self.shuffle_button, self.seed_label)
        for widget in mixing_widgets:
            mixing.addWidget(widget)
        mixing.addStretch(1)
        return options, mixing

    def _build_plan_view(self) -> None:
        """The summary line and the table of rooms."""
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("roomSummary")
        self.summary_label.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setObjectName("roomPlanView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)  # more rooms in view
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PlanColumn.ORGANISATION, QHeaderView.ResizeMode.Stretch)
        self.view.setAccessibleName(self.tr("Raumplan"))

    def _build_export_buttons(self) -> QHBoxLayout:
        """Zoom's CSV, the room list as PDF and printed (also in the table's right-click menu)."""
        self.export_button = QPushButton(self.tr("Für &Zoom exportieren …"), self)
        self.export_button.setObjectName("exportRooms")
        self.export_button.setToolTip(self.tr("Datei zur Vorab-Zuteilung der Breakout-Räume (CSV) speichern"))
        self.pdf_button = QPushButton(self.tr("Raumliste als &PDF …"), self)
        self.pdf_button.setObjectName("roomListPdf")
        self.print_button = QPushButton(self.tr("Raumliste dru&cken …"), self)
        self.print_button.setObjectName("printRoomList")
        install_row_actions(self.view, [self.shuffle_button, None, self.export_button, self.pdf_button,
                                        self.print_button])
        buttons = QHBoxLayout()
        for button in (self.export_button, self.pdf_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _set_tab_order(self) -> None:
        previous: QWidget = self.size_spin
        for widget in (self.staff_combo, self.by_round_check, self.shuffle_button, self.view, self.export_button,
                       self.pdf_button, self.print_button):
            QWidget.setTabOrder(previous, widget)
            previous = widget

    def _connect_signals(self) -> None:
        self.size_spin.valueChanged.connect(self._replan)
        self.staff_combo.currentIndexChanged.connect(self._replan)
        self.by_round_check.toggled.connect(self._replan)
        self.shuffle_button.clicked.connect(self.shuffle)
        self.export_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_list)

    # -- loading -------------------------------------------------------------------------------------------

    @property
    def event_id(self) -> uuid.UUID | None:
        return self._event_id

    @property
    def plan_view(self) -> RoomPlanView | None:
        return self._view

    @property
    def seed(self) -> int:
        return self._seed

    def set_event(self, event_id: uuid.UUID | None) -> None:
        if event_id != self._event_id:
            self._seed = DEFAULT_SEED
            self.by_round_check.setChecked(False)
        self._event_id = event_id
        self.reload()

    def reload(self) -> None:
        """Read the people again now if the tab is shown, else when it is shown next."""
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def load(self) -> None:
        from odn_desktop.services.room_plan import room_people

        self._stale = False
        self._people = None
        if self._event_id is not None and self.ctx.is_ready:
            event_id = self._event_id
            try:
                self._people = self.ctx.read(lambda s: room_people(s, event_id))
            except UserError:  # the event was deleted meanwhile; the editor closes it
                self._people = None
        self._replan()

    def _replan(self, *_args: object) -> None:
        from odn_desktop.services.room_plan import plan_rooms

        people = self._people
        has_rounds = people is not None and bool(people.rounds)
        if not has_rounds and self.by_round_check.isChecked():
            self.by_round_check.setChecked(False)  # toggled: replans
            return
        self._view = None
        if people is not None:
            self._view = plan_rooms(people, size=self.size_spin.value(), seed=self._seed,
                                    by_round=self.by_round_check.isChecked(), staff=self.staff_mode())
        self._show()

    def staff_mode(self) -> StaffMode:
        mode = self.staff_combo.currentData()
        return mode if isinstance(mode, StaffMode) else StaffMode.SPREAD

    def shuffle(self) -> None:
        """A new mix: the next seed."""
        self._seed += 1
        self._replan()

    # -- showing ---------------------------------------------------------------------------------------------

    def _show(self) -> None:
        view, people = self._view, self._people
        self.setEnabled(people is not None)
        by_round = self.by_round_check.isChecked()
        has_rounds = people is not None and bool(people.rounds)
        self.by_round_check.setEnabled(has_rounds)
        self.by_round_check.setToolTip(
            self.tr("Ein Raum je paralleler Runde, benannt wie die Runde") if has_rounds
            else self.tr("Diese Veranstaltung hat keine parallelen Runden."))
        for widget in (self.size_spin, self.size_label, self.staff_combo, self.staff_label, self.shuffle_button,
                       self.seed_label):
            widget.setEnabled(not by_round)
        self.seed_label.setText(self.tr("Mischung Nr. {seed}").format(seed=self._seed))
        self.summary_label.setText(self.summary_text())
        self.model.set_lines(plan_lines(view, self.tr("(niemand)")))
        self.view.clearSpans()
        for line in self.model.rooms():
            if line.lines > 1:
                self.view.setSpan(line.first, PlanColumn.ROOM, line.lines, 1)
        has_people = view is not None and bool(view.rows)
        self.export_button.setEnabled(has_people)
        self.pdf_button.setEnabled(view is not None and bool(view.rows or view.left_out))
        self.print_button.setEnabled(self.pdf_button.isEnabled())
        self._fit_columns()

    def summary_text(self) -> str:
        view = self._view
        if view is None:
            return ""
        rooms = len(view.plan.rooms)
        text = self.tr("%n Personen", "", len(view.rows)) + " " + self.tr("in %n Räumen", "", rooms)
        if not view.plan.by_round and rooms:
            text += " " + self.tr("zu höchstens {size}").format(size=view.plan.size)
        notes = []
        if view.left_out:
            if view.plan.by_round:
                notes.append(self.tr("%n Personen ohne Runde bleiben im Hauptraum", "", len(view.left_out)))
            else:
                notes.append(self.tr("%n Referent:innen und Veranstaltende bleiben im Hauptraum", "",
                                     len(view.left_out)))
        if view.rooms_sharing and not view.plan.by_round:
            notes.append(self.tr("in %n Räumen treffen sich Personen derselben Organisation oder Kommune "
                                 "(nicht vermeidbar)", "", view.rooms_sharing))
        return "; ".join([text, *notes]) + "."

    def _fit_columns(self) -> None:
        view, metrics = self.view, self.view.fontMetrics()
        lines = self.model.lines()
        pad = metrics.horizontalAdvance("M") + 12

        def widest(texts: list[str], cap: int) -> int:
            return min(cap, max((metrics.horizontalAdvance(t) for t in texts), default=0) + pad)

        view.setColumnWidth(PlanColumn.ROOM, widest([line.room for line in lines] + [self.tr("Raum")], 260))
        view.setColumnWidth(PlanColumn.NAME, widest([line.name for line in lines] + [self.tr("Name")], 240))
        towns = [line.municipality for line in lines] + [self.tr("Kommune")]
        view.setColumnWidth(PlanColumn.MUNICIPALITY, widest(towns, 180))
        view.setColumnWidth(PlanColumn.NOTE, widest([line.note for line in lines] + [self.tr("Hinweis")], 280))

    # -- exporting -------------------------------------------------------------------------------------------

    def _suggestion(self, kind: str, suffix: str) -> str:
        """"2021-12-02 Raumplan Open-Data-Netzwerktreffen.csv" (``file_dialogs.event_file_name``)."""
        from odn_desktop.ui.infra.file_dialogs import event_file_name, suggested_name

        view = self._view
        return event_file_name(self.ctx, view.event_id, kind, suffix) if view else suggested_name(kind, suffix=suffix)

    def export_csv(self) -> bool:
        """Save the Zoom pre-assignment file of the plan shown."""
        from odn_desktop.services.room_plan import save_room_plan

        view = self._view
        if view is None or not view.rows:
            return False
        path = choose_save_path(self, "room_plan", self.tr("Raumplan für Zoom speichern"),
                                self._suggestion("room_plan", ".csv"), self.tr("CSV für Zoom (*.csv)"))
        if path is None:
            return False
        try:
            result = save_room_plan(view, path)
        except UserError as exc:
            context.show_user_error(self, str(exc))
            return False
        self.ctx.status_message.emit(result.message.splitlines()[0])
        if "\n" in result.message:  # someone could not be written: the coordinator assigns them by hand
            context.show_information(self, self.tr("Raumplan gespeichert"), result.message)
        return True

    def export_pdf(self) -> bool:
        from odn_desktop.ui.pdf.room_plan_print import save_room_list_pdf

        view = self._view
        if view is None:
            return False
        path = choose_save_path(self, "room_list", self.tr("Raumliste als PDF speichern"),
                                self._suggestion("room_list", ".pdf"), self.tr("PDF (*.pdf)"))
        if path is None:
            return False
        try:
            save_room_list_pdf(view, self.summary_text(), path)
        except UserError as exc:
            context.show_user_error(self, str(exc))
            return False
        self.ctx.status_message.emit(self.tr("Raumliste gespeichert: {path}").format(path=path))
        return True

    def print_list(self) -> Any:
        from odn_desktop.ui.dialogs.print_preview import show_room_list_preview

        if self._view is None:
            return None
        return show_room_list_preview(self, self._view, self.summary_text())
