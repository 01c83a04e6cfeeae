"""Datei menu: "Sicherung wiederherstellen …" and "Datenordner öffnen"; the About dialog with version and paths.

``add_backup_actions(window, menu)`` is the one call the main window makes. Every dialog sits behind a
module-level function (``choose_backup_file``, ``confirm_restore``, ``open_folder``, ``show_about_box``,
``ask_restore_damaged`` – the offer of the newest backup when the start found the database damaged) that
tests replace. The restore itself (``store.backups.restore_backup``) needs the program's own connections closed:
``restore_interactive`` closes the database, restores, opens it again (migrating an older backup) and hands the
new database to the context, whose ``ready``/``changed`` signals make every page reload.
"""

from __future__ import annotations

import logging
import platform
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl  # not ``Qt``: importing it builds ~95 enums (start-up time)
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMenu, QMessageBox, QWidget

from odn_desktop import __version__
from odn_desktop.domain.errors import UserError
from odn_desktop.ui.infra import context

if TYPE_CHECKING:
    from odn_desktop.paths import AppPaths
    from odn_desktop.store.backups import BackupFile
    from odn_desktop.ui.infra.context import AppContext

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


# -- dialogs tests replace ---------------------------------------------------------------------------------


def choose_backup_file(parent: QWidget | None, folder: Path) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("BackupUi", "Sicherung wiederherstellen"), str(folder),
        translate("BackupUi", "Datenbank-Sicherungen (*.sqlite);;Alle Dateien (*)"))
    return Path(path) if path else None


def confirm_restore(parent: QWidget | None, backup: Path, database: Path) -> bool:
    answer = QMessageBox.question(
        parent, translate("BackupUi", "Sicherung wiederherstellen"),
        translate("BackupUi", "Die Datenbank {database} wird durch die Sicherung {backup} ersetzt.\n\n"
            "Der jetzige Stand wird vorher ebenfalls gesichert, es geht also nichts verloren. Ungespeicherte "
            "Änderungen in offenen Formularen werden verworfen.\n\nJetzt wiederherstellen?").format(
            database=database, backup=backup.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


@dataclass
class DamagedPrompt:
    """The question after a damaged database file was found at start-up, and its buttons."""

    box: QMessageBox
    restore: QAbstractButton | None  # only when there is an intact backup to offer
    choose: QAbstractButton
    quit: QAbstractButton


def damaged_database_box(parent: QWidget | None, database: Path, damaged_copy: Path, newest: BackupFile | None,
                         backup_dir: Path) -> DamagedPrompt:
    """The message box ``ask_restore_damaged`` shows (built apart, so tests and renders can read it)."""
    from odn_desktop.domain.timezone import BERLIN

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("BackupUi", "Datenbank beschädigt"))
    box.setText(translate("BackupUi", "Die Datenbankdatei {name} ist beschädigt und kann nicht mehr sicher gelesen "
                                      "werden.").format(name=database.name))
    kept = translate("BackupUi", "Eine unveränderte Kopie der beschädigten Datei wurde aufbewahrt:\n„{name}“\nim "
                                 "Ordner {folder}").format(name=damaged_copy.name, folder=damaged_copy.parent)
    if newest is not None:
        local = newest.modified.astimezone(BERLIN)
        offer = translate("BackupUi", "Die neueste Sicherung ist vom {date} um {time} Uhr ({name}). Was danach "
                                      "eingegeben wurde, fehlt darin und muss neu erfasst werden.\n\nSoll diese "
                                      "Sicherung jetzt zurückgespielt werden?").format(
            date=f"{local:%d.%m.%Y}", time=f"{local:%H:%M}", name=newest.path.name)
    else:
        offer = translate("BackupUi", "Im Ordner {folder} wurde keine lesbare Sicherung gefunden. Sie können eine "
                                      "Sicherungsdatei auswählen oder das Programm beenden.").format(folder=backup_dir)
    box.setInformativeText(kept + "\n\n" + offer)
    restore = None
    if newest is not None:
        restore = box.addButton(translate("BackupUi", "Sicherung &zurückspielen"), QMessageBox.ButtonRole.AcceptRole)
        choose = box.addButton(translate("BackupUi", "&Andere Sicherung wählen …"), QMessageBox.ButtonRole.ActionRole)
    else:
        choose = box.addButton(translate("BackupUi", "Sicherung &wählen …"), QMessageBox.ButtonRole.ActionRole)
    quit_button = box.addButton(translate("BackupUi", "&Beenden"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or choose)
    box.setEscapeButton(quit_button)
    return DamagedPrompt(box=box, restore=restore, choose=choose, quit=quit_button)


def ask_restore_damaged(parent: QWidget | None, database: Path, damaged_copy: Path, newest: BackupFile | None,
                        backup_dir: Path) -> Path | None:
    """Offer the newest intact backup (or a file of the coordinator's choice) for the damaged ``database``; the
    backup to put in its place, or None to end the program."""
    prompt = damaged_database_box(parent, database, damaged_copy, newest, backup_dir)
    while True:
        prompt.box.exec()
        clicked = prompt.box.clickedButton()
        if newest is not None and clicked is prompt.restore:
            return newest.path
        if clicked is prompt.choose:
            chosen = choose_backup_file(parent, backup_dir if backup_dir.is_dir() else database.parent)
            if chosen is not None:
                return chosen
            continue  # the file dialog was cancelled: ask again
        return None


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in Explorer / the file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about_box(parent: QWidget | None, title: str, text: str, folder: Path | None) -> None:
    from PySide6.QtCore import Qt

    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # paths can be copied for support
    open_button = None
    if folder is not None:
        open_button = box.addButton(translate("BackupUi", "Datenordner öffnen"), QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if open_button is not None and box.clickedButton() is open_button and folder is not None:
        open_data_folder(parent, folder)


# -- actions -----------------------------------------------------------------------------------------------


def data_folder(ctx: AppContext, paths: AppPaths | None) -> Path | None:
    """Where the database (and its ``backups`` folder) lives."""
    if ctx.db is not None:
        return Path(ctx.db.path).parent
    return paths.database.parent if paths is not None else None


def open_data_folder(parent: QWidget | None, folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        log.warning("could not create %s", folder, exc_info=True)
    if not open_folder(folder):
        context.show_user_error(
            parent, translate("BackupUi", "Der Ordner {folder} konnte nicht geöffnet werden.").format(folder=folder))


def restore_interactive(parent: QWidget | None, ctx: AppContext, paths: AppPaths) -> Path | None:
    """Ask for a backup file, confirm, restore it; return the backup of the state before (None: nothing done)."""
    from odn_desktop.store.backups import restore_backup
    from odn_desktop.store.open import open_database

    db = ctx.db
    if db is None:
        context.show_user_error(parent, translate("BackupUi", "Die Datenbank ist noch nicht geöffnet."))
        return None
    chosen = choose_backup_file(parent, paths.backup_dir if paths.backup_dir.is_dir() else db.path.parent)
    if chosen is None or not confirm_restore(parent, chosen, db.path):
        return None
    for page in list(getattr(parent, "pages", {}).values()):  # an open form must not save into the restored file
        if hasattr(page, "has_unsaved_changes") and page.has_unsaved_changes():
            page.discard_changes()
    db.close()  # no connection of ours may write while SQLite copies the pages into the file
    try:
        before = restore_backup(db.path, chosen, paths.backup_dir)
    except UserError as exc:  # nothing changed; the engine reconnects on its next use
        context.show_user_error(parent, exc.message)
        return None
    except (OSError, sqlite3.Error) as exc:
        log.exception("restore from %s failed", chosen)
        context.show_user_error(parent, translate(
            "BackupUi", "Die Sicherung {backup} konnte nicht wiederhergestellt werden: {error}").format(
            backup=chosen, error=exc))
        return None
    log.info("restored %s from %s; state before saved as %s", db.path, chosen, before)
    try:
        new_db = open_database(db.path, backup_dir=paths.backup_dir)  # migrates a backup of an older version
    except UserError as exc:  # e.g. its migration failed (and was rolled back): the window cannot go on with it
        context.show_user_error(parent, exc.message + "\n\n" + translate(
            "BackupUi", "Bitte beenden Sie odn-desktop. Der Stand vor der Wiederherstellung liegt in {before}.").format(
            before=before))
        return None
    ctx.undo_stack.clear()  # the commands refer to the data before the restore
    ctx.set_database(new_db)
    ctx.changed.emit(context.KINDS)
    message = translate(
        "BackupUi", "Die Sicherung {backup} wurde wiederhergestellt. Der Stand davor liegt in {before}.").format(
        backup=chosen.name, before=before)
    ctx.status_message.emit(message)
    context.show_information(parent, translate("BackupUi", "Sicherung wiederhergestellt"), message)
    return before


def program_folder() -> Path:
    """The installation folder (frozen build) or the package folder (running from source)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).parent
    return Path(__file__).resolve().parents[2]


def about_text(ctx: AppContext, paths: AppPaths | None) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from odn_desktop.store.backups import list_backups

    lines = [
        translate("BackupUi", "odn-desktop {version}").format(version=__version__),
        translate("BackupUi", "Koordination der Open-Data-Netzwerktreffen."),
        "",
        translate("BackupUi", "Python {python}, PySide6 {pyside}, Qt {qt}").format(
            python=platform.python_version(), pyside=pyside_version, qt=qVersion()),
        translate("BackupUi", "System: {system}").format(system=platform.platform()),
        translate("BackupUi", "Programm: {path}").format(path=program_folder()),
        "",
    ]
    database = ctx.db.path if ctx.db is not None else paths.database if paths is not None else None
    if database is not None:
        lines.append(translate("BackupUi", "Datenbank: {path}").format(path=database))
    if paths is not None:
        lines.append(translate("BackupUi", "Datenordner: {path}").format(path=paths.data_dir))
        lines.append(translate("BackupUi", "Protokolle: {path}").format(path=paths.log_dir))
        lines.append(translate("BackupUi", "Sicherungen: {path}").format(path=paths.backup_dir))
        backups = list_backups(paths.backup_dir)
        if len(backups) == 1:
            lines.append(translate("BackupUi", "1 Sicherung: {name}").format(name=backups[0].path.name))
        elif backups:
            lines.append(translate("BackupUi", "{count} Sicherungen, die neueste: {name}").format(
                count=len(backups), name=backups[0].path.name))
        else:
            lines.append(translate("BackupUi", "Noch keine Sicherungen."))
    return "\n".join(lines)


def show_about_details(parent: QWidget | None, ctx: AppContext, paths: AppPaths | None) -> None:
    show_about_box(parent, translate("BackupUi", "Über odn-desktop"), about_text(ctx, paths), data_folder(ctx, paths))


def add_backup_actions(window: QWidget, menu: QMenu) -> list[QAction]:
    """Add the restore and data-folder actions to ``menu`` (before "Beenden" when it is there).

    ``window`` is the main window: it has ``ctx`` (AppContext) and ``paths`` (AppPaths, else ``ctx.paths``)."""
    ctx: AppContext = window.ctx  # type: ignore[attr-defined]

    def paths() -> AppPaths | None:
        found: AppPaths | None = getattr(window, "paths", None) or ctx.paths
        return found

    def restore() -> None:
        found = paths()
        if found is None:
            raise RuntimeError("the window knows no AppPaths")
        restore_interactive(window, ctx, found)

    def open_folder_of_database() -> None:
        folder = data_folder(ctx, paths())
        if folder is not None:
            open_data_folder(window, folder)

    restore_action = QAction(translate("BackupUi", "Sicherung &wiederherstellen …"), window)
    restore_action.setObjectName("restoreBackupAction")
    restore_action.triggered.connect(lambda _checked=False: restore())
    folder_action = QAction(translate("BackupUi", "&Datenordner öffnen"), window)
    folder_action.setObjectName("openDataFolderAction")
    folder_action.triggered.connect(lambda _checked=False: open_folder_of_database())
    actions = [restore_action, folder_action]

    quit_action = getattr(window, "quit_action", None)
    existing = menu.actions()
    if quit_action in existing:
        index = existing.index(quit_action)
        before = existing[index - 1] if index > 0 and existing[index - 1].isSeparator() else quit_action
        menu.insertActions(before, actions)
        menu.insertSeparator(actions[0])
    else:
        menu.addSeparator()
        menu.addActions(actions)

    return actions
