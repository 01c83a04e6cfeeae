"""The workspace window: navigation, undo/redo, close prompt, the overview, rendering, light start-up."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QImage
from pytestqt.qtbot import QtBot

from demo_history import as_in_november_2021
from odn_desktop.domain.deadlines import DeadlineState
from odn_desktop.services.events import list_event_rows
from odn_desktop.store.open import Database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.infra.undo import ServiceCommand
from odn_desktop.ui.pages.dashboard_page import DashboardPage, load_dashboard
from odn_desktop.ui.shell import workspace_window
from odn_desktop.ui.shell.workspace_window import PAGES, WorkspaceWindow

NOW = datetime(2021, 11, 29, 9, 0, tzinfo=UTC)  # three days before the December meeting


@pytest.fixture
def ctx(demo_db: Database) -> AppContext:
    """The demo as it was on NOW: the December meeting ahead (the demo keeps it as held history)."""
    as_in_november_2021(demo_db)
    return AppContext(demo_db)


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> Iterator[WorkspaceWindow]:
    win = WorkspaceWindow(ctx, settings=QSettings(str(tmp_path / "ws.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    ctx.ready.emit()
    yield win
    win.ctx.undo_stack.clear()


def test_navigation_by_keyboard_shortcuts(window: WorkspaceWindow) -> None:
    for n, (key, _title, _icon) in enumerate(PAGES):
        window.page_actions[n].trigger()
        assert window.current_page_key() == key
        assert window.stack.currentWidget() is window.page(key)
        assert window.stack.count() == len(PAGES)
        assert window.page_actions[n].shortcut().toString() == f"Ctrl+{n + 1}"


def test_undo_and_redo_follow_the_stack(window: WorkspaceWindow, ctx: AppContext) -> None:
    from odn_desktop.services.events import delete_event, restore_event

    assert not window.undo_action.isEnabled()
    event_id = ctx.read(lambda s: list_event_rows(s)[0].id)
    assert ctx.push(ServiceCommand(ctx, "Veranstaltung löschen", do=lambda s: delete_event(s, event_id).id,
                                   undo=lambda s, eid: restore_event(s, eid), kinds=("events",)))
    assert window.undo_action.isEnabled()
    assert "Veranstaltung löschen" in window.undo_action.text()
    assert len(ctx.read(list_event_rows)) == 1
    window.undo_action.trigger()
    assert len(ctx.read(list_event_rows)) == 2
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert len(ctx.read(list_event_rows)) == 1


@pytest.mark.parametrize(("answer", "accepted", "saved", "discarded"),
                         [("save", True, 1, 0), ("discard", True, 0, 1), ("cancel", False, 0, 0)])
def test_close_prompts_for_unsaved_changes(window: WorkspaceWindow, monkeypatch: pytest.MonkeyPatch,
                                           answer: str, accepted: bool, saved: int, discarded: int) -> None:
    page = window.page("speakers")
    calls: dict[str, int] = {"ask": 0, "save": 0, "discard": 0}

    def ask(_parent: Any) -> str:
        calls["ask"] += 1
        return answer

    monkeypatch.setattr(workspace_window, "ask_unsaved_changes", ask)
    monkeypatch.setattr(page, "has_unsaved_changes", lambda: True)
    monkeypatch.setattr(page, "save_changes", lambda: calls.__setitem__("save", calls["save"] + 1) or True)
    monkeypatch.setattr(page, "discard_changes", lambda: calls.__setitem__("discard", calls["discard"] + 1))
    event = QCloseEvent()
    window.closeEvent(event)
    assert calls["ask"] == 1
    assert event.isAccepted() is accepted
    assert (calls["save"], calls["discard"]) == (saved, discarded)


def test_close_without_changes_does_not_ask(window: WorkspaceWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workspace_window, "ask_unsaved_changes", lambda _p: pytest.fail("asked"))
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()


def test_overview_lists_upcoming_meetings_and_deadlines_by_state(ctx: AppContext) -> None:
    data = ctx.read(lambda s: load_dashboard(s, NOW))
    assert [e.title for e in data.events] == ["Open-Data-Netzwerktreffen"]
    assert not data.past_only
    by_label = {d.label: d.state for d in data.deadlines}
    assert by_label["Anmeldeschluss"] is DeadlineState.DUE_SOON  # 1 December, within 3 days
    assert by_label["Versand Zugangslink"] is DeadlineState.DUE_SOON
    tasks = {d.label: d.state for d in data.tasks}
    assert tasks["Zoom-Raum anlegen und Zugangslink vorbereiten"] is DeadlineState.DUE_SOON  # 29.11. 12:00 Berlin
    assert not any(state is DeadlineState.OVERDUE for state in by_label.values())
    later = ctx.read(lambda s: load_dashboard(s, datetime(2026, 11, 26, tzinfo=UTC)))
    assert later.past_only
    assert later.events[0].title == "Open-Data-Netzwerktreffen"


def test_open_tasks_of_ended_events_stay_on_the_overview(ctx: AppContext) -> None:
    """Follow-up work after a meeting (send the list to the co-host) is shown until done, as overdue."""
    from odn_desktop.services.events import cancel_event, create_event
    from odn_desktop.services.tasks import create_task, set_task_done

    def prepare(s: Any) -> None:
        october = next(r for r in list_event_rows(s, NOW) if r.ends_at < NOW)
        create_task(s, "Liste an die Stiftung senden", datetime(2021, 10, 20, 10, tzinfo=UTC), october.id)
        done = create_task(s, "Dankesmail verschicken", datetime(2021, 10, 18, 10, tzinfo=UTC), october.id)
        set_task_done(s, done.id, True, now=NOW)
        cancelled = create_event(s, title="Abgesagtes Treffen", starts_at=datetime(2021, 9, 1, 8, tzinfo=UTC),
                                 ends_at=datetime(2021, 9, 1, 9, tzinfo=UTC))
        create_task(s, "Raum stornieren", datetime(2021, 8, 30, 10, tzinfo=UTC), cancelled.id)
        cancel_event(s, cancelled.id)

    ctx.read(prepare)
    tasks = {d.label: d.state for d in ctx.read(lambda s: load_dashboard(s, NOW)).tasks}
    assert tasks["Liste an die Stiftung senden"] is DeadlineState.OVERDUE
    assert "Dankesmail verschicken" not in tasks
    assert "Raum stornieren" not in tasks
    assert tasks["Zoom-Raum anlegen und Zugangslink vorbereiten"] is DeadlineState.DUE_SOON  # upcoming ones stay
    labels = [d.label for d in ctx.read(lambda s: load_dashboard(s, NOW)).tasks]
    assert labels[0] == "Liste an die Stiftung senden"  # soonest (here: most overdue) first


def test_overview_models_pass_the_model_tester(qtbot: QtBot, ctx: AppContext, qtmodeltester: Any) -> None:
    page = DashboardPage(ctx, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.reload()
    for model in (page.events_model, page.deadlines_model, page.tasks_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_a_click_in_the_overview_opens_the_event_at_the_right_tab(window: WorkspaceWindow, qtbot: QtBot) -> None:
    page: DashboardPage = window.page("overview")  # type: ignore[assignment]
    page._clock = lambda: NOW
    page.reload()
    december = page.events_model.row_at(0)
    with qtbot.waitSignal(page.open_event_requested) as blocker:
        page.tasks_view.activated.emit(page.tasks_model.index(0, 0))
    assert blocker.args == [december.id, "tasks"]
    assert window.current_page_key() == "events"
    events = window.events_page()
    assert events.current_event_id() == december.id
    assert events.editor.current_tab_name() == "tasks"  # type: ignore[attr-defined]


def test_each_page_renders_with_the_demo_data(window: WorkspaceWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.resize(1500, 900)
    window.page("overview")._clock = lambda: NOW  # type: ignore[attr-defined]
    for n, (key, _title, _icon) in enumerate(PAGES):
        window.page_actions[n].trigger()
        window.page(key).reload()  # type: ignore[attr-defined]
        qtbot.wait(50)
        image: QImage = window.grab().toImage()
        target = tmp_path / f"workspace-{key}.png"
        assert image.save(str(target))
        image.save(f"/tmp/odn-workspace-{key}.png")
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
        assert len(colours) > 8, f"{key} looks blank"


def test_the_window_module_loads_no_database_layer() -> None:
    """The window paints before SQLAlchemy is imported (start-up stays light)."""
    code = (
        "import sys; import odn_desktop.ui.shell.app, odn_desktop.ui.shell.workspace_window; "
        "import odn_desktop.ui.pages.events_page, odn_desktop.ui.pages.dashboard_page; "
        "import odn_desktop.ui.pages.speakers_page, odn_desktop.ui.pages.contacts_page; "
        "import odn_desktop.ui.pages.all_registrations_page; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'openpyxl')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_last_page_and_event_are_remembered(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "remember.ini"), QSettings.Format.IniFormat)
    first = WorkspaceWindow(ctx, settings=settings)
    qtbot.addWidget(first)
    first.show()
    ctx.ready.emit()
    december = next(r for r in ctx.read(list_event_rows) if r.title == "Open-Data-Netzwerktreffen")
    first.open_event(december.id, "details")
    assert first.current_page_key() == "events"
    assert first.close()
    assert settings.value("window/page") == "events"
    second = WorkspaceWindow(ctx, settings=settings)
    qtbot.addWidget(second)
    second.show()
    ctx.ready.emit()
    assert second.current_page_key() == "events"
    assert second.events_page().current_event_id() == december.id
    assert isinstance(december.id, uuid.UUID)
