"""Accessibility (issue 15, BITV 2.0 / EN 301 549): every page and dialog walked, every input named, reached by
Tab in its order, no information by colour alone; the checks themselves fail on widgets made to fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.ui import a11y_walk

# -- the checks, on widgets made to fail ---------------------------------------------------------------------


def dialog_with(qtbot: QtBot, build: Any) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    build(dialog)
    dialog.show()
    return dialog


def test_an_input_without_label_buddy_or_name_is_found(qtbot: QtBot) -> None:
    named, unnamed, icon_only = QLineEdit(), QLineEdit(), QToolButton()

    def build(dialog: QDialog) -> None:
        form = QFormLayout(dialog)
        form.addRow("&Titel:", named)  # the label is the buddy
        form.addRow(QLabel("Ort:"), unnamed)  # a label beside it, but not its buddy
        icon_only.setToolTip("Hinzufügen")  # a tooltip is no name
        form.addRow(icon_only)
        form.addRow(QCheckBox("Öffentlich"))
        form.addRow(QCheckBox())

    dialog = dialog_with(qtbot, build)
    problems = a11y_walk.unnamed_inputs(dialog)
    assert len(problems) == 3
    assert [p.split(":")[0].split()[0] for p in problems] == ["QLineEdit", "QToolButton", "QCheckBox"]
    unnamed.setAccessibleName("Ort")
    icon_only.setAccessibleName("Hinzufügen")
    assert len(a11y_walk.unnamed_inputs(dialog)) == 1


def test_an_input_tab_does_not_reach_and_a_form_out_of_order_are_found(qtbot: QtBot) -> None:
    first, second, third = QLineEdit(), QSpinBox(), QComboBox()

    def build(dialog: QDialog) -> None:
        form = QFormLayout(dialog)
        form.addRow("Erstes:", first)
        form.addRow("Zweites:", second)
        form.addRow("Drittes:", third)

    dialog = dialog_with(qtbot, build)
    assert a11y_walk.focus_problems(dialog) == []
    third.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the mouse reaches it, Tab does not
    [problem] = a11y_walk.focus_problems(dialog)
    assert "QComboBox" in problem and "not reached by Tab" in problem
    third.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    QWidget.setTabOrder(third, second)  # first, third, second
    [problem] = a11y_walk.focus_problems(dialog)
    assert problem.startswith("QComboBox") and "before QSpinBox" in problem


def test_a_radio_group_and_a_toolbar_button_with_a_menu_action_count_as_reached(qtbot: QtBot) -> None:
    """Windows' way: Tab reaches a radio group's checked button (the arrows the others), a tool bar's buttons are
    reached through the menu bar (Alt) – unless their action is in no menu."""
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QWidget()
    layout = QVBoxLayout(central)
    first, second = QRadioButton("&Eins"), QRadioButton("&Zwei")
    first.setChecked(True)
    layout.addWidget(first)
    layout.addWidget(second)
    window.setCentralWidget(central)
    in_menu, nowhere = QAction("&Speichern", window), QAction("Drucken", window)
    window.menuBar().addMenu("&Datei").addAction(in_menu)
    toolbar = window.addToolBar("Werkzeuge")
    toolbar.addAction(in_menu)
    toolbar.addAction(nowhere)
    window.show()
    [problem] = a11y_walk.focus_problems(window)
    assert "QToolButton 'Drucken'" in problem and "not reached by Tab" in problem


def test_a_text_field_that_keeps_the_tab_key_is_found(qtbot: QtBot) -> None:
    notes = QPlainTextEdit()

    def build(dialog: QDialog) -> None:
        form = QFormLayout(dialog)
        form.addRow("&Notizen:", notes)

    dialog = dialog_with(qtbot, build)
    [problem] = a11y_walk.trap_problems(dialog)
    assert problem.startswith("QPlainTextEdit") and "Tab is typed into it" in problem
    notes.setTabChangesFocus(True)
    assert a11y_walk.trap_problems(dialog) == []
    notes.setTabChangesFocus(False)
    notes.setReadOnly(True)  # a report to read: Tab does not type
    assert a11y_walk.trap_problems(dialog) == []


def test_a_read_only_table_that_tab_walks_cell_by_cell_is_found(qtbot: QtBot) -> None:
    read_only, editable = QTableView(), QTableView()

    def build(dialog: QDialog) -> None:
        form = QFormLayout(dialog)
        form.addRow("&Liste:", read_only)
        form.addRow("&Programm:", editable)  # a table one edits in keeps Tab from cell to cell
        read_only.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    dialog = dialog_with(qtbot, build)
    [problem] = a11y_walk.trap_problems(dialog)
    assert "Tab goes from cell to cell of a read-only table" in problem
    read_only.setTabKeyNavigation(False)
    assert a11y_walk.trap_problems(dialog) == []


def test_an_alt_letter_taken_twice_is_found_also_against_the_menu_bar(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&Ansicht")
    central = QWidget()
    form = QFormLayout(central)
    form.addRow("&Anrede:", QLineEdit())
    later = QPushButton("&Senden")
    later.setEnabled(False)  # clashes as soon as it is enabled
    form.addRow("&Server:", QLineEdit())
    form.addRow(later)
    form.addRow(QPushButton("Fertig && &gut"))  # "&&" is a plain "&"
    window.setCentralWidget(central)
    window.show()
    problems = a11y_walk.mnemonic_problems(window)
    assert sorted(p.split(" for ")[0] for p in problems) == ["Alt+A", "Alt+S"], problems
    assert any("menu '&Ansicht'" in p for p in problems)
    assert a11y_walk.mnemonic("Fertig && &gut") == "g" and a11y_walk.mnemonic("A && B") == ""


def test_a_style_sheet_that_hides_the_focus_is_found(qtbot: QtBot) -> None:
    def build(dialog: QDialog) -> None:
        QFormLayout(dialog).addRow("&Titel:", QLineEdit())

    dialog = dialog_with(qtbot, build)
    assert a11y_walk.hidden_focus_problems(dialog) == []
    dialog.setStyleSheet("QLineEdit { padding: 2px; }")
    assert a11y_walk.hidden_focus_problems(dialog) == []
    dialog.setStyleSheet("QLineEdit:focus { border: none; }")
    assert len(a11y_walk.hidden_focus_problems(dialog)) == 1
    dialog.setStyleSheet("QPushButton { outline: none; }")
    assert len(a11y_walk.hidden_focus_problems(dialog)) == 1


class ColouredModel(QAbstractTableModel):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "Anna" if index.column() == 0 else self.text
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 1 and index.row() == 1:
            return QColor("#f8d4d2")
        return None


def test_a_cell_that_says_something_by_colour_alone_is_found(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = ColouredModel("")
    view.setModel(model)
    [problem] = a11y_walk.colour_only_problems(view)
    assert "row 1" in problem and "BackgroundRole" in problem
    model.text = "überbucht"
    assert a11y_walk.colour_only_problems(view) == []


# -- the walk -------------------------------------------------------------------------------------------------


def test_every_page_and_dialog_is_usable_by_keyboard_and_screen_reader() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "tests.ui.a11y_walk", "1366x768"], cwd=root, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    problems: dict[str, list[str]] = result["problems"]
    report = "\n".join(f"{p}  [{', '.join(sorted(set(steps)))[:100]}]" for p, steps in problems.items())
    assert problems == {}, f"{len(problems)} problems:\n{report}"
    assert result["walk_problems"] == []
    assert result["qt_messages"] == []
    # every page, every tab of the editor (two meetings) and the dialogs were looked at, and what is in them
    assert len(result["visited"]) >= 45 and "dialog-send-mail" in result["visited"]
    assert result["inputs"] > 400 and result["coloured"] > 100
