"""Demo data: the series the product grew from, with the 2 December 2021 meeting exactly as announced.

Registrants are fictitious (generated deterministically from name and municipality lists, with addresses
under the reserved ``.example`` domain). The October kick-off was fully booked, so its waiting list is
visible; the December meeting still has free seats, as the announcement says. Loading twice adds nothing:
every demo row has a fixed UUID derived from a namespace, and the series' presence is checked first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from odn_desktop.domain.deadlines import end_of_day
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.store.models import Series

from .agenda import add_agenda_item
from .contacts import ContactInput
from .events import create_event
from .registrations import cancel, mark_attendance, register
from .speakers import add_speaker_to_event, create_speaker
from .tasks import create_task

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
    "Wir laden ausdrücklich alle Vertreter:innen aus Kommunen ein, die am Thema Open Data interessiert sind. "
    "Der Zugangslink wird kurz vor der Veranstaltung versendet."
)

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


def _person(i: int) -> ContactInput:
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


def load_demo(session: Session) -> DemoResult:
    """Add the demo series (idempotent: a second call finds it and adds nothing)."""
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
    session.flush()
    return DemoResult(created=True, series_id=series.id)
