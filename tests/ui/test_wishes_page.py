"""The Themenwünsche page driven as the coordinator would: the series' wishes grouped, merge and undo, a wish taken
out, a group renamed, a topic planned into the next meeting (its agenda item appears), the tree model checked by
qtmodeltester, and the page rendered at 1366×768."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import wishes
from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.contacts import ContactInput, find_or_create_contact
from odn_desktop.services.events import create_event, find_or_create_series
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.store.wish_models import TopicWish
from odn_desktop.ui.dialogs import wish_plan_dialog
from odn_desktop.ui.dialogs.wish_plan_dialog import PlanChoice, PlanDialog
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages import wishes_page
from odn_desktop.ui.pages.wishes_page import WishesPage
from wish_samples import WISHES_BY_TOPIC

RENDER = Path("/work/notes/renders/wishes-page.png")
ORGS = ["Stadt Moers", "Kreis Wesel", "Landeshauptstadt Düsseldorf", "Stadt Bonn", "Kreis Kleve", "Stadt Ulm"]


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(*args: Any) -> Any:
        raise AssertionError(f"unexpected dialog {args!r}")

    monkeypatch.setattr(wishes_page, "ask_group_title", unexpected)
    monkeypatch.setattr(wish_plan_dialog, "ask_plan", unexpected)


@pytest.fixture
def meetings(db: Database) -> dict[str, uuid.UUID]:
    """A series with a kick-off in the past (where the sample wishes were given) and a meeting to come."""
    soon = (datetime.now(UTC) + timedelta(days=40)).astimezone(BERLIN).replace(hour=10, minute=0, second=0,
                                                                              microsecond=0)
    with transaction(db.sessions) as s:
        series = find_or_create_series(s, "Open Data in Kommunen – Netzwerktreffen")
        kickoff = create_event(s, title="Auftaktveranstaltung", starts_at=datetime(2021, 10, 7, 10, tzinfo=BERLIN),
                               ends_at=datetime(2021, 10, 7, 12, tzinfo=BERLIN), series_id=series.id)
        nxt = create_event(s, title="Drittes Netzwerktreffen", starts_at=soon, ends_at=soon + timedelta(minutes=90),
                           series_id=series.id)
        for n, org in enumerate(ORGS):
            find_or_create_contact(s, ContactInput(email=f"p{n}@kommune.example", first_name=f"V{n}",
                                                   last_name=f"N{n}", organisation=org))
        n = 0
        for texts in WISHES_BY_TOPIC.values():
            for text in texts:
                wishes.add_wish(s, kickoff.id, text=text, email=f"p{n % len(ORGS)}@kommune.example")
                n += 1
        return {"series": series.id, "kickoff": kickoff.id, "next": nxt.id}


@pytest.fixture
def ctx(db: Database, meetings: dict[str, uuid.UUID]) -> AppContext:
    return AppContext(db)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> WishesPage:
    widget = WishesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1180, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def titles(page: WishesPage) -> list[str]:
    return [g.title for g in page.model.groups()]


def group(page: WishesPage, title: str) -> Any:
    return next(g for g in page.model.groups() if g.title == title)


def select_groups(page: WishesPage, *names: str) -> None:
    page.select_ids([group(page, name).id for name in names])


def test_the_series_wishes_are_listed_as_groups_with_counts_organisations_and_state(
        page: WishesPage, qtmodeltester: Any) -> None:
    assert len(page.model.groups()) == len(WISHES_BY_TOPIC)
    first = page.model.groups()[0]
    assert first.count == 6 and first.state == "open"
    model = page.model
    top = model.index(0, 0)
    assert model.data(model.index(0, 1)) == "6"
    assert model.data(model.index(0, 3)) == "offen"
    assert "Stadt Moers" in model.data(model.index(0, 2))
    assert model.rowCount(top) == 6
    assert model.data(model.index(0, 3, top)) == "Auftaktveranstaltung, 07.10.2021"
    assert model.data(model.index(0, 3, top), Qt.ItemDataRole.ToolTipRole) == \
        "geäußert bei „Auftaktveranstaltung“ am 07.10.2021"
    assert not page.tree.isExpanded(top)  # the overview first; a group opens on request and stays open
    page.tree.expand(top)
    page.reload()
    assert page.tree.isExpanded(model.index(0, 0))
    assert page.count_label.text() == f"{len(WISHES_BY_TOPIC)} Themen · 59 Wünsche"
    qtmodeltester.check(model)
    page.search_edit.setText("lizenz")
    assert titles(page) == ["Welche Lizenz für offene Daten?"]
    assert page.tree.isExpanded(model.index(0, 0))  # what the search found is shown
    qtmodeltester.check(model)
    page.search_edit.clear()
    assert len(titles(page)) == len(WISHES_BY_TOPIC)


def test_merge_two_groups_and_undo(qtbot: QtBot, page: WishesPage, ctx: AppContext) -> None:
    before = titles(page)
    assert not page.merge_button.isEnabled()
    select_groups(page, "Geodaten als Open Data", "Metadaten nach DCAT-AP.de")
    assert page.merge_button.isEnabled() and not page.split_button.isEnabled()
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    merged = group(page, "Geodaten als Open Data")
    assert merged.count == 8 and "Metadaten nach DCAT-AP.de" not in titles(page)
    assert [g.title for g in page.selected_groups()] == ["Geodaten als Open Data"]
    assert ctx.undo_stack.undoText() == "Themen zu „Geodaten als Open Data“ zusammenführen"
    page.regroup_button.click()  # a regrouping keeps the merge
    assert group(page, "Geodaten als Open Data").count == 8
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    page.reload()
    assert titles(page) == before


def test_split_a_wish_out_into_its_own_group_and_undo(page: WishesPage, ctx: AppContext) -> None:
    haushalt = group(page, "Haushaltsdaten veröffentlichen")
    wish = next(w for w in haushalt.wishes if w.text == "Offene Haushaltsdaten der Kommune visualisieren")
    page.select_ids([wish.id])
    assert page.split_button.isEnabled() and not page.merge_button.isEnabled()
    page.split_button.click()
    alone = group(page, "Offene Haushaltsdaten der Kommune visualisieren")
    assert alone.count == 1 and alone.wishes[0].pinned
    assert group(page, "Haushaltsdaten veröffentlichen").count == 5
    assert [g.id for g in page.selected_groups()] == [alone.id]
    ctx.undo_stack.undo()
    page.reload()
    assert group(page, "Haushaltsdaten veröffentlichen").count == 6


def test_rename_asks_for_the_title(page: WishesPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(wishes_page, "ask_group_title",
                        lambda _parent, current: asked.append(current) or "Ämter motivieren, Daten bereitzustellen")
    first = page.model.groups()[0]
    select_groups(page, first.title)
    page.rename_button.click()
    assert asked == [first.title]
    assert page.model.groups()[0].title == "Ämter motivieren, Daten bereitzustellen"
    ctx.undo_stack.undo()
    page.reload()
    assert page.model.groups()[0].title == first.title


def test_plan_a_topic_for_the_next_meeting(page: WishesPage, ctx: AppContext, db: Database,
                                           meetings: dict[str, uuid.UUID], monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[list[str]] = []

    def choose(_parent: QWidget, topic: str, candidates: list[Any]) -> PlanChoice:
        offered.append([topic, *(m.title for m in candidates)])
        return PlanChoice(candidates[0].id, "discussion", 45)

    monkeypatch.setattr(wish_plan_dialog, "ask_plan", choose)
    first = page.model.groups()[0]
    select_groups(page, first.title)
    assert page.plan_button.isEnabled()
    page.plan_button.click()
    assert offered == [[first.title, "Drittes Netzwerktreffen"]]  # the kick-off is over: not offered
    planned = group(page, first.title)
    assert planned.state == "planned" and not page.plan_button.isEnabled()
    model = page.model
    position = page.model.groups().index(planned)
    assert model.data(model.index(position, 3)).startswith("eingeplant: „Drittes Netzwerktreffen“ (")
    with transaction(db.sessions) as s:
        items, _warning = agenda_rows(s, meetings["next"])
    assert [(i.kind, i.title, i.duration_minutes) for i in items] == [("discussion", first.title, 45)]
    ctx.undo_stack.undo()
    with transaction(db.sessions) as s:
        assert agenda_rows(s, meetings["next"])[0] == []


def test_the_plan_dialog_offers_the_meetings_and_returns_the_choice(qtbot: QtBot, page: WishesPage,
                                                                   ctx: AppContext) -> None:
    from odn_desktop.services.wish_rows import plan_candidates

    first = page.model.groups()[0]
    candidates = ctx.read(lambda s: plan_candidates(s, first.series_id))
    dialog = PlanDialog(first.title, candidates)
    qtbot.addWidget(dialog)
    assert dialog.meeting_combo.count() == 1
    assert dialog.meeting_combo.currentText().startswith("Drittes Netzwerktreffen – ")
    dialog.kind_combo.setCurrentIndex(1)
    dialog.minutes_spin.setValue(20)
    assert dialog.choice() == PlanChoice(candidates[0].id, "talk", 20)


def test_keyboard_selection_and_the_page_in_the_window_navigation(qtbot: QtBot, page: WishesPage) -> None:
    from odn_desktop.ui.shell.workspace_window import PAGES

    assert ("wishes", "Themenwünsche", "wishes") in PAGES
    page.tree.setFocus()
    page.tree.setCurrentIndex(page.model.index(0, 0))
    page.tree.selectionModel().select(page.model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)
    assert page.merge_button.isEnabled()


def test_rendered_page(qtbot: QtBot, db: Database, meetings: dict[str, uuid.UUID]) -> None:
    """The page in the window as the coordinator sees it at 1366×768: LOOK at the PNG."""
    from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

    with transaction(db.sessions) as s:  # one topic renamed and planned already, as after the kick-off
        first = s.scalars(select(TopicWish).where(TopicWish.text.startswith("Wie die Ämter"))).one()
        assert first.group_id is not None
        wishes.rename_group(s, first.group_id, "Wie Ämter motiviert werden, Daten bereitzustellen")
        wishes.plan_group(s, first.group_id, meetings["next"])
    ctx = AppContext(db)
    window = WorkspaceWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("wishes")
    page = window.page("wishes")
    assert isinstance(page, WishesPage)
    qtbot.waitUntil(lambda: bool(page.model.groups()))
    page.tree.expand(page.model.index(1, 0))  # one topic opened, its wishes below it
    page.select_ids([page.model.groups()[1].id])
    RENDER.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(RENDER))
