"""File dialogs: dated default names, the last folder per kind of file (QSettings in the test's own scope), and the
window's exports offering both. Qt's dialog functions are replaced (no dialog opens); everything of ours runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from odn_desktop.services.events import list_event_rows
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import organizer_settings
from odn_desktop.ui.infra import file_dialogs
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow


class FakeDialogs:
    """Stands in for QFileDialog's static functions: records where each dialog started, answers from a list."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[tuple[str, str]] = []  # (function, start path)
        self.answers: list[tuple[str, str]] = []  # (path, chosen filter)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self.save)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self.open)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self.folder)

    def save(self, _parent: Any, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        self.started.append(("save", start))
        return self.answers.pop(0)

    def open(self, _parent: Any, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        self.started.append(("open", start))
        return self.answers.pop(0)

    def folder(self, _parent: Any, _caption: str, start: str) -> str:
        self.started.append(("folder", start))
        return self.answers.pop(0)[0]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    return FakeDialogs(monkeypatch)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "dialogs.ini"), QSettings.Format.IniFormat)


def folders(tmp_path: Path, *names: str) -> list[Path]:
    made = [tmp_path / name for name in names]
    for folder in made:
        folder.mkdir(parents=True)
    return made


def test_each_kind_starts_in_its_last_folder(qapp: Any, tmp_path: Path, fake: FakeDialogs,
                                             settings: QSettings) -> None:
    lists, calendars = folders(tmp_path, "Listen ä", "Kalender")
    fake.answers = [(str(lists / "a.xlsx"), ""), (str(calendars / "t.ics"), ""), (str(lists / "b.xlsx"), ""),
                    (str(calendars / "u.ics"), ""), ("", "")]
    name = "2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx"
    assert file_dialogs.save_path(None, "attendance_sheet", name, "Excel (*.xlsx)", settings=settings) == \
        lists / "a.xlsx"
    # a kind never saved before starts where the last file of any kind went
    assert file_dialogs.save_path(None, "calendar", "t.ics", "Kalender (*.ics)", settings=settings) == \
        calendars / "t.ics"
    assert file_dialogs.save_path(None, "attendance_sheet", name, "Excel (*.xlsx)", settings=settings) == \
        lists / "b.xlsx"
    file_dialogs.save_path(None, "calendar", "u.ics", "Kalender (*.ics)", settings=settings)
    assert file_dialogs.save_path(None, "attendance_sheet", name, "Excel (*.xlsx)", settings=settings) is None
    starts = [Path(start) for _f, start in fake.started]
    assert starts[0].name == name  # the suggested name, in the documents (or home) folder at first
    assert starts[1] == lists / "t.ics"  # any kind's last folder
    assert starts[2] == lists / name  # the sheet's own folder, not the calendar's
    assert starts[3] == calendars / "u.ics"
    assert starts[4] == lists / name  # cancelled: nothing remembered, still the sheet's folder
    again = QSettings(str(tmp_path / "dialogs.ini"), QSettings.Format.IniFormat)  # remembered for the next start
    assert file_dialogs.last_folder("attendance_sheet", again) == lists
    assert file_dialogs.last_folder("calendar", again) == calendars


def test_a_vanished_folder_is_not_offered(qapp: Any, tmp_path: Path, fake: FakeDialogs, settings: QSettings) -> None:
    (gone,) = folders(tmp_path, "USB-Stick")
    file_dialogs.remember_folder("registrants", gone, settings)
    gone.rmdir()
    assert file_dialogs.last_folder("registrants", settings) is None
    assert file_dialogs.start_folder("registrants", settings) != gone


def test_the_ending_of_the_chosen_type_is_added(qapp: Any, tmp_path: Path, fake: FakeDialogs,
                                                settings: QSettings) -> None:
    both = "PDF (*.pdf);;Excel-Arbeitsmappe (*.xlsx)"
    xlsx, pdf = "Excel-Arbeitsmappe (*.xlsx)", "PDF (*.pdf)"
    fake.answers = [(str(tmp_path / "Bericht"), xlsx), (str(tmp_path / "Bericht"), pdf),
                    (str(tmp_path / "Bericht.PDF"), xlsx), (str(tmp_path / "Notiz"), "")]
    assert file_dialogs.save_path(None, "report", "x.pdf", both, settings=settings) == tmp_path / "Bericht.xlsx"
    assert file_dialogs.save_path(None, "report", "x.pdf", both, settings=settings) == tmp_path / "Bericht.pdf"
    assert file_dialogs.save_path(None, "report", "x.pdf", both, settings=settings) == tmp_path / "Bericht.PDF"
    assert file_dialogs.save_path(None, "report", "x", "Alle Dateien (*)", settings=settings) == tmp_path / "Notiz"


def test_a_suggested_name_with_forbidden_characters_is_made_safe(qapp: Any, tmp_path: Path, fake: FakeDialogs,
                                                                 settings: QSettings) -> None:
    fake.answers = [("", "")]
    file_dialogs.save_path(None, "room_plan", 'Raumplan "A/B": Test?.csv', "CSV (*.csv)", settings=settings)
    assert Path(fake.started[0][1]).name == "Raumplan A B Test .csv"


def test_files_of_a_folder_kind_go_into_a_dated_subfolder(qapp: Any, tmp_path: Path, fake: FakeDialogs,
                                                          settings: QSettings) -> None:
    (base,) = folders(tmp_path, "Treffen")
    sub = "2021-12-02 Einladungen Open-Data-Netzwerktreffen"
    fake.answers = [(str(base), ""), (str(base / sub), ""), ("", "")]
    assert file_dialogs.folder_path(None, "invitations", subfolder=sub, settings=settings) == base / sub
    (base / sub).mkdir()
    assert file_dialogs.folder_path(None, "invitations", subfolder=sub, settings=settings) == base / sub  # chosen
    assert file_dialogs.folder_path(None, "invitations", subfolder=sub, settings=settings) is None
    assert [start for _f, start in fake.started][1:] == [str(base), str(base)]  # the parent is remembered


def test_open_dialogs_remember_their_folder_too(qapp: Any, tmp_path: Path, fake: FakeDialogs,
                                                settings: QSettings) -> None:
    (downloads,) = folders(tmp_path, "Downloads")
    fake.answers = [(str(downloads / "anmeldungen.csv"), ""), ("", "")]
    assert file_dialogs.open_path(None, "registration_import", "CSV (*.csv)", settings=settings) == \
        downloads / "anmeldungen.csv"
    file_dialogs.open_path(None, "registration_import", "CSV (*.csv)", settings=settings)
    assert fake.started[1] == ("open", str(downloads))


# -- the window ------------------------------------------------------------------------------------------------


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


def test_the_window_suggests_dated_names_and_remembers_the_folders(
    window: WorkspaceWindow, qtbot: QtBot, tmp_path: Path, fake: FakeDialogs
) -> None:
    messages: list[str] = []
    window.ctx.status_message.connect(messages.append)
    lists, invitations = folders(tmp_path, "Listen", "Einladungen")
    fake.answers = [(str(lists / "2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx"), "")]
    window.export_actions[0].trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert Path(fake.started[-1][1]).name == "2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx"
    assert load_workbook(lists / "2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx").sheetnames[0] == \
        "Anwesenheitsliste"

    expected = {1: "2021-12-02 Anmeldungen Open-Data-Netzwerktreffen.xlsx",
                4: "2021-12-02 Teilnehmendenliste Open-Data-Netzwerktreffen.pdf"}
    for index, name in expected.items():
        messages.clear()
        fake.answers = [("", "")]  # cancelled: only the offer is looked at
        window.export_actions[index].trigger()
        # the list's folder is the last one of any kind: both start there
        assert fake.started[-1] == ("save", str(lists / name))
        assert not messages

    organizer_settings.save("Kim Schäfer", "kim.schaefer@difu.example", window.settings())
    fake.answers = [(str(invitations), "")]
    window.export_actions[3].trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    made = invitations / "2021-12-02 Einladungen Open-Data-Netzwerktreffen"
    assert len(list(made.glob("*.ics"))) == 28 and str(made) in messages[-1]

    fake.answers = [("", "")]
    window.export_actions[0].trigger()  # the attendance sheet still starts in its own folder
    assert fake.started[-1] == ("save", str(lists / "2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx"))


def test_every_kind_of_file_has_its_declared_folder_setting() -> None:
    """The kinds the dialogs know (their labels) and the kinds ``domain.settings`` declares a folder for are the
    same, and every kind a call in the program names literally is one of them (an undeclared kind would raise)."""
    import ast

    from odn_desktop.domain.settings import FOLDER_KINDS

    assert set(file_dialogs.KIND_LABELS) | {file_dialogs.ANY_KIND} == set(FOLDER_KINDS)
    source = Path(file_dialogs.__file__).parents[2]
    used = set()
    for path in source.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in ("save_path", "open_path", "folder_path") and isinstance(node.args[1].value, str):
                    used.add(node.args[1].value)
    assert used and used <= set(file_dialogs.KIND_LABELS), sorted(used - set(file_dialogs.KIND_LABELS))
