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

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from sync_helpers import Laptop, future, server_dump

from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.registrations import register
from odn_desktop.store.models import Registration

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


def _check_converged(remote: str, a: Laptop, b: Laptop, ev: uuid.UUID) -> None:
    a.sync()
    expected = server_dump(remote)
    assert a.dump() == expected and b.dump() == expected
    assert a.status().pending == 0 and b.status().pending == 0
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
