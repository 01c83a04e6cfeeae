"""The print preview of the participant list and the "Teilnehmendenliste drucken …" action (QtWidgets).

The list itself is painted by ``ui.pdf.participant_list``, the same function that writes the PDF, so preview,
printout and PDF cannot differ; QtPrintSupport (which needs QtWidgets) is imported only when the preview opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from odn_desktop.exchange.attendance_sheet import AttendanceSheet
from odn_desktop.ui.pdf.participant_list import page_layout, paint_participant_list, sheet_orientation

translate = QCoreApplication.translate


def exec_dialog(dialog: Any) -> int:
    """Runs a modal dialog. Replaced in tests."""
    result: int = dialog.exec()
    return result


def keyboard_friendly_preview(dialog: Any) -> None:
    """Qt's print preview for keyboard and screen reader: its tool bar's buttons (print, zoom, pages) are reached
    with Tab – Qt leaves them to the mouse, and there is no menu with the same actions – and the page number,
    the zoom and the preview have names."""
    from PySide6.QtWidgets import QComboBox, QGraphicsView, QLineEdit, QToolBar, QToolButton

    for toolbar in dialog.findChildren(QToolBar):
        for button in toolbar.findChildren(QToolButton):
            if button.defaultAction() is not None:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for combo in toolbar.findChildren(QComboBox):
            combo.setAccessibleName(translate("printing", "Zoom"))
        for edit in toolbar.findChildren(QLineEdit):
            if not isinstance(edit.parentWidget(), QComboBox):
                edit.setAccessibleName(translate("printing", "Seite"))
    for view in dialog.findChildren(QGraphicsView):
        view.setAccessibleName(translate("printing", "Vorschau"))


def show_print_preview(parent: Any, sheet: AttendanceSheet) -> int:
    """The print preview of the list; printing from it goes to the chosen printer."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(sheet_orientation(sheet)))
    printer.setDocName(translate("printing", "Teilnehmendenliste – {title}").format(title=sheet.event.title))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("printing", "Teilnehmendenliste drucken"))
    dialog.paintRequested.connect(lambda device: paint_participant_list(device, sheet))
    keyboard_friendly_preview(dialog)
    try:
        return exec_dialog(dialog)
    finally:
        dialog.deleteLater()


def make_print_action(parent: Any, load_sheet: Callable[[], AttendanceSheet | None]) -> QAction:
    """"Teilnehmendenliste drucken…" (Ctrl+P): ``load_sheet`` returns the list of the current event, or None
    (nothing selected, or a UserError it already showed)."""
    action = QAction(translate("printing", "Teilnehmendenliste &drucken …"), parent)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    action.setStatusTip(translate("printing", "Die Teilnehmendenliste der Veranstaltung in der Druckvorschau öffnen"))

    def trigger() -> None:
        sheet = load_sheet()
        if sheet is not None:
            show_print_preview(parent, sheet)

    action.triggered.connect(trigger)
    return action


def show_room_list_preview(parent: Any, view: Any, heading: str) -> int:
    """The print preview of the room list (``ui.pdf.room_plan_print`` paints it)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from odn_desktop.ui.pdf.room_plan_print import paint_room_list, room_list_page_layout

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(room_list_page_layout())
    printer.setDocName(QCoreApplication.translate("RoomPlan", "Raumplan – {title}").format(title=view.event_title))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("RoomPlan", "Raumliste drucken"))
    dialog.paintRequested.connect(lambda device: paint_room_list(device, view, heading))
    keyboard_friendly_preview(dialog)
    try:
        return exec_dialog(dialog)
    finally:
        dialog.deleteLater()
