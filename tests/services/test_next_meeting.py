"""The next meeting: which parts are copied, times that keep their Berlin wall-clock distance to the start (task due
dates too, across daylight saving), an undo that removes everything the copy created, the copied-description flag."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import event_editing as ed
from odn_desktop.services import next_meeting as nm
from odn_desktop.services.agenda import add_agenda_item, agenda_rows
from odn_desktop.services.events import create_event, get_event, list_event_rows, update_event
from odn_desktop.services.rounds import add_round, list_rounds
from odn_desktop.services.speakers import add_speaker_to_event, create_speaker, list_speaker_rows
from odn_desktop.services.tasks import create_task, set_task_done
from odn_desktop.store.database import transaction
from odn_desktop.store.models import AgendaItem, EventSpeaker, Round, Task
from odn_desktop.store.open import Database

AUTUMN = datetime(2021, 10, 21, 10, 0, tzinfo=BERLIN)  # summer time; eight weeks later is winter time


def _wall(dt: datetime | None) -> datetime:
    assert dt is not None
    return dt.astimezone(BERLIN).replace(tzinfo=None)


def _meeting(db: Database, start: datetime = AUTUMN) -> uuid.UUID:
    """A meeting with two agenda items (one with a speaker), two speakers, two rounds and three tasks."""
    with transaction(db.sessions) as s:
        event = create_event(
            s, title="Netzwerktreffen", starts_at=start, ends_at=start + timedelta(hours=1, minutes=30),
            description="Wie Ämter für offene Daten gewonnen werden.", capacity=40,
            online_url="https://zoom.example/j/1",
            registration_opens_at=datetime.combine(start.date() - timedelta(days=28), datetime.min.time(),
                                                   tzinfo=BERLIN),
            registration_deadline=datetime.combine(start.date() - timedelta(days=1), datetime.min.time(),
                                                   tzinfo=BERLIN).replace(hour=23, minute=59),
            access_link_dispatch_at=datetime.combine(start.date() - timedelta(days=1), datetime.min.time(),
                                                     tzinfo=BERLIN).replace(hour=8),
        )
        arndt = create_speaker(s, first_name="Claus", last_name="Arndt", organisation="Stadt Moers")
        manz = create_speaker(s, first_name="Sabine", last_name="Manz", organisation="Düsseldorf")
        add_speaker_to_event(s, event.id, arndt.id, topic="Ämter gewinnen")
        add_speaker_to_event(s, event.id, manz.id)
        add_agenda_item(s, event.id, kind="networking", title="Vernetzung", duration_minutes=15)
        add_agenda_item(s, event.id, kind="talk", title="Erfahrungen aus Moers", duration_minutes=15,
                        speaker_id=arndt.id)
        add_round(s, event.id, title="Einsteiger:innen", capacity=20)
        add_round(s, event.id, title="Fortgeschrittene", capacity=15)
        # the Monday before at 09:00, the day before at 12:00, the day after at 16:00 (Berlin)
        create_task(s, "Zoom-Raum anlegen", (start - timedelta(days=3)).replace(hour=9), event.id)
        done = create_task(s, "Folien einsammeln", (start - timedelta(days=1)).replace(hour=12), event.id)
        set_task_done(s, done.id)
        create_task(s, "Dankesmail", (start + timedelta(days=1)).replace(hour=16), event.id)
        return event.id


def test_everything_copied_by_default_with_times_moved_across_daylight_saving(db: Database) -> None:
    source = _meeting(db)
    with transaction(db.sessions) as s:
        dup = nm.duplicate_event(s, source)
        copy = get_event(s, dup.event_id)
        wall = {name: _wall(getattr(copy, name)) for name in
                ("starts_at", "ends_at", "registration_opens_at", "registration_deadline", "access_link_dispatch_at")}
        tasks = sorted((t.title, _wall(t.due_at), t.done_at) for t in copy.tasks)
        agenda, _warning = agenda_rows(s, dup.event_id)
        speakers = [sp.last_name for sp in list_speaker_rows(s, dup.event_id)]
        rounds = [(r.title, r.capacity) for r in list_rounds(s, dup.event_id)]
        assert copy.title == "Netzwerktreffen" and copy.status == "draft" and copy.online_url == ""
        assert copy.description_copied is True and copy.description.startswith("Wie Ämter")
    assert wall == {  # 16 December 2021, winter time: the same wall-clock times
        "starts_at": datetime(2021, 12, 16, 10, 0),
        "ends_at": datetime(2021, 12, 16, 11, 30),
        "registration_opens_at": datetime(2021, 11, 18, 0, 0),
        "registration_deadline": datetime(2021, 12, 15, 23, 59),
        "access_link_dispatch_at": datetime(2021, 12, 15, 8, 0),
    }
    assert tasks == [  # every task copied open, due at the same wall-clock time relative to the start
        ("Dankesmail", datetime(2021, 12, 17, 16, 0), None),
        ("Folien einsammeln", datetime(2021, 12, 15, 12, 0), None),
        ("Zoom-Raum anlegen", datetime(2021, 12, 13, 9, 0), None),
    ]
    assert [(a.title, a.speaker) for a in agenda] == [("Vernetzung", None), ("Erfahrungen aus Moers", "Claus Arndt")]
    assert speakers == ["Arndt", "Manz"]
    assert rounds == [("Einsteiger:innen", 20), ("Fortgeschrittene", 15)]
    assert dup.task_ids and len(dup.agenda_item_ids) == 2 and len(dup.round_ids) == 2


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((), {"programme": 0, "speakers": 0, "rounds": 0, "tasks": 0}),
        (("programme",), {"programme": 2, "speakers": 0, "rounds": 0, "tasks": 0}),
        (("speakers", "tasks"), {"programme": 0, "speakers": 2, "rounds": 0, "tasks": 3}),
        (("rounds",), {"programme": 0, "speakers": 0, "rounds": 2, "tasks": 0}),
    ],
)
def test_only_the_chosen_parts_are_copied(db: Database, parts: tuple[str, ...], expected: dict[str, int]) -> None:
    source = _meeting(db)
    with transaction(db.sessions) as s:
        dup = nm.duplicate_event(s, source, parts=parts)
        assert nm.duplicate_source(s, dup.event_id).counts == expected
        assert nm.duplicate_source(s, source).counts == {"programme": 2, "speakers": 2, "rounds": 2, "tasks": 3}


def test_programme_without_speakers_keeps_the_talks_without_names(db: Database) -> None:
    source = _meeting(db)
    with transaction(db.sessions) as s:
        dup = nm.duplicate_event(s, source, parts=("programme",))
        agenda, _warning = agenda_rows(s, dup.event_id)
        assert [(a.kind, a.title, a.speaker) for a in agenda] == [
            ("networking", "Vernetzung", None), ("talk", "Erfahrungen aus Moers", None)]
        assert list_speaker_rows(s, dup.event_id) == []


def test_chosen_start_title_and_a_spring_daylight_saving_change(db: Database) -> None:
    winter = datetime(2022, 2, 24, 10, 0, tzinfo=BERLIN)
    source = _meeting(db, winter)
    with transaction(db.sessions) as s:
        dup = nm.duplicate_event(s, source, starts_at=datetime(2022, 4, 21, 14, 0, tzinfo=BERLIN),
                                 title="Open Data: Ämter motivieren")
        copy = get_event(s, dup.event_id)
        assert copy.title == "Open Data: Ämter motivieren"
        assert _wall(copy.ends_at) == datetime(2022, 4, 21, 15, 30)
        # everything four hours later on the wall clock, as the start is
        assert _wall(copy.registration_deadline) == datetime(2022, 4, 21, 3, 59)
        assert sorted(_wall(t.due_at) for t in copy.tasks) == [
            datetime(2022, 4, 18, 13, 0), datetime(2022, 4, 20, 16, 0), datetime(2022, 4, 22, 20, 0)]


def test_the_default_start_is_eight_weeks_later_at_the_same_wall_clock_time() -> None:
    assert _wall(nm.proposed_start(AUTUMN)) == datetime(2021, 12, 16, 10, 0)
    assert nm.proposed_start(AUTUMN) - AUTUMN == timedelta(weeks=8, hours=1)  # one hour more in UTC: winter time


def test_undo_tombstones_everything_the_copy_created_and_redo_brings_the_same_rows_back(db: Database) -> None:
    source = _meeting(db)
    with transaction(db.sessions) as s:
        dup = nm.duplicate_event(s, source)
    with transaction(db.sessions) as s:
        nm.withdraw_duplicate(s, dup)
    with transaction(db.sessions) as s:
        assert [r.id for r in list_event_rows(s)] == [source]
        models: tuple[type[AgendaItem] | type[EventSpeaker] | type[Round] | type[Task], ...] = (
            AgendaItem, EventSpeaker, Round, Task)
        for model in models:
            copied = s.scalars(select(model.deleted_at).where(model.event_id == dup.event_id)).all()
            assert copied and None not in copied, model.__name__
            live_source = s.scalars(select(model).where(model.event_id == source, model.deleted_at.is_(None))).all()
            assert live_source, model.__name__  # the source meeting keeps its own
        nm.revive_duplicate(s, dup)
    with transaction(db.sessions) as s:
        assert nm.duplicate_source(s, dup.event_id).counts == {"programme": 2, "speakers": 2, "rounds": 2,
                                                                "tasks": 3}
        assert {t.id for t in get_event(s, dup.event_id).tasks} == set(dup.task_ids)


def test_parts_named_on_the_command_line() -> None:
    assert nm.parse_parts("tasks, Programme") == ("programme", "tasks")
    assert nm.parse_parts("") == ()
    with pytest.raises(UserError, match="Unbekannter Teil 'registrations'"):
        nm.parse_parts("programme,registrations")


def test_an_edit_of_the_description_clears_the_copied_flag_and_undo_sets_it_again(db: Database) -> None:
    source = _meeting(db)
    with transaction(db.sessions) as s:
        copy_id = nm.duplicate_event(s, source).event_id
        update_event(s, copy_id, capacity=30)
        assert get_event(s, copy_id).description_copied is True  # other fields leave it alone
        update_event(s, copy_id, description=get_event(s, copy_id).description)  # unchanged text: still copied
        assert get_event(s, copy_id).description_copied is True
        assert ed.event_form(s, copy_id).description_copied is True
    with transaction(db.sessions) as s:  # the editor's save path
        outcome = ed.save_event_form(s, copy_id, {"description": "Neu: Ämter motivieren."})
        assert outcome.changed == ("description", "description_copied")
        assert ed.event_form(s, copy_id).description_copied is False
    with transaction(db.sessions) as s:
        ed.revert_event_form(s, outcome)
        form = ed.event_form(s, copy_id)
        assert form.description_copied is True and form.description.startswith("Wie Ämter")
    with transaction(db.sessions) as s:
        update_event(s, copy_id, description="Von Hand geändert")
        assert get_event(s, copy_id).description_copied is False
    with transaction(db.sessions) as s:  # a meeting created from scratch is never flagged
        assert get_event(s, source).description_copied is False


def test_moving_the_start_in_the_editor_moves_the_open_tasks_and_undo_puts_them_back(db: Database) -> None:
    source = _meeting(db)
    new_start = datetime(2021, 11, 4, 10, 0, tzinfo=BERLIN)  # two weeks later, after the clocks went back
    with transaction(db.sessions) as s:
        before = {t.title: _wall(t.due_at) for t in get_event(s, source).tasks}
        outcome = ed.save_event_form(s, source, {"starts_at": new_start,
                                                 "ends_at": new_start + timedelta(hours=1, minutes=30)},
                                     move_tasks=True)
        after = {t.title: _wall(t.due_at) for t in get_event(s, source).tasks}
    assert after == {
        "Zoom-Raum anlegen": datetime(2021, 11, 1, 9, 0),
        "Folien einsammeln": before["Folien einsammeln"],  # done: its date is history
        "Dankesmail": datetime(2021, 11, 5, 16, 0),
    }
    assert len(outcome.moved_tasks) == 2
    with transaction(db.sessions) as s:
        ed.revert_event_form(s, outcome)
        assert {t.title: _wall(t.due_at) for t in get_event(s, source).tasks} == before
    with transaction(db.sessions) as s:  # without being asked to, the tasks stay where they are
        ed.save_event_form(s, source, {"starts_at": new_start, "ends_at": new_start + timedelta(hours=2)})
        assert {t.title: _wall(t.due_at) for t in get_event(s, source).tasks} == before
