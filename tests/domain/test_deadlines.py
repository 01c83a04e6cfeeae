"""Deadline rules and the time-zone rules they stand on (Berlin wall time in, UTC stored)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from odn_desktop.domain.deadlines import (
    DUE_SOON_WINDOW,
    GERMAN_STATE_LABELS,
    Deadline,
    DeadlineKind,
    DeadlineState,
    deadline_state,
    default_access_link_dispatch,
    end_of_day,
    is_late,
    make_deadline,
    parse_deadline,
)
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import (
    BERLIN,
    WEEKDAYS,
    format_german_date,
    format_german_datetime,
    iso_berlin,
    parse_datetime,
    to_berlin,
    to_utc,
    utcnow,
)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


aware_utc = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC))


# --- time zone -------------------------------------------------------------------------------------------


def test_utcnow_is_aware_utc() -> None:
    before = datetime.now(UTC)
    now = utcnow()
    assert now.utcoffset() == timedelta(0)
    assert before <= now <= datetime.now(UTC)


def test_naive_input_means_berlin_for_people_and_utc_for_the_database() -> None:
    assert to_utc(datetime(2021, 12, 2, 10, 0)) == utc(2021, 12, 2, 9, 0)
    assert to_utc(datetime(2021, 7, 1, 10, 0)) == utc(2021, 7, 1, 8, 0)
    assert to_utc(berlin(2021, 12, 2, 10, 0)).tzinfo is UTC
    assert to_berlin(datetime(2021, 12, 2, 9, 0)) == berlin(2021, 12, 2, 10, 0)
    assert to_berlin(datetime(2021, 12, 2, 9, 0)).hour == 10
    assert to_berlin(utc(2021, 7, 1, 8, 0)).hour == 10


def test_wall_times_around_the_clock_changes_use_the_offset_before_the_change() -> None:
    assert to_utc(datetime(2021, 3, 28, 2, 30)) == utc(2021, 3, 28, 1, 30)  # skipped hour, shown as 03:30
    assert to_utc(datetime(2021, 10, 31, 2, 30)) == utc(2021, 10, 31, 0, 30)  # first of the two 02:30


def test_iso_berlin_has_seconds_and_the_berlin_offset() -> None:
    assert iso_berlin(utc(2021, 12, 2, 9, 0, 0, 123456)) == "2021-12-02T10:00:00+01:00"
    assert iso_berlin(utc(2021, 7, 1, 8, 0)) == "2021-07-01T10:00:00+02:00"
    assert iso_berlin(None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-12-02T10:00", utc(2021, 12, 2, 9, 0)),
        ("2021-12-02 10:00", utc(2021, 12, 2, 9, 0)),
        ("2021-12-02T10:00:00+01:00", utc(2021, 12, 2, 9, 0)),
        ("2021-12-02T09:00:00Z", utc(2021, 12, 2, 9, 0)),
        ("2021-12-02T10:00+00:00", utc(2021, 12, 2, 10, 0)),
        ("  2021-07-01T10:00 ", utc(2021, 7, 1, 8, 0)),
        ("02.12.2021 10:00", utc(2021, 12, 2, 9, 0)),
        ("2.12.2021 10:00", utc(2021, 12, 2, 9, 0)),
        ("02.12.2021, 10:00 Uhr", utc(2021, 12, 2, 9, 0)),
        ("02.12.2021 10:00:30", utc(2021, 12, 2, 9, 0, 30)),
        ("02.12.2021", utc(2021, 12, 1, 23, 0)),
    ],
)
def test_parse_datetime_reads_iso_and_german(text: str, expected: datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "morgen",
        "31.02.2021 10:00",
        "02.12.21 10:00",
        "2021-12-02T25:00",
        "02.12.2021 10",
        "0001-01-01T00:00",
    ],
)
def test_parse_datetime_refuses_junk_in_german(text: str) -> None:
    with pytest.raises(UserError) as info:
        parse_datetime(text)
    assert str(info.value) == f"Ungültiges Datum/Uhrzeit: '{text}' (erwartet z. B. 2021-12-02T10:00)"


def test_german_formats() -> None:
    assert format_german_date(utc(2021, 12, 2, 9, 0)) == "Do 02.12.2021"
    assert format_german_date(utc(2021, 12, 1, 23, 30)) == "Do 02.12.2021"  # already Thursday in Berlin
    assert format_german_datetime(utc(2021, 12, 2, 9, 0)) == "02.12.2021 10:00"
    assert format_german_datetime(utc(2021, 7, 1, 8, 5)) == "01.07.2021 10:05"
    assert WEEKDAYS[date(2021, 12, 2).weekday()] == "Donnerstag"
    assert len(WEEKDAYS) == 7
    assert WEEKDAYS[0] == "Montag"
    assert WEEKDAYS[-1] == "Sonntag"


@given(aware_utc)
def test_iso_berlin_round_trips_to_the_second(moment: datetime) -> None:
    text = iso_berlin(moment)
    assert text is not None
    assert parse_datetime(text) == moment.replace(microsecond=0)


@given(aware_utc)
def test_german_format_round_trips_to_the_minute_as_wall_time(moment: datetime) -> None:
    parsed = parse_datetime(format_german_datetime(moment))
    expected = moment.replace(second=0, microsecond=0)
    # In the repeated autumn hour the German text lacks the offset; the first occurrence is meant.
    assert to_berlin(parsed).replace(tzinfo=None) == to_berlin(expected).replace(tzinfo=None)
    assert parsed - expected in (timedelta(0), timedelta(hours=-1))


# --- deadlines ---------------------------------------------------------------------------------------------


def test_end_of_day_in_winter_and_summer() -> None:
    assert end_of_day(date(2021, 12, 1)) == utc(2021, 12, 1, 22, 59, 59)
    assert end_of_day(date(2021, 7, 1)) == utc(2021, 7, 1, 21, 59, 59)


def test_end_of_day_on_the_clock_change_days() -> None:
    assert end_of_day(date(2021, 10, 31)) == utc(2021, 10, 31, 22, 59, 59)
    assert end_of_day(date(2021, 3, 28)) == utc(2021, 3, 28, 21, 59, 59)
    assert end_of_day(date(2021, 3, 28)).tzinfo is UTC


@given(st.dates(min_value=date(1971, 1, 1), max_value=date(2099, 12, 31)))
def test_end_of_day_is_the_last_second_of_the_berlin_day(day: date) -> None:
    end = end_of_day(day)
    local = to_berlin(end)
    assert (local.date(), local.time()) == (day, time(23, 59, 59))
    assert to_berlin(end + timedelta(seconds=1)).date() == day + timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-12-01", utc(2021, 12, 1, 22, 59, 59)),
        ("01.12.2021", utc(2021, 12, 1, 22, 59, 59)),
        (" 1.12.2021 ", utc(2021, 12, 1, 22, 59, 59)),
        ("31.10.2021", utc(2021, 10, 31, 22, 59, 59)),
        ("01.12.2021 12:00", utc(2021, 12, 1, 11, 0)),
        ("2021-12-01T12:00", utc(2021, 12, 1, 11, 0)),
        ("2021-12-01T12:00:00+00:00", utc(2021, 12, 1, 12, 0)),
    ],
)
def test_parse_deadline(text: str, expected: datetime) -> None:
    assert parse_deadline(text) == expected


@pytest.mark.parametrize("text", ["", "bald", "32.12.2021", "01.12.21", "2021-13-01", "2021-02-30", "1.2.3"])
def test_parse_deadline_refuses_junk_in_german(text: str) -> None:
    with pytest.raises(UserError) as info:
        parse_deadline(text)
    assert str(info.value).startswith(f"Ungültige Frist: '{text}' (erwartet z. B. 01.12.2021")


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 30)))
def test_iso_and_german_dates_mean_the_same_deadline(day: date) -> None:
    german = f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    assert parse_deadline(day.isoformat()) == parse_deadline(german) == end_of_day(day)


def test_state_labels_are_german() -> None:
    assert GERMAN_STATE_LABELS == {
        DeadlineState.UPCOMING: "anstehend",
        DeadlineState.DUE_SOON: "bald fällig",
        DeadlineState.OVERDUE: "überfällig",
        DeadlineState.DONE: "erledigt",
    }


def test_deadline_state_boundaries() -> None:
    due = utc(2021, 12, 1, 22, 59, 59)
    assert deadline_state(due, due - DUE_SOON_WINDOW - timedelta(seconds=1)) is DeadlineState.UPCOMING
    assert deadline_state(due, due - DUE_SOON_WINDOW) is DeadlineState.DUE_SOON
    assert deadline_state(due, due) is DeadlineState.DUE_SOON
    assert deadline_state(due, due + timedelta(seconds=1)) is DeadlineState.OVERDUE
    assert deadline_state(due, due + timedelta(days=30), done=True) is DeadlineState.DONE
    assert deadline_state(due, due - timedelta(days=30), done=True) is DeadlineState.DONE


@given(aware_utc, aware_utc)
def test_deadline_state_matches_the_distance(due: datetime, now: datetime) -> None:
    state = deadline_state(due, now)
    if now > due:
        assert state is DeadlineState.OVERDUE
    elif due - now <= timedelta(days=3):
        assert state is DeadlineState.DUE_SOON
    else:
        assert state is DeadlineState.UPCOMING
    assert deadline_state(due, now, done=True) is DeadlineState.DONE


def test_make_deadline_judges_the_state() -> None:
    now = utc(2021, 11, 30, 12, 0)
    deadline = make_deadline(DeadlineKind.REGISTRATION, "Anmeldeschluss", utc(2021, 12, 1, 22, 59, 59), False, now)
    assert deadline == Deadline(
        DeadlineKind.REGISTRATION, "Anmeldeschluss", utc(2021, 12, 1, 22, 59, 59), False, DeadlineState.DUE_SOON
    )
    task = make_deadline(DeadlineKind.TASK, "Folien einsammeln", utc(2021, 11, 1), False, now)
    assert task.state is DeadlineState.OVERDUE
    sent = make_deadline(DeadlineKind.ACCESS_LINK, "Versand Zugangslink", utc(2021, 11, 1), True, now)
    assert sent.state is DeadlineState.DONE
    assert [k.value for k in DeadlineKind] == ["registration", "access_link", "task"]


def test_access_link_goes_out_the_day_before_at_the_same_time() -> None:
    assert default_access_link_dispatch(utc(2021, 12, 2, 9, 0)) == utc(2021, 12, 1, 9, 0)


def test_access_link_before_an_event_on_a_clock_change_day_keeps_the_wall_time() -> None:
    # Event on Sunday 28.03.2021 10:00 (summer time, +02:00); Saturday is still winter time (+01:00).
    dispatch = default_access_link_dispatch(berlin(2021, 3, 28, 10, 0))
    assert dispatch == utc(2021, 3, 27, 9, 0)
    assert to_berlin(dispatch) == berlin(2021, 3, 27, 10, 0)
    assert dispatch.tzinfo is UTC
    assert berlin(2021, 3, 28, 10, 0) - dispatch == timedelta(hours=23)


def test_access_link_the_day_after_a_clock_change() -> None:
    # Event on Monday 01.11.2021 10:00 (winter time); the dispatch falls on the changeover Sunday.
    dispatch = default_access_link_dispatch(berlin(2021, 11, 1, 10, 0))
    assert to_berlin(dispatch).replace(tzinfo=None) == datetime(2021, 10, 31, 10, 0)
    assert dispatch == utc(2021, 10, 31, 9, 0)
    # and the autumn eve: 31.10. 10:00 winter time → 30.10. 10:00 summer time, 25 hours earlier
    assert default_access_link_dispatch(berlin(2021, 10, 31, 10, 0)) == utc(2021, 10, 30, 8, 0)


@given(aware_utc)
def test_access_link_dispatch_is_the_previous_berlin_day(start: datetime) -> None:
    local_start = to_berlin(start)
    dispatch = to_berlin(default_access_link_dispatch(start))
    assert dispatch.date() == local_start.date() - timedelta(days=1)
    # The wall time is kept unless it does not exist on that day (the skipped spring hour).
    day_before = datetime.combine(dispatch.date(), local_start.time())
    assume(to_berlin(to_utc(day_before)).replace(tzinfo=None) == day_before)
    assert dispatch.time() == local_start.time()
    assert timedelta(hours=23) <= start - dispatch <= timedelta(hours=25)


def test_is_late() -> None:
    deadline = end_of_day(date(2021, 12, 1))
    assert not is_late(deadline, deadline)
    assert is_late(deadline + timedelta(seconds=1), deadline)
    assert not is_late(deadline - timedelta(days=5), deadline)
    assert not is_late(utc(2030, 1, 1), None)


def test_other_time_zones_compare_by_instant() -> None:
    deadline = end_of_day(date(2021, 12, 1))
    new_york = datetime(2021, 12, 1, 17, 59, 59, tzinfo=ZoneInfo("America/New_York"))
    assert new_york == deadline
    assert not is_late(new_york, deadline)
