"""Stage 2: dates: the dateline (publication date) and every date mention, resolved.

The dateline is the first full date (with a year) in the header lines, or at
the start of the first body paragraph ("COLOMBO, October 4, 2021 - "), or
labelled near the top ("Published: 14 June 2016"), or in the sign-off lines
after the text ("New Delhi / November 17, 2023"); with
none, the caller's ``published_hint`` is used. Numeric dates are read in
European order (DD/MM/YYYY). Body mentions cover single days ("26 November
2020", "June 11", "18.11.2014"), ranges ("26-27 November", "26 and 27
November", "From June 13 to 17", "30 November - 1 December"), a weekday
alone ("on Friday": the most recent such day on or before the dateline),
"today" / "yesterday", months ("March 2015") and years ("in 2021"). A
missing year is the one that puts the date nearest the reference date (the
dateline, else the hint, else the latest day written with a year).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .date_patterns import DAY as _D
from .date_patterns import LEX as _LEX
from .date_patterns import MONTH as _M
from .date_patterns import MONTH_NUM as _MONTH_NUM
from .date_patterns import NEEDS as _NEEDS
from .date_patterns import PATTERNS as _PATTERNS
from .date_patterns import RELATIVE as _RELATIVE
from .date_patterns import WEEKDAY_NUM as _WEEKDAY_NUM
from .spans import DisjointSpans
from .state import Analysis, DateMention

__all__ = ["find_dates", "run"]

_UPPER_ANCHORS = (
    list("0123456789")
    + [f[:3] for forms in _LEX["months"] for f in forms[:1]]
    + [forms[0] for forms in _LEX["weekdays"]]
)
_LOWER_ANCHORS = sorted(_RELATIVE, key=len, reverse=True)
_ANCHOR = re.compile("|".join(_UPPER_ANCHORS + _LOWER_ANCHORS))
# The anchors that start with a digit or a capital are scanned by one pattern (fast: it skips to
# digits and capitals), the relative phrases found with str.find. This finds what _ANCHOR finds
# when no phrase holds a digit or a capital, so that none overlaps the start of another anchor.
_UPPER_ANCHOR = re.compile("|".join(_UPPER_ANCHORS))
_SPLIT_ANCHORS = all(a[:1].isdigit() or a[:1].isupper() for a in _UPPER_ANCHORS) and all(
    p and all(c.islower() or c == " " for c in p) for p in _LOWER_ANCHORS
)
# A weekday right before a date belongs to that date ("Thursday (24 September)").
_WD_BEFORE_DATE = re.compile(rf",?\s*\(?\s*(?:the\s+)?(?:{_D}|{_M})")
_NOT_DIGIT = re.compile(r"\D")
# A label before a publication date: "Published: 14 June 2016".
_DATE_LABEL = re.compile(
    r"(?im)^[ \t]*(?:published|publication date|date|dated|posted|issued)(?: on)?\s*:?[ \t]*\Z"
)
_LABEL_WINDOW = 2500
# "COLOMBO, October 4, 2021 - ", "Tegucigalpa, M.D.C., 14 June 2023.", and an agency's or ministry's
# tag: "(MOFA) - On 26 August 2024, ...".
_DATELINE_START = re.compile(
    r"(?:[A-Z][A-Za-z .'-]{1,40},\s*){1,2}|\([A-Z][A-Za-z]{1,12}\)\s*[-–—]\s*(?:On\s+)?"
)


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]


def _num(s: str | None) -> int:
    assert s is not None
    return int(s) if s.isdecimal() else int(_NOT_DIGIT.sub("", s))


def _month(s: str | None) -> int:
    assert s is not None
    return _MONTH_NUM[s.rstrip(".")]


def _anchor_starts(text: str, start: int, end: int) -> list[int]:
    """The starts of the matches of ``_ANCHOR.finditer(text, start, end)``."""
    if not _SPLIT_ANCHORS:
        return [m.start() for m in _ANCHOR.finditer(text, start, end)]
    found = [(m.start(), 0, m.end()) for m in _UPPER_ANCHOR.finditer(text, start, end)]
    for order, phrase in enumerate(_LOWER_ANCHORS, 1):
        i = text.find(phrase, start, end)
        while i >= 0:
            found.append((i, order, i + len(phrase)))
            i = text.find(phrase, i + 1, end)
    if len(found) > 1:
        found.sort()
    out: list[int] = []
    last = start
    for a, _, b in found:
        if a >= last:  # as finditer: no match inside the one before
            out.append(a)
            last = b
    return out


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of text that may hold a date: from each digit or date word to the next space 60
    characters on (a cheap literal pre-scan that spares the full patterns most of the text)."""
    out: list[tuple[int, int]] = []
    for a in _anchor_starts(text, start, end):
        space = text.find(" ", min(a + 60, end))
        b = end if space < 0 else min(space, end)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _scan(text: str, start: int, end: int) -> list[_Raw]:
    """Date expressions, left to right; where two overlap, the earlier pattern of ``_PATTERNS`` wins."""
    taken = DisjointSpans()
    found: list[_Raw] = []
    for wa, wb in _windows(text, start, end):
        held: dict[re.Pattern[str], bool] = {}
        for kind, pat in _PATTERNS:
            possible = True
            for need in _NEEDS[kind]:
                has = held.get(need)
                if has is None:
                    has = held[need] = need.search(text, wa, wb) is not None
                if not has:
                    possible = False
                    break
            if not possible:
                continue
            for m in pat.finditer(text, wa, wb):
                a, b = m.span()
                if taken.overlaps(a, b):
                    continue
                if kind == "wd" and _WD_BEFORE_DATE.match(text, b, min(end, b + 40)):
                    continue
                if kind == "md" and m.group("y") is None and text[b : b + 1].isdigit():
                    continue
                taken.add(a, b)
                found.append(_Raw(a, b, kind, m.groupdict()))
    found.sort(key=lambda r: r.start)
    return found


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _nearest_year(m: int, d: int, ref: dt.date | None) -> int | None:
    """The year that puts month ``m`` day ``d`` nearest ``ref``."""
    if ref is None:
        return None
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        day = _safe(y, m, min(d, calendar.monthrange(y, m)[1]))
        if day is None:
            continue
        gap = abs((day - ref).days)
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else None


def _resolve(raw: _Raw, ref: dt.date | None) -> DateMention | None:
    g = raw.groups
    k = raw.kind
    given = g.get("y") is not None
    first: dt.date | None
    last: dt.date | None
    if k in ("iso", "num"):
        y = _num(g["y"])
        y = y + 2000 if y < 100 else y
        first = last = _safe(y, _num(g["m"]), _num(g["d"]))
    elif k == "numr":
        y, m = _num(g["y"]), _num(g["m"])
        y1, m1 = (_num(g["y1"]), _num(g["m1"])) if g.get("m1") else (y, m)
        first, last = _safe(y1, m1, _num(g["d1"])), _safe(y, m, _num(g["d2"]))
    elif k in ("dm", "md"):
        m, d = _month(g["m"]), _num(g["d"])
        y2 = _num(g["y"]) if given else _nearest_year(m, d, ref)
        first = last = _safe(y2, m, d) if y2 else None
    elif k in ("dmr", "mdr"):
        m, d1, d2 = _month(g["m"]), _num(g["d1"]), _num(g["d2"])
        y2 = _num(g["y"]) if given else _nearest_year(m, d1, ref)
        first, last = (_safe(y2, m, d1), _safe(y2, m, d2)) if y2 else (None, None)
    elif k in ("dm2", "md2"):
        m1, m2, d1, d2 = _month(g["m1"]), _month(g["m2"]), _num(g["d1"]), _num(g["d2"])
        y_end = _num(g["y"]) if given else _nearest_year(m2, d2, ref)
        if y_end is None:
            return None
        y_start = _num(g["y1"]) if g.get("y1") else (y_end - 1 if m1 > m2 else y_end)
        first, last = _safe(y_start, m1, d1), _safe(y_end, m2, d2)
    elif k == "my":
        y, m = _num(g["y"]), _month(g["m"])
        first, last = dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    elif k == "y":
        y = _num(g["y"])
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
    elif k == "wd":
        if ref is None:
            return None
        assert g["wd"] is not None
        back = (ref.weekday() - _WEEKDAY_NUM[g["wd"]]) % 7
        first = last = ref - dt.timedelta(days=back)
        if g.get("wd2"):
            last = ref - dt.timedelta(days=(ref.weekday() - _WEEKDAY_NUM[g["wd2"]]) % 7)
            first = min(first, last - dt.timedelta(days=(_WEEKDAY_NUM[g["wd2"]] - _WEEKDAY_NUM[g["wd"]]) % 7))
        given = False
    else:  # rel
        if ref is None:
            return None
        assert g["rel"] is not None
        first = last = ref + dt.timedelta(days=_RELATIVE[g["rel"]])
        given = False
    if first is None or last is None or last < first:
        return None
    return DateMention(raw.start, raw.end, first, last, given)


def _full_day(raw: _Raw) -> dt.date | None:
    """A dateline candidate: a single day with a year."""
    if raw.kind not in ("iso", "num", "dm", "md") or raw.groups.get("y") is None:
        return None
    mention = _resolve(raw, None)
    return mention.first if mention else None


def _dateline(doc: Analysis, raws: list[_Raw]) -> dt.date | None:
    """The first full day in the header lines, else at the start of the first body sentence, else
    in the sign-off lines."""
    header_end = 0
    for s in doc.sentences:
        if not s.header:
            break
        header_end = s.end
    for raw in raws:
        if raw.start >= header_end:
            break
        day = _full_day(raw)
        if day:
            return day
    body = next((s for s in doc.sentences if not s.header), None)
    if body is not None:
        m = _DATELINE_START.match(doc.text, body.start)
        at = m.end() if m else body.start
        for raw in raws:
            if raw.start == at:
                return _full_day(raw)
    # A labelled date near the top: "Published: 14 June 2016".
    for raw in raws:
        if raw.start > _LABEL_WINDOW:
            break
        if _DATE_LABEL.search(doc.text, max(0, raw.start - 30), raw.start) and (day := _full_day(raw)):
            return day
    # A closing dateline: "New Delhi / November 17, 2023" in the sign-off lines after the text.
    signoff = len(doc.sentences)
    while signoff > 0 and doc.sentences[signoff - 1].header:
        signoff -= 1
    if body is None or signoff == len(doc.sentences):
        return None
    tail = doc.sentences[signoff].start
    return next((day for raw in raws if raw.start >= tail and (day := _full_day(raw))), None)


def find_dates(
    text: str, ref: dt.date | None, start: int = 0, end: int | None = None
) -> Iterator[DateMention]:
    """Every date mention in ``text[start:end]``, a missing year resolved against ``ref``."""
    for raw in _scan(text, start, len(text) if end is None else end):
        mention = _resolve(raw, ref)
        if mention is not None:
            yield mention


def run(doc: Analysis) -> Analysis:
    raws = _scan(doc.text, 0, len(doc.text))
    published = _dateline(doc, raws) or doc.published_hint
    days = [day for raw in raws if (day := _full_day(raw)) is not None]
    ref = published or (max(days) if days else None)
    mentions = [m for m in (_resolve(raw, ref) for raw in raws) if m is not None]
    return replace(doc, published=published, dates=tuple(_with_next_days(doc.text, mentions)))


_NEXT_DAY = re.compile(
    r"\bthe\s+(?:following|next|previous)\s+day\b|\bthe\s+day\s+(?:after|before)\b(?!\s+\w)"
)


def _with_next_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with "the following day" (or "the day before") as the day after (before) the
    single day written last before it, within 2,000 characters (a section may lie between)."""
    if "day" not in text:
        return mentions
    extra: list[DateMention] = []
    for m in _NEXT_DAY.finditer(text):
        before = [
            d for d in mentions if d.end <= m.start() and m.start() - d.end <= 2000 and d.first == d.last
        ]
        if not before:
            continue
        step = -1 if ("previous" in m.group() or m.group().endswith("before")) else 1
        day = before[-1].first + dt.timedelta(days=step)
        extra.append(DateMention(m.start(), m.end(), day, day))
    return sorted([*mentions, *extra], key=lambda d: d.start) if extra else mentions
