"""A push's local bookkeeping (shadows, change markers, the written-down push) is written while the server writes the
rows (``Server.push``'s ``meanwhile``, ``server.run_beside``), in a local transaction that commits only after the
server's commit: before that nobody sees it, and when the laptop cannot write it the server does not commit."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session
from sync_helpers import Laptop, event_with_people, future, server_dump

from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.registrations import register
from odn_desktop.store.database import busy_timeout
from odn_desktop.sync import engine
from odn_desktop.sync.server import SyncError, run_beside

Laptops = Callable[[str], Laptop]


# -- run_beside ------------------------------------------------------------------------------------------------


def test_run_beside_runs_both_at_once() -> None:
    """Each waits for the other's signal: run one after the other, both would time out."""
    started, answered = threading.Event(), threading.Event()
    seen: list[str] = []

    def waiting() -> None:
        started.set()
        assert answered.wait(5)
        seen.append(threading.current_thread().name)

    def work() -> None:
        assert started.wait(5)
        answered.set()
        seen.append(threading.current_thread().name)

    run_beside(waiting, work)
    assert sorted(seen) == sorted(["odn-sync-push", threading.current_thread().name])


def test_run_beside_raises_the_waiting_ones_error_after_the_work_ended() -> None:
    done: list[str] = []

    def waiting() -> None:
        raise ValueError("server")

    def work() -> None:
        time.sleep(0.05)
        done.append("work")

    with pytest.raises(ValueError, match="server"):
        run_beside(waiting, work)
    assert done == ["work"]


def test_run_beside_raises_the_works_error_only_after_the_waiting_one_ended() -> None:
    done: list[str] = []

    def waiting() -> None:
        time.sleep(0.1)
        done.append("waiting")

    def work() -> None:
        raise KeyError("laptop")

    with pytest.raises(KeyError, match="laptop"):
        run_beside(waiting, work)
    assert done == ["waiting"]


# -- the sync --------------------------------------------------------------------------------------------------


def _edited(laptop: Laptop) -> uuid.UUID:
    """An event with people, synced, then every registration and the event edited (two tables to push)."""
    ev = event_with_people(laptop, 12)
    laptop.sync()

    def edit(s: Session) -> None:
        update_event(s, ev, venue="Rathaus, Saal 2")
        register(s, ev, ContactInput(email="neu@kiel.example", first_name="Nora", last_name="Neu"))

    laptop.do(edit)
    return ev


def _shadow_count(laptop: Laptop) -> int:
    conn = sqlite3.connect(laptop.path)
    try:
        return int(conn.execute("SELECT count(*) FROM sync_shadow WHERE table_name NOT LIKE 'push:%'").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("overlap", [True, False])
def test_bookkeeping_becomes_visible_only_with_the_servers_commit(
        laptops: Laptops, remote: str, overlap: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """At every point before the sync's end another connection (the window's) sees the rows still marked and the
    old shadows; afterwards all of it at once. ``overlap=False``: a push above ``OVERLAP_PUSH_ROWS``, written
    after the server's commit."""
    if not overlap:
        monkeypatch.setattr(engine, "OVERLAP_PUSH_ROWS", 0)
    a = laptops("a")
    _edited(a)
    pending, shadows = a.status().pending, _shadow_count(a)
    assert pending >= 3
    seen: dict[str, tuple[int, int]] = {}

    def look(name: str) -> None:
        if name.startswith("pushed") or name == "committed":
            seen[name] = (a.status().pending, _shadow_count(a))

    result = a.sync(checkpoint=look)
    assert result.pushed == pending
    assert {"pushed", "committed"} <= set(seen) and len(seen) >= 4  # at least two tables pushed
    assert set(seen.values()) == {(pending, shadows)}
    assert a.status().pending == 0 and _shadow_count(a) == shadows + 2  # the new contact's and registration's
    assert a.dump() == server_dump(remote)


def test_a_laptop_that_cannot_write_its_bookkeeping_commits_nothing_on_the_server(
        laptops: Laptops, remote: str) -> None:
    """The window holds the laptop's write lock from the first table's push on: the bookkeeping cannot be written,
    the sync ends with the German message, the server rolls back (the other laptop gets nothing), the rows stay
    marked; the next sync pushes them all."""
    a, b = laptops("a"), laptops("b")
    _edited(a)
    b.sync()
    before = server_dump(remote)
    pending = a.status().pending
    window: list[sqlite3.Connection] = []

    def lock(name: str) -> None:
        if name.startswith("pushed:") and not window:
            conn = sqlite3.connect(a.path, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            window.append(conn)

    try:
        with busy_timeout(100), pytest.raises(SyncError, match="beschäftigt"):
            a.sync(checkpoint=lock)
    finally:
        for conn in window:
            conn.rollback()
            conn.close()
    assert window  # the lock was taken before the last table's push
    assert server_dump(remote) == before
    assert b.sync().pulled == 0
    assert a.status().pending == pending
    assert a.sync().pushed == pending
    assert b.sync().pulled == pending
    assert a.dump() == server_dump(remote) == b.dump()


def test_a_push_of_one_table_overlaps_its_bookkeeping_too(laptops: Laptops, remote: str) -> None:
    """The only table is the last one: its bookkeeping is written beside it, and the sync's points are as before."""
    a = laptops("a")
    ev = a.do(lambda s: create_event(s, title="Netzwerktreffen", starts_at=future(), ends_at=future(hour=12)).id)
    a.sync()
    a.do(lambda s: update_event(s, ev, venue="Zoom"))
    names: list[str] = []
    assert a.sync(checkpoint=names.append).pushed == 1
    assert names == ["pulled", "pushed:event", "pushed", "committed"]
    assert a.status().pending == 0 and a.dump() == server_dump(remote)

