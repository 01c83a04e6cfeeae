"""The attendance sheet printed by LibreOffice: every page carries the header row, no column spills over.

LibreOffice renders the .xlsx to PDF headless (``soffice --convert-to pdf``), the way Calc would print it;
the PDF's text is then read page by page. 300 registrants with all optional columns make the widest sheet.
CI installs LibreOffice (``scripts/setup-system.sh --test``); the test is skipped, saying why, only where
``soffice`` is missing, and fails where that happens in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from export_samples import crowd, december_event

from external_programs import missing
from odn_desktop.exchange.attendance_sheet import SIGNATURE_HEADER, AttendanceSheet, save_attendance_sheet
from odn_desktop.exchange.export_records import RegistrationCounts

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PEOPLE = 300
BLANK_ROWS = 10

pytestmark = pytest.mark.slow


def _render(xlsx: Path, outdir: Path, profile: Path) -> Path:
    soffice = SOFFICE or missing("LibreOffice (soffice) is not installed; CI installs it (libreoffice-calc-nogui) "
                                 "to check how the sheet prints", program="soffice")
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(outdir), str(xlsx)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    pdf = outdir / (xlsx.stem + ".pdf")
    assert done.returncode == 0 and pdf.exists(), f"soffice failed: {done.stdout}\n{done.stderr}"
    return pdf


def _pages_text(pdf: Path) -> list[str]:
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              timeout=60, check=True).stdout
        return text.split("\f")[:-1]  # pdftotext ends every page with a form feed
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_libreoffice_prints_every_page_with_the_whole_header_row(tmp_path: Path) -> None:
    in_person = december_event(format="in_person", format_label="Präsenz", venue="Rathaus Moers")  # signed
    sheet = AttendanceSheet(event=in_person, participants=crowd(PEOPLE),
                            counts=RegistrationCounts(PEOPLE, 0, 0, 0),
                            generated_at=datetime(2021, 12, 1, 15, tzinfo=UTC),
                            columns=("role", "email", "round"), blank_rows=BLANK_ROWS)
    xlsx = tmp_path / "Anwesenheitsliste.xlsx"
    save_attendance_sheet(sheet, xlsx)

    pdf = _render(xlsx, tmp_path, tmp_path / "lo-profile")
    pages = _pages_text(pdf)
    # LibreOffice prints all sheets; the counts sheet is the last page
    assert "Teilgenommen" in pages[-1] and "Nachname" not in pages[-1]
    table_pages = pages[:-1]
    assert len(table_pages) > 5
    last_header_word = SIGNATURE_HEADER.split()[-1]  # the header cell may wrap
    for number, text in enumerate(table_pages, start=1):
        assert "Nachname" in text, f"page {number} lacks the header row"
        assert "Nr." in text and "E-Mail" in text and "Runde" in text, f"page {number}: header incomplete"
        assert last_header_word in text, f"page {number} lacks the last column: a column spilled over"
        assert f"Seite {number} von {len(pages)}" in text
        assert "Open-Data-Netzwerktreffen" in text
    # every page is a page of rows: none holds only columns cut off from another page
    first_numbers = []
    for text in table_pages:
        lines = text.splitlines()
        below_header = lines[next(i for i, line in enumerate(lines) if "Nachname" in line) + 1:]
        numbers = [int(line.split()[0]) for line in below_header if line.split() and line.split()[0].isdigit()]
        assert numbers, "a page without table rows"
        first_numbers.append(numbers[0])
    assert first_numbers[0] == 1
    assert first_numbers == sorted(set(first_numbers)), "each page continues the rows of the page before"
    everything = "\n".join(table_pages)
    assert "Dąbrowski" in everything and "Özdemir" in everything and "Hohenstein" in everything
    assert "Unterschrift" in everything
    assert str(PEOPLE + BLANK_ROWS) in table_pages[-1]


def test_libreoffice_prints_the_online_list_without_signatures(db: Any, tmp_path: Path) -> None:
    """The demo's December meeting (online) as the window saves it, printed by LibreOffice and kept as PNG in the
    renders folder to look at: titles in their column, "von der Heide" under H, no signature column."""
    from odn_desktop.services import exports
    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.demo import load_demo
    from odn_desktop.services.events import list_event_rows
    from odn_desktop.services.registrations import register
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as s:
        load_demo(s)
        december = next(r for r in list_event_rows(s) if r.title == "Open-Data-Netzwerktreffen"
                        and r.starts_at.month == 12)
        register(s, december.id, ContactInput(email="anna.heide@kreis.example", first_name="Anna",
                                               last_name="von der Heide", organisation="Kreis Kleve"),
                 allow_late=True, force=True)
        xlsx = tmp_path / "2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx"
        exports.export_attendance_sheet(s, december.id, xlsx, columns=("role",), blank_rows=3)
    pdf = _render(xlsx, tmp_path, tmp_path / "lo-profile")
    pages = _pages_text(pdf)
    table = "\n".join(pages[:-1])
    assert "Unterschrift" not in table and "Anwesend" not in table
    assert "Titel" in table and "Funktion" in table
    heide = next(line for line in table.splitlines() if "Heide" in line)
    assert "von der Heide" not in heide and "Anna von der" in heide
    renders = Path(os.environ.get("ODN_RENDERS", "/work/notes/renders"))
    renders.mkdir(parents=True, exist_ok=True)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(renders / "attendance-sheet-online-libreoffice")], check=True, timeout=60)
        assert (renders / "attendance-sheet-online-libreoffice.png").stat().st_size > 10_000
