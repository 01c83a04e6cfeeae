"""Parallel rounds driven through the window as a coordinator would: two rounds made in the editor's Runden tab,
people registered into each through the add dialog until full, the gauges read, a round over its limit flagged
(Anmeldungen tab and overview), undo, and the attendance sheet exported with one worksheet per round.

Renders at 1366×768 go to ``RENDERS`` (the Runden tab, the Anmeldungen tab with rounds, the overview) for a
human look.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import utcnow
from odn_desktop.services.events import create_event
from odn_desktop.services.registrations import list_registration_rows
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs.add_registrant_dialog import AddRegistrantDialog, NewRegistrant
from odn_desktop.ui.dialogs.attendance_options import AttendanceOptions
from odn_desktop.ui.editors.event import rounds_tab as rounds_module
from odn_desktop.ui.editors.event.round_dialog import RoundDialog
from odn_desktop.ui.editors.event.rounds_model import RoundColumn
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.models.registrations_columns import Column
from odn_desktop.ui.pages import registrations_tab as registrations_module
from odn_desktop.ui.pages.dashboard_page import DashboardPage
from odn_desktop.ui.pages.registrations_tab import NO_ROUND, RegistrationsTab
from odn_desktop.ui.shell import workspace_window
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

RENDERS = Path(os.environ.get("ODN_RENDERS", "/work/notes/renders"))
SIZE = (1366, 768)
A = "Offene Haushaltsdaten"
B = "Geodaten und Karten"
PEOPLE = [  # (e-mail, first name, last name, organisation, round)
    ("anna.mueller@kiel.example", "Anna", "Müller", "Landeshauptstadt Kiel", A),
    ("bernd.becker@trier.example", "Bernd", "Becker", "Stadt Trier", A),
    ("oezlem.kaya@ulm.example", "Özlem", "Kaya", "Stadt Ulm", A),
    ("jan.jansen@moers.example", "Jan", "Jansen", "Stadt Moers", B),
    ("lea.lang@bonn.example", "Lea", "Lang", "Bundesstadt Bonn", B),
]


@pytest.fixture
def german_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def event_id(db: Database) -> uuid.UUID:
    starts = (utcnow() + timedelta(days=30)).replace(hour=9, minute=0, second=0, microsecond=0)
    with transaction(db.sessions) as s:
        return create_event(s, title="Netzwerktreffen mit Runden", starts_at=starts,
                            ends_at=starts + timedelta(hours=2), capacity=20,
                            registration_deadline=starts - timedelta(days=2)).id


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path, german_locale: None) -> Iterator[WorkspaceWindow]:
    ctx = AppContext(db)
    win = WorkspaceWindow(ctx, settings=QSettings(str(tmp_path / "ws.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    ctx.ready.emit()
    yield win
    ctx.undo_stack.clear()


def fill_round_dialogs(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                       answers: list[tuple[str | None, int | None, str]]) -> list[RoundDialog]:
    """The round dialog, filled by keyboard: (title or None to keep it, seats or None for unlimited, a
    description to type or "")."""
    seen: list[RoundDialog] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, RoundDialog)
        seen.append(dialog)
        dialog.show()
        title, seats, description = answers.pop(0)
        if title is not None:
            dialog.title_edit.selectAll()
            type_into(qtbot, dialog.title_edit, title)
        if description:
            type_into(qtbot, dialog.description_edit, description)
        if seats is None:
            dialog.unlimited_check.setChecked(True)
        else:
            dialog.unlimited_check.setChecked(False)
            dialog.capacity_spin.selectAll()
            qtbot.keyClicks(dialog.capacity_spin, str(seats))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(rounds_module, "run_dialog", run)
    return seen


def fill_add_dialogs(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                     people: list[tuple[str, str, str, str, str]]) -> list[str]:
    """The real add dialog, typed into; the round is required (OK stays disabled until one is chosen)."""
    notes: list[str] = []

    def ask(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID) -> NewRegistrant | None:
        dialog = AddRegistrantDialog(ctx, event_id, parent)
        dialog.show()
        email, first, last, organisation, round_title = people.pop(0)
        type_into(qtbot, dialog.ui.emailEdit, email)
        type_into(qtbot, dialog.ui.firstNameEdit, first)
        type_into(qtbot, dialog.ui.lastNameEdit, last)
        type_into(qtbot, dialog.ui.organisationEdit, organisation)
        assert dialog.ui.roundCombo.isVisible() and dialog.ui.roundCombo.currentIndex() == -1
        assert not dialog.ok_button.isEnabled()
        notes.append(dialog.ui.errorLabel.text())
        dialog.choose_round(round_title)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        try:
            return dialog.value() if dialog.result() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    monkeypatch.setattr(registrations_module, "ask_registrant", ask)
    return notes


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Key presses for ``text``; QTest only maps ASCII, so "ü" and "Ö" are sent as key events with their text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                         char))


def render(qtbot: QtBot, widget: QWidget, name: str) -> Path:
    qtbot.wait(30)  # the layouts settle as they would before the next paint
    RENDERS.mkdir(parents=True, exist_ok=True)
    target = RENDERS / name
    assert widget.grab().save(str(target))
    return target


def gauge_texts(tab: RegistrationsTab) -> list[str]:
    return [g.text() for g in tab.round_gauges]


@pytest.mark.usefixtures("german_locale")
def test_rounds_from_the_editor_to_the_attendance_sheet(
    qtbot: QtBot, window: WorkspaceWindow, db: Database, event_id: uuid.UUID, dialogs: Any,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtmodeltester: Any,
) -> None:
    ctx = window.ctx
    window.open_event(event_id, "rounds")
    editor = window.events_page().editor  # type: ignore[attr-defined]
    rounds = editor.rounds
    assert editor.current_tab_name() == "rounds" and rounds.isVisible()
    assert not rounds.optional_check.isEnabled()  # nothing to make optional without rounds

    # -- two rounds through the dialog ------------------------------------------------------------------
    fill_round_dialogs(qtbot, monkeypatch, [(A, 2, "Welche Haushaltsdaten veröffentlichen Kommunen?"), (B, 1, "")])
    qtbot.mouseClick(rounds.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rounds.add_button, Qt.MouseButton.LeftButton)
    assert [r.title for r in rounds.model.rows()] == [A, B]
    assert [r.capacity for r in rounds.model.rows()] == [2, 1]
    assert rounds.model.index(0, RoundColumn.DESCRIPTION).data() == "Welche Haushaltsdaten veröffentlichen Kommunen?"
    assert [rounds.model.index(r, RoundColumn.SEATS).data() for r in range(2)] == ["0/2", "0/1"]
    assert ctx.undo_stack.undoText() == f"Runde „{B}“ hinzufügen"
    qtmodeltester.check(rounds.model)

    # -- registering into each round until full (the add dialog asks for the round) ----------------------
    window.open_event(event_id, "registrations")
    tab: RegistrationsTab = editor.registrations
    assert tab.rounds_box.isVisible() and tab.round_combo.isVisible()
    assert not tab.table.isColumnHidden(Column.ROUND)
    notes = fill_add_dialogs(qtbot, monkeypatch, list(PEOPLE))
    for _ in PEOPLE:
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert not dialogs.of("user_error")
    assert notes[0] == "Diese Veranstaltung hat parallele Runden: bitte eine Runde wählen."
    with transaction(db.sessions) as s:
        where = {r.last_name: (r.round, r.status) for r in list_registration_rows(s, event_id)}
    assert where == {"Müller": (A, "registered"), "Becker": (A, "registered"), "Kaya": (A, "waiting"),
                     "Jansen": (B, "registered"), "Lang": (B, "waiting")}
    assert gauge_texts(tab) == [f"{A}: 2/2 voll · 1 warten", f"{B}: 1/1 voll · 1 warten"]
    assert tab.summary_label.text() == "3 von 20 Plätzen belegt · 2 auf der Warteliste · 17 frei"
    assert tab.model.index(tab.model.row_of(next(r.id for r in tab.model.all_rows() if r.last_name == "Lang")),
                           Column.ROUND).data() == B
    assert not tab.over_limit_label.isVisible()

    # the round filter
    tab.round_combo.setCurrentIndex(tab.round_combo.findText(B))
    assert sorted(r.last_name for r in tab.model.visible_rows()) == ["Jansen", "Lang"]
    assert tab.round_combo.findData(NO_ROUND) == -1  # everybody has a round, and none is optional
    tab.round_combo.setCurrentIndex(0)
    assert tab.model.rowCount() == 5

    # the Runden tab shows the same gauges
    window.open_event(event_id, "rounds")
    assert [rounds.model.index(r, RoundColumn.SEATS).data() for r in range(2)] == [
        "2/2 voll · 1 warten", "1/1 voll · 1 warten"]
    rounds_png = render(qtbot, window, "rounds-tab-1366x768.png")

    # -- a round with people is not removed ------------------------------------------------------------
    rounds.select_round(rounds.model.row_at(0).id)
    before = ctx.undo_stack.count()
    qtbot.mouseClick(rounds.remove_button, Qt.MouseButton.LeftButton)
    [(_parent, message)] = dialogs.of("user_error")
    assert message == (f"In der Runde „{A}“ sind noch 3 Anmeldungen. Bitte zuerst in eine andere Runde "
                       "verschieben.")
    assert ctx.undo_stack.count() == before and rounds.model.rowCount() == 2

    # -- lowering a capacity leaves the round over its limit: flagged until resolved --------------------
    fill_round_dialogs(qtbot, monkeypatch, [(None, 1, "")])
    rounds.select_round(rounds.model.row_at(0).id)
    qtbot.mouseClick(rounds.edit_button, Qt.MouseButton.LeftButton)
    flag = f"Runde „{A}“: überbucht – 2 von 1 Plätzen vergeben"
    assert rounds.warning_label.isVisible() and rounds.warning_label.text() == flag
    assert rounds.model.index(0, RoundColumn.SEATS).data() == "2/1 überbucht · 1 warten"
    window.open_event(event_id, "registrations")
    assert tab.over_limit_label.isVisible() and tab.over_limit_label.text() == flag
    assert gauge_texts(tab)[0] == f"{A}: 2/1 überbucht · 1 warten"
    registrations_png = render(qtbot, window, "registrations-tab-rounds-1366x768.png")

    window.show_page("overview")
    overview: DashboardPage = window.page("overview")  # type: ignore[assignment]
    overview.reload()
    assert overview.over_limit_texts() == [
        f"„Netzwerktreffen mit Runden“, Runde „{A}“: überbucht – 2 von 1 Plätzen vergeben"]
    assert [(r.title, r.registered, r.seat_limit) for r in overview.rounds_model.all_rows()] == [
        (A, 2, 1), (B, 1, 1)]
    assert overview.rounds_view.isVisible()
    qtmodeltester.check(overview.rounds_model)
    overview_png = render(qtbot, window, "overview-rounds-1366x768.png")
    with qtbot.waitSignal(overview.open_event_requested) as opened:
        overview.over_limit_label.linkActivated.emit(f"event:{event_id}")
    assert opened.args == [event_id, "registrations"]

    ctx.undo_stack.undo()  # the capacity back to 2: resolved everywhere
    overview.reload()
    assert overview.over_limit_texts() == [] and not overview.over_limit_label.isVisible()
    assert not tab.over_limit_label.isVisible()
    assert gauge_texts(tab)[0] == f"{A}: 2/2 voll · 1 warten"

    # -- the attendance sheet, one worksheet per round --------------------------------------------------
    target = tmp_path / "Anwesenheit Runden ä.xlsx"
    asked: list[int] = []

    def one_list_per_round(_parent: Any, _settings: Any, rounds: int, _signature: bool, _pdf: bool) -> Any:
        asked.append(rounds)
        return AttendanceOptions(columns=(), blank_rows=0, per_round=True)

    monkeypatch.setattr(workspace_window, "ask_list_options", one_list_per_round)
    monkeypatch.setattr(workspace_window, "choose_save_path", lambda *_a: target)
    messages: list[str] = []
    ctx.status_message.connect(messages.append)
    window.show_page("events")
    window.export_actions[0].trigger()
    qtbot.waitUntil(lambda: bool(messages) and "gespeichert" in messages[-1], timeout=10_000)
    assert asked == [2]
    book = load_workbook(target)
    assert book.sheetnames == [A, B, "Zahlen"]
    for ws, round_title, names in zip(book.worksheets, (A, B), (["Becker", "Müller"], ["Jansen"]), strict=False):
        rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
        header = next(i for i, r in enumerate(rows) if r[0] == "Nr.")
        assert [r[1] for r in rows[header + 1:] if r[1]] == names  # the seat holders only, in name order
        assert rows[1][0] == f"Runde: {round_title}"

    for png in (rounds_png, registrations_png, overview_png):
        assert png.stat().st_size > 10_000


@pytest.mark.usefixtures("german_locale")
def test_optional_rounds_and_the_registration_window(
    qtbot: QtBot, window: WorkspaceWindow, db: Database, event_id: uuid.UUID, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from odn_desktop.services.events import update_event

    window.open_event(event_id, "rounds")
    rounds = window.events_page().editor.rounds  # type: ignore[attr-defined]
    fill_round_dialogs(qtbot, monkeypatch, [(A, None, "")])
    assert rounds.add_round()
    assert rounds.model.index(0, RoundColumn.CAPACITY).data() == "unbegrenzt"
    assert rounds.model.index(0, RoundColumn.SEATS).data() == "0 (unbegrenzt)"
    rounds.optional_check.setFocus()
    qtbot.keyClick(rounds.optional_check, Qt.Key.Key_Space)
    assert rounds.optional_check.isChecked() and rounds.overview is not None and rounds.overview.rounds_optional
    window.ctx.undo_stack.undo()
    assert not rounds.optional_check.isChecked()
    window.ctx.undo_stack.redo()
    assert rounds.optional_check.isChecked()

    dialog = AddRegistrantDialog(window.ctx, event_id)
    qtbot.addWidget(dialog)
    assert dialog.ui.roundCombo.currentText() == "ohne Runde" and dialog.round_id is None
    assert dialog.ui.roundCombo.itemText(1) == f"{A} – unbegrenzt"
    assert dialog.ui.allowLateCheck.isHidden()

    with transaction(db.sessions) as s:
        update_event(s, event_id, status="closed")
    closed = AddRegistrantDialog(window.ctx, event_id)
    qtbot.addWidget(closed)
    assert closed.late and not closed.ui.allowLateCheck.isHidden()
    assert closed.ui.lateLabel.text().startswith("Die Anmeldung zu dieser Veranstaltung ist geschlossen.")
    closed.ui.emailEdit.setText("neu@kommune.example")
    closed.ui.lastNameEdit.setText("Neu")
    assert not closed.ok_button.isEnabled()
    assert closed.ui.errorLabel.text() == "Außerhalb des Anmeldezeitraums: bitte „Verspätet zulassen“ ankreuzen."
    closed.ui.allowLateCheck.setChecked(True)
    assert closed.ok_button.isEnabled() and closed.value().allow_late


def test_moving_rounds_and_moving_people_between_them(
    qtbot: QtBot, window: WorkspaceWindow, db: Database, event_id: uuid.UUID, dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.round_views import create_round, register_in_round

    with transaction(db.sessions) as s:
        first = create_round(s, event_id, title=A, capacity=1).round_id
        create_round(s, event_id, title=B, capacity=5)
        for n in (1, 2):
            register_in_round(s, event_id, ContactInput(email=f"p{n}@x.example", first_name="P", last_name=f"N{n}"),
                              round_id=first)
    window.open_event(event_id, "rounds")
    rounds = window.events_page().editor.rounds  # type: ignore[attr-defined]
    rounds.select_round(rounds.model.row_at(1).id)
    assert rounds.up_button.isEnabled() and not rounds.down_button.isEnabled()
    qtbot.mouseClick(rounds.up_button, Qt.MouseButton.LeftButton)
    assert [r.title for r in rounds.model.rows()] == [B, A]
    assert rounds.selected_round().title == B  # the moved round stays selected
    window.ctx.undo_stack.undo()
    assert [r.title for r in rounds.model.rows()] == [A, B]

    window.open_event(event_id, "registrations")
    tab: RegistrationsTab = window.events_page().editor.registrations  # type: ignore[attr-defined]
    tab.select_ids([r.id for r in tab.model.all_rows() if r.last_name == "N1"])
    assert tab.round_action.isEnabled()
    tab._fill_round_menu()
    [to_b] = [a for a in tab.round_menu.actions() if a.text() == B]
    to_b.trigger()
    rows = {r.last_name: (r.round, r.status) for r in tab.model.all_rows()}
    assert rows == {"N1": (B, "registered"), "N2": (A, "registered")}
    [(_parent, _title, text)] = dialogs.of("information")
    assert "P N2" in text  # who moved up in the round that was full
    window.ctx.undo_stack.undo()
    rows = {r.last_name: (r.round, r.status) for r in tab.model.all_rows()}
    assert rows == {"N1": (A, "registered"), "N2": (A, "waiting")}


def test_the_event_over_its_limit_is_named_in_the_tab(
    qtbot: QtBot, window: WorkspaceWindow, db: Database, event_id: uuid.UUID,
) -> None:
    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.events import update_event
    from odn_desktop.services.registrations import register

    with transaction(db.sessions) as s:
        for n in (1, 2, 3):
            register(s, event_id, ContactInput(email=f"p{n}@x.example", first_name="P", last_name=f"N{n}"))
        update_event(s, event_id, capacity=2)  # lowered below the seats given
    window.open_event(event_id, "registrations")
    tab: RegistrationsTab = window.events_page().editor.registrations  # type: ignore[attr-defined]
    assert not tab.rounds_box.isVisible() and tab.table.isColumnHidden(Column.ROUND)  # no rounds: no gauges
    assert tab.over_limit_label.isVisible()
    assert tab.over_limit_label.text() == "Die Veranstaltung: überbucht – 3 von 2 Plätzen vergeben"
