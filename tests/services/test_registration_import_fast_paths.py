"""The import's shortcuts at scale (issue 16) keep its results: the event's queue is read once and handed to the
seat rule after writing (not read back), the queue is not sorted again, new ids come from one read of the random
source, Python's cycle collector rests while the rows are built - and the seats are still exactly those the seat
rule gives the stored queue."""

from __future__ import annotations

import csv
import gc
import io
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registration_import as svc
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.services.seat_allocation import apply_allocation, read_queue
from odn_desktop.store.database import transaction
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
