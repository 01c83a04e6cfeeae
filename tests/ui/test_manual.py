"""The manual in the window: F1 (and Hilfe › Handbuch) opens it at its first chapter, the contents lead to every
chapter and section, links between chapters work, pictures are shown and fit the text area; a missing manual is a
German message, not a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from pytestqt.qtbot import QtBot

from conftest import DialogRecorder
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import manual_dialog
from odn_desktop.ui.dialogs.manual_dialog import ManualDialog, chapters, manual_folder
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

#: the tasks the issue asks the manual to cover, in order
TASKS = ["Erste Schritte", "Ein neues Treffen anlegen", "Anmeldungen importieren", "Den Zugangslink verschicken",
         "Teilnahme nach dem Treffen erfassen", "Teilnahmebescheinigungen ausstellen",
         "Die Auswertung für die Veranstalter", "Synchronisieren", "Sicherung zurückspielen"]


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> Iterator[WorkspaceWindow]:
    win = WorkspaceWindow(AppContext(demo_db), settings=QSettings(str(tmp_path / "ws.ini"),
                                                                  QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.ctx.ready.emit()
    yield win
    win.ctx.undo_stack.clear()


def open_manual(qtbot: QtBot, window: WorkspaceWindow) -> ManualDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ManualDialog, "manualDialog")
    assert dialog is not None, "F1 opened no manual"
    qtbot.waitExposed(dialog)
    return dialog


def test_f1_opens_the_manual_at_its_first_chapter(qtbot: QtBot, qtlog: Any, window: WorkspaceWindow) -> None:
    assert window.manual_action.shortcut().toString() == "F1"
    assert [a.text() for a in window.menuBar().actions()[-1].menu().actions() if a.text()] == [
        "&Handbuch", "Über &odn-desktop"]
    dialog = open_manual(qtbot, window)
    assert dialog.isVisible() and not dialog.isModal()  # read beside the window
    assert dialog.windowTitle() == "Handbuch – odn-desktop"
    assert dialog.headings(1) == ["Erste Schritte"]
    assert dialog.browser.toPlainText().startswith("Erste Schritte\n")
    assert dialog.contents.currentItem().text(0) == "Erste Schritte"
    assert dialog.width() <= 1366 and dialog.frameGeometry().height() <= 768

    with qtlog.disabled():  # WORKAROUND: the offscreen platform warns that it cannot raise a window
        window.manual_action.trigger()  # again: the same window comes to the front
    assert window.findChildren(ManualDialog) == [dialog]


def test_the_contents_list_every_task_and_its_sections(qtbot: QtBot, window: WorkspaceWindow) -> None:
    dialog = open_manual(qtbot, window)
    titles = [dialog.contents.topLevelItem(n).text(0) for n in range(dialog.contents.topLevelItemCount())]
    assert titles == TASKS
    for index in range(len(TASKS)):
        item = dialog.contents.topLevelItem(index)
        dialog.contents.setCurrentItem(item)
        assert dialog.headings(1) == [TASKS[index]]
        assert [item.child(n).text(0) for n in range(item.childCount())] == dialog.headings(2)
        assert item.isExpanded()


def test_a_section_is_scrolled_to_and_a_chapter_link_followed(qtbot: QtBot, window: WorkspaceWindow) -> None:
    dialog = open_manual(qtbot, window)
    dialog.resize(1000, 560)
    chapter = dialog.contents.topLevelItem(1)  # "Ein neues Treffen anlegen": long enough to scroll
    section = chapter.child(chapter.childCount() - 2)
    dialog.contents.setCurrentItem(section)
    bar = dialog.browser.verticalScrollBar()
    assert bar.value() > 0
    assert dialog.browser.cursorForPosition(dialog.browser.viewport().rect().topLeft()).block().text() \
        .startswith(section.text(0)[:10]) or bar.value() == bar.maximum()

    dialog.browser.setSource(dialog.browser.source().resolved(QUrl("04-zugangslink-verschicken.md")))
    assert dialog.headings(1) == ["Den Zugangslink verschicken"]
    assert dialog.contents.currentItem().text(0) == "Den Zugangslink verschicken"
    assert dialog.current_chapter() is not None and dialog.current_chapter().path.name.startswith("04-")


def test_pictures_are_shown_no_wider_than_the_text(qtbot: QtBot, window: WorkspaceWindow) -> None:
    dialog = open_manual(qtbot, window)
    dialog.resize(900, 600)
    qtbot.wait(150)  # the pictures follow the new width (after a short pause)
    shown = 0
    for index in range(len(dialog.chapters)):
        dialog.show_chapter(index)
        for name in dialog.picture_names():
            assert dialog.picture_readable(name), name
            shown += 1
        document = dialog.browser.document()
        assert document.size().width() <= dialog.browser.viewport().width() + 1  # nothing to scroll sideways
    assert shown >= 8


def test_a_missing_manual_is_a_message(qtbot: QtBot, window: WorkspaceWindow, dialogs: DialogRecorder,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manual_dialog, "MANUAL_FOLDER", "kein_handbuch")
    window.manual_action.trigger()
    assert window.findChild(ManualDialog) is None
    assert [args[1] for args in dialogs.of("user_error")] == [
        "Das Handbuch fehlt in dieser Installation. Bitte installieren Sie odn-desktop neu."]


def test_the_shipped_manual_is_found_in_the_package() -> None:
    folder = manual_folder()
    assert folder.parent.name == "odn_desktop"
    assert [c.title for c in chapters(folder)] == TASKS
