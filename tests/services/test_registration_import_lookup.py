"""The import finds the people it already knows with one query (issue 16: a 10,000-row import asked 20 times for
500 addresses each): every live contact with one of the file's e-mail keys, over the unique index, and nobody
else - not a deleted contact with the same address, not another address."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select

from odn_desktop.domain.names import normalize_email
from odn_desktop.domain.timezone import BERLIN, utcnow
from odn_desktop.services import registration_import as svc
from odn_desktop.services.events import create_event
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.open import Database

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)


@pytest.fixture
def statements() -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", before)
    yield seen
    event.remove(Engine, "before_cursor_execute", before)


def test_known_people_are_found_with_one_query_over_the_index(db: Database, tmp_path: Path,
                                                             statements: list[tuple[str, Any]]) -> None:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=2),
                                capacity=2000).id
        s.add_all([
            Contact(email="Jürgen.Groß@Amt.example", email_normalized=normalize_email("Jürgen.Groß@Amt.example"),
                    first_name="Jürgen"),
            Contact(email="p7@kommune.example", email_normalized="p7@kommune.example", last_name="Sieben"),
            Contact(email="weg@kommune.example", email_normalized="weg@kommune.example", deleted_at=utcnow()),
            Contact(email="p12@kommune.example.org", email_normalized="p12@kommune.example.org"),  # not in the file
        ])
    rows = [[f"P{n}", f"p{n}@kommune.example", "01.11.2031 09:00"] for n in range(1200)]
    rows += [["Jürgen", " JÜRGEN.GROSS@amt.example", "01.11.2031 09:00"],  # casefold: groß = gross, one person
             ["Jürgen", "jürgen.groß@AMT.example", "01.11.2031 09:00"], ["Weg", "weg@kommune.example", ""]]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([["Vorname", "E-Mail", "Anmeldedatum"], *rows])
    path = tmp_path / "anmeldungen.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    statements.clear()
    with transaction(db.sessions) as s:
        report = svc.import_registrations_file(s, event_id, path)
    lookups = [(q, p) for q, p in statements if "FROM contact" in q and "email_normalized IN" in q]
    assert len(lookups) == 1, [q for q, _p in lookups]
    with db.engine.connect() as conn:
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + lookups[0][0], lookups[0][1]).all()
    assert any("USING INDEX ux_contact_email_normalized_live" in str(step) for step in plan), plan
    assert (report.created, report.updated, len(report.duplicates)) == (1202, 0, 1)
    with transaction(db.sessions) as s:
        contacts = {c.email_normalized: c for c in s.scalars(select(Contact).where(Contact.deleted_at.is_(None)))}
        assert len(contacts) == 1203  # the known two reused (p7, Jürgen), the deleted one new again
        assert contacts["p7@kommune.example"].first_name == "P7"  # an empty field filled
        assert contacts["jürgen.gross@amt.example"].email == "Jürgen.Groß@Amt.example"  # the known contact
        registered = set(s.scalars(select(Registration.contact_id).where(Registration.event_id == event_id)))
        assert contacts["p7@kommune.example"].id in registered
        assert contacts["p12@kommune.example.org"].id not in registered


def test_an_address_with_a_nul_character_is_looked_up_too(db: Database) -> None:
    with transaction(db.sessions) as s:
        s.add(Contact(email="a\x00b@x.example", email_normalized="a\x00b@x.example"))
    with transaction(db.sessions) as s:
        found = svc._existing_contacts(s, ["a\x00b@x.example", "a@x.example"])
    assert list(found) == ["a\x00b@x.example"]


def test_new_ids_are_the_uuids_the_standard_library_makes() -> None:
    import uuid

    ids = svc.new_uuids(300)
    assert len(set(ids)) == 300 and svc.new_uuids(0) == []
    for made in ids:
        again = uuid.UUID(made.hex)
        assert (made == again, hash(made) == hash(again), made.version, made.variant, made.is_safe) == (
            True, True, 4, uuid.RFC_4122, uuid.SafeUUID.unknown)
        assert str(made) == str(again) and made.int == again.int and isinstance(made, uuid.UUID)
