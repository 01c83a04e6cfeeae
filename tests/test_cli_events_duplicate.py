"""``events duplicate``: the new meeting printed as ``events list --json`` prints it, read back; the parts named by
``--copy``; German errors with exit status 2 and nothing written."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from odn_desktop.cli import main
from odn_desktop.domain.timezone import to_berlin
from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.event_editing import list_task_rows
from odn_desktop.services.events import get_event
from odn_desktop.store.database import transaction
from odn_desktop.store.open import open_database


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Any:
    code, out, err = run(capsys, db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_duplicate_prints_the_new_meeting_as_events_list_does(capsys: pytest.CaptureFixture[str],
                                                               db_path: Path) -> None:
    assert run(capsys, db_path, "demo")[0] == 0
    copy = run_json(capsys, db_path, "events", "duplicate", "--event", "2021-12-02",
                    "--starts-at", "2022-03-31T10:00", "--copy", "programme,tasks")
    listed = run_json(capsys, db_path, "events", "list")
    assert copy == next(e for e in listed if e["id"] == copy["id"])
    assert copy["title"] == "Open-Data-Netzwerktreffen" and copy["status"] == "draft"
    # after the clocks went forward: the same Berlin wall-clock times as on 2 December 2021
    assert copy["starts_at"] == "2022-03-31T10:00:00+02:00" and copy["ends_at"] == "2022-03-31T11:30:00+02:00"
    assert copy["registration_deadline"] == "2022-03-30T23:59:59+02:00"
    assert copy["registered"] == 0 and copy["speakers"] == []  # speakers not named in --copy
    assert run_json(capsys, db_path, "registrations", "list", "--event", copy["id"]) == []
    db = open_database(db_path)
    try:
        with transaction(db.sessions) as s:
            copy_id = uuid.UUID(copy["id"])
            agenda, _warning = agenda_rows(s, copy_id)
            tasks = list_task_rows(s, copy_id)
            event = get_event(s, copy_id)
            assert [a.speaker for a in agenda] == [None, None, None, None]  # the talks, without names
            assert [f"{to_berlin(t.due_at):%d.%m. %H:%M}" for t in tasks] == [
                "28.03. 12:00", "29.03. 17:00", "30.03. 16:00"]
            assert event.description_copied is True and event.rounds == []
    finally:
        db.close()


def test_duplicate_with_everything_and_a_new_title(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, db_path, "demo")
    code, out, _err = run(capsys, db_path, "events", "duplicate", "--event", "2021-12-02",
                          "--starts-at", "2022-01-27T10:00", "--title", "Open Data: Ämter motivieren")
    assert code == 0 and "Open Data: Ämter motivieren" in out and "27.01.2022" in out
    listed = run_json(capsys, db_path, "events", "list")
    copy = next(e for e in listed if e["title"] == "Open Data: Ämter motivieren")
    assert copy["speakers"] == ["Claus Arndt", "Sabine Manz"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--event", "2021-12-02", "--starts-at", "2022-01-27T10:00", "--copy", "programme,registrations"],
         "Unbekannter Teil 'registrations'"),
        (["--event", "1999-01-01", "--starts-at", "2022-01-27T10:00"], "keine Veranstaltung"),
        (["--event", "2021-12-02", "--starts-at", "nächste Woche"], "Ungültiges Datum"),
        (["--event", "2021-12-02", "--starts-at", "2022-01-27T10:00", "--title", "  "], "Titel"),
    ],
)
def test_duplicate_refusals_change_nothing(capsys: pytest.CaptureFixture[str], db_path: Path, args: list[str],
                                           message: str) -> None:
    run(capsys, db_path, "demo")
    before = run_json(capsys, db_path, "events", "list")
    code, _out, err = run(capsys, db_path, "events", "duplicate", *args)
    assert code == 2 and message in err and err.startswith("Fehler: ")
    assert run_json(capsys, db_path, "events", "list") == before
