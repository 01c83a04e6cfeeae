"""``export certificates`` and ``certificates verify``: files, JSON fields, exit codes, the coordinator's name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings

from certificate_samples import TITLE, Meeting, make_meeting
from odn_desktop import APP_AUTHOR, APP_NAME
from odn_desktop.cli import main
from odn_desktop.store.database import transaction
from odn_desktop.store.open import open_database
from odn_desktop.ui.dialogs import organizer_settings


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Path:
    """The window's settings in tmp (the CLI reads the coordinator's saved name from them); no name from the
    environment unless a test sets one.

    ``qapp`` first: the export would otherwise create the headless ``QGuiApplication`` of the CLI in this test
    process, and every later test needing a ``QApplication`` (tests/ui) would fail at setup.
    """
    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    monkeypatch.delenv("ODN_ORGANIZER_NAME", raising=False)
    return folder


@pytest.fixture
def meeting(db_path: Path, tmp_path: Path) -> Meeting:
    db = open_database(db_path)
    try:
        with transaction(db.sessions) as s:
            return make_meeting(s, tmp_path)
    finally:
        db.close()


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_export_certificates_json_files_and_single_pdf(capsys: pytest.CaptureFixture[str], db_path: Path,
                                                       meeting: Meeting, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ODN_ORGANIZER_NAME", "Kim Schäfer")
    folder, single = tmp_path / "Bescheinigungen", tmp_path / "alle zum Drucken.pdf"
    code, out, err = run(capsys, db_path, "export", "certificates", "--event", "2021-12-02", "-o", str(folder),
                         "--single", str(single), "--json")
    assert code == 0
    rows = json.loads(out)
    assert [set(r) for r in rows] == [{"email", "name", "number", "minutes", "file"}] * 5
    assert [(r["name"], r["minutes"]) for r in rows] == [
        ("Lena Adler", 65), ("Dr. Anna Becker", 95), ("Jürgen Groß", 60), ("Prof. Dr. Claus Müller", 100),
        ("Jan Weiß", None)]
    assert rows[1]["email"] == "anna.becker@kiel.example"
    assert rows[1]["file"] == str(folder / "Teilnahmebescheinigung Becker Anna.pdf")
    for row in rows:
        text = _text(Path(row["file"]))
        assert row["name"] in text and row["number"] in text and "Kim Schäfer" in text
    pages = PdfReader(single).pages
    assert len(pages) == 5
    everything = _text(single)
    assert all(row["number"] in everything for row in rows) and TITLE in everything
    assert "Online per Zoom" in everything
    # what did not qualify is said on stderr (stdout is JSON)
    assert "Keine Bescheinigung für 2 Personen: Özlem Kaya: 59 von 120 Minuten (49 %) – unter 50 %" in err
    assert "Hinweis" not in err  # a coordinator's name was there

    code, out, err = run(capsys, db_path, "certificates", "verify", rows[1]["number"])
    assert (code, err) == (0, "")
    assert f"Die Teilnahmebescheinigung {rows[1]['number']} ist gültig." in out
    for line in ("Name: Dr. Anna Becker", "Organisation: Landeshauptstadt Kiel", f"Veranstaltung: {TITLE}",
                 "Datum: Donnerstag, 2. Dezember 2021", "Anwesenheit: 95 Minuten laut Teilnahmebericht"):
        assert line in out


def test_threshold_text_output_and_the_saved_coordinator(capsys: pytest.CaptureFixture[str], db_path: Path,
                                                         meeting: Meeting, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ODN_ORGANIZER_NAME", "Aus der Umgebung")
    organizer_settings.save("Maria Koch", "koch@difu.example", QSettings(APP_AUTHOR, APP_NAME))  # wins
    code, out, err = run(capsys, db_path, "export", "certificates", "--event", "2021-12-02", "-o",
                         str(tmp_path / "b"), "--min-percent", "80")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"2 Teilnahmebescheinigungen gespeichert in {tmp_path / 'b'}"
    assert "Keine Bescheinigung für 5 Personen" in out
    assert "Dr. Anna Becker: 95 von 120 Minuten (79 %) – unter 80 %" in out
    files = sorted(p.name for p in (tmp_path / "b").iterdir())
    assert files == ["Teilnahmebescheinigung Müller Claus.pdf", "Teilnahmebescheinigung Weiß Jan.pdf"]
    text = _text(tmp_path / "b" / files[0])
    assert "Maria Koch" in text and "Aus der Umgebung" not in text


def test_the_coordinator_saved_under_the_old_key_is_found() -> None:
    """A window not started since the update keeps the name under its old key; the CLI moves it first."""
    from odn_desktop.cli.certificates import coordinator_name

    QSettings(APP_AUTHOR, APP_NAME).setValue("mail/sender_name", "Maria Koch")  # before settings/version
    assert coordinator_name() == "Maria Koch"
    settings = QSettings(APP_AUTHOR, APP_NAME)
    assert not settings.contains("mail/sender_name") and settings.value("organizer/name") == "Maria Koch"


def test_without_a_coordinator_the_line_stays_empty_with_a_note(capsys: pytest.CaptureFixture[str],
                                                                 db_path: Path, meeting: Meeting,
                                                                 tmp_path: Path) -> None:
    code, out, err = run(capsys, db_path, "export", "certificates", "--event", "2021-12-02", "-o",
                         str(tmp_path / "c"), "--single", str(tmp_path / "alle.pdf"))
    assert code == 0
    assert "Hinweis: Kein Name der Koordination eingestellt" in err
    assert "5 Teilnahmebescheinigungen gespeichert" in out
    assert "Alle in einer Datei (5 Seiten) zum Drucken" in out


def test_nobody_qualifies_is_a_user_error(capsys: pytest.CaptureFixture[str], db_path: Path, meeting: Meeting,
                                          tmp_path: Path) -> None:
    code, out, err = run(capsys, db_path, "events", "create", "--title", "Leeres Treffen", "--starts-at",
                         "2022-01-27T10:00", "--ends-at", "2022-01-27T12:00")
    assert code == 0
    code, out, err = run(capsys, db_path, "export", "certificates", "--event", "2022-01-27", "-o",
                         str(tmp_path / "leer"))
    assert code == 2 and out == ""
    assert "Niemand erfüllt die Bedingung für eine Teilnahmebescheinigung" in err
    assert not (tmp_path / "leer").exists()


@pytest.mark.parametrize("bad", ["101", "-1", "fünfzig"])
def test_bad_threshold(capsys: pytest.CaptureFixture[str], db_path: Path, bad: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:  # argparse: usage error
        run(capsys, db_path, "export", "certificates", "--event", "2021-12-02", "-o", str(tmp_path),
            "--min-percent", bad)
    assert exit_.value.code == 2
    assert "--min-percent" in capsys.readouterr().err


def test_verify_refuses_changed_unknown_and_withdrawn_numbers(capsys: pytest.CaptureFixture[str], db_path: Path,
                                                              meeting: Meeting, tmp_path: Path) -> None:
    code, out, _ = run(capsys, db_path, "export", "certificates", "--event", "2021-12-02", "-o",
                       str(tmp_path / "d"), "--json")
    becker = json.loads(out)[1]["number"]
    code, out, err = run(capsys, db_path, "certificates", "verify", f"  {becker.lower()} ", "--json")
    assert code == 0 and json.loads(out)["name"] == "Dr. Anna Becker" and json.loads(out)["minutes"] == 95
    changed = becker[:-3] + ("0" if becker[-3] != "0" else "1") + becker[-2:]
    code, out, err = run(capsys, db_path, "certificates", "verify", changed)
    assert (code, out) == (1, "")
    assert "ist nicht gültig" in err and "Tippfehler" in err
    code, _, err = run(capsys, db_path, "certificates", "verify", "ODN-20211202-00000000-0")
    assert code == 1 and "Tippfehler" in err  # a wrong check character
    from odn_desktop.services.certificates import check_character

    never = f"ODN-20211202-00000000-{check_character('2021120200000000')}"
    code, _, err = run(capsys, db_path, "certificates", "verify", never)
    assert code == 1 and "keine Anmeldung mit Teilnahme" in err
    # the registration is no longer marked attended: the number no longer verifies
    db = open_database(db_path)
    try:
        with transaction(db.sessions) as s:
            from odn_desktop.services.registrations import mark_attendance

            mark_attendance(s, meeting.ids["anna.becker@kiel.example"], False)
    finally:
        db.close()
    code, _, err = run(capsys, db_path, "certificates", "verify", becker)
    assert code == 1 and "nicht mehr als anwesend markiert" in err


def test_the_export_runs_headless_without_qtwidgets(db_path: Path, meeting: Meeting, tmp_path: Path,
                                                    settings_folder: Path) -> None:
    folder = tmp_path / "kopflos"
    script = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):\n"
        f"    QSettings.setPath(fmt, QSettings.Scope.UserScope, {str(settings_folder)!r})\n"
        "from odn_desktop.cli import main\n"
        f"code = main(['--db', {str(db_path)!r}, 'export', 'certificates', '--event', '2021-12-02', "
        f"'-o', {str(folder)!r}])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'the certificate export loaded QtWidgets'\n"
        "sys.exit(code)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["ODN_ORGANIZER_NAME"] = "Kim Schäfer"
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert len(list(folder.glob("*.pdf"))) == 5
