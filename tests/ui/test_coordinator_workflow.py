"""The issue's workflow end to end in the workspace window, as a coordinator drives it.

Create an event with capacity 2, build its agenda, register three people (the third waits), cancel one (the
waiting person moves up and the window says so), undo the cancel, then close with unsaved edits (prompt).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from pytestqt.qtbot import QtBot

from odn_desktop.services.contacts import ContactInput
from odn_desktop.store.open import Database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages import registrations_tab
from odn_desktop.ui.shell import workspace_window
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

PEOPLE = [
    ContactInput(email="anna.mueller@kiel.example", first_name="Anna", last_name="Müller", organisation="Stadt Kiel"),
    ContactInput(email="jan.becker@bonn.example", first_name="Jan", last_name="Becker", organisation="Stadt Bonn"),
    ContactInput(email="oezlem.kaya@ulm.example", first_name="Özlem", last_name="Kaya", organisation="Stadt Ulm"),
]


def test_coordinator_workflow(qtbot: QtBot, db: Database, tmp_path: Path, dialogs: Any,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = AppContext(db)
    window = WorkspaceWindow(ctx, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    ctx.ready.emit()

    # Ctrl+N: a new event on the Veranstaltungen page; type title and capacity; Ctrl+S
    window.new_event_action.trigger()
    assert window.current_page_key() == "events"
    page = window.events_page()
    ui = page.editor.details.ui  # type: ignore[attr-defined]
    ui.titleEdit.selectAll()
    qtbot.keyClicks(ui.titleEdit, "Netzwerktreffen Kleingruppe")
    ui.capacitySpin.selectAll()
    qtbot.keyClicks(ui.capacitySpin, "2")
    # a new event is a draft (no registrations yet); the coordinator opens the registration
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData("open"))
    window.save_action.trigger()
    assert not page.has_unsaved_changes()
    event_id = page.current_event_id()
    assert event_id is not None

    # Programm: two items through the agenda tab's model commands
    page.open_event(event_id, "agenda")
    agenda = page.editor.agenda  # type: ignore[attr-defined]
    agenda.add_item()
    agenda.add_item()
    assert agenda.model.rowCount() == 2

    # Anmeldungen: three people, the third lands on the waiting list
    page.open_event(event_id, "registrations")
    tab = page.editor.registrations  # type: ignore[attr-defined]
    pending = list(PEOPLE)
    monkeypatch.setattr(registrations_tab, "ask_registrant", lambda *_a: pending.pop(0))
    for _ in PEOPLE:
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    by_name = {r.last_name: r for r in tab.model.visible_rows()}
    assert (by_name["Müller"].status, by_name["Becker"].status, by_name["Kaya"].status) == (
        "registered", "registered", "waiting")

    # cancel Müller: Kaya moves up, and the coordinator is told whom to inform
    tab.select_ids([by_name["Müller"].id])
    tab.cancel_selected()
    by_name = {r.last_name: r for r in tab.model.visible_rows()}
    assert (by_name["Müller"].status, by_name["Kaya"].status) == ("cancelled", "registered")
    [(_parent, _title, message)] = dialogs.of("information")
    assert "Özlem Kaya" in message

    # Bearbeiten > Rückgängig puts the seats back
    window.undo_action.trigger()
    by_name = {r.last_name: r for r in tab.model.visible_rows()}
    assert (by_name["Müller"].status, by_name["Kaya"].status) == ("registered", "waiting")

    # an unsaved edit, then closing asks
    page.open_event(event_id, "details")
    ui.titleEdit.setText("Netzwerktreffen Kleingruppe (neu)")
    assert page.has_unsaved_changes()
    asked: list[object] = []
    monkeypatch.setattr(workspace_window, "ask_unsaved_changes", lambda parent: asked.append(parent) or "cancel")
    event = QCloseEvent()
    window.closeEvent(event)
    assert asked == [window]
    assert not event.isAccepted()
    assert page.has_unsaved_changes()  # nothing lost
