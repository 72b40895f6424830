"""Progress and regression of a topic or legal provision across the rounds of a series.

*Progress*: the last round that took a clear stance on a subject pressed the
partner on it (concern, call), and a later round recognises it (welcome,
acknowledgement) without pressing again. *Regression* is the reverse. Mixed
rounds (pressure and recognition together) and rounds that merely discuss a
subject neither make a change nor reset the comparison.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..codes import topics as topic_list
from .rounds import RoundRef, Series, Subject, TrackedStatement, mentions
from .stance import StanceOptions, is_critical, is_positive, stance_of

__all__ = ["Change", "ProgressOptions", "changes", "subjects_of"]

Direction = Literal["progress", "regression"]


@dataclass(frozen=True, slots=True)
class ProgressOptions:
    """``subjects``: follow only these (default: every topic and provision with a stance)."""

    subjects: tuple[Subject, ...] | None = None
    include_provisions: bool = True
    stance: StanceOptions = field(default_factory=StanceOptions)


@dataclass(frozen=True, slots=True)
class Change:
    """A move of the stance on ``subject`` between two rounds, with the statements as evidence."""

    subject: Subject
    direction: Direction
    before: RoundRef
    after: RoundRef
    evidence_before: tuple[TrackedStatement, ...]
    evidence_after: tuple[TrackedStatement, ...]


def subjects_of(series: Series, options: ProgressOptions = ProgressOptions()) -> tuple[Subject, ...]:
    """Every topic (in topics.json order) and provision on which some round takes a stance."""
    if options.subjects is not None:
        return options.subjects
    so = options.stance
    stated = [s for r in series.rounds for s in r.statements if is_critical(s, so) or is_positive(s, so)]
    topics = {t for s in stated for t in s.topics}
    ordered: list[Subject] = [t.code for t in topic_list() if t.code in topics]
    ordered += sorted(topics - set(ordered))
    if options.include_provisions:
        ordered += sorted({p for s in stated for p in s.legal_refs})
    return tuple(ordered)


def _evidence(
    statements: Iterable[TrackedStatement], subject: Subject, positive: bool, so: StanceOptions
) -> tuple[TrackedStatement, ...]:
    test = is_positive if positive else is_critical
    return tuple(s for s in statements if mentions(s, subject) and test(s, so))


def changes(series: Series, options: ProgressOptions = ProgressOptions()) -> tuple[Change, ...]:
    """Every progress and regression in ``series``, in round order then subject order."""
    so = options.stance
    found: list[tuple[int, int, Change]] = []
    for k, subject in enumerate(subjects_of(series, options)):
        last: tuple[int, Literal["critical", "positive"]] | None = None
        for i, r in enumerate(series.rounds):
            stance = stance_of(r.statements, subject, so)
            if stance not in ("critical", "positive"):
                continue
            if last is not None and last[1] != stance:
                before = series.rounds[last[0]]
                direction: Direction = "progress" if stance == "positive" else "regression"
                change = Change(
                    subject,
                    direction,
                    before.ref,
                    r.ref,
                    _evidence(before.statements, subject, last[1] == "positive", so),
                    _evidence(r.statements, subject, stance == "positive", so),
                )
                found.append((i, k, change))
            last = (i, stance)
    return tuple(c for _, _, c in sorted(found, key=lambda x: (x[0], x[1])))
