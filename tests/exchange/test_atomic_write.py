"""Atomic writes: complete or untouched; a file locked by Excel gives the German message and no partial file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange import atomic_write as aw


def _locked(*_args: object) -> None:
    raise PermissionError(13, "Der Prozess kann nicht auf die Datei zugreifen")


def test_writes_the_whole_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "Liste ä.xlsx"
    with aw.atomic_write(target) as fh:
        fh.write(b"neu")
    assert target.read_bytes() == b"neu"
    assert os.listdir(tmp_path) == [target.name]


def test_a_failure_while_writing_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "liste.xlsx"
    target.write_bytes(b"alt")

    def fail_halfway() -> None:
        with aw.atomic_write(target) as fh:
            fh.write(b"halb")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail_halfway()
    assert target.read_bytes() == b"alt"
    assert os.listdir(tmp_path) == ["liste.xlsx"]


def test_a_target_locked_by_excel_gives_the_german_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "liste.xlsx"
    target.write_bytes(b"alt")
    monkeypatch.setattr(aw.os, "replace", _locked)
    with pytest.raises(UserError) as err:
        aw.write_bytes(target, b"neu")
    assert err.value.message == (
        f"Die Datei „{target}“ ist geöffnet (z. B. in Excel). Bitte schließen Sie sie und versuchen Sie es erneut."
    )
    assert target.read_bytes() == b"alt"
    assert os.listdir(tmp_path) == ["liste.xlsx"]  # no partial or temporary file


def test_a_new_target_that_cannot_be_placed_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aw.os, "replace", _locked)
    with pytest.raises(UserError, match="ist geöffnet"):
        aw.write_bytes(tmp_path / "neu.ics", b"x")
    assert os.listdir(tmp_path) == []


def test_check_target_reports_a_locked_file_before_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "liste.xlsx"
    target.write_bytes(b"alt")
    monkeypatch.setattr(aw, "open", _locked, raising=False)  # Windows: opening a file Excel holds fails
    with pytest.raises(UserError, match="ist geöffnet"):
        aw.check_target(target)


def test_missing_folder_and_folder_as_target_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="existiert nicht"):
        aw.write_bytes(tmp_path / "fehlt" / "a.ics", b"x")
    with pytest.raises(UserError, match="existiert nicht"):
        aw.check_target(tmp_path / "fehlt" / "a.ics")
    with pytest.raises(UserError, match="ist ein Ordner"):
        aw.check_target(tmp_path)


def test_disk_full_is_a_user_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(aw.os, "fsync", full)
    with pytest.raises(UserError, match="Datenträger ist voll"):
        aw.write_bytes(tmp_path / "a.ics", b"x")
    assert os.listdir(tmp_path) == []


def test_umlauts_spaces_long_paths_and_a_name_near_the_limit(tmp_path: Path) -> None:
    """Windows user folders ("C:\\Users\\Jürgen Müller\\…"), deep OneDrive folders beyond 260 characters and a
    file name close to the 255-character limit of one path component: the temporary name must still fit."""
    folder = tmp_path / "Jürgen Müller" / "OneDrive - Stadt Düsseldorf" / ("Öffentliche Daten " * 8).strip()
    folder = folder / ("Netzwerktreffen Ausgabe " * 8).strip()
    folder.mkdir(parents=True)
    target = folder / (("Anwesenheitsliste Übersicht " * 9)[:230].strip() + ".xlsx")
    assert len(str(target)) > 260 and 240 < len(target.name.encode()) <= 255  # Linux counts bytes, Windows chars
    with aw.atomic_write(target) as fh:
        fh.write("Größe: ä ö ü ß".encode())
    assert target.read_bytes() == "Größe: ä ö ü ß".encode()
    assert [p.name for p in folder.iterdir()] == [target.name]
