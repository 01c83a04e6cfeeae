"""Sync fixtures: a real PostgreSQL server started by the tests themselves, a fresh database per test, and
"laptops" (separate local SQLite files edited through the services, as the GUI would).

Every sync test runs twice: against PostgreSQL and against a shared SQLite file (``remote`` is parametrised).
Without PostgreSQL's binaries (``scripts/setup-system.sh --test`` installs them) the PostgreSQL half is skipped
with a message saying so, and fails in CI (``CI=true``); nothing is skipped silently.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from postgres_server import TempPostgres, find_bindir
from sync_helpers import Laptop, MemoryKeyring

from external_programs import missing
from odn_desktop.store.open import open_database
from odn_desktop.sync.server import Server, parse_remote


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """No sync test reads or writes the OS keyring of the machine running it."""
    import keyring

    monkeypatch.delenv("ODN_SYNC_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def postgres() -> Iterator[TempPostgres]:
    bindir = find_bindir()
    if bindir is None:
        missing("PostgreSQL is not installed (initdb/pg_ctl/postgres not found; "
                "run scripts/setup-system.sh --test or set ODN_PG_BINDIR)")
    server = TempPostgres(bindir).start()
    try:
        template = "odn_template"
        server.admin(f'CREATE DATABASE "{template}" TEMPLATE template0')
        pg = Server(parse_remote(server.url(template)))
        pg.ensure_schema()  # every test database starts with the migrated (but unused) shared schema
        pg.close()
        server.template = template  # type: ignore[attr-defined]
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["postgresql", "sqlite"])
def remote(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The shared database's URL: a fresh PostgreSQL database, or an SQLite file "on the network share"."""
    if request.param == "sqlite":
        share = tmp_path / "netzlaufwerk"
        share.mkdir()
        yield f"sqlite:///{share / 'team.sqlite'}"
        return
    server: TempPostgres = request.getfixturevalue("postgres")
    name = server.create_database(template=server.template)  # type: ignore[attr-defined]
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


@pytest.fixture(scope="session")
def migrated_laptop_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "laptop.sqlite"
    open_database(path).close()
    return path


@pytest.fixture
def laptops(tmp_path: Path, remote: str, migrated_laptop_file: Path) -> Iterator[Callable[[str], Laptop]]:
    made: list[Laptop] = []

    def make(name: str) -> Laptop:
        path = tmp_path / f"laptop-{name}.sqlite"
        shutil.copy(migrated_laptop_file, path)
        laptop = Laptop(name, path, remote)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()
