"""Every page and dialog of the window on a laptop's screen, checked for what does not fit (issue 15).

The offscreen screen's size is fixed when Qt starts, so a walk runs in a process of its own::

    python -m tests.ui.fit_walk 1366x768 [--png DIR]

It loads the demo into a temporary database, opens the real window (which sizes itself to the screen: on a
laptop maximized), then every page of the navigation, every tab of the event editor and every dialog reachable
from the menus and buttons (``QDialog.exec`` is replaced: the dialog is shown, checked and cancelled; file
choosers hand over a prepared file or nothing) and prints JSON: the screen, what was visited, the problems.
``test_screen_fit`` runs it for 1366×768 and 1280×720; the checks themselves (``fit_problems``,
``priority_columns_problems``) are tested in-process with widgets made to fail.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import uuid

    from PySide6.QtWidgets import QApplication, QTableView, QWidget

    from odn_desktop.store.open import Database
    from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: the registrant table's columns that must be whole without scrolling
PRIORITY_COLUMNS = ("Nachname", "Vorname", "Status", "Organisation")


# -- the checks (no screen size needed: tested in-process) ---------------------------------------------------


def describe(widget: QWidget) -> str:
    """``QPushButton 'Speichern'`` or ``QLineEdit#eventSearch`` within its nearest named ancestor."""
    text = widget.property("text") if widget.metaObject().indexOfProperty("text") >= 0 else None
    name = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
    if isinstance(text, str) and text:
        name += f" {text.replace('&', '')[:40]!r}"
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return f"{name} in {parent.objectName()}" if parent is not None else name


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` is content of a scroll area or item view below ``top`` (scrolling shows the rest)."""
    from PySide6.QtWidgets import QAbstractScrollArea

    child, parent = widget, widget.parentWidget()
    while parent is not None and child is not top:
        if isinstance(parent, QAbstractScrollArea) and child is parent.viewport():
            return True
        child, parent = parent, parent.parentWidget()
    return False


def _measured(widget: QWidget) -> bool:
    """Whether a size below the minimum size hint cuts ``widget``'s content: not for a scroll area or item view
    (it scrolls), nor for the parts a control or scroll area lays out itself (a spin box's line edit, a table's
    header and scroll bars)."""
    from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox

    parent = widget.parentWidget()
    return not (isinstance(widget, QAbstractScrollArea)
                or isinstance(parent, QAbstractScrollArea | QAbstractSpinBox | QComboBox))


def fit_problems(top: QWidget, screen: Any) -> list[str]:
    """What of the window or dialog ``top`` does not fit: larger than ``screen`` (the free area, a QRect), a
    visible widget reaching out of its parent, smaller than its minimum size hint or lower than its wrapped text
    needs (text cut), a tab bar that scrolls. Content inside scroll areas and item views is not clipping."""
    from PySide6.QtWidgets import QLabel, QSizePolicy, QTabBar, QWidget

    problems = []
    frame = top.frameGeometry()
    if not (screen.contains(frame.topLeft()) and screen.contains(frame.bottomRight())):
        problems.append(f"{describe(top)}: {frame.width()}×{frame.height()} at {frame.x()},{frame.y()} "
                        f"outside the screen's {screen.width()}×{screen.height()}")
    for widget in top.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(top) or _scrolled(widget, top):
            continue
        parent = widget.parentWidget()
        if parent is not None and not parent.rect().contains(widget.geometry()):
            geometry = widget.geometry()
            problems.append(f"{describe(widget)}: {geometry.width()}×{geometry.height()} at {geometry.x()},"
                            f"{geometry.y()} reaches out of its {parent.width()}×{parent.height()} parent")
        hint = widget.minimumSizeHint()
        policy = widget.sizePolicy()
        ignored = QSizePolicy.Policy.Ignored
        if _measured(widget) and hint.isValid() and (
                (widget.width() < hint.width() and policy.horizontalPolicy() != ignored)
                or (widget.height() < hint.height() and policy.verticalPolicy() != ignored)):
            problems.append(f"{describe(widget)}: {widget.width()}×{widget.height()}, needs "
                            f"{hint.width()}×{hint.height()} (cut)")
        if (isinstance(widget, QLabel) and widget.wordWrap()  # (a layout's height for width is what it prefers)
                and widget.height() < widget.heightForWidth(widget.width())):
            problems.append(f"{describe(widget)}: {widget.height()} px high, its wrapped text needs "
                            f"{widget.heightForWidth(widget.width())} (cut)")
        if isinstance(widget, QTabBar) and widget.count():
            last = widget.tabRect(widget.count() - 1)
            if widget.tabRect(0).left() < 0 or last.right() >= widget.width():
                problems.append(f"{describe(widget)}: its {widget.count()} tabs need scrolling")
    return problems


def priority_columns_problems(table: QTableView, titles: tuple[str, ...] = PRIORITY_COLUMNS,
                              status_texts: tuple[str, ...] = ()) -> list[str]:
    """The columns ``titles`` of ``table`` not whole in its viewport without scrolling; a Status column too
    narrow for the pill of one of ``status_texts``."""
    from PySide6.QtCore import Qt

    model = table.model()
    headers = {str(model.headerData(c, Qt.Orientation.Horizontal)): c for c in range(model.columnCount())}
    problems = []
    if table.horizontalScrollBar().value() != 0:
        problems.append(f"{describe(table)} is scrolled sideways")
    width = table.viewport().width()
    for title in titles:
        column = headers.get(title)
        if column is None or table.isColumnHidden(column):
            problems.append(f"{describe(table)}: column {title!r} missing or hidden")
            continue
        left = table.columnViewportPosition(column)
        right = left + table.columnWidth(column)
        if left < 0 or right > width:
            problems.append(f"{describe(table)}: column {title!r} at {left}–{right} not whole in the "
                            f"{width} px viewport")
    from odn_desktop.ui.models.registrations_columns import PILL_MARGIN, PILL_PADDING

    status = headers.get("Status")
    if status is not None and status_texts:
        metrics = table.fontMetrics()
        needed = max(metrics.horizontalAdvance(text) for text in status_texts) + PILL_PADDING + 2 * PILL_MARGIN
        if table.columnWidth(status) < needed:
            problems.append(f"{describe(table)}: Status column {table.columnWidth(status)} px, "
                            f"its longest pill needs {needed} px")
    return problems


# -- the walk -------------------------------------------------------------------------------------------------


@dataclass
class Walk:
    app: QApplication
    window: WorkspaceWindow
    db: Database
    screen: Any  # QRect: the free area
    png: Path | None
    visited: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    captured: list[QWidget] = field(default_factory=list)  # dialogs met in exec() during the current step

    def settle(self, rounds: int = 4) -> None:
        from PySide6.QtCore import QThreadPool

        for _ in range(rounds):
            self.app.processEvents()
            QThreadPool.globalInstance().waitForDone(5000)
            self.app.processEvents()
            time.sleep(0.02)

    def check(self, name: str, top: QWidget) -> None:
        self.settle()
        self.visited.append(name)
        self.problems += [f"{name}: {p}" for p in fit_problems(top, self.screen)]
        if self.png is not None:
            top.grab().save(str(self.png / f"{name}.png"))

    def dialog(self, name: str, trigger: Callable[[], object]) -> None:
        """Run ``trigger``; every dialog it executes (or shows) is checked, then cancelled; one at least."""
        from PySide6.QtWidgets import QApplication, QDialog

        before = set(QApplication.topLevelWidgets())
        self.captured = []
        trigger()
        self.settle()
        shown = [w for w in QApplication.topLevelWidgets() if w not in before and isinstance(w, QDialog)
                 and w.isVisible() and w not in self.captured]
        for dialog in shown:  # non-modal (the manual)
            self.check(name, dialog)
            dialog.close()
        if not self.captured and not shown:
            self.problems.append(f"{name}: no dialog opened")
        self.settle()

    def capture(self, dialog: QWidget) -> int:
        """Replaces ``QDialog.exec``: show, check, cancel."""
        name = self._name
        self.captured.append(dialog)
        dialog.show()
        self.check(name if len(self.captured) == 1 else f"{name}-{len(self.captured)}", dialog)
        dialog.close()
        return 0

    _name: str = ""  # the step running now (dialogs met in it are named after it)


@contextmanager
def replaced_dialogs(walk: Walk, files: dict[str, Path]) -> Iterator[None]:
    """``QDialog.exec`` (and QMessageBox's) show and check the dialog, then cancel; file choosers answer with
    ``files[kind]`` or nothing; no message box blocks."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    from odn_desktop.ui.infra import context, file_dialogs

    statics = ("information", "question", "warning", "critical")
    saved: list[tuple[Any, str, Any]] = [(QMessageBox, name, getattr(QMessageBox, name)) for name in statics]
    saved += [(QDialog, "exec", QDialog.exec), (QMessageBox, "exec", QMessageBox.exec),
             (file_dialogs, "open_path", file_dialogs.open_path), (file_dialogs, "save_path", file_dialogs.save_path),
             (file_dialogs, "folder_path", file_dialogs.folder_path),
             (context, "show_user_error", context.show_user_error)]
    def noted(*args: Any, **_kwargs: Any) -> Any:  # a static message box would wait for a click
        walk.problems.append(f"{walk._name}: message box {args[1:3]!r}")
        return QMessageBox.StandardButton.Cancel

    def no_error(_parent: Any, text: str, *_args: Any) -> None:
        walk.problems.append(f"{walk._name}: error message {text!r}")

    def capture_exec(dialog: QWidget) -> int:  # a function: Python binds it to the dialog, not to the walk
        return walk.capture(dialog)

    for name in statics:
        setattr(QMessageBox, name, noted)
    setattr(QDialog, "exec", capture_exec)  # noqa: B010
    setattr(QMessageBox, "exec", capture_exec)  # noqa: B010
    setattr(file_dialogs, "open_path", lambda _parent, kind, *_a, **_k: files.get(kind))  # noqa: B010
    setattr(file_dialogs, "save_path", lambda *_a, **_k: None)  # noqa: B010
    setattr(file_dialogs, "folder_path", lambda *_a, **_k: None)  # noqa: B010
    setattr(context, "show_user_error", no_error)  # noqa: B010
    try:
        yield
    finally:
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)


ZOOM_REPORT = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
    "Julia Arslan (Stadt Münster),julia.arslan@muenster.example,{day} 09:58:00 AM,{day} 11:30:00 AM,92,Yes\n"
    "iPhone von Max,,{day} 10:00:00 AM,{day} 10:05:00 AM,5,Yes\n"
)
REGISTRATIONS_CSV = ("Zeitstempel;Vorname;Nachname;E-Mail-Adresse;Organisation\n"
                     "{day} 09:12;Greta;Lindner;greta.lindner@leipzig.example;Stadt Leipzig\n"
                     "{day} 13:27;Peter;Roth;peter.roth(at)fulda.example;Stadt Fulda\n")


def upcoming_event(db: Database) -> uuid.UUID:
    from odn_desktop.domain.timezone import utcnow
    from odn_desktop.services.events import list_event_rows
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as session:
        rows = list_event_rows(session)
    coming = [r for r in rows if r.starts_at > utcnow()]
    return min(coming or rows, key=lambda r: r.starts_at).id


def december_event(db: Database) -> uuid.UUID:
    from odn_desktop.services.events import resolve_event
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as session:
        return resolve_event(session, "2021-12-02").id


def walk_pages(walk: Walk) -> None:
    from odn_desktop.ui.editors.event import TAB_NAMES
    from odn_desktop.ui.shell.workspace_window import PAGES

    window = walk.window
    for key, _title, _icon in PAGES:
        window.show_page(key)
        walk.settle()
        if key == "wishes":
            from PySide6.QtWidgets import QTreeView

            tree = window.page(key).findChild(QTreeView, "wishTree")
            if tree is not None:
                tree.expandAll()
        walk.check(f"page-{key}", window)
    for event_name, event_id in (("upcoming", upcoming_event(walk.db)), ("december", december_event(walk.db))):
        for tab in TAB_NAMES:
            window.open_event(event_id, tab)
            walk.check(f"event-{event_name}-{tab}", window)
            if tab == "registrations":
                check_registrant_table(walk, f"event-{event_name}-{tab}")
    events = window.events_page()
    window.open_event(upcoming_event(walk.db), "registrations")
    events.set_list_visible(False)
    walk.check("event-upcoming-registrations-list-hidden", window)
    events.set_list_visible(True)
    walk.settle()


def status_texts(model: Any) -> tuple[str, ...]:
    """Every status a registrant table's rows show ("Angemeldet", "Warteliste #3", ...)."""
    from odn_desktop.ui.models.registrations_columns import status_text

    return tuple({status_text(row) for row in model.all_rows()})


def check_registrant_table(walk: Walk, name: str) -> None:
    tab: Any = walk.window.events_page().editor.registrations
    walk.problems += [f"{name}: {p}" for p in priority_columns_problems(tab.table,
                                                                        status_texts=status_texts(tab.model))]


def walk_dialogs(walk: Walk, work: Path) -> None:
    from odn_desktop.ui.dialogs import mail_ui, organizer_settings
    from odn_desktop.ui.pages import events_page

    window = walk.window
    upcoming = upcoming_event(walk.db)
    december = december_event(walk.db)

    def step(name: str, trigger: Callable[[], object]) -> None:
        walk._name = f"dialog-{name}"
        walk.dialog(walk._name, trigger)

    window.open_event(upcoming, "details")
    walk.settle()
    editor = window.events_page().editor
    step("settings", window.settings_action.trigger)
    step("about", window.about_action.trigger)
    step("manual", window.manual_action.trigger)
    step("mail", window.mail_action.trigger)
    step("privacy", window.privacy_action.trigger)
    step("import-registrations", window.import_actions[0].trigger)
    window.open_event(december, "details")
    walk.settle()
    step("import-attendance", window.import_actions[1].trigger)
    step("attendance-summary", lambda: attendance_summary(walk, work / "zoom.csv"))
    step("attendance-list-options", window.export_actions[0].trigger)
    step("print-preview", window.print_action.trigger)
    step("certificates", lambda: click(editor, "Teilnahmebescheinigungen"))
    window.open_event(upcoming, "details")
    walk.settle()
    step("announcement", editor.announce_button.click)
    step("duplicate", window.events_page().duplicate_button.click)
    window.open_event(upcoming, "rounds")
    walk.settle()
    step("round", editor.rounds.add_button.click)
    window.open_event(upcoming, "registrations")
    walk.settle()
    step("add-registrant", editor.registrations.add_button.click)  # type: ignore[attr-defined]
    step("send-mail", lambda: send_dialog(walk, upcoming))
    step("import-report", lambda: import_report(walk))
    step("keep-contact", lambda: keep_contact(walk))
    step("wish-plan", lambda: wish_plan(walk))
    step("sync-settings", window.sync_actions[1].trigger)  # "Server für den Abgleich …"
    step("organizer", lambda: organizer_settings.ask_organizer(window, {"name": "", "email": ""}))
    step("promoted-notice", lambda: mail_ui.ask_notify_promoted(window, "Von der Warteliste nachgerückt", (
        "Bernd Brandt (Runde Fortgeschrittene) ist von der Warteliste nachgerückt und hat jetzt einen Platz.")))
    step("unsaved-changes", lambda: events_page.ask_unsaved_changes(window))
    window.open_event(upcoming, "rooms")
    walk.settle()
    step("room-list-print", lambda: click(editor, "Raumliste drucken"))
    step("sync-conflicts", lambda: conflict_dialog(walk))


def click(root: QWidget, text: str) -> None:
    from PySide6.QtWidgets import QPushButton

    button = next(b for b in root.findChildren(QPushButton) if b.text().replace("&", "").startswith(text))
    button.click()


def attendance_summary(walk: Walk, report_file: Path) -> None:
    from odn_desktop.ui.dialogs.attendance_dialog import AttendanceSummaryDialog, build_attendance_dialog

    dialog = build_attendance_dialog(walk.window, walk.window.ctx, december_event(walk.db), report_file)
    summary = AttendanceSummaryDialog(dialog.matched, dialog.event_label, undoable=True, parent=walk.window)
    dialog.deleteLater()
    summary.exec()


def send_dialog(walk: Walk, event_id: uuid.UUID) -> None:
    from odn_desktop.services.mailing import load_template
    from odn_desktop.ui.dialogs.mail_send_dialog import SendDialog

    template = walk.window.ctx.read(lambda s: load_template(s, "reminder"))
    SendDialog(walk.window.ctx, event_id, "reminder", template, None, walk.window).exec()


def import_report(walk: Walk) -> None:
    from odn_desktop.ui.dialogs.import_mapping_dialog import ReportDialog

    text = "\n".join(f"Zeile {n}: Greta Lindner <greta.lindner@leipzig.example> – neu angemeldet" for n in range(40))
    ReportDialog(text, "Importbericht Anmeldungen.txt", walk.window).exec()


def keep_contact(walk: Walk) -> None:
    from odn_desktop.services.contact_directory import list_contact_rows
    from odn_desktop.ui.pages.contacts_page import KeepContactDialog

    rows = walk.window.ctx.read(list_contact_rows)
    KeepContactDialog(rows[0], rows[1], walk.window).exec()


def wish_plan(walk: Walk) -> None:
    from odn_desktop.services.wish_rows import plan_candidates
    from odn_desktop.ui.dialogs.wish_plan_dialog import PlanDialog

    event_id = upcoming_event(walk.db)
    meetings = walk.window.ctx.read(lambda s: plan_candidates(s, series_of(s, event_id)))
    PlanDialog("Open Data in kleinen Kommunen: Wo fangen wir an?", meetings, walk.window).exec()


def series_of(session: Any, event_id: uuid.UUID) -> Any:
    from odn_desktop.services.events import get_event

    return get_event(session, event_id).series_id


def conflict_dialog(walk: Walk) -> None:
    import uuid

    from odn_desktop.sync.conflicts import Conflict
    from odn_desktop.ui.dialogs.sync_ui import ConflictDialog

    conflicts = [Conflict(n, "contacts", uuid.uuid4(), "organisation", "Stadt Münster",
                          "Stadt Münster – Amt für Digitalisierung", f"Kontakt Person {n}") for n in range(1, 4)]
    ConflictDialog(conflicts, walk.window).exec()


def prepare_environment(work: Path, size: tuple[int, int]) -> None:
    """Offscreen on one screen of ``size`` at 96 dpi; every user folder inside ``work``."""
    screen = {"name": "laptop", "x": 0, "y": 0, "width": size[0], "height": size[1], "logicalDpi": 96,
              "logicalBaseDpi": 96, "dpr": 1}
    config = work / "offscreen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.pop("QT_SCALE_FACTOR", None)
    os.environ["QT_ENABLE_HIGHDPI_SCALING"] = "0"
    if FONT_DIR.is_dir():
        os.environ.setdefault("QT_QPA_FONTDIR", str(FONT_DIR))
    home = work / "home"
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config")):
        os.environ[var] = str(home / sub)
    os.environ.pop("ODN_DB", None)


def run(size: tuple[int, int], png: Path | None) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="odn-fit-"))
    try:
        prepare_environment(work, size)
        from PySide6.QtCore import QSettings, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from odn_desktop.paths import AppPaths
        from odn_desktop.services.demo import load_demo
        from odn_desktop.store.database import transaction
        from odn_desktop.store.open import open_database
        from odn_desktop.ui.dialogs import organizer_settings
        from odn_desktop.ui.infra.context import AppContext
        from odn_desktop.ui.shell.language import install_translators
        from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

        messages: list[str] = []
        qInstallMessageHandler(lambda _mode, _context, message: messages.append(message))
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(work / "settings"))
        app = QApplication([sys.argv[0]])
        install_translators(app, "de")
        organizer_settings.save("Maria Muster", "netzwerktreffen@difu.example")
        paths = AppPaths(database=work / "Daten" / "odn.sqlite", data_dir=work / "Daten",
                         log_dir=work / "Protokolle", backup_dir=work / "Daten" / "backups")
        db = open_database(paths.database)
        with transaction(db.sessions) as session:
            load_demo(session)
        december = f"{date(2021, 12, 2):%m/%d/%Y}"
        (work / "zoom.csv").write_text(ZOOM_REPORT.format(day=december), encoding="utf-8")
        yesterday = date.today() - timedelta(days=1)
        (work / "anmeldungen.csv").write_text(REGISTRATIONS_CSV.format(day=f"{yesterday:%d.%m.%Y}"),
                                              encoding="utf-8")
        ctx = AppContext(db, paths)
        window = WorkspaceWindow(ctx, paths, settings=QSettings(str(work / "window.ini"), QSettings.Format.IniFormat))
        screen = app.primaryScreen().availableGeometry()
        walk = Walk(app, window, db, screen, png)
        window.show()
        ctx.ready.emit()
        walk.settle(8)
        if png is not None:
            png.mkdir(parents=True, exist_ok=True)
        files = {"registration_import": work / "anmeldungen.csv", "attendance_report": work / "zoom.csv"}
        with replaced_dialogs(walk, files):
            walk_pages(walk)
            walk_dialogs(walk, work)
        result = {"screen": [screen.width(), screen.height()], "maximized": window.isMaximized(),
                  "window": [window.frameGeometry().width(), window.frameGeometry().height()],
                  "visited": walk.visited, "problems": walk.problems,
                  "qt_messages": sorted({m for m in messages if "propagateSizeHints" not in m})}
        ctx.undo_stack.clear()
        window.close()
        walk.settle(2)
        db.close()
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("size", help="the screen, e.g. 1366x768")
    parser.add_argument("--png", type=Path, default=None, help="a picture of every page and dialog into this folder")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    print(json.dumps(run((width, height), args.png), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
