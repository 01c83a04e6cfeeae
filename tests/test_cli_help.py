"""Every command, subcommand, argument and option of ``odn-desktop`` explains itself in German in ``--help``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from odn_desktop.cli import build_parser

#: argparse's own English help of ``-h`` (our parsers replace it with a German one)
ARGPARSE_HELP = "show this help message and exit"


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, argparse.Action]]:
    """(command path, action) for every action of the parser and of every subcommand's parser, the subcommands'
    entries in their parent's list included."""
    for action in parser._actions:
        yield " ".join(path) or "odn-desktop", action
        if isinstance(action, argparse._SubParsersAction):
            for entry in action._choices_actions:
                yield " ".join((*path, entry.dest)), entry
            for name, sub in action.choices.items():
                yield from _walk(sub, (*path, name))


def _commands(parser: argparse.ArgumentParser,
              path: tuple[str, ...] = ()) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield " ".join((*path, name)), sub
                yield from _commands(sub, (*path, name))


def _name(action: argparse.Action) -> str:
    return "/".join(action.option_strings) or str(action.metavar or action.dest)


def test_every_command_and_option_has_a_help_text() -> None:
    missing = [f"{where}: {_name(action)}" for where, action in _walk(build_parser())
               if not action.help or action.help == argparse.SUPPRESS or not str(action.help).strip()]
    assert not missing, "without a help text:\n" + "\n".join(missing)


def test_no_help_text_is_argparses_english_one() -> None:
    english = [where for where, action in _walk(build_parser()) if action.help == ARGPARSE_HELP]
    assert not english, english


def test_each_command_has_a_one_line_help_and_a_description() -> None:
    parser = build_parser()
    multi_line = [f"{where}: {_name(a)}" for where, a in _walk(parser)
                  if isinstance(a.help, str) and "\n" in a.help]
    undescribed = [where for where, sub in _commands(parser) if not sub.description]
    assert not multi_line and not undescribed, (multi_line, undescribed)


def test_the_walk_finds_an_option_without_help() -> None:
    """The check can fail: an option added without ``help=`` is found, with its command."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub.choices["stats"].add_argument("--unexplained", action="store_true")
    found = [f"{where}: {_name(a)}" for where, a in _walk(parser) if not a.help]
    assert found == ["stats: --unexplained"]


@pytest.mark.parametrize("argv", [["--help"], ["events", "--help"], ["export", "pdf", "--help"]])
def test_help_is_printed_in_german(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(argv)
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert "diese Hilfe anzeigen und beenden" in out
    assert ARGPARSE_HELP not in out
