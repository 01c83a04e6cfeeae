"""Every list takes a meeting's state from one place: rows carry ``meeting_state``, ended meetings leave the
open-deadline list, their open tasks stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from odn_desktop.domain.deadlines import DeadlineKind, DeadlineState, MeetingState
from odn_desktop.services.events import create_event, event_row, list_event_rows
from odn_desktop.services.tasks import create_task, event_deadlines, open_tasks_of_ended_events
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

NOW = datetime(2022, 3, 1, 9, tzinfo=UTC)


def test_an_ended_open_meeting_is_beendet_and_leaves_the_deadline_list(db: Database) -> None:
    with transaction(db.sessions) as s:
        past = create_event(s, title="Netzwerktreffen 2021", status="open",
                            starts_at=datetime(2021, 12, 2, 9, tzinfo=UTC), ends_at=datetime(2021, 12, 2, 10, 30,
                                                                                             tzinfo=UTC),
                            registration_deadline=datetime(2021, 12, 1, 22, 59, tzinfo=UTC))
        task = create_task(s, "Liste an die Stiftung senden", datetime(2021, 12, 10, 9, tzinfo=UTC), past.id)
        coming = create_event(s, title="Netzwerktreffen 2022", status="open",
                              starts_at=NOW + timedelta(days=10), ends_at=NOW + timedelta(days=10, hours=2),
                              registration_deadline=NOW + timedelta(days=8))
        past_id, coming_id, task_id = past.id, coming.id, task.id
    with transaction(db.sessions) as s:
        rows = {r.id: r for r in list_event_rows(s, NOW)}
        assert rows[past_id].state is MeetingState.ENDED and rows[past_id].status == "open"
        assert rows[past_id].deadline_state is DeadlineState.DONE  # not "überfällig" for three months
        assert rows[past_id].to_json()["state"] == "ended"
        assert rows[coming_id].state is MeetingState.OPEN
        assert event_row(s, past_id, NOW).state is MeetingState.ENDED
        # a minute before its end it was still open
        assert event_row(s, past_id, datetime(2021, 12, 2, 10, 29, tzinfo=UTC)).state is MeetingState.OPEN
        deadlines = event_deadlines(s, NOW)
        assert {d.event_id for d in deadlines} == {coming_id}
        assert {d.deadline.kind for d in deadlines} == {DeadlineKind.REGISTRATION, DeadlineKind.ACCESS_LINK}
        ended_tasks = open_tasks_of_ended_events(s, NOW)
        assert [d.task_id for d in ended_tasks] == [task_id]  # the follow-up work stays
        assert ended_tasks[0].deadline.state is DeadlineState.OVERDUE


def test_a_meeting_marked_held_is_over_for_every_list(db: Database) -> None:
    with transaction(db.sessions) as s:
        held = create_event(s, title="Vorgezogen", status="held", starts_at=NOW + timedelta(days=1),
                            ends_at=NOW + timedelta(days=1, hours=1))
        create_task(s, "Dankesmail", NOW + timedelta(days=2), held.id)
        held_id = held.id
    with transaction(db.sessions) as s:
        assert event_row(s, held_id, NOW).state is MeetingState.ENDED
        assert all(d.event_id != held_id for d in event_deadlines(s, NOW))
        assert [d.event_id for d in open_tasks_of_ended_events(s, NOW)] == [held_id]
