"""The program's file dialogs: one place for where they start and what they suggest.

Every save and open dialog goes through ``save_path``, ``open_path`` or ``folder_path`` with a *kind* of file
("attendance_sheet", "calendar", "registration_import" …). The dialog starts in the folder last used for that
kind (remembered in the settings, ``domain.settings.LAST_FOLDERS``), else in the folder last used for any file,
else in the user's documents; so the attendance sheets collect in one folder and the imports come from another,
without the coordinator clicking through from the start folder every time. The names suggested carry the meeting's
date and a short title (``suggested_name``, the rules in ``domain.file_names``): "2021-12-02 Anwesenheitsliste
Open-Data-Netzwerktreffen.xlsx", so the files of different meetings never overwrite each other.

Windows shows its own (native) dialogs; the callers keep a small replaceable function of their own in front of
these (tests replace those).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from odn_desktop.domain.file_names import export_file_name, safe_file_part
from odn_desktop.domain.settings import last_folder_option

from .settings import as_settings

if TYPE_CHECKING:
    import uuid

    from sqlalchemy.orm import Session

    from .context import AppContext
    from .settings import AnySettings

translate = QCoreApplication.translate
ANY_KIND = "any"

#: kind -> what the file is, as the start of its name (German; the English window translates it)
KIND_LABELS: dict[str, str] = {
    "attendance_sheet": "Anwesenheitsliste",
    "participant_pdf": "Teilnehmendenliste",
    "registrants": "Anmeldungen",
    "calendar": "Kalenderdatei",
    "invitations": "Einladungen",
    "announcement": "Ankündigung",
    "room_plan": "Raumplan",
    "room_list": "Raumliste",
    "report": "Auswertung",
    "certificates": "Teilnahmebescheinigungen",
    "certificates_pdf": "Teilnahmebescheinigungen",
    "mail_drafts": "E-Mail-Entwürfe",
    "import_report": "Importbericht",
    "privacy": "Auskunft",
    "registration_import": "Anmeldungen",
    "attendance_report": "Teilnehmerbericht",
}
# Only for pyside6-lupdate: the labels reach translate() through a variable.
_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("FileDialogs", "Anwesenheitsliste"),
    QT_TRANSLATE_NOOP("FileDialogs", "Teilnehmendenliste"),
    QT_TRANSLATE_NOOP("FileDialogs", "Anmeldungen"),
    QT_TRANSLATE_NOOP("FileDialogs", "Kalenderdatei"),
    QT_TRANSLATE_NOOP("FileDialogs", "Einladungen"),
    QT_TRANSLATE_NOOP("FileDialogs", "Ankündigung"),
    QT_TRANSLATE_NOOP("FileDialogs", "Raumplan"),
    QT_TRANSLATE_NOOP("FileDialogs", "Raumliste"),
    QT_TRANSLATE_NOOP("FileDialogs", "Auswertung"),
    QT_TRANSLATE_NOOP("FileDialogs", "Teilnahmebescheinigungen"),
    QT_TRANSLATE_NOOP("FileDialogs", "E-Mail-Entwürfe"),
    QT_TRANSLATE_NOOP("FileDialogs", "Importbericht"),
    QT_TRANSLATE_NOOP("FileDialogs", "Auskunft"),
    QT_TRANSLATE_NOOP("FileDialogs", "Teilnehmerbericht"),
)

_PATTERN = re.compile(r"\*(\.[^\s;)*]+)")


def kind_label(kind: str) -> str:
    """What a file of ``kind`` is, in the window's language ("Anwesenheitsliste")."""
    return translate("FileDialogs", KIND_LABELS.get(kind, kind))


def suggested_name(kind: str, title: str = "", suffix: str = "", when: date | datetime | None = None) -> str:
    """``2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx`` (see ``domain.file_names``)."""
    return export_file_name(kind_label(kind), title, suffix, when)


def event_file_name(ctx: AppContext, event_id: uuid.UUID, kind: str, suffix: str = "") -> str:
    """``suggested_name`` for an event's file: its day and title from the database (just the kind when the
    event cannot be read; the export itself then reports why)."""
    from odn_desktop.domain.errors import UserError
    from odn_desktop.services.events import get_event

    def read(session: Session) -> tuple[str, datetime]:
        event = get_event(session, event_id)
        return event.title, event.starts_at

    try:
        title, starts_at = ctx.read(read)
    except UserError:
        return suggested_name(kind, suffix=suffix)
    return suggested_name(kind, title, suffix, starts_at)


# -- the folder last used, per kind ------------------------------------------------------------------------


def last_folder(kind: str, settings: AnySettings | None = None) -> Path | None:
    """The folder a file of ``kind`` was last saved to or opened from, if it still exists."""
    folder = as_settings(settings).get(last_folder_option(kind))
    return folder if folder is not None and folder.is_dir() else None


def remember_folder(kind: str, folder: Path, settings: AnySettings | None = None) -> None:
    store = as_settings(settings)
    store.set(last_folder_option(kind), folder)
    store.set(last_folder_option(ANY_KIND), folder)


def start_folder(kind: str, settings: AnySettings | None = None) -> Path:
    """Where a dialog for ``kind`` opens: its last folder, else the last folder of any file, else the
    documents folder (else the home folder)."""
    found = last_folder(kind, settings) or last_folder(ANY_KIND, settings)
    if found is not None:
        return found
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _suffixes(filter_text: str) -> list[str]:
    return [s.lower() for s in _PATTERN.findall(filter_text)]


def _with_suffix(path: Path, filter_text: str, chosen: str) -> Path:
    """A name typed without an ending gets the one of the chosen file type (Windows' dialog does that by
    itself, others do not)."""
    known = _suffixes(filter_text)
    if not known or path.suffix.lower() in known:
        return path
    wanted = _suffixes(chosen) or known
    return path.with_name(path.name + wanted[0])


# -- the dialogs -------------------------------------------------------------------------------------------


def save_path(parent: QWidget | None, kind: str, suggested: str, filter_text: str, *, title: str | None = None,
              settings: AnySettings | None = None) -> Path | None:
    """Ask where to save a file of ``kind``, starting in its last folder with ``suggested`` as the name;
    ``None``: cancelled. The chosen folder is remembered for the kind."""
    caption = title or translate("FileDialogs", "{what} speichern").format(what=kind_label(kind))
    start = start_folder(kind, settings) / safe_file_part(suggested, fallback=kind_label(kind))
    name, chosen = QFileDialog.getSaveFileName(parent, caption, str(start), filter_text)
    if not name:
        return None
    path = _with_suffix(Path(name), filter_text, chosen)
    remember_folder(kind, path.parent, settings)
    return path


def open_path(parent: QWidget | None, kind: str, filter_text: str, *, title: str | None = None,
              settings: AnySettings | None = None) -> Path | None:
    """Ask for a file of ``kind`` to read, starting in its last folder; ``None``: cancelled."""
    caption = title or translate("FileDialogs", "{what} öffnen").format(what=kind_label(kind))
    name, _chosen = QFileDialog.getOpenFileName(parent, caption, str(start_folder(kind, settings)), filter_text)
    if not name:
        return None
    path = Path(name)
    remember_folder(kind, path.parent, settings)
    return path


def folder_path(parent: QWidget | None, kind: str, *, title: str | None = None, subfolder: str = "",
                settings: AnySettings | None = None) -> Path | None:
    """Ask for a folder for files of ``kind``; ``None``: cancelled.

    With ``subfolder`` ("2021-12-02 Einladungen Open-Data-Netzwerktreffen") the files go into that folder
    inside the one chosen (created by the export), so a second meeting's files do not replace the first's;
    choosing that subfolder itself uses it as it is. The folder chosen is remembered, not the subfolder.
    """
    caption = title or translate("FileDialogs", "Ordner für {what}").format(what=kind_label(kind))
    name = safe_file_part(subfolder) if subfolder else ""
    if name:
        caption = translate("FileDialogs", "{title} – darin wird der Ordner „{name}“ angelegt").format(
            title=caption, name=name)
    chosen = QFileDialog.getExistingDirectory(parent, caption, str(start_folder(kind, settings)))
    if not chosen:
        return None
    folder = Path(chosen)
    if name and folder.name.casefold() == name.casefold():
        remember_folder(kind, folder.parent, settings)
        return folder
    remember_folder(kind, folder, settings)
    return folder / name if name else folder
