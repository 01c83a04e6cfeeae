"""``odn-desktop wishes ...``: topic wishes of a series, grouped by similarity, planned into the next meeting.

    wishes list [--series NAME] [--json]
    wishes add  --event E --email X --text TEXT
    wishes plan --wish ID --event E [--kind discussion|talk] [--minutes N]

``wishes list --json`` prints a list of groups ``{group_id, title, count, wishes: [{wish_id, text, email,
organisation, event}], state, planned_event, series}`` (``event`` and ``planned_event`` as ``{id, title,
starts_at}``). ``--wish`` takes a wish's id or its first characters (at least 6). Every command runs in the one
transaction ``cli.run_command`` opens (``services.wishes``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from odn_desktop.domain.errors import UserError

from .args import EVENT_HELP, non_negative_int
from .output import EXIT_OK, print_json, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.wish_rows import WishGroupRow

STATE_WORDS = {"open": "offen", "planned": "eingeplant", "treated": "behandelt"}


def add_commands(subparsers: Any) -> None:
    wishes = subparsers.add_parser(
        "wishes", help="Themenwünsche der Teilnehmenden (nach Ähnlichkeit gruppiert) und ihre Einplanung"
    ).add_subparsers(dest="action", required=True, metavar="AKTION", help="auflisten, eintragen oder einplanen")
    event_help = EVENT_HELP

    text = "Themenwünsche nach Gruppen auflisten (mit Anzahl, Organisationen, Stand)"
    p = wishes.add_parser("list", help=text, description=text + ".")
    p.add_argument("--series", metavar="NAME",
                   help="nur die Wünsche dieser Veranstaltungsreihe (Titel, ohne Groß-/Kleinschreibung); "
                        "ohne --series: alle Reihen")
    p.add_argument("--json", action="store_true",
                   help="als JSON-Liste ausgeben: je Gruppe group_id, title, count, wishes (wish_id, text, email, "
                        "organisation, event), state, planned_event")

    text = "einen Themenwunsch eintragen (wird sofort der ähnlichsten Gruppe oder einer neuen zugeordnet)"
    p = wishes.add_parser("add", help=text, description=text[0].upper() + text[1:] + ".")
    p.add_argument("--event", required=True, metavar="E",
                   help=f"das Treffen, bei dem der Wunsch geäußert wurde: {event_help}")
    p.add_argument("--email", required=True, metavar="X",
                   help="E-Mail-Adresse der Person (muss als Kontakt bekannt sein)")
    p.add_argument("--text", required=True, metavar="TEXT", help="der Wunsch im Wortlaut")

    p = wishes.add_parser(
        "plan", help="die Gruppe eines Wunschs für ein Treffen einplanen (als Programmpunkt)",
        description="Plant die Gruppe, zu der der Wunsch gehört, für ein Treffen der Reihe ein: ihr Titel wird als "
                    "Programmpunkt ans Ende des Programms gesetzt, die Gruppe gilt dann als eingeplant.")
    p.add_argument("--wish", required=True, metavar="ID",
                   help="Kennung eines Wunschs der Gruppe (oder ihre ersten Zeichen, mindestens 6)")
    p.add_argument("--event", required=True, metavar="E", help=f"das Treffen der Reihe: {event_help}")
    p.add_argument("--kind", choices=("discussion", "talk"), default="discussion",
                   help="Art des Programmpunkts: discussion = Fragen und Diskussion (Standard), talk = Vortrag")
    p.add_argument("--minutes", type=non_negative_int, default=30, metavar="N",
                   help="Dauer des Programmpunkts in Minuten (Standard: 30)")


def _state(row: WishGroupRow) -> str:
    from odn_desktop.domain.timezone import format_german_datetime

    word = STATE_WORDS.get(row.state, row.state)
    if row.planned_event is None:
        return word
    when = format_german_datetime(row.planned_event.starts_at)
    return f"{word}: „{row.planned_event.title}“ am {when}"


def _cmd_wishes(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.services import wish_rows, wishes
    from odn_desktop.services.events import find_series, get_event, resolve_event

    if args.action == "list":
        series_ids = None
        if args.series is not None:
            series = find_series(session, args.series)
            if series is None:
                raise UserError(f"Eine Veranstaltungsreihe „{args.series}“ gibt es nicht.")
            series_ids = [series.id]
        rows = wish_rows.list_wish_groups(session, series_ids)
        if args.json:
            print_json([r.to_json() for r in rows])
        elif not rows:
            say("Keine Themenwünsche.")
        else:
            for r in rows:
                orgs = f" – {', '.join(r.organisations)}" if r.organisations else ""
                say(f"{r.title}  ({r.count}×, {_state(r)}){orgs}")
                for w in r.wishes:
                    who = w.email or "ohne Person"
                    say(f"    {str(w.id)[:8]}  {w.text}  [{who}]")
        return EXIT_OK
    if args.action == "add":
        event = resolve_event(session, args.event)
        added = wishes.add_wish(session, event.id, email=args.email, text=args.text)
        group = wishes.get_group(session, added.group_id) if added.group_id is not None else None
        where = "" if group is None else (f" in der neuen Gruppe „{group.title}“" if added.new_group
                                          else f" in der Gruppe „{group.title}“")
        say(f"Themenwunsch eingetragen{where}: {added.wish_id}")
        return EXIT_OK
    if args.action == "plan":
        wish = wishes.find_wish(session, args.wish)
        event = resolve_event(session, args.event)
        if wish.group_id is None or wish.group is None or wish.group.deleted_at is not None:
            wishes.regroup(session, wish.event.series_id)
            session.refresh(wish)
        assert wish.group_id is not None
        plan = wishes.plan_group(session, wish.group_id, event.id, kind=args.kind, duration_minutes=args.minutes)
        group = wishes.get_group(session, wish.group_id)
        event = get_event(session, event.id)
        say(f"„{group.title}“ ist für „{event.title}“ eingeplant (Programmpunkt {plan.agenda_item_id}).")
        return EXIT_OK
    raise AssertionError(args.action)  # pragma: no cover - argparse allows only the actions above


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"wishes": _cmd_wishes}
