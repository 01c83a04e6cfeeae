"""Topic wishes and their groups travel between two laptops like everything else: the grouping, a merge, a plan
(with its agenda item), against PostgreSQL and a shared SQLite file (``remote`` is parametrised)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session
from sync_helpers import Laptop, future, server_dump

from odn_desktop.services import wishes
from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.contacts import ContactInput, find_or_create_contact
from odn_desktop.services.events import create_event, find_or_create_series
from odn_desktop.services.wish_rows import list_wish_groups

Laptops = Callable[[str], Laptop]


def groups(laptop: Laptop) -> list[tuple[str, str, tuple[str, ...]]]:
    """(title, state, wish texts) per group, as the Themenwünsche page lists them."""
    return laptop.do(lambda s: sorted((g.title, g.state, tuple(sorted(w.text for w in g.wishes)))  # type: ignore[no-any-return]
                                      for g in list_wish_groups(s)))


def assert_converged(remote: str, *laptops: Laptop) -> None:
    expected = server_dump(remote)
    assert expected["topic_wish"] and expected["topic_group"]
    for laptop in laptops:
        assert laptop.dump() == expected, laptop.name
        assert laptop.status().pending == 0, laptop.name


def test_wishes_groups_a_merge_and_a_plan_reach_the_other_laptop(laptops: Laptops, remote: str) -> None:
    a, b = laptops("a"), laptops("b")

    def setup(s: Session) -> tuple[uuid.UUID, uuid.UUID, list[wishes.AddedWish]]:
        series = find_or_create_series(s, "Open Data in Kommunen")
        kickoff = create_event(s, title="Auftakt", starts_at=future(-20), ends_at=future(-20, 12),
                               series_id=series.id)
        nxt = create_event(s, title="Zweites Treffen", starts_at=future(40), ends_at=future(40, 12),
                           series_id=series.id)
        find_or_create_contact(s, ContactInput(email="anna@moers.example", first_name="Anna", last_name="Becker",
                                               organisation="Stadt Moers"))
        added = [wishes.add_wish(s, kickoff.id, email="anna@moers.example", text=text) for text in (
            "Haushaltsdaten veröffentlichen", "Veröffentlichung von Haushaltsdaten", "Geodaten als Open Data")]
        return kickoff.id, nxt.id, added

    kickoff, nxt, added = a.do(setup)
    a.sync()
    b.sync()
    assert groups(b) == groups(a) == [
        ("Geodaten als Open Data", "open", ("Geodaten als Open Data",)),
        ("Haushaltsdaten veröffentlichen", "open",
         ("Haushaltsdaten veröffentlichen", "Veröffentlichung von Haushaltsdaten"))]

    # B merges the two topics and adds a wish; A, meanwhile, adds one of its own
    haushalt, geo = added[0].group_id, added[2].group_id
    assert haushalt is not None and geo is not None
    b.do(lambda s: wishes.merge_groups(s, haushalt, geo))
    b.do(lambda s: wishes.add_wish(s, kickoff, text="Offene Haushaltsdaten visualisieren"))
    a.do(lambda s: wishes.add_wish(s, kickoff, text="Lizenzen"))
    for laptop in (b, a, b):
        result = laptop.sync()
        assert result.conflicts == []
    merged = ("Haushaltsdaten veröffentlichen", "open",
              ("Geodaten als Open Data", "Haushaltsdaten veröffentlichen", "Offene Haushaltsdaten visualisieren",
               "Veröffentlichung von Haushaltsdaten"))
    assert groups(a) == groups(b) == [merged, ("Lizenzen", "open", ("Lizenzen",))]
    assert a.do(lambda s: s.scalars(select(wishes.TopicWish.pinned).where(
        wishes.TopicWish.id == added[2].wish_id)).one())  # the merge's pin travelled too

    # a regrouping on A after the sync keeps B's merge
    a.do(lambda s: wishes.regroup(s, s.get(wishes.TopicGroup, haushalt).series_id, rebuild=True))  # type: ignore[union-attr]
    assert [g for g in groups(a) if g[0] == merged[0]] == [merged]

    # A plans the merged topic into the next meeting: the agenda item and the state reach B
    a.do(lambda s: wishes.plan_group(s, haushalt, nxt))
    a.sync()
    b.sync()
    assert [(title, state) for title, state, _ in groups(b)] == [("Haushaltsdaten veröffentlichen", "planned"),
                                                                 ("Lizenzen", "open")]
    assert b.do(lambda s: [r.title for r in agenda_rows(s, nxt)[0]]) == ["Haushaltsdaten veröffentlichen"]
    assert_converged(remote, a, b)
