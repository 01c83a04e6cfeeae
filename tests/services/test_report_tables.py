"""The chart tables of the report (services/report_tables): rows, gaps, order, captions and marks, from hand-made
figures and from the hand-counted sample series (tests/report_samples.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from tests.report_samples import NOW, build_report_sample

from odn_desktop.services.report_figures import (
    Counts,
    DayCount,
    EventFigures,
    MailMark,
    RegistrationCurve,
    RoundFigures,
    SeriesFigures,
    series_figures,
)
from odn_desktop.services.report_tables import (
    CURVE_DAYS_BEFORE,
    DAY_HEADER,
    ChartMark,
    ChartTable,
    event_tables,
    format_cell,
    meeting_label,
    series_tables,
    short_title,
)
from odn_desktop.store.database import transaction

KEYS = ("registrations_over_time", "attendance_per_meeting", "federal_states", "first_time_returning")


def _event(title: str, day: date, *, status: str = "held", registered: int = 10, attended: int = 7,
           first_time: int = 4, returning: int = 6, rounds: tuple[RoundFigures, ...] = (),
           states: tuple[tuple[str, int], ...] = (("Bayern", 6), ("Hessen", 4))) -> EventFigures:
    starts = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)  # 10:00 Berlin in winter, 11:00 in summer
    return EventFigures(
        event_id=uuid.uuid4(), title=title, starts_at=starts, ends_at=starts + timedelta(hours=2), status=status,
        deadline=starts - timedelta(days=2), counts=Counts(registered=registered, attended=attended,
                                                           no_show=registered - attended),
        organisations=3, municipalities=2, federal_states=states, first_time=first_time, returning=returning,
        rounds=rounds)


def _curve(title: str, starts: datetime, deadline: date | None, days: dict[date, int],
           marks: tuple[MailMark, ...] = ()) -> RegistrationCurve:
    total = 0
    counted = []
    for day in sorted(days):
        total += days[day]
        before = None if deadline is None else (deadline - day).days
        counted.append(DayCount(day, before, days[day], total))
    return RegistrationCurve(uuid.uuid4(), title, starts, deadline, tuple(counted), marks)


def _series(events: tuple[EventFigures, ...], curves: tuple[RegistrationCurve, ...] = (),
            states: tuple[tuple[str, int], ...] = ()) -> SeriesFigures:
    return SeriesFigures(series_id=uuid.uuid4(), title="Reihe", hosts=("Difu",), events=events,
                         distinct_organisations=5, distinct_municipalities=4, distinct_participants=1234,
                         returning_participants=56, federal_states=states, curves=curves)


def _table(tables: tuple[ChartTable, ...], key: str) -> ChartTable:
    return next(t for t in tables if t.key == key)


# -- registrations over time -----------------------------------------------------------------------------


def test_curves_are_counted_from_the_deadline_with_gaps_outside_each_meeting() -> None:
    a_start = datetime(2021, 10, 14, 8, tzinfo=UTC)
    b_start = datetime(2021, 12, 2, 9, tzinfo=UTC)
    a = _curve("Netzwerktreffen: Auftakt", a_start, date(2021, 10, 12),
               {date(2021, 10, 9): 2, date(2021, 10, 11): 1, date(2021, 10, 13): 1},  # days -3, -1, +1
               (MailMark("reminder", "Erinnerung", date(2021, 10, 10), 2),))
    b = _curve("Netzwerktreffen", b_start, date(2021, 11, 30),
               {date(2021, 11, 25): 3, date(2021, 11, 26): 2})  # days -5, -4
    table = _table(series_tables(_series((), (a, b))), "registrations_over_time")

    assert table.headers == (DAY_HEADER, "14.10.2021 Auftakt", "02.12.2021 Netzwerktreffen")
    assert table.rows == (
        (-5, None, 3),
        (-4, None, 5),
        (-3, 2, None),
        (-2, 2, None),  # no registration that day: the total carries on
        (-1, 3, None),
        (0, 3, None),
        (1, 4, None),
    )
    assert ChartMark(0, "Anmeldeschluss", "deadline") in table.marks
    assert ChartMark(-2, "Erinnerung", "reminder", "14.10.2021 Auftakt") in table.marks
    assert "12.10.2021" in table.caption and "30.11.2021" in table.caption
    assert "Erinnerung 10.10.2021 (Tag −2)" in table.caption


def test_a_meeting_without_deadline_counts_from_its_own_day() -> None:
    start = datetime(2021, 12, 2, 9, tzinfo=UTC)
    curve = _curve("Treffen", start, None, {date(2021, 11, 30): 4, date(2021, 12, 2): 1})
    table = _table(series_tables(_series((), (curve,))), "registrations_over_time")
    assert [row[0] for row in table.rows] == [-2, -1, 0]
    assert [row[1] for row in table.rows] == [4, 4, 5]
    assert not [m for m in table.marks if m.kind == "deadline"]  # no deadline line without a deadline
    assert "ohne Anmeldeschluss" in table.caption


def test_early_registrations_are_folded_into_the_first_day_shown() -> None:
    start = datetime(2021, 12, 2, 9, tzinfo=UTC)
    deadline = date(2021, 11, 30)
    curve = _curve("Treffen", start, deadline, {deadline - timedelta(days=200): 7, deadline: 3})
    table = _table(series_tables(_series((), (curve,))), "registrations_over_time")
    assert table.rows[0] == (-CURVE_DAYS_BEFORE, 7)  # the 7 from 200 days before are in the total
    assert table.rows[-1] == (0, 10)
    assert len(table.rows) == CURVE_DAYS_BEFORE + 1
    assert f"mehr als {CURVE_DAYS_BEFORE} Tagen" in table.caption


def test_no_curves_give_an_empty_table_with_its_header() -> None:
    table = _table(series_tables(_series(())), "registrations_over_time")
    assert table.headers == (DAY_HEADER,)
    assert table.rows == ()
    assert table.marks == ()


def test_two_meetings_with_the_same_label_stay_apart() -> None:
    start = datetime(2021, 12, 2, 9, tzinfo=UTC)
    curves = tuple(_curve("Treffen", start, date(2021, 11, 30), {date(2021, 11, 29): n}) for n in (1, 2))
    table = _table(series_tables(_series((), curves)), "registrations_over_time")
    assert table.headers[1:] == ("02.12.2021 Treffen", "02.12.2021 Treffen (2)")


# -- per meeting ------------------------------------------------------------------------------------------


def test_attendance_per_meeting_in_date_order_with_gaps_before_the_meeting() -> None:
    held = _event("Open-Data-Netzwerktreffen: Auftakt", date(2021, 10, 14), registered=1234, attended=1000)
    cancelled = _event("Abgesagt", date(2021, 11, 4), status="cancelled")
    coming = _event("Open-Data-Netzwerktreffen", date(2021, 12, 2), status="open", registered=12, attended=0)
    table = _table(series_tables(_series((held, cancelled, coming))), "attendance_per_meeting")
    assert table.headers == ("Treffen", "Angemeldet", "Teilgenommen", "Nicht erschienen")
    assert table.rows == (
        ("14.10.2021 Auftakt", 1234, 1000, 234),
        ("02.12.2021 Open-Data-Netzwerktreffen", 12, None, None),  # nothing imported yet: no 12 no-shows
    )
    assert "abgesagtes Treffen ist nicht enthalten" in table.caption


def test_a_held_meeting_nobody_attended_shows_its_zero() -> None:
    nobody = _event("Treffen", date(2021, 10, 14), status="held", registered=5, attended=0)
    table = _table(series_tables(_series((nobody,))), "attendance_per_meeting")
    assert table.rows == (("14.10.2021 Treffen", 5, 0, 5),)


def test_first_time_and_returning_per_meeting() -> None:
    events = (_event("A", date(2021, 10, 14), first_time=10, returning=0),
              _event("B", date(2021, 12, 2), first_time=3, returning=7))
    table = _table(series_tables(_series(events)), "first_time_returning")
    assert table.headers == ("Treffen", "Erstmals", "Wiederkehrend")
    assert table.rows == (("14.10.2021 A", 10, 0), ("02.12.2021 B", 3, 7))
    assert "56 von 1.234" in table.caption  # the series' returning persons, German thousands


def test_federal_states_keep_the_figures_order() -> None:
    states = (("Nordrhein-Westfalen", 12), ("Bayern", 5), ("ohne Angabe", 5), ("Bremen", 1))
    table = _table(series_tables(_series((), states=states)), "federal_states")
    assert table.headers == ("Bundesland", "Personen")
    assert table.rows == states


def test_the_four_tables_in_report_order() -> None:
    assert tuple(t.key for t in series_tables(_series(()))) == KEYS


# -- one meeting ----------------------------------------------------------------------------------------------


def test_event_tables_with_curve_rounds_and_states() -> None:
    rounds = (RoundFigures("Einsteiger:innen", 12, Counts(registered=11, attended=9, no_show=2)),
              RoundFigures("Fortgeschrittene", 10, Counts(registered=10, attended=6, no_show=4)))
    event = _event("Treffen", date(2021, 12, 2), rounds=rounds, states=(("Hessen", 3),))
    curve = _curve("Treffen", event.starts_at, date(2021, 11, 30), {date(2021, 11, 29): 2})
    tables = event_tables(event, curve)
    assert [t.key for t in tables] == ["registrations_over_time", "attendance_per_round", "federal_states"]
    assert tables[0].rows == ((-1, 2),)
    assert tables[1].rows == (("Einsteiger:innen", 11, 9, 2), ("Fortgeschrittene", 10, 6, 4))
    assert tables[2].rows == (("Hessen", 3),)


def test_event_tables_without_curve_and_rounds() -> None:
    tables = event_tables(_event("Treffen", date(2021, 12, 2), status="open", attended=0), None)
    assert [t.key for t in tables] == ["federal_states"]


# -- the sample series, counted by hand -------------------------------------------------------------------------


def test_tables_of_the_hand_counted_sample(db) -> None:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        ids = build_report_sample(s)
        figures = series_figures(s, ids["series"], now=NOW)
    curves, attendance, states, first_time = series_tables(figures)

    # A: deadline 12.10.; 2 on 01.10. (day −11), 1 on 03.10., 2 on 05.10. (one cancelled later), 1 on 13.10.
    # B: deadline 30.11.; 1 on 10.11. (day −20), 1 on 11.11., 2 on 12.11., 1 on 14.11., 1 on 15.11.
    assert curves.headers == (DAY_HEADER, "14.10.2021 Treffen A", "02.12.2021 Treffen B")
    by_day = {row[0]: row[1:] for row in curves.rows}
    assert min(by_day) == -20 and max(by_day) == 1
    assert by_day[-20] == (None, 1)
    assert by_day[-18] == (None, 4)
    assert by_day[-15] == (None, 6)
    assert by_day[-12] == (None, 6)
    assert by_day[-11] == (2, 6)
    assert by_day[-9] == (3, 6)
    assert by_day[-7] == (5, 6)
    assert by_day[0] == (5, 6)
    assert by_day[1] == (6, None)  # fritz, admitted late; B's curve ends at its deadline
    assert ChartMark(-4, "Erinnerung", "reminder", "14.10.2021 Treffen A") in curves.marks  # the draft of 08.10.
    assert ChartMark(1, "Zugangslink", "access_link", "14.10.2021 Treffen A") in curves.marks

    assert attendance.rows == (
        ("14.10.2021 Treffen A", 3, 3, 1),  # dora came from the waiting list; cara stayed away
        ("02.12.2021 Treffen B", 4, 3, 1),  # dora (no round) stayed away
        ("03.02.2022 Treffen C", 0, None, None),  # a draft: no attendance yet
    )
    assert first_time.rows == (("14.10.2021 Treffen A", 5, 0), ("02.12.2021 Treffen B", 3, 2),
                               ("03.02.2022 Treffen C", 0, 0))
    assert dict(states.rows) == dict(figures.federal_states)


# -- labels and cells ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "expected"), [
    ("Open-Data-Netzwerktreffen: Portal und Datenqualität", "Portal und Datenqualität"),
    ("Open-Data-Netzwerktreffen", "Open-Data-Netzwerktreffen"),
    ("Netzwerktreffen: Offene Haushaltsdaten in Kommunen und Landkreisen", "Offene Haushaltsdaten in…"),
    ("  Zwei   Leerzeichen  ", "Zwei Leerzeichen"),
])
def test_short_titles(title: str, expected: str) -> None:
    assert short_title(title) == expected


def test_meeting_label_uses_the_berlin_date() -> None:
    assert meeting_label("Treffen", datetime(2021, 12, 1, 23, 30, tzinfo=UTC)) == "02.12.2021 Treffen"


@pytest.mark.parametrize(("value", "expected"), [
    (None, ""),
    (0, "0"),
    (1234, "1.234"),
    (-20, "−20"),
    (1234567, "1.234.567"),
    (0.5, "0,5"),
    (12.25, "12,3"),  # half up
    (-1.04, "−1,0"),
    (-0.04, "0,0"),
    (float("nan"), ""),
    (date(2021, 12, 2), "02.12.2021"),
    (datetime(2021, 12, 2, 9, tzinfo=UTC), "02.12.2021, 10:00 Uhr"),
    ("Bayern", "Bayern"),
])
def test_format_cell(value: object, expected: str) -> None:
    assert format_cell(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "expected"), [(0.5, "50 %"), (0.125, "12,5 %"), (1.0, "100 %"), (1, "100 %")])
def test_format_cell_as_percent(value: float, expected: str) -> None:
    assert format_cell(value, percent=True) == expected
