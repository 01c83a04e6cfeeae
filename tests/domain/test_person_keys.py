"""Cached person keys equal the domain's uncached ones (search: ``names.search_key``; order: DIN 5007-1)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from odn_desktop.domain.names import person_sort_key, search_key
from odn_desktop.domain.person_keys import name_sort_key, registration_search_key

_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12) | st.text(
    alphabet="aAbäÄöÖüÜßẞ ſﬁﬅKÅµİı\u0308\u0301.-@ \t\x1f", max_size=12)


@settings(max_examples=600, deadline=None)
@given(_TEXT, _TEXT, _TEXT, _TEXT, _TEXT)
def test_search_key_is_the_domain_search_key(first: str, last: str, email: str, org: str, town: str) -> None:
    assert registration_search_key(first, last, email, org, town) == search_key(first, last, email, org, town)


@pytest.mark.parametrize("parts", [
    ("Jürgen", "Groß", "j.gross@moers.example", "Stadt Moers", "Moers"),
    ("Łukasz", "Dąbrowski", "LD@X.example", "", ""),
    ("", "  Müller ", "", "Landeshauptstadt  Düsseldorf", "Düsseldorf"),
    ("u\u0308", "\u0301x", "ǣ", "ﬁ", "⒜"),
    ("Hakan", "Yılmaz", "hakan.yılmaz@kiel.example", "Øresund Æbeltoft", "Œuvre Đakovo ŁÓDŹ"),  # fast path
    ("ǿ", "ø\u0301", "ı\u0307", "İ", "Ç"),  # left to the full folding
])
def test_search_key_examples(parts: tuple[str, str, str, str, str]) -> None:
    assert registration_search_key(*parts) == search_key(*parts)


def test_name_sort_key_is_german_order() -> None:
    assert name_sort_key("Müller", "Anna") == person_sort_key("Müller", "Anna")
    names = ["Zimmermann", "Müller", "Mueller", "Muller", "Öztürk", "Albers"]
    assert sorted(names, key=lambda n: name_sort_key(n, "")) == [
        "Albers", "Mueller", "Muller", "Müller", "Öztürk", "Zimmermann"]
