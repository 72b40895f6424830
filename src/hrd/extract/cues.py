"""Compile lexicon cue lists (regular-expression fragments) into one alternation.

Lexicon patterns are written for readability: a space stands for any run of
whitespace or hyphens ("freedom-of-expression"; a single character inside a
look-behind, which must have a fixed width). :func:`compile_cues` orders the
alternatives longest first (look-arounds only break ties), so that at any one
place the longest cue wins, and tags each with a label that
:meth:`CueSet.finditer` returns with the match.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from .gates import folded, lower_if_safe

__all__ = ["CueSet", "Found", "Match", "Scanner", "compile_cues", "spaced"]


def spaced(pattern: str) -> str:
    """Replace literal spaces by runs of whitespace or hyphens (one character in look-behinds); a
    space in a character class ("[- ]") stands for any whitespace."""
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
            out.append(pattern[i : j + 1].replace(" ", r"\s"))  # "human[- ]rights" over a line break
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
            optional = pattern[i + 1 : i + 2] == "?"  # "cyber ?crime"
            out.append(r"[\s-]" if behind else r"[\s-]*" if optional else r"[\s-]+")
            i += 2 if optional else 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


_META = set("\\[](){}?*+|.^$")
_STEM = 4
_CACHE_LIMIT = 20000
_ARTICLES = frozenset({"the", "a", "an"})
_WORDS = re.compile(r"(?<!\w)\w+")
_NEXT_WORD = re.compile(r"\s+(\w+)")
Match = tuple[int, int, str]
"""A cue match: start, end, label."""


def _group_end(p: str, k: int) -> int:
    """The index just after the group that opens at ``p[k]``."""
    depth = 0
    while k < len(p):
        if p[k] == "\\":
            k += 2
            continue
        depth += p[k] == "("
        depth -= p[k] == ")"
        k += 1
        if depth == 0:
            break
    return k


def _starts(p: str) -> set[tuple[str, bool]] | None:
    """The literal starts of the matches of ``p``: (lower-case text, whether it is a whole word).

    None where a match can start with anything (a class or a wildcard).
    """
    while p.startswith(("(?<=", "(?<!")):
        p = p[_group_end(p, 0) :]
    if p.startswith("(?:"):
        k = _group_end(p, 0)
        inner, rest = p[3 : k - 1], p[k:]
        if "(" in inner:
            return None
        starts: set[tuple[str, bool]] = set()
        for alt in inner.split("|"):
            got = _starts(alt + rest[1:] if rest[:1] == "?" else alt + rest)
            if got is None:
                return None
            starts |= got
        if rest[:1] == "?":
            got = _starts(rest[1:])
            if got is None:
                return None
            starts |= got
        return starts
    run, k = "", 0
    while k < len(p) and (p[k].isalnum() or p[k] == "_"):
        run += p[k]
        k += 1
    if run.lower() in _ARTICLES and p[k : k + 1] == " ":
        # "the EU": filed under the article and the next word, as the scan looks them up.
        tail = _starts(p[k + 1 :])
        return None if tail is None else {(f"{run.lower()} {word}", whole) for word, whole in tail}
    nxt = p[k : k + 1]
    if nxt in ("?", "*", "{"):
        return {(run[:-1].lower()[:_STEM], False)} if len(run) > 1 else None
    if not run:
        return None
    whole = (
        not nxt or (nxt not in _META and not nxt.isalnum()) or p.startswith(("(?!", "(?=", "[- ]", "[ -]"), k)
    )
    # An optional separator may join the next word on: "sub-?committee" also starts "subcommittee".
    if p[k + 1 : k + 2] == "?" or (p.startswith(("[- ]", "[ -]"), k) and p[k + 4 : k + 5] == "?"):
        whole = False
    return {(run.lower(), True)} if whole else {(run.lower()[:_STEM], False)}


class CueSet:
    """Cues whose matches carry the label of their cue, tried only at words that can start them.

    Each cue is filed under the literal start of its matches (a whole word or
    a stem), so at a word only the few cues that can begin there are tried:
    one small alternation, compiled once per word and cached, longest first.
    """

    __slots__ = ("_after_hyphen", "_cache", "_flags", "_items", "_scanner", "_stems", "_wild", "_words")

    def __init__(self, items: list[tuple[str, str]], flags: int, after_hyphen: bool) -> None:
        self._items = items
        self._flags = flags
        self._after_hyphen = after_hyphen
        self._words: dict[str, list[int]] = {}
        self._stems: dict[str, list[int]] = {}
        self._wild: list[int] = []
        for i, (p, _) in enumerate(items):
            starts = _starts(p)
            if starts is None:
                self._wild.append(i)
                continue
            for text, whole in starts:
                (self._words if whole else self._stems).setdefault(text, []).append(i)
        self._cache: dict[str, tuple[re.Pattern[str], tuple[str, ...]] | None] = {}
        self._scanner: Scanner | None = None  # for finditer, made once: it caches per word

    @property
    def unfiled(self) -> tuple[str, ...]:
        """The cues without a literal start: they are tried at every word (slow)."""
        return tuple(self._items[i][0] for i in self._wild)

    def _regex(self, key: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
        if key in self._cache:
            return self._cache[key]
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        chosen = set(self._wild)
        chosen.update(self._words.get(key, ()))
        head = key.find(" ") + 1  # after an article
        for n in range(head + 1, min(head + _STEM, len(key)) + 1):
            chosen.update(self._stems.get(key[:n], ()))
        found: tuple[re.Pattern[str], tuple[str, ...]] | None = None
        if chosen:
            order = sorted(chosen)
            parts = [f"(?:{spaced(self._items[i][0])})(?P<g{k}>)" for k, i in enumerate(order)]
            regex = re.compile("(?:" + "|".join(parts) + r")(?!\w)", self._flags)
            found = regex, tuple(self._items[i][1] for i in order)
        self._cache[key] = found
        return found

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        if self._scanner is None:
            self._scanner = Scanner((self,))
        yield from self._scanner.scan(text, start, end)[0]


class Found:
    """The matches of one cue set in a text, looked up by range."""

    __slots__ = ("_matches", "_starts")

    def __init__(self, matches: list[Match]) -> None:
        self._matches = matches
        self._starts = [m[0] for m in matches]

    def within(self, start: int, end: int) -> list[Match]:
        """The matches that lie inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        for m in self._matches[i:]:
            if m[0] >= end:
                break
            if m[1] <= end:
                out.append(m)
        return out


_Entry = tuple[int, re.Pattern[str], bool, tuple[str, ...], bool]
"""Cue set index, the regex to try at a word, whether it runs over the lowered text (the regex
without IGNORECASE, :func:`.gates.folded`, where that is exact), labels by group index (1 on),
after_hyphen."""
_ARTICLE: tuple[_Entry, ...] = ((-1, re.compile(""), False, (), False),)
"""The entries of an article: the key is the article and the word after it."""


class Scanner:
    """Several cue sets matched in one pass over the words of a text."""

    __slots__ = ("_cache", "_sets")

    def __init__(self, sets: tuple[CueSet, ...]) -> None:
        self._sets = sets
        # One cache for texts whose lowered form folds as IGNORECASE (lower_if_safe), one for others.
        self._cache: tuple[dict[str, tuple[_Entry, ...]], dict[str, tuple[_Entry, ...]]] = ({}, {})

    def _entries(self, key: str, safe: bool) -> tuple[_Entry, ...]:
        """The entries of ``key``: a word, an article and the word after it, or an article
        followed by no word (written with a trailing space)."""
        cache = self._cache[safe]
        if len(cache) >= _CACHE_LIMIT:  # bounded: a server reads unlimited vocabulary
            cache.clear()
        if key in _ARTICLES:
            cache[key] = _ARTICLE
            return _ARTICLE
        entries = []
        for i, cue_set in enumerate(self._sets):
            compiled = cue_set._regex(key.rstrip(" "))
            if compiled is not None:
                fast = folded(compiled[0]) if safe else None
                regex, low = (compiled[0], False) if fast is None else (fast, True)
                entries.append((i, regex, low, ("", *compiled[1]), cue_set._after_hyphen))
        found = cache[key] = tuple(entries)
        return found

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[list[Match]]:
        """For each cue set, its matches in ``text[start:end]``: leftmost, longest, no overlaps."""
        stop = len(text) if end is None else end
        out: list[list[Match]] = [[] for _ in self._sets]
        pos = [start] * len(self._sets)
        safe = lower_if_safe(text)  # IGNORECASE cues run over it without the flag where exact
        if safe is not None:
            low = safe
        else:
            low = text.lower()
            if len(low) != len(text):  # a rare character whose lower case is longer
                low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        is_safe = safe is not None
        cache = self._cache[is_safe]
        for w in _WORDS.finditer(low, start, stop):
            key = w.group()
            entries = cache.get(key)
            if entries is None:
                entries = self._entries(key, is_safe)
            if not entries:
                continue
            if entries is _ARTICLE:
                nxt = _NEXT_WORD.match(low, w.end(), stop)
                key = f"{key} " if nxt is None else f"{key} {nxt.group(1)}"
                entries = cache.get(key)
                if entries is None:
                    entries = self._entries(key, is_safe)
                if not entries:
                    continue
            a = w.start()
            hyphen = a > 0 and text[a - 1] == "-"
            for i, regex, on_low, labels, after_hyphen in entries:
                if a < pos[i] or (hyphen and not after_hyphen):
                    continue
                m = regex.match(low if on_low else text, a, stop)
                if m is None:
                    continue
                b = m.end()
                if b == a:
                    continue
                out[i].append((a, b, labels[m.lastindex or 0]))
                pos[i] = b
        return out


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
    for p, _ in items:
        if re.compile(spaced(p)).groups:
            raise ValueError(f"cue {p!r} has a capturing group; use (?:...)")
    return CueSet(items, re.IGNORECASE if ignore_case else 0, after_hyphen)
