"""Topic wishes as the coordinator handles them: add, group, merge, split, rename, plan into a meeting, undo."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from itertools import zip_longest

import pytest
from sqlalchemy import select

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import wish_rows as wr
from odn_desktop.services import wishes as svc
from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.contacts import ContactInput, find_or_create_contact
from odn_desktop.services.events import cancel_event, create_event, find_or_create_series
from odn_desktop.services.registrations import register
from odn_desktop.store.database import soft_delete, transaction
from odn_desktop.store.models import Registration
from odn_desktop.store.open import Database
from odn_desktop.store.wish_models import TopicGroup, TopicWish
from wish_samples import WISHES_BY_TOPIC

KICKOFF = datetime(2031, 10, 7, 10, 0, tzinfo=BERLIN)
NEXT = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)


@pytest.fixture
def meetings(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    """The kick-off (where wishes were given) and the next meeting of one series; three known people."""
    with transaction(db.sessions) as s:
        series = find_or_create_series(s, "Open Data in Kommunen – Netzwerktreffen")
        kickoff = create_event(s, title="Auftakt", starts_at=KICKOFF, ends_at=KICKOFF + timedelta(hours=2),
                               series_id=series.id)
        nxt = create_event(s, title="Zweites Treffen", starts_at=NEXT, ends_at=NEXT + timedelta(hours=1, minutes=30),
                           series_id=series.id)
        for n, org in enumerate(["Stadt Moers", "Kreis Wesel", "Stadt Bonn"]):
            find_or_create_contact(s, ContactInput(email=f"p{n}@kommune.example", first_name=f"V{n}",
                                                   last_name=f"N{n}", organisation=org))
        return kickoff.id, nxt.id


def live_groups(db: Database) -> dict[uuid.UUID, list[str]]:
    with transaction(db.sessions) as s:
        groups = s.scalars(select(TopicGroup).where(TopicGroup.deleted_at.is_(None))).all()
        wishes = s.scalars(select(TopicWish).where(TopicWish.deleted_at.is_(None))).all()
        return {g.id: sorted(w.text for w in wishes if w.group_id == g.id) for g in groups}


def test_add_wish_places_it_into_a_group_and_remove_undoes_it(db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, _ = meetings
    with transaction(db.sessions) as s:
        first = svc.add_wish(s, kickoff, email="P0@kommune.example ", text="Ämter motivieren, Daten bereitzustellen")
        second = svc.add_wish(s, kickoff, email="p1@kommune.example", text="Wie motiviert man die Aemter?")
        other = svc.add_wish(s, kickoff, text="Haushaltsdaten veröffentlichen", source="survey")
        wish = s.get(TopicWish, first.wish_id)
        assert wish is not None and wish.contact is not None and wish.contact.organisation == "Stadt Moers"
    assert first.new_group and not second.new_group and other.new_group
    assert first.group_id == second.group_id != other.group_id
    assert live_groups(db)[first.group_id] == ["Wie motiviert man die Aemter?",
                                               "Ämter motivieren, Daten bereitzustellen"]
    with transaction(db.sessions) as s:
        group = s.get(TopicGroup, first.group_id)
        assert group is not None and group.title == "Ämter motivieren, Daten bereitzustellen"
        svc.remove_wish(s, other.wish_id)
        svc.remove_wish(s, second.wish_id)
    assert list(live_groups(db)) == [first.group_id]  # the emptied group went with its only wish


def test_add_wish_refuses_unknown_people_empty_text_and_unknown_sources(
        db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, _ = meetings
    with transaction(db.sessions) as s:
        with pytest.raises(UserError, match="nicht bekannt"):
            svc.add_wish(s, kickoff, email="fremd@example.org", text="Lizenzen")
        with pytest.raises(UserError, match="als Text"):
            svc.add_wish(s, kickoff, email="p0@kommune.example", text="  \n ")
        with pytest.raises(UserError, match="Herkunft"):
            svc.add_wish(s, kickoff, text="Lizenzen", source="fax")
    assert live_groups(db) == {}


def test_the_sample_list_added_one_by_one_gives_one_group_per_topic(
        db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, _ = meetings
    interleaved = [text for row in zip_longest(*WISHES_BY_TOPIC.values()) for text in row if text]
    with transaction(db.sessions) as s:
        for text in interleaved:  # topics mixed, as the answers of a survey come in
            svc.add_wish(s, kickoff, text=text)
    found = sorted(live_groups(db).values())
    assert found == sorted(sorted(texts) for texts in WISHES_BY_TOPIC.values())


def add(db: Database, event_id: uuid.UUID, *texts: str, email: str | None = None) -> list[svc.AddedWish]:
    with transaction(db.sessions) as s:
        return [svc.add_wish(s, event_id, text=text, email=email) for text in texts]


def group_rows(db: Database) -> list[wr.WishGroupRow]:
    with transaction(db.sessions) as s:
        return wr.list_wish_groups(s)


def test_a_merge_survives_a_regrouping(db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, _ = meetings
    geo, lic = add(db, kickoff, "Geodaten als Open Data", "Welche Lizenz für Geodaten?")
    haushalt, = add(db, kickoff, "Haushaltsdaten veröffentlichen")
    assert len({geo.group_id, lic.group_id, haushalt.group_id}) == 2  # "Lizenz für Geodaten" shares "Geodaten"
    with transaction(db.sessions) as s:
        merge = svc.merge_groups(s, geo.group_id, haushalt.group_id)  # the coordinator sees one topic here
    merged = {geo.group_id: sorted(["Geodaten als Open Data", "Welche Lizenz für Geodaten?",
                                    "Haushaltsdaten veröffentlichen"])}
    assert live_groups(db) == merged
    for rebuild in (False, True):
        with transaction(db.sessions) as s:
            svc.regroup(s, s.get(TopicGroup, geo.group_id).series_id, rebuild=rebuild)  # type: ignore[union-attr]
        assert live_groups(db) == merged, rebuild
    # a new wish close to a merged wish joins the merged group, not a new one
    new, = add(db, kickoff, "Veröffentlichung von Haushaltsdaten")
    assert new.group_id == geo.group_id and not new.new_group
    with transaction(db.sessions) as s:
        svc.remove_wish(s, new.wish_id)
        svc.unmerge_groups(s, merge)
    assert sorted(live_groups(db).values()) == [["Geodaten als Open Data", "Welche Lizenz für Geodaten?"],
                                                ["Haushaltsdaten veröffentlichen"]]


def test_rebuild_regroups_unpinned_wishes_and_undo_puts_them_back(
        db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, _ = meetings
    a, b = add(db, kickoff, "Geodaten", "Lizenzen")
    with transaction(db.sessions) as s:  # a stored grouping that a rebuild would not make: Lizenzen with Geodaten
        wish = s.get(TopicWish, b.wish_id)
        assert wish is not None
        wish.group_id = a.group_id
        soft_delete(s, s.get(TopicGroup, b.group_id))  # type: ignore[arg-type]
        series_id = s.get(TopicGroup, a.group_id).series_id  # type: ignore[union-attr]
    with transaction(db.sessions) as s:
        assert svc.regroup(s, series_id).moved == ()  # stored grouping kept
    with transaction(db.sessions) as s:
        rebuilt = svc.regroup(s, series_id, rebuild=True)
    assert live_groups(db)[a.group_id] == ["Geodaten"]  # the group keeps its id
    assert sorted(live_groups(db).values()) == [["Geodaten"], ["Lizenzen"]]
    assert len(rebuilt.created_groups) == 1
    with transaction(db.sessions) as s:
        svc.undo_regroup(s, rebuilt)
    assert live_groups(db) == {a.group_id: ["Geodaten", "Lizenzen"]}


def test_split_pins_the_wish_in_its_own_group_and_undo_returns_it(
        db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, _ = meetings
    one, two = add(db, kickoff, "Geodaten als Open Data", "Geodaten und Datenschutz")
    with transaction(db.sessions) as s:
        split = svc.split_wish(s, two.wish_id)
        with pytest.raises(UserError, match="schon allein"):
            svc.split_wish(s, two.wish_id)
        svc.regroup(s, s.get(TopicGroup, one.group_id).series_id, rebuild=True)  # type: ignore[union-attr]
    assert live_groups(db) == {one.group_id: ["Geodaten als Open Data"],
                               split.new_group_id: ["Geodaten und Datenschutz"]}
    [row] = [r for r in group_rows(db) if r.id == split.new_group_id]
    assert row.title == "Geodaten und Datenschutz" and row.wishes[0].pinned
    with transaction(db.sessions) as s:
        svc.unsplit_wish(s, split)
    assert live_groups(db) == {one.group_id: ["Geodaten als Open Data", "Geodaten und Datenschutz"]}


def test_rename_and_its_undo(db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, _ = meetings
    wish, = add(db, kickoff, "wie die Ämter motiviert werden können")
    assert wish.group_id is not None
    with transaction(db.sessions) as s:
        before = svc.rename_group(s, wish.group_id, "  Ämter motivieren,\n Daten bereitzustellen ")
        with pytest.raises(UserError, match="Titel"):
            svc.rename_group(s, wish.group_id, " ")
    assert [r.title for r in group_rows(db)] == ["Ämter motivieren, Daten bereitzustellen"]
    with transaction(db.sessions) as s:
        svc.restore_group_state(s, before)
    assert [r.title for r in group_rows(db)] == ["wie die Ämter motiviert werden können"]


def test_planning_adds_the_agenda_item_and_undo_removes_it(db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, nxt = meetings
    first, _second = add(db, kickoff, "Ämter motivieren", "Motivation der Ämter für Open Data", email=None)
    add(db, kickoff, "Lizenzen", email="p2@kommune.example")
    assert first.group_id is not None
    with transaction(db.sessions) as s:
        svc.rename_group(s, first.group_id, "Wie Ämter motiviert werden, Daten bereitzustellen")
        plan = svc.plan_group(s, first.group_id, nxt)
        with pytest.raises(UserError, match="schon für „Zweites Treffen“ eingeplant"):
            svc.plan_group(s, first.group_id, nxt)
        rows, _warning = agenda_rows(s, nxt)
    assert [(r.kind, r.title) for r in rows] == [("discussion", "Wie Ämter motiviert werden, Daten bereitzustellen")]
    assert rows[0].id == plan.agenda_item_id
    planned = group_rows(db)[-1]
    assert (planned.id, planned.state, planned.count) == (first.group_id, "planned", 2)
    assert planned.planned_event is not None and planned.planned_event.id == nxt
    assert planned.to_json()["planned_event"]["title"] == "Zweites Treffen"
    # over after the meeting: treated (derived), and stored on demand
    later = NEXT + timedelta(hours=3)
    with transaction(db.sessions) as s:
        assert [r.state for r in wr.list_wish_groups(s, now=later) if r.id == first.group_id] == ["treated"]
        svc.unplan_group(s, plan)
        assert agenda_rows(s, nxt)[0] == []
    assert {r.id: r.state for r in group_rows(db)}[first.group_id] == "open"


def test_planning_refuses_other_series_cancelled_meetings_and_other_kinds(
        db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, nxt = meetings
    wish, = add(db, kickoff, "Lizenzen")
    assert wish.group_id is not None
    with transaction(db.sessions) as s:
        stranger = create_event(s, title="Andere Reihe", starts_at=NEXT, ends_at=NEXT + timedelta(hours=1),
                                series_id=find_or_create_series(s, "Andere Reihe").id)
        with pytest.raises(UserError, match="nicht zur Reihe"):
            svc.plan_group(s, wish.group_id, stranger.id)
        with pytest.raises(UserError, match="Diskussion oder Vortrag"):
            svc.plan_group(s, wish.group_id, nxt, kind="break")
        cancel_event(s, nxt)
        with pytest.raises(UserError, match="abgesagt"):
            svc.plan_group(s, wish.group_id, nxt)


def test_listing_counts_organisations_and_levels(db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    kickoff, _ = meetings
    with transaction(db.sessions) as s:
        register(s, kickoff, ContactInput(email="p0@kommune.example", first_name="V0", last_name="N0"),
                 allow_late=True)
        reg = s.scalars(select(Registration)).one()
        reg.level = "Fortgeschrittene"
    add(db, kickoff, "Haushaltsdaten veröffentlichen", email="p0@kommune.example")
    add(db, kickoff, "Veröffentlichung von Haushaltsdaten", email="p1@kommune.example")
    add(db, kickoff, "haushaltsdaten", email="p2@kommune.example")
    add(db, kickoff, "Haushaltsdaten offen bereitstellen", email="p1@kommune.example")
    add(db, kickoff, "Lizenzen")
    rows = group_rows(db)
    assert [(r.title, r.count) for r in rows] == [("Haushaltsdaten veröffentlichen", 4), ("Lizenzen", 1)]
    assert rows[0].organisations == ("Kreis Wesel", "Stadt Bonn", "Stadt Moers")
    assert [w.level for w in rows[0].wishes] == ["Fortgeschrittene", "", "", ""]
    data = rows[0].to_json()
    assert set(data) >= {"group_id", "title", "count", "wishes", "state", "planned_event"}
    assert set(data["wishes"][0]) == {"wish_id", "text", "email", "organisation", "event"}
    assert data["wishes"][0]["email"] == "p0@kommune.example" and data["wishes"][0]["event"]["title"] == "Auftakt"
    assert rows[1].to_json()["wishes"][0]["email"] is None


def test_merging_two_contacts_takes_the_wishes_along(db: Database, meetings: tuple[uuid.UUID, ...]) -> None:
    from odn_desktop.services.contact_directory import merge_contacts
    from odn_desktop.services.contacts import find_contact_by_email

    kickoff, _ = meetings
    wish, = add(db, kickoff, "Lizenzen", email="p1@kommune.example")
    with transaction(db.sessions) as s:
        keep, other = find_contact_by_email(s, "p0@kommune.example"), find_contact_by_email(s, "p1@kommune.example")
        assert keep is not None and other is not None
        merge_contacts(s, keep.id, other.id)
        assert s.get(TopicWish, wish.wish_id).contact_id == keep.id  # type: ignore[union-attr]
    assert [w.email for w in group_rows(db)[0].wishes] == ["p0@kommune.example"]
