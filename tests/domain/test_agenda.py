"""Agenda rules: cumulative start times in real elapsed time and the overrun warning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odn_desktop.domain.agenda import (
    GERMAN_KIND_LABELS,
    AgendaKind,
    AgendaSlot,
    agenda_overrun,
    agenda_warning,
    schedule,
)
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN, to_berlin, to_utc

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
END = datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN)
MEETING = [("vernetzung", 15), ("vortrag 1", 15), ("vortrag 2", 15), ("diskussion", 45)]


def wall_times(slots: list[AgendaSlot]) -> list[str]:
    return [f"{to_berlin(slot.starts_at):%H:%M}" for slot in slots]


def test_kind_labels_are_german() -> None:
    assert GERMAN_KIND_LABELS == {
        AgendaKind.NETWORKING: "Vernetzung",
        AgendaKind.TALK: "Vortrag",
        AgendaKind.DISCUSSION: "Fragen und Diskussion",
        AgendaKind.BREAK: "Pause",
        AgendaKind.OTHER: "Sonstiges",
    }


def test_the_real_meeting_fits() -> None:
    slots = schedule(START, MEETING)
    assert wall_times(slots) == ["10:00", "10:15", "10:30", "10:45"]
    assert [slot.key for slot in slots] == ["vernetzung", "vortrag 1", "vortrag 2", "diskussion"]
    assert [slot.minutes for slot in slots] == [15, 15, 15, 45]
    assert slots[-1].ends_at == END
    assert all(slot.starts_at.tzinfo is UTC for slot in slots)
    assert agenda_overrun(START, END, MEETING) == timedelta(0)
    assert agenda_warning(START, END, MEETING) is None


def test_a_longer_discussion_overruns_by_ten_minutes() -> None:
    items = [*MEETING[:3], ("diskussion", 55)]
    assert agenda_overrun(START, END, items) == timedelta(minutes=10)
    assert agenda_warning(START, END, items) == (
        "Das Programm dauert 100 Minuten und überschreitet das Zeitfenster (90 Minuten) um 10 Minuten."
    )


def test_warning_uses_the_singular_for_one_minute() -> None:
    items = [*MEETING[:3], ("diskussion", 46)]
    assert agenda_warning(START, END, items) == (
        "Das Programm dauert 91 Minuten und überschreitet das Zeitfenster (90 Minuten) um 1 Minute."
    )


def test_a_started_minute_of_overrun_is_reported_as_a_minute() -> None:
    end = START + timedelta(minutes=89, seconds=30)
    assert agenda_overrun(START, end, MEETING) == timedelta(seconds=30)
    warning = agenda_warning(START, end, MEETING)
    assert warning is not None
    assert warning.endswith("(89 Minuten) um 1 Minute.")


def test_empty_agenda_starts_nothing_and_fits() -> None:
    assert schedule(START, []) == []
    assert agenda_warning(START, END, []) is None


def test_zero_minute_items_share_the_start_time() -> None:
    slots = schedule(START, [("a", 0), ("b", 10)])
    assert slots[0].starts_at == slots[0].ends_at == slots[1].starts_at


def test_negative_duration_is_refused_in_german() -> None:
    items = [("a", 10), ("b", -5)]
    for call in (lambda: schedule(START, items), lambda: agenda_overrun(START, END, items)):
        with pytest.raises(UserError, match="darf nicht negativ sein"):
            call()


def test_across_the_autumn_clock_change_real_minutes_count() -> None:
    # 31.10.2021: 01:30 summer time, the clock goes back from 03:00 to 02:00.
    start = datetime(2021, 10, 31, 1, 30, tzinfo=BERLIN)
    slots = schedule(start, [("a", 60), ("b", 60), ("c", 60)])
    assert [slot.starts_at for slot in slots] == [
        datetime(2021, 10, 30, 23, 30, tzinfo=UTC),
        datetime(2021, 10, 31, 0, 30, tzinfo=UTC),
        datetime(2021, 10, 31, 1, 30, tzinfo=UTC),
    ]
    assert [to_berlin(slot.starts_at).isoformat() for slot in slots] == [
        "2021-10-31T01:30:00+02:00",
        "2021-10-31T02:30:00+02:00",
        "2021-10-31T02:30:00+01:00",
    ]
    # 03:30 winter time is 180 real minutes after 01:30 summer time, though only 120 on the wall clock.
    end = datetime(2021, 10, 31, 3, 30, tzinfo=BERLIN)
    assert agenda_warning(start, end, [("a", 60), ("b", 60), ("c", 60)]) is None
    assert agenda_overrun(start, end, [("a", 181)]) == timedelta(minutes=1)


def test_across_the_spring_clock_change_real_minutes_count() -> None:
    start = datetime(2021, 3, 28, 1, 30, tzinfo=BERLIN)
    end = datetime(2021, 3, 28, 3, 30, tzinfo=BERLIN)  # one real hour later
    slots = schedule(start, [("a", 30), ("b", 30)])
    assert wall_times(slots) == ["01:30", "03:00"]
    assert slots[-1].ends_at == end
    assert agenda_warning(start, end, [("a", 90)]) == (
        "Das Programm dauert 90 Minuten und überschreitet das Zeitfenster (60 Minuten) um 30 Minuten."
    )


def test_naive_start_is_berlin_wall_time() -> None:
    slots = schedule(datetime(2021, 12, 2, 10, 0), [("a", 15)])
    assert slots[0].starts_at == datetime(2021, 12, 2, 9, 0, tzinfo=UTC)


durations = st.lists(st.integers(min_value=0, max_value=600), max_size=20)
starts = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(BERLIN))


@given(starts, durations)
def test_slots_are_contiguous_and_sum_up(start: datetime, minutes: list[int]) -> None:
    items = list(enumerate(minutes))
    slots = schedule(start, items)
    assert [slot.minutes for slot in slots] == minutes
    # Compare in UTC: Python compares an ambiguous Berlin time (autumn) unequal to every UTC time, and adds
    # timedeltas to Berlin times in wall-clock time.
    current = to_utc(start)
    for slot in slots:
        assert slot.starts_at == current
        assert slot.ends_at - slot.starts_at == timedelta(minutes=slot.minutes)
        current = slot.ends_at
    assert current - to_utc(start) == timedelta(minutes=sum(minutes))


@given(starts, st.integers(min_value=0, max_value=600), durations)
def test_warning_appears_exactly_when_the_agenda_overruns(start: datetime, window: int, minutes: list[int]) -> None:
    end = to_utc(start) + timedelta(minutes=window)  # real minutes, also across a clock change
    items = [(i, m) for i, m in enumerate(minutes)]
    overrun = agenda_overrun(start, end, items)
    assert overrun == max(timedelta(0), timedelta(minutes=sum(minutes) - window))
    warning = agenda_warning(start, end, items)
    assert (warning is None) == (overrun == timedelta(0))
    if warning is not None:
        assert f"dauert {sum(minutes)} Minute" in warning
        assert f"({window} Minute" in warning
        assert f"um {sum(minutes) - window} Minute" in warning
