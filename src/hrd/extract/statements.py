"""Stage: statements, the clauses whose main verb is an act.

For every body sentence of a meeting's section: find the act triggers
(:mod:`.acts`), cut the sentence into one clause per trigger
(:mod:`.clauses`), resolve each clause's actor (:mod:`.actors`) and tag its
topics (:mod:`.topics`). A clause becomes a statement when it has an actor
that is a party (or both) and at least one topic.

Actor rules: the subject before the verb; the agent after "by" for a
passive; a passive without agent is the EU's (``both`` for a discussion or
in a joint press release, the partner's when the partner issued the text);
a clause without a subject of its own continues the previous clause's actor
(a participle opening the sentence takes the next clause's); pronouns go to
an earlier party in the sentence or to the last actor. Third parties (an NGO,
the UN, a seminar participant) make no statements.

Topic rules: a clause without topics of its own (", while acknowledging
actions already taken") takes the previous clause's topics, and one that
points back ("in this respect", "these changes") those of the last statement.

Confidence starts high and drops for what is guessed (an implied actor, a
pronoun, borrowed topics) so that review can start with the least certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .actors import Mention, find_mentions, passive_agent, subject_of
from .acts import Trigger, find_triggers
from .clauses import split_clauses, trim
from .state import Analysis, MeetingInfo, Sentence, StatementInfo
from .topics import tag_topics

__all__ = ["run"]

_JOINT = re.compile(
    r"\bjoint\s+(?:press\s+(?:release|statement|communiqu[eé])|statement|communiqu[eé])", re.I
)
_ANAPHOR = re.compile(r"\b(?:these|this|those|such|them|the\s+latter)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Context:
    """What the stage remembers from one clause to the next within a document."""

    partner: str | None
    parties: tuple[str, ...]
    joint: bool
    issuer: str | None
    last_actor: str | None = None
    last_single: str | None = None
    last_topics: tuple[str, ...] = ()


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    trigger: Trigger
    actor: str | None
    confidence: float
    pending: bool = False
    """A sentence-opening participle whose actor is the next clause's."""


def _pronoun(ctx: _Context, text: str, sentence: Sentence, mentions: list[Mention], m: Mention) -> str:
    for earlier in mentions:
        if earlier.end > m.start:
            break
        if earlier.kind == "party" or (m.kind == "they" and earlier.kind == "both"):
            return earlier.code
    if m.kind == "it":
        return ctx.last_single or "EU"
    return ctx.last_actor or "EU"


def _actor_of(
    ctx: _Context, text: str, s: Sentence, mentions: list[Mention], lo: int, hi: int, trig: Trigger
) -> tuple[str | None, float, bool]:
    """Actor, confidence and whether the actor is left to the next clause."""
    if trig.voice == "passive":
        agent = passive_agent(text, mentions, trig.end, hi)
        if agent is not None:
            return _code(ctx, text, s, mentions, agent), 0.85, False
        if trig.act == "discuss" or ctx.joint:
            return "both", 0.7, False
        if ctx.issuer and ctx.issuer == ctx.partner:
            return ctx.partner, 0.6, False
        return "EU", 0.65, False
    subject = subject_of(text, mentions, lo, trig.start)
    if subject is not None:
        conf = 0.9 if subject.kind in ("party", "both") else 0.7
        return _code(ctx, text, s, mentions, subject), conf, False
    if trig.voice == "nominal":
        return "both", 0.8, False
    if not text[s.start : trig.start].strip(" \"“‘'("):
        return None, 0.75, True
    return None, 0.75, False


def _code(ctx: _Context, text: str, s: Sentence, mentions: list[Mention], m: Mention) -> str | None:
    if m.kind in ("party", "both"):
        return m.code
    if m.kind in ("it", "they"):
        return _pronoun(ctx, text, s, mentions, m)
    return None  # a third party


def _sentence_statements(
    doc: Analysis, index: int, meeting: int, ctx: _Context, heads: MeetingInfo | None = None
) -> list[StatementInfo]:
    """The statements of sentence ``index``; updates ``ctx`` for the next sentence."""
    text, s = doc.text, doc.sentences[index]
    triggers = find_triggers(text, s.start, s.end)
    if not triggers:
        return []
    mentions = find_mentions(
        text,
        s.start,
        s.end,
        parties=doc.parties,
        partner=ctx.partner,
        meeting_parties=ctx.parties,
        heads=heads.heads if heads else (),
    )
    spans = split_clauses(text, s.start, s.end, triggers, mentions)
    drafts: list[_Draft] = []
    for (lo, hi), trig in zip(spans, triggers, strict=True):
        actor, conf, pending = _actor_of(ctx, text, s, mentions, lo, hi, trig)
        subjectless = actor is None and not pending and subject_of(text, mentions, lo, trig.start) is None
        if subjectless:
            if drafts:
                actor, conf = drafts[-1].actor, min(conf, drafts[-1].confidence - 0.05)
            else:
                actor, conf = ctx.last_actor or "EU", 0.55
        drafts.append(_Draft(lo, hi, trig, actor, conf, pending))
    for i in range(len(drafts) - 2, -1, -1):
        if drafts[i].pending:
            drafts[i].actor = drafts[i + 1].actor
            drafts[i].confidence = min(drafts[i].confidence, drafts[i + 1].confidence) - 0.05
    out: list[StatementInfo] = []
    prev_topics: tuple[str, ...] = ()
    for d in drafts:
        topics = tag_topics(text, d.start, d.end)
        conf = d.confidence
        if not topics:
            if prev_topics:
                topics, conf = prev_topics, conf - 0.25
            elif _ANAPHOR.search(text, d.start, d.end) and ctx.last_topics:
                topics, conf = ctx.last_topics, conf - 0.3
        else:
            prev_topics = topics
        if d.actor is None or not topics:
            continue
        if d.trigger.voice in ("ing", "nominal"):
            conf -= 0.05
        if len(topics) > 3:
            conf -= 0.05
        a, b = trim(text, d.start, d.end)
        out.append(StatementInfo(meeting, d.actor, d.trigger.act, topics, a, b, index, _clamp(conf)))
        ctx.last_actor = d.actor
        if d.actor != "both":
            ctx.last_single = d.actor
        ctx.last_topics = topics
    return out


def _clamp(x: float) -> float:
    return round(min(0.99, max(0.05, x)), 3)


def run(doc: Analysis) -> Analysis:
    if not doc.meetings:
        return replace(doc, statements=())
    owner: dict[int, int] = {}
    for mi, m in enumerate(doc.meetings):
        for si in m.sentences:
            owner.setdefault(si, mi)
    joint = bool(_JOINT.search(doc.text))
    contexts: dict[int, _Context] = {}
    statements: list[StatementInfo] = []
    for index, s in enumerate(doc.sentences):
        if s.header:
            continue
        mi = owner.get(index, 0)
        meeting = doc.meetings[mi]
        ctx = contexts.get(mi)
        if ctx is None:
            partner = next((p for p in meeting.parties if p != "EU"), None)
            ctx = contexts[mi] = _Context(partner, meeting.parties, joint, doc.issuer)
        statements.extend(_sentence_statements(doc, index, mi, ctx, meeting))
    return replace(doc, statements=tuple(statements))
