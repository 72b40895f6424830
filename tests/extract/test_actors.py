"""Actor mentions and subjects."""

from __future__ import annotations

from hrd.extract.actors import find_mentions, subject_of
from hrd.extract.state import HeadInfo, PartyMention


def mentions(
    text: str, parties: tuple[PartyMention, ...] = (), heads: tuple[HeadInfo, ...] = ()
) -> list[tuple[str, str, str]]:
    found = find_mentions(
        text, 0, len(text), parties=parties, partner="KZ", meeting_parties=("EU", "KZ"), heads=heads
    )
    return [(text[m.start : m.end], m.kind, m.code) for m in found]


def test_eu_and_partner_joined_by_and_are_both() -> None:
    text = "The European Union and the Republic of Kazakhstan met."
    parties = (PartyMention(39, 49, "KZ"),)
    assert mentions(text, parties)[0] == ("The European Union and the Republic of Kazakhstan", "both", "both")


def test_generic_phrases() -> None:
    assert mentions("The authorities replied.")[0][1:] == ("party", "KZ")
    assert mentions("The two delegations agreed.")[0][1:] == ("both", "both")
    assert mentions("It agreed.")[0][1] == "it"
    assert mentions("NGOs agreed.")[0][1] == "third"
    assert mentions("The Uzbek side agreed.")[0] == ("The Uzbek side", "party", "KZ")


def test_head_of_delegation_by_surname() -> None:
    head = HeadInfo(party="KZ", name="Bolat Dembaev", title=None)
    assert ("Dembaev", "party", "KZ") in mentions("Mr Dembaev outlined the reform.", heads=(head,))


def test_subject_is_not_after_a_preposition_nor_possessive() -> None:
    text = "At the invitation of the EU, Kazakhstan's reforms were discussed."
    found = find_mentions(text, 0, len(text), parties=(PartyMention(29, 39, "KZ"),), partner="KZ")
    assert len(found) == 2
    assert subject_of(text, found, 0, text.index("were")) is None


def test_two_organisations_are_both_and_the_presidency_or_troika_is_the_eu() -> None:
    assert mentions("The two Unions reaffirmed their commitment.")[0][1:] == ("both", "both")
    assert mentions("Both organisations agreed.")[0][1:] == ("both", "both")
    assert mentions("The Troika voiced concern.")[0][1:] == ("party", "EU")
    assert mentions("The Presidency handed over a list.")[0][1:] == ("party", "EU")
    assert mentions("The Presidency of the Council handed over a list.")[0][1:] == ("party", "EU")


def test_an_organisation_named_after_the_partner_is_a_third_party() -> None:
    text = "The Kazakh Institute for Legal Aid called on the EU to act. The Kazakh Government replied."
    kazakh = [i for i in range(len(text)) if text.startswith("Kazakh ", i)]
    parties = tuple(PartyMention(i, i + 6, "KZ") for i in kazakh)
    assert mentions(text, parties)[0] == ("Kazakh Institute", "third", "")
    assert ("The Kazakh Government", "party", "KZ") in mentions(text, parties)


def test_two_clauses_joined_by_and_keep_their_own_subjects() -> None:
    text = "The Kazakh side presented its plan, and the EU side briefed on its own law."
    parties = (PartyMention(4, 10, "KZ"), PartyMention(44, 46, "EU"))
    assert [m[1:] for m in mentions(text, parties)] == [("party", "KZ"), ("party", "EU")]


def test_participants_who_exchange_views_are_both_sides_else_a_third_party() -> None:
    assert mentions("The participants exchanged views on the reforms.")[0][1:] == ("both", "both")
    assert mentions("Participants described pressure on activists.")[0][1] == "third"


def test_chair_phrases_between_commas() -> None:
    from hrd.extract.actors import chair_phrases

    text = "The SOM, co-chaired by Ms A B, Director, and Mr C D, Permanent Secretary, reviewed relations."
    (span,) = chair_phrases(text, 0, len(text))
    assert text[span[0] : span[1]] == ", co-chaired by Ms A B, Director, and Mr C D, Permanent Secretary, "
    assert chair_phrases("The EU raised the case of Mr C D, a lawyer.", 0, 43) == []


def test_a_party_after_a_preposition_and_the_eu_after_a_comma_are_not_both() -> None:
    text = "Kazakhstan outlined the plan adopted by the Government, and the EU encouraged the authorities."
    assert all(kind != "both" for _, kind, _ in mentions(text))
    text = "The Government and the EU agreed."
    assert mentions(text)[0][1] == "both"


def test_two_sides_of_another_donors_dialogue_joined_by_and_are_both() -> None:
    text = "The UK and Vietnam discussed the death penalty."
    parties = (PartyMention(4, 6, "GB"), PartyMention(11, 18, "VN"))
    found = find_mentions(text, 0, len(text), parties=parties, partner="VN", meeting_parties=("GB", "VN"))
    first = found[0]
    assert (text[first.start : first.end], first.kind) == ("UK and Vietnam", "both")
