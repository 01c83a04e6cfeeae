"""Attendance reports of the video tools, read into one entry per person with the minutes they attended.

- **Zoom** participant reports (CSV): with the meeting block on top ("Meeting ID,Topic,...", a blank line, then
  "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,...") or without it, and the
  "unique users" variant ("Total Duration (Minutes)", no join/leave times). Dates month-first with AM/PM, or
  day-first; English or German column names.
- **Microsoft Teams** attendance reports (UTF-16, tab-separated) with the sections "1. Summary",
  "2. Participants", "3. In-Meeting Activities" (or their German names), and the older "Full Name / User
  Action / Timestamp" list.

A person who left and rejoined appears in several rows; their intervals are merged and the attended minutes are
the length of the union (overlapping rows, e.g. a laptop and a phone at once, do not count twice).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import fold_german, normalize_email, normalize_name

from .cells import parse_cell_datetime, slash_order
from .csv_reading import detect_delimiter
from .text_decoding import decode_bytes
from .xlsx_reading import is_old_excel, is_xlsx

UNKNOWN_REPORT = (
    "Die Datei ist weder ein Zoom-Teilnehmerbericht noch eine Teams-Anwesenheitsliste "
    "(erwartet: CSV aus Zoom mit „Name (Original Name)“ und „Join Time“ bzw. „Total Duration“, "
    "oder die Anwesenheitsliste aus Teams)."
)


@dataclass(frozen=True, order=True)
class Interval:
    start: datetime
    end: datetime

    @property
    def seconds(self) -> float:
        return max(0.0, (self.end - self.start).total_seconds())


@dataclass(frozen=True)
class Participant:
    """One person of the report, all their rows merged."""

    name: str
    email: str
    minutes: int
    intervals: tuple[Interval, ...] = ()  # merged and sorted; empty when the report has no times
    role: str = ""  # "organizer", "presenter", "attendee" (Teams) or "host" (the Zoom meeting's owner)
    rows: int = 1

    @property
    def name_key(self) -> str:
        return normalize_name(self.name)

    @property
    def email_key(self) -> str:
        return normalize_email(self.email)


@dataclass(frozen=True)
class AttendanceReport:
    tool: str  # "Zoom" or "Teams"
    title: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    host_email: str = ""
    participants: tuple[Participant, ...] = ()
    notes: tuple[str, ...] = field(default=())  # rows that could not be read, in German


# -- intervals ---------------------------------------------------------------------------------------------


def merge_intervals(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """The union of ``intervals`` as sorted, disjoint intervals (touching ones joined)."""
    merged: list[Interval] = []
    for current in sorted(i for i in intervals if i.end >= i.start):
        if merged and current.start <= merged[-1].end:
            if current.end > merged[-1].end:
                merged[-1] = Interval(merged[-1].start, current.end)
        else:
            merged.append(current)
    return tuple(merged)


def attended_minutes(intervals: Iterable[Interval]) -> int:
    """Minutes covered by the union of ``intervals``, rounded to the nearest minute."""
    seconds = sum(i.seconds for i in merge_intervals(intervals))
    return int((seconds + 30) // 60)


# -- shared helpers ----------------------------------------------------------------------------------------

_COLUMN_WORDS = re.compile(r"[^0-9a-z()]+")


def _key(text: str) -> str:
    return " ".join(_COLUMN_WORDS.sub(" ", fold_german(text.strip().strip('"'))).split())


def _find(header: Sequence[str], *names: str) -> int | None:
    keys = [_key(h) for h in header]
    for name in names:
        if name in keys:
            return keys.index(name)
    return None


def _records(text: str) -> list[list[str]]:
    """All records of delimited text; the delimiter is chosen per line group (Zoom blocks share it)."""
    lines = [line for line in text.splitlines() if line.strip()]
    # the participant header decides (its name column is the first thing in the line)
    header = next((line for line in lines if _key(line).startswith(("name", "participant", "teilnehmer",
                                                                     "user name", "benutzername"))), None)
    delimiter = detect_delimiter(header or (lines[0] if lines else ""))
    try:
        return [[c.strip() for c in r] for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise UserError(f"Der Bericht ist fehlerhaft: {exc}") from None


def _blank(record: Sequence[str]) -> bool:
    return not any(c.strip() for c in record)


def _cell(record: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".")) if text else None
    except ValueError:
        return None


_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(h|std|stunden?|m|min|minuten?|s|sek|sekunden?)\b\.?", re.I)


def parse_duration_minutes(text: str) -> float | None:
    """``1h 31m 59s``, ``31 Min. 5 Sek.``, ``01:31:59`` or a plain number of minutes; None when unreadable."""
    text = text.strip()
    if not text:
        return None
    plain = _number(text)
    if plain is not None:
        return plain
    clock = re.fullmatch(r"(\d+):(\d{2})(?::(\d{2}))?", text)
    if clock:
        h, m, s = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
        return h * 60 + m + s / 60
    total = 0.0
    found = False
    for amount, unit in _DURATION_PART.findall(text):
        value = float(amount.replace(",", "."))
        unit = unit.lower()
        found = True
        if unit.startswith(("h", "std", "stunde")):
            total += value * 60
        elif unit.startswith("s"):
            total += value / 60
        else:
            total += value
    return total if found else None


@dataclass
class _Row:
    """One report row before merging."""

    line: int
    name: str
    email: str
    interval: Interval | None = None
    minutes: float | None = None
    role: str = ""


def _role(text: str) -> str:
    key = _key(text)
    if key in ("organizer", "organisator", "organisator in", "organisatorin", "host", "gastgeber"):
        return "organizer"
    if key in ("presenter", "referent", "referent in", "referentin", "moderator", "co organizer",
               "co organisator"):
        return "presenter"
    return "attendee" if key else ""


def _group(rows: list[_Row]) -> tuple[Participant, ...]:
    """Rows of one person together: by e-mail address; a row without one joins the person of the same name."""
    groups: dict[str, list[_Row]] = {}
    name_to_email_key: dict[str, set[str]] = {}
    for row in rows:
        if row.email:
            key = "e:" + normalize_email(row.email)
            groups.setdefault(key, []).append(row)
            name_to_email_key.setdefault(normalize_name(row.name), set()).add(key)
    for row in rows:
        if row.email:
            continue
        owners = name_to_email_key.get(normalize_name(row.name), set())
        key = next(iter(owners)) if len(owners) == 1 else "n:" + normalize_name(row.name)
        groups.setdefault(key, []).append(row)
    participants = []
    for members in groups.values():
        members.sort(key=lambda r: r.line)
        intervals = merge_intervals(r.interval for r in members if r.interval is not None)
        # without times (unique-users report, Teams summary) the durations are added up
        minutes = attended_minutes(intervals) if intervals else round(sum(r.minutes or 0 for r in members))
        roles = [r.role for r in members if r.role]
        role = "organizer" if "organizer" in roles else ("presenter" if "presenter" in roles else
                                                         (roles[0] if roles else ""))
        email = next((r.email for r in members if r.email), "")
        participants.append(Participant(name=members[0].name, email=email, minutes=minutes, intervals=intervals,
                                        role=role, rows=len(members)))
    participants.sort(key=lambda p: (0, p.intervals[0].start.isoformat()) if p.intervals else (1, p.name_key))
    return tuple(participants)


def _time(text: str, day_first: bool, line: int, what: str, notes: list[str]) -> datetime | None:
    try:
        value = parse_cell_datetime(text, day_first=day_first)
    except ValueError:
        value = None
    if value is None:
        notes.append(f"Zeile {line}: {what} „{text}“ ist keine gültige Zeit – Zeile übersprungen")
    return value


def _interval(join: str, leave: str, day_first: bool, line: int, notes: list[str]) -> Interval | None:
    start = _time(join, day_first, line, "Beitrittszeit", notes)
    if start is None:
        return None
    end = _time(leave, day_first, line, "Austrittszeit", notes)
    if end is None:
        return None
    if end < start:
        notes.append(f"Zeile {line}: Austritt vor dem Beitritt – Zeile übersprungen")
        return None
    return Interval(start, end)


# -- Zoom --------------------------------------------------------------------------------------------------

_ZOOM_NAME = ("name (original name)", "name (ursprunglicher name)", "name (urspruenglicher name)",
              "name (originalname)", "participant", "teilnehmer", "name", "user name", "benutzername")
_ZOOM_EMAIL = ("user email", "email", "e mail", "benutzer e mail", "e mail des benutzers", "teilnehmer e mail")
_ZOOM_JOIN = ("join time", "beitrittszeit", "zeit des beitritts", "zeitpunkt des beitritts", "beitritt")
_ZOOM_LEAVE = ("leave time", "zeit des verlassens", "austrittszeit", "zeitpunkt des verlassens", "verlassen")
_ZOOM_DURATION = ("duration (minutes)", "dauer (minuten)", "duration (min)", "dauer (min)")
_ZOOM_TOTAL = ("total duration (minutes)", "gesamtdauer (minuten)", "total duration (min)", "gesamtdauer (min)")
_ZOOM_WAITING = ("in waiting room", "im warteraum")


def _is_zoom_header(record: Sequence[str]) -> bool:
    return _find(record, *_ZOOM_NAME) is not None and (
        _find(record, *_ZOOM_JOIN) is not None or _find(record, *_ZOOM_DURATION, *_ZOOM_TOTAL) is not None
    )


def _is_meeting_header(record: Sequence[str]) -> bool:
    return _find(record, "meeting id", "meeting-id", "meeting id", "besprechungs id") is not None or (
        bool(record) and _key(record[0]).replace(" ", "") in ("meetingid", "besprechungsid")
    )


def parse_zoom(text: str) -> AttendanceReport:
    records = _records(text)
    title = host = ""
    starts = ends = None
    header_at = next((i for i, r in enumerate(records) if _is_zoom_header(r)), None)
    if header_at is None:
        raise UserError(UNKNOWN_REPORT)
    notes: list[str] = []
    for i, record in enumerate(records[:header_at]):
        if _is_meeting_header(record) and i + 1 < header_at:
            values = records[i + 1]
            title = _cell(values, _find(record, "topic", "thema"))
            host = _cell(values, _find(record, "user email", "e mail des benutzers", "benutzer e mail", "email"))
            order = slash_order([_cell(values, _find(record, "start time", "startzeit"))]) is not False
            starts = _quiet_time(_cell(values, _find(record, "start time", "startzeit")), order)
            ends = _quiet_time(_cell(values, _find(record, "end time", "endzeit")), order)
    header = records[header_at]
    name_col = _find(header, *_ZOOM_NAME)
    email_col = _find(header, *_ZOOM_EMAIL)
    join_col, leave_col = _find(header, *_ZOOM_JOIN), _find(header, *_ZOOM_LEAVE)
    duration_col = _find(header, *_ZOOM_DURATION)
    total_col = _find(header, *_ZOOM_TOTAL)
    waiting_col = _find(header, *_ZOOM_WAITING)
    body = [(header_at + 1 + n, r) for n, r in enumerate(records[header_at + 1:], start=1) if not _blank(r)]
    times = [_cell(r, c) for _, r in body for c in (join_col, leave_col)]
    day_first = slash_order(times) is not False
    rows: list[_Row] = []
    for line, record in body:
        name = _cell(record, name_col)
        if not name and not _cell(record, email_col):
            continue
        if _key(_cell(record, waiting_col)) in ("yes", "ja"):
            continue  # time in the waiting room is not time in the meeting
        row = _Row(line=line, name=name, email=_cell(record, email_col))
        if join_col is not None and leave_col is not None:
            row.interval = _interval(_cell(record, join_col), _cell(record, leave_col), day_first, line, notes)
            if row.interval is None:
                continue
        else:
            raw = _cell(record, total_col if total_col is not None else duration_col)
            minutes = _number(raw)
            if minutes is None:
                notes.append(f"Zeile {line}: Dauer „{raw}“ ist keine Zahl – Zeile übersprungen")
                continue
            row.minutes = minutes
        if host and row.email and normalize_email(row.email) == normalize_email(host):
            row.role = "host"
        rows.append(row)
    return AttendanceReport(tool="Zoom", title=title, starts_at=starts, ends_at=ends, host_email=host,
                            participants=_group(rows), notes=tuple(notes))


def _quiet_time(text: str, day_first: bool) -> datetime | None:
    try:
        return parse_cell_datetime(text, day_first=day_first)
    except ValueError:
        return None


# -- Teams -------------------------------------------------------------------------------------------------

_SECTION = re.compile(r"\s*([123])\.\s*(\S.*)")
_TEAMS_NAME = ("name", "full name", "vollstandiger name", "vollstaendiger name", "teilnehmer")
_TEAMS_EMAIL = ("email", "e mail")
_TEAMS_UPN = ("participant id (upn)", "teilnehmer id (upn)", "upn")
_TEAMS_JOIN = ("join time", "beitrittszeit", "zeitpunkt des beitritts", "first join", "erster beitritt")
_TEAMS_LEAVE = ("leave time", "zeitpunkt des verlassens", "verlassenszeit", "last leave", "letztes verlassen")
_TEAMS_DURATION = ("in meeting duration", "duration", "dauer", "dauer in der besprechung",
                   "dauer der besprechung", "besprechungsdauer")
_TEAMS_ROLE = ("role", "rolle")


def _looks_like_teams(text: str) -> bool:
    head = [line.strip().strip('"') for line in text.splitlines()[:3]]
    if head and _key(head[0]).startswith(("1 summary", "1 zusammenfassung")):
        return True
    return bool(head) and _key(head[0]).startswith("full name user action timestamp")


def _sections(text: str) -> dict[str, list[list[str]]]:
    """Section number ("1", "2", "3") to its records (tab- or comma-separated, blank lines dropped)."""
    sections: dict[str, list[str]] = {}
    current = "1"
    for line in text.splitlines():
        bare = line.strip().strip('"')
        match = _SECTION.fullmatch(bare)
        if match and "\t" not in bare:
            current = match.group(1)
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line)
    parsed: dict[str, list[list[str]]] = {}
    for number, lines in sections.items():
        content = [line for line in lines if line.strip()]
        if not content:
            parsed[number] = []
            continue
        delimiter = "\t" if "\t" in content[0] else detect_delimiter(content[0])
        reader = csv.reader(io.StringIO("\n".join(content), newline=""), delimiter=delimiter)
        try:
            parsed[number] = [[c.strip() for c in r] for r in reader if not _blank(r)]
        except csv.Error as exc:
            raise UserError(f"Die Teams-Anwesenheitsliste ist fehlerhaft: {exc}") from None
    return parsed


def _email_of(record: Sequence[str], email_col: int | None, upn_col: int | None) -> str:
    email = _cell(record, email_col)
    if not email:
        upn = _cell(record, upn_col)
        email = upn if "@" in upn else ""
    return email


def parse_teams(text: str) -> AttendanceReport:
    if _key(text.lstrip().splitlines()[0] if text.strip() else "").startswith("full name user action"):
        return _parse_teams_legacy(text)
    sections = _sections(text)
    summary = {_key(r[0]): r[1] for r in sections.get("1", []) if len(r) >= 2}
    title = next((summary[k] for k in ("meeting title", "titel der besprechung", "besprechungstitel", "titel")
                  if k in summary), "")
    summary_times = [summary.get(k, "") for k in ("start time", "startzeit", "end time", "endzeit")]
    day_first = slash_order(summary_times) is not False
    starts = _quiet_time(summary.get("start time", summary.get("startzeit", "")), day_first)
    ends = _quiet_time(summary.get("end time", summary.get("endzeit", "")), day_first)
    notes: list[str] = []
    activities = sections.get("3", [])
    participants = sections.get("2", [])
    rows: list[_Row] = []
    if len(activities) >= 2:
        rows = _teams_rows(activities, day_first, notes, with_intervals=True)
    elif len(participants) >= 2:
        rows = _teams_rows(participants, day_first, notes, with_intervals=False)
    elif not sections.get("1"):
        raise UserError(UNKNOWN_REPORT)
    if participants and activities:
        # roles live in the participants section when the activities omit them
        role_of = {}
        header = participants[0]
        for record in participants[1:]:
            email = _email_of(record, _find(header, *_TEAMS_EMAIL), _find(header, *_TEAMS_UPN))
            role_of[normalize_email(email) or normalize_name(_cell(record, _find(header, *_TEAMS_NAME)))] = _role(
                _cell(record, _find(header, *_TEAMS_ROLE)))
        for row in rows:
            if not row.role:
                row.role = role_of.get(normalize_email(row.email) or normalize_name(row.name), "")
    return AttendanceReport(tool="Teams", title=title, starts_at=starts, ends_at=ends,
                            participants=_group(rows), notes=tuple(notes))


def _teams_rows(records: list[list[str]], day_first: bool, notes: list[str], *, with_intervals: bool) -> list[_Row]:
    header = records[0]
    name_col, email_col, upn_col = _find(header, *_TEAMS_NAME), _find(header, *_TEAMS_EMAIL), _find(header, *_TEAMS_UPN)
    join_col, leave_col = _find(header, *_TEAMS_JOIN), _find(header, *_TEAMS_LEAVE)
    duration_col, role_col = _find(header, *_TEAMS_DURATION), _find(header, *_TEAMS_ROLE)
    if name_col is None:
        raise UserError(UNKNOWN_REPORT)
    times = [_cell(r, c) for r in records[1:] for c in (join_col, leave_col)]
    order = slash_order(times)
    day_first = day_first if order is None else order
    rows = []
    for n, record in enumerate(records[1:], start=2):
        row = _Row(line=n, name=_cell(record, name_col), email=_email_of(record, email_col, upn_col),
                   role=_role(_cell(record, role_col)))
        if with_intervals and join_col is not None and leave_col is not None:
            row.interval = _interval(_cell(record, join_col), _cell(record, leave_col), day_first, n, notes)
            if row.interval is None:
                continue
        else:
            row.minutes = parse_duration_minutes(_cell(record, duration_col))
            if row.minutes is None:
                notes.append(f"Zeile {n}: Dauer „{_cell(record, duration_col)}“ ist unlesbar – Zeile übersprungen")
                continue
        rows.append(row)
    return rows


def _parse_teams_legacy(text: str) -> AttendanceReport:
    """The 2020 list: one row per join or leave ("Joined", "Joined before", "Left")."""
    lines = [line for line in text.splitlines() if line.strip()]
    delimiter = "\t" if "\t" in lines[0] else detect_delimiter(lines[0])
    records = [[c.strip() for c in r] for r in csv.reader(io.StringIO("\n".join(lines), newline=""),
                                                             delimiter=delimiter)]
    header = records[0]
    name_col, action_col = _find(header, "full name"), _find(header, "user action")
    time_col = _find(header, "timestamp")
    day_first = slash_order(_cell(r, time_col) for r in records[1:]) is not False
    notes: list[str] = []
    open_since: dict[str, tuple[datetime, str]] = {}
    rows: list[_Row] = []
    last: datetime | None = None
    for n, record in enumerate(records[1:], start=2):
        name, action = _cell(record, name_col), _key(_cell(record, action_col))
        when = _time(_cell(record, time_col), day_first, n, "Zeitpunkt", notes)
        if when is None or not name:
            continue
        last = when if last is None or when > last else last
        key = normalize_name(name)
        if action.startswith("joined"):
            open_since.setdefault(key, (when, name))
        elif action.startswith("left") and key in open_since:
            start, shown = open_since.pop(key)
            rows.append(_Row(line=n, name=shown, email="", interval=Interval(start, when)))
    for start, shown in open_since.values():  # still in the meeting when the list was downloaded
        rows.append(_Row(line=0, name=shown, email="", interval=Interval(start, last or start)))
    return AttendanceReport(tool="Teams", participants=_group(rows), notes=tuple(notes))


# -- entry point -------------------------------------------------------------------------------------------


def read_attendance_report(data: bytes) -> AttendanceReport:
    """A Zoom or Teams report from its bytes; ``UserError`` for anything else."""
    if is_xlsx(data) or is_old_excel(data):
        raise UserError("Bitte den Bericht als CSV herunterladen (Zoom: „Export als CSV-Datei“, Teams: "
                        "„Anwesenheitsliste herunterladen“); Excel-Dateien werden hier nicht gelesen.")
    if not data.strip():
        raise UserError("Die Datei ist leer.")
    text = decode_bytes(data).text
    if _looks_like_teams(text):
        return parse_teams(text)
    return parse_zoom(text)


def looks_like_attendance_report(data: bytes) -> bool:
    """Whether ``data`` is a Zoom or Teams attendance report, judged by its header as ``read_attendance_report``
    finds it (a Teams summary, or a Zoom participant header with join time or duration) – e.g. to tell a
    dropped file from a registration list. Excel files and unreadable text are not reports."""
    if not data.strip() or is_xlsx(data) or is_old_excel(data):
        return False
    try:
        text = decode_bytes(data[:200_000]).text
    except (UserError, UnicodeError, ValueError):
        return False
    if _looks_like_teams(text):
        return True
    head = "\n".join(text.splitlines()[:40])
    try:
        return any(_is_zoom_header(record) for record in _records(head))
    except UserError:
        return False
