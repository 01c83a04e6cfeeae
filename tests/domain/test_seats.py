"""Seat rules: capacity, overbooking, the public status, waiting list and promotions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.seats import (
    Pool,
    RegistrationStatus,
    SeatCounts,
    SeatStatus,
    few_threshold,
    has_free_seat,
    seat_counts,
)

capacities = st.integers(min_value=0, max_value=2000)
percents = st.integers(min_value=0, max_value=100)
counts = st.integers(min_value=0, max_value=3000)


def test_public_status_texts_are_the_published_wording() -> None:
    assert SeatStatus.AVAILABLE.value == "Freie Plätze verfügbar"
    assert SeatStatus.FEW.value == "Nur noch wenige Plätze"
    assert SeatStatus.FULL.value == "Ausgebucht \u2013 Warteliste"  # en dash, as on the registration page
    assert [s.value for s in RegistrationStatus] == ["registered", "waiting", "cancelled"]


@pytest.mark.parametrize(
    ("capacity", "percent", "limit"),
    [(10, 0, 10), (10, 10, 11), (15, 10, 16), (9, 10, 9), (19, 10, 20), (20, 10, 22), (0, 50, 0), (7, 100, 14)],
)
def test_limit_adds_overbooking_rounded_down(capacity: int, percent: int, limit: int) -> None:
    assert Pool(capacity, percent).limit == limit


def test_unlimited_pool_has_no_limit() -> None:
    assert Pool(None).limit is None
    assert Pool(None, 20).limit is None


@pytest.mark.parametrize(("capacity", "percent"), [(-1, 0), (10, -1), (10, 101)])
def test_invalid_pool_is_refused_in_german(capacity: int, percent: int) -> None:
    with pytest.raises(UserError) as info:
        Pool(capacity, percent)
    assert "darf nicht negativ" in str(info.value) or "zwischen 0 und 100 Prozent" in str(info.value)
    assert info.value.message == str(info.value)


def test_capacity_zero_is_full_from_the_start() -> None:
    counts_ = seat_counts(Pool(0), registered=0, waiting=3)
    assert counts_ == SeatCounts(0, 0, 0, 3, 0, 0, SeatStatus.FULL)
    assert not has_free_seat(Pool(0), 0)


def test_unlimited_is_always_available() -> None:
    counts_ = seat_counts(Pool(None), registered=100_000, waiting=0, cancelled=7)
    assert counts_ == SeatCounts(None, None, 100_000, 0, 7, None, SeatStatus.AVAILABLE)
    assert has_free_seat(Pool(None), 100_000)


def test_overbooked_seats_count_as_free_until_the_limit() -> None:
    pool = Pool(10, 10)
    assert seat_counts(pool, 10, 0).free_seats == 1
    assert seat_counts(pool, 10, 0).status is SeatStatus.FEW
    assert has_free_seat(pool, 10)
    assert seat_counts(pool, 11, 0).status is SeatStatus.FULL
    assert not has_free_seat(pool, 11)


def test_free_seats_never_negative_after_a_forced_registration() -> None:
    counts_ = seat_counts(Pool(20, 10), registered=25, waiting=2)
    assert counts_.limit == 22
    assert counts_.free_seats == 0
    assert counts_.status is SeatStatus.FULL


@pytest.mark.parametrize(
    ("limit", "threshold"), [(1, 1), (5, 1), (10, 1), (11, 2), (20, 2), (30, 3), (70, 7), (100, 10), (101, 11)]
)
def test_few_threshold_is_the_last_tenth_rounded_up(limit: int, threshold: int) -> None:
    # 30 and 70 would give 4 and 8 with ceil(limit * 0.1) because of floating point
    assert few_threshold(limit) == threshold


@pytest.mark.parametrize(
    ("registered", "free", "status"),
    [
        (0, 30, SeatStatus.AVAILABLE),
        (26, 4, SeatStatus.AVAILABLE),
        (27, 3, SeatStatus.FEW),
        (29, 1, SeatStatus.FEW),
        (30, 0, SeatStatus.FULL),
    ],
)
def test_status_follows_the_free_seats(registered: int, free: int, status: SeatStatus) -> None:
    counts_ = seat_counts(Pool(30), registered, waiting=0)
    assert (counts_.free_seats, counts_.status) == (free, status)


def test_negative_counts_are_a_bug_not_a_user_error() -> None:
    with pytest.raises(ValueError, match="registered"):
        seat_counts(Pool(10), -1, 0)


@given(capacities, percents, counts, counts, counts)
def test_seat_counts_are_consistent(capacity: int, percent: int, registered: int, waiting: int, cancelled: int) -> None:
    pool = Pool(capacity, percent)
    result = seat_counts(pool, registered, waiting, cancelled)
    assert result.limit is not None
    assert capacity <= result.limit <= 2 * capacity
    assert result.limit == capacity + (capacity * percent) // 100
    assert result.free_seats == max(0, result.limit - registered)
    assert (result.status is SeatStatus.FULL) == (result.free_seats == 0)
    assert (result.free_seats > 0) == has_free_seat(pool, registered)
    if result.status is SeatStatus.FEW:
        assert 0 < result.free_seats <= max(1, -(-result.limit // 10))
    assert (result.registered, result.waiting, result.cancelled) == (registered, waiting, cancelled)
