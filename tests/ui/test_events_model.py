"""EventsTableModel and its search/sort proxy over demo snapshots."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester

from odn_desktop.domain.names import search_key
from odn_desktop.domain.seats import SeatStatus
from odn_desktop.services.rows import EventRow
from odn_desktop.ui.events_model import SORT_ROLE, Column, EventsFilterProxy, EventsTableModel


def cell(model: EventsTableModel, row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, column), role)


def position(model: EventsTableModel, event: EventRow) -> int:
    return next(i for i, r in enumerate(model.rows()) if r.id == event.id)


def test_model_passes_qtmodeltester_with_demo_rows(qtmodeltester: ModelTester, demo_rows: list[EventRow]) -> None:
    qtmodeltester.check(EventsTableModel(demo_rows), force_py=True)


def test_model_passes_qtmodeltester_when_empty(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(EventsTableModel([]), force_py=True)


def test_proxy_passes_qtmodeltester(qtmodeltester: ModelTester, demo_rows: list[EventRow]) -> None:
    proxy = EventsFilterProxy()
    model = EventsTableModel(demo_rows)
    proxy.setSourceModel(model)
    proxy.sort(Column.SEATS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)


def test_headers_are_german() -> None:
    model = EventsTableModel([])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Datum", "Titel", "Reihe", "Format", "Plätze", "Warteliste", "Freie Plätze", "Platzstatus",
                       "Anmeldeschluss", "Status"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_december_meeting_cells(demo_rows: list[EventRow], december_row: EventRow) -> None:
    model = EventsTableModel(demo_rows)
    r = position(model, december_row)
    assert cell(model, r, Column.DATE) == "Do 02.12.2021 10:00"
    assert cell(model, r, Column.TITLE) == "Open-Data-Netzwerktreffen"
    assert cell(model, r, Column.SERIES) == "Open Data in Kommunen – Netzwerktreffen"
    assert cell(model, r, Column.FORMAT) == "Online"
    assert cell(model, r, Column.SEATS) == f"{december_row.registered} / {december_row.seat_limit}"
    assert cell(model, r, Column.WAITING) == str(december_row.waiting)
    assert cell(model, r, Column.FREE) == str(december_row.free_seats)
    assert cell(model, r, Column.SEAT_STATUS) == "Freie Plätze verfügbar"
    assert cell(model, r, Column.DEADLINE) == "Mi 01.12.2021"
    assert cell(model, r, Column.STATUS) == "Anmeldung offen"
    assert cell(model, r, Column.DATE, Qt.ItemDataRole.ToolTipRole) == "Do 02.12.2021 10:00–11:30 Uhr"
    title_tip = str(cell(model, r, Column.TITLE, Qt.ItemDataRole.ToolTipRole))
    assert "Claus Arndt, Sabine Manz" in title_tip
    assert "01.12.2021 23:59" in str(cell(model, r, Column.DEADLINE, Qt.ItemDataRole.ToolTipRole))
    assert model.row_at(model.index(r, 0)) == december_row


def test_numbers_are_right_aligned(demo_rows: list[EventRow]) -> None:
    model = EventsTableModel(demo_rows)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert cell(model, 0, Column.SEATS, Qt.ItemDataRole.TextAlignmentRole) == right
    assert cell(model, 0, Column.TITLE, Qt.ItemDataRole.TextAlignmentRole) is None


def test_fully_booked_kickoff_is_marked_red(demo_rows: list[EventRow], kickoff_row: EventRow) -> None:
    assert kickoff_row.seat_status == SeatStatus.FULL
    model = EventsTableModel(demo_rows)
    r = position(model, kickoff_row)
    assert cell(model, r, Column.SEAT_STATUS) == "Ausgebucht – Warteliste"
    assert cell(model, r, Column.FREE) == "0"
    background = cell(model, r, Column.SEAT_STATUS, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    color = background.color()
    assert color.red() > color.green() and color.red() > color.blue()
    assert cell(model, r, Column.TITLE, Qt.ItemDataRole.BackgroundRole) is None


def test_unlimited_seats(december_row: EventRow) -> None:
    row = dataclasses.replace(december_row, capacity=None, seat_limit=None, free_seats=None,
                              seat_status=SeatStatus.AVAILABLE)
    model = EventsTableModel([row])
    assert cell(model, 0, Column.SEATS) == f"{row.registered} / unbegrenzt"
    assert cell(model, 0, Column.FREE) == "unbegrenzt"
    assert "Keine Platzbegrenzung" in str(cell(model, 0, Column.SEATS, Qt.ItemDataRole.ToolTipRole))


def test_set_rows_resets_and_data_never_needs_the_database(qtbot: object, demo_rows: list[EventRow]) -> None:
    model = EventsTableModel()
    assert model.rowCount() == 0
    model.set_rows(demo_rows)  # the session that built the rows is closed: snapshots only
    assert model.rowCount() == len(demo_rows) == 2
    assert model.columnCount() == len(Column)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def _titled(template: EventRow, *titles: str) -> list[EventRow]:
    return [dataclasses.replace(template, title=t, search_key=search_key(t)) for t in titles]


def test_title_sorting_follows_german_dictionary_order(december_row: EventRow) -> None:
    model = EventsTableModel(_titled(december_row, "Zukunft", "Ämter", "Amt", "ändern", "Bürger"))
    proxy = EventsFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [proxy.data(proxy.index(i, Column.TITLE)) for i in range(proxy.rowCount())]
    assert titles == ["Amt", "Ämter", "ändern", "Bürger", "Zukunft"]


def test_sorting_by_raw_values(demo_rows: list[EventRow], december_row: EventRow, kickoff_row: EventRow) -> None:
    proxy = EventsFilterProxy()
    proxy.setSourceModel(EventsTableModel(demo_rows))
    proxy.sort(Column.DATE, Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, Column.DATE)) == "Do 02.12.2021 10:00"
    proxy.sort(Column.SEAT_STATUS, Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, Column.TITLE)) == kickoff_row.title
    assert isinstance(proxy.data(proxy.index(0, Column.DATE), SORT_ROLE), float)
    assert proxy.data(proxy.index(0, Column.WAITING), SORT_ROLE) == kickoff_row.waiting
    assert december_row.free_seats is not None


def test_search_folds_case_and_umlauts(december_row: EventRow, kickoff_row: EventRow) -> None:
    # The proxy's folding, independent of what the service puts into the key: a speaker's organisation.
    december = dataclasses.replace(december_row, search_key=search_key(
        december_row.title, *december_row.speakers, "Landeshauptstadt Düsseldorf"))
    proxy = EventsFilterProxy()
    proxy.setSourceModel(EventsTableModel([kickoff_row, december]))

    def titles(text: str) -> list[str]:
        proxy.set_search(text)
        return [str(proxy.data(proxy.index(i, Column.TITLE))) for i in range(proxy.rowCount())]

    assert titles("AUFTAKT") == [kickoff_row.title]
    assert titles("düsseldorf") == [december_row.title]
    assert titles("Duesseldorf") == [december_row.title]
    assert titles("dusseldorf") == [december_row.title]
    assert titles("manz arndt") == [december_row.title]
    assert titles("manz auftakt") == []
    assert len(titles("  ")) == 2
    assert proxy.search_terms == ()
