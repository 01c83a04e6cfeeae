"""Calendar files (iCalendar, RFC 5545/5546) that land at the right hour in Outlook and follow changes.

- ``event_calendar``: the event file (``METHOD:PUBLISH``) for the website or a newsletter; it carries the
  private access link only when asked to.
- ``invitation``: one personal invitation (``METHOD:REQUEST``) with the coordinator as ORGANIZER and the
  registrant as ATTENDEE (RSVP), the access link in LOCATION and DESCRIPTION.
- The ORGANIZER is always the coordinator's real name and address (given, or ``ODN_ORGANIZER_NAME`` and
  ``ODN_ORGANIZER_EMAIL``); there is no placeholder: Outlook sends the replies there. Without one the writers
  refuse with ``ORGANIZER_MISSING``.
- A cancelled event gives ``METHOD:CANCEL`` and ``STATUS:CANCELLED`` from both, with the same UID.

What makes calendars follow changes instead of duplicating entries: the UID is the event's stored
``ics_uid`` and never changes; SEQUENCE is the event's ``ics_sequence``, which the services raise whenever
anything written here changes (``services.calendar_sequence``) and on cancelling. Times are written as Berlin
wall-clock time with ``TZID=Europe/Berlin`` and a VTIMEZONE in the RRULE form (two yearly rules, as Outlook
writes it itself): Outlook ignores the IANA name and reads the rules, and a VTIMEZONE listing single
transitions (RDATE) is misread by some versions. Every file has a 15-minute reminder, CRLF line ends and lines
folded at 75 octets.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import fold_german
from odn_desktop.domain.timezone import to_berlin

from .atomic_write import write_bytes
from .export_records import EventInfo, Participant
from .german_dates import clock, event_span

PRODID = "-//odn-desktop//Open-Data-Netzwerktreffen//DE"
TZID = "Europe/Berlin"
REMINDER = timedelta(minutes=15)
ORGANIZER_MISSING = (
    "Name und E-Mail-Adresse der Koordination fehlen. Sie stehen als Organisator in Kalenderdateien und "
    "Einladungen (dorthin gehen die Zu- und Absagen) und als Absenderadresse in E-Mails. Bitte im Programm unter "
    "Extras › Einstellungen eintragen, für die Befehlszeile ODN_ORGANIZER_NAME und ODN_ORGANIZER_EMAIL setzen."
)


@dataclass(frozen=True)
class Organizer:
    """The coordinator who sends invitations; replies (RSVP) go to this address."""

    name: str
    email: str

    @classmethod
    def from_environment(cls) -> Organizer | None:
        """``ODN_ORGANIZER_NAME`` and ``ODN_ORGANIZER_EMAIL``; ``None`` unless both are set."""
        name, email = environment_name(), os.environ.get("ODN_ORGANIZER_EMAIL", "").strip()
        return cls(name, email) if name and "@" in email else None


def environment_name() -> str:
    """``ODN_ORGANIZER_NAME`` ("" when unset)."""
    return os.environ.get("ODN_ORGANIZER_NAME", "").strip()


def require_organizer(organizer: Organizer | None = None) -> Organizer:
    """``organizer``, else the one from the environment; ``UserError`` (``ORGANIZER_MISSING``) when neither."""
    found = organizer or Organizer.from_environment()
    if found is None or not found.name.strip() or "@" not in found.email:
        raise UserError(ORGANIZER_MISSING)
    return found


def berlin_vtimezone() -> Any:
    """VTIMEZONE for Europe/Berlin as yearly rules: CEST from the last Sunday of March 02:00, CET from the
    last Sunday of October 03:00 (EU rules since 1996)."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("dtstart", datetime(1970, 3, 29, 2, 0, 0))
    daylight.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("dtstart", datetime(1970, 10, 25, 3, 0, 0))
    standard.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def _location(event: EventInfo, with_link: bool) -> str:
    venue = event.venue.strip() or event.format_label
    link = event.online_url.strip()
    if with_link and link:
        return f"{venue} – {link}" if venue else link
    return venue


def describe(event: EventInfo, with_link: bool) -> str:
    """DESCRIPTION: cancellation note, date, place, access link, programme with start times, speakers, hosts."""
    parts: list[str] = []
    if event.cancelled:
        parts.append("Diese Veranstaltung wurde abgesagt.")
    head = [f"Termin: {event_span(event.starts_at, event.ends_at)}", f"Ort: {event.place}"]
    link = event.online_url.strip()
    if with_link and link:
        head.append(f"Zugangslink: {link}")
    elif event.format != "in_person" and not event.cancelled:
        head.append("Den Zugangslink erhalten angemeldete Teilnehmer:innen kurz vor der Veranstaltung.")
    parts.append("\n".join(head))
    if event.description.strip():
        parts.append(event.description.strip())
    if event.agenda:
        lines = ["Programm:"]
        for item in event.agenda:
            text = f"{clock(item.starts_at)} {item.title or item.kind_label}"
            if item.speaker:
                text += f" ({item.speaker})"
            lines.append(text)
        lines.append(f"{clock(event.ends_at)} Ende")
        parts.append("\n".join(lines))
    if event.speakers:
        lines = ["Referent:innen:"]
        for sp in event.speakers:
            text = f"– {sp.name}"
            if sp.organisation:
                text += f", {sp.organisation}"
            if sp.topic:
                text += f": {sp.topic}"
            lines.append(text)
        parts.append("\n".join(lines))
    if event.hosts:
        parts.append("Veranstaltet von: " + ", ".join(event.hosts))
    return "\n\n".join(parts)


def _address(email: str) -> str:
    return f"mailto:{email.strip()}"


def _common_name(name: str) -> str:
    """A CN parameter is quoted text: no double quotes, no control characters inside."""
    return "".join(" " if ord(c) < 32 else c for c in name).replace('"', "'").strip()


def _vevent(event: EventInfo, *, with_link: bool, organizer: Organizer, now: datetime) -> Any:
    from icalendar import Alarm, Event, vCalAddress

    vevent = Event()
    vevent.add("uid", event.ics_uid)
    vevent.add("sequence", event.ics_sequence)
    vevent.add("dtstamp", now.astimezone(UTC).replace(microsecond=0))
    vevent.add("dtstart", to_berlin(event.starts_at).replace(microsecond=0))
    vevent.add("dtend", to_berlin(event.ends_at).replace(microsecond=0))
    vevent.add("summary", event.title)
    vevent.add("location", _location(event, with_link))
    vevent.add("description", describe(event, with_link))
    if with_link and event.online_url.strip():
        vevent.add("url", event.online_url.strip())
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    vevent.add("transp", "OPAQUE")
    address = vCalAddress(_address(organizer.email))
    address.params["cn"] = _common_name(organizer.name)
    vevent.add("organizer", address)
    if not event.cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Erinnerung: {event.title}")
        alarm.add("trigger", -REMINDER)
        vevent.add_component(alarm)
    return vevent


def _calendar(method: str, vevent: Any) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add_component(berlin_vtimezone())
    cal.add_component(vevent)
    data: bytes = cal.to_ical()
    return data


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def event_calendar(event: EventInfo, *, with_link: bool = False, organizer: Organizer | None = None,
                   now: datetime | None = None) -> bytes:
    """The event file: PUBLISH (or CANCEL for a cancelled event); the access link only with ``with_link``."""
    organizer = require_organizer(organizer)
    vevent = _vevent(event, with_link=with_link, organizer=organizer, now=_now(now))
    return _calendar("CANCEL" if event.cancelled else "PUBLISH", vevent)


def _attendee(attendee: Participant) -> Any:
    from icalendar import vCalAddress

    address = vCalAddress(_address(attendee.email))
    name = _common_name(f"{attendee.first_name} {attendee.last_name}")
    if name:
        address.params["cn"] = name
    address.params["cutype"] = "INDIVIDUAL"
    address.params["role"] = "REQ-PARTICIPANT"
    address.params["partstat"] = "NEEDS-ACTION"
    address.params["rsvp"] = "TRUE"
    return address


def invitation(event: EventInfo, attendee: Participant, *, organizer: Organizer | None = None,
               now: datetime | None = None) -> bytes:
    """A personal invitation: REQUEST with ORGANIZER and ATTENDEE (RSVP), or CANCEL when the event is."""
    organizer = require_organizer(organizer)
    vevent = _vevent(event, with_link=True, organizer=organizer, now=_now(now))
    vevent.add("attendee", _attendee(attendee))
    return _calendar("CANCEL" if event.cancelled else "REQUEST", vevent)


_END_EVENT = b"END:VEVENT\r\n"
_END_CALENDAR = b"END:VCALENDAR\r\n"
_BEGIN_EVENT = b"BEGIN:VEVENT\r\n"


class InvitationWriter:
    """Many invitations to one event, fast: the calendar without ATTENDEE is serialised once, and each
    person's ATTENDEE line (serialised and folded by icalendar too) is put in where icalendar itself puts it:
    after the event's last property, before its reminder (VALARM) or its end.

    That place is found by structure, not by searching the text: the VEVENT is the calendar's last component,
    so the file ends with the serialised VALARM, ``END:VEVENT`` and ``END:VCALENDAR``, whose lengths are known.
    (A title or description reading ``BEGIN:VALARM`` cannot move it.) Serialising the whole calendar per person
    spent most of its time folding the same long DESCRIPTION again; the result is the same calendar as
    ``invitation`` gives (a test compares them).
    """

    def __init__(self, event: EventInfo, organizer: Organizer, now: datetime) -> None:
        vevent = _vevent(event, with_link=True, organizer=organizer, now=now)
        data = _calendar("CANCEL" if event.cancelled else "REQUEST", vevent)
        tail = b"".join(sub.to_ical() for sub in vevent.subcomponents) + _END_EVENT + _END_CALENDAR
        if not data.endswith(tail):  # icalendar changed how it writes a calendar: a bug, not a user error
            raise RuntimeError("unexpected calendar layout: the event is not the calendar's last component")
        cut = len(data) - len(tail)
        self._head, self._tail = data[:cut], data[cut:]

    def __call__(self, attendee: Participant) -> bytes:
        from icalendar import Event

        holder = Event()
        holder.add("attendee", _attendee(attendee))
        lines: bytes = holder.to_ical()  # BEGIN:VEVENT, the ATTENDEE line (folded), END:VEVENT
        if not (lines.startswith(_BEGIN_EVENT) and lines.endswith(_END_EVENT)):
            raise RuntimeError("unexpected layout of a serialised event")
        return self._head + lines[len(_BEGIN_EVENT):-len(_END_EVENT)] + self._tail


_UNSAFE = str.maketrans({c: "_" for c in '<>:"/\\|?*\'`´'})


def invitation_filename(attendee: Participant, taken: set[str]) -> str:
    """``Einladung_Mueller_Anna.ics``: ASCII (mail programs and old Windows tools mangle umlauts in
    attachment names), unique within ``taken`` (case-insensitively, as on Windows), which it extends."""
    parts = [fold_german(part).translate(_UNSAFE) for part in (attendee.last_name, attendee.first_name)]
    words = ["".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in p.title()) for p in parts]
    stem = "_".join(w.strip("_") for w in words if w.strip("_")) or "Person"
    base = f"Einladung_{stem}"[:80]
    name, counter = f"{base}.ics", 2
    while name.casefold() in taken:
        name = f"{base}_{counter}.ics"
        counter += 1
    taken.add(name.casefold())
    return name


def write_invitations(event: EventInfo, attendees: Iterable[Participant], directory: Path, *,
                      organizer: Organizer | None = None, now: datetime | None = None) -> list[Path]:
    """One ``.ics`` per attendee in ``directory`` (created when missing); returns the files written.

    Each file is written atomically; without fsync each (a lost invitation is simply written again, and
    1,000 fsyncs would make the export take seconds on a laptop disk).
    """
    organizer = require_organizer(organizer)
    directory.mkdir(parents=True, exist_ok=True)
    render = InvitationWriter(event, organizer, _now(now))
    taken: set[str] = set()
    written: list[Path] = []
    for attendee in attendees:
        path = directory / invitation_filename(attendee, taken)
        write_bytes(path, render(attendee), durable=False)
        written.append(path)
    return written

