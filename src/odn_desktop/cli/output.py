"""What a command says back: its text or JSON on stdout, notices beside it, and its exit status.

The one output helper of every command module (``say``, ``print_json``, ``notify``), so that all of them write
the same way: UTF-8 JSON whatever the console's code page, text in the console's encoding (a character it cannot
show is replaced, never a crash), and notices on stderr while stdout carries JSON.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EXIT_OK = 0
EXIT_BROKEN_INSTALLATION = 1
EXIT_USER_ERROR = 2


def print_json(data: Any) -> None:
    """UTF-8 regardless of the console's code page (Windows consoles default to cp1252/cp850)."""
    payload = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.buffer.write(payload.encode("utf-8"))
    sys.stdout.flush()


def say(text: str) -> None:
    """One line of text on stdout, in the console's encoding (characters it cannot show are replaced)."""
    sys.stdout.buffer.write((text + "\n").encode(sys.stdout.encoding or "utf-8", errors="replace"))
    sys.stdout.flush()


def notify(lines: Iterable[str | None], as_json: bool = False) -> None:
    """What the coordinator must know besides the result (who moved up, pools over their limit): on stdout, or on
    stderr when stdout carries JSON (so scripts can still parse it). Empty lines are skipped."""
    for line in lines:
        if not line:
            continue
        if as_json:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
        else:
            say(line)


def promoted_notice(session: Session, registration_ids: Iterable[uuid.UUID]) -> str | None:
    """„Von der Warteliste nachgerückt: …“ for the registrations that got a seat (``None`` for nobody), in the
    words of ``SeatChange.message`` (which reads only the promoted rows)."""
    from odn_desktop.services.registrations import SeatChange, get_registration, to_row

    rows = tuple(to_row(get_registration(session, i)) for i in dict.fromkeys(registration_ids))
    return SeatChange(registration=rows[0], promoted=rows).message() if rows else None


def over_limit_notices(pools: Iterable[Any]) -> list[str]:
    """One „Hinweis:“ line per pool left above its limit (``OverLimitPool``), e.g. after a capacity was lowered."""
    return [f"Hinweis: {pool.message()}" for pool in pools]
