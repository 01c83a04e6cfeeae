"""``odn-desktop stats`` through ``cli.main`` on a real SQLite file holding the hand-counted sample series."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.report_samples import build_report_sample

from odn_desktop.cli import main
from odn_desktop.store.database import transaction
from odn_desktop.store.open import open_database


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "auswertung ä.sqlite"
    database = open_database(path)
    with transaction(database.sessions) as s:
        build_report_sample(s)
    database.close()
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_event_json_has_the_issue_fields(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, out, err = run(capsys, sample, "stats", "--event", "2021-10-14", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {k: data[k] for k in ("registered", "waiting", "cancelled", "late", "attended", "no_show",
                                 "organisations")} == {"registered": 3, "waiting": 2, "cancelled": 1, "late": 1,
                                                       "attended": 3, "no_show": 1, "organisations": 2}
    assert data["attendance_rate"] == 1.0
    assert data["federal_states"] == {"Nordrhein-Westfalen": 2, "ohne Angabe": 1}


def test_series_json(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, out, err = run(capsys, sample, "stats", "--series", "testreihe", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [e["title"] for e in data["events"]] == ["Treffen A", "Treffen B", "Treffen C"]
    assert data["events"][1]["rounds"][0]["title"] == "R1"
    assert (data["distinct_organisations"], data["returning_participants"]) == (5, 2)
    assert isinstance(data["events"][1]["attendance_rate"], float)


def test_text_output_and_definitions(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, out, _ = run(capsys, sample, "stats", "--series", "Testreihe Open Data", "--definitions")
    assert code == 0
    assert "Veranstaltet von Difu und Bertelsmann Stiftung" in out
    assert "teilgenommen 3 (100 %), nicht erschienen 1" in out
    assert "Runde „R1“: angemeldet 2, Warteliste 1, teilgenommen 2" in out
    assert "Teilgenommen: alle, die der Import" in out


def test_unknown_series_and_missing_choice(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, _, err = run(capsys, sample, "stats", "--series", "Fußball")
    assert code != 0 and "Keine Veranstaltungsreihe heißt „Fußball“" in err
    with pytest.raises(SystemExit) as exc:
        run(capsys, sample, "stats")
    assert exc.value.code == 2
