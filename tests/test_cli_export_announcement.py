"""``odn-desktop export announcement``: the public text as HTML, Markdown or plain text, by the file's ending."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from odn_desktop.cli import main

LINK = "https://zoom.example/j/98765432100?pwd=geheim"


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], db_path: Path) -> Path:
    assert run(capsys, db_path, "demo")[0] == 0
    assert run(capsys, db_path, "events", "update", "--event", "2021-12-02", "--online-url", LINK)[0] == 0
    return db_path


def test_writes_all_three_formats(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    written = {}
    for name, what in (("Ankündigung.html", "HTML"), ("Ankündigung.md", "Markdown"), ("Ankündigung.txt", "Text")):
        target = tmp_path / name
        code, out, err = run(capsys, demo, "export", "announcement", "--event", "2021-12-02", "-o", str(target))
        assert (code, err) == (0, "")
        assert out == f"Ankündigung ({what}) gespeichert: {target}\n"
        written[name] = target.read_text(encoding="utf-8")
    assert ET.fromstring(written["Ankündigung.html"]).findtext("body/h1") == "Open-Data-Netzwerktreffen"
    assert written["Ankündigung.md"].startswith("# Open-Data-Netzwerktreffen\n\n**Donnerstag, 2. Dezember 2021**")
    text = written["Ankündigung.txt"]
    for fact in ("Donnerstag, 2. Dezember 2021", "10:00 - 11:30 Uhr", "Online per Zoom", "Bertelsmann Stiftung",
                 "Claus Arndt", "Sabine Manz", "Die Veranstaltung hat bereits stattgefunden."):
        assert fact in text
    for content in written.values():
        assert "98765432100" not in content and "pwd=geheim" not in content


def test_an_unknown_ending_exits_with_status_2(capsys: pytest.CaptureFixture[str], demo: Path,
                                                tmp_path: Path) -> None:
    target = tmp_path / "Ankündigung.docx"
    code, out, err = run(capsys, demo, "export", "announcement", "--event", "2021-12-02", "-o", str(target))
    assert code == 2 and out == ""
    assert "Die Ankündigung kann als .html, .htm, .md, .txt gespeichert werden" in err and "„.docx“" in err
    assert not target.exists()


def test_a_missing_folder_exits_with_status_2(capsys: pytest.CaptureFixture[str], demo: Path,
                                              tmp_path: Path) -> None:
    code, _, err = run(capsys, demo, "export", "announcement", "--event", "2021-12-02", "-o",
                       str(tmp_path / "fehlt" / "a.txt"))
    assert code == 2 and "existiert nicht" in err
