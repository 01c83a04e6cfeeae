"""``odn-desktop export rooms``: the Zoom pre-assignment file from the command line, read back with csv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from odn_desktop.cli import main
from odn_desktop.services.events import resolve_event
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.open import open_database


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], db_path: Path) -> Path:
    assert run(capsys, db_path, "demo")[0] == 0
    return db_path


def emails_by_status(db_path: Path, day: str) -> dict[str, set[str]]:
    database = open_database(db_path)
    try:
        with transaction(database.sessions) as s:
            event = resolve_event(s, day)
            found: dict[str, set[str]] = {}
            for email, status in s.execute(select(Contact.email, Registration.status)
                                           .join(Registration, Registration.contact_id == Contact.id)
                                           .where(Registration.event_id == event.id)):
                found.setdefault(status, set()).add(email)
            return found
    finally:
        database.close()


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_export_rooms_of_the_booked_out_kickoff(capsys: pytest.CaptureFixture[str], demo: Path,
                                               tmp_path: Path) -> None:
    target = tmp_path / "Räume Auftakt.csv"
    code, out, err = run(capsys, demo, "export", "rooms", "--event", "2021-10-14", "-o", str(target))
    assert (code, err) == (0, "")
    assert out.startswith("Raumplan für Zoom mit 25 Personen in 7 Räumen gespeichert")
    rows = read(target)
    assert rows[0] == ["Pre-assign Room Name", "Email Address"]
    statuses = emails_by_status(demo, "2021-10-14")
    assert len(statuses["waiting"]) == 4
    assert sorted(email for _room, email in rows[1:]) == sorted(statuses["registered"])  # one row each
    assert not statuses["waiting"] & {email for _room, email in rows[1:]}
    sizes = sorted(sum(1 for room, _ in rows[1:] if room == f"Raum {n}") for n in range(1, 8))
    assert sizes == [3, 3, 3, 4, 4, 4, 4]


def test_size_and_seed(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    outputs = []
    for name, seed in (("a.csv", "7"), ("b.csv", "7"), ("c.csv", "8")):
        code, out, _ = run(capsys, demo, "export", "rooms", "--event", "2021-12-02", "-o", str(tmp_path / name),
                           "--size", "5", "--seed", seed)
        assert code == 0 and "28 Personen in 6 Räumen" in out
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1] != outputs[2]
    assert {room for room, _ in read(tmp_path / "a.csv")[1:]} == {f"Raum {n}" for n in range(1, 7)}


def test_by_round(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    for title in ("Einsteiger:innen", "Fortgeschrittene – Praxis"):
        assert run(capsys, demo, "rounds", "add", "--event", "2021-12-02", "--title", title)[0] == 0
    assert run(capsys, demo, "events", "update", "--event", "2021-12-02", "--status", "open")[0] == 0  # not "held"
    for n, title in enumerate(("Einsteiger:innen", "Fortgeschrittene – Praxis", "Einsteiger:innen")):
        code, _out, err = run(capsys, demo, "registrations", "add", "--event", "2021-12-02", "--first-name", "Neu",
                              "--last-name", f"Person {n}", "--email", f"neu{n}@kiel.example", "--round", title,
                              "--late")
        assert code == 0, err
    code, out, err = run(capsys, demo, "export", "rooms", "--event", "2021-12-02", "-o", str(tmp_path / "r.csv"),
                         "--by-round")
    assert (code, err) == (0, "")
    assert "3 Personen in 2 Räumen" in out
    assert "28 Personen ohne Runde bleiben im Hauptraum." in out  # registered before there were rounds
    assert read(tmp_path / "r.csv") == [["Pre-assign Room Name", "Email Address"],
                                        ["Einsteiger:innen", "neu0@kiel.example"],
                                        ["Einsteiger:innen", "neu2@kiel.example"],
                                        ["Fortgeschrittene – Praxis", "neu1@kiel.example"]]


@pytest.mark.parametrize(("args", "message"), [
    (["--by-round"], "„Open-Data-Netzwerktreffen“ hat keine parallelen Runden"),
    (["--size", "1"], "mindestens 2 Personen"),
    (["--size", "vier"], "keine ganze Zahl"),
    (["--seed", "-3"], "negativ"),
])
def test_mistakes_exit_with_2_in_german(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path,
                                        args: list[str], message: str) -> None:
    target = tmp_path / "x.csv"
    try:
        code = main(["--db", str(demo), "export", "rooms", "--event", "2021-12-02", "-o", str(target), *args])
    except SystemExit as exc:  # argparse errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code == 2 and message in err and out == ""
    assert not target.exists()
