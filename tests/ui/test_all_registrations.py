""""Alle Anmeldungen": background loading in two steps, and searching 100,000 registrations."""

from __future__ import annotations

import random
import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from odn_desktop.domain.names import matches_search
from odn_desktop.services import registration_views as views
from odn_desktop.services import registrations as regs
from odn_desktop.services.rows import EventRegistrationRow, EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.models.snapshot_model import SearchIndex
from odn_desktop.ui.pages.all_registrations_page import AllRegistrationsPage

SCREENSHOT = Path("/tmp/odn-all-registrations.png")


@pytest.fixture
def page(qtbot: QtBot, demo_db: Database) -> AllRegistrationsPage:
    widget = AllRegistrationsPage(AppContext(demo_db))
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    return widget


def show_and_load(qtbot: QtBot, page: AllRegistrationsPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()  # a page loads when it is shown
    assert not page.is_loading


def test_loads_in_the_background_showing_lade_first(qtbot: QtBot, page: AllRegistrationsPage,
                                                   demo_db: Database) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
        assert page.stack.currentWidget() is page.loading_label
        assert page.loading_label.text() == "Lade …"
        assert page.is_loading
    assert page.stack.currentWidget() is page.table and not page.is_loading and page.is_complete
    with transaction(demo_db.sessions) as s:
        expected = views.all_registration_rows(s)
    assert page.model.visible_rows() == expected
    assert page.count_label.text().startswith(f"{len(expected)} Anmeldungen")
    first = page.model.index(0, 0).data()
    assert first.endswith(" · " + expected[0].event_title) and first[:2] in {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"}
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Veranstaltung"


def test_newest_events_come_first_then_the_rest(qtbot: QtBot, page: AllRegistrationsPage,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "FIRST_CHUNK", 5)
    sizes: list[int] = []
    page.model.modelReset.connect(lambda: sizes.append(page.model.total_count()))
    show_and_load(qtbot, page)
    assert 0 < sizes[0] < sizes[-1]
    assert page.model.total_count() == sizes[-1]


def test_a_hidden_page_reloads_when_shown_and_a_visible_one_on_change(
    qtbot: QtBot, page: AllRegistrationsPage, demo_db: Database, kickoff_row: EventRow,
) -> None:
    page.reload()
    assert not page.is_loading and page.model.total_count() == 0  # hidden: nothing read yet
    show_and_load(qtbot, page)
    total = page.model.total_count()
    target = next(r for r in page.model.visible_rows() if r.event_id == kickoff_row.id and r.status == "registered")
    page.table.selectRow(page.model.row_of(target.id) or 0)
    with transaction(demo_db.sessions) as s:
        regs.cancel(s, target.id)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.ctx.changed.emit(("registrations",))
        assert page.count_label.text().endswith("(wird aktualisiert …)")
    assert page.model.total_count() == total
    [selected] = page.selected_rows()
    assert selected.id == target.id and selected.status == "cancelled"  # the selection survives the reload
    page.ctx.changed.emit(("agenda",))  # not shown here: no reload
    assert not page.is_loading


def test_activating_a_row_opens_its_event(qtbot: QtBot, page: AllRegistrationsPage) -> None:
    show_and_load(qtbot, page)
    row = page.model.row_at(3)
    with qtbot.waitSignal(page.open_event_requested) as blocker:
        page.table.activated.emit(page.model.index(3, 2))
    assert blocker.args == [row.event_id, "registrations"]
    page.delete_selected()  # nothing to do here
    assert not page.has_unsaved_changes() and page.save_changes()


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, qtbot: QtBot, page: AllRegistrationsPage) -> None:
    qtmodeltester.check(page.model, force_py=True)  # watches the loading, filtering and sorting that follow
    show_and_load(qtbot, page)
    assert 50 < page.model.rowCount() < 1000
    page.search_edit.setText("stadt")
    page.status_combo.setCurrentIndex(page.status_combo.findText("Warteliste"))
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    page.search_edit.setText("stadt k")
    page.search_edit.clear()


def test_rendered_page(qtbot: QtBot, page: AllRegistrationsPage, tmp_path: Path) -> None:
    show_and_load(qtbot, page)
    page.search_edit.setText("stadt")
    qtbot.wait(20)
    target = tmp_path / "odn-all-registrations.png"
    assert page.grab().save(str(target))
    image = QImage(str(target))
    assert image.width() >= 1300
    shutil.copyfile(target, SCREENSHOT)


# -- 100,000 registrations ---------------------------------------------------------------------------------

FIRST = ("Jürgen", "Juergen", "Anna", "Ömer", "Łukasz", "Sophie", "Kim", "Thomas")
LAST = ("Müller", "Mueller", "Muller", "Möller", "Schäfer", "Groß", "Gross", "Weiß", "Becker", "Yılmaz")
TOWNS = ("Kiel", "Düsseldorf", "Görlitz", "Moers", "Ulm", "Trier")
STATUSES = ("registered", "waiting", "cancelled")


def hundred_thousand_rows() -> list[EventRegistrationRow]:
    rng = random.Random(20211202)
    events = [(uuid.UUID(int=e + 1), f"Netzwerktreffen {e + 1}",
               datetime(2020, 1, 1, 9, tzinfo=UTC) + timedelta(days=7 * e)) for e in range(300)]
    rows = []
    for i in range(100_000):
        first, last, town = rng.choice(FIRST), rng.choice(LAST), rng.choice(TOWNS)
        event_id, title, starts = events[i % 300]
        status = STATUSES[i % 3]
        email = f"r{i}@example.org"
        rows.append(EventRegistrationRow(
            uuid.UUID(int=10**6 + i), event_id, uuid.UUID(int=10**7 + i), first, last, email, f"Stadt {town}",
            status, (i % 50) + 1 if status == "waiting" else None, False,
            datetime(2019, 12, 1, tzinfo=UTC) + timedelta(minutes=i), False, None, None,
            town, None, False, title, starts,  # the town: part of the search key
        ))
    return rows


# term -> which rows it must find, stated from the data's make-up (not from the search keys)
ORACLE: dict[str, Any] = {
    "müller": lambda r: r.last_name in {"Müller", "Mueller"},  # "mueller": the umlaut and its spelled-out form
    "muller": lambda r: r.last_name in {"Müller", "Muller"},  # typed without the dots
    "MÜLLER": lambda r: r.last_name in {"Müller", "Mueller"},
    "groß": lambda r: r.last_name in {"Groß", "Gross"},
    "dusseldorf": lambda r: r.organisation == "Stadt Düsseldorf",
    "jürgen müller": lambda r: r.first_name in {"Jürgen", "Juergen"} and r.last_name in {"Müller", "Mueller"},
    "ulm stadt": lambda r: r.organisation == "Stadt Ulm",
    "yilmaz": lambda r: r.last_name == "Yılmaz",
    "lukasz": lambda r: r.first_name == "Łukasz",
    "r4242@": lambda r: r.email == "r4242@example.org",
    "kim": lambda r: r.first_name == "Kim",
    "zzz": lambda r: False,
    "": lambda r: True,
}


def test_search_in_100000_registrations_returns_the_right_rows(qtbot: QtBot, db: Database) -> None:
    rows = hundred_thousand_rows()
    page = AllRegistrationsPage(AppContext(db))
    qtbot.addWidget(page)
    page.model.set_rows(rows, SearchIndex.build(r.search_key for r in rows))
    assert page.model.rowCount() == 100_000

    for term, wanted in ORACLE.items():
        page.search_edit.setText(term)
        expected = [r for r in rows if wanted(r)]
        assert page.model.visible_rows() == expected, term
        assert page.model.rowCount() == len(expected)
    assert len([r for r in rows if ORACLE["jürgen müller"](r)]) > 1000

    # typed character by character, then backspace: every intermediate answer is right too
    page.search_edit.clear()
    for term in ["m", "mü", "mül", "müll", "mülle", "müller", "mülle", "mü", "", "k", "ki", "kie", "kiel", "kiel s"]:
        page.search_edit.setText(term)
        assert page.model.visible_rows() == [r for r in rows if matches_search(r.search_key, term)], term
    page.search_edit.setText("müller")
    assert page.model.visible_rows() == [r for r in rows if ORACLE["müller"](r)]

    # with the status filter and a sorted column
    page.status_combo.setCurrentIndex(page.status_combo.findText("Warteliste"))
    assert page.model.visible_rows() == [r for r in rows if ORACLE["müller"](r) and r.status == "waiting"]
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # Nachname (after Veranstaltung)
    shown = page.model.visible_rows()
    assert sorted(r.id for r in shown) == sorted(r.id for r in rows if ORACLE["müller"](r) and r.status == "waiting")
    assert [r.last_name for r in shown] == sorted((r.last_name for r in shown), key=lambda n: n != "Mueller")
    page.search_edit.setText("jürgen müller")
    assert {r.id for r in page.model.visible_rows()} == {
        r.id for r in rows if ORACLE["jürgen müller"](r) and r.status == "waiting"}
    page.status_combo.setCurrentIndex(page.status_combo.findText("Alle"))
    page.search_edit.clear()
    assert page.model.rowCount() == 100_000
