"""``odn-desktop events ...``: list, create, update, cancel and duplicate meetings.

    events list [--json]
    events create --title T --starts-at ISO --ends-at ISO [--format F] [--capacity N | --unlimited] ... [--json]
    events update --event E [the options of create] [--json]
    events cancel --event E
    events duplicate --event E --starts-at ISO [--copy PARTS] [--title T] [--json]

``--json`` prints one object per meeting (``services.events.EventRow.to_json``); a change that moves people
up from the waiting list, or leaves a pool above its limit, says so (on stderr with ``--json``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from odn_desktop.domain.deadlines import parse_deadline, parse_opening
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import format_german_datetime, parse_datetime

from .args import EVENT_HELP, int_arg
from .output import EXIT_OK, notify, over_limit_notices, print_json, promoted_notice, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_commands(subparsers: Any) -> None:
    events = subparsers.add_parser(
        "events", help="Veranstaltungen auflisten, anlegen, ändern, absagen und duplizieren"
    ).add_subparsers(dest="action", required=True, metavar="AKTION", help="was mit Veranstaltungen geschehen soll")
    p = events.add_parser("list", help="Veranstaltungen auflisten (mit Plätzen und Warteliste)")
    p.add_argument("--json", action="store_true",
                   help="als JSON-Liste ausgeben, ein Objekt je Veranstaltung")
    for name in ("create", "update"):
        p = events.add_parser(name, help="Veranstaltung anlegen" if name == "create" else "Veranstaltung ändern")
        if name == "update":
            p.add_argument("--event", required=True, metavar="E", help=EVENT_HELP)
        required = name == "create"
        p.add_argument("--title", required=required, help="Titel der Veranstaltung")
        p.add_argument("--starts-at", required=required, metavar="ISO",
                       help="Beginn, z. B. 2022-01-27T10:00 (deutsche Zeit)")
        p.add_argument("--ends-at", required=required, metavar="ISO",
                       help="Ende, z. B. 2022-01-27T12:00 (deutsche Zeit)")
        p.add_argument("--format", choices=("online", "in_person", "hybrid"),
                       help="online, in_person (vor Ort) oder hybrid")
        p.add_argument("--capacity", type=int_arg, metavar="N", help="Zahl der Plätze")
        p.add_argument("--unlimited", action="store_true", help="keine Platzbegrenzung")
        p.add_argument("--overbooking", type=int_arg, metavar="PCT",
                       help="so viel Prozent der Plätze zusätzlich vergeben (0–100, Überbuchung)")
        p.add_argument("--registration-deadline", metavar="DATE|ISO",
                       help="Anmeldeschluss (ein Datum allein: das Ende dieses Tages); danach wird eine Anmeldung "
                            "nur mit --late angenommen")
        p.add_argument("--registration-opens", metavar="DATE|ISO",
                       help="Beginn der Anmeldung (ein Datum allein: 00:00 Uhr an diesem Tag); vorher wird keine "
                            "Anmeldung angenommen (außer mit --late)")
        p.add_argument("--status", choices=("draft", "open", "closed"),
                       help="draft = Entwurf, open = Anmeldung offen, closed = Anmeldung geschlossen; außer bei "
                            "open wird eine Anmeldung nur mit --late angenommen (Absagen: events cancel)")
        p.add_argument("--online-url", metavar="URL", help="Zugangslink der Videokonferenz (wird nicht veröffentlicht)")
        p.add_argument("--venue", help="Veranstaltungsort (Adresse, Raum)")
        p.add_argument("--series", metavar="NAME",
                       help="Veranstaltungsreihe (ihr Titel; gibt es sie noch nicht, wird sie angelegt)")
        p.add_argument("--json", action="store_true",
                       help="die Veranstaltung als JSON ausgeben, wie eine Zeile von „events list --json“")
    p = events.add_parser("cancel", help="Veranstaltung absagen")
    p.add_argument("--event", required=True, metavar="E", help=EVENT_HELP)
    p = events.add_parser(
        "duplicate", help="als nächstes Treffen duplizieren",
        description="Legt eine Kopie der Veranstaltung als Entwurf an, ohne Anmeldungen und ohne Zugangslink. Ende, "
                    "Beginn der Anmeldung, Anmeldeschluss, Versand des Zugangslinks und die Fälligkeit der Aufgaben "
                    "behalten ihren Abstand zum Beginn (deutsche Uhrzeit, auch über eine Zeitumstellung hinweg). "
                    "Die Beschreibung wird übernommen und als „bitte prüfen“ markiert, bis sie geändert wird.")
    p.add_argument("--event", required=True, metavar="E", help=EVENT_HELP)
    p.add_argument("--starts-at", required=True, metavar="ISO",
                   help="Beginn des neuen Treffens, z. B. 2022-01-27T10:00 (deutsche Zeit)")
    p.add_argument("--copy", metavar="TEILE", default="programme,speakers,rounds,tasks",
                   help="was übernommen wird, durch Kommas getrennt: programme (Programm), speakers "
                        "(Referent:innen), rounds (Runden), tasks (Aufgaben); Standard: alles; \"\" für nichts")
    p.add_argument("--title", help="Titel des neuen Treffens (Standard: derselbe Titel)")
    p.add_argument("--json", action="store_true", help="das neue Treffen wie eine Zeile von „events list --json“")


def _event_fields(args: argparse.Namespace, session: Session) -> dict[str, Any]:
    from odn_desktop.services.events import find_or_create_series

    fields: dict[str, Any] = {}
    if args.title is not None:
        fields["title"] = args.title
    if args.starts_at is not None:
        fields["starts_at"] = parse_datetime(args.starts_at)
    if args.ends_at is not None:
        fields["ends_at"] = parse_datetime(args.ends_at)
    if args.format is not None:
        fields["format"] = args.format
    if args.unlimited and args.capacity is not None:
        raise UserError("Bitte entweder --capacity oder --unlimited angeben, nicht beides.")
    if args.capacity is not None:
        fields["capacity"] = args.capacity
    if args.unlimited:
        fields["capacity"] = None
    if args.overbooking is not None:
        fields["overbooking_percent"] = args.overbooking
    if args.registration_deadline is not None:
        fields["registration_deadline"] = parse_deadline(args.registration_deadline)
    if args.registration_opens is not None:
        fields["registration_opens_at"] = parse_opening(args.registration_opens)
    if args.status is not None:
        fields["status"] = args.status
    if args.online_url is not None:
        fields["online_url"] = args.online_url
    if args.venue is not None:
        fields["venue"] = args.venue
    if args.series is not None:
        fields["series_id"] = find_or_create_series(session, args.series).id
    return fields


def _print_event(row: Any, as_json: bool) -> None:
    if as_json:
        print_json(row.to_json())
        return
    say(f"{row.id}  {format_german_datetime(row.starts_at)}  {row.title}  [{row.seat_status}]")


def _cmd_events(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.services import events as svc

    if args.action == "list":
        rows = svc.list_event_rows(session)
        if args.json:
            print_json([r.to_json() for r in rows])
        else:
            for r in rows:
                seats = "unbegrenzt" if r.seat_limit is None else f"{r.registered}/{r.seat_limit}"
                say(f"{r.id}  {format_german_datetime(r.starts_at)}  {r.title}  Plätze {seats}, "
                     f"Warteliste {r.waiting}  [{r.seat_status}]")
        return EXIT_OK
    if args.action == "create":
        fields = _event_fields(args, session)
        event = svc.create_event(session, **fields)
        _print_event(svc.event_row(session, event.id), args.json)
        return EXIT_OK
    if args.action == "update":
        event = svc.resolve_event(session, args.event)
        fields = _event_fields(args, session)
        if not fields:
            raise UserError("Nichts zu ändern: bitte mindestens eine Option angeben.")
        result = svc.update_event(session, event.id, **fields)
        _print_event(svc.event_row(session, event.id), args.json)
        notify([promoted_notice(session, result.promoted), *over_limit_notices(result.over_limit)], args.json)
        return EXIT_OK
    if args.action == "duplicate":
        from odn_desktop.services.next_meeting import duplicate_event, parse_parts

        source = svc.resolve_event(session, args.event)
        copy = duplicate_event(session, source.id, starts_at=parse_datetime(args.starts_at), title=args.title,
                               parts=parse_parts(args.copy))
        _print_event(svc.event_row(session, copy.event_id), args.json)
        return EXIT_OK
    if args.action == "cancel":
        event = svc.cancel_event(session, svc.resolve_event(session, args.event).id)
        say(f"Veranstaltung '{event.title}' abgesagt.")
        return EXIT_OK
    raise AssertionError(args.action)


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"events": _cmd_events}
