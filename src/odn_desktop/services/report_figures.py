"""The hosts' figures: how a meeting went and what the series reaches. One authority for every number shown on
the Auswertung page, printed in the report (PDF and Excel) and printed by ``odn-desktop stats``.

Definitions (written once here; ``DEFINITIONS`` carries the same words into the report's notes and the page):

- **angemeldet** (registered): registrations holding a seat (status ``registered``), not deleted;
- **Warteliste** (waiting) and **storniert** (cancelled): registrations with that status;
- **verspätet** (late): registrations not cancelled that were admitted after the registration deadline (the
  ``late`` mark set by the one registration-window rule);
- **teilgenommen** (attended): every registration the attendance import matched or the coordinator marked by hand,
  whatever the minutes and whatever the status (a cancelled person who came anyway counts); only certificates
  ask for a minimum share of the meeting;
- **Teilnahmequote** (attendance rate): attended ÷ registered (0 without registrations; it can exceed 1 when
  people from the waiting list came);
- **nicht erschienen** (no-shows): registered − attended, never below 0;
- **Minuten im Schnitt** (average minutes): mean of the imported minutes of those who attended and have minutes;
- **Organisationen / Kommunen**: distinct non-empty names among the registered (case and spaces ignored);
- **Bundesländer**: registered people per federal state of their contact ("ohne Angabe" when empty);
- **erstmals / wiederkehrend** (first-time / returning), per meeting: a registration (not cancelled) is returning
  when the same person had a registration (not cancelled) for an earlier meeting of the same series; per series,
  ``returning_participants`` counts the persons with at least one such returning registration;
- **Anmeldungen je Tag**: registrations received per calendar day (Berlin), whatever became of them later,
  cumulated, counted back from the registration deadline's day (day 0);
- **Erinnerung / Zugangslink**: the first day a reminder or the access link went out (mail sent or draft made)
  to any registrant of the meeting, as recorded in the mail history.

Everything is computed with grouped SQL over the whole series at once, so a series of 300 meetings with 100,000
registrations costs a handful of queries, not one per meeting.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

#: German label for an empty federal state.
NO_STATE = "ohne Angabe"

#: (term, definition) in the report's words, shown in the report's notes and as the page's explanations.
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("Angemeldet", "Anmeldungen mit Platz (Status „angemeldet“), ohne gelöschte."),
    ("Warteliste", "Anmeldungen auf der Warteliste."),
    ("Storniert", "abgesagte Anmeldungen."),
    ("Verspätet", "nicht stornierte Anmeldungen, die nach dem Anmeldeschluss zugelassen wurden."),
    ("Teilgenommen", "alle, die der Import des Teilnahmeberichts (Zoom/Teams) zugeordnet hat oder die von Hand als "
                     "anwesend markiert wurden – unabhängig von den Minuten und vom Status. Nur die "
                     "Teilnahmebescheinigung verlangt einen Mindestanteil der Dauer."),
    ("Teilnahmequote", "Teilgenommen ÷ Angemeldet (über 100 %, wenn Personen von der Warteliste kamen)."),
    ("Nicht erschienen", "Angemeldet − Teilgenommen, mindestens 0."),
    ("Minuten im Schnitt", "Mittel der importierten Minuten derer, die teilgenommen haben und Minuten haben."),
    ("Organisationen, Kommunen", "verschiedene Namen unter den Angemeldeten (Groß-/Kleinschreibung und "
                                 "Leerzeichen zählen nicht)."),
    ("Bundesländer", "Angemeldete je Bundesland der Kontaktdaten („ohne Angabe“, wenn leer)."),
    ("Erstmals / wiederkehrend", "eine nicht stornierte Anmeldung ist wiederkehrend, wenn dieselbe Person für ein "
                                 "früheres Treffen derselben Reihe angemeldet war (nicht storniert)."),
    ("Anmeldungen je Tag", "eingegangene Anmeldungen je Kalendertag (auch später stornierte), aufsummiert, "
                           "gezählt ab dem Tag des Anmeldeschlusses (Tag 0)."),
    ("Erinnerung, Zugangslink", "der erste Tag, an dem eine Erinnerung bzw. der Zugangslink an Angemeldete ging "
                                "(gesendet oder als Entwurf erstellt)."),
)


@dataclass(frozen=True)
class Counts:
    """The per-meeting (or per-round) counts; the derived figures are properties so they cannot disagree."""

    registered: int = 0
    waiting: int = 0
    cancelled: int = 0
    late: int = 0
    attended: int = 0
    #: sum and number of imported minutes among those who attended (for the average)
    minutes_total: int = 0
    minutes_known: int = 0

    @property
    def no_show(self) -> int:
        return max(self.registered - self.attended, 0)

    @property
    def attendance_rate(self) -> float:
        return self.attended / self.registered if self.registered else 0.0

    @property
    def average_minutes(self) -> float | None:
        return self.minutes_total / self.minutes_known if self.minutes_known else None

    def as_json(self) -> dict[str, Any]:
        average = self.average_minutes
        return {
            "registered": self.registered,
            "waiting": self.waiting,
            "cancelled": self.cancelled,
            "late": self.late,
            "attended": self.attended,
            "no_show": self.no_show,
            "attendance_rate": round(self.attendance_rate, 4),
            "average_minutes": None if average is None else round(average, 1),
        }


@dataclass(frozen=True)
class RoundFigures:
    title: str
    capacity: int | None
    counts: Counts

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "capacity": self.capacity, **self.counts.as_json()}


@dataclass(frozen=True)
class DayCount:
    """Registrations received on one Berlin calendar day of a meeting."""

    day: date
    #: days before the deadline's day (0 = that day, 3 = three days before, -1 = the day after); None: no deadline
    days_before_deadline: int | None
    new: int
    cumulative: int


@dataclass(frozen=True)
class MailMark:
    """The first day a kind of mail went to the meeting's registrants (marked on the registrations chart)."""

    kind: str  # "reminder" | "access_link"
    label: str  # "Erinnerung" | "Zugangslink"
    day: date
    days_before_deadline: int | None


@dataclass(frozen=True)
class RegistrationCurve:
    """How one meeting's registrations came in, day by day, with the deadline and the mails marked."""

    event_id: uuid.UUID
    title: str
    starts_at: datetime
    deadline_day: date | None
    days: tuple[DayCount, ...]
    marks: tuple[MailMark, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "event": str(self.event_id),
            "deadline": None if self.deadline_day is None else self.deadline_day.isoformat(),
            "days": [{"day": d.day.isoformat(), "days_before_deadline": d.days_before_deadline, "new": d.new,
                      "cumulative": d.cumulative} for d in self.days],
            "marks": [{"kind": m.kind, "day": m.day.isoformat(), "days_before_deadline": m.days_before_deadline}
                      for m in self.marks],
        }


@dataclass(frozen=True)
class EventFigures:
    """Everything the report says about one meeting."""

    event_id: uuid.UUID
    title: str
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC
    status: str
    deadline: datetime | None  # UTC
    counts: Counts
    organisations: int
    municipalities: int
    #: registered people per federal state, most first, then by name; ``NO_STATE`` for an empty state
    federal_states: tuple[tuple[str, int], ...]
    first_time: int
    returning: int
    rounds: tuple[RoundFigures, ...] = ()

    @property
    def duration_minutes(self) -> int:
        return max(int((self.ends_at - self.starts_at).total_seconds() // 60), 0)

    def as_json(self) -> dict[str, Any]:
        """The object of ``odn-desktop stats --event E --json`` (and one element of a series' ``events``)."""
        return {
            "event": str(self.event_id),
            "title": self.title,
            "starts_at": self.starts_at.isoformat(),
            "status": self.status,
            **self.counts.as_json(),
            "organisations": self.organisations,
            "municipalities": self.municipalities,
            "federal_states": dict(self.federal_states),
            "first_time": self.first_time,
            "returning": self.returning,
            "rounds": [r.as_json() for r in self.rounds],
        }


@dataclass(frozen=True)
class SeriesFigures:
    """Everything the report says about a series: its meetings in date order and what they reach together."""

    series_id: uuid.UUID
    title: str
    hosts: tuple[str, ...]
    events: tuple[EventFigures, ...]
    distinct_organisations: int
    distinct_municipalities: int
    #: persons with at least one registration (not cancelled) in the series
    distinct_participants: int
    #: persons registered (not cancelled) for a meeting of the series after an earlier one
    returning_participants: int
    #: distinct registered persons per federal state over the whole series, most first
    federal_states: tuple[tuple[str, int], ...]
    #: the registration curves of the meetings the charts overlay (the latest ``CURVE_MEETINGS``)
    curves: tuple[RegistrationCurve, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        """The object of ``odn-desktop stats --series NAME --json``."""
        return {
            "series": str(self.series_id),
            "title": self.title,
            "hosts": list(self.hosts),
            "events": [e.as_json() for e in self.events],
            "distinct_organisations": self.distinct_organisations,
            "distinct_municipalities": self.distinct_municipalities,
            "distinct_participants": self.distinct_participants,
            "returning_participants": self.returning_participants,
            "federal_states": dict(self.federal_states),
        }
