"""Topic wishes as the coordinator handles them: add, group, merge, split, rename, plan into a meeting, undo."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from itertools import zip_longest

import pytest
from sqlalchemy import select

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import wishes as svc
from odn_desktop.services.contacts import ContactInput, find_or_create_contact
from odn_desktop.services.events import create_event, find_or_create_series
from odn_desktop.store.database import transaction
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
