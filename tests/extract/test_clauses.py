"""Clause splitting."""

from __future__ import annotations

import itertools

from hrd.extract.actors import find_mentions
from hrd.extract.acts import find_triggers
from hrd.extract.clauses import split_clauses, trim


def clauses(text: str) -> list[str]:
    triggers = find_triggers(text)
    mentions = find_mentions(text, 0, len(text), parties=(), partner="KZ")
    return [
        text[a:b]
        for a, b in (trim(text, *span) for span in split_clauses(text, 0, len(text), triggers, mentions))
    ]


def test_cut_before_the_next_subject() -> None:
    assert clauses("Both sides discussed torture and the EU called for investigations.") == [
        "Both sides discussed torture",
        "and the EU called for investigations.",
    ]


def test_cut_at_the_connector_of_a_participle() -> None:
    assert clauses("Elections must be fair, the EU emphasised, urging reform of the electoral code.") == [
        "Elections must be fair, the EU emphasised",
        "urging reform of the electoral code.",
    ]


def test_a_passive_keeps_its_subject() -> None:
    assert clauses("The EU welcomed the new code, and detention conditions were also discussed.") == [
        "The EU welcomed the new code",
        "and detention conditions were also discussed.",
    ]


def test_spans_tile_the_sentence() -> None:
    text = "The EU welcomed X while expressing concern about Y and called for Z."
    spans = split_clauses(text, 0, len(text), find_triggers(text), [])
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
