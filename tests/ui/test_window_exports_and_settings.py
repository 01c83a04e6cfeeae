"""The Datei › Exportieren actions driven from the window (files written and read back), and the settings
dialog whose name and address become the ORGANIZER of the calendar files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from odn_desktop.domain.settings import LANGUAGE
from odn_desktop.services.events import list_event_rows, update_event
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import organizer_settings
from odn_desktop.ui.dialogs.settings_dialog import SettingsDialog
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell import workspace_window
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> Iterator[WorkspaceWindow]:
    ctx = AppContext(demo_db)
    win = WorkspaceWindow(ctx, settings=QSettings(str(tmp_path / "ws.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    ctx.ready.emit()
    december = next(r for r in ctx.read(list_event_rows) if r.title == "Open-Data-Netzwerktreffen")
    win.show_page("events")
    win.events_page().open_event(december.id)
    yield win
    ctx.undo_stack.clear()


def _wait_for_export(qtbot: QtBot, window: WorkspaceWindow, messages: list[str], dialogs: Any = None) -> str:
    qtbot.waitUntil(lambda: bool(messages) or bool(dialogs and dialogs.calls), timeout=10_000)
    return messages[-1]


@pytest.fixture
def messages(window: WorkspaceWindow) -> list[str]:
    seen: list[str] = []
    window.ctx.status_message.connect(seen.append)
    return seen


def test_attendance_sheet_from_the_menu(window: WorkspaceWindow, qtbot: QtBot, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch, messages: list[str]) -> None:
    target = tmp_path / "Anwesenheit Dezember ä.xlsx"
    monkeypatch.setattr(workspace_window, "choose_save_path", lambda *_a: target)
    window.export_actions[0].trigger()
    _wait_for_export(qtbot, window, messages)
    book = load_workbook(target, read_only=True)
    texts = [str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c]
    assert "Open-Data-Netzwerktreffen" in " ".join(texts)
    assert any("Donnerstag, 2. Dezember 2021" in t for t in texts)


def test_calendar_file_asks_about_the_private_link_and_uses_the_saved_organizer(
    window: WorkspaceWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str],
    dialogs: Any
) -> None:
    organizer_settings.save("Kim Schäfer", "kim.schaefer@difu.example", window.settings())
    event_id = window.events_page().current_event_id()
    assert event_id is not None
    monkeypatch.setattr(workspace_window, "ask_include_link", lambda *_a: pytest.fail("no link: nothing to ask"))
    monkeypatch.setattr(workspace_window, "choose_save_path", lambda *_a: tmp_path / "noch-ohne-link.ics")
    window.export_actions[2].trigger()
    _wait_for_export(qtbot, window, messages, dialogs)
    assert (tmp_path / "noch-ohne-link.ics").exists()
    window.ctx.read(lambda s: update_event(s, event_id, online_url="https://zoom.example/j/123456"))

    answers: list[bool | None] = [False, True, None]
    monkeypatch.setattr(workspace_window, "ask_include_link", lambda *_a: answers.pop(0))
    for name in ("ohne.ics", "mit.ics", "abgebrochen.ics"):
        monkeypatch.setattr(workspace_window, "choose_save_path", lambda *_a, n=name: tmp_path / n)
        messages.clear()
        window.export_actions[2].trigger()
        if name != "abgebrochen.ics":
            _wait_for_export(qtbot, window, messages, dialogs)
            assert dialogs.calls == []
    assert not (tmp_path / "abgebrochen.ics").exists()  # cancelled: nothing written
    without, with_link = (Calendar.from_ical((tmp_path / n).read_bytes()) for n in ("ohne.ics", "mit.ics"))
    (event_without,) = without.walk("VEVENT")
    (event_with,) = with_link.walk("VEVENT")
    assert "zoom.example/j/123456" not in event_without.to_ical().decode()
    assert "zoom.example/j/123456" in str(event_with["LOCATION"])
    assert str(event_with["ORGANIZER"]).lower() == "mailto:kim.schaefer@difu.example"
    assert event_with["ORGANIZER"].params["CN"] == "Kim Schäfer"


def test_personal_invitations_carry_the_saved_organizer(window: WorkspaceWindow, qtbot: QtBot, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, messages: list[str]) -> None:
    organizer_settings.save("Kim Schäfer", "kim.schaefer@difu.example", window.settings())
    folder = tmp_path / "Einladungen"
    monkeypatch.setattr(workspace_window, "choose_directory", lambda *_a: folder)
    window.export_actions[3].trigger()
    _wait_for_export(qtbot, window, messages)
    files = sorted(folder.glob("*.ics"))
    assert len(files) == 28  # every registered person of the demo meeting, nobody from the waiting list
    invitation = Calendar.from_ical(files[0].read_bytes())
    assert str(invitation["METHOD"]) == "REQUEST"
    (event,) = invitation.walk("VEVENT")
    assert str(event["ORGANIZER"]).lower() == "mailto:kim.schaefer@difu.example"


def test_settings_dialog_saves_name_address_and_language(window: WorkspaceWindow, qtbot: QtBot,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         messages: list[str]) -> None:
    def fill(_parent: Any, values: dict[str, str]) -> dict[str, str] | None:
        dialog = SettingsDialog(values)
        qtbot.addWidget(dialog)
        assert values == {"language": "de", "name": "", "email": ""}
        dialog.name_edit.setText("  Kim Schäfer ")
        dialog.email_edit.setText("kim.schaefer@difu.example")
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        return dialog.values()

    monkeypatch.setattr(workspace_window, "edit_settings_dialog", fill)
    window.settings_action.trigger()
    settings = window.settings()
    assert organizer_settings.saved_name(settings) == "Kim Schäfer"
    assert organizer_settings.saved_email(settings) == "kim.schaefer@difu.example"
    assert settings.get(LANGUAGE) == "en"
    assert messages[-1] == "Die Sprache wird beim nächsten Start umgestellt."
    organizer = organizer_settings.organizer(settings)
    assert organizer is not None and organizer.email == "kim.schaefer@difu.example"


def test_cancelled_settings_change_nothing(window: WorkspaceWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    organizer_settings.save("Alt", "alt@example.de", window.settings())
    monkeypatch.setattr(workspace_window, "edit_settings_dialog", lambda *_a: None)
    window.settings_action.trigger()
    assert organizer_settings.saved_email(window.settings()) == "alt@example.de"


def test_an_invalid_address_keeps_ok_disabled(qtbot: QtBot) -> None:
    dialog = SettingsDialog({"language": "de", "name": "", "email": ""})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and ok.isEnabled()  # no address: allowed (the fallback is used)
    qtbot.keyClicks(dialog.email_edit, "kim@")
    assert not ok.isEnabled() and "ungültig" in dialog.email_error.text()
    qtbot.keyClicks(dialog.email_edit, "difu.de")
    assert ok.isEnabled() and dialog.email_error.isHidden()


@pytest.fixture
def no_coordinator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ODN_ORGANIZER_NAME", raising=False)
    monkeypatch.delenv("ODN_ORGANIZER_EMAIL", raising=False)


def test_the_first_calendar_export_asks_for_the_coordinator_once(
    window: WorkspaceWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str],
    no_coordinator: None
) -> None:
    asked: list[dict[str, str]] = []

    def cancel(_parent: Any, values: dict[str, str]) -> None:
        asked.append(values)

    monkeypatch.setattr(organizer_settings, "ask_organizer", cancel)
    monkeypatch.setattr(workspace_window, "choose_save_path", lambda *_a: pytest.fail("asked for a file"))
    monkeypatch.setattr(workspace_window, "choose_directory", lambda *_a: pytest.fail("asked for a folder"))
    window.export_actions[2].trigger()  # cancelled: no file chosen, nothing written
    window.export_actions[3].trigger()
    assert [a["name"] for a in asked] == ["", ""] and not list(tmp_path.glob("*.ics"))

    def fill(_parent: Any, values: dict[str, str]) -> dict[str, str]:
        asked.append(values)
        return {**values, "name": "Kim Schäfer", "email": "kim.schaefer@difu.example"}

    monkeypatch.setattr(organizer_settings, "ask_organizer", fill)
    monkeypatch.setattr(workspace_window, "choose_save_path", lambda *_a: tmp_path / "treffen.ics")
    window.export_actions[2].trigger()
    _wait_for_export(qtbot, window, messages)
    (event,) = Calendar.from_ical((tmp_path / "treffen.ics").read_bytes()).walk("VEVENT")
    assert str(event["ORGANIZER"]).lower() == "mailto:kim.schaefer@difu.example"
    assert event["ORGANIZER"].params["CN"] == "Kim Schäfer"
    assert organizer_settings.saved_email(window.settings()) == "kim.schaefer@difu.example"

    folder = tmp_path / "Einladungen"
    monkeypatch.setattr(workspace_window, "choose_directory", lambda *_a: folder)
    messages.clear()
    window.export_actions[3].trigger()  # saved now: not asked again
    _wait_for_export(qtbot, window, messages)
    assert len(asked) == 3
    files = sorted(folder.glob("*.ics"))
    (invited,) = Calendar.from_ical(files[0].read_bytes()).walk("VEVENT")
    assert str(invited["ORGANIZER"]).lower() == "mailto:kim.schaefer@difu.example"


def test_the_coordinator_from_the_environment_is_not_asked_for(
    window: WorkspaceWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    monkeypatch.setenv("ODN_ORGANIZER_NAME", "Jana Koordinatorin")
    monkeypatch.setenv("ODN_ORGANIZER_EMAIL", "jana@difu.example")
    monkeypatch.setattr(organizer_settings, "ask_organizer", lambda *_a: pytest.fail("asked"))
    monkeypatch.setattr(workspace_window, "choose_save_path", lambda *_a: tmp_path / "treffen.ics")
    window.export_actions[2].trigger()
    _wait_for_export(qtbot, window, messages)
    (event,) = Calendar.from_ical((tmp_path / "treffen.ics").read_bytes()).walk("VEVENT")
    assert str(event["ORGANIZER"]).lower() == "mailto:jana@difu.example"


def test_asked_for_the_coordinator_ok_needs_name_and_address(qtbot: QtBot) -> None:
    dialog = SettingsDialog({"language": "de", "name": "", "email": ""}, require_organizer=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and not ok.isEnabled()
    assert dialog.findChild(QLabel, "organizerRequiredNote") is not None
    qtbot.keyClicks(dialog.email_edit, "kim@difu.de")
    assert not ok.isEnabled() and "Namen" in dialog.email_error.text()
    dialog.name_edit.setText("Kim Schäfer")
    assert ok.isEnabled() and dialog.email_error.isHidden()
    dialog.email_edit.clear()
    assert not ok.isEnabled()
