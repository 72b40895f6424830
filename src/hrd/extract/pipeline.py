"""The extraction pipeline: its stages, in order, registered in one place.

Stages (each a pure function ``Analysis -> Analysis`` in its own module):

 1. ``segment``     text -> title, sentences with offsets, language
 2. ``dates``       dateline and publication date; every date mention, resolved
 3. ``places``      parties (countries, EU, organisations), cities, the issuer
 4. ``meetings``    the meetings the document reports as held: kind, name,
                    parties, ordinal, dates, format, place, and the sentences
                    that report on each
 5. ``delegations`` the head of each delegation, with title
 6. ``statements``  clauses whose main verb is an act: actor, act, topics, span
 7. ``legal``       the legal provisions each statement cites (and the topics
                    of thematic instruments)
 8. ``cases``       individual cases raised, lists handed over, names (and
                    a statement that names a case is about individual cases)
 9. ``money``       programmes with amount and currency
10. ``events``      upcoming dated events (elections, summits)
11. ``next_round``  where and when the next round is held

Each stage declares the ``Analysis`` fields it ``requires`` and ``produces``;
:func:`check_order` verifies at import time that every requirement is
produced by an earlier stage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .state import Analysis

__all__ = ["STAGES", "Stage", "check_order", "run"]

BASE_FIELDS = frozenset({"text", "published_hint", "source"})


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: Callable[[Analysis], Analysis]
    requires: frozenset[str]
    produces: frozenset[str]


def _stages() -> tuple[Stage, ...]:
    from . import (
        cases,
        dates,
        delegations,
        events,
        legal,
        meetings,
        money,
        next_round,
        places,
        segment,
        statements,
    )

    def stage(name: str, func: Callable[[Analysis], Analysis], requires: str, produces: str) -> Stage:
        return Stage(name, func, frozenset(requires.split()), frozenset(produces.split()))

    return (
        stage("segment", segment.run, "text", "title sentences language"),
        stage("dates", dates.run, "text sentences published_hint", "published dates"),
        stage("places", places.run, "text sentences", "parties places issuer"),
        stage("meetings", meetings.run, "sentences dates parties places published", "meetings"),
        stage("delegations", delegations.run, "sentences parties meetings", "meetings.heads"),
        stage("statements", statements.run, "sentences parties meetings", "statements"),
        stage("legal", legal.run, "statements", "statements.legal_refs statements.topics"),
        stage("cases", cases.run, "sentences statements meetings", "cases statements.topics"),
        stage("money", money.run, "sentences meetings", "programmes"),
        stage("events", events.run, "sentences dates meetings", "events"),
        stage("next_round", next_round.run, "sentences dates places meetings", "meetings.next"),
    )


def check_order(stages: tuple[Stage, ...]) -> None:
    """Raise ``ValueError`` if a stage requires a field no earlier stage produces."""
    available = set(BASE_FIELDS)
    for st in stages:
        missing = st.requires - available
        if missing:
            raise ValueError(f"stage {st.name!r} requires {sorted(missing)} before it is produced")
        available |= st.produces
        available |= {p.split(".", 1)[0] for p in st.produces}


STAGES: tuple[Stage, ...] = _stages()
check_order(STAGES)


def run(analysis: Analysis, stages: tuple[Stage, ...] = STAGES) -> Analysis:
    """Run ``stages`` in order over ``analysis``."""
    for st in stages:
        analysis = st.func(analysis)
    return analysis
