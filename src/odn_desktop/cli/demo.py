"""``odn-desktop demo``: the demo data (a second call adds nothing)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .output import EXIT_OK, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_commands(subparsers: Any) -> None:
    subparsers.add_parser("demo", help="Demodaten anlegen (ein zweiter Aufruf fügt nichts hinzu)")


def _cmd_demo(session: Session, _args: argparse.Namespace) -> int:
    from odn_desktop.services.demo import load_demo

    result = load_demo(session)
    say("Demodaten angelegt." if result.created else "Demodaten sind bereits vorhanden; nichts hinzugefügt.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"demo": _cmd_demo}
