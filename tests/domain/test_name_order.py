"""DIN 5007-2 lists: name particles after the first name ("von der Heide" under H), academic titles apart from
the first name and ignored for the order, umlauts with their base letters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odn_desktop.domain.names import list_name, name_particles, person_sort_key, split_academic_title


def ordered(people: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(people, key=lambda p: person_sort_key(*p))


def test_particles_sort_under_the_name_itself() -> None:
    people = [("von der Heide", "Anna"), ("Vogel", "Jan"), ("Hansen", "Ole"), ("Hoffmann", "Eva"),
              ("van Dijk", "Sem"), ("de Vries", "Lotte"), ("Dietz", "Kai"), ("zu Eltz", "Jakob"),
              ("von und zu Guttenberg", "Karl"), ("Groß", "Jürgen"), ("Ebert", "Ina"), ("Zander", "Uwe"),
              ("Von der Ahe", "Mia")]
    assert ordered(people) == [
        ("Von der Ahe", "Mia"), ("Dietz", "Kai"), ("van Dijk", "Sem"), ("Ebert", "Ina"), ("zu Eltz", "Jakob"),
        ("Groß", "Jürgen"), ("von und zu Guttenberg", "Karl"), ("Hansen", "Ole"), ("von der Heide", "Anna"),
        ("Hoffmann", "Eva"), ("Vogel", "Jan"), ("de Vries", "Lotte"), ("Zander", "Uwe")]


def test_umlauts_titles_and_particles_together() -> None:
    people = [("Özdemir", "Elif"), ("Otto", "Zoe"), ("Arslan", "Dr. Nils"), ("Arslan", "Anna"),
              ("von Oertzen", "Dr. Ulla"), ("Oertzen", "Bernd"), ("Ahrens", "Prof. Dr. Tom")]
    assert ordered(people) == [
        ("Ahrens", "Prof. Dr. Tom"),  # the title is not sorted by: "Tom" under A after all
        ("Arslan", "Anna"), ("Arslan", "Dr. Nils"),  # "Nils", not "Dr."
        ("Oertzen", "Bernd"), ("von Oertzen", "Dr. Ulla"),  # same name: first names decide, particles after
        ("Otto", "Zoe"), ("Özdemir", "Elif")]  # Ö as O: "Oz" after "Ot"


def test_the_same_name_with_and_without_particle_is_still_a_total_order() -> None:
    assert person_sort_key("Heide", "Anna") < person_sort_key("von der Heide", "Anna")
    assert person_sort_key("Heide", "Anna") != person_sort_key("Heide", "Dr. Anna")


@pytest.mark.parametrize(("last", "particles", "name"), [
    ("von der Heide", "von der", "Heide"),
    ("Von der Heide", "Von der", "Heide"),  # forms capitalise the first word: still a particle
    ("von und zu Guttenberg", "von und zu", "Guttenberg"),
    ("van den Berg", "van den", "Berg"),
    ("de la Cruz", "de la", "Cruz"),
    ("zur Mühlen", "zur", "Mühlen"),
    ("Van Gogh", "", "Van Gogh"),  # capitalised foreign prefixes belong to the name
    ("De Luca", "", "De Luca"),
    ("von", "", "von"),  # a name is never all particles
    ("und Meier", "", "und Meier"),
    ("Meier", "", "Meier"),
    ("", "", ""),
])
def test_name_particles(last: str, particles: str, name: str) -> None:
    assert name_particles(last) == (particles, name)


@pytest.mark.parametrize(("text", "title", "rest"), [
    ("Dr. Nils", "Dr.", "Nils"),
    ("Dr Nils", "Dr", "Nils"),
    ("Prof. Dr. rer. nat. Anna Maria", "Prof. Dr. rer. nat.", "Anna Maria"),
    ("Dr.-Ing. Kai", "Dr.-Ing.", "Kai"),
    ("Dipl.-Ing. Uwe", "Dipl.-Ing.", "Uwe"),
    ("PD Dr. Eva", "PD Dr.", "Eva"),
    ("Dr. h. c. Udo", "Dr. h. c.", "Udo"),
    ("Dr. Ed. Meier", "Dr.", "Ed. Meier"),  # an abbreviated first name is not a faculty
    ("Drea", "", "Drea"),
    ("Dr.", "", "Dr."),  # never the last word
    ("", "", ""),
])
def test_split_academic_title(text: str, title: str, rest: str) -> None:
    assert split_academic_title(text) == (title, rest)


def test_list_name_puts_particles_after_the_first_name_and_the_title_apart() -> None:
    name = list_name("von der Heide", "Anna", "Dr.")
    assert (name.last, name.first, name.title) == ("Heide", "Anna von der", "Dr.")
    assert name.directory == "Heide, Dr. Anna von der"
    slipped = list_name("Arslan", "Dr. Nils", "")
    assert (slipped.last, slipped.first, slipped.title) == ("Arslan", "Nils", "Dr.")
    both = list_name("Arslan", "Dr. Nils", "Dr.")  # the title typed twice is shown once
    assert both.title == "Dr."
    assert list_name("Arslan", "Dr. Nils", "Prof.").title == "Prof. Dr."
    assert list_name("Becker", "", "").directory == "Becker"


names = st.text(alphabet=st.sampled_from("abehnorvzäöüAHVZ. "), max_size=14)


@given(names, names, names, names)
def test_person_sort_key_is_a_total_order(last_a: str, first_a: str, last_b: str, first_b: str) -> None:
    same = person_sort_key(last_a, first_a) == person_sort_key(last_b, first_b)
    assert same == ((last_a, first_a) == (last_b, first_b))
