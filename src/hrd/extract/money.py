"""Stage 9: money: named cooperation programmes with their amounts.

The names come from :mod:`.programme_names`. An amount in the same sentence
(:func:`.amounts.parse_money`) goes to the nearest programme of the sentence
("X, worth EUR 10 million", "€2m for the X programme"); a sentence about a
budget with no name continues the programme of the sentence before. A later
mention of a programme by the acronym defined for it is that programme.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .amounts import Money, currency_hits, parse_money
from .gates import Gate
from .lexicon import load_lexicon
from .programme_names import find_programmes, programme_triggers
from .sections import sentence_meetings, sentences_with
from .state import Analysis, ProgrammeInfo
from .triggers import lowered

__all__ = ["find_programmes", "run"]

_LEX = load_lexicon("money")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BUDGET_RE = Gate(re.compile(r"(?i)\b(?:" + _alt(_LEX["budget_cues"]) + ")"))
_LEADS_INTO_RE = re.compile(
    r"\s*(?:(?:for|to|towards|in\s+support\s+of|under)\s+)?(?:[\w-]+\s+){0,3}(?:(?:for|to)\s+(?:the\s+)?)?"
)
_TOKEN_RE = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9+&]{1,14})(?:-\d{1,2})?(?![\w-])")


def _fold(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def _merge(progs: list[ProgrammeInfo], new: ProgrammeInfo) -> list[ProgrammeInfo]:
    for k, p in enumerate(progs):
        if p.meeting != new.meeting:
            continue
        same_acr = p.acronym and new.acronym and p.acronym == new.acronym
        if (
            same_acr
            or _fold(p.name) == _fold(new.name)
            or (p.acronym and _fold(p.acronym) == _fold(new.name))
        ):
            better_name = p.name if p.name != p.acronym else new.name
            progs[k] = replace(
                p,
                name=better_name,
                acronym=p.acronym or new.acronym,
                amount=p.amount if p.amount is not None else new.amount,
                currency=p.currency or new.currency,
            )
            return progs
    return [*progs, new]


def run(doc: Analysis) -> Analysis:
    if not doc.meetings:
        return doc
    owners = sentence_meetings(doc)
    text, low = doc.text, lowered(doc.text)
    named = sentences_with(doc, [*programme_triggers(text, low, 0, len(text))])
    priced = sentences_with(doc, currency_hits(text, low, 0, len(text)))
    per_sentence = [
        find_programmes(text, s.start, s.end) if owners[si] and si in named else []
        for si, s in enumerate(doc.sentences)
    ]
    aliases = {acr: name for found in per_sentence for _, _, name, acr in found if acr and acr != name}
    progs: list[ProgrammeInfo] = []
    # The last programme of the sentence before, which a budget sentence may continue.
    previous: tuple[int, int, str, str | None] | None = None
    for si, sentence in enumerate(doc.sentences):
        if not owners[si]:
            previous = None
            continue
        names = per_sentence[si] + _alias_mentions(
            doc.text, sentence.start, sentence.end, aliases, per_sentence[si]
        )
        names.sort()
        cash = parse_money(text, sentence.start, sentence.end) if si in priced else []
        if not names and previous is not None and cash and _BUDGET_RE.search(sentence.text):
            names, cash = [previous], cash[:1]
        previous = names[-1] if names else None
        amounts: dict[int, tuple[int, Money]] = {}  # programme -> (gap, its nearest amount)
        for money in cash:
            gaps = [_gap(text, name, money) for name in names]
            nearest = min(range(len(names)), key=gaps.__getitem__, default=None)
            if nearest is None or _bracketed_for_another(text, names[nearest], money):
                continue  # "a budget support programme (EUR 28.5 million) and the X Initiative"
            if nearest not in amounts or gaps[nearest] < amounts[nearest][0]:
                amounts[nearest] = (gaps[nearest], money)
        for k, (a, b, name, acronym) in enumerate(names):
            found = amounts[k][1] if k in amounts else None
            for mi in owners[si]:
                info = ProgrammeInfo(
                    meeting=mi,
                    name=name,
                    acronym=acronym,
                    amount=found.amount if found else None,
                    currency=found.currency if found else None,
                    start=a,
                    end=b,
                )
                progs = _merge(progs, info)
    if not progs and not doc.programmes:
        return doc  # (a copy would be equal: spared)
    return replace(doc, programmes=tuple(progs))


def _alias_mentions(
    text: str, start: int, end: int, aliases: dict[str, str], found: list[tuple[int, int, str, str | None]]
) -> list[tuple[int, int, str, str | None]]:
    """Later mentions of a programme by the acronym defined for it: "BOMCA" after "... (BOMCA)"."""
    out: list[tuple[int, int, str, str | None]] = []
    if not aliases:
        return out
    for m in _TOKEN_RE.finditer(text, start, end):
        name = aliases.get(m.group(1))
        if name is not None and not any(a <= m.start() < b for a, b, _, _ in found):
            out.append((m.start(), m.end(), name, m.group(1)))
    return out


def _bracketed_for_another(text: str, name: tuple[int, int, str, str | None], money: Money) -> bool:
    """An amount in brackets belongs to the words right before the bracket: not to ``name`` unless
    the bracket follows it."""
    before = text[max(0, money.start - 2) : money.start].rstrip()
    if not before.endswith("(") or not text[money.end : money.end + 2].lstrip().startswith(")"):
        return False
    bracket = text.rfind("(", 0, money.start)
    return not (0 <= bracket - name[1] <= 3)


def _gap(text: str, name: tuple[int, int, str, str | None], money: Money) -> int:
    """How far an amount is from a programme. An amount usually follows its programme ("the X
    programme, with a budget of €8m"); one before it belongs to it only when it leads straight
    into the name ("€8m for the X programme", "a €5 million X project")."""
    if money.start >= name[1]:
        return money.start - name[1]
    gap = name[0] - money.end
    return gap if _LEADS_INTO_RE.fullmatch(text, money.end, name[0]) else 4 * gap + 1
