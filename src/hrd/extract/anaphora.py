"""How a clause points back to the topics of an earlier one.

"It", "these changes", "the latter", "both laws" point back (a clause without topics of
its own takes the last statement's); "these laws, as well as X" adds them to
its own; "these steps" that one side welcomes are what the other side last
presented; "called for its ratification" keeps the topics of the clause
before it in the sentence.
"""

from __future__ import annotations

import re

from .gates import Gate
from .topics import tag_topics

__all__ = ["names_its_next_step", "names_steps", "names_these", "points_back"]

# "It was agreed that ..." opens with an expletive "it", which points back to nothing.
_ANAPHOR = Gate(
    re.compile(
        r"\b(?:these|this|those|such|the\s+(?:said|above(?:-mentioned)?|aforementioned)|them|it(?!\s+(?:was|is|has\s+been|had\s+been)\s+(?:\w+\s+)?\w+ed\s+(?:that|to)\b)|"
        r"the\s+latter|the\s+(?:progress|efforts?|steps?|measures?|"
        r"developments?|changes?|achievements?|initiatives?|commitments?|plans?|polic(?:y|ies)|strateg(?:y|ies)|"
        r"laws?|legislation|reforms?|amendments?|bills?|decisions?)"
        r"|(?:both|the\s+two)\s+(?:laws|acts|bills|measures|steps|reforms|amendments|decisions|provisions|texts))\b",
        re.IGNORECASE,
    )
)
_STEPS = re.compile(
    r"\b(?:these|those|such|the)\s+(?:\w+\s+)?(?:steps|measures|efforts|reforms|laws|initiatives)\b", re.I
)
_ITS_NEXT_STEP = re.compile(
    r"\s+(?:for\s+|on\s+|to\s+)?(?:its|their|his|her)\s+(?:\w+\s+)?"
    r"(?:ratification|implementation|adoption|application|entry into force|release)\b",
    re.IGNORECASE,
)
_THESE = re.compile(
    r"\s+(?:(?:these|those|such|both)\s+(?:[\w-]+\s+)?(?:laws|steps|measures|reforms|developments|changes|amendments"
    r"|initiatives|efforts|decisions)|this\s+(?:[\w-]+\s+)?(?:law|step|measure|reform|development|change"
    r"|amendment|initiative|decision|move))\b",
    re.I,
)


def points_back(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds a word that points back ("these", "it", "the reforms")."""
    return _ANAPHOR.search(text, start, end) is not None


def names_steps(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names steps, measures or laws taken ("welcomed these steps")."""
    return _STEPS.search(text, start, end) is not None


# "called for these attacks to be investigated" after "expressed concern at attacks against ...".
_THESE_NOUN = re.compile(r"\s+(?:(?:for|on|to|that|of)\s+)?(?:these|those|such|both)\s+([a-z][\w-]*s)\b")


def names_these(text: str, start: int, end: int, before: str = "") -> bool:
    """``text[start:]`` opens on "these laws" (steps, measures ...) before a subject of its own, or
    on "these" and a plural noun that the clause ``before`` names ("these attacks")."""
    if _THESE.match(text, start, end) is not None:
        return True
    m = _THESE_NOUN.match(text, start, end)
    if m is None or tag_topics(m.group(1)):
        return False  # "took note of these reforms" is about reforms
    return re.search(rf"\b{re.escape(m.group(1))}\b", before, re.IGNORECASE) is not None


def names_its_next_step(text: str, start: int, end: int) -> bool:
    """``text[start:]`` opens on "its ratification" (implementation, adoption ...)."""
    return _ITS_NEXT_STEP.match(text, start, end) is not None
