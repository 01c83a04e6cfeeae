"""Data protection: retention anonymises every personal field while counts stay right; the Art. 15 export holds
everything about the person; an Art. 17 deletion leaves dirty tombstones that sync to the shared database."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import mailing, privacy, wishes
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput, find_contact_by_email
from odn_desktop.services.events import create_event, registration_counts
from odn_desktop.services.exports import counts
from odn_desktop.services.speakers import create_speaker
from odn_desktop.store.database import transaction
from odn_desktop.store.mail_models import PrivacyLog, RegistrationMessage
from odn_desktop.store.models import Contact, Registration
from odn_desktop.store.open import Database, open_database
from odn_desktop.store.wish_models import TopicGroup, TopicWish

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
OLD = datetime(2021, 10, 14, 10, 0, tzinfo=BERLIN)  # more than 24 months before NOW
RECENT = datetime(2024, 3, 7, 10, 0, tzinfo=BERLIN)
ANNA = "Anna.Gross@Kiel.example"
KIM = "kim.schaefer@bonn.example"
JUERGEN = "juergen.mueller@ulm.example"
BERND = "bernd.becker@trier.example"

ANNA_FIELDS: dict[str, Any] = {
    "salutation": "Frau", "academic_title": "Dr.", "first_name": "Anna", "last_name": "Großmann-Wetterau",
    "organisation": "Stadt Kielerförde", "municipality": "Kielerförde", "federal_state": "Schleswig-Holstein",
    "role": "Open-Data-Beauftragte", "experience_level": "Fortgeschritten",
}
ANNA_NOTES = "=HYPERLINK(\"http://x.example\",\"ruft gern zurück\") – privat 0431 123456"
ANNA_WISH = "Wie ich als Kämmerin in Kielerförde Haushaltsdaten veröffentliche"


@dataclass
class World:
    db: Database
    old_event: uuid.UUID
    recent_event: uuid.UUID
    reg: dict[tuple[str, str], uuid.UUID]


def _person(email: str, first: str, last: str, **extra: Any) -> ContactInput:
    return ContactInput(email=email, first_name=first, last_name=last, **extra)


@pytest.fixture
def world(db: Database) -> World:
    """An old meeting (Groß attended, Müller waiting, Becker cancelled, Schäfer attended) and a recent one
    (Schäfer registered), a long-forgotten contact without registrations, and messages sent to Groß."""
    reg: dict[tuple[str, str], uuid.UUID] = {}
    with transaction(db.sessions) as s:
        old = create_event(s, title="Auftakt Open Data", starts_at=OLD, ends_at=OLD + timedelta(minutes=90),
                           capacity=2, online_url="https://zoom.example/j/1")
        recent = create_event(s, title="Netzwerktreffen Frühjahr", starts_at=RECENT,
                              ends_at=RECENT + timedelta(minutes=90), capacity=10)
        anna = _person(ANNA, "Anna", "Großmann-Wetterau", **{k: v for k, v in ANNA_FIELDS.items()
                                                            if k not in ("first_name", "last_name")})
        people = [(anna, old), (_person(KIM, "Kim", "Schäfer", organisation="Stadt Bonn"), old),
                  (_person(JUERGEN, "Jürgen", "Müller", salutation="Herr", organisation="Stadt Ulm"), old),
                  (_person(BERND, "Bernd", "Becker", organisation="Stadt Trier"), old),
                  (_person(KIM, "Kim", "Schäfer"), recent)]
        for person, event in people:
            result = regs.register(s, event.id, person, registered_at=OLD - timedelta(days=10),
                                   source="anmeldung_kiel.xlsx")
            reg[(person.email.lower(), "old" if event is old else "recent")] = result.registration.id
        contact = find_contact_by_email(s, ANNA)
        assert contact is not None
        contact.notes = ANNA_NOTES
        contact.consent_contact = True
        contact.consent_given_at = OLD - timedelta(days=10)
        s.get(Registration, reg[(ANNA.lower(), "old")]).notes = "bringt Kollegin mit"  # type: ignore[union-attr]
        regs.cancel(s, reg[(BERND, "old")])
        regs.mark_attendance(s, reg[(ANNA.lower(), "old")], True, 88)
        regs.mark_attendance(s, reg[(KIM, "old")], True, 90)
        mailing.record_message(s, reg[(ANNA.lower(), "old")], "confirmation", "draft", "drafted",
                               at=OLD - timedelta(days=9))
        mailing.record_message(s, reg[(ANNA.lower(), "old")], "access_link", "smtp", "failed",
                               "550 5.1.1 <anna.gross@kiel.example>: mailbox full", at=OLD - timedelta(days=1))
        s.add(Contact(first_name="Erika", last_name="Altkontakt", email="erika@alt.example",
                      email_normalized="erika@alt.example", organisation="Gemeinde Alt",
                      created_at=datetime(2019, 1, 1, tzinfo=UTC)))
        create_speaker(s, last_name="Großmann-Wetterau", first_name="Anna", email="anna.gross@kiel.example",
                       organisation="Stadt Kielerförde", bio="Spricht über offene Haushaltsdaten.")
        for email, wish in ((ANNA, ANNA_WISH), (JUERGEN, "Haushaltsdaten in Ulm veröffentlichen"), (KIM, "Lizenzen")):
            wishes.add_wish(s, old.id, email=email, text=wish)  # Groß's and Müller's wishes are one topic
    return World(db, old.id, recent.id, reg)


def all_text_in_database(path: Path, *, exclude: tuple[str, ...] = ()) -> str:
    """Every value of every row of every table, as one text (what a search of the file's tables finds)."""
    conn = sqlite3.connect(path)
    try:
        parts = []
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            if table in exclude:
                continue
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                parts.extend(str(v) for v in row if v is not None)
        return "\n".join(parts).casefold()
    finally:
        conn.close()


def event_counts(db: Database, event_id: uuid.UUID) -> tuple[dict[str, int], int]:
    with transaction(db.sessions) as s:
        return registration_counts(s, [event_id])[event_id], counts(s, event_id).attended


# -- retention ---------------------------------------------------------------------------------------------


def test_preview_lists_who_is_past_the_retention_period(world: World) -> None:
    with transaction(world.db.sessions) as s:
        preview = privacy.anonymize_expired(s, 24, dry_run=True, now=NOW)
        assert privacy.retention_candidates(s, 36, now=NOW) == [
            c for c in preview.candidates if c.email == "erika@alt.example"]
    assert sorted(c.email for c in preview.candidates) == sorted(
        ["erika@alt.example", ANNA, JUERGEN, BERND])  # Schäfer took part recently
    anna = next(c for c in preview.candidates if c.email == ANNA)
    assert (anna.last_event, anna.registrations) == ("Auftakt Open Data", 1)
    assert preview.dry_run and preview.contacts == 4
    with transaction(world.db.sessions) as s:  # the preview changed nothing
        assert s.scalars(select(PrivacyLog)).first() is None
        assert find_contact_by_email(s, ANNA) is not None


def test_anonymisation_removes_every_personal_field_and_keeps_counts(world: World) -> None:
    before_old, before_recent = event_counts(world.db, world.old_event), event_counts(world.db, world.recent_event)
    with transaction(world.db.sessions) as s:
        anna = find_contact_by_email(s, ANNA)
        assert anna is not None
        anna_id = anna.id
        original = {name: getattr(anna, name) for name in privacy.personal_contact_columns()}
        result = privacy.anonymize_expired(s, now=NOW)
    assert (result.contacts, result.registrations, result.messages) == (4, 3, 2)

    with transaction(world.db.sessions) as s:
        anna = s.get(Contact, anna_id)
        assert anna is not None
        # every column that can hold personal data, one by one (a new column fails here until handled)
        for name in privacy.personal_contact_columns():
            value = getattr(anna, name)
            if name == "last_name":
                assert value == "anonymisiert"
            elif name in ("email", "email_normalized"):
                assert value == f"anonymisiert-{anna_id.hex[:12]}@invalid"
            else:
                assert value in ("", False, None), f"contact.{name} still holds {value!r}"
            if original[name] not in ("", False, None):
                assert value != original[name], name
        assert anna.deleted_at is None and anna.dirty  # anonymised, not deleted: the counts need the rows
        reg = s.get(Registration, world.reg[(ANNA.lower(), "old")])
        assert reg is not None
        assert (reg.status, reg.attended, reg.attended_minutes, reg.notes, reg.source) == (
            "registered", True, 88, "", "import")
        messages = s.scalars(select(RegistrationMessage).where(RegistrationMessage.registration_id == reg.id)).all()
        assert [(m.template, m.result, m.detail) for m in messages] == [
            ("confirmation", "drafted", ""), ("access_link", "failed", "")]
        kim = find_contact_by_email(s, KIM)
        assert kim is not None and kim.last_name == "Schäfer"  # recent participant untouched
        # wishes: the text goes, the wish stays counted in its topic; the topic loses the title taken from it
        texts = {w.contact_id: w.text for w in s.scalars(select(TopicWish))}
        assert texts == {anna_id: "", find_contact_by_email(s, KIM).id: "Lizenzen",  # type: ignore[union-attr]
                         s.get(Registration, world.reg[(JUERGEN, "old")]).contact_id: ""}  # type: ignore[union-attr]
        groups = {g.title: len([w for w in s.scalars(select(TopicWish)) if w.group_id == g.id])
                  for g in s.scalars(select(TopicGroup).where(TopicGroup.deleted_at.is_(None)))}
        assert groups == {wishes.ANONYMISED_TITLE: 2, "Lizenzen": 1}
        [log] = s.scalars(select(PrivacyLog)).all()
        assert (log.action, log.months, log.contacts, log.registrations, log.messages) == ("anonymize", 24, 4, 3, 2)
        assert log.cutoff == datetime(2022, 6, 1, 12, 0, tzinfo=UTC)

    assert event_counts(world.db, world.old_event) == before_old
    assert event_counts(world.db, world.recent_event) == before_recent

    # nothing of them is left anywhere in the database's tables (Groß's speaker profile is not registrant data)
    text = all_text_in_database(world.db.path, exclude=("speaker",))
    for gone in (ANNA, "anna.gross@kiel.example>", ANNA_NOTES, "bringt Kollegin mit",
                 JUERGEN, BERND, "Becker", "Stadt Trier", "Stadt Ulm", "erika@alt.example", "Altkontakt",
                 "Open-Data-Beauftragte", "0431 123456", "Kämmerin", "in Ulm"):
        assert gone.casefold() not in text, gone

    with transaction(world.db.sessions) as s:  # a second run finds nobody
        assert privacy.anonymize_expired(s, now=NOW).contacts == 0


def test_only_the_confirmed_preview_is_anonymised(world: World) -> None:
    with transaction(world.db.sessions) as s:
        preview = privacy.retention_candidates(s, now=NOW)
        juergen = next(c.contact_id for c in preview if c.email == JUERGEN)
        kim = find_contact_by_email(s, KIM)
        assert kim is not None
        result = privacy.anonymize_expired(s, contact_ids=[juergen, kim.id], now=NOW)  # Schäfer is not due
        assert result.contacts == 1
        assert find_contact_by_email(s, JUERGEN) is None and find_contact_by_email(s, KIM) is not None


def test_retention_period_must_be_positive(db: Database) -> None:
    with transaction(db.sessions) as s, pytest.raises(UserError, match="mindestens einen Monat"):
        privacy.retention_candidates(s, 0)


def test_months_before_handles_short_months() -> None:
    assert privacy.months_before(datetime(2024, 3, 31, tzinfo=UTC), 1) == datetime(2024, 2, 29, tzinfo=UTC)
    assert privacy.months_before(datetime(2024, 6, 1, tzinfo=UTC), 24) == datetime(2022, 6, 1, tzinfo=UTC)
    assert privacy.months_before(datetime(2024, 1, 15, tzinfo=UTC), 13) == datetime(2022, 12, 15, tzinfo=UTC)


# -- Art. 15 -----------------------------------------------------------------------------------------------


def test_export_holds_everything_stored_about_the_person(world: World, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    with transaction(world.db.sessions) as s:
        regs.register(s, world.recent_event, _person(ANNA, "Anna", "Großmann-Wetterau"))
        regs.cancel(s, regs.find_registration(s, world.recent_event, ANNA).id)
        result = privacy.export_person(s, " anna.gross@kiel.EXAMPLE ", tmp_path / "Auskunft Groß.xlsx", now=NOW)
        anna = find_contact_by_email(s, ANNA)
        assert anna is not None
        stored = {name: getattr(anna, name) for name in privacy.personal_contact_columns()}
    assert result.json == tmp_path / "Auskunft Groß.json" and result.registrations == 2

    wb = load_workbook(result.xlsx)
    assert wb.sheetnames == ["Person", "Anmeldungen", "Nachrichten", "Themenwünsche", "Referent-Profil"]
    person = {row[0].value: row[1] for row in wb["Person"].iter_rows(min_row=2)}
    for name, value in stored.items():
        cell = person[privacy.CONTACT_LABELS[name]]
        if isinstance(value, bool):
            assert cell.value == ("ja" if value else "nein"), name
        elif isinstance(value, datetime):
            assert cell.value == value.astimezone(BERLIN).replace(tzinfo=None, microsecond=0), name
        else:
            assert cell.value == value, name
    notes = person["Notizen"]
    assert notes.value == ANNA_NOTES and notes.data_type == "s"  # text, never a live formula

    sheet = wb["Anmeldungen"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    assert [(r["Veranstaltung"], r["Status"], r["Teilgenommen"]) for r in rows] == [
        ("Auftakt Open Data", "Angemeldet", "ja"), ("Netzwerktreffen Frühjahr", "Storniert", "nein")]
    assert rows[0]["Notizen"] == "bringt Kollegin mit" and rows[0]["Minuten anwesend"] == 88
    messages = [[c.value for c in r] for r in wb["Nachrichten"].iter_rows(min_row=2)]
    assert [m[1] for m in messages] == ["Anmeldebestätigung", "Zugangslink"]
    assert "mailbox full" in messages[1][5]
    assert [c.value for c in wb["Referent-Profil"][2]][6] == "Spricht über offene Haushaltsdaten."
    wish_sheet = [[c.value for c in r] for r in wb["Themenwünsche"].iter_rows()]
    assert wish_sheet[0][:5] == ["Veranstaltung", "Beginn", "Themenwunsch", "Herkunft", "Thema (Gruppe)"]
    assert wish_sheet[1][0] == "Auftakt Open Data" and wish_sheet[1][2:5] == [ANNA_WISH, "von Hand erfasst", ANNA_WISH]
    assert len(wish_sheet) == 2  # Müller's wish of the same topic is not hers

    data = json.loads(result.json.read_text(encoding="utf-8"))
    assert data["email"] == ANNA and data["generated_at"] == "2024-06-01T14:00:00+02:00"
    for name, value in stored.items():
        expected = value.astimezone(BERLIN).isoformat(timespec="seconds") if isinstance(value, datetime) else value
        assert data["person"][name] == expected, name
    assert [r["event_title"] for r in data["registrations"]] == ["Auftakt Open Data", "Netzwerktreffen Frühjahr"]
    assert data["registrations"][0]["attended"] is True
    assert [m["template"] for m in data["messages"]] == ["Anmeldebestätigung", "Zugangslink"]
    assert data["speaker_profiles"][0]["bio"] == "Spricht über offene Haushaltsdaten."
    assert [w["text"] for w in data["wishes"]] == [ANNA_WISH]

    everything = result.json.read_text(encoding="utf-8") + "".join(
        str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
    assert KIM not in everything and "Müller" not in everything  # nobody else's data


def test_export_of_an_unknown_person_is_a_user_error(world: World, tmp_path: Path) -> None:
    with transaction(world.db.sessions) as s, pytest.raises(UserError, match="keine Person"):
        privacy.export_person(s, "nobody@example.org", tmp_path / "x.xlsx")
    with transaction(world.db.sessions) as s, pytest.raises(UserError, match=r"\.xlsx"):
        privacy.export_person(s, ANNA, tmp_path / "x.csv")


# -- Art. 17 -----------------------------------------------------------------------------------------------


def test_deletion_tombstones_everything_dirty_and_gives_the_seat_to_the_waiting_list(world: World) -> None:
    upcoming = NOW + timedelta(days=30)
    with transaction(world.db.sessions) as s:
        event = create_event(s, title="Netzwerktreffen Sommer", starts_at=upcoming,
                             ends_at=upcoming + timedelta(hours=1), capacity=1)
        regs.register(s, event.id, _person(ANNA, "Anna", "Großmann-Wetterau"), now=NOW)
        regs.register(s, event.id, _person(KIM, "Kim", "Schäfer"), now=NOW)  # waiting
        for model in (Contact, Registration, RegistrationMessage, TopicWish):  # as if the sync pushed everything
            for row in s.scalars(select(model)):
                row.dirty = False
    old_before = event_counts(world.db, world.old_event)[0]
    with transaction(world.db.sessions) as s:
        anna_id = find_contact_by_email(s, ANNA).id  # type: ignore[union-attr]
        result = privacy.delete_person(s, ANNA, now=NOW)
    assert [r.email for r in result.promoted] == [KIM]  # Groß held the seat, Schäfer was waiting
    assert "Von der Warteliste nachgerückt: Kim Schäfer" in result.message()
    assert (result.registrations, result.messages, result.speaker_profiles) == (2, 2, 1)
    assert "Referent:innen-Profil" in result.message()  # left for the coordinator to decide

    with transaction(world.db.sessions) as s:
        anna = s.get(Contact, anna_id)
        assert anna is not None
        assert anna.deleted_at == NOW and anna.dirty
        assert anna.first_name == "" and anna.email.endswith("@invalid") and anna.notes == ""
        registrations = s.scalars(select(Registration).where(Registration.contact_id == anna_id)).all()
        assert len(registrations) == 2
        assert all(r.deleted_at is not None and r.dirty and r.notes == "" for r in registrations)
        messages = s.scalars(select(RegistrationMessage)).all()
        assert len(messages) == 2 and all(m.deleted_at is not None and m.dirty and not m.detail for m in messages)
        [wish] = s.scalars(select(TopicWish).where(TopicWish.contact_id == anna_id)).all()
        assert (wish.text, wish.deleted_at, wish.dirty) == ("", NOW, True)
        [group] = s.scalars(select(TopicGroup).where(TopicGroup.id == wish.group_id)).all()
        assert group.title == "Haushaltsdaten in Ulm veröffentlichen" and group.deleted_at is None  # Müller's wish
        assert s.scalars(select(PrivacyLog)).one().action == "delete"
        assert find_contact_by_email(s, ANNA) is None
    assert event_counts(world.db, event.id)[0] == {"registered": 1, "waiting": 0, "cancelled": 0}
    # the meeting in the past is not rewritten: Müller stays on its waiting list
    assert event_counts(world.db, world.old_event)[0] == {**old_before, "registered": old_before["registered"] - 1}
    text = all_text_in_database(world.db.path, exclude=("speaker",))
    assert ANNA.casefold() not in text and "bringt kollegin mit" not in text and "mailbox full" not in text
    assert "kämmerin" not in text

    with transaction(world.db.sessions) as s:
        with pytest.raises(UserError, match="keine Person"):
            privacy.delete_person(s, ANNA)
        # the address is free again: the person may register anew one day
        regs.register(s, world.recent_event, _person(ANNA, "Anna", "Groß"))


def test_deletion_reaches_the_shared_database_through_sync(tmp_path: Path) -> None:
    from odn_desktop.sync import engine

    remote = f"sqlite:///{tmp_path / 'netzlaufwerk' / 'team.sqlite'}"
    (tmp_path / "netzlaufwerk").mkdir()
    a, b = open_database(tmp_path / "laptop-a.sqlite"), open_database(tmp_path / "laptop-b.sqlite")
    try:
        with transaction(a.sessions) as s:
            event = create_event(s, title="Netzwerktreffen", starts_at=RECENT, ends_at=RECENT + timedelta(hours=1),
                                 capacity=1)
            anna = regs.register(s, event.id, _person(ANNA, "Anna", "Groß", organisation="Stadt Kiel")).registration
            regs.register(s, event.id, _person(KIM, "Kim", "Schäfer"))  # waiting
            mailing.record_message(s, anna.id, "confirmation", "smtp", "sent")
        engine.sync(a, remote)
        engine.sync(b, remote)
        with transaction(b.sessions) as s:
            assert find_contact_by_email(s, ANNA) is not None
            assert len(mailing.messages_of_registration(s, anna.id)) == 1  # the message log syncs too

        with transaction(a.sessions) as s:
            promoted = privacy.delete_person(s, ANNA, now=RECENT - timedelta(days=7)).promoted
        assert [r.email for r in promoted] == [KIM]
        assert engine.sync(a, remote).pushed >= 3
        engine.sync(b, remote)

        with transaction(b.sessions) as s:
            assert find_contact_by_email(s, ANNA) is None
            contact = s.get(Contact, anna.contact_id)
            assert contact is not None and contact.deleted_at is not None and contact.last_name == "anonymisiert"
            reg = s.get(Registration, anna.id)
            assert reg is not None and reg.deleted_at is not None
            assert mailing.messages_of_registration(s, anna.id) == []
            assert registration_counts(s, [event.id])[event.id]["registered"] == 1
            assert regs.find_registration(s, event.id, KIM).status == "registered"
        shared = Path(str(remote).removeprefix("sqlite:///"))
        for path in (shared, a.path, b.path):  # the shared file and both laptops, shadows included
            text = all_text_in_database(path)
            assert ANNA.casefold() not in text and "stadt kiel" not in text, path
    finally:
        a.close()
        b.close()
