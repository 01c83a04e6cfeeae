"""Registrant search keys are made when a search first needs them, not when a table opens, and still find
a person by every part of the key: names, e-mail address, organisation and town (umlauts folded)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from odn_desktop.domain.names import search_key
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registration_views as views
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, list_event_rows
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact
from odn_desktop.store.open import Database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.models.snapshot_model import ColumnSpec, SnapshotTableModel
from odn_desktop.ui.pages.registrations_tab import RegistrationsTab

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)
PEOPLE = [
    ContactInput(email="anna.mueller@kiel.example", first_name="Anna", last_name="Müller",
                 organisation="Landeshauptstadt Kiel", municipality="Kiel"),
    ContactInput(email="b.becker@zweckverband.example", first_name="Bernd", last_name="Becker",
                 organisation="Zweckverband Wasser", municipality="Düsseldorf"),
    ContactInput(email="oezlem.kaya@ulm.example", first_name="Özlem", last_name="Kaya",
                 organisation="Stadtwerke Ulm", municipality="Görlitz"),
]


@pytest.fixture
def ctx(db: Database) -> Iterator[AppContext]:
    context = AppContext(db)
    yield context
    context.undo_stack.clear()


@pytest.fixture
def event_id(db: Database) -> uuid.UUID:
    with transaction(db.sessions) as s:
        event = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=2),
                             capacity=10)
        for person in PEOPLE:
            regs.register(s, event.id, person, now=START - timedelta(days=3))
        return event.id


def test_the_tab_finds_people_by_town_organisation_name_and_e_mail(qtbot: QtBot, ctx: AppContext,
                                                                   event_id: uuid.UUID) -> None:
    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_event(event_id)
    for term, last_names in (("dusseldorf", ["Becker"]),  # the town only (not in the organisation)
                             ("düsseldorf", ["Becker"]), ("goerlitz", ["Kaya"]), ("zweckverband", ["Becker"]),
                             ("stadtwerke ulm", ["Kaya"]), ("muller", ["Müller"]), ("ozlem", ["Kaya"]),
                             ("kiel", ["Müller"]), ("b.becker@", ["Becker"]), ("görlitz kaya", ["Kaya"]),
                             ("görlitz müller", [])):
        tab.search_edit.setText(term)
        assert [r.last_name for r in tab.model.visible_rows()] == last_names, term
    tab.search_edit.clear()
    assert tab.model.rowCount() == len(PEOPLE)


def test_a_reload_after_a_change_keeps_the_search_working(qtbot: QtBot, ctx: AppContext, db: Database,
                                                          event_id: uuid.UUID) -> None:
    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_event(event_id)
    tab.search_edit.setText("dusseldorf")
    with transaction(db.sessions) as s:  # the person moves: the key follows the contact
        contact = s.scalars(select(Contact).where(Contact.last_name == "Becker")).one()
        contact.municipality = "Münster"
    tab.reload()
    assert tab.model.visible_rows() == []
    tab.search_edit.setText("munster")
    assert [r.last_name for r in tab.model.visible_rows()] == ["Becker"]


def test_service_rows_carry_the_town_and_their_key_is_the_domain_key(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        towns = {c.id: c.municipality for c in s.scalars(select(Contact))}
        event_rows = [r for e in list_event_rows(s) for r in views.event_registration_rows(s, e.id)]
        all_rows = views.all_registration_rows(s)
    assert any(towns.values())
    for rows in (event_rows, all_rows):
        assert rows
        for r in rows:
            assert r.municipality == towns[r.contact_id]
            assert r.search_key == search_key(r.first_name, r.last_name, r.email, r.organisation, towns[r.contact_id])


@dataclass(frozen=True)
class CountingRow:
    """A snapshot whose key is made on demand, counting how often (the model must not ask before a search)."""

    id: int
    name: str
    reads: list[int] = field(default_factory=list, compare=False)

    @property
    def search_key(self) -> str:
        self.reads.append(self.id)
        return self.name.lower()


def test_the_model_reads_search_keys_at_the_first_search_only(qtbot: QtBot) -> None:
    reads: list[int] = []
    columns: list[ColumnSpec[CountingRow]] = [ColumnSpec("Name", lambda r: r.name, lambda r: r.name)]
    model: SnapshotTableModel[CountingRow] = SnapshotTableModel(columns)
    rows = [CountingRow(n, name, reads) for n, name in enumerate(["Kiel", "Ulm", "Kleve", "Trier"])]
    model.set_rows(rows)
    model.sort(0)
    model.set_filter("")
    assert reads == [] and model.rowCount() == 4  # opened and sorted: no key made
    model.set_filter("k")
    assert sorted(reads) == [0, 1, 2, 3] and [r.name for r in model.visible_rows()] == ["Kiel", "Kleve"]
    model.set_filter("kl")
    model.set_filter("")
    assert len(reads) == 4  # each key made once
    model.update_rows([CountingRow(1, "Kleinmachnow", reads)])  # a changed row: its new key is read
    model.set_filter("kl")
    assert [r.name for r in model.visible_rows()] == ["Kleinmachnow", "Kleve"]
    assert len(reads) == 5
    model.set_filter("")
    model.set_rows(rows[:2])  # new rows: their keys are read again when searched
    assert len(reads) == 5
    model.set_filter("u")
    assert [r.name for r in model.visible_rows()] == ["Ulm"] and len(reads) == 7
    model.set_rows(rows)  # a search in effect: the new rows are filtered at once
    assert [r.name for r in model.visible_rows()] == ["Ulm"] and len(reads) == 11

