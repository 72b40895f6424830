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

from . import actors, acts, topics
from .actors import (
    Mention,
    chair_phrases,
    find_mentions,
    has_subject,
    passive_agent,
    resolve_pronoun,
    subject_of,
)
from .acts import Trigger, find_triggers, without_coordinated_that
from .anaphora import names_its_next_step, names_steps, names_these, points_back
from .clauses import split_clauses, trim
from .cues import Found, Scanner
from .gates import Gate
from .lists import LIST_INTRO, list_items, list_speaker
from .state import Analysis, HeadInfo, Sentence, StatementInfo
from .topics import acronym_matches, tag_topics

__all__ = ["run"]

# One pass over the words of a document matches every cue set of the stage.
_SCANNER = Scanner((acts.CUES, *topics.CUES, *actors.CUES))
_EMBEDS = Gate(re.compile(r"\b(?:which|whereby|where|that|whose)\b", re.IGNORECASE))
_STRONG_BREAK = re.compile(r";|,\s+(?:and|but|while)\b")
_AGREED = re.compile(r"\bagreed\b", re.IGNORECASE)  # an agreement is both sides'
_SHARED_OBJECT = re.compile(r"[\s,]*(?:(?:and|or|as\s+well\s+as)\s*)?")
_THAT_CLAUSE = re.compile(r"\s+(?:to\s+(?:the\s+)?[\w-]+\s+)?that\s+(?:[\w'’-]+\s+){1,3}", re.IGNORECASE)
_CONCERN_SUBJECT = re.compile(
    r"[\s,;]*(?:(?:and|but|while)\s+)?(?:[\w'’-]+\s+){0,3}?concerns?\b", re.IGNORECASE
)
_JOINT = Gate(
    re.compile(r"\bjoint\s+(?:press\s+(?:release|statement|communiqu[eé])|statement|communiqu[eé])", re.I)
)
# What a heading that names a side may hold besides the name ("The Chinese side", "EU delegation").
_SIDE_HEADING_REST = re.compile(r"\b(?:the|side|delegation|government|of)\b|[:\s]")
# A rubric opening the sentence: "On human rights and democracy, ...", "As regards X, ...".
_HEADING = re.compile(
    r"(?:On|As regards|As for|Regarding|Concerning|With regard to|With respect to|Turning to|"
    r"In the (?:area|field|context|framework) of|Under the (?:heading|item|chapter) of)\s[^,;:.]{1,80},\s+"
)
_ANTECEDENT = re.compile(r"\s*,?\s*")
_OPENER = re.compile(
    r"[\s\"“‘'(]*(?:(?:while|whilst|after|before|when|although|though|besides|in|by|also|further)\s+)?",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"[€$£]\s?\d|\b(?:EUR|USD|GBP)\s?\d|\b\d[\d.,]*\s*(?:million|billion|m|bn)\b", re.IGNORECASE
)
_UNCERTAIN = Gate(re.compile(r"\b(?:not\s+clear|unclear|unknown|uncertain)\s+(?:whether|if)\b[^,;]*\Z", re.I))
_NAMED_AGENT = re.compile(r"(?:\s+\w+ly)?\s+by\s+(?:the\s+)?[A-Z]")
_THE_DIALOGUE = Gate(
    re.compile(
        r"\b(?:this|the|their|our)\s+(?:next\s+)?(?:dialogue|meeting|talks|consultations|round|session)\b",
        re.I,
    )
)
_RELATIVE_BEFORE = Gate(re.compile(r"\b(?:that|which|who|whose\s+\w+)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE))
# Context after the report proper ("Background", "Notes to editors") makes no statements.
_BACKGROUND = re.compile(r"(?:Background|Notes?\s+to\s+(?:the\s+)?editors?)\s*(?::|\Z)", re.IGNORECASE)


@dataclass(slots=True)
class _Context:
    """What the stage remembers from one clause to the next within a document."""

    partner: str | None
    parties: tuple[str, ...]
    joint: bool
    issuer: str | None
    home: str = "EU"
    """The side that speaks where the text does not say who: the EU, or the first party of a
    dialogue the EU does not hold."""
    last_actor: str | None = None
    last_single: str | None = None
    last_topics: tuple[str, ...] = ()
    last_span: tuple[int, int] = (0, 0)
    before: str = ""
    """The sentence before: "It" after one about the meeting ("The Committee was chaired by ...") is both."""
    presented: tuple[str | None, tuple[str, ...]] = (None, ())
    """Who last informed or committed, and about what: "these steps" that another side welcomes."""


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    trigger: Trigger
    actor: str | None
    confidence: float
    pending: bool = False
    """A sentence-opening participle whose actor is the next clause's."""


def _actor_of(
    ctx: _Context,
    text: str,
    s: Sentence,
    mentions: list[Mention],
    span: tuple[int, int],
    trig: Trigger,
    prev: _Draft | None,
) -> tuple[str | None, float, str]:
    """Actor, confidence and how it was found: ``ok``, ``pending`` (the next clause's),
    ``inherit`` (the previous clause's) or ``skip`` (no statement)."""
    lo, hi = span
    if _UNCERTAIN.search(text, s.start, trig.start):
        return None, 0.0, "skip"  # "It was not clear whether his case was discussed."
    if trig.voice == "passive":
        agent = passive_agent(text, mentions, trig.end, hi)
        if agent is not None:
            return _code(ctx, text, mentions, agent, prev.actor if prev else None), 0.85, "ok"
    if _NAMED_AGENT.match(text, trig.end, hi) and passive_agent(text, mentions, trig.end, hi) is None:
        return None, 0.0, "skip"  # "examined by the Jogorku Kenesh", "recognised by UNHCR": another body acts
    if trig.voice == "passive":
        if _RELATIVE_BEFORE.search(text, lo, trig.start):
            return None, 0.0, "skip"  # "the blogger X, who was questioned for hours": no act of a party
        if trig.act == "discuss" or _AGREED.search(text, trig.start, trig.end):
            return "both", 0.7, "ok"
        if prev is not None and prev.actor is not None and prev.trigger.voice == "passive":
            # "Concerns were expressed by the EU, and a moratorium was requested"
            return prev.actor, 0.7, "ok"
        if ctx.joint:
            return "both", 0.7, "ok"
        if ctx.issuer and ctx.issuer == ctx.partner:
            return ctx.partner, 0.6, "ok"
        return ctx.home, 0.65, "ok"
    relative = _RELATIVE_BEFORE.search(text, lo, trig.start)
    if relative is not None:
        # "..., which supports": the antecedent is the subject; an actor only where it is one.
        antecedent = next((m for m in mentions if _ANTECEDENT.fullmatch(text, m.end, relative.start())), None)
        if antecedent is None:
            return None, 0.0, "skip"
        return _code(ctx, text, mentions, antecedent, prev.actor if prev else None), 0.75, "ok"
    if trig.voice == "ing":
        opening = _OPENER.fullmatch(text, s.start, trig.start) is not None  # "While welcoming X, the EU ..."
        if opening:
            return None, 0.8, "pending"
        if prev is None:  # "X closed the talks by condemning ...": the sentence's subject
            subject = subject_of(text, mentions, lo, trig.start)
            if subject is not None and subject.kind != "third":
                return _code(ctx, text, mentions, subject, None), 0.7, "ok"
        return None, 0.8, "inherit"
    if trig.voice == "present":  # "reports", "protests" are nouns too: only right after a subject
        subject = subject_of(text, mentions, lo, trig.start, near=True)
        if subject is None or subject.kind == "third":
            return None, 0.0, "skip"
        return _code(ctx, text, mentions, subject, prev.actor if prev else None), 0.85, "ok"
    subject = subject_of(text, mentions, lo, trig.start, near=prev is not None)
    if subject is not None:
        if subject.kind == "we" and trig.act == "discuss":
            return "both", 0.75, "ok"  # "We had a frank exchange on X," the ambassador said
        if subject.kind in ("it", "they"):
            return _code(ctx, text, mentions, subject, prev.actor if prev else None), 0.7, "ok"
        return _code(ctx, text, mentions, subject, None), 0.9, "ok"
    if trig.voice == "nominal":
        return "both", 0.8, "ok"
    if _AMOUNT.search(text, lo, trig.start):
        return None, 0.0, "skip"  # "under which EUR 4 million is committed": money is no speaker
    return None, 0.75, "inherit"


def _code(ctx: _Context, text: str, mentions: list[Mention], m: Mention, prev: str | None) -> str | None:
    if m.kind in ("party", "both"):
        return m.code
    if m.kind in ("it", "they"):
        last = (ctx.last_single if m.kind == "it" else ctx.last_actor) or ctx.home
        return resolve_pronoun(text, mentions, m, prev, last, before=ctx.before)
    if m.kind == "we":  # a joint statement's sides, else a quoted speaker or a ministry: the issuer's side
        if ctx.joint and not _in_quote(text, m.start):
            return "both"  # not "“We welcomed ...,” the ambassador said"
        return ctx.partner if ctx.issuer and ctx.issuer == ctx.partner else ctx.home
    return None  # a third party


def _in_quote(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a quotation opened earlier in its paragraph."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _sentence_statements(
    doc: Analysis,
    index: int,
    meeting: int,
    ctx: _Context,
    cues: list[Found],
    heads: tuple[HeadInfo, ...] = (),
    items: tuple[int, int] | None = None,
) -> list[StatementInfo]:
    """The statements of sentence ``index``; updates ``ctx`` for the next sentence."""
    text, s = doc.text, doc.sentences[index]
    ctx.before = doc.sentences[index - 1].text if index > 0 else ""
    act_cues, topic_cs, topic_ci, actor_cs, actor_ci = cues
    triggers = find_triggers(text, s.start, s.end, act_cues.within(s.start, s.end))

    def sentence_mentions() -> list[Mention]:
        return find_mentions(
            text,
            s.start,
            s.end,
            parties=doc.parties,
            partner=ctx.partner,
            meeting_parties=ctx.parties,
            heads=heads,
            cue_matches=(actor_cs.within(s.start, s.end), actor_ci.within(s.start, s.end)),
        )

    if not triggers:
        # "The European Union:" opens a list of what it did, and so does a heading that is only a side's
        # name ("New Zealand", "The Chinese side") over a list of what it did.
        if s.text.endswith(":") or (len(s.text) <= 40 and s.text[:1].isupper() and "." not in s.text):
            mentions = sentence_mentions()
            named = list_speaker(mentions)
            if named is not None and not s.text.endswith(":"):
                leftover = (s.text[: named.start - s.start] + s.text[named.end - s.start :]).lower()
                named = named if not _SIDE_HEADING_REST.sub("", leftover).strip() else None
            if named is not None:
                ctx.last_actor = named.code
                ctx.last_single = named.code if named.kind == "party" else ctx.last_single
        return []
    mentions = sentence_mentions()
    chairs = chair_phrases(text, s.start, s.end)
    if chairs:  # "The SOM, co-chaired by X and Y, reviewed ...": X and Y are not the subject
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in chairs)]
        topic_cs = Found(
            [m for m in topic_cs.within(s.start, s.end) if not any(a <= m[0] < b for a, b in chairs)]
        )
    # "underscored that it rejects ...": a that-clause belongs to the act verb it follows.
    triggers = [
        t
        for i, t in enumerate(triggers)
        if i == 0
        or triggers[i - 1].voice == "nominal"
        or not _THAT_CLAUSE.fullmatch(text, triggers[i - 1].end, t.start)
    ]
    triggers = without_coordinated_that(text, triggers)  # "affirmed that X, and that it rejects Y"
    # "and the importance of X was underlined": the noun phrase is the passive's subject.
    triggers = [
        t
        for i, t in enumerate(triggers)
        if not (
            t.voice == "active"
            and text.startswith("the importance", t.start)
            and i + 1 < len(triggers)
            and triggers[i + 1].voice == "passive"
            and not _STRONG_BREAK.search(text, t.end, triggers[i + 1].start)
        )
    ]
    # A present-tense form without its subject right before it is a noun ("reports of torture").
    triggers = [
        t
        for t in triggers
        if t.voice != "present" or has_subject(text, mentions, s.start, t.start, [x.start for x in triggers])
    ]
    if not triggers:
        return []
    spans = split_clauses(text, s.start, s.end, triggers, mentions)
    drafts: list[_Draft] = []
    for span, trig in zip(spans, triggers, strict=True):
        prev = drafts[-1] if drafts else None
        actor, conf, how = _actor_of(ctx, text, s, mentions, span, trig, prev)
        if how == "inherit":
            if prev is not None:
                actor, conf = prev.actor, min(conf, prev.confidence - 0.05)
            else:
                actor, conf = ctx.last_actor or ctx.home, 0.55
        if (
            trig.act == "raise"
            and trig.voice == "passive"
            and _CONCERN_SUBJECT.match(text, span[0], trig.start)
        ):
            trig = Trigger(trig.start, trig.end, "concern", trig.voice)  # "Concerns about X were raised"
        drafts.append(_Draft(span[0], span[1], trig, actor, conf, how == "pending"))
    for i in range(len(drafts) - 2, -1, -1):
        if drafts[i].pending:
            drafts[i].actor = drafts[i + 1].actor
            drafts[i].confidence = min(drafts[i].confidence, drafts[i + 1].confidence) - 0.05
    out: list[StatementInfo] = []
    prev_topics: tuple[str, ...] = ()
    tagged = []
    for d in drafts:
        hi = items[1] if items and d is drafts[-1] else d.end  # "... covered:" and its list
        lo = d.start
        heading = _HEADING.match(text, lo, d.trigger.start)
        if heading is not None:  # "On human rights and democracy, the EU ...": a rubric, not a topic
            rest = tag_topics(
                text,
                heading.end(),
                hi,
                (topic_cs.within(heading.end(), hi), topic_ci.within(heading.end(), hi)),
            )
            if rest and tag_topics(text, lo, heading.end()) == ("general",):
                lo = heading.end()
        tagged.append(tag_topics(text, lo, hi, (topic_cs.within(lo, hi), topic_ci.within(lo, hi))))
    for i, d in enumerate(drafts):
        topics, conf = tagged[i], d.confidence
        if not topics and i + 1 < len(drafts) and _SHARED_OBJECT.fullmatch(text, d.trigger.end, d.end):
            topics, conf = tagged[i + 1], conf - 0.1  # "acknowledged and welcomed X"
        elif not topics and i + 1 < len(drafts) and _EMBEDS.search(text, d.trigger.end, d.end):
            topics, conf = tagged[i + 1], conf - 0.2  # "welcomed a statement in which X committed to Y"
        if not topics and not _THE_DIALOGUE.search(
            text, d.trigger.end, d.end
        ):  # "to continuing this dialogue"
            if prev_topics:
                topics, conf = prev_topics, conf - 0.25
            elif points_back(text, d.start, d.end) and ctx.last_topics:
                topics, conf = ctx.last_topics, conf - 0.3
                who, presented = ctx.presented
                if presented and who not in (None, d.actor) and names_steps(text, d.trigger.end, d.end):
                    topics = presented  # "The EU welcomed these steps": what the other side presented
                prev_topics = topics  # "welcomed these steps and stressed ...": the next clause's too
        else:
            if ctx.last_topics and names_these(text, d.trigger.end, d.end, text[slice(*ctx.last_span)]):
                topics = tuple(dict.fromkeys(ctx.last_topics + topics))  # "welcomed these laws, as well as X"
            elif prev_topics and names_its_next_step(text, d.trigger.end, d.end):
                topics = tuple(
                    dict.fromkeys(prev_topics + topics)
                )  # "signed the Protocol and called for its ratification"
            prev_topics = topics
        if d.actor is not None:  # a clause without topics still tells who speaks ("It also ...")
            ctx.last_actor = d.actor
            if d.actor != "both":
                ctx.last_single = d.actor
        if d.actor is None or not topics:
            continue
        if d.trigger.voice in ("ing", "nominal"):
            conf -= 0.05
        if len(topics) > 3:
            conf -= 0.05
        a, b = trim(text, d.start, d.end)
        if items and d is drafts[-1] and text.startswith(":", b):
            b += 1  # "The discussions covered:" keeps the colon that opens its list
        out.append(StatementInfo(meeting, d.actor, d.trigger.act, topics, a, b, index, _clamp(conf)))
        ctx.last_topics, ctx.last_span = topics, (a, b)
        if d.trigger.act in ("inform", "commit"):
            ctx.presented = (d.actor, topics)
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
    body = next((s.start for s in doc.sentences if not s.header), len(doc.text))
    found = _SCANNER.scan(doc.text, body)
    # "the National Human Rights Council (CNDH)": each later "CNDH" carries the council's topic.
    found[1] = sorted(found[1] + acronym_matches(doc.text, sorted(found[1] + found[2]), body))
    cues = [Found(m) for m in found]
    contexts: dict[int, _Context] = {}
    statements: list[StatementInfo] = []
    for index, s in enumerate(doc.sentences):
        if _BACKGROUND.match(s.text):
            break
        if s.header:
            continue
        mi = owner.get(index, 0)
        meeting = doc.meetings[mi]
        ctx = contexts.get(mi)
        if ctx is None:
            home = "EU" if "EU" in meeting.parties or not meeting.parties else meeting.parties[0]
            partner = next((p for p in meeting.parties if p != home), None)
            ctx = contexts[mi] = _Context(partner, meeting.parties, joint, doc.issuer, home=home)
        items = list_items(doc, index, cues[0], _BACKGROUND) if LIST_INTRO.search(s.text) else None
        statements.extend(_sentence_statements(doc, index, mi, ctx, cues, meeting.heads, items))
    return replace(doc, statements=tuple(statements))
