"""Registration import into a real SQLite file: seats, duplicates, re-import, dry run, failures half-way."""

from __future__ import annotations

import codecs
import csv
import io
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import insert, select, text

from odn_desktop.domain.deadlines import end_of_day
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.registration_import import build_plan, detect_mapping, read_registration_table
from odn_desktop.services import registration_import as svc
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Registration, Round
from odn_desktop.store.open import Database

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
DEADLINE = end_of_day(date(2021, 12, 1))
BEFORE = datetime(2021, 11, 15, 9, 0, tzinfo=BERLIN)
HEADER = ["Vorname", "Nachname", "E-Mail-Adresse", "Organisation", "Funktion", "Anmeldedatum"]


def make_event(db: Database, **fields: Any) -> uuid.UUID:
    fields.setdefault("registration_deadline", DEADLINE)
    with transaction(db.sessions) as s:
        return create_event(s, title="Open-Data-Netzwerktreffen", starts_at=START,
                            ends_at=START + timedelta(minutes=90), **fields).id


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, delimiter: str = ";",
              encoding: str = "cp1252") -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def person(n: int, when: str, email: str | None = None) -> list[str]:
    return [f"Vorname{n}", f"Nachname{n}", email or f"person{n}@kommune.example", f"Stadt {n}", "Open Data", when]


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the import touches, all columns (timestamps and change markers too)."""
    result = {}
    with db.engine.connect() as conn:
        for table in ("contact", "registration", "event", "round"):
            result[table] = sorted(map(tuple, conn.execute(text(f"SELECT * FROM {table}"))), key=repr)
    return result


#: the import's "now" unless a test says otherwise: before the deadline, so undated rows are in time
IMPORT_NOW = datetime(2021, 11, 25, 12, 0, tzinfo=UTC)


def import_file(db: Database, event_id: uuid.UUID, path: Path, **kwargs: Any) -> svc.RegistrationImportReport:
    kwargs.setdefault("now", IMPORT_NOW)
    with transaction(db.sessions) as s:
        return svc.import_registrations_file(s, event_id, path, **kwargs)


def rows_by_email(db: Database, event_id: uuid.UUID) -> dict[str, regs.RegistrationRow]:
    with transaction(db.sessions) as s:
        return {r.email.lower(): r for r in regs.list_registration_rows(s, event_id)}


# -- seats, lateness, report -------------------------------------------------------------------------------


def test_seats_follow_registration_time_not_file_order(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=2)
    path = write_csv(tmp_path / "anmeldungen.csv", [
        person(1, "20.11.2021 12:00"),  # third
        person(2, "20.11.2021 09:00"),  # first
        person(3, "02.12.2021 08:00"),  # after the deadline: late, waiting
        person(4, "20.11.2021 10:00"),  # second
    ])
    report = import_file(db, event_id, path, allow_late=True)
    assert report.to_json() == {"created": 4, "updated": 0, "unchanged": 0, "waiting": 2, "late": 1,
                                "rejected": [], "duplicates": [], "notes": [], "rows": [
                                    {"row": 2, "kind": "new", "late": False, "waiting": True},
                                    {"row": 3, "kind": "new", "late": False, "waiting": False},
                                    {"row": 4, "kind": "new", "late": True, "waiting": True},
                                    {"row": 5, "kind": "new", "late": False, "waiting": False}]}
    rows = rows_by_email(db, event_id)
    assert rows["person2@kommune.example"].status == "registered"
    assert rows["person4@kommune.example"].status == "registered"
    assert (rows["person1@kommune.example"].status, rows["person1@kommune.example"].waitlist_position) == (
        "waiting", 1)
    late = rows["person3@kommune.example"]
    assert (late.status, late.waitlist_position, late.late) == ("waiting", 2, True)
    assert late.registered_at == datetime(2021, 12, 2, 7, 0, tzinfo=UTC)
    with transaction(db.sessions) as s:
        sources = set(s.scalars(select(Registration.source)))
    assert sources == {"anmeldungen.csv"}


def test_rows_after_the_deadline_are_refused_without_late_and_the_rest_imported(db: Database,
                                                                                tmp_path: Path) -> None:
    event_id = make_event(db, capacity=5)
    path = write_csv(tmp_path / "a.csv", [person(1, "20.11.2021 12:00"), person(2, "02.12.2021 08:00")])
    report = import_file(db, event_id, path)
    assert (report.created, report.late) == (1, 0)
    assert [r.message for r in report.rejected] == [
        "Zeile 3: Die Anmeldefrist ist am 01.12.2021 23:59 Uhr abgelaufen. "
        "Übernahme nur mit „Verspätet zulassen“ (--late)."]
    assert set(rows_by_email(db, event_id)) == {"person1@kommune.example"}
    again = import_file(db, event_id, path, allow_late=True)  # the coordinator admits the late row
    assert (again.created, again.late, again.unchanged) == (1, 1, 1)
    assert rows_by_email(db, event_id)["person2@kommune.example"].late


def test_a_closed_event_or_one_not_yet_open_refuses_rows_unless_late(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=5, registration_opens_at=datetime(2021, 11, 20, 11, 0, tzinfo=UTC))
    path = write_csv(tmp_path / "a.csv", [person(1, "20.11.2021 10:00"), person(2, "20.11.2021 13:00")])
    report = import_file(db, event_id, path)
    assert [r.row for r in report.rejected] == [2] and "öffnet erst am 20.11.2021 12:00" in report.rejected[0].reason
    with transaction(db.sessions) as s:
        update_event(s, event_id, status="closed")
    closed = import_file(db, event_id, write_csv(tmp_path / "b.csv", [person(3, "20.11.2021 13:00")]))
    assert closed.created == 0 and "geschlossen" in closed.rejected[0].reason


def test_rows_without_date_come_after_dated_ones_at_import_time(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=1)
    path = write_csv(tmp_path / "a.csv", [person(1, ""), person(2, "20.11.2021 09:00")])
    now = datetime(2021, 11, 25, 12, 0, tzinfo=UTC)
    import_file(db, event_id, path, now=now)
    rows = rows_by_email(db, event_id)
    assert rows["person2@kommune.example"].status == "registered"
    assert rows["person1@kommune.example"].status == "waiting"
    assert rows["person1@kommune.example"].registered_at == now


def test_rejected_rows_are_reported_and_the_rest_imported(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    path = write_csv(tmp_path / "a.csv", [person(1, ""), ["Jan", "Kaya", "", "", "", ""],
                                          ["", "", "x@kommune.example", "", "", ""], person(2, "morgen")])
    report = import_file(db, event_id, path)
    assert report.created == 1
    assert [r.message for r in report.rejected] == [
        "Zeile 3: E-Mail-Adresse fehlt",
        "Zeile 4: Name fehlt (Vor- oder Nachname)",
        "Zeile 5: Anmeldedatum „morgen“ ist kein Datum (erwartet z. B. 01.12.2021 10:00)",
    ]
    assert "Abgelehnt: 3" in report.to_text()


# -- duplicates and re-import ------------------------------------------------------------------------------


def test_duplicates_in_the_file_and_in_the_database_are_one_person(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    other_event = make_event(db)
    with transaction(db.sessions) as s:
        regs.register(s, other_event, ContactInput(email="Anna.Becker@Kiel.example", first_name="Anna",
                                                   last_name="Becker", role="von Hand korrigiert"), now=BEFORE)
    path = write_csv(tmp_path / "a.csv", [
        ["Anna", "Becker", " anna.becker@kiel.example", "Stadt Kiel", "Sachbearbeitung", "20.11.2021 10:00"],
        ["Anna", "Becker", "ANNA.BECKER@KIEL.EXAMPLE", "Stadt Kiel", "", "21.11.2021 10:00"],
        person(2, "20.11.2021 11:00"),
    ])
    report = import_file(db, event_id, path)
    assert (report.created, report.duplicates) == (2, ((3, 2),))
    with transaction(db.sessions) as s:
        contacts = s.scalars(select(Contact).where(Contact.email_normalized == "anna.becker@kiel.example")).all()
        assert len(contacts) == 1
        assert contacts[0].role == "von Hand korrigiert"  # never overwritten
        assert contacts[0].organisation == "Stadt Kiel"  # empty field filled
        assert contacts[0].email == "Anna.Becker@Kiel.example"


def test_importing_the_same_file_again_changes_nothing(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=3)
    path = write_csv(tmp_path / "a.csv", [person(i, f"2{i % 9}.11.2021 1{i % 10}:00") for i in range(6)]
                     + [person(1, "30.11.2021 10:00"), ["", "", "", "", "", ""], ["A", "", "kaputt", "", "", ""]])
    first = import_file(db, event_id, path)
    before = dump(db)
    again = import_file(db, event_id, path)
    assert dump(db) == before  # not even a timestamp or change marker moved
    assert (again.created, again.updated, again.unchanged, again.waiting, again.late) == (0, 0, first.created, 0, 0)
    assert again.rejected == first.rejected


def test_already_registered_people_get_empty_fields_filled_and_count_as_updated(db: Database,
                                                                                tmp_path: Path) -> None:
    event_id = make_event(db)
    with transaction(db.sessions) as s:
        regs.register(s, event_id, ContactInput(email="person1@kommune.example", first_name="Vorname1",
                                                last_name="Nachname1"), now=BEFORE)
    report = import_file(db, event_id, write_csv(tmp_path / "a.csv", [person(1, "20.11.2021 10:00")]))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert rows_by_email(db, event_id)["person1@kommune.example"].organisation == "Stadt 1"


def test_a_cancellation_survives_reimport_but_a_later_registration_renews_it(db: Database,
                                                                             tmp_path: Path) -> None:
    event_id = make_event(db, capacity=5)
    path = write_csv(tmp_path / "a.csv", [person(1, "20.11.2021 10:00")])
    import_file(db, event_id, path)
    with transaction(db.sessions) as s:
        reg_id = rows_by_email(db, event_id)["person1@kommune.example"].id
        regs.cancel(s, reg_id, now=datetime(2021, 11, 22, 9, 0, tzinfo=UTC))
    assert import_file(db, event_id, path).unchanged == 1
    assert rows_by_email(db, event_id)["person1@kommune.example"].status == "cancelled"
    later = write_csv(tmp_path / "b.csv", [person(1, "23.11.2021 10:00")])
    report = import_file(db, event_id, later)
    assert (report.created, report.updated) == (0, 1)
    row = rows_by_email(db, event_id)["person1@kommune.example"]
    assert (row.status, row.id) == ("registered", reg_id)


# -- dry run, failures -------------------------------------------------------------------------------------


def test_dry_run_reports_exactly_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=1)
    path = write_csv(tmp_path / "a.csv", [person(1, "20.11.2021 10:00"), person(2, "20.11.2021 11:00")])
    before = dump(db)
    dry = import_file(db, event_id, path, dry_run=True)
    assert dump(db) == before
    assert dry.dry_run and "Probelauf" in dry.to_text()
    real = import_file(db, event_id, path)
    assert dry.to_json() == real.to_json()


def test_a_cancelled_event_refuses_every_row(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    with transaction(db.sessions) as s:
        update_event(s, event_id, status="cancelled")
    before = dump(db)
    report = import_file(db, event_id, write_csv(tmp_path / "a.csv", [person(1, "")]))
    assert report.created == 0 and "abgesagt" in report.rejected[0].reason
    assert dump(db) == before


def test_a_file_without_email_column_is_refused(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    path = write_csv(tmp_path / "a.csv", [["Anna", "Becker"]], header=["Vorname", "Nachname"])
    with pytest.raises(UserError, match="Spalte für E-Mail nicht gefunden"):
        import_file(db, event_id, path)


@pytest.mark.parametrize("make", [lambda p: p / "fehlt.csv", lambda p: p])
def test_missing_files_and_folders_are_user_errors(db: Database, tmp_path: Path, make: Any) -> None:
    event_id = make_event(db)
    with pytest.raises(UserError, match=r"gibt es nicht|ist ein Ordner"):
        import_file(db, event_id, make(tmp_path))


def seeded(db: Database, tmp_path: Path) -> tuple[uuid.UUID, Path]:
    """An event with registrations and a file that both adds people and completes an existing contact."""
    event_id = make_event(db, capacity=3)
    with transaction(db.sessions) as s:
        regs.register(s, event_id, ContactInput(email="person0@kommune.example", first_name="Vorname0",
                                                last_name="Nachname0"), now=BEFORE)
    rows = [person(i, f"20.11.2021 1{i}:00") for i in range(8)]
    return event_id, write_csv(tmp_path / "a.csv", rows)


@pytest.mark.parametrize("fail_after", [0, 1, 4, 7])
def test_a_failure_half_way_leaves_the_database_untouched(db: Database, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch, fail_after: int) -> None:
    event_id, path = seeded(db, tmp_path)
    before = dump(db)
    calls = 0
    real_place = svc._place

    def failing_place(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        if calls == fail_after:
            raise RuntimeError("disk unplugged")
        calls += 1
        real_place(*args, **kwargs)

    monkeypatch.setattr(svc, "_place", failing_place)
    with pytest.raises(RuntimeError, match="disk unplugged"):
        import_file(db, event_id, path)
    assert dump(db) == before


def test_a_failure_between_the_two_inserts_leaves_the_database_untouched(db: Database, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    event_id, path = seeded(db, tmp_path)
    before = dump(db)
    real_insert = svc._bulk_insert
    inserts = 0

    def failing_insert(session: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        nonlocal inserts
        inserts += 1
        if inserts == 2:  # the contacts are in, the registrations would follow
            raise RuntimeError("database is locked")
        real_insert(session, table, rows)

    monkeypatch.setattr(svc, "_bulk_insert", failing_insert)
    with pytest.raises(RuntimeError, match="locked"):
        import_file(db, event_id, path)
    assert inserts == 2
    assert dump(db) == before


def test_the_bulk_insert_stores_exactly_what_a_core_insert_stores(db: Database) -> None:
    """Same values through SQLAlchemy's insert and through the import's executemany: identical raw rows."""
    event_id = make_event(db)
    stamp = datetime(2021, 11, 20, 8, 5, 30, tzinfo=UTC)  # no microseconds: the driver's own format differs

    def rows(prefix: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        contact_id = uuid.uuid4()
        email = f"{prefix}@kommune.example"
        contact = {"id": contact_id, "email": email, "email_normalized": email, "first_name": "Jürgen",
                   "last_name": "Groß", "created_at": stamp, "updated_at": stamp, "dirty": True}
        registration = {"id": uuid.uuid4(), "event_id": event_id, "contact_id": contact_id, "round_id": None,
                        "status": "waiting", "waitlist_position": 3, "source": "a.csv", "registered_at": stamp,
                        "late": True, "created_at": stamp, "updated_at": stamp, "dirty": True}
        return [contact], [registration]

    core_contacts, core_regs = rows("core")
    bulk_contacts, bulk_regs = rows("bulk")
    with transaction(db.sessions) as s:
        s.execute(insert(svc._CONTACT_TABLE), core_contacts)
        s.execute(insert(svc._REGISTRATION_TABLE), core_regs)
        svc._bulk_insert(s, svc._CONTACT_TABLE, bulk_contacts)
        svc._bulk_insert(s, svc._REGISTRATION_TABLE, bulk_regs)
    with db.engine.connect() as conn:
        for table, ids in (("contact", ("id", "email", "email_normalized")), ("registration", ("id", "contact_id"))):
            raw = [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY created_at"))]
            stored = [{k: v for k, v in r.items() if k not in ids} for r in raw if r.get("event_id", event_id)]
            assert len(stored) == 2 and stored[0] == stored[1], table
    with transaction(db.sessions) as s:  # and the ORM reads both back alike
        both = s.scalars(select(Registration).where(Registration.event_id == event_id)).all()
        assert {(r.registered_at, r.late, r.status, r.waitlist_position) for r in both} == {(stamp, True, "waiting", 3)}


# -- rounds ------------------------------------------------------------------------------------------------


def test_round_choices_are_matched_and_unknown_rounds_rejected(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=10)
    with transaction(db.sessions) as s:
        s.add_all([Round(event_id=event_id, title="Runde A: Datenportale", capacity=1, position=1),
                   Round(event_id=event_id, title="Runde B: Verwaltung", capacity=5, position=2)])
    header = [*HEADER, "Parallelrunde"]
    path = write_csv(tmp_path / "a.csv", [
        [*person(1, "20.11.2021 10:00"), "Runde A: Datenportale"],
        [*person(2, "20.11.2021 11:00"), "runde a: datenportale"],  # round A is full: waiting
        [*person(3, "20.11.2021 12:00"), "Runde B"],
        [*person(4, "20.11.2021 13:00"), "Runde C"],
        [*person(5, "20.11.2021 14:00"), ""],
    ], header=header)
    before = dump(db)
    with pytest.raises(UserError, match="„Runde C“") as refused:  # a round the event does not have: nothing
        import_file(db, event_id, path)
    assert "Runde A" in str(refused.value)
    assert dump(db) == before
    report = import_file(db, event_id, path, create_rounds=True)
    assert report.created == 4 and report.waiting == 1
    assert [r.message for r in report.rejected] == [
        "Zeile 6: keine Runde angegeben (die Veranstaltung hat parallele Runden)"]
    assert any("„Runde C“" in note for note in report.notes)
    rows = rows_by_email(db, event_id)
    assert (rows["person1@kommune.example"].round, rows["person1@kommune.example"].status) == (
        "Runde A: Datenportale", "registered")
    assert (rows["person2@kommune.example"].status, rows["person2@kommune.example"].waitlist_position) == (
        "waiting", 1)  # round A is full: waits for round A although the event has seats
    assert rows["person3@kommune.example"].round == "Runde B: Verwaltung"
    assert (rows["person4@kommune.example"].round, rows["person4@kommune.example"].status) == (
        "Runde C", "registered")
    with transaction(db.sessions) as s:
        created = s.scalars(select(Round).where(Round.title == "Runde C")).one()
        assert created.capacity is None


def test_a_round_column_for_an_event_without_rounds_is_reported_not_dropped(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=10)
    path = write_csv(tmp_path / "a.csv", [[*person(1, "20.11.2021 10:00"), "Einsteiger"],
                                          [*person(2, "20.11.2021 11:00"), "Fortgeschrittene"]],
                     header=[*HEADER, "Runde"])
    report = import_file(db, event_id, path)
    assert report.created == 2
    assert report.notes == ("Die Spalte „Runde“ wurde nicht verwendet: „Open-Data-Netzwerktreffen“ hat keine "
                            "parallelen Runden (Werte in der Datei: Einsteiger, Fortgeschrittene). Runden lassen "
                            "sich im Reiter „Runden“ anlegen.",)
    assert "Die Spalte „Runde“ wurde nicht verwendet" in report.to_text()


# -- the bulk path decides seats exactly as register() ------------------------------------------------------

ARRIVALS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(-3 * 24 * 60, 2 * 24 * 60), st.booleans()),
    min_size=1, max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(arrivals=ARRIVALS, capacity=st.one_of(st.none(), st.integers(0, 12)), overbooking=st.integers(0, 50),
       existing=st.integers(0, 5))
def test_bulk_import_places_seats_like_register(db: Database, arrivals: list[tuple[int, int, bool]],
                                               capacity: int | None, overbooking: int, existing: int) -> None:
    """Two identical events: one filled by the import, one by calling register() in registration-time order."""
    with db.sessions() as s, s.begin():
        ids = []
        for _ in range(2):
            event = create_event(s, title="Vergleich", starts_at=START, ends_at=START + timedelta(hours=1),
                                 capacity=capacity, overbooking_percent=overbooking, registration_deadline=DEADLINE)
            for k in range(existing):
                regs.register(s, event.id, ContactInput(email=f"alt{k}@kommune.example", last_name=f"Alt{k}"),
                              now=DEADLINE - timedelta(days=9))
            ids.append(event.id)
        bulk_event, reference_event = ids
        # person n may appear twice: the earliest registration counts, as the plan merges duplicates
        rows = [[f"V{n}", f"N{n}", f"p{n}@kommune.example", "", "", "" if undated else
                 f"{DEADLINE.astimezone(BERLIN) + timedelta(minutes=offset):%d.%m.%Y %H:%M}"]
                for n, offset, undated in arrivals]
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows([HEADER, *rows])
        table = read_registration_table(out.getvalue().encode())
        plan = build_plan(table, detect_mapping(table))
        now = DEADLINE + timedelta(hours=5)
        report = svc.import_plan(s, bulk_event, plan, now=now, allow_late=True)
        for p in plan.people:
            regs.register(s, reference_event, ContactInput(email=p.email, first_name=p.first_name,
                                                           last_name=p.last_name),
                          registered_at=p.registered_at or now, allow_late=True, now=now)
        bulk = {r.email: (r.status, r.waitlist_position, r.late) for r in regs.list_registration_rows(s, bulk_event)}
        reference = {r.email: (r.status, r.waitlist_position, r.late)
                     for r in regs.list_registration_rows(s, reference_event)}
        assert bulk == reference
        assert report.created == len(plan.people)
        s.rollback()


# -- property: arbitrary input never crashes and never leaves partial data ------------------------------------


class _DiscardError(Exception):
    """Raised to roll an example's successful import back, so the next example starts from the same data."""


def counts(db: Database) -> tuple[int, int]:
    with db.engine.connect() as conn:
        return (conn.execute(text("SELECT count(*) FROM contact")).scalar_one(),
                conn.execute(text("SELECT count(*) FROM registration")).scalar_one())


def check_import(db: Database, event_id: uuid.UUID, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "beliebig.csv"
    path.write_bytes(data)
    before = counts(db)
    try:
        with db.sessions() as s, s.begin():
            report = svc.import_registrations_file(s, event_id, path, now=START - timedelta(days=3))
            s.flush()
            contacts = s.execute(text("SELECT count(*), count(DISTINCT email_normalized) FROM contact")).one()
            regs_now = s.execute(text("SELECT count(*) FROM registration")).scalar_one()
            orphans = s.execute(text("SELECT count(*) FROM registration r LEFT JOIN contact c "
                                     "ON c.id = r.contact_id WHERE c.id IS NULL")).scalar_one()
            positions = s.execute(text("SELECT waitlist_position FROM registration WHERE status = 'waiting'")
                                  ).scalars().all()
            assert contacts[0] == contacts[1]  # one contact per address
            assert regs_now == before[1] + report.created  # every registration the report counts, no more
            assert orphans == 0
            assert len(set(positions)) == len(positions)
            raise _DiscardError
    except UserError as exc:
        message = exc.message
        assert message
    except _DiscardError:
        pass
    assert counts(db) == before  # a user error (or the discarded success) left nothing behind


PROPERTY = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture
def busy_event(db: Database) -> uuid.UUID:
    event_id = make_event(db, capacity=3)
    with transaction(db.sessions) as s:
        for k in range(4):
            regs.register(s, event_id, ContactInput(email=f"p{k}@kommune.example", last_name=f"N{k}"),
                          now=START - timedelta(days=10))
    return event_id


@PROPERTY
@given(data=st.binary(max_size=1500))
def test_arbitrary_bytes_never_crash_nor_leave_partial_data(db: Database, busy_event: uuid.UUID, tmp_path: Path,
                                                            data: bytes) -> None:
    check_import(db, busy_event, data, tmp_path)


CELL = st.one_of(st.text(max_size=20), st.sampled_from([
    "p1@kommune.example", "P2@Kommune.Example ", "neu@kommune.example", "anonymous", "20.11.2021 10:00",
    "02.12.2021 23:00", "kaputt@", "Anna", "Becker", "", '"', "\n"]))


@PROPERTY
@given(header=st.lists(st.sampled_from([*HEADER, "E-Mail", "Name", "Runde", "x", ""]), min_size=1, max_size=7),
       rows=st.lists(st.lists(CELL, max_size=8), max_size=12), delimiter=st.sampled_from([";", ",", "\t"]),
       bom=st.booleans())
def test_arbitrary_csv_never_crashes_nor_leaves_partial_data(db: Database, busy_event: uuid.UUID, tmp_path: Path,
                                                             header: list[str], rows: list[list[str]],
                                                             delimiter: str, bom: bool) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    data = out.getvalue().encode("utf-8", errors="surrogatepass")
    check_import(db, busy_event, (codecs.BOM_UTF8 if bom else b"") + data, tmp_path)


# -- XLSX, remembered mappings, progress ---------------------------------------------------------------------


def test_xlsx_sheet_import_with_excel_dates(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=1)
    wb = Workbook()
    wb.active.title = "Info"
    ws = wb.create_sheet("Anmeldungen")
    ws.append(HEADER)
    ws.append(["Anna", "Becker", "anna@kiel.example", "Stadt Kiel", "", datetime(2021, 11, 20, 11, 0)])
    ws.append(["Jan", "Kaya", "jan@ulm.example", "Stadt Ulm", "", datetime(2021, 11, 20, 10, 0)])
    wb.save(tmp_path / "anmeldungen.xlsx")
    report = import_file(db, event_id, tmp_path / "anmeldungen.xlsx", sheet="Anmeldungen")
    assert (report.created, report.waiting) == (2, 1)
    assert rows_by_email(db, event_id)["jan@ulm.example"].status == "registered"


def test_remembered_mapping_is_used_for_the_same_header(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    header = ["Spalte1", "Spalte2", "Spalte3"]
    path = write_csv(tmp_path / "a.csv", [["Anna", "Becker", "anna@kiel.example"]], header=header)
    memory = svc.MappingMemory.in_folder(tmp_path / "Daten")
    assert svc.load_plan(path, memory=memory).mapping == (None, None, "email")  # found by its values
    memory.remember(header, ("first_name", "last_name", "email"))
    plan = svc.load_plan(path, memory=memory)
    assert plan.mapping == ("first_name", "last_name", "email")
    assert import_file(db, event_id, path, memory=memory).created == 1
    assert memory.recall(["Spalte1", "Spalte2"]) is None  # another header


@pytest.mark.parametrize("content", ["kein json", '{"mappings": []}', '{"mappings": {"x": 1}}', "[]"])
def test_a_damaged_memory_file_is_ignored_and_replaced(tmp_path: Path, content: str) -> None:
    memory = svc.MappingMemory(tmp_path / "import-mappings.json")
    memory.path.write_text(content, encoding="utf-8")
    assert memory.recall(["E-Mail"]) is None
    memory.remember(["E-Mail"], ("email",))
    assert memory.recall(["E-Mail"]) == ("email",)


def test_a_remembered_mapping_of_the_wrong_width_is_not_used(tmp_path: Path) -> None:
    memory = svc.MappingMemory(tmp_path / "m.json")
    memory.remember(["A", "B"], ("email", "unknown_field"))
    assert memory.recall(["A", "B"]) is None


def test_progress_is_reported_up_to_100(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    path = write_csv(tmp_path / "a.csv", [person(i, "") for i in range(600)])
    seen: list[tuple[int, str]] = []
    with transaction(db.sessions) as s:
        svc.import_registrations_file(s, event_id, path, progress=lambda pct, msg: seen.append((pct, msg)))
    assert seen[-1] == (100, "Fertig")
    assert [p for p, _ in seen] == sorted(p for p, _ in seen)


def test_the_forecast_shows_refused_rows_existing_people_and_rounds(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=5)
    with transaction(db.sessions) as s:
        s.add(Round(event_id=event_id, title="Einsteiger", capacity=2))
    path = write_csv(tmp_path / "a.csv", [[*person(1, "20.11.2021 10:00"), "Einsteiger"],
                                          [*person(2, "02.12.2021 08:00"), "Einsteiger"],
                                          [*person(3, "20.11.2021 11:00"), "Profis"]], header=[*HEADER, "Runde"])
    import_file(db, event_id, write_csv(tmp_path / "b.csv", [[*person(1, "19.11.2021 10:00"), "Einsteiger"]],
                                        header=[*HEADER, "Runde"]))
    plan = svc.load_plan(path)
    with transaction(db.sessions) as s:
        forecast = svc.forecast_import(s, event_id, plan, now=IMPORT_NOW)
    assert [(o.row, o.kind) for o in forecast.outcomes] == [(2, "unchanged"), (4, "rejected"), (3, "rejected")]
    assert forecast.by_row[3].reason == ("Die Anmeldefrist ist am 01.12.2021 23:59 Uhr abgelaufen. Übernahme nur "
                                         "mit „Verspätet zulassen“ (--late).")
    assert forecast.by_row[3].outside_window == "Die Anmeldefrist ist am 01.12.2021 23:59 Uhr abgelaufen."
    assert forecast.outside_window == 1
    assert forecast.unknown_rounds == ("Profis",) and forecast.unused_round_column is None
    assert forecast.blocked.startswith("Die Datei nennt Runden, die „Open-Data-Netzwerktreffen“ nicht hat: „Profis“")
    with transaction(db.sessions) as s:  # with the rounds created and late rows admitted, both are new
        admitted = svc.forecast_import(s, event_id, plan, now=IMPORT_NOW, allow_late=True, create_rounds=True)
    assert [(o.row, o.kind, o.late) for o in admitted.outcomes] == [
        (2, "unchanged", False), (4, "new", False), (3, "new", True)]
    assert admitted.blocked == ""
    report = import_file(db, event_id, path, allow_late=True, create_rounds=True)
    assert admitted.to_json() == {k: v for k, v in report.to_json().items() if k != "notes"}
    other = make_event(db, capacity=5)
    with transaction(db.sessions) as s:
        assert svc.forecast_import(s, other, plan, now=IMPORT_NOW).unused_round_column == "Runde"


def test_the_forecast_counts_rows_without_a_required_round_as_rejected(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db, capacity=5)
    with transaction(db.sessions) as s:
        s.add(Round(event_id=event_id, title="Einsteiger", capacity=2))
    path = write_csv(tmp_path / "a.csv", [[*person(1, "20.11.2021 10:00"), "Einsteiger"],
                                          [*person(2, "20.11.2021 11:00"), ""]], header=[*HEADER, "Runde"])
    with transaction(db.sessions) as s:
        forecast = svc.forecast_import(s, event_id, svc.load_plan(path), now=IMPORT_NOW)
    assert forecast.created == 1 and [r.row for r in forecast.rejected] == [3]
    assert forecast.by_row[3].reason == "keine Runde angegeben (die Veranstaltung hat parallele Runden)"
    assert import_file(db, event_id, path).created == forecast.created  # the preview counts what happens


# -- the preview counts exactly what the import does --------------------------------------------------------

MIXED_HEADER = ["Vorname", "Nachname", "E-Mail-Adresse", "Organisation", "Anmeldedatum"]
CANCELLED_AT = datetime(2021, 11, 18, 9, 0, tzinfo=UTC)


def mixed_file(db: Database, tmp_path: Path) -> tuple[uuid.UUID, Path]:
    """An event with 4 seats and a file with every kind of row: new, already registered (unchanged), updated
    (a contact completed; a cancelled registration renewed), a cancelled one left alone, late, waiting-list,
    a duplicate and bad rows."""
    event_id = make_event(db, capacity=4)
    with transaction(db.sessions) as s:
        def add(n: int, organisation: str = "") -> uuid.UUID:
            return regs.register(s, event_id, ContactInput(email=f"alt{n}@kommune.example", first_name=f"Alt{n}",
                                                           last_name="Person", organisation=organisation),
                                 now=BEFORE).registration.id
        add(1, "Stadt Alt1")  # in the file with the same data: unchanged
        add(2)  # the file brings the organisation: updated
        regs.cancel(s, add(3), now=CANCELLED_AT)  # registered again after cancelling: renewed, updated
        regs.cancel(s, add(4), now=CANCELLED_AT)  # the file's row predates the cancellation: left alone
    rows = [
        ["Alt1", "Person", "alt1@kommune.example", "Stadt Alt1", "10.11.2021 09:00"],
        ["Alt2", "Person", "ALT2@kommune.example", "Stadt Alt2", "10.11.2021 09:00"],
        ["Alt3", "Person", "alt3@kommune.example", "", "20.11.2021 08:00"],
        ["Alt4", "Person", "alt4@kommune.example", "", "12.11.2021 08:00"],
        ["Neu", "Eins", "neu1@kommune.example", "Stadt Kiel", "20.11.2021 10:00"],
        ["Neu", "Zwei", "neu2@kommune.example", "Stadt Ulm", "20.11.2021 11:00"],
        ["Neu", "Drei", "neu3@kommune.example", "Stadt Jena", "20.11.2021 12:00"],
        ["Spät", "Dran", "spaet@kommune.example", "Stadt Trier", "02.12.2021 08:00"],
        ["Neu", "Eins", "Neu1@Kommune.example", "Stadt Kiel", "21.11.2021 10:00"],  # duplicate of row 6
        ["Ohne", "Adresse", "kein-at-zeichen", "Stadt Bonn", "20.11.2021 10:00"],
        ["Falsches", "Datum", "datum@kommune.example", "Stadt Gera", "im Dezember"],
    ]
    return event_id, write_csv(tmp_path / "gemischt.csv", rows, header=MIXED_HEADER)


@pytest.mark.parametrize("allow_late", [False, True])
def test_the_forecast_equals_the_report_of_the_import_on_the_same_file(db: Database, tmp_path: Path,
                                                                       allow_late: bool) -> None:
    event_id, path = mixed_file(db, tmp_path)
    plan = svc.load_plan(path)
    with transaction(db.sessions) as s:
        forecast = svc.forecast_import(s, event_id, plan, allow_late=allow_late, now=IMPORT_NOW)
    kinds = {o.row: (o.kind, o.late, o.waiting) for o in forecast.outcomes}
    # two seats are held (Alt1, Alt2); the renewed Alt3 and the first new person take the other two
    assert kinds == {2: ("unchanged", False, False), 3: ("updated", False, False), 4: ("updated", False, False),
                     5: ("unchanged", False, False), 6: ("new", False, False), 7: ("new", False, True),
                     8: ("new", False, True), 9: ("new", True, True) if allow_late else ("rejected", False, False)}
    assert forecast.by_row[4].renewed and forecast.by_row[5].cancelled
    assert (forecast.created, forecast.updated, forecast.unchanged, forecast.waiting, forecast.late) == (
        (4, 2, 2, 3, 1) if allow_late else (3, 2, 2, 2, 0))
    assert forecast.duplicates == ((10, 6),)
    assert [r.row for r in forecast.rejected] == ([11, 12] if allow_late else [9, 11, 12])

    report = import_file(db, event_id, path, allow_late=allow_late)
    assert forecast.to_json() == {k: v for k, v in report.to_json().items() if k != "notes"}
    assert report.outcomes == forecast.outcomes
    rows = rows_by_email(db, event_id)
    assert rows["alt3@kommune.example"].status == "registered" and rows["neu1@kommune.example"].status == "registered"
    assert [e for e, r in rows.items() if r.status == "waiting"] == (
        ["neu2@kommune.example", "neu3@kommune.example"] + (["spaet@kommune.example"] if allow_late else []))
    assert rows["alt4@kommune.example"].status == "cancelled"


def test_a_correction_rewrites_the_file_cell_and_the_row_is_validated_again(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [["Dr. Anna Becker", "anna(at)kiel.example"], ["", "j.gross@ulm.example"]],
                     header=["Name", "E-Mail"])
    table = read_registration_table(path.read_bytes())
    plan = build_plan(table, detect_mapping(table))
    anna, nameless = plan.rows
    assert not anna.ok and not nameless.ok and svc.correctable_fields(plan.mapping) == {
        "email", "salutation", "academic_title", "first_name", "last_name"}
    table = svc.correct_cell(table, plan.mapping, anna, "email", " anna@kiel.example ")
    table = svc.correct_cell(table, plan.mapping, nameless, "last_name", "Groß")
    fixed = build_plan(table, plan.mapping)
    assert [(r.ok, r.email, r.academic_title, r.first_name, r.last_name) for r in fixed.rows] == [
        (True, "anna@kiel.example", "Dr.", "Anna", "Becker"), (True, "j.gross@ulm.example", "", "", "Groß")]
    first = fixed.rows[0]
    table = svc.correct_cell(table, plan.mapping, first, "first_name", "Anna Maria")  # the "Name" cell, rebuilt
    assert table.rows[0][0] == "Dr. Anna Maria Becker"
    with pytest.raises(ValueError):
        svc.correct_cell(table, plan.mapping, first, "organisation", "Stadt Kiel")  # no column holds it
