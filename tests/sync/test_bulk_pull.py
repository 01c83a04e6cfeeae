"""The fast paths of a large pull (a new laptop's first one) keep what the row-by-row pull guaranteed: PostgreSQL's
rows arrive in the same stored form, the shadows are the rows as pulled, and a row referring to a missing one is
refused with nothing committed, whether the foreign keys are checked at the end (bulk) or row by row."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session
from sync_helpers import Laptop, future

from odn_desktop.services.contact_directory import update_contact
from odn_desktop.services.contacts import ContactInput, find_contact_by_email
from odn_desktop.services.events import create_event
from odn_desktop.services.registrations import register
from odn_desktop.sync import engine
from odn_desktop.sync.server import Server, SyncError, parse_remote
from odn_desktop.sync.tables import SPECS

Laptops = Callable[[str], Laptop]

#: text a shadow must carry unchanged: quotes, backslashes, line breaks, a control character, non-Latin letters
AWKWARD = 'Kreis "Nord" \\ Süd\n\tzweite Zeile \x01 Łódź İzmir 😀'


def _fill(laptop: Laptop) -> uuid.UUID:
    def run(s: Session) -> uuid.UUID:
        event = create_event(s, title="Treffen in Łódź", description=AWKWARD, starts_at=future(30),
                             ends_at=future(30, hour=12), capacity=1)
        register(s, event.id, ContactInput(email="anna@example.org", first_name="Anna", last_name="Groß",
                                           organisation='Kreis "Nord" \\ Süd 😀'))
        register(s, event.id, ContactInput(email="ben@example.org", first_name="Ben", last_name="Öz"))  # waits
        return event.id

    return laptop.do(run)  # type: ignore[no-any-return]


def _anna(session: Session) -> tuple[str, str, str]:
    contact = find_contact_by_email(session, "anna@example.org")
    assert contact is not None
    return contact.notes, contact.role, contact.organisation


def _stored_rows(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    conn = sqlite3.connect(path)
    try:
        return {spec.name: {str(r[0]): dict(zip(spec.columns, r, strict=True)) for r in conn.execute(
            f"SELECT {', '.join(spec.columns)} FROM {spec.name}")} for spec in SPECS}
    finally:
        conn.close()


def _shadows(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    conn = sqlite3.connect(path)
    try:
        found: dict[str, dict[str, dict[str, Any]]] = {spec.name: {} for spec in SPECS}
        for table, row_id, data in conn.execute("SELECT table_name, row_id, data FROM sync_shadow"):
            found[table][row_id] = json.loads(data)
        return found
    finally:
        conn.close()


def test_a_first_pull_makes_every_row_its_own_shadow(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    _fill(a)
    a.sync()
    result = b.sync()  # a first pull: every table of the new laptop is empty
    assert result.pulled > 0 and result.pushed == 0
    rows = _stored_rows(b.path)
    assert rows["contact"] and rows["registration"]
    assert [e["description"] for e in rows["event"].values()] == [AWKWARD]
    assert _shadows(b.path) == rows
    # the shadows are the base of the next merge: edits of different fields on both laptops merge silently
    b.do(lambda s: update_contact(s, find_contact_by_email(s, "anna@example.org").id,  # type: ignore[union-attr]
                                  notes="Rückruf erbeten"))
    a.do(lambda s: update_contact(s, find_contact_by_email(s, "anna@example.org").id,  # type: ignore[union-attr]
                                  role="Open-Data-Koordination"))
    assert b.sync().new_conflicts == 0
    assert a.sync().new_conflicts == 0
    assert a.do(_anna) == ("Rückruf erbeten", "Open-Data-Koordination", 'Kreis "Nord" \\ Süd 😀')


@pytest.mark.parametrize("remote", ["postgresql"], indirect=True)
def test_postgresql_sends_the_rows_in_stored_form(laptops: Laptops, remote: str) -> None:
    """The pull's SELECT turns UUIDs, times and booleans into stored form on the server; it must give exactly what
    encoding the driver's values in Python gives (times with and without microseconds, NULLs, awkward text)."""
    a = laptops("a")
    _fill(a)
    a.sync()
    server = Server(parse_remote(remote))
    try:
        with server.connect(write=True) as conn:  # a time on the full second and one a microsecond after it
            conn.execute(text("UPDATE event SET ends_at = date_trunc('second', ends_at), "
                              "starts_at = date_trunc('second', starts_at) + interval '1 microsecond'"))
            conn.commit()
        with server.locked() as stx:
            for spec in SPECS:
                fast = stx.changes_since(spec, 0)
                slow = [(spec.encode_row(r), int(r._mapping["server_seq"])) for r in stx.conn.execute(
                    text(f"SELECT * FROM {spec.name} WHERE server_seq > 0 ORDER BY server_seq"))]
                assert fast == slow, spec.name
                if spec.name in ("event", "contact", "registration"):
                    assert fast, spec.name
                if spec.name == "event":
                    assert str(fast[0][0]["ends_at"]).endswith(".000000")
                    assert str(fast[0][0]["starts_at"]).endswith(".000001")
    finally:
        server.close()


def _orphan_on_the_share(remote: str, *, new_push: bool) -> None:
    """A registration on the shared file whose contact does not exist (written with the foreign keys off)."""
    conn = sqlite3.connect(str(parse_remote(remote).database))
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        with conn:
            seq = conn.execute("SELECT last_seq FROM sync_server_state").fetchone()[0] + int(new_push)
            conn.execute("UPDATE sync_server_state SET last_seq = ?", (seq,))
            conn.execute("UPDATE registration SET contact_id = ?, server_seq = ? WHERE id = "
                         "(SELECT min(id) FROM registration)", (uuid.uuid4().hex, seq))
    finally:
        conn.close()


@pytest.mark.parametrize("remote", ["sqlite"], indirect=True)
@pytest.mark.parametrize("first_pull", [True, False], ids=["bulk-first-pull", "row-by-row"])
def test_a_row_referring_to_a_missing_one_is_refused_and_nothing_is_taken(
        laptops: Laptops, remote: str, first_pull: bool) -> None:
    a, b = laptops("a"), laptops("b")
    _fill(a)
    a.sync()
    if not first_pull:
        b.sync()
    before = _stored_rows(b.path)
    state_before = engine.status(b.db)
    _orphan_on_the_share(remote, new_push=not first_pull)
    with pytest.raises(SyncError, match="passen nicht zu den eigenen Daten"):
        b.sync()
    assert _stored_rows(b.path) == before  # nothing of the pull was committed
    assert engine.status(b.db).last_sync == state_before.last_sync
    conn = sqlite3.connect(b.path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
