"""The mail and privacy commands: drafts, sending through a real SMTP server, anonymise, export, delete."""

from __future__ import annotations

import json
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from mail_smtp_server import SmtpServer, free_port, smtp_server
from odn_desktop.cli import mail as cli_mail
from odn_desktop.cli import main
from odn_desktop.exchange.mail_templates import TEMPLATE_NAMES

LINK = "https://zoom.example/j/2021"


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Any:
    code, out, err = run(capsys, db, *args, "--json")
    assert code in (0, 1), err
    return json.loads(out)


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cli_mail, "DEFAULT_PAUSE", 0.0)
    monkeypatch.setenv("ODN_ORGANIZER_NAME", "Koordination Open-Data-Netzwerktreffen")
    monkeypatch.setenv("ODN_ORGANIZER_EMAIL", "koordination@difu.example")
    monkeypatch.delenv("ODN_SMTP_PASSWORD", raising=False)
    assert run(capsys, db_path, "demo")[0] == 0
    assert run(capsys, db_path, "events", "update", "--event", "2021-12-02", "--online-url", LINK)[0] == 0
    return db_path


def registered(capsys: pytest.CaptureFixture[str], db: Path, status: str = "registered") -> list[dict[str, Any]]:
    rows = run_json(capsys, db, "registrations", "list", "--event", "2021-12-02")
    return [r for r in rows if r["status"] == status]


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as srv:
        yield srv


def test_template_names_match_the_templates() -> None:
    assert cli_mail.TEMPLATES == TEMPLATE_NAMES


def test_mail_drafts_writes_one_eml_per_registered_person(capsys: pytest.CaptureFixture[str], demo: Path,
                                                          tmp_path: Path) -> None:
    people = registered(capsys, demo)
    folder = tmp_path / "Entwürfe"
    code, out, err = run(capsys, demo, "mail", "drafts", "--event", "2021-12-02", "--template", "access_link",
                         "-o", str(folder))
    assert code == 0, err
    assert f"{len(people)} Entwürfe (Zugangslink mit Einladung) gespeichert" in out
    files = sorted(folder.glob("*.eml"))
    assert len(files) == len(people)
    recipients = set()
    for path in files:
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        recipients.add(msg["To"].addresses[0].addr_spec)
        assert msg["X-Unsent"] == "1"
        assert msg["Subject"] == "Zugangslink: Open-Data-Netzwerktreffen am 02.12.2021"
        body = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert body.startswith(("Sehr geehrte Frau ", "Sehr geehrter Herr ", "Guten Tag "))
        assert LINK in body
        cal = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
        assert cal.get_param("method") == "REQUEST"
        assert msg["From"].addresses[0].addr_spec == "koordination@difu.example"  # the coordinator, no placeholder
        (vevent,) = Calendar.from_ical(cal.get_payload(decode=True)).walk("VEVENT")
        assert str(vevent["ORGANIZER"]) == "mailto:koordination@difu.example"
        assert vevent["ORGANIZER"].params["CN"] == "Koordination Open-Data-Netzwerktreffen"
    assert recipients == {p["email"] for p in people}
    assert not recipients & {p["email"] for p in registered(capsys, demo, "cancelled")}


def test_mail_send_records_a_refused_recipient_and_a_second_run_retries_only_it(
        capsys: pytest.CaptureFixture[str], demo: Path, server: SmtpServer) -> None:
    people = registered(capsys, demo)
    refused = people[0]["email"]
    server.handler.refused.add(refused)
    report = run_json(capsys, demo, "mail", "send", "--event", "2021-12-02", "--template", "reminder",
                      "--smtp", server.address)
    assert report["sent"] == len(people) - 1 and report["failed"] == 1
    [failed] = [r for r in report["results"] if r["result"] == "failed"]
    assert failed["email"] == refused and failed["detail"].startswith("Empfänger abgelehnt: 550")
    assert len(server.handler.received) == len(people) - 1

    server.handler.refused.clear()
    code, out, err = run(capsys, demo, "mail", "send", "--event", "2021-12-02", "--template", "reminder",
                         "--smtp", server.address)
    assert code == 0, err
    assert f"Erinnerung: 1 versendet, {len(people) - 1} Personen übersprungen." in out
    assert server.handler.recipients().count(refused) == 1
    assert len(server.handler.received) == len(people)


def test_mail_send_exit_status_when_a_recipient_fails(capsys: pytest.CaptureFixture[str], demo: Path,
                                                      server: SmtpServer) -> None:
    server.handler.refused.add(registered(capsys, demo)[0]["email"])
    code, out, err = run(capsys, demo, "mail", "send", "--event", "2021-12-02", "--template", "reminder",
                         "--smtp", server.address)  # (the demo's access links count as sent: confirmed drafts)
    assert code == 1
    assert "fehlgeschlagen: " in out and "550" in out
    assert err.startswith("1 Empfänger:in fehlgeschlagen. Ein erneuter Aufruf sendet nur an sie")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--template", "access_link", "--smtp", "nohost"], "HOST:PORT"),
        (["--template", "cancellation", "--smtp", "127.0.0.1:25"], "nicht abgesagt"),
        (["--template", "reminder", "--smtp", "smtp.example:587", "--user", "k@difu.example"], "Klartext"),
        (["--template", "reminder", "--smtp", "smtp.example:587", "--starttls", "--user", "k@difu.example"],
         "kein Passwort"),
    ],
)
def test_mail_send_user_errors(capsys: pytest.CaptureFixture[str], demo: Path, args: list[str],
                               message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())  # headless: no keyring, no password in the environment
    try:
        code, _out, err = run(capsys, demo, "mail", "send", "--event", "2021-12-02", *args)
    finally:
        keyring.set_keyring(previous)
    assert code == 2 and message in err, err


def test_mail_send_to_an_unreachable_server(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    code, _out, err = run(capsys, demo, "mail", "send", "--event", "2021-12-02", "--template", "reminder",
                          "--smtp", f"127.0.0.1:{free_port()}")
    assert code == 2 and "nicht erreichbar" in err


def test_mail_needs_a_known_template_and_a_sender(capsys: pytest.CaptureFixture[str], demo: Path,
                                                  server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(capsys, demo, "mail", "drafts", "--event", "2021-12-02", "--template", "einladung", "-o", "x")
    assert exit_.value.code == 2 and "ungültiger Aufruf" in capsys.readouterr().err
    monkeypatch.delenv("ODN_ORGANIZER_EMAIL")
    code, _out, err = run(capsys, demo, "mail", "send", "--event", "2021-12-02", "--template", "reminder",
                          "--smtp", server.address)
    assert code == 2 and "Absenderadresse" in err
    assert server.handler.received == []


@pytest.mark.parametrize("missing", ["ODN_ORGANIZER_NAME", "ODN_ORGANIZER_EMAIL"])
def test_mail_drafts_refuse_without_the_coordinator(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch, missing: str) -> None:
    monkeypatch.delenv(missing)
    folder = tmp_path / "Entwürfe"
    code, out, err = run(capsys, demo, "mail", "drafts", "--event", "2021-12-02", "--template", "access_link",
                         "-o", str(folder))
    assert code == 2 and out == ""
    assert "ODN_ORGANIZER_NAME und ODN_ORGANIZER_EMAIL setzen" in err
    assert not folder.exists()


def test_mail_send_needs_the_coordinators_name_even_with_an_address_as_user(
        capsys: pytest.CaptureFixture[str], demo: Path, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ODN_ORGANIZER_NAME")
    monkeypatch.delenv("ODN_ORGANIZER_EMAIL")
    monkeypatch.setenv("ODN_SMTP_PASSWORD", "geheim")
    code, _out, err = run(capsys, demo, "mail", "send", "--event", "2021-12-02", "--template", "reminder",
                          "--smtp", server.address, "--user", "kim.schaefer@difu.example")
    assert code == 2 and "ODN_ORGANIZER_NAME" in err
    assert server.handler.received == []


def test_privacy_commands(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    person = registered(capsys, demo)[0]
    before = run_json(capsys, demo, "events", "list")

    preview = run_json(capsys, demo, "privacy", "anonymize", "--dry-run")  # the demo meetings were in 2021
    assert preview["dry_run"] and preview["months"] == 24 and preview["contacts"] > 0
    assert person["email"] in {c["email"] for c in preview["candidates"]}
    code, out, _ = run(capsys, demo, "privacy", "anonymize", "--dry-run", "--months", "600")
    assert code == 0 and "0 Kontakte mit letzter Veranstaltung" in out

    target = tmp_path / "Auskunft.xlsx"
    code, out, err = run(capsys, demo, "privacy", "export", "--email", person["email"].upper(), "-o", str(target))
    assert code == 0, err
    data = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["person"]["email"] == person["email"] and data["registrations"][0]["event_title"]
    assert target.stat().st_size > 0

    code, out, err = run(capsys, demo, "privacy", "delete", "--email", person["email"])
    assert code == 0 and out.startswith("Person gelöscht: "), err
    assert "nachgerückt" not in out  # both demo meetings lie in the past: nobody moves up into them
    code, _out, err = run(capsys, demo, "privacy", "delete", "--email", person["email"])
    assert code == 2 and "keine Person" in err
    assert person["email"] not in {r["email"] for r in registered(capsys, demo)}
    after_delete = run_json(capsys, demo, "events", "list")

    result = run_json(capsys, demo, "privacy", "anonymize")
    assert result["contacts"] == preview["contacts"] - 1 and "candidates" not in result  # no names in the result
    assert run_json(capsys, demo, "events", "list") == after_delete  # anonymising keeps every count
    dec_before, dec_after = (next(e for e in rows if e["starts_at"].startswith("2021-12-02"))
                             for rows in (before, after_delete))
    assert dec_after["registered"] == dec_before["registered"] - 1
    with pytest.raises(SystemExit) as exit_:
        run(capsys, demo, "privacy", "anonymize", "--months", "0")
    assert exit_.value.code == 2
