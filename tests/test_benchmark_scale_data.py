"""The benchmarks' scale database is what the program itself would have stored (issue 16): its seats and waiting
places are exactly what the one seat rule decides, so a benchmark (a first pull, opening an event) measures the
program's work on realistic data, not a renumbering of every waiting list."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from odn_desktop.services.seat_allocation import apply_allocation
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Event
from odn_desktop.store.open import open_database

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from scale_data import ScaleSpec, build_database


def test_the_seat_rule_changes_nothing_in_the_scale_database(tmp_path: Path) -> None:
    path = tmp_path / "scale.sqlite"
    counts = build_database(path, ScaleSpec(events=6, contacts=300, registrations=900))
    assert counts["registrations"] == 900
    db = open_database(path)
    try:
        with transaction(db.sessions) as session:
            event_ids = list(session.scalars(select(Event.id)))
            reports = [apply_allocation(session, event_id) for event_id in event_ids]
            waiting = sum(len(r.allocation.waiting) for r in reports)
            moved = [(r.event_id, len(r.promoted), len(r.demoted), len(r.renumbered)) for r in reports
                     if r.promoted or r.demoted or r.renumbered]
    finally:
        db.close()
    assert waiting > 0  # the data has waiting lists to keep in order
    assert moved == []
