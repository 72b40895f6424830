"""Recurring concerns: per topic, the rounds in which the EU pressed the partner on it.

A topic is *raised* in a round when an EU statement in it expresses concern
or calls for action (or raises individual cases), see :mod:`hrd.track.stance`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..codes import topics as topic_list
from .rounds import Round, RoundRef, Series
from .stance import StanceOptions, is_critical

__all__ = [
    "RaisedTopic",
    "Recurring",
    "RecurringOptions",
    "RoundTopics",
    "raised_topics",
    "recurring",
]


@dataclass(frozen=True, slots=True)
class RecurringOptions:
    """``basis``: follow the topics the EU raised (default), or every topic discussed.

    ``skip_unreported``: a round whose readouts report no statement at all
    neither breaks a streak nor drops topics (nothing is known about it).
    """

    basis: Literal["raised", "discussed"] = "raised"
    skip_unreported: bool = True
    stance: StanceOptions = field(default_factory=StanceOptions)


@dataclass(frozen=True, slots=True)
class RaisedTopic:
    """One topic over a series: where it was raised, and its streaks."""

    topic: str
    rounds: tuple[RoundRef, ...]
    streak: int
    longest: int
    first: RoundRef
    last: RoundRef

    @property
    def count(self) -> int:
        return len(self.rounds)


@dataclass(frozen=True, slots=True)
class RoundTopics:
    """What changed in one round against the rounds before it.

    ``new``: raised for the first time in the series; ``returning``: raised
    again after at least one round without; ``dropped``: raised in the
    previous round but not in this one.
    """

    round: RoundRef
    topics: frozenset[str]
    new: frozenset[str]
    returning: frozenset[str]
    dropped: frozenset[str]


@dataclass(frozen=True, slots=True)
class Recurring:
    partner: str
    kind: str
    rounds: tuple[RoundRef, ...]
    topics: tuple[RaisedTopic, ...]
    changes: tuple[RoundTopics, ...]

    def topic(self, code: str) -> RaisedTopic | None:
        return next((t for t in self.topics if t.topic == code), None)


def raised_topics(r: Round, options: RecurringOptions = RecurringOptions()) -> frozenset[str]:
    """The topics raised (or, with ``basis="discussed"``, mentioned) in one round."""
    if options.basis == "discussed":
        return r.topics()
    return frozenset(t for s in r.statements if is_critical(s, options.stance) for t in s.topics)


def _topic_order() -> dict[str, int]:
    return {t.code: i for i, t in enumerate(topic_list())}


def recurring(series: Series, options: RecurringOptions = RecurringOptions()) -> Recurring:
    """Streaks, first and last raised, and new, returning and dropped topics for one series.

    ``streak`` is the number of consecutive rounds, ending with the latest
    counted round, in which the topic was raised (0 if not raised in it).
    Topics are sorted by current streak, then number of rounds, then the
    order of topics.json.
    """
    rounds = [r for r in series.rounds if r.statements or not options.skip_unreported]
    per_round = [raised_topics(r, options) for r in rounds]
    changes = []
    seen: set[str] = set()
    previous: frozenset[str] = frozenset()
    for r, raised in zip(rounds, per_round, strict=True):
        changes.append(
            RoundTopics(
                r.ref,
                raised,
                new=frozenset(raised - seen),
                returning=frozenset((raised & seen) - previous),
                dropped=frozenset(previous - raised),
            )
        )
        seen |= raised
        previous = raised
    found = []
    for topic in seen:
        flags = [topic in raised for raised in per_round]
        refs = tuple(r.ref for r, hit in zip(rounds, flags, strict=True) if hit)
        run = longest = 0
        for hit in flags:
            run = run + 1 if hit else 0
            longest = max(longest, run)
        found.append(RaisedTopic(topic, refs, streak=run, longest=longest, first=refs[0], last=refs[-1]))
    order = _topic_order()
    found.sort(key=lambda t: (-t.streak, -t.count, order.get(t.topic, len(order)), t.topic))
    return Recurring(series.partner, series.kind, tuple(r.ref for r in rounds), tuple(found), tuple(changes))
