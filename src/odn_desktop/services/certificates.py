"""Certificates of attendance ("Teilnahmebescheinigungen"): who qualifies, what a certificate says, and the
certificate numbers that ``odn-desktop certificates verify`` checks against the database.

**Who qualifies** (one rule, ``qualifies``): a registration (not deleted, whatever its status: a cancelled
person who came anyway qualifies too) that is marked attended, and

- has imported minutes (Zoom/Teams report) of at least ``min_percent`` % of the meeting's duration
  (``ends_at − starts_at``; default ``DEFAULT_MIN_PERCENT`` = 50 %), or
- was marked attended by hand (attended without minutes: the coordinator saw the person, e.g. on the signed
  list of an in-person meeting).

Attended with minutes below the threshold does not qualify; not attended never qualifies. Minutes of someone
who left and rejoined are already one figure (the attendance import unites the person's intervals), so the rule
sees the time actually present, not the sum of overlapping connections.

**Certificate numbers** ``ODN-YYYYMMDD-XXXXXXXX-C``: the meeting's date (Berlin), the first eight hex digits of
the registration's id (upper case) and a check character (ISO/IEC 7064 hybrid system MOD 37,36 over the
16 characters before it; ``check_character``). The number is *derived* from the registration, not
counted: the coordinators' laptops work offline and sync later, so a sequence number ("Nr. 2021-0017") would be
handed out twice by two laptops, or would have to wait for the server; a number derived from the registration's
UUID (created offline without collisions) is the same on every laptop, needs no table and no migration, and
issuing the certificate again (a lost mail, a corrected name) gives the same number. The check character
catches every single changed character and nearly every swap of two neighbours (a typo when someone reads the
number out on the phone) before the database is asked; ``verify_certificate`` then looks the registration up: alive,
its meeting on that day, and still marked attended. 32 bits of the UUID make two registrations of one meeting
day sharing a number practically impossible (about 1 in 8,000 for a day with 1,000 registrations); should it
ever happen, verification names the one that attended (first by name).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import person_sort_key
from odn_desktop.domain.plurals import plural
from odn_desktop.domain.timezone import BERLIN, to_berlin
from odn_desktop.exchange.announcement import announced_place
from odn_desktop.exchange.german_dates import clock, long_date
from odn_desktop.store.models import Contact, Event, Registration

from .agenda import agenda_rows
from .events import get_event
from .speakers import list_speaker_rows

#: The default minimum share of the meeting's duration (imported minutes) for a certificate.
DEFAULT_MIN_PERCENT = 50

#: The prefix of every certificate number.
PREFIX = "ODN"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NUMBER = re.compile(r"ODN-(\d{8})-([0-9A-F]{8})-([0-9A-Z])")

REASON_BY_HAND = "von Hand als anwesend markiert"
REASON_ABSENT = "nicht teilgenommen"


# -- the rule ------------------------------------------------------------------------------------------------


def check_min_percent(min_percent: int) -> int:
    """``min_percent`` as given when it is a whole number from 0 to 100, else a German ``UserError``."""
    if isinstance(min_percent, bool) or not isinstance(min_percent, int) or not 0 <= min_percent <= 100:
        raise UserError(f"Der Mindestanteil muss eine ganze Zahl von 0 bis 100 % sein, nicht „{min_percent}“.")
    return min_percent


def duration_minutes(starts_at: datetime, ends_at: datetime) -> int:
    """The meeting's length in whole minutes (``ends_at − starts_at``, never below 0)."""
    return max(int((ends_at - starts_at).total_seconds() // 60), 0)


def qualifies(attended: bool, minutes: int | None, duration: int, min_percent: int = DEFAULT_MIN_PERCENT) -> bool:
    """The one rule for a certificate (see the module's docstring).

    Exactly at the threshold qualifies (integer arithmetic: 60 of 120 minutes is 50 %). A meeting without a
    duration (start = end) cannot be measured against: anyone attended qualifies.
    """
    if not attended:
        return False
    if minutes is None or duration <= 0:
        return True
    return minutes * 100 >= min_percent * duration


def percent_of(minutes: int | None, duration: int) -> int | None:
    """Minutes as whole percent of the duration, rounded down (49.9 % reads "49 %", never a misleading "50 %")."""
    if minutes is None or duration <= 0:
        return None
    return minutes * 100 // duration


def _reason(attended: bool, minutes: int | None, duration: int, min_percent: int, ok: bool) -> str:
    if not attended:
        return REASON_ABSENT
    if minutes is None:
        return REASON_BY_HAND
    percent = percent_of(minutes, duration)
    text = f"{minutes} von {duration} Minuten" + ("" if percent is None else f" ({percent} %)")
    return text if ok else f"{text} – unter {min_percent} %"


# -- certificate numbers -------------------------------------------------------------------------------------


def _checksum(text: str) -> int:
    """ISO/IEC 7064 hybrid system MOD 37,36 over digits and capital letters (as python-stdnum's mod_37_36)."""
    modulus = len(_ALPHABET)
    check = modulus // 2
    for char in text:
        check = (((check or modulus) * 2) % (modulus + 1) + _ALPHABET.index(char)) % modulus
    return check


def check_character(payload: str) -> str:
    """The check character for ``payload`` (digits and capital letters): appended, the checksum becomes 1.

    A hybrid MOD 37,36 system detects every single changed character (a test tries them all) and all but a few
    swaps of two neighbouring characters (about 1 in 300); a truncated hash would let one change in 36 through.
    """
    modulus = len(_ALPHABET)
    return _ALPHABET[(1 - ((_checksum(payload) or modulus) * 2) % (modulus + 1)) % modulus]


def certificate_number(registration_id: uuid.UUID, starts_at: datetime) -> str:
    """``ODN-20211202-1A2B3C4D-K``: the meeting's Berlin date, the registration id's first 8 hex digits, the check."""
    day = to_berlin(starts_at).strftime("%Y%m%d")
    hex_part = registration_id.hex[:8].upper()
    return f"{PREFIX}-{day}-{hex_part}-{check_character(day + hex_part)}"


@dataclass(frozen=True)
class ParsedNumber:
    day: date
    hex_prefix: str  # lower case, as ``uuid.UUID.hex``


def parse_certificate_number(text: str) -> ParsedNumber | None:
    """The parts of a number as typed (case and surrounding spaces ignored); ``None`` when it is not well formed
    or its check character does not fit (a typo)."""
    match = _NUMBER.fullmatch(text.strip().upper())
    if match is None:
        return None
    day_text, hex_part, check = match.groups()
    if check_character(day_text + hex_part) != check:
        return None
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:]))
    except ValueError:
        return None
    return ParsedNumber(day, hex_part.lower())


# -- candidates ----------------------------------------------------------------------------------------------


def _full_name(title: str, first: str, last: str) -> str:
    return " ".join(part.strip() for part in (title, first, last) if part and part.strip())


@dataclass(frozen=True)
class CertificateCandidate:
    """One registration as the certificate dialog lists it: who qualifies, and why (not)."""

    registration_id: uuid.UUID
    name: str  # with academic title: "Dr. Anna Becker"
    first_name: str
    last_name: str
    organisation: str
    email: str
    status: str  # registered | waiting | cancelled
    attended: bool
    minutes: int | None  # imported minutes; None: none imported
    duration: int  # the meeting's minutes
    percent: int | None  # minutes as whole percent of the duration (rounded down)
    by_hand: bool  # attended without minutes
    qualifies: bool
    reason: str  # "95 von 120 Minuten (79 %)", "von Hand als anwesend markiert", …
    number: str | None  # the certificate number when it qualifies


def certificate_candidates(session: Session, event_id: uuid.UUID, *, min_percent: int = DEFAULT_MIN_PERCENT,
                           include_registered: bool = False) -> list[CertificateCandidate]:
    """Every live registration of the meeting that attended or has minutes, in German name order (last name,
    first name); with ``include_registered`` also everyone holding a seat who did not come ("nicht
    teilgenommen"), for the dialog's complete list."""
    check_min_percent(min_percent)
    event = get_event(session, event_id)
    duration = duration_minutes(event.starts_at, event.ends_at)
    rows = session.execute(
        select(Registration.id, Registration.status, Registration.attended, Registration.attended_minutes,
               Contact.academic_title, Contact.first_name, Contact.last_name, Contact.organisation, Contact.email)
        .join(Contact, Contact.id == Registration.contact_id)
        .where(Registration.event_id == event_id, Registration.deleted_at.is_(None))
    ).all()
    found = []
    for rid, status, attended, minutes, title, first, last, organisation, email in rows:
        attended = bool(attended)
        if not (attended or minutes is not None or (include_registered and status == "registered")):
            continue
        ok = qualifies(attended, minutes, duration, min_percent)
        found.append(CertificateCandidate(
            registration_id=rid, name=_full_name(title, first, last), first_name=first.strip(),
            last_name=last.strip(), organisation=organisation.strip(), email=email.strip(), status=status,
            attended=attended, minutes=minutes, duration=duration, percent=percent_of(minutes, duration),
            by_hand=attended and minutes is None, qualifies=ok,
            reason=_reason(attended, minutes, duration, min_percent, ok),
            number=certificate_number(rid, event.starts_at) if ok else None,
        ))
    found.sort(key=lambda c: (person_sort_key(c.last_name, c.first_name), c.email.casefold(), c.registration_id))
    return found


# -- verification --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifiedCertificate:
    """Whose certificate a number is, as ``certificates verify`` prints it."""

    number: str
    registration_id: uuid.UUID
    name: str
    organisation: str
    event_id: uuid.UUID
    event_title: str
    starts_at: datetime
    date_text: str  # "Donnerstag, 2. Dezember 2021"
    minutes: int | None  # None: marked attended by hand


def _berlin_day_in_utc(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0, 0), tzinfo=BERLIN)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=BERLIN)
    return start.astimezone(UTC), end.astimezone(UTC)


def verify_certificate(session: Session, number: str) -> VerifiedCertificate | None:
    """The certificate ``number`` names, when this database issued it: the number is well formed with a fitting
    check character, a live registration's id starts with its hex digits, that registration's (live) meeting
    starts on its day (Berlin), and the registration is still marked attended. ``None`` otherwise.

    The minimum share is not checked again: it was a setting of the export (``--min-percent``), not a property
    of the registration; a registration no longer marked attended (or deleted) no longer verifies.
    """
    parsed = parse_certificate_number(number)
    if parsed is None:
        return None
    start, end = _berlin_day_in_utc(parsed.day)
    # Matched in Python, not with LIKE: the id's storage differs between SQLite (hex text) and PostgreSQL (uuid).
    rows = session.execute(
        select(Registration.id, Registration.attended, Registration.attended_minutes, Contact.academic_title,
               Contact.first_name, Contact.last_name, Contact.organisation, Event.id, Event.title, Event.starts_at)
        .join(Contact, Contact.id == Registration.contact_id)
        .join(Event, Event.id == Registration.event_id)
        .where(Event.starts_at >= start, Event.starts_at < end, Event.deleted_at.is_(None),
               Registration.deleted_at.is_(None), Registration.attended.is_(True))
    ).all()
    hits = sorted((r for r in rows if r[0].hex.startswith(parsed.hex_prefix)),
                  key=lambda r: (person_sort_key(r[5], r[4]), r[0]))
    if not hits:
        return None
    rid, _attended, minutes, title, first, last, organisation, event_id, event_title, starts_at = hits[0]
    return VerifiedCertificate(
        number=certificate_number(rid, starts_at), registration_id=rid, name=_full_name(title, first, last),
        organisation=organisation.strip(), event_id=event_id, event_title=event_title, starts_at=starts_at,
        date_text=long_date(starts_at), minutes=minutes,
    )


# -- what a certificate shows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeLine:
    time_text: str  # "10:00–10:15"
    title: str
    speakers: str  # "Dr. Claus Arndt" (with title), "" when none


@dataclass(frozen=True)
class CertificateContent:
    """Everything one certificate shows, as plain text; ``ui.pdf.certificate_pdf`` only lays it out."""

    registration_id: uuid.UUID
    email: str
    name: str  # with academic title
    first_name: str
    last_name: str
    organisation: str
    event_title: str
    series_title: str
    date_text: str  # "Donnerstag, 2. Dezember 2021"
    time_text: str  # "10:00–12:00 Uhr"
    duration_text: str  # "2 Stunden"
    duration: int  # minutes
    programme: tuple[ProgrammeLine, ...]
    speakers: tuple[str, ...]  # the meeting's speakers, "Dr. Claus Arndt (Stadt Moers)"
    hosts: tuple[str, ...]  # one per line of the event's hosts, else the series' hosts
    place: str  # "Online per Zoom", "Präsenz – Rathaus Moers"
    coordinator_name: str  # "" leaves the line under the signature empty
    number: str
    minutes: int | None  # imported minutes; None: marked attended by hand
    issued_on: date

    @property
    def attendance_text(self) -> str:
        """"Anwesenheit laut Teilnahmebericht: 95 von 120 Minuten" (minutes beyond the meeting's length, from
        joining early, count as the whole meeting), or the coordinator's confirmation for a mark by hand."""
        if self.minutes is None:
            return "Die Anwesenheit wurde von der Koordination bestätigt."
        shown = min(self.minutes, self.duration) if self.duration > 0 else self.minutes
        return f"Anwesenheit laut Teilnahmebericht: {shown} von {self.duration} Minuten"


def duration_text(minutes: int) -> str:
    """``2 Stunden``, ``1 Stunde und 30 Minuten``, ``45 Minuten``."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return plural(rest, "Minute", "Minuten")
    text = plural(hours, "Stunde", "Stunden")
    return text if not rest else f"{text} und {plural(rest, 'Minute', 'Minuten')}"


def time_text(starts_at: datetime, ends_at: datetime) -> str:
    """``10:00–12:00 Uhr``; a meeting past midnight names the end's day."""
    if to_berlin(starts_at).date() == to_berlin(ends_at).date():
        return f"{clock(starts_at)}–{clock(ends_at)} Uhr"
    return f"{clock(starts_at)} Uhr bis {long_date(ends_at)}, {clock(ends_at)} Uhr"


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def certificate_contents(session: Session, event_id: uuid.UUID, *, min_percent: int = DEFAULT_MIN_PERCENT,
                         coordinator_name: str = "", issued_on: date | None = None,
                         registration_ids: Sequence[uuid.UUID] | None = None) -> list[CertificateContent]:
    """One ``CertificateContent`` per person who qualifies (German name order); ``registration_ids`` limits them
    to those (the dialog's choice; ids that do not qualify are left out). ``issued_on``: the date next to the
    signature (default: today in Berlin)."""
    event = get_event(session, event_id)
    chosen = None if registration_ids is None else set(registration_ids)
    people = [c for c in certificate_candidates(session, event_id, min_percent=min_percent)
              if c.qualifies and (chosen is None or c.registration_id in chosen)]
    if not people:
        return []
    speakers = list_speaker_rows(session, event_id)
    speaker_names = {s.id: s.display_name for s in speakers}
    items, _warning = agenda_rows(session, event_id)
    programme = tuple(
        ProgrammeLine(f"{clock(item.starts_at)}–{clock(item.ends_at)}", item.title,
                      "" if item.speaker_id is None else speaker_names.get(item.speaker_id, item.speaker or ""))
        for item in items
    )
    hosts = _lines(event.hosts) or (_lines(event.series.hosts) if event.series is not None else ())
    series_title = event.series.title if event.series is not None and event.series.deleted_at is None else ""
    duration = duration_minutes(event.starts_at, event.ends_at)
    template = CertificateContent(
        registration_id=event.id, email="", name="", first_name="", last_name="", organisation="",
        event_title=event.title, series_title=series_title, date_text=long_date(event.starts_at),
        time_text=time_text(event.starts_at, event.ends_at), duration_text=duration_text(duration),
        duration=duration, programme=programme,
        speakers=tuple(f"{s.display_name} ({s.organisation})" if s.organisation.strip() else s.display_name
                       for s in speakers),
        hosts=hosts, place=announced_place(event.format, event.venue), coordinator_name=coordinator_name.strip(),
        number="", minutes=None, issued_on=issued_on or datetime.now(BERLIN).date(),
    )
    return [
        replace(template, registration_id=c.registration_id, email=c.email, name=c.name, first_name=c.first_name,
                last_name=c.last_name, organisation=c.organisation, number=c.number or "", minutes=c.minutes)
        for c in people
    ]
