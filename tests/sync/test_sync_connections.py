"""A sync opens one connection to PostgreSQL, whatever it does: over a network each connect is a round trip or
more (with TLS several), and the steps of one run (schema check, position, the locked pull and push) share it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sync_helpers import Laptop, event_with_people

Laptops = Callable[[str], Laptop]


@pytest.fixture
def server_connects() -> Iterator[list[str]]:
    """The database names of every new PostgreSQL connection any engine opens meanwhile."""
    seen: list[str] = []

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        info = getattr(dbapi_connection, "info", None)  # psycopg's ConnectionInfo; SQLite has none
        if info is not None and hasattr(info, "dbname"):
            seen.append(info.dbname)

    event.listen(Engine, "connect", on_connect)
    yield seen
    event.remove(Engine, "connect", on_connect)


@pytest.mark.parametrize("remote", ["postgresql"], indirect=True)
def test_a_sync_connects_to_the_server_once(laptops: Laptops, remote: str, server_connects: list[str]) -> None:
    a, b = laptops("a"), laptops("b")
    event_with_people(a, 3)
    a.sync()  # creates the schema's state, pushes
    assert len(server_connects) == 1
    server_connects.clear()
    b.sync()  # a first pull, with the seat rule and a push of nothing
    assert len(server_connects) == 1
    event_with_people(b, 2)
    server_connects.clear()
    b.sync()  # a push
    a.sync()  # a pull
    a.sync()  # nothing to do
    assert len(server_connects) == 3
    assert set(server_connects) == {remote.rsplit("/", 1)[1]}
