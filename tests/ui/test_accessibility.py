"""Accessibility (issue 15, BITV 2.0 / EN 301 549): every page and dialog walked, every input named, reached by
Tab in its order, no information by colour alone; the checks themselves fail on widgets made to fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QToolButton,
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
