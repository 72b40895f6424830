"""Word stems that tell which change a statement reports (repeal, amend, ratify, ...).

Used where an analysis needs to know more than the act: whether a welcomed
change to a provision was a repeal or an amendment, and whether a round's
statements report the change a benchmark expects. Matching is on lower-cased
word prefixes, so "abolished", "abolition" and "abolishing" all match "aboli".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["CHANGE_STEMS", "change_stems", "reports_change"]

CHANGE_STEMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "abolish": ("aboli", "repeal", "scrap", "eliminat"),
        "repeal": ("repeal", "revok", "revoc", "annul", "aboli", "scrap", "decriminali"),
        "amend": ("amend", "revis", "reform", "modif", "chang", "adopt", "align"),
        "ratify": ("ratif", "acced", "accession", "join"),
        "release": ("releas", "freed", "pardon", "amnest", "acquit"),
        "decriminalise": ("decriminali", "repeal"),
        "adopt": ("adopt", "enact", "pass", "approv", "entry into force", "entered into force"),
        "establish": ("establish", "set up", "creat", "launch", "operational"),
        "investigate": ("investigat", "prosecut", "convict", "accountab"),
    }
)

_WORD = re.compile(r"[a-z][a-z-]{3,}")
_STOP = frozenset(
    {"with", "from", "into", "that", "this", "their", "there", "about", "other", "which", "the"}
)


def change_stems(change: str) -> tuple[str, ...]:
    """The stems for an expected change.

    A text whose first word is a known verb ("abolish", "amendment of ...",
    "ratification") gives that verb's stems; free text gives its own words,
    cut to 5-letter prefixes.
    """
    key = change.strip().lower()
    first = key.split(maxsplit=1)[0] if key else ""
    for name, stems in CHANGE_STEMS.items():
        if first[:5] == name[:5]:
            return stems
    return tuple(dict.fromkeys(w[:5] for w in _WORD.findall(key) if w not in _STOP))


def reports_change(text: str | None, stems: tuple[str, ...]) -> bool:
    """Whether ``text`` contains a word starting with one of ``stems``."""
    if not text or not stems:
        return False
    low = text.lower()
    return any(re.search(r"\b" + re.escape(stem), low) for stem in stems)
