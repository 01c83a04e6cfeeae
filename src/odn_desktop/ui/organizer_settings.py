"""The coordinator's own name and address, kept in the user's settings: the ORGANIZER of every calendar file
and invitation the window exports, and the sender of mails and drafts.

Why one place: the invitation's ORGANIZER is where Outlook sends the registrant's reply (RSVP); exported from
the Datei menu with a placeholder address, replies went nowhere. The mail dialog and the settings dialog edit the
same two values (keys of the mail dialog, which had them first). Without a saved address the services fall
back to ``ODN_ORGANIZER_NAME``/``ODN_ORGANIZER_EMAIL`` (CLI, scripts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
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
    """The saved organizer, or None when no address is saved (the services then use the environment)."""
    from odn_desktop.exchange.ics_calendar import Organizer

    email = saved_email(settings)
    if not email:
        return None
    return Organizer(saved_name(settings) or Organizer.from_environment().name, email)
