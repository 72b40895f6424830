"""Stage 10: events: upcoming events the readout names with a date.

An event is a noun of ``lexicons/events.json`` (elections, referendum,
summit, conference, ...) with the modifiers and capitalised words written
before it ("parliamentary and local elections", "COP27 climate conference",
"EU-Central Asia summit") and a date of the dates stage right after it
("scheduled to take place on 10 January 2021", "of 19 March", "which will
take place in Geneva from 6 to 18 November") or right before it ("the 10
January elections"), and what it is about ("the referendum on EU accession"), the body whose
session it is ("the 74th Ordinary Session of the African Commission ...") and its acronym ("(COP28)").
The date may follow a relative clause with a subject ("which it will host in Dubai from ...").
It is upcoming when its date falls after the dateline.
A day gives the date, a range of days its first day; a month or a year
alone gives a null date; "next year" alone makes no event. An event joined by
"and" to the next one takes its date ("the election and the referendum, both
scheduled for 20 October"). Each event belongs to the meeting whose section
holds its sentence.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import replace

from .gazetteer import longest_first
from .lexicon import load_lexicon
from .state import Analysis, DateMention, EventInfo
from .triggers import lowered

__all__ = ["run"]

_LEX = load_lexicon("events")
# A noun as written in the lexicon, or capitalised in a name ("the G20 Leaders' Summit").
_NOUNS: tuple[str, ...] = tuple(sorted({form for n in _LEX["nouns"] for form in (n, n[0].upper() + n[1:])}))
_NOUN = longest_first(_NOUNS)
_NOUN_FORMS = frozenset(_NOUNS)
_LOWER_NOUNS = tuple(sorted({n.lower() for n in _NOUNS}))


def _either_case(word: str) -> set[str]:
    """A modifier with its first letter in either case ("Presidential elections")."""
    first = word[0]
    return {first.lower() + word[1:], first.upper() + word[1:]} if first.isalpha() else {word}


_NOT_MOD = longest_first(_LEX["not_modifiers"])
_MOD = (
    "(?:"
    + longest_first({form for m in _LEX["modifiers"] for form in _either_case(m)})
    # A capitalised word or an ordinal: "COP27", "EU-Central Asia", "20th".
    + rf"|(?!(?:{_NOT_MOD})(?![\w-]))[A-Z][\w]*(?:[-–][A-Z0-9][\w]*)*|\d{{1,3}}(?:st|nd|rd|th)"
    + ")"
)
_TAIL_WORD = rf"(?!(?:{_NOT_MOD}|{_LEX['tail_stop']})(?![\w-]))[A-Za-z][\w-]*"
_EVENT = re.compile(
    rf"(?<![\w-])(?P<what>(?:{_MOD}\s+(?:(?:and|or)\s+{_MOD}\s+)?){{0,3}}{_NOUN})(?![\w-])"
    # What it is about: "the referendum on EU accession", "a conference on media freedom".
    rf"(?P<about>\s+on\s+(?:the\s+)?{_TAIL_WORD}(?:\s+{_TAIL_WORD}){{0,3}}(?![\w-]))?"
    # A capitalised noun goes on with its body ("Ordinary Session of the African Commission on Human and
    # Peoples' Rights") and keeps its acronym ("Climate Change Conference (COP28)").
    r"(?P<of>\s+(?:of|by|to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:on|and|of|for|the|against)\s+)*[A-Z][\w'’-]*)*)?"
    r"(?P<acronym>\s*\([A-Z][A-Za-z]*\d*\))?"
)
_LINK = re.compile(_LEX["link"].removesuffix("$").replace("PLACE", _LEX["place"]))
_BEFORE = re.compile(r"\s*(?:'s|’s)?\s*$")
_AND = re.compile(r"\s+and\s+(?:the\s+)?")


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
        found_events = list(_EVENT.finditer(doc.text, s.start, s.end))
        for k, m in enumerate(found_events):
            dated = _date_of(doc.text, m.start(), m.end(), dates)
            if dated is None and m.group("about"):
                dated = _date_of(doc.text, m.start(), m.end("what"), dates)  # "the summit on 3 May"
            if (
                dated is None
                and k + 1 < len(found_events)
                and _AND.fullmatch(doc.text, m.end(), found_events[k + 1].start())
            ):
                # "the presidential election and the referendum, both scheduled for 20 October"
                later = _date_of(doc.text, found_events[k + 1].start(), found_events[k + 1].end(), dates)
                dated = (later[0], m.start()) if later is not None else None
            if dated is None or not _upcoming(dated[0], doc.published):
                continue
            found, start = dated
            day = _day(found)
            what = " ".join(doc.text[start : m.end()].split())
            if all((e.what, e.date) != (what, day) for e in events):
                events.append(EventInfo(meeting, what, day, start, found.end))
    if not events and not doc.events:
        return doc  # (a copy would be equal: spared)
    return replace(doc, events=tuple(events))


def _noun_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the lexicon's nouns in ``text`` (as written, anywhere), in order."""
    out: list[tuple[int, int]] = []
    low = lowered(text)
    for noun in _LOWER_NOUNS:  # found once in lower case, then kept in the forms written
        i = low.find(noun)
        while i >= 0:
            if text[i : i + len(noun)] in _NOUN_FORMS:
                out.append((i, i + len(noun)))
            i = low.find(noun, i + 1)
    out.sort()
    return out


def _date_of(text: str, start: int, end: int, dates: list[DateMention]) -> tuple[DateMention, int] | None:
    """The date of the event at ``text[start:end]``, and where the event's name starts: after a
    date written before it and taken for one of its words ("the 20 December referendum")."""
    for d in dates:
        if d.start >= end and d.start - end <= 90 and _LINK.fullmatch(text, end, d.start):
            return d, start
        if d.end <= start and start - d.end <= 3 and _BEFORE.fullmatch(text, d.end, start):
            return d, start
        if d.start <= start < d.end < end:
            return d, d.end
    return None


def _day(d: DateMention) -> dt.date | None:
    """The event's date: a day, or the first of a range of days; a month or a year alone gives none."""
    if d.first == d.last:
        return d.first
    whole_months = d.first.day == 1 and d.last.day == calendar.monthrange(d.last.year, d.last.month)[1]
    return None if whole_months else d.first


def _upcoming(d: DateMention, published: dt.date | None) -> bool:
    """A date after the dateline; a range of days still going on at the dateline counts ("Summits,
    scheduled for 26-28 October", published on the 27th)."""
    return published is None or d.first > published or (d.first < d.last and d.last > published)
