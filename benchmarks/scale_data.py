"""Build a realistic odn-desktop database at scale (default: 300 events, 30,000 contacts, 100,000 registrations).

Rows go in through SQLAlchemy Core bulk inserts on the real, migrated schema, with seat statuses computed by
the domain rules (registration-time order, capacity, waiting list), so every screen and query sees data of
the shape the coordinator will have after some years of meetings.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from odn_desktop.domain.deadlines import end_of_day
from odn_desktop.domain.names import normalize_email
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services.seat_allocation import QUEUE_STEP
from odn_desktop.store.database import transaction
from odn_desktop.store.models import AgendaItem, Contact, Event, EventSpeaker, Registration, Series, Speaker
from odn_desktop.store.open import open_database

FIRST = ("Anna", "Jürgen", "Katrin", "Mehmet", "Sophie", "Thomas", "Özlem", "Lukas", "Birgit", "Jan", "Svenja",
         "Matthias", "Ulrike", "Nils", "Franziska", "Dirk", "Lea", "Andreas", "Marta", "Florian", "Heike", "Timo",
         "Kim", "Rüdiger", "Elif", "Stefan", "Julia", "Bernd", "Nadine", "Paul", "Sabine", "Tobias", "Greta",
         "Hakan", "Ines", "Jörg", "Karla", "Malte", "Nora", "Ole")
LAST = ("Becker", "Groß", "Schäfer", "Yılmaz", "Wagner", "Hoffmann", "Kaya", "Weiß", "Müller", "Krüger",
        "Özdemir", "Schulte", "Lange", "Brandt", "Köhler", "Vogel", "Dietrich", "Albers", "Nowak", "Fuchs",
        "Peters", "Jäger", "Hahn", "Lorenz", "Möller", "Winkler", "Busch", "Ebert", "Kühn", "Sommer", "Arslan",
        "Zimmermann", "Böhm", "Schröder", "Hübner", "Straße", "Ahrens", "Çelik", "Dąbrowski", "Łukasik")
TOWNS = ("Kiel", "Münster", "Potsdam", "Ulm", "Jena", "Bremen", "Bonn", "Görlitz", "Regensburg", "Gießen",
         "Wennigsen", "Trier", "Rostock", "Saarbrücken", "Halle (Saale)", "Steinfurt", "Moers", "Düsseldorf",
         "Lübeck", "Erfurt", "Würzburg", "Oldenburg", "Freiburg im Breisgau", "Dresden", "Köln")
#: the federal state of each town above
STATES = ("Schleswig-Holstein", "Nordrhein-Westfalen", "Brandenburg", "Baden-Württemberg", "Thüringen", "Bremen",
          "Nordrhein-Westfalen", "Sachsen", "Bayern", "Hessen", "Niedersachsen", "Rheinland-Pfalz",
          "Mecklenburg-Vorpommern", "Saarland", "Sachsen-Anhalt", "Nordrhein-Westfalen", "Nordrhein-Westfalen",
          "Nordrhein-Westfalen", "Schleswig-Holstein", "Thüringen", "Bayern", "Niedersachsen", "Baden-Württemberg",
          "Sachsen", "Nordrhein-Westfalen")


@dataclass(frozen=True)
class ScaleSpec:
    events: int = 300
    contacts: int = 30_000
    registrations: int = 100_000
    seed: int = 20211202
    #: 3 series share the meetings; 1 puts every meeting into one series (the report benchmark)
    series: int = 3


def build_database(path: Path, spec: ScaleSpec = ScaleSpec()) -> dict[str, int]:
    """Create ``path`` (must not exist) and fill it; returns the row counts written."""
    rng = random.Random(spec.seed)
    db = open_database(path)
    now = datetime.now(UTC)
    series_ids = [uuid.uuid4() for _ in range(spec.series)]
    series_rows = [
        {"id": sid, "title": title, "hosts": "Difu\nBertelsmann Stiftung", "description": "",
         "created_at": now, "updated_at": now, "dirty": True}
        for sid, title in zip(series_ids, ("Open Data in Kommunen – Netzwerktreffen", "Smart City Dialog",
                                           "Datenkompetenz in der Verwaltung")[: spec.series], strict=True)
    ]
    first_start = datetime(2019, 1, 10, 10, 0, tzinfo=BERLIN)
    events = []
    for i in range(spec.events):
        start = (first_start + timedelta(days=12 * i)).replace(hour=rng.choice((9, 10, 14)))
        capacity = rng.choice((None, 30, 40, 60, 80, 120, 200, 400))
        events.append({
            "id": uuid.uuid4(), "series_id": series_ids[i % spec.series],
            "title": f"Netzwerktreffen {i + 1}: {TOWNS[i % 25]}",
            "description": "Austausch der Kommunen zu offenen Daten.", "starts_at": start,
            "ends_at": start + timedelta(minutes=90), "format": rng.choice(("online", "online", "hybrid")),
            "venue": "Online per Zoom", "online_url": "", "capacity": capacity, "overbooking_percent": 0,
            "registration_deadline": end_of_day((start - timedelta(days=1)).date()),
            "allow_late_registration": False, "status": "held" if start < datetime.now(UTC) else "open",
            "hosts": "Difu\nBertelsmann Stiftung", "ics_uid": f"{uuid.uuid4()}@odn-desktop", "ics_sequence": 0,
            "created_at": now, "updated_at": now, "dirty": True,
        })
    speakers = [
        {"id": uuid.uuid4(), "first_name": rng.choice(FIRST), "last_name": rng.choice(LAST),
         "organisation": f"Stadt {rng.choice(TOWNS)}", "role": "Open-Data-Koordination", "salutation": "",
         "academic_title": "", "bio": "", "email": "", "phone": "", "created_at": now, "updated_at": now,
         "dirty": True}
        for _ in range(120)
    ]
    links, agenda = [], []
    for ev in events:
        chosen = rng.sample(speakers, 2)
        for pos, sp in enumerate(chosen, start=1):
            links.append({"id": uuid.uuid4(), "event_id": ev["id"], "speaker_id": sp["id"], "position": pos,
                          "topic": "", "created_at": now, "updated_at": now, "dirty": True})
        for pos, (kind, title, minutes, sp) in enumerate(
            [("networking", "Vernetzung", 15, None), ("talk", "Vortrag 1", 15, chosen[0]["id"]),
             ("talk", "Vortrag 2", 15, chosen[1]["id"]), ("discussion", "Fragen und Diskussion", 45, None)], 1):
            agenda.append({"id": uuid.uuid4(), "event_id": ev["id"], "position": pos, "kind": kind, "title": title,
                           "duration_minutes": minutes, "speaker_id": sp, "notes": "", "created_at": now,
                           "updated_at": now, "dirty": True})
    contacts = []
    for i in range(spec.contacts):
        first, last, town = rng.choice(FIRST), rng.choice(LAST), rng.choice(TOWNS)
        email = f"{first}.{last}.{i}@{town.split()[0].lower()}.example"
        contacts.append({
            "id": uuid.uuid4(), "first_name": first, "last_name": last, "email": email,
            "email_normalized": normalize_email(email), "organisation": f"Stadt {town}", "municipality": town,
            "federal_state": STATES[TOWNS.index(town)], "role": "", "experience_level": "", "salutation": "",
            "academic_title": "",
            "consent_contact": False, "notes": "", "created_at": now, "updated_at": now, "dirty": True,
        })
    # registrations: each event gets a share; (event, contact) pairs unique; statuses by time order. The queue is
    # the order of entry (``next_queue_order``: QUEUE_STEP, 2 x QUEUE_STEP, ...), here the registration time, so
    # the stored seats and waiting places are exactly what the seat rule (``apply_allocation``) decides
    per_event = _split(spec.registrations, spec.events, rng)
    registrations = []
    for ev, n in zip(events, per_event, strict=True):
        picked = rng.sample(range(spec.contacts), n)
        times = sorted(ev["starts_at"] - timedelta(minutes=rng.randint(60 * 26, 60 * 24 * 40)) for _ in range(n))
        limit = ev["capacity"]
        waiting_pos = 0
        held = ev["status"] == "held"
        for k, (ci, at) in enumerate(zip(picked, times, strict=True)):
            status = "registered" if limit is None or k < limit else "waiting"
            if status == "waiting":
                waiting_pos += 1
            # about 70 % of a held meeting's seat holders came, for 20..90 of its 90 minutes (the Zoom report)
            came = held and status == "registered" and rng.random() < 0.7
            registrations.append({
                "id": uuid.uuid4(), "event_id": ev["id"], "contact_id": contacts[ci]["id"], "status": status,
                "waitlist_position": waiting_pos if status == "waiting" else None, "source": "benchmark",
                "registered_at": at, "queue_order": (k + 1) * QUEUE_STEP, "forced_seat": False,
                "late": False, "attended": came,
                "attended_minutes": rng.randint(20, 90) if came else None, "notes": "", "created_at": now,
                "updated_at": now, "dirty": True,
            })
    with transaction(db.sessions) as s:
        for model, rows in ((Series, series_rows), (Event, events), (Speaker, speakers), (EventSpeaker, links),
                            (AgendaItem, agenda), (Contact, contacts), (Registration, registrations)):
            for chunk in range(0, len(rows), 20_000):
                s.execute(insert(model), rows[chunk:chunk + 20_000])
    db.close()
    return {"events": len(events), "contacts": len(contacts), "registrations": len(registrations)}


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` spread over ``parts`` unevenly (popular and quiet meetings), summing exactly to ``total``."""
    weights = [rng.uniform(0.3, 1.7) for _ in range(parts)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % parts] += 1
    return counts
