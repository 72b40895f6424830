"""The gazetteer: country, EU, organisation and city forms compiled into one matcher.

The lexicon ``lexicons/places.json`` lists every UN member state with its
names, demonyms, capitals and cities, the EU's forms, organisations and
blocked phrases. :func:`gazetteer` compiles all forms into a single regular
expression built from a character trie (fast: one left-to-right scan; the
longest form wins at each position) and a table from each form to what it
denotes. Matching is case-sensitive with word boundaries, so "Chad",
"Turkey" or "Niger" only match as capitalised words, and "Niger" never
matches inside "Nigeria". Every name also matches in capitals ("BRUSSELS,
18 November") and with either apostrophe (' or ’).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from .lexicon import load_lexicon

__all__ = ["Entry", "Gazetteer", "Hit", "gazetteer", "longest_first", "trie_pattern"]

Form = Literal["name", "demonym", "capital", "org", "eu"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a form denotes: a party (``party`` set) and/or a city (``city`` set)."""

    party: str | None
    form: Form | None
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    pattern: re.Pattern[str]
    table: dict[str, tuple[Entry, ...]]
    country_names: dict[str, str]
    """Code -> the first (usual) English name."""
    capitals: dict[str, str]
    """Code -> the canonical name of its (first) capital."""

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Every match in ``text[start:end]``, left to right, longest first, not overlapping."""
        end = len(text) if end is None else end
        for m in self.pattern.finditer(text, start, end):
            entries = self.table.get(m.group())
            if entries:
                yield Hit(m.start(), m.end(), entries)

    def code_of(self, name: str) -> str | None:
        """The party code of a country or organisation name, or None."""
        for e in self.table.get(name, ()):
            if e.party:
                return e.party
        return None


def trie_pattern(words: Iterable[str], after_first: str = "") -> str:
    """A regular expression matching exactly ``words``, factored as a character trie.

    Greedy optional branches make the longest word win when the boundary check
    after it succeeds, and backtracking falls back to shorter words.
    ``after_first`` (a zero-width assertion) follows the first character of every word.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any], glue: str = "") -> str:
        ends = "" in node
        branches = [re.escape(ch) + glue + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return build(trie, after_first)


def longest_first(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regular expression that tries, at any place, the same ``words`` in the same order as
    their alternation sorted longest first, as a character trie (:func:`trie_pattern`): it fails at
    once where no word starts instead of trying every word.

    The orders agree because in a trie only one branch of a node can match the next character;
    under IGNORECASE (``ignore_case``) that holds for ASCII words put in lower case, and other
    words keep the sorted alternation.
    """
    forms = set(words)
    if ignore_case:
        if not all(w.isascii() for w in forms):
            return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"
        forms = {w.lower() for w in forms}
    return "(?:" + trie_pattern(forms) + ")"


def _variants(form: str) -> set[str]:
    out = {form}
    if "'" in form:
        out.add(form.replace("'", "’"))
    out |= {v.upper() for v in list(out) if not v.isupper()}
    if form.startswith("the "):
        out |= _variants("The " + form[4:])
    return out


@cache
def gazetteer() -> Gazetteer:
    """The compiled gazetteer (built once per process)."""
    lex = load_lexicon("places")
    table: dict[str, list[Entry]] = {}
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}

    def add(form: str, entry: Entry) -> None:
        for v in _variants(form):
            bucket = table.setdefault(v, [])
            if entry not in bucket:
                bucket.append(entry)

    for item in list(lex["countries"]) + list(lex["observers"]):
        code = item["code"]
        names.setdefault(code, item["names"][0].removeprefix("the "))
        for name in item["names"]:
            add(name, Entry(code, "name"))
            bare = name.removeprefix("the ")
            if "Republic" not in bare and not bare.isupper():
                add(f"the Republic of {bare}", Entry(code, "name"))
                add(f"Republic of {bare}", Entry(code, "name"))
        for dem in item["demonyms"]:
            add(dem, Entry(code, "demonym"))
        for kind in ("capitals", "cities"):
            for spec in item[kind]:
                canonical, *others = spec.split("|")
                for form in (canonical, *others):
                    if kind == "capitals":
                        capitals.setdefault(code, canonical)
                        add(form, Entry(code, "capital", canonical, code))
                    else:
                        add(form, Entry(None, None, canonical, code))
    for name in lex["eu"]["names"]:
        add(name, Entry("EU", "eu"))
    for dem in lex["eu"]["demonyms"]:
        add(dem, Entry("EU", "eu"))
    for org in lex["organisations"]:
        for name in org["names"]:
            add(name, Entry(org["code"], "org"))
    blocked = [b for phrase in lex["blocked"] for b in _variants(phrase)]
    for b in blocked:
        table[b] = []
    # A form starts after and ends before no letter or digit (nor "_"); "Kazakh-led" is still Kazakh.
    # The check before a form follows its first character ("not a word character, then the first
    # character"), so that the pattern starts with a literal and ``re`` skips to the characters
    # that can start a form instead of trying every position.
    body = trie_pattern(sorted(table), after_first=r"(?<!\w[\s\S])")
    pattern = re.compile(r"(?:" + body + r")(?![\w])")
    frozen = {k: tuple(v) for k, v in table.items()}
    return Gazetteer(pattern, frozen, names, capitals)
