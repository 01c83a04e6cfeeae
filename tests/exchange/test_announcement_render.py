"""The announcement's three renderers on plain data: the seed's shape, escaping, the status line."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, datetime
from html.parser import HTMLParser

import pytest
from export_samples import berlin

from odn_desktop.domain.deadlines import end_of_day
from odn_desktop.domain.seats import SeatStatus
from odn_desktop.exchange.announcement import (
    AnnouncedItem,
    AnnouncedRound,
    AnnouncedSpeaker,
    Announcement,
    Phase,
    announced_place,
    escape_markdown,
    meeting_phase,
    render_html,
    render_markdown,
    render_text,
)

HOSTILE = ('<script>alert("x")</script> & =HYPERLINK("https://evil.example","klick") '
           "*fett* _kursiv_ [Link](https://evil.example) `code` <img src=x onerror=alert(1)>")


def seed() -> Announcement:
    """The 2 December 2021 announcement as plain data."""
    return Announcement(
        title="Open-Data-Netzwerktreffen",
        starts_at=berlin(2021, 12, 2, 10),
        ends_at=berlin(2021, 12, 2, 11, 30),
        place="Online per Zoom",
        online=True,
        hosts=("Bertelsmann Stiftung", "Deutsches Institut für Urbanistik gGmbH (Difu)"),
        description="Zusammen mit der Bertelsmann Stiftung …\n\nZu Beginn der Veranstaltung …",
        speakers=(
            AnnouncedSpeaker("Claus Arndt", "Beigeordneter der Stadt Moers", "Stadt Moers"),
            AnnouncedSpeaker("Sabine Manz", "Open-Data-Koordinatorin im Amt für Statistik und Wahlen",
                             "Landeshauptstadt Düsseldorf"),
        ),
        agenda=(
            AnnouncedItem(berlin(2021, 12, 2, 10), berlin(2021, 12, 2, 10, 15), "Vernetzung"),
            AnnouncedItem(berlin(2021, 12, 2, 10, 15), berlin(2021, 12, 2, 10, 30), "Erfahrungen aus Moers",
                          "Claus Arndt"),
        ),
        deadline=end_of_day(date(2021, 12, 1)),
        seat_status=SeatStatus.AVAILABLE,
    )


def test_the_plain_text_has_the_seed_shape() -> None:
    assert render_text(seed()) == (
        "Open-Data-Netzwerktreffen\n\n"
        "Donnerstag, 2. Dezember 2021\n10:00 - 11:30 Uhr\nOnline per Zoom\n\n"
        "Veranstalter:\nBertelsmann Stiftung\nDeutsches Institut für Urbanistik gGmbH (Difu)\n\n"
        "Zusammen mit der Bertelsmann Stiftung …\n\nZu Beginn der Veranstaltung …\n\n"
        "Folgende Referent:innen sind bei unserem Termin am 2. Dezember 2021 mit dabei:\n\n"
        "  1. Claus Arndt, Beigeordneter der Stadt Moers\n"
        "  2. Sabine Manz, Open-Data-Koordinatorin im Amt für Statistik und Wahlen, Landeshauptstadt Düsseldorf\n\n"
        "Programm\n\n"
        "  10:00 - 10:15 Uhr  Vernetzung\n"
        "  10:15 - 10:30 Uhr  Erfahrungen aus Moers (Claus Arndt)\n\n"
        "Eine Anmeldung wird bis zum 1. Dezember 2021 erbeten.\n\n"
        "Den Zugangslink versenden wir kurz vor der Veranstaltung.\n\n"
        "Freie Plätze verfügbar\n"
    )


def test_a_deadline_at_noon_names_the_time_and_one_speaker_is_announced_alone() -> None:
    a = replace(seed(), deadline=berlin(2021, 12, 1, 12), speakers=seed().speakers[:1])
    text = render_text(a)
    assert "Eine Anmeldung wird bis zum 1. Dezember 2021, 12:00 Uhr erbeten." in text
    assert "Bei unserem Termin am 2. Dezember 2021 ist mit dabei:" in text


def test_a_meeting_over_midnight_names_both_days() -> None:
    a = replace(seed(), ends_at=berlin(2021, 12, 3, 1))
    assert a.date_line == "Donnerstag, 2. Dezember 2021, 10:00 Uhr – Freitag, 3. Dezember 2021, 01:00 Uhr"
    assert a.time_line == ""
    assert "Uhr\nOnline per Zoom" in render_text(a)


def test_in_person_meetings_get_no_access_link_sentence() -> None:
    a = replace(seed(), online=False, place=announced_place("in_person", "Rathaus Moers"))
    text = render_text(a)
    assert "Präsenz – Rathaus Moers" in text
    assert "Zugangslink" not in text


@pytest.mark.parametrize(("fmt", "venue", "expected"), [
    ("online", "Zoom", "Online per Zoom"),
    ("online", "Online per Zoom", "Online per Zoom"),
    ("online", "", "Online"),
    ("online", "  Webex  ", "Online per Webex"),
    ("in_person", "Rathaus Moers", "Präsenz – Rathaus Moers"),
    ("hybrid", "Difu Berlin und Zoom", "Hybrid – Difu Berlin und Zoom"),
    ("hybrid", "", "Hybrid"),
])
def test_the_place_phrase(fmt: str, venue: str, expected: str) -> None:
    assert announced_place(fmt, venue) == expected


# -- the status line --------------------------------------------------------------------------------------------

END = berlin(2021, 12, 2, 11, 30)
DEADLINE = berlin(2021, 12, 1, 23, 59)


@pytest.mark.parametrize(("status", "now", "late_allowed", "opens", "phase"), [
    ("open", berlin(2021, 11, 20), False, None, Phase.OPEN),
    ("draft", berlin(2021, 11, 20), False, None, Phase.OPEN),
    ("open", DEADLINE, False, None, Phase.OPEN),  # exactly at the deadline still counts
    ("open", berlin(2021, 12, 2, 9), False, None, Phase.CLOSED),  # deadline passed
    ("open", berlin(2021, 12, 2, 9), True, None, Phase.OPEN),  # the event accepts late registrations
    ("closed", berlin(2021, 11, 20), False, None, Phase.CLOSED),
    ("open", berlin(2021, 10, 20), False, berlin(2021, 11, 1), Phase.NOT_YET_OPEN),
    ("open", END, False, None, Phase.OVER),  # ended
    ("held", berlin(2021, 11, 20), False, None, Phase.OVER),
    ("cancelled", berlin(2022, 1, 1), False, None, Phase.CANCELLED),
])
def test_meeting_phase(status: str, now: datetime, late_allowed: bool, opens: datetime | None,
                       phase: Phase) -> None:
    assert meeting_phase(status, END, now, opens_at=opens, deadline=DEADLINE, late_allowed=late_allowed) is phase


@pytest.mark.parametrize(("phase", "seats", "line", "deadline_sentence", "link_sentence"), [
    (Phase.OPEN, SeatStatus.AVAILABLE, "Freie Plätze verfügbar", True, True),
    (Phase.OPEN, SeatStatus.FEW, "Nur noch wenige Plätze", True, True),
    (Phase.OPEN, SeatStatus.FULL, "Ausgebucht – Warteliste", True, True),
    (Phase.CLOSED, SeatStatus.AVAILABLE, "Die Anmeldung ist geschlossen.", False, True),
    (Phase.OVER, SeatStatus.AVAILABLE, "Die Veranstaltung hat bereits stattgefunden.", False, False),
    (Phase.CANCELLED, SeatStatus.FULL, "Die Veranstaltung ist abgesagt.", False, False),
])
def test_the_status_line(phase: Phase, seats: SeatStatus, line: str, deadline_sentence: bool,
                         link_sentence: bool) -> None:
    a = replace(seed(), phase=phase, seat_status=seats)
    for text in (render_text(a), render_markdown(a), render_html(a)):
        assert line in text
        assert ("Eine Anmeldung wird bis zum" in text) is deadline_sentence
        assert ("Den Zugangslink versenden wir" in text) is link_sentence
    others = {"Freie Plätze verfügbar", "Nur noch wenige Plätze", "Ausgebucht – Warteliste"} - {line}
    assert not any(o in render_text(a) for o in others)


def test_before_registration_opens_the_opening_day_is_named() -> None:
    a = replace(seed(), phase=Phase.NOT_YET_OPEN, opens_at=berlin(2021, 11, 1))
    assert "Die Anmeldung ist ab dem 1. November 2021 möglich." in render_text(a)
    a = replace(a, opens_at=berlin(2021, 11, 1, 9))
    assert "Die Anmeldung ist ab dem 1. November 2021, 09:00 Uhr möglich." in render_text(a)


# -- HTML --------------------------------------------------------------------------------------------------------


def hostile() -> Announcement:
    a = seed()
    return replace(
        a, title=HOSTILE, place=HOSTILE, hosts=(HOSTILE,), description=f"{HOSTILE}\n\n# {HOSTILE}",
        speakers=(AnnouncedSpeaker(HOSTILE, HOSTILE, HOSTILE, HOSTILE),),
        agenda=(replace(a.agenda[0], title=HOSTILE, speaker=HOSTILE),), rounds=(AnnouncedRound(HOSTILE, HOSTILE),),
    )


def test_html_is_well_formed_and_hostile_texts_stay_text() -> None:
    page = render_html(hostile(), document=True)
    root = ET.fromstring(page)  # well-formed XML, too: every element closed, only XML entities
    assert root.tag == "html"
    assert [e.tag for e in root.iter() if e.tag in ("script", "img", "a")] == []
    body = root.find("body")
    assert body is not None
    assert body.findtext("h1") == HOSTILE
    assert root.findtext("head/title") == HOSTILE
    assert "<script" not in page and "<img" not in page and "=HYPERLINK(&quot;" in page

    fragment = render_html(hostile())
    wrapped = ET.fromstring(f"<div>{fragment}</div>")
    assert wrapped.findtext("h1") == HOSTILE
    assert all(e.tag in {"div", "h1", "h2", "p", "br", "strong", "ol", "ul", "li"} for e in wrapped.iter())


class _StrictChecker(HTMLParser):
    """Every opened element is closed in order (void elements excepted)."""

    VOID = frozenset({"br", "meta"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in self.VOID

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_nests_properly_for_a_browser_parser() -> None:
    checker = _StrictChecker()
    checker.feed(render_html(hostile(), document=True))
    checker.close()
    assert checker.stack == []
    assert HOSTILE in "".join(checker.text)


# -- Markdown ----------------------------------------------------------------------------------------------------


def _unescaped_specials(md: str) -> list[str]:
    """Markdown specials not preceded by a backslash (our own markup removed first)."""
    return re.findall(r"(?<!\\)[*_`\[\]<>|~]", md)


def test_markdown_escapes_the_users_text() -> None:
    escaped = escape_markdown(HOSTILE)
    assert _unescaped_specials(escaped) == []
    assert escape_markdown("# Überschrift") == "\\# Überschrift"
    assert escape_markdown("1. Dezember") == "1\\. Dezember"
    assert escape_markdown("- Liste") == "\\- Liste"
    assert escape_markdown("Stadt & Land &amp; mehr") == "Stadt & Land \\&amp; mehr"
    md = render_markdown(hostile())
    own = md.replace("**", "").replace("# ", "").replace("## ", "")
    assert _unescaped_specials(own) == []
    assert "\n\\# " in md  # the description's "# …" is no heading


def test_markdown_has_headings_lists_and_bold_status() -> None:
    md = render_markdown(seed())
    assert md.startswith("# Open-Data-Netzwerktreffen\n\n**Donnerstag, 2. Dezember 2021**  \n**10:00 - 11:30 Uhr**")
    assert "\n1. Claus Arndt, Beigeordneter der Stadt Moers\n2. Sabine Manz" in md
    assert "## Programm\n\n- 10:00 - 10:15 Uhr: Vernetzung\n" in md
    assert md.endswith("**Freie Plätze verfügbar**\n")
