"""The overview's first fill at start-up (plain sqlite3, ``services.overview_read``) gives exactly the rows the
services' read gives, on the demo data, on a scale database and on hand-made cases; the page keeps those rows
only while nothing was written to the file, and the start shows them before the database layer is ready."""

from __future__ import annotations

import dataclasses
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from odn_desktop.paths import AppPaths
from odn_desktop.services import events as event_service
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.overview_read import PlainOverview
from odn_desktop.services.registrations import cancel, delete_registration, register
from odn_desktop.services.rounds import add_round, remove_round, update_round
from odn_desktop.services.speakers import add_speaker_to_event, create_speaker
from odn_desktop.services.tasks import create_task, set_task_done
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Event, EventSpeaker, Registration, Series, Task
from odn_desktop.store.open import Database, open_database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages.dashboard_page import DashboardData, DashboardPage, dashboard_data, load_dashboard
from odn_desktop.ui.shell.app import StartedApp, start_app

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from scale_data import ScaleSpec, build_database

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)


def _everything(data: DashboardData) -> dict[str, object]:
    """Every field, also those left out of ``==`` (search keys)."""
    return dataclasses.asdict(data)


def _both(db: Database, now: datetime) -> tuple[DashboardData, DashboardData]:
    with transaction(db.sessions) as session:
        through_services = load_dashboard(session, now)
    plain = PlainOverview(db.path)
    try:
        return through_services, dashboard_data(plain, now)
    finally:
        plain.close()


def _assert_same(db: Database, moments: list[datetime]) -> list[DashboardData]:
    seen = []
    for now in moments:
        services, plain = _both(db, now)
        assert _everything(plain) == _everything(services), now
        seen.append(services)
    return seen


def _moments(db: Database) -> list[datetime]:
    """Before, between and after the meetings, and at each meeting's start, end and deadlines."""
    with transaction(db.sessions) as session:
        events = session.query(Event).all()
        moments = [NOW, datetime(2000, 1, 1, tzinfo=UTC), datetime(2060, 1, 1, tzinfo=UTC)]
        for e in events:
            moments += [e.starts_at, e.ends_at, e.ends_at - timedelta(microseconds=1)]
            moments += [m for m in (e.registration_deadline, e.access_link_dispatch_at) if m is not None]
    return moments


def test_the_plain_read_equals_the_services_on_the_demo_data(demo_db: Database) -> None:
    seen = _assert_same(demo_db, _moments(demo_db))
    assert any(d.events and not d.past_only for d in seen) and any(d.past_only for d in seen)
    assert any(d.deadlines for d in seen) and any(d.tasks for d in seen)


def test_the_plain_read_equals_the_services_on_a_scale_database(tmp_path: Path) -> None:
    path = tmp_path / "scale.sqlite"
    build_database(path, ScaleSpec(events=15, contacts=300, registrations=1500))
    db = open_database(path)
    try:
        with transaction(db.sessions) as s:  # the last meetings still ahead, with rounds and tasks
            later = s.query(Event).order_by(Event.starts_at).all()[-6:]
            for n, event in enumerate(later):
                event.status = "open"
                create_task(s, f"Aufgabe {n}", event.starts_at - timedelta(days=n), event.id)
            add_round(s, later[0].id, title="Runde A", capacity=3)
            add_round(s, later[0].id, title="Runde B")
            event_service.update_event(s, later[1].id, capacity=1)  # over its limit
        moments = [e.starts_at - timedelta(days=2) for e in later] + _moments(db)[::4]
        seen = _assert_same(db, moments)
        assert len(seen[0].events) == 6 and seen[0].rounds and seen[0].over_limit and seen[0].tasks
    finally:
        db.close()


def _person(n: int) -> ContactInput:
    return ContactInput(email=f"p{n}@beispiel.de", first_name=f"Vorname{n}", last_name=f"Nachname{n}")


def _hand_made(db: Database) -> dict[str, uuid.UUID]:
    """Meetings of every kind the overview tells apart (see the names)."""
    day = timedelta(days=1)
    ids: dict[str, uuid.UUID] = {}
    with transaction(db.sessions) as s:
        def meeting(name: str, start: datetime, **fields: object) -> uuid.UUID:
            event = event_service.create_event(s, title=name, starts_at=start, ends_at=start + timedelta(hours=2),
                                               **fields)
            ids[name] = event.id
            return event.id

        series = event_service.create_series(s, "Reihe")
        rounds_id = meeting("Mit Runden", NOW + 10 * day, capacity=10, series_id=series.id,
                            registration_deadline=NOW + 8 * day, rounds_optional=True)
        small = add_round(s, rounds_id, title="Klein", capacity=2)
        add_round(s, rounds_id, title="Offen")
        gone_round = add_round(s, rounds_id, title="Entfernt", capacity=3)
        remove_round(s, rounds_id, gone_round.id)
        for n in range(3):
            register(s, rounds_id, _person(n), round_id=small.id, now=NOW)
        register(s, rounds_id, _person(3), now=NOW)
        update_round(s, rounds_id, small.id, capacity=1)  # two seats stay in a round of one
        over = meeting("Überbucht", NOW + 3 * day, capacity=2, overbooking_percent=50, venue="Saal 1",
                       registration_deadline=NOW + day)
        for n in range(5):
            register(s, over, _person(10 + n), now=NOW)
        register(s, over, _person(20), force=True, now=NOW)
        event_service.update_event(s, over, capacity=1)  # the seats stay: over the limit
        first = s.query(Registration).filter_by(event_id=over).order_by(Registration.queue_order).first()
        assert first is not None
        cancel(s, first.id, now=NOW)
        waiting = s.query(Registration).filter_by(event_id=over, status="waiting").first()
        assert waiting is not None
        delete_registration(s, waiting.id)
        # the same hour as "Überbucht": the order between them by id
        meeting("Gleichzeitig", NOW + 3 * day, access_link_dispatch_at=NOW + 2 * day)
        s.get(Event, ids["Gleichzeitig"]).access_link_sent_at = NOW  # type: ignore[union-attr]
        speaker = create_speaker(s, last_name="Redner", first_name="Rita", academic_title="Dr.",
                                 organisation="Uni")
        add_speaker_to_event(s, over, speaker.id)
        hidden = create_speaker(s, last_name="Weg", first_name="Willi")
        link = add_speaker_to_event(s, over, hidden.id)
        s.flush()
        s.get(EventSpeaker, link.id).deleted_at = NOW  # type: ignore[union-attr]
        tombstoned = create_speaker(s, last_name="Gelöscht", first_name="Gerd")
        add_speaker_to_event(s, over, tombstoned.id)
        tombstoned.deleted_at = NOW
        ended = meeting("Vorbei", NOW - 5 * day, capacity=5)
        create_task(s, "Dankesmail", NOW - 2 * day, ended)
        done = create_task(s, "Liste schicken", NOW - 3 * day, ended)
        set_task_done(s, done.id, now=NOW)
        gone_task = create_task(s, "Gelöscht", NOW - day, ended)
        s.get(Task, gone_task.id).deleted_at = NOW  # type: ignore[union-attr]
        register(s, ended, _person(30), now=NOW - 10 * day)
        held = meeting("Durchgeführt, aber später", NOW + 20 * day, status="held")
        create_task(s, "Nacharbeit", NOW + 21 * day, held)
        cancelled = meeting("Abgesagt", NOW + 4 * day, capacity=1)
        create_task(s, "Raum absagen", NOW + day, cancelled)
        register(s, cancelled, _person(40), now=NOW)
        event_service.cancel_event(s, cancelled)
        deleted = meeting("Gelöscht", NOW + 5 * day, capacity=1)
        register(s, deleted, _person(50), now=NOW)
        create_task(s, "Nie sichtbar", NOW + day, deleted)
        event_service.delete_event(s, deleted)
        upcoming = meeting("Mit Aufgaben", NOW + 30 * day, registration_deadline=NOW + 29 * day)
        create_task(s, "Gleich fällig A", NOW + 7 * day, upcoming)
        create_task(s, "Gleich fällig B", NOW + 7 * day, upcoming)
        create_task(s, "Erledigt", NOW + 7 * day, upcoming)
        set_task_done(s, s.query(Task).filter_by(title="Erledigt").one().id, now=NOW)
        register(s, upcoming, _person(60), now=NOW)
        s.query(Contact).filter_by(email="p60@beispiel.de").one().deleted_at = NOW  # a tombstoned contact
        s.get(Series, series.id).deleted_at = NOW  # type: ignore[union-attr]  # the title still shows
    return ids


def test_the_plain_read_equals_the_services_on_hand_made_cases(db: Database) -> None:
    ids = _hand_made(db)
    seen = _assert_same(db, [*_moments(db), NOW + timedelta(days=3, hours=1)])
    at_now = seen[0]
    assert {r.title for r in at_now.events} >= {"Mit Runden", "Überbucht", "Gleichzeitig", "Mit Aufgaben"}
    assert {r.title for r in at_now.rounds} == {"Klein", "Offen"}
    assert [r.speakers for r in at_now.events if r.title == "Überbucht"] == [("Dr. Rita Redner",)]
    assert {(p.event_title, p.round_title) for p in at_now.over_limit} >= {("Überbucht", None),
                                                                           ("Mit Runden", "Klein")}
    assert [t.label for t in at_now.tasks if t.event_id == ids["Vorbei"]] == ["Dankesmail"]
    assert not [d for d in at_now.deadlines + at_now.tasks if d.event_id in (ids["Abgesagt"], ids["Gelöscht"])]
    with transaction(db.sessions) as s:  # past only: every meeting over
        for event in s.query(Event).filter(Event.deleted_at.is_(None), Event.status != "cancelled"):
            event.status = "held"
    last = _assert_same(db, [NOW])[0]
    assert last.past_only and len(last.events) == 3


def test_a_file_that_cannot_be_read_gives_no_early_rows(tmp_path: Path) -> None:
    from odn_desktop.ui.pages.dashboard_page import read_at_start

    broken = tmp_path / "kaputt.sqlite"
    broken.write_bytes(b"keine Datenbank" * 100)
    assert read_at_start(broken, NOW) is None
    assert read_at_start(tmp_path / "fehlt.sqlite", NOW) is None


@pytest.mark.parametrize("write", [False, True])
def test_the_early_rows_stay_until_the_file_changes(qapp: QApplication, demo_db: Database, qtbot: QtBot,
                                                    write: bool) -> None:
    """Nothing written between the early read and the open database: no second read; a write: read again."""
    ctx = AppContext(None)
    reads: list[object] = []
    real_read = ctx.read

    def counted(fn: Any) -> Any:
        reads.append(fn)
        return real_read(fn)

    ctx.read = counted  # type: ignore[method-assign]
    page = DashboardPage(ctx, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.show()
    assert page.fill_at_start(demo_db.path)
    shown = [page.events_model.row_at(i).title for i in range(page.events_model.rowCount())]
    assert shown
    if write:
        with transaction(demo_db.sessions) as s:
            first = s.query(Event).filter(Event.title == shown[0]).one()
            first.title = "Umbenannt"
    ctx.set_database(demo_db)  # the page checks its early rows (the window reloads the pages shown)
    titles = [page.events_model.row_at(i).title for i in range(page.events_model.rowCount())]
    assert titles == (["Umbenannt", *shown[1:]] if write else shown)
    assert len(reads) == (1 if write else 0)


def test_the_start_shows_the_overview_before_the_database_layer(qapp: QApplication, existing_database: AppPaths,
                                                                qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import odn_desktop.store.open as store_open

    seen: list[tuple[bool, int]] = []
    started: list[StartedApp] = []
    real_open = store_open.open_database

    def watched(*args: object, **kwargs: object) -> Database:
        page = started[0].window.pages.get("overview")
        seen.append((started[0].ctx.is_ready, -1 if page is None else page.events_model.rowCount()))  # type: ignore[attr-defined]
        return real_open(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_open, "open_database", watched)
    app = start_app(existing_database)
    assert isinstance(app, StartedApp)
    started.append(app)
    try:
        with qtbot.waitSignal(app.ctx.ready, timeout=30_000):
            pass
        assert seen and not seen[0][0] and seen[0][1] > 0  # rows shown before the database opened
    finally:
        app.shutdown()


def test_a_row_clicked_before_the_database_is_open_opens_once_it_is(qapp: QApplication, demo_db: Database,
                                                                     qtbot: QtBot) -> None:
    ctx = AppContext(None)
    page = DashboardPage(ctx, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.show()
    assert page.fill_at_start(demo_db.path)
    asked: list[tuple[object, str]] = []
    page.open_event_requested.connect(lambda event_id, tab: asked.append((event_id, tab)))
    page.events_view.activated.emit(page.events_model.index(0, 0))  # no database yet: nothing can open
    assert asked == []
    ctx.set_database(demo_db)
    assert asked == [(page.events_model.row_at(0).id, "registrations")]


def test_closing_while_the_database_layer_loads_opens_nothing(qapp: QApplication, existing_database: AppPaths,
                                                             qtbot: QtBot) -> None:
    started = start_app(existing_database)
    assert isinstance(started, StartedApp)
    qtbot.waitUntil(lambda: started.loader is not None, timeout=10_000)  # the rows shown, the layer loading
    started.shutdown()
    qtbot.waitUntil(lambda: started.loader is None, timeout=30_000)  # the loading thread has handed over
    qtbot.wait(50)
    assert started.ctx.db is None
