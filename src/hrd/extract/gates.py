"""Exact shortcuts for regular expressions that the stages run over a readout.

Python's ``re`` tries a pattern at every position of the searched text unless
the pattern starts with a literal, and a pattern that ignores case is slower
still. A :class:`Gate` wraps a compiled pattern with shortcuts that never
change a result:

* the readers of :mod:`.regex_source` find in the pattern's source literals
  that every match holds (a stretch of plain characters, or one of the words
  of a group it must go through). Where one is absent from the searched range
  (``str.find``, many times faster than the pattern), there is no match.
* a "^..." pattern in MULTILINE mode is tried only where lines start.
* :func:`folded` compiles an IGNORECASE pattern whose letters are all lower
  case without the flag. Over the lower-cased text it matches at exactly the
  same places, because ``str.lower`` keeps every character a word, space or
  digit character and the flag folds only four characters onto ASCII letters
  that ``str.lower`` does not (:data:`FOLD_UNSAFE`); a text that holds one of
  them is searched with the original pattern.

Matches keep the original pattern's offsets; the group texts of a folded
pattern's matches are lower case (callers slice the original text by offsets
where the case matters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .regex_source import IGNORECASE_FLAG, class_end, has_alternatives, required_literal, required_sets

__all__ = ["FOLD_UNSAFE", "Gate", "folded", "lower_if_safe"]

FOLD_UNSAFE = "\u0130\u0131\u017f\u212a"
"""The non-ASCII characters that IGNORECASE matches with an ASCII letter (İ ı ſ K)."""
_UNSAFE = re.compile(f"[{FOLD_UNSAFE}]")
_MAX_ANY = 24
_MIN_ANY = 4
_SHORT = 80
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


@lru_cache(maxsize=256)
def lower_if_safe(text: str) -> str | None:
    """``text.lower()`` when it has the same offsets and folds like IGNORECASE, else None."""
    if text.isascii():
        return text.lower()
    if _UNSAFE.search(text):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def _kept_escape(source: str, i: int) -> str | None:
    """The escape at ``source[i]`` (a backslash and one character), or None for one that names a
    character by code (its lower case could not be written by folding the source)."""
    nxt = source[i + 1 : i + 2]
    return None if nxt in ("x", "u", "U", "N") or nxt.isdigit() else source[i : i + 2]


def _fold_class(body: str) -> str | None:
    """The body of a character class with its letters in lower case, or None when a range
    would change (only ranges between two letters of one case, two digits or two ASCII
    characters outside the letters are kept)."""
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            escape = _kept_escape(body, i)
            if escape is None:
                return None
            out.append(escape)
            i += 2
            continue
        if body[i + 1 : i + 2] == "-" and i + 2 < len(body):
            a, b = ch, body[i + 2]
            if b == "\\":
                return None
            letters = any(c.isalpha() for c in map(chr, range(ord(a), ord(b) + 1)))
            upper = a.isupper() and b.isupper()
            same = a.isascii() and b.isascii() and (upper or (a.islower() and b.islower()))
            if letters and not same:
                return None
            out.append(f"{a.lower()}-{b.lower()}")
            i += 3
            continue
        if not ch.isascii() and (ch != ch.lower() or ch != ch.upper()):
            return None
        out.append(ch.lower())
        i += 1
    return "".join(out)


def folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` with its letters in lower case and without IGNORECASE, to run over lower-cased
    text; None unless ``pattern`` ignores case and its source has no inline flags, no cased
    non-ASCII letter, no escape that names a character by code and no range that lower case
    would change."""
    source = pattern.pattern.removeprefix(IGNORECASE_FLAG)  # the flag is in pattern.flags too
    if not pattern.flags & re.IGNORECASE or _INLINE_FLAGS.search(source):
        return None
    out: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            escape = _kept_escape(source, i)
            if escape is None:
                return None
            out.append(escape)
            i += 2
            continue
        if ch == "[":
            end = class_end(source, i)
            if end is None:
                return None
            head = 2 if source[i + 1 : i + 2] == "^" else 1
            body = _fold_class(source[i + head : end - 1])
            if body is None:
                return None
            out.append(source[i : i + head] + body + "]")
            i = end
            continue
        if source.startswith(("(?P<", "(?P="), i):
            close = source.find(">" if source[i + 3] == "<" else ")", i)
            name = source[i + 4 : close]
            if close < 0 or name != name.lower():
                return None
            out.append(source[i : close + 1])
            i = close + 1
            continue
        if source.startswith("{", i):  # a quantifier or a literal brace: no letters to fold
            close = source.find("}", i)
            if close > 0 and source[i : close + 1] != source[i : close + 1].lower():
                return None
        if not ch.isascii() and (ch != ch.lower() or ch != ch.upper()):
            return None
        out.append(ch.lower())
        i += 1
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


class Gate:
    """A compiled pattern with the shortcuts of this module; ``search`` and ``finditer`` find
    the same matches (spans) as the pattern's own methods."""

    __slots__ = ("_folded", "_ignorecase", "_lines", "_literal", "_sets", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._ignorecase = bool(pattern.flags & re.IGNORECASE)
        verbose = bool(pattern.flags & re.VERBOSE)
        # A case-sensitive pattern's longest literal, looked for as written.
        self._literal = None if verbose or self._ignorecase else required_literal(pattern.pattern)
        # Sets of lower-case literals, one of each in every match (looked for in the lowered
        # text), kept where worth it: few, and none so short that most texts hold it.
        sets = [] if verbose else required_sets(pattern.pattern)
        self._sets = tuple(
            tuple(sorted(x)) for x in sets if len(x) <= _MAX_ANY and min(map(len, x)) >= _MIN_ANY
        )
        self._folded = folded(pattern)
        # "^..." in MULTILINE mode without alternatives: matches start only where lines start.
        self._lines = (
            bool(pattern.flags & re.MULTILINE)
            and pattern.pattern.startswith("^")
            and not has_alternatives(pattern.pattern)
        )

    def _route(self, text: str, start: int, end: int) -> tuple[re.Pattern[str], str] | None:
        """The pattern and string to search, or None when a required literal is missing."""
        pattern = self.pattern
        if self._literal is not None and text.find(self._literal, start, end) < 0:
            return None
        if not self._ignorecase and not self._sets:
            return pattern, text
        low = lower_if_safe(text)
        if low is None:
            return pattern, text
        if end - start > _SHORT:  # a short range is searched sooner than its literals are
            for group in self._sets:
                for x in group:  # a loop: any() over a generator costs more than the finds here
                    if low.find(x, start, end) >= 0:
                        break
                else:
                    return None
        return (self._folded, low) if self._folded is not None and self._ignorecase else (pattern, text)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        end = len(text) if end is None else end
        route = self._route(text, start, end)
        if route is None:
            return None
        pattern, string = route
        if not self._lines:
            return pattern.search(string, start, end)
        pos = 0 if start == 0 else string.find("\n", start - 1, end) + 1
        if pos == 0 < start:
            return None
        while True:
            m = pattern.match(string, pos, end)
            if m is not None:
                return m
            newline = string.find("\n", pos, end)
            if newline < 0:
                return None
            pos = newline + 1

    def match(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        end = len(text) if end is None else end
        if not self._ignorecase:
            return self.pattern.match(text, start, end)
        low = lower_if_safe(text)
        if low is None or self._folded is None:
            return self.pattern.match(text, start, end)
        return self._folded.match(low, start, end)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if end is None else end
        route = self._route(text, start, end)
        return iter(()) if route is None else route[0].finditer(route[1], start, end)
