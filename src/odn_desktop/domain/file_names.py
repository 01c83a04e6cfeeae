"""File names the program suggests or writes: safe on Windows, dated, short.

An export's default name says what it is and for which meeting, so the exports of different meetings sit side
by side in one folder instead of overwriting each other: ``2021-12-02 Anwesenheitsliste
Open-Data-Netzwerktreffen.xlsx`` (the meeting's day in Berlin, ISO, so a folder sorted by name is sorted by
date; then the kind; then the title, shortened). The same rules make the names of files written one per person
(certificates): characters Windows forbids replaced, no trailing dot or space, no reserved device name, a
length that keeps the whole path below Windows' 260 characters in ordinary folders, unique case-insensitively.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from .timezone import to_berlin

#: characters Windows forbids in a file name, and control characters
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
#: names Windows reserves for devices, with or without an ending ("CON.txt" is refused as well)
_RESERVED = frozenset({"con", "prn", "aux", "nul", "conin$", "conout$",
                       *(f"{port}{n}" for port in ("com", "lpt") for n in (*range(1, 10), "¹", "²", "³"))})
#: the longest stem (name without ending) a whole name may have
MAX_STEM = 120
#: how long the title part of a dated export name may be
TITLE_LIMIT = 60


def safe_file_part(text: str, limit: int = MAX_STEM, fallback: str = "") -> str:
    """``text`` as (part of) a Windows file name: forbidden characters become spaces, whitespace is collapsed,
    leading and trailing dots and spaces go, at most ``limit`` characters (cut at a word boundary when one is
    near), a reserved device name gets an underscore. ``fallback`` when nothing is left."""
    cleaned = " ".join(_FORBIDDEN.sub(" ", unicodedata.normalize("NFC", text)).split()).strip(" .")
    if len(cleaned) > limit:
        cut = cleaned[:limit]
        space = cut.rfind(" ")
        cleaned = (cut[:space] if space >= limit * 2 // 3 else cut).rstrip(" .-–,;")
    if not cleaned:
        return fallback
    device, dot, ending = cleaned.partition(".")
    if device.strip().casefold() in _RESERVED:  # "CON.txt" is the device too: the underscore before the ending
        cleaned = f"{device.rstrip()}_{dot}{ending}"
    return cleaned


def unique_file_name(stem: str, suffix: str, taken: set[str] | None = None) -> str:
    """``stem + suffix``, made unique within ``taken`` (lower-case names, as Windows compares them), which it
    extends: "… (2).pdf", "… (3).pdf"."""
    name = f"{stem}{suffix}"
    if taken is None:
        return name
    counter = 2
    while name.casefold() in taken:
        name = f"{stem} ({counter}){suffix}"
        counter += 1
    taken.add(name.casefold())
    return name


def _day(when: date | datetime) -> date:
    return to_berlin(when).date() if isinstance(when, datetime) else when


def export_file_name(kind: str, title: str = "", suffix: str = "", when: date | datetime | None = None) -> str:
    """``2021-12-02 Anwesenheitsliste Open-Data-Netzwerktreffen.xlsx``: the day (``when``, an aware datetime is
    taken in Berlin), the kind of file, the title shortened to ``TITLE_LIMIT`` characters, then ``suffix`` (with
    its dot, or empty for a folder). Parts that are empty are left out; the whole stem stays within
    ``MAX_STEM``."""
    parts = [_day(when).isoformat()] if when is not None else []
    parts.append(safe_file_part(kind, 40))
    short = safe_file_part(title, TITLE_LIMIT)
    if short and short.casefold() != parts[-1].casefold():
        parts.append(short)
    stem = safe_file_part(" ".join(p for p in parts if p), MAX_STEM, fallback="Export")
    return stem + suffix
