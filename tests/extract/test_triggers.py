from __future__ import annotations

import re

from hrd.extract.triggers import find_prefixes, find_words, in_windows, lowered, windows, word_runs


def test_lowered_keeps_offsets() -> None:
    text = "İstanbul Convention"
    low = lowered(text)
    assert len(low) == len(text)
    assert low.endswith("convention")


def test_find_words_whole_words_only_in_range() -> None:
    text = "act, acts, Act; impact act"
    assert find_words(text, ("act",), 0, len(text)) == [(0, 3), (23, 26)]
    assert find_words(text, ("act",), 1, len(text)) == [(23, 26)]


def test_find_prefixes_at_word_starts() -> None:
    text = "detained, undetained, detention"
    assert find_prefixes(text, ("detain", "detent"), 0, len(text)) == [(0, 6), (22, 28)]


def test_windows_merge_and_start_at_a_word() -> None:
    text = "alpha beta gamma delta epsilon"
    got = windows(text, [(11, 16), (17, 22)], 0, len(text), 3, 2)
    assert got == [(6, 24)]
    assert text[got[0][0] :].startswith("beta")


def test_in_windows_finds_matches_only_inside() -> None:
    text = "Act one. Act two. Act three."
    pattern = re.compile(r"Act \w+")
    assert [m.group(0) for m in in_windows(pattern, text, [(9, 17)])] == ["Act two"]


def test_word_runs_are_the_ascii_runs_of_letters_and_digits() -> None:
    assert word_runs("Décret-Law (ICCPR), 12th U.S.") == {
        b"D",
        b"cret",
        b"Law",
        b"ICCPR",
        b"12th",
        b"U",
        b"S",
    }


def test_find_words_still_finds_words_with_inner_punctuation_and_skips_absent_ones() -> None:
    text = "The OP-CAT, 5 u.s. dollars, the Décret and acts; no OPCAT here but OP_CAT"
    low = lowered(text)
    assert find_words(text, ("OP-CAT", "OPCAT", "CAT"), 0, len(text)) == [
        (4, 10),
        (7, 10),
        (52, 57),
        (70, 73),
    ]
    assert find_words(low, ("u.s. dollars", "décret", "act"), 0, len(text)) == [(14, 26), (32, 38)]
    assert find_words(text, ("Kelvin",), 0, len(text)) == []
