"""How big an import file may be: a clear German message instead of a program that reads a wrong file for
minutes or runs out of memory (a 2 GB log picked by mistake, an Excel sheet with a million rows).

The limits are far above real registration lists and attendance reports (10,000 registrations are ~1.5 MB of
CSV; one event never has 100,000 registrants) and far below what hurts a laptop.
"""

from __future__ import annotations

from odn_desktop.domain.errors import UserError

MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_IMPORT_ROWS = 100_000


def check_size(size: int, name: str) -> None:
    if size > MAX_IMPORT_BYTES:
        raise UserError(f"Die Datei „{name}“ ist mit {size / 1024 / 1024:.0f} MB zu groß für einen Import "
                        f"(höchstens {MAX_IMPORT_BYTES // 1024 // 1024} MB). Bitte prüfen Sie, ob es die richtige "
                        "Datei ist.")


def too_many_rows() -> UserError:
    return UserError(f"Die Datei hat mehr als {MAX_IMPORT_ROWS:,} Zeilen; so viele Anmeldungen oder Teilnahmen "
                     "kann eine Veranstaltung nicht haben. Bitte prüfen Sie, ob es die richtige Datei ist."
                     .replace(",", "."))
