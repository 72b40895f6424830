"""Mentions of legal instruments in text, with their canonical names.

The lexicon ``legal.json`` lists international instruments (full names,
variants, acronyms) and the words that build the names of domestic codes and
laws. :func:`find_mentions` returns every instrument mention of a stretch of
text, leftmost-longest and without overlaps, with anaphors ("that
Convention") and acronyms defined in parentheses ("(PTA)") resolved to the
instrument they stand for. Article numbers are linked to mentions in
:mod:`.legal`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_lexicon
from .starts import Starts
from .triggers import find_words, in_windows, lowered, windows

__all__ = ["Mention", "find_mentions"]

_LEX = load_lexicon("legal")
_APOSTROPHE_RE = re.compile("['’]")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    instruments: tuple[str, ...]
    """Canonical names; several for "ILO Conventions Nos. 87 and 98"."""
    noun: str | None = None
    """The head noun an anaphor can refer back with ('Convention')."""


def _flex(name: str) -> str:
    """A regex for ``name`` with flexible whitespace and either apostrophe."""
    parts = [_APOSTROPHE_RE.sub("['’]", re.escape(w)) for w in name.split()]
    return r"\s+".join(parts)


def _build_international() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]]]:
    by_form: dict[str, tuple[str, str]] = {}
    names: list[str] = []
    acronyms: list[str] = []
    for entry in _LEX["instruments"]:
        value = (entry["canonical"], entry["noun"])
        for name in entry["names"]:
            by_form[_fold(name)] = value
            names.append(name)
        for acr in entry["acronyms"]:
            by_form[_fold(acr)] = value
            acronyms.append(acr)
    names.sort(key=len, reverse=True)
    acronyms.sort(key=len, reverse=True)
    name_re = "|".join(_flex(n) for n in names)
    acr_re = "|".join(re.escape(a) for a in acronyms)
    intl = re.compile(rf"(?i:\b(?:{name_re})\b)")
    protocol = re.compile(
        rf"\b(?:(?i:(first|second|1st|2nd))\s+)?(?i:optional\s+protocols?)\s+(?:to|of)\s+(?:the\s+)?"
        rf"(?:(?:UN|United\s+Nations)\s+)?((?i:\b(?:{name_re})\b)|(?<![\w-])(?:{acr_re})(?![\w-]))"
    )
    return intl, protocol, by_form


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


_INTL, _PROTOCOL, _BY_FORM = _build_international()
# Tried only where a name's first word starts (see .starts).
_INTL_RE, _PROTOCOL_RE = Starts(_INTL), Starts(_PROTOCOL)
_ACRONYMS = frozenset(a for e in _LEX["instruments"] for a in e["acronyms"])
_COMMITTEE_RE = re.compile(r"\s+[Cc]ommittee")
# Trigger words (lower case): the expensive patterns run only in windows around them.
_INSTR_WORDS = tuple(
    [
        "convention",
        "conventions",
        "covenant",
        "declaration",
        "statute",
        "protocol",
        "protocols",
        "charter",
        "treaty",
        "pact",
    ]
)
_LAW_WORDS_LOW = ("law", "decree", "act", "ordinance", "edict")
_OPTIONAL: dict[str, dict[str, str]] = _LEX["optional_protocols"]
_CONN = frozenset(_LEX["name_connectors"])
_CAPW = r"[A-Z][A-Za-z\u00C0-\u024F]*(?:-[A-Za-z\u00C0-\u024F]+)*"
_LINK = "|".join(re.escape(c) for c in _LEX["name_connectors"] if c not in ("the", "and"))
# Between two capitalised words of a name: one connector ("of the", "and"), never "and the".
_JOIN = rf"(?:(?:{_LINK})\s+(?:the\s+)?|and\s+)?"
_TAIL = rf"{_CAPW}(?:\s+{_JOIN}{_CAPW})*"
_ILO_RE = Starts(
    re.compile(
        r"(?:\b(" + "|".join(_flex(p) for p in _LEX["ilo_prefix"]) + r")\s+)?"
        r"\bConventions?\s+(Nos?\.?\s*|Numbers?\s+)?(\d{1,3})\b((?:\s*(?:,|and|&)\s*(?:No\.?\s*)?\d{1,3}\b)*)"
    )
)
_ILO_NUM_RE = re.compile(r"\d{1,3}")
_ILO_NAMED_RE = Starts(
    re.compile(
        r"\b(?:" + "|".join(_flex(p) for p in _LEX["ilo_prefix"]) + r")\s+Convention\s+(?:on|concerning)\s+"
        rf"{_TAIL}\s*\(\s*No\.?\s*(\d{{1,3}})\s*\)"
    )
)
_STOP_CONV = frozenset(_LEX["generic_convention_stop"])
_GENERIC_CONV_RE = re.compile(
    rf"\b(?:({_CAPW})\s+)?Conventions?\b"
    rf"(\s+(?:on|against|for|relating\s+to|concerning)\s+(?:the\s+)?{_TAIL})?"
)
_QUALIFIERS = frozenset(_LEX["code_qualifiers"])
_CODE_CANON: dict[str, str] = _LEX["code_canonical"]
_CODE_RE = re.compile(r"\b[Cc]ode\b")
_CODE_OF_RE = re.compile(rf"\bCode\s+(?:of|on)\s+(?:the\s+)?{_TAIL}")
_CODE_OF_STOP = re.compile(r"(?i)\b(?:conduct|ethics|practice|honour|honor)\b")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z-]*)\s+$")
_CONSTITUTION_RE = Starts(re.compile(r"\b[Cc]onstitution\b|\b[Cc]onstitutional\s+amendments?\b"))
_HEADS = sorted(_LEX["law_heads"], key=len, reverse=True)
_LAW_ON_RE = Starts(
    re.compile(
        r"\b(" + "|".join(_flex(h) for h in _HEADS) + r"|law|decree)\s+"
        r"(?:of\s+(?:the\s+)?(?:Republic\s+of\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+)?"
        r"((?:No\.?\s*)?\d[\w./-]*\s+)?[\"“'‘«]?(?:on|On|ON)\s+((?:the\s+)?"
        + _TAIL
        + r"|(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,7})"
    )
)
_LOWER_TAIL_STOP = frozenset(_LEX["lower_tail_stop"])
_RULE_OF_RE = re.compile(r"(?i)\brule\s+of\s+$")
_NUMBERED_RE = Starts(
    re.compile(
        r"\b(" + "|".join(_flex(h) for h in sorted(_LEX["numbered_heads"], key=len, reverse=True)) + r")\s+"
        r"((?:No\.?|Nr\.?|Number)\s*)?(\d+(?:[/.-]\d+|[/-]?[A-Z]{1,4}\b)*)"
    )
)
_ACT_RE = re.compile(
    rf"\b({_CAPW}(?:\s+(?:\((?:{_CAPW}\s*)+\)\s+)?{_JOIN}{_CAPW}){{0,7}})\s+(Act|Law)\b"
    r"(?!\s+(?i:" + "|".join(_LEX["not_law_after"]) + r")\b)"
)
_GENERIC_LAW = frozenset(_LEX["generic_law_words"])
_LEADING_STOP = frozenset(_LEX["leading_stop"])
_ALIAS_DEF_RE = re.compile(r"\s*\((?:the\s+)?([A-Z][A-Za-z]{1,9}(?:[- ]?\d{1,4})?)(\s+(?:Law|Act|Code))?\)")
_UPPER_TOKEN_RE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{1,9}(?![\w-])")
_OP_ANAPHOR_RE = re.compile(
    r"(?:\b(?i:its|the|this|that)\s+|(?<=['’]s\s))(?:((?i:first|second|1st|2nd))\s+)?(?i:optional\s+protocols?)\b"
    r"(?!\s+(?:to|of)\b)"
)
# An optional protocol named after its convention: "the Convention against Torture and its Optional Protocol".
_ANAPHOR_RE = re.compile(
    r"\b((?i:that|this|the\s+said|the\s+same|the))\s+("
    + "|".join(_LEX["anaphor_nouns"])
    + r"|"
    + "|".join(n.lower() for n in _LEX["anaphor_nouns"])
    + r")\b"
)


def _candidates(text: str, start: int, end: int) -> list[Mention]:
    out: list[Mention] = []
    low = lowered(text)
    instr = windows(text, find_words(low, _INSTR_WORDS, start, end), start, end, 130, 200)
    for m in _PROTOCOL_RE.in_windows(text, instr):
        parent = _BY_FORM.get(_fold(m.group(2)))
        if parent is None:
            continue
        table = _OPTIONAL.get(parent[0], {})
        ordinal = (m.group(1) or "").lower()
        name = table.get(ordinal) or table.get("") or f"{parent[0]}-OP"
        out.append(Mention(m.start(), m.end(), (name,), "Protocol"))
    for m in _INTL_RE.in_windows(text, instr):
        found = _BY_FORM.get(_fold(m.group(0)))
        if found is not None:
            out.append(Mention(m.start(), m.end(), (found[0],), found[1]))
    for a, b in find_words(text, _ACRONYMS, start, end):
        if text[a - 1 : a] != "-" and text[b : b + 1] != "-" and not _COMMITTEE_RE.match(text, b):
            found = _BY_FORM[_fold(text[a:b])]
            out.append(Mention(a, b, (found[0],), found[1]))
    out.extend(_conventions(text, instr))
    out.extend(_domestic(text, low, start, end))
    return out


def _conventions(text: str, instr: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _ILO_NAMED_RE.in_windows(text, instr):
        out.append(Mention(m.start(), m.end(), (f"ILO Convention No. {m.group(1)}",), "Convention"))
    for m in _ILO_RE.in_windows(text, instr):
        if not (m.group(1) or m.group(2)):
            continue  # "Convention 5" without "ILO" or "No." is too vague
        nums = [m.group(3), *_ILO_NUM_RE.findall(m.group(4) or "")]
        out.append(Mention(m.start(), m.end(), tuple(f"ILO Convention No. {n}" for n in nums), "Convention"))
    for m in in_windows(_GENERIC_CONV_RE, text, instr):
        word, tail = m.group(1), m.group(2)
        if word is not None and word in _STOP_CONV:
            if not tail:
                continue
            a = m.start() + m.group(0).index("Convention")
        elif word is None and not tail:
            continue
        else:
            a = m.start()
        name = " ".join(text[a : m.end()].split())
        out.append(Mention(a, m.end(), (name,), "Convention"))
    return out


def _domestic(text: str, low: str, start: int, end: int) -> list[Mention]:
    out: list[Mention] = []
    codes = find_words(low, ("code",), start, end)
    for m in in_windows(_CODE_RE, text, codes):
        words: list[str] = []
        pos = m.start()
        while True:
            w = _WORD_BEFORE_RE.search(text, max(start, pos - 40), pos)
            if not w:
                break
            word = w.group(1)
            known = word.lower() in _QUALIFIERS
            if not known and (words or not word[0].isupper() or word in _LEADING_STOP):
                break
            words.insert(0, word)
            pos = w.start(1)
        if not words:
            continue
        name = " ".join(x[0].upper() + x[1:] for x in [*words, "Code"])
        out.append(Mention(pos, m.end(), (_CODE_CANON.get(name.lower(), name),), "Code"))
    for m in in_windows(_CODE_OF_RE, text, windows(text, codes, start, end, 0, 120)):
        if _CODE_OF_STOP.search(m.group(0)):
            continue
        name = " ".join(m.group(0).split())
        out.append(Mention(m.start(), m.end(), (_CODE_CANON.get(name.lower(), name),), "Code"))
    laws = windows(text, find_words(low, _LAW_WORDS_LOW, start, end), start, end, 25, 200)
    acts = windows(text, find_words(text, ("Act", "Law"), start, end), start, end, 160, 4)
    constitution = find_words(low, ("constitution", "constitutional"), start, end)
    for m in _CONSTITUTION_RE.in_windows(text, windows(text, constitution, start, end, 0, 30)):
        out.append(Mention(m.start(), m.end(), ("Constitution",), "Constitution"))
    for m in _LAW_ON_RE.in_windows(text, laws):
        if _RULE_OF_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "the rule of law on ..."
        head = " ".join(m.group(1).split())
        head = head[0].upper() + head[1:]
        words = _cut_tail(m.group(3).split())
        lower = (words[0] != "the" and words[0][0].islower()) or (
            words[0] == "the" and words[1:2] != [] and words[1][0].islower()
        )
        if lower:
            if not m.group(2):
                continue  # a lower-case subject names a law only after its number: "Decree-Law 370 on ..."
            keep = next((i for i, w in enumerate(words) if w in _LOWER_TAIL_STOP), len(words))
            words = words[:keep]
        while words and words[-1] in _TRAILING:
            words.pop()
        if not words:
            continue
        stop = _end_of(text, m.start(3), words)
        out.append(Mention(m.start(), stop, (f"{head} on {' '.join(words)}",), "Law"))
    for m in _NUMBERED_RE.in_windows(text, laws):
        if not m.group(1)[0].isupper():
            continue
        head = " ".join(m.group(1).split())
        number = "No. " if m.group(2) else ""
        out.append(Mention(m.start(), m.end(), (f"{head} {number}{m.group(3)}",), "Law"))
    for m in in_windows(_ACT_RE, text, acts):
        words = m.group(1).split()
        skip = 0
        while skip < len(words) and (words[skip] in _LEADING_STOP or words[skip].lower() in _CONN):
            skip += 1
        words = words[skip:]
        if (
            not words
            or all(w in _GENERIC_LAW or w.lower() in _CONN for w in words)
            or words[-2:] == ["Rule", "of"]
        ):
            continue
        offset = m.start() + m.group(0).index(words[0]) if skip else m.start()
        out.append(Mention(offset, m.end(), (" ".join([*words, m.group(2)]),), m.group(2)))
    return out


_TRAILING = frozenset(["the", "of", "and", "on", "for", "in", "a", "an"])
_LAW_WORDS = frozenset(
    ["law", "decree", "decree-law", "act", "code", "convention", "ordinance", "constitution"]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "this", "that"])


def _cut_tail(words: list[str]) -> list[str]:
    """A law's subject ends before "and the ..." and before the name of another law."""
    for i in range(1, len(words)):
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if words[i] == "and" and (nxt in _DETERMINERS or nxt in _LAW_WORDS):
            return words[:i]
    return words


def _end_of(text: str, pos: int, words: list[str]) -> int:
    """The end offset of ``words`` written from ``pos`` on (separated by any whitespace)."""
    for w in words:
        pos = text.index(w, pos) + len(w)
    return pos


def _select(candidates: list[Mention]) -> list[Mention]:
    """Leftmost-longest mentions without overlaps."""
    chosen: list[Mention] = []
    last_end = -1
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return chosen


def _resolve_aliases(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    aliases: dict[str, tuple[int, Mention]] = {}
    definitions: list[tuple[int, int]] = []
    for m in mentions:
        d = _ALIAS_DEF_RE.match(text, m.end, end)
        if (
            d
            and len(m.instruments) == 1
            and sum(c.isupper() for c in d.group(1)) >= 2
            and (d.group(2) or d.group(1)[0] == text[m.start : m.end].lstrip()[0].upper())
        ):  # "(PTA)" after "Prevention of Terrorism Act"; not "(ICC)" after "Rome Statute of the ICC"
            aliases[d.group(1)] = (d.end(), m)
            definitions.append((m.end, d.end()))
    if not aliases:
        return mentions
    mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in definitions)]
    extra: list[Mention] = []
    for k, m in enumerate(mentions):
        words = text[m.start : m.end].split()
        hit = aliases.get(words[0]) if len(words) <= 2 else None
        if hit is not None and hit[1] is not m and m.start >= hit[0]:
            mentions[k] = Mention(m.start, m.end, hit[1].instruments, hit[1].noun)
    occupied = [(m.start, m.end) for m in mentions]
    for t in _UPPER_TOKEN_RE.finditer(text, start, end):
        hit = aliases.get(t.group(0))
        if hit is None or t.start() < hit[0] or any(a <= t.start() < b for a, b in occupied):
            continue
        extra.append(Mention(t.start(), t.end(), hit[1].instruments, hit[1].noun))
    return sorted(mentions + extra, key=lambda m: m.start)


def _resolve_anaphors(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    out = list(mentions)
    occupied = [(m.start, m.end) for m in mentions]
    instr = find_words(lowered(text), _INSTR_WORDS, start, end)
    for a in in_windows(_ANAPHOR_RE, text, windows(text, instr, start, end, 16, 0)):
        if any(s < a.end() and a.start() < e for s, e in occupied):
            continue
        noun = a.group(2)
        if a.group(1).lower() == "the" and not noun[0].isupper():
            continue  # "the convention" in lower case is generic
        before = [m for m in mentions if m.end <= a.start() and m.noun == noun.capitalize()]
        if before:
            out.append(Mention(a.start(), a.end(), before[-1].instruments, before[-1].noun))
    for a in in_windows(_OP_ANAPHOR_RE, text, windows(text, instr, start, end, 30, 0)):
        if any(s < a.end() and a.start() < e for s, e in occupied):
            continue
        parents = [m for m in mentions if m.end <= a.start() and m.instruments[0] in _OPTIONAL]
        if parents:
            table = _OPTIONAL[parents[-1].instruments[0]]
            name = table.get((a.group(1) or "").lower()) or table[""]
            out.append(Mention(a.start(), a.end(), (name,), "Protocol"))
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=8)
def find_mentions(text: str, start: int = 0, end: int | None = None) -> tuple[Mention, ...]:
    """Every instrument mention in ``text[start:end]``, in text order (cached: the legal and cases
    stages both read them)."""
    end = len(text) if end is None else end
    mentions = _select(_candidates(text, start, end))
    mentions = _resolve_aliases(text, mentions, start, end)
    return tuple(_resolve_anaphors(text, mentions, start, end))
