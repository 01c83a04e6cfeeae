"""The three-way field merge of one row, without any database: every rule, plus properties (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from odn_desktop.sync.merge import differs, merge_row, pushable
from odn_desktop.sync.tables import BY_NAME, Row

EVENT = BY_NAME["event"]
CONTACT = BY_NAME["contact"]
REGISTRATION = BY_NAME["registration"]
T0 = "2027-06-10 08:00:00.000000"
T1 = "2027-06-11 08:00:00.000000"


def event_row(**changes: Any) -> Row:
    row: Row = {c: "" for c in EVENT.columns}
    row.update(id="a" * 32, created_at=T0, updated_at=T0, deleted_at=None, series_id=None, capacity=20,
               overbooking_percent=0, ics_sequence=0, starts_at=T0, ends_at=T1, registration_opens_at=None,
               registration_deadline=None, access_link_dispatch_at=None, access_link_sent_at=None,
               allow_late_registration=0, title="Netzwerktreffen", status="open")
    row.update(changes)
    return row


def test_different_fields_merge_silently() -> None:
    base = event_row()
    out = merge_row(EVENT, base, event_row(title="Neu"), event_row(capacity=30))
    assert out.conflicts == []
    assert (out.values["title"], out.values["capacity"]) == ("Neu", 30)
    assert out.local_changes  # the title still has to reach the server


def test_same_change_on_both_sides_is_no_conflict() -> None:
    out = merge_row(EVENT, event_row(), event_row(title="Neu"), event_row(title="Neu"))
    assert out.conflicts == [] and not out.local_changes


def test_same_field_changed_differently_is_a_conflict_and_the_laptop_keeps_its_value() -> None:
    out = merge_row(EVENT, event_row(), event_row(title="Meins"), event_row(title="Deins", capacity=5))
    [conflict] = out.conflicts
    assert (conflict.field, conflict.local, conflict.remote, conflict.base) == (
        "title", "Meins", "Deins", "Netzwerktreffen")
    assert out.values["title"] == "Meins" and out.values["capacity"] == 5


def test_without_a_common_ancestor_every_difference_is_a_conflict() -> None:
    out = merge_row(EVENT, None, event_row(title="A", venue="Zoom"), event_row(title="B", venue="Zoom"))
    assert [c.field for c in out.conflicts] == ["title"]
    assert not out.conflicts[0].has_base


def test_laptop_clocks_decide_nothing() -> None:
    """A newer ``updated_at`` on one side does not make that side win a conflict."""
    out = merge_row(EVENT, event_row(), event_row(title="Später", updated_at=T1), event_row(title="Früher"))
    assert [c.field for c in out.conflicts] == ["title"]
    out = merge_row(EVENT, event_row(), event_row(updated_at=T1), event_row(title="Neu"))
    assert out.values["title"] == "Neu" and out.conflicts == []


def test_a_deletion_wins_over_an_untouched_row() -> None:
    out = merge_row(EVENT, event_row(), event_row(), event_row(deleted_at=T1))
    assert out.values["deleted_at"] == T1 and out.conflicts == []
    out = merge_row(EVENT, event_row(), event_row(deleted_at=T1), event_row(capacity=20))
    assert out.values["deleted_at"] == T1 and out.local_changes


def test_a_deletion_against_an_edit_is_a_conflict() -> None:
    out = merge_row(EVENT, event_row(), event_row(title="Geändert"), event_row(deleted_at=T1))
    assert [(c.field, c.local, c.remote) for c in out.conflicts] == [("deleted_at", None, T1)]
    assert out.values["deleted_at"] is None and out.values["title"] == "Geändert"
    out = merge_row(EVENT, event_row(), event_row(deleted_at=T1), event_row(title="Geändert"))
    assert [c.field for c in out.conflicts] == ["deleted_at"]


def test_both_deleted_keeps_the_servers_time() -> None:
    out = merge_row(EVENT, event_row(), event_row(deleted_at=T0), event_row(deleted_at=T1))
    assert out.values["deleted_at"] == T1 and out.conflicts == []


def test_calendar_sequence_raised_on_both_sides_goes_beyond_both() -> None:
    out = merge_row(EVENT, event_row(ics_sequence=2), event_row(ics_sequence=3, title="A"),
                    event_row(ics_sequence=4, venue="B"))
    assert out.values["ics_sequence"] == 5 and out.conflicts == []


def test_waiting_list_places_never_conflict() -> None:
    base: Row = {c: None for c in REGISTRATION.columns}
    base.update(id="b" * 32, status="waiting", waitlist_position=3)
    out = merge_row(REGISTRATION, base, {**base, "waitlist_position": 1}, {**base, "waitlist_position": 2})
    assert out.conflicts == [] and out.values["waitlist_position"] == 2


def test_email_and_its_normalised_form_are_one_field() -> None:
    base: Row = {c: "" for c in CONTACT.columns}
    base.update(id="c" * 32, deleted_at=None, email="a@x.example", email_normalized="a@x.example")
    local = {**base, "email": "A@Y.example", "email_normalized": "a@y.example"}
    remote = {**base, "email": "a@z.example", "email_normalized": "a@z.example"}
    out = merge_row(CONTACT, base, local, remote)
    assert [c.field for c in out.conflicts] == ["email"]
    assert (out.values["email"], out.values["email_normalized"]) == ("A@Y.example", "a@y.example")
    held = pushable(CONTACT, out.values, remote, {"email"})
    assert (held["email"], held["email_normalized"]) == ("a@z.example", "a@z.example")


def test_a_registrations_cancellation_time_follows_its_status() -> None:
    base: Row = {c: None for c in REGISTRATION.columns}
    base.update(id="d" * 32, status="registered", cancelled_at=None)
    both = merge_row(REGISTRATION, base, {**base, "status": "cancelled", "cancelled_at": T0},
                     {**base, "status": "cancelled", "cancelled_at": T1})
    assert both.conflicts == [] and both.values["cancelled_at"] == T1  # cancelled on both laptops: no question
    out = merge_row(REGISTRATION, base, {**base, "status": "waiting"},
                    {**base, "status": "cancelled", "cancelled_at": T1})
    assert [c.field for c in out.conflicts] == ["status"]
    assert (out.values["status"], out.values["cancelled_at"]) == ("waiting", None)  # never "waiting since…"
    theirs = merge_row(REGISTRATION, base, base, {**base, "status": "cancelled", "cancelled_at": T1})
    assert (theirs.values["status"], theirs.values["cancelled_at"]) == ("cancelled", T1)


def test_own_push_as_base_means_no_conflicts() -> None:
    mine = event_row(title="Nach dem Abbruch weiter bearbeitet")
    pushed = event_row(title="Gesendet")
    out = merge_row(EVENT, pushed, mine, pushed)
    assert out.conflicts == [] and out.values["title"] == mine["title"]


def test_pushable_keeps_the_servers_value_of_a_field_in_conflict() -> None:
    shadow = event_row(title="Server")
    row = event_row(title="Laptop", capacity=99)
    out = pushable(EVENT, row, shadow, {"title"})
    assert out["title"] == "Server" and out["capacity"] == 99
    assert not differs(EVENT, pushable(EVENT, event_row(title="Laptop"), shadow, {"title"}), shadow)


values = st.one_of(st.none(), st.integers(-3, 3), st.sampled_from(["", "a", "b", "ä"]))
fields = ("title", "venue", "capacity", "hosts")


@st.composite
def triples(draw: st.DrawFn) -> tuple[Row, Row, Row]:
    base = event_row(**{f: draw(values) for f in fields})
    local = event_row(**{f: draw(st.one_of(st.just(base[f]), values)) for f in fields})
    remote = event_row(**{f: draw(st.one_of(st.just(base[f]), values)) for f in fields})
    return base, local, remote


@given(triples())
def test_merge_properties(rows: tuple[Row, Row, Row]) -> None:
    base, local, remote = rows
    out = merge_row(EVENT, base, local, remote)
    for f in fields:
        if local[f] == base[f]:
            assert out.values[f] == remote[f]  # only the server changed it (or nobody)
        elif remote[f] == base[f] or remote[f] == local[f]:
            assert out.values[f] == local[f]
        else:
            assert f in out.conflict_fields and out.values[f] == local[f]
    # the conflict set does not depend on which side is "local"
    assert merge_row(EVENT, base, remote, local).conflict_fields == out.conflict_fields
    # merging the result again with the same server version changes nothing and finds no new conflict
    again = merge_row(EVENT, remote, out.values, remote)
    assert again.values == {**out.values, "updated_at": again.values["updated_at"]} and again.conflicts == []
    assert out.local_changes == any(out.values[f] != remote[f] for f in fields)
