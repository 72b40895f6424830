import pytest

from hrd.errors import InvalidInputError
from hrd.track.benchmarks import Benchmark, Override, assess, assess_round, statuses
from hrd.track.rounds import Series

from .conftest import CC174, rnd, series, st

ABOLISH = Benchmark("b1", "KZ", "human-rights-dialogue", "death-penalty", "abolish")
REPEAL = Benchmark("b2", "KZ", "human-rights-dialogue", CC174, "repeal")


def _results(status: object) -> list[tuple[int | None, str]]:
    return [(a.round.ordinal, a.result) for a in status.history]  # type: ignore[attr-defined]


def test_death_penalty_abolition_assessed_round_by_round(kz: Series) -> None:
    status = assess(ABOLISH, kz)
    assert _results(status) == [(10, "not-met"), (11, "partly-met"), (12, "met"), (13, "not-met")]
    assert status.history[1].reason == "recognised, but not as the expected change"
    assert [s.act for s in status.history[2].evidence] == ["congratulate"]
    assert status.current is not None and status.current.result == "not-met"


def test_met_benchmark_is_carried_while_not_mentioned(kz: Series) -> None:
    status = assess(REPEAL, kz)
    assert _results(status) == [(10, "not-met"), (11, "not-met"), (12, "met"), (13, "met")]
    assert status.history[3].carried and not status.history[2].carried


def test_partial_results() -> None:
    bench = Benchmark(
        "b", "KZ", "human-rights-dialogue", "torture", "establish a national preventive mechanism"
    )
    s = series(
        rnd(1, 2019, st("KZ", "commit", "torture", text="agreed to set up a mechanism")),
        rnd(
            2,
            2020,
            st("EU", "welcome", "torture", text="welcomed the establishment of the NPM"),
            st("EU", "call", "torture"),
        ),
        rnd(3, 2021, st("EU", "welcome", "torture", text="welcomed the establishment of the NPM")),
        rnd(4, 2022),
        rnd(5, 2023, st("both", "discuss", "torture")),
    )
    assert _results(assess(bench, s)) == [
        (1, "partly-met"),
        (2, "partly-met"),
        (3, "met"),
        (4, "met"),
        (5, "not-met"),
    ]


def test_unmentioned_subject_gives_no_information() -> None:
    s = series(rnd(1, 2019, st("EU", "concern", "media")))
    status = assess(ABOLISH, s)
    assert _results(status) == [(1, "no-information")] and status.current is None


def test_welcome_without_text_is_only_partly_met() -> None:
    r = rnd(1, 2019, st("EU", "welcome", "death-penalty"))
    assert assess_round(ABOLISH, r).result == "partly-met"


def test_analyst_override_wins_and_carries(kz: Series) -> None:
    overrides = [
        Override("b1", "KZ-12", "partly-met", "only a moratorium in law"),
        Override("other", "KZ-13", "met"),
    ]
    status = assess(ABOLISH, kz, overrides)
    twelve = status.history[2]
    assert (twelve.result, twelve.computed, twelve.reason) == (
        "partly-met",
        "met",
        "only a moratorium in law",
    )
    assert twelve.override is not None
    assert status.history[3].result == "not-met"
    repeal = assess(REPEAL, kz, [Override("b2", "KZ-12", "met")])
    assert repeal.history[3].carried


def test_benchmark_of_another_series_is_rejected(kz: Series) -> None:
    with pytest.raises(InvalidInputError):
        assess(Benchmark("b", "UZ", "human-rights-dialogue", "torture", "amend"), kz)
    other = Benchmark("b", "UZ", "human-rights-dialogue", "torture", "amend")
    assert [s.benchmark.id for s in statuses([ABOLISH, other], [kz])] == ["b1"]
