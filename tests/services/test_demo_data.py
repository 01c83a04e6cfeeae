"""The demo series holds the announced meeting exactly as announced, the kick-off and it as history, and a coming
meeting relative to today with open registration, two rounds (one full), tasks and topic wishes planned into it;
loading twice adds nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from odn_desktop.domain.registration_window import admission
from odn_desktop.domain.timezone import BERLIN, to_berlin
from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.demo import load_demo, upcoming_day
from odn_desktop.services.event_editing import list_task_rows
from odn_desktop.services.events import get_event, list_event_rows
from odn_desktop.services.rounds import list_rounds
from odn_desktop.services.wish_rows import list_wish_groups
from odn_desktop.store.database import transaction
from odn_desktop.store.models import AgendaItem, Contact, Registration, Task
from odn_desktop.store.open import Database
from odn_desktop.store.wish_models import TopicGroup, TopicWish

#: a Monday in spring; the coming meeting is then Thursday, 8 May 2025 (the nearest Thursday to 21 days ahead)
NOW = datetime(2025, 4, 14, 9, 30, tzinfo=BERLIN)


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
    def counts() -> tuple[int, ...]:
        with transaction(demo_db.sessions) as s:
            return (
                len(list_event_rows(s)),
                *(s.scalar(select(func.count()).select_from(model)) or 0
                  for model in (Contact, Registration, Task, AgendaItem, TopicWish, TopicGroup)),
            )

    before = counts()
    with transaction(demo_db.sessions) as s:
        assert load_demo(s).created is False
    assert counts() == before
    assert before[0] == 3 and before[2] > 30 and before[5] >= 10


@pytest.fixture
def spring_demo(db: Database) -> Database:
    with transaction(db.sessions) as s:
        load_demo(s, now=NOW)
    return db


def test_the_2021_meetings_are_history(spring_demo: Database) -> None:
    with transaction(spring_demo.sessions) as s:
        kickoff, december = list_event_rows(s, now=NOW)[:2]
        december_tasks = list_task_rows(s, december.id, now=NOW)
    assert (kickoff.status, december.status) == ("held", "held")
    assert [t.done for t in december_tasks] == [True, True, True]  # nothing from 2021 is overdue
    assert december.registered == 28 and december.deadline_state is not None and december.deadline_state.value == "done"


def test_the_coming_meeting_is_open_with_two_rounds_one_full(spring_demo: Database) -> None:
    with transaction(spring_demo.sessions) as s:
        coming = list_event_rows(s, now=NOW)[-1]
        event = get_event(s, coming.id)
        rounds = {r.title: r for r in list_rounds(s, coming.id)}
        agenda, warning = agenda_rows(s, coming.id)
        tasks = list_task_rows(s, coming.id, now=NOW)
        decision = admission(event.status, event.registration_opens_at, event.registration_deadline, NOW,
                             allow_late=False, late_allowed_by_event=event.allow_late_registration)
        levels = {r.level for r in event.registrations}
    start, end = to_berlin(coming.starts_at), to_berlin(coming.ends_at)
    assert (start.date(), f"{start:%H:%M}", f"{end:%H:%M}") == (date(2025, 5, 8), "10:00", "11:30")
    assert coming.status == "open" and decision.accepted  # one can register today
    assert coming.registration_deadline is not None
    assert to_berlin(coming.registration_deadline).replace(tzinfo=None) == datetime(2025, 4, 19, 23, 59, 59)
    assert coming.deadline_state is not None and coming.deadline_state.value in ("due_soon", "upcoming")
    assert coming.speakers == ("Dr. Miriam Wiese", "Jonas Petersen")
    assert {t: (r.capacity, r.registered, r.waiting) for t, r in rounds.items()} == {
        "Einsteiger:innen": (12, 8, 0), "Fortgeschrittene": (10, 10, 3)}
    assert str(rounds["Fortgeschrittene"].seats.status) == "Ausgebucht – Warteliste"
    assert levels == {"Einsteiger:innen", "Fortgeschrittene"}
    assert warning is None and agenda[-1].ends_at <= coming.ends_at
    assert [t.state.value for t in tasks if not t.done] == ["upcoming", "upcoming", "upcoming"]
    assert all(t.due_at > NOW for t in tasks if not t.done) and any(t.done for t in tasks)


def test_kickoff_wishes_treated_in_december_and_planned_into_the_coming_meeting(spring_demo: Database) -> None:
    with transaction(spring_demo.sessions) as s:
        kickoff, december, coming = list_event_rows(s, now=NOW)
        groups = {g.title: g for g in list_wish_groups(s, now=NOW)}
        agenda, _warning = agenda_rows(s, coming.id)
        planned_items = {s.get(TopicGroup, g.id).agenda_item_id for g in groups.values()  # type: ignore[union-attr]
                         if g.state == "planned"}
        wish_events = set(s.scalars(select(TopicWish.event_id)))
    assert wish_events == {kickoff.id}  # given at the kick-off
    motivate = groups["Ämter motivieren, offene Daten bereitzustellen"]
    assert motivate.state == "treated" and motivate.planned_event is not None
    assert motivate.planned_event.id == december.id and motivate.count == 3
    assert "motiviert" in motivate.wishes[0].text or any("motiviert" in w.text for w in motivate.wishes)
    planned = sorted(t for t, g in groups.items() if g.state == "planned")
    assert planned == ["Datenqualität und Metadaten", "Einstieg: ein eigenes Open-Data-Portal"]
    assert all(groups[t].planned_event.id == coming.id for t in planned)  # type: ignore[union-attr]
    assert {a.id for a in agenda if a.title in planned} == planned_items
    assert [g.state for g in groups.values()].count("open") == 2


@pytest.mark.parametrize(
    ("today", "meeting"),
    [(date(2025, 4, 14), date(2025, 5, 8)),  # Monday: the Thursday 24 days ahead
     (date(2025, 4, 18), date(2025, 5, 8)),  # Friday: 20 days ahead
     (date(2026, 12, 3), date(2027, 1, 7))],  # not on Christmas Eve: the first Thursday after New Year
)
def test_the_coming_meeting_is_a_thursday_about_three_weeks_ahead(today: date, meeting: date) -> None:
    day = upcoming_day(today)
    assert day == meeting and day.weekday() == 3
    assert timedelta(days=18) <= day - today or (today.month, today.day) >= (12, 3)
