"""A small series whose report figures were counted by hand (tests of figures, stats CLI, report exports).

The fixture (times Europe/Berlin):

Meeting A, 14.10.2021 10–12 Uhr, 3 seats, deadline 12.10.2021 23:59
  anna   01.10. 09:00  Stadt Köln / Köln / NRW          seat      attended 110 min
  ben    01.10. 12:00  " stadt köln " / Köln / NRW      seat      attended 30 min
  cara   03.10.        Kreis Lippe / Detmold / (empty)  seat      did not come
  dora   05.10.        Stadt Jena / Jena / Thüringen    waiting   attended (marked by hand, no minutes)
  emil   05.10.        Stadt Ulm / Ulm / BW             cancelled
  fritz  13.10. (late) Stadt Gera / Gera / Thüringen    waiting (admitted late)
  a reminder draft on 08.10., the access link sent on 13.10.

Meeting B, 02.12.2021 10–12 Uhr, rounds R1 (2 seats) and R2 (unlimited), round optional
  anna   R1 seat  attended 90      (returning)
  gina   R1 seat  attended 60      (first time)
  hans   R1 waiting                (first time)
  cara   R2 cancelled              (excluded from first/returning)
  emil   R2 seat  attended 20      (first time: his registration for A was cancelled)
  dora   no round, seat, absent    (returning: waiting for A is not cancelled)

Meeting C, 03.02.2022, a draft without registrations.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import events, registrations, rounds
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.mailing import record_message

NOW = datetime(2022, 3, 1, tzinfo=UTC)


def _at(month: int, day: int, hour: int = 9, year: int = 2021) -> datetime:
    return datetime(year, month, day, hour, tzinfo=BERLIN)


def _person(key: str, organisation: str, municipality: str, state: str) -> ContactInput:
    return ContactInput(email=f"{key}@example.org", first_name=key.title(), last_name="Muster",
                        organisation=organisation, municipality=municipality, federal_state=state)


PEOPLE = {
    "anna": _person("anna", "Stadt Köln", "Köln", "Nordrhein-Westfalen"),
    "ben": _person("ben", " stadt köln ", "Köln", "Nordrhein-Westfalen"),
    "cara": _person("cara", "Kreis Lippe", "Detmold", ""),
    "dora": _person("dora", "Stadt Jena", "Jena", "Thüringen"),
    "emil": _person("emil", "Stadt Ulm", "Ulm", "Baden-Württemberg"),
    "fritz": _person("fritz", "Stadt Gera", "Gera", "Thüringen"),
    "gina": _person("gina", "Stadt Kiel", "Kiel", "Schleswig-Holstein"),
    "hans": _person("hans", "Stadt Halle", "Halle (Saale)", "Sachsen-Anhalt"),
}


def build_report_sample(s: Session) -> dict[str, uuid.UUID]:
    """The series described in the module docstring; returns the ids of the series and meetings a, b, c."""
    ser = events.create_series(s, "Testreihe Open Data", hosts="Difu\nBertelsmann Stiftung")
    a = events.create_event(s, title="Treffen A", starts_at=_at(10, 14, 10), ends_at=_at(10, 14, 12),
                            capacity=3, registration_deadline=datetime(2021, 10, 12, 23, 59, tzinfo=BERLIN),
                            series_id=ser.id)
    reg = {}

    def add(event_id, key, when, **kw):  # type: ignore[no-untyped-def]
        reg[(event_id, key)] = registrations.register(s, event_id, PEOPLE[key], registered_at=when,
                                                      **kw).registration.id

    add(a.id, "anna", _at(10, 1, 9))
    add(a.id, "ben", _at(10, 1, 12))
    add(a.id, "cara", _at(10, 3))
    add(a.id, "dora", _at(10, 5))
    add(a.id, "emil", _at(10, 5, 11))
    registrations.cancel(s, reg[(a.id, "emil")], now=_at(10, 6))
    add(a.id, "fritz", _at(10, 13), allow_late=True)
    registrations.mark_attendance(s, reg[(a.id, "anna")], True, 110)
    registrations.mark_attendance(s, reg[(a.id, "ben")], True, 30)
    registrations.mark_attendance(s, reg[(a.id, "dora")], True)
    record_message(s, reg[(a.id, "anna")], "reminder", "draft", "drafted", at=_at(10, 8, 15))
    record_message(s, reg[(a.id, "ben")], "reminder", "draft", "drafted", at=_at(10, 9, 15))
    record_message(s, reg[(a.id, "ben")], "access_link", "smtp", "failed", at=_at(10, 10, 15))
    a.access_link_sent_at = _at(10, 13, 8)

    b = events.create_event(s, title="Treffen B", starts_at=_at(12, 2, 10), ends_at=_at(12, 2, 12),
                            registration_deadline=datetime(2021, 11, 30, 23, 59, tzinfo=BERLIN),
                            series_id=ser.id, rounds_optional=True)
    r1 = rounds.add_round(s, b.id, title="R1", capacity=2)
    r2 = rounds.add_round(s, b.id, title="R2")
    add(b.id, "anna", _at(11, 10), round_id=r1.id)
    add(b.id, "gina", _at(11, 11), round_id=r1.id)
    add(b.id, "hans", _at(11, 12), round_id=r1.id)
    add(b.id, "cara", _at(11, 12, 10), round_id=r2.id)
    registrations.cancel(s, reg[(b.id, "cara")], now=_at(11, 20))
    add(b.id, "emil", _at(11, 14), round_id=r2.id)
    add(b.id, "dora", _at(11, 15))
    registrations.mark_attendance(s, reg[(b.id, "anna")], True, 90)
    registrations.mark_attendance(s, reg[(b.id, "gina")], True, 60)
    registrations.mark_attendance(s, reg[(b.id, "emil")], True, 20)

    c = events.create_event(s, title="Treffen C", starts_at=_at(2, 3, 10, year=2022),
                            ends_at=_at(2, 3, 12, year=2022), series_id=ser.id, status="draft")
    return {"series": ser.id, "a": a.id, "b": b.id, "c": c.id}


