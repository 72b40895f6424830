"""Actor mentions of a sentence and the subject of a trigger.

Mentions come from three places: the party mentions of the ``places`` stage
(country names, demonyms, capitals, the EU), the phrases of
``lexicons/actors.json`` (the EU, both sides, the partner's authorities,
pronouns, third parties) and the names of the heads of delegation. Adjacent
mentions of the EU and the partner joined by "and" become one ``both``
mention ("the EU and Kazakhstan").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .cues import Match, compile_cues, spaced
from .gates import Gate
from .lexicon import load_lexicon
from .spans import DisjointSpans
from .state import HeadInfo, PartyMention

__all__ = [
    "CUES",
    "Kind",
    "Mention",
    "chair_phrases",
    "eligible",
    "find_mentions",
    "opens_on_meeting",
    "passive_agent",
    "resolve_pronoun",
    "subject_of",
]

Kind = Literal["party", "both", "it", "they", "we", "third"]

_LEX = load_lexicon("actors")
_GROUPS = {
    "eu": "eu",
    "both": "both",
    "partner": "partner",
    "pronoun_singular": "it",
    "pronoun_plural": "they",
    "pronoun_first": "we",
    "third": "third",
}


def _cues(mode: str) -> list[tuple[str, str]]:
    return [(p, label) for key, label in _GROUPS.items() for p in _LEX[key][mode]]


CUES = (compile_cues(_cues("cs"), ignore_case=False), compile_cues(_cues("ci")))
"""The case-sensitive and the case-insensitive actor phrases (for a :class:`~.cues.Scanner`)."""
_SIDE = re.compile(
    r"\b(?:[Tt]he\s+)?((?:[A-Z][\w'’-]+\s+){1,2}?)(?:" + "|".join(map(spaced, _LEX["partner_side"])) + r")\b"
)
_OF_PARTY = Gate(
    re.compile(
        r"\b(?:the\s+)?(?:delegations?|representatives|officials|delegates|experts|government|authorities|side|team|members)"
        r"\s+(?:of|from)\s+(?:the\s+)?\Z",
        re.IGNORECASE,
    )
)
_SIDE_WORDS = tuple(_LEX["partner_side"])
# "the Egyptian Initiative for Personal Rights": a party's name opens an organisation's name.
_ORGANISATION = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,3}?\s+(?:" + "|".join(_LEX["organisation_words"]) + r")\b(?![-’'])"
)
_NOT_DEMONYM = frozenset(_LEX["not_demonym"])
_AND = re.compile(
    r"(?:\s*,[^,;]{0,80},)?\s*,?\s*(?:and|&)\s+(?:the\s+)?"
    r"(?:(?:Republic|Government|Kingdom|State)\s+of\s+(?:the\s+)?)?\Z"
)
_PREP = re.compile(
    r"\b(?:in|on|with|to|of|for|by|from|between|among|amongst|at|about|against|under|towards?|within|into|over|"
    r"than|through|via|including|like|upon|after|before|during|behind|beyond|across|as)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_OFFICE_OF = re.compile(
    r"['’]s?\s+(?:(?:[A-Z][\w-]*|of|for|and|the)\s+){0,6}?(?:[A-Z][\w-]*|delegation|side|team|government|authorities|"
    r"officials|representatives?|ministry|minister|ambassador)\s*(?:,[^,]{0,80},\s*)?\Z"
)
_POSSESSIVE = re.compile(r"['’]s?\b")
_OWNED_BODY = re.compile(
    r"['’]s?\s+(?:\w+\s+)?(?:mission|delegation|embassy|government|ministry|foreign\s+ministry|authorities|side|"
    r"representatives?|officials|spokes(?:person|man|woman))\b"
)
_RELATIVE = re.compile(r",\s*(?:which|who|whom|whose|where)\b[^,;]*,")
_INSERTION = re.compile(r",[^,]*,")
_WORD = re.compile(r"[\w'’]+")
_MAX_GAP_WORDS = 4
_COORDINATORS = frozenset({"and", "but", "or", "while", "whilst", "whereas"})
_BY = re.compile(r"\bby\s+\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: Kind
    code: str
    """The party code for ``party`` mentions, ``both`` for both sides, else empty."""


def _party(code: str, partner: str | None, parties: Sequence[str]) -> tuple[Kind, str]:
    if code == "EU" or code == partner or code in parties:
        return "party", code
    return "third", ""


def find_mentions(
    text: str,
    start: int,
    end: int,
    *,
    parties: Sequence[PartyMention],
    partner: str | None,
    meeting_parties: Sequence[str] = (),
    heads: Sequence[HeadInfo] = (),
    cue_matches: tuple[Sequence[Match], Sequence[Match]] | None = None,
) -> list[Mention]:
    """Every actor mention in ``text[start:end]``, without overlaps, in text order (``cue_matches``:
    the matches of the two :data:`CUES` sets there, when the caller has them)."""
    found: list[tuple[int, int, int, Kind, str]] = []  # start, end, priority, kind, code
    for p in parties:
        if start <= p.start and p.end <= end:
            organisation = _ORGANISATION.match(text, p.end, end)
            if organisation is not None:
                found.append((p.start, organisation.end(), 3, "third", ""))
                continue
            kind, code = _party(p.code, partner, meeting_parties)
            of = _OF_PARTY.search(text, max(start, p.start - 40), p.start)  # "the delegation of X"
            found.append((of.start() if of else p.start, p.end, 3, kind, code))
    for h in heads:
        surname = h.name.split()[-1] if h.name.split() else ""
        if len(surname) > 2 and surname in text[start:end]:
            for m in re.finditer(r"\b" + re.escape(surname) + r"\b", text[start:end]):
                kind, code = _party(h.party, partner, meeting_parties)
                found.append((start + m.start(), start + m.end(), 3, kind, code))
    sentence = text[start:end]
    sides = _SIDE.finditer(text, start, end) if any(w in sentence for w in _SIDE_WORDS) else ()
    for m in sides:
        words = m.group(1).split()
        named = next((p for p in parties if m.start() <= p.start and p.end <= m.end()), None)
        if named is not None:  # "the Kazakh side" around a demonym the places stage knows
            kind, code = _party(named.code, partner, meeting_parties)
            found.append((m.start(), m.end(), 3, kind, code))
        elif partner and words and words[0] not in _NOT_DEMONYM:
            found.append((m.start(), m.end(), 2, "party", partner))
    if cue_matches is None:
        cue_matches = (list(CUES[0].finditer(text, start, end)), list(CUES[1].finditer(text, start, end)))
    for matches in cue_matches:
        for a, b, label in matches:
            if label == "eu":
                found.append((a, b, 1, "party", "EU"))
            elif label == "partner":
                if partner:
                    found.append((a, b, 1, "party", partner))
            elif label == "both":
                found.append((a, b, 1, "both", "both"))
            else:
                found.append((a, b, 0, label, ""))  # type: ignore[arg-type]
    # Longest first, then priority; drop mentions overlapping a chosen one.
    found.sort(key=lambda f: (-(f[1] - f[0]), -f[2], f[0]))
    chosen: list[tuple[int, int, int, Kind, str]] = []
    taken = DisjointSpans()
    for f in found:
        if not taken.overlaps(f[0], f[1]):
            taken.add(f[0], f[1])
            chosen.append(f)
    chosen.sort()
    mentions = [Mention(a, b, kind, code) for a, b, _, kind, code in chosen]
    return _merge_both(text, mentions, meeting_parties)


def _merge_both(text: str, mentions: list[Mention], meeting_parties: Sequence[str] = ()) -> list[Mention]:
    """The two sides joined by "and" ("the EU and Kazakhstan", "the UK and Vietnam") act as both."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == m.kind == "party"
            and prev.code != m.code
            and ("EU" in (prev.code, m.code) or {prev.code, m.code} <= set(meeting_parties))
            and _AND.match(text, prev.end, m.start)
            and eligible(text, prev, 0)  # not "adopted by the new Government, and the EU urged"
        ):
            out[-1] = Mention(prev.start, m.end, "both", "both")
        else:
            out.append(m)
    return out


def eligible(text: str, m: Mention, lo: int) -> bool:
    """A mention that can be a subject: not after a preposition, not possessive."""
    if _PREP.search(text, max(lo, m.start - 15), m.start):
        return False
    # "China's mission to the EU said": the owner of a delegation or a ministry speaks through it.
    return not _POSSESSIVE.match(text, m.end) or bool(_OWNED_BODY.match(text, m.end))


def _close(text: str, end: int, hi: int) -> bool:
    """Only a few words (besides comma-delimited insertions) between a subject and its verb."""
    words = _WORD.findall(_INSERTION.sub(" ", text[end:hi]))
    return len(words) <= _MAX_GAP_WORDS and not _COORDINATORS.intersection(w.lower() for w in words)


def subject_of(
    text: str, mentions: Sequence[Mention], lo: int, hi: int, *, near: bool = False
) -> Mention | None:
    """The subject of a verb at ``hi`` in a clause starting at ``lo``: the nearest eligible mention.

    With ``near``, the mention must stand close to the verb (a later clause of a
    sentence, where a distant mention is usually an object of the earlier one).
    """
    masked = [(r.start(), r.end()) for r in _RELATIVE.finditer(text, lo, hi)]
    for m in reversed(mentions):
        if m.start < lo or m.end > hi:
            continue
        if any(a <= m.start < b for a, b in masked):
            continue
        if eligible(text, m, lo):
            return m if not near or _close(text, m.end, hi) else None
        if m.kind == "party" and _OFFICE_OF.match(text, m.end, hi) and _close(text, m.end, hi):
            return m  # "Kazakhstan's Deputy Minister of Justice informed"
    return None


def has_subject(text: str, mentions: Sequence[Mention], lo: int, verb: int, verbs: Sequence[int]) -> bool:
    """Whether the verb at ``verb`` has a party as its subject right before it, with no other verb
    (at ``verbs``) in between: a present form without one is a noun ("reports of torture")."""
    subject = subject_of(text, mentions, lo, verb, near=True)
    if subject is None or subject.kind == "third":
        return False
    return not any(subject.end <= v < verb for v in verbs)


def passive_agent(text: str, mentions: Sequence[Mention], lo: int, hi: int) -> Mention | None:
    """The agent of a passive verb ending at ``lo``: a mention after "by" before ``hi``."""
    for m in mentions:
        if lo <= m.start and m.end <= hi and _BY.search(text, max(lo, m.start - 6), m.start):
            return m
    return None


_CHAIR_PHRASE = re.compile(
    r",\s*(?:(?:co-?)?chaired|headed|led)\s+(?:jointly\s+)?(?:on\s+[^,;]{3,30}?\s+)?by\b[^;]*?"
    r",\s+(?=(?!(?:and|or|the|a|an|who|which|respectively|both|as|its|their|his|her)\b)[a-z])"
)


def chair_phrases(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of phrases naming who chaired a meeting, set between commas in a sentence ("The
    SOM, co-chaired by X, Director, and Y, reviewed ..."): their persons are neither the subject
    of the verb after them nor cases."""
    if "by" not in text[start:end]:
        return []
    return [m.span() for m in _CHAIR_PHRASE.finditer(text, start, end)]


_VERB_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:\w+ed|said|told|says)\b(?:\s+that)?\s*\Z")
_MEETING_SUBJECT = re.compile(
    r"(?:The\s+)?(?:[\w-]+\s+){0,6}?(?:Committee|Sub-?[Cc]ommittee|Council|Dialogue|Commission|Consultations"
    r"|meeting|dialogue|round|session)\s+(?:was|were|is|has|had)\b"
)


def opens_on_meeting(sentence: str) -> bool:
    """The sentence's subject is the meeting: "The Joint Committee was co-chaired by ..."."""
    return _MEETING_SUBJECT.match(sentence) is not None


def resolve_pronoun(
    text: str, mentions: Sequence[Mention], m: Mention, prev: str | None, last: str, *, before: str
) -> str:
    """Resolve "it", "they": the subject of the verb just before, the previous clause's actor, an
    earlier subject, both sides when "it" opens a sentence after one about the meeting (``before``:
    "The Committee was chaired by ... It reviewed trade ..."), or ``last``, the last actor."""
    latest = next((e for e in reversed(mentions) if e.end <= m.start and e.kind == "party"), None)
    if latest is not None and eligible(text, latest, 0) and _VERB_AFTER.match(text, latest.end, m.start):
        return latest.code  # "a statement in which Kazakhstan confirmed it ..."
    if prev is not None and (m.kind == "they" or prev != "both"):
        return prev
    for earlier in mentions:
        if earlier.end > m.start:
            break
        if (earlier.kind == "party" or (m.kind == "they" and earlier.kind == "both")) and eligible(
            text, earlier, 0
        ):
            return earlier.code
    if m.kind == "it" and prev is None and opens_on_meeting(before):
        return "both"
    return last
