"""Cell values Excel must never run: text that looks like a formula is stored and kept as text.

A registrant who types ``=HYPERLINK("http://x","y")`` as their name must not get a live link (or worse, a DDE
call) into the coordinator's spreadsheet. Excel treats a cell as a formula when it starts with ``=``, and,
when the cell is edited, also with ``+``, ``-`` or ``@``; tab and carriage return in front hide the same
(OWASP "CSV injection"). Full-width and small forms (``＝``, ``﹦``, ``＋``) are folded to these by Excel's
input, so they count too. Such values are written as a string cell (``t="inlineStr"``, never ``<f>``) with
the quote-prefix style, which keeps them text even after the cell is edited in Excel. The value itself is
not changed: the name stays exactly what the person typed.

openpyxl turns every ``str`` starting with ``=`` into a formula on assignment, so every string that goes into
a sheet passes through here.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
#: Excel's limit for the text of one cell.
MAX_CELL_CHARS = 32_767
# Control characters are not allowed in XML 1.0 (openpyxl refuses them); tab, LF and CR are.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_formula_like(text: str) -> bool:
    """Whether Excel could read ``text`` as a formula (now or after an edit of the cell)."""
    if not text:
        return False
    first = text[0]
    if first in FORMULA_TRIGGERS:
        return True
    if first.isascii() and not first.isspace():
        return False  # the common case, decided without Unicode work
    stripped = text.lstrip()
    if not stripped:
        return False
    if stripped[0] in FORMULA_TRIGGERS:
        return True
    return unicodedata.normalize("NFKC", stripped[0])[:1] in FORMULA_TRIGGERS


def clean_text(text: str) -> str:
    """Characters XML cannot carry removed, cut to the length one cell holds."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    return text[:MAX_CELL_CHARS]


def set_text(cell: Any, text: str) -> bool:
    """Put ``text`` into an openpyxl cell as a string, never as a formula; True when it needed the guard.

    Works for ordinary and write-only cells. A guarded cell keeps its other style (font, borders) and gets
    ``quotePrefix`` on top.
    """
    cell.value = clean_text(text)
    if is_formula_like(cell.value):
        cell.data_type = "s"  # openpyxl made it "f" on assignment
        cell.quotePrefix = True
        return True
    return False

