"""``odn-desktop export ...``: the attendance sheet, the registrant table, calendar files and the PDF list.

    export attendance  --event E -o FILE.xlsx [--blank-rows N] [--columns LIST] [--per-round]
    export registrants --event E -o FILE.xlsx
    export ics         --event E -o FILE.ics [--with-link]
    export invites     --event E -o DIR        # one .ics per registered person
    export pdf         --event E -o FILE.pdf [--per-round]
    export rooms       --event E -o FILE.csv [--size N] [--seed S] [--by-round]   # Zoom breakout rooms
    export announcement --event E -o FILE.html|FILE.md|FILE.txt   # the public text; the format by the ending
    export certificates --event E -o DIR [--min-percent P] [--single FILE.pdf] [--json]
    export report      --series NAME -o FILE.pdf|FILE.xlsx   # the hosts' report; the format by the ending

``report`` writes the series' figures, charts and definitions (``ui.pdf.report_export``): a PDF (A4, vector charts,
page numbers) or a workbook with one data sheet and one native Excel chart per chart.

``certificates`` writes one PDF per person who qualifies (``services.certificates``: attended with at least P % of
the meeting's duration, default 50, or marked attended by hand), named "Teilnahmebescheinigung Nachname
Vorname.pdf", and with ``--single`` also all of them in one PDF for printing. ``--json`` prints one object per
certificate ``{email, name, number, minutes, file}`` (``minutes``: null when marked by hand). The name under the
signature line is the one saved in the window's settings, else ``ODN_ORGANIZER_NAME``; without either the line
stays empty and a note on stderr says so. Nobody qualifying is a user error (exit status 2), nothing is written.

Calendar files and invitations name the coordinator as ORGANIZER: ``ODN_ORGANIZER_NAME`` and
``ODN_ORGANIZER_EMAIL`` must be set, else ``ics`` and ``invites`` refuse (exit status 2) before anything is written.

Nothing heavy is imported at module level (``odn-desktop --version`` stays fast); the PDF needs Qt's GUI
module (fonts) but never QtWidgets, and runs offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .args import EVENT_HELP, non_negative_int
from .output import EXIT_OK, notify, print_json, say

if TYPE_CHECKING:
    import uuid

    from sqlalchemy.orm import Session


def _room_size(text: str) -> int:
    value = non_negative_int(text)
    if value < 2:
        raise argparse.ArgumentTypeError(f"'{text}': ein Raum braucht mindestens 2 Personen")
    return value


def _percent(text: str) -> int:
    value = non_negative_int(text)
    if value > 100:
        raise argparse.ArgumentTypeError(f"'{text}' liegt über 100")
    return value


def add_commands(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export", help="Anwesenheitsliste, Anmeldungen, Kalenderdateien, Teilnehmendenliste (PDF), Ankündigung und "
                  "Teilnahmebescheinigungen exportieren"
    ).add_subparsers(dest="action", required=True, metavar="WAS", help="was exportiert wird")

    def command(name: str, help_text: str, output: str, output_help: str | None = None) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = export.add_parser(name, help=help_text)
        p.add_argument("--event", required=True, metavar="E",
                       help=EVENT_HELP)
        p.add_argument("-o", "--output", required=True, type=Path, metavar=output,
                       help=output_help or f"Zieldatei ({output}); eine vorhandene Datei wird ersetzt")
        return p

    p = command("attendance", "Anwesenheitsliste als Excel-Datei (druckfertig)", "FILE.xlsx")
    p.add_argument("--blank-rows", type=non_negative_int, default=0, metavar="N", help="leere Zeilen für Nachmeldungen")
    p.add_argument("--columns", metavar="LIST",
                   help="zusätzliche Spalten, mit Komma getrennt: Funktion,E-Mail,Runde "
                        "(Standard: Runde, wenn es Runden gibt)")
    p.add_argument("--per-round", action="store_true",
                   help="ein Tabellenblatt je paralleler Runde (Personen ohne Runde auf „Ohne Runde“)")
    command("registrants", "alle Anmeldungen mit allen Feldern als Excel-Tabelle mit Filtern", "FILE.xlsx")
    p = command("ics", "Kalenderdatei der Veranstaltung (für Website oder Newsletter)", "FILE.ics")
    p.add_argument("--with-link", action="store_true", help="den (privaten) Zugangslink mit hineinschreiben")
    command("invites", "persönliche Kalendereinladungen, eine .ics-Datei je angemeldeter Person", "DIR",
            "Ordner für die Einladungen (wird angelegt, wenn er fehlt)")
    p = command("pdf", "Teilnehmendenliste als PDF", "FILE.pdf")
    p.add_argument("--per-round", action="store_true", help="jede parallele Runde auf eigenen Seiten")
    p = command("rooms", "Zoom-Raumplan: Datei zur Vorab-Zuteilung der Breakout-Räume (CSV)", "FILE.csv")
    p.add_argument("--size", type=_room_size, default=4, metavar="N",
                   help="Personen je Raum (Standard: 4); die Räume mischen Organisationen und Kommunen")
    p.add_argument("--seed", type=non_negative_int, default=1, metavar="S",
                   help="Nummer der Mischung (Standard: 1); dieselbe Nummer ergibt denselben Plan, "
                        "eine andere eine neue Mischung")
    p.add_argument("--by-round", action="store_true",
                   help="ein Raum je paralleler Runde, benannt wie die Runde (statt gemischter Räume)")
    command("announcement", "öffentliche Ankündigung für Website oder Newsletter (ohne Zugangslink)",
            "FILE.html|FILE.md|FILE.txt",
            "Zieldatei; die Endung wählt das Format: .html/.htm (HTML), .md (Markdown) oder .txt (Text)")
    p = command("certificates", "Teilnahmebescheinigungen als PDF, eine Datei je Person, die teilgenommen hat",
                "DIR", "Ordner für die PDF-Dateien (wird angelegt, wenn er fehlt); vorhandene Bescheinigungen "
                       "derselben Personen werden ersetzt")
    p.add_argument("--min-percent", type=_percent, default=50, metavar="P",
                   help="Mindestanteil der Dauer in %% laut Teilnahmebericht (0–100, Standard: 50); wer von Hand "
                        "als anwesend markiert wurde, erhält immer eine Bescheinigung")
    p.add_argument("--single", type=Path, metavar="FILE.pdf",
                   help="zusätzlich alle Bescheinigungen in einer PDF-Datei, eine Seite je Person (zum Drucken)")
    p.add_argument("--json", action="store_true",
                   help="als JSON-Liste ausgeben: je Bescheinigung email, name, number, minutes (null: von Hand "
                        "markiert), file")


    text = "Auswertung einer Veranstaltungsreihe für die Veranstalter (Zahlen, Diagramme, Begriffe)"
    p = export.add_parser("report", help=text, description=text + ".")
    p.add_argument("--series", required=True, metavar="NAME",
                   help="die Veranstaltungsreihe: ihr Titel (ohne Groß-/Kleinschreibung), ein eindeutiger Teil davon "
                        "oder ihre Kennung")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx",
                   help="Zieldatei; die Endung wählt das Format: .pdf (A4, zum Drucken) oder .xlsx (Excel mit "
                        "Diagrammen zum Weiterbearbeiten)")


def _cmd_export(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.services import exports
    from odn_desktop.services.events import resolve_event

    if args.action == "report":
        return _export_report(session, args)
    organizer = None
    if args.action in ("ics", "invites"):
        from odn_desktop.exchange.ics_calendar import require_organizer

        organizer = require_organizer()  # UserError naming ODN_ORGANIZER_NAME/ODN_ORGANIZER_EMAIL
    event = resolve_event(session, args.event)
    output: Path = args.output
    if args.action == "attendance":
        from odn_desktop.exchange.attendance_sheet import parse_columns

        columns = None if args.columns is None else parse_columns(args.columns)
        result = exports.export_attendance_sheet(session, event.id, output, columns=columns,
                                                 blank_rows=args.blank_rows, per_round=args.per_round)
    elif args.action == "registrants":
        result = exports.export_registrants(session, event.id, output)
    elif args.action == "ics":
        result = exports.export_event_calendar(session, event.id, output, with_link=args.with_link,
                                               organizer=organizer)
    elif args.action == "invites":
        result = exports.export_invitations(session, event.id, output, organizer=organizer)
    elif args.action == "announcement":
        from odn_desktop.services.announcement import export_announcement

        result = export_announcement(session, event.id, output)
    elif args.action == "rooms":
        from odn_desktop.services.room_plan import export_room_plan

        view, result = export_room_plan(session, event.id, output, size=args.size, seed=args.seed,
                                        by_round=args.by_round)
        say(result.message)
        for note in view.notes():
            say(note[:1].upper() + note[1:] + ".")
        return EXIT_OK
    elif args.action == "certificates":
        return _export_certificates(session, event.id, args)
    elif args.action == "pdf":
        from odn_desktop.exchange.atomic_write import check_target

        check_target(output)
        sheet = exports.attendance_sheet(session, event.id, per_round=args.per_round)
        from odn_desktop.ui.pdf.participant_list import ensure_gui_application, save_participant_list_pdf

        ensure_gui_application()
        pages = save_participant_list_pdf(sheet, output)
        people = len(sheet.participants)
        say(f"Teilnehmendenliste mit {people} {'Person' if people == 1 else 'Personen'} "
             f"auf {pages} {'Seite' if pages == 1 else 'Seiten'} gespeichert: {output}")
        return EXIT_OK
    else:  # pragma: no cover - argparse allows only the actions above
        raise AssertionError(args.action)
    say(result.message)
    return EXIT_OK


def _export_report(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.exchange.atomic_write import check_target
    from odn_desktop.services.report_figures import resolve_series
    from odn_desktop.ui.pdf.report_export import check_report_path, export_report

    output = check_target(check_report_path(args.output))  # before any figure is computed
    series = resolve_series(session, args.series)
    if output.suffix.lower() == ".pdf":
        from odn_desktop.ui.pdf.participant_list import ensure_gui_application

        ensure_gui_application()
    say(export_report(session, series.id, output).message)
    return EXIT_OK


def _export_certificates(session: Session, event_id: uuid.UUID, args: argparse.Namespace) -> int:
    from odn_desktop.domain.errors import UserError
    from odn_desktop.domain.plurals import plural
    from odn_desktop.exchange.atomic_write import check_target
    from odn_desktop.services.certificates import certificate_candidates, certificate_contents

    from .certificates import coordinator_name

    if args.single is not None:
        check_target(args.single)  # before anything is drawn: folder missing, file open in a PDF viewer
    name = coordinator_name()
    contents = certificate_contents(session, event_id, min_percent=args.min_percent, coordinator_name=name)
    if not contents:
        raise UserError("Niemand erfüllt die Bedingung für eine Teilnahmebescheinigung (teilgenommen mit "
                        f"mindestens {args.min_percent} % der Dauer laut Teilnahmebericht oder von Hand als "
                        "anwesend markiert). Ist die Anwesenheit schon erfasst? Es wurde nichts gespeichert.")
    from odn_desktop.ui.pdf.certificate_pdf import save_certificates, save_certificates_single_pdf
    from odn_desktop.ui.pdf.participant_list import ensure_gui_application

    ensure_gui_application()
    files = save_certificates(contents, args.output)
    pages = save_certificates_single_pdf(contents, args.single) if args.single is not None else 0
    if not name:  # a warning, not a result: on stderr also without --json
        sys.stderr.write("Hinweis: Kein Name der Koordination eingestellt (Einstellungen im Programm oder "
                         "ODN_ORGANIZER_NAME); die Zeile unter der Unterschrift bleibt leer.\n")
    below = [c for c in certificate_candidates(session, event_id, min_percent=args.min_percent) if not c.qualifies]
    note = (f"Keine Bescheinigung für {plural(len(below), 'Person', 'Personen')}: "
            + "; ".join(f"{c.name}: {c.reason}" for c in below) + ".") if below else None
    if args.json:
        print_json([{"email": c.email, "name": c.name, "number": c.number, "minutes": c.minutes, "file": str(path)}
                     for c, path in zip(contents, files, strict=True)])
    else:
        say(f"{plural(len(files), 'Teilnahmebescheinigung', 'Teilnahmebescheinigungen')} gespeichert in "
             f"{args.output}")
        if args.single is not None:
            say(f"Alle in einer Datei ({plural(pages, 'Seite', 'Seiten')}) zum Drucken: {args.single}")
    notify([note], as_json=args.json)
    return EXIT_OK


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"export": _cmd_export}
