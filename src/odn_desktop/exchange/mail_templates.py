"""German mail templates for registrants, with placeholders and the German rules of address.

A template is a subject and a body with ``$platzhalter`` (Python's ``string.Template``: no code runs, only
names from ``PLACEHOLDERS`` are replaced; ``$$`` writes a dollar sign). The coordinator edits the wording in
the program; ``DEFAULT_TEMPLATES`` is the built-in text used until then.

The salutation follows German business-letter convention: "Sehr geehrte Frau Dr. Groß", "Sehr geehrter Herr
Müller" (academic title before the last name, no first name), and a neutral "Guten Tag Kim Schäfer" with the
full name whenever the stored salutation is empty or not Frau/Herr (e.g. "divers", "Mx.").

One message to everyone at once (the recipients in BCC) is allowed only for ``BCC_TEMPLATES``, whose text is
the same for everyone: it is rendered with the neutral salutation "Guten Tag" (``render_neutral``) and refuses
the placeholders that differ per person or must not be shared (``PERSONAL_PLACEHOLDERS``: names, address,
organisation, waiting place, round, the access link). The other templates carry personal content
(``BCC_REFUSALS`` says which) and always go to each person on their own.
"""

from __future__ import annotations

import re
import string
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from odn_desktop.domain.errors import UserError

from .export_records import EventInfo, Participant
from .german_dates import clock, event_span, long_date, short_date

TEMPLATE_NAMES = ("confirmation", "waitlist", "promoted", "access_link", "reminder", "cancellation", "thanks",
                  "certificate")
TEMPLATE_LABELS = {
    "confirmation": "Anmeldebestätigung",
    "waitlist": "Wartelisten-Hinweis",
    "promoted": "Nachgerückt von der Warteliste",
    "access_link": "Zugangslink mit Einladung",
    "reminder": "Erinnerung",
    "cancellation": "Absage der Veranstaltung",
    "thanks": "Dank nach der Veranstaltung",
    "certificate": "Teilnahmebescheinigung",
}

#: every placeholder with what it stands for (shown in the template editor)
PLACEHOLDERS: dict[str, str] = {
    "anrede": "Anrede, z. B. „Sehr geehrte Frau Dr. Groß“ oder „Guten Tag Kim Schäfer“",
    "vorname": "Vorname",
    "nachname": "Nachname",
    "name": "Titel, Vor- und Nachname",
    "email": "E-Mail-Adresse der Person",
    "organisation": "Organisation/Kommune der Person",
    "veranstaltung": "Titel der Veranstaltung",
    "reihe": "Veranstaltungsreihe",
    "datum": "Datum, z. B. „Donnerstag, 2. Dezember 2021“",
    "datum_kurz": "Datum kurz, z. B. „02.12.2021“",
    "uhrzeit": "Uhrzeit, z. B. „10:00–11:30 Uhr“",
    "termin": "Datum und Uhrzeit",
    "ort": "Format und Ort, z. B. „Online per Zoom“",
    "zugangslink": "der persönliche Zugangslink",
    "programm": "Programm mit Uhrzeiten",
    "referenten": "Referent:innen mit Organisation",
    "wartelistenplatz": "Platz auf der Warteliste",
    "runde": "gewählte Runde (falls es parallele Runden gibt)",
    "veranstalter": "veranstaltende Organisationen",
    "absender": "Name der Koordination (Absender)",
}

#: placeholders whose value differs per person or must not be shared: never in a message to everyone in BCC
PERSONAL_PLACEHOLDERS = ("vorname", "nachname", "name", "email", "organisation", "zugangslink", "wartelistenplatz",
                         "runde")
#: the templates that may go to everyone at once, in BCC (nothing personal in them)
BCC_TEMPLATES = ("reminder", "thanks", "cancellation")
#: why the others go to each person on their own
BCC_REFUSALS = {
    "confirmation": "sie bestätigt die persönliche Anmeldung",
    "waitlist": "sie nennt den persönlichen Platz auf der Warteliste",
    "promoted": "sie teilt der Person persönlich mit, dass sie nachgerückt ist",
    "access_link": "sie enthält den Zugangslink und eine persönliche Kalendereinladung",
    "certificate": "sie trägt die persönliche Teilnahmebescheinigung im Anhang",
}
#: the salutation of a message to everyone ("$anrede," becomes "Guten Tag,")
NEUTRAL_SALUTATION = "Guten Tag"

_FEMALE = frozenset({"frau", "fr", "ms", "mrs"})
_MALE = frozenset({"herr", "hr", "mr"})


@dataclass(frozen=True)
class MailTemplate:
    name: str
    subject: str
    body: str
    #: attach the personal calendar invitation (``METHOD:REQUEST``; ``CANCEL`` for a cancelled event)
    attach_invitation: bool = False
    #: attach the person's certificate of attendance (a PDF the caller provides; see ``services.mailing``)
    attach_certificate: bool = False

    @property
    def label(self) -> str:
        return TEMPLATE_LABELS.get(self.name, self.name)

    def with_text(self, subject: str, body: str) -> MailTemplate:
        return MailTemplate(self.name, subject, body, self.attach_invitation, self.attach_certificate)


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    body: str


_GREETING = "\n\nMit freundlichen Grüßen\n$absender\n"

DEFAULT_TEMPLATES: dict[str, MailTemplate] = {
    "confirmation": MailTemplate(
        "confirmation",
        "Anmeldebestätigung: $veranstaltung am $datum_kurz",
        "$anrede,\n\n"
        "vielen Dank für Ihre Anmeldung zur Veranstaltung „$veranstaltung“ am $datum, $uhrzeit ($ort). "
        "Hiermit bestätigen wir Ihre Teilnahme.\n\n"
        "Den Zugangslink und eine Kalendereinladung senden wir Ihnen kurz vor der Veranstaltung.\n\n"
        "Falls Sie doch nicht teilnehmen können, geben Sie uns bitte kurz Bescheid, damit wir Ihren Platz "
        "weitergeben können." + _GREETING,
    ),
    "waitlist": MailTemplate(
        "waitlist",
        "Warteliste: $veranstaltung am $datum_kurz",
        "$anrede,\n\n"
        "vielen Dank für Ihr Interesse an der Veranstaltung „$veranstaltung“ am $datum, $uhrzeit. "
        "Leider sind derzeit alle Plätze vergeben. Wir haben Sie auf die Warteliste gesetzt "
        "(Platz $wartelistenplatz).\n\n"
        "Sobald ein Platz frei wird, rücken Sie in der Reihenfolge der Warteliste nach; wir informieren Sie dann "
        "umgehend." + _GREETING,
    ),
    "promoted": MailTemplate(
        "promoted",
        "Platz frei geworden: $veranstaltung am $datum_kurz",
        "$anrede,\n\n"
        "für die Veranstaltung „$veranstaltung“ am $datum, $uhrzeit ist ein Platz frei geworden, und Sie sind "
        "von der Warteliste nachgerückt. Ihre Anmeldung ist damit bestätigt.\n\n"
        "Den Zugangslink senden wir Ihnen kurz vor der Veranstaltung. Falls Sie inzwischen verhindert sind, "
        "sagen Sie bitte kurz ab, damit wir den Platz weitergeben können." + _GREETING,
    ),
    "access_link": MailTemplate(
        "access_link",
        "Zugangslink: $veranstaltung am $datum_kurz",
        "$anrede,\n\n"
        "wir freuen uns, Sie bei der Veranstaltung „$veranstaltung“ begrüßen zu dürfen.\n\n"
        "Termin: $termin\n"
        "Ort: $ort\n"
        "Ihr Zugangslink: $zugangslink\n\n"
        "$programm\n\n"
        "Im Anhang finden Sie eine Kalendereinladung für Ihren Kalender. Bitte geben Sie den Zugangslink nicht "
        "weiter." + _GREETING,
        attach_invitation=True,
    ),
    "reminder": MailTemplate(
        "reminder",
        "Erinnerung: $veranstaltung am $datum_kurz",
        "$anrede,\n\n"
        "wir möchten Sie an die Veranstaltung „$veranstaltung“ erinnern:\n\n"
        "Termin: $termin\n"
        "Ort: $ort\n\n"
        "Falls Sie nicht teilnehmen können, sagen Sie bitte kurz ab, damit Personen von der Warteliste "
        "nachrücken können." + _GREETING,
    ),
    "cancellation": MailTemplate(
        "cancellation",
        "Absage: $veranstaltung am $datum_kurz",
        "$anrede,\n\n"
        "leider müssen wir die Veranstaltung „$veranstaltung“ am $datum, $uhrzeit absagen. "
        "Wir bitten Sie um Verständnis.\n\n"
        "Über einen neuen Termin informieren wir Sie rechtzeitig." + _GREETING,
        attach_invitation=True,
    ),
    "thanks": MailTemplate(
        "thanks",
        "Vielen Dank für Ihre Teilnahme: $veranstaltung",
        "$anrede,\n\n"
        "herzlichen Dank für Ihre Teilnahme an der Veranstaltung „$veranstaltung“ am $datum. Wir hoffen, "
        "der Austausch hat Ihnen Anregungen für Ihre Arbeit gegeben.\n\n"
        "Über Wünsche für die Themen der nächsten Treffen freuen wir uns." + _GREETING,
    ),
    "certificate": MailTemplate(
        "certificate",
        "Ihre Teilnahmebescheinigung: $veranstaltung am $datum_kurz",
        "$anrede,\n\n"
        "vielen Dank für Ihre Teilnahme an der Veranstaltung „$veranstaltung“ am $datum ($ort).\n\n"
        "Im Anhang erhalten Sie Ihre persönliche Teilnahmebescheinigung als PDF-Datei. Sie nennt die Veranstaltung "
        "mit Datum, Uhrzeit und Programm und trägt eine Bescheinigungsnummer, mit der wir sie auf Nachfrage "
        "bestätigen können.\n\n"
        "Wir freuen uns, Sie bei einem der nächsten Treffen wiederzusehen." + _GREETING,
        attach_certificate=True,
    ),
}


def default_template(name: str) -> MailTemplate:
    try:
        return DEFAULT_TEMPLATES[name]
    except KeyError:
        known = ", ".join(TEMPLATE_NAMES)
        raise UserError(f"Unbekannte Vorlage „{name}“. Vorhanden sind: {known}.") from None


# -- address -----------------------------------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(text.split())


def salutation_line(salutation: str, academic_title: str, first_name: str, last_name: str) -> str:
    """``Sehr geehrte Frau Dr. Groß`` / ``Sehr geehrter Herr Müller`` / ``Guten Tag Kim Schäfer``.

    Frau/Herr need a last name; without one (or with any other salutation) the neutral form with the full
    name is used, and a bare ``Guten Tag`` when there is no name at all.
    """
    kind = _words(salutation).casefold().rstrip(".")
    title, first, last = _words(academic_title), _words(first_name), _words(last_name)
    formal_name = " ".join(p for p in (title, last) if p)
    if last and kind in _FEMALE:
        return f"Sehr geehrte Frau {formal_name}"
    if last and kind in _MALE:
        return f"Sehr geehrter Herr {formal_name}"
    name = " ".join(p for p in (title, first, last) if p)
    return f"Guten Tag {name}" if name else "Guten Tag"


# -- placeholders ------------------------------------------------------------------------------------------


def _time_span(event: EventInfo) -> str:
    return f"{clock(event.starts_at)}–{clock(event.ends_at)} Uhr"


def _programme(event: EventInfo) -> str:
    if not event.agenda:
        return ""
    lines = ["Programm:"]
    for item in event.agenda:
        text = f"{clock(item.starts_at)} Uhr  {item.title or item.kind_label}"
        if item.speaker:
            text += f" ({item.speaker})"
        lines.append(text)
    lines.append(f"{clock(event.ends_at)} Uhr  Ende")
    return "\n".join(lines)


def _speakers(event: EventInfo) -> str:
    return "\n".join(
        f"– {sp.name}" + (f", {sp.organisation}" if sp.organisation else "") for sp in event.speakers
    )


def _join_hosts(hosts: tuple[str, ...]) -> str:
    if len(hosts) <= 1:
        return "".join(hosts)
    return ", ".join(hosts[:-1]) + " und " + hosts[-1]


def placeholder_values(event: EventInfo, person: Participant, *, sender_name: str) -> dict[str, str]:
    """The value of every placeholder for one person and event."""
    return {
        "anrede": salutation_line(person.salutation, person.academic_title, person.first_name, person.last_name),
        "vorname": _words(person.first_name),
        "nachname": _words(person.last_name),
        "name": _words(person.display_name),
        "email": person.email.strip(),
        "organisation": _words(person.organisation),
        "veranstaltung": event.title,
        "reihe": event.series,
        "datum": long_date(event.starts_at),
        "datum_kurz": short_date(event.starts_at),
        "uhrzeit": _time_span(event),
        "termin": event_span(event.starts_at, event.ends_at),
        "ort": event.place,
        "zugangslink": event.online_url.strip(),
        "programm": _programme(event),
        "referenten": _speakers(event),
        "wartelistenplatz": "" if person.waitlist_position is None else str(person.waitlist_position),
        "runde": person.round,
        "veranstalter": _join_hosts(event.hosts),
        "absender": sender_name,
    }


def unknown_placeholders(text: str) -> list[str]:
    """Names used with ``$`` that are no placeholder (typos the editor points out), in order of appearance."""
    found = string.Template(text).get_identifiers()
    return [name for name in found if name not in PLACEHOLDERS]


def check_text(text: str, where: str) -> None:
    """``UserError`` for an unknown placeholder or a stray ``$`` (``where``: "Betreff" or "Text")."""
    template = string.Template(text)
    if not template.is_valid():
        raise UserError(f"{where}: Ein „$“ steht ohne Platzhalternamen. Für ein Dollarzeichen bitte „$$“ schreiben.")
    unknown = unknown_placeholders(text)
    if unknown:
        names = ", ".join(f"${n}" for n in unknown)
        raise UserError(f"{where}: Unbekannte Platzhalter {names}. Erlaubt sind: "
                        + ", ".join(f"${n}" for n in PLACEHOLDERS) + ".")


_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """An empty placeholder on a line of its own leaves no gap of several blank lines."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def render_text(text: str, values: Mapping[str, str], *, strict: bool = True) -> str:
    """Fill in the placeholders; ``strict=False`` (the live preview) leaves unknown ones as they are."""
    template = string.Template(text)
    if strict:
        return template.substitute(values)
    return template.safe_substitute(values)


def render(template: MailTemplate, event: EventInfo, person: Participant, *, sender_name: str,
           strict: bool = True) -> RenderedMail:
    """Subject (one line) and body of ``template`` for ``person``. Strict: ``UserError`` for a faulty template."""
    if strict:
        check_text(template.subject, "Betreff")
        check_text(template.body, "Text")
    values = placeholder_values(event, person, sender_name=sender_name)
    subject = _words(render_text(template.subject, values, strict=strict))
    body = _tidy(render_text(template.body, values, strict=strict))
    return RenderedMail(subject=subject, body=body)


# -- one message to everyone (BCC) ---------------------------------------------------------------------------


def bcc_refusal(name: str) -> str:
    """Why ``name`` cannot go to everyone in BCC ("" when it can), as a German sentence."""
    if name in BCC_TEMPLATES:
        return ""
    label = TEMPLATE_LABELS.get(name, name)
    why = BCC_REFUSALS.get(name, "sie ist persönlich")
    allowed = ", ".join(f"„{TEMPLATE_LABELS[n]}“" for n in BCC_TEMPLATES)
    return (f"„{label}“ geht an jede Person einzeln: {why}. Eine Nachricht an alle in BCC gibt es nur für "
            f"{allowed}.")


def personal_placeholders(template: MailTemplate) -> list[str]:
    """The personal placeholders in subject and body, in order of appearance (each once)."""
    found = string.Template(template.subject).get_identifiers() + string.Template(template.body).get_identifiers()
    return list(dict.fromkeys(name for name in found if name in PERSONAL_PLACEHOLDERS))


def check_neutral(template: MailTemplate) -> None:
    """``UserError`` when ``template`` cannot go to everyone in BCC: a personal template or placeholder."""
    refusal = bcc_refusal(template.name)
    if refusal:
        raise UserError(refusal)
    personal = personal_placeholders(template)
    if personal:
        names = ", ".join(f"${n}" for n in personal)
        raise UserError(f"Eine Nachricht an alle in BCC darf nichts Persönliches enthalten. Bitte die Platzhalter "
                        f"{names} aus der Vorlage „{template.label}“ entfernen oder jeder Person einzeln schreiben.")


#: the person a message to everyone is rendered for: no name, so "$anrede" is the neutral "Guten Tag"
NOBODY = Participant(registration_id=uuid.UUID(int=0), last_name="", first_name="")


def render_neutral(template: MailTemplate, event: EventInfo, *, sender_name: str,
                   strict: bool = True) -> RenderedMail:
    """``template`` for everyone at once: "Guten Tag," and no personal placeholder (strict: ``UserError``;
    otherwise, for the live preview, they stay visible as they are)."""
    if strict:
        check_neutral(template)
    values = {k: v for k, v in placeholder_values(event, NOBODY, sender_name=sender_name).items()
              if k not in PERSONAL_PLACEHOLDERS}
    if strict:
        check_text(template.subject, "Betreff")
        check_text(template.body, "Text")
    subject = _words(render_text(template.subject, values, strict=False))
    body = _tidy(render_text(template.body, values, strict=False))
    return RenderedMail(subject=subject, body=body)
