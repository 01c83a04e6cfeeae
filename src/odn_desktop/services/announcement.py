"""The announcement of a meeting: gathered from the database, rendered by ``exchange.announcement``, saved.

The seat status is live (``domain.seats`` over the event's registrations; with required rounds the round with
the most room counts too: "Freie Plätze" only when a round still has a seat). The private access link never
reaches the renderers: it is not copied into the data, and where a coordinator pasted it into the title, the
description, the venue or a programme item, it is replaced by a note.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.seats import SeatStatus
from odn_desktop.domain.timezone import utcnow
from odn_desktop.exchange.announcement import (
    RENDERERS,
    AnnouncedItem,
    AnnouncedRound,
    AnnouncedSpeaker,
    Announcement,
    announced_place,
    meeting_phase,
)
from odn_desktop.exchange.atomic_write import check_target, write_bytes

from .events import event_row, get_event
from .exports import ExportResult, event_info
from .rounds import list_rounds

#: file name endings and the format each one is written in
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".txt": "text"}
FORMAT_NAMES = {"html": "HTML", "markdown": "Markdown", "text": "Text"}
#: what stands where the access link had been pasted
LINK_WITHHELD = "(Zugangslink folgt per E-Mail)"
_SEVERITY = {SeatStatus.AVAILABLE: 0, SeatStatus.FEW: 1, SeatStatus.FULL: 2}


def _seat_status(session: Session, event_id: uuid.UUID, rounds_optional: bool, now: datetime) -> SeatStatus:
    """The event's status; when a round must be chosen, no better than the round with the most room."""
    status = event_row(session, event_id, now).seat_status
    rounds = list_rounds(session, event_id)
    if rounds and not rounds_optional:
        best = min((r.seats.status for r in rounds), key=_SEVERITY.__getitem__)
        status = max(status, best, key=_SEVERITY.__getitem__)
    return status


def _link_pattern(link: str) -> re.Pattern[str] | None:
    """The link as written, and without its scheme (``zoom.us/j/123…``), case-insensitive."""
    link = link.strip()
    if not link:
        return None
    variants = {link, re.sub(r"^[a-z][a-z0-9+.-]*://", "", link, flags=re.IGNORECASE)}
    variants = {v.rstrip("/") for v in variants if len(v.rstrip("/")) >= 6}
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?:[a-z][a-z0-9+.-]*://)?(?:{alternatives})/?", re.IGNORECASE)


def _withhold(value: Any, pattern: re.Pattern[str]) -> Any:
    """``value`` with the link replaced in every text, also inside nested records and tuples."""
    if isinstance(value, str):
        return pattern.sub(LINK_WITHHELD, value)
    if isinstance(value, tuple):
        return tuple(_withhold(v, pattern) for v in value)
    if hasattr(value, "__dataclass_fields__"):
        changes = {f.name: _withhold(getattr(value, f.name), pattern) for f in fields(value)}
        return replace(value, **changes)
    return value


def build_announcement(session: Session, event_id: uuid.UUID, *, now: datetime | None = None) -> Announcement:
    """The announcement's facts of the event as they stand at ``now`` (default: the current time)."""
    now = now or utcnow()
    event = get_event(session, event_id)
    info = event_info(session, event_id)
    phase = meeting_phase(event.status, event.ends_at, now, opens_at=event.registration_opens_at,
                          deadline=event.registration_deadline, late_allowed=event.allow_late_registration)
    announcement = Announcement(
        title=info.title,
        starts_at=info.starts_at,
        ends_at=info.ends_at,
        place=announced_place(info.format, info.venue),
        online=info.format in ("online", "hybrid"),
        hosts=info.hosts,
        description=info.description,
        speakers=tuple(AnnouncedSpeaker(s.name, s.role, s.organisation, s.topic) for s in info.speakers),
        agenda=tuple(AnnouncedItem(a.starts_at, a.ends_at, a.title, a.speaker) for a in info.agenda),
        rounds=tuple(AnnouncedRound(r.title, r.description) for r in list_rounds(session, event_id)),
        deadline=event.registration_deadline,
        opens_at=event.registration_opens_at,
        phase=phase,
        seat_status=_seat_status(session, event_id, event.rounds_optional, now),
    )
    pattern = _link_pattern(event.online_url)
    return announcement if pattern is None else _withhold(announcement, pattern)


def render_announcement(announcement: Announcement, fmt: str) -> str:
    """``fmt``: ``html`` (a complete page), ``markdown`` or ``text``."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown announcement format {fmt!r}") from None
    return renderer(announcement)


def format_for_path(path: Path) -> str:
    """The format a file name asks for by its ending; an unknown ending is a German ``UserError``."""
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIX_FORMATS[suffix]
    except KeyError:
        endings = ", ".join(SUFFIX_FORMATS)
        shown = f"„{suffix}“" if suffix else "keine"
        raise UserError(
            f"Die Ankündigung kann als {endings} gespeichert werden; die Datei „{Path(path).name}“ hat die Endung "
            f"{shown}."
        ) from None


def save_announcement_text(text: str, path: Path) -> Path:
    """Write rendered text as UTF-8, atomically (complete or untouched)."""
    path = check_target(Path(path))
    return write_bytes(path, text.encode("utf-8"))


def export_announcement(session: Session, event_id: uuid.UUID, path: Path, *,
                        now: datetime | None = None) -> ExportResult:
    """The announcement in the format the file's ending names (.html/.htm, .md, .txt)."""
    path = Path(path)
    fmt = format_for_path(path)
    check_target(path)
    text = render_announcement(build_announcement(session, event_id, now=now), fmt)
    save_announcement_text(text, path)
    return ExportResult(path, 1, f"Ankündigung ({FORMAT_NAMES[fmt]}) gespeichert: {path}")
