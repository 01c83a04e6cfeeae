"""Mail templates: German rules of address, placeholders filled safely, faulty templates refused."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.exchange.export_records import AgendaEntry, EventInfo, Participant
from odn_desktop.exchange.mail_templates import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    TEMPLATE_NAMES,
    MailTemplate,
    check_text,
    render,
    salutation_line,
    unknown_placeholders,
)

EVENT = EventInfo(
    id=uuid.uuid4(), title="Open-Data-Netzwerktreffen", starts_at=datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN),
    ends_at=datetime(2021, 12, 2, 11, 30, tzinfo=BERLIN), ics_uid="x@odn", venue="Zoom",
    online_url="https://zoom.example/j/123", hosts=("Difu", "Bertelsmann Stiftung"),
    agenda=(AgendaEntry(datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN), datetime(2021, 12, 2, 10, 15, tzinfo=BERLIN),
                        "Vernetzung"),),
)
ANNA = Participant(registration_id=uuid.uuid4(), last_name="Groß", first_name="Anna", email="anna.gross@kiel.example",
                   salutation="Frau", academic_title="Dr.", organisation="Stadt Kiel")


@pytest.mark.parametrize(
    ("salutation", "title", "first", "last", "expected"),
    [
        ("Frau", "Dr.", "Anna", "Groß", "Sehr geehrte Frau Dr. Groß"),
        ("Herr", "", "Jürgen", "Müller", "Sehr geehrter Herr Müller"),
        ("", "", "Kim", "Schäfer", "Guten Tag Kim Schäfer"),
        ("divers", "", "Kim", "Schäfer", "Guten Tag Kim Schäfer"),
        ("Mx.", "Dr.", "Kim", "Schäfer", "Guten Tag Dr. Kim Schäfer"),
        ("herr", "Prof. Dr.", "Claus", "Arndt", "Sehr geehrter Herr Prof. Dr. Arndt"),
        ("Fr.", "", "Sabine", " Manz ", "Sehr geehrte Frau Manz"),
        ("Frau", "", "Sabine", "", "Guten Tag Sabine"),  # "Sehr geehrte Frau" needs a last name
        ("", "", "", "", "Guten Tag"),
    ],
)
def test_german_salutation_rules(salutation: str, title: str, first: str, last: str, expected: str) -> None:
    assert salutation_line(salutation, title, first, last) == expected


def test_every_default_template_renders_completely() -> None:
    assert set(DEFAULT_TEMPLATES) == set(TEMPLATE_NAMES)
    for name in TEMPLATE_NAMES:
        mail = render(DEFAULT_TEMPLATES[name], EVENT, ANNA, sender_name="Koordination ODN")
        assert "$" not in mail.subject + mail.body, name
        assert "\n" not in mail.subject
        assert mail.body.startswith("Sehr geehrte Frau Dr. Groß,\n\n"), name
        assert mail.body.rstrip().endswith("Koordination ODN"), name
        assert "\n\n\n" not in mail.body


def test_access_link_template_carries_link_time_and_programme() -> None:
    mail = render(DEFAULT_TEMPLATES["access_link"], EVENT, ANNA, sender_name="K")
    assert mail.subject == "Zugangslink: Open-Data-Netzwerktreffen am 02.12.2021"
    assert "https://zoom.example/j/123" in mail.body
    assert "Donnerstag, 2. Dezember 2021, 10:00–11:30 Uhr" in mail.body
    assert "10:00 Uhr  Vernetzung" in mail.body
    assert DEFAULT_TEMPLATES["access_link"].attach_invitation


def test_waitlist_place_and_empty_programme_leave_no_gaps() -> None:
    waiting = Participant(registration_id=uuid.uuid4(), last_name="Kaya", first_name="Özlem", email="o@x.example",
                          salutation="Frau", status="waiting", waitlist_position=3)
    body = render(DEFAULT_TEMPLATES["waitlist"], EVENT, waiting, sender_name="K").body
    assert "(Platz 3)" in body
    no_agenda = EventInfo(id=EVENT.id, title="T", starts_at=EVENT.starts_at, ends_at=EVENT.ends_at, ics_uid="u",
                          online_url="https://x.example")
    body = render(DEFAULT_TEMPLATES["access_link"], no_agenda, ANNA, sender_name="K").body
    assert "\n\n\n" not in body and "Programm" not in body


def test_placeholders_are_only_names_never_code() -> None:
    template = MailTemplate("confirmation", "Preis: 5 $$", "$vorname.__class__ ${nachname}s")
    mail = render(template, EVENT, ANNA, sender_name="K")
    assert mail.subject == "Preis: 5 $"
    assert mail.body == "Anna.__class__ Großs\n"  # attribute syntax is plain text


def test_unknown_placeholder_and_stray_dollar_are_user_errors() -> None:
    assert unknown_placeholders("$anrede, $vornme und $zugangslink") == ["vornme"]
    with pytest.raises(UserError, match=r"Unbekannte Platzhalter \$vornme"):
        check_text("Hallo $vornme", "Text")
    with pytest.raises(UserError, match=r"„\$\$“"):
        check_text("Kosten: 5 $ pro Person", "Text")
    with pytest.raises(UserError, match="Betreff"):
        render(MailTemplate("thanks", "Danke $wer", "x"), EVENT, ANNA, sender_name="K")


def test_preview_keeps_unknown_placeholders_visible() -> None:
    mail = render(MailTemplate("thanks", "Hallo $vornme", "$anrede, 5 $ $nachname"), EVENT, ANNA, sender_name="K",
                  strict=False)
    assert mail.subject == "Hallo $vornme"
    assert mail.body == "Sehr geehrte Frau Dr. Groß, 5 $ Groß\n"


def test_every_placeholder_has_a_value() -> None:
    from odn_desktop.exchange.mail_templates import placeholder_values

    assert set(placeholder_values(EVENT, ANNA, sender_name="K")) == set(PLACEHOLDERS)
