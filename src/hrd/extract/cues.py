"""Compile lexicon cue lists (regular-expression fragments) into one alternation.

Lexicon patterns are written for readability: a space stands for any run of
whitespace or hyphens ("freedom-of-expression"; a single character inside a
look-behind, which must have a fixed width). :func:`compile_cues` orders the
alternatives longest first (look-arounds only break ties), so that at any one
place the longest cue wins, and tags each with a label that
:meth:`CueSet.finditer` returns with the match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["CueSet", "compile_cues", "spaced"]


def spaced(pattern: str) -> str:
    """Replace literal spaces by runs of whitespace or hyphens (one character in look-behinds)."""
    out: list[str] = []
    depth = 0
    behind: list[int] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[":
            j = pattern.index("]", i + 2 if pattern[i + 1 : i + 2] == "]" else i + 1)
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if ch == "(":
            depth += 1
            if pattern.startswith(("(?<!", "(?<="), i):
                behind.append(depth)
        elif ch == ")":
            if behind and behind[-1] == depth:
                behind.pop()
            depth -= 1
        elif ch == " ":
            out.append(r"[\s-]" if behind else r"[\s-]+")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class CueSet:
    """A compiled alternation whose matches carry the label of their cue."""

    regex: re.Pattern[str] | None
    labels: tuple[str, ...]

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        if self.regex is None:
            return
        stop = len(text) if end is None else end
        for m in self.regex.finditer(text, start, stop):
            if m.end() == m.start():
                continue
            name = m.lastgroup
            assert name is not None
            yield m.start(), m.end(), self.labels[int(name[1:])]


def _weight(pattern: str) -> int:
    """The pattern's length without look-around groups: a proxy for the length of its matches."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            depth = 0
            while i < len(pattern):
                ch = pattern[i]
                if ch == "\\":
                    i += 2
                    continue
                depth += ch == "("
                depth -= ch == ")"
                i += 1
                if depth == 0:
                    break
            continue
        out.append(pattern[i])
        i += 1
    return len(out)


def compile_cues(
    cues: Iterable[tuple[str, str]], *, ignore_case: bool = True, after_hyphen: bool = False
) -> CueSet:
    """Compile ``(pattern, label)`` pairs, whole words only, longest pattern first.

    With ``after_hyphen`` a cue may also end a hyphenated word ("anti-torture").
    """
    items = sorted(set(cues), key=lambda c: (-_weight(c[0]), -len(c[0]), c[0]))
    if not items:
        return CueSet(None, ())
    parts = [f"(?P<g{i}>{spaced(p)})" for i, (p, _) in enumerate(items)]
    flags = re.IGNORECASE if ignore_case else 0
    left = r"(?<!\w)" if after_hyphen else r"(?<![\w-])"
    regex = re.compile(left + "(?:" + "|".join(parts) + r")(?!\w)", flags)
    return CueSet(regex, tuple(label for _, label in items))
