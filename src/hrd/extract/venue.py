"""Where and how a meeting took place: its format (online, hybrid, in person) and its city and country.

Read from the sentences that report the meeting as held: online and hybrid
cues of ``lexicons/meetings.json``; a city of the gazetteer named as the
venue ("in Yerevan", "Brussels hosted", "in the capital, Dushanbe"), else a
country ("held in Uzbekistan"), else an unknown capitalised place after
"held in" / "met in" (a city of the partner).
"""

from __future__ import annotations

import re

from .gates import Gate
from .gazetteer import gazetteer
from .lexicon import load_lexicon
from .state import Analysis, DateMention, PartyMention, PlaceMention

__all__ = ["dateline_place", "fact_box", "fact_label", "meeting_format", "venue"]

_LEX = load_lexicon("meetings")
_ONLINE = Gate(re.compile("|".join(f"(?:{p})" for p in _LEX["online"]), re.IGNORECASE))
_HYBRID = Gate(re.compile("|".join(f"(?:{p})" for p in _LEX["hybrid"]), re.IGNORECASE))
_PLACE_BEFORE = Gate(
    re.compile(
        r"\b(?:in|at)\s+(?:the\s+)?(?:(?:[A-Z][\w-]*\s+)?capital,?\s+|city\s+of\s+)?$|\bhosted\s+in\s+$",
        re.IGNORECASE,
    )
)
_PLACE_AFTER = re.compile(r"\s+(?:(?:has|had)\s+)?(?:hosted|was\s+the\s+venue|welcomed|played\s+host)\b")
_NOT_VENUE = re.compile(
    r"(?i)\b(?:delegation|embassy|office|mission|based|resident|accredited|stationed|centre|center|prison|court)"
    r"\s+(?:in|at)\s+(?:the\s+)?$"
)
_UNKNOWN = re.compile(
    r"\b(?:held|met|meet|took\s+place|hosted|convened|gathered)\b[^.;]{0,40}?\b(?:in|at)\s+"
    r"(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b(?!['’]s)"
)
_CAPITAL = re.compile(
    r"\b(?:in|at)\s+the\s+(?:(?P<dem>[A-Z][\w-]+)\s+)?capital\b(?!,?\s+[A-Z])"
    r"|\bthe\s+capital\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?=\s+hosted\b|[,.]|\s+on\b)"
)
_MONTHS_DAYS = frozenset(load_lexicon("dates")["months"][i][0] for i in range(12)) | frozenset(
    w[0] for w in load_lexicon("dates")["weekdays"]
)


def meeting_format(doc: Analysis, sentences: list[int]) -> str | None:
    """'online' or 'hybrid' when a sentence that reports the meeting says so, else None."""
    for idx in sentences:
        s = doc.sentences[idx]
        if _HYBRID.search(doc.text, s.start, s.end):
            return "hybrid"
        if _ONLINE.search(doc.text, s.start, s.end):
            return "online"
    return None


def venue(doc: Analysis, sentences: list[int], partner: str | None) -> tuple[str | None, str | None]:
    """The city and country of the meeting, from the first sentence that names a venue."""
    country: str | None = None
    unknown: str | None = None
    for idx in sentences:
        s = doc.sentences[idx]
        for p in doc.places:
            if s.start <= p.start < s.end and _is_venue(doc.text, s.start, p):
                return p.city, p.country
        capital = _capital(doc, s.start, s.end, partner)
        if capital is not None:
            return capital
        if country is None:
            country = _venue_country(doc, s.start, s.end)
        if unknown is None:
            unknown = _unknown_city(doc.text, s.start, s.end)
    if country is None and unknown is not None and partner is not None and len(partner) == 2:
        return unknown, partner
    return None, country


def _capital(doc: Analysis, a: int, b: int, partner: str | None) -> tuple[str, str] | None:
    """ "in the Uzbek capital", "the capital of Kazakhstan hosted" (no name given): that country's
    capital, as the dateline writes it when the dateline is there; "in the capital": the partner's."""
    gaz = gazetteer()
    m = _CAPITAL.search(doc.text, a, b)
    if m is None:
        return None
    named = m.group("dem") or m.group("country")
    code = gaz.code_of(named) if named else partner
    if code is None or code not in gaz.capitals:
        return None
    dateline = dateline_place(doc)
    if dateline is not None and dateline[1] == code:
        written = gaz.table.get(dateline[0]) or ()
        if any(e.form == "capital" or e.city == gaz.capitals[code] for e in written):
            return dateline[0], code  # "Nur-Sultan, 25 November 2021 - ... the capital of Kazakhstan"
    return gaz.capitals[code], code


def dateline_place(doc: Analysis) -> tuple[str, str | None] | None:
    """The city of the dateline ("Brussels, 27.11.2020", "COLOMBO, October 4, 2021 - ...")."""
    header = [s for s in doc.sentences[1:] if s.header]
    body = next((s for s in doc.sentences if not s.header), None)
    spans = [(s.start, s.end) for s in header]
    if body is not None:
        spans.append((body.start, min(body.end, body.start + 40)))
    for a, b in spans:
        for p in doc.places:
            if a <= p.start < b:
                return p.city, p.country
    return None


def _is_venue(text: str, sentence_start: int, p: PlaceMention | PartyMention) -> bool:
    before = text[max(sentence_start, p.start - 40) : p.start]
    if _PLACE_BEFORE.search(before):
        return not _NOT_VENUE.search(before)
    return bool(_PLACE_AFTER.match(text, p.end))


def _venue_country(doc: Analysis, a: int, b: int) -> str | None:
    for p in doc.parties:
        if a <= p.start < b and p.form == "name" and len(p.code) == 2 and _is_venue(doc.text, a, p):
            return p.code
    return None


def _unknown_city(text: str, a: int, b: int) -> str | None:
    gaz = gazetteer()
    for m in _UNKNOWN.finditer(text, a, b):
        city = m.group("city")
        if city.split()[0] in _MONTHS_DAYS or gaz.table.get(city) is not None or city.split()[0] in gaz.table:
            continue
        return city
    return None


# A label of a box of key facts, then a colon or dotted leaders ("When ........ 14 November 2017").
def fact_label(names: str, flags: int = 0) -> re.Pattern[str]:
    """A label of a box of key facts that ``names`` matches, with its bullet or border before it and a
    colon or dotted leaders after it ("• Where: Brussels", "| When ........ 14 November 2017")."""
    return re.compile(rf"[|•·▪*–-]?\s*(?:{names})\s*(?::|\.{{2,}})\s*", flags)


_WHEN = fact_label(r"When|Dates?(?:\s+and\s+(?:venue|place))?", re.IGNORECASE)
_WHERE = fact_label(r"Where|Venue|Place|Location|Date\s+and\s+(?:venue|place)", re.IGNORECASE)


def fact_box(doc: Analysis) -> tuple[DateMention | None, tuple[str, str | None] | None]:
    """The day and the place of a box of key facts ("When: 07.11.2017", "Where: Brussels, EEAS"),
    for a meeting the prose does not date or place."""
    when: DateMention | None = None
    where: tuple[str, str | None] | None = None
    for s in doc.sentences:
        if when is None and _WHEN.match(s.text):
            when = next((d for d in doc.dates if s.start <= d.start < s.end), None)
        if where is None and _WHERE.match(s.text):
            place = next((p for p in doc.places if s.start <= p.start < s.end), None)
            where = (place.city, place.country) if place is not None else None
    return when, where
