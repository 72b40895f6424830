"""The days of a meeting: which date of the text is the meeting's (a part of the meetings stage).

:func:`meeting_dates` picks among the dates of the sentences that name the
meeting: a recent, explicit day in a sentence that names only this meeting
wins over one shared with another meeting; a range of k days in a sentence
naming k meetings gives each its own day; the dateline's date and the day of
a report ("officials said on Monday") are not the meeting's.
:func:`section_dates` falls back on a day in a sentence of the meeting's
section that reports a meeting. :func:`only_past` tells a previous round
mentioned in passing: every date given for it lies long before the dateline.
"""

from __future__ import annotations

import datetime as dt
import re

from .meeting_mentions import Mention, reports_held
from .state import Analysis, DateMention

__all__ = ["is_dateline", "meeting_dates", "only_past", "plausible", "section_dates"]

_SIDE_EVENT_DAY = re.compile(r"\b(?:was|were|is|are)\s+(?:preceded|followed)\s+(?:on\s+)?\Z", re.IGNORECASE)
_STALLED = re.compile(r"\b(?:waiting|awaiting|yet\s+to|no\s+date|stalled|delayed)\b", re.IGNORECASE)
_MAX_DAYS_BEFORE = 120
_PAST_DAYS = 45
"""A meeting dated only this long before the dateline is one mentioned in passing (readouts come out
within days of the meeting)."""
_MAX_DAYS_LATE = 730
"""A report published this long after a meeting can still date it, if no recent day is given."""
# "Brussels, 27.11.2020": a city before a comma, not "On Wednesday, 17 November".
_DATELINE = re.compile(
    r"(?:(?!On\s)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][A-Za-z .'-]{1,40},\s*)?"
)
# "ahead of the Summits, scheduled for 26-28 October": the days of another event.
_ANOTHER_EVENT = re.compile(r"\bahead\s+of\s+[^.;]{0,50}?(?:scheduled|planned|due|set)\s+(?:for|on)\s+\Z")
# "officials said on Monday": the day of a report, not of the meeting.
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|announced|reported|stated|added|confirmed)\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)


def meeting_dates(
    doc: Analysis, own: list[Mention], mentions: list[Mention], kind: str
) -> tuple[dt.date | None, dt.date | None]:
    """The meeting's first and last day (see the module doc)."""
    best: tuple[tuple[int, ...], dt.date, dt.date] | None = None
    seen: set[int] = set()
    for m in own:
        if m.sentence in seen:
            continue
        seen.add(m.sentence)
        s = doc.sentences[m.sentence]
        in_sentence = [x for x in mentions if x.sentence == m.sentence and not x.negated and not x.dependent]
        order = list(dict.fromkeys(x.kind for x in in_sentence))
        shared = len(order) > 1
        for d in doc.dates:
            if not (s.start <= d.start < s.end) or not plausible(doc.published, d, _MAX_DAYS_LATE):
                continue
            if _not_the_meetings(doc.text, s.start, d.start):
                continue
            side_event = _SIDE_EVENT_DAY.search(doc.text, max(s.start, d.start - 40), d.start) is not None
            if side_event and not any(x.kind == kind and x.start > d.start for x in in_sentence):
                continue  # "The Dialogue was preceded on 5 November by a meeting with civil society"
            first, last = d.first, d.last
            span_days = (last - first).days + 1
            if shared and span_days == len(order):
                first = last = first + dt.timedelta(days=order.index(kind))
                exact = 1
            else:
                exact = 0
            explicit = int(not _is_relative(doc.text[d.start : d.end]))
            distance = min(abs(d.start - x.start) for x in in_sentence if x.kind == kind)
            recent = int(plausible(doc.published, d))
            # "X opened on 3 March, and Y followed on 4 March": a day goes with the meeting named
            # last before it.
            before = [x for x in in_sentence if x.end <= d.start]
            owned = int(not before or max(before, key=lambda x: x.end).kind == kind)
            if side_event:  # "X was preceded on 14 November by Y": the day is Y's
                after = min((x for x in in_sentence if x.start > d.start), key=lambda x: x.start)
                owned = int(after.kind == kind)
            # A day that goes with another meeting of the sentence loses even to "today" in one of its own.
            mine = int(not shared or bool(owned) or bool(exact))
            body = int(not s.header)  # a day in the body over the split of a title's range
            held = int(m.held and m.strong)
            key = (recent, mine, explicit, held, int(not shared), owned, body, exact, -distance)
            if best is None or key > best[0]:
                best = (key, first, last)
    return (best[1], best[2]) if best else (None, None)


def section_dates(
    doc: Analysis, section: set[int], mentions: list[Mention], kind: str
) -> tuple[dt.date | None, dt.date | None]:
    """A day in a sentence of the section that reports a meeting and names no other meeting."""
    for idx in sorted(section):
        s = doc.sentences[idx]
        if any(m.sentence == idx and m.kind != kind for m in mentions) or not reports_held(s.text):
            continue
        for d in doc.dates:
            inside = s.start <= d.start < s.end and plausible(doc.published, d)
            if inside and not _not_the_meetings(doc.text, s.start, d.start):
                return d.first, d.last
    return None, None


def only_past(doc: Analysis, own: list[Mention]) -> bool:
    """Every date in the sentences that report the meeting lies long before the dateline, and the title
    does not name it: a previous round mentioned in passing."""
    if doc.published is None or any(
        m.header and not m.negated and not m.dependent and not _STALLED.search(doc.sentences[m.sentence].text)
        for m in own
    ):  # a title names the meeting (a late report); not "EU still waiting for date of dialogue", nor
        # "... ahead of the Dialogue"
        return False
    limit = doc.published - dt.timedelta(days=_PAST_DAYS)
    found = False
    for idx in {m.sentence for m in own if m.held and m.strong and not m.negated and not m.dependent}:
        s = doc.sentences[idx]
        for d in doc.dates:
            if s.start <= d.start < s.end and not _DATELINE.fullmatch(doc.text, s.start, d.start):
                if d.last >= limit:
                    return False
                found = True
    return found


def _not_the_meetings(text: str, sentence_start: int, date_start: int) -> bool:
    """A date that opens the sentence as its dateline, that gives the day of a report ("officials said
    on Monday") or of an event the meeting was held ahead of ("ahead of the Summits, scheduled for
    26-28 October"), is not the meeting's."""
    return bool(
        _DATELINE.fullmatch(text, sentence_start, date_start)
        or _REPORTED_ON.search(text, max(0, date_start - 40), date_start)
        or _ANOTHER_EVENT.search(text, max(0, date_start - 60), date_start)
    )


def _is_relative(text: str) -> bool:
    """A day named without digits ("today", "on Monday"); "the following day" counts from a day
    written out, so it is as explicit as that day."""
    return not any(ch.isdigit() for ch in text) and not text.endswith(
        ("following day", "next day", "day after")
    )


def plausible(published: dt.date | None, d: DateMention, days_before: int = _MAX_DAYS_BEFORE) -> bool:
    """A day or a few days, not after the dateline and at most ``days_before`` before it."""
    if (d.last - d.first).days > 6:
        return False
    if published is None:
        return True
    return published - dt.timedelta(days=days_before) <= d.first <= published + dt.timedelta(days=1)


def is_dateline(text: str, sentence_start: int, date_start: int) -> bool:
    """The date opens its sentence as a dateline does ("Brussels, 27.11.2020")."""
    return _DATELINE.fullmatch(text, sentence_start, date_start) is not None
