"""Plain export records for the exchange tests: the 2 December 2021 meeting and made-up registrants."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.export_records import AgendaEntry, EventInfo, Participant, SpeakerEntry

HOSTILE = '=HYPERLINK("http://x","y")'
LINK = "https://zoom.example/j/4242?pwd=geheim"


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def december_event(**changes: object) -> EventInfo:
    values: dict[str, object] = dict(
        id=uuid.UUID("00000000-0000-0000-0000-000000000001"),
        title="Open-Data-Netzwerktreffen",
        starts_at=berlin(2021, 12, 2, 10),
        ends_at=berlin(2021, 12, 2, 11, 30),
        ics_uid="2b1f0a4e-5d0c-4a43-9d51-1f1c0b0e7a11@odn-desktop",
        ics_sequence=0,
        series="Open Data in Kommunen – Netzwerktreffen",
        description="Wie können Ämter motiviert werden, offene Daten zur Verfügung zu stellen?",
        format="online",
        format_label="Online",
        venue="Online per Zoom",
        online_url=LINK,
        hosts=("Deutsches Institut für Urbanistik gGmbH (Difu)", "Bertelsmann Stiftung"),
        status="open",
        capacity=40,
        agenda=(
            AgendaEntry(berlin(2021, 12, 2, 10), berlin(2021, 12, 2, 10, 15), "Vernetzung der Teilnehmer:innen",
                        "Vernetzung"),
            AgendaEntry(berlin(2021, 12, 2, 10, 15), berlin(2021, 12, 2, 10, 30), "Erfahrungen aus Moers",
                        "Vortrag", "Claus Arndt"),
            AgendaEntry(berlin(2021, 12, 2, 10, 30), berlin(2021, 12, 2, 10, 45), "Erfahrungen aus Düsseldorf",
                        "Vortrag", "Sabine Manz"),
            AgendaEntry(berlin(2021, 12, 2, 10, 45), berlin(2021, 12, 2, 11, 30), "Fragen und Diskussion",
                        "Fragen und Diskussion"),
        ),
        speakers=(
            SpeakerEntry("Claus Arndt", "Stadt Moers", topic="Wie Ämter für offene Daten gewonnen werden"),
            SpeakerEntry("Sabine Manz", "Landeshauptstadt Düsseldorf", topic="Open-Data-Koordination"),
        ),
    )
    values.update(changes)
    return EventInfo(**values)  # type: ignore[arg-type]


def person(last: str, first: str, n: int = 0, **fields: object) -> Participant:
    values: dict[str, object] = dict(
        registration_id=uuid.UUID(int=n + 1000),
        email=f"person{n}@kommune.example",
        organisation="Stadt Moers",
        municipality="Moers",
        role="Open-Data-Koordination",
        registered_at=datetime(2021, 11, 8, 8, 30, tzinfo=UTC),
    )
    values.update(fields)
    return Participant(last_name=last, first_name=first, **values)  # type: ignore[arg-type]


LAST = ("Becker", "Groß", "Schäfer", "Yılmaz", "Wagner", "Özdemir", "Müller", "Krüger", "Çelik", "Dąbrowski",
        "Zimmermann", "Ahrens", "Böhm", "Hübner", "Straße", "Köhler")
FIRST = ("Anna", "Jürgen", "Katrin", "Mehmet", "Sophie", "Özlem", "Lukas", "Birgit", "Rüdiger", "Elif")


def crowd(n: int) -> list[Participant]:
    """``n`` people with umlauts and a few very long names, in no particular order."""
    people = []
    for i in range(n):
        last = LAST[(i * 7) % len(LAST)]
        if i % 37 == 5:
            last = "von und zu Hohenstein-Wolkenburg-Katzenelnbogen"
        people.append(person(last, FIRST[i % len(FIRST)], i,
                             organisation=("Landeshauptstadt Düsseldorf, Amt für Statistik und Wahlen"
                                           if i % 5 == 0 else "Stadt Moers"),
                             round="Runde A" if i % 2 else "Runde B"))
    return people
