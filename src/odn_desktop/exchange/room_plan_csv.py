"""The Zoom breakout-room pre-assignment file: ``Pre-assign Room Name,Email Address``, one row per person.

The format is Zoom's own template (web portal → meeting → "Breakout Room pre-assign" → "Import from CSV" →
"download"): comma-separated, exactly that header, the room name in the first column and the participant's
Zoom e-mail address in the second; people with the same room name share a room. The file is written as UTF-8
*without* a byte-order mark (a BOM would become part of the first header name, which Zoom compares literally)
with CRLF line ends, as Excel's "CSV (comma delimited)" writes it. Zoom takes at most 100 pre-assigned rooms.

Cells that a spreadsheet would run as a formula (``exchange.safe_cells``): the coordinator may open this file in
Excel before uploading it. The usual guard, a leading apostrophe, would change what Zoom reads, so instead:

* a room name is ours ("Raum 3") or a round's title, which must reach Zoom unchanged: a title that looks like a
  formula (starts with ``=``, ``+``, ``-``, ``@``) is refused with a German message asking to rename the round;
* an e-mail address may legally start with ``=``, ``+`` or ``-`` (``=cmd|'/C calc'!A0@example.org`` passes the
  address check), and Zoom must get it unchanged to recognise the person: such a person is left out of the file
  and named in ``skipped``, to be assigned by hand in Zoom.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from odn_desktop.domain.errors import UserError

from .atomic_write import check_target, write_bytes
from .safe_cells import is_formula_like

HEADER = ("Pre-assign Room Name", "Email Address")
#: Zoom pre-assigns at most this many rooms
MAX_ROOMS = 100


@dataclass(frozen=True)
class Assignment:
    room: str
    email: str
    name: str = ""  # for messages only


@dataclass(frozen=True)
class RoomPlanFile:
    data: bytes
    rows: int
    rooms: int
    skipped: tuple[Assignment, ...] = ()


def room_plan_csv(assignments: Iterable[Assignment]) -> RoomPlanFile:
    """The file's bytes; people without an address or with a formula-like one are ``skipped``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    rows, rooms, skipped = 0, set(), []
    for item in assignments:
        if is_formula_like(item.room):
            raise UserError(f"Der Raum „{item.room}“ beginnt mit einem Zeichen, das Tabellenprogramme als Formel "
                            "lesen (= + - @). Bitte benennen Sie die Runde um.")
        if not item.room.strip():
            raise UserError("Ein Raum hat keinen Namen; Zoom braucht für jeden Raum einen.")
        email = item.email.strip()
        if not email or is_formula_like(email):
            skipped.append(item)
            continue
        writer.writerow((item.room, email))
        rows += 1
        rooms.add(item.room)
    if len(rooms) > MAX_ROOMS:
        raise UserError(f"Zoom nimmt höchstens {MAX_ROOMS} vorab eingeteilte Räume an, der Plan hat {len(rooms)}. "
                        "Bitte wählen Sie größere Räume.")
    return RoomPlanFile(buffer.getvalue().encode("utf-8"), rows, len(rooms), tuple(skipped))


def save_room_plan_csv(assignments: Iterable[Assignment], path: Path) -> RoomPlanFile:
    """Write the file atomically (a copy open in Excel gives the German "close it" message)."""
    path = check_target(Path(path))
    result = room_plan_csv(assignments)
    write_bytes(path, result.data)
    return result
