"""The public announcement of a meeting, as the website shows it: HTML, Markdown and plain text from plain data.

The shape follows the real announcement of 2 December 2021: title; "Donnerstag, 2. Dezember 2021";
"10:00 - 11:30 Uhr"; "Online per Zoom"; the hosts; the description; "Folgende Referent:innen …" with each
speaker's role; the programme with derived start times; "Eine Anmeldung wird bis zum 1. Dezember 2021 erbeten.";
"Den Zugangslink versenden wir kurz vor der Veranstaltung." (online and hybrid only); and a live status line
(free seats, or that registration has closed, the meeting took place or was cancelled).

The data holds no access link at all: the private link is not a field here, so no renderer can print it
(``services.announcement`` also removes it from texts it was pasted into). Every text from the database is
escaped for its format: ``html.escape`` for HTML, backslash escapes for Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from odn_desktop.domain.deadlines import is_late
from odn_desktop.domain.seats import SeatStatus
from odn_desktop.domain.timezone import to_berlin

from .german_dates import MONTHS, clock, event_span, long_date

ACCESS_LINK_NOTE = "Den Zugangslink versenden wir kurz vor der Veranstaltung."
PROGRAMME_HEADING = "Programm"
HOSTS_HEADING = "Veranstalter"
ROUNDS_HEADING = "Parallele Runden"


class Phase(StrEnum):
    """Where the meeting stands for someone reading the announcement."""

    OPEN = "open"  # registration possible (also a draft: the text is prepared before registration opens)
    NOT_YET_OPEN = "not_yet_open"
    CLOSED = "closed"
    OVER = "over"
    CANCELLED = "cancelled"


PHASE_LINES = {
    Phase.CLOSED: "Die Anmeldung ist geschlossen.",
    Phase.OVER: "Die Veranstaltung hat bereits stattgefunden.",
    Phase.CANCELLED: "Die Veranstaltung ist abgesagt.",
}


def meeting_phase(status: str, ends_at: datetime, now: datetime, *, opens_at: datetime | None = None,
                  deadline: datetime | None = None, late_allowed: bool = False) -> Phase:
    """Cancelled, over (held or ended), closed (status closed or the deadline passed), not yet open, or open.

    "Late" is ``domain.deadlines.is_late``, the rule registration itself uses; an event that accepts late
    registrations stays open after its deadline.
    """
    if status == "cancelled":
        return Phase.CANCELLED
    if status == "held" or to_berlin(ends_at) <= to_berlin(now):
        return Phase.OVER
    if status == "closed" or (is_late(now, deadline) and not late_allowed):
        return Phase.CLOSED
    if opens_at is not None and now < opens_at:
        return Phase.NOT_YET_OPEN
    return Phase.OPEN


def announced_place(format_code: str, venue: str) -> str:
    """"Online per Zoom" (online, venue Zoom), the venue as it is when it already says "online", "Präsenz –
    Rathaus Moers", "Hybrid – Rathaus Moers und Zoom"; without a venue the format alone."""
    venue = " ".join(venue.split())
    if format_code == "online":
        if not venue:
            return "Online"
        return venue if "online" in venue.casefold() else f"Online per {venue}"
    label = {"in_person": "Präsenz", "hybrid": "Hybrid"}.get(format_code, format_code)
    if not venue:
        return label
    return venue if label.casefold() in venue.casefold() else f"{label} – {venue}"


@dataclass(frozen=True)
class AnnouncedSpeaker:
    name: str
    role: str = ""
    organisation: str = ""
    topic: str = ""

    @property
    def line(self) -> str:
        """``Sabine Manz, Open-Data-Koordinatorin …, Landeshauptstadt Düsseldorf („Thema“)``; the organisation
        is left out when the role already names it."""
        parts = [self.name.strip()]
        role, organisation = self.role.strip(), self.organisation.strip()
        if role:
            parts.append(role)
        if organisation and organisation.casefold() not in role.casefold():
            parts.append(organisation)
        text = ", ".join(p for p in parts if p)
        topic = self.topic.strip()
        return f"{text} („{topic}“)" if topic else text


@dataclass(frozen=True)
class AnnouncedItem:
    """A programme item; its times are derived from the order and the durations (``domain.agenda.schedule``)."""

    starts_at: datetime
    ends_at: datetime
    title: str
    speaker: str = ""

    @property
    def time_span(self) -> str:
        return f"{clock(self.starts_at)} - {clock(self.ends_at)} Uhr"

    @property
    def text(self) -> str:
        title = self.title.strip()
        speaker = self.speaker.strip()
        if speaker and speaker.casefold() not in title.casefold():
            return f"{title} ({speaker})" if title else speaker
        return title


@dataclass(frozen=True)
class AnnouncedRound:
    title: str
    description: str = ""


@dataclass(frozen=True)
class Announcement:
    """Everything the public text says; no access link (it has no field here on purpose)."""

    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    online: bool  # online or hybrid: the access link is sent shortly before
    hosts: tuple[str, ...] = ()
    description: str = ""
    speakers: tuple[AnnouncedSpeaker, ...] = ()
    agenda: tuple[AnnouncedItem, ...] = ()
    rounds: tuple[AnnouncedRound, ...] = ()
    deadline: datetime | None = None
    opens_at: datetime | None = None
    phase: Phase = Phase.OPEN
    seat_status: SeatStatus | None = SeatStatus.AVAILABLE

    # -- the sentences, the same in every format ----------------------------------------------------------

    @property
    def same_day(self) -> bool:
        return to_berlin(self.starts_at).date() == to_berlin(self.ends_at).date()

    @property
    def date_line(self) -> str:
        """``Donnerstag, 2. Dezember 2021``; a meeting over midnight names both days with their times."""
        return long_date(self.starts_at) if self.same_day else event_span(self.starts_at, self.ends_at)

    @property
    def time_line(self) -> str:
        """``10:00 - 11:30 Uhr`` (empty for a meeting over midnight: the date line has the times)."""
        return f"{clock(self.starts_at)} - {clock(self.ends_at)} Uhr" if self.same_day else ""

    @property
    def accepting(self) -> bool:
        return self.phase in (Phase.OPEN, Phase.NOT_YET_OPEN)

    @property
    def speakers_intro(self) -> str:
        day = day_month_year(self.starts_at)
        if len(self.speakers) == 1:
            return f"Bei unserem Termin am {day} ist mit dabei:"
        return f"Folgende Referent:innen sind bei unserem Termin am {day} mit dabei:"

    @property
    def opening_sentence(self) -> str:
        if self.phase is not Phase.NOT_YET_OPEN or self.opens_at is None:
            return ""
        return f"Die Anmeldung ist ab dem {day_and_time(self.opens_at, midnight=True)} möglich."

    @property
    def deadline_sentence(self) -> str:
        if not self.accepting or self.deadline is None:
            return ""
        return f"Eine Anmeldung wird bis zum {day_and_time(self.deadline, midnight=False)} erbeten."

    @property
    def access_link_sentence(self) -> str:
        return ACCESS_LINK_NOTE if self.online and self.phase in (Phase.OPEN, Phase.NOT_YET_OPEN, Phase.CLOSED) \
            else ""

    @property
    def status_line(self) -> str:
        """The seat status while registration is possible, else what happened ("Die Anmeldung ist geschlossen.")."""
        if self.phase in PHASE_LINES:
            return PHASE_LINES[self.phase]
        return str(self.seat_status) if self.seat_status is not None else ""

    @property
    def notes(self) -> tuple[str, ...]:
        """The closing sentences in order (empty ones left out)."""
        return tuple(s for s in (self.opening_sentence, self.deadline_sentence, self.access_link_sentence) if s)


def day_month_year(dt: datetime) -> str:
    """``2. Dezember 2021`` (Berlin)."""
    local = to_berlin(dt)
    return f"{local.day}. {MONTHS[local.month - 1]} {local.year}"


def day_and_time(dt: datetime, *, midnight: bool) -> str:
    """``1. Dezember 2021``, with ``, 12:00 Uhr`` unless the moment is the day's boundary: the end of the day for
    a deadline (``midnight=False``), its start for an opening (``midnight=True``)."""
    local = to_berlin(dt)
    boundary = (local.hour, local.minute) == ((0, 0) if midnight else (23, 59))
    return day_month_year(dt) if boundary else f"{day_month_year(dt)}, {clock(dt)} Uhr"


def paragraphs(text: str) -> list[list[str]]:
    """Blank lines separate paragraphs; the lines inside one are kept (stripped of outer spaces)."""
    result: list[list[str]] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


# -- plain text ------------------------------------------------------------------------------------------------


def render_text(a: Announcement) -> str:
    blocks: list[str] = [a.title.strip(), "\n".join(s for s in (a.date_line, a.time_line, a.place.strip()) if s)]
    if a.hosts:
        blocks.append("\n".join((f"{HOSTS_HEADING}:", *a.hosts)))
    blocks.extend("\n".join(p) for p in paragraphs(a.description))
    if a.speakers:
        blocks.append(a.speakers_intro)
        blocks.append("\n".join(f"  {n}. {s.line}" for n, s in enumerate(a.speakers, start=1)))
    if a.agenda:
        blocks.append(PROGRAMME_HEADING)
        blocks.append("\n".join(f"  {item.time_span}  {item.text}" for item in a.agenda))
    if a.rounds:
        blocks.append(f"{ROUNDS_HEADING}:")
        blocks.append("\n".join(f"  – {_round_text(r)}" for r in a.rounds))
    blocks.extend(a.notes)
    if a.status_line:
        blocks.append(a.status_line)
    return "\n\n".join(b for b in blocks if b) + "\n"


def _round_text(r: AnnouncedRound) -> str:
    description = " ".join(r.description.split())
    return f"{r.title.strip()}: {description}" if description else r.title.strip()


# -- HTML ------------------------------------------------------------------------------------------------------


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(a: Announcement, *, document: bool = False) -> str:
    """A fragment for the website's editor (or, with ``document``, a complete page); well-formed, every text
    escaped, void elements closed (``<br />``) so that XML tools read it too."""
    out: list[str] = [f"<h1>{_h(a.title.strip())}</h1>"]
    when = [s for s in (a.date_line, a.time_line, a.place.strip()) if s]
    out.append("<p>" + "<br />".join(f"<strong>{_h(s)}</strong>" for s in when) + "</p>")
    if a.hosts:
        out.append(f"<p>{_h(HOSTS_HEADING)}:<br />" + "<br />".join(_h(h) for h in a.hosts) + "</p>")
    out.extend("<p>" + "<br />".join(_h(line) for line in p) + "</p>" for p in paragraphs(a.description))
    if a.speakers:
        out.append(f"<p>{_h(a.speakers_intro)}</p>")
        out.append("<ol>" + "".join(f"<li>{_h(s.line)}</li>" for s in a.speakers) + "</ol>")
    if a.agenda:
        out.append(f"<h2>{_h(PROGRAMME_HEADING)}</h2>")
        out.append("<ul>" + "".join(f"<li>{_h(i.time_span)}: {_h(i.text)}</li>" for i in a.agenda) + "</ul>")
    if a.rounds:
        out.append(f"<h2>{_h(ROUNDS_HEADING)}</h2>")
        out.append("<ul>" + "".join(f"<li>{_h(_round_text(r))}</li>" for r in a.rounds) + "</ul>")
    out.extend(f"<p>{_h(s)}</p>" for s in a.notes)
    if a.status_line:
        out.append(f"<p><strong>{_h(a.status_line)}</strong></p>")
    body = "\n".join(out) + "\n"
    if not document:
        return body
    return ('<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8" />\n'
            f"<title>{_h(a.title.strip())}</title>\n</head>\n<body>\n{body}</body>\n</html>\n")


# -- Markdown --------------------------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~{}])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_LINE_START = re.compile(r"^(#|>|\+|-|=|!)")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """User text as literal Markdown (CommonMark): no emphasis, links, HTML, headings or lists sneak in."""
    escaped = _MD_ENTITY.sub(lambda _m: "\\&", _MD_INLINE.sub(r"\\\1", text.strip()))
    escaped = _MD_LINE_START.sub(r"\\\1", escaped)
    return _MD_ORDERED.sub(r"\1\\\2", escaped)


def render_markdown(a: Announcement) -> str:
    md: Callable[[str], str] = escape_markdown
    blocks: list[str] = [f"# {md(a.title)}"]
    blocks.append("  \n".join(f"**{md(s)}**" for s in (a.date_line, a.time_line, a.place) if s.strip()))
    if a.hosts:
        blocks.append("  \n".join((f"{HOSTS_HEADING}:", *(md(h) for h in a.hosts))))
    blocks.extend("  \n".join(md(line) for line in p) for p in paragraphs(a.description))
    if a.speakers:
        blocks.append(md(a.speakers_intro))
        blocks.append("\n".join(f"{n}. {md(s.line)}" for n, s in enumerate(a.speakers, start=1)))
    if a.agenda:
        blocks.append(f"## {PROGRAMME_HEADING}")
        blocks.append("\n".join(f"- {md(i.time_span)}: {md(i.text)}" for i in a.agenda))
    if a.rounds:
        blocks.append(f"## {ROUNDS_HEADING}")
        blocks.append("\n".join(f"- {md(_round_text(r))}" for r in a.rounds))
    blocks.extend(md(s) for s in a.notes)
    if a.status_line:
        blocks.append(f"**{md(a.status_line)}**")
    return "\n\n".join(b for b in blocks if b) + "\n"


RENDERERS: dict[str, Callable[[Announcement], str]] = {
    "html": lambda a: render_html(a, document=True),
    "markdown": render_markdown,
    "text": render_text,
}
