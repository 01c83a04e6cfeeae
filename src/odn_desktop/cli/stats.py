"""``odn-desktop stats``: the hosts' figures of a series or of one meeting, as text or JSON.

    stats --series NAME [--json]
    stats --event E [--json]

``--json`` for a meeting prints one object with the integers ``registered, waiting, cancelled, late, attended,
no_show, organisations, municipalities, first_time, returning``, the fraction ``attendance_rate`` (0–1, rounded to
4 places), ``average_minutes`` (or null), ``federal_states`` (state → registered people) and ``rounds``; for a
series an object ``{series, title, hosts, events: [one such object per meeting], distinct_organisations,
distinct_municipalities, distinct_participants, returning_participants, federal_states}``. Every figure and its
definition comes from ``services.report_figures`` (the definitions are printed with ``--definitions``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .args import EVENT_HELP
from .output import EXIT_OK, print_json, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.report_figures import EventFigures


def add_commands(subparsers: Any) -> None:
    text = "Kennzahlen einer Veranstaltungsreihe oder eines Treffens (Anmeldungen, Teilnahme, Reichweite)"
    p = subparsers.add_parser("stats", help=text, description=text + ".")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--series", metavar="NAME",
                       help="die Veranstaltungsreihe: ihr Titel (ohne Groß-/Kleinschreibung), ein eindeutiger "
                            "Teil davon oder ihre Kennung")
    which.add_argument("--event", metavar="E", help=f"ein einzelnes Treffen: {EVENT_HELP}")
    p.add_argument("--json", action="store_true",
                   help="als JSON ausgeben (Felder: siehe „odn-desktop stats --help“ und die Dokumentation)")
    p.add_argument("--definitions", action="store_true",
                   help="zusätzlich die Begriffe erklären (was als teilgenommen, verspätet usw. zählt)")


def _percent(rate: float) -> str:
    return f"{rate * 100:.0f} %".replace(".", ",")


def _minutes(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} min"


def event_lines(f: EventFigures) -> list[str]:
    """The German text block of one meeting (also used for each meeting of a series)."""
    from odn_desktop.domain.timezone import format_german_datetime

    c = f.counts
    lines = [
        f"{f.title} – {format_german_datetime(f.starts_at)}",
        f"  angemeldet {c.registered}, Warteliste {c.waiting}, storniert {c.cancelled}, verspätet {c.late}",
        f"  teilgenommen {c.attended} ({_percent(c.attendance_rate)}), nicht erschienen {c.no_show}, "
        f"Minuten im Schnitt {_minutes(c.average_minutes)}",
        f"  Organisationen {f.organisations}, Kommunen {f.municipalities}, erstmals {f.first_time}, "
        f"wiederkehrend {f.returning}",
    ]
    if f.federal_states:
        lines.append("  Bundesländer: " + ", ".join(f"{state} {n}" for state, n in f.federal_states))
    for r in f.rounds:
        rc = r.counts
        lines.append(f"  Runde „{r.title}“: angemeldet {rc.registered}, Warteliste {rc.waiting}, "
                     f"teilgenommen {rc.attended}, nicht erschienen {rc.no_show}")
    return lines


def _cmd_stats(session: Session, args: argparse.Namespace) -> int:
    from odn_desktop.services import report_figures
    from odn_desktop.services.events import resolve_event

    if args.event is not None:
        figures = report_figures.event_figures(session, resolve_event(session, args.event).id)
        if args.json:
            print_json(figures.as_json())
            return EXIT_OK
        lines = event_lines(figures)
    else:
        series = report_figures.resolve_series(session, args.series)
        whole = report_figures.series_figures(session, series.id, curve_meetings=0)
        if args.json:
            print_json(whole.as_json())
            return EXIT_OK
        lines = [f"{whole.title}: {len(whole.events)} Treffen"]
        if whole.hosts:
            lines.append("Veranstaltet von " + " und ".join(whole.hosts))
        lines.append(f"Erreicht: {whole.distinct_participants} Personen, {whole.distinct_organisations} "
                     f"Organisationen, {whole.distinct_municipalities} Kommunen; wiederkehrend "
                     f"{whole.returning_participants}")
        for meeting in whole.events:
            lines.append("")
            lines.extend(event_lines(meeting))
    if args.definitions:
        lines.append("")
        lines.append("Begriffe:")
        lines.extend(f"  {term}: {text}" for term, text in report_figures.DEFINITIONS)
    for line in lines:
        say(line)
    return EXIT_OK


COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {"stats": _cmd_stats}
