"""``odn-desktop export report`` through ``cli.main`` on the hand-counted sample series: the PDF read back with
pypdf (text, page numbers, hosts, vector charts), the workbook read back with openpyxl (native charts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from tests.report_samples import build_report_sample

from odn_desktop.cli import main
from odn_desktop.store.database import transaction
from odn_desktop.store.open import open_database


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "bericht ä.sqlite"
    database = open_database(path)
    with transaction(database.sessions) as s:
        build_report_sample(s)
    database.close()
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.gui
def test_pdf_report(qapp: object, capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path) -> None:
    # qapp first: the export would otherwise leave a bare QGuiApplication that later widget tests cannot use
    target = tmp_path / "Auswertung.pdf"
    code, out, err = run(capsys, sample, "export", "report", "--series", "Testreihe", "-o", str(target))
    assert code == 0, err
    assert "als PDF mit" in out and str(target) in out
    reader = PdfReader(target)
    pages = len(reader.pages)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())  # Qt's PDF: tabs as spaces
    assert "Testreihe Open Data" in text
    assert "Difu" in text and "Bertelsmann Stiftung" in text
    assert f"Seite 1 von {pages}" in text and f"Seite {pages} von {pages}" in text
    assert "Treffen A" in text and "Treffen B" in text
    assert "Begriffe" in text and "Teilnahmequote" in text
    assert all(not page.images for page in reader.pages)  # charts are vector, not pictures
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4


def test_xlsx_report(capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "Auswertung.xlsx"
    code, out, err = run(capsys, sample, "export", "report", "--series", "testreihe open data", "-o", str(target))
    assert code == 0, err
    assert "als Excel-Datei" in out and "4 Diagrammen" in out
    wb = load_workbook(target)
    charted = [ws.title for ws in wb.worksheets if ws._charts]
    assert len(charted) == 4


def test_refuses_other_endings_before_any_work(capsys: pytest.CaptureFixture[str], sample: Path,
                                               tmp_path: Path) -> None:
    code, _, err = run(capsys, sample, "export", "report", "--series", "Testreihe", "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "PDF (.pdf) oder Excel-Datei (.xlsx)" in err
    assert not (tmp_path / "x.docx").exists()
    code, _, err = run(capsys, sample, "export", "report", "--series", "Gibt es nicht", "-o",
                       str(tmp_path / "x.pdf"))
    assert code == 2 and "Keine Veranstaltungsreihe" in err and not (tmp_path / "x.pdf").exists()


def test_pdf_report_needs_no_qtwidgets(sample: Path, tmp_path: Path) -> None:
    """The CLI writes the report with QtGui alone (like ``export pdf``): no widget module in the process."""
    import subprocess
    import sys

    target = tmp_path / "ohne Fenster.pdf"
    script = ("import sys; from odn_desktop.cli import main; "
              f"code = main(['--db', {str(sample)!r}, 'export', 'report', '--series', 'Testreihe', '-o', "
              f"{str(target)!r}]); "
              "assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets loaded'; sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 10_000
