"""A set of disjoint spans with an overlap test in O(log n).

Stages that pick matches greedily ("drop a match that overlaps one already
chosen") used a linear scan over the chosen spans, which made a long
sentence quadratic; :class:`DisjointSpans` keeps them sorted instead.
"""

from __future__ import annotations

from bisect import bisect_left, insort

__all__ = ["DisjointSpans"]

_LOWEST = -(2**63)


class DisjointSpans:
    """Spans ``(start, end)`` no two of which overlap, where ``(a, b)`` and ``(x, y)`` overlap when
    ``a < y and x < b`` (so an empty span strictly inside another overlaps it)."""

    __slots__ = ("_spans",)

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(x, y)`` of the set has ``start < y and x < end``."""
        # Sorted by (start, end), the spans of a disjoint set also have non-decreasing ends, so the
        # last span starting before `end` has the largest end of all those that do.
        j = bisect_left(self._spans, (end, _LOWEST))
        return j > 0 and self._spans[j - 1][1] > start

    def add(self, start: int, end: int) -> None:
        """Add a span; the caller has checked that it overlaps none of the set."""
        insort(self._spans, (start, end))

    def __len__(self) -> int:
        return len(self._spans)
