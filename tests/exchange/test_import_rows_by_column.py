"""``build_plan`` checks and cleans the rows a column at a time (issue 16: a 10,000-row import); its plan is the
plan of the row-by-row reading it replaced, kept here as the reference: every row (values, problems in their
order, merged duplicates), every person, on varied files with bad rows, placeholders, hostile cells, all date
spellings, aware and naive date cells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odn_desktop.domain.names import fold_german, normalize_email
from odn_desktop.exchange.cells import Cell, Table, cell_text, parse_cell_datetime
from odn_desktop.exchange.registration_import import (
    CONTACT_FIELDS,
    IMPORT_FIELDS,
    ColumnMapping,
    ImportPlan,
    ImportRow,
    build_plan,
    email_problem,
    level_value,
    mapping_errors,
    slash_day_first,
    split_full_name,
)

# -- the row-by-row reading, as it was before the column-wise one (commit d1dfb17) ---------------------------

_ANONYMOUS = frozenset({"anonymous", "anonym", "anonyme", "anonymer benutzer", "anonymous user", "n/a", "-", "–"})
_NAME_FIELDS = frozenset({"first_name", "last_name", "full_name"})


def _is_anonymous(text: str) -> bool:
    return text.casefold() in _ANONYMOUS


def _clean_email(text: str) -> str:
    text = text.strip().strip("<>").strip()
    if text[:7].lower() == "mailto:":
        text = text[7:].strip()
    return "" if _is_anonymous(text) else text


def _row(row_number: int, cells: Sequence[Cell], columns: dict[str, int], day_first: bool) -> ImportRow:
    values: dict[str, str] = {}
    for field_name, col in columns.items():
        if field_name != "registered_at":
            values[field_name] = cell_text(cells[col])
    problems: list[str] = []
    email = _clean_email(values.pop("email", ""))
    problem = email_problem(email) if "email" in columns else None
    if problem:
        problems.append(problem)
    for name_field in ("first_name", "last_name", "full_name"):
        if name_field in values and _is_anonymous(values[name_field]):
            values[name_field] = ""
    full = values.pop("full_name", "")
    if full and not (values.get("first_name") and values.get("last_name")):
        salutation, title, first, last = split_full_name(full)
        values["salutation"] = values.get("salutation") or salutation
        values["academic_title"] = values.get("academic_title") or title
        values["first_name"] = values.get("first_name") or first
        values["last_name"] = values.get("last_name") or last
    if not (values.get("first_name") or values.get("last_name")) and columns.keys() & _NAME_FIELDS:
        problems.append("Name fehlt (Vor- oder Nachname)")
    registered_at = None
    if "registered_at" in columns:
        raw = cells[columns["registered_at"]]
        try:
            registered_at = parse_cell_datetime(raw, day_first=day_first)
        except ValueError:
            problems.append(f"Anmeldedatum „{cell_text(raw)}“ ist kein Datum (erwartet z. B. 01.12.2021 10:00)")
    if values.get("municipality") and not values.get("organisation"):
        values["organisation"] = values["municipality"]
    return ImportRow(
        row=row_number, email=email, registered_at=registered_at, problems=tuple(problems),
        round=values.get("round", ""), first_name=values.get("first_name", ""),
        last_name=values.get("last_name", ""), salutation=values.get("salutation", ""),
        academic_title=values.get("academic_title", ""), organisation=values.get("organisation", ""),
        municipality=values.get("municipality", ""), role=values.get("role", ""),
        federal_state=values.get("federal_state", ""), experience_level=values.get("experience_level", ""),
        level=level_value(values.get("level", "")), wish=values.get("wish", "").strip(),
    )


def _merge(first: ImportRow, later: ImportRow) -> ImportRow:
    filled: dict[str, Any] = {f: getattr(later, f) for f in (*CONTACT_FIELDS, "round", "level", "wish")
                              if not getattr(first, f) and getattr(later, f)}
    known = {fold_german(w) for w in (first.wish, *first.more_wishes) if w}
    if first.wish and later.wish and fold_german(later.wish) not in known:
        filled["more_wishes"] = (*first.more_wishes, later.wish)
    return replace(first, **filled) if filled else first


def _arrival(row: ImportRow) -> tuple[bool, datetime | None, int]:
    return (row.registered_at is None, row.registered_at, row.row)


def reference_plan(table: Table, mapping: ColumnMapping) -> ImportPlan:
    errors = mapping_errors(table.header, mapping)
    columns: dict[str, int] = {}
    if len(mapping) == len(table.header):
        for col, field_name in enumerate(mapping):
            if field_name is not None:
                columns.setdefault(field_name, col)
    day_first = "registered_at" not in columns or slash_day_first(row[columns["registered_at"]] for row in table.rows)
    rows = [_row(n, cells, columns, day_first) for n, cells in zip(table.row_numbers, table.rows, strict=True)]
    first_of: dict[str, ImportRow] = {}
    for row in sorted((r for r in rows if r.ok and not errors), key=_arrival):
        key = row.email_key
        first_of[key] = _merge(first_of[key], row) if key in first_of else row
    primary_row = {key: r.row for key, r in first_of.items()}
    marked = [
        replace(r, duplicate_of=primary_row[r.email_key])
        if r.email_key in primary_row and primary_row[r.email_key] != r.row and r.ok else r
        for r in rows
    ]
    people = tuple(sorted(first_of.values(), key=_arrival))
    return ImportPlan(header=table.header, mapping=mapping, rows=tuple(marked), people=people, errors=errors,
                      description=table.description, sheet=table.sheet, sheet_names=table.sheet_names)


# -- the comparison ------------------------------------------------------------------------------------------


def assert_same_plan(table: Table, mapping: ColumnMapping) -> ImportPlan:
    plan, expected = build_plan(table, mapping), reference_plan(table, mapping)
    assert plan == expected
    for got, want in zip((*plan.rows, *plan.people), (*expected.rows, *expected.people), strict=True):
        assert repr(got) == repr(want) and hash(got) == hash(want)
        assert got.email_key == want.email_key == normalize_email(got.email)
        assert [type(got.registered_at), got.registered_at and got.registered_at.tzinfo] == [
            type(want.registered_at), want.registered_at and want.registered_at.tzinfo]
    assert [p.row for p in plan.people] == [p.row for p in expected.people]  # the queue order
    return plan


HEADER = ("Anrede", "Titel", "Vorname", "Nachname", "Name", "E-Mail", "Organisation", "Kommune", "Funktion",
          "Bundesland", "Erfahrung", "Anmeldedatum", "Runde", "Kenntnisstand", "Themenwunsch", "Bemerkung")
MAPPING: ColumnMapping = ("salutation", "academic_title", "first_name", "last_name", "full_name", "email",
                          "organisation", "municipality", "role", "federal_state", "experience_level",
                          "registered_at", "round", "level", "wish", None)
BERLIN_WINTER = timezone(timedelta(hours=1))

ROWS: list[tuple[Cell, ...]] = [
    ("Frau", "Dr.", "Anna", "Becker", "", "anna@kiel.example", "Stadt Kiel", "", "CDO", "SH", "viel",
     "02.12.2021 10:00", "Runde A", "Einsteiger:in", "Open Data", "x"),
    ("", "", "anonymous", "", "Dr. Jürgen Groß", " <ANNA@Kiel.example> ", "", "Kiel", "", "", "",
     "01.12.2021 09:00", "", "fortgeschritten", "Offene Daten  ", ""),  # earlier: the first of this address
    ("Herr", "", "", "", "Groß, Jürgen", "mailto:j.gross@amt.example", "", "", "", "", "", "2021-12-01T08:00:00Z",
     "", "", "", ""),
    ("", "", "", "", "", "kein.at.zeichen", "", "", "", "", "", "gestern", "", "", "", ""),  # three problems
    ("", "", "N/A", "-", "anonym", "", "", "", "", "", "", "", "", "", "", ""),
    ("", "", "=HYPERLINK(\"http://x\",\"y\")", "+49 30", "", "@formel@x.example", "=1+1", "", "-", "@", "", "",
     "", "", "=WUNSCH()", ""),
    ("", "", "Ömer", "Yılmaz", "", "ömer.yılmaz@münster.example", "", "Münster", "", "", "",
     datetime(2021, 12, 1, 9, 0), "", "Profi", "", ""),
    ("", "", "Ömer", "Yılmaz", "", "Ömer.Yılmaz@Münster.example", "", "", "", "", "", datetime(2021, 12, 1, 8, 0),
     "runde b", "", "Datenportale", ""),
    ("", "", "Kim", "Lee", "", "kim@a.example", "", "", datetime(2021, 12, 1, 9, 0, tzinfo=UTC), "", "",
     datetime(2021, 12, 1, 9, 0, tzinfo=UTC), "", "", "", ""),
    ("", "", "Kim", "Lee", "", "kim2@a.example", "", "", datetime(2021, 12, 1, 10, 0, tzinfo=BERLIN_WINTER), "", "",
     datetime(2021, 12, 1, 10, 0, tzinfo=BERLIN_WINTER), "", "", "", ""),  # the same instant, another zone
    ("", "", "Max", "Muster", "", "max@a.example", "", "", "", "", "", "12/02/2021 9:58 AM", "", "", "", ""),
    ("", "", "Max", "Muster", "", "MAX@a.example", "", "", "", "", "", "", "", "", "Zweiter Wunsch", ""),
    ("", "", "  Eva  ", "", "", "eva@a.example", "", "", "", "", "", "44532.5", "", "", "", ""),
    ("", "", "Eva", "", "", "eva@a.example", "Amt", "", "", "", "", "44532.5", "", "", "", ""),  # same time
    ("", "", "Bo", "", "", "bo@" + "a" * 64 + ".example", "", "", "", "", "", "31.02.2021", "", "", "", ""),
    ("", "", "Lu", "", "", "\"quoted\"@a.example", "", "", "", "", "", "01.01.9999 23:59", "", "", "", ""),
    ("", "", "Al", "", "", "al@[127.0.0.1]", "", "", "", "", "", "28.03.2021 02:30", "", "", "", ""),
    ("", "", "Al", "", "", "al@xn--mnster-3ya.example", "", "", "", "", "", "31.10.2021 02:30 Uhr", "", "", "",
     ""),
]


def table_of(rows: Sequence[tuple[Cell, ...]], header: Sequence[str] = HEADER) -> Table:
    return Table(header=tuple(header), rows=tuple(rows), row_numbers=tuple(range(2, len(rows) + 2)),
                 description="test")


def test_varied_rows_give_the_row_by_row_plan() -> None:
    plan = assert_same_plan(table_of(ROWS), MAPPING)
    assert plan.rejected and plan.duplicates and plan.people
    assert plan.rows[3].problems == (
        "E-Mail-Adresse „kein.at.zeichen“ ist ungültig", "Name fehlt (Vor- oder Nachname)",
        "Anmeldedatum „gestern“ ist kein Datum (erwartet z. B. 01.12.2021 10:00)")
    assert plan.rows[8].registered_at == plan.rows[9].registered_at  # read alike, texts of their own
    assert (plan.rows[8].role, plan.rows[9].role) == ("01.12.2021 09:00", "01.12.2021 10:00")
    assert plan.rows[5].first_name == "=HYPERLINK(\"http://x\",\"y\")"  # kept as typed (exports guard it)


def test_mappings_without_some_columns_and_with_errors() -> None:
    table = table_of(ROWS)
    for dropped in (("email",), ("first_name", "last_name", "full_name"), ("registered_at",),
                    ("full_name",), ("organisation",), ("first_name",)):
        assert_same_plan(table, tuple(None if f in dropped else f for f in MAPPING))
    assert_same_plan(table, tuple("email" if f == "organisation" else f for f in MAPPING))  # mapped twice
    assert_same_plan(table, MAPPING[:-1])  # does not fit the header
    assert_same_plan(table_of([]), MAPPING)


CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["anna@kiel.example", "ANNA@kiel.example ", "anonymous", "02.12.2021 10:00", "12/2/2021",
                     "13/2/2021", "2/13/2021 9:58 PM", "44532.5", "Dr. Anna Becker", "Becker, Anna", "=SUMME(A1)",
                     "schäfer@amt.example", "a@b", "mailto:x@y.example", "Einsteiger", "Profi", ""]),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1)),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1),
                 timezones=st.sampled_from([UTC, BERLIN_WINTER])),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(*[CELLS] * 6), max_size=12),
       mapping=st.lists(st.one_of(st.none(), st.sampled_from(IMPORT_FIELDS)), min_size=6, max_size=6))
def test_any_rows_give_the_row_by_row_plan(rows: list[tuple[Cell, ...]], mapping: list[str | None]) -> None:
    header = ("A", "B", "C", "D", "E", "F")
    if re.search("email", " ".join(str(m) for m in mapping)) is None:
        mapping[0] = "email"
    assert_same_plan(table_of(rows, header), tuple(mapping))


# -- e-mail addresses: the shortcuts give the library's verdict ---------------------------------------------


def library_verdict(email: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    if not email:
        return "E-Mail-Adresse fehlt"
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return f"E-Mail-Adresse „{email}“ ist ungültig"
    return None


ADDRESSES = [
    "schäfer@stadt-kiel.example", "Schäfer@Stadt-Kiel.EXAMPLE", "ömer.yılmaz@a.de", "a\u0308bc@a.de",  # not NFC
    "zero\u200bwidth@a.de", "line\u2028sep@a.de", "nb\u00a0sp@a.de", "ü" * 64 + "@a.de", "ü" * 65 + "@a.de",
    "ü" * 120 + "@" + "a" * 60 + ".de", "ü" * 100 + "@" + "a" * 45 + ".de", "x" * 64 + "@" + "b" * 63 + ".de",
    "x" * 200 + "@" + "b" * 60 + ".de", "x" * 190 + "@" + "b" * 59 + ".de", "Postmaster@a.de", "pöstmaster@a.de",
    "ä..b@a.de", ".äb@a.de", "äb.@a.de", "ä@-a.de", "ä@a-.de", "ä@a..de", "ä@a", "ä@a.d3", "ä@xn--mnster-3ya.de",
    "ä@XN--mnster-3ya.de", "ä@localhost", "ä@a.invalid", "ä@[127.0.0.1]", "ä@münster.de", "\"ä\"@a.de",
    "ä b@a.de", "ä@a.de ", "😀@a.de", "\ud800@a.de", "ä\\b@a.de", "ä@b@a.de", "ﬁ@a.de", "ℌ@a.de",
    "a@stadt-kiel.example", "a@" + "b" * 250 + ".de", "", "@a.de", "ä@", "ä@.de", "ä@a.de.", "ä@123.456",
    "\u0958" * 60 + "@a.de",  # NFC makes each of these two characters: valid as given, too long normalized
]


def test_email_shortcuts_give_the_librarys_verdict() -> None:
    for email in ADDRESSES:
        assert email_problem(email) == library_verdict(email), email


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(local=st.text(alphabet=st.sampled_from("aZ.-_+ä\u0308ıß\u200b\u00a0😀ﬁ\"@ \\"), max_size=80),
       domain=st.sampled_from(["a.de", "Stadt-Kiel.EXAMPLE", "a", "a..de", "xn--mnster-3ya.de", "b" * 63 + ".de",
                               "münster.de", "-a.de", "localhost"]))
def test_any_address_gets_the_librarys_verdict(local: str, domain: str) -> None:
    email = f"{local}@{domain}"
    assert email_problem(email) == library_verdict(email)
