"""Mentions of legal instruments in text, with their canonical names.

The lexicon ``legal.json`` lists international instruments (full names,
variants, acronyms) and the words that build the names of domestic codes and
laws (found by :mod:`.legal_domestic`). :func:`find_mentions` returns every
instrument mention of a stretch of text, leftmost-longest and without
overlaps, with anaphors ("that Convention") and acronyms defined in
parentheses ("(PTA)") resolved to the instrument they stand for. A law given
by its name and, in parentheses, by its number is one law named by its name.
Article numbers are linked to mentions in :mod:`.legal`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .legal_domestic import CAPW, TAIL, Mention, find_domestic, flex
from .lexicon import load_lexicon
from .starts import Starts
from .triggers import find_words, in_windows, lowered, windows

__all__ = ["Mention", "find_mentions"]

_LEX = load_lexicon("legal")


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
    name_re = "|".join(flex(n) for n in names)
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
# Trigger words (lower case): the expensive patterns run only in windows around them. Every name
# of the lexicon holds one: its head noun ("Convention", "Agreement") or one of these.
_INSTR_WORDS = tuple(
    sorted(
        {"convention", "conventions", "covenant", "declaration", "statute", "protocol", "protocols"}
        | {"charter", "treaty", "pact"}
        | {e["noun"].lower() for e in _LEX["instruments"]}
    )
)
_OPTIONAL: dict[str, dict[str, str]] = _LEX["optional_protocols"]
_ILO_RE = Starts(
    re.compile(
        r"(?:\b(" + "|".join(flex(p) for p in _LEX["ilo_prefix"]) + r")\s+)?"
        r"\bConventions?\s+(Nos?\.?\s*|Numbers?\s+)?(\d{1,3})\b((?:\s*(?:,|and|&)\s*(?:No\.?\s*)?\d{1,3}\b)*)"
    )
)
_ILO_NUM_RE = re.compile(r"\d{1,3}")
_ILO_NAMED_RE = Starts(
    re.compile(
        r"\b(?:" + "|".join(flex(p) for p in _LEX["ilo_prefix"]) + r")\s+Convention\s+(?:on|concerning)\s+"
        rf"{TAIL}\s*\(\s*No\.?\s*(\d{{1,3}})\s*\)"
    )
)
_STOP_CONV = frozenset(_LEX["generic_convention_stop"])
_GENERIC_CONV_RE = re.compile(
    rf"\b(?:({CAPW})\s+)?Conventions?\b"
    rf"(\s+(?:[Oo]n|[Aa]gainst|[Ff]or|relating\s+to|concerning)\s+(?:the\s+)?{TAIL}"  # "... Against ..."
    rf"(?:,\s+(?:[Ee]specially|[Pp]articularly|[Ii]n\s+[Pp]articular)\s+{TAIL})?)?"  # "..., Especially Women"
)
_MONTH_TAIL = re.compile(
    r"\s+(?:in|on|of|since|from|until)\s+(?:"
    + "|".join(forms[0] for forms in load_lexicon("dates")["months"])
    + r")$"
)
_ALIAS_DEF_RE = re.compile(r"\s*\((?:the\s+)?([A-Z][A-Za-z]{1,9}(?:[- ]?\d{1,4})?)(\s+(?:Law|Act|Code))?\)")
_PAREN_OPEN_RE = re.compile(
    r",?\s*\(\s*(?:the\s+|i\.e\.,?\s+)?(?:(?:Federal|Presidential|Royal|Executive|Organic|Supreme|Legislative)\s+)?"
)
_PAREN_CLOSE_RE = re.compile(r"\s*(?:,[^()]{0,40}|\s+of\s+\d{4})?\)")
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
    out.extend(find_domestic(text, low, start, end))
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
        month = _MONTH_TAIL.search(text, a, m.end())  # "... Disabilities in September 2015": a date's
        b = month.start() if month is not None else m.end()
        name = " ".join(text[a:b].split())
        out.append(Mention(a, b, (name,), "Convention"))
    return out


def _select(candidates: list[Mention]) -> list[Mention]:
    """Leftmost-longest mentions without overlaps."""
    chosen: list[Mention] = []
    last_end = -1
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return chosen


def _one_law_by_name(text: str, mentions: list[Mention]) -> list[Mention]:
    """A law given by its name and, in parentheses, by its number (or the other way round) is one
    law, named by its name: the numbered mention keeps its span but names nothing."""
    out = list(mentions)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.numbered == b.numbered or not (a.instruments and b.instruments):
            continue
        if _PAREN_OPEN_RE.fullmatch(text, a.end, b.start) and _PAREN_CLOSE_RE.match(text, b.end):
            k_num = k if a.numbered else k + 1
            out[k_num] = replace(out[k_num], instruments=())
    return out


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
        parents = [
            m for m in mentions if m.end <= a.start() and m.instruments[:1] and m.instruments[0] in _OPTIONAL
        ]
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
    mentions = _one_law_by_name(text, _select(_candidates(text, start, end)))
    mentions = _resolve_aliases(text, mentions, start, end)
    return tuple(_resolve_anaphors(text, mentions, start, end))
