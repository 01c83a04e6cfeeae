"""Data protection wins in the sync: an erasure (Art. 17) or anonymisation (retention) on one laptop beats edits
another laptop made meanwhile - without a conflict, in either order, and the coordinator is told - while an
ordinary deletion against an edit stays a conflict. End to end against PostgreSQL and a shared SQLite file
(``remote`` is parametrised), plus the merge rule without any database."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session
from sync_helpers import Laptop, future, server_dump

from odn_desktop.cli import main
from odn_desktop.services import mailing, privacy, wishes
from odn_desktop.services import registrations as regs
from odn_desktop.services.contact_directory import merge_contacts, update_contact
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.store.database import transaction
from odn_desktop.store.mail_models import RegistrationMessage
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.open import open_database
from odn_desktop.store.wish_models import TopicWish
from odn_desktop.sync import engine
from odn_desktop.sync.erasure import anonymised_address, is_anonymised_contact
from odn_desktop.sync.merge import merge_row
from odn_desktop.sync.server import Server, parse_remote
from odn_desktop.sync.tables import BY_NAME, PERSONAL, Row

Laptops = Callable[[str], Laptop]

ANNA = "Annegret.Quast@Kielerfoerde.example"
ANNA_FIRST, ANNA_LAST = "Annegret", "Quast-Wetterau"
ANNA_ORG = "Stadtwerke Kielerförde"
KIM = "kim.schaefer@bonn.example"
B_ORG = "Landeshauptstadt Kielerförde (neu)"  # B's edit of the organisation
B_NOTE = "ruft zurück: privat 0431 99887766"  # B's edit of the registration's notes
MAIL_DETAIL = f"550 5.1.1 <{ANNA.lower()}>: mailbox full"
#: what must be gone everywhere once the person is erased
TRACES = (ANNA.casefold(), ANNA_FIRST.casefold(), ANNA_LAST.casefold(), ANNA_ORG.casefold(), B_ORG.casefold(),
          B_NOTE.casefold(), "mailbox full")


# -- helpers ------------------------------------------------------------------------------------------------


def person(email: str, first: str, last: str, **more: str) -> ContactInput:
    return ContactInput(email=email, first_name=first, last_name=last, **more)


def server_text(remote: str) -> str:
    """Every value of every row of every table of the shared database, as one text."""
    server = Server(parse_remote(remote))
    try:
        with server.connect() as conn:
            parts = []
            for table in inspect(conn).get_table_names():
                for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                    parts.extend(str(v) for v in row if v is not None)
            return "\n".join(parts).casefold()
    finally:
        server.close()


def laptop_text(laptop: Laptop) -> str:
    """Every value of every table of the laptop's file (shadows and conflicts included), as one text."""
    conn = sqlite3.connect(laptop.path)
    try:
        parts = []
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                parts.extend(str(v) for v in row if v is not None)
        return "\n".join(parts).casefold()
    finally:
        conn.close()


def assert_no_traces(remote: str, *laptops: Laptop) -> None:
    found = server_text(remote)
    assert [t for t in TRACES if t in found] == [], "server"
    for laptop in laptops:
        found = laptop_text(laptop)
        assert [t for t in TRACES if t in found] == [], laptop.name


def assert_converged(remote: str, *laptops: Laptop) -> None:
    expected = server_dump(remote)
    for laptop in laptops:
        assert laptop.dump() == expected, laptop.name
        assert laptop.status().pending == 0, laptop.name


def server_row(remote: str, table: str, row_id: uuid.UUID) -> dict[str, Any]:
    spec = BY_NAME[table]
    server = Server(parse_remote(remote))
    try:
        with server.connect() as conn:
            row = conn.execute(text(f"SELECT * FROM {table} WHERE id = :id"),
                               {"id": row_id if server.dialect == "postgresql" else row_id.hex}).one()
            return spec.encode_row(row)
    finally:
        server.close()


def open_conflict_rows(laptop: Laptop) -> list[tuple[Any, ...]]:
    with laptop.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT table_name, field, resolution FROM sync_conflict WHERE resolved_at IS NULL"))]


def conflict_records(laptop: Laptop) -> list[tuple[Any, ...]]:
    with laptop.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT table_name, field, resolution, local_value, remote_value FROM sync_conflict ORDER BY id"))]


class World:
    """An upcoming event with one seat: Anna holds it (with a note and a failed mail), Kim waits."""

    def __init__(self, laptops: Laptops, *names: str) -> None:
        self.laptops = [laptops(name) for name in names]
        first = self.laptops[0]

        def setup(s: Session) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID]:
            event = create_event(s, title="Netzwerktreffen", starts_at=future(), ends_at=future(hour=12), capacity=1)
            anna = regs.register(s, event.id, person(ANNA, ANNA_FIRST, ANNA_LAST, organisation=ANNA_ORG)).registration
            set_notes(s, anna.id, "bringt Kollegin mit")
            kim = regs.register(s, event.id, person(KIM, "Kim", "Schäfer")).registration
            assert kim.status == "waiting"
            mailing.record_message(s, anna.id, "access_link", "smtp", "failed", MAIL_DETAIL)
            return event.id, anna.contact_id, anna.id, kim.id

        self.event, self.contact, self.registration, self.kim = first.do(setup)
        for laptop in self.laptops:
            laptop.sync()

    def edit(self, laptop: Laptop, organisation: str = B_ORG, note: str = B_NOTE) -> None:
        """What a colleague does, not knowing of the erasure: fixes the organisation, adds a note."""
        def run(s: Session) -> None:
            update_contact(s, self.contact, organisation=organisation)
            set_notes(s, self.registration, note)

        laptop.do(run)

    def assert_erased(self, remote: str, *, tombstoned: bool = True) -> None:
        """On the server and every laptop: contact and registration anonymised (and tombstoned)."""
        rows = [server_row(remote, "contact", self.contact)]
        for laptop in self.laptops:
            rows.append(laptop.do(lambda s: BY_NAME["contact"].encode_row(
                {c: getattr(s.get(Contact, self.contact), c) for c in BY_NAME["contact"].columns})))
        for row in rows:
            assert is_anonymised_contact(row)
            assert (row["first_name"], row["last_name"], row["organisation"]) == ("", "anonymisiert", "")
            assert (row["deleted_at"] is not None) == tombstoned
        reg = server_row(remote, "registration", self.registration)
        assert reg["notes"] == "" and (reg["deleted_at"] is not None) == tombstoned
        for laptop in self.laptops:
            assert open_conflict_rows(laptop) == []
            assert laptop.status().conflicts == []


def set_notes(s: Session, registration_id: uuid.UUID, notes: str) -> None:
    reg = s.get(Registration, registration_id)
    assert reg is not None
    reg.notes = notes


def delete_anna(laptop: Laptop) -> privacy.DeletionResult:
    return laptop.do(lambda s: privacy.delete_person(s, ANNA))  # type: ignore[no-any-return]


def seat_holders(laptop: Laptop, event_id: uuid.UUID) -> list[tuple[str, str]]:
    def run(s: Session) -> list[tuple[str, str]]:
        rows = s.scalars(select(Registration).where(Registration.event_id == event_id,
                                                    Registration.deleted_at.is_(None))).all()
        return sorted((r.contact.email_normalized, r.status) for r in rows)

    return laptop.do(run)  # type: ignore[no-any-return]


def overridden(result: engine.SyncResult) -> set[tuple[str, tuple[str, ...], str]]:
    return {(o.table, o.fields, o.edit_from) for o in result.erased_over_edits}


# -- Art. 17 against an edit, both orders -------------------------------------------------------------------


def test_erasure_wins_over_an_edit_that_reached_the_server_first(
        laptops: Laptops, remote: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A deletes the person, B edits her; B syncs, A syncs, B syncs: no conflict anywhere, erased everywhere."""
    world = World(laptops, "a", "b")
    a, b = world.laptops
    assert [r.email for r in delete_anna(a).promoted] == [KIM]
    world.edit(b)
    assert b.sync().conflicts == []
    # A's sync through the CLI: the JSON keeps its keys and tells that edits were overridden
    code = main(["--db", str(a.path), "sync", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    assert {"pushed", "pulled", "conflicts"} <= set(report) and report["conflicts"] == []
    assert sorted((e["table"], e["fields"], e["edit_from"]) for e in report["erased_over_edits"]) == [
        ("contact", ["organisation"], "remote"), ("registration", ["notes"], "remote")]
    assert {e["row_id"] for e in report["erased_over_edits"]} == {str(world.contact), str(world.registration)}
    result = b.sync()
    assert result.conflicts == [] and result.erased_over_edits == []
    assert_converged(remote, a, b)
    world.assert_erased(remote)
    assert_no_traces(remote, a, b)
    for laptop in (a, b):  # the freed seat went to the waiting list
        assert seat_holders(laptop, world.event) == [(KIM, "registered")]


def test_erasure_that_reached_the_server_first_wins_over_a_later_edit(laptops: Laptops, remote: str) -> None:
    """A deletes the person and syncs; then B, who edited her offline, syncs: B's edits give way, B is told."""
    world = World(laptops, "a", "b")
    a, b = world.laptops
    delete_anna(a)
    world.edit(b)
    assert a.sync().erased_over_edits == []
    result = b.sync()
    assert result.conflicts == [] and result.new_conflicts == 0
    assert overridden(result) == {("contact", ("organisation",), "local"), ("registration", ("notes",), "local")}
    assert "durch eine Löschung oder Anonymisierung (Datenschutz) ersetzt" in result.erased_over_edits[0].message()
    assert result.to_json()["erased_over_edits"][0]["row_id"] in (str(world.contact), str(world.registration))
    assert a.sync().conflicts == []
    assert_converged(remote, a, b)
    world.assert_erased(remote)
    assert_no_traces(remote, a, b)
    for laptop in (a, b):
        assert seat_holders(laptop, world.event) == [(KIM, "registered")]


def test_erasure_wins_for_a_colleague_who_erased_nothing_but_edited_both_ways(laptops: Laptops, remote: str) -> None:
    """Three laptops: B edits and syncs, A erases and syncs, C (an edit of its own) syncs last."""
    world = World(laptops, "a", "b", "c")
    a, b, c = world.laptops
    world.edit(b)
    world.edit(c, organisation="Kreis Plön", note="nur vormittags")
    delete_anna(a)
    assert b.sync().conflicts == []
    assert a.sync().conflicts == []
    result = c.sync()
    assert result.conflicts == [] and ("contact", ("organisation",), "local") in overridden(result)
    for laptop in (a, b, c):
        laptop.sync()
    assert_converged(remote, a, b, c)
    world.assert_erased(remote)
    assert "kreis plön" not in server_text(remote) and "nur vormittags" not in server_text(remote)


# -- open conflicts on the person ---------------------------------------------------------------------------


def _organisation_conflict(world: World) -> Laptop:
    """B and C change Anna's organisation differently; C holds the open conflict."""
    _a, b, c = world.laptops
    b.do(lambda s: update_contact(s, world.contact, organisation=B_ORG))
    c.do(lambda s: update_contact(s, world.contact, organisation="Kreis Plön"))
    b.sync()
    [conflict] = c.sync().conflicts
    assert (conflict.field, conflict.remote) == ("organisation", B_ORG)
    return c


def test_an_open_conflict_closes_when_the_erasure_arrives(laptops: Laptops, remote: str) -> None:
    world = World(laptops, "a", "b", "c")
    a, b, _c = world.laptops
    c = _organisation_conflict(world)
    delete_anna(a)
    a.sync()
    result = c.sync()
    assert result.conflicts == [] and c.status().conflicts == []
    assert ("contact", ("organisation",), "local") in overridden(result)
    assert [(t, f, r) for t, f, r, _l, _rv in conflict_records(c)] == [("contact", "organisation", "erased")]
    assert [(lv, rv) for *_x, lv, rv in conflict_records(c)] == [("null", "null")]  # no personal values kept
    for laptop in (a, b, c):
        laptop.sync()
    assert_converged(remote, a, b, c)
    world.assert_erased(remote)
    assert_no_traces(remote, a, b, c)
    assert "kreis plön" not in laptop_text(c)


def test_erasing_a_person_with_an_open_conflict_sends_no_personal_value(laptops: Laptops, remote: str) -> None:
    """C erases the person while its conflict is open: the field in conflict must not keep the server's value."""
    world = World(laptops, "a", "b", "c")
    a, b, _c = world.laptops
    c = _organisation_conflict(world)
    c.do(lambda s: privacy.delete_person(s, ANNA))
    result = c.sync()
    assert result.conflicts == [] and ("contact", ("organisation",), "remote") in overridden(result)
    assert server_row(remote, "contact", world.contact)["organisation"] == ""
    for laptop in (a, b, c):
        laptop.sync()
    assert_converged(remote, a, b, c)
    world.assert_erased(remote)
    assert_no_traces(remote, a, b, c)


# -- a registration added elsewhere for the person being deleted --------------------------------------------


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_registration_added_meanwhile_for_the_deleted_person_is_erased_too(
        laptops: Laptops, remote: str, order: str) -> None:
    world = World(laptops, "a", "b")
    a, b = world.laptops
    second = a.do(lambda s: create_event(s, title="Sommertreffen", starts_at=future(60), ends_at=future(60, 12),
                                         capacity=1).id)
    a.sync()
    b.sync()
    delete_anna(a)

    def register_again(s: Session) -> None:  # B does not know yet: Anna signs up for the summer meeting
        anna = regs.register(s, second, person(ANNA, ANNA_FIRST, ANNA_LAST), source="sommer_anmeldungen.xlsx")
        set_notes(s, anna.registration.id, B_NOTE)
        mailing.record_message(s, anna.registration.id, "confirmation", "smtp", "failed", MAIL_DETAIL)
        assert regs.register(s, second, person("lars@ulm.example", "Lars", "Lind")).status == "waiting"

    b.do(register_again)
    first, then = (a, b) if order == "ab" else (b, a)
    first.sync()
    result = then.sync()
    assert result.conflicts == []
    tables = {o.table for o in result.erased_over_edits}
    assert tables == {"registration", "registration_message"}
    assert ("lars@ulm.example", "waiting", "registered") in {(c.email, c.before, c.after)
                                                             for c in result.seat_changes}
    for laptop in (a, b):
        laptop.sync()
    assert_converged(remote, a, b)
    for laptop in (a, b):
        assert seat_holders(laptop, second) == [("lars@ulm.example", "registered")]
        live = laptop.do(lambda s: s.scalars(select(Registration).where(
            Registration.contact_id == world.contact, Registration.deleted_at.is_(None))).all())
        assert live == []
        messages = laptop.do(lambda s: [(m.deleted_at is not None, m.detail)
                                        for m in s.scalars(select(RegistrationMessage))])
        assert messages and all(m == (True, "") for m in messages)
    assert_no_traces(remote, a, b)
    assert "sommer_anmeldungen" not in server_text(remote)


# -- topic wishes of the person being deleted ------------------------------------------------------------------


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_wishes_of_the_deleted_person_edited_or_given_meanwhile_are_erased_too(
        laptops: Laptops, remote: str, order: str) -> None:
    world = World(laptops, "a", "b")
    a, b = world.laptops
    known = a.do(lambda s: wishes.add_wish(s, world.event, email=ANNA, text="Lizenzen für Haushaltsdaten").wish_id)
    a.sync()
    b.sync()
    delete_anna(a)

    def colleague(s: Session) -> None:  # B does not know yet: corrects her wish, types in another one
        wish = s.get(TopicWish, known)
        assert wish is not None
        wish.text = f"Lizenzen für Haushaltsdaten der {ANNA_ORG}"
        wishes.add_wish(s, world.event, email=ANNA, text=f"Wie die {ANNA_ORG} Geodaten veröffentlicht")

    b.do(colleague)
    first, then = (a, b) if order == "ab" else (b, a)
    first.sync()
    result = then.sync()
    assert result.conflicts == []
    assert "topic_wish" in {o.table for o in result.erased_over_edits}
    for laptop in (a, b):
        laptop.sync()
    assert_converged(remote, a, b)
    for laptop in (a, b):
        left = laptop.do(lambda s: [(w.text, w.deleted_at is not None) for w in s.scalars(select(TopicWish))])
        assert len(left) == 2 and all(w == ("", True) for w in left), laptop.name
        assert laptop.status().conflicts == []
    assert_no_traces(remote, a, b)
    assert "geodaten" not in server_text(remote) and "lizenzen" not in server_text(remote)


# -- retention anonymisation against an edit ----------------------------------------------------------------


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_anonymisation_wins_over_a_concurrent_edit(laptops: Laptops, remote: str, order: str) -> None:
    a, b = laptops("a"), laptops("b")
    long_ago = datetime.now(UTC) - timedelta(days=3 * 365)

    def setup(s: Session) -> tuple[uuid.UUID, uuid.UUID]:
        event = create_event(s, title="Auftakt", starts_at=long_ago, ends_at=long_ago + timedelta(hours=2),
                             capacity=10)
        reg = regs.register(s, event.id, person(ANNA, ANNA_FIRST, ANNA_LAST, organisation=ANNA_ORG),
                            registered_at=long_ago - timedelta(days=7), now=long_ago - timedelta(days=7))
        regs.mark_attendance(s, reg.registration.id, True, 100)
        return reg.registration.contact_id, reg.registration.id

    contact_id, reg_id = a.do(setup)
    a.sync()
    b.sync()
    assert a.do(lambda s: privacy.anonymize_expired(s, 24).contacts) == 1

    def edit(s: Session) -> None:
        update_contact(s, contact_id, organisation=B_ORG, role="Open-Data-Beauftragte")
        set_notes(s, reg_id, B_NOTE)

    b.do(edit)
    first, then = (a, b) if order == "ab" else (b, a)
    assert first.sync().conflicts == []
    result = then.sync()
    assert result.conflicts == []
    assert overridden(result) == {("contact", ("organisation", "role"), "remote" if then is a else "local"),
                                  ("registration", ("notes",), "remote" if then is a else "local")}
    first.sync()
    assert_converged(remote, a, b)
    row = server_row(remote, "contact", contact_id)
    assert is_anonymised_contact(row) and row["deleted_at"] is None  # anonymised, not deleted
    assert (row["organisation"], row["role"], row["first_name"]) == ("", "", "")
    reg_row = server_row(remote, "registration", reg_id)
    assert (reg_row["notes"], reg_row["deleted_at"], reg_row["attended"]) == ("", None, 1)  # counts stay right
    assert a.status().conflicts == [] and b.status().conflicts == []
    assert_no_traces(remote, a, b)


# -- ordinary deletions are no erasures ---------------------------------------------------------------------


def test_an_ordinary_deletion_against_an_edit_is_still_a_conflict(laptops: Laptops, remote: str) -> None:
    world = World(laptops, "a", "b")
    a, b = world.laptops
    a.do(lambda s: regs.delete_registration(s, world.registration))  # entered by mistake: no data protection
    b.do(lambda s: set_notes(s, world.registration, "kommt doch"))
    a.sync()
    result = b.sync()
    [conflict] = result.conflicts
    assert (conflict.table, conflict.field, conflict.local) == ("registration", "deleted_at", None)
    assert result.erased_over_edits == []


def test_contacts_merged_by_hand_against_an_edit_is_still_a_conflict(laptops: Laptops, remote: str) -> None:
    world = World(laptops, "a", "b")
    a, b = world.laptops

    def duplicate(s: Session) -> uuid.UUID:
        reg = regs.register(s, world.event, person("a.quast@privat.example", ANNA_FIRST, ANNA_LAST))
        return reg.registration.contact_id

    dup = a.do(duplicate)
    a.sync()
    b.sync()
    a.do(lambda s: merge_contacts(s, world.contact, dup))  # the duplicate becomes an ordinary tombstone
    b.do(lambda s: update_contact(s, dup, organisation="Kreis Plön"))
    b.sync()
    result = a.sync()
    assert [(c.table, c.field) for c in result.conflicts] == [("contact", "deleted_at")]
    assert result.erased_over_edits == []


# -- the marker and the rule, without a database ------------------------------------------------------------

CONTACT = BY_NAME["contact"]
REGISTRATION = BY_NAME["registration"]
T0, T1 = "2027-06-10 08:00:00.000000", "2027-06-11 08:00:00.000000"


def contact_row(**changes: Any) -> Row:
    row: Row = {c: "" for c in CONTACT.columns}
    row.update(id="c0ffee" + "0" * 26, created_at=T0, updated_at=T0, deleted_at=None, consent_contact=0,
               consent_given_at=None, first_name="Anna", last_name="Becker", email="anna@kiel.example",
               email_normalized="anna@kiel.example", organisation="Stadt Kiel")
    row.update(changes)
    return row


def erased_row(**changes: Any) -> Row:
    blank = {c: "" for c in ("first_name", "organisation", "notes")}
    address = anonymised_address("c0ffee" + "0" * 26)
    return contact_row(**{**blank, "last_name": "anonymisiert", "email": address, "email_normalized": address,
                          "deleted_at": T1, **changes})


def test_the_marker_is_the_anonymised_address_of_that_very_row() -> None:
    assert is_anonymised_contact(erased_row())
    assert not is_anonymised_contact(contact_row())
    other = anonymised_address("ab" * 16)
    assert not is_anonymised_contact(contact_row(email=other, email_normalized=other))  # another row's address
    assert not is_anonymised_contact(None)
    contact_id = uuid.UUID("c0ffee" + "0" * 26)
    assert privacy.anonymized_email(contact_id) == anonymised_address(contact_id.hex)  # the two stay in step


@pytest.mark.parametrize("erased", ["local", "remote"])
def test_an_erasure_decides_every_personal_field_without_a_conflict(erased: str) -> None:
    base, edit = contact_row(), contact_row(organisation="Landeshauptstadt Kiel", role="CDO")
    local, remote = (erased_row(), edit) if erased == "local" else (edit, erased_row())
    out = merge_row(CONTACT, base, local, remote, erased)  # type: ignore[arg-type]
    assert out.conflicts == []
    assert {k: v for k, v in out.values.items() if k != "updated_at"} == {
        k: v for k, v in erased_row().items() if k != "updated_at"}
    assert sorted(out.overridden) == ["organisation", "role"]
    assert out.local_changes == (erased == "local")
    # without the rule it would have been conflicts, the server keeping its personal value meanwhile
    assert {c.field for c in merge_row(CONTACT, base, local, remote).conflicts} >= {"organisation", "deleted_at"}


def test_other_fields_of_an_erased_registration_merge_as_usual() -> None:
    base: Row = {c: None for c in REGISTRATION.columns}
    base.update(id="d" * 32, contact_id="c" * 32, status="registered", notes="bringt Kollegin mit",
                source="liste.xlsx", attended=0)
    erased = {**base, "notes": "", "source": "import", "deleted_at": T1}
    edited = {**base, "notes": "kommt später", "attended": 1, "status": "cancelled", "cancelled_at": T0}
    out = merge_row(REGISTRATION, base, edited, erased, "remote")
    assert out.conflicts == []
    assert (out.values["notes"], out.values["source"], out.values["deleted_at"]) == ("", "import", T1)
    assert (out.values["attended"], out.values["status"], out.values["cancelled_at"]) == (1, "cancelled", T0)
    assert out.overridden == ["notes"]
    # a plain deletion (no erasure) against the same edit stays a conflict
    plain = {**base, "deleted_at": T1}
    assert [c.field for c in merge_row(REGISTRATION, base, edited, plain).conflicts] == ["deleted_at"]


def test_a_deletion_on_the_other_side_of_an_anonymisation_stays() -> None:
    anonymised = erased_row(deleted_at=None)
    deleted = contact_row(deleted_at=T0)
    out = merge_row(CONTACT, contact_row(), deleted, anonymised, "remote")
    assert out.conflicts == [] and out.values["deleted_at"] == T0 and out.values["organisation"] == ""


def test_personal_fields_cover_what_the_privacy_service_empties(tmp_path: Path) -> None:
    """If ``privacy`` ever empties another column of a registration or message, ``tables.PERSONAL`` must follow."""
    db = open_database(tmp_path / "laptop.sqlite")
    try:
        with transaction(db.sessions) as s:
            event = create_event(s, title="T", starts_at=future(), ends_at=future(hour=12), capacity=5)
            anna = person(ANNA, ANNA_FIRST, ANNA_LAST)
            reg_id = regs.register(s, event.id, anna, source="liste.xlsx").registration.id
            set_notes(s, reg_id, "Notiz")
            msg_id = mailing.record_message(s, reg_id, "confirmation", "smtp", "failed", MAIL_DETAIL).id
            wish_id = wishes.add_wish(s, event.id, email=ANNA, text="Lizenzen").wish_id

        def snapshot() -> dict[str, dict[str, Any]]:
            with db.engine.connect() as conn:
                return {table: dict(conn.execute(text(f"SELECT * FROM {table} WHERE id = :i"),
                                                 {"i": row_id.hex}).one()._mapping)
                        for table, row_id in (("registration", reg_id), ("registration_message", msg_id),
                                              ("topic_wish", wish_id))}

        before = snapshot()
        with transaction(db.sessions) as s:
            privacy.delete_person(s, ANNA)
        after = snapshot()
        for table, row in before.items():
            changed = {c for c in row if row[c] != after[table][c]} - {"updated_at", "deleted_at", "dirty"}
            assert changed and changed <= (PERSONAL[table] or set()), table
        assert PERSONAL["contact"] is None  # every contact field is personal
    finally:
        db.close()
