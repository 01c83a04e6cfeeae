"""Headless commands over the same services the GUI uses: the contract other tools and scripts build on.

Nothing here imports Qt. A ``UserError`` – and a storage fault (disk full, database locked or damaged, read-only
file; ``store.faults``) – prints its German message to stderr, without a traceback, and exits with status 2;
every command runs in one transaction, so a failing command changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from . import __version__
from .domain.deadlines import parse_deadline, parse_opening
from .domain.errors import UserError
from .domain.timezone import format_german_datetime, parse_datetime
from .paths import resolve_paths

EXIT_OK = 0
EXIT_BROKEN_INSTALLATION = 1
EXIT_USER_ERROR = 2


class GermanArgumentParser(argparse.ArgumentParser):
    """argparse exits with status 2 on bad usage, like our user errors; the message is prefixed in German."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"Fehler: ungültiger Aufruf: {message}\n")


def _int_arg(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine ganze Zahl") from None


def build_parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(prog="odn-desktop", description="odn-desktop – Netzwerktreffen koordinieren")
    parser.add_argument("--db", metavar="PATH", help="Datenbankdatei (Standard: ODN_DB oder der Datenordner)")
    parser.add_argument("--version", action="version", version=f"odn-desktop {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="das Programm mit der Demo-Datenbank öffnen (wird beim ersten Mal angelegt)")
    parser.add_argument("--selftest", action="store_true",
                        help="prüfen, ob die Installation funktioniert (in einem temporären Ordner; "
                             "Exit-Status 0, wenn alles in Ordnung ist)")
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")

    sub.add_parser("demo", help="Demodaten anlegen (ein zweiter Aufruf fügt nichts hinzu)")

    events = sub.add_parser("events", help="Veranstaltungen").add_subparsers(dest="action", required=True)
    p = events.add_parser("list", help="Veranstaltungen auflisten")
    p.add_argument("--json", action="store_true")
    for name in ("create", "update"):
        p = events.add_parser(name, help="Veranstaltung anlegen" if name == "create" else "Veranstaltung ändern")
        if name == "update":
            p.add_argument("--event", required=True, metavar="E")
        required = name == "create"
        p.add_argument("--title", required=required)
        p.add_argument("--starts-at", required=required, metavar="ISO")
        p.add_argument("--ends-at", required=required, metavar="ISO")
        p.add_argument("--format", choices=("online", "in_person", "hybrid"))
        p.add_argument("--capacity", type=_int_arg, metavar="N")
        p.add_argument("--unlimited", action="store_true", help="keine Platzbegrenzung")
        p.add_argument("--overbooking", type=_int_arg, metavar="PCT")
        p.add_argument("--registration-deadline", metavar="DATE|ISO")
        p.add_argument("--registration-opens", metavar="DATE|ISO",
                       help="Beginn der Anmeldung (ein Datum allein: 00:00 Uhr an diesem Tag); vorher wird keine "
                            "Anmeldung angenommen (außer mit --late)")
        p.add_argument("--status", choices=("draft", "open", "closed"),
                       help="draft = Entwurf, open = Anmeldung offen, closed = Anmeldung geschlossen; außer bei "
                            "open wird eine Anmeldung nur mit --late angenommen (Absagen: events cancel)")
        p.add_argument("--online-url", metavar="URL")
        p.add_argument("--venue")
        p.add_argument("--series", metavar="NAME")
        p.add_argument("--json", action="store_true")
    p = events.add_parser("cancel", help="Veranstaltung absagen")
    p.add_argument("--event", required=True, metavar="E")
    p = events.add_parser(
        "duplicate", help="als nächstes Treffen duplizieren",
        description="Legt eine Kopie der Veranstaltung als Entwurf an, ohne Anmeldungen und ohne Zugangslink. Ende, "
                    "Beginn der Anmeldung, Anmeldeschluss, Versand des Zugangslinks und die Fälligkeit der Aufgaben "
                    "behalten ihren Abstand zum Beginn (deutsche Uhrzeit, auch über eine Zeitumstellung hinweg). "
                    "Die Beschreibung wird übernommen und als „bitte prüfen“ markiert, bis sie geändert wird.")
    p.add_argument("--event", required=True, metavar="E", help="Kennung der Veranstaltung oder ihr Datum JJJJ-MM-TT")
    p.add_argument("--starts-at", required=True, metavar="ISO",
                   help="Beginn des neuen Treffens, z. B. 2022-01-27T10:00 (deutsche Zeit)")
    p.add_argument("--copy", metavar="TEILE", default="programme,speakers,rounds,tasks",
                   help="was übernommen wird, durch Kommas getrennt: programme (Programm), speakers "
                        "(Referent:innen), rounds (Runden), tasks (Aufgaben); Standard: alles; \"\" für nichts")
    p.add_argument("--title", help="Titel des neuen Treffens (Standard: derselbe Titel)")
    p.add_argument("--json", action="store_true", help="das neue Treffen wie eine Zeile von „events list --json“")

    regs = sub.add_parser("registrations", help="Anmeldungen").add_subparsers(dest="action", required=True)
    p = regs.add_parser("list", help="Anmeldungen einer Veranstaltung")
    p.add_argument("--event", required=True, metavar="E")
    p.add_argument("--json", action="store_true")
    p = regs.add_parser("add", help="Person anmelden")
    p.add_argument("--event", required=True, metavar="E")
    p.add_argument("--first-name", required=True)
    p.add_argument("--last-name", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--organisation", default="")
    p.add_argument("--round", metavar="T",
                   help="parallele Runde (Titel, ohne Groß-/Kleinschreibung, oder Kennung); ist die Runde voll, "
                        "kommt die Person auf die Warteliste dieser Runde, auch wenn die Veranstaltung noch Plätze hat")
    p.add_argument("--late", action="store_true",
                   help="Anmeldung außerhalb des Anmeldezeitraums ausdrücklich zulassen (nach Anmeldeschluss, vor "
                        "Beginn der Anmeldung, bei Entwurf oder geschlossener Anmeldung); wird als verspätet markiert")
    p.add_argument("--force", action="store_true",
                   help="einen Platz auch über die Grenze hinaus geben (Überbuchung von Hand), statt auf die "
                        "Warteliste zu setzen")
    p.add_argument("--json", action="store_true")
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
    p.add_argument("--event", required=True, metavar="E", help="Kennung der Veranstaltung oder ihr Datum JJJJ-MM-TT")
    p.add_argument("--email", required=True, metavar="X", help="E-Mail-Adresse der Person")
    p.add_argument("--to", required=True, choices=("waiting", "registered", "end-of-queue"),
                   help="waiting = ans Ende der Warteliste (gibt den Platz ab), end-of-queue = ans Ende der "
                        "Warteliste (wer schon wartet), registered = auf einen Platz")
    p.add_argument("--round", metavar="T", help="außerdem in diese Runde setzen (Titel oder Kennung)")
    p.add_argument("--force", action="store_true",
                   help="mit --to registered: den Platz auch dann geben, wenn keiner frei ist (Überbuchung)")
    p = regs.add_parser("cancel", help="Anmeldung stornieren")
    p.add_argument("--event", required=True, metavar="E")
    p.add_argument("--email", required=True)
    p.add_argument("--json", action="store_true")

    speakers = sub.add_parser("speakers", help="Referent:innen").add_subparsers(dest="action", required=True)
    p = speakers.add_parser("list")
    p.add_argument("--json", action="store_true")

    for module in _command_modules():
        module.add_commands(sub)
        COMMANDS.update(getattr(module, "COMMANDS", {}))
        RAW_COMMANDS.update(getattr(module, "RAW_COMMANDS", {}))
    return parser


#: Further command groups live in their own modules (``cli_export``, ``cli_import``, ``cli_sync``, ...), each with
#: ``add_commands(subparsers)`` and ``COMMANDS: dict[name, handler(session, args) -> int]`` (run in one
#: transaction on the migrated local database) and/or ``RAW_COMMANDS: dict[name, handler(args, paths) -> int]``
#: (manage their own database access, e.g. sync). Raise ``UserError`` for user mistakes (exit 2). They must
#: import nothing heavy at module level (``odn-desktop --version`` stays fast).
COMMAND_MODULES = ("cli_export", "cli_import", "cli_sync", "cli_mail", "cli_rounds", "cli_wishes", "cli_stats",
                   "cli_certificates")


class CommandModuleError(Exception):
    """A command module could not be imported: a broken installation, never a command group quietly missing."""

    def __init__(self, name: str, cause: ImportError) -> None:
        super().__init__(f"odn_desktop.{name}: {type(cause).__name__}: {cause}")
        self.name = name
        self.cause = cause

    @property
    def message(self) -> str:
        return (f"Die Installation ist unvollständig: das Befehlsmodul odn_desktop.{self.name} lässt sich nicht "
                f"laden ({type(self.cause).__name__}: {self.cause}). Bitte odn-desktop neu installieren.")


def _command_modules() -> list[Any]:
    import importlib

    modules = []
    for name in COMMAND_MODULES:
        try:
            modules.append(importlib.import_module(f"odn_desktop.{name}"))
        except ImportError as exc:  # also a module missing from a frozen build: say so, do not drop its commands
            raise CommandModuleError(name, exc) from exc
    return modules


# -- output ------------------------------------------------------------------------------------------------


def _print_json(data: Any) -> None:
    """UTF-8 regardless of the console's code page (Windows consoles default to cp1252/cp850)."""
    payload = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.buffer.write(payload.encode("utf-8"))
    sys.stdout.flush()


def _say(text: str) -> None:
    sys.stdout.buffer.write((text + "\n").encode(sys.stdout.encoding or "utf-8", errors="replace"))
    sys.stdout.flush()


def notify(lines: Iterable[str | None], as_json: bool = False) -> None:
    """What the coordinator must know besides the result (who moved up, pools over their limit): on stdout, or on
    stderr when stdout carries JSON (so scripts can still parse it). Empty lines are skipped."""
    for line in lines:
        if not line:
            continue
        if as_json:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
        else:
            _say(line)


def promoted_notice(session: Session, registration_ids: Iterable[uuid.UUID]) -> str | None:
    """„Von der Warteliste nachgerückt: …“ for the registrations that got a seat (``None`` for nobody), in the
    words of ``SeatChange.message`` (which reads only the promoted rows)."""
    from .services.registrations import SeatChange, get_registration, to_row

    rows = tuple(to_row(get_registration(session, i)) for i in dict.fromkeys(registration_ids))
    return SeatChange(registration=rows[0], promoted=rows).message() if rows else None


def over_limit_notices(pools: Iterable[Any]) -> list[str]:
    """One „Hinweis:“ line per pool left above its limit (``OverLimitPool``), e.g. after a capacity was lowered."""
    return [f"Hinweis: {pool.message()}" for pool in pools]


# -- commands ----------------------------------------------------------------------------------------------


def _event_fields(args: argparse.Namespace, session: Session) -> dict[str, Any]:
    from .services.events import find_or_create_series

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


def _cmd_demo(session: Session, _args: argparse.Namespace) -> int:
    from .services.demo import load_demo

    result = load_demo(session)
    _say("Demodaten angelegt." if result.created else "Demodaten sind bereits vorhanden; nichts hinzugefügt.")
    return EXIT_OK


def _print_event(row: Any, as_json: bool) -> None:
    if as_json:
        _print_json(row.to_json())
        return
    _say(f"{row.id}  {format_german_datetime(row.starts_at)}  {row.title}  [{row.seat_status}]")


def _cmd_events(session: Session, args: argparse.Namespace) -> int:
    from .services import events as svc

    if args.action == "list":
        rows = svc.list_event_rows(session)
        if args.json:
            _print_json([r.to_json() for r in rows])
        else:
            for r in rows:
                seats = "unbegrenzt" if r.seat_limit is None else f"{r.registered}/{r.seat_limit}"
                _say(f"{r.id}  {format_german_datetime(r.starts_at)}  {r.title}  Plätze {seats}, "
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
        from .services.next_meeting import duplicate_event, parse_parts

        source = svc.resolve_event(session, args.event)
        copy = duplicate_event(session, source.id, starts_at=parse_datetime(args.starts_at), title=args.title,
                               parts=parse_parts(args.copy))
        _print_event(svc.event_row(session, copy.event_id), args.json)
        return EXIT_OK
    if args.action == "cancel":
        event = svc.cancel_event(session, svc.resolve_event(session, args.event).id)
        _say(f"Veranstaltung '{event.title}' abgesagt.")
        return EXIT_OK
    raise AssertionError(args.action)


def _cmd_registrations(session: Session, args: argparse.Namespace) -> int:
    from .services import registrations as svc
    from .services.contacts import ContactInput
    from .services.events import resolve_event

    event = resolve_event(session, args.event)
    if args.action == "list":
        rows = svc.list_registration_rows(session, event.id)
        if args.json:
            _print_json([r.to_json() for r in rows])
        else:
            labels = {"registered": "angemeldet", "waiting": "Warteliste", "cancelled": "storniert"}
            for r in rows:
                extra = f" #{r.waitlist_position}" if r.waitlist_position else ""
                _say(f"{r.last_name}, {r.first_name} <{r.email}>  {r.organisation}  {labels[r.status]}{extra}"
                     + (f"  Runde „{r.round}“" if r.round else "") + ("  (verspätet)" if r.late else ""))
        return EXIT_OK
    if args.action == "add":
        from .services.rounds import find_round

        person = ContactInput(email=args.email, first_name=args.first_name, last_name=args.last_name,
                              organisation=args.organisation)
        round_id = find_round(session, event.id, args.round).id if args.round is not None else None
        result = svc.register(session, event.id, person, allow_late=args.late, force=args.force, round_id=round_id)
        if args.json:
            _print_json(result.registration.to_json())
        else:
            _say(f"{_where(result.registration)}" + (" Die Anmeldung ist verspätet." if result.registration.late
                                                     else ""))
        return EXIT_OK
    if args.action == "move":
        return _move_registration(session, event.id, args)
    if args.action == "cancel":
        change = svc.cancel(session, svc.find_registration(session, event.id, args.email).id)
        if args.json:
            _print_json({"cancelled": change.registration.to_json(),
                         "promoted": [r.to_json() for r in change.promoted]})
        else:
            _say(f"Anmeldung von {change.registration.display_name} storniert.")
            if change.message():
                _say(change.message() or "")
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
    from .services import registrations as svc
    from .services.rounds import find_round, move_to_round

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
    _say(_where(row))
    notify([promoted_notice(session, (i for i in promoted if i != reg.id))])
    return EXIT_OK


def _not_moved_reason(row: Any) -> str:
    where = f"in der Runde „{row.round}“" if row.round else "bei dieser Veranstaltung"
    if row.status == "registered":
        return (f"{row.display_name} bekäme sofort wieder einen Platz: {where} ist noch einer frei, und auf die "
                "Warteliste kommt nur, wer keinen freien Platz hat. Nichts wurde geändert.")
    return f"{row.display_name} bekäme keinen Platz {where}. Nichts wurde geändert."


def _cmd_speakers(session: Session, args: argparse.Namespace) -> int:
    from .services.speakers import list_speaker_rows

    rows = list_speaker_rows(session)
    if args.json:
        _print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            _say(f"{r.display_name} – {r.organisation}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "events": _cmd_events,
    "registrations": _cmd_registrations,
    "speakers": _cmd_speakers,
}


RAW_COMMANDS: dict[str, Callable[[argparse.Namespace, Any], int]] = {}


def run_command(args: argparse.Namespace) -> int:
    """Open (and migrate) the database, run one command in one transaction."""
    from .store.database import transaction
    from .store.open import open_database

    paths = resolve_paths(args.db)
    try:
        if args.command in RAW_COMMANDS:
            return RAW_COMMANDS[args.command](args, paths)
        db = open_database(paths.database, backup_dir=paths.backup_dir)
        try:
            with transaction(db.sessions) as session:
                return COMMANDS[args.command](session, args)
        finally:
            db.close()
    except Exception as exc:
        message = _user_message(exc)
        if message is None:
            raise  # a bug: its traceback (SQL parameters are hidden by the engine, store.database)
        sys.stderr.write(f"Fehler: {message}\n")
        return EXIT_USER_ERROR


def _user_message(exc: BaseException) -> str | None:
    """The German message for a user error or a storage fault (disk full, database locked or damaged, read-only
    file: ``store.faults``, which imports no database layer); None for anything else."""
    if isinstance(exc, UserError):
        return exc.message
    from .store.faults import classify

    fault = classify(exc)
    return fault.message if fault is not None else None


def main(argv: Sequence[str] | None = None) -> int:
    """One headless command (``odn-desktop COMMAND``). The window and ``--selftest`` start in ``__main__``, which
    stands above both front ends: the CLI imports nothing of the window."""
    try:
        parser = build_parser()
    except CommandModuleError as exc:
        return report_broken_installation(exc)
    args = parser.parse_args(argv)
    if args.selftest or args.command is None:
        parser.error("kein Befehl angegeben (das Programmfenster und --selftest startet odn-desktop selbst)")
    return run_command(args)


def report_broken_installation(exc: CommandModuleError) -> int:
    """A command module failed to import: say which and why (with the traceback), exit 1.

    Without a console (the windowed build has no stderr) the exception propagates, so the frozen build's start-up
    shows it.
    """
    if sys.stderr is None:
        raise exc
    import traceback

    traceback.print_exception(exc.cause, file=sys.stderr)
    sys.stderr.write(f"Fehler: {exc.message}\n")
    return EXIT_BROKEN_INSTALLATION
