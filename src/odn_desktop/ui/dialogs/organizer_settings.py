"""The coordinator's own name and address, kept in the user's settings: the ORGANIZER of every calendar file
and invitation the window exports, and the sender of mails and drafts.

Why one place: the invitation's ORGANIZER is where Outlook sends the registrant's reply (RSVP); exported from
the Datei menu with a placeholder address, replies went nowhere. The mail dialog and the settings dialog edit the
same two values (keys of the mail dialog, which had them first). Without saved values ``ODN_ORGANIZER_NAME``/
``ODN_ORGANIZER_EMAIL`` count (CLI, scripts); without either, ``organizer_or_ask`` opens the settings dialog
once, before the first calendar file, invitation or mail draft, and nothing is written unless it is filled in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from odn_desktop.exchange.ics_calendar import Organizer

NAME_KEY = "mail/sender_name"
EMAIL_KEY = "mail/sender_email"


def saved_name(settings: QSettings | None = None) -> str:
    return str((settings or QSettings()).value(NAME_KEY, "") or "").strip()


def saved_email(settings: QSettings | None = None) -> str:
    return str((settings or QSettings()).value(EMAIL_KEY, "") or "").strip()


def save(name: str, email: str, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.setValue(NAME_KEY, name.strip())
    settings.setValue(EMAIL_KEY, email.strip())


def organizer(settings: QSettings | None = None) -> Organizer | None:
    """The saved name and address (a missing name from ``ODN_ORGANIZER_NAME``), else both from the environment;
    ``None`` when that does not give a name and an address."""
    from odn_desktop.exchange.ics_calendar import Organizer, environment_name

    email = saved_email(settings)
    if not email:
        return Organizer.from_environment()
    name = saved_name(settings) or environment_name()
    return Organizer(name, email) if name else None


def ask_organizer(parent: QWidget | None, values: dict[str, str]) -> dict[str, str] | None:
    """The settings dialog, asking for the coordinator's name and address (OK only with both); None: cancelled."""
    from .settings_dialog import SettingsDialog

    dialog = SettingsDialog(values, parent, require_organizer=True)
    return dialog.values() if dialog.exec() else None


def organizer_or_ask(parent: QWidget | None, settings: QSettings | None = None) -> Organizer | None:
    """The coordinator for a calendar file, invitation or draft: saved (or from the environment), else asked for
    once with the settings dialog and saved; ``None`` when the coordinator cancels (then nothing is written)."""
    from odn_desktop.ui.shell.language import LANGUAGE_KEY, current_language

    settings = settings or QSettings()
    found = organizer(settings)
    if found is not None:
        return found
    chosen = ask_organizer(parent, {"language": current_language(settings), "name": saved_name(settings),
                                    "email": saved_email(settings)})
    if chosen is None:
        return None
    save(chosen["name"], chosen["email"], settings)
    if chosen.get("language") and chosen["language"] != current_language(settings):
        settings.setValue(LANGUAGE_KEY, chosen["language"])  # takes effect at the next start
    return organizer(settings)
