"""Seat rules: capacity, overbooking, the public status, waiting list and promotions."""

from __future__ import annotations

from collections.abc import Hashable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.seats import (
    Pool,
    RegistrationStatus,
    SeatCounts,
    SeatStatus,
    WaitingEntry,
    choose_promotions,
    few_threshold,
    has_free_seat,
    initial_status,
    renumber_waiting,
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
    assert initial_status(Pool(0), 0) is RegistrationStatus.WAITING


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


def test_initial_status_needs_a_seat_in_event_and_round() -> None:
    event = Pool(10)
    assert initial_status(event, 9) is RegistrationStatus.REGISTERED
    assert initial_status(event, 10) is RegistrationStatus.WAITING
    assert initial_status(event, 5, Pool(3), 2) is RegistrationStatus.REGISTERED
    assert initial_status(event, 5, Pool(3), 3) is RegistrationStatus.WAITING
    assert initial_status(event, 10, Pool(3), 0) is RegistrationStatus.WAITING
    assert initial_status(Pool(None), 500, Pool(None), 500) is RegistrationStatus.REGISTERED


def test_promotions_fill_free_seats_in_waiting_order() -> None:
    waiting = [WaitingEntry("a"), WaitingEntry("b"), WaitingEntry("c")]
    assert choose_promotions(Pool(10), 8, waiting) == ["a", "b"]
    assert choose_promotions(Pool(10), 10, waiting) == []
    assert choose_promotions(Pool(10, 10), 10, waiting) == ["a"]
    assert choose_promotions(Pool(None), 10, waiting) == ["a", "b", "c"]
    assert choose_promotions(Pool(0), 0, waiting) == []
    assert choose_promotions(Pool(10), 0, []) == []


def test_full_round_is_skipped_and_the_next_in_another_round_moves_up() -> None:
    waiting = [WaitingEntry(1, "round A"), WaitingEntry(2, "round B"), WaitingEntry(3, "round A"), WaitingEntry(4)]
    rounds: dict[Hashable, Pool] = {"round A": Pool(5), "round B": Pool(5)}
    promoted = choose_promotions(Pool(30), 20, waiting, rounds, {"round A": 5, "round B": 4})
    assert promoted == [2, 4]


def test_promoted_seats_count_against_the_round_as_the_walk_goes() -> None:
    waiting = [WaitingEntry("x", "r"), WaitingEntry("y", "r"), WaitingEntry("z", "s")]
    rounds: dict[Hashable, Pool] = {"r": Pool(4), "s": Pool(1)}  # Mapping keys are invariant for mypy
    promoted = choose_promotions(Pool(None), 0, waiting, rounds, {"r": 3})
    assert promoted == ["x", "z"]


def test_round_without_pool_has_no_limit_of_its_own() -> None:
    waiting = [WaitingEntry("x", "unknown"), WaitingEntry("y", "unknown")]
    assert choose_promotions(Pool(10), 8, waiting, {"other": Pool(0)}) == ["x", "y"]


def test_walk_stops_when_the_event_is_full() -> None:
    waiting = [WaitingEntry("a", "full"), WaitingEntry("b"), WaitingEntry("c")]
    promoted = choose_promotions(Pool(10), 9, waiting, {"full": Pool(2)}, {"full": 2})
    assert promoted == ["b"]


def test_cancellation_frees_a_seat_for_the_first_waiting_person() -> None:
    """The service's cancel flow: one registered person cancels, then promotions are chosen."""
    event = Pool(3)
    registered = ["anna", "ben", "cem"]
    waiting = [WaitingEntry("dora"), WaitingEntry("emil")]
    assert choose_promotions(event, len(registered), waiting) == []

    registered.remove("ben")
    promoted = choose_promotions(event, len(registered), waiting)
    assert promoted == ["dora"]
    still_waiting = [entry.key for entry in waiting if entry.key not in promoted]
    assert renumber_waiting(still_waiting) == {"emil": 1}
    counts_ = seat_counts(event, len(registered) + len(promoted), len(still_waiting), cancelled=1)
    assert (counts_.free_seats, counts_.status) == (0, SeatStatus.FULL)


def test_renumber_waiting_gives_positions_without_gaps() -> None:
    assert renumber_waiting(["c", "a", "b"]) == {"c": 1, "a": 2, "b": 3}
    assert renumber_waiting([]) == {}


waiting_lists = st.lists(
    st.builds(WaitingEntry, st.integers(), st.one_of(st.none(), st.sampled_from(["r1", "r2", "r3", "free"]))),
    max_size=40,
    unique_by=lambda entry: entry.key,
)
round_limits = st.fixed_dictionaries({r: st.tuples(st.integers(0, 10), st.integers(0, 10)) for r in ["r1", "r2", "r3"]})


@given(st.one_of(st.none(), st.integers(0, 40)), st.integers(0, 50), waiting_lists, round_limits)
def test_promotions_never_exceed_a_limit_and_leave_no_seat_unused(
    capacity: int | None, registered: int, waiting: list[WaitingEntry], rounds: dict[str, tuple[int, int]]
) -> None:
    event = Pool(capacity)
    round_pools: dict[Hashable, Pool] = {r: Pool(cap) for r, (cap, _) in rounds.items()}
    round_taken: dict[Hashable, int] = {r: taken for r, (_, taken) in rounds.items()}
    promoted = choose_promotions(event, registered, waiting, round_pools, round_taken)

    keys = [entry.key for entry in waiting]
    assert promoted == [k for k in keys if k in set(promoted)]  # a subsequence, in waiting order
    if event.limit is not None:
        assert len(promoted) <= max(0, event.limit - registered)
    by_key = {entry.key: entry for entry in waiting}
    for round_key, pool in round_pools.items():
        added = sum(1 for k in promoted if by_key[k].round_key == round_key)
        assert added <= max(0, (pool.limit or 0) - round_taken[round_key])
    # nobody passed over while both the event and the wanted round still had a seat
    taken = dict(round_taken)
    seats = registered
    for entry in waiting:
        if not has_free_seat(event, seats):
            break
        round_free = entry.round_key not in round_pools or has_free_seat(
            round_pools[entry.round_key], taken[entry.round_key]
        )
        assert (entry.key in promoted) == round_free
        if entry.key in promoted:
            seats += 1
            if entry.round_key in taken:
                taken[entry.round_key] += 1
