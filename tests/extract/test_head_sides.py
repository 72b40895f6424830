"""Which side each head of delegation is on."""

from __future__ import annotations

from hrd.extract.head_sides import head_parties
from hrd.extract.state import MeetingInfo

KG = (MeetingInfo(kind="human-rights-dialogue", name=None, parties=("EU", "KG")),)
GB_LA = (MeetingInfo(kind="human-rights-dialogue", name=None, parties=("GB", "LA")),)


def test_respectively_names_the_sides_in_order() -> None:
    clause = "co-chaired by X and Y for the European Union and for Kyrgyzstan, respectively"
    assert head_parties(KG, ["", ""], [None, None], clause) == ["EU", "KG"]


def test_a_title_names_a_side_and_the_other_head_takes_the_other() -> None:
    titles = ["Head of Division at the European External Action Service", "Director of the Legal Department"]
    assert head_parties(KG, ["", ""], titles, "") == ["EU", "KG"]


def test_an_ambassador_to_a_country_is_not_on_its_side() -> None:
    assert head_parties(KG, [""], ["EU Ambassador to the Kyrgyz Republic"], "") == ["EU"]


def test_a_partners_title_without_a_country_puts_its_holder_on_the_partners_side() -> None:
    assert head_parties(KG, [""], ["Deputy Minister of Justice"], "") == ["KG"]


def test_in_a_dialogue_the_eu_does_not_hold_the_first_party_comes_first() -> None:
    assert head_parties(GB_LA, ["", ""], [None, None], "") == ["GB", "LA"]
