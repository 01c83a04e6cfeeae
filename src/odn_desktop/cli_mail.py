"""``odn-desktop mail ...`` and ``odn-desktop privacy ...``: messages to registrants and data protection.

    mail drafts --event E --template NAME -o DIR [--min-percent P]
    mail send   --event E --template NAME --smtp HOST:PORT [--starttls] [--user U] [--min-percent P] [--json]
    privacy anonymize [--months N] [--dry-run] [--json]
    privacy export --email X -o FILE.xlsx      # also writes FILE.json next to it
    privacy delete --email X

``mail send`` never sends a template twice to the same person: run it again after a failure and it sends to
the failed recipients (and to people registered since). It exits with 1 when a recipient failed. The password
comes from the OS keyring (saved in the program) or ``ODN_SMTP_PASSWORD``; there is no prompt. The sender is
``ODN_ORGANIZER_NAME``/``ODN_ORGANIZER_EMAIL`` (for ``send``, the ``--user`` may stand in for the address when it
is one); without them both commands refuse (exit status 2) before anything is written or sent.

``--template certificate`` ("Teilnahmebescheinigung") goes to everyone who qualifies for a certificate of
attendance (``services.certificates``; ``--min-percent P``: the share of the meeting's duration, default 50) and
attaches each person's own certificate as PDF, drawn with Qt like ``export pdf`` (offscreen without a display);
the coordinator named on it is ``ODN_ORGANIZER_NAME``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain.plurals import plural

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EXIT_OK = 0
EXIT_SOME_FAILED = 1
#: seconds between two messages (mail servers throttle bursts)
DEFAULT_PAUSE = 1.0
#: ``exchange.mail_templates.TEMPLATE_NAMES`` (repeated: this module must stay cheap to import; a test compares)
TEMPLATES = ("confirmation", "waitlist", "promoted", "access_link", "reminder", "cancellation", "thanks",
             "certificate")
CERTIFICATE = "certificate"


def _months(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine ganze Zahl") from None
    if value < 1:
        raise argparse.ArgumentTypeError("die Frist muss mindestens 1 Monat sein")
    return value


def _percent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine ganze Zahl") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"'{text}' liegt nicht zwischen 0 und 100")
    return value


def add_commands(subparsers: Any) -> None:
    mail = subparsers.add_parser("mail", help="Nachrichten an Angemeldete: Outlook-Entwürfe oder Versand per SMTP")
    mail_sub = mail.add_subparsers(dest="action", required=True, metavar="WAS")
    for name, help_text in (("drafts", "eine .eml-Datei je Person, die Outlook als Entwurf öffnet"),
                            ("send", "per SMTP versenden (nicht doppelt: wer die Nachricht hat, wird übersprungen)")):
        p = mail_sub.add_parser(name, help=help_text)
        p.add_argument("--event", required=True, metavar="E",
                       help="Kennung der Veranstaltung oder ihr Datum JJJJ-MM-TT")
        p.add_argument("--template", required=True, choices=TEMPLATES, metavar="NAME",
                       help="Vorlage: " + ", ".join(TEMPLATES))
        if name == "drafts":
            p.add_argument("-o", "--output", required=True, type=Path, metavar="DIR")
        else:
            p.add_argument("--smtp", required=True, metavar="HOST:PORT")
            p.add_argument("--starttls", action="store_true", help="Verbindung mit STARTTLS verschlüsseln")
            p.add_argument("--user", default="", metavar="U",
                           help="Benutzername (Passwort aus dem Schlüsselbund oder ODN_SMTP_PASSWORD)")
            p.add_argument("--json", action="store_true")
        p.add_argument("--min-percent", type=_percent, default=None, metavar="P",
                       help="nur mit --template certificate: Mindestanteil der Dauer in %% für eine "
                            "Bescheinigung (Standard: 50)")

    privacy = subparsers.add_parser("privacy", help="Datenschutz: Anonymisieren, Auskunft, Löschen")
    priv_sub = privacy.add_subparsers(dest="action", required=True, metavar="WAS")
    p = priv_sub.add_parser("anonymize", help="Kontakte nach Ablauf der Aufbewahrungsfrist anonymisieren")
    p.add_argument("--months", type=_months, default=24, metavar="N",
                   help="Monate nach der letzten Veranstaltung (Standard: 24)")
    p.add_argument("--dry-run", action="store_true", help="nur anzeigen, wer anonymisiert würde")
    p.add_argument("--json", action="store_true")
    p = priv_sub.add_parser("export", help="Auskunft nach Art. 15 DSGVO als Excel- und JSON-Datei")
    p.add_argument("--email", required=True, metavar="X")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    p = priv_sub.add_parser("delete", help="eine Person löschen (Art. 17 DSGVO), auch im gemeinsamen Bestand")
    p.add_argument("--email", required=True, metavar="X")


def _cmd_mail(session: Session, args: argparse.Namespace) -> int:
    from .cli import _print_json, _say
    from .domain.errors import UserError
    from .services import mailing
    from .services.events import resolve_event
    from .services.smtp_delivery import parse_smtp_address

    if args.min_percent is not None and args.template != CERTIFICATE:
        raise UserError("--min-percent gilt nur für --template certificate (die Teilnahmebescheinigung).")
    smtp = None if args.action == "drafts" else parse_smtp_address(args.smtp, starttls=args.starttls, user=args.user)
    organizer = mailing.organizer_for(smtp)  # UserError naming ODN_ORGANIZER_NAME/ODN_ORGANIZER_EMAIL
    event = resolve_event(session, args.event)
    attachments = None
    if args.template == CERTIFICATE:
        from .ui.certificate_mail import event_certificate_attachments
        from .ui.printing import ensure_gui_application

        ensure_gui_application()
        attachments = event_certificate_attachments(session, event.id, min_percent=args.min_percent,
                                                    coordinator_name=organizer.name)
    if args.action == "drafts":
        result = mailing.write_draft_files(session, event.id, args.template, args.output, organizer=organizer,
                                           attachments=attachments, min_percent=args.min_percent)
        _say(result.message)
        for skipped in result.skipped:
            _say(f"  übersprungen: {skipped.name} – {skipped.reason}")
        return EXIT_OK

    import sys

    from .store.database import make_session_factory

    assert smtp is not None
    # every result is committed on its own (see mailing.send_mails); this command's transaction stays empty
    sessions = make_session_factory(session.get_bind())  # type: ignore[arg-type]
    progress = None if args.json else (lambda _pct, text: _say(text))
    report = mailing.send_mails(sessions, event.id, args.template, smtp, organizer=organizer, pause=DEFAULT_PAUSE,
                                progress=progress, attachments=attachments, min_percent=args.min_percent)
    if args.json:
        _print_json(report.to_json())
    else:
        for failed in report.failed:
            _say(f"  fehlgeschlagen: {failed.name} <{failed.email}>: {failed.detail}")
        _say(report.message())
    if report.failed:
        sys.stderr.write(f"{plural(len(report.failed), 'Empfänger:in', 'Empfänger:innen')} fehlgeschlagen. "
                         "Ein erneuter Aufruf sendet nur an "
                         "sie (und an neu Angemeldete).\n")
        return EXIT_SOME_FAILED
    return EXIT_OK


def _cmd_privacy(session: Session, args: argparse.Namespace) -> int:
    from .cli import _print_json, _say
    from .domain.timezone import format_german_date
    from .services import privacy

    if args.action == "anonymize":
        result = privacy.anonymize_expired(session, args.months, dry_run=args.dry_run)
        if args.json:
            _print_json(result.to_json())
            return EXIT_OK
        for c in result.candidates:
            last = f"„{c.last_event}“ am {format_german_date(c.last_activity)}" if c.last_event else \
                f"ohne Anmeldung, angelegt am {format_german_date(c.last_activity)}"
            _say(f"  {c.name} <{c.email}>, {c.organisation or '–'}: {last}")
        _say(result.message())
        return EXIT_OK
    if args.action == "export":
        exported = privacy.export_person(session, args.email, args.output)
        _say(exported.message)
        return EXIT_OK
    if args.action == "delete":
        deleted = privacy.delete_person(session, args.email)
        _say(deleted.message())
        return EXIT_OK
    raise AssertionError(args.action)


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"mail": _cmd_mail, "privacy": _cmd_privacy}
