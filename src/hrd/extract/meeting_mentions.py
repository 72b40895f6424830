"""Mentions of meetings in a readout's sentences, with the cues around each.

A *strong* mention names a meeting in full ("the 12th Human Rights
Dialogue", "Sub-group on Good Governance and Human Rights", "Joint
Commission"); a *weak* one refers back to it ("the Dialogue", "the
Subcommittee"). Each mention records whether its sentence reports the
meeting as held, whether its clause makes it planned, cancelled, past or
another body's (``negated``), whether it is only a framework ("within the
Joint Commission framework": ``dependent``), and the ordinal written next to
it. The lexicon is ``lexicons/meetings.json``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .gates import Gate, lower_if_safe
from .gazetteer import gazetteer, longest_first
from .lexicon import load_lexicon
from .starts import Starts
from .state import Sentence

__all__ = ["Mention", "find_mentions", "ordinal_near", "parse_ordinal", "reports_held", "side_clause_spans"]

_LEX = load_lexicon("meetings")


def _any(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _gate(source: str, flags: int = 0) -> Gate:
    return Gate(re.compile(source, flags))


_ALTERNATIVES: list[tuple[str, bool]] = []
_PARTS: list[str] = []
for _strong in (True, False):
    for _kind, _spec in _LEX["kinds"].items():
        for _p in _spec["strong" if _strong else "weak"]:
            _p = _p.replace("[- ]", r"[-\s]")  # "human[- ]rights" also over a line break
            _PARTS.append(f"(?P<k{len(_ALTERNATIVES)}>" + (_p if _strong else _p + r"(?![\w-])") + ")")
            _ALTERNATIVES.append((_kind, _strong))
# One scan per sentence; at one position strong forms come first.
_KINDS_RE = Starts(re.compile(r"(?<![\w-])(?:" + "|".join(_PARTS) + ")", re.IGNORECASE))

# Every kind's forms contain one of these (a cheap literal pre-scan).
_KIND_ANCHORS: tuple[str, ...] = tuple(_LEX["anchors"])
_HELD = Gate(_any(_LEX["held"]))
_NOT_HELD = Gate(_any(_LEX["not_held"]))
_NOT_HELD_NEAR = Gate(_any(_LEX["not_held_near"]))
_DEPENDENT = re.compile("|".join(f"(?:{p})" for p in _LEX["dependent"]))
_ORD_WORDS: dict[str, int] = dict(_LEX["ordinals"])
for _tens, _value in _LEX["ordinal_tens"].items():
    for _unit, _n in list(_LEX["ordinals"].items())[:9]:
        _ORD_WORDS[f"{_tens}-{_unit}"] = _value + _n
        _ORD_WORDS[f"{_tens} {_unit}"] = _value + _n
_ORD_MINIMAL = tuple(w for w in _ORD_WORDS if not any(v != w and v in w for v in _ORD_WORDS))
_DIGIT = re.compile(r"\d")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


# "the III Human Rights Dialogue": Roman numerals from II to L, upper case only.
_ROMAN: dict[str, int] = {_roman(n): n for n in range(2, 51)}
_ROMAN_RE = re.compile(r"\b" + longest_first(_ROMAN) + r"\b")
_ORD = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|"
    + longest_first(_ORD_WORDS, ignore_case=True)
    + "|(?-i:"
    + longest_first(_ROMAN)
    + "))"
)
_NOUNS = "|".join(_LEX["ordinal_nouns"])
# "12th", "twelfth annual round of their regular", "eighth session of the EU-Mexico" before a name.
_ORD_BEFORE = _gate(
    rf"\b(?P<ord>{_ORD})(?:-ever)?\s+(?:(?:annual|regular|yearly|high[- ]level|formal|bilateral|policy)\s+)*"
    rf"(?:(?:{_NOUNS})\s+(?:of\s+)?(?:the\s+|their\s+|its\s+)?"
    r"(?:(?:annual|regular|yearly|formal|bilateral)\s+)*)?"
    # the pair of parties: "EU-Kazakhstan", "Kazakhstan-EU", "Kazakhstan - European Union"
    r"(?:EU[-–][\w ]+?\s+|[\w-]+[-–]EU\s+|[\w ]+?\s[-–]\s(?:EU|European\s+Union)\s+"
    r"|(?:EU|European\s+Union)\s[-–]\s[\w ]+?\s+"
    # or of two other parties: "UK-China", "Australia–Viet Nam"
    r"|(?-i:[A-Z]\w+(?:\s[A-Z]\w+)?\s?[-–]\s?[A-Z]\w+(?:\s[A-Z]\w+)?)\s+)?$",
    re.IGNORECASE,
)
# "which met for the 20th time", "held its 11th meeting" after a name.
# A document about the meeting, not the meeting: "Human Rights Dialogue report card", "... briefing".
_DOCUMENT_AFTER = re.compile(
    r"(?i)\s*(?:report\s+card|score\s?card|briefing(?:\s+(?:note|paper))?|submission|fact\s?sheet|backgrounder"
    r"|recommendations)\b"
)
_ORD_TOKEN = Gate(re.compile(rf"\b{_ORD}\b", re.IGNORECASE))
_ORD_AFTER = _gate(
    # "met for the first time in four years" (or "since 2019") gives no rank in the series; "for the
    # first time in a subcommittee" does
    rf"[^.;]{{0,60}}?\b(?:for\s+the|its|their)\s+(?P<ord>{_ORD})\s+(?:time(?!\s+(?:since|after)\b|\s+in\s+"
    rf"(?:(?:over|more\s+than|almost|nearly|about|some|a)\s+)?(?:\w+\s+)?(?:years?|months?|decades?)\b)|{_NOUNS})\b",
    re.IGNORECASE,
)
_ORD_COMMA = re.compile(rf",\s+(?:the\s+)?(?P<ord>{_ORD})\s+(?:{_NOUNS})\b", re.IGNORECASE)
_ORD_ALONE = _gate(
    rf"\b(?P<ord>{_ORD})\s+(?:(?:annual|regular|yearly|such)\s+)?(?:{_NOUNS})\b"
    # "its first meeting in three years" gives no rank
    r"(?!\s+(?:in|since|after|for)\s+(?:\w+\s+)?(?:years?|months?|decades?)\b)"
    # "The meeting in Pretoria, the sixth of its kind, ..."
    rf"|\b(?:meeting|dialogue|talks|round|session|consultations)\b[^.;]{{0,40}}?,\s+the\s+(?P<kind_ord>{_ORD})"
    r"\s+of\s+(?:its|their)\s+kind\b",
    re.IGNORECASE,
)
# A day or a month is no word of a name: "their dialogue on Monday", "the Subcommittee on 3 May".
_DAY_OR_MONTH = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b"
)
_EU_PAIR_BEFORE = re.compile(r"(?:\bEU[-–][A-Z][\w ]*?|\b[A-Z][\w]*[-–]EU)\s+$")
_NAME_CONT = re.compile(
    r"(?:[ \t]+(?:on|of|and|the|for|&)|,?[ \t]+(?!" + _DAY_OR_MONTH + r")(?-i:[A-Z])[\w'’-]*)*"
)
_LINE_BREAK = re.compile(r"(,?)[ \t]*\n")
_WRAPPED_LINE = 45
"""A line this long that breaks inside a name is a hard-wrapped line, not a heading."""
_SIDE_CLAUSE = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b")
_SIDE_WORDS = (";", "while", "whereas", "but")
_LEAD = re.compile(r"\s*(?:On\s+[^,]{3,40},\s+)?(?:During|At|In)\s+(?:the|this|their)\s+$")
_ENDS_IN_ON = re.compile(r"\bon\s+\S*$")
_NAME_TAIL = re.compile(r"(?:\s+(?:on|of|and|the|for|&)|,)+$")
_PHRASE_END = re.compile(r"[,;.(]")
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str
    strong: bool
    start: int
    end: int
    sentence: int
    name: str
    held: bool
    negated: bool
    dependent: bool
    lead: bool
    """The sentence opens on it ("During the Subcommittee, ..."): it starts the meeting's section."""
    ordinal: int | None
    header: bool


def _title(sentences: tuple[Sentence, ...], idx: int, first: str) -> bool:
    """Whether a header line is the title that reports the meeting: the first line, or a meeting named
    with a capital in one of the first three lines of the header ("Delegation of the European Union to
    X" / "EU-X Human Rights Dialogue, 11th round")."""
    return idx == 0 or (idx <= 2 and first.isupper() and all(x.header for x in sentences[:idx]))


def parse_ordinal(token: str) -> int | None:
    if token.strip() in _ROMAN:
        return _ROMAN[token.strip()]
    t = token.lower().strip()
    digits = _DIGITS.match(t)
    if digits:
        return int(digits.group(1))
    return _ORD_WORDS.get(t.replace("–", "-"))


@lru_cache(maxsize=256)
def reports_held(text: str) -> bool:
    """The text has a cue that a meeting took place and none that it is planned or past."""
    return bool(_HELD.search(text)) and not _NOT_HELD.search(text)


def ordinal_near(text: str) -> int | None:
    """An ordinal followed by 'round' / 'session' / ... anywhere in ``text``."""
    m = _ORD_ALONE.search(text)
    return parse_ordinal(m.group("ord") or m.group("kind_ord")) if m else None


def _name(text: str, start: int, end: int, strong: bool) -> str:
    """The mention's name as written, extended over its subject ("... on Justice and Home Affairs")."""
    if not strong:
        return text[start:end]
    stop = end
    if _ENDS_IN_ON.search(text[start:end]) or text[start:end].rstrip().endswith(" on"):
        # The pattern ended inside "on X": restart the extension after the head word.
        stop = start + text[start:end].lower().rfind(" on ")
    name_end = stop
    while True:
        m = _NAME_CONT.match(text, name_end)
        name_end = m.end() if m else name_end
        brk = _LINE_BREAK.match(text, name_end)
        nl = brk.end() - 1 if brk else -1
        if brk is None or nl - (text.rfind("\n", 0, nl) + 1) < _WRAPPED_LINE:
            break  # no line break, or one after a short line (a heading ends the name)
        # A name goes on over the break of a hard-wrapped line: the words after it, read as after a space.
        lead = brk.group(1) + " "
        after = _NAME_CONT.match(lead + text[brk.end() : brk.end() + 160])
        if after is None or after.end() <= len(lead):
            break
        name_end = brk.end() + after.end() - len(lead)
    name = " ".join(text[start:name_end].split())
    name = _NAME_TAIL.sub("", name)
    return name.strip()


def _clause(s: Sentence, sides: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The part of sentence ``s`` around ``[start, end)`` not cut off by the ``sides`` (the spans
    of ';', 'while', 'but' in it)."""
    a, b = s.start, s.end
    for x, y in sides:
        if y <= start:
            a = y
        elif x >= end:
            b = x
            break
    return a, b


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def side_clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``_SIDE_CLAUSE.finditer(text, start, end)`` (';' and the whole words 'while',
    'whereas', 'but'), found with ``str.find``."""
    out: list[tuple[int, int]] = []
    for word in _SIDE_WORDS:
        i = text.find(word, start, end)
        while i >= 0:
            j = i + len(word)
            if word == ";" or (
                (i == 0 or not _is_word_char(text[i - 1])) and (j == end or not _is_word_char(text[j]))
            ):
                out.append((i, j))
            i = text.find(word, i + 1, end)
    out.sort()
    return out


def _anchors(text: str) -> list[int]:
    """Where the anchors of the lexicon occur in ``text``, in order."""
    out: list[int] = []
    for anchor in _KIND_ANCHORS:
        i = text.find(anchor)
        while i >= 0:
            out.append(i)
            i = text.find(anchor, i + 1)
    out.sort()
    return out


@lru_cache(maxsize=4)
def find_mentions(text: str, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    """Every meeting mention of the sentences, in text order (cached: several stages ask)."""
    out: list[Mention] = []
    anchors = _anchors(text)
    anchored = []
    for idx, s in enumerate(sentences):
        i = bisect.bisect_left(anchors, s.start)
        if i < len(anchors) and anchors[i] < s.end:
            anchored.append(idx)
    starts = _KINDS_RE.positions(text, [(sentences[i].start, sentences[i].end) for i in anchored])
    clause_cues: dict[tuple[int, int], tuple[bool, bool]] = {}
    for idx in anchored:
        s = sentences[idx]
        sides: list[tuple[int, int]] | None = None
        previous = s.start  # an ordinal before a mention reaches back no further than the mention before
        for m in _KINDS_RE.finditer(text, s.start, s.end, starts):
            kind, strong = _ALTERNATIVES[int(str(m.lastgroup)[1:])]
            a, b = m.span()
            before = text[s.start : a]
            ordinal = _ordinal_before(text[max(previous, a - 90) : a])
            previous = b
            oa = _ORD_AFTER.match(text, b, s.end) if _ord_after_possible(text, b, s.end) else None
            if ordinal is None and oa:
                ordinal = parse_ordinal(oa.group("ord"))
            if ordinal is None and text.startswith(",", b):  # "EU-X Human Rights Dialogue, 11th round"
                oc = _ORD_COMMA.match(text, b, s.end)
                ordinal = parse_ordinal(oc.group("ord")) if oc else None
            tail = before[-40:]
            is_strong = strong or ordinal is not None or ("EU" in tail and bool(_EU_PAIR_BEFORE.search(tail)))
            if sides is None:
                sides = side_clause_spans(text, s.start, s.end)
            ca, cb = _clause(s, sides, a, b)
            cues = _clause_cues(text, ca, cb, clause_cues)
            lead = bool(_LEAD.match(before))
            out.append(
                Mention(
                    kind=kind,
                    strong=is_strong,
                    start=a,
                    end=b,
                    sentence=idx,
                    name=_name(text, a, b, strong),
                    held=cues[0] or lead or (s.header and _title(sentences, idx, text[a])),
                    negated=(cues[1] or _near_not_held(text, ca, cb, a, b)) and not lead,
                    dependent=bool(_DEPENDENT.search(before[-60:]) or _DOCUMENT_AFTER.match(text, b, s.end)),
                    lead=lead or _is_heading(s),
                    ordinal=ordinal,
                    header=s.header,
                )
            )
    out += _acronym_mentions(text, sentences, out, clause_cues)
    out.sort(key=lambda m: m.start)
    return tuple(out)


def _clause_cues(
    text: str, ca: int, cb: int, cache: dict[tuple[int, int], tuple[bool, bool]]
) -> tuple[bool, bool]:
    """Whether the clause ``text[ca:cb]`` reports a meeting held, and whether one not held (cached)."""
    cues = cache.get((ca, cb))
    if cues is None:
        clause = text[ca:cb]
        cues = cache[ca, cb] = (bool(_HELD.search(clause)), bool(_NOT_HELD.search(clause)))
    return cues


# "the Joint Cooperation Council (JCC)": the rest of the name, then an acronym in brackets.
_ACRONYM_DEF = re.compile(
    r"(?:,?\s+(?:[A-Z][\w'’-]*|of|on|and|the|for)(?![\w'’-])){0,12}?,?\s*\((?P<acr>[A-Z]{2,6})\)"
)


@lru_cache(maxsize=1)
def _party_codes() -> frozenset[str]:
    table = gazetteer().table
    return frozenset({e.party for entries in table.values() for e in entries if e.party} | set(table))


def _acronym_mentions(
    text: str,
    sentences: tuple[Sentence, ...],
    found: list[Mention],
    clause_cues: dict[tuple[int, int], tuple[bool, bool]],
) -> list[Mention]:
    """Mentions of a meeting by the acronym its name defines ("The JCC reviewed ..."), after the name."""
    out: list[Mention] = []
    starts = [s.start for s in sentences]
    for m in found:
        d = _ACRONYM_DEF.match(text, m.end) if m.strong else None
        if d is None or d.end() - m.end > 120 or d.group("acr") in _party_codes():
            continue  # (not "the Gulf Cooperation Council (GCC)": a party)
        for a in re.compile(rf"\b{d.group('acr')}\b").finditer(text, d.end()):
            idx = bisect.bisect_right(starts, a.start()) - 1
            s = sentences[idx] if idx >= 0 else None
            if s is None or a.start() >= s.end:
                continue
            ca, cb = _clause(s, side_clause_spans(text, s.start, s.end), a.start(), a.end())
            held, not_held = _clause_cues(text, ca, cb, clause_cues)
            out.append(
                replace(
                    m,
                    start=a.start(),
                    end=a.end(),
                    sentence=idx,
                    held=held,
                    negated=not_held or _near_not_held(text, ca, cb, a.start(), a.end()),
                    dependent=bool(_DEPENDENT.search(text[max(s.start, a.start() - 60) : a.start()])),
                    lead=False,
                    ordinal=None,
                    header=s.header,
                )
            )
    return out


def _ordinal_before(window: str) -> int | None:
    """The ordinal of "12th", "the twelfth annual round of their" right before a name."""
    found: int | None = None
    low = lower_if_safe(window)
    if (
        low is not None
        and not _DIGIT.search(window)
        and not any(w in low for w in _ORD_MINIMAL)
        and not _ROMAN_RE.search(window)
    ):
        return None  # every ordinal holds a digit or one of these words
    for tok in _ORD_TOKEN.finditer(window):
        m = _ORD_BEFORE.match(window, tok.start())
        if m:
            found = parse_ordinal(m.group("ord"))
    return found


def _ord_after_possible(text: str, b: int, end: int) -> bool:
    """Whether "for the", "its" or "their" (which every match of ``_ORD_AFTER`` holds within
    its first 66 characters) occurs in ``text[b:end]`` near enough."""
    low = lower_if_safe(text[b : min(end, b + 66)])
    return low is None or "for" in low or "its" in low or "their" in low


def _near_not_held(text: str, ca: int, cb: int, a: int, b: int) -> bool:
    """The words around the mention at ``[a, b)`` in the clause ``[ca, cb)`` make it another round."""
    after = _PHRASE_END.search(text, b, cb)
    near = text[max(ca, a - 50) : a] + " " + text[b : min(after.start() if after else cb, b + 60)]
    return bool(_NOT_HELD_NEAR.search(near))


def _is_heading(s: Sentence) -> bool:
    return not s.header and len(s.text) < 120 and not s.text.rstrip().endswith((".", "!", "?", ":", ";"))
