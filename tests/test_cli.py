"""The CLI contract: JSON shapes, German user errors with exit status 2, nothing changed on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from odn_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Any:
    code, out, err = run(capsys, db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_demo_then_events_list_shows_the_announced_meeting(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    assert run(capsys, db_path, "demo")[0] == 0
    events = run_json(capsys, db_path, "events", "list")
    dec = next(e for e in events if e["starts_at"] == "2021-12-02T10:00:00+01:00")
    assert dec["ends_at"] == "2021-12-02T11:30:00+01:00"
    assert dec["title"] == "Open-Data-Netzwerktreffen"
    assert dec["series"] == "Open Data in Kommunen – Netzwerktreffen"
    assert dec["registration_deadline"].startswith("2021-12-01T23:59:59+01:00")
    assert dec["speakers"] == ["Claus Arndt", "Sabine Manz"]
    assert dec["format"] == "online"
    assert dec["seat_status"] == "Freie Plätze verfügbar"
    limit = dec["capacity"] + dec["capacity"] * dec["overbooking"] // 100
    assert dec["free_seats"] == max(0, limit - dec["registered"])
    regs = run_json(capsys, db_path, "registrations", "list", "--event", "2021-12-02")
    assert sum(r["status"] == "registered" for r in regs) == dec["registered"]
    assert sum(r["status"] == "waiting" for r in regs) == dec["waiting"]
    assert {"id", "first_name", "last_name", "email", "organisation", "status", "waitlist_position", "late",
            "registered_at", "attended", "attended_minutes"} <= set(regs[0])


def test_demo_twice_adds_nothing(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, db_path, "demo")
    first = run_json(capsys, db_path, "events", "list")
    code, out, _ = run(capsys, db_path, "demo")
    assert code == 0 and "nichts hinzugefügt" in out
    assert run_json(capsys, db_path, "events", "list") == first


def test_create_update_register_cancel_roundtrip(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    event = run_json(
        capsys, db_path, "events", "create", "--title", "Netzwerktreffen Sommer", "--starts-at", "2027-06-10T10:00",
        "--ends-at", "2027-06-10T11:30", "--capacity", "1", "--registration-deadline", "2027-06-09",
        "--series", "Open Data in Kommunen – Netzwerktreffen", "--online-url", "https://zoom.example/j/42",
    )
    assert event["starts_at"] == "2027-06-10T10:00:00+02:00"  # summer time
    assert event["registration_deadline"] == "2027-06-09T23:59:59+02:00"
    assert event["seat_status"] == "Nur noch wenige Plätze"  # one seat of one
    first = run_json(capsys, db_path, "registrations", "add", "--event", event["id"], "--first-name", "Jürgen",
                     "--last-name", "Groß", "--email", "J.Gross@Stadt.example", "--organisation", "Stadt Gießen")
    assert first["status"] == "registered"
    second = run_json(capsys, db_path, "registrations", "add", "--event", "2027-06-10", "--first-name", "Kim",
                      "--last-name", "Schäfer", "--email", "kim@kreis.example")
    assert (second["status"], second["waitlist_position"]) == ("waiting", 1)
    listed = run_json(capsys, db_path, "events", "list")
    assert (listed[0]["registered"], listed[0]["waiting"], listed[0]["free_seats"]) == (1, 1, 0)
    assert listed[0]["seat_status"] == "Ausgebucht – Warteliste"
    result = run_json(capsys, db_path, "registrations", "cancel", "--event", "2027-06-10", "--email",
                      " j.gross@stadt.EXAMPLE ")
    assert [p["email"] for p in result["promoted"]] == ["kim@kreis.example"]
    updated = run_json(capsys, db_path, "events", "update", "--event", event["id"], "--capacity", "5",
                       "--overbooking", "20")
    assert (updated["capacity"], updated["overbooking"], updated["free_seats"]) == (5, 20, 5)
    code, out, _ = run(capsys, db_path, "events", "cancel", "--event", event["id"])
    assert code == 0 and "abgesagt" in out
    assert run_json(capsys, db_path, "events", "list")[0]["status"] == "cancelled"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "update", "--event", "1999-01-01", "--capacity", "3"], "keine Veranstaltung"),
        (["events", "update", "--event", "2021-12-02", "--capacity", "-4"], "negativ"),
        (["events", "update", "--event", "2021-12-02", "--starts-at", "morgen früh"], "Ungültiges Datum"),
        (["registrations", "add", "--event", "2021-12-02", "--first-name", "A", "--last-name", "B",
          "--email", "kaputt"], "ungültig"),
        (["registrations", "add", "--event", "2021-12-02", "--first-name", "A", "--last-name", "B",
          "--email", "spaet@example.org"], "bereits stattgefunden"),
        (["registrations", "cancel", "--event", "2021-12-02", "--email", "niemand@example.org"], "keine Anmeldung"),
        (["events", "create", "--title", "X", "--starts-at", "2027-01-01T10:00", "--ends-at",
          "2027-01-01T09:00"], "Ende"),
    ],
)
def test_user_errors_exit_2_with_a_german_message_and_change_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, args: list[str], message: str
) -> None:
    run(capsys, db_path, "demo")
    before_events = run_json(capsys, db_path, "events", "list")
    before_regs = run_json(capsys, db_path, "registrations", "list", "--event", "2021-12-02")
    code, _out, err = run(capsys, db_path, *args)
    assert code == 2
    assert err.startswith("Fehler: ") and message in err
    assert run_json(capsys, db_path, "events", "list") == before_events
    assert run_json(capsys, db_path, "registrations", "list", "--event", "2021-12-02") == before_regs


def test_late_registration_when_explicitly_allowed(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, db_path, "demo")
    row = run_json(capsys, db_path, "registrations", "add", "--event", "2021-12-02", "--first-name", "Lea",
                   "--last-name", "Spät", "--email", "lea@kommune.example", "--late")
    assert row["late"] is True


def test_speakers_list(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, db_path, "demo")
    speakers = run_json(capsys, db_path, "speakers", "list")
    assert [s["name"] for s in speakers] == ["Claus Arndt", "Sabine Manz", "Jonas Petersen", "Dr. Miriam Wiese"]
    assert speakers[1]["organisation"] == "Landeshauptstadt Düsseldorf"


def test_odn_db_environment_variable_and_entry_point(db_path: Path) -> None:
    env = {**__import__("os").environ, "ODN_DB": str(db_path)}
    done = subprocess.run([sys.executable, "-m", "odn_desktop", "demo"], env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert db_path.exists()
    done = subprocess.run([sys.executable, "-m", "odn_desktop", "--version"], capture_output=True, timeout=60)
    assert done.returncode == 0 and done.stdout.decode().startswith("odn-desktop ")
    done = subprocess.run([sys.executable, "-m", "odn_desktop", "events", "list", "--json"], env=env,
                          capture_output=True, timeout=120)
    assert json.loads(done.stdout.decode("utf-8"))[0]["series"] == "Open Data in Kommunen – Netzwerktreffen"


@pytest.mark.parametrize(
    ("day", "offset", "deadline_offset"),
    [
        ("2021-10-31", "+01:00", "+02:00"),  # clocks go back that night: the event is in winter time
        ("2021-03-28", "+02:00", "+01:00"),  # clocks go forward that night: the event is in summer time
    ],
)
def test_events_on_daylight_saving_change_days(
    capsys: pytest.CaptureFixture[str], db_path: Path, day: str, offset: str, deadline_offset: str
) -> None:
    previous = {"2021-10-31": "2021-10-30", "2021-03-28": "2021-03-27"}[day]
    event = run_json(capsys, db_path, "events", "create", "--title", "Umstellung", "--starts-at", f"{day}T10:00",
                     "--ends-at", f"{day}T11:30", "--registration-deadline", previous)
    assert event["starts_at"] == f"{day}T10:00:00{offset}"
    assert event["ends_at"] == f"{day}T11:30:00{offset}"
    assert event["registration_deadline"] == f"{previous}T23:59:59{deadline_offset}"
    # the change day itself as deadline means its end, after the start: refused, nothing changed
    code, _out, err = run(capsys, db_path, "events", "update", "--event", day, "--registration-deadline", day)
    assert code == 2
    assert "Anmeldeschluss muss vor dem Beginn" in err
    early = run_json(capsys, db_path, "events", "update", "--event", day, "--registration-deadline", f"{day}T09:00")
    assert early["registration_deadline"] == f"{day}T09:00:00{offset}"
