"""Demo data: the series the product grew from, with the 2 December 2021 meeting exactly as announced.

Registrants and the speakers of the coming meeting are fictitious (generated deterministically from name and
municipality lists, with addresses under the reserved ``.example`` domain). The history: the October 2021
kick-off was fully booked (its waiting list is visible) and collected topic wishes; the 2 December 2021 meeting
treated the first of them and still had free seats, as the announcement says; both are held. The program at work:
a third meeting relative to today (the Thursday about three weeks ahead, registration open, the deadline in five
days, two parallel rounds of which the advanced one is full with a waiting list, tasks, speakers, and two topic
groups from the kick-off planned into its programme). Loading twice adds nothing: the series has a fixed UUID
derived from a namespace, and its presence is checked first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.deadlines import end_of_day, start_of_day
from odn_desktop.domain.timezone import BERLIN, to_berlin, to_utc, utcnow
from odn_desktop.store.models import Event, Registration, Series, Task

from .agenda import add_agenda_item
from .contacts import ContactInput
from .events import create_event
from .mailing import record_message
from .registrations import cancel, get_registration, mark_attendance, register
from .rounds import add_round
from .rows import RegistrationRow
from .speakers import add_speaker_to_event, create_speaker
from .tasks import create_task, set_task_done
from .wishes import add_wish, get_group, get_wish, mark_treated, plan_group, rename_group

DEMO_NAMESPACE = uuid.UUID("6b1f8a52-8f8c-4d59-9a55-0d4f2c1e7a10")
DEMO_SERIES_ID = uuid.uuid5(DEMO_NAMESPACE, "series")
SERIES_TITLE = "Open Data in Kommunen – Netzwerktreffen"
HOSTS = "Deutsches Institut für Urbanistik gGmbH (Difu)\nBertelsmann Stiftung"

ANNOUNCEMENT = (
    "Zusammen mit der Bertelsmann Stiftung veranstaltet das Deutsche Institut für Urbanistik eine lose Reihe "
    "von Netzwerktreffen zum Thema „Open Data in Kommunen“. Denn schon in der Vergangenheit hat sich gezeigt, "
    "dass das Interesse an der Problematik offener Verwaltungsdaten groß ist – insbesondere, da sich viele "
    "Städte und Gemeinden hier noch in einer Orientierungsphase befinden.\n\n"
    "In unserer Auftaktveranstaltung im Oktober wurde der Wunsch geäußert, mehr darüber zu erfahren, wie die "
    "Ämter in einer Kommune dazu „motiviert“ werden können, offene Daten zur Verfügung zu stellen: wie die "
    "Ansprache und der Austausch mit Stellen und Personen in der Verwaltung und der Stadtgesellschaft gestaltet "
    "werden sollte, die Daten vorhalten.\n\n"
    "Zu Beginn der Veranstaltung besteht die Möglichkeit, dass sich die Teilnehmer:innen untereinander "
    "vernetzen. Im Anschluss berichten die Referent:innen jeweils ca. 15 Minuten aus ihren Erfahrungen. "
    "Insgesamt soll die Veranstaltung viel Raum für anschließende Fragen und Diskussionen geben.\n\n"
    "Wir laden ausdrücklich alle Vertreter:innen aus Kommunen ein, die am Thema Open Data interessiert sind."
)  # the access-link sentence is the announcement's own line (exchange.announcement), not the description's

FIRST_NAMES = (
    "Anna", "Jürgen", "Katrin", "Mehmet", "Sophie", "Thomas", "Özlem", "Lukas", "Birgit", "Jan", "Svenja",
    "Matthias", "Ulrike", "Nils", "Franziska", "Dirk", "Lea", "Andreas", "Marta", "Florian", "Heike", "Timo",
    "Kim", "Rüdiger", "Elif", "Stefan", "Julia", "Bernd", "Nadine", "Paul", "Sabine", "Tobias",
)
LAST_NAMES = (
    "Becker", "Groß", "Schäfer", "Yılmaz", "Wagner", "Hoffmann", "Kaya", "Weiß", "Müller", "Krüger", "Özdemir",
    "Schulte", "Lange", "Brandt", "Köhler", "Vogel", "Dietrich", "Albers", "Nowak", "Fuchs", "Peters", "Jäger",
    "Hahn", "Lorenz", "Möller", "Winkler", "Busch", "Ebert", "Kühn", "Sommer", "Arslan", "Zimmermann",
)
MUNICIPALITIES = (
    ("Stadt Kiel", "Schleswig-Holstein", "kiel"), ("Stadt Münster", "Nordrhein-Westfalen", "muenster"),
    ("Landeshauptstadt Potsdam", "Brandenburg", "potsdam"), ("Stadt Ulm", "Baden-Württemberg", "ulm"),
    ("Stadt Jena", "Thüringen", "jena"), ("Freie Hansestadt Bremen", "Bremen", "bremen"),
    ("Stadt Bonn", "Nordrhein-Westfalen", "bonn"), ("Landkreis Görlitz", "Sachsen", "kreis-goerlitz"),
    ("Stadt Regensburg", "Bayern", "regensburg"), ("Stadt Gießen", "Hessen", "giessen"),
    ("Gemeinde Wennigsen", "Niedersachsen", "wennigsen"), ("Stadt Trier", "Rheinland-Pfalz", "trier"),
    ("Hansestadt Rostock", "Mecklenburg-Vorpommern", "rostock"), ("Stadt Saarbrücken", "Saarland", "saarbruecken"),
    ("Stadt Halle (Saale)", "Sachsen-Anhalt", "halle"), ("Kreis Steinfurt", "Nordrhein-Westfalen", "kreis-steinfurt"),
)
ROLES = (
    "Open-Data-Beauftragte:r", "Digitalisierungsbeauftragte:r", "Sachbearbeitung Statistik", "Amtsleitung IT",
    "Stabsstelle Digitalisierung", "Smart-City-Koordination", "Geodatenmanagement", "Presse- und Öffentlichkeitsarbeit",
)
LEVELS = ("Einsteiger:in", "Fortgeschritten", "Erfahren")


@dataclass(frozen=True)
class DemoResult:
    created: bool
    series_id: uuid.UUID


def _person(i: int, newcomer: bool = False) -> ContactInput:
    """The ``i``-th fictitious participant of 2021; ``newcomer``: the ``i``-th of other names, new this year."""
    if newcomer:  # another pairing of first and last names than any 2021 participant has
        first = FIRST_NAMES[(i * 5 + 1) % len(FIRST_NAMES)]
        last = LAST_NAMES[(i * 11 + 7) % len(LAST_NAMES)]
        org, state, domain = MUNICIPALITIES[(i * 3 + 2) % len(MUNICIPALITIES)]
    else:
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        last = LAST_NAMES[(i * 7 + 3) % len(LAST_NAMES)]
        org, state, domain = MUNICIPALITIES[i % len(MUNICIPALITIES)]
    local = f"{first}.{last}".lower()
    for src, dst in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ı", "i")):
        local = local.replace(src, dst)
    salutation = "" if first == "Kim" else ("Frau" if first in _FEMALE else "Herr")
    return ContactInput(
        email=f"{local}@{domain}.example",
        first_name=first,
        last_name=last,
        salutation=salutation,
        academic_title="Dr." if i % 9 == 4 else "",
        organisation=org,
        municipality=org.split(" ", 1)[-1] if org.startswith(("Stadt ", "Gemeinde ")) else org,
        federal_state=state,
        role=ROLES[i % len(ROLES)],
        experience_level=LEVELS[i % len(LEVELS)],
    )


_FEMALE = frozenset({"Anna", "Katrin", "Sophie", "Özlem", "Birgit", "Svenja", "Ulrike", "Franziska", "Lea",
                     "Marta", "Heike", "Elif", "Julia", "Nadine", "Sabine"})


def _berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def load_demo(session: Session, now: datetime | None = None) -> DemoResult:
    """Add the demo series (idempotent: a second call finds it and adds nothing). ``now``: the coming meeting is
    placed relative to it (default: the current time)."""
    if session.get(Series, DEMO_SERIES_ID) is not None:
        return DemoResult(created=False, series_id=DEMO_SERIES_ID)
    series = Series(id=DEMO_SERIES_ID, title=SERIES_TITLE, hosts=HOSTS,
                    description="Lose Reihe von Online-Netzwerktreffen für Kommunen zum Thema offene Verwaltungsdaten.")
    session.add(series)
    session.flush()

    arndt = create_speaker(
        session, first_name="Claus", last_name="Arndt", salutation="Herr", organisation="Stadt Moers",
        role="Beigeordneter der Stadt Moers; initiierte als Leiter der Stabsstelle für Digitalisierung ab 2012 "
             "die Open-Data-Aktivitäten der Stadt",
    )
    manz = create_speaker(
        session, first_name="Sabine", last_name="Manz", salutation="Frau",
        organisation="Landeshauptstadt Düsseldorf",
        role="Open-Data-Koordinatorin im Amt für Statistik und Wahlen",
    )

    # --- the October kick-off: fully booked, waiting list, held -------------------------------------------
    kickoff = create_event(
        session, title="Open-Data-Netzwerktreffen: Auftaktveranstaltung",
        starts_at=_berlin(2021, 10, 14, 10), ends_at=_berlin(2021, 10, 14, 11, 30),
        description="Auftakt der Netzwerkreihe: Kennenlernen, Erwartungen und Themenwünsche für die nächsten Treffen.",
        format="online", venue="Online per Zoom", capacity=25, series_id=series.id, hosts=HOSTS,
        registration_deadline=end_of_day(_berlin(2021, 10, 13).date()),
    )
    add_agenda_item(session, kickoff.id, kind="networking", title="Begrüßung und Vorstellungsrunde",
                    duration_minutes=20)
    add_agenda_item(session, kickoff.id, kind="talk", title="Open Data in Kommunen – wo stehen wir?",
                    duration_minutes=20)
    add_agenda_item(session, kickoff.id, kind="discussion", title="Themenwünsche für die nächsten Treffen",
                    duration_minutes=50)
    kickoff_regs = []
    for i in range(30):
        at = _berlin(2021, 9, 20, 9) + timedelta(hours=11 * i)
        kickoff_regs.append(register(session, kickoff.id, _person(i), registered_at=at, now=at).registration)
    cancel(session, kickoff_regs[3].id, now=_berlin(2021, 10, 12, 15))  # the first waiting person moves up
    for n, reg in enumerate(kickoff_regs):
        if reg.status == "registered" and n % 6 != 5 and n != 3:
            mark_attendance(session, reg.id, True, 90 - (n % 4) * 10)
    kickoff.status = "held"

    # --- the 2 December 2021 meeting, as announced ---------------------------------------------------------
    december = create_event(
        session, title="Open-Data-Netzwerktreffen",
        starts_at=_berlin(2021, 12, 2, 10), ends_at=_berlin(2021, 12, 2, 11, 30),
        description=ANNOUNCEMENT, format="online", venue="Online per Zoom", capacity=40, series_id=series.id,
        hosts=HOSTS, registration_deadline=end_of_day(_berlin(2021, 12, 1).date()),
    )
    add_speaker_to_event(session, december.id, arndt.id, topic="Wie Ämter für offene Daten gewonnen werden")
    add_speaker_to_event(session, december.id, manz.id, topic="Open-Data-Koordination in Düsseldorf")
    add_agenda_item(session, december.id, kind="networking", title="Vernetzung der Teilnehmer:innen",
                    duration_minutes=15)
    add_agenda_item(session, december.id, kind="talk", title="Erfahrungen aus Moers", duration_minutes=15,
                    speaker_id=arndt.id)
    add_agenda_item(session, december.id, kind="talk", title="Erfahrungen aus Düsseldorf", duration_minutes=15,
                    speaker_id=manz.id)
    add_agenda_item(session, december.id, kind="discussion", title="Fragen und Diskussion", duration_minutes=45)
    december_regs = []
    for i in range(31):
        at = _berlin(2021, 11, 8, 8, 30) + timedelta(hours=17 * i + (i % 5))
        december_regs.append(register(session, december.id, _person(i + 5), registered_at=at, now=at).registration)
    for k in (2, 11, 19):
        cancel(session, december_regs[k].id, now=_berlin(2021, 11, 29, 12))
    create_task(session, "Zoom-Raum anlegen und Zugangslink vorbereiten", _berlin(2021, 11, 29, 12), december.id)
    create_task(session, "Folien der Referent:innen einsammeln", _berlin(2021, 11, 30, 17), december.id)
    create_task(session, "Teilnehmendenliste an die Bertelsmann Stiftung senden", _berlin(2021, 12, 1, 16),
                december.id)

    _mails_and_attendance(session, kickoff, kickoff_regs, december, december_regs)

    upcoming = _upcoming_meeting(session, series.id, now or utcnow())
    _kickoff_wishes(session, kickoff, december, upcoming)
    _held(session, december, done_at=_berlin(2021, 12, 1, 17))
    session.flush()
    return DemoResult(created=True, series_id=series.id)


def _mails_and_attendance(session: Session, kickoff: Event, kickoff_regs: list[RegistrationRow], december: Event,
                          december_regs: list[RegistrationRow]) -> None:
    """What the report and the certificates look at: the reminder and access-link mails of both 2021 meetings
    (drafts, as the coordinator made them) and the December meeting's Zoom minutes — most stayed for the
    90 minutes, a few left early (below half: no certificate), one was marked by hand, some did not come."""
    for event, regs, reminder, link in (
        (kickoff, kickoff_regs, _berlin(2021, 10, 7, 9), _berlin(2021, 10, 13, 16)),
        (december, december_regs, _berlin(2021, 11, 25, 9), _berlin(2021, 12, 1, 16)),
    ):
        for reg in regs:
            if get_registration(session, reg.id).status == "registered":
                record_message(session, reg.id, "reminder", "draft", "drafted", at=reminder)
                record_message(session, reg.id, "access_link", "draft", "drafted", at=link)
                # the coordinator confirmed that the drafts went out of Outlook (mailing.mark_drafts_sent)
                record_message(session, reg.id, "access_link", "draft", "sent", "aus Outlook verschickt, bestätigt",
                               at=link)
        event.access_link_sent_at = link
    for n, reg in enumerate(december_regs):
        if get_registration(session, reg.id).status != "registered" or n % 7 == 6:
            continue  # cancelled, waiting, or did not come
        if n == 4:
            mark_attendance(session, reg.id, True)  # dialled in by phone: marked by hand, no minutes
        else:
            mark_attendance(session, reg.id, True, 30 if n % 9 == 8 else 90 - (n % 3) * 5)


def _held(session: Session, event: Event, done_at: datetime) -> None:
    """The meeting is over: held, its preparation tasks done."""
    for task in session.scalars(select(Task).where(Task.event_id == event.id, Task.deleted_at.is_(None))):
        set_task_done(session, task.id, now=min(done_at, task.due_at))
    event.status = "held"


# -- the coming meeting ----------------------------------------------------------------------------------------

UPCOMING_DESCRIPTION = (
    "Beim Auftakt im Oktober 2021 haben die Teilnehmer:innen Themen für die nächsten Treffen genannt. Zwei davon "
    "greift dieses Netzwerktreffen auf: den Einstieg in ein eigenes Open-Data-Portal und die Qualität der "
    "veröffentlichten Daten und ihrer Metadaten.\n\n"
    "Nach einer kurzen Vernetzung und einem Impuls aus der Praxis teilen wir uns in zwei parallele Runden: "
    "eine für Einsteiger:innen und eine für Fortgeschrittene. Bitte wählen Sie bei der Anmeldung Ihre Runde."
)
#: (round, capacity, people) – the advanced round is full and has a waiting list
UPCOMING_ROUNDS = (("Einsteiger:innen", 12, 8), ("Fortgeschrittene", 10, 13))


def upcoming_day(today: date) -> date:
    """The Thursday nearest to three weeks after ``today`` (18 to 24 days ahead); between Christmas Eve and New
    Year's Day nobody meets, so then the first Thursday after."""
    base = today + timedelta(days=21)
    offset = (3 - base.weekday()) % 7
    day = base + timedelta(days=offset - 7 if offset > 3 else offset)
    while (day.month, day.day) >= (12, 24) or (day.month, day.day) == (1, 1):
        day += timedelta(days=7)
    return day


def _upcoming_meeting(session: Session, series_id: uuid.UUID, now: datetime) -> Event:
    today = to_berlin(now).date()
    day = upcoming_day(today)
    starts_at = to_utc(datetime.combine(day, time(10, 0), tzinfo=BERLIN))
    opened = start_of_day(today - timedelta(days=14))
    event = create_event(
        session, title="Open-Data-Netzwerktreffen: Portal und Datenqualität",
        starts_at=starts_at, ends_at=to_utc(datetime.combine(day, time(11, 30), tzinfo=BERLIN)),
        description=UPCOMING_DESCRIPTION, format="online", venue="Online per Zoom", capacity=30, series_id=series_id,
        hosts=HOSTS, registration_opens_at=opened, registration_deadline=end_of_day(today + timedelta(days=5)),
    )
    wiese = create_speaker(
        session, first_name="Miriam", last_name="Wiese", salutation="Frau", academic_title="Dr.",
        organisation="Kreis Steinfurt", email="miriam.wiese@kreis-steinfurt.example",
        role="Leiterin der Stabsstelle Digitalisierung; baute das offene Datenportal des Kreises auf",
    )
    petersen = create_speaker(
        session, first_name="Jonas", last_name="Petersen", salutation="Herr", organisation="Hansestadt Rostock",
        email="jonas.petersen@rostock.example", role="Datenmanagement und Metadaten im Kommunalen Open-Data-Team",
    )
    add_speaker_to_event(session, event.id, wiese.id, topic="Ein Open-Data-Portal in der Fläche")
    add_speaker_to_event(session, event.id, petersen.id, topic="Metadaten, die man findet")
    add_agenda_item(session, event.id, kind="networking", title="Ankommen und Vernetzung", duration_minutes=15)
    add_agenda_item(session, event.id, kind="talk", title="Impuls: Ein Open-Data-Portal in der Fläche",
                    duration_minutes=15, speaker_id=wiese.id)
    rounds = {title: add_round(session, event.id, title=title, capacity=capacity).id
              for title, capacity, _people in UPCOMING_ROUNDS}
    span = now - opened - timedelta(hours=1)
    # the rounds' registrations interleaved in time; the advanced round's last three find it full
    people = sorted(((n, title) for title, _capacity, count in UPCOMING_ROUNDS for n in range(count)))
    for k, (_n, title) in enumerate(people):
        at = opened + span * (k + 1) / (len(people) + 1)
        person = _person(k, newcomer=True)  # new faces: the 2021 participants stay as they were
        result = register(session, event.id, person, round_id=rounds[title], registered_at=at, now=at)
        registration = session.get(Registration, result.registration.id)
        if registration is not None:
            registration.level = title
    published = create_task(session, "Ankündigung auf der Website veröffentlichen", opened + timedelta(hours=10),
                            event.id)
    set_task_done(session, published.id, now=opened + timedelta(hours=9))
    create_task(session, "Warteliste „Fortgeschrittene“ prüfen, ggf. zweiten Raum öffnen",
                to_utc(datetime.combine(today + timedelta(days=6), time(10, 0), tzinfo=BERLIN)), event.id)
    create_task(session, "Zoom-Raum mit Breakout-Räumen für beide Runden anlegen",
                to_utc(datetime.combine(day - timedelta(days=7), time(12, 0), tzinfo=BERLIN)), event.id)
    create_task(session, "Folien der Referent:innen einsammeln",
                to_utc(datetime.combine(day - timedelta(days=2), time(17, 0), tzinfo=BERLIN)), event.id)
    return event


# -- topic wishes from the kick-off ------------------------------------------------------------------------------

#: (group title, wishes as typed into the kick-off's survey) – the first group became the December meeting, the
#: next two are planned into the coming one, the rest wait
KICKOFF_WISHES = (
    ("Ämter motivieren, offene Daten bereitzustellen", (
        "Wie die Ämter in einer Kommune dazu motiviert werden können, offene Daten zur Verfügung zu stellen",
        "Wie motiviert man die Fachämter, ihre Daten als Open Data bereitzustellen?",
        "Ämter motivieren, Daten zur Verfügung zu stellen – Ansprache in der Verwaltung",
    )),
    ("Einstieg: ein eigenes Open-Data-Portal", (
        "Erste Schritte zu einem eigenen Open-Data-Portal",
        "Open-Data-Portal aufbauen: womit anfangen?",
        "Wie fangen kleine Kommunen mit einem Open-Data-Portal an?",
    )),
    ("Datenqualität und Metadaten", (
        "Datenqualität und Metadaten verbessern",
        "Metadaten und Datenqualitaet sicherstellen",
        "Wie sichern wir die Qualität der Metadaten?",
    )),
    ("Lizenzen und rechtliche Fragen", (
        "Welche Lizenz für offene Daten – dl-de/by oder CC BY?",
        "Rechtliche Fragen: Lizenzen für offene Verwaltungsdaten",
    )),
    ("Open Data und Smart City", (
        "Open Data und Smart City zusammendenken",
    )),
)


def _kickoff_wishes(session: Session, kickoff: Event, december: Event, upcoming: Event) -> None:
    """The kick-off's survey answers as topic wishes, grouped; the groups planned or treated as told above."""
    n = 0
    for index, (title, texts) in enumerate(KICKOFF_WISHES):
        group_id = None
        for text in texts:
            added = add_wish(session, kickoff.id, text=text, email=_person(n).email, source="survey")
            n += 2  # every other participant answered the survey
            group_id = get_wish(session, added.wish_id).group_id
        assert group_id is not None
        rename_group(session, group_id, title)
        if index == 0:  # treated at the December meeting, whose whole programme was this topic
            mark_treated(session, group_id)
            get_group(session, group_id).planned_event_id = december.id
        elif index in (1, 2):
            plan_group(session, group_id, upcoming.id, kind="discussion", duration_minutes=25 if index == 1 else 20)
    add_agenda_item(session, upcoming.id, kind="discussion", title="Abschluss im Plenum: Themen für das nächste "
                    "Treffen", duration_minutes=15)
