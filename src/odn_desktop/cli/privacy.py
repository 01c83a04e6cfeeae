"""``odn-desktop privacy ...``: data protection – anonymise after the retention period, access, erasure.

    privacy anonymize [--months N] [--dry-run] [--json]
    privacy export --email X -o FILE.xlsx      # also writes FILE.json next to it
    privacy delete --email X

``anonymize`` anonymises the contacts whose last meeting is more than N months ago (``--dry-run`` names them and
changes nothing); ``export`` writes what is stored about one person (Art. 15 GDPR); ``delete`` erases the person
(Art. 17 GDPR), also from the team's shared database at the next sync (``services.privacy``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .output import EXIT_OK, print_json, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _months(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine ganze Zahl") from None
    if value < 1:
        raise argparse.ArgumentTypeError("die Frist muss mindestens 1 Monat sein")
    return value


def add_commands(subparsers: Any) -> None:
    privacy = subparsers.add_parser("privacy", help="Datenschutz: Anonymisieren, Auskunft, Löschen")
    priv_sub = privacy.add_subparsers(dest="action", required=True, metavar="WAS",
                                      help="Anonymisieren, Auskunft oder Löschen")
    p = priv_sub.add_parser("anonymize", help="Kontakte nach Ablauf der Aufbewahrungsfrist anonymisieren")
    p.add_argument("--months", type=_months, default=24, metavar="N",
                   help="Monate nach der letzten Veranstaltung (Standard: 24)")
    p.add_argument("--dry-run", action="store_true", help="nur anzeigen, wer anonymisiert würde")
    p.add_argument("--json", action="store_true",
                   help="das Ergebnis als JSON ausgeben: months, cutoff, contacts, registrations, messages (mit "
                        "--dry-run auch candidates)")
    p = priv_sub.add_parser("export", help="Auskunft nach Art. 15 DSGVO als Excel- und JSON-Datei")
    p.add_argument("--email", required=True, metavar="X", help="E-Mail-Adresse der Person")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx",
                   help="Zieldatei (Excel); daneben entsteht dieselbe Auskunft als .json")
    p = priv_sub.add_parser("delete", help="eine Person löschen (Art. 17 DSGVO), auch im gemeinsamen Bestand")
    p.add_argument("--email", required=True, metavar="X", help="E-Mail-Adresse der Person")


def _cmd_privacy(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.domain.timezone import format_german_date
    from odn_desktop.services import privacy

    if args.action == "anonymize":
        result = privacy.anonymize_expired(session, args.months, dry_run=args.dry_run)
        if args.json:
            print_json(result.to_json())
            return EXIT_OK
        for c in result.candidates:
            last = f"„{c.last_event}“ am {format_german_date(c.last_activity)}" if c.last_event else \
                f"ohne Anmeldung, angelegt am {format_german_date(c.last_activity)}"
            say(f"  {c.name} <{c.email}>, {c.organisation or '–'}: {last}")
        say(result.message())
        return EXIT_OK
    if args.action == "export":
        exported = privacy.export_person(session, args.email, args.output)
        say(exported.message)
        return EXIT_OK
    if args.action == "delete":
        deleted = privacy.delete_person(session, args.email)
        say(deleted.message())
        return EXIT_OK
    raise AssertionError(args.action)


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"privacy": _cmd_privacy}
