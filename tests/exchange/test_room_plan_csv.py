"""The Zoom pre-assignment CSV: Zoom's header exactly, UTF-8 without BOM, names unchanged, no formula reaches Excel."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.room_plan_csv import MAX_ROOMS, Assignment, room_plan_csv, save_room_plan_csv


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_header_rows_and_encoding(tmp_path: Path) -> None:
    target = tmp_path / "zoom.csv"
    result = save_room_plan_csv([Assignment("Raum 1", "anna.mueller@kiel.example"),
                                 Assignment("Geodaten, Karten & „Apps“", "oezlem@ulm.example"),
                                 Assignment('Runde "B"', " jan@moers.example ")], target)
    raw = target.read_bytes()
    assert raw.startswith(b"Pre-assign Room Name,Email Address\r\n")  # no BOM, Zoom's header, CRLF
    assert read(target) == [["Pre-assign Room Name", "Email Address"], ["Raum 1", "anna.mueller@kiel.example"],
                            ["Geodaten, Karten & „Apps“", "oezlem@ulm.example"], ['Runde "B"', "jan@moers.example"]]
    assert (result.rows, result.rooms, result.skipped) == (3, 3, ())
    assert "„Apps“".encode() in raw


@pytest.mark.parametrize("email", ["=cmd|'/C calc'!A0@example.org", "+49@example.org", "-x@example.org", ""])
def test_an_address_excel_would_run_is_left_out_and_reported(tmp_path: Path, email: str) -> None:
    result = room_plan_csv([Assignment("Raum 1", "ok@example.org"), Assignment("Raum 1", email, "Eve Evil")])
    assert result.data.decode("utf-8").splitlines() == ["Pre-assign Room Name,Email Address", "Raum 1,ok@example.org"]
    assert [(s.name, s.email) for s in result.skipped] == [("Eve Evil", email)]


@pytest.mark.parametrize("room", ["=SUMME(A1)", "-Einsteiger", "@Runde", " +1"])
def test_a_room_name_excel_would_run_is_refused_not_changed(tmp_path: Path, room: str) -> None:
    target = tmp_path / "zoom.csv"
    with pytest.raises(UserError, match="benennen Sie die Runde um"):
        save_room_plan_csv([Assignment(room, "a@example.org")], target)
    assert not target.exists()


def test_zoom_takes_at_most_100_rooms() -> None:
    assert room_plan_csv([Assignment(f"Raum {n}", f"p{n}@example.org") for n in range(MAX_ROOMS)]).rooms == 100
    with pytest.raises(UserError, match="höchstens 100"):
        room_plan_csv([Assignment(f"Raum {n}", f"p{n}@example.org") for n in range(MAX_ROOMS + 1)])


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "zoom.csv"
    target.write_text("alt\n" * 1000, encoding="utf-8")
    save_room_plan_csv([Assignment("Raum 1", "a@example.org")], target)
    assert read(target) == [["Pre-assign Room Name", "Email Address"], ["Raum 1", "a@example.org"]]
    assert [p.name for p in tmp_path.iterdir()] == ["zoom.csv"]  # no temporary file left


def test_a_missing_folder_is_a_german_message(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="existiert nicht"):
        save_room_plan_csv([Assignment("Raum 1", "a@example.org")], tmp_path / "fehlt" / "zoom.csv")
