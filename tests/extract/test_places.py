"""Tests of the places stage and its gazetteer, on small hand-written texts."""

from __future__ import annotations

from hrd.extract import places, segment
from hrd.extract.gazetteer import gazetteer, trie_pattern
from hrd.extract.lexicon import load_lexicon
from hrd.extract.state import Analysis


def _run(text: str) -> Analysis:
    return places.run(segment.run(Analysis(text=text)))


def _codes(text: str) -> list[str]:
    return [p.code for p in _run(text).parties]


def test_lexicon_has_every_un_member_state_once() -> None:
    countries = load_lexicon("places")["countries"]
    codes = [c["code"] for c in countries]
    assert len(codes) == 193
    assert len(set(codes)) == 193


def test_country_name_variants() -> None:
    text = (
        "The Kyrgyz Republic and Kyrgyzstan, Viet Nam and Vietnam, Türkiye and Turkey, "
        "the Republic of Moldova, Lao PDR and the Republic of Uzbekistan met."
    )
    assert _codes(text) == ["KG", "KG", "VN", "VN", "TR", "TR", "MD", "LA", "UZ"]


def test_demonyms_and_sides() -> None:
    doc = _run("The Kazakh side and the Uzbek delegation met Chinese and Vietnamese officials.")
    assert [(p.code, p.form) for p in doc.parties] == [
        ("KZ", "demonym"),
        ("UZ", "demonym"),
        ("CN", "demonym"),
        ("VN", "demonym"),
    ]


def test_eu_forms_and_organisations() -> None:
    doc = _run("The European Union, the EEAS, EU officials and the African Union Commission met ASEAN.")
    assert [(p.code, p.form) for p in doc.parties] == [
        ("EU", "eu"),
        ("EU", "eu"),
        ("EU", "eu"),
        ("AUC", "org"),
        ("ASEAN", "org"),
    ]


def test_capitals_are_places_and_party_metonyms() -> None:
    doc = _run("The next round will be in Nur-Sultan; the last one was in Astana. The EU urged Dushanbe.")
    assert [(p.city, p.country) for p in doc.places] == [
        ("Nur-Sultan", "KZ"),
        ("Astana", "KZ"),
        ("Dushanbe", "TJ"),
    ]
    assert [(p.code, p.form) for p in doc.parties if p.form == "capital"] == [
        ("KZ", "capital"),
        ("KZ", "capital"),
        ("TJ", "capital"),
    ]


def test_brussels_is_a_belgian_city_but_no_party() -> None:
    doc = _run("The Dialogue was held in Brussels.")
    assert [(p.city, p.country) for p in doc.places] == [("Brussels", "BE")]
    assert doc.parties == ()


def test_a_city_is_written_as_the_text_writes_it() -> None:
    # Annotators copy the readout's spelling ("Ha Noi"); the country is the same for every variant.
    doc = _run("Officials met in Ha Noi, then in Ulan Bator.")
    assert [(p.city, p.country) for p in doc.places] == [("Ha Noi", "VN"), ("Ulan Bator", "MN")]


def test_uppercase_dateline_city() -> None:
    doc = _run("Title\n\nCOLOMBO, October 4, 2021 - Sri Lanka met the EU.")
    assert doc.places[0].city == "Colombo"
    assert doc.places[0].country == "LK"


def test_no_false_hits_on_common_words() -> None:
    text = "Turkey and chad were served; a nigerian-style dish. The guinea pig and the polish on the turkey."
    assert _codes(text) == ["TR"]


def test_word_boundaries_and_longest_form() -> None:
    assert _codes("Nigeria, Niger, Guinea-Bissau, Equatorial Guinea, Papua New Guinea, Guinea.") == [
        "NG",
        "NE",
        "GW",
        "GQ",
        "PG",
        "GN",
    ]
    assert _codes("the Democratic Republic of the Congo and the Republic of the Congo") == ["CD", "CG"]


def test_blocked_phrases_name_no_party() -> None:
    assert _codes("Latin American and Central Asian states") == []


def test_possessive_and_hyphenated_forms() -> None:
    assert _codes("Kazakhstan’s reforms and the EU-Georgia dialogue") == ["KZ", "EU", "GE"]


def test_issuer_eu_for_joint_press_release() -> None:
    doc = _run("Title of the release\n\nJoint Press Release\nBrussels, 02/12/2020\n\nThe EU and Brazil met.")
    assert doc.issuer == "EU"


def test_issuer_partner_for_its_ministry() -> None:
    text = "Press release of the Ministry of Foreign Affairs of Uzbekistan\n\nThe EU and Uzbekistan met."
    assert _run(text).issuer == "UZ"


def test_issuer_null_for_news_agency() -> None:
    text = "EU presses Ruritania\n\nTASHKENT, June 15, 2015 - Uzbekistan and the EU met, the bloc said."
    assert _run(text).issuer is None


def test_trie_pattern_matches_exactly_the_words() -> None:
    import re

    pat = re.compile(r"(?:" + trie_pattern(["Guinea", "Guinea-Bissau", "Gui"]) + r")\Z")
    assert pat.match("Guinea-Bissau")
    assert pat.match("Guinea")
    assert pat.match("Gui")
    assert not pat.match("Guin")


def test_gazetteer_country_names() -> None:
    assert gazetteer().country_names["KZ"] == "Kazakhstan"
    assert gazetteer().code_of("Viet Nam") == "VN"


def test_a_demonym_after_a_name_particle_is_part_of_a_person_name() -> None:
    assert _codes("The EU raised the case of Sajjad al-Iraqi with Iraq.") == ["EU", "IQ"]
    assert _codes("The EU-Iraq Subcommittee met.") == ["EU", "IQ"]


def test_issuer_partner_for_its_ministry_named_on_another_header_line() -> None:
    for header, code in (
        ("Ministry of Foreign Affairs\nGovernment of Pakistan\n\nPress Release", "PK"),
        ("Ministerio de Relaciones Exteriores\nMinistry of Foreign Affairs of Ecuador", "EC"),
        ("Kingdom of Morocco\nMinistry of Foreign Affairs, African Cooperation and Expatriates", "MA"),
    ):
        doc = _run(header + "\n\nThe country and the EU held their dialogue. The EU welcomed it.")
        assert doc.issuer == code, header
    # A ministry named only in the body issues nothing.
    assert _run("Title line\n\nThe EU met the Ministry of Foreign Affairs of Uzbekistan.").issuer is None


def test_a_city_in_upper_case_is_given_in_title_case() -> None:
    doc = _run("Title\n\nNAY PYI TAW — The EU met Myanmar.")
    assert [(p.city, p.country) for p in doc.places][:1] == [("Nay Pyi Taw", "MM")]


def test_a_place_name_over_the_break_of_a_wrapped_line() -> None:
    from hrd.extract import places, segment
    from hrd.extract.state import Analysis

    text = "The next round will be held in Nay Pyi\nTaw in 2018, the two sides agreed at the end of it."
    doc = places.run(segment.run(Analysis(text=text)))
    assert [(p.city, p.country) for p in doc.places] == [("Nay Pyi Taw", "MM")]
