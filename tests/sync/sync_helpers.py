"""Helpers of the sync tests (not fixtures): a "laptop", dumps of every synced row, an in-memory keyring."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring.backend
from sqlalchemy import text
from sqlalchemy.orm import Session

from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database, open_database
from odn_desktop.sync import engine
from odn_desktop.sync.server import Server, parse_remote
from odn_desktop.sync.tables import SPECS


class Laptop:
    """One coordinator's computer: its own file, edited through the services, synced with ``remote``."""

    def __init__(self, name: str, path: Path, remote: str) -> None:
        self.name = name
        self.remote = remote
        self.db: Database = open_database(path)

    @property
    def path(self) -> Path:
        return self.db.path

    def sync(self, **kwargs: Any) -> engine.SyncResult:
        return engine.sync(self.db, self.remote, **kwargs)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with transaction(self.db.sessions) as session:
            yield session

    def do(self, fn: Callable[[Session], Any]) -> Any:
        with self.session() as session:
            return fn(session)

    def status(self) -> engine.SyncStatus:
        return engine.status(self.db)

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every synced row's shared content (no change marker, no sequence, no laptop clock)."""
        with self.db.engine.connect() as conn:
            return _dump(lambda sql: conn.execute(text(sql)).all(), sqlite=True)

    def close(self) -> None:
        self.db.close()


def _dump(run: Callable[[str], list[Any]], *, sqlite: bool) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    for spec in SPECS:
        cols = [c for c in spec.columns if c != "updated_at"]
        rows = run(f"SELECT {', '.join(cols)} FROM {spec.name}")
        encoded = []
        for r in rows:
            values = dict(zip(cols, r, strict=True))
            encoded.append(tuple(values[c] if sqlite else spec.encoders[c](values[c]) for c in cols))
        out[spec.name] = sorted(encoded, key=repr)
    return out


def server_dump(remote: str) -> dict[str, list[tuple[Any, ...]]]:
    server = Server(parse_remote(remote))
    try:
        with server.connect() as conn:
            return _dump(lambda sql: conn.execute(text(sql)).all(), sqlite=server.dialect == "sqlite")
    finally:
        server.close()


def future(days: int = 30, hour: int = 10) -> datetime:
    return (datetime.now(UTC) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def event_with_people(laptop: Laptop, count: int) -> uuid.UUID:
    """A meeting with two seats on ``laptop`` and ``count`` people registered for it (the rest wait)."""
    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.events import create_event
    from odn_desktop.services.registrations import register

    def run(s: Session) -> uuid.UUID:
        event_id = create_event(s, title="Netzwerktreffen", starts_at=future(30), ends_at=future(30, hour=12),
                                capacity=2).id
        for n in range(count):
            register(s, event_id, ContactInput(email=f"person{n}@example.org", first_name="Kim", last_name=f"N{n}"))
        return event_id

    return laptop.do(run)  # type: ignore[no-any-return]


def seat_given_back_while_deleted(a: Laptop, b: Laptop) -> tuple[uuid.UUID, engine.SyncResult]:
    """Round "R" (one seat) of a meeting: A gives the seat back to p3 (p7 waits again) while B deletes p3, who
    waits there. Returns the meeting and B's sync after A's, which leaves one conflict: p3's deletion. Keeping
    the server's version brings p3 back with A's seat while p7 keeps B's: R is over its limit."""
    from sqlalchemy import select

    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.events import create_event
    from odn_desktop.services.registrations import delete_registration, move_to_waiting_list, register
    from odn_desktop.services.rounds import add_round
    from odn_desktop.store.models import Contact, Registration

    def reg_id(s: Session, name: str) -> uuid.UUID:
        return s.scalars(select(Registration.id).join(Contact).where(  # type: ignore[no-any-return]
            Contact.email_normalized == f"{name}@x.example", Registration.deleted_at.is_(None))).one()

    def make(s: Session) -> uuid.UUID:
        ev = create_event(s, title="Treffen", starts_at=future(40), ends_at=future(40, hour=12), capacity=3).id
        round_id = add_round(s, ev, title="R", capacity=1).id
        for name in ("p3", "p7"):
            register(s, ev, ContactInput(email=f"{name}@x.example", last_name=name), round_id=round_id)
        move_to_waiting_list(s, reg_id(s, "p3"))  # p7 takes the seat
        return ev

    ev = a.do(make)
    a.sync()
    b.sync()
    a.do(lambda s: move_to_waiting_list(s, reg_id(s, "p7")))  # A: the seat goes back to p3
    b.do(lambda s: delete_registration(s, reg_id(s, "p3")))  # B: p3 (waiting there) is deleted
    a.sync()
    return ev, b.sync()


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring for tests: the OS keyring of the machine running them stays untouched."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)
