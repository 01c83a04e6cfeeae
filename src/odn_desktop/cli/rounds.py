"""``odn-desktop rounds ...``: the parallel rounds of a meeting, each a pool of seats of its own.

    rounds list   --event E [--json]
    rounds add    --event E --title T [--capacity N | --unlimited] [--description TEXT]
    rounds update --event E --round T [--title T2] [--capacity N | --unlimited]
    rounds remove --event E --round T

``--round`` is the round's title (case-insensitive) or its id. A round without a capacity is unlimited. Every change
runs in the one transaction ``cli.run_command`` opens and applies the seat rule (``services.rounds``); who moved up
and rounds left above their limit are printed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from odn_desktop.domain.errors import UserError

from .args import EVENT_HELP, non_negative_int
from .output import EXIT_OK, notify, over_limit_notices, print_json, promoted_notice, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_commands(subparsers: Any) -> None:
    rounds = subparsers.add_parser(
        "rounds", help="parallele Runden einer Veranstaltung (jede mit eigener Platzzahl)"
    ).add_subparsers(dest="action", required=True, metavar="AKTION", help="was mit den Runden geschehen soll")
    event_help = EVENT_HELP
    round_help = "die Runde: ihr Titel (ohne Groß-/Kleinschreibung) oder ihre Kennung"

    p = rounds.add_parser("list", help="Runden mit Plätzen und Warteliste auflisten")
    p.add_argument("--event", required=True, metavar="E", help=event_help)
    p.add_argument("--json", action="store_true",
                   help="als JSON-Liste ausgeben: je Runde id, title, capacity, registered, waiting")

    p = rounds.add_parser("add", help="Runde anlegen (ohne --capacity: ohne Platzgrenze)")
    p.add_argument("--event", required=True, metavar="E", help=event_help)
    p.add_argument("--title", required=True, metavar="T", help="Titel der Runde (je Veranstaltung eindeutig)")
    p.add_argument("--capacity", type=non_negative_int, metavar="N", help="Zahl der Plätze in dieser Runde")
    p.add_argument("--unlimited", action="store_true", help="keine Platzgrenze (Standard)")
    p.add_argument("--description", default="", metavar="TEXT", help="Beschreibung oder Thema der Runde")

    p = rounds.add_parser("update", help="Runde umbenennen oder ihre Platzzahl ändern")
    p.add_argument("--event", required=True, metavar="E", help=event_help)
    p.add_argument("--round", required=True, metavar="T", help=round_help)
    p.add_argument("--title", metavar="T2", help="neuer Titel")
    p.add_argument("--capacity", type=non_negative_int, metavar="N",
                   help="neue Zahl der Plätze; mehr Plätze gehen an die Warteliste dieser Runde, bei weniger "
                        "behalten alle ihren Platz (die Runde liegt dann über ihrer Grenze)")
    p.add_argument("--unlimited", action="store_true", help="die Platzgrenze aufheben")

    p = rounds.add_parser("remove", help="Runde entfernen (nur, wenn niemand mehr in ihr angemeldet ist oder wartet)")
    p.add_argument("--event", required=True, metavar="E", help=event_help)
    p.add_argument("--round", required=True, metavar="T", help=round_help)


def _capacity_choice(args: argparse.Namespace) -> tuple[bool, int | None]:
    """Whether a capacity was given, and which (``None`` is unlimited)."""
    if args.unlimited and args.capacity is not None:
        raise UserError("Bitte entweder --capacity oder --unlimited angeben, nicht beides.")
    if args.capacity is not None:
        return True, args.capacity
    return bool(args.unlimited), None


def _seats(row: Any) -> str:
    if row.capacity is None:
        return f"{row.registered} angemeldet (ohne Platzgrenze)"
    return f"Plätze {row.registered}/{row.capacity}"


def _cmd_rounds(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.domain.plurals import plural
    from odn_desktop.services import rounds as svc
    from odn_desktop.services.events import resolve_event

    event = resolve_event(session, args.event)
    if args.action == "list":
        rows = svc.list_rounds(session, event.id)
        if args.json:
            print_json([r.to_json() for r in rows])
        elif not rows:
            say(f"„{event.title}“ hat keine parallelen Runden.")
        else:
            for r in rows:
                say(f"{r.title}  {_seats(r)}, Warteliste {r.waiting}  [{r.id}]")
        return EXIT_OK
    if args.action == "add":
        _given, capacity = _capacity_choice(args)
        rnd = svc.add_round(session, event.id, title=args.title, capacity=capacity, description=args.description)
        limit = "ohne Platzgrenze" if rnd.capacity is None else plural(rnd.capacity, "Platz", "Plätze")
        say(f"Runde „{rnd.title}“ angelegt ({limit}): {rnd.id}")
        return EXIT_OK
    if args.action == "update":
        rnd = svc.find_round(session, event.id, args.round)
        given, capacity = _capacity_choice(args)
        if args.title is None and not given:
            raise UserError("Nichts zu ändern: bitte --title, --capacity oder --unlimited angeben.")
        changes: dict[str, Any] = {"title": args.title}
        if given:
            changes["capacity"] = capacity
        report = svc.update_round(session, event.id, rnd.id, **changes)
        row = next(r for r in svc.list_rounds(session, event.id) if r.id == rnd.id)
        say(f"Runde „{row.title}“ geändert: {_seats(row)}, Warteliste {row.waiting}.")
        notify([promoted_notice(session, report.promoted), *over_limit_notices(report.over_limit)])
        return EXIT_OK
    if args.action == "remove":
        rnd = svc.remove_round(session, event.id, svc.find_round(session, event.id, args.round).id)
        say(f"Runde „{rnd.title}“ entfernt.")
        return EXIT_OK
    raise AssertionError(args.action)  # pragma: no cover - argparse allows only the actions above


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"rounds": _cmd_rounds}
