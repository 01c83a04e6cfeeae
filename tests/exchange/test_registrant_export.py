"""The registrant export read back: every field, an Excel table with filters, dates in Berlin time, safe text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from export_samples import HOSTILE, december_event, person
from openpyxl import load_workbook

from odn_desktop.exchange.registrant_export import HEADERS, save_registrant_export


def test_all_fields_as_a_filterable_table(tmp_path: Path) -> None:
    people = [
        person("Albers", "Katrin", 1, academic_title="Dr.", salutation="Frau", federal_state="Niedersachsen",
               experience_level="Erfahren", round="Runde A", late=True, attended=True, attended_minutes=85,
               source="anmeldungen.xlsx", notes="vegetarisch", consent_contact=True,
               consent_given_at=datetime(2021, 6, 30, 22, 15, tzinfo=UTC)),
        person(HOSTILE, "Mallory", 2, status="waiting", status_label="Warteliste", waitlist_position=1),
        person("Kühn", "Ole", 3, status="cancelled", status_label="Storniert",
               cancelled_at=datetime(2021, 11, 29, 11, 0, tzinfo=UTC)),
    ]
    path = tmp_path / "anmeldungen.xlsx"
    save_registrant_export(december_event(), people, path, datetime(2021, 12, 1, tzinfo=UTC))

    ws = load_workbook(path)["Anmeldungen"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first == {
        "Nachname": "Albers", "Vorname": "Katrin", "Anrede": "Frau", "Titel": "Dr.",
        "E-Mail": "person1@kommune.example", "Organisation": "Stadt Moers", "Kommune": "Moers",
        "Bundesland": "Niedersachsen", "Funktion": "Open-Data-Koordination", "Erfahrung": "Erfahren",
        "Status": "Angemeldet", "Wartelistenplatz": None, "Runde": "Runde A",
        "Angemeldet am": datetime(2021, 11, 8, 9, 30),  # Berlin wall-clock time (UTC+1 in November)
        "Verspätet": "ja", "Storniert am": None, "Teilgenommen": "ja", "Minuten anwesend": 85,
        "Quelle": "anmeldungen.xlsx", "Notizen": "vegetarisch", "Einwilligung Kontakt": "ja",
        "Einwilligung am": datetime(2021, 7, 1, 0, 15),  # summer time: UTC+2
        "Anmelde-ID": str(people[0].registration_id),
    }
    assert ws["N2"].number_format == "DD.MM.YYYY HH:MM"
    second = dict(zip(HEADERS, rows[2], strict=True))
    assert (second["Nachname"], second["Status"], second["Wartelistenplatz"]) == (HOSTILE, "Warteliste", 1)
    assert ws["A3"].data_type == "s" and ws["A3"].quotePrefix is True
    assert dict(zip(HEADERS, rows[3], strict=True))["Storniert am"] == datetime(2021, 11, 29, 12, 0)

    table = ws.tables["Anmeldungen"]
    assert table.ref == "A1:W4"
    assert [c.name for c in table.tableColumns] == list(HEADERS)
    assert table.autoFilter is not None and table.autoFilter.ref == "A1:W4"
    assert ws.freeze_panes == "C2"
    assert ws.print_title_rows == "$1:$1"
    assert (ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == ("landscape", 1, 0)


def test_an_empty_selection_still_gives_a_valid_table(tmp_path: Path) -> None:
    path = tmp_path / "leer.xlsx"
    save_registrant_export(december_event(), [], path, datetime(2021, 12, 1, tzinfo=UTC))
    ws = load_workbook(path)["Anmeldungen"]
    assert ws.tables["Anmeldungen"].ref == "A1:W2"
    assert [c.value for c in ws[1]] == list(HEADERS)
