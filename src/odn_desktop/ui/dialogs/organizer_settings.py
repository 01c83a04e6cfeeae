"""The coordinator's own name and address, kept in the user's settings: the ORGANIZER of every calendar file
and invitation the window exports, and the sender of mails and drafts.

Why one place: the invitation's ORGANIZER is where Outlook sends the registrant's reply (RSVP); exported from
the Datei menu with a placeholder address, replies went nowhere. The mail dialog and the settings dialog edit the
same two values (``domain.settings.ORGANIZER_NAME``/``ORGANIZER_EMAIL``). Without saved values ``ODN_ORGANIZER_NAME``/
``ODN_ORGANIZER_EMAIL`` count (CLI, scripts); without either, ``organizer_or_ask`` opens the settings dialog
once, before the first calendar file, invitation or mail draft, and nothing is written unless it is filled in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from odn_desktop.domain.settings import LANGUAGE, ORGANIZER_EMAIL, ORGANIZER_NAME
from odn_desktop.ui.infra.settings import as_settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from odn_desktop.exchange.ics_calendar import Organizer
    from odn_desktop.ui.infra.settings import AnySettings


def saved_name(settings: AnySettings | None = None) -> str:
    return as_settings(settings).get(ORGANIZER_NAME).strip()


def saved_email(settings: AnySettings | None = None) -> str:
    return as_settings(settings).get(ORGANIZER_EMAIL).strip()


def save(name: str, email: str, settings: AnySettings | None = None) -> None:
    store = as_settings(settings)
    store.set(ORGANIZER_NAME, name.strip())
    store.set(ORGANIZER_EMAIL, email.strip())


def organizer(settings: AnySettings | None = None) -> Organizer | None:
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


def organizer_or_ask(parent: QWidget | None, settings: AnySettings | None = None) -> Organizer | None:
    """The coordinator for a calendar file, invitation or draft: saved (or from the environment), else asked for
    once with the settings dialog and saved; ``None`` when the coordinator cancels (then nothing is written)."""
    from odn_desktop.ui.shell.language import current_language

    store = as_settings(settings)
    found = organizer(store)
    if found is not None:
        return found
    chosen = ask_organizer(parent, {"language": current_language(store), "name": saved_name(store),
                                    "email": saved_email(store)})
    if chosen is None:
        return None
    save(chosen["name"], chosen["email"], store)
    if chosen.get("language") and chosen["language"] != current_language(store):
        store.set(LANGUAGE, chosen["language"])  # takes effect at the next start
    return organizer(store)
