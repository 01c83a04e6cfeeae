"""Model-based test of the one seat rule on every path (issue 12): random sequences of seat-changing operations
on two laptops — through the services, the registration import and its undo, and syncs over a shared SQLite file
with conflicts decided either way — checked after every step against a small reference model written here.

The reference model (``expected_allocation``) is the rule in the coordinator's words, written independently of
``domain.allocation``: seat holders keep their seats; walking the queue in order, a waiting person gets a seat when
the event and their round have one; waiting places are 1..n in queue order. After a local operation the laptop
must hold exactly what the model computes from the facts before the operation plus the operation's own change.
After a sync the merge decides the facts, so the model checks the invariants instead: nobody waits while their
pool has a free seat, waiting places 1..n in queue order, a pool above its limit beyond forced seats only when it
was so before or the sync reported it (``overbooked``) - or, once the sync's conflicts are decided, when a decision
gave a registration its seat back (kept like every seat; the overview flags the pool) - and after syncing both
laptops hold the same allocation.

Size: ``ODN_SEAT_MODEL_EXAMPLES`` (default 20 examples of up to 25 steps, well under two minutes in CI); the
larger run documented in the issue note used ``ODN_SEAT_MODEL_EXAMPLES=300 ODN_SEAT_MODEL_STEPS=40``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select
from sqlalchemy.orm import Session
from sync_helpers import Laptop

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.registration_import import build_plan, detect_mapping, read_registration_table
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.import_undo import ImportRecord, undo_import
from odn_desktop.services.registration_import import import_plan
from odn_desktop.services.rounds import add_round, update_round
from odn_desktop.services.seat_allocation import over_limit_pools
from odn_desktop.store.models import Contact, Event, Registration, Round
from odn_desktop.store.open import open_database
from odn_desktop.sync import engine

EXAMPLES = int(os.environ.get("ODN_SEAT_MODEL_EXAMPLES", "20"))
STEPS = int(os.environ.get("ODN_SEAT_MODEL_STEPS", "25"))
PEOPLE = [f"p{n}" for n in range(10)]
ROUNDS = ("A", "B")
START = datetime.now(UTC).replace(microsecond=0) + timedelta(days=60)


@dataclass(frozen=True)
class Fact:
    """One live, not cancelled registration as the model sees it."""

    id: uuid.UUID
    email: str
    status: str
    queue: int
    round: str | None
    forced: bool
    position: int | None


@dataclass(frozen=True)
class Pools:
    capacity: int | None  # the event's limit (no overbooking in this model)
    rounds: dict[str, int | None]


def read_facts(laptop: Laptop, event_id: uuid.UUID) -> tuple[Pools, list[Fact]]:
    def run(s: Session) -> tuple[Pools, list[Fact]]:
        event = s.get(Event, event_id)
        assert event is not None
        rounds = {r.title: r.capacity for r in s.scalars(select(Round).where(
            Round.event_id == event_id, Round.deleted_at.is_(None)))}
        facts = [
            Fact(r.id, r.contact.email_normalized, r.status, r.queue_order,
                 r.round.title if r.round is not None and r.round.deleted_at is None else None, r.forced_seat,
                 r.waitlist_position)
            for r in s.scalars(select(Registration).where(
                Registration.event_id == event_id, Registration.deleted_at.is_(None),
                Registration.status != "cancelled"))
        ]
        facts.sort(key=lambda f: (f.queue, f.id.hex))
        return Pools(event.capacity, rounds), facts

    return laptop.do(run)  # type: ignore[no-any-return]


def expected_allocation(pools: Pools, facts: list[Fact]) -> dict[str, tuple[str, int | None]]:
    """The rule, written independently: holders keep seats; the queue in order takes free seats; places 1..n."""
    seats = sum(1 for f in facts if f.status == "registered")
    round_seats = Counter(f.round for f in facts if f.status == "registered")
    result: dict[str, tuple[str, int | None]] = {}
    place = 0
    for f in facts:  # already in queue order
        if f.status == "registered":
            result[f.email] = ("registered", None)
            continue
        event_room = pools.capacity is None or seats < pools.capacity
        limit = pools.rounds.get(f.round) if f.round in pools.rounds else None
        round_room = limit is None or round_seats[f.round] < limit
        if event_room and round_room:
            result[f.email] = ("registered", None)
            seats += 1
            round_seats[f.round] += 1
        else:
            place += 1
            result[f.email] = ("waiting", place)
    return result


def actual_allocation(facts: list[Fact]) -> dict[str, tuple[str, int | None]]:
    return {f.email: (f.status, f.position) for f in facts}


def over_limit(pools: Pools, facts: list[Fact]) -> set[str | None]:
    """Pools (None = the event) holding more seats than their limit beyond forced seats."""
    holders = [f for f in facts if f.status == "registered"]
    found: set[str | None] = set()
    if pools.capacity is not None and sum(not f.forced for f in holders) > pools.capacity:
        found.add(None)
    for title, limit in pools.rounds.items():
        mine = [f for f in holders if f.round == title]
        if limit is not None and sum(not f.forced for f in mine) > limit:
            found.add(title)
    return found


_TEMPLATE: Path | None = None


def _migrated_template() -> Path:
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = Path(tempfile.mkdtemp(prefix="odn-seat-model-")) / "laptop.sqlite"
        open_database(_TEMPLATE).close()
    return _TEMPLATE


class SeatModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="odn-seat-model-"))
        share = self.folder / "netzlaufwerk"
        share.mkdir()
        remote = f"sqlite:///{share / 'team.sqlite'}"
        self.laptops: dict[str, Laptop] = {}
        for name in ("a", "b"):
            path = self.folder / f"laptop-{name}.sqlite"
            shutil.copy(_migrated_template(), path)
            self.laptops[name] = Laptop(name, path, remote)
        a = self.laptops["a"]

        def make(s: Session) -> uuid.UUID:
            event = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=2),
                                 capacity=3, registration_deadline=START - timedelta(days=1))
            event.rounds_optional = True
            add_round(s, event.id, title="A", capacity=1)
            add_round(s, event.id, title="B", capacity=None)
            return event.id

        self.event_id: uuid.UUID = a.do(make)
        a.sync()
        self.laptops["b"].sync()
        self.imports: dict[str, ImportRecord] = {}
        self.counter = 0
        #: pools over their limit that the coordinator has been told about (by a capacity change or a sync)
        self.known_over: dict[str, set[str | None]] = {"a": set(), "b": set()}

    def teardown(self) -> None:
        for laptop in self.laptops.values():
            laptop.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers ---------------------------------------------------------------------------------------------

    def _local_op(self, name: str, change: Any, model_change: Any) -> None:
        """Run a local operation and compare the laptop with the model's allocation after the same change."""
        laptop = self.laptops[name]
        pools, facts = read_facts(laptop, self.event_id)
        try:
            laptop.do(change)
        except UserError:
            # refused: nothing changed
            assert read_facts(laptop, self.event_id) == (pools, facts)
            return
        new_pools, new_facts = read_facts(laptop, self.event_id)
        expected_pools, expected_facts = model_change(pools, facts, new_facts)
        assert new_pools == expected_pools
        assert actual_allocation(new_facts) == expected_allocation(expected_pools, expected_facts)
        gone_over = over_limit(new_pools, new_facts) - over_limit(pools, facts)
        # a local operation puts a pool over its limit only by lowering the limit (seats kept) - and says so
        assert gone_over <= self.known_over[name] | self._lowered(pools, new_pools), gone_over
        self.known_over[name] |= over_limit(new_pools, new_facts)

    @staticmethod
    def _lowered(before: Pools, after: Pools) -> set[str | None]:
        lowered: set[str | None] = set()
        if after.capacity is not None and (before.capacity is None or after.capacity < before.capacity):
            lowered.add(None)
        for title, limit in after.rounds.items():
            old = before.rounds.get(title)
            if limit is not None and (old is None or limit < old):
                lowered.add(title)
        return lowered

    def _registration(self, s: Session, email: str) -> Registration | None:
        return s.scalars(select(Registration).join(Contact).where(
            Registration.event_id == self.event_id, Registration.deleted_at.is_(None),
            Contact.email_normalized == f"{email}@x.example")).first()

    @staticmethod
    def _with_status(facts: list[Fact], email: str, status: str, queue: int | None = None,
                     forced: bool = False) -> list[Fact]:
        out = []
        for f in facts:
            if f.email == email:
                f = Fact(f.id, f.email, status, f.queue if queue is None else queue, f.round, forced, None)
            out.append(f)
        return out

    # -- rules: local operations -----------------------------------------------------------------------------

    @rule(laptop=st.sampled_from("ab"), who=st.sampled_from(PEOPLE), round_=st.sampled_from([None, *ROUNDS]))
    def register(self, laptop: str, who: str, round_: str | None) -> None:
        def change(s: Session) -> None:
            round_id = s.scalars(select(Round.id).where(Round.event_id == self.event_id, Round.title == round_,
                                                        Round.deleted_at.is_(None))).first() if round_ else None
            regs.register(s, self.event_id, ContactInput(email=f"{who}@x.example", last_name=who.upper()),
                          round_id=round_id)

        def model(pools: Pools, facts: list[Fact], new: list[Fact]) -> tuple[Pools, list[Fact]]:
            mine = next(f for f in new if f.email == f"{who}@x.example")
            assert all(mine.queue > f.queue for f in facts)  # joins the end of the queue
            return pools, [*facts, Fact(mine.id, mine.email, "waiting", mine.queue, round_, False, None)]

        self._local_op(laptop, change, model)

    @rule(laptop=st.sampled_from("ab"), who=st.sampled_from(PEOPLE))
    def cancel(self, laptop: str, who: str) -> None:
        def change(s: Session) -> None:
            reg = self._registration(s, who)
            if reg is None:
                raise UserError("nicht angemeldet")
            regs.cancel(s, reg.id)

        self._local_op(laptop, change, lambda p, f, _n: (p, [x for x in f if x.email != f"{who}@x.example"]))

    @rule(laptop=st.sampled_from("ab"), who=st.sampled_from(PEOPLE))
    def delete(self, laptop: str, who: str) -> None:
        def change(s: Session) -> None:
            reg = self._registration(s, who)
            if reg is None:
                raise UserError("nicht angemeldet")
            regs.delete_registration(s, reg.id)

        self._local_op(laptop, change, lambda p, f, _n: (p, [x for x in f if x.email != f"{who}@x.example"]))

    @rule(laptop=st.sampled_from("ab"), who=st.sampled_from(PEOPLE))
    def to_waiting_list(self, laptop: str, who: str) -> None:
        def change(s: Session) -> None:
            reg = self._registration(s, who)
            if reg is None or reg.status != "registered":
                raise UserError("kein Platz")
            regs.move_to_waiting_list(s, reg.id)

        def model(pools: Pools, facts: list[Fact], new: list[Fact]) -> tuple[Pools, list[Fact]]:
            email = f"{who}@x.example"
            queue = next(f.queue for f in new if f.email == email)
            assert all(queue > f.queue for f in facts if f.email != email)  # the end of the queue
            moved = self._with_status(facts, email, "waiting", queue)
            return pools, sorted(moved, key=lambda f: (f.queue, f.id.hex))

        self._local_op(laptop, change, model)

    @rule(laptop=st.sampled_from("ab"), who=st.sampled_from(PEOPLE))
    def to_end_of_queue(self, laptop: str, who: str) -> None:
        def change(s: Session) -> None:
            reg = self._registration(s, who)
            if reg is None or reg.status != "waiting":
                raise UserError("wartet nicht")
            regs.move_to_end_of_queue(s, reg.id)

        def model(pools: Pools, facts: list[Fact], new: list[Fact]) -> tuple[Pools, list[Fact]]:
            email = f"{who}@x.example"
            queue = next(f.queue for f in new if f.email == email)
            moved = self._with_status(facts, email, "waiting", queue)
            return pools, sorted(moved, key=lambda f: (f.queue, f.id.hex))

        self._local_op(laptop, change, model)

    @rule(laptop=st.sampled_from("ab"), who=st.sampled_from(PEOPLE))
    def force_seat(self, laptop: str, who: str) -> None:
        def change(s: Session) -> None:
            reg = self._registration(s, who)
            if reg is None or reg.status != "waiting":
                raise UserError("wartet nicht")
            regs.move_from_waiting_list(s, reg.id, force=True)

        def model(pools: Pools, facts: list[Fact], new: list[Fact]) -> tuple[Pools, list[Fact]]:
            return pools, self._with_status(facts, f"{who}@x.example", "registered", forced=True)

        self._local_op(laptop, change, model)

    @rule(laptop=st.sampled_from("ab"), capacity=st.one_of(st.none(), st.integers(0, 5)))
    def set_capacity(self, laptop: str, capacity: int | None) -> None:
        self._local_op(laptop, lambda s: update_event(s, self.event_id, capacity=capacity),
                       lambda p, f, _n: (Pools(capacity, p.rounds), f))

    @rule(laptop=st.sampled_from("ab"), title=st.sampled_from(ROUNDS), capacity=st.one_of(st.none(), st.integers(0, 3)))
    def set_round_capacity(self, laptop: str, title: str, capacity: int | None) -> None:
        def change(s: Session) -> None:
            rnd = s.scalars(select(Round).where(Round.event_id == self.event_id, Round.title == title)).one()
            update_round(s, self.event_id, rnd.id, capacity=capacity)

        self._local_op(laptop, change, lambda p, f, _n: (Pools(p.capacity, {**p.rounds, title: capacity}), f))

    @rule(laptop=st.sampled_from("ab"), count=st.integers(1, 3))
    def import_file(self, laptop: str, count: int) -> None:
        names = [f"i{self.counter + k}" for k in range(count)]
        self.counter += count
        lines = ["Vorname;Nachname;E-Mail;Anmeldedatum"]
        base = START - timedelta(days=10)
        # file order differs from registration-time order: the queue follows the times
        for k, name in reversed(list(enumerate(names))):
            lines.append(f"V;{name.upper()};{name}@x.example;{(base + timedelta(minutes=k)):%d.%m.%Y %H:%M}")
        data = "\n".join(lines).encode()

        def change(s: Session) -> None:
            table = read_registration_table(data)
            report = import_plan(s, self.event_id, build_plan(table, detect_mapping(table)), source="import.csv")
            assert report.record is not None
            self.imports[laptop] = report.record

        def model(pools: Pools, facts: list[Fact], new: list[Fact]) -> tuple[Pools, list[Fact]]:
            added = [f for f in new if f.email in {f"{n}@x.example" for n in names}]
            assert [f.email for f in sorted(added, key=lambda f: (f.queue, f.id.hex))] == [
                f"{n}@x.example" for n in names]
            assert all(a.queue > f.queue for a in added for f in facts)
            return pools, [*facts, *(Fact(a.id, a.email, "waiting", a.queue, None, False, None) for a in added)]

        self._local_op(laptop, change, model)

    @precondition(lambda self: bool(self.imports))
    @rule(laptop=st.sampled_from("ab"))
    def undo_last_import(self, laptop: str) -> None:
        record = self.imports.pop(laptop, None)
        if record is None:
            return
        ids = {r.id for r in record.new_registrations}
        self._local_op(laptop, lambda s: undo_import(s, record),
                       lambda p, f, _n: (p, [x for x in f if x.id not in ids]))

    # -- rules: sync -------------------------------------------------------------------------------------------

    @rule(laptop=st.sampled_from("ab"), keep=st.sampled_from(["local", "remote"]))
    def sync(self, laptop: str, keep: str) -> None:
        self._sync(laptop, keep)

    def _sync(self, name: str, keep: str) -> int:
        """Sync one laptop, decide its conflicts; the number of rows that travelled (0: nothing to do)."""
        laptop = self.laptops[name]
        before_pools, before_facts = read_facts(laptop, self.event_id)
        was_over = over_limit(before_pools, before_facts)
        result = laptop.sync()
        reported: set[str | None] = {o.round_title for o in result.overbooked}
        synced_pools, synced_facts = read_facts(laptop, self.event_id)
        synced_over = over_limit(synced_pools, synced_facts)
        # over the limit after a merge: it was so before (and known), or this sync reported it
        assert synced_over <= (was_over | reported | self.known_over[name]
                               | self._lowered(before_pools, synced_pools)), (synced_over, reported)
        self.known_over[name] |= synced_over
        decided = {c.row_id for c in result.conflicts if c.table == "registration"}
        for conflict in result.conflicts:
            engine.resolve(laptop.db, conflict.conflict_id, keep)
        pools, facts = read_facts(laptop, self.event_id)
        self._check_invariants(pools, facts)
        now_over = over_limit(pools, facts)
        # after the decisions: also a pool that a decided registration holds a seat in that it did not hold after
        # the sync (a deletion or status change undone by keeping the other side's version brings its seat back,
        # while the merge had given that seat to the queue: both keep it; the overview flags the pool)
        taken = self._seats_taken_by(decided, synced_facts, facts)
        assert now_over <= synced_over | self.known_over[name] | self._lowered(synced_pools, pools) | taken, (
            now_over, taken)
        self.known_over[name] |= now_over
        self.imports.pop(name, None)  # an undo after a sync is tested in test_registration_import_undo
        return result.pushed + result.pulled + len(result.conflicts)

    @staticmethod
    def _seats_taken_by(decided: set[uuid.UUID], before: list[Fact], after: list[Fact]) -> set[str | None]:
        """Pools (None = the event) in which a registration of ``decided`` holds a seat (not forced) after, but
        not before: a conflict's decision brought the seat back, beyond the seat rule."""
        held = {(f.id, f.round) for f in before if f.status == "registered" and not f.forced}
        taken: set[str | None] = set()
        for f in after:
            if f.id in decided and f.status == "registered" and not f.forced:
                if (f.id, f.round) not in held:
                    taken.add(f.round)
                if all(f.id != h for h, _round in held):
                    taken.add(None)
        return taken

    @rule(keep=st.sampled_from(["local", "remote"]))
    def sync_everyone(self, keep: str) -> None:
        for _ in range(6):
            travelled = [self._sync(name, keep) for name in ("a", "b")]
            if not any(travelled):
                break
        a_pools, a_facts = read_facts(self.laptops["a"], self.event_id)
        b_pools, b_facts = read_facts(self.laptops["b"], self.event_id)
        assert a_pools == b_pools
        assert actual_allocation(a_facts) == actual_allocation(b_facts)  # both laptops agree
        assert [f.email for f in a_facts] == [f.email for f in b_facts]  # on the queue too

    # -- after every step ------------------------------------------------------------------------------------

    def _check_invariants(self, pools: Pools, facts: list[Fact]) -> None:
        waiting = [f for f in facts if f.status == "waiting"]
        assert [f.position for f in waiting] == list(range(1, len(waiting) + 1))  # 1..n in queue order
        holders = [f for f in facts if f.status == "registered"]
        event_free = pools.capacity is None or len(holders) < pools.capacity
        round_seats = Counter(f.round for f in holders)
        for f in waiting:  # nobody waits while their pool has a free seat
            limit = pools.rounds.get(f.round) if f.round in pools.rounds else None
            round_free = limit is None or round_seats[f.round] < limit
            assert not (event_free and round_free), f

    @invariant()
    def laptops_keep_the_rule(self) -> None:
        for name, laptop in self.laptops.items():
            pools, facts = read_facts(laptop, self.event_id)
            self._check_invariants(pools, facts)
            reported = {o.round_title for o in laptop.do(lambda s: over_limit_pools(s, [self.event_id]))}
            assert reported == over_limit(pools, facts), name  # the overview's flag shows every such pool


SeatModel.TestCase.settings = settings(
    max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.mark.slow
def test_seat_rule_on_every_path_and_after_syncs() -> None:
    SeatModel.TestCase().runTest()
