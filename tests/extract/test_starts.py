from __future__ import annotations

import random
import re

import pytest

from hrd.extract.starts import Literals, Starts, holds_any

_PATTERNS = [
    (
        r"(?<![\w-])(?:(?P<k0>(?:(?:annual|regular)\s+)?human[- ]rights\s+dialogue)"
        r"|(?P<k1>(?-i:Dialogue)(?!s)))",
        re.I,
    ),
    (r"(?<![\w-])(?:(?-i:Sub-?[Cc]ommittee|Working\s+Group)\s+on\s+(?-i:[A-Z])|talks)", re.I),
    (r"\bkit(?:e|es)\b", re.I),
    (r"(?:ab)+c|b", 0),
]
_TEXT = (
    "Human Rights Dialogue human-rights dialogue Dialogue Dialogues annual regular Sub-Committee on Justice"
    " Subcommittee on trade Working Group on X talks TALKS \u212aITE kite ſ İ ababc b , . - \n"
)


@pytest.mark.parametrize(("source", "flags"), _PATTERNS)
def test_starts_finds_the_same_matches_as_finditer(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    starts = Starts(pattern)
    words = _TEXT.split(" ")
    rng = random.Random(source)
    for _ in range(300):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "", "-", "\n"]) for _ in range(rng.randint(1, 12))
        )
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        got = [m.span() for m in starts.finditer(text, start, end, starts.positions(text))]
        assert got == [m.span() for m in pattern.finditer(text, start, end)], (text, start, end)
        spans = [(start, end), (0, start)]
        want = [m.span() for a, b in spans for m in pattern.finditer(text, a, b)]
        assert [m.span() for m in starts.in_windows(text, spans)] == want


@pytest.mark.parametrize(("source", "flags"), _PATTERNS[:3])
def test_a_stretch_without_a_required_literal_holds_no_match(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    literals = Literals(pattern)
    words = _TEXT.split(" ")
    rng = random.Random(source)
    for _ in range(300):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "", "-", "\n"]) for _ in range(rng.randint(1, 12))
        )
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        if not holds_any(literals.spans(text), start, end):
            assert pattern.search(text[start:end]) is None
            assert pattern.search(text, start, end) is None
