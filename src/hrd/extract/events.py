"""Stage 10: events: upcoming events the readout names with a date.

An event is a noun of ``lexicons/events.json`` (elections, referendum,
summit, ...) with the modifiers written before it ("parliamentary and local
elections") and a date right after it ("scheduled to take place on 10
January 2021", "of 19 March", "on 1 November") or right before it ("the 10
January elections"). It is upcoming when its date falls after the dateline.
A day gives the date; a month or a year alone gives a null date; "next year"
alone makes no event. Each event belongs to the meeting whose section holds
its sentence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from .lexicon import load_lexicon
from .state import Analysis, DateMention, EventInfo

__all__ = ["run"]

_LEX = load_lexicon("events")
_NOUNS: tuple[str, ...] = tuple(_LEX["nouns"])
_NOUN = "(?:" + "|".join(re.escape(n) for n in sorted(_NOUNS, key=len, reverse=True)) + ")"
_MOD = "(?:" + "|".join(sorted(_LEX["modifiers"], key=len, reverse=True)) + ")"
_EVENT = re.compile(rf"(?<![\w-])(?P<what>(?:{_MOD}\s+(?:(?:and|or)\s+{_MOD}\s+)?){{0,3}}{_NOUN})(?![\w-])")
_LINK = re.compile(_LEX["link"].removesuffix("$"))
_BEFORE = re.compile(r"\s*(?:'s|’s)?\s*$")


def run(doc: Analysis) -> Analysis:
    if not doc.meetings:
        return replace(doc, events=())
    events: list[EventInfo] = []
    nouns = _noun_spans(doc.text)
    starts = [a for a, _ in nouns]
    for idx, s in enumerate(doc.sentences):
        if s.header:
            continue
        # Every event ends with one of the nouns: a sentence without one has none.
        first = bisect.bisect_left(starts, s.start)
        if not any(b <= s.end for a, b in nouns[first:] if a < s.end):
            continue
        meeting = next((i for i, m in enumerate(doc.meetings) if idx in m.sentences), 0)
        dates = [d for d in doc.dates if s.start <= d.start < s.end]
        for m in _EVENT.finditer(doc.text, s.start, s.end):
            found = _date_of(doc.text, m.start(), m.end(), dates)
            if found is None or not _upcoming(found, doc.published):
                continue
            day = found.first if found.first == found.last else None
            what = m.group("what")
            if all((e.what, e.date) != (what, day) for e in events):
                events.append(EventInfo(meeting, what, day, m.start(), found.end))
    if not events and not doc.events:
        return doc  # (a copy would be equal: spared)
    return replace(doc, events=tuple(events))


def _noun_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the lexicon's nouns in ``text`` (as written, anywhere), in order."""
    out: list[tuple[int, int]] = []
    for noun in _NOUNS:
        i = text.find(noun)
        while i >= 0:
            out.append((i, i + len(noun)))
            i = text.find(noun, i + 1)
    out.sort()
    return out


def _date_of(text: str, start: int, end: int, dates: list[DateMention]) -> DateMention | None:
    for d in dates:
        if d.start >= end and d.start - end <= 70 and _LINK.fullmatch(text, end, d.start):
            return d
        if d.end <= start and start - d.end <= 3 and _BEFORE.fullmatch(text, d.end, start):
            return d
    return None


def _upcoming(d: DateMention, published: dt.date | None) -> bool:
    return published is None or d.first > published
