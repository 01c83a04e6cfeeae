"""``odn-desktop wishes list/add/plan`` through ``cli.main`` on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from odn_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    code, out, err = run(capsys, db, *args)
    assert code == 0, err
    return out


def groups(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Any:
    return json.loads(ok(capsys, db, "wishes", "list", "--json", *args))


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "wünsche.sqlite"
    for day, title in (("2031-10-07", "Auftakt"), ("2031-12-02", "Zweites Treffen")):
        ok(capsys, path, "events", "create", "--title", title, "--starts-at", f"{day}T10:00",
           "--ends-at", f"{day}T11:30", "--series", "Open Data in Kommunen")
    ok(capsys, path, "events", "create", "--title", "Fremd", "--starts-at", "2031-12-03T10:00",
       "--ends-at", "2031-12-03T11:00", "--series", "Andere Reihe")
    for n, org in enumerate(["Stadt Moers", "Kreis Wesel"]):
        ok(capsys, path, "registrations", "add", "--event", "2031-10-07", "--first-name", f"V{n}",
           "--last-name", f"N{n}", "--email", f"p{n}@kommune.example", "--organisation", org, "--late")
    return path


def test_add_list_and_plan(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    out = ok(capsys, db, "wishes", "add", "--event", "2031-10-07", "--email", "p0@kommune.example",
             "--text", "Wie die Ämter motiviert werden können, offene Daten zur Verfügung zu stellen")
    assert "in der neuen Gruppe „Wie die Ämter motiviert werden können, offene Daten zur Verfügung zu stellen“" in out
    out = ok(capsys, db, "wishes", "add", "--event", "2031-10-07", "--email", "p1@kommune.example",
             "--text", "Aemter motivieren")
    assert "in der Gruppe „Wie die Ämter" in out
    ok(capsys, db, "wishes", "add", "--event", "2031-10-07", "--email", "p1@kommune.example", "--text", "Lizenzen")

    data = groups(capsys, db, "--series", "open data in kommunen")
    assert [(g["title"][:20], g["count"], g["state"]) for g in data] == [
        ("Wie die Ämter motivi", 2, "open"), ("Lizenzen", 1, "open")]
    first = data[0]
    assert set(first) >= {"group_id", "title", "count", "wishes", "state", "planned_event"}
    assert first["planned_event"] is None
    assert [(w["email"], w["organisation"], w["event"]["title"]) for w in first["wishes"]] == [
        ("p0@kommune.example", "Stadt Moers", "Auftakt"), ("p1@kommune.example", "Kreis Wesel", "Auftakt")]

    wish_id = first["wishes"][1]["wish_id"]
    out = ok(capsys, db, "wishes", "plan", "--wish", wish_id[:8], "--event", "2031-12-02")
    assert "ist für „Zweites Treffen“ eingeplant" in out
    data = groups(capsys, db)
    planned = next(g for g in data if g["group_id"] == first["group_id"])
    assert planned["state"] == "planned"
    assert planned["planned_event"]["title"] == "Zweites Treffen"
    assert planned["planned_event"]["starts_at"].startswith("2031-12-02T10:00:00+01:00")
    text = ok(capsys, db, "wishes", "list")
    assert "(2×, eingeplant: „Zweites Treffen“ am" in text and "Kreis Wesel, Stadt Moers" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("wishes", "add", "--event", "2031-10-07", "--email", "fremd@example.org", "--text", "X"), "nicht bekannt"),
        (("wishes", "add", "--event", "2031-10-07", "--email", "p0@kommune.example", "--text", " "), "als Text"),
        (("wishes", "plan", "--wish", "abc", "--event", "2031-12-02"), "mindestens 6 Zeichen"),
        (("wishes", "plan", "--wish", "00000000-0000-0000-0000-000000000000", "--event", "2031-12-02"),
         "gibt es nicht"),
        (("wishes", "list", "--series", "Keine solche Reihe"), "gibt es nicht"),
    ],
)
def test_user_errors_exit_2_with_a_german_message(
        capsys: pytest.CaptureFixture[str], db: Path, args: tuple[str, ...], message: str) -> None:
    code, _out, err = run(capsys, db, *args)
    assert code == 2
    assert err.startswith("Fehler: ") and message in err


def test_planning_into_a_meeting_of_another_series_changes_nothing(
        capsys: pytest.CaptureFixture[str], db: Path) -> None:
    ok(capsys, db, "wishes", "add", "--event", "2031-10-07", "--email", "p0@kommune.example", "--text", "Geodaten")
    [group] = groups(capsys, db)
    code, _out, err = run(capsys, db, "wishes", "plan", "--wish", group["wishes"][0]["wish_id"],
                          "--event", "2031-12-03")
    assert code == 2 and "nicht zur Reihe" in err
    assert groups(capsys, db)[0]["state"] == "open"
    assert json.loads(ok(capsys, db, "events", "list", "--json"))  # the database is still fine


def test_every_option_has_german_help(capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("list", "add", "plan"):
        with pytest.raises(SystemExit):
            main(["wishes", action, "--help"])
        out = capsys.readouterr().out
        assert "Themenwunsch" in out or "Themenwünsche" in out or "Wunsch" in out
        assert "--json" not in out or "als JSON" in out
