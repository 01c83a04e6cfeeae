"""The event editor's services: form snapshot, save and exact undo, restores for agenda, speakers and tasks."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from odn_desktop.domain.deadlines import DeadlineState
from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN, to_berlin
from odn_desktop.services import event_editing as ed
from odn_desktop.services.agenda import add_agenda_item, agenda_rows
from odn_desktop.services.events import create_event, find_series, list_event_rows
from odn_desktop.services.registrations import list_registration_rows
from odn_desktop.services.rows import EventRow
from odn_desktop.services.speakers import create_speaker, list_speaker_rows
from odn_desktop.services.tasks import create_task
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Series
from odn_desktop.store.open import Database

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
END = datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN)


def _event(db: Database, **fields: object) -> uuid.UUID:
    with transaction(db.sessions) as s:
        return create_event(s, title="Treffen", starts_at=START, ends_at=END, **fields).id  # type: ignore[arg-type]


def _rows(db: Database) -> list[EventRow]:
    with transaction(db.sessions) as s:
        return list_event_rows(s)


def _by_title(db: Database, needle: str) -> uuid.UUID:
    with transaction(db.sessions) as s:
        return next(r.id for r in list_event_rows(s) if needle in r.title)


def test_event_form_is_a_utc_snapshot_of_the_december_meeting(demo_db: Database) -> None:
    event_id = next(r.id for r in _rows(demo_db) if r.starts_at.month == 12)
    with transaction(demo_db.sessions) as s:
        form = ed.event_form(s, event_id)
        titles = ed.series_titles(s)
    assert form.title == "Open-Data-Netzwerktreffen"
    assert form.series_title == "Open Data in Kommunen – Netzwerktreffen" == titles[0]
    assert form.starts_at == START and form.starts_at.tzinfo is UTC
    assert form.capacity == 40 and form.format == "online" and form.access_link_dispatch_at is None
    assert to_berlin(form.registration_deadline or START).strftime("%d.%m. %H:%M") == "01.12. 23:59"


def test_save_changes_fields_and_revert_puts_them_back(db: Database) -> None:
    event_id = _event(db, venue="Zoom")
    with transaction(db.sessions) as s:
        outcome = ed.save_event_form(s, event_id, {"title": "  Neues Treffen ", "venue": "Zoom",
                                                   "ends_at": END + timedelta(minutes=30)})
    assert outcome.changed == ("ends_at", "title")  # venue was unchanged
    assert outcome.previous == {"title": "Treffen", "ends_at": END}
    with transaction(db.sessions) as s:
        assert ed.event_form(s, event_id).title == "Neues Treffen"
        ed.revert_event_form(s, outcome)
    with transaction(db.sessions) as s:
        form = ed.event_form(s, event_id)
    assert (form.title, form.ends_at, form.venue) == ("Treffen", END, "Zoom")


def test_save_with_a_new_series_name_creates_it_and_undo_removes_it(db: Database) -> None:
    event_id = _event(db)
    with transaction(db.sessions) as s:
        outcome = ed.save_event_form(s, event_id, {}, series_title="Open Data im Landkreis")
    assert outcome.created_series_id is not None and outcome.changed == ("series_id",)
    with transaction(db.sessions) as s:
        assert ed.event_form(s, event_id).series_title == "Open Data im Landkreis"
        ed.revert_event_form(s, outcome)
    with transaction(db.sessions) as s:
        assert ed.event_form(s, event_id).series_id is None
        assert find_series(s, "Open Data im Landkreis") is None
        assert s.get(Series, outcome.created_series_id) is not None  # a tombstone, for sync


def test_raising_capacity_promotes_waiting_people_and_undo_puts_them_back(demo_db: Database) -> None:
    kickoff = _by_title(demo_db, "Auftakt")
    with transaction(demo_db.sessions) as s:
        # a held meeting gives no new seats (its list is the record); reopened, its queue moves up
        assert ed.save_event_form(s, kickoff, {"capacity": 27}).promoted == ()
        ed.save_event_form(s, kickoff, {"capacity": 25, "status": "open"})
    with transaction(demo_db.sessions) as s:
        waiting_before = [r.id for r in list_registration_rows(s, kickoff) if r.status == "waiting"]
        outcome = ed.save_event_form(s, kickoff, {"capacity": 27})
    assert len(waiting_before) >= 2
    assert len(outcome.promoted) == 2 and all("@" in name for name in outcome.promoted)
    with transaction(demo_db.sessions) as s:
        ed.revert_event_form(s, outcome)
    with transaction(demo_db.sessions) as s:
        assert ed.event_form(s, kickoff).capacity == 25
        assert [r.id for r in list_registration_rows(s, kickoff) if r.status == "waiting"] == waiting_before


def test_invalid_save_changes_nothing(db: Database) -> None:
    event_id = _event(db)
    with pytest.raises(UserError, match="Ende"), transaction(db.sessions) as s:
        ed.save_event_form(s, event_id, {"ends_at": START}, series_title="Reihe X")
    with transaction(db.sessions) as s:
        assert ed.event_form(s, event_id).ends_at == END
        assert find_series(s, "Reihe X") is None


def test_new_event_defaults_next_week_ten_o_clock_berlin() -> None:
    now = datetime(2026, 3, 25, 8, 0, tzinfo=UTC)  # Wednesday; the clocks change on Sunday 29 March
    values = ed.new_event_defaults(now)
    start, end = to_berlin(values["starts_at"]), to_berlin(values["ends_at"])
    assert (start.date().isoformat(), f"{start:%H:%M}", f"{end:%H:%M}") == ("2026-04-01", "10:00", "11:30")
    assert start.utcoffset() == timedelta(hours=2)  # summer time already
    deadline = to_berlin(values["registration_deadline"])
    assert (deadline.date().isoformat(), f"{deadline:%H:%M}") == ("2026-03-31", "23:59")
    assert values["capacity"] == 30 and values["format"] == "online" and values["status"] == "draft"
    assert values["title"] == "Neue Veranstaltung"


def test_draft_event_is_valid(db: Database) -> None:
    with transaction(db.sessions) as s:
        event_id = ed.create_draft_event(s)
        assert ed.event_form(s, event_id).status == "draft"


def test_agenda_item_restored_at_its_old_place(db: Database) -> None:
    event_id = _event(db)
    with transaction(db.sessions) as s:
        ids = [add_agenda_item(s, event_id, title=t, duration_minutes=10).id for t in "ABC"]
        index = ed.delete_agenda_item(s, ids[1])
        assert index == 1
        assert [r.title for r in agenda_rows(s, event_id)[0]] == ["A", "C"]
        ed.restore_agenda_item(s, ids[1], index)
        rows = agenda_rows(s, event_id)[0]
    assert [(r.title, r.position) for r in rows] == [("A", 1), ("B", 2), ("C", 3)]
    assert [f"{to_berlin(r.starts_at):%H:%M}" for r in rows] == ["10:00", "10:10", "10:20"]


def test_agenda_speaker_edit_links_the_speaker_and_undo_unlinks(db: Database) -> None:
    event_id = _event(db)
    with transaction(db.sessions) as s:
        speaker = create_speaker(s, first_name="Sabine", last_name="Manz")
        item = add_agenda_item(s, event_id, title="Vortrag", duration_minutes=15)
        edit = ed.edit_agenda_item(s, item.id, speaker_id=speaker.id, title="Erfahrungen")
        assert edit.linked_speaker_id == speaker.id
        assert [r.last_name for r in list_speaker_rows(s, event_id)] == ["Manz"]
        ed.revert_agenda_edit(s, edit)
        rows, _ = agenda_rows(s, event_id)
        assert (rows[0].title, rows[0].speaker_id) == ("Vortrag", None)
        assert list_speaker_rows(s, event_id) == []


def test_speaker_already_on_the_event_keeps_its_link_on_undo(db: Database) -> None:
    event_id = _event(db)
    with transaction(db.sessions) as s:
        speaker = create_speaker(s, last_name="Arndt")
        ed.add_existing_speaker(s, event_id, speaker.id)
        with pytest.raises(UserError, match="bereits"):
            ed.add_existing_speaker(s, event_id, speaker.id)
        item = add_agenda_item(s, event_id, title="Vortrag", duration_minutes=15)
        edit = ed.edit_agenda_item(s, item.id, speaker_id=speaker.id)
        assert edit.linked_speaker_id is None
        ed.revert_agenda_edit(s, edit)
        assert [r.last_name for r in list_speaker_rows(s, event_id)] == ["Arndt"]


def test_new_speaker_withdrawn_and_revived_with_the_same_id(db: Database) -> None:
    event_id = _event(db)
    with transaction(db.sessions) as s:
        speaker_id = ed.create_speaker_for_event(s, event_id, first_name="Claus", last_name="Arndt",
                                                 organisation="Stadt Moers")
        ed.withdraw_new_speaker(s, event_id, speaker_id)
        assert list_speaker_rows(s) == []
        ed.revive_new_speaker(s, event_id, speaker_id)
        rows = list_speaker_rows(s, event_id)
    assert [(r.id, r.organisation) for r in rows] == [(speaker_id, "Stadt Moers")]


def test_tasks_list_states_edit_done_delete_restore(db: Database) -> None:
    event_id = _event(db)
    now = datetime(2021, 11, 30, 12, 0, tzinfo=BERLIN)
    with transaction(db.sessions) as s:
        late = create_task(s, "Raum buchen", datetime(2021, 11, 29, 12, tzinfo=BERLIN), event_id).id
        soon = create_task(s, "Folien sammeln", datetime(2021, 12, 1, 12, tzinfo=BERLIN), event_id).id
        later = create_task(s, "Bericht", datetime(2021, 12, 20, 12, tzinfo=BERLIN), event_id).id
        states = {r.id: r.state for r in ed.list_task_rows(s, event_id, now)}
        assert states == {late: DeadlineState.OVERDUE, soon: DeadlineState.DUE_SOON,
                          later: DeadlineState.UPCOMING}
        previous = ed.update_task(s, soon, title=" Folien einsammeln ")
        assert previous == {"title": "Folien sammeln"}
        with pytest.raises(UserError):
            ed.update_task(s, soon, title="  ")
        done_before = ed.set_task_done(s, late, True)
        assert done_before is None
        assert next(r for r in ed.list_task_rows(s, event_id, now) if r.id == late).state == DeadlineState.DONE
        ed.restore_task_done(s, late, done_before)
        ed.delete_task(s, later)
        assert [r.title for r in ed.list_task_rows(s, event_id, now)] == ["Raum buchen", "Folien einsammeln"]
        ed.restore_task(s, later)
        rows = ed.list_task_rows(s, event_id, now)
    assert [r.title for r in rows] == ["Raum buchen", "Folien einsammeln", "Bericht"]
    assert not rows[0].done


def test_default_task_due_two_days_before_noon() -> None:
    due = to_berlin(ed.default_task_due(START))
    assert (due.date().isoformat(), f"{due:%H:%M}") == ("2021-11-30", "12:00")
