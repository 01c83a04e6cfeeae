"""Entry point: ``odn-desktop`` (the window), ``odn-desktop COMMAND`` (headless) or ``odn-desktop --selftest``.

It stands above both front ends (the layers contract in ``pyproject.toml``): the CLI imports nothing of the window
and nothing of the self-test, which runs both.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main() -> None:
    sys.exit(run(sys.argv[1:]))


def run(argv: Sequence[str]) -> int:
    from .cli import CommandModuleError, build_parser, report_broken_installation, run_command

    try:
        parser = build_parser()
    except CommandModuleError as exc:
        if list(argv) == ["--selftest"]:  # still runs: its module check reports the same failure in its own line
            return _selftest()
        return report_broken_installation(exc)
    args = parser.parse_args(argv)
    if args.selftest:
        return _selftest()
    if args.command is None:
        from .ui.shell.app import run_gui

        return run_gui(db=args.db, demo=args.demo)
    return run_command(args)


def _selftest() -> int:
    from .selftest import main as selftest_main

    return selftest_main()


if __name__ == "__main__":
    main()
