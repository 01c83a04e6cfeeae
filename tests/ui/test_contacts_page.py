"""The Kontakte page driven as the coordinator would: search, a contact's registrations, edit with inline
validation and undo, the unsaved-changes prompt, merging two contacts (and undoing it), and a rendering."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.services.contact_directory import ContactRow, contact_registrations, list_contact_rows
from odn_desktop.services.events import list_event_rows
from odn_desktop.services.people import contact_values
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.editors import person_forms
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages import contacts_page
from odn_desktop.ui.pages.contacts_page import ContactsPage, KeepContactDialog

SCREENSHOT = Path("/tmp/odn-contacts.png")
KICKOFF = "Open-Data-Netzwerktreffen: Auftaktveranstaltung"
DECEMBER = "Open-Data-Netzwerktreffen"


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog nobody expected fails the test instead of blocking it."""

    def unexpected(*args: Any) -> Any:
        raise AssertionError(f"unexpected dialog {args!r}")

    monkeypatch.setattr(person_forms, "ask_unsaved_changes", unexpected)
    monkeypatch.setattr(contacts_page, "choose_contact_to_keep", unexpected)


@pytest.fixture
def ctx(demo_db: Database) -> AppContext:
    return AppContext(demo_db)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> ContactsPage:
    widget = ContactsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def stored(db: Database, fn: Callable[[Any], Any]) -> Any:
    with transaction(db.sessions) as session:
        return fn(session)


def shown_names(page: ContactsPage) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def registrations_shown(page: ContactsPage) -> list[tuple[str, ...]]:
    m = page.registrations_model
    return [tuple(str(m.data(m.index(r, c))) for c in range(m.columnCount())) for r in range(m.rowCount())]


def contact(page: ContactsPage, predicate: Callable[[ContactRow], bool]) -> ContactRow:
    return next(r for r in page.model.all_rows() if predicate(r))


def click_row(qtbot: QtBot, page: ContactsPage, row_id: uuid.UUID,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    row = page.model.row_of(row_id)
    assert row is not None
    page.table.scrollTo(page.model.index(row, 1))
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_lists_contacts_in_german_order_with_their_registration_counts(page: ContactsPage,
                                                                       demo_db: Database) -> None:
    rows = stored(demo_db, list_contact_rows)
    assert page.model.rowCount() == len(rows) > 25
    assert [r.id for r in page.model.visible_rows()] == [r.id for r in rows]
    assert page.count_label.text() == f"{len(rows)} Kontakte"
    assert (page.count_text(1, 1), page.count_text(0, 1), page.count_text(1, 2)) == (
        "1 Kontakt", "0 von 1 Kontakt", "1 von 2 Kontakten")
    assert page.current_id == rows[0].id
    assert page.contact_editor.ui.lastNameEdit.text() == rows[0].last_name


def test_a_contacts_registrations_show_the_demo_meetings(qtbot: QtBot, page: ContactsPage) -> None:
    both = contact(page, lambda r: r.registrations == 2)
    click_row(qtbot, page, both.id)
    shown = registrations_shown(page)
    assert [s[1] for s in shown] == [KICKOFF, DECEMBER]
    assert shown[0][0] == "Do 14.10.2021" and shown[1][0] == "Do 02.12.2021"
    assert {s[2] for s in shown} <= {"Angemeldet", "Warteliste", "Storniert"}
    assert {s[3] for s in shown} <= {"ja", "nein"}
    assert page.registrations_label.text() == "Anme&ldungen zu Veranstaltungen (2)"


def test_registration_status_and_attendance_are_german(qtbot: QtBot, page: ContactsPage,
                                                       demo_db: Database) -> None:
    kickoff = stored(demo_db, lambda s: next(e for e in list_event_rows(s) if e.title == KICKOFF))
    attended = None
    for row in page.model.all_rows():
        regs = stored(demo_db, lambda s, row=row: contact_registrations(s, row.id))
        if any(r.event_id == kickoff.id and r.attended for r in regs):
            attended = row
            break
    assert attended is not None
    click_row(qtbot, page, attended.id)
    assert (KICKOFF, "Angemeldet", "ja") in [s[1:] for s in registrations_shown(page)]


def test_activating_a_registration_asks_to_open_the_event(qtbot: QtBot, page: ContactsPage) -> None:
    first = page.registrations_model.row_at(0)
    with qtbot.waitSignal(page.open_event_requested) as signal:
        page.registrations_table.activated.emit(page.registrations_model.index(0, 1))
    assert signal.args == [first.event_id, "registrations"]


@pytest.mark.parametrize(("text", "municipality"), [
    ("munster", "Münster"), ("münster", "Münster"), ("muenster", "Münster"),
    ("giessen", "Gießen"), ("gießen", "Gießen"), ("GIESSEN", "Gießen"),
])
def test_search_folds_umlauts(qtbot: QtBot, page: ContactsPage, text: str, municipality: str) -> None:
    if text.isascii():
        qtbot.keyClicks(page.search_edit, text)
    else:  # WORKAROUND: QTest's key simulation aborts (Q_ASSERT in qasciikey.cpp) on non-ASCII characters
        page.search_edit.setText(text)
    rows = page.model.visible_rows()
    assert rows and all(municipality in r.municipality for r in rows)
    assert page.count_label.text().startswith(f"{len(rows)} von ")


def test_search_finds_a_person_by_folded_name(qtbot: QtBot, page: ContactsPage) -> None:
    qtbot.keyClicks(page.search_edit, "muller")
    assert {r.last_name for r in page.model.visible_rows()} == {"Müller"}


def test_edit_a_contact_save_and_undo(qtbot: QtBot, page: ContactsPage, ctx: AppContext,
                                      demo_db: Database) -> None:
    row = page.model.row_at(0)
    before = stored(demo_db, lambda s: contact_values(s, row.id))
    ui = page.contact_editor.ui
    ui.municipalityEdit.setText("Neustadt an der Weinstraße")
    ui.federalStateCombo.setCurrentText("Rheinland-Pfalz")
    ui.consentCheck.setChecked(not before["consent_contact"])
    ui.notesEdit.setPlainText("Bitte nur per E-Mail.")
    assert page.has_unsaved_changes() and ui.saveButton.isEnabled()
    assert page.save_changes()
    after = stored(demo_db, lambda s: contact_values(s, row.id))
    assert (after["municipality"], after["federal_state"], after["notes"]) == (
        "Neustadt an der Weinstraße", "Rheinland-Pfalz", "Bitte nur per E-Mail.")
    assert after["consent_contact"] is not before["consent_contact"]
    assert page.model.row_at(page.model.row_of(row.id)).municipality == "Neustadt an der Weinstraße"
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: ui.municipalityEdit.text() == before["municipality"])
    assert stored(demo_db, lambda s: contact_values(s, row.id)) == before
    assert ui.federalStateCombo.currentText() == before["federal_state"] and not page.has_unsaved_changes()


def test_the_federal_state_combo_holds_the_sixteen_states(page: ContactsPage) -> None:
    combo: QComboBox = page.contact_editor.ui.federalStateCombo
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == "" and len(items[1:]) == 16 and "Thüringen" in items and not combo.isEditable()


def test_invalid_or_missing_email_shows_the_inline_message(qtbot: QtBot, page: ContactsPage) -> None:
    ui = page.contact_editor.ui
    ui.emailEdit.setText("anna.becker@kiel")
    ui.emailEdit.end(False)
    qtbot.keyClicks(ui.emailEdit, "@")
    assert ui.emailError.isVisible() and "ungültig" in ui.emailError.text()
    assert not ui.saveButton.isEnabled() and not page.save_changes()
    ui.emailEdit.clear()
    assert ui.emailError.text() == "Bitte geben Sie eine E-Mail-Adresse an."
    ui.lastNameEdit.clear()
    assert ui.lastNameError.isVisible() and not ui.saveButton.isEnabled()
    page.discard_changes()
    assert not ui.emailError.isVisible() and not ui.lastNameError.isVisible() and not page.has_unsaved_changes()


def test_an_address_of_another_contact_is_refused_and_the_edit_kept(page: ContactsPage, dialogs: Any,
                                                                    demo_db: Database) -> None:
    first, second = page.model.row_at(0), page.model.row_at(1)
    page.contact_editor.ui.emailEdit.setText(second.email.upper())
    assert not page.save_changes()
    assert dialogs.of("user_error") and "zusammen" in dialogs.of("user_error")[0][1]
    assert page.has_unsaved_changes() and page.current_id == first.id
    assert stored(demo_db, lambda s: contact_values(s, first.id))["email"] == first.email


def test_switching_rows_with_unsaved_changes_asks(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                                  page: ContactsPage, demo_db: Database) -> None:
    first, second = page.model.row_at(0), page.model.row_at(1)
    page.contact_editor.ui.roleEdit.setText("Open-Data-Lotsin")
    answers = ["cancel", "save"]
    asked: list[Any] = []

    def fake(parent: Any) -> str:
        asked.append(parent)
        return answers.pop(0)

    monkeypatch.setattr(person_forms, "ask_unsaved_changes", fake)
    click_row(qtbot, page, second.id)
    assert page.current_id == first.id and page.contact_editor.ui.roleEdit.text() == "Open-Data-Lotsin"
    qtbot.waitUntil(lambda: [r.id for r in page.selected_rows()] == [first.id])
    assert page.table.currentIndex().row() == page.model.row_of(first.id)
    click_row(qtbot, page, second.id)
    assert asked == [page, page] and page.current_id == second.id
    qtbot.wait(5)
    assert [r.id for r in page.selected_rows()] == [second.id]
    assert stored(demo_db, lambda s: contact_values(s, first.id))["role"] == "Open-Data-Lotsin"


def pick_merge_pair(page: ContactsPage, demo_db: Database) -> tuple[ContactRow, ContactRow]:
    """One contact only at the kick-off, one only at the December meeting."""
    def events_of(row: ContactRow) -> list[str]:
        return [r.event_title for r in stored(demo_db, lambda s: contact_registrations(s, row.id))]

    singles = [r for r in page.model.all_rows() if r.registrations == 1]
    a = next(r for r in singles if events_of(r) == [KICKOFF])
    b = next(r for r in singles if events_of(r) == [DECEMBER])
    return a, b


def test_merge_two_contacts_and_undo(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, page: ContactsPage,
                                     ctx: AppContext, demo_db: Database) -> None:
    a, b = pick_merge_pair(page, demo_db)
    total = page.model.rowCount()
    assert not page.merge_button.isEnabled()
    click_row(qtbot, page, a.id)
    click_row(qtbot, page, b.id, Qt.KeyboardModifier.ControlModifier)
    assert {r.id for r in page.selected_rows()} == {a.id, b.id} and page.merge_button.isEnabled()
    offered: list[tuple[ContactRow, ContactRow]] = []

    def keep_first(parent: Any, x: ContactRow, y: ContactRow) -> uuid.UUID:
        offered.append((x, y))
        return a.id

    monkeypatch.setattr(contacts_page, "choose_contact_to_keep", keep_first)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert offered and {offered[0][0].id, offered[0][1].id} == {a.id, b.id}
    assert page.model.rowCount() == total - 1 and page.model.row_of(b.id) is None
    assert page.current_id == a.id
    assert [s[1] for s in registrations_shown(page)] == [KICKOFF, DECEMBER]
    assert page.model.row_at(page.model.row_of(a.id)).registrations == 2
    assert ctx.undo_stack.undoText().startswith("Kontakte zusammenführen")

    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: page.model.rowCount() == total)
    assert [s[1] for s in registrations_shown(page)] == [KICKOFF]
    assert [r.event_title for r in stored(demo_db, lambda s: contact_registrations(s, b.id))] == [DECEMBER]
    rows = {r.id: r for r in stored(demo_db, list_contact_rows)}
    assert rows[a.id] == a and rows[b.id] == b

    ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: page.model.rowCount() == total - 1)


def test_merge_can_be_cancelled_in_the_chooser(monkeypatch: pytest.MonkeyPatch, page: ContactsPage,
                                               demo_db: Database) -> None:
    a, b = pick_merge_pair(page, demo_db)
    page.select_id(a.id)
    page.table.selectionModel().select(
        page.model.index(page.model.row_of(b.id), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    monkeypatch.setattr(contacts_page, "choose_contact_to_keep", lambda *args: None)
    total = page.model.rowCount()
    assert not page.merge_selected()
    assert page.model.rowCount() == total and page.ctx.undo_stack.count() == 0


def test_keep_dialog_shows_both_side_by_side(qtbot: QtBot, page: ContactsPage, demo_db: Database) -> None:
    a, b = pick_merge_pair(page, demo_db)
    dialog = KeepContactDialog(a, b, page)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(contacts_page.QLabel)}
    assert a.email in texts and b.email in texts
    assert dialog.chosen() == a.id  # equal history: the first one
    dialog.choices[1].setChecked(True)
    assert dialog.chosen() == b.id


def test_models_pass_the_model_tester(qtmodeltester: Any, page: ContactsPage) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.registrations_model)
    page.search_edit.setText("kiel")
    qtmodeltester.check(page.model)


def focus_chain(start: QWidget, stop: QWidget) -> list[str]:
    names: list[str] = []
    widget = start.nextInFocusChain()
    while widget is not stop and len(names) < 100:
        inside_combo = isinstance(widget.parent(), QComboBox)
        focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled()
        if focusable and not inside_combo:
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    return names


def test_tab_order_follows_the_layout(page: ContactsPage) -> None:
    ui = page.contact_editor.ui
    ui.notesEdit.setPlainText("x")  # buttons enabled
    page.merge_button.setEnabled(True)
    assert focus_chain(page.search_edit, page.registrations_table) == [
        "mergeButton", "peopleTable", "salutationCombo", "academicTitleEdit", "firstNameEdit", "lastNameEdit",
        "emailEdit", "organisationEdit", "municipalityEdit", "federalStateCombo", "roleEdit", "experienceCombo",
        "consentCheck", "notesEdit", "revertButton", "saveButton"]


def test_rendered_page(qtbot: QtBot, page: ContactsPage, tmp_path: Path) -> None:
    both = contact(page, lambda r: r.registrations == 2 and bool(r.academic_title))
    click_row(qtbot, page, both.id)
    qtbot.wait(10)
    target = tmp_path / "odn-contacts.png"
    assert page.grab().save(str(target))
    image = QImage(str(target))
    assert image.width() >= 1000 and image.height() >= 600
    colors = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colors) > 10
    shutil.copyfile(target, SCREENSHOT)


def test_merge_by_keyboard_only(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, page: ContactsPage) -> None:
    first, second = page.model.row_at(0), page.model.row_at(1)
    offered: list[set[uuid.UUID]] = []

    def keep_second(parent: Any, x: ContactRow, y: ContactRow) -> uuid.UUID:
        offered.append({x.id, y.id})
        return second.id

    monkeypatch.setattr(contacts_page, "choose_contact_to_keep", keep_second)
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert {r.id for r in page.selected_rows()} == {first.id, second.id} and page.merge_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # &Zusammenführen
    qtbot.waitUntil(lambda: bool(offered))  # a mnemonic "animates" the click: it lands a moment later
    assert offered == [{first.id, second.id}]
    assert page.model.row_of(first.id) is None and page.current_id == second.id
