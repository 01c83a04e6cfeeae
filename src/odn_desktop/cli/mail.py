"""``odn-desktop mail ...``: messages to registrants, as Outlook drafts or sent over SMTP.

    mail drafts --event E --template NAME -o DIR [--bcc] [--only EMAIL,EMAIL…] [--test-to ADDRESS]
                [--min-percent P]
    mail mark-sent --event E --template NAME [--only EMAIL,EMAIL…]
    mail send   --event E --template NAME --smtp HOST:PORT [--starttls] [--user U] [--only EMAIL,EMAIL…]
                [--min-percent P] [--json]

``mail drafts`` writes one ``.eml`` per recipient, which Outlook opens as a draft. ``--bcc`` writes one draft
instead, with every recipient in Bcc, the coordinator in To and the neutral salutation "Guten Tag," – only for
the templates without personal content: ``reminder``, ``thanks`` and ``cancellation`` (with the public calendar
file, which removes the meeting from every calendar); for the others (access link, waiting-list place, personal
invitation, certificate) it is refused with exit status 2. ``--only`` restricts the recipients to the given
addresses (an address not registered for the event: exit status 2, naming it; one whose status does not fit
the template is listed as skipped). ``--test-to ADDRESS`` writes one draft to that address with the first
recipient's data (with ``--bcc``: the text for everyone), and records nothing. Every check (missing access link,
missing coordinator, nobody to write to, a personal placeholder in a BCC text) comes before anything is
written.

A draft is not a sent message: ``mail drafts`` records the drafts but does not mark the access link as sent.
Once the drafts went out of Outlook, ``mail mark-sent --event E --template NAME`` records them as sent (all of
the template's unconfirmed drafts, or those of ``--only``); for ``access_link`` the deadline "Zugangslink
verschicken" is done when every registered person has the link (sent over SMTP or confirmed). This is a command
of its own rather than a ``--mark-sent`` flag on ``mail drafts``: the confirmation comes after the drafts were
sent, not when they are written.

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

from odn_desktop.domain.plurals import plural

from .output import EXIT_OK, print_json, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EXIT_SOME_FAILED = 1
#: seconds between two messages (mail servers throttle bursts)
DEFAULT_PAUSE = 1.0
#: ``exchange.mail_templates.TEMPLATE_NAMES`` (repeated: this module must stay cheap to import; a test compares)
TEMPLATES = ("confirmation", "waitlist", "promoted", "access_link", "reminder", "cancellation", "thanks",
             "certificate")
CERTIFICATE = "certificate"
#: ``exchange.mail_templates.BCC_TEMPLATES`` (repeated for the same reason; a test compares)
BCC_TEMPLATES = ("reminder", "thanks", "cancellation")


def _percent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine ganze Zahl") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"'{text}' liegt nicht zwischen 0 und 100")
    return value


def _addresses(text: str) -> list[str]:
    addresses = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not addresses:
        raise argparse.ArgumentTypeError("bitte mindestens eine E-Mail-Adresse angeben")
    return addresses


def add_commands(subparsers: Any) -> None:
    mail = subparsers.add_parser("mail", help="Nachrichten an Angemeldete: Outlook-Entwürfe oder Versand per SMTP")
    mail_sub = mail.add_subparsers(dest="action", required=True, metavar="WAS", help="Entwürfe, Versand oder Vermerk")
    only_help = ("nur an diese Adressen (durch Komma getrennt); jede muss bei der Veranstaltung angemeldet sein "
                 "(auch auf der Warteliste oder storniert)")
    for name, help_text in (("drafts", "eine .eml-Datei je Person, die Outlook als Entwurf öffnet"),
                            ("send", "per SMTP versenden (nicht doppelt: wer die Nachricht hat, wird übersprungen)"),
                            ("mark-sent", "Entwürfe als verschickt vermerken, nachdem sie aus Outlook verschickt "
                                          "wurden (erst dann gilt der Zugangslink als versendet)")):
        p = mail_sub.add_parser(name, help=help_text)
        p.add_argument("--event", required=True, metavar="E",
                       help="Kennung der Veranstaltung oder ihr Datum JJJJ-MM-TT")
        p.add_argument("--template", required=True, choices=TEMPLATES, metavar="NAME",
                       help="Vorlage: " + ", ".join(TEMPLATES))
        p.add_argument("--only", type=_addresses, default=None, metavar="EMAIL,EMAIL…", help=only_help)
        if name == "mark-sent":
            continue
        if name == "drafts":
            p.add_argument("-o", "--output", required=True, type=Path, metavar="DIR",
                           help="Ordner für die Entwürfe (wird angelegt)")
            p.add_argument("--bcc", action="store_true",
                           help="ein einziger Entwurf: alle Empfänger:innen in BCC, die Koordination im An-Feld, "
                                "Anrede „Guten Tag,“ – nur für " + ", ".join(BCC_TEMPLATES)
                                + " (die übrigen Vorlagen sind persönlich)")
            p.add_argument("--test-to", default=None, metavar="ADDRESS",
                           help="ein Testentwurf an diese Adresse mit den Angaben der ersten Empfängerin oder des "
                                "ersten Empfängers; wird nicht vermerkt")
        else:
            p.add_argument("--smtp", required=True, metavar="HOST:PORT",
                           help="Postausgangsserver, z. B. mail.example.de:587 (Port 465: mit TLS)")
            p.add_argument("--starttls", action="store_true", help="Verbindung mit STARTTLS verschlüsseln")
            p.add_argument("--user", default="", metavar="U",
                           help="Benutzername (Passwort aus dem Schlüsselbund oder ODN_SMTP_PASSWORD)")
            p.add_argument("--json", action="store_true",
                           help="den Versandbericht als JSON ausgeben: template, sent, failed, results, skipped …")
        p.add_argument("--min-percent", type=_percent, default=None, metavar="P",
                       help="nur mit --template certificate: Mindestanteil der Dauer in %% für eine "
                            "Bescheinigung (Standard: 50)")


def _cmd_mail(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.domain.errors import UserError
    from odn_desktop.services import mailing
    from odn_desktop.services.events import resolve_event

    if args.action == "mark-sent":
        event = resolve_event(session, args.event)
        ids = None if args.only is None else mailing.registrations_by_email(session, event.id, args.only)
        marked = mailing.mark_drafts_sent(session, event.id, args.template, registration_ids=ids)
        say(marked.message)
        return EXIT_OK
    if args.min_percent is not None and args.template != CERTIFICATE:
        raise UserError("--min-percent gilt nur für --template certificate (die Teilnahmebescheinigung).")
    if args.action == "drafts" and args.bcc:
        refusal = mailing.bcc_refusal(args.template)
        if refusal:
            raise UserError(f"--bcc ist für „{args.template}“ nicht möglich. {refusal}")
    if args.action == "drafts":
        return _drafts(session, args)
    return _send(session, args)


def _drafts(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.exchange.eml_drafts import MailAddress
    from odn_desktop.services import mailing
    from odn_desktop.services.events import resolve_event

    organizer = mailing.organizer_for(None)  # UserError naming ODN_ORGANIZER_NAME/ODN_ORGANIZER_EMAIL
    event = resolve_event(session, args.event)
    ids = None if args.only is None else mailing.registrations_by_email(session, event.id, args.only)
    # every check before a PDF is drawn or a file written (missing link, nobody to write to, BCC text)
    mailing.check_drafts(session, event.id, args.template, registration_ids=ids, organizer=organizer,
                         bcc=args.bcc, min_percent=args.min_percent)
    attachments = _certificates(session, args, event.id, organizer.name, ids)
    test_to = None if args.test_to is None else MailAddress("", args.test_to)
    result = mailing.write_draft_files(session, event.id, args.template, args.output, organizer=organizer,
                                       registration_ids=ids, attachments=attachments,
                                       min_percent=args.min_percent, bcc=args.bcc, test_to=test_to)
    say(result.message)
    for skipped in result.skipped:
        say(f"  übersprungen: {skipped.name} – {skipped.reason}")
    if args.template == "access_link" and not result.test:
        say(f"Nach dem Versand aus Outlook: odn-desktop mail mark-sent --event {args.event} --template "
             "access_link – erst dann gilt der Zugangslink als versendet.")
    return EXIT_OK


def _certificates(session: Session, args: argparse.Namespace, event_id: Any, coordinator: str,
                  ids: list[Any] | None) -> Any:
    """The certificates' PDFs for ``--template certificate`` (drawn with Qt, offscreen without a display)."""
    if args.template != CERTIFICATE:
        return None
    from odn_desktop.ui.pdf.certificate_mail import event_certificate_attachments
    from odn_desktop.ui.pdf.participant_list import ensure_gui_application

    ensure_gui_application()
    return event_certificate_attachments(session, event_id, min_percent=args.min_percent,
                                         coordinator_name=coordinator, registration_ids=ids)


def _send(session: Session, args: argparse.Namespace) -> int:
    import sys

    from odn_desktop.services import mailing
    from odn_desktop.services.events import resolve_event
    from odn_desktop.services.smtp_delivery import parse_smtp_address

    smtp = parse_smtp_address(args.smtp, starttls=args.starttls, user=args.user)
    organizer = mailing.organizer_for(smtp)  # UserError naming ODN_ORGANIZER_NAME/ODN_ORGANIZER_EMAIL
    event = resolve_event(session, args.event)
    ids = None if args.only is None else mailing.registrations_by_email(session, event.id, args.only)
    attachments = _certificates(session, args, event.id, organizer.name, ids)
    from odn_desktop.store.database import make_session_factory

    # every result is committed on its own (see mailing.send_mails); this command's transaction stays empty
    sessions = make_session_factory(session.get_bind())  # type: ignore[arg-type]
    progress = None if args.json else (lambda _pct, text: say(text))
    report = mailing.send_mails(sessions, event.id, args.template, smtp, organizer=organizer, pause=DEFAULT_PAUSE,
                                progress=progress, attachments=attachments, min_percent=args.min_percent,
                                registration_ids=ids)
    if args.json:
        print_json(report.to_json())
    else:
        for failed in report.failed:
            say(f"  fehlgeschlagen: {failed.name} <{failed.email}>: {failed.detail}")
        say(report.message())
    if report.failed:
        sys.stderr.write(f"{plural(len(report.failed), 'Empfänger:in', 'Empfänger:innen')} fehlgeschlagen. "
                         "Ein erneuter Aufruf sendet nur an "
                         "sie (und an neu Angemeldete).\n")
        return EXIT_SOME_FAILED
    return EXIT_OK


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"mail": _cmd_mail}
