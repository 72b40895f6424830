"""The EU's stance on a subject in a round: critical, positive, mixed or discussed only.

One place decides which acts count as pressure (concern, call; raise for
individual cases) and which as recognition (welcome, congratulate,
acknowledge), and whose statements count; every analysis and chart uses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .rounds import EU, JOINT, Round, Series, Subject, TrackedStatement, mentions

__all__ = [
    "STANCES",
    "Stance",
    "StanceCell",
    "StanceOptions",
    "is_critical",
    "is_positive",
    "stance_matrix",
    "stance_of",
]

Stance = Literal["critical", "positive", "mixed", "discussed"]
STANCES: tuple[Stance, ...] = ("critical", "positive", "mixed", "discussed")


@dataclass(frozen=True, slots=True)
class StanceOptions:
    """Which acts and actors make a stance.

    ``critical_actors`` press the partner (by default the EU alone: a joint
    concern about terrorism is no pressure on the partner); ``positive_actors``
    recognise a change (the EU, and both sides together).
    """

    critical_acts: frozenset[str] = frozenset({"concern", "call"})
    raise_topics: frozenset[str] = frozenset({"individual-cases"})
    positive_acts: frozenset[str] = frozenset({"welcome", "congratulate", "acknowledge"})
    critical_actors: frozenset[str] = frozenset({EU})
    positive_actors: frozenset[str] = frozenset({EU, JOINT})


DEFAULT = StanceOptions()


def is_critical(s: TrackedStatement, options: StanceOptions = DEFAULT) -> bool:
    """An EU concern or call, or the EU raising a topic of ``raise_topics`` (individual cases)."""
    if s.actor not in options.critical_actors:
        return False
    return s.act in options.critical_acts or (s.act == "raise" and bool(options.raise_topics & set(s.topics)))


def is_positive(s: TrackedStatement, options: StanceOptions = DEFAULT) -> bool:
    return s.actor in options.positive_actors and s.act in options.positive_acts


def stance_of(
    statements: Iterable[TrackedStatement], subject: Subject, options: StanceOptions = DEFAULT
) -> Stance | None:
    """The stance of ``statements`` on ``subject``; None when none of them is about it."""
    about = [s for s in statements if mentions(s, subject)]
    if not about:
        return None
    critical = any(is_critical(s, options) for s in about)
    positive = any(is_positive(s, options) for s in about)
    if critical and positive:
        return "mixed"
    if critical:
        return "critical"
    return "positive" if positive else "discussed"


@dataclass(frozen=True, slots=True)
class StanceCell:
    subject: Subject
    round: Round
    stance: Stance | None
    statements: tuple[TrackedStatement, ...]


def stance_matrix(
    series: Series, subjects: Iterable[Subject], options: StanceOptions = DEFAULT
) -> tuple[tuple[StanceCell, ...], ...]:
    """One row per subject, one cell per round of ``series``."""
    return tuple(
        tuple(
            StanceCell(
                subject,
                r,
                stance_of(r.statements, subject, options),
                tuple(s for s in r.statements if mentions(s, subject)),
            )
            for r in series.rounds
        )
        for subject in subjects
    )
