"""``odn-desktop import ...``: registrations from CSV/XLSX exports, attendance from Zoom and Teams reports.

    odn-desktop import registrations FILE --event E [--sheet NAME] [--late] [--create-rounds] [--dry-run] [--json]
    odn-desktop import attendance    FILE --event E [--host NAME|EMAIL ...] [--dry-run] [--json]

Runs in the one transaction ``cli.run_command`` opens: a file that cannot be read, or any failure, changes
nothing (exit status 2 with a German message for user errors). ``--dry-run`` prints the exact report and
writes nothing: the same counts and, with ``--json``, the same keys as the import then reports (created, updated,
unchanged, waiting, late, rejected, duplicates, rows: what happens to each row of the file, notes), decided by
the same code as the window's preview. A column mapping confirmed in the window for files with the same header
is used here too.
``import attendance --json`` carries the summary (attended, unmatched, excluded_speakers, excluded_hosts) and who
was excluded as speaker or host. Rows outside the registration window are listed as refused (exit 0) unless
``--late``; a file naming rounds the
event does not have is refused as a whole (exit 2) unless ``--create-rounds`` (``services.registration_import``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .args import EVENT_HELP
from .output import EXIT_OK, print_json, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_commands(subparsers: Any) -> None:
    parser = subparsers.add_parser("import", help="Anmeldungen oder Anwesenheit aus einer Datei übernehmen")
    actions = parser.add_subparsers(dest="action", required=True, help="was übernommen wird")
    p = actions.add_parser("registrations", help="Anmeldungen aus CSV oder Excel (.xlsx) übernehmen")
    p.add_argument("file", metavar="FILE", help="CSV- oder XLSX-Datei (Export des Formulars oder der Umfrage)")
    p.add_argument("--event", required=True, metavar="E",
                   help=f"die Veranstaltung, zu der angemeldet wird: {EVENT_HELP}")
    p.add_argument("--sheet", metavar="NAME", help="Tabellenblatt (Standard: das erste)")
    p.add_argument("--late", action="store_true",
                   help="auch Zeilen außerhalb des Anmeldezeitraums übernehmen (z. B. nach Anmeldeschluss) und als "
                        "verspätet markieren; ohne diese Option werden sie mit Grund als abgelehnt aufgeführt")
    p.add_argument("--create-rounds", action="store_true",
                   help="Runden, die die Datei nennt und die Veranstaltung nicht hat, anlegen (ohne Platzgrenze); "
                        "ohne diese Option wird eine solche Datei ganz abgelehnt")
    p.add_argument("--dry-run", action="store_true", help="nur prüfen und berichten, nichts speichern")
    p.add_argument("--json", action="store_true",
                   help="den Bericht als JSON ausgeben: created, updated, unchanged, waiting, late, rejected, "
                        "duplicates, rows, notes")
    p = actions.add_parser("attendance", help="Anwesenheit aus einem Zoom- oder Teams-Bericht übernehmen")
    p.add_argument("file", metavar="FILE", help="Teilnehmerbericht (Zoom, CSV) oder Anwesenheitsliste (Teams)")
    p.add_argument("--event", required=True, metavar="E", help=f"die Veranstaltung des Berichts: {EVENT_HELP}")
    p.add_argument("--host", action="append", default=[], metavar="NAME|EMAIL",
                   help="Gastgeber:in (wird nicht als Gast gezählt); mehrfach möglich")
    p.add_argument("--dry-run", action="store_true", help="nur zuordnen und berichten, nichts speichern")
    p.add_argument("--json", action="store_true",
                   help="den Bericht als JSON ausgeben: attended, unmatched, excluded_speakers, excluded_hosts und "
                        "wer als Referent:in oder Gastgeber:in ausgenommen wurde")


def _memory(args: argparse.Namespace) -> Any:
    from odn_desktop.paths import resolve_paths
    from odn_desktop.services.registration_import import MappingMemory

    return MappingMemory.in_folder(resolve_paths(args.db).data_dir)


def _cmd_import(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.services.events import resolve_event

    event = resolve_event(session, args.event)
    path = Path(args.file).expanduser()
    report: Any
    if args.action == "registrations":
        from odn_desktop.services.registration_import import import_registrations_file

        report = import_registrations_file(session, event.id, path, sheet=args.sheet, memory=_memory(args),
                                           dry_run=args.dry_run, allow_late=args.late,
                                           create_rounds=args.create_rounds)
    elif args.action == "attendance":
        from odn_desktop.services.attendance_import import import_attendance_file

        report = import_attendance_file(session, event.id, path, hosts=args.host, dry_run=args.dry_run)
    else:  # pragma: no cover - argparse allows nothing else
        raise AssertionError(args.action)
    if args.json:
        print_json(report.to_json())
    else:
        say(report.to_text().rstrip("\n"))
    return EXIT_OK


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"import": _cmd_import}
