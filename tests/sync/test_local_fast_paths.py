"""The laptop's side of a sync without wasted work (issue 16): one connection to the file for the whole run, no
write when nothing changes, and the push deciding from the rows' JSON made by SQLite which rows the server does
not have yet - the same rows as before, shadows that read back as the rows. (The partial index on the change
marker: ``tests/store/test_dirty_indexes.py``.)"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sync_helpers import Laptop, event_with_people

from odn_desktop.sync.local import LocalFile, _without_stamp
from odn_desktop.sync.tables import BY_NAME

Laptops = Callable[[str], Laptop]

#: quotes, backslashes, line breaks, a control character, non-Latin letters
AWKWARD = 'Kreis "Nord" \\ Süd\n\tzweite Zeile \x01 Łódź 😀 "updated_at":'


@pytest.fixture
def file_connects() -> Iterator[list[str]]:
    """The file of every new SQLite connection any engine opens meanwhile."""
    seen: list[str] = []

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            seen.append(dbapi_connection.execute("PRAGMA database_list").fetchone()[2])

    event.listen(Engine, "connect", on_connect)
    yield seen
    event.remove(Engine, "connect", on_connect)


def _raw(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        with conn:
            return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("remote", ["postgresql"], indirect=True)
def test_a_sync_opens_the_laptops_file_once(laptops: Laptops, remote: str, file_connects: list[str]) -> None:
    a = laptops("a")
    event_with_people(a, 3)
    laptop_file = str(a.path.resolve())
    for _ in range(3):  # the first push, a push, nothing to do
        file_connects.clear()
        a.sync()
        assert file_connects.count(laptop_file) == 1, file_connects
        event_with_people(a, 1)


def test_a_setting_stored_again_is_not_written(tmp_path: Path, migrated_laptop_file: Path) -> None:
    path = tmp_path / "laptop.sqlite"
    path.write_bytes(migrated_laptop_file.read_bytes())
    local = LocalFile(path)
    try:
        with local.transaction(write=True) as txn:
            txn.set_state(last_seq=7, remote_url="postgresql://team")
        with local.transaction(write=True) as txn:
            before = txn.raw.total_changes
            txn.set_state(last_seq=7, remote_url="postgresql://team", push_seq=None)  # as stored, nothing to drop
            assert txn.raw.total_changes == before
            txn.set_state(last_seq=8)
            assert txn.raw.total_changes == before + 1
        with local.transaction(write=False) as txn:
            assert txn.state() == {"last_seq": "8", "remote_url": "postgresql://team"}
    finally:
        local.close()


def test_a_row_only_stamped_again_is_not_pushed(laptops: Laptops, remote: str) -> None:
    a = laptops("a")
    event_id = event_with_people(a, 2)
    a.sync()
    # the change marker and a new stamp, the values as on the server (an edit undone by hand)
    _raw(a.path, "UPDATE registration SET dirty = 1, updated_at = '2099-01-01 00:00:00.000000' WHERE event_id = ?",
         (event_id.hex,))
    result = a.sync()
    assert result.pushed == 0
    assert a.status().pending == 0


def test_awkward_text_is_pushed_once_and_its_shadow_reads_back_as_the_row(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    event_id = event_with_people(a, 2)
    a.sync()
    _raw(a.path, "UPDATE registration SET dirty = 1, notes = ?, updated_at = '2099-01-01 00:00:00.000000' "
         "WHERE event_id = ?", (AWKWARD, event_id.hex))
    assert a.sync().pushed == 2
    assert a.sync().pushed == 0  # the shadow now holds the row: nothing left to send
    spec = BY_NAME["registration"]
    rows = {r[0]: dict(zip(spec.columns, r, strict=True)) for r in _raw(
        a.path, f"SELECT {', '.join(spec.columns)} FROM registration WHERE event_id = ?", (event_id.hex,))}
    shadows = {r[0]: json.loads(r[1]) for r in _raw(
        a.path, "SELECT row_id, data FROM sync_shadow WHERE table_name = 'registration'")}
    assert {i: shadows[i] for i in rows} == rows
    b.sync()
    notes = {r[0] for r in _raw(b.path, "SELECT notes FROM registration WHERE event_id = ?", (event_id.hex,))}
    assert notes == {AWKWARD}


@pytest.mark.parametrize("text", [
    '{"id":"a","updated_at":"2026-01-01 00:00:00.000000","x":1}',
    '{"id":"a","updated_at":null}',
    '{"updated_at":null}',
    '{"n":"\\"updated_at\\":","updated_at":null,"z":"updated_at"}',
])
def test_the_stamp_is_cut_out_of_shadow_json(text: str) -> None:
    without = json.loads(text)
    without.pop("updated_at")
    assert json.loads(_without_stamp(text)) == without
    assert _without_stamp('{"id":"a"}') == '{"id":"a"}'
