"""Lists in a readout: a sentence ending in a colon and the items after it.

"The talks covered:" and its bullets are one statement about every item's
topics (:func:`list_items`); "The European Union:" or "During the Dialogue,
the parties:" names who acts in the items that follow (:func:`list_speaker`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actors import Mention
from .cues import Found
from .state import Analysis

__all__ = ["LIST_INTRO", "list_items", "list_speaker"]

LIST_INTRO = re.compile(r":\s*(?:\n|\Z)")
"""A colon that ends a line: a list follows."""
_HEADING_LINE = re.compile(r"[^\W\d][^.;:!?\n]{0,80}")  # "Next steps": a heading, which ends a list
_MAX_ITEMS = 15


def list_items(doc: Analysis, index: int, acts_found: Found, stop: re.Pattern[str]) -> tuple[int, int] | None:
    """The span of the list after sentence ``index``, which ends in a colon: the following sentences
    of its section without act triggers of their own ("The talks covered:" + bullets), up to a
    header, a heading or a sentence that ``stop`` matches ("Background")."""
    end = None
    for s in doc.sentences[index + 1 : index + 1 + _MAX_ITEMS]:
        if (
            s.header
            or acts_found.within(s.start, s.end)
            or stop.match(s.text)
            or _HEADING_LINE.fullmatch(s.text)
        ):
            break
        end = s.end
    return (doc.sentences[index].start, end) if end is not None else None


def list_speaker(mentions: Sequence[Mention]) -> Mention | None:
    """The side that a list introduction without an act names ("The Government of Colombia:"):
    its last mention of a party or of both sides."""
    return next((m for m in reversed(mentions) if m.kind in ("party", "both")), None)
