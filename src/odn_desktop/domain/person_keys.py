"""Search and sort keys of persons, cached: the same people and names come back on every reload of a big list.

``registration_search_key`` is ``names.search_key`` of a registrant's parts (an ASCII-only text takes a shortcut
that gives the identical result), ``name_sort_key`` is ``names.person_sort_key`` (DIN 5007-1). Each cache is
cleared when it outgrows ``_CACHE_LIMIT`` entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .names import OTHER_LETTERS, SEARCH_SEPARATOR, person_sort_key, search_key

_search_keys: dict[tuple[str, ...], str] = {}
_name_keys: dict[tuple[str, str], Any] = {}
_CACHE_LIMIT = 250_000


def registration_search_key(first: str, last: str, email: str, organisation: str, municipality: str) -> str:
    """``domain.names.search_key`` of a registrant (the same parts ``services.registrations.to_row`` uses).

    Folding works character by character and the parts are joined by a space, so the key is assembled from
    the folded parts; names, organisations and towns repeat, and each is folded once.
    """
    parts = (first, last, email, organisation, municipality)
    key = _search_keys.get(parts)
    if key is None:
        key = _registration_key(parts)
        if len(_search_keys) > _CACHE_LIMIT:
            _search_keys.clear()
        _search_keys[parts] = key
    return key


def uncached_search_keys(people: Iterable[tuple[str, str, str, str, str]]) -> list[str]:
    """``registration_search_key`` of each (first name, last name, e-mail, organisation, town), not kept in the
    cache: for a list read once whose keys are folded into a search index and then dropped (every person of
    "Alle Anmeldungen": kept, their keys and parts would hold 8 MB for the rest of the run). A key already in
    the cache is taken from it."""
    found = _search_keys.get
    return [found(parts) or _registration_key(parts) for parts in people]


def _registration_key(parts: tuple[str, str, str, str, str]) -> str:
    email = parts[2]
    # an e-mail address is one person's: its folding is not kept for others (30,000 of them were 4 MB)
    folded = [_fold_part(p) if p is not email else _fold_text(p) for p in parts if p]
    expanded = " ".join(e for e, _ in folded if e)
    plain = " ".join(p for _, p in folded if p)
    return expanded if expanded == plain else f"{expanded}{SEARCH_SEPARATOR}{plain}"


_folded_parts: dict[str, tuple[str, str]] = {}
_EXPANDED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", **OTHER_LETTERS})
_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", **OTHER_LETTERS})


def _fold_part(text: str) -> tuple[str, str]:
    """The expanded (``mueller``) and plain (``muller``) folding of one part, cached (names, organisations and
    towns repeat)."""
    found = _folded_parts.get(text)
    if found is None:
        found = _fold_text(text)
        if len(_folded_parts) > _CACHE_LIMIT:
            _folded_parts.clear()
        _folded_parts[text] = found
    return found


def _fold_text(text: str) -> tuple[str, str]:
    if text.isascii():  # NFKC, the umlaut tables and accent removal change nothing; casefold is lower()
        folded = " ".join(text.lower().split())
        if folded == text:  # already folded (most e-mail addresses): no copy
            folded = text
        return (folded, folded)
    lower = text.casefold()
    expanded = lower.translate(_EXPANDED)
    if expanded.isascii():  # only German (and a few other) letters beyond ASCII ("Jürgen Groß", "Yılmaz")
        return (" ".join(expanded.split()), " ".join(lower.translate(_PLAIN).split()))
    expanded, _, plain = search_key(text).partition(SEARCH_SEPARATOR)
    return (expanded, plain or expanded)


def name_sort_key(last: str, first: str) -> Any:
    """``person_sort_key`` (DIN 5007-1), cached per name."""
    pair = (last, first)
    key = _name_keys.get(pair)
    if key is None:
        if len(_name_keys) > _CACHE_LIMIT:
            _name_keys.clear()
        key = _name_keys[pair] = person_sort_key(last, first)
    return key
