"""Decoding and CSV reading: every encoding, delimiter and line ending German exports come in, built here."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.csv_reading import (
    detect_delimiter,
    first_record,
    read_csv,
    read_csv_bytes,
    read_csv_text,
)
from odn_desktop.exchange.text_decoding import decode_bytes

HEADER = ["Anrede", "Vorname", "Nachname", "E-Mail", "Organisation", "Anmerkung"]
ROWS = [
    ["Frau", "Jürgen", "Groß", "juergen@muenster.example", "Stadt Münster", "Bitte „Ä“ & ß beachten"],
    ["Herr", "Özlem", "Weiß", "oezlem@goerlitz.example", "Landkreis Görlitz; Stabsstelle", "zwei\nZeilen"],
    ["", "Anna", "Becker", "anna@kiel.example", "Stadt Kiel, Amt 12", 'mit "Anführungszeichen"'],
]


def build_csv(delimiter: str, encoding: str, newline: str = "\r\n", trailing_blank_rows: int = 0) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(HEADER)
    writer.writerows(ROWS)
    for _ in range(trailing_blank_rows):
        out.write(delimiter * (len(HEADER) - 1) + newline)
    text = out.getvalue()
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16":
        return text.encode("utf-16")  # with BOM, as Teams writes it
    return text.encode(encoding)


# -- decoding ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Groß;Müller".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Groß;Müller".encode(), "utf-8-sig"),
        ("Groß;Müller".encode("cp1252"), "cp1252"),
        ("Groß;Müller €".encode("cp1252"), "cp1252"),
        ("Groß;Müller".encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Groß;Müller".encode("utf-16-be"), "utf-16"),
        ("Gross;Mueller".encode("utf-16-le"), "utf-16"),  # no BOM: recognised by the NUL bytes
    ],
)
def test_decoding_finds_the_encoding(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.replace("ss", "ß").replace("ue", "ü").startswith("Groß;Müller")


def test_windows_1252_text_is_never_mistaken_for_utf8() -> None:
    text = "Straße;Köln;Grüße;Ärger"
    assert decode_bytes(text.encode("cp1252")).text == text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.7\n\x00\x01\x02", b"a\x00b\x00c;"])
def test_binary_data_is_refused_in_german(data: bytes) -> None:
    with pytest.raises(UserError, match="keine CSV- oder Excel-Datei"):
        decode_bytes(data)


# -- delimiter ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Vorname;Nachname;E-Mail", ";"),
        ("Vorname,Nachname,E-Mail", ","),
        ("Vorname\tNachname\tE-Mail", "\t"),
        ('"Name, Vorname",E-Mail,Kommune', ","),  # the comma inside quotes does not count
        ('"Kommune; Kreis";E-Mail', ";"),
        ('"a;b;c;d",E-Mail,Name', ","),
        ("Name, Vorname;E-Mail", ";"),  # a tie goes to German Excel's semicolon
        ("E-Mail", ","),  # one column: any delimiter reads it
    ],
)
def test_delimiter_is_chosen_from_the_header_line_outside_quotes(line: str, expected: str) -> None:
    assert detect_delimiter(line) == expected


def test_first_record_spans_a_quoted_line_break() -> None:
    assert first_record('"Vor\nname";Nachname\nAnna;B') == '"Vor\nname";Nachname'


def test_free_text_full_of_commas_does_not_fool_the_detection() -> None:
    """csv.Sniffer on the whole sample would pick the comma here; the header line says semicolon."""
    lines = ["Vorname;Nachname;E-Mail;Anmerkung"] + [
        f'Anna;Becker;a{i}@kiel.example;"Ich komme, wenn es geht, später, ggf. mit Kollegin, Kollege"'
        for i in range(20)
    ]
    table = read_csv_text("\n".join(lines))
    assert table.header == ("Vorname", "Nachname", "E-Mail", "Anmerkung")
    assert table.rows[0][3].startswith("Ich komme, wenn")


# -- whole files -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_every_variant_reads_to_the_same_table(encoding: str, delimiter: str, newline: str) -> None:
    data = build_csv(delimiter, encoding, newline, trailing_blank_rows=3)
    table = read_csv_bytes(data)
    assert table.header == tuple(HEADER)
    assert [list(r) for r in table.rows] == ROWS  # embedded delimiters, quotes and line breaks kept
    assert table.row_numbers == (2, 3, 4)  # as Excel numbers them: a multi-line cell is still one row
    assert "Trennzeichen" in table.description


def test_embedded_line_breaks_do_not_shift_row_numbers() -> None:
    text = 'Vorname;Nachname;Anmerkung\nAnna;Becker;"eins\nzwei\ndrei"\nJan;Kaya;x\n'
    table = read_csv_text(text)
    assert table.rows[0][2] == "eins\nzwei\ndrei"
    assert table.row_numbers == (2, 3)


def test_blank_rows_are_skipped_but_counted() -> None:
    table = read_csv_text("Vorname;Nachname\nAnna;Becker\n;\n\nJan;Kaya\n;;\n\n")
    assert [r[0] for r in table.rows] == ["Anna", "Jan"]
    assert table.row_numbers == (2, 5)


def test_rows_of_whitespace_only_are_blank_and_one_filled_cell_keeps_a_row() -> None:
    table = read_csv_text("Vorname;Nachname;Ort\n  ;\t; \u00a0\nAnna;Becker;\n ; ;Kiel\n")
    assert table.rows == (("Anna", "Becker", ""), (" ", " ", "Kiel"))
    assert table.row_numbers == (3, 4)


def test_short_rows_are_padded_and_long_rows_cut_to_the_header() -> None:
    table = read_csv_text("A;B;C\n1\n1;2;3;4;5\n")
    assert table.rows == (("1", "", ""), ("1", "2", "3"))


def test_excel_sep_line_and_leading_blank_lines() -> None:
    table = read_csv_text("sep=,\r\nVorname,Nachname;Zusatz\r\nAnna,Becker;x\r\n")
    assert table.header == ("Vorname", "Nachname;Zusatz")
    table = read_csv_text("\n;;\nVorname;Nachname\nAnna;Becker\n")
    assert table.header == ("Vorname", "Nachname")
    assert table.header_row == 3
    assert table.row_numbers == (4,)


@pytest.mark.parametrize(
    ("first_line", "newline", "expected"),
    [("sep=|", "\r\n", "senkrechter Strich"), ("sep=\t", "\n", "Tabulator"), ("SEP=;;;", "\n", "Semikolon"),
     ("\ufeffsep=,", "\r", "Komma")],
)
def test_sep_line_names_every_supported_delimiter(first_line: str, newline: str, expected: str) -> None:
    delimiter = {"senkrechter Strich": "|", "Tabulator": "\t", "Semikolon": ";", "Komma": ","}[expected]
    text = newline.join([first_line, f"Vorname{delimiter}Nachname", f"Anna{delimiter}Becker", ""])
    table = read_csv_text(text)
    assert table.header == ("Vorname", "Nachname")
    assert table.rows == (("Anna", "Becker"),)
    assert table.description.endswith(f"Trennzeichen {expected}")


@pytest.mark.parametrize("first_line", ["sep=x", "sep=\"", "sep=", "sep= ", "sep=:", "sep=;,", "sep=ab"])
def test_sep_line_with_an_unsupported_delimiter_is_a_german_user_error(first_line: str, tmp_path: Path) -> None:
    path = tmp_path / "anmeldungen.csv"
    path.write_text(f"{first_line}\r\nVorname;Nachname\r\nAnna;Becker\r\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"nennt als Trennzeichen .*Unterstützt werden Semikolon") as caught:
        read_csv(path)
    assert "KeyError" not in caught.value.message


def test_old_mac_line_endings() -> None:
    table = read_csv_text("Vorname;Nachname\rAnna;Becker\rJan;Kaya\r")
    assert [r[0] for r in table.rows] == ["Anna", "Jan"]


def test_header_cells_lose_stray_bom_and_spaces() -> None:
    table = read_csv_text("\ufeff Vorname ;\u00a0Nachname\nAnna;Becker")
    assert table.header == ("Vorname", "Nachname")


@pytest.mark.parametrize("text", ["", "\n\n", ";;;\n;;;\n", "   "])
def test_a_file_without_header_is_a_user_error(text: str) -> None:
    with pytest.raises(UserError, match="leer"):
        read_csv_text(text)


def test_an_oversized_field_is_a_user_error_not_a_crash() -> None:
    text = 'A;B\n"' + "x" * 200_000 + '";1\n'
    with pytest.raises(UserError, match="CSV-Datei ist fehlerhaft"):
        read_csv_text(text)
