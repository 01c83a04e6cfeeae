"""``odn-desktop --selftest``: does this installation work? One line per check, exit status 0 only if all pass.

Support asks a coordinator to run it; CI runs it in the frozen (PyInstaller) build, where a missing module,
Qt plugin or data file shows up as a failed check instead of on the coordinator's laptop. Everything happens
in a temporary folder (with a space and umlauts in its name, as in Windows user folders): a new database is
created and migrated (the bundled Alembic scripts), the demo data loaded, every main view opened offscreen and
rendered, and an attendance sheet, a calendar file and a PDF list written and read back. The coordinator's own
database, settings and logs are never touched.

Output: ``OK   <name>`` or ``FEHLER <name>: <reason>``, nothing else on stdout. ``ODN_SELFTEST_FAIL=<name>[,...]``
makes the named checks fail (to test that a failure reaches the exit status, also in the frozen build).
In the windowed Windows build there is no console (``sys.stdout`` is None): the report then goes to
``selbsttest.txt`` in the log folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import uuid

    from PySide6.QtWidgets import QApplication

    from odn_desktop.paths import AppPaths
    from odn_desktop.store.open import Database
    from odn_desktop.ui.infra.context import AppContext
    from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

FAIL_ENV_VAR = "ODN_SELFTEST_FAIL"
REPORT_FILE_NAME = "selbsttest.txt"
#: the ORGANIZER of the self-test's calendar file (the reserved .invalid domain: it never reaches anyone)
SELFTEST_ORGANIZER_NAME = "odn-desktop Selbsttest"
SELFTEST_ORGANIZER_EMAIL = "selbsttest@odn-desktop.invalid"
EXIT_OK = 0
EXIT_FAILED = 1

#: German names of the main views (``WorkspaceWindow`` page keys) for the report
VIEW_NAMES = {
    "overview": "uebersicht",
    "events": "veranstaltungen",
    "speakers": "referentinnen",
    "contacts": "kontakte",
    "registrations": "anmeldungen",
    "wishes": "themenwuensche",
    "report": "auswertung",
}


class CheckFailedError(Exception):
    """A check found something wrong; the message is the reason shown."""


@dataclass
class Check:
    name: str
    run: Callable[[SelftestState], None]
    needs: tuple[str, ...] = ()


@dataclass
class SelftestState:
    """What the checks share: the temporary folder, the database, the window."""

    folder: Path
    paths: AppPaths | None = None
    db: Database | None = None
    app: QApplication | None = None
    ctx: AppContext | None = None
    window: WorkspaceWindow | None = None
    event_id: uuid.UUID | None = None
    ics_uid: str = ""

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.app is not None:
            self.app.processEvents()
        if self.db is not None:
            self.db.close()
            self.db = None


# -- running -----------------------------------------------------------------------------------------------


def forced_failures(environ: dict[str, str] | os._Environ[str] | None = None) -> set[str]:
    value = (environ if environ is not None else os.environ).get(FAIL_ENV_VAR, "")
    return {name.strip() for name in value.split(",") if name.strip()}


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "(ohne Meldung)"


def run_checks(checks: Iterable[Check], state: SelftestState, emit: Callable[[str], None],
               forced: set[str] | None = None) -> int:
    """Run every check in order, report each, return the exit status (0 only when all passed)."""
    forced = forced if forced is not None else forced_failures()
    failed: set[str] = set()
    for check in checks:
        missing = [name for name in check.needs if name in failed]
        try:
            if missing:
                raise CheckFailedError(f"übersprungen, weil {', '.join(missing)} fehlschlug")
            if check.name in forced:
                raise CheckFailedError(f"erzwungen durch {FAIL_ENV_VAR}")
            check.run(state)
        except CheckFailedError as exc:
            failed.add(check.name)
            emit(f"FEHLER {check.name}: {_one_line(str(exc))}")
        except Exception as exc:  # a bug or a missing module/data file in the build: report it, go on
            failed.add(check.name)
            where = traceback.extract_tb(exc.__traceback__)[-1:]
            place = f" ({Path(where[0].filename).name}:{where[0].lineno})" if where else ""
            emit(f"FEHLER {check.name}: {type(exc).__name__}: {_one_line(str(exc))}{place}")
            if sys.stderr is not None:  # the whole traceback for whoever looks into it (stdout stays one line)
                traceback.print_exception(exc, file=sys.stderr)
        else:
            emit(f"OK   {check.name}")
    return EXIT_FAILED if failed else EXIT_OK


def _require(condition: object, reason: str) -> None:
    if not condition:
        raise CheckFailedError(reason)


# -- the checks --------------------------------------------------------------------------------------------


def check_modules(_state: SelftestState) -> None:
    """Modules loaded by name at run time (PyInstaller cannot see them): CLI command groups, SQL dialects."""
    import importlib

    from odn_desktop.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:
        importlib.import_module(f"odn_desktop.{name}")
    from sqlalchemy import create_engine

    for url in ("sqlite://", "postgresql+psycopg://odn@localhost/odn"):
        create_engine(url).dispose()  # loads the dialect and its driver, connects to nothing


def check_postgres_driver(_state: SelftestState) -> None:
    """psycopg with its bundled libpq (sync with the team database)."""
    import psycopg

    _require(psycopg.pq.version() > 0, "libpq meldet keine Version")


def check_keyring(_state: SelftestState) -> None:
    """The OS keyring backend (sync and SMTP passwords); on Windows the Credential Manager must be found."""
    import keyring

    backend = keyring.get_keyring()
    if sys.platform == "win32":
        _require("fail" not in type(backend).__module__, f"kein Windows-Schlüsselbund gefunden ({backend!r})")


def check_time_zones(_state: SelftestState) -> None:
    """Europe/Berlin from the bundled tzdata package (Windows has no IANA database of its own)."""
    from datetime import UTC, datetime
    from importlib import resources

    data = resources.files("tzdata").joinpath("zoneinfo").joinpath("Europe").joinpath("Berlin").read_bytes()
    _require(data.startswith(b"TZif"), "tzdata: Europe/Berlin ist keine Zeitzonendatei")
    from odn_desktop.domain.timezone import BERLIN

    summer = datetime(2026, 7, 1, 12, tzinfo=UTC).astimezone(BERLIN)
    _require(summer.utcoffset() is not None and summer.hour == 14, f"Sommerzeit falsch: {summer.isoformat()}")


def check_database(state: SelftestState) -> None:
    """A new database, created and migrated with the bundled Alembic scripts."""
    import sqlite3

    from odn_desktop.paths import AppPaths
    from odn_desktop.store.open import open_database
    from odn_desktop.store.revision import HEAD_REVISION, current_revision

    data = state.folder / "Daten"
    state.paths = AppPaths(database=data / "odn-desktop.sqlite", data_dir=data, log_dir=state.folder / "Protokolle",
                           backup_dir=data / "backups")
    state.db = open_database(state.paths.database, backup_dir=state.paths.backup_dir)
    revision = current_revision(state.paths.database)
    _require(revision == HEAD_REVISION, f"Schemastand {revision}, erwartet {HEAD_REVISION}")
    conn = sqlite3.connect(state.paths.database)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    _require(integrity == "ok", f"integrity_check: {integrity}")


def check_demo_data(state: SelftestState) -> None:
    from odn_desktop.services.demo import load_demo
    from odn_desktop.services.events import list_event_rows
    from odn_desktop.store.database import transaction
    from odn_desktop.store.models import Event

    assert state.db is not None
    with transaction(state.db.sessions) as session:
        _require(load_demo(session).created, "Demodaten wurden nicht angelegt")
        rows = list_event_rows(session)
        _require(rows, "keine Veranstaltungen nach dem Laden der Demodaten")
        busiest = max(rows, key=lambda r: r.registered)  # the one with a participant list
        _require(busiest.registered > 0, "keine Anmeldungen in den Demodaten")
        state.event_id = busiest.id
        event = session.get(Event, busiest.id)
        assert event is not None
        state.ics_uid = event.ics_uid


def check_backup(state: SelftestState) -> None:
    """The automatic daily backup (SQLite online backup) of the demo database."""
    import sqlite3

    from odn_desktop.store.backups import daily_backup

    assert state.paths is not None
    target = daily_backup(state.paths.database, state.paths.backup_dir)
    _require(target is not None and target.exists(), "keine Sicherung geschrieben")
    assert target is not None
    counts = []
    for path in (state.paths.database, target):
        conn = sqlite3.connect(path)
        try:
            counts.append(conn.execute("SELECT count(*) FROM registration").fetchone()[0])
        finally:
            conn.close()
    _require(counts[0] == counts[1] > 0, f"Sicherung unvollständig ({counts[1]} statt {counts[0]} Anmeldungen)")


def prepare_qt_environment(environ: dict[str, str] | os._Environ[str] | None = None,
                           platform: str | None = None) -> None:
    """Without a display (CI, SSH) Qt renders offscreen; Windows and macOS always have their own platform."""
    environ = environ if environ is not None else os.environ
    platform = platform or sys.platform
    if platform in ("win32", "darwin") or environ.get("QT_QPA_PLATFORM"):
        return
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        environ["QT_QPA_PLATFORM"] = "offscreen"


#: WORKAROUND: the offscreen platform warns about every top-level window; it says nothing about the installation.
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)


def _qt_message(_mode: Any, _context: Any, message: str) -> None:
    if sys.stderr is not None and not message.startswith(_QT_NOISE):
        sys.stderr.write(f"Qt: {message}\n")


def check_qt(state: SelftestState) -> None:
    """A QApplication; settings go to the temporary folder, never into the coordinator's."""
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from odn_desktop import APP_AUTHOR, APP_NAME

    settings_dir = str(state.folder / "Einstellungen")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, settings_dir)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, settings_dir)
    qInstallMessageHandler(_qt_message)
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise CheckFailedError("eine QCoreApplication ohne Fenster läuft bereits")
    app = existing if existing is not None else QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    state.app = app
    _require(app.platformName(), "keine Qt-Plattform geladen")


def check_icons(_state: SelftestState) -> None:
    """The SVG icons: Qt's SVG icon engine and image plugin (light palette) and the recolouring engine of the
    dark mode (``ui.infra.themed_icons``, QtSvg from Python) are bundled."""
    from odn_desktop.ui.infra.resources import app_icon, icon
    from odn_desktop.ui.infra.themed_icons import themed_icon

    for name, qicon in (("odn-desktop", app_icon()), ("events", icon("events")),
                        ("events (dunkel)", themed_icon("events"))):
        pixmap = qicon.pixmap(48, 48)
        _require(not pixmap.isNull(), f"Symbol {name} lässt sich nicht zeichnen")
        _require(_colours(pixmap.toImage()) > 1, f"Symbol {name} ist leer")


def check_translations(state: SelftestState) -> None:
    """Our English translation and Qt's own German strings."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from odn_desktop.ui.infra.resources import resource_path

    ours = QTranslator(state.app)
    path = resource_path("translations", "odn_desktop_en.qm")
    _require(ours.load(str(path)) and not ours.isEmpty(), f"{path} lässt sich nicht laden")
    qt = QTranslator(state.app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _require(qt.load("qtbase_de", folder), f"Qt-Übersetzung qtbase_de fehlt in {folder}")


def _colours(image: Any, samples: int = 64) -> int:
    """How many different colours a grid of sample points shows (1: an empty, single-coloured image)."""
    width, height = image.width(), image.height()
    if width == 0 or height == 0:
        return 0
    seen = set()
    for i in range(samples):
        for j in range(samples):
            seen.add(image.pixel(min(width - 1, i * width // samples), min(height - 1, j * height // samples)))
    return len(seen)


def check_window(state: SelftestState) -> None:
    """The main window on the demo database (built, shown off-screen, the database announced)."""
    from PySide6.QtCore import QSettings, Qt

    from odn_desktop.domain.settings import Settings
    from odn_desktop.ui.infra.context import AppContext
    from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

    assert state.app is not None and state.db is not None
    state.ctx = AppContext(None, state.paths)
    settings = Settings(QSettings(str(state.folder / "Einstellungen" / "fenster.ini"), QSettings.Format.IniFormat))
    window = WorkspaceWindow(state.ctx, state.paths, settings)
    state.window = window
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # rendered, never seen (also on Windows)
    window.resize(1280, 800)
    window.show()
    state.app.processEvents()
    state.ctx.set_database(state.db)
    state.app.processEvents()
    _require(window.ctx.is_ready, "Datenbank im Fenster nicht geöffnet")


def _check_rendered(state: SelftestState, widget: Any, what: str) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    assert state.app is not None
    state.app.processEvents()
    image = widget.grab().toImage()
    _require(not image.isNull() and image.width() > 0 and image.height() > 0, f"{what}: leeres Bild")
    _require(_colours(image) > 1, f"{what}: nichts gezeichnet")
    views = [v for v in widget.findChildren(QAbstractItemView) if v.model() is not None]
    if views:
        _require(any(v.model().rowCount() > 0 for v in views), f"{what}: keine Daten angezeigt")


def view_check(index: int, key: str) -> Callable[[SelftestState], None]:
    def run(state: SelftestState) -> None:
        window = state.window
        assert window is not None
        window.page_actions[index].trigger()
        page = window.page(key)
        _require(window.nav.currentRow() == index and window.stack.currentWidget() is page,
                 f"Ansicht {key} wird nicht angezeigt")
        page.reload()  # type: ignore[attr-defined]
        _check_rendered(state, page, key)

    return run


def check_event_editor(state: SelftestState) -> None:
    """The event editor with every tab (the compiled Qt Designer forms)."""
    from odn_desktop.ui.editors.event import TAB_NAMES

    window = state.window
    assert window is not None and state.event_id is not None
    window.open_event(state.event_id, "details")
    page = window.events_page()
    _require(page.current_event_id() == state.event_id, "Veranstaltung wurde nicht geöffnet")
    for tab in TAB_NAMES:
        page.open_event(state.event_id, tab)
        _check_rendered(state, page, f"Reiter {tab}")


def check_attendance_sheet(state: SelftestState) -> None:
    from openpyxl import load_workbook

    from odn_desktop.services.exports import export_attendance_sheet
    from odn_desktop.store.database import transaction

    assert state.db is not None and state.event_id is not None
    path = state.folder / "Anwesenheitsliste ä.xlsx"
    with transaction(state.db.sessions) as session:
        result = export_attendance_sheet(session, state.event_id, path, blank_rows=2)
    workbook = load_workbook(path, read_only=True)
    try:
        rows = [tuple(str(v) for v in row if v is not None) for row in workbook.active.iter_rows(values_only=True)]
    finally:
        workbook.close()
    header = next((row for row in rows if "Nachname" in row), None)  # (the demo meeting is online: unsigned)
    _require(header is not None, "keine Kopfzeile mit „Nachname“")
    _require(result.count > 0, "keine Teilnehmenden in der Liste")


def check_calendar(state: SelftestState) -> None:
    from icalendar import Calendar

    from odn_desktop.exchange.ics_calendar import Organizer
    from odn_desktop.services.exports import export_event_calendar
    from odn_desktop.store.database import transaction

    assert state.db is not None and state.event_id is not None
    path = state.folder / "Veranstaltung ä.ics"
    organizer = Organizer(SELFTEST_ORGANIZER_NAME, SELFTEST_ORGANIZER_EMAIL)  # its own: settings may hold none
    with transaction(state.db.sessions) as session:
        export_event_calendar(session, state.event_id, path, organizer=organizer)
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    uids = [str(component.get("UID")) for component in events]
    _require(uids == [state.ics_uid], f"VEVENT-UIDs {uids}, erwartet [{state.ics_uid}]")
    organizers = [str(component.get("ORGANIZER")) for component in events]
    _require(organizers == [f"mailto:{SELFTEST_ORGANIZER_EMAIL}"], f"ORGANIZER {organizers}")


def check_pdf(state: SelftestState) -> None:
    import re

    from odn_desktop.services.exports import attendance_sheet
    from odn_desktop.store.database import transaction
    from odn_desktop.ui.pdf.participant_list import save_participant_list_pdf

    assert state.db is not None and state.event_id is not None
    event_id = state.event_id
    with transaction(state.db.sessions) as session:
        sheet = attendance_sheet(session, event_id)
    path = state.folder / "Teilnehmendenliste ä.pdf"
    pages = save_participant_list_pdf(sheet, path)
    data = path.read_bytes()
    _require(data.startswith(b"%PDF-"), "keine PDF-Datei")
    page_objects = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    _require(pages >= 1 and page_objects >= 1, f"{pages} Seiten gemeldet, {page_objects} Seitenobjekte gefunden")
    _require(b"%%EOF" in data[-64:], "PDF-Datei unvollständig")


def check_chart(state: SelftestState) -> None:
    """A chart of the report: the demo series' figures drawn by the bundled matplotlib as SVG (text as text) and
    painted by Qt with the chart font registered from matplotlib's data (a missing module or font shows here)."""
    from xml.etree import ElementTree

    from PySide6.QtCore import Qt

    from odn_desktop.exchange.report_charts import LIGHT, chart_svg
    from odn_desktop.services.demo import DEMO_SERIES_ID
    from odn_desktop.services.report_figures import series_figures
    from odn_desktop.services.report_tables import series_tables
    from odn_desktop.store.database import transaction
    from odn_desktop.ui.widgets.chart_view import QT_CHART_FAMILY, ChartView, register_chart_fonts

    assert state.db is not None and state.app is not None
    with transaction(state.db.sessions) as session:
        table = series_tables(series_figures(session, DEMO_SERIES_ID))[1]  # registered/attended per meeting
    _require(table.rows, f"keine Zeilen in der Tabelle {table.key}")
    svg = chart_svg(table, LIGHT, width_in=6.5, height_in=3.2)
    texts = [t.text or "" for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    _require(any(table.title in t for t in texts), "Diagrammtitel fehlt im SVG (Text als Pfade?)")
    families = register_chart_fonts()
    _require(families == [QT_CHART_FAMILY], f"Diagrammschrift nicht geladen oder nicht umgeschrieben ({families})")
    view = ChartView()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.set_svg(svg, table.title, table.caption)
    view.resize(640, view.heightForWidth(640))
    _check_rendered(state, view, "Diagramm")
    view.deleteLater()


def check_manual(state: SelftestState) -> None:
    """The manual (Hilfe › Handbuch, F1): the chapters shipped in the package, each shown with its heading, every
    picture readable."""
    from PySide6.QtCore import Qt

    from odn_desktop.ui.dialogs.manual_dialog import ManualDialog, manual_folder

    assert state.app is not None
    folder = manual_folder()
    dialog = ManualDialog(None, folder)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    dialog.show()
    try:
        _require(len(dialog.chapters) >= 9, f"nur {len(dialog.chapters)} Kapitel in {folder}")
        for index, chapter in enumerate(dialog.chapters):
            dialog.show_chapter(index)
            state.app.processEvents()
            _require(dialog.headings(1)[:1] == [chapter.title], f"{chapter.path.name}: Überschrift fehlt")
            broken = [name for name in dialog.picture_names() if not dialog.picture_readable(name)]
            _require(not broken, f"{chapter.path.name}: Bilder fehlen: {', '.join(broken)}")
        _check_rendered(state, dialog, "Handbuch")
    finally:
        dialog.close()
        dialog.deleteLater()


def all_checks() -> list[Check]:
    from odn_desktop.ui.shell.workspace_window import PAGES

    checks = [
        Check("module", check_modules),
        Check("postgresql-treiber", check_postgres_driver),
        Check("schluesselbund", check_keyring),
        Check("zeitzonen", check_time_zones),
        Check("datenbank", check_database),
        Check("demodaten", check_demo_data, needs=("datenbank",)),
        Check("sicherung", check_backup, needs=("demodaten",)),
        Check("qt", check_qt),
        Check("symbole", check_icons, needs=("qt",)),
        Check("uebersetzungen", check_translations, needs=("qt",)),
        Check("fenster", check_window, needs=("qt", "demodaten")),
    ]
    for index, (key, _title, _icon) in enumerate(PAGES):
        checks.append(Check(f"ansicht-{VIEW_NAMES.get(key, key)}", view_check(index, key), needs=("fenster",)))
    checks += [
        Check("veranstaltung-bearbeiten", check_event_editor, needs=("fenster",)),
        Check("anwesenheitsliste", check_attendance_sheet, needs=("demodaten",)),
        Check("kalenderdatei", check_calendar, needs=("demodaten",)),
        Check("pdf-liste", check_pdf, needs=("qt", "demodaten")),
        Check("diagramm", check_chart, needs=("qt", "demodaten")),
        Check("handbuch", check_manual, needs=("qt",)),
    ]
    return checks


# -- entry point -------------------------------------------------------------------------------------------


def _report_stream() -> tuple[IO[str] | None, Path | None]:
    """stdout; in a windowed build without a console, a file in the log folder instead."""
    if sys.stdout is not None:
        return None, None
    from odn_desktop.paths import platform_dirs

    path = Path(platform_dirs().user_log_dir) / REPORT_FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8"), path  # closed in main()


def main() -> int:
    prepare_qt_environment()
    report, _report_path = _report_stream()

    def emit(line: str) -> None:
        if report is not None:
            report.write(line + "\n")
            report.flush()
            return
        stream = sys.stdout
        stream.buffer.write((line + "\n").encode(stream.encoding or "utf-8", errors="replace"))
        stream.flush()

    try:
        with tempfile.TemporaryDirectory(prefix="odn-selbsttest-", ignore_cleanup_errors=True) as tmp:
            folder = Path(tmp) / "Selbsttest ä ö"
            folder.mkdir()
            state = SelftestState(folder=folder)
            try:
                return run_checks(all_checks(), state, emit)
            finally:
                state.close()
    finally:
        if report is not None:
            report.close()
