"""Persons in a sentence about delegations, and the title written next to each.

A person is a run of capitalised words, after honorifics ("Mr", "H.E.
Ambassador") that are dropped, with name particles ("al-", "van der") kept;
a run holding a word that never belongs to a name (an institution word, a
place that is neither a first name after an honorific nor a surname after two
words of a name, a word ending in -tion, -ment or -ship) is no person. A
title follows the name after a comma or in parentheses ("X, Head of
Division"; a clause "who heads the Asia department" becomes "Head of the Asia
department"), or precedes it ("Deputy Minister X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, gazetteer, longest_first
from .lexicon import load_lexicon

__all__ = ["NAME_PREFIX", "Person", "find_persons", "title_of"]

_LEX = load_lexicon("delegations")
_HONORIFICS = sorted(_LEX["honorifics"], key=len, reverse=True)
_HON = longest_first(_HONORIFICS) + r"\s+"
_PART = "(?:" + "|".join(_LEX["particles"]) + ")"
NAME_PREFIX = r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|abu|bint)-"
"""A lower-case particle joined to the next word of a name by a hyphen ("al-Kinani")."""
_WORD = (
    rf"(?:{NAME_PREFIX})?(?:[A-Z]\.[A-Z][\w'’-]*\w|[A-Z][\w'’-]*\w|[A-Z][a-z]{{0,2}}\.)"  # "D.Davaasuren" too
)
_PERSON = re.compile(
    rf"(?<![\w-])(?P<hon>(?:{_HON})+)?(?P<name>{_WORD}(?:\s+(?:{_PART}\s+){{0,2}}{_WORD}){{0,6}})(?![\w-])"
)
_HON_WORDS = frozenset(h.rstrip(".") for h in _HONORIFICS if " " not in h)
_HON_BEFORE = re.compile(rf"(?<![\w-])(?:{longest_first(sorted(_HON_WORDS, key=len, reverse=True))})\.?\s+$")
_NOT_NAME = frozenset(_LEX["not_name"])
_TITLE_CLAUSES: dict[str, str] = _LEX["title_clauses"]
_TITLE_STOP = re.compile(
    r";|,\s+and\s|\s+and\s+by\s|,\s*(?:co-?chaired|chaired|headed|led|which|according|respectively|while|whereas)\b"
    r"|\s+(?:co-?chaired|chaired|headed|led)\s+the\b|\.(?:\s|$)|\)"
    r"|,\s+(?:the\s+)?[^,;]{0,60}?\s(?:said|says|told|reported|announced|stated)\b"  # ", the EU said on ..."
)
_TITLE_WORDS = frozenset(_LEX["title_words"])
_NON_SPACE = re.compile(r"\S+")
# Not a title after a name: a clause, or the next side of an elliptic list ("X, the EU delegation - by Y").
_NOT_A_TITLE = re.compile(
    r"(?i)(?:who|which|that|and|also|while|whereas|for)\b|the\s+(?:[\w-]+\s+){0,4}?(?:delegation|side)\b"
)
_TITLE_BEFORE = re.compile(
    r"(?P<t>[A-Z][\w'’-]*(?:(?:\s+|,\s+(?=[A-Z]))(?:of|for|and|the|on|to|in|at|[A-Z][\w'’-]*))*)\.?\s*,?\s*$"
)
_APPOSED_TITLE = re.compile(r"(?:^|\bby\s+|,\s+and\s+|\band\s+)(?P<t>[^,;()]{3,120}?),\s*$")
_FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "its", "his", "her", "their"])
_LOWER_AFTER_COMMA = re.compile(r",\s+([a-z][\w-]*)")
# Words of institutions, not of names ("Directorate-General for Neighbourhood and Enlargement Negotiations").
_NOT_NAME_ENDING = re.compile(r"(?:tions?|ments?|ship)$")
# The second part of an institution or a portfolio joined by "and": "Religious Affairs and Interfaith
# Harmony", "Global Governance and Continental Agenda".
_PORTFOLIO_AND = re.compile(r"[A-Z][\w-]*(?:tions?|ments?|ships?|ance|ence|airs|ies|ity)\s+and\s+$")


def _plural_demonym(word: str, gaz: Gazetteer) -> bool:
    """Whether ``word`` names a people ("Pakistanis", "Uzbeks"): no part of a person's name."""
    return word.endswith("s") and any(e.form == "demonym" for e in gaz.table.get(word[:-1]) or ())


@dataclass(frozen=True, slots=True)
class Person:
    start: int
    end: int
    name: str


def find_persons(text: str, a: int, b: int) -> list[Person]:
    """The persons named in ``text[a:b]``, names without honorifics."""
    gaz = gazetteer()
    out: list[Person] = []
    for m in _PERSON.finditer(text, a, b):
        words = list(_NON_SPACE.finditer(m.group("name")))
        base = m.start("name")
        # Drop leading capitalised non-name words and honorifics ("Deputy Minister Mr X Y"); a
        # place name right after an honorific is a first name ("Ambassador Sofia Lindqvist").
        honoured = bool(m.group("hon"))
        while words and (
            words[0].group() in _NOT_NAME
            or words[0].group().rstrip(".") in _HON_WORDS
            or _NOT_NAME_ENDING.search(words[0].group())
            or (gaz.table.get(words[0].group()) and not (honoured and len(words) > 1))
        ):
            honoured = words[0].group().rstrip(".") in _HON_WORDS
            words = words[1:]
        if not words:
            continue
        tokens = [w.group() for w in words]
        if any(_NOT_NAME_ENDING.search(t) for t in tokens):
            continue
        first_name = honoured and len(tokens) > 1
        # A place after two words of a name is a surname ("Mariela Fuentes Lagos").
        surname_from = 2 if sum(not gaz.table.get(t) for t in tokens[:2]) == 2 else len(tokens)
        if any(
            t in _NOT_NAME
            or _plural_demonym(t, gaz)
            or "'s" in t
            or "’s" in t
            or (gaz.table.get(t) and not (first_name and i == 0) and i < surname_from)
            for i, t in enumerate(tokens)
        ):
            continue
        dropped = m.group("name").split()[: len(m.group("name").split()) - len(words)]
        # One word is a name only after an honorific or a title ("Mr Novak", "Minister Novak"), not
        # after other words of an institution ("the International Sphere").
        had_hon = bool(m.group("hon")) or any(
            w.rstrip(".") in _HON_WORDS or w.lower() in _TITLE_WORDS for w in dropped[-1:]
        )
        start = m.start() if words[0].start() == 0 else base + words[0].start()
        if len(tokens) < 2 and not had_hon and not _HON_BEFORE.search(text, max(a, start - 14), start):
            continue  # ("Department Mr. D.Davaasuren": the honorific went with the word before)
        if not had_hon and _PORTFOLIO_AND.search(text, max(a, start - 40), start):
            continue
        out.append(Person(start, m.end(), " ".join(tokens)))
    return out


def title_of(text: str, p: Person, end: int, list_start: int) -> str | None:
    """The title of ``p``: after the name (up to ``end``), else before it (from ``list_start``)."""
    after = text[p.end : end]
    if after.startswith((",", " (")):
        seg = after.lstrip(" ,(")
        stop = _TITLE_STOP.search(seg)
        if (
            stop
            and seg[stop.start() : stop.start() + 1] == ")"
            and seg.count("(", 0, stop.start()) > seg.count(")", 0, stop.start())
        ):  # "Additional Secretary (Europe)": the parenthesis closes one the title opened
            stop = _TITLE_STOP.search(seg, stop.start() + 1)
        seg = seg[: stop.start()] if stop else seg
        # The title ends before a clause in lower case ("X, Permanent Secretary, reviewed ...") or a
        # description ("president of the Human Rights Committee, a government body").
        verb = next(
            (
                w
                for w in _LOWER_AFTER_COMMA.finditer(seg)
                if w.group(1) not in _TITLE_WORDS or w.group(1) in ("a", "an")
            ),
            None,
        )
        seg = seg[: verb.start()] if verb else seg
        seg = seg.strip(" ,")
        if re.match(r"the [A-Z][\w ]*?['’]s [A-Z]", seg):
            seg = seg[4:]  # "X, the European External Action Service's Director for ..."
        for clause, head in _TITLE_CLAUSES.items():
            if seg.lower().startswith(clause + " "):
                return f"{head} {seg[len(clause) + 1 :]}".strip()
        first = seg.split()[0] if seg else ""
        lower_ok = not first[:1].islower() or first.lower() in _TITLE_WORDS
        if seg and lower_ok and not _NOT_A_TITLE.match(seg):
            return " ".join(seg.split()) if len(seg) <= 200 else None  # a wrapped line is a space
    before = text[list_start : p.start]
    m = _TITLE_BEFORE.search(before)
    if m and len(m.group("t").split()) >= 2:
        words = m.group("t").split()
        while words and words[-1].rstrip(".") in _HON_WORDS:
            words.pop()
        return " ".join(words) if len(words) >= 2 else None
    # A title in lower case set before the name: "co-chaired by the EU's ambassador to Iraq, X".
    apposed = _APPOSED_TITLE.search(before)
    words = apposed.group("t").split() if apposed is not None else []
    if any(w.lower() in _TITLE_WORDS - _FUNCTION_WORDS for w in words):
        return " ".join(words)
    return None
