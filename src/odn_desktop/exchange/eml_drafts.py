"""Messages to registrants as MIME e-mails: ``.eml`` drafts for Outlook, or ready to send over SMTP.

One message per person: a UTF-8 plain-text body; with an invitation, the calendar data is added the way
calendar servers send invitations (Google, Exchange), so that mail programs offer "accept/decline":

    multipart/mixed
      multipart/alternative
        text/plain; charset="utf-8"
        text/calendar; charset="utf-8"; method=REQUEST     (CANCEL for a cancelled event)
      application/ics; name="invite.ics"                    (attachment, for programs that ignore the above)
      application/pdf; name="Teilnahmebescheinigung_….pdf"  (any further attachments, e.g. a certificate)

A draft carries ``X-Unsent: 1``: Outlook then opens the file as an unsent message the coordinator can edit
and send from their own mailbox; it has no Date or Message-ID (Outlook sets both when sending). A message
for SMTP gets both here instead. A draft for everyone at once has its recipients in ``Bcc`` (Outlook keeps
them there) and the coordinator in ``To``; a message for SMTP never carries a ``Bcc`` header. Text parts
are quoted-printable, so the message is 7-bit clean for any server.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import fold_german

from .atomic_write import write_bytes

INVITE_FILENAME = "invite.ics"
#: Serialisation for files and SMTP alike: CRLF line ends (RFC 5322), lines folded at 78 characters.
WIRE_POLICY = policy.SMTP


@dataclass(frozen=True)
class MailAddress:
    name: str
    email: str

    def header(self) -> Address:
        """The address for a header; ``UserError`` when the address cannot be written into one."""
        try:
            return Address(display_name=" ".join(self.name.split()), addr_spec=self.email.strip())
        except (ValueError, IndexError, HeaderParseError) as exc:
            raise UserError(f"Die E-Mail-Adresse „{self.email}“ kann nicht verwendet werden ({exc}).") from exc


@dataclass(frozen=True)
class Attachment:
    """A file attached to one message, e.g. the person's certificate of attendance as PDF."""

    filename: str  # as the recipient sees it; ASCII travels best (non-ASCII is written as RFC 2231)
    mime_type: str  # "application/pdf"
    data: bytes

    @property
    def maintype(self) -> str:
        return self.mime_type.partition("/")[0] or "application"

    @property
    def subtype(self) -> str:
        return self.mime_type.partition("/")[2] or "octet-stream"


@dataclass(frozen=True)
class OutgoingMail:
    """One message to one registrant, before it becomes MIME (the services build these from templates)."""

    registration_id: uuid.UUID
    to: MailAddress
    subject: str
    body: str
    calendar: bytes | None = None  # an iCalendar file (METHOD:REQUEST or CANCEL)
    last_name: str = ""  # for the draft's file name
    first_name: str = ""
    attachments: tuple[Attachment, ...] = ()  # after the invitation, in this order
    bcc: tuple[MailAddress, ...] = ()  # a draft to everyone at once (drafts only: SMTP sends one per person)
    filename: str = ""  # the draft's file name (ASCII) when not made of prefix and name (e.g. the BCC draft)


_METHOD = re.compile(rb"^METHOD:([A-Za-z-]+)\s*$", re.MULTILINE)


def calendar_method(ics: bytes) -> str:
    """The iTIP method of a calendar file (``REQUEST``, ``CANCEL``, ``PUBLISH``); ``PUBLISH`` when absent."""
    match = _METHOD.search(ics)
    return match.group(1).decode("ascii").upper() if match else "PUBLISH"


def _set_subject(msg: EmailMessage, subject: str) -> None:
    """The subject, with non-ASCII text as RFC 2047 encoded words.

    WORKAROUND: Python 3.11's header folding drops the space between two encoded words that end up on
    different lines ("02.12.2021 – ä" arrives as "–ä"); ``email.header.Header`` encodes the spaces inside the
    words instead, and ``set_raw`` stores that as it is (its lines are short enough never to be refolded).
    """
    subject = " ".join(subject.split())
    if subject.isascii():
        msg["Subject"] = subject
        return
    from email.header import Header

    msg.set_raw("Subject", Header(subject, "utf-8", header_name="Subject").encode(linesep="\n"))


def build_message(mail: OutgoingMail, *, sender: MailAddress | None, draft: bool,
                  now: datetime | None = None) -> EmailMessage:
    """The MIME message. ``sender`` may be ``None`` for a draft (Outlook fills in the account's address)."""
    msg = EmailMessage(policy=policy.default)
    if sender is not None:
        msg["From"] = sender.header()
    msg["To"] = mail.to.header()
    if mail.bcc and draft:
        msg["Bcc"] = tuple(address.header() for address in mail.bcc)
    _set_subject(msg, mail.subject)
    if draft:
        msg["X-Unsent"] = "1"
    else:
        msg["Date"] = format_datetime((now or datetime.now(UTC)).astimezone(UTC))
        domain = sender.email.rpartition("@")[2] if sender is not None else None
        msg["Message-ID"] = make_msgid(domain=domain or None)
    msg["MIME-Version"] = "1.0"
    msg.set_content(mail.body, charset="utf-8", cte="quoted-printable")
    method = calendar_method(mail.calendar) if mail.calendar is not None else ""
    if mail.calendar is not None:
        # bytes, not text: the calendar keeps its CRLF line ends (RFC 5545)
        msg.add_alternative(mail.calendar, maintype="text", subtype="calendar")
        msg.add_attachment(mail.calendar, maintype="application", subtype="ics", filename=INVITE_FILENAME)
    for attachment in mail.attachments:
        msg.add_attachment(attachment.data, maintype=attachment.maintype, subtype=attachment.subtype,
                           filename=attachment.filename)
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]  # belongs to the top level only
        if method and part.get_content_type() == "text/calendar":
            # the parameters as Exchange writes them (the header registry would quote the method)
            del part["Content-Type"]
            part.set_raw("Content-Type", f"text/calendar; method={method}; charset=UTF-8")
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    return msg.as_bytes(policy=WIRE_POLICY)


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def draft_filename(prefix: str, last_name: str, first_name: str, taken: set[str]) -> str:
    """``Zugangslink_Mueller_Anna.eml``: ASCII, unique within ``taken`` (case-insensitively), which it extends."""
    words = [_UNSAFE.sub("_", fold_german(part).title()).strip("_") for part in (last_name, first_name)]
    stem = "_".join(w for w in words if w) or "Person"
    base = f"{_UNSAFE.sub('_', prefix).strip('_') or 'Nachricht'}_{stem}"[:80]
    return _unique(base, taken)


def _unique(base: str, taken: set[str]) -> str:
    name, counter = f"{base}.eml", 2
    while name.casefold() in taken:
        name = f"{base}_{counter}.eml"
        counter += 1
    taken.add(name.casefold())
    return name


def write_drafts(mails: Iterable[OutgoingMail], directory: Path, *, prefix: str,
                 sender: MailAddress | None = None) -> list[tuple[OutgoingMail, Path]]:
    """One ``.eml`` draft per message in ``directory`` (created when missing), each written atomically."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise UserError(f"„{directory}“ ist eine Datei; für die Entwürfe bitte einen Ordner angeben.")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Der Ordner „{directory}“ kann nicht angelegt werden ({exc.strerror or exc}).") from exc
    taken: set[str] = set()  # a draft written again for the same person replaces the old file
    written: list[tuple[OutgoingMail, Path]] = []
    for mail in mails:
        if mail.filename:
            stem = _UNSAFE.sub("_", mail.filename.removesuffix(".eml")).strip("_")[:80]
            name = _unique(stem or "Nachricht", taken)
        else:
            name = draft_filename(prefix, mail.last_name, mail.first_name, taken)
        path = directory / name
        write_bytes(path, message_bytes(build_message(mail, sender=sender, draft=True)), durable=False)
        written.append((mail, path))
    return written
