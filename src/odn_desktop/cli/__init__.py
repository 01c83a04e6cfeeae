"""Headless commands over the same services the GUI uses: the contract other tools and scripts build on.

Nothing here imports Qt (the PDFs are drawn by ``ui.pdf``, Qt's GUI module only, the CLI's one door into ``ui``).
A ``UserError`` – and a storage fault (disk full, database locked or damaged, read-only file; ``store.faults``) –
prints its German message to stderr, without a traceback, and exits with status 2; every command runs in one
transaction, so a failing command changes nothing.

The package: this module builds the parser and runs one command; ``output`` is the one output helper (``say``,
``print_json``, ``notify``, the exit statuses); ``args`` holds the argument types and help texts the groups share;
every command group is a module of its own (``COMMAND_MODULES``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from odn_desktop import __version__
from odn_desktop.domain.errors import UserError
from odn_desktop.paths import resolve_paths

from .output import EXIT_BROKEN_INSTALLATION, EXIT_OK, EXIT_USER_ERROR

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["COMMAND_MODULES", "EXIT_BROKEN_INSTALLATION", "EXIT_OK", "EXIT_USER_ERROR", "CommandModuleError",
           "GermanArgumentParser", "build_parser", "main", "report_broken_installation", "run_command"]

#: The command groups, each a module (named relative to ``odn_desktop``) with ``add_commands(subparsers)`` and
#: ``COMMANDS: dict[name, handler(session, args) -> int]`` (run in one transaction on the migrated local
#: database) and/or ``RAW_COMMANDS: dict[name, handler(args, paths) -> int]`` (manage their own database access,
#: e.g. sync). Raise ``UserError`` for user mistakes (exit 2). They are loaded by name (``--selftest`` and the
#: frozen build's hidden imports read this list) and must import nothing heavy at module level
#: (``odn-desktop --version`` stays fast). The order is the order of ``odn-desktop --help``.
COMMAND_MODULES = ("cli.demo", "cli.events", "cli.registrations", "cli.speakers", "cli.export", "cli.imports",
                   "cli.sync", "cli.mail", "cli.privacy", "cli.rounds", "cli.wishes", "cli.stats",
                   "cli.certificates")

COMMANDS: dict[str, Callable[[Session, argparse.Namespace], int]] = {}
RAW_COMMANDS: dict[str, Callable[[argparse.Namespace, Any], int]] = {}


class GermanArgumentParser(argparse.ArgumentParser):
    """argparse exits with status 2 on bad usage, like our user errors; the message is prefixed in German, and
    ``-h``/``--help`` explains itself in German (argparse's own headings such as "options" stay)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="diese Hilfe anzeigen und beenden")

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"Fehler: ungültiger Aufruf: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(prog="odn-desktop", description="odn-desktop – Netzwerktreffen koordinieren")
    parser.add_argument("--db", metavar="PATH", help="Datenbankdatei (Standard: ODN_DB oder der Datenordner)")
    parser.add_argument("--version", action="version", version=f"odn-desktop {__version__}",
                        help="die Versionsnummer anzeigen und beenden")
    parser.add_argument("--demo", action="store_true",
                        help="das Programm mit der Demo-Datenbank öffnen (wird beim ersten Mal angelegt)")
    parser.add_argument("--selftest", action="store_true",
                        help="prüfen, ob die Installation funktioniert (in einem temporären Ordner; "
                             "Exit-Status 0, wenn alles in Ordnung ist)")
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL",
                                help="ohne Befehl öffnet sich das Programmfenster; Hilfe zu einem Befehl: "
                                     "odn-desktop BEFEHL --help")
    for module in _command_modules():
        module.add_commands(sub)
        COMMANDS.update(getattr(module, "COMMANDS", {}))
        RAW_COMMANDS.update(getattr(module, "RAW_COMMANDS", {}))
    _describe(parser)
    return parser


def _describe(parser: argparse.ArgumentParser) -> None:
    """A command without a description of its own shows its one-line help at the top of its ``--help``."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for name, sub in action.choices.items():
            if sub.description is None and helps.get(name):
                text = str(helps[name])
                sub.description = text[:1].upper() + text[1:] + ("" if text.endswith((".", "“")) else ".")
            _describe(sub)


class CommandModuleError(Exception):
    """A command module could not be imported: a broken installation, never a command group quietly missing."""

    def __init__(self, name: str, cause: ImportError) -> None:
        super().__init__(f"odn_desktop.{name}: {type(cause).__name__}: {cause}")
        self.name = name
        self.cause = cause

    @property
    def message(self) -> str:
        return (f"Die Installation ist unvollständig: das Befehlsmodul odn_desktop.{self.name} lässt sich nicht "
                f"laden ({type(self.cause).__name__}: {self.cause}). Bitte odn-desktop neu installieren.")


def _command_modules() -> list[Any]:
    import importlib

    modules = []
    for name in COMMAND_MODULES:
        try:
            modules.append(importlib.import_module(f"odn_desktop.{name}"))
        except ImportError as exc:  # also a module missing from a frozen build: say so, do not drop its commands
            raise CommandModuleError(name, exc) from exc
    return modules


def run_command(args: argparse.Namespace) -> int:
    """Open (and migrate) the database, run one command in one transaction."""
    from odn_desktop.store.database import transaction
    from odn_desktop.store.open import open_database

    paths = resolve_paths(args.db)
    try:
        if args.command in RAW_COMMANDS:
            return RAW_COMMANDS[args.command](args, paths)
        db = open_database(paths.database, backup_dir=paths.backup_dir)
        try:
            with transaction(db.sessions) as session:
                return COMMANDS[args.command](session, args)
        finally:
            db.close()
    except Exception as exc:
        message = _user_message(exc)
        if message is None:
            raise  # a bug: its traceback (SQL parameters are hidden by the engine, store.database)
        sys.stderr.write(f"Fehler: {message}\n")
        return EXIT_USER_ERROR


def _user_message(exc: BaseException) -> str | None:
    """The German message for a user error or a storage fault (disk full, database locked or damaged, read-only
    file: ``store.faults``, which imports no database layer); None for anything else."""
    if isinstance(exc, UserError):
        return exc.message
    from odn_desktop.store.faults import classify

    fault = classify(exc)
    return fault.message if fault is not None else None


def main(argv: Sequence[str] | None = None) -> int:
    """One headless command (``odn-desktop COMMAND``). The window and ``--selftest`` start in ``__main__``, which
    stands above both front ends: the CLI imports nothing of the window."""
    try:
        parser = build_parser()
    except CommandModuleError as exc:
        return report_broken_installation(exc)
    args = parser.parse_args(argv)
    if args.selftest or args.command is None:
        parser.error("kein Befehl angegeben (das Programmfenster und --selftest startet odn-desktop selbst)")
    return run_command(args)


def report_broken_installation(exc: CommandModuleError) -> int:
    """A command module failed to import: say which and why (with the traceback), exit 1.

    Without a console (the windowed build has no stderr) the exception propagates, so the frozen build's start-up
    shows it.
    """
    if sys.stderr is None:
        raise exc
    import traceback

    traceback.print_exception(exc.cause, file=sys.stderr)
    sys.stderr.write(f"Fehler: {exc.message}\n")
    return EXIT_BROKEN_INSTALLATION
