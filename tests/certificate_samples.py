"""A meeting for the certificate tests: 10:00–12:00 (120 minutes) online per Zoom, with a programme, speakers,
the series' hosts, and attendance on every side of the 50 % rule (imported minutes above, exactly at and below
the threshold, marked by hand, not attended, cancelled but present, and two people whose Zoom rows are merged).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registrations as regs
from odn_desktop.services.agenda import add_agenda_item
from odn_desktop.services.attendance_import import import_attendance_file
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, find_or_create_series
from odn_desktop.services.speakers import add_speaker_to_event, create_speaker

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
BEFORE = datetime(2021, 11, 20, 9, 0, tzinfo=BERLIN)
HOSTS = "Deutsches Institut für Urbanistik gGmbH (Difu)\nBertelsmann Stiftung"
TITLE = "Open-Data-Netzwerktreffen: Offene Haushaltsdaten"

#: (first, last, email, academic title, organisation)
PEOPLE = [
    ("Anna", "Becker", "anna.becker@kiel.example", "Dr.", "Landeshauptstadt Kiel"),  # 95 min: qualifies
    ("Jürgen", "Groß", "j.gross@muenster.example", "", "Stadt Münster"),  # 60 min: exactly 50 %
    ("Özlem", "Kaya", "oezlem.kaya@bonn.example", "", "Bundesstadt Bonn"),  # 59 min: below
    ("Jan", "Weiß", "jan.weiss@ulm.example", "", "Stadt Ulm"),  # by hand
    ("Katrin", "Schäfer", "katrin.schaefer@trier.example", "", "Stadt Trier"),  # registered, absent
    ("Claus", "Müller", "c.mueller@moers.example", "Prof. Dr.", "Stadt Moers"),  # cancelled, came: 100 min
    ("Lena", "Adler", "lena.adler@jena.example", "", "Stadt Jena"),  # Zoom: left and rejoined, 30 + 35 = 65
    ("Tom", "Zeller", "tom.zeller@halle.example", "", "Stadt Halle (Saale)"),  # Zoom: two devices, union 50
]

ZOOM = (
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
    "812 3456 7890,Netzwerktreffen,12/02/2021 09:55:00 AM,12/02/2021 12:05:00 PM,koordination@difu.example,130,3\n"
    "\n"
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
    "Lena Adler,lena.adler@jena.example,12/02/2021 10:00:00 AM,12/02/2021 10:30:00 AM,30,Yes\n"
    "Lena Adler (Handy),lena.adler@jena.example,12/02/2021 10:50:00 AM,12/02/2021 11:25:00 AM,35,Yes\n"
    "Tom Zeller,tom.zeller@halle.example,12/02/2021 10:00:00 AM,12/02/2021 10:40:00 AM,40,Yes\n"
    "Tom Zeller (iPad),tom.zeller@halle.example,12/02/2021 10:20:00 AM,12/02/2021 10:50:00 AM,30,Yes\n"
)


@dataclass(frozen=True)
class Meeting:
    event_id: uuid.UUID
    ids: dict[str, uuid.UUID]  # e-mail -> registration id


def make_meeting(session: Session, folder: Path, *, hosts_on_event: str = "") -> Meeting:
    series = find_or_create_series(session, "Open Data in Kommunen – Netzwerktreffen")
    series.hosts = HOSTS
    event = create_event(session, title=TITLE, starts_at=START, ends_at=START + timedelta(minutes=120),
                         format="online", venue="Zoom", series_id=series.id, hosts=hosts_on_event)
    arndt = create_speaker(session, first_name="Claus", last_name="Arndt", academic_title="Dr.",
                           organisation="Stadt Moers")
    yilmaz = create_speaker(session, first_name="Deniz", last_name="Yılmaz", organisation="Open Knowledge")
    add_speaker_to_event(session, event.id, arndt.id)
    add_speaker_to_event(session, event.id, yilmaz.id)
    add_agenda_item(session, event.id, title="Begrüßung", duration_minutes=15, kind="other")
    add_agenda_item(session, event.id, title="Haushaltsdaten als Open Data", duration_minutes=45,
                    speaker_id=arndt.id)
    add_agenda_item(session, event.id, title="Fragen und Diskussion", duration_minutes=60, kind="discussion",
                    speaker_id=yilmaz.id)
    ids: dict[str, uuid.UUID] = {}
    for first, last, email, title, organisation in PEOPLE:
        person = ContactInput(email=email, first_name=first, last_name=last, organisation=organisation,
                              academic_title=title)
        ids[email] = regs.register(session, event.id, person, now=BEFORE).registration.id
    marks = {"anna.becker@kiel.example": 95, "j.gross@muenster.example": 60, "oezlem.kaya@bonn.example": 59,
             "jan.weiss@ulm.example": None, "c.mueller@moers.example": 100}
    for email, minutes in marks.items():
        regs.mark_attendance(session, ids[email], True, minutes)
    regs.cancel(session, ids["c.mueller@moers.example"])
    report = folder / "zoom teilnehmer.csv"
    report.write_text(ZOOM, encoding="utf-8")
    import_attendance_file(session, event.id, report)
    session.flush()
    return Meeting(event.id, ids)
