"""The sync protocol end to end: laptops (separate SQLite files, edited through the services) offline, syncing in
different orders with a real PostgreSQL server and with a shared SQLite file (every test runs on both)."""

from __future__ import annotations

import itertools
import shutil
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from sync_helpers import Laptop, future, server_dump

from odn_desktop.domain.errors import UserError
from odn_desktop.services.contact_directory import update_contact
from odn_desktop.services.contacts import ContactInput, find_contact_by_email
from odn_desktop.services.events import create_event, delete_event, update_event
from odn_desktop.services.registrations import cancel, move_from_waiting_list, register
from odn_desktop.services.seat_allocation import over_limit_pools
from odn_desktop.services.speakers import add_speaker_to_event, create_speaker, remove_speaker_from_event
from odn_desktop.store.migrate import backup_database, schema_differences
from odn_desktop.store.models import Contact, Event, EventSpeaker, Registration
from odn_desktop.store.revision import HEAD_REVISION
from odn_desktop.sync import engine
from odn_desktop.sync.server import Server, parse_remote

Laptops = Callable[[str], Laptop]


def new_event(laptop: Laptop, title: str = "Netzwerktreffen", capacity: int | None = 30, days: int = 30) -> uuid.UUID:
    def make(s: Session) -> uuid.UUID:
        return create_event(s, title=title, starts_at=future(days), ends_at=future(days, hour=12),
                            capacity=capacity).id

    return laptop.do(make)  # type: ignore[no-any-return]


def person(email: str, first: str = "Anna", last: str = "Becker", **more: str) -> ContactInput:
    return ContactInput(email=email, first_name=first, last_name=last, **more)


def enrol(laptop: Laptop, event_id: uuid.UUID, email: str, first: str = "Anna", last: str = "Becker",
          at: datetime | None = None, **more: str) -> str:
    def run(s: Session) -> str:
        return register(s, event_id, person(email, first, last, **more), registered_at=at).status

    return laptop.do(run)  # type: ignore[no-any-return]


def event_field(laptop: Laptop, event_id: uuid.UUID, name: str) -> Any:
    return laptop.do(lambda s: getattr(s.get(Event, event_id), name))


def assert_converged(remote: str, *laptops: Laptop) -> None:
    """Every laptop holds exactly the server's rows, and nothing is left to send."""
    expected = server_dump(remote)
    for laptop in laptops:
        assert laptop.dump() == expected, laptop.name
        assert laptop.status().pending == 0, laptop.name


def live_registrations(laptop: Laptop, event_id: uuid.UUID) -> list[tuple[str, str, int | None]]:
    def run(s: Session) -> list[tuple[str, str, int | None]]:
        regs = s.scalars(select(Registration).where(Registration.event_id == event_id,
                                                    Registration.deleted_at.is_(None))).all()
        return sorted((r.contact.email_normalized, r.status, r.waitlist_position) for r in regs)

    return laptop.do(run)  # type: ignore[no-any-return]


# -- basics -------------------------------------------------------------------------------------------------


def test_first_sync_fills_the_server_and_a_second_laptop_gets_everything(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a)
    enrol(a, ev, "anna@kiel.example")
    first = a.sync()
    assert (first.pushed, first.pulled, first.conflicts) == (3, 0, [])  # event, contact, registration
    assert a.status().pending == 0 and a.status().last_sync is not None
    second = b.sync()
    assert (second.pushed, second.pulled) == (0, 3)
    assert_converged(remote, a, b)
    assert live_registrations(b, ev) == [("anna@kiel.example", "registered", None)]


def test_the_program_creates_the_shared_schema_itself(postgres: Any, tmp_path: Path,
                                                     migrated_laptop_file: Path) -> None:
    """An empty PostgreSQL database (not even the template's schema) is set up by the first sync."""
    name = postgres.create_database()  # from template0: nothing in it
    url = postgres.url(name)
    shutil.copy(migrated_laptop_file, tmp_path / "a.sqlite")
    a = Laptop("a", tmp_path / "a.sqlite", url)
    try:
        new_event(a)
        assert a.sync().pushed == 1
        server = Server(parse_remote(url))
        with server.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
            assert conn.execute(text("SELECT count(*) FROM event")).scalar() == 1
        server.close()
        assert schema_differences(url) == []  # the shared schema is exactly the models, on PostgreSQL too
    finally:
        a.close()
        postgres.drop_database(name)


def test_nothing_to_do_sends_and_fetches_nothing(laptops: Laptops, remote: str) -> None:
    a = laptops("a")
    new_event(a)
    a.sync()
    before = server_dump(remote)
    result = a.sync()
    assert (result.pushed, result.pulled, result.conflicts) == (0, 0, [])
    assert server_dump(remote) == before


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_different_fields_merge_silently_in_either_order(laptops: Laptops, remote: str, order: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a, capacity=20)
    a.sync()
    b.sync()
    a.do(lambda s: update_event(s, ev, title="Open-Data-Netzwerktreffen Dezember"))
    b.do(lambda s: update_event(s, ev, capacity=40, venue="BigBlueButton"))
    first, second = (a, b) if order == "ab" else (b, a)
    first.sync()
    assert second.sync().conflicts == []
    first.sync()
    assert_converged(remote, a, b)
    for laptop in (a, b):
        assert event_field(laptop, ev, "title") == "Open-Data-Netzwerktreffen Dezember"
        assert (event_field(laptop, ev, "capacity"), event_field(laptop, ev, "venue")) == (40, "BigBlueButton")


# -- conflicts ----------------------------------------------------------------------------------------------


def _title_conflict(laptops: Laptops) -> tuple[Laptop, Laptop, uuid.UUID]:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a, title="Netzwerktreffen")
    a.sync()
    b.sync()
    a.do(lambda s: update_event(s, ev, title="Titel von A"))
    b.do(lambda s: update_event(s, ev, title="Titel von B", capacity=50))
    a.sync()
    return a, b, ev


def test_same_field_conflict_is_kept_with_both_values(laptops: Laptops, remote: str) -> None:
    a, b, ev = _title_conflict(laptops)
    result = b.sync()
    [conflict] = result.conflicts
    assert result.new_conflicts == 1
    assert conflict.to_json() == {"conflict_id": conflict.conflict_id, "table": "event", "row_id": str(ev),
                                  "field": "title", "local": "Titel von B", "remote": "Titel von A"}
    # meanwhile: B keeps its value, the server keeps A's, B's other change (capacity) went through
    assert event_field(b, ev, "title") == "Titel von B"
    assert b.status().conflicts == result.conflicts and b.status().pending == 1
    a.sync()
    assert (event_field(a, ev, "title"), event_field(a, ev, "capacity")) == ("Titel von A", 50)
    # a sync while the conflict is open sends nothing new and keeps listing it
    again = b.sync()
    assert (again.pushed, again.new_conflicts, len(again.conflicts)) == (0, 0, 1)


def test_conflict_resolved_with_the_servers_value(laptops: Laptops, remote: str) -> None:
    a, b, ev = _title_conflict(laptops)
    [conflict] = b.sync().conflicts
    engine.resolve(b.db, conflict.conflict_id, "remote")
    assert event_field(b, ev, "title") == "Titel von A"
    assert b.status().conflicts == [] and b.status().pending == 0
    b.sync()
    a.sync()
    assert_converged(remote, a, b)


def test_conflict_resolved_with_the_laptops_value_reaches_everyone(laptops: Laptops, remote: str) -> None:
    a, b, ev = _title_conflict(laptops)
    [conflict] = b.sync().conflicts
    engine.resolve(b.db, conflict.conflict_id, "local")
    assert b.sync().pushed == 1
    a.sync()
    assert event_field(a, ev, "title") == "Titel von B"
    assert_converged(remote, a, b)
    with pytest.raises(UserError, match="bereits gelöst"):
        engine.resolve(b.db, conflict.conflict_id, "local")


def test_newer_server_value_updates_the_open_conflict_and_agreement_closes_it(laptops: Laptops, remote: str) -> None:
    a, b, ev = _title_conflict(laptops)
    [first] = b.sync().conflicts
    a.do(lambda s: update_event(s, ev, title="Zweiter Titel von A"))
    a.sync()
    [updated] = b.sync().conflicts
    assert (updated.conflict_id, updated.remote) == (first.conflict_id, "Zweiter Titel von A")
    a.do(lambda s: update_event(s, ev, title="Titel von B"))  # A gives in
    a.sync()
    assert b.sync().conflicts == []
    assert_converged(remote, a, b)


# -- deletes ------------------------------------------------------------------------------------------------


def test_deletes_travel_as_tombstones(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a)
    enrol(a, ev, "anna@kiel.example")
    a.sync()
    b.sync()
    b.do(lambda s: delete_event(s, ev))
    b.sync()
    a.sync()
    assert event_field(a, ev, "deleted_at") is not None
    assert_converged(remote, a, b)
    assert a.do(lambda s: s.scalar(select(func.count()).select_from(Event))) == 1  # a tombstone, not a DELETE


def test_delete_against_an_edit_is_a_conflict(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a)
    a.sync()
    b.sync()
    a.do(lambda s: delete_event(s, ev))
    b.do(lambda s: update_event(s, ev, venue="Zoom"))
    a.sync()
    [conflict] = b.sync().conflicts
    assert (conflict.field, conflict.local) == ("deleted_at", None)
    assert event_field(b, ev, "deleted_at") is None  # still there on B until decided
    engine.resolve(b.db, conflict.conflict_id, "remote")
    b.sync()
    a.sync()
    assert event_field(b, ev, "deleted_at") is not None and event_field(a, ev, "venue") == "Zoom"
    assert_converged(remote, a, b)


# -- three laptops ------------------------------------------------------------------------------------------


def _three_way_edits(a: Laptop, b: Laptop, c: Laptop, ev: uuid.UUID) -> None:
    a.do(lambda s: update_event(s, ev, title="Titel A"))
    enrol(a, ev, "a1@kiel.example", "Jürgen", "Groß")
    b.do(lambda s: update_event(s, ev, venue="Zoom"))
    enrol(b, ev, "b1@ulm.example", "Özlem", "Kaya")
    b.do(lambda s: cancel(s, s.scalars(select(Registration).join(Contact).where(
        Contact.email_normalized == "erste@bonn.example")).one().id))
    c.do(lambda s: update_event(s, ev, hosts="Difu\nBertelsmann Stiftung"))
    c.do(lambda s: update_contact(s, find_contact_by_email(s, "erste@bonn.example").id, organisation="Stadt Bonn"))
    c.do(lambda s: create_speaker(s, last_name="Manz", first_name="Sabine"))


@pytest.mark.parametrize("order", ["abc", "cab", "bca"])
def test_three_laptops_editing_offline_converge_in_any_order(laptops: Laptops, remote: str, order: str) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    ev = new_event(a, capacity=10)
    enrol(a, ev, "erste@bonn.example", "Erste", "Person")
    a.sync()
    b.sync()
    c.sync()
    _three_way_edits(a, b, c, ev)
    by_name = {"a": a, "b": b, "c": c}
    for name in order:
        assert by_name[name].sync().conflicts == []
    for name in order:
        by_name[name].sync()
    assert_converged(remote, a, b, c)
    assert (event_field(c, ev, "title"), event_field(c, ev, "venue")) == ("Titel A", "Zoom")
    assert event_field(a, ev, "hosts") == "Difu\nBertelsmann Stiftung"
    assert live_registrations(b, ev) == [
        ("a1@kiel.example", "registered", None), ("b1@ulm.example", "registered", None),
        ("erste@bonn.example", "cancelled", None)]


def test_three_laptops_every_order_with_a_conflict_between_two(laptops: Laptops, remote: str) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    ev = new_event(a)
    for laptop in (a, b, c):
        laptop.sync()
    a.do(lambda s: update_event(s, ev, title="A"))
    b.do(lambda s: update_event(s, ev, title="B"))
    c.do(lambda s: update_event(s, ev, capacity=99))
    results = {laptop.name: laptop.sync() for laptop in (c, b, a)}
    assert results["c"].conflicts == [] and results["b"].conflicts == []
    [conflict] = results["a"].conflicts  # the later one meets the earlier one's value
    assert (conflict.local, conflict.remote) == ("A", "B")
    engine.resolve(a.db, conflict.conflict_id, "local")
    for laptop in (a, b, c):
        laptop.sync()
    assert_converged(remote, a, b, c)
    assert {event_field(x, ev, "title") for x in (a, b, c)} == {"A"}
    assert event_field(b, ev, "capacity") == 99


# -- the same person on two laptops -------------------------------------------------------------------------


def test_the_same_contact_created_on_two_laptops_becomes_one(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev1, ev2 = new_event(a, "Treffen 1", capacity=10), new_event(a, "Treffen 2", capacity=10, days=60)
    a.sync()
    b.sync()
    enrol(a, ev1, "anna.becker@kiel.example", organisation="")
    enrol(b, ev1, " Anna.Becker@KIEL.example ", organisation="Landeshauptstadt Kiel", municipality="Kiel")
    enrol(b, ev2, "anna.becker@kiel.example")
    a.sync()
    result = b.sync()
    assert result.conflicts == []
    [merge] = result.merged_contacts
    a.sync()
    assert_converged(remote, a, b)
    for laptop in (a, b):
        contacts = laptop.do(lambda s: s.scalars(select(Contact).where(Contact.deleted_at.is_(None))).all())
        assert [c.id for c in contacts] == [merge.kept]  # the one that reached the server first
        assert contacts[0].organisation == "Landeshauptstadt Kiel"  # filled from the other one
        assert live_registrations(laptop, ev1) == [("anna.becker@kiel.example", "registered", None)]
        assert live_registrations(laptop, ev2) == [("anna.becker@kiel.example", "registered", None)]


def test_concurrent_registrations_overfilling_an_event_keep_their_seats_and_are_reported(
        laptops: Laptops, remote: str) -> None:
    """A seat once given is kept: two laptops that each gave the last seats leave the event over its limit, which
    the sync reports (``overbooked``) instead of silently taking seats away from people who were told they have
    one."""
    a, b = laptops("a"), laptops("b")
    ev = new_event(a, capacity=2)
    a.sync()
    b.sync()
    t = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    enrol(a, ev, "a1@x.example", "Ada", "A", at=t + timedelta(hours=2))
    enrol(a, ev, "a2@x.example", "Alf", "A", at=t + timedelta(hours=3))
    enrol(b, ev, "b1@x.example", "Bea", "B", at=t)
    enrol(b, ev, "shared@x.example", "Sam", "S", at=t + timedelta(hours=1))
    assert enrol(a, ev, "shared@x.example", "Sam", "S", at=t + timedelta(hours=4)) == "waiting"  # full on A
    a.sync()
    result = b.sync()
    moved = {(c.email, c.before, c.after) for c in result.seat_changes}
    # compared with what the server said: Sam (waiting on A, a seat on B) keeps the seat B gave; nobody loses one
    assert moved == {("shared@x.example", "waiting", "registered")}
    assert [(o.limit, o.seats) for o in result.overbooked] == [(2, 4)]
    assert result.to_json()["overbooked"][0]["event_id"] == str(ev)
    a_result = a.sync()
    assert [(o.limit, o.seats) for o in a_result.overbooked] == [(2, 4)]
    assert_converged(remote, a, b)
    assert live_registrations(a, ev) == [
        ("a1@x.example", "registered", None), ("a2@x.example", "registered", None),
        ("b1@x.example", "registered", None), ("shared@x.example", "registered", None)]
    # until cancellations bring it back: two cancel, nobody moves up, the pool is at its limit again
    for email in ("a1@x.example", "a2@x.example"):
        a.do(lambda s, e=email: cancel(s, s.scalars(select(Registration).join(Contact).where(
            Contact.email_normalized == e)).one().id))
    assert a.do(lambda s: over_limit_pools(s, [ev])) == []


def test_a_speaker_removed_on_one_laptop_and_added_on_the_other_stays(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a)
    sp = a.do(lambda s: create_speaker(s, last_name="Manz", first_name="Sabine").id)
    a.sync()
    b.sync()
    a.do(lambda s: add_speaker_to_event(s, ev, sp))
    a.do(lambda s: remove_speaker_from_event(s, ev, sp))  # A: added and removed again (a tombstone)
    b.do(lambda s: add_speaker_to_event(s, ev, sp, topic="Open Data in Moers"))  # B: added
    a.sync()
    b.sync()
    a.sync()
    assert_converged(remote, a, b)
    links = a.do(lambda s: [(x.deleted_at, x.topic) for x in s.scalars(select(EventSpeaker))])
    assert links == [(None, "Open Data in Moers")]


def test_overbooking_by_hand_survives_the_recompute(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a, capacity=1)
    t = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    enrol(a, ev, "first@x.example", "Erste", "E", at=t)
    assert enrol(a, ev, "vip@x.example", "Vera", "V", at=t + timedelta(hours=1)) == "waiting"
    a.sync()
    b.sync()
    a.do(lambda s: move_from_waiting_list(s, s.scalars(select(Registration).join(Contact).where(
        Contact.email_normalized == "vip@x.example")).one().id, force=True))  # the coordinator's decision
    assert enrol(b, ev, "late@x.example", "Lars", "L", at=t + timedelta(hours=2)) == "waiting"
    a.sync()
    assert b.sync().seat_changes == []
    a.sync()
    assert_converged(remote, a, b)
    assert live_registrations(a, ev) == [("first@x.example", "registered", None),
                                         ("late@x.example", "waiting", 1), ("vip@x.example", "registered", None)]


def test_the_same_speaker_added_to_an_event_on_two_laptops_becomes_one_link(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a)
    sp = a.do(lambda s: create_speaker(s, last_name="Arndt", first_name="Claus").id)
    a.sync()
    b.sync()
    a.do(lambda s: add_speaker_to_event(s, ev, sp))
    b.do(lambda s: add_speaker_to_event(s, ev, sp, topic="Offene Daten in Moers"))
    a.sync()
    b.sync()
    a.sync()
    assert_converged(remote, a, b)
    links = a.do(lambda s: [(x.speaker_id, x.topic) for x in s.scalars(select(EventSpeaker))])
    assert links == [(sp, "Offene Daten in Moers")]


# -- clocks -------------------------------------------------------------------------------------------------


@pytest.fixture
def clock_a_day_behind(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool], None]:
    """Switch the laptop clock (the change stamps and the services' "now") a day into the past and back."""
    import odn_desktop.domain.timezone as tz
    import odn_desktop.store.database as database

    real_datetime = database.datetime

    class Behind(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Behind:  # type: ignore[override]
            return real_datetime.now(tz) - timedelta(days=1)  # type: ignore[return-value]

    def switch(on: bool) -> None:
        monkeypatch.setattr(database, "datetime", Behind if on else real_datetime)
        monkeypatch.setattr(tz, "utcnow", (lambda: Behind.now(UTC)) if on else (lambda: real_datetime.now(UTC)))

    return switch


def test_a_laptop_whose_clock_is_a_day_behind_still_merges_correctly(
        laptops: Laptops, remote: str, clock_a_day_behind: Callable[[bool], None]) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a)
    a.sync()
    b.sync()
    a.do(lambda s: update_event(s, ev, title="Erste Änderung (A)"))
    a.sync()
    b.sync()
    clock_a_day_behind(True)  # B's later change carries an earlier time stamp than A's
    b.do(lambda s: update_event(s, ev, title="Spätere Änderung (B, Uhr falsch)"))
    b.do(lambda s: update_event(s, ev, capacity=12))
    stamp_b = event_field(b, ev, "updated_at")
    clock_a_day_behind(False)
    a.do(lambda s: update_event(s, ev, venue="Zoom"))
    assert stamp_b < event_field(a, ev, "updated_at") - timedelta(hours=23)
    b.sync()
    result = a.sync()
    assert result.conflicts == []
    assert event_field(a, ev, "title") == "Spätere Änderung (B, Uhr falsch)"  # server order, not clocks
    assert (event_field(a, ev, "capacity"), event_field(a, ev, "venue")) == (12, "Zoom")
    b.sync()
    assert_converged(remote, a, b)


# -- cut off ------------------------------------------------------------------------------------------------


class CutOffError(Exception):
    pass


def _cut_at(point: str) -> Callable[[str], None]:
    def checkpoint(name: str) -> None:
        if name == point:
            raise CutOffError(name)

    return checkpoint


@pytest.mark.parametrize("point", ["pulled", "pushed:contact", "pushed", "committed"])
def test_a_sync_cut_off_anywhere_is_simply_run_again(laptops: Laptops, remote: str, point: str) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a, capacity=1)
    enrol(a, ev, "anna@kiel.example")
    a.sync()
    b.sync()
    a.do(lambda s: update_event(s, ev, venue="Zoom"))
    a.sync()
    b.do(lambda s: update_event(s, ev, title="Neuer Titel"))
    enrol(b, ev, "bernd@ulm.example", "Bernd", "Busch")
    with pytest.raises(CutOffError):
        b.sync(checkpoint=_cut_at(point))
    # after the server's commit the laptop does not know yet that its changes arrived; it edits on meanwhile
    b.do(lambda s: update_event(s, ev, title="Nach dem Abbruch geändert"))
    again = b.sync()
    assert again.conflicts == []
    a.sync()
    assert_converged(remote, a, b)
    assert event_field(a, ev, "title") == "Nach dem Abbruch geändert"
    assert event_field(a, ev, "venue") == "Zoom"
    assert live_registrations(a, ev) == [("anna@kiel.example", "registered", None),
                                         ("bernd@ulm.example", "waiting", 1)]


def test_a_copied_laptop_file_is_a_laptop_of_its_own(laptops: Laptops, remote: str, tmp_path: Any) -> None:
    """A second laptop set up by copying the file must not pass for the first one in the push log (which would
    make the first one's pushes look like its own and skip the merge)."""
    a = laptops("a")
    ev = new_event(a)
    a.sync()
    copy = tmp_path / "kopie.sqlite"
    backup_database(a.path, copy)
    c = Laptop("c", copy, remote)
    try:
        a.do(lambda s: update_event(s, ev, title="Von A"))
        a.sync()
        c.do(lambda s: update_event(s, ev, title="Von der Kopie"))
        [conflict] = c.sync().conflicts
        assert (conflict.local, conflict.remote) == ("Von der Kopie", "Von A")
    finally:
        c.close()


@pytest.mark.parametrize("remote", ["sqlite"], indirect=True)  # a restore is easiest to stage with a file
def test_a_server_restored_from_a_backup_is_noticed(laptops: Laptops, remote: str, tmp_path: Any) -> None:
    a, b = laptops("a"), laptops("b")
    ev = new_event(a)
    a.sync()
    b.sync()
    shared = parse_remote(remote).database
    backup = tmp_path / "sicherung.sqlite"
    backup_database(Path(str(shared)), backup)
    a.do(lambda s: update_event(s, ev, title="Nach der Sicherung"))
    a.sync()
    backup_database(backup, Path(str(shared)))  # the admin puts yesterday's backup back
    b.do(lambda s: update_event(s, ev, venue="Zoom"))
    b.sync()  # B had not seen A's lost push: it goes on from the restored state
    with pytest.raises(engine.SyncError, match="Sicherung"):
        a.sync()
    assert event_field(a, ev, "title") == "Nach der Sicherung"  # nothing overwritten on A


def test_cancel_stops_before_anything_is_sent(laptops: Laptops, remote: str) -> None:
    a = laptops("a")
    new_event(a)
    a.sync()
    new_event(a, "Zweites Treffen")
    stop = threading.Event()
    steps: list[tuple[int, str]] = []
    with pytest.raises(engine.SyncCancelledError, match="abgebrochen"):
        a.sync(cancel=stop, checkpoint=lambda name: stop.set() if name == "pushed:event" else None,
               progress=lambda pct, text: steps.append((pct, text)))
    assert len(server_dump(remote)["event"]) == 1 and a.status().pending == 1
    assert steps and all(0 <= pct <= 100 for pct, _ in steps)
    assert a.sync().pushed == 1


@pytest.mark.parametrize("remote", ["sqlite"], indirect=True)  # (the laptop's server is not used here)
def test_unreachable_server_is_a_german_message(laptops: Laptops, tmp_path: Any) -> None:
    a = laptops("a")
    with pytest.raises(engine.ServerUnreachableError, match="Der Server ist nicht erreichbar – Sie arbeiten offline"):
        engine.sync(a.db, "postgresql://odn@127.0.0.1:9/nirgends")
    with pytest.raises(engine.ServerUnreachableError):
        engine.sync(a.db, f"sqlite:///{tmp_path / 'nicht-eingehängt' / 'team.sqlite'}")


def test_many_orders_of_two_laptops_with_registrations_converge(laptops: Laptops, remote: str) -> None:
    """Interleaved edits and syncs (a small exhaustive schedule) always end identical on every side."""
    a, b = laptops("a"), laptops("b")
    ev = new_event(a, capacity=3)
    a.sync()
    b.sync()
    counter = itertools.count()

    def edit(laptop: Laptop) -> None:
        n = next(counter)
        enrol(laptop, ev, f"p{n}@x.example", f"P{n}", laptop.name)
        laptop.do(lambda s: update_event(s, ev, description=f"{laptop.name}{n}"))

    for step in "ab-ba-aab-b-a":
        if step == "-":
            continue
        laptop = a if step == "a" else b
        edit(laptop)
        result = laptop.sync()
        for conflict in result.conflicts:
            engine.resolve(laptop.db, conflict.conflict_id, "remote")
    a.sync()
    b.sync()
    a.sync()
    assert_converged(remote, a, b)
    regs = live_registrations(a, ev)
    holders = [r for r in regs if r[1] == "registered"]
    waiting = sorted(r[2] for r in regs if r[1] == "waiting")
    # seats given offline on both laptops are kept (reported as over the limit); nobody waits while a seat is free
    assert len(holders) >= 3 and waiting == list(range(1, len(waiting) + 1))
    over = a.do(lambda s: over_limit_pools(s, [ev]))
    assert [o.seats - o.limit for o in over] == ([len(holders) - 3] if len(holders) > 3 else [])
