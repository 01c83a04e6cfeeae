"""The editor's item models: qtmodeltester, derived start times, drag-and-drop moves, edits as callbacks."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from demo_history import as_in_november_2021
from odn_desktop.domain.deadlines import DeadlineState
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services.agenda import agenda_rows
from odn_desktop.services.event_editing import TaskRow, list_task_rows
from odn_desktop.services.rows import AgendaRow, EventRow, SpeakerRow
from odn_desktop.services.speakers import list_speaker_rows
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.editors.event.agenda_model import MIME_TYPE, AgendaColumn, AgendaModel
from odn_desktop.ui.editors.event.event_speakers_tab import speaker_columns
from odn_desktop.ui.editors.event.tasks_model import TaskColumn, TasksModel
from odn_desktop.ui.models.snapshot_model import SnapshotTableModel
from odn_desktop.ui.pages.events_page import event_columns


@pytest.fixture
def december_agenda(demo_db: Database, december_row: EventRow) -> tuple[list[AgendaRow], str | None]:
    with transaction(demo_db.sessions) as s:
        return agenda_rows(s, december_row.id)


@pytest.fixture
def december_tasks(demo_db: Database, december_row: EventRow) -> list[TaskRow]:
    as_in_november_2021(demo_db)  # the tasks seen on 30 November 2021, before they were done
    with transaction(demo_db.sessions) as s:
        return list_task_rows(s, december_row.id, now=datetime(2021, 11, 30, 9, tzinfo=BERLIN))


def cells(model: Any, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [model.data(model.index(r, column), role) for r in range(model.rowCount())]


class Recorder:
    """Stands in for the tab: records what the model asks for and applies moves to its own rows."""

    def __init__(self, model: AgendaModel) -> None:
        self.model = model
        self.edits: list[tuple[uuid.UUID, dict[str, Any]]] = []
        self.moves: list[tuple[uuid.UUID, int]] = []
        model.edit_handler = self.edit
        model.move_handler = self.move

    def edit(self, item_id: uuid.UUID, changes: dict[str, Any]) -> bool:
        self.edits.append((item_id, changes))
        return True

    def move(self, item_id: uuid.UUID, index: int) -> bool:
        self.moves.append((item_id, index))
        rows = list(self.model.rows())
        row = next(r for r in rows if r.id == item_id)
        rows.remove(row)
        rows.insert(index, row)
        self.model.set_rows(rows)
        return True


def titles(model: AgendaModel) -> list[str]:
    return [r.title for r in model.rows()]


def test_agenda_model_passes_qtmodeltester(qtmodeltester: ModelTester,
                                           december_agenda: tuple[list[AgendaRow], str | None]) -> None:
    model = AgendaModel()
    model.set_rows(december_agenda[0])
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(AgendaModel(), force_py=True)


def test_agenda_model_cells(december_agenda: tuple[list[AgendaRow], str | None]) -> None:
    rows, warning = december_agenda
    assert warning is None
    model = AgendaModel()
    model.set_rows(rows, rows[-1].ends_at)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in AgendaColumn] == [
        "Beginn", "Dauer (min)", "Art", "Titel", "Referent:in"]
    assert cells(model, AgendaColumn.START) == ["10:00", "10:15", "10:30", "10:45"]
    assert cells(model, AgendaColumn.DURATION) == ["15", "15", "15", "45"]
    assert cells(model, AgendaColumn.KIND) == ["Vernetzung", "Vortrag", "Vortrag", "Fragen und Diskussion"]
    assert cells(model, AgendaColumn.SPEAKER) == ["", "Claus Arndt", "Sabine Manz", ""]
    assert cells(model, AgendaColumn.DURATION, Qt.ItemDataRole.EditRole) == [15, 15, 15, 45]
    assert model.flags(model.index(0, AgendaColumn.START)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags
    assert model.flags(model.index(0, AgendaColumn.TITLE)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, AgendaColumn.TITLE)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(0, AgendaColumn.TITLE)) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.supportedDropActions() == Qt.DropAction.MoveAction
    # an item that ends after the event is marked
    model.set_rows(rows, rows[-1].ends_at - timedelta(minutes=10))
    assert model.data(model.index(3, AgendaColumn.TITLE), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(2, AgendaColumn.TITLE), Qt.ItemDataRole.BackgroundRole) is None
    assert "Endet nach dem Ende" in model.data(model.index(3, 0), Qt.ItemDataRole.ToolTipRole)


def test_agenda_edits_go_to_the_handler_unless_unchanged(
        december_agenda: tuple[list[AgendaRow], str | None]) -> None:
    model = AgendaModel()
    model.set_rows(december_agenda[0])
    assert not model.setData(model.index(0, AgendaColumn.TITLE), "X")  # no handler: refused
    recorder = Recorder(model)
    first = model.row_at(0).id
    assert model.setData(model.index(0, AgendaColumn.TITLE), "  Ankommen  ")
    assert model.setData(model.index(0, AgendaColumn.DURATION), 15)  # unchanged: no command
    assert model.setData(model.index(0, AgendaColumn.DURATION), 20)
    assert model.setData(model.index(0, AgendaColumn.KIND), "break")
    assert not model.setData(model.index(0, AgendaColumn.START), "11:00")
    assert recorder.edits == [(first, {"title": "Ankommen"}), (first, {"duration_minutes": 20}),
                              (first, {"kind": "break"})]


def test_drop_moves_an_item_into_the_gap(qtmodeltester: ModelTester,
                                         december_agenda: tuple[list[AgendaRow], str | None]) -> None:
    model = AgendaModel()
    model.set_rows(december_agenda[0])
    recorder = Recorder(model)
    qtmodeltester.check(model, force_py=True)  # keeps watching signals while rows move
    data = model.mimeData([model.index(3, c) for c in AgendaColumn])
    assert data.hasFormat(MIME_TYPE) and model.mimeTypes() == [MIME_TYPE]
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert titles(model)[0] == "Fragen und Diskussion"
    # down: the first item into the gap before the last row
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert titles(model) == ["Vernetzung der Teilnehmer:innen", "Erfahrungen aus Moers", "Fragen und Diskussion",
                             "Erfahrungen aus Düsseldorf"]
    # onto an item (parent valid): the gap before it; past the end (row -1): to the end
    data = model.mimeData([model.index(2, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    assert titles(model)[0] == "Fragen und Diskussion"
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert titles(model)[-1] == "Fragen und Diskussion"
    assert len(recorder.moves) == 4
    # dropped where it is, foreign data, copy instead of move: nothing happens
    data = model.mimeData([model.index(1, 0)])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.IgnoreAction, 0, 0, QModelIndex())
    foreign = QMimeData()
    foreign.setText("Erfahrungen")
    assert not model.dropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert len(recorder.moves) == 4


def test_move_rows_follows_qt_convention_and_keeps_persistent_indexes(
        december_agenda: tuple[list[AgendaRow], str | None]) -> None:
    model = AgendaModel()
    model.set_rows(december_agenda[0])
    recorder = Recorder(model)
    talk = model.index(1, AgendaColumn.TITLE)
    from PySide6.QtCore import QPersistentModelIndex

    persistent = QPersistentModelIndex(talk)
    assert model.moveRows(QModelIndex(), 1, 1, QModelIndex(), 4)  # to the end
    assert titles(model)[-1] == "Erfahrungen aus Moers"
    assert persistent.row() == 3 and persistent.data() == "Erfahrungen aus Moers"
    assert not model.moveRows(QModelIndex(), 1, 1, QModelIndex(), 2)  # onto itself
    assert not model.moveRows(QModelIndex(), 3, 2, QModelIndex(), 0)  # beyond the rows
    # two rows at once: fixed up with one move per misplaced item
    assert model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 4)
    assert titles(model) == ["Fragen und Diskussion", "Erfahrungen aus Moers", "Vernetzung der Teilnehmer:innen",
                             "Erfahrungen aus Düsseldorf"]
    assert recorder.moves[0][1] == 3


def test_tasks_model_passes_qtmodeltester(qtmodeltester: ModelTester, december_tasks: list[TaskRow]) -> None:
    model = TasksModel()
    model.set_rows(december_tasks)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(TasksModel(), force_py=True)


def test_tasks_model_cells_and_checkbox(december_tasks: list[TaskRow]) -> None:
    model = TasksModel()
    model.set_rows(december_tasks)
    assert cells(model, TaskColumn.TITLE)[0] == "Zoom-Raum anlegen und Zugangslink vorbereiten"
    assert cells(model, TaskColumn.DUE) == ["Mo 29.11.2021 12:00", "Di 30.11.2021 17:00", "Mi 01.12.2021 16:00"]
    assert cells(model, TaskColumn.STATE) == ["überfällig", "bald fällig", "bald fällig"]
    assert [r.state for r in december_tasks] == [DeadlineState.OVERDUE, DeadlineState.DUE_SOON,
                                                 DeadlineState.DUE_SOON]
    assert cells(model, TaskColumn.DONE, Qt.ItemDataRole.CheckStateRole) == [Qt.CheckState.Unchecked] * 3
    assert model.flags(model.index(0, TaskColumn.DONE)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(model.index(0, TaskColumn.STATE), Qt.ItemDataRole.ForegroundRole).color().name() == "#a12020"
    edits: list[tuple[uuid.UUID, dict[str, Any]]] = []
    model.edit_handler = lambda task_id, changes: edits.append((task_id, changes)) is None
    assert model.setData(model.index(0, TaskColumn.DONE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(1, TaskColumn.TITLE), "Folien einsammeln")
    assert model.setData(model.index(1, TaskColumn.TITLE), "Folien der Referent:innen einsammeln")  # unchanged
    assert edits == [(december_tasks[0].id, {"done": True}), (december_tasks[1].id, {"title": "Folien einsammeln"})]
    done = dataclasses.replace(december_tasks[0], done_at=december_tasks[0].due_at, state=DeadlineState.DONE)
    model.set_rows([done, *december_tasks[1:]])
    assert model.data(model.index(0, TaskColumn.DONE), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(model.index(0, TaskColumn.TITLE), Qt.ItemDataRole.FontRole).strikeOut()


def test_event_list_model_passes_qtmodeltester(qtmodeltester: ModelTester, demo_rows: list[EventRow]) -> None:
    model: SnapshotTableModel[EventRow] = SnapshotTableModel(event_columns())
    model.set_rows(demo_rows)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)
    assert cells(model, 0)[1:] == ["Do 02.12.2021", "Do 14.10.2021"]  # after the demo's coming meeting
    assert cells(model, 0)[0].startswith("Do ") and cells(model, 3)[0] == "18 / 30"
    assert cells(model, 3)[1:] == ["28 / 40", "25 / 25"]
    assert cells(model, 4)[1:] == ["01.12.2021", "13.10.2021"]
    assert "10:00–11:30 Uhr" in model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Anmeldeschluss 01.12.2021 23:59 Uhr" in model.data(model.index(1, 4), Qt.ItemDataRole.ToolTipRole)


def test_speaker_list_model_passes_qtmodeltester(qtmodeltester: ModelTester, demo_db: Database,
                                                 december_row: EventRow) -> None:
    with transaction(demo_db.sessions) as s:
        rows = list_speaker_rows(s, december_row.id)
    model: SnapshotTableModel[SpeakerRow] = SnapshotTableModel(speaker_columns())
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert cells(model, 0) == ["Claus Arndt", "Sabine Manz"]
    assert cells(model, 1) == ["Stadt Moers", "Landeshauptstadt Düsseldorf"]


def test_domain_labels_are_all_known_to_lupdate() -> None:
    """labels.KNOWN lists every domain label the editor translates at run time (lupdate reads that list)."""
    from odn_desktop.domain.agenda import GERMAN_KIND_LABELS
    from odn_desktop.domain.deadlines import GERMAN_STATE_LABELS, MEETING_STATE_LABELS
    from odn_desktop.domain.seats import SeatStatus
    from odn_desktop.services.rows import FORMAT_LABELS, STATUS_LABELS
    from odn_desktop.ui.editors.event.labels import KNOWN, label

    used = {*FORMAT_LABELS.values(), *STATUS_LABELS.values(), *GERMAN_STATE_LABELS.values(),
            *MEETING_STATE_LABELS.values(),
            *GERMAN_KIND_LABELS.values(), *(s.value for s in SeatStatus)}
    assert used == set(KNOWN)
    assert label("Präsenz") == "Präsenz"  # German is the source language


def test_fixed_deadline_labels_are_known_to_lupdate(demo_db: Database) -> None:
    """labels.DEADLINE_LABELS lists the labels of the fixed deadlines (the overview translates them)."""
    from odn_desktop.domain.deadlines import DeadlineKind
    from odn_desktop.services.tasks import event_deadlines
    from odn_desktop.ui.editors.event.labels import DEADLINE_LABELS

    with demo_db.sessions() as session:
        deadlines = event_deadlines(session, include_past_events=True)
    assert {d.deadline.label for d in deadlines if d.deadline.kind is not DeadlineKind.TASK} == set(DEADLINE_LABELS)
