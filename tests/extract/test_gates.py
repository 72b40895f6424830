from __future__ import annotations

import random
import re

import pytest

from hrd.extract.gates import FOLD_UNSAFE, Gate, folded, lower_if_safe


def test_folded_lowers_letters_and_drops_the_flag() -> None:
    pattern = folded(re.compile(r"\bEmbassy of [A-Z][a-z]+\b", re.IGNORECASE))
    assert pattern is not None
    assert pattern.pattern == r"\bembassy of [a-z][a-z]+\b"
    assert not pattern.flags & re.IGNORECASE


def test_folded_refuses_what_lower_case_would_change() -> None:
    assert folded(re.compile("abc")) is None  # not IGNORECASE
    assert folded(re.compile("(?-i:Dialogue)", re.IGNORECASE)) is None
    assert folded(re.compile("[A-z]", re.IGNORECASE)) is None
    assert folded(re.compile(r"\x41", re.IGNORECASE)) is None
    assert folded(re.compile("(?P<Word>a)", re.IGNORECASE)) is None
    assert folded(re.compile("Éire", re.IGNORECASE)) is None


def test_fold_unsafe_lists_every_character_ignorecase_folds_onto_ascii_letters() -> None:
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(128, 0x110000) if ascii_letter.match(chr(c)))
    assert found == FOLD_UNSAFE


def test_lower_if_safe() -> None:
    assert lower_if_safe("The EU") == "the eu"
    assert lower_if_safe("Kelvin \u212a") is None
    assert lower_if_safe("\u0130stanbul") is None


def test_multiline_caret_pattern_is_tried_at_line_starts() -> None:
    gate = Gate(re.compile(r"^[A-Z]+, \d", re.MULTILINE))
    text = "x\nAB, 1\nCD, 2"
    assert gate.search(text) is not None
    assert gate.search(text).span() == (2, 7)  # type: ignore[union-attr]
    assert gate.search(text, 3).span() == (8, 13)  # type: ignore[union-attr]
    assert gate.search(text, 3, 12) is None
    assert gate.search("AB, 1").span() == (0, 5)  # type: ignore[union-attr]


_PATTERNS = [
    (r"\b(?:will\s+(?:be\s+held|meet)|(?:is|are)\s+scheduled|to\s+be\s+held)\b", re.IGNORECASE),
    (r"\bnext\s+year\b", re.IGNORECASE),
    (r"\bMinistry of Foreign Affairs of\b|\bEmbassy of\b", re.IGNORECASE),
    (r"\bthe (?:joint )?(?:statement|press release) said\b", 0),
    (r"^[A-Z][A-Z .'-]{2,}, \d{1,2} [A-Z][a-z]{2,8},? \d{4} [-–] ", re.MULTILINE),
    (r"(?<![\w-])(?:co-?chaired|headed|led)\s+by\b", re.IGNORECASE),
    (r"\bSk\w+ k[a-z]+\b", re.IGNORECASE),
    (r"[^,;]{0,20}?\bsaid\b", re.IGNORECASE),
]
_TEXT = (
    "will be held meet is are scheduled to next year Ministry of Foreign Affairs Embassy the joint statement"
    " press release said CO-CHAIRED Headed led by Sky kite \u212aite \u017fky \u0130s BRUSSELS, 12 May 2021"
    " – , ; é É \n"
)
_WORDS = [*_TEXT.split(" ")]


@pytest.mark.parametrize(("source", "flags"), _PATTERNS)
def test_gate_finds_the_same_matches_as_the_pattern(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    gate = Gate(pattern)
    rng = random.Random(source)
    for _ in range(400):
        text = "".join(
            rng.choice(_WORDS) + rng.choice([" ", "  ", "\n", "", "-"]) for _ in range(rng.randint(1, 14))
        )
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = pattern.search(text, start, end)
        got = gate.search(text, start, end)
        assert (got.span() if got else None) == (want.span() if want else None), (text, start, end)
        want = pattern.match(text, start, end)
        got = gate.match(text, start, end)
        assert (got.span() if got else None) == (want.span() if want else None), (text, start, end)
        assert [m.span() for m in gate.finditer(text, start, end)] == [
            m.span() for m in pattern.finditer(text, start, end)
        ]
