"""Stage: individual cases raised at each meeting.

For each meeting (its section, :mod:`.sections`): whether a list of cases was
handed over, and the names of the persons, named cases and outlets the
readout says a party raised or discussed. Names are taken only from
sentences about cases (a cue of the lexicon: "case", "release", "detained",
"died", ...): a person's name after an honorific ("Mr Archil
Tatunashvili", returned without it) or a run of two to four capitalised
words that holds no word of an institution, place, title or date; a quoted
name after an outlet word ("the newspaper 'Uralskaya Nedelya'"); "the X
case". Officials (a name after or before a title), the heads of delegation,
country and place names, and sentences in which a third party (an NGO, the
media) reports are skipped. ``raised`` is true when a statement of the
meeting carries the topic ``individual-cases``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache

from .gates import Gate
from .gazetteer import longest_first
from .legal_mentions import find_mentions
from .lexicon import load_lexicon
from .sections import sentence_meetings, sentences_with
from .state import Analysis, CaseInfo, StatementInfo
from .triggers import find_prefixes, find_words, lowered

__all__ = ["find_case_names", "is_list_handed_over", "run"]

_LEX = load_lexicon("cases")


def _alt(words: list[str], *, ignore_case: bool = False) -> str:
    return longest_first(words, ignore_case=ignore_case)


_CUE_PREFIXES = tuple(_LEX["cue_prefixes"])
_CUE_WORDS = tuple(_LEX["cue_words"])
_LIST_RE = Gate(re.compile("(?i)" + "|".join(_LEX["list_handed_over"])))
_THIRD_RE = Gate(re.compile(r"\b(?:" + _alt(_LEX["third_party"]) + r")\b"))
_REPORTING_RE = Gate(re.compile(r"\b(?:" + _alt(_LEX["reporting"]) + r")\b"))
_HONORIFICS = frozenset(h.rstrip(".") for h in _LEX["honorifics"])
_TITLES = frozenset(_LEX["titles"])
_TITLE_AFTER_RE = re.compile(
    r"\s*,\s*(?:[\w'’-]+\s+){0,3}?(?i:" + _alt(_LEX["title_after"], ignore_case=True) + r")\b"
)
_DELEGATION_RE = Gate(re.compile("(?i)" + "|".join(_LEX["delegation"])))
_INSTITUTION = frozenset(_LEX["institution_words"])
_NON_NAME = frozenset(_LEX["non_name_words"]) | _TITLES | _HONORIFICS | _INSTITUTION
_PARTICLES = _alt(_LEX["particles"])
_LOWER = "a-zß-öø-ÿāăąćčďđēėęěğīįıķļľłńňōőœŕřśşšţťūůűųźżž'’"
_TOKEN = rf"[A-ZÀ-ÖØ-ÞĀ-Ž][{_LOWER}]+(?:-[A-ZÀ-ÖØ-Þa-z][{_LOWER}]+)*\.?"
_RUN_RE = re.compile(rf"(?<![\w-]){_TOKEN}(?:\s(?:(?:{_PARTICLES})[\s-])?{_TOKEN})*")
_TOKEN_RE = re.compile(rf"(?:(?:{_PARTICLES})[\s-])?{_TOKEN}")
_OUTLET = _alt(_LEX["outlet_words"])
_OUTLET_RE = re.compile(
    rf"\b(?:{_OUTLET})\s+[\"“‘']([^\"”’']{{2,60}})[\"”’']|[\"“‘']([^\"”’']{{2,60}})[\"”’']\s+(?:{_OUTLET})\b"
)
_OUTLET_BARE_RE = re.compile(
    # "the news website Charter97.org": a name written as a web address
    rf"\b(?:{_OUTLET})\s+(?:of\s+)?([A-Z][\w-]*\.(?:org|com|net|info|media|news|[a-z]{{2}})\b"
    rf"|{_TOKEN}(?:\s{_TOKEN}){{0,3}}(?:\s\d{{1,3}}(?![\d,.]\d))?)"  # "the television channel Rustavi 2"
)
_SINGLE_RE = re.compile(
    r"\b(?:cases?|release|detention|imprisonment|arrest|sentencing|conviction|trial|death|killing|murder"
    rf"|disappearance|fate)\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,4}}({_TOKEN})(?![\w-])"
    # "four Garífuna leaders", "Papuan political prisoners": an adjective
    rf"(?!\s+(?:[A-Z]|(?:{_PARTICLES})[\s-]))(?!\s+(?:[a-z]+\s+)?[a-z]+s\b)"
)
# "the cases of X and of Meiliana, who was sentenced ...": a person known by one name
_AND_OF_RE = re.compile(rf"\band\s+of\s+({_TOKEN})(?=,\s+(?:who|a|an)\b)")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z.]+)\s+$")
_MEDIA_WORDS = frozenset(_LEX["media_words"])
# A case known by its court number: "Case 173 of 2011", "Case No. 1/2020".
_NUMBERED_CASE_RE = re.compile(r"\bCase\s+(?:No\.?\s*)?\d+(?:/\d+)?(?:\s+of\s+(?:19|20)\d\d\b)?")
# Capitalised words that name a programme or a campaign: "the Safe Cities and Safe Spaces programme".
_PROGRAMME_AFTER = re.compile(
    r"(?:\s+and\s+(?:[A-Z][\w-]*\s+){1,4})?\s*(?i:programmes?|programs?|projects?|initiatives?|facility|fund"
    r"|campaigns?)\b"
)
_NAMED_CASE_RE = re.compile(
    rf"\bthe\s+(?:so-called\s+)?[\"“]?((?:{_TOKEN})(?:[\s-]{_TOKEN})*)[\"”]?\s+case\b"
)


def _clean(name: str) -> str:
    """A name without a final full stop or possessive: "Ivan Petrov's" -> "Ivan Petrov"."""
    return _POSSESSIVE_RE.sub("", " ".join(name.rstrip(".").split()))


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def is_list_handed_over(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` says that a list (of cases) was handed over."""
    return _LIST_RE.search(text, start, len(text) if end is None else end) is not None


def _is_third_party(sentence: str) -> bool:
    return bool(_THIRD_RE.search(sentence) and _REPORTING_RE.search(sentence))


def _overlaps(a: int, b: int, spans: Collection[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in spans)


def _people(text: str, start: int, end: int, skip: Collection[tuple[int, int]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for run in _RUN_RE.finditer(text, start, end):
        tokens = list(_TOKEN_RE.finditer(text, run.start(), run.end()))
        if any(t.group(0).rstrip(".") in _INSTITUTION for t in tokens):
            continue  # the name of a body, a law or an outlet, not a person's
        part: list[re.Match[str]] = []
        before: str | None = _word_before(text, start, run.start())
        for tok in [*tokens, None]:
            word = tok.group(0).rstrip(".") if tok else None
            if (
                tok is not None
                and word is not None
                and word not in _NON_NAME
                and not _INSTITUTION_ENDING.search(word)
                and not any(part in _TITLES for part in word.split("-")[1:])  # "Vice-Minister"
            ):
                part.append(tok)
                continue
            if part:
                out.extend(_accept(text, part, before, end, skip))
            part = []
            if (
                word in _TITLES
                and tok is not None
                and (before in _FORMER or _CASE_OF.search(text, max(start, tok.start() - 12), tok.start()))
            ):
                word = (
                    _FORMER_TITLE  # "former Senator X", "the case of Senator X": no official of the meeting
                )
            before = word
    return out


# Long words of institutions, not of names: "Social Development", "Social Protection".
_INSTITUTION_ENDING = re.compile(r"\w{4,}(?:tions?|ments?|ship)$")
# "X, a vice-president of the party", "X and Y, both former ministers": no officials of the meeting.
_SHARED_SURNAME = re.compile(rf"\s+and\s+{_TOKEN}\s+({_TOKEN})(?![\w-])(?!\s+[A-Z])")
_PATRONYMIC = re.compile(r"\s(?:kyzy|uulu|ogly|oglu|oğlu|qizi|kizi|gyzy)\b")
_INDEFINITE = re.compile(r"\s*,\s*(?:an?\s|(?:both\s+|the\s+|two\s+)?former\s)")
_CONNECTORS = frozenset(["for", "of", "on", "against"])
_NAME_RUN_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:for|of|on|against|and|to|the)\s+)*)+\Z")
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")
_PLACE_OF_BEFORE = re.compile(
    r"\b(?:village|town|city|province|region|district|county|municipality|island|state)\s+of\s+\Z"
)
_FORMER = frozenset(_LEX["former"])
_CREDIT = re.compile(r"\)\s*[-–—]\s")
_ALIAS_BEFORE = re.compile(r"\b(?:known\s+as|nicknamed|a\.k\.a\.|alias)\s+[\"“‘']?$")
_CASE_OF = re.compile(r"\bcases?\s+of\s+$")
_FORMER_TITLE = "former"
_PERSON_NOUNS = frozenset(_LEX["person_nouns"])


def _word_before(text: str, lo: int, pos: int) -> str | None:
    m = _WORD_BEFORE_RE.search(text[max(lo, pos - 20) : pos])
    return m.group(1).rstrip(".") if m else None


def _accept(
    text: str, part: list[re.Match[str]], before: str | None, end: int, skip: Collection[tuple[int, int]]
) -> list[tuple[int, str]]:
    a, b = part[0].start(), part[-1].end()
    if before in _CONNECTORS or before in ("and", "to", "the"):
        # the rest of a body's name: "the National Council for Combating Discrimination", "the National
        # Mechanism to Prevent and Combat Torture", "the Office of the Personal Data Protection Inspector"
        run = _NAME_RUN_BEFORE.search(text, max(0, a - 80), a)
        words = run.group().split() if run is not None else []
        if any(w in _INSTITUTION or _INSTITUTION_ENDING.search(w) for w in words if w[:1].isupper()):
            return []
    if _PLACE_OF_BEFORE.search(text, max(0, a - 30), a):
        return []  # "in the village of Inn Din"
    if (
        before in ("a", "an")
        and (after := _NOUN_AFTER.match(text, b, end))
        and after.group(1) in _PERSON_NOUNS
    ):
        return []  # "a Q'eqchi' Maya leader": the words of a people, not a name
    honorific = before in _HONORIFICS
    official = before is not None and (before in _TITLES or any(w in _TITLES for w in before.split("-")))
    if official or (len(part) < 2 and not honorific) or len(part) > 4:
        return []
    if _PROGRAMME_AFTER.match(text, b, end):
        return []
    if _TITLE_AFTER_RE.match(text, b, end) and not _INDEFINITE.match(text, b, end):
        return []  # an official ("X, Deputy Minister"), not "X, a vice-president of the opposition party"
    if _overlaps(a, b, skip):
        # A place may be a word of a person's name that a person noun or an honorific
        # introduces: "the journalist Gao Deming" (Gao, Mali), "former Senator Leila de Lima".
        introduced = honorific or before in _PERSON_NOUNS or before == _FORMER_TITLE
        if not introduced or all(_overlaps(t.start(), t.end(), skip) for t in part):
            return []
    patronymic = _PATRONYMIC.match(text, b, end)  # "Makhabat Tajibek kyzy"
    return [(a, _clean(text[a : patronymic.end() if patronymic else b]))]


def find_case_names(
    text: str,
    start: int,
    end: int,
    skip: Collection[tuple[int, int]] = (),
    heads: Collection[str] = (),
    instruments: Collection[tuple[int, int]] | None = None,
    cued: bool = False,
    stated: bool = False,
) -> list[str]:
    """Names of persons, named cases and outlets raised in the sentence ``text[start:end]``.

    ``skip`` are spans of country, party and place names; ``heads`` folded
    names of the heads of delegation; ``instruments`` spans of legal
    instruments (found here when not given); ``cued`` tells that the caller
    has found a cue of a case in the sentence, ``stated`` that a party makes
    a statement in it (then a third party reporting in the same sentence
    does not remove its names).
    """
    sentence = text[start:end]
    if not cued and not _cues(lowered(text), start, end):
        return []
    if (not stated and _is_third_party(sentence)) or _DELEGATION_RE.search(sentence):
        return []
    if instruments is None:
        instruments = [(m.start, m.end) for m in find_mentions(text, start, end)]
    skip = [*skip, *instruments]
    found: list[tuple[int, str]] = _people(text, start, end, skip)
    for m in _OUTLET_RE.finditer(text, start, end):
        found.append((m.start(), (m.group(1) or m.group(2)).strip()))
    singles = [*_SINGLE_RE.finditer(text, start, end), *_AND_OF_RE.finditer(text, start, end)]
    for m in [*_OUTLET_BARE_RE.finditer(text, start, end), *singles]:
        name = _clean(m.group(1))
        shared = _SHARED_SURNAME.match(text, m.end(1), end) if m.re is _SINGLE_RE else None
        if shared is not None:  # "the cases of Leyla and Arif Yunus": Leyla Yunus
            name = f"{name} {shared.group(1)}"
        # An outlet's name may hold the words of outlets ("the online outlet Radio Thala").
        allowed = _MEDIA_WORDS if m.re is _OUTLET_BARE_RE else frozenset()
        if not any(w.rstrip(".") in _NON_NAME - allowed for w in name.split()) and not _overlaps(
            m.start(1), m.end(1), skip
        ):
            found.append((m.start(1), name))
    for m in _NUMBERED_CASE_RE.finditer(text, start, end):
        found.append((m.start(), " ".join(m.group().split())))
    for m in _NAMED_CASE_RE.finditer(text, start, end):
        words = m.group(1).split()
        if not any(w in _NON_NAME for w in words) and not _overlaps(m.start(1), m.end(1), skip):
            # "the Vicky Hernández case" is a person's; "the Kempir-Abad case" is named after a place
            person = len(words) >= 2 and "-" not in m.group(1)
            found.append((m.start(1), m.group(1) if person else f"{m.group(1)} case"))
    names: list[str] = []
    seen = set(heads)
    # one name found twice, once shorter ("Vremya" and "Vremya 24" of "the channel Vremya 24"): the longer
    found = [f for f in found if not any(g[0] == f[0] and g[1].startswith(f[1] + " ") for g in found)]
    for at, name in sorted(found):
        if _ALIAS_BEFORE.search(text, max(start, at - 20), at) or _CREDIT.match(text, at + len(name)):
            continue  # "X, known as Mother Mushroom": X's other name; "(Steppe Wire) -": a dateline's agency
        key = _fold(name)
        if key not in seen and not any(key in h or h in key for h in heads if h):
            seen.add(key)
            names.append(name)
    return names


def _cues(low: str, start: int, end: int) -> list[tuple[int, int]]:
    # A cue of two words may be cut by the break of a hard-wrapped line ("the release\nin October").
    flat = _flat(low) if low.find("\n", start, end) >= 0 else low
    return find_prefixes(low, _CUE_PREFIXES, start, end) + find_words(flat, _CUE_WORDS, start, end)


@lru_cache(maxsize=4)
def _flat(low: str) -> str:
    return low.replace("\n", " ")


def run(doc: Analysis) -> Analysis:
    if not doc.meetings:
        return doc
    owners = sentence_meetings(doc)
    text, low = doc.text, lowered(doc.text)
    skip = [(p.start, p.end) for p in doc.parties] + [(p.start, p.end) for p in doc.places]
    instruments = [(m.start, m.end) for m in find_mentions(text, 0, len(text))]
    about_cases = sentences_with(doc, _cues(low, 0, len(text)))
    with_list = sentences_with(doc, find_words(low, ("list", "lists"), 0, len(text)))
    names: list[list[str]] = [[] for _ in doc.meetings]
    handed = [False] * len(doc.meetings)
    heads = [{_fold(h.name) for h in m.heads} for m in doc.meetings]
    stated = {st.sentence for st in doc.statements}
    named_in: dict[int, list[str]] = {}  # sentence -> the case names found in it
    for si, sentence in enumerate(doc.sentences):
        if si not in about_cases and si not in with_list:
            continue
        if si not in stated and _goes_on_reporting(doc, si, stated):
            continue  # "... said the coordinator of a network. She cited the case of X": the third party's
        for mi in owners[si]:
            if si in with_list and is_list_handed_over(text, sentence.start, sentence.end):
                handed[mi] = True
            if si not in about_cases:
                continue
            for name in find_case_names(
                text,
                sentence.start,
                sentence.end,
                skip,
                heads[mi],
                instruments,
                cued=True,
                stated=si in stated,
            ):
                named_in.setdefault(si, []).append(name)
                if _fold(name) not in {_fold(n) for n in names[mi]}:
                    names[mi].append(name)
    names = [_without_short_forms(ns) for ns in names]
    statements = tuple(_naming_cases(text, st, named_in.get(st.sentence, ())) for st in doc.statements)
    raised = [False] * len(doc.meetings)
    for st in statements:
        if "individual-cases" in st.topics and 0 <= st.meeting < len(raised):
            raised[st.meeting] = True
    cases = tuple(
        CaseInfo(meeting=mi, raised=raised[mi], list_handed_over=handed[mi], names=tuple(names[mi]))
        for mi in range(len(doc.meetings))
    )
    if statements != doc.statements:
        return replace(doc, cases=cases, statements=statements)
    return replace(doc, cases=cases)


def _naming_cases(text: str, st: StatementInfo, names: Sequence[str]) -> StatementInfo:
    """A statement that names a case it raises is about individual cases ("It raised the proceedings
    against the photographer Shahidul Alam")."""
    if "individual-cases" in st.topics or not any(n in text[st.start : st.end] for n in names):
        return st
    return replace(st, topics=(*st.topics, "individual-cases"))


_PRONOUN_SUBJECT = re.compile(
    r"(?:She|He|They|Its|Their|The\s+(?:group|organi[sz]ation|NGO|watchdog)['’]s)\b"
)


def _goes_on_reporting(doc: Analysis, si: int, stated: Collection[int]) -> bool:
    """Sentence ``si`` opens with a personal pronoun after a sentence in which a third party reports."""
    if si == 0 or not _PRONOUN_SUBJECT.match(doc.sentences[si].text):
        return False
    prev = si - 1
    return prev not in stated and _is_third_party(doc.sentences[prev].text)


def _without_short_forms(names: list[str]) -> list[str]:
    """The names without those that only repeat part of a longer one ("Mr Sombath's" after
    "Sombath Somphone")."""
    words = [set(_fold(n).split()) for n in names]
    return [n for i, n in enumerate(names) if not any(words[i] < other for other in words)]
