"""Which side each head of delegation is on (stage 5, delegations, asks).

In order: "respectively" after the heads ("for the EU and for Kazakhstan,
respectively"); the one party named by the phrase that introduces a head
("the delegation of Kazakhstan", "on the Uzbek side"); the party the title
names ("of the European External Action Service", "Mexico's deputy foreign
minister"; an EU body first, a country not after "to"); else the side the
other heads do not have (a partner's title, "Minister", "Government", puts a
head without a country on the partner's side).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .gazetteer import Hit, gazetteer
from .lexicon import load_lexicon
from .state import MeetingInfo

__all__ = ["MEETING_WORDS", "head_parties", "party_of"]

_LEX = load_lexicon("delegations")
_EU_BODY = re.compile(
    r"\b(?:EEAS|External\s+Action|European\s+Commission|Directorate[- ]General|EU\s+Delegation"
    r"|Delegation\s+of\s+the\s+European\s+Union|EU\s+Special\s+Representative|EU's|European\s+Union's)\b"
)
_RESPECTIVELY = re.compile(r"\bfor\s+(?P<a>.+?)\s+and\s+for\s+(?P<b>.+?)\s*,?\s+respectively\b")
MEETING_WORDS = re.compile(
    r"(?i)\bmeeting\b|\bsession\b|\bdialogue\b|\bsub-?committee\b|\bsub-?group\b|\btalks\b|\bconsultations\b"
)
"""Words of a meeting's name: a phrase that holds one introduces no one side."""
_PARTNER_TITLE = re.compile(_LEX["partner_title"])
_DELEGATION_WORD = re.compile(rf"(?i)\b{_LEX['delegation_nouns']}\b")
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")
_EUROPE_DESK = re.compile(
    r"(?:European|EU)\s+(?:Affairs|Union\s+Affairs|Integration|Department|Division|Relations)\b"
)


def head_parties(
    meetings: tuple[MeetingInfo, ...], phrases: Sequence[str], titles: Sequence[str | None], clause: str
) -> list[str | None]:
    """The party of each head listed in ``clause``, introduced by ``phrases`` and with ``titles``."""
    gaz = gazetteer()
    home, partner = _sides(meetings)
    sides = {p for m in meetings for p in m.parties}
    resp = _RESPECTIVELY.search(clause)
    if resp and len(phrases) == 2:
        codes = [party_of(gaz.find(resp.group(g)), resp.group(g)) for g in ("a", "b")]
        if all(codes):
            return codes
    out: list[str | None] = []
    for phrase, title in zip(phrases, titles, strict=True):
        phrase_codes = {e.party for h in gaz.find(phrase) for e in h.entries if e.party}
        code: str | None = None
        one_side = len(phrases) == 1 or _DELEGATION_WORD.search(phrase)
        if len(phrase_codes) == 1 and one_side and not MEETING_WORDS.search(phrase):
            code = next(iter(phrase_codes))
        elif title:
            code = party_of(gaz.find(title), title)
            if code is not None and code not in sides:  # "Representative of Thailand to ASEAN"
                code = next((e.party for h in gaz.find(title) for e in h.entries if e.party in sides), None)
        out.append(code)
    for i, code in enumerate(out):
        if code is None:
            used = {c for c in out if c}
            order = (
                (partner, home)
                if home == "EU" and titles[i] and _PARTNER_TITLE.search(titles[i] or "")
                else (home, partner)
            )
            rest = [c for c in order if c and c not in used]
            out[i] = rest[0] if rest else partner
    return out


def party_of(hits: Iterable[Hit], text: str) -> str | None:
    """The party a title or phrase names: an EU body first, then a country not after 'to'
    ("Ambassador to X"), then the EU named otherwise ("Director for relations with the EU")."""
    if _EU_BODY.search(text):
        return "EU"
    codes: list[str] = []
    for h in hits:
        if _EUROPE_DESK.match(text, h.start):
            continue  # "Assistant Secretary for European Affairs": the partner's Europe desk
        for e in h.entries:
            if e.party and not _TO_BEFORE.search(text[max(0, h.start - 8) : h.start]):
                codes.append(e.party)
    countries = [c for c in codes if c != "EU"]
    if countries:
        return countries[0]
    return "EU" if codes else None


def _sides(meetings: tuple[MeetingInfo, ...]) -> tuple[str, str | None]:
    """The side a head without a country of their own is on first, and the partner: the EU and the other
    party, or, in a dialogue the EU does not hold, its first and second parties ("UK-Laos": GB, LA)."""
    for m in meetings:
        if not m.parties:
            continue
        if "EU" in m.parties:
            return "EU", next((p for p in m.parties if p != "EU"), None)
        return m.parties[0], (m.parties[1] if len(m.parties) > 1 else None)
    return "EU", None
