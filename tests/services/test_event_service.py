"""Events: validation, calendar sequence, duplication as the next meeting, lookup by date."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services.agenda import add_agenda_item, agenda_rows, move_agenda_item
from odn_desktop.services.events import (
    cancel_event,
    create_event,
    list_event_rows,
    resolve_event,
    update_event,
)
from odn_desktop.services.next_meeting import duplicate_event_as_next
from odn_desktop.services.speakers import add_speaker_to_event, create_speaker, list_speaker_rows
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
END = datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"ends_at": START}, "Ende"),
        ({"ends_at": START - timedelta(hours=1)}, "Ende"),
        ({"capacity": -1}, "negativ"),
        ({"overbooking_percent": 150}, "Überbuchung"),
        ({"format": "telepathisch"}, "Format"),
        ({"online_url": "zoom bitte per Mail"}, "Zugangslink"),
        ({"registration_deadline": END + timedelta(days=1)}, "Anmeldeschluss"),
        ({"title": "   "}, "Titel"),
    ],
)
def test_invalid_events_are_refused_with_german_messages(db: Database, fields: dict[str, object], message: str) -> None:
    values: dict[str, object] = {"title": "Treffen", "starts_at": START, "ends_at": END, **fields}
    with pytest.raises(UserError, match=message), transaction(db.sessions) as s:
        create_event(s, **values)  # type: ignore[arg-type]
    with transaction(db.sessions) as s:
        assert list_event_rows(s) == []


def test_ics_sequence_rises_only_for_calendar_relevant_changes(db: Database) -> None:
    with transaction(db.sessions) as s:
        event = create_event(s, title="Treffen", starts_at=START, ends_at=END)
        uid = event.ics_uid
        update_event(s, event.id, capacity=80, allow_late_registration=True)
        assert event.ics_sequence == 0
        update_event(s, event.id, description="Neuer Text")  # the calendar entry's DESCRIPTION shows it
        assert event.ics_sequence == 1
        update_event(s, event.id, starts_at=START + timedelta(minutes=30), ends_at=END + timedelta(minutes=30))
        assert event.ics_sequence == 2
        update_event(s, event.id, online_url="https://zoom.example/j/123")
        assert event.ics_sequence == 3
        cancel_event(s, event.id)
        assert event.ics_sequence == 4 and event.status == "cancelled" and event.ics_uid == uid


def test_duplicate_as_next_meeting_copies_agenda_and_speakers_but_no_registrations(db: Database) -> None:
    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.registrations import register

    with transaction(db.sessions) as s:
        event = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=END, capacity=40,
                             online_url="https://zoom.example/j/1")
        speaker = create_speaker(s, first_name="Claus", last_name="Arndt", organisation="Stadt Moers")
        add_speaker_to_event(s, event.id, speaker.id)
        add_agenda_item(s, event.id, kind="networking", title="Vernetzung", duration_minutes=15)
        add_agenda_item(s, event.id, kind="talk", title="Moers", duration_minutes=15, speaker_id=speaker.id)
        register(s, event.id, ContactInput(email="a@b.example", last_name="A"), now=START - timedelta(days=5))
        new = duplicate_event_as_next(s, event.id)
        new_id, old_uid = new.id, event.ics_uid
    with transaction(db.sessions) as s:
        rows = {r.id: r for r in list_event_rows(s)}
        agenda, warning = agenda_rows(s, new_id)
        speakers = list_speaker_rows(s, new_id)
        new_row = rows[new_id]
        assert new_row.registered == 0 and new_row.capacity == 40 and new_row.status == "draft"
        assert new_row.starts_at.astimezone(BERLIN).hour == 10  # same wall-clock time, 8 weeks later
        assert new_row.starts_at - START == timedelta(weeks=8)
        assert [a.title for a in agenda] == ["Vernetzung", "Moers"]
        assert warning is None
        assert [sp.last_name for sp in speakers] == ["Arndt"]
        from odn_desktop.services.events import get_event

        copy = get_event(s, new_id)
        assert copy.ics_uid != old_uid and copy.online_url == ""


def test_duplicate_keeps_wall_clock_time_across_daylight_saving(db: Database) -> None:
    autumn = datetime(2021, 10, 14, 10, 0, tzinfo=BERLIN)  # summer time, next meeting in winter time
    with transaction(db.sessions) as s:
        event = create_event(s, title="T", starts_at=autumn, ends_at=autumn + timedelta(hours=1, minutes=30))
        new = duplicate_event_as_next(s, event.id)
        local = new.starts_at.astimezone(BERLIN)
        assert (local.hour, local.minute) == (10, 0)
        assert local.date() == (autumn + timedelta(weeks=8)).date()
        assert new.ends_at - new.starts_at == timedelta(hours=1, minutes=30)


@pytest.mark.parametrize(
    ("day", "next_day"),
    [((2021, 10, 21), (2021, 12, 16)),  # summer time to winter time
     ((2022, 2, 24), (2022, 4, 21))],  # winter time to summer time
)
def test_duplicate_keeps_berlin_wall_clock_deadlines_across_daylight_saving(
    db: Database, day: tuple[int, int, int], next_day: tuple[int, int, int]
) -> None:
    start = datetime(*day, 10, 0, tzinfo=BERLIN)
    before = start.date() - timedelta(days=1)
    with transaction(db.sessions) as s:
        event = create_event(
            s, title="Netzwerktreffen", starts_at=start, ends_at=start + timedelta(hours=1, minutes=30),
            registration_deadline=datetime(before.year, before.month, before.day, 23, 59, tzinfo=BERLIN),
            access_link_dispatch_at=datetime(before.year, before.month, before.day, 8, 0, tzinfo=BERLIN),
        )
        event_id = event.id
    with transaction(db.sessions) as s:  # read back: the stored times are UTC
        new = duplicate_event_as_next(s, event_id)
        wall = {name: getattr(new, name).astimezone(BERLIN).replace(tzinfo=None)
                for name in ("starts_at", "ends_at", "registration_deadline", "access_link_dispatch_at")}
    y, m, d = next_day
    assert wall == {
        "starts_at": datetime(y, m, d, 10, 0),
        "ends_at": datetime(y, m, d, 11, 30),
        "registration_deadline": datetime(y, m, d - 1, 23, 59),
        "access_link_dispatch_at": datetime(y, m, d - 1, 8, 0),
    }


def test_duplicate_to_a_chosen_start_moves_every_time_by_the_same_wall_clock_distance(db: Database) -> None:
    start = datetime(2021, 10, 21, 10, 0, tzinfo=BERLIN)
    with transaction(db.sessions) as s:
        event = create_event(s, title="T", starts_at=start, ends_at=start + timedelta(hours=2),
                             registration_deadline=datetime(2021, 10, 14, 12, 0, tzinfo=BERLIN))
        event_id = event.id
    with transaction(db.sessions) as s:  # read back: the stored times are UTC
        new = duplicate_event_as_next(s, event_id, starts_at=datetime(2021, 11, 4, 14, 0, tzinfo=BERLIN))
        assert new.ends_at.astimezone(BERLIN).replace(tzinfo=None) == datetime(2021, 11, 4, 16, 0)
        assert new.registration_deadline is not None
        assert new.registration_deadline.astimezone(BERLIN).replace(tzinfo=None) == datetime(2021, 10, 28, 16, 0)


def test_duplicate_copies_the_rounds_with_their_descriptions(db: Database) -> None:
    from odn_desktop.store.models import Round

    with transaction(db.sessions) as s:
        event = create_event(s, title="Werkstatt", starts_at=START, ends_at=END, capacity=60)
        event.rounds_optional = True
        s.add_all([
            Round(event_id=event.id, title="Digitale Akte", capacity=20, position=0,
                  description="Raum 1, mit Bildschirm"),
            Round(event_id=event.id, title="Bürgerportal", capacity=None, position=1, description=""),
            Round(event_id=event.id, title="Gestrichen", capacity=5, position=2, deleted_at=START),
        ])
        s.flush()
        new_id = duplicate_event_as_next(s, event.id).id
    with transaction(db.sessions) as s:
        from odn_desktop.services.events import get_event

        copy = get_event(s, new_id)
        assert copy.rounds_optional is True
        assert [(r.title, r.capacity, r.position, r.description) for r in copy.rounds if r.deleted_at is None] == [
            ("Digitale Akte", 20, 0, "Raum 1, mit Bildschirm"),
            ("Bürgerportal", None, 1, ""),
        ]
        assert len(copy.rounds) == 2


def test_agenda_start_times_and_overrun_warning(db: Database) -> None:
    with transaction(db.sessions) as s:
        event = create_event(s, title="T", starts_at=START, ends_at=END)
        ids = [add_agenda_item(s, event.id, title=t, duration_minutes=d).id
               for t, d in [("Vernetzung", 15), ("Vortrag 1", 15), ("Vortrag 2", 15), ("Diskussion", 55)]]
        rows, warning = agenda_rows(s, event.id)
        assert [r.starts_at.astimezone(BERLIN).strftime("%H:%M") for r in rows] == ["10:00", "10:15", "10:30", "10:45"]
        assert warning is not None and "10 Minuten" in warning
        move_agenda_item(s, ids[3], 0)
        rows, _ = agenda_rows(s, event.id)
        assert [r.title for r in rows] == ["Diskussion", "Vernetzung", "Vortrag 1", "Vortrag 2"]
        assert rows[1].starts_at.astimezone(BERLIN).strftime("%H:%M") == "10:55"


def test_resolve_event_by_id_or_unique_start_date(db: Database) -> None:
    with transaction(db.sessions) as s:
        a = create_event(s, title="A", starts_at=START, ends_at=END)
        assert resolve_event(s, str(a.id)).id == a.id
        assert resolve_event(s, "2021-12-02").id == a.id
        with pytest.raises(UserError, match="keine Veranstaltung"):
            resolve_event(s, "2021-12-03")
        with pytest.raises(UserError, match="weder"):
            resolve_event(s, "nächste Woche")
        create_event(s, title="B", starts_at=START + timedelta(hours=4), ends_at=END + timedelta(hours=4))
        with pytest.raises(UserError, match="2 Veranstaltungen"):
            resolve_event(s, "2021-12-02")


def test_resolve_by_date_uses_the_berlin_day(db: Database) -> None:
    late_evening = datetime(2021, 12, 2, 23, 30, tzinfo=BERLIN)  # 22:30 UTC, still 2 December in Berlin
    with transaction(db.sessions) as s:
        e = create_event(s, title="Spät", starts_at=late_evening, ends_at=late_evening + timedelta(minutes=20))
        assert resolve_event(s, "2021-12-02").id == e.id
