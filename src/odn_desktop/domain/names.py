"""German-aware name handling: folding for matching and searching, DIN 5007-1 order for sorting.

Registrations, video-tool attendance lists and spreadsheets spell the same person differently ("Jürgen Groß",
"juergen gross", "Juergen Gross (Stadt Moers)"); the rules here make those compare equal and sort the way a
German reader expects.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose, folded by hand so "Łukasz" and "Søren" can be found as "lukasz", "soren".
_OTHER_LETTERS = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"}
_EXPANDED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", **_OTHER_LETTERS})
_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", **_OTHER_LETTERS})

# For the sort key's accent level: ß and the letters above count as their base letters plus a mark.
_MARK = "\ue000"
_MARKED = str.maketrans(
    {"ß": "ss" + _MARK, "ẞ": "SS" + _MARK}
    | {c: base + _MARK for c, base in _OTHER_LETTERS.items()}
    | {c.upper(): base.upper() + _MARK for c, base in _OTHER_LETTERS.items() if not c.upper().isascii()}
)

_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")
_NAME_PUNCTUATION = re.compile(r"[.\-_,;/\u2010-\u2015]+")
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2018\u2019\u02bc`", "'"))
_EDGE_JUNK = re.compile(r"^[\s\u200b\u200c\u200d\u2060\ufeff]+|[\s\u200b\u200c\u200d\u2060\ufeff]+$")

SEARCH_SEPARATOR = "\x1f"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _fold(text: str, table: dict[int, str]) -> str:
    # NFKC first: composes "u" + combining diaeresis into "ü" and turns compatibility forms ("ﬁ", "Ⅻ") into
    # letters, so casefold sees them; NFKD afterwards splits remaining accents off for removal.
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).casefold()).translate(table)
    stripped = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return _collapse(stripped.translate(table))  # again for "ǣ" or "ǿ", which become "æ", "ø" only now


def normalize_email(email: str) -> str:
    """Surrounding whitespace (also invisible characters pasted from web pages) removed, case folded.

    The result is what duplicates are detected by; the address as typed is kept for sending.
    """
    return _EDGE_JUNK.sub("", email).casefold()


def fold_german(text: str) -> str:
    """Case-folded, ä→ae ö→oe ü→ue ß→ss, other accents removed, whitespace collapsed.

    Expanding the umlauts (rather than dropping the dots) makes "Müller" and "Mueller" equal, the spelling
    people fall back to on keyboards and in e-mail addresses.
    """
    return _fold(text, _EXPANDED)


def _fold_plain(text: str) -> str:
    return _fold(text, _PLAIN)


def strip_parenthetical(text: str) -> str:
    """``Sabine Manz (Landeshauptstadt Düsseldorf)`` → ``Sabine Manz`` (video tools append organisations).

    Only trailing parentheses are removed, repeatedly; a name that is nothing but parentheses stays as it is.
    """
    previous = None
    result = text
    while previous != result:
        previous, result = result, _PARENTHETICAL.sub("", result)
    return result.strip() or text.strip()


def normalize_name(text: str) -> str:
    """A person's name reduced for matching: folded, trailing organisation removed, hyphens and dots as spaces."""
    # Parentheses are stripped last: folding can create them ("⒜" is "(a)") and punctuation can hide them.
    folded = fold_german(text).translate(_APOSTROPHES)
    return strip_parenthetical(_collapse(_NAME_PUNCTUATION.sub(" ", folded)))


def _levels(text: str) -> tuple[str, str]:
    """Accent and case level of the sort key, one position per letter.

    Accents: ``\\x01`` per base letter followed by its marks, so at the first difference the plain letter
    (next ``\\x01``) sorts before the marked one (a mark's code point is higher). Case: ``\\x01`` lower,
    ``\\x02`` upper, so "müller" sorts before "Müller".
    """
    marked = unicodedata.normalize("NFKC", text).translate(_MARKED)
    accents = []
    for char in unicodedata.normalize("NFKD", marked.casefold()):
        if unicodedata.combining(char) or char == _MARK:
            accents.append(char)
        elif not char.isspace():
            accents.append("\x01")
    case = "".join(
        "\x02" if char.isupper() else "\x01"
        for char in unicodedata.normalize("NFKD", marked)
        if not (unicodedata.combining(char) or char == _MARK or char.isspace())
    )
    return "".join(accents), case


def german_sort_key(text: str) -> tuple[str, str, str, str]:
    """DIN 5007-1 (dictionary order): ä sorts as a, ö as o, ü as u, ß as ss, case ignored.

    Ties are broken level by level so the order is total and deterministic: the plain letter before the
    accented one ("Muller" < "Müller"), then lower case before upper case, finally the text itself. All parts
    are strings so a view may join them into one sortable string.
    """
    accents, case = _levels(text)
    return (_fold_plain(text), accents, case, text)


def person_sort_key(last_name: str, first_name: str) -> tuple[tuple[str, str, str, str], tuple[str, str, str, str]]:
    """Participant lists are ordered by last name, then first name, both in German dictionary order."""
    return (german_sort_key(last_name), german_sort_key(first_name))


def search_key(*parts: str | None) -> str:
    """Text to search in: the expanded (``duesseldorf``) and the plain (``dusseldorf``) folding of the parts.

    A search term folded with ``fold_german`` then matches whichever spelling the coordinator types:
    "düsseldorf" and "duesseldorf" fold to the expanded form, "dusseldorf" is found in the plain one. The two
    forms are joined by ``SEARCH_SEPARATOR`` (a control character folding turns into a space), so no folded
    term matches across the boundary. Empty parts are left out.
    """
    joined = " ".join(part for part in parts if part)
    expanded, plain = fold_german(joined), _fold_plain(joined)
    return expanded if expanded == plain else f"{expanded}{SEARCH_SEPARATOR}{plain}"


def matches_search(key: str, query: str) -> bool:
    """Whether every word of ``query`` occurs in a ``search_key`` (an empty query matches everything)."""
    return all(term in key for term in fold_german(query).split())
