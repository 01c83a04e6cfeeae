"""The CLI of parallel rounds, waiting-list moves and the registration window (issue 12), through ``cli.main``.

Every command runs on a real SQLite file; a refused command must exit 2 with a German message and leave the
database exactly as it was.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from odn_desktop.cli import main
from odn_desktop.domain.deadlines import parse_opening
from odn_desktop.domain.timezone import BERLIN, iso_berlin

DAY = "2030-06-10"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Remembered import mappings are read from the data folder: keep it in tmp."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    code, out, err = run(capsys, db, *args)
    assert code == 0, err
    return out


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Any:
    return json.loads(ok(capsys, db, *args, "--json"))


def refused(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    """Run a command that must fail as a user error; return its message; check that nothing changed."""
    before = table_dump(db)
    code, out, err = run(capsys, db, *args)
    assert code == 2, (out, err)
    assert err.startswith("Fehler: ")
    assert table_dump(db) == before
    return err


def table_dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}"))), key=repr)
                    for t in ("event", "round", "contact", "registration")}
    finally:
        engine.dispose()


def create_event(capsys: pytest.CaptureFixture[str], db: Path, *options: str) -> str:
    event = run_json(capsys, db, "events", "create", "--title", "Netzwerktreffen", "--starts-at", f"{DAY}T10:00",
                     "--ends-at", f"{DAY}T11:30", *options)
    return str(event["id"])


def add(capsys: pytest.CaptureFixture[str], db: Path, name: str, *options: str) -> dict[str, Any]:
    result: dict[str, Any] = run_json(capsys, db, "registrations", "add", "--event", DAY, "--first-name", name,
                                      "--last-name", "Muster", "--email", f"{name.lower()}@kommune.example",
                                      *options)
    return result


def registrations(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, tuple[str, int | None, str | None]]:
    """first name -> (status, waiting place, round) for the event of ``DAY``."""
    rows = run_json(capsys, db, "registrations", "list", "--event", DAY)
    return {r["first_name"]: (r["status"], r["waitlist_position"], r["round"]) for r in rows}


def rounds(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = run_json(capsys, db, "rounds", "list", "--event", DAY)
    return result


# -- rounds ------------------------------------------------------------------------------------------------


def test_rounds_add_list_update_remove(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "20")
    assert rounds(capsys, db_path) == []
    out = ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Stadtplanung", "--capacity", "2",
             "--description", "Flächen und Bebauung")
    assert "Runde „Stadtplanung“ angelegt (2 Plätze)" in out
    assert "ohne Platzgrenze" in ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Verkehr")
    ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Klima", "--unlimited")
    listed = rounds(capsys, db_path)
    assert [(r["title"], r["capacity"], r["registered"], r["waiting"]) for r in listed] == [
        ("Stadtplanung", 2, 0, 0), ("Verkehr", None, 0, 0), ("Klima", None, 0, 0)]
    assert all(set(r) == {"id", "title", "capacity", "registered", "waiting"} for r in listed)

    assert "nicht beides" in refused(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "X",
                                     "--capacity", "3", "--unlimited")
    assert "gibt es bei dieser Veranstaltung schon" in refused(capsys, db_path, "rounds", "add", "--event", DAY,
                                                                "--title", "verkehr")

    add(capsys, db_path, "Vera", "--round", "VERKEHR")
    assert [(r["registered"], r["waiting"]) for r in rounds(capsys, db_path)] == [(0, 0), (1, 0), (0, 0)]
    err = refused(capsys, db_path, "rounds", "remove", "--event", DAY, "--round", "Verkehr")
    assert "In der Runde „Verkehr“ ist noch 1 Anmeldung" in err
    assert "„Klima“ entfernt" in ok(capsys, db_path, "rounds", "remove", "--event", DAY, "--round", "klima")
    assert [r["title"] for r in rounds(capsys, db_path)] == ["Stadtplanung", "Verkehr"]

    ok(capsys, db_path, "rounds", "update", "--event", DAY, "--round", "stadtplanung", "--title", "Stadtentwicklung",
       "--capacity", "3")
    first = rounds(capsys, db_path)[0]
    assert (first["title"], first["capacity"]) == ("Stadtentwicklung", 3)
    ok(capsys, db_path, "rounds", "update", "--event", DAY, "--round", first["id"], "--unlimited")
    assert rounds(capsys, db_path)[0]["capacity"] is None
    assert "Nichts zu ändern" in refused(capsys, db_path, "rounds", "update", "--event", DAY, "--round", "Verkehr")
    err = refused(capsys, db_path, "rounds", "update", "--event", DAY, "--round", "Stadtplanung", "--capacity", "1")
    assert "Die Runde „Stadtplanung“ gibt es bei dieser Veranstaltung nicht" in err


def test_full_round_waits_for_that_round_although_the_event_has_seats(capsys: pytest.CaptureFixture[str],
                                                                    db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "10")
    out = ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Stadtplanung", "--capacity", "1")
    assert "Runde „Stadtplanung“ angelegt (1 Platz)" in out
    ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Verkehr")
    assert add(capsys, db_path, "Anna", "--round", "Stadtplanung")["status"] == "registered"
    bert = add(capsys, db_path, "Bert", "--round", "stadtplanung")
    assert (bert["status"], bert["waitlist_position"], bert["round"]) == ("waiting", 1, "Stadtplanung")
    assert add(capsys, db_path, "Cem", "--round", "Verkehr")["status"] == "registered"  # the walk goes on
    assert "Bitte eine Runde wählen" in refused(capsys, db_path, "registrations", "add", "--event", DAY,
                                                "--first-name", "Dora", "--last-name", "Muster",
                                                "--email", "dora@kommune.example")
    code, out, _ = run(capsys, db_path, "registrations", "add", "--event", DAY, "--first-name", "Emil",
                       "--last-name", "Muster", "--email", "emil@kommune.example", "--round", "Stadtplanung",
                       "--force")
    assert code == 0 and "Emil Muster ist angemeldet (Runde „Stadtplanung“) – überbucht." in out
    rows = {r["first_name"]: r for r in run_json(capsys, db_path, "registrations", "list", "--event", DAY)}
    assert rows["Emil"]["forced_seat"] is True and rows["Anna"]["forced_seat"] is False
    assert registrations(capsys, db_path) == {"Anna": ("registered", None, "Stadtplanung"),
                                              "Bert": ("waiting", 1, "Stadtplanung"),
                                              "Cem": ("registered", None, "Verkehr"),
                                              "Emil": ("registered", None, "Stadtplanung")}
    # more seats in the round go to the people waiting for it, and the CLI names them
    out = ok(capsys, db_path, "rounds", "update", "--event", DAY, "--round", "Stadtplanung", "--capacity", "3")
    assert "Von der Warteliste nachgerückt: Bert Muster (bert@kommune.example)." in out
    assert registrations(capsys, db_path)["Bert"] == ("registered", None, "Stadtplanung")
    # fewer seats than given: everyone keeps the seat, and the coordinator is told
    out = ok(capsys, db_path, "rounds", "update", "--event", DAY, "--round", "Stadtplanung", "--capacity", "1")
    assert "Hinweis: „Netzwerktreffen“, Runde „Stadtplanung“: 3 Plätze vergeben bei 1 verfügbaren" in out


# -- moves in the queue ------------------------------------------------------------------------------------


def test_move_to_waiting_end_of_queue_and_registered(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "2")
    for name in ("Anna", "Bert", "Cem", "Dora"):
        add(capsys, db_path, name)
    assert registrations(capsys, db_path) == {"Anna": ("registered", None, None), "Bert": ("registered", None, None),
                                              "Cem": ("waiting", 1, None), "Dora": ("waiting", 2, None)}

    out = ok(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "cem@kommune.example",
             "--to", "end-of-queue")
    assert "Cem Muster steht auf Platz 2 der Warteliste." in out
    assert registrations(capsys, db_path)["Dora"] == ("waiting", 1, None)

    out = ok(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "anna@kommune.example",
             "--to", "waiting")
    assert "Anna Muster steht auf Platz 2 der Warteliste." in out
    assert "Von der Warteliste nachgerückt: Dora Muster (dora@kommune.example)." in out
    assert registrations(capsys, db_path) == {"Anna": ("waiting", 2, None), "Bert": ("registered", None, None),
                                              "Cem": ("waiting", 1, None), "Dora": ("registered", None, None)}

    err = refused(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "anna@kommune.example",
                  "--to", "registered")
    assert "kein Platz mehr frei" in err and "bestätigen" in err
    out = ok(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "anna@kommune.example",
             "--to", "registered", "--force")
    assert "Anna Muster ist angemeldet – überbucht." in out
    assert registrations(capsys, db_path) == {"Anna": ("registered", None, None), "Bert": ("registered", None, None),
                                              "Cem": ("waiting", 1, None), "Dora": ("registered", None, None)}

    assert "Nur Personen auf der Warteliste" in refused(capsys, db_path, "registrations", "move", "--event", DAY,
                                                         "--email", "bert@kommune.example", "--to", "end-of-queue")
    assert "bereits auf der Warteliste" in refused(capsys, db_path, "registrations", "move", "--event", DAY,
                                                   "--email", "cem@kommune.example", "--to", "waiting")
    assert "--force ist nur zusammen mit --to registered" in refused(
        capsys, db_path, "registrations", "move", "--event", DAY, "--email", "bert@kommune.example", "--to",
        "waiting", "--force")
    assert "keine Anmeldung" in refused(capsys, db_path, "registrations", "move", "--event", DAY, "--email",
                                        "niemand@kommune.example", "--to", "waiting")


def test_move_to_waiting_while_seats_are_free_changes_nothing(capsys: pytest.CaptureFixture[str],
                                                             db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "5")
    add(capsys, db_path, "Anna")
    err = refused(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "anna@kommune.example",
                  "--to", "waiting")
    assert "bekäme sofort wieder einen Platz" in err and "Nichts wurde geändert" in err


def test_move_with_round(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "10")
    ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Stadtplanung", "--capacity", "1")
    ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Verkehr", "--capacity", "2")
    add(capsys, db_path, "Anna", "--round", "Stadtplanung")
    add(capsys, db_path, "Bert", "--round", "Verkehr")
    add(capsys, db_path, "Cem", "--round", "Stadtplanung")
    assert registrations(capsys, db_path)["Cem"] == ("waiting", 1, "Stadtplanung")
    # the round first: Verkehr has a free seat, so no --force is needed
    out = ok(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "cem@kommune.example",
             "--to", "registered", "--round", "verkehr")
    assert "Cem Muster ist angemeldet (Runde „Verkehr“)." in out
    # the waiting list first (Anna's seat in Stadtplanung is freed), then the round: Verkehr is full now
    out = ok(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "anna@kommune.example",
             "--to", "waiting", "--round", "Verkehr")
    assert "Anna Muster steht auf Platz 1 der Warteliste (Runde „Verkehr“)." in out
    assert registrations(capsys, db_path) == {"Anna": ("waiting", 1, "Verkehr"),
                                              "Bert": ("registered", None, "Verkehr"),
                                              "Cem": ("registered", None, "Verkehr")}
    assert [(r["registered"], r["waiting"]) for r in rounds(capsys, db_path)] == [(0, 0), (2, 1)]
    # into a full round only with --force; into one with a free seat the rule seats her: not "waiting"
    err = refused(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "bert@kommune.example",
                  "--to", "end-of-queue", "--round", "Stadtplanung")
    assert "Nur Personen auf der Warteliste" in err
    err = refused(capsys, db_path, "registrations", "move", "--event", DAY, "--email", "anna@kommune.example",
                  "--to", "end-of-queue", "--round", "Stadtplanung")
    assert "bekäme sofort wieder einen Platz: in der Runde „Stadtplanung“" in err


# -- the registration window -------------------------------------------------------------------------------


def test_closed_event_refuses_registrations_unless_late(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "10")
    assert run_json(capsys, db_path, "events", "update", "--event", DAY, "--status", "closed")["status"] == "closed"
    err = refused(capsys, db_path, "registrations", "add", "--event", DAY, "--first-name", "Anna", "--last-name",
                  "Muster", "--email", "anna@kommune.example")
    assert "Die Anmeldung zu dieser Veranstaltung ist geschlossen." in err and "--late" in err
    assert add(capsys, db_path, "Anna", "--late")["late"] is True
    ok(capsys, db_path, "events", "update", "--event", DAY, "--status", "open")
    assert add(capsys, db_path, "Bert")["late"] is False
    with pytest.raises(SystemExit) as exit_info:  # held and cancelled are not set by hand here
        main(["--db", str(db_path), "events", "update", "--event", DAY, "--status", "held"])
    assert exit_info.value.code == 2 and "ungültiger Aufruf" in capsys.readouterr().err


def test_registration_opens_in_the_future_refuses(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "10", "--registration-opens", "01.05.2030")
    err = refused(capsys, db_path, "registrations", "add", "--event", DAY, "--first-name", "Anna", "--last-name",
                  "Muster", "--email", "anna@kommune.example")
    assert "Die Anmeldung öffnet erst am 01.05.2030 00:00 Uhr." in err  # a date alone: the start of that day
    assert add(capsys, db_path, "Anna", "--late")["late"] is True
    today = datetime.now(BERLIN).date().isoformat()
    ok(capsys, db_path, "events", "update", "--event", DAY, "--registration-opens", today)
    assert add(capsys, db_path, "Bert")["status"] == "registered"
    assert "Ungültige Frist" in refused(capsys, db_path, "events", "update", "--event", DAY,
                                        "--registration-opens", "bald")


def test_parse_opening_reads_a_date_as_the_start_of_the_berlin_day() -> None:
    assert iso_berlin(parse_opening("2030-03-31")) == "2030-03-31T00:00:00+01:00"  # clocks change later that night
    assert iso_berlin(parse_opening("2030-04-01")) == "2030-04-01T00:00:00+02:00"
    assert iso_berlin(parse_opening("01.12.2030")) == "2030-12-01T00:00:00+01:00"
    assert iso_berlin(parse_opening("01.12.2030 08:30")) == "2030-12-01T08:30:00+01:00"


def test_events_update_reports_who_moved_up_and_pools_over_the_limit(capsys: pytest.CaptureFixture[str],
                                                                     db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "2")
    for name in ("Anna", "Bert", "Cem"):
        add(capsys, db_path, name)
    out = ok(capsys, db_path, "events", "update", "--event", DAY, "--capacity", "3")
    assert "Von der Warteliste nachgerückt: Cem Muster (cem@kommune.example)." in out
    out = ok(capsys, db_path, "events", "update", "--event", DAY, "--capacity", "1")
    assert "Hinweis: „Netzwerktreffen“: 3 Plätze vergeben bei 1 verfügbaren" in out
    assert registrations(capsys, db_path)["Cem"] == ("registered", None, None)  # a seat once given is kept
    code, out, err = run(capsys, db_path, "events", "update", "--event", DAY, "--capacity", "0", "--json")
    assert code == 0 and json.loads(out)["capacity"] == 0  # stdout stays JSON; the note goes to stderr
    assert "Hinweis: „Netzwerktreffen“: 3 Plätze vergeben bei 0 verfügbaren" in err


# -- import --------------------------------------------------------------------------------------------------


def write_csv(path: Path, header: str, *lines: str) -> Path:
    path.write_text("\r\n".join((header, *lines)) + "\r\n", encoding="utf-8")
    return path


def test_import_takes_late_rows_only_with_late(capsys: pytest.CaptureFixture[str], db_path: Path,
                                               tmp_path: Path) -> None:
    create_event(capsys, db_path, "--registration-deadline", "2030-06-01")
    path = write_csv(tmp_path / "anmeldungen.csv", "Vorname;Nachname;E-Mail;Anmeldedatum",
                     "Anna;Muster;anna@kommune.example;20.05.2030 10:00",
                     "Bert;Muster;bert@kommune.example;05.06.2030 09:00")
    code, out, err = run(capsys, db_path, "import", "registrations", str(path), "--event", DAY)
    assert code == 0, err
    assert "Neu angemeldet: 1" in out and "Abgelehnt: 1" in out
    assert "Zeile 3: Die Anmeldefrist ist am 01.06.2030 23:59 Uhr abgelaufen." in out and "--late" in out
    assert registrations(capsys, db_path) == {"Anna": ("registered", None, None)}
    data = run_json(capsys, db_path, "import", "registrations", str(path), "--event", DAY, "--late")
    assert (data["created"], data["unchanged"], data["late"], data["rejected"]) == (1, 1, 1, [])
    rows = {r["first_name"]: r for r in run_json(capsys, db_path, "registrations", "list", "--event", DAY)}
    assert (rows["Bert"]["late"], rows["Anna"]["late"]) == (True, False)


def test_import_with_unknown_rounds(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    create_event(capsys, db_path)
    ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Stadtplanung", "--capacity", "5")
    ok(capsys, db_path, "rounds", "add", "--event", DAY, "--title", "Verkehr")
    path = write_csv(tmp_path / "anmeldungen.csv", "Vorname;Nachname;E-Mail;Runde",
                     "Anna;Muster;anna@kommune.example;Stadtplanung",
                     "Bert;Muster;bert@kommune.example;Klima",
                     "Cem;Muster;cem@kommune.example;Bildung")
    err = refused(capsys, db_path, "import", "registrations", str(path), "--event", DAY)
    assert "„Klima“, „Bildung“" in err and "Nichts wurde importiert" in err
    err = refused(capsys, db_path, "import", "registrations", str(path), "--event", DAY, "--dry-run")
    assert "„Klima“" in err
    out = ok(capsys, db_path, "import", "registrations", str(path), "--event", DAY, "--create-rounds")
    assert "Neu angelegte Runden (ohne Platzgrenze): „Klima“, „Bildung“." in out
    assert [(r["title"], r["capacity"], r["registered"]) for r in rounds(capsys, db_path)] == [
        ("Stadtplanung", 5, 1), ("Verkehr", None, 0), ("Klima", None, 1), ("Bildung", None, 1)]
    assert registrations(capsys, db_path)["Bert"] == ("registered", None, "Klima")


def test_import_round_column_into_an_event_without_rounds(capsys: pytest.CaptureFixture[str], db_path: Path,
                                                          tmp_path: Path) -> None:
    create_event(capsys, db_path)
    path = write_csv(tmp_path / "anmeldungen.csv", "Vorname;Nachname;E-Mail;Runde",
                     "Anna;Muster;anna@kommune.example;Stadtplanung",
                     "Bert;Muster;bert@kommune.example;Verkehr")
    data = run_json(capsys, db_path, "import", "registrations", str(path), "--event", DAY, "--dry-run")
    assert len(data["notes"]) == 1 and "„Runde“" in data["notes"][0]
    out = ok(capsys, db_path, "import", "registrations", str(path), "--event", DAY)
    assert "Die Spalte „Runde“ wurde nicht verwendet" in out and "Stadtplanung, Verkehr" in out
    assert registrations(capsys, db_path) == {"Anna": ("registered", None, None), "Bert": ("registered", None, None)}
    assert rounds(capsys, db_path) == []


def test_registrations_list_json_has_round_and_waitlist_position(capsys: pytest.CaptureFixture[str],
                                                                 db_path: Path) -> None:
    create_event(capsys, db_path, "--capacity", "1")
    add(capsys, db_path, "Anna")
    add(capsys, db_path, "Bert")
    rows = run_json(capsys, db_path, "registrations", "list", "--event", DAY)
    assert [(r["first_name"], r["status"], r["waitlist_position"], r["round"]) for r in rows] == [
        ("Anna", "registered", None, None), ("Bert", "waiting", 1, None)]
    assert {"id", "first_name", "last_name", "email", "organisation", "status", "waitlist_position", "late",
            "registered_at", "attended", "attended_minutes", "round"} <= set(rows[0])
