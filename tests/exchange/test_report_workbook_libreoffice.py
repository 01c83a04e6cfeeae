"""The XLSX report as LibreOffice prints it: every chart sheet shows its native chart (title, axis titles, legend,
the lines and bars drawn in colour), so the charts are real charts another program can render, not just XML.

LibreOffice renders the workbook to PDF headless (``soffice --convert-to pdf``), one page per sheet; poppler reads
each page's text (``pdftotext``) and draws the line chart's page as PNG (``pdftoppm``). CI installs both
(``scripts/setup-system.sh --test``); elsewhere a missing program skips the test, saying which.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_workbook_samples import small_series, small_tables

from external_programs import missing, require_program
from odn_desktop.exchange.report_workbook import VALUE_AXIS_TITLES, write_report_workbook
from odn_desktop.services.report_figures import DEFINITIONS

pytestmark = pytest.mark.slow


def _pdf(tmp_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or missing(
        "LibreOffice (soffice) is not installed; CI installs it (libreoffice-calc-nogui) to render the report",
        program="soffice")
    xlsx = tmp_path / "Auswertung.xlsx"
    write_report_workbook(small_series(), small_tables(), xlsx, definitions=DEFINITIONS)
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
        capture_output=True, text=True, timeout=180, check=False)
    pdf = tmp_path / "Auswertung.pdf"
    assert done.returncode == 0 and pdf.exists(), f"soffice failed: {done.stdout}\n{done.stderr}"
    return pdf


def _pages(pdf: Path) -> list[str]:
    pdftotext = require_program("pdftotext")
    text = subprocess.run([pdftotext, "-raw", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def test_libreoffice_draws_every_chart_with_its_titles_and_legend(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path)
    pages = _pages(pdf)
    assert len(pages) == 6  # overview, four chart sheets, rounds – each fits its page width
    assert "Begriffe" in pages[0] and "Teilnahmequote" in pages[0]
    for page, table in zip(pages[1:5], small_tables(), strict=True):
        assert " ".join(table.title.split()) in page, f"chart title missing: {table.title}"
        assert table.headers[0] in page  # the category axis' title (and the table's first header)
        assert VALUE_AXIS_TITLES[table.key] in page, f"value axis title missing on {table.key}"
        if len(table.headers) > 2:  # the legend names the series, one after the other
            assert " ".join(table.headers[1:]) in page, f"legend missing on {table.key}"


def test_the_line_chart_is_drawn_in_colour(tmp_path: Path) -> None:
    from PIL import Image

    pdf = _pdf(tmp_path)
    pdftoppm = require_program("pdftoppm")
    subprocess.run([pdftoppm, "-r", "60", "-png", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "chart")],
                   check=True, timeout=60)
    png = next(tmp_path.glob("chart*.png"))
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        # the chart stands right of the table: count coloured (not grey) pixels there
        data = rgb.crop((width // 3, 0, width, height)).tobytes()
    pixels = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
    coloured = sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 80)
    deadline_red = sum(1 for r, g, b in pixels if r > 150 and g < 60 and b < 60)
    assert coloured > 300, f"the chart's lines are missing ({coloured} coloured pixels)"
    assert deadline_red > 10, "the deadline's dashed red line is missing"
