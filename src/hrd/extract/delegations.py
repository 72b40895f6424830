"""Stage 5: delegations: the head of each delegation, with title and party.

Five shapes name heads:

- an agent after a passive verb: "The EU delegation was headed by Mr X,
  Head of ...", "co-chaired by X ... and by Y ...", "led on the EU side by X
  and on the Uzbek side by Y", "... by X, and the Cuban delegation by Y";
- subjects of an active verb: "X, who heads the Asia department, led the
  Tajik team", "X and Y co-chaired the meeting for the EU and for Ruritania
  respectively";
- an inverted opener: "Heading the EU side was X";
- the noun: "the head of the Tajik delegation, Mr X";
- a label in a box of key facts: "Co-chairs: Mr X, title; Mr Y, title" (the
  list may go on over indented lines).

Persons after "included", "accompanied by", ... are members, not heads. A
head's party comes from "respectively", else from the phrase that introduces
them when it names one party ("the delegation of Kazakhstan", "on the Uzbek
side"), else from the title ("of the European External Action Service",
"Mexico's deputy foreign minister"), else it is the party the other head does
not have (:mod:`.head_sides`). The heads go to the meetings the sentence names, or to every
one; heads after the second of two meetings not joined by "and" lead that one ("The Commission
was preceded by a meeting of the Working Group, co-chaired by X and Y").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .gates import Gate
from .gazetteer import gazetteer
from .head_sides import MEETING_WORDS, head_parties
from .lexicon import load_lexicon
from .meeting_mentions import Mention, find_mentions
from .persons import Person, find_persons, title_of
from .starts import Literals, holds_any
from .state import Analysis, HeadInfo
from .venue import fact_label

__all__ = ["run"]

_LEX = load_lexicon("delegations")
_DELEGATION = _LEX["delegation_nouns"]
# Gates (IGNORECASE run over the lowered text): group texts are sliced from the text by offsets.
_BY = Gate(
    re.compile(
        # "co-chaired, for the European Union, by X": the side between commas
        r"\b" + _LEX["head_verbs"] + r"\b(?P<mid>(?:,\s*(?:for|on)\s+[^,;.]{2,50},)?[^,;.]{0,50}?)\s*\bby\s+"
        r"|\brepresented\s+by\s+"
        r"|\bunder\s+the\s+(?:co-?)?(?:chairmanship|leadership|chair)\s+of\s+"
        # "...; the Chinese delegation by X"
        r"|(?<=;\s)(?P<subj>(?:the\s+)?[\w-]+\s+(?:delegation|side))\s+by\s+",
        re.IGNORECASE,
    )
)
_RELEVANT = re.compile(
    r"(?i)\b(?:delegations?|teams?|sides?|dialogue|meeting|session|talks|sub-?committee|sub-?group|working\s+group"
    r"|committee|commission|council|consultations|it|which|they|both)\b"
)
_ACTIVE = Gate(
    re.compile(
        r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b" + _LEX["head_verbs"] + r"\b(?![^,;.]{0,50}?\bby\b)",
        re.IGNORECASE,
    )
)
_OPENER = Gate(
    re.compile(
        r"\b" + _LEX["heading_openers"] + r"\b(?P<obj>[^,;]{0,80}?)(?:\s+(?:was|were)\s+|,\s+)",
        re.IGNORECASE,
    )
)
_NOUN = re.compile(rf"\b[Hh]eads?\s+of\s+(?P<obj>(?:the\s+)?[^,;]{{0,40}}?{_DELEGATION}s?),?\s+")
_TRIGGER = Gate(
    re.compile(
        r"\b(?:"
        + _LEX["head_verbs"]
        + r"|represented|chairmanship|leadership|"
        + _LEX["heading_openers"]
        + r"|heads?)\b",
        re.IGNORECASE,
    )
)
_TRIGGER_WORDS = Literals(_TRIGGER.pattern)
# A box of key facts: "• Co-chairs: Mr X, Ambassador ...; Mr Y, Director-General ..."
_LABEL = fact_label(
    r"(?:Co-?)?[Cc]hairs?|(?:Co-?)?[Cc]hairpersons?|Heads?\s+of\s+(?:the\s+)?[Dd]elegations?"
    r"|(?:Co-?)?[Cc]haired\s+by|[Ll]ed\s+by|[Hh]eaded\s+by"
)
_EXCLUDER = re.compile(r"\b" + _LEX["excluders"] + r"\b", re.IGNORECASE)
_BODY_LED = re.compile(
    r"\b(?:commission|committee|council|government|court|ministry|office|agency|board|panel|inquiry"
    r"|investigation|mission|coalition|organi[sz]ation|movement|institute|centre|center|body)\s*$"
)
# "..., and by Y", "... and the Uzbek side by Y", "..., and, for Tunisia, by Y"
_NEXT_IN_LIST = re.compile(
    r"\band(?:,\s*[^,;.]{2,50},)?\s+(?:[^,;.]{0,100}?\s+)?(?:by\s+)?(?:[^,;.]{0,80},\s+)?$"
)
_CONTINUED = re.compile(r"(?:[ \t]*\n[ \t]{2,}[A-Z][^\n]*)+")
_TITLE_GAP = re.compile(
    r"\s*(?:the\s+)?[A-Z][\w'’-]*(?:(?:\s+|,\s+(?=[A-Z]))(?:of|for|and|the|on|to|in|at|[A-Z][\w'’.-]*))*\s*"
)
_JOINED = re.compile(r"(?i)\s*,?\s*(?:and|as\s+well\s+as|&)\s+(?:[\w-]+\s+){0,3}")
_SIDE = re.compile(r"(?i)\b(?:on|for|from)\s+(?:the\s+)?(?P<side>[\w' -]{1,40}?)\s+side\b")
_BOUNDARY = re.compile(r",|\bwhile\b|\bwhereas\b|\band\b")
_SEMICOLON = re.compile(";")
_SEMICOLON_OR_LINE = re.compile("[;\n]")  # the items of a labelled list may stand on lines of their own
_CONTRAST = re.compile(r"\b(?:while|whereas)\b")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_AUXILIARIES = re.compile(r"(?i)\b(?:was|were|is|are|been|being|be|jointly)\b")
_WITH_AT_END = re.compile(r"(?i)\bwith\s+(?:\S+\s+){0,1}$")
_PHRASE_END = re.compile(r"[,;.]|\s(?:while|whereas)\s")  # "X led the Nepali delegation while ..."


@dataclass(frozen=True, slots=True)
class _Pick:
    person: Person
    phrase: str
    """The words that introduce this head ("The EU delegation", "and on the Uzbek side")."""
    group: int
    title_from: int


def run(doc: Analysis) -> Analysis:
    if not doc.meetings:
        return doc
    heads: dict[int, list[HeadInfo]] = {i: [] for i in range(len(doc.meetings))}
    mentions = find_mentions(doc.text, doc.sentences)
    cues = _TRIGGER_WORDS.spans(doc.text)
    for idx, s in enumerate(doc.sentences):
        label = _LABEL.match(doc.text, s.start, s.end)
        if label is not None:
            more = _CONTINUED.match(doc.text, s.end)  # the list goes on over indented lines
            found = _heads_listed(doc, label.end(), more.end() if more else s.end)
        elif s.header or not holds_any(cues, s.start, s.end) or not _TRIGGER.search(s.text):
            continue
        else:
            named = [(m.start, m.end) for m in mentions if m.sentence == idx]
            found = [h for a, b in _clauses(doc.text, s.start, s.end) for h in _heads_in(doc, a, b, named)]
        if not found:
            continue
        kinds = _kinds_led(doc.text, [m for m in mentions if m.sentence == idx and not m.negated], found)
        kinds = kinds or _last_named(doc, mentions, idx)
        targets = [i for i, m in enumerate(doc.meetings) if m.kind in kinds] or list(range(len(doc.meetings)))
        if len({doc.meetings[i].kind for i in targets}) < len(targets):  # two of a kind: the section's
            targets = [i for i in targets if idx in doc.meetings[i].sentences] or targets
        for i in targets:
            for h in found:
                heads[i] = _with_head(heads[i], h)
    if not any(heads.values()):
        return doc  # (a copy would be equal: spared)
    meetings = tuple(replace(m, heads=tuple(heads[i])) if heads[i] else m for i, m in enumerate(doc.meetings))
    return replace(doc, meetings=meetings)


def _with_head(heads: list[HeadInfo], h: HeadInfo) -> list[HeadInfo]:
    """``heads`` with ``h``, once: a surname alone and the full name are one head, named in full
    ("Baroness Carrow" in the lead, "Baroness Elspeth Carrow" in the text)."""
    for k, x in enumerate(heads):
        if x.party == h.party and (x.name == h.name or x.name.endswith(" " + h.name)):
            return heads
        if x.party == h.party and h.name.endswith(" " + x.name):
            return [*heads[:k], replace(h, title=h.title or x.title), *heads[k + 1 :]]
    return [*heads, h]


def _kinds_led(text: str, named: list[Mention], found: list[HeadInfo]) -> set[str]:
    """The kinds of meeting the sentence's heads lead: every one it names, unless the heads follow the
    last of two meetings that are not joined by "and" ("The Commission was preceded by a meeting of the
    Working Group, co-chaired by X and Y": the Working Group's)."""
    kinds = {m.kind for m in named}
    before = [m for m in named if m.end <= min(h.start for h in found)]
    if (
        len(kinds) > 1
        and len(before) > 1
        and before[-1].kind != before[-2].kind
        and not _JOINED.fullmatch(text, before[-2].end, before[-1].start)
    ):
        return {before[-1].kind}
    return kinds


def _last_named(doc: Analysis, mentions: tuple[Mention, ...], idx: int) -> set[str]:
    """The kind named alone by the last sentence before ``idx`` in its paragraph that names a
    meeting ("The Subcommittee met by video conference. The EU delegation was led by ..."); empty
    when that sentence names several meetings or none precedes (the heads are every meeting's)."""
    paragraph = doc.sentences[idx].paragraph
    named: dict[int, set[str]] = {}
    for m in mentions:
        before = doc.sentences[m.sentence]
        # a heading of its own ("Human Rights Dialogue") names the meeting of the paragraphs under it
        heading = not before.header and len(before.text) < 80 and not before.text.endswith((".", ":"))
        if m.sentence < idx and not m.negated and (before.paragraph == paragraph or heading):
            named.setdefault(m.sentence, set()).add(m.kind)
    if not named:
        return set()
    last = named[max(named)]
    return last if len(last) == 1 else set()


def _clauses(text: str, a: int, b: int, separator: re.Pattern[str] = _SEMICOLON) -> list[tuple[int, int]]:
    spans = []
    cur = a
    for m in separator.finditer(text[a:b]):
        spans.append((cur, a + m.start()))
        cur = a + m.end()
    spans.append((cur, b))
    return spans


def _heads_in(doc: Analysis, a: int, b: int, named: list[tuple[int, int]]) -> list[HeadInfo]:
    """The heads named in the clause ``text[a:b]``; ``named`` are the spans of the sentence's meeting
    mentions ("The SOM, co-chaired by X and Y")."""
    text = doc.text
    gaz = gazetteer()
    persons = find_persons(text, a, b)
    if not persons:
        return []
    picks: list[_Pick] = []
    taken: set[int] = set()
    group = 0

    def add_list(start: int, phrase: str) -> None:
        nonlocal group
        prev = start
        for i, (p, gap) in enumerate(_list_after(text, persons, start, b)):
            if p.start not in taken:
                taken.add(p.start)
                picks.append(_Pick(p, phrase if i == 0 else gap, group, prev))
            prev = p.end
        group += 1

    for m in _BY.finditer(text, a, b):
        cuts = [a] + [x.end() for x in _BOUNDARY.finditer(text, a, m.start())]
        subject = _group_text(text, m, "subj") or text[cuts[-1] : m.start()]
        if not _TWO_LETTERS.search(subject) and len(cuts) > 1:
            subject = text[cuts[-2] : m.start()]
        tail = " ".join(_AUXILIARIES.sub(" ", subject).split()[-3:])
        if (
            _BODY_LED.search(tail)
            and not MEETING_WORDS.search(subject)  # "The talks at the foreign ministry were led by X"
            and not any(gaz.find(tail))
            and not any(a <= x and y <= m.start() for x, y in named)
        ):
            continue  # "the national investigation commission led by X": a body's head, not a delegation's
        if not (
            _RELEVANT.search(tail)
            or any(gaz.find(tail))
            or _SIDE.search(text, a, m.start())
            or MEETING_WORDS.search(text, a, m.start())  # a meeting's name with commas or "and"
            or any(a <= x and y <= m.start() for x, y in named)
        ):
            continue
        side = _SIDE.search(text, a, m.start())
        add_list(m.end(), (side.group() if side else subject) + " " + (_group_text(text, m, "mid") or ""))
    for m in _OPENER.finditer(text, a, b):
        add_list(m.end(), _group_text(text, m, "obj") or "")
    for m in _NOUN.finditer(text, a, b):
        add_list(m.end(), m.group("obj"))
    last = a
    for m in _ACTIVE.finditer(text, a, b):
        # A clause of its own starts after "while" or "whereas": "X was headed by Y, while Z led ...".
        contrast = _CONTRAST.search(text, last, m.start())
        if contrast is not None:
            last = max(last, max(c.end() for c in _CONTRAST.finditer(text, last, m.start())))
        subjects = [p for p in persons if last <= p.start and p.end <= m.start() and p.start not in taken]
        participle = m.group().lower().endswith("ing")
        subjects = [p for p in subjects if not _excluded(text, last, p.start, participle)]
        obj = text[m.end() : _phrase_end(text, m.end(), b)]
        begin, last = last, m.end()
        if not subjects or subjects[0].start - begin > 160:
            continue
        if not (_RELEVANT.search(obj) or any(gaz.find(obj))):
            continue
        prev = begin
        for p in subjects:
            taken.add(p.start)
            picks.append(_Pick(p, obj if len(subjects) == 1 else "", group, prev))
            prev = p.end
        group += 1
    out: list[HeadInfo] = []
    for g in sorted({p.group for p in picks}):
        members = [p for p in picks if p.group == g]
        titles = [title_of(text, p.person, b, p.title_from) for p in members]
        parties = head_parties(doc.meetings, [p.phrase for p in members], titles, text[a:b])
        for pick, title, party in zip(members, titles, parties, strict=True):
            if party:
                out.append(HeadInfo(party, pick.person.name, title, pick.person.start, pick.person.end))
    return out


def _heads_listed(doc: Analysis, a: int, b: int) -> list[HeadInfo]:
    """The heads a label gives ("Co-chairs: X, title; Y, title"): the first person of each clause."""
    picks: list[_Pick] = []
    clauses = _clauses(doc.text, a, b, _SEMICOLON_OR_LINE)
    for x, y in clauses:
        first = next(iter(find_persons(doc.text, x, y)), None)
        if first is not None and first.start - x <= 40 and not _EXCLUDER.search(doc.text, x, first.start):
            picks.append(_Pick(first, "", 0, x))
    titles = [
        title_of(doc.text, p.person, next(y for x, y in clauses if x <= p.person.start < y), p.title_from)
        for p in picks
    ]
    parties = head_parties(doc.meetings, [p.phrase for p in picks], titles, doc.text[a:b])
    return [
        HeadInfo(party, p.person.name, title, p.person.start, p.person.end)
        for p, title, party in zip(picks, titles, parties, strict=True)
        if party
    ]


def _group_text(text: str, m: re.Match[str], name: str) -> str | None:
    """The text of group ``name`` of ``m`` as written in ``text`` (``m`` may be a match over the
    lowered text), or None when the group did not take part."""
    start, end = m.span(name)
    return text[start:end] if start >= 0 else None


def _excluded(text: str, start: int, person: int, participle: bool) -> bool:
    """An excluder ("included", "accompanied by") before the person; "with X heading ..." is allowed."""
    gap = text[start:person]
    if participle:
        gap = _WITH_AT_END.sub("", gap)
    return bool(_EXCLUDER.search(gap))


def _phrase_end(text: str, start: int, end: int) -> int:
    m = _PHRASE_END.search(text, start, end)
    return m.start() if m else end


def _list_after(text: str, persons: list[Person], start: int, end: int) -> list[tuple[Person, str]]:
    """The persons listed right after ``start`` ("X, title, and by Y, title"), with the words before each."""
    out: list[tuple[Person, str]] = []
    for p in persons:
        if p.start < start or p.start >= end:
            continue
        gap = text[out[-1][0].end if out else start : p.start]
        if not out:
            long_title = len(gap) <= 200 and _TITLE_GAP.fullmatch(gap)
            if (len(gap) > 80 and not long_title) or _EXCLUDER.search(gap):
                break  # (a long title before the name: "Director General of the ... Department Mr. X")
            out.append((p, gap))
            continue
        m = _NEXT_IN_LIST.search(gap)
        if m and not _EXCLUDER.search(m.group()):
            out.append((p, m.group()))
    return out
