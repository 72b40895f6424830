"""Lists: a sentence ending in a colon, its items, and the side it names."""

from __future__ import annotations

from hrd.extract.actors import Mention
from hrd.extract.lists import LIST_INTRO, list_speaker


def test_a_colon_at_the_end_of_a_line_opens_a_list() -> None:
    assert LIST_INTRO.search("The European Union:\n")
    assert LIST_INTRO.search("The talks covered:")
    assert not LIST_INTRO.search("The EU said: the talks were useful.")


def test_the_speaker_is_the_last_party_or_both_sides_named() -> None:
    third = Mention(0, 5, "third", "")
    eu = Mention(10, 12, "party", "EU")
    both = Mention(20, 31, "both", "both")
    assert list_speaker([third, eu]) == eu
    assert list_speaker([eu, both]) == both
    assert list_speaker([third]) is None
