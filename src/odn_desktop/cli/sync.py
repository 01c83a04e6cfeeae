"""``odn-desktop sync ...``: sync with the team's shared database, see what is pending, decide conflicts.

    sync --remote URL [--json]     # the first time; later ``sync [--json]`` uses the remembered address
    sync status [--json]
    sync resolve --conflict ID --keep local|remote

``URL`` is a SQLAlchemy URL (``postgresql://user:password@host/db``) or the path of an SQLite file on a share.
A password in it is moved into the OS keyring, never stored with the address; where there is no keyring, give it
in the address each time or set ``ODN_SYNC_PASSWORD``. Sync manages its own connections (a ``RAW_COMMANDS``
handler): it migrates the local file, then opens its own transactions.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from odn_desktop.domain.plurals import plural

from .output import EXIT_OK, print_json, say

if TYPE_CHECKING:
    from odn_desktop.paths import AppPaths
    from odn_desktop.sync.conflicts import Conflict


def _conflict_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine Konfliktnummer") from None


def add_commands(subparsers: Any) -> None:
    p = subparsers.add_parser("sync", help="mit der gemeinsamen Datenbank des Teams abgleichen")
    p.add_argument("--remote", metavar="URL",
                   help="Adresse der gemeinsamen Datenbank (postgresql://benutzer@rechner/datenbank oder Pfad "
                        "einer SQLite-Datei); wird gemerkt")
    p.add_argument("--json", action="store_true",
                   help="das Ergebnis als JSON ausgeben: pushed, pulled, conflicts, merged_contacts, seat_changes, "
                        "last_sync …")
    actions = p.add_subparsers(dest="sync_action", metavar="AKTION",
                               help="ohne Aktion: jetzt abgleichen (senden und empfangen)")
    status = actions.add_parser("status", help="letzter Abgleich, ungesendete Änderungen, offene Konflikte")
    status.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="als JSON ausgeben: last_sync, pending, conflicts")
    resolve = actions.add_parser("resolve", help="einen Konflikt entscheiden")
    resolve.add_argument("--conflict", required=True, type=_conflict_id, metavar="ID",
                         help="Nummer des Konflikts, wie „sync status“ sie zeigt (in eckigen Klammern)")
    resolve.add_argument("--keep", required=True, choices=("local", "remote"),
                         help="local: die eigene Fassung behalten; remote: die Fassung des Servers übernehmen")
    resolve.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                         help="als JSON ausgeben: der entschiedene Konflikt und overbooked (Plätze über der Grenze "
                              "danach)")


def _value(value: Any) -> str:
    if value is None:
        return "(leer)"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return f"„{value}“"


def _conflict_line(c: Conflict) -> str:
    if c.field == "deleted_at":
        mine, theirs = ("gelöscht" if c.local else "vorhanden"), ("gelöscht" if c.remote else "vorhanden")
    else:
        mine, theirs = _value(c.local), _value(c.remote)
    return f"  [{c.conflict_id}] {c.row_label} · {c.field_label}: eigene Fassung {mine} | Server {theirs}"


def _print_conflicts(say: Callable[[str], None], conflicts: list[Conflict]) -> None:
    if not conflicts:
        return
    say(f"{plural(len(conflicts), 'offener Konflikt', 'offene Konflikte')} – entscheiden mit "
        "'odn-desktop sync resolve --conflict ID --keep local|remote':")
    for c in conflicts:
        say(_conflict_line(c))


def _cmd_sync(args: argparse.Namespace, paths: AppPaths) -> int:
    from odn_desktop.domain.errors import UserError
    from odn_desktop.domain.timezone import format_german_datetime
    from odn_desktop.store.migrate import migrate
    from odn_desktop.sync import credentials, engine
    from odn_desktop.sync.server import display_url, parse_remote

    migrate(paths.database, backup_dir=paths.backup_dir)
    db = paths.database
    action = getattr(args, "sync_action", None)
    if action == "status":
        state = engine.status(db)
        if args.json:
            print_json({"last_sync": state.to_json()["last_sync"], "pending": state.pending,
                         "conflicts": [c.to_json() for c in state.conflicts]})
            return EXIT_OK
        when = format_german_datetime(state.last_sync) + " Uhr" if state.last_sync else "noch nie"
        say(f"Zuletzt synchronisiert: {when}")
        say(f"Server: {state.remote or '(noch keiner)'}")
        say(f"Ungesendete Änderungen: {state.pending}")
        _print_conflicts(say, state.conflicts)
        return EXIT_OK
    if action == "resolve":
        decision = engine.resolve(db, args.conflict, args.keep)
        if args.json:
            print_json(decision.to_json())
            return EXIT_OK
        conflict = decision.conflict
        how = ("eigene Fassung behalten; sie wird beim nächsten Abgleich gesendet" if args.keep == "local"
               else "Fassung des Servers übernommen")
        say(f"Konflikt {conflict.conflict_id} ({conflict.row_label} · {conflict.field_label}): {how}.")
        for pool in decision.overbooked:
            say(f"Überbucht nach der Entscheidung: {pool.message()}")
        return EXIT_OK

    remote = args.remote or engine.remembered_remote(db)
    if not remote:
        raise UserError("Bitte geben Sie beim ersten Abgleich die gemeinsame Datenbank an: "
                        "odn-desktop sync --remote URL")
    url = parse_remote(remote)
    password = url.password
    if password:
        note = credentials.store_password(url, str(password))
        if note:
            sys.stderr.write(f"Hinweis: {note}\n")
    else:
        password = credentials.find_password(url)
    result = engine.sync(db, display_url(url), password=None if password is None else str(password))
    if args.json:
        print_json(result.to_json())
        return EXIT_OK
    say(f"Abgleich abgeschlossen: {plural(result.pushed, 'Änderung', 'Änderungen')} gesendet, "
         f"{result.pulled} empfangen.")
    for merged in result.merged_contacts:
        say(f"Zusammengeführt: zwei Kontakte mit der E-Mail-Adresse {merged.email} sind jetzt einer.")
    if result.seat_changes:
        say("Geänderte Platzvergabe – bitte die Betroffenen informieren:")
        for change in result.seat_changes:
            say(f"  {change.message()}")
    for erased in result.erased_over_edits:
        say(erased.message())
    for pool in result.overbooked:
        say(f"Überbucht nach dem Abgleich: {pool.message()}")
    _print_conflicts(say, result.conflicts)
    return EXIT_OK


RAW_COMMANDS: dict[str, Callable[[argparse.Namespace, Any], int]] = {"sync": _cmd_sync}
