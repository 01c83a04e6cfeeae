"""Name rules: e-mail normalisation, German folding for matching and search, DIN 5007-1 sorting."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odn_desktop.domain.names import (
    SEARCH_SEPARATOR,
    fold_german,
    german_sort_key,
    matches_search,
    normalize_email,
    normalize_name,
    person_sort_key,
    search_key,
    strip_parenthetical,
)

german_letters = st.text(alphabet=st.sampled_from("abcdeflmnorsuzäöüßABCDELMOSUZÄÖÜẞéèçñ -.'"), min_size=0, max_size=12)
any_text = st.text(max_size=20)


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("  Max.Muster@Example.DE ", "max.muster@example.de"),
        ("\tmax.muster@example.de\n", "max.muster@example.de"),
        ("\u200bMax.Muster@Example.de\ufeff", "max.muster@example.de"),
        ("\xa0anna@stadt-moers.de\xa0", "anna@stadt-moers.de"),
        ("\u200b\u2003\u200b Anna@Stadt-Moers.de \u2060\n", "anna@stadt-moers.de"),
    ],
)
def test_normalize_email(raw: str, normalized: str) -> None:
    assert normalize_email(raw) == normalized


@given(st.one_of(any_text, st.text(alphabet=st.sampled_from(" \t\u200b\u2003\u2060\ufeff\xa0aB@.Ä"))))
def test_normalize_email_is_idempotent(raw: str) -> None:
    once = normalize_email(raw)
    assert normalize_email(once) == once
    assert once == once.strip()


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Jürgen Groß", "juergen gross"),
        ("JÜRGEN GROẞ", "juergen gross"),
        ("  Öffentliche   Verwaltung ", "oeffentliche verwaltung"),
        ("Düsseldorf", "duesseldorf"),
        ("Ärztekammer", "aerztekammer"),
        ("José Céline François", "jose celine francois"),
        ("Łukasz Søren", "lukasz soren"),
        ("Ǿrsted Ǣthelred", "orsted aethelred"),  # ø and æ appear only after the accent is removed
        ("Mu\u0308ller", "mueller"),  # decomposed umlaut, as some macOS tools deliver it
        ("ﬁnanzamt", "finanzamt"),
    ],
)
def test_fold_german(text: str, folded: str) -> None:
    assert fold_german(text) == folded


def test_folded_spellings_of_one_person_are_equal() -> None:
    assert fold_german("Jürgen Groß") == fold_german("juergen gross") == fold_german("JUERGEN GROSS")
    assert fold_german("Müller") != fold_german("Muller")  # expanded on purpose: ü is ue, not u


@given(any_text)
def test_fold_german_is_idempotent_lowercase_and_collapsed(text: str) -> None:
    folded = fold_german(text)
    assert fold_german(folded) == folded
    assert folded == folded.casefold()
    assert not any(unicodedata.combining(c) for c in folded)
    assert not set(folded) & set("äöüßẞ")
    assert folded == " ".join(folded.split())


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Sabine Manz (Landeshauptstadt Düsseldorf)", "Sabine Manz"),
        ("Sabine Manz (Stadt Moers) (Gast)", "Sabine Manz"),
        ("Sabine (Bine) Manz", "Sabine (Bine) Manz"),
        ("(Gast)", "(Gast)"),
        ("  Sabine Manz  ", "Sabine Manz"),
    ],
)
def test_strip_parenthetical(text: str, stripped: str) -> None:
    assert strip_parenthetical(text) == stripped


def test_normalize_name_matches_video_tool_names() -> None:
    assert normalize_name("Sabine Manz (Landeshauptstadt Düsseldorf)") == normalize_name("sabine manz")
    assert normalize_name("Sabine Manz (Landeshauptstadt Düsseldorf)") == "sabine manz"
    assert normalize_name("Müller-Lüdenscheidt ") == normalize_name("mueller lüdenscheidt") == "mueller luedenscheidt"
    assert normalize_name("Dr. Jürgen Groß") == "dr juergen gross"
    assert normalize_name("Anne–Marie O’Neill") == normalize_name("anne-marie o'neill") == "anne marie o'neill"
    assert normalize_name("Sabine Manz (Stadt-Moers).") == "sabine manz"
    assert normalize_name("Sabine Manz") != normalize_name("Sabine Mann")


@given(any_text)
def test_normalize_name_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


def test_din_5007_1_dictionary_order() -> None:
    names = ["Zander", "Ähnlich", "Abel", "Müller", "Mueller", "Muller", "Özdemir", "Otto"]
    # ü sorts as u: "mueller" < "muller" because e < l; Muller and Müller tie, the plain u goes first.
    assert sorted(names, key=german_sort_key) == [
        "Abel", "Ähnlich", "Mueller", "Muller", "Müller", "Otto", "Özdemir", "Zander",
    ]  # fmt: skip


def test_ties_are_broken_by_accent_then_case() -> None:
    names = ["MÜLLER", "Müller", "müller", "Muller", "muller"]
    assert sorted(names, key=german_sort_key) == ["muller", "Muller", "müller", "Müller", "MÜLLER"]
    assert sorted(["Straße", "Strasse", "Straßburg", "Strassen"], key=german_sort_key) == [
        "Straßburg", "Strasse", "Straße", "Strassen",
    ]  # fmt: skip


def test_sort_key_ignores_case_and_accents_first() -> None:
    assert sorted(["zebra", "Äpfel", "apfel", "Bär", "baer", "Bar"], key=german_sort_key) == [
        "apfel", "Äpfel", "baer", "Bar", "Bär", "zebra",
    ]  # fmt: skip


@given(st.lists(german_letters, max_size=15))
def test_sorting_is_deterministic_whatever_the_input_order(names: list[str]) -> None:
    forward = sorted(names, key=german_sort_key)
    assert sorted(reversed(names), key=german_sort_key) == forward
    assert sorted(sorted(names), key=german_sort_key) == forward


@given(any_text, any_text)
def test_sort_key_is_a_total_order_on_distinct_texts(a: str, b: str) -> None:
    assert (german_sort_key(a) == german_sort_key(b)) == (a == b)
    # the UI joins the parts with NUL into one string; that must order the same way
    joined_a, joined_b = "\x00".join(german_sort_key(a)), "\x00".join(german_sort_key(b))
    if "\x00" not in a + b:
        assert (joined_a < joined_b) == (german_sort_key(a) < german_sort_key(b))


@given(german_letters, german_letters)
def test_umlauts_sort_like_their_base_letters(a: str, b: str) -> None:
    plain = str.maketrans("äöüÄÖÜ", "aouAOU")
    if fold_german(a.translate(plain)) < fold_german(b.translate(plain)) and " " not in a + b:
        # primary level decides before any tie break
        assert german_sort_key(a)[0] <= german_sort_key(b)[0]


def test_person_sort_key_orders_by_last_then_first_name() -> None:
    people = [("Özdemir", "Ayşe"), ("Otto", "Zoe"), ("Otto", "Ärne"), ("Otto", "Anton"), ("Abel", "Zora")]
    ordered = sorted(people, key=lambda p: person_sort_key(*p))
    assert ordered == [("Abel", "Zora"), ("Otto", "Anton"), ("Otto", "Ärne"), ("Otto", "Zoe"), ("Özdemir", "Ayşe")]


def test_search_key_matches_umlaut_spellings_both_ways() -> None:
    key = search_key("Sabine", "Manz", None, "Landeshauptstadt Düsseldorf", "")
    assert key == "sabine manz landeshauptstadt duesseldorf\x1fsabine manz landeshauptstadt dusseldorf"
    for query in ("dusseldorf", "duesseldorf", "Düsseldorf", "DÜSSELDORF", "manz düss"):
        assert matches_search(key, query), query
        assert all(term in key for term in fold_german(query).split())
    assert not matches_search(key, "köln")


def test_search_key_without_umlauts_has_one_form() -> None:
    assert search_key("Stadt", "Moers") == "stadt moers"
    assert search_key() == ""
    assert search_key(None, None) == ""
    assert matches_search(search_key("Stadt", "Moers"), "")


def test_no_search_term_matches_across_the_two_forms() -> None:
    key = search_key("Jürgen Groß")
    assert key == f"juergen gross{SEARCH_SEPARATOR}jurgen gross"
    assert not matches_search(key, "grossjurgen")
    assert SEARCH_SEPARATOR not in fold_german(f"gross{SEARCH_SEPARATOR}jurgen")


@given(st.lists(st.one_of(st.none(), german_letters), max_size=4), st.data())
def test_every_folded_part_can_be_found(parts: list[str | None], data: st.DataObject) -> None:
    key = search_key(*parts)
    for part in parts:
        if part:
            assert fold_german(part) in key
            words = part.split()
            if words:
                word = data.draw(st.sampled_from(words))
                assert matches_search(key, word)
                assert matches_search(key, word.translate(str.maketrans("äöüÄÖÜ", "aouAOU")))  # all plain
