"""Where a pattern's matches can start: its first literals, found with ``str.find``.

A large alternation that starts with a look-behind ("a meeting name after no
word character") makes ``re`` try every position of a text. :class:`Starts`
reads from the pattern's source the literal beginnings one of which every
match starts with (:func:`first_literals`), finds them in the lower-cased text
and tries the pattern only there, keeping ``finditer``'s matches and order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .gates import lower_if_safe
from .regex_source import first_literals, required_any

__all__ = ["Literals", "Starts", "holds_any"]


class Starts:
    """``pattern.finditer`` tried only where one of the pattern's first literals starts (found
    with ``str.find`` in the lower-cased text); the same matches, in the same order."""

    __slots__ = ("_firsts", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        firsts = first_literals(pattern.pattern)
        # A literal that another one begins ("intends" after "intend") adds no position.
        self._firsts = (
            None
            if firsts is None
            else tuple(sorted(f for f in firsts if not any(f != g and f.startswith(g) for g in firsts)))
        )

    def positions(self, text: str, spans: list[tuple[int, int]] | None = None) -> list[int] | None:
        """Where a match of the pattern may start in ``text`` (inside ``spans`` when given), in
        order; None: anywhere."""
        low = lower_if_safe(text)
        if low is None or self._firsts is None:
            return None
        out: set[int] = set()
        for a, b in [(0, len(text))] if spans is None else spans:
            for first in self._firsts:
                i = low.find(first, a, b)
                while i >= 0:
                    out.add(i)
                    i = low.find(first, i + 1, b)
        return sorted(out)

    def in_windows(self, text: str, spans: list[tuple[int, int]]) -> list[re.Match[str]]:
        """The matches inside each of ``spans`` (as :func:`.triggers.in_windows`)."""
        if not spans:
            return []
        positions = self.positions(text, spans)
        return [m for a, b in spans for m in self.finditer(text, a, b, positions)]

    def finditer(
        self, text: str, start: int, end: int, positions: list[int] | None
    ) -> Iterator[re.Match[str]]:
        """The matches in ``text[start:end]`` (``positions``: :meth:`positions` of ``text``)."""
        if positions is None:
            yield from self.pattern.finditer(text, start, end)
            return
        last = start
        for k in range(bisect.bisect_left(positions, start), len(positions)):
            pos = positions[k]
            if pos >= end:
                break
            if pos < last:
                continue
            m = self.pattern.match(text, pos, end)
            if m is not None and m.end() > pos:
                yield m
                last = m.end()


class Literals:
    """Where a pattern's required literals (:func:`required_any`) occur in a text: a stretch of
    the text without one holds no match of the pattern."""

    __slots__ = ("literals",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.literals = required_any(pattern.pattern)

    def spans(self, text: str) -> list[tuple[int, int]] | None:
        """The spans of the literals in the lowered ``text``, in order; None: unknown."""
        low = lower_if_safe(text)
        if low is None or self.literals is None:
            return None
        out: list[tuple[int, int]] = []
        for literal in self.literals:
            i = low.find(literal)
            while i >= 0:
                out.append((i, i + len(literal)))
                i = low.find(literal, i + 1)
        out.sort()
        return out


def holds_any(spans: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    """Whether one of ``spans`` (sorted; None: unknown, so True) lies inside ``[start, end)``."""
    if spans is None:
        return True
    k = bisect.bisect_left(spans, (start, start))
    while k < len(spans) and spans[k][0] < end:
        if spans[k][1] <= end:
            return True
        k += 1
    return False
