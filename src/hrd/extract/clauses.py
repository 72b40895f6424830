"""Clause splitting: one clause per act trigger, with exact character offsets.

A sentence with several triggers ("The EU welcomed X while expressing concern
about Y") is cut between each pair of triggers at the last clause connector
(comma, semicolon, "and", "while", "but") before the next trigger's subject;
where the next trigger is passive or a noun phrase, its subject (the topic)
comes before it, so the cut is at the first strong connector (", and", ";",
"while") instead. The first clause starts at the sentence start and the last
ends at the sentence end, so fronted phrases ("On illicit drugs, ...") and
postponed subjects ("..., the EU stressed") stay in their clause.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .actors import Mention, subject_of
from .acts import Trigger
from .gates import Gate

__all__ = ["split_clauses", "trim"]

_CONNECTOR = Gate(
    re.compile(
        r"[,;:]|—|–|\s-\s|\b(?:and|but|while|whilst|whereas|although|though|yet|as well as)\b", re.IGNORECASE
    )
)
_STRONG = Gate(
    re.compile(r";|,\s+(?:and|but|while|whilst|whereas)\b|\b(?:while|whilst|whereas)\b", re.IGNORECASE)
)
_EDGE = " \t\r\n,;:—–-"
_LEAD = _EDGE + "•·▪‣◦*"  # a list item's bullet opens no clause


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` without surrounding spaces and clause punctuation (never empty)."""
    a, b = start, end
    while a < b and text[a] in _LEAD:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    return (a, b) if a < b else (start, end)


def _cut(text: str, prev: Trigger, nxt: Trigger, mentions: Sequence[Mention]) -> int:
    lo, hi = prev.end, nxt.start
    if nxt.voice in ("passive", "nominal"):
        strong = _STRONG.search(text, lo, hi)
        if strong:
            return strong.start()
    elif nxt.voice != "ing":
        subject = subject_of(text, mentions, lo, hi, near=True)
        if subject is not None:
            hi = subject.start
    last = None
    for m in _CONNECTOR.finditer(text, lo, hi):
        last = m
    if last is not None:
        return last.start()
    return hi


def split_clauses(
    text: str, start: int, end: int, triggers: Sequence[Trigger], mentions: Sequence[Mention]
) -> list[tuple[int, int]]:
    """One ``(start, end)`` span per trigger; the spans tile ``text[start:end]``."""
    if not triggers:
        return []
    cuts = [start]
    for prev, nxt in itertools.pairwise(triggers):
        cuts.append(max(cuts[-1], _cut(text, prev, nxt, mentions)))
    cuts.append(end)
    return [(cuts[i], cuts[i + 1]) for i in range(len(triggers))]
