"""Loopback: the literal names and addresses of this computer, nothing that needs a DNS lookup."""

from __future__ import annotations

import pytest

from odn_desktop.domain.loopback import is_loopback_host


@pytest.mark.parametrize("host", ["localhost", "Localhost.", " 127.0.0.1 ", "127.3.4.5", "::1", "[::1]", "::1%lo",
                                  "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])
def test_loopback(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize("host", [None, "", "server", "db.difu.example", "localhost.difu.example", "10.1.2.3",
                                  "128.0.0.1", "0.0.0.0", "::", "fe80::1%eth0", "::ffff:10.0.0.1",
                                  "/var/run/postgresql", "127.0.0.1.nip.io"])
def test_not_loopback(host: str | None) -> None:
    assert not is_loopback_host(host)
