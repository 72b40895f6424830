"""Benchmarks in the store: define them per dialogue series, override a round's assessment, with history.

A benchmark is a topic or a legal provision of one series (partner and
meeting kind) and the change analysts expect. Rounds are assessed by
:func:`hrd.track.benchmarks.assess` (over the stored series, in
:mod:`hrd.track.views.benchmarks`); an analyst may set any round's result
(:func:`set_assessment`), and every such setting stays in the history (the
latest one per round applies; a setting without a result clears it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast, get_args

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..analyst import RESULTS, Benchmark, Override, Result
from ..codes import topic_codes
from ..errors import InvalidInputError, NotFoundError
from ..record import MeetingKind
from ..series import Provision, Subject
from .followup_tables import AssessmentRow, BenchmarkRow
from .tables import MeetingRow
from .tables import Series as SeriesRow

__all__ = [
    "AssessmentEntry",
    "DefinedBenchmark",
    "add_benchmark",
    "assessment_history",
    "defined_benchmarks",
    "get_benchmark",
    "list_benchmarks",
    "overrides_of",
    "set_assessment",
]


@dataclass(frozen=True, slots=True)
class AssessmentEntry:
    """An analyst's setting of one round's result (``result`` None: back to the computed one)."""

    benchmark_id: str
    meeting_id: str
    result: Result | None
    note: str | None
    who: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class DefinedBenchmark:
    """A benchmark as an analyst defined it: who and when."""

    benchmark: Benchmark
    who: str
    at: dt.datetime


def _benchmark(row: BenchmarkRow) -> Benchmark:
    subject: Subject = (
        row.topic if row.topic is not None else Provision(row.instrument or "", row.article or None)
    )
    return Benchmark(str(row.id), row.partner, cast(MeetingKind, row.kind), subject, row.change, row.note)


def add_benchmark(
    *,
    partner: str,
    kind: str,
    subject: Subject,
    change: str,
    who: str,
    session: Session,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> Benchmark:
    """Define a benchmark for the ``partner`` ``kind`` series (which need not have a round yet)."""
    code = partner.strip().upper()
    if not code:
        raise InvalidInputError("a benchmark needs a partner")
    if kind not in get_args(MeetingKind):
        raise InvalidInputError(
            f"unknown meeting kind {kind!r}: use one of {', '.join(get_args(MeetingKind))}"
        )
    if not change.strip():
        raise InvalidInputError("a benchmark needs the expected change")
    if not who.strip():
        raise InvalidInputError("say who defines the benchmark")
    row = BenchmarkRow(partner=code, kind=kind, change=change.strip(), note=note or None, who=who)
    if isinstance(subject, Provision):
        if not subject.instrument.strip():
            raise InvalidInputError("a provision needs an instrument")
        row.instrument, row.article = subject.instrument.strip(), (subject.article or "").strip() or None
    else:
        if subject not in topic_codes():
            raise InvalidInputError(f"unknown topic {subject!r}")
        row.topic = subject
    row.at = now or dt.datetime.now(dt.UTC)
    session.add(row)
    session.flush()
    return _benchmark(row)


def get_benchmark(*, benchmark_id: int, session: Session) -> Benchmark:
    row = session.get(BenchmarkRow, benchmark_id)
    if row is None:
        raise NotFoundError(f"no benchmark {benchmark_id}")
    return _benchmark(row)


def list_benchmarks(*, session: Session, partner: str | None = None) -> list[Benchmark]:
    """The benchmarks (of one partner), oldest first."""
    query = select(BenchmarkRow).order_by(BenchmarkRow.id)
    if partner:
        query = query.where(BenchmarkRow.partner == partner.strip().upper())
    return [_benchmark(r) for r in session.scalars(query)]


def set_assessment(
    *,
    benchmark_id: int,
    meeting_id: int,
    result: str | None,
    who: str,
    session: Session,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> AssessmentEntry:
    """Set (or, with ``result`` None, clear) an analyst's result for one round of a benchmark."""
    benchmark = session.get(BenchmarkRow, benchmark_id)
    if benchmark is None:
        raise NotFoundError(f"no benchmark {benchmark_id}")
    if result is not None and result not in RESULTS:
        raise InvalidInputError(f"unknown result {result!r}: use one of {', '.join(RESULTS)}")
    if not who.strip():
        raise InvalidInputError("say who assesses the round")
    series = session.execute(
        select(SeriesRow.partner, SeriesRow.kind)
        .join(MeetingRow, MeetingRow.series_id == SeriesRow.id)
        .where(MeetingRow.id == meeting_id)
    ).first()
    if series is None:
        raise NotFoundError(f"no meeting {meeting_id}")
    if tuple(series) != (benchmark.partner, benchmark.kind):
        raise InvalidInputError(
            f"meeting {meeting_id} is not a round of the {benchmark.partner} {benchmark.kind} series"
        )
    row = AssessmentRow(benchmark_id=benchmark_id, meeting_id=meeting_id, result=result, note=note or None)
    row.who, row.at = who, now or dt.datetime.now(dt.UTC)
    session.add(row)
    session.flush()
    return _assessment(row)


def _assessment(row: AssessmentRow) -> AssessmentEntry:
    return AssessmentEntry(
        str(row.benchmark_id),
        str(row.meeting_id),
        cast(Result | None, row.result),
        row.note,
        row.who,
        row.at,
    )


def assessment_history(*, session: Session, benchmark_ids: Iterable[int]) -> list[AssessmentEntry]:
    """Every analyst's setting for these benchmarks, oldest first."""
    ids = list(benchmark_ids)
    if not ids:
        return []
    rows = session.scalars(
        select(AssessmentRow).where(AssessmentRow.benchmark_id.in_(ids)).order_by(AssessmentRow.id)
    )
    return [_assessment(r) for r in rows]


def overrides_of(history: Sequence[AssessmentEntry]) -> tuple[Override, ...]:
    """The overrides in force: the latest setting of each (benchmark, round), unless it cleared it."""
    latest: dict[tuple[str, str], AssessmentEntry] = {}
    for entry in history:
        latest[(entry.benchmark_id, entry.meeting_id)] = entry
    return tuple(
        Override(e.benchmark_id, e.meeting_id, e.result, e.note)
        for e in latest.values()
        if e.result is not None
    )


def defined_benchmarks(*, partner: str, session: Session) -> list[DefinedBenchmark]:
    """The benchmarks of ``partner`` with who defined them and when, oldest first."""
    rows = session.scalars(
        select(BenchmarkRow).where(BenchmarkRow.partner == partner.strip().upper()).order_by(BenchmarkRow.id)
    )
    return [DefinedBenchmark(_benchmark(row), row.who, row.at) for row in rows]
