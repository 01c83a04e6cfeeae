"""The announcement of a stored meeting: the demo's 2 December 2021 meeting with every fact of the real
announcement, the live seat status, the access link withheld, and files written by their ending."""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services.agenda import add_agenda_item
from odn_desktop.services.announcement import (
    LINK_WITHHELD,
    build_announcement,
    export_announcement,
    format_for_path,
    render_announcement,
)
from odn_desktop.services.events import cancel_event, resolve_event, update_event
from odn_desktop.services.rounds import add_round
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database

#: a few weeks before the meeting: registration open, the seat status is that of the real announcement
BEFORE = datetime(2021, 11, 20, 12, tzinfo=BERLIN)
FORMATS = ("html", "markdown", "text")
LINK = "https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVu&uname=Netzwerk"

#: every fact of ../shared/seed/event-announcement.txt except the seat status (live)
SEED_FACTS = (
    "Open-Data-Netzwerktreffen",
    "Donnerstag, 2. Dezember 2021",
    "10:00 - 11:30 Uhr",
    "Online per Zoom",
    "Bertelsmann Stiftung",
    "Deutsches Institut für Urbanistik gGmbH (Difu)",
    "Folgende Referent:innen sind bei unserem Termin am 2. Dezember 2021 mit dabei:",
    "Claus Arndt, Beigeordneter der Stadt Moers",
    "Leiter der Stabsstelle für Digitalisierung",
    "Sabine Manz, Open-Data-Koordinatorin im Amt für Statistik und Wahlen, Landeshauptstadt Düsseldorf",
    "Eine Anmeldung wird bis zum 1. Dezember 2021 erbeten.",
    "Den Zugangslink versenden wir kurz vor der Veranstaltung.",
)


def _december(session: Any) -> uuid.UUID:
    return resolve_event(session, "2021-12-02").id


@pytest.fixture
def demo_db(demo_db: Database) -> Database:
    """The demo as it was when the December meeting was announced: not yet held (the demo keeps it as history)."""
    with transaction(demo_db.sessions) as s:
        update_event(s, resolve_event(s, "2021-12-02").id, status="open")
    return demo_db


def _render(db: Database, fmt: str = "text", now: datetime = BEFORE) -> str:
    with transaction(db.sessions) as s:
        return render_announcement(build_announcement(s, _december(s), now=now), fmt)


def test_the_demo_meeting_has_every_fact_of_the_real_announcement(demo_db: Database) -> None:
    text = _render(demo_db)
    for fact in SEED_FACTS:
        assert fact in text, fact
    assert "Difu" in text
    assert text.index("Donnerstag, 2. Dezember 2021") < text.index("10:00 - 11:30 Uhr") < text.index(
        "Online per Zoom") < text.index("Folgende Referent:innen") < text.index("Eine Anmeldung")
    assert "10:15 - 10:30 Uhr  Erfahrungen aus Moers (Claus Arndt)" in text  # the programme, times derived
    assert "10:45 - 11:30 Uhr  Fragen und Diskussion" in text
    assert text.rstrip().endswith("Freie Plätze verfügbar")  # 28 of 40 seats taken
    for fmt in ("html", "markdown"):
        other = _render(demo_db, fmt)
        for fact in ("Donnerstag, 2. Dezember 2021", "10:00 - 11:30 Uhr", "Online per Zoom", "Claus Arndt",
                     "Eine Anmeldung wird bis zum 1. Dezember 2021 erbeten.", "Freie Plätze verfügbar"):
            assert fact in other, (fmt, fact)


def test_the_seat_status_is_live(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        update_event(s, _december(s), capacity=30)  # 28 registered: 2 of 30 free, the last tenth
    assert _render(demo_db).rstrip().endswith("Nur noch wenige Plätze")
    with transaction(demo_db.sessions) as s:
        update_event(s, _december(s), capacity=28)
    assert _render(demo_db).rstrip().endswith("Ausgebucht – Warteliste")


def test_required_rounds_without_a_seat_make_the_meeting_full(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        event_id = _december(s)
        add_round(s, event_id, title="Einsteiger:innen", capacity=0, description="Erste Schritte")
        add_round(s, event_id, title="Fortgeschrittene", capacity=0)
    text = _render(demo_db)
    assert "Parallele Runden:\n\n  – Einsteiger:innen: Erste Schritte\n  – Fortgeschrittene" in text
    assert text.rstrip().endswith("Ausgebucht – Warteliste")
    with transaction(demo_db.sessions) as s:
        update_event(s, _december(s), rounds_optional=True)  # a seat without a round is still possible
    assert _render(demo_db).rstrip().endswith("Freie Plätze verfügbar")


def test_closed_past_and_cancelled_meetings_say_so(demo_db: Database) -> None:
    after_deadline = datetime(2021, 12, 2, 8, tzinfo=BERLIN)
    text = _render(demo_db, now=after_deadline)
    assert text.rstrip().endswith("Die Anmeldung ist geschlossen.")
    assert "Eine Anmeldung wird" not in text and "Den Zugangslink versenden wir" in text

    text = _render(demo_db, now=datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN))
    assert text.rstrip().endswith("Die Veranstaltung hat bereits stattgefunden.")
    assert "Freie Plätze" not in text and "Den Zugangslink versenden wir" not in text
    assert _render(demo_db, now=datetime.now(BERLIN)).rstrip().endswith("Die Veranstaltung hat bereits stattgefunden.")

    with transaction(demo_db.sessions) as s:
        update_event(s, _december(s), status="closed")
    assert _render(demo_db).rstrip().endswith("Die Anmeldung ist geschlossen.")
    with transaction(demo_db.sessions) as s:
        cancel_event(s, _december(s))
    assert _render(demo_db).rstrip().endswith("Die Veranstaltung ist abgesagt.")


def test_the_access_link_never_appears(demo_db: Database, tmp_path: Path) -> None:
    with transaction(demo_db.sessions) as s:
        event_id = _december(s)
        event = resolve_event(s, "2021-12-02")
        update_event(s, event_id, online_url=LINK,
                     description=event.description + f"\n\nZugang: {LINK}\nOhne Protokoll: {LINK[8:]}/",
                     venue=f"Zoom ({LINK.upper()})")
        add_agenda_item(s, event_id, title=f"Nachfragen unter {LINK}", duration_minutes=0)
    needles = ("81234567890", "QWxhZGRpbjpvcGVu", "zoom.us/j", "uname=Netzwerk")
    for fmt in FORMATS:
        text = _render(demo_db, fmt)
        assert not any(n.casefold() in text.casefold() for n in needles), fmt
        assert LINK_WITHHELD in text  # where it was pasted, a note stands instead
    for name in ("a.html", "a.md", "a.txt"):
        with transaction(demo_db.sessions) as s:
            export_announcement(s, _december(s), tmp_path / name, now=BEFORE)
        data = (tmp_path / name).read_text(encoding="utf-8")
        assert not any(n.casefold() in data.casefold() for n in needles), name
        assert "Den Zugangslink versenden wir kurz vor der Veranstaltung." in data


def test_files_by_their_ending_atomically(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "Website"
    folder.mkdir()
    target = folder / "Ankündigung Dezember.HTML"
    target.write_text("alt", encoding="utf-8")
    with transaction(demo_db.sessions) as s:
        result = export_announcement(s, _december(s), target, now=BEFORE)
    assert result.message == f"Ankündigung (HTML) gespeichert: {target}"
    page = target.read_text(encoding="utf-8")
    root = ET.fromstring(page)
    assert root.findtext("body/h1") == "Open-Data-Netzwerktreffen"
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left behind

    with transaction(demo_db.sessions) as s:
        export_announcement(s, _december(s), tmp_path / "a.md", now=BEFORE)
        export_announcement(s, _december(s), tmp_path / "a.htm", now=BEFORE)
        export_announcement(s, _december(s), tmp_path / "a.txt", now=BEFORE)
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# Open-Data-Netzwerktreffen\n")
    assert (tmp_path / "a.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("Open-Data-Netzwerktreffen\n\nDonnerstag")


@pytest.mark.parametrize("name", ["a.docx", "a", "a.html.bak"])
def test_an_unknown_ending_is_a_german_error(demo_db: Database, tmp_path: Path, name: str) -> None:
    expected = re.escape("Die Ankündigung kann als .html, .htm, .md, .txt gespeichert werden")
    with pytest.raises(UserError, match=expected):
        format_for_path(tmp_path / name)
    with transaction(demo_db.sessions) as s, pytest.raises(UserError, match="Endung"):
        export_announcement(s, _december(s), tmp_path / name)
    assert not (tmp_path / name).exists()


def test_a_hostile_title_stays_text_in_the_stored_meeting(demo_db: Database) -> None:
    title = '<script>alert(1)</script>=HYPERLINK("https://evil.example")'
    with transaction(demo_db.sessions) as s:
        update_event(s, _december(s), title=title)
    page = _render(demo_db, "html")
    assert ET.fromstring(page).findtext("body/h1") == title
    assert "<script" not in page
