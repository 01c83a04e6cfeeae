"""Topic wishes grouped by similarity: "Haushaltsdaten veröffentlichen" and "Veroeffentlichung von Haushaltsdaten"
are one topic, "Geodaten veröffentlichen" is another.

A wish is reduced to its *topic words* (``topic_key``): folded the German way (``names.fold_german``: ä = ae,
ß = ss, case ignored), split at everything that is not a letter or digit, filler words and the words every wish
of this network shares ("offene Daten", "Kommune", "veröffentlichen", "bereitstellen", "organisieren") removed,
the field's key terms made one word however they are spelt or compounded ("Schnittstellen"/"APIs",
"Rechtsrahmen"/"rechtlich", "Fachämter"/"Ämter"), and plural endings cut ("Hackathons" = "Hackathon"); the words
written as nouns (capitalised) are noted. Two wishes that share a noun, up to a typo, are one topic
("Verkehrsdaten öffnen" ~ "Verkehrsdaten in Echtzeit"; but "Haushaltsdaten visualisieren" and "Verkehrsdaten
visualisieren" share only a verb). Otherwise rapidfuzz's ``token_set_ratio`` on the topic words decides, after
words that differ by a typo are unified ("Hackaton" = "Hackathon"): word order does not matter, one wish repeating
the other's words plus more still matches, and the character-level ratio catches compounds ("Tourismusdaten" ~
"Tourismus").

Grouping places each wish that has no group yet (in the order given) into the existing group with the most similar
member, when that similarity reaches ``THRESHOLD``; otherwise it opens a new group. Wishes that already have a group
stay in it: the coordinator's grouping is stored and never recomputed away. With ``rebuild=True`` only wishes the
coordinator placed by hand (``pinned``) keep their group, all others are placed anew. The same input always gives
the same result.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .names import fold_german

#: Similarity (0–100) from which a wish joins a group. Measured on the test list of 59 wishes on 16 topics
#: (tests/wish_samples.py): every wish reaches at least 85 with its nearest neighbour of the same topic (100 where
#: they share a noun; 85 for "Datenvisualisierung" ~ "Visualisierung", 86 for "Tourismusdaten" ~ "Open Data im
#: Tourismus"), wishes of different topics reach at most 67 ("Haushaltsdaten visualisieren" ~ "Datenvisualisierung",
#: "CKAN" ~ "Hackaton": the letters of one in the other). 75 lies in the middle of that gap.
THRESHOLD = 75.0

# Filler words (folded) and the words nearly every wish of an open-data network contains; they say nothing about
# the topic. Folded spelling: "fuer", "ueber".
_STOP_TEXT = """
    a aber alle als also am an auch auf aus bei beim bitte bis da dabei dafuer damit dann darf das dass dazu dem den
    der des die dies diese diesem diesen dieser doch du durch ein eine einem einen einer eines er es etwa etwas euch
    fuer gesamt gibt hat haben ich ihr im in insgesamt ist ja je kann koennen koennte man mehr mit moechte muessen
    nach noch nur ob oder ohne samt sich sie sind so soll sollen ueber um und uns unter viel vom von vor vs war was
    weg welche welchem welchen welcher welches wenn wer werden wie wir wird wo zu zum zur zwischen
    thema themen themenwunsch wunsch wuensche gerne mal bzw z b
    offen offene offenen offener offenes open data daten datensatz datensaetze
    kommune kommunen kommunal kommunale kommunalen stadt staedte verwaltung verwaltungen
    veroeffentlichen veroeffentlichung veroeffentlicht bereitstellen bereitstellung bereitgestellt verfuegung
    stellen machen nutzen nutzung erfahrungen erfahrung beispiele beispiel praxis frage fragen tipps tools
    organisieren organisation veranstalten durchfuehren aufbauen aufbau einrichten entwickeln verbessern pflegen
    sichern umsetzen umsetzung einfuehren einfuehrung gestalten
"""
_STOP_WORDS = frozenset(_STOP_TEXT.split())

# The field's key terms: a word that begins with one of these stems is that term, so derivations and compounds meet
# ("Rechtsrahmen", "rechtliche" → recht; "Lizenzfragen", "Lizensen" → lizen; "Schnittstellen", "APIs" → api).
_FIELD_TERMS = (
    ("schnittstell", "api"), ("api", "api"), ("recht", "recht"), ("lizen", "lizen"), ("geodat", "geodat"),
    ("haushalt", "haushalt"), ("verkehr", "verkehr"), ("oepnv", "verkehr"), ("metadat", "metadat"),
    ("datenschutz", "datenschutz"), ("motiv", "motiv"), ("strategi", "strategie"),
)
# German compounds name their kind last: a word whose stem ends so is that term ("Fachämter", "Ordnungsamt" → amt;
# "Datenportale", "Open-Data-Portal" → portal). "gesamt" and "samt" are stop words for this reason.
_FIELD_HEADS = (("aemt", "amt"), ("amt", "amt"), ("portal", "portal"))

_WORD = re.compile(r"[a-z0-9]+")
_ENDINGS = ("ern", "em", "en", "er", "es", "e")
_S_BEFORE = frozenset("bdfghklmnrt")  # a final "s" after these letters is an ending ("Hackathons", "Portals")


def _stem(word: str) -> str:
    """A field term (``_FIELD_TERMS``, ``_FIELD_HEADS``), or the word with a German plural or case ending cut (at
    least four letters stay): "lizenzen" → "lizen", "fachaemter" → "amt", "visualisieren" → "visualisier"."""
    for prefix, term in _FIELD_TERMS:
        if word.startswith(prefix):
            return term
    stem = word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stem = word[: -len(ending)]
            break
    else:
        if word.endswith("s") and len(word) >= 6 and word[-2] in _S_BEFORE:
            stem = word[:-1]
    for head, term in _FIELD_HEADS:
        if stem.endswith(head):
            return term
    return stem


_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class TopicKey:
    """What a wish is compared by: its topic words (folded, stemmed, in order) and those of them written as nouns."""

    words: str
    nouns: frozenset[str]


def topic_key(text: str) -> TopicKey:
    """The words of a wish that name its topic, and its nouns: German capitalises nouns, so a capitalised word is
    taken as one (the first word too: wishes mostly start with their topic); in a text written all in one case
    ("haushaltsdaten", "AEMTER MOTIVIEREN") every word counts as a noun."""
    tokens = _TOKEN.findall(text)
    one_case = all(t == t.lower() for t in tokens) or all(t == t.upper() for t in tokens)
    words: list[str] = []
    nouns: set[str] = set()
    for token in tokens:
        noun = one_case or token[0].isupper()
        for word in _WORD.findall(fold_german(token)):
            if word in _STOP_WORDS:
                continue
            stem = _stem(word)
            words.append(stem)
            if noun:
                nouns.add(stem)
    return TopicKey(" ".join(words), frozenset(nouns))


def topic_words(text: str) -> str:
    """The words of a wish that name its topic, folded and stemmed, in their original order."""
    return topic_key(text).words


#: Two words are one when they differ by a typo at most (rapidfuzz ratio): "hackaton" = "hackathon" (94).
WORD_TYPO = 90.0


def _same_word(a: str, b: str) -> bool:
    return a == b or fuzz.ratio(a, b) >= WORD_TYPO


def _with_typos_unified(words: str, other: str) -> str:
    """``words`` with each word that is a typo of a word of ``other`` replaced by that word."""
    theirs = other.split()
    result = []
    for word in words.split():
        match = max(theirs, key=lambda candidate: fuzz.ratio(word, candidate))
        result.append(match if _same_word(word, match) else word)
    return " ".join(result)


def similarity(a: TopicKey, b: TopicKey) -> float:
    """0–100: how alike two wishes are (``topic_key``); 0 when one of them has no topic words.

    Wishes that share a noun (up to a typo) are about one topic: 100 ("Verkehrsdaten in Echtzeit" ~ "Offene
    Verkehrsdaten (ÖPNV, GTFS)"). Otherwise rapidfuzz's ``token_set_ratio`` of the topic words after typos are
    unified: word order does not count, a wish whose words all occur in the other scores 100, else the
    character-level ratio of the sorted words decides ("Tourismusdaten" ~ "Tourismus": 86). Symmetric.
    """
    if not a.words or not b.words:
        return 0.0
    if any(_same_word(x, y) for x in a.nouns for y in b.nouns):
        return 100.0
    return float(max(fuzz.token_set_ratio(_with_typos_unified(a.words, b.words), b.words),
                     fuzz.token_set_ratio(a.words, _with_typos_unified(b.words, a.words))))


@dataclass(frozen=True)
class WishText:
    """One wish as the grouping sees it: a key of the caller's choosing, the text, and its stored group (if any)."""

    key: Hashable
    text: str
    group: Hashable | None = None
    pinned: bool = False


@dataclass(frozen=True)
class NewGroup:
    """A group the grouping opened; ``number`` counts them from 0 in the order they were opened."""

    number: int


def group_wishes(wishes: Sequence[WishText], *, threshold: float = THRESHOLD,
                 rebuild: bool = False) -> dict[Hashable, Hashable]:
    """Each wish's key → its group: the stored group it keeps, an existing group it joins, or a ``NewGroup``.

    Wishes without a group are placed one at a time, always the one closest to a group first (its similarity to the
    group's most similar member), so a group grows by everything that reaches it, however many wishes lie between.
    When no waiting wish reaches any group, the first waiting wish (in the order given: the caller passes them
    oldest first) opens a new group. Ties go to the wish given first and the group seen first. Each pair of wishes
    is compared once.
    """
    result: dict[Hashable, Hashable] = {}
    order: dict[Hashable, int] = {}  # group → the order in which groups were seen or opened (tie-break)
    members: list[tuple[Hashable, TopicKey]] = []
    waiting: list[tuple[Hashable, TopicKey]] = []
    for wish in wishes:
        if wish.group is not None and (wish.pinned or not rebuild):
            result[wish.key] = wish.group
            order.setdefault(wish.group, len(order))
            members.append((wish.group, topic_key(wish.text)))
        else:
            waiting.append((wish.key, topic_key(wish.text)))
    # best[i]: (score, -group order, group) of the group waiting wish i is closest to, or None
    best: list[tuple[float, int, Hashable] | None] = [None] * len(waiting)

    def offer(group: Hashable, words: TopicKey, pending: list[int]) -> None:
        for i in pending:
            candidate = (similarity(waiting[i][1], words), -order[group], group)
            current = best[i]
            if current is None or candidate[:2] > current[:2]:
                best[i] = candidate

    pending = list(range(len(waiting)))
    for group, words in members:
        offer(group, words, pending)
    opened = 0
    while pending:
        reached = [i for i in pending if (b := best[i]) is not None and b[0] >= threshold]
        if reached:
            chosen = max(reached, key=lambda i: (best[i][:2], -i))  # type: ignore[index]
            group = best[chosen][2]  # type: ignore[index]
        else:
            chosen = pending[0]
            group = NewGroup(opened)
            opened += 1
            order[group] = len(order)
        pending.remove(chosen)
        result[waiting[chosen][0]] = group
        offer(group, waiting[chosen][1], pending)
    return result
