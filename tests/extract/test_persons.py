"""Persons and their titles in sentences about delegations."""

from __future__ import annotations

from hrd.extract.persons import find_persons, title_of


def names(text: str) -> list[str]:
    return [p.name for p in find_persons(text, 0, len(text))]


def test_honorifics_are_dropped_and_particles_kept() -> None:
    assert names("led by H.E. Ambassador Ali Hassan al-Kanani and Mr Jan van der Berg") == [
        "Ali Hassan al-Kanani",
        "Jan van der Berg",
    ]


def test_institution_words_and_single_words_are_no_persons() -> None:
    assert names("the Directorate-General for Neighbourhood and Enlargement Negotiations") == []
    assert names("chaired by Novak") == []
    assert names("chaired by Mr Novak") == ["Novak"]


def test_a_place_after_an_honorific_is_a_first_name() -> None:
    assert names("co-chaired by EU Ambassador Sofia Lindqvist") == ["Sofia Lindqvist"]


def test_titles_after_and_before_the_name() -> None:
    text = "headed by Mr Jan Novak, Director General (Europe), and by Deputy Minister Aida Sadykova."
    novak, sadykova = find_persons(text, 0, len(text))
    assert title_of(text, novak, len(text), 0) == "Director General (Europe)"
    assert title_of(text, sadykova, len(text), novak.end) == "Deputy Minister"


def test_a_long_title_before_the_name_is_not_part_of_it() -> None:
    text = "chaired by Director of the Department of International Organisations Le Thi Mai and Mr Jan Novak"
    assert names(text) == ["Le Thi Mai", "Jan Novak"]


def test_a_place_after_two_words_of_a_name_is_a_surname() -> None:
    assert names("led by Ambassador Rosa Molina Toledo and Mr Ivan Petrov") == [
        "Rosa Molina Toledo",
        "Ivan Petrov",
    ]
    assert names("led by the Santiago Lagos office") == []


def test_honorifics_of_south_asia_and_institution_words() -> None:
    assert names("led by Shri Anil Kumar and Datuk Siti Aminah") == ["Anil Kumar", "Siti Aminah"]
    assert names("the Ministry of Foreign Affairs and the National Community Abroad") == []


def test_a_title_before_the_name_may_hold_to_in_and_at() -> None:
    text = "and the EU delegation by the Ambassador of the European Union to Ruritania, Elena Castell."
    (person,) = find_persons(text, 0, len(text))
    assert title_of(text, person, len(text), 0) == "Ambassador of the European Union to Ruritania"


def test_a_title_is_one_line_and_ends_before_a_description() -> None:
    text = "led by Ms Anna Berg, president of the Human Rights\nCommittee, a government body, and others"
    (person,) = find_persons(text, 0, len(text))
    assert title_of(text, person, len(text), 0) == "president of the Human Rights Committee"


def test_a_lower_case_title_set_before_the_name() -> None:
    text = (
        "co-chaired by the EU's ambassador to Ruritania, Anna Berg, and Ruritania's deputy foreign "
        "minister, Ivan Petrov, and"
    )
    berg, petrov = find_persons(text, 0, len(text))
    start = text.index("by ") + 3
    assert title_of(text, berg, len(text), start) == "the EU's ambassador to Ruritania"
    assert title_of(text, petrov, len(text), berg.end) == "Ruritania's deputy foreign minister"


def test_one_word_after_an_institutions_words_is_no_person() -> None:
    text = "headed by the Special Representative in the International Sphere, Ambassador Laura Ferran, and"
    assert names(text) == ["Laura Ferran"]
    assert names("led by Baroness Elspeth Carrow") == ["Elspeth Carrow"]


def test_the_second_part_of_a_portfolio_and_a_people_are_no_persons() -> None:
    assert names(
        "led by Ambassador Ana Tembo, Deputy Director-General for Global Governance and Continental Agenda"
    ) == ["Ana Tembo"]
    assert names("representatives of the Ministries of Religious Affairs and Interfaith Harmony") == []
    assert names("the Ministry for Overseas Pakistanis and the Ministry of Justice") == []
    assert names("co-chaired by Mr Ivan Petrov and Ms Ana Tembo") == ["Ivan Petrov", "Ana Tembo"]


def test_the_next_side_of_an_elliptic_list_is_no_title() -> None:
    text = (
        "The Belarusian delegation was headed by the Deputy Minister of Justice Ivan Petrov, the delegation "
        "of the European Union - by the Director for Europe Ana Tembo."
    )
    petrov, tembo = find_persons(text, 0, len(text))
    assert (petrov.name, tembo.name) == ("Ivan Petrov", "Ana Tembo")
    assert title_of(text, petrov, len(text), 0) == "Deputy Minister of Justice"
