"""A partner's benchmarks, each assessed over its stored series with the analysts' overrides applied.

The definitions, the analysts' settings and their history are the store's
(:mod:`hrd.store.benchmarks`); the assessment is the pure
:func:`hrd.track.benchmarks.assess`, run over the series the store builds
(:func:`hrd.store.tracking.load_series`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...store.benchmarks import AssessmentEntry, assessment_history, defined_benchmarks, overrides_of
from ...store.tracking import SeriesFilter, load_series
from ..benchmarks import BenchmarkStatus, assess

__all__ = ["BenchmarkView", "benchmark_views"]


@dataclass(frozen=True, slots=True)
class BenchmarkView:
    """A benchmark, every round assessed (overrides applied), and the analysts' settings."""

    status: BenchmarkStatus
    history: list[AssessmentEntry]
    who: str
    at: dt.datetime


def benchmark_views(*, partner: str, session: Session) -> list[BenchmarkView]:
    """The benchmarks of ``partner``, each assessed over its series (a series without rounds: no rounds)."""
    defined = defined_benchmarks(partner=partner, session=session)
    series = {
        (s.partner, s.kind): s for s in load_series(session=session, filters=SeriesFilter(partner=partner))
    }
    history = assessment_history(session=session, benchmark_ids=[int(d.benchmark.id) for d in defined])
    overrides = overrides_of(history)
    views = []
    for d in defined:
        benchmark = d.benchmark
        found = series.get((benchmark.partner, benchmark.kind))
        status = assess(benchmark, found, overrides) if found else BenchmarkStatus(benchmark, ())
        mine = [h for h in history if h.benchmark_id == benchmark.id]
        views.append(BenchmarkView(status, mine, d.who, d.at))
    return views
