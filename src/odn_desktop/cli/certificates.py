"""``odn-desktop certificates verify NUMBER``: whose certificate of attendance a number is.

    certificates verify NUMBER [--json]

Exit status 0 when this database issued the number (printing name, organisation, meeting, date and minutes),
1 when it did not (a typo the check character catches, or no registration that attended that day: deleted, no
longer marked attended, never issued), with a German message on stderr. The certificates themselves are made by
``export certificates`` (``cli.export``); the rule and the number format: ``services.certificates``.

Nothing heavy is imported at module level, and ``verify`` never loads Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .output import EXIT_OK, print_json, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EXIT_NOT_ISSUED = 1


def add_commands(subparsers: Any) -> None:
    group = subparsers.add_parser(
        "certificates", help="Teilnahmebescheinigungen prüfen (erstellt werden sie mit „export certificates“)"
    ).add_subparsers(dest="action", required=True, metavar="AKTION", help="was mit Bescheinigungen geschehen soll")
    p = group.add_parser(
        "verify", help="prüfen, ob eine Bescheinigungsnummer von hier ausgestellt wurde, und wem sie gehört",
        description="Prüft eine Bescheinigungsnummer (Form ODN-JJJJMMTT-XXXXXXXX-P, Groß-/Kleinschreibung egal) "
                    "gegen die Datenbank. Exit-Status 0: ausgestellt, Name, Organisation, Veranstaltung, Datum und "
                    "Minuten werden ausgegeben; Exit-Status 1: keine gültige Bescheinigung (Tippfehler, gelöschte "
                    "Anmeldung oder nicht mehr als anwesend markiert).")
    p.add_argument("number", metavar="NUMMER", help="die Bescheinigungsnummer, z. B. ODN-20211202-1A2B3C4D-K")
    p.add_argument("--json", action="store_true",
                   help="als JSON ausgeben: number, name, organisation, event, event_id, date, starts_at, minutes")


def coordinator_name() -> str:
    """The name under the signature line: the coordinator's name saved in the window's settings, else
    ``ODN_ORGANIZER_NAME``, else "" (the line stays empty for a hand-written name).

    The window's settings are read with the program's organisation and application name, because the CLI's
    headless Qt application carries neither; older keys are moved first, as the window does at its start.
    """
    from PySide6.QtCore import QSettings

    from odn_desktop import APP_AUTHOR, APP_NAME
    from odn_desktop.domain.settings import ORGANIZER_NAME, Settings

    settings = Settings(QSettings(APP_AUTHOR, APP_NAME))
    settings.upgrade()
    return settings.get(ORGANIZER_NAME).strip() or os.environ.get("ODN_ORGANIZER_NAME", "").strip()


def _cmd_certificates(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.domain.timezone import iso_berlin
    from odn_desktop.services.certificates import parse_certificate_number, verify_certificate

    if args.action != "verify":  # pragma: no cover - argparse allows only the actions above
        raise AssertionError(args.action)
    number = " ".join(args.number.split())
    found = verify_certificate(session, number)
    if found is None:
        if parse_certificate_number(number) is None:
            why = ("sie hat nicht die Form ODN-JJJJMMTT-XXXXXXXX-P oder enthält einen Tippfehler (die Prüfziffer "
                   "passt nicht)")
        else:
            why = ("in dieser Datenbank gibt es an diesem Tag keine Anmeldung mit Teilnahme, zu der sie gehört "
                   "(gelöscht, nicht mehr als anwesend markiert oder nie ausgestellt)")
        sys.stderr.write(f"Fehler: Die Bescheinigungsnummer „{number}“ ist nicht gültig: {why}.\n")
        return EXIT_NOT_ISSUED
    if args.json:
        print_json({"number": found.number, "name": found.name, "organisation": found.organisation,
                     "event": found.event_title, "event_id": str(found.event_id), "date": found.date_text,
                     "starts_at": iso_berlin(found.starts_at), "minutes": found.minutes})
        return EXIT_OK
    attendance = ("von Hand als anwesend markiert" if found.minutes is None
                  else f"{found.minutes} Minuten laut Teilnahmebericht")
    say(f"Die Teilnahmebescheinigung {found.number} ist gültig.")
    say(f"Name: {found.name}")
    if found.organisation:
        say(f"Organisation: {found.organisation}")
    say(f"Veranstaltung: {found.event_title}")
    say(f"Datum: {found.date_text}")
    say(f"Anwesenheit: {attendance}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"certificates": _cmd_certificates}
