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

from .gates import class_end, group_end, lower_if_safe, required_literal, skip_quantifier

__all__ = ["Literals", "Starts", "first_literals", "holds_any", "required_any"]

_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_GROUP_HEAD = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?:")

_ZERO_WIDTH = ("(?<!", "(?<=", "(?=", "(?!")
_MAX_FIRSTS = 64


def _split_alternatives(source: str) -> list[str] | None:
    """The top-level alternatives of ``source``."""
    out: list[str] = []
    i = last = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
        elif ch in "[(":
            end = class_end(source, i) if ch == "[" else group_end(source, i)
            if end is None:
                return None
            i = end
        elif ch == "|":
            out.append(source[last:i])
            i = last = i + 1
        else:
            i += 1
    out.append(source[last:])
    return out


def _group_body(group: str) -> str | None:
    """The inside of a consuming group ("(...)", "(?:...)", "(?P<n>...)", "(?-i:...)")."""
    if not group.startswith("(?"):
        return group[1:-1]
    if group.startswith("(?P<"):
        return group[group.index(">") + 1 : -1]
    m = _GROUP_HEAD.match(group)
    return group[m.end() : -1] if m else None


def _firsts(source: str) -> set[str] | None:
    """Lower-case literal beginnings of the matches of ``source`` (one alternative)."""
    i = 0
    while True:  # zero-width assertions at the start consume nothing
        if source.startswith(("\\b", "^"), i):
            i += 1 if source[i] == "^" else 2
        elif source.startswith(_ZERO_WIDTH, i):
            end = group_end(source, i)
            if end is None:
                return None
            i = end
        else:
            break
    source = source[i:]
    if source.startswith("("):
        end = group_end(source, 0)
        body = None if end is None else _group_body(source[:end])
        alternatives = None if body is None else _split_alternatives(body)
        if end is None or alternatives is None:
            return None
        rest = source[end:]
        optional = rest[:1] in ("?", "*") or rest.startswith("{0")
        if rest[:1] in ("+", "{") and not optional:
            rest = ""  # repeated: its first turn is all that is sure
        elif optional:
            rest = source[skip_quantifier(source, end) :]
        out: set[str] = set()
        for alt in alternatives:
            got = _firsts(alt + rest)
            if got is None:
                return None
            out |= got
        if optional:
            got = _firsts(rest)
            if got is None:
                return None
            out |= got
        return out
    run: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        step = 1
        if ch == "\\":
            nxt = source[i + 1 : i + 2]
            if not nxt or nxt.isalnum() or nxt == "_":
                break
            ch, step = nxt, 2
        elif ch == "[":  # a class of one letter in either case ("[Cc]") is that letter
            end = class_end(source, i)
            if end is None:
                break
            body = source[i + 1 : end - 1]
            if len(set(body.lower())) != 1 or not body.isalpha():
                break
            ch, step = body[0], end - i
        elif ch in "(.^$|?*+{)":
            break
        if not ch.isascii():
            break
        if source[i + step : i + step + 1] in ("?", "*", "{"):
            break
        run.append(ch.lower())
        if source[i + step : i + step + 1] == "+":
            break
        i += step
    return {"".join(run)} if run else None


def first_literals(source: str) -> frozenset[str] | None:
    """Lower-case literal beginnings, one of which starts every match of the regular expression
    ``source`` (with or without IGNORECASE); None where the reader is unsure (a match may begin
    with a class, an optional character or a construct it does not know)."""
    alternatives = _split_alternatives(source)
    if alternatives is None or _GLOBAL_FLAGS.search(source):
        return None
    out: set[str] = set()
    for alt in alternatives:
        got = _firsts(alt)
        if got is None or "" in got:
            return None
        out |= got
    return frozenset(out) if len(out) <= _MAX_FIRSTS else None


class Starts:
    """``pattern.finditer`` tried only where one of the pattern's first literals starts (found
    with ``str.find`` in the lower-cased text); the same matches, in the same order."""

    __slots__ = ("_firsts", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._firsts = first_literals(pattern.pattern)

    def positions(self, text: str) -> list[int] | None:
        """Where a match of the pattern may start in ``text``, in order; None: anywhere."""
        low = lower_if_safe(text)
        if low is None or self._firsts is None:
            return None
        out: set[int] = set()
        for first in self._firsts:
            i = low.find(first)
            while i >= 0:
                out.add(i)
                i = low.find(first, i + 1)
        return sorted(out)

    def in_windows(self, text: str, spans: list[tuple[int, int]]) -> list[re.Match[str]]:
        """The matches inside each of ``spans`` (as :func:`.triggers.in_windows`)."""
        if not spans:
            return []
        positions = self.positions(text)
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


def _sole_group(source: str) -> str | None:
    """The body of the one consuming group that ``source`` is made of, between zero-width
    assertions ("\\b(?:a|b)\\b"); None when ``source`` is anything else."""
    i = 0
    body: str | None = None
    while i < len(source):
        if source.startswith(("\\b", "\\B"), i):
            i += 2
        elif source[i] in "^$":
            i += 1
        elif source.startswith(_ZERO_WIDTH, i):
            end = group_end(source, i)
            if end is None:
                return None
            i = end
        elif source[i] == "(" and body is None:
            end = group_end(source, i)
            body = None if end is None else _group_body(source[i:end])
            if end is None or body is None or source[end : end + 1] in ("?", "*", "{"):
                return None
            i = end + (source[end : end + 1] == "+")
        else:
            return None
    return body


def required_any(source: str) -> frozenset[str] | None:
    """Lower-case literals one of which every match of the regular expression ``source`` holds
    (with or without IGNORECASE): for each alternative its longest required literal
    (:func:`.gates.required_literal`), or those of the alternatives of the group it is made of.
    None where the reader is unsure."""
    alternatives = _split_alternatives(source)
    if alternatives is None or _GLOBAL_FLAGS.search(source):
        return None
    out: set[str] = set()
    for alt in alternatives:
        literal = required_literal(alt, ignorecase=True)
        if literal is not None:
            out.add(literal)
            continue
        body = _sole_group(alt)
        inner = None if body is None else required_any(body)
        if inner is None:
            return None
        out |= inner
    # A text holds a literal that contains another only if it holds that other one.
    return frozenset(x for x in out if not any(y != x and y in x for y in out))


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
