"""Benchmarks: an expected change on a topic or provision, and each round assessed against it.

A round is assessed from its statements about the benchmark's subject:

- ``met``: the EU (or both sides) welcomes or acknowledges it in words that
  report the expected change ("abolished", "ratified", ...) and nobody
  presses the partner on it in that round;
- ``partly-met``: recognition together with renewed pressure, recognition
  in words that do not report the change (or with no clause text to check),
  or a commitment by the partner;
- ``not-met``: the subject is pressed or only discussed;
- ``no-information``: the round does not mention it, except that a met
  benchmark stays met (``carried``) until a round says otherwise.

Analysts may override any round's result; the override also carries forward.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..analyst import RESULTS, Benchmark, Override, Result
from ..errors import InvalidInputError
from .rounds import JOINT, Round, RoundRef, Series, TrackedStatement, mentions
from .stance import StanceOptions, is_critical, is_positive
from .wording import change_stems, reports_change

__all__ = [
    "RESULTS",
    "Assessment",
    "Benchmark",
    "BenchmarkOptions",
    "BenchmarkStatus",
    "Override",
    "Result",
    "assess",
    "assess_round",
    "statuses",
]


@dataclass(frozen=True, slots=True)
class BenchmarkOptions:
    stance: StanceOptions = field(default_factory=StanceOptions)


@dataclass(frozen=True, slots=True)
class Assessment:
    round: RoundRef
    result: Result
    computed: Result
    reason: str
    evidence: tuple[TrackedStatement, ...] = ()
    carried: bool = False
    override: Override | None = None


@dataclass(frozen=True, slots=True)
class BenchmarkStatus:
    benchmark: Benchmark
    history: tuple[Assessment, ...]

    @property
    def current(self) -> Assessment | None:
        """The latest assessment with information (None when no round mentioned the subject)."""
        return next((a for a in reversed(self.history) if a.result != "no-information"), None)


def assess_round(
    benchmark: Benchmark,
    r: Round,
    previous: Result | None = None,
    options: BenchmarkOptions = BenchmarkOptions(),
) -> Assessment:
    """One round against ``benchmark``; ``previous`` is the result of the round before (for carrying)."""
    so = options.stance
    about = tuple(s for s in r.statements if mentions(s, benchmark.subject))
    if not about:
        if previous == "met":
            return Assessment(r.ref, "met", "met", "met earlier, not raised since", carried=True)
        return Assessment(r.ref, "no-information", "no-information", "not mentioned in this round")
    stems = change_stems(benchmark.change)
    critical = tuple(s for s in about if is_critical(s, so))
    positive = tuple(s for s in about if is_positive(s, so))
    reporting = tuple(s for s in positive if reports_change(s.text, stems))
    commits = tuple(s for s in about if s.act == "commit" and s.actor in (r.partner, JOINT))
    result: Result
    if reporting and not critical:
        result, reason, evidence = "met", "the change is recognised", reporting
    elif reporting:
        result, reason, evidence = (
            "partly-met",
            "the change is recognised but still pressed",
            reporting + critical,
        )
    elif positive:
        result, reason, evidence = (
            "partly-met",
            "recognised, but not as the expected change",
            positive + critical,
        )
    elif commits:
        result, reason, evidence = "partly-met", "the partner committed to it", commits + critical
    elif critical:
        result, reason, evidence = "not-met", "still pressed", critical
    else:
        result, reason, evidence = "not-met", "discussed, no change reported", about
    return Assessment(r.ref, result, result, reason, evidence)


def assess(
    benchmark: Benchmark,
    series: Series,
    overrides: Iterable[Override] = (),
    options: BenchmarkOptions = BenchmarkOptions(),
) -> BenchmarkStatus:
    """Every round of ``series`` against ``benchmark``, with analysts' overrides applied."""
    if (series.partner, series.kind) != (benchmark.partner, benchmark.kind):
        raise InvalidInputError(
            f"benchmark {benchmark.id!r} belongs to the {benchmark.partner} {benchmark.kind} series, "
            f"not to {series.partner} {series.kind}"
        )
    by_round = {o.meeting_id: o for o in overrides if o.benchmark_id == benchmark.id}
    history: list[Assessment] = []
    previous: Result | None = None
    for r in series.rounds:
        a = assess_round(benchmark, r, previous, options)
        o = by_round.get(r.meeting_id)
        if o is not None:
            a = Assessment(a.round, o.result, a.computed, o.note or "set by an analyst", a.evidence, False, o)
        history.append(a)
        previous = a.result
    return BenchmarkStatus(benchmark, tuple(history))


def statuses(
    benchmarks: Sequence[Benchmark], series: Sequence[Series], overrides: Iterable[Override] = ()
) -> tuple[BenchmarkStatus, ...]:
    """Each benchmark against its own series (benchmarks without a series are skipped)."""
    found = {(s.partner, s.kind): s for s in series}
    kept = list(overrides)
    return tuple(
        assess(b, found[(b.partner, b.kind)], kept) for b in benchmarks if (b.partner, b.kind) in found
    )
