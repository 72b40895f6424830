"""Topic tagging: the topics of topics.json that a clause is about.

Cue terms per topic come from ``lexicons/topics.json``. Longer cues win over
shorter ones, and each piece of text is used by one cue only, so "human
rights defenders" gives ``defenders`` and not also ``general``, and "electoral
reform" gives ``elections`` and not also ``reforms``. 'Null' cues use up text
that names no topic ("Human Rights Dialogue", "Association Agreement").
An acronym defined after a cue ("the National Human Rights Council (CNDH)")
carries that cue's topic wherever the text uses it later (:func:`acronym_matches`).
Pseudo-topics are decided by the clause's other topics: a bare "human rights"
is ``general`` where it is one item of a list ("on human rights, on
reconciliation"; "...; human rights within the justice system") or where
the clause has no narrower topic, but nothing where it only qualifies another
subject ("the impact of the pandemic on human rights"); the ILO is
``labour`` unless the clause is about forced labour; ODIHR is
``regional-mechanisms`` unless it is about elections; the Human Rights Council
is ``multilateral`` unless the clause is about UN mechanisms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import Match, compile_cues
from .lexicon import load_lexicon

__all__ = ["CUES", "TOPIC_ORDER", "acronym_matches", "tag_topics"]

_LEX = load_lexicon("topics")
_NULL = ""


def _cues(mode: str) -> list[tuple[str, str]]:
    out = [(p, key) for key, modes in _LEX["topics"].items() for p in modes[mode]]
    out += [(p, _NULL) for p in _LEX["null"][mode]]
    return out


CUES = (
    compile_cues(_cues("cs"), ignore_case=False, after_hyphen=True),
    compile_cues(_cues("ci"), after_hyphen=True),
)
"""The case-sensitive and the case-insensitive topic cues (for a :class:`~.cues.Scanner`)."""
_TRANSPARENT = frozenset(_LEX["transparent"])
_HR = "@hr"
_LIST_ITEM = re.compile(r"\s*(?:[,;.)]|(?:and|or)\s|\Z)")
_ITEM_START = re.compile(r"[;:]\s*(?:the\s+)?\Z")  # "...; human rights within the justice system"
# "the link between climate change and human rights", "the impact of the pandemic on human rights":
# human rights only qualify a subject that has a topic of its own.
_QUALIFIES = re.compile(
    r"(?:\bbetween\s|\b(?:impacts?|effects?|implications|consequences|influence|link)\s+(?:of\s|on\s)?)"
    r"[^,;:.()]{1,60}?\s(?:and|on|for)\s+\Z",
    re.IGNORECASE,
)
_PSEUDO: dict[str, dict[str, object]] = _LEX["pseudo"]
TOPIC_ORDER: tuple[str, ...] = tuple(
    dict.fromkeys(code for key in _LEX["topics"] if not key.startswith("@") for code in key.split("+"))
)


def tag_topics(
    text: str,
    start: int = 0,
    end: int | None = None,
    found: tuple[Sequence[Match], Sequence[Match]] | None = None,
) -> tuple[str, ...]:
    """The topic codes of ``text[start:end]``, in order of first mention (from ``found``, the
    matches of the two :data:`CUES` sets there, when the caller has them)."""
    if found is None:
        found = (list(CUES[0].finditer(text, start, end)), list(CUES[1].finditer(text, start, end)))
    taken: list[tuple[int, int]] = []
    keys: list[str] = []
    for a, b, key in found[0]:
        if key not in _TRANSPARENT:
            taken.append((a, b))
        keys.append(key)
    stop = len(text) if end is None else end
    for a, b, key in found[1]:
        if any(a < y and x < b for x, y in taken):
            continue
        if key == _HR and _QUALIFIES.search(text, max(0, a - 80), a):
            continue
        if key == _HR and (_LIST_ITEM.match(text[b:stop]) or _ITEM_START.search(text, max(0, a - 12), a)):
            key = "general"  # human rights as one item of a list, or the clause's last word
        keys.append(key)
    topics: list[str] = []
    pseudo: list[str] = []
    for key in keys:
        if key.startswith("@"):
            pseudo.append(key)
        elif key:
            topics.extend(key.split("+"))
    real = set(topics)
    for key in pseudo:
        rule = _PSEUDO[key]
        unless = rule.get("unless", [])
        assert isinstance(unless, list)
        if (rule.get("unless_any") and real) or real.intersection(unless):
            continue
        topic = rule["topic"]
        assert isinstance(topic, str)
        topics.append(topic)
    return tuple(dict.fromkeys(topics))


_DEFINED = re.compile(r"\s*\((?:the\s+)?([A-Z][A-Za-z]{1,9})\)")
_NAME_GAP = re.compile(r"(?:\s+(?:[A-Z][\w'’-]*|of|for|on|and|the))*")


def acronym_matches(text: str, found: Sequence[Match], start: int = 0) -> list[Match]:
    """Matches for the later uses of acronyms that the text defines right after a cue of ``found``
    (the text's topic cue matches, in order): "the National Human Rights Council (CNDH)" makes each
    later "CNDH" a match of the council's topic."""
    out: list[Match] = []
    for _, b, key in found:
        if not key or b < start:
            continue
        gap = _NAME_GAP.match(text, b)
        d = _DEFINED.match(text, gap.end() if gap else b)
        if d is None or d.group(1).isdigit():
            continue
        acronym = d.group(1)
        i = text.find(acronym, d.end())
        while i >= 0:
            j = i + len(acronym)
            if not (text[i - 1 : i].isalnum() or text[j : j + 1].isalnum()):
                out.append((i, j, key))
            i = text.find(acronym, j)
    return sorted(out)
