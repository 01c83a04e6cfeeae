"""``odn-desktop sync``: the JSON shapes of the issue, the remembered address, the password in the keyring (never
in the file), conflicts listed until ``sync resolve``, German messages with exit status 2."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.backends.fail
import pytest
from sync_helpers import Laptop, MemoryKeyring, future, seat_given_back_while_deleted

from odn_desktop.cli import main
from odn_desktop.services.events import create_event, update_event
from odn_desktop.store.models import Event
from odn_desktop.sync.credentials import KEYRING_SERVICE

Laptops = Callable[[str], Laptop]


def cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Any:
    code, out, err = cli(capsys, db, *args)
    assert code == 0, err
    return json.loads(out)


def _with_event(laptop: Laptop, title: str = "Netzwerktreffen") -> Any:
    return laptop.do(lambda s: create_event(s, title=title, starts_at=future(), ends_at=future(hour=12)).id)


def test_sync_status_and_resolve_through_the_cli(capsys: pytest.CaptureFixture[str], laptops: Laptops,
                                                 remote: str, memory_keyring: MemoryKeyring) -> None:
    a, b = laptops("a"), laptops("b")
    ev = _with_event(a)
    first = cli_json(capsys, a.path, "sync", "--remote", remote, "--json")
    assert {"pushed", "pulled", "conflicts"} <= set(first)
    assert (first["pushed"], first["pulled"], first["conflicts"]) == (1, 0, [])
    status = cli_json(capsys, a.path, "sync", "status", "--json")
    assert set(status) == {"last_sync", "pending", "conflicts"}
    assert status["pending"] == 0 and status["last_sync"].endswith(("+01:00", "+02:00"))
    cli_json(capsys, b.path, "sync", "--remote", remote, "--json")

    a.do(lambda s: update_event(s, ev, title="A sagt so"))
    b.do(lambda s: update_event(s, ev, title="B sagt anders"))
    cli_json(capsys, a.path, "sync", "--json")  # the address is remembered
    result = cli_json(capsys, b.path, "sync", "--json")
    [conflict] = result["conflicts"]
    assert conflict == {"conflict_id": conflict["conflict_id"], "table": "event", "row_id": str(ev),
                        "field": "title", "local": "B sagt anders", "remote": "A sagt so"}
    # listed until resolved, also by the next sync and in the plain text status
    assert cli_json(capsys, b.path, "sync", "status", "--json")["conflicts"] == [conflict]
    code, out, _ = cli(capsys, b.path, "sync", "status")
    assert code == 0 and f"[{conflict['conflict_id']}]" in out and "„B sagt anders“" in out
    assert cli_json(capsys, b.path, "sync", "--json")["conflicts"] == [conflict]

    code, out, _ = cli(capsys, b.path, "sync", "resolve", "--conflict", str(conflict["conflict_id"]), "--keep",
                       "local")
    assert code == 0 and "eigene Fassung behalten" in out
    assert cli_json(capsys, b.path, "sync", "status", "--json")["conflicts"] == []
    assert cli_json(capsys, b.path, "sync", "--json")["pushed"] == 1
    cli_json(capsys, a.path, "sync", "--json")
    assert a.do(lambda s: s.get(Event, ev).title) == "B sagt anders"

    code, _, err = cli(capsys, b.path, "sync", "resolve", "--conflict", str(conflict["conflict_id"]), "--keep",
                       "remote")
    assert code == 2 and "bereits gelöst" in err
    code, _, err = cli(capsys, b.path, "sync", "resolve", "--conflict", "999", "--keep", "remote")
    assert code == 2 and "gibt es nicht" in err


@pytest.mark.parametrize("as_json", [True, False])
def test_resolve_names_a_round_the_decision_puts_over_its_limit(capsys: pytest.CaptureFixture[str],
                                                                 laptops: Laptops, remote: str,
                                                                 as_json: bool) -> None:
    a, b = laptops("a"), laptops("b")
    ev, result = seat_given_back_while_deleted(a, b)
    [conflict] = result.conflicts
    args = ("sync", "resolve", "--conflict", str(conflict.conflict_id), "--keep", "remote")
    if not as_json:
        code, out, _ = cli(capsys, b.path, *args)
        assert code == 0 and out.splitlines()[1:] == [
            "Überbucht nach der Entscheidung: „Treffen“, Runde „R“: 2 Plätze vergeben bei 1 verfügbaren – über der "
            "Grenze, bis Stornierungen sie wieder darunter bringen."]
        return
    decided = cli_json(capsys, b.path, *args, "--json")
    assert decided == {**conflict.to_json(), "overbooked": [
        {"event_id": str(ev), "event_title": "Treffen", "round_id": decided["overbooked"][0]["round_id"],
         "round_title": "R", "limit": 1, "seats": 2, "forced": 0}]}
    assert decided["overbooked"][0]["round_id"] is not None


def test_first_sync_needs_an_address(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _, err = cli(capsys, db_path, "sync")
    assert code == 2 and "--remote URL" in err


def test_unreachable_server_says_so_in_german(capsys: pytest.CaptureFixture[str], db_path: Path,
                                             memory_keyring: MemoryKeyring) -> None:
    code, _, err = cli(capsys, db_path, "sync", "--remote", "postgresql://odn@127.0.0.1:9/team")
    assert code == 2
    assert err.startswith("Fehler: Der Server ist nicht erreichbar – Sie arbeiten offline weiter.")


@pytest.mark.parametrize("remote", ["postgresql"], indirect=True)  # a password only makes sense for a server
def test_password_goes_to_the_keyring_never_into_the_file(capsys: pytest.CaptureFixture[str], laptops: Laptops,
                                                          remote: str, memory_keyring: MemoryKeyring) -> None:
    a = laptops("a")
    _with_event(a)
    with_password = remote.replace("odn@", "odn:Geheim%2142@")  # the test server trusts, but takes one
    cli_json(capsys, a.path, "sync", "--remote", with_password, "--json")
    [(service, _user)] = memory_keyring.entries
    assert service == KEYRING_SERVICE and list(memory_keyring.entries.values()) == ["Geheim!42"]
    conn = sqlite3.connect(a.path)
    stored = dict(conn.execute("SELECT key, value FROM sync_state").fetchall())
    dump = "\n".join(conn.iterdump())
    conn.close()
    assert stored["remote_url"] == remote  # without the password
    assert "Geheim" not in dump and "Geheim" not in a.path.read_bytes().decode("latin-1")
    _with_event(a, "Zweites")
    assert cli_json(capsys, a.path, "sync", "--json")["pushed"] == 1  # remembered address + keyring password


@pytest.mark.parametrize("remote", ["postgresql"], indirect=True)
def test_without_a_keyring_the_password_is_not_stored_and_the_user_is_told(
        capsys: pytest.CaptureFixture[str], laptops: Laptops, remote: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ODN_SYNC_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        a = laptops("a")
        _with_event(a)
        code, out, err = cli(capsys, a.path, "sync", "--remote", remote.replace("odn@", "odn:geheim@"), "--json")
        assert code == 0, err
        assert "keinen Schlüsselbund" in err and "ODN_SYNC_PASSWORD" in err
        assert json.loads(out)["pushed"] == 1
        monkeypatch.setenv("ODN_SYNC_PASSWORD", "geheim")
        assert cli(capsys, a.path, "sync")[0] == 0
    finally:
        keyring.set_keyring(previous)
