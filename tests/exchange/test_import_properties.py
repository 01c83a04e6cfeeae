"""Property tests: whatever bytes or CSV text arrive, the readers answer with a plan or a UserError, never a crash.

(The database side – nothing partial is ever written – is in tests/services/test_registration_import.py.)
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.attendance_reports import read_attendance_report
from odn_desktop.exchange.registration_import import build_plan, detect_mapping, read_registration_table

PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADERS = ["Vorname", "Nachname", "E-Mail", "E-Mail-Adresse", "Name", "Anmeldedatum", "Kommune", "Runde",
           "Startzeit", "Titel", "ID", "", "Join Time", "Name (Original Name)", "Total Duration (Minutes)"]
CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["anna@kiel.example", "anonymous", "02.12.2021 10:00", "12/2/2021 9:58 AM", "44532.5",
                     '"', ";", "\n", "\r", "\x00", "Dr. Anna Becker", "Becker, Anna", "=SUMME(A1)"]),
)


def plan_or_user_error(data: bytes) -> None:
    try:
        table = read_registration_table(data)
        plan = build_plan(table, detect_mapping(table))
    except UserError as exc:
        message = exc.message
        assert message.strip()
        return
    assert len(plan.rows) == len(table.rows)
    assert len({p.email_key for p in plan.people}) == len(plan.people)  # one entry per address
    for row in plan.rows:
        assert row.ok or row.problems


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
@example(b"\xff\xfe")  # a UTF-16 BOM and nothing else
@example(b"\xef\xbb\xbf")
@example(b"PK\x03\x04")
@example(b"\x81\x8d\x8f")  # bytes Windows-1252 leaves undefined
def test_arbitrary_bytes_give_a_plan_or_a_user_error(data: bytes) -> None:
    plan_or_user_error(data)


@PROPERTY_SETTINGS
@given(
    header=st.lists(st.one_of(st.sampled_from(HEADERS), st.text(max_size=12)), min_size=1, max_size=8),
    rows=st.lists(st.lists(CELLS, max_size=9), max_size=15),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_arbitrary_csv_gives_a_plan_or_a_user_error(header: list[str], rows: list[list[str]], delimiter: str,
                                                    encoding: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    if encoding == "utf-8-sig":
        data = codecs.BOM_UTF8 + text.encode("utf-8")
    else:
        data = text.encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")
    plan_or_user_error(data)


@PROPERTY_SETTINGS
@given(st.text(max_size=1500))
def test_arbitrary_text_gives_a_plan_or_a_user_error(text: str) -> None:
    plan_or_user_error(text.encode("utf-8", errors="surrogatepass"))


@PROPERTY_SETTINGS
@given(st.one_of(st.binary(max_size=1500), st.text(max_size=1500).map(lambda t: t.encode("utf-16"))))
def test_arbitrary_reports_give_a_report_or_a_user_error(data: bytes) -> None:
    try:
        report = read_attendance_report(data)
    except UserError:
        return
    assert all(p.minutes >= 0 for p in report.participants)


@PROPERTY_SETTINGS
@given(rows=st.lists(st.lists(CELLS, min_size=5, max_size=5), max_size=10),
       prefix=st.sampled_from(["", "Meeting ID,Topic,Start Time\n1,x,y\n\n", "1. Summary\n",
                               "Full Name\tUser Action\tTimestamp\n"]))
def test_report_like_csv_gives_a_report_or_a_user_error(rows: list[list[str]], prefix: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t" if "\t" in prefix or prefix.startswith("1.") else ",")
    writer.writerow(["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)"])
    writer.writerows(rows)
    with contextlib.suppress(UserError):
        read_attendance_report((prefix + out.getvalue()).encode("utf-16"))
