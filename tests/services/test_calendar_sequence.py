"""The calendar SEQUENCE rises whenever the exported calendar entry changes, and only then for unrelated edits.

Each test exports the event's calendar file through ``services.exports`` (the link included, as personal
invitations carry it), makes a change through the service the window and the CLI use, exports again and
compares what the file says.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from sqlalchemy.orm import Session

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.ics_calendar import Organizer
from odn_desktop.services import agenda, event_editing, exports, speakers
from odn_desktop.services.events import create_event, create_series, get_event, update_event
from odn_desktop.services.tasks import create_task
from odn_desktop.store.database import transaction
from odn_desktop.store.models import AgendaItem
from odn_desktop.store.open import Database

ORGANIZER = Organizer("Koordination Netzwerktreffen", "netzwerk@difu.example")
NOW = datetime(2021, 11, 1, 12, 0, tzinfo=UTC)
START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)


@dataclass(frozen=True)
class Setup:
    event_id: uuid.UUID
    arndt: uuid.UUID
    manz: uuid.UUID
    items: tuple[uuid.UUID, ...]


@pytest.fixture
def meeting(db: Database) -> Setup:
    with transaction(db.sessions) as s:
        series = create_series(s, "Open Data in Kommunen", hosts="Difu")
        event = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(minutes=90),
                             description="Wie gewinnt man Ämter?", hosts="Difu\nBertelsmann Stiftung",
                             online_url="https://zoom.example/j/1", series_id=series.id)
        arndt = speakers.create_speaker(s, first_name="Claus", last_name="Arndt", organisation="Stadt Moers",
                                        phone="02841 1")
        manz = speakers.create_speaker(s, first_name="Sabine", last_name="Manz", organisation="Düsseldorf")
        speakers.add_speaker_to_event(s, event.id, arndt.id, topic="Ämter gewinnen")
        items = (
            agenda.add_agenda_item(s, event.id, kind="networking", title="Vernetzung", duration_minutes=15).id,
            agenda.add_agenda_item(s, event.id, title="Moers", duration_minutes=15, speaker_id=arndt.id).id,
            agenda.add_agenda_item(s, event.id, kind="discussion", title="Diskussion", duration_minutes=60).id,
        )
        return Setup(event.id, arndt.id, manz.id, items)


def entry(db: Database, event_id: uuid.UUID, path: Path) -> tuple[int, dict[str, str]]:
    """SEQUENCE and every other property of the exported VEVENT (DTSTAMP left out: it is the export time)."""
    with transaction(db.sessions) as s:
        exports.export_event_calendar(s, event_id, path, with_link=True, organizer=ORGANIZER, now=NOW)
    (vevent,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    content = {name: vevent[name].to_ical().decode() for name in vevent if name not in ("SEQUENCE", "DTSTAMP")}
    return int(vevent["SEQUENCE"]), content


Change = Callable[[Session, Setup], Any]

CALENDAR_CHANGES: dict[str, Change] = {
    "description": lambda s, m: update_event(s, m.event_id, description="Neu: wie gewinnt man Ämter?"),
    "hosts": lambda s, m: update_event(s, m.event_id, hosts="Difu"),
    "series hosts stand in": lambda s, m: update_event(s, m.event_id, hosts=""),
    "agenda title": lambda s, m: agenda.update_agenda_item(s, m.items[1], title="Erfahrungen aus Moers"),
    "agenda duration": lambda s, m: agenda.update_agenda_item(s, m.items[0], duration_minutes=20),
    "agenda speaker": lambda s, m: agenda.update_agenda_item(s, m.items[2], speaker_id=m.manz),
    "agenda moved": lambda s, m: agenda.move_agenda_item(s, m.items[2], 0),
    "agenda added": lambda s, m: agenda.add_agenda_item(s, m.event_id, title="Pause", duration_minutes=5),
    "agenda deleted": lambda s, m: event_editing.delete_agenda_item(s, m.items[0]),
    "agenda edited (editor)": lambda s, m: event_editing.edit_agenda_item(s, m.items[0], title="Kennenlernen"),
    "speaker linked": lambda s, m: event_editing.add_existing_speaker(s, m.event_id, m.manz),
    "speaker unlinked": lambda s, m: speakers.remove_speaker_from_event(s, m.event_id, m.arndt),
    "speaker topic": lambda s, m: speakers.add_speaker_to_event(s, m.event_id, m.arndt, topic="Neues Thema"),
    "speaker renamed": lambda s, m: speakers.update_speaker(s, m.arndt, last_name="Arndt-Meyer"),
    "speaker organisation": lambda s, m: speakers.update_speaker(s, m.arndt, organisation="Kreis Wesel"),
    "new speaker (editor)": lambda s, m: event_editing.create_speaker_for_event(
        s, m.event_id, first_name="Eva", last_name="Neu"),
    "time": lambda s, m: update_event(s, m.event_id, starts_at=START + timedelta(hours=1),
                                      ends_at=START + timedelta(hours=2, minutes=30)),
}

UNRELATED_CHANGES: dict[str, Change] = {
    "task": lambda s, m: create_task(s, "Raum buchen", START - timedelta(days=7), m.event_id),
    "agenda notes": lambda s, m: agenda.update_agenda_item(s, m.items[1], notes="Folien vorab schicken"),
    "speaker phone": lambda s, m: speakers.update_speaker(s, m.arndt, phone="02841 2", email="c@moers.example"),
    "capacity": lambda s, m: update_event(s, m.event_id, capacity=80),
    "agenda moved to its own place": lambda s, m: agenda.move_agenda_item(s, m.items[1], 1),
    "speaker linked again, same topic": lambda s, m: speakers.add_speaker_to_event(s, m.event_id, m.arndt),
    "unlinked speaker renamed": lambda s, m: speakers.update_speaker(s, m.manz, first_name="Sabina"),
}


@pytest.mark.parametrize("name", CALENDAR_CHANGES)
def test_sequence_rises_when_the_calendar_entry_changes(db: Database, meeting: Setup, tmp_path: Path,
                                                        name: str) -> None:
    path = tmp_path / "treffen.ics"
    sequence, content = entry(db, meeting.event_id, path)
    with transaction(db.sessions) as s:
        CALENDAR_CHANGES[name](s, meeting)
    new_sequence, new_content = entry(db, meeting.event_id, path)
    assert new_content != content, "the change shows in the calendar entry"
    assert new_sequence > sequence


@pytest.mark.parametrize("name", UNRELATED_CHANGES)
def test_sequence_stays_for_changes_the_calendar_entry_does_not_show(db: Database, meeting: Setup,
                                                                     tmp_path: Path, name: str) -> None:
    path = tmp_path / "treffen.ics"
    before = entry(db, meeting.event_id, path)
    with transaction(db.sessions) as s:
        UNRELATED_CHANGES[name](s, meeting)
    assert entry(db, meeting.event_id, path) == before


def test_undo_of_an_agenda_deletion_raises_it_again(db: Database, meeting: Setup, tmp_path: Path) -> None:
    path = tmp_path / "treffen.ics"
    first, content = entry(db, meeting.event_id, path)
    with transaction(db.sessions) as s:
        index = event_editing.delete_agenda_item(s, meeting.items[1])
    deleted, _ = entry(db, meeting.event_id, path)
    with transaction(db.sessions) as s:
        event_editing.restore_agenda_item(s, meeting.items[1], index)
    restored, restored_content = entry(db, meeting.event_id, path)
    assert first < deleted < restored
    assert restored_content == content


def _new_value(current: object) -> object:
    if isinstance(current, int):
        return current + 7
    return f"{current or ''} geändert"


@pytest.mark.parametrize("field", sorted(speakers.SPEAKER_FIELDS))
def test_every_speaker_field_the_calendar_shows_raises_the_sequence(db: Database, meeting: Setup, tmp_path: Path,
                                                                    field: str) -> None:
    """Kept in step with the writer: whatever a speaker field changes in the file raises SEQUENCE."""
    path = tmp_path / "treffen.ics"
    sequence, content = entry(db, meeting.event_id, path)
    with transaction(db.sessions) as s:
        speaker = speakers.get_speaker(s, meeting.arndt)
        speakers.update_speaker(s, meeting.arndt, **{field: _new_value(getattr(speaker, field))})
    new_sequence, new_content = entry(db, meeting.event_id, path)
    assert new_sequence > sequence or new_content == content


@pytest.mark.parametrize("field", sorted(agenda.AGENDA_FIELDS - {"speaker_id", "kind"}))
def test_every_agenda_field_the_calendar_shows_raises_the_sequence(db: Database, meeting: Setup, tmp_path: Path,
                                                                   field: str) -> None:
    path = tmp_path / "treffen.ics"
    sequence, content = entry(db, meeting.event_id, path)
    with transaction(db.sessions) as s:
        item = s.get(AgendaItem, meeting.items[0])
        assert item is not None
        agenda.update_agenda_item(s, item.id, **{field: _new_value(getattr(item, field))})
    new_sequence, new_content = entry(db, meeting.event_id, path)
    assert new_sequence > sequence or new_content == content


@pytest.mark.parametrize("field", ["title", "description", "venue", "online_url", "hosts", "format", "status"])
def test_every_event_field_the_calendar_shows_raises_the_sequence(db: Database, meeting: Setup, tmp_path: Path,
                                                                  field: str) -> None:
    path = tmp_path / "treffen.ics"
    sequence, content = entry(db, meeting.event_id, path)
    values = {"online_url": "https://zoom.example/j/2", "format": "hybrid", "status": "closed"}
    with transaction(db.sessions) as s:
        event = get_event(s, meeting.event_id)
        update_event(s, event.id, **{field: values.get(field, _new_value(getattr(event, field)))})
    new_sequence, new_content = entry(db, meeting.event_id, path)
    assert new_sequence > sequence or new_content == content
