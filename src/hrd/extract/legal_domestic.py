"""Mentions of domestic laws: codes, constitutions and named or numbered laws.

:func:`find_domestic` finds, in a stretch of text, the codes ("the Criminal
Code", "the Code of Criminal Procedure"), the constitution, laws named by
their subject ("the Law on Mass Media", "Decree-Law 35 on
Telecommunications"), laws named by their number ("Law No. 149/2019") and laws
named before their head noun ("the Criminal Laws (Amendment) Act, 2022", "the
Charities Proclamation", "the Public Order Ordinance"). The names are
canonical: the country and a trailing year are left out. A bill is a draft: its
mention is kept (it holds the articles cited of it) but names no instrument.

:class:`Mention` and the name patterns (:data:`CAPW`, :data:`TAIL`) are shared
with :mod:`.legal_mentions`, which adds the international instruments and picks
among overlapping mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import load_lexicon
from .starts import Starts
from .triggers import find_words, in_windows, windows

__all__ = ["CAPW", "TAIL", "Mention", "find_domestic", "flex"]

_LEX = load_lexicon("legal")
_APOSTROPHE_RE = re.compile("['’]")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    instruments: tuple[str, ...]
    """Canonical names; several for "ILO Conventions Nos. 87 and 98"; none for a bill."""
    noun: str | None = None
    """The head noun an anaphor can refer back with ('Convention')."""
    numbered: bool = False
    """Named by its number only ("Law No. 149/2019")."""


def flex(name: str) -> str:
    """A regex for ``name`` with flexible whitespace and either apostrophe."""
    parts = [_APOSTROPHE_RE.sub("['’]", re.escape(w)) for w in name.split()]
    return r"\s+".join(parts)


_LAW_WORDS_LOW = ("law", "decree", "act", "ordinance", "edict", "proclamation", "regulation")
_CONN = frozenset(_LEX["name_connectors"])
# A capitalised word of a name, possessive included: "the Law on the People's Advocate".
CAPW = r"[A-Z][A-Za-z\u00C0-\u024F]*(?:-[A-Za-z\u00C0-\u024F]+)*(?:['’]s(?!\w)|(?<=s)['’](?=\s+[A-Z]))?"
_LINK = "|".join(re.escape(c) for c in _LEX["name_connectors"] if c not in ("the", "and"))
# Between two capitalised words of a name: one connector ("of the", "and"), never "and the".
_JOIN = rf"(?:(?:{_LINK})\s+(?:the\s+)?|and\s+)?"
TAIL = rf"{CAPW}(?:\s+{_JOIN}{CAPW})*"
# A law's subject may go on with "and its" ("the Law on Combating Terrorism and its Financing"), with
# "the" after a gerund ("the Law on Ensuring the Functioning of ...") and with "as the" ("... Language as
# the State Language"; not "as the EU said").
_LAW_TAIL = (
    # "... on Prevention, Combating and Mitigation of ...": commas among words listed up to an "and";
    # "... of Abuse or Defamation of Religion"
    rf"{CAPW}(?:(?:(?<=ing)\s+the\s+|,\s+(?=(?:{CAPW},\s+)*[A-Z][^,;.()]{{0,60}}?\s+and\s+[A-Z])|\s+(?:{_JOIN}|or\s+|and\s+(?:its|their)\s+"
    rf"|as\s+the\s+(?!(?:EU|European|Government|Ministry|[A-Z][a-z]+\s+(?:side|delegation))\b))){CAPW})*"
)
_QUALIFIERS = frozenset(_LEX["code_qualifiers"])
_CODE_CANON: dict[str, str] = _LEX["code_canonical"]
_CODE_RE = re.compile(r"\b[Cc]ode\b")
_CODE_OF_RE = re.compile(rf"\bCode\s+(?:of|on)\s+(?:the\s+)?{TAIL}")
_CODE_OF_STOP = re.compile(r"(?i)\b(?:conduct|ethics|practice|honour|honor)\b")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z-]*)\s+$")
_CONSTITUTION_RE = Starts(re.compile(r"\b[Cc]onstitution\b|\b[Cc]onstitutional\s+amendments?\b"))
_HEADS = sorted(_LEX["law_heads"], key=len, reverse=True)
_LAW_ON_RE = Starts(
    re.compile(
        r"\b(" + "|".join(flex(h) for h in _HEADS) + r"|law|decree)\s+"
        r"(?:of\s+(?:the\s+)?(?:Republic\s+of\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+)?"
        # "Law No. 175 of 2020 on X"
        r"((?:No\.?\s*)?\d(?:[\w./-]|,(?=\d{3}\b))*\s+(?:of\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(?:19|20)\d\d\s+)?)?"
        # "the Law against Femicide", "Law No. 5777/16 of Integral Protection to ..." (a name after "of")
        r"[\"“'‘«]?(?:on|On|ON|(for|against|(?(2)of|(?!x)x))(?=\s+(?:the\s+)?[A-Z](?![a-z]+\s+(?:19|20)\d\d)))\s+((?:the\s+)?"
        + _LAW_TAIL
        # a parenthesis of two words or more ends a name: "the Law on NGOs (Public Associations and Funds)"
        + rf"(?:\s+\({CAPW}(?:,?\s+{_JOIN}{CAPW})+\))?"
        + r"|(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,7})"
    )
)
_LOWER_TAIL_STOP = frozenset(_LEX["lower_tail_stop"])
_LAW_DOING_RE = re.compile(
    r"\b(Law|Act|Decree)\s+(?:No\.?\s*\d+(?:/\d+)?(?:\s+of\s+(?:19|20)\d\d)?\s+)?"
    r"((?:Regulating|Governing|Concerning|Establishing|Amending|Protecting|Combating"
    rf"|Preventing|Organi[sz]ing|Guaranteeing)\s+(?:the\s+)?{TAIL})"
)
_RULE_OF_RE = re.compile(r"(?i)\brule\s+of\s+$")
_NUMBERED_RE = Starts(
    re.compile(
        r"\b(" + "|".join(flex(h) for h in sorted(_LEX["numbered_heads"], key=len, reverse=True)) + r")\s+"
        # A decree named by its kind before the number: "Decree of Necessity and Urgency No. 70/2017".
        rf"(?:(of\s+{CAPW}(?:\s+(?:and\s+)?{CAPW}){{0,4}})\s+(?=No\.?\s*\d))?"
        r"((?:No\.?|Nr\.?|Number)\s*)?(\d+(?:[/.-]\d+|,\d{3}(?!\d)|[/-]?[A-Z]{1,4}\b)*)"
        r"(\s+of\s+(?:19|20)\d\d\b)?"  # "Federal Law No. 12 of 2021": the year is part of the number
    )
)
# A law named before its head noun; a parenthesis may sit among the words: "Criminal Laws (Amendment) Act".
_NAMED_HEADS: list[str] = sorted(_LEX["named_heads"], key=len, reverse=True)
_DRAFT_HEADS = frozenset(_LEX["draft_heads"])
_PAREN = rf"\({CAPW}(?:,?\s+{_JOIN}{CAPW})*(?:,?\s+etc\.?)?\)"  # "(Prohibition, Prevention, etc.)"
# A comma may join the words of a name listed up to an "and": "Enforced Disappearances Enquiry, Truth
# and Reconciliation Commission Act" (not after a law's own head: "the Penal Code, Media Act").
_NAME_COMMA = rf"(?:(?<!Code)(?<!Law)(?<!Act)(?<!Decree),(?=\s+{CAPW}(?:\s+{CAPW})*\s+and\s+[A-Z]))?"
_NAME_PARTICLE = r"(?:da|de|do|dos|das|del|di|van|von)\s+"  # "the Maria da Penha Law"
_NAMED_RE = re.compile(
    rf"\b({CAPW}(?:\s+{_PAREN})?(?:{_NAME_COMMA}\s+(?:{_JOIN}|{_NAME_PARTICLE}){CAPW}(?:\s+{_PAREN})?){{0,7}})\s+"
    r"(" + "|".join(re.escape(h) for h in _NAMED_HEADS) + r")\b(?!-)"
    r"(?!\s+(?i:" + "|".join(_LEX["not_law_after"]) + r")\b)"
)
# A name may go on after its head: "the Organic Law to Prevent and Eradicate Violence against Women".
_GOES_ON_RE = re.compile(
    rf"\s+(?:to\s+(?!the\b)|for\s+(?:the\s+)?){CAPW}(?:\s+(?:{_JOIN}|and\s+(?:its|their)\s+){CAPW}){{0,7}}"
)
_NAME_AFTER_DRAFT_RE = re.compile(r"\s+[A-Z]")
_GENERIC_LAW = frozenset(_LEX["generic_law_words"])
_MONTHS = frozenset(forms[0].lower() for forms in load_lexicon("dates")["months"])
_LEADING_STOP = frozenset(_LEX["leading_stop"])
_COUNTRY_WORDS = frozenset(
    w
    for c in load_lexicon("places")["countries"]
    for w in [*c["names"], *c["demonyms"]]
    if " " not in w and "-" not in w
)


def find_domestic(text: str, low: str, start: int, end: int) -> list[Mention]:
    """Every candidate mention of a domestic law in ``text[start:end]`` (``low`` is ``text`` lowered);
    candidates may overlap."""
    out = _codes(text, low, start, end)
    constitution = find_words(low, ("constitution", "constitutional"), start, end)
    for m in _CONSTITUTION_RE.in_windows(text, windows(text, constitution, start, end, 0, 30)):
        out.append(Mention(m.start(), m.end(), ("Constitution",), "Constitution"))
    laws = windows(text, find_words(low, _LAW_WORDS_LOW, start, end), start, end, 25, 200)
    out.extend(_laws_on(text, laws))
    for m in in_windows(_LAW_DOING_RE, text, laws):  # "the Law Regulating the Practice of Civil Work"
        out.append(Mention(m.start(), m.end(), (" ".join([m.group(1), *m.group(2).split()]),), "Law"))
    for m in _NUMBERED_RE.in_windows(text, laws):
        if not m.group(1)[0].isupper():
            continue
        kind = m.group(2)
        if kind is not None and any(w in _COUNTRY_WORDS or w == "Republic" for w in kind.split()):
            continue  # "Law of the Republic of X No. 5": the country is no part of the name
        head = " ".join([*m.group(1).split(), *(kind.split() if kind else ())])
        number = "No. " if m.group(3) else ""
        year = " ".join(m.group(5).split()) if m.group(5) else ""
        name = f"{head} {number}{m.group(4)}" + (f" {year}" if year else "")
        out.append(Mention(m.start(), m.end(), (name,), "Law", numbered=True))
    out.extend(_named(text, start, end))
    return out


def _codes(text: str, low: str, start: int, end: int) -> list[Mention]:
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
            if word == "and" and len(words) == 1:  # "the Press and Publications Code"
                prev = _WORD_BEFORE_RE.search(text, max(start, w.start(1) - 40), w.start(1))
                first = prev.group(1) if prev else ""
                if first[:1].isupper() and first not in _LEADING_STOP and first not in ("Code", "Law", "Act"):
                    words[:0] = [first, word]
                    pos = prev.start(1) if prev else pos
                    continue
            if not known and (words or not word[0].isupper() or word in _LEADING_STOP):
                break
            words.insert(0, word)
            pos = w.start(1)
        if not words:
            continue
        name = " ".join(x if x == "and" else x[0].upper() + x[1:] for x in [*words, "Code"])
        out.append(Mention(pos, m.end(), (_CODE_CANON.get(name.lower(), name),), "Code"))
    for m in in_windows(_CODE_OF_RE, text, windows(text, codes, start, end, 0, 120)):
        if _CODE_OF_STOP.search(m.group(0)):
            continue
        name = " ".join(m.group(0).split())
        out.append(Mention(m.start(), m.end(), (_CODE_CANON.get(name.lower(), name),), "Code"))
    return out


def _laws_on(text: str, laws: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _LAW_ON_RE.in_windows(text, laws):
        if _RULE_OF_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "the rule of law on ..."
        head = " ".join(m.group(1).split())
        head = head[0].upper() + head[1:]
        words = _cut_tail(m.group(4).split())
        lower = (words[0] != "the" and words[0][0].islower()) or (
            words[0] == "the" and words[1:2] != [] and words[1][0].islower()
        )
        if lower:
            if not m.group(2):
                continue  # a lower-case subject names a law only after its number: "Decree-Law 370 on ..."
            keep = next((i for i, w in enumerate(words) if w in _LOWER_TAIL_STOP), len(words))
            words = words[:keep]
        while words and (words[-1] in _TRAILING or words[-1] in ("No", "Nr")):
            words.pop()  # "the Law on Elections No. 4": the number is no part of the name
        if not words:
            continue
        stop = _end_of(text, m.start(4), words)
        prep = m.group(3) or "on"  # "the Law for the Protection of Journalists" (a capital follows "for")
        out.append(Mention(m.start(), stop, (f"{head} {prep} {' '.join(words)}",), "Law"))
    return out


def _named(text: str, start: int, end: int) -> list[Mention]:
    """Laws named before their head noun: "the Trade Union Law", "the Charities Proclamation"."""
    out: list[Mention] = []
    heads = windows(text, find_words(text, _NAMED_HEADS, start, end), start, end, 160, 4)
    for m in in_windows(_NAMED_RE, text, heads):
        head = m.group(2)
        if head in _DRAFT_HEADS and _NAME_AFTER_DRAFT_RE.match(text, m.end()):
            continue  # a person's name: "... Bill Smith"
        words = m.group(1).split()
        skip = 0
        while skip < len(words) and (
            words[skip] in _LEADING_STOP or words[skip].lower() in _CONN or words[skip] in _COUNTRY_WORDS
        ):
            skip += 1
        words = words[skip:]
        if (
            not words
            # "Labour Law" is a field of law; "the Bangladesh Labour Act", a statute
            or (all(w in _GENERIC_LAW or w.lower() in _CONN for w in words) and not (skip and head == "Act"))
            or words[-2:] == ["Rule", "of"]
        ):
            continue
        offset = m.start() + m.group(0).index(words[0]) if skip else m.start()
        goes_on = _GOES_ON_RE.match(text, m.end(), end)
        tail = goes_on.group().split() if goes_on else []
        names = () if head in _DRAFT_HEADS else (" ".join([*words, head, *tail]),)
        out.append(Mention(offset, goes_on.end() if goes_on else m.end(), names, head))
    return out


_TRAILING = frozenset(["the", "of", "and", "on", "for", "in", "a", "an"])
_LAW_WORDS = frozenset(
    ["law", "decree", "decree-law", "act", "code", "convention", "ordinance", "constitution", "proclamation"]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "this", "that"])
_PROVISION_WORDS = frozenset(["article", "articles", "section", "sections", "paragraph", "chapter", "clause"])


def _cut_tail(words: list[str]) -> list[str]:
    """A law's subject ends before "and the ...", before the name of another law and before a
    date ("the Law on Mass Media in January 2013")."""
    for i in range(1, len(words)):
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        if words[i] == "and" and nxt in ("its", "their") and after[:1].isupper():
            continue  # "the Law on Combating Crimes of Terrorism and its Financing"
        if words[i] == "and" and (
            nxt in _DETERMINERS or nxt in _LAW_WORDS or nxt in _PROVISION_WORDS or nxt.endswith("ed")
        ):  # ("... against women and encouraged the authorities")
            return words[:i]  # "the Law on X and the ...", "the Law on X and Article 13.14 of ..."
        if words[i] in ("in", "on", "of", "since") and nxt.rstrip(",.") in _MONTHS:
            return words[:i]
    return words


def _end_of(text: str, pos: int, words: list[str]) -> int:
    """The end offset of ``words`` written from ``pos`` on (separated by any whitespace)."""
    for w in words:
        pos = text.index(w, pos) + len(w)
    return pos
