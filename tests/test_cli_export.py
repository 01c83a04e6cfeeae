"""``odn-desktop export ...``: every command writes its file; user mistakes exit with status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from odn_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ODN_ORGANIZER_NAME", "Kim Schäfer")
    monkeypatch.setenv("ODN_ORGANIZER_EMAIL", "kim.schaefer@difu.example")
    assert run(capsys, db_path, "demo")[0] == 0
    return db_path


def test_export_attendance_with_columns_and_blank_rows(capsys: pytest.CaptureFixture[str], demo: Path,
                                                       tmp_path: Path) -> None:
    out_file = tmp_path / "Anwesenheit Dezember.xlsx"
    code, out, err = run(capsys, demo, "export", "attendance", "--event", "2021-12-02", "-o", str(out_file),
                         "--blank-rows", "4", "--columns", "Funktion,E-Mail")
    assert (code, err) == (0, "")
    assert "28 Personen" in out
    ws = load_workbook(out_file)["Anwesenheitsliste"]
    header = next(row for row in ws.iter_rows(values_only=True) if row[1] == "Nachname")
    # the demo meeting is online (no signature column) and has doctors (a title column)
    assert header == ("Nr.", "Nachname", "Vorname", "Titel", "Organisation/Kommune", "Funktion", "E-Mail")
    assert ws.max_row >= 28 + 4 + 8 - 1


def test_export_registrants(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, demo, "export", "registrants", "--event", "2021-12-02", "-o",
                       str(tmp_path / "a.xlsx"))
    assert code == 0 and "31 Anmeldungen" in out
    assert "Anmeldungen" in load_workbook(tmp_path / "a.xlsx")["Anmeldungen"].tables


def test_export_ics_and_invites(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    code, _, _ = run(capsys, demo, "export", "ics", "--event", "2021-12-02", "-o", str(tmp_path / "t.ics"))
    assert code == 0
    assert Calendar.from_ical((tmp_path / "t.ics").read_bytes())["METHOD"] == "PUBLISH"

    code, _, err = run(capsys, demo, "export", "ics", "--event", "2021-12-02", "-o", str(tmp_path / "l.ics"),
                       "--with-link")
    assert code == 2 and "kein Zugangslink" in err  # the demo meeting has no link yet
    run(capsys, demo, "events", "update", "--event", "2021-12-02", "--online-url", "https://zoom.example/j/1")
    code, _, _ = run(capsys, demo, "export", "ics", "--event", "2021-12-02", "-o", str(tmp_path / "l.ics"),
                     "--with-link")
    assert code == 0 and b"https://zoom.example/j/1" in (tmp_path / "l.ics").read_bytes()

    code, out, _ = run(capsys, demo, "export", "invites", "--event", "2021-12-02", "-o", str(tmp_path / "inv"))
    assert code == 0 and out.startswith("28 Einladungen")
    files = sorted((tmp_path / "inv").glob("*.ics"))
    assert len(files) == 28
    assert Calendar.from_ical(files[0].read_bytes())["METHOD"] == "REQUEST"
    for path in (tmp_path / "t.ics", files[0]):  # the coordinator from the environment, no placeholder
        (vevent,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert str(vevent["ORGANIZER"]) == "mailto:kim.schaefer@difu.example"
        assert vevent["ORGANIZER"].params["CN"] == "Kim Schäfer"


@pytest.mark.parametrize("missing", ["ODN_ORGANIZER_NAME", "ODN_ORGANIZER_EMAIL"])
@pytest.mark.parametrize("action", ["ics", "invites"])
def test_calendar_exports_refuse_without_the_coordinator(capsys: pytest.CaptureFixture[str], demo: Path,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         missing: str, action: str) -> None:
    monkeypatch.delenv(missing)
    target = tmp_path / "ausgabe"
    code, out, err = run(capsys, demo, "export", action, "--event", "2021-12-02", "-o", str(target))
    assert code == 2 and out == ""
    assert "ODN_ORGANIZER_NAME und ODN_ORGANIZER_EMAIL setzen" in err
    assert not target.exists()


@pytest.mark.parametrize(("args", "message"), [
    (("attendance", "--event", "2031-01-01", "-o", "{tmp}/a.xlsx"), "Am 01.01.2031 beginnt keine Veranstaltung"),
    (("attendance", "--event", "2021-12-02", "-o", "{tmp}/a.xlsx", "--columns", "Telefon"), "Unbekannte Spalte"),
    (("attendance", "--event", "2021-12-02", "-o", "{tmp}/fehlt/a.xlsx"), "existiert nicht"),
    (("attendance", "--event", "2021-12-02", "-o", "{tmp}/a.xlsx", "--blank-rows", "-3"), "ungültiger Aufruf"),
    (("registrants", "--event", "2021-12-02"), "ungültiger Aufruf"),
    (("pdf", "--event", "2021-12-02", "-o", "{tmp}"), "ist ein Ordner"),
])
def test_user_mistakes_exit_with_2(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path,
                                   args: tuple[str, ...], message: str) -> None:
    argv = ["--db", str(demo), "export", *(a.format(tmp=tmp_path) for a in args)]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse errors
        code = int(exc.code or 0)
    _out, err = capsys.readouterr()
    assert code == 2
    assert message in err


def test_export_pdf_in_a_fresh_process_without_display_and_without_qtwidgets(demo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "Teilnehmende.pdf"
    script = (
        "import sys\n"
        "from odn_desktop.cli import main\n"
        f"code = main(['--db', {str(demo)!r}, 'export', 'pdf', '--event', '2021-12-02', '-o', {str(pdf)!r}])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'the PDF export loaded QtWidgets'\n"
        "sys.exit(code)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Teilnehmendenliste mit 28 Personen" in done.stdout
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    assert f"auf {len(pages)} Seiten" in done.stdout
    for number, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())  # Qt's spaces come out as tabs
        assert "Nachname" in text and f"Seite {number} von {len(pages)}" in text
