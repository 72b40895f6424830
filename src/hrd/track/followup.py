"""Follow-up items: every EU call and every partner commitment, tracked until analysts close it.

:func:`items_from_series` turns the statements into items (all ``open``);
analysts set the status with a note and evidence (:func:`set_status`, which
the store persists). :func:`suggest_evidence` ranks later statements on the
same topic or provision; :func:`stale` flags items left open for N rounds
with no sign of progress.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from ..analyst import STATUSES, Status
from ..errors import InvalidInputError
from .rounds import EU, JOINT, Provision, Round, RoundRef, Series, TrackedStatement
from .stance import StanceOptions, is_critical, is_positive

__all__ = [
    "STATUSES",
    "Evidence",
    "FollowUpItem",
    "FollowUpOptions",
    "ItemKind",
    "Signal",
    "StaleItem",
    "Status",
    "items_from_series",
    "set_status",
    "stale",
    "suggest_evidence",
]

ItemKind = Literal["call", "commitment"]
#: What a later statement says about an item: a sign of progress, a repeated call, or neither.
Signal = Literal["progress", "pressed-again", "mentioned"]


@dataclass(frozen=True, slots=True)
class FollowUpOptions:
    """``commit_actors_joint``: count "both sides agreed to ..." as the partner's commitment."""

    commit_actors_joint: bool = True
    limit: int = 10
    stance: StanceOptions = field(default_factory=StanceOptions)


@dataclass(frozen=True, slots=True)
class FollowUpItem:
    """A call or commitment to follow up; ``evidence`` holds statement ids chosen by an analyst."""

    id: str
    partner: str
    kind: ItemKind
    topics: tuple[str, ...]
    provisions: tuple[Provision, ...]
    text: str | None
    round: RoundRef
    statement_id: str
    status: Status = "open"
    note: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    statement: TrackedStatement
    round: RoundRef
    score: float
    signal: Signal
    shared_topics: tuple[str, ...]
    shared_provisions: tuple[Provision, ...]


@dataclass(frozen=True, slots=True)
class StaleItem:
    item: FollowUpItem
    rounds_open: int


def _kind(s: TrackedStatement, partner: str, options: FollowUpOptions) -> ItemKind | None:
    if s.act == "call" and s.actor == EU:
        return "call"
    if s.act == "commit" and (s.actor == partner or (options.commit_actors_joint and s.actor == JOINT)):
        return "commitment"
    return None


def items_from_series(
    series: Series, options: FollowUpOptions = FollowUpOptions()
) -> tuple[FollowUpItem, ...]:
    """One open item per EU call and per partner commitment, in round order."""
    items = []
    for r in series.rounds:
        for s in r.statements:
            kind = _kind(s, series.partner, options)
            if kind is not None:
                items.append(
                    FollowUpItem(
                        id=f"{kind}:{s.id}",
                        partner=series.partner,
                        kind=kind,
                        topics=s.topics,
                        provisions=s.legal_refs,
                        text=s.text,
                        round=r.ref,
                        statement_id=s.id,
                    )
                )
    return tuple(items)


def set_status(
    item: FollowUpItem, status: Status, note: str | None = None, evidence: Iterable[str] = ()
) -> FollowUpItem:
    """The item with an analyst's status, note and evidence (statement ids)."""
    if status not in STATUSES:
        raise InvalidInputError(f"unknown follow-up status {status!r}: use one of {', '.join(STATUSES)}")
    return replace(item, status=status, note=note, evidence=tuple(evidence))


def _signal(s: TrackedStatement, item: FollowUpItem, so: StanceOptions) -> Signal:
    if is_positive(s, so) or (s.actor == item.partner and s.act in ("commit", "inform")):
        return "progress"
    if is_critical(s, so):
        return "pressed-again"
    return "mentioned"


_SIGNAL_WEIGHT: dict[Signal, float] = {"progress": 1.0, "pressed-again": 0.5, "mentioned": 0.0}


def suggest_evidence(
    item: FollowUpItem, later_rounds: Sequence[Round], options: FollowUpOptions = FollowUpOptions()
) -> tuple[Evidence, ...]:
    """Statements of rounds after the item's round on its topics or provisions, best first.

    The score adds 3 for each shared provision, the share of the item's topics
    the statement covers (0 to 1), 1 for a sign of progress (the EU welcomes or
    acknowledges, the partner commits or informs) and 0.5 for a renewed call
    or concern; ties go to the more recent round. Rounds up to and including
    the item's own round are ignored, so the whole series may be passed.
    """
    ids = [r.meeting_id for r in later_rounds]
    start = ids.index(item.round.meeting_id) + 1 if item.round.meeting_id in ids else 0
    topics, provisions = set(item.topics), set(item.provisions)
    found = []
    for pos, r in enumerate(later_rounds[start:], start=start):
        for s in r.statements:
            shared_p = tuple(p for p in s.legal_refs if p in provisions)
            shared_t = tuple(t for t in s.topics if t in topics)
            if not shared_p and not shared_t:
                continue
            signal = _signal(s, item, options.stance)
            score = 3.0 * len(shared_p) + len(shared_t) / max(len(topics), 1) + _SIGNAL_WEIGHT[signal]
            found.append((score, pos, Evidence(s, r.ref, round(score, 3), signal, shared_t, shared_p)))
    found.sort(key=lambda x: (-x[0], -x[1], x[2].statement.id))
    return tuple(e for _, _, e in found[: options.limit])


def stale(
    items: Iterable[FollowUpItem],
    rounds: Sequence[Round],
    n: int,
    options: FollowUpOptions = FollowUpOptions(),
) -> tuple[StaleItem, ...]:
    """Open items whose round lies ``n`` or more rounds back with no sign of progress since.

    ``rounds`` is the item's series (oldest first); an item whose round is not
    in it is skipped. Items an analyst marked progressing, fulfilled or dropped
    are never stale; neither is an open item for which a later round holds a
    ``progress`` signal (it awaits review, see :func:`suggest_evidence`).
    """
    if n < 1:
        raise InvalidInputError(f"a follow-up item is stale after at least 1 round, not {n}")
    ids = [r.meeting_id for r in rounds]
    out = []
    for item in items:
        if item.status != "open" or item.round.meeting_id not in ids:
            continue
        since = len(ids) - 1 - ids.index(item.round.meeting_id)
        if since < n:
            continue
        evidence = suggest_evidence(item, rounds, replace(options, limit=1 << 30))
        if not any(e.signal == "progress" for e in evidence):
            out.append(StaleItem(item, since))
    return tuple(out)
