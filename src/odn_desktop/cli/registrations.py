"""``odn-desktop registrations ...``: who is registered, and registering, moving and cancelling people.

    registrations list   --event E [--json]
    registrations add    --event E --first-name F --last-name L --email X [--organisation O] [--round T]
                         [--late] [--force] [--json]
    registrations move   --event E --email X --to waiting|registered|end-of-queue [--round T] [--force]
    registrations cancel --event E --email X [--json]

Every change applies the seat rule (``services.registrations``); who moved up is printed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from odn_desktop.domain.errors import UserError

from .args import EVENT_HELP
from .output import EXIT_OK, notify, print_json, promoted_notice, say

if TYPE_CHECKING:
    import uuid

    from sqlalchemy.orm import Session


def add_commands(subparsers: Any) -> None:
    regs = subparsers.add_parser(
        "registrations", help="Anmeldungen auflisten, Personen anmelden, umsetzen und stornieren"
    ).add_subparsers(dest="action", required=True, metavar="AKTION", help="was mit Anmeldungen geschehen soll")
    p = regs.add_parser("list", help="Anmeldungen einer Veranstaltung auflisten")
    p.add_argument("--event", required=True, metavar="E", help=EVENT_HELP)
    p.add_argument("--json", action="store_true", help="als JSON-Liste ausgeben, ein Objekt je Anmeldung")
    p = regs.add_parser("add", help="Person anmelden (ist kein Platz frei: auf die Warteliste)")
    p.add_argument("--event", required=True, metavar="E", help=EVENT_HELP)
    p.add_argument("--first-name", required=True, help="Vorname")
    p.add_argument("--last-name", required=True, help="Nachname")
    p.add_argument("--email", required=True, help="E-Mail-Adresse (eine bekannte Person wird wiedererkannt)")
    p.add_argument("--organisation", default="", help="Organisation, Kommune oder Behörde")
    p.add_argument("--round", metavar="T",
                   help="parallele Runde (Titel, ohne Groß-/Kleinschreibung, oder Kennung); ist die Runde voll, "
                        "kommt die Person auf die Warteliste dieser Runde, auch wenn die Veranstaltung noch Plätze hat")
    p.add_argument("--late", action="store_true",
                   help="Anmeldung außerhalb des Anmeldezeitraums ausdrücklich zulassen (nach Anmeldeschluss, vor "
                        "Beginn der Anmeldung, bei Entwurf oder geschlossener Anmeldung); wird als verspätet markiert")
    p.add_argument("--force", action="store_true",
                   help="einen Platz auch über die Grenze hinaus geben (Überbuchung von Hand), statt auf die "
                        "Warteliste zu setzen")
    p.add_argument("--json", action="store_true", help="die Anmeldung als JSON ausgeben")
    p = regs.add_parser(
        "move", help="Person auf die Warteliste, ans Ende der Warteliste oder auf einen Platz setzen",
        description="Setzt eine Person um. --to waiting: wer einen Platz hat, gibt ihn ab und kommt ans Ende der "
                    "Warteliste; der frei gewordene Platz geht an die Person vorn in der Warteliste. --to "
                    "end-of-queue: wer auf der Warteliste steht, kommt an ihr Ende. --to registered: wer auf der "
                    "Warteliste steht (oder storniert hat), bekommt einen Platz; ist keiner frei, nur mit --force "
                    "(Überbuchung). Mit --round wechselt die Person zusätzlich die Runde: bei --to registered zuerst "
                    "die Runde, dann der Platz (ist in der neuen Runde einer frei, braucht es kein --force); bei "
                    "--to waiting und --to end-of-queue zuerst die Warteliste, dann die Runde. Endet die Person "
                    "nicht dort, wohin --to sie setzen soll (z. B. weil in der Runde noch Plätze frei sind), wird "
                    "nichts geändert (Exit-Status 2).")
    p.add_argument("--event", required=True, metavar="E", help=EVENT_HELP)
    p.add_argument("--email", required=True, metavar="X", help="E-Mail-Adresse der Person")
    p.add_argument("--to", required=True, choices=("waiting", "registered", "end-of-queue"),
                   help="waiting = ans Ende der Warteliste (gibt den Platz ab), end-of-queue = ans Ende der "
                        "Warteliste (wer schon wartet), registered = auf einen Platz")
    p.add_argument("--round", metavar="T", help="außerdem in diese Runde setzen (Titel oder Kennung)")
    p.add_argument("--force", action="store_true",
                   help="mit --to registered: den Platz auch dann geben, wenn keiner frei ist (Überbuchung)")
    p = regs.add_parser("cancel", help="Anmeldung stornieren (der Platz geht an die Warteliste)")
    p.add_argument("--event", required=True, metavar="E", help=EVENT_HELP)
    p.add_argument("--email", required=True, help="E-Mail-Adresse der Person")
    p.add_argument("--json", action="store_true",
                   help="als JSON ausgeben: cancelled (die stornierte Anmeldung) und promoted (wer nachrückt)")


def _cmd_registrations(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.services import registrations as svc
    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.events import resolve_event

    event = resolve_event(session, args.event)
    if args.action == "list":
        rows = svc.list_registration_rows(session, event.id)
        if args.json:
            print_json([r.to_json() for r in rows])
        else:
            labels = {"registered": "angemeldet", "waiting": "Warteliste", "cancelled": "storniert"}
            for r in rows:
                extra = f" #{r.waitlist_position}" if r.waitlist_position else ""
                say(f"{r.last_name}, {r.first_name} <{r.email}>  {r.organisation}  {labels[r.status]}{extra}"
                     + (f"  Runde „{r.round}“" if r.round else "") + ("  (verspätet)" if r.late else ""))
        return EXIT_OK
    if args.action == "add":
        from odn_desktop.services.rounds import find_round

        person = ContactInput(email=args.email, first_name=args.first_name, last_name=args.last_name,
                              organisation=args.organisation)
        round_id = find_round(session, event.id, args.round).id if args.round is not None else None
        result = svc.register(session, event.id, person, allow_late=args.late, force=args.force, round_id=round_id)
        if args.json:
            print_json(result.registration.to_json())
        else:
            say(f"{_where(result.registration)}" + (" Die Anmeldung ist verspätet." if result.registration.late
                                                     else ""))
        return EXIT_OK
    if args.action == "move":
        return _move_registration(session, event.id, args)
    if args.action == "cancel":
        change = svc.cancel(session, svc.find_registration(session, event.id, args.email).id)
        if args.json:
            print_json({"cancelled": change.registration.to_json(),
                         "promoted": [r.to_json() for r in change.promoted]})
        else:
            say(f"Anmeldung von {change.registration.display_name} storniert.")
            if change.message():
                say(change.message() or "")
        return EXIT_OK
    raise AssertionError(args.action)


def _where(row: Any) -> str:
    """„Kim Schäfer ist angemeldet (Runde „A“).“ / „… steht auf Platz 2 der Warteliste …“ for a registration row."""
    in_round = f" (Runde „{row.round}“)" if row.round else ""
    if row.status == "registered":
        return f"{row.display_name} ist angemeldet{in_round}" + (" – überbucht." if row.forced_seat else ".")
    if row.status == "waiting":
        return f"{row.display_name} steht auf Platz {row.waitlist_position} der Warteliste{in_round}."
    return f"Die Anmeldung von {row.display_name} ist storniert{in_round}."


def _move_registration(session: Session, event_id: uuid.UUID, args: argparse.Namespace) -> int:
    """``registrations move``: the queue move that ``--to`` names and, with ``--round``, the change of round (first
    for ``registered``, so the seat is sought in the new round; last otherwise). The person must end where ``--to``
    says, else nothing is changed: the seat rule may seat someone at once where seats are free."""
    from odn_desktop.services import registrations as svc
    from odn_desktop.services.rounds import find_round, move_to_round

    if args.force and args.to != "registered":
        raise UserError("--force ist nur zusammen mit --to registered möglich.")
    reg = svc.find_registration(session, event_id, args.email)
    round_id = find_round(session, event_id, args.round).id if args.round is not None else None
    promoted: list[uuid.UUID] = []
    if args.to == "registered":
        if round_id is not None:
            promoted += move_to_round(session, reg.id, round_id).promoted
            session.refresh(reg)
        if reg.status != "registered":
            promoted += [r.id for r in svc.move_from_waiting_list(session, reg.id, force=args.force).promoted]
    else:
        move = svc.move_to_waiting_list if args.to == "waiting" else svc.move_to_end_of_queue
        promoted += [r.id for r in move(session, reg.id).promoted]
        if round_id is not None:
            promoted += move_to_round(session, reg.id, round_id).promoted
    session.refresh(reg)
    row = svc.to_row(reg)
    wanted = "registered" if args.to == "registered" else "waiting"
    if row.status != wanted:
        raise UserError(_not_moved_reason(row))
    say(_where(row))
    notify([promoted_notice(session, (i for i in promoted if i != reg.id))])
    return EXIT_OK


def _not_moved_reason(row: Any) -> str:
    where = f"in der Runde „{row.round}“" if row.round else "bei dieser Veranstaltung"
    if row.status == "registered":
        return (f"{row.display_name} bekäme sofort wieder einen Platz: {where} ist noch einer frei, und auf die "
                "Warteliste kommt nur, wer keinen freien Platz hat. Nichts wurde geändert.")
    return f"{row.display_name} bekäme keinen Platz {where}. Nichts wurde geändert."


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"registrations": _cmd_registrations}
