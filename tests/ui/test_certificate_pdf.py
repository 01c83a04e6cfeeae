"""Certificates as PDF: real files read back with pypdf (text, pages), file names, one page whatever the programme."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from certificate_samples import TITLE, make_meeting
from odn_desktop.domain.errors import UserError
from odn_desktop.services.certificates import CertificateContent, ProgrammeLine, certificate_contents
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.pdf import certificate_pdf as pdf


@pytest.fixture
def contents(db: Database, tmp_path: Path, qapp: Any) -> list[CertificateContent]:
    with transaction(db.sessions) as s:
        meeting = make_meeting(s, tmp_path)
        return certificate_contents(s, meeting.event_id, min_percent=50, coordinator_name="Maria Koch",
                                    issued_on=date(2021, 12, 3))


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]  # Qt spaces come as tabs


def test_single_pdf_one_page_per_person(contents: list[CertificateContent], tmp_path: Path) -> None:
    path = tmp_path / "Alle Bescheinigungen ä.pdf"
    assert pdf.save_certificates_single_pdf(contents, path) == 5
    pages = _pages(path)
    assert len(pages) == 5
    names = ["Lena Adler", "Dr. Anna Becker", "Jürgen Groß", "Prof. Dr. Claus Müller", "Jan Weiß"]
    for text, content, name in zip(pages, contents, names, strict=True):
        assert text.startswith("Teilnahmebescheinigung Open Data in Kommunen – Netzwerktreffen")
        assert name in text and content.organisation in text
        assert f"„{TITLE}“" in text
        assert "am Donnerstag, 2. Dezember 2021 an der Veranstaltung" in text and "teilgenommen hat." in text
        assert "10:00–12:00 Uhr" in text and "2 Stunden" in text
        assert "Online per Zoom" in text
        assert "Deutsches Institut für Urbanistik gGmbH (Difu) Bertelsmann Stiftung" in text
        assert "11:00–12:00 Fragen und Diskussion Deniz Yılmaz" in text
        assert "Haushaltsdaten als Open Data Dr. Claus Arndt" in text
        assert "Maria Koch" in text and "Koordination" in text and "03.12.2021" in text
        assert f"Bescheinigungsnummer: {content.number}" in text
        assert sum(c.number in text for c in contents) == 1  # each page its own number
    assert "95 von 120 Minuten (laut Teilnahmebericht)" in pages[1]
    assert "100 von 120 Minuten" in pages[3]  # cancelled, but came
    assert "Anwesenheit von der Koordination bestätigt" in pages[4]  # marked by hand
    assert "Özlem" not in " ".join(pages)  # below the threshold


def test_one_file_per_person(contents: list[CertificateContent], tmp_path: Path) -> None:
    folder = tmp_path / "neu" / "Bescheinigungen"
    files = pdf.save_certificates(contents, folder)
    assert [f.name for f in files] == [
        "Teilnahmebescheinigung Adler Lena.pdf", "Teilnahmebescheinigung Becker Anna.pdf",
        "Teilnahmebescheinigung Groß Jürgen.pdf", "Teilnahmebescheinigung Müller Claus.pdf",
        "Teilnahmebescheinigung Weiß Jan.pdf"]
    assert sorted(folder.iterdir()) == sorted(files)  # no temporary files left
    for path, content in zip(files, contents, strict=True):
        pages = _pages(path)
        assert len(pages) == 1
        assert content.name in pages[0] and content.number in pages[0]
        assert PdfReader(path).metadata.title == f"Teilnahmebescheinigung – {content.name}"  # type: ignore[union-attr]
    again = pdf.save_certificates(contents, folder)  # a second export replaces its own files
    assert again == files and len(list(folder.iterdir())) == 5


def test_file_names_are_safe_and_unique(contents: list[CertificateContent]) -> None:
    taken: set[str] = set()
    base = contents[0]
    names = [pdf.certificate_filename(replace(base, last_name=last, first_name=first), taken) for last, first in [
        ("Weiß", "Jan"), ("weiß", "jan"), ("Weiß", "Jan"), ('Sch<ä>fer/"Test"', "K:a|t?r*i\\n"), ("", ""),
        ("Müller.", " "), ("X" * 300, "Y"),
    ]]
    assert names[:3] == ["Teilnahmebescheinigung Weiß Jan.pdf", "Teilnahmebescheinigung weiß jan (2).pdf",
                         "Teilnahmebescheinigung Weiß Jan (3).pdf"]
    assert names[3] == "Teilnahmebescheinigung Sch ä fer Test K a t r i n.pdf"
    assert names[4] == "Teilnahmebescheinigung Person.pdf"
    assert names[5] == "Teilnahmebescheinigung Müller.pdf"
    assert len(names[6]) == pdf.MAX_STEM + len(".pdf")
    assert pdf.certificate_filename(replace(base, last_name="A\u0308rger", first_name="Bo")) == \
        "Teilnahmebescheinigung Ärger Bo.pdf"  # composed umlaut (NFC), as Windows shows it


def test_a_long_programme_is_shortened_to_one_page(contents: list[CertificateContent], tmp_path: Path) -> None:
    programme = tuple(ProgrammeLine(f"{10 + i // 4:02d}:{i % 4 * 15:02d}", f"Werkstattbericht Nummer {i + 1} aus einer "
                                    "Kommune mit einem langen Titel", "Dr. Claus Arndt" if i % 2 else "")
                      for i in range(60))
    long = replace(contents[1], programme=programme)
    path = tmp_path / "lang.pdf"
    assert pdf.save_certificates_single_pdf([long], path) == 1
    pages = _pages(path)
    assert len(pages) == 1
    text = pages[0]
    assert "Werkstattbericht Nummer 1 aus" in text
    assert "Werkstattbericht Nummer 60 " not in text
    shown = max(i for i in range(1, 61) if f"Werkstattbericht Nummer {i} aus" in text)
    assert f"… und {60 - shown} weitere Programmpunkte" in text
    assert 5 < shown < 60
    assert f"Bescheinigungsnummer: {long.number}" in text and "Maria Koch" in text  # the foot is still there


def test_a_short_programme_is_shown_whole_at_full_size(contents: list[CertificateContent], qapp: Any) -> None:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf._writer(buffer, "t")
    fitted = pdf.fit_body(contents[0], writer, 2000.0, 2900.0)
    assert (fitted.programme_scale, fitted.programme_rows, fitted.scale) == (1.0, 3, 1.0)
    squeezed = pdf.fit_body(contents[0], writer, 2000.0, 900.0)  # far too little room: everything scaled
    assert squeezed.programme_rows == 0 and squeezed.scale < 1.0


def test_an_endless_title_is_scaled_onto_the_page(contents: list[CertificateContent], tmp_path: Path) -> None:
    endless = replace(contents[0], event_title=" ".join(["Netzwerktreffen"] * 600))
    path = tmp_path / "endlos.pdf"
    pdf.save_certificate_pdf(endless, path)
    pages = _pages(path)
    assert len(pages) == 1
    assert f"Bescheinigungsnummer: {endless.number}" in pages[0]


def test_speakers_without_a_programme_and_no_coordinator(contents: list[CertificateContent], tmp_path: Path) -> None:
    bare = replace(contents[0], programme=(), coordinator_name="")
    path = tmp_path / "ohne Programm.pdf"
    pdf.save_certificate_pdf(bare, path)
    text = _pages(path)[0]
    assert "Referent:innen Dr. Claus Arndt (Stadt Moers) Deniz Yılmaz (Open Knowledge)" in text
    assert "Programm " not in text
    assert "Maria Koch" not in text and "Koordination" in text  # an empty line to sign, captioned


def test_nothing_to_print_and_bad_targets(contents: list[CertificateContent], tmp_path: Path) -> None:
    with pytest.raises(UserError, match="keine Teilnahmebescheinigung"):
        pdf.save_certificates_single_pdf([], tmp_path / "leer.pdf")
    with pytest.raises(UserError, match="existiert nicht"):
        pdf.save_certificates_single_pdf(contents, tmp_path / "fehlt" / "alle.pdf")
    a_file = tmp_path / "datei"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="ist eine Datei"):
        pdf.save_certificates(contents, a_file)
    assert not (tmp_path / "leer.pdf").exists()
