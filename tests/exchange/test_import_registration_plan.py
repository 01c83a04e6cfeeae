"""Column mapping, row validation, dates and duplicates of registration files (plain data, no database)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from odn_desktop.exchange.cells import Table, parse_cell_datetime, slash_order
from odn_desktop.exchange.csv_reading import read_csv_text
from odn_desktop.exchange.registration_import import (
    ImportPlan,
    assign,
    build_plan,
    detect_mapping,
    email_problem,
    header_signature,
    mapping_errors,
    read_registration_table,
    split_full_name,
)


def table(rows: list[list[str]], delimiter: str = ";") -> Table:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return read_csv_text(out.getvalue())


def mapped(t: Table) -> dict[str, str]:
    """field -> header of the column it was mapped to."""
    return {f: t.header[i] for i, f in enumerate(detect_mapping(t)) if f is not None}


def plan_of(rows: list[list[str]]) -> ImportPlan:
    t = table(rows)
    return build_plan(t, detect_mapping(t))


# -- mapping -----------------------------------------------------------------------------------------------


def test_german_web_form_headers() -> None:
    t = table([
        ["Anrede", "Titel", "Vorname", "Nachname", "E-Mail-Adresse", "Organisation", "Kommune", "Funktion",
         "Bundesland", "Erfahrung mit Open Data", "Anmeldedatum", "Parallelrunde"],
        ["Frau", "Dr.", "Anna", "Becker", "anna@kiel.example", "Stadt Kiel", "Kiel", "Leitung", "SH", "keine",
         "01.11.2021 10:00", "Runde A"],
    ])
    assert mapped(t) == {
        "salutation": "Anrede", "academic_title": "Titel", "first_name": "Vorname", "last_name": "Nachname",
        "email": "E-Mail-Adresse", "organisation": "Organisation", "municipality": "Kommune", "role": "Funktion",
        "federal_state": "Bundesland", "experience_level": "Erfahrung mit Open Data",
        "registered_at": "Anmeldedatum", "round": "Parallelrunde",
    }


def test_english_headers() -> None:
    t = table([
        ["First name", "Last name", "Email address", "Organization", "Job title", "Submitted at"],
        ["Anna", "Becker", "anna@kiel.example", "City of Kiel", "Head", "2021-11-01 10:00"],
    ])
    assert mapped(t) == {"first_name": "First name", "last_name": "Last name", "email": "Email address",
                         "organisation": "Organization", "role": "Job title", "registered_at": "Submitted at"}


MS_FORMS_DE = [
    ["ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name", "Zeitpunkt der letzten Änderung", "Vorname",
     "Nachname", "E-Mail-Adresse", "Kommune / Organisation", "Ihre Funktion"],
    ["1", "01.11.2021 09:58", "01.11.2021 10:02", "anonymous", "", "", "Anna", "Becker", "anna@kiel.example",
     "Stadt Kiel", "Open-Data-Beauftragte"],
    ["2", "02.11.2021 11:00", "02.11.2021 11:04", "anonymous", "", "", "Jan", "Kaya", "jan@ulm.example",
     "Stadt Ulm", "IT"],
]


def test_survey_metadata_columns_do_not_win_the_email() -> None:
    """Microsoft Forms: "E-Mail" reads "anonymous"; the real addresses are in the question's column."""
    t = table(MS_FORMS_DE)
    fields = mapped(t)
    assert fields["email"] == "E-Mail-Adresse"
    assert fields["registered_at"] == "Fertigstellungszeit"  # completion, not the start of filling in
    assert "full_name" not in fields  # "Name" (metadata, empty) is ignored next to Vorname + Nachname
    assert fields["first_name"] == "Vorname" and fields["last_name"] == "Nachname"
    assert fields["organisation"] == "Kommune / Organisation"
    assert fields["role"] == "Ihre Funktion"
    plan = build_plan(t, detect_mapping(t))
    assert [p.email for p in plan.people] == ["anna@kiel.example", "jan@ulm.example"]
    assert plan.people[0].registered_at == datetime(2021, 11, 1, 9, 2, tzinfo=UTC)


def test_the_metadata_column_loses_also_when_it_comes_after_the_real_one() -> None:
    rows = [["Vorname", "Nachname", "E-Mail", "Email"], ["Anna", "Becker", "anna@kiel.example", "anonymous"]]
    assert mapped(table(rows))["email"] == "E-Mail"
    rows = [["Vorname", "Nachname", "Email", "E-Mail"], ["Anna", "Becker", "anonymous", "anna@kiel.example"]]
    assert mapped(table(rows))["email"] == "E-Mail"


def test_english_survey_export() -> None:
    t = table([
        ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Your e-mail address",
         "Full name", "Municipality"],
        ["1", "11/1/21 9:58:00", "11/1/21 10:02:00", "anonymous", "anonymous", "", "anna@kiel.example",
         "Anna Becker", "Kiel"],
    ])
    fields = mapped(t)
    assert fields["email"] == "Your e-mail address"
    assert fields["registered_at"] == "Completion time"
    assert fields["full_name"] == "Full name"
    plan = build_plan(t, detect_mapping(t))
    assert (plan.people[0].first_name, plan.people[0].last_name) == ("Anna", "Becker")


def test_an_email_column_under_an_unknown_header_is_found_by_its_values() -> None:
    t = table([["Vorname", "Nachname", "Kontakt"], ["Anna", "Becker", "anna@kiel.example"],
               ["Jan", "Kaya", "jan@ulm.example"]])
    assert mapped(t)["email"] == "Kontakt"


def test_name_next_to_vorname_is_the_last_name() -> None:
    t = table([["Name", "Vorname", "E-Mail"], ["Becker", "Anna", "anna@kiel.example"]])
    assert mapped(t) == {"last_name": "Name", "first_name": "Vorname", "email": "E-Mail"}


def test_a_single_name_column_is_split() -> None:
    plan = plan_of([["Name", "E-Mail"], ["Dr. Anna Maria Becker", "anna@kiel.example"],
                    ["Kaya, Jan", "jan@ulm.example"], ["Frau Prof. Dr. Ute Lange", "ute@bonn.example"]])
    people = {p.email: p for p in plan.people}
    assert (people["anna@kiel.example"].academic_title, people["anna@kiel.example"].first_name,
            people["anna@kiel.example"].last_name) == ("Dr.", "Anna Maria", "Becker")
    assert (people["jan@ulm.example"].first_name, people["jan@ulm.example"].last_name) == ("Jan", "Kaya")
    ute = people["ute@bonn.example"]
    assert (ute.salutation, ute.academic_title, ute.first_name, ute.last_name) == ("Frau", "Prof. Dr.", "Ute", "Lange")


def test_organisation_wins_over_name_in_a_long_header() -> None:
    t = table([["Vorname", "Nachname", "E-Mail", "Name der Organisation"], ["A", "B", "a@b.example", "Stadt Kiel"]])
    assert mapped(t)["organisation"] == "Name der Organisation"


def test_a_municipality_without_organisation_fills_the_organisation() -> None:
    plan = plan_of([["Vorname", "Nachname", "E-Mail", "Kommune"], ["Anna", "Becker", "a@kiel.example", "Kiel"]])
    assert (plan.people[0].organisation, plan.people[0].municipality) == ("Kiel", "Kiel")


def test_missing_email_column_is_a_file_level_error_in_german() -> None:
    t = table([["Vorname", "Nachname", "Kommune"], ["Anna", "Becker", "Kiel"]])
    plan = build_plan(t, detect_mapping(t))
    assert not plan.importable
    assert plan.errors[0].startswith("Spalte für E-Mail nicht gefunden")
    assert plan.people == ()


def test_assign_frees_the_column_that_held_the_field() -> None:
    mapping = ("first_name", "last_name", "email", None)
    assert assign(mapping, 3, "email") == ("first_name", "last_name", None, "email")
    assert assign(mapping, 0, None) == (None, "last_name", "email", None)
    with pytest.raises(ValueError):
        assign(mapping, 0, "shoe_size")


def test_mapping_errors_name_the_problem() -> None:
    header = ("A", "B", "C")
    assert mapping_errors(header, ("email", "email", "last_name"))[0] == (
        "„E-Mail“ ist mehreren Spalten zugeordnet („A“, „B“).")
    assert "Namen nicht gefunden" in mapping_errors(header, ("email", None, None))[0]
    assert mapping_errors(header, ("email",)) == ("Die Zuordnung passt nicht zu den Spalten der Datei.",)


def test_header_signature_ignores_case_spacing_and_umlaut_spelling() -> None:
    assert header_signature(["E-Mail", "Straße"]) == header_signature([" e-mail ", "STRASSE"])
    assert header_signature(["E-Mail", "Name"]) != header_signature(["Name", "E-Mail"])


# -- validation --------------------------------------------------------------------------------------------


def test_rows_with_problems_carry_german_reasons_and_excel_row_numbers() -> None:
    plan = plan_of([
        ["Vorname", "Nachname", "E-Mail", "Anmeldedatum"],
        ["Anna", "Becker", "anna@kiel.example", "01.11.2021 10:00"],  # row 2
        ["Jan", "Kaya", "", "01.11.2021 10:00"],  # row 3
        ["", "", "leer@kiel.example", ""],  # row 4
        ["Ute", "Lange", "ute(at)bonn.example", "01.11.2021"],  # row 5
        ["Tim", "Vogel", "tim@jena.example", "gestern"],  # row 6
        ["  Lea  ", " Brandt", "  lea@trier.example ", ""],  # row 7
    ])
    assert [r.message for r in plan.rejected] == [
        "Zeile 3: E-Mail-Adresse fehlt",
        "Zeile 4: Name fehlt (Vor- oder Nachname)",
        "Zeile 5: E-Mail-Adresse „ute(at)bonn.example“ ist ungültig",
        "Zeile 6: Anmeldedatum „gestern“ ist kein Datum (erwartet z. B. 01.12.2021 10:00)",
    ]
    lea = next(p for p in plan.people if p.row == 7)
    assert (lea.first_name, lea.last_name, lea.email) == ("Lea", "Brandt", "lea@trier.example")
    assert lea.registered_at is None


def test_anonymous_is_no_address() -> None:
    plan = plan_of([["Vorname", "Nachname", "E-Mail"], ["Anna", "Becker", "anonymous"]])
    assert plan.rejected[0].message == "Zeile 2: E-Mail-Adresse fehlt"


def test_mailto_and_angle_brackets_are_removed() -> None:
    plan = plan_of([["Vorname", "Nachname", "E-Mail"], ["Anna", "Becker", "mailto:anna@kiel.example"],
                    ["Jan", "Kaya", "<jan@ulm.example>"]])
    assert [p.email for p in plan.people] == ["anna@kiel.example", "jan@ulm.example"]


def test_duplicates_are_merged_into_the_earliest_registration() -> None:
    plan = plan_of([
        ["Vorname", "Nachname", "E-Mail", "Funktion", "Anmeldedatum"],
        ["Anna", "Becker", "Anna@Kiel.example ", "", "02.11.2021 10:00"],  # row 2: later
        ["Anna", "Becker-Kurz", "anna@kiel.example", "Leitung", "01.11.2021 10:00"],  # row 3: earliest
        ["Jan", "Kaya", "jan@ulm.example", "", "03.11.2021 10:00"],
    ])
    assert [p.row for p in plan.people] == [3, 4]
    anna = plan.people[0]
    assert (anna.last_name, anna.role) == ("Becker-Kurz", "Leitung")  # the first registration's values win
    assert [(r.row, r.duplicate_of) for r in plan.duplicates] == [(2, 3)]
    assert plan.rejected == ()


def test_the_earlier_duplicate_fills_only_empty_fields() -> None:
    plan = plan_of([["Vorname", "Nachname", "E-Mail", "Funktion", "Bundesland"],
                    ["Anna", "Becker", "anna@kiel.example", "", "Schleswig-Holstein"],
                    ["Anna", "Becker", "anna@kiel.example", "Leitung", "Bayern"]])
    assert (plan.people[0].role, plan.people[0].federal_state) == ("Leitung", "Schleswig-Holstein")


@pytest.mark.parametrize(
    "email",
    ["anna@kiel.example", "a.b-c+d@stadt-kiel.example", "jürgen@münster.example", "x@localhost", "x@kiel.test",
     "a..b@kiel.example", "a@-kiel.example", "a@kiel", "a" * 65 + "@kiel.example", "a@" + "b" * 64 + ".example",
     "a@xn--mnster-3ya.example", "\"quoted\"@kiel.example", "a@[127.0.0.1]", "a b@kiel.example"],
)
def test_the_fast_email_check_agrees_with_the_library(email: str) -> None:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(email, check_deliverability=False)
        expected = True
    except EmailNotValidError:
        expected = False
    assert (email_problem(email) is None) == expected


def test_split_full_name_edge_cases() -> None:
    assert split_full_name("Becker") == ("", "", "", "Becker")
    assert split_full_name("") == ("", "", "", "")
    assert split_full_name("Herr Dr.-Ing. Jan Kaya") == ("Herr", "Dr.-Ing.", "Jan", "Kaya")


# -- dates -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02.12.2021 10:00", datetime(2021, 12, 2, 9, 0, tzinfo=UTC)),  # winter: UTC+1
        ("02.06.2021 10:00", datetime(2021, 6, 2, 8, 0, tzinfo=UTC)),  # summer: UTC+2
        ("2.6.21, 10:00:30 Uhr", datetime(2021, 6, 2, 8, 0, 30, tzinfo=UTC)),
        ("02.12.2021", datetime(2021, 12, 1, 23, 0, tzinfo=UTC)),
        ("2021-12-02 10:00", datetime(2021, 12, 2, 9, 0, tzinfo=UTC)),
        ("2021-12-02T10:00:00Z", datetime(2021, 12, 2, 10, 0, tzinfo=UTC)),
        ("2021-12-02T10:00:00+01:00", datetime(2021, 12, 2, 9, 0, tzinfo=UTC)),
        ("12/2/2021 9:58:01 AM", datetime(2021, 12, 2, 8, 58, 1, tzinfo=UTC)),
        ("12/2/2021 12:05 PM", datetime(2021, 12, 2, 11, 5, tzinfo=UTC)),
        ("12/2/2021 12:05 AM", datetime(2021, 12, 1, 23, 5, tzinfo=UTC)),
        ("02/12/2021 10:00", datetime(2021, 12, 2, 9, 0, tzinfo=UTC)),  # day-first by default
        ("44532.5", datetime(2021, 12, 2, 11, 0, tzinfo=UTC)),  # Excel serial day number
    ],
)
def test_dates_in_the_spellings_exports_use(text: str, expected: datetime) -> None:
    assert parse_cell_datetime(text) == expected


@pytest.mark.parametrize("text", ["gestern", "31.02.2021", "13/13/2021 10:00", "0001-01-01 00:00", "12345",
                                  "2021-12-02T10:00+25:00", "13/1/2021 10:00 PM"])
def test_non_dates_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_cell_datetime(text)


def test_slash_order_is_decided_by_the_file() -> None:
    assert slash_order(["01/02/2021 10:00", "13/02/2021 10:00"]) is True
    assert slash_order(["01/02/2021 10:00", "02/13/2021 10:00"]) is False
    assert slash_order(["01/02/2021 10:00 AM"]) is False
    assert slash_order(["01/02/2021 10:00"]) is None
    assert parse_cell_datetime("02/12/2021 10:00", day_first=False) == datetime(2021, 2, 12, 9, 0, tzinfo=UTC)


def _plan_from_file(tmp_path: Path, dates: list[str]) -> ImportPlan:
    """Through the real path: a CSV file on disk, read as bytes, mapped by detection, planned."""
    path = tmp_path / "anmeldungen.csv"
    lines = ["Zeitstempel,Vorname,Nachname,E-Mail-Adresse"]
    lines += [f"{d},Person,Nummer{i},p{i}@kiel.example" for i, d in enumerate(dates)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    table = read_registration_table(path.read_bytes())
    return build_plan(table, detect_mapping(table))


def test_a_month_first_file_is_read_month_first_in_every_row(tmp_path: Path) -> None:
    """``12/13/2021`` proves the file month-first: ``12/2/2021`` in the same file is 2 December."""
    plan = _plan_from_file(tmp_path, ["12/2/2021 09:00:00", "12/13/2021 14:03:11", "1/5/2022 10:00:00",
                                      "02.12.2021 10:00"])
    assert plan.mapping[0] == "registered_at"
    assert not plan.rejected
    assert [r.registered_at for r in plan.rows] == [
        datetime(2021, 12, 2, 8, 0, tzinfo=UTC),
        datetime(2021, 12, 13, 13, 3, 11, tzinfo=UTC),
        datetime(2022, 1, 5, 9, 0, tzinfo=UTC),
        datetime(2021, 12, 2, 9, 0, tzinfo=UTC),  # German dotted dates stay day-first
    ]


def test_the_proof_of_month_first_may_come_last(tmp_path: Path) -> None:
    plan = _plan_from_file(tmp_path, [*(["12/2/2021 09:00:00"] * 5), "11/30/2021 23:59:00"])
    assert not plan.rejected
    assert plan.rows[0].registered_at == datetime(2021, 12, 2, 8, 0, tzinfo=UTC)
    assert plan.rows[-1].registered_at == datetime(2021, 11, 30, 22, 59, tzinfo=UTC)


def test_a_day_first_or_undecided_file_is_read_day_first(tmp_path: Path) -> None:
    plan = _plan_from_file(tmp_path, ["02/12/2021 10:00", "13/12/2021 10:00"])
    assert [r.registered_at for r in plan.rows] == [datetime(2021, 12, 2, 9, 0, tzinfo=UTC),
                                                    datetime(2021, 12, 13, 9, 0, tzinfo=UTC)]
    plan = _plan_from_file(tmp_path, ["02/12/2021 10:00"])
    assert plan.rows[0].registered_at == datetime(2021, 12, 2, 9, 0, tzinfo=UTC)
