"""A sync cut off for real: the process killed (SIGKILL) in the middle of its push, before and after the server's
commit, and its PostgreSQL connection dropped by the server (pg_terminate_backend). Running the sync again
brings every side to the same state: nothing lost, nothing twice."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sync_helpers import Laptop, future, server_dump

from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.registrations import cancel, register
from odn_desktop.store.models import Event, Registration
from odn_desktop.sync import engine
from odn_desktop.sync.tables import BY_NAME

CHILD = Path(__file__).with_name("sync_child.py")
Laptops = Callable[[str], Laptop]


def _start_child(laptop: Laptop, point: str, marker: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(CHILD), str(laptop.path), laptop.remote, point, str(marker)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(marker: Path, child: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if child.poll() is not None:
            raise AssertionError(f"the sync ended before its checkpoint: {child.communicate()}")
        if time.monotonic() > deadline:
            child.kill()
            raise AssertionError("the sync never reached its checkpoint")
        time.sleep(0.02)


def _scenario(laptops: Laptops) -> tuple[Laptop, Laptop, uuid.UUID]:
    a, b = laptops("a"), laptops("b")

    def setup(s: Session) -> uuid.UUID:
        ev = create_event(s, title="Netzwerktreffen", starts_at=future(), ends_at=future(hour=12), capacity=20).id
        for i in range(15):
            register(s, ev, ContactInput(email=f"a{i}@kiel.example", first_name="Anna", last_name=f"A{i}"))
        return ev

    ev = a.do(setup)
    a.sync()
    b.sync()

    def edits(s: Session) -> None:
        update_event(s, ev, title="Geändert auf B")
        for i in range(10):
            register(s, ev, ContactInput(email=f"b{i}@ulm.example", first_name="Bernd", last_name=f"B{i}"))

    b.do(edits)
    return a, b, ev


def _live(laptop: Laptop, ev: uuid.UUID) -> int:
    return len(laptop.do(lambda s: s.scalars(select(Registration).where(
        Registration.event_id == ev, Registration.deleted_at.is_(None))).all()))


def _staged(laptop: Laptop) -> list[Any]:
    """What is left of the record of a push in flight (``sync_shadow`` under ``push:…``, ``push_seq``)."""
    with laptop.db.engine.connect() as conn:
        return [*conn.execute(text("SELECT table_name FROM sync_shadow WHERE table_name LIKE 'push:%'")),
                *conn.execute(text("SELECT value FROM sync_state WHERE key = 'push_seq'"))]


def _check_converged(remote: str, a: Laptop, b: Laptop, ev: uuid.UUID) -> None:
    a.sync()
    expected = server_dump(remote)
    assert a.dump() == expected and b.dump() == expected
    assert a.status().pending == 0 and b.status().pending == 0
    assert _staged(a) == [] and _staged(b) == []
    assert len(expected["registration"]) == 25 and len(expected["contact"]) == 25  # nothing twice
    assert _live(a, ev) == 25


@pytest.mark.parametrize("point", ["pushed:registration", "committed"])
def test_sync_killed_mid_way_and_run_again(laptops: Laptops, remote: str, tmp_path: Path, point: str) -> None:
    a, b, ev = _scenario(laptops)
    before = server_dump(remote)
    marker = tmp_path / "paused"
    child = _start_child(b, point, marker)
    _wait_for(marker, child)
    child.kill()  # SIGKILL: no clean-up of any kind
    child.wait(timeout=30)
    child.communicate()
    after_kill = server_dump(remote)
    assert _staged(b) != []  # the push was written down before it went to the server
    if point == "committed":
        assert len(after_kill["registration"]) == 25  # the server has it; the laptop does not know yet
        assert b.status().pending > 0
    else:
        assert after_kill == before  # rolled back: not a single row of the push arrived
    result = b.sync()
    assert result.conflicts == []
    _check_converged(remote, a, b, ev)


@pytest.mark.parametrize("remote", ["postgresql"], indirect=True)  # a shared file has no connection to drop
def test_connection_dropped_by_the_server_mid_way(laptops: Laptops, remote: str, tmp_path: Path) -> None:
    import psycopg

    a, b, ev = _scenario(laptops)
    before = server_dump(remote)
    marker = tmp_path / "paused"
    child = _start_child(b, "pushed", marker)
    _wait_for(marker, child)
    dsn = remote.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        killed = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'odn-desktop sync' "
            "AND datname = current_database()").fetchall()
    assert killed == [(True,)]
    marker.unlink()  # let the child go on: its commit meets a dead connection
    out, err = child.communicate(timeout=60)
    assert child.returncode == 2, (out, err)
    assert "Verbindung zum Server ist während des Abgleichs abgebrochen" in err
    assert "Es ging nichts verloren" in err
    assert server_dump(remote) == before
    b.do(lambda s: update_event(s, ev, venue="Zoom"))  # work goes on offline
    assert b.sync().conflicts == []
    _check_converged(remote, a, b, ev)


@pytest.mark.parametrize("edit_after_kill", [False, True], ids=["untouched", "edited-after-kill"])
def test_own_push_recognised_after_a_kill_and_a_colleagues_later_edits_merge(
        laptops: Laptops, remote: str, tmp_path: Path, edit_after_kill: bool) -> None:
    """A's sync dies right after the server's commit; B then edits the very rows A had pushed. A's re-run takes
    its own push as already sent: B's later edits arrive as plain remote changes, no conflict, nothing undone."""
    a, b = laptops("a"), laptops("b")

    def setup(s: Session) -> tuple[uuid.UUID, uuid.UUID]:
        ev = create_event(s, title="Netzwerktreffen", starts_at=future(), ends_at=future(hour=12), capacity=20).id
        register(s, ev, ContactInput(email="bea@kiel.example", first_name="Bea", last_name="Berg"))
        r = register(s, ev, ContactInput(email="rita@kiel.example", first_name="Rita", last_name="Rau"))
        return ev, r.registration.id

    ev, r = a.do(setup)
    a.sync()
    b.sync()

    def a_edits(s: Session) -> None:
        update_event(s, ev, title="X")
        cancel(s, r)

    a.do(a_edits)
    marker = tmp_path / "paused"
    child = _start_child(a, "committed", marker)
    _wait_for(marker, child)
    child.kill()  # after the server's commit, before A wrote down that its push arrived
    child.wait(timeout=30)
    child.communicate()
    assert _event_title(server_dump(remote), ev) == "X"

    assert b.sync().conflicts == []  # B gets A's push
    assert _status(b, r) == "cancelled"

    def b_edits(s: Session) -> None:
        update_event(s, ev, title="Y")
        register(s, ev, ContactInput(email="rita@kiel.example", first_name="Rita", last_name="Rau"))

    b.do(b_edits)
    assert b.sync().conflicts == []
    if edit_after_kill:
        a.do(lambda s: update_event(s, ev, venue="Zoom"))  # another field, edited on A before the re-run

    again = a.sync()
    assert again.conflicts == [] and again.new_conflicts == 0
    assert again.pushed == (1 if edit_after_kill else 0)  # A's push is not sent a second time
    assert a.status().pending == 0
    assert _event_title(a.dump(), ev) == "Y"
    assert _status(a, r) == "registered"
    on_server = server_dump(remote)
    assert _event_title(on_server, ev) == "Y"
    b.sync()
    assert a.dump() == on_server == b.dump()
    assert _status(b, r) == "registered"
    venue = a.do(lambda s: s.get_one(Event, ev).venue)
    assert venue == ("Zoom" if edit_after_kill else "")


def _event_title(dump: dict[str, list[tuple[Any, ...]]], ev: uuid.UUID) -> Any:
    cols = [c for c in BY_NAME["event"].columns if c != "updated_at"]
    [row] = [r for r in dump["event"] if str(r[0]).replace("-", "") == ev.hex]
    return row[cols.index("title")]


def _status(laptop: Laptop, registration_id: uuid.UUID) -> str:
    return str(laptop.do(lambda s: s.get_one(Registration, registration_id).status))


class _CutOffError(Exception):
    pass


def _cut_after_commit(name: str) -> None:
    if name == "committed":
        raise _CutOffError(name)


def test_an_open_conflict_survives_a_push_cut_off_after_the_commit(laptops: Laptops, remote: str) -> None:
    """The row pushed with an open conflict (the server's title masked in) stays marked after the recovery: the
    conflict stays open, the colleague's later edit of another field merges, the decision still reaches everyone."""
    a, b = laptops("a"), laptops("b")
    ev = a.do(lambda s: create_event(s, title="Netzwerktreffen", starts_at=future(), ends_at=future(hour=12)).id)
    a.sync()
    b.sync()
    a.do(lambda s: update_event(s, ev, title="Titel von A"))
    b.do(lambda s: update_event(s, ev, title="Titel von B"))
    b.sync()
    [conflict] = a.sync().conflicts
    a.do(lambda s: update_event(s, ev, venue="Zoom"))
    with pytest.raises(_CutOffError):
        a.sync(checkpoint=_cut_after_commit)
    b.sync()
    b.do(lambda s: update_event(s, ev, description="Mit Pause"))
    b.sync()
    again = a.sync()
    assert [c.conflict_id for c in again.conflicts] == [conflict.conflict_id] and again.new_conflicts == 0
    assert again.pushed == 0 and a.status().pending == 1  # the title still waits for the decision
    event = a.do(lambda s: s.get_one(Event, ev))
    assert (event.title, event.venue, event.description) == ("Titel von A", "Zoom", "Mit Pause")
    engine.resolve(a.db, conflict.conflict_id, "local")
    assert a.sync().pushed == 1
    b.sync()
    assert a.dump() == server_dump(remote) == b.dump()
    assert _event_title(b.dump(), ev) == "Titel von A"
    assert _staged(a) == []
