"""German-aware name handling: folding for matching and searching, DIN 5007-1 order for sorting.

Registrations, video-tool attendance lists and spreadsheets spell the same person differently ("Jürgen Groß",
"juergen gross", "Juergen Gross (Stadt Moers)"); the rules here make those compare equal and sort the way a
German reader expects.

People are listed as German directories list them (DIN 5007-2): by the name itself, name particles after the
first name ("von der Heide" under H: "Heide, Anna von der"), academic titles ignored for the order and kept out
of the first name ("Dr. Nils" is a title and a first name). ``person_sort_key`` is the one order of every
list: the attendance sheet, the printed list, the registrant export and the window's tables.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters NFKD does not decompose, folded by hand so "Łukasz" and "Søren" can be found as "lukasz", "soren".
#: letters without a decomposition that folding spells as their base letters (shared with ``person_keys``)
OTHER_LETTERS = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"}
_OTHER_LETTERS = OTHER_LETTERS
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
#: what may surround an address and is not part of it: whitespace (every character ``str.isspace`` and the ``\s``
#: of ``re`` accept) and the invisible characters pasted from web pages
EMAIL_EDGE_JUNK = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                   "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
                   "\u200b\u200c\u200d\u2060\ufeff")

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

    The result is what duplicates are detected by; the address as typed is kept for sending. (``str.strip`` of the
    edge characters: a third of the time a regular expression took, 10,000 times per import.)
    """
    return email.strip(EMAIL_EDGE_JUNK).casefold()


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


SortKey = tuple[str, str, str, str]

#: Words that begin a family name without being sorted by (DIN 5007-2 "Namenszusätze"): German, Dutch, French,
#: Italian, Spanish and Portuguese particles. Recognised only in lower case ("de Vries" under V, "De Luca" and
#: "Van Gogh" under D and V as written), except the German ones at the very start, which forms capitalise ("Von
#: der Heide" still under H). "und" only inside ("von und zu"). The name itself is never a particle: "von" alone
#: or "de" alone stay as they are.
_PARTICLES = frozenset({
    "von", "vom", "zu", "zum", "zur", "und", "van", "de", "der", "den", "dem", "des", "di", "da", "del", "della",
    "dello", "dei", "du", "dos", "das", "le", "la", "les", "ten", "ter", "op", "auf", "am", "im", "in", "y",
})
_CAPITALISED_PARTICLES = frozenset({"von", "vom", "zu", "zum", "zur"})
_NOT_FIRST = frozenset({"und", "y"})

#: One word of an academic title: "Dr.", "Prof.", "Dr.-Ing.", "Dipl.-Ing.", "PD", "Prof.Dr." ...
_TITLE_WORD = re.compile(
    r"(?:(?:Prof|Dr|Dipl|Priv|Doz|Mag|Lic|Jun|apl|PD)\.?(?:-[^\W\d_]+\.?)*)+", re.IGNORECASE)
#: what may follow "Dr." inside one title: "med.", "rer. nat.", "h. c.", "h.c.", "phil.", "habil." ...
_FACULTY_WORDS = frozenset({
    "med.", "dent.", "vet.", "rer.", "nat.", "pol.", "soc.", "oec.", "phil.", "jur.", "iur.", "theol.", "habil.",
    "h.c.", "h.", "c.", "sc.", "techn.", "ing.", "agr.", "publ.", "paed.", "math.", "mult.", "troph.", "biol.",
})


def split_academic_title(text: str) -> tuple[str, str]:
    """``"Dr. Nils"`` -> ``("Dr.", "Nils")``; ``"Prof. Dr. rer. nat. Anna"`` -> ``("Prof. Dr. rer. nat.", "Anna")``.

    Only leading title words are taken, and never the last word (a person called "Doz" keeps her name); a title
    word without its dot counts only for "Dr", "Prof" and "PD" ("Dr Nils").
    """
    words = text.split()
    taken = 0
    while taken < len(words) - 1:
        word = words[taken]
        if _TITLE_WORD.fullmatch(word) and (word.endswith(".") or word.casefold() in ("dr", "prof", "pd")):
            taken += 1
        elif taken and word.casefold() in _FACULTY_WORDS:
            taken += 1  # "Dr. med.", "Dr. rer. nat.", "Dr. h. c."
        else:
            break
    return " ".join(words[:taken]), " ".join(words[taken:])


def name_particles(last_name: str) -> tuple[str, str]:
    """``"von der Heide"`` -> ``("von der", "Heide")``; a name without particles -> ``("", name)``."""
    words = last_name.split()
    taken = 0
    while taken < len(words) - 1:
        word = words[taken]
        folded = word.casefold()
        if folded not in _PARTICLES or (taken == 0 and folded in _NOT_FIRST):
            break
        if word != folded and not (taken == 0 and folded in _CAPITALISED_PARTICLES):
            break
        taken += 1
    if not taken:
        return "", last_name.strip()
    return " ".join(words[:taken]), " ".join(words[taken:])


@dataclass(frozen=True)
class ListName:
    """A person as a German list shows them: ``last`` without particles (the name sorted by), ``first`` with the
    particles after it, the academic ``title`` on its own (also one that had slipped into the first name)."""

    last: str
    first: str
    title: str

    @property
    def directory(self) -> str:
        """``Heide, Dr. Anna von der`` (one column: last name, comma, title and first name, particles)."""
        given = " ".join(p for p in (self.title, self.first) if p)
        return ", ".join(p for p in (self.last, given) if p)


def separate_title(first_name: str, academic_title: str = "") -> tuple[str, str]:
    """(title, first name): the stored title with one typed into the first name ("Dr. Nils"), once."""
    slipped, first = split_academic_title(first_name)
    title = academic_title.strip()
    if slipped and slipped.casefold() not in title.casefold():
        title = f"{title} {slipped}".strip()
    return title, first


def list_name(last_name: str, first_name: str, academic_title: str = "") -> ListName:
    """The parts of a person's name in a German list (DIN 5007-2); see ``ListName``."""
    title, first = separate_title(first_name, academic_title)
    particles, last = name_particles(last_name)
    return ListName(last=last, first=" ".join(p for p in (first, particles) if p), title=title)


_NO_KEY = german_sort_key("")


def person_sort_key(last_name: str, first_name: str) -> tuple[SortKey, SortKey, SortKey, str, str]:
    """The order of every list of people (DIN 5007-2): by the name without its particles, then the first name
    without a title, then the particles, each in German dictionary order (``german_sort_key``); finally the
    names as written, so the order is total. "von der Heide, Anna" sorts under H, "Dr. Nils Arslan" as "Nils"."""
    particles, core = name_particles(last_name)
    _title, first = split_academic_title(first_name)
    return (german_sort_key(core), german_sort_key(first), german_sort_key(particles) if particles else _NO_KEY,
            last_name, first_name)


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
