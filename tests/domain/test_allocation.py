"""The one seat rule (``domain.allocation.allocate``): holders keep seats, the queue fills free seats in order."""

from __future__ import annotations

from collections.abc import Hashable

from hypothesis import given
from hypothesis import strategies as st

from odn_desktop.domain.allocation import EVENT_POOL, QueueEntry, allocate
from odn_desktop.domain.seats import Pool


def _q(*keys: str, round_key: str | None = None) -> list[QueueEntry]:
    return [QueueEntry(k, round_key) for k in keys]


def test_waiting_people_fill_free_seats_in_queue_order() -> None:
    holders = [QueueEntry(f"h{i}", holds_seat=True) for i in range(8)]
    result = allocate(Pool(10), {}, [*holders, *_q("a", "b", "c")])
    assert result.promoted == ("a", "b")
    assert dict(result.waiting) == {"c": 1}
    assert result.pools[EVENT_POOL].free == 0


def test_a_newcomer_never_takes_a_seat_ahead_of_the_queue() -> None:
    # a seat was freed (a holder moved to the waiting list): the head of the queue gets it, not the newcomer
    queue = [*(QueueEntry(f"h{i}", holds_seat=True) for i in range(2)), *_q("w1", "w2", "moved", "newcomer")]
    result = allocate(Pool(3), {}, queue)
    assert result.promoted == ("w1",)
    assert dict(result.waiting) == {"w2": 1, "moved": 2, "newcomer": 3}


def test_overbooking_allowance_counts_as_seats() -> None:
    result = allocate(Pool(10, 10), {}, [*(QueueEntry(i, holds_seat=True) for i in range(10)), *_q("a", "b")])
    assert result.promoted == ("a",)


def test_a_full_round_makes_its_people_wait_while_others_move_up() -> None:
    rounds: dict[Hashable, Pool] = {"A": Pool(1), "B": Pool(5)}
    queue = [QueueEntry("a1", "A", holds_seat=True), QueueEntry("a2", "A"), QueueEntry("b1", "B")]
    result = allocate(Pool(10), rounds, queue)
    assert result.promoted == ("b1",)
    assert dict(result.waiting) == {"a2": 1}
    assert dict(result.round_waiting) == {"a2": 1}
    assert result.pools["A"].seats == 1 and result.pools["A"].free == 0


def test_seats_once_given_are_kept_when_the_limit_drops_and_reported() -> None:
    queue = [QueueEntry(i, holds_seat=True) for i in range(3)] + _q("w")
    result = allocate(Pool(1), {}, queue)
    assert result.seated == {0, 1, 2}
    assert result.promoted == ()
    assert result.pools[EVENT_POOL].over_limit == 2
    assert set(result.over_limit()) == {EVENT_POOL}


def test_forced_seats_count_as_taken_but_are_not_reported_as_over_the_limit() -> None:
    queue = [QueueEntry("h", holds_seat=True), QueueEntry("f", holds_seat=True, forced=True), QueueEntry("w")]
    result = allocate(Pool(1), {}, queue)
    assert result.seated == {"h", "f"}
    assert dict(result.waiting) == {"w": 1}
    assert result.over_limit() == {}


def test_a_removed_round_counts_against_the_event_only() -> None:
    result = allocate(Pool(2), {"A": Pool(0)}, [QueueEntry("x", "gone"), QueueEntry("y", "A")])
    assert result.promoted == ("x",)
    assert dict(result.waiting) == {"y": 1}


def test_a_frozen_meeting_gives_no_new_seats_but_numbers_its_waiting_list() -> None:
    result = allocate(Pool(5), {}, _q("a", "b"), promote=False)
    assert result.promoted == ()
    assert dict(result.waiting) == {"a": 1, "b": 2}


def test_unlimited_pools_seat_everyone() -> None:
    result = allocate(Pool(None), {"A": Pool(None)}, _q("a", "b", round_key="A"))
    assert result.seated == {"a", "b"}


entries = st.lists(
    st.builds(QueueEntry, st.integers(0, 10_000), st.sampled_from([None, "r1", "r2", "gone"]), st.booleans(),
              st.booleans()),
    max_size=40, unique_by=lambda e: e.key,
)


@given(st.one_of(st.none(), st.integers(0, 30)), st.integers(0, 100),
       st.fixed_dictionaries({"r1": st.one_of(st.none(), st.integers(0, 10)), "r2": st.integers(0, 10)}), entries)
def test_allocation_invariants(capacity: int | None, percent: int, round_caps: dict[str, int | None],
                               queue: list[QueueEntry]) -> None:
    pool = Pool(capacity, percent)
    rounds: dict[Hashable, Pool] = {k: Pool(v) for k, v in round_caps.items()}
    result = allocate(pool, rounds, queue)
    holders = {e.key for e in queue if e.holds_seat}
    assert holders <= result.seated  # a seat once given is kept
    waiting = [e for e in queue if e.key not in result.seated]
    assert [result.waiting[e.key] for e in waiting] == list(range(1, len(waiting) + 1))  # 1..n in queue order
    assert [e.key for e in queue if e.key in set(result.promoted)] == list(result.promoted)
    # nobody new beyond a limit: the pools' newly seated stay within the room they had
    for key, use in result.pools.items():
        members = [e for e in queue if (key is EVENT_POOL or e.round_key == key) and e.key in result.seated]
        assert use.seats == len(members)
        new = [e for e in members if not e.holds_seat]
        if use.limit is not None and new:
            assert use.seats <= use.limit
    # no free seat in a pool while someone waits for it
    for e in waiting:
        event_free = result.pools[EVENT_POOL].free
        round_use = result.pools.get(e.round_key) if e.round_key in rounds else None
        assert event_free == 0 or (round_use is not None and round_use.free == 0)
