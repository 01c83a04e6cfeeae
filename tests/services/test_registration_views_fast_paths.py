"""The fast paths of ``services.registration_views`` give what the plain conversions and orders give."""

from __future__ import annotations

import gc
import random
import threading
import uuid
from dataclasses import astuple, replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from odn_desktop.domain.timezone import BERLIN, utcnow
from odn_desktop.services import registration_views as views
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, delete_event
from odn_desktop.services.rounds import add_round
from odn_desktop.services.rows import EventRegistrationRow
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration, Round
from odn_desktop.store.open import Database


def test_uuid_from_hex_text_is_the_ordinary_uuid() -> None:
    for _ in range(50):
        original = uuid.uuid4()
        fast = views._uuid(original.hex)
        assert fast == original and hash(fast) == hash(original)
        assert str(fast) == str(original) and fast.version == 4 and fast.is_safe is original.is_safe
    same = uuid.uuid4()
    assert views._uuid(same) is same
    assert views._uuid(str(same)) == same  # with hyphens: the ordinary way
    with pytest.raises(ValueError):
        views._uuid("z" * 32)  # not hex: the same error as uuid.UUID


def test_time_text_is_read_as_utc() -> None:
    assert views._to_time("2031-06-12 08:00:00.000000") == datetime(2031, 6, 12, 8, tzinfo=UTC)
    assert views._to_time("2031-06-12 08:00:00.000000").tzinfo is UTC
    assert views._to_time("2031-06-12 08:00:00") == datetime(2031, 6, 12, 8, tzinfo=UTC)
    assert views._to_time("2031-06-12") == datetime(2031, 6, 12, tzinfo=UTC)
    assert views._to_time("2031-06-12 10:00:00+02:00") == datetime(2031, 6, 12, 10, tzinfo=UTC)  # as before
    naive = datetime(2031, 6, 12, 8)
    assert views._to_time(naive) == naive.replace(tzinfo=UTC)


def _two_sorts(rows: list[EventRegistrationRow]) -> list[EventRegistrationRow]:
    """The order as it was defined: the tab's order, then (stable) the events newest first."""
    ordered = sorted(rows, key=views.registration_order_key)
    ordered.sort(key=lambda r: (r.event_starts_at, r.event_title, r.event_id.int), reverse=True)
    return ordered


def test_all_order_is_the_order_of_the_two_sorts() -> None:
    rng = random.Random(16)
    start = datetime(2031, 1, 1, tzinfo=UTC)
    events = [(uuid.uuid4(), f"Treffen {rng.randint(1, 3)}", start + timedelta(days=rng.randint(0, 2)))
              for _ in range(12)]  # equal starts and titles: the id decides
    names = ["Müller", "Mueller", "Muller", "von der Heide", "Heide", "Özdemir", "Becker"]
    rows = []
    for n in range(400):
        event_id, title, starts = rng.choice(events)
        status = rng.choice(("registered", "waiting", "cancelled"))
        rows.append(EventRegistrationRow(
            uuid.uuid4(), event_id, uuid.uuid4(), rng.choice(names), rng.choice(names), f"p{n}@x.example", "",
            status, rng.randint(1, 5) if status == "waiting" else None, False, start, False, None, None,
            event_title=title, event_starts_at=starts))
    rows += [replace(rows[0], id=uuid.uuid4()) for _ in range(3)]  # equal keys keep their order
    expected = _two_sorts(rows)
    views._all_order(rows)
    assert [r.id for r in rows] == [r.id for r in expected]


def test_the_collector_is_paused_while_building_and_resumed_after() -> None:
    assert gc.isenabled()
    inside: list[bool] = []
    with views.collector_paused():
        inside.append(gc.isenabled())
        with views.collector_paused():  # nested (or a second worker)
            inside.append(gc.isenabled())
        inside.append(gc.isenabled())
    assert inside == [False, False, False] and gc.isenabled()
    with pytest.raises(RuntimeError), views.collector_paused():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:  # a program that runs without the collector keeps it off
        with views.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_workers_building_at_once_resume_the_collector_once_both_are_done() -> None:
    first_in, second_done, states = threading.Event(), threading.Event(), []

    def first() -> None:
        with views.collector_paused():
            first_in.set()
            second_done.wait(5)
            states.append(gc.isenabled())

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with views.collector_paused():
        pass
    states.append(gc.isenabled())  # the first is still building
    second_done.set()
    worker.join(5)
    assert states == [False, False] and gc.isenabled()


def _joined(session: Session) -> list[EventRegistrationRow]:
    """``all_registration_rows`` as one join read it (the select the event tab still uses)."""
    rows: list[EventRegistrationRow] = views._build_rows(
        views._fetch(session, views._select(session, with_event=True)), with_event=True)
    views._all_order(rows)
    return rows


def _fields(rows: list[EventRegistrationRow]) -> list[tuple[object, ...]]:
    return [(*astuple(r), r.search_key) for r in rows]  # the search key is left out of ==


def test_all_rows_read_apart_equal_the_join_on_the_demo(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        rows, joined = views.all_registration_rows(s), _joined(s)
    assert any(r.round for r in rows) and any(r.status == "waiting" for r in rows)
    assert _fields(rows) == _fields(joined)


def test_all_rows_read_apart_leave_out_what_the_join_leaves_out(db: Database) -> None:
    start = datetime(2031, 12, 2, 10, tzinfo=BERLIN)
    with transaction(db.sessions) as s:
        kept = create_event(s, title="Netzwerktreffen", starts_at=start, ends_at=start + timedelta(hours=1),
                            capacity=1).id
        gone = create_event(s, title="Abgesagt", starts_at=start, ends_at=start + timedelta(hours=1)).id
        round_id = add_round(s, kept, title="Runde A", capacity=5).id
        people = [ContactInput(email=f"p{n}@kommune.example", first_name="Jürgen", last_name=f"Groß {n}",
                               organisation="Stadt Kiel") for n in range(4)]
        ids = [regs.register(s, kept, p, now=start - timedelta(days=9), round_id=round_id)
               .registration.id for p in people]
        s.execute(update(Registration).where(Registration.id == ids[0]).values(round_id=None))  # one without
        regs.register(s, gone, people[0], now=start - timedelta(days=9))
    with transaction(db.sessions) as s:
        regs.delete_registration(s, ids[3])
        delete_event(s, gone)
        s.execute(update(Contact).where(Contact.email == "p2@kommune.example").values(deleted_at=utcnow()))
        s.execute(update(Round).where(Round.id == round_id).values(deleted_at=utcnow()))  # its title stays
    with transaction(db.sessions) as s:
        rows, joined = views.all_registration_rows(s), _joined(s)
    assert [r.id for r in rows] == [r.id for r in joined] and len(rows) == 3
    assert _fields(rows) == _fields(joined)
    assert {r.round for r in rows} == {"Runde A", None}


def test_a_big_list_is_frozen_out_of_the_collectors_reach_a_small_one_not(demo_db: Database,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    gc.unfreeze()
    try:
        with transaction(demo_db.sessions) as s:
            rows = views.all_registration_rows(s)
        assert gc.get_freeze_count() == 0  # the demo's few rows: below FREEZE_FROM
        monkeypatch.setattr(views, "FREEZE_FROM", len(rows))
        with transaction(demo_db.sessions) as s:
            again = views.all_registration_rows(s)
        assert gc.get_freeze_count() > len(again)  # the rows (and whatever else was alive)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
