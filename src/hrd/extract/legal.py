"""Stage: the legal provisions each statement cites.

:func:`find_legal_refs` finds the references of a stretch of text: every
instrument mention (:mod:`.legal_mentions`) and every article number, linked
to the instrument they belong to ("Article 274 of the Criminal Code",
"Criminal Code Article 274", or a bare "(Articles 131 and 378)" carried from
the citation just before). An instrument cited without an article gives a
reference with a null article. Draft laws, informal names ("so-called") and
instruments only celebrated (an anniversary) are no references.

:func:`run` attaches each reference to the statement whose span contains it,
else to the nearest statement of the same sentence; references in sentences
without statements are dropped. A statement citing a thematic instrument
(the CRPD, CAT, CEDAW, ...) gets its topic too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from .legal_mentions import Mention, find_mentions
from .lexicon import load_lexicon
from .state import Analysis, LegalRefInfo, StatementInfo
from .triggers import find_words, in_windows, lowered, windows

__all__ = ["find_legal_refs", "run"]

_MAX_ITEMS = 15
"""List items looked back over for the sentence that introduces them."""

_LEX = load_lexicon("legal")
# An article number, with a letter suffix ("295-B", "10A", "5-bis", "144 bis") and sub-paragraphs ("19(3)").
_NUM = (
    r"\d+(?:[.-]\d+)*(?:[- ]?(?:bis|ter|quater)(?!\w)|-[A-Za-z]{1,2}|[A-Z])?"
    r"(?:\((?:\d+|[a-z]{1,2})\))*[a-z]?(?!\w)"
)
_ART_KW = r"(?:[Aa]rticles?|[Aa]rts?\.|[Ss]ections?|[Ss]ecs?\.|§§?)"
# A parenthesis or quotation naming the offence after an article number: "Article 274 ('false information')".
_NOTE = r"(?:\s*(?:\([^()]{1,80}\)|[\"“][^\"”]{1,80}[\"”]))?"
_PARA = r"(?:[Pp]aragraphs?|[Pp]aras?\.?)"
# An article and its paragraph: "Article 19, paragraph 3" gives "19(3)".
_ITEM = rf"{_NUM}(?:,?\s+{_PARA}\s*\d+(?!\w))?"
_ARTICLES_RE = re.compile(
    rf"(?:\b{_PARA}\s*(\d+)\s+of\s+)?"  # "paragraph 5 of Article 21" gives "21(5)"
    rf"\b{_ART_KW}\s*({_ITEM}{_NOTE}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+(?:and|or|to)\s+|\s*&\s*)"
    rf"(?:{_ART_KW}\s*)?{_ITEM}{_NOTE})*)"
)
_NOTE_RE = re.compile(r"\([^()]*\)|[\"“][^\"”]*[\"”]")
_ITEM_RE = re.compile(rf"({_NUM})(?:,?\s+{_PARA}\s*(\d+))?")
_ARTICLE_WORDS = (
    "article",
    "articles",
    "art",
    "arts",
    "section",
    "sections",
    "sec",
    "secs",
    "§",
    "§§",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
)
_GAP_AFTER_RE = re.compile(rf"{_NOTE}\s*(?:,\s*)?(?:(?:of|under|in)\s+(?:[\w'’-]+\s+){{0,3}})?")
_GAP_BEFORE_RE = re.compile(r"(?:['’]s)?\s*[,(]?\s*")
_CARRY_CHARS = 300
_PARAGRAPH_RE = re.compile(r"\n\s*\n")
_SEP = r"[^\w.;:!?]+"
_NOT_REF_RE = re.compile(
    r"(?i)\b(?:"
    + "|".join(re.escape(w) for w in _LEX["not_ref_before"])
    + rf"){_SEP}(?:[\w'’-]+{_SEP}){{0,3}}$"
)
_ANNIVERSARY_RE = re.compile("(?i)" + "|".join(_LEX["anniversary"]))
_SEGMENT_END = ",;.:!?()"
# The topic of a thematic instrument: a statement that cites it is about that topic too.
_TOPICS: dict[str, str] = _LEX["topics"]
# The topic of a domestic law by its name: "Civil Society Organizations Proclamation" -> association.
_NAME_TOPICS = [(re.compile(rf"(?i)\b(?:{rx})\b"), topic) for topic, rx in _LEX["name_topics"].items()]


_ARTICLE_TOPICS: dict[str, dict[str, str]] = _LEX["article_topics"]
_ARTICLE_NUMBER = re.compile(r"\d+")


def _topic(instrument: str, article: str | None = None) -> str | None:
    """The topic a reference gives its statement: its article's ("Article 19 of the ICCPR" is
    expression), else its instrument's (the CAT is torture; "the Law on NGOs" is association)."""
    number = _ARTICLE_NUMBER.match(article) if article else None
    topic = _ARTICLE_TOPICS.get(instrument, {}).get(number.group()) if number else None
    if topic is None:
        topic = _TOPICS.get(instrument)
    if topic is None:
        topic = next((t for rx, t in _NAME_TOPICS if rx.search(instrument)), None)
    return topic


def _segment(text: str, start: int, end: int) -> str:
    """The comma-delimited stretch of text around ``text[start:end]`` (a line break inside a
    paragraph, as in hard-wrapped text, does not end it; a blank line does)."""
    a = max(max(text.rfind(c, 0, start) for c in _SEGMENT_END), text.rfind("\n\n", 0, start) + 1) + 1
    bs = [i for i in (*(text.find(c, end) for c in _SEGMENT_END), text.find("\n\n", end)) if i >= 0]
    return text[a : min(bs) if bs else len(text)]


def _is_ref(text: str, m: Mention) -> bool:
    if _NOT_REF_RE.search(text, max(0, m.start - 60), m.start):
        return False
    return not _ANNIVERSARY_RE.search(_segment(text, m.start, m.end))


# A break between an article and a law after it that is more than a wrapped line's: a blank line,
# or a list item starting.
_LINE_BREAK_RE = re.compile(r"\n\s*(?:\n|[•·▪‣◦*]|[-–—]\s|\d{1,2}[.)]\s)")


def _link(text: str, a0: int, a1: int, mentions: Sequence[Mention], starts: list[int]) -> int | None:
    """The index of the mention an article list at ``[a0, a1)`` belongs to."""
    i = bisect.bisect_left(starts, a1)
    if i < len(mentions):
        gap = _GAP_AFTER_RE.fullmatch(text, a1, mentions[i].start)
        if gap is not None and not _LINE_BREAK_RE.search(text, a1, mentions[i].start):
            return i
    j = bisect.bisect_right(starts, a0) - 1
    # Back over mentions that name nothing: "the Cybercrime Law (Law No. 17 of 2023) ... its Articles 15".
    while j >= 0 and (mentions[j].end > a0 or not mentions[j].instruments):
        j -= 1
    if j < 0:
        return None
    prev = mentions[j]
    if _GAP_BEFORE_RE.fullmatch(text, prev.end, a0):
        return j
    if a0 - prev.end <= _CARRY_CHARS and not _PARAGRAPH_RE.search(text, prev.end, a0):
        return j
    return None


def find_legal_refs(text: str, start: int, end: int) -> list[LegalRefInfo]:
    """The legal references cited in ``text[start:end]``, in text order, with absolute spans."""
    mentions = find_mentions(text, start, end)
    starts = [m.start for m in mentions]
    keep = [_is_ref(text, m) for m in mentions]
    used = [False] * len(mentions)
    refs: list[LegalRefInfo] = []
    hits = find_words(lowered(text), _ARTICLE_WORDS, start, end)
    for a in in_windows(_ARTICLES_RE, text, windows(text, hits, start, end, 0, 160)):
        if any(m.start <= a.start() < m.end for m in mentions):
            continue
        i = _link(text, a.start(), a.end(), mentions, starts)
        if i is None:
            continue
        used[i] = True
        if not keep[i]:
            continue
        m = mentions[i]
        notes = [(x.start(), x.end()) for x in _NOTE_RE.finditer(text, a.start(2), a.end(2))]
        items = [n for n in _ITEM_RE.finditer(text, a.start(2), a.end(2)) if not _inside(n.start(), notes)]
        for n in items:  # (a number inside a note is none: "Article 274 (adopted in 2014)")
            para = n.group(2) or (a.group(1) if len(items) == 1 else None)
            article = f"{n.group(1)}({para})" if para else n.group(1)
            lo, hi = (
                (min(a.start(), m.start), max(a.end(), m.end)) if _adjacent(a, m) else (n.start(), n.end())
            )
            refs.extend(LegalRefInfo(inst, article, lo, hi) for inst in m.instruments)
    for m, ok, linked in zip(mentions, keep, used, strict=True):
        if ok and not linked:
            refs.extend(LegalRefInfo(inst, None, m.start, m.end) for inst in m.instruments)
    return sorted(refs, key=lambda r: (r.start, r.end))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(x <= pos < y for x, y in spans)


def _adjacent(a: re.Match[str], m: Mention) -> bool:
    return m.start - a.end() < 40 and a.start() - m.end < 40


def _attach(refs: list[LegalRefInfo], doc: Analysis) -> dict[int, list[LegalRefInfo]]:
    """Statement index -> the references that belong to it."""
    sent_starts = [s.start for s in doc.sentences]
    by_sentence: dict[int, list[int]] = {}
    for k, st in enumerate(doc.statements):
        by_sentence.setdefault(st.sentence, []).append(k)
    out: dict[int, list[LegalRefInfo]] = {}
    for ref in refs:
        si = bisect.bisect_right(sent_starts, ref.start) - 1
        if si < 0 or ref.start >= doc.sentences[si].end or doc.sentences[si].header:
            continue
        cands = by_sentence.get(si) or _list_intro(doc, by_sentence, si)
        if not cands:
            continue
        best = min(cands, key=lambda k: _distance(doc.statements[k], ref))
        out.setdefault(best, []).append(ref)
    return out


def _list_intro(doc: Analysis, by_sentence: dict[int, list[int]], si: int) -> list[int]:
    """For a list item without statements of its own, the last statement of the sentence that
    introduces the list ("The EU raised the following issues:"), if any."""
    for j in range(si - 1, max(-1, si - _MAX_ITEMS - 1), -1):
        s = doc.sentences[j]
        if s.header:
            return []
        if j in by_sentence:
            return by_sentence[j][-1:] if s.text.rstrip().endswith(":") else []
    return []


def _distance(st: StatementInfo, ref: LegalRefInfo) -> int:
    if st.start <= ref.start < st.end:
        return 0
    return st.start - ref.start if ref.start < st.start else ref.start - st.end + 1


def run(doc: Analysis) -> Analysis:
    if not doc.statements:
        return doc
    refs = find_legal_refs(doc.text, 0, len(doc.text))
    found = _attach(refs, doc)
    if not found:
        return doc  # (a copy would be equal: spared)
    statements = list(doc.statements)
    for k, extra in found.items():
        seen = {(r.instrument, r.article) for r in statements[k].legal_refs}
        merged = list(statements[k].legal_refs)
        for r in extra:
            if (r.instrument, r.article) not in seen:
                seen.add((r.instrument, r.article))
                merged.append(r)
        topics = statements[k].topics + tuple(
            t for t in dict.fromkeys(_topic(r.instrument, r.article) for r in merged) if t is not None
        )
        statements[k] = replace(statements[k], legal_refs=tuple(merged), topics=tuple(dict.fromkeys(topics)))
    return replace(doc, statements=tuple(statements))
