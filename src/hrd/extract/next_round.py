"""Stage 11: next_round: where and when the next round of a meeting series is held.

A sentence that schedules a later round ("The next Human Rights Dialogue
will be held in Nur-Sultan in 2021", "The two sides expect to hold the next
round in Uzbekistan in 2015", "agreed to hold the 13th Dialogue in Brussels")
gives the meetings it names (or, naming none, "the next round", every
meeting) a :class:`NextInfo`: the city or country after "in", the year and,
for a day, the date. "next year" counts from the dateline, and so does a season ("in the autumn":
this year unless the season starts before the dateline's month). The next session
of a body that is not among the document's meetings is an event of another
series, not ``next``. A series that "will be held again" or agrees "to meet again" names
its next round too (the meetings named there, else every meeting).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .gates import Gate
from .lexicon import load_lexicon
from .meeting_mentions import Mention, find_mentions, ordinal_near
from .starts import Starts
from .state import Analysis, MeetingInfo, NextInfo
from .venue import fact_label

__all__ = ["run"]

_LEX = load_lexicon("next_round")
_NEXT = Gate(re.compile(_LEX["next"], re.IGNORECASE))
_FUTURE = Gate(re.compile(_LEX["future"], re.IGNORECASE))
_FUTURE_STARTS = Starts(_FUTURE.pattern)  # over a whole text: tried only where its first words are
_GENERIC = re.compile(_LEX["generic"], re.IGNORECASE)
_THIS_YEAR = Gate(re.compile(_LEX["this_year"], re.IGNORECASE))
_NEXT_YEAR = Gate(re.compile(_LEX["next_year"], re.IGNORECASE))
_SEASON = Gate(re.compile(_LEX["season"], re.IGNORECASE))
_SEASON_MONTH: dict[str, int] = _LEX["season_month"]
_IN = re.compile(r"\b(?:in|to|at)\s+(?:the\s+)?(?:city\s+of\s+)?$")
_VOTE_ROUND = re.compile(
    r"\bround\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:elections?|vote|voting|polls|ballot|run-?off)\b",
    re.IGNORECASE,
)
_LABEL = fact_label(
    r"Next\s+(?:(?:dialogue|round|meeting|session|sub-?committee)\s*)?(?:\(?[a-z ]{0,20}\)?\s*)?",
    re.IGNORECASE,
)
_AGAIN = Gate(re.compile(_LEX["again"], re.IGNORECASE))


def run(doc: Analysis) -> Analysis:
    if not doc.meetings:
        return doc
    mentions: dict[int, list[Mention]] = {}
    for m in find_mentions(doc.text, doc.sentences):
        mentions.setdefault(m.sentence, []).append(m)
    starts: list[int] | None = None  # where the text's future phrases start: found when first needed
    found: dict[int, NextInfo] = {}
    for idx, s in enumerate(doc.sentences):
        here = mentions.get(idx, [])
        label = _LABEL.match(doc.text, s.start, s.end)
        if label is not None:  # "Next dialogue: Tbilisi, 2018" (a box of key facts)
            info = _info(doc, label.end(), s.end, labelled=True)
            for i in _targets(doc.meetings, here, s.text, 0) or range(len(doc.meetings)):
                if info is not None:
                    found.setdefault(i, info)
            continue
        if s.header:
            continue
        # Searched in the text (its lowered form is at hand) over the sentence's span: a sentence
        # starts after no word character, so "\b" there holds as at the start of ``s.text``.
        if starts is None:
            positions = _FUTURE_STARTS.positions(doc.text)
            starts = [m.start() for m in _FUTURE_STARTS.finditer(doc.text, 0, len(doc.text), positions)]
        if not any(s.start <= x < s.end for x in starts):
            continue  # every next round is scheduled by a future phrase
        nxt = _NEXT.search(doc.text, s.start, s.end)
        again = None if nxt else _AGAIN.search(doc.text, s.start, s.end)
        later = _later_round(doc.meetings, s.text) if not (nxt or again) else []
        if not (nxt or again or later or _later_ordinal(doc.meetings, here)):
            continue
        if not _FUTURE.search(doc.text, s.start, s.end):
            continue
        targets = _targets(doc.meetings, here, s.text, nxt.end() - s.start if nxt else 0)
        if again is not None and not targets:
            targets = list(range(len(doc.meetings)))
        if later and not targets:
            targets = later
        if not targets:
            continue
        info = _info(doc, s.start, s.end)
        if info is None:
            continue
        for i in targets:
            found.setdefault(i, info)
    if not found:
        return doc
    meetings = tuple(replace(m, next=found[i]) if i in found else m for i, m in enumerate(doc.meetings))
    return replace(doc, meetings=meetings)


def _later_round(meetings: tuple[MeetingInfo, ...], sentence: str) -> list[int]:
    """The meetings that "the seventh round" (a later rank than theirs) follows; "the second round
    of the presidential election" is a vote's."""
    if _VOTE_ROUND.search(sentence):
        return []
    n = ordinal_near(sentence)
    if n is None:
        return []
    return [i for i, mt in enumerate(meetings) if mt.ordinal is not None and n > mt.ordinal]


def _later_ordinal(meetings: tuple[MeetingInfo, ...], here: list[Mention]) -> bool:
    for m in here:
        for mt in meetings:
            if (
                m.kind == mt.kind
                and m.ordinal is not None
                and mt.ordinal is not None
                and m.ordinal > mt.ordinal
            ):
                return True
    return False


def _targets(meetings: tuple[MeetingInfo, ...], here: list[Mention], text: str, after_next: int) -> list[int]:
    kinds = {m.kind for m in here if not m.dependent}
    if kinds:
        return [i for i, mt in enumerate(meetings) if mt.kind in kinds]
    if _GENERIC.match(text, after_next):
        return list(range(len(meetings)))
    return []


def _info(doc: Analysis, a: int, b: int, labelled: bool = False) -> NextInfo | None:
    """Where and when: a place after "in" / "to" / "at" (any place after a label), the first date
    not before the dateline."""
    text = doc.text
    city: str | None = None
    country: str | None = None
    for p in doc.places:
        if a <= p.start < b and (labelled or _IN.search(text, max(a, p.start - 20), p.start)):
            city, country = p.city, p.country
            break
    if city is None:
        for party in doc.parties:
            if (
                a <= party.start < b
                and party.form == "name"
                and (labelled or _IN.search(text, max(a, party.start - 20), party.start))
            ):
                country = party.code
                break
    year: int | None = None
    date: dt.date | None = None
    for d in doc.dates:
        if a <= d.start < b and (doc.published is None or d.last >= doc.published):
            year = d.first.year
            date = d.first if d.first == d.last else None
            break
    ref = doc.published
    if year is None and ref is not None:
        if _NEXT_YEAR.search(text, a, b):
            year = ref.year + 1
        elif _THIS_YEAR.search(text, a, b):
            year = ref.year
        elif season := _SEASON.search(text, a, b):
            year = ref.year + (_SEASON_MONTH[season.group("season").lower()] < ref.month)
    if city is None and country is None and year is None:
        return None
    return NextInfo(city=city, country=country, year=year, date=date)
