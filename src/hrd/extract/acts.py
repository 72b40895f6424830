"""Act detection: the verbs and phrases that make a clause a statement.

The triggers come from ``lexicons/acts.json``: for each act code, regular
expression fragments by voice (active verb, clause-opening participle,
passive participle, complete passive phrase, discussion phrased as a noun).
:func:`find_triggers` returns every trigger of a sentence, leftmost first and
longest first at one place, after dropping forms that are not a clause's main
verb: a participle after a preposition ("by encouraging"), a bare participle
after a modal or perfect auxiliary ("must be discussed", "it had invited").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .cues import Match, compile_cues
from .gates import Gate
from .lexicon import load_lexicon

__all__ = ["CUES", "VOICES", "Trigger", "Voice", "find_triggers", "without_coordinated_that"]

Voice = Literal["active", "present", "ing", "passive", "nominal"]
VOICES: tuple[Voice, ...] = ("active", "present", "ing", "passive", "nominal")

_LEX = load_lexicon("acts")
_SLOTS = {
    "{det}": r"(?:(?:its|their|the|a|an|his|her|our|some|serious|deep|strong|grave|great|particular|full) )?",
    "{adj}": r"(?:[\w'’-]+ and [\w'’-]+ |(?:[\w'’-]+ ){0,2}?)",  # "its own", "political and financial"
}
_AUX = (
    r"(?:was|were|has been|have been|had been|is|are|being|been) "
    r"(?:(?:also|further|again|then|likewise|however|equally|once more|not only|\w+ly) )*"
)


def _expand(pattern: str) -> str:
    for slot, value in _SLOTS.items():
        pattern = pattern.replace(slot, value)
    return pattern


def _cue_list() -> list[tuple[str, str]]:
    cues: list[tuple[str, str]] = []
    for act, forms in _LEX["acts"].items():
        participles = [_expand(p) for p in forms.get("passive", [])]
        if participles:  # one cue per act: the auxiliary is a common word
            cues.append(
                (_AUX + "(?:" + "|".join(sorted(participles, key=len, reverse=True)) + ")", f"{act}:passive")
            )
        for voice, patterns in forms.items():
            for p in patterns:
                p = _expand(p)
                if voice == "passive":
                    continue
                if voice == "passive_full":
                    cues.append((p, f"{act}:passive"))
                else:
                    cues.append((p, f"{act}:{voice}"))
    return cues


CUES = compile_cues(_cue_list())
"""The act triggers, for a :class:`~.cues.Scanner` that matches several cue sets at once."""
# A participle opens a clause only at the sentence start or after a clause break.
_ING_CONTEXT = Gate(
    re.compile(
        r"(?:[,;:(—–]|\b(?:while|whilst|and|but|also|thereby|further|again|thus|then|by))"
        r"\s*(?:\w+ly\s+)?[\"“]?\Z",
        re.IGNORECASE,
    )
)
# A bare participle after these is not a finite verb of its own clause.
_NOT_FINITE = Gate(
    re.compile(
        r"\b(be|been|being|was|were|is|are|had|to|will|would|could|should|must|may|might|can|shall|not)\s+"
        r"(?:(?:\w+ly|also|not)\s+)?(?:have\s+(?:(?:\w+ly|also|not)\s+)?)?$",
        re.IGNORECASE,
    )
)
_LOOKBACK = 40
# "needed more international support": a present form after a determiner or adjective is a noun.
_NOUN_BEFORE = Gate(
    re.compile(
        r"\b(?:(?:a|an|the|its|their|his|her|our)\s+(?:(?-i:[a-z])[\w-]*\s+)?|(?:more|further|any|some|no|continued|full"
        r"|strong|much|budget|pending|visit|outstanding|formal|official|repeated|numerous|several|many|\w+al)\s+)\Z",
        re.IGNORECASE,
    )
)
# "rejected the concerns raised about X": a participle right after its noun qualifies it.
# "the restrictions introduced under the state of emergency": a participle that qualifies its noun.
_QUALIFYING_PARTICIPLE = re.compile(
    r"(?<=ed)\s+(?:by|under|since|during|against|(?:in|on|last)\s+(?:(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b|(?:19|20)\d\d\b|\d{1,2}\s))",
    re.IGNORECASE,
)
# "Algeria's stated intention", "as set out in": a verb form after a possessive or "as" is no main verb.
_NOT_A_VERB_BEFORE = Gate(
    re.compile(
        r"(?:['’]s|\b(?:its|their|his|her|our|as|the|a|an|this|these|those|about|of|on|for|with|against|from"
        r"|over|regarding|concerning))\s+\Z",
        re.IGNORECASE,
    )
)
_DATED_PARTICIPLE = re.compile(r"(?<=ed)\s+in\s+(?:19|20)\d\d\b")
_NOUN_WORD_BEFORE = re.compile(
    r"\b(?!(?:it|they|he|she|we|and|also|then|has|have|had|was|were|is|are|which|that|who)\b)[a-z]{3,}\s+\Z"
)
_PLURAL_NOUN_BEFORE = re.compile(
    r"\b(?!(?:sides|delegations|parties|authorities|partners|countries|participants|representatives|officials"
    r"|experts|members|states)\b)[a-z]+s\s+\Z"
)
_REDUCED_RELATIVE = Gate(
    re.compile(
        r"\b(?:concerns?|issues?|questions?|cases?|points?|matters?|topics?|recommendations?|allegations?"
        r"|criticism|requests?|proposals?)\s+\Z",
        re.IGNORECASE,
    )
)
# "a drug policy centred on prevention": a participle after its noun, not a discussion.
_FOCUS = re.compile(r"(?:focus|centr|center|concentr)", re.IGNORECASE)
_NOUN_BEFORE_FOCUS = Gate(
    re.compile(
        r"\b(?!(?:discussions?|talks|dialogue|meeting|exchanges?|debates?|session|round|consultations|agenda"
        r"|committee|subcommittee|council|it|they|and|also|mainly|primarily|largely|particularly|especially|then"
        r"|was|were|is|are|been|be|which|that|mostly|again)\b)[a-z]{3,}\s+\Z"
    )
)
# "to keep his family informed", "kept the EU updated": an object complement, not a verb.
_KEEP_OBJECT = Gate(re.compile(r"\b(?:keep|keeps|kept|keeping)\s+(?:[\w'’-]+\s+){1,4}\Z", re.IGNORECASE))
_REPORTED = Gate(re.compile(r"\b(?:said|says|told|stated|reported|added|according\s+to)\b", re.IGNORECASE))


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    act: str
    voice: Voice


def find_triggers(
    text: str, start: int = 0, end: int | None = None, found: Sequence[Match] | None = None
) -> list[Trigger]:
    """The act triggers in ``text[start:end]``, in text order (from ``found``, the matches of
    :data:`CUES` there, when the caller has them)."""
    out: list[Trigger] = []
    stop = len(text) if end is None else end
    for a, b, label in CUES.finditer(text, start, end) if found is None else found:
        act, voice = label.split(":")
        opens = not text[start:a].strip(" \"“‘'(")
        if voice == "ing" and not opens and not _ING_CONTEXT.search(text, start, a):
            continue
        blocked = (
            _NOT_FINITE.search(text, max(start, a - _LOOKBACK), a) if voice in ("active", "present") else None
        )
        if blocked and not (blocked.group(1).lower() == "had" and _REPORTED.search(text, start, stop)):
            continue  # a past perfect counts in reported speech: "the ministry said the EU had raised"
        if voice == "active" and (
            _REDUCED_RELATIVE.search(text, max(start, a - _LOOKBACK), a)
            or _NOT_A_VERB_BEFORE.search(text, max(start, a - 12), a)
            or (
                _QUALIFYING_PARTICIPLE.match(text, b, stop)
                and _PLURAL_NOUN_BEFORE.search(text, max(start, a - 30), a)
            )
            # "the penalties for bride kidnapping introduced in 2024": a date after it, a noun before it
            or (
                _DATED_PARTICIPLE.match(text, b, stop)
                and _NOUN_WORD_BEFORE.search(text, max(start, a - 30), a)
            )
        ):
            continue
        if (
            voice == "nominal"
            and _FOCUS.match(text, a)
            and _NOUN_BEFORE_FOCUS.search(text, max(start, a - _LOOKBACK), a)
        ):
            continue
        if voice == "active" and act == "inform" and _KEEP_OBJECT.search(text, max(start, a - _LOOKBACK), a):
            continue
        if voice == "present" and _NOUN_BEFORE.search(text, max(start, a - _LOOKBACK), a):
            continue
        out.append(Trigger(a, b, act, voice))  # type: ignore[arg-type]
    return out


_THAT_AFTER = re.compile(r"\s+that\b", re.IGNORECASE)
_AND_THAT = re.compile(r",?\s+and\s+that\s+(?:[\w'’-]+\s+){1,3}\Z", re.IGNORECASE)


def without_coordinated_that(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """``triggers`` without those in a second that-clause of an earlier act verb: "affirmed that X
    ..., and that Egypt rejects Y" is one statement (its that-clauses belong to "affirmed")."""
    out: list[Trigger] = []
    for t in triggers:
        if any(
            _THAT_AFTER.match(text, p.end) and _AND_THAT.search(text, max(p.end, t.start - 60), t.start)
            for p in out
        ):
            continue
        out.append(t)
    return out
