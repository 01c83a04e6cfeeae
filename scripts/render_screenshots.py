"""Render the main pages of the demo as PNG pictures at 1366×768, offscreen (no display needed).

The manual's screenshots come from here, so they show the program as it is (docs/manual/images/); without a
display, scripts/demo.sh uses it to show the demo as pictures instead of a window nobody can see.

    python scripts/render_screenshots.py                    # the manual's pictures (docs/manual/images/)
    python scripts/render_screenshots.py --out DIR          # somewhere else
    python scripts/render_screenshots.py --out DIR --summary   # and a short German summary of the demo data

The demo is loaded into a temporary database (a new one each time, nothing of the user's is read or written);
the window is the real one, in German, with settings in the same temporary folder. After writing the manual's
pictures the package copy of the manual is refreshed (scripts/build_manual.py). PNGs are shrunk with pngquant or
optipng when one of them is installed (``--no-optimise``: plain).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
MANUAL_IMAGES = ROOT / "docs" / "manual" / "images"
SIZE = (1366, 768)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

if TYPE_CHECKING:
    import uuid

    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QDialog

    from odn_desktop.store.open import Database
    from odn_desktop.ui.shell.workspace_window import WorkspaceWindow


@dataclass(frozen=True)
class Shot:
    """One picture: its file name, what it shows (German, printed) and how the window is brought there. A shot
    whose ``prepare`` returns a dialog shows that dialog over the window (as the coordinator sees it)."""

    name: str
    caption: str
    prepare: Callable[[WorkspaceWindow, Database], QDialog | None]
    page: bool = True  # one of the main pages (demo.sh shows these); else a dialog for the manual


def _event(db: Database, day: str | None = None) -> uuid.UUID:
    """The demo's meeting on ``day`` (ISO date), else its coming meeting (the one open for registration)."""
    from odn_desktop.domain.timezone import utcnow
    from odn_desktop.services.events import list_event_rows, resolve_event
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as session:
        if day is not None:
            return resolve_event(session, day).id
        rows = list_event_rows(session)
    coming = [r for r in rows if r.starts_at > utcnow()]
    return min(coming or rows, key=lambda r: r.starts_at).id


def _page(key: str) -> Callable[[WorkspaceWindow, Database], None]:
    def prepare(window: WorkspaceWindow, _db: Database) -> None:
        window.show_page(key)
        if key == "wishes":  # the groups opened: their wishes and who sent them
            from PySide6.QtWidgets import QTreeView

            tree = window.page(key).findChild(QTreeView, "wishTree")
            if tree is not None:
                tree.expandAll()

    return prepare


def _event_tab(tab: str) -> Callable[[WorkspaceWindow, Database], None]:
    def prepare(window: WorkspaceWindow, db: Database) -> None:
        window.open_event(_event(db), tab)

    return prepare


def _access_link_mail(window: WorkspaceWindow, db: Database) -> QDialog:
    """The template editor with the access-link template for the coming meeting, its link entered as the manual
    says (the demo's coming meeting has none yet)."""
    from odn_desktop.services.events import update_event
    from odn_desktop.ui.dialogs.mail_ui import MailDialog

    event_id = _event(db)
    window.ctx.write(lambda s: update_event(s, event_id, online_url=EXAMPLE_LINK), ("events",))
    window.open_event(event_id, "details")
    return MailDialog(window.ctx, event_id, window, template="access_link")


#: a web form's export as the import chapter shows it: two new people, one already registered, a typo in an
#: address, and someone who sent the form twice
IMPORT_CSV = """Zeitstempel;Vorname;Nachname;E-Mail-Adresse;Organisation;Welche Runde?
{day} 09:12;Greta;Lindner;greta.lindner@leipzig.example;Stadt Leipzig;Einsteiger:innen
{day} 10:40;Omar;Haddad;omar.haddad@kassel.example;Stadt Kassel;Fortgeschrittene
{day} 11:05;Julia;Arslan;julia.arslan@muenster.example;Stadt Münster;Fortgeschrittene
{day} 13:27;Peter;Roth;peter.roth(at)fulda.example;Stadt Fulda;Einsteiger:innen
{day} 14:02;Greta;Lindner;greta.lindner@leipzig.example;Stadt Leipzig;Einsteiger:innen
"""  # {day}: yesterday (the demo's coming meeting is open for registration until a few days from today)


def _registration_import(window: WorkspaceWindow, db: Database) -> QDialog:
    """The import dialog on a small web-form export for the coming meeting (nothing is imported)."""
    from odn_desktop.ui.dialogs.import_mapping_dialog import build_import_dialog

    event_id = _event(db)
    window.open_event(event_id, "registrations")
    path = db.path.parent / "Anmeldungen Webformular.csv"
    yesterday = date.today() - timedelta(days=1)
    path.write_text(IMPORT_CSV.format(day=f"{yesterday:%d.%m.%Y}"), encoding="utf-8")
    return build_import_dialog(window, window.ctx, event_id, path)


def _zoom_report(db: Database, event_id: uuid.UUID) -> str:
    """A Zoom participant report of the meeting ``event_id`` as the attendance chapter shows it: most people with
    their address (one of them twice: laptop and phone), one without an address under her name the other way
    round, one phone nobody can tell, and the host."""
    from odn_desktop.domain.timezone import to_berlin
    from odn_desktop.services.events import get_event
    from odn_desktop.services.registrations import list_registration_rows
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as session:
        event = get_event(session, event_id)
        start, end = to_berlin(event.starts_at), to_berlin(event.ends_at)
        people = [r for r in list_registration_rows(session, event_id) if r.status == "registered"][:12]

    def at(minutes: int) -> str:
        return f"{start + timedelta(minutes=minutes):%m/%d/%Y %I:%M:%S %p}"

    span = int((end - start).total_seconds() // 60)
    rows = [f"{COORDINATOR[0]} (Host),{COORDINATOR[1]},{at(-10)},{at(span + 5)},{span + 15},No"]
    for n, person in enumerate(people[:9]):
        left = span - (n % 4) * 20
        rows.append(f"{person.first_name} {person.last_name},{person.email},{at(n % 3)},{at(left)},{left - n % 3},Yes")
    first = people[0]
    rows.append(f"{first.first_name} {first.last_name} (Handy),{first.email},{at(30)},{at(50)},20,Yes")
    other = people[9]
    rows.append(f"{other.last_name} {other.first_name},,{at(5)},{at(span)},{span - 5},Yes")
    rows.append(f"iPhone von {people[10].first_name},,{at(2)},{at(span - 10)},{span - 12},Yes")
    header = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"
    return "\n".join([header, *rows]) + "\n"


def _attendance_import(window: WorkspaceWindow, db: Database) -> QDialog:
    """The attendance dialog on a Zoom report of the December 2021 meeting (nothing is imported)."""
    from odn_desktop.ui.dialogs.attendance_dialog import build_attendance_dialog

    event_id = _event(db, "2021-12-02")
    window.open_event(event_id, "registrations")
    path = db.path.parent / "participants_81234567890.csv"
    path.write_text(_zoom_report(db, event_id), encoding="utf-8")
    return build_attendance_dialog(window, window.ctx, event_id, path)


def _certificates(window: WorkspaceWindow, db: Database) -> QDialog:
    """Who of the December 2021 meeting gets a certificate."""
    from odn_desktop.ui.dialogs.certificates_dialog import CertificatesDialog

    event_id = _event(db, "2021-12-02")
    window.open_event(event_id, "registrations")
    return CertificatesDialog(window.ctx, event_id, window)


EXAMPLE_LINK = "https://zoom.us/j/81234567890"
#: the coordinator of the pictures (Extras › Einstellungen), fictitious like the demo's people
COORDINATOR = ("Maria Muster", "netzwerktreffen@difu.example")
SHOTS = (
    Shot("uebersicht.png", "Übersicht: die nächsten Treffen, offene Fristen und Aufgaben", _page("overview")),
    Shot("veranstaltung.png", "Veranstaltungen: die Liste und das nächste Treffen im Editor (Details)",
         _event_tab("details")),
    Shot("anmeldungen.png", "Das nächste Treffen, Reiter Anmeldungen: Plätze, Warteliste, Runden",
         _event_tab("registrations")),
    Shot("programm.png", "Das nächste Treffen, Reiter Programm", _event_tab("agenda")),
    Shot("kontakte.png", "Kontakte: alle Personen mit ihren Anmeldungen", _page("contacts")),
    Shot("themenwuensche.png", "Themenwünsche: gesammelt, gruppiert, eingeplant", _page("wishes")),
    Shot("auswertung.png", "Auswertung: Kennzahlen und Diagramme der Reihe", _page("report")),
    # dialogs for the manual (last: the mail shot enters an access link into the temporary demo)
    Shot("import.png", "Anmeldungen importieren: Zuordnung der Spalten und Vorschau", _registration_import,
         page=False),
    Shot("teilnahme.png", "Teilnahme importieren: ein Zoom-Bericht, den Anmeldungen zugeordnet", _attendance_import,
         page=False),
    Shot("bescheinigungen.png", "Teilnahmebescheinigungen des Treffens vom 02.12.2021", _certificates, page=False),
    Shot("zugangslink.png", "E-Mails an Angemeldete: die Vorlage „Zugangslink mit Einladung“", _access_link_mail,
         page=False),
)


def _prepare_environment(work: Path) -> None:
    """Offscreen on a 1366×768 screen at 96 dpi (a window or dialog sized to the screen sizes itself as on the
    laptop), one device pixel per pixel, every user folder inside ``work``."""
    screen = {"name": "laptop", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1], "logicalDpi": 96,
              "logicalBaseDpi": 96, "dpr": 1}
    config = work / "offscreen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    # the platform's options are separated by ":", which a Windows path holds: there the default screen serves
    os.environ["QT_QPA_PLATFORM"] = "offscreen" if sys.platform == "win32" else f"offscreen:configfile={config}"
    os.environ.pop("QT_SCALE_FACTOR", None)
    os.environ["QT_ENABLE_HIGHDPI_SCALING"] = "0"
    if "QT_QPA_FONTDIR" not in os.environ and FONT_DIR.is_dir():
        os.environ["QT_QPA_FONTDIR"] = str(FONT_DIR)
    home = work / "home"
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config")):
        os.environ[var] = str(home / sub)
    os.environ.pop("ODN_DB", None)


def _quiet_qt() -> None:
    """Qt's offscreen plugin warns on every window shown ("propagateSizeHints"); that says nothing about the
    program, so only other messages reach stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _settle(app: QApplication, rounds: int = 6) -> None:
    """Let queued work (page loads, worker results, the charts' second step) arrive and paint."""
    import time

    from PySide6.QtCore import QThreadPool

    for _ in range(rounds):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(5000)
        app.processEvents()
        time.sleep(0.05)


def demo_summary(db: Database) -> list[str]:
    """A few German lines on what the demo holds: series, meetings, registrations, people, wishes."""
    from sqlalchemy import func, select

    from odn_desktop.domain.timezone import to_berlin, utcnow
    from odn_desktop.services.events import list_event_rows
    from odn_desktop.store.database import transaction
    from odn_desktop.store.models import Contact, Series, Speaker
    from odn_desktop.store.wish_models import TopicWish

    def count(model: type[Contact | Speaker | TopicWish]) -> int:
        return session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0

    with transaction(db.sessions) as session:
        series = [s.title for s in session.scalars(select(Series).where(Series.deleted_at.is_(None))
                                                   .order_by(Series.title))]
        rows = sorted(list_event_rows(session), key=lambda r: r.starts_at)
        contacts, speakers, wishes = count(Contact), count(Speaker), count(TopicWish)
    now = utcnow()
    lines = [f"Veranstaltungsreihe: {', '.join(series) or '–'}",
             f"Treffen: {len(rows)} ({sum(r.starts_at < now for r in rows)} vergangen, "
             f"{sum(r.starts_at >= now for r in rows)} geplant)"]
    lines += [f"  {to_berlin(r.starts_at):%d.%m.%Y}  {r.title}: {r.registered} angemeldet, "
              f"{r.waiting} auf der Warteliste, {r.cancelled} storniert" for r in rows]
    lines.append(f"Anmeldungen: {sum(r.registered + r.waiting + r.cancelled for r in rows)}")
    lines.append(f"Kontakte: {contacts}, Referent:innen: {speakers}, Themenwünsche: {wishes}")
    return lines


def optimise(paths: list[Path]) -> str:
    """Shrink the PNGs with pngquant (a palette of at most 256 colours, which screenshots of a form keep
    indistinguishable) and optipng; the tools used, "" when neither is installed (the PNGs stay as Qt wrote them).
    """
    pngquant, optipng = shutil.which("pngquant"), shutil.which("optipng")
    for path in paths:
        if pngquant:
            subprocess.run([pngquant, "--force", "--skip-if-larger", "--quality=80-98", "--strip",
                            "--output", str(path), str(path)], check=False, capture_output=True)
        if optipng:
            subprocess.run([optipng, "-quiet", "-o2", "-strip", "all", str(path)], check=False, capture_output=True)
    return " + ".join(name for name, found in (("pngquant", pngquant), ("optipng", optipng)) if found)


def _with_dialog(window: WorkspaceWindow, dialog: QDialog) -> QImage:
    """The window with ``dialog`` drawn over its middle, framed, as a modal dialog appears."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QPainter

    image = window.grab().toImage()
    picture = dialog.grab().toImage()
    bar = dialog.fontMetrics().height() + 10  # offscreen windows have no frame: a plain title bar instead
    painter = QPainter(image)
    painter.fillRect(image.rect(), QColor(0, 0, 0, 40))  # the window behind a modal dialog, a little darker
    at = QPoint(max(0, (image.width() - picture.width()) // 2),
                max(bar, (image.height() - picture.height() + bar) // 2))
    painter.fillRect(at.x() - 1, at.y() - bar - 1, picture.width() + 2, picture.height() + bar + 2,
                     QColor(90, 90, 90))
    title = QRect(at.x(), at.y() - bar, picture.width(), bar)
    painter.fillRect(title, QColor(222, 226, 231))
    painter.setPen(QColor(20, 20, 20))
    painter.setFont(dialog.font())
    painter.drawText(title.adjusted(10, 0, -10, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                     dialog.windowTitle())
    painter.drawImage(at, picture)
    painter.end()
    return image


def render(out: Path, shots: tuple[Shot, ...] = SHOTS) -> tuple[list[Path], list[str]]:
    """Every picture of ``shots`` into ``out``; (the files, the demo summary)."""
    work = Path(tempfile.mkdtemp(prefix="odn-screens-"))
    try:
        _prepare_environment(work)
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QDialog

        from odn_desktop.paths import AppPaths
        from odn_desktop.services.demo import load_demo
        from odn_desktop.store.database import transaction
        from odn_desktop.store.open import open_database
        from odn_desktop.ui.infra.context import AppContext
        from odn_desktop.ui.shell.app import ensure_application
        from odn_desktop.ui.shell.language import install_translators
        from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

        _quiet_qt()
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(work / "settings"))
        app = ensure_application([sys.argv[0]])
        install_translators(app, "de")
        from odn_desktop.ui.dialogs import organizer_settings

        organizer_settings.save(*COORDINATOR)  # as "Erste Schritte" asks (e-mail sender, certificates' signature)
        data = work / "Daten"
        paths = AppPaths(database=data / "odn-desktop-demo.sqlite", data_dir=data, log_dir=work / "Protokolle",
                         backup_dir=data / "backups")
        db = open_database(paths.database)
        try:
            with transaction(db.sessions) as session:
                load_demo(session)
            summary = demo_summary(db)
            ctx = AppContext(db, paths)
            window = WorkspaceWindow(ctx, paths, settings=QSettings(str(work / "window.ini"),
                                                                    QSettings.Format.IniFormat))
            window.resize(*SIZE)
            window.show()
            ctx.ready.emit()
            _settle(app)
            # the status bar names the database file, not the temporary folder it lies in for these pictures
            window.db_label.setText(window.tr("Datenbank: {path}").format(path=paths.database.name))
            out.mkdir(parents=True, exist_ok=True)
            written = []
            for shot in shots:
                dialog = shot.prepare(window, db)
                window.resize(*SIZE)
                _settle(app)
                if isinstance(dialog, QDialog):
                    dialog.show()
                    _settle(app)
                    image = _with_dialog(window, dialog)
                    dialog.close()
                    dialog.deleteLater()
                else:
                    image = window.grab().toImage()
                target = out / shot.name
                if not image.save(str(target)):
                    raise SystemExit(f"render_screenshots: could not write {target}")
                written.append(target)
            ctx.undo_stack.clear()
            window.close()
            window.deleteLater()
            _settle(app, 2)
        finally:
            db.close()
        return written, summary
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for the PNGs (default: the manual's pictures, docs/manual/images)")
    parser.add_argument("--pages", action="store_true", help="only the main pages (no dialogs)")
    parser.add_argument("--summary", action="store_true", help="print a short German summary of the demo data")
    parser.add_argument("--no-optimise", action="store_true", help="do not run pngquant/optipng")
    args = parser.parse_args(argv)
    out = (args.out or MANUAL_IMAGES).resolve()
    shots = tuple(shot for shot in SHOTS if shot.page or not args.pages)
    written, summary = render(out, shots)
    tool = "" if args.no_optimise else optimise(written)
    captions = {shot.name: shot.caption for shot in SHOTS}
    print(f"Bilder der Demo ({SIZE[0]}×{SIZE[1]}){f', verkleinert mit {tool}' if tool else ''}:")
    for path in written:
        print(f"  {path}  – {captions[path.name]}")
    if args.summary:
        print("Die Demodaten:")
        for line in summary:
            print(f"  {line}")
    if args.out is None:  # the manual's pictures changed: the package's copy of the manual follows
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_manual.py")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
