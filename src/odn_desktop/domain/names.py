"""German-aware name handling: folding for matching and searching, DIN 5007-1 order for sorting."""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_UMLAUTS_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "ẞ": "ss"})
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")
_PUNCTUATION = re.compile(r"[.\-_,;/]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i").replace("ł", "l")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def normalize_email(email: str) -> str:
    return email.strip().casefold()


def fold_german(text: str) -> str:
    """Case-folded, ä→ae ö→oe ü→ue ß→ss, other accents removed, whitespace collapsed."""
    lowered = unicodedata.normalize("NFC", text).lower().translate(_UMLAUTS).casefold()
    return _collapse(_strip_accents(lowered))


def _fold_plain(text: str) -> str:
    lowered = unicodedata.normalize("NFC", text).lower().translate(_UMLAUTS_PLAIN).casefold()
    return _collapse(_strip_accents(lowered))


def strip_parenthetical(text: str) -> str:
    """``Sabine Manz (Landeshauptstadt Düsseldorf)`` → ``Sabine Manz`` (video tools append organisations)."""
    previous = None
    while previous != text:
        previous, text = text, _PARENTHETICAL.sub("", text)
    return text.strip()


def normalize_name(text: str) -> str:
    return _collapse(_PUNCTUATION.sub(" ", fold_german(strip_parenthetical(text))))


def german_sort_key(text: str) -> tuple[str, str, str]:
    """DIN 5007-1 (dictionary order): ä sorts as a, ö as o, ü as u, ß as ss, case ignored.

    Ties are broken by the umlaut-expanded form and finally by the original text, so the order is total.
    """
    return (_fold_plain(text), fold_german(text), text)


def person_sort_key(last_name: str, first_name: str) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    return (german_sort_key(last_name), german_sort_key(first_name))


def search_key(*parts: str | None) -> str:
    """Text to search in: both the expanded (``duesseldorf``) and the plain (``dusseldorf``) folding.

    A search term folded with ``fold_german`` then matches either spelling a coordinator may type.
    """
    joined = " ".join(p for p in parts if p)
    expanded, plain = fold_german(joined), _fold_plain(joined)
    return expanded if expanded == plain else f"{expanded}\x1f{plain}"
