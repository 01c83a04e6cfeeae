"""The import's shortcuts at scale (issue 16) keep its results: the event's queue is read once and handed to the
seat rule after writing (not read back), the queue is not sorted again, new ids come from one read of the random
source, Python's cycle collector rests while the rows are built - and the seats are still exactly those the seat
rule gives the stored queue."""

from __future__ import annotations

import csv
import gc
import io
import uuid
from collections.abc import Hashable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, event, select, update

from odn_desktop.domain.allocation import QueueEntry, allocate
from odn_desktop.domain.seats import Pool
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registration_import as svc
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.services.seat_allocation import apply_allocation, read_queue
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Event, Registration
from odn_desktop.store.open import Database

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)


@pytest.fixture
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", before)
    yield seen
    event.remove(Engine, "before_cursor_execute", before)


def _csv(path: Path, people: list[tuple[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Vorname", "Nachname", "E-Mail-Adresse", "Anmeldedatum"])
    writer.writerows([["Kim", f"N{n}", email, when] for n, (email, when) in enumerate(people)])
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


def test_new_uuids_are_random_version_4_ids() -> None:
    ids = svc.new_uuids(500)
    assert len(ids) == len(set(ids)) == 500
    assert all(i.version == 4 and i.variant == uuid.RFC_4122 for i in ids)
    assert svc.new_uuids(0) == []


def test_new_ids_come_in_ascending_order_of_their_stored_text(db: Database, tmp_path: Path) -> None:
    """The import hands its new ids out in the order it inserts its rows, so they go to the end of the id and
    contact indexes (``new_uuids``): the contacts and registrations of one import, in insert order, have ascending
    ids and contact ids."""
    ids = svc.new_uuids(2000)
    assert [i.hex for i in ids] == sorted(i.hex for i in ids) and len(set(ids)) == 2000
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=2),
                                capacity=5).id
    path = _csv(tmp_path / "anmeldungen.csv", [(f"neu{n}@kommune.example", f"{1 + n % 28:02d}.11.2031 09:00")
                                               for n in range(200)])
    with transaction(db.sessions) as s:
        svc.import_registrations_file(s, event_id, path)
    raw = db.engine.raw_connection()
    try:
        contacts = [r[0] for r in raw.execute("SELECT id FROM contact ORDER BY rowid")]
        registrations = raw.execute("SELECT id, contact_id FROM registration ORDER BY rowid").fetchall()
    finally:
        raw.close()
    assert len(contacts) == len(registrations) == 200
    assert contacts == sorted(contacts) and [r[1] for r in registrations] == contacts
    assert [r[0] for r in registrations] == sorted(r[0] for r in registrations)


def test_the_queue_is_read_once_and_the_seats_are_the_seat_rules(db: Database, tmp_path: Path,
                                                                   statements: list[str]) -> None:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=2),
                                capacity=5).id
        for k in range(4):  # stored rows first; their ids' order is not their queue order
            regs.register(s, event_id, ContactInput(email=f"p{k}@kommune.example", last_name=f"N{k}"))
        regs.cancel(s, read_queue(s, event_id)[1].id)  # a place frees up; p1 registers again in the file
    people = [(f"neu{n}@kommune.example", f"{1 + n % 28:02d}.11.2031 {8 + n % 10}:{n % 60:02d}") for n in range(40)]
    people.append(("p1@kommune.example", "30.11.2031 09:00"))  # the cancelled one registers again
    path = _csv(tmp_path / "anmeldungen.csv", people)
    statements.clear()
    with transaction(db.sessions) as s:
        report = svc.import_registrations_file(s, event_id, path)
    queue_reads = [q for q in statements  # read_queue's query
                   if " ".join(q.split()).startswith("SELECT registration.id, registration.status, "
                                                     "registration.round_id, registration.queue_order")]
    assert len(queue_reads) == 1, queue_reads
    assert report.created == 40 and report.updated == 1
    with transaction(db.sessions) as s:  # the rule over the stored queue moves nobody: the import wrote its outcome
        again = apply_allocation(s, event_id)
        assert (again.promoted, again.demoted, again.renumbered) == ((), (), ())
        queue = read_queue(s, event_id)
        assert [q.queue_order for q in queue] == sorted(q.queue_order for q in queue)
        assert sum(q.status == "registered" for q in queue) == 5
        assert [q.waitlist_position for q in queue if q.status == "waiting"] == list(range(1, len(queue) - 4))


def test_the_cycle_collector_rests_during_an_import_and_runs_again_after(db: Database, tmp_path: Path) -> None:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=2),
                                capacity=5).id
    path = _csv(tmp_path / "anmeldungen.csv", [(f"neu{n}@kommune.example", "01.11.2031 09:00") for n in range(300)])
    seen: list[bool] = []
    assert gc.isenabled()
    with transaction(db.sessions) as s:
        plan = svc.load_plan(path)
        forecast = svc.forecast_import(s, event_id, plan)
        report = svc.import_plan(s, event_id, plan, progress=lambda _pct, _text: seen.append(gc.isenabled()))
    assert gc.isenabled()
    assert seen and not any(seen)
    assert (forecast.created, report.created, report.waiting) == (300, 300, 295)
    gc.disable()  # a caller that paused it keeps it paused
    try:
        with svc.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


_entries = st.lists(st.tuples(st.sampled_from([None, "A", "B", "gone"]), st.booleans(), st.booleans()), max_size=12)


@given(stored=_entries, newcomers=st.lists(st.sampled_from([None, "A", "B", "gone"]), max_size=12),
       limit=st.none() | st.integers(0, 10), overbooking=st.integers(0, 50),
       round_limits=st.tuples(st.none() | st.integers(0, 4), st.none() | st.integers(0, 4)), promote=st.booleans())
def test_the_planned_seats_are_those_the_rule_gives_the_written_queue(
        stored: list[tuple[str | None, bool, bool]], newcomers: list[str | None], limit: int | None,
        overbooking: int, round_limits: tuple[int | None, int | None], promote: bool) -> None:
    """``apply_allocation(planned=...)`` after an import: the rule over the stored queue with the new rows appended
    as waiting (``_decide``'s plan) gives the same seats, places and pool figures as over the queue written with
    those rows holding the seats that plan gave them - also when stored rows were not at the rule's outcome
    (someone waiting despite a free seat, pools over their limit, forced seats, a removed round)."""
    pools: dict[Hashable, Pool] = {"A": Pool(round_limits[0]), "B": Pool(round_limits[1])}
    queue = [QueueEntry(("s", n), rnd, holds, holds and forced) for n, (rnd, holds, forced) in enumerate(stored)]
    new = [("n", n) for n in range(len(newcomers))]
    planned = allocate(Pool(limit, overbooking), pools, [*queue, *(QueueEntry(k, r) for k, r in zip(
        new, newcomers, strict=True))], promote=promote)
    written = [*queue, *(QueueEntry(k, r, k in planned.seated) for k, r in zip(new, newcomers, strict=True))]
    again = allocate(Pool(limit, overbooking), pools, written, promote=promote)
    assert again.seated == planned.seated
    assert dict(again.waiting) == dict(planned.waiting)
    assert dict(again.round_waiting) == dict(planned.round_waiting)
    assert dict(again.pools) == dict(planned.pools)
    assert set(planned.promoted) - set(again.promoted) == {k for k in new if k in planned.seated}


def test_an_import_moves_up_who_waited_for_a_free_seat_as_the_rule_would(db: Database, tmp_path: Path) -> None:
    """A stored queue not at the rule's outcome (the capacity raised behind the rule's back, as a sync can leave
    it): the import's planned allocation promotes the waiting head first, exactly as the rule run afresh does."""
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=2),
                                capacity=2).id
        for k in range(4):
            regs.register(s, event_id, ContactInput(email=f"p{k}@kommune.example", last_name=f"N{k}"))
        s.execute(update(Event).where(Event.id == event_id).values(capacity=5))  # 2 seats, 2 waiting, 5 allowed
    path = _csv(tmp_path / "anmeldungen.csv", [(f"neu{n}@kommune.example", f"0{1 + n}.11.2031 09:00")
                                               for n in range(3)])
    with transaction(db.sessions) as s:
        report = svc.import_registrations_file(s, event_id, path)
    with transaction(db.sessions) as s:
        states = {r.contact.email: (r.status, r.waitlist_position) for r in s.scalars(
            select(Registration).where(Registration.event_id == event_id))}
        again = apply_allocation(s, event_id)
    assert (again.promoted, again.demoted, again.renumbered) == ((), (), ())
    assert states == {"p0@kommune.example": ("registered", None), "p1@kommune.example": ("registered", None),
                      "p2@kommune.example": ("registered", None), "p3@kommune.example": ("registered", None),
                      "neu0@kommune.example": ("registered", None), "neu1@kommune.example": ("waiting", 1),
                      "neu2@kommune.example": ("waiting", 2)}
    assert (report.created, report.waiting) == (3, 2)
