"""Stage 4: meetings: the meetings a readout reports as held, with their attributes.

A meeting is a kind (see ANNOTATION.md) of which the text has a full
("strong") mention that is not only a framework ("within the Joint
Commission framework") and whose clause reports it as held (held, met, took
place, hosted, "During the ...", the title) without making it planned,
cancelled or a previous round. One meeting per kind, or per subject where two
meetings of a kind are held on two subjects (:mod:`.meeting_split`).

For each meeting: its name as first written in full, the ordinal next to a
mention ("12th", "ninth round of their"), its dates (:mod:`.meeting_dates`: the date in a sentence
that names only this meeting wins over one shared with another meeting; a
range of k days in a sentence naming k meetings gives each its own day),
its format and place (online cues; a city named with "in"/"hosted" in a
sentence that reports it), the parties (the EU and the partner most named
in the title and the sentences about the meetings) and its section: the
sentences from one that names it (or opens with "During the ...", or a
heading) up to the next that names another meeting.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from .gates import Gate
from .lexicon import load_lexicon
from .meeting_dates import is_dateline, meeting_dates, only_past, plausible, section_dates
from .meeting_mentions import Mention, find_mentions, ordinal_near, reports_held
from .meeting_split import base_kind, share_venue, split_same_kind
from .state import Analysis, MeetingInfo
from .venue import dateline_place, fact_box, meeting_format, venue

__all__ = ["run"]

_LEX = load_lexicon("meetings")
_WEAK_OK = Gate(re.compile(r"\b(?:the|this|that|their|its)\s+(?:[\w-]+\s+)?$", re.IGNORECASE))
_POLITICAL = Gate(re.compile(r"(?i)political\s+$|strategic\s+$"))
_TALKS = Gate(re.compile(r"(?i)\btalks\b|\bdiscussions?\b"))
_LEADING_ADJ = re.compile(r"^(?:(?:annual|regular|yearly|local|formal)\s+)+", re.IGNORECASE)
_WRAPPED_LINE = 45
"""A line this long that breaks before a mention is a hard-wrapped line: the words before it count."""
_SEQUEL = re.compile(r"\b(?:preceded|followed)\b[^.;]{0,40}?\bby\b")
_DONORS = frozenset(_LEX["donors"])
_OF_A_BODY = re.compile(r"\b(?:round|session|meeting|edition)\s+of\s+(?:the\s+)?[A-Z]")
_CAPITAL_AFTER = re.compile(r"\s+(?:capital|city)\b")


def run(doc: Analysis) -> Analysis:
    found = [m for m in find_mentions(doc.text, doc.sentences) if _usable(doc.text, m)]
    mentions = [_with_evidence(doc, m) for m in found]
    if any(m.held and m.strong and not m.header and not m.negated and not m.dependent for m in found):
        # Verbs of meeting report the meetings: dates and places alone add no other meeting.
        held_kinds = set(_held_kinds(found))
        mentions = [m if m.kind in held_kinds else f for m, f in zip(mentions, found, strict=True)]
    mentions = split_same_kind(mentions)  # two subcommittees on two subjects: keyed apart
    kinds = [k for k in _held_kinds(mentions) if not only_past(doc, [m for m in mentions if m.kind == k])]
    held = set(kinds)
    kinds = _drop_talks(mentions, _drop_aliases(mentions, kinds))
    # Another name of a meeting (talks, an alias) names no other meeting: its sentences are the meeting's.
    mentions = [m for m in mentions if m.kind in kinds or m.kind not in held]
    if not kinds:
        return replace(doc, meetings=())
    parties = _parties(doc, mentions)
    partner = next((p for p in parties if p != "EU"), None)
    sections = _sections(doc, mentions, kinds)
    meetings = []
    for i, kind in enumerate(kinds):
        own = [m for m in mentions if m.kind == kind and not m.negated and not m.dependent]
        start, end = meeting_dates(doc, own, mentions, kind)
        if start is None:
            start, end = section_dates(doc, sections[i], mentions, kind)
        when = fact_box(doc)[0] if start is None else None  # "When: 07.11.2017" (a key-facts box)
        if when is not None:
            start, end = when.first, when.last
        reporting = sorted({m.sentence for m in own if m.held})
        fmt = meeting_format(doc, reporting)
        city, country = (None, None) if fmt == "online" else venue(doc, reporting, partner)
        if fmt is None and city is None:
            others = _reporting_section(doc, sections[i], mentions, kind)
            fmt = meeting_format(doc, others)
            if fmt == "online":
                city, country = None, None
            elif country is None:
                city, country = venue(doc, others, partner)
            else:  # "the EU-Lebanon Subcommittee" gives the country; a city there may be written elsewhere
                near = venue(doc, others, partner)
                city = near[0] if near[0] is not None and near[1] == country else None
        elif (
            fmt is None
            and meeting_format(doc, _reporting_section(doc, sections[i], mentions, kind)) == "hybrid"
        ):
            fmt = "hybrid"  # "The meeting was held in a hybrid format": a later sentence of its section
        if fmt is None and city is None and country is None and doc.published in (start, end):
            city, country = dateline_place(doc) or (None, None)
        where = fact_box(doc)[1] if fmt != "online" else None
        if where is not None:
            city, country = where  # "Where: Brussels, EEAS headquarters" (a box of key facts says it best)
        fmt = fmt or ("in-person" if city or country else None)
        ordinal = next((m.ordinal for m in own if m.ordinal is not None), None)
        if ordinal is None:
            ordinal = _section_ordinal(doc, sections[i], mentions, kind)
        evidence = sum(1 for m in own if m.held and m.strong)
        confidence = min(
            0.95, 0.55 + 0.1 * min(evidence, 2) + 0.1 * (start is not None) + 0.1 * (ordinal is not None)
        )
        meetings.append(
            MeetingInfo(
                kind=base_kind(kind),
                name=_best_name(own),
                parties=parties,
                ordinal=ordinal,
                start=start,
                end=end,
                format=fmt,
                city=city,
                country=country,
                sentences=frozenset(sections[i]),
                confidence=round(confidence, 3),
            )
        )
    meetings = _venue_of_the_sequel(doc, kinds, mentions, meetings)
    return replace(doc, meetings=tuple(share_venue(meetings)))


def _venue_of_the_sequel(
    doc: Analysis, kinds: list[str], mentions: list[Mention], meetings: list[MeetingInfo]
) -> list[MeetingInfo]:
    """A meeting whose text gives no venue takes the venue of the meeting that a sentence says it
    preceded or followed ("The Joint Commission was preceded by a meeting of the Working Group")."""
    out = list(meetings)
    for i, m in enumerate(out):
        if m.format is not None or m.city is not None or m.country is not None:
            continue
        for s in sorted({x.sentence for x in mentions if x.kind == kinds[i] and not x.negated}):
            if not _SEQUEL.search(doc.sentences[s].text):
                continue
            other = {x.kind for x in mentions if x.sentence == s and x.kind != kinds[i]}
            placed = [o for k, o in zip(kinds, out, strict=True) if k in other and (o.city or o.country)]
            if len(placed) == 1:
                out[i] = replace(m, format=placed[0].format, city=placed[0].city, country=placed[0].country)
                break
    return out


def _usable(text: str, m: Mention) -> bool:
    """Weak lower-case references need a determiner ("the dialogue", not "political dialogue")."""
    if m.strong:
        return True
    line_start = text.rfind("\n", 0, m.start) + 1
    if line_start > 0 and line_start - 1 - (text.rfind("\n", 0, line_start - 1) + 1) >= _WRAPPED_LINE:
        line_start = text.rfind("\n", 0, line_start - 1) + 1  # a hard-wrapped line goes on here
    before = text[max(line_start, m.start - 30) : m.start]
    return bool(_WEAK_OK.search(before)) and not _POLITICAL.search(before)


def _with_evidence(doc: Analysis, m: Mention) -> Mention:
    """A strong body mention without a verb of meeting still reports a meeting held when its
    sentence dates it (a recent day) or places it ("the 15th Sub-Committee in Tashkent on 7 June")."""
    if m.held or not m.strong or m.negated or m.dependent or m.header:
        return m
    s = doc.sentences[m.sentence]
    dated = any(
        s.start <= d.start < s.end
        and plausible(doc.published, d)
        and not is_dateline(doc.text, s.start, d.start)
        for d in doc.dates
    )
    placed = (
        any(s.start <= p.start < s.end for p in doc.places) and venue(doc, [m.sentence], None)[0] is not None
    )
    return replace(m, held=True) if dated or placed else m


def _held_kinds(mentions: list[Mention]) -> list[str]:
    """Kinds with a strong mention reported as held in the body (in the title when the body has none)."""
    held = [m for m in mentions if m.strong and m.held and not m.negated and not m.dependent]
    body = [m for m in held if not m.header]
    return list(dict.fromkeys(m.kind for m in (body or held)))


def _drop_aliases(mentions: list[Mention], kinds: list[str]) -> list[str]:
    """Drop a kind named only in sentences that also name another meeting that has sentences of its own
    ("the Working Group, which is their human rights dialogue"): it is another name of that meeting."""
    live = [m for m in mentions if m.kind in kinds and not m.negated and not m.dependent]
    by_sentence: dict[int, set[str]] = {}
    for m in live:
        by_sentence.setdefault(m.sentence, set()).add(m.kind)

    def own_sentence(kind: str) -> bool:
        return any(
            m.kind == kind
            and by_sentence[m.sentence] == {kind}
            and (m.strong or m.lead or m.name[:1].isupper())
            for m in live
        )

    alone = {k for k in kinds if own_sentence(k)}
    return [k for k in kinds if k in alone or not alone]


def _drop_talks(mentions: list[Mention], kinds: list[str]) -> list[str]:
    """Drop a kind named only as talks or discussions ("talks on human rights") beside a meeting
    named properly: a news report's first words for that meeting."""

    def generic(kind: str) -> bool:
        own = [m for m in mentions if m.kind == kind and not m.negated and not m.dependent]
        return bool(own) and all(_TALKS.search(m.name) and not m.name[:1].isupper() for m in own)

    named = [k for k in kinds if not generic(k)]
    return named or kinds


def _parties(doc: Analysis, mentions: list[Mention]) -> tuple[str, ...]:
    """The EU and the partner; in a readout that never names the EU (another donor's dialogue,
    "the Australia-China Human Rights Dialogue"), the two countries most named, the donor first
    ("Viet Nam and Germany": DE, VN), else in order of appearance."""
    counts, first_seen = _party_counts(doc, mentions)
    if not counts:
        return ("EU",)
    ranked = sorted(counts, key=lambda c: (-counts[c], first_seen[c]))
    if len(ranked) > 1 and not any(p.code == "EU" for p in doc.parties):
        return tuple(sorted(ranked[:2], key=lambda c: (c not in _DONORS, first_seen[c])))
    return ("EU", ranked[0])


def _party_counts(doc: Analysis, mentions: list[Mention]) -> tuple[Counter[str], dict[str, int]]:
    meeting_sentences = {m.sentence for m in mentions if m.strong}
    title_end = doc.sentences[0].end if doc.sentences and doc.sentences[0].header else 0
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    starts = [s.start for s in doc.sentences]
    for p in doc.parties:
        if p.code == "EU":
            continue
        idx = _sentence_of(doc, starts, p.start)
        in_title = p.start < title_end
        near = idx in meeting_sentences
        if (
            (p.form == "org" and not (in_title or near))
            or p.form == "capital"
            or _CAPITAL_AFTER.match(doc.text, p.end)
        ):
            continue  # a capital or "the Gambian capital" is where a meeting is, not who holds it
        counts[p.code] += 1 + 3 * in_title + 2 * near
        first_seen.setdefault(p.code, p.start)
    return counts, first_seen


def _sentence_of(doc: Analysis, starts: list[int], pos: int) -> int:
    """The index of the sentence that holds ``pos`` (``starts``: the sentences' starts), or -1."""
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < doc.sentences[i].end else -1


def _sections(doc: Analysis, mentions: list[Mention], kinds: list[str]) -> list[set[int]]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind in kinds and not m.negated and not m.dependent:
            by_sentence.setdefault(m.sentence, []).append(m)
    sections: list[set[int]] = [set() for _ in kinds]
    current: int | None = None
    for i, s in enumerate(doc.sentences):
        if s.header:
            continue
        here = by_sentence.get(i, [])
        named = sorted({kinds.index(m.kind) for m in here})
        lead = next((m for m in here if m.lead), None)
        if lead is not None:
            current = kinds.index(lead.kind)
            sections[current].add(i)
        elif len(named) == 1:
            current = named[0]
            sections[current].add(i)
        elif named:
            for k in named:
                sections[k].add(i)
        else:
            sections[current if current is not None else 0].add(i)
    return sections


def _reporting_section(doc: Analysis, section: set[int], mentions: list[Mention], kind: str) -> list[int]:
    """Sentences of the section that report a meeting as held and name no other meeting."""
    return [
        idx
        for idx in sorted(section)
        if reports_held(doc.sentences[idx].text)
        and not any(m.sentence == idx and m.kind != kind for m in mentions)
    ]


def _section_ordinal(doc: Analysis, section: set[int], mentions: list[Mention], kind: str) -> int | None:
    """'The sixth round was held ...' in the meeting's section, in a sentence naming no other meeting."""
    for idx in sorted(section):
        if any(m.sentence == idx and m.kind != kind for m in mentions):
            continue
        text = doc.sentences[idx].text
        body = _OF_A_BODY.search(text)
        if body is not None and not any(
            m.kind == kind and 0 <= m.start - doc.sentences[idx].start - body.start() < 60 for m in mentions
        ):
            continue  # "ahead of the 40th session of the Human Rights Council": another body's
        n = ordinal_near(text)
        if n is not None:
            return n
    return None


def _best_name(own: list[Mention]) -> str | None:
    if not own:
        return None

    def rank(m: Mention) -> tuple[int, int, int, int]:
        name = m.name
        return (
            int(m.strong),
            int(not _TALKS.search(name)),
            int(not m.header),
            int(any(w[:1].isupper() for w in name.split())),
        )

    top = max(own, key=rank)
    return _LEADING_ADJ.sub("", top.name).strip() or top.name
