"""Argument types and help texts shared by the CLI's command modules (one place instead of a copy per module)."""

from __future__ import annotations

import argparse

EVENT_HELP = "Kennung der Veranstaltung oder ihr Datum JJJJ-MM-TT"


def int_arg(text: str) -> int:
    """An argparse type: a whole number, with a German message otherwise."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine ganze Zahl") from None


def non_negative_int(text: str) -> int:
    """An argparse type: a whole number of at least 0, with a German message otherwise."""
    value = int_arg(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' ist negativ")
    return value
