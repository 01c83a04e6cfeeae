"""``odn-desktop import ...``: JSON shapes, dry run, re-import, unreadable files (exit 2, nothing written)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import create_engine, text

from odn_desktop.cli import main

HEADER = "Vorname;Nachname;E-Mail-Adresse;Organisation;Anmeldedatum\r\n"
FILE = (HEADER
        + "Anna;Testerin;anna.testerin@kiel.example;Stadt Kiel;20.11.2021 10:00\r\n"
        + "Jan;Probe;jan.probe@ulm.example;Stadt Ulm;02.12.2021 09:00\r\n"
        + "Ohne;Adresse;;Stadt Jena;20.11.2021 10:00\r\n")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Remembered mappings are read from the data folder: keep it in tmp."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Any:
    code, out, err = run(capsys, db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def table_dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}"))), key=repr)
                    for t in ("contact", "registration")}
    finally:
        engine.dispose()


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], db_path: Path) -> Path:
    """The demo with the December meeting as before it took place (the demo keeps it as held history), so the
    files below bring registrations within and after its registration window."""
    assert run(capsys, db_path, "demo")[0] == 0
    assert run(capsys, db_path, "events", "update", "--event", "2021-12-02", "--status", "open")[0] == 0
    return db_path


def test_import_registrations_json_shape_and_reimport(capsys: pytest.CaptureFixture[str], demo: Path,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "anmeldungen.csv"
    path.write_bytes(FILE.encode("cp1252"))
    data = run_json(capsys, demo, "import", "registrations", str(path), "--event", "2021-12-02", "--late")
    assert data == {"created": 2, "updated": 0, "unchanged": 0, "waiting": 0, "late": 1,
                    "rejected": [{"row": 4, "reason": "E-Mail-Adresse fehlt"}], "duplicates": [], "notes": [],
                    "rows": [{"row": 2, "kind": "new", "late": False, "waiting": False},
                             {"row": 3, "kind": "new", "late": True, "waiting": False},
                             {"row": 4, "kind": "rejected", "reason": "E-Mail-Adresse fehlt"}]}
    regs = run_json(capsys, demo, "registrations", "list", "--event", "2021-12-02")
    jan = next(r for r in regs if r["email"] == "jan.probe@ulm.example")
    assert jan["late"] is True and jan["registered_at"] == "2021-12-02T09:00:00+01:00"
    before = table_dump(demo)
    again = run_json(capsys, demo, "import", "registrations", str(path), "--event", "2021-12-02", "--late")
    assert (again["created"], again["unchanged"]) == (0, 2)
    assert table_dump(demo) == before


def test_dry_run_prints_the_report_and_writes_nothing(capsys: pytest.CaptureFixture[str], demo: Path,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "anmeldungen.csv"
    path.write_bytes(FILE.encode("utf-8-sig"))
    before = table_dump(demo)
    code, out, _ = run(capsys, demo, "import", "registrations", str(path), "--event", "2021-12-02", "--dry-run",
                       "--late")
    assert code == 0
    assert "Probelauf – es wurde nichts gespeichert." in out
    assert "Neu angemeldet: 2 (davon 1 verspätet)" in out
    assert "Zeile 4: E-Mail-Adresse fehlt" in out
    data = run_json(capsys, demo, "import", "registrations", str(path), "--event", "2021-12-02", "--dry-run",
                    "--late")
    assert data["created"] == 2
    assert table_dump(demo) == before


MIXED = (HEADER
         + "Anna;Testerin;anna.testerin@kiel.example;Stadt Kiel;20.11.2021 10:00\r\n"  # new
         + "Jan;Probe;jan.probe@ulm.example;Stadt Ulm;02.12.2021 09:00\r\n"  # late (refused without --late)
         + "Ohne;Adresse;;Stadt Jena;20.11.2021 10:00\r\n"  # bad
         + "Anna;Testerin;ANNA.TESTERIN@kiel.example;Stadt Kiel;21.11.2021 10:00\r\n")  # duplicate of row 2


@pytest.mark.parametrize("late", [False, True])
def test_dry_run_json_prints_the_counts_the_real_import_then_reports(
        capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, late: bool) -> None:
    """Already registered, updated, new, late, waiting, duplicate and bad rows: the dry run's JSON is the real one."""
    options = ["--late"] if late else []
    first = tmp_path / "erste.csv"
    first.write_bytes((HEADER + "Ute;Früh;ute.frueh@trier.example;;19.11.2021 10:00\r\n"
                       + "Eva;Da;eva.da@gera.example;Stadt Gera;19.11.2021 11:00\r\n").encode("cp1252"))
    assert run(capsys, demo, "import", "registrations", str(first), "--event", "2021-12-02")[0] == 0
    events = run_json(capsys, demo, "events", "list")
    december = next(e for e in events if e["starts_at"].startswith("2021-12-02"))
    # the meeting is full from now on: whoever the file adds waits
    capacity = december["registered"] + 1
    assert run(capsys, demo, "events", "update", "--event", "2021-12-02", "--capacity", str(capacity))[0] == 0
    path = tmp_path / "anmeldungen.csv"
    path.write_bytes((MIXED + "Ute;Früh;ute.frueh@trier.example;Stadt Trier;19.11.2021 10:00\r\n"  # updated
                      + "Eva;Da;eva.da@gera.example;Stadt Gera;19.11.2021 11:00\r\n"  # unchanged
                      + "Max;Mehr;max.mehr@jena.example;Stadt Jena;20.11.2021 11:00\r\n").encode("cp1252"))
    before = table_dump(demo)
    dry = run_json(capsys, demo, "import", "registrations", str(path), "--event", "2021-12-02", "--dry-run",
                   *options)
    assert table_dump(demo) == before
    real = run_json(capsys, demo, "import", "registrations", str(path), "--event", "2021-12-02", *options)
    assert dry == real
    assert (real["created"], real["updated"], real["unchanged"], real["waiting"], real["late"]) == (
        (3, 1, 1, 2, 1) if late else (2, 1, 1, 1, 0))
    kinds = {r["row"]: r["kind"] for r in real["rows"]}
    assert kinds == {2: "new", 3: "new" if late else "rejected", 4: "rejected", 5: "duplicate", 6: "updated",
                     7: "unchanged", 8: "new"}
    assert real["duplicates"] == [{"row": 5, "merged_into": 2}]
    assert [r["row"] for r in real["rows"] if r.get("waiting")] == ([3, 8] if late else [8])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "gibt es nicht"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "keine CSV- oder Excel-Datei"),
        (b"", "leer"),
        (b"Vorname;Nachname\r\nAnna;B\r\n", "Spalte für E-Mail nicht gefunden"),
        (b"PK\x03\x04kaputt", "Excel-Datei lässt sich nicht lesen"),
    ],
)
def test_unreadable_files_exit_2_and_write_nothing(capsys: pytest.CaptureFixture[str], demo: Path,
                                                   tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "anmeldungen.csv"
    if content is not None:
        path.write_bytes(content)
    before = table_dump(demo)
    code, out, err = run(capsys, demo, "import", "registrations", str(path), "--event", "2021-12-02")
    assert code == 2
    assert err.startswith("Fehler: ") and message in err
    assert out == ""
    assert table_dump(demo) == before


def test_xlsx_with_sheet(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Hinweise"
    ws = wb.create_sheet("Formular")
    for line in FILE.splitlines():
        ws.append(line.split(";"))
    wb.save(tmp_path / "anmeldungen.xlsx")
    data = run_json(capsys, demo, "import", "registrations", str(tmp_path / "anmeldungen.xlsx"), "--event",
                    "2021-12-02", "--sheet", "Formular", "--late")
    assert data["created"] == 2
    code, _, err = run(capsys, demo, "import", "registrations", str(tmp_path / "anmeldungen.xlsx"), "--event",
                       "2021-12-02", "--sheet", "Tabelle9")
    assert code == 2 and "„Tabelle9“ gibt es in der Datei nicht" in err


ZOOM = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
    "Anna Testerin (Stadt Kiel),,12/02/2021 09:58:00 AM,12/02/2021 10:30:00 AM,32,Yes\n"
    "Anna Testerin (Stadt Kiel),,12/02/2021 10:40:00 AM,12/02/2021 11:20:00 AM,40,Yes\n"
    "Unbekannt,wer@irgendwo.example,12/02/2021 10:00:00 AM,12/02/2021 10:10:00 AM,10,Yes\n"
    "Sabine Manz,,12/02/2021 09:55:00 AM,12/02/2021 11:30:00 AM,95,Yes\n"
    "Moderation,moderation@difu.example,12/02/2021 09:50:00 AM,12/02/2021 11:35:00 AM,105,No\n"
)


def test_import_attendance_json_shape_dry_run_and_host(capsys: pytest.CaptureFixture[str], demo: Path,
                                                       tmp_path: Path) -> None:
    registrations = tmp_path / "anmeldungen.csv"
    registrations.write_bytes(FILE.encode("cp1252"))
    run_json(capsys, demo, "import", "registrations", str(registrations), "--event", "2021-12-02")
    report = tmp_path / "zoom.csv"
    report.write_text(ZOOM, encoding="utf-8")
    before = table_dump(demo)
    dry = run_json(capsys, demo, "import", "attendance", str(report), "--event", "2021-12-02", "--dry-run",
                   "--host", "moderation@difu.example")
    assert table_dump(demo) == before
    assert set(dry) == {"summary", "attended", "unmatched", "excluded"}
    assert dry["summary"] == {"attended": 1, "unmatched": 1, "excluded_speakers": 1, "excluded_hosts": 1}
    assert sorted((e["name"], e["reason"]) for e in dry["excluded"]) == [("Moderation", "host"),
                                                                         ("Sabine Manz", "speaker")]
    assert [(a["name"], a["minutes"]) for a in dry["attended"]] == [("Anna Testerin", 72)]
    assert set(dry["attended"][0]) == {"registration_id", "name", "minutes"}
    # Sabine Manz speaks at the meeting, the host is named: neither counts as a guest
    assert dry["unmatched"] == [{"name": "Unbekannt", "email": "wer@irgendwo.example", "minutes": 10}]
    real = run_json(capsys, demo, "import", "attendance", str(report), "--event", "2021-12-02", "--host",
                    "moderation@difu.example")
    assert real == dry
    regs = run_json(capsys, demo, "registrations", "list", "--event", "2021-12-02")
    anna = next(r for r in regs if r["email"] == "anna.testerin@kiel.example")
    assert (anna["attended"], anna["attended_minutes"]) == (True, 72)


def test_attendance_text_output_and_a_wrong_file(capsys: pytest.CaptureFixture[str], demo: Path,
                                                 tmp_path: Path) -> None:
    report = tmp_path / "zoom.csv"
    report.write_text(ZOOM, encoding="utf-8")
    code, out, _ = run(capsys, demo, "import", "attendance", str(report), "--event", "2021-12-02", "--dry-run")
    assert code == 0 and "Nicht zugeordnet:" in out
    wrong = tmp_path / "anmeldungen.csv"
    wrong.write_bytes(FILE.encode("cp1252"))
    code, _, err = run(capsys, demo, "import", "attendance", str(wrong), "--event", "2021-12-02")
    assert code == 2 and "weder ein Zoom-Teilnehmerbericht" in err


def test_unknown_event_is_a_user_error(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(FILE.encode())
    code, _, err = run(capsys, demo, "import", "registrations", str(path), "--event", "2030-01-01")
    assert code == 2 and "beginnt keine Veranstaltung" in err
