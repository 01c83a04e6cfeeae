"""The participant list's options in the window (the CLI's --columns, --blank-rows, --per-round): chosen in the
dialog before saving, driven with the keyboard and the mouse, remembered in QSettings; the saved sheet and PDF
read back."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from odn_desktop.services.events import list_event_rows
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import attendance_options
from odn_desktop.ui.dialogs.attendance_options import AttendanceOptions, AttendanceOptionsDialog, load_options
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell import workspace_window
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

RENDERS = Path(os.environ.get("ODN_RENDERS", "/work/notes/renders"))


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


def drive(monkeypatch: pytest.MonkeyPatch, act: Callable[[AttendanceOptionsDialog], int]) -> list[dict[str, Any]]:
    """Replace the modal run of the dialog by ``act`` (which works the dialog and answers); returns what each
    dialog showed when it opened."""
    shown: list[dict[str, Any]] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, AttendanceOptionsDialog)
        shown.append({"role": dialog.role_check.isChecked(), "email": dialog.email_check.isChecked(),
                      "blank": dialog.blank_spin.value(), "per_round": dialog.per_round_check.isEnabled(),
                      "note": dialog.signature_note.text(), "title": dialog.windowTitle()})
        return act(dialog)

    monkeypatch.setattr(attendance_options, "exec_dialog", run)
    return shown


def saving_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    asked: list[str] = []

    def choose(_parent: Any, _kind: str, _title: str, suggestion: str, _filter: str) -> Path:
        asked.append(suggestion)
        return target

    monkeypatch.setattr(workspace_window, "choose_save_path", choose)
    return asked


def header_and_numbers(path: Path) -> tuple[tuple[Any, ...], list[Any]]:
    rows = [tuple(c.value for c in row) for row in load_workbook(path)["Anwesenheitsliste"].iter_rows()]
    at = next(i for i, row in enumerate(rows) if row[0] == "Nr.")
    return rows[at], [row[0] for row in rows[at + 1:]]


def test_the_options_drive_the_sheet_and_are_remembered(window: WorkspaceWindow, qtbot: QtBot, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def choose_role_email_and_three_rows(dialog: AttendanceOptionsDialog) -> int:
        qtbot.mouseClick(dialog.role_check, Qt.MouseButton.LeftButton)
        dialog.email_check.setFocus()
        qtbot.keyClick(dialog.email_check, Qt.Key.Key_Space)
        dialog.blank_spin.setFocus()
        dialog.blank_spin.selectAll()
        qtbot.keyClicks(dialog.blank_spin, "3")
        return QDialog.DialogCode.Accepted.value

    def no_rounds_here(dialog: AttendanceOptionsDialog) -> int:
        assert not dialog.round_check.isEnabled() and not dialog.round_check.isChecked()
        assert not dialog.per_round_check.isVisibleTo(dialog)
        return choose_role_email_and_three_rows(dialog)

    shown = drive(monkeypatch, no_rounds_here)
    target = tmp_path / "Liste.xlsx"
    asked = saving_to(monkeypatch, target)
    messages: list[str] = []
    window.ctx.status_message.connect(messages.append)
    window.export_actions[0].trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert shown[0] == {"role": False, "email": False, "blank": 5, "per_round": False, "title": "Anwesenheitsliste",
                        "note": "Ohne Unterschriftenspalte: Die Teilnahme eines Online-Treffens kommt aus dem "
                                "Teilnehmerbericht des Videokonferenz-Programms."}
    assert asked == ["2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx"]
    header, numbers = header_and_numbers(target)
    assert header == ("Nr.", "Nachname", "Vorname", "Titel", "Organisation/Kommune", "Funktion", "E-Mail")
    assert numbers == list(range(1, 28 + 3 + 1))  # 28 registered, 3 numbered rows for walk-ins
    assert load_options(window.settings()) == AttendanceOptions(columns=("role", "email", "round"), blank_rows=3,
                                                               per_round=True)

    # the PDF list opens with the same choice, and follows it
    shown.clear()
    messages.clear()
    pdf = tmp_path / "Liste.pdf"
    saving_to(monkeypatch, pdf)
    drive(monkeypatch, lambda _dialog: QDialog.DialogCode.Accepted.value)
    window.export_actions[4].trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Funktion" in text and "E-Mail" in text and "Unterschrift" not in text
    assert " 31 " in text and " 32 " not in text  # 28 people and the three empty rows


def test_cancelling_the_options_writes_nothing_and_asks_for_no_file(
    window: WorkspaceWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change_then_cancel(dialog: AttendanceOptionsDialog) -> int:
        dialog.blank_spin.setValue(99)
        return QDialog.DialogCode.Rejected.value

    drive(monkeypatch, change_then_cancel)
    monkeypatch.setattr(workspace_window, "choose_save_path", lambda *_a: pytest.fail("asked for a file"))
    window.export_actions[0].trigger()
    window.export_actions[4].trigger()
    assert load_options(window.settings()).blank_rows == 5  # nothing remembered either


def test_the_dialog_with_rounds_and_in_person(qtbot: QtBot) -> None:
    settings_options = AttendanceOptions(columns=("round",), blank_rows=2, per_round=True)
    dialog = AttendanceOptionsDialog(settings_options, rounds=2, signature=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.per_round_check.isEnabled() and dialog.per_round_check.isChecked()
    # one list per round: a "Runde" column would repeat itself in every row
    assert not dialog.round_check.isEnabled() and not dialog.round_check.isChecked()
    assert "Unterschrift" in dialog.signature_note.text()
    qtbot.mouseClick(dialog.per_round_check, Qt.MouseButton.LeftButton)
    assert dialog.round_check.isEnabled() and dialog.round_check.isChecked()
    assert dialog.options() == AttendanceOptions(columns=("round",), blank_rows=2, per_round=False)
    assert dialog.options().for_event(2) == AttendanceOptions(columns=("round",), blank_rows=2, per_round=False)
    assert settings_options.for_event(0) == AttendanceOptions(columns=(), blank_rows=2, per_round=False)
    assert settings_options.for_event(2) == AttendanceOptions(columns=(), blank_rows=2, per_round=True)


def test_nonsense_in_the_settings_gives_the_defaults(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat)
    settings.setValue("attendance_sheet/columns", ["email", "telefon"])
    settings.setValue("attendance_sheet/blank_rows", "viele")
    settings.setValue("attendance_sheet/per_round", "vielleicht")
    assert load_options(settings) == AttendanceOptions(columns=("email",), blank_rows=5, per_round=True)
    settings.setValue("attendance_sheet/columns", [])
    settings.setValue("attendance_sheet/blank_rows", 5000)
    settings.setValue("attendance_sheet/per_round", False)
    assert load_options(settings) == AttendanceOptions(columns=(), blank_rows=5, per_round=False)


def test_render_the_dialog(qtbot: QtBot) -> None:
    for name, rounds, signature in (("online", 0, False), ("rounds-in-person", 3, True)):
        dialog = AttendanceOptionsDialog(AttendanceOptions(columns=("role", "round"), blank_rows=5), rounds=rounds,
                                         signature=signature)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= 700 and dialog.height() <= 500, dialog.size()  # fits a 1280x720 laptop easily
        RENDERS.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(RENDERS / f"attendance-options-{name}.png"))
