"""Names of cooperation programmes, projects and funding instruments (the money stage asks).

A programme is a capitalised name ending in a head noun of the lexicon
("Central Asia Rule of Law programme", "Border Management Programme in
Central Asia", "Development Cooperation Instrument"), a name before a kind of
programme ("the Sawasya joint programme"), a name after "Project", a quoted
name ('the "Justice for All" programme'), or an acronym known as a programme
or set in apposition to one ("COVAX, the global facility ..."). An acronym in
parentheses after the name is kept without its phase number ("CADAP-6",
"SAMI II" -> "CADAP", "SAMI"), and a name without its phase ("... Programme
II"). National plans and strategies (and a partner's programme for a period:
"the Programme of Judicial Reform for 2015-2017"), unnamed programmes, the
parts of a named programme ("the Africa programme of the Spotlight
Initiative") and trade preference schemes are not programmes (lexicon
``money.json``), nor are organisations: a name that acts ("X, whose director
..., called on the EU") or that the text calls a group or an NGO.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .amounts import CURRENCY_CODES
from .gazetteer import gazetteer
from .lexicon import load_lexicon
from .triggers import find_words, in_windows, lowered, windows

__all__ = ["find_programmes", "programme_triggers"]

_LEX = load_lexicon("money")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CONN = _alt(_LEX["name_connectors"])
_NOT_HEAD = r"(?!(?:Programmes?|Programs?|Projects?|Instruments?|Facility|Initiatives?|Funds?)\b)"
_CAPW = rf"{_NOT_HEAD}(?:[A-Z][A-Za-z0-9\u00C0-\u024F]*(?:-[A-Za-z0-9]+)*\+?|[0-9]+[A-Z][A-Za-z0-9]*)"
# Capitalised words and connectors: "..., Accountability and the Rule of Law" (only "and" takes "the"
# before a head: "Support for the X Programme" names the X Programme).
_SEQ = rf"{_CAPW}(?:(?:\s+|,\s+)(?:(?:{_CONN})\s+(?:(?<=and\s)the\s+)?)*{_CAPW})*"
# After the head any connector may: "Trust Fund in Response to the Syrian Crisis".
_SEQ_TAIL = rf"{_CAPW}(?:(?:\s+|,\s+)(?:(?:{_CONN})\s+(?:(?<!of\s)the\s+)?)*{_CAPW})*"
_HEAD = _alt(_LEX["heads"])
_TAIL_PREP = _alt(_LEX["tail_prepositions"])
# Its owner is no part of a name: "the Spotlight Initiative of the European Union".
_OWNER_TAIL = r"(?:European\s+Union|EU|United\s+Nations|UN)(?!\s+[A-Z])"
_NAME_RE = re.compile(
    rf"\b({_SEQ})\s+((?:{_HEAD})|(?i:programmes?|programs?|projects?|initiative|facility|instrument|fund))\b"
    rf"(?:\s+(?:{_TAIL_PREP})\s+(?!(?:{_alt(list(CURRENCY_CODES))})\b)(?!(?:the\s+)?{_OWNER_TAIL}\b)((?:the\s+)?{_SEQ_TAIL}))?"
)
# "the Law Enforcement in Central Asia (LEICA) programme": the acronym between the name and its head.
_ACRONYM_HEAD_RE = re.compile(
    rf"\b({_SEQ})\s+\(([A-Z][A-Za-z0-9+&-]{{1,14}})\)\s+(?i:programmes?|programs?|projects?|initiative|facility)\b"
)
_PERIOD_RE = re.compile(r"\s+for\s+(?:the\s+(?:period|years)\s+)?(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b")
# "the Sawasya joint programme": a name, then a kind of programme in lower case.
_KIND_HEAD_RE = re.compile(
    rf"\b({_SEQ})\s+(?:joint|flagship|regional|twinning|bilateral)\s+(?i:programmes?|programs?|projects?|initiative)\b"
)
# "the justice reform support programme (PARJ)": a name in lower case, known by its acronym.
_LOWER_ACRONYM_RE = re.compile(
    r"\b(?:the|a|an|its|their|our)\s+((?:[A-Za-z]+-(?:funded|financed|backed|supported)\s+)?"
    r"(?:[a-z][a-z-]+\s+){1,5}(?:programme|program|project|facility|initiative))"
    r"(?=\s*\([A-Z])"
)
_QUOTED_RE = re.compile(
    r"\b(?i:projects?|programmes?|programs?|initiatives?)\s+(?:(?i:entitled|called|named)\s+)?"
    r"(?:[\"“]([^\"”]{3,120})[\"”]|['‘]([^'‘’]{3,120})['’](?!\w))"
    # '"X" programme', and in apposition: '"X", a programme for ...', '"X", the EU's flagship project'
    r"|[\"“]([^\"”]{3,120})[\"”](?:\s*\(([A-Z][A-Za-z0-9+&-]{1,14})\))?"  # '"X" (XP) programme'
    # '"X" budget support programme'
    r"(?:,\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?|\s+(?:[a-z][\w-]*\s+){1,3}?)?"
    r"\s*(?i:projects?|programmes?|programs?|initiatives?)\b"
)
# "Project Horizon", "the Programme for Support to Justice Reform (PAREJ)", "the project Safe Seas Asia".
_HEAD_BEFORE_RE = re.compile(
    rf"\b(?:{_alt(_LEX['heads_before'])})\s+(?:(?:for|of|on)\s+(?:the\s+)?(?=[A-Z]))?[\"“]?({_SEQ})[\"”]?"
)
# A name in French, Spanish or Italian, known by its acronym: "the Programme d'appui à la réforme de la
# justice (PARJ)", "Programa de Apoyo a la Justicia (PAJ)".
_ROMANCE_HEADS = ("Programme", "Programa", "Programma", "Projet", "Proyecto", "Progetto")
_ROMANCE_RE = re.compile(
    rf"\b((?:{'|'.join(_ROMANCE_HEADS)})\s+(?:d['’]|de\s|del\s|des\s|du\s|di\s|pour\s|para\s|per\s)"
    r"[^()\"”]{3,100}?)[\"”]?\s*\(([A-Z][A-Za-z0-9+&-]{1,14})\)"
)
_ACRONYM_RE = re.compile(
    r"\s*\((?:the\s+)?([A-Z][A-Za-z0-9+&-]{1,14}?"
    r"(?: (?!(?:I{1,3}|IV|VI{0,3}|IX|X)\))[A-Z][A-Za-z0-9+&-]{1,10})?)"  # "EL PAcCTO", not "GOJUST II"
    r"(?:[- ]?\d{1,2}|[- ](?:I{1,3}|IV|VI{0,3}|IX|X))?\)"
)
# A phase at the end of a name: "... Programme II", "... Facility, Phase 2".
_PHASE_SUFFIX_RE = re.compile(r",?\s+(?:(?i:phase)\s+(?:\d{1,2}|[IVX]{1,4})|I{2,3}|IV|VI{1,3}|IX)$")
_KNOWN: dict[str, str] = _LEX["known"]
_KNOWN_NAMES = tuple(_LEX["known_names"])
_PHASE_RE = re.compile(r"-\d{1,2}(?!\w)")
_HEAD_WORDS: tuple[str, ...] = (
    "programme",
    "programmes",
    "program",
    "programs",
    "project",
    "projects",
    "initiative",
)
_HEAD_WORDS += ("initiatives", "facility", "instrument", "instruments", "fund")
_APPOSITIVE_HEADS = tuple(_LEX["appositive_heads"])
_APPOSITIVE_RE = re.compile(
    rf"(?<![\w-])([A-Z][A-Z0-9]{{2,9}})(?:-\d{{1,2}})?,\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?"
    rf"(?i:{_alt(_LEX['appositive_heads'])})\b"
)
_LEADING_STOP = frozenset(_LEX["leading_stop"])
_FUNDED_RE = re.compile("-(?:" + _alt(_LEX["funded_suffix"]) + r")$")
_EXCLUDE_RE = re.compile(r"\b(?:" + _alt(_LEX["exclude"]) + r")\b")
_EXCLUDE_WORDS = frozenset(_LEX["exclude_words"])
_QUOTES_RE = re.compile(r"[\"“”]")
_OWNERS = frozenset(_LEX["owners"])
_ORG_NOUN = _alt(_LEX["organisation_nouns"])
# An organisation, not a programme: a name that acts ("X, whose director ..., called on"), or
# that is called a group or an NGO ("the rights group X", "X, a local NGO,").
_ACTS_RE = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?:whose|who|which|an?|the|one)\b[^,;.]{0,160},\s*|,\s*(?:who|which)\s+)?"
    r"(?:(?:also|has|have|had|publicly|strongly|repeatedly|recently|then|later|again)\s+){0,2}"
    rf"(?:{_alt(_LEX['actor_verbs'])})\b"
)
_CALLED_RE = re.compile(
    rf"\s*(?:\([^()]{{1,20}}\)\s*)?,\s*(?:an?|the|one\s+of\s+the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_ORG_NOUN})\b"
)
_ORG_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:{_ORG_NOUN})\s+(?:(?:such\s+as|including|like)\s+)?(?:the\s+)?$"
    r"|\b(?:heads|headed|leads|directs|founded|chairs)\s+(?:the\s+)?$"  # "X, who heads the Y Initiative"
)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    name: str
    acronym: str | None


_IN_TAIL = re.compile(r"\s+in\s+")
# "the Africa programme of the Spotlight Initiative": a part of the programme named after it
_PART_OF_RE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,6}(?:Initiative|Programmes?|Programs?|Projects?|Facility|Funds?|Instrument)\b"
)
_CAPITAL_BEFORE_RE = re.compile(r"(?<![.!?])\s[A-Z][\w-]*\s+$")
# A name written as an acronym or a brand: "EUROJUSTICIA", "EUROsociAL+", "PRAVO-Justice" is not one.
_BRAND_RE = re.compile(
    r"(?=\w*[A-Z]\w*[A-Z])[A-Z][A-Za-z0-9]{2,15}(?:-[A-Z][A-Za-z0-9]+)?\+?"
)  # "PRAVO-Justice"
_ALL_CAPS_RE = re.compile(r"[A-Z][A-Z0-9-]{1,11}")
_EXPANSION_RE = re.compile(r"\s*\(\s*([A-Z][^()]{5,150}?)\s*\)")


def _clean_name(text: str, start: int, end: int) -> tuple[int, str] | None:
    words = text[start:end].split()
    i = 0
    while i < len(words) and (
        words[i].rstrip(",") in _LEADING_STOP
        or _FUNDED_RE.search(words[i])
        or (
            len(words) - i > 2 and "-" in words[i] and all(w in _OWNERS for w in words[i].split("-"))
        )  # EU-UN
    ):
        i += 1
    words = words[i:]
    if not words:
        return None
    name = _PHASE_SUFFIX_RE.sub("", _QUOTES_RE.sub("", " ".join(words)).strip(" ,"))
    if _EXCLUDE_RE.search(name.lower()) or any(w.strip(",") in _EXCLUDE_WORDS for w in words):
        return None
    return text.index(words[0], start), name


def find_programmes(text: str, start: int, end: int) -> list[tuple[int, int, str, str | None]]:
    """Named programmes in ``text[start:end]``: (start, end, name, acronym), in text order."""
    found: list[_Found] = []
    low = lowered(text)
    heads = find_words(low, _HEAD_WORDS, start, end)
    for m in in_windows(_NAME_RE, text, windows(text, heads, start, end, 160, 120)):
        head_capital = m.group(2)[0].isupper()
        tail = m.group(3)
        # "... in Central Asia" is part of a name; "the Spotlight Initiative in Afghanistan" names a country
        # where it works.
        country_only = (
            tail is not None
            and _IN_TAIL.fullmatch(text, m.end(2), m.start(3)) is not None
            and _is_country(tail.removeprefix("the ").strip())
        )  # ("the Trust Fund for Colombia" keeps its country)
        stop = m.end() if head_capital and tail and not country_only else m.end(2)
        cleaned = _clean_name(text, m.start(1), stop)
        if (
            cleaned is None
            or cleaned[1].split()[0] == m.group(2)
            or _owner_only(cleaned[1], stop == m.end(2))
            or (not head_capital and _PART_OF_RE.match(text, m.end(2), end))
        ):
            continue
        words = cleaned[1].split()
        expansion = (
            _EXPANSION_RE.match(text, stop, end)
            if len(words) == 2 and _ALL_CAPS_RE.fullmatch(words[0])
            else None
        )
        if expansion is not None:  # "the CEGGA programme (Citizen Engagement for Good Governance)"
            found.append(_Found(cleaned[0], expansion.end(), " ".join(expansion.group(1).split()), words[0]))
            continue
        acr = _ACRONYM_RE.match(text, stop, end)
        if acr is None and len(words) == 2 and not head_capital and _BRAND_RE.fullmatch(words[0]):
            # "the EUROJUSTICIA programme": a programme named by its acronym, like COVAX
            found.append(_Found(cleaned[0], stop, words[0], words[0].rstrip("+")))
            continue
        known = words[0] if len(words) == 2 and words[0] in _KNOWN else None  # "the COVAX Facility"
        found.append(
            _Found(cleaned[0], acr.end() if acr else stop, cleaned[1], acr.group(1) if acr else known)
        )
    before = find_words(text, _LEX["heads_before"], start, end)
    for m in in_windows(_HEAD_BEFORE_RE, text, windows(text, before, start, end, 0, 120)):
        lower_head = text[m.start()].islower()  # "the project X Y": a name of two words or more
        linked = m.start(1) - m.start() > len(m.group(0).split()[0]) + 2  # "Programme for X"
        if linked and (lower_head or _CAPITAL_BEFORE_RE.search(text, max(start, m.start() - 30), m.start())):
            continue  # a subject ("the programme on X"), or a longer name ("the State Programme on X")
        if linked and _PERIOD_RE.match(text, m.end(), end):
            continue  # "the Programme of Judicial and Legal Reform for 2015-2017": a national programme
        cleaned = _clean_name(text, m.start(1) if lower_head else m.start(), m.end(1))
        if cleaned is not None and len(cleaned[1].split()) > 1:
            acr = _ACRONYM_RE.match(text, m.end(), end)
            stop = acr.end() if acr else m.end()
            found.append(_Found(m.start(), stop, cleaned[1], acr.group(1) if acr else None))
    romance = find_words(text, _ROMANCE_HEADS, start, end)
    for m in in_windows(_ROMANCE_RE, text, windows(text, romance, start, end, 0, 130)):
        found.append(_Found(m.start(1), m.end(), " ".join(m.group(1).split()), m.group(2)))
    for m in in_windows(_ACRONYM_HEAD_RE, text, windows(text, heads, start, end, 160, 12)):
        cleaned = _clean_name(text, m.start(1), m.end(1))
        if cleaned is not None and len(cleaned[1].split()) > 1 and not _owner_only(cleaned[1], False):
            found.append(_Found(cleaned[0], m.end(), cleaned[1], m.group(2)))
    for m in in_windows(_KIND_HEAD_RE, text, windows(text, heads, start, end, 160, 12)):
        cleaned = _clean_name(text, m.start(1), m.end(1))
        if cleaned is not None and not _owner_only(cleaned[1] + " programme", True):
            acr = _ACRONYM_RE.match(text, m.end(), end)
            found.append(
                _Found(cleaned[0], acr.end() if acr else m.end(), cleaned[1], acr.group(1) if acr else None)
            )
    for m in in_windows(_LOWER_ACRONYM_RE, text, windows(text, heads, start, end, 60, 30)):
        acr = _ACRONYM_RE.match(text, m.end(), end)
        cleaned = _clean_name(text, m.start(1), m.end(1))
        if acr is not None and cleaned is not None:
            found.append(_Found(m.start(1), acr.end(), cleaned[1], acr.group(1)))
    for m in in_windows(_QUOTED_RE, text, windows(text, heads, start, end, 120, 90)):
        quoted = m.group(1) or m.group(2) or m.group(3)
        if quoted[0].isupper():
            acr = _ACRONYM_RE.match(text, m.end(), end)  # '"X" programme (XP)' too
            stop = acr.end() if acr else m.end()
            acronym = m.group(4) or (acr.group(1) if acr else None)
            found.append(_Found(m.start(), stop, " ".join(quoted.split()), acronym))
    for a, b in find_words(text, _KNOWN_NAMES, start, end):
        found.append(_Found(a, b, text[a:b], None))
    for a, b in find_words(text, _KNOWN, start, end):
        if text[a - 1 : a] != "-":
            phase = _PHASE_RE.match(text, b, end)
            found.append(_Found(a, phase.end() if phase else b, text[a:b], text[a:b]))
    appositive = find_words(low, _APPOSITIVE_HEADS, start, end)
    for m in in_windows(_APPOSITIVE_RE, text, windows(text, appositive, start, end, 90, 2)):
        found.append(_Found(m.start(1), m.end(1), m.group(1), m.group(1)))
    out: list[tuple[int, int, str, str | None]] = []
    last_end = -1
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if f.start >= last_end:
            if not _organisation(text, f, start, end):
                out.append((f.start, f.end, f.name, f.acronym))
            last_end = f.end
    return out


def _owner_only(name: str, ends_on_head: bool) -> bool:
    """Whether the name is no more than its owner and a head: "EU programme", "UN fund",
    "EU-Council of Europe programme"."""
    return ends_on_head and all(w in _OWNERS for w in re.split(r"[\s-]+", name)[:-1])


def _organisation(text: str, found: _Found, start: int, end: int) -> bool:
    """Whether the name found is an organisation's: it acts, or the text calls it a group or an NGO."""
    return bool(
        _ACTS_RE.match(text, found.end, end)
        or _CALLED_RE.match(text, found.end, end)
        or _ORG_BEFORE_RE.search(text, max(start, found.start - 60), found.start)
    )


def programme_triggers(text: str, low: str, start: int, end: int) -> list[tuple[int, int]]:
    return [
        *find_words(low, _HEAD_WORDS, start, end),
        *find_words(low, _APPOSITIVE_HEADS, start, end),
        *find_words(text, _LEX["heads_before"], start, end),
        *find_words(text, _ROMANCE_HEADS, start, end),
        *find_words(text, _KNOWN, start, end),
        *find_words(text, _KNOWN_NAMES, start, end),
    ]


def _is_country(words: str) -> bool:
    """Whether ``words`` is a country's name and nothing else ("Afghanistan", "the Philippines")."""
    return any(e.party and e.form == "name" and len(e.party) == 2 for e in gazetteer().table.get(words) or ())
