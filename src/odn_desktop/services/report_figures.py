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
- **nicht erschienen** (no-shows): registered people (holding a seat) who did not attend — the same as
  registered − attended whenever everyone who came held a seat; counted directly so that a person from the
  waiting list who came anyway does not hide a registered person who stayed away. Only for a meeting with
  **Teilnahmedaten** (``attendance_recorded``: held, or someone marked as attended); before that it is 0 and the
  page, PDF and workbook leave rate and no-shows empty;
- **Summe der Reihe** (``SeriesFigures.totals``): the meetings' counts added up; its attendance rate and no-shows
  only over the meetings with Teilnahmedaten;
- **Minuten im Schnitt** (average minutes): mean of the imported minutes of those who attended and have minutes;
- **Organisationen / Kommunen**: distinct non-empty names among the registered (SQL ``lower(trim(...))``: case
  of A–Z and leading/trailing spaces ignored);
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
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN, utcnow
from odn_desktop.store.models import Contact, Event, Registration, Round, Series

# isort: split
# after store.models: mail_models and models import each other (models completes the cycle at its end)
from odn_desktop.store.mail_models import RegistrationMessage

from .events import get_event

#: German label for an empty federal state.
NO_STATE = "ohne Angabe"
#: the title of the round-less registrations of a meeting with rounds
NO_ROUND = "ohne Runde"
#: how many meetings the registrations-over-time chart overlays (the latest ones)
CURVE_MEETINGS = 6
#: mail templates marked on the registrations chart, with their German labels
MARKED_MAILS = {"reminder": "Erinnerung", "access_link": "Zugangslink"}

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
    ("Nicht erschienen", "Angemeldete (mit Platz), die nicht teilgenommen haben – gleich Angemeldet − "
                         "Teilgenommen, wenn alle Teilnehmenden einen Platz hatten. Nur für Treffen mit "
                         "Teilnahmedaten (stattgefunden oder jemand als anwesend erfasst); sonst leer."),
    ("Summe der Reihe", "die Zahlen aller Treffen addiert; Teilnahmequote und „nicht erschienen“ nur über die "
                        "Treffen mit Teilnahmedaten."),
    ("Minuten im Schnitt", "Mittel der importierten Minuten derer, die teilgenommen haben und Minuten haben."),
    ("Organisationen, Kommunen", "verschiedene Namen unter den Angemeldeten (Groß-/Kleinschreibung und "
                                 "Leerzeichen am Anfang und Ende zählen nicht)."),
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
    #: registered (holding a seat) and not attended
    no_show: int = 0
    #: sum and number of imported minutes among those who attended (for the average)
    minutes_total: int = 0
    minutes_known: int = 0

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

    @property
    def attendance_recorded(self) -> bool:
        """Whether the meeting has Teilnahmedaten (held, or someone marked as attended): only then do its
        attendance rate and no-shows mean something."""
        return recorded(self.status, self.counts)

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
            "attendance_recorded": self.attendance_recorded,
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

    @property
    def totals(self) -> Counts:
        """The meetings' counts added up; attendance (and so rate and no-shows) only from meetings with
        Teilnahmedaten, so an upcoming meeting does not count as 30 no-shows."""
        return _add(e.counts for e in self.events)

    @property
    def attendance_rate(self) -> float:
        """Attended ÷ registered over the meetings with Teilnahmedaten (0 without any)."""
        rated = [e.counts for e in self.events if e.attendance_recorded]
        registered = sum(c.registered for c in rated)
        return sum(c.attended for c in rated) / registered if registered else 0.0

    @property
    def meetings_with_attendance(self) -> int:
        return sum(1 for e in self.events if e.attendance_recorded)

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
            "totals": {**self.totals.as_json(), "attendance_rate": round(self.attendance_rate, 4),
                       "meetings_with_attendance": self.meetings_with_attendance},
        }


def recorded(status: str, counts: Counts) -> bool:
    """The one rule for "this meeting has Teilnahmedaten": held, or anyone marked as attended."""
    return status == "held" or counts.attended > 0


# -- finding the series --------------------------------------------------------------------------------------


def resolve_series(session: Session, name: str) -> Series:
    """``--series NAME``: the series' id, its exact title (any case), else the one series whose title contains
    NAME; a German error naming the candidates otherwise."""
    wanted = name.strip()
    if not wanted:
        raise UserError("Bitte den Namen der Veranstaltungsreihe angeben.")
    live = list(session.scalars(select(Series).where(Series.deleted_at.is_(None)).order_by(Series.title)))
    try:
        series_id = uuid.UUID(wanted)
    except ValueError:
        pass
    else:
        for series in live:
            if series.id == series_id:
                return series
    folded = wanted.casefold()
    exact = [s for s in live if s.title.casefold() == folded]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [s for s in live if folded in s.title.casefold()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        known = "; ".join(s.title for s in live) or "keine"
        raise UserError(f"Keine Veranstaltungsreihe heißt „{wanted}“. Vorhanden: {known}.")
    listing = "; ".join(f"{s.title} ({s.id})" for s in partial)
    raise UserError(f"„{wanted}“ passt auf {len(partial)} Veranstaltungsreihen; bitte genauer angeben: {listing}")


# -- the queries -----------------------------------------------------------------------------------------------


def _live_events(session: Session, series_id: uuid.UUID) -> list[Event]:
    return list(session.scalars(
        select(Event).where(Event.series_id == series_id, Event.deleted_at.is_(None))
        .order_by(Event.starts_at, Event.title)
    ))


def _counts_by_pool(session: Session, event_ids: Sequence[uuid.UUID]
                    ) -> dict[tuple[uuid.UUID, uuid.UUID | None], Counts]:
    """One grouped query: the counts of every (event, round) pair of the given meetings."""
    r = Registration
    attended_minutes = case((and_(r.attended.is_(True), r.attended_minutes.is_not(None)), r.attended_minutes))
    rows = session.execute(
        select(r.event_id, r.round_id, r.status,
               func.count(),
               func.sum(case((and_(r.late.is_(True), r.status != "cancelled"), 1), else_=0)),
               func.sum(case((r.attended.is_(True), 1), else_=0)),
               func.sum(attended_minutes), func.count(attended_minutes),
               func.sum(case((and_(r.status == "registered", r.attended.is_(False)), 1), else_=0)))
        .where(r.deleted_at.is_(None), r.event_id.in_(event_ids))
        .group_by(r.event_id, r.round_id, r.status)
    ).all()
    tallies: dict[tuple[uuid.UUID, uuid.UUID | None], Counter[str]] = defaultdict(Counter)
    for event_id, round_id, status, number, late, attended, minutes, known, absent in rows:
        tally = tallies[(event_id, round_id)]
        tally["no_show"] += absent or 0
        tally[status] += number
        tally["late"] += late or 0
        tally["attended"] += attended or 0
        tally["minutes_total"] += minutes or 0
        tally["minutes_known"] += known or 0
    return {key: _counts(t) for key, t in tallies.items()}


def _counts(tally: Counter[str]) -> Counts:
    return Counts(registered=tally["registered"], waiting=tally["waiting"], cancelled=tally["cancelled"],
                  late=tally["late"], attended=tally["attended"], no_show=tally["no_show"],
                  minutes_total=tally["minutes_total"],
                  minutes_known=tally["minutes_known"])


def _add(counts: Iterable[Counts]) -> Counts:
    total: Counter[str] = Counter()
    for c in counts:
        total.update({"registered": c.registered, "waiting": c.waiting, "cancelled": c.cancelled, "late": c.late,
                      "attended": c.attended, "no_show": c.no_show, "minutes_total": c.minutes_total,
                      "minutes_known": c.minutes_known})
    return _counts(total)


def _normalised(column: Any) -> ColumnElement[str]:
    return func.lower(func.trim(column))


def _registered_in(event_ids: Sequence[uuid.UUID]) -> ColumnElement[bool]:
    return and_(Registration.deleted_at.is_(None), Registration.status == "registered",
                Registration.event_id.in_(event_ids))


def _reach_per_event(session: Session, event_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[int, int]]:
    """Distinct organisations and municipalities among each meeting's registered, in one grouped query."""
    organisation, municipality = _normalised(Contact.organisation), _normalised(Contact.municipality)
    rows = session.execute(
        select(Registration.event_id,
               func.count(func.distinct(case((organisation != "", organisation)))),
               func.count(func.distinct(case((municipality != "", municipality)))))
        .join(Contact, Contact.id == Registration.contact_id)
        .where(_registered_in(event_ids))
        .group_by(Registration.event_id)
    ).all()
    return {event_id: (organisations, municipalities) for event_id, organisations, municipalities in rows}


def _reach_overall(session: Session, event_ids: Sequence[uuid.UUID]) -> tuple[int, int]:
    """Distinct organisations and municipalities among the registered of all the given meetings together."""
    if not event_ids:
        return 0, 0
    organisation, municipality = _normalised(Contact.organisation), _normalised(Contact.municipality)
    organisations, municipalities = session.execute(
        select(func.count(func.distinct(case((organisation != "", organisation)))),
               func.count(func.distinct(case((municipality != "", municipality)))))
        .select_from(Registration)
        .join(Contact, Contact.id == Registration.contact_id)
        .where(_registered_in(event_ids))
    ).one()
    return int(organisations or 0), int(municipalities or 0)


def _ranked(pairs: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    merged: Counter[str] = Counter()
    for state, number in pairs:
        merged[(state or "").strip() or NO_STATE] += number
    return tuple(sorted(merged.items(), key=lambda item: (-item[1], item[0] == NO_STATE, item[0])))


def _states_per_event(session: Session, event_ids: Sequence[uuid.UUID]
                      ) -> dict[uuid.UUID, tuple[tuple[str, int], ...]]:
    rows = session.execute(
        select(Registration.event_id, Contact.federal_state, func.count())
        .join(Contact, Contact.id == Registration.contact_id)
        .where(_registered_in(event_ids))
        .group_by(Registration.event_id, Contact.federal_state)
    ).all()
    grouped: dict[uuid.UUID, list[tuple[str, int]]] = defaultdict(list)
    for event_id, state, number in rows:
        grouped[event_id].append((state, number))
    return {event_id: _ranked(pairs) for event_id, pairs in grouped.items()}


def _states_overall(session: Session, event_ids: Sequence[uuid.UUID]) -> tuple[tuple[str, int], ...]:
    rows = session.execute(
        select(Contact.federal_state, func.count(func.distinct(Registration.contact_id)))
        .join(Contact, Contact.id == Registration.contact_id)
        .where(_registered_in(event_ids))
        .group_by(Contact.federal_state)
    ).all()
    return _ranked((state, number) for state, number in rows)


@dataclass(frozen=True)
class _Returning:
    #: event id -> (first-time, returning) among its registrations that are not cancelled
    per_event: dict[uuid.UUID, tuple[int, int]]
    participants: int
    returning_participants: int


def _returning(session: Session, series_id: uuid.UUID | None, event_ids: Sequence[uuid.UUID]) -> _Returning:
    """First-time and returning registrations in one pass: each active registration of the series is ranked
    among the same person's by the meeting's start (``rank``: meetings at the same time do not count as earlier),
    and rank > 1 means an earlier meeting. The ranking covers the whole series, also meetings not asked about."""
    r, e = Registration, Event
    scope = e.series_id == series_id if series_id is not None else e.id.in_(event_ids)
    ranked = (
        select(r.event_id.label("event_id"), r.contact_id.label("contact_id"),
               func.rank().over(partition_by=r.contact_id, order_by=e.starts_at).label("place"))
        .join(e, e.id == r.event_id)
        .where(r.deleted_at.is_(None), r.status != "cancelled", e.deleted_at.is_(None), scope)
        .cte("ranked")
        .prefix_with("MATERIALIZED", dialect="sqlite")
    )
    again = case((ranked.c.place > 1, 1), else_=0)
    per_meeting = (select(ranked.c.event_id, func.count(), func.sum(again), literal(None), literal(None))
                   .where(ranked.c.event_id.in_(event_ids)).group_by(ranked.c.event_id))
    reach = select(literal(None), literal(None), literal(None), func.count(func.distinct(ranked.c.contact_id)),
                   func.count(func.distinct(case((ranked.c.place > 1, ranked.c.contact_id)))))
    per_event: dict[uuid.UUID, tuple[int, int]] = {}
    people = returning_people = 0
    # one statement, so the ranking is computed once
    for event_id, total, returning, persons, returners in session.execute(union_all(per_meeting, reach)):
        if persons is not None:
            people, returning_people = persons, returners
        elif event_id is not None:
            per_event[uuid.UUID(str(event_id))] = (total - (returning or 0), returning or 0)
    return _Returning(per_event, int(people or 0), int(returning_people or 0))


def _rounds(session: Session, event_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Round]]:
    grouped: dict[uuid.UUID, list[Round]] = defaultdict(list)
    for rnd in session.scalars(select(Round).where(Round.event_id.in_(event_ids), Round.deleted_at.is_(None))
                               .order_by(Round.position, Round.title)):
        grouped[rnd.event_id].append(rnd)
    return grouped


def _figures(session: Session, events: Sequence[Event], series_id: uuid.UUID | None,
             people: _Returning | None = None) -> list[EventFigures]:
    """The figures of the given meetings with a constant number of grouped queries (``people``: the series'
    first-time/returning ranking when the caller has it already)."""
    ids = [e.id for e in events]
    if not ids:
        return []
    pools = _counts_by_pool(session, ids)
    reach = _reach_per_event(session, ids)
    states = _states_per_event(session, ids)
    returning = (people or _returning(session, series_id, ids)).per_event
    rounds = _rounds(session, ids)
    result = []
    for event in events:
        event_pools = {round_id: c for (event_id, round_id), c in pools.items() if event_id == event.id}
        round_figures = [RoundFigures(rnd.title, rnd.capacity, event_pools.get(rnd.id, Counts()))
                         for rnd in rounds.get(event.id, [])]
        known_rounds = {rnd.id for rnd in rounds.get(event.id, [])}
        roundless = _add(c for round_id, c in event_pools.items() if round_id not in known_rounds)
        if round_figures and roundless != Counts():
            round_figures.append(RoundFigures(NO_ROUND, None, roundless))
        first_time, again = returning.get(event.id, (0, 0))
        total = _add(event_pools.values())
        if not recorded(event.status, total):  # no Teilnahmedaten yet: nobody is a no-show
            total = replace(total, no_show=0)
            round_figures = [replace(r, counts=replace(r.counts, no_show=0)) for r in round_figures]
        result.append(EventFigures(
            event_id=event.id, title=event.title, starts_at=event.starts_at, ends_at=event.ends_at,
            status=event.status, deadline=event.registration_deadline, counts=total,
            organisations=reach.get(event.id, (0, 0))[0], municipalities=reach.get(event.id, (0, 0))[1],
            federal_states=states.get(event.id, ()), first_time=first_time, returning=again,
            rounds=tuple(round_figures),
        ))
    return result


# -- registrations over time -------------------------------------------------------------------------------------


def _berlin_day(moment: datetime) -> date:
    return moment.astimezone(BERLIN).date()


def _before(deadline_day: date | None, day: date) -> int | None:
    return None if deadline_day is None else (deadline_day - day).days


def registration_curve(session: Session, event_id: uuid.UUID, *, now: datetime | None = None) -> RegistrationCurve:
    """How the meeting's registrations came in per Berlin day (cancelled ones included: they came in too), from
    the first registration's day to the last one's, continued flat to the deadline's day when that is past."""
    event = get_event(session, event_id)
    deadline_day = None if event.registration_deadline is None else _berlin_day(event.registration_deadline)
    per_day = Counter(_berlin_day(at) for at in session.scalars(
        select(Registration.registered_at).where(Registration.event_id == event_id,
                                                 Registration.deleted_at.is_(None))))
    days: list[DayCount] = []
    if per_day:
        first, last = min(per_day), max(per_day)
        today = _berlin_day(now or utcnow())
        if deadline_day is not None and last < deadline_day <= today:
            last = deadline_day
        total = 0
        day = first
        while day <= last:
            total += per_day.get(day, 0)
            days.append(DayCount(day, _before(deadline_day, day), per_day.get(day, 0), total))
            day += timedelta(days=1)
    return RegistrationCurve(event.id, event.title, event.starts_at, deadline_day, tuple(days),
                             _mail_marks(session, event, deadline_day))


def _mail_marks(session: Session, event: Event, deadline_day: date | None) -> tuple[MailMark, ...]:
    rows = session.execute(
        select(RegistrationMessage.template, func.min(RegistrationMessage.at))
        .join(Registration, Registration.id == RegistrationMessage.registration_id)
        .where(Registration.event_id == event.id, RegistrationMessage.deleted_at.is_(None),
               RegistrationMessage.template.in_(tuple(MARKED_MAILS)),
               RegistrationMessage.result.in_(("sent", "drafted")))
        .group_by(RegistrationMessage.template)
    ).all()
    first = {template: at for template, at in rows if at is not None}
    if "access_link" not in first and event.access_link_sent_at is not None:
        first["access_link"] = event.access_link_sent_at
    marks = []
    for kind, label in MARKED_MAILS.items():
        if kind in first:
            day = _berlin_day(first[kind])
            marks.append(MailMark(kind, label, day, _before(deadline_day, day)))
    return tuple(marks)


# -- the public entry points ---------------------------------------------------------------------------------------


def event_figures(session: Session, event_id: uuid.UUID) -> EventFigures:
    """One meeting's figures (returning participants judged against the earlier meetings of its series)."""
    event = get_event(session, event_id)
    return _figures(session, [event], event.series_id)[0]


def _hosts(series: Series, events: Sequence[Event]) -> tuple[str, ...]:
    for text in (series.hosts, *(e.hosts for e in reversed(events))):
        lines = tuple(line.strip() for line in (text or "").splitlines() if line.strip())
        if lines:
            return lines
    return ()


def series_figures(session: Session, series_id: uuid.UUID, *, curve_meetings: int = CURVE_MEETINGS,
                   up_to: uuid.UUID | None = None, now: datetime | None = None) -> SeriesFigures:
    """A series' figures: every meeting in date order, what they reach together, and the registration curves of
    the latest ``curve_meetings`` meetings with registrations (up to and including meeting ``up_to``)."""
    series = session.get(Series, series_id)
    if series is None or series.is_deleted:
        raise UserError("Diese Veranstaltungsreihe gibt es nicht (mehr).")
    events = _live_events(session, series_id)
    ids = [e.id for e in events]
    people = _returning(session, series_id, ids) if ids else _Returning({}, 0, 0)
    figures = _figures(session, events, series_id, people)
    organisations, municipalities = _reach_overall(session, ids)
    shown = [f for f in figures if f.counts.registered + f.counts.waiting + f.counts.cancelled > 0]
    if up_to is not None and any(f.event_id == up_to for f in shown):
        shown = shown[: next(i for i, f in enumerate(shown) if f.event_id == up_to) + 1]
    curves = tuple(registration_curve(session, f.event_id, now=now) for f in shown[-curve_meetings:]) \
        if curve_meetings > 0 else ()
    return SeriesFigures(
        series_id=series.id, title=series.title, hosts=_hosts(series, events), events=tuple(figures),
        distinct_organisations=organisations, distinct_municipalities=municipalities,
        distinct_participants=people.participants, returning_participants=people.returning_participants,
        federal_states=_states_overall(session, ids) if ids else (), curves=curves,
    )
