"""The demo series holds the announced meeting exactly as announced; loading twice adds nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.demo import load_demo
from odn_desktop.services.events import list_event_rows
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.open import Database


def test_december_meeting_as_announced(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        rows = list_event_rows(s)
        dec = next(r for r in rows if r.starts_at == datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN))
        agenda, warning = agenda_rows(s, dec.id)
    assert dec.title == "Open-Data-Netzwerktreffen"
    assert dec.ends_at == datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN)
    assert dec.format == "online" and "Zoom" in dec.venue
    assert dec.speakers == ("Claus Arndt", "Sabine Manz")
    assert dec.registration_deadline is not None
    assert dec.registration_deadline.astimezone(BERLIN).date() == datetime(2021, 12, 1).date()
    assert str(dec.seat_status) == "Freie Plätze verfügbar"
    assert dec.seat_limit is not None and dec.free_seats == dec.seat_limit - dec.registered > 0
    assert [a.kind for a in agenda] == ["networking", "talk", "talk", "discussion"]
    assert [a.duration_minutes for a in agenda[1:3]] == [15, 15]
    assert agenda[-1].ends_at <= dec.ends_at and warning is None


def test_kickoff_shows_a_waiting_list(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        kickoff = next(r for r in list_event_rows(s) if "Auftakt" in r.title)
    assert kickoff.starts_at.month == 10 and kickoff.waiting > 0 and kickoff.free_seats == 0


def test_loading_twice_adds_nothing(demo_db: Database) -> None:
    def counts() -> tuple[int, int, int]:
        with transaction(demo_db.sessions) as s:
            return (
                len(list_event_rows(s)),
                s.scalar(select(func.count()).select_from(Contact)) or 0,
                s.scalar(select(func.count()).select_from(Registration)) or 0,
            )

    before = counts()
    with transaction(demo_db.sessions) as s:
        assert load_demo(s).created is False
    assert counts() == before
    assert before[2] > 30
