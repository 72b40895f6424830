from __future__ import annotations

import random

from hrd.extract.meeting_mentions import _SIDE_CLAUSE, side_clause_spans


def test_side_clause_spans_are_the_side_clause_pattern_matches() -> None:
    words = ["while", "whereas", "but", "butter", "awhile", "_but", "but_", ";", "x", "é", "but’s", "-"]
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(
            rng.choice(words) + rng.choice(["", " ", ";", "\n"]) for _ in range(rng.randint(1, 10))
        )
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = [m.span() for m in _SIDE_CLAUSE.finditer(text, start, end)]
        assert side_clause_spans(text, start, end) == want, (text, start, end)
