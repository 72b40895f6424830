"""Trigger words: where the expensive patterns of a stage are worth running.

Python's regular expressions scan every position of a text; ``str.find`` on
a literal is many times faster. Stages with large patterns (legal
instruments, programme names, person names) first look for the words that
every match must contain, and run the pattern only in windows around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["find_prefixes", "find_words", "in_windows", "lowered", "windows", "word_runs"]

_ALNUM_RUNS = re.compile(r"[\W_]+")
_NOT_ALNUM_TO_SPACE = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """``text`` in lower case, with the same length (and so the same offsets)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


@lru_cache(maxsize=8)
def word_runs(text: str) -> frozenset[bytes]:
    """The maximal runs of ASCII letters and digits of ``text`` (as ASCII bytes)."""
    return frozenset(text.encode("ascii", "replace").translate(_NOT_ALNUM_TO_SPACE).split())


@lru_cache(maxsize=4096)
def _segments(word: str) -> frozenset[bytes]:
    """The ASCII runs of letters and digits of ``word``, in lower case: a whole-word occurrence
    of ``word`` in a text has each of them as a run of :func:`word_runs` of the lowered text."""
    return frozenset(seg.lower().encode() for seg in _ALNUM_RUNS.split(word) if seg and seg.isascii())


def find_words(haystack: str, words: Iterable[str], start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the whole-word occurrences of ``words`` in ``haystack[start:end]``, in text order.

    A word occurs as a whole word only where each of its ASCII runs of letters and digits is, in
    lower case, a run of letters and digits of the lowered haystack (:func:`word_runs`, one
    split per text): the others are not looked for.
    """
    runs = word_runs(lowered(haystack))
    out: list[tuple[int, int]] = []
    for word in words:
        if not runs.issuperset(_segments(word)):
            continue
        i = haystack.find(word, start, end)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not haystack[i - 1].isalnum()) and (
                j >= len(haystack) or not haystack[j].isalnum()
            ):
                out.append((i, j))
            i = haystack.find(word, i + 1, end)
    out.sort()
    return out


def find_prefixes(haystack: str, prefixes: Iterable[str], start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the occurrences of ``prefixes`` at the start of a word of ``haystack[start:end]``."""
    out: list[tuple[int, int]] = []
    for prefix in prefixes:
        i = haystack.find(prefix, start, end)
        while i >= 0:
            if i == 0 or not haystack[i - 1].isalnum():
                out.append((i, i + len(prefix)))
            i = haystack.find(prefix, i + 1, end)
    out.sort()
    return out


def windows(
    text: str, hits: Iterable[tuple[int, int]], start: int, end: int, before: int, after: int
) -> list[tuple[int, int]]:
    """Merged stretches of ``text[start:end]`` from ``before`` characters before each hit (at a word
    start) to ``after`` characters after it."""
    out: list[tuple[int, int]] = []
    for s, e in hits:
        a = max(start, s - before)
        if a > start:
            a = max(start, text.rfind(" ", start, a) + 1)
        b = min(end, e + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def in_windows(pattern: re.Pattern[str], text: str, spans: Iterable[tuple[int, int]]) -> list[re.Match[str]]:
    """The matches of ``pattern`` inside each of ``spans``."""
    return [m for a, b in spans for m in pattern.finditer(text, a, b)]
