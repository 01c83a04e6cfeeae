"""``store.batches.insert_columns`` stores exactly what SQLAlchemy's Core ``insert`` stores: the same raw rows
(values converted in the store's format column by column, constants written into the statement, all-NULL
columns left out), for awkward values too."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, cast

import pytest
from sqlalchemy import Table, insert, text

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.store.batches import Same, insert_columns
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.open import Database

CONTACTS = cast(Table, Contact.__table__)
REGISTRATIONS = cast(Table, Registration.__table__)


def _raw(db: Database, table: str, ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        rows = conn.execute(text(f"SELECT * FROM {table}")).mappings().all()
    by_id = {r["id"]: dict(r) for r in rows}
    return [by_id[i.hex] for i in ids]


def _without(rows: list[dict[str, Any]], *names: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k not in names} for r in rows]


def test_contacts_and_registrations_stored_as_core_stores_them(db: Database) -> None:
    stamp = datetime(2021, 11, 20, 8, 5, 30, 123456, tzinfo=UTC)
    times = [datetime(2021, 3, 28, 2, 30, tzinfo=BERLIN), datetime(1999, 1, 1, 0, 0, 0, 1, tzinfo=UTC),
             datetime(2021, 10, 31, 2, 30, fold=1, tzinfo=BERLIN), datetime(2031, 6, 1, 23, 59, 59, 999999,
                                                                             tzinfo=timezone(timedelta(hours=-5)))]
    names = ["O'Brien", "Jürgen \"Jupp\"", "=HYPERLINK(\"http://x\",\"y\")", "x'); DROP TABLE contact; --"]
    with transaction(db.sessions) as s:
        from odn_desktop.services.events import create_event

        start = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)
        event_id = create_event(s, title="T", starts_at=start, ends_at=start + timedelta(hours=1)).id
    core_ids, bulk_ids = [uuid.uuid4() for _ in times], [uuid.uuid4() for _ in times]
    core_regs, bulk_regs = [uuid.uuid4() for _ in times], [uuid.uuid4() for _ in times]

    def contact_rows(ids: list[uuid.UUID], prefix: str) -> list[dict[str, Any]]:
        return [{"id": i, "email": f"{prefix}{n}@x.example", "email_normalized": f"{prefix}{n}@x.example",
                 "first_name": names[n], "last_name": "Groß", "organisation": "Stadt 'Kiel'",
                 "created_at": stamp, "updated_at": stamp, "dirty": True} for n, i in enumerate(ids)]

    def registration_rows(ids: list[uuid.UUID], contacts: list[uuid.UUID]) -> list[dict[str, Any]]:
        return [{"id": i, "event_id": event_id, "contact_id": c, "round_id": None,
                 "status": "waiting" if n % 2 else "registered", "waitlist_position": n if n % 2 else None,
                 "source": "it's a \"file\".csv", "registered_at": times[n], "late": bool(n % 3),
                 "queue_order": 1024 * n, "forced_seat": False, "level": names[n][:40],
                 "created_at": stamp, "updated_at": stamp, "dirty": True}
                for n, (i, c) in enumerate(zip(ids, contacts, strict=True))]

    core_contacts, core_registrations = contact_rows(core_ids, "core"), registration_rows(core_regs, core_ids)
    bulk_contacts, bulk_registrations = contact_rows(bulk_ids, "bulk"), registration_rows(bulk_regs, bulk_ids)

    def columns(rows: list[dict[str, Any]], constant: tuple[str, ...]) -> dict[str, Any]:
        return {name: Same(rows[0][name]) if name in constant else [r[name] for r in rows] for name in rows[0]}

    with transaction(db.sessions) as s:
        s.execute(insert(CONTACTS), core_contacts)
        s.execute(insert(REGISTRATIONS), core_registrations)
        insert_columns(s.connection(), CONTACTS, columns(bulk_contacts, ("organisation", "created_at", "dirty")),
                       len(times))
        insert_columns(s.connection(), REGISTRATIONS,
                       columns(bulk_registrations, ("event_id", "source", "forced_seat", "updated_at", "dirty")),
                       len(times))
    core, bulk = _raw(db, "contact", core_ids), _raw(db, "contact", bulk_ids)
    assert _without(core, "id", "email", "email_normalized") == _without(bulk, "id", "email", "email_normalized")
    assert [r["first_name"] for r in bulk] == names
    core, bulk = _raw(db, "registration", core_regs), _raw(db, "registration", bulk_regs)
    assert _without(core, "id", "contact_id") == _without(bulk, "id", "contact_id")
    assert [r["contact_id"] for r in bulk] == [i.hex for i in bulk_ids]
    assert bulk[0]["registered_at"] == "2021-03-28 01:30:00.000000"  # the skipped hour: the offset before it
    assert bulk[0]["queue_order"] == 0 and bulk[0]["level"] == names[0]  # server defaults not used instead


def test_naive_times_and_wrong_lengths_are_refused(db: Database) -> None:
    with transaction(db.sessions) as s:
        with pytest.raises(ValueError, match="naive"):
            insert_columns(s.connection(), CONTACTS, {"id": [uuid.uuid4()], "created_at": [datetime(2021, 1, 1)]},
                           1)
        with pytest.raises(ValueError, match="2 values for 3 rows"):
            insert_columns(s.connection(), CONTACTS, {"id": [uuid.uuid4(), uuid.uuid4()]}, 3)
        insert_columns(s.connection(), CONTACTS, {"id": []}, 0)  # nothing to do
