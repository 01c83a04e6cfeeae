"""``odn-desktop speakers list [--json]``: the speakers with their organisation."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .output import EXIT_OK, print_json, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_commands(subparsers: Any) -> None:
    speakers = subparsers.add_parser("speakers", help="Referent:innen auflisten").add_subparsers(
        dest="action", required=True, metavar="AKTION", help="was mit Referent:innen geschehen soll")
    p = speakers.add_parser("list", help="alle Referent:innen mit Organisation auflisten")
    p.add_argument("--json", action="store_true", help="als JSON-Liste ausgeben, ein Objekt je Person")


def _cmd_speakers(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.services.speakers import list_speaker_rows

    rows = list_speaker_rows(session)
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            say(f"{r.display_name} – {r.organisation}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"speakers": _cmd_speakers}
