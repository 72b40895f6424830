"""Compiling lexicon cues."""

from __future__ import annotations

import re

from hrd.extract.cues import compile_cues, spaced


def test_spaces_match_whitespace_and_hyphens_but_stay_fixed_width_in_lookbehinds() -> None:
    assert re.fullmatch(spaced("freedom of speech"), "freedom-of  speech")
    re.compile(spaced("speech(?<!hate speech)"))  # would fail with a variable-width look-behind


def test_longest_cue_wins_and_labels_come_back() -> None:
    cues = compile_cues(
        [("rights", "a"), ("human rights(?! defenders)", "b"), ("human rights defenders", "c")]
    )
    assert [label for *_, label in cues.finditer("human rights defenders and human rights")] == ["c", "b"]


def test_whole_words_only_unless_after_a_hyphen_is_allowed() -> None:
    assert list(compile_cues([("torture", "t")]).finditer("anti-torture")) == []
    assert list(compile_cues([("torture", "t")], after_hyphen=True).finditer("anti-torture")) == [
        (5, 12, "t")
    ]
    assert list(compile_cues([("art", "t")]).finditer("partial")) == []


def test_a_space_followed_by_a_question_mark_is_optional() -> None:
    regex = re.compile(spaced("cyber ?crime"))
    assert regex.fullmatch("cybercrime") and regex.fullmatch("cyber crime") and regex.fullmatch("cyber-crime")


def test_every_cue_of_the_statements_stage_is_filed_under_a_literal_start() -> None:
    from hrd.extract import actors, acts, topics

    for cue_set in (acts.CUES, *topics.CUES, *actors.CUES):
        assert cue_set.unfiled == ()


def test_cues_starting_with_an_article_are_found_after_it() -> None:
    cues = compile_cues([("the European Union", "eu"), ("the (?:two|both) sides", "both")])
    text = "Then the European Union and the two sides met; the Union too."
    assert [label for *_, label in cues.finditer(text)] == ["eu", "both"]


def test_a_cue_with_an_optional_hyphen_matches_the_joined_spelling() -> None:
    cues = compile_cues([(r"sub-?committee on (?:\w+ ){0,3}?justice", "x")])
    for text in ("the sub-committee on justice", "the subcommittee on home affairs and justice"):
        assert [label for _, _, label in cues.finditer(text)] == ["x"], text
