"""The search query language and highlighted snippets, independent of the database.

Queries use the web-search syntax of PostgreSQL's ``websearch_to_tsquery``:
words (all must match), "quoted phrases", ``or`` between alternatives and
``-word`` or ``-"phrase"`` to exclude. :func:`fts5_query` translates it into
an SQLite FTS5 expression in which every word is quoted, so no user input is
ever read as FTS5 syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["HIGHLIGHT_END", "HIGHLIGHT_START", "Snippet", "fts5_query", "snippet_of"]

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of text and the ``[start, end)`` ranges in it that match the query."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()

    def parts(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, highlighted) runs, for faces to render."""
        out: list[tuple[str, bool]] = []
        pos = 0
        for start, end in self.highlights:
            if start > pos:
                out.append((self.text[pos:start], False))
            out.append((self.text[start:end], True))
            pos = end
        if pos < len(self.text):
            out.append((self.text[pos:], False))
        return out


def snippet_of(marked: str) -> Snippet:
    """Parse a text with highlight marks into a :class:`Snippet` (marks removed)."""
    pieces: list[str] = []
    highlights: list[tuple[int, int]] = []
    pos = 0
    start: int | None = None
    for ch in marked:
        if ch == HIGHLIGHT_START:
            start = pos
        elif ch == HIGHLIGHT_END:
            if start is not None and pos > start:
                highlights.append((start, pos))
            start = None
        else:
            pieces.append(ch)
            pos += 1
    return Snippet(
        " ".join("".join(pieces).split()) if not highlights else "".join(pieces), tuple(highlights)
    )


def _phrase(words: str) -> str | None:
    tokens = _WORD_RE.findall(words)
    if not tokens:
        return None
    return '"' + " ".join(tokens) + '"'


def fts5_query(query: str) -> str | None:
    """The FTS5 expression for a web-search style ``query``; ``None`` if nothing positive is left."""
    groups: list[list[str]] = [[]]
    excluded: list[str] = []
    for m in _TOKEN_RE.finditer(query):
        negated, quoted, bare = m.group(1), m.group(2), m.group(3)
        if bare is not None and bare.lower() == "or":
            if groups[-1]:
                groups.append([])
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        phrase = _phrase(quoted if quoted is not None else bare or "")
        if phrase is None:
            continue
        if negated:
            excluded.append(phrase)
        else:
            groups[-1].append(phrase)
    alternatives = ["(" + " AND ".join(g) + ")" for g in groups if g]
    if not alternatives:
        return None
    expression = " OR ".join(alternatives)
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(excluded)})"
    return expression
