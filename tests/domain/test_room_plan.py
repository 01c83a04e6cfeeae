"""The room plan's rules as properties: everyone once, sizes within one, organisations and municipalities apart
wherever the plan promises it (see ``domain.room_plan``), the same plan for the same seed, a new mix for another."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.room_plan import (
    RoomPerson,
    RoomPlan,
    StaffMode,
    group_key,
    mix_rooms,
    rooms_by_round,
)

ORGS = ["Stadt Kiel", "stadt kiel", "Stadt Münster", "Stadt Muenster", "Difu", "Bertelsmann Stiftung",
        "Bertelsmann-Stiftung", "Landkreis Görlitz", "Stadt Ulm", ""]
TOWNS = ["Kiel", "Münster", "Berlin", "Görlitz", "Ulm", "Gütersloh", ""]


def person(i: int, org: str = "", town: str = "", *, speaker: bool = False, host: bool = False,
           round_key: str = "") -> RoomPerson:
    return RoomPerson(key=f"p{i:04d}", first_name=f"Vorname{i}", last_name=f"Name{i}", email=f"p{i}@example.org",
                      organisation=org, municipality=town, is_speaker=speaker, is_host=host, round_key=round_key)


@st.composite
def people_lists(draw: st.DrawFn, max_size: int = 60) -> list[RoomPerson]:
    n = draw(st.integers(0, max_size))
    return [person(i, draw(st.sampled_from(ORGS)), draw(st.sampled_from(TOWNS)),
                   speaker=draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
                   host=draw(st.integers(0, 9)) == 0)
            for i in range(n)]


def linked(a: RoomPerson, b: RoomPerson) -> bool:
    """The rule, written again here: same non-empty organisation or municipality, compared folded."""
    org_a, org_b = group_key(a.organisation), group_key(b.organisation)
    town_a, town_b = group_key(a.municipality), group_key(b.municipality)
    return bool(org_a and org_a == org_b) or bool(town_a and town_a == town_b)


def clusters(people: list[RoomPerson]) -> list[set[str]]:
    """Connected components of ``linked`` (plain search; independent of the module's union-find)."""
    remaining = {p.key: p for p in people}
    found = []
    while remaining:
        _key, start = remaining.popitem()
        component, todo = {start.key}, [start]
        while todo:
            current = todo.pop()
            for other in [o for o in remaining.values() if linked(current, o)]:
                del remaining[other.key]
                component.add(other.key)
                todo.append(other)
        found.append(component)
    return found


def keys_of(plan: RoomPlan) -> list[list[str]]:
    return [[p.key for p in room.people] for room in plan.rooms]


def placed(people: Iterable[RoomPerson], staff: StaffMode) -> list[RoomPerson]:
    return [p for p in people if staff is StaffMode.SPREAD or not p.is_staff]


# -- every person once, sizes within one -------------------------------------------------------------------


@given(people_lists(), st.integers(2, 8), st.integers(0, 2**32), st.sampled_from(StaffMode))
def test_everyone_is_in_exactly_one_room_and_sizes_differ_by_at_most_one(
        people: list[RoomPerson], size: int, seed: int, staff: StaffMode) -> None:
    plan = mix_rooms(people, size=size, seed=seed, staff=staff)
    in_rooms = [p.key for p in plan.people]
    expected = placed(people, staff)
    assert sorted(in_rooms) == sorted(p.key for p in expected)  # each exactly once
    assert sorted(p.key for p in plan.left_out) == sorted(p.key for p in people if p not in expected)
    rooms = math.ceil(len(expected) / size)
    assert len(plan.rooms) == rooms
    sizes = [len(room.people) for room in plan.rooms]
    if sizes:
        assert max(sizes) - min(sizes) <= 1
        assert max(sizes) <= size
        assert min(sizes) >= 1
    assert [room.name for room in plan.rooms] == [f"Raum {n}" for n in range(1, rooms + 1)]


# -- organisations and municipalities apart where avoidable --------------------------------------------------


@st.composite
def separable(draw: st.DrawFn) -> tuple[list[RoomPerson], int]:
    """People whose clusters are each at most as large as the number of rooms (the plan's promise applies).

    Each cluster gets its own organisations and possibly one shared town, so links stay inside it, and
    clusters of r people with mixed links (an organisation here, a town there) occur.
    """
    size = draw(st.integers(2, 6))
    n = draw(st.integers(1, 60))
    rooms = math.ceil(n / size)
    people: list[RoomPerson] = []
    cluster = 0
    while len(people) < n:
        members = draw(st.integers(1, min(rooms, n - len(people))))
        town = draw(st.sampled_from([f"Ort {cluster}", ""]))
        orgs = draw(st.lists(st.sampled_from([f"Amt {cluster}-{j}" for j in range(3)] + [""]), min_size=members,
                             max_size=members))
        for org in orgs:
            people.append(person(len(people), org, town if draw(st.booleans()) else ""))
        cluster += 1
    return people, size


@given(separable(), st.integers(0, 2**32))
def test_no_room_holds_two_of_one_organisation_or_municipality_when_every_cluster_fits(
        case: tuple[list[RoomPerson], int], seed: int) -> None:
    people, size = case
    plan = mix_rooms(people, size=size, seed=seed)
    assert all(len(c) <= len(plan.rooms) for c in clusters(people))  # the promise's condition holds
    for room in plan.rooms:
        members = list(room.people)
        shared = [(a.key, b.key) for i, a in enumerate(members) for b in members[i + 1:] if linked(a, b)]
        assert shared == []
    assert plan.shared_pairs == 0 and plan.sharing == frozenset()


@given(people_lists(), st.integers(2, 8), st.integers(0, 2**32), st.sampled_from(StaffMode))
def test_the_promise_holds_for_any_input_whose_clusters_fit(
        people: list[RoomPerson], size: int, seed: int, staff: StaffMode) -> None:
    """The condition checked on arbitrary input: if each cluster of participants has at most r people, no two
    participants of one organisation or municipality share a room."""
    plan = mix_rooms(people, size=size, seed=seed, staff=staff)
    participants = [p for p in people if not p.is_staff]
    if not plan.rooms or any(len(c) > len(plan.rooms) for c in clusters(participants)):
        return
    for room in plan.rooms:
        members = [p for p in room.people if not p.is_staff]
        assert not any(linked(a, b) for i, a in enumerate(members) for b in members[i + 1:])


@given(people_lists(), st.integers(2, 8), st.integers(0, 2**32), st.sampled_from(StaffMode))
def test_a_group_larger_than_the_rooms_shares_as_evenly_as_possible(
        people: list[RoomPerson], size: int, seed: int, staff: StaffMode) -> None:
    """An organisation with k participants has at most ceil(k / r) of them in any one room."""
    plan = mix_rooms(people, size=size, seed=seed, staff=staff)
    if not plan.rooms:
        return
    totals = Counter(group_key(p.organisation) for p in people if not p.is_staff and p.organisation)
    for room in plan.rooms:
        here = Counter(group_key(p.organisation) for p in room.people if not p.is_staff and p.organisation)
        for org, count in here.items():
            assert count <= math.ceil(totals[org] / len(plan.rooms)), (org, count, totals[org])


def test_many_of_one_organisation_must_share_but_evenly() -> None:
    people = [person(i, "Stadt Kiel", "Kiel") for i in range(5)] + [person(5, "Stadt Ulm", "Ulm")]
    plan = mix_rooms(people, size=3, seed=7)  # 2 rooms for 6 people: the 5 from Kiel cannot be apart
    assert sorted(sum(p.organisation == "Stadt Kiel" for p in room.people) for room in plan.rooms) == [2, 3]
    assert plan.shared_pairs == 1 + 3  # a pair in one room, three pairs in the other


@pytest.mark.parametrize("seed", range(30))
def test_the_local_search_separates_a_chain_that_dealing_alone_does_not(seed: int) -> None:
    """A chain A-B (same town), B-C (same organisation), C-D (same town) is one cluster of 4 for 2 rooms; dealt
    round-robin, A or D can land next to B; the swaps find {A, C} and {B, D}."""
    people = [person(1, "Amt A", "Ort P"), person(2, "Amt Y", "Ort P"), person(3, "Amt Y", "Ort Q"),
              person(4, "Amt Z", "Ort Q")]
    plan = mix_rooms(people, size=2, seed=seed)
    assert plan.shared_pairs == 0
    assert sorted(sorted(room) for room in keys_of(plan)) == [["p0001", "p0003"], ["p0002", "p0004"]]


def test_organisations_are_compared_folded() -> None:
    assert group_key("Bertelsmann-Stiftung") == group_key("bertelsmann  stiftung")
    assert group_key("Stadt Münster") == group_key("STADT MUENSTER")
    assert group_key("  ") == "" and group_key("–") == ""
    people = [person(1, "Stadt Münster"), person(2, "Stadt Muenster"), person(3, "Stadt Kiel"),
              person(4, "Stadt Ulm")]
    for seed in range(10):
        plan = mix_rooms(people, size=2, seed=seed)
        assert not any({"p0001", "p0002"} <= set(room) for room in keys_of(plan))


def test_people_without_organisation_or_municipality_never_conflict() -> None:
    plan = mix_rooms([person(i) for i in range(8)], size=4, seed=3)
    assert plan.shared_pairs == 0 and len(plan.rooms) == 2


# -- speakers and hosts --------------------------------------------------------------------------------------


@given(people_lists(), st.integers(2, 8), st.integers(0, 2**32))
def test_speakers_and_hosts_are_spread_one_per_room_while_there_are_enough_rooms(
        people: list[RoomPerson], size: int, seed: int) -> None:
    plan = mix_rooms(people, size=size, seed=seed, staff=StaffMode.SPREAD)
    staff = sum(p.is_staff for p in people)
    if not plan.rooms:
        return
    most = max(sum(p.is_staff for p in room.people) for room in plan.rooms)
    assert most <= max(1, math.ceil(staff / len(plan.rooms)))
    for room in plan.rooms:  # shown first in their room
        flags = [p.is_staff for p in room.people]
        assert flags == sorted(flags, reverse=True)


def test_speakers_and_hosts_left_out_stay_out() -> None:
    people = [person(0, "Difu", "Berlin", host=True), person(1, "Stadt Moers", "Moers", speaker=True),
              *(person(i, f"Stadt {i}", f"Ort {i}") for i in range(2, 10))]
    plan = mix_rooms(people, size=4, staff=StaffMode.LEAVE_OUT)
    assert [p.key for p in plan.left_out] == ["p0000", "p0001"]
    assert len(plan.people) == 8 and not any(p.is_staff for p in plan.people)
    spread = mix_rooms(people, size=4, staff=StaffMode.SPREAD)
    assert plan.left_out and not spread.left_out
    assert [sum(p.is_staff for p in room.people) for room in spread.rooms] == [1, 1, 0]


def test_a_participant_is_kept_away_from_a_speaker_of_the_same_organisation() -> None:
    """A participant from Moers does not land in the Moers speaker's room when another room is free of Moers."""
    people = [person(0, "Stadt Moers", "Moers", speaker=True), person(1, "Difu", "Berlin", host=True),
              person(2, "Stadt Moers", "Moers"), *(person(i, f"Amt {i}") for i in range(3, 8))]
    for seed in range(20):
        plan = mix_rooms(people, size=4, seed=seed)
        room_of = {p.key: room.number for room in plan.rooms for p in room.people}
        assert room_of["p0000"] != room_of["p0002"], seed
        assert room_of["p0000"] != room_of["p0001"]


# -- the same plan for the same seed, a new mix for another --------------------------------------------------


@settings(max_examples=50)
@given(people_lists(), st.integers(2, 8), st.integers(0, 2**32), st.randoms(use_true_random=False))
def test_the_same_people_and_seed_give_the_same_plan_in_any_input_order(
        people: list[RoomPerson], size: int, seed: int, shuffler: object) -> None:
    shuffled = list(people)
    shuffler.shuffle(shuffled)  # type: ignore[attr-defined]
    first = mix_rooms(people, size=size, seed=seed)
    assert mix_rooms(shuffled, size=size, seed=seed) == first
    assert mix_rooms(list(reversed(people)), size=size, seed=seed) == first


def test_another_seed_gives_another_mix() -> None:
    people = [person(i, f"Stadt {i % 12}", f"Ort {i % 12}") for i in range(24)]
    plans = {tuple(tuple(sorted(room)) for room in keys_of(mix_rooms(people, size=4, seed=seed)))
             for seed in range(20)}
    assert len(plans) >= 15


def test_a_room_needs_room_for_two() -> None:
    with pytest.raises(UserError, match="mindestens 2 Personen"):
        mix_rooms([person(1)], size=1)


def test_a_person_given_twice_is_a_bug() -> None:
    with pytest.raises(ValueError, match="twice"):
        mix_rooms([person(1), person(1)])


def test_nobody_no_rooms() -> None:
    assert mix_rooms([]).rooms == ()


# -- by round --------------------------------------------------------------------------------------------------


@given(st.lists(st.sampled_from(["r1", "r2", "r3", ""]), max_size=40))
def test_by_round_everyone_with_a_round_is_in_its_room_named_as_the_round(rounds_of: list[str]) -> None:
    titles = [("r1", "Offene Haushaltsdaten"), ("r2", " =Geodaten, Karten & „Apps“ "), ("r3", "Runde 3")]
    people = [person(i, "Stadt Kiel", round_key=r) for i, r in enumerate(rounds_of)]
    plan = rooms_by_round(people, titles)
    assert [room.name for room in plan.rooms] == [t for _k, t in titles]  # unchanged, spaces included
    for room, (key, _title) in zip(plan.rooms, titles, strict=True):
        assert sorted(p.key for p in room.people) == sorted(p.key for p in people if p.round_key == key)
    assert sorted(p.key for p in plan.left_out) == sorted(p.key for p in people if not p.round_key)
    assert plan.by_round
