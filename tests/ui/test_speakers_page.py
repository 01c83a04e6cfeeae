"""The Referent:innen page driven as the coordinator would: search, edit with inline validation, save, undo,
new and delete, the unsaved-changes prompt, keyboard order, and a rendering of the page with the demo data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.events import list_event_rows
from odn_desktop.services.people import SpeakerEntry, list_speaker_entries, speaker_values
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.editors import person_forms
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages.speakers_page import SpeakersPage

SCREENSHOT = Path("/tmp/odn-speakers.png")


@pytest.fixture(autouse=True)
def no_prompt(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """A prompt nobody expected fails the test instead of blocking it."""
    asked: list[Any] = []

    def unexpected(parent: Any) -> str:
        asked.append(parent)
        raise AssertionError("unexpected unsaved-changes prompt")

    monkeypatch.setattr(person_forms, "ask_unsaved_changes", unexpected)
    return asked


def answer_prompt(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[Any]:
    asked: list[Any] = []

    def fake(parent: Any) -> str:
        asked.append(parent)
        return answer

    monkeypatch.setattr(person_forms, "ask_unsaved_changes", fake)
    return asked


@pytest.fixture
def ctx(demo_db: Database) -> AppContext:
    return AppContext(demo_db)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> SpeakersPage:
    widget = SpeakersPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(page: SpeakersPage) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


#: the demo's speakers: the two of 2 December 2021 and the two of the coming meeting
DEMO_SPEAKERS = ["Arndt, Claus", "Manz, Sabine", "Petersen, Jonas", "Wiese, Dr. Miriam"]


def entry(page: SpeakersPage, last_name: str) -> SpeakerEntry:
    return next(r for r in page.model.all_rows() if r.last_name == last_name)


def stored(db: Database, fn: Callable[[Any], Any]) -> Any:
    with transaction(db.sessions) as session:
        return fn(session)


def test_lists_the_demo_speakers_and_shows_the_first_one(page: SpeakersPage) -> None:
    assert names(page) == DEMO_SPEAKERS
    assert page.current_id == entry(page, "Arndt").id
    ui = page.speaker_editor.ui
    assert ui.lastNameEdit.text() == "Arndt" and ui.organisationEdit.text() == "Stadt Moers"
    assert ui.roleEdit.toPlainText().startswith("Beigeordneter der Stadt Moers")
    assert ui.headingLabel.text() == "Claus Arndt"
    assert not page.has_unsaved_changes() and not ui.saveButton.isEnabled() and not ui.dirtyLabel.isVisible()
    assert page.count_label.text() == "4 Referent:innen"
    assert (page.count_text(1, 1), page.count_text(0, 1)) == ("1 Referent:in", "0 von 1 Referent:in")
    assert page.events_label.text() == "Veranstaltungen: Open-Data-Netzwerktreffen (02.12.2021)"
    assert page.model.data(page.model.index(1, 2)) == "1"
    assert "Open-Data-Netzwerktreffen (02.12.2021)" in page.model.data(
        page.model.index(1, 2), Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize("text", ["dusseldorf", "düsseldorf", "Duesseldorf", "sabine manz", "statistik"])
def test_search_finds_sabine_manz(qtbot: QtBot, page: SpeakersPage, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(page.search_edit, text)
    else:  # WORKAROUND: QTest's key simulation aborts (Q_ASSERT in qasciikey.cpp) on non-ASCII characters
        page.search_edit.setText(text)
    assert names(page) == ["Manz, Sabine"]
    assert page.count_label.text() == "1 von 4 Referent:innen"


def test_a_search_keeps_the_person_in_the_editor(page: SpeakersPage) -> None:
    arndt = entry(page, "Arndt")
    page.speaker_editor.ui.phoneEdit.setText("02841 201-0")
    page.search_edit.setText("düsseldorf")  # Arndt is filtered out: he and the unsaved edit stay in the editor
    assert names(page) == ["Manz, Sabine"] and not page.table.selectionModel().hasSelection()
    assert page.current_id == arndt.id and page.speaker_editor.ui.lastNameEdit.text() == "Arndt"
    assert page.speaker_editor.ui.phoneEdit.text() == "02841 201-0" and page.has_unsaved_changes()
    page.search_edit.clear()
    assert page.table.currentIndex().row() == 0


def test_edit_organisation_save_then_undo_and_redo(qtbot: QtBot, page: SpeakersPage, ctx: AppContext,
                                                   demo_db: Database) -> None:
    manz = entry(page, "Manz")
    assert page.select_id(manz.id)
    ui = page.speaker_editor.ui
    ui.organisationEdit.selectAll()
    qtbot.keyClicks(ui.organisationEdit, "Stadt Koeln")
    assert page.has_unsaved_changes() and ui.saveButton.isEnabled() and ui.dirtyLabel.isVisible()
    assert page.save_changes()
    assert entry(page, "Manz").organisation == "Stadt Koeln"
    assert page.model.data(page.model.index(page.model.row_of(manz.id), 1)) == "Stadt Koeln"
    assert not page.has_unsaved_changes() and not ui.saveButton.isEnabled()
    assert stored(demo_db, lambda s: speaker_values(s, manz.id))["organisation"] == "Stadt Koeln"
    assert ctx.undo_stack.undoText() == "Referent:in „Sabine Manz“ bearbeiten"

    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: entry(page, "Manz").organisation == "Landeshauptstadt Düsseldorf")
    assert ui.organisationEdit.text() == "Landeshauptstadt Düsseldorf" and page.current_id == manz.id
    assert stored(demo_db, lambda s: speaker_values(s, manz.id)) == manz.values()
    ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: ui.organisationEdit.text() == "Stadt Koeln")


def test_saving_with_ctrl_s_through_save_button(qtbot: QtBot, page: SpeakersPage, demo_db: Database) -> None:
    ui = page.speaker_editor.ui
    qtbot.keyClicks(ui.phoneEdit, "02841 201-0")
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert stored(demo_db, lambda s: speaker_values(s, entry(page, "Arndt").id))["phone"] == "02841 201-0"


def test_invalid_email_shows_the_inline_message_and_disables_save(qtbot: QtBot, page: SpeakersPage,
                                                                  demo_db: Database) -> None:
    ui = page.speaker_editor.ui
    qtbot.keyClicks(ui.emailEdit, "claus.arndt@")
    assert ui.emailError.isVisible() and "ungültig" in ui.emailError.text()
    assert not ui.saveButton.isEnabled() and page.has_unsaved_changes()
    assert not page.save_changes()
    assert ui.emailEdit.hasFocus()
    assert stored(demo_db, lambda s: speaker_values(s, entry(page, "Arndt").id))["email"] == ""
    qtbot.keyClicks(ui.emailEdit, "moers.example")
    assert not ui.emailError.isVisible() and ui.saveButton.isEnabled()


def test_last_name_is_required(qtbot: QtBot, page: SpeakersPage) -> None:
    ui = page.speaker_editor.ui
    ui.lastNameEdit.clear()
    assert ui.lastNameError.isVisible() and ui.lastNameError.text() == "Bitte geben Sie einen Nachnamen an."
    assert not ui.saveButton.isEnabled() and not page.save_changes()
    page.discard_changes()
    assert ui.lastNameEdit.text() == "Arndt" and not ui.lastNameError.isVisible()


def test_switching_rows_with_unsaved_changes_can_be_cancelled(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                                              page: SpeakersPage) -> None:
    arndt, manz = entry(page, "Arndt"), entry(page, "Manz")
    page.speaker_editor.ui.phoneEdit.setText("02841 201-0")
    asked = answer_prompt(monkeypatch, "cancel")
    page.select_id(manz.id)
    assert asked == [page]
    assert page.current_id == arndt.id
    qtbot.waitUntil(lambda: page.table.currentIndex().row() == page.model.row_of(arndt.id))
    assert page.speaker_editor.ui.phoneEdit.text() == "02841 201-0"


def test_switching_rows_can_discard(monkeypatch: pytest.MonkeyPatch, page: SpeakersPage,
                                    demo_db: Database) -> None:
    arndt, manz = entry(page, "Arndt"), entry(page, "Manz")
    page.speaker_editor.ui.phoneEdit.setText("02841 201-0")
    answer_prompt(monkeypatch, "discard")
    assert page.select_id(manz.id)
    assert page.speaker_editor.ui.lastNameEdit.text() == "Manz" and not page.has_unsaved_changes()
    assert stored(demo_db, lambda s: speaker_values(s, arndt.id))["phone"] == ""


def test_switching_rows_can_save(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, page: SpeakersPage,
                                 demo_db: Database) -> None:
    arndt, manz = entry(page, "Arndt"), entry(page, "Manz")
    page.speaker_editor.ui.phoneEdit.setText("02841 201-0")
    answer_prompt(monkeypatch, "save")
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.model.index(page.model.row_of(manz.id), 1)).center())
    assert page.current_id == manz.id and page.speaker_editor.ui.lastNameEdit.text() == "Manz"
    assert stored(demo_db, lambda s: speaker_values(s, arndt.id))["phone"] == "02841 201-0"


def test_an_invalid_form_is_not_left_when_saving_was_chosen(monkeypatch: pytest.MonkeyPatch,
                                                             page: SpeakersPage) -> None:
    arndt, manz = entry(page, "Arndt"), entry(page, "Manz")
    page.speaker_editor.ui.emailEdit.setText("kein-at-zeichen")
    answer_prompt(monkeypatch, "save")
    assert not page.select_id(manz.id)
    assert page.current_id == arndt.id and page.speaker_editor.ui.emailEdit.text() == "kein-at-zeichen"


def test_new_speaker_is_created_and_undo_deletes_it(qtbot: QtBot, page: SpeakersPage, ctx: AppContext,
                                                    demo_db: Database) -> None:
    page.new_speaker()
    ui = page.speaker_editor.ui
    assert page.editor.is_new and ui.headingLabel.text() == "Neue:r Referent:in" and ui.firstNameEdit.hasFocus()
    assert not ui.saveButton.isEnabled() and not ui.lastNameError.isVisible()
    qtbot.keyClicks(ui.firstNameEdit, "Elif")
    assert ui.lastNameError.isVisible() and not ui.saveButton.isEnabled()
    qtbot.keyClicks(ui.lastNameEdit, "Kaya")
    ui.organisationEdit.setText("Stadt Gießen")
    assert ui.saveButton.isEnabled()
    assert page.save_changes()
    assert names(page) == ["Arndt, Claus", "Kaya, Elif", *DEMO_SPEAKERS[1:]]
    new_id = page.current_id
    assert new_id is not None and ui.headingLabel.text() == "Elif Kaya" and not page.editor.is_new
    assert stored(demo_db, lambda s: speaker_values(s, new_id))["organisation"] == "Stadt Gießen"

    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: names(page) == DEMO_SPEAKERS)
    assert page.current_id != new_id
    ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: "Kaya, Elif" in names(page))
    assert entry(page, "Kaya").id == new_id  # the same person comes back


def test_new_speaker_can_be_discarded(page: SpeakersPage) -> None:
    arndt = entry(page, "Arndt")
    page.new_speaker()
    page.speaker_editor.ui.lastNameEdit.setText("Kaya")
    page.discard_changes()
    assert not page.editor.is_new and page.current_id == arndt.id
    assert page.speaker_editor.ui.lastNameEdit.text() == "Arndt"


def test_delete_and_undo_restores_the_speaker_with_their_links(qtbot: QtBot, page: SpeakersPage,
                                                               ctx: AppContext, demo_db: Database) -> None:
    manz = entry(page, "Manz")
    december = stored(demo_db, lambda s: next(r for r in list_event_rows(s) if r.starts_at.month == 12))
    agenda_before = stored(demo_db, lambda s: agenda_rows(s, december.id)[0])
    page.select_id(manz.id)
    page.delete_selected()
    assert names(page) == ["Arndt, Claus", *DEMO_SPEAKERS[2:]]
    assert page.current_id == entry(page, "Petersen").id  # the neighbour takes over
    assert [e.last_name for e in stored(demo_db, list_speaker_entries)] == ["Arndt", "Petersen", "Wiese"]
    assert ctx.undo_stack.undoText() == "Referent:in „Sabine Manz“ löschen"
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: names(page) == DEMO_SPEAKERS)
    assert stored(demo_db, lambda s: agenda_rows(s, december.id)[0]) == agenda_before


def test_a_change_elsewhere_reloads_but_keeps_unsaved_edits(qtbot: QtBot, page: SpeakersPage,
                                                            ctx: AppContext) -> None:
    page.speaker_editor.ui.phoneEdit.setText("02841 201-0")
    ctx.changed.emit(("speakers",))
    qtbot.wait(10)
    assert page.speaker_editor.ui.phoneEdit.text() == "02841 201-0" and page.has_unsaved_changes()


def test_hidden_page_reloads_when_shown(qtbot: QtBot, ctx: AppContext, demo_db: Database) -> None:
    page = SpeakersPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0  # nothing is queried before the page is shown
    page.show()
    qtbot.waitExposed(page)
    assert page.model.rowCount() == len(DEMO_SPEAKERS)


def test_models_pass_the_model_tester(qtmodeltester: Any, page: SpeakersPage) -> None:
    qtmodeltester.check(page.model)
    page.search_edit.setText("manz")
    qtmodeltester.check(page.model)


def focus_chain(start: QWidget, stop: QWidget) -> list[str]:
    """Object names of the widgets Tab visits from ``start`` until ``stop`` (visible, enabled, tab-focusable)."""
    names: list[str] = []
    widget = start.nextInFocusChain()
    while widget is not stop and len(names) < 100:
        inside_combo = isinstance(widget.parent(), QComboBox)  # an editable combo's line edit is its proxy
        focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled()
        if focusable and not inside_combo:
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    return names


def test_tab_order_follows_the_layout(qtbot: QtBot, page: SpeakersPage) -> None:
    page.speaker_editor.ui.phoneEdit.setText("1")  # buttons enabled
    chain = focus_chain(page.search_edit, page.speaker_editor.ui.saveButton)
    assert chain == ["newSpeakerButton", "deleteSpeakerButton", "peopleTable", "salutationCombo",
                     "academicTitleEdit", "firstNameEdit", "lastNameEdit", "roleEdit", "organisationEdit",
                     "bioEdit", "emailEdit", "phoneEdit", "revertButton"]
    assert not page.table.tabKeyNavigation()


def test_keyboard_only_edit(qtbot: QtBot, page: SpeakersPage, demo_db: Database) -> None:
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.speaker_editor.ui.lastNameEdit.text() == "Manz"
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.speaker_editor.ui.salutationCombo.hasFocus())
    qtbot.keyClick(page, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Te&lefon
    qtbot.waitUntil(lambda: page.speaker_editor.ui.phoneEdit.hasFocus())
    qtbot.keyClicks(page.speaker_editor.ui.phoneEdit, "0211 89-1")
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Speichern
    manz = entry(page, "Manz")  # a mnemonic "animates" the click: it lands a moment later
    qtbot.waitUntil(lambda: stored(demo_db, lambda s: speaker_values(s, manz.id))["phone"] == "0211 89-1")
    assert not page.has_unsaved_changes()


def test_page_modules_do_not_load_sqlalchemy_on_import() -> None:
    code = ("import sys; import odn_desktop.ui.pages.speakers_page, odn_desktop.ui.pages.contacts_page; "
            "print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("name", ["speaker_form", "contact_form"])
def test_compiled_forms_match_their_ui_files(name: str) -> None:
    root = Path(__file__).parents[2]
    uic = Path(sys.executable).parent / "pyside6-uic"
    fresh = subprocess.run([str(uic), str(root / "resources" / "ui" / f"{name}.ui")], capture_output=True,
                           text=True, check=True).stdout
    compiled = (root / "src" / "odn_desktop" / "ui" / "generated" / f"ui_{name}.py").read_text(encoding="utf-8")
    assert compiled.startswith(f"# generated from resources/ui/{name}.ui")
    assert "do not edit" in compiled.splitlines()[0]
    assert compiled.endswith(fresh)


def test_rendered_page(qtbot: QtBot, page: SpeakersPage, tmp_path: Path) -> None:
    page.select_id(entry(page, "Manz").id)
    page.resize(1280, 640)
    qtbot.wait(10)
    target = tmp_path / "odn-speakers.png"
    assert page.grab().save(str(target))
    image = QImage(str(target))
    assert image.width() >= 1000 and image.height() >= 600
    colors = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colors) > 10
    shutil.copyfile(target, SCREENSHOT)
