"""The seat summary's colour follows the seats (full: the problem colour, free seats: the ok colour); none without
an event."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages.registrations_tab import RegistrationsTab

START = datetime(2031, 12, 2, 10, 0, tzinfo=BERLIN)


def _event(db: Database, capacity: int, people: int) -> uuid.UUID:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title=f"Treffen für {capacity}", starts_at=START,
                                ends_at=START + timedelta(minutes=90), capacity=capacity).id
        for n in range(people):
            regs.register(s, event_id, ContactInput(email=f"p{n}@kiel.example", first_name="Anna",
                                                    last_name=f"Müller {n}"), now=START - timedelta(days=3))
    return event_id


@pytest.fixture
def ctx(db: Database) -> Iterator[AppContext]:
    context = AppContext(db)
    yield context
    context.undo_stack.clear()


def test_summary_colour_follows_the_seats(qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    full, free = _event(db, capacity=2, people=2), _event(db, capacity=40, people=1)
    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.summary_label.styleSheet() == ""
    tab.set_event(full)
    assert tab.summary_label.styleSheet() == theme.text_style(theme.problem_text, "600")
    tab.set_event(free)
    assert tab.summary_label.styleSheet() == theme.text_style(theme.ok_text, "600")
    tab.set_event(None)
    assert tab.summary_label.styleSheet() == ""
