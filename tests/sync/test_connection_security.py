"""The password and the data reach a PostgreSQL server on another computer only over TLS; a server on this computer
(the tests' own) is connected to as configured. Nothing here connects anywhere but loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from postgres_server import TempPostgres

from odn_desktop.sync.server import (
    CA_FILE_ENV_VAR,
    Server,
    SyncError,
    TlsFailedError,
    Transport,
    connection_security,
    parse_remote,
)


@pytest.fixture(autouse=True)
def no_libpq_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (CA_FILE_ENV_VAR, "PGHOST", "PGHOSTADDR", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def ca_file(tmp_path: Path) -> Path:
    path = tmp_path / "team-ca.pem"
    path.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")  # only its path matters here
    return path


@pytest.mark.parametrize("remote", [
    "postgresql://odn@127.0.0.1:5432/team", "postgresql://odn@localhost/team", "postgresql://odn@[::1]:5433/team",
    "postgresql://odn@127.0.0.2/team", "postgresql:///team", "postgresql://odn@/team?host=/var/run/postgresql",
    "postgresql://odn@localhost/team?hostaddr=127.0.0.1", "postgresql://odn@localhost/team?sslmode=disable",
])
def test_a_server_on_this_computer_is_connected_to_as_configured(remote: str, ca_file: Path) -> None:
    for ca in (None, str(ca_file)):
        security = connection_security(parse_remote(remote), ca)
        assert security.transport is Transport.LOCAL
        assert security.parameters == {}
        assert not security.encrypted


@pytest.mark.parametrize("remote", [
    "postgresql://odn@db.team.example/team", "postgresql://odn@10.0.0.5:5432/team",
    "postgresql://odn@db.team.example/team?sslmode=require", "postgresql://odn@localhost.team.example/team",
    "postgresql://odn@db.team.example/team?hostaddr=127.0.0.1",  # the name still goes into the certificate check
    "postgresql://odn@localhost/team?hostaddr=10.0.0.5",  # ... and the address is where the password goes
    "postgresql://odn@/team?service=team",  # a service file may name any host
])
def test_a_server_elsewhere_needs_tls(remote: str) -> None:
    security = connection_security(parse_remote(remote))
    assert security.transport is Transport.TLS
    assert security.parameters == {"sslmode": "require"}
    assert security.encrypted


def test_without_a_host_in_the_address_libpq_takes_pghost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGHOST", "db.team.example")
    assert connection_security(parse_remote("postgresql:///team")).transport is Transport.TLS
    monkeypatch.setenv("PGHOST", "localhost")
    assert connection_security(parse_remote("postgresql:///team")).transport is Transport.LOCAL
    monkeypatch.setenv("PGHOSTADDR", "10.0.0.5")
    assert connection_security(parse_remote("postgresql:///team")).transport is Transport.TLS


def test_a_ca_file_checks_the_servers_certificate_and_name(
        ca_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = parse_remote("postgresql://odn@db.team.example/team")
    expected = {"sslmode": "verify-full", "sslrootcert": str(ca_file.resolve())}
    assert connection_security(url, str(ca_file)).parameters == expected
    monkeypatch.setenv(CA_FILE_ENV_VAR, str(ca_file))
    security = connection_security(url)
    assert (security.transport, security.parameters) == (Transport.TLS_VERIFIED, expected)
    verify_ca = connection_security(parse_remote("postgresql://odn@db.team.example/team?sslmode=verify-ca"))
    assert verify_ca.parameters["sslmode"] == "verify-ca"  # what the address asks for, when it checks too


def test_an_address_that_brings_its_own_verification_keeps_it() -> None:
    security = connection_security(parse_remote("postgresql://odn@db.team.example/team?sslmode=verify-full"))
    assert (security.transport, security.parameters) == (Transport.TLS_VERIFIED, {"sslmode": "verify-full"})


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer"])
def test_an_address_asking_for_less_than_tls_to_another_computer_is_refused(mode: str) -> None:
    with pytest.raises(SyncError, match=f"muss verschlüsselt sein. sslmode={mode} ist nur für einen Server auf "
                                        "diesem Rechner möglich"):
        connection_security(parse_remote(f"postgresql://odn@db.team.example/team?sslmode={mode}"))


def test_a_missing_ca_file_is_said_in_german(tmp_path: Path) -> None:
    with pytest.raises(SyncError, match=r"CA-Datei .* wurde nicht gefunden"):
        connection_security(parse_remote("postgresql://odn@db.team.example/team"), str(tmp_path / "fehlt.pem"))


def test_a_shared_sqlite_file_has_no_database_connection(tmp_path: Path) -> None:
    security = connection_security(parse_remote(str(tmp_path / "team.sqlite")))
    assert (security.transport, security.parameters) == (Transport.FILE, {})


@pytest.mark.parametrize("with_ca", [False, True])
def test_a_server_without_tls_is_refused_for_another_computers_name(
        postgres: TempPostgres, ca_file: Path, monkeypatch: pytest.MonkeyPatch, with_ca: bool) -> None:
    """The server's name is remote, its address (hostaddr) the tests' own server on loopback, which has no TLS:
    the connection is refused instead of sending the password in clear."""
    if with_ca:
        monkeypatch.setenv(CA_FILE_ENV_VAR, str(ca_file))
    server = Server(parse_remote(f"postgresql://odn@db.team.example:{postgres.port}/postgres?hostaddr=127.0.0.1"))
    try:
        with pytest.raises(TlsFailedError, match=r"Die verschlüsselte Verbindung \(TLS\)"):
            server.ensure_schema()
    finally:
        server.close()
    local = Server(parse_remote(postgres.url("postgres")))  # the same server by its loopback address: as before
    try:
        with local.connect() as conn:
            assert conn.exec_driver_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar() is False
    finally:
        local.close()
