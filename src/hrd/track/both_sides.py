"""Both sides: what the EU's readout of a meeting reports that the partner's does not, and back.

A round reported by documents of different issuers (``EU`` and the partner's
code) is compared on topics and on acts, an act being (actor, act, topic) as
the scorer counts statements. Documents of third parties (issuer None) and
rounds reported by one side only give no comparison.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .rounds import EU, Round, RoundRef, Series, TrackedStatement

__all__ = ["ActKey", "SideReport", "SidesComparison", "compare_series", "compare_sides"]

#: (actor, act, topic): one reported act about one topic.
ActKey = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class SideReport:
    """What one side reports; ``only_*`` is what the other side leaves out."""

    issuer: str
    documents: tuple[str, ...]
    topics: frozenset[str]
    acts: frozenset[ActKey]
    only_topics: frozenset[str]
    only_acts: frozenset[ActKey]
    only_statements: tuple[TrackedStatement, ...]


@dataclass(frozen=True, slots=True)
class SidesComparison:
    round: RoundRef
    eu: SideReport
    partner: SideReport

    @property
    def shared_topics(self) -> frozenset[str]:
        return self.eu.topics & self.partner.topics

    @property
    def agree(self) -> bool:
        return not (
            self.eu.only_topics or self.eu.only_acts or self.partner.only_topics or self.partner.only_acts
        )


def _acts(statements: Iterable[TrackedStatement]) -> frozenset[ActKey]:
    return frozenset((s.actor, s.act, t) for s in statements for t in s.topics)


def _side(
    issuer: str, docs: tuple[str, ...], mine: list[TrackedStatement], theirs: list[TrackedStatement]
) -> SideReport:
    topics = frozenset(t for s in mine for t in s.topics)
    other_topics = frozenset(t for s in theirs for t in s.topics)
    acts, other_acts = _acts(mine), _acts(theirs)
    only_acts = acts - other_acts
    return SideReport(
        issuer,
        docs,
        topics,
        acts,
        topics - other_topics,
        only_acts,
        tuple(s for s in mine if _acts([s]) & only_acts),
    )


def compare_sides(r: Round) -> SidesComparison | None:
    """The comparison of one round's EU and partner readouts; None unless both sides reported it."""
    eu_docs = tuple(s.document_id for s in r.sources if s.issuer == EU)
    partner_docs = tuple(s.document_id for s in r.sources if s.issuer == r.partner)
    if not eu_docs or not partner_docs:
        return None
    eu = [s for s in r.statements if s.document_id in eu_docs]
    partner = [s for s in r.statements if s.document_id in partner_docs]
    return SidesComparison(
        r.ref, _side(EU, eu_docs, eu, partner), _side(r.partner, partner_docs, partner, eu)
    )


def compare_series(series: Series) -> tuple[SidesComparison, ...]:
    """Every round of ``series`` that both sides reported, oldest first."""
    return tuple(c for c in (compare_sides(r) for r in series.rounds) if c is not None)
