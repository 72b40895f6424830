"""The patterns of date mentions that the dates stage scans for, tried in order, with what a
window of text must hold for each to match there (a fast pre-check)."""

from __future__ import annotations

import re

from .lexicon import load_lexicon

__all__ = ["DAY", "LEX", "MONTH", "MONTH_NUM", "NEEDS", "PATTERNS", "RELATIVE", "WEEKDAY_NUM"]

_LEX = load_lexicon("dates")
_MONTH_NUM = {form: i + 1 for i, forms in enumerate(_LEX["months"]) for form in forms}
_WEEKDAY_NUM = {forms[0]: i for i, forms in enumerate(_LEX["weekdays"])}
_RELATIVE: dict[str, int] = _LEX["relative"]

_M = "(?:" + "|".join(sorted(_MONTH_NUM, key=len, reverse=True)) + r")\.?"
_WD = "(?:" + "|".join(f for forms in _LEX["weekdays"] for f in sorted(forms, key=len, reverse=True)) + ")"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d{2}"
_TO = r"\s*(?:-|–|—|to|until|till|through|and)\s*"

# A pattern that opens on "\b" or a look-behind makes ``re`` try it at every position of a
# window. Written after the first character of the match instead (the same test: "no word
# character before it"), the pattern starts with a character or a set of them, and ``re``
# skips to where one stands. The forms below match exactly what "\b" + the form matches.
_B = r"(?<!\w[\s\S])"
"""After a match's first character: no word character before that one."""


def _words_at_start(words: list[str]) -> str:
    """``\b(?:w1|w2|...)``, in this order, with the boundary after each word's first character."""
    return "(?:" + "|".join(re.escape(w[0]) + _B + re.escape(w[1:]) for w in words) + ")"


_M_START = _words_at_start(sorted(_MONTH_NUM, key=len, reverse=True)) + r"\.?"  # \b{_M}
# \b{_D}: the first digit, then the alternatives of _D by what that digit was (same order).
_D_START = rf"[0-9]{_B}(?:(?<=[12])\d|(?<=3)[01]|(?<=0)[1-9]|(?<=[1-9]))(?:st|nd|rd|th)?"
_Y_START = rf"(?:1{_B}9|2{_B}0)\d{{2}}"  # \b{_Y}

# (name, pattern): tried in order; earlier matches win, later ones may not overlap them.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"(?P<y>{_Y_START})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b")),
    (  # "29.10.2018-30.10.2018": a range of two numeric dates
        "numr",
        re.compile(
            rf"(?P<d1>\d{_B}(?:(?<=[0-3])\d)?)(?P<sep>[./])(?P<m1>[01]?\d)(?P=sep)(?P<y1>(?:19|20)\d{{2}})"
            r"\s?[-–]\s?(?P<d2>[0-3]?\d)(?P=sep)(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d{2})\b"
        ),
    ),
    (  # "14-15.03.2022": a range of days in numeric form
        "numr",
        re.compile(
            rf"(?P<d1>\d{_B}(?:(?<=[0-3])\d)?)\s?[-–/]\s?(?P<d2>[0-3]?\d)(?P<sep>[./])(?P<m>[01]?\d)(?P=sep)"
            r"(?P<y>(?:19|20)\d{2})\b"
        ),
    ),
    (  # \b[0-3]?\d/..
        "num",
        re.compile(
            rf"(?P<d>\d{_B}(?:(?<=[0-3])\d)?)(?P<sep>[./])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d{{2}}|\d{{2}})\b"
        ),
    ),
    (  # \b(?:0?[1-9]|[12]\d|3[01])-..
        "num",
        re.compile(
            rf"(?P<d>[0-9]{_B}(?:(?<=0)[1-9]|(?<=[1-9])|(?<=[12])\d|(?<=3)[01]))-(?P<m>0?[1-9]|1[0-2])-(?P<y>{_Y})\b"
        ),
    ),
    (
        "dm2",
        re.compile(
            rf"(?P<d1>{_D_START})\s+(?:of\s+)?(?P<m1>{_M})(?:,?\s+(?P<y1>{_Y}))?{_TO}"
            rf"(?P<d2>{_D})\s+(?:of\s+)?(?P<m2>{_M})(?:,?\s+(?P<y>{_Y}))?\b"
        ),
    ),
    (
        "dmr",
        # "8 and 9 October", "Tuesday 8 and Wednesday 9 October"
        re.compile(
            rf"(?P<d1>{_D_START}){_TO}(?:{_WD},?\s+)?(?P<d2>{_D})\s+(?:of\s+)?(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?\b"
        ),
    ),
    ("dm", re.compile(rf"(?P<d>{_D_START})\s+(?:of\s+)?(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?\b")),
    (
        "md2",
        re.compile(
            rf"(?P<m1>{_M_START})\s+(?P<d1>{_D})(?!\d){_TO}(?P<m2>{_M})\s+(?P<d2>{_D})(?!\d)(?:,?\s+(?P<y>{_Y}))?\b"
        ),
    ),
    (
        "mdr",
        re.compile(rf"(?P<m>{_M_START})\s+(?P<d1>{_D})(?!\d){_TO}(?P<d2>{_D})(?!\d)(?:,?\s+(?P<y>{_Y}))?\b"),
    ),
    ("md", re.compile(rf"(?P<m>{_M_START})\s+(?P<d>{_D})(?![\d:])(?:,?\s+(?P<y>{_Y}))?\b")),
    ("my", re.compile(rf"(?P<m>{_M_START})(?:\s+of)?,?\s+(?P<y>{_Y})\b")),
    (  # "on Monday", "on Monday and Tuesday" (the days before the reference date)
        "wd",
        re.compile(
            r"(?P<wd>" + _words_at_start(list(_WEEKDAY_NUM)) + r")\b"
            r"(?:\s+(?:and|to|through|until)\s+(?P<wd2>" + "|".join(_WEEKDAY_NUM) + r")\b)?"
        ),
    ),
    ("rel", re.compile(r"(?P<rel>" + _words_at_start(sorted(_RELATIVE, key=len, reverse=True)) + r")\b")),
    # (?<![\d./-])(?P<y>{_Y}), the look-behind after the first digit
    ("y", re.compile(r"(?P<y>(?:1(?<![\d./-][\s\S])9|2(?<![\d./-][\s\S])0)\d{2})(?![\d/-])")),
]


def _minimal(words: list[str]) -> tuple[str, ...]:
    """``words`` without those that contain another: a text holds one of ``words`` only if it
    holds one of these."""
    return tuple(w for w in words if not any(v != w and v in w for v in words))


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


_DIGITS = re.compile(r"\d")
_MONTHS = _any_of(_minimal(list(_MONTH_NUM)))
# What a window must hold for each pattern to match in it: a match of each of these.
_NEEDS: dict[str, tuple[re.Pattern[str], ...]] = {
    "iso": (_any_of(("-",)), _DIGITS),
    "num": (_DIGITS,),
    "numr": (_DIGITS,),
    "dm2": (_MONTHS, _DIGITS),
    "dmr": (_MONTHS, _DIGITS),
    "dm": (_MONTHS, _DIGITS),
    "md2": (_MONTHS, _DIGITS),
    "mdr": (_MONTHS, _DIGITS),
    "md": (_MONTHS, _DIGITS),
    "my": (_MONTHS, _DIGITS),
    "wd": (_any_of(_minimal(list(_WEEKDAY_NUM))),),
    "rel": (_any_of(_minimal(list(_RELATIVE))),),
    "y": (_any_of(("19", "20")),),
}

LEX = _LEX
MONTH_NUM = _MONTH_NUM
WEEKDAY_NUM = _WEEKDAY_NUM
RELATIVE = _RELATIVE
DAY = _D
MONTH = _M
PATTERNS = _PATTERNS
NEEDS = _NEEDS
